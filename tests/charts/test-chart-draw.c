/* test-chart-draw.c — charts drawn into image, SVG and PDF surfaces.
 *
 * Pixel checks use positions worked out from the plot rectangle and the
 * axis range (which is itself checked against a hand-computed range first):
 * a value v on an axis 0..max lies at plot.y + plot.h × (1 − v / max).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define _GNU_SOURCE
#include "config.h"

#include <math.h>
#include <gio/gio.h>
#include <string.h>

#include "nv-chart-private.h"
#include "nv-test-util.h"

typedef struct
{
  guint8 r, g, b;
} Pixel;

static Pixel
pixel_at (cairo_surface_t *surface, int x, int y)
{
  unsigned char *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  guint32 value;
  Pixel p;

  g_assert_cmpint (x, >=, 0);
  g_assert_cmpint (y, >=, 0);
  g_assert_cmpint (x, <, cairo_image_surface_get_width (surface));
  g_assert_cmpint (y, <, cairo_image_surface_get_height (surface));
  cairo_surface_flush (surface);
  value = *(guint32 *) (data + y * stride + x * 4);
  p.r = (value >> 16) & 0xff;
  p.g = (value >> 8) & 0xff;
  p.b = value & 0xff;
  return p;
}

static gboolean
pixel_near (Pixel p, guint8 r, guint8 g, guint8 b, int tolerance)
{
  return ABS (p.r - r) <= tolerance && ABS (p.g - g) <= tolerance && ABS (p.b - b) <= tolerance;
}

/* A light style whose first two series are pure red and pure green. */
static void
test_style (NvChartStyle *style)
{
  nv_chart_style_init (style, NV_CHART_STYLE_LIGHT);
  style->series[0] = (NvChartColor) { 1, 0, 0, 1 };
  style->series[1] = (NvChartColor) { 0, 0.5, 0, 1 };
}

static cairo_surface_t *
render (NvChart *chart, double width, double height, double scale, const NvChartStyle *style)
{
  cairo_surface_t *surface =
    cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) (width * scale), (int) (height * scale));
  cairo_t *cr = cairo_create (surface);
  const char *outdir = g_getenv ("NV_CHART_TEST_OUTDIR");

  cairo_scale (cr, scale, scale);
  nv_chart_draw (chart, cr, width, height, style);
  cairo_destroy (cr);
  if (outdir != NULL)
    {
      static int counter;
      g_autofree char *name = g_strdup_printf ("%s/chart-%02d.png", outdir, ++counter);
      cairo_surface_write_to_png (surface, name);
    }
  return surface;
}

static void
test_line_points_and_gap (void)
{
  g_autoptr (NvChart) chart = nv_chart_new (NV_CHART_LINE);
  const double values[] = { 2, 4.5, NAN, 6.5 };
  NvChartStyle style;
  NvChartRect plot;
  NvChartAxis axis;
  cairo_surface_t *surface;
  double x, y;

  test_style (&style);
  nv_chart_set_title (chart, "Sick leave");
  nv_chart_set_quarters (chart, 2024, 1, 4);
  nv_chart_add_series (chart, "Unit", values);
  surface = render (chart, 600, 400, 1, &style);
  nv_chart_get_plot_area (chart, 600, 400, &style, &plot, &axis);

  /* 0–6.5 with zero: step 2 → 0, 2, 4, 6, 8. */
  g_assert_cmpfloat (axis.min, ==, 0);
  g_assert_cmpfloat (axis.max, ==, 8);

  /* The point of 4.5 in the second quarter: centre of its marker. */
  x = plot.x + plot.width * 1.5 / 4;
  y = plot.y + plot.height * (1 - 4.5 / 8);
  g_assert_true (pixel_near (pixel_at (surface, (int) x, (int) y), 255, 0, 0, 40));
  /* Halfway between quarter 1 (2) and quarter 2 (4.5): the line, at 3.25. */
  x = plot.x + plot.width * 1.0 / 4;
  y = plot.y + plot.height * (1 - 3.25 / 8);
  g_assert_true (pixel_near (pixel_at (surface, (int) x, (int) y), 255, 0, 0, 60));
  /* Quarter 3 is NaN: no line where 4.5 → 6.5 would pass (5.5). */
  x = plot.x + plot.width * 2.5 / 4;
  y = plot.y + plot.height * (1 - 5.5 / 8);
  g_assert_true (pixel_near (pixel_at (surface, (int) x, (int) y), 255, 255, 255, 2));
  /* And nothing red anywhere in that column's plot area. */
  for (int row = (int) plot.y; row < (int) (plot.y + plot.height); row++)
    {
      Pixel p = pixel_at (surface, (int) x, row);
      g_assert_false (p.r > 200 && p.g < 80 && p.b < 80);
    }
  cairo_surface_destroy (surface);
}

