/* The Compare page: traffic light, trend words, table, accessibility, theme
 * and export, against hand-computed figures.
 *
 * The unit has HR monthly figures for 2024-01 … 2025-06: 200 contracted days
 * and 2 self-certified lost days a month, and x doctor-certified lost days a
 * month, x per quarter 12, 10, 8, 14, 13, 10.2. A quarter's doctor-certified
 * per cent is 3x × 100 / 600 = x / 2: 6,0 5,0 4,0 7,0 6,5 5,1.
 * «Testserie» (legemeldt) has 5,0 in every quarter 2024-Q1 … 2025-Q2.
 * Latest quarter 2025-Q2: 5,1 / 5,0 = 1,02 → yellow; against 2024-Q2
 * (5,0): +0,1 percentage point → «unchanged» (at most 0,1).
 */
#include "config.h"

#include <adwaita.h>
#include <math.h>

#include "nv-test-store.h"
#include "nv-test-ui.h"
#include "nv-absence.h"
#include "nv-benchmark-manager.h"
#include "nv-benchmark.h"
#include "nv-chart-view.h"
#include "nv-compare-page.h"
#include "nv-table.h"
#include "nv-ui-resources.h"
#include "nv-unit.h"

#define NBSP "\xc2\xa0"

typedef struct
{
  NvTestDb db;
  GtkWidget *window;
  NvComparePage *page;
  gint64 unit;
} Fixture;


static const char *flat_benchmark =
  "serie;periode;prosent;type;kilde\n"
  "Testserie;2024-Q1;5,0;legemeldt;test\n"
  "Testserie;2024-Q2;5,0;legemeldt;test\n"
  "Testserie;2024-Q3;5,0;legemeldt;test\n"
  "Testserie;2024-Q4;5,0;legemeldt;test\n"
  "Testserie;2025-Q1;5,0;legemeldt;test\n"
  "Testserie;2025-Q2;5,0;legemeldt;test\n"
  "Testtotal;2025-Q2;9,0;totalt;test\n";

static void
setup (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  nv_test_db_open_with_context (&f->db, nv_day_from_ymd (2025, 8, 15));
  f->unit = nv_unit_add (f->db.store, "Avdeling 2B", "helse-omsorg", "", &error);
  g_assert_no_error (error);
  nv_test_import_benchmark (f->db.store, flat_benchmark);
  /* @data: the persons of 2025 (default 12). */
  nv_test_add_compare_quarters (f->db.store, f->unit, 4,
                                GPOINTER_TO_INT (data) != 0 ? GPOINTER_TO_INT (data) : 12);

  f->page = g_object_new (NV_TYPE_COMPARE_PAGE, NULL);
  f->window = nv_test_page_window (f->page, f->db.context, f->unit, 1200, 900);
  g_assert_true (nv_compare_page_select_benchmark (f->page, "Testserie"));
  gtk_window_present (GTK_WINDOW (f->window));
  nv_test_spin ();
}

static void
teardown (Fixture *f, gconstpointer data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  nv_test_spin ();
  nv_test_db_close (&f->db);
}

static void
test_light_and_trend (Fixture *f, gconstpointer data)
{
  g_assert_cmpstr (nv_compare_page_get_text (f->page, "light-title"), ==,
                   "Yellow: about the same");
  g_assert_cmpstr (nv_compare_page_get_text (f->page, "light-detail"), ==,
                   "Q2 2025: 5,1" NBSP "% against 5,0" NBSP "% (1,02 ×)");
  g_assert_nonnull (strstr (nv_compare_page_get_text (f->page, "light-thresholds"),
                            "Green below 0,9"));
  g_assert_false (nv_compare_page_get_badge (f->page, "light"));
  g_assert_cmpstr (nv_compare_page_get_text (f->page, "trend-title"), ==, "Unchanged");
  g_assert_cmpstr (nv_compare_page_get_text (f->page, "trend-detail"), ==,
                   "Q2 2025: 5,1" NBSP "% against Q2 2024: 5,0" NBSP
                   "% (+0,1 percentage points)");
  g_assert_nonnull (strstr (nv_compare_page_get_text (f->page, "trend-definition"), "0,1"));
  g_assert_nonnull (strstr (nv_compare_page_get_text (f->page, "measure-note"),
                            "doctor-certified"));
}

