/* nv-rating.h — the traffic light and the trend (DESIGN §2), as pure
 * functions of figures: the Compare page, the municipal overview, the
 * projection slides, reports and naervaer-cli all rate through these.
 *
 * LIGHT: the unit's quarter ÷ the benchmark's same quarter. Below 0.9 green,
 * 0.9 to 1.1 (both included) yellow, above 1.1 red; grey when there is no
 * ratio. A tolerance of 1e-9 keeps 9,9 ÷ 9,0 = 1.1000000000000001 yellow.
 *
 * TREND: the latest quarter minus the same quarter a year before, in
 * percentage points, taken from the two figures as they are shown (each
 * rounded half up to one decimal), so the change printed beside «2,2 %» and
 * «2,5 %» is always −0,3 and never a −0,4 from the unrounded 2,15 and 2,549:
 * «unchanged» when they differ by at most 0,1 point, otherwise «rising» or
 * «falling»; none without both quarters.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define NV_TREND_UNCHANGED_POINTS 0.1

typedef enum
{
  NV_LIGHT_GREY,
  NV_LIGHT_GREEN,
  NV_LIGHT_YELLOW,
  NV_LIGHT_RED,
} NvLight;

typedef enum
{
  NV_TREND_NONE, /* no quarter a year before, or no data */
  NV_TREND_FALLING,
  NV_TREND_UNCHANGED,
  NV_TREND_RISING,
} NvTrend;

/* The light for @ratio (unit ÷ benchmark); NV_LIGHT_GREY for NaN. */
NvLight nv_light_for_ratio (double ratio);
/* The change from @before to @now (both percentages, unrounded) as a reader
 * computes it from the figures shown: round(now, 1) − round(before, 1),
 * exact in tenths. NAN when either is NAN. */
double nv_trend_change (double now, double before);
/* The trend for a change of @points percentage points; NV_TREND_NONE for NaN. */
NvTrend nv_trend_for_change (double points);

/* «Green», «Yellow», «Red», «Grey» (translated). */
const char *nv_light_label (NvLight light);
/* «rising», «falling», «unchanged» (translated); NULL for NV_TREND_NONE. */
const char *nv_trend_label (NvTrend trend);

G_END_DECLS
