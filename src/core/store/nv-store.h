/* nv-store.h — the store: open, migrate, back up, restore, check; write
 * transactions and the ::changed signal.
 *
 * Every write runs in an NvStoreTxn that names what it changes (topics);
 * the outermost commit emits NvStore::changed once with all of them.
 * Writes by other connections (another process) are noticed by
 * nv_store_refresh(), called on demand (the window calls it when it gains
 * the focus). The SQL engine is behind nv-db.h (src/core/store only).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "nv-calendar.h"

G_BEGIN_DECLS

#define NV_STORE_ERROR (nv_store_error_quark ())

typedef enum
{
  NV_STORE_ERROR_IO,           /* the file could not be created or read */
  NV_STORE_ERROR_NOT_NAERVAER, /* a file that is not a Nærvær database */
  NV_STORE_ERROR_TOO_NEW,      /* written by a newer version of the app */
  NV_STORE_ERROR_CORRUPT,      /* damaged database */
  NV_STORE_ERROR_SQL,          /* unexpected SQLite failure */
  NV_STORE_ERROR_INVALID,      /* a value breaks a rule (form or import) */
  NV_STORE_ERROR_DUPLICATE,    /* a name that must be unique is taken */
  NV_STORE_ERROR_NOT_FOUND,    /* no such row */
  NV_STORE_ERROR_CONFLICT,     /* someone else saved the row since it was read */
  NV_STORE_ERROR_OFFLINE,      /* the shared server cannot be reached now */
} NvStoreError;

GQuark nv_store_error_quark (void);

/* TRUE when @error only says that the municipality's server cannot be
 * reached now (the connection was lost, or a page's own connection could
 * not be made). The window's banner says that once, and tries again: a page
 * logs such a failure as debug output, not as a warning. */
gboolean nv_store_error_is_offline (const GError *error);

/* "NVRV" in PRAGMA application_id marks a Nærvær database. */
#define NV_STORE_APPLICATION_ID 0x4E565256

#define NV_TYPE_STORE (nv_store_get_type ())
G_DECLARE_FINAL_TYPE (NvStore, nv_store, NV, STORE, GObject)

char *nv_store_default_path (void);

/* @path: a database file, or the municipality's PostgreSQL server named
 * the way libpq names it (`postgresql://…`, `service=…`, key=value pairs;
 * see nv-pg.h). */
NvStore *nv_store_open (const char *path, GError **error);
/* As nv_store_open(); @password (may be NULL) is used for this connection
 * to a server only, never stored. */
NvStore *nv_store_open_with_password (const char *database, const char *password, GError **error);
/* As nv_store_open_with_password() without blocking the main loop while a
 * server is reached: its host names are looked up with GResolver and the
 * connection is made in a worker thread (a file opens at once). */
void nv_store_open_async (const char *database, const char *password, GCancellable *cancellable,
                          GAsyncReadyCallback callback, gpointer data);
NvStore *nv_store_open_finish (GAsyncResult *result, GError **error);
NvStore *nv_store_open_at_version (const char *path, int version, GError **error);
const char *nv_store_get_path (NvStore *self);
int nv_store_get_schema_version (NvStore *self);
/* TRUE when the file or its folder may not be written: reads work, writes fail. */
gboolean nv_store_is_read_only (NvStore *self);
int nv_store_latest_schema_version (void);

/* The clock of the data in this store: «today» for every core check and
 * default that needs one (a date may not lie in the future; no as_of given
 * means today). The system clock unless a day is fixed; the NvContext that
 * holds the store fixes it (nv_context_new_full()), so a test's fixed day
 * reaches core code that is handed only the store. @day NV_DAY_NONE: back
 * to the system clock. */
NvDay nv_store_today (NvStore *self);
void nv_store_set_fixed_today (NvStore *self, NvDay day);
/* Every schema version a migration exists for, ascending (element type int). */
GArray *nv_store_schema_versions (void);

