/* nv-connect-dialog.c — «Connect to a Server» (nv-connect-dialog.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-connect-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "nv-a11y.h"
#include "nv-connect-dialog.h"

/* ---- The dialog --------------------------------------------------------- */

typedef struct
{
  NvConnectFunc func;
  gpointer data;
  GtkEditable *connection;
  GtkEditable *password;
  GtkCheckButton *remember;
  GtkLabel *error;
} Connect;

static void
connect_free (Connect *c)
{
  g_free (c);
}

static void
fields_changed_cb (GtkEditable *editable, AdwMessageDialog *dialog)
{
  Connect *c = g_object_get_data (G_OBJECT (dialog), "nv-connect");
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (c->connection)));

  adw_message_dialog_set_response_enabled (dialog, "connect", *text != '\0');
}

static gboolean
present_again_cb (gpointer dialog)
{
  gtk_window_present (GTK_WINDOW (dialog));
  return G_SOURCE_REMOVE;
}

static void
response_cb (AdwMessageDialog *dialog, const char *response, Connect *c)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *connection = NULL;
  const char *password;

  if (g_strcmp0 (response, "connect") != 0)
    {
      gtk_window_destroy (GTK_WINDOW (dialog));
      return;
    }
  connection = g_strstrip (g_strdup (gtk_editable_get_text (c->connection)));
  password = gtk_editable_get_text (c->password);
  if (*password == '\0')
    password = NULL;
  if (!c->func (connection, password, c->data, &error))
    {
      /* Stays open, saying why, for another try. */
      gtk_label_set_text (c->error, error->message);
      gtk_widget_set_visible (GTK_WIDGET (c->error), TRUE);
      /* The dialog hides itself after this handler: show it again then. */
      g_idle_add_full (G_PRIORITY_DEFAULT, present_again_cb, g_object_ref (dialog), g_object_unref);
      return;
    }
  if (password != NULL && gtk_check_button_get_active (c->remember))
    {
      if (!nv_connect_store_password (connection, password, &error))
        g_warning ("The password could not be put in the keyring: %s", error->message);
    }
  else
    nv_connect_forget_password (connection);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

GtkWindow *
nv_connect_dialog_new (GtkWindow *parent, const char *connection, NvConnectFunc func, gpointer data)
{
  GtkWidget *dialog = nv_message_dialog_new (
      parent, _ ("Connect to the Municipality’s Server"),
      _ ("Your IT department gives you the connection, often a service name such as "
         "“service=naervaer”, or an address such as “postgresql://db.kommune.no/naervaer”. "
         "A server on another computer must be reached with sslmode=verify-full."));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *connection_row = adw_entry_row_new ();
  GtkWidget *password_row = adw_password_entry_row_new ();
  GtkWidget *remember = gtk_check_button_new_with_mnemonic (_ ("_Remember the password"));
  GtkWidget *error = gtk_label_new (NULL);
  Connect *c = g_new0 (Connect, 1);

  c->func = func;
  c->data = data;
  gtk_window_set_hide_on_close (GTK_WINDOW (dialog), TRUE);
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (connection_row), _ ("Connection"));
  gtk_editable_set_text (GTK_EDITABLE (connection_row), connection != NULL ? connection : "");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (password_row),
                                 _ ("Password (if the server asks for one)"));
  gtk_list_box_append (GTK_LIST_BOX (list), connection_row);
  gtk_list_box_append (GTK_LIST_BOX (list), password_row);
  gtk_box_append (GTK_BOX (box), list);
  gtk_widget_set_tooltip_text (remember, _ ("Kept in the desktop keyring. Otherwise the password "
                                            "is forgotten when Nærvær closes."));
  gtk_box_append (GTK_BOX (box), remember);
  gtk_label_set_wrap (GTK_LABEL (error), TRUE);
  gtk_label_set_xalign (GTK_LABEL (error), 0);
  gtk_widget_add_css_class (error, "error");
  gtk_widget_set_visible (error, FALSE);
  gtk_box_append (GTK_BOX (box), error);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _ ("_Cancel"), "connect",
                                    _ ("C_onnect"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "connect",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "connect");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  c->connection = GTK_EDITABLE (connection_row);
  c->password = GTK_EDITABLE (password_row);
  c->remember = GTK_CHECK_BUTTON (remember);
  c->error = GTK_LABEL (error);
  g_object_set_data_full (G_OBJECT (dialog), "nv-connect", c, (GDestroyNotify)connect_free);
  g_signal_connect (connection_row, "changed", G_CALLBACK (fields_changed_cb), dialog);
  g_signal_connect (dialog, "response", G_CALLBACK (response_cb), c);
  fields_changed_cb (GTK_EDITABLE (connection_row), ADW_MESSAGE_DIALOG (dialog));
  return GTK_WINDOW (dialog);
}
