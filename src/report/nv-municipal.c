/* nv-municipal.c — every unit side by side (see nv-municipal.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-municipal"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "nv-csv.h"
#include "nv-format.h"
#include "nv-measure.h"
#include "nv-municipal.h"
#include "nv-unit.h"
#include "nv-workshop.h"

static const char *const sectors[3] = { "helse-omsorg", "barnehage", "annet" };

static void
unit_free (NvMunicipalUnit *u)
{
  g_free (u->name);
  g_free (u->sector);
  g_free (u->benchmark);
  g_free (u->latest_label);
  g_free (u->light_text);
  g_free (u);
}

void
nv_municipal_free (NvMunicipal *municipal)
{
  if (municipal == NULL)
    return;
  g_clear_pointer (&municipal->units, g_ptr_array_unref);
  g_free (municipal);
}

static int
quarter_index (int year, int quarter)
{
  return year * 4 + quarter - 1;
}

static NvDay
quarter_start (int index)
{
  return nv_day_from_ymd (index / 4, (index % 4) * 3 + 1, 1);
}

static NvDay
quarter_end (int index)
{
  return nv_period_end (NV_PERIOD_QUARTER, quarter_start (index));
}

static gboolean
name_has_any (const char *name, const char *const *words)
{
  g_autofree char *low = g_utf8_strdown (name, -1);

  for (guint i = 0; words[i] != NULL; i++)
    if (strstr (low, words[i]) != NULL)
      return TRUE;
  return FALSE;
}

char *
nv_municipal_benchmark_for_sector (NvStore *store, const char *sector, gint64 unit_id,
                                   GError **error)
{
  static const char *const care[] = { "helse", "omsorg", "pleie", "sykehjem", "hjemmetjeneste",
                                      NULL };
  static const char *const kindergarten[] = { "barnehage", NULL };
  const char *const *words = g_strcmp0 (sector, "helse-omsorg") == 0 ? care
                             : g_strcmp0 (sector, "barnehage") == 0 ? kindergarten
                                                                     : NULL;
  g_autoptr (GPtrArray) list = NULL;

  if (words == NULL)
    return g_strdup ("Kommuner");
  list = nv_benchmark_list (store, unit_id, error);
  if (list == NULL)
    return NULL;
  for (guint i = 0; i < list->len; i++)
    {
      NvBenchmarkSeries *s = g_ptr_array_index (list, i);

      /* Quarter figures only: the light compares a quarter with a quarter. */
      if (s->kind == NV_BENCHMARK_SECTOR && name_has_any (s->name, words) && !s->behind &&
          s->latest_period != NULL && strchr (s->latest_period, 'Q') != NULL)
        return g_strdup (s->name);
    }
  return g_strdup ("Kommuner");
}

static gboolean
fill_measures (NvStore *store, NvMunicipalUnit *u, NvDay as_of, GError **error)
{
  NvMeasureQuery query;
  g_autoptr (GPtrArray) list = NULL;

  nv_measure_query_init (&query);
  query.status_mask = (1u << NV_MEASURE_PLANNED) | (1u << NV_MEASURE_IN_PROGRESS);
  query.as_of = as_of;
  list = nv_measure_list (store, u->unit_id, &query, error);
  if (list == NULL)
    return FALSE;
  u->open_measures = list->len;
  for (guint i = 0; i < list->len; i++)
    if (nv_measure_is_overdue (g_ptr_array_index (list, i), as_of))
      u->overdue_measures++;
  return TRUE;
}

static gboolean
fill_workshop (NvStore *store, NvMunicipalUnit *u, NvDay as_of, GError **error)
{
  g_autoptr (GPtrArray) list = nv_workshop_list (store, u->unit_id, error);

  if (list == NULL)
    return FALSE;
  for (guint i = 0; i < list->len; i++)
    {
      NvWorkshop *w = g_ptr_array_index (list, i);
      NvDay day = nv_day_parse_iso (w->date);

      if (day != NV_DAY_NONE && day <= as_of && day > u->last_workshop)
        u->last_workshop = day;
    }
  return TRUE;
}

static void
fill_light_text (NvMunicipalUnit *u, const NvCompare *c)
{
  if (c->light == NV_LIGHT_GREY || c->light_quarter < 0 || c->series->len == 0)
    {
      u->light_text = g_strdup (c->light_reason != NULL ? c->light_reason : _("No comparison"));
      return;
    }
  {
    const NvCompareSeries *s = g_ptr_array_index (c->series, 0);
    g_autofree char *quarter = nv_compare_quarter_label (c, c->light_quarter);
    g_autofree char *mine = nv_format_percent (c->unit_values[c->light_quarter]);
    g_autofree char *theirs = nv_format_percent (s->values[c->light_quarter]);
    g_autofree char *ratio = nv_format_decimal (c->light_ratio, 2);

    /* «Legemeldt 7,9 % vs Kommuner 6,9 % (Q2 2026): ratio 1,14 — green below 0,9,
     * red above 1,1» */
    u->light_text = g_strdup_printf (_("%s: %s against %s %s (%s), ratio %s — green below 0.9, "
                                       "red above 1.1"),
                                     nv_benchmark_measure_label (c->measure), mine, s->label,
                                     theirs, quarter, ratio);
  }
}

