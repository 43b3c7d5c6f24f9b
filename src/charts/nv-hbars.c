/* nv-hbars.c — horizontal grouped bars (see nv-hbars.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-chart"

#include "config.h"

#include <math.h>
#include <string.h>

#include "nv-chart-export.h"
#include "nv-format.h"
#include "nv-chart-private.h"
#include "nv-hbars.h"

#define PAD 10.0

struct _NvHBars
{
  guint n_rows;
  double min, max;
  char *title;
  char **row_labels;
  guint n_series;
  char *series_names[NV_HBARS_MAX_SERIES];
  double *values[NV_HBARS_MAX_SERIES];
  /* Value labels of the last draw: x, y, width, height per row (width 0: none). */
  double *label_boxes[NV_HBARS_MAX_SERIES];
};

NvHBars *
nv_hbars_new (guint n_rows, double min, double max)
{
  NvHBars *self = g_new0 (NvHBars, 1);

  self->n_rows = n_rows;
  self->min = min;
  self->max = max;
  self->row_labels = g_new0 (char *, n_rows + 1);
  return self;
}

void
nv_hbars_free (NvHBars *self)
{
  if (self == NULL)
    return;
  g_free (self->title);
  g_strfreev (self->row_labels);
  for (guint s = 0; s < self->n_series; s++)
    {
      g_free (self->series_names[s]);
      g_free (self->values[s]);
      g_free (self->label_boxes[s]);
    }
  g_free (self);
}

void
nv_hbars_set_title (NvHBars *self, const char *title)
{
  g_free (self->title);
  self->title = g_strdup (title);
}

void
nv_hbars_set_row_label (NvHBars *self, guint row, const char *label)
{
  g_return_if_fail (row < self->n_rows);
  g_free (self->row_labels[row]);
  self->row_labels[row] = g_strdup (label);
}

guint
nv_hbars_add_series (NvHBars *self, const char *name)
{
  guint s = self->n_series;

  g_return_val_if_fail (s < NV_HBARS_MAX_SERIES, s - 1);
  self->series_names[s] = g_strdup (name);
  self->values[s] = g_new (double, MAX (1, self->n_rows));
  for (guint r = 0; r < self->n_rows; r++)
    self->values[s][r] = NAN;
  self->label_boxes[s] = g_new0 (double, 4 * MAX (1, self->n_rows));
  self->n_series++;
  return s;
}

void
nv_hbars_set_value (NvHBars *self, guint series, guint row, double value)
{
  g_return_if_fail (series < self->n_series && row < self->n_rows);
  self->values[series][row] = value;
}

guint
nv_hbars_get_n_series (NvHBars *self)
{
  return self->n_series;
}

static double
bar_h (const NvChartStyle *style)
{
  return MAX (10, style->font_size * 0.9);
}

gboolean
nv_hbars_get_value_label (NvHBars *self, guint series, guint row, double *x, double *y,
                          double *width, double *height)
{
  const double *box;

  g_return_val_if_fail (series < self->n_series && row < self->n_rows, FALSE);
  box = self->label_boxes[series] + 4 * row;
  if (x != NULL)
    *x = box[0];
  if (y != NULL)
    *y = box[1];
  if (width != NULL)
    *width = box[2];
  if (height != NULL)
    *height = box[3];
  return box[2] > 0;
}

static void
note_label (NvHBars *self, guint s, guint r, double x, double y, double w, double h)
{
  double *box = self->label_boxes[s] + 4 * r;

  box[0] = x;
  box[1] = y;
  box[2] = w;
  box[3] = h;
}

/* A value label is one line of small text; the row's bars must each give
 * it that much height to carry it beside their end. */
static double
value_line (const NvChartStyle *style)
{
  return style->font_size * 0.9 * 1.25;
}

double
nv_hbars_natural_height (NvHBars *self, const NvChartStyle *style)
{
  double line = style->font_size * 1.4;
  double slot = MAX (bar_h (style) + 1, value_line (style));
  double row = MAX (line, self->n_series * slot + 2) + 10;

  return 2 * PAD + (self->title != NULL ? line * 1.3 + 8 : 0) + line + 8 + self->n_rows * row +
         line + 6;
}

