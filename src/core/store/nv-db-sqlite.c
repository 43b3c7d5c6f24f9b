/* nv-db-sqlite.c — the SQLite backend of the database seam (nv-db.h).
 *
 * A thin layer: each function is one or two SQLite calls. Statements are
 * prepared persistent (NvStore caches them for the connection's life).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-store"

#include "config.h"

/* Debian's SQLite is built with the pre-update hook; its declarations need
 * this before <sqlite3.h>. */
#define SQLITE_ENABLE_PREUPDATE_HOOK 1

#include <glib/gi18n-lib.h>
#include <string.h>

#include "nv-db-sqlite.h"
#include "nv-store.h"

/* The page cache an import of many spells gets (KiB): a million spells add
 * ~15 MiB of index pages, written once at commit instead of spilled and
 * read back; SQLite's default (2000 KiB) otherwise. */
#define BULK_CACHE_KIB 24576
#define DEFAULT_CACHE_KIB 2000

typedef struct
{
  NvDb parent;
  sqlite3 *db;
  char *path;
  sqlite3_stmt *data_version; /* prepared on first use */
  NvDbRowFunc watch;
  gpointer watch_data;
  gboolean bulk_fk_off;
} SqliteDb;

typedef struct
{
  NvStmt parent;
  sqlite3_stmt *stmt;
} SqliteStmt;

static const NvDbBackend sqlite_backend;

#define DB(d) ((SqliteDb *) (d))
#define STMT(s) (((SqliteStmt *) (s))->stmt)

