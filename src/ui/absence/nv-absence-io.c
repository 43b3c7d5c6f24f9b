/* nv-absence-io.c — the Absence page's import and export.
 *
 * Import: the file chooser, then the preview dialog (nv-import-dialog) that
 * lists every problem before anything is written. Export: the file chooser
 * in save mode, then nv_export_file() — masked as anything that leaves the
 * leader's screen (DESIGN §2).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-absence-io"

#include "config.h"

#include <glib/gi18n.h>

#include "nv-absence-page-private.h"
#include "nv-export.h"
#include "nv-import-dialog.h"
#include "nv-unit.h"
#include "nv-a11y.h"

static GtkWindow *
parent_window (NvAbsencePage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
show_error (NvAbsencePage *self, const char *heading, const char *message)
{
  GtkWidget *dialog = nv_message_dialog_new (parent_window (self), heading, message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_csv_filters (GtkFileChooser *chooser)
{
  g_autoptr (GtkFileFilter) csv = gtk_file_filter_new ();
  g_autoptr (GtkFileFilter) all = gtk_file_filter_new ();

  gtk_file_filter_set_name (csv, _("CSV files"));
  gtk_file_filter_add_pattern (csv, "*.csv");
  gtk_file_filter_add_pattern (csv, "*.CSV");
  gtk_file_filter_add_mime_type (csv, "text/csv");
  gtk_file_chooser_add_filter (chooser, csv);
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (chooser, all);
}

/* ---- Import ------------------------------------------------------------- */

static void
imported_cb (NvImportDialog *dialog, guint n_stored, NvAbsencePage *self)
{
  g_autofree char *message =
    g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u row imported", "%u rows imported",
                                  n_stored),
                     n_stored);
  nv_page_reload (NV_PAGE (self));
  nv_page_toast (NV_PAGE (self), message);
}

/* The local path of the CSV file accepted in @native (@response from its
 * ::response), or NULL: cancelled, not a local file, or the page has no
 * store any more. Releases @native. */
static char *
accepted_path (GtkNativeDialog *native, int response, NvAbsencePage *self)
{
  g_autoptr (GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT && nv_page_get_store (NV_PAGE (self)) != NULL)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
  g_object_unref (native);
  return file != NULL ? g_file_get_path (file) : NULL;
}

static void
import_response_cb (GtkNativeDialog *native, int response, NvAbsencePage *self)
{
  NvImportKind kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (native), "nv-kind"));
  g_autofree char *path = accepted_path (native, response, self);
  g_autoptr (GError) error = NULL;
  NvImportDialog *dialog;

  if (path == NULL)
    return;

  dialog = nv_import_dialog_new (parent_window (self), nv_page_get_context (NV_PAGE (self)),
                                 nv_page_get_unit_id (NV_PAGE (self)), kind, path, &error);
  if (dialog == NULL)
    {
      show_error (self, _("The file could not be read"), error->message);
      return;
    }
  g_signal_connect_object (dialog, "imported", G_CALLBACK (imported_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
nv_absence_page_import (NvAbsencePage *self, const char *part)
{
  NvImportKind kind;
  GtkFileChooserNative *native;
  const char *title;

  if (!nv_import_kind_parse (part, &kind) || nv_page_get_unit_id (NV_PAGE (self)) == 0)
    return;
  title = kind == NV_IMPORT_ROSTER   ? _("Import Staff")
          : kind == NV_IMPORT_SPELLS ? _("Import Sick Leave")
                                     : _("Import Monthly Figures");
  native = gtk_file_chooser_native_new (title, parent_window (self), GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  add_csv_filters (GTK_FILE_CHOOSER (native));
  g_object_set_data (G_OBJECT (native), "nv-kind", GINT_TO_POINTER (kind));
  g_signal_connect_object (native, "response", G_CALLBACK (import_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/* ---- Export ------------------------------------------------------------- */

static void
export_response_cb (GtkNativeDialog *native, int response, NvAbsencePage *self)
{
  NvImportKind kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (native), "nv-kind"));
  g_autofree char *path = accepted_path (native, response, self);
  g_autoptr (GError) error = NULL;
  NvStore *store = nv_page_get_store (NV_PAGE (self));
  guint n_rows = 0;

  if (path == NULL)
    return;

  if (!nv_export_file (store, kind, nv_page_get_unit_id (NV_PAGE (self)), FALSE, path, &n_rows,
                       &error))
    show_error (self, _("The file was not saved"), error->message);
  else
    {
      g_autofree char *message =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u row exported", "%u rows exported",
                                      n_rows),
                         n_rows);
      nv_page_toast (NV_PAGE (self), message);
    }
}

void
nv_absence_page_export (NvAbsencePage *self, const char *part)
{
  NvStore *store = nv_page_get_store (NV_PAGE (self));
  g_autoptr (NvUnit) unit = NULL;
  g_autofree char *name = NULL;
  GtkFileChooserNative *native;
  NvImportKind kind;
  const char *title;

  if (!nv_import_kind_parse (part, &kind) || store == NULL)
    return;
  unit = nv_unit_get (store, nv_page_get_unit_id (NV_PAGE (self)), NULL);
  if (unit == NULL)
    return;
  switch (kind)
    {
    case NV_IMPORT_ROSTER:
      title = _("Export Staff");
      /* TRANSLATORS: a file name; %s is the unit */
      name = g_strdup_printf (_("%s – staff.csv"), unit->name);
      break;
    case NV_IMPORT_SPELLS:
      title = _("Export Sick Leave");
      /* TRANSLATORS: a file name; %s is the unit */
      name = g_strdup_printf (_("%s – sick leave.csv"), unit->name);
      break;
    case NV_IMPORT_MONTHLY:
    default:
      title = _("Export Monthly Figures");
      /* TRANSLATORS: a file name; %s is the unit */
      name = g_strdup_printf (_("%s – monthly figures.csv"), unit->name);
      break;
    }
  g_strdelimit (name, "/\\:", '-');
  native = gtk_file_chooser_native_new (title, parent_window (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);
  add_csv_filters (GTK_FILE_CHOOSER (native));
  g_object_set_data (G_OBJECT (native), "nv-kind", GINT_TO_POINTER (kind));
  g_signal_connect_object (native, "response", G_CALLBACK (export_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}
