/* The window on the municipality's server (issue 14), under
 * `pgcluster.py run`: the unit's figures as on a file (hand-computed, as in
 * tests/ui/overview/test-overview-page.c), Preferences' Database group and no
 * Backups page, and a lost connection: the banner, then recovery and live
 * updates from another connection. */
#include "config.h"

#include <adwaita.h>
#include <errno.h>
#include <glib/gstdio.h>
#include <libpq-fe.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include "nv-test-store.h"
#include "nv-test-ui.h"
#include "nv-backup-prefs.h"
#include "nv-connect-dialog.h"
#include "nv-database-prefs.h"
#include "nv-overview-page.h"
#include "nv-preferences.h"
#include "nv-server-banner.h"
#include "nv-ui-resources.h"
#include "nv-unit.h"
#include "nv-window.h"

#define NBSP "\xc2\xa0"

typedef NvTestDb Fixture;

static void
setup (Fixture *f, gconstpointer data)
{
  nv_test_db_open_with_context (f, nv_day_from_ymd (2025, 6, 30));
}

static void
teardown (Fixture *f, gconstpointer data)
{
  nv_test_db_close (f);
}

static GtkWidget *
find_type (GtkWidget *widget, GType type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_type (child, type);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Is there an AdwActionRow under @widget with this title and subtitle? */
static gboolean
has_row (GtkWidget *widget, const char *title, const char *subtitle)
{
  if (ADW_IS_ACTION_ROW (widget)
      && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0
      && g_strcmp0 (adw_action_row_get_subtitle (ADW_ACTION_ROW (widget)), subtitle) == 0)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_row (child, title, subtitle))
      return TRUE;
  return FALSE;
}

/* Polls for @check; generous, and longer where the suite runs slower
 * (NV_TEST_TIME_SCALE, the sanitized setup). */
static void
wait_for (gboolean (*check) (gpointer), gpointer data, const char *what)
{
  const char *scale_env = g_getenv ("NV_TEST_TIME_SCALE");
  double scale = scale_env != NULL ? MAX (g_ascii_strtod (scale_env, NULL), 1.0) : 1.0;
  gint64 end = g_get_monotonic_time () + (gint64)(60 * scale) * G_USEC_PER_SEC;

  while (!check (data))
    {
      if (g_get_monotonic_time () > end)
        g_error ("not within %.0f s: %s", 60 * scale, what);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (20000);
    }
}

/* The unit of test-overview-page.c's test_figures (nv_test_add_overview_unit):
 * Q2 2025 4,9 %, the last four quarters 1,6 %, 0,15 årsverk, 162 150 kr. */
static void
test_figures (Fixture *f, gconstpointer data)
{
  gint64 unit = nv_test_add_overview_unit (f->store);
  NvWindow *window;
  NvOverviewPage *page;

  g_assert_true (nv_store_is_shared (f->store));

  window = nv_window_new (NULL, f->context);
  gtk_window_present (GTK_WINDOW (window));
  nv_test_spin ();
  g_assert_cmpint (nv_window_get_unit_id (window), ==, unit);
  page = NV_OVERVIEW_PAGE (nv_window_get_page (window, "overview"));
  nv_test_spin ();
  g_assert_cmpstr (nv_overview_page_get_text (page, "current-percent"), ==, "4,9" NBSP "%");
  g_assert_cmpstr (nv_overview_page_get_text (page, "year-percent"), ==, "1,6" NBSP "%");
  g_assert_cmpstr (nv_overview_page_get_text (page, "arsverk"), ==, "0,15");
  g_assert_cmpstr (nv_overview_page_get_text (page, "cost"), ==, "162" NBSP "150" NBSP "kr");
  /* Connected: the banner is there, folded away. */
  g_assert_nonnull (nv_window_get_server_banner (window));
  g_assert_false (
      nv_server_banner_is_revealed (NV_SERVER_BANNER (nv_window_get_server_banner (window))));
  g_assert_false (gtk_widget_get_visible (nv_window_get_server_banner (window)));
  gtk_window_destroy (GTK_WINDOW (window));
  nv_test_spin ();
}

static void
test_preferences (Fixture *f, gconstpointer data)
{
  GtkWindow *prefs = nv_preferences_new (NULL, nv_context_get_settings (f->context), f->store);
  GtkWidget *group;

  gtk_window_present (prefs);
  nv_test_spin ();
  group = find_type (GTK_WIDGET (prefs), NV_TYPE_DATABASE_PREFS);
  g_assert_nonnull (group);
  g_assert_true (has_row (group, "Server", "PostgreSQL on this computer"));
  g_assert_true (has_row (group, "Login", "nv_super"));
  /* No backups of a server from the app: no Backups page. */
  g_assert_null (find_type (GTK_WIDGET (prefs), NV_TYPE_BACKUP_PREFS));
  gtk_window_destroy (prefs);
  nv_test_spin ();
}

