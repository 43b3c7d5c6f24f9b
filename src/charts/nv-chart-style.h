/* nv-chart-style.h — colours and fonts a chart is drawn with.
 *
 * A chart never picks its own colours or font: the caller passes a style.
 * Presets exist for light, dark and high contrast (exports, CLI, tests);
 * the UI fills one from the theme (window background and foreground, font).
 * The series palette is Okabe–Ito (distinguishable with the common forms of
 * colour blindness), and series also differ in marker shape and dash, so
 * no series is told apart by colour alone.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  double r, g, b, a;
} NvChartColor;

#define NV_CHART_N_SERIES_COLORS 6

typedef enum
{
  NV_CHART_STYLE_LIGHT,
  NV_CHART_STYLE_DARK,
  NV_CHART_STYLE_HIGH_CONTRAST,
} NvChartStylePreset;

typedef struct
{
  NvChartColor background; /* filled first; alpha 0 leaves the surface as is */
  NvChartColor foreground; /* title, legend, labels */
  NvChartColor muted;      /* tick labels, hidden series in the legend */
  NvChartColor grid;       /* horizontal grid lines */
  NvChartColor axis;       /* base line and ticks */
  NvChartColor marker;     /* event markers (measures, workshops) */
  NvChartColor hatch;      /* stripes of periods masked for privacy */
  NvChartColor series[NV_CHART_N_SERIES_COLORS];
  char font_family[64]; /* Pango family list, e.g. "Cantarell, Sans" */
  double font_size;     /* pixels (user units) of ordinary text */
  double line_width;    /* data lines; grid lines are always 1 unit */
} NvChartStyle;

void nv_chart_style_init (NvChartStyle *style, NvChartStylePreset preset);
/* TRUE when the two draw the same: every colour, the font and the widths. */
gboolean nv_chart_style_equal (const NvChartStyle *a, const NvChartStyle *b);
/* Sets fonts so text stays readable on large exports and projectors:
 * font_size grows with the smaller of width/900 and height/500, never below
 * the preset size. */
void nv_chart_style_scale_for_size (NvChartStyle *style, double width, double height);
/* "#rrggbb" or "#rrggbbaa" (used by the UI with theme colours) */
gboolean nv_chart_color_parse (NvChartColor *color, const char *text);

G_END_DECLS
