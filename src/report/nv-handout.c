/* nv-handout.c — the unit's figures on one page (A4 PDF).
 *
 * A chart of sick leave by quarter against one benchmark and a table of
 * the last four quarters. Quarters with fewer than five persons carry no
 * figure at all (the chart leaves a hatched gap, the table says why).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-handout"

#include "config.h"

#include <cairo-pdf.h>
#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <unistd.h>

#include "nv-compare.h"
#include "nv-format.h"
#include "nv-handout.h"

#define WIDTH 595.28
#define HEIGHT 841.89
#define MARGIN 48.0
#define FONT "Sans"
#define DEFAULT_BENCHMARK "Kommuner"

static const double ink[3] = { 0.14, 0.14, 0.16 };
static const double muted[3] = { 0.30, 0.30, 0.34 };
static const double accent[3] = { 0.10, 0.33, 0.60 };

static double
put (cairo_t *cr, PangoLayout *layout, const char *str, double size, PangoWeight weight,
     double x, double y, double width, const double rgb[3], PangoAlignment align)
{
  PangoFontDescription *font = pango_font_description_from_string (FONT);
  int w, h;

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_font_description_set_weight (font, weight);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (layout, align);
  pango_layout_set_text (layout, str, -1);
  cairo_set_source_rgb (cr, rgb[0], rgb[1], rgb[2]);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  pango_layout_get_size (layout, &w, &h);
  return (double) h / PANGO_SCALE;
}

static char *
cell_value (const NvCompare *c, guint q, double value, gboolean masked)
{
  if (masked)
    return g_strdup (_("hidden"));
  if (isnan (value))
    return g_strdup ("–");
  return nv_format_percent_sign (value);
}

static void
draw_table (cairo_t *cr, PangoLayout *layout, const NvCompare *c, double y)
{
  const NvCompareSeries *series = c->series->len > 0 ? g_ptr_array_index (c->series, 0) : NULL;
  double col[4] = { MARGIN, MARGIN + 150, MARGIN + 250, MARGIN + 370 };
  double widths[4] = { 140, 90, 110, 130 };
  int last = c->latest;
  int first = MAX (0, last - 3);

  double head;

  /* Headers may wrap (long unit names): the rows start below the tallest. */
  head = put (cr, layout, _("Quarter"), 11, PANGO_WEIGHT_BOLD, col[0], y, widths[0], ink,
              PANGO_ALIGN_LEFT);
  head = MAX (head, put (cr, layout, _("Persons"), 11, PANGO_WEIGHT_BOLD, col[1], y, widths[1],
                         ink, PANGO_ALIGN_RIGHT));
  head = MAX (head, put (cr, layout, c->unit_name, 11, PANGO_WEIGHT_BOLD, col[2], y, widths[2],
                         ink, PANGO_ALIGN_RIGHT));
  if (series != NULL)
    head = MAX (head, put (cr, layout, series->label, 11, PANGO_WEIGHT_BOLD, col[3], y,
                           widths[3], ink, PANGO_ALIGN_RIGHT));
  y += head + 8;
  cairo_set_source_rgb (cr, ink[0], ink[1], ink[2]);
  cairo_set_line_width (cr, 0.8);
  cairo_move_to (cr, MARGIN, y - 3);
  cairo_line_to (cr, WIDTH - MARGIN, y - 3);
  cairo_stroke (cr);

  for (int q = first; last >= 0 && q <= last; q++)
    {
      gboolean masked = nv_compare_masked (c, q);
      g_autofree char *label = nv_compare_quarter_label (c, q);
      g_autofree char *persons = masked ? g_strdup (_("fewer than 5"))
                                        : g_strdup_printf ("%u", c->quarters[q].persons);
      g_autofree char *unit = cell_value (c, q, c->unit_values[q], masked);

      put (cr, layout, label, 11, PANGO_WEIGHT_NORMAL, col[0], y, widths[0], ink, PANGO_ALIGN_LEFT);
      put (cr, layout, persons, 11, PANGO_WEIGHT_NORMAL, col[1], y, widths[1], ink,
           PANGO_ALIGN_RIGHT);
      put (cr, layout, unit, 11, PANGO_WEIGHT_BOLD, col[2], y, widths[2], ink, PANGO_ALIGN_RIGHT);
      if (series != NULL)
        {
          g_autofree char *bench = cell_value (c, q, series->values[q],
                                               series->masked != NULL && series->masked[q]);
          put (cr, layout, bench, 11, PANGO_WEIGHT_NORMAL, col[3], y, widths[3], ink,
               PANGO_ALIGN_RIGHT);
        }
      y += 20;
    }
}

