/* nv-poster.c — the «NED med sykefraværet hos [enhet]» poster.
 *
 * One page: a title band, the measures agreed at the workshop (what, who,
 * by when), and lines for signatures. Sizes are set for A4 and scaled for
 * A3 so both look the same from across a corridor. When many measures do not
 * fit, the type shrinks a little, then the rest is summarised in one line.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-poster"

#include "config.h"

#include <glib/gi18n.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "nv-calendar.h"
#include "nv-measure.h"
#include "nv-poster.h"
#include "nv-printable-private.h"
#include "nv-unit.h"
#include "nv-workshop.h"


/* Dark text and a deep blue that stays readable in black-and-white copies. */
static const double ink[3] = { 0.14, 0.14, 0.16 };
static const double muted[3] = { 0.30, 0.30, 0.34 };
static const double accent[3] = { 0.10, 0.33, 0.60 };

gboolean
nv_paper_size_parse (const char *text, NvPaperSize *size)
{
  if (g_ascii_strcasecmp (text != NULL ? text : "", "a4") == 0)
    *size = NV_PAPER_A4;
  else if (g_ascii_strcasecmp (text != NULL ? text : "", "a3") == 0)
    *size = NV_PAPER_A3;
  else
    return FALSE;
  return TRUE;
}

static void
measure_free (NvPosterMeasure *m)
{
  g_free (m->what);
  g_free (m->who);
  g_free (m->deadline);
  g_free (m);
}

NvPosterContent *
nv_poster_content_new (void)
{
  NvPosterContent *content = g_new0 (NvPosterContent, 1);
  content->measures = g_ptr_array_new_with_free_func ((GDestroyNotify) measure_free);
  return content;
}

void
nv_poster_content_free (NvPosterContent *content)
{
  if (content == NULL)
    return;
  g_free (content->unit_name);
  g_free (content->date);
  g_free (content->followup_date);
  g_ptr_array_unref (content->measures);
  g_free (content);
}

void
nv_poster_content_add (NvPosterContent *content, const char *what, const char *who,
                       const char *deadline)
{
  NvPosterMeasure *m = g_new0 (NvPosterMeasure, 1);

  m->what = g_strdup (what);
  m->who = g_strdup (who != NULL ? who : "");
  m->deadline = g_strdup (deadline != NULL ? deadline : "");
  g_ptr_array_add (content->measures, m);
}

char *
nv_poster_format_date (const char *iso)
{
  if (iso != NULL && strlen (iso) == 10 && iso[4] == '-' && iso[7] == '-')
    return g_strdup_printf ("%.2s.%.2s.%.4s", iso + 8, iso + 5, iso);
  return g_strdup (iso != NULL ? iso : "");
}

NvPosterContent *
nv_poster_content_for_workshop (NvStore *store, gint64 workshop_id, GError **error)
{
  g_autoptr (NvWorkshop) workshop = nv_workshop_get (store, workshop_id, error);
  g_autoptr (NvUnit) unit = NULL;
  g_autoptr (GPtrArray) measures = NULL;
  g_autoptr (NvPosterContent) content = NULL;

  if (workshop == NULL)
    return NULL;
  unit = nv_unit_get (store, workshop->unit_id, error);
  if (unit == NULL)
    return NULL;
  measures = nv_workshop_measures (store, workshop_id, error);
  if (measures == NULL)
    return NULL;

  content = nv_poster_content_new ();
  content->unit_name = g_strdup (unit->name);
  content->date = nv_poster_format_date (workshop->date);
  if (workshop->followup_date != NULL)
    content->followup_date = nv_poster_format_date (workshop->followup_date);
  for (guint i = 0; i < measures->len; i++)
    {
      NvMeasure *m = g_ptr_array_index (measures, i);
      char iso[16] = "";
      g_autofree char *deadline = NULL;

      if (m->deadline != NV_DAY_NONE)
        {
          nv_day_format_iso_buf (m->deadline, iso);
          deadline = nv_poster_format_date (iso);
        }
      nv_poster_content_add (content, m->title, m->owner, deadline);
    }
  return g_steal_pointer (&content);
}

