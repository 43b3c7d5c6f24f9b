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

static const NvModuleTable *
load (const char *name, gsize size, GError **error)
{
  const char *dir = g_getenv ("NAERVAER_MODULE_DIR");
  g_autofree char *file = g_strconcat (name, ".so", NULL);
  g_autofree char *path
      = g_build_filename (dir != NULL && *dir != '\0' ? dir : NV_MODULE_DIR, file, NULL);
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
