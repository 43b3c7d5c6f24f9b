/* nv-database-prefs.h — Preferences, group «Database»: where the data
 * lives (a file on this computer, or the municipality's server, its
 * database and the login) and what that means for backups.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "nv-store.h"

G_BEGIN_DECLS

#define NV_TYPE_DATABASE_PREFS (nv_database_prefs_get_type ())
G_DECLARE_FINAL_TYPE (NvDatabasePrefs, nv_database_prefs, NV, DATABASE_PREFS, AdwPreferencesGroup)

GtkWidget *nv_database_prefs_new (NvStore *store);

G_END_DECLS
