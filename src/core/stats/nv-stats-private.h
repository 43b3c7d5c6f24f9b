/* nv-stats-private.h — the statistics engine over several units' rows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "nv-stats.h"

G_BEGIN_DECLS

typedef struct
{
  gint64 unit_id;
  const NvRosterRow *roster;
  guint n_roster;
  const NvSpell *spells;
  guint n_spells;
  const NvMonthly *monthly;
  guint n_monthly;
} NvStatsUnitData;

/* Each unit's HR months replace that unit's spells; results are summed. */
GArray *nv_stats_compute_units (const NvStatsQuery *query, const NvStatsUnitData *units,
                                guint n_units);

/* Before writes too many to track row by row (an import): the next store
 * query reads every row again, and the cache's hook stops looking at rows. */
void nv_stats_store_forget (NvStore *store);

/* ---- Packs: each unit's roster and spells as two blobs (nv-stats-pack.c) */

#define NV_STATS_PACK_FORMAT 1

GBytes *nv_stats_pack_roster (const NvRosterRow *rows, guint n);
GBytes *nv_stats_pack_spells (const NvSpell *spells, guint n);
/* Append the decoded rows to @out (element NvRosterRow / NvSpell, ids 0,
 * refs NULL); FALSE, with @out as it was, unless the blob decodes exactly. */
gboolean nv_stats_unpack_roster (const void *data, gsize len, GArray *out);
gboolean nv_stats_unpack_spells (const void *data, gsize len, GArray *out);

typedef void (*NvStatsPackFunc) (gint64 unit_id, const void *roster, gsize roster_len,
                                 const void *spells, gsize spells_len, gpointer data);
/* Calls @func for the pack of @unit_id, or of every unit when @unit_id is 0
 * (packs of another format are skipped). The blobs are valid during the call. */
gboolean nv_stats_pack_foreach (NvStore *store, gint64 unit_id, NvStatsPackFunc func,
                                gpointer data, GError **error);
/* Writes (replaces) @unit_id's pack; @roster sorted by employee and from,
 * @spells by employee and start. */
gboolean nv_stats_pack_store (NvStore *store, gint64 unit_id, const NvRosterRow *roster,
                              guint n_roster, const NvSpell *spells, guint n_spells,
                              GError **error);

/* Bulk inserts of @unit_id's spells inside the caller's transaction (an
 * import): deletes the unit's pack once and drops the trigger that would
 * otherwise run for every row; *@saved gets what puts it back, NULL when
 * nothing was dropped (no transaction open, or no such trigger). Call
 * nv_stats_pack_bulk_end() (it takes @saved) before committing; a rollback
 * restores the trigger by itself. */
gboolean nv_stats_pack_bulk_begin (NvStore *store, gint64 unit_id, char **saved,
                                   GError **error);
gboolean nv_stats_pack_bulk_end (NvStore *store, char *saved, GError **error);

/* The triggers migrations/008 made (all of them keep the packs true). */
#define NV_STATS_PACK_TRIGGERS 8
/* Whether every one of them is there, so packs can be believed (and
 * written): FALSE, without @error, inside a bulk insert or when someone
 * dropped one; FALSE with @error on a database error. */
gboolean nv_stats_pack_trusted (NvStore *store, GError **error);

G_END_DECLS
