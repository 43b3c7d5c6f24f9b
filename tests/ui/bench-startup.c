/* Start-up benchmark: naervaer on an empty database against a bare
 * AdwApplicationWindow program, spawn to first painted frame, measured
 * alternately in the same run. Target: naervaer ≤ 1.2 × the bare program.
 * Run under Xvfb: meson test -C build --benchmark bench-startup */
#include <glib.h>
#include <glib/gstdio.h>

#define RUNS 15

static double
run_once (char **argv)
{
  g_autoptr (GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  int status = 0;

  if (!g_spawn_sync (NULL, argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, NULL, NULL, &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    g_error ("%s failed: %s", argv[0], error->message);
  return (g_get_monotonic_time () - start) / 1000.0;
}

static int
compare_doubles (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

static double
median (double *values, guint n)
{
  qsort (values, n, sizeof *values, (int (*) (const void *, const void *)) compare_doubles);
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

int
main (int argc, char **argv)
{
  g_autofree char *dir = g_dir_make_tmp ("naervaer-bench-XXXXXX", NULL);
  g_autofree char *db = g_build_filename (dir, "naervaer.db", NULL);
  const char *app = g_getenv ("NAERVAER_APP");
  const char *cli = g_getenv ("NAERVAER_CLI");
  const char *bare = g_getenv ("NAERVAER_BARE");
  char *cli_argv[] = { (char *) cli, "--database", db, "check", NULL };
  char *app_argv[] = { (char *) app, "--database", db, NULL };
  char *bare_argv[] = { (char *) bare, NULL };
  double app_ms[RUNS], bare_ms[RUNS];
  double app_median, bare_median, ratio;

  g_assert (app != NULL && cli != NULL && bare != NULL);
  g_setenv ("NAERVAER_QUIT_AFTER_FIRST_FRAME", "1", TRUE);

  /* an empty database with the current schema, made once */
  run_once (cli_argv);
  /* warm the caches (fonts, icon theme, shared libraries) for both */
  run_once (app_argv);
  run_once (bare_argv);

  for (guint i = 0; i < RUNS; i++)
    {
      bare_ms[i] = run_once (bare_argv);
      app_ms[i] = run_once (app_argv);
    }
  bare_median = median (bare_ms, RUNS);
  app_median = median (app_ms, RUNS);
  ratio = app_median / bare_median;

  g_print ("start to first frame, median of %d: bare AdwApplicationWindow %.1f ms, "
           "naervaer (empty database) %.1f ms, ratio %.2f (target ≤ 1.20)\n",
           RUNS, bare_median, app_median, ratio);

  g_unlink (db);
  {
    g_autofree char *wal = g_strconcat (db, "-wal", NULL);
    g_autofree char *shm = g_strconcat (db, "-shm", NULL);
    g_unlink (wal);
    g_unlink (shm);
  }
  g_rmdir (dir);
  return ratio <= 1.2 ? 0 : 1;
}
