/* nv-printable.h — one drawing interface for everything Nærvær prints.
 *
 * A printable thing (the unit report, the workshop handout, the poster, and
 * later the municipal overview and the research view) lays itself out once
 * when it is made and then draws any of its pages on any cairo_t, in
 * points, on a page of its own size. The same drawing is used for
 *   - the PDF file (nv_printable_write_pdf: a cairo PDF surface), and
 *   - real printing (src/ui/common/nv-print.c: GtkPrintOperation scales the page
 *     to the chosen paper and calls draw_page for each page),
 * so what is printed is exactly what is exported.
 *
 * To make a new thing printable: implement the four vfuncs below (see
 * HACKING.md «Printing»), and use nv_print_run / nv_print_export_pdf in
 * the UI. Everything that leaves the screen must be masked (DESIGN §2)
 * before it reaches draw_page.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib-object.h>

G_BEGIN_DECLS

#define NV_PAGE_A4_WIDTH 595.28 /* points */
#define NV_PAGE_A4_HEIGHT 841.89
#define NV_PAGE_A3_WIDTH 841.89
#define NV_PAGE_A3_HEIGHT 1190.55

#define NV_TYPE_PRINTABLE (nv_printable_get_type ())
G_DECLARE_INTERFACE (NvPrintable, nv_printable, NV, PRINTABLE, GObject)

struct _NvPrintableInterface
{
  GTypeInterface parent_iface;

  /* The document's title (PDF metadata, print job name). */
  char *(*get_title) (NvPrintable *self);
  /* Page size in points (portrait). */
  void (*get_page_size) (NvPrintable *self, double *width, double *height);
  guint (*get_n_pages) (NvPrintable *self);
  /* Draws page @page (0-based) with its origin at the paper's top left, in
   * points, white background included. */
  void (*draw_page) (NvPrintable *self, cairo_t *cr, guint page);
};

char *nv_printable_get_title (NvPrintable *self);
void nv_printable_get_page_size (NvPrintable *self, double *width, double *height);
guint nv_printable_get_n_pages (NvPrintable *self);
void nv_printable_draw_page (NvPrintable *self, cairo_t *cr, guint page);

/* Writes every page as a PDF to @path: a private temporary file beside it
 * (mode 0600), renamed over @path only when complete. */
gboolean nv_printable_write_pdf (NvPrintable *self, const char *path, GError **error);

G_END_DECLS