/* What a write changed; NvStore::changed carries a set of them. */
typedef enum
{
  NV_TOPIC_UNITS = 1 << 0,      /* units (names, sector, hierarchy) */
  NV_TOPIC_EMPLOYEES = 1 << 1,  /* employees and their roster (positions) */
  NV_TOPIC_SPELLS = 1 << 2,     /* sick-leave spells */
  NV_TOPIC_MONTHLY = 1 << 3,    /* monthly HR figures */
  NV_TOPIC_FOLLOWUP = 1 << 4,   /* follow-up milestones */
  NV_TOPIC_BENCHMARKS = 1 << 5, /* benchmark series (imported or from SSB) */
  NV_TOPIC_WORKSHOPS = 1 << 6,  /* dialogue workshops */
  NV_TOPIC_IDEAS = 1 << 7,      /* the workshops' idea bank */
  NV_TOPIC_MEASURES = 1 << 8,   /* measures and their notes */
  NV_TOPIC_FAKTOR = 1 << 9,     /* 10-FAKTOR rounds */
  NV_TOPIC_TARGETS = 1 << 10,   /* the units' targets */
  NV_TOPIC_ALL = (1 << 11) - 1, /* everything (a restore, another process) */
} NvStoreTopics;

/* Absence data: what the statistics read. */
#define NV_TOPIC_ABSENCE (NV_TOPIC_EMPLOYEES | NV_TOPIC_SPELLS | NV_TOPIC_MONTHLY)

/* Looks whether another connection (another process) committed since the
 * last look; if so, emits ::changed with NV_TOPIC_ALL and returns TRUE. One
 * cheap query; never inside a transaction. */
gboolean nv_store_refresh (NvStore *self);

/* TRUE when the store is the municipality's shared server, not a file:
 * no backups, packs or file checks there; the server's roles decide what
 * is seen. */
gboolean nv_store_is_shared (NvStore *self);
/* For a shared store: the server's host (a directory when it listens on a
 * socket on this computer), database and login, each to g_free(); FALSE
 * (nothing set) for a local file. */
gboolean nv_store_describe_server (NvStore *self, char **host, char **database, char **login);
/* For a shared store: the descriptor that becomes readable when another
 * connection's change arrives (call nv_store_refresh() then), or -1. */
int nv_store_get_notify_fd (NvStore *self);
/* For a shared store: is the connection up? A local file always is. */
gboolean nv_store_is_connected (NvStore *self);
/* Connects a shared store again after the connection was lost; on
 * success announces every topic (what changed meanwhile is unknown). */
gboolean nv_store_reconnect (NvStore *self, GError **error);
/* The same without blocking the caller (the window's main loop): start,
 * then each time the descriptor *@fd is ready for *@condition call
 * nv_store_reconnect_poll() again. TRUE with *@done when the connection is
 * back (every topic announced), TRUE without it when still connecting,
 * FALSE with @error when this try failed. A store that cannot connect
 * asynchronously connects at once (nv_store_reconnect) and sets *@done. */
/* Before nv_store_reconnect_start(): looks the server's host names up
 * without blocking (a slow name server would otherwise stall the main loop
 * inside nv_store_reconnect_poll()); the try then goes to the addresses
 * found. FALSE from _finish when no name of the server could be looked up
 * (the message names it). Does nothing for a local file. */
void nv_store_reconnect_resolve_async (NvStore *self, GCancellable *cancellable,
                                       GAsyncReadyCallback callback, gpointer data);
gboolean nv_store_reconnect_resolve_finish (NvStore *self, GAsyncResult *result, GError **error);
gboolean nv_store_reconnect_start (NvStore *self, GError **error);
gboolean nv_store_reconnect_poll (NvStore *self, gboolean *done, int *fd, GIOCondition *condition,
                                  GError **error);

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

/* A write transaction. nv_store_txn_begin() waits for other writers (up
 * to a few seconds); begun inside another transaction it is a savepoint of
 * it. Commit or roll back each one, innermost first; both free it, and
 * g_autoptr rolls back one that is dropped. Commit of the outermost emits
 * ::changed with the topics of it and of the inner ones committed. */
typedef struct _NvStoreTxn NvStoreTxn;

NvStoreTxn *nv_store_txn_begin (NvStore *self, NvStoreTopics topics, GError **error);
/* Adds topics the transaction turned out to change. */
void nv_store_txn_touch (NvStoreTxn *txn, NvStoreTopics topics);
gboolean nv_store_txn_commit (NvStoreTxn *txn, GError **error);
void nv_store_txn_rollback (NvStoreTxn *txn);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NvStoreTxn, nv_store_txn_rollback)

G_END_DECLS