/* ---- Drawing ------------------------------------------------------------ */

typedef struct
{
  cairo_t *cr;
  PangoLayout *layout;
  double s; /* scale from A4 */
  double width;
  double height;
  double margin;
} Page;

static void
set_text (Page *p, const char *text, double size, PangoWeight weight, double width)
{
  nv_printable_set_text (p->layout, text, size * p->s, weight, width, PANGO_ALIGN_LEFT);
}

static double
text_height (Page *p)
{
  int w, h;
  pango_layout_get_size (p->layout, &w, &h);
  return (double) h / PANGO_SCALE;
}

/* Draws the current layout at (x, y) in @rgb; returns its height. */
static double
show (Page *p, double x, double y, const double rgb[3])
{
  cairo_set_source_rgb (p->cr, rgb[0], rgb[1], rgb[2]);
  cairo_move_to (p->cr, x, y);
  pango_cairo_show_layout (p->cr, p->layout);
  return text_height (p);
}

static char *
measure_detail (const NvPosterMeasure *m)
{
  if (*m->who != '\0' && *m->deadline != '\0')
    /* Translators: under each measure on the poster: who and by when */
    return g_strdup_printf (_("Who: %s   ·   By: %s"), m->who, m->deadline);
  if (*m->who != '\0')
    return g_strdup_printf (_("Who: %s"), m->who);
  if (*m->deadline != '\0')
    return g_strdup_printf (_("By: %s"), m->deadline);
  return NULL;
}

/* Lays out measures from @y with type scaled by @f; draws only when @draw.
 * Returns the y reached, stopping before @limit; *@n_done gets how many fit. */
static double
lay_out_measures (Page *p, const NvPosterContent *c, double y, double limit, double f,
                  gboolean draw, guint *n_done)
{
  double x_num = p->margin;
  double x_text = p->margin + 34 * p->s * f;
  double w_text = p->width - p->margin - x_text;

  *n_done = 0;
  for (guint i = 0; i < c->measures->len; i++)
    {
      const NvPosterMeasure *m = g_ptr_array_index (c->measures, i);
      g_autofree char *num = g_strdup_printf ("%u", i + 1);
      g_autofree char *detail = measure_detail (m);
      double h, h_detail = 0, gap = 16 * p->s * f;

      set_text (p, m->what, 18 * f, PANGO_WEIGHT_BOLD, w_text);
      h = text_height (p);
      if (detail != NULL)
        {
          set_text (p, detail, 13 * f, PANGO_WEIGHT_NORMAL, w_text);
          h_detail = text_height (p) + 4 * p->s * f;
        }
      if (y + h + h_detail > limit)
        break;
      if (draw)
        {
          set_text (p, num, 18 * f, PANGO_WEIGHT_HEAVY, 30 * p->s);
          show (p, x_num, y, accent);
          set_text (p, m->what, 18 * f, PANGO_WEIGHT_BOLD, w_text);
          show (p, x_text, y, ink);
          if (detail != NULL)
            {
              set_text (p, detail, 13 * f, PANGO_WEIGHT_NORMAL, w_text);
              show (p, x_text, y + h + 4 * p->s * f, muted);
            }
        }
      y += h + h_detail + gap;
      if (draw && i + 1 < c->measures->len)
        {
          cairo_set_source_rgba (p->cr, ink[0], ink[1], ink[2], 0.25);
          cairo_set_line_width (p->cr, 0.6 * p->s);
          cairo_move_to (p->cr, x_text, y - gap / 2);
          cairo_line_to (p->cr, p->width - p->margin, y - gap / 2);
          cairo_stroke (p->cr);
        }
      (*n_done)++;
    }
  return y;
}

