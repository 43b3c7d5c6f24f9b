/* The Overview page shows the figures of DESIGN §2 for hand-computed data. */
#include "config.h"

#include <adwaita.h>
#include <math.h>

#include "nv-test-store.h"
#include "nv-test-ui.h"
#include "nv-absence.h"
#include "nv-overview-page.h"
#include "nv-overview-table.h"
#include "nv-target-dialog.h"
#include "nv-ui-resources.h"
#include "nv-unit.h"

#define NBSP "\xc2\xa0"

typedef struct
{
  char *dir;
  NvStore *store;
  NvContext *context;
  GtkWidget *window;
  NvOverviewPage *page;
} Fixture;

static void
setup (Fixture *f, gconstpointer data)
{
  f->dir = nv_test_tmpdir ();
  f->store = nv_test_open_store (f->dir, "naervaer.db");
  f->context = nv_test_context_new (f->store, nv_day_from_ymd (2025, 6, 30));
  f->page = g_object_new (NV_TYPE_OVERVIEW_PAGE, NULL);
  f->window = gtk_window_new ();
  gtk_window_set_child (GTK_WINDOW (f->window), GTK_WIDGET (f->page));
  nv_page_set_context (NV_PAGE (f->page), f->context);
}

static void
teardown (Fixture *f, gconstpointer data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  nv_test_spin ();
  g_clear_object (&f->context);
  g_clear_object (&f->store);
  nv_test_rmtree (f->dir);
  g_free (f->dir);
}

static void
assert_text (Fixture *f, const char *name, const char *expected)
{
  const char *text = nv_overview_page_get_text (f->page, name);

  if (g_strcmp0 (text, expected) != 0)
    g_error ("%s: expected «%s», got «%s»", name, expected, text);
}

/* The unit of nv_test_add_overview_unit (tests/support, where the figures
 * are computed by hand): five people from 1 April 2024, as of 30 June 2025
 * Q2 2025 4,9 %, the last four quarters 1,6 %, 0,15 årsverk, 162 150 kr;
 * in the duration classes only E4's 26-day case (C) lost days. */
static void
test_figures (Fixture *f, gconstpointer data)
{
  gint64 unit = nv_test_add_overview_unit (f->store);

  nv_page_set_unit_id (NV_PAGE (f->page), unit);
  nv_test_spin ();
  g_assert_false (nv_overview_page_is_empty (f->page));

  assert_text (f, "current-percent", "4,9" NBSP "%");
  assert_text (f, "year-percent", "1,6" NBSP "%");
  assert_text (f, "arsverk", "0,15");
  assert_text (f, "cost", "162" NBSP "150" NBSP "kr");
  assert_text (f, "target", "No target set");
  g_assert_nonnull (strstr (nv_overview_page_get_text (f->page, "target-detail"), "Set Target…"));
  {
    NvDurationView *dv = nv_overview_page_get_duration_view (f->page);
    g_assert_cmpstr (nv_duration_view_get_text (dv, 2, 3), ==, "100,0" NBSP "%");
    g_assert_cmpstr (nv_duration_view_get_text (dv, 0, 3), ==, "0,0" NBSP "%");
    g_assert_cmpstr (nv_duration_view_get_text (dv, 2, 4), ==, "100,0" NBSP "%");
    /* Quarters without lost days have no shares. */
    g_assert_cmpstr (nv_duration_view_get_text (dv, 2, 0), ==, "–");
    g_assert_nonnull (strstr (nv_duration_view_get_text (dv, 0, -1), "C 100,0"));
  }
  g_assert_null (nv_overview_page_get_text (f->page, "current-percent-badge"));

  assert_text (f, "q0-title", "Q2 2024");
  assert_text (f, "q4-title", "Q2 2025");
  assert_text (f, "q0-percent", "0,0" NBSP "%");
  assert_text (f, "q3-percent", "6,3" NBSP "%");
  assert_text (f, "q3-long", "6,3" NBSP "%");
  assert_text (f, "q3-short", "0,0" NBSP "%");
  assert_text (f, "q4-percent", "4,9" NBSP "%");
  assert_text (f, "q4-self", "1,0" NBSP "%");
  assert_text (f, "q4-doctor", "3,9" NBSP "%");
  assert_text (f, "q4-short", "4,9" NBSP "%");
  assert_text (f, "q4-long", "0,0" NBSP "%");
  assert_text (f, "q4-graded", "17,2" NBSP "%");
  assert_text (f, "q4-lost", "14,5");
  assert_text (f, "q4-arsverk", "0,06");
  assert_text (f, "q4-cost", "68" NBSP "150" NBSP "kr");
  assert_text (f, "q4-persons", "5");
  g_assert_null (nv_overview_page_get_text (f->page, "q4-badge"));
  g_assert_nonnull (strstr (nv_overview_page_get_text (f->page, "source"), "staff list"));

  /* The cost follows the setting. */
  {
    GSettings *settings = nv_context_get_settings (f->context);
    g_settings_set_int (settings, "cost-per-lost-day", 5000);
    nv_test_spin ();
    assert_text (f, "cost", "172" NBSP "500" NBSP "kr");
    g_settings_reset (settings, "cost-per-lost-day");
  }
}

