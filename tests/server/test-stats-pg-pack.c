/* The statistics of a shared store from the server's packs (server schema
 * 7, nv-stats-server.c) against the same from the rows, one a spell, as
 * before schema 7 (nv_stats_server_set_packing (FALSE)): the same figures
 * for a hand-computed unit and a random municipality, packs that follow
 * every change and are never built from a snapshot a writer outdates, and
 * row-level security on the packs: a leader gets their units only, a
 * viewer nothing person-level. Run through `pgcluster.py run`.
 *
 * Hand-computed unit (January 2025 has 22 workdays; 1 January is a holiday):
 * five employees at 100 % from 1.1.2025, contracted 5 × 22 = 110 days.
 *   E1 legemeldt 100 % Sat 11.1–Mon 20.1: 13–17 and 20 January = 6 days,
 *      and Thu 2.1–Fri 3.1 (added after it): 2 days;
 *   E2 legemeldt 50 % Mon 13.1–Fri 17.1: 5 × 0.5 = 2.5;
 *   E3 legemeldt 33.3 % Mon 6.1–Fri 10.1: 5 × 0.333 = 1.665 (a grade that
 *      is not a whole percent: 8 more bytes in the pack);
 *   E4 egenmeldt Tue 21.1–Wed 22.1: 2;
 *   E5 legemeldt from Mon 27.1, open, as of Fri 31.1: 5.
 * Lost 8 + 2.5 + 1.665 + 2 + 5 = 19.165 days (self 2, doctor 17.165),
 * 1916.5 / 110 = 17.42272… %.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <libpq-fe.h>
#include <math.h>

#include "nv-stats-cache.h"
#include "nv-stats-server.h"
#include "nv-test-store.h"
#include "nv-test-util.h"
#include "tests/nv-bench.h"

#define D(y, m, d) nv_day_from_ymd (y, m, d)

static char *dir;

/* ---- The server, directly --------------------------------------------- */

static PGconn *
connect_as (const char *location, const char *user)
{
  g_autofree char *conninfo
      = user != NULL ? g_strdup_printf ("%s user=%s", location, user) : g_strdup (location);
  PGconn *conn = PQconnectdb (conninfo);

  g_assert_cmpint (PQstatus (conn), ==, CONNECTION_OK);
  return conn;
}

/* Runs @sql; the first value of its first row (NULL without rows), or the
 * error's SQLSTATE prefixed by "ERROR " when it fails. */
static char *
sql_value (PGconn *conn, const char *sql)
{
  PGresult *r = PQexec (conn, sql);
  char *out = NULL;

  if (PQresultStatus (r) == PGRES_FATAL_ERROR)
    out = g_strdup_printf ("ERROR %s", PQresultErrorField (r, PG_DIAG_SQLSTATE));
  else if (PQresultStatus (r) == PGRES_TUPLES_OK && PQntuples (r) > 0)
    out = g_strdup (PQgetvalue (r, 0, 0));
  PQclear (r);
  return out;
}

static void
sql_ok (PGconn *conn, const char *sql)
{
  PGresult *r = PQexec (conn, sql);

  if (PQresultStatus (r) != PGRES_COMMAND_OK && PQresultStatus (r) != PGRES_TUPLES_OK)
    g_error ("%s: %s", sql, PQerrorMessage (conn));
  PQclear (r);
}

static void
assert_sql (PGconn *conn, const char *sql, const char *expected)
{
  g_autofree char *got = sql_value (conn, sql);

  if (g_strcmp0 (got, expected) != 0)
    g_error ("%s: got %s, expected %s", sql, got != NULL ? got : "(no row)", expected);
}

/* ---- Figures ------------------------------------------------------------ */

static NvStore *
open_store (const char *location)
{
  g_autoptr (GError) error = NULL;
  NvStore *store = nv_store_open (location, &error);

  g_assert_no_error (error);
  return store;
}

