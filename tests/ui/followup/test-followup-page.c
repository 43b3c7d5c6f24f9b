/* The Follow-up page, its badge in the window, the Preferences group and the
 * reminder text, under Xvfb. */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "nv-test-store.h"
#include "nv-test-ui.h"
#include "nv-absence.h"
#include "nv-followup-dialogs.h"
#include "nv-followup-page.h"
#include "nv-followup-prefs.h"
#include "nv-date-entry.h"
#include "nv-followup.h"
#include "nv-milestone-model.h"
#include "nv-tracked-from-dialog.h"
#include "nv-preferences.h"
#include "nv-privacy.h"
#include "nv-reminders.h"
#include "nv-ui-resources.h"
#include "nv-unit.h"
#include "nv-window.h"

typedef struct
{
  NvTestDb db;
  gint64 unit;
  gint64 ab;
  gint64 cd;
  NvDay today;
} Fixture;


static void
setup (Fixture *f, gconstpointer data)
{
  nv_test_db_open (&f->db, "naervaer.db");
  /* Follow-up dates run from today: the context's clock is the system's,
   * read once so the test and the page agree on the day. */
  f->today = nv_day_today ();
  f->db.context = nv_test_context_new (f->db.store, f->today);
  f->unit = nv_test_add_unit (f->db.store, "Avdeling 2B", "helse-omsorg", NULL);
  f->ab = nv_test_add_staff (f->db.store, f->unit, "AB", 100, nv_day_from_ymd (2015, 1, 1));
  f->cd = nv_test_add_staff (f->db.store, f->unit, "CD", 100, nv_day_from_ymd (2015, 1, 1));
}

static void
teardown (Fixture *f, gconstpointer data)
{
  nv_test_db_close (&f->db);
}


static guint
n_overdue (NvFollowupPage *page)
{
  guint n = 0;
  g_object_get (page, "n-overdue", &n, NULL);
  return n;
}

static void
test_empty (Fixture *f, gconstpointer data)
{
  NvFollowupPage *page = g_object_ref_sink (g_object_new (NV_TYPE_FOLLOWUP_PAGE, NULL));
  GtkWidget *window = nv_test_page_window (page, f->db.context, f->unit, 0, 0);
  gboolean attention = TRUE;

  nv_test_spin_rounds (5, 0);
  /* Only egenmeldt: nobody to follow up. */
  nv_test_add_spell (f->db.store, f->ab, f->today - 2, NV_DAY_NONE, 100, NV_SPELL_SELF);
  nv_test_spin_rounds (5, 0);
  g_assert_cmpuint (n_overdue (page), ==, 0);
  g_object_get (page, "needs-attention", &attention, NULL);
  g_assert_false (attention);
  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (page);
}

/* AB from today − 30 (open): employer period (−15) and plan (−3) overdue.
 * CD from today − 60, graded, ended today − 10: its employer period (−45)
 * and plan (−33) were missed and stay overdue. */
/* The hidden section counts its badge in a worker thread: wait for it. */
typedef struct
{
  gpointer object;
  guint n;
} WaitCount;

static gboolean
badge_is (gpointer data)
{
  WaitCount *w = data;
  return adw_view_stack_page_get_badge_number (w->object) == w->n;
}

static gboolean
overdue_is (gpointer data)
{
  WaitCount *w = data;
  return nv_followup_page_get_n_overdue (w->object) == w->n;
}

static void
wait_for_badge (AdwViewStackPage *section, guint n)
{
  WaitCount w = { section, n };
  nv_test_wait_until (badge_is, &w, 20, "the Follow-up section's badge");
}

static void
wait_for_overdue (NvFollowupPage *page, guint n)
{
  WaitCount w = { page, n };
  nv_test_wait_until (overdue_is, &w, 20, "the Follow-up page's overdue count");
}