/* Three people: every period is below five persons — the figure is shown on
 * the leader's screen with the badge. 1 doctor day of 3 × 59 = 0,565 % → 0,6 %. */
static void
test_few_persons (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  gint64 unit = nv_unit_add (f->store, "Liten", "barnehage", NULL, &error);
  NvDay from = nv_day_from_ymd (2024, 1, 1);
  gint64 a = nv_test_add_staff (f->store, unit, "A", 100, from);

  nv_test_add_staff (f->store, unit, "B", 100, from);
  nv_test_add_staff (f->store, unit, "C", 100, from);
  nv_test_add_spell (f->store, a, nv_day_from_ymd (2025, 6, 3), nv_day_from_ymd (2025, 6, 3), 100,
                     NV_SPELL_DOCTOR);
  nv_page_set_unit_id (NV_PAGE (f->page), unit);
  nv_test_spin ();

  assert_text (f, "current-percent", "0,6" NBSP "%");
  assert_text (f, "current-percent-badge", "Few persons");
  assert_text (f, "q4-badge", "Few persons");
  assert_text (f, "q0-badge", "Few persons");
  assert_text (f, "q4-persons", "3");
}

/* Only HR figures for April–June 2025: 3 × (4 + 16) / (3 × 400) = 5,0 %; the
 * case split is unknown and the source says HR. */
static void
test_monthly_source (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  gint64 unit = nv_unit_add (f->store, "HR-enheten", "annet", NULL, &error);

  for (int month = 4; month <= 6; month++)
    {
      NvMonthly m = { unit, 2025, month, 400, 4, 16, 20 };
      g_assert_true (nv_monthly_upsert (f->store, &m, NULL, &error));
      g_assert_no_error (error);
    }
  nv_page_set_unit_id (NV_PAGE (f->page), unit);
  nv_test_spin ();

  assert_text (f, "current-percent", "5,0" NBSP "%");
  assert_text (f, "q4-self", "1,0" NBSP "%");
  assert_text (f, "q4-doctor", "4,0" NBSP "%");
  assert_text (f, "q4-short", "–");
  assert_text (f, "q4-graded", "–");
  /* «–» says why. */
  g_assert_nonnull (strstr (nv_overview_page_get_tooltip (f->page, "q4-short"), "HR system"));
  g_assert_nonnull (strstr (nv_overview_page_get_tooltip (f->page, "q4-graded"), "HR system"));
  g_assert_null (nv_overview_page_get_tooltip (f->page, "q4-percent"));
  g_assert_cmpstr (nv_duration_view_get_text (nv_overview_page_get_duration_view (f->page), 0, 3),
                   ==, "–");
  assert_text (f, "q4-source", "HR system");
  assert_text (f, "q4-persons", "20");
  assert_text (f, "q0-percent", "–");
  g_assert_nonnull (strstr (nv_overview_page_get_text (f->page, "source"), "HR system"));
}

/* Issue 18 item 11: the cost cards showed «0 kr» right after this quarter's
 * first absence was entered — they summed only the four quarters before
 * this one. Five people from 1.4.2024, no absence until E1 is sick 2–13 June
 * 2025 (9 workdays; Whit Monday 9 June off): 9 × 4 700 = 42 300 kr,
 * 9 / 230 = 0.039 → 0,04 årsverk. */
