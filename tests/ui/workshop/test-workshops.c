/* The Workshops page, the guided view and projection mode, under Xvfb.
 *
 * With NV_SHOT_DIR set, every slide of the projection is also saved there as
 * PNG at 1920×1080 (light, and dark with NV_SHOT_DARK=1; another size with
 * NV_SHOT_SIZE=1280x720): that is how the screenshots in screenshots/ are made. */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>

#include "nv-test-store.h"
#include "nv-test-ui.h"
#include <math.h>

#include "nv-absence.h"
#include "nv-demo.h"
#include "nv-ui-resources.h"
#include "nv-presenter-window.h"
#include "nv-projection-window.h"
#include "nv-measure-row.h"
#include "nv-unit.h"
#include "nv-workshop-deck.h"
#include "nv-workshop-view.h"
#include "nv-workshop-view-private.h"
#include "nv-workshops-page.h"

typedef struct
{
  NvTestDb db;
  gint64 unit;
  gint64 workshop;
} Fixture;


static void
setup (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GPtrArray) list = NULL;

  nv_test_db_open_with_context (&f->db, NV_DAY_NONE);
  /* One demo unit: five years of figures and a held workshop. */
  g_assert_true (nv_demo_fill_full (f->db.store, 1, 5, nv_day_today (), 7, ids, &error));
  g_assert_no_error (error);
  f->unit = g_array_index (ids, gint64, 0);
  list = nv_workshop_list (f->db.store, f->unit, &error);
  g_assert_cmpuint (list->len, ==, 1);
  f->workshop = ((NvWorkshop *) g_ptr_array_index (list, 0))->id;
}

static void
teardown (Fixture *f, gconstpointer data)
{
  nv_test_db_close (&f->db);
}

/* Is there a label showing @text somewhere under @widget? */
static gboolean
shows_text (GtkWidget *widget, const char *text)
{
  if (GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL &&
      gtk_widget_get_mapped (widget))
    return TRUE;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    if (shows_text (c, text))
      return TRUE;
  return FALSE;
}

/* Screenshots may be taken translated; English text is checked otherwise. */
static gboolean
english (void)
{
  return g_strcmp0 (g_dgettext (GETTEXT_PACKAGE, "Welcome"), "Welcome") == 0;
}

static void
save_png (GtkWidget *window, const char *name)
{
  const char *dir = g_getenv ("NV_SHOT_DIR");
  g_autofree char *path = NULL;

  if (dir == NULL)
    return;
  path = g_build_filename (dir, name, NULL);
  nv_test_save_png (window, path);
}

