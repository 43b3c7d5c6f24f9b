/* nv-store-private.h — for core modules that run their own statements.
 *
 * Statements come from nv_store_prepare() and are driven with the
 * nv_stmt_*() calls of nv-db.h (the backend seam); no module above
 * src/core/store sees the engine.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "nv-db.h"
#include "nv-store.h"

G_BEGIN_DECLS

/* Returns a cached, reset prepared statement for @sql (a string literal:
 * the cache is keyed by its address) with no bindings. The store owns it. */
NvStmt *nv_store_prepare (NvStore *self, const char *sql, GError **error);

/* A statement for @sql built at run time (from fixed pieces, never from
 * values); the caller finalizes it (nv_stmt_finalize). */
NvStmt *nv_store_prepare_owned (NvStore *self, const char *sql, GError **error);

/* Runs parameterless SQL (DDL) that the engine of this store accepts. */
gboolean nv_store_exec (NvStore *self, const char *sql, GError **error);

/* Sets @error from the connection's last error and returns FALSE. */
gboolean nv_store_set_sql_error (NvStore *self, GError **error);

/* Step a statement that returns no rows; sets @error on failure. */
gboolean nv_store_step_done (NvStore *self, NvStmt *stmt, GError **error);

/* Sets *@found to whether @sql (a string literal "SELECT 1 FROM … WHERE
 * id = ?1") finds the row @id. FALSE only on a database error. */
gboolean nv_store_row_exists (NvStore *self, const char *sql, gint64 id, gboolean *found,
                              GError **error);

/* Makes the value of the row @stmt stands on (a new one the caller owns). */
typedef gpointer (*NvStoreRowMap) (NvStmt *stmt);

/* Runs @sql (a string literal "SELECT … WHERE id = ?1") for @id and
 * returns its row as @map makes it. NULL with NV_STORE_ERROR_NOT_FOUND and
 * @gone (a translated sentence) as its message when there is no such row,
 * or with the connection's error. */
gpointer nv_store_get_row (NvStore *self, const char *sql, gint64 id, NvStoreRowMap map,
                           const char *gone, GError **error);

/* Runs @sql (a string literal "SELECT count(*) … WHERE … = ?1") for @id
 * into *@count; FALSE with the connection's error. */
gboolean nv_store_count (NvStore *self, const char *sql, gint64 id, guint *count, GError **error);

/* Steps @stmt (a bound INSERT, UPDATE or DELETE) as a write that changes
 * @topics: its own transaction, or part of the one open. */
gboolean nv_store_write (NvStore *self, NvStmt *stmt, NvStoreTopics topics, GError **error);

/* Runs @sql (a string literal "DELETE FROM … WHERE id = ?1") for @id as a
 * write (nv_store_write()) that changes @topics. If @gone (a translated
 * sentence) is given, deleting nothing is an error: NV_STORE_ERROR_NOT_FOUND
 * with @gone as its message, and nothing announced. */
gboolean nv_store_delete_row (NvStore *self, const char *sql, gint64 id, NvStoreTopics topics,
                              const char *gone, GError **error);

/* Sets NV_STORE_ERROR_CONFLICT («changed by someone else — reload») and
 * returns FALSE: a save named a row version that is no longer the row's. */
gboolean nv_store_conflict (GError **error);

/* The id the last INSERT gave its row; the rows the last statement changed;
 * the rows this connection changed since it was opened. */
gint64 nv_store_last_insert_id (NvStore *self);
gint64 nv_store_changes (NvStore *self);
gint64 nv_store_total_changes (NvStore *self);

/* A number that moves when another connection commits. */
gboolean nv_store_data_version (NvStore *self, gint64 *version, GError **error);

gboolean nv_store_in_transaction (NvStore *self);

/* A write transaction begun only if no transaction is open and no other
 * writer holds the database (NULL, no error, otherwise). For optional
 * writes on a read path, which must never block the UI. */
NvStoreTxn *nv_store_txn_try_begin (NvStore *self, NvStoreTopics topics);

/* Reports each row this connection changes to @func (NULL stops it);
 * returns the data of the watch it replaced. NULL and nothing reported
 * where the backend cannot watch rows. */
gpointer nv_store_watch_rows (NvStore *self, NvDbRowFunc func, gpointer data);

/* Settings for writing many rows in one transaction (an import), on before
 * its transaction begins and off after it ended. */
void nv_store_bulk_load (NvStore *self, gboolean on);

/* The statistics' state kept with the connection (src/core/stats: the rows
 * read for the statistics and the watch on this connection's writes). The
 * store frees it with @free_func when it is replaced or the store goes. */
typedef struct _NvStatsState NvStatsState;
NvStatsState *nv_store_get_stats_state (NvStore *self);
void nv_store_set_stats_state (NvStore *self, NvStatsState *state, GDestroyNotify free_func);

G_END_DECLS
