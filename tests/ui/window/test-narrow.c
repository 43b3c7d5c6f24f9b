/* A Norwegian session (issue 18): every section works in a narrow window
 * (item 2); no English in the shortcuts window or the About window (item 5).
 *
 * The window's smallest width is 360 px (a phone, or a laptop screen split
 * in two). For each section, with a demo unit's figures and in Norwegian
 * (the longest words), the window must not ask for more than that, at any
 * height: then it never snaps back wider than the user made it. */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <stdlib.h>

#include "nv-test-store.h"
#include "nv-test-ui.h"
#include "nv-calendar.h"
#include "nv-demo.h"
#include "nv-ui-resources.h"
#include "nv-window.h"
#include "nv-about.h"
#include "nv-unit.h"
#include <string.h>

#define NARROWEST 360

static const char *const sections[]
    = { "overview", "absence", "followup", "workshops", "measures", "compare", "municipality" };

/* The deepest widgets that ask for more than @limit: what to fix. */
static void
report_wide (GtkWidget *widget, int limit, int depth)
{
  gboolean child_wide = FALSE;
  int min;

  if (!gtk_widget_get_visible (widget))
    return;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      if (!gtk_widget_get_visible (c))
        continue;
      gtk_widget_measure (c, GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
      if (min > limit)
        {
          child_wide = TRUE;
          report_wide (c, limit, depth + 1);
        }
    }
  if (!child_wide)
    {
      g_autoptr (GString) path = g_string_new (NULL);

      for (GtkWidget *w = widget; w != NULL && GTK_IS_WINDOW (w) == FALSE;
           w = gtk_widget_get_parent (w))
        if (g_str_has_prefix (G_OBJECT_TYPE_NAME (w), "Nv"))
          g_string_prepend (path, G_OBJECT_TYPE_NAME (w)), g_string_prepend (path, "/");
      gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
      g_test_message ("too wide: %s in %s (%d px) %s", G_OBJECT_TYPE_NAME (widget), path->str, min,
                      GTK_IS_LABEL (widget) ? gtk_label_get_text (GTK_LABEL (widget)) : "");
    }
}

/* No switcher or button row runs into the window's left or right edge
 * (the Municipality page's «10-FAKTOR og sykefravær» switcher did). */
static void
check_off_edges (GtkWidget *widget, GtkWidget *window)
{
  if (!gtk_widget_get_mapped (widget))
    return;
  /* (one in a sideways scroller, as the Absence tabs, may run past) */
  if (GTK_IS_STACK_SWITCHER (widget)
      && gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW) == NULL)
    {
      graphene_rect_t bounds;

      g_assert_true (gtk_widget_compute_bounds (widget, window, &bounds));
      g_test_message ("stack switcher at %.0f–%.0f px of %d", bounds.origin.x,
                      bounds.origin.x + bounds.size.width, gtk_widget_get_width (window));
      g_assert_cmpfloat (bounds.origin.x, >=, 6);
      g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=,
                         gtk_widget_get_width (window) - 6);
    }
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    check_off_edges (c, window);
}

/* The Follow-up lists' rows (one-column grid views) are one line of title over the detail (dim
 * caption); at 360 px the title — who and which step — is whole, and so is the detail («Fristen
 * var 23.11.2026 · 14 dager over fristen»), on more lines if need be. */
static guint
count_row_titles (GtkWidget *widget, gboolean check)
{
  GtkWidget *next = gtk_widget_get_next_sibling (widget);
  guint n = 0;

  if (!gtk_widget_get_mapped (widget))
    return 0;
  if (GTK_IS_LABEL (widget) && next != NULL && GTK_IS_LABEL (next)
      && gtk_widget_has_css_class (next, "caption")
      && gtk_label_get_ellipsize (GTK_LABEL (widget)) != PANGO_ELLIPSIZE_NONE
      && gtk_widget_get_ancestor (widget, GTK_TYPE_GRID_VIEW) != NULL)
    {
      if (check)
        {
          g_test_message ("row title «%s»: %d px", gtk_label_get_text (GTK_LABEL (widget)),
                          gtk_widget_get_width (widget));
          g_assert_false (pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (widget))));
          g_assert_false (nv_test_label_is_cut (widget));
          g_test_message ("row detail «%s»: %d px", gtk_label_get_text (GTK_LABEL (next)),
                          gtk_widget_get_width (next));
          g_assert_false (nv_test_label_is_cut (next));
          /* within the row, not under its button */
          g_assert_cmpint (gtk_widget_get_width (next), <=,
                           gtk_widget_get_width (gtk_widget_get_parent (next)));
        }
      n++;
    }
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    n += count_row_titles (c, check);
  return n;
}

static gboolean
has_row_titles (gpointer window)
{
  return count_row_titles (window, FALSE) > 0;
}

