/* nv-followup-data.c — what the Follow-up section shows, computed without
 * widgets: every milestone of the unit's cases, the cases, the employees
 * NAV's repeated-absence rule flags, and which milestones go in which list.
 * Safe to run in a worker thread on a connection of its own: the page
 * prepares it there while it is hidden (a big unit's 100 000 spells take
 * some 150 ms), so opening the section only builds widgets.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-followup-page"

#include "config.h"

#include "nv-absence.h"
#include "nv-followup-page-private.h"

/* Order of the Overdue and Due lists (as nv_followup_select_upcoming()):
 * by due date, employee, case start, step. */
static int
compare_upcoming_index (gconstpointer a, gconstpointer b, gpointer data)
{
  GPtrArray *all = data;
  const NvMilestone *x = g_ptr_array_index (all, *(const guint *)a);
  const NvMilestone *y = g_ptr_array_index (all, *(const guint *)b);

  if (x->due != y->due)
    return x->due < y->due ? -1 : 1;
  if (x->ref_rank != y->ref_rank)
    return x->ref_rank < y->ref_rank ? -1 : 1;
  if (x->case_start != y->case_start)
    return x->case_start < y->case_start ? -1 : 1;
  return x->offset_days - y->offset_days;
}

static int
compare_upcoming_index_latest_first (gconstpointer a, gconstpointer b, gpointer data)
{
  return compare_upcoming_index (b, a, data);
}

void
nv_followup_data_free (NvFollowupData *data)
{
  if (data == NULL)
    return;
  g_clear_pointer (&data->all, g_ptr_array_unref);
  g_clear_pointer (&data->cases, g_ptr_array_unref);
  g_clear_pointer (&data->flagged, g_ptr_array_unref);
  g_clear_pointer (&data->overdue, g_array_unref);
  g_clear_pointer (&data->soon, g_array_unref);
  g_clear_pointer (&data->not_tracked, g_array_unref);
  g_clear_pointer (&data->starts, g_array_unref);
  g_free (data);
}

static gpointer
free_thread (gpointer data)
{
  nv_followup_data_free (data);
  return NULL;
}

void
nv_followup_data_free_later (NvFollowupData *data)
{
  /* A big unit's tens of thousands of milestones and cases take the main
   * thread 10 ms and more to free. */
  if (data != NULL)
    g_thread_unref (g_thread_new ("nv-followup-free", free_thread, data));
}

NvFollowupData *
nv_followup_data_compute (NvStore *store, gint64 unit_id, NvDay today, int soon_days,
                          GError **error)
{
  NvFollowupData *data = g_new0 (NvFollowupData, 1);
  GPtrArray *all;

  data->unit_id = unit_id;
  data->today = today;
  data->tracked_from = NV_DAY_NONE;
  data->all = nv_followup_list_with_cases (store, unit_id, today, &data->cases, error);
  if (data->all == NULL
      || !nv_followup_get_tracked_from (store, unit_id, &data->tracked_from, error))
    {
      nv_followup_data_free (data);
      return NULL;
    }
  all = data->all;
  data->flagged = nv_repeated_absence_compute (data->cases, today);
  data->overdue = g_array_new (FALSE, FALSE, sizeof (guint));
  data->soon = g_array_new (FALSE, FALSE, sizeof (guint));
  data->not_tracked = g_array_new (FALSE, FALSE, sizeof (guint));
  data->starts = g_array_new (FALSE, FALSE, sizeof (guint));

  /* The lists: the same selection as nv_followup_upcoming() and the CLI;
   * overdue with the latest first — what can still be put right. */
  for (guint i = 0; i < all->len; i++)
    {
      const NvMilestone *m = g_ptr_array_index (all, i);
      const NvMilestone *prev = i > 0 ? g_ptr_array_index (all, i - 1) : NULL;

      if (nv_milestone_is_upcoming (m, today, soon_days))
        g_array_append_val (m->status == NV_MILESTONE_OVERDUE ? data->overdue : data->soon, i);
      else if (m->status == NV_MILESTONE_NOT_TRACKED)
        g_array_append_val (data->not_tracked, i);
      if ((prev == NULL || prev->employee_id != m->employee_id || prev->case_start != m->case_start)
          && nv_milestone_case_is_current (m, today) && m->case_start <= today)
        g_array_append_val (data->starts, i);
    }
  g_array_sort_with_data (data->overdue, compare_upcoming_index_latest_first, all);
  g_array_sort_with_data (data->soon, compare_upcoming_index, all);
  return data;
}