/* Series 0 solid, 1 striped, 2 outlined: told apart without colour. */
static void
fill_bar (cairo_t *cr, guint s, double x, double y, double w, double h, const NvChartStyle *style)
{
  nv_chart_set_color (cr, &style->series[s]);
  if (s == 0)
    {
      cairo_rectangle (cr, x, y, w, h);
      cairo_fill (cr);
      return;
    }
  cairo_save (cr);
  cairo_rectangle (cr, x + 0.75, y + 0.75, MAX (0, w - 1.5), h - 1.5);
  cairo_set_line_width (cr, 1.5);
  cairo_stroke_preserve (cr);
  if (s == 1)
    {
      cairo_clip (cr);
      cairo_set_line_width (cr, 1.5);
      for (double d = -h; d < w + h; d += 5)
        {
          cairo_move_to (cr, x + d, y + h);
          cairo_line_to (cr, x + d + h, y);
        }
      cairo_stroke (cr);
    }
  cairo_new_path (cr);
  cairo_restore (cr);
}

static void
draw_value (NvHBars *self, NvChartText *text, guint s, guint r, const char *label, double x,
            double y, double tw, double th, const NvChartColor *color)
{
  nv_chart_text_draw (text, text->small, label, x, y, tw + 1, color);
  note_label (self, s, r, x, y, tw, th);
}

/* Two layouts. Where each bar is tall enough for a line of text (the
 * overview, exports), its value sits beside its end. Where the rows are too
 * short for that (a projector slide: big text, ten rows, up to three series)
 * the values move into one column per series right of the bars, on the
 * row's middle line, each column headed by its series' swatch — so every
 * value stays on screen at the slide's font size, and the bars fill the row. */
