/* nv-stats-server.h — the spells of a shared store's units, packed by the
 * PostgreSQL server (server schema 7) instead of sent as rows
 * (nv-stats-server.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "nv-stats-cache.h"

G_BEGIN_DECLS

/* Whether @store's statistics read their spells packed by the server: a
 * shared store, unless nv_stats_server_set_packing (FALSE) said otherwise. */
gboolean nv_stats_server_packing (NvStore *store);

/* For tests: FALSE makes every shared store read the spells as rows, one
 * a spell, as it did before schema 7 (the figures must not change). */
void nv_stats_server_set_packing (gboolean pack);

/* Loads those of @unit_ids (in the cache) not loaded yet whose pack the
 * server has: roster and spells. Units without one are packed by the
 * server first (unless the store is inside a transaction) and read again;
 * those still without one stay not loaded. */
gboolean nv_stats_server_load_packs (NvStore *store, NvStatsCache *c, GArray *unit_ids,
                                     GError **error);

/* The spells of the cache's units being read as rows (not loaded, with a
 * packer), fed to their packers in the engine's order: a row per
 * employee from the server (row-level security applies). */
gboolean nv_stats_server_read_spells (NvStore *store, NvStatsCache *c, GError **error);

G_END_DECLS
