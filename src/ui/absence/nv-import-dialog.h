/* nv-import-dialog.h — the preview of a CSV import: the rows as read and
 * every problem (line, column, message) before anything is written. Import
 * is possible only when there are no problems, and is all-or-nothing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "nv-context.h"
#include "nv-import.h"

G_BEGIN_DECLS

#define NV_TYPE_IMPORT_DIALOG (nv_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (NvImportDialog, nv_import_dialog, NV, IMPORT_DIALOG, AdwWindow)

/* Reads and checks @path (writing nothing). NULL with @error when the file
 * cannot be read at all. */
NvImportDialog *nv_import_dialog_new (GtkWindow *parent, NvContext *context, gint64 unit_id,
                                      NvImportKind kind, const char *path, GError **error);

gboolean nv_import_dialog_can_import (NvImportDialog *self);
/* The problems as shown: NvTableItem rows with texts line, column, message. */
GListModel *nv_import_dialog_get_problems (NvImportDialog *self);
/* The preview rows as shown (NvTableItem). */
GListModel *nv_import_dialog_get_rows (NvImportDialog *self);
/* Presses Import: TRUE when the file was stored (the dialog closes). */
gboolean nv_import_dialog_import (NvImportDialog *self);

G_END_DECLS
