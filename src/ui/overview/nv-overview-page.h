/* nv-overview-page.h — the Overview section: the unit's sick leave this
 * quarter and the last four quarters, its split, cost and source.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "nv-calendar.h"
#include "nv-duration-view.h"
#include "nv-page.h"

G_BEGIN_DECLS

#define NV_TYPE_OVERVIEW_PAGE (nv_overview_page_get_type ())
G_DECLARE_FINAL_TYPE (NvOverviewPage, nv_overview_page, NV, OVERVIEW_PAGE, NvPage)

/* For tests. The figure labels are named: "current-percent", "year-percent",
 * "arsverk", "cost", "target" (each with "-detail" and "-badge"), and in the quarter table "q<column>-<row>" with columns
 * 0 (oldest) … 4 (this quarter) and rows "title", "percent", "self", "doctor",
 * "short", "long", "graded", "lost", "arsverk", "cost", "persons", "source";
 * "q<column>-badge" is the «few persons» badge; "source" the source sentence.
 * Returns the label's text, or NULL when there is no such label or it is
 * hidden. */
const char *nv_overview_page_get_text (NvOverviewPage *self, const char *name);
/* The tooltip of the named label, NULL if none. */
const char *nv_overview_page_get_tooltip (NvOverviewPage *self, const char *name);
gboolean nv_overview_page_is_empty (NvOverviewPage *self);
NvDurationView *nv_overview_page_get_duration_view (NvOverviewPage *self);
/* «Set Target…» on the target card. */
GtkWidget *nv_overview_page_get_target_button (NvOverviewPage *self);

/* The next load (the window's first, before its first frame) computes the
 * figures in a worker thread on a connection of its own, showing the cards
 * with «…» meanwhile; later loads compute them at once. A store that is not
 * a file (a server) is always loaded at once. */
void nv_overview_page_load_in_background (NvOverviewPage *self);

/* The quarter table as CSV or .xlsx (by @path's extension), masked. */
gboolean nv_overview_page_export_table (NvOverviewPage *self, const char *path, GError **error);
/* nv-overview-export.c: «Export Table» (parameter "csv" or "xlsx"). */
void nv_overview_page_export_action (GtkWidget *widget, const char *action, GVariant *param);

G_END_DECLS
