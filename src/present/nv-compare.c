/* nv-compare.c — a unit against benchmark series, and its charts.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-compare"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "nv-compare.h"
#include "nv-measure.h"
#include "nv-unit.h"
#include "nv-workshop.h"

static void
compare_series_free (gpointer data)
{
  NvCompareSeries *series = data;

  g_free (series->name);
  g_free (series->label);
  g_free (series->values);
  g_free (series->masked);
  g_free (series->latest_period);
  g_free (series);
}

void
nv_compare_free (NvCompare *compare)
{
  if (compare == NULL)
    return;
  g_free (compare->unit_name);
  g_free (compare->quarters);
  g_free (compare->unit_values);
  g_clear_pointer (&compare->series, g_ptr_array_unref);
  g_free (compare->light_reason);
  g_free (compare);
}

const char *
nv_compare_measure_word (NvBenchmarkMeasure measure)
{
  return measure == NV_MEASURE_LEGEMELDT ? _("doctor-certified") : _("total");
}

static char *
quarter_label (int year, int quarter)
{
  /* TRANSLATORS: a quarter of a year: quarter number, then year ("Q3 2024") */
  return g_strdup_printf (_("Q%d %d"), quarter, year);
}

char *
nv_compare_quarter_label (const NvCompare *compare, guint index)
{
  int q = (compare->first_year * 4 + compare->first_quarter - 1) + (int) index;
  return quarter_label (q / 4, q % 4 + 1);
}

gboolean
nv_compare_masked (const NvCompare *compare, guint index)
{
  return index < compare->n_quarters && compare->quarters[index].masked &&
         compare->quarters[index].contracted_days > 0;
}

/* The last day of the last quarter that has ended on @as_of. */
static NvDay
last_complete_quarter_end (NvDay as_of)
{
  NvDay end = nv_period_end (NV_PERIOD_QUARTER, as_of);
  return end <= as_of ? end : nv_period_start (NV_PERIOD_QUARTER, as_of) - 1;
}

static GArray *
quarter_stats (NvStore *store, gint64 unit_id, NvDay from, NvDay to, NvDay as_of, GError **error)
{
  NvStatsQuery query = { NV_PERIOD_QUARTER, from, to, as_of };
  return nv_stats_for_unit (store, unit_id, &query, error);
}

static gboolean
resolve_series (NvCompare *compare, NvStore *store, const char *const *benchmarks,
                GPtrArray *found, GError **error)
{
  for (guint i = 0; benchmarks != NULL && benchmarks[i] != NULL; i++)
    {
      g_autoptr (GError) local = NULL;
      NvBenchmarkSeries *series = nv_benchmark_get (store, benchmarks[i], compare->unit_id, &local);

      if (series == NULL)
        {
          if (g_error_matches (local, NV_STORE_ERROR, NV_STORE_ERROR_NOT_FOUND))
            g_set_error (error, NV_STORE_ERROR, NV_STORE_ERROR_NOT_FOUND,
                         _("Unknown benchmark series “%s”"), benchmarks[i]);
          else
            g_propagate_error (error, g_steal_pointer (&local));
          return FALSE;
        }
      g_ptr_array_add (found, series);
      if (series->measure != ((NvBenchmarkSeries *) g_ptr_array_index (found, 0))->measure)
        {
          NvBenchmarkSeries *first = g_ptr_array_index (found, 0);
          g_set_error (error, NV_STORE_ERROR, NV_STORE_ERROR_INVALID,
                       _("“%s” is %s sick leave but “%s” is %s: a chart compares like "
                         "with like, so choose series of one kind"),
                       first->name, nv_compare_measure_word (first->measure), series->name,
                       nv_compare_measure_word (series->measure));
          return FALSE;
        }
    }
  compare->measure = found->len > 0 ? ((NvBenchmarkSeries *) g_ptr_array_index (found, 0))->measure
                                    : NV_MEASURE_TOTALT;
  return TRUE;
}

