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

G_END_DECLS
