/* nv-measure-effect.c — the unit's absence before and after a measure started.
 *
 * The window is whole quarters: the four before the quarter the measure
 * started in, that quarter, and the (up to) four after it that have ended on
 * the as-of date. A quarter that is still running is left out: a part of a
 * quarter is not comparable with whole ones. Before and after are combined
 * as Σ lost / Σ contracted (DESIGN §2), never as an average of percentages.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-measure"

#include "config.h"

#include <string.h>

#include "nv-measure.h"
#include "nv-stats.h"

void
nv_measure_effect_clear (NvMeasureEffect *effect)
{
  g_clear_pointer (&effect->quarters, g_array_unref);
  memset (effect, 0, sizeof *effect);
  effect->start_index = -1;
}

/* The first day of the quarter @offset quarters from the one containing @day. */
static NvDay
quarter_start (NvDay day, int offset)
{
  int year, month, mday;
  int index;

  nv_day_to_ymd (nv_period_start (NV_PERIOD_QUARTER, day), &year, &month, &mday);
  index = year * 4 + (month - 1) / 3 + offset;
  return nv_day_from_ymd (index / 4, (index % 4) * 3 + 1, 1);
}

gboolean
nv_measure_effect_compute (NvStore *store, const NvMeasure *measure, NvDay as_of,
                           NvMeasureEffect *effect, GError **error)
{
  g_autoptr (GArray) periods = NULL;
  NvStatsQuery query = { 0 };
  NvDay start_q, from, to, last_ended;
  guint first_after = 0;

  memset (effect, 0, sizeof *effect);
  effect->start_index = -1;
  effect->quarters = g_array_new (FALSE, TRUE, sizeof (NvStatsPeriod));
  if (as_of == NV_DAY_NONE)
    as_of = nv_store_today (store);
  if (measure->start == NV_DAY_NONE)
    return TRUE;

  start_q = quarter_start (measure->start, 0);
  from = quarter_start (measure->start, -NV_MEASURE_EFFECT_QUARTERS);
  to = quarter_start (measure->start, NV_MEASURE_EFFECT_QUARTERS + 1) - 1;
  last_ended = nv_period_end (NV_PERIOD_QUARTER, as_of) == as_of
                 ? as_of
                 : nv_period_start (NV_PERIOD_QUARTER, as_of) - 1;
  if (from == NV_DAY_NONE || to == NV_DAY_NONE)
    return TRUE; /* outside the calendar's years */
  to = MIN (to, last_ended);
  if (to < from)
    return TRUE;

  query.by = NV_PERIOD_QUARTER;
  query.from = from;
  query.to = to;
  query.as_of = as_of;
  periods = nv_stats_for_unit (store, measure->unit_id, &query, error);
  if (periods == NULL)
    {
      nv_measure_effect_clear (effect);
      return FALSE;
    }

  for (guint i = 0; i < periods->len; i++)
    {
      NvStatsPeriod *p = &g_array_index (periods, NvStatsPeriod, i);

      g_array_append_val (effect->quarters, *p);
      if (p->start < start_q)
        effect->n_before++;
      else if (p->start == start_q)
        effect->start_index = effect->quarters->len - 1;
      else
        {
          if (effect->n_after == 0)
            first_after = effect->quarters->len - 1;
          effect->n_after++;
        }
    }

  if (effect->n_before > 0)
    {
      NvStatsPeriod before = nv_stats_combine ((NvStatsPeriod *) effect->quarters->data,
                                               effect->n_before);
      effect->before_percent = before.percent;
      effect->before_masked = before.masked;
      effect->before_has_data = before.contracted_days > 0;
    }
  if (effect->n_after > 0)
    {
      NvStatsPeriod after = nv_stats_combine (
        &g_array_index (effect->quarters, NvStatsPeriod, first_after), effect->n_after);
      effect->after_percent = after.percent;
      effect->after_masked = after.masked;
      effect->after_has_data = after.contracted_days > 0;
    }
  return TRUE;
}
