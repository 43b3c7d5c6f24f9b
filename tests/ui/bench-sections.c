/* bench-sections.c — page switch: selecting a unit and opening each section,
 * timed to the next painted frame, in one window (in-process).
 *
 * A municipality of 50 units × 5 years and a unit of 1 700 employees /
 * 100 000 spells. Each round selects a unit and then opens the six sections
 * one by one; rounds alternate between the reference (an ordinary unit of
 * the municipality) and the big unit; median of NV_BENCH_RUNS rounds, after
 * a warm-up that builds every section once. Leaving the big unit again is
 * reported on its own line. Times are the main thread's CPU time from the
 * action to the end of the next painted frame (what a busy machine does not
 * inflate; wall time is printed too). Target: ≤ 150 ms for every step.
 * Run under Xvfb: meson test -C build --benchmark bench-sections
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "nv-stats.h"
#include "nv-ui-resources.h"
#include "nv-window.h"
#include "tests/nv-bench.h"
#include "nv-test-store.h"

#define MAX_MS 150.0
#define N_STEPS 7

static const char *steps[N_STEPS] = { "select unit", "overview",  "absence", "followup",
                                      "workshops",   "measures",  "compare" };

static gboolean painted;

static double
thread_cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static void
after_paint_cb (GdkFrameClock *clock, gpointer data)
{
  painted = TRUE;
}

static void
wait_for_frame (GtkWidget *window)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);
  gulong id = g_signal_connect_after (clock, "after-paint", G_CALLBACK (after_paint_cb), NULL);

  /* Something always changes, but make sure a frame comes. */
  gtk_widget_queue_draw (window);
  painted = FALSE;
  while (!painted)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, id);
}

/* One step, timed: CPU into *@cpu, wall into *@wall. */
static void
step (NvWindow *window, guint i, gint64 unit_id, double *cpu, double *wall)
{
  double c0 = thread_cpu_ms ();
  gint64 w0 = g_get_monotonic_time ();

  if (i == 0)
    nv_window_select_unit (window, unit_id);
  else
    nv_window_show_section (window, steps[i]);
  wait_for_frame (GTK_WIDGET (window));
  *cpu = thread_cpu_ms () - c0;
  *wall = (g_get_monotonic_time () - w0) / 1000.0;
}

int
main (int argc, char **argv)
{
  g_autofree char *dir = nv_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "bench.db", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (NvStore) store = NULL;
  g_autoptr (NvContext) context = NULL;
  g_autoptr (GRand) rand = g_rand_new_with_seed (50);
  guint runs = nv_bench_runs ();
  NvDay today = nv_day_today ();
  gint64 small_id, other_id, big_id;
  NvWindow *window;
  double *cpu[2][N_STEPS + 1];
  double *wall[2][N_STEPS + 1];

  gtk_init ();
  adw_init ();
  nv_ui_register_resource ();

  /* Data, not timed. */
  store = nv_store_open (path, &error);
  g_assert_no_error (error);
  nv_bench_fill_municipality (store, rand, 50, 5, today);
  big_id = nv_bench_add_big_unit (store, rand, today, "Storheimen omsorgssenter");
  {
    g_autoptr (GPtrArray) units = nv_unit_list (store, &error);
    NvStatsQuery q = { NV_PERIOD_QUARTER, today - 5 * 366, today, today };
    g_autoptr (GArray) out = nv_stats_for_units (store, NULL, 0, &q, &error);
    guint n = 0;
    gint64 ids[2] = { 0 };

    g_assert_no_error (error);
    for (guint i = 0; i < units->len && n < 2; i++)
      if (((NvUnit *) g_ptr_array_index (units, i))->id != big_id)
        ids[n++] = ((NvUnit *) g_ptr_array_index (units, i))->id;
    small_id = ids[0];
    other_id = ids[1];
  }
  for (guint u = 0; u < 2; u++)
    for (guint i = 0; i <= N_STEPS; i++)
      {
        cpu[u][i] = g_new (double, runs);
        wall[u][i] = g_new (double, runs);
      }

  context = nv_test_context_new (store, today);
  window = nv_window_new (NULL, context);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  wait_for_frame (GTK_WIDGET (window));

  /* Warm-up, not timed: every section built once, with an ordinary unit
   * (as when the leader has used the app before switching units). */
  for (guint i = 0; i < N_STEPS; i++)
    {
      double c, w;
      step (window, i, small_id, &c, &w);
    }

  /* Each round: the reference switches from one ordinary unit to another
   * and opens the six sections; ours switches from an ordinary unit to the
   * big one, opens the six sections and leaves it again (its own line: the
   * rows of the big unit are thrown away then). Which goes first
   * alternates. */
  for (guint round = 0; round < runs; round++)
    for (guint k = 0; k < 2; k++)
      {
        guint u = (round + k) % 2; /* 0 = reference, 1 = big */
        double c, w;

        if (u == 0)
          {
            step (window, 0, small_id, &c, &w); /* from wherever, not timed */
            for (guint i = 0; i < N_STEPS; i++)
              step (window, i, other_id, &cpu[0][i][round], &wall[0][i][round]);
            cpu[0][N_STEPS][round] = wall[0][N_STEPS][round] = 0;
          }
        else
          {
            for (guint i = 0; i < N_STEPS; i++)
              step (window, i, big_id, &cpu[1][i][round], &wall[1][i][round]);
            step (window, 0, small_id, &cpu[1][N_STEPS][round], &wall[1][N_STEPS][round]);
            /* the reference's line for leaving: from the other unit */
          }
      }

  nv_bench_header ("Page switch to the next painted frame, main-thread CPU, median of "
                   "alternating rounds (ref: an ordinary unit of 15–45 employees; ours: the "
                   "1 700-employee / 100 000-spell unit)");
  for (guint i = 0; i < N_STEPS; i++)
    {
      g_autofree char *what = g_strdup_printf ("%s%s", i == 0 ? "select the unit" : "open ",
                                               i == 0 ? "" : steps[i]);
      nv_bench_report (what, "ms", nv_bench_median (cpu[0][i], runs),
                       nv_bench_median (cpu[1][i], runs), 0, MAX_MS);
    }
  nv_bench_report ("leave it for an ordinary unit (ref: select the unit)", "ms",
                   nv_bench_median (cpu[0][0], runs), nv_bench_median (cpu[1][N_STEPS], runs), 0,
                   MAX_MS);
  printf ("(wall time to the frame, big unit, medians:");
  for (guint i = 0; i <= N_STEPS; i++)
    printf (" %s %.0f ms%s", i < N_STEPS ? steps[i] : "leave", nv_bench_median (wall[1][i], runs),
            i < N_STEPS ? "," : ")\n");

  for (guint u = 0; u < 2; u++)
    for (guint i = 0; i <= N_STEPS; i++)
      {
        g_free (cpu[u][i]);
        g_free (wall[u][i]);
      }
  gtk_window_destroy (GTK_WINDOW (window));
  nv_test_spin ();
  g_clear_object (&store);
  nv_test_rmtree (dir);
  return nv_bench_exit ("bench-sections");
}