static void
draw_poster (Page *p, const NvPosterContent *c)
{
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  const char *labels[4];
  double y, band, sig_top, inner = p->width - 2 * p->margin;
  double f = 1.4; /* few measures get larger type */
  guint n_done = 0;

  cairo_set_source_rgb (p->cr, 1, 1, 1);
  cairo_paint (p->cr);

  /* Title band */
  /* Translators: the poster's title; %s is the unit's name. Keep «NED», the
   * programme's name. */
  title = g_strdup_printf (_("NED med sykefraværet hos %s"), c->unit_name);
  /* Translators: under the poster's title; %s is the workshop's date */
  subtitle = g_strdup_printf (_("What we agreed together at the dialogue workshop on %s"), c->date);
  set_text (p, title, 32, PANGO_WEIGHT_HEAVY, inner);
  band = p->margin + text_height (p);
  set_text (p, subtitle, 14, PANGO_WEIGHT_NORMAL, inner);
  band += 10 * p->s + text_height (p) + 28 * p->s;

  cairo_set_source_rgb (p->cr, accent[0], accent[1], accent[2]);
  cairo_rectangle (p->cr, 0, 0, p->width, band);
  cairo_fill (p->cr);
  {
    static const double white[3] = { 1, 1, 1 };
    set_text (p, title, 32, PANGO_WEIGHT_HEAVY, inner);
    y = p->margin + show (p, p->margin, p->margin, white);
    set_text (p, subtitle, 14, PANGO_WEIGHT_NORMAL, inner);
    show (p, p->margin, y + 10 * p->s, white);
  }

  /* Measures */
  y = band + 30 * p->s;
  set_text (p, _("Our measures"), 15, PANGO_WEIGHT_BOLD, inner);
  y += show (p, p->margin, y, accent) + 14 * p->s;

  sig_top = p->height - p->margin - 150 * p->s;
  if (c->measures->len == 0)
    {
      set_text (p, _("No measures have been agreed yet."), 16, PANGO_WEIGHT_NORMAL, inner);
      show (p, p->margin, y, muted);
    }
  else
    {
      /* Shrink the type (from 140 %) down to 70 % before leaving measures out. */
      while (f > 0.7 && (lay_out_measures (p, c, y, sig_top - 30 * p->s, f, FALSE, &n_done),
                         n_done < c->measures->len))
        f -= 0.05;
      y = lay_out_measures (p, c, y, sig_top - 30 * p->s, f, TRUE, &n_done);
      if (n_done < c->measures->len)
        {
          g_autofree char *more = g_strdup_printf (
            g_dngettext (GETTEXT_PACKAGE, "… and %u more measure in the measures register",
                         "… and %u more measures in the measures register",
                         c->measures->len - n_done),
            c->measures->len - n_done);
          set_text (p, more, 13, PANGO_WEIGHT_NORMAL, inner);
          show (p, p->margin, y, muted);
        }
    }

  /* Signatures: 2 × 2 lines with the role under each. */
  set_text (p, _("Signed"), 13, PANGO_WEIGHT_BOLD, inner);
  show (p, p->margin, sig_top, accent);
  labels[0] = _("Leader");
  labels[1] = _("Union representative");
  labels[2] = _("Safety representative");
  labels[3] = _("For the staff");
  for (int i = 0; i < 4; i++)
    {
      double col_w = (inner - 30 * p->s) / 2;
      double x = p->margin + (i % 2) * (col_w + 30 * p->s);
      double line_y = sig_top + 58 * p->s + (i / 2) * 52 * p->s;

      cairo_set_source_rgb (p->cr, ink[0], ink[1], ink[2]);
      cairo_set_line_width (p->cr, 0.8 * p->s);
      cairo_move_to (p->cr, x, line_y);
      cairo_line_to (p->cr, x + col_w, line_y);
      cairo_stroke (p->cr);
      set_text (p, labels[i], 10, PANGO_WEIGHT_NORMAL, col_w);
      show (p, x, line_y + 3 * p->s, muted);
    }

  /* Footer */
  if (c->followup_date != NULL)
    {
      g_autofree char *follow = g_strdup_printf (_("We follow up on %s"), c->followup_date);
      set_text (p, follow, 11, PANGO_WEIGHT_BOLD, inner);
      show (p, p->margin, p->height - p->margin + 4 * p->s, ink);
    }
  set_text (p, _("Made with Nærvær"), 8, PANGO_WEIGHT_NORMAL, inner);
  pango_layout_set_alignment (p->layout, PANGO_ALIGN_RIGHT);
  show (p, p->margin, p->height - p->margin + 8 * p->s, muted);
}

