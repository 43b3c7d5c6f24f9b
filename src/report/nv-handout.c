/* nv-handout.c — the unit's figures on one page (A4 PDF).
 *
 * A chart of sick leave by quarter against one benchmark and a table of
 * the same five quarters the Overview shows: the running quarter so far and
 * the four before it (a unit entered this quarter has figures at once). Quarters with fewer than five persons carry no
 * figure at all (the chart leaves a hatched gap, the table says why).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-handout"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "nv-compare.h"
#include "nv-format.h"
#include "nv-handout.h"
#include "nv-printable-private.h"

#define WIDTH NV_PAGE_A4_WIDTH
#define HEIGHT NV_PAGE_A4_HEIGHT
#define MARGIN 48.0
#define DEFAULT_BENCHMARK "Kommuner"

static const double ink[3] = { 0.14, 0.14, 0.16 };
static const double muted[3] = { 0.30, 0.30, 0.34 };
static const double accent[3] = { 0.10, 0.33, 0.60 };

static double
put (cairo_t *cr, PangoLayout *layout, const char *str, double size, PangoWeight weight,
     double x, double y, double width, const double rgb[3], PangoAlignment align)
{
  double height = nv_printable_set_text (layout, str, size, weight, width, align);

  cairo_set_source_rgb (cr, rgb[0], rgb[1], rgb[2]);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  return height;
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

/* Quarter, persons, the unit's total sick leave (as on the Overview), the
 * unit's doctor-certified figure when the benchmark is of that measure
 * (like with like), and the benchmark. */
static void
draw_table (cairo_t *cr, PangoLayout *layout, const NvCompare *c, double y)
{
  const NvCompareSeries *series = c->series->len > 0 ? g_ptr_array_index (c->series, 0) : NULL;
  gboolean doctor = c->measure == NV_MEASURE_LEGEMELDT;
  double col[5] = { MARGIN, MARGIN + 112, MARGIN + 172, MARGIN + 272, MARGIN + 377 };
  double widths[5] = { 105, 60, 100, 105, 122 };
  int last = c->latest;
  int first = MAX (0, last - 4);
  int bench_col = doctor ? 4 : 3;
  double head;

  /* Headers may wrap (long names): the rows start below the tallest. */
  head = put (cr, layout, _("Quarter"), 11, PANGO_WEIGHT_BOLD, col[0], y, widths[0], ink,
              PANGO_ALIGN_LEFT);
  head = MAX (head, put (cr, layout, _("Persons"), 11, PANGO_WEIGHT_BOLD, col[1], y, widths[1],
                         ink, PANGO_ALIGN_RIGHT));
  head = MAX (head, put (cr, layout, _("Sick leave"), 11, PANGO_WEIGHT_BOLD, col[2], y,
                         widths[2], ink, PANGO_ALIGN_RIGHT));
  if (doctor)
    head = MAX (head, put (cr, layout, _("Doctor-certified"), 11, PANGO_WEIGHT_BOLD, col[3], y,
                           widths[3], ink, PANGO_ALIGN_RIGHT));
  if (series != NULL)
    head = MAX (head, put (cr, layout, series->label, 11, PANGO_WEIGHT_BOLD, col[bench_col], y,
                           widths[bench_col], ink, PANGO_ALIGN_RIGHT));
  y += head + 8;
  cairo_set_source_rgb (cr, ink[0], ink[1], ink[2]);
  cairo_set_line_width (cr, 0.8);
  cairo_move_to (cr, MARGIN, y - 3);
  cairo_line_to (cr, WIDTH - MARGIN, y - 3);
  cairo_stroke (cr);

  for (int q = first; last >= 0 && q <= last; q++)
    {
      gboolean masked = nv_compare_masked (c, q);
      g_autofree char *quarter = nv_compare_quarter_label (c, q);
      /* Translators: the running quarter in the handout's table, «Q4 2026 so far» */
      g_autofree char *label = (c->last_running && q == (int) c->n_quarters - 1)
                                 ? g_strdup_printf (_("%s so far"), quarter)
                                 : g_strdup (quarter);
      g_autofree char *persons = masked ? g_strdup (_("under 5"))
                                        : g_strdup_printf ("%u", c->quarters[q].persons);
      g_autofree char *total = cell_value (c, q, c->quarters[q].percent, masked);

      put (cr, layout, label, 11, PANGO_WEIGHT_NORMAL, col[0], y, widths[0], ink, PANGO_ALIGN_LEFT);
      put (cr, layout, persons, 11, PANGO_WEIGHT_NORMAL, col[1], y, widths[1], ink,
           PANGO_ALIGN_RIGHT);
      put (cr, layout, total, 11, PANGO_WEIGHT_BOLD, col[2], y, widths[2], ink, PANGO_ALIGN_RIGHT);
      if (doctor)
        {
          g_autofree char *unit = cell_value (c, q, c->unit_values[q], masked);
          put (cr, layout, unit, 11, PANGO_WEIGHT_NORMAL, col[3], y, widths[3], ink,
               PANGO_ALIGN_RIGHT);
        }
      if (series != NULL)
        {
          g_autofree char *bench = cell_value (c, q, series->values[q],
                                               series->masked != NULL && series->masked[q]);
          put (cr, layout, bench, 11, PANGO_WEIGHT_NORMAL, col[bench_col], y, widths[bench_col],
               ink, PANGO_ALIGN_RIGHT);
        }
      y += 20;
    }
}

struct _NvHandout
{
  GObject parent_instance;
  NvCompare *compare;
  NvChart *chart; /* NULL without figures */
  char *title;
  char *subtitle;
};

