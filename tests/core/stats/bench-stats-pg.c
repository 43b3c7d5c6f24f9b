/* bench-stats-pg.c — the statistics of a whole municipality from the
 * PostgreSQL server on this computer against the same from SQLite
 * (issue 14 item 7).
 *
 * 500 units (15–45 employees each) over ten years, three spells per
 * employee and year (tests/nv-bench.h), written once into a database file
 * and once into a database on the throwaway server `pgcluster.py run`
 * started. Each measurement is a new process (this program with --child):
 * it opens the store and runs the first query, all units by quarter, and
 * reports the wall time (on the server the work is shared between two
 * processes, so CPU time of ours alone would flatter it). Alternating,
 * median of NV_BENCH_RUNS:
 *   reference  SQLite, the file with its statistics packs;
 *   ours       PostgreSQL: the spells from the server's per-unit packs
 *              (server schema 7: one bytea row per unit in binary results,
 *              built by the server from the rows, kept true by triggers),
 *              the roster, staff and HR months as rows in binary form,
 *              computed by the same engine   — target ≤ 3× reference;
 *   reported   the same right after the packs were emptied (as after a
 *              bulk load): the server first builds every unit's pack;
 *   reported   the same from the spell rows, one a spell, as before server
 *              schema 7 (--rows).
 * Both packs were made by a first query before the runs, as any program
 * showing the figures once leaves them. All must give the same lost days
 * to the last decimal.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <libpq-fe.h>
#include <sqlite3.h>

#include "nv-stats-server.h"
#include "nv-stats.h"
#include "nv-test-store.h"
#include "nv-test-util.h"
#include "tests/nv-bench.h"

#define MAX_RATIO 3.0

static NvDay today;

static double
total_lost (NvStore *store)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) out = NULL;
  NvStatsQuery q = nv_bench_municipality_query (today);
  double lost = 0;

  out = nv_stats_for_units (store, NULL, 0, &q, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < out->len; i++)
    lost += g_array_index (out, NvStatsPeriod, i).lost_days;
  return lost;
}

/* In the child: open, first query, print the wall time it took. */
static int
child (const char *database, gboolean rows)
{
  g_autoptr (GError) error = NULL;
  gint64 wall0 = g_get_monotonic_time ();
  g_autoptr (NvStore) store = nv_store_open (database, &error);
  double lost;

  g_assert_no_error (error);
  nv_stats_server_set_packing (!rows);
  lost = total_lost (store);
  if (!(lost > 0))
    g_error ("implausible result");
  printf ("wall %.3f lost %.6f\n", (g_get_monotonic_time () - wall0) / 1000.0, lost);
  return 0;
}

static double
measure (const char *self, const char *database, gboolean rows, double *lost)
{
  char *argv[] = { (char *)self, rows ? "--rows" : "--child", (char *)database, NULL };
  NvBenchProc p = nv_bench_spawn (argv, NULL, TRUE);
  double wall = nv_bench_output_value (p.out, "wall");

  *lost = nv_bench_output_value (p.out, "lost");
  g_free (p.out);
  g_assert_cmpfloat (wall, >=, 0);
  return wall;
}

/* Empties the server's statistics packs (not timed). */
static void
forget_server_packs (const char *server)
{
  PGconn *conn = PQconnectdb (server);
  PGresult *r;

  g_assert_cmpint (PQstatus (conn), ==, CONNECTION_OK);
  r = PQexec (conn, "DELETE FROM naervaer.stats_pack");
  g_assert_cmpint (PQresultStatus (r), ==, PGRES_COMMAND_OK);
  PQclear (r);
  PQfinish (conn);
}

static void
fill (NvStore *store)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (500);

  nv_bench_fill_municipality (store, rand, NV_BENCH_MUNICIPALITY_UNITS, NV_BENCH_MUNICIPALITY_YEARS,
                              today);
}

/* The file's rows copied to the server as they are (COPY, triggers off: the
 * audit trail is not what is measured), so both hold the same rows. */
