/* nv-preferences.h — the Preferences window.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "nv-store.h"

G_BEGIN_DECLS

#define NV_TYPE_PREFERENCES (nv_preferences_get_type ())
G_DECLARE_FINAL_TYPE (NvPreferences, nv_preferences, NV, PREFERENCES, AdwPreferencesWindow)

GtkWindow *nv_preferences_new (GtkWindow *parent, GSettings *settings, NvStore *store);
/* Shows the page «Backups» (back up, restore, automatic backups). */
void nv_preferences_show_backups (NvPreferences *self);

G_END_DECLS
