/* nv-heatmap.c — rows × columns on one colour scale (see nv-heatmap.h).
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
#include "nv-heatmap.h"

#define PAD 10.0
#define ROW_MIN 28.0
#define LEGEND_H 14.0

struct _NvHeatmap
{
  guint n_rows, n_columns;
  char *title;
  char *masked_label;
  gboolean for_export;
  char **row_labels;
  char **column_labels;
  double *values;
  gboolean *masked;
};

typedef struct
{
  double title_h;
  double label_w;   /* row label column */
  double header_y, header_h;
  NvChartRect grid;
  double cell_w, cell_h;
  double legend_y, legend_w;
  gboolean show_hatch;     /* the «fewer than 5» entry */
  double hatch_x, hatch_dy; /* its place; dy below legend_y */
  double hatch_label_w;     /* its text wraps to this width, never cut */
  NvChartAxis scale;
  guint label_every; /* column labels: every n-th */
} Layout;

/* A sequential ramp (light yellow → orange → dark red), in sRGB. */
static const double ramp[][3] = {
  { 0.996, 0.941, 0.851 }, { 0.992, 0.800, 0.541 }, { 0.988, 0.553, 0.349 },
  { 0.890, 0.290, 0.200 }, { 0.702, 0.000, 0.000 },
};

NvHeatmap *
nv_heatmap_new (guint n_rows, guint n_columns)
{
  NvHeatmap *self = g_new0 (NvHeatmap, 1);

  self->n_rows = n_rows;
  self->n_columns = n_columns;
  self->row_labels = g_new0 (char *, n_rows + 1);
  self->column_labels = g_new0 (char *, n_columns + 1);
  self->values = g_new (double, MAX (1, n_rows * n_columns));
  self->masked = g_new0 (gboolean, MAX (1, n_rows * n_columns));
  for (guint i = 0; i < n_rows * n_columns; i++)
    self->values[i] = NAN;
  return self;
}

void
nv_heatmap_free (NvHeatmap *self)
{
  if (self == NULL)
    return;
  g_free (self->title);
  g_free (self->masked_label);
  g_strfreev (self->row_labels);
  g_strfreev (self->column_labels);
  g_free (self->values);
  g_free (self->masked);
  g_free (self);
}

void
nv_heatmap_set_title (NvHeatmap *self, const char *title)
{
  g_free (self->title);
  self->title = g_strdup (title);
}

void
nv_heatmap_set_row_label (NvHeatmap *self, guint row, const char *label)
{
  g_return_if_fail (row < self->n_rows);
  g_free (self->row_labels[row]);
  self->row_labels[row] = g_strdup (label);
}

void
nv_heatmap_set_column_label (NvHeatmap *self, guint column, const char *label)
{
  g_return_if_fail (column < self->n_columns);
  g_free (self->column_labels[column]);
  self->column_labels[column] = g_strdup (label);
}

void
nv_heatmap_set_value (NvHeatmap *self, guint row, guint column, double value, gboolean masked)
{
  g_return_if_fail (row < self->n_rows && column < self->n_columns);
  self->values[row * self->n_columns + column] = value;
  self->masked[row * self->n_columns + column] = masked;
}

void
nv_heatmap_set_masked_label (NvHeatmap *self, const char *label)
{
  g_free (self->masked_label);
  self->masked_label = g_strdup (label);
}

void
nv_heatmap_set_for_export (NvHeatmap *self, gboolean for_export)
{
  self->for_export = for_export;
}

guint
nv_heatmap_get_n_rows (NvHeatmap *self)
{
  return self->n_rows;
}

guint
nv_heatmap_get_n_columns (NvHeatmap *self)
{
  return self->n_columns;
}

/* Is cell @i coloured on the scale? Masked cells never are: a figure from
 * fewer than 5 persons must not stretch the scale of everyone else, and is
 * shown (on the leader's own screen) as a number on the hatch only. */
static gboolean
shown (NvHeatmap *self, guint i)
{
  return !isnan (self->values[i]) && !self->masked[i];
}

