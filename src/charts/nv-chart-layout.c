/* nv-chart-layout.c — measuring and placing everything, and hit testing.
 *
 * nv_chart_ensure_layout() measures all text (nv-chart-text.c) and stacks the bands
 * (title, legend rows, value-axis label, marker-label rows, plot, x labels)
 * so nothing overlaps; the layout is cached per size and font and answers
 * hit tests for tooltips and legend clicks.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-charts"

#include "config.h"

#include <math.h>
#include <string.h>

#include "nv-chart-private.h"

#define MAX_MARKER_ROWS 3

char *
nv_chart_format_value (NvChart *self, double value, int decimals)
{
  return self->percent ? nv_format_value_percent (value, decimals)
                       : nv_format_value (value, decimals);
}

double
nv_chart_category_width (NvChart *self, const NvChartRect *plot)
{
  return plot->width / MAX (self->n_categories, 1);
}

double
nv_chart_category_x (NvChart *self, const NvChartRect *plot, guint category)
{
  return plot->x + (category + 0.5) * nv_chart_category_width (self, plot);
}

double
nv_chart_value_y (const NvChartLayout *layout, double value)
{
  return layout->plot.y
         + layout->plot.height * (1.0 - nv_chart_axis_normalize (&layout->axis, value));
}

NvChartSeries *
nv_chart_series_at (NvChart *self, guint i)
{
  return g_ptr_array_index (self->series, i);
}

gboolean
nv_chart_category_masked (NvChart *self, guint category)
{
  for (guint s = 0; s < self->series->len; s++)
    if (nv_chart_series_at (self, s)->visible && nv_chart_series_at (self, s)->masked[category])
      return TRUE;
  return FALSE;
}

void
nv_chart_layout_free (NvChartLayout *layout)
{
  g_clear_pointer (&layout->legend, g_array_unref);
  g_clear_pointer (&layout->legend_series, g_array_unref);
  g_clear_pointer (&layout->marker_rects, g_array_unref);
  g_clear_pointer (&layout->marker_text, g_ptr_array_unref);
  nv_chart_fonts_clear (&layout->fonts);
  g_free (layout->marker_owner);
  g_free (layout->marker_text_w);
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
          NvChartSeries *series = nv_chart_series_at (self, s);
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
layout_axis (NvChart *self, NvChartLayout *layout, NvChartText *text, guint max_intervals,
             double plot_h)
{
  double lo, hi;

  data_range (self, &lo, &hi);
  nv_chart_axis_compute (&layout->axis, lo, hi, TRUE, max_intervals);
  /* Bars with their figure above: the tallest bar's figure needs a line of
   * room under the top of the plot (plus the half line above it), or it
   * would be dropped. Raise the axis until it fits. */
  if (self->value_labels && (self->kind == NV_CHART_BARS || self->kind == NV_CHART_STACKED)
      && !isnan (hi) && plot_h > 0 && layout->axis.max > layout->axis.min)
    {
      double range = layout->axis.max - layout->axis.min;
      double room = (layout->axis.max - hi) / range * plot_h + layout->small_h * 0.5;

      if (room < layout->small_h * 1.1)
        nv_chart_axis_compute (&layout->axis, lo, hi + range * layout->small_h * 1.1 / plot_h,
                               TRUE, max_intervals);
    }
  layout->y_label_w = 0;
  for (guint i = 0; i < layout->axis.n_ticks; i++)
    {
      g_autofree char *label = nv_chart_format_value (self, nv_chart_axis_tick (&layout->axis, i),
                                                      layout->axis.decimals);
      double w;

      nv_chart_text_size (text, text->small, label, 0, &w, NULL);
      layout->y_label_w = MAX (layout->y_label_w, w);
    }
}

