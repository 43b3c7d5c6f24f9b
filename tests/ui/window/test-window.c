/* The main window and the unit dialog, under Xvfb. */
#include "config.h"

#include <adwaita.h>

#include "nv-test-store.h"
#include "nv-test-ui.h"
#include "nv-absence-page.h"
#include "nv-absence.h"
#include "nv-application.h"
#include "nv-ui-resources.h"
#include "nv-unit-dialog.h"
#include "nv-unit.h"
#include "nv-window.h"

typedef NvTestDb Fixture;

static void
setup (Fixture *f, gconstpointer data)
{
  nv_test_db_open_with_context (f, NV_DAY_NONE);
}

static void
teardown (Fixture *f, gconstpointer data)
{
  nv_test_db_close (f);
}


static void
test_welcome_then_sections (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  NvWindow *window = nv_window_new (NULL, f->context);
  gint64 a, b;

  gtk_window_present (GTK_WINDOW (window));
  nv_test_spin ();
  g_assert_cmpstr (nv_window_get_state (window), ==, "welcome");
  g_assert_cmpint (nv_window_get_unit_id (window), ==, 0);

  a = nv_unit_add (f->store, "Solsikken", "barnehage", NULL, &error);
  g_assert_no_error (error);
  nv_test_spin ();
  g_assert_cmpstr (nv_window_get_state (window), ==, "sections");
  g_assert_cmpint (nv_window_get_unit_id (window), ==, a);

  b = nv_unit_add (f->store, "Avdeling 2B", "helse-omsorg", NULL, &error);
  nv_test_spin ();
  /* adding a unit elsewhere keeps the current one selected */
  g_assert_cmpint (nv_window_get_unit_id (window), ==, a);
  nv_window_select_unit (window, b);
  g_assert_cmpint (nv_window_get_unit_id (window), ==, b);

  nv_window_show_section (window, "measures");
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (nv_window_get_view_stack (window)), ==,
                   "measures");
  nv_window_show_section (window, "no-such-section");
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (nv_window_get_view_stack (window)), ==,
                   "measures");

  g_assert_true (nv_unit_delete (f->store, b, &error));
  nv_test_spin ();
  g_assert_cmpint (nv_window_get_unit_id (window), ==, a);
  g_assert_true (nv_unit_delete (f->store, a, &error));
  nv_test_spin ();
  g_assert_cmpstr (nv_window_get_state (window), ==, "welcome");

  gtk_window_destroy (GTK_WINDOW (window));
  nv_test_spin ();
}

static void
saved_cb (gint64 unit_id, gpointer user_data)
{
  *(gint64 *) user_data = unit_id;
}

static void
test_unit_dialog_validation (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  gint64 saved = 0;
  GtkWindow *dialog;
  GtkEditable *name;

  nv_unit_add (f->store, "Solsikken", "barnehage", NULL, &error);
  dialog = nv_unit_dialog_new (NULL, f->store, 0, saved_cb, &saved);
  name = nv_unit_dialog_get_name (dialog);
  gtk_window_present (dialog);
  nv_test_spin ();

  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "save"));
  gtk_editable_set_text (name, "solsikken");
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "save"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (name), "error"));
  gtk_editable_set_text (name, "   ");
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "save"));
  gtk_editable_set_text (name, "Tusenfryd");
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "save"));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (name), "error"));

  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "save");
  nv_test_spin ();
  g_assert_cmpint (saved, >, 0);
  {
    g_autoptr (NvUnit) unit = nv_unit_get (f->store, saved, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (unit->name, ==, "Tusenfryd");
    g_assert_cmpstr (unit->sector, ==, "helse-omsorg");
  }

  /* Enter in the last field (municipality) creates the unit (item 11). */
  saved = 0;
  dialog = nv_unit_dialog_new (NULL, f->store, 0, saved_cb, &saved);
  gtk_window_present (dialog);
  nv_test_spin ();
  gtk_editable_set_text (nv_unit_dialog_get_name (dialog), "Blåklokka");
  {
    GtkWidget *name_row = GTK_WIDGET (nv_unit_dialog_get_name (dialog));
    GtkWidget *last = gtk_widget_get_last_child (gtk_widget_get_parent (name_row));

    g_assert_true (ADW_IS_ENTRY_ROW (last) && last != name_row);
    gtk_editable_set_text (GTK_EDITABLE (last), "Fjordvik");
    g_signal_emit_by_name (last, "entry-activated");
  }
  nv_test_spin ();
  g_assert_cmpint (saved, >, 0);
}

