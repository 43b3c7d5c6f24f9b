/* nv-database-prefs.c — Preferences, group «Database».
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-database-prefs"

#include "config.h"

#include <glib/gi18n.h>

#include "nv-a11y.h"

#include "nv-application.h"
#include "nv-connect-dialog.h"
#include "nv-database-prefs.h"

struct _NvDatabasePrefs
{
  AdwPreferencesGroup parent_instance;

  char *connection; /* the server's connection, NULL for a file */
};

G_DEFINE_FINAL_TYPE (NvDatabasePrefs, nv_database_prefs, ADW_TYPE_PREFERENCES_GROUP)

static void
nv_database_prefs_finalize (GObject *object)
{
  g_free (NV_DATABASE_PREFS (object)->connection);
  G_OBJECT_CLASS (nv_database_prefs_parent_class)->finalize (object);
}

static void
nv_database_prefs_class_init (NvDatabasePrefsClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = nv_database_prefs_finalize;
}

static GtkWindow *
parent_window (NvDatabasePrefs *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static gboolean
destroy_window_cb (gpointer window)
{
  gtk_window_destroy (window);
  return G_SOURCE_REMOVE;
}

/* Preferences showed the old database: close them once the dialog that
 * asked has returned. */
static void
close_preferences (NvDatabasePrefs *self)
{
  if (parent_window (self) != NULL)
    g_idle_add_full (G_PRIORITY_DEFAULT, destroy_window_cb, g_object_ref (parent_window (self)),
                     g_object_unref);
}

/* The server's connection is open (made without blocking; until then the
 * old database stayed in use): the app moves to it. */
static void
connected_cb (NvStore *store, const char *connection, gpointer data)
{
  NvDatabasePrefs *self = data;
  GApplication *app = g_application_get_default ();

  g_return_if_fail (NV_IS_APPLICATION (app));
  nv_application_use_store (NV_APPLICATION (app), store, connection);
  close_preferences (self);
}

static void
connect_clicked_cb (NvDatabasePrefs *self)
{
  GtkWindow *dialog
      = nv_connect_dialog_new (parent_window (self), self->connection, connected_cb, self);

  /* The dialog calls back into this group: it goes with the group. */
  g_signal_connect_object (self, "destroy", G_CALLBACK (gtk_window_destroy), dialog,
                           G_CONNECT_SWAPPED);
  gtk_window_present (dialog);
}

static void
local_clicked_cb (NvDatabasePrefs *self)
{
  g_autoptr (GError) error = NULL;
  GApplication *app = g_application_get_default ();

  /* The file on this computer opens at once. */
  if (NV_IS_APPLICATION (app)
      && nv_application_switch_database (NV_APPLICATION (app), NULL, NULL, &error))
    {
      close_preferences (self);
      return;
    }
  if (error == NULL)
    g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                         _ ("Only the Nærvær window can change its database."));
  {
    GtkWidget *dialog = nv_message_dialog_new (
        parent_window (self), _ ("Nærvær cannot open its database"), error->message);
    adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _ ("_Close"));
    gtk_window_present (GTK_WINDOW (dialog));
  }
}

static void
add_button (NvDatabasePrefs *self, const char *title, const char *subtitle, const char *label,
            GCallback callback)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY,
                                  row, NULL, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), button);
  g_signal_connect_swapped (button, "clicked", callback, self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
}

static void
nv_database_prefs_init (NvDatabasePrefs *self)
{
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _ ("Database"));
  gtk_widget_set_name (GTK_WIDGET (self), "database");
}

/* A row that shows a fact: its title, the value below it. */
static void
add_fact (NvDatabasePrefs *self, const char *icon, const char *title, const char *value)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), value);
  if (icon != NULL)
    adw_action_row_set_icon_name (ADW_ACTION_ROW (row), icon);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
}

GtkWidget *
nv_database_prefs_new (NvStore *store)
{
  NvDatabasePrefs *self = g_object_new (NV_TYPE_DATABASE_PREFS, NULL);
  g_autofree char *host = NULL, *database = NULL, *login = NULL;

  g_return_val_if_fail (NV_IS_STORE (store), NULL);
  if (!nv_store_describe_server (store, &host, &database, &login))
    {
      adw_preferences_group_set_description (
          ADW_PREFERENCES_GROUP (self),
          _ ("Your figures are kept in a file on this computer that only you can read. Back it up "
             "under Backups."));
      add_fact (self, "drive-harddisk-symbolic", _ ("Database File"), nv_store_get_path (store));
      add_button (self, _ ("The Municipality’s Server"),
                  _ ("Use the shared database your IT department has set up"), _ ("C_onnect…"),
                  G_CALLBACK (connect_clicked_cb));
      return GTK_WIDGET (self);
    }

  adw_preferences_group_set_description (
      ADW_PREFERENCES_GROUP (self),
      _ ("Your figures are kept in the municipality’s shared database. You see the units HR has "
         "given your login access to, and changes others make appear here by themselves."));
  /* libpq names a server on this computer by its socket's folder. */
  if (host == NULL || *host == '\0' || g_path_is_absolute (host))
    add_fact (self, "network-server-symbolic", _ ("Server"), _ ("PostgreSQL on this computer"));
  else
    add_fact (self, "network-server-symbolic", _ ("Server"), host);
  add_fact (self, NULL, _ ("Database"), database != NULL ? database : "");
  add_fact (self, "avatar-default-symbolic", _ ("Login"), login != NULL ? login : "");
  add_fact (self, "drive-harddisk-symbolic", _ ("Backups"),
            _ ("The municipality’s IT backs up the shared database. Nærvær makes no automatic "
               "backups of it, and restoring a backup is done on the server."));
  self->connection = g_strdup (nv_store_get_path (store));
  add_button (self, _ ("Another Server"), _ ("Connect with another connection or login"),
              _ ("C_onnect…"), G_CALLBACK (connect_clicked_cb));
  add_button (self, _ ("The File on This Computer"),
              _ ("Work in your own database file again; the server keeps its data"),
              _ ("_Use the File"), G_CALLBACK (local_clicked_cb));
  return GTK_WIDGET (self);
}
