/* nv-milestone-model.c — see nv-milestone-model.h.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-followup-page"

#include "config.h"

#include "nv-milestone-model.h"

struct _NvMilestoneItem
{
  GObject parent_instance;
  GPtrArray *milestones; /* keeps @milestone alive */
  const NvMilestone *milestone;
};

G_DEFINE_FINAL_TYPE (NvMilestoneItem, nv_milestone_item, G_TYPE_OBJECT)

static void
nv_milestone_item_finalize (GObject *object)
{
  NvMilestoneItem *self = NV_MILESTONE_ITEM (object);

  g_clear_pointer (&self->milestones, g_ptr_array_unref);
  G_OBJECT_CLASS (nv_milestone_item_parent_class)->finalize (object);
}

static void
nv_milestone_item_class_init (NvMilestoneItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = nv_milestone_item_finalize;
}

static void
nv_milestone_item_init (NvMilestoneItem *self)
{
}

const NvMilestone *
nv_milestone_item_get (NvMilestoneItem *self)
{
  g_return_val_if_fail (NV_IS_MILESTONE_ITEM (self), NULL);
  return self->milestone;
}

struct _NvMilestoneModel
{
  GObject parent_instance;
  GPtrArray *milestones;
  GArray *indices; /* guint */
};

static void list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (NvMilestoneModel, nv_milestone_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_init))

static GType
get_item_type (GListModel *model)
{
  return NV_TYPE_MILESTONE_ITEM;
}

static guint
get_n_items (GListModel *model)
{
  return NV_MILESTONE_MODEL (model)->indices->len;
}

static gpointer
get_item (GListModel *model, guint position)
{
  NvMilestoneModel *self = NV_MILESTONE_MODEL (model);
  NvMilestoneItem *item;

  if (position >= self->indices->len)
    return NULL;
  item = g_object_new (NV_TYPE_MILESTONE_ITEM, NULL);
  item->milestones = g_ptr_array_ref (self->milestones);
  item->milestone = g_ptr_array_index (self->milestones,
                                       g_array_index (self->indices, guint, position));
  return item;
}

static void
list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static void
nv_milestone_model_finalize (GObject *object)
{
  NvMilestoneModel *self = NV_MILESTONE_MODEL (object);

  g_clear_pointer (&self->milestones, g_ptr_array_unref);
  g_clear_pointer (&self->indices, g_array_unref);
  G_OBJECT_CLASS (nv_milestone_model_parent_class)->finalize (object);
}

static void
nv_milestone_model_class_init (NvMilestoneModelClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = nv_milestone_model_finalize;
}

static void
nv_milestone_model_init (NvMilestoneModel *self)
{
  self->indices = g_array_new (FALSE, FALSE, sizeof (guint));
}

NvMilestoneModel *
nv_milestone_model_new (void)
{
  return g_object_new (NV_TYPE_MILESTONE_MODEL, NULL);
}

void
nv_milestone_model_set (NvMilestoneModel *self, GPtrArray *milestones, GArray *indices)
{
  guint removed = self->indices->len;

  g_return_if_fail (NV_IS_MILESTONE_MODEL (self));

  g_clear_pointer (&self->milestones, g_ptr_array_unref);
  g_array_set_size (self->indices, 0);
  if (milestones != NULL && indices != NULL)
    {
      self->milestones = g_ptr_array_ref (milestones);
      g_array_append_vals (self->indices, indices->data, indices->len);
    }
  if (removed > 0 || self->indices->len > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, self->indices->len);
}
