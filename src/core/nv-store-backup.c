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

#include "nv-store-file-private.h"
#include "nv-store-private.h"

gboolean
nv_store_check (NvStore *self, char **verdict, GError **error)
{
  g_autoptr (GString) problems = g_string_new (NULL);
  sqlite3_stmt *stmt;
  int rc;

  stmt = nv_store_prepare (self, "PRAGMA integrity_check", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *line = (const char *) sqlite3_column_text (stmt, 0);
      if (g_strcmp0 (line, "ok") != 0)
        g_string_append_printf (problems, "%s\n", line);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return nv_store_set_sql_error (self, error);

  stmt = nv_store_prepare (self, "PRAGMA foreign_key_check", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_string_append_printf (problems, _("Row %lld in %s refers to a missing row in %s\n"),
                            (long long) sqlite3_column_int64 (stmt, 1),
                            sqlite3_column_text (stmt, 0), sqlite3_column_text (stmt, 2));
  sqlite3_reset (stmt);

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

/* Copies @from into a new private temporary file beside @dest_path and renames it
 * into place, so a failure never leaves a half-written backup. */
static gboolean
backup_db (sqlite3 *from, const char *dest_path, GError **error)
{
  g_autofree char *dir = g_path_get_dirname (dest_path);
  g_autofree char *tmpl = g_build_filename (dir, ".naervaer-backup-XXXXXX", NULL);
  sqlite3 *to = NULL;
  sqlite3_backup *backup;
  int fd;
  int rc;

  fd = g_mkstemp_full (tmpl, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, NV_STORE_ERROR, NV_STORE_ERROR_IO, _("Cannot write in “%s”: %s"), dir,
                   g_strerror (saved));
      return FALSE;
    }
  close (fd);

  rc = sqlite3_open_v2 (tmpl, &to, SQLITE_OPEN_READWRITE, NULL);
  if (rc == SQLITE_OK)
    {
      backup = sqlite3_backup_init (to, "main", from, "main");
      if (backup == NULL)
        rc = sqlite3_errcode (to);
      else
        {
          rc = sqlite3_backup_step (backup, -1);
          sqlite3_backup_finish (backup);
          if (rc == SQLITE_DONE)
            rc = sqlite3_exec (to, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
        }
    }
  if (rc != SQLITE_OK)
    {
      nv_store_set_error_from_db (to, rc, dest_path, error);
      sqlite3_close_v2 (to);
      g_unlink (tmpl);
      return FALSE;
    }
  sqlite3_close_v2 (to);
  g_chmod (tmpl, 0600);
  if (g_rename (tmpl, dest_path) != 0)
    {
      int saved = errno;
      g_set_error (error, NV_STORE_ERROR, NV_STORE_ERROR_IO, _("Cannot write “%s”: %s"),
                   dest_path, g_strerror (saved));
      g_unlink (tmpl);
      return FALSE;
    }
  return TRUE;
}

gboolean
nv_store_backup (NvStore *self, const char *dest_path, GError **error)
{
  g_return_val_if_fail (NV_IS_STORE (self), FALSE);
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

gboolean
nv_store_restore (const char *db_path, const char *source_path, char **kept_copy, GError **error)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *copy = NULL;
  sqlite3 *from = NULL;
  int rc;

  if (!nv_store_validate_file (source_path, error))
    return FALSE;

  if (g_file_test (db_path, G_FILE_TEST_EXISTS))
    {
      g_autoptr (NvStore) current = nv_store_open (db_path, error);
      if (current == NULL)
        return FALSE;
      copy = g_strdup_printf ("%s.before-restore-%s", db_path, stamp);
      if (!nv_store_backup (current, copy, error))
        return FALSE;
    }
  else
    {
      g_autofree char *dir = g_path_get_dirname (db_path);
      if (!nv_store_ensure_private_dir (dir, error))
        return FALSE;
    }

  rc = sqlite3_open_v2 (source_path, &from, SQLITE_OPEN_READONLY, NULL);
  if (rc != SQLITE_OK)
    {
      nv_store_set_error_from_db (from, rc, source_path, error);
      sqlite3_close_v2 (from);
      return FALSE;
    }
  /* Write the new file beside the old and rename over it: atomic on POSIX. */
  if (!backup_db (from, db_path, error))
    {
      sqlite3_close_v2 (from);
      return FALSE;
    }
  sqlite3_close_v2 (from);

  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *side = g_strconcat (db_path, i == 0 ? "-wal" : "-shm", NULL);
      g_unlink (side);
    }

  if (kept_copy != NULL)
    *kept_copy = g_steal_pointer (&copy);
  return TRUE;
}
