/* nv-reminders.c — the start-up reminder of follow-up steps.
 *
 * Counting every unit's steps reads all spells (a municipality may have
 * hundreds of units), and asking the session bus for a notification service
 * waits for replies: both run in a worker thread on a connection of its own
 * (SQLite keeps one set of locks per file for all connections of a
 * process), so the window never waits for them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-reminders"

#include "config.h"

#include <glib/gi18n.h>

#include "nv-followup.h"
#include "nv-reminders.h"
#include "nv-unit.h"
#include "nv-window.h"

static void
show_section_action (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  GtkWindow *window = gtk_application_get_active_window (app);

  if (window == NULL)
    {
      g_application_activate (G_APPLICATION (app));
      window = gtk_application_get_active_window (app);
    }
  if (window == NULL)
    return;
  if (NV_IS_WINDOW (window))
    nv_window_show_section (NV_WINDOW (window), g_variant_get_string (param, NULL));
  gtk_window_present (window);
}

void
nv_reminders_install_actions (GtkApplication *app)
{
  static const GActionEntry entries[] = {
    { "show-section", show_section_action, "s" },
  };

  g_action_map_add_action_entries (G_ACTION_MAP (app), entries, G_N_ELEMENTS (entries), app);
}

gboolean
nv_reminders_compose (NvStore *store, NvDay today, char **title, char **body, GError **error)
{
  g_autoptr (GPtrArray) units = nv_unit_list (store, error);
  g_autoptr (GString) text = g_string_new (NULL);
  guint total_overdue = 0, total_soon = 0;

  if (units == NULL)
    return FALSE;
  for (guint i = 0; i < units->len; i++)
    {
      const NvUnit *unit = g_ptr_array_index (units, i);
      guint overdue = 0, soon = 0;

      if (!nv_followup_count (store, unit->id, today, NV_REMINDERS_DAYS, &overdue, &soon, error))
        return FALSE;
      if (overdue == 0 && soon == 0)
        continue;
      total_overdue += overdue;
      total_soon += soon;
      if (text->len > 0)
        g_string_append_c (text, '\n');
      if (overdue > 0 && soon > 0)
        /* Translators: "Avdeling 2B: 2 overdue, 1 due within a week" */
        g_string_append_printf (text, _("%s: %u overdue, %u due within a week"), unit->name,
                                overdue, soon);
      else if (overdue > 0)
        g_string_append_printf (text, _("%s: %u overdue"), unit->name, overdue);
      else
        g_string_append_printf (text, _("%s: %u due within a week"), unit->name, soon);
    }
  if (total_overdue == 0 && total_soon == 0)
    return FALSE;

  if (total_overdue > 0)
    *title = g_strdup_printf (g_dngettext (NULL, "%u follow-up step is overdue",
                                           "%u follow-up steps are overdue", total_overdue),
                              total_overdue);
  else
    *title = g_strdup_printf (g_dngettext (NULL, "%u follow-up step is due within a week",
                                           "%u follow-up steps are due within a week",
                                           total_soon),
                              total_soon);
  *body = g_string_free (g_steal_pointer (&text), FALSE);
  return TRUE;
}

/* Sending to a bus with no notification service only prints a warning, so
 * look first. */
static gboolean
have_notification_service (GDBusConnection *bus)
{
  static const char *const names[] = { "org.freedesktop.Notifications", "org.gtk.Notifications",
                                       "org.freedesktop.portal.Desktop" };
  g_autoptr (GVariant) activatable = NULL;

  if (bus == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr (GVariant) reply =
        g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                     "org.freedesktop.DBus", "NameHasOwner",
                                     g_variant_new ("(s)", names[i]), G_VARIANT_TYPE ("(b)"),
                                     G_DBUS_CALL_FLAGS_NONE, 500, NULL, NULL);
      gboolean owned = FALSE;

      if (reply != NULL)
        g_variant_get (reply, "(b)", &owned);
      if (owned)
        return TRUE;
    }
  activatable = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                             "org.freedesktop.DBus", "ListActivatableNames", NULL,
                                             G_VARIANT_TYPE ("(as)"), G_DBUS_CALL_FLAGS_NONE, 500,
                                             NULL, NULL);
  if (activatable != NULL)
    {
      g_autofree const char **list = NULL;
      g_variant_get (activatable, "(^a&s)", &list);
      for (guint i = 0; list != NULL && list[i] != NULL; i++)
        if (g_strv_contains ((const char *const *) names, list[i]))
          return TRUE;
    }
  return FALSE;
}