/* @unit's figures (0: all units) by @by, in a fresh store that reads the
 * server's packs (@packed) or the rows. */
static GArray *
figures (const char *location, gboolean packed, gint64 unit, NvPeriodKind by, NvDay as_of)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (NvStore) store = open_store (location);
  NvStatsQuery q = { by, NV_DAY_NONE, as_of, as_of };
  GArray *out;

  nv_stats_server_set_packing (packed);
  out = unit > 0 ? nv_stats_for_unit (store, unit, &q, &error)
                 : nv_stats_for_units (store, NULL, 0, &q, &error);
  nv_stats_server_set_packing (TRUE);
  g_assert_no_error (error);
  return out;
}

static void
assert_close (double a, double b, const char *what, guint i)
{
  if (!(fabs (a - b) <= 1e-9 * MAX (1.0, fabs (a))) && !(isnan (a) && isnan (b)))
    g_error ("period %u: %s %.17g from the packs, %.17g from the rows", i, what, a, b);
}

static void
assert_same_figures (GArray *packed, GArray *rows)
{
  g_assert_cmpuint (packed->len, ==, rows->len);
  g_assert_cmpuint (packed->len, >, 0);
  for (guint i = 0; i < packed->len; i++)
    {
      const NvStatsPeriod *a = &g_array_index (packed, NvStatsPeriod, i);
      const NvStatsPeriod *b = &g_array_index (rows, NvStatsPeriod, i);

      g_assert_cmpstr (a->label, ==, b->label);
      g_assert_cmpuint (a->persons, ==, b->persons);
      g_assert_cmpint (a->masked, ==, b->masked);
      g_assert_cmpint (a->source, ==, b->source);
      assert_close (a->contracted_days, b->contracted_days, "contracted", i);
      assert_close (a->lost_days, b->lost_days, "lost", i);
      assert_close (a->lost_days_self, b->lost_days_self, "self", i);
      assert_close (a->lost_days_doctor, b->lost_days_doctor, "doctor", i);
      assert_close (a->lost_days_short, b->lost_days_short, "short", i);
      assert_close (a->lost_days_long, b->lost_days_long, "long", i);
      assert_close (a->lost_days_graded, b->lost_days_graded, "graded", i);
      for (guint c = 0; c < G_N_ELEMENTS (a->lost_days_by_code); c++)
        assert_close (a->lost_days_by_code[c], b->lost_days_by_code[c], "by code", i);
      assert_close (a->percent, b->percent, "percent", i);
    }
}

/* Both ways, the same figures for @unit (0: all) by month, quarter, year. */
static void
assert_packs_agree (const char *location, gint64 unit, NvDay as_of)
{
  const NvPeriodKind kinds[] = { NV_PERIOD_MONTH, NV_PERIOD_QUARTER, NV_PERIOD_YEAR };

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      g_autoptr (GArray) packed = figures (location, TRUE, unit, kinds[k], as_of);
      g_autoptr (GArray) rows = figures (location, FALSE, unit, kinds[k], as_of);

      assert_same_figures (packed, rows);
    }
}

/* ---- Rows as loaded ------------------------------------------------------ */

static int
cmp_spell (gconstpointer pa, gconstpointer pb)
{
  const NvSpell *a = pa, *b = pb;

  if (a->employee_id != b->employee_id)
    return a->employee_id < b->employee_id ? -1 : 1;
  if (a->start != b->start)
    return a->start < b->start ? -1 : 1;
  if (a->end != b->end)
    return a->end < b->end ? -1 : 1;
  if (a->grade != b->grade)
    return a->grade < b->grade ? -1 : 1;
  return (int)a->type - (int)b->type;
}

/* Every unit's roster and spells as the engine gets them, both ways (the
 * order of one employee's spells that start the same day aside). */