static void
test_projection (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (NvWorkshopDeck) deck = nv_workshop_deck_new (f->db.context, f->workshop, &error);
  gboolean dark = g_strcmp0 (g_getenv ("NV_SHOT_DARK"), "1") == 0;
  const char *size = g_getenv ("NV_SHOT_SIZE"); /* e.g. 1280x720; default 1920x1080 */
  int width = 1920, height = 1080;
  NvProjectionWindow *projection;
  guint n;

  if (size != NULL && sscanf (size, "%dx%d", &width, &height) != 2)
    width = 1920, height = 1080;

  g_assert_no_error (error);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      dark ? ADW_COLOR_SCHEME_FORCE_DARK
                                           : ADW_COLOR_SCHEME_FORCE_LIGHT);
  projection = nv_projection_window_new (deck);
  g_object_add_weak_pointer (G_OBJECT (projection), (gpointer *) &projection);
  gtk_window_set_default_size (GTK_WINDOW (projection), width, height);
  gtk_window_present (GTK_WINDOW (projection));
  nv_test_spin_rounds (5, 10000);

  /* welcome, purpose, research, figures, the unit's 10-FAKTOR profile (the demo has
   * survey rounds), 4 theme rounds, prioritise, agree, closing */
  n = nv_workshop_deck_get_n_slides (deck);
  g_assert_cmpuint (n, ==, 12);
  g_assert_cmpint (nv_workshop_deck_get_slide (deck, 4)->kind, ==, NV_SLIDE_FAKTOR);
  /* Body text at least 40 px on a 1080-line projector, scaled with the window
   * (the test screen may be smaller than 1920×1080). */
  g_assert_cmpfloat (nv_projection_body_px_for (1920, 1080), ==, 48.0);
  g_assert_cmpfloat (nv_projection_body_px_for (1280, 720), ==, 32.0);
  g_assert_cmpfloat (nv_projection_body_px_for (3840, 2160), ==, 96.0);
  /* 4:3 at 1024×768: the width decides (576 lines of 16:9) */
  g_assert_cmpfloat (nv_projection_body_px_for (1024, 768), ==, 25.6);
  g_assert_cmpfloat (nv_projection_body_px_for (200, 100), ==, 16.0);
  g_assert_cmpfloat (nv_projection_window_get_body_px (projection), ==,
                     nv_projection_body_px_for (gtk_widget_get_width (GTK_WIDGET (projection)),
                                                gtk_widget_get_height (GTK_WIDGET (projection))));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (projection), "nv-dark") == dark);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("projection-%s-%02u.png", dark ? "dark" : "light", i);
      nv_workshop_deck_set_index (deck, i);
      nv_test_spin_rounds (5, 10000);
      g_assert_true (shows_text (GTK_WIDGET (projection), nv_workshop_deck_slide_title (deck, i)));
      save_png (GTK_WIDGET (projection), name);
    }

  /* The welcome slide for the room (issue 18 item 14): unit and date, the
   * purpose in one line, and the agenda — the steps in order, the themed
   * rounds as one item — on one screen. */
  nv_workshop_deck_set_index (deck, 0);
  nv_test_spin_rounds (5, 10000);
  g_assert_true (shows_text (GTK_WIDGET (projection), nv_workshop_deck_get_unit_name (deck)));
  g_assert_true (shows_text (GTK_WIDGET (projection), g_dgettext (GETTEXT_PACKAGE, "Today")));
  for (guint i = 1; i < 4; i++)
    {
      g_autofree char *entry = g_strdup_printf ("%u.  %s", i, nv_workshop_deck_slide_title (deck, i));
      g_assert_true (shows_text (GTK_WIDGET (projection), entry));
    }
  if (english ())
    {
      g_autofree char *theme = g_strdup_printf ("–  %s", nv_workshop_deck_slide_title (deck, 5));

      g_assert_true (shows_text (GTK_WIDGET (projection), "bring sick leave down"));
      g_assert_true (shows_text (GTK_WIDGET (projection), "5.  Talk in rounds about"));
      g_assert_true (shows_text (GTK_WIDGET (projection), theme));
      g_assert_false (shows_text (GTK_WIDGET (projection), "What we agreed"));
    }

  /* The prioritised list: the demo's most-voted idea comes first with its votes. */
  nv_workshop_deck_set_index (deck, 9);
  nv_test_spin_rounds (5, 10000);
  if (english ())
    g_assert_true (shows_text (GTK_WIDGET (projection), "9 votes  ·  Fast, kort samtale"));

  /* Ideas appear while they are typed in: one on the round about open talk. */
  nv_workshop_deck_set_index (deck, 6);
  nv_test_spin_rounds (5, 10000);
  g_assert_cmpstr (nv_workshop_deck_get_slide (deck, 6)->theme->id, ==, "mastery-climate");
  g_assert_false (shows_text (GTK_WIDGET (projection), "Felles lunsj på fredager"));
  g_assert_cmpint (nv_workshop_add_idea (f->db.store, f->workshop, "Felles lunsj på fredager",
                                         "mastery-climate", &error), >, 0);
  nv_test_spin_rounds (5, 10000);
  g_assert_true (shows_text (GTK_WIDGET (projection), "Felles lunsj på fredager"));

  /* Clicker keys. */
  g_assert_true (nv_projection_handle_key (deck, GDK_KEY_Right));
  g_assert_cmpuint (nv_workshop_deck_get_index (deck), ==, 7);
  g_assert_true (nv_projection_handle_key (deck, GDK_KEY_Page_Down));
  g_assert_true (nv_projection_handle_key (deck, GDK_KEY_space));
  g_assert_cmpuint (nv_workshop_deck_get_index (deck), ==, 9);
  g_assert_true (nv_projection_handle_key (deck, GDK_KEY_Page_Up));
  g_assert_true (nv_projection_handle_key (deck, GDK_KEY_Left));
  g_assert_cmpuint (nv_workshop_deck_get_index (deck), ==, 7);
  g_assert_false (nv_projection_handle_key (deck, GDK_KEY_a));
  nv_workshop_deck_set_index (deck, n - 1);
  g_assert_true (nv_projection_handle_key (deck, GDK_KEY_Right));
  g_assert_cmpuint (nv_workshop_deck_get_index (deck), ==, n - 1);


  /* Esc leaves. */
  g_assert_true (nv_projection_handle_key (deck, GDK_KEY_Escape));
  nv_test_spin_rounds (5, 10000);
  g_assert_null (projection);
}

