/* nv-scatter.h — a scatter plot with an optional straight line (the research
 * view: a 10-FAKTOR factor against sick leave, one point per unit, and the
 * least-squares line).
 *
 * Same layers as NvChart: both axes get nice ticks (nv_chart_axis_compute,
 * no forced zero: factor means live on 1–5), values are normalised to 0..1
 * and only scaled to pixels when drawn. Points are filled circles labelled
 * with their name where the label fits inside the plot; the line is drawn
 * dashed across the x range and named in the legend. Colours and font come
 * from the NvChartStyle passed in, so screen, export and tests draw alike.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "nv-chart-style.h"

G_BEGIN_DECLS

typedef struct _NvScatter NvScatter;

NvScatter *nv_scatter_new (void);
void nv_scatter_free (NvScatter *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (NvScatter, nv_scatter_free)

void nv_scatter_set_title (NvScatter *self, const char *title);
const char *nv_scatter_get_title (NvScatter *self);
void nv_scatter_set_x_label (NvScatter *self, const char *label);
void nv_scatter_set_y_label (NvScatter *self, const char *label);
/* y values are per cent: tick labels get « %». */
void nv_scatter_set_y_percent (NvScatter *self, gboolean percent);
void nv_scatter_add_point (NvScatter *self, double x, double y, const char *label);
guint nv_scatter_get_n_points (NvScatter *self);
/* y = @intercept + @slope · x, named @label in the legend; NAN slope: none. */
void nv_scatter_set_line (NvScatter *self, double intercept, double slope, const char *label);

void nv_scatter_draw (NvScatter *self, cairo_t *cr, double width, double height,
                      const NvChartStyle *style);
/* The point under (@x, @y) (within its radius + 4 px), or -1. */
int nv_scatter_hit_test (NvScatter *self, double width, double height, const NvChartStyle *style,
                         double x, double y);
/* Centre of point @index when drawn at @width × @height (tests). */
void nv_scatter_point_position (NvScatter *self, double width, double height,
                                const NvChartStyle *style, guint index, double *x, double *y);
gboolean nv_scatter_export (NvScatter *self, const char *path, double width, double height,
                            const NvChartStyle *style, GError **error);

G_END_DECLS
