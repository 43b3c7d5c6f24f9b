/* nv-scatter.c — scatter plot with a fitted line (see nv-scatter.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-chart"

#include "config.h"

#include <math.h>

#include "nv-chart-axis.h"
#include "nv-chart-export.h"
#include "nv-format.h"
#include "nv-chart-private.h"
#include "nv-scatter.h"

#define POINT_R 6.0
#define PAD 10.0

typedef struct
{
  double x, y;
  char *label;
} Point;

struct _NvScatter
{
  char *title;
  char *x_label;
  char *y_label;
  char *line_label;
  gboolean y_percent;
  double intercept, slope;
  GArray *points;
};

typedef struct
{
  NvChartRect plot;
  NvChartAxis x_axis, y_axis;
  double title_h, legend_y, x_ticks_y, x_label_y;
} Layout;

static void
point_clear (Point *p)
{
  g_free (p->label);
}

NvScatter *
nv_scatter_new (void)
{
  NvScatter *self = g_new0 (NvScatter, 1);

  self->points = g_array_new (FALSE, TRUE, sizeof (Point));
  g_array_set_clear_func (self->points, (GDestroyNotify) point_clear);
  self->slope = self->intercept = NAN;
  return self;
}

void
nv_scatter_free (NvScatter *self)
{
  if (self == NULL)
    return;
  g_free (self->title);
  g_free (self->x_label);
  g_free (self->y_label);
  g_free (self->line_label);
  g_array_unref (self->points);
  g_free (self);
}

void
nv_scatter_set_title (NvScatter *self, const char *title)
{
  g_free (self->title);
  self->title = g_strdup (title);
}

const char *
nv_scatter_get_title (NvScatter *self)
{
  return self->title;
}

void
nv_scatter_set_x_label (NvScatter *self, const char *label)
{
  g_free (self->x_label);
  self->x_label = g_strdup (label);
}

void
nv_scatter_set_y_label (NvScatter *self, const char *label)
{
  g_free (self->y_label);
  self->y_label = g_strdup (label);
}

void
nv_scatter_set_y_percent (NvScatter *self, gboolean percent)
{
  self->y_percent = percent;
}

void
nv_scatter_add_point (NvScatter *self, double x, double y, const char *label)
{
  Point p = { x, y, g_strdup (label) };

  g_array_append_val (self->points, p);
}

guint
nv_scatter_get_n_points (NvScatter *self)
{
  return self->points->len;
}

void
nv_scatter_set_line (NvScatter *self, double intercept, double slope, const char *label)
{
  self->intercept = intercept;
  self->slope = slope;
  g_free (self->line_label);
  self->line_label = g_strdup (label);
}

static gboolean
has_line (NvScatter *self)
{
  return !isnan (self->slope) && !isnan (self->intercept);
}

static char *
tick_text (const NvChartAxis *axis, guint i, gboolean percent)
{
  g_autofree char *number = nv_format_value (nv_chart_axis_tick (axis, i), axis->decimals);

  return percent ? g_strdup_printf ("%s %%", number) : g_steal_pointer (&number);
}

static void
compute_layout (NvScatter *self, NvChartText *text, const NvChartStyle *style, double width,
                double height, Layout *l)
{
  double xmin = NAN, xmax = NAN, ymin = NAN, ymax = NAN, tw, th, y_tick_w = 0;
  double top = PAD, bottom = height - PAD;

  for (guint i = 0; i < self->points->len; i++)
    {
      const Point *p = &g_array_index (self->points, Point, i);

      xmin = isnan (xmin) ? p->x : MIN (xmin, p->x);
      xmax = isnan (xmax) ? p->x : MAX (xmax, p->x);
      ymin = isnan (ymin) ? p->y : MIN (ymin, p->y);
      ymax = isnan (ymax) ? p->y : MAX (ymax, p->y);
    }
  nv_chart_axis_compute (&l->x_axis, xmin, xmax, FALSE, 6);
  nv_chart_axis_compute (&l->y_axis, ymin, ymax, self->y_percent, 6);

  l->title_h = 0;
  if (self->title != NULL)
    {
      nv_chart_text_wrapped_size (text, text->bold, self->title, width - 2 * PAD, &tw, &th);
      l->title_h = th + 6;
      top += l->title_h;
    }
  l->legend_y = top;
  if (has_line (self) && self->line_label != NULL)
    {
      nv_chart_text_wrapped_size (text, text->small, self->line_label, width - 2 * PAD - 40, &tw,
                                  &th);
      top += th + 6;
    }
  if (self->y_label != NULL)
    {
      nv_chart_text_wrapped_size (text, text->small, self->y_label, width - 2 * PAD, &tw, &th);
      top += th + 4;
    }
  if (self->x_label != NULL)
    {
      nv_chart_text_wrapped_size (text, text->normal, self->x_label, width - 2 * PAD, &tw, &th);
      bottom -= th;
      l->x_label_y = bottom;
      bottom -= 4;
    }
  nv_chart_text_size (text, text->small, "0", 0, &tw, &th);
  bottom -= th + 6;
  l->x_ticks_y = bottom + 6;
  for (guint i = 0; i < l->y_axis.n_ticks; i++)
    {
      g_autofree char *s = tick_text (&l->y_axis, i, self->y_percent);

      nv_chart_text_size (text, text->small, s, 0, &tw, &th);
      y_tick_w = MAX (y_tick_w, tw);
    }
  l->plot.x = PAD + y_tick_w + 8;
  l->plot.y = top + 4;
  l->plot.width = MAX (10, width - l->plot.x - PAD - 4);
  l->plot.height = MAX (10, bottom - l->plot.y);
}

static double
px (const Layout *l, double x)
{
  return l->plot.x + nv_chart_axis_normalize (&l->x_axis, x) * l->plot.width;
}

static double
py (const Layout *l, double y)
{
  return l->plot.y + (1 - nv_chart_axis_normalize (&l->y_axis, y)) * l->plot.height;
}

static void
with_layout (NvScatter *self, cairo_t *cr, double width, double height, const NvChartStyle *style,
             NvChartText *text, Layout *l)
{
  nv_chart_text_init (text, cr, style);
  compute_layout (self, text, style, width, height, l);
}

void
nv_scatter_draw (NvScatter *self, cairo_t *cr, double width, double height,
                 const NvChartStyle *style)
{
  NvChartText text;
  Layout l;
  double tw, th;

  nv_chart_begin_figure (cr, style);
  with_layout (self, cr, width, height, style, &text, &l);

  if (self->title != NULL)
    nv_chart_text_draw_wrapped (&text, text.bold, self->title, PAD, PAD, width - 2 * PAD,
                                &style->foreground);
  if (has_line (self) && self->line_label != NULL)
    {
      double y = l.legend_y + 2;

      nv_chart_text_wrapped_size (&text, text.small, self->line_label, width - 2 * PAD - 40, &tw,
                                  &th);
      nv_chart_text_size (&text, text.small, "0", 0, NULL, &th); /* the sample at line 1 */
      nv_chart_set_color (cr, &style->series[1]);
      cairo_set_line_width (cr, 2.5);
      cairo_set_dash (cr, (double[]){ 8, 5 }, 2, 0);
      cairo_move_to (cr, PAD, y + th / 2);
      cairo_line_to (cr, PAD + 30, y + th / 2);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
      nv_chart_text_draw_wrapped (&text, text.small, self->line_label, PAD + 38, y,
                                  width - 2 * PAD - 40, &style->foreground);
    }
  if (self->y_label != NULL)
    {
      nv_chart_text_wrapped_size (&text, text.small, self->y_label, width - 2 * PAD, &tw, &th);
      nv_chart_text_draw_wrapped (&text, text.small, self->y_label, PAD, l.plot.y - th - 8,
                                  width - 2 * PAD, &style->muted);
    }

  /* Grid and ticks. */
  cairo_set_line_width (cr, 1);
  for (guint i = 0; i < l.y_axis.n_ticks; i++)
    {
      double y = floor (py (&l, nv_chart_axis_tick (&l.y_axis, i))) + 0.5;
      g_autofree char *s = tick_text (&l.y_axis, i, self->y_percent);

      nv_chart_set_color (cr, &style->grid);
      cairo_move_to (cr, l.plot.x, y);
      cairo_line_to (cr, l.plot.x + l.plot.width, y);
      cairo_stroke (cr);
      nv_chart_text_size (&text, text.small, s, 0, &tw, &th);
      nv_chart_text_draw (&text, text.small, s, l.plot.x - 8 - tw, y - th / 2, tw + 1,
                          &style->muted);
    }
  for (guint i = 0; i < l.x_axis.n_ticks; i++)
    {
      double x = floor (px (&l, nv_chart_axis_tick (&l.x_axis, i))) + 0.5;
      g_autofree char *s = tick_text (&l.x_axis, i, FALSE);

      nv_chart_set_color (cr, &style->grid);
      cairo_move_to (cr, x, l.plot.y);
      cairo_line_to (cr, x, l.plot.y + l.plot.height);
      cairo_stroke (cr);
      nv_chart_text_size (&text, text.small, s, 0, &tw, &th);
      nv_chart_text_draw (&text, text.small, s, x - tw / 2, l.x_ticks_y, tw + 1, &style->muted);
    }
  nv_chart_set_color (cr, &style->axis);
  cairo_rectangle (cr, floor (l.plot.x) + 0.5, floor (l.plot.y) + 0.5, floor (l.plot.width),
                   floor (l.plot.height));
  cairo_stroke (cr);
  if (self->x_label != NULL)
    {
      nv_chart_text_wrapped_size (&text, text.normal, self->x_label, width - 2 * PAD, &tw, &th);
      nv_chart_text_draw_wrapped (&text, text.normal, self->x_label,
                                  MAX (PAD, l.plot.x + (l.plot.width - tw) / 2), l.x_label_y,
                                  width - 2 * PAD, &style->foreground);
    }

  cairo_save (cr);
  cairo_rectangle (cr, l.plot.x, l.plot.y, l.plot.width, l.plot.height);
  cairo_clip (cr);
  if (has_line (self))
    {
      double x0 = l.x_axis.min, x1 = l.x_axis.max;

      nv_chart_set_color (cr, &style->series[1]);
      cairo_set_line_width (cr, 2.5);
      cairo_set_dash (cr, (double[]){ 8, 5 }, 2, 0);
      cairo_move_to (cr, px (&l, x0), py (&l, self->intercept + self->slope * x0));
      cairo_line_to (cr, px (&l, x1), py (&l, self->intercept + self->slope * x1));
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
    }
  for (guint i = 0; i < self->points->len; i++)
    {
      const Point *p = &g_array_index (self->points, Point, i);
      double x = px (&l, p->x), y = py (&l, p->y);

      /* A fresh path: text drawing leaves a current point, and an arc would
       * join it with a line. */
      cairo_new_path (cr);
      cairo_arc (cr, x, y, POINT_R, 0, 2 * G_PI);
      nv_chart_set_color (cr, &style->series[0]);
      cairo_fill_preserve (cr);
      nv_chart_set_color (cr, style->background.a > 0 ? &style->background : &style->foreground);
      cairo_set_line_width (cr, 1.5);
      cairo_stroke (cr);
      if (p->label != NULL)
        {
          double room = l.plot.x + l.plot.width - (x + POINT_R + 4);

          nv_chart_text_size (&text, text.small, p->label, 0, &tw, &th);
          if (room >= MIN (tw, 60))
            nv_chart_text_draw (&text, text.small, p->label, x + POINT_R + 4, y - th / 2, room,
                                &style->foreground);
          else
            nv_chart_text_draw (&text, text.small, p->label, x - POINT_R - 4 - MIN (tw, 160),
                                y - th / 2, MIN (tw, 160) + 1, &style->foreground);
        }
    }
  cairo_restore (cr);
  nv_chart_text_clear (&text);
  cairo_restore (cr);
}