static void
test_dark_background (void)
{
  g_autoptr (NvChart) chart = nv_chart_new (NV_CHART_LINE);
  const double values[] = { 5, 6 };
  NvChartStyle style;
  cairo_surface_t *surface;

  nv_chart_style_init (&style, NV_CHART_STYLE_DARK);
  nv_chart_set_quarters (chart, 2024, 3, 2);
  nv_chart_add_series (chart, "Unit", values);
  surface = render (chart, 600, 400, 1, &style);
  /* #242424 in the corners, where no band places anything. */
  g_assert_true (pixel_near (pixel_at (surface, 1, 1), 0x24, 0x24, 0x24, 0));
  g_assert_true (pixel_near (pixel_at (surface, 598, 398), 0x24, 0x24, 0x24, 0));
  cairo_surface_destroy (surface);
}

/* First row from the top of the plot in column @x that is not background. */
static int
first_ink_row (cairo_surface_t *surface, int x, int from, int to)
{
  for (int row = from; row < to; row++)
    {
      Pixel p = pixel_at (surface, x, row);
      /* Grid lines are pale grey (≥ 220): skip them. */
      if (p.r < 200 || p.g < 200 || p.b < 200)
        return row;
    }
  return -1;
}

static void
test_grouped_bars (void)
{
  g_autoptr (NvChart) chart = nv_chart_new (NV_CHART_BARS);
  const double a[] = { 4, 6 };
  const double b[] = { 5, 3 };
  NvChartStyle style;
  NvChartRect plot;
  NvChartAxis axis;
  cairo_surface_t *surface;
  double cw, group, xc;
  int top;

  test_style (&style);
  nv_chart_set_value_labels (chart, FALSE);
  nv_chart_set_quarters (chart, 2025, 1, 2);
  nv_chart_add_series (chart, "Unit", a);
  nv_chart_add_series (chart, "Kommuner", b);
  surface = render (chart, 600, 400, 1, &style);
  nv_chart_get_plot_area (chart, 600, 400, &style, &plot, &axis);

  /* 0–6: step 1, exactly six intervals. */
  g_assert_cmpfloat (axis.max, ==, 6);
  cw = plot.width / 2;
  group = cw * 0.8;

  /* Unit, second quarter: value 6 → top of the plot. Left half of the group. */
  xc = plot.x + 1.5 * cw - group / 4;
  top = first_ink_row (surface, (int) xc, (int) plot.y - 5, (int) (plot.y + plot.height));
  g_assert_cmpint (ABS (top - (int) round (plot.y)), <=, 1);
  g_assert_true (pixel_near (pixel_at (surface, (int) xc, top + 3), 255, 0, 0, 0));

  /* Kommuner, first quarter: 5 of 6. Right half of the group. */
  xc = plot.x + 0.5 * cw + group / 4;
  top = first_ink_row (surface, (int) xc, (int) plot.y - 5, (int) (plot.y + plot.height));
  g_assert_cmpint (ABS (top - (int) round (plot.y + plot.height * (1 - 5.0 / 6))), <=, 1);

  /* Unit, first quarter: 4 of 6. */
  xc = plot.x + 0.5 * cw - group / 4;
  top = first_ink_row (surface, (int) xc, (int) plot.y - 5, (int) (plot.y + plot.height));
  g_assert_cmpint (ABS (top - (int) round (plot.y + plot.height * (1 - 4.0 / 6))), <=, 1);
  cairo_surface_destroy (surface);
}