static void
test_badge_follows_overdue (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  NvWindow *window = nv_window_new (NULL, f->db.context);
  AdwViewStack *stack = nv_window_get_view_stack (window);
  AdwViewStackPage *section = adw_view_stack_get_page (
    stack, adw_view_stack_get_child_by_name (stack, "followup"));
  NvFollowupPage *page = NV_FOLLOWUP_PAGE (nv_window_get_page (window, "followup"));

  nv_test_add_spell (f->db.store, f->ab, f->today - 30, NV_DAY_NONE, 100, NV_SPELL_DOCTOR);
  nv_test_add_spell (f->db.store, f->cd, f->today - 60, f->today - 10, 50, NV_SPELL_DOCTOR);
  gtk_window_present (GTK_WINDOW (window));
  nv_test_spin_rounds (5, 0);
  wait_for_badge (section, 4);

  g_assert_cmpuint (nv_window_get_unit_id (window), ==, f->unit);
  g_assert_cmpuint (nv_followup_page_get_n_overdue (page), ==, 4);
  g_assert_cmpuint (adw_view_stack_page_get_badge_number (section), ==, 4);
  g_assert_true (adw_view_stack_page_get_needs_attention (section));

  g_assert_true (nv_followup_mark_done (f->db.store, f->ab, f->today - 30, "followup-plan",
                                        f->today, "sent", &error));
  nv_test_spin_rounds (5, 0);
  wait_for_badge (section, 3);
  g_assert_cmpuint (adw_view_stack_page_get_badge_number (section), ==, 3);
  g_assert_true (nv_followup_mark_done (f->db.store, f->ab, f->today - 30, "employer-period-end",
                                        f->today, NULL, &error));
  g_assert_true (nv_followup_mark_done (f->db.store, f->cd, f->today - 60, "employer-period-end",
                                        f->today - 40, NULL, &error));
  g_assert_true (nv_followup_mark_done (f->db.store, f->cd, f->today - 60, "followup-plan",
                                        f->today - 30, NULL, &error));
  nv_test_spin_rounds (5, 0);
  wait_for_badge (section, 0);
  g_assert_cmpuint (adw_view_stack_page_get_badge_number (section), ==, 0);
  g_assert_false (adw_view_stack_page_get_needs_attention (section));
  g_assert_true (nv_followup_undo (f->db.store, f->ab, f->today - 30, "followup-plan", &error));
  nv_test_spin_rounds (5, 0);
  wait_for_badge (section, 1);
  g_assert_cmpuint (adw_view_stack_page_get_badge_number (section), ==, 1);
  g_assert_no_error (error);

  gtk_window_destroy (GTK_WINDOW (window));
  nv_test_spin_rounds (5, 0);
}

static const char *
visible_child (NvFollowupPage *page)
{
  GtkWidget *stack = nv_test_find_widget (GTK_WIDGET (page), GTK_TYPE_STACK);
  return gtk_stack_get_visible_child_name (GTK_STACK (stack));
}

static gboolean
content_shown (gpointer page)
{
  return g_strcmp0 (visible_child (page), "content") == 0;
}

/* Opened while a worker thread still prepares the unit's steps: the page
 * says so and builds when they come, never computing them all again on the
 * main thread (which took a big unit's section past 150 ms on a busy
 * machine). */
static void
test_loading_while_prepared (Fixture *f, gconstpointer data)
{
  NvWindow *window = nv_window_new (NULL, f->db.context);
  AdwViewStack *stack = nv_window_get_view_stack (window);
  AdwViewStackPage *section = adw_view_stack_get_page (
    stack, adw_view_stack_get_child_by_name (stack, "followup"));
  NvFollowupPage *page = NV_FOLLOWUP_PAGE (nv_window_get_page (window, "followup"));
  GtkWidget *spinner;

  nv_test_add_spell (f->db.store, f->ab, f->today - 30, NV_DAY_NONE, 100, NV_SPELL_DOCTOR);
  gtk_window_present (GTK_WINDOW (window));
  nv_test_spin_rounds (5, 0);
  wait_for_badge (section, 2);
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (page)));

  /* Hidden: the reload hands the steps to a worker; its answer can only
   * come through the main loop, which does not run before the page shows. */
  nv_test_add_spell (f->db.store, f->cd, f->today - 60, f->today - 10, 50, NV_SPELL_DOCTOR);
  nv_page_reload (NV_PAGE (page));
  nv_window_show_section (window, "followup");
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (page)));
  g_assert_cmpstr (visible_child (page), ==, "loading");
  spinner = nv_test_find_widget (GTK_WIDGET (page), GTK_TYPE_SPINNER);
  g_assert_true (gtk_spinner_get_spinning (GTK_SPINNER (spinner)));
  g_assert_cmpuint (g_list_model_get_n_items (nv_followup_page_get_list (page, "overdue")), ==, 0);

  /* Then the lists, from what the worker found (CD's two missed steps too). */
  nv_test_wait_until (content_shown, page, 20, "the Follow-up page's content");
  g_assert_cmpuint (g_list_model_get_n_items (nv_followup_page_get_list (page, "overdue")), ==, 4);
  g_assert_cmpuint (nv_followup_page_get_n_overdue (page), ==, 4);
  g_assert_false (gtk_spinner_get_spinning (GTK_SPINNER (spinner)));

  /* A change while shown is computed at once, as before. */
  g_assert_true (nv_followup_mark_done (f->db.store, f->ab, f->today - 30, "followup-plan",
                                        f->today, "sent", NULL));
  nv_page_reload (NV_PAGE (page));
  g_assert_cmpstr (visible_child (page), ==, "content");
  g_assert_cmpuint (g_list_model_get_n_items (nv_followup_page_get_list (page, "overdue")), ==, 3);

  gtk_window_destroy (GTK_WINDOW (window));
  nv_test_spin_rounds (5, 0);
}

