/* nv-ssb.c — SSB's sick-leave tables: the plan, JSON-stat 2.0 answers, and
 * storing them as fetched benchmark series. The rules are in nv-ssb.h.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-ssb"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "nv-benchmark-private.h"
#include "nv-core-resources.h"
#include "nv-ssb.h"
#include "nv-store-private.h"

#define PLAN_RESOURCE "/io/github/naervaer/Naervaer/core/ssb-series.json"

/* ---- The plan ----------------------------------------------------------- */

static void
series_free (NvSsbSeries *s)
{
  g_free (s->name);
  g_free (s->table);
  g_strfreev (s->dims);
  g_strfreev (s->codes);
  g_free (s);
}

void
nv_ssb_plan_free (NvSsbPlan *plan)
{
  if (plan == NULL)
    return;
  g_free (plan->api);
  g_free (plan->first_period);
  g_free (plan->time_dim);
  g_free (plan->basis);
  g_clear_pointer (&plan->series, g_ptr_array_unref);
  g_free (plan);
}

static gboolean
plan_error (GError **error, const char *what)
{
  /* A broken resource is a bug in Nærvær, but say it as a sentence. */
  g_set_error (error, NV_STORE_ERROR, NV_STORE_ERROR_INVALID,
               _("Nærvær’s list of SSB tables is damaged (%s)."), what);
  return FALSE;
}

NvSsbPlan *
nv_ssb_plan_load (const char *api_override, GError **error)
{
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (NvSsbPlan) plan = g_new0 (NvSsbPlan, 1);
  JsonObject *root;
  JsonArray *series;

  /* The store registers the core bundle on first use; register it here only
   * when nothing has yet (as the follow-up rules do). */
  if (!g_resources_get_info (PLAN_RESOURCE, 0, NULL, NULL, NULL))
    nv_core_register_resource ();
  bytes = g_resources_lookup_data (PLAN_RESOURCE, 0, error);

  if (bytes == NULL)
    return NULL;
  if (!json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL),
                                   (gssize) g_bytes_get_size (bytes), error))
    return NULL;
  root = json_node_get_object (json_parser_get_root (parser));
  series = json_object_get_array_member (root, "series");
  plan->api = g_strdup (api_override != NULL ? api_override
                                             : json_object_get_string_member (root, "api"));
  while (plan->api[0] != '\0' && g_str_has_suffix (plan->api, "/"))
    plan->api[strlen (plan->api) - 1] = '\0';
  plan->first_period = g_strdup (json_object_get_string_member (root, "first_period"));
  plan->time_dim = g_strdup (json_object_get_string_member (root, "time"));
  plan->basis = g_strdup (json_object_get_string_member (root, "basis"));
  plan->publication_lag_days = (guint) json_object_get_int_member (root, "publication_lag_days");
  plan->series = g_ptr_array_new_with_free_func ((GDestroyNotify) series_free);
  for (guint i = 0; i < json_array_get_length (series); i++)
    {
      JsonObject *o = json_array_get_object_element (series, i);
      JsonObject *select = json_object_get_object_member (o, "select");
      g_autoptr (GList) members = json_object_get_members (select);
      NvSsbSeries *s = g_new0 (NvSsbSeries, 1);
      guint n = g_list_length (members), k = 0;

      g_ptr_array_add (plan->series, s);
      s->name = g_strdup (json_object_get_string_member (o, "name"));
      s->table = g_strdup (json_object_get_string_member (o, "table"));
      if (!nv_benchmark_measure_parse (json_object_get_string_member (o, "measure"),
                                       &s->measure))
        return plan_error (error, s->name), NULL;
      s->dims = g_new0 (char *, n + 1);
      s->codes = g_new0 (char *, n + 1);
      for (GList *l = members; l != NULL; l = l->next, k++)
        {
          s->dims[k] = g_strdup (l->data);
          s->codes[k] = g_strdup (json_object_get_string_member (select, l->data));
        }
    }
  return g_steal_pointer (&plan);
}

static void
append_escaped (GString *out, const char *text)
{
  g_autofree char *escaped = g_uri_escape_string (text, NULL, FALSE);
  g_string_append (out, escaped);
}

