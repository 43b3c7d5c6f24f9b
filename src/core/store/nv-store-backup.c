/* nv-store-backup.c — back up, restore and check the SQLite store.
 *
 * A backup is written to a private (0600) temporary file beside its target
 * and renamed into place, so a failure never leaves a half-written file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "nv-file-guard.h"
#include "nv-store-file-private.h"
#include "nv-pg.h"
#include "nv-store-private.h"
#include "nv-store-sqlite.h"

/* Backups, restores and file checks are the local file's; the server's are
 * the municipality's IT's (pg_dump, its own monitoring). */
static gboolean
refuse_shared (const char *database, GError **error)
{
  g_set_error (error, NV_STORE_ERROR, NV_STORE_ERROR_INVALID,
               _("“%s” is a PostgreSQL connection to the municipality’s shared server. Its "
                 "backups and checks are made by the municipality’s IT on the server, not by "
                 "Nærvær."),
               database);
  return FALSE;
}

gboolean
nv_store_check (NvStore *self, char **verdict, GError **error)
{
  g_autoptr (GString) problems = g_string_new (NULL);
  NvStmt *stmt;
  NvStep rc;

  if (nv_store_is_shared (self))
    return refuse_shared (nv_store_get_path (self), error);
  stmt = nv_store_prepare (self, "PRAGMA integrity_check", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = nv_stmt_step (stmt)) == NV_ROW)
    {
      const char *line = nv_stmt_column_text (stmt, 0);
      if (g_strcmp0 (line, "ok") != 0)
        g_string_append_printf (problems, "%s\n", line);
    }
  nv_stmt_reset (stmt);
  if (rc != NV_DONE)
    return nv_store_set_sql_error (self, error);

  stmt = nv_store_prepare (self, "PRAGMA foreign_key_check", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = nv_stmt_step (stmt)) == NV_ROW)
    g_string_append_printf (problems, _("Row %lld in %s refers to a missing row in %s\n"),
                            (long long) nv_stmt_column_int64 (stmt, 1),
                            nv_stmt_column_text (stmt, 0), nv_stmt_column_text (stmt, 2));
  nv_stmt_reset (stmt);

  if (problems->len == 0)
    {
      if (verdict != NULL)
        *verdict = g_strdup_printf (_("The database is healthy: “%s” passed the integrity check "
                                      "(schema %d)."),
                                    nv_store_get_path (self), nv_store_get_schema_version (self));
      return TRUE;
    }
  g_set_error (error, NV_STORE_ERROR, NV_STORE_ERROR_CORRUPT,
               _("The database “%s” is damaged. Restore a backup.\n%s"),
               nv_store_get_path (self), problems->str);
  return FALSE;
}

/* Copies all of @from into @to in one transaction, waiting for other
 * writers as a connection's busy timeout would. */
