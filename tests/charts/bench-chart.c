/* bench-chart.c — the trend chart, 5 series × 40 quarters and 6 markers, on a
 * 1600×900 image surface. Prints the median of 200 draws (target ≤ 2 ms),
 * in wall-clock time and in this thread's CPU time (the latter is what to
 * read on a busy machine, where other processes inflate wall time).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "nv-chart.h"

#define RUNS 200

static double
thread_cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static int
compare_doubles (const void *a, const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

int
main (int argc, char **argv)
{
  g_autoptr (NvChart) chart = nv_chart_new (NV_CHART_LINE);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1600, 900);
  double times[RUNS];
  double cpu[RUNS];
  NvChartStyle style;

  nv_chart_style_init (&style, NV_CHART_STYLE_LIGHT);
  nv_chart_style_scale_for_size (&style, 1600, 900);
  nv_chart_set_title (chart, "Sick leave in Avdeling 2B against benchmarks, 2016–2025");
  nv_chart_set_value_label (chart, "Legemeldt sick leave (%)");
  nv_chart_set_masked_label (chart, "Fewer than 5 persons");
  nv_chart_set_quarters (chart, 2016, 1, 40);
  for (guint s = 0; s < 5; s++)
    {
      g_autofree char *name = g_strdup_printf ("Series %u (legemeldt)", s + 1);
      double values[40];

      for (guint i = 0; i < 40; i++)
        values[i] = (s == 0 && i % 13 == 7) ? NAN : 5 + s * 0.8 + sin (i / 2.5 + s);
      nv_chart_add_series (chart, name, values);
    }
  for (guint m = 0; m < 6; m++)
    nv_chart_add_marker (chart, 3 + m * 6.1, "Measure: talk to your leader first");

  for (int run = 0; run < RUNS; run++)
    {
      cairo_t *cr = cairo_create (surface);
      gint64 start = g_get_monotonic_time ();
      double cpu_start = thread_cpu_ms ();

      nv_chart_draw (chart, cr, 1600, 900, &style);
      cairo_surface_flush (surface);
      times[run] = (g_get_monotonic_time () - start) / 1000.0;
      cpu[run] = thread_cpu_ms () - cpu_start;
      cairo_destroy (cr);
    }
  qsort (times, RUNS, sizeof times[0], compare_doubles);
  qsort (cpu, RUNS, sizeof cpu[0], compare_doubles);
  printf ("trend chart 5 series × 40 quarters + 6 markers, 1600×900: median %.3f ms wall "
          "(min %.3f, p90 %.3f), median %.3f ms CPU\n",
          times[RUNS / 2], times[0], times[RUNS * 9 / 10], cpu[RUNS / 2]);
  if (argc > 1 && g_strcmp0 (argv[1], "--png") == 0)
    cairo_surface_write_to_png (surface, "bench-chart.png");
  cairo_surface_destroy (surface);
  return 0;
}
