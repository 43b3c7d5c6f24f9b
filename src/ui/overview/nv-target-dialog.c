/* nv-target-dialog.c — the unit's sick-leave target (issue 16 item 7).
 *
 * A message dialog with one field: the target in per cent, decimal comma or
 * point, strictly between 0 and 100. «Save» is enabled only for a valid
 * value; the error says what is wrong under the field, not in a pop-up.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-target-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "nv-csv.h"
#include "nv-format.h"
#include "nv-target-dialog.h"
#include "nv-unit.h"
#include "nv-a11y.h"

typedef struct
{
  NvStore *store;
  gint64 unit_id;
  GtkWidget *entry;
  GtkWidget *error;
  double value;
} Target;

static void
target_free (Target *t)
{
  g_clear_object (&t->store);
  g_free (t);
}

static gboolean
parse (const char *text, double *value, char **message)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text));

  if (*trimmed == '\0')
    {
      *message = g_strdup (_("Give the target as a percentage, for example 6,5."));
      return FALSE;
    }
  if (!nv_csv_parse_percent (trimmed, value, NULL))
    {
      *message = g_strdup_printf (_("“%s” is not a number."), trimmed);
      return FALSE;
    }
  if (!(*value > 0 && *value < 100))
    {
      *message = g_strdup (_("The target must be above 0 and below 100 per cent."));
      return FALSE;
    }
  return TRUE;
}

static void
changed_cb (GtkEditable *editable, AdwMessageDialog *dialog)
{
  Target *t = g_object_get_data (G_OBJECT (dialog), "nv-target");
  g_autofree char *message = NULL;
  gboolean ok = parse (gtk_editable_get_text (editable), &t->value, &message);

  adw_message_dialog_set_response_enabled (dialog, "save", ok);
  gtk_label_set_text (GTK_LABEL (t->error), ok ? "" : message);
  if (ok)
    gtk_widget_remove_css_class (t->entry, "error");
  else
    gtk_widget_add_css_class (t->entry, "error");
}

static void
show_error (AdwMessageDialog *dialog, const GError *error)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (dialog));
  GtkWidget *alert = nv_message_dialog_new (parent, _("The target was not saved"),
                                             error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (alert), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (alert));
}

static void
response_cb (AdwMessageDialog *dialog, const char *response)
{
  Target *t = g_object_get_data (G_OBJECT (dialog), "nv-target");
  g_autoptr (GError) error = NULL;

  if (g_strcmp0 (response, "save") == 0)
    {
      if (!nv_unit_set_target (t->store, t->unit_id, t->value, &error))
        show_error (dialog, error);
    }
  else if (g_strcmp0 (response, "remove") == 0)
    {
      if (!nv_unit_set_target (t->store, t->unit_id, NAN, &error))
        show_error (dialog, error);
    }
}

static void
activate_cb (GtkEntry *entry, AdwMessageDialog *dialog)
{
  if (adw_message_dialog_get_response_enabled (dialog, "save"))
    adw_message_dialog_response (dialog, "save");
}

GtkWidget *
nv_target_dialog_present (GtkWindow *parent, NvStore *store, gint64 unit_id)
{
  GtkWidget *dialog;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *label = gtk_label_new_with_mnemonic (_("_Target for sick leave (%)"));
  Target *t = g_new0 (Target, 1);
  double current = NAN;

  t->store = g_object_ref (store);
  t->unit_id = unit_id;
  nv_unit_get_target (store, unit_id, &current, NULL);

  dialog = nv_message_dialog_new (
    parent, _("Target for Sick Leave"),
    _("The share of contracted days the unit aims to lose to sick leave at most. The overview "
      "shows what reaching it would save in a year: the lost days above the target times the "
      "cost per lost day, as in NAV’s calculator."));
  g_object_set_data_full (G_OBJECT (dialog), "nv-target", t, (GDestroyNotify) target_free);

  t->entry = gtk_entry_new ();
  gtk_entry_set_input_purpose (GTK_ENTRY (t->entry), GTK_INPUT_PURPOSE_NUMBER);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), t->entry);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  t->error = gtk_label_new ("");
  gtk_label_set_xalign (GTK_LABEL (t->error), 0);
  gtk_label_set_wrap (GTK_LABEL (t->error), TRUE);
  gtk_widget_add_css_class (t->error, "error");
  gtk_widget_add_css_class (t->error, "caption");
  gtk_accessible_update_relation (GTK_ACCESSIBLE (t->entry), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                  label, NULL, GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, t->error,
                                  NULL, -1);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), t->entry);
  gtk_box_append (GTK_BOX (box), t->error);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"));
  if (!isnan (current))
    {
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "remove", _("_Remove Target"));
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "remove",
                                                  ADW_RESPONSE_DESTRUCTIVE);
    }
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "save", _("_Save"));
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  g_signal_connect (t->entry, "changed", G_CALLBACK (changed_cb), dialog);
  g_signal_connect (t->entry, "activate", G_CALLBACK (activate_cb), dialog);
  g_signal_connect (dialog, "response", G_CALLBACK (response_cb), NULL);
  if (!isnan (current))
    {
      g_autofree char *text = nv_format_number (current, 2);
      gtk_editable_set_text (GTK_EDITABLE (t->entry), text);
    }
  else
    changed_cb (GTK_EDITABLE (t->entry), ADW_MESSAGE_DIALOG (dialog));
  /* An empty field is not an error yet: say it only once the user types. */
  if (isnan (current))
    {
      gtk_label_set_text (GTK_LABEL (t->error), "");
      gtk_widget_remove_css_class (t->entry, "error");
    }
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (t->entry);
  return dialog;
}

void
nv_target_dialog_respond (GtkWidget *dialog, const char *text, const char *response)
{
  Target *t = g_object_get_data (G_OBJECT (dialog), "nv-target");

  g_return_if_fail (t != NULL);
  if (text != NULL)
    gtk_editable_set_text (GTK_EDITABLE (t->entry), text);
  if (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), response))
    adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), response);
}
