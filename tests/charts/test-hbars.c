/* The 10-FAKTOR bars (nv-hbars.h) at projector sizes: with the slide's large
 * fonts every factor's value must still be drawn, readable and apart — the
 * room sees numbers, not bare bars (issue 15).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include <cairo.h>
#include <glib.h>
#include "nv-chart-private.h"
#include "nv-hbars.h"

static const char *const factors[] = {
  "Indre motivasjon", "Mestringstro", "Autonomi", "Bruk av kompetanse",
  "Mestringsorientert ledelse", "Rolleklarhet", "Relevant kompetanseutvikling",
  "Fleksibilitetsvilje", "Mestringsklima", "Prososial motivasjon",
};

static NvHBars *
profile (guint n_series)
{
  static const char *const names[] = { "Denne runden (15.03.2026)",
                                       "Forrige runde (15.03.2025)", "Snitt i kommunen" };
  NvHBars *bars = nv_hbars_new (G_N_ELEMENTS (factors), 1, 5);

  for (guint s = 0; s < n_series; s++)
    nv_hbars_add_series (bars, names[s]);
  for (guint r = 0; r < G_N_ELEMENTS (factors); r++)
    {
      nv_hbars_set_row_label (bars, r, factors[r]);
      for (guint s = 0; s < n_series; s++)
        nv_hbars_set_value (bars, s, r, 3.1 + 0.17 * r - 0.2 * s);
    }
  return bars;
}

static gboolean
overlap (const double a[4], const double b[4])
{
  return a[0] < b[0] + b[2] && b[0] < a[0] + a[2] && a[1] < b[1] + b[3] && b[1] < a[1] + a[3];
}

/* Draws @bars at @width × @height with @font_px text (as the workshop slide
 * does: font ≈ height / 34 and larger) and checks every value label. */
static void
check_all_labels (NvHBars *bars, guint n_series, double width, double height, double font_px,
                  NvChartStylePreset preset)
{
  cairo_surface_t *surface =
    cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) width, (int) height);
  cairo_t *cr = cairo_create (surface);
  double boxes[NV_HBARS_MAX_SERIES * 10][4];
  NvChartStyle style;
  guint n = 0;

  nv_chart_style_init (&style, preset);
  style.font_size = font_px;
  nv_hbars_draw (bars, cr, width, height, &style);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  for (guint r = 0; r < G_N_ELEMENTS (factors); r++)
    for (guint s = 0; s < n_series; s++, n++)
      {
        double *b = boxes[n];

        if (!nv_hbars_get_value_label (bars, s, r, &b[0], &b[1], &b[2], &b[3]))
          g_error ("%.0fx%.0f at %.1f px: no value label for series %u, row %u", width, height,
                   font_px, s, r);
        /* Inside the drawing, and at the size the style asks for. */
        g_assert_cmpfloat (b[0], >=, 0);
        g_assert_cmpfloat (b[1], >=, 0);
        g_assert_cmpfloat (b[0] + b[2], <=, width);
        g_assert_cmpfloat (b[1] + b[3], <=, height);
        g_assert_cmpfloat (b[3], >=, font_px * 0.8);
        for (guint o = 0; o < n; o++)
          if (overlap (b, boxes[o]))
            g_error ("%.0fx%.0f at %.1f px: value labels %u and %u overlap", width, height,
                     font_px, o, n);
      }
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
test_slide_sizes (void)
{
  /* The chart's area on the slide at 1920×1080 and 1280×720, with the
   * font sizes the slide picks there (and a larger theme font). */
  const double cases[][3] = {
    { 1750, 495, 48 * 0.6 }, { 1750, 495, 26 }, { 1840, 640, 640 / 34.0 }, { 1840, 760, 30 },
    { 1165, 330, 32 * 0.6 }, { 1220, 420, 15 }, { 1220, 420, 18 },       { 1220, 480, 20 },
  };

  for (guint n_series = 1; n_series <= NV_HBARS_MAX_SERIES; n_series++)
    {
      g_autoptr (NvHBars) bars = profile (n_series);

      for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
        {
          check_all_labels (bars, n_series, cases[i][0], cases[i][1], cases[i][2],
                            NV_CHART_STYLE_LIGHT);
          check_all_labels (bars, n_series, cases[i][0], cases[i][1], cases[i][2],
                            NV_CHART_STYLE_DARK);
        }
    }
}

static void
test_screen_size (void)
{
  g_autoptr (NvHBars) bars = profile (3);
  NvChartStyle style;

  /* The unit's overview draws at the natural height: labels beside the bars. */
  nv_chart_style_init (&style, NV_CHART_STYLE_LIGHT);
  check_all_labels (bars, 3, 900, nv_hbars_natural_height (bars, &style), style.font_size,
                    NV_CHART_STYLE_LIGHT);
}

/* A narrow window (the overview at 480 px): names longer than the label
 * column wrap onto a second line, none is cut with «…». */
static void
test_long_names_wrap (void)
{
  g_autoptr (NvHBars) bars = nv_hbars_new (3, 1, 5);
  NvChartStyle style;
  cairo_surface_t *surface;
  cairo_t *cr;
  double height;
  guint cut;

  nv_hbars_add_series (bars, "Denne runden");
  nv_hbars_set_row_label (bars, 0, "Relevant kompetanseutvikling");
  nv_hbars_set_row_label (bars, 1, "Hjemmetjenesten Nordre og Søndre");
  nv_hbars_set_row_label (bars, 2, "Autonomi");
  for (guint r = 0; r < 3; r++)
    nv_hbars_set_value (bars, 0, r, 3.5);
  nv_chart_style_init (&style, NV_CHART_STYLE_LIGHT);
  height = nv_hbars_natural_height (bars, &style);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 420, (int) height);
  cr = cairo_create (surface);
  cut = nv_chart_text_ellipsized_count ();
  nv_hbars_draw (bars, cr, 420, height, &style);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpuint (nv_chart_text_ellipsized_count (), ==, cut);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
test_missing_value (void)
{
  g_autoptr (NvHBars) bars = profile (2);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1840, 640);
  cairo_t *cr = cairo_create (surface);
  NvChartStyle style;

  nv_chart_style_init (&style, NV_CHART_STYLE_LIGHT);
  style.font_size = 24;
  nv_hbars_set_value (bars, 1, 4, NAN);
  nv_hbars_draw (bars, cr, 1840, 640, &style);
  g_assert_false (nv_hbars_get_value_label (bars, 1, 4, NULL, NULL, NULL, NULL));
  g_assert_true (nv_hbars_get_value_label (bars, 0, 4, NULL, NULL, NULL, NULL));
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/charts/hbars/slide-sizes", test_slide_sizes);
  g_test_add_func ("/charts/hbars/screen-size", test_screen_size);
  g_test_add_func ("/charts/hbars/missing-value", test_missing_value);
  g_test_add_func ("/charts/hbars/long-names-wrap", test_long_names_wrap);
  return g_test_run ();
}
