/* nv-stats-load.c: the statistics cache reads the same roster and spells for
 * a unit whether it walks the employee index unit by unit (few units) or
 * scans each table once for many (scan_units) — rows sorted, every row in its
 * own unit, nothing of a unit that was not asked for — against rows written
 * down by hand.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "nv-stats-cache.h"
#include "nv-test-store.h"
#include "nv-unit.h"

#define D(y, m, d) nv_day_from_ymd (y, m, d)

/* More than eight units and more than two fifths of the cache's: the scan. */
#define N_UNITS 12

typedef struct
{
  NvTestDb db;
  gint64 units[N_UNITS];
  gint64 a[N_UNITS]; /* 100 % in Jan–Feb 2024, 80 % from 1 Mar 2024 */
  gint64 b[N_UNITS]; /* 50 % from 1 Mar 2024 */
  gint64 other;      /* a unit never asked for, with staff and a spell */
} Fixture;

/* Unit i: A has 1 + i % 3 spells of three days from 5 Feb 2024, a week
 * apart, at 100 % (self-certified); B one open spell from 1 + i June 2024
 * at 50 % (doctor). Written across the units, A's second roster row after
 * B's and A's spells last, a round at a time, so the tables are in no unit's
 * order. */
static void
setup (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  gint64 stranger;

  nv_test_db_open (&f->db, "naervaer.db");
  for (int i = 0; i < N_UNITS; i++)
    {
      g_autofree char *name = g_strdup_printf ("Avdeling %d", i + 1);

      f->units[i] = nv_test_add_unit (f->db.store, name, "helse-omsorg", NULL);
    }
  f->other = nv_test_add_unit (f->db.store, "Ikke spurt", "barnehage", NULL);
  for (int i = 0; i < N_UNITS; i++)
    {
      f->a[i] = nv_employee_add (f->db.store, f->units[i], "A", NULL, &error);
      g_assert_no_error (error);
      nv_roster_add (f->db.store, f->a[i], 100, D (2024, 1, 1), D (2024, 2, 29), NULL, &error);
      g_assert_no_error (error);
      f->b[i] = nv_test_add_staff (f->db.store, f->units[i], "B", 50, D (2024, 3, 1));
    }
  for (int i = 0; i < N_UNITS; i++)
    {
      nv_roster_add (f->db.store, f->a[i], 80, D (2024, 3, 1), NV_DAY_NONE, NULL, &error);
      g_assert_no_error (error);
    }
  stranger = nv_test_add_staff (f->db.store, f->other, "S", 80, D (2023, 1, 1));
  nv_test_add_spell (f->db.store, stranger, D (2024, 2, 5), D (2024, 2, 9), 100, NV_SPELL_DOCTOR);
  for (int i = 0; i < N_UNITS; i++)
    nv_test_add_spell (f->db.store, f->b[i], D (2024, 6, 1 + i), NV_DAY_NONE, 50, NV_SPELL_DOCTOR);
  for (int round = 2; round >= 0; round--)
    for (int i = N_UNITS - 1; i >= 0; i--)
      if (round <= i % 3)
        nv_test_add_spell (f->db.store, f->a[i], D (2024, 2, 5 + 7 * round),
                           D (2024, 2, 7 + 7 * round), 100, NV_SPELL_SELF);
}

static void
teardown (Fixture *f, gconstpointer data)
{
  nv_test_db_close (&f->db);
}

