/* nv-chart-export.c — files from a chart's draw function (see nv-chart-export.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-chart"

#include "config.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <errno.h>
#include <fcntl.h>
#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <unistd.h>

#include "nv-chart-export.h"
#include "nv-file-guard.h"

static gboolean
set_errno_error (GError **error, const char *path, int saved)
{
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), _("Could not write “%s”: %s"),
               path, g_strerror (saved));
  return FALSE;
}

/* An empty private (0600) file beside @path, its name in the result. */
static char *
private_temp_file (const char *path, GError **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *name = g_strdup_printf (".%s-XXXXXX", base);
  g_autofree char *tmp = g_build_filename (dir, name, NULL);
  int fd;

  /* Never renamed over the open database (nv-file-guard.h). */
  if (!nv_file_guard_check_save (path, error))
    return NULL;
  fd = g_mkstemp_full (tmp, O_RDWR | O_CLOEXEC, 0600);

  if (fd < 0)
    {
      set_errno_error (error, path, errno);
      return NULL;
    }
  close (fd);
  return g_steal_pointer (&tmp);
}

gboolean
nv_chart_export_drawing (const char *path, double width, double height, const char *title,
                         NvChartDrawFunc draw, gpointer chart, const NvChartStyle *style,
                         GError **error)
{
  g_autofree char *lower = NULL;
  g_autofree char *tmp = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  gboolean png;

  g_return_val_if_fail (path != NULL, FALSE);
  lower = g_ascii_strdown (path, -1);
  png = g_str_has_suffix (lower, ".png");
  if (!png && !g_str_has_suffix (lower, ".svg") && !g_str_has_suffix (lower, ".pdf"))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("Cannot tell the file type of “%s”: "
                     "use a name ending in .png, .svg or .pdf"),
                   path);
      return FALSE;
    }
  if (!(width >= 100 && height >= 100 && width <= 10000 && height <= 10000))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("A chart must be between 100 and 10 000 pixels wide and high"));
      return FALSE;
    }
  tmp = private_temp_file (path, error);
  if (tmp == NULL)
    return FALSE;

  if (png)
    surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) ceil (width),
                                          (int) ceil (height));
  else if (g_str_has_suffix (lower, ".svg"))
    surface = cairo_svg_surface_create (tmp, width, height);
  else
    {
      /* Points: a PDF page of the same proportions, about A4 landscape wide. */
      surface = cairo_pdf_surface_create (tmp, width, height);
      if (title != NULL)
        cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Nærvær");
    }
  cr = cairo_create (surface);
  draw (chart, cr, width, height, style);
  cairo_destroy (cr);
  status = cairo_surface_status (surface);
  if (status == CAIRO_STATUS_SUCCESS && png)
    status = cairo_surface_write_to_png (surface, tmp);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write “%s”: %s"), path,
                   cairo_status_to_string (status));
      g_unlink (tmp);
      return FALSE;
    }
  if (g_rename (tmp, path) != 0)
    {
      int saved = errno;

      g_unlink (tmp);
      return set_errno_error (error, path, saved);
    }
  return TRUE;
}
