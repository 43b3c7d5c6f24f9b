/* The store keeps the rows the statistics read in a cache and, after writes
 * of ours, reads again only the HR monthly figures and the rows of the units
 * the writes touched. Every kind of write must still show in the next figures: each step
 * compares the cached answer with a second connection's fresh read, and the
 * first steps also with hand-computed numbers.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "nv-test-util.h"
#include "nv-absence.h"
#include "nv-import.h"
#include "nv-stats.h"
#include "nv-store-private.h"
#include "nv-unit.h"

#define D(y, m, d) nv_day_from_ymd (y, m, d)

typedef struct
{
  char *dir;
  char *path;
  NvStore *store;
  gint64 unit_a, unit_b, emp;
} Fixture;

/* February 2025 (20 workdays, no holidays), every unit summed. */
static NvStatsPeriod
february (NvStore *store)
{
  NvStatsQuery q = { NV_PERIOD_MONTH, D (2025, 2, 1), D (2025, 2, 28), D (2025, 2, 28) };
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) out = nv_stats_for_units (store, NULL, 0, &q, &error);
  NvStatsPeriod p;

  g_assert_no_error (error);
  g_assert_cmpuint (out->len, ==, 1);
  p = g_array_index (out, NvStatsPeriod, 0);
  return p;
}

/* The cached figures equal a fresh connection's. */
static NvStatsPeriod
check (Fixture *f)
{
  g_autoptr (GError) error = NULL;
  NvStatsPeriod cached = february (f->store);
  g_autoptr (NvStore) other = nv_store_open (f->path, &error);
  NvStatsPeriod fresh;

  g_assert_no_error (error);
  fresh = february (other);
  g_assert_cmpfloat (cached.contracted_days, ==, fresh.contracted_days);
  g_assert_cmpfloat (cached.lost_days, ==, fresh.lost_days);
  g_assert_cmpfloat (cached.lost_days_self, ==, fresh.lost_days_self);
  g_assert_cmpfloat (cached.lost_days_graded, ==, fresh.lost_days_graded);
  g_assert_cmpuint (cached.persons, ==, fresh.persons);
  return cached;
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  const char *field = NULL;

  f->dir = nv_test_tmpdir ();
  f->path = g_build_filename (f->dir, "cache.db", NULL);
  f->store = nv_store_open (f->path, &error);
  g_assert_no_error (error);
  f->unit_a = nv_unit_add (f->store, "A", "annet", NULL, &error);
  f->unit_b = nv_unit_add (f->store, "B", "annet", NULL, &error);
  f->emp = nv_employee_add (f->store, f->unit_a, "AB", &field, &error);
  g_assert_no_error (error);
  g_assert_cmpint (nv_roster_add (f->store, f->emp, 100, D (2025, 1, 1), NV_DAY_NONE, &field,
                                  &error), >, 0);
  g_assert_no_error (error);
  /* Unit B: one employee, two days off (Monday and Tuesday 24–25 Feb). */
  {
    gint64 other = nv_employee_add (f->store, f->unit_b, "CD", &field, &error);
    g_assert_no_error (error);
    g_assert_cmpint (nv_roster_add (f->store, other, 100, D (2025, 1, 1), NV_DAY_NONE, &field,
                                    &error), >, 0);
    g_assert_cmpint (nv_spell_add (f->store, other, D (2025, 2, 24), D (2025, 2, 25), 100,
                                   NV_SPELL_DOCTOR, &field, &error), >, 0);
    g_assert_no_error (error);
  }
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->store);
  nv_test_rmtree (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static void
test_every_write_shows (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  const char *field = NULL;
  NvMonthly hr = { f->unit_b, 2025, 2, 100, 10, 0, 20 };
  NvStatsPeriod p;
  gint64 spell;
  const char *csv = "ansatt;fra;til;grad;type\nAB;2025-02-17;2025-02-18;;egenmeldt\n";

  p = check (f);
  g_assert_cmpfloat (p.contracted_days, ==, 40);
  g_assert_cmpfloat (p.lost_days, ==, 2);

  /* A spell Monday–Friday: 5 more lost days. */
  spell = nv_spell_add (f->store, f->emp, D (2025, 2, 3), D (2025, 2, 7), 100, NV_SPELL_DOCTOR,
                        &field, &error);
  g_assert_no_error (error);
  p = check (f);
  g_assert_cmpfloat (p.lost_days, ==, 7);

  /* HR figures of unit B replace its spells there (only HR figures are read
   * again). */
  g_assert_true (nv_monthly_upsert (f->store, &hr, &field, &error));
  p = check (f);
  g_assert_cmpfloat (p.contracted_days, ==, 120);
  g_assert_cmpfloat (p.lost_days, ==, 15);
  hr.lost_days_self = 4;
  g_assert_true (nv_monthly_upsert (f->store, &hr, &field, &error));
  p = check (f);
  g_assert_cmpfloat (p.lost_days, ==, 9);
  g_assert_true (nv_monthly_delete (f->store, f->unit_b, 2025, 2, &error));
  p = check (f);
  g_assert_cmpfloat (p.contracted_days, ==, 40);
  g_assert_cmpfloat (p.lost_days, ==, 7);

  /* Graded, then gone. */
  {
    g_autoptr (NvSpell) s = nv_spell_get (f->store, spell, &error);
    s->grade = 50;
    g_assert_true (nv_spell_update (f->store, s, &field, &error));
  }
  p = check (f);
  g_assert_cmpfloat (p.lost_days, ==, 4.5);
  g_assert_true (nv_spell_delete (f->store, spell, &error));
  p = check (f);
  g_assert_cmpfloat (p.lost_days, ==, 2);

  /* A write through another connection. */
  {
    g_autoptr (NvStore) other = nv_store_open (f->path, &error);
    g_assert_no_error (error);
    g_assert_cmpint (nv_spell_add (other, f->emp, D (2025, 2, 10), D (2025, 2, 10), 100,
                                   NV_SPELL_SELF, &field, &error), >, 0);
  }
  p = check (f);
  g_assert_cmpfloat (p.lost_days, ==, 3);

  /* An import of spells (written in groups, with the foreign-key check
   * switched off for it and back on after). */
  g_assert_true (nv_import_data (f->store, NV_IMPORT_SPELLS, f->unit_a, "s.csv", csv, strlen (csv),
                                 NULL, &error));
  g_assert_no_error (error);
  p = check (f);
  g_assert_cmpfloat (p.lost_days, ==, 5);
  {
    NvStmt *stmt = nv_store_prepare (f->store, "PRAGMA foreign_keys", &error);
    g_assert_cmpint (nv_stmt_step (stmt), ==, NV_ROW);
    g_assert_cmpint (nv_stmt_column_int (stmt, 0), ==, 1);
    nv_stmt_reset (stmt);
  }

  /* A roster change: 50 % from 17 February halves the imported 2 days. */
  g_assert_true (nv_roster_change_fte (f->store, f->emp, D (2025, 2, 17), 50, &field, &error));
  g_assert_no_error (error);
  p = check (f);
  g_assert_cmpfloat (p.lost_days, ==, 4);

  /* Erasing the employee removes the spells by cascade. */
  g_assert_true (nv_employee_erase (f->store, f->emp, &error));
  p = check (f);
  g_assert_cmpfloat (p.contracted_days, ==, 20);
  g_assert_cmpfloat (p.lost_days, ==, 2);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/stats-cache/every-write-shows", Fixture, NULL, fixture_set_up,
              test_every_write_shows, fixture_tear_down);
  return g_test_run ();
}
