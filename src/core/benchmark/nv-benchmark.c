/* nv-benchmark.c — benchmark series: the built-in set, imported figures
 * merged in, the own municipality, the «behind» check and like with like.
 *
 * See nv-benchmark.h for the rules. The built-in set is parsed once per
 * process from the resource bundle with the same parser and checks as an
 * import, so the shipped file obeys the rules the user's files do.
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
#include "nv-core-resources.h"
#include "nv-ssb.h"
#include "nv-store-private.h"
#include "nv-unit.h"

static const char *const kind_ids[] = { "national", "municipal-sector", "sector",
                                        "own-municipality" };
static const char *const measure_ids[] = { "legemeldt", "totalt" };

/* The kind mapping table of nv-benchmark.h, in order; first match wins. */
static const struct
{
  const char *needle;
  NvBenchmarkKind kind;
} kind_table[] = {
  { "alle sektorer", NV_BENCHMARK_NATIONAL },
  { "alle næringer", NV_BENCHMARK_NATIONAL },
  { "hele landet", NV_BENCHMARK_NATIONAL },
  { "norge", NV_BENCHMARK_NATIONAL },
  { "barnehage", NV_BENCHMARK_SECTOR },
  { "helse", NV_BENCHMARK_SECTOR },
  { "omsorg", NV_BENCHMARK_SECTOR },
  { "pleie", NV_BENCHMARK_SECTOR },
  { "sykehjem", NV_BENCHMARK_SECTOR },
  { "hjemmetjeneste", NV_BENCHMARK_SECTOR },
  { "skole", NV_BENCHMARK_SECTOR },
  { "oppvekst", NV_BENCHMARK_SECTOR },
  { "bransje", NV_BENCHMARK_SECTOR },
  { "næring", NV_BENCHMARK_SECTOR },
  { "kommuner", NV_BENCHMARK_MUNICIPAL_SECTOR },
  { "kommunesektor", NV_BENCHMARK_MUNICIPAL_SECTOR },
  { "kommuneforvaltning", NV_BENCHMARK_MUNICIPAL_SECTOR },
  { "fylkeskommune", NV_BENCHMARK_MUNICIPAL_SECTOR },
  { "kommune", NV_BENCHMARK_OWN_MUNICIPALITY },
};

/* ---- Names, kinds, measures -------------------------------------------- */

const char *
nv_benchmark_kind_to_string (NvBenchmarkKind kind)
{
  g_return_val_if_fail ((guint) kind < G_N_ELEMENTS (kind_ids), "sector");
  return kind_ids[kind];
}

gboolean
nv_benchmark_kind_parse (const char *text, NvBenchmarkKind *kind)
{
  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (kind_ids); i++)
    if (strcmp (text, kind_ids[i]) == 0)
      {
        if (kind != NULL)
          *kind = (NvBenchmarkKind) i;
        return TRUE;
      }
  return FALSE;
}

const char *
nv_benchmark_kind_label (NvBenchmarkKind kind)
{
  switch (kind)
    {
    case NV_BENCHMARK_NATIONAL: return _("National, all sectors");
    case NV_BENCHMARK_MUNICIPAL_SECTOR: return _("Municipal sector");
    case NV_BENCHMARK_OWN_MUNICIPALITY: return _("Own municipality");
    case NV_BENCHMARK_SECTOR:
    default: return _("Sector");
    }
}

char *
nv_benchmark_name_key (const char *name)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (name != NULL ? name : ""));
  g_autofree char *normal = g_utf8_normalize (trimmed, -1, G_NORMALIZE_NFKC);

  return g_utf8_casefold (normal != NULL ? normal : trimmed, -1);
}

NvBenchmarkKind
nv_benchmark_kind_for_name (const char *name)
{
  g_autofree char *key = nv_benchmark_name_key (name);

  for (guint i = 0; i < G_N_ELEMENTS (kind_table); i++)
    if (strstr (key, kind_table[i].needle) != NULL)
      return kind_table[i].kind;
  return NV_BENCHMARK_SECTOR;
}

gboolean
nv_benchmark_name_is_own (const char *name)
{
  g_autofree char *key = nv_benchmark_name_key (name);
  g_autofree char *total = nv_benchmark_name_key (NV_BENCHMARK_OWN_TOTAL);
  g_autofree char *doctor = nv_benchmark_name_key (NV_BENCHMARK_OWN_DOCTOR);

  return strcmp (key, total) == 0 || strcmp (key, doctor) == 0;
}