static void
test_application_window_size (Fixture *f, gconstpointer data)
{
  GSettings *settings = nv_context_get_settings (f->context);
  NvWindow *window;
  int width = 0, height = 0;

  g_settings_set_int (settings, "window-width", 1000);
  window = nv_window_new (NULL, f->context);
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 1000);
  gtk_window_set_default_size (GTK_WINDOW (window), 1111, 700);
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 1111);
  gtk_window_destroy (GTK_WINDOW (window));
  nv_test_spin ();
}

/* The shortcuts window is built when first asked for, then shown again. */
static void
test_help_overlay (Fixture *f, gconstpointer data)
{
  NvWindow *window = nv_window_new (NULL, f->context);
  GtkShortcutsWindow *overlay;

  gtk_window_present (GTK_WINDOW (window));
  nv_test_spin ();
  g_assert_null (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  nv_test_spin ();
  overlay = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window));
  g_assert_nonnull (overlay);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (overlay)));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (overlay)) == GTK_WINDOW (window));

  gtk_window_close (GTK_WINDOW (overlay));
  nv_test_spin ();
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (overlay)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  nv_test_spin ();
  g_assert_true (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)) ==
                 overlay);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (overlay)));

  gtk_window_destroy (GTK_WINDOW (window));
  nv_test_spin ();
}

/* The main menu's popover is built when the menu is first opened. */
static void
test_main_menu (Fixture *f, gconstpointer data)
{
  NvWindow *window = nv_window_new (NULL, f->context);
  GtkMenuButton *button;
  GtkPopover *popover;
  GMenuModel *model;

  gtk_window_present (GTK_WINDOW (window));
  nv_test_spin ();
  button = GTK_MENU_BUTTON (nv_test_find_widget (GTK_WIDGET (window), GTK_TYPE_MENU_BUTTON));
  g_assert_nonnull (button);
  g_assert_null (gtk_menu_button_get_popover (button));
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (button)));

  gtk_menu_button_popup (button);
  nv_test_spin ();
  popover = gtk_menu_button_get_popover (button);
  model = gtk_menu_button_get_menu_model (button);
  g_assert_nonnull (popover);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (popover)));
  g_assert_nonnull (model);
  g_assert_cmpint (g_menu_model_get_n_items (model), ==, 3); /* units; report; app */
  {
    g_autoptr (GMenuModel) report = g_menu_model_get_item_link (model, 1, G_MENU_LINK_SECTION);
    g_autoptr (GMenuModel) app = g_menu_model_get_item_link (model, 2, G_MENU_LINK_SECTION);
    g_autofree char *print = NULL, *export = NULL, *help = NULL;

    g_assert_true (g_menu_model_get_item_attribute (report, 0, G_MENU_ATTRIBUTE_ACTION, "s",
                                                    &print));
    g_assert_true (g_menu_model_get_item_attribute (report, 1, G_MENU_ATTRIBUTE_ACTION, "s",
                                                    &export));
    g_assert_cmpstr (print, ==, "win.report-print");
    g_assert_cmpstr (export, ==, "win.report-export");
    for (int i = 0; i < g_menu_model_get_n_items (app) && help == NULL; i++)
      {
        g_autofree char *action = NULL;
        if (g_menu_model_get_item_attribute (app, i, G_MENU_ATTRIBUTE_ACTION, "s", &action) &&
            g_str_equal (action, "app.help"))
          help = g_steal_pointer (&action);
      }
    g_assert_cmpstr (help, ==, "app.help");
  }

  gtk_menu_button_popdown (button);
  nv_test_spin ();
  gtk_menu_button_popup (button);
  nv_test_spin ();
  g_assert_true (gtk_menu_button_get_popover (button) == popover);

  gtk_menu_button_popdown (button);
  nv_test_spin ();
  gtk_window_destroy (GTK_WINDOW (window));
  nv_test_spin ();
}

