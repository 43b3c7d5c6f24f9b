/* nv-module.c — loading the on-demand modules (see nv-module.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-module"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <gmodule.h>

#include "nv-module.h"

typedef const NvModuleTable *(*TableFunc) (void);

static GMutex lock;
static GHashTable *loaded; /* name → const NvModuleTable *, never freed */

/* A program started straight from a meson build tree (build/src/naervaer,
 * without `meson devenv` or installing) finds the modules built beside it,
 * in <build>/src/modules: the build tree is the nearest folder above the
 * executable (/proc/self/exe) that holds meson-private. An installed program
 * has none above it and uses NV_MODULE_DIR. NULL when not in a build tree. */
static char *
build_tree_module_dir (void)
{
  g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *dir = NULL;

  if (exe == NULL)
    return NULL;
  dir = g_path_get_dirname (exe);
  for (;;)
    {
      g_autofree char *marker = g_build_filename (dir, "meson-private", NULL);
      g_autofree char *parent = NULL;

      if (g_file_test (marker, G_FILE_TEST_IS_DIR))
        return g_build_filename (dir, "src", "modules", NULL);
      parent = g_path_get_dirname (dir);
      if (g_strcmp0 (parent, dir) == 0)
        return NULL;
      g_free (dir);
      dir = g_steal_pointer (&parent);
    }
}

/* $NAERVAER_MODULE_DIR, else the build tree's, else the installed folder. */
static const char *
module_dir (void)
{
  static char *build_tree; /* under the lock */
  static gboolean looked;
  const char *dir = g_getenv ("NAERVAER_MODULE_DIR");

  if (dir != NULL && *dir != '\0')
    return dir;
  if (!looked)
    {
      build_tree = build_tree_module_dir ();
      looked = TRUE;
    }
  return build_tree != NULL ? build_tree : NV_MODULE_DIR;
}

static const NvModuleTable *
load (const char *name, gsize size, GError **error)
{
  g_autofree char *file = g_strconcat (name, ".so", NULL);
  g_autofree char *path = g_build_filename (module_dir (), file, NULL);
  GModule *module = g_module_open (path, G_MODULE_BIND_LOCAL);
  TableFunc table_func = NULL;
  const NvModuleTable *table;

  if (module == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _ ("A part of Nærvær is missing or damaged (%s): %s. Reinstall Nærvær."), path,
                   g_module_error ());
      return NULL;
    }
  if (!g_module_symbol (module, "nv_module_table", (gpointer *)&table_func) || table_func == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _ ("A part of Nærvær is damaged (%s). Reinstall Nærvær."), path);
      g_module_close (module);
      return NULL;
    }
  table = table_func ();
  if (table == NULL || table->size != size)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _ ("A part of Nærvær belongs to another version (%s). Reinstall Nærvær."), path);
      g_module_close (module);
      return NULL;
    }
  g_module_make_resident (module);
  g_debug ("loaded %s", path);
  return table;
}

const NvModuleTable *
nv_module_load (const char *name, gsize size, GError **error)
{
  const NvModuleTable *table;

  g_mutex_lock (&lock);
  if (loaded == NULL)
    loaded = g_hash_table_new (g_str_hash, g_str_equal);
  table = g_hash_table_lookup (loaded, name);
  if (table == NULL)
    {
      table = load (name, size, error);
      if (table != NULL)
        g_hash_table_insert (loaded, g_strdup (name), (gpointer)table);
    }
  g_mutex_unlock (&lock);
  return table;
}

const NvModuleTable *
nv_module_peek (const char *name)
{
  const NvModuleTable *table = NULL;

  g_mutex_lock (&lock);
  if (loaded != NULL)
    table = g_hash_table_lookup (loaded, name);
  g_mutex_unlock (&lock);
  return table;
}
