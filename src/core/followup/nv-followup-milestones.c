/* nv-followup-milestones.c — the pure milestone computation of DESIGN §3:
 * a follow-up case's milestones with their status, and what needs attention.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-followup"

#include "config.h"

#include "nv-followup-private.h"

/* ---- Milestones -------------------------------------------------------- */

void
nv_followup_record_free (NvFollowupRecord *record)
{
  if (record == NULL)
    return;
  g_free (record->milestone);
  g_free (record->note);
  g_free (record);
}

void
nv_milestone_free (NvMilestone *milestone)
{
  if (milestone == NULL)
    return;
  g_free (milestone->employee_ref);
  g_free (milestone->note);
  g_free (milestone);
}

NvMilestone *
nv_milestone_copy (const NvMilestone *milestone)
{
  NvMilestone *copy = g_memdup2 (milestone, sizeof *milestone);

  copy->employee_ref = g_strdup (milestone->employee_ref);
  copy->note = g_strdup (milestone->note);
  return copy;
}

/* Every spell starting on or before @due is graded below 100 % (a
 * self-certified spell counts as 100 %). */
static gboolean
all_graded_until (const NvCase *c, NvDay due)
{
  for (guint i = 0; i < c->spells->len; i++)
    {
      const NvSpell *spell = &g_array_index (c->spells, NvSpell, i);

      if (spell->start > due)
        continue;
      if (spell->type == NV_SPELL_SELF || spell->grade >= 100.)
        return FALSE;
    }
  return TRUE;
}

/* Records are found by employee, case start and milestone: a hash table
 * over them when many cases are judged at once (a unit), a plain search for
 * one case. The key packs the three into 64 bits (employee ids below 2^40,
 * days below 2^20); a hit is checked field by field. */
static guint64
record_key (gint64 employee_id, NvDay case_start, const char *milestone)
{
  const char *const *ids = nv_milestone_ids ();
  guint64 index = 15;

  for (guint i = 0; ids[i] != NULL; i++)
    if (g_strcmp0 (ids[i], milestone) == 0)
      index = i;
  return ((guint64) employee_id << 24) | ((guint64) (case_start & 0xfffff) << 4) | index;
}

GHashTable *
nv_followup_record_index_new (const GPtrArray *records)
{
  GHashTable *index = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  for (guint i = 0; records != NULL && i < records->len; i++)
    {
      const NvFollowupRecord *r = g_ptr_array_index (records, i);
      guint64 key = record_key (r->employee_id, r->case_start, r->milestone);
      g_hash_table_insert (index, g_memdup2 (&key, sizeof key), (gpointer) r);
    }
  return index;
}

static const NvFollowupRecord *
find_record (const GPtrArray *records, GHashTable *index, const NvCase *c, const char *id)
{
  if (index != NULL)
    {
      guint64 key;
      const NvFollowupRecord *r;

      if (g_hash_table_size (index) == 0)
        return NULL;
      key = record_key (c->employee_id, c->start, id);
      r = g_hash_table_lookup (index, &key);
      if (r != NULL && r->employee_id == c->employee_id && r->case_start == c->start &&
          g_strcmp0 (r->milestone, id) == 0)
        return r;
      return NULL;
    }
  if (records == NULL)
    return NULL;
  for (guint i = 0; i < records->len; i++)
    {
      const NvFollowupRecord *r = g_ptr_array_index (records, i);
      if (r->employee_id == c->employee_id && r->case_start == c->start &&
          g_strcmp0 (r->milestone, id) == 0)
        return r;
    }
  return NULL;
}

/* Status of a milestone not recorded done (DESIGN §3). */
static NvMilestoneStatus
open_status (const NvFollowupRule *rule, const NvCase *c, NvDay due, NvDay as_of,
             NvDay tracked_from)
{
  if (tracked_from != NV_DAY_NONE && due < tracked_from)
    return NV_MILESTONE_NOT_TRACKED;
  if (rule->condition == NV_RULE_REQUIRED_WHEN_FULLY_SICK_LISTED && all_graded_until (c, due))
    return NV_MILESTONE_OPTIONAL;
  return as_of > due ? NV_MILESTONE_OVERDUE : NV_MILESTONE_DUE;
}

/* The rules that apply to @c: the set valid on its first day; NULL when
 * there is none, or when the case has no doctor's certificate (no steps). */
static const NvFollowupRuleSet *
rules_for_case (NvFollowupRules *rules, const NvCase *c)
{
  return c->has_doctor ? nv_followup_rules_for_day (rules, c->start) : NULL;
}

/* The day @rule falls due in @c; FALSE when the case ended before it (the
 * step is then not part of the case). */
static gboolean
due_in_case (const NvCase *c, const NvFollowupRule *rule, NvDay *due)
{
  *due = c->start + (NvDay) rule->offset_days;
  return c->open || c->end >= *due;
}