/* Three persons: the figures slide shows no value for any quarter. */
static void
test_projection_masked (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (NvWorkshopDeck) deck = NULL;
  g_autoptr (NvChart) chart = NULL;
  gint64 unit = nv_unit_add (f->db.store, "Tre ansatte", "helse-omsorg", NULL, &error);
  NvProjectionWindow *projection;
  gint64 id;
  guint masked = 0;

  for (int i = 0; i < 3; i++)
    {
      g_autofree char *ref = g_strdup_printf ("T%d", i);
      gint64 emp = nv_employee_add (f->db.store, unit, ref, NULL, &error);
      nv_roster_add (f->db.store, emp, 1.0, nv_day_from_ymd (2023, 1, 1), NV_DAY_NONE, NULL, &error);
      if (i == 0)
        nv_spell_add (f->db.store, emp, nv_day_from_ymd (2024, 3, 4), nv_day_from_ymd (2024, 3, 22),
                      100, NV_SPELL_DOCTOR, NULL, &error);
      g_assert_no_error (error);
    }
  id = nv_workshop_add (f->db.store, unit, "2025-03-25", NULL, &error);
  deck = nv_workshop_deck_new (f->db.context, id, &error);
  g_assert_no_error (error);
  projection = nv_projection_window_new (deck);
  chart = nv_projection_window_build_chart (projection);
  g_assert_nonnull (chart);
  g_assert_cmpuint (nv_chart_get_n_categories (chart), >, 4);
  for (guint q = 0; q < nv_chart_get_n_categories (chart); q++)
    {
      g_assert_true (isnan (nv_chart_get_value (chart, 0, q)));
      masked += nv_chart_get_masked (chart, 0, q);
    }
  g_assert_cmpuint (masked, ==, nv_chart_get_n_categories (chart));
  gtk_window_destroy (GTK_WINDOW (projection));
}

static void
test_presenter (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (NvWorkshopDeck) deck = nv_workshop_deck_new (f->db.context, f->workshop, &error);
  NvPresenterWindow *presenter = nv_presenter_window_new (deck, NULL);
  g_autoptr (GPtrArray) ideas = NULL;

  g_object_add_weak_pointer (G_OBJECT (presenter), (gpointer *) &presenter);
  gtk_window_present (GTK_WINDOW (presenter));
  nv_test_spin_rounds (5, 10000);
  g_assert_true (shows_text (GTK_WIDGET (presenter), nv_workshop_deck_slide_title (deck, 1)));

  /* An idea typed during a round (slide 5: after the figures and the
   * 10-FAKTOR profile) is stored with that round's theme. */
  nv_workshop_deck_set_index (deck, 5);
  nv_test_spin_rounds (5, 10000);
  gtk_editable_set_text (nv_presenter_window_get_idea_entry (presenter), "  Dele vakter rettferdig ");
  g_signal_emit_by_name (nv_presenter_window_get_idea_entry (presenter), "activate");
  nv_test_spin_rounds (5, 10000);
  g_assert_cmpstr (gtk_editable_get_text (nv_presenter_window_get_idea_entry (presenter)), ==, "");
  ideas = nv_workshop_ideas (f->db.store, f->workshop, FALSE, &error);
  g_assert_cmpstr (((NvWorkshopIdea *) g_ptr_array_index (ideas, ideas->len - 1))->text, ==,
                   "Dele vakter rettferdig");
  g_assert_cmpstr (((NvWorkshopIdea *) g_ptr_array_index (ideas, ideas->len - 1))->theme, ==,
                   nv_workshop_deck_get_slide (deck, 5)->theme->id);
  g_assert_true (shows_text (GTK_WIDGET (presenter), "Dele vakter rettferdig"));
  save_png (GTK_WIDGET (presenter), "presenter.png");

  nv_workshop_deck_close (deck);
  nv_test_spin_rounds (5, 10000);
  g_assert_null (presenter);
}