static void
test_stacked_bars (void)
{
  g_autoptr (NvChart) chart = nv_chart_new (NV_CHART_STACKED);
  const double shortterm[] = { 3, NAN };
  const double longterm[] = { 2, NAN };
  NvChartStyle style;
  NvChartRect plot;
  NvChartAxis axis;
  cairo_surface_t *surface;
  double xc;
  int top, boundary;

  test_style (&style);
  nv_chart_set_value_labels (chart, FALSE);
  nv_chart_set_quarters (chart, 2025, 1, 2);
  nv_chart_add_series (chart, "Korttid", shortterm);
  nv_chart_add_series (chart, "Langtid", longterm);
  surface = render (chart, 600, 400, 1, &style);
  nv_chart_get_plot_area (chart, 600, 400, &style, &plot, &axis);

  /* The stack is 5: axis 0–5 in ones. */
  g_assert_cmpfloat (axis.max, ==, 5);
  xc = plot.x + plot.width / 4;
  top = first_ink_row (surface, (int) xc, (int) plot.y - 5, (int) (plot.y + plot.height));
  g_assert_cmpint (ABS (top - (int) round (plot.y)), <=, 1);
  /* Korttid (red) from 0 to 3; langtid above it from 3 to 5. */
  boundary = (int) round (plot.y + plot.height * (1 - 3.0 / 5));
  g_assert_true (pixel_near (pixel_at (surface, (int) xc, boundary + 3), 255, 0, 0, 0));
  g_assert_false (pixel_near (pixel_at (surface, (int) xc, boundary - 3), 255, 0, 0, 60));
  /* The second quarter has no data: empty column. */
  xc = plot.x + plot.width * 3 / 4;
  g_assert_cmpint (first_ink_row (surface, (int) xc, (int) plot.y + 2,
                                  (int) (plot.y + plot.height) - 2), ==, -1);
  cairo_surface_destroy (surface);
}

/* The tallest stack keeps its total above it even when the total is just
 * under a round axis maximum (1. kv. 2026, 11,9 %: issue 18, item 4). */
static void
test_stacked_total_on_tallest (void)
{
  g_autoptr (NvChart) chart = nv_chart_new (NV_CHART_STACKED);
  const double shortterm[] = { 2.0, 3.1, 4.2, 2.4 };
  const double longterm[] = { 5.0, 8.8, 4.0, 6.1 };
  NvChartStyle style;
  NvChartRect plot;
  NvChartAxis axis;
  cairo_surface_t *surface;
  double xc, bar_top;
  int ink;

  test_style (&style);
  nv_chart_set_value_labels (chart, TRUE);
  nv_chart_set_quarters (chart, 2025, 4, 4);
  nv_chart_add_series (chart, "Korttid", shortterm);
  nv_chart_add_series (chart, "Langtid", longterm);
  nv_chart_get_plot_area (chart, 600, 400, &style, &plot, &axis);
  surface = render (chart, 600, 400, 1, &style);

  /* Above the second stack (11,9) there is dark ink: its total. */
  xc = nv_chart_category_x (chart, &plot, 1);
  bar_top = plot.y + plot.height * (1 - 11.9 / axis.max);
  g_assert_cmpfloat (axis.max, >, 11.9);
  ink = first_ink_row (surface, (int) xc, MAX (0, (int) plot.y - 12), (int) bar_top - 1);
  g_assert_cmpint (ink, >=, 0);
  cairo_surface_destroy (surface);
}

