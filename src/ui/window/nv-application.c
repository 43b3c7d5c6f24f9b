/* nv-application.c — the Nærvær application: its context (store, settings,
 * clock), app actions.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-application"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "nv-application.h"
#include "nv-a11y.h"
#include "nv-about.h"
#include "nv-backup.h"
#include "nv-connect-dialog.h"
#include "nv-first-frame.h"
#include "nv-font-warm.h"
#include "nv-preferences.h"
#include "nv-reminders.h"
#include "nv-ui-resources.h"
#include "nv-window.h"
#include "nv-pg.h"

struct _NvApplication
{
  AdwApplication parent_instance;

  char *database;
  char *local_file; /* --database's file, if it named one */
  NvContext *context; /* made when the database opens */
  GSettings *settings;
  struct Starting *starting; /* the first connection to a server, while made */
};

G_DEFINE_FINAL_TYPE (NvApplication, nv_application, ADW_TYPE_APPLICATION)

static void
apply_color_scheme (NvApplication *self)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  g_autofree char *scheme = g_settings_get_string (self->settings, "color-scheme");

  if (g_strcmp0 (scheme, "light") == 0)
    adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_LIGHT);
  else if (g_strcmp0 (scheme, "dark") == 0)
    adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_DARK);
  else
    adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_PREFER_LIGHT);
}

static void start_connecting (NvApplication *self, const char *named, gboolean from_settings);

