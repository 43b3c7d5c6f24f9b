/* nv-workshop-view.h — the guided view of one workshop: prepare → run →
 * follow up, with the checklist, notes, ideas, votes and agreed measures.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "nv-context.h"

G_BEGIN_DECLS

#define NV_TYPE_WORKSHOP_VIEW (nv_workshop_view_get_type ())
G_DECLARE_FINAL_TYPE (NvWorkshopView, nv_workshop_view, NV, WORKSHOP_VIEW, GtkBox)

/* Shows workshop @id (building the view when it is another workshop, only
 * refreshing it when it is the same). @context NULL clears the view. */
void nv_workshop_view_show (NvWorkshopView *self, NvContext *context, gint64 id);
gint64 nv_workshop_view_get_id (NvWorkshopView *self);
/* Writes pending notes now (they are otherwise saved after a short pause). */
void nv_workshop_view_flush (NvWorkshopView *self);

/* Every phase back to its top (done when a workshop is opened). */
void nv_workshop_view_scroll_to_top (NvWorkshopView *self);

G_END_DECLS