static void
check_row_titles_whole (GtkWidget *window)
{
  /* The demo unit has steps overdue and due soon; the page builds its
   * lists after its first frame. */
  nv_test_wait_until (has_row_titles, window, 20, "the Follow-up lists' rows");
  nv_test_spin_rounds (4, 5000);
  g_assert_cmpuint (count_row_titles (window, TRUE), >, 0);
}

static void
test_sections (void)
{
  g_autofree char *dir = nv_test_tmpdir ();
  g_autoptr (NvStore) store = nv_test_open_store (dir, "naervaer.db");
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  NvDay today = nv_day_today ();
  g_autoptr (NvContext) context = nv_test_context_new (store, today);
  NvWindow *window;

  /* Two units: the Municipality section is shown from two on. */
  g_assert_true (nv_demo_fill_full (store, 2, 5, today, 7, ids, &error));
  g_assert_no_error (error);
  /* Someone back at work after 50 days with steps still overdue: the
   * longest detail («Fristen var … · 45 dager over fristen · tilbake i jobb
   * siden …»). */
  nv_test_add_spell (store,
                     nv_test_add_staff (store, g_array_index (ids, gint64, 0), "ZZ", 100,
                                        today - 400),
                     today - 60, today - 10, 100, NV_SPELL_DOCTOR);
  window = nv_window_new (NULL, context);
  nv_window_select_unit (window, g_array_index (ids, gint64, 0));
  gtk_window_set_default_size (GTK_WINDOW (window), NARROWEST, 700);
  gtk_window_present (GTK_WINDOW (window));
  nv_test_spin_rounds (4, 5000);
  g_assert_cmpstr (nv_window_get_state (window), ==, "sections");

  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      int min = 0;
      static int width;

      nv_window_show_section (window, sections[i]);
      nv_test_spin_rounds (4, 5000);
      gtk_widget_measure (adw_application_window_get_content (ADW_APPLICATION_WINDOW (window)),
                          GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
      g_test_message ("%s: content needs %d px, window is %d px", sections[i], min,
                      gtk_widget_get_width (GTK_WIDGET (window)));
      if (min > NARROWEST)
        {
          g_test_message ("section %s needs %d px", sections[i], min);
          report_wide (
              GTK_WIDGET (window),
              g_getenv ("NV_NARROW_REPORT") ? atoi (g_getenv ("NV_NARROW_REPORT")) : NARROWEST, 0);
        }
      if (i == 0)
        width = gtk_widget_get_width (GTK_WIDGET (window));
      if (min > width)
        report_wide (GTK_WIDGET (window), width, 0);
      g_assert_cmpint (min, <=, NARROWEST);
      /* What the window was given is what it keeps: no section widens it. */
      g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), ==, width);
      check_off_edges (GTK_WIDGET (window), GTK_WIDGET (window));
      if (g_str_equal (sections[i], "followup"))
        check_row_titles_whole (GTK_WIDGET (window));
    }
  gtk_window_destroy (GTK_WINDOW (window));
  nv_test_spin_rounds (4, 5000);
  nv_test_rmtree (dir);
}

static void
collect_text (GtkWidget *widget, GString *out)
{
  if (GTK_IS_LABEL (widget))
    g_string_append_printf (out, "%s\n", gtk_label_get_text (GTK_LABEL (widget)));
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    collect_text (c, out);
}

static void
test_shortcuts_in_norwegian (void)
{
  g_autofree char *dir = nv_test_tmpdir ();
  g_autoptr (NvStore) store = nv_test_open_store (dir, "naervaer.db");
  g_autoptr (NvContext) context = nv_test_context_new (store, NV_DAY_NONE);
  NvWindow *window = nv_window_new (NULL, context);
  g_autoptr (GString) text = g_string_new (NULL);
  const char *english[] = { "Page Down", "Page Up", "Home", "End", "Escape" };

  gtk_window_present (GTK_WINDOW (window));
  nv_test_spin_rounds (4, 5000);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  nv_test_spin_rounds (4, 5000);
  collect_text (
      GTK_WIDGET (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window))), text);
  g_test_message ("%s", text->str);
  for (guint i = 0; i < G_N_ELEMENTS (english); i++)
    {
      g_autofree char *line = g_strdup_printf ("\n%s\n", english[i]);
      g_assert_null (strstr (text->str, line));
    }
  g_assert_nonnull (strstr (text->str, "\nSide ned\n"));
  g_assert_nonnull (strstr (text->str, "\nEsc\n"));
  gtk_window_destroy (GTK_WINDOW (window));
  nv_test_spin_rounds (4, 5000);
  nv_test_rmtree (dir);
}

/* The label showing @text inside a drop-down under @widget (the header's
 * unit switcher shows the selected unit's name). */
