/* nv-chart-draw.c — layout, drawing and hit testing of an NvChart.
 *
 * compute_layout() measures all text with Pango and places the bands (title,
 * legend, axis label, marker labels, plot, x labels) so nothing overlaps;
 * draw_* functions are the layers; hit testing reuses the same layout.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-charts"

#include "config.h"

#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "nv-chart-private.h"

#define MAX_MARKER_ROWS 3

typedef struct
{
  cairo_t *cr;
  PangoLayout *layout;
  PangoFontDescription *normal;
  PangoFontDescription *small;
  PangoFontDescription *bold;
} Text;

/* ---- helpers ------------------------------------------------------------ */

static void
text_init (Text *text, cairo_t *cr, const NvChartStyle *style, double font_px, double small_px)
{
  text->cr = cr;
  text->layout = pango_cairo_create_layout (cr);
  pango_layout_set_single_paragraph_mode (text->layout, TRUE);
  text->normal = pango_font_description_from_string (style->font_family);
  pango_font_description_set_absolute_size (text->normal, font_px * PANGO_SCALE);
  text->small = pango_font_description_copy (text->normal);
  pango_font_description_set_absolute_size (text->small, small_px * PANGO_SCALE);
  text->bold = pango_font_description_copy (text->normal);
  pango_font_description_set_absolute_size (text->bold, font_px * 1.25 * PANGO_SCALE);
  pango_font_description_set_weight (text->bold, PANGO_WEIGHT_BOLD);
}

static void
text_clear (Text *text)
{
  g_clear_object (&text->layout);
  g_clear_pointer (&text->normal, pango_font_description_free);
  g_clear_pointer (&text->small, pango_font_description_free);
  g_clear_pointer (&text->bold, pango_font_description_free);
}

static void
text_set (Text *text, const PangoFontDescription *font, const char *string, double max_width)
{
  pango_layout_set_font_description (text->layout, font);
  if (max_width > 0)
    {
      pango_layout_set_width (text->layout, (int) (max_width * PANGO_SCALE));
      pango_layout_set_ellipsize (text->layout, PANGO_ELLIPSIZE_END);
    }
  else
    {
      pango_layout_set_width (text->layout, -1);
      pango_layout_set_ellipsize (text->layout, PANGO_ELLIPSIZE_NONE);
    }
  pango_layout_set_text (text->layout, string, -1);
}

static void
text_size (Text *text, const PangoFontDescription *font, const char *string, double max_width,
           double *width, double *height)
{
  PangoRectangle logical;

  text_set (text, font, string, max_width);
  pango_layout_get_pixel_extents (text->layout, NULL, &logical);
  if (width != NULL)
    *width = logical.width;
  if (height != NULL)
    *height = logical.height;
}

static void
set_color (cairo_t *cr, const NvChartColor *color)
{
  cairo_set_source_rgba (cr, color->r, color->g, color->b, color->a);
}

/* Draws @string with its logical top-left at (@x, @y). */
static void
text_draw (Text *text, const PangoFontDescription *font, const char *string, double x, double y,
           double max_width, const NvChartColor *color)
{
  text_set (text, font, string, max_width);
  set_color (text->cr, color);
  cairo_move_to (text->cr, round (x), round (y));
  pango_cairo_show_layout (text->cr, text->layout);
}

/* A line of odd width is crisp on a .5 coordinate, of even width on an integer. */
static double
snap (double v, double line_width)
{
  if (((int) round (line_width)) % 2 == 1)
    return floor (v) + 0.5;
  return round (v);
}

static const NvChartColor *
series_color (const NvChartStyle *style, guint series)
{
  return &style->series[series % NV_CHART_N_SERIES_COLORS];
}

static double
series_line_width (const NvChartStyle *style, guint series)
{
  return series == 0 ? style->line_width * 1.5 : style->line_width;
}

static void
set_series_dash (cairo_t *cr, guint series, double lw)
{
  static const double patterns[][4] = {
    { 0 }, { 6, 3 }, { 1.2, 2.2 }, { 8, 3, 1.5, 3 }, { 12, 4 }, { 3, 3 },
  };
  static const int lengths[] = { 0, 2, 2, 4, 2, 2 };
  guint p = series % G_N_ELEMENTS (lengths);
  double dashes[4];

  for (int i = 0; i < lengths[p]; i++)
    dashes[i] = patterns[p][i] * lw;
  cairo_set_dash (cr, dashes, lengths[p], 0);
}

