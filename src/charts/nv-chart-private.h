/* nv-chart-private.h — the chart's fields, shared by model and renderer.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <pango/pangocairo.h>

#include "nv-chart.h"

G_BEGIN_DECLS

typedef struct
{
  char *name;
  double *values;     /* n_categories */
  gboolean *masked;   /* n_categories */
  gboolean visible;
} NvChartSeries;

typedef struct
{
  double position;
  char *label;
} NvChartMarker;

/* The text of one chart layout: one Pango context, the three fonts and
 * every shaped text, made while measuring and drawn from as they are until
 * the layout is dropped (model, size, font or style change). */
typedef struct
{
  PangoContext *context;
  cairo_font_options_t *options; /* the target's and cr's, when last updated */
  cairo_matrix_t matrix;
  PangoFontDescription *normal;
  PangoFontDescription *small;
  PangoFontDescription *bold;
  GHashTable *cache; /* "font|width|text" → PangoLayout */
} NvChartFonts;

/* Result of measuring text and placing every band; valid for one size/style. */
typedef struct
{
  double width, height;
  NvChartStyle style;     /* layout depends on fonts only, but a copy is simplest */
  double font_px;
  double small_px;
  double line_h;          /* height of a line of ordinary text */
  double small_h;
  NvChartRect title;
  NvChartRect value_label;
  GArray *legend;         /* NvChartRect per entry: series…, then the masked entry */
  GArray *legend_series;  /* int per entry: series index, -1 for the masked entry */
  GArray *marker_rects;   /* NvChartRect per marker label (width 0 when not shown) */
  int *marker_owner;      /* per marker: the marker whose line and label stand for it */
  NvChartFonts fonts;     /* made while measuring, drawn from until the layout is dropped */
  GPtrArray *marker_text; /* per marker: label shown ("Title (+2)"), NULL when merged */
  double *marker_text_w;  /* per marker: the width its label was measured (and is drawn) at */
  double legend_text_w;   /* the width legend names were measured (and are drawn) at */
  double marker_band_y;
  NvChartRect plot;
  NvChartAxis axis;
  double x_label_y;
  gboolean *x_shown;      /* n_categories: tick label drawn */
  double y_label_w;
} NvChartLayout;

struct _NvChart
{
  GObject parent_instance;

  NvChartKind kind;
  char *title;
  char *value_label;
  char *masked_label;
  gboolean percent;
  gboolean value_labels;

  guint n_categories;
  GStrv labels;
  char **tick_labels;     /* n_categories, entries may be NULL */
  GPtrArray *series;      /* NvChartSeries */
  GArray *markers;        /* NvChartMarker */

  NvChartLayout *layout;  /* cache, NULL when stale */
};

/* Text measured and drawn: either with one scratch PangoLayout reset for
 * every string (nv_chart_text_init), or from a chart layout's fonts and
 * cache of shaped layouts (nv_chart_text_init_cached: nothing is shaped
 * twice). */
typedef struct
{
  cairo_t *cr;
  PangoLayout *layout;  /* scratch; NULL with @fonts */
  NvChartFonts *fonts;  /* borrowed; NULL: the fonts below are ours */
  PangoFontDescription *normal;
  PangoFontDescription *small;
  PangoFontDescription *bold;
} NvChartText;

void nv_chart_fonts_init (NvChartFonts *fonts, cairo_t *cr, const NvChartStyle *style,
                          double font_px, double small_px);
void nv_chart_fonts_clear (NvChartFonts *fonts);
/* With @style's fonts: ordinary text at its size, small at 0.9, bold 1.25. */
void nv_chart_text_init (NvChartText *text, cairo_t *cr, const NvChartStyle *style);
/* Borrows @fonts; their context follows @cr's font options and
 * transformation. */
void nv_chart_text_init_cached (NvChartText *text, cairo_t *cr, NvChartFonts *fonts);
void nv_chart_text_clear (NvChartText *text);
void nv_chart_text_size (NvChartText *text, const PangoFontDescription *font, const char *string,
                         double max_width, double *width, double *height);
/* Draws @string with its logical top-left at (@x, @y), ellipsized to @max_width (> 0). */
void nv_chart_text_draw (NvChartText *text, const PangoFontDescription *font, const char *string,
                         double x, double y, double max_width, const NvChartColor *color);
/* The same, but wrapped onto as many lines as @max_width (> 0) needs, never
 * ellipsized: for legends and captions whose whole text must show. */
void nv_chart_text_wrapped_size (NvChartText *text, const PangoFontDescription *font,
                                 const char *string, double max_width, double *width,
                                 double *height);
void nv_chart_text_draw_wrapped (NvChartText *text, const PangoFontDescription *font,
                                 const char *string, double x, double y, double max_width,
                                 const NvChartColor *color);
/* How many texts nv_chart_text_draw() has cut off with «…» in this process
 * (for tests: whole legends and captions draw none). */
guint nv_chart_text_ellipsized_count (void);
/* How many texts have been shaped as one line of glyph runs rather than a
 * PangoLayout in this process (for tests: plain labels take that way). */
guint nv_chart_text_shaped_count (void);
void nv_chart_set_color (cairo_t *cr, const NvChartColor *color);
/* How every figure kind starts to draw: @cr saved, then the style's
 * background (when it has one) painted over the whole target. */
void nv_chart_begin_figure (cairo_t *cr, const NvChartStyle *style);
/* A context on a 1×1 image, for measuring without a target (hit tests);
 * cairo_destroy() frees both. */
cairo_t *nv_chart_scratch_context (void);
/* A value as the axis labels show it (« %» when the chart is in per cent). */
char *nv_chart_format_value (NvChart *self, double value, int decimals);

NvChartLayout *nv_chart_ensure_layout (NvChart *self, cairo_t *cr, double width, double height,
                                       const NvChartStyle *style);
double nv_chart_category_width (NvChart *self, const NvChartRect *plot);
double nv_chart_value_y (const NvChartLayout *layout, double value);
NvChartSeries *nv_chart_series_at (NvChart *self, guint i);
/* Is any visible series masked in @category? */
gboolean nv_chart_category_masked (NvChart *self, guint category);
/* Geometry of bar (@s, @i); FALSE when it has no value or is hidden. */
gboolean nv_chart_bar_rect (NvChart *self, const NvChartLayout *layout, guint s, guint i,
                            NvChartRect *rect);

void nv_chart_invalidate (NvChart *self);
void nv_chart_layout_free (NvChartLayout *layout);
gboolean nv_chart_any_masked (NvChart *self);

G_END_DECLS
