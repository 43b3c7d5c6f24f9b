/* nv-chart-axis.c — nice ticks and normalisation.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-charts"

#include "config.h"

#include <math.h>

#include "nv-chart-axis.h"

void
nv_chart_axis_compute (NvChartAxis *axis, double data_min, double data_max,
                       gboolean include_zero, guint max_intervals)
{
  static const double mantissas[] = { 1.0, 2.0, 5.0 };
  double lo = data_min;
  double hi = data_max;
  double raw;
  int exponent;

  g_return_if_fail (axis != NULL);
  max_intervals = MAX (max_intervals, 2);

  if (isnan (lo) && isnan (hi))
    {
      lo = 0.0;
      hi = 10.0;
    }
  else if (isnan (lo))
    lo = hi;
  else if (isnan (hi))
    hi = lo;
  if (lo > hi)
    {
      double tmp = lo;
      lo = hi;
      hi = tmp;
    }
  if (include_zero)
    {
      lo = MIN (lo, 0.0);
      hi = MAX (hi, 0.0);
    }
  if (hi - lo < 1e-12)
    {
      /* All values equal: a band of ±1 (or ±10 % of large values) around them. */
      double pad = MAX (1.0, fabs (hi) * 0.1);
      hi += pad;
      if (!(include_zero && lo == 0.0))
        lo -= pad;
    }

  raw = (hi - lo) / max_intervals;
  exponent = (int) floor (log10 (raw));
  for (;;)
    {
      for (guint m = 0; m < G_N_ELEMENTS (mantissas); m++)
        {
          double step = mantissas[m] * pow (10.0, exponent);
          /* The small tolerance keeps 8.0000000001 from adding a tick. */
          double first = floor (lo / step + 1e-9);
          double last = ceil (hi / step - 1e-9);

          if (last - first <= max_intervals)
            {
              axis->step = step;
              axis->min = first * step;
              axis->max = last * step;
              axis->n_ticks = (guint) (last - first) + 1;
              axis->decimals = MAX (0, -(int) floor (log10 (step) + 1e-9));
              return;
            }
        }
      exponent++;
    }
}

double
nv_chart_axis_tick (const NvChartAxis *axis, guint i)
{
  double first = floor (axis->min / axis->step + 0.5);
  double scale = pow (10.0, axis->decimals);

  /* Round to the label's precision so 0.1 * 3 does not print 0.30000000004. */
  return round ((first + i) * axis->step * scale) / scale;
}

double
nv_chart_axis_normalize (const NvChartAxis *axis, double value)
{
  if (isnan (value) || axis->max <= axis->min)
    return NAN;
  return (value - axis->min) / (axis->max - axis->min);
}
