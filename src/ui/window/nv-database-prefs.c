/* nv-database-prefs.c — Preferences, group «Database».
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-database-prefs"

#include "config.h"

#include <glib/gi18n.h>

#include "nv-database-prefs.h"

struct _NvDatabasePrefs
{
  AdwPreferencesGroup parent_instance;
};

G_DEFINE_FINAL_TYPE (NvDatabasePrefs, nv_database_prefs, ADW_TYPE_PREFERENCES_GROUP)

static void
nv_database_prefs_class_init (NvDatabasePrefsClass *klass)
{
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
  return GTK_WIDGET (self);
}