static void
compute_layout (NvChart *self, NvChartLayout *layout, NvChartText *text, double width,
                double height, const NvChartStyle *style)
{
  double pad, y, x, row_y, x_band, est_plot_h, cw;
  guint marker_rows = 0;
  gboolean any_masked;

  nv_chart_text_size (text, text->normal, "Ag", 0, NULL, &layout->line_h);
  nv_chart_text_size (text, text->small, "Ag", 0, NULL, &layout->small_h);
  pad = round (layout->font_px * 0.8);
  y = pad;

  if (self->title != NULL && *self->title != '\0')
    {
      double th;
      nv_chart_text_size (text, text->bold, self->title, width - 2 * pad, NULL, &th);
      layout->title = (NvChartRect){ pad, y, width - 2 * pad, th };
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
      const char *name
          = s < (int) self->series->len ? nv_chart_series_at (self, s)->name : self->masked_label;
      double swatch = layout->font_px * 2.4;
      double tw, ew;
      NvChartRect rect;

      layout->legend_text_w = width - 2 * pad - swatch;
      nv_chart_text_size (text, text->normal, name, layout->legend_text_w, &tw, NULL);
      ew = swatch + layout->font_px * 0.4 + tw;
      if (x > pad && x + ew > width - pad)
        {
          x = pad;
          row_y += layout->line_h + 2;
        }
      rect = (NvChartRect){ x, row_y, ew, layout->line_h };
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
      layout->value_label = (NvChartRect){ pad, y, width - 2 * pad, layout->small_h };
      y += layout->small_h + pad * 0.3;
    }

  /* Value axis: as many intervals as fit at two lines of text each. */
  x_band = layout->small_h + pad * 0.5;
  est_plot_h = height - y - x_band - pad - (self->markers->len > 0 ? layout->small_h : 0);
  layout_axis (self, layout, text, CLAMP ((guint) (est_plot_h / (layout->small_h * 2.2)), 2, 6),
               est_plot_h);
  layout->plot.x = pad + layout->y_label_w + layout->font_px * 0.5;
  layout->plot.width = MAX (width - pad - layout->plot.x, 10);
  cw = nv_chart_category_width (self, &layout->plot);

  /* Marker labels: greedy rows above the plot, at most three. A marker's
   * line runs from its label down through the rows below it, so a label may
   * not cover the line of a marker labelled in a higher row, nor a line
   * through it cover a label placed lower. */
  layout->marker_rects = g_array_new (FALSE, TRUE, sizeof (NvChartRect));
  layout->marker_band_y = y;
  layout->marker_text = g_ptr_array_new_with_free_func (g_free);
  layout->marker_owner = g_new0 (int, MAX (self->markers->len, 1));
  layout->marker_text_w = g_new0 (double, MAX (self->markers->len, 1));
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
          if (layout->marker_owner[k] == (int) k
              && fabs (g_array_index (self->markers, NvChartMarker, k).position * cw - mx)
                     < MAX (4.0, layout->font_px * 0.5))
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
            layout->marker_text_w[m] = attempt == 0 ? MIN (width * 0.3, 220 * layout->font_px / 13)
                                                    : layout->font_px * 7;
            nv_chart_text_size (text, text->small, label, layout->marker_text_w[m], &tw, NULL);
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
                      double ox = layout->plot.x
                                  + g_array_index (self->markers, NvChartMarker, k).position * cw;

                      if (other->width == 0)
                        continue;
                      if (rows[k] == r && rect.x < other->x + other->width + gap
                          && other->x < rect.x + rect.width + gap)
                        free_row = FALSE;
                      else if (rows[k] < r && ox >= rect.x - 4 && ox <= rect.x + rect.width + 4)
                        free_row = FALSE;
                      else if (rows[k] > r && mx >= other->x - 4
                               && mx <= other->x + other->width + 4)
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
        nv_chart_text_size (text, text->small, self->tick_labels[i], 0, &tw, NULL);
        left = nv_chart_category_x (self, &layout->plot, i) - tw / 2;
        if (left < 0 || left + tw > width || left < last_right + layout->font_px * 0.8)
          continue;
        layout->x_shown[i] = TRUE;
        last_right = left + tw;
      }
  }
}

static gboolean
layout_matches (const NvChartLayout *layout, double width, double height, const NvChartStyle *style)
{
  return layout->width == width && layout->height == height
         && layout->style.font_size == style->font_size
         && layout->style.line_width == style->line_width
         && strcmp (layout->style.font_family, style->font_family) == 0;
}

