/* nv-measure-dialog.h — add or edit a measure: what, who, by when, theme,
 * workshop and description, checked by the core as the user types.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "nv-context.h"
#include "nv-measure.h"

G_BEGIN_DECLS

#define NV_TYPE_MEASURE_DIALOG (nv_measure_dialog_get_type ())
G_DECLARE_FINAL_TYPE (NvMeasureDialog, nv_measure_dialog, NV, MEASURE_DIALOG, AdwWindow)

/* @measure NULL adds a new measure to @unit_id (starting today by the
 * context's clock); otherwise edits it. */
GtkWidget *nv_measure_dialog_new (NvContext *context, gint64 unit_id, const NvMeasure *measure);
/* The message shown under the form, or NULL. For tests. */
const char *nv_measure_dialog_get_error (NvMeasureDialog *self);
gboolean nv_measure_dialog_can_save (NvMeasureDialog *self);
/* Presses Save/Add; TRUE when stored (the dialog closes). */
gboolean nv_measure_dialog_save (NvMeasureDialog *self);

G_END_DECLS
