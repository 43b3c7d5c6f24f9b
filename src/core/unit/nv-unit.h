/* nv-unit.h — units (name, sector, municipality).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "nv-store.h"

G_BEGIN_DECLS

typedef struct
{
  gint64 id;
  char *name;
  char *sector;       /* "helse-omsorg", "barnehage" or "annet" */
  char *municipality; /* may be "" */
} NvUnit;

NvUnit *nv_unit_copy (const NvUnit *unit);
void nv_unit_free (NvUnit *unit);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (NvUnit, nv_unit_free)

gboolean nv_sector_is_valid (const char *sector);
/* The sector in the user's language, e.g. "Health and care". */
const char *nv_sector_label (const char *sector);
const char *const *nv_sector_ids (void);

/* Checks a unit name for the form: trims, refuses empty and taken names.
 * @except_id is the unit being renamed (0 for a new one). */
gboolean nv_unit_validate_name (NvStore *store, const char *name, gint64 except_id,
                                GError **error);

gint64 nv_unit_add (NvStore *store, const char *name, const char *sector,
                    const char *municipality, GError **error);
gboolean nv_unit_update (NvStore *store, gint64 id, const char *name, const char *sector,
                         const char *municipality, GError **error);
gboolean nv_unit_rename (NvStore *store, gint64 id, const char *name, GError **error);
gboolean nv_unit_delete (NvStore *store, gint64 id, GError **error);
/* Units sorted by name; element type NvUnit. */
GPtrArray *nv_unit_list (NvStore *store, GError **error);
NvUnit *nv_unit_get (NvStore *store, gint64 id, GError **error);
NvUnit *nv_unit_find (NvStore *store, const char *name, GError **error);

/* For imports, which name units row by row: a cache of casefolded unit name
 * → id, for nv_unit_lookup_cached(). Free with g_hash_table_unref(). */
GHashTable *nv_unit_cache_new (void);
/* The id of the unit named @name (any case), looked up once per @cache.
 * When the store has no such unit: with @create, the unit is added (sector
 * «annet») and *@created set; without, 0. -1 with @error on a database error,
 * or with *@created set when adding the unit failed (@error says why). */
gint64 nv_unit_lookup_cached (NvStore *store, GHashTable *cache, const char *name,
                              gboolean create, gboolean *created, GError **error);

/* ---- Target (nv-unit-target.c, schema 10) ------------------------------
 * The sick-leave percentage the unit aims for; the Overview and the unit
 * report show the yearly saving at it (nv_stats_saving_at_target). */

/* *@percent receives the target, NAN when none is set. FALSE with
 * NV_STORE_ERROR_NOT_FOUND for an unknown unit. */
gboolean nv_unit_get_target (NvStore *store, gint64 unit_id, double *percent, GError **error);
/* Sets the target (NAN clears it). It must lie strictly between 0 and 100
 * (NV_STORE_ERROR_INVALID with a sentence naming the field otherwise). */
gboolean nv_unit_set_target (NvStore *store, gint64 unit_id, double percent, GError **error);

G_END_DECLS
