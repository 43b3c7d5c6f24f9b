/* nv-store-file.c — the SQLite store's database file: find, inspect,
 * create, migrate and open it.
 *
 * Statements and transactions are in nv-store.c, the SQLite calls behind
 * them in nv-db-sqlite.c; backup, restore and the integrity check in
 * nv-store-backup.c.
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
#include "nv-file-guard.h"
#include "nv-store-file-private.h"
#include "nv-db-pg.h"
#include "nv-db-sqlite.h"
#include "nv-pg.h"
#include "nv-store-private.h"
#include "nv-store-sqlite.h"

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

/* Brings the database to schema @target, one migration per transaction;
 * sets *@version to the schema reached. */
/* PRAGMA application_id marks the file as a Nærvær database. */
static gboolean
mark_as_ours (NvDb *db, GError **error)
{
  /* Integers only: nothing user-supplied goes into this string. */
  g_autofree char *sql = g_strdup_printf ("PRAGMA application_id = %d;", NV_STORE_APPLICATION_ID);
  return db->backend->exec (db, sql, error);
}

static gboolean
migrate (NvDb *db, int *version, int target, GError **error)
{
  g_autoptr (GPtrArray) list = list_migrations ();

  for (guint i = 0; i < list->len; i++)
    {
      const char *name = g_ptr_array_index (list, i);
      int v = migration_version (name);
      g_autofree char *res_path = NULL;
      g_autoptr (GBytes) bytes = NULL;
      g_autofree char *sql = NULL;

      if (v <= *version || v > target)
        continue;
      res_path = g_build_path ("/", MIGRATIONS_PATH, name, NULL);
      bytes = g_resources_lookup_data (res_path, 0, NULL);
      g_assert (bytes != NULL);
      sql = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

      if (!db->backend->begin (db, TRUE, error))
        return FALSE;
      if (!db->backend->exec (db, sql, error) ||
          !db->backend->set_schema_version (db, v, error) ||
          !mark_as_ours (db, error) || !db->backend->commit (db, error))
        {
          db->backend->rollback (db);
          g_prefix_error (error, _("Could not upgrade the database to schema %d: "), v);
          return FALSE;
        }
      *version = v;
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

/* A new database is built in a private temporary file beside @path and
 * renamed into place, so a crash never leaves an empty or half-made file
 * at @path (which the next start would rightly refuse). */
static gboolean
create_database (const char *path, int version, GError **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *tmp = NULL;
  NvDb *fresh = NULL;
  int reached = 0;
  int fd;

  fd = nv_store_temp_file_new (dir, "new", &tmp, error);
  if (fd < 0)
    {
      g_clear_error (error);
      g_set_error (error, NV_STORE_ERROR, NV_STORE_ERROR_IO, _("Cannot create “%s”: %s"), path,
                   g_strerror (errno));
      return FALSE;
    }

  fresh = nv_db_sqlite_open (tmp, FALSE, error);
  if (fresh == NULL || !fresh->backend->exec (fresh, "PRAGMA journal_mode = DELETE;", error) ||
      !migrate (fresh, &reached, version, error) ||
      (version == 0 && !mark_as_ours (fresh, error)))
    {
      if (fresh != NULL)
        fresh->backend->close (fresh);
      g_unlink (tmp);
      close (fd);
      return FALSE;
    }
  fresh->backend->close (fresh);

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

/* A log (-wal), its index (-shm) or a rollback journal left without its
 * database (the database was deleted or moved, they were not): SQLite would
 * replay the old log into a new database made under the same name, so none
 * is made. The leftover is named and left alone. */
static gboolean
check_no_leftovers (const char *path, GError **error)
{
  static const char *const suffixes[] = { "-wal", "-journal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *side = g_strconcat (path, suffixes[i], NULL);
      GStatBuf st;

      if (g_lstat (side, &st) == 0)
        {
          g_autofree char *db_name = g_filename_display_basename (path);
          g_autofree char *side_name = g_filename_display_name (side);
          g_set_error (error, NV_STORE_ERROR, NV_STORE_ERROR_IO,
                       _("No new database was created: “%s” is left over from an earlier "
                         "database “%s” that is no longer there, and its old data would be "
                         "mixed into the new one. Move that file away (or put the old "
                         "database back), then try again."),
                       side_name, db_name);
          return FALSE;
        }
    }
  return TRUE;
}

static void
release_guard (gpointer path, GObject *store)
{
  nv_file_guard_release (path);
  g_free (path);
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
  g_autofree char *dir = NULL;
  NvStore *store;
  NvDb *db;
  gboolean read_only;
  int found_version = 0;
  GStatBuf st;

  g_return_val_if_fail (path != NULL, NULL);
  if (nv_pg_is_conninfo (path))
    return nv_store_open_with_password (path, NULL, error);
  nv_store_locks_install ();
  g_return_val_if_fail (version >= 0 && version <= nv_store_latest_schema_version (), NULL);

  dir = g_path_get_dirname (path);
  if (!nv_store_ensure_private_dir (dir, error))
    return NULL;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      if (!check_no_leftovers (path, error) || !create_database (path, version, error))
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

  db = nv_db_sqlite_open (path, read_only, error);
  if (db == NULL)
    return NULL;

  if (!db->backend->exec (db,
                          read_only ? "PRAGMA foreign_keys = ON;"
                                    : "PRAGMA journal_mode = WAL;"
                                      "PRAGMA synchronous = FULL;"
                                      "PRAGMA foreign_keys = ON;"
                                      "PRAGMA secure_delete = ON;",
                          error) ||
      (found_version < version && !migrate (db, &found_version, version, error)))
    {
      db->backend->close (db);
      return NULL;
    }

  /* SQLite gives the -wal and -shm it creates the database file's mode. */
  store = nv_store_new_for_db (db, path, found_version, read_only);
  /* While it is open, no file the user picks may be it or one of its files. */
  nv_file_guard_protect (path);
  g_object_weak_ref (G_OBJECT (store), release_guard, g_strdup (path));
  return store;
}

NvStore *
nv_store_open (const char *path, GError **error)
{
  return nv_store_open_with_password (path, NULL, error);
}

NvStore *
nv_store_open_with_password (const char *database, const char *password, GError **error)
{
  NvDb *db;
  int version = 0;

  g_return_val_if_fail (database != NULL, NULL);
  if (!nv_pg_is_conninfo (database))
    return nv_store_open_at_version (database, nv_store_latest_schema_version (), error);
  /* The core's data (templates, rules) comes with the store. */
  ensure_resources ();
  db = nv_db_pg_open (database, password, &version, error);
  if (db == NULL)
    return NULL;
  return nv_store_new_for_db (db, database, version, FALSE);
}

typedef struct
{
  char *database;
} OpenAsync;

static void
open_async_free (OpenAsync *o)
{
  g_free (o->database);
  g_free (o);
}

static void
pg_opened_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  g_autoptr (GTask) task = data;
  OpenAsync *o = g_task_get_task_data (task);
  GError *error = NULL;
  int version = 0;
  NvDb *db = nv_db_pg_open_finish (result, &version, &error);

  if (db == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, nv_store_new_for_db (db, o->database, version, FALSE),
                           g_object_unref);
}

void
nv_store_open_async (const char *database, const char *password, GCancellable *cancellable,
                     GAsyncReadyCallback callback, gpointer data)
{
  GTask *task;
  OpenAsync *o;

  g_return_if_fail (database != NULL);
  task = g_task_new (NULL, cancellable, callback, data);
  g_task_set_source_tag (task, nv_store_open_async);
  if (!nv_pg_is_conninfo (database))
    {
      GError *error = NULL;
      NvStore *store = nv_store_open (database, &error);

      if (store == NULL)
        g_task_return_error (task, error);
      else
        g_task_return_pointer (task, store, g_object_unref);
      g_object_unref (task);
      return;
    }
  ensure_resources ();
  o = g_new0 (OpenAsync, 1);
  o->database = g_strdup (database);
  g_task_set_task_data (task, o, (GDestroyNotify)open_async_free);
  nv_db_pg_open_async (database, password, cancellable, pg_opened_cb, task);
}

NvStore *
nv_store_open_finish (GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

gboolean
nv_store_describe_server (NvStore *self, char **host, char **database, char **login)
{
  NvDb *db;

  g_return_val_if_fail (NV_IS_STORE (self), FALSE);
  db = nv_store_get_connection (self);
  if (!nv_db_is_pg (db))
    return FALSE;
  nv_db_pg_describe (db, host, database, login);
  return TRUE;
}

sqlite3 *
nv_store_get_db (NvStore *self)
{
  NvDb *db = nv_store_get_connection (self);
  return g_str_equal (db->backend->name, "sqlite") ? nv_db_sqlite_handle (db) : NULL;
}
