/* nv-followup-page.h — the Follow-up section.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "nv-page.h"

G_BEGIN_DECLS

#define NV_TYPE_FOLLOWUP_PAGE (nv_followup_page_get_type ())
G_DECLARE_FINAL_TYPE (NvFollowupPage, nv_followup_page, NV, FOLLOWUP_PAGE, NvPage)

/* Overdue milestones of the unit's cases, also of cases that have ended (as
 * the Overdue list and `naervaer-cli followup` show them); also the properties
 * "n-overdue" and "needs-attention" the window binds the section badge to. */
guint nv_followup_page_get_n_overdue (NvFollowupPage *self);

/* For tests: the list behind "overdue", "soon" or "not-tracked" (items
 * NvMilestoneItem, in the order shown), and the rows of the «consider a
 * conversation» list. */
GListModel *nv_followup_page_get_list (NvFollowupPage *self, const char *which);
guint nv_followup_page_get_n_repeated (NvFollowupPage *self);

G_END_DECLS
