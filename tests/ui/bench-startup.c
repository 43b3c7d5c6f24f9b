/* bench-startup.c — start to first painted frame, against a bare
 * AdwApplicationWindow with a header bar (tests/ui/bare-window.c).
 *
 * Both are whole processes, timed from spawn to the first frame they paint
 * (nv-first-frame.c prints its time), alternating, median of NV_BENCH_RUNS,
 * in the same environment (keyfile settings in a temporary directory, so
 * the last unit is remembered as it is for a user). Three databases:
 *   empty                        target ≤ 1.2 ×
 *   50 units × 5 years           target ≤ 1.2 ×
 *   the same and a unit of 1 700 employees / 100 000 spells, selected
 *                                target ≤ 1.5 ×
 * Then, on the two full databases, the longest main-thread work in the
 * 1.5 s after the first frame (thread CPU time): nothing but work the user
 * started may take longer than one frame (16.7 ms).
 * NV_BENCH_DATA_ONLY=DIR writes the databases into DIR and exits.
 * Run under Xvfb: meson test -C build --benchmark bench-startup
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "nv-stats.h"
#include "tests/nv-bench.h"
#include "nv-test-util.h"

#define MAX_FRAME_MS 16.7
#define WATCH_MS "1500"

typedef struct
{
  const char *name;
  char *db;
  gint64 last_unit;
  double max_ratio;
} Case;

static const char *app;
static const char *bare;

static char **
environment (const char *dir, gint64 last_unit, gboolean watch)
{
  g_autofree char *config = g_build_filename (dir, "config", NULL);
  g_autofree char *settings_dir = g_build_filename (config, "glib-2.0", "settings", NULL);
  g_autofree char *keyfile = g_build_filename (settings_dir, "keyfile", NULL);
  g_autofree char *text = g_strdup_printf ("[io/github/naervaer/Naervaer]\nlast-unit=int64 %"
                                           G_GINT64_FORMAT "\n", last_unit);
  char **env = g_get_environ ();

  /* Fresh settings for every run: what one run saves is not the next one's. */
  g_assert_cmpint (g_mkdir_with_parents (settings_dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (keyfile, text, -1, NULL));
  env = g_environ_setenv (env, "GSETTINGS_BACKEND", "keyfile", TRUE);
  env = g_environ_setenv (env, "XDG_CONFIG_HOME", config, TRUE);
  env = g_environ_setenv (env, "NAERVAER_QUIT_AFTER_FIRST_FRAME", "1", TRUE);
  if (watch)
    env = g_environ_setenv (env, "NAERVAER_WATCH_AFTER_FIRST_FRAME_MS", WATCH_MS, TRUE);
  else
    env = g_environ_unsetenv (env, "NAERVAER_WATCH_AFTER_FIRST_FRAME_MS");
  return env;
}

/* Spawn to first frame in ms; or, watching, the longest main-thread work. */
static double
run_once (const char *dir, const Case *c, gboolean ours, gboolean watch)
{
  g_auto (GStrv) env = environment (dir, c->last_unit, watch);
  char *app_argv[] = { (char *) app, "--database", c->db, NULL };
  char *bare_argv[] = { (char *) bare, NULL };
  gint64 t0 = g_get_monotonic_time ();
  NvBenchProc p = nv_bench_spawn (ours ? app_argv : bare_argv, env, TRUE);
  double frame = nv_bench_output_value (p.out, "first-frame");
  double work = nv_bench_output_value (p.out, "longest-work");

  g_free (p.out);
  if (frame < 0 || (watch && work < 0))
    g_error ("%s printed no first frame", ours ? app : bare);
  return watch ? work : (frame - t0) / 1000.0;
}

