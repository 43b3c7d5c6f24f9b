/* nv-auto-backup.h — automatic rolling backups of the SQLite store.
 *
 * Files `naervaer-YYYYMMDD-HHMMSS-REASON.db` (local time) in a private
 * folder beside the database, written through the store's backup API
 * (0600, temporary file renamed into place). Only the newest N are kept;
 * files of any other name in the folder are never touched.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "nv-store.h"

G_BEGIN_DECLS

#define NV_AUTO_BACKUP_KEEP_MIN 1
#define NV_AUTO_BACKUP_KEEP_MAX 100

/* The folder the automatic backups of @store go to: «backups» beside its file. */
char *nv_auto_backup_dir (NvStore *store);

/* Makes an automatic backup of @store in @dir (created 0700 if missing),
 * named after @now and @reason ("import", "daily": letters and '-' only), then
 * removes the oldest automatic backups so that @keep remain. Sets @path to the
 * new file. */
gboolean nv_auto_backup_make (NvStore *store, const char *dir, const char *reason, GDateTime *now,
                              guint keep, char **path, GError **error);

/* The automatic backups in @dir, newest first (full paths). */
GPtrArray *nv_auto_backup_list (const char *dir);

/* When the automatic backup @path was made (from its name), or NULL. */
GDateTime *nv_auto_backup_time (const char *path);

/* TRUE when no automatic backup in @dir was made on @now's calendar day. */
gboolean nv_auto_backup_daily_due (const char *dir, GDateTime *now);

/* Removes the oldest automatic backups in @dir so that @keep remain. */
void nv_auto_backup_prune (const char *dir, guint keep);

G_END_DECLS
