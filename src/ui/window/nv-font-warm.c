/* nv-font-warm.c — the window's fonts loaded in a thread while GTK starts.
 *
 * The first frame of a window full of text spends much of its time on
 * fonts used for the first time: fontconfig's matching for each size and
 * weight, Pango's metrics of each font (measured on a sample sentence) and
 * FreeType loading and hinting every glyph. None of that needs the main
 * thread. Started right after gtk_init(), while the main thread loads the
 * theme's style sheet, a thread does it for the fonts the Overview uses,
 * in a Pango font map of its own and with the font options and resolution
 * GTK gives its own contexts (a font loaded with other options is another
 * font). The main thread then takes that font map as its default before it
 * builds the window. What the theme asks for beyond these is loaded as
 * before, on first use.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-font-warm"

#include "config.h"

#include <math.h>
#include <pango/pangocairo.h>

#include "nv-font-warm.h"

typedef struct
{
  cairo_font_options_t *options;
  double resolution;
  gboolean round_positions;
  char *family;
  double base_pt;
  PangoLanguage *language;
  PangoFont *base; /* out: the base font, kept for tests */
} Warm;

static GThread *thread;
static Warm *warm; /* the thread's, until it is joined */
static PangoFont *base_font;

/* Sizes in points (negative: times the base size) and weights of Adwaita's
 * text styles on the Overview: body and .heading at the base size and at
 * 11 pt, .caption, the badges, the cards' figures and the titles. */
static const struct
{
  double pt;
  PangoWeight weight;
} fonts[] = {
  { -1.0, PANGO_WEIGHT_NORMAL },  { -1.0, PANGO_WEIGHT_BOLD },    { 11, PANGO_WEIGHT_NORMAL },
  { 11, PANGO_WEIGHT_BOLD },      { 9, PANGO_WEIGHT_NORMAL },     { 7.5, PANGO_WEIGHT_BOLD },
  { 15, PANGO_WEIGHT_ULTRABOLD }, { 20, PANGO_WEIGHT_ULTRABOLD }, { 21, PANGO_WEIGHT_ULTRABOLD },
};

/* The glyphs most text on the Overview is made of, Norwegian letters too. */
static const char sample[] = "0123456789 %,.–−…:;«»()/+ ABCDEFGHIJKLMNOPQRSTUVWXYZÆØÅ "
                             "abcdefghijklmnopqrstuvwxyzæøåé";

static gpointer
warm_thread (gpointer data)
{
  Warm *w = data;
  PangoFontMap *map = pango_cairo_font_map_new ();
  PangoContext *context = pango_font_map_create_context (map);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 8, 8);
  cairo_t *cr = cairo_create (surface);

  pango_cairo_context_set_font_options (context, w->options);
  pango_cairo_context_set_resolution (context, w->resolution);
  pango_context_set_round_glyph_positions (context, w->round_positions);
  pango_context_set_language (context, w->language);
  for (guint i = 0; i < G_N_ELEMENTS (fonts); i++)
    {
      PangoFontDescription *desc = pango_font_description_new ();
      PangoLayout *layout = pango_layout_new (context);
      double pt = fonts[i].pt < 0 ? -fonts[i].pt * w->base_pt : fonts[i].pt;
      PangoFont *font;

      /* In pixels, rounded as GTK's style sheet gives them to Pango: the
       * same size to the last unit, or it is another font. */
      pango_font_description_set_family (desc, w->family);
      pango_font_description_set_absolute_size (desc,
                                                round (pt * w->resolution / 72.0 * PANGO_SCALE));
      pango_font_description_set_weight (desc, fonts[i].weight);
      font = pango_context_load_font (context, desc);
      if (font != NULL)
        {
          pango_font_metrics_unref (pango_font_get_metrics (font, w->language));
          if (i == 0)
            w->base = g_object_ref (font);
          g_object_unref (font);
        }
      /* Shaped and drawn: the glyphs are loaded and rendered once here. */
      pango_layout_set_font_description (layout, desc);
      pango_layout_set_text (layout, sample, -1);
      pango_cairo_show_layout (cr, layout);
      g_object_unref (layout);
      pango_font_description_free (desc);
    }
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  g_object_unref (context);
  return map;
}

void
nv_font_warm_start (void)
{
  static gboolean started;
  g_autoptr (GtkWidget) label = NULL;
  PangoContext *context;
  const PangoFontDescription *desc;
  const cairo_font_options_t *options;
  Warm *w;

  if (started)
    return;
  started = TRUE;
  /* A label's context has what GTK gives every widget's: the settings'
   * font, options and resolution (no style sheet is needed for those). */
  label = g_object_ref_sink (gtk_label_new (NULL));
  context = gtk_widget_get_pango_context (label);
  desc = pango_context_get_font_description (context);
  options = pango_cairo_context_get_font_options (context);
  if (desc == NULL || pango_font_description_get_family (desc) == NULL)
    return;
  w = g_new0 (Warm, 1);
  w->options = options != NULL ? cairo_font_options_copy (options) : cairo_font_options_create ();
  w->resolution = pango_cairo_context_get_resolution (context);
  w->round_positions = pango_context_get_round_glyph_positions (context);
  w->family = g_strdup (pango_font_description_get_family (desc));
  w->base_pt = pango_font_description_get_size (desc) / (double)PANGO_SCALE;
  if (pango_font_description_get_size_is_absolute (desc))
    w->base_pt = w->base_pt * 72.0 / w->resolution;
  w->language = pango_context_get_language (context);
  warm = w;
  thread = g_thread_new ("nv-font-warm", warm_thread, w);
}

void
nv_font_warm_finish (void)
{
  g_autoptr (PangoFontMap) map = NULL;
  Warm *w = g_steal_pointer (&warm);

  if (thread == NULL)
    return;
  map = g_thread_join (g_steal_pointer (&thread));
  pango_cairo_font_map_set_default (PANGO_CAIRO_FONT_MAP (map));
  g_set_object (&base_font, w->base);
  g_clear_object (&w->base);
  cairo_font_options_destroy (w->options);
  g_free (w->family);
  g_free (w);
}

PangoFont *
nv_font_warm_get_base_font (void)
{
  return base_font != NULL ? g_object_ref (base_font) : NULL;
}