static NvMunicipalUnit *
unit_figures (NvStore *store, const NvUnit *unit, NvDay as_of, GError **error)
{
  g_autofree NvMunicipalUnit *u = g_new0 (NvMunicipalUnit, 1);
  g_autoptr (NvCompare) c = NULL;
  const char *names[2] = { NULL, NULL };

  u->unit_id = unit->id;
  u->name = g_strdup (unit->name);
  u->sector = g_strdup (unit->sector);
  u->latest = -1;
  u->latest_percent = u->four_percent = u->trend_points = u->light_ratio = NAN;
  for (guint i = 0; i < NV_MUNICIPAL_HEAT_QUARTERS; i++)
    u->heat[i] = NAN;
  u->benchmark = nv_municipal_benchmark_for_sector (store, unit->sector, unit->id, error);
  if (u->benchmark == NULL)
    goto fail;
  names[0] = u->benchmark;
  c = nv_compare_new (store, unit->id, names, NV_DAY_NONE, NV_DAY_NONE, as_of, error);
  if (c == NULL)
    goto fail;
  u->light = c->light;
  u->light_ratio = c->light_ratio;
  fill_light_text (u, c);
  if (c->latest >= 0)
    {
      const NvStatsPeriod *q = c->quarters;
      int l = c->latest;

      u->latest = quarter_index (c->first_year, c->first_quarter) + l;
      u->latest_label = nv_compare_quarter_label (c, l);
      u->latest_percent = q[l].percent;
      u->latest_masked = q[l].masked;
      u->persons = q[l].persons;
      if (l >= 3)
        {
          NvStatsPeriod four = nv_stats_combine (&q[l - 3], 4);

          u->four_percent = four.percent;
          u->four_masked = four.masked;
        }
      if (l >= 4 && q[l - 4].contracted_days > 0)
        {
          u->trend_points = nv_trend_change (q[l].percent, q[l - 4].percent);
          u->trend_masked = q[l].masked || q[l - 4].masked;
        }
    }
  if (!fill_measures (store, u, as_of, error) || !fill_workshop (store, u, as_of, error))
    goto fail;
  return g_steal_pointer (&u);

fail:
  g_free (u->name);
  g_free (u->sector);
  g_free (u->benchmark);
  g_free (u->latest_label);
  g_free (u->light_text);
  return NULL;
}

static gboolean
fill_heat (NvStore *store, NvMunicipal *m, GError **error)
{
  NvStatsQuery query = { NV_PERIOD_QUARTER, 0, 0, m->as_of };
  int last = -1;

  for (guint i = 0; i < m->units->len; i++)
    last = MAX (last, ((NvMunicipalUnit *) g_ptr_array_index (m->units, i))->latest);
  m->heat_first = last < 0 ? -1 : last - (NV_MUNICIPAL_HEAT_QUARTERS - 1);
  if (last < 0)
    return TRUE;
  query.from = quarter_start (m->heat_first);
  query.to = quarter_end (last);
  for (guint i = 0; i < m->units->len; i++)
    {
      NvMunicipalUnit *u = g_ptr_array_index (m->units, i);
      g_autoptr (GArray) periods = nv_stats_for_unit (store, u->unit_id, &query, error);

      if (periods == NULL)
        return FALSE;
      for (guint p = 0; p < periods->len && p < NV_MUNICIPAL_HEAT_QUARTERS; p++)
        {
          const NvStatsPeriod *sp = &g_array_index (periods, NvStatsPeriod, p);
          int col = quarter_index (nv_day_year (sp->start), nv_day_quarter (sp->start)) -
                    m->heat_first;

          if (col < 0 || col >= NV_MUNICIPAL_HEAT_QUARTERS || sp->contracted_days <= 0)
            continue;
          u->heat[col] = sp->percent;
          u->heat_masked[col] = sp->masked;
        }
    }
  return TRUE;
}

/* Σ lost / Σ contracted over @ids for the four quarters ending at @last. */
static gboolean
own_figure (NvStore *store, GArray *ids, int last, NvDay as_of, double *percent,
            gboolean *masked, GError **error)
{
  NvStatsQuery query = { NV_PERIOD_RANGE, quarter_start (last - 3), quarter_end (last), as_of };
  g_autoptr (GArray) periods = NULL;
  const NvStatsPeriod *p;

  *percent = NAN;
  *masked = FALSE;
  if (ids->len == 0)
    return TRUE;
  periods = nv_stats_for_units (store, (const gint64 *) ids->data, ids->len, &query, error);
  if (periods == NULL)
    return FALSE;
  if (periods->len != 1)
    return TRUE;
  p = &g_array_index (periods, NvStatsPeriod, 0);
  if (p->contracted_days > 0)
    {
      *percent = p->percent;
      *masked = p->masked;
    }
  return TRUE;
}

