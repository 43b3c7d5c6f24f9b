/* nv-file-guard.c — a file the user picks is never the database (see
 * nv-file-guard.h).
 *
 * Why: SQLite keeps processes apart with file locks, and writers replace
 * their target by renaming a finished temporary file over it. A user who
 * picked the database itself (the file chooser lists it beside the CSV files
 * and backups) as the file to import, or as the name to save a report under,
 * would have the file read beside SQLite's connection or replaced under the
 * running store and every other process that shares it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-file-guard"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "nv-file-guard.h"

G_DEFINE_QUARK (nv - file - guard - error - quark, nv_file_guard_error)

static GMutex lock;
static GHashTable *databases; /* char *path of an open database → GUINT count */
static NvFileGuardHeldFunc held_func;

/* The database first: a match at index 0 is the database itself. */
static const char *const suffixes[] = { "", "-wal", "-shm", "-journal" };

void
nv_file_guard_protect (const char *path)
{
  g_return_if_fail (path != NULL);
  g_mutex_lock (&lock);
  if (databases == NULL)
    databases = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_hash_table_insert (
      databases, g_strdup (path),
      GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (databases, path)) + 1));
  g_mutex_unlock (&lock);
}

void
nv_file_guard_release (const char *path)
{
  guint count;

  g_return_if_fail (path != NULL);
  g_mutex_lock (&lock);
  count = databases != NULL ? GPOINTER_TO_UINT (g_hash_table_lookup (databases, path)) : 0;
  if (count > 1)
    g_hash_table_insert (databases, g_strdup (path), GUINT_TO_POINTER (count - 1));
  else if (count == 1)
    g_hash_table_remove (databases, path);
  g_mutex_unlock (&lock);
}

void
nv_file_guard_set_held_func (NvFileGuardHeldFunc held)
{
  g_mutex_lock (&lock);
  held_func = held;
  g_mutex_unlock (&lock);
}

static gboolean
same_file (const GStatBuf *a, const GStatBuf *b)
{
  return a->st_dev == b->st_dev && a->st_ino == b->st_ino;
}

/* Whether @a and @b name the same entry of the same folder, neither of
 * which need exist (stat of the folders, equal base names). */
static gboolean
same_name (const char *a, const char *b)
{
  g_autofree char *base_a = g_path_get_basename (a);
  g_autofree char *base_b = g_path_get_basename (b);
  g_autofree char *dir_a = NULL;
  g_autofree char *dir_b = NULL;
  GStatBuf sa, sb;

  if (strcmp (base_a, base_b) != 0)
    return FALSE;
  dir_a = g_path_get_dirname (a);
  dir_b = g_path_get_dirname (b);
  return g_stat (dir_a, &sa) == 0 && g_stat (dir_b, &sb) == 0 && same_file (&sa, &sb);
}

/* The open database that @path (with @st, or NULL when @path does not
 * exist) belongs to, and in @suffix which of its files it is; NULL if none.
 * Called with the lock held. */
static char *
find_protected (const char *path, const GStatBuf *st, guint *suffix)
{
  GHashTableIter iter;
  gpointer key;

  if (databases == NULL)
    return NULL;
  g_hash_table_iter_init (&iter, databases);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
      {
        g_autofree char *name = g_strconcat (key, suffixes[i], NULL);
        GStatBuf ps;
        gboolean match = st != NULL ? g_stat (name, &ps) == 0 && same_file (st, &ps)
                                    : i > 0 && same_name (path, name);
        if (match)
          {
            *suffix = i;
            return g_strdup (key);
          }
      }
  return NULL;
}

static gboolean
refuse (const char *path, const char *database, gboolean saving, GError **error)
{
  g_autofree char *name = g_filename_display_basename (path);
  g_autofree char *db_name = database != NULL ? g_filename_display_basename (database) : NULL;

  if (db_name == NULL || strcmp (name, db_name) == 0)
    g_set_error (error, NV_FILE_GUARD_ERROR, NV_FILE_GUARD_ERROR_DATABASE,
                 saving ? _ ("“%s” is the database Nærvær is using. Saving there would replace "
                             "all its data, so nothing was written. Choose another name or "
                             "folder.")
                        : _ ("“%s” is the database Nærvær is using, not a file to read from. "
                             "Nothing was read from it. Choose another file."),
                 name);
  else
    g_set_error (error, NV_FILE_GUARD_ERROR, NV_FILE_GUARD_ERROR_DATABASE,
                 saving ? _ ("“%s” is a working file of the database Nærvær is using (“%s”). "
                             "Saving there would damage the database, so nothing was written. "
                             "Choose another name or folder.")
                        : _ ("“%s” is a working file of the database Nærvær is using (“%s”), "
                             "not a file to read from. Nothing was read from it. Choose another "
                             "file."),
                 name, db_name);
  return FALSE;
}

static gboolean
check (const char *path, gboolean saving, GError **error)
{
  g_autofree char *database = NULL;
  GStatBuf st, lst;
  gboolean exists, linked = FALSE, held = FALSE;
  guint suffix = 0;

  g_return_val_if_fail (path != NULL, FALSE);
  exists = g_stat (path, &st) == 0;
  /* A save renames over the link itself, a read follows it: look at both. */
  if (saving && g_lstat (path, &lst) == 0 && S_ISLNK (lst.st_mode))
    linked = TRUE;
  if (!exists && !saving)
    return TRUE; /* nothing to read: opening it will say so */

  g_mutex_lock (&lock);
  database = find_protected (path, exists ? &st : NULL, &suffix);
  if (database == NULL && linked)
    database = find_protected (path, &lst, &suffix);
  if (database == NULL && held_func != NULL)
    held = (exists && held_func (st.st_dev, st.st_ino))
           || (linked && held_func (lst.st_dev, lst.st_ino));
  g_mutex_unlock (&lock);

  if (database == NULL && !held)
    return TRUE;
  return refuse (path, suffix == 0 ? NULL : database, saving, error);
}

gboolean
nv_file_guard_check_read (const char *path, GError **error)
{
  return check (path, FALSE, error);
}

gboolean
nv_file_guard_check_save (const char *path, GError **error)
{
  return check (path, TRUE, error);
}