static void
marker_path (cairo_t *cr, guint series, double x, double y, double r)
{
  switch (series % 6)
    {
    case 0:
      cairo_new_sub_path (cr);
      cairo_arc (cr, x, y, r, 0, 2 * G_PI);
      break;
    case 1:
      cairo_rectangle (cr, x - r * 0.9, y - r * 0.9, r * 1.8, r * 1.8);
      break;
    case 2:
      cairo_move_to (cr, x, y - r * 1.15);
      cairo_line_to (cr, x + r * 1.1, y + r * 0.8);
      cairo_line_to (cr, x - r * 1.1, y + r * 0.8);
      cairo_close_path (cr);
      break;
    case 3:
      cairo_move_to (cr, x, y - r * 1.25);
      cairo_line_to (cr, x + r * 1.25, y);
      cairo_line_to (cr, x, y + r * 1.25);
      cairo_line_to (cr, x - r * 1.25, y);
      cairo_close_path (cr);
      break;
    case 4:
      cairo_move_to (cr, x, y + r * 1.15);
      cairo_line_to (cr, x + r * 1.1, y - r * 0.8);
      cairo_line_to (cr, x - r * 1.1, y - r * 0.8);
      cairo_close_path (cr);
      break;
    default:
      cairo_move_to (cr, x - r, y - r * 0.35);
      cairo_line_to (cr, x - r * 0.35, y - r * 0.35);
      cairo_line_to (cr, x - r * 0.35, y - r);
      cairo_line_to (cr, x + r * 0.35, y - r);
      cairo_line_to (cr, x + r * 0.35, y - r * 0.35);
      cairo_line_to (cr, x + r, y - r * 0.35);
      cairo_line_to (cr, x + r, y + r * 0.35);
      cairo_line_to (cr, x + r * 0.35, y + r * 0.35);
      cairo_line_to (cr, x + r * 0.35, y + r);
      cairo_line_to (cr, x - r * 0.35, y + r);
      cairo_line_to (cr, x - r * 0.35, y + r * 0.35);
      cairo_line_to (cr, x - r, y + r * 0.35);
      cairo_close_path (cr);
      break;
    }
}

/* Two fills instead of fill + stroke: an outline in the background colour
 * (or the series colour for a hollow, masked point) and the shape inside.
 * Stroking is several times slower in cairo's image backend. */
static void
draw_point_marker (cairo_t *cr, const NvChartStyle *style, guint series, double x, double y,
                   double r, gboolean hollow)
{
  marker_path (cr, series, x, y, r + 1);
  set_color (cr, hollow ? series_color (style, series) : &style->background);
  cairo_fill (cr);
  marker_path (cr, series, x, y, hollow ? r - 1.5 : r);
  set_color (cr, hollow ? &style->background : series_color (style, series));
  cairo_fill (cr);
}

/* Diagonal stripes inside @rect: masked periods, and the texture that tells
 * bar series apart without colour. */
static void
draw_stripes (cairo_t *cr, double x, double y, double w, double h, double spacing,
              double line_width, const NvChartColor *color, gboolean backwards)
{
  if (w <= 0 || h <= 0)
    return;
  cairo_save (cr);
  cairo_rectangle (cr, x, y, w, h);
  cairo_clip (cr);
  cairo_set_dash (cr, NULL, 0, 0);
  cairo_set_line_width (cr, line_width);
  set_color (cr, color);
  for (double d = -h; d < w + h; d += spacing)
    {
      if (backwards)
        {
          cairo_move_to (cr, x + d, y);
          cairo_line_to (cr, x + d + h, y + h);
        }
      else
        {
          cairo_move_to (cr, x + d, y + h);
          cairo_line_to (cr, x + d + h, y);
        }
    }
  cairo_stroke (cr);
  cairo_restore (cr);
}

/* Bars: series 0 solid; others get a texture so they differ without colour. */
static void
fill_bar (cairo_t *cr, const NvChartStyle *style, guint series, double x, double y, double w,
          double h, double alpha)
{
  NvChartColor color = *series_color (style, series);
  NvChartColor texture = style->background;

  color.a *= alpha;
  set_color (cr, &color);
  cairo_rectangle (cr, x, y, w, h);
  cairo_fill (cr);
  texture.a = 0.45 * alpha;
  switch (series % 4)
    {
    case 1:
      draw_stripes (cr, x, y, w, h, 6, 1.5, &texture, FALSE);
      break;
    case 2:
      draw_stripes (cr, x, y, w, h, 5, 1.2, &texture, TRUE);
      break;
    case 3:
      draw_stripes (cr, x, y, w, h, 7, 1.5, &texture, FALSE);
      draw_stripes (cr, x, y, w, h, 7, 1.5, &texture, TRUE);
      break;
    default:
      break;
    }
}

static char *
format_value (NvChart *self, double value, int decimals)
{
  return self->percent ? nv_chart_format_percent (value, decimals)
                       : nv_chart_format_number (value, decimals);
}

static double
category_width (NvChart *self, const NvChartRect *plot)
{
  return plot->width / MAX (self->n_categories, 1);
}

double
nv_chart_category_x (NvChart *self, const NvChartRect *plot, guint category)
{
  return plot->x + (category + 0.5) * category_width (self, plot);
}

static double
value_y (const NvChartLayout *layout, double value)
{
  return layout->plot.y + layout->plot.height * (1.0 - nv_chart_axis_normalize (&layout->axis, value));
}

static NvChartSeries *
series_at (NvChart *self, guint i)
{
  return g_ptr_array_index (self->series, i);
}

static gboolean
category_masked (NvChart *self, guint category)
{
  for (guint s = 0; s < self->series->len; s++)
    if (series_at (self, s)->visible && series_at (self, s)->masked[category])
      return TRUE;
  return FALSE;
}

/* ---- layout ------------------------------------------------------------- */

void
nv_chart_layout_free (NvChartLayout *layout)
{
  g_clear_pointer (&layout->legend, g_array_unref);
  g_clear_pointer (&layout->legend_series, g_array_unref);
  g_clear_pointer (&layout->marker_rects, g_array_unref);
  g_clear_pointer (&layout->marker_text, g_ptr_array_unref);
  g_free (layout->marker_owner);
  g_free (layout->x_shown);
  g_free (layout);
}

