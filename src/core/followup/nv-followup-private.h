/* nv-followup-private.h — follow-up internals shared by the core's files.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "nv-followup.h"

G_BEGIN_DECLS

/* Done records (NvFollowupRecord, borrowed) by employee, case start and
 * milestone, for judging many cases at once. */
GHashTable *nv_followup_record_index_new (const GPtrArray *records);
/* Appends the milestones of @c to @out (see nv_followup_for_case_tracked()),
 * with @ref_rank as their NvMilestone.ref_rank. */
void nv_followup_append_for_case (NvFollowupRules *rules, const NvCase *c, GHashTable *index,
                                  NvDay as_of, NvDay tracked_from, guint ref_rank,
                                  GPtrArray *out);

/* Adds to the counts of nv_followup_count() for @c, building nothing. */
void nv_followup_count_case (NvFollowupRules *rules, const NvCase *c, GHashTable *index,
                             NvDay as_of, NvDay tracked_from, int days, guint *n_overdue,
                             guint *n_due_soon);

/* The followup_done table is read only in nv-followup.c: *@count, the
 * employee's done records (for erasing them). */
gboolean nv_followup_rows_count_employee (NvStore *store, gint64 employee_id, guint *count,
                                          GError **error);

G_END_DECLS
