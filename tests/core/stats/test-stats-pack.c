/* Each unit's roster and spells are kept packed in stats_pack (schema 8) so
 * the statistics need not read half a million rows one by one. The pack is
 * only a copy: these tests check that it decodes to exactly what it was made
 * from, refuses damage, disappears whenever a row it came from changes (also
 * by cascades and by programs that are not Nærvær), and that the figures
 * always equal those computed from the tables' rows.
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

/* ---- The blob format ----------------------------------------------------- */

static void
test_roundtrip (void)
{
  NvRosterRow roster[] = {
    { 0, 7, NULL, 100, D (2020, 1, 1), D (2023, 6, 30) },
    { 0, 7, NULL, 62.5, D (2023, 7, 1), NV_DAY_NONE },
    { 0, G_MAXINT64, NULL, 1, 1, 3652059 }, /* the extreme days the schema allows */
  };
  NvSpell spells[] = {
    { 0, 7, NULL, D (2024, 1, 1), D (2024, 1, 3), 100, NV_SPELL_SELF },
    { 0, 7, NULL, D (2024, 1, 4), NV_DAY_NONE, 33.3, NV_SPELL_DOCTOR },
    { 0, 9, NULL, D (2024, 2, 1), D (2024, 2, 1), 20, NV_SPELL_DOCTOR },
    { 0, 7, NULL, 3652059, 3652059, 100, NV_SPELL_DOCTOR },
  };
  g_autoptr (GBytes) rb = nv_stats_pack_roster (roster, G_N_ELEMENTS (roster));
  g_autoptr (GBytes) sb = nv_stats_pack_spells (spells, G_N_ELEMENTS (spells));
  g_autoptr (GArray) r = g_array_new (FALSE, FALSE, sizeof (NvRosterRow));
  g_autoptr (GArray) s = g_array_new (FALSE, FALSE, sizeof (NvSpell));
  gsize len;
  const void *data;

  data = g_bytes_get_data (rb, &len);
  g_assert_true (nv_stats_unpack_roster (data, len, r));
  g_assert_cmpuint (r->len, ==, G_N_ELEMENTS (roster));
  for (guint i = 0; i < r->len; i++)
    {
      NvRosterRow *x = &g_array_index (r, NvRosterRow, i);
      g_assert_cmpint (x->employee_id, ==, roster[i].employee_id);
      g_assert_cmpfloat (x->fte, ==, roster[i].fte);
      g_assert_cmpuint (x->from, ==, roster[i].from);
      g_assert_cmpuint (x->to, ==, roster[i].to);
    }

  data = g_bytes_get_data (sb, &len);
  /* three runs of employees (7, 9, 7): 4 + 3 × 12 + 4 × 8 + one f64 grade */
  g_assert_cmpuint (len, ==, 4 + 3 * 12 + 4 * 8 + 8);
  g_assert_true (nv_stats_unpack_spells (data, len, s));
  g_assert_cmpuint (s->len, ==, G_N_ELEMENTS (spells));
  for (guint i = 0; i < s->len; i++)
    {
      NvSpell *x = &g_array_index (s, NvSpell, i);
      g_assert_cmpint (x->employee_id, ==, spells[i].employee_id);
      g_assert_cmpuint (x->start, ==, spells[i].start);
      g_assert_cmpuint (x->end, ==, spells[i].end);
      g_assert_cmpfloat (x->grade, ==, spells[i].grade);
      g_assert_cmpint (x->type, ==, spells[i].type);
    }

  /* The engine reads packs in place and needs them in order: employee
   * runs rising, starts not falling. 7, 9, 7 decodes, but is refused. */
  {
    guint n = 0;
    NvDay first = 0;
    NvSpell sorted[] = { spells[0], spells[1], spells[3], spells[2] };
    NvSpell falling[] = { spells[1], spells[0] };
    g_autoptr (GBytes) sorted_b = nv_stats_pack_spells (sorted, G_N_ELEMENTS (sorted));
    g_autoptr (GBytes) again = nv_stats_pack_spells_sorted (spells, G_N_ELEMENTS (spells));
    g_autoptr (GBytes) falling_b = nv_stats_pack_spells (falling, G_N_ELEMENTS (falling));

    g_assert_false (nv_stats_pack_spells_scan (data, len, &n, &first));
    g_assert_false (nv_stats_pack_spells_scan (g_bytes_get_data (falling_b, NULL),
                                               g_bytes_get_size (falling_b), &n, &first));
    g_assert_true (nv_stats_pack_spells_scan (g_bytes_get_data (sorted_b, NULL),
                                              g_bytes_get_size (sorted_b), &n, &first));
    g_assert_cmpuint (n, ==, 4);
    g_assert_cmpuint (first, ==, D (2024, 1, 1));
    g_assert_true (g_bytes_equal (sorted_b, again));
  }

  /* Nothing packs to a count of zero and decodes to nothing. */
  {
    g_autoptr (GBytes) empty = nv_stats_pack_spells (NULL, 0);
    g_assert_cmpuint (g_bytes_get_size (empty), ==, 4);
    g_assert_true (nv_stats_unpack_spells (g_bytes_get_data (empty, NULL), 4, s));
    g_assert_cmpuint (s->len, ==, G_N_ELEMENTS (spells));
  }
}

