/* nv-import-private.h — the import's row engine (nv-import.c) as the entry
 * points (nv-import-run.c) drive it: one run per import or preview, inside
 * the caller's transaction; freed after the commit or rollback (the
 * batches announce their changes then).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "nv-import.h"

G_BEGIN_DECLS

/* Where the optional `enhet|unit` column is in the import columns. */
#define ROSTER_UNIT_COLUMN 4
#define SPELL_UNIT_COLUMN 5

typedef struct _NvImportRun NvImportRun;

/* @preview NULL for an import (stops at the first problem), else the
 * preview to fill (goes on after bad rows). */
NvImportRun *nv_import_run_new (NvStore *store, NvImportKind kind, gint64 unit_id,
                                NvImportFlags flags, NvCsvReader *reader, NvImportPreview *preview);
gboolean nv_import_run_rows (NvImportRun *run, GError **error);
const NvImportCounts *nv_import_run_get_counts (NvImportRun *run);
void nv_import_run_free (NvImportRun *run);

void nv_import_row_free (NvImportRow *row);

G_END_DECLS
