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
#include "nv-pg.h"

/* ---- The dialog --------------------------------------------------------- */

/* The TLS modes offered, strongest first; the first entry leaves it to
 * the service file or libpq's default. */
static const char *const ssl_modes[]
    = { NULL, "verify-full", "verify-ca", "require", "prefer", "disable" };

typedef struct
{
  NvConnectFunc func;
  gpointer data;
  GtkWidget *server_list; /* the fields, and the whole connection */
  GtkWidget *connection_row;
  GtkEditable *connection;
  GtkEditable *host;
  GtkEditable *database;
  GtkEditable *user;
  AdwComboRow *ssl;
  GtkEditable *password;
  GtkCheckButton *remember;
  GtkLabel *error;
  GtkWidget *form;     /* what the user fills in, locked while connecting */
  GtkWidget *progress; /* the spinner and «Connecting to …» */
  GtkSpinner *spinner;
  GtkLabel *progress_label;
  GCancellable *connecting; /* while the connection is being made */
  gboolean for_password;
  gboolean close_asked; /* Escape or the window's close, not a response */
  gboolean syncing;     /* fields and connection being brought in line */
} Connect;

static void
connect_free (Connect *c)
{
  g_clear_object (&c->connecting);
  g_free (c);
}

static void
show_error (Connect *c, const char *message)
{
  gtk_label_set_text (c->error, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (c->error), message != NULL);
}

/* Connect is offered for a connection that names something and that the
 * app would use: a remote server without verify-full is refused here, in
 * the form, with the same words as when it is opened. */
static void
check_connection (Connect *c, AdwMessageDialog *dialog)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (c->connection)));
  gboolean ok = *text != '\0' && nv_pg_check_transport (text, &error);

  show_error (c, error != NULL ? error->message : NULL);
  adw_message_dialog_set_response_enabled (dialog, "connect", ok);
}

static void
fields_from_connection (Connect *c)
{
  g_autofree char *host = NULL, *database = NULL, *user = NULL, *ssl = NULL;
  guint pos = 0;

  if (!nv_pg_conninfo_fields (gtk_editable_get_text (c->connection), &host, &database, &user, &ssl))
    return; /* half typed: the fields keep what they had */
  gtk_editable_set_text (c->host, host != NULL ? host : "");
  gtk_editable_set_text (c->database, database != NULL ? database : "");
  gtk_editable_set_text (c->user, user != NULL ? user : "");
  for (guint i = 1; i < G_N_ELEMENTS (ssl_modes); i++)
    if (g_strcmp0 (ssl, ssl_modes[i]) == 0)
      pos = i;
  adw_combo_row_set_selected (c->ssl, pos);
}

static void
connection_changed_cb (GtkEditable *editable, AdwMessageDialog *dialog)
{
  Connect *c = g_object_get_data (G_OBJECT (dialog), "nv-connect");

  if (!c->syncing)
    {
      c->syncing = TRUE;
      fields_from_connection (c);
      c->syncing = FALSE;
    }
  check_connection (c, dialog);
}

static char *
field_text (GtkEditable *editable)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (editable)));
}

static void
field_changed_cb (GObject *field, GParamSpec *pspec, AdwMessageDialog *dialog)
{
  Connect *c = g_object_get_data (G_OBJECT (dialog), "nv-connect");
  g_autofree char *host = NULL, *database = NULL, *user = NULL, *text = NULL;
  guint pos;

  if (c->syncing)
    return;
  host = field_text (c->host);
  database = field_text (c->database);
  user = field_text (c->user);
  pos = adw_combo_row_get_selected (c->ssl);
  text = nv_pg_conninfo_set_fields (gtk_editable_get_text (c->connection), host, database, user,
                                    pos < G_N_ELEMENTS (ssl_modes) ? ssl_modes[pos] : NULL);
  c->syncing = TRUE;
  gtk_editable_set_text (c->connection, text);
  c->syncing = FALSE;
}

/* libadwaita 1.2's entry rows crash when destroyed while one of them has
 * the focus (their focus handler reads the text widget already gone):
 * take it away first. */
