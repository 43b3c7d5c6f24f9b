/* The benchmark manager under Xvfb: the bundled series, the «behind»
 * warning, an import refused with file:line:field and nothing stored, and an
 * import that replaces a figure and says so.
 *
 * With NV_SCREENSHOT_DIR set, /benchmark-manager/screenshot writes
 * benchmarks-light.png and benchmarks-dark.png there. */
#include "config.h"

#include <adwaita.h>
#include <libsoup/soup.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <sqlite3.h>
#include <string.h>

#include "nv-test-store.h"
#include "nv-test-ui.h"
#include "nv-absence.h"
#include "nv-benchmark-manager.h"
#include "nv-benchmark.h"
#include "nv-preferences.h"
#include "nv-ssb.h"
#include "nv-store-private.h"
#include "nv-store-sqlite.h"
#include "nv-ui-resources.h"
#include "nv-unit.h"

typedef NvTestDb Fixture;

static void
teardown (Fixture *f, gconstpointer data)
{
  GList *windows = gtk_window_list_toplevels ();

  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_destroy (l->data);
  g_list_free (windows);
  nv_test_db_close (f);
}


/* Does @widget or a descendant show a label with exactly @text? */
static gboolean
has_label (GtkWidget *widget, const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return TRUE;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    if (has_label (c, text))
      return TRUE;
  return FALSE;
}

static GtkWidget *
find_button (GtkWidget *widget, const char *label)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_button (c, label);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static AdwExpanderRow *
find_row (NvBenchmarkManager *manager, const char *title)
{
  GPtrArray *rows = nv_benchmark_manager_get_rows (manager);

  for (guint i = 0; i < rows->len; i++)
    {
      AdwPreferencesRow *row = g_ptr_array_index (rows, i);
      if (g_strcmp0 (adw_preferences_row_get_title (row), title) == 0)
        return ADW_EXPANDER_ROW (row);
    }
  return NULL;
}

/* The message dialog shown over @parent, or NULL. */
static AdwMessageDialog *
find_dialog (GtkWindow *parent)
{
  GList *windows = gtk_window_list_toplevels ();
  AdwMessageDialog *found = NULL;

  for (GList *l = windows; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) &&
        gtk_window_get_transient_for (GTK_WINDOW (l->data)) == parent)
      found = l->data;
  g_list_free (windows);
  return found;
}