static GtkScrolledWindow *
mapped_scroller (GtkWidget *widget)
{
  if (GTK_IS_SCROLLED_WINDOW (widget) && gtk_widget_get_mapped (widget)
      && gtk_widget_get_height (widget) > 200)
    return GTK_SCROLLED_WINDOW (widget);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      GtkScrolledWindow *found = mapped_scroller (c);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The workshop's agreed measures say «Overdue · N days» past their deadline,
 * as the Measures page does (issue 18 item 9); future ones do not. */
static void
test_measures_overdue (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (NvContext) context = nv_test_context_new (f->db.store, nv_day_from_ymd (2026, 12, 6));
  gint64 id = nv_workshop_add (f->db.store, f->unit, "2026-06-02", NULL, &error);
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  NvWorkshopView *view = g_object_new (NV_TYPE_WORKSHOP_VIEW, NULL);
  GtkWidget *list = gtk_list_box_new ();
  g_autofree char *late = nv_measure_overdue_text (94);

  g_assert_no_error (error);
  /* 03.09.2026 is 94 days before 06.12.2026. */
  g_assert_cmpint (nv_workshop_agree_measure (f->db.store, id, "Faste møtedager", "Leder",
                                              "2026-09-03", NULL, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (nv_workshop_agree_measure (f->db.store, id, "Nye vaktlister", "Tillitsvalgt",
                                              "2027-01-15", NULL, &error), >, 0);
  g_assert_no_error (error);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (view));
  gtk_box_append (GTK_BOX (box), list);
  gtk_window_set_child (GTK_WINDOW (window), box);
  gtk_window_present (GTK_WINDOW (window));
  nv_workshop_view_show (view, context, id);
  nv_test_spin_rounds (5, 10000);

  for (int editable = 0; editable < 2; editable++)
    {
      guint n_badges = 0;

      nv_workshop_view_fill_measures (view, GTK_LIST_BOX (list), editable);
      nv_test_spin_rounds (5, 10000);
      for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL;
           row = gtk_widget_get_next_sibling (row))
        if (shows_text (row, late))
          n_badges++;
      g_assert_cmpuint (n_badges, ==, 1);
    }
  gtk_window_destroy (GTK_WINDOW (window));
  nv_test_spin_rounds (5, 10000);
}

/* A new workshop opens at the top of Prepare, the checklist (item 8). */
static void
test_new_opens_at_top (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  NvWorkshopsPage *page = g_object_new (NV_TYPE_WORKSHOPS_PAGE, NULL);
  gint64 id = nv_workshop_add (f->db.store, f->unit, "2027-02-02", NULL, &error);
  GtkWidget *window = nv_test_page_window (page, f->db.context, f->unit, 1100, 600);
  GtkScrolledWindow *scroller;
  GtkAdjustment *v;

  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (window));
  nv_test_spin_rounds (5, 10000);
  nv_workshops_page_open (page, id);
  for (int i = 0; i < 4; i++)
    nv_test_spin_rounds (5, 10000);
  scroller = mapped_scroller (GTK_WIDGET (page));
  g_assert_nonnull (scroller);
  v = gtk_scrolled_window_get_vadjustment (scroller);
  g_assert_cmpfloat (gtk_adjustment_get_upper (v), >, gtk_adjustment_get_page_size (v));
  g_assert_cmpfloat (gtk_adjustment_get_value (v), ==, 0);
  gtk_window_destroy (GTK_WINDOW (window));
  nv_test_spin_rounds (5, 10000);
}