static GtkWidget *
toast_button (GtkWidget *widget, GtkWidget *overlay_child)
{
  if (widget == overlay_child)
    return NULL;
  if (GTK_IS_BUTTON (widget) && gtk_widget_get_mapped (widget))
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = toast_button (c, overlay_child);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Focus does not stay on a toast when what had it is gone (a dialog closed
 * and the list behind it was rebuilt): it goes back to the page, and the
 * toast can time out (issue 18, item 7). */
static void
test_focus_off_toasts (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  NvWindow *window = nv_window_new (NULL, f->context);
  AdwToastOverlay *overlay;
  GtkWidget *close, *focus, *opener;

  nv_unit_add (f->store, "Solsikken", "barnehage", NULL, &error);
  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (window));
  nv_test_spin ();
  overlay = ADW_TOAST_OVERLAY (nv_test_find_widget (GTK_WIDGET (window), ADW_TYPE_TOAST_OVERLAY));
  g_assert_nonnull (overlay);
  nv_window_toast (window, "Sykefravær lagt til");
  nv_test_spin ();
  close = toast_button (GTK_WIDGET (overlay), adw_toast_overlay_get_child (overlay));
  g_assert_nonnull (close);
  /* The button that opened the dialog had focus, then went away. */
  opener = toast_button (adw_toast_overlay_get_child (overlay), NULL);
  g_assert_nonnull (opener);
  g_assert_true (gtk_widget_grab_focus (opener));
  nv_test_spin ();
  gtk_widget_set_visible (opener, FALSE);
  nv_test_spin ();
  g_assert_true (gtk_widget_grab_focus (close));
  for (int i = 0; i < 3; i++)
    nv_test_spin ();
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_nonnull (focus);
  g_assert_null (toast_button (GTK_WIDGET (overlay), adw_toast_overlay_get_child (overlay)) == focus
                 ? focus : NULL);
  g_assert_false (gtk_widget_is_ancestor (focus, close) || focus == close);
  gtk_widget_set_visible (opener, TRUE);
  gtk_window_destroy (GTK_WINDOW (window));
  nv_test_spin ();
}

/* Switching units reloads the visible section only; a section built before
 * and hidden now reloads when it is shown again. */
static void
test_hidden_sections_reload_when_shown (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  NvWindow *window = nv_window_new (NULL, f->context);
  NvAbsencePage *absence;
  gint64 a, b, e;

  a = nv_unit_add (f->store, "Solsikken", "barnehage", NULL, &error);
  b = nv_unit_add (f->store, "Avdeling 2B", "helse-omsorg", NULL, &error);
  e = nv_employee_add (f->store, a, "AB", NULL, &error);
  nv_roster_add (f->store, e, 1.0, nv_day_from_ymd (2026, 1, 1), NV_DAY_NONE, NULL, &error);
  g_assert_no_error (error);
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  gtk_window_present (GTK_WINDOW (window));
  nv_test_spin ();
  nv_window_select_unit (window, a);
  nv_window_show_section (window, "absence");
  absence = NV_ABSENCE_PAGE (nv_window_get_page (window, "absence"));
  nv_test_spin ();
  g_assert_false (nv_absence_page_is_empty (absence, "roster"));

  /* Hidden: the other unit is not loaded yet … */
  nv_window_show_section (window, "measures");
  nv_test_spin ();
  nv_window_select_unit (window, b);
  nv_test_spin ();
  g_assert_false (nv_absence_page_is_empty (absence, "roster"));
  /* … until the section is shown. */
  nv_window_show_section (window, "absence");
  nv_test_spin ();
  g_assert_true (nv_absence_page_is_empty (absence, "roster"));

  /* A change while hidden, too; asking the window for the page brings it
   * up to date. */
  nv_window_show_section (window, "measures");
  nv_test_spin ();
  nv_window_select_unit (window, a);
  nv_test_spin ();
  g_assert_true (nv_absence_page_is_empty (absence, "roster"));
  g_assert_true (NV_PAGE (absence) == nv_window_get_page (window, "absence"));
  g_assert_false (nv_absence_page_is_empty (absence, "roster"));

  gtk_window_destroy (GTK_WINDOW (window));
  nv_test_spin ();
}

