/* nv-stats-store.c — statistics for units in the store.
 *
 * Rows are read into flat arrays, the spells kept in their packed 8-byte
 * words, which the engine reads directly (nv-stats-load.c: from each unit's
 * pack, or its rows when the pack is missing) and kept in a cache on the store:
 * pages recompute on every reload, and reading hundreds of thousands of
 * spells costs more than computing with them.
 * The cache and the watch below are the store's statistics state
 * (nv_store_get_stats_state()). The cache is valid while the store's data
 * version (writes by other connections) and its total changes (our own
 * writes) stay the same, and it is never used inside a transaction (an
 * import may still roll back).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-stats"

#include "config.h"

#include <string.h>

#include "nv-absence-private.h"
#include "nv-stats-cache.h"
#include "nv-store-private.h"

/* Which units our own writes touch. The data version and the total changes
 * only say that something changed; half a million spells need not be read
 * again for that. The store reports every row our connection changes,
 * cascades included, with column 1 of its old and new values
 * (nv_store_watch_rows()): a spell or roster row names its employee, an
 * employee row its unit. After such writes the HR figures (which every
 * write may touch, they are cheap) and the rows of the units touched are
 * read again; a change of the unit table, too many touched rows, a backend
 * that cannot watch rows, or a watch replaced by someone else means reading
 * everything. Nothing deletes from these tables without WHERE (SQLite's
 * truncate optimisation would bypass the watch). */
typedef struct
{
  gboolean lost;         /* a change not attributed to a unit */
  GHashTable *units;     /* gint64 unit ids touched */
  GHashTable *employees; /* gint64 employee ids touched */
  gint64 last_employee;  /* the last one added (imports touch one many times) */
} Watch;

#define WATCH_MAX 1000

struct _NvStatsState
{
  NvStatsCache *cache; /* NULL until the first read, or after a failed one */
  Watch watch;
};

static void
state_free (NvStatsState *state)
{
  g_clear_pointer (&state->cache, nv_stats_cache_free);
  g_hash_table_unref (state->watch.units);
  g_hash_table_unref (state->watch.employees);
  g_free (state);
}

static void
watch_clear (Watch *w)
{
  w->lost = FALSE;
  w->last_employee = 0;
  g_hash_table_remove_all (w->units);
  g_hash_table_remove_all (w->employees);
}

static void
watch_note (Watch *w, gboolean known, gint64 id, GHashTable *set)
{
  if (!known)
    {
      w->lost = TRUE;
      return;
    }
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
watch_cb (gpointer data, const NvDbRowChange *change)
{
  Watch *w = &((NvStatsState *) data)->watch;
  GHashTable *set;

  if (w->lost)
    return;
  if (strcmp (change->table, "spell") == 0 || strcmp (change->table, "roster") == 0)
    set = w->employees;
  else if (strcmp (change->table, "employee") == 0)
    set = w->units;
  else
    {
      if (strcmp (change->table, "unit") == 0)
        w->lost = TRUE;
      return;
    }
  if (change->has_old)
    watch_note (w, change->old_known, change->old_key, set);
  if (change->has_new)
    watch_note (w, change->new_known, change->new_key, set);
}

/* The store's statistics state with its watch (re)installed; *@watched is
 * FALSE if the watch is new or had been replaced, so changes may have gone
 * unseen. */
static NvStatsState *
state_for (NvStore *store, gboolean *watched)
{
  NvStatsState *state = nv_store_get_stats_state (store);
  gboolean fresh = state == NULL;

  if (fresh)
    {
      state = g_new0 (NvStatsState, 1);
      state->watch.units = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
      state->watch.employees = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
      nv_store_set_stats_state (store, state, (GDestroyNotify) state_free);
    }
  *watched = nv_store_watch_rows (store, watch_cb, state) == state && !fresh;
  return state;
}

/* Reads again the HR figures and the rows of the units @w saw touched. */
static gboolean
refresh (NvStore *store, NvStatsCache *c, Watch *w, GError **error)
{
  g_autoptr (GHashTable) units = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr (GArray) reload = g_array_new (FALSE, FALSE, sizeof (gint64));
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
      gint64 unit_id;

      if (!nv_employee_rows_unit_of (store, *(gint64 *) key, &unit_id, error))
        return FALSE;
      if (unit_id != 0 && !g_hash_table_contains (units, &unit_id))
        g_hash_table_add (units, g_memdup2 (&unit_id, sizeof unit_id));
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
          nv_stats_unit_unload (u);
          g_array_append_val (reload, u->unit_id);
        }
    }
  /* Their packs, unless the write was rolled back, are gone: read again. */
  return nv_stats_load_units (store, c, reload, TRUE, error);
}

void
nv_stats_store_forget (NvStore *store)
{
  NvStatsState *state = nv_store_get_stats_state (store);

  if (state != NULL)
    state->watch.lost = TRUE;
}

/* The store's cache when it is still valid (a fresh one otherwise); inside
 * a transaction (*@temporary set) a new one the caller frees. */
static NvStatsCache *
cache_for (NvStore *store, gboolean *temporary, GError **error)
{
  gboolean watched;
  NvStatsState *state = state_for (store, &watched);
  NvStatsCache *c = state->cache;
  Watch *watch = &state->watch;
  gint64 version = 0, changes;

  *temporary = nv_store_in_transaction (store);
  if (*temporary)
    return nv_stats_cache_new ();
  if (!nv_store_data_version (store, &version, error))
    return NULL;
  changes = nv_store_total_changes (store);
  if (c != NULL && c->data_version == version &&
      (c->total_changes == changes || (watched && !watch->lost && c->complete)))
    {
      if (c->total_changes != changes && !refresh (store, c, watch, error))
        {
          /* Never keep a half-read cache. */
          g_clear_pointer (&state->cache, nv_stats_cache_free);
          watch_clear (watch);
          return NULL;
        }
      c->total_changes = changes;
      watch_clear (watch);
      return c;
    }
  watch_clear (watch);
  g_clear_pointer (&state->cache, nv_stats_cache_free);
  c = state->cache = nv_stats_cache_new ();
  c->data_version = version;
  c->total_changes = changes;
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
    c->total_changes = nv_store_total_changes (store);

  data = g_new0 (NvStatsUnitData, MAX (positions->len, 1));
  for (guint i = 0; i < positions->len; i++)
    {
      NvStatsUnitRows *u = NV_STATS_UNIT (c, g_array_index (positions, guint, i));
      data[i] = (NvStatsUnitData) { u->unit_id,
                                    (NvRosterRow *) (void *) u->roster->data, u->roster->len,
                                    u->spells != NULL ? g_bytes_get_data (u->spells, NULL) : NULL,
                                    u->spells != NULL ? g_bytes_get_size (u->spells) : 0,
                                    u->first_spell,
                                    (NvMonthly *) (void *) u->monthly->data, u->monthly->len };
    }
  return nv_stats_compute_units (query, data, positions->len);

fail:
  /* Never keep a half-loaded cache. */
  if (!temporary)
    g_clear_pointer (&nv_store_get_stats_state (store)->cache, nv_stats_cache_free);
  return NULL;
}

GArray *
nv_stats_for_unit (NvStore *store, gint64 unit_id, const NvStatsQuery *query, GError **error)
{
  return nv_stats_for_units (store, &unit_id, 1, query, error);
}
