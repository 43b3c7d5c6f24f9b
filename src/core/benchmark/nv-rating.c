/* nv-rating.c — the traffic light and the trend as pure functions.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-rating"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "nv-format.h"
#include "nv-rating.h"

/* Far below any difference a figure with one or two decimals can make. */
#define TOLERANCE 1e-9

NvLight
nv_light_for_ratio (double ratio)
{
  if (isnan (ratio))
    return NV_LIGHT_GREY;
  if (ratio < 0.9 - TOLERANCE)
    return NV_LIGHT_GREEN;
  if (ratio <= 1.1 + TOLERANCE)
    return NV_LIGHT_YELLOW;
  return NV_LIGHT_RED;
}

double
nv_trend_change (double now, double before)
{
  if (isnan (now) || isnan (before))
    return NAN;
  /* In whole tenths, so 2,2 − 2,5 is −0,3 exactly as a person writes it,
   * not −0.30000000000000027. */
  return (round (nv_round_half_up (now, 1) * 10) - round (nv_round_half_up (before, 1) * 10)) / 10.;
}

NvTrend
nv_trend_for_change (double points)
{
  if (isnan (points))
    return NV_TREND_NONE;
  if (fabs (points) <= NV_TREND_UNCHANGED_POINTS + TOLERANCE)
    return NV_TREND_UNCHANGED;
  return points > 0 ? NV_TREND_RISING : NV_TREND_FALLING;
}

const char *
nv_light_label (NvLight light)
{
  switch (light)
    {
    case NV_LIGHT_GREEN:
      return _ ("Green");
    case NV_LIGHT_YELLOW:
      return _ ("Yellow");
    case NV_LIGHT_RED:
      return _ ("Red");
    case NV_LIGHT_GREY:
    default:
      return _ ("Grey");
    }
}

const char *
nv_trend_label (NvTrend trend)
{
  switch (trend)
    {
    case NV_TREND_RISING:
      return _ ("rising");
    case NV_TREND_FALLING:
      return _ ("falling");
    case NV_TREND_UNCHANGED:
      return _ ("unchanged");
    case NV_TREND_NONE:
    default:
      return NULL;
    }
}