static gboolean
any_masked (NvHeatmap *self)
{
  for (guint i = 0; i < self->n_rows * self->n_columns; i++)
    if (self->masked[i])
      return TRUE;
  return FALSE;
}

static void
compute_scale (NvHeatmap *self, NvChartAxis *scale)
{
  double lo = NAN, hi = NAN;

  for (guint i = 0; i < self->n_rows * self->n_columns; i++)
    if (shown (self, i))
      {
        lo = isnan (lo) ? self->values[i] : MIN (lo, self->values[i]);
        hi = isnan (hi) ? self->values[i] : MAX (hi, self->values[i]);
      }
  nv_chart_axis_compute (scale, lo, hi, FALSE, 5);
}

static void
ramp_color (double t, double rgb[3])
{
  double pos = CLAMP (t, 0, 1) * (G_N_ELEMENTS (ramp) - 1);
  guint i = MIN ((guint) pos, G_N_ELEMENTS (ramp) - 2);
  double f = pos - i;

  for (int c = 0; c < 3; c++)
    rgb[c] = ramp[i][c] + (ramp[i + 1][c] - ramp[i][c]) * f;
}

void
nv_heatmap_color_for (NvHeatmap *self, double value, double rgb[3])
{
  NvChartAxis scale;

  compute_scale (self, &scale);
  ramp_color (nv_chart_axis_normalize (&scale, value), rgb);
}

static void
compute_layout (NvHeatmap *self, NvChartText *text, double width, double height, Layout *l)
{
  double tw, th, top = PAD, widest_col = 0;

  compute_scale (self, &l->scale);
  l->title_h = 0;
  if (self->title != NULL)
    {
      nv_chart_text_wrapped_size (text, text->bold, self->title, width - 2 * PAD, &tw, &th);
      l->title_h = th + 8;
      top += l->title_h;
    }
  l->label_w = 0;
  for (guint r = 0; r < self->n_rows; r++)
    if (self->row_labels[r] != NULL)
      {
        nv_chart_text_size (text, text->small, self->row_labels[r], 0, &tw, &th);
        l->label_w = MAX (l->label_w, tw);
      }
  l->label_w = MIN (l->label_w + 8, width * 0.38);
  for (guint c = 0; c < self->n_columns; c++)
    if (self->column_labels[c] != NULL)
      {
        nv_chart_text_size (text, text->small, self->column_labels[c], 0, &tw, &th);
        widest_col = MAX (widest_col, tw);
      }
  nv_chart_text_size (text, text->small, "Q", 0, &tw, &th);
  l->header_y = top;
  l->header_h = th + 6;
  l->grid.x = PAD + l->label_w;
  l->grid.y = top + l->header_h;
  l->grid.width = MAX (10, width - l->grid.x - PAD);
  /* Legend: a bar and its value labels, plus the hatch entry — beside the
   * bar when its text fits there in a few words a line, else on its own
   * line below; its text wraps rather than being cut off. */
  {
    double legend_h = LEGEND_H + 6 + th, lh = 0;

    l->legend_w = MIN (l->grid.width * 0.6, 420);
    l->show_hatch = self->masked_label != NULL && any_masked (self);
    if (l->show_hatch)
      {
        l->hatch_x = l->grid.x + l->legend_w + 24;
        l->hatch_dy = 0;
        l->hatch_label_w = width - PAD - l->hatch_x - 28;
        if (l->hatch_label_w < 120)
          {
            l->hatch_x = l->grid.x;
            l->hatch_dy = legend_h + 6;
            l->hatch_label_w = MAX (10, width - PAD - l->hatch_x - 28);
          }
        nv_chart_text_wrapped_size (text, text->small, self->masked_label, l->hatch_label_w, NULL,
                                    &lh);
        legend_h = MAX (legend_h, l->hatch_dy + MAX (LEGEND_H, lh));
      }
    l->legend_y = height - PAD - legend_h;
  }
  l->grid.height = MAX (10, l->legend_y - 12 - l->grid.y);
  l->cell_w = self->n_columns > 0 ? l->grid.width / self->n_columns : l->grid.width;
  l->cell_h = self->n_rows > 0 ? l->grid.height / self->n_rows : l->grid.height;
  l->label_every = 1;
  while (l->label_every < self->n_columns && l->cell_w * l->label_every < widest_col + 8)
    l->label_every++;
}