static gint64
count_points (NvStore *store)
{
  sqlite3_stmt *stmt = NULL;
  gint64 n;

  g_assert_cmpint (sqlite3_prepare_v2 (nv_store_get_db (store),
                                       "SELECT count(*) FROM benchmark_point", -1, &stmt, NULL),
                   ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

/* A unit whose HR figures run to 2024-Q4 (so 2024-Q2 is two quarters behind). */
static gint64
unit_with_figures (NvStore *store)
{
  g_autoptr (GError) error = NULL;
  gint64 unit = nv_unit_add (store, "Solsikken", "barnehage", "Fjordvik", &error);

  g_assert_no_error (error);
  for (int m = 1; m <= 12; m++)
    {
      NvMonthly monthly = { unit, 2024, m, 400, 8, 22, 21 };
      const char *field = NULL;
      g_assert_true (nv_monthly_upsert (store, &monthly, &field, &error));
      g_assert_no_error (error);
    }
  return unit;
}

static void
test_bundled (Fixture *f, gconstpointer data)
{
  GtkWindow *window = nv_benchmark_manager_new (NULL, f->context, 0);
  NvBenchmarkManager *manager = NV_BENCHMARK_MANAGER (window);
  AdwExpanderRow *row;

  gtk_window_present (window);
  nv_test_spin_rounds (5, 0);
  g_assert_cmpuint (nv_benchmark_manager_get_rows (manager)->len, ==, 8);
  row = find_row (manager, "Kommuner");
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_expander_row_get_subtitle (row), ==,
                   "Doctor-certified · SSB · Latest period Q2 2024");
  g_assert_false (has_label (GTK_WIDGET (row), "Behind"));
  g_assert_nonnull (find_row (manager, "Own municipality (total)"));
  /* The sources are there, as links. */
  g_assert_true (has_label (GTK_WIDGET (row),
                            "https://ks.no/fagomrader/statistikk-og-analyse/fravar/"
                            "hoyt-sykefravar-i-andre-kvartal-2024"));
  g_assert_false (has_label (GTK_WIDGET (window), "Behind"));
}

static void
test_behind (Fixture *f, gconstpointer data)
{
  gint64 unit = unit_with_figures (f->store);
  GtkWindow *window = nv_benchmark_manager_new (NULL, f->context, unit);
  NvBenchmarkManager *manager = NV_BENCHMARK_MANAGER (window);

  gtk_window_present (window);
  nv_test_spin_rounds (5, 0);
  g_assert_true (has_label (GTK_WIDGET (window),
                            "The unit’s figures run to Q4 2024, its latest full quarter. A series "
                            "is marked as behind when its latest figure is more than two quarters "
                            "older."));
  /* Unit data to 2024-Q4: 2024-Q2 is fine, 2020-Q2 is not. */
  g_assert_false (has_label (GTK_WIDGET (find_row (manager, "Kommuner")), "Behind"));
  g_assert_true (has_label (GTK_WIDGET (find_row (manager, "Barnehager (NAV-bransje, fire "
                                                           "kvartaler Q3 2019–Q2 2020)")),
                            "Behind"));
}

/* Saves @csv as @name in the test folder and imports it in @window, shown,
 * as a file picked in its chooser is; the import must give @imported.
 * Returns the dialog that tells the result. */
static AdwMessageDialog *
import_file (Fixture *f, GtkWindow *window, const char *name, const char *csv, gboolean imported)
{
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  AdwMessageDialog *dialog;

  g_assert_true (g_file_set_contents (path, csv, -1, NULL));
  gtk_window_present (window);
  nv_test_spin_rounds (5, 0);
  g_assert_cmpint (nv_benchmark_manager_import_file (NV_BENCHMARK_MANAGER (window), file), ==,
                   imported);
  nv_test_spin_rounds (5, 0);
  dialog = find_dialog (window);
  g_assert_nonnull (dialog);
  return dialog;
}

static void
test_import_refused (Fixture *f, gconstpointer data)
{
  GtkWindow *window = nv_benchmark_manager_new (NULL, f->context, 0);
  AdwMessageDialog *dialog =
    import_file (f, window, "bad.csv",
                 "serie;periode;prosent;type;grunnlag;kilde\n"
                 "Kommuner;2024-Q3;6,6;legemeldt;SSB;https://example.org\n"
                 "Kommuner;2024-Q4;150;legemeldt;SSB;https://example.org\n",
                 FALSE);

  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Nothing Was Imported");
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==,
                   "bad.csv:3: prosent: 150 is outside 0–100");
  g_assert_cmpint (count_points (f->store), ==, 0);
}