NvChartLayout *
nv_chart_ensure_layout (NvChart *self, cairo_t *cr, double width, double height,
                        const NvChartStyle *style)
{
  NvChartLayout *layout;
  NvChartText text;

  if (self->layout != NULL && layout_matches (self->layout, width, height, style))
    return self->layout;
  nv_chart_invalidate (self);
  layout = g_new0 (NvChartLayout, 1);
  layout->width = width;
  layout->height = height;
  layout->style = *style;
  layout->font_px = style->font_size;
  layout->small_px = style->font_size * 0.9;
  nv_chart_fonts_init (&layout->fonts, cr, style, layout->font_px, layout->small_px);
  nv_chart_text_init_cached (&text, cr, &layout->fonts);
  compute_layout (self, layout, &text, width, height, style);
  nv_chart_text_clear (&text);
  self->layout = layout;
  return layout;
}

/* Layout without a target (hit tests): measure on a scratch surface. */
static NvChartLayout *
ensure_layout_offscreen (NvChart *self, double width, double height, const NvChartStyle *style)
{
  cairo_t *cr;
  NvChartLayout *layout;

  if (self->layout != NULL && layout_matches (self->layout, width, height, style))
    return self->layout;
  cr = nv_chart_scratch_context ();
  layout = nv_chart_ensure_layout (self, cr, width, height, style);
  cairo_destroy (cr);
  return layout;
}

/* Geometry of bar (@s, @i); FALSE when it has no value or is hidden. */
gboolean
nv_chart_bar_rect (NvChart *self, const NvChartLayout *layout, guint s, guint i, NvChartRect *rect)
{
  double cw = nv_chart_category_width (self, &layout->plot);
  double xc = nv_chart_category_x (self, &layout->plot, i);
  double zero = nv_chart_value_y (layout, MAX (layout->axis.min, 0));
  NvChartSeries *series = nv_chart_series_at (self, s);
  double v = series->values[i];

  if (!series->visible || isnan (v))
    return FALSE;

  if (self->kind == NV_CHART_BARS)
    {
      guint n_visible = 0, index = 0;
      double group, bw, gap, x0;

      for (guint k = 0; k < self->series->len; k++)
        if (nv_chart_series_at (self, k)->visible)
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
      rect->y = round (nv_chart_value_y (layout, v));
      rect->height = round (zero) - rect->y;
    }
  else
    {
      double below = 0, bw = cw * 0.55;

      for (guint k = 0; k < s; k++)
        {
          NvChartSeries *other = nv_chart_series_at (self, k);
          if (other->visible && !isnan (other->values[i]))
            below += other->values[i];
        }
      rect->x = round (xc - bw / 2);
      rect->width = MAX (round (xc + bw / 2) - rect->x, 1);
      rect->y = round (nv_chart_value_y (layout, below + v));
      rect->height = round (nv_chart_value_y (layout, below)) - rect->y;
    }
  if (rect->height < 0)
    {
      rect->y += rect->height;
      rect->height = -rect->height;
    }
  return TRUE;
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
nv_chart_hit_test (NvChart *self, double width, double height, const NvChartStyle *style, double x,
                   double y, NvChartHit *hit)
{
  NvChartLayout *layout;
  double cw;

  g_return_val_if_fail (NV_IS_CHART (self), FALSE);
  g_return_val_if_fail (hit != NULL, FALSE);

  *hit = (NvChartHit){ NV_CHART_HIT_NONE, -1, -1, -1, NAN, FALSE };
  layout = ensure_layout_offscreen (self, width, height, style);
  cw = nv_chart_category_width (self, &layout->plot);

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
          NvChartSeries *series = nv_chart_series_at (self, s);
          double d;

          if (!series->visible || isnan (series->values[i]))
            continue;
          d = fabs (nv_chart_value_y (layout, series->values[i]) - y);
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
            if (nv_chart_bar_rect (self, layout, s, i, &rect) && in_rect (&rect, x, y))
              {
                hit->kind = NV_CHART_HIT_BAR;
                hit->series = s;
                hit->category = i;
                hit->value = nv_chart_series_at (self, s)->values[i];
                hit->masked = nv_chart_series_at (self, s)->masked[i];
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
      gboolean same
          = m == marker || (self->layout != NULL && self->layout->marker_owner[m] == (int) marker);
      if (!same)
        continue;
      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, g_array_index (self->markers, NvChartMarker, m).label);
    }
  return g_string_free (text, FALSE);
}
