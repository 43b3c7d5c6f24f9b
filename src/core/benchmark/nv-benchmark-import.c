/* nv-benchmark-import.c — benchmark CSV: reading, checking, writing.
 *
 * All or nothing: the whole file is read and checked first — each row, the
 * file against itself, then against the series already known — and only
 * then written, in one transaction. The first problem stops the import with
 * `FILE:LINE: FIELD: message` and nothing is stored.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-benchmark"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "nv-benchmark-private.h"
#include "nv-csv.h"
#include "nv-format.h"
#include "nv-store-private.h"

#define MAX_NAME_CHARS 120
#define BENCHMARK_COLUMNS 6 /* entries of nv_csv_benchmark_columns */

void
nv_benchmark_row_free (NvBenchmarkRow *row)
{
  if (row == NULL)
    return;
  g_free (row->series);
  g_free (row->basis);
  g_free (row->source);
  g_free (row);
}

static gboolean
problem (GError **error, const char *file, guint line, const char *field, const char *format, ...)
  G_GNUC_PRINTF (5, 6);

static gboolean
problem (GError **error, const char *file, guint line, const char *field, const char *format, ...)
{
  g_autofree char *message = NULL;
  g_autofree char *text = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  text = nv_csv_format_problem (file, line, field, message);
  g_set_error_literal (error, NV_STORE_ERROR, NV_STORE_ERROR_INVALID, text);
  return FALSE;
}

static int
column_index (const int *indexes, const char *id)
{
  for (guint i = 0; nv_csv_benchmark_columns[i].id != NULL; i++)
    if (strcmp (nv_csv_benchmark_columns[i].id, id) == 0)
      return indexes[i];
  return -1;
}

/* The column @id as the file's header names it ("prosent" or "percent"). */
#define FIELD(id) nv_csv_reader_field_name (reader, nv_csv_benchmark_columns, indexes, id)

/* Checks one record's fields; fills @row. A period that begins after
 * @today is refused. */
static gboolean
read_row (NvCsvReader *reader, const int *indexes, const int *cols, NvDay today,
          NvBenchmarkRow *row, GError **error)
{
  const char *file = nv_csv_reader_get_name (reader);
  guint line = nv_csv_reader_get_line (reader);
  const char *series = nv_csv_reader_get_field (reader, cols[0]);
  const char *period = nv_csv_reader_get_field (reader, cols[1]);
  const char *percent = nv_csv_reader_get_field (reader, cols[2]);
  const char *measure = nv_csv_reader_get_field (reader, cols[3]);
  const char *basis = nv_csv_reader_get_field (reader, cols[4]);
  const char *source = nv_csv_reader_get_field (reader, cols[5]);
  g_autoptr (GError) value_error = NULL;
  NvDay start = NV_DAY_NONE;

  row->line = line;
  if (*series == '\0')
    return problem (error, file, line, FIELD ("series"), "%s", _("the figure needs the name of its series"));
  if (g_utf8_strlen (series, -1) > MAX_NAME_CHARS)
    return problem (error, file, line, FIELD ("series"), _("the name is longer than %d characters"),
                    MAX_NAME_CHARS);
  if (nv_benchmark_name_is_own (series))
    return problem (error, file, line, FIELD ("series"),
                    _("“%s” is computed by Nærvær from the units in the database and cannot "
                      "be imported; give the figures another series name"),
                    series);

  if (*period == '\0')
    return problem (error, file, line, FIELD ("period"), "%s", _("the period is missing"));
  if (!nv_benchmark_period_parse (period, NULL, &start, NULL))
    return problem (error, file, line, FIELD ("period"),
                    _("“%s” is not a period (write a quarter as 2024-Q2 or a whole year as 2024)"),
                    period);
  if (start > today)
    return problem (error, file, line, FIELD ("period"), _("%s has not begun yet"), period);

  if (*percent == '\0')
    return problem (error, file, line, FIELD ("percent"), "%s", _("the percentage is missing"));
  if (!nv_csv_parse_percent (percent, &row->percent, &value_error))
    return problem (error, file, line, FIELD ("percent"), "%s", value_error->message);
  if (!isfinite (row->percent) || row->percent < 0 || row->percent > 100)
    return problem (error, file, line, FIELD ("percent"), _("%s is outside 0–100"), percent);

  if (*measure == '\0')
    return problem (error, file, line, FIELD ("measure"), "%s",
                    _("the measure is missing (legemeldt or totalt)"));
  if (!nv_benchmark_measure_parse (measure, &row->measure))
    return problem (error, file, line, FIELD ("measure"),
                    _("“%s” is not a measure (use legemeldt for doctor-certified absence or "
                      "totalt for self- and doctor-certified together)"),
                    measure);

  if (*source == '\0')
    return problem (error, file, line, FIELD ("source"), "%s",
                    _("every figure needs its source (a web address or a citation)"));

  row->series = g_strdup (series);
  g_strlcpy (row->period, period, sizeof row->period);
  if (row->period[5] == 'q')
    row->period[5] = 'Q';
  row->basis = g_strdup (basis);
  row->source = g_strdup (source);
  return TRUE;
}

