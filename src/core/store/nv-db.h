/* nv-db.h — the database backend seam (internal to src/core).
 *
 * NvStore speaks to its database only through this interface; core modules
 * see it through nv-store-private.h (nv_store_prepare() and the NvStmt
 * calls below). One backend exists today, SQLite (nv-db-sqlite.c); a
 * PostgreSQL backend implements the same table of functions.
 *
 * What a backend provides (NvDbBackend):
 *  - a connection (NvDb) opened by the backend's own open function (the
 *    SQLite one takes a file path; nv-store-sqlite.c opens, checks and
 *    creates database files), closed by ->close;
 *  - prepared statements (NvStmt): ->prepare, ->step, ->reset (which
 *    keeps the bindings; ->clear_bindings drops them), ->finalize; parameters are numbered from 1 and
 *    written `?1`, `?2` … in the SQL text (a PostgreSQL backend rewrites
 *    them to `$1`, `$2` outside string literals); columns are numbered from 0;
 *  - bind and column getters for integers, doubles, text (UTF-8, NULL binds
 *    SQL NULL) and blobs; ->column_is_null;
 *  - ->last_insert_id (the id of the row the last INSERT made) and
 *    ->changes (rows the last INSERT, UPDATE or DELETE changed);
 *  - transactions: ->begin (a write transaction: other writers wait, or with
 *    @wait FALSE it fails at once, without an error, when another holds the
 *    lock), ->commit, ->rollback, ->in_transaction; nested transactions
 *    are SAVEPOINTs, run with ->exec (SQL both engines accept);
 *  - ->exec for parameterless SQL text (migrations, savepoints);
 *  - errors: ->set_error turns the connection's last failure into a GError
 *    in NV_STORE_ERROR (codes in nv-store.h) with a sentence a unit leader
 *    understands;
 *  - change notification: ->data_version returns a number that moves when
 *    another connection (also in another process) commits; ->total_changes
 *    counts the rows this connection changed; ->watch_rows (optional, may
 *    be NULL) reports each row this connection changes (table and the old
 *    and new value of column 1, cascades included) to one callback;
 *  - schema: ->get_schema_version / ->set_schema_version (inside the
 *    migration's transaction); migrations are SQL files per backend
 *    (src/core/store/migrations/ holds SQLite's), applied in order by
 *    nv-store-sqlite.c's migrate().
 * SQLite-only matters (pragmas, the file header, locks, the backup API,
 * bulk-load settings) stay in the SQLite backend; ->bulk_load switches the
 * settings an import wants on and off (a backend may do nothing).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct _NvDb NvDb;
typedef struct _NvStmt NvStmt;
typedef struct _NvDbBackend NvDbBackend;

/* Every backend's connection and statement structs start with these. */
struct _NvDb
{
  const NvDbBackend *backend;
};

struct _NvStmt
{
  const NvDbBackend *backend;
};

/* What ->step returns. */
typedef enum
{
  NV_STEP_ERROR = -1, /* ->set_error on the connection says what */
  NV_DONE = 0,        /* no (more) rows */
  NV_ROW = 1,         /* a row is ready for the column getters */
} NvStep;

/* What ->reconnect_poll returns. */
typedef enum
{
  NV_DB_CONNECT_FAILED,    /* ->set_error says why; start again later */
  NV_DB_CONNECTING_READ,   /* poll again when the descriptor is readable */
  NV_DB_CONNECTING_WRITE,  /* … when it is writable */
  NV_DB_CONNECTED,         /* the session is ready */
} NvDbConnecting;

/* One row changed by this connection, for ->watch_rows. */
typedef struct
{
  const char *table;
  gboolean has_old, has_new; /* FALSE for the old row of an INSERT, the new of a DELETE */
  gboolean old_known, new_known; /* FALSE when column 1 is not an integer */
  gint64 old_key, new_key;       /* column 1 of the old and new row */
} NvDbRowChange;

typedef void (*NvDbRowFunc) (gpointer data, const NvDbRowChange *change);

struct _NvDbBackend
{
  const char *name;

  /* Connection */
  void (*close) (NvDb *db);
  NvStmt *(*prepare) (NvDb *db, const char *sql, GError **error);
  gboolean (*exec) (NvDb *db, const char *sql, GError **error);
  gboolean (*set_error) (NvDb *db, GError **error);
  gint64 (*last_insert_id) (NvDb *db);
  gint64 (*changes) (NvDb *db);
  gint64 (*total_changes) (NvDb *db);
  gboolean (*data_version) (NvDb *db, gint64 *version, GError **error);
  /* Installs @func (NULL removes it); returns the data of the watch it
   * replaced. */
  gpointer (*watch_rows) (NvDb *db, NvDbRowFunc func, gpointer data);
  void (*bulk_load) (NvDb *db, gboolean on);

  /* Transactions */
  gboolean (*begin) (NvDb *db, gboolean wait, GError **error);
  gboolean (*commit) (NvDb *db, GError **error);
  void (*rollback) (NvDb *db);
  gboolean (*in_transaction) (NvDb *db);

  /* Schema */
  gboolean (*get_schema_version) (NvDb *db, int *version, GError **error);
  gboolean (*set_schema_version) (NvDb *db, int version, GError **error);

