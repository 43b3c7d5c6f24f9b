/* nv-store.c — the SQLite store: open, migrate, statements, transactions.
 *
 * Backup, restore and the integrity check are in nv-store-backup.c.
 *
 * The database holds health data, so the file, its -wal/-shm (SQLite gives
 * them the database file's mode) and every backup are 0600 in a 0700
 * directory. A file we do not recognise is never written to: it is opened
 * read-only and inspected before anything else happens.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "nv-core-resources.h"
#include "nv-store-file-private.h"
#include "nv-store-private.h"

struct _NvStore
{
  GObject parent_instance;

  char *path;
  sqlite3 *db;
  GHashTable *statements; /* const char *sql → sqlite3_stmt * */
  int schema_version;
  gboolean read_only;
};

G_DEFINE_TYPE (NvStore, nv_store, G_TYPE_OBJECT)
G_DEFINE_QUARK (nv-store-error-quark, nv_store_error)

enum
{
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

#define MIGRATIONS_PATH "/io/github/naervaer/Naervaer/core/migrations"
static const char sqlite_magic[16] = "SQLite format 3";

static void
ensure_resources (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      nv_core_register_resource ();
      g_once_init_leave (&done, 1);
    }
}

static int
migration_version (const char *name)
{
  return (int) g_ascii_strtoull (name, NULL, 10);
}

static int
compare_names (gconstpointer a, gconstpointer b)
{
  return migration_version (*(char *const *) a) - migration_version (*(char *const *) b);
}

/* Migration files are named NNN-what.sql; NNN is the schema version the file
 * brings the database to. Versions increase strictly; each file applies once. */
static GPtrArray *
list_migrations (void)
{
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) names = NULL;
  GPtrArray *list = g_ptr_array_new_with_free_func (g_free);

  ensure_resources ();
  names = g_resources_enumerate_children (MIGRATIONS_PATH, 0, &error);
  if (names == NULL)
    g_error ("migrations missing from the resource bundle: %s", error->message);

  for (guint i = 0; names[i] != NULL; i++)
    g_ptr_array_add (list, g_strdup (names[i]));
  g_ptr_array_sort (list, compare_names);

  for (guint i = 1; i < list->len; i++)
    if (migration_version (g_ptr_array_index (list, i)) <=
        migration_version (g_ptr_array_index (list, i - 1)))
      g_error ("two migrations for schema %d", migration_version (g_ptr_array_index (list, i)));
  return list;
}

int
nv_store_latest_schema_version (void)
{
  static int latest = 0;

  if (latest == 0)
    {
      g_autoptr (GPtrArray) list = list_migrations ();
      latest = migration_version (g_ptr_array_index (list, list->len - 1));
    }
  return latest;
}

GArray *
nv_store_schema_versions (void)
{
  g_autoptr (GPtrArray) list = list_migrations ();
  GArray *versions = g_array_new (FALSE, FALSE, sizeof (int));

  for (guint i = 0; i < list->len; i++)
    {
      int v = migration_version (g_ptr_array_index (list, i));
      g_array_append_val (versions, v);
    }
  return versions;
}

char *
nv_store_default_path (void)
{
  const char *env = g_getenv ("NAERVAER_DB");

  if (env != NULL && *env != '\0')
    return g_strdup (env);
  return g_build_filename (g_get_user_data_dir (), "naervaer", "naervaer.db", NULL);
}

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

static guint32
read_be32 (const guchar *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

/* The header says how many pages the database has (when its "version valid
 * for" field matches the change counter); a shorter file lost its tail. A
 * WAL file beside it may still hold pages, so only judge without one. */
static gboolean
looks_truncated (const char *path, const guchar *header, goffset size)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  guint32 page_size = ((guint32) header[16] << 8) | header[17];
  guint32 n_pages = read_be32 (header + 28);

  if (page_size == 1)
    page_size = 65536;
  if (page_size < 512 || (page_size & (page_size - 1)) != 0)
    return TRUE;
  if (size % page_size != 0)
    return TRUE;
  if (g_file_test (wal, G_FILE_TEST_EXISTS))
    return FALSE;
  if (read_be32 (header + 92) != read_be32 (header + 24) || n_pages == 0)
    return FALSE;
  return size < (goffset) n_pages * page_size;
}