static void
with_layout (NvHeatmap *self, cairo_t *cr, double width, double height, const NvChartStyle *style,
             NvChartText *text, Layout *l)
{
  nv_chart_text_init (text, cr, style);
  compute_layout (self, text, width, height, l);
}

static void
hatch (cairo_t *cr, double x, double y, double w, double h, const NvChartColor *color)
{
  cairo_save (cr);
  cairo_rectangle (cr, x, y, w, h);
  cairo_clip (cr);
  nv_chart_set_color (cr, color);
  cairo_set_line_width (cr, 1.5);
  for (double d = -h; d < w + h; d += 7)
    {
      cairo_move_to (cr, x + d, y + h);
      cairo_line_to (cr, x + d + h, y);
    }
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
draw_legend (NvHeatmap *self, cairo_t *cr, NvChartText *text, const NvChartStyle *style,
             const Layout *l, double width)
{
  double x = l->grid.x, w = l->legend_w, y = l->legend_y, tw, th;
  cairo_pattern_t *gradient = cairo_pattern_create_linear (x, 0, x + w, 0);

  for (guint i = 0; i < G_N_ELEMENTS (ramp); i++)
    cairo_pattern_add_color_stop_rgb (gradient, (double) i / (G_N_ELEMENTS (ramp) - 1),
                                      ramp[i][0], ramp[i][1], ramp[i][2]);
  cairo_rectangle (cr, x, y, w, LEGEND_H);
  cairo_set_source (cr, gradient);
  cairo_fill (cr);
  cairo_pattern_destroy (gradient);
  for (guint i = 0; i < l->scale.n_ticks; i++)
    {
      double v = nv_chart_axis_tick (&l->scale, i);
      double tx = floor (x + nv_chart_axis_normalize (&l->scale, v) * w) + 0.5;
      g_autofree char *s = nv_format_value_percent (v, l->scale.decimals);

      nv_chart_set_color (cr, &style->axis);
      cairo_set_line_width (cr, 1);
      cairo_move_to (cr, tx, y + LEGEND_H);
      cairo_line_to (cr, tx, y + LEGEND_H + 4);
      cairo_stroke (cr);
      nv_chart_text_size (text, text->small, s, 0, &tw, &th);
      nv_chart_text_draw (text, text->small, s, CLAMP (tx - tw / 2, PAD, width - PAD - tw),
                          y + LEGEND_H + 4, tw + 1, &style->muted);
    }
  if (l->show_hatch)
    {
      double hx = l->hatch_x, hy = y + l->hatch_dy;

      hatch (cr, hx, hy, 22, LEGEND_H, &style->hatch);
      nv_chart_text_draw_wrapped (text, text->small, self->masked_label, hx + 28, hy - 1,
                                  l->hatch_label_w, &style->foreground);
    }
}

void
nv_heatmap_draw (NvHeatmap *self, cairo_t *cr, double width, double height,
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
  for (guint c = 0; c < self->n_columns; c += l.label_every)
    if (self->column_labels[c] != NULL)
      {
        nv_chart_text_size (&text, text.small, self->column_labels[c], 0, &tw, &th);
        nv_chart_text_draw (&text, text.small, self->column_labels[c],
                            l.grid.x + c * l.cell_w + MAX (0, (l.cell_w - tw) / 2), l.header_y,
                            l.cell_w * l.label_every, &style->muted);
      }
  for (guint r = 0; r < self->n_rows; r++)
    {
      double y = l.grid.y + r * l.cell_h;

      if (self->row_labels[r] != NULL)
        {
          nv_chart_text_size (&text, text.small, self->row_labels[r], l.label_w - 8, &tw, &th);
          nv_chart_text_draw (&text, text.small, self->row_labels[r], PAD,
                              y + (l.cell_h - th) / 2, l.label_w - 8, &style->foreground);
        }
      for (guint c = 0; c < self->n_columns; c++)
        {
          guint i = r * self->n_columns + c;
          double x = l.grid.x + c * l.cell_w, v = self->values[i];
          double cx = floor (x) + 1, cy = floor (y) + 1;
          double cw = floor (x + l.cell_w) - floor (x) - 2, ch = floor (y + l.cell_h) - floor (y) - 2;
          g_autofree char *s = NULL;
          NvChartColor ink = style->foreground;

          if (shown (self, i))
            {
              double rgb[3];

              ramp_color (nv_chart_axis_normalize (&l.scale, v), rgb);
              cairo_set_source_rgb (cr, rgb[0], rgb[1], rgb[2]);
              cairo_rectangle (cr, cx, cy, cw, ch);
              cairo_fill (cr);
              /* Dark text on the light end, white on the dark end. */
              ink = (NvChartColor){ 0.1, 0.1, 0.1, 1 };
              if (0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2] < 0.45)
                ink = (NvChartColor){ 1, 1, 1, 1 };
              s = nv_format_value (v, 1);
            }
          else if (isnan (v))
            s = g_strdup ("–");
          else if (!self->for_export)
            s = nv_format_value (v, 1); /* masked, on the leader's own screen */
          if (self->masked[i])
            hatch (cr, cx, cy, cw, ch, &style->hatch);
          if (s != NULL)
            {
              nv_chart_text_size (&text, text.small, s, 0, &tw, &th);
              if (tw + 4 <= cw && th <= ch)
                nv_chart_text_draw (&text, text.small, s, cx + (cw - tw) / 2, cy + (ch - th) / 2,
                                    tw + 1, isnan (v) ? &style->muted : &ink);
            }
        }
    }
  draw_legend (self, cr, &text, style, &l, width);
  nv_chart_text_clear (&text);
  cairo_restore (cr);
}

