/* nv-measure-row.h — one measure in the Measures list: title, owner, theme,
 * dates, status, an «Overdue» badge and a split button for the next step.
 *
 * The row does not write anything: it emits ::action with "start", "done",
 * "discontinue", "reopen", "open", "edit" or "delete" and the page acts.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "nv-measure.h"

G_BEGIN_DECLS

#define NV_TYPE_MEASURE_ROW (nv_measure_row_get_type ())
G_DECLARE_FINAL_TYPE (NvMeasureRow, nv_measure_row, NV, MEASURE_ROW, GtkListBoxRow)

/* Copies @measure; overdue is judged on @as_of. */
GtkWidget *nv_measure_row_new (const NvMeasure *measure, NvDay as_of);
const NvMeasure *nv_measure_row_get_measure (NvMeasureRow *self);

/* The status as a pill label; adds the classes "measure-pill" and one per status. */
GtkWidget *nv_measure_status_pill_new (NvMeasureStatus status);
/* «Overdue · 19 days» with the error colour (text, not colour only). */
GtkWidget *nv_measure_overdue_badge_new (guint days);
/* «Overdue · 19 days» (translated, plural-aware). */
char *nv_measure_overdue_text (guint days);

G_END_DECLS
