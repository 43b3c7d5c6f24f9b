/* nv-workshop-dialog.c — plan a new dialogue workshop.
 *
 * The date is checked as the user types (DD.MM.YYYY or YYYY-MM-DD); the
 * Create button stays insensitive and a sentence under the fields says why.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-workshop-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "nv-error-label.h"
#include "nv-calendar.h"
#include "nv-workshop-dialog.h"
#include "nv-workshop.h"
#include "nv-a11y.h"

typedef struct
{
  NvStore *store;
  gint64 unit_id;
  AdwEntryRow *date_row;
  AdwEntryRow *title_row;
  GtkLabel *error_label;
  NvWorkshopDialogDone done;
  gpointer user_data;
} DialogData;

static void
dialog_data_free (DialogData *data)
{
  g_clear_object (&data->store);
  g_free (data);
}

static gboolean
validate (AdwMessageDialog *dialog, DialogData *data)
{
  const char *date = gtk_editable_get_text (GTK_EDITABLE (data->date_row));
  const char *title = gtk_editable_get_text (GTK_EDITABLE (data->title_row));
  const char *problem = NULL;

  if (nv_day_parse (date) == NV_DAY_NONE)
    problem = *date != '\0' ? _("Write the date as DD.MM.YYYY, for example 25.03.2025.") : "";
  else if (g_utf8_strlen (title, -1) > 120)
    problem = _("The title is too long (at most 120 characters).");

  nv_error_label_set (data->error_label, problem);
  if (problem != NULL && *problem != '\0' && nv_day_parse (date) == NV_DAY_NONE)
    gtk_widget_add_css_class (GTK_WIDGET (data->date_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (data->date_row), "error");
  adw_message_dialog_set_response_enabled (dialog, "create", problem == NULL);
  return problem == NULL;
}

static void
changed_cb (GtkEditable *editable, AdwMessageDialog *dialog)
{
  validate (dialog, g_object_get_data (G_OBJECT (dialog), "nv-data"));
}

static void
activated_cb (AdwEntryRow *row, AdwMessageDialog *dialog)
{
  if (validate (dialog, g_object_get_data (G_OBJECT (dialog), "nv-data")))
    adw_message_dialog_response (dialog, "create");
}

static void
response_cb (AdwMessageDialog *dialog, const char *response, DialogData *data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *iso = NULL;
  gint64 id;

  if (g_strcmp0 (response, "create") != 0)
    return;
  iso = nv_day_format_iso (nv_day_parse (gtk_editable_get_text (GTK_EDITABLE (data->date_row))));
  id = nv_workshop_add (data->store, data->unit_id, iso,
                        gtk_editable_get_text (GTK_EDITABLE (data->title_row)), &error);
  if (id == 0)
    {
      nv_error_alert_show (gtk_window_get_transient_for (GTK_WINDOW (dialog)),
                           _("The workshop was not saved"), error->message);
      return;
    }
  if (data->done != NULL)
    data->done (id, data->user_data);
}

GtkWindow *
nv_workshop_dialog_new (GtkWindow *parent, NvContext *context, gint64 unit_id,
                        NvWorkshopDialogDone done, gpointer user_data)
{
  NvStore *store = nv_context_get_store (context);
  DialogData *data = g_new0 (DialogData, 1);
  g_autofree char *today = nv_day_format_local (nv_context_today (context));
  GtkWidget *dialog;
  GtkWidget *box;
  GtkWidget *list;

  data->store = g_object_ref (store);
  data->unit_id = unit_id;
  data->done = done;
  data->user_data = user_data;

  dialog = nv_message_dialog_new (parent, _("New Workshop"),
                                   _("A dialogue workshop takes one and a half to two hours "
                                     "with the staff. The checklist helps you prepare."));
  nv_message_dialog_add_cancel_and (ADW_MESSAGE_DIALOG (dialog), _("Cancel"), "create",
                                    _("Create"), ADW_RESPONSE_SUGGESTED, "create");

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");

  data->date_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (data->date_row), _("Date"));
  gtk_editable_set_text (GTK_EDITABLE (data->date_row), today);
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (data->date_row));

  data->title_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (data->title_row), _("Title (optional)"));
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (data->title_row));

  data->error_label = nv_error_label_new (GTK_WIDGET (data->date_row));

  gtk_box_append (GTK_BOX (box), list);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (data->error_label));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);

  g_object_set_data_full (G_OBJECT (dialog), "nv-data", data, (GDestroyNotify) dialog_data_free);
  g_signal_connect (data->date_row, "changed", G_CALLBACK (changed_cb), dialog);
  g_signal_connect (data->title_row, "changed", G_CALLBACK (changed_cb), dialog);
  g_signal_connect (data->date_row, "entry-activated", G_CALLBACK (activated_cb), dialog);
  g_signal_connect (data->title_row, "entry-activated", G_CALLBACK (activated_cb), dialog);
  g_signal_connect (dialog, "response", G_CALLBACK (response_cb), data);

  validate (ADW_MESSAGE_DIALOG (dialog), data);
  gtk_widget_grab_focus (GTK_WIDGET (data->date_row));
  return GTK_WINDOW (dialog);
}

GtkEditable *
nv_workshop_dialog_get_date (GtkWindow *dialog)
{
  DialogData *data = g_object_get_data (G_OBJECT (dialog), "nv-data");
  return data != NULL ? GTK_EDITABLE (data->date_row) : NULL;
}

GtkEditable *
nv_workshop_dialog_get_title (GtkWindow *dialog)
{
  DialogData *data = g_object_get_data (G_OBJECT (dialog), "nv-data");
  return data != NULL ? GTK_EDITABLE (data->title_row) : NULL;
}