static guint32
header_u32 (const guchar *header, guint offset)
{
  return read_be32 (header + offset);
}

/* Reads the first 100 bytes of @path through SQLite's own descriptor. The
 * file is never opened (and closed) beside SQLite: closing any descriptor of
 * a database would drop the locks this process holds on it. */
static int
read_header (sqlite3 *db, guchar *header, gsize len, sqlite3_int64 *size)
{
  sqlite3_file *file = NULL;
  int rc;

  rc = sqlite3_file_control (db, "main", SQLITE_FCNTL_FILE_POINTER, &file);
  if (rc != SQLITE_OK || file == NULL || file->pMethods == NULL)
    return rc != SQLITE_OK ? rc : SQLITE_CANTOPEN;
  rc = file->pMethods->xFileSize (file, size);
  if (rc != SQLITE_OK)
    return rc;
  if (*size == 0)
    return SQLITE_OK;
  return file->pMethods->xRead (file, header, (int) len, 0);
}

static gboolean
sidecar_exists (const char *path, const char *suffix)
{
  g_autofree char *side = g_strconcat (path, suffix, NULL);
  return g_file_test (side, G_FILE_TEST_EXISTS);
}

/* A read-only connection to @path that takes no locks and opens no -wal or
 * -shm (SQLite's «immutable»): only for a file nobody has open. NULL if it
 * cannot be made. */
static sqlite3 *
open_unwatched (const char *path)
{
  g_autofree char *absolute = g_canonicalize_filename (path, NULL);
  g_autofree char *uri = g_filename_to_uri (absolute, NULL, NULL);
  g_autofree char *with_query = NULL;
  sqlite3 *db = NULL;

  if (uri == NULL)
    return NULL;
  with_query = g_strconcat (uri, "?mode=ro&immutable=1", NULL);
  if (sqlite3_open_v2 (with_query, &db,
                       SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOFOLLOW,
                       NULL) != SQLITE_OK)
    {
      sqlite3_close_v2 (db);
      return NULL;
    }
  return db;
}

/* Looks at an existing file without changing it or creating anything beside
 * it. Only a Nærvær database of a schema this version knows passes; an empty
 * file is refused like any other file that is not ours, so a wrong path never
 * gets a database written into it. Files that are refused are judged from
 * their header alone, so no -wal or -shm appears next to them. */