/* Xvfb has one screen: the slides show alone, the notes never over them;
 * N shows the notes instead of the slides and N (or the back button) returns. */
static void
test_single_screen (Fixture *f, gconstpointer data)
{
  GtkWindow *projection, *presenter;
  g_autofree char *hint = nv_projection_screens_hint (gdk_display_get_default ());

  g_assert_cmpuint (g_list_model_get_n_items (gdk_display_get_monitors (gdk_display_get_default ())),
                    ==, 1);
  if (english ())
    g_assert_cmpstr (hint, ==, "Slides on this screen · notes hidden, N shows them");
  nv_projection_start (NULL, f->db.context, f->workshop);
  nv_test_spin_rounds (5, 10000);
  projection = nv_projection_get_projection ();
  presenter = nv_projection_get_presenter ();
  g_assert_nonnull (projection);
  g_assert_nonnull (presenter);
  g_assert_true (nv_projection_is_single_screen ());
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (projection)));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (presenter)));

  g_assert_true (nv_projection_toggle_notes ());
  nv_test_spin_rounds (5, 10000);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (presenter)));
  /* Closing the notes on one screen only hides them; the slides go on. */
  gtk_window_close (presenter);
  nv_test_spin_rounds (5, 10000);
  g_assert_true (nv_projection_get_presenter () == presenter);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (presenter)));
  g_assert_true (nv_projection_get_projection () == projection);

  /* Esc on the slides ends both. */
  g_assert_true (nv_projection_toggle_notes ());
  nv_test_spin_rounds (5, 10000);
  gtk_window_destroy (projection);
  nv_test_spin_rounds (5, 10000);
  g_assert_null (nv_projection_get_projection ());
  g_assert_null (nv_projection_get_presenter ());
  g_assert_false (nv_projection_toggle_notes ());
}

/* The Start button says which screen gets what, to a screen reader too. */
static void
test_start_button (Fixture *f, gconstpointer data)
{
  GtkWidget *window = gtk_window_new ();
  NvWorkshopView *view = g_object_new (NV_TYPE_WORKSHOP_VIEW, NULL);
  GtkWidget *button = nv_workshop_view_start_button (view);
  g_autofree char *hint = nv_projection_screens_hint (gdk_display_get_default ());

  gtk_window_set_child (GTK_WINDOW (window), button);
  gtk_window_present (GTK_WINDOW (window));
  nv_test_spin_rounds (5, 10000);
  g_assert_true (shows_text (button, hint));
  g_assert_true (shows_text (button, _("Start Presenting")));
  gtk_window_destroy (GTK_WINDOW (window));
  g_object_ref_sink (view);
  g_object_unref (view);
  nv_test_spin_rounds (5, 10000);
}

static void
test_page (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  NvWorkshopsPage *page = g_object_new (NV_TYPE_WORKSHOPS_PAGE, NULL);
  GtkWidget *window = nv_test_page_window (page, f->db.context, f->unit, 1100, 800);
  g_autoptr (GPtrArray) steps = NULL;
  gint64 other;

  gtk_window_present (GTK_WINDOW (window));
  nv_test_spin_rounds (5, 10000);
  g_assert_cmpstr (nv_workshops_page_get_state (page), ==, "list");
  g_assert_true (shows_text (GTK_WIDGET (page), "Dialogsamling: nærvær hos oss"));
  if (english ())
    g_assert_true (shows_text (GTK_WIDGET (page), "Held · 15 of 16 steps done"));

  nv_workshops_page_open (page, f->workshop);
  nv_test_spin_rounds (5, 10000);
  g_assert_cmpstr (nv_workshops_page_get_state (page), ==, "workshop");

  /* A tick made elsewhere shows in the open view; state and count follow. */
  g_assert_true (nv_workshop_tick (f->db.store, f->workshop, "evaluate", TRUE, NULL, &error));
  nv_test_spin_rounds (5, 10000);
  g_assert_true (shows_text (GTK_WIDGET (page),
                             nv_workshop_state_label (NV_WORKSHOP_FOLLOWED_UP)));

  /* A unit without workshops shows the empty page. */
  other = nv_unit_add (f->db.store, "Tom avdeling", "annet", NULL, &error);
  nv_page_set_unit_id (NV_PAGE (page), other);
  nv_test_spin_rounds (5, 10000);
  g_assert_cmpstr (nv_workshops_page_get_state (page), ==, "empty");
  nv_page_set_unit_id (NV_PAGE (page), f->unit);
  nv_test_spin_rounds (5, 10000);
  g_assert_cmpstr (nv_workshops_page_get_state (page), ==, "list");
  steps = nv_workshop_steps (f->db.store, f->workshop, &error);
  g_assert_nonnull (steps);
  gtk_window_destroy (GTK_WINDOW (window));
  nv_test_spin_rounds (5, 10000);
}

