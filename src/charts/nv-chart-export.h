/* nv-chart-export.h — PNG, SVG or PDF files from any chart kind's draw
 * function (nv_chart_export, nv_scatter_export, nv_heatmap_export and
 * nv_hbars_export all write through it).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "nv-chart-style.h"

G_BEGIN_DECLS

/* A chart kind's draw function, such as nv_scatter_draw. */
typedef void (*NvChartDrawFunc) (gpointer chart, cairo_t *cr, double width, double height,
                                 const NvChartStyle *style);

/* Format from the extension of @path (.png, .svg, .pdf); @title goes into the
 * PDF's metadata. Sizes 100–10 000. Charts carry health figures: the file
 * is written like every other export, to a private (0600) temporary file
 * beside @path and renamed into place; nothing is left on failure. */
gboolean nv_chart_export_drawing (const char *path, double width, double height,
                                  const char *title, NvChartDrawFunc draw, gpointer chart,
                                  const NvChartStyle *style, GError **error);

G_END_DECLS