/* @indexes: room for one index per benchmark column. */
static GPtrArray *
parse_reader (NvCsvReader *reader, NvDay today, int *indexes, GError **error)
{
  static const char *const ids[] = { "series", "period", "percent", "measure", "basis", "source" };
  int cols[G_N_ELEMENTS (ids)];
  const char *file = nv_csv_reader_get_name (reader);
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) nv_benchmark_row_free);
  g_autoptr (GHashTable) periods = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GHashTable) measures = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GError) local_error = NULL;

  g_assert (nv_csv_columns_count (nv_csv_benchmark_columns) == BENCHMARK_COLUMNS);
  if (!nv_csv_reader_read_header (reader, error) ||
      !nv_csv_reader_map_columns (reader, nv_csv_benchmark_columns, indexes, error))
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    cols[i] = column_index (indexes, ids[i]);
  /* Only basis may be left out; the reader enforces the rest, but make sure. */
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    if (cols[i] < 0 && strcmp (ids[i], "basis") != 0)
      {
        problem (error, file, 1, FIELD (ids[i]), "%s", _("this column is missing"));
        return NULL;
      }

  while (nv_csv_reader_next (reader, &local_error))
    {
      g_autoptr (NvBenchmarkRow) row = g_new0 (NvBenchmarkRow, 1);
      g_autofree char *key = NULL;
      g_autofree char *period_key = NULL;
      gpointer seen;

      if (!read_row (reader, indexes, cols, today, row, error))
        return NULL;

      key = nv_benchmark_name_key (row->series);
      seen = g_hash_table_lookup (measures, key);
      if (seen != NULL)
        {
          NvBenchmarkMeasure first = GPOINTER_TO_UINT (seen) >> 24;
          guint first_line = GPOINTER_TO_UINT (seen) & 0xffffff;
          if (first != row->measure)
            {
              problem (error, file, row->line, FIELD ("measure"),
                       _("“%s” has the measure %s on line %u; a series has one measure — give "
                         "the %s figures a series name of their own"),
                       row->series, nv_benchmark_measure_to_string (first), first_line,
                       nv_benchmark_measure_to_string (row->measure));
              return NULL;
            }
        }
      else
        g_hash_table_insert (measures, g_strdup (key),
                             GUINT_TO_POINTER (((guint) row->measure << 24) | row->line));

      period_key = g_strconcat (key, "\t", row->period, NULL);
      seen = g_hash_table_lookup (periods, period_key);
      if (seen != NULL)
        {
          problem (error, file, row->line, FIELD ("period"),
                   _("%s %s is already on line %u; give each figure once"), row->series,
                   row->period, GPOINTER_TO_UINT (seen));
          return NULL;
        }
      g_hash_table_insert (periods, g_steal_pointer (&period_key), GUINT_TO_POINTER (row->line));
      g_ptr_array_add (rows, g_steal_pointer (&row));
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return g_steal_pointer (&rows);
}

GPtrArray *
nv_benchmark_parse_csv (const char *display_name, const char *data, gsize length, NvDay today,
                        GError **error)
{
  g_autoptr (NvCsvReader) reader = nv_csv_reader_new_for_data (display_name, data, length);
  int indexes[BENCHMARK_COLUMNS];

  return parse_reader (reader, today, indexes, error);
}

void
nv_benchmark_import_report_clear (NvBenchmarkImportReport *report)
{
  g_clear_pointer (&report->replaced, g_ptr_array_unref);
  memset (report, 0, sizeof *report);
}

