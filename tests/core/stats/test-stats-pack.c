/* Each unit's roster and spells are kept packed in stats_pack (schema 8) so
 * the statistics need not read half a million rows one by one. The pack is
 * only a copy: these tests check that it disappears whenever a row it came
 * from changes (also by cascades and by programs that are not Nærvær), that
 * an import writes the very pack the statistics would make, and that the
 * figures always equal those computed from the tables' rows. The blob format
 * itself is test-stats-pack-format.c's.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "nv-test-store.h"
#include "nv-absence.h"
#include "nv-demo.h"
#include "nv-import.h"
#include "nv-stats-private.h"
#include "nv-store-private.h"
#include "nv-store-sqlite.h"
#include "nv-unit.h"

#define D(y, m, d) nv_day_from_ymd (y, m, d)

/* ---- In the store -------------------------------------------------------- */

typedef struct
{
  char *dir;
  char *path;
  NvStore *store;
  GArray *units; /* gint64 */
} Fixture;

static const NvStatsQuery by_quarter = { NV_PERIOD_QUARTER, NV_DAY_NONE, 0, 0 };

static NvStatsQuery
query (void)
{
  NvStatsQuery q = by_quarter;
  q.from = D (2022, 1, 1);
  q.to = D (2026, 11, 20);
  q.as_of = D (2026, 11, 20);
  return q;
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  f->dir = nv_test_tmpdir ();
  f->path = g_build_filename (f->dir, "pack.db", NULL);
  f->store = nv_store_open (f->path, &error);
  g_assert_no_error (error);
  f->units = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_assert_true (nv_demo_fill_full (f->store, 4, 5, D (2026, 11, 20), 7, f->units, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->store);
  g_array_unref (f->units);
  nv_test_rmtree (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static gint64
unit (Fixture *f, guint i)
{
  return g_array_index (f->units, gint64, i);
}

static gboolean
has_pack (NvStore *store, gint64 unit_id)
{
  return nv_test_query_int (store, "SELECT count(*) FROM stats_pack WHERE unit_id = ?1", unit_id)
         == 1;
}

/* The figures of all units (query ()), which must come without an error;
 * they write every unit's pack. */
static GArray *
all_figures (NvStore *store)
{
  g_autoptr (GError) error = NULL;
  NvStatsQuery q = query ();
  GArray *all = nv_stats_for_units (store, NULL, 0, &q, &error);

  g_assert_no_error (error);
  return all;
}

/* Every unit has its pack. */
static void
assert_every_pack (Fixture *f)
{
  for (guint u = 0; u < f->units->len; u++)
    g_assert_true (has_pack (f->store, unit (f, u)));
}

/* Whether the unit's pack holds any roster row or spell of @employee_id. */
static gboolean
pack_mentions (NvStore *store, gint64 unit_id, gint64 employee_id)
{
  sqlite3_stmt *stmt = NULL;
  g_autoptr (GArray) r = g_array_new (FALSE, FALSE, sizeof (NvRosterRow));
  g_autoptr (GArray) s = g_array_new (FALSE, FALSE, sizeof (NvSpell));
  gboolean found = FALSE;

  sqlite3_prepare_v2 (nv_store_get_db (store),
                      "SELECT roster, spells FROM stats_pack WHERE unit_id = ?1", -1, &stmt, NULL);
  sqlite3_bind_int64 (stmt, 1, unit_id);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_true (nv_stats_unpack_roster (sqlite3_column_blob (stmt, 0),
                                         sqlite3_column_bytes (stmt, 0), r));
  g_assert_true (nv_stats_unpack_spells (sqlite3_column_blob (stmt, 1),
                                         sqlite3_column_bytes (stmt, 1), s));
  sqlite3_finalize (stmt);
  g_assert_cmpuint (s->len, >, 0);
  for (guint i = 0; i < r->len; i++)
    found |= g_array_index (r, NvRosterRow, i).employee_id == employee_id;
  for (guint i = 0; i < s->len; i++)
    found |= g_array_index (s, NvSpell, i).employee_id == employee_id;
  return found;
}

static void
exec (sqlite3 *db, const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

/* The unit's figures computed from the rows of the tables, no pack and no
 * cache involved. */
static GArray *
from_rows (NvStore *store, gint64 unit_id)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) roster = nv_roster_list (store, unit_id, &error);
  g_autoptr (GPtrArray) spells = nv_spell_list (store, unit_id, &error);
  g_autoptr (GPtrArray) monthly = nv_monthly_list (store, unit_id, &error);
  g_autoptr (GArray) r = g_array_new (FALSE, FALSE, sizeof (NvRosterRow));
  g_autoptr (GArray) s = g_array_new (FALSE, FALSE, sizeof (NvSpell));
  g_autoptr (GArray) m = g_array_new (FALSE, FALSE, sizeof (NvMonthly));
  NvStatsQuery q = query ();

  g_assert_no_error (error);
  for (guint i = 0; i < roster->len; i++)
    g_array_append_vals (r, g_ptr_array_index (roster, i), 1);
  for (guint i = 0; i < spells->len; i++)
    g_array_append_vals (s, g_ptr_array_index (spells, i), 1);
  for (guint i = 0; i < monthly->len; i++)
    g_array_append_vals (m, g_ptr_array_index (monthly, i), 1);
  return nv_stats_compute (&q, (NvRosterRow *) (void *) r->data, r->len,
                           (NvSpell *) (void *) s->data, s->len,
                           (NvMonthly *) (void *) m->data, m->len);
}

static void
assert_same_number (double a, double b)
{
  if (isnan (a))
    g_assert_true (isnan (b));
  else
    g_assert_cmpfloat (a, ==, b);
}

/* What @store shows for every unit equals what the rows give. */
static void
assert_matches_rows (Fixture *f, NvStore *store)
{
  for (guint u = 0; u < f->units->len; u++)
    {
      g_autoptr (GError) error = NULL;
      NvStatsQuery q = query ();
      g_autoptr (GArray) shown = nv_stats_for_unit (store, unit (f, u), &q, &error);
      g_autoptr (GArray) truth = from_rows (store, unit (f, u));

      g_assert_no_error (error);
      g_assert_cmpuint (shown->len, ==, truth->len);
      for (guint i = 0; i < truth->len; i++)
        {
          NvStatsPeriod *a = &g_array_index (shown, NvStatsPeriod, i);
          NvStatsPeriod *b = &g_array_index (truth, NvStatsPeriod, i);

          g_assert_cmpstr (a->label, ==, b->label);
          g_assert_cmpuint (a->persons, ==, b->persons);
          assert_same_number (a->contracted_days, b->contracted_days);
          assert_same_number (a->lost_days_self, b->lost_days_self);
          assert_same_number (a->lost_days_doctor, b->lost_days_doctor);
          assert_same_number (a->lost_days_short, b->lost_days_short);
          assert_same_number (a->lost_days_long, b->lost_days_long);
          assert_same_number (a->lost_days_graded, b->lost_days_graded);
          assert_same_number (a->percent, b->percent);
          g_assert_cmpint (a->source, ==, b->source);
        }
    }
}

/* Figures for all units: every pack is written, a reopened store reads them
 * and shows exactly what the rows give. */
static void
test_store_matches_rows (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  NvStatsQuery q = query ();
  g_autoptr (GArray) all = all_figures (f->store);

  assert_every_pack (f);
  g_clear_object (&f->store);
  f->store = nv_store_open (f->path, &error);
  g_assert_no_error (error);
  assert_matches_rows (f, f->store);

  /* One unit asked for on its own reads just its pack. */
  {
    g_autoptr (NvStore) other = nv_store_open (f->path, &error);
    g_autoptr (GArray) one = nv_stats_for_unit (other, unit (f, 1), &q, &error);
    g_autoptr (GArray) truth = from_rows (other, unit (f, 1));
    g_assert_no_error (error);
    g_assert_cmpuint (one->len, ==, truth->len);
    for (guint i = 0; i < one->len; i++)
      g_assert_cmpfloat (g_array_index (one, NvStatsPeriod, i).lost_days, ==,
                         g_array_index (truth, NvStatsPeriod, i).lost_days);
  }
}

/* Every kind of write deletes the pack of the unit it touches, and only
 * that one; the next figures match the rows again. */
static void
test_writes_delete_pack (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  sqlite3 *db = nv_store_get_db (f->store);
  const char *field = NULL;
  g_autoptr (GPtrArray) emps = nv_employee_list (f->store, unit (f, 0), &error);
  gint64 emp = ((NvEmployee *) g_ptr_array_index (emps, 0))->id;
  gint64 spell_id, roster_id;

#define REBUILD()                                                                              \
  G_STMT_START                                                                                 \
  {                                                                                            \
    g_array_unref (all_figures (f->store));                                                    \
    assert_every_pack (f);                                                                     \
  }                                                                                            \
  G_STMT_END
#define GONE_ONLY_FROM_UNIT_0()                                                                \
  G_STMT_START                                                                                 \
  {                                                                                            \
    g_assert_false (has_pack (f->store, unit (f, 0)));                                         \
    for (guint u_ = 1; u_ < f->units->len; u_++)                                               \
      g_assert_true (has_pack (f->store, unit (f, u_)));                                       \
    assert_matches_rows (f, f->store);                                                         \
  }                                                                                            \
  G_STMT_END

  g_assert_no_error (error);
  REBUILD ();
  spell_id = nv_spell_add (f->store, emp, D (2026, 11, 16), D (2026, 11, 17), 100,
                           NV_SPELL_SELF, &field, &error);
  g_assert_no_error (error);
  GONE_ONLY_FROM_UNIT_0 ();

  REBUILD ();
  {
    g_autoptr (NvSpell) s = nv_spell_get (f->store, spell_id, &error);
    s->type = NV_SPELL_DOCTOR;
    s->grade = 40;
    g_assert_true (nv_spell_update (f->store, s, &field, &error));
  }
  GONE_ONLY_FROM_UNIT_0 ();

  REBUILD ();
  g_assert_true (nv_spell_delete (f->store, spell_id, &error));
  GONE_ONLY_FROM_UNIT_0 ();

  REBUILD ();
  g_assert_true (nv_roster_change_fte (f->store, emp, D (2026, 11, 2), 40, &field, &error));
  g_assert_no_error (error);
  GONE_ONLY_FROM_UNIT_0 ();

  REBUILD ();
  {
    g_autoptr (GPtrArray) rows = nv_roster_list_employee (f->store, emp, &error);
    roster_id = ((NvRosterRow *) g_ptr_array_index (rows, rows->len - 1))->id;
  }
  g_assert_true (nv_roster_delete (f->store, roster_id, &error));
  g_assert_no_error (error);
  GONE_ONLY_FROM_UNIT_0 ();

  /* Erasing an employee: the cascade removes the rows and the pack, so no
   * copy of the erased rows is left behind. */
  REBUILD ();
  g_assert_true (pack_mentions (f->store, unit (f, 0), emp));
  g_assert_true (nv_employee_erase (f->store, emp, &error));
  GONE_ONLY_FROM_UNIT_0 ();
  REBUILD ();
  g_assert_false (pack_mentions (f->store, unit (f, 0), emp));

  /* An employee moved to another unit (no API does it; the sqlite3 shell
   * could): both units' packs go. */
  REBUILD ();
  {
    g_autoptr (GPtrArray) moved = nv_employee_list (f->store, unit (f, 0), &error);
    sqlite3_stmt *stmt = NULL;
    sqlite3_prepare_v2 (db, "UPDATE employee SET unit_id = ?1 WHERE id = ?2", -1, &stmt, NULL);
    sqlite3_bind_int64 (stmt, 1, unit (f, 1));
    sqlite3_bind_int64 (stmt, 2, ((NvEmployee *) g_ptr_array_index (moved, 0))->id);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
    sqlite3_finalize (stmt);
    g_assert_false (has_pack (f->store, unit (f, 0)));
    g_assert_false (has_pack (f->store, unit (f, 1)));
    g_assert_true (has_pack (f->store, unit (f, 2)));
    nv_stats_store_forget (f->store);
    assert_matches_rows (f, f->store);
  }

  /* Deleting a unit takes its pack along. */
  REBUILD ();
  g_assert_true (nv_unit_delete (f->store, unit (f, 3), &error));
  g_assert_false (has_pack (f->store, unit (f, 3)));
  g_assert_true (has_pack (f->store, unit (f, 2)));
#undef REBUILD
#undef GONE_ONLY_FROM_UNIT_0
}

/* Another program — here a bare SQLite connection, as the sqlite3 shell
 * would be — changes a spell: the next figures show it, no stale pack. */
static void
test_foreign_write (Fixture *f, gconstpointer data)
{
  g_autoptr (GArray) before = all_figures (f->store);
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (f->path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  exec (db, "PRAGMA foreign_keys = ON");
  exec (db, "UPDATE spell SET grade = 20 WHERE type = 'legemeldt' AND grade = 100 "
            "AND employee_id IN (SELECT id FROM employee WHERE unit_id = "
            "  (SELECT min(id) FROM unit))");
  sqlite3_close (db);
  g_assert_false (has_pack (f->store, unit (f, 0)));
  assert_matches_rows (f, f->store);
  {
    g_autoptr (GArray) after = all_figures (f->store);
    double lost_before = nv_stats_combine ((NvStatsPeriod *) (void *) before->data,
                                           before->len).lost_days;
    double lost_after = nv_stats_combine ((NvStatsPeriod *) (void *) after->data,
                                          after->len).lost_days;
    g_assert_cmpfloat (lost_after, <, lost_before);
  }
}

/* A damaged pack is not believed: the rows are read and the pack mended. */
static void
test_damaged_pack (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) all = all_figures (f->store);

  g_clear_object (&f->store);
  {
    sqlite3 *db = NULL;
    g_assert_cmpint (sqlite3_open_v2 (f->path, &db, SQLITE_OPEN_READWRITE, NULL), ==,
                     SQLITE_OK);
    exec (db, "UPDATE stats_pack SET spells = x'05000000' || spells "
              "WHERE unit_id = (SELECT min(unit_id) FROM stats_pack)");
    exec (db, "UPDATE stats_pack SET roster = x'00' "
              "WHERE unit_id = (SELECT max(unit_id) FROM stats_pack)");
    /* A pack that decodes but is out of order (the spells reversed): the
     * engine reads packs in place, in order, so it must not believe it. */
    {
      sqlite3_stmt *stmt = NULL;
      g_autoptr (GArray) s = g_array_new (FALSE, FALSE, sizeof (NvSpell));
      g_autoptr (GArray) rev = g_array_new (FALSE, FALSE, sizeof (NvSpell));
      g_autoptr (GBytes) packed = NULL;

      g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT spells FROM stats_pack WHERE unit_id = ?1",
                                           -1, &stmt, NULL),
                       ==, SQLITE_OK);
      sqlite3_bind_int64 (stmt, 1, unit (f, 1));
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
      g_assert_true (nv_stats_unpack_spells (sqlite3_column_blob (stmt, 0),
                                             sqlite3_column_bytes (stmt, 0), s));
      sqlite3_finalize (stmt);
      g_assert_cmpuint (s->len, >, 1);
      for (guint i = s->len; i > 0; i--)
        g_array_append_val (rev, g_array_index (s, NvSpell, i - 1));
      packed = nv_stats_pack_spells ((NvSpell *) (void *) rev->data, rev->len);
      g_assert_cmpint (sqlite3_prepare_v2 (db, "UPDATE stats_pack SET spells = ?2 "
                                               "WHERE unit_id = ?1",
                                           -1, &stmt, NULL),
                       ==, SQLITE_OK);
      sqlite3_bind_int64 (stmt, 1, unit (f, 1));
      sqlite3_bind_blob (stmt, 2, g_bytes_get_data (packed, NULL),
                         (int) g_bytes_get_size (packed), SQLITE_TRANSIENT);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
      sqlite3_finalize (stmt);
    }
    sqlite3_close (db);
  }
  f->store = nv_store_open (f->path, &error);
  g_assert_no_error (error);
  {
    g_autoptr (GArray) again = all_figures (f->store);
    g_assert_cmpuint (again->len, ==, all->len);
    for (guint i = 0; i < all->len; i++)
      g_assert_cmpfloat (g_array_index (again, NvStatsPeriod, i).lost_days, ==,
                         g_array_index (all, NvStatsPeriod, i).lost_days);
  }
  assert_matches_rows (f, f->store);
  assert_every_pack (f);
}

