/* nv-monthly-dialog.h — enter or correct one month of HR figures.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "nv-form-dialog.h"
#include "nv-context.h"

G_BEGIN_DECLS

#define NV_TYPE_MONTHLY_DIALOG (nv_monthly_dialog_get_type ())
G_DECLARE_FINAL_TYPE (NvMonthlyDialog, nv_monthly_dialog, NV, MONTHLY_DIALOG, NvFormDialog)

/* @year 0 adds a new month; otherwise edits @year-@month of the unit. */
NvMonthlyDialog *nv_monthly_dialog_new (GtkWindow *parent, NvContext *context, gint64 unit_id,
                                        int year, int month);

/* For tests: "period" (GtkDropDown of months), "year", "contracted_days",
 * "lost_days_self", "lost_days_doctor", "persons" (GtkSpinButton). */
GtkWidget *nv_monthly_dialog_get_field (NvMonthlyDialog *self, const char *field);

/* "January" … "December", translated; @month 1–12. */
const char *nv_month_name (int month);

G_END_DECLS