static int
copy_pages (sqlite3 *to, sqlite3 *from)
{
  sqlite3_backup *backup = sqlite3_backup_init (to, "main", from, "main");
  gint64 deadline = g_get_monotonic_time () + (gint64) NV_STORE_BUSY_TIMEOUT_MS * 1000;
  int rc;

  if (backup == NULL)
    return sqlite3_errcode (to);
  do
    {
      rc = sqlite3_backup_step (backup, -1);
      if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
        g_usleep (20000);
    }
  while ((rc == SQLITE_BUSY || rc == SQLITE_LOCKED) && g_get_monotonic_time () < deadline);
  sqlite3_backup_finish (backup);
  return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

/* Copies @from into a new private temporary file beside @dest_path and renames it
 * into place, so a failure never leaves a half-written backup. */
static gboolean
backup_db (sqlite3 *from, const char *dest_path, GError **error)
{
  g_autofree char *dir = g_path_get_dirname (dest_path);
  g_autofree char *tmp = NULL;
  sqlite3 *to = NULL;
  int fd;
  int rc;

  nv_store_remove_stale_temp_files (dir);
  fd = nv_store_temp_file_new (dir, "backup", &tmp, error);
  if (fd < 0)
    return FALSE;

  rc = sqlite3_open_v2 (tmp, &to, SQLITE_OPEN_READWRITE, NULL);
  if (rc == SQLITE_OK)
    rc = copy_pages (to, from);
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (to, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      nv_store_set_error_from_db (to, rc, dest_path, error);
      sqlite3_close_v2 (to);
      g_unlink (tmp);
      close (fd);
      return FALSE;
    }
  sqlite3_close_v2 (to);
  if (g_rename (tmp, dest_path) != 0)
    {
      int saved = errno;
      g_set_error (error, NV_STORE_ERROR, NV_STORE_ERROR_IO, _("Cannot write “%s”: %s"),
                   dest_path, g_strerror (saved));
      g_unlink (tmp);
      close (fd);
      return FALSE;
    }
  close (fd);
  return TRUE;
}

gboolean
nv_store_backup (NvStore *self, const char *dest_path, GError **error)
{
  g_return_val_if_fail (NV_IS_STORE (self), FALSE);
  if (nv_store_is_shared (self))
    return refuse_shared (nv_store_get_path (self), error);
  /* Never renamed over the open database (nv-file-guard.h). */
  if (!nv_file_guard_check_save (dest_path, error))
    return FALSE;
  return backup_db (nv_store_get_db (self), dest_path, error);
}

gboolean
nv_store_validate_file (const char *path, GError **error)
{
  int version = 0;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gboolean ok = FALSE;

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, NV_STORE_ERROR, NV_STORE_ERROR_IO, _("“%s” does not exist"), path);
      return FALSE;
    }
  if (!nv_store_inspect_file (path, &version, error))
    return FALSE;
  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
      sqlite3_busy_timeout (db, NV_STORE_BUSY_TIMEOUT_MS) == SQLITE_OK &&
      sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW &&
      g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") == 0)
    ok = TRUE;
  else
    g_set_error (error, NV_STORE_ERROR, NV_STORE_ERROR_CORRUPT,
                 _("The database “%s” is damaged and cannot be used"), path);
  sqlite3_finalize (stmt);
  sqlite3_close_v2 (db);
  return ok;
}

/* The statements that give a restored copy the live database's page size
 * (SQLite allows the powers of two from 512 to 65536), as fixed text; NULL
 * for any other size, which leaves the copy's own. */
static const char *
page_size_sql (int page_size)
{
  switch (page_size)
    {
    case 512:
      return "PRAGMA journal_mode = DELETE; PRAGMA page_size = 512; VACUUM;";
    case 1024:
      return "PRAGMA journal_mode = DELETE; PRAGMA page_size = 1024; VACUUM;";
    case 2048:
      return "PRAGMA journal_mode = DELETE; PRAGMA page_size = 2048; VACUUM;";
    case 4096:
      return "PRAGMA journal_mode = DELETE; PRAGMA page_size = 4096; VACUUM;";
    case 8192:
      return "PRAGMA journal_mode = DELETE; PRAGMA page_size = 8192; VACUUM;";
    case 16384:
      return "PRAGMA journal_mode = DELETE; PRAGMA page_size = 16384; VACUUM;";
    case 32768:
      return "PRAGMA journal_mode = DELETE; PRAGMA page_size = 32768; VACUUM;";
    case 65536:
      return "PRAGMA journal_mode = DELETE; PRAGMA page_size = 65536; VACUUM;";
    default:
      return NULL;
    }
}

/* The backup @source_path, brought to this version's schema (and to the
 * page size of @live, which a WAL database cannot change) in a private
 * temporary file in @dir. Returns the file's descriptor (see
 * nv_store_temp_file_new()) and sets @tmp_path, or -1. */