/* Grid lines are one device pixel row at scale 1 and two at scale 2. */
static void
test_crisp_lines (void)
{
  g_autoptr (NvChart) chart = nv_chart_new (NV_CHART_LINE);
  const double values[] = { 7.3, 7.3 };
  NvChartStyle style;
  NvChartRect plot;
  NvChartAxis axis;
  double scales[] = { 1, 2 };

  test_style (&style);
  style.grid = (NvChartColor) { 0, 0, 0, 1 }; /* black, so a blur shows as grey */
  nv_chart_set_quarters (chart, 2025, 1, 2);
  nv_chart_add_series (chart, "Unit", values);
  nv_chart_get_plot_area (chart, 600, 400, &style, &plot, &axis);
  g_assert_cmpfloat (axis.max, ==, 8);

  for (guint k = 0; k < G_N_ELEMENTS (scales); k++)
    {
      double s = scales[k];
      cairo_surface_t *surface = render (chart, 600, 400, s, &style);
      /* Grid line of 4 (tick 2 of 0, 2, 4, 6, 8), left of the first point. */
      double y = floor (plot.y + plot.height * (1 - 4.0 / 8)) + 0.5;
      int x = (int) ((plot.x + 3) * s);
      int first = (int) floor ((y - 0.5) * s);
      int rows = (int) s;

      for (int r = 0; r < rows; r++)
        g_assert_true (pixel_near (pixel_at (surface, x, first + r), 0, 0, 0, 0));
      g_assert_true (pixel_near (pixel_at (surface, x, first - 1), 255, 255, 255, 0));
      g_assert_true (pixel_near (pixel_at (surface, x, first + rows), 255, 255, 255, 0));
      cairo_surface_destroy (surface);
    }
}

static void
test_masked_band (void)
{
  g_autoptr (NvChart) chart = nv_chart_new (NV_CHART_LINE);
  const double values[] = { 5, NAN, 6 };
  NvChartStyle style;
  NvChartRect plot;
  cairo_surface_t *surface;
  int ink_masked = 0, ink_free = 0;

  test_style (&style);
  nv_chart_set_masked_label (chart, "Fewer than 5 persons");
  nv_chart_set_quarters (chart, 2025, 1, 3);
  nv_chart_add_series (chart, "Unit", values);
  nv_chart_set_masked (chart, 0, 1, TRUE);
  surface = render (chart, 600, 400, 1, &style);
  nv_chart_get_plot_area (chart, 600, 400, &style, &plot, NULL);

  /* Count hatch pixels in a strip of the masked quarter and of a free one,
   * away from the points and the line. */
  for (int row = (int) plot.y + 2; row < (int) (plot.y + plot.height * 0.2); row++)
    for (int dx = -10; dx <= 10; dx++)
      {
        Pixel a = pixel_at (surface, (int) (plot.x + plot.width * 1.5 / 3) + dx, row);
        Pixel b = pixel_at (surface, (int) (plot.x + plot.width * 0.5 / 3) + dx, row);
        ink_masked += a.r < 250;
        ink_free += b.r < 250;
      }
  g_assert_cmpint (ink_masked, >, 40);
  g_assert_cmpint (ink_free, <, 25); /* a grid line at most */
  /* The legend has an entry for the hatch. */
  g_assert_cmpuint (chart->layout->legend->len, ==, 2);
  g_assert_cmpint (g_array_index (chart->layout->legend_series, int, 1), ==, -1);
  cairo_surface_destroy (surface);
}