static void
painted_cb (GdkFrameClock *clock, guint *frames)
{
  ++*frames;
}

static void
realize_connect_painted (GtkWidget *window, guint *frames)
{
  g_signal_connect_after (gtk_widget_get_frame_clock (window), "after-paint",
                          G_CALLBACK (painted_cb), frames);
}

static gboolean
two_frames (gpointer data)
{
  return *(guint *) data >= 2;
}

/* The header's switcher picks narrow tabs at this width in the first
 * frame's layout, against the wide ones it starts with. It does so at once:
 * by the second frame no cross-fade runs (one did, repainting the header
 * for 200 ms after the first), and it fades again when the window is
 * resized. */
static void
test_header_settled_at_first_frame (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  NvWindow *window;
  AdwSqueezer *squeezer;
  guint frames = 0;

  nv_unit_add (f->store, "Storheimen omsorgssenter", "helse-omsorg", NULL, &error);
  g_assert_no_error (error);
  window = nv_window_new (NULL, f->context);
  gtk_window_set_default_size (GTK_WINDOW (window), 1180, 760);
  g_signal_connect (window, "realize", G_CALLBACK (realize_connect_painted), &frames);
  gtk_window_present (GTK_WINDOW (window));
  nv_test_wait_until (two_frames, &frames, 10, "two frames");
  squeezer = ADW_SQUEEZER (nv_test_find_widget (GTK_WIDGET (window), ADW_TYPE_SQUEEZER));
  g_assert_nonnull (squeezer);
  g_assert_false (adw_squeezer_get_transition_running (squeezer));
  g_assert_cmpint (adw_squeezer_get_transition_type (squeezer), ==,
                   ADW_SQUEEZER_TRANSITION_TYPE_CROSSFADE);

  g_signal_handlers_disconnect_by_func (gtk_widget_get_frame_clock (GTK_WIDGET (window)),
                                        painted_cb, &frames);
  gtk_window_destroy (GTK_WINDOW (window));
  nv_test_spin ();
}

int
main (int argc, char **argv)
{
  nv_test_ui_init (&argc, &argv);

  g_test_add ("/ui/window/hidden-sections-reload-when-shown", Fixture, NULL, setup,
              test_hidden_sections_reload_when_shown, teardown);
  g_test_add ("/ui/window/header-settled-at-first-frame", Fixture, NULL, setup,
              test_header_settled_at_first_frame, teardown);
  g_test_add ("/ui/window/welcome-then-sections", Fixture, NULL, setup,
              test_welcome_then_sections, teardown);
  g_test_add ("/ui/unit-dialog/validation", Fixture, NULL, setup, test_unit_dialog_validation,
              teardown);
  g_test_add ("/ui/window/size-remembered", Fixture, NULL, setup, test_application_window_size,
              teardown);
  g_test_add ("/ui/window/help-overlay", Fixture, NULL, setup, test_help_overlay, teardown);
  g_test_add ("/ui/window/main-menu", Fixture, NULL, setup, test_main_menu, teardown);
  g_test_add ("/ui/window/focus-off-toasts", Fixture, NULL, setup, test_focus_off_toasts,
              teardown);
  return g_test_run ();
}
