/* nv-store-file-private.h — file helpers shared by nv-store*.c; not for
 * other modules.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "nv-db-sqlite.h"
#include "nv-store.h"

G_BEGIN_DECLS

/* A store on the open connection @db (it takes it). */
NvStore *nv_store_new_for_db (NvDb *db, const char *path, int schema_version,
                              gboolean read_only);
NvDb *nv_store_get_connection (NvStore *self);

/* Emits ::changed with every topic after a restore wrote the database. */
void nv_store_announce_restore (NvStore *self);

/* Looks at an existing file without changing it; passes only a Nærvær
 * database of a schema this version knows, and sets @version to its schema. */
gboolean nv_store_inspect_file (const char *path, int *version, GError **error);

/* Creates @dir (0700) if needed; tightens the mode only of folders that are ours. */
gboolean nv_store_ensure_private_dir (const char *dir, GError **error);

/* Makes SQLite hold its file locks on descriptors of its own, so that no
 * other code in the process can drop them by closing the file (see
 * nv-store-locks.c). Called before the first connection is opened. */
void nv_store_locks_install (void);

/* Creates a private (0600) temporary file `.naervaer-@what-XXXXXX` in @dir
 * and marks it as being written; returns its descriptor (close it after the
 * file was renamed or removed) and sets @path, or -1 and @error. */
int nv_store_temp_file_new (const char *dir, const char *what, char **path, GError **error);

/* Removes the temporary files of ours in @dir that a killed process left. */
void nv_store_remove_stale_temp_files (const char *dir);

G_END_DECLS