static void
test_cost_this_quarter (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  gint64 unit = nv_unit_add (f->store, "Ny start", "helse-omsorg", NULL, &error);
  NvDay from = nv_day_from_ymd (2024, 4, 1);
  gint64 e1 = nv_test_add_staff (f->store, unit, "E1", 100, from);

  for (int i = 2; i <= 5; i++)
    {
      g_autofree char *ref = g_strdup_printf ("E%d", i);
      nv_test_add_staff (f->store, unit, ref, 100, from);
    }
  nv_page_set_unit_id (NV_PAGE (f->page), unit);
  nv_test_spin ();
  assert_text (f, "cost", "0" NBSP "kr");

  nv_test_add_spell (f->store, e1, nv_day_from_ymd (2025, 6, 2), nv_day_from_ymd (2025, 6, 13), 100,
                     NV_SPELL_DOCTOR);
  nv_test_spin ();
  assert_text (f, "current-percent", "3,1" NBSP "%"); /* 9 / 295 */
  assert_text (f, "cost", "42" NBSP "300" NBSP "kr");
  assert_text (f, "arsverk", "0,04");
}

/* The target: contracted Q3 2024–Q2 2025 = 5 × (66 + 64 + 63 + 59) = 1 260;
 * lost 9 (test above) → 0.714 %. Target 0,5 %: 6.3 days allowed, 2.7 above,
 * × 4 700 = 12 690 kr a year. */
static void
test_target (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  gint64 unit = nv_unit_add (f->store, "Mål", "helse-omsorg", NULL, &error);
  NvDay from = nv_day_from_ymd (2024, 4, 1);
  gint64 e1 = nv_test_add_staff (f->store, unit, "E1", 100, from);
  GtkWidget *dialog;
  double target = 0;

  for (int i = 2; i <= 5; i++)
    {
      g_autofree char *ref = g_strdup_printf ("E%d", i);
      nv_test_add_staff (f->store, unit, ref, 100, from);
    }
  nv_test_add_spell (f->store, e1, nv_day_from_ymd (2025, 6, 2), nv_day_from_ymd (2025, 6, 13), 100,
                     NV_SPELL_DOCTOR);
  nv_page_set_unit_id (NV_PAGE (f->page), unit);
  nv_test_spin ();
  assert_text (f, "target", "No target set");
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (nv_overview_page_get_target_button (f->page))),
                   ==, "Set _Target…");

  /* Through the dialog: «0» cannot be saved, «0,5» can. */
  dialog = nv_target_dialog_present (GTK_WINDOW (f->window), f->store, unit);
  nv_target_dialog_respond (dialog, "0", "save");
  nv_test_spin ();
  g_assert_true (nv_unit_get_target (f->store, unit, &target, NULL));
  g_assert_true (isnan (target));
  nv_target_dialog_respond (dialog, "0,5", "save");
  nv_test_spin ();
  g_assert_true (nv_unit_get_target (f->store, unit, &target, NULL));
  g_assert_cmpfloat (target, ==, 0.5);

  assert_text (f, "target", "12" NBSP "690" NBSP "kr");
  g_assert_nonnull (strstr (nv_overview_page_get_text (f->page, "target-detail"), "0,5" NBSP "%"));
  g_assert_nonnull (strstr (nv_overview_page_get_text (f->page, "target-detail"), "0,7" NBSP "%"));
  g_assert_nonnull (strstr (nv_overview_page_get_text (f->page, "target-detail"), "2,7"));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (nv_overview_page_get_target_button (f->page))),
                   ==, "Change _Target…");

  /* At or above the actual figure: nothing to save. */
  g_assert_true (nv_unit_set_target (f->store, unit, 0.75, &error));
  nv_test_spin ();
  assert_text (f, "target", "0" NBSP "kr");

  /* Removed again. */
  dialog = nv_target_dialog_present (GTK_WINDOW (f->window), f->store, unit);
  nv_target_dialog_respond (dialog, NULL, "remove");
  nv_test_spin ();
  assert_text (f, "target", "No target set");
}

static void
test_empty (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  gint64 unit = nv_unit_add (f->store, "Tom", "annet", NULL, &error);

  nv_page_set_unit_id (NV_PAGE (f->page), unit);
  nv_test_spin ();
  g_assert_true (nv_overview_page_is_empty (f->page));
  /* Staff but nobody employed in the five quarters: still empty. */
  nv_test_add_staff (f->store, unit, "Z", 100, nv_day_from_ymd (2026, 1, 1));
  nv_test_spin ();
  g_assert_true (nv_overview_page_is_empty (f->page));
}