static void
close_dialog (AdwMessageDialog *dialog)
{
  gtk_window_set_focus (GTK_WINDOW (dialog), NULL);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

char *
nv_connect_progress_text (const char *connection)
{
  g_autofree char *host = NULL, *database = NULL, *user = NULL, *ssl = NULL;

  nv_pg_conninfo_fields (connection, &host, &database, &user, &ssl);
  /* libpq names a server on this computer by its socket's folder. */
  if (host != NULL && *host != '\0' && host[0] != '/' && host[0] != '@')
    return g_strdup_printf (_ ("Connecting to “%s” …"), host);
  if (host != NULL && *host != '\0')
    return g_strdup (_ ("Connecting to the server on this computer …"));
  return g_strdup (_ ("Connecting to the municipality’s server …"));
}

/* @connection NULL: back to the form as it was. */
static void
show_connecting (Connect *c, AdwMessageDialog *dialog, const char *connection)
{
  gboolean busy = connection != NULL;

  if (busy)
    {
      g_autofree char *text = nv_connect_progress_text (connection);

      gtk_label_set_text (c->progress_label, text);
      show_error (c, NULL);
    }
  gtk_widget_set_visible (c->progress, busy);
  gtk_spinner_set_spinning (c->spinner, busy);
  /* An entry that loses its sensitivity while it has the focus is left
   * half focused in GTK 4.8: the focus goes first. */
  if (busy)
    gtk_window_set_focus (GTK_WINDOW (dialog), NULL);
  gtk_widget_set_sensitive (c->form, !busy);
  adw_message_dialog_set_response_label (dialog, "connect",
                                         busy ? _ ("Connecting…") : _ ("C_onnect"));
  if (busy)
    adw_message_dialog_set_response_enabled (dialog, "connect", FALSE);
  else
    check_connection (c, dialog);
}

static void
opened_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  g_autoptr (AdwMessageDialog) dialog = data;
  Connect *c = g_object_get_data (G_OBJECT (dialog), "nv-connect");
  g_autoptr (GError) error = NULL;
  g_autoptr (NvStore) store = nv_store_open_finish (result, &error);
  g_autofree char *connection = NULL;
  const char *password;

  /* Cancelled: the form was given back already (and may be connecting
   * anew). */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || c == NULL)
    return;
  g_clear_object (&c->connecting);
  show_connecting (c, dialog, NULL);
  if (store == NULL)
    {
      /* Stays open, saying why, for another try. */
      show_error (c, error->message);
      if (c->for_password)
        gtk_widget_grab_focus (GTK_WIDGET (c->password));
      return;
    }
  connection = g_strstrip (g_strdup (gtk_editable_get_text (c->connection)));
  password = gtk_editable_get_text (c->password);
  if (*password != '\0' && gtk_check_button_get_active (c->remember))
    {
      if (!nv_connect_store_password (connection, password, &error))
        g_warning ("The password could not be put in the keyring: %s", error->message);
    }
  else
    nv_connect_forget_password (connection);
  c->func (store, connection, c->data);
  close_dialog (dialog);
}

static void
start_connecting (Connect *c, AdwMessageDialog *dialog)
{
  g_autofree char *connection = g_strstrip (g_strdup (gtk_editable_get_text (c->connection)));
  const char *password = gtk_editable_get_text (c->password);

  c->connecting = g_cancellable_new ();
  show_connecting (c, dialog, connection);
  nv_store_open_async (connection, *password != '\0' ? password : NULL, c->connecting, opened_cb,
                       g_object_ref (dialog));
}

/* Cancel and Escape: a connection being made is stopped, and the form is
 * back as it was; otherwise the dialog closes. */
static void
cancel_or_close (Connect *c, AdwMessageDialog *dialog)
{
  if (c->connecting != NULL)
    {
      g_cancellable_cancel (c->connecting);
      g_clear_object (&c->connecting);
      show_connecting (c, dialog, NULL);
      gtk_widget_grab_focus (GTK_WIDGET (c->for_password ? c->password : c->connection));
      return;
    }
  close_dialog (dialog);
}

static void
response_cb (AdwMessageDialog *dialog, const char *response, Connect *c)
{
  c->close_asked = FALSE;
  if (g_strcmp0 (response, "connect") == 0)
    {
      if (c->connecting == NULL)
        start_connecting (c, dialog);
      return;
    }
  cancel_or_close (c, dialog);
}

static gboolean
close_asked_cb (gpointer dialog)
{
  Connect *c = g_object_get_data (G_OBJECT (dialog), "nv-connect");

  if (c != NULL && c->close_asked && gtk_widget_get_visible (GTK_WIDGET (dialog)))
    {
      c->close_asked = FALSE;
      cancel_or_close (c, dialog);
    }
  return G_SOURCE_REMOVE;
}

/* libadwaita 1.2 closes the dialog on every response (before emitting it),
 * and Escape closes it: the dialog stays, and decides itself. A close that
 * no response follows (Escape, the window manager) counts as Cancel. */
static gboolean
close_request_cb (GtkWindow *dialog, Connect *c)
{
  c->close_asked = TRUE;
  g_idle_add_full (G_PRIORITY_HIGH_IDLE, close_asked_cb, g_object_ref (dialog), g_object_unref);
  return TRUE;
}