gboolean
nv_store_inspect_file (const char *path, int *version, GError **error)
{
  sqlite3 *db = NULL;
  sqlite3 *peek = NULL;
  sqlite3_stmt *stmt = NULL;
  guchar header[100] = { 0 };
  sqlite3_int64 size = 0;
  gint64 app_id = 0;
  gint64 n_tables = 0;
  gboolean ok = FALSE;
  int rc;

  *version = 0;
  nv_store_locks_install ();

  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOFOLLOW, NULL);
  if (rc == SQLITE_OK)
    rc = read_header (db, header, sizeof header, &size);
  if (rc != SQLITE_OK && rc != SQLITE_IOERR_SHORT_READ)
    {
      g_set_error (error, NV_STORE_ERROR, NV_STORE_ERROR_IO, _("Cannot read “%s”: %s"), path,
                   db != NULL && sqlite3_errcode (db) != SQLITE_OK ? sqlite3_errmsg (db)
                                                                  : sqlite3_errstr (rc));
      sqlite3_close_v2 (db);
      return FALSE;
    }
  if (size == 0)
    {
      g_set_error (error, NV_STORE_ERROR, NV_STORE_ERROR_NOT_NAERVAER,
                   _("“%s” is an empty file, not a Nærvær database"), path);
      goto out;
    }
  if (size < (sqlite3_int64) sizeof header || memcmp (header, sqlite_magic, sizeof sqlite_magic) != 0)
    {
      g_set_error (error, NV_STORE_ERROR, NV_STORE_ERROR_NOT_NAERVAER,
                   _("“%s” is not a Nærvær database"), path);
      goto out;
    }
  if (looks_truncated (path, header, size))
    {
      g_set_error (error, NV_STORE_ERROR, NV_STORE_ERROR_CORRUPT,
                   _("The database “%s” is incomplete (the file was cut short) and cannot be "
                     "used. Restore a backup."),
                   path);
      goto out;
    }
  /* The header's own copy of the application id and schema version refuses
   * a foreign or newer file before any page is read (reading a WAL-mode
   * database would create its -wal and -shm). */
  if (header_u32 (header, 68) != NV_STORE_APPLICATION_ID)
    {
      g_set_error (error, NV_STORE_ERROR, NV_STORE_ERROR_NOT_NAERVAER,
                   _("“%s” is an SQLite database, but not one made by Nærvær"), path);
      goto out;
    }
  if ((int) header_u32 (header, 60) > nv_store_latest_schema_version ())
    {
      *version = (int) header_u32 (header, 60);
      goto too_new;
    }

  sqlite3_busy_timeout (db, NV_STORE_BUSY_TIMEOUT_MS);

  /* A WAL-mode file without a -wal beside it has no connection anywhere (the
   * last one to close removes the -wal). Reading it the usual way would
   * create its -wal and -shm before we know whether we want it; read it as a
   * file that nobody writes instead, and make it the one peeked at. Should
   * that say «damaged» while a -wal has appeared meanwhile (someone opened it
   * as we read), look again the usual way: the files exist by then. */
  if (header[18] == 2 && header[19] == 2 && !sidecar_exists (path, "-wal"))
    peek = open_unwatched (path);
  if (peek == NULL)
    peek = db;

again:
#define PEEK(sql, target)                                                      \
  G_STMT_START                                                                 \
  {                                                                            \
    rc = sqlite3_prepare_v2 (peek, sql, -1, &stmt, NULL);                      \
    if (rc != SQLITE_OK)                                                       \
      goto out_db_error;                                                       \
    rc = sqlite3_step (stmt);                                                  \
    if (rc != SQLITE_ROW)                                                      \
      goto out_db_error;                                                       \
    target = sqlite3_column_int64 (stmt, 0);                                   \
    sqlite3_finalize (stmt);                                                   \
    stmt = NULL;                                                               \
  }                                                                            \
  G_STMT_END

  PEEK ("PRAGMA application_id", app_id);
  PEEK ("PRAGMA user_version", *version);
  /* Reads the schema page: fails on a damaged first page. */
  PEEK ("SELECT count(*) FROM sqlite_master", n_tables);
#undef PEEK
  (void) n_tables;

  if (app_id != NV_STORE_APPLICATION_ID)
    {
      g_set_error (error, NV_STORE_ERROR, NV_STORE_ERROR_NOT_NAERVAER,
                   _("“%s” is an SQLite database, but not one made by Nærvær"), path);
      goto out;
    }
  if (*version > nv_store_latest_schema_version ())
    goto too_new;
  ok = TRUE;
  goto out;

too_new:
  g_set_error (error, NV_STORE_ERROR, NV_STORE_ERROR_TOO_NEW,
               _("“%s” was written by a newer version of Nærvær (schema %d, this version "
                 "knows %d). Update Nærvær to open it."),
               path, *version, nv_store_latest_schema_version ());
  goto out;

out_db_error:
  if (stmt != NULL)
    sqlite3_finalize (stmt);
  stmt = NULL;
  if (peek != db && sidecar_exists (path, "-wal"))
    {
      sqlite3_close_v2 (peek);
      peek = db;
      goto again;
    }
  nv_store_set_error_from_db (peek, rc, path, error);
out:
  if (stmt != NULL)
    sqlite3_finalize (stmt);
  if (peek != db)
    sqlite3_close_v2 (peek);
  sqlite3_close_v2 (db);
  return ok;
}

static gboolean
exec_sql (sqlite3 *db, const char *sql, const char *path, GError **error)
{
  char *msg = NULL;
  int rc = sqlite3_exec (db, sql, NULL, NULL, &msg);

  if (rc != SQLITE_OK)
    {
      nv_store_set_error_from_db (db, rc, path, error);
      sqlite3_free (msg);
      return FALSE;
    }
  return TRUE;
}

