/* The Follow-up page, its badge in the window, the Preferences group and the
 * reminder text, under Xvfb. */
#include "config.h"

#include <adwaita.h>

#include "../nv-test-util.h"
#include "nv-absence.h"
#include "nv-followup-page.h"
#include "nv-followup-prefs.h"
#include "nv-followup.h"
#include "nv-preferences.h"
#include "nv-reminders.h"
#include "nv-ui-resources.h"
#include "nv-unit.h"
#include "nv-window.h"

typedef struct
{
  char *dir;
  NvStore *store;
  gint64 unit;
  gint64 ab;
  gint64 cd;
  NvDay today;
} Fixture;

static void
spin (void)
{
  for (int i = 0; i < 5; i++)
    while (g_main_context_iteration (NULL, FALSE))
      ;
}

static void
setup (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = nv_test_tmpdir ();
  path = g_build_filename (f->dir, "naervaer.db", NULL);
  f->store = nv_store_open (path, &error);
  g_assert_no_error (error);
  f->today = nv_day_today ();
  f->unit = nv_unit_add (f->store, "Avdeling 2B", "helse-omsorg", NULL, &error);
  f->ab = nv_employee_add (f->store, f->unit, "AB", NULL, &error);
  f->cd = nv_employee_add (f->store, f->unit, "CD", NULL, &error);
  nv_roster_add (f->store, f->ab, 100, nv_day_from_ymd (2015, 1, 1), NV_DAY_NONE, NULL, &error);
  nv_roster_add (f->store, f->cd, 100, nv_day_from_ymd (2015, 1, 1), NV_DAY_NONE, NULL, &error);
  g_assert_no_error (error);
}

static void
teardown (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->store);
  nv_test_rmtree (f->dir);
  g_free (f->dir);
}

static void
add_spell (Fixture *f, gint64 employee, NvDay start, NvDay end, double grade, NvSpellType type)
{
  g_autoptr (GError) error = NULL;
  nv_spell_add (f->store, employee, start, end, grade, type, NULL, &error);
  g_assert_no_error (error);
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
  GtkWidget *window = gtk_window_new ();
  gboolean attention = TRUE;

  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (page));
  nv_page_set_store (NV_PAGE (page), f->store);
  nv_page_set_unit_id (NV_PAGE (page), f->unit);
  spin ();
  /* Only egenmeldt: nobody to follow up. */
  add_spell (f, f->ab, f->today - 2, NV_DAY_NONE, 100, NV_SPELL_SELF);
  spin ();
  g_assert_cmpuint (n_overdue (page), ==, 0);
  g_object_get (page, "needs-attention", &attention, NULL);
  g_assert_false (attention);
  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (page);
}

/* AB from today − 30 (open): employer period (−15) and plan (−2) overdue.
 * CD from today − 60, graded, ended today − 10: not current. */
static void
test_badge_follows_overdue (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  NvWindow *window = nv_window_new (NULL, f->store);
  AdwViewStack *stack = nv_window_get_view_stack (window);
  AdwViewStackPage *section = adw_view_stack_get_page (
    stack, adw_view_stack_get_child_by_name (stack, "followup"));
  NvFollowupPage *page = NV_FOLLOWUP_PAGE (adw_view_stack_page_get_child (section));

  add_spell (f, f->ab, f->today - 30, NV_DAY_NONE, 100, NV_SPELL_DOCTOR);
  add_spell (f, f->cd, f->today - 60, f->today - 10, 50, NV_SPELL_DOCTOR);
  gtk_window_present (GTK_WINDOW (window));
  spin ();

  g_assert_cmpuint (nv_window_get_unit_id (window), ==, f->unit);
  g_assert_cmpuint (nv_followup_page_get_n_overdue (page), ==, 2);
  g_assert_cmpuint (adw_view_stack_page_get_badge_number (section), ==, 2);
  g_assert_true (adw_view_stack_page_get_needs_attention (section));

  g_assert_true (nv_followup_mark_done (f->store, f->ab, f->today - 30, "followup-plan",
                                        f->today, "sent", &error));
  spin ();
  g_assert_cmpuint (adw_view_stack_page_get_badge_number (section), ==, 1);
  g_assert_true (nv_followup_mark_done (f->store, f->ab, f->today - 30, "employer-period-end",
                                        f->today, NULL, &error));
  spin ();
  g_assert_cmpuint (adw_view_stack_page_get_badge_number (section), ==, 0);
  g_assert_false (adw_view_stack_page_get_needs_attention (section));
  g_assert_true (nv_followup_undo (f->store, f->ab, f->today - 30, "followup-plan", &error));
  spin ();
  g_assert_cmpuint (adw_view_stack_page_get_badge_number (section), ==, 1);
  g_assert_no_error (error);

  gtk_window_destroy (GTK_WINDOW (window));
  spin ();
}

static void
test_reminder_text (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;
  gint64 other, ef;

  g_assert_false (nv_reminders_compose (f->store, f->today, &title, &body, &error));
  g_assert_no_error (error);

  /* AB: employer period −15 and plan −2 overdue. EF in another unit: from
   * today − 10, the employer period falls due in 5 days. */
  add_spell (f, f->ab, f->today - 30, NV_DAY_NONE, 100, NV_SPELL_DOCTOR);
  other = nv_unit_add (f->store, "Solsikken", "barnehage", NULL, &error);
  ef = nv_employee_add (f->store, other, "EF", NULL, &error);
  nv_roster_add (f->store, ef, 100, nv_day_from_ymd (2015, 1, 1), NV_DAY_NONE, NULL, &error);
  add_spell (f, ef, f->today - 10, NV_DAY_NONE, 100, NV_SPELL_DOCTOR);

  g_assert_true (nv_reminders_compose (f->store, f->today, &title, &body, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (title, ==, "2 follow-up steps are overdue");
  g_assert_cmpstr (body, ==, "Avdeling 2B: 2 overdue\nSolsikken: 1 due within a week");
  /* Never an employee's reference. */
  g_assert_null (strstr (body, "AB"));
  g_assert_null (strstr (body, "EF"));
}

static GtkWidget *
find_descendant (GtkWidget *widget, GType type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_preferences (Fixture *f, gconstpointer data)
{
  g_autoptr (GSettings) settings = g_settings_new (APPLICATION_ID);
  GtkWindow *prefs = nv_preferences_new (NULL, settings, f->store);
  GtkWidget *group, *toggle, *spin_button;

  gtk_window_present (prefs);
  spin ();
  group = find_descendant (GTK_WIDGET (prefs), NV_TYPE_FOLLOWUP_PREFS);
  g_assert_nonnull (group);
  toggle = find_descendant (group, GTK_TYPE_SWITCH);
  spin_button = find_descendant (group, GTK_TYPE_SPIN_BUTTON);
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
  spin ();
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  adw_init ();
  nv_ui_register_resource ();

  g_test_add ("/followup-page/empty", Fixture, NULL, setup, test_empty, teardown);
  g_test_add ("/followup-page/badge", Fixture, NULL, setup, test_badge_follows_overdue, teardown);
  g_test_add ("/followup-page/reminder-text", Fixture, NULL, setup, test_reminder_text, teardown);
  g_test_add ("/followup-page/preferences", Fixture, NULL, setup, test_preferences, teardown);
  return g_test_run ();
}