/* Rows packed as they are read give the same blob as packing them sorted:
 * in order (straight into the pack), and when a row comes out of order (the
 * rest kept as rows and sorted at the end). */
static void
test_packer (void)
{
  NvSpell in_order[] = {
    { 0, 3, NULL, D (2024, 1, 1), D (2024, 1, 3), 100, NV_SPELL_SELF },
    { 0, 3, NULL, D (2024, 1, 4), NV_DAY_NONE, 33.3, NV_SPELL_DOCTOR },
    { 0, 5, NULL, D (2023, 2, 1), D (2023, 2, 1), 20, NV_SPELL_DOCTOR },
    { 0, 5, NULL, D (2023, 2, 1), D (2023, 2, 9), 50, NV_SPELL_DOCTOR },
    { 0, 8, NULL, D (2025, 5, 5), D (2025, 5, 6), 100, NV_SPELL_DOCTOR },
  };
  /* 5, 3, 8 and a start falling within employee 3 */
  NvSpell out_of_order[] = { in_order[2], in_order[3], in_order[1], in_order[4], in_order[0] };
  g_autoptr (GBytes) expected = nv_stats_pack_spells (in_order, G_N_ELEMENTS (in_order));

  for (guint pass = 0; pass < 3; pass++)
    {
      const NvSpell *rows = pass == 1 ? out_of_order : in_order;
      guint n_rows = pass == 2 ? 0 : G_N_ELEMENTS (in_order);
      NvStatsPacker *packer = nv_stats_packer_new ();
      g_autoptr (GBytes) packed = NULL;
      g_autoptr (GBytes) empty = nv_stats_pack_spells (NULL, 0);
      guint n = 99;
      NvDay first = 1;

      for (guint i = 0; i < n_rows; i++)
        nv_stats_packer_add (packer, &rows[i]);
      packed = nv_stats_packer_finish (packer, &n, &first);
      g_assert_true (g_bytes_equal (packed, pass == 2 ? empty : expected));
      g_assert_cmpuint (n, ==, n_rows);
      g_assert_cmpuint (first, ==, pass == 2 ? NV_DAY_NONE : D (2023, 2, 1));
    }
}

/* Decoding @bytes fails and leaves @out as it was. */
static void
assert_spells_refused (const guint8 *bytes, gsize len)
{
  g_autoptr (GArray) out = g_array_new (FALSE, FALSE, sizeof (NvSpell));
  NvSpell keep = { 0, 1, NULL, 5, 6, 100, NV_SPELL_DOCTOR };

  guint n = 1;
  NvDay first = 1;

  g_array_append_val (out, keep);
  g_assert_false (nv_stats_unpack_spells (bytes, len, out));
  g_assert_cmpuint (out->len, ==, 1);
  /* what the statistics engine reads without unpacking: refused as well */
  g_assert_false (nv_stats_pack_spells_scan (bytes, len, &n, &first));
}