static void
destroy_cb (GtkWidget *dialog, Connect *c)
{
  /* Closed from outside while connecting: nobody wants that connection. */
  if (c->connecting != NULL)
    g_cancellable_cancel (c->connecting);
}

static void
entry_changed_cb (GtkEditable *editable, AdwMessageDialog *dialog)
{
  field_changed_cb (G_OBJECT (editable), NULL, dialog);
}

static GtkWidget *
add_entry (GtkWidget *list, const char *title)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  return row;
}

static GtkWindow *
dialog_new (GtkWindow *parent, const char *connection, const char *heading, const char *body,
            NvConnectFunc func, gpointer data)
{
  static const char *const ssl_names[] = {
    N_ ("As the service file says"),
    N_ ("Verify the server (verify-full)"),
    N_ ("Check the certificate only (verify-ca)"),
    N_ ("Encrypt, no check (require)"),
    N_ ("Encrypt if offered (prefer)"),
    N_ ("No encryption (disable)"),
  };
  GtkWidget *dialog = nv_message_dialog_new (parent, heading, body);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *form = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *progress = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *spinner = gtk_spinner_new ();
  GtkWidget *progress_label = gtk_label_new (NULL);
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *server_list = gtk_list_box_new ();
  GtkWidget *connection_row, *host_row, *database_row, *user_row;
  GtkWidget *ssl_row = adw_combo_row_new ();
  GtkWidget *password_row = adw_password_entry_row_new ();
  GtkWidget *remember = gtk_check_button_new_with_mnemonic (_ ("_Remember the password"));
  GtkWidget *error = gtk_label_new (NULL);
  g_autoptr (GtkStringList) ssl_model = gtk_string_list_new (NULL);
  Connect *c = g_new0 (Connect, 1);

  c->func = func;
  c->data = data;
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  for (GtkWidget *l = server_list; l != NULL; l = l == server_list ? list : NULL)
    {
      gtk_list_box_set_selection_mode (GTK_LIST_BOX (l), GTK_SELECTION_NONE);
      gtk_widget_add_css_class (l, "boxed-list");
    }
  /* The parts a leader is told one by one, then the whole connection
   * (which also takes a service name or a URI) — each follows the other. */
  host_row = add_entry (server_list, _ ("Server"));
  database_row = add_entry (server_list, _ ("Database"));
  user_row = add_entry (server_list, _ ("User Name"));
  for (guint i = 0; i < G_N_ELEMENTS (ssl_names); i++)
    gtk_string_list_append (ssl_model, _ (ssl_names[i]));
  adw_combo_row_set_model (ADW_COMBO_ROW (ssl_row), G_LIST_MODEL (ssl_model));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (ssl_row), _ ("Encryption (TLS)"));
  /* The mode below the title, where its whole name fits. */
  adw_combo_row_set_use_subtitle (ADW_COMBO_ROW (ssl_row), TRUE);
  gtk_list_box_append (GTK_LIST_BOX (server_list), ssl_row);
  gtk_box_append (GTK_BOX (form), server_list);

  connection_row = add_entry (list, _ ("Connection"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (password_row),
                                 _ ("Password (if the server asks for one)"));
  gtk_list_box_append (GTK_LIST_BOX (list), password_row);
  gtk_box_append (GTK_BOX (form), list);
  gtk_widget_set_tooltip_text (remember, _ ("Kept in the desktop keyring. Otherwise the password "
                                            "is forgotten when Nærvær closes."));
  gtk_box_append (GTK_BOX (form), remember);
  gtk_box_append (GTK_BOX (box), form);
  /* While connecting, in place of the error: what is happening. */
  gtk_box_append (GTK_BOX (progress), spinner);
  gtk_label_set_wrap (GTK_LABEL (progress_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (progress_label), 0);
  gtk_widget_set_hexpand (progress_label, TRUE);
  gtk_box_append (GTK_BOX (progress), progress_label);
  gtk_widget_set_visible (progress, FALSE);
  gtk_box_append (GTK_BOX (box), progress);
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

  c->server_list = server_list;
  c->connection_row = connection_row;
  c->connection = GTK_EDITABLE (connection_row);
  c->host = GTK_EDITABLE (host_row);
  c->database = GTK_EDITABLE (database_row);
  c->user = GTK_EDITABLE (user_row);
  c->ssl = ADW_COMBO_ROW (ssl_row);
  c->password = GTK_EDITABLE (password_row);
  c->remember = GTK_CHECK_BUTTON (remember);
  c->error = GTK_LABEL (error);
  c->form = form;
  c->progress = progress;
  c->spinner = GTK_SPINNER (spinner);
  c->progress_label = GTK_LABEL (progress_label);
  gtk_widget_set_name (host_row, "host");
  gtk_widget_set_name (database_row, "database");
  gtk_widget_set_name (user_row, "user");
  gtk_widget_set_name (ssl_row, "sslmode");
  gtk_widget_set_name (connection_row, "connection");
  gtk_widget_set_name (password_row, "password");
  gtk_widget_set_name (remember, "remember");
  gtk_widget_set_name (error, "error");
  gtk_widget_set_name (progress, "progress");
  gtk_widget_set_name (progress_label, "progress-label");
  g_object_set_data_full (G_OBJECT (dialog), "nv-connect", c, (GDestroyNotify)connect_free);
  gtk_editable_set_text (c->connection, connection != NULL ? connection : "");
  fields_from_connection (c);
  g_signal_connect (connection_row, "changed", G_CALLBACK (connection_changed_cb), dialog);
  g_signal_connect (host_row, "changed", G_CALLBACK (entry_changed_cb), dialog);
  g_signal_connect (database_row, "changed", G_CALLBACK (entry_changed_cb), dialog);
  g_signal_connect (user_row, "changed", G_CALLBACK (entry_changed_cb), dialog);
  g_signal_connect (ssl_row, "notify::selected", G_CALLBACK (field_changed_cb), dialog);
  g_signal_connect (dialog, "response", G_CALLBACK (response_cb), c);
  g_signal_connect (dialog, "close-request", G_CALLBACK (close_request_cb), c);
  g_signal_connect (dialog, "destroy", G_CALLBACK (destroy_cb), c);
  check_connection (c, ADW_MESSAGE_DIALOG (dialog));
  return GTK_WINDOW (dialog);
}

GtkWindow *
nv_connect_dialog_new (GtkWindow *parent, const char *connection, NvConnectFunc func, gpointer data)
{
  return dialog_new (
      parent, connection, _ ("Connect to the Municipality’s Server"),
      _ ("Your IT department gives you the connection, often a service name such as "
         "“service=naervaer”, or an address such as “postgresql://db.kommune.no/naervaer”. "
         "A server on another computer must be reached with sslmode=verify-full."),
      func, data);
}

GtkWindow *
nv_connect_dialog_new_for_password (GtkWindow *parent, const char *connection, NvConnectFunc func,
                                    gpointer data)
{
  g_autofree char *host = NULL, *database = NULL, *user = NULL, *ssl = NULL;
  g_autofree char *where = NULL;
  g_autofree char *body = NULL;
  GtkWindow *dialog;
  Connect *c;

  /* Only what the leader needs to answer: whose password, for which
   * server — not the connection's parts (IT's business, set in
   * Preferences; a socket folder on this computer means nothing to them). */
  nv_pg_conninfo_fields (connection, &host, &database, &user, &ssl);
  if (user == NULL)
    user = g_strdup (g_get_user_name ());
  if (host != NULL && host[0] != '/' && host[0] != '@')
    where = g_strdup_printf (_ ("Password of the user name “%s” on the server “%s”."), user, host);
  else
    where = g_strdup_printf (_ ("Password of the user name “%s”."), user);
  body = g_strdup_printf (
      "%s\n\n%s", where,
      _ ("The shared database asks for your password before Nærvær can show your units. Tick "
         "“Remember the password” to keep it in the desktop keyring; otherwise it is asked for "
         "again next time."));
  dialog = dialog_new (parent, connection, _ ("Password for the Municipality’s Server"), body, func,
                       data);
  c = g_object_get_data (G_OBJECT (dialog), "nv-connect");
  c->for_password = TRUE;
  gtk_widget_set_visible (c->server_list, FALSE);
  gtk_widget_set_visible (c->connection_row, FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (c->password));
  return dialog;
}

gboolean
nv_connect_dialog_is_connecting (GtkWindow *dialog)
{
  Connect *c = g_object_get_data (G_OBJECT (dialog), "nv-connect");

  g_return_val_if_fail (c != NULL, FALSE);
  return c->connecting != NULL;
}

void
nv_connect_dialog_say_stale (GtkWindow *dialog)
{
  Connect *c = g_object_get_data (G_OBJECT (dialog), "nv-connect");

  g_return_if_fail (c != NULL);
  show_error (c, _ ("The server did not accept the password remembered in the keyring. Type the "
                    "current one; it replaces the old one."));
  gtk_check_button_set_active (c->remember, TRUE);
}
