/* The window on the municipality's server (issue 14), under
 * `pgcluster.py run`: the unit's figures as on a file (hand-computed, as in
 * tests/ui/overview/test-overview-page.c), Preferences' Database group and no
 * Backups page, and a lost connection: the banner, then recovery and live
 * updates from another connection. */
#include "config.h"

#include <adwaita.h>
#include <libpq-fe.h>
#include <string.h>

#include "nv-test-store.h"
#include "nv-test-ui.h"
#include "nv-backup-prefs.h"
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

static void
wait_for (gboolean (*check) (gpointer), gpointer data, const char *what)
{
  gint64 end = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (!check (data))
    {
      if (g_get_monotonic_time () > end)
        g_error ("not within 20 s: %s", what);
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
  g_assert_true (nv_store_is_connected (f->store));
  wait_for (banner_gone, banner, "the banner after connecting again");
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
  return g_test_run ();
}