const char *
nv_benchmark_measure_to_string (NvBenchmarkMeasure measure)
{
  g_return_val_if_fail ((guint) measure < G_N_ELEMENTS (measure_ids), "totalt");
  return measure_ids[measure];
}

gboolean
nv_benchmark_measure_parse (const char *text, NvBenchmarkMeasure *measure)
{
  g_autofree char *t = g_strstrip (g_ascii_strdown (text != NULL ? text : "", -1));

  for (guint i = 0; i < G_N_ELEMENTS (measure_ids); i++)
    if (strcmp (t, measure_ids[i]) == 0)
      {
        if (measure != NULL)
          *measure = (NvBenchmarkMeasure) i;
        return TRUE;
      }
  return FALSE;
}

const char *
nv_benchmark_measure_label (NvBenchmarkMeasure measure)
{
  return measure == NV_MEASURE_LEGEMELDT ? _("Doctor-certified")
                                         : _("Total (self- and doctor-certified)");
}

/* ---- Periods ------------------------------------------------------------ */

gboolean
nv_benchmark_period_parse (const char *text, NvPeriodKind *kind, NvDay *start, NvDay *end)
{
  NvPeriodKind k;
  NvDay s, e;
  gsize len;

  if (text == NULL)
    return FALSE;
  len = strlen (text);
  /* Strict: no month periods, nothing around it. */
  if (!((len == 4) || (len == 7 && text[4] == '-' && (text[5] == 'Q' || text[5] == 'q'))))
    return FALSE;
  for (guint i = 0; i < 4; i++)
    if (!g_ascii_isdigit (text[i]))
      return FALSE;
  if (!nv_period_parse (text, &k, &s, &e) || (k != NV_PERIOD_QUARTER && k != NV_PERIOD_YEAR))
    return FALSE;
  if (kind != NULL)
    *kind = k;
  if (start != NULL)
    *start = s;
  if (end != NULL)
    *end = e;
  return TRUE;
}

int
nv_benchmark_period_quarter_index (const char *period)
{
  NvDay end;

  if (!nv_benchmark_period_parse (period, NULL, NULL, &end))
    return -1;
  return nv_day_year (end) * 4 + (nv_day_quarter (end) - 1);
}

int
nv_benchmark_period_compare (const char *a, const char *b)
{
  NvPeriodKind ka = NV_PERIOD_QUARTER, kb = NV_PERIOD_QUARTER;
  NvDay sa = 0, sb = 0, ea = 0, eb = 0;

  nv_benchmark_period_parse (a, &ka, &sa, &ea);
  nv_benchmark_period_parse (b, &kb, &sb, &eb);
  if (ea != eb)
    return ea < eb ? -1 : 1;
  if (sa != sb)
    return sa > sb ? -1 : 1; /* the quarter (later start) before its year */
  return 0;
}

static int
compare_points (gconstpointer a, gconstpointer b)
{
  return nv_benchmark_period_compare (((const NvBenchmarkPoint *) a)->period,
                                      ((const NvBenchmarkPoint *) b)->period);
}

/* ---- Boxed types --------------------------------------------------------- */

void
nv_benchmark_point_clear (NvBenchmarkPoint *point)
{
  g_clear_pointer (&point->basis, g_free);
  g_clear_pointer (&point->source, g_free);
}

GArray *
nv_benchmark_point_array_new (void)
{
  GArray *points = g_array_new (FALSE, TRUE, sizeof (NvBenchmarkPoint));
  g_array_set_clear_func (points, (GDestroyNotify) nv_benchmark_point_clear);
  return points;
}

static void
point_fill (NvBenchmarkPoint *point, const char *period, double percent, const char *basis,
            const char *source, gboolean bundled)
{
  memset (point, 0, sizeof *point);
  g_strlcpy (point->period, period, sizeof point->period);
  nv_benchmark_period_parse (period, &point->kind, &point->start, &point->end);
  point->percent = percent;
  point->basis = g_strdup (basis != NULL ? basis : "");
  point->source = g_strdup (source != NULL ? source : "");
  point->bundled = bundled;
}