char *
nv_ssb_series_url (const NvSsbPlan *plan, const NvSsbSeries *series)
{
  GString *url = g_string_new (plan->api);
  g_autofree char *from = g_strdup_printf ("from(%s)", plan->first_period);

  g_string_append (url, "/tables/");
  append_escaped (url, series->table);
  g_string_append (url, "/data?lang=no&outputFormat=json-stat2");
  for (guint k = 0; series->dims[k] != NULL; k++)
    {
      g_string_append (url, "&valueCodes%5B");
      append_escaped (url, series->dims[k]);
      g_string_append (url, "%5D=");
      append_escaped (url, series->codes[k]);
    }
  g_string_append (url, "&valueCodes%5B");
  append_escaped (url, plan->time_dim);
  g_string_append (url, "%5D=");
  append_escaped (url, from);
  return g_string_free (url, FALSE);
}

/* ---- Reading JSON-stat 2.0 ---------------------------------------------- */

static gboolean
bad (GError **error, const NvSsbSeries *series, const char *why)
{
  g_set_error (error, NV_STORE_ERROR, NV_STORE_ERROR_INVALID,
               _("SSB’s answer for table %s (%s) could not be read: %s"), series->table,
               series->name, why);
  return FALSE;
}

static gboolean
changed (GError **error, const NvSsbSeries *series, const char *why)
{
  g_set_error (error, NV_STORE_ERROR, NV_STORE_ERROR_INVALID,
               _("SSB has changed table %s (%s): %s. Nærvær’s list of SSB tables needs an "
                 "update before these figures can be fetched."),
               series->table, series->name, why);
  return FALSE;
}

/* Position of @code in a category index (object code → position, or array of
 * codes); -1 when absent. */
static gint64
category_position (JsonNode *index, const char *code)
{
  if (JSON_NODE_HOLDS_OBJECT (index))
    {
      JsonObject *o = json_node_get_object (index);
      JsonNode *pos = json_object_get_member (o, code);
      if (pos == NULL || json_node_get_value_type (pos) != G_TYPE_INT64)
        return -1;
      return json_node_get_int (pos);
    }
  if (JSON_NODE_HOLDS_ARRAY (index))
    {
      JsonArray *a = json_node_get_array (index);
      for (guint i = 0; i < json_array_get_length (a); i++)
        {
          JsonNode *n = json_array_get_element (a, i);
          if (JSON_NODE_HOLDS_VALUE (n) && json_node_get_value_type (n) == G_TYPE_STRING &&
              g_strcmp0 (json_node_get_string (n), code) == 0)
            return i;
        }
    }
  return -1;
}

/* "2026K3" → "2026-Q3". */
static gboolean
time_code_to_period (const char *code, char period[8])
{
  if (strlen (code) != 6 || !g_ascii_isdigit (code[0]) || !g_ascii_isdigit (code[1]) ||
      !g_ascii_isdigit (code[2]) || !g_ascii_isdigit (code[3]) || code[4] != 'K' ||
      code[5] < '1' || code[5] > '4')
    return FALSE;
  g_snprintf (period, 8, "%.4s-Q%c", code, code[5]);
  return TRUE;
}

static JsonNode *
cell (JsonNode *value, gint64 flat)
{
  if (JSON_NODE_HOLDS_ARRAY (value))
    {
      JsonArray *a = json_node_get_array (value);
      return flat < json_array_get_length (a) ? json_array_get_element (a, (guint) flat) : NULL;
    }
  else
    {
      g_autofree char *key = g_strdup_printf ("%" G_GINT64_FORMAT, flat);
      return json_object_get_member (json_node_get_object (value), key);
    }
}

static int
cmp_point (gconstpointer a, gconstpointer b)
{
  return strcmp (((const NvSsbPoint *) a)->period, ((const NvSsbPoint *) b)->period);
}

