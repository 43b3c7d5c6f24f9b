/* nv-milestone-model.h — a GListModel over some of a GPtrArray of
 * NvMilestone, for the Follow-up section's virtualised lists: items are made
 * only for the rows a list view shows, not for tens of thousands of steps.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "nv-followup.h"

G_BEGIN_DECLS

#define NV_TYPE_MILESTONE_ITEM (nv_milestone_item_get_type ())
G_DECLARE_FINAL_TYPE (NvMilestoneItem, nv_milestone_item, NV, MILESTONE_ITEM, GObject)

/* The milestone; valid as long as the item. */
const NvMilestone *nv_milestone_item_get (NvMilestoneItem *self);

#define NV_TYPE_MILESTONE_MODEL (nv_milestone_model_get_type ())
G_DECLARE_FINAL_TYPE (NvMilestoneModel, nv_milestone_model, NV, MILESTONE_MODEL, GObject)

NvMilestoneModel *nv_milestone_model_new (void);
/* Shows @indices (positions in @milestones, in this order) of @milestones
 * (kept with a reference); NULL @milestones empties the model. */
void nv_milestone_model_set (NvMilestoneModel *self, GPtrArray *milestones, GArray *indices);

G_END_DECLS
