/* The Measures page, the add/edit dialog and the evaluation view under Xvfb. */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "nv-test-store.h"
#include "nv-test-ui.h"
#include "nv-absence.h"
#include "nv-measure-detail.h"
#include "nv-measure-dialog.h"
#include "nv-measure-row.h"
#include "nv-measures-page.h"
#include "nv-ui-resources.h"
#include "nv-unit.h"
#include "nv-workshop.h"

#define NBSP "\xc2\xa0"

typedef struct
{
  NvTestDb db;
  gint64 unit;
  GtkWidget *window;
  NvMeasuresPage *page;
} Fixture;


static NvDay
day (const char *iso)
{
  return nv_day_parse_iso (iso);
}

static void
setup (Fixture *f, gconstpointer data)
{
  nv_test_db_open_with_context (&f->db, day ("2025-04-15"));
  f->unit = nv_test_add_unit (f->db.store, "Avdeling 2B", "helse-omsorg", NULL);
  f->page = g_object_new (NV_TYPE_MEASURES_PAGE, NULL);
  f->window = nv_test_page_window (f->page, f->db.context, f->unit, 0, 0);
  gtk_window_present (GTK_WINDOW (f->window));
  nv_test_spin_rounds (3, 0);
}

static void
teardown (Fixture *f, gconstpointer data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  nv_test_spin_rounds (3, 0);
  nv_test_db_close (&f->db);
}

static gint64
add (Fixture *f, const char *title, const char *start, const char *deadline)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (NvMeasure) m = nv_measure_new ();
  gint64 id;

  g_free (m->title);
  m->title = g_strdup (title);
  m->start = day (start);
  m->deadline = deadline != NULL ? day (deadline) : NV_DAY_NONE;
  id = nv_measure_add (f->db.store, f->unit, m, &error);
  g_assert_no_error (error);
  return id;
}

static void
collect (GtkWidget *w, GType type, GPtrArray *out)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (w, type))
    g_ptr_array_add (out, w);
  for (GtkWidget *c = gtk_widget_get_first_child (w); c != NULL; c = gtk_widget_get_next_sibling (c))
    collect (c, type, out);
}

static GtkWidget *
find (GtkWidget *root, GType type)
{
  g_autoptr (GPtrArray) all = g_ptr_array_new ();
  collect (root, type, all);
  g_assert_cmpuint (all->len, >, 0);
  return all->len > 0 ? g_ptr_array_index (all, 0) : NULL;
}

static GtkToggleButton *
overdue_toggle (Fixture *f)
{
  g_autoptr (GPtrArray) all = g_ptr_array_new ();

  collect (GTK_WIDGET (f->page), GTK_TYPE_TOGGLE_BUTTON, all);
  for (guint i = 0; i < all->len; i++)
    if (g_str_has_prefix (gtk_button_get_label (g_ptr_array_index (all, i)) ?: "", "Overdue"))
      return g_ptr_array_index (all, i);
  g_assert_not_reached ();
}

static guint
n_rows (Fixture *f)
{
  g_autoptr (GPtrArray) rows = g_ptr_array_new ();
  collect (GTK_WIDGET (f->page), NV_TYPE_MEASURE_ROW, rows);
  return rows->len;
}