static void
test_light_red_and_green (Fixture *f, gconstpointer data)
{
  /* 5,1 / 4,6 = 1,109 → red; 5,1 / 5,7 = 0,895 → green. */
  nv_test_import_benchmark (f->db.store, "serie;periode;prosent;type;kilde\nTestserie;2025-Q2;4,6;legemeldt;test\n");
  nv_test_spin ();
  g_assert_cmpstr (nv_compare_page_get_text (f->page, "light-title"), ==, "Red: clearly higher");
  nv_test_import_benchmark (f->db.store, "serie;periode;prosent;type;kilde\nTestserie;2025-Q2;5,7;legemeldt;test\n");
  nv_test_spin ();
  g_assert_cmpstr (nv_compare_page_get_text (f->page, "light-title"), ==, "Green: clearly lower");
}

static void
test_total_measure (Fixture *f, gconstpointer data)
{
  /* A totalt series compares the unit's total: (2 + 10,2) × 3 / 600 = 6,1 %. */
  g_assert_true (nv_compare_page_select_benchmark (f->page, "Testtotal"));
  nv_test_spin ();
  g_assert_cmpstr (nv_compare_page_get_text (f->page, "light-detail"), ==,
                   "Q2 2025: 6,1" NBSP "% against 9,0" NBSP "% (0,68 ×)");
  /* One quarter of the series, but six of the unit: rated. */
  g_assert_cmpstr (nv_compare_page_get_text (f->page, "light-title"), ==, "Green: clearly lower");
  g_assert_nonnull (strstr (nv_compare_page_get_text (f->page, "measure-note"), "total"));
}

static void
test_masked (Fixture *f, gconstpointer data)
{
  /* Three persons in 2025: the light is grey, with the badge. */
  g_assert_cmpstr (nv_compare_page_get_text (f->page, "light-title"), ==, "Grey: not rated");
  g_assert_cmpstr (nv_compare_page_get_text (f->page, "light-detail"), ==,
                   "Fewer than 5 persons: not rated.");
  g_assert_true (nv_compare_page_get_badge (f->page, "light"));
  g_assert_true (nv_compare_page_get_badge (f->page, "trend"));
}

static void
test_table (Fixture *f, gconstpointer data)
{
  GtkColumnView *table = nv_compare_page_get_table (f->page);
  GListModel *model = G_LIST_MODEL (gtk_column_view_get_model (table));
  g_autoptr (NvTableItem) first = NULL;
  g_autoptr (NvTableItem) last = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 6);
  first = g_list_model_get_item (model, 0);
  last = g_list_model_get_item (model, 5);
  /* Newest first: quarter, unit, Testserie, persons, note. */
  g_assert_cmpstr (nv_table_item_get_text (first, 0), ==, "Q2 2025");
  g_assert_cmpstr (nv_table_item_get_text (first, 1), ==, "5,1" NBSP "%");
  g_assert_cmpstr (nv_table_item_get_text (first, 2), ==, "5,0" NBSP "%");
  g_assert_cmpstr (nv_table_item_get_text (first, 3), ==, "12");
  g_assert_cmpstr (nv_table_item_get_text (first, 4), ==, "HR figures");
  g_assert_cmpstr (nv_table_item_get_text (last, 0), ==, "Q1 2024");
  g_assert_cmpstr (nv_table_item_get_text (last, 1), ==, "6,0" NBSP "%");
  g_assert_cmpuint (g_list_model_get_n_items (
                      gtk_column_view_get_columns (nv_compare_page_get_table (f->page))), ==, 5);
}