static void
test_import_replaces (Fixture *f, gconstpointer data)
{
  GtkWindow *window = nv_benchmark_manager_new (NULL, f->context, 0);
  NvBenchmarkManager *manager = NV_BENCHMARK_MANAGER (window);
  AdwMessageDialog *dialog =
    import_file (f, window, "ssb.csv",
                 "serie;periode;prosent;type;grunnlag;kilde\n"
                 "Kommuner;2024-Q3;6,6;legemeldt;SSB;https://example.org\n"
                 "Kommuner;2024-Q2;8,4;legemeldt;SSB;https://example.org\n",
                 TRUE);

  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Figures Imported");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog),
                            "• Kommuner 2024-Q2: 8,3\u00a0% → 8,4\u00a0%"));
  /* The list follows the store. */
  g_assert_cmpstr (adw_expander_row_get_subtitle (find_row (manager, "Kommuner")), ==,
                   "Doctor-certified · SSB · Latest period Q3 2024");
  g_assert_cmpint (count_points (f->store), ==, 2);
  gtk_window_destroy (GTK_WINDOW (dialog));
  nv_test_spin_rounds (5, 0);

  /* Remove the imported figures again, after confirming. */
  {
    GtkWidget *button = find_button (GTK_WIDGET (find_row (manager, "Kommuner")), "Remove…");
    g_assert_nonnull (button);
    g_assert_null (find_button (GTK_WIDGET (find_row (manager, "Fylkeskommuner")), "Remove…"));
    g_signal_emit_by_name (button, "clicked");
    nv_test_spin_rounds (5, 0);
    dialog = find_dialog (window);
    g_assert_nonnull (dialog);
    g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Remove Imported Figures?");
    adw_message_dialog_response (dialog, "remove");
    nv_test_spin_rounds (5, 0);
    g_assert_cmpint (count_points (f->store), ==, 0);
    g_assert_cmpstr (adw_expander_row_get_subtitle (find_row (manager, "Kommuner")), ==,
                     "Doctor-certified · SSB · Latest period Q2 2024");
  }
}

/* Preferences › Default Benchmark lists every series, shipped and imported. */
static void
test_preferences_combo (Fixture *f, gconstpointer data)
{
  GSettings *settings = nv_context_get_settings (f->context);
  g_autoptr (GError) error = NULL;
  const char *csv = "series;period;percent;measure;source\nHelse og omsorg;2024-Q1;10;totalt;x\n";
  GtkWindow *prefs;
  GtkWidget *combo;
  GListModel *model;
  guint selected;

  g_assert_true (nv_benchmark_import_data (f->store, "b.csv", csv, strlen (csv), NULL, &error));
  g_assert_no_error (error);
  g_settings_set_string (settings, "default-benchmark", "kommuner");
  prefs = nv_preferences_new (NULL, settings, f->store);
  combo = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (prefs), NV_TYPE_PREFERENCES,
                                                     "benchmark_row"));
  model = adw_combo_row_get_model (ADW_COMBO_ROW (combo));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 9);
  selected = adw_combo_row_get_selected (ADW_COMBO_ROW (combo));
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (model), selected), ==,
                   "Kommuner");
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (model), 8), ==,
                   "Own municipality (doctor-certified)");
  /* Choosing a series stores its name (not its label). */
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (model), i),
                   "Own municipality (total)") == 0)
      adw_combo_row_set_selected (ADW_COMBO_ROW (combo), i);
  {
    g_autofree char *stored = g_settings_get_string (settings, "default-benchmark");
    g_assert_cmpstr (stored, ==, "Egen kommune (totalt)");
  }
  g_settings_reset (settings, "default-benchmark");
  gtk_window_destroy (prefs);
}

static gboolean
has_label_containing (GtkWidget *widget, const char *text)
{
  if (GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL)
    return TRUE;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    if (has_label_containing (c, text))
      return TRUE;
  return FALSE;
}

/* Issue 16 items 9–10, issue 18 item 6: the latest period in the quarter
 * format people read, and when figures were fetched (with SSB's table and
 * the next publication), imported or shipped. */
