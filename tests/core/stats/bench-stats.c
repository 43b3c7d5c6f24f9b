/* bench-stats.c — the statistics of a whole municipality, from a fresh process.
 *
 * 500 units (15–45 employees each) over ten years, three spells per
 * employee and year, by quarter — what the «own municipality» benchmark
 * computes. Each measurement is a new process (this program with --child),
 * so nothing is cached: it opens the database and runs the first query, and
 * reports that CPU time. Alternating, median of NV_BENCH_RUNS:
 *   reference  the same process reading every spell row with plain SQL
 *              (what the data costs to read at all), for scale;
 *   ours       the first query, all 500 units            — target ≤ 50 ms CPU;
 *   ours       the same after another process imported a unit of 300
 *              employees and 18 000 spells (its pack is gone)
 *                                                         — target ≤ 100 ms CPU.
 *
 * NV_BENCH_DATA_ONLY=DIR writes the database and files into DIR and exits.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sqlite3.h>

#include "nv-stats.h"
#include "tests/nv-bench.h"
#include "nv-test-util.h"

#define MAX_COLD_MS 50.0
#define MAX_AFTER_IMPORT_MS 100.0

static NvDay today;

/* In the child: open, first query, print the CPU time it took. */
static int
child (const char *mode, const char *path)
{
  g_autoptr (GError) error = NULL;
  double cpu0 = nv_bench_cpu_ms ();
  gint64 wall0 = g_get_monotonic_time ();
  double lost = 0;

  if (g_strcmp0 (mode, "reference") == 0)
    {
      sqlite3 *db = NULL;
      sqlite3_stmt *stmt = NULL;

      if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK ||
          sqlite3_prepare_v2 (db, "SELECT employee_id, start_day, end_day, grade, type FROM spell",
                              -1, &stmt, NULL) != SQLITE_OK)
        g_error ("%s", sqlite3_errmsg (db));
      while (sqlite3_step (stmt) == SQLITE_ROW)
        lost += sqlite3_column_int64 (stmt, 0) + sqlite3_column_int (stmt, 1) +
                sqlite3_column_int (stmt, 2) + sqlite3_column_double (stmt, 3) +
                sqlite3_column_bytes (stmt, 4);
      sqlite3_finalize (stmt);
      sqlite3_close (db);
    }
  else
    {
      g_autoptr (NvStore) store = nv_store_open (path, &error);
      g_autoptr (GArray) out = NULL;
      NvStatsQuery q = nv_bench_municipality_query (today);

      g_assert_no_error (error);
      out = nv_stats_for_units (store, NULL, 0, &q, &error);
      g_assert_no_error (error);
      for (guint i = 0; i < out->len; i++)
        lost += g_array_index (out, NvStatsPeriod, i).lost_days;
    }
  if (!(lost > 0))
    g_error ("implausible result");
  printf ("cpu %.3f wall %.3f\n", nv_bench_cpu_ms () - cpu0,
          (g_get_monotonic_time () - wall0) / 1000.0);
  return 0;
}

static double
measure (const char *self, const char *mode, const char *db, double *wall)
{
  char *argv[] = { (char *) self, "--child", (char *) mode, (char *) db, NULL };
  NvBenchProc p = nv_bench_spawn (argv, NULL, TRUE);
  double cpu = nv_bench_output_value (p.out, "cpu");

  *wall = nv_bench_output_value (p.out, "wall");
  g_free (p.out);
  g_assert_cmpfloat (cpu, >=, 0);
  return cpu;
}

