/* nv-benchmark-own.c — the own municipality as a benchmark, the «behind»
 * check and like-with-like comparison (rules in nv-benchmark.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-benchmark"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "nv-absence.h"
#include "nv-benchmark-private.h"
#include "nv-stats.h"
#include "nv-unit.h"

static void
add_municipality_keys (GHashTable *keys, const char *municipality)
{
  g_autofree char *muni = g_strstrip (g_strdup (municipality != NULL ? municipality : ""));
  g_autofree char *with = NULL;

  if (*muni == '\0')
    return;
  with = g_strconcat (muni, " kommune", NULL);
  g_hash_table_add (keys, nv_benchmark_name_key (muni));
  g_hash_table_add (keys, nv_benchmark_name_key (with));
}

/* Sorts the units: MUNICIPALITY-LEVEL ENTRIES are units named after a
 * municipality some unit belongs to (M or «M kommune») that hold HR monthly
 * figures; every other unit goes into @others (rule b sums those, so an
 * entry's municipality-wide figures are never added to its own units').
 * *@entry_id is the entry of @unit_id's municipality (rule a), or 0. */
static gboolean
classify_units (NvStore *store, gint64 unit_id, gint64 *entry_id, char **entry_name,
                GArray *others, GError **error)
{
  g_autoptr (GPtrArray) units = nv_unit_list (store, error);
  g_autoptr (GHashTable) all_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GHashTable) own_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  *entry_id = 0;
  if (units == NULL)
    return FALSE;
  for (guint i = 0; i < units->len; i++)
    {
      NvUnit *unit = g_ptr_array_index (units, i);
      add_municipality_keys (all_keys, unit->municipality);
      if (unit->id == unit_id)
        add_municipality_keys (own_keys, unit->municipality);
    }

  for (guint i = 0; i < units->len; i++)
    {
      NvUnit *unit = g_ptr_array_index (units, i);
      g_autofree char *key = nv_benchmark_name_key (unit->name);
      gboolean is_entry = FALSE;

      if (g_hash_table_contains (all_keys, key))
        {
          g_autoptr (GPtrArray) monthly = nv_monthly_list (store, unit->id, error);
          if (monthly == NULL)
            return FALSE;
          is_entry = monthly->len > 0;
        }
      if (!is_entry)
        {
          if (others != NULL)
            g_array_append_val (others, unit->id);
          continue;
        }
      if (*entry_id == 0 && unit->id != unit_id && g_hash_table_contains (own_keys, key))
        {
          *entry_id = unit->id;
          if (entry_name != NULL)
            *entry_name = g_strdup (unit->name);
        }
    }
  return TRUE;
}

static char *
describe (gint64 entry_id, const char *entry_name, guint n_units)
{
  if (entry_id != 0)
    return g_strdup_printf (_("HR monthly figures of “%s”: Σ lost ÷ Σ contracted days per quarter"),
                            entry_name);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Computed from the %u unit in this database: Σ lost ÷ "
                                       "Σ contracted days per quarter",
                                       "Computed from all %u units in this database: Σ lost ÷ "
                                       "Σ contracted days per quarter",
                                       n_units),
                          n_units);
}

char *
nv_benchmark_own_describe (NvStore *store, gint64 unit_id, gint64 *entry_id, GError **error)
{
  g_autofree char *entry_name = NULL;
  g_autoptr (GArray) others = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 id = 0;

  g_return_val_if_fail (NV_IS_STORE (store), NULL);

  if (!classify_units (store, unit_id, &id, &entry_name, others, error))
    return NULL;
  if (entry_id != NULL)
    *entry_id = id;
  return describe (id, entry_name, others->len);
}

