/* nv-chart.h — a chart of values per period, drawn to any cairo_t.
 *
 * Three layers, as in Sysprof:
 *   1. Series (model): named rows of values, one per category (a period such
 *      as a quarter). NaN is a gap — missing data or a period masked for
 *      privacy. A value can also carry a «masked» flag: the period is drawn
 *      with a hatched band (and, on the leader's own screen, a hollow point
 *      for the value still shown there).
 *   2. Axis (nv-chart-axis.h): the value range becomes nice ticks and every
 *      value is normalised to 0..1; categories are evenly spaced slots.
 *   3. Layers: background, grid and tick labels, masked bands, event markers,
 *      data (lines with point markers, grouped bars or stacked bars), value
 *      labels, legend, title and axis label. Layers only scale 0..1 to pixels
 *      and snap 1-unit lines to floor()+.5 so they are crisp at scale 1 and 2.
 *
 * Layout is measured with Pango before anything is drawn: title, legend rows,
 * axis label and event-marker label rows each get their own band, x labels
 * are thinned until they do not touch, so nothing overlaps (also at 600×400).
 * The same layout answers hit tests for tooltips and legend clicks.
 *
 * One entry point, nv_chart_draw(), serves the screen, PNG/SVG/PDF export
 * and tests. Colours and fonts come from the NvChartStyle passed in.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib-object.h>

#include "nv-chart-axis.h"
#include "nv-format.h"
#include "nv-chart-style.h"

G_BEGIN_DECLS

typedef enum
{
  NV_CHART_LINE,    /* one line per series, with point markers */
  NV_CHART_BARS,    /* grouped bars: one bar per series in each category */
  NV_CHART_STACKED, /* series stacked on each other in each category */
} NvChartKind;

typedef enum
{
  NV_CHART_HIT_NONE,
  NV_CHART_HIT_POINT,   /* a value of a line */
  NV_CHART_HIT_BAR,     /* a bar or a stacked segment */
  NV_CHART_HIT_LEGEND,  /* a legend entry (series ≥ 0) */
  NV_CHART_HIT_MARKER,  /* an event marker */
} NvChartHitKind;

typedef struct
{
  NvChartHitKind kind;
  int series;    /* -1 when none */
  int category;  /* -1 when none */
  int marker;    /* -1 when none */
  double value;  /* NaN when none */
  gboolean masked;
} NvChartHit;

typedef struct
{
  double x, y, width, height;
} NvChartRect;

#define NV_TYPE_CHART (nv_chart_get_type ())
G_DECLARE_FINAL_TYPE (NvChart, nv_chart, NV, CHART, GObject)

NvChart *nv_chart_new (NvChartKind kind);
NvChartKind nv_chart_get_kind (NvChart *self);

void nv_chart_set_title (NvChart *self, const char *title);
const char *nv_chart_get_title (NvChart *self);
/* Shown above the value axis, e.g. "Sick leave, legemeldt (%)". */
void nv_chart_set_value_label (NvChart *self, const char *label);
/* Values are per cent: tick and value labels get « %». Default TRUE. */
void nv_chart_set_percent (NvChart *self, gboolean percent);
/* Print each bar's value above it when it fits. Default TRUE for bars. */
void nv_chart_set_value_labels (NvChart *self, gboolean show);
/* Legend text explaining the hatched bands, e.g. "Fewer than 5 persons". */
void nv_chart_set_masked_label (NvChart *self, const char *label);

/* Categories. @labels are full names (tooltips, tables); @tick_labels say
 * what to print under the axis (NULL entry: a tick without a label).
 * Setting categories removes all series and markers. */
void nv_chart_set_categories (NvChart *self, guint n, const char *const *labels,
                              const char *const *tick_labels);
/* @n quarters from @first_year Q@first_quarter: labels "Q3 2024" (translated),
 * tick labels the year at each Q1 — or every quarter when @n ≤ 8 (labels that
 * would touch are thinned when drawn). */
void nv_chart_set_quarters (NvChart *self, int first_year, int first_quarter, guint n);
guint nv_chart_get_n_categories (NvChart *self);
const char *nv_chart_get_category_label (NvChart *self, guint category);

/* Adds a series with one value per category (@values may be NULL: all NaN).
 * Series 0 is drawn strongest (the unit); series differ by colour, marker
 * shape and dash. Returns the series index. */
guint nv_chart_add_series (NvChart *self, const char *name, const double *values);
guint nv_chart_get_n_series (NvChart *self);
const char *nv_chart_get_series_name (NvChart *self, guint series);
void nv_chart_set_value (NvChart *self, guint series, guint category, double value);
double nv_chart_get_value (NvChart *self, guint series, guint category);
void nv_chart_set_masked (NvChart *self, guint series, guint category, gboolean masked);
gboolean nv_chart_get_masked (NvChart *self, guint series, guint category);
void nv_chart_set_series_visible (NvChart *self, guint series, gboolean visible);
gboolean nv_chart_get_series_visible (NvChart *self, guint series);

/* A vertical event marker at @position in category units: 0.0 is the start
 * of the first category, 1.5 the middle of the second. */
guint nv_chart_add_marker (NvChart *self, double position, const char *label);
guint nv_chart_get_n_markers (NvChart *self);
const char *nv_chart_get_marker_label (NvChart *self, guint marker);
/* The labels of @marker and of the markers drawn together with it (events
 * a few pixels apart share a line, «Title (+2)»), one per line. Valid after
 * a draw or hit test, which is what a hit returns markers from. */
char *nv_chart_describe_marker (NvChart *self, guint marker);

/* Draws the whole chart into [0,0,@width,@height] of @cr. */
void nv_chart_draw (NvChart *self, cairo_t *cr, double width, double height,
                    const NvChartStyle *style);
/* What is under (@x, @y) for a chart drawn at @width × @height. */
gboolean nv_chart_hit_test (NvChart *self, double width, double height,
                            const NvChartStyle *style, double x, double y, NvChartHit *hit);
/* The plot rectangle and value axis the chart uses at that size. */
void nv_chart_get_plot_area (NvChart *self, double width, double height,
                             const NvChartStyle *style, NvChartRect *plot, NvChartAxis *axis);
/* Centre x of @category inside @plot (for tests and tooltips). */
double nv_chart_category_x (NvChart *self, const NvChartRect *plot, guint category);

/* Files: format from the extension (.png, .svg, .pdf). */
gboolean nv_chart_export (NvChart *self, const char *path, double width, double height,
                          const NvChartStyle *style, GError **error);

G_END_DECLS