static void
test_provenance (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (NvSsbPlan) plan = nv_ssb_plan_load (NULL, &error);
  g_autoptr (GPtrArray) points = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  g_autoptr (GDateTime) fetched = g_date_time_new_utc (2026, 12, 7, 9, 30, 0);
  GtkWindow *window;
  NvBenchmarkManager *manager;
  AdwExpanderRow *row;
  AdwMessageDialog *dialog;

  g_assert_no_error (error);
  for (guint i = 0; i < plan->series->len; i++)
    {
      GArray *a = g_array_new (FALSE, FALSE, sizeof (NvSsbPoint));
      NvSsbPoint p = { "2026-Q2", 5.5 };
      g_array_append_val (a, p);
      g_ptr_array_add (points, a);
    }
  g_assert_true (nv_ssb_store (f->store, plan, points, fetched, NULL, &error));
  g_assert_no_error (error);

  window = nv_benchmark_manager_new (NULL, f->context, 0);
  manager = NV_BENCHMARK_MANAGER (window);
  gtk_window_present (window);
  nv_test_spin_rounds (5, 0);

  row = find_row (manager, "Kommuneforvaltningen (legemeldt)");
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_expander_row_get_subtitle (row), ==,
                   "Doctor-certified · SSB · Latest period Q2 2026");
  g_assert_true (has_label (GTK_WIDGET (row), "Fetched"));
  g_assert_true (has_label (GTK_WIDGET (row), "1 figure, fetched from SSB"));
  g_assert_true (has_label_containing (GTK_WIDGET (row), "07.12.2026"));
  g_assert_true (has_label_containing (GTK_WIDGET (row), "SSB table 12441"));
  /* 2026-Q3 ends 30.9.2026; + 77 days = 16.12.2026. */
  g_assert_true (has_label (GTK_WIDGET (row), "Next publication"));
  g_assert_true (has_label_containing (GTK_WIDGET (row), "16.12.2026"));

  /* A shipped series says so; a series name's periods read as quarters. */
  g_assert_true (has_label_containing (GTK_WIDGET (find_row (manager, "Kommuner")),
                                       "Shipped with Nærvær"));
  g_assert_nonnull (find_row (manager, "Barnehager (NAV-bransje, fire kvartaler Q3 2019–Q2 2020)"));

  /* Update from SSB asks first, and says nothing of the user's is sent. */
  gtk_widget_activate_action (GTK_WIDGET (window), "manager.update-ssb", NULL);
  nv_test_spin_rounds (5, 0);
  dialog = find_dialog (window);
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog),
                            "Nothing about your units, staff or sick leave is sent"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "not seasonally adjusted"));
  adw_message_dialog_response (dialog, "cancel");
  nv_test_spin_rounds (5, 0);
  gtk_window_destroy (window);
  nv_test_spin_rounds (5, 0);
}

/* «Update from SSB» from the window, against a local server (never the real
 * SSB): one JSON-stat 2.0 dataset per request, built from what was asked. */
typedef struct
{
  guint status; /* what the server answers */
  guint n_requests;
} Ssb;

static void
ssb_handler (SoupServer *server, SoupServerMessage *msg, const char *path, GHashTable *query,
             gpointer data)
{
  Ssb *ssb = data;
  g_autoptr (GString) ids = g_string_new (NULL);
  g_autoptr (GString) sizes = g_string_new (NULL);
  g_autoptr (GString) dims = g_string_new (NULL);
  g_autofree char *body = NULL;
  GHashTableIter it;
  gpointer key, value;

  ssb->n_requests++;
  if (ssb->status != 200)
    {
      soup_server_message_set_status (msg, ssb->status, NULL);
      return;
    }
  g_hash_table_iter_init (&it, query);
  while (g_hash_table_iter_next (&it, &key, &value))
    {
      g_autofree char *dim = NULL;
      if (!g_str_has_prefix (key, "valueCodes[") || strcmp (key, "valueCodes[Tid]") == 0)
        continue;
      dim = g_strndup ((char *) key + 11, strlen (key) - 12);
      g_string_append_printf (ids, "\"%s\",", dim);
      g_string_append (sizes, "1,");
      g_string_append_printf (dims, "\"%s\": {\"category\": {\"index\": {\"%s\": 0}}},", dim,
                              (char *) value);
    }
  body = g_strdup_printf ("{\"version\": \"2.0\", \"class\": \"dataset\", \"id\": [%s\"Tid\"], "
                          "\"size\": [%s2], \"dimension\": {%s\"Tid\": {\"category\": "
                          "{\"index\": {\"2026K2\": 0, \"2026K3\": 1}}}}, \"value\": [6.0, 6.5]}",
                          ids->str, sizes->str, dims->str);
  soup_server_message_set_status (msg, 200, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_COPY, body,
                                    strlen (body));
}