static void
test_reminder_text (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;
  gint64 other, ef;

  g_assert_false (nv_reminders_compose (f->db.store, f->today, &title, &body, &error));
  g_assert_no_error (error);

  /* AB: employer period −15 and plan −3 overdue. EF in another unit: from
   * today − 10, the employer period falls due in 5 days. */
  nv_test_add_spell (f->db.store, f->ab, f->today - 30, NV_DAY_NONE, 100, NV_SPELL_DOCTOR);
  other = nv_unit_add (f->db.store, "Solsikken", "barnehage", NULL, &error);
  ef = nv_employee_add (f->db.store, other, "EF", NULL, &error);
  nv_roster_add (f->db.store, ef, 100, nv_day_from_ymd (2015, 1, 1), NV_DAY_NONE, NULL, &error);
  nv_test_add_spell (f->db.store, ef, f->today - 10, NV_DAY_NONE, 100, NV_SPELL_DOCTOR);

  g_assert_true (nv_reminders_compose (f->db.store, f->today, &title, &body, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (title, ==, "2 follow-up steps are overdue");
  g_assert_cmpstr (body, ==, "Avdeling 2B: 2 overdue\nSolsikken: 1 due within a week");
  /* Never an employee's reference. */
  g_assert_null (strstr (body, "AB"));
  g_assert_null (strstr (body, "EF"));

  /* Steps before «follow-up tracked from» are never reminded of. */
  g_assert_true (nv_followup_set_tracked_from (f->db.store, f->unit, f->today - 10, &error));
  g_clear_pointer (&title, g_free);
  g_clear_pointer (&body, g_free);
  g_assert_true (nv_reminders_compose (f->db.store, f->today, &title, &body, &error));
  g_assert_cmpstr (title, ==, "1 follow-up step is overdue");
  g_assert_cmpstr (body, ==, "Avdeling 2B: 1 overdue\nSolsikken: 1 due within a week");
}

/* The «All Steps» expander of the first case card under @widget. */
static AdwExpanderRow *
find_steps (GtkWidget *widget)
{
  if (ADW_IS_EXPANDER_ROW (widget) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), "All Steps") == 0)
    return ADW_EXPANDER_ROW (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      AdwExpanderRow *found = find_steps (child);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static guint
count_descendants (GtkWidget *widget, GType type)
{
  guint n = G_TYPE_CHECK_INSTANCE_TYPE (widget, type) ? 1 : 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_descendants (child, type);
  return n;
}

static guint
count_status (GPtrArray *list, NvMilestoneStatus status)
{
  guint n = 0;
  for (guint i = 0; i < list->len; i++)
    n += ((NvMilestone *) g_ptr_array_index (list, i))->status == status;
  return n;
}

static const NvMilestone *
shown (NvFollowupPage *page, const char *which, guint position)
{
  g_autoptr (NvMilestoneItem) item =
    g_list_model_get_item (nv_followup_page_get_list (page, which), position);
  return nv_milestone_item_get (item);
}

/* The page lists what the CLI lists (ended cases keep their missed steps),
 * with the latest overdue step first; a «follow-up tracked from» day moves
 * older steps apart, into the folded Not Tracked group; the dialog changes
 * the day. */
static void
test_lists_and_tracked_from (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) list = NULL;
  NvFollowupPage *page = g_object_ref_sink (g_object_new (NV_TYPE_FOLLOWUP_PAGE, NULL));
  GtkWidget *window;
  NvTrackedFromDialog *dialog;
  GtkWidget *group;

  nv_test_add_spell (f->db.store, f->ab, f->today - 30, NV_DAY_NONE, 100, NV_SPELL_DOCTOR);
  nv_test_add_spell (f->db.store, f->cd, f->today - 60, f->today - 10, 50, NV_SPELL_DOCTOR);
  window = nv_test_page_window (page, f->db.context, f->unit, 900, 700);
  gtk_window_present (GTK_WINDOW (window));
  nv_test_spin_rounds (5, 0);

  list = nv_followup_list (f->db.store, f->unit, f->today, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_status (list, NV_MILESTONE_OVERDUE), ==, 4);
  g_assert_cmpuint (g_list_model_get_n_items (nv_followup_page_get_list (page, "overdue")), ==, 4);
  g_assert_cmpuint (nv_followup_page_get_n_overdue (page), ==, 4);
  /* Latest first: AB's plan (−3), AB's employer period (−15), CD's plan
   * (−33), CD's employer period (−45). */
  g_assert_cmpuint (shown (page, "overdue", 0)->due, ==, f->today - 3);
  g_assert_cmpuint (shown (page, "overdue", 3)->due, ==, f->today - 45);
  g_assert_cmpstr (shown (page, "overdue", 3)->employee_ref, ==, "CD");
  g_assert_cmpuint (g_list_model_get_n_items (nv_followup_page_get_list (page, "not-tracked")), ==,
                    0);
  group = gtk_widget_get_ancestor (
    nv_test_find_widget (GTK_WIDGET (page), ADW_TYPE_EXPANDER_ROW), ADW_TYPE_PREFERENCES_GROUP);
  g_assert_false (gtk_widget_get_visible (group));

  /* AB's case card: its steps are rows once «All Steps» is unfolded (made
   * then, not with the card), each with its button. */
  {
    AdwExpanderRow *steps = find_steps (GTK_WIDGET (page));
    g_autoptr (GPtrArray) ab = g_ptr_array_new ();

    for (guint i = 0; i < list->len; i++)
      {
        NvMilestone *m = g_ptr_array_index (list, i);
        if (g_str_equal (m->employee_ref, "AB"))
          g_ptr_array_add (ab, m);
      }
    g_assert_nonnull (steps);
    g_assert_cmpuint (count_descendants (GTK_WIDGET (steps), ADW_TYPE_ACTION_ROW), ==, 1);
    adw_expander_row_set_expanded (steps, TRUE);
    nv_test_spin ();
    /* One action row per step besides the expander's own header row. */
    g_assert_cmpuint (count_descendants (GTK_WIDGET (steps), ADW_TYPE_ACTION_ROW), ==,
                      ab->len + 1);
    g_assert_cmpuint (count_descendants (GTK_WIDGET (steps), GTK_TYPE_BUTTON), >=, ab->len);
    adw_expander_row_set_expanded (steps, FALSE);
    adw_expander_row_set_expanded (steps, TRUE);
    nv_test_spin ();
    g_assert_cmpuint (count_descendants (GTK_WIDGET (steps), ADW_TYPE_ACTION_ROW), ==,
                      ab->len + 1);
  }

  /* Tracked from today − 20: CD's two steps are not tracked. */
  g_assert_true (nv_followup_set_tracked_from (f->db.store, f->unit, f->today - 20, &error));
  nv_test_spin_rounds (5, 0);
  g_assert_cmpuint (nv_followup_page_get_n_overdue (page), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (nv_followup_page_get_list (page, "overdue")), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (nv_followup_page_get_list (page, "not-tracked")), ==,
                    2);
  g_assert_cmpint (shown (page, "not-tracked", 0)->status, ==, NV_MILESTONE_NOT_TRACKED);
  g_assert_true (gtk_widget_get_visible (group));
  g_assert_false (adw_expander_row_get_expanded (
    ADW_EXPANDER_ROW (nv_test_find_widget (group, ADW_TYPE_EXPANDER_ROW))));

  /* The dialog shows the day; «track every step» clears it. */
  dialog = nv_tracked_from_dialog_new (GTK_WINDOW (window), f->db.context, f->unit);
  gtk_window_present (GTK_WINDOW (dialog));
  nv_test_spin_rounds (5, 0);
  g_assert_cmpuint (nv_date_entry_get_day (NV_DATE_ENTRY (nv_tracked_from_dialog_get_date (dialog))),
                    ==, f->today - 20);
  g_assert_false (gtk_check_button_get_active (
    GTK_CHECK_BUTTON (nv_tracked_from_dialog_get_all (dialog))));
  /* A day in the future cannot be saved. */
  nv_date_entry_set_day (NV_DATE_ENTRY (nv_tracked_from_dialog_get_date (dialog)), f->today + 3);
  nv_test_spin_rounds (5, 0);
  g_assert_false (nv_form_dialog_can_save (NV_FORM_DIALOG (dialog)));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (nv_tracked_from_dialog_get_all (dialog)), TRUE);
  nv_test_spin_rounds (5, 0);
  g_assert_true (nv_form_dialog_save (NV_FORM_DIALOG (dialog)));
  nv_test_spin_rounds (5, 0);
  g_assert_cmpuint (nv_followup_page_get_n_overdue (page), ==, 4);
  g_assert_false (gtk_widget_get_visible (group));

  /* Repeated absence: CD with two absences of 150 days (2-300). */
  g_assert_cmpuint (nv_followup_page_get_n_repeated (page), ==, 0);
  nv_test_add_spell (f->db.store, f->cd, f->today - 700, f->today - 551, 100, NV_SPELL_DOCTOR);
  nv_test_add_spell (f->db.store, f->cd, f->today - 400, f->today - 251, 100, NV_SPELL_DOCTOR);
  nv_test_spin_rounds (5, 0);
  g_assert_cmpuint (nv_followup_page_get_n_repeated (page), ==, 1);

  gtk_window_destroy (GTK_WINDOW (window));
  nv_test_spin_rounds (5, 0);
  g_object_unref (page);
}

