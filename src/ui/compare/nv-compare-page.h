/* nv-compare-page.h — the Compare section.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "nv-calendar.h"
#include "nv-page.h"

G_BEGIN_DECLS

#define NV_TYPE_COMPARE_PAGE (nv_compare_page_get_type ())
G_DECLARE_FINAL_TYPE (NvComparePage, nv_compare_page, NV, COMPARE_PAGE, NvPage)

/* Writes the trend chart as the Export menu does (masked, light style):
 * PNG/SVG 1600×900 pixels, PDF 842×474 points. */
gboolean nv_compare_page_export (NvComparePage *self, const char *path, GError **error);
/* Texts shown, for tests: "light-title", "light-detail", "light-caption",
 * "trend-title", "trend-detail", "measure-note"; NULL for others. */
const char *nv_compare_page_get_text (NvComparePage *self, const char *name);
/* Is the «Few persons» badge of "light" or "trend" shown? */
gboolean nv_compare_page_get_badge (NvComparePage *self, const char *name);
/* The chart views: "trend", "recent", "duration", "certificate". */
GtkWidget *nv_compare_page_get_chart_view (NvComparePage *self, const char *name);
GtkColumnView *nv_compare_page_get_table (NvComparePage *self);
/* Chooses series @name in the dropdown (as the user would). */
gboolean nv_compare_page_select_benchmark (NvComparePage *self, const char *name);

G_END_DECLS