/* The message dialog over @parent with @heading, waiting up to 10 s. */
static AdwMessageDialog *
wait_for_dialog (GtkWindow *parent, const char *heading)
{
  for (int i = 0; i < 1000; i++)
    {
      GList *windows = gtk_window_list_toplevels ();
      AdwMessageDialog *found = NULL;

      for (GList *l = windows; l != NULL; l = l->next)
        if (ADW_IS_MESSAGE_DIALOG (l->data) &&
            gtk_window_get_transient_for (GTK_WINDOW (l->data)) == parent &&
            g_strcmp0 (adw_message_dialog_get_heading (l->data), heading) == 0)
          found = l->data;
      g_list_free (windows);
      if (found != NULL)
        return found;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (10000);
    }
  return NULL;
}

static void
test_update_from_ssb (Fixture *f, gconstpointer data)
{
  g_autoptr (SoupServer) server = soup_server_new (NULL, NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *api = NULL;
  Ssb ssb = { 429, 0 };
  GtkWindow *window;
  AdwMessageDialog *dialog;
  GSList *uris;

  soup_server_add_handler (server, NULL, ssb_handler, &ssb, NULL);
  g_assert_true (soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error));
  uris = soup_server_get_uris (server);
  api = g_strdup_printf ("http://127.0.0.1:%d/api/pxwebapi/v2", g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  g_setenv ("NAERVAER_SSB_API", api, TRUE);

  window = nv_benchmark_manager_new (NULL, f->context, 0);
  gtk_window_present (window);
  nv_test_spin_rounds (5, 0);

  /* SSB says «too many requests»: the user is told, nothing is stored. */
  gtk_widget_activate_action (GTK_WIDGET (window), "manager.update-ssb", NULL);
  nv_test_spin_rounds (5, 0);
  adw_message_dialog_response (find_dialog (window), "fetch");
  dialog = wait_for_dialog (window, "No Figures Were Fetched");
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "too many requests"));
  g_assert_cmpuint (ssb.n_requests, ==, 1);
  g_assert_cmpint (count_points (f->store), ==, 0);
  adw_message_dialog_response (dialog, "close");
  nv_test_spin_rounds (5, 0);

  /* Then it answers: ten series stored, the window shows them. */
  ssb.status = 200;
  gtk_widget_activate_action (GTK_WIDGET (window), "manager.update-ssb", NULL);
  nv_test_spin_rounds (5, 0);
  adw_message_dialog_response (find_dialog (window), "fetch");
  dialog = wait_for_dialog (window, "Figures Fetched from SSB");
  g_assert_nonnull (dialog);
  g_assert_cmpuint (ssb.n_requests, ==, 11);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "20 figures in 10 series"));
  g_assert_cmpint (count_points (f->store), ==, 20);
  g_assert_cmpstr (adw_expander_row_get_subtitle (
                     find_row (NV_BENCHMARK_MANAGER (window), "Barnehager SN2025 85.100 (totalt)")),
                   ==, "Total (self- and doctor-certified) · SSB · Latest period Q3 2026");
  adw_message_dialog_response (dialog, "close");
  g_unsetenv ("NAERVAER_SSB_API");
  gtk_window_destroy (window);
  nv_test_spin_rounds (5, 0);
}