static void
assert_same_rows (const char *location, gboolean in_transaction)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (NvStore) store_packed = open_store (location);
  g_autoptr (NvStore) store_rows = open_store (location);
  g_autoptr (NvStatsCache) packed = nv_stats_cache_new ();
  g_autoptr (NvStatsCache) rows = nv_stats_cache_new ();
  NvStoreTxn *txn = NULL;

  if (in_transaction)
    {
      txn = nv_store_txn_begin (store_packed, 0, &error);
      g_assert_no_error (error);
    }
  g_assert_true (nv_stats_load_all (store_packed, packed, &error));
  g_assert_no_error (error);
  if (txn != NULL)
    nv_store_txn_rollback (txn);
  nv_stats_server_set_packing (FALSE);
  g_assert_true (nv_stats_load_all (store_rows, rows, &error));
  nv_stats_server_set_packing (TRUE);
  g_assert_no_error (error);

  g_assert_cmpuint (packed->units->len, ==, rows->units->len);
  for (guint i = 0; i < packed->units->len; i++)
    {
      NvStatsUnitRows *a = NV_STATS_UNIT (packed, i);
      NvStatsUnitRows *b = NV_STATS_UNIT (rows, nv_stats_cache_unit_pos (rows, a->unit_id));
      g_autoptr (GArray) sa = nv_stats_unit_spells (a);
      g_autoptr (GArray) sb = nv_stats_unit_spells (b);

      g_assert_true (a->loaded && b->loaded);
      g_assert_cmpuint (a->roster->len, ==, b->roster->len);
      for (guint r = 0; r < a->roster->len; r++)
        {
          NvRosterRow *x = &g_array_index (a->roster, NvRosterRow, r);
          NvRosterRow *y = &g_array_index (b->roster, NvRosterRow, r);
          g_assert_cmpint (x->employee_id, ==, y->employee_id);
          g_assert_cmpuint (x->from, ==, y->from);
          g_assert_cmpuint (x->to, ==, y->to);
          g_assert_cmpfloat (x->fte, ==, y->fte);
        }
      g_assert_cmpuint (a->n_spells, ==, b->n_spells);
      g_assert_cmpuint (a->first_spell, ==, b->first_spell);
      g_assert_cmpuint (sa->len, ==, sb->len);
      g_array_sort (sa, cmp_spell);
      g_array_sort (sb, cmp_spell);
      for (guint s = 0; s < sa->len; s++)
        g_assert_cmpint (
            cmp_spell (&g_array_index (sa, NvSpell, s), &g_array_index (sb, NvSpell, s)), ==, 0);
    }
}

/* ---- The hand-computed unit ---------------------------------------------- */

static gint64 hand_staff[5];

static gint64
add_hand_unit (NvStore *store, const char *name)
{
  gint64 unit = nv_test_add_unit (store, name, "helse-omsorg", "Testby");

  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *ref = g_strdup_printf ("%s-E%u", name, i + 1);
      hand_staff[i] = nv_test_add_staff (store, unit, ref, 100, D (2025, 1, 1));
    }
  nv_test_add_spell (store, hand_staff[0], D (2025, 1, 11), D (2025, 1, 20), 100, NV_SPELL_DOCTOR);
  nv_test_add_spell (store, hand_staff[0], D (2025, 1, 2), D (2025, 1, 3), 100, NV_SPELL_DOCTOR);
  nv_test_add_spell (store, hand_staff[1], D (2025, 1, 13), D (2025, 1, 17), 50, NV_SPELL_DOCTOR);
  nv_test_add_spell (store, hand_staff[2], D (2025, 1, 6), D (2025, 1, 10), 33.3, NV_SPELL_DOCTOR);
  nv_test_add_spell (store, hand_staff[3], D (2025, 1, 21), D (2025, 1, 22), 100, NV_SPELL_SELF);
  nv_test_add_spell (store, hand_staff[4], D (2025, 1, 27), NV_DAY_NONE, 100, NV_SPELL_DOCTOR);
  return unit;
}

