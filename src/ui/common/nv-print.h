/* nv-print.h — printing and «Export as PDF…» for any NvPrintable.
 *
 * Printing goes through GtkPrintOperation, so the system dialog offers the
 * printers, page setup, preview and «Print to file»; each page is the
 * printable's own drawing, scaled to fit the chosen paper. Exporting writes
 * the same pages with nv_printable_write_pdf() after a file chooser that
 * starts in the user's Documents folder.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "nv-printable.h"

G_BEGIN_DECLS

/* Called with NULL when done (or cancelled: @cancelled TRUE), or with the
 * error's message. */
typedef void (*NvPrintDoneFunc) (const char *message, gboolean cancelled, gpointer data);

/* A print operation for @printable: its pages, its title as the job name,
 * its paper size by default. */
GtkPrintOperation *nv_print_operation_new (NvPrintable *printable);
/* Why the operation cancelled itself («Print to File» onto the open
 * database, say); NULL if it did not. */
const GError *nv_print_operation_get_refusal (GtkPrintOperation *operation);

/* Shows the print dialog for @printable (asynchronous). */
void nv_print_run (GtkWindow *parent, NvPrintable *printable, NvPrintDoneFunc done,
                   gpointer data);

/* Asks where to save (starting in Documents, suggesting @file_name) and
 * writes the PDF; @done gets a message for a toast. */
void nv_print_export_pdf (GtkWindow *parent, NvPrintable *printable, const char *title,
                          const char *file_name, NvPrintDoneFunc done, gpointer data);

/* The folder file choosers for exports start in: Documents, else home. */
GFile *nv_print_documents_folder (void);

G_END_DECLS