/* Ends every other session on the store's database, as a server restart does. */
static void
drop_connections (NvStore *store)
{
  PGconn *conn = PQconnectdb (nv_store_get_path (store));
  PGresult *result;

  g_assert_cmpint (PQstatus (conn), ==, CONNECTION_OK);
  result = PQexec (conn, "SELECT pg_terminate_backend (pid) FROM pg_stat_activity "
                         "WHERE datname = current_database () AND pid <> pg_backend_pid ()");
  g_assert_cmpint (PQresultStatus (result), ==, PGRES_TUPLES_OK);
  g_assert_cmpint (PQntuples (result), >=, 1);
  PQclear (result);
  PQfinish (conn);
}

static gboolean
banner_shown (gpointer banner)
{
  return nv_server_banner_is_revealed (banner) && gtk_widget_get_visible (banner);
}

static gboolean
banner_gone (gpointer banner)
{
  return !nv_server_banner_is_revealed (banner);
}

typedef struct
{
  NvWindow *window;
  gint64 unit;
} Wanted;

static gboolean
unit_shown (gpointer data)
{
  Wanted *w = data;
  return nv_window_get_unit_id (w->window) == w->unit;
}

static void
test_lost_connection (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (NvStore) other = NULL;
  NvWindow *window = nv_window_new (NULL, f->context);
  NvServerBanner *banner;
  Wanted wanted = { window, 0 };

  gtk_window_present (GTK_WINDOW (window));
  nv_test_spin ();
  g_assert_cmpstr (nv_window_get_state (window), ==, "welcome");
  banner = NV_SERVER_BANNER (nv_window_get_server_banner (window));

  /* Another process adds a unit: the window shows it without being asked. */
  other = nv_store_open (nv_store_get_path (f->store), &error);
  g_assert_no_error (error);
  wanted.unit = nv_unit_add (other, "Solsikken", "barnehage", NULL, &error);
  g_assert_no_error (error);
  wait_for (unit_shown, &wanted, "the unit another connection added");

  /* The session ends: the banner says so and counts down to the next try. */
  drop_connections (f->store);
  wait_for (banner_shown, banner, "the banner of a lost connection");
  g_assert_cmpuint (nv_server_banner_get_seconds_left (banner), >, 0);
  g_assert_false (nv_store_is_connected (f->store));

  /* «Try Again»: the server is up, so the banner goes and live updates go on. */
  nv_server_banner_retry (banner);
  wait_for (banner_gone, banner, "the banner after connecting again");
  g_assert_true (nv_store_is_connected (f->store));
  g_clear_object (&other);
  other = nv_store_open (nv_store_get_path (f->store), &error);
  g_assert_no_error (error);
  wanted.unit = nv_unit_add (other, "Blåklokka", "barnehage", NULL, &error);
  g_assert_no_error (error);
  g_assert_true (nv_unit_delete (other, nv_window_get_unit_id (window), &error));
  wait_for (unit_shown, &wanted, "the unit added after the connection came back");

  gtk_window_destroy (GTK_WINDOW (window));
  nv_test_spin ();
}

/* ---- Preferences › Database › Connect…: the form ----------------------- */

static const char *
field (GtkWindow *dialog, const char *name)
{
  GtkWidget *w = nv_test_find_named (GTK_WIDGET (dialog), name);

  g_assert_nonnull (w);
  return gtk_editable_get_text (GTK_EDITABLE (w));
}

static void
set_field (GtkWindow *dialog, const char *name, const char *text)
{
  GtkWidget *w = nv_test_find_named (GTK_WIDGET (dialog), name);

  g_assert_nonnull (w);
  gtk_editable_set_text (GTK_EDITABLE (w), text);
}

static void
never_called (NvStore *store, const char *connection, gpointer data)
{
  g_assert_not_reached ();
}

