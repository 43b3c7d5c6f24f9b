/* nv-chart-text.c — the text of every chart: fonts, measuring and drawing.
 *
 * A chart layout keeps an NvChartFonts: one Pango context, its three fonts
 * and a cache of shaped PangoLayouts, so a text is shaped once and drawn
 * from the very layout it was measured with. The scatter plot, heat map and
 * bar list measure with one scratch layout instead (nv_chart_text_init).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-charts"

#include "config.h"

#include <math.h>
#include <string.h>

#include "nv-chart-private.h"

static void shaped_free (gpointer data);

/* The family a list such as «Cantarell, DejaVu Sans, Sans» stands for here:
 * the first one installed (or a generic name such as «Sans»), looked up
 * once per process. Pango measures every font it lays text out in (ascent,
 * descent, average width) with a layout of that font's own family name, so
 * with a list it loaded a second font set for each of the chart's three
 * sizes (~1–2 ms each); with the family, that is the font set already
 * loaded. Glyphs the family lacks fall back as before: fontconfig appends
 * the same defaults. */
static char *
resolved_family (PangoContext *context, const char *families, double px)
{
  G_LOCK_DEFINE_STATIC (resolved);
  static GHashTable *resolved;
  g_auto (GStrv) names = NULL;
  PangoFontMap *map = pango_context_get_font_map (context);
  char *family;

  if (strchr (families, ',') == NULL)
    return g_strdup (families);
  G_LOCK (resolved);
  if (resolved == NULL)
    resolved = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  family = g_strdup (g_hash_table_lookup (resolved, families));
  G_UNLOCK (resolved);
  if (family != NULL)
    return family;

  /* Asking the font map for a family by name loads no font set. */
  names = g_strsplit (families, ",", -1);
  for (guint i = 0; names[i] != NULL && family == NULL; i++)
    {
      PangoFontFamily *found = pango_font_map_get_family (map, g_strstrip (names[i]));
      if (found != NULL)
        family = g_strdup (pango_font_family_get_name (found));
    }
  if (family == NULL)
    {
      /* Nothing by those names: whatever fontconfig matches the list to. */
      PangoFontDescription *desc = pango_font_description_from_string (families);
      PangoFontDescription *found = NULL;
      PangoFont *font;
      const char *name;

      pango_font_description_set_absolute_size (desc, px * PANGO_SCALE);
      font = pango_context_load_font (context, desc);
      found = font != NULL ? pango_font_describe (font) : NULL;
      name = found != NULL ? pango_font_description_get_family (found) : NULL;
      family = g_strdup (name != NULL && *name != '\0' ? name : families);
      g_clear_pointer (&found, pango_font_description_free);
      g_clear_object (&font);
      pango_font_description_free (desc);
    }
  G_LOCK (resolved);
  g_hash_table_replace (resolved, g_strdup (families), g_strdup (family));
  G_UNLOCK (resolved);
  return family;
}

static void
make_fonts (PangoContext *context, const NvChartStyle *style, double font_px, double small_px,
            PangoFontDescription **normal, PangoFontDescription **small,
            PangoFontDescription **bold)
{
  g_autofree char *family = resolved_family (context, style->font_family, font_px);

  *normal = pango_font_description_from_string (style->font_family);
  pango_font_description_set_family (*normal, family);
  pango_font_description_set_absolute_size (*normal, font_px * PANGO_SCALE);
  *small = pango_font_description_copy (*normal);
  pango_font_description_set_absolute_size (*small, small_px * PANGO_SCALE);
  *bold = pango_font_description_copy (*normal);
  pango_font_description_set_absolute_size (*bold, font_px * 1.25 * PANGO_SCALE);
  pango_font_description_set_weight (*bold, PANGO_WEIGHT_BOLD);
}

/* A Pango context for @cr's target, in the process's language. A new
 * context has none: texts of digits and signs only (tick labels, figures)
 * were then itemized without one, and Pango loaded a second font set and a
 * second set of metrics for them. */
static PangoContext *
new_context (cairo_t *cr)
{
  PangoContext *context = pango_cairo_create_context (cr);

  pango_context_set_language (context, pango_language_get_default ());
  return context;
}