static void
test_hit_test (void)
{
  g_autoptr (NvChart) chart = nv_chart_new (NV_CHART_LINE);
  const double unit[] = { 2, 4.5, 6 };
  const double bench[] = { 6, 6, 6 };
  NvChartStyle style;
  NvChartRect plot;
  NvChartHit hit;
  NvChartRect *legend;

  test_style (&style);
  nv_chart_set_quarters (chart, 2025, 1, 3);
  nv_chart_add_series (chart, "Unit", unit);
  nv_chart_add_series (chart, "Kommuner", bench);
  nv_chart_add_marker (chart, 1.0, "Workshop");
  nv_chart_get_plot_area (chart, 600, 400, &style, &plot, NULL);

  /* Axis 0–6 (step 1). The unit's 4.5 in quarter 2. */
  g_assert_true (nv_chart_hit_test (chart, 600, 400, &style, plot.x + plot.width * 1.5 / 3,
                                    plot.y + plot.height * (1 - 4.5 / 6) + 3, &hit));
  g_assert_cmpint (hit.kind, ==, NV_CHART_HIT_POINT);
  g_assert_cmpint (hit.series, ==, 0);
  g_assert_cmpint (hit.category, ==, 1);
  g_assert_cmpfloat (hit.value, ==, 4.5);
  /* Kommuner's 6 above it. */
  g_assert_true (nv_chart_hit_test (chart, 600, 400, &style, plot.x + plot.width * 1.5 / 3,
                                    plot.y + 1, &hit));
  g_assert_cmpint (hit.series, ==, 1);
  /* Far from any point (value 1 in quarter 3). */
  g_assert_false (nv_chart_hit_test (chart, 600, 400, &style, plot.x + plot.width * 2.5 / 3,
                                     plot.y + plot.height * (1 - 1.0 / 6), &hit));
  /* Legend entry of Kommuner. */
  legend = &g_array_index (chart->layout->legend, NvChartRect, 1);
  g_assert_true (nv_chart_hit_test (chart, 600, 400, &style, legend->x + 3, legend->y + 3, &hit));
  g_assert_cmpint (hit.kind, ==, NV_CHART_HIT_LEGEND);
  g_assert_cmpint (hit.series, ==, 1);
  /* The marker line at the start of quarter 2. */
  g_assert_true (nv_chart_hit_test (chart, 600, 400, &style, plot.x + plot.width / 3,
                                    plot.y + plot.height - 2, &hit));
  g_assert_cmpint (hit.kind, ==, NV_CHART_HIT_MARKER);
  g_assert_cmpint (hit.marker, ==, 0);
}

static gboolean
rects_overlap (const NvChartRect *a, const NvChartRect *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width && a->y < b->y + b->height &&
         b->y < a->y + a->height;
}

/* A crowded trend chart at 600×400: legend entries, marker labels, plot and
 * x labels must not overlap, and everything must lie inside the chart. */
