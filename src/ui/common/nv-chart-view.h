/* nv-chart-view.h — shows an NvChart on screen.
 *
 * Draws with the same nv_chart_draw() as exports, in colours and the font of
 * the current theme (re-read on css-changed and when AdwStyleManager's dark
 * or high-contrast changes). Tooltips name the period, series and value
 * under the pointer; clicking a legend entry hides or shows that series.
 * Its accessible role is IMG with a label summarising the chart (set by the
 * owner with nv_chart_view_set_summary); the table view of the Compare page
 * carries the same numbers for screen readers.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "nv-chart.h"

G_BEGIN_DECLS

#define NV_TYPE_CHART_VIEW (nv_chart_view_get_type ())
G_DECLARE_FINAL_TYPE (NvChartView, nv_chart_view, NV, CHART_VIEW, GtkWidget)

GtkWidget *nv_chart_view_new (void);
NvChart *nv_chart_view_get_chart (NvChartView *self);
void nv_chart_view_set_chart (NvChartView *self, NvChart *chart);
const char *nv_chart_view_get_summary (NvChartView *self);
void nv_chart_view_set_summary (NvChartView *self, const char *summary);
/* The style the view draws with (theme colours and font). */
void nv_chart_view_get_style (NvChartView *self, NvChartStyle *style);
/* A chart style from @widget's theme: colours, dark and high contrast, font
 * (what every chart on screen draws with). */
void nv_chart_view_style_from_widget (GtkWidget *widget, NvChartStyle *style);

/* What every chart widget does with its style (this view and NvFigureView):
 * fill it from the widget's theme now and again, with a redraw, when the
 * colour scheme or contrast changes (_refresh from css_changed, which
 * redraws and returns TRUE only when the style really changed; _clear in
 * dispose). */
typedef struct
{
  GtkWidget *widget;
  NvChartStyle *style;
  gulong dark_id, contrast_id;
  gboolean drawn; /* style holds what the widget was last drawn with */
} NvChartStyleWatch;

void nv_chart_style_watch_init (NvChartStyleWatch *watch, GtkWidget *widget, NvChartStyle *style);
gboolean nv_chart_style_watch_refresh (NvChartStyleWatch *watch);
void nv_chart_style_watch_clear (NvChartStyleWatch *watch);
/* A cairo context over the whole of @widget in @snapshot, its size in
 * @width and @height; NULL when it has none. */
cairo_t *nv_chart_view_append_cairo (GtkWidget *widget, GtkSnapshot *snapshot, int *width,
                                     int *height);

/* The tooltip text for (@x, @y), or NULL (for tests). */
char *nv_chart_view_describe_at (NvChartView *self, double x, double y);

G_END_DECLS