void
nv_chart_fonts_init (NvChartFonts *fonts, cairo_t *cr, const NvChartStyle *style, double font_px,
                     double small_px)
{
  fonts->context = new_context (cr);
  fonts->options = NULL;
  make_fonts (fonts->context, style, font_px, small_px, &fonts->normal, &fonts->small,
              &fonts->bold);
  fonts->cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, shaped_free);
}

void
nv_chart_fonts_clear (NvChartFonts *fonts)
{
  g_clear_pointer (&fonts->cache, g_hash_table_unref);
  g_clear_object (&fonts->context);
  g_clear_pointer (&fonts->options, cairo_font_options_destroy);
  g_clear_pointer (&fonts->normal, pango_font_description_free);
  g_clear_pointer (&fonts->small, pango_font_description_free);
  g_clear_pointer (&fonts->bold, pango_font_description_free);
}

void
nv_chart_text_init (NvChartText *text, cairo_t *cr, const NvChartStyle *style)
{
  PangoContext *context = new_context (cr);

  text->cr = cr;
  text->fonts = NULL;
  text->layout = pango_layout_new (context);
  pango_layout_set_single_paragraph_mode (text->layout, TRUE);
  make_fonts (context, style, style->font_size, style->font_size * 0.9, &text->normal, &text->small,
              &text->bold);
  g_object_unref (context);
}

/* What pango_cairo_update_context() looks at: the target's font options
 * with @cr's merged over them, and @cr's transformation (not its offset). */
static gboolean
context_state_matches (NvChartFonts *fonts, cairo_t *cr)
{
  cairo_font_options_t *options = cairo_font_options_create ();
  cairo_font_options_t *set = cairo_font_options_create ();
  cairo_matrix_t matrix;
  gboolean same;

  cairo_surface_get_font_options (cairo_get_target (cr), options);
  cairo_get_font_options (cr, set);
  cairo_font_options_merge (options, set);
  cairo_font_options_destroy (set);
  cairo_get_matrix (cr, &matrix);
  matrix.x0 = matrix.y0 = 0;
  same = fonts->options != NULL && cairo_font_options_equal (options, fonts->options)
         && memcmp (&matrix, &fonts->matrix, sizeof matrix) == 0;
  if (!same)
    {
      g_clear_pointer (&fonts->options, cairo_font_options_destroy);
      fonts->options = g_steal_pointer (&options);
      fonts->matrix = matrix;
    }
  g_clear_pointer (&options, cairo_font_options_destroy);
  return same;
}

void
nv_chart_text_init_cached (NvChartText *text, cairo_t *cr, NvChartFonts *fonts)
{
  text->cr = cr;
  text->layout = NULL;
  text->fonts = fonts;
  text->normal = fonts->normal;
  text->small = fonts->small;
  text->bold = fonts->bold;
  /* Only when the target's font options or the transformation differ from
   * the last draw: pango_cairo_update_context() marks the context changed
   * every time (it sets the matrix anew), and every cached layout would be
   * shaped and laid out again on every redraw. The layouts notice a real
   * change through the context's serial. */
  if (!context_state_matches (fonts, cr))
    pango_cairo_update_context (cr, fonts->context);
}

void
nv_chart_text_clear (NvChartText *text)
{
  if (text->fonts == NULL)
    {
      g_clear_object (&text->layout);
      g_clear_pointer (&text->normal, pango_font_description_free);
      g_clear_pointer (&text->small, pango_font_description_free);
      g_clear_pointer (&text->bold, pango_font_description_free);
    }
  text->normal = text->small = text->bold = NULL;
  text->fonts = NULL;
}

/* Texts drawn cut off with «…» so far (tests check that legends are not). */
static int ellipsized_count;
/* Texts shaped as a line of glyph runs, without a PangoLayout (tests). */
static int shaped_count;

guint
nv_chart_text_shaped_count (void)
{
  return (guint)g_atomic_int_get (&shaped_count);
}

guint
nv_chart_text_ellipsized_count (void)
{
  return (guint)g_atomic_int_get (&ellipsized_count);
}

