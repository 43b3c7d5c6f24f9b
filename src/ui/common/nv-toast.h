/* nv-toast.h — toasts that read whole: an AdwToast shows one line and cuts
 * the rest with «…», so a message longer than the toast has room for at the
 * window's width is shown in a message dialog instead.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* The room a toast in an overlay @overlay_width px wide leaves for its
 * title beside its close button (and a button labelled @button_label, or
 * NULL for none), in px. */
int nv_toast_title_room (GtkWidget *overlay, int overlay_width, const char *button_label);

/* Whether @text reads whole on one line as the title of a toast in @overlay
 * when the overlay is @overlay_width px wide (-1: as wide as it is now). */
gboolean nv_toast_fits (GtkWidget *overlay, const char *text, const char *button_label,
                        int overlay_width);

/* Adds @toast (taken) to @overlay when its title reads whole there; else
 * shows the title in a message dialog over the overlay's window, its first
 * clause as the heading, and drops the toast. */
void nv_toast_add (AdwToastOverlay *overlay, AdwToast *toast);

/* @message in a message dialog over @parent, its first clause as the
 * heading: what nv_toast_add() shows when a toast would cut it. */
void nv_toast_dialog (GtkWindow *parent, const char *message);

/* nv_toast_add() of a plain toast of @message, in the toast overlay
 * @widget is in (or is); a warning when there is none. */
void nv_toast_show (GtkWidget *widget, const char *message);

/* The dialog nv_toast_add() shows for @message too long for a toast:
 * heading and body split from @message (either may be NULL; exposed for
 * tests). */
void nv_toast_split (const char *message, char **heading, char **body);

G_END_DECLS