gboolean
nv_handout_write_full (NvStore *store, gint64 unit_id, const char *benchmark, NvDay as_of,
                       const char *path, GError **error)
{
  g_autoptr (NvCompare) compare = NULL;
  g_autoptr (NvChart) chart = NULL;
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *tmpl = g_strdup_printf (".%s-XXXXXX", base);
  g_autofree char *tmp = g_build_filename (dir, tmpl, NULL);
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *today = NULL;
  g_autofree char *note = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  PangoLayout *layout;
  NvChartStyle style;
  cairo_t *cr;
  double y;
  int fd;

  if (benchmark != NULL)
    {
      const char *names[] = { benchmark, NULL };
      compare = nv_compare_new (store, unit_id, names, NV_DAY_NONE, NV_DAY_NONE, as_of, NULL);
    }
  if (compare == NULL)
    compare = nv_compare_new (store, unit_id, NULL, NV_DAY_NONE, NV_DAY_NONE, as_of, error);
  if (compare == NULL)
    return FALSE;

  fd = g_mkstemp (tmp);
  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved), _("Cannot write “%s”: %s"),
                   path, g_strerror (saved));
      return FALSE;
    }
  close (fd);

  surface = cairo_pdf_surface_create (tmp, WIDTH, HEIGHT);
  /* Translators: the handout's title; %s is the unit */
  title = g_strdup_printf (_("Sick leave at %s"), compare->unit_name);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cr = cairo_create (surface);
  layout = pango_cairo_create_layout (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);

  today = nv_day_format_local (as_of != NV_DAY_NONE ? as_of : nv_day_today ());
  subtitle = g_strdup_printf (_("Our figures for the dialogue workshop, as of %s"), today);
  y = MARGIN;
  y += put (cr, layout, title, 24, PANGO_WEIGHT_HEAVY, MARGIN, y, WIDTH - 2 * MARGIN, accent,
            PANGO_ALIGN_LEFT);
  y += 4 + put (cr, layout, subtitle, 12, PANGO_WEIGHT_NORMAL, MARGIN, y + 4, WIDTH - 2 * MARGIN,
                muted, PANGO_ALIGN_LEFT);
  y += 18;

  if (compare->n_with_data == 0)
    {
      y += put (cr, layout, _("There are no figures for the unit yet."), 13, PANGO_WEIGHT_NORMAL,
                MARGIN, y, WIDTH - 2 * MARGIN, ink, PANGO_ALIGN_LEFT);
    }
  else
    {
      chart = nv_compare_trend_chart (compare, store, TRUE);
      /* The page's own heading names the unit; the chart needs no title. */
      nv_chart_set_title (chart, NULL);
      nv_chart_style_init (&style, NV_CHART_STYLE_LIGHT);
      cairo_save (cr);
      cairo_translate (cr, MARGIN, y);
      nv_chart_draw (chart, cr, WIDTH - 2 * MARGIN, 330, &style);
      cairo_restore (cr);
      y += 350;
      y += put (cr, layout, _("The last four quarters"), 14, PANGO_WEIGHT_BOLD, MARGIN, y,
                WIDTH - 2 * MARGIN, accent, PANGO_ALIGN_LEFT) + 10;
      draw_table (cr, layout, compare, y);
    }

  note = g_strdup_printf (_("Sick leave is lost days as a share of contracted days (SSB/NAV "
                            "definitions); shown here: %s. Figures for quarters with fewer than "
                            "five persons are hidden to protect privacy."),
                          nv_benchmark_measure_label (compare->measure));
  put (cr, layout, note,
       9.5, PANGO_WEIGHT_NORMAL, MARGIN, HEIGHT - MARGIN - 40, WIDTH - 2 * MARGIN, muted,
       PANGO_ALIGN_LEFT);

  cairo_show_page (cr);
  g_object_unref (layout);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS || g_rename (tmp, path) != 0)
    {
      int saved = errno;
      g_unlink (tmp);
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED, _("Cannot write “%s”: %s"), path,
                   status != CAIRO_STATUS_SUCCESS ? cairo_status_to_string (status)
                                                  : g_strerror (saved));
      return FALSE;
    }
  g_chmod (path, 0644);
  return TRUE;
}

gboolean
nv_handout_write (NvStore *store, gint64 unit_id, const char *path, GError **error)
{
  return nv_handout_write_full (store, unit_id, DEFAULT_BENCHMARK, NV_DAY_NONE, path, error);
}