static void
test_no_overlap (void)
{
  g_autoptr (NvChart) chart = nv_chart_new (NV_CHART_LINE);
  const char *names[] = { "Avdeling 2B (legemeldt)", "Kommuner (legemeldt)",
                          "Helse- og omsorgstjenester (legemeldt)", "Hele landet (legemeldt)",
                          "Barnehager (legemeldt)" };
  NvChartStyle style;
  NvChartLayout *layout;
  cairo_surface_t *surface;
  double last_right = -1;

  test_style (&style);
  nv_chart_set_title (chart, "Sick leave in Avdeling 2B against benchmarks, 2016–2025");
  nv_chart_set_value_label (chart, "Legemeldt sick leave (%)");
  nv_chart_set_quarters (chart, 2016, 1, 40);
  for (guint s = 0; s < G_N_ELEMENTS (names); s++)
    {
      double values[40];
      for (guint i = 0; i < 40; i++)
        values[i] = 5 + s + sin (i / 3.0 + s);
      nv_chart_add_series (chart, names[s], values);
    }
  for (guint m = 0; m < 6; m++)
    nv_chart_add_marker (chart, 20 + m * 0.7, "Dialogue workshop with the staff");
  surface = render (chart, 600, 400, 1, &style);
  layout = chart->layout;

  g_assert_cmpfloat (layout->plot.height, >, 150);
  for (guint a = 0; a < layout->legend->len; a++)
    {
      NvChartRect *ra = &g_array_index (layout->legend, NvChartRect, a);
      g_assert_cmpfloat (ra->x + ra->width, <=, 600);
      g_assert_false (rects_overlap (ra, &layout->plot));
      g_assert_false (rects_overlap (ra, &layout->title));
      for (guint b = a + 1; b < layout->legend->len; b++)
        g_assert_false (rects_overlap (ra, &g_array_index (layout->legend, NvChartRect, b)));
    }
  for (guint a = 0; a < layout->marker_rects->len; a++)
    {
      NvChartRect *ra = &g_array_index (layout->marker_rects, NvChartRect, a);
      if (ra->width == 0)
        continue;
      g_assert_false (rects_overlap (ra, &layout->plot));
      for (guint e = 0; e < layout->legend->len; e++)
        g_assert_false (rects_overlap (ra, &g_array_index (layout->legend, NvChartRect, e)));
      for (guint b = a + 1; b < layout->marker_rects->len; b++)
        {
          NvChartRect *rb = &g_array_index (layout->marker_rects, NvChartRect, b);
          if (rb->width > 0)
            g_assert_false (rects_overlap (ra, rb));
        }
    }
  /* No marker line runs through another marker's label. */
  for (guint m = 0; m < layout->marker_rects->len; m++)
    {
      NvChartRect *own = &g_array_index (layout->marker_rects, NvChartRect, m);
      double x = layout->plot.x + (20 + m * 0.7) * layout->plot.width / 40;
      double top = own->width > 0 ? own->y + own->height / 2 : layout->plot.y;

      for (guint k = 0; k < layout->marker_rects->len; k++)
        {
          NvChartRect *other = &g_array_index (layout->marker_rects, NvChartRect, k);
          if (k == m || other->width == 0 || other->y + other->height <= top)
            continue;
          g_assert_false (x >= other->x && x <= other->x + other->width);
        }
    }
  /* Year labels at Q1 only, none touching the next. */
  for (guint i = 0; i < 40; i++)
    {
      if (i % 4 != 0)
        g_assert_false (layout->x_shown[i]);
      if (layout->x_shown[i])
        {
          double x = nv_chart_category_x (chart, &layout->plot, i);
          g_assert_cmpfloat (x - 20, >, last_right);
          last_right = x + 20;
        }
    }
  g_assert_true (layout->x_shown[4]);
  cairo_surface_destroy (surface);
}

/* Events a few pixels apart share one line and one label. */
static void
test_marker_merge (void)
{
  g_autoptr (NvChart) chart = nv_chart_new (NV_CHART_LINE);
  const double values[] = { 5, 6, 7, 8 };
  g_autofree char *described = NULL;
  NvChartStyle style;
  cairo_surface_t *surface;

  test_style (&style);
  nv_chart_set_quarters (chart, 2025, 1, 4);
  nv_chart_add_series (chart, "Unit", values);
  nv_chart_add_marker (chart, 1.0, "Workshop");
  nv_chart_add_marker (chart, 1.01, "Measure A");
  nv_chart_add_marker (chart, 3.0, "Measure B");
  surface = render (chart, 600, 400, 1, &style);
  g_assert_cmpint (chart->layout->marker_owner[0], ==, 0);
  g_assert_cmpint (chart->layout->marker_owner[1], ==, 0);
  g_assert_cmpint (chart->layout->marker_owner[2], ==, 2);
  g_assert_cmpstr (g_ptr_array_index (chart->layout->marker_text, 0), ==, "Workshop (+1)");
  g_assert_null (g_ptr_array_index (chart->layout->marker_text, 1));
  g_assert_cmpstr (g_ptr_array_index (chart->layout->marker_text, 2), ==, "Measure B");
  described = nv_chart_describe_marker (chart, 0);
  g_assert_cmpstr (described, ==, "Workshop\nMeasure A");
  cairo_surface_destroy (surface);
}