static void
layout_offscreen (NvScatter *self, double width, double height, const NvChartStyle *style,
                  Layout *l)
{
  cairo_t *cr = nv_chart_scratch_context ();
  NvChartText text;

  with_layout (self, cr, width, height, style, &text, l);
  nv_chart_text_clear (&text);
  cairo_destroy (cr);
}

void
nv_scatter_point_position (NvScatter *self, double width, double height,
                           const NvChartStyle *style, guint index, double *x, double *y)
{
  Layout l;
  const Point *p = &g_array_index (self->points, Point, index);

  layout_offscreen (self, width, height, style, &l);
  *x = px (&l, p->x);
  *y = py (&l, p->y);
}

int
nv_scatter_hit_test (NvScatter *self, double width, double height, const NvChartStyle *style,
                     double x, double y)
{
  Layout l;
  int best = -1;
  double best_d = (POINT_R + 4) * (POINT_R + 4);

  layout_offscreen (self, width, height, style, &l);
  for (guint i = 0; i < self->points->len; i++)
    {
      const Point *p = &g_array_index (self->points, Point, i);
      double dx = px (&l, p->x) - x, dy = py (&l, p->y) - y;

      if (dx * dx + dy * dy <= best_d)
        {
          best_d = dx * dx + dy * dy;
          best = (int) i;
        }
    }
  return best;
}

gboolean
nv_scatter_export (NvScatter *self, const char *path, double width, double height,
                   const NvChartStyle *style, GError **error)
{

  return nv_chart_export_drawing (path, width, height, self->title,
                                  (NvChartDrawFunc) nv_scatter_draw,
                                  self, style, error);
}
