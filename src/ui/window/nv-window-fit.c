/* nv-window-fit.c — the main window's first size fits the screen it opens on.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-window-fit"

#include "config.h"

#include "nv-window-fit.h"

#ifdef GDK_WINDOWING_X11
#include <gdk/x11/gdkx.h>
#endif

/* A default size that takes more than this share of the work area in
 * either direction nearly fills the screen: the window opens maximized. */
#define NEARLY_FULL 0.9

NvWindowFit
nv_window_fit_compute (int width, int height, gboolean chosen_by_user, int area_width,
                       int area_height)
{
  NvWindowFit fit = { width, height, FALSE };

  if (area_width <= 0 || area_height <= 0)
    return fit;
  if (!chosen_by_user && (width > NEARLY_FULL * area_width || height > NEARLY_FULL * area_height))
    fit.maximize = TRUE;
  /* Also what it returns to from maximized: never past the screen. */
  fit.width = MIN (width, area_width);
  fit.height = MIN (height, area_height);
  return fit;
}

#define HEADER_TABS_WIDTH 880 /* the seven narrow tabs, menu and window buttons */
#define UNIT_SWITCHER_MAX 320
#define HEADER_TITLE_HALF 80     /* half the title «Nærvær», and the space around it */
#define UNIT_SWITCHER_PADDING 56 /* the button's padding and the arrow */

int
nv_window_fit_unit_switcher (int text_width, int window_width, gboolean tabs_in_header)
{
  int room
      = tabs_in_header ? window_width - HEADER_TABS_WIDTH : window_width / 2 - HEADER_TITLE_HALF;
  int want = MIN (MIN (text_width + UNIT_SWITCHER_PADDING, UNIT_SWITCHER_MAX), room);

  return want < 120 ? -1 : want;
}

void
nv_window_fit_size_unit_switcher (GtkWindow *window, GtkDropDown *drop_down,
                                  AdwViewSwitcherTitle *title, const char *name)
{
  int width = gtk_widget_get_width (GTK_WIDGET (window));
  int want = -1, height;

  if (width <= 0) /* before the first layout; GTK 4.8 writes both */
    gtk_window_get_default_size (window, &width, &height);
  if (name != NULL)
    {
      g_autoptr (PangoLayout) layout
          = gtk_widget_create_pango_layout (GTK_WIDGET (drop_down), name);
      g_autoptr (PangoAttrList) bold = pango_attr_list_new ();
      int text = 0;

      /* header bar buttons are drawn bold */
      pango_attr_list_insert (bold, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
      pango_layout_set_attributes (layout, bold);
      pango_layout_get_pixel_size (layout, &text, NULL);
      want = nv_window_fit_unit_switcher (text, width,
                                          !adw_view_switcher_title_get_title_visible (title));
    }
  gtk_widget_set_size_request (GTK_WIDGET (drop_down), want, -1);
}

void
nv_window_fit_hold_switcher (AdwViewSwitcherTitle *title, gboolean hold)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (title)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (ADW_IS_SQUEEZER (child))
      adw_squeezer_set_transition_type (ADW_SQUEEZER (child),
                                        hold ? ADW_SQUEEZER_TRANSITION_TYPE_NONE
                                             : ADW_SQUEEZER_TRANSITION_TYPE_CROSSFADE);
}

gboolean
nv_window_fit_work_area (GdkDisplay *display, GdkRectangle *area)
{
  g_autoptr (GdkMonitor) monitor = NULL;

  if (display == NULL)
    return FALSE;
#ifdef GDK_WINDOWING_X11
  if (GDK_IS_X11_DISPLAY (display))
    {
      GdkMonitor *primary = gdk_x11_display_get_primary_monitor (display);
      if (primary != NULL)
        monitor = g_object_ref (primary);
    }
#endif
  if (monitor == NULL)
    monitor = g_list_model_get_item (gdk_display_get_monitors (display), 0);
  if (monitor == NULL)
    return FALSE;
#ifdef GDK_WINDOWING_X11
  /* Without the panels and docks (the screen when no window manager says). */
  if (GDK_IS_X11_MONITOR (monitor))
    {
      gdk_x11_monitor_get_workarea (monitor, area);
      return area->width > 0 && area->height > 0;
    }
#endif
  /* Wayland tells no work area; the compositor keeps a window off its
   * panels itself. */
  gdk_monitor_get_geometry (monitor, area);
  return area->width > 0 && area->height > 0;
}

void
nv_window_fit_to_screen (GtkWindow *window, GSettings *settings, const GdkRectangle *area)
{
  GdkRectangle work = { 0 };
  gboolean chosen = FALSE;
  const char *const keys[] = { "window-width", "window-height", "window-maximized" };
  int width = 0, height = 0;
  NvWindowFit fit;

  if (area == NULL)
    {
      if (!nv_window_fit_work_area (gtk_widget_get_display (GTK_WIDGET (window)), &work))
        return;
      area = &work;
    }
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      g_autoptr (GVariant) value = g_settings_get_user_value (settings, keys[i]);
      chosen = chosen || value != NULL;
    }
  gtk_window_get_default_size (window, &width, &height);
  fit = nv_window_fit_compute (width, height, chosen, area->width, area->height);
  g_debug ("default size %d × %d%s in a work area of %d × %d: %d × %d%s", width, height,
           chosen ? " (the user's)" : "", area->width, area->height, fit.width, fit.height,
           fit.maximize ? ", maximized" : "");
  /* Written to the settings only when it changes: a size that fits stays
   * the default, not a choice. */
  if (fit.width != width || fit.height != height)
    gtk_window_set_default_size (window, fit.width, fit.height);
  if (fit.maximize)
    gtk_window_maximize (window);
}