static void
test_preferences (Fixture *f, gconstpointer data)
{
  GSettings *settings = nv_context_get_settings (f->db.context);
  GtkWindow *prefs = nv_preferences_new (NULL, settings, f->db.store);
  GtkWidget *group, *toggle, *spin_button;

  gtk_window_present (prefs);
  nv_test_spin_rounds (5, 0);
  group = nv_test_find_widget (GTK_WIDGET (prefs), NV_TYPE_FOLLOWUP_PREFS);
  g_assert_nonnull (group);
  toggle = nv_test_find_widget (group, GTK_TYPE_SWITCH);
  spin_button = nv_test_find_widget (group, GTK_TYPE_SPIN_BUTTON);
  g_assert_nonnull (toggle);
  g_assert_nonnull (spin_button);

  g_assert_true (gtk_switch_get_active (GTK_SWITCH (toggle)));
  gtk_switch_set_active (GTK_SWITCH (toggle), FALSE);
  g_assert_false (g_settings_get_boolean (settings, "reminders"));
  g_assert_cmpint ((int) gtk_spin_button_get_value (GTK_SPIN_BUTTON (spin_button)), ==, 5);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin_button), 7);
  g_assert_cmpint (g_settings_get_int (settings, "retention-years"), ==, 7);
  g_settings_reset (settings, "reminders");
  g_settings_reset (settings, "retention-years");
  gtk_window_destroy (prefs);
  nv_test_spin_rounds (5, 0);
}