static NvMeasureRow *
row_for (Fixture *f, gint64 id)
{
  g_autoptr (GPtrArray) rows = g_ptr_array_new ();
  collect (GTK_WIDGET (f->page), NV_TYPE_MEASURE_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    if (nv_measure_row_get_measure (g_ptr_array_index (rows, i))->id == id)
      return g_ptr_array_index (rows, i);
  return NULL;
}

static gboolean
has_label (GtkWidget *root, const char *text)
{
  g_autoptr (GPtrArray) labels = g_ptr_array_new ();
  collect (root, GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    if (g_strcmp0 (gtk_label_get_label (g_ptr_array_index (labels, i)), text) == 0)
      return TRUE;
  return FALSE;
}

static const char *
stack_page (Fixture *f)
{
  return gtk_stack_get_visible_child_name (GTK_STACK (adw_bin_get_child (ADW_BIN (f->page))));
}

static NvMeasureStatus
status_of (Fixture *f, gint64 id)
{
  g_autoptr (NvMeasure) m = nv_measure_get (f->db.store, id, NULL);
  g_assert_nonnull (m);
  return m != NULL ? m->status : NV_MEASURE_PLANNED;
}

static void
test_empty (Fixture *f, gconstpointer data)
{
  g_assert_cmpstr (stack_page (f), ==, "empty");
  g_assert_true (gtk_widget_is_visible (find (GTK_WIDGET (f->page), GTK_TYPE_BUTTON)));
  add (f, "Første tiltak", "2025-01-01", NULL);
  nv_test_spin_rounds (3, 0);
  g_assert_cmpstr (stack_page (f), ==, "list");
  g_assert_cmpuint (n_rows (f), ==, 1);
}

static void
test_filters_and_status (Fixture *f, gconstpointer data)
{
  GtkToggleButton *overdue;
  GtkEditable *search;
  gint64 a = add (f, "Ti minutter med leder", "2025-01-06", "2025-03-31");
  gint64 b = add (f, "Ny turnus", "2025-02-01", "2025-06-30");
  add (f, "Kaffeprat", "2025-02-01", NULL);

  nv_test_spin_rounds (3, 0);
  g_assert_cmpuint (n_rows (f), ==, 3);
  /* 31.03 → 15.04 is 15 days; said in words, not colour only */
  g_assert_true (has_label (GTK_WIDGET (row_for (f, a)), "Overdue · 15 days"));
  g_assert_false (has_label (GTK_WIDGET (row_for (f, b)), "Overdue · 15 days"));

  overdue = overdue_toggle (f);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (overdue)), ==, "Overdue (1)");
  gtk_toggle_button_set_active (overdue, TRUE);
  nv_test_spin_rounds (3, 0);
  g_assert_cmpuint (n_rows (f), ==, 1);
  g_assert_nonnull (row_for (f, a));

  /* one click: Start, then Mark Done; done is no longer overdue */
  g_signal_emit_by_name (row_for (f, a), "action", "start");
  nv_test_spin_rounds (3, 0);
  g_assert_cmpint (status_of (f, a), ==, NV_MEASURE_IN_PROGRESS);
  g_assert_cmpuint (n_rows (f), ==, 1);
  g_signal_emit_by_name (row_for (f, a), "action", "done");
  nv_test_spin_rounds (3, 0);
  g_assert_cmpint (status_of (f, a), ==, NV_MEASURE_DONE);
  g_assert_cmpuint (n_rows (f), ==, 0);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (overdue)), ==, "Overdue");
  gtk_toggle_button_set_active (overdue, FALSE);
  nv_test_spin_rounds (3, 0);
  g_assert_cmpuint (n_rows (f), ==, 3);

  search = GTK_EDITABLE (find (GTK_WIDGET (f->page), GTK_TYPE_SEARCH_ENTRY));
  gtk_editable_set_text (search, "TURNUS");
  /* search-changed is delayed; wait for it */
  for (int i = 0; i < 50 && n_rows (f) != 1; i++)
    {
      g_usleep (10000);
      nv_test_spin_rounds (3, 0);
    }
  g_assert_cmpuint (n_rows (f), ==, 1);
  g_assert_nonnull (row_for (f, b));
  gtk_editable_set_text (search, "ingenting slikt");
  for (int i = 0; i < 50 && n_rows (f) != 0; i++)
    {
      g_usleep (10000);
      nv_test_spin_rounds (3, 0);
    }
  g_assert_cmpuint (n_rows (f), ==, 0);
  g_assert_cmpstr (stack_page (f), ==, "list"); /* the «no match» state, not the empty one */
}

static void
test_dialog_validation (Fixture *f, gconstpointer data)
{
  NvMeasureDialog *dialog = NV_MEASURE_DIALOG (nv_measure_dialog_new (f->db.context, f->unit, NULL));
  g_autoptr (GPtrArray) rows = g_ptr_array_new ();
  g_autoptr (GPtrArray) list = NULL;
  GtkEditable *title, *owner;

  gtk_window_present (GTK_WINDOW (dialog));
  nv_test_spin_rounds (3, 0);
  collect (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, rows);
  g_assert_cmpuint (rows->len, ==, 2);
  title = GTK_EDITABLE (g_ptr_array_index (rows, 0));
  owner = GTK_EDITABLE (g_ptr_array_index (rows, 1));

  /* an empty new form cannot be saved, but is not scolded either */
  g_assert_false (nv_measure_dialog_can_save (dialog));
  g_assert_null (nv_measure_dialog_get_error (dialog));

  gtk_editable_set_text (title, "Dialog før legebesøk");
  g_assert_true (nv_measure_dialog_can_save (dialog));
  gtk_editable_set_text (owner, "010190 12345");
  g_assert_false (nv_measure_dialog_can_save (dialog));
  g_assert_nonnull (strstr (nv_measure_dialog_get_error (dialog), "national id"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (owner), "error"));
  g_assert_false (nv_measure_dialog_save (dialog));
  list = nv_measure_list (f->db.store, f->unit, NULL, NULL);
  g_assert_cmpuint (list->len, ==, 0);

  gtk_editable_set_text (owner, "Avdelingsleder");
  g_assert_null (nv_measure_dialog_get_error (dialog));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (owner), "error"));
  gtk_editable_set_text (title, "");
  g_assert_nonnull (nv_measure_dialog_get_error (dialog)); /* typed, then emptied: say so */
  gtk_editable_set_text (title, "Dialog før legebesøk");
  g_assert_true (nv_measure_dialog_save (dialog));
  nv_test_spin_rounds (3, 0);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = nv_measure_list (f->db.store, f->unit, NULL, NULL);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpstr (((NvMeasure *) g_ptr_array_index (list, 0))->owner, ==, "Avdelingsleder");
  g_assert_cmpuint (((NvMeasure *) g_ptr_array_index (list, 0))->start, ==, day ("2025-04-15")); /* the context's today */
}

