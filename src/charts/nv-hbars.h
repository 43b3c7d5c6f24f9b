/* nv-hbars.h — horizontal grouped bars on a fixed scale: the 10-FAKTOR
 * profile (ten factors, each with the unit's round, its previous round and
 * the municipality's mean, on the survey's 1–5 scale).
 *
 * Row labels sit left of the bars, so long factor names stay readable. The
 * series differ by colour AND fill (solid, striped, outline), the legend
 * names them (wrapping rather than dropping entries). Every value is shown:
 * beside its bar's end when the rows are tall enough for a line of text,
 * otherwise (large projector fonts) in one column per series right of the
 * bars, headed by the series' swatch. Missing values (NAN) leave the slot
 * empty with a dash.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "nv-chart-style.h"

G_BEGIN_DECLS

#define NV_HBARS_MAX_SERIES 3

typedef struct _NvHBars NvHBars;

NvHBars *nv_hbars_new (guint n_rows, double min, double max);
void nv_hbars_free (NvHBars *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (NvHBars, nv_hbars_free)

void nv_hbars_set_title (NvHBars *self, const char *title);
void nv_hbars_set_row_label (NvHBars *self, guint row, const char *label);
/* Returns the series index (≤ NV_HBARS_MAX_SERIES − 1). */
guint nv_hbars_add_series (NvHBars *self, const char *name);
void nv_hbars_set_value (NvHBars *self, guint series, guint row, double value);
guint nv_hbars_get_n_series (NvHBars *self);

/* Height for @n_rows rows at @style's font. */
double nv_hbars_natural_height (NvHBars *self, const NvChartStyle *style);
void nv_hbars_draw (NvHBars *self, cairo_t *cr, double width, double height,
                    const NvChartStyle *style);
/* Where the last nv_hbars_draw put the value label of (@series, @row), in
 * that draw's user units. FALSE when it drew none there (no draw yet, or
 * a missing value: those get a dash). Tests and tooltips use it. */
gboolean nv_hbars_get_value_label (NvHBars *self, guint series, guint row, double *x,
                                   double *y, double *width, double *height);
gboolean nv_hbars_export (NvHBars *self, const char *path, double width, double height,
                          const NvChartStyle *style, GError **error);

G_END_DECLS