typedef struct
{
  char *path;
  GDBusConnection *bus;
  char *title;
  char *body;
  NvDay today;
} Reminder;

static void
reminder_free (Reminder *r)
{
  g_free (r->path);
  g_clear_object (&r->bus);
  g_free (r->title);
  g_free (r->body);
  g_free (r);
}

/* In the worker thread: TRUE when there is something to say and someone to
 * say it to. */
static void
compose_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  Reminder *r = data;
  g_autoptr (GError) error = NULL;
  g_autoptr (NvStore) store = NULL;

  /* Composed already (a server: see nv_reminders_notify_once()). */
  if (r->title != NULL)
    {
      g_task_return_boolean (task, have_notification_service (r->bus));
      return;
    }
  store = nv_store_open (r->path, &error);
  if (store == NULL || !nv_reminders_compose (store, r->today, &r->title, &r->body, &error))
    {
      if (error != NULL)
        g_task_return_error (task, g_steal_pointer (&error));
      else
        g_task_return_boolean (task, FALSE);
      return;
    }
  g_task_return_boolean (task, have_notification_service (r->bus));
}

static void
composed_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  GApplication *app = G_APPLICATION (source);
  Reminder *r = g_task_get_task_data (G_TASK (result));
  g_autoptr (GError) error = NULL;
  g_autoptr (GNotification) notification = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (nv_store_error_is_offline (error))
        g_debug ("no follow-up reminder: %s", error->message);
      else if (error != NULL)
        g_warning ("no follow-up reminder: %s", error->message);
      return;
    }
  notification = g_notification_new (r->title);
  g_notification_set_body (notification, r->body);
  g_notification_set_priority (notification, G_NOTIFICATION_PRIORITY_NORMAL);
  g_notification_set_default_action_and_target (notification, "app.show-section", "s",
                                                "followup");
  g_notification_add_button_with_target (notification, _("Open Follow-up"), "app.show-section",
                                         "s", "followup");
  g_application_send_notification (app, NV_REMINDERS_NOTIFICATION_ID, notification);
}

void
nv_reminders_notify_once (GApplication *app, NvContext *context)
{
  NvStore *store = context != NULL ? nv_context_get_store (context) : NULL;
  GSettings *settings = context != NULL ? nv_context_get_settings (context) : NULL;
  static gboolean done = FALSE;
  g_autoptr (GTask) task = NULL;
  GDBusConnection *bus;
  Reminder *r;

  if (done || store == NULL)
    return;
  done = TRUE;
  if (settings != NULL && !g_settings_get_boolean (settings, "reminders"))
    return;
  bus = g_application_get_dbus_connection (app);
  if (bus == NULL)
    return;
  r = g_new0 (Reminder, 1);
  r->path = g_strdup (nv_store_get_path (store));
  r->today = nv_context_today (context);
  r->bus = g_object_ref (bus);
  /* A server connection is not opened a second time (the password the
   * user typed is not kept): the open store answers, one query. */
  if (nv_store_is_shared (store))
    {
      g_autoptr (GError) error = NULL;

      if (!nv_reminders_compose (store, r->today, &r->title, &r->body, &error))
        {
          if (nv_store_error_is_offline (error))
            g_debug ("no follow-up reminder: %s", error->message);
          else if (error != NULL)
            g_warning ("no follow-up reminder: %s", error->message);
          reminder_free (r);
          return;
        }
    }
  task = g_task_new (app, NULL, composed_cb, NULL);
  g_task_set_source_tag (task, nv_reminders_notify_once);
  g_task_set_task_data (task, r, (GDestroyNotify) reminder_free);
  g_task_run_in_thread (task, compose_thread);
}
