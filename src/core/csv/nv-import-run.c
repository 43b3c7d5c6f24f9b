/* nv-import-run.c — the kinds of import and the columns each reads, and the
 * import and its preview as transactions: an import commits when every row
 * went in and rolls back at the first problem; a preview always rolls back.
 * The rows themselves are nv-import.c's.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-import"

#include "config.h"

#include "nv-import-private.h"
#include "nv-stats-private.h"
#include "nv-store-private.h"

/* What the importer reads: the exported columns plus, for roster and
 * spells, an optional `enhet|unit` column (a municipality-wide file). */
static const NvCsvColumn roster_import_columns[] = {
  { "employee", "ansatt", NV_CSV_COLUMN_REQUIRED },
  { "fte", "stillingsprosent", NV_CSV_COLUMN_REQUIRED },
  { "from", "fra", NV_CSV_COLUMN_REQUIRED },
  { "to", "til", 0 },
  { "unit", "enhet", 0 },
  { NULL },
};

static const NvCsvColumn spell_import_columns[] = {
  { "employee", "ansatt", NV_CSV_COLUMN_REQUIRED },
  { "start", "fra", NV_CSV_COLUMN_REQUIRED },
  { "end", "til", 0 },
  { "grade", "grad", 0 },
  { "type", "type", NV_CSV_COLUMN_REQUIRED },
  { "unit", "enhet", 0 },
  { NULL },
};

const char *
nv_import_kind_to_string (NvImportKind kind)
{
  switch (kind)
    {
    case NV_IMPORT_ROSTER:
      return "roster";
    case NV_IMPORT_SPELLS:
      return "spells";
    case NV_IMPORT_MONTHLY:
    default:
      return "monthly";
    }
}

gboolean
nv_import_kind_parse (const char *text, NvImportKind *kind)
{
  for (int k = NV_IMPORT_ROSTER; k <= NV_IMPORT_MONTHLY; k++)
    if (g_strcmp0 (text, nv_import_kind_to_string (k)) == 0)
      {
        *kind = k;
        return TRUE;
      }
  return FALSE;
}

gboolean
nv_import_kind_needs_unit (NvImportKind kind)
{
  return kind != NV_IMPORT_MONTHLY;
}

const NvCsvColumn *
nv_import_kind_columns (NvImportKind kind)
{
  switch (kind)
    {
    case NV_IMPORT_ROSTER:
      return roster_import_columns;
    case NV_IMPORT_SPELLS:
      return spell_import_columns;
    case NV_IMPORT_MONTHLY:
    default:
      return nv_csv_monthly_columns;
    }
}

static void
problem_free (NvImportProblem *problem)
{
  g_free (problem->field);
  g_free (problem->message);
  g_free (problem);
}

void
nv_import_row_free (NvImportRow *row)
{
  g_free (row->employee);
  g_free (row->unit);
  g_free (row);
}

void
nv_import_preview_free (NvImportPreview *preview)
{
  if (preview == NULL)
    return;
  g_free (preview->file_name);
  g_ptr_array_unref (preview->rows);
  g_ptr_array_unref (preview->problems);
  g_free (preview);
}

gboolean
nv_import_preview_ok (const NvImportPreview *preview)
{
  return preview->n_problems == 0 && preview->complete;
}

/* What an import of @kind changes. */
static NvStoreTopics
import_topics (NvImportKind kind)
{
  switch (kind)
    {
    case NV_IMPORT_SPELLS:
      return NV_TOPIC_SPELLS;
    case NV_IMPORT_MONTHLY:
      return NV_TOPIC_MONTHLY;
    default:
      return NV_TOPIC_EMPLOYEES;
    }
}

/* A spells import inserts only employee ids of the unit's employee rows,
 * read inside its own transaction (no one can delete them meanwhile), so
 * the spell → employee foreign key holds by construction: the store's bulk
 * load settings may skip checking it (and hold the new index pages in
 * memory until the commit). Off again after commit or rollback (end()). */
static NvStoreTxn *
begin (NvStore *store, NvImportKind kind, GError **error)
{
  NvStoreTxn *txn;

  /* Many rows: the statistics read everything again afterwards anyway. */
  if (kind != NV_IMPORT_MONTHLY)
    nv_stats_store_forget (store);
  if (kind == NV_IMPORT_SPELLS)
    nv_store_bulk_load (store, TRUE);
  txn = nv_store_txn_begin (store, import_topics (kind), error);
  if (txn == NULL && kind == NV_IMPORT_SPELLS)
    nv_store_bulk_load (store, FALSE);
  return txn;
}