static void
fatal_response_cb (AdwMessageDialog *dialog, const char *response, NvApplication *self)
{
  const char *named = g_object_get_data (G_OBJECT (dialog), "nv-server");
  gboolean from_settings = g_object_get_data (G_OBJECT (dialog), "nv-from-settings") != NULL;

  /* The server chosen in Preferences did not answer: back to the file. */
  if (g_strcmp0 (response, "local") == 0)
    {
      g_settings_set_string (self->settings, "database", "");
      g_application_activate (G_APPLICATION (self));
    }
  else if (g_strcmp0 (response, "retry") == 0 && named != NULL)
    start_connecting (self, named, from_settings);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* @heading NULL: that the database cannot be opened. @server: the server
 * it was (offered again with «Try Again»), or NULL. */
static void
show_fatal (NvApplication *self, const char *heading, const GError *error, const char *server,
            gboolean from_settings)
{
  GtkWidget *dialog;

  dialog = nv_message_dialog_new (
      NULL, heading != NULL ? heading : _("Nærvær cannot open its database"), error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "quit", _("Quit"));
  if (server != NULL)
    {
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "retry", _("_Try Again"));
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "retry");
      g_object_set_data_full (G_OBJECT (dialog), "nv-server", g_strdup (server), g_free);
      if (from_settings)
        g_object_set_data (G_OBJECT (dialog), "nv-from-settings", GINT_TO_POINTER (1));
    }
  if (from_settings)
    {
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "local",
                                       _("_Use the File on This Computer"));
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "local");
    }
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "quit");
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  g_signal_connect_object (dialog, "response", G_CALLBACK (fatal_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* @database NULL: the file (--database's, $NAERVAER_DB or the default). */
static NvStore *
open_store (NvApplication *self, const char *database, const char *password, GError **error)
{
  g_autofree char *path = database != NULL          ? g_strdup (database)
                          : self->local_file != NULL ? g_strdup (self->local_file)
                                                     : nv_store_default_path ();

  /* A file path, or the municipality's server named the way libpq names
   * it (nv-pg.h): nv_store_open() tells them apart and never takes a
   * connection string for a file to create. */
  return nv_store_open_with_password (path, password, error);
}

/* The follow-up reminder reads the store and asks the session bus for a
 * notification service: that waits for the window's first frame. */
static void
reminders_after_paint_cb (GdkFrameClock *clock, NvApplication *self)
{
  g_signal_handlers_disconnect_by_func (clock, reminders_after_paint_cb, self);
  nv_reminders_notify_once (G_APPLICATION (self), self->context);
  /* A server is backed up by the municipality's IT, not by each app. */
  if (!nv_store_is_shared (nv_context_get_store (self->context)))
    nv_backup_daily_start (G_APPLICATION (self), self->context);
}

static void
reminders_realize_cb (GtkWidget *window, NvApplication *self)
{
  g_signal_connect_object (gtk_widget_get_frame_clock (window), "after-paint",
                           G_CALLBACK (reminders_after_paint_cb), self, G_CONNECT_AFTER);
}

static void present_window (NvApplication *self);

static gboolean
close_windows_cb (gpointer data)
{
  GList *windows = data;

  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_destroy (l->data);
  g_list_free_full (windows, g_object_unref);
  return G_SOURCE_REMOVE;
}

/* The server asked for a password at start: the user gave one (and may
 * have changed the connection), and it opened. */
static void
password_given_cb (NvStore *store, const char *connection, gpointer data)
{
  NvApplication *self = data;

  if (self->database == NULL)
    g_settings_set_string (self->settings, "database", connection);
  else
    {
      g_free (self->database);
      self->database = g_strdup (connection);
    }
  self->context = nv_context_new_full (store, self->settings, NV_DAY_NONE);
  present_window (self);
}

/* @stale: the keyring's password for @connection was refused. */
static void
ask_password (NvApplication *self, const char *connection, gboolean stale)
{
  GtkWindow *dialog
      = nv_connect_dialog_new_for_password (NULL, connection, password_given_cb, self);

  if (stale)
    nv_connect_dialog_say_stale (dialog);

  /* The app's only window until the password is right; closing it quits. */
  gtk_window_set_application (dialog, GTK_APPLICATION (self));
  gtk_window_present (dialog);
}

/* ---- The first connection to a server, without blocking ---------------- */

/* A server that answers at once opens without a flash of «Connecting». */
#define PROGRESS_DELAY_MS 300

typedef struct Starting
{
  NvApplication *self;
  char *named;
  char *password; /* the keyring's, if it had one; wiped */
  gboolean from_settings;
  gboolean without;  /* now trying without the keyring's password */
  GError *first;     /* why it failed with it */
  gboolean ended;    /* cancelled: the answer, when it comes, is dropped */
  GCancellable *cancellable;
  GtkWidget *progress; /* «Connecting to …», once shown */
  guint show_id;
} Starting;

static void
wipe (char **password)
{
  if (*password != NULL)
    memset (*password, 0, strlen (*password));
  g_clear_pointer (password, g_free);
}

static void
starting_free (Starting *s)
{
  wipe (&s->password);
  g_free (s->named);
  g_clear_error (&s->first);
  g_clear_object (&s->cancellable);
  g_free (s);
}

/* The next window is up (or the user cancelled): «Connecting» goes. */
static void
starting_end (Starting *s)
{
  NvApplication *self = s->self;

  s->ended = TRUE;
  g_clear_handle_id (&s->show_id, g_source_remove);
  if (s->progress != NULL)
    {
      GtkWidget *progress = g_steal_pointer (&s->progress);

      g_signal_handlers_disconnect_by_data (progress, s);
      gtk_window_destroy (GTK_WINDOW (progress));
    }
  self->starting = NULL;
  g_application_release (G_APPLICATION (self));
}

static void
progress_response_cb (AdwMessageDialog *dialog, const char *response, Starting *s)
{
  g_autofree char *host = NULL, *database = NULL, *user = NULL, *ssl = NULL;
  g_autoptr (GError) error = NULL;

  /* Cancel (or Escape): the dialog closes itself. Back to the choice the
   * app offers when a server does not answer. */
  s->progress = NULL;
  g_cancellable_cancel (s->cancellable);
  nv_pg_conninfo_fields (s->named, &host, &database, &user, &ssl);
  if (host != NULL && *host != '\0' && host[0] != '/' && host[0] != '@')
    error = g_error_new (G_IO_ERROR, G_IO_ERROR_CANCELLED,
                         _("The connection to the server “%s” was stopped before it was made."),
                         host);
  else
    error = g_error_new_literal (
        G_IO_ERROR, G_IO_ERROR_CANCELLED,
        _("The connection to the municipality’s server was stopped before it was made."));
  show_fatal (s->self, _("Not Connected"), error, s->named, s->from_settings);
  starting_end (s);
}

static gboolean
show_progress_cb (gpointer data)
{
  Starting *s = data;
  g_autofree char *text = nv_connect_progress_text (s->named);
  GtkWidget *dialog = nv_message_dialog_new (NULL, _("Connecting to the Municipality’s Server"),
                                             text);
  GtkWidget *spinner = gtk_spinner_new ();

  s->show_id = 0;
  gtk_spinner_set_spinning (GTK_SPINNER (spinner), TRUE);
  gtk_widget_set_size_request (spinner, 32, 32);
  gtk_widget_set_name (spinner, "connecting");
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), spinner);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"));
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (s->self));
  g_signal_connect (dialog, "response", G_CALLBACK (progress_response_cb), s);
  s->progress = dialog;
  gtk_window_present (GTK_WINDOW (dialog));
  return G_SOURCE_REMOVE;
}