static void
data_range (NvChart *self, double *lo, double *hi)
{
  *lo = NAN;
  *hi = NAN;
  for (guint i = 0; i < self->n_categories; i++)
    {
      double stack = 0;
      gboolean any = FALSE;

      for (guint s = 0; s < self->series->len; s++)
        {
          NvChartSeries *series = series_at (self, s);
          double v = series->values[i];

          if (!series->visible || isnan (v))
            continue;
          if (self->kind == NV_CHART_STACKED)
            {
              stack += v;
              any = TRUE;
              continue;
            }
          *lo = isnan (*lo) ? v : MIN (*lo, v);
          *hi = isnan (*hi) ? v : MAX (*hi, v);
        }
      if (any)
        {
          *lo = isnan (*lo) ? stack : MIN (*lo, stack);
          *hi = isnan (*hi) ? stack : MAX (*hi, stack);
        }
    }
}

static void
layout_axis (NvChart *self, NvChartLayout *layout, Text *text, guint max_intervals)
{
  double lo, hi;

  data_range (self, &lo, &hi);
  nv_chart_axis_compute (&layout->axis, lo, hi, TRUE, max_intervals);
  layout->y_label_w = 0;
  for (guint i = 0; i < layout->axis.n_ticks; i++)
    {
      g_autofree char *label = format_value (self, nv_chart_axis_tick (&layout->axis, i),
                                             layout->axis.decimals);
      double w;

      text_size (text, text->small, label, 0, &w, NULL);
      layout->y_label_w = MAX (layout->y_label_w, w);
    }
}