gboolean
nv_store_set_error_from_db (sqlite3 *db, int rc, const char *path, GError **error)
{
  int code = NV_STORE_ERROR_SQL;

  if (rc == SQLITE_NOTADB)
    code = NV_STORE_ERROR_NOT_NAERVAER;
  else if (rc == SQLITE_CORRUPT)
    code = NV_STORE_ERROR_CORRUPT;
  else if (rc == SQLITE_CANTOPEN || rc == SQLITE_IOERR || rc == SQLITE_READONLY || rc == SQLITE_PERM)
    code = NV_STORE_ERROR_IO;

  if (code == NV_STORE_ERROR_NOT_NAERVAER)
    g_set_error (error, NV_STORE_ERROR, code, _("“%s” is not a Nærvær database"), path);
  else if ((rc & 0xff) == SQLITE_READONLY)
    g_set_error (error, NV_STORE_ERROR, code,
                 _("“%s” is read-only: nothing was changed. Ask for write access to the file "
                   "and its folder, or copy it somewhere you may write."),
                 path);
  else if (code == NV_STORE_ERROR_CORRUPT)
    g_set_error (error, NV_STORE_ERROR, code,
                 _("The database “%s” is damaged and cannot be used. Restore a backup."), path);
  else
    g_set_error (error, NV_STORE_ERROR, code, _("Database error in “%s”: %s"), path,
                 db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
  return FALSE;
}

NvDb *
nv_db_sqlite_open (const char *path, gboolean read_only, GError **error)
{
  SqliteDb *self = g_new0 (SqliteDb, 1);
  int rc;

  self->parent.backend = &sqlite_backend;
  self->path = g_strdup (path);
  rc = sqlite3_open_v2 (path, &self->db,
                        (read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE) |
                          SQLITE_OPEN_NOFOLLOW,
                        NULL);
  if (rc != SQLITE_OK)
    {
      nv_store_set_error_from_db (self->db, rc, path, error);
      sqlite3_close_v2 (self->db);
      g_free (self->path);
      g_free (self);
      return NULL;
    }
  sqlite3_extended_result_codes (self->db, 0);
  sqlite3_busy_timeout (self->db, NV_STORE_BUSY_TIMEOUT_MS);
  return &self->parent;
}

sqlite3 *
nv_db_sqlite_handle (NvDb *db)
{
  g_return_val_if_fail (db != NULL && db->backend == &sqlite_backend, NULL);
  return DB (db)->db;
}

/* ---- Connection --------------------------------------------------------- */

static void
sqlite_close (NvDb *db)
{
  sqlite3_finalize (DB (db)->data_version);
  /* A clean close checkpoints the WAL into the main file. */
  sqlite3_close_v2 (DB (db)->db);
  g_free (DB (db)->path);
  g_free (db);
}

static NvStmt *
sqlite_prepare (NvDb *db, const char *sql, GError **error)
{
  sqlite3_stmt *stmt = NULL;
  SqliteStmt *s;

  if (sqlite3_prepare_v3 (DB (db)->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) !=
      SQLITE_OK)
    {
      db->backend->set_error (db, error);
      return NULL;
    }
  s = g_new0 (SqliteStmt, 1);
  s->parent.backend = &sqlite_backend;
  s->stmt = stmt;
  return &s->parent;
}

static gboolean
sqlite_exec (NvDb *db, const char *sql, GError **error)
{
  int rc = sqlite3_exec (DB (db)->db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    return nv_store_set_error_from_db (DB (db)->db, rc, DB (db)->path, error);
  return TRUE;
}

static gboolean
sqlite_set_error (NvDb *db, GError **error)
{
  return nv_store_set_error_from_db (DB (db)->db, sqlite3_errcode (DB (db)->db), DB (db)->path,
                                     error);
}

static gint64
sqlite_last_insert_id (NvDb *db)
{
  return sqlite3_last_insert_rowid (DB (db)->db);
}

static gint64
sqlite_changes (NvDb *db)
{
  return sqlite3_changes (DB (db)->db);
}

static gint64
sqlite_total_changes (NvDb *db)
{
  return sqlite3_total_changes (DB (db)->db);
}

static gboolean
sqlite_data_version (NvDb *db, gint64 *version, GError **error)
{
  SqliteDb *self = DB (db);
  int rc = SQLITE_OK;

  if (self->data_version == NULL)
    rc = sqlite3_prepare_v3 (self->db, "PRAGMA data_version", -1, SQLITE_PREPARE_PERSISTENT,
                             &self->data_version, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (self->data_version);
  *version = rc == SQLITE_ROW ? sqlite3_column_int64 (self->data_version, 0) : -1;
  if (self->data_version != NULL)
    sqlite3_reset (self->data_version);
  if (rc != SQLITE_ROW)
    return sqlite_set_error (db, error);
  return TRUE;
}

/* The pre-update hook sees every row the connection changes, cascades
 * included, with its old and new values. */
static void
note_key (sqlite3 *db, int (*get) (sqlite3 *, int, sqlite3_value **), gboolean *known,
          gint64 *key)
{
  sqlite3_value *value = NULL;

  *known = get (db, 1, &value) == SQLITE_OK && value != NULL &&
           sqlite3_value_type (value) == SQLITE_INTEGER;
  *key = *known ? sqlite3_value_int64 (value) : 0;
}

static void
preupdate_cb (void *data, sqlite3 *db, int op, const char *db_name, const char *table,
              sqlite3_int64 key1, sqlite3_int64 key2)
{
  SqliteDb *self = data;
  NvDbRowChange change = { table, op != SQLITE_INSERT, op != SQLITE_DELETE };

  /* The statistics packs are a derived copy nobody watches; reading a new
   * pack's values would expand its spells blob (written in place, tens of
   * MB) into memory. */
  if (self->watch == NULL || strcmp (table, "stats_pack") == 0)
    return;
  if (change.has_old)
    note_key (db, sqlite3_preupdate_old, &change.old_known, &change.old_key);
  if (change.has_new)
    note_key (db, sqlite3_preupdate_new, &change.new_known, &change.new_key);
  self->watch (self->watch_data, &change);
}

static gpointer
sqlite_watch_rows (NvDb *db, NvDbRowFunc func, gpointer data)
{
  gpointer previous = DB (db)->watch != NULL ? DB (db)->watch_data : NULL;

  DB (db)->watch = func;
  DB (db)->watch_data = data;
  sqlite3_preupdate_hook (DB (db)->db, func != NULL ? preupdate_cb : NULL, func != NULL ? db : NULL);
  return previous;
}

/* Foreign key checks can only be switched outside a transaction; an import
 * that turns them off inserts only ids it read in its own transaction. */
static void
sqlite_bulk_load (NvDb *db, gboolean on)
{
  g_autofree char *cache = NULL;

  if (on)
    DB (db)->bulk_fk_off = sqlite3_get_autocommit (DB (db)->db) &&
                           sqlite3_exec (DB (db)->db, "PRAGMA foreign_keys = OFF", NULL, NULL,
                                         NULL) == SQLITE_OK;
  else if (DB (db)->bulk_fk_off)
    {
      sqlite3_exec (DB (db)->db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL);
      DB (db)->bulk_fk_off = FALSE;
    }
  /* Integers only: nothing user-supplied goes into this string. */
  cache = g_strdup_printf ("PRAGMA cache_size = -%d", on ? BULK_CACHE_KIB : DEFAULT_CACHE_KIB);
  sqlite3_exec (DB (db)->db, cache, NULL, NULL, NULL);
}

/* ---- Transactions ------------------------------------------------------- */

static gboolean
sqlite_begin (NvDb *db, gboolean wait, GError **error)
{
  int rc;

  if (wait)
    return sqlite_exec (db, "BEGIN IMMEDIATE", error);
  sqlite3_busy_timeout (DB (db)->db, 0);
  rc = sqlite3_exec (DB (db)->db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
  sqlite3_busy_timeout (DB (db)->db, NV_STORE_BUSY_TIMEOUT_MS);
  return rc == SQLITE_OK;
}

static gboolean
sqlite_in_transaction (NvDb *db)
{
  return !sqlite3_get_autocommit (DB (db)->db);
}

static void
sqlite_rollback (NvDb *db)
{
  if (sqlite_in_transaction (db))
    sqlite3_exec (DB (db)->db, "ROLLBACK", NULL, NULL, NULL);
}

static gboolean
sqlite_commit (NvDb *db, GError **error)
{
  if (!sqlite_exec (db, "COMMIT", error))
    {
      sqlite_rollback (db);
      return FALSE;
    }
  return TRUE;
}

/* ---- Schema ------------------------------------------------------------- */

static gboolean
sqlite_get_schema_version (NvDb *db, int *version, GError **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (DB (db)->db, "PRAGMA user_version", -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  *version = rc == SQLITE_ROW ? sqlite3_column_int (stmt, 0) : 0;
  sqlite3_finalize (stmt);
  return rc == SQLITE_ROW || sqlite_set_error (db, error);
}

static gboolean
sqlite_set_schema_version (NvDb *db, int version, GError **error)
{
  /* Integers only: nothing user-supplied goes into this string. */
  g_autofree char *stamp = g_strdup_printf ("PRAGMA user_version = %d;", version);
  return sqlite_exec (db, stamp, error);
}

/* ---- Statements --------------------------------------------------------- */

static void
sqlite_finalize (NvStmt *stmt)
{
  sqlite3_finalize (STMT (stmt));
  g_free (stmt);
}

static NvStep
sqlite_step (NvStmt *stmt)
{
  switch (sqlite3_step (STMT (stmt)))
    {
    case SQLITE_ROW:
      return NV_ROW;
    case SQLITE_DONE:
      return NV_DONE;
    default:
      return NV_STEP_ERROR;
    }
}

static void
sqlite_reset (NvStmt *stmt)
{
  sqlite3_reset (STMT (stmt));
}

static void
sqlite_clear_bindings (NvStmt *stmt)
{
  sqlite3_clear_bindings (STMT (stmt));
}

static void
sqlite_bind_int64 (NvStmt *stmt, int index, gint64 value)
{
  sqlite3_bind_int64 (STMT (stmt), index, value);
}

static void
sqlite_bind_double (NvStmt *stmt, int index, double value)
{
  sqlite3_bind_double (STMT (stmt), index, value);
}

static void
sqlite_bind_text (NvStmt *stmt, int index, const char *text, gboolean copy)
{
  if (text == NULL)
    sqlite3_bind_null (STMT (stmt), index);
  else
    sqlite3_bind_text (STMT (stmt), index, text, -1, copy ? SQLITE_TRANSIENT : SQLITE_STATIC);
}

static void
sqlite_bind_blob (NvStmt *stmt, int index, const void *data, gsize size)
{
  sqlite3_bind_blob64 (STMT (stmt), index, data, size, SQLITE_TRANSIENT);
}

static void
sqlite_bind_null (NvStmt *stmt, int index)
{
  sqlite3_bind_null (STMT (stmt), index);
}

static gboolean
sqlite_column_is_null (NvStmt *stmt, int column)
{
  return sqlite3_column_type (STMT (stmt), column) == SQLITE_NULL;
}

static gint64
sqlite_column_int64 (NvStmt *stmt, int column)
{
  return sqlite3_column_int64 (STMT (stmt), column);
}

static double
sqlite_column_double (NvStmt *stmt, int column)
{
  return sqlite3_column_double (STMT (stmt), column);
}

static const char *
sqlite_column_text (NvStmt *stmt, int column)
{
  return (const char *) sqlite3_column_text (STMT (stmt), column);
}

static const void *
sqlite_column_blob (NvStmt *stmt, int column)
{
  return sqlite3_column_blob (STMT (stmt), column);
}

static gsize
sqlite_column_bytes (NvStmt *stmt, int column)
{
  return (gsize) sqlite3_column_bytes (STMT (stmt), column);
}

static const NvDbBackend sqlite_backend = {
  .name = "sqlite",
  .close = sqlite_close,
  .prepare = sqlite_prepare,
  .exec = sqlite_exec,
  .set_error = sqlite_set_error,
  .last_insert_id = sqlite_last_insert_id,
  .changes = sqlite_changes,
  .total_changes = sqlite_total_changes,
  .data_version = sqlite_data_version,
  .watch_rows = sqlite_watch_rows,
  .bulk_load = sqlite_bulk_load,
  .begin = sqlite_begin,
  .commit = sqlite_commit,
  .rollback = sqlite_rollback,
  .in_transaction = sqlite_in_transaction,
  .get_schema_version = sqlite_get_schema_version,
  .set_schema_version = sqlite_set_schema_version,
  .finalize = sqlite_finalize,
  .step = sqlite_step,
  .reset = sqlite_reset,
  .clear_bindings = sqlite_clear_bindings,
  .bind_int64 = sqlite_bind_int64,
  .bind_double = sqlite_bind_double,
  .bind_text = sqlite_bind_text,
  .bind_blob = sqlite_bind_blob,
  .bind_null = sqlite_bind_null,
  .column_is_null = sqlite_column_is_null,
  .column_int64 = sqlite_column_int64,
  .column_double = sqlite_column_double,
  .column_text = sqlite_column_text,
  .column_blob = sqlite_column_blob,
  .column_bytes = sqlite_column_bytes,
};