static void
start_opened_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  Starting *s = data;
  NvApplication *self = s->self;
  g_autoptr (GError) error = NULL;
  g_autoptr (NvStore) store = nv_store_open_finish (result, &error);

  if (s->ended)
    {
      starting_free (s);
      return;
    }
  if (s->without)
    {
      /* Refused with the remembered password (changed since?), and the
       * server asks for one without it: the user is asked, and the answer
       * replaces the stale one in the keyring. */
      if (g_error_matches (error, NV_PG_ERROR, NV_PG_ERROR_NEEDS_PASSWORD))
        {
          ask_password (self, s->named, TRUE);
          starting_end (s);
          starting_free (s);
          return;
        }
      if (store == NULL)
        {
          g_clear_error (&error);
          error = g_steal_pointer (&s->first);
        }
    }
  else if (store == NULL && s->password != NULL
           && !g_error_matches (error, NV_PG_ERROR, NV_PG_ERROR_INSECURE))
    {
      s->first = g_steal_pointer (&error);
      s->without = TRUE;
      wipe (&s->password);
      nv_store_open_async (s->named, NULL, s->cancellable, start_opened_cb, s);
      return;
    }
  if (store == NULL && g_error_matches (error, NV_PG_ERROR, NV_PG_ERROR_NEEDS_PASSWORD))
    ask_password (self, s->named, FALSE);
  else if (store == NULL)
    show_fatal (self, NULL, error, s->named, s->from_settings);
  else
    {
      self->context = nv_context_new_full (store, self->settings, NV_DAY_NONE);
      present_window (self);
    }
  starting_end (s);
  starting_free (s);
}

/* The keyring (D-Bus, started on demand, perhaps asking to be unlocked)
 * is asked in a worker too. */
static void
lookup_in_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  g_task_return_pointer (task, nv_connect_lookup_password (data), g_free);
}

static void
looked_up_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  Starting *s = data;

  s->password = g_task_propagate_pointer (G_TASK (result), NULL);
  if (s->ended)
    {
      starting_free (s);
      return;
    }
  nv_store_open_async (s->named, s->password, s->cancellable, start_opened_cb, s);
}

/* The server @named (--database's, or chosen in Preferences when
 * @from_settings), with its password from the keyring if remembered. The
 * connection is made off the main thread; after a moment «Connecting to …»
 * shows, with Cancel. Until it is made (or fails) the app holds itself. */
static void
start_connecting (NvApplication *self, const char *named, gboolean from_settings)
{
  Starting *s = g_new0 (Starting, 1);

  s->self = self;
  s->named = g_strdup (named);
  s->from_settings = from_settings;
  s->cancellable = g_cancellable_new ();
  self->starting = s;
  g_application_hold (G_APPLICATION (self));
  s->show_id = g_timeout_add (PROGRESS_DELAY_MS, show_progress_cb, s);
  {
    g_autoptr (GTask) task = g_task_new (NULL, NULL, looked_up_cb, s);

    g_task_set_task_data (task, g_strdup (named), g_free);
    g_task_run_in_thread (task, lookup_in_thread);
  }
}

static void
nv_application_activate (GApplication *app)
{
  NvApplication *self = NV_APPLICATION (app);
  g_autoptr (GError) error = NULL;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }
  /* Connecting to the server: its dialog shows in a moment. */
  if (self->starting != NULL)
    return;

  if (self->context == NULL)
    {
      g_autofree char *chosen = NULL;
      g_autoptr (NvStore) store = NULL;
      const char *named;

      /* --database and $NAERVAER_DB first, then the server chosen in
       * Preferences. */
      if (self->database == NULL && g_getenv ("NAERVAER_DB") == NULL)
        {
          chosen = g_settings_get_string (self->settings, "database");
          if (*chosen == '\0')
            g_clear_pointer (&chosen, g_free);
        }
      named = self->database != NULL ? self->database : chosen;
      if (named == NULL && g_getenv ("NAERVAER_DB") != NULL
          && nv_pg_is_conninfo (g_getenv ("NAERVAER_DB")))
        named = g_getenv ("NAERVAER_DB");
      if (named != NULL && nv_pg_is_conninfo (named))
        {
          start_connecting (self, named, chosen != NULL);
          return;
        }
      /* A file on this computer opens at once. */
      store = open_store (self, named, NULL, &error);
      if (store == NULL)
        {
          show_fatal (self, NULL, error, NULL, chosen != NULL);
          return;
        }
      self->context = nv_context_new_full (store, self->settings, NV_DAY_NONE);
    }
  present_window (self);
}