static void
point_copy_into (NvBenchmarkPoint *dest, const NvBenchmarkPoint *src)
{
  *dest = *src;
  dest->basis = g_strdup (src->basis);
  dest->source = g_strdup (src->source);
}

NvBenchmarkSeries *
nv_benchmark_series_copy (const NvBenchmarkSeries *series)
{
  NvBenchmarkSeries *copy = g_new0 (NvBenchmarkSeries, 1);

  *copy = *series;
  copy->name = g_strdup (series->name);
  copy->label = g_strdup (series->label);
  copy->basis = g_strdup (series->basis);
  copy->latest_period = g_strdup (series->latest_period);
  copy->sources = g_strdupv (series->sources);
  return copy;
}

void
nv_benchmark_series_free (NvBenchmarkSeries *series)
{
  if (series == NULL)
    return;
  g_free (series->name);
  g_free (series->label);
  g_free (series->basis);
  g_free (series->latest_period);
  g_strfreev (series->sources);
  g_free (series);
}

void
nv_benchmark_merged_free (NvBenchmarkMerged *merged)
{
  if (merged == NULL)
    return;
  g_free (merged->name);
  g_free (merged->basis);
  g_clear_pointer (&merged->points, g_array_unref);
  g_free (merged);
}

/* ---- The built-in set ---------------------------------------------------- */

/* Parsed once; element NvBenchmarkMerged with bundled points only. */
static GPtrArray *
builtin_series (void)
{
  static GPtrArray *builtin = NULL;

  if (g_once_init_enter (&builtin))
    {
      GPtrArray *list = g_ptr_array_new_with_free_func ((GDestroyNotify) nv_benchmark_merged_free);
      g_autoptr (GError) error = NULL;
      g_autoptr (GBytes) bytes = g_resource_lookup_data (nv_core_get_resource (),
                                                         NV_BENCHMARK_BUILTIN_RESOURCE, 0, &error);
      g_autoptr (GPtrArray) rows = NULL;

      /* Parsed once per process, so by the system clock (a documented
       * default): no store's clock applies to the bundled figures. */
      if (bytes != NULL)
        rows = nv_benchmark_parse_csv ("benchmarks.csv", g_bytes_get_data (bytes, NULL),
                                       g_bytes_get_size (bytes), nv_day_today (), &error);
      /* A broken bundle is a packaging bug the tests catch; the app still runs. */
      if (rows == NULL)
        g_critical ("The built-in benchmark figures cannot be read: %s", error->message);

      for (guint i = 0; rows != NULL && i < rows->len; i++)
        {
          NvBenchmarkRow *row = g_ptr_array_index (rows, i);
          NvBenchmarkMerged *series = nv_benchmark_merged_find (list, row->series);
          NvBenchmarkPoint point;

          if (series == NULL)
            {
              series = g_new0 (NvBenchmarkMerged, 1);
              series->name = g_strdup (row->series);
              series->kind = nv_benchmark_kind_for_name (row->series);
              series->measure = row->measure;
              series->basis = g_strdup (row->basis);
              series->builtin = TRUE;
              series->points = nv_benchmark_point_array_new ();
              g_ptr_array_add (list, series);
            }
          point_fill (&point, row->period, row->percent, row->basis, row->source, TRUE);
          g_array_append_val (series->points, point);
          series->n_bundled++;
        }
      for (guint i = 0; i < list->len; i++)
        {
          NvBenchmarkMerged *series = g_ptr_array_index (list, i);
          g_array_sort (series->points, compare_points);
        }
      g_once_init_leave (&builtin, list);
    }
  return builtin;
}

NvBenchmarkMerged *
nv_benchmark_merged_find (GPtrArray *merged, const char *name)
{
  g_autofree char *key = nv_benchmark_name_key (name);

  for (guint i = 0; i < merged->len; i++)
    {
      NvBenchmarkMerged *series = g_ptr_array_index (merged, i);
      g_autofree char *other = nv_benchmark_name_key (series->name);
      if (strcmp (key, other) == 0)
        return series;
    }
  return NULL;
}

NvBenchmarkPoint *
nv_benchmark_merged_point (NvBenchmarkMerged *merged, const char *period)
{
  for (guint i = 0; i < merged->points->len; i++)
    {
      NvBenchmarkPoint *point = &g_array_index (merged->points, NvBenchmarkPoint, i);
      if (strcmp (point->period, period) == 0)
        return point;
    }
  return NULL;
}

