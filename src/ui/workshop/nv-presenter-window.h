/* nv-presenter-window.h — the facilitator's view on the laptop during a
 * projection: the current step with the facilitator's notes and timer, the
 * next step, and a field for ideas that appear on the screen as typed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "nv-workshop-deck.h"

G_BEGIN_DECLS

#define NV_TYPE_PRESENTER_WINDOW (nv_presenter_window_get_type ())
G_DECLARE_FINAL_TYPE (NvPresenterWindow, nv_presenter_window, NV, PRESENTER_WINDOW, AdwWindow)

NvPresenterWindow *nv_presenter_window_new (NvWorkshopDeck *deck, GtkWindow *parent);

/* With one screen, closing only hides the notes and a «Back to the
 * Slides» button shows in the header. */
void nv_presenter_window_set_single_screen (NvPresenterWindow *self, gboolean single);

/* For tests: the idea field. */
GtkEditable *nv_presenter_window_get_idea_entry (NvPresenterWindow *self);

G_END_DECLS