static void
copy_to_server (const char *file, const char *server)
{
  static const char *const tables[][2] = {
    { "unit", "id, name, sector, municipality" },
    { "employee", "id, unit_id, ref" },
    { "roster", "id, employee_id, fte, from_date, to_date" },
    { "spell", "id, employee_id, start_day, end_day, grade, type" },
  };
  sqlite3 *db = NULL;
  PGconn *conn = PQconnectdb (server);

  g_assert_cmpint (PQstatus (conn), ==, CONNECTION_OK);
  g_assert_cmpint (sqlite3_open_v2 (file, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  PQclear (PQexec (conn, "SET session_replication_role = replica"));
  for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
    {
      g_autofree char *select = g_strdup_printf ("SELECT %s FROM %s", tables[t][1], tables[t][0]);
      g_autofree char *copy
          = g_strdup_printf ("COPY naervaer.%s (%s) FROM STDIN", tables[t][0], tables[t][1]);
      sqlite3_stmt *stmt = NULL;
      PGresult *r = PQexec (conn, copy);
      g_autoptr (GString) line = g_string_new (NULL);

      g_assert_cmpint (PQresultStatus (r), ==, PGRES_COPY_IN);
      PQclear (r);
      g_assert_cmpint (sqlite3_prepare_v2 (db, select, -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          g_string_truncate (line, 0);
          for (int c = 0; c < sqlite3_column_count (stmt); c++)
            {
              const char *v = (const char *)sqlite3_column_text (stmt, c);
              g_string_append (line, c > 0 ? "\t" : "");
              g_string_append (line, v != NULL ? v : "\\N");
            }
          g_string_append_c (line, '\n');
          g_assert_cmpint (PQputCopyData (conn, line->str, (int)line->len), ==, 1);
        }
      sqlite3_finalize (stmt);
      g_assert_cmpint (PQputCopyEnd (conn, NULL), ==, 1);
      r = PQgetResult (conn);
      if (PQresultStatus (r) != PGRES_COMMAND_OK)
        g_error ("%s: %s", copy, PQerrorMessage (conn));
      PQclear (r);
    }
  PQclear (PQexec (conn, "ANALYZE"));
  sqlite3_close (db);
  PQfinish (conn);
}

int
main (int argc, char **argv)
{
  g_autofree char *dir = NULL;
  g_autofree char *file = NULL;
  g_autofree char *server = NULL;
  guint runs = nv_bench_runs ();
  g_autofree double *ref = g_new (double, runs);
  g_autofree double *ours = g_new (double, runs);
  g_autofree double *cold = g_new (double, runs);
  g_autofree double *rows = g_new (double, runs);
  double lost_sqlite = 0, lost_pg = 0, lost_cold = 0, lost_rows = 0;

  today = NV_BENCH_MUNICIPALITY_TODAY;
  if (argc == 3 && (g_strcmp0 (argv[1], "--child") == 0 || g_strcmp0 (argv[1], "--rows") == 0))
    return child (argv[2], g_strcmp0 (argv[1], "--rows") == 0);
  if (!nv_test_is_pg ())
    {
      printf ("1..0 # SKIP run through tests/server/pgcluster.py run\n");
      return 77;
    }

  /* Data, not timed: the same municipality in a file (its packs written by
   * a first query, the state after any program showed its figures once)
   * and on the server. */
  dir = nv_test_tmpdir ();
  file = g_build_filename (dir, "municipality.db", NULL);
  server = nv_test_store_location (dir, "server");
  {
    g_autoptr (GError) error = NULL;
    g_autoptr (NvStore) local = nv_store_open (file, &error);

    g_assert_no_error (error);
    fill (local);
    total_lost (local);
  }
  copy_to_server (file, server);
  {
    g_autoptr (GError) error = NULL;
    g_autoptr (NvStore) shared = nv_store_open (server, &error);

    g_assert_no_error (error);
    total_lost (shared);
  }
  if (g_getenv ("NV_BENCH_HOLD") != NULL)
    {
      /* For profiling one child by hand: the data stays this long. */
      printf ("hold: %s | %s\n", file, server);
      fflush (stdout);
      g_usleep (G_USEC_PER_SEC * g_ascii_strtoull (g_getenv ("NV_BENCH_HOLD"), NULL, 10));
    }

  for (guint run = 0; run < runs; run++)
    {
      if (run % 2 == 0)
        ref[run] = measure (argv[0], file, FALSE, &lost_sqlite);
      ours[run] = measure (argv[0], server, FALSE, &lost_pg);
      if (run % 2 == 1)
        ref[run] = measure (argv[0], file, FALSE, &lost_sqlite);
      rows[run] = measure (argv[0], server, TRUE, &lost_rows);
      forget_server_packs (server);
      cold[run] = measure (argv[0], server, FALSE, &lost_cold);
    }
  g_assert_cmpfloat_with_epsilon (lost_pg, lost_sqlite, 1e-6);
  g_assert_cmpfloat_with_epsilon (lost_cold, lost_sqlite, 1e-6);
  g_assert_cmpfloat_with_epsilon (lost_rows, lost_sqlite, 1e-6);

  nv_bench_header ("Statistics, 500 units × 10 years by quarter, fresh process, wall time "
                   "(median of alternating runs)");
  nv_bench_report ("first query, all units: PostgreSQL on this computer (ref: SQLite file)", "ms",
                   nv_bench_median (ref, runs), nv_bench_median (ours, runs), MAX_RATIO, 0);
  nv_bench_report ("the same, the server's packs built first (ref: SQLite file)", "ms",
                   nv_bench_median (ref, runs), nv_bench_median (cold, runs), 0, 0);
  nv_bench_report ("the same from the spell rows, as before server schema 7 (ref: SQLite)", "ms",
                   nv_bench_median (ref, runs), nv_bench_median (rows, runs), 0, 0);
  printf ("(lost days, both: %.3f)\n", lost_pg);
  nv_bench_remove_db (file);
  nv_test_rmtree (dir);
  return nv_bench_exit ("bench-stats-pg");
}