static void
test_accessible (Fixture *f, gconstpointer data)
{
  GtkWidget *view = nv_compare_page_get_chart_view (f->page, "trend");

  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (view)), ==,
                   GTK_ACCESSIBLE_ROLE_IMG);
  g_assert_cmpstr (nv_chart_view_get_summary (NV_CHART_VIEW (view)), ==,
                   "Sick leave in Avdeling 2B, 2024–2025, against Testserie (doctor-certified): "
                   "latest 5,1" NBSP "% vs 5,0" NBSP "% (Q2 2025)");
}

static void
test_tooltip (Fixture *f, gconstpointer data)
{
  GtkWidget *view = nv_compare_page_get_chart_view (f->page, "trend");
  NvChart *chart = nv_chart_view_get_chart (NV_CHART_VIEW (view));
  int width = gtk_widget_get_width (view), height = gtk_widget_get_height (view);
  g_autofree char *text = NULL;
  NvChartStyle style;
  NvChartRect plot;
  NvChartAxis axis;
  double x, y;

  g_assert_cmpint (width, >, 0);
  nv_chart_view_get_style (NV_CHART_VIEW (view), &style);
  nv_chart_get_plot_area (chart, width, height, &style, &plot, &axis);
  /* The unit's 7,0 in Q4 2024 (the fourth of six quarters). */
  x = plot.x + plot.width * 3.5 / 6;
  y = plot.y + plot.height * (1 - (7.0 - axis.min) / (axis.max - axis.min));
  text = nv_chart_view_describe_at (NV_CHART_VIEW (view), x, y);
  g_assert_cmpstr (text, ==, "Q4 2024\nAvdeling 2B (doctor-certified): 7,0" NBSP "%");
}

static void
test_dark_style (Fixture *f, gconstpointer data)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  GtkWidget *view = nv_compare_page_get_chart_view (f->page, "trend");
  NvChartStyle style;

  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_LIGHT);
  nv_test_spin ();
  nv_chart_view_get_style (NV_CHART_VIEW (view), &style);
  g_assert_cmpfloat (style.background.r, >, 0.8);
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_DARK);
  nv_test_spin ();
  nv_chart_view_get_style (NV_CHART_VIEW (view), &style);
  g_assert_cmpfloat (style.background.r, <, 0.3);
  g_assert_cmpfloat (style.foreground.r, >, 0.8);
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_DEFAULT);
  nv_test_spin ();
}

static void
test_export (Fixture *f, gconstpointer data)
{
  g_autofree char *png = g_build_filename (f->db.dir, "trend.png", NULL);
  g_autofree char *pdf = g_build_filename (f->db.dir, "trend.pdf", NULL);
  g_autofree char *contents = NULL;
  g_autoptr (GError) error = NULL;
  cairo_surface_t *surface;
  gsize len;

  g_assert_true (nv_compare_page_export (f->page, png, &error));
  g_assert_no_error (error);
  surface = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 1600);
  g_assert_cmpint (cairo_image_surface_get_height (surface), ==, 900);
  cairo_surface_destroy (surface);
  g_assert_true (nv_compare_page_export (f->page, pdf, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (pdf, &contents, &len, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));

  /* The table: CSV with a BOM and `;`, and a real workbook (a zip). */
  {
    g_autofree char *csv = g_build_filename (f->db.dir, "tabell.csv", NULL);
    g_autofree char *xlsx = g_build_filename (f->db.dir, "tabell.xlsx", NULL);
    g_autofree char *text = NULL, *book = NULL;

    g_assert_true (nv_compare_page_export (f->page, csv, &error));
    g_assert_no_error (error);
    g_assert_true (g_file_get_contents (csv, &text, NULL, NULL));
    g_assert_true (g_str_has_prefix (text, "\xef\xbb\xbf" "Quarter;Persons;"));
    g_assert_true (nv_compare_page_export (f->page, xlsx, &error));
    g_assert_no_error (error);
    g_assert_true (g_file_get_contents (xlsx, &book, &len, NULL));
    g_assert_true (g_str_has_prefix (book, "PK"));
  }
}