static NvChartLayout *
compute_layout (NvChart *self, Text *text, double width, double height, const NvChartStyle *style)
{
  NvChartLayout *layout = g_new0 (NvChartLayout, 1);
  double pad, y, x, row_y, x_band, est_plot_h, cw;
  guint marker_rows = 0;
  gboolean any_masked;

  layout->width = width;
  layout->height = height;
  layout->style = *style;
  layout->font_px = style->font_size;
  layout->small_px = style->font_size * 0.9;
  text_size (text, text->normal, "Ag", 0, NULL, &layout->line_h);
  text_size (text, text->small, "Ag", 0, NULL, &layout->small_h);
  pad = round (layout->font_px * 0.8);
  y = pad;

  if (self->title != NULL && *self->title != '\0')
    {
      double th;
      text_size (text, text->bold, self->title, width - 2 * pad, NULL, &th);
      layout->title = (NvChartRect) { pad, y, width - 2 * pad, th };
      y += th + pad * 0.5;
    }

  /* Legend: entries flow in rows and wrap at the right edge. */
  layout->legend = g_array_new (FALSE, TRUE, sizeof (NvChartRect));
  layout->legend_series = g_array_new (FALSE, TRUE, sizeof (int));
  any_masked = nv_chart_any_masked (self) && self->masked_label != NULL;
  x = pad;
  row_y = y;
  for (int s = 0; s < (int) self->series->len + (any_masked ? 1 : 0); s++)
    {
      const char *name = s < (int) self->series->len ? series_at (self, s)->name : self->masked_label;
      double swatch = layout->font_px * 2.4;
      double tw, ew;
      NvChartRect rect;

      text_size (text, text->normal, name, width - 2 * pad - swatch, &tw, NULL);
      ew = swatch + layout->font_px * 0.4 + tw;
      if (x > pad && x + ew > width - pad)
        {
          x = pad;
          row_y += layout->line_h + 2;
        }
      rect = (NvChartRect) { x, row_y, ew, layout->line_h };
      g_array_append_val (layout->legend, rect);
      g_array_append_val (layout->legend_series, s);
      if (s >= (int) self->series->len)
        g_array_index (layout->legend_series, int, layout->legend_series->len - 1) = -1;
      x += ew + layout->font_px * 1.3;
    }
  if (layout->legend->len > 0)
    y = row_y + layout->line_h + pad * 0.6;

  if (self->value_label != NULL && *self->value_label != '\0')
    {
      layout->value_label = (NvChartRect) { pad, y, width - 2 * pad, layout->small_h };
      y += layout->small_h + pad * 0.3;
    }

  /* Value axis: as many intervals as fit at two lines of text each. */
  x_band = layout->small_h + pad * 0.5;
  est_plot_h = height - y - x_band - pad - (self->markers->len > 0 ? layout->small_h : 0);
  layout_axis (self, layout, text, CLAMP ((guint) (est_plot_h / (layout->small_h * 2.2)), 2, 6));
  layout->plot.x = pad + layout->y_label_w + layout->font_px * 0.5;
  layout->plot.width = MAX (width - pad - layout->plot.x, 10);
  cw = category_width (self, &layout->plot);

  /* Marker labels: greedy rows above the plot, at most three. A marker's
   * line runs from its label down through the rows below it, so a label may
   * not cover the line of a marker labelled in a higher row, nor a line
   * through it cover a label placed lower. */
  layout->marker_rects = g_array_new (FALSE, TRUE, sizeof (NvChartRect));
  layout->marker_band_y = y;
  layout->marker_text = g_ptr_array_new_with_free_func (g_free);
  layout->marker_owner = g_new0 (int, MAX (self->markers->len, 1));
  {
    g_autofree int *rows = g_new0 (int, MAX (self->markers->len, 1));
    g_autofree int *merged = g_new0 (int, MAX (self->markers->len, 1));
    double gap = layout->font_px * 0.6;

    /* Events a few pixels apart (the same day, or days apart on a long
     * chart) share one line and one label: «Workshop (+2)». */
    for (guint m = 0; m < self->markers->len; m++)
      {
        double mx = g_array_index (self->markers, NvChartMarker, m).position * cw;

        layout->marker_owner[m] = m;
        for (guint k = 0; k < m; k++)
          if (layout->marker_owner[k] == (int) k &&
              fabs (g_array_index (self->markers, NvChartMarker, k).position * cw - mx) <
                MAX (4.0, layout->font_px * 0.5))
            {
              layout->marker_owner[m] = k;
              merged[k]++;
              break;
            }
      }

    for (guint m = 0; m < self->markers->len; m++)
      {
        NvChartMarker *marker = &g_array_index (self->markers, NvChartMarker, m);
        double mx = layout->plot.x + marker->position * cw;
        double tw;
        NvChartRect rect = { 0 };
        int row = -1;
        char *label;

        if (layout->marker_owner[m] != (int) m)
          {
            g_ptr_array_add (layout->marker_text, NULL);
            g_array_append_val (layout->marker_rects, rect);
            continue;
          }
        label = merged[m] > 0 ? g_strdup_printf ("%s (+%d)", marker->label, merged[m])
                              : g_strdup (marker->label);
        g_ptr_array_add (layout->marker_text, label);
        /* Each row, first right of the line, then left of it; when that
         * fails everywhere, again with the label cut shorter («Felles tr…»). */
        for (int attempt = 0; attempt < 2 && row < 0; attempt++)
          {
            text_size (text, text->small, label,
                       attempt == 0 ? MIN (width * 0.3, 220 * layout->font_px / 13)
                                    : layout->font_px * 7,
                       &tw, NULL);
            rect.width = tw;
            rect.height = layout->small_h;
            for (int r = 0; r < MAX_MARKER_ROWS && row < 0; r++)
              for (int side = 0; side < 2 && row < 0; side++)
                {
                  gboolean free_row = TRUE;

                  rect.x = side == 0 ? mx + 4 : mx - 4 - tw;
                  if (rect.x < pad || rect.x + tw > width - pad)
                    continue;
                  for (guint k = 0; k < m && free_row; k++)
                    {
                      NvChartRect *other = &g_array_index (layout->marker_rects, NvChartRect, k);
                      double ox = layout->plot.x +
                                  g_array_index (self->markers, NvChartMarker, k).position * cw;

                      if (other->width == 0)
                        continue;
                      if (rows[k] == r && rect.x < other->x + other->width + gap &&
                          other->x < rect.x + rect.width + gap)
                        free_row = FALSE;
                      else if (rows[k] < r && ox >= rect.x - 4 && ox <= rect.x + rect.width + 4)
                        free_row = FALSE;
                      else if (rows[k] > r && mx >= other->x - 4 && mx <= other->x + other->width + 4)
                        free_row = FALSE;
                    }
                  if (free_row)
                    row = r;
                }
          }
        if (row < 0)
          rect.width = 0; /* no room: the line stays, the label is in the tooltip */
        else
          {
            rows[m] = row;
            rect.y = y + row * layout->small_h;
            marker_rows = MAX (marker_rows, (guint) row + 1);
          }
        g_array_append_val (layout->marker_rects, rect);
      }
  }
  y += marker_rows * layout->small_h + (marker_rows > 0 ? pad * 0.3 : 0);

  /* Half a line of room so the top tick label is not cut. */
  layout->plot.y = y + layout->small_h * 0.5;
  layout->plot.height = MAX (height - pad - x_band - layout->plot.y, 10);
  layout->x_label_y = layout->plot.y + layout->plot.height + pad * 0.4;

  /* X labels: drop those that would touch their left neighbour. */
  layout->x_shown = g_new0 (gboolean, MAX (self->n_categories, 1));
  {
    double last_right = -G_MAXDOUBLE;
    for (guint i = 0; i < self->n_categories; i++)
      {
        double tw, left;

        if (self->tick_labels[i] == NULL)
          continue;
        text_size (text, text->small, self->tick_labels[i], 0, &tw, NULL);
        left = nv_chart_category_x (self, &layout->plot, i) - tw / 2;
        if (left < 0 || left + tw > width || left < last_right + layout->font_px * 0.8)
          continue;
        layout->x_shown[i] = TRUE;
        last_right = left + tw;
      }
  }
  return layout;
}

static gboolean
layout_matches (const NvChartLayout *layout, double width, double height, const NvChartStyle *style)
{
  return layout->width == width && layout->height == height &&
         layout->style.font_size == style->font_size &&
         layout->style.line_width == style->line_width &&
         strcmp (layout->style.font_family, style->font_family) == 0;
}

static NvChartLayout *
ensure_layout (NvChart *self, cairo_t *cr, double width, double height, const NvChartStyle *style)
{
  Text text;

  if (self->layout != NULL && layout_matches (self->layout, width, height, style))
    return self->layout;
  nv_chart_invalidate (self);
  text_init (&text, cr, style, style->font_size, style->font_size * 0.9);
  self->layout = compute_layout (self, &text, width, height, style);
  text_clear (&text);
  return self->layout;
}

/* Layout without a target (hit tests): measure on a scratch surface. */
static NvChartLayout *
ensure_layout_offscreen (NvChart *self, double width, double height, const NvChartStyle *style)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  NvChartLayout *layout;

  if (self->layout != NULL && layout_matches (self->layout, width, height, style))
    return self->layout;
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cr = cairo_create (surface);
  layout = ensure_layout (self, cr, width, height, style);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return layout;
}

