/* bench-import.c — speed and memory of the spells import (issue target:
 * at most 1.5× the time of the sqlite3 shell's `.import` of the same file
 * into a plain table, measured in the same run, peak memory ≤ 64 MiB).
 *
 * Generates NV_BENCH_ROWS (default 1 000 000) spell rows for 10 000
 * employees, times `sqlite3 … .import`, then runs our import in a child
 * process so its peak memory (ru_maxrss) is its own; three times each,
 * alternating, keeping the best time of each (and the highest peak). Prints
 * the numbers and exits 1 when a target is missed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "nv-import.h"
#include "nv-unit.h"
#include "tests/nv-test-util.h"

#define MAX_RATIO 1.5
#define MAX_MIB 64.0
#define RUNS 3

static void
generate (const char *dir, guint rows, char **roster_path, char **spells_path)
{
  guint employees = MAX (1, rows / 100);
  g_autoptr (GString) roster = g_string_new ("ansatt;stillingsprosent;fra;til\n");
  FILE *f;

  *roster_path = g_build_filename (dir, "roster.csv", NULL);
  *spells_path = g_build_filename (dir, "spells.csv", NULL);
  for (guint e = 0; e < employees; e++)
    g_string_append_printf (roster, "E%05u;100;2000-01-01;\n", e);
  g_assert_true (g_file_set_contents (*roster_path, roster->str, (gssize) roster->len, NULL));

  f = fopen (*spells_path, "w");
  g_assert_nonnull (f);
  fputs ("ansatt;fra;til;grad;type\n", f);
  for (guint i = 0; i < rows; i++)
    {
      guint e = i / 100, k = i % 100;
      NvDay start = nv_day_from_ymd (2000, 1, 3) + k * 20 + e % 7;
      char a[11], b[11];

      fprintf (f, "E%05u;%s;%s;%s;%s\n", e, nv_day_format_iso_buf (start, a),
               nv_day_format_iso_buf (start + 3, b), k % 3 ? "" : "50",
               k % 3 ? "egenmeldt" : "legemeldt");
    }
  g_assert_cmpint (fclose (f), ==, 0);
}

static double
cpu_seconds (const struct rusage *usage)
{
  return usage->ru_utime.tv_sec + usage->ru_utime.tv_usec / 1e6 + usage->ru_stime.tv_sec +
         usage->ru_stime.tv_usec / 1e6;
}

static double
time_sqlite_shell (const char *sqlite3, const char *dir, const char *spells, double *cpu)
{
  g_autofree char *db = g_build_filename (dir, "plain.db", NULL);
  g_autofree char *import = g_strdup_printf (".import --skip 1 %s t", spells);
  const char *argv[] = { sqlite3, db, "-cmd", "CREATE TABLE t (ansatt, fra, til, grad, type)",
                         ".mode csv", ".separator ;", import, NULL };
  g_autoptr (GError) error = NULL;
  struct rusage usage;
  GPid pid;
  int status = 0;
  gint64 t0 = g_get_monotonic_time ();

  g_assert_true (g_spawn_async (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL,
                                NULL, &pid, &error));
  g_assert_no_error (error);
  g_assert_cmpint (wait4 (pid, &status, 0, &usage), ==, pid);
  g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
  *cpu = cpu_seconds (&usage);
  return (g_get_monotonic_time () - t0) / 1e6;
}

/* In a child: set up the unit and roster, then time the spells import. */
static double
time_ours (const char *dir, const char *roster, const char *spells, double *peak_mib, double *cpu)
{
  int fds[2];
  pid_t pid;
  double seconds = -1;
  struct rusage usage;
  int status;

  g_assert_cmpint (pipe (fds), ==, 0);
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      g_autoptr (GError) error = NULL;
      g_autofree char *path = g_build_filename (dir, "naervaer.db", NULL);
      NvStore *store = nv_store_open (path, &error);
      gint64 unit;
      gint64 t0;
      double elapsed;

      g_assert_no_error (error);
      unit = nv_unit_add (store, "Bench", "annet", "", &error);
      g_assert_no_error (error);
      if (!nv_import_file (store, NV_IMPORT_ROSTER, unit, roster, NULL, &error))
        g_error ("%s", error->message);
      t0 = g_get_monotonic_time ();
      if (!nv_import_file (store, NV_IMPORT_SPELLS, unit, spells, NULL, &error))
        g_error ("%s", error->message);
      elapsed = (g_get_monotonic_time () - t0) / 1e6;
      g_assert_cmpint (write (fds[1], &elapsed, sizeof elapsed), ==, sizeof elapsed);
      g_object_unref (store);
      _exit (0);
    }
  close (fds[1]);
  g_assert_cmpint (read (fds[0], &seconds, sizeof seconds), ==, sizeof seconds);
  close (fds[0]);
  g_assert_cmpint (wait4 (pid, &status, 0, &usage), ==, pid);
  g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
  *peak_mib = usage.ru_maxrss / 1024.0;
  *cpu = cpu_seconds (&usage); /* includes setting up the unit and roster */
  return seconds;
}

int
main (int argc, char **argv)
{
  const char *env = g_getenv ("NV_BENCH_ROWS");
  guint rows = env != NULL ? (guint) g_ascii_strtoull (env, NULL, 10) : 1000000;
  g_autofree char *sqlite3 = g_find_program_in_path ("sqlite3");
  g_autofree char *dir = nv_test_tmpdir ();
  g_autofree char *roster = NULL;
  g_autofree char *spells = NULL;
  double shell, ours, peak, ratio, shell_cpu, ours_cpu;
  gboolean ok;

  if (sqlite3 == NULL)
    {
      printf ("bench-import: the sqlite3 shell is not installed; nothing to compare with\n");
      nv_test_rmtree (dir);
      return 77;
    }
  generate (dir, rows, &roster, &spells);
  /* The machine may be busy: the best of RUNS alternating runs of each. */
  shell = ours = shell_cpu = ours_cpu = G_MAXDOUBLE;
  peak = 0;
  for (guint run = 0; run < RUNS; run++)
    {
      g_autofree char *name = g_strdup_printf ("run-%u", run);
      g_autofree char *run_dir = g_build_filename (dir, name, NULL);
      double s_cpu, o_cpu, o_peak, s, o;

      g_assert_cmpint (g_mkdir (run_dir, 0700), ==, 0);
      s = time_sqlite_shell (sqlite3, run_dir, spells, &s_cpu);
      o = time_ours (run_dir, roster, spells, &o_peak, &o_cpu);
      shell = MIN (shell, s);
      ours = MIN (ours, o);
      shell_cpu = MIN (shell_cpu, s_cpu);
      ours_cpu = MIN (ours_cpu, o_cpu);
      peak = MAX (peak, o_peak);
    }
  ratio = ours / shell;
  ok = ratio <= MAX_RATIO && peak <= MAX_MIB;

  printf ("import of %u spell rows (best of %d): %.2f s (process CPU %.2f s)\n", rows, RUNS, ours,
          ours_cpu);
  printf ("sqlite3 .import of the same file:   %.2f s (CPU %.2f s)\n", shell, shell_cpu);
  printf ("ratio:                              %.2f (target ≤ %.1f)\n", ratio, MAX_RATIO);
  printf ("peak memory of the import process:  %.1f MiB (target ≤ %.0f)\n", peak, MAX_MIB);
  printf ("%s\n", ok ? "bench-import: targets met" : "bench-import: TARGET MISSED");
  nv_test_rmtree (dir);
  return ok ? 0 : 1;
}