GArray *
nv_ssb_parse (const NvSsbPlan *plan, const NvSsbSeries *series, const char *body, gsize length,
              GError **error)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GArray) points = g_array_new (FALSE, FALSE, sizeof (NvSsbPoint));
  g_autoptr (GError) local = NULL;
  g_autofree gint64 *stride = NULL;
  g_autofree gint64 *fixed = NULL;
  JsonObject *root, *dimension;
  JsonArray *ids, *sizes;
  JsonNode *value, *time_index;
  guint n_dims, n_select = g_strv_length (series->dims), time_at = G_MAXUINT;
  gint64 total = 1, base = 0;

  if (!json_parser_load_from_data (parser, body, (gssize) length, &local))
    return bad (error, series, _("it is not valid JSON")), NULL;
  if (!JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return bad (error, series, _("it is not a JSON-stat dataset")), NULL;
  root = json_node_get_object (json_parser_get_root (parser));
  if (g_strcmp0 (json_object_get_string_member_with_default (root, "class", ""), "dataset") != 0 ||
      !json_object_has_member (root, "id") || !json_object_has_member (root, "size") ||
      !json_object_has_member (root, "dimension") || !json_object_has_member (root, "value"))
    return bad (error, series, _("it is not a JSON-stat 2.0 dataset")), NULL;
  ids = json_object_get_array_member (root, "id");
  sizes = json_object_get_array_member (root, "size");
  dimension = json_object_get_object_member (root, "dimension");
  value = json_object_get_member (root, "value");
  if (ids == NULL || sizes == NULL || dimension == NULL ||
      json_array_get_length (ids) != json_array_get_length (sizes) ||
      !(JSON_NODE_HOLDS_ARRAY (value) || JSON_NODE_HOLDS_OBJECT (value)))
    return bad (error, series, _("its dimensions are malformed")), NULL;

  /* Exactly the dimensions asked for. */
  n_dims = json_array_get_length (ids);
  {
    g_autoptr (GString) got = g_string_new (NULL);
    g_autoptr (GString) wanted = g_string_new (plan->time_dim);
    gboolean same = n_dims == n_select + 1;

    for (guint k = 0; k < n_select; k++)
      g_string_append_printf (wanted, ", %s", series->dims[k]);
    for (guint i = 0; i < n_dims; i++)
      {
        const char *id = json_array_get_string_element (ids, i);
        if (id == NULL)
          return bad (error, series, _("its dimensions are malformed")), NULL;
        g_string_append_printf (got, "%s%s", i > 0 ? ", " : "", id);
        if (g_strcmp0 (id, plan->time_dim) == 0)
          time_at = i;
        else if (!g_strv_contains ((const char *const *) series->dims, id))
          same = FALSE;
      }
    if (!same || time_at == G_MAXUINT)
      {
        g_autofree char *why =
          g_strdup_printf (_("it has the dimensions %s, not %s"), got->str, wanted->str);
        return changed (error, series, why), NULL;
      }
  }

  stride = g_new (gint64, n_dims);
  fixed = g_new (gint64, n_dims);
  for (int i = (int) n_dims - 1; i >= 0; i--)
    {
      gint64 size = json_array_get_int_element (sizes, (guint) i);
      if (size <= 0 || size > 100000 || total > G_MAXINT32 / size)
        return bad (error, series, _("its dimensions are malformed")), NULL;
      stride[i] = total;
      total *= size;
    }
  if (JSON_NODE_HOLDS_ARRAY (value) && json_array_get_length (json_node_get_array (value)) != total)
    return bad (error, series, _("it has the wrong number of values")), NULL;

  /* Each selected code is there; its position fixes that dimension. */
  for (guint i = 0; i < n_dims; i++)
    {
      const char *id = json_array_get_string_element (ids, i);
      JsonObject *dim;
      JsonObject *category;
      JsonNode *index;
      gint64 pos;
      guint k;

      if (i == time_at)
        continue;
      for (k = 0; g_strcmp0 (series->dims[k], id) != 0; k++)
        ;
      dim = json_object_get_object_member (dimension, id);
      category = dim != NULL ? json_object_get_object_member (dim, "category") : NULL;
      index = category != NULL ? json_object_get_member (category, "index") : NULL;
      pos = index != NULL ? category_position (index, series->codes[k]) : -1;
      if (pos < 0 || pos >= json_array_get_int_element (sizes, i))
        {
          g_autofree char *why = g_strdup_printf (_("the code %s of %s is gone"),
                                                  series->codes[k], id);
          return changed (error, series, why), NULL;
        }
      fixed[i] = pos;
      base += pos * stride[i];
    }

  /* Every quarter. */
  {
    JsonObject *tdim = json_object_get_object_member (dimension, plan->time_dim);
    JsonObject *category = tdim != NULL ? json_object_get_object_member (tdim, "category") : NULL;
    g_autoptr (GList) codes = NULL;

    time_index = category != NULL ? json_object_get_member (category, "index") : NULL;
    if (time_index == NULL)
      return bad (error, series, _("it has no quarters")), NULL;
    if (JSON_NODE_HOLDS_OBJECT (time_index))
      codes = json_object_get_members (json_node_get_object (time_index));
    else if (JSON_NODE_HOLDS_ARRAY (time_index))
      for (guint i = 0; i < json_array_get_length (json_node_get_array (time_index)); i++)
        codes = g_list_append (
          codes, (gpointer) json_array_get_string_element (json_node_get_array (time_index), i));
    for (GList *l = codes; l != NULL; l = l->next)
      {
        const char *code = l->data;
        gint64 pos = code != NULL ? category_position (time_index, code) : -1;
        NvSsbPoint point;
        JsonNode *v;

        if (code == NULL || !time_code_to_period (code, point.period))
          {
            g_autofree char *why = g_strdup_printf (_("the period “%s” is not a quarter"),
                                                    code != NULL ? code : "");
            return changed (error, series, why), NULL;
          }
        if (pos < 0 || pos >= json_array_get_int_element (sizes, time_at))
          return bad (error, series, _("its quarters are malformed")), NULL;
        v = cell (value, base + pos * stride[time_at]);
        if (v == NULL || JSON_NODE_HOLDS_NULL (v))
          continue; /* not published (yet) or suppressed */
        if (!JSON_NODE_HOLDS_VALUE (v) || (json_node_get_value_type (v) != G_TYPE_DOUBLE &&
                                           json_node_get_value_type (v) != G_TYPE_INT64))
          return bad (error, series, _("a figure is not a number")), NULL;
        point.percent = json_node_get_double (v);
        if (!(point.percent >= 0 && point.percent <= 100))
          return bad (error, series, _("a figure is not a percentage")), NULL;
        g_array_append_val (points, point);
      }
  }
  if (points->len == 0)
    return bad (error, series, _("it has no figures")), NULL;
  g_array_sort (points, cmp_point);
  return g_steal_pointer (&points);
}