static gboolean
migrate (NvStore *self, int target, GError **error)
{
  g_autoptr (GPtrArray) list = list_migrations ();

  for (guint i = 0; i < list->len; i++)
    {
      const char *name = g_ptr_array_index (list, i);
      int v = migration_version (name);
      g_autofree char *res_path = NULL;
      g_autoptr (GBytes) bytes = NULL;
      g_autofree char *sql = NULL;
      g_autofree char *stamp = NULL;

      if (v <= self->schema_version || v > target)
        continue;
      res_path = g_build_path ("/", MIGRATIONS_PATH, name, NULL);
      bytes = g_resources_lookup_data (res_path, 0, NULL);
      g_assert (bytes != NULL);
      sql = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
      /* Integers only: nothing user-supplied goes into this string. */
      stamp = g_strdup_printf ("PRAGMA user_version = %d; PRAGMA application_id = %d;", v,
                               NV_STORE_APPLICATION_ID);

      if (!exec_sql (self->db, "BEGIN IMMEDIATE", self->path, error))
        return FALSE;
      if (!exec_sql (self->db, sql, self->path, error) ||
          !exec_sql (self->db, stamp, self->path, error) ||
          !exec_sql (self->db, "COMMIT", self->path, error))
        {
          sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
          g_prefix_error (error, _("Could not upgrade the database to schema %d: "), v);
          return FALSE;
        }
      self->schema_version = v;
    }
  return TRUE;
}

gboolean
nv_store_ensure_private_dir (const char *dir, GError **error)
{
  g_autofree char *default_path = nv_store_default_path ();
  g_autofree char *default_dir = g_path_get_dirname (default_path);
  gboolean ours = !g_file_test (dir, G_FILE_TEST_IS_DIR) ||
                  g_strcmp0 (dir, default_dir) == 0;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, NV_STORE_ERROR, NV_STORE_ERROR_IO, _("Cannot create the folder “%s”: %s"),
                   dir, g_strerror (saved));
      return FALSE;
    }
  /* Tighten only folders that are ours; never chmod e.g. /tmp. */
  if (ours)
    g_chmod (dir, 0700);
  return TRUE;
}

/* Opens a connection to an existing file; nothing is written yet. */
static NvStore *
connect (const char *path, int found_version, gboolean read_only, GError **error)
{
  g_autoptr (NvStore) self = g_object_new (NV_TYPE_STORE, NULL);
  int rc;

  self->path = g_strdup (path);
  self->schema_version = found_version;
  self->read_only = read_only;
  rc = sqlite3_open_v2 (path, &self->db,
                        (read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE) |
                          SQLITE_OPEN_NOFOLLOW,
                        NULL);
  if (rc != SQLITE_OK)
    {
      nv_store_set_error_from_db (self->db, rc, path, error);
      return NULL;
    }
  sqlite3_extended_result_codes (self->db, 0);
  sqlite3_busy_timeout (self->db, NV_STORE_BUSY_TIMEOUT_MS);
  return g_steal_pointer (&self);
}

/* A new database is built in a private temporary file beside @path and
 * renamed into place, so a crash never leaves an empty or half-made file
 * at @path (which the next start would rightly refuse). */
static gboolean
create_database (const char *path, int version, GError **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *tmp = NULL;
  g_autoptr (NvStore) fresh = NULL;
  g_autofree char *app_id_pragma =
    g_strdup_printf ("PRAGMA application_id = %d;", NV_STORE_APPLICATION_ID);
  int fd;

  fd = nv_store_temp_file_new (dir, "new", &tmp, error);
  if (fd < 0)
    {
      g_clear_error (error);
      g_set_error (error, NV_STORE_ERROR, NV_STORE_ERROR_IO, _("Cannot create “%s”: %s"), path,
                   g_strerror (errno));
      return FALSE;
    }

  fresh = connect (tmp, 0, FALSE, error);
  if (fresh == NULL || !exec_sql (fresh->db, "PRAGMA journal_mode = DELETE;", tmp, error) ||
      !migrate (fresh, version, error) ||
      (version == 0 && !exec_sql (fresh->db, app_id_pragma, tmp, error)))
    {
      g_clear_object (&fresh);
      g_unlink (tmp);
      close (fd);
      return FALSE;
    }
  g_clear_object (&fresh);

  if (g_rename (tmp, path) != 0)
    {
      int saved = errno;
      g_set_error (error, NV_STORE_ERROR, NV_STORE_ERROR_IO, _("Cannot create “%s”: %s"), path,
                   g_strerror (saved));
      g_unlink (tmp);
      close (fd);
      return FALSE;
    }
  close (fd);
  return TRUE;
}

