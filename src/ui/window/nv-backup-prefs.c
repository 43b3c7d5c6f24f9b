/* nv-backup-prefs.c — Preferences, page «Backups»: back up to a file, restore
 * from a file or from one of the automatic backups, and the automatic
 * backups' settings (GSettings "auto-backup" and "backups-kept").
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-backup-prefs"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "nv-auto-backup.h"
#include "nv-backup-prefs.h"
#include "nv-backup.h"
#include "nv-a11y.h"
#include "nv-toast.h"

struct _NvBackupPrefs
{
  AdwPreferencesPage parent_instance;

  GSettings *settings;
  NvStore *store;
  AdwPreferencesGroup *auto_group;
  GtkWidget *toggle;   /* auto-backup */
  GtkWidget *spin;     /* backups-kept */
  GtkWidget *kept_row;
  AdwPreferencesGroup *list_group;
  GPtrArray *list_rows; /* rows in list_group, to remove on refresh */
};

G_DEFINE_FINAL_TYPE (NvBackupPrefs, nv_backup_prefs, ADW_TYPE_PREFERENCES_PAGE)

static void refresh_list (NvBackupPrefs *self);

static GtkWindow *
parent_window (NvBackupPrefs *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
done_cb (const char *heading, const char *message, gboolean ok, gpointer data)
{
  NvBackupPrefs *self = data;
  GtkWindow *window;

  if (message == NULL)
    goto out;
  window = parent_window (self);
  if (!ok)
    {
      /* A refusal: what failed as the heading, why and what to do as the
       * body, kept until read. */
      GtkWidget *dialog = nv_message_dialog_new (window, heading, message);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
    }
  else if (ADW_IS_PREFERENCES_WINDOW (window)
           && nv_toast_fits (GTK_WIDGET (window), message, NULL, -1))
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (window), adw_toast_new (message));
  else
    /* (the kept copy's name is long: whole, in a narrow window) */
    nv_toast_dialog (window, message);
out:
  refresh_list (self);
  g_object_unref (self);
}

static void
backup_clicked_cb (NvBackupPrefs *self)
{
  if (self->store != NULL)
    nv_backup_save_to_file (parent_window (self), self->store, done_cb, g_object_ref (self));
}

static void
restore_file_clicked_cb (NvBackupPrefs *self)
{
  if (self->store != NULL)
    nv_backup_restore_from_file (parent_window (self), self->store, done_cb, g_object_ref (self));
}

static void
restore_auto_clicked_cb (GtkButton *button, NvBackupPrefs *self)
{
  const char *path = g_object_get_data (G_OBJECT (button), "nv-path");

  if (self->store != NULL && path != NULL)
    nv_backup_restore_confirm (parent_window (self), self->store, path, done_cb,
                               g_object_ref (self));
}

static GtkWidget *
button_row (const char *title, const char *subtitle, const char *label, GCallback cb,
            gpointer data)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  subtitle, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  g_signal_connect_swapped (button, "clicked", cb, data);
  return row;
}

static const char *
reason_label (const char *path)
{
  if (g_str_has_suffix (path, "-import.db") || strstr (path, "-import-") != NULL)
    return _("Before an import");
  return _("Daily");
}

static void
refresh_list (NvBackupPrefs *self)
{
  g_autofree char *dir = NULL;
  g_autoptr (GPtrArray) files = NULL;

  for (guint i = 0; i < self->list_rows->len; i++)
    adw_preferences_group_remove (self->list_group, g_ptr_array_index (self->list_rows, i));
  g_ptr_array_set_size (self->list_rows, 0);
  if (self->store == NULL)
    return;

  dir = nv_auto_backup_dir (self->store);
  files = nv_auto_backup_list (dir);
  {
    g_autofree char *description =
      g_strdup_printf (_("Kept in the folder “%s”, readable only by you."), dir);
    adw_preferences_group_set_description (self->list_group, description);
  }
  if (files->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No automatic backups yet"));
      adw_preferences_group_add (self->list_group, row);
      g_ptr_array_add (self->list_rows, row);
      return;
    }
  for (guint i = 0; i < files->len; i++)
    {
      const char *path = g_ptr_array_index (files, i);
      g_autoptr (GDateTime) when = nv_auto_backup_time (path);
      g_autofree char *time = when != NULL ? nv_backup_format_time (when) : g_path_get_basename (path);
      /* TRANSLATORS: accessible name of a button; %s is a date and time */
      g_autofree char *a11y = g_strdup_printf (_("Restore the backup of %s"), time);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *button = gtk_button_new_with_mnemonic (_("Restore…"));

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), time);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), reason_label (path));
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_set_sensitive (button, !nv_store_is_read_only (self->store));
      nv_a11y_set_button_name (button, a11y);
      g_object_set_data_full (G_OBJECT (button), "nv-path", g_strdup (path), g_free);
      g_signal_connect (button, "clicked", G_CALLBACK (restore_auto_clicked_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      adw_preferences_group_add (self->list_group, row);
      g_ptr_array_add (self->list_rows, row);
    }
}

