/* The municipality section: one row per unit with the overview's figures,
 * the sector filter, the heat map rows, the research view, and the unit
 * profile on the Overview page (hidden without a usable 10-FAKTOR round). */
#include "config.h"

#include <adwaita.h>
#include <math.h>
#include <string.h>

#include "nv-test-store.h"
#include "nv-test-ui.h"
#include "nv-demo.h"
#include "nv-faktor-profile.h"
#include "nv-faktor.h"
#include "nv-municipality-page.h"
#include "nv-ui-resources.h"
#include "nv-unit.h"


static guint
n_rows (GtkColumnView *view)
{
  return g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (view)));
}

/* The drop-down of sectors («All sectors», then the three sectors). */
static GtkDropDown *
find_sector_drop_down (GtkWidget *widget)
{
  if (GTK_IS_DROP_DOWN (widget)
      && g_list_model_get_n_items (gtk_drop_down_get_model (GTK_DROP_DOWN (widget))) == 4)
    return GTK_DROP_DOWN (widget);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      GtkDropDown *found = find_sector_drop_down (c);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The data lines of the CSV at @path (the header left out), each's first
 * two fields: «unit;sector». */
static GPtrArray *
csv_units (const char *path)
{
  g_autofree char *text = NULL;
  g_auto (GStrv) lines = NULL;
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 1; lines[i] != NULL; i++)
    {
      g_auto (GStrv) f = g_strsplit (g_strchomp (lines[i]), ";", 3);
      if (f[0] == NULL || f[1] == NULL)
        continue;
      g_ptr_array_add (out, g_strdup_printf ("%s;%s", f[0], f[1]));
    }
  return out;
}

/* The export writes what the table shows: with one sector chosen, only its
 * units (it wrote every unit whatever the filter). */
static void
test_export_filtered (void)
{
  g_autofree char *dir = nv_test_tmpdir ();
  g_autoptr (NvStore) store = nv_test_open_store (dir, "m.db");
  g_autoptr (NvContext) context = nv_test_context_new (store, nv_day_from_ymd (2026, 11, 20));
  g_autoptr (GError) error = NULL;
  g_autofree char *all_csv = g_build_filename (dir, "all.csv", NULL);
  g_autofree char *kg_csv = g_build_filename (dir, "kg.csv", NULL);
  g_autofree char *kg_xlsx = g_build_filename (dir, "kg.xlsx", NULL);
  g_autoptr (GPtrArray) all = NULL;
  g_autoptr (GPtrArray) kg = NULL;
  NvMunicipalityPage *page = g_object_new (NV_TYPE_MUNICIPALITY_PAGE, NULL);
  GtkWidget *window = gtk_window_new ();
  GtkDropDown *sector;
  guint n_kg = 0;

  g_assert_true (nv_demo_fill_full (store, 6, 3, nv_day_from_ymd (2026, 11, 20),
                                    NV_DEMO_DEFAULT_SEED, NULL, &error));
  g_assert_no_error (error);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (page));
  gtk_window_present (GTK_WINDOW (window));
  nv_page_set_context (NV_PAGE (page), context);
  nv_test_spin ();

  g_assert_true (nv_municipality_page_export (page, all_csv, &error));
  g_assert_no_error (error);
  all = csv_units (all_csv);
  g_assert_cmpuint (all->len, ==, 6);
  for (guint i = 0; i < all->len; i++)
    n_kg += g_str_has_suffix (g_ptr_array_index (all, i), ";barnehage");
  g_assert_cmpuint (n_kg, >, 0);
  g_assert_cmpuint (n_kg, <, 6);

  sector = find_sector_drop_down (GTK_WIDGET (page));
  g_assert_nonnull (sector);
  gtk_drop_down_set_selected (sector, 2); /* kindergartens */
  nv_test_spin ();
  g_assert_cmpuint (n_rows (nv_municipality_page_get_table (page)), ==, n_kg);
  g_assert_true (nv_municipality_page_export (page, kg_csv, &error));
  g_assert_no_error (error);
  kg = csv_units (kg_csv);
  g_assert_cmpuint (kg->len, ==, n_kg);
  for (guint i = 0; i < kg->len; i++)
    g_assert_true (g_str_has_suffix (g_ptr_array_index (kg, i), ";barnehage"));
  /* The workbook too (written, not read back here: nv-sheet's tests do). */
  g_assert_true (nv_municipality_page_export (page, kg_xlsx, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (kg_xlsx, G_FILE_TEST_EXISTS));

  gtk_window_destroy (GTK_WINDOW (window));
  nv_test_spin ();
  nv_test_rmtree (dir);
}

/* Mapped labels under @widget whose text has a digit (figures, quarters):
 * how many, and how many are cut with «…». */
static void
count_figures (GtkWidget *widget, guint *n, guint *cut, GString *names)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget)
      && strpbrk (gtk_label_get_text (GTK_LABEL (widget)), "0123456789") != NULL)
    {
      (*n)++;
      if (pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (widget))))
        {
          (*cut)++;
          g_string_append_printf (names, "«%s» ", gtk_label_get_text (GTK_LABEL (widget)));
        }
    }
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    count_figures (c, n, cut, names);
}