/* ---- layers ------------------------------------------------------------- */

static void
draw_legend (NvChart *self, const NvChartLayout *layout, Text *text, const NvChartStyle *style)
{
  cairo_t *cr = text->cr;

  for (guint e = 0; e < layout->legend->len; e++)
    {
      NvChartRect *rect = &g_array_index (layout->legend, NvChartRect, e);
      int s = g_array_index (layout->legend_series, int, e);
      double swatch = layout->font_px * 2.4;
      double cy = rect->y + rect->height / 2;
      gboolean visible = s < 0 || series_at (self, s)->visible;
      const char *name = s >= 0 ? series_at (self, s)->name : self->masked_label;

      cairo_save (cr);
      if (!visible)
        cairo_push_group (cr);
      if (s < 0)
        {
          cairo_rectangle (cr, rect->x + 0.5, rect->y + 2.5, swatch - 1, rect->height - 5);
          set_color (cr, &style->hatch);
          cairo_set_line_width (cr, 1);
          cairo_stroke (cr);
          draw_stripes (cr, rect->x, rect->y + 2, swatch, rect->height - 4, 5, 1.5,
                        &style->foreground, FALSE);
        }
      else if (self->kind == NV_CHART_LINE)
        {
          double lw = series_line_width (style, s);

          cairo_set_line_width (cr, lw);
          set_series_dash (cr, s, lw);
          set_color (cr, series_color (style, s));
          cairo_move_to (cr, rect->x, snap (cy, lw));
          cairo_line_to (cr, rect->x + swatch, snap (cy, lw));
          cairo_stroke (cr);
          draw_point_marker (cr, style, s, rect->x + swatch / 2, cy,
                             MAX (3.5, style->line_width * 2.2), FALSE);
        }
      else
        fill_bar (cr, style, s, round (rect->x), round (rect->y + 2), round (swatch),
                  round (rect->height - 4), 1.0);
      if (!visible)
        {
          cairo_pop_group_to_source (cr);
          cairo_paint_with_alpha (cr, 0.3);
        }
      text_draw (text, text->normal, name, rect->x + swatch + layout->font_px * 0.4, rect->y,
                 rect->width - swatch, visible ? &style->foreground : &style->muted);
      if (!visible)
        {
          /* A hidden series is struck through, not only paler. */
          cairo_set_line_width (cr, 1);
          set_color (cr, &style->muted);
          cairo_move_to (cr, rect->x + swatch + layout->font_px * 0.4, floor (cy) + 0.5);
          cairo_line_to (cr, rect->x + rect->width, floor (cy) + 0.5);
          cairo_stroke (cr);
        }
      cairo_restore (cr);
    }
}

static void
draw_grid (NvChart *self, const NvChartLayout *layout, Text *text, const NvChartStyle *style)
{
  cairo_t *cr = text->cr;
  const NvChartRect *plot = &layout->plot;

  cairo_set_line_width (cr, 1);
  cairo_set_dash (cr, NULL, 0, 0);
  for (guint i = 0; i < layout->axis.n_ticks; i++)
    {
      double tick = nv_chart_axis_tick (&layout->axis, i);
      double y = snap (value_y (layout, tick), 1);
      g_autofree char *label = format_value (self, tick, layout->axis.decimals);
      double tw;

      set_color (cr, tick == 0 ? &style->axis : &style->grid);
      cairo_move_to (cr, floor (plot->x), y);
      cairo_line_to (cr, ceil (plot->x + plot->width), y);
      cairo_stroke (cr);
      text_size (text, text->small, label, 0, &tw, NULL);
      text_draw (text, text->small, label, plot->x - layout->font_px * 0.5 - tw,
                 y - layout->small_h / 2, 0, &style->muted);
    }
}

static void
draw_x_labels (NvChart *self, const NvChartLayout *layout, Text *text, const NvChartStyle *style)
{
  cairo_t *cr = text->cr;
  double base = snap (layout->plot.y + layout->plot.height, 1);

  cairo_set_line_width (cr, 1);
  set_color (cr, &style->axis);
  for (guint i = 0; i < self->n_categories; i++)
    {
      double x = snap (nv_chart_category_x (self, &layout->plot, i), 1);
      gboolean labelled = self->tick_labels[i] != NULL;

      /* Quarter ticks are short, labelled (year) ticks long. */
      cairo_move_to (cr, x, base);
      cairo_line_to (cr, x, base + (labelled ? layout->font_px * 0.4 : layout->font_px * 0.2));
    }
  cairo_stroke (cr);
  for (guint i = 0; i < self->n_categories; i++)
    {
      double tw;

      if (!layout->x_shown[i])
        continue;
      text_size (text, text->small, self->tick_labels[i], 0, &tw, NULL);
      text_draw (text, text->small, self->tick_labels[i],
                 nv_chart_category_x (self, &layout->plot, i) - tw / 2, layout->x_label_y, 0,
                 &style->muted);
    }
}

static void
draw_masked_bands (NvChart *self, const NvChartLayout *layout, cairo_t *cr,
                   const NvChartStyle *style)
{
  double cw = category_width (self, &layout->plot);

  for (guint i = 0; i < self->n_categories; i++)
    if (category_masked (self, i))
      draw_stripes (cr, round (layout->plot.x + i * cw), round (layout->plot.y),
                    round (layout->plot.x + (i + 1) * cw) - round (layout->plot.x + i * cw),
                    round (layout->plot.height), 8, 1.5, &style->hatch, FALSE);
}

