/* nv-print.c — GtkPrintOperation and PDF export for NvPrintable.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-print"

#include "config.h"

#include <glib/gi18n.h>

#include "nv-file-guard.h"
#include "nv-print.h"

static void
draw_page_cb (GtkPrintOperation *operation, GtkPrintContext *context, int page,
              NvPrintable *printable)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double paper_w = gtk_print_context_get_width (context);
  double paper_h = gtk_print_context_get_height (context);
  double doc_w, doc_h, scale;

  /* The page as drawn for the PDF, scaled to fit the paper and centred. */
  nv_printable_get_page_size (printable, &doc_w, &doc_h);
  scale = MIN (paper_w / doc_w, paper_h / doc_h);
  cairo_save (cr);
  cairo_translate (cr, (paper_w - doc_w * scale) / 2, (paper_h - doc_h * scale) / 2);
  cairo_scale (cr, scale, scale);
  cairo_rectangle (cr, 0, 0, doc_w, doc_h);
  cairo_clip (cr);
  nv_printable_draw_page (printable, cr, (guint) page);
  cairo_restore (cr);
}

/* «Print to File» in GTK's dialog replaces the file it is given (a
 * temporary file renamed over it): never the open database
 * (nv-file-guard.h). The refusal is kept on the operation for its "done". */
static void
begin_print_cb (GtkPrintOperation *operation, GtkPrintContext *context, gpointer data)
{
  GtkPrintSettings *settings = gtk_print_operation_get_print_settings (operation);
  const char *uri =
    settings != NULL ? gtk_print_settings_get (settings, GTK_PRINT_SETTINGS_OUTPUT_URI) : NULL;
  g_autofree char *path = uri != NULL ? g_filename_from_uri (uri, NULL, NULL) : NULL;
  GError *refused = NULL;

  if (path != NULL && !nv_file_guard_check_save (path, &refused))
    {
      g_object_set_data_full (G_OBJECT (operation), "nv-print-refused", refused,
                              (GDestroyNotify) g_error_free);
      gtk_print_operation_cancel (operation);
    }
}

const GError *
nv_print_operation_get_refusal (GtkPrintOperation *operation)
{
  return g_object_get_data (G_OBJECT (operation), "nv-print-refused");
}

GtkPrintOperation *
nv_print_operation_new (NvPrintable *printable)
{
  GtkPrintOperation *operation = gtk_print_operation_new ();
  g_autoptr (GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr (GtkPaperSize) paper = NULL;
  g_autofree char *title = nv_printable_get_title (printable);
  double width, height;

  nv_printable_get_page_size (printable, &width, &height);
  paper = gtk_paper_size_new (width > 700 ? GTK_PAPER_NAME_A3 : GTK_PAPER_NAME_A4);
  gtk_page_setup_set_paper_size_and_default_margins (setup, paper);
  gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_PORTRAIT);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_n_pages (operation, (int) nv_printable_get_n_pages (printable));
  gtk_print_operation_set_job_name (operation, title);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print_cb), NULL);
  g_signal_connect_data (operation, "draw-page", G_CALLBACK (draw_page_cb),
                         g_object_ref (printable), (GClosureNotify) (void (*) (void)) g_object_unref,
                         0);
  return operation;
}

typedef struct
{
  NvPrintable *printable;
  NvPrintDoneFunc done;
  gpointer data;
} Job;

static void
job_free (Job *job)
{
  g_clear_object (&job->printable);
  g_free (job);
}

static void
print_done_cb (GtkPrintOperation *operation, GtkPrintOperationResult result, Job *job)
{
  g_autoptr (GError) error = NULL;

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      gtk_print_operation_get_error (operation, &error);
      if (job->done != NULL)
        job->done (error != NULL ? error->message : _("The document could not be printed."),
                   FALSE, job->data);
    }
  else if (nv_print_operation_get_refusal (operation) != NULL)
    {
      if (job->done != NULL)
        job->done (nv_print_operation_get_refusal (operation)->message, FALSE, job->data);
    }
  else if (job->done != NULL)
    job->done (NULL, result == GTK_PRINT_OPERATION_RESULT_CANCEL, job->data);
  job_free (job);
}

void
nv_print_run (GtkWindow *parent, NvPrintable *printable, NvPrintDoneFunc done, gpointer data)
{
  g_autoptr (GtkPrintOperation) operation = nv_print_operation_new (printable);
  g_autoptr (GError) error = NULL;
  Job *job = g_new0 (Job, 1);

  job->printable = g_object_ref (printable);
  job->done = done;
  job->data = data;
  gtk_print_operation_set_allow_async (operation, TRUE);
  g_signal_connect (operation, "done", G_CALLBACK (print_done_cb), job);
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent,
                               &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      /* "done" is not emitted for a synchronous failure. */
      if (done != NULL)
        done (error->message, FALSE, data);
      g_signal_handlers_disconnect_by_data (operation, job);
      job_free (job);
    }
}

GFile *
nv_print_documents_folder (void)
{
  const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);

  if (documents != NULL && g_file_test (documents, G_FILE_TEST_IS_DIR))
    return g_file_new_for_path (documents);
  return g_file_new_for_path (g_get_home_dir ());
}

G_GNUC_BEGIN_IGNORE_DEPRECATIONS
static void
export_response_cb (GtkNativeDialog *dialog, int response, Job *job)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      path = file != NULL ? g_file_get_path (file) : NULL;
      if (path == NULL)
        g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                             _("Choose a folder on this computer."));
      else
        nv_printable_write_pdf (job->printable, path, &error);
      if (job->done != NULL)
        job->done (error != NULL ? error->message : NULL, FALSE, job->data);
    }
  else if (job->done != NULL)
    job->done (NULL, TRUE, job->data);
  job_free (job);
  g_object_unref (dialog);
}

void
nv_print_export_pdf (GtkWindow *parent, NvPrintable *printable, const char *title,
                     const char *file_name, NvPrintDoneFunc done, gpointer data)
{
  GtkFileChooserNative *dialog;
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr (GFile) folder = nv_print_documents_folder ();
  Job *job = g_new0 (Job, 1);

  job->printable = g_object_ref (printable);
  job->done = done;
  job->data = data;
  dialog = gtk_file_chooser_native_new (title, parent, GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"),
                                        _("_Cancel"));
  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_suffix (filter, "pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (dialog), folder, NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), file_name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (export_response_cb), job);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}
G_GNUC_END_IGNORE_DEPRECATIONS