static void
test_damage (void)
{
  NvSpell spells[] = {
    { 0, 3, NULL, D (2024, 1, 1), D (2024, 1, 3), 100, NV_SPELL_SELF },
    { 0, 3, NULL, D (2024, 2, 1), D (2024, 2, 9), 50.5, NV_SPELL_DOCTOR },
  };
  NvRosterRow roster[] = { { 0, 3, NULL, 80, D (2020, 1, 1), NV_DAY_NONE } };
  g_autoptr (GBytes) sb = nv_stats_pack_spells (spells, G_N_ELEMENTS (spells));
  g_autoptr (GBytes) rb = nv_stats_pack_roster (roster, 1);
  gsize len, rlen;
  const guint8 *good = g_bytes_get_data (sb, &len);
  const guint8 *rgood = g_bytes_get_data (rb, &rlen);
  g_autofree guint8 *bad = g_memdup2 (good, len + 8);
  g_autoptr (GArray) r = g_array_new (FALSE, FALSE, sizeof (NvRosterRow));

  assert_spells_refused (NULL, 0);
  assert_spells_refused (good, 3);
  /* every shorter prefix, and trailing bytes */
  for (gsize cut = 0; cut < len; cut++)
    assert_spells_refused (good, cut);
  memset (bad + len, 0, 8);
  assert_spells_refused (bad, len + 8);
  /* a count larger than the data */
  memcpy (bad, good, len);
  bad[0] = 200;
  assert_spells_refused (bad, len);
  /* a run of zero spells */
  memcpy (bad, good, len);
  bad[12] = bad[13] = bad[14] = bad[15] = 0;
  assert_spells_refused (bad, len);
  /* an end before the start: the first word, bits 22–43 */
  memcpy (bad, good, len);
  {
    guint64 word;
    memcpy (&word, bad + 16, 8);
    word = GUINT64_FROM_LE (word);
    word = (word & ~(((G_GUINT64_CONSTANT (1) << 22) - 1) << 22)) | (G_GUINT64_CONSTANT (5) << 22);
    word = GUINT64_TO_LE (word);
    memcpy (bad + 16, &word, 8);
  }
  assert_spells_refused (bad, len);
  /* a grade of 0 */
  memcpy (bad, good, len);
  {
    guint64 word;
    memcpy (&word, bad + 16, 8);
    word = GUINT64_TO_LE (GUINT64_FROM_LE (word) & ~(G_GUINT64_CONSTANT (0x7f) << 45));
    memcpy (bad + 16, &word, 8);
  }
  assert_spells_refused (bad, len);
  /* bits no writer sets */
  memcpy (bad, good, len);
  bad[16 + 7] |= 0x80;
  assert_spells_refused (bad, len);

  g_assert_true (nv_stats_unpack_roster (rgood, rlen, r));
  g_assert_false (nv_stats_unpack_roster (rgood, rlen - 1, r));
  g_assert_false (nv_stats_unpack_roster (NULL, 0, r));
  {
    g_autofree guint8 *rbad = g_memdup2 (rgood, rlen);
    double fte = 0;
    memcpy (rbad + 4 + 16, &fte, sizeof fte);
    g_assert_false (nv_stats_unpack_roster (rbad, rlen, r));
  }
  g_assert_cmpuint (r->len, ==, 1);
}

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