static void
text_set (PangoLayout *layout, const PangoFontDescription *font, const char *string,
          double max_width, gboolean wrap)
{
  pango_layout_set_font_description (layout, font);
  if (max_width > 0)
    {
      pango_layout_set_width (layout, (int)(max_width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_ellipsize (layout, wrap ? PANGO_ELLIPSIZE_NONE : PANGO_ELLIPSIZE_END);
    }
  else
    {
      pango_layout_set_width (layout, -1);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_NONE);
    }
  pango_layout_set_text (layout, string, -1);
}

/* A text made ready to measure and draw. Most chart texts are one short
 * line that fits its room: those are itemized and shaped here into runs of
 * glyphs, the steps PangoLayout takes for such a line, and nothing more.
 * Measuring a PangoLayout asks every font for its metrics (Pango lays out a
 * sample sentence in it to find an average character width) and for the
 * ink extents of every glyph (FreeType loads and hints each one, and loads
 * it again to draw it); the chart needs neither: a line's logical width is
 * the sum of its advances and its height the font's ascent and descent,
 * which Pango has without loading a glyph. Whatever is not such a line
 * (cut off with «…», wrapped, right-to-left, a glyph the fonts lack, a
 * target without whole-pixel metrics such as PDF) is a PangoLayout as
 * before, so a text looks the same either way. */
typedef struct
{
  char *string;
  PangoLayout *layout; /* NULL: the runs below */
  GPtrArray *runs;     /* PangoGlyphItem, left to right */
  int ascent;          /* Pango units: logical top to baseline */
  int width, height;   /* logical size, whole pixels as pango_layout_get_pixel_extents */
  guint serial;        /* the context's when shaped */
} NvChartShaped;

static void
glyph_item_free (gpointer data)
{
  pango_glyph_item_free (data);
}

static void
shaped_free (gpointer data)
{
  NvChartShaped *shaped = data;

  g_clear_object (&shaped->layout);
  g_clear_pointer (&shaped->runs, g_ptr_array_unref);
  g_free (shaped->string);
  g_free (shaped);
}

static gboolean
is_plain_line (const char *string)
{
  if (*string == '\0')
    return FALSE;
  for (const char *p = string; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      /* tabs, line and paragraph breaks: PangoLayout's own business */
      if (c < 0x20 || c == 0x7f || c == 0x85 || c == 0x2028 || c == 0x2029)
        return FALSE;
    }
  return TRUE;
}

/* Shapes @string as one line in @font into @shaped's runs. FALSE when it is
 * not a plain left-to-right line whose glyphs all exist, when its metrics
 * are not whole 1/256 pixels, or when it is wider than @max_width (> 0): a
 * PangoLayout then does it. */
static gboolean
shape_line (PangoContext *context, const PangoFontDescription *font, const char *string,
            double max_width, NvChartShaped *shaped)
{
  PangoAttrList *attrs;
  GList *items;
  int len = (int)strlen (string);
  int top = G_MAXINT, bottom = G_MININT, width = 0;
  PangoShapeFlags flags = pango_context_get_round_glyph_positions (context)
                              ? PANGO_SHAPE_ROUND_POSITIONS
                              : PANGO_SHAPE_NONE;
  gboolean plain = TRUE;

  if (!is_plain_line (string))
    return FALSE;
  attrs = pango_attr_list_new ();
  pango_attr_list_insert (attrs, pango_attr_font_desc_new (font));
  items = pango_itemize (context, string, 0, len, attrs, NULL);
  pango_attr_list_unref (attrs);
  shaped->runs = g_ptr_array_new_with_free_func (glyph_item_free);
  for (GList *l = items; l != NULL; l = l->next)
    {
      PangoItem *item = l->data;
      PangoGlyphItem *run;
      PangoRectangle logical;

      l->data = NULL;
      run = g_slice_new0 (PangoGlyphItem);
      run->item = item;
      run->glyphs = pango_glyph_string_new ();
      g_ptr_array_add (shaped->runs, run);
      if (!plain || item->analysis.level % 2 != 0 || item->analysis.font == NULL)
        {
          plain = FALSE;
          continue;
        }
      pango_shape_with_flags (string + item->offset, item->length, string, len, &item->analysis,
                              run->glyphs, flags);
      for (int g = 0; g < run->glyphs->num_glyphs && plain; g++)
        {
          PangoGlyphInfo *info = &run->glyphs->glyphs[g];

          /* A hex box has extents of its own. A run starts where the
           * widths before it end, a point cairo keeps in 1/256 pixels:
           * exact for widths in whole 1/256 (4 Pango units). */
          plain = (info->glyph & PANGO_GLYPH_UNKNOWN_FLAG) == 0
                  && info->geometry.width % (PANGO_SCALE / 256) == 0;
        }
      /* Every glyph's logical box is the font's (no glyph is loaded). */
      pango_font_get_glyph_extents (item->analysis.font, PANGO_GLYPH_EMPTY, NULL, &logical);
      plain = plain && logical.y % (PANGO_SCALE / 256) == 0;
      top = MIN (top, logical.y);
      bottom = MAX (bottom, logical.y + logical.height);
      width += pango_glyph_string_get_width (run->glyphs);
    }
  g_list_free (items);
  if (!plain || shaped->runs->len == 0 || (max_width > 0 && width > (int)(max_width * PANGO_SCALE)))
    {
      g_clear_pointer (&shaped->runs, g_ptr_array_unref);
      return FALSE;
    }
  g_atomic_int_inc (&shaped_count);
  shaped->ascent = -top;
  shaped->width = PANGO_PIXELS_CEIL (width);
  shaped->height = PANGO_PIXELS_CEIL (bottom - top);
  return TRUE;
}

static void
shape (PangoContext *context, PangoLayout *scratch, const PangoFontDescription *font,
       const char *string, double max_width, gboolean wrap, NvChartShaped *shaped)
{
  PangoRectangle logical;

  shaped->serial = pango_context_get_serial (context);
  if (shape_line (context, font, string, max_width, shaped))
    return;
  if (scratch != NULL)
    shaped->layout = g_object_ref (scratch);
  else
    {
      shaped->layout = pango_layout_new (context);
      pango_layout_set_single_paragraph_mode (shaped->layout, TRUE);
    }
  text_set (shaped->layout, font, string, max_width, wrap);
  pango_layout_get_pixel_extents (shaped->layout, NULL, &logical);
  shaped->width = logical.width;
  shaped->height = logical.height;
}

/* The shaped @string: from the chart layout's cache when there is one
 * (made once, measured and drawn from the same object; shaped again only
 * when the context changed), else made now in @scratch, to be released
 * with shaped_release(). */
static NvChartShaped *
text_shaped (NvChartText *text, const PangoFontDescription *font, const char *string,
             double max_width, gboolean wrap, NvChartShaped *scratch)
{
  char kind;
  g_autofree char *key = NULL;
  NvChartShaped *shaped;

  if (text->fonts == NULL)
    {
      *scratch = (NvChartShaped){ 0 };
      shape (pango_layout_get_context (text->layout), text->layout, font, string, max_width, wrap,
             scratch);
      return scratch;
    }
  kind = font == text->bold ? 'b' : font == text->small ? 's' : 'n';
  key = g_strdup_printf ("%c%s|%d|%s", kind, wrap ? "w" : "", (int)max_width, string);
  shaped = g_hash_table_lookup (text->fonts->cache, key);
  if (shaped != NULL && shaped->runs != NULL
      && shaped->serial != pango_context_get_serial (text->fonts->context))
    {
      g_hash_table_remove (text->fonts->cache, key);
      shaped = NULL;
    }
  if (shaped == NULL)
    {
      shaped = g_new0 (NvChartShaped, 1);
      shaped->string = g_strdup (string);
      shape (text->fonts->context, NULL, font, string, max_width, wrap, shaped);
      g_hash_table_insert (text->fonts->cache, g_steal_pointer (&key), shaped);
    }
  else if (shaped->layout != NULL)
    {
      /* a layout follows its context by itself */
      PangoRectangle logical;

      pango_layout_get_pixel_extents (shaped->layout, NULL, &logical);
      shaped->width = logical.width;
      shaped->height = logical.height;
    }
  return shaped;
}

static void
shaped_release (NvChartText *text, NvChartShaped *shaped)
{
  if (text->fonts == NULL)
    {
      g_clear_object (&shaped->layout);
      g_clear_pointer (&shaped->runs, g_ptr_array_unref);
    }
}

static void
text_extents (NvChartText *text, const PangoFontDescription *font, const char *string,
              double max_width, gboolean wrap, double *width, double *height)
{
  NvChartShaped scratch;
  NvChartShaped *shaped = text_shaped (text, font, string, max_width, wrap, &scratch);

  if (width != NULL)
    *width = shaped->width;
  if (height != NULL)
    *height = shaped->height;
  shaped_release (text, shaped);
}

void
nv_chart_text_size (NvChartText *text, const PangoFontDescription *font, const char *string,
                    double max_width, double *width, double *height)
{
  text_extents (text, font, string, max_width, FALSE, width, height);
}

void
nv_chart_text_wrapped_size (NvChartText *text, const PangoFontDescription *font, const char *string,
                            double max_width, double *width, double *height)
{
  text_extents (text, font, string, max_width, TRUE, width, height);
}

void
nv_chart_set_color (cairo_t *cr, const NvChartColor *color)
{
  cairo_set_source_rgba (cr, color->r, color->g, color->b, color->a);
}

void
nv_chart_begin_figure (cairo_t *cr, const NvChartStyle *style)
{
  cairo_save (cr);
  if (style->background.a > 0)
    {
      nv_chart_set_color (cr, &style->background);
      cairo_paint (cr);
    }
}

cairo_t *
nv_chart_scratch_context (void)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cairo_t *cr = cairo_create (surface);

  cairo_surface_destroy (surface); /* cr holds it */
  return cr;
}