/* ---- Next publication --------------------------------------------------- */

NvDay
nv_ssb_next_publication (const NvSsbPlan *plan, const char *latest_period)
{
  NvDay end;

  if (latest_period == NULL || !nv_benchmark_period_parse (latest_period, NULL, NULL, &end))
    return NV_DAY_NONE;
  /* The quarter after the latest one ends three months later. */
  end = nv_period_end (NV_PERIOD_QUARTER, end + 1);
  return end + plan->publication_lag_days;
}

/* ---- Storing ------------------------------------------------------------ */

void
nv_ssb_report_clear (NvSsbReport *report)
{
  g_clear_pointer (&report->latest_period, g_free);
}

typedef struct
{
  const NvSsbPlan *plan;
  GPtrArray *urls;
  GDateTime *fetched;
  NvDay next;
} FetchRows;

static gboolean
write_fetch_rows (NvStore *store, gpointer data, GError **error)
{
  FetchRows *f = data;
  g_autofree char *fetched = g_date_time_format_iso8601 (f->fetched);
  g_autofree char *next = f->next != NV_DAY_NONE ? nv_day_format_iso (f->next) : NULL;

  for (guint i = 0; i < f->plan->series->len; i++)
    {
      const NvSsbSeries *s = g_ptr_array_index (f->plan->series, i);
      NvStmt *stmt = nv_store_prepare (
        store,
        "INSERT INTO benchmark_fetch "
        "(series_id, source_url, table_id, fetched, next_release, seasonally_adjusted) "
        "SELECT id, ?2, ?3, ?4, ?5, 0 FROM benchmark_series WHERE name = ?1 COLLATE NOCASE "
        "ON CONFLICT (series_id) DO UPDATE SET source_url = excluded.source_url, "
        "table_id = excluded.table_id, fetched = excluded.fetched, "
        "next_release = excluded.next_release, seasonally_adjusted = 0",
        error);

      if (stmt == NULL)
        return FALSE;
      nv_stmt_bind_text (stmt, 1, s->name);
      nv_stmt_bind_text (stmt, 2, g_ptr_array_index (f->urls, i));
      nv_stmt_bind_text (stmt, 3, s->table);
      nv_stmt_bind_text (stmt, 4, fetched);
      nv_stmt_bind_text (stmt, 5, next);
      if (!nv_store_step_done (store, stmt, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
nv_ssb_store (NvStore *store, const NvSsbPlan *plan, GPtrArray *points, GDateTime *fetched,
              NvSsbReport *report, GError **error)
{
  g_autoptr (GString) csv = g_string_new ("series;period;percent;measure;basis;source\n");
  g_autoptr (GPtrArray) urls = g_ptr_array_new_with_free_func (g_free);
  g_auto (NvBenchmarkImportReport) import = { 0 };
  g_autofree char *latest = NULL;
  FetchRows rows = { plan, urls, fetched, NV_DAY_NONE };
  guint n_points = 0;

  g_return_val_if_fail (points->len == plan->series->len, FALSE);
  for (guint i = 0; i < plan->series->len; i++)
    {
      const NvSsbSeries *s = g_ptr_array_index (plan->series, i);
      GArray *pts = g_ptr_array_index (points, i);
      char *url = nv_ssb_series_url (plan, s);

      g_ptr_array_add (urls, url);
      for (guint k = 0; k < pts->len; k++)
        {
          const NvSsbPoint *p = &g_array_index (pts, NvSsbPoint, k);
          char number[G_ASCII_DTOSTR_BUF_SIZE];

          /* Names and URLs carry no ; or quotes; the CSV stays plain. */
          g_string_append_printf (csv, "%s;%s;%s;%s;%s;%s\n", s->name, p->period,
                                  g_ascii_dtostr (number, sizeof number, p->percent),
                                  nv_benchmark_measure_to_string (s->measure), plan->basis, url);
          if (latest == NULL || strcmp (p->period, latest) > 0)
            {
              g_free (latest);
              latest = g_strdup (p->period);
            }
          n_points++;
        }
    }
  rows.next = nv_ssb_next_publication (plan, latest);
  if (!nv_benchmark_import_data_with (store, "SSB", csv->str, csv->len, &import,
                                      write_fetch_rows, &rows, error))
    return FALSE;
  if (report != NULL)
    {
      nv_ssb_report_clear (report);
      report->n_series = plan->series->len;
      report->n_points = n_points;
      report->n_added = import.n_added;
      report->n_replaced = import.n_replaced;
      report->latest_period = g_steal_pointer (&latest);
      report->next_publication = rows.next;
    }
  return TRUE;
}

/* ---- Provenance --------------------------------------------------------- */

void
nv_ssb_fetch_info_clear (NvSsbFetchInfo *info)
{
  g_clear_pointer (&info->source_url, g_free);
  g_clear_pointer (&info->table_id, g_free);
  g_clear_pointer (&info->fetched, g_date_time_unref);
}

gboolean
nv_ssb_fetch_info (NvStore *store, const char *name, NvSsbFetchInfo *info, GError **error)
{
  NvStmt *stmt;
  int rc;

  memset (info, 0, sizeof *info);
  info->next_release = NV_DAY_NONE;
  stmt = nv_store_prepare (store,
                           "SELECT f.source_url, f.table_id, f.fetched, f.next_release, "
                           "f.seasonally_adjusted FROM benchmark_fetch f JOIN benchmark_series s "
                           "ON s.id = f.series_id WHERE s.name = ?1 COLLATE NOCASE",
                           error);
  if (stmt == NULL)
    return FALSE;
  nv_stmt_bind_text (stmt, 1, name);
  rc = nv_stmt_step (stmt);
  if (rc == NV_ROW)
    {
      g_autofree char *fetched = nv_stmt_dup_text (stmt, 2);
      g_autofree char *next = nv_stmt_dup_text (stmt, 3);

      info->source_url = nv_stmt_dup_text (stmt, 0);
      info->table_id = nv_stmt_dup_text (stmt, 1);
      info->fetched = fetched != NULL ? g_date_time_new_from_iso8601 (fetched, NULL) : NULL;
      info->next_release = next != NULL ? nv_day_parse_iso (next) : NV_DAY_NONE;
      info->seasonally_adjusted = nv_stmt_column_int (stmt, 4) != 0;
    }
  nv_stmt_reset (stmt);
  if (rc != NV_ROW && rc != NV_DONE)
    return nv_store_set_sql_error (store, error);
  return rc == NV_ROW;
}

GDateTime *
nv_benchmark_last_imported (NvStore *store, const char *name, GError **error)
{
  NvStmt *stmt;
  GDateTime *when = NULL;

  stmt = nv_store_prepare (store,
                           "SELECT max(p.imported) FROM benchmark_point p JOIN benchmark_series s "
                           "ON s.id = p.series_id WHERE s.name = ?1 COLLATE NOCASE",
                           error);
  if (stmt == NULL)
    return NULL;
  nv_stmt_bind_text (stmt, 1, name);
  if (nv_stmt_step (stmt) == NV_ROW && !nv_stmt_column_is_null (stmt, 0))
    when = g_date_time_new_from_iso8601 (nv_stmt_column_text (stmt, 0), NULL);
  nv_stmt_reset (stmt);
  return when;
}

/* ---- Display ------------------------------------------------------------ */

char *
nv_period_display (const char *period)
{
  NvPeriodKind kind;
  NvDay start;

  if (period == NULL || !nv_benchmark_period_parse (period, &kind, &start, NULL))
    return g_strdup (period);
  if (kind == NV_PERIOD_YEAR)
    return g_strdup_printf ("%d", nv_day_year (start));
  /* TRANSLATORS: a quarter of a year: quarter number, then year ("Q3 2024") */
  return g_strdup_printf (_("Q%d %d"), nv_day_quarter (start), nv_day_year (start));
}

char *
nv_benchmark_display_name (const char *name)
{
  g_autoptr (GRegex) quarter = g_regex_new ("\\b[12][0-9]{3}-Q[1-4]\\b", 0, 0, NULL);
  g_autoptr (GString) out = g_string_new (NULL);
  g_autoptr (GMatchInfo) match = NULL;
  g_autofree char *dotted = NULL;
  const char *rest = name;
  int start = 0, end = 0;

  g_return_val_if_fail (name != NULL, NULL);
  g_regex_match (quarter, name, 0, &match);
  while (g_match_info_matches (match))
    {
      g_autofree char *text = g_match_info_fetch (match, 0);
      g_autofree char *shown = nv_period_display (text);

      g_match_info_fetch_pos (match, 0, &start, &end);
      g_string_append_len (out, rest, name + start - rest);
      g_string_append (out, shown);
      rest = name + end;
      g_match_info_next (match, NULL);
    }
  g_string_append (out, rest);
  /* «NAV bransje» in the shipped series' name is one word in Norwegian:
   * «NAV-bransje» (the name stays as it is: it identifies the series). */
  {
    g_auto (GStrv) words = g_strsplit (out->str, "NAV bransje", -1);
    g_autofree char *joined = g_strjoinv ("NAV-bransje", words);
    g_string_assign (out, joined);
  }
  /* «2019-Q3..2020-Q2» is a range: an en dash between the quarters. */
  dotted = g_string_free (g_steal_pointer (&out), FALSE);
  {
    g_auto (GStrv) parts = g_strsplit (dotted, "..", -1);
    return g_strjoinv ("–", parts);
  }
}
