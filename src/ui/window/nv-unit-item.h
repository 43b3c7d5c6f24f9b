/* nv-unit-item.h — a unit as a list item for the unit switcher.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "nv-unit.h"

G_BEGIN_DECLS

#define NV_TYPE_UNIT_ITEM (nv_unit_item_get_type ())
G_DECLARE_FINAL_TYPE (NvUnitItem, nv_unit_item, NV, UNIT_ITEM, GObject)

NvUnitItem *nv_unit_item_new (const NvUnit *unit);
const NvUnit *nv_unit_item_get_unit (NvUnitItem *self);
gint64 nv_unit_item_get_id (NvUnitItem *self);
const char *nv_unit_item_get_name (NvUnitItem *self);

G_END_DECLS