static void
assert_hand_january (GArray *out)
{
  const NvStatsPeriod *p = &g_array_index (out, NvStatsPeriod, 0);

  g_assert_cmpuint (out->len, ==, 1);
  g_assert_cmpstr (p->label, ==, "2025-01");
  g_assert_cmpuint (p->persons, ==, 5);
  g_assert_cmpfloat_with_epsilon (p->contracted_days, 110, 1e-9);
  g_assert_cmpfloat_with_epsilon (p->lost_days, 19.165, 1e-9);
  g_assert_cmpfloat_with_epsilon (p->lost_days_self, 2, 1e-9);
  g_assert_cmpfloat_with_epsilon (p->lost_days_doctor, 17.165, 1e-9);
  g_assert_cmpfloat_with_epsilon (p->percent, 1916.5 / 110, 1e-9);
}

static void
test_hand_computed (void)
{
  g_autofree char *location = nv_test_store_location (dir, "hand");
  g_autoptr (NvStore) store = open_store (location);
  PGconn *super = connect_as (location, NULL);
  gint64 unit = add_hand_unit (store, "Solsiden");
  NvDay as_of = D (2025, 1, 31);

  /* No pack yet: the first query has the server build it. */
  assert_sql (super, "SELECT count(*) FROM naervaer.stats_pack", "0");
  for (int packed = 1; packed >= 0; packed--)
    {
      g_autoptr (GArray) one = figures (location, packed, unit, NV_PERIOD_MONTH, as_of);
      g_autoptr (GArray) all = figures (location, packed, 0, NV_PERIOD_MONTH, as_of);

      assert_hand_january (one);
      assert_hand_january (all);
    }
  assert_sql (super, "SELECT count(*) FROM naervaer.stats_pack", "1");
  /* 6 spells (one of them 16 bytes) in 5 runs of 12 bytes; 5 roster rows. */
  assert_sql (super,
              "SELECT n_spells || ' ' || length (spells) || ' ' || n_roster || ' ' "
              "|| length (roster) FROM naervaer.stats_pack",
              "6 116 5 120");
  /* And from the pack now made. */
  {
    g_autoptr (GArray) again = figures (location, TRUE, unit, NV_PERIOD_MONTH, as_of);
    assert_hand_january (again);
  }
  assert_same_rows (location, FALSE);
  PQfinish (super);
}

/* ---- A random municipality ------------------------------------------------ */

static char *municipality;
static gint64 first_unit;

static const char *
municipality_location (void)
{
  if (municipality == NULL)
    {
      g_autoptr (GRand) rand = g_rand_new_with_seed (14);
      g_autoptr (NvStore) store = NULL;

      municipality = nv_test_store_location (dir, "municipality");
      store = open_store (municipality);
      nv_bench_fill_municipality (store, rand, 24, 3, D (2026, 11, 30));
      first_unit = add_hand_unit (store, "Bakken");
      /* One employee with many spells, added latest first. */
      {
        gint64 lia = nv_test_add_unit (store, "Lia", "barnehage", "Testby");
        gint64 many = nv_test_add_staff (store, lia, "L1", 80, D (2024, 1, 1));

        for (guint i = 0; i < 90; i++)
          nv_test_add_spell (store, many, D (2026, 10, 1) - 7 * i, D (2026, 10, 1) - 7 * i + 1,
                             i % 5 == 0 ? 40 : 100, NV_SPELL_DOCTOR);
      }
    }
  return municipality;
}

static void
test_same_as_rows (void)
{
  const char *location = municipality_location ();
  NvDay as_of = D (2026, 11, 30);

  /* Every unit (packs built by the first), one unit, then from the packs. */
  assert_packs_agree (location, 0, as_of);
  assert_packs_agree (location, first_unit, as_of);
  assert_same_rows (location, FALSE);
  /* Without packs inside a transaction (none is built there): the rows,
   * the spells through naervaer.stats_spells(). */
  {
    PGconn *super = connect_as (location, NULL);
    sql_ok (super, "DELETE FROM naervaer.stats_pack");
    assert_same_rows (location, TRUE);
    assert_sql (super, "SELECT count(*) FROM naervaer.stats_pack", "0");
    PQfinish (super);
  }
  assert_same_rows (location, FALSE);
}