static void
for_case (NvFollowupRules *rules, const NvCase *c, const GPtrArray *records, GHashTable *index,
          NvDay as_of, NvDay tracked_from, guint ref_rank, GPtrArray *out)
{
  const NvFollowupRuleSet *set = rules_for_case (rules, c);

  if (set == NULL)
    return;
  for (guint i = 0; i < set->rules->len; i++)
    {
      const NvFollowupRule *rule = g_ptr_array_index (set->rules, i);
      const NvFollowupRecord *record;
      NvDay due;
      NvMilestone *m;

      if (!due_in_case (c, rule, &due))
        continue;

      m = g_new0 (NvMilestone, 1);
      m->employee_id = c->employee_id;
      m->employee_ref = g_strdup (c->employee_ref);
      m->case_start = c->start;
      m->case_end = c->end;
      m->case_open = c->open;
      m->milestone = rule->id;
      m->offset_days = rule->offset_days;
      m->source_title = rule->source_title;
      m->source_url = rule->source_url;
      m->due = due;
      m->ref_rank = ref_rank;

      record = find_record (records, index, c, rule->id);
      if (record != NULL)
        {
          m->status = NV_MILESTONE_DONE;
          m->done_on = record->done_on;
          m->note = g_strdup (record->note != NULL ? record->note : "");
        }
      else
        m->status = open_status (rule, c, due, as_of, tracked_from);
      g_ptr_array_add (out, m);
    }
}

void
nv_followup_count_case (NvFollowupRules *rules, const NvCase *c, GHashTable *index, NvDay as_of,
                        NvDay tracked_from, int days, guint *n_overdue, guint *n_due_soon)
{
  const NvFollowupRuleSet *set = rules_for_case (rules, c);

  if (set == NULL)
    return;
  for (guint i = 0; i < set->rules->len; i++)
    {
      const NvFollowupRule *rule = g_ptr_array_index (set->rules, i);
      NvDay due;
      NvMilestoneStatus status;

      if (!due_in_case (c, rule, &due))
        continue;
      /* Only open steps can count: look the record up only for those. */
      status = open_status (rule, c, due, as_of, tracked_from);
      if (status == NV_MILESTONE_NOT_TRACKED || status == NV_MILESTONE_OPTIONAL)
        continue;
      if (status == NV_MILESTONE_DUE && due > as_of + (NvDay) days)
        continue;
      if (find_record (NULL, index, c, rule->id) != NULL)
        continue;
      if (status == NV_MILESTONE_OVERDUE)
        (*n_overdue)++;
      else
        (*n_due_soon)++;
    }
}

void
nv_followup_append_for_case (NvFollowupRules *rules, const NvCase *c, GHashTable *index,
                             NvDay as_of, NvDay tracked_from, guint ref_rank, GPtrArray *out)
{
  for_case (rules, c, NULL, index, as_of, tracked_from, ref_rank, out);
}

GPtrArray *
nv_followup_for_case_tracked (NvFollowupRules *rules, const NvCase *c, const GPtrArray *records,
                              NvDay as_of, NvDay tracked_from)
{
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) nv_milestone_free);

  g_return_val_if_fail (rules != NULL && c != NULL, out);

  if (as_of == NV_DAY_NONE)
    as_of = nv_day_today ();
  for_case (rules, c, records, NULL, as_of, tracked_from, 0, out);
  return out;
}

GPtrArray *
nv_followup_for_case (NvFollowupRules *rules, const NvCase *c, const GPtrArray *records,
                      NvDay as_of)
{
  return nv_followup_for_case_tracked (rules, c, records, as_of, NV_DAY_NONE);
}

gboolean
nv_milestone_case_is_current (const NvMilestone *milestone, NvDay as_of)
{
  return milestone->case_open || milestone->case_end >= as_of;
}

gboolean
nv_milestone_is_upcoming (const NvMilestone *m, NvDay as_of, int days)
{
  switch (m->status)
    {
    case NV_MILESTONE_OVERDUE:
      return TRUE;
    case NV_MILESTONE_DUE:
    case NV_MILESTONE_OPTIONAL:
      return m->due >= as_of && m->due <= as_of + (NvDay) days;
    case NV_MILESTONE_DONE:
    case NV_MILESTONE_NOT_TRACKED:
    default:
      return FALSE;
    }
}

static int
compare_upcoming (gconstpointer a, gconstpointer b)
{
  const NvMilestone *ma = *(NvMilestone *const *) a;
  const NvMilestone *mb = *(NvMilestone *const *) b;
  int by_ref;

  if (ma->due != mb->due)
    return ma->due < mb->due ? -1 : 1;
  /* Ranks order the refs of one unit without collating each time. */
  if (ma->ref_rank != 0 && mb->ref_rank != 0 && ma->ref_rank != mb->ref_rank &&
      ma->employee_id != mb->employee_id)
    return ma->ref_rank < mb->ref_rank ? -1 : 1;
  by_ref = g_utf8_collate (ma->employee_ref != NULL ? ma->employee_ref : "",
                           mb->employee_ref != NULL ? mb->employee_ref : "");
  if (by_ref != 0)
    return by_ref;
  if (ma->case_start != mb->case_start)
    return ma->case_start < mb->case_start ? -1 : 1;
  return ma->offset_days - mb->offset_days;
}

GPtrArray *
nv_followup_select_upcoming (const GPtrArray *milestones, NvDay as_of, int days)
{
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) nv_milestone_free);

  for (guint i = 0; i < milestones->len; i++)
    {
      const NvMilestone *m = g_ptr_array_index (milestones, i);

      if (nv_milestone_is_upcoming (m, as_of, days))
        g_ptr_array_add (out, nv_milestone_copy (m));
    }
  g_ptr_array_sort (out, compare_upcoming);
  return out;
}