static void
test_quarters (void)
{
  g_autoptr (NvChart) chart = nv_chart_new (NV_CHART_LINE);

  nv_chart_set_quarters (chart, 2021, 3, 10);
  g_assert_cmpuint (nv_chart_get_n_categories (chart), ==, 10);
  g_assert_cmpstr (nv_chart_get_category_label (chart, 0), ==, "Q3 2021");
  g_assert_cmpstr (nv_chart_get_category_label (chart, 9), ==, "Q4 2023");
  /* Year labels at each Q1: 2022 at index 2, 2023 at index 6. */
  for (guint i = 0; i < 10; i++)
    if (i == 2)
      g_assert_cmpstr (chart->tick_labels[i], ==, "2022");
    else if (i == 6)
      g_assert_cmpstr (chart->tick_labels[i], ==, "2023");
    else
      g_assert_null (chart->tick_labels[i]);
  /* Few quarters: every one labelled. */
  nv_chart_set_quarters (chart, 2024, 4, 4);
  g_assert_cmpstr (chart->tick_labels[0], ==, "Q4 2024");
  g_assert_cmpstr (chart->tick_labels[3], ==, "Q3 2025");
}

static NvChart *
export_chart (void)
{
  NvChart *chart = nv_chart_new (NV_CHART_LINE);
  const double unit[] = { 8.1, 7.6, 9.2, 8.4 };
  const double bench[] = { 7.7, 6.3, 8.3, 8.7 };

  nv_chart_set_title (chart, "Sick leave Avdeling 2B");
  nv_chart_set_quarters (chart, 2023, 2, 4);
  nv_chart_add_series (chart, "Avdeling 2B", unit);
  nv_chart_add_series (chart, "Kommuner", bench);
  return chart;
}

static void
svg_start_element (GMarkupParseContext *context, const char *element, const char **names,
                   const char **values, gpointer user_data, GError **error)
{
  int *depth_and_root = user_data;

  if (depth_and_root[0]++ == 0)
    depth_and_root[1] = strcmp (element, "svg") == 0;
}

static void
svg_end_element (GMarkupParseContext *context, const char *element, gpointer user_data,
                 GError **error)
{
  ((int *) user_data)[0]--;
}

/* Exports carry health figures: 0600 whatever the umask, and no temporary
 * file is left beside them. */
static void
assert_private_and_alone (const char *dir, const char *path)
{
  g_autoptr (GDir) listing = g_dir_open (dir, 0, NULL);
  guint n = 0;

  g_assert_cmpuint (nv_test_mode (path), ==, 0600);
  while (g_dir_read_name (listing) != NULL)
    n++;
  g_assert_cmpuint (n, ==, 1);
}

static void
test_export_svg (void)
{
  g_autoptr (NvChart) chart = export_chart ();
  g_autofree char *dir = nv_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "chart.svg", NULL);
  g_autofree char *data = NULL;
  g_autoptr (GError) error = NULL;
  GMarkupParser parser = { svg_start_element, svg_end_element, NULL, NULL, NULL };
  GMarkupParseContext *context;
  int state[2] = { 0, 0 };
  NvChartStyle style;
  gsize len;

  nv_chart_style_init (&style, NV_CHART_STYLE_LIGHT);
  g_assert_true (nv_chart_export (chart, path, 800, 450, &style, &error));
  g_assert_no_error (error);
  assert_private_and_alone (dir, path);
  g_assert_true (g_file_get_contents (path, &data, &len, NULL));
  g_assert_cmpuint (len, >, 1000);

  context = g_markup_parse_context_new (&parser, 0, state, NULL);
  g_assert_true (g_markup_parse_context_parse (context, data, len, &error));
  g_assert_no_error (error);
  g_assert_true (g_markup_parse_context_end_parse (context, &error));
  g_assert_no_error (error);
  g_markup_parse_context_free (context);
  g_assert_cmpint (state[0], ==, 0);
  g_assert_cmpint (state[1], ==, 1);
  nv_test_rmtree (dir);
}

