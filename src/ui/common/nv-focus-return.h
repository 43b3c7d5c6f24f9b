/* nv-focus-return.h — focus never ends up on a toast.
 *
 * When a dialog closes, GTK gives focus back to the window; if the widget
 * that had it is gone (a list rebuilt after the save) it falls to the next
 * focusable one, often a toast's close button — and a toast holding focus
 * never times out. This puts focus back on the last widget the user had
 * outside the toasts (what opened the dialog), or on the page.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

void nv_focus_keep_off_toasts (GtkWindow *window, AdwToastOverlay *overlay);

G_END_DECLS