/* Every month of 2024: @lost of 100 contracted days lost, @persons persons. */
static void
add_2024 (Fixture *f, double lost, int persons)
{
  g_autoptr (GError) error = NULL;

  for (int month = 1; month <= 12; month++)
    {
      NvMonthly m = { f->unit, 2024, month, 100, 0, lost, persons };
      g_assert_true (nv_monthly_upsert (f->db.store, &m, NULL, &error));
    }
  g_assert_no_error (error);
}

/* The detail window of measure @id as of 15 October 2025, shown. */
static NvMeasureDetail *
show_detail_later (Fixture *f, gint64 id)
{
  g_autoptr (NvContext) later = nv_test_context_new (f->db.store, day ("2025-10-15"));
  NvMeasureDetail *detail = NV_MEASURE_DETAIL (nv_measure_detail_new (later, id));

  gtk_window_present (GTK_WINDOW (detail));
  nv_test_spin_rounds (3, 0);
  return detail;
}

static void
test_detail_before_after (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  gint64 id = add (f, "Ti minutter med leder", "2025-02-10", NULL);
  NvMeasureDetail *detail;

  /* 2024: 8 of 100 days lost a month; 2025-Q2 5, Q3 4 (3+4+5) → before 8,0 %, after 4,5 % */
  add_2024 (f, 8, 6);
  for (int month = 1; month <= 9; month++)
    {
      double lost = month <= 3 ? 7 : month <= 6 ? 5 : month - 4;
      NvMonthly m = { f->unit, 2025, month, 100, 0, lost, 6 };
      g_assert_true (nv_monthly_upsert (f->db.store, &m, NULL, &error));
    }
  g_assert_no_error (error);

  detail = show_detail_later (f, id);
  g_assert_cmpstr (nv_measure_detail_get_before_text (detail), ==, "8,0" NBSP "%");
  g_assert_cmpstr (nv_measure_detail_get_after_text (detail), ==, "4,5" NBSP "%");
  g_assert_true (has_label (GTK_WIDGET (detail), "−3,5 pp"));
  g_assert_true (has_label (GTK_WIDGET (detail), "2025-Q1"));

  /* a note shows up at once */
  g_assert_cmpint (nv_measure_add_note (f->db.store, id, day ("2025-10-01"), "Bedre stemning", &error),
                   >, 0);
  nv_test_spin_rounds (3, 0);
  g_assert_true (has_label (GTK_WIDGET (detail), "Bedre stemning"));
  gtk_window_destroy (GTK_WINDOW (detail));
  nv_test_spin_rounds (3, 0);
}

static void
test_dialog_workshop (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) combos = g_ptr_array_new ();
  g_autoptr (GPtrArray) entries = g_ptr_array_new ();
  g_autoptr (GPtrArray) list = NULL;
  gint64 ws = nv_workshop_add (f->db.store, f->unit, "2025-03-04", "Dialogmøte våren 2025", &error);
  NvMeasureDialog *dialog;
  AdwComboRow *workshop;

  g_assert_no_error (error);
  dialog = NV_MEASURE_DIALOG (nv_measure_dialog_new (f->db.context, f->unit, NULL));
  gtk_window_present (GTK_WINDOW (dialog));
  nv_test_spin_rounds (3, 0);
  collect (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, combos);
  g_assert_cmpuint (combos->len, ==, 2); /* theme, workshop */
  workshop = g_ptr_array_index (combos, 1);
  /* Long theme names show whole: the chosen one is the row's subtitle
   * (it wraps), not a value cut off at the row's end (issue 18, item 3). */
  {
    AdwComboRow *theme = g_ptr_array_index (combos, 0);
    const char *const *ids = nv_measure_theme_ids ();

    for (guint i = 0; ids[i] != NULL; i++)
      {
        adw_combo_row_set_selected (theme, i);
        g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (theme)), ==,
                         nv_measure_theme_label (ids[i]));
      }
    adw_combo_row_set_selected (theme, 0);
  }
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (workshop)));
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (workshop)), ==, 2);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (adw_combo_row_get_model (workshop)), 1),
                   ==, "Dialogmøte våren 2025 (04.03.2025)");
  adw_combo_row_set_selected (workshop, 1);
  collect (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, entries);
  gtk_editable_set_text (GTK_EDITABLE (g_ptr_array_index (entries, 0)), "Avtalt i verkstedet");
  g_assert_true (nv_measure_dialog_save (dialog));
  nv_test_spin_rounds (3, 0);
  list = nv_measure_list_for_workshop (f->db.store, ws, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
}