static GtkWidget *
find_last_descendant (GtkWidget *widget, GType type)
{
  GtkWidget *found = G_TYPE_CHECK_INSTANCE_TYPE (widget, type) ? widget : NULL;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *last = find_last_descendant (child, type);
      if (last != NULL)
        found = last;
    }
  return found;
}

static AdwMessageDialog *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GtkWindow) window = g_list_model_get_item (toplevels, i);
      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

static NvFollowupPage *
window_page (NvWindow *window)
{
  return NV_FOLLOWUP_PAGE (nv_window_get_page (window, "followup"));
}

/* Mark done through the dialog: today's date is filled in, the note is kept;
 * undo removes the record. */
static void
test_mark_done_dialog (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) list = NULL;
  g_autoptr (GPtrArray) records = NULL;
  NvWindow *window = nv_window_new (NULL, f->db.context);
  NvFollowupPage *page = window_page (window);
  const NvMilestone *plan = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *note;
  NvFollowupRecord *r;

  nv_test_add_spell (f->db.store, f->ab, f->today - 30, NV_DAY_NONE, 100, NV_SPELL_DOCTOR);
  gtk_window_present (GTK_WINDOW (window));
  nv_test_spin_rounds (5, 0);
  list = nv_followup_list (f->db.store, f->unit, f->today, &error);
  for (guint i = 0; i < list->len; i++)
    if (g_str_equal (((NvMilestone *) g_ptr_array_index (list, i))->milestone, "followup-plan"))
      plan = g_ptr_array_index (list, i);
  g_assert_nonnull (plan);

  nv_followup_mark_done_dialog (NV_PAGE (page), plan);
  nv_test_spin_rounds (5, 0);
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "done"));
  /* The note is the last entry; the first is the date's. */
  note = find_last_descendant (adw_message_dialog_get_extra_child (dialog), GTK_TYPE_ENTRY);
  g_assert_nonnull (note);
  gtk_editable_set_text (GTK_EDITABLE (note), "Plan sent to the GP");
  adw_message_dialog_response (dialog, "done");
  gtk_window_destroy (GTK_WINDOW (dialog)); /* a button would close it */
  nv_test_spin_rounds (5, 0);

  records = nv_followup_records (f->db.store, f->unit, &error);
  g_assert_cmpuint (records->len, ==, 1);
  r = g_ptr_array_index (records, 0);
  g_assert_cmpstr (r->milestone, ==, "followup-plan");
  g_assert_cmpuint (r->done_on, ==, f->today);
  g_assert_cmpstr (r->note, ==, "Plan sent to the GP");
  wait_for_overdue (page, 1);
  g_assert_cmpuint (nv_followup_page_get_n_overdue (page), ==, 1);

  nv_followup_undo_done (NV_PAGE (page), plan);
  nv_test_spin_rounds (5, 0);
  g_clear_pointer (&records, g_ptr_array_unref);
  records = nv_followup_records (f->db.store, f->unit, &error);
  g_assert_cmpuint (records->len, ==, 0);
  wait_for_overdue (page, 2);
  g_assert_cmpuint (nv_followup_page_get_n_overdue (page), ==, 2);

  gtk_window_destroy (GTK_WINDOW (window));
  nv_test_spin_rounds (5, 0);
}