void
nv_application_use_store (NvApplication *self, NvStore *store, const char *database)
{
  GList *old;

  g_return_if_fail (NV_IS_APPLICATION (self));
  g_return_if_fail (NV_IS_STORE (store));
  /* Nothing may hold the old store: the daily backup, the windows (closed
   * once the dialog that asked has returned). */
  g_object_set_data (G_OBJECT (self), "nv-daily-backup", NULL);
  old = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));
  g_list_foreach (old, (GFunc) (void (*) (void)) g_object_ref, NULL);
  g_clear_object (&self->context);
  self->context = nv_context_new_full (store, self->settings, NV_DAY_NONE);
  g_free (self->database);
  self->database = g_strdup (database);
  g_settings_set_string (self->settings, "database", database != NULL ? database : "");
  present_window (self);
  g_idle_add_full (G_PRIORITY_DEFAULT, close_windows_cb, old, NULL);
}

gboolean
nv_application_switch_database (NvApplication *self, const char *database, const char *password,
                                GError **error)
{
  g_autoptr (NvStore) store = NULL;

  g_return_val_if_fail (NV_IS_APPLICATION (self), FALSE);
  store = open_store (self, database, password, error);
  if (store == NULL)
    return FALSE;
  nv_application_use_store (self, store, database);
  return TRUE;
}

static void
present_window (NvApplication *self)
{
  GtkWindow *window;

  nv_font_warm_finish ();
  window = GTK_WINDOW (nv_window_new (ADW_APPLICATION (self), self->context));
  nv_quit_after_first_frame_if_asked (window);
  g_signal_connect_object (window, "realize", G_CALLBACK (reminders_realize_cb), self, 0);
  gtk_window_present (window);
}

static int
nv_application_handle_local_options (GApplication *app, GVariantDict *options)
{
  NvApplication *self = NV_APPLICATION (app);

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("naervaer %s\n", PACKAGE_VERSION);
      return 0;
    }
  g_variant_dict_lookup (options, "database", "^ay", &self->database);
  if (self->database != NULL && !nv_pg_is_conninfo (self->database))
    self->local_file = g_strdup (self->database);
  /* The everyday app is unique: a second start raises the open window, and a
   * click on a reminder reaches it over D-Bus. With a database of its own
   * (--database or NAERVAER_DB) an instance stands alone, so two databases
   * can be open at once and tests never talk to each other's windows. */
  if (self->database != NULL || g_getenv ("NAERVAER_DB") != NULL)
    g_application_set_flags (app, g_application_get_flags (app) | G_APPLICATION_NON_UNIQUE);
  return -1;
}

static void
quit_action (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static void
preferences_action (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  NvApplication *self = NV_APPLICATION (user_data);
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  NvStore *store = self->context != NULL ? nv_context_get_store (self->context) : NULL;
  GtkWindow *prefs = nv_preferences_new (parent, self->settings, store);

  gtk_window_present (prefs);
}

static void
backups_action (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  NvApplication *self = NV_APPLICATION (user_data);
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  NvStore *store = self->context != NULL ? nv_context_get_store (self->context) : NULL;
  GtkWindow *prefs = nv_preferences_new (parent, self->settings, store);

  nv_preferences_show_backups (NV_PREFERENCES (prefs));
  gtk_window_present (prefs);
}

static void
about_action (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  NvApplication *self = NV_APPLICATION (user_data);
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkWindow *about = nv_about_window_new (parent);

  gtk_window_present (GTK_WINDOW (about));
}

static void
help_action (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (user_data));

  /* The guide is Mallard, installed under share/help/<lang>/naervaer (help/). */
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS /* 4.10 in the flatpak's newer GTK */
  gtk_show_uri (window, "help:naervaer", GDK_CURRENT_TIME);
  G_GNUC_END_IGNORE_DEPRECATIONS
}

static const GActionEntry app_actions[] = {
  { "help", help_action },
  { "quit", quit_action },
  { "preferences", preferences_action },
  { "backups", backups_action },
  { "about", about_action },
};

/* GTK starts reading the icon theme (Adwaita, hicolor) in a thread when the
 * display's theme is first asked for, and every resource path added after
 * that throws what it read away. GtkApplication's startup asks for it and
 * adds our path, and AdwApplication's then calls adw_init(), which adds
 * libadwaita's path: that add waited ~8 ms for the read it discarded. So
 * nv_application_startup() calls adw_init() first (AdwApplication's call is
 * then a no-op): its path goes in before GTK's reading thread gets to the
 * theme. Our path still comes after that read, so the theme is read again in
 * a thread right away, while the window is built, not on the main thread at
 * the window's first icon. Lookups wait for that read if they must. */
