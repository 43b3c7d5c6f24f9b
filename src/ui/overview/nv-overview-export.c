/* nv-overview-export.c — the Overview's quarter table to CSV or Excel.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-overview"

#include "config.h"

#include <glib/gi18n.h>

#include "nv-overview-page.h"
#include "nv-print.h"
#include "nv-sheet.h"
#include "nv-unit.h"

gboolean
nv_overview_page_export_table (NvOverviewPage *self, const char *path, GError **error)
{
  GSettings *settings = nv_page_get_settings (NV_PAGE (self));
  NvStore *store = nv_page_get_store (NV_PAGE (self));
  gint64 unit_id = nv_page_get_unit_id (NV_PAGE (self));
  g_autoptr (NvSheet) sheet = NULL;

  if (store == NULL || unit_id == 0)
    {
      g_set_error_literal (error, NV_STORE_ERROR, NV_STORE_ERROR_INVALID,
                           _("There is nothing to export yet"));
      return FALSE;
    }
  sheet = nv_sheet_for_overview (store, unit_id, nv_page_today (NV_PAGE (self)),
                                 g_settings_get_int (settings, "cost-per-lost-day"), error);
  return sheet != NULL && nv_sheet_write (sheet, path, error);
}

G_GNUC_BEGIN_IGNORE_DEPRECATIONS
static void
response_cb (GtkNativeDialog *dialog, int response, NvOverviewPage *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GFile) file = NULL;
  g_autofree char *path = NULL;
  const char *format = g_object_get_data (G_OBJECT (dialog), "format");

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      path = file != NULL ? g_file_get_path (file) : NULL;
    }
  if (path != NULL)
    {
      g_autofree char *lower = g_ascii_strdown (path, -1);
      g_autofree char *suffix = g_strconcat (".", format, NULL);

      if (!g_str_has_suffix (lower, suffix))
        {
          char *with = g_strconcat (path, suffix, NULL);
          g_free (path);
          path = with;
        }
      nv_overview_page_export_table (self, path, &error);
      nv_page_toast_saved (NV_PAGE (self), path, error);
    }
  g_object_unref (dialog);
  g_object_unref (self);
}

void
nv_overview_page_export_action (GtkWidget *widget, const char *action, GVariant *param)
{
  NvOverviewPage *self = NV_OVERVIEW_PAGE (widget);
  const char *format = g_variant_get_string (param, NULL);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr (NvUnit) unit = NULL;
  g_autoptr (GFile) folder = nv_print_documents_folder ();
  g_autofree char *name = NULL;
  GtkFileChooserNative *dialog;

  if (nv_page_get_store (NV_PAGE (self)) == NULL)
    return;
  unit = nv_unit_get (nv_page_get_store (NV_PAGE (self)), nv_page_get_unit_id (NV_PAGE (self)),
                      NULL);
  /* Translators: file name of the Overview's exported table: unit, extension */
  name = g_strdup_printf (_("%s – quarters.%s"), unit != NULL ? unit->name : "", format);
  dialog = gtk_file_chooser_native_new (_("Export Table"),
                                        GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (dialog), folder, NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  g_object_set_data_full (G_OBJECT (dialog), "format", g_strdup (format), g_free);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}
G_GNUC_END_IGNORE_DEPRECATIONS
