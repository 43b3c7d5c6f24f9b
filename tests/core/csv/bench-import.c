/* bench-import.c — the spells import at scale, against the sqlite3 shell.
 *
 * 1 000 000 spells (NV_BENCH_ROWS) of 10 000 employees over ten years, in
 * the three orders files come in: grouped by employee, sorted by date (as HR
 * exports usually are) and shuffled. For each order, alternating, median of
 * NV_BENCH_RUNS, both sides whole processes:
 *   reference  `sqlite3 DB .import FILE t` and CREATE INDEX, into a copy
 *              of the same database ours gets (run_reference());
 *   ours       `naervaer-cli import spells --unit Bench FILE` into a database
 *              holding the unit and its roster (copied in before, not timed);
 *   then       the first `naervaer-cli stats --unit Bench` after it: the
 *              unit's statistics pack, which the import now writes from
 *              the spells it holds (the statistics used to rebuild it by
 *              reading every spell back), and the figures from it.
 * Times are the processes' CPU time (user + system, from wait4): on a
 * shared machine the wall time of both sides grows with everyone else's
 * load, not with the work; wall medians are printed below the table.
 * Targets (issue 12): import ≤ 1.5 × .import in every order; the first stats
 * ≤ 0.5 × our import; peak memory of both ≤ 64 MiB at 3 000 000 rows
 * (NV_BENCH_BIG_ROWS; one run of each, sorted by date).
 * For profiling: NV_BENCH_DATA_ONLY=DIR writes the files and the database
 * with the unit and roster (template.db) into DIR and exits.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tests/nv-bench.h"
#include "nv-test-util.h"

#define MAX_RATIO 1.5
#define MAX_STATS_RATIO 0.5
#define MAX_MIB 64.0

static const char *cli;
static const char *sqlite3_shell;

static guint
env_uint (const char *name, guint fallback)
{
  const char *env = g_getenv (name);
  return env != NULL ? (guint) g_ascii_strtoull (env, NULL, 10) : fallback;
}

/* The database both sides write into is a copy of the app's own (@template:
 * WAL, its page size, the unit and roster), opened with the pragmas the app
 * sets on every open (nv-store-file.c). The reference ends where our import
 * ends: the rows in a table and an index by employee and start (the app's
 * spell_employee). Our import meets that index and drops and remakes it
 * inside its transaction; sqlite3 is given the same, fastest, way: .import
 * into the bare table, then CREATE INDEX. (With the index in place during
 * .import, sqlite3 took 5-6 times as long on files not grouped by employee.) */
#define APP_PRAGMAS                                                                               \
  "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; "            \
  "PRAGMA secure_delete = ON;"

static NvBenchProc
run_reference (const char *dir, const char *template, const char *spells)
{
  g_autofree char *db = g_build_filename (dir, "plain.db", NULL);
  g_autofree char *import = g_strdup_printf (".import --skip 1 %s t", spells);
  char *argv[] = { (char *) sqlite3_shell,
                   db,
                   "-cmd",
                   APP_PRAGMAS,
                   "-cmd",
                   "CREATE TABLE t (ansatt, fra, til, grad, type)",
                   ".mode csv",
                   ".separator ;",
                   import,
                   "CREATE INDEX t_employee ON t (ansatt, fra)",
                   NULL };
  NvBenchProc r;

  nv_bench_remove_db (db);
  nv_bench_copy_file (template, db);
  r = nv_bench_spawn (argv, NULL, FALSE);
  nv_bench_remove_db (db);
  return r;
}

static void
run_cli (const char *db, char **args, NvBenchProc *out)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();

  g_ptr_array_add (argv, (char *) cli);
  g_ptr_array_add (argv, "--database");
  g_ptr_array_add (argv, (char *) db);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, args[i]);
  g_ptr_array_add (argv, NULL);
  *out = nv_bench_spawn ((char **) argv->pdata, NULL, FALSE);
}