static void
compute_light (NvCompare *compare)
{
  NvCompareSeries *series;
  int i;

  compare->light = NV_LIGHT_GREY;
  compare->light_quarter = -1;
  compare->light_ratio = NAN;
  if (compare->series->len == 0)
    {
      compare->light_reason = g_strdup (_("Choose a benchmark to compare with."));
      return;
    }
  series = g_ptr_array_index (compare->series, 0);
  for (i = (int) compare->n_quarters - 1; i >= 0; i--)
    if (!isnan (compare->unit_values[i]) && !isnan (series->values[i]))
      break;
  compare->light_quarter = i;
  if (compare->n_with_data < 4)
    compare->light_reason = g_strdup (_("Fewer than four quarters of data."));
  else if (i < 0)
    compare->light_reason =
      g_strdup (_("No quarter has figures for both the unit and the benchmark."));
  else if (nv_compare_masked (compare, i) || series->masked[i])
    compare->light_reason = g_strdup (_("Fewer than 5 persons: not rated."));
  else if (series->values[i] <= 0)
    compare->light_reason = g_strdup (_("The benchmark is 0 in that quarter."));
  else
    {
      compare->light_ratio = compare->unit_values[i] / series->values[i];
      compare->light = nv_light_for_ratio (compare->light_ratio);
    }
}

static void
compute_trend (NvCompare *compare)
{
  int last = compare->latest;

  compare->trend = NV_TREND_NONE;
  compare->trend_change = NAN;
  if (last < 4 || isnan (compare->unit_values[last]) || isnan (compare->unit_values[last - 4]))
    return;
  compare->trend_change =
    nv_trend_change (compare->unit_values[last], compare->unit_values[last - 4]);
  compare->trend_masked =
    nv_compare_masked (compare, last) || nv_compare_masked (compare, last - 4);
  compare->trend = nv_trend_for_change (compare->trend_change);
}

NvCompare *
nv_compare_new (NvStore *store, gint64 unit_id, const char *const *benchmarks, NvDay from,
                NvDay to, NvDay as_of, GError **error)
{
  return nv_compare_new_full (store, unit_id, benchmarks, from, to, as_of, FALSE, error);
}

