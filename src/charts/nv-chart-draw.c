/* nv-chart-draw.c — the layers of an NvChart and nv_chart_draw().
 *
 * Each draw_* function is one layer; they only scale the layout's 0..1
 * positions to pixels (nv-chart-layout.c places everything first).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-charts"

#include "config.h"

#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "nv-chart-private.h"

/* ---- helpers ------------------------------------------------------------ */

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
  nv_chart_set_color (cr, hollow ? series_color (style, series) : &style->background);
  cairo_fill (cr);
  marker_path (cr, series, x, y, hollow ? r - 1.5 : r);
  nv_chart_set_color (cr, hollow ? &style->background : series_color (style, series));
  cairo_fill (cr);
}

/* Diagonal stripes inside @rect: masked periods, and the texture that tells
 * bar series apart without colour. Each stripe is a 45° line across the
 * rectangle, clipped to it; only the part of a line over the rectangle (and
 * a margin wider than the line) is stroked, cut at whole steps along the
 * line so what remains lies exactly on the line it was (the pixels inside
 * the clip are the same; a narrow masked quarter no longer rasterizes the
 * plot-high lines that cross it, ~20× less work). */
static void
draw_stripes (cairo_t *cr, double x, double y, double w, double h, double spacing,
              double line_width, const NvChartColor *color, gboolean backwards)
{
  double margin = ceil (line_width) + 2;

  if (w <= 0 || h <= 0)
    return;
  cairo_save (cr);
  cairo_rectangle (cr, x, y, w, h);
  cairo_clip (cr);
  cairo_set_dash (cr, NULL, 0, 0);
  cairo_set_line_width (cr, line_width);
  nv_chart_set_color (cr, color);
  for (double d = -h; d < w + h; d += spacing)
    {
      /* The line runs from x + d to x + d + h; cut t0 off its start and t1
       * off its end where that is left or right of the rectangle. */
      double t0 = MAX (0, floor (-d - margin));
      double t1 = MAX (0, floor (d + h - w - margin));

      if (t0 + t1 >= h)
        continue;
      if (backwards)
        {
          cairo_move_to (cr, x + d + t0, y + t0);
          cairo_line_to (cr, x + d + h - t1, y + h - t1);
        }
      else
        {
          cairo_move_to (cr, x + d + t0, y + h - t0);
          cairo_line_to (cr, x + d + h - t1, y + t1);
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
  nv_chart_set_color (cr, &color);
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

/* ---- layout ------------------------------------------------------------- */

/* ---- layers ------------------------------------------------------------- */

static void
draw_legend (NvChart *self, const NvChartLayout *layout, NvChartText *text,
             const NvChartStyle *style)
{
  cairo_t *cr = text->cr;

  for (guint e = 0; e < layout->legend->len; e++)
    {
      NvChartRect *rect = &g_array_index (layout->legend, NvChartRect, e);
      int s = g_array_index (layout->legend_series, int, e);
      double swatch = layout->font_px * 2.4;
      double cy = rect->y + rect->height / 2;
      gboolean visible = s < 0 || nv_chart_series_at (self, s)->visible;
      const char *name = s >= 0 ? nv_chart_series_at (self, s)->name : self->masked_label;

      cairo_save (cr);
      if (!visible)
        cairo_push_group (cr);
      if (s < 0)
        {
          cairo_rectangle (cr, rect->x + 0.5, rect->y + 2.5, swatch - 1, rect->height - 5);
          nv_chart_set_color (cr, &style->hatch);
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
          nv_chart_set_color (cr, series_color (style, s));
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
      /* At the width it was measured at: the same shaped layout (the name
       * fits its entry, so nothing is cut either way). */
      nv_chart_text_draw (text, text->normal, name, rect->x + swatch + layout->font_px * 0.4,
                          rect->y, layout->legend_text_w,
                          visible ? &style->foreground : &style->muted);
      if (!visible)
        {
          /* A hidden series is struck through, not only paler. */
          cairo_set_line_width (cr, 1);
          nv_chart_set_color (cr, &style->muted);
          cairo_move_to (cr, rect->x + swatch + layout->font_px * 0.4, floor (cy) + 0.5);
          cairo_line_to (cr, rect->x + rect->width, floor (cy) + 0.5);
          cairo_stroke (cr);
        }
      cairo_restore (cr);
    }
}

static void
draw_grid (NvChart *self, const NvChartLayout *layout, NvChartText *text, const NvChartStyle *style)
{
  cairo_t *cr = text->cr;
  const NvChartRect *plot = &layout->plot;

  cairo_set_line_width (cr, 1);
  cairo_set_dash (cr, NULL, 0, 0);
  for (guint i = 0; i < layout->axis.n_ticks; i++)
    {
      double tick = nv_chart_axis_tick (&layout->axis, i);
      double y = snap (nv_chart_value_y (layout, tick), 1);
      g_autofree char *label = nv_chart_format_value (self, tick, layout->axis.decimals);
      double tw;

      nv_chart_set_color (cr, tick == 0 ? &style->axis : &style->grid);
      cairo_move_to (cr, floor (plot->x), y);
      cairo_line_to (cr, ceil (plot->x + plot->width), y);
      cairo_stroke (cr);
      nv_chart_text_size (text, text->small, label, 0, &tw, NULL);
      nv_chart_text_draw (text, text->small, label, plot->x - layout->font_px * 0.5 - tw,
                          y - layout->small_h / 2, 0, &style->muted);
    }
}

static void
draw_x_labels (NvChart *self, const NvChartLayout *layout, NvChartText *text,
               const NvChartStyle *style)
{
  cairo_t *cr = text->cr;
  double base = snap (layout->plot.y + layout->plot.height, 1);

  cairo_set_line_width (cr, 1);
  nv_chart_set_color (cr, &style->axis);
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
      nv_chart_text_size (text, text->small, self->tick_labels[i], 0, &tw, NULL);
      nv_chart_text_draw (text, text->small, self->tick_labels[i],
                          nv_chart_category_x (self, &layout->plot, i) - tw / 2, layout->x_label_y,
                          0, &style->muted);
    }
}

static void
draw_masked_bands (NvChart *self, const NvChartLayout *layout, cairo_t *cr,
                   const NvChartStyle *style)
{
  double cw = nv_chart_category_width (self, &layout->plot);

  for (guint i = 0; i < self->n_categories; i++)
    if (nv_chart_category_masked (self, i))
      draw_stripes (cr, round (layout->plot.x + i * cw), round (layout->plot.y),
                    round (layout->plot.x + (i + 1) * cw) - round (layout->plot.x + i * cw),
                    round (layout->plot.height), 8, 1.5, &style->hatch, FALSE);
}

static void
draw_markers (NvChart *self, const NvChartLayout *layout, NvChartText *text,
              const NvChartStyle *style)
{
  cairo_t *cr = text->cr;
  double cw = nv_chart_category_width (self, &layout->plot);
  double lw = layout->font_px >= 20 ? 2 : 1;

  for (guint m = 0; m < self->markers->len; m++)
    {
      NvChartMarker *marker = &g_array_index (self->markers, NvChartMarker, m);
      NvChartRect *rect = &g_array_index (layout->marker_rects, NvChartRect, m);
      double x = snap (layout->plot.x + marker->position * cw, lw);
      double top = rect->width > 0 ? rect->y + rect->height / 2 : layout->plot.y;

      if (marker->position < 0 || marker->position > self->n_categories
          || layout->marker_owner[m] != (int) m)
        continue;
      /* Dashes as pixel-aligned boxes: cairo fills boxes on a fast path,
       * a dashed stroke costs a polygon per dash. */
      nv_chart_set_color (cr, &style->marker);
      for (double d = round (top); d < layout->plot.y + layout->plot.height; d += 7 * lw)
        cairo_rectangle (cr, x - lw / 2, d, lw,
                         MIN (4 * lw, layout->plot.y + layout->plot.height - d));
      cairo_fill (cr);
      cairo_set_dash (cr, NULL, 0, 0);
      if (rect->width > 0)
        {
          /* A short stub joins the line to its label. */
          cairo_move_to (cr, x, top);
          cairo_line_to (cr, rect->x < x ? rect->x + rect->width + 2 : rect->x - 2, top);
          cairo_stroke (cr);
          nv_chart_text_draw (text, text->small, g_ptr_array_index (layout->marker_text, m),
                              rect->x, rect->y, layout->marker_text_w[m], &style->foreground);
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
  int size;

  cairo_user_to_device_distance (cr, &sx, &sy);
  sx = MAX (fabs (sx), 1);
  size = (int) ceil (2 * half * sx);
  stamp = cairo_surface_create_similar_image (cairo_get_target (cr), CAIRO_FORMAT_ARGB32, size,
                                              size);
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
      NvChartSeries *series = nv_chart_series_at (self, s);
      double lw = series_line_width (style, s);
      gboolean pen_down = FALSE;

      if (!series->visible)
        continue;
      cairo_set_line_width (cr, lw);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_BEVEL);
      /* Dots get round caps; a coarser tolerance keeps their arcs cheap and
       * still looks round at these sizes. */
      cairo_set_line_cap (cr, s == 2 ? CAIRO_LINE_CAP_ROUND : CAIRO_LINE_CAP_BUTT);
      cairo_set_tolerance (cr, s == 2 ? 0.5 : 0.1);
      set_series_dash (cr, s, lw);
      nv_chart_set_color (cr, series_color (style, s));
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
            cairo_line_to (cr, x, nv_chart_value_y (layout, v));
          else
            cairo_move_to (cr, x, nv_chart_value_y (layout, v));
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
              y = nv_chart_value_y (layout, series->values[i]);
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

static gboolean
is_light (const NvChartColor *c)
{
  return 0.2126 * c->r + 0.7152 * c->g + 0.0722 * c->b > 0.5;
}

static void
draw_bars (NvChart *self, const NvChartLayout *layout, NvChartText *text, const NvChartStyle *style)
{
  cairo_t *cr = text->cr;

  for (guint s = 0; s < self->series->len; s++)
    for (guint i = 0; i < self->n_categories; i++)
      {
        NvChartSeries *series = nv_chart_series_at (self, s);
        NvChartRect rect;
        g_autofree char *label = NULL;
        double tw, th;

        if (!nv_chart_bar_rect (self, layout, s, i, &rect))
          continue;
        fill_bar (cr, style, s, rect.x, rect.y, rect.width, rect.height, 1.0);
        if (series->masked[i])
          draw_stripes (cr, rect.x, rect.y, rect.width, rect.height, 5, 2, &style->background,
                        TRUE);
        if (self->kind == NV_CHART_STACKED)
          {
            /* Segments are separated by a line of background colour. */
            cairo_set_line_width (cr, 1);
            nv_chart_set_color (cr, &style->background);
            cairo_move_to (cr, rect.x, rect.y + 0.5);
            cairo_line_to (cr, rect.x + rect.width, rect.y + 0.5);
            cairo_stroke (cr);
          }
        if (!self->value_labels)
          continue;
        label = nv_chart_format_value (self, series->values[i], 1);
        nv_chart_text_size (text, text->small, label, 0, &tw, &th);
        if (self->kind == NV_CHART_BARS)
          {
            if (tw <= rect.width + 4 && rect.y - th >= layout->plot.y - layout->small_h * 0.5)
              nv_chart_text_draw (text, text->small, label, rect.x + (rect.width - tw) / 2,
                                  rect.y - th, 0, &style->foreground);
          }
        else if (tw <= rect.width - 4 && th <= rect.height - 2)
          {
            NvChartColor ink = is_light (series_color (style, s)) ? (NvChartColor){ 0, 0, 0, 1 }
                                                                  : (NvChartColor){ 1, 1, 1, 1 };
            double tx = rect.x + (rect.width - tw) / 2, ty = rect.y + (rect.height - th) / 2;

            /* A plain patch under the figure, so the texture does not cut it. */
            nv_chart_set_color (cr, series_color (style, s));
            cairo_rectangle (cr, round (tx - 2), round (ty), round (tw + 4), round (th));
            cairo_fill (cr);
            nv_chart_text_draw (text, text->small, label, tx, ty, 0, &ink);
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
          if (nv_chart_bar_rect (self, layout, s, i, &rect))
            {
              total += nv_chart_series_at (self, s)->values[i];
              top = MIN (top, rect.y);
              any = TRUE;
            }
        if (!any)
          continue;
        label = nv_chart_format_value (self, total, 1);
        nv_chart_text_size (text, text->bold, label, 0, &tw, &th);
        nv_chart_text_size (text, text->small, label, 0, &tw, &th);
        if (top - th >= layout->plot.y - layout->small_h * 0.5
            && tw <= nv_chart_category_width (self, &layout->plot))
          nv_chart_text_draw (text, text->small, label,
                              nv_chart_category_x (self, &layout->plot, i) - tw / 2, top - th, 0,
                              &style->foreground);
      }
}

/* ---- public ------------------------------------------------------------- */

void
nv_chart_draw (NvChart *self, cairo_t *cr, double width, double height, const NvChartStyle *style)
{
  NvChartLayout *layout;
  NvChartText text;

  g_return_if_fail (NV_IS_CHART (self));
  g_return_if_fail (cr != NULL && style != NULL);

  cairo_save (cr);
  /* Cairo's FAST antialiasing looks the same on lines this thick and halves
   * the time of a full chart (lines and point markers dominate). NvChartText is not
   * affected: glyphs follow the font options. */
  cairo_set_antialias (cr, CAIRO_ANTIALIAS_FAST);
  layout = nv_chart_ensure_layout (self, cr, width, height, style);
  nv_chart_text_init_cached (&text, cr, &layout->fonts);

  if (style->background.a > 0)
    {
      nv_chart_set_color (cr, &style->background);
      cairo_rectangle (cr, 0, 0, width, height);
      cairo_fill (cr);
    }
  if (self->title != NULL && *self->title != '\0')
    nv_chart_text_draw (&text, text.bold, self->title, layout->title.x, layout->title.y,
                        layout->title.width, &style->foreground);
  draw_legend (self, layout, &text, style);
  if (self->value_label != NULL && *self->value_label != '\0')
    nv_chart_text_draw (&text, text.small, self->value_label, layout->value_label.x,
                        layout->value_label.y, layout->value_label.width, &style->muted);

  draw_masked_bands (self, layout, cr, style);
  draw_grid (self, layout, &text, style);
  draw_markers (self, layout, &text, style);
  if (self->kind == NV_CHART_LINE)
    draw_lines (self, layout, cr, style);
  else
    draw_bars (self, layout, &text, style);
  draw_x_labels (self, layout, &text, style);

  nv_chart_text_clear (&text);
  cairo_restore (cr);
}