/* The Series popover hides a series as a legend click does (keyboard path). */
static void
test_series_popover (Fixture *f, gconstpointer data)
{
  GtkMenuButton *button = NULL;
  GtkWidget *view = nv_compare_page_get_chart_view (f->page, "trend");
  NvChart *chart = nv_chart_view_get_chart (NV_CHART_VIEW (view));
  GtkWidget *popover, *walk;
  GtkCheckButton *first_check = NULL;
  guint n_checks = 0;

  for (walk = GTK_WIDGET (f->page); walk != NULL;)
    {
      /* Depth-first search for the menu button labelled "_Series". */
      if (GTK_IS_MENU_BUTTON (walk) &&
          g_strcmp0 (gtk_menu_button_get_label (GTK_MENU_BUTTON (walk)), "_Series") == 0)
        {
          button = GTK_MENU_BUTTON (walk);
          break;
        }
      if (gtk_widget_get_first_child (walk) != NULL)
        walk = gtk_widget_get_first_child (walk);
      else
        {
          while (walk != NULL && gtk_widget_get_next_sibling (walk) == NULL)
            walk = gtk_widget_get_parent (walk);
          if (walk != NULL)
            walk = gtk_widget_get_next_sibling (walk);
        }
    }
  g_assert_nonnull (button);
  gtk_menu_button_popup (button);
  nv_test_spin ();
  popover = GTK_WIDGET (gtk_menu_button_get_popover (button));
  for (walk = gtk_widget_get_first_child (popover); walk != NULL;)
    {
      if (GTK_IS_CHECK_BUTTON (walk))
        {
          if (first_check == NULL)
            first_check = GTK_CHECK_BUTTON (walk);
          n_checks++;
        }
      if (gtk_widget_get_first_child (walk) != NULL && !GTK_IS_CHECK_BUTTON (walk))
        walk = gtk_widget_get_first_child (walk);
      else
        {
          while (walk != popover && gtk_widget_get_next_sibling (walk) == NULL)
            walk = gtk_widget_get_parent (walk);
          walk = walk == popover ? NULL : gtk_widget_get_next_sibling (walk);
        }
    }
  /* Shown: the unit and Testserie. To add, the legemeldt series other than
   * Testserie: the bundled Alle sektorer (legemeldt), Fylkeskommuner,
   * Kommuner, Barnehager (NAV …) and the own municipality (legemeldt);
   * not Testtotal nor the other totalt series. */
  g_assert_cmpuint (n_checks, ==, 7);
  g_assert_true (gtk_check_button_get_active (first_check));
  gtk_check_button_set_active (first_check, FALSE);
  g_assert_false (nv_chart_get_series_visible (chart, 0));
  gtk_popover_popdown (GTK_POPOVER (popover));
  nv_test_spin ();
}