NvCompare *
nv_compare_new_full (NvStore *store, gint64 unit_id, const char *const *benchmarks, NvDay from,
                     NvDay to, NvDay as_of, gboolean running, GError **error)
{
  g_autoptr (NvCompare) compare = g_new0 (NvCompare, 1);
  g_autoptr (NvUnit) unit = NULL;
  g_autoptr (GPtrArray) found =
    g_ptr_array_new_with_free_func ((GDestroyNotify) nv_benchmark_series_free);
  g_autoptr (GArray) stats = NULL;
  gboolean to_default;

  g_return_val_if_fail (NV_IS_STORE (store), NULL);

  unit = nv_unit_get (store, unit_id, error);
  if (unit == NULL)
    return NULL;
  compare->unit_id = unit_id;
  compare->unit_name = g_strdup (unit->name);
  compare->series = g_ptr_array_new_with_free_func (compare_series_free);
  compare->latest = -1;
  if (!resolve_series (compare, store, benchmarks, found, error))
    return NULL;

  if (as_of == NV_DAY_NONE)
    as_of = nv_store_today (store);
  to_default = to == NV_DAY_NONE;
  compare->as_of = as_of;
  if (running && (to == NV_DAY_NONE || nv_period_end (NV_PERIOD_QUARTER, to) > as_of))
    to = as_of; /* the running quarter, clipped to the as-of day */
  else if (to == NV_DAY_NONE || nv_period_end (NV_PERIOD_QUARTER, to) > as_of)
    to = last_complete_quarter_end (as_of);
  else
    to = nv_period_end (NV_PERIOD_QUARTER, to);

  if (from == NV_DAY_NONE)
    {
      /* From the first quarter with data, at most ten years back. */
      g_autoptr (GArray) all = quarter_stats (store, unit_id, NV_DAY_NONE, to, as_of, error);
      NvDay earliest;
      int q;

      if (all == NULL)
        return NULL;
      /* A roster alone gives 0 % until absence is recorded or HR figures
       * are imported; those empty years say nothing, so start where the
       * first absence or HR month is. */
      from = to + 1;
      for (guint i = 0; i < all->len; i++)
        if (g_array_index (all, NvStatsPeriod, i).contracted_days > 0 &&
            (g_array_index (all, NvStatsPeriod, i).lost_days > 0 ||
             g_array_index (all, NvStatsPeriod, i).n_monthly_months > 0))
          {
            from = nv_period_start (NV_PERIOD_QUARTER, g_array_index (all, NvStatsPeriod, i).start);
            break;
          }
      /* The quarter 39 quarters before the last one. */
      q = nv_day_year (to) * 4 + nv_day_quarter (to) - 1 - (NV_COMPARE_MAX_QUARTERS - 1);
      earliest = nv_day_from_ymd (q / 4, (q % 4) * 3 + 1, 1);
      from = MAX (from, earliest);
    }
  else
    from = nv_period_start (NV_PERIOD_QUARTER, from);

  if (from <= to)
    {
      stats = quarter_stats (store, unit_id, from, to, as_of, error);
      if (stats == NULL)
        return NULL;
    }
  else
    stats = g_array_new (FALSE, TRUE, sizeof (NvStatsPeriod));

  /* By default the chart ends with the unit's last quarter with data. */
  if (to_default)
    while (stats->len > 0 &&
           g_array_index (stats, NvStatsPeriod, stats->len - 1).contracted_days <= 0)
      g_array_set_size (stats, stats->len - 1);
  compare->n_quarters = stats->len;
  compare->quarters = g_new0 (NvStatsPeriod, MAX (stats->len, 1));
  compare->unit_values = g_new0 (double, MAX (stats->len, 1));
  if (stats->len > 0)
    memcpy (compare->quarters, stats->data, stats->len * sizeof (NvStatsPeriod));
  {
    NvDay first = stats->len > 0 ? compare->quarters[0].start : to;
    compare->first_year = nv_day_year (first);
    compare->first_quarter = nv_day_quarter (first);
  }
  compare->last_running = compare->n_quarters > 0 &&
                          compare->quarters[compare->n_quarters - 1].end <
                            nv_period_end (NV_PERIOD_QUARTER,
                                           compare->quarters[compare->n_quarters - 1].start);
  for (guint i = 0; i < compare->n_quarters; i++)
    {
      NvStatsPeriod *p = &compare->quarters[i];

      if (p->contracted_days > 0)
        {
          compare->unit_values[i] = nv_benchmark_unit_value (compare->measure, p);
          compare->n_with_data++;
          compare->latest = i;
        }
      else
        compare->unit_values[i] = NAN;
    }

  for (guint s = 0; s < found->len; s++)
    {
      NvBenchmarkSeries *info = g_ptr_array_index (found, s);
      NvCompareSeries *series = g_new0 (NvCompareSeries, 1);
      g_autoptr (GArray) points = NULL;
      g_autoptr (GArray) aligned = NULL;

      series->name = g_strdup (info->name);
      series->label = g_strdup (info->label);
      series->latest_period = g_strdup (info->latest_period);
      series->values = g_new (double, MAX (compare->n_quarters, 1));
      series->masked = g_new0 (gboolean, MAX (compare->n_quarters, 1));
      g_ptr_array_add (compare->series, series);
      for (guint i = 0; i < compare->n_quarters; i++)
        series->values[i] = NAN;
      if (compare->n_quarters == 0)
        continue;
      points = nv_benchmark_get_points (store, info->name, unit_id, from, to, as_of, error);
      if (points == NULL)
        return NULL;
      aligned = nv_benchmark_align (points, compare->quarters, compare->n_quarters);
      for (guint i = 0; i < compare->n_quarters; i++)
        {
          const NvBenchmarkPoint *point =
            nv_benchmark_point_for_period (points, compare->quarters[i].label);
          series->values[i] = g_array_index (aligned, double, i);
          series->masked[i] = point != NULL && point->masked;
        }
    }

  compute_light (compare);
  compute_trend (compare);
  return g_steal_pointer (&compare);
}

/* ---- charts ------------------------------------------------------------- */

static char *
measure_name (const char *name, NvBenchmarkMeasure measure)
{
  /* Say the measure in the legend, unless the series name already does. */
  const char *word = measure == NV_MEASURE_LEGEMELDT ? "legemeldt" : "totalt";
  g_autofree char *lower = g_utf8_strdown (name, -1);
  g_autofree char *translated = g_utf8_strdown (nv_compare_measure_word (measure), -1);

  if (strstr (lower, word) != NULL || strstr (lower, translated) != NULL)
    return g_strdup (name);
  return g_strdup_printf ("%s (%s)", name, nv_compare_measure_word (measure));
}

static void
add_unit_series (NvChart *chart, const NvCompare *compare, guint first, guint n,
                 gboolean for_export)
{
  g_autofree char *name = measure_name (compare->unit_name, compare->measure);
  guint s = nv_chart_add_series (chart, name, NULL);

  for (guint i = 0; i < n; i++)
    {
      gboolean masked = nv_compare_masked (compare, first + i);
      nv_chart_set_value (chart, s, i,
                          masked && for_export ? NAN : compare->unit_values[first + i]);
      nv_chart_set_masked (chart, s, i, masked);
    }
}