static void
test_never_stale (void)
{
  const char *location = municipality_location ();
  g_autoptr (NvStore) store = open_store (location);
  PGconn *super = connect_as (location, NULL);
  PGconn *writer = connect_as (location, NULL);
  PGconn *builder = connect_as (location, NULL);
  NvDay as_of = D (2026, 11, 30);
  g_autofree char *spell = NULL;
  g_autofree char *other = NULL;
  PGresult *r;

  assert_packs_agree (location, 0, as_of);
  assert_sql (super, "SELECT count(*) FROM naervaer.stats_pack", "26");

  /* Each kind of change deletes its unit's pack; the figures follow. */
  nv_test_add_spell (store, hand_staff[1], D (2026, 3, 2), D (2026, 3, 4), 60, NV_SPELL_DOCTOR);
  assert_sql (super, "SELECT count(*) FROM naervaer.stats_pack", "25");
  assert_packs_agree (location, 0, as_of);
  other = sql_value (super, "SELECT min (id) FROM naervaer.unit WHERE name <> 'Bakken'");
  for (guint i = 0; i < 4; i++)
    {
      g_autofree char *sql = NULL;

      if (i == 0)
        sql = g_strdup_printf (
            "UPDATE naervaer.roster SET fte = 40 WHERE employee_id = %" G_GINT64_FORMAT,
            hand_staff[0]);
      else if (i == 1)
        sql = g_strdup_printf ("UPDATE naervaer.spell SET end_day = end_day + 3 "
                               "WHERE employee_id = %" G_GINT64_FORMAT,
                               hand_staff[0]);
      else if (i == 2)
        sql = g_strdup_printf (
            "UPDATE naervaer.employee SET unit_id = %s WHERE id = %" G_GINT64_FORMAT, other,
            hand_staff[2]);
      else
        sql = g_strdup_printf ("DELETE FROM naervaer.employee WHERE id = %" G_GINT64_FORMAT,
                               hand_staff[3]);
      sql_ok (super, sql);
      assert_sql (super,
                  "SELECT count(*) FROM naervaer.stats_pack p JOIN naervaer.unit u "
                  "ON u.id = p.unit_id WHERE u.name = 'Bakken'",
                  "0");
      assert_packs_agree (location, 0, as_of);
    }

  /* A writer at work: the builder skips its unit until it commits. */
  sql_ok (writer, "BEGIN");
  spell = g_strdup_printf ("INSERT INTO naervaer.spell (employee_id, start_day, end_day, type) "
                           "VALUES (%" G_GINT64_FORMAT ", %u, %u, 'legemeldt')",
                           hand_staff[4], D (2026, 6, 1), D (2026, 6, 30));
  sql_ok (writer, spell);
  assert_sql (builder, "SELECT naervaer.stats_pack_build (NULL)", "0");
  assert_packs_agree (location, 0, as_of);
  sql_ok (writer, "COMMIT");
  assert_packs_agree (location, 0, as_of);
  assert_sql (super, "SELECT count(*) FROM naervaer.stats_pack", "26");

  /* A builder at work: the writer waits for it, then deletes the new pack. */
  sql_ok (super, "DELETE FROM naervaer.stats_pack p USING naervaer.unit u "
                 "WHERE u.id = p.unit_id AND u.name = 'Bakken'");
  sql_ok (builder, "BEGIN");
  assert_sql (builder, "SELECT naervaer.stats_pack_build (NULL)", "1");
  g_assert_cmpint (PQsendQuery (writer, spell), ==, 1);
  g_usleep (G_USEC_PER_SEC / 5);
  g_assert_cmpint (PQconsumeInput (writer), ==, 1);
  g_assert_true (PQisBusy (writer)); /* waiting for the builder's lock */
  sql_ok (builder, "COMMIT");
  while ((r = PQgetResult (writer)) != NULL)
    {
      g_assert_cmpint (PQresultStatus (r), ==, PGRES_COMMAND_OK);
      PQclear (r);
    }
  assert_sql (super,
              "SELECT count(*) FROM naervaer.stats_pack p JOIN naervaer.unit u "
              "ON u.id = p.unit_id WHERE u.name = 'Bakken'",
              "0");
  assert_packs_agree (location, 0, as_of);
  assert_same_rows (location, FALSE);
  PQfinish (builder);
  PQfinish (writer);
  PQfinish (super);
}