static void
draw_markers (NvChart *self, const NvChartLayout *layout, Text *text, const NvChartStyle *style)
{
  cairo_t *cr = text->cr;
  double cw = category_width (self, &layout->plot);
  double lw = layout->font_px >= 20 ? 2 : 1;

  for (guint m = 0; m < self->markers->len; m++)
    {
      NvChartMarker *marker = &g_array_index (self->markers, NvChartMarker, m);
      NvChartRect *rect = &g_array_index (layout->marker_rects, NvChartRect, m);
      double x = snap (layout->plot.x + marker->position * cw, lw);
      double top = rect->width > 0 ? rect->y + rect->height / 2 : layout->plot.y;

      if (marker->position < 0 || marker->position > self->n_categories ||
          layout->marker_owner[m] != (int) m)
        continue;
      /* Dashes as pixel-aligned boxes: cairo fills boxes on a fast path,
       * a dashed stroke costs a polygon per dash. */
      set_color (cr, &style->marker);
      for (double d = round (top); d < layout->plot.y + layout->plot.height; d += 7 * lw)
        cairo_rectangle (cr, x - lw / 2, d,
                         lw, MIN (4 * lw, layout->plot.y + layout->plot.height - d));
      cairo_fill (cr);
      cairo_set_dash (cr, NULL, 0, 0);
      if (rect->width > 0)
        {
          /* A short stub joins the line to its label. */
          cairo_move_to (cr, x, top);
          cairo_line_to (cr, rect->x < x ? rect->x + rect->width + 2 : rect->x - 2, top);
          cairo_stroke (cr);
          text_draw (text, text->small, g_ptr_array_index (layout->marker_text, m), rect->x,
                     rect->y, rect->width + 1, &style->foreground);
        }
    }
}

/* On image surfaces point markers are drawn once into a small surface and
 * stamped: a composite of a 20-pixel square is far cheaper than rasterising
 * two paths 200 times. Vector surfaces (SVG, PDF) get real paths. */
static cairo_surface_t *
make_stamp (cairo_t *cr, const NvChartStyle *style, guint series, double r, gboolean hollow,
            double half)
{
  double sx = 1, sy = 1;
  cairo_surface_t *stamp;
  cairo_t *scr;

  cairo_user_to_device_distance (cr, &sx, &sy);
  sx = MAX (fabs (sx), 1);
  stamp = cairo_surface_create_similar_image (cairo_get_target (cr), CAIRO_FORMAT_ARGB32,
                                              (int) ceil (2 * half * sx), (int) ceil (2 * half * sx));
  cairo_surface_set_device_scale (stamp, sx, sx);
  scr = cairo_create (stamp);
  draw_point_marker (scr, style, series, half, half, r, hollow);
  cairo_destroy (scr);
  return stamp;
}

static void
draw_lines (NvChart *self, const NvChartLayout *layout, cairo_t *cr, const NvChartStyle *style)
{
  double r = MAX (3.5, style->line_width * 2.2);
  gboolean raster = cairo_surface_get_type (cairo_get_target (cr)) == CAIRO_SURFACE_TYPE_IMAGE;

  /* Back to front, so the unit (series 0) is on top. */
  for (int s = (int) self->series->len - 1; s >= 0; s--)
    {
      NvChartSeries *series = series_at (self, s);
      double lw = series_line_width (style, s);
      gboolean pen_down = FALSE;

      if (!series->visible)
        continue;
      cairo_set_line_width (cr, lw);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_BEVEL);
      cairo_set_line_cap (cr, s == 2 ? CAIRO_LINE_CAP_ROUND : CAIRO_LINE_CAP_BUTT);
      set_series_dash (cr, s, lw);
      set_color (cr, series_color (style, s));
      for (guint i = 0; i < self->n_categories; i++)
        {
          double v = series->values[i];
          double x = nv_chart_category_x (self, &layout->plot, i);

          if (isnan (v))
            {
              pen_down = FALSE;
              continue;
            }
          if (pen_down)
            cairo_line_to (cr, x, value_y (layout, v));
          else
            cairo_move_to (cr, x, value_y (layout, v));
          pen_down = TRUE;
        }
      cairo_stroke (cr);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
      for (int hollow = 0; hollow <= 1; hollow++)
        {
          cairo_surface_t *stamp = NULL;
          double half = ceil (r + 2);

          for (guint i = 0; i < self->n_categories; i++)
            {
              double x, y;

              if (isnan (series->values[i]) || series->masked[i] != hollow)
                continue;
              x = nv_chart_category_x (self, &layout->plot, i);
              y = value_y (layout, series->values[i]);
              if (!raster)
                {
                  draw_point_marker (cr, style, s, x, y, r, hollow);
                  continue;
                }
              if (stamp == NULL)
                stamp = make_stamp (cr, style, s, r, hollow, half);
              cairo_set_source_surface (cr, stamp, round (x) - half, round (y) - half);
              cairo_paint (cr);
            }
          g_clear_pointer (&stamp, cairo_surface_destroy);
        }
    }
}

