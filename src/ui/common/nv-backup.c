/* nv-backup.c — backups from the GUI (see nv-backup.h).
 *
 * Every backup goes through the store's backup API (a private temporary file
 * renamed into place, 0600); a restore goes through nv_store_restore_into(),
 * one write transaction into the open database, so nothing another process
 * holds open is ever replaced.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-backup"

#include "config.h"

#include <glib/gi18n.h>

#include "nv-auto-backup.h"
#include "nv-backup.h"
#include "nv-calendar.h"
#include "nv-file-guard.h"
#include "nv-a11y.h"

typedef struct
{
  NvStore *store;
  GtkWindow *parent;
  NvBackupDoneFunc done;
  gpointer data;
} Flow;

static Flow *
flow_new (GtkWindow *parent, NvStore *store, NvBackupDoneFunc done, gpointer data)
{
  Flow *flow = g_new0 (Flow, 1);

  flow->store = g_object_ref (store);
  flow->parent = parent;
  if (parent != NULL)
    g_object_add_weak_pointer (G_OBJECT (parent), (gpointer *) &flow->parent);
  flow->done = done;
  flow->data = data;
  return flow;
}

static void
flow_finish (Flow *flow, const char *heading, const char *message, gboolean ok)
{
  if (flow->done != NULL)
    flow->done (heading, message, ok, flow->data);
  if (flow->parent != NULL)
    g_object_remove_weak_pointer (G_OBJECT (flow->parent), (gpointer *) &flow->parent);
  g_object_unref (flow->store);
  g_free (flow);
}

char *
nv_backup_format_time (GDateTime *when)
{
  g_autoptr (GDateTime) local = g_date_time_to_local (when);
  NvDay day = nv_day_from_ymd (g_date_time_get_year (local), g_date_time_get_month (local),
                               g_date_time_get_day_of_month (local));
  g_autofree char *date = nv_day_format_local (day);

  /* TRANSLATORS: a date and a time, «07.12.2026 kl. 14:05» */
  return g_strdup_printf (_("%s at %02d:%02d"), date, g_date_time_get_hour (local),
                          g_date_time_get_minute (local));
}

char *
nv_backup_suggested_name (void)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *day = g_date_time_format (now, "%Y-%m-%d");

  /* TRANSLATORS: a file name; %s is the date as 2026-12-07 */
  return g_strdup_printf (_("Nærvær backup %s.db"), day);
}

static GFile *
documents_folder (void)
{
  const char *dir = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);

  return g_file_new_for_path (dir != NULL ? dir : g_get_home_dir ());
}

static void
add_database_filter (GtkFileChooser *chooser)
{
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr (GtkFileFilter) all = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Nærvær backups (*.db)"));
  gtk_file_filter_add_suffix (filter, "db");
  gtk_file_filter_add_mime_type (filter, "application/vnd.sqlite3");
  gtk_file_filter_add_mime_type (filter, "application/x-sqlite3");
  gtk_file_chooser_add_filter (chooser, filter);
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (chooser, all);
}

G_GNUC_BEGIN_IGNORE_DEPRECATIONS /* GtkFileChooser: 4.10 in the flatpak's newer GTK */

/* A modal chooser of database files in @folder; shown by the caller. */
static GtkFileChooserNative *
database_chooser_new (GtkWindow *parent, const char *title, GtkFileChooserAction action,
                      const char *accept, GFile *folder)
{
  GtkFileChooserNative *chooser =
    gtk_file_chooser_native_new (title, parent, action, accept, _("_Cancel"));

  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  add_database_filter (GTK_FILE_CHOOSER (chooser));
  gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
  return chooser;
}

/* The chosen file's local path, or NULL when the user cancelled (or chose a
 * file with no local path); the chooser is released either way. */