static void
test_connect_form (Fixture *f, gconstpointer data)
{
  GtkWindow *dialog = nv_connect_dialog_new (
      NULL, "host=db.kommune.no dbname=naervaer user=leder sslmode=require port=5433", never_called,
      NULL);
  AdwComboRow *ssl;
  GtkWidget *error;

  gtk_window_present (dialog);
  nv_test_spin ();
  ssl = ADW_COMBO_ROW (nv_test_find_named (GTK_WIDGET (dialog), "sslmode"));
  error = nv_test_find_named (GTK_WIDGET (dialog), "error");

  /* The connection's parts, each in its own field; TLS mode shown. */
  g_assert_cmpstr (field (dialog, "host"), ==, "db.kommune.no");
  g_assert_cmpstr (field (dialog, "database"), ==, "naervaer");
  g_assert_cmpstr (field (dialog, "user"), ==, "leder");
  g_assert_cmpstr (
      gtk_string_object_get_string (GTK_STRING_OBJECT (adw_combo_row_get_selected_item (ssl))), ==,
      "Encrypt, no check (require)");
  /* A remote server without verify-full: refused in the form, saying so. */
  g_assert_true (gtk_widget_get_visible (error));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (error)), "db.kommune.no"));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (error)), "verify-full"));
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "connect"));

  /* verify-full: the connection follows (its other settings kept), and
   * Connect is offered. */
  adw_combo_row_set_selected (ssl, 1);
  g_assert_cmpstr (field (dialog, "connection"), ==,
                   "host=db.kommune.no dbname=naervaer user=leder sslmode=verify-full port=5433");
  g_assert_false (gtk_widget_get_visible (error));
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "connect"));

  /* Fields into the connection, quoted where libpq needs it. */
  set_field (dialog, "user", "Kari Nordmann");
  g_assert_cmpstr (field (dialog, "connection"), ==,
                   "host=db.kommune.no dbname=naervaer user='Kari Nordmann' sslmode=verify-full "
                   "port=5433");
  set_field (dialog, "host", "10.1.2.3");
  adw_combo_row_set_selected (ssl, 4); /* prefer */
  g_assert_true (gtk_widget_get_visible (error));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (error)), "10.1.2.3"));

  /* And back: a service name empties the fields; on this computer
   * (localhost) a weaker mode is fine. */
  set_field (dialog, "connection", "service=naervaer");
  g_assert_cmpstr (field (dialog, "host"), ==, "");
  g_assert_cmpstr (field (dialog, "user"), ==, "");
  g_assert_cmpuint (adw_combo_row_get_selected (ssl), ==, 0);
  set_field (dialog, "connection", "postgresql://localhost/naervaer?sslmode=disable");
  g_assert_cmpstr (field (dialog, "host"), ==, "localhost");
  g_assert_cmpstr (field (dialog, "database"), ==, "naervaer");
  g_assert_false (gtk_widget_get_visible (error));
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "connect"));

  gtk_window_destroy (dialog);
  nv_test_spin ();
}

/* ---- Connecting again without blocking the window ----------------------- */

/* The store reaches the server through a socket path of our own: a
 * symbolic link to the real socket, or a socket that accepts connections
 * but never answers (a server that hangs). */
typedef struct
{
  char *dir;
  char *path;   /* dir/.s.PGSQL.<port> */
  char *target; /* the server's socket */
  int silent;   /* the listening socket that never answers, or -1 */
  guint ticks;  /* a timeout's calls while a try is running */
} Detour;

static char *
detour_new (Detour *d, const char *conninfo)
{
  PGconn *conn = PQconnectdb (conninfo);

  g_assert_cmpint (PQstatus (conn), ==, CONNECTION_OK);
  g_assert_true (g_path_is_absolute (PQhost (conn)));
  d->dir = nv_test_tmpdir ();
  d->path = g_strdup_printf ("%s/.s.PGSQL.%s", d->dir, PQport (conn));
  d->target = g_strdup_printf ("%s/.s.PGSQL.%s", PQhost (conn), PQport (conn));
  d->silent = -1;
  g_assert_cmpint (symlink (d->target, d->path), ==, 0);
  {
    char *out = g_strdup_printf ("host=%s port=%s dbname=%s user=%s", d->dir, PQport (conn),
                                 PQdb (conn), PQuser (conn));
    PQfinish (conn);
    return out;
  }
}

static void
detour_hang (Detour *d)
{
  struct sockaddr_un addr = { .sun_family = AF_UNIX };

  g_assert_cmpint (g_unlink (d->path), ==, 0);
  g_assert_cmpuint (strlen (d->path), <, sizeof addr.sun_path);
  strcpy (addr.sun_path, d->path);
  d->silent = socket (AF_UNIX, SOCK_STREAM, 0);
  g_assert_cmpint (d->silent, >=, 0);
  g_assert_cmpint (bind (d->silent, (struct sockaddr *)&addr, sizeof addr), ==, 0);
  g_assert_cmpint (listen (d->silent, 4), ==, 0);
}