void
nv_hbars_draw (NvHBars *self, cairo_t *cr, double width, double height, const NvChartStyle *style)
{
  NvChartText text;
  double top = PAD, tw, th, label_w = 0, value_w, value_h, bh = bar_h (style), row_h, plot_x,
         plot_w, slot, col_w = 0, cols_x = 0, gap;
  double legend_x = PAD, legend_h = 0;
  guint n = MAX (1, self->n_series);
  gboolean columns;

  for (guint s = 0; s < self->n_series; s++)
    memset (self->label_boxes[s], 0, sizeof (double) * 4 * MAX (1, self->n_rows));
  nv_chart_begin_figure (cr, style);
  nv_chart_text_init (&text, cr, style);
  if (self->title != NULL)
    {
      nv_chart_text_size (&text, text.bold, self->title, width - 2 * PAD, &tw, &th);
      nv_chart_text_draw (&text, text.bold, self->title, PAD, top, width - 2 * PAD,
                          &style->foreground);
      top += th + 8;
    }
  /* Legend: entries wrap to a new line rather than drop out. */
  for (guint s = 0; s < self->n_series; s++)
    {
      double room;

      nv_chart_text_size (&text, text.small, self->series_names[s], 0, &tw, &th);
      if (legend_x > PAD && legend_x + 22 + tw > width - PAD)
        {
          legend_x = PAD;
          top += legend_h + 4;
        }
      legend_h = th;
      room = MAX (10, width - PAD - legend_x - 22);
      fill_bar (cr, s, legend_x, top + (th - MIN (bh, th * 0.6)) / 2, 16, MIN (bh, th * 0.6),
                style);
      nv_chart_text_draw (&text, text.small, self->series_names[s], legend_x + 22, top,
                          MIN (tw + 1, room), &style->foreground);
      legend_x += 22 + MIN (tw, room) + 18;
    }
  top += legend_h + 8;

  for (guint r = 0; r < self->n_rows; r++)
    if (self->row_labels[r] != NULL)
      {
        nv_chart_text_size (&text, text.small, self->row_labels[r], 0, &tw, &th);
        label_w = MAX (label_w, tw);
      }
  label_w = MIN (label_w + 10, width * 0.42);
  nv_chart_text_size (&text, text.small, "4,44", 0, &value_w, &value_h);
  gap = MAX (6, style->font_size * 0.6);
  plot_x = PAD + label_w;
  row_h = (height - top - PAD - value_h - 6) / MAX (1, self->n_rows);
  slot = MAX (value_h, value_line (style));
  columns = self->n_series > 0 && (row_h - 4) / n < slot;
  if (columns)
    {
      /* Swatch headings over the value columns. */
      double sw_h = MIN (bh, value_h * 0.6);

      col_w = value_w + gap;
      cols_x = width - PAD - n * col_w;
      for (guint s = 0; s < self->n_series; s++)
        fill_bar (cr, s, cols_x + s * col_w + gap, top, value_w, sw_h, style);
      top += sw_h + 6;
      row_h = (height - top - PAD - value_h - 6) / MAX (1, self->n_rows);
      plot_w = MAX (20, cols_x - gap - plot_x);
      bh = MAX (3, (row_h * 0.8 - (n - 1)) / n);
      slot = bh + 1;
    }
  else
    {
      plot_w = MAX (20, width - plot_x - PAD - value_w - 6);
      bh = MAX (3, MIN (bh, slot - 1));
    }

  /* Scale ticks at whole numbers, with a grid. */
  for (double v = ceil (self->min); v <= self->max + 1e-9; v += 1)
    {
      double x = floor (plot_x + (v - self->min) / (self->max - self->min) * plot_w) + 0.5;
      g_autofree char *s = nv_format_value (v, 0);

      nv_chart_set_color (cr, &style->grid);
      cairo_set_line_width (cr, 1);
      cairo_move_to (cr, x, top);
      cairo_line_to (cr, x, top + row_h * self->n_rows);
      cairo_stroke (cr);
      nv_chart_text_size (&text, text.small, s, 0, &tw, &th);
      nv_chart_text_draw (&text, text.small, s, x - tw / 2, top + row_h * self->n_rows + 4,
                          tw + 1, &style->muted);
    }
  for (guint r = 0; r < self->n_rows; r++)
    {
      double y = top + r * row_h;
      double group_h = (n - 1) * slot + bh;
      double gy = y + (row_h - group_h) / 2;

      if (self->row_labels[r] != NULL)
        {
          /* A name longer than the label column wraps onto the lines the
           * row has room for; only a name that does not fit even so is
           * ellipsized. */
          nv_chart_text_size (&text, text.small, self->row_labels[r], 0, &tw, &th);
          if (tw > label_w - 10)
            nv_chart_text_wrapped_size (&text, text.small, self->row_labels[r], label_w - 10,
                                        &tw, &th);
          if (th > row_h + 2)
            {
              nv_chart_text_size (&text, text.small, self->row_labels[r], label_w - 10, &tw, &th);
              nv_chart_text_draw (&text, text.small, self->row_labels[r], PAD,
                                  y + (row_h - th) / 2, label_w - 10, &style->foreground);
            }
          else
            nv_chart_text_draw_wrapped (&text, text.small, self->row_labels[r], PAD,
                                        y + (row_h - th) / 2, label_w - 10, &style->foreground);
        }
      for (guint s = 0; s < self->n_series; s++)
        {
          double v = self->values[s][r], by = gy + s * slot;
          g_autofree char *label = NULL;
          double w;

          if (isnan (v))
            {
              nv_chart_text_size (&text, text.small, "–", 0, &tw, &th);
              if (columns)
                nv_chart_text_draw (&text, text.small, "–", cols_x + (s + 1) * col_w - tw,
                                    y + (row_h - th) / 2, tw + 1, &style->muted);
              else
                nv_chart_text_draw (&text, text.small, "–", plot_x + 4, by + (bh - th) / 2,
                                    tw + 1, &style->muted);
              continue;
            }
          w = (CLAMP (v, self->min, self->max) - self->min) / (self->max - self->min) * plot_w;
          fill_bar (cr, s, plot_x, by, MAX (w, 2), bh, style);
          label = nv_format_value (v, 2);
          nv_chart_text_size (&text, text.small, label, 0, &tw, &th);
          if (columns)
            draw_value (self, &text, s, r, label, cols_x + (s + 1) * col_w - tw,
                        y + (row_h - th) / 2, tw, th, &style->foreground);
          else
            draw_value (self, &text, s, r, label, plot_x + w + 4, by + (bh - th) / 2, tw, th,
                        &style->foreground);
        }
    }
  nv_chart_set_color (cr, &style->axis);
  cairo_move_to (cr, floor (plot_x) + 0.5, top);
  cairo_line_to (cr, floor (plot_x) + 0.5, top + row_h * self->n_rows);
  cairo_stroke (cr);
  nv_chart_text_clear (&text);
  cairo_restore (cr);
}

gboolean
nv_hbars_export (NvHBars *self, const char *path, double width, double height,
                 const NvChartStyle *style, GError **error)
{

  return nv_chart_export_drawing (path, width, height, self->title,
                                  (NvChartDrawFunc) nv_hbars_draw,
                                  self, style, error);
}