/* Our import of @spells into a copy of @template, then the first stats. */
static void
run_ours (const char *dir, const char *template, const char *spells, NvBenchProc *import,
          NvBenchProc *stats)
{
  g_autofree char *db = g_build_filename (dir, "ours.db", NULL);
  char *import_args[] = { "import", "spells", "--unit", "Bench", (char *) spells, NULL };
  char *stats_args[] = { "stats", "--unit", "Bench", "--by", "quarter", NULL };

  nv_bench_remove_db (db);
  nv_bench_copy_file (template, db);
  run_cli (db, import_args, import);
  run_cli (db, stats_args, stats);
  nv_bench_remove_db (db);
}

/* The unit and its roster, once. */
static char *
make_template (const char *dir, const char *name, const char *roster)
{
  char *db = g_build_filename (dir, name, NULL);
  char *add[] = { "unit", "add", "Bench", "--sector", "helse-omsorg", NULL };
  char *import[] = { "import", "roster", "--unit", "Bench", (char *) roster, NULL };
  NvBenchProc ignored;

  run_cli (db, add, &ignored);
  run_cli (db, import, &ignored);
  return db;
}

static char *
write_order (const char *dir, NvBenchUnit *u, GRand *rand, NvBenchOrder order, const char *name)
{
  char *path = g_build_filename (dir, name, NULL);

  nv_bench_unit_order (u, rand, order);
  nv_bench_write_spells_csv (u, path);
  return path;
}