static void
nv_backup_prefs_dispose (GObject *object)
{
  NvBackupPrefs *self = NV_BACKUP_PREFS (object);

  g_clear_object (&self->settings);
  g_clear_object (&self->store);
  g_clear_pointer (&self->list_rows, g_ptr_array_unref);
  G_OBJECT_CLASS (nv_backup_prefs_parent_class)->dispose (object);
}

static void
nv_backup_prefs_class_init (NvBackupPrefsClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = nv_backup_prefs_dispose;
}

static void
nv_backup_prefs_init (NvBackupPrefs *self)
{
  AdwPreferencesGroup *group;
  GtkWidget *row, *toggle, *spin;

  self->list_rows = g_ptr_array_new ();
  adw_preferences_page_set_title (ADW_PREFERENCES_PAGE (self), _("Backups"));
  adw_preferences_page_set_icon_name (ADW_PREFERENCES_PAGE (self), "drive-harddisk-symbolic");
  gtk_widget_set_name (GTK_WIDGET (self), "backups");

  group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (group, _("Back Up and Restore"));
  row = button_row (_("Back Up Now"),
                    _("Saves everything in Nærvær as one file that only you can read. Keep it "
                      "somewhere safe, such as your folder on the municipality’s server."),
                    _("_Back Up…"), G_CALLBACK (backup_clicked_cb), self);
  adw_preferences_group_add (group, row);
  row = button_row (_("Restore from a File"),
                    _("Replaces everything in Nærvær with a backup. The database as it is now "
                      "is kept as a copy first."),
                    _("_Choose File…"), G_CALLBACK (restore_file_clicked_cb), self);
  adw_preferences_group_add (group, row);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self), group);

  self->auto_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->auto_group, _("Automatic Backups"));
  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("_Automatic Backups"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                               _("Before every import, and once a day while Nærvær is open"));
  toggle = gtk_switch_new ();
  gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                  row, NULL, -1);
  nv_a11y_name_like_row (toggle, adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
  self->toggle = toggle;
  adw_preferences_group_add (self->auto_group, row);

  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Backups _Kept"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Older automatic backups are removed"));
  spin = gtk_spin_button_new_with_range (NV_AUTO_BACKUP_KEEP_MIN, NV_AUTO_BACKUP_KEEP_MAX, 1);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_RELATION_LABELLED_BY, row,
                                  NULL, -1);
  nv_a11y_name_like_row (spin, adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
  self->spin = spin;
  self->kept_row = row;
  adw_preferences_group_add (self->auto_group, row);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self), self->auto_group);

  self->list_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->list_group, _("Latest Automatic Backups"));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self), self->list_group);
}

void
nv_backup_prefs_set_context (NvBackupPrefs *self, GSettings *settings, NvStore *store)
{
  g_return_if_fail (NV_IS_BACKUP_PREFS (self));
  g_return_if_fail (G_IS_SETTINGS (settings));
  g_return_if_fail (self->settings == NULL);
  self->settings = g_object_ref (settings);
  g_settings_bind (settings, "auto-backup", self->toggle, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "backups-kept", self->spin, "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "auto-backup", self->kept_row, "sensitive", G_SETTINGS_BIND_GET);
  g_set_object (&self->store, store);
  refresh_list (self);
}
