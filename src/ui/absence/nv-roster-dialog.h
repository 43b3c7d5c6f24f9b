/* nv-roster-dialog.h — add an employee, change FTE from a date, end an
 * employment, or correct one roster row.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "nv-form-dialog.h"
#include "nv-context.h"

G_BEGIN_DECLS

#define NV_TYPE_ROSTER_DIALOG (nv_roster_dialog_get_type ())
G_DECLARE_FINAL_TYPE (NvRosterDialog, nv_roster_dialog, NV, ROSTER_DIALOG, NvFormDialog)

typedef enum
{
  NV_ROSTER_DIALOG_ADD,        /* new employee (or a new row for a returning one) */
  NV_ROSTER_DIALOG_CHANGE_FTE, /* @id is the employee */
  NV_ROSTER_DIALOG_END,        /* @id is the employee */
  NV_ROSTER_DIALOG_EDIT,       /* @id is the roster row */
} NvRosterDialogMode;

NvRosterDialog *nv_roster_dialog_new (GtkWindow *parent, NvContext *context, gint64 unit_id,
                                      NvRosterDialogMode mode, gint64 id);

/* The fields, for tests: "employee" (GtkEditable), "fte" (GtkSpinButton),
 * "from" and "to" (NvDateEntry). NULL when the mode has no such field. */
GtkWidget *nv_roster_dialog_get_field (NvRosterDialog *self, const char *field);

G_END_DECLS