static void nv_handout_printable_init (NvPrintableInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (NvHandout, nv_handout, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (NV_TYPE_PRINTABLE,
                                                      nv_handout_printable_init))

static char *
handout_get_title (NvPrintable *printable)
{
  return g_strdup (NV_HANDOUT (printable)->title);
}

static void
handout_get_page_size (NvPrintable *printable, double *width, double *height)
{
  *width = WIDTH;
  *height = HEIGHT;
}

static guint
handout_get_n_pages (NvPrintable *printable)
{
  return 1;
}

static void
handout_draw_page (NvPrintable *printable, cairo_t *cr, guint page)
{
  NvHandout *self = NV_HANDOUT (printable);
  const NvCompare *compare = self->compare;
  g_autoptr (PangoLayout) layout = pango_cairo_create_layout (cr);
  g_autofree char *note = NULL;
  NvChartStyle style;
  double y;

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);

  y = MARGIN;
  y += put (cr, layout, self->title, 24, PANGO_WEIGHT_HEAVY, MARGIN, y, WIDTH - 2 * MARGIN, accent,
            PANGO_ALIGN_LEFT);
  y += 4 + put (cr, layout, self->subtitle, 12, PANGO_WEIGHT_NORMAL, MARGIN, y + 4,
                WIDTH - 2 * MARGIN, muted, PANGO_ALIGN_LEFT);
  y += 18;

  if (self->chart == NULL)
    {
      put (cr, layout, _("There are no figures for the unit yet."), 13, PANGO_WEIGHT_NORMAL,
           MARGIN, y, WIDTH - 2 * MARGIN, ink, PANGO_ALIGN_LEFT);
    }
  else
    {
      nv_chart_style_init (&style, NV_CHART_STYLE_LIGHT);
      cairo_save (cr);
      cairo_translate (cr, MARGIN, y);
      nv_chart_draw (self->chart, cr, WIDTH - 2 * MARGIN, 330, &style);
      cairo_restore (cr);
      y += 350;
      y += put (cr, layout, _("The last quarters"), 14, PANGO_WEIGHT_BOLD, MARGIN, y,
                WIDTH - 2 * MARGIN, accent, PANGO_ALIGN_LEFT) + 10;
      draw_table (cr, layout, compare, y);
    }

  note = g_strdup_printf (_("Sick leave is lost days as a share of contracted days (SSB/NAV "
                            "definitions); shown here: %s. Figures for quarters with fewer than "
                            "five persons are hidden to protect privacy."),
                          nv_benchmark_measure_label (compare->measure));
  put (cr, layout, note, 9.5, PANGO_WEIGHT_NORMAL, MARGIN, HEIGHT - MARGIN - 40,
       WIDTH - 2 * MARGIN, muted, PANGO_ALIGN_LEFT);
}

static void
nv_handout_printable_init (NvPrintableInterface *iface)
{
  iface->get_title = handout_get_title;
  iface->get_page_size = handout_get_page_size;
  iface->get_n_pages = handout_get_n_pages;
  iface->draw_page = handout_draw_page;
}

static void
nv_handout_finalize (GObject *object)
{
  NvHandout *self = NV_HANDOUT (object);

  g_clear_pointer (&self->compare, nv_compare_free);
  g_clear_object (&self->chart);
  g_free (self->title);
  g_free (self->subtitle);
  G_OBJECT_CLASS (nv_handout_parent_class)->finalize (object);
}

static void
nv_handout_class_init (NvHandoutClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = nv_handout_finalize;
}

static void
nv_handout_init (NvHandout *self)
{
}

NvHandout *
nv_handout_new (NvStore *store, gint64 unit_id, const char *benchmark, NvDay as_of,
                GError **error)
{
  g_autoptr (NvHandout) self = g_object_new (NV_TYPE_HANDOUT, NULL);
  g_autofree char *today = NULL;

  if (as_of == NV_DAY_NONE)
    as_of = nv_store_today (store);
  if (benchmark != NULL)
    {
      const char *names[] = { benchmark, NULL };
      self->compare = nv_compare_new_full (store, unit_id, names, NV_DAY_NONE, NV_DAY_NONE, as_of,
                                           TRUE, NULL);
    }
  if (self->compare == NULL)
    self->compare = nv_compare_new_full (store, unit_id, NULL, NV_DAY_NONE, NV_DAY_NONE, as_of,
                                         TRUE, error);
  if (self->compare == NULL)
    return NULL;

  /* Translators: the handout's title; %s is the unit */
  self->title = g_strdup_printf (_("Sick leave at %s"), self->compare->unit_name);
  today = nv_day_format_local (as_of);
  self->subtitle = g_strdup_printf (_("Our figures for the dialogue workshop, as of %s"), today);
  if (self->compare->n_with_data > 0)
    {
      self->chart = nv_compare_trend_chart (self->compare, store, TRUE);
      /* The page's own heading names the unit; the chart needs no title. */
      nv_chart_set_title (self->chart, NULL);
    }
  return g_steal_pointer (&self);
}

gboolean
nv_handout_write_full (NvStore *store, gint64 unit_id, const char *benchmark, NvDay as_of,
                       const char *path, GError **error)
{
  g_autoptr (NvHandout) handout = nv_handout_new (store, unit_id, benchmark, as_of, error);

  return handout != NULL && nv_printable_write_pdf (NV_PRINTABLE (handout), path, error);
}

gboolean
nv_handout_write (NvStore *store, gint64 unit_id, const char *path, GError **error)
{
  return nv_handout_write_full (store, unit_id, DEFAULT_BENCHMARK, NV_DAY_NONE, path, error);
}
