/* nv-unit-dialog.c — create or edit a unit, with inline validation.
 *
 * The name is checked as the user types; the button stays insensitive and a
 * plain sentence under the fields says why until the form is valid.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-unit-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "nv-error-label.h"
#include "nv-unit-dialog.h"
#include "nv-unit.h"
#include "nv-a11y.h"

typedef struct
{
  NvStore *store;
  gint64 unit_id;
  AdwEntryRow *name_row;
  AdwComboRow *sector_row;
  AdwEntryRow *municipality_row;
  GtkLabel *error_label;
  NvUnitDialogDone done;
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
  g_autoptr (GError) error = NULL;
  const char *name = gtk_editable_get_text (GTK_EDITABLE (data->name_row));
  gboolean typed = *name != '\0';
  gboolean ok = nv_unit_validate_name (data->store, name, data->unit_id, &error);

  /* Do not scold an empty field before the user has typed anything. */
  nv_error_label_set (data->error_label, ok || !typed ? NULL : error->message);
  if (ok || !typed)
    gtk_widget_remove_css_class (GTK_WIDGET (data->name_row), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (data->name_row), "error");
  adw_message_dialog_set_response_enabled (dialog, "save", ok);
  return ok;
}

static void
name_changed_cb (GtkEditable *editable, AdwMessageDialog *dialog)
{
  validate (dialog, g_object_get_data (G_OBJECT (dialog), "nv-data"));
}

static void
entry_activated_cb (AdwEntryRow *row, AdwMessageDialog *dialog)
{
  DialogData *data = g_object_get_data (G_OBJECT (dialog), "nv-data");

  if (validate (dialog, data))
    adw_message_dialog_response (dialog, "save");
}

static void
response_cb (AdwMessageDialog *dialog, const char *response, DialogData *data)
{
  g_autoptr (GError) error = NULL;
  const char *name;
  const char *municipality;
  const char *sector;
  gint64 id;

  if (g_strcmp0 (response, "save") != 0)
    return;

  name = gtk_editable_get_text (GTK_EDITABLE (data->name_row));
  municipality = gtk_editable_get_text (GTK_EDITABLE (data->municipality_row));
  sector = nv_sector_ids ()[adw_combo_row_get_selected (data->sector_row)];

  if (data->unit_id == 0)
    id = nv_unit_add (data->store, name, sector, municipality, &error);
  else
    id = nv_unit_update (data->store, data->unit_id, name, sector, municipality, &error)
           ? data->unit_id
           : 0;

  if (id == 0)
    {
      nv_error_alert_show (gtk_window_get_transient_for (GTK_WINDOW (dialog)),
                           _("The unit was not saved"), error->message);
      return;
    }
  if (data->done != NULL)
    data->done (id, data->user_data);
}

GtkWindow *
nv_unit_dialog_new (GtkWindow *parent, NvStore *store, gint64 unit_id, NvUnitDialogDone done,
                    gpointer user_data)
{
  g_autoptr (NvUnit) unit = NULL;
  g_autoptr (GtkStringList) sectors = gtk_string_list_new (NULL);
  DialogData *data = g_new0 (DialogData, 1);
  GtkWidget *dialog;
  GtkWidget *box;
  GtkWidget *list;
  const char *const *ids = nv_sector_ids ();
  guint selected = 0;

  if (unit_id != 0)
    unit = nv_unit_get (store, unit_id, NULL);

  data->store = g_object_ref (store);
  data->unit_id = unit != NULL ? unit_id : 0;
  data->done = done;
  data->user_data = user_data;

  dialog = nv_message_dialog_new (parent, unit != NULL ? _("Edit Unit") : _("New Unit"),
                                   unit != NULL ? NULL
                                                : _("A unit is the department you lead, such as "
                                                    "a nursing home ward or a kindergarten."));
  nv_message_dialog_add_cancel_and (ADW_MESSAGE_DIALOG (dialog), _("Cancel"), "save",
                                    unit != NULL ? _("Save") : _("Create"),
                                    ADW_RESPONSE_SUGGESTED, "save");

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");

  data->name_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (data->name_row), _("Name"));
  if (unit != NULL)
    gtk_editable_set_text (GTK_EDITABLE (data->name_row), unit->name);
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (data->name_row));

  for (guint i = 0; ids[i] != NULL; i++)
    {
      gtk_string_list_append (sectors, nv_sector_label (ids[i]));
      if (unit != NULL && g_strcmp0 (unit->sector, ids[i]) == 0)
        selected = i;
    }
  data->sector_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (data->sector_row), _("Sector"));
  adw_combo_row_set_model (data->sector_row, G_LIST_MODEL (sectors));
  adw_combo_row_set_selected (data->sector_row, selected);
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (data->sector_row));

  data->municipality_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (data->municipality_row),
                                 _("Municipality (optional)"));
  if (unit != NULL)
    gtk_editable_set_text (GTK_EDITABLE (data->municipality_row), unit->municipality);
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (data->municipality_row));

  data->error_label = nv_error_label_new (GTK_WIDGET (data->name_row));

  gtk_box_append (GTK_BOX (box), list);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (data->error_label));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);

  g_object_set_data_full (G_OBJECT (dialog), "nv-data", data, (GDestroyNotify) dialog_data_free);
  g_signal_connect (data->name_row, "changed", G_CALLBACK (name_changed_cb), dialog);
  g_signal_connect (data->name_row, "entry-activated", G_CALLBACK (entry_activated_cb), dialog);
  /* Enter in the last field creates the unit too. */
  g_signal_connect (data->municipality_row, "entry-activated", G_CALLBACK (entry_activated_cb),
                    dialog);
  adw_entry_row_set_activates_default (data->name_row, FALSE);
  g_signal_connect (dialog, "response", G_CALLBACK (response_cb), data);

  validate (ADW_MESSAGE_DIALOG (dialog), data);
  gtk_widget_grab_focus (GTK_WIDGET (data->name_row));
  return GTK_WINDOW (dialog);
}

GtkEditable *
nv_unit_dialog_get_name (GtkWindow *dialog)
{
  DialogData *data = g_object_get_data (G_OBJECT (dialog), "nv-data");
  return data != NULL ? GTK_EDITABLE (data->name_row) : NULL;
}
