/* nv-tracked-from-dialog.h — the unit's «follow-up tracked from» day: steps
 * due before it are not tracked (never overdue, never reminded of).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "nv-form-dialog.h"
#include "nv-context.h"

G_BEGIN_DECLS

#define NV_TYPE_TRACKED_FROM_DIALOG (nv_tracked_from_dialog_get_type ())
G_DECLARE_FINAL_TYPE (NvTrackedFromDialog, nv_tracked_from_dialog, NV, TRACKED_FROM_DIALOG,
                      NvFormDialog)

NvTrackedFromDialog *nv_tracked_from_dialog_new (GtkWindow *parent, NvContext *context,
                                                 gint64 unit_id);
/* For tests: the date field and the «track every step» switch. */
GtkWidget *nv_tracked_from_dialog_get_date (NvTrackedFromDialog *self);
GtkWidget *nv_tracked_from_dialog_get_all (NvTrackedFromDialog *self);

G_END_DECLS