/* Delete old cases and erase an employee through their dialogs. */
static void
test_privacy_dialogs (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) employees = NULL;
  g_autoptr (GPtrArray) expired = NULL;
  NvWindow *window = nv_window_new (NULL, f->db.context);
  NvFollowupPage *page = window_page (window);
  AdwMessageDialog *dialog;
  GtkWidget *dropdown;

  /* An old case of AB (ended eight years ago) and a current one of CD. */
  nv_test_add_spell (f->db.store, f->ab, f->today - 3000, f->today - 2950, 100, NV_SPELL_DOCTOR);
  nv_test_add_spell (f->db.store, f->cd, f->today - 30, NV_DAY_NONE, 100, NV_SPELL_DOCTOR);
  gtk_window_present (GTK_WINDOW (window));
  nv_test_spin_rounds (5, 0);

  /* Cancel changes nothing. */
  nv_followup_delete_old_cases_dialog (NV_PAGE (page), 5);
  nv_test_spin_rounds (5, 0);
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog)); /* a button would close it */
  nv_test_spin_rounds (5, 0);
  expired = nv_privacy_expired_cases (f->db.store, 5, f->today, &error);
  g_assert_cmpuint (expired->len, ==, 1);
  g_clear_pointer (&expired, g_ptr_array_unref);

  nv_followup_delete_old_cases_dialog (NV_PAGE (page), 5);
  nv_test_spin_rounds (5, 0);
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "delete");
  gtk_window_destroy (GTK_WINDOW (dialog)); /* a button would close it */
  nv_test_spin_rounds (5, 0);
  expired = nv_privacy_expired_cases (f->db.store, 1, f->today, &error);
  g_assert_cmpuint (expired->len, ==, 0);

  /* Erase CD: the second in the drop-down (sorted by reference). */
  nv_followup_erase_employee_dialog (NV_PAGE (page));
  nv_test_spin_rounds (5, 0);
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  dropdown = nv_test_find_widget (adw_message_dialog_get_extra_child (dialog), GTK_TYPE_DROP_DOWN);
  g_assert_nonnull (dropdown);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), 1);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Erase CD?");
  adw_message_dialog_response (dialog, "erase");
  gtk_window_destroy (GTK_WINDOW (dialog)); /* a button would close it */
  nv_test_spin_rounds (5, 0);
  employees = nv_employee_list (f->db.store, f->unit, &error);
  g_assert_cmpuint (employees->len, ==, 1);
  g_assert_cmpstr (((NvEmployee *) g_ptr_array_index (employees, 0))->ref, ==, "AB");
  /* The section is hidden: its count comes from a worker thread. */
  wait_for_overdue (page, 0);
  g_assert_cmpuint (nv_followup_page_get_n_overdue (page), ==, 0);

  gtk_window_destroy (GTK_WINDOW (window));
  nv_test_spin_rounds (5, 0);
}