static char *
chosen_path (GtkNativeDialog *chooser, int response)
{
  g_autoptr (GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_object_unref (chooser);
  return file != NULL ? g_file_get_path (file) : NULL;
}

/* Why a backup or a restore was refused, and what to do: @error says why;
 * the file guard's messages already say what to do, the others get @advice. */
static char *
refusal_body (const GError *error, const char *advice)
{
  if (error->domain == NV_FILE_GUARD_ERROR)
    return g_strdup (error->message);
  return g_strdup_printf ("%s\n\n%s", error->message, advice);
}

static void
save_response_cb (GtkNativeDialog *chooser, int response, Flow *flow)
{
  g_autofree char *path = chosen_path (chooser, response);
  g_autofree char *message = NULL;
  g_autoptr (GError) error = NULL;

  if (path == NULL)
    {
      flow_finish (flow, NULL, NULL, FALSE);
      return;
    }
  if (!nv_store_backup (flow->store, path, &error))
    {
      message = refusal_body (error, _("Choose another folder, such as your Documents folder, "
                                       "and try again."));
      flow_finish (flow, _("No Backup Was Made"), message, FALSE);
      return;
    }
  {
    g_autofree char *name = g_path_get_basename (path);
    /* TRANSLATORS: %s is the file name */
    message = g_strdup_printf (_("Backup saved as “%s”"), name);
  }
  flow_finish (flow, NULL, message, TRUE);
}

void
nv_backup_save_to_file (GtkWindow *parent, NvStore *store, NvBackupDoneFunc done, gpointer data)
{
  GtkFileChooserNative *chooser;
  g_autoptr (GFile) folder = documents_folder ();
  g_autofree char *name = nv_backup_suggested_name ();

  g_return_if_fail (NV_IS_STORE (store));
  chooser = database_chooser_new (parent, _("Save a Backup"), GTK_FILE_CHOOSER_ACTION_SAVE,
                                  _("_Save"), folder);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect (chooser, "response", G_CALLBACK (save_response_cb),
                    flow_new (parent, store, done, data));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
open_response_cb (GtkNativeDialog *chooser, int response, Flow *flow)
{
  g_autofree char *path = chosen_path (chooser, response);

  if (path == NULL)
    {
      flow_finish (flow, NULL, NULL, FALSE);
      return;
    }
  nv_backup_restore_confirm (flow->parent, flow->store, path, flow->done, flow->data);
  flow->done = NULL;
  flow_finish (flow, NULL, NULL, FALSE);
}

void
nv_backup_restore_from_file (GtkWindow *parent, NvStore *store, NvBackupDoneFunc done,
                             gpointer data)
{
  GtkFileChooserNative *chooser;
  g_autofree char *dir = nv_auto_backup_dir (store);
  g_autoptr (GFile) folder = NULL;

  g_return_if_fail (NV_IS_STORE (store));
  folder = g_file_test (dir, G_FILE_TEST_IS_DIR) ? g_file_new_for_path (dir) : documents_folder ();
  chooser = database_chooser_new (parent, _("Restore a Backup"), GTK_FILE_CHOOSER_ACTION_OPEN,
                                  _("_Open"), folder);
  g_signal_connect (chooser, "response", G_CALLBACK (open_response_cb),
                    flow_new (parent, store, done, data));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

G_GNUC_END_IGNORE_DEPRECATIONS

static void
restore_response_cb (AdwMessageDialog *dialog, const char *response, Flow *flow)
{
  const char *path = g_object_get_data (G_OBJECT (dialog), "nv-path");
  g_autofree char *kept = NULL;
  g_autofree char *message = NULL;
  g_autoptr (GError) error = NULL;

  if (g_strcmp0 (response, "restore") != 0)
    {
      flow_finish (flow, NULL, NULL, FALSE);
      return;
    }
  if (!nv_store_restore_into (flow->store, path, &kept, &error))
    {
      message = refusal_body (error, _("Nærvær’s data are as they were. Try again, or choose "
                                       "another backup."));
      flow_finish (flow, _("Nothing Was Restored"), message, FALSE);
      return;
    }
  {
    g_autofree char *name = g_path_get_basename (kept);
    message = g_strdup_printf (_("Backup restored. The database as it was is kept as “%s”."), name);
  }
  flow_finish (flow, NULL, message, TRUE);
}

void
nv_backup_restore_confirm (GtkWindow *parent, NvStore *store, const char *path,
                           NvBackupDoneFunc done, gpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GDateTime) when = NULL;
  g_autofree char *name = g_path_get_basename (path);
  g_autofree char *body = NULL;
  Flow *flow;
  GtkWidget *dialog;

  g_return_if_fail (NV_IS_STORE (store));
  flow = flow_new (parent, store, done, data);
  /* Checked before asking: the open database itself, a damaged or a
   * foreign file is refused at once. */
  if (!nv_file_guard_check_read (path, &error) || !nv_store_validate_file (path, &error))
    {
      g_autofree char *message = refusal_body (
        error, _("Nærvær’s data are as they were. Choose another backup file."));
      flow_finish (flow, _("Nothing Was Restored"), message, FALSE);
      return;
    }
  when = nv_auto_backup_time (path);
  if (when != NULL)
    {
      g_autofree char *time = nv_backup_format_time (when);
      body = g_strdup_printf (_("Everything in Nærvær is replaced by the automatic backup of %s. "
                                "The database as it is now is kept as a copy beside it first, so "
                                "nothing is lost."),
                              time);
    }
  else
    body = g_strdup_printf (_("Everything in Nærvær is replaced by the backup “%s”. The database "
                              "as it is now is kept as a copy beside it first, so nothing is "
                              "lost."),
                            name);
  dialog = nv_message_dialog_new (parent, _("Restore the Backup?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "restore",
                                    _("_Restore"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "nv-path", g_strdup (path), g_free);
  g_signal_connect (dialog, "response", G_CALLBACK (restore_response_cb), flow);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
auto_backup (NvContext *context, const char *reason, GError **error)
{
  NvStore *store = nv_context_get_store (context);
  GSettings *settings = nv_context_get_settings (context);
  g_autofree char *dir = NULL;
  g_autoptr (GDateTime) now = NULL;

  /* A shared server is backed up by the municipality's IT: the app makes
   * no copies of it (Preferences says so). */
  if (!g_settings_get_boolean (settings, "auto-backup") || nv_store_is_read_only (store)
      || nv_store_is_shared (store))
    return TRUE;
  dir = nv_auto_backup_dir (store);
  now = g_date_time_new_now_local ();
  if (g_strcmp0 (reason, "daily") == 0 && !nv_auto_backup_daily_due (dir, now))
    return TRUE;
  return nv_auto_backup_make (store, dir, reason, now,
                              (guint) g_settings_get_int (settings, "backups-kept"), NULL, error);
}

gboolean
nv_backup_before_import (NvContext *context, GError **error)
{
  g_autoptr (GError) local = NULL;

  g_return_val_if_fail (NV_IS_CONTEXT (context), FALSE);
  if (auto_backup (context, "import", &local))
    return TRUE;
  g_set_error (error, local->domain, local->code,
               _("The automatic backup before the import failed: %s"), local->message);
  return FALSE;
}

void
nv_backup_daily (NvContext *context)
{
  g_autoptr (GError) error = NULL;

  g_return_if_fail (NV_IS_CONTEXT (context));
  if (!auto_backup (context, "daily", &error))
    g_warning ("The daily backup failed: %s", error->message);
}

static gboolean
daily_tick_cb (gpointer data)
{
  nv_backup_daily (NV_CONTEXT (data));
  return G_SOURCE_CONTINUE;
}

static void
stop_daily (gpointer data)
{
  guint id = GPOINTER_TO_UINT (data);
  g_source_remove (id);
}

void
nv_backup_daily_start (GApplication *app, NvContext *context)
{
  guint id;

  g_return_if_fail (NV_IS_CONTEXT (context));
  if (g_object_get_data (G_OBJECT (app), "nv-daily-backup") != NULL)
    return;
  nv_backup_daily (context);
  /* Hourly: a window left open overnight backs up on the new day. */
  id = g_timeout_add_seconds_full (G_PRIORITY_LOW, 3600, daily_tick_cb, g_object_ref (context),
                                   g_object_unref);
  g_object_set_data_full (G_OBJECT (app), "nv-daily-backup", GUINT_TO_POINTER (id), stop_daily);
}