static int
compare_units (gconstpointer a, gconstpointer b)
{
  const NvMunicipalUnit *ua = *(NvMunicipalUnit *const *) a;
  const NvMunicipalUnit *ub = *(NvMunicipalUnit *const *) b;

  return g_utf8_collate (ua->name, ub->name);
}

NvMunicipal *
nv_municipal_new (NvStore *store, NvDay as_of, GError **error)
{
  g_autoptr (NvMunicipal) m = g_new0 (NvMunicipal, 1);
  g_autoptr (GPtrArray) units = nv_unit_list (store, error);
  g_autoptr (GArray) all = g_array_new (FALSE, FALSE, sizeof (gint64));
  GArray *by_sector[3];

  if (units == NULL)
    return NULL;
  m->as_of = as_of != NV_DAY_NONE ? as_of : nv_store_today (store);
  m->units = g_ptr_array_new_with_free_func ((GDestroyNotify) unit_free);
  for (guint i = 0; i < units->len; i++)
    {
      NvMunicipalUnit *u = unit_figures (store, g_ptr_array_index (units, i), m->as_of, error);

      if (u == NULL)
        return NULL;
      g_ptr_array_add (m->units, u);
    }
  g_ptr_array_sort (m->units, compare_units);
  if (!fill_heat (store, m, error))
    return NULL;

  m->own_percent = NAN;
  for (guint s = 0; s < 3; s++)
    m->own_sector_percent[s] = NAN;
  if (m->heat_first < 0)
    return g_steal_pointer (&m);
  for (guint s = 0; s < 3; s++)
    by_sector[s] = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; i < m->units->len; i++)
    {
      NvMunicipalUnit *u = g_ptr_array_index (m->units, i);

      g_array_append_val (all, u->unit_id);
      for (guint s = 0; s < 3; s++)
        if (g_strcmp0 (u->sector, sectors[s]) == 0)
          g_array_append_val (by_sector[s], u->unit_id);
    }
  {
    int last = m->heat_first + NV_MUNICIPAL_HEAT_QUARTERS - 1;
    gboolean ok = own_figure (store, all, last, m->as_of, &m->own_percent, &m->own_masked, error);

    for (guint s = 0; s < 3; s++)
      {
        ok = ok && own_figure (store, by_sector[s], last, m->as_of, &m->own_sector_percent[s],
                               &m->own_sector_masked[s], error);
        g_array_unref (by_sector[s]);
      }
    if (!ok)
      return NULL;
  }
  return g_steal_pointer (&m);
}

char *
nv_municipal_heat_label (const NvMunicipal *municipal, guint column)
{
  int index = municipal->heat_first + (int) column;

  /* TRANSLATORS: a quarter, e.g. «Q3 2025» («3. kv. 2025») */
  return g_strdup_printf (_("Q%d %d"), index % 4 + 1, index / 4);
}

static void
add_number_unless_masked (NvCsvWriter *w, double v, gboolean masked)
{
  if (masked || isnan (v))
    nv_csv_writer_add_empty (w);
  else
    nv_csv_writer_add_number (w, v);
}

gboolean
nv_municipal_export_csv (const NvMunicipal *m, const char *path, GError **error)
{
  g_autoptr (NvCsvWriter) w = nv_csv_writer_new_for_path (path, error);
  static const char *const head[] = { "enhet", "sektor", "kvartal", "prosent_kvartal",
                                      "prosent_fire_kvartaler", "endring_prosentpoeng",
                                      "trafikklys", "referanse", "personer", "tiltak_aktive",
                                      "tiltak_forfalt", "siste_dialogverksted", "skjermet" };

  if (w == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (head); i++)
    nv_csv_writer_add_text (w, head[i]);
  nv_csv_writer_end_row (w);
  for (guint i = 0; i < m->units->len; i++)
    {
      const NvMunicipalUnit *u = g_ptr_array_index (m->units, i);
      static const char *const lights[] = { "grå", "grønn", "gul", "rød" };

      nv_csv_writer_add_user_text (w, u->name);
      nv_csv_writer_add_text (w, u->sector);
      if (u->latest >= 0)
        {
          g_autofree char *q = g_strdup_printf ("%d-Q%d", u->latest / 4, u->latest % 4 + 1);
          nv_csv_writer_add_text (w, q);
        }
      else
        nv_csv_writer_add_empty (w);
      add_number_unless_masked (w, u->latest_percent, u->latest_masked);
      add_number_unless_masked (w, u->four_percent, u->four_masked);
      add_number_unless_masked (w, u->trend_points, u->trend_masked);
      nv_csv_writer_add_text (w, lights[u->light]);
      nv_csv_writer_add_text (w, u->benchmark);
      if (u->latest >= 0)
        nv_csv_writer_add_int (w, u->persons);
      else
        nv_csv_writer_add_empty (w);
      nv_csv_writer_add_int (w, u->open_measures);
      nv_csv_writer_add_int (w, u->overdue_measures);
      nv_csv_writer_add_day (w, u->last_workshop);
      nv_csv_writer_add_text (w, u->latest_masked || u->four_masked ? "ja" : "nei");
      nv_csv_writer_end_row (w);
    }
  return nv_csv_writer_finish (w, error);
}