int
main (int argc, char **argv)
{
  static const char *order_names[] = { "grouped by employee", "sorted by date", "shuffled" };
  guint rows = env_uint ("NV_BENCH_ROWS", 1000000);
  guint big_rows = env_uint ("NV_BENCH_BIG_ROWS", 3000000);
  guint runs = nv_bench_runs ();
  g_autoptr (GRand) rand = g_rand_new_with_seed (12);
  const char *data_only = g_getenv ("NV_BENCH_DATA_ONLY");
  g_autofree char *dir = data_only != NULL ? g_strdup (data_only) : nv_test_tmpdir ();
  g_autofree char *roster = g_build_filename (dir, "roster.csv", NULL);
  g_autofree char *template = NULL;
  g_autofree char *files[3] = { NULL };
  NvDay today = nv_day_from_ymd (2026, 11, 30);
  NvDay first = nv_day_from_ymd (2016, 12, 1);
  double peak_import = 0, peak_stats = 0;
  NvBenchUnit *u;

  cli = g_getenv ("NAERVAER_CLI");
  g_assert_nonnull (cli);
  sqlite3_shell = g_find_program_in_path ("sqlite3");
  if (sqlite3_shell == NULL)
    {
      printf ("bench-import: the sqlite3 shell is not installed; nothing to compare with\n");
      nv_test_rmtree (dir);
      return 77;
    }

  /* Data, not timed. */
  u = nv_bench_unit_new (rand, MAX (1, rows / 100), rows, first, today);
  nv_bench_write_roster_csv (u, roster);
  for (int o = NV_BENCH_GROUPED; o <= NV_BENCH_SHUFFLED; o++)
    {
      g_autofree char *name = g_strdup_printf ("spells-%d.csv", o);
      files[o] = write_order (dir, u, rand, o, name);
    }
  template = make_template (dir, "template.db", roster);
  nv_bench_unit_free (u);
  if (data_only != NULL)
    return 0;

  nv_bench_header ("Import of spells (whole processes, CPU time, median of alternating runs)");
  for (int o = NV_BENCH_GROUPED; o <= NV_BENCH_SHUFFLED; o++)
    {
      g_autofree double *ref = g_new (double, runs);
      g_autofree double *ours = g_new (double, runs);
      g_autofree double *stats = g_new (double, runs);
      g_autofree double *ref_wall = g_new (double, runs);
      g_autofree double *ours_wall = g_new (double, runs);
      g_autofree double *stats_wall = g_new (double, runs);
      g_autofree char *what = NULL;
      double ours_median;

      for (guint run = 0; run < runs; run++)
        {
          NvBenchProc r, im, st;

          /* Alternate which side goes first, so a burst of load elsewhere
           * does not always land on the same one. */
          if (run % 2 == 0)
            r = run_reference (dir, template, files[o]);
          run_ours (dir, template, files[o], &im, &st);
          if (run % 2 == 1)
            r = run_reference (dir, template, files[o]);
          ref[run] = r.cpu_ms;
          ours[run] = im.cpu_ms;
          stats[run] = st.cpu_ms;
          ref_wall[run] = r.wall_ms;
          ours_wall[run] = im.wall_ms;
          stats_wall[run] = st.wall_ms;
          peak_import = MAX (peak_import, im.rss_mib);
          peak_stats = MAX (peak_stats, st.rss_mib);
        }
      what = g_strdup_printf ("import %u spells, %s (ref: sqlite3 .import)", rows,
                              order_names[o]);
      ours_median = nv_bench_median (ours, runs);
      nv_bench_report (what, "ms", nv_bench_median (ref, runs), ours_median, MAX_RATIO, 0);
      g_free (what);
      what = g_strdup_printf ("first stats after it, %s (ref: our import)", order_names[o]);
      nv_bench_report (what, "ms", ours_median, nv_bench_median (stats, runs), MAX_STATS_RATIO,
                       0);
      printf ("(wall, %s: sqlite3 %.0f ms, import %.0f ms, first stats %.0f ms)\n",
              order_names[o], nv_bench_median (ref_wall, runs), nv_bench_median (ours_wall, runs),
              nv_bench_median (stats_wall, runs));
    }
  printf ("(peak memory at %u rows: import %.1f MiB, first stats %.1f MiB)\n", rows, peak_import,
          peak_stats);

  /* Memory at three million rows: one run each, sorted by date. */
  if (big_rows > 0)
    {
      g_autofree char *big_roster = g_build_filename (dir, "big-roster.csv", NULL);
      g_autofree char *big_template = NULL;
      g_autofree char *big_file = NULL;
      g_autofree char *what = NULL;
      NvBenchProc r, im, st;

      for (int o = 0; o < 3; o++)
        g_unlink (files[o]);
      u = nv_bench_unit_new (rand, MAX (1, big_rows / 100), big_rows, first, today);
      nv_bench_write_roster_csv (u, big_roster);
      big_file = write_order (dir, u, rand, NV_BENCH_BY_DATE, "big.csv");
      nv_bench_unit_free (u);
      big_template = make_template (dir, "big-template.db", big_roster);

      r = run_reference (dir, big_template, big_file);
      run_ours (dir, big_template, big_file, &im, &st);
      nv_bench_header ("At scale (one run each, sorted by date, CPU time)");
      what = g_strdup_printf ("import %u spells, time (ref: sqlite3 .import)", big_rows);
      nv_bench_report (what, "ms", r.cpu_ms, im.cpu_ms, 0, 0);
      g_free (what);
      what = g_strdup_printf ("import %u spells, peak memory (ref: sqlite3)", big_rows);
      nv_bench_report (what, "MiB", r.rss_mib, im.rss_mib, 0, MAX_MIB);
      g_free (what);
      what = g_strdup_printf ("first stats after it, time (ref: our import)");
      nv_bench_report (what, "ms", im.cpu_ms, st.cpu_ms, MAX_STATS_RATIO, 0);
      g_free (what);
      what = g_strdup_printf ("first stats after it, peak memory (ref: our import)");
      nv_bench_report (what, "MiB", im.rss_mib, st.rss_mib, 0, MAX_MIB);
    }
  nv_test_rmtree (dir);
  return nv_bench_exit ("bench-import");
}
