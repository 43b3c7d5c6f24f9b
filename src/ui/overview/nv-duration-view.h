/* nv-duration-view.h — the share of lost days in NAV's duration classes A–F,
 * quarter by quarter, as a small stacked bar chart with a table view of the
 * same numbers (Overview; issue 16 item 5).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "nv-stats.h"

G_BEGIN_DECLS

#define NV_TYPE_DURATION_VIEW (nv_duration_view_get_type ())
G_DECLARE_FINAL_TYPE (NvDurationView, nv_duration_view, NV, DURATION_VIEW, GtkBox)

GtkWidget *nv_duration_view_new (void);
/* @n quarters (consecutive, oldest first) and their sum. */
void nv_duration_view_set_periods (NvDurationView *self, const NvStatsPeriod *periods, guint n);
/* The text of the table cell for class @code_index (0–5) and column
 * @column (0..n-1 the quarters, n the quarters together), NULL if none;
 * the accessible summary with @column −1 (for tests). */
const char *nv_duration_view_get_text (NvDurationView *self, int code_index, int column);
/* Shows the chart (FALSE) or the table (TRUE). */
void nv_duration_view_show_table (NvDurationView *self, gboolean table);

G_END_DECLS