/* Geometry of bar (@s, @i); FALSE when it has no value or is hidden. */
static gboolean
bar_rect (NvChart *self, const NvChartLayout *layout, guint s, guint i, NvChartRect *rect)
{
  double cw = category_width (self, &layout->plot);
  double xc = nv_chart_category_x (self, &layout->plot, i);
  double zero = value_y (layout, MAX (layout->axis.min, 0));
  NvChartSeries *series = series_at (self, s);
  double v = series->values[i];

  if (!series->visible || isnan (v))
    return FALSE;

  if (self->kind == NV_CHART_BARS)
    {
      guint n_visible = 0, index = 0;
      double group, bw, gap, x0;

      for (guint k = 0; k < self->series->len; k++)
        if (series_at (self, k)->visible)
          {
            if (k < s)
              index++;
            n_visible++;
          }
      group = cw * 0.8;
      bw = group / n_visible;
      gap = MIN (3, bw * 0.15);
      x0 = xc - group / 2 + index * bw + gap / 2;
      rect->x = round (x0);
      rect->width = MAX (round (x0 + bw - gap) - rect->x, 1);
      rect->y = round (value_y (layout, v));
      rect->height = round (zero) - rect->y;
    }
  else
    {
      double below = 0, bw = cw * 0.55;

      for (guint k = 0; k < s; k++)
        {
          NvChartSeries *other = series_at (self, k);
          if (other->visible && !isnan (other->values[i]))
            below += other->values[i];
        }
      rect->x = round (xc - bw / 2);
      rect->width = MAX (round (xc + bw / 2) - rect->x, 1);
      rect->y = round (value_y (layout, below + v));
      rect->height = round (value_y (layout, below)) - rect->y;
    }
  if (rect->height < 0)
    {
      rect->y += rect->height;
      rect->height = -rect->height;
    }
  return TRUE;
}

static gboolean
is_light (const NvChartColor *c)
{
  return 0.2126 * c->r + 0.7152 * c->g + 0.0722 * c->b > 0.5;
}

static void
draw_bars (NvChart *self, const NvChartLayout *layout, Text *text, const NvChartStyle *style)
{
  cairo_t *cr = text->cr;

  for (guint s = 0; s < self->series->len; s++)
    for (guint i = 0; i < self->n_categories; i++)
      {
        NvChartSeries *series = series_at (self, s);
        NvChartRect rect;
        g_autofree char *label = NULL;
        double tw, th;

        if (!bar_rect (self, layout, s, i, &rect))
          continue;
        fill_bar (cr, style, s, rect.x, rect.y, rect.width, rect.height, 1.0);
        if (series->masked[i])
          draw_stripes (cr, rect.x, rect.y, rect.width, rect.height, 5, 2, &style->background,
                        TRUE);
        if (self->kind == NV_CHART_STACKED)
          {
            /* Segments are separated by a line of background colour. */
            cairo_set_line_width (cr, 1);
            set_color (cr, &style->background);
            cairo_move_to (cr, rect.x, rect.y + 0.5);
            cairo_line_to (cr, rect.x + rect.width, rect.y + 0.5);
            cairo_stroke (cr);
          }
        if (!self->value_labels)
          continue;
        label = format_value (self, series->values[i], 1);
        text_size (text, text->small, label, 0, &tw, &th);
        if (self->kind == NV_CHART_BARS)
          {
            if (tw <= rect.width + 4 && rect.y - th >= layout->plot.y - layout->small_h * 0.5)
              text_draw (text, text->small, label, rect.x + (rect.width - tw) / 2, rect.y - th, 0,
                         &style->foreground);
          }
        else if (tw <= rect.width - 4 && th <= rect.height - 2)
          {
            NvChartColor ink = is_light (series_color (style, s)) ? (NvChartColor) { 0, 0, 0, 1 }
                                                                   : (NvChartColor) { 1, 1, 1, 1 };
            text_draw (text, text->small, label, rect.x + (rect.width - tw) / 2,
                       rect.y + (rect.height - th) / 2, 0, &ink);
          }
      }

  if (self->kind == NV_CHART_STACKED && self->value_labels)
    for (guint i = 0; i < self->n_categories; i++)
      {
        /* The total above each stack. */
        double total = 0, top = G_MAXDOUBLE, tw, th;
        gboolean any = FALSE;
        g_autofree char *label = NULL;
        NvChartRect rect;

        for (guint s = 0; s < self->series->len; s++)
          if (bar_rect (self, layout, s, i, &rect))
            {
              total += series_at (self, s)->values[i];
              top = MIN (top, rect.y);
              any = TRUE;
            }
        if (!any)
          continue;
        label = format_value (self, total, 1);
        text_size (text, text->bold, label, 0, &tw, &th);
        text_size (text, text->small, label, 0, &tw, &th);
        if (top - th >= layout->plot.y - layout->small_h * 0.5 &&
            tw <= category_width (self, &layout->plot))
          text_draw (text, text->small, label,
                     nv_chart_category_x (self, &layout->plot, i) - tw / 2, top - th, 0,
                     &style->foreground);
      }
}

/* ---- public ------------------------------------------------------------- */