/* ---- Row-level security ----------------------------------------------------- */

static void
make_login (PGconn *super, const char *login, const char *role)
{
  g_autofree char *sql = g_strdup_printf (
      "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '%s') THEN "
      "CREATE ROLE %s LOGIN; END IF; END $$; GRANT %s TO %s",
      login, login, role, login);
  sql_ok (super, sql);
}

static void
test_security (void)
{
  g_autofree char *location = nv_test_store_location (dir, "security");
  g_autofree char *leader_location = g_strdup_printf ("%s user=nvt_pack_leader", location);
  g_autofree char *viewer_location = g_strdup_printf ("%s user=nvt_pack_viewer", location);
  g_autoptr (NvStore) store = open_store (location);
  gint64 mine = add_hand_unit (store, "Solsiden");
  gint64 theirs = add_hand_unit (store, "Bakken");
  PGconn *super = connect_as (location, NULL);
  PGconn *leader, *viewer;
  g_autofree char *grant = g_strdup_printf ("INSERT INTO naervaer.unit_grant (role_name, unit_id) "
                                            "VALUES ('nvt_pack_leader', %" G_GINT64_FORMAT ")",
                                            mine);
  g_autofree char *both
      = g_strdup_printf ("{%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT "}", mine, theirs);
  g_autofree char *spells_sql = g_strdup_printf (
      "SELECT string_agg (DISTINCT unit_id::text, ',') FROM naervaer.stats_spells ('%s')", both);
  g_autofree char *mine_text = g_strdup_printf ("%" G_GINT64_FORMAT, mine);
  g_autofree char *insert_mine = g_strdup_printf (
      "INSERT INTO naervaer.stats_pack (unit_id, n_roster, roster, n_spells, spells) "
      "VALUES (%" G_GINT64_FORMAT ", 0, 'fake', 1, 'fake')",
      mine);
  g_autofree char *insert_theirs = g_strdup_printf (
      "INSERT INTO naervaer.stats_pack (unit_id, n_roster, roster, n_spells, spells) "
      "VALUES (%" G_GINT64_FORMAT ", 0, '', 0, '')",
      theirs);
  NvDay as_of = D (2025, 1, 31);

  make_login (super, "nvt_pack_leader", "naervaer_leader");
  make_login (super, "nvt_pack_viewer", "naervaer_viewer");
  sql_ok (super, grant);
  leader = connect_as (location, "nvt_pack_leader");
  viewer = connect_as (location, "nvt_pack_viewer");

  /* The functions read with the caller's rights; the builder, which reads
   * everything, returns nothing but a count. */
  assert_sql (super, "SELECT bool_or (prosecdef) FROM pg_proc WHERE proname = 'stats_spells'", "f");
  assert_sql (super,
              "SELECT prorettype::regtype::text FROM pg_proc WHERE proname = 'stats_pack_build'",
              "integer");

  /* The leader, with the app: their unit's figures, as from the rows. */
  {
    g_autoptr (GArray) packed = figures (leader_location, TRUE, 0, NV_PERIOD_MONTH, as_of);
    g_autoptr (GArray) rows = figures (leader_location, FALSE, 0, NV_PERIOD_MONTH, as_of);
    g_autoptr (GArray) theirs_packed
        = figures (leader_location, TRUE, theirs, NV_PERIOD_MONTH, as_of);

    assert_hand_january (packed);
    assert_same_figures (packed, rows);
    /* Nothing of the other unit (no staff, no spells: no periods). */
    g_assert_cmpuint (theirs_packed->len, ==, 0);
  }
  /* Only their unit's pack was made: the other unit is not theirs to see. */
  assert_sql (super, "SELECT count(*) FROM naervaer.stats_pack", "1");
  assert_sql (leader, "SELECT naervaer.stats_pack_build (NULL)", "0");
  assert_sql (super, "SELECT naervaer.stats_pack_build (NULL)", "1");
  /* With psql the leader reads their own pack only, and changes none. */
  assert_sql (leader, "SELECT string_agg (unit_id::text, ',') FROM naervaer.stats_pack", mine_text);
  assert_sql (leader, spells_sql, mine_text);
  assert_sql (leader, "DELETE FROM naervaer.stats_pack", "ERROR 42501");
  assert_sql (leader, "UPDATE naervaer.stats_pack SET n_spells = 0", "ERROR 42501");
  assert_sql (leader, insert_theirs, "ERROR 42501");
  /* A pack the leader inserts is made by the server from the rows,
   * whatever the INSERT says. */
  sql_ok (super, "DELETE FROM naervaer.stats_pack");
  assert_sql (leader, insert_mine, NULL);
  assert_sql (super, "SELECT n_spells || ' ' || length (spells) FROM naervaer.stats_pack", "6 116");
  {
    g_autoptr (GArray) packed = figures (leader_location, TRUE, 0, NV_PERIOD_MONTH, as_of);
    assert_hand_january (packed);
  }

  /* A viewer: no pack, no spells, not even a count; masked figures only. */
  assert_sql (viewer, "SELECT count(*) FROM naervaer.stats_pack", "ERROR 42501");
  assert_sql (viewer, spells_sql, "ERROR 42501");
  assert_sql (viewer, "SELECT naervaer.stats_pack_build (NULL)", "ERROR 42501");
  assert_sql (viewer,
              "SELECT persons || ' ' || masked || ' ' "
              "|| coalesce (round (lost_days::numeric, 3)::text, '-') "
              "FROM naervaer.unit_month_figures WHERE unit = 'Solsiden' AND period = '2025-01'",
              "5 false 19.165");
  /* In the app as before schema 7: the statistics of the rows are refused. */
  for (int packed = 1; packed >= 0; packed--)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (NvStore) as_viewer = open_store (viewer_location);
      NvStatsQuery q = { NV_PERIOD_MONTH, NV_DAY_NONE, as_of, as_of };
      g_autoptr (GArray) out = NULL;

      nv_stats_server_set_packing (packed);
      out = nv_stats_for_units (as_viewer, NULL, 0, &q, &error);
      nv_stats_server_set_packing (TRUE);
      g_assert_null (out);
      g_assert_nonnull (error);
    }
  PQfinish (viewer);
  PQfinish (leader);
  PQfinish (super);
}

int
main (int argc, char **argv)
{
  int rc;

  g_test_init (&argc, &argv, NULL);
  if (!nv_test_is_pg ())
    {
      printf ("1..0 # SKIP run through tests/server/pgcluster.py run\n");
      return 77;
    }
  dir = nv_test_tmpdir ();
  g_test_add_func ("/stats-pg-pack/hand-computed", test_hand_computed);
  g_test_add_func ("/stats-pg-pack/same-as-rows", test_same_as_rows);
  g_test_add_func ("/stats-pg-pack/never-stale", test_never_stale);
  g_test_add_func ("/stats-pg-pack/security", test_security);
  rc = g_test_run ();
  nv_test_rmtree (dir);
  g_free (municipality);
  g_free (dir);
  return rc;
}
