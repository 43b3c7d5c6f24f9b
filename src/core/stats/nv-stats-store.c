/* nv-stats-store.c — statistics for units in the store.
 *
 * Rows are read into flat arrays (nv-stats-load.c: from each unit's pack,
 * or its rows when the pack is missing) and kept in a cache on the store:
 * pages recompute on every reload, and reading hundreds of thousands of
 * spells costs more than computing with them.
 * The cache is valid while PRAGMA data_version (writes by other connections)
 * and sqlite3_total_changes() (our own writes) stay the same, and it is never
 * used inside a transaction (an import may still roll back).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-stats"

#include "config.h"

/* Debian's SQLite is built with the pre-update hook; its declarations need
 * this before <sqlite3.h>. */
#define SQLITE_ENABLE_PREUPDATE_HOOK 1

#include <string.h>

#include "nv-stats-cache.h"
#include "nv-store-private.h"

#define CACHE_KEY "nv-stats-cache"

static gboolean
data_version (NvStore *store, gint64 *version, gint64 *changes, GError **error)
{
  sqlite3_stmt *stmt = nv_store_prepare (store, "PRAGMA data_version", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  *version = rc == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : -1;
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    return nv_store_set_sql_error (store, error);
  *changes = sqlite3_total_changes (nv_store_get_db (store));
  return TRUE;
}

/* Which units our own writes touch. PRAGMA data_version and
 * sqlite3_total_changes() only say that something changed; half a million
 * spells need not be read again for that. SQLite's pre-update hook sees
 * every row our connection changes, cascades included, with its old and new
 * values: a spell or roster row names its employee, an employee row its
 * unit. After such writes the HR figures (which every write may touch, they
 * are cheap) and the rows of the units touched are read again; a change of
 * the unit table, too many touched rows, or a hook replaced by someone else
 * means reading everything. Nothing deletes from these tables without WHERE
 * (the truncate optimisation would bypass the hook). */
typedef struct
{
  gboolean lost;         /* a change not attributed to a unit */
  GHashTable *units;     /* gint64 unit ids touched */
  GHashTable *employees; /* gint64 employee ids touched */
  gint64 last_employee;  /* the last one added (imports touch one many times) */
} Watch;

#define WATCH_KEY "nv-stats-watch"
#define WATCH_MAX 1000

static void
watch_free (Watch *w)
{
  g_hash_table_unref (w->units);
  g_hash_table_unref (w->employees);
  g_free (w);
}

static void
watch_clear (Watch *w)
{
  w->lost = FALSE;
  w->last_employee = 0;
  g_hash_table_remove_all (w->units);
  g_hash_table_remove_all (w->employees);
}

typedef int (*ValueFunc) (sqlite3 *db, int column, sqlite3_value **value);

/* Notes the id in column 1 of the old or new row. */
static void
watch_note (Watch *w, sqlite3 *db, ValueFunc get, GHashTable *set)
{
  sqlite3_value *value = NULL;
  gint64 id;

  if (get (db, 1, &value) != SQLITE_OK || value == NULL ||
      sqlite3_value_type (value) != SQLITE_INTEGER)
    {
      w->lost = TRUE;
      return;
    }
  id = sqlite3_value_int64 (value);
  if (set == w->employees && id == w->last_employee)
    return;
  if (set == w->employees)
    w->last_employee = id;
  if (g_hash_table_size (set) >= WATCH_MAX)
    w->lost = TRUE;
  else if (!g_hash_table_contains (set, &id))
    g_hash_table_add (set, g_memdup2 (&id, sizeof id));
}

static void
watch_cb (void *data, sqlite3 *db, int op, const char *db_name, const char *table,
          sqlite3_int64 key1, sqlite3_int64 key2)
{
  Watch *w = data;
  GHashTable *set;

  if (w->lost)
    return;
  if (strcmp (table, "spell") == 0 || strcmp (table, "roster") == 0)
    set = w->employees;
  else if (strcmp (table, "employee") == 0)
    set = w->units;
  else
    {
      if (strcmp (table, "unit") == 0)
        w->lost = TRUE;
      return;
    }
  if (op != SQLITE_INSERT)
    watch_note (w, db, sqlite3_preupdate_old, set);
  if (op != SQLITE_DELETE)
    watch_note (w, db, sqlite3_preupdate_new, set);
}

/* The store's watch, (re)installed; FALSE if another hook had replaced it,
 * so changes may have gone unseen. */
static gboolean
watch_install (NvStore *store, Watch **watch)
{
  Watch *w = g_object_get_data (G_OBJECT (store), WATCH_KEY);
  gboolean fresh = w == NULL;
  void *previous;

  if (fresh)
    {
      w = g_new0 (Watch, 1);
      w->units = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
      w->employees = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
      g_object_set_data_full (G_OBJECT (store), WATCH_KEY, w, (GDestroyNotify) watch_free);
    }
  previous = sqlite3_preupdate_hook (nv_store_get_db (store), watch_cb, w);
  *watch = w;
  return fresh || previous == w;
}

/* Reads again the HR figures and the rows of the units @w saw touched. */
static gboolean
refresh (NvStore *store, NvStatsCache *c, Watch *w, GError **error)
{
  g_autoptr (GHashTable) units = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr (GArray) reload = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, w->units);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_hash_table_add (units, g_memdup2 (key, sizeof (gint64)));
  /* The employees' units (an employee gone since was seen being deleted,
   * with its unit). */
  g_hash_table_iter_init (&iter, w->employees);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      int rc;

      stmt = nv_store_prepare (store, "SELECT unit_id FROM employee WHERE id = ?1", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, *(gint64 *) key);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          gint64 unit_id = sqlite3_column_int64 (stmt, 0);
          if (!g_hash_table_contains (units, &unit_id))
            g_hash_table_add (units, g_memdup2 (&unit_id, sizeof unit_id));
        }
      sqlite3_reset (stmt);
      if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return nv_store_set_sql_error (store, error);
    }

  for (guint i = 0; i < c->units->len; i++)
    g_array_set_size (NV_STATS_UNIT (c, i)->monthly, 0);
  if (!nv_stats_load_monthly (store, c, 0, error))
    return FALSE;

  g_hash_table_iter_init (&iter, units);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      gpointer pos = g_hash_table_lookup (c->index, key);

      /* A unit not in the cache is new or gone: the unit table's hook
       * would have asked for a full read. */
      if (pos != NULL)
        {
          NvStatsUnitRows *u = NV_STATS_UNIT (c, GPOINTER_TO_UINT (pos) - 1);
          g_array_set_size (u->roster, 0);
          g_array_set_size (u->spells, 0);
          u->loaded = FALSE;
          g_array_append_val (reload, u->unit_id);
        }
    }
  /* Their packs, unless the write was rolled back, are gone: read again. */
  return nv_stats_load_units (store, c, reload, TRUE, error);
}