static NvBenchmarkMerged *
merged_copy (const NvBenchmarkMerged *src)
{
  NvBenchmarkMerged *copy = g_new0 (NvBenchmarkMerged, 1);

  *copy = *src;
  copy->name = g_strdup (src->name);
  copy->basis = g_strdup (src->basis);
  copy->points = nv_benchmark_point_array_new ();
  for (guint i = 0; i < src->points->len; i++)
    {
      NvBenchmarkPoint point;
      point_copy_into (&point, &g_array_index (src->points, NvBenchmarkPoint, i));
      g_array_append_val (copy->points, point);
    }
  return copy;
}

GPtrArray *
nv_benchmark_merged_load (NvStore *store, GError **error)
{
  GPtrArray *builtin = builtin_series ();
  g_autoptr (GPtrArray) merged =
    g_ptr_array_new_with_free_func ((GDestroyNotify) nv_benchmark_merged_free);
  g_autoptr (GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  NvStmt *stmt;
  int rc;

  for (guint i = 0; i < builtin->len; i++)
    g_ptr_array_add (merged, merged_copy (g_ptr_array_index (builtin, i)));

  stmt = nv_store_prepare (store,
                           "SELECT id, name, kind, measure, basis FROM benchmark_series ORDER BY id",
                           error);
  if (stmt == NULL)
    return NULL;
  while ((rc = nv_stmt_step (stmt)) == NV_ROW)
    {
      const char *name = nv_stmt_column_text (stmt, 1);
      NvBenchmarkMerged *series = nv_benchmark_merged_find (merged, name);

      if (series == NULL)
        {
          series = g_new0 (NvBenchmarkMerged, 1);
          series->name = g_strdup (name);
          if (!nv_benchmark_kind_parse (nv_stmt_column_text (stmt, 2),
                                        &series->kind))
            series->kind = nv_benchmark_kind_for_name (name);
          nv_benchmark_measure_parse (nv_stmt_column_text (stmt, 3),
                                      &series->measure);
          series->basis = nv_stmt_dup_text (stmt, 4);
          series->points = nv_benchmark_point_array_new ();
          g_ptr_array_add (merged, series);
        }
      series->db_id = nv_stmt_column_int64 (stmt, 0);
      g_hash_table_insert (by_id, &series->db_id, series);
    }
  nv_stmt_reset (stmt);
  if (rc != NV_DONE)
    return nv_store_set_sql_error (store, error), NULL;

  stmt = nv_store_prepare (store,
                           "SELECT series_id, period, percent, basis, source FROM benchmark_point",
                           error);
  if (stmt == NULL)
    return NULL;
  while ((rc = nv_stmt_step (stmt)) == NV_ROW)
    {
      gint64 id = nv_stmt_column_int64 (stmt, 0);
      NvBenchmarkMerged *series = g_hash_table_lookup (by_id, &id);
      const char *period = nv_stmt_column_text (stmt, 1);
      NvBenchmarkPoint *old;
      NvBenchmarkPoint point;

      if (series == NULL || !nv_benchmark_period_parse (period, NULL, NULL, NULL))
        continue;
      point_fill (&point, period, nv_stmt_column_double (stmt, 2),
                  nv_stmt_column_text (stmt, 3),
                  nv_stmt_column_text (stmt, 4), FALSE);
      old = nv_benchmark_merged_point (series, period);
      if (old != NULL)
        {
          /* The imported figure wins; the shipped one stays in the bundle. */
          nv_benchmark_point_clear (old);
          *old = point;
          series->n_replaced++;
        }
      else
        g_array_append_val (series->points, point);
      series->n_imported++;
    }
  nv_stmt_reset (stmt);
  if (rc != NV_DONE)
    return nv_store_set_sql_error (store, error), NULL;

  for (guint i = 0; i < merged->len; i++)
    {
      NvBenchmarkMerged *series = g_ptr_array_index (merged, i);
      g_array_sort (series->points, compare_points);
    }
  return g_steal_pointer (&merged);
}

/* ---- Series for callers ------------------------------------------------- */

static gboolean
point_in_range (const NvBenchmarkPoint *point, NvDay from, NvDay to)
{
  return (from == NV_DAY_NONE || point->start >= from) && (to == NV_DAY_NONE || point->end <= to);
}

static GStrv
distinct_sources (GArray *points, gboolean basis)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  /* Newest figure first: the source a user most likely wants to open. */
  for (guint i = points->len; i > 0; i--)
    {
      NvBenchmarkPoint *point = &g_array_index (points, NvBenchmarkPoint, i - 1);
      const char *text = basis ? point->basis : point->source;

      if (text == NULL || *text == '\0' || g_hash_table_contains (seen, text))
        continue;
      g_hash_table_add (seen, (gpointer) text);
      g_strv_builder_add (builder, text);
    }
  return g_strv_builder_end (builder);
}

