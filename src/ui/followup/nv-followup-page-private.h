/* nv-followup-page-private.h — parts of the Follow-up section shared by its
 * files (nv-followup-page.c: the page and its case cards;
 * nv-followup-lists.c: the virtualised milestone lists and the
 * repeated-absence list).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "nv-followup.h"
#include "nv-page.h"

G_BEGIN_DECLS

/* "Was due 02.02.2026 · 12 days overdue" and the like, as of @today. */
char *nv_followup_status_text (const NvMilestone *m, NvDay today);
/* The status as a small coloured label. */
GtkWidget *nv_followup_status_badge (NvMilestoneStatus status);

/* A list view of the milestones in @model (an NvMilestoneModel) inside a
 * scrolled window that grows up to @max_height pixels and then scrolls;
 * rows are made only for what is shown. @with_employee puts the employee in
 * each row's title. The row buttons mark a step done or undo it on @page. */
GtkWidget *nv_followup_milestone_list_new (NvPage *page, GListModel *model,
                                           gboolean with_employee, int max_height,
                                           const char *accessible_label);

/* A one-column GtkGridView of @model (rows made only for what is shown)
 * with the accessible role of a list; takes @factory. */
GtkWidget *nv_followup_one_column_view_new (GListModel *model, GtkListItemFactory *factory,
                                            const char *css_class, const char *accessible_label);
/* @view on a card that grows with @model's rows of about @row_height pixels
 * up to @max_height pixels and then scrolls. */
GtkWidget *nv_followup_scrolled_card_new (GtkWidget *view, GListModel *model, int row_height,
                                          int max_height);

/* The employees NAV's repeated-absence rule flags: a store for them, the
 * list showing it, and filling it from NvRepeatedAbsence entries (the
 * entries stay valid as long as the store holds them). */
GListStore *nv_followup_repeated_store_new (void);
GtkWidget *nv_followup_repeated_list_new (GListStore *store, int max_height,
                                          const char *accessible_label);
void nv_followup_fill_repeated (GListStore *store, GPtrArray *flagged);

/* nv-followup-data.c: the section's content without widgets. */
typedef struct
{
  gint64 unit_id;
  NvDay today;
  NvDay tracked_from;
  GPtrArray *all;     /* NvMilestone of every case, by employee and case */
  GPtrArray *cases;   /* NvCase */
  GPtrArray *flagged; /* NvRepeatedAbsence */
  GArray *overdue;    /* guint: positions in @all, in the list's order */
  GArray *soon;
  GArray *not_tracked;
  GArray *starts; /* guint: first milestone of each current case in @all */
} NvFollowupData;

NvFollowupData *nv_followup_data_compute (NvStore *store, gint64 unit_id, NvDay today,
                                          int soon_days, GError **error);
void nv_followup_data_free (NvFollowupData *data);
/* Frees @data in a thread of its own. */
void nv_followup_data_free_later (NvFollowupData *data);

/* nv-followup-cards.c: a card for one current case @c (NULL when no longer
 * current) with its milestones @ms, by due date. */
GtkWidget *nv_followup_case_card (NvPage *page, GPtrArray *ms, const NvCase *c, NvDay today);

G_END_DECLS