/* While another program holds the write lock the figures still come, from
 * the rows, without waiting for it and without writing a pack; inside our
 * own transaction they show its uncommitted rows. */
static void
test_busy_and_transaction (Fixture *f, gconstpointer data)
{
  g_autoptr (NvStoreTxn) txn = NULL;
  g_autoptr (GError) error = NULL;
  NvStatsQuery q = query ();
  sqlite3 *db = NULL;
  const char *field = NULL;

  g_assert_cmpint (nv_test_query_int (f->store, "SELECT count(*) FROM stats_pack", 0), ==, 0);
  g_assert_cmpint (sqlite3_open_v2 (f->path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  exec (db, "BEGIN IMMEDIATE");
  assert_matches_rows (f, f->store);
  g_assert_cmpint (nv_test_query_int (f->store, "SELECT count(*) FROM stats_pack", 0), ==, 0);
  exec (db, "COMMIT");
  sqlite3_close (db);

  {
    g_autoptr (GArray) all = nv_stats_for_units (f->store, NULL, 0, &q, &error);
    g_autoptr (GPtrArray) emps = nv_employee_list (f->store, unit (f, 2), &error);
    g_assert_no_error (error);
    g_assert_true (has_pack (f->store, unit (f, 2)));
    g_assert_true ((txn = nv_store_txn_begin (f->store, NV_TOPIC_ALL, &error)) != NULL);
    gboolean added = FALSE;

    /* a day off for the first employee employed then and not already off */
    for (guint i = 0; i < emps->len && !added; i++)
      {
        g_autoptr (GError) refused = NULL;
        added = nv_spell_add (f->store, ((NvEmployee *) g_ptr_array_index (emps, i))->id,
                              D (2026, 11, 18), D (2026, 11, 18), 100, NV_SPELL_SELF, &field,
                              &refused) > 0;
      }
    g_assert_true (added);
    g_assert_false (has_pack (f->store, unit (f, 2)));
    assert_matches_rows (f, f->store);
    nv_store_txn_rollback (g_steal_pointer (&txn));
    g_assert_true (has_pack (f->store, unit (f, 2)));
    assert_matches_rows (f, f->store);
  }
}

/* @unit_id's pack as text (NULL without one). */
static char *
pack_hex (NvStore *store, gint64 unit_id)
{
  sqlite3_stmt *stmt = NULL;
  char *hex = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (nv_store_get_db (store),
                                       "SELECT hex (roster) || '/' || hex (spells) "
                                       "FROM stats_pack WHERE unit_id = ?1",
                                       -1, &stmt, NULL),
                   ==, SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, unit_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    hex = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return hex;
}

/* The statistics make @unit_id's pack again from the tables. */
static char *
pack_rebuilt (Fixture *f, gint64 unit_id)
{
  g_autofree char *sql
      = g_strdup_printf ("DELETE FROM stats_pack WHERE unit_id = %" G_GINT64_FORMAT, unit_id);

  exec (nv_store_get_db (f->store), sql);
  nv_stats_store_forget (f->store);
  assert_matches_rows (f, f->store);
  return pack_hex (f->store, unit_id);
}

/* An import drops the per-row trigger inside its transaction and writes
 * the unit's pack itself from what it holds — the very pack the statistics
 * would make from the tables; the trigger is back after the commit, and
 * after a refused import (rolled back) the pack and the trigger are as
 * they were. */
static void
test_import (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  const char *field = NULL;
  const char *good = "employee;start;end;grade;type\r\n"
                     "NY1;2026-03-02;2026-03-04;100;self\r\n"
                     "NY1;2026-04-01;2026-04-30;50;doctor\r\n";
  const char *bad = "employee;start;end;grade;type\r\n"
                    "NY1;2026-06-01;2026-06-02;100;self\r\n"
                    "NY1;2026-07-01;2026-07-30;150;doctor\r\n";
  gint64 emp = nv_employee_add (f->store, unit (f, 0), "NY1", &field, &error);

  g_assert_no_error (error);
  g_assert_cmpint (nv_roster_add (f->store, emp, 80, D (2026, 1, 1), NV_DAY_NONE, &field, &error),
                   >, 0);
  g_assert_no_error (error);
  g_array_unref (all_figures (f->store));
  g_assert_true (has_pack (f->store, unit (f, 0)));

  g_assert_true (nv_import_data (f->store, NV_IMPORT_SPELLS, unit (f, 0), "spells.csv", good,
                                 strlen (good), NULL, &error));
  g_assert_no_error (error);
  g_assert_true (nv_stats_pack_trusted (f->store, &error));
  g_assert_true (has_pack (f->store, unit (f, 1)));
  {
    g_autofree char *written = pack_hex (f->store, unit (f, 0));
    g_autofree char *rebuilt = NULL;

    g_assert_nonnull (written);
    assert_matches_rows (f, f->store);
    rebuilt = pack_rebuilt (f, unit (f, 0));
    g_assert_cmpstr (written, ==, rebuilt);
  }
  g_assert_true (pack_mentions (f->store, unit (f, 0), emp));

  g_assert_false (nv_import_data (f->store, NV_IMPORT_SPELLS, unit (f, 0), "spells.csv", bad,
                                  strlen (bad), NULL, &error));
  g_assert_error (error, NV_STORE_ERROR, NV_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (nv_stats_pack_trusted (f->store, &error));
  g_assert_true (has_pack (f->store, unit (f, 0)));
  assert_matches_rows (f, f->store);

  /* A trigger gone (dropped by hand): packs are neither believed nor made. */
  exec (nv_store_get_db (f->store), "DROP TRIGGER stats_pack_roster_update");
  g_assert_false (nv_stats_pack_trusted (f->store, &error));
  g_assert_no_error (error);
  exec (nv_store_get_db (f->store), "DELETE FROM stats_pack");
  nv_stats_store_forget (f->store);
  assert_matches_rows (f, f->store);
  g_assert_false (has_pack (f->store, unit (f, 0)));
}

/* A file for two units: each batch deletes its unit's pack, also the one
 * that finds the trigger dropped by the first (that pack stayed, stale);
 * a grade that is not a whole percent leaves the pack to the statistics. */
static void
test_import_units (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (NvUnit) u0 = nv_unit_get (f->store, unit (f, 0), &error);
  g_autoptr (NvUnit) u1 = nv_unit_get (f->store, unit (f, 1), &error);
  g_autofree char *csv = NULL;
  const char *field = NULL;
  gint64 emp[2];

  g_assert_no_error (error);
  for (guint i = 0; i < 2; i++)
    {
      emp[i] = nv_employee_add (f->store, unit (f, i), i == 0 ? "NY1" : "NY2", &field, &error);
      g_assert_no_error (error);
      nv_roster_add (f->store, emp[i], 80, D (2026, 1, 1), NV_DAY_NONE, &field, &error);
      g_assert_no_error (error);
    }
  g_array_unref (all_figures (f->store));
  g_assert_true (has_pack (f->store, unit (f, 0)) && has_pack (f->store, unit (f, 1)));
  csv = g_strdup_printf ("employee;start;end;grade;type;unit\r\n"
                         "NY1;2026-03-02;2026-03-04;100;self;%s\r\n"
                         "NY2;2026-04-01;2026-04-30;33.5;doctor;%s\r\n",
                         u0->name, u1->name);
  g_assert_true (
      nv_import_data (f->store, NV_IMPORT_SPELLS, 0, "units.csv", csv, strlen (csv), NULL, &error));
  g_assert_no_error (error);
  g_assert_false (has_pack (f->store, unit (f, 1)));
  {
    g_autofree char *written = pack_hex (f->store, unit (f, 0));
    g_autofree char *rebuilt = pack_rebuilt (f, unit (f, 0));

    g_assert_nonnull (written);
    g_assert_cmpstr (written, ==, rebuilt);
  }
  g_assert_true (has_pack (f->store, unit (f, 1)));
  g_assert_true (pack_mentions (f->store, unit (f, 1), emp[1]));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/stats-pack/store-matches-rows", Fixture, NULL, fixture_set_up,
              test_store_matches_rows, fixture_tear_down);
  g_test_add ("/stats-pack/writes-delete-pack", Fixture, NULL, fixture_set_up,
              test_writes_delete_pack, fixture_tear_down);
  g_test_add ("/stats-pack/foreign-write", Fixture, NULL, fixture_set_up, test_foreign_write,
              fixture_tear_down);
  g_test_add ("/stats-pack/damaged-pack", Fixture, NULL, fixture_set_up, test_damaged_pack,
              fixture_tear_down);
  g_test_add ("/stats-pack/busy-and-transaction", Fixture, NULL, fixture_set_up,
              test_busy_and_transaction, fixture_tear_down);
  g_test_add ("/stats-pack/import", Fixture, NULL, fixture_set_up, test_import,
              fixture_tear_down);
  g_test_add ("/stats-pack/import-units", Fixture, NULL, fixture_set_up, test_import_units,
              fixture_tear_down);
  return g_test_run ();
}