void
nv_chart_draw (NvChart *self, cairo_t *cr, double width, double height, const NvChartStyle *style)
{
  NvChartLayout *layout;
  Text text;

  g_return_if_fail (NV_IS_CHART (self));
  g_return_if_fail (cr != NULL && style != NULL);

  cairo_save (cr);
  /* Cairo's FAST antialiasing looks the same on lines this thick and halves
   * the time of a full chart (lines and point markers dominate). Text is not
   * affected: glyphs follow the font options. */
  cairo_set_antialias (cr, CAIRO_ANTIALIAS_FAST);
  layout = ensure_layout (self, cr, width, height, style);
  text_init (&text, cr, style, layout->font_px, layout->small_px);

  if (style->background.a > 0)
    {
      set_color (cr, &style->background);
      cairo_rectangle (cr, 0, 0, width, height);
      cairo_fill (cr);
    }
  if (self->title != NULL && *self->title != '\0')
    text_draw (&text, text.bold, self->title, layout->title.x, layout->title.y,
               layout->title.width, &style->foreground);
  draw_legend (self, layout, &text, style);
  if (self->value_label != NULL && *self->value_label != '\0')
    text_draw (&text, text.small, self->value_label, layout->value_label.x,
               layout->value_label.y, layout->value_label.width, &style->muted);

  draw_masked_bands (self, layout, cr, style);
  draw_grid (self, layout, &text, style);
  draw_markers (self, layout, &text, style);
  if (self->kind == NV_CHART_LINE)
    draw_lines (self, layout, cr, style);
  else
    draw_bars (self, layout, &text, style);
  draw_x_labels (self, layout, &text, style);

  text_clear (&text);
  cairo_restore (cr);
}

void
nv_chart_get_plot_area (NvChart *self, double width, double height, const NvChartStyle *style,
                        NvChartRect *plot, NvChartAxis *axis)
{
  NvChartLayout *layout;

  g_return_if_fail (NV_IS_CHART (self));
  layout = ensure_layout_offscreen (self, width, height, style);
  if (plot != NULL)
    *plot = layout->plot;
  if (axis != NULL)
    *axis = layout->axis;
}

static gboolean
in_rect (const NvChartRect *rect, double x, double y)
{
  return x >= rect->x && x < rect->x + rect->width && y >= rect->y && y < rect->y + rect->height;
}

gboolean
nv_chart_hit_test (NvChart *self, double width, double height, const NvChartStyle *style,
                   double x, double y, NvChartHit *hit)
{
  NvChartLayout *layout;
  double cw;

  g_return_val_if_fail (NV_IS_CHART (self), FALSE);
  g_return_val_if_fail (hit != NULL, FALSE);

  *hit = (NvChartHit) { NV_CHART_HIT_NONE, -1, -1, -1, NAN, FALSE };
  layout = ensure_layout_offscreen (self, width, height, style);
  cw = category_width (self, &layout->plot);

  for (guint e = 0; e < layout->legend->len; e++)
    if (in_rect (&g_array_index (layout->legend, NvChartRect, e), x, y))
      {
        hit->kind = NV_CHART_HIT_LEGEND;
        hit->series = g_array_index (layout->legend_series, int, e);
        return TRUE;
      }
  for (guint m = 0; m < layout->marker_rects->len; m++)
    if (in_rect (&g_array_index (layout->marker_rects, NvChartRect, m), x, y))
      {
        hit->kind = NV_CHART_HIT_MARKER;
        hit->marker = m;
        return TRUE;
      }
  if (!in_rect (&layout->plot, x, y) || self->n_categories == 0)
    return FALSE;

  if (self->kind == NV_CHART_LINE)
    {
      guint i = MIN ((guint) ((x - layout->plot.x) / cw), self->n_categories - 1);
      double best = MAX (14.0, style->font_size);

      for (guint s = 0; s < self->series->len; s++)
        {
          NvChartSeries *series = series_at (self, s);
          double d;

          if (!series->visible || isnan (series->values[i]))
            continue;
          d = fabs (value_y (layout, series->values[i]) - y);
          if (d < best)
            {
              best = d;
              hit->kind = NV_CHART_HIT_POINT;
              hit->series = s;
              hit->category = i;
              hit->value = series->values[i];
              hit->masked = series->masked[i];
            }
        }
    }
  else
    {
      for (guint s = 0; s < self->series->len && hit->kind == NV_CHART_HIT_NONE; s++)
        for (guint i = 0; i < self->n_categories; i++)
          {
            NvChartRect rect;
            if (bar_rect (self, layout, s, i, &rect) && in_rect (&rect, x, y))
              {
                hit->kind = NV_CHART_HIT_BAR;
                hit->series = s;
                hit->category = i;
                hit->value = series_at (self, s)->values[i];
                hit->masked = series_at (self, s)->masked[i];
                break;
              }
          }
    }
  if (hit->kind == NV_CHART_HIT_NONE)
    for (guint m = 0; m < self->markers->len; m++)
      {
        double mx = layout->plot.x + g_array_index (self->markers, NvChartMarker, m).position * cw;
        if (fabs (mx - x) <= 4)
          {
            hit->kind = NV_CHART_HIT_MARKER;
            hit->marker = layout->marker_owner[m];
            break;
          }
      }
  return hit->kind != NV_CHART_HIT_NONE;
}

char *
nv_chart_describe_marker (NvChart *self, guint marker)
{
  GString *text = g_string_new (NULL);

  g_return_val_if_fail (NV_IS_CHART (self), NULL);
  g_return_val_if_fail (marker < self->markers->len, NULL);
  for (guint m = 0; m < self->markers->len; m++)
    {
      gboolean same = m == marker ||
                      (self->layout != NULL && self->layout->marker_owner[m] == (int) marker);
      if (!same)
        continue;
      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, g_array_index (self->markers, NvChartMarker, m).label);
    }
  return g_string_free (text, FALSE);
}