/* At 1280 px no figure of the units table is cut («3. kv. …», «+0,9 %…»,
 * «26,4 % (få …» before, issue 18): the table scrolls sideways instead. */
static void
test_figures_whole (void)
{
  g_autofree char *dir = nv_test_tmpdir ();
  g_autoptr (NvStore) store = nv_test_open_store (dir, "m.db");
  g_autoptr (NvContext) context = nv_test_context_new (store, nv_day_from_ymd (2026, 11, 20));
  g_autoptr (GError) error = NULL;
  NvMunicipalityPage *page = g_object_new (NV_TYPE_MUNICIPALITY_PAGE, NULL);
  GtkWidget *window = gtk_window_new ();
  guint n = 0, cut = 0;

  g_assert_true (nv_demo_fill_full (store, 6, 3, nv_day_from_ymd (2026, 11, 20),
                                    NV_DEMO_DEFAULT_SEED, NULL, &error));
  g_assert_no_error (error);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (page));
  gtk_window_present (GTK_WINDOW (window));
  nv_page_set_context (NV_PAGE (page), context);
  /* Rows are made as the table is laid out: look until they are there. */
  for (guint i = 0; i < 200 && n < 6 * 5; i++)
    {
      g_autoptr (GString) names = g_string_new (NULL);

      nv_test_spin_rounds (1, 20000);
      n = cut = 0;
      count_figures (GTK_WIDGET (nv_municipality_page_get_table (page)), &n, &cut, names);
      if (n >= 6 * 5)
        {
          g_test_message ("%u figures, %u cut: %s", n, cut, names->str);
          g_assert_cmpuint (cut, ==, 0);
        }
    }
  g_assert_cmpuint (n, >=, 6 * 5);

  gtk_window_destroy (GTK_WINDOW (window));
  nv_test_spin ();
  nv_test_rmtree (dir);
}

static void
test_page (void)
{
  g_autofree char *dir = nv_test_tmpdir ();
  g_autoptr (NvStore) store = nv_test_open_store (dir, "m.db");
  g_autoptr (NvContext) context = nv_test_context_new (store, nv_day_from_ymd (2026, 11, 20));
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  NvMunicipalityPage *page = g_object_new (NV_TYPE_MUNICIPALITY_PAGE, NULL);
  GtkWidget *window = gtk_window_new ();
  GtkWidget *profile = nv_faktor_profile_new ();
  const NvResearch *research;
  gint64 small_unit;

  g_assert_true (nv_demo_fill_full (store, 6, 3, nv_day_from_ymd (2026, 11, 20),
                                    NV_DEMO_DEFAULT_SEED, ids, &error));
  g_assert_no_error (error);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (page));
  gtk_window_present (GTK_WINDOW (window));
  nv_page_set_context (NV_PAGE (page), context);
  nv_test_spin ();

  g_assert_cmpuint (n_rows (nv_municipality_page_get_table (page)), ==, 6);
  g_assert_cmpuint (nv_municipality_page_get_municipal (page)->units->len, ==, 6);
  research = nv_research_view_get_research (nv_municipality_page_get_research (page));
  g_assert_nonnull (research);
  g_assert_cmpstr (research->sector, ==, "helse-omsorg");
  g_assert_cmpint (research->factor, ==, nv_faktor_factor_index ("mestringsklima"));
  g_assert_cmpuint (research->n, ==, 3); /* Solbakken, Hjemmetjenesten Nordre, Fjellsida */
  g_assert_cmpuint (nv_scatter_get_n_points (
                      nv_research_view_get_scatter (nv_municipality_page_get_research (page))),
                    ==, 3);

  /* Profile: shown for a unit with rounds, hidden for the unit of 3 persons
   * (2 respondents: its rounds are never shown). */
  gtk_window_set_child (GTK_WINDOW (window), profile);
  nv_faktor_profile_set_unit (NV_FAKTOR_PROFILE (profile), store, g_array_index (ids, gint64, 0));
  g_assert_true (gtk_widget_get_visible (profile));
  small_unit = g_array_index (ids, gint64, 2); /* Tusenfryd barnehage */
  nv_faktor_profile_set_unit (NV_FAKTOR_PROFILE (profile), store, small_unit);
  g_assert_false (gtk_widget_get_visible (profile));

  gtk_window_destroy (GTK_WINDOW (window));
  nv_test_spin ();
  nv_test_rmtree (dir);
}

int
main (int argc, char **argv)
{
  nv_test_ui_init (&argc, &argv);
  g_test_add_func ("/ui/municipality/page", test_page);
  g_test_add_func ("/ui/municipality/export-filtered", test_export_filtered);
  g_test_add_func ("/ui/municipality/figures-whole", test_figures_whole);
  return g_test_run ();
}
