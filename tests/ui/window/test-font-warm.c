/* The fonts loaded in a thread at start-up (nv-font-warm.c) are the very
 * fonts GTK's widgets then use: the same font map, and the same font object
 * for the same description, which only happens when the thread loaded it
 * with the options, resolution and size GTK's own contexts have.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <pango/pangocairo.h>

#include "nv-font-warm.h"
#include "nv-test-ui.h"

static void
test_widgets_use_warm_fonts (void)
{
  g_autoptr (PangoFont) base = NULL;
  g_autoptr (PangoFont) font = NULL;
  g_autoptr (GtkWidget) label = NULL;
  PangoContext *context;
  PangoFontMap *before = pango_cairo_font_map_get_default ();

  nv_font_warm_start ();
  nv_font_warm_finish ();
  base = nv_font_warm_get_base_font ();
  g_assert_nonnull (base);
  g_assert_true (pango_cairo_font_map_get_default () != before);

  label = g_object_ref_sink (gtk_label_new ("Sykefravær"));
  context = gtk_widget_get_pango_context (label);
  g_assert_true (pango_context_get_font_map (context) == pango_cairo_font_map_get_default ());
  font = pango_context_load_font (context, pango_context_get_font_description (context));
  g_assert_nonnull (font);
  /* Loaded once, in the thread. */
  g_assert_true (font == base);

  /* Finishing again changes nothing. */
  nv_font_warm_finish ();
  g_assert_true (pango_context_get_font_map (context) == pango_cairo_font_map_get_default ());
}

int
main (int argc, char **argv)
{
  nv_test_ui_init (&argc, &argv);
  g_test_add_func ("/font-warm/widgets-use-warm-fonts", test_widgets_use_warm_fonts);
  return g_test_run ();
}