/* Whether @path may be written: the user may, and its mode says so (even
 * for root, who may write anything: a file made read-only stays so). */
static gboolean
may_write (const char *path)
{
  GStatBuf st;

  return g_stat (path, &st) == 0 && (st.st_mode & 0222) != 0 && g_access (path, W_OK) == 0;
}

NvStore *
nv_store_open_at_version (const char *path, int version, GError **error)
{
  g_autoptr (NvStore) self = NULL;
  g_autofree char *dir = NULL;
  gboolean read_only;
  int found_version = 0;
  GStatBuf st;

  g_return_val_if_fail (path != NULL, NULL);
  nv_store_locks_install ();
  g_return_val_if_fail (version >= 0 && version <= nv_store_latest_schema_version (), NULL);

  dir = g_path_get_dirname (path);
  if (!nv_store_ensure_private_dir (dir, error))
    return NULL;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      if (!create_database (path, version, error))
        return NULL;
    }
  else if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, NV_STORE_ERROR, NV_STORE_ERROR_IO,
                   _("“%s” is a folder, not a database file"), path);
      return NULL;
    }
  if (!nv_store_inspect_file (path, &found_version, error))
    return NULL;

  /* A file (or folder) we may not write is opened read-only, never made
   * writable: reading works, every write says the file is read-only. */
  read_only = !may_write (path) || !may_write (dir);
  if (!read_only)
    nv_store_remove_stale_temp_files (dir);
  /* A file others may read is refused, not tightened: another process may
   * have it open, and a file SQLite holds is never touched beside it. Every
   * database Nærvær makes is private from the start (create_database). */
  if (!read_only && g_stat (path, &st) == 0 && (st.st_mode & 0077) != 0)
    {
      g_set_error (error, NV_STORE_ERROR, NV_STORE_ERROR_IO,
                   _("“%s” can be read by other users of this computer (permissions %03o). It "
                     "holds health data: make it readable by you alone (Files › Properties › "
                     "Permissions, or “chmod 600” in a terminal), then open it again."),
                   path, (guint) (st.st_mode & 0777));
      return NULL;
    }
  if (read_only && found_version < version)
    {
      g_set_error (error, NV_STORE_ERROR, NV_STORE_ERROR_IO,
                   _("“%s” is read-only, and this version of Nærvær must upgrade it before "
                     "use. Open it once where it can be written."),
                   path);
      return NULL;
    }

  self = connect (path, found_version, read_only, error);
  if (self == NULL)
    return NULL;

  if (!exec_sql (self->db,
                 read_only ? "PRAGMA foreign_keys = ON;"
                           : "PRAGMA journal_mode = WAL;"
                             "PRAGMA synchronous = FULL;"
                             "PRAGMA foreign_keys = ON;"
                             "PRAGMA secure_delete = ON;",
                 path, error))
    return NULL;

  if (self->schema_version < version && !migrate (self, version, error))
    return NULL;

  /* SQLite gives the -wal and -shm it creates the database file's mode. */
  return g_steal_pointer (&self);
}

NvStore *
nv_store_open (const char *path, GError **error)
{
  return nv_store_open_at_version (path, nv_store_latest_schema_version (), error);
}

const char *
nv_store_get_path (NvStore *self)
{
  g_return_val_if_fail (NV_IS_STORE (self), NULL);
  return self->path;
}