  /* Statements */
  void (*finalize) (NvStmt *stmt);
  NvStep (*step) (NvStmt *stmt);
  void (*reset) (NvStmt *stmt); /* keeps the bindings */
  void (*clear_bindings) (NvStmt *stmt);
  void (*bind_int64) (NvStmt *stmt, int index, gint64 value);
  void (*bind_double) (NvStmt *stmt, int index, double value);
  /* @copy FALSE: @text stays valid until the statement is reset. */
  void (*bind_text) (NvStmt *stmt, int index, const char *text, gboolean copy);
  void (*bind_blob) (NvStmt *stmt, int index, const void *data, gsize size);
  void (*bind_null) (NvStmt *stmt, int index);
  gboolean (*column_is_null) (NvStmt *stmt, int column);
  gint64 (*column_int64) (NvStmt *stmt, int column);
  double (*column_double) (NvStmt *stmt, int column);
  const char *(*column_text) (NvStmt *stmt, int column);
  const void *(*column_blob) (NvStmt *stmt, int column);
  gsize (*column_bytes) (NvStmt *stmt, int column);

  /* A shared server (all optional, NULL for a local file): the kinds of
   * data (NvStoreTopics) other connections changed since the last call;
   * the descriptor to watch for their notifications (-1: none); whether
   * the connection is up, and making it again after it was lost. */
  guint (*remote_topics) (NvDb *db);
  int (*socket) (NvDb *db);
  gboolean (*is_connected) (NvDb *db);
  gboolean (*reconnect) (NvDb *db, GError **error);
  /* Making it again without waiting: start, then poll each time the
   * descriptor *@fd it names is ready as asked (readable or writable). */
  gboolean (*reconnect_start) (NvDb *db, GError **error);
  /* Before ->reconnect_start (optional): looks the server's host names up
   * without blocking; the next ->reconnect_start connects to what it found. */
  void (*resolve_async) (NvDb *db, GCancellable *cancellable, GAsyncReadyCallback callback,
                         gpointer data);
  gboolean (*resolve_finish) (NvDb *db, GAsyncResult *result, GError **error);
  NvDbConnecting (*reconnect_poll) (NvDb *db, int *fd, GError **error);
};

/* ---- Statements: what core modules call --------------------------------- */

static inline NvStep
nv_stmt_step (NvStmt *stmt)
{
  return stmt->backend->step (stmt);
}

static inline void
nv_stmt_reset (NvStmt *stmt)
{
  stmt->backend->reset (stmt);
}

static inline void
nv_stmt_bind_int64 (NvStmt *stmt, int index, gint64 value)
{
  stmt->backend->bind_int64 (stmt, index, value);
}

static inline void
nv_stmt_bind_int (NvStmt *stmt, int index, int value)
{
  stmt->backend->bind_int64 (stmt, index, value);
}

static inline void
nv_stmt_bind_double (NvStmt *stmt, int index, double value)
{
  stmt->backend->bind_double (stmt, index, value);
}

/* Binds a copy of @text (NULL binds NULL). */
static inline void
nv_stmt_bind_text (NvStmt *stmt, int index, const char *text)
{
  stmt->backend->bind_text (stmt, index, text, TRUE);
}

/* Binds @text without a copy: it must outlive the statement's next reset. */
static inline void
nv_stmt_bind_static_text (NvStmt *stmt, int index, const char *text)
{
  stmt->backend->bind_text (stmt, index, text, FALSE);
}

static inline void
nv_stmt_bind_blob (NvStmt *stmt, int index, const void *data, gsize size)
{
  stmt->backend->bind_blob (stmt, index, data, size);
}

static inline void
nv_stmt_bind_null (NvStmt *stmt, int index)
{
  stmt->backend->bind_null (stmt, index);
}

static inline gboolean
nv_stmt_column_is_null (NvStmt *stmt, int column)
{
  return stmt->backend->column_is_null (stmt, column);
}

static inline gint64
nv_stmt_column_int64 (NvStmt *stmt, int column)
{
  return stmt->backend->column_int64 (stmt, column);
}

static inline int
nv_stmt_column_int (NvStmt *stmt, int column)
{
  return (int) stmt->backend->column_int64 (stmt, column);
}

static inline double
nv_stmt_column_double (NvStmt *stmt, int column)
{
  return stmt->backend->column_double (stmt, column);
}

/* Valid until the next step or reset; NULL for SQL NULL. */
static inline const char *
nv_stmt_column_text (NvStmt *stmt, int column)
{
  return stmt->backend->column_text (stmt, column);
}

static inline const void *
nv_stmt_column_blob (NvStmt *stmt, int column)
{
  return stmt->backend->column_blob (stmt, column);
}

static inline gsize
nv_stmt_column_bytes (NvStmt *stmt, int column)
{
  return stmt->backend->column_bytes (stmt, column);
}

static inline char *
nv_stmt_dup_text (NvStmt *stmt, int column)
{
  return g_strdup (nv_stmt_column_text (stmt, column));
}

static inline void
nv_stmt_finalize (NvStmt *stmt)
{
  if (stmt != NULL)
    stmt->backend->finalize (stmt);
}

G_END_DECLS