static GtkWidget *
drop_down_label (GtkWidget *widget, const char *text, gboolean in_drop_down)
{
  if (in_drop_down && GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget)
      && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return widget;
  in_drop_down = in_drop_down || GTK_IS_DROP_DOWN (widget);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = drop_down_label (c, text, in_drop_down);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* At 1280 px and at 800 px the header's unit drop-down shows a long unit
 * name whole (issue 18: «Hjem…» before). */
static void
test_unit_switcher_width (gconstpointer data)
{
  g_autofree char *dir = nv_test_tmpdir ();
  g_autoptr (NvStore) store = nv_test_open_store (dir, "naervaer.db");
  g_autoptr (NvContext) context = nv_test_context_new (store, NV_DAY_NONE);
  g_autoptr (GError) error = NULL;
  const char *name = "Hjemmetjenesten Nordre";
  NvWindow *window;
  GtkWidget *label = NULL;
  gint64 unit;

  unit = nv_unit_add (store, name, "helse-omsorg", NULL, &error);
  g_assert_no_error (error);
  nv_unit_add (store, "Kløverenga barnehage", "barnehage", NULL, &error);
  g_assert_no_error (error);
  window = nv_window_new (NULL, context);
  gtk_window_set_default_size (GTK_WINDOW (window), GPOINTER_TO_INT (data), 800);
  gtk_window_present (GTK_WINDOW (window));
  nv_window_select_unit (window, unit);
  /* Laid out after an idle (the window's width known): until then the
   * name may be cut, so look until it is whole or 200 rounds have passed. */
  for (guint i = 0; i < 200; i++)
    {
      nv_test_spin_rounds (1, 20000);
      label = drop_down_label (GTK_WIDGET (window), name, FALSE);
      if (label != NULL && !pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (label))))
        break;
    }
  g_assert_nonnull (label);
  g_test_message ("window %d px, unit name label %d px", gtk_widget_get_width (GTK_WIDGET (window)),
                  gtk_widget_get_width (label));
  /* (the window's own width leaves out its frame) */
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, GPOINTER_TO_INT (data));
  g_assert_false (pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (label))));
  {
    int natural = 0;
    gtk_widget_measure (label, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
    g_assert_cmpint (gtk_widget_get_width (label), >=, natural);
  }
  /* The bottom bar holds the tabs where the header has no room for them;
   * a wide window never builds them there (measured for nothing). */
  {
    AdwViewSwitcherBar *bar = ADW_VIEW_SWITCHER_BAR (
        nv_test_find_widget (GTK_WIDGET (window), ADW_TYPE_VIEW_SWITCHER_BAR));
    gboolean narrow = GPOINTER_TO_INT (data) < 1000;

    for (guint i = 0; i < 200 && narrow && !adw_view_switcher_bar_get_reveal (bar); i++)
      nv_test_spin_rounds (1, 20000);
    g_assert_true (adw_view_switcher_bar_get_reveal (bar) == narrow);
    g_assert_true ((adw_view_switcher_bar_get_stack (bar) != NULL) == narrow);
  }
  gtk_window_destroy (GTK_WINDOW (window));
  nv_test_spin_rounds (4, 5000);
  nv_test_rmtree (dir);
}

static void
test_about_in_norwegian (void)
{
  GtkWindow *about = nv_about_window_new (NULL);
  g_autoptr (GString) text = g_string_new (NULL);
  const char *english[] = { "Details", "Report an Issue", "Credits", "Legal", "Website" };

  /* Debian 12's libadwaita 1.2 has no Norwegian: our own window then. */
  if (g_strcmp0 (g_dgettext ("libadwaita", "Details"), "Details") == 0)
    g_assert_false (ADW_IS_ABOUT_WINDOW (about));
  else
    g_assert_true (ADW_IS_ABOUT_WINDOW (about));
  gtk_window_present (about);
  nv_test_spin_rounds (4, 5000);
  collect_text (GTK_WIDGET (about), text);
  g_test_message ("%s", text->str);
  for (guint i = 0; i < G_N_ELEMENTS (english); i++)
    g_assert_null (strstr (text->str, english[i]));
  g_assert_nonnull (strstr (text->str, "Nærvær"));
  g_assert_nonnull (strstr (text->str, PACKAGE_VERSION));
  gtk_window_destroy (about);
  nv_test_spin_rounds (4, 5000);
}

int
main (int argc, char **argv)
{
  /* Norwegian: the longest labels. */
  nv_test_ui_init_nb (&argc, &argv);

  g_test_add_func ("/ui/narrow/sections", test_sections);
  /* 1280 px: beside the tabs; 800 px: the tabs in the bottom bar. */
  g_test_add_data_func ("/ui/window/unit-switcher-width/1280", GINT_TO_POINTER (1280),
                        test_unit_switcher_width);
  g_test_add_data_func ("/ui/window/unit-switcher-width/800", GINT_TO_POINTER (800),
                        test_unit_switcher_width);
  g_test_add_func ("/ui/norwegian/shortcuts", test_shortcuts_in_norwegian);
  g_test_add_func ("/ui/norwegian/about", test_about_in_norwegian);
  return g_test_run ();
}