/* Someone else (another connection) saved the workshop after the view read
 * it: the view's save is refused, the view shows their version, and the
 * change made again saves. */
static void
test_conflict_reloads (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *where = nv_test_store_location (f->db.dir, "naervaer.db");
  g_autoptr (NvStore) other = nv_store_open (where, &error);
  g_autoptr (NvWorkshop) theirs = NULL;
  g_autoptr (NvWorkshop) now = NULL;
  GtkWidget *window = gtk_window_new ();
  NvWorkshopView *view = g_object_new (NV_TYPE_WORKSHOP_VIEW, NULL);
  GtkWidget *overlay = adw_toast_overlay_new ();

  g_assert_no_error (error);
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), GTK_WIDGET (view));
  gtk_window_set_child (GTK_WINDOW (window), overlay);
  gtk_window_present (GTK_WINDOW (window));
  nv_workshop_view_show (view, f->db.context, f->workshop);
  nv_test_spin_rounds (5, 10000);

  theirs = nv_workshop_get (other, f->workshop, &error);
  theirs->staff = 17;
  g_assert_true (nv_workshop_update (other, theirs, &error));
  g_assert_no_error (error);

  view->workshop->staff = 3;
  g_assert_false (nv_workshop_view_save (view, &error));
  g_assert_error (error, NV_STORE_ERROR, NV_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_cmpint (view->workshop->staff, ==, 17);
  now = nv_workshop_get (f->db.store, f->workshop, &error);
  g_assert_cmpint (now->staff, ==, 17);

  view->workshop->staff = 3;
  g_assert_true (nv_workshop_view_save (view, &error));
  g_assert_no_error (error);
  g_clear_pointer (&now, nv_workshop_free);
  now = nv_workshop_get (other, f->workshop, &error);
  g_assert_cmpint (now->staff, ==, 3);
  gtk_window_destroy (GTK_WINDOW (window));
  nv_test_spin_rounds (5, 10000);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  /* Screenshots in the user's language: NV_SHOT_DIR with LANGUAGE=nb. */
  if (g_getenv ("NV_SHOT_DIR") != NULL && g_getenv ("NAERVAER_LOCALEDIR") != NULL)
    {
      setlocale (LC_ALL, "");
      bindtextdomain (GETTEXT_PACKAGE, g_getenv ("NAERVAER_LOCALEDIR"));
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      textdomain (GETTEXT_PACKAGE);
    }
  gtk_init ();
  adw_init ();
  nv_ui_register_resource ();

#define ADD(path, fn) g_test_add ("/workshops/" path, Fixture, NULL, setup, fn, teardown)
  ADD ("projection", test_projection);
  ADD ("projection-masked", test_projection_masked);
  ADD ("presenter", test_presenter);
  ADD ("page", test_page);
  ADD ("single-screen", test_single_screen);
  ADD ("new-opens-at-top", test_new_opens_at_top);
  ADD ("measures-overdue", test_measures_overdue);
  ADD ("start-button", test_start_button);
  ADD ("conflict-reloads", test_conflict_reloads);
#undef ADD
  return g_test_run ();
}
