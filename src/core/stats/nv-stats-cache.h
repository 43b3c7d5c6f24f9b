/* nv-stats-cache.h — the rows the store-backed statistics work on, per unit
 * (nv-stats-store.c keeps them valid, nv-stats-load.c reads them).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "nv-stats-private.h"

G_BEGIN_DECLS

typedef struct
{
  gint64 unit_id;
  GArray *roster;  /* NvRosterRow, employee_ref NULL, sorted by employee and from */
  GBytes *spells;  /* packed (nv_stats_pack_spells), sorted by employee and start;
                    * NULL until loaded */
  guint n_spells;
  NvDay first_spell;  /* the earliest start, NV_DAY_NONE without spells */
  NvStatsPacker *reading; /* spells read from the tables, being packed */
  GArray *monthly; /* NvMonthly */
  gboolean loaded; /* roster and spells are read */
} NvStatsUnitRows;

typedef struct
{
  gint64 data_version;
  gint64 total_changes;
  GArray *units;     /* NvStatsUnitRows */
  GHashTable *index; /* &unit_id → position + 1 */
  gboolean complete; /* every unit is loaded */
} NvStatsCache;

#define NV_STATS_UNIT(c, pos) (&g_array_index ((c)->units, NvStatsUnitRows, (pos)))

NvStatsCache *nv_stats_cache_new (void);
void nv_stats_cache_free (NvStatsCache *c);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (NvStatsCache, nv_stats_cache_free)

/* Position of @unit_id's rows, created empty (not loaded) when new. */
guint nv_stats_cache_unit_pos (NvStatsCache *c, gint64 unit_id);

/* Every unit's rows and HR figures, into an empty cache; sets complete. */
gboolean nv_stats_load_all (NvStore *store, NvStatsCache *c, GError **error);
/* The roster and spells of @unit_ids (in the cache, not loaded): from their
 * packs when @try_packs, else (or when a pack is missing) from the tables,
 * packing them for next time when a write is possible. */
gboolean nv_stats_load_units (NvStore *store, NvStatsCache *c, GArray *unit_ids,
                              gboolean try_packs, GError **error);
/* A loaded unit's spells unpacked (NvSpell, employee_ref NULL, sorted by
 * employee and start). */
GArray *nv_stats_unit_spells (const NvStatsUnitRows *u);
/* Forgets a unit's roster and spells (not loaded any more). */
void nv_stats_unit_unload (NvStatsUnitRows *u);

/* HR monthly figures of @unit_id (0: of every unit), appended. */
gboolean nv_stats_load_monthly (NvStore *store, NvStatsCache *c, gint64 unit_id, GError **error);

G_END_DECLS