/* The hanging server goes away: what waited on it is cut off. */
static void
detour_restore (Detour *d)
{
  if (d->silent >= 0)
    {
      close (d->silent);
      d->silent = -1;
      g_unlink (d->path);
    }
  if (!g_file_test (d->path, G_FILE_TEST_EXISTS | G_FILE_TEST_IS_SYMLINK))
    g_assert_cmpint (symlink (d->target, d->path), ==, 0);
}

static void
detour_free (Detour *d)
{
  detour_restore (d);
  g_unlink (d->path);
  nv_test_rmtree (d->dir);
  g_free (d->dir);
  g_free (d->path);
  g_free (d->target);
}

static gboolean
tick_cb (gpointer data)
{
  ((Detour *)data)->ticks++;
  return G_SOURCE_CONTINUE;
}

static gboolean
ticked (gpointer data)
{
  return ((Detour *)data)->ticks >= 5;
}

static gboolean
try_over (gpointer banner)
{
  return !nv_server_banner_is_connecting (banner);
}

static void
test_reconnect_without_blocking (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (NvStore) store = NULL;
  g_autoptr (NvContext) context = NULL;
  g_autofree char *conninfo = NULL;
  Detour detour = { 0 };
  NvWindow *window;
  NvServerBanner *banner;
  guint tick_id;

  conninfo = detour_new (&detour, nv_store_get_path (f->store));
  store = nv_store_open (conninfo, &error);
  g_assert_no_error (error);
  context = nv_test_context_new (store, nv_day_from_ymd (2025, 6, 30));
  window = nv_window_new (NULL, context);
  gtk_window_present (GTK_WINDOW (window));
  nv_test_spin ();
  banner = NV_SERVER_BANNER (nv_window_get_server_banner (window));

  drop_connections (f->store);
  wait_for (banner_shown, banner, "the banner of a lost connection");

  /* The server accepts the connection and never answers: «Try Again»
   * returns at once, the try runs on, and the main loop with it. */
  detour_hang (&detour);
  nv_server_banner_retry (banner);
  g_assert_true (nv_server_banner_is_connecting (banner));
  g_assert_false (nv_store_is_connected (store));
  tick_id = g_timeout_add (50, tick_cb, &detour);
  wait_for (ticked, &detour, "the main loop running while connecting");
  g_assert_true (nv_server_banner_is_connecting (banner));
  g_assert_true (nv_server_banner_is_revealed (banner));
  g_source_remove (tick_id);

  /* The hanging server goes: the try fails and the banner counts down. */
  detour_restore (&detour);
  wait_for (try_over, banner, "the failed try");
  g_assert_true (nv_server_banner_is_revealed (banner));
  g_assert_cmpuint (nv_server_banner_get_seconds_left (banner), >, 0);

  /* The real server again: the next try connects. */
  nv_server_banner_retry (banner);
  wait_for (banner_gone, banner, "the banner after connecting again");
  g_assert_true (nv_store_is_connected (store));
  g_assert_true (nv_unit_add (store, "Tyttebær", "barnehage", NULL, &error) > 0);
  g_assert_no_error (error);

  gtk_window_destroy (GTK_WINDOW (window));
  nv_test_spin ();
  g_clear_object (&context);
  g_clear_object (&store);
  detour_free (&detour);
}

/* While the connection is down the pages' own reloads fail and log a
 * warning (as they should): not fatal here. */
static gboolean
lost_connection_ok (const char *domain, GLogLevelFlags level, const char *message, gpointer data)
{
  return strstr (message, "connection to the database server was lost") == NULL;
}

int
main (int argc, char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  g_test_log_set_fatal_handler (lost_connection_ok, NULL);
  adw_init ();
  nv_ui_register_resource ();
  /* pgcluster.py skips loudly (or fails in CI) without PostgreSQL. */
  if (!nv_test_is_pg ())
    {
      g_print ("1..0 # SKIP needs the throwaway server of `pgcluster.py run`\n");
      return 77;
    }
  g_test_add ("/server-window/figures", Fixture, NULL, setup, test_figures, teardown);
  g_test_add ("/server-window/preferences", Fixture, NULL, setup, test_preferences, teardown);
  g_test_add ("/server-window/lost-connection", Fixture, NULL, setup, test_lost_connection,
              teardown);
  g_test_add ("/server-window/connect-form", Fixture, NULL, setup, test_connect_form, teardown);
  g_test_add ("/server-window/reconnect-without-blocking", Fixture, NULL, setup,
              test_reconnect_without_blocking, teardown);
  return g_test_run ();
}