static void
add_benchmark_series (NvChart *chart, const NvCompare *compare, guint first, guint n,
                      gboolean for_export)
{
  for (guint b = 0; b < compare->series->len; b++)
    {
      NvCompareSeries *series = g_ptr_array_index (compare->series, b);
      g_autofree char *name = measure_name (series->label, compare->measure);
      guint s = nv_chart_add_series (chart, name, NULL);

      for (guint i = 0; i < n; i++)
        {
          gboolean masked = series->masked[first + i];
          nv_chart_set_value (chart, s, i,
                              masked && for_export ? NAN : series->values[first + i]);
          nv_chart_set_masked (chart, s, i, masked);
        }
    }
}

static char *
value_axis_label (NvBenchmarkMeasure measure)
{
  return g_strdup_printf (_("Sick leave, %s (%%)"), nv_compare_measure_word (measure));
}

static void
set_quarters (NvChart *chart, const NvCompare *compare, guint first, guint n)
{
  int q = compare->first_year * 4 + compare->first_quarter - 1 + (int) first;
  nv_chart_set_quarters (chart, q / 4, q % 4 + 1, n);
}

static double
day_position (const NvCompare *compare, NvDay day)
{
  for (guint i = 0; i < compare->n_quarters; i++)
    {
      NvStatsPeriod *p = &compare->quarters[i];
      if (day >= p->start && day <= p->end)
        return i + (double) (day - p->start) / (p->end - p->start + 1);
    }
  return -1;
}

static void
add_event_markers (NvChart *chart, const NvCompare *compare, NvStore *store)
{
  g_autoptr (GPtrArray) measures = NULL;
  g_autoptr (GPtrArray) workshops = NULL;

  if (store == NULL)
    return;
  workshops = nv_workshop_list (store, compare->unit_id, NULL);
  for (guint i = 0; workshops != NULL && i < workshops->len; i++)
    {
      NvWorkshop *workshop = g_ptr_array_index (workshops, i);
      double position = day_position (compare, nv_day_parse_iso (workshop->date));

      if (position >= 0)
        nv_chart_add_marker (chart, position, nv_workshop_display_title (workshop));
    }
  measures = nv_measure_list_by_start (store, compare->unit_id, NULL);
  for (guint i = 0; measures != NULL && i < measures->len; i++)
    {
      NvMeasure *measure = g_ptr_array_index (measures, i);
      double position = day_position (compare, measure->start);

      if (position >= 0)
        nv_chart_add_marker (chart, position, measure->title);
    }
}

NvChart *
nv_compare_trend_chart (const NvCompare *compare, NvStore *store, gboolean for_export)
{
  NvChart *chart = nv_chart_new (NV_CHART_LINE);
  g_autofree char *axis = value_axis_label (compare->measure);

  if (compare->n_quarters > 0)
    {
      g_autofree char *first = nv_compare_quarter_label (compare, 0);
      g_autofree char *last = nv_compare_quarter_label (compare, compare->n_quarters - 1);
      g_autofree char *title = g_strdup_printf (_("Sick leave in %s, %s–%s"), compare->unit_name,
                                                first, last);
      nv_chart_set_title (chart, title);
    }
  nv_chart_set_value_label (chart, axis);
  nv_chart_set_masked_label (chart, _("Fewer than 5 persons"));
  set_quarters (chart, compare, 0, compare->n_quarters);
  add_unit_series (chart, compare, 0, compare->n_quarters, for_export);
  add_benchmark_series (chart, compare, 0, compare->n_quarters, for_export);
  add_event_markers (chart, compare, store);
  return chart;
}

/* The last @n quarters up to @last (inclusive; -1: all quarters). */
static void
recent_window (const NvCompare *compare, int last, guint n, guint *first, guint *count)
{
  guint end = last >= 0 ? (guint) last + 1 : compare->n_quarters;

  *count = MIN (n, end);
  *first = end - *count;
}

