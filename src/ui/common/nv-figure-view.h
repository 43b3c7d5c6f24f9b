/* nv-figure-view.h — shows a drawing of the chart library that is not an
 * NvChart (the research scatter plot, the municipal heat map).
 *
 * Like NvChartView: drawn in the theme's colours and font (re-read on
 * css-changed, dark and high-contrast changes), accessible role IMG with a
 * summary as its label, tooltips and clicks answered by the owner's
 * callbacks, which get the same size and style the drawing used.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "nv-chart-style.h"

G_BEGIN_DECLS

typedef void (*NvFigureDrawFunc) (gpointer data, cairo_t *cr, double width, double height,
                                  const NvChartStyle *style);
/* Tooltip text at (@x, @y) or NULL. */
typedef char *(*NvFigureTooltipFunc) (gpointer data, double width, double height,
                                      const NvChartStyle *style, double x, double y);
/* A click at (@x, @y). */
typedef void (*NvFigureClickFunc) (gpointer data, double width, double height,
                                   const NvChartStyle *style, double x, double y);

#define NV_TYPE_FIGURE_VIEW (nv_figure_view_get_type ())
G_DECLARE_FINAL_TYPE (NvFigureView, nv_figure_view, NV, FIGURE_VIEW, GtkWidget)

GtkWidget *nv_figure_view_new (void);
void nv_figure_view_set_funcs (NvFigureView *self, NvFigureDrawFunc draw,
                               NvFigureTooltipFunc tooltip, NvFigureClickFunc click,
                               gpointer data);
/* Natural height in pixels (the width follows the parent). */
void nv_figure_view_set_natural_height (NvFigureView *self, int height);
void nv_figure_view_set_summary (NvFigureView *self, const char *summary);
void nv_figure_view_get_style (NvFigureView *self, NvChartStyle *style);

G_END_DECLS