gboolean
nv_store_is_read_only (NvStore *self)
{
  g_return_val_if_fail (NV_IS_STORE (self), FALSE);
  return self->read_only;
}

int
nv_store_get_schema_version (NvStore *self)
{
  g_return_val_if_fail (NV_IS_STORE (self), 0);
  return self->schema_version;
}

sqlite3 *
nv_store_get_db (NvStore *self)
{
  g_return_val_if_fail (NV_IS_STORE (self), NULL);
  return self->db;
}

sqlite3_stmt *
nv_store_prepare (NvStore *self, const char *sql, GError **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (NV_IS_STORE (self), NULL);

  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }
  if (sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
    {
      nv_store_set_sql_error (self, error);
      return NULL;
    }
  g_hash_table_insert (self->statements, (gpointer) sql, stmt);
  return stmt;
}

gboolean
nv_store_set_sql_error (NvStore *self, GError **error)
{
  int rc = sqlite3_errcode (self->db);
  return nv_store_set_error_from_db (self->db, rc, self->path, error);
}

gboolean
nv_store_step_done (NvStore *self, sqlite3_stmt *stmt, GError **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      nv_store_set_sql_error (self, error);
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);
  return TRUE;
}

gboolean
nv_store_row_exists (NvStore *self, const char *sql, gint64 id, gboolean *found, GError **error)
{
  sqlite3_stmt *stmt = nv_store_prepare (self, sql, error);
  int rc;

  *found = FALSE;
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return nv_store_set_sql_error (self, error);
  *found = rc == SQLITE_ROW;
  return TRUE;
}

gboolean
nv_store_delete_row (NvStore *self, const char *sql, gint64 id, const char *gone,
                     GError **error)
{
  sqlite3_stmt *stmt = nv_store_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!nv_store_step_done (self, stmt, error))
    return FALSE;
  if (gone != NULL && sqlite3_changes (self->db) == 0)
    {
      g_set_error_literal (error, NV_STORE_ERROR, NV_STORE_ERROR_NOT_FOUND, gone);
      return FALSE;
    }
  return TRUE;
}

void
nv_stmt_bind_text (sqlite3_stmt *stmt, int index, const char *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

char *
nv_stmt_dup_text (sqlite3_stmt *stmt, int column)
{
  const unsigned char *text = sqlite3_column_text (stmt, column);
  return text != NULL ? g_strdup ((const char *) text) : NULL;
}

void
nv_store_emit_changed (NvStore *self, const char *what)
{
  g_return_if_fail (NV_IS_STORE (self));
  g_signal_emit (self, signals[SIGNAL_CHANGED], g_quark_from_string (what), what);
}

gboolean
nv_store_begin (NvStore *self, GError **error)
{
  return exec_sql (self->db, "BEGIN IMMEDIATE", self->path, error);
}

gboolean
nv_store_try_begin (NvStore *self)
{
  int rc;

  if (!sqlite3_get_autocommit (self->db))
    return FALSE;
  sqlite3_busy_timeout (self->db, 0);
  rc = sqlite3_exec (self->db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
  sqlite3_busy_timeout (self->db, NV_STORE_BUSY_TIMEOUT_MS);
  return rc == SQLITE_OK;
}

gboolean
nv_store_commit (NvStore *self, GError **error)
{
  if (!exec_sql (self->db, "COMMIT", self->path, error))
    {
      nv_store_rollback (self);
      return FALSE;
    }
  return TRUE;
}

void
nv_store_rollback (NvStore *self)
{
  if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
}

static void
nv_store_finalize (GObject *object)
{
  NvStore *self = NV_STORE (object);

  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->db != NULL)
    {
      /* A clean close checkpoints the WAL into the main file. */
      sqlite3_close_v2 (self->db);
      self->db = NULL;
    }
  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (nv_store_parent_class)->finalize (object);
}

static void
nv_store_class_init (NvStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = nv_store_finalize;

  /**
   * NvStore::changed:
   * @what: which kind of data changed ("units", "spells", …)
   */
  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED, 0, NULL, NULL,
                                          NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
nv_store_init (NvStore *self)
{
  self->statements = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, finalize_statement);
}
