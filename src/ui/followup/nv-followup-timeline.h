/* nv-followup-timeline.h — one case's first year as a strip: how far the
 * case has come, and each milestone as a marker coloured by its status.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "nv-followup.h"

G_BEGIN_DECLS

#define NV_TYPE_FOLLOWUP_TIMELINE (nv_followup_timeline_get_type ())
G_DECLARE_FINAL_TYPE (NvFollowupTimeline, nv_followup_timeline, NV, FOLLOWUP_TIMELINE, GtkWidget)

GtkWidget *nv_followup_timeline_new (void);
/* @milestones: NvMilestone of ONE case (copied). @days_elapsed: calendar days
 * from the case's first day to today, counting both. */
void nv_followup_timeline_set_case (NvFollowupTimeline *self, GPtrArray *milestones,
                                    guint days_elapsed);

G_END_DECLS