static int
prepare_restore_copy (sqlite3 *live, const char *source_path, const char *dir, char **tmp_path,
                      GError **error)
{
  g_autoptr (NvStore) migrated = NULL;
  g_autofree char *tmp = NULL;
  sqlite3 *from = NULL;
  sqlite3 *to = NULL;
  sqlite3_stmt *stmt = NULL;
  int live_page_size = 0;
  int fd;
  int rc;

  fd = nv_store_temp_file_new (dir, "restore", &tmp, error);
  if (fd < 0)
    return -1;

  if (sqlite3_prepare_v2 (live, "PRAGMA page_size", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    live_page_size = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);

  rc = sqlite3_open_v2 (source_path, &from, SQLITE_OPEN_READONLY, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_open_v2 (tmp, &to, SQLITE_OPEN_READWRITE, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_busy_timeout (from, NV_STORE_BUSY_TIMEOUT_MS);
      rc = copy_pages (to, from);
    }
  if (rc == SQLITE_OK && page_size_sql (live_page_size) != NULL)
    rc = sqlite3_exec (to, page_size_sql (live_page_size), NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    nv_store_set_error_from_db (to != NULL ? to : from, rc, source_path, error);
  sqlite3_close_v2 (from);
  sqlite3_close_v2 (to);
  if (rc == SQLITE_OK)
    migrated = nv_store_open (tmp, error);
  if (migrated == NULL)
    {
      g_unlink (tmp);
      close (fd);
      return -1;
    }
  g_clear_object (&migrated);
  *tmp_path = g_steal_pointer (&tmp);
  return fd;
}

static void
remove_database_files (const char *path)
{
  static const char *const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *name = g_strconcat (path, suffixes[i], NULL);
      g_unlink (name);
    }
}

/* Restores through SQLite into the live database: one write transaction
 * that every other connection (the app, another command) sees like any
 * other write. Nothing another process has open is ever replaced or
 * removed. The database as it was is kept as a copy first. */
gboolean
nv_store_restore_into (NvStore *store, const char *source_path, char **kept_copy, GError **error)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  const char *db_path = nv_store_get_path (store);
  g_autofree char *dir = g_path_get_dirname (db_path);
  g_autofree char *copy = g_strdup_printf ("%s.before-restore-%s", db_path, stamp);
  g_autofree char *tmp = NULL;
  sqlite3 *from = NULL;
  int fd;
  int rc;

  g_return_val_if_fail (NV_IS_STORE (store), FALSE);
  if (nv_store_is_shared (store))
    return refuse_shared (db_path, error);

  /* The backup to restore is never the open database or its working files. */
  if (!nv_file_guard_check_read (source_path, error) ||
      !nv_store_validate_file (source_path, error))
    return FALSE;
  if (!nv_store_backup (store, copy, error))
    return FALSE;

  fd = prepare_restore_copy (nv_store_get_db (store), source_path, dir, &tmp, error);
  if (fd < 0)
    return FALSE;
  rc = sqlite3_open_v2 (tmp, &from, SQLITE_OPEN_READONLY, NULL);
  if (rc == SQLITE_OK)
    rc = copy_pages (nv_store_get_db (store), from);
  if (rc != SQLITE_OK)
    nv_store_set_error_from_db (nv_store_get_db (store), rc, db_path, error);
  sqlite3_close_v2 (from);
  remove_database_files (tmp);
  close (fd);
  if (rc != SQLITE_OK)
    return FALSE;

  nv_store_announce_restore (store);
  if (kept_copy != NULL)
    *kept_copy = g_steal_pointer (&copy);
  return TRUE;
}

gboolean
nv_store_restore (const char *db_path, const char *source_path, char **kept_copy, GError **error)
{
  g_autoptr (NvStore) current = NULL;
  gboolean existed = g_file_test (db_path, G_FILE_TEST_EXISTS);
  g_autofree char *copy = NULL;

  if (nv_pg_is_conninfo (db_path))
    return refuse_shared (db_path, error);
  if (!nv_store_validate_file (source_path, error))
    return FALSE;
  current = nv_store_open (db_path, error);
  if (current == NULL || !nv_store_restore_into (current, source_path, &copy, error))
    return FALSE;
  if (!existed)
    {
      g_unlink (copy);
      g_clear_pointer (&copy, g_free);
    }
  if (kept_copy != NULL)
    *kept_copy = g_steal_pointer (&copy);
  return TRUE;
}