/* Unit @i's rows, as setup() wrote them, in the cache's order. */
static void
assert_unit_rows (Fixture *f, const NvStatsUnitRows *u, int i)
{
  const NvRosterRow *r;
  const NvSpell *s;
  guint n_a = 1 + i % 3;
  g_autoptr (GArray) spells = nv_stats_unit_spells (u);

  g_assert_true (u->loaded);
  g_assert_cmpint (u->unit_id, ==, f->units[i]);

  g_assert_cmpuint (u->roster->len, ==, 3);
  r = &g_array_index (u->roster, NvRosterRow, 0);
  g_assert_cmpint (r->employee_id, ==, f->a[i]);
  g_assert_cmpfloat (r->fte, ==, 100);
  g_assert_cmpint (r->from, ==, D (2024, 1, 1));
  g_assert_cmpint (r->to, ==, D (2024, 2, 29));
  r = &g_array_index (u->roster, NvRosterRow, 1);
  g_assert_cmpint (r->employee_id, ==, f->a[i]);
  g_assert_cmpfloat (r->fte, ==, 80);
  g_assert_cmpint (r->from, ==, D (2024, 3, 1));
  g_assert_cmpint (r->to, ==, NV_DAY_NONE);
  r = &g_array_index (u->roster, NvRosterRow, 2);
  g_assert_cmpint (r->employee_id, ==, f->b[i]);
  g_assert_cmpfloat (r->fte, ==, 50);
  g_assert_cmpint (r->from, ==, D (2024, 3, 1));
  g_assert_cmpint (r->to, ==, NV_DAY_NONE);

  /* (the spells are kept packed; the same rows unpacked) */
  g_assert_cmpuint (u->n_spells, ==, n_a + 1);
  g_assert_cmpuint (u->first_spell, ==, D (2024, 2, 5));
  g_assert_cmpuint (spells->len, ==, n_a + 1);
  for (guint k = 0; k < n_a; k++)
    {
      s = &g_array_index (spells, NvSpell, k);
      g_assert_cmpint (s->employee_id, ==, f->a[i]);
      g_assert_cmpint (s->start, ==, D (2024, 2, 5 + 7 * k));
      g_assert_cmpint (s->end, ==, D (2024, 2, 7 + 7 * k));
      g_assert_cmpfloat (s->grade, ==, 100);
      g_assert_cmpint (s->type, ==, NV_SPELL_SELF);
    }
  s = &g_array_index (spells, NvSpell, n_a);
  g_assert_cmpint (s->employee_id, ==, f->b[i]);
  g_assert_cmpint (s->start, ==, D (2024, 6, 1 + i));
  g_assert_cmpint (s->end, ==, NV_DAY_NONE);
  g_assert_cmpfloat (s->grade, ==, 50);
  g_assert_cmpint (s->type, ==, NV_SPELL_DOCTOR);
}

/* The first unit through the index, then the other eleven: one scan of
 * each table. The scan leaves the loaded unit alone (its rows not read
 * twice) and skips the rows of a unit outside the cache. */
static void
test_scan (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (NvStatsCache) c = nv_stats_cache_new ();
  g_autoptr (GArray) first = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GArray) rest = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_array_append_val (first, f->units[0]);
  g_array_append_vals (rest, f->units + 1, N_UNITS - 1);
  for (int i = 0; i < N_UNITS; i++)
    nv_stats_cache_unit_pos (c, f->units[i]);
  g_assert_true (nv_stats_load_units (f->db.store, c, first, FALSE, &error));
  g_assert_no_error (error);
  g_assert_true (nv_stats_load_units (f->db.store, c, rest, FALSE, &error));
  g_assert_no_error (error);
  for (int i = 0; i < N_UNITS; i++)
    assert_unit_rows (f, NV_STATS_UNIT (c, nv_stats_cache_unit_pos (c, f->units[i])), i);
  g_assert_cmpuint (c->units->len, ==, N_UNITS);
  g_assert_false (g_hash_table_contains (c->index, &f->other));
}

/* One unit at a time: through the employee index. Same rows. */
static void
test_by_unit (Fixture *f, gconstpointer data)
{
  for (int i = 0; i < N_UNITS; i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (NvStatsCache) c = nv_stats_cache_new ();
      g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

      g_array_append_val (ids, f->units[i]);
      nv_stats_cache_unit_pos (c, f->units[i]);
      g_assert_true (nv_stats_load_units (f->db.store, c, ids, FALSE, &error));
      g_assert_no_error (error);
      assert_unit_rows (f, NV_STATS_UNIT (c, 0), i);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/stats-load/scan", Fixture, NULL, setup, test_scan, teardown);
  g_test_add ("/stats-load/by-unit", Fixture, NULL, setup, test_by_unit, teardown);
  return g_test_run ();
}
