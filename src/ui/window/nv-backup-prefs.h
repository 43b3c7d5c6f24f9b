/* nv-backup-prefs.h — the Preferences page «Backups».
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "nv-store.h"

G_BEGIN_DECLS

#define NV_TYPE_BACKUP_PREFS (nv_backup_prefs_get_type ())
G_DECLARE_FINAL_TYPE (NvBackupPrefs, nv_backup_prefs, NV, BACKUP_PREFS, AdwPreferencesPage)

/* The app's settings (auto-backup, backups-kept) and the store to back up. */
void nv_backup_prefs_set_context (NvBackupPrefs *self, GSettings *settings, NvStore *store);

G_END_DECLS