NvChart *
nv_compare_recent_chart (const NvCompare *compare, gboolean for_export)
{
  NvChart *chart = nv_chart_new (NV_CHART_BARS);
  g_autofree char *axis = value_axis_label (compare->measure);
  guint first, n;

  /* Published figures lag: with a series, end where it has its newest
   * figure, so the bars compare something. */
  if (compare->series->len > 0 && compare->light_quarter >= 0)
    {
      recent_window (compare, compare->light_quarter, 4, &first, &n);
      nv_chart_set_title (chart, _("The last four quarters with benchmark figures"));
    }
  else
    {
      recent_window (compare, compare->latest, 4, &first, &n);
      nv_chart_set_title (chart, _("The last four quarters"));
    }
  nv_chart_set_value_label (chart, axis);
  nv_chart_set_masked_label (chart, _("Fewer than 5 persons"));
  set_quarters (chart, compare, first, n);
  add_unit_series (chart, compare, first, n, for_export);
  add_benchmark_series (chart, compare, first, n, for_export);
  return chart;
}

static NvChart *
stacked_chart (const NvCompare *compare, gboolean for_export, const char *title,
               const char *name_a, const char *name_b, gboolean duration)
{
  NvChart *chart = nv_chart_new (NV_CHART_STACKED);
  g_autofree char *axis = value_axis_label (NV_MEASURE_TOTALT);
  guint first, n, a, b;

  recent_window (compare, compare->latest, 8, &first, &n);
  nv_chart_set_title (chart, title);
  nv_chart_set_value_label (chart, axis);
  nv_chart_set_masked_label (chart, _("Fewer than 5 persons"));
  set_quarters (chart, compare, first, n);
  a = nv_chart_add_series (chart, name_a, NULL);
  b = nv_chart_add_series (chart, name_b, NULL);
  for (guint i = 0; i < n; i++)
    {
      const NvStatsPeriod *p = &compare->quarters[first + i];
      gboolean masked = nv_compare_masked (compare, first + i);
      gboolean hide = (masked && for_export) || p->contracted_days <= 0 ||
                      (duration && !p->has_case_split);

      nv_chart_set_value (chart, a, i, hide ? NAN : duration ? p->percent_short : p->percent_self);
      nv_chart_set_value (chart, b, i, hide ? NAN : duration ? p->percent_long : p->percent_doctor);
      nv_chart_set_masked (chart, a, i, masked);
      nv_chart_set_masked (chart, b, i, masked);
    }
  return chart;
}

NvChart *
nv_compare_duration_chart (const NvCompare *compare, gboolean for_export)
{
  return stacked_chart (compare, for_export, _("Short-term and long-term absence"),
                        _("Short-term (1–16 days)"), _("Long-term (17 days or more)"), TRUE);
}

NvChart *
nv_compare_certificate_chart (const NvCompare *compare, gboolean for_export)
{
  return stacked_chart (compare, for_export, _("Self-certified and doctor-certified absence"),
                        _("Self-certified"), _("Doctor-certified"), FALSE);
}

char *
nv_compare_summary (const NvCompare *compare, gboolean for_export)
{
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  g_autofree char *unit = NULL;
  g_autofree char *bench = NULL;
  g_autofree char *quarter = NULL;
  NvCompareSeries *series;
  int i;

  if (compare->n_with_data == 0)
    return g_strdup_printf (_("Sick leave in %s: no figures yet"), compare->unit_name);
  first = g_strdup_printf ("%d", nv_day_year (compare->quarters[0].start));
  last = g_strdup_printf ("%d", nv_day_year (compare->quarters[compare->n_quarters - 1].start));

  if (compare->series->len == 0)
    {
      i = compare->latest;
      quarter = nv_compare_quarter_label (compare, i);
      unit = (for_export && nv_compare_masked (compare, i))
               ? g_strdup (_("hidden (fewer than 5 persons)"))
               : nv_format_value_percent (compare->unit_values[i], 1);
      return g_strdup_printf (_("Sick leave in %s, %s–%s (%s): latest %s (%s)"),
                              compare->unit_name, first, last,
                              nv_compare_measure_word (compare->measure), unit, quarter);
    }

  series = g_ptr_array_index (compare->series, 0);
  i = compare->light_quarter >= 0 ? compare->light_quarter : compare->latest;
  quarter = nv_compare_quarter_label (compare, i);
  unit = (for_export && nv_compare_masked (compare, i))
           ? g_strdup (_("hidden (fewer than 5 persons)"))
           : nv_format_value_percent (compare->unit_values[i], 1);
  bench = nv_format_value_percent (series->values[i], 1);
  return g_strdup_printf (_("Sick leave in %s, %s–%s, against %s (%s): latest %s vs %s (%s)"),
                          compare->unit_name, first, last, series->label,
                          nv_compare_measure_word (compare->measure), unit, bench, quarter);
}
