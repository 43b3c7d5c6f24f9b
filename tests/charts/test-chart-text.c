/* test-chart-text.c — chart text drawn without a PangoLayout looks exactly
 * as a PangoLayout draws it.
 *
 * A plain one-line label is itemized and shaped by the chart itself and
 * drawn run by run (nv-chart-text.c); everything else is a PangoLayout.
 * Each label here is drawn both ways on the same Pango context, at three
 * font sizes and at scale 1 and 2, and the two images must be the same
 * byte for byte; the measured size must be the layout's pixel extents.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "nv-chart-private.h"

static const char *const plain[] = {
  "7,4 %",
  "−0,5 %",
  "2016",
  "K1 2024",
  "Ag",
  "Sick leave in Avdeling 2B against benchmarks, 2016–2025",
  "Fravær · Oppfølging · Tiltak (+2)",
  "Sámi: Áŋ čđ ŧž",
  "Measure: talk to your leader first",
  "✓ 5 ≥ 3 → 4",
};

/* Draws @string on a fresh white @w×@h surface at @scale: through the
 * chart's text when @layout is NULL, else with @layout; @size gets its
 * logical size as measured on that target. */
static cairo_surface_t *
draw_one (NvChartFonts *fonts, const PangoFontDescription *font, const char *string,
          double max_width, PangoLayout *layout, int w, int h, double scale, double size[2])
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w * scale, h * scale);
  cairo_t *cr = cairo_create (surface);
  NvChartColor ink = { 0.1, 0.2, 0.3, 1 };
  NvChartText text;

  cairo_scale (cr, scale, scale);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  nv_chart_text_init_cached (&text, cr, fonts);
  if (layout == NULL)
    {
      nv_chart_text_size (&text, font, string, max_width, &size[0], &size[1]);
      nv_chart_text_draw (&text, font, string, 10.3, 5.6, max_width, &ink);
    }
  else
    {
      PangoRectangle logical;

      nv_chart_set_color (cr, &ink);
      cairo_move_to (cr, 10, 6);
      pango_cairo_show_layout (cr, layout);
      pango_layout_get_pixel_extents (layout, NULL, &logical);
      size[0] = logical.width;
      size[1] = logical.height;
    }
  nv_chart_text_clear (&text);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static void
assert_same_pixels (cairo_surface_t *a, cairo_surface_t *b, const char *what)
{
  int stride = cairo_image_surface_get_stride (a);
  int h = cairo_image_surface_get_height (a);

  g_assert_cmpint (stride, ==, cairo_image_surface_get_stride (b));
  if (memcmp (cairo_image_surface_get_data (a), cairo_image_surface_get_data (b),
              (size_t)stride * h)
      != 0)
    g_error ("«%s» is drawn differently from a PangoLayout of it", what);
}

/* The chart's drawing and measure of @string against a PangoLayout set up
 * as the chart sets up its own (single paragraph, the same font, cut with
 * «…» at @max_width when > 0). */
static void
check (NvChartFonts *fonts, const PangoFontDescription *font, const char *string, double max_width,
       double scale)
{
  cairo_surface_t *ours, *theirs;
  PangoLayout *layout;
  double our_size[2], their_size[2];
  int sw = 1400, sh = 60;

  ours = draw_one (fonts, font, string, max_width, NULL, sw, sh, scale, our_size);
  layout = pango_layout_new (fonts->context);
  pango_layout_set_single_paragraph_mode (layout, TRUE);
  pango_layout_set_font_description (layout, font);
  if (max_width > 0)
    {
      pango_layout_set_width (layout, (int)(max_width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }
  pango_layout_set_text (layout, string, -1);
  theirs = draw_one (fonts, font, string, max_width, layout, sw, sh, scale, their_size);
  g_assert_cmpfloat (our_size[0], ==, their_size[0]);
  g_assert_cmpfloat (our_size[1], ==, their_size[1]);
  assert_same_pixels (ours, theirs, string);
  g_object_unref (layout);
  cairo_surface_destroy (ours);
  cairo_surface_destroy (theirs);
}

static void
test_same_as_layout (void)
{
  static const double sizes[] = { 13.0, 23.1, 31.7 };
  guint shaped_before = nv_chart_text_shaped_count ();

  for (guint z = 0; z < G_N_ELEMENTS (sizes); z++)
    for (int scale = 1; scale <= 2; scale++)
      {
        cairo_t *cr = nv_chart_scratch_context ();
        NvChartStyle style;
        NvChartFonts fonts;

        nv_chart_style_init (&style, NV_CHART_STYLE_LIGHT);
        nv_chart_fonts_init (&fonts, cr, &style, sizes[z], sizes[z] * 0.9);
        for (guint i = 0; i < G_N_ELEMENTS (plain); i++)
          {
            check (&fonts, fonts.normal, plain[i], 0, scale);
            check (&fonts, fonts.small, plain[i], 0, scale);
            check (&fonts, fonts.bold, plain[i], 0, scale);
            /* room to spare: still one plain line */
            check (&fonts, fonts.small, plain[i], 2000, scale);
          }
        /* Cut with «…»: a PangoLayout's business, drawn as before. */
        check (&fonts, fonts.small, plain[8], 120, scale);
        check (&fonts, fonts.bold, plain[5], 200, scale);
        nv_chart_fonts_clear (&fonts);
        cairo_destroy (cr);
      }
  /* The plain labels really took the way without a layout (each is shaped
   * once per font and width, then drawn from the cache). */
  g_assert_cmpuint (nv_chart_text_shaped_count () - shaped_before, >=,
                    G_N_ELEMENTS (sizes) * 2 * 3 * (G_N_ELEMENTS (plain) - 1));
}

/* A text with a line break or a tab is PangoLayout's, not a plain line. */
static void
test_not_plain (void)
{
  cairo_t *cr = nv_chart_scratch_context ();
  NvChartStyle style;
  NvChartFonts fonts;
  guint before;

  nv_chart_style_init (&style, NV_CHART_STYLE_LIGHT);
  nv_chart_fonts_init (&fonts, cr, &style, 13, 11.7);
  before = nv_chart_text_shaped_count ();
  check (&fonts, fonts.normal, "Tiltak\tA", 0, 1);
  check (&fonts, fonts.normal, "Tiltak\nA", 0, 1);
  check (&fonts, fonts.normal, "", 0, 1);
  g_assert_cmpuint (nv_chart_text_shaped_count (), ==, before);
  nv_chart_fonts_clear (&fonts);
  cairo_destroy (cr);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/charts/text/same-as-layout", test_same_as_layout);
  g_test_add_func ("/charts/text/not-plain", test_not_plain);
  return g_test_run ();
}
