/* nv-window-fit.h — the main window's first size fits the screen it opens on.
 *
 * The window's default size (1180 × 760) suits a desktop monitor. On a
 * laptop screen it would leave a strip of 100 px beside it and reach the
 * bottom edge (1280 × 800 with a top bar), and on a smaller one it would not
 * fit at all. A user expects what GNOME's own apps do: the default size
 * where it fits with room to spare, the whole screen (maximized) where it
 * nearly fills it, and never a window larger than the monitor's work area.
 * A size the user chose (saved in the settings) is kept unless it no longer
 * fits that monitor (opened last on a larger one): then it is made smaller.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

typedef struct
{
  int width;
  int height;
  gboolean maximize;
} NvWindowFit;

/* How a window of @width × @height opens in a work area of @area_width ×
 * @area_height; @chosen_by_user when that size is the user's own (saved).
 * An unknown area (0 or less) leaves everything as it is. */
NvWindowFit nv_window_fit_compute (int width, int height, gboolean chosen_by_user, int area_width,
                                   int area_height);

/* The work area of the monitor a new window opens on (the primary monitor,
 * or the first); FALSE when there is none. */
gboolean nv_window_fit_work_area (GdkDisplay *display, GdkRectangle *area);

/* Before @window is shown: fits its default size, bound to @settings'
 * "window-width", "window-height" and "window-maximized", to @area (the
 * monitor's work area when NULL). */
void nv_window_fit_to_screen (GtkWindow *window, GSettings *settings, const GdkRectangle *area);

/* The width the header's unit drop-down asks for, showing a name
 * @text_width px wide (bold) in a window @window_width px wide; -1 (its
 * natural width, ellipsized) where less than 120 px is left. GTK would
 * otherwise give it what is left of the centred tabs («Hjem…» at 1280 px).
 * With @tabs_in_header the section tabs, menu and window buttons take 880 px;
 * without (a narrow window, tabs in the bottom bar) only the centred title
 * does, and the left half is the drop-down's. Never over 320 px. */
int nv_window_fit_unit_switcher (int text_width, int window_width, gboolean tabs_in_header);
/* Sizes @drop_down (the unit drop-down in @window's header, beside @title)
 * for the unit @name (NULL: none) as above, at @window's width, or its
 * default width before it is laid out. */
void nv_window_fit_size_unit_switcher (GtkWindow *window, GtkDropDown *drop_down,
                                       AdwViewSwitcherTitle *title, const char *name);

/* The header's switcher title shows wide tabs, narrow tabs or the title,
 * as the room allows, and cross-fades when that changes. Its first pick is
 * made in the first frame's layout, against the first child (the wide tabs)
 * it starts with: cross-faded, the window would open on a header fading
 * from one to the other and repaint it for 200 ms. With @hold (until the
 * first frame is on screen) @title changes at once. */
void nv_window_fit_hold_switcher (AdwViewSwitcherTitle *title, gboolean hold);

G_END_DECLS