void
nv_stats_store_forget (NvStore *store)
{
  Watch *w = g_object_get_data (G_OBJECT (store), WATCH_KEY);

  if (w != NULL)
    w->lost = TRUE;
}

/* The store's cache when it is still valid (a fresh one otherwise); NULL with
 * *@temporary set inside a transaction, where the caller uses its own. */
static NvStatsCache *
cache_for (NvStore *store, gboolean *temporary, GError **error)
{
  NvStatsCache *c = g_object_get_data (G_OBJECT (store), CACHE_KEY);
  gint64 version = 0, changes = 0;
  Watch *watch;
  gboolean watched = watch_install (store, &watch);

  *temporary = !sqlite3_get_autocommit (nv_store_get_db (store));
  if (*temporary)
    return nv_stats_cache_new ();
  if (!data_version (store, &version, &changes, error))
    return NULL;
  if (c != NULL && c->data_version == version &&
      (c->total_changes == changes || (watched && !watch->lost && c->complete)))
    {
      if (c->total_changes != changes && !refresh (store, c, watch, error))
        {
          /* Never keep a half-read cache. */
          g_object_set_data (G_OBJECT (store), CACHE_KEY, NULL);
          watch_clear (watch);
          return NULL;
        }
      c->total_changes = changes;
      watch_clear (watch);
      return c;
    }
  watch_clear (watch);
  c = nv_stats_cache_new ();
  c->data_version = version;
  c->total_changes = changes;
  g_object_set_data_full (G_OBJECT (store), CACHE_KEY, c, (GDestroyNotify) nv_stats_cache_free);
  return c;
}

GArray *
nv_stats_for_units (NvStore *store, const gint64 *unit_ids, guint n_units,
                    const NvStatsQuery *query, GError **error)
{
  g_autoptr (NvStatsCache) temporary_cache = NULL;
  g_autofree NvStatsUnitData *data = NULL;
  g_autoptr (GArray) positions = g_array_new (FALSE, FALSE, sizeof (guint));
  gboolean temporary = FALSE;
  NvStatsCache *c = cache_for (store, &temporary, error);

  if (c == NULL)
    return NULL;
  if (temporary)
    temporary_cache = c;

  if (unit_ids == NULL)
    {
      if (!c->complete)
        {
          /* Start over: units loaded one by one would be read twice. */
          g_hash_table_remove_all (c->index);
          g_array_set_size (c->units, 0);
          if (!nv_stats_load_all (store, c, error))
            goto fail;
        }
      for (guint i = 0; i < c->units->len; i++)
        g_array_append_val (positions, i);
    }
  else
    {
      g_autoptr (GArray) load = g_array_new (FALSE, FALSE, sizeof (gint64));

      for (guint i = 0; i < n_units; i++)
        {
          if (!c->complete && !g_hash_table_contains (c->index, &unit_ids[i]))
            g_array_append_val (load, unit_ids[i]);
          /* (a unit unknown to a complete cache has no rows) */
          {
            guint pos = nv_stats_cache_unit_pos (c, unit_ids[i]);
            g_array_append_val (positions, pos);
          }
        }
      if (!nv_stats_load_units (store, c, load, TRUE, error))
        goto fail;
      for (guint i = 0; i < load->len; i++)
        if (!nv_stats_load_monthly (store, c, g_array_index (load, gint64, i), error))
          goto fail;
    }
  /* Packs written on the way are our own changes, not the data's. */
  if (!temporary)
    c->total_changes = sqlite3_total_changes (nv_store_get_db (store));

  data = g_new0 (NvStatsUnitData, MAX (positions->len, 1));
  for (guint i = 0; i < positions->len; i++)
    {
      NvStatsUnitRows *u = NV_STATS_UNIT (c, g_array_index (positions, guint, i));
      data[i] = (NvStatsUnitData) { u->unit_id,
                                    (NvRosterRow *) (void *) u->roster->data, u->roster->len,
                                    (NvSpell *) (void *) u->spells->data, u->spells->len,
                                    (NvMonthly *) (void *) u->monthly->data, u->monthly->len };
    }
  return nv_stats_compute_units (query, data, positions->len);

fail:
  /* Never keep a half-loaded cache. */
  if (!temporary)
    g_object_set_data (G_OBJECT (store), CACHE_KEY, NULL);
  return NULL;
}

GArray *
nv_stats_for_unit (NvStore *store, gint64 unit_id, const NvStatsQuery *query, GError **error)
{
  return nv_stats_for_units (store, &unit_id, 1, query, error);
}