static gint64
ensure_series (NvStore *store, GHashTable *ids, NvBenchmarkMerged *known,
               const NvBenchmarkRow *row, NvBenchmarkImportReport *report, GError **error)
{
  g_autofree char *key = nv_benchmark_name_key (row->series);
  g_autofree char *name = NULL;
  gint64 *cached = g_hash_table_lookup (ids, key);
  NvStmt *stmt;
  gint64 id;

  if (cached != NULL)
    return *cached;
  if (known != NULL && known->db_id != 0)
    id = known->db_id;
  else
    {
      name = g_strstrip (g_strdup (known != NULL ? known->name : row->series));
      stmt = nv_store_prepare (store,
                               "INSERT INTO benchmark_series (name, kind, measure, basis) "
                               "VALUES (?1, ?2, ?3, ?4)",
                               error);
      if (stmt == NULL)
        return 0;
      nv_stmt_bind_text (stmt, 1, name);
      nv_stmt_bind_text (stmt, 2,
                         nv_benchmark_kind_to_string (known != NULL
                                                        ? known->kind
                                                        : nv_benchmark_kind_for_name (name)));
      nv_stmt_bind_text (stmt, 3, nv_benchmark_measure_to_string (row->measure));
      nv_stmt_bind_text (stmt, 4, known != NULL ? known->basis : row->basis);
      if (!nv_store_step_done (store, stmt, error))
        return 0;
      id = nv_store_last_insert_id (store);
      if (known == NULL)
        report->n_new_series++;
    }
  g_hash_table_insert (ids, g_steal_pointer (&key), g_memdup2 (&id, sizeof id));
  return id;
}