static void
test_export_pdf (void)
{
  g_autoptr (NvChart) chart = export_chart ();
  g_autofree char *dir = nv_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "chart.pdf", NULL);
  g_autofree char *data = NULL;
  g_autoptr (GError) error = NULL;
  const char *pdftotext = g_getenv ("NV_PDFTOTEXT");
  NvChartStyle style;
  gsize len;

  nv_chart_style_init (&style, NV_CHART_STYLE_LIGHT);
  g_assert_true (nv_chart_export (chart, path, 842, 474, &style, &error));
  g_assert_no_error (error);
  assert_private_and_alone (dir, path);
  g_assert_true (g_file_get_contents (path, &data, &len, NULL));
  g_assert_true (g_str_has_prefix (data, "%PDF-1."));
  g_assert_nonnull (memmem (data + len - MIN (len, 16), MIN (len, 16), "%%EOF", 5));
  /* Cairo 1.16 writes a classic trailer with the catalogue and startxref. */
  g_assert_nonnull (memmem (data, len, "trailer", 7));
  g_assert_nonnull (memmem (data, len, "/Root", 5));
  g_assert_nonnull (memmem (data + len - MIN (len, 64), MIN (len, 64), "startxref", 9));

  if (pdftotext != NULL)
    {
      g_autofree char *out = NULL;
      const char *argv[] = { pdftotext, path, "-", NULL };
      int status;

      g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL,
                                   NULL, &out, NULL, &status, &error));
      g_assert_no_error (error);
      g_assert_nonnull (strstr (out, "Sick leave Avdeling 2B"));
      g_assert_nonnull (strstr (out, "Kommuner"));
      g_assert_nonnull (strstr (out, "Q2 2023"));
      /* pdftotext may turn the no-break space into a plain one. */
      g_assert_true (strstr (out, "10\u00a0%") != NULL || strstr (out, "10 %") != NULL);
    }
  else
    g_test_message ("pdftotext not found: text not checked");

  /* An unknown extension is refused with a message, not a crash. */
  g_free (path);
  path = g_build_filename (dir, "chart.bmp", NULL);
  g_assert_false (nv_chart_export (chart, path, 800, 450, &style, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  nv_test_rmtree (dir);
}

static void
test_export_png (void)
{
  g_autoptr (NvChart) chart = export_chart ();
  g_autofree char *dir = nv_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "chart.png", NULL);
  g_autoptr (GError) error = NULL;
  cairo_surface_t *surface;
  NvChartStyle style;

  nv_chart_style_init (&style, NV_CHART_STYLE_DARK);
  g_assert_true (nv_chart_export (chart, path, 1600, 900, &style, &error));
  g_assert_no_error (error);
  assert_private_and_alone (dir, path);
  surface = cairo_image_surface_create_from_png (path);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 1600);
  g_assert_cmpint (cairo_image_surface_get_height (surface), ==, 900);
  cairo_surface_destroy (surface);
  nv_test_rmtree (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/charts/draw/line", test_line_points_and_gap);
  g_test_add_func ("/charts/draw/dark", test_dark_background);
  g_test_add_func ("/charts/draw/bars", test_grouped_bars);
  g_test_add_func ("/charts/draw/stacked", test_stacked_bars);
  g_test_add_func ("/charts/draw/stacked-total-on-tallest", test_stacked_total_on_tallest);
  g_test_add_func ("/charts/draw/crisp", test_crisp_lines);
  g_test_add_func ("/charts/draw/masked", test_masked_band);
  g_test_add_func ("/charts/draw/no-overlap", test_no_overlap);
  g_test_add_func ("/charts/hit-test", test_hit_test);
  g_test_add_func ("/charts/quarters", test_quarters);
  g_test_add_func ("/charts/markers/merge", test_marker_merge);
  g_test_add_func ("/charts/export/svg", test_export_svg);
  g_test_add_func ("/charts/export/pdf", test_export_pdf);
  g_test_add_func ("/charts/export/png", test_export_png);
  return g_test_run ();
}
