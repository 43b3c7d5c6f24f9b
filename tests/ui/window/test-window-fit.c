/* The main window's first size fits the screen it opens on (issue 13): the
 * default 1180 × 760 where it fits with room to spare, maximized where it
 * nearly fills the work area (a 1280 × 800 laptop), never larger than the
 * work area, and a size the user chose kept unless it no longer fits. */
#include "config.h"

#include <adwaita.h>

#include "nv-test-store.h"
#include "nv-test-ui.h"
#include "nv-ui-resources.h"
#include "nv-window-fit.h"
#include "nv-window.h"

typedef NvTestDb Fixture;

static void
test_compute (void)
{
  static const struct
  {
    int width, height;
    gboolean chosen;
    int area_width, area_height;
    int want_width, want_height;
    gboolean want_maximize;
  } cases[] = {
    /* 1280 × 800 with GNOME's top bar: 92 % and 99 % of the work area */
    { 1180, 760, FALSE, 1280, 768, 1180, 760, TRUE },
    { 1180, 760, FALSE, 1366, 736, 1180, 736, TRUE },
    /* a netbook: the size it returns to fits too */
    { 1180, 760, FALSE, 1024, 600, 1024, 600, TRUE },
    /* room to spare: the default size */
    { 1180, 760, FALSE, 1920, 1048, 1180, 760, FALSE },
    { 1180, 760, FALSE, 1440, 868, 1180, 760, FALSE },
    /* exactly 90 % is room enough */
    { 900, 540, FALSE, 1000, 600, 900, 540, FALSE },
    /* the user's own size: kept, made smaller only to fit */
    { 1180, 760, TRUE, 1280, 768, 1180, 760, FALSE },
    { 1600, 1000, TRUE, 1280, 768, 1280, 768, FALSE },
    /* no monitor known: as it is */
    { 1180, 760, FALSE, 0, 0, 1180, 760, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      NvWindowFit fit = nv_window_fit_compute (cases[i].width, cases[i].height, cases[i].chosen,
                                               cases[i].area_width, cases[i].area_height);
      g_test_message ("%d × %d in %d × %d: %d × %d%s", cases[i].width, cases[i].height,
                      cases[i].area_width, cases[i].area_height, fit.width, fit.height,
                      fit.maximize ? " maximized" : "");
      g_assert_cmpint (fit.width, ==, cases[i].want_width);
      g_assert_cmpint (fit.height, ==, cases[i].want_height);
      g_assert_cmpint (fit.maximize, ==, cases[i].want_maximize);
    }
}

/* The header's unit drop-down: the name's width where the window leaves
 * room beside the tabs (or the title), never over 320 px, natural (-1)
 * where less than 120 px is left. */
static void
test_unit_switcher_width (void)
{
  static const struct
  {
    int text, window;
    gboolean tabs_in_header;
    int want;
  } cases[] = {
    /* 1280 px, tabs in the header: 400 px of room */
    { 200, 1280, TRUE, 256 },
    { 400, 1280, TRUE, 320 },
    { 200, 1000, TRUE, 120 },
    { 200, 999, TRUE, -1 },
    /* narrow: the left half beside the centred title */
    { 100, 800, FALSE, 156 },
    { 300, 800, FALSE, 320 },
    { 300, 600, FALSE, 220 },
    { 100, 360, FALSE, -1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpint (
        nv_window_fit_unit_switcher (cases[i].text, cases[i].window, cases[i].tabs_in_header), ==,
        cases[i].want);
}

/* On this display (Xvfb 1920 × 1080, no panels): the default size, nothing
 * written to the settings. */
static void
test_window_default (Fixture *f, gconstpointer data)
{
  GSettings *settings = nv_context_get_settings (f->context);
  NvWindow *window = nv_window_new (NULL, f->context);
  GdkRectangle area;
  int width = 0, height = 0;

  g_assert_true (nv_window_fit_work_area (gdk_display_get_default (), &area));
  g_test_message ("work area %d × %d", area.width, area.height);
  if (area.width < 1400 || area.height < 900)
    {
      g_test_skip ("the display is smaller than 1400 × 900");
      gtk_window_destroy (GTK_WINDOW (window));
      return;
    }
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 1180);
  g_assert_cmpint (height, ==, 760);
  g_assert_false (gtk_window_is_maximized (GTK_WINDOW (window)));
  g_assert_null (g_settings_get_user_value (settings, "window-width"));
  g_assert_null (g_settings_get_user_value (settings, "window-maximized"));
  gtk_window_destroy (GTK_WINDOW (window));
  nv_test_spin ();
}

/* A size saved on a larger monitor is made to fit this one when the window
 * is made (it would be 3000 px wide otherwise). */
static void
test_window_saved_too_large (Fixture *f, gconstpointer data)
{
  GSettings *settings = nv_context_get_settings (f->context);
  GdkRectangle area;
  NvWindow *window;
  int width = 0, height = 0;

  g_settings_set_int (settings, "window-width", 3000);
  g_settings_set_int (settings, "window-height", 2000);
  window = nv_window_new (NULL, f->context);
  g_assert_true (nv_window_fit_work_area (gdk_display_get_default (), &area));
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, area.width);
  g_assert_cmpint (height, ==, area.height);
  g_assert_false (gtk_window_is_maximized (GTK_WINDOW (window)));
  gtk_window_present (GTK_WINDOW (window));
  nv_test_spin ();
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, area.width);
  gtk_window_destroy (GTK_WINDOW (window));
  nv_test_spin ();
}

/* On a 1280 × 800 laptop (work area 1280 × 768): maximized, and that is
 * remembered as the user's maximizing would be; unmaximized it is 1180 × 760. */
static void
test_window_laptop (Fixture *f, gconstpointer data)
{
  GSettings *settings = nv_context_get_settings (f->context);
  NvWindow *window = nv_window_new (NULL, f->context);
  const GdkRectangle laptop = { 0, 32, 1280, 768 };
  int width = 0, height = 0;

  nv_window_fit_to_screen (GTK_WINDOW (window), settings, &laptop);
  g_assert_true (gtk_window_is_maximized (GTK_WINDOW (window)));
  g_assert_true (g_settings_get_boolean (settings, "window-maximized"));
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 1180);
  g_assert_cmpint (height, ==, 760);
  gtk_window_destroy (GTK_WINDOW (window));
  nv_test_spin ();
}

int
main (int argc, char **argv)
{
  nv_test_ui_init (&argc, &argv);

  g_test_add_func ("/ui/window-fit/compute", test_compute);
  g_test_add_func ("/ui/window-fit/unit-switcher-width", test_unit_switcher_width);
  g_test_add ("/ui/window-fit/default", Fixture, NULL, nv_test_db_setup, test_window_default,
              nv_test_db_teardown);
  g_test_add ("/ui/window-fit/saved-too-large", Fixture, NULL, nv_test_db_setup,
              test_window_saved_too_large, nv_test_db_teardown);
  g_test_add ("/ui/window-fit/laptop", Fixture, NULL, nv_test_db_setup, test_window_laptop,
              nv_test_db_teardown);
  return g_test_run ();
}