static void
test_screenshot (Fixture *f, gconstpointer data)
{
  const char *dir = g_getenv ("NV_SCREENSHOT_DIR");
  AdwStyleManager *style = adw_style_manager_get_default ();
  gint64 unit;

  if (dir == NULL)
    {
      g_test_skip ("set NV_SCREENSHOT_DIR to write screenshots");
      return;
    }
  unit = unit_with_figures (f->store);
  {
    /* One update from SSB, so the window shows a fetched series (figures
     * made up for the picture: the fetch itself is test-ssb's job). */
    g_autoptr (NvSsbPlan) plan = nv_ssb_plan_load (NULL, NULL);
    g_autoptr (GPtrArray) points = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
    g_autoptr (GDateTime) fetched = g_date_time_new_now_utc ();

    for (guint i = 0; i < plan->series->len; i++)
      {
        GArray *a = g_array_new (FALSE, FALSE, sizeof (NvSsbPoint));
        NvSsbPoint p = { "2026-Q2", 8.1 };
        NvSsbPoint q = { "2026-Q3", 7.2 };
        g_array_append_val (a, p);
        g_array_append_val (a, q);
        g_ptr_array_add (points, a);
      }
    g_assert_true (nv_ssb_store (f->store, plan, points, fetched, NULL, NULL));
  }
  for (guint dark = 0; dark < 2; dark++)
    {
      GtkWindow *window = nv_benchmark_manager_new (NULL, f->context, unit);
      NvBenchmarkManager *manager = NV_BENCHMARK_MANAGER (window);
      g_autofree char *name = g_strdup_printf ("benchmarks-%s.png", dark ? "dark" : "light");
      g_autofree char *path = g_build_filename (dir, name, NULL);

      adw_style_manager_set_color_scheme (style, dark ? ADW_COLOR_SCHEME_FORCE_DARK
                                                      : ADW_COLOR_SCHEME_FORCE_LIGHT);
      gtk_window_set_default_size (window, 760, 1310);
      g_autofree char *kindergarten =
        nv_benchmark_display_name ("Barnehager (NAV bransje, fire kvartaler 2019-Q3..2020-Q2)");

      adw_expander_row_set_expanded (find_row (manager, kindergarten), TRUE);
      adw_expander_row_set_expanded (find_row (manager, "Kommuneforvaltningen (legemeldt)"),
                                     TRUE);
      gtk_window_present (window);
      for (int i = 0; i < 30; i++)
        {
          nv_test_spin_rounds (5, 0);
          g_usleep (20000);
        }
      nv_test_save_png (GTK_WIDGET (window), path);
      gtk_window_destroy (window);
    }
}

int
main (int argc, char **argv)
{
  const char *localedir = g_getenv ("NAERVAER_LOCALEDIR");

  gtk_test_init (&argc, &argv, NULL);
  /* Translated screenshots: LANGUAGE=nb with the build's (or any) locale dir. */
  if (localedir != NULL)
    {
      /* gtk_test_init() leaves the locale at "C"; the test env pins C.UTF-8. */
      setlocale (LC_ALL, "");
      bindtextdomain (GETTEXT_PACKAGE, localedir);
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      textdomain (GETTEXT_PACKAGE);
    }
  adw_init ();
  nv_ui_register_resource ();

  g_test_add ("/benchmark-manager/bundled", Fixture, NULL, nv_test_db_setup, test_bundled, teardown);
  g_test_add ("/benchmark-manager/behind", Fixture, NULL, nv_test_db_setup, test_behind, teardown);
  g_test_add ("/benchmark-manager/import-refused", Fixture, NULL, nv_test_db_setup, test_import_refused,
              teardown);
  g_test_add ("/benchmark-manager/import-replaces", Fixture, NULL, nv_test_db_setup, test_import_replaces,
              teardown);
  g_test_add ("/benchmark-manager/preferences-combo", Fixture, NULL, nv_test_db_setup,
              test_preferences_combo, teardown);
  g_test_add ("/benchmark-manager/provenance", Fixture, NULL, nv_test_db_setup, test_provenance, teardown);
  g_test_add ("/benchmark-manager/update-from-ssb", Fixture, NULL, nv_test_db_setup, test_update_from_ssb,
              teardown);
  g_test_add ("/benchmark-manager/screenshot", Fixture, NULL, nv_test_db_setup, test_screenshot, teardown);
  return g_test_run ();
}
