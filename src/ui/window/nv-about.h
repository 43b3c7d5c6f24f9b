/* nv-about.h — the About window, in the user's language.
 *
 * AdwAboutWindow where libadwaita is translated (the Flatpak runtime); on
 * Debian 12, whose libadwaita 1.2 has no Norwegian, a window of our own
 * with the same facts, so nothing English shows in an nb or nn session.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* TRUE when libadwaita speaks the language our own texts are shown in. */
gboolean nv_about_runtime_translated (void);
GtkWindow *nv_about_window_new (GtkWindow *parent);

G_END_DECLS
