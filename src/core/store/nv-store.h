/* nv-store.h — the SQLite store: open, migrate, back up, restore, check.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define NV_STORE_ERROR (nv_store_error_quark ())

typedef enum
{
  NV_STORE_ERROR_IO,             /* the file could not be created or read */
  NV_STORE_ERROR_NOT_NAERVAER,   /* a file that is not a Nærvær database */
  NV_STORE_ERROR_TOO_NEW,        /* written by a newer version of the app */
  NV_STORE_ERROR_CORRUPT,        /* damaged database */
  NV_STORE_ERROR_SQL,            /* unexpected SQLite failure */
  NV_STORE_ERROR_INVALID,        /* a value breaks a rule (form or import) */
  NV_STORE_ERROR_DUPLICATE,      /* a name that must be unique is taken */
  NV_STORE_ERROR_NOT_FOUND,      /* no such row */
} NvStoreError;

GQuark nv_store_error_quark (void);

/* "NVRV" in PRAGMA application_id marks a Nærvær database. */
#define NV_STORE_APPLICATION_ID 0x4E565256

#define NV_TYPE_STORE (nv_store_get_type ())
G_DECLARE_FINAL_TYPE (NvStore, nv_store, NV, STORE, GObject)

char *nv_store_default_path (void);

NvStore *nv_store_open (const char *path, GError **error);
NvStore *nv_store_open_at_version (const char *path, int version, GError **error);
const char *nv_store_get_path (NvStore *self);
int nv_store_get_schema_version (NvStore *self);
/* TRUE when the file or its folder may not be written: reads work, writes fail. */
gboolean nv_store_is_read_only (NvStore *self);
int nv_store_latest_schema_version (void);
/* Every schema version a migration exists for, ascending (element type int). */
GArray *nv_store_schema_versions (void);

/* Emits ::changed with the given detail ("units", "spells", …) so views can refresh. */
void nv_store_emit_changed (NvStore *self, const char *what);

gboolean nv_store_check (NvStore *self, char **verdict, GError **error);
gboolean nv_store_backup (NvStore *self, const char *dest_path, GError **error);
gboolean nv_store_restore (const char *db_path, const char *source_path, char **kept_copy,
                           GError **error);
/* Restores the backup @source_path into the open @store (other connections,
 * also in other processes, see it as one write); keeps the database as it
 * was in a copy beside it (its path in @kept_copy). nv_store_restore() does
 * the same for the database at @db_path. */
gboolean nv_store_restore_into (NvStore *store, const char *source_path, char **kept_copy,
                                GError **error);
gboolean nv_store_validate_file (const char *path, GError **error);

/* FALSE (and @error naming the file) when @path is a file SQLite has open in
 * this process — a database or its -wal, -shm or -journal. Call it before
 * opening a file the user chose to read: opening and closing such a file
 * beside SQLite would drop the locks that keep other processes' writes
 * apart. Looks with stat() only; never opens @path. */
gboolean nv_store_check_not_held (const char *path, GError **error);

/* Transactions: every multi-row write is one transaction. */
gboolean nv_store_begin (NvStore *self, GError **error);
gboolean nv_store_commit (NvStore *self, GError **error);
void nv_store_rollback (NvStore *self);

G_END_DECLS
