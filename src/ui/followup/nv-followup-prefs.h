/* nv-followup-prefs.h — the Preferences group for follow-up reminders and how
 * long closed cases are kept.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define NV_TYPE_FOLLOWUP_PREFS (nv_followup_prefs_get_type ())
G_DECLARE_FINAL_TYPE (NvFollowupPrefs, nv_followup_prefs, NV, FOLLOWUP_PREFS,
                      AdwPreferencesGroup)

/* Binds the switch and the spin button to @settings (once). */
void nv_followup_prefs_set_settings (NvFollowupPrefs *self, GSettings *settings);

G_END_DECLS
