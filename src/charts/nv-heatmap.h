/* nv-heatmap.h — a grid of values (rows × columns) coloured on one scale:
 * the municipal overview's units × quarters of sick leave.
 *
 * The colour scale runs from the lowest to the highest shown value, rounded
 * out to nice ticks (nv_chart_axis_compute); a legend under the grid shows
 * the scale with its values, so colour is never the only carrier: each cell
 * that is wide enough also prints its value. Masked cells (fewer than 5
 * persons) are hatched, not coloured and not part of the scale; on the
 * leader's own screen they print their value, in exports nothing. Empty
 * cells (no data) stay blank with a dash. Colours are a sequential light-to-dark
 * orange-red ramp that reads in light and dark themes alike.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "nv-chart-style.h"

G_BEGIN_DECLS

typedef struct _NvHeatmap NvHeatmap;

NvHeatmap *nv_heatmap_new (guint n_rows, guint n_columns);
void nv_heatmap_free (NvHeatmap *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (NvHeatmap, nv_heatmap_free)

void nv_heatmap_set_title (NvHeatmap *self, const char *title);
void nv_heatmap_set_row_label (NvHeatmap *self, guint row, const char *label);
void nv_heatmap_set_column_label (NvHeatmap *self, guint column, const char *label);
/* NAN: no data. @masked: hatched; the value is still drawn unless
 * nv_heatmap_set_for_export (TRUE). */
void nv_heatmap_set_value (NvHeatmap *self, guint row, guint column, double value,
                           gboolean masked);
/* Label of the hatch in the legend, e.g. "Fewer than 5 persons". */
void nv_heatmap_set_masked_label (NvHeatmap *self, const char *label);
/* TRUE: masked cells show no value (projection, files). */
void nv_heatmap_set_for_export (NvHeatmap *self, gboolean for_export);

guint nv_heatmap_get_n_rows (NvHeatmap *self);
guint nv_heatmap_get_n_columns (NvHeatmap *self);

/* The colour of @value on the current scale (tests, the table view). */
void nv_heatmap_color_for (NvHeatmap *self, double value, double rgb[3]);

void nv_heatmap_draw (NvHeatmap *self, cairo_t *cr, double width, double height,
                      const NvChartStyle *style);
/* The cell under (@x, @y): FALSE outside the grid; a row label counts as
 * its row with column -1. */
gboolean nv_heatmap_hit_test (NvHeatmap *self, double width, double height,
                              const NvChartStyle *style, double x, double y, int *row,
                              int *column);
/* Height the grid needs at @width for all rows to get ≥ 28 px. */
double nv_heatmap_natural_height (NvHeatmap *self, const NvChartStyle *style);
gboolean nv_heatmap_export (NvHeatmap *self, const char *path, double width, double height,
                            const NvChartStyle *style, GError **error);

G_END_DECLS
