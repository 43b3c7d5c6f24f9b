/* nv-projection-window.h — the facilitator's projection mode.
 *
 * A fullscreen window on the projector shows one step at a time in very
 * large type; the presenter view (nv-presenter-window.h) stays on the
 * laptop. Keys in both: Left/Right, Page Up/Page Down and Space (what
 * presentation clickers send), N for the notes, Esc leaves.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "nv-chart.h"
#include "nv-workshop-deck.h"

G_BEGIN_DECLS

#define NV_TYPE_PROJECTION_WINDOW (nv_projection_window_get_type ())
G_DECLARE_FINAL_TYPE (NvProjectionWindow, nv_projection_window, NV, PROJECTION_WINDOW, GtkWindow)

NvProjectionWindow *nv_projection_window_new (NvWorkshopDeck *deck);
/* Body text size in pixels for the current window size: 48 px at 1080
 * lines (16:9), scaled with the window, never below 16. */
double nv_projection_window_get_body_px (NvProjectionWindow *self);
double nv_projection_body_px_for (int width, int height);
/* The chart of the figures slide (always masked below five persons), or
 * NULL when the unit has no figures. */
NvChart *nv_projection_window_build_chart (NvProjectionWindow *self);

/* Asks which screen is the projector when there are several, then opens
 * the projection there and the presenter view full screen on another one.
 * With one screen only the slides show; N shows the notes instead. */
void nv_projection_start (GtkWindow *parent, NvContext *context, gint64 workshop_id);

/* One screen: shows or hides the presenter view (the N key); several:
 * brings it forward. FALSE when nothing is presented. */
gboolean nv_projection_toggle_notes (void);
gboolean nv_projection_is_single_screen (void);
/* What the Start button says about which screen gets what. */
char *nv_projection_screens_hint (GdkDisplay *display);

/* Handles the presentation keys for either window; TRUE when used. */
gboolean nv_projection_handle_key (NvWorkshopDeck *deck, guint keyval);

/* The windows of the running presentation, or NULL (for tests). */
GtkWindow *nv_projection_get_projection (void);
GtkWindow *nv_projection_get_presenter (void);

G_END_DECLS