static char *
make_db (const char *dir, const char *name, guint n_units, gboolean big, gint64 *big_id)
{
  g_autoptr (GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);
  g_autoptr (NvStore) store = nv_store_open (path, &error);
  g_autoptr (GRand) rand = g_rand_new_with_seed (50);
  NvDay today = nv_day_today ();

  g_assert_no_error (error);
  if (n_units > 0)
    nv_bench_fill_municipality (store, rand, n_units, 5, today);
  if (big)
    *big_id = nv_bench_add_big_unit (store, rand, today, "Storheimen omsorgssenter");
  /* The figures were shown before (the statistics packs are there), as on
   * any start but the first after an import. */
  if (n_units > 0)
    {
      NvStatsQuery q = { NV_PERIOD_QUARTER, today - 5 * 366, today, today };
      g_autoptr (GArray) out = nv_stats_for_units (store, NULL, 0, &q, &error);
      g_assert_no_error (error);
    }
  return path;
}

int
main (int argc, char **argv)
{
  const char *data_only = g_getenv ("NV_BENCH_DATA_ONLY");
  g_autofree char *dir = data_only != NULL ? g_strdup (data_only) : nv_test_tmpdir ();
  guint runs = nv_bench_runs () + 2;
  gint64 big_id = 0;
  Case cases[] = {
    { "empty database", NULL, 0, 1.2 },
    { "50 units × 5 years", NULL, 0, 1.2 },
    { "+ 1 700 employees / 100 000 spells unit, selected", NULL, 0, 1.5 },
  };

  app = g_getenv ("NAERVAER_APP");
  bare = g_getenv ("NAERVAER_BARE");
  g_assert (app != NULL && bare != NULL);

  /* Data, not timed. */
  cases[0].db = make_db (dir, "empty.db", 0, FALSE, NULL);
  cases[1].db = make_db (dir, "municipality.db", 50, FALSE, NULL);
  cases[2].db = make_db (dir, "big.db", 50, TRUE, &big_id);
  cases[2].last_unit = big_id;
  if (data_only != NULL)
    {
      printf ("big unit %" G_GINT64_FORMAT "\n", big_id);
      return 0; /* for profiling: the databases stay */
    }

  /* Warm the caches (fonts, icon theme, shared libraries) for both. */
  run_once (dir, &cases[0], TRUE, FALSE);
  run_once (dir, &cases[0], FALSE, FALSE);

  nv_bench_header ("Start to first frame (whole processes, median of alternating runs)");
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree double *ref = g_new (double, runs);
      g_autofree double *ours = g_new (double, runs);
      g_autofree char *what = g_strdup_printf ("start → first frame, %s", cases[i].name);

      for (guint run = 0; run < runs; run++)
        {
          if (run % 2 == 0)
            ref[run] = run_once (dir, &cases[i], FALSE, FALSE);
          ours[run] = run_once (dir, &cases[i], TRUE, FALSE);
          if (run % 2 == 1)
            ref[run] = run_once (dir, &cases[i], FALSE, FALSE);
        }
      nv_bench_report (what, "ms", nv_bench_median (ref, runs), nv_bench_median (ours, runs),
                       cases[i].max_ratio, 0);
    }

  nv_bench_header ("Longest main-thread work in the " WATCH_MS " ms after the first frame "
                   "(thread CPU, median of 3)");
  for (guint i = 1; i < G_N_ELEMENTS (cases); i++)
    {
      double ref[3], ours[3];
      g_autofree char *what = g_strdup_printf ("after first frame, %s", cases[i].name);

      for (guint run = 0; run < 3; run++)
        {
          ref[run] = run_once (dir, &cases[i], FALSE, TRUE);
          ours[run] = run_once (dir, &cases[i], TRUE, TRUE);
        }
      nv_bench_report (what, "ms", nv_bench_median (ref, 3), nv_bench_median (ours, 3), 0,
                       MAX_FRAME_MS);
    }

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      nv_bench_remove_db (cases[i].db);
      g_free (cases[i].db);
    }
  nv_test_rmtree (dir);
  return nv_bench_exit ("bench-startup");
}