typedef struct
{
  NvFollowupPage *page;
  GtkLabel *summary;
} Summary;

/* The worker has counted the steps and the summary says so. */
static gboolean
summary_counted (gpointer data)
{
  Summary *s = data;

  return nv_followup_page_get_n_overdue (s->page) >= 1000 &&
         strstr (gtk_label_get_text (s->summary), "steps overdue") != NULL;
}

/* A big unit's counts read with groups of three («1 500 steps overdue»). */
static void
test_summary_grouped (Fixture *f, gconstpointer data)
{
  NvWindow *window = nv_window_new (NULL, f->db.context);
  NvFollowupPage *page = NV_FOLLOWUP_PAGE (nv_window_get_page (window, "followup"));
  GtkLabel *summary = GTK_LABEL (
    gtk_widget_get_template_child (GTK_WIDGET (page), NV_TYPE_FOLLOWUP_PAGE, "summary_label"));
  g_autofree char *n_text = NULL;
  g_autofree char *expected = NULL;
  guint n;

  for (guint i = 0; i < 300; i++)
    {
      g_autofree char *ref = g_strdup_printf ("E%03u", i);
      gint64 id = nv_test_add_staff (f->db.store, f->unit, ref, 100, nv_day_from_ymd (2015, 1, 1));

      nv_test_add_spell (f->db.store, id, f->today - 400, NV_DAY_NONE, 100, NV_SPELL_DOCTOR);
    }
  gtk_window_present (GTK_WINDOW (window));
  nv_test_spin_rounds (5, 0);
  adw_view_stack_set_visible_child_name (nv_window_get_view_stack (window), "followup");
  /* The steps are counted in a worker thread: as long as it takes. */
  nv_test_wait_until (summary_counted, &(Summary){ page, summary }, 20,
                      "the summary's count of overdue steps");
  n = nv_followup_page_get_n_overdue (page);
  g_assert_cmpuint (n, >=, 1000);
  n_text = g_strdup_printf ("%u\u00a0%03u", n / 1000, n % 1000);
  expected = g_strdup_printf ("· %s steps overdue", n_text);
  g_assert_nonnull (strstr (gtk_label_get_text (summary), "300 employees sick-listed now"));
  g_assert_nonnull (strstr (gtk_label_get_text (summary), expected));

  gtk_window_destroy (GTK_WINDOW (window));
  nv_test_spin_rounds (5, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  nv_test_tolerate_focus_race ();
  adw_init ();
  nv_ui_register_resource ();

  g_test_add ("/followup-page/empty", Fixture, NULL, setup, test_empty, teardown);
  g_test_add ("/followup-page/badge", Fixture, NULL, setup, test_badge_follows_overdue, teardown);
  g_test_add ("/followup-page/summary-grouped", Fixture, NULL, setup, test_summary_grouped,
              teardown);
  g_test_add ("/followup-page/loading-while-prepared", Fixture, NULL, setup,
              test_loading_while_prepared, teardown);
  g_test_add ("/followup-page/reminder-text", Fixture, NULL, setup, test_reminder_text, teardown);
  g_test_add ("/followup-page/lists-and-tracked-from", Fixture, NULL, setup,
              test_lists_and_tracked_from, teardown);
  g_test_add ("/followup-page/preferences", Fixture, NULL, setup, test_preferences, teardown);
  g_test_add ("/followup-page/mark-done-dialog", Fixture, NULL, setup, test_mark_done_dialog,
              teardown);
  g_test_add ("/followup-page/privacy-dialogs", Fixture, NULL, setup, test_privacy_dialogs,
              teardown);
  return g_test_run ();
}