static GtkDropDown *
find_benchmark_dropdown (GtkWidget *widget)
{
  if (GTK_IS_DROP_DOWN (widget) && GTK_IS_STRING_LIST (gtk_drop_down_get_model (GTK_DROP_DOWN (widget))))
    {
      GtkStringList *list = GTK_STRING_LIST (gtk_drop_down_get_model (GTK_DROP_DOWN (widget)));
      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
        if (g_str_has_prefix (gtk_string_list_get_string (list, i), "Kommuner"))
          return GTK_DROP_DOWN (widget);
    }
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkDropDown *found = find_benchmark_dropdown (c);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The benchmark picker names each series' measure once: «Kommuner —
 * doctor-certified», but «Alle sektorer (legemeldt)» as it is (issue 18 item 10). */
static void
test_benchmark_names (Fixture *f, gconstpointer data)
{
  GtkDropDown *dropdown = find_benchmark_dropdown (GTK_WIDGET (f->page));
  GtkStringList *list;
  gboolean kommuner = FALSE, alle = FALSE, own_total = FALSE;

  g_assert_nonnull (dropdown);
  list = GTK_STRING_LIST (gtk_drop_down_get_model (dropdown));
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
    {
      const char *label = gtk_string_list_get_string (list, i);

      g_assert_null (strstr (label, "(legemeldt) — "));
      g_assert_null (strstr (label, "(totalt) — "));
      g_assert_null (strstr (label, "(total) — "));
      g_assert_null (strstr (label, "(doctor-certified) — "));
      if (g_str_equal (label, "Kommuner — doctor-certified"))
        kommuner = TRUE;
      if (g_str_equal (label, "Alle sektorer (legemeldt)") ||
          g_str_equal (label, "Alle sektorer (totalt)"))
        alle = TRUE;
      if (g_str_equal (label, "Own municipality (total)"))
        own_total = TRUE;
    }
  g_assert_true (kommuner);
  g_assert_true (alle);
  g_assert_true (own_total);
}

/* «Benchmarks…» opens the benchmark manager for this unit. */
static void
test_manager (Fixture *f, gconstpointer data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  GtkWindow *manager = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "compare.manage", NULL));
  nv_test_spin ();
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GtkWindow) window = g_list_model_get_item (toplevels, i);
      if (NV_IS_BENCHMARK_MANAGER (window))
        manager = window;
    }
  g_assert_nonnull (manager);
  g_assert_true (gtk_window_get_transient_for (manager) == GTK_WINDOW (f->window));
  gtk_window_destroy (manager);
  nv_test_spin ();
}

static void
test_few_quarters (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (NvContext) later = nv_test_context_new (f->db.store, nv_day_from_ymd (2025, 10, 1));
  gint64 small = nv_unit_add (f->db.store, "Ny enhet", "barnehage", "", &error);

  g_assert_no_error (error);
  for (int m = 4; m <= 9; m++)
    {
      NvMonthly monthly = { small, 2025, m, 200, 2, 10, 12 };
      nv_monthly_upsert (f->db.store, &monthly, NULL, &error);
      g_assert_no_error (error);
    }
  nv_page_set_context (NV_PAGE (f->page), later);
  nv_page_set_unit_id (NV_PAGE (f->page), small);
  nv_test_spin ();
  /* Two quarters of data: grey, whatever the ratio. */
  g_assert_cmpstr (nv_compare_page_get_text (f->page, "light-title"), ==, "Grey: not rated");
  g_assert_cmpstr (nv_compare_page_get_text (f->page, "light-detail"), ==,
                   "Fewer than four quarters of data.");
  g_assert_cmpstr (nv_compare_page_get_text (f->page, "trend-title"), ==, "No comparison yet");
}

int
main (int argc, char **argv)
{
  nv_test_ui_init (&argc, &argv);

  g_test_add ("/ui/compare/light-and-trend", Fixture, NULL, setup, test_light_and_trend, teardown);
  g_test_add ("/ui/compare/light-red-green", Fixture, NULL, setup, test_light_red_and_green,
              teardown);
  g_test_add ("/ui/compare/total-measure", Fixture, NULL, setup, test_total_measure, teardown);
  g_test_add ("/ui/compare/masked", Fixture, GINT_TO_POINTER (3), setup, test_masked, teardown);
  g_test_add ("/ui/compare/table", Fixture, NULL, setup, test_table, teardown);
  g_test_add ("/ui/compare/accessible", Fixture, NULL, setup, test_accessible, teardown);
  g_test_add ("/ui/compare/tooltip", Fixture, NULL, setup, test_tooltip, teardown);
  g_test_add ("/ui/compare/dark", Fixture, NULL, setup, test_dark_style, teardown);
  g_test_add ("/ui/compare/export", Fixture, NULL, setup, test_export, teardown);
  g_test_add ("/ui/compare/series-popover", Fixture, NULL, setup, test_series_popover, teardown);
  g_test_add ("/ui/compare/benchmark-names", Fixture, NULL, setup, test_benchmark_names, teardown);
  g_test_add ("/ui/compare/manager", Fixture, NULL, setup, test_manager, teardown);
  g_test_add ("/ui/compare/few-quarters", Fixture, NULL, setup, test_few_quarters, teardown);
  return g_test_run ();
}