GArray *
nv_benchmark_own_points (NvStore *store, NvBenchmarkMeasure measure, gint64 unit_id, NvDay from,
                         NvDay to, NvDay as_of, GError **error)
{
  NvStatsQuery query = { NV_PERIOD_QUARTER, from, to, as_of };
  g_autoptr (GArray) stats = NULL;
  g_autofree char *source = NULL;
  GArray *points;
  gint64 entry_id = 0;

  g_autofree char *entry_name = NULL;
  g_autoptr (GArray) others = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_return_val_if_fail (NV_IS_STORE (store), NULL);

  if (!classify_units (store, unit_id, &entry_id, &entry_name, others, error))
    return NULL;
  source = describe (entry_id, entry_name, others->len);
  if (entry_id != 0)
    stats = nv_stats_for_unit (store, entry_id, &query, error);
  else if (others->len > 0)
    stats = nv_stats_for_units (store, (const gint64 *) others->data, others->len, &query, error);
  else
    stats = g_array_new (FALSE, TRUE, sizeof (NvStatsPeriod));
  if (stats == NULL)
    return NULL;

  points = nv_benchmark_point_array_new ();
  for (guint i = 0; i < stats->len; i++)
    {
      const NvStatsPeriod *p = &g_array_index (stats, NvStatsPeriod, i);
      NvBenchmarkPoint point = { { 0 } };

      if (p->contracted_days <= 0)
        continue;
      /* Only whole quarters inside the asked range; a quarter cut by the
       * data itself (first employment, as-of date) is still that quarter. */
      if ((from != NV_DAY_NONE && p->start != nv_period_start (NV_PERIOD_QUARTER, p->start)) ||
          (to != NV_DAY_NONE && p->end != nv_period_end (NV_PERIOD_QUARTER, p->end)))
        continue;
      g_strlcpy (point.period, p->label, sizeof point.period);
      point.kind = NV_PERIOD_QUARTER;
      point.start = p->start;
      point.end = p->end;
      point.percent = nv_benchmark_unit_value (measure, p);
      point.basis = g_strdup (_("Nærvær, from this database"));
      point.source = g_strdup (source);
      point.persons = p->persons;
      point.masked = p->masked;
      g_array_append_val (points, point);
    }
  return points;
}

/* ---- Behind ------------------------------------------------------------ */

gboolean
nv_benchmark_is_behind (const char *series_latest, const char *unit_latest_quarter)
{
  int s = nv_benchmark_period_quarter_index (series_latest);
  int u = nv_benchmark_period_quarter_index (unit_latest_quarter);

  if (s < 0 || u < 0)
    return FALSE;
  return u - s > 2;
}

char *
nv_benchmark_unit_latest_quarter (NvStore *store, gint64 unit_id, NvDay as_of, GError **error)
{
  NvStatsQuery query = { NV_PERIOD_QUARTER, NV_DAY_NONE, NV_DAY_NONE, as_of };
  g_autoptr (GArray) stats = NULL;

  if (as_of == NV_DAY_NONE)
    as_of = nv_store_today (store);
  query.as_of = as_of;
  query.to = as_of;
  stats = nv_stats_for_unit (store, unit_id, &query, error);
  if (stats == NULL)
    return NULL;
  for (guint i = stats->len; i > 0; i--)
    {
      const NvStatsPeriod *p = &g_array_index (stats, NvStatsPeriod, i - 1);
      NvDay quarter_end = nv_period_end (NV_PERIOD_QUARTER, p->start);

      if (p->contracted_days > 0 && quarter_end <= as_of)
        return nv_period_label (NV_PERIOD_QUARTER, p->start, p->end);
    }
  return NULL;
}

/* ---- Like with like ---------------------------------------------------- */

const char *
nv_benchmark_unit_field (NvBenchmarkMeasure measure)
{
  return measure == NV_MEASURE_LEGEMELDT ? "percent_doctor" : "percent";
}

double
nv_benchmark_unit_value (NvBenchmarkMeasure measure, const NvStatsPeriod *period)
{
  g_return_val_if_fail (period != NULL, NAN);
  return measure == NV_MEASURE_LEGEMELDT ? period->percent_doctor : period->percent;
}

const NvBenchmarkPoint *
nv_benchmark_point_for_period (GArray *points, const char *label)
{
  g_return_val_if_fail (points != NULL, NULL);

  for (guint i = 0; label != NULL && i < points->len; i++)
    {
      const NvBenchmarkPoint *point = &g_array_index (points, NvBenchmarkPoint, i);
      if (strcmp (point->period, label) == 0)
        return point;
    }
  return NULL;
}

GArray *
nv_benchmark_align (GArray *points, const NvStatsPeriod *periods, guint n_periods)
{
  GArray *values = g_array_sized_new (FALSE, FALSE, sizeof (double), n_periods);

  for (guint i = 0; i < n_periods; i++)
    {
      const NvBenchmarkPoint *point = nv_benchmark_point_for_period (points, periods[i].label);
      double value = point != NULL ? point->percent : NAN;
      g_array_append_val (values, value);
    }
  return values;
}