/* The natural height of the widget named @name at @width. */
static int
height_at (Fixture *f, const char *name, int width)
{
  GtkWidget *widget = nv_test_find_named (GTK_WIDGET (f->page), name);
  int natural = 0;

  g_assert_nonnull (widget);
  gtk_widget_measure (widget, GTK_ORIENTATION_VERTICAL, width, NULL, &natural, NULL, NULL);
  return natural;
}

/* While a worker computes the figures (the window's first frame), the cards
 * show «…» for each figure, and every line under it is already there: the
 * cards do not grow when the figures arrive, so nothing below them moves. */
static void
test_pending_same_size (Fixture *f, gconstpointer data)
{
  static const char *const lines[] = { "current-percent-detail", "year-percent-detail",
                                       "arsverk-detail", "cost-detail", "target-detail" };
  gint64 unit = nv_test_add_overview_unit (f->store);
  int before[G_N_ELEMENTS (lines)];
  gint64 end;

  nv_overview_page_load_in_background (f->page);
  nv_page_set_unit_id (NV_PAGE (f->page), unit);
  /* The worker's answer comes through the main loop: not yet. */
  assert_text (f, "current-percent", "…");
  g_assert_nonnull (strstr (nv_overview_page_get_text (f->page, "arsverk-detail"), "…"));
  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    {
      before[i] = height_at (f, lines[i], 200);
      g_assert_cmpint (before[i], >, 0);
    }

  end = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  while (g_strcmp0 (nv_overview_page_get_text (f->page, "current-percent"), "…") == 0
         && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  assert_text (f, "current-percent", "4,9" NBSP "%");
  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    if (height_at (f, lines[i], 200) != before[i])
      g_error ("%s: %d px high while pending, %d px with the figures", lines[i], before[i],
               height_at (f, lines[i], 200));
}

static GtkWidget *
named_child (GtkWidget *grid, const char *name)
{
  for (GtkWidget *c = gtk_widget_get_first_child (grid); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    if (g_strcmp0 (gtk_widget_get_name (c), name) == 0)
      return c;
  return NULL;
}

static gboolean
table_filled (gpointer grid)
{
  GtkWidget *cell = named_child (grid, "q4-persons");

  return cell != NULL && g_strcmp0 (gtk_label_get_text (GTK_LABEL (cell)), "5") == 0;
}

/* The quarter table lies below the fold of the first frame: the page is
 * shown without it, and it is built and filled a few rows a frame after
 * that, by itself (nobody asks for its text here). */
static void
test_table_after_first_frame (Fixture *f, gconstpointer data)
{
  gint64 unit = nv_test_add_overview_unit (f->store);
  GtkWidget *grid = nv_test_find_named (GTK_WIDGET (f->page), "quarter-table");
  guint n = 0;

  g_assert_nonnull (grid);
  nv_page_set_unit_id (NV_PAGE (f->page), unit);
  nv_test_spin ();
  g_assert_false (nv_overview_page_is_empty (f->page));
  g_assert_null (gtk_widget_get_first_child (grid));

  gtk_window_present (GTK_WINDOW (f->window));
  nv_test_wait_until (table_filled, grid, 10, "the quarter table");
  for (GtkWidget *c = gtk_widget_get_first_child (grid); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    n++;
  /* The five quarter headings, and a title and five cells a row. */
  g_assert_cmpuint (n, ==, NV_OVERVIEW_QUARTERS + 11 * (1 + NV_OVERVIEW_QUARTERS));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (named_child (grid, "q3-long"))), ==,
                   "6,3" NBSP "%");
}

int
main (int argc, char **argv)
{
  nv_test_ui_init (&argc, &argv);

  g_test_add ("/ui/overview/figures", Fixture, NULL, setup, test_figures, teardown);
  g_test_add ("/ui/overview/table-after-first-frame", Fixture, NULL, setup,
              test_table_after_first_frame, teardown);
  g_test_add ("/ui/overview/few-persons", Fixture, NULL, setup, test_few_persons, teardown);
  g_test_add ("/ui/overview/monthly-source", Fixture, NULL, setup, test_monthly_source, teardown);
  g_test_add ("/ui/overview/empty", Fixture, NULL, setup, test_empty, teardown);
  g_test_add ("/ui/overview/cost-this-quarter", Fixture, NULL, setup, test_cost_this_quarter,
              teardown);
  g_test_add ("/ui/overview/target", Fixture, NULL, setup, test_target, teardown);
  g_test_add ("/ui/overview/pending-same-size", Fixture, NULL, setup, test_pending_same_size,
              teardown);
  return g_test_run ();
}