int
main (int argc, char **argv)
{
  g_autofree char *dir = NULL;
  g_autofree char *db = NULL;
  g_autofree char *imported = NULL;
  g_autofree char *roster_csv = NULL;
  g_autofree char *spells_csv = NULL;
  g_autoptr (GRand) rand = g_rand_new_with_seed (500);
  const char *cli = g_getenv ("NAERVAER_CLI");
  guint runs = nv_bench_runs ();
  g_autofree double *ref = g_new (double, runs);
  g_autofree double *cold = g_new (double, runs);
  g_autofree double *after = g_new (double, runs);
  g_autofree double *cold_wall = g_new (double, runs);
  g_autofree double *after_wall = g_new (double, runs);
  double wall;

  today = NV_BENCH_MUNICIPALITY_TODAY;
  if (argc == 4 && g_strcmp0 (argv[1], "--child") == 0)
    return child (argv[2], argv[3]);
  g_assert_nonnull (cli);

  /* Data, not timed: the municipality with its packs written (the state
   * after any program has shown its figures once). */
  dir = g_getenv ("NV_BENCH_DATA_ONLY") != NULL ? g_strdup (g_getenv ("NV_BENCH_DATA_ONLY"))
                                               : nv_test_tmpdir ();
  db = g_build_filename (dir, "municipality.db", NULL);
  imported = g_build_filename (dir, "imported.db", NULL);
  {
    g_autoptr (GError) error = NULL;
    g_autoptr (NvStore) store = nv_store_open (db, &error);
    g_autoptr (GArray) out = NULL;
    NvStatsQuery q = nv_bench_municipality_query (today);
    int y, m, d;
    NvBenchUnit *u;

    g_assert_no_error (error);
    nv_bench_fill_municipality (store, rand, NV_BENCH_MUNICIPALITY_UNITS,
                                NV_BENCH_MUNICIPALITY_YEARS, today);
    out = nv_stats_for_units (store, NULL, 0, &q, &error);
    g_assert_no_error (error);

    nv_day_to_ymd (today, &y, &m, &d);
    u = nv_bench_unit_new (rand, 300, 18000,
                           nv_day_from_ymd (y - NV_BENCH_MUNICIPALITY_YEARS, m, 1), today);
    roster_csv = g_build_filename (dir, "roster.csv", NULL);
    spells_csv = g_build_filename (dir, "spells.csv", NULL);
    nv_bench_write_roster_csv (u, roster_csv);
    nv_bench_unit_order (u, rand, NV_BENCH_BY_DATE);
    nv_bench_write_spells_csv (u, spells_csv);
    nv_bench_unit_free (u);
  }
  if (g_getenv ("NV_BENCH_DATA_ONLY") != NULL)
    return 0; /* for profiling: municipality.db and the CSV files stay */

  for (guint run = 0; run < runs; run++)
    {
      char *add[] = { (char *) cli, "--database", imported, "unit", "add", "Ny enhet",
                      "--sector", "helse-omsorg", NULL };
      char *roster[] = { (char *) cli, "--database", imported, "import", "roster", "--unit",
                         "Ny enhet", roster_csv, NULL };
      char *spells[] = { (char *) cli, "--database", imported, "import", "spells", "--unit",
                         "Ny enhet", spells_csv, NULL };

      /* A copy that another program has just imported a unit into. */
      nv_bench_remove_db (imported);
      nv_bench_copy_file (db, imported);
      nv_bench_spawn (add, NULL, FALSE);
      nv_bench_spawn (roster, NULL, FALSE);
      nv_bench_spawn (spells, NULL, FALSE);

      if (run % 2 == 0)
        ref[run] = measure (argv[0], "reference", db, &wall);
      cold[run] = measure (argv[0], "ours", db, &cold_wall[run]);
      after[run] = measure (argv[0], "ours", imported, &after_wall[run]);
      if (run % 2 == 1)
        ref[run] = measure (argv[0], "reference", db, &wall);
    }

  nv_bench_header ("Statistics, 500 units × 10 years by quarter, fresh process, CPU time "
                   "(median of alternating runs)");
  nv_bench_report ("first query, all units (ref: plain SQL read of every spell)", "ms",
                   nv_bench_median (ref, runs), nv_bench_median (cold, runs), 0, MAX_COLD_MS);
  nv_bench_report ("first query after a bulk import (ref: plain SQL read)", "ms",
                   nv_bench_median (ref, runs), nv_bench_median (after, runs), 0,
                   MAX_AFTER_IMPORT_MS);
  printf ("(wall time of the same: first query %.1f ms, after an import %.1f ms)\n",
          nv_bench_median (cold_wall, runs), nv_bench_median (after_wall, runs));
  nv_bench_remove_db (db);
  nv_bench_remove_db (imported);
  nv_test_rmtree (dir);
  return nv_bench_exit ("bench-stats");
}
