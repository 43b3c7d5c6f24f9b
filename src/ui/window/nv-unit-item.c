/* nv-unit-item.c — a unit as a list item for the unit switcher.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "nv-unit-item.h"

struct _NvUnitItem
{
  GObject parent_instance;
  NvUnit *unit;
};

G_DEFINE_FINAL_TYPE (NvUnitItem, nv_unit_item, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

NvUnitItem *
nv_unit_item_new (const NvUnit *unit)
{
  NvUnitItem *self = g_object_new (NV_TYPE_UNIT_ITEM, NULL);
  self->unit = nv_unit_copy (unit);
  return self;
}

const NvUnit *
nv_unit_item_get_unit (NvUnitItem *self)
{
  return self->unit;
}

gint64
nv_unit_item_get_id (NvUnitItem *self)
{
  return self->unit->id;
}

const char *
nv_unit_item_get_name (NvUnitItem *self)
{
  return self->unit->name;
}

static void
nv_unit_item_finalize (GObject *object)
{
  g_clear_pointer (&NV_UNIT_ITEM (object)->unit, nv_unit_free);
  G_OBJECT_CLASS (nv_unit_item_parent_class)->finalize (object);
}

static void
nv_unit_item_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, NV_UNIT_ITEM (object)->unit->name);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nv_unit_item_class_init (NvUnitItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = nv_unit_item_finalize;
  object_class->get_property = nv_unit_item_get_property;

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
nv_unit_item_init (NvUnitItem *self)
{
}
