/* nv-store-private.h — for core modules that run their own statements.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>
#include "nv-store.h"

G_BEGIN_DECLS

#define NV_STORE_BUSY_TIMEOUT_MS 5000

sqlite3 *nv_store_get_db (NvStore *self);

/* BEGIN IMMEDIATE without waiting for another writer: FALSE (and nothing
 * begun) when a transaction is open, the database is busy or read-only.
 * For optional writes on a read path, which must never block the UI. */
gboolean nv_store_try_begin (NvStore *self);

/* Returns a cached, reset prepared statement for @sql (a string literal:
 * the cache is keyed by its address). The store owns it. */
sqlite3_stmt *nv_store_prepare (NvStore *self, const char *sql, GError **error);

/* Sets @error from the connection's last error and returns FALSE. */
gboolean nv_store_set_sql_error (NvStore *self, GError **error);

/* Step a statement that returns no rows; sets @error on failure. */
gboolean nv_store_step_done (NvStore *self, sqlite3_stmt *stmt, GError **error);

/* Sets *@found to whether @sql (a string literal "SELECT 1 FROM … WHERE
 * id = ?1") finds the row @id. FALSE only on a database error. */
gboolean nv_store_row_exists (NvStore *self, const char *sql, gint64 id, gboolean *found,
                              GError **error);

/* Runs @sql (a string literal "DELETE FROM … WHERE id = ?1") for @id. If
 * @gone (a translated sentence) is given, deleting nothing is an error:
 * NV_STORE_ERROR_NOT_FOUND with @gone as its message. Emits nothing. */
gboolean nv_store_delete_row (NvStore *self, const char *sql, gint64 id, const char *gone,
                              GError **error);

/* sqlite3_bind_text with a NULL-aware copy. */
void nv_stmt_bind_text (sqlite3_stmt *stmt, int index, const char *text);
char *nv_stmt_dup_text (sqlite3_stmt *stmt, int column);

G_END_DECLS
