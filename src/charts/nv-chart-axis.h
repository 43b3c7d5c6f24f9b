/* nv-chart-axis.h — the value axis: data range → nice ticks → 0..1.
 *
 * The axis is the middle layer of a chart (series → axis → layers). It picks
 * a range that starts and ends on a tick, with a step of 1, 2 or 5 × 10ⁿ and
 * at most @max_intervals intervals, and maps a value to 0 (bottom) … 1 (top).
 * Layers only scale that to pixels. Ranges: 0–7.3 → 0, 2, 4, 6, 8;
 * 4.1–12.9 without zero → 4, 6, …, 14; all equal → a band around the value;
 * no data at all (every value NaN) → 0–10.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  double min;     /* first tick */
  double max;     /* last tick */
  double step;    /* distance between ticks */
  guint n_ticks;  /* ticks from min to max inclusive */
  int decimals;   /* decimals a tick label needs */
} NvChartAxis;

/* @data_min / @data_max may be NaN (no data). @include_zero keeps 0 in range
 * (bars always do; sick-leave lines do too, so a small change is not blown up).
 * @max_intervals ≥ 2 (default charts use 6). */
void nv_chart_axis_compute (NvChartAxis *axis, double data_min, double data_max,
                            gboolean include_zero, guint max_intervals);
/* Tick @i (0 … n_ticks-1), computed from integers so 0,1+0,2 is 0,3 exactly. */
double nv_chart_axis_tick (const NvChartAxis *axis, guint i);
/* 0 at min, 1 at max; NaN stays NaN. */
double nv_chart_axis_normalize (const NvChartAxis *axis, double value);

G_END_DECLS