static NvBenchmarkSeries *
series_from_merged (const NvBenchmarkMerged *merged)
{
  NvBenchmarkSeries *series = g_new0 (NvBenchmarkSeries, 1);
  g_auto (GStrv) bases = distinct_sources (merged->points, TRUE);

  series->name = g_strdup (merged->name);
  series->label = nv_benchmark_display_name (merged->name);
  series->kind = merged->kind;
  series->measure = merged->measure;
  series->basis = bases[0] != NULL ? g_strjoinv (", ", bases) : g_strdup (merged->basis);
  if (merged->points->len > 0)
    series->latest_period =
      g_strdup (g_array_index (merged->points, NvBenchmarkPoint, merged->points->len - 1).period);
  series->n_points = merged->points->len;
  series->n_bundled = merged->n_bundled;
  series->n_imported = merged->n_imported;
  series->n_replaced = merged->n_replaced;
  series->sources = distinct_sources (merged->points, FALSE);
  return series;
}

static NvBenchmarkSeries *
own_series (NvStore *store, NvBenchmarkMeasure measure, gint64 unit_id, GError **error)
{
  g_autoptr (GArray) points = NULL;
  NvBenchmarkSeries *series;
  char *sources[2] = { NULL, NULL };

  points = nv_benchmark_own_points (store, measure, unit_id, NV_DAY_NONE, NV_DAY_NONE, NV_DAY_NONE,
                                    error);
  if (points == NULL)
    return NULL;
  sources[0] = nv_benchmark_own_describe (store, unit_id, NULL, error);
  if (sources[0] == NULL)
    return NULL;

  series = g_new0 (NvBenchmarkSeries, 1);
  series->name = g_strdup (measure == NV_MEASURE_TOTALT ? NV_BENCHMARK_OWN_TOTAL
                                                        : NV_BENCHMARK_OWN_DOCTOR);
  series->label = g_strdup (measure == NV_MEASURE_TOTALT ? _("Own municipality (total)")
                                                         : _("Own municipality (doctor-certified)"));
  series->kind = NV_BENCHMARK_OWN_MUNICIPALITY;
  series->measure = measure;
  series->basis = g_strdup (_("Nærvær, from this database"));
  if (points->len > 0)
    {
      /* «Last updated»: the last whole quarter, like the unit's own check. */
      for (guint i = points->len; i > 0 && series->latest_period == NULL; i--)
        {
          NvBenchmarkPoint *p = &g_array_index (points, NvBenchmarkPoint, i - 1);
          if (p->end == nv_period_end (NV_PERIOD_QUARTER, p->start))
            series->latest_period = g_strdup (p->period);
        }
    }
  series->n_points = points->len;
  series->computed = TRUE;
  series->sources = g_strdupv (sources);
  g_free (sources[0]);
  return series;
}

static int
compare_series (gconstpointer a, gconstpointer b)
{
  const NvBenchmarkSeries *sa = *(NvBenchmarkSeries *const *) a;
  const NvBenchmarkSeries *sb = *(NvBenchmarkSeries *const *) b;

  if (sa->kind != sb->kind)
    return sa->kind < sb->kind ? -1 : 1;
  return g_utf8_collate (sa->name, sb->name);
}