static void
end (NvStore *store, NvImportKind kind)
{
  if (kind == NV_IMPORT_SPELLS)
    nv_store_bulk_load (store, FALSE);
}

static gboolean
import_reader (NvStore *store, NvImportKind kind, gint64 unit_id, NvImportFlags flags,
               NvCsvReader *reader, NvImportCounts *counts, GError **error)
{
  NvStoreTxn *txn = begin (store, kind, error);
  NvImportRun *run;
  gboolean ok;

  if (txn == NULL)
    return FALSE;
  run = nv_import_run_new (store, kind, unit_id, flags, reader, NULL);
  ok = nv_import_run_rows (run, error);
  if (ok)
    ok = nv_store_txn_commit (txn, error);
  else
    nv_store_txn_rollback (txn);
  end (store, kind);
  if (ok && counts != NULL)
    *counts = *nv_import_run_get_counts (run);
  nv_import_run_free (run);
  return ok;
}

gboolean
nv_import_file_with_flags (NvStore *store, NvImportKind kind, gint64 unit_id, NvImportFlags flags,
                           const char *path, NvImportCounts *counts, GError **error)
{
  g_autoptr (NvCsvReader) reader = nv_csv_reader_new_for_path (path, error);

  if (reader == NULL)
    return FALSE;
  return import_reader (store, kind, unit_id, flags, reader, counts, error);
}

gboolean
nv_import_file (NvStore *store, NvImportKind kind, gint64 unit_id, const char *path,
                NvImportCounts *counts, GError **error)
{
  return nv_import_file_with_flags (store, kind, unit_id, NV_IMPORT_FLAGS_NONE, path, counts,
                                    error);
}

gboolean
nv_import_data (NvStore *store, NvImportKind kind, gint64 unit_id, const char *name,
                const void *data, gsize len, NvImportCounts *counts, GError **error)
{
  return nv_import_data_with_flags (store, kind, unit_id, NV_IMPORT_FLAGS_NONE, name, data, len,
                                    counts, error);
}

gboolean
nv_import_data_with_flags (NvStore *store, NvImportKind kind, gint64 unit_id, NvImportFlags flags,
                           const char *name, const void *data, gsize len, NvImportCounts *counts,
                           GError **error)
{
  g_autoptr (NvCsvReader) reader = nv_csv_reader_new_for_data (name, data, len);

  return import_reader (store, kind, unit_id, flags, reader, counts, error);
}

static NvImportPreview *
preview_reader (NvStore *store, NvImportKind kind, gint64 unit_id, NvCsvReader *reader,
                GError **error)
{
  g_autoptr (NvImportPreview) preview = g_new0 (NvImportPreview, 1);
  NvStoreTxn *txn;
  NvImportRun *run;
  gboolean ok;

  preview->kind = kind;
  preview->file_name = g_strdup (nv_csv_reader_get_name (reader));
  preview->complete = TRUE;
  preview->rows = g_ptr_array_new_with_free_func ((GDestroyNotify)nv_import_row_free);
  preview->problems = g_ptr_array_new_with_free_func ((GDestroyNotify)problem_free);

  txn = begin (store, kind, error);
  if (txn == NULL)
    return NULL;
  run = nv_import_run_new (store, kind, unit_id, NV_IMPORT_FLAGS_NONE, reader, preview);
  ok = nv_import_run_rows (run, error);
  nv_store_txn_rollback (txn);
  end (store, kind);
  preview->counts = *nv_import_run_get_counts (run);
  nv_import_run_free (run);
  if (!ok)
    return NULL;
  return g_steal_pointer (&preview);
}

NvImportPreview *
nv_import_preview_file (NvStore *store, NvImportKind kind, gint64 unit_id, const char *path,
                        GError **error)
{
  g_autoptr (NvCsvReader) reader = nv_csv_reader_new_for_path (path, error);

  if (reader == NULL)
    return NULL;
  return preview_reader (store, kind, unit_id, reader, error);
}

NvImportPreview *
nv_import_preview_data (NvStore *store, NvImportKind kind, gint64 unit_id, const char *name,
                        const void *data, gsize len, GError **error)
{
  g_autoptr (NvCsvReader) reader = nv_csv_reader_new_for_data (name, data, len);

  return preview_reader (store, kind, unit_id, reader, error);
}
