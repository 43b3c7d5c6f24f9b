/* nv-printable.c — the printing interface and its PDF writer.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-printable"

#include "config.h"

#include <cairo-pdf.h>
#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "nv-file-guard.h"
#include "nv-printable-private.h"

G_DEFINE_INTERFACE (NvPrintable, nv_printable, G_TYPE_OBJECT)

static void
nv_printable_default_init (NvPrintableInterface *iface)
{
}

char *
nv_printable_get_title (NvPrintable *self)
{
  g_return_val_if_fail (NV_IS_PRINTABLE (self), NULL);
  return NV_PRINTABLE_GET_IFACE (self)->get_title (self);
}

void
nv_printable_get_page_size (NvPrintable *self, double *width, double *height)
{
  g_return_if_fail (NV_IS_PRINTABLE (self));
  NV_PRINTABLE_GET_IFACE (self)->get_page_size (self, width, height);
}

guint
nv_printable_get_n_pages (NvPrintable *self)
{
  g_return_val_if_fail (NV_IS_PRINTABLE (self), 0);
  return NV_PRINTABLE_GET_IFACE (self)->get_n_pages (self);
}

void
nv_printable_draw_page (NvPrintable *self, cairo_t *cr, guint page)
{
  g_return_if_fail (NV_IS_PRINTABLE (self));
  cairo_save (cr);
  NV_PRINTABLE_GET_IFACE (self)->draw_page (self, cr, page);
  cairo_restore (cr);
}

gboolean
nv_printable_write_pdf (NvPrintable *self, const char *path, GError **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *tmpl = g_strdup_printf (".%s-XXXXXX", base);
  g_autofree char *tmp = g_build_filename (dir, tmpl, NULL);
  g_autofree char *title = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  double width, height;
  guint n_pages;
  cairo_t *cr;
  int saved = 0;
  int fd;

  g_return_val_if_fail (NV_IS_PRINTABLE (self), FALSE);

  /* Never renamed over the open database (nv-file-guard.h). */
  if (!nv_file_guard_check_save (path, error))
    return FALSE;
  fd = g_mkstemp_full (tmp, O_RDWR, 0600);
  if (fd < 0)
    {
      saved = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   _("Cannot write “%s”: %s"), path, g_strerror (saved));
      return FALSE;
    }
  close (fd);

  nv_printable_get_page_size (self, &width, &height);
  n_pages = nv_printable_get_n_pages (self);
  title = nv_printable_get_title (self);
  surface = cairo_pdf_surface_create (tmp, width, height);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Nærvær " PACKAGE_VERSION);
  cr = cairo_create (surface);
  for (guint page = 0; page < n_pages; page++)
    {
      nv_printable_draw_page (self, cr, page);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status == CAIRO_STATUS_SUCCESS && g_rename (tmp, path) == 0)
    return TRUE;
  saved = errno;
  g_unlink (tmp);
  g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED, _("Cannot write “%s”: %s"), path,
               status != CAIRO_STATUS_SUCCESS ? cairo_status_to_string (status)
                                              : g_strerror (saved));
  return FALSE;
}

double
nv_printable_set_text (PangoLayout *layout, const char *text, double size, PangoWeight weight,
                       double width, PangoAlignment align)
{
  PangoFontDescription *font = pango_font_description_from_string ("Sans");
  int w, h;

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_font_description_set_weight (font, weight);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (layout, align);
  pango_layout_set_text (layout, text != NULL ? text : "", -1);
  pango_layout_get_size (layout, &w, &h);
  return (double) h / PANGO_SCALE;
}