GPtrArray *
nv_benchmark_list (NvStore *store, gint64 unit_id, GError **error)
{
  g_autoptr (GPtrArray) merged = NULL;
  g_autoptr (GPtrArray) list =
    g_ptr_array_new_with_free_func ((GDestroyNotify) nv_benchmark_series_free);
  g_autofree char *unit_latest = NULL;

  g_return_val_if_fail (NV_IS_STORE (store), NULL);

  merged = nv_benchmark_merged_load (store, error);
  if (merged == NULL)
    return NULL;
  for (guint i = 0; i < merged->len; i++)
    g_ptr_array_add (list, series_from_merged (g_ptr_array_index (merged, i)));
  g_ptr_array_sort (list, compare_series);

  for (guint m = 0; m < 2; m++)
    {
      NvBenchmarkSeries *own =
        own_series (store, m == 0 ? NV_MEASURE_TOTALT : NV_MEASURE_LEGEMELDT, unit_id, error);
      if (own == NULL)
        return NULL;
      g_ptr_array_add (list, own);
    }

  if (unit_id != 0)
    {
      g_autoptr (GError) local_error = NULL;
      unit_latest = nv_benchmark_unit_latest_quarter (store, unit_id, NV_DAY_NONE, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      for (guint i = 0; i < list->len; i++)
        {
          NvBenchmarkSeries *series = g_ptr_array_index (list, i);
          series->behind = nv_benchmark_is_behind (series->latest_period, unit_latest);
        }
    }
  return g_steal_pointer (&list);
}

static gboolean
own_measure_of (const char *name, NvBenchmarkMeasure *measure)
{
  g_autofree char *key = NULL;
  g_autofree char *total = NULL;

  if (!nv_benchmark_name_is_own (name))
    return FALSE;
  key = nv_benchmark_name_key (name);
  total = nv_benchmark_name_key (NV_BENCHMARK_OWN_TOTAL);
  *measure = strcmp (key, total) == 0 ? NV_MEASURE_TOTALT : NV_MEASURE_LEGEMELDT;
  return TRUE;
}

/* Like nv_benchmark_list(), for one series only (charts ask per series). */
NvBenchmarkSeries *
nv_benchmark_get (NvStore *store, const char *name, gint64 unit_id, GError **error)
{
  g_autoptr (NvBenchmarkSeries) series = NULL;
  NvBenchmarkMeasure measure;

  g_return_val_if_fail (NV_IS_STORE (store), NULL);

  if (own_measure_of (name, &measure))
    {
      series = own_series (store, measure, unit_id, error);
      if (series == NULL)
        return NULL;
    }
  else
    {
      g_autoptr (GPtrArray) merged = nv_benchmark_merged_load (store, error);
      NvBenchmarkMerged *found;

      if (merged == NULL)
        return NULL;
      found = nv_benchmark_merged_find (merged, name);
      if (found == NULL)
        {
          g_set_error (error, NV_STORE_ERROR, NV_STORE_ERROR_NOT_FOUND,
                       _("There is no benchmark series called “%s”"), name != NULL ? name : "");
          return NULL;
        }
      series = series_from_merged (found);
    }

  if (unit_id != 0)
    {
      g_autoptr (GError) local_error = NULL;
      g_autofree char *unit_latest =
        nv_benchmark_unit_latest_quarter (store, unit_id, NV_DAY_NONE, &local_error);

      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      series->behind = nv_benchmark_is_behind (series->latest_period, unit_latest);
    }
  return g_steal_pointer (&series);
}

GArray *
nv_benchmark_get_points (NvStore *store, const char *name, gint64 unit_id, NvDay from, NvDay to,
                         NvDay as_of, GError **error)
{
  g_autoptr (GPtrArray) merged = NULL;
  NvBenchmarkMeasure measure;
  NvBenchmarkMerged *series;
  GArray *points;

  g_return_val_if_fail (NV_IS_STORE (store), NULL);

  if (own_measure_of (name, &measure))
    return nv_benchmark_own_points (store, measure, unit_id, from, to, as_of, error);

  merged = nv_benchmark_merged_load (store, error);
  if (merged == NULL)
    return NULL;
  series = nv_benchmark_merged_find (merged, name);
  if (series == NULL)
    {
      g_set_error (error, NV_STORE_ERROR, NV_STORE_ERROR_NOT_FOUND,
                   _("There is no benchmark series called “%s”"), name != NULL ? name : "");
      return NULL;
    }
  points = nv_benchmark_point_array_new ();
  for (guint i = 0; i < series->points->len; i++)
    {
      NvBenchmarkPoint *p = &g_array_index (series->points, NvBenchmarkPoint, i);
      NvBenchmarkPoint copy;

      if (!point_in_range (p, from, to))
        continue;
      point_copy_into (&copy, p);
      g_array_append_val (points, copy);
    }
  return points;
}