static gboolean
write_rows (NvStore *store, GPtrArray *rows, GPtrArray *merged, NvBenchmarkImportReport *report,
            GError **error)
{
  g_autoptr (GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (guint i = 0; i < rows->len; i++)
    {
      NvBenchmarkRow *row = g_ptr_array_index (rows, i);
      NvBenchmarkMerged *known = nv_benchmark_merged_find (merged, row->series);
      NvBenchmarkPoint *old = known != NULL ? nv_benchmark_merged_point (known, row->period) : NULL;
      NvStmt *stmt;
      gint64 id;

      if (old != NULL && old->percent == row->percent && g_strcmp0 (old->source, row->source) == 0 &&
          g_strcmp0 (old->basis, row->basis) == 0)
        {
          report->n_unchanged++;
          continue;
        }
      id = ensure_series (store, ids, known, row, report, error);
      if (id == 0)
        return FALSE;
      stmt = nv_store_prepare (store,
                               "INSERT INTO benchmark_point "
                               "(series_id, period, percent, basis, source) "
                               "VALUES (?1, ?2, ?3, ?4, ?5) "
                               "ON CONFLICT (series_id, period) DO UPDATE SET "
                               "percent = excluded.percent, basis = excluded.basis, "
                               "source = excluded.source",
                               error);
      if (stmt == NULL)
        return FALSE;
      nv_stmt_bind_int64 (stmt, 1, id);
      nv_stmt_bind_text (stmt, 2, row->period);
      nv_stmt_bind_double (stmt, 3, row->percent);
      nv_stmt_bind_text (stmt, 4, row->basis);
      nv_stmt_bind_text (stmt, 5, row->source);
      if (!nv_store_step_done (store, stmt, error))
        return FALSE;

      if (old != NULL)
        {
          g_autofree char *before = nv_format_percent_sign (old->percent);
          g_autofree char *after = nv_format_percent_sign (row->percent);

          report->n_replaced++;
          if (old->percent == row->percent)
            g_ptr_array_add (report->replaced,
                             g_strdup_printf (_("%s %s: %s, new source or basis"),
                                              known->name, row->period, after));
          else
            g_ptr_array_add (report->replaced,
                             g_strdup_printf ("%s %s: %s → %s", known->name, row->period, before,
                                              after));
        }
      else
        report->n_added++;
    }
  return TRUE;
}

static gboolean
import_reader (NvStore *store, NvCsvReader *reader, NvBenchmarkImportReport *report,
               NvBenchmarkExtraWrite extra, gpointer extra_data,
               GError **error)
{
  g_auto (NvBenchmarkImportReport) local_report = { 0 };
  const char *display_name = nv_csv_reader_get_name (reader);
  int indexes[BENCHMARK_COLUMNS];
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (GPtrArray) merged = NULL;
  g_autoptr (NvStoreTxn) txn = NULL;

  if (report == NULL)
    report = &local_report;
  nv_benchmark_import_report_clear (report);
  report->replaced = g_ptr_array_new_with_free_func (g_free);

  rows = parse_reader (reader, nv_store_today (store), indexes, error);
  if (rows == NULL)
    return FALSE;
  report->n_rows = rows->len;

  merged = nv_benchmark_merged_load (store, error);
  if (merged == NULL)
    return FALSE;
  for (guint i = 0; i < rows->len; i++)
    {
      NvBenchmarkRow *row = g_ptr_array_index (rows, i);
      NvBenchmarkMerged *known = nv_benchmark_merged_find (merged, row->series);

      if (known != NULL && known->measure != row->measure)
        return problem (error, display_name, row->line, FIELD ("measure"),
                        _("“%s” is a %s series; a series keeps its measure — give the %s "
                          "figures a series name of their own"),
                        known->name, nv_benchmark_measure_to_string (known->measure),
                        nv_benchmark_measure_to_string (row->measure));
    }

  txn = nv_store_txn_begin (store, NV_TOPIC_BENCHMARKS, error);
  if (txn == NULL)
    return FALSE;
  if (!write_rows (store, rows, merged, report, error) ||
      (extra != NULL && !extra (store, extra_data, error)))
    {
      nv_store_txn_rollback (g_steal_pointer (&txn));
      g_ptr_array_set_size (report->replaced, 0);
      report->n_added = report->n_replaced = report->n_unchanged = report->n_new_series = 0;
      return FALSE;
    }
  return nv_store_txn_commit (g_steal_pointer (&txn), error);
}

gboolean
nv_benchmark_import_data (NvStore *store, const char *display_name, const char *data, gsize length,
                          NvBenchmarkImportReport *report, GError **error)
{
  g_autoptr (NvCsvReader) reader = NULL;

  g_return_val_if_fail (NV_IS_STORE (store), FALSE);

  reader = nv_csv_reader_new_for_data (display_name, data, length);
  return import_reader (store, reader, report, NULL, NULL, error);
}

gboolean
nv_benchmark_import_data_with (NvStore *store, const char *display_name, const char *data,
                               gsize length, NvBenchmarkImportReport *report,
                               NvBenchmarkExtraWrite extra, gpointer extra_data, GError **error)
{
  g_autoptr (NvCsvReader) reader = NULL;

  g_return_val_if_fail (NV_IS_STORE (store), FALSE);

  reader = nv_csv_reader_new_for_data (display_name, data, length);
  return import_reader (store, reader, report, extra, extra_data, error);
}

gboolean
nv_benchmark_import_file (NvStore *store, const char *path, NvBenchmarkImportReport *report,
                          GError **error)
{
  g_autoptr (NvCsvReader) reader = NULL;

  g_return_val_if_fail (NV_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  reader = nv_csv_reader_new_for_path (path, error);
  if (reader == NULL)
    return FALSE;
  return import_reader (store, reader, report, NULL, NULL, error);
}

gboolean
nv_benchmark_remove_imported (NvStore *store, const char *name, guint *n_removed,
                              GError **error)
{
  g_autoptr (GPtrArray) merged = NULL;
  NvBenchmarkMerged *series;
  NvStmt *stmt;

  g_return_val_if_fail (NV_IS_STORE (store), FALSE);

  merged = nv_benchmark_merged_load (store, error);
  if (merged == NULL)
    return FALSE;
  series = nv_benchmark_merged_find (merged, name);
  if (series == NULL || series->db_id == 0)
    {
      g_set_error (error, NV_STORE_ERROR, NV_STORE_ERROR_NOT_FOUND,
                   _("There are no imported figures in the series “%s”"), name != NULL ? name : "");
      return FALSE;
    }
  /* The points go with the series row (ON DELETE CASCADE). */
  stmt = nv_store_prepare (store, "DELETE FROM benchmark_series WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  nv_stmt_bind_int64 (stmt, 1, series->db_id);
  if (!nv_store_write (store, stmt, NV_TOPIC_BENCHMARKS, error))
    return FALSE;
  if (n_removed != NULL)
    *n_removed = series->n_imported;
  return TRUE;
}
