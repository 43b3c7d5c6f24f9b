/* nv-unit-private.h — the unit table's row layer for other core features.
 *
 * The unit table is read only in src/core/unit (nv-unit.c, nv-unit-target.c);
 * other features ask through these.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "nv-unit.h"

G_BEGIN_DECLS

/* *@found: whether unit @unit_id exists. FALSE only on a database error. */
gboolean nv_unit_rows_exists (NvStore *store, gint64 unit_id, gboolean *found, GError **error);
/* Appends every unit's id (gint64) to @ids, by id. */
gboolean nv_unit_rows_ids (NvStore *store, GArray *ids, GError **error);

G_END_DECLS