static void
load_icon_theme_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  gtk_icon_theme_has_icon (GTK_ICON_THEME (source), APPLICATION_ID);
  g_task_return_boolean (task, TRUE);
}

static void
load_icon_theme_in_thread (void)
{
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gdk_display_get_default ());
  g_autoptr (GTask) task = g_task_new (theme, NULL, NULL, NULL);

  g_task_run_in_thread (task, load_icon_theme_thread);
}

/* The other half of the story above: a resource path added after GTK's
 * thread has read the theme (GtkApplication's startup adds ours, and the
 * thread started in adw_init() has mostly finished by then) queues the
 * theme's «changed» in an idle. Nothing runs that idle before the window's
 * first frame, so it came right after it, and every widget of the window
 * was styled anew: a 10–20 ms stall in the user's first second (issue 12).
 * Whether it is queued depends on that race, so at the end of the startup,
 * before any window exists, what is ready on the main loop runs until the
 * change has been seen or nothing is left (a handful of sources at most).
 * Everything is set up by then, so an early remote activation is safe. */
static void
icon_theme_changed_cb (GtkIconTheme *theme, gboolean *changed)
{
  *changed = TRUE;
}

static void
settle_icon_theme (void)
{
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gdk_display_get_default ());
  gboolean changed = FALSE;
  gulong id = g_signal_connect (theme, "changed", G_CALLBACK (icon_theme_changed_cb), &changed);

  for (guint i = 0; i < 64 && !changed && g_main_context_pending (NULL); i++)
    g_main_context_iteration (NULL, FALSE);
  g_signal_handler_disconnect (theme, id);
}

static void
nv_application_startup (GApplication *app)
{
  NvApplication *self = NV_APPLICATION (app);
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *prefs_accels[] = { "<Control>comma", NULL };
  static const char *help_accels[] = { "<Control>question", NULL };
  static const char *guide_accels[] = { "F1", NULL };
  static const char *print_accels[] = { "<Control>p", NULL };

  /* The fonts load in a thread while the theme does (nv-font-warm.c). */
  gtk_init ();
  nv_font_warm_start ();
  adw_init ();
  G_APPLICATION_CLASS (nv_application_parent_class)->startup (app);
  nv_a11y_install ();
  load_icon_theme_in_thread ();

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions),
                                   app);
  nv_reminders_install_actions (GTK_APPLICATION (app));
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.preferences", prefs_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.show-help-overlay",
                                         help_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.help", guide_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.report-print",
                                         print_accels);

  self->settings = g_settings_new (APPLICATION_ID);
  g_signal_connect_swapped (self->settings, "changed::color-scheme",
                            G_CALLBACK (apply_color_scheme), self);
  apply_color_scheme (self);
  settle_icon_theme ();
}

static void
nv_application_shutdown (GApplication *app)
{
  NvApplication *self = NV_APPLICATION (app);
  GList *windows;

  /* Close the windows first so nothing holds the store: its last unref closes
   * the database, which checkpoints the WAL into the main file. */
  while ((windows = gtk_application_get_windows (GTK_APPLICATION (app))) != NULL)
    gtk_window_destroy (windows->data);
  /* The hourly daily-backup check holds the store. */
  g_object_set_data (G_OBJECT (app), "nv-daily-backup", NULL);
  G_APPLICATION_CLASS (nv_application_parent_class)->shutdown (app);
  g_clear_object (&self->context);
}

static void
nv_application_finalize (GObject *object)
{
  NvApplication *self = NV_APPLICATION (object);

  g_clear_object (&self->context);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->database, g_free);
  g_clear_pointer (&self->local_file, g_free);
  G_OBJECT_CLASS (nv_application_parent_class)->finalize (object);
}

static void
nv_application_class_init (NvApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = nv_application_finalize;
  app_class->activate = nv_application_activate;
  app_class->startup = nv_application_startup;
  app_class->shutdown = nv_application_shutdown;
  app_class->handle_local_options = nv_application_handle_local_options;
}

static void
nv_application_init (NvApplication *self)
{
  static const GOptionEntry entries[] = {
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Database file (default: $XDG_DATA_HOME/naervaer/naervaer.db or $NAERVAER_DB), "
         "or a connection to the municipality’s PostgreSQL server (“service=naervaer”, "
         "“postgresql://…”)"),
      N_("DATABASE") },
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Show the version"), NULL },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), entries);
}

NvApplication *
nv_application_new (void)
{
  nv_ui_register_resource ();
  return g_object_new (NV_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", "/io/github/naervaer/Naervaer",
                       NULL);
}

NvContext *
nv_application_get_context (NvApplication *self)
{
  return self->context;
}