double
nv_heatmap_natural_height (NvHeatmap *self, const NvChartStyle *style)
{
  double line = style->font_size * 1.4;

  /* The hatch entry may take a line of its own below the bar. */
  return PAD * 2 + (self->title != NULL ? line * 1.3 + 8 : 0) + line + 6 + self->n_rows * ROW_MIN +
         12 + LEGEND_H + 6 + line + (self->masked_label != NULL ? 6 + line : 0);
}

gboolean
nv_heatmap_hit_test (NvHeatmap *self, double width, double height, const NvChartStyle *style,
                     double x, double y, int *row, int *column)
{
  cairo_t *cr = nv_chart_scratch_context ();
  NvChartText text;
  Layout l;

  with_layout (self, cr, width, height, style, &text, &l);
  nv_chart_text_clear (&text);
  cairo_destroy (cr);
  if (y < l.grid.y || y >= l.grid.y + l.grid.height || x < PAD ||
      x >= l.grid.x + l.grid.width || self->n_rows == 0)
    return FALSE;
  *row = (int) ((y - l.grid.y) / l.cell_h);
  *column = x < l.grid.x ? -1 : (int) ((x - l.grid.x) / l.cell_w);
  *row = MIN (*row, (int) self->n_rows - 1);
  *column = MIN (*column, (int) self->n_columns - 1);
  return TRUE;
}

gboolean
nv_heatmap_export (NvHeatmap *self, const char *path, double width, double height,
                   const NvChartStyle *style, GError **error)
{
  gboolean was = self->for_export, ok;

  self->for_export = TRUE;
  ok = nv_chart_export_drawing (path, width, height, self->title,
                                (NvChartDrawFunc) nv_heatmap_draw,
                                self, style, error);
  self->for_export = was;
  return ok;
}