static AdwMessageDialog *
open_message_dialog (void)
{
  GListModel *tops = gtk_window_get_toplevels (); /* owned by GTK */

  for (guint i = 0; i < g_list_model_get_n_items (tops); i++)
    {
      g_autoptr (GObject) w = g_list_model_get_item (tops, i);
      if (ADW_IS_MESSAGE_DIALOG (w) && gtk_widget_get_visible (GTK_WIDGET (w)))
        return ADW_MESSAGE_DIALOG (w);
    }
  return NULL;
}

static void
test_reopen_needs_note (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) notes = NULL;
  gint64 id = add (f, "Turnus", "2025-01-06", "2025-03-31");
  AdwMessageDialog *dialog;
  GtkEditable *entry;

  g_assert_true (nv_measure_set_status (f->db.store, id, NV_MEASURE_IN_PROGRESS, NULL,
                                        day ("2025-01-06"), &error));
  g_assert_true (nv_measure_set_status (f->db.store, id, NV_MEASURE_DONE, NULL, day ("2025-03-01"),
                                        &error));
  nv_test_spin_rounds (3, 0);
  g_signal_emit_by_name (row_for (f, id), "action", "reopen");
  nv_test_spin_rounds (3, 0);
  dialog = open_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "confirm"));
  entry = GTK_EDITABLE (find (adw_message_dialog_get_extra_child (dialog), GTK_TYPE_TEXT));
  gtk_editable_set_text (entry, "   ");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "confirm"));
  gtk_editable_set_text (entry, "Nye vikarer trenger det");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "confirm"));
  adw_message_dialog_response (dialog, "confirm");
  nv_test_spin_rounds (3, 0);
  g_assert_cmpint (status_of (f, id), ==, NV_MEASURE_IN_PROGRESS);
  notes = nv_measure_list_notes (f->db.store, id, &error);
  g_assert_cmpuint (notes->len, ==, 1);
  g_assert_cmpstr (((NvMeasureNote *) g_ptr_array_index (notes, 0))->text, ==,
                   "Nye vikarer trenger det");
  /* open again and past its deadline: the badge is back */
  g_assert_true (has_label (GTK_WIDGET (row_for (f, id)), "Overdue · 15 days"));
}

static void
test_detail_few_persons (Fixture *f, gconstpointer data)
{
  gint64 id = add (f, "Ti minutter med leder", "2025-02-10", NULL);
  NvMeasureDetail *detail;

  /* 2024 with 3 persons: shown on the leader's screen, with the badge */
  add_2024 (f, 8, 3);
  detail = show_detail_later (f, id);
  g_assert_cmpstr (nv_measure_detail_get_before_text (detail), ==, "8,0" NBSP "%");
  g_assert_true (has_label (GTK_WIDGET (detail), "Few persons"));
  /* no figures after the start: said in words */
  g_assert_cmpstr (nv_measure_detail_get_after_text (detail), ==, "–");
  gtk_window_destroy (GTK_WINDOW (detail));
  nv_test_spin_rounds (3, 0);
}

int
main (int argc, char **argv)
{
  nv_test_ui_init (&argc, &argv);

  g_test_add ("/ui/measures/empty", Fixture, NULL, setup, test_empty, teardown);
  g_test_add ("/ui/measures/filters-and-status", Fixture, NULL, setup, test_filters_and_status,
              teardown);
  g_test_add ("/ui/measures/dialog-validation", Fixture, NULL, setup, test_dialog_validation,
              teardown);
  g_test_add ("/ui/measures/dialog-workshop", Fixture, NULL, setup, test_dialog_workshop, teardown);
  g_test_add ("/ui/measures/reopen-needs-note", Fixture, NULL, setup, test_reopen_needs_note,
              teardown);
  g_test_add ("/ui/measures/detail-few-persons", Fixture, NULL, setup, test_detail_few_persons,
              teardown);
  g_test_add ("/ui/measures/detail-before-after", Fixture, NULL, setup, test_detail_before_after,
              teardown);
  return g_test_run ();
}