/* ---- NvPoster: the printable ------------------------------------------- */

struct _NvPoster
{
  GObject parent_instance;
  NvPosterContent *content;
  NvPaperSize size;
};

static void nv_poster_printable_init (NvPrintableInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (NvPoster, nv_poster, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (NV_TYPE_PRINTABLE,
                                                      nv_poster_printable_init))

static double
poster_scale (NvPoster *self)
{
  return self->size == NV_PAPER_A3 ? NV_PAGE_A4_HEIGHT / NV_PAGE_A4_WIDTH : 1.0;
}

static char *
poster_get_title (NvPrintable *printable)
{
  NvPoster *self = NV_POSTER (printable);
  return g_strdup_printf (_("NED med sykefraværet hos %s"), self->content->unit_name);
}

static void
poster_get_page_size (NvPrintable *printable, double *width, double *height)
{
  double s = poster_scale (NV_POSTER (printable));

  *width = NV_PAGE_A4_WIDTH * s;
  *height = NV_PAGE_A4_HEIGHT * s;
}

static guint
poster_get_n_pages (NvPrintable *printable)
{
  return 1;
}

static void
poster_draw_page (NvPrintable *printable, cairo_t *cr, guint page)
{
  NvPoster *self = NV_POSTER (printable);
  Page p = { 0 };

  p.s = poster_scale (self);
  p.width = NV_PAGE_A4_WIDTH * p.s;
  p.height = NV_PAGE_A4_HEIGHT * p.s;
  p.margin = 48 * p.s;
  p.cr = cr;
  p.layout = pango_cairo_create_layout (cr);
  draw_poster (&p, self->content);
  g_object_unref (p.layout);
}

static void
nv_poster_printable_init (NvPrintableInterface *iface)
{
  iface->get_title = poster_get_title;
  iface->get_page_size = poster_get_page_size;
  iface->get_n_pages = poster_get_n_pages;
  iface->draw_page = poster_draw_page;
}

static void
nv_poster_finalize (GObject *object)
{
  NvPoster *self = NV_POSTER (object);

  g_clear_pointer (&self->content, nv_poster_content_free);
  G_OBJECT_CLASS (nv_poster_parent_class)->finalize (object);
}

static void
nv_poster_class_init (NvPosterClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = nv_poster_finalize;
}

static void
nv_poster_init (NvPoster *self)
{
}

NvPoster *
nv_poster_new (const NvPosterContent *content, NvPaperSize size)
{
  NvPoster *self = g_object_new (NV_TYPE_POSTER, NULL);

  self->content = nv_poster_content_new ();
  self->content->unit_name = g_strdup (content->unit_name);
  self->content->date = g_strdup (content->date);
  self->content->followup_date = g_strdup (content->followup_date);
  for (guint i = 0; i < content->measures->len; i++)
    {
      const NvPosterMeasure *m = g_ptr_array_index (content->measures, i);
      nv_poster_content_add (self->content, m->what, m->who, m->deadline);
    }
  self->size = size;
  return self;
}

gboolean
nv_poster_write (const NvPosterContent *content, NvPaperSize size, const char *path,
                 GError **error)
{
  g_autoptr (NvPoster) poster = nv_poster_new (content, size);
  return nv_printable_write_pdf (NV_PRINTABLE (poster), path, error);
}
