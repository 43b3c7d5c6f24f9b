/* nv-auto-backup.c — automatic rolling backups (see nv-auto-backup.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-auto-backup"

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include "nv-auto-backup.h"
#include "nv-store-file-private.h"

#define PREFIX "naervaer-"
#define SUFFIX ".db"
/* "YYYYMMDD-HHMMSS" */
#define STAMP_LEN 15

char *
nv_auto_backup_dir (NvStore *store)
{
  g_autofree char *dir = NULL;

  g_return_val_if_fail (NV_IS_STORE (store), NULL);
  dir = g_path_get_dirname (nv_store_get_path (store));
  return g_build_filename (dir, "backups", NULL);
}

/* The stamp of an automatic backup's base name, or FALSE when @name is not one. */
static gboolean
parse_name (const char *name, int *fields)
{
  const char *stamp;
  size_t len = strlen (name);

  if (!g_str_has_prefix (name, PREFIX) || !g_str_has_suffix (name, SUFFIX) ||
      len < strlen (PREFIX) + STAMP_LEN + 2 + strlen (SUFFIX))
    return FALSE;
  stamp = name + strlen (PREFIX);
  for (int i = 0; i < STAMP_LEN; i++)
    if (i == 8 ? stamp[i] != '-' : !g_ascii_isdigit (stamp[i]))
      return FALSE;
  if (stamp[STAMP_LEN] != '-')
    return FALSE;
  for (const char *p = stamp + STAMP_LEN + 1; p < name + len - strlen (SUFFIX); p++)
    if (!g_ascii_isalpha (*p) && *p != '-' && !g_ascii_isdigit (*p))
      return FALSE;
  if (fields != NULL)
    {
      char buf[5] = { 0 };
      static const int offsets[] = { 0, 4, 6, 9, 11, 13 };
      static const int widths[] = { 4, 2, 2, 2, 2, 2 };

      for (int i = 0; i < 6; i++)
        {
          memcpy (buf, stamp + offsets[i], widths[i]);
          buf[widths[i]] = '\0';
          fields[i] = atoi (buf);
        }
    }
  return TRUE;
}

GDateTime *
nv_auto_backup_time (const char *path)
{
  g_autofree char *name = g_path_get_basename (path);
  g_autoptr (GTimeZone) local = g_time_zone_new_local ();
  int f[6];

  if (!parse_name (name, f))
    return NULL;
  return g_date_time_new (local, f[0], f[1], f[2], f[3], f[4], f[5]);
}

static int
compare_newest_first (gconstpointer a, gconstpointer b)
{
  g_autofree char *name_a = g_path_get_basename (*(const char *const *) a);
  g_autofree char *name_b = g_path_get_basename (*(const char *const *) b);

  /* The stamp sorts as text; a later stamp first. */
  return -strcmp (name_a, name_b);
}

GPtrArray *
nv_auto_backup_list (const char *dir)
{
  GPtrArray *files = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (parse_name (name, NULL) && g_file_test (path, G_FILE_TEST_IS_REGULAR))
        g_ptr_array_add (files, g_steal_pointer (&path));
    }
  g_ptr_array_sort (files, compare_newest_first);
  return files;
}

void
nv_auto_backup_prune (const char *dir, guint keep)
{
  g_autoptr (GPtrArray) files = nv_auto_backup_list (dir);

  keep = CLAMP (keep, NV_AUTO_BACKUP_KEEP_MIN, NV_AUTO_BACKUP_KEEP_MAX);
  /* Finished backups only: no connection holds them open. */
  for (guint i = keep; i < files->len; i++)
    if (g_unlink (g_ptr_array_index (files, i)) != 0)
      g_warning ("Cannot remove the old backup “%s”: %s", (char *) g_ptr_array_index (files, i),
                 g_strerror (errno));
}

gboolean
nv_auto_backup_daily_due (const char *dir, GDateTime *now)
{
  g_autoptr (GPtrArray) files = nv_auto_backup_list (dir);

  for (guint i = 0; i < files->len; i++)
    {
      g_autoptr (GDateTime) when = nv_auto_backup_time (g_ptr_array_index (files, i));

      if (when != NULL && g_date_time_get_year (when) == g_date_time_get_year (now) &&
          g_date_time_get_day_of_year (when) == g_date_time_get_day_of_year (now))
        return FALSE;
    }
  return TRUE;
}

gboolean
nv_auto_backup_make (NvStore *store, const char *dir, const char *reason, GDateTime *now,
                     guint keep, char **path, GError **error)
{
  g_autofree char *stamp = NULL;
  g_autofree char *target = NULL;
  g_autoptr (GDateTime) local = NULL;

  g_return_val_if_fail (NV_IS_STORE (store), FALSE);
  g_return_val_if_fail (reason != NULL && *reason != '\0', FALSE);

  if (!nv_store_ensure_private_dir (dir, error))
    return FALSE;
  local = g_date_time_to_local (now);
  stamp = g_date_time_format (local, "%Y%m%d-%H%M%S");
  /* Two backups within one second (two quick imports) get distinct names. */
  for (guint n = 1; target == NULL || g_file_test (target, G_FILE_TEST_EXISTS); n++)
    {
      g_autofree char *name = n == 1 ? g_strdup_printf (PREFIX "%s-%s" SUFFIX, stamp, reason)
                                     : g_strdup_printf (PREFIX "%s-%s-%u" SUFFIX, stamp, reason, n);
      g_free (target);
      target = g_build_filename (dir, name, NULL);
    }
  if (!nv_store_backup (store, target, error))
    return FALSE;
  nv_auto_backup_prune (dir, keep);
  if (path != NULL)
    *path = g_steal_pointer (&target);
  return TRUE;
}