/* Does @cr's transformation map 1/256 of a user unit onto whole 1/256 of
 * a device pixel (integer scale, no rotation, offset on that grid)? Then a
 * point set in user units is kept exactly, as cairo keeps the current
 * point in 1/256 device pixels. */
static gboolean
exact_transform (cairo_t *cr)
{
  cairo_matrix_t m;

  cairo_get_matrix (cr, &m);
  return m.xy == 0 && m.yx == 0 && m.xx >= 1 && m.yy >= 1 && m.xx == floor (m.xx)
         && m.yy == floor (m.yy) && m.x0 * 256 == floor (m.x0 * 256)
         && m.y0 * 256 == floor (m.y0 * 256);
}

static PangoContext *
layout_context (NvChartText *text)
{
  return text->fonts != NULL ? text->fonts->context : pango_layout_get_context (text->layout);
}

/* Draws @string with its logical top-left at (@x, @y), from what it was
 * measured with (shaping costs, and the texts repeat from draw to draw). */
static void
text_show (NvChartText *text, const PangoFontDescription *font, const char *string, double x,
           double y, double max_width, gboolean wrap, const NvChartColor *color)
{
  NvChartShaped scratch;
  NvChartShaped *shaped = text_shaped (text, font, string, max_width, wrap, &scratch);

  nv_chart_set_color (text->cr, color);
  if (shaped->layout != NULL)
    {
      if (pango_layout_is_ellipsized (shaped->layout))
        g_atomic_int_inc (&ellipsized_count);
      cairo_move_to (text->cr, round (x), round (y));
      pango_cairo_show_layout (text->cr, shaped->layout);
    }
  else if (!exact_transform (text->cr))
    {
      /* Under a transformation that does not keep 1/256 pixels whole, a
       * run's start would round otherwise than Pango's: draw the text as
       * a layout there (not cached; such targets are rare). */
      PangoLayout *layout = pango_layout_new (layout_context (text));

      pango_layout_set_single_paragraph_mode (layout, TRUE);
      text_set (layout, font, string, max_width, wrap);
      cairo_move_to (text->cr, round (x), round (y));
      pango_cairo_show_layout (text->cr, layout);
      g_object_unref (layout);
    }
  else
    {
      /* Where pango_cairo_show_layout() puts a line: its baseline @ascent
       * below the top, each run after the one before it. */
      int pen = 0;

      for (guint r = 0; r < shaped->runs->len; r++)
        {
          PangoGlyphItem *run = g_ptr_array_index (shaped->runs, r);

          cairo_move_to (text->cr, round (x) + (double)pen / PANGO_SCALE,
                         round (y) + (double)shaped->ascent / PANGO_SCALE);
          pango_cairo_show_glyph_item (text->cr, string, run);
          pen += pango_glyph_string_get_width (run->glyphs);
        }
    }
  shaped_release (text, shaped);
}

void
nv_chart_text_draw (NvChartText *text, const PangoFontDescription *font, const char *string,
                    double x, double y, double max_width, const NvChartColor *color)
{
  text_show (text, font, string, x, y, max_width, FALSE, color);
}

void
nv_chart_text_draw_wrapped (NvChartText *text, const PangoFontDescription *font, const char *string,
                            double x, double y, double max_width, const NvChartColor *color)
{
  text_show (text, font, string, x, y, max_width, TRUE, color);
}