static int
count (NvStore *store, const char *sql, gint64 id)
{
  sqlite3_stmt *stmt = NULL;
  int n;

  g_assert_cmpint (sqlite3_prepare_v2 (nv_store_get_db (store), sql, -1, &stmt, NULL), ==,
                   SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, id);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

static gboolean
has_pack (NvStore *store, gint64 unit_id)
{
  return count (store, "SELECT count(*) FROM stats_pack WHERE unit_id = ?1", unit_id) == 1;
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
  g_autoptr (GArray) all = nv_stats_for_units (f->store, NULL, 0, &q, &error);

  g_assert_no_error (error);
  for (guint u = 0; u < f->units->len; u++)
    g_assert_true (has_pack (f->store, unit (f, u)));
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
  NvStatsQuery q = query ();
  sqlite3 *db = nv_store_get_db (f->store);
  const char *field = NULL;
  g_autoptr (GPtrArray) emps = nv_employee_list (f->store, unit (f, 0), &error);
  gint64 emp = ((NvEmployee *) g_ptr_array_index (emps, 0))->id;
  gint64 spell_id, roster_id;

#define REBUILD()                                                                              \
  G_STMT_START                                                                                 \
  {                                                                                            \
    g_autoptr (GArray) all_ = nv_stats_for_units (f->store, NULL, 0, &q, &error);              \
    g_assert_no_error (error);                                                                 \
    for (guint u_ = 0; u_ < f->units->len; u_++)                                               \
      g_assert_true (has_pack (f->store, unit (f, u_)));                                       \
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
  g_autoptr (GError) error = NULL;
  NvStatsQuery q = query ();
  g_autoptr (GArray) before = nv_stats_for_units (f->store, NULL, 0, &q, &error);
  sqlite3 *db = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_open_v2 (f->path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  exec (db, "PRAGMA foreign_keys = ON");
  exec (db, "UPDATE spell SET grade = 20 WHERE type = 'legemeldt' AND grade = 100 "
            "AND employee_id IN (SELECT id FROM employee WHERE unit_id = "
            "  (SELECT min(id) FROM unit))");
  sqlite3_close (db);
  g_assert_false (has_pack (f->store, unit (f, 0)));
  assert_matches_rows (f, f->store);
  {
    g_autoptr (GArray) after = nv_stats_for_units (f->store, NULL, 0, &q, &error);
    double lost_before = nv_stats_combine ((NvStatsPeriod *) (void *) before->data,
                                           before->len).lost_days;
    double lost_after = nv_stats_combine ((NvStatsPeriod *) (void *) after->data,
                                          after->len).lost_days;
    g_assert_no_error (error);
    g_assert_cmpfloat (lost_after, <, lost_before);
  }
}

/* A damaged pack is not believed: the rows are read and the pack mended. */
static void
test_damaged_pack (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  NvStatsQuery q = query ();
  g_autoptr (GArray) all = nv_stats_for_units (f->store, NULL, 0, &q, &error);

  g_assert_no_error (error);
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
    g_autoptr (GArray) again = nv_stats_for_units (f->store, NULL, 0, &q, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (again->len, ==, all->len);
    for (guint i = 0; i < all->len; i++)
      g_assert_cmpfloat (g_array_index (again, NvStatsPeriod, i).lost_days, ==,
                         g_array_index (all, NvStatsPeriod, i).lost_days);
  }
  assert_matches_rows (f, f->store);
  for (guint u = 0; u < f->units->len; u++)
    g_assert_true (has_pack (f->store, unit (f, u)));
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

  g_assert_cmpint (count (f->store, "SELECT count(*) FROM stats_pack WHERE ?1 = 0", 0), ==, 0);
  g_assert_cmpint (sqlite3_open_v2 (f->path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  exec (db, "BEGIN IMMEDIATE");
  assert_matches_rows (f, f->store);
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM stats_pack WHERE ?1 = 0", 0), ==, 0);
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

/* An import drops the per-row trigger inside its transaction and deletes
 * the unit's pack itself; the trigger is back after the commit, and after a
 * refused import (rolled back) the pack and the trigger are as they were. */
static void
test_import (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  NvStatsQuery q = query ();
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
  {
    g_autoptr (GArray) all = nv_stats_for_units (f->store, NULL, 0, &q, &error);
    g_assert_no_error (error);
  }
  g_assert_true (has_pack (f->store, unit (f, 0)));

  g_assert_true (nv_import_data (f->store, NV_IMPORT_SPELLS, unit (f, 0), "spells.csv", good,
                                 strlen (good), NULL, &error));
  g_assert_no_error (error);
  g_assert_true (nv_stats_pack_trusted (f->store, &error));
  g_assert_false (has_pack (f->store, unit (f, 0)));
  g_assert_true (has_pack (f->store, unit (f, 1)));
  assert_matches_rows (f, f->store);
  g_assert_true (has_pack (f->store, unit (f, 0)));
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

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/stats-pack/roundtrip", test_roundtrip);
  g_test_add_func ("/stats-pack/packer", test_packer);
  g_test_add_func ("/stats-pack/damage", test_damage);
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
  return g_test_run ();
}
