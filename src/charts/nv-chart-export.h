/* nv-chart-export.h — PNG, SVG or PDF files from any chart drawing routine
 * (the scatter plot and heat map use it; NvChart has nv_chart_export).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

typedef void (*NvChartDrawFunc) (gpointer data, cairo_t *cr, double width, double height);

/* Format from the extension of @path (.png, .svg, .pdf); @title goes into the
 * PDF's metadata. Sizes 100–10 000. */
gboolean nv_chart_export_drawing (const char *path, double width, double height,
                                  const char *title, NvChartDrawFunc draw, gpointer data,
                                  GError **error);

G_END_DECLS
