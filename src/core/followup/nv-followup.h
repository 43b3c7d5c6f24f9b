/* nv-followup.h — follow-up milestones of legemeldt cases (DESIGN §3).
 *
 * The rules are data: data/followup-rules.json (in the core resource bundle
 * and installed to pkgdatadir) holds dated rule SETS; each rule has an id, an
 * offset in calendar days from the case's first day D, a condition, the law
 * or NAV page it comes from and the date it is valid from. A case is judged
 * by the set valid on its first day (the latest set whose valid_from is on or
 * before D); a case that starts before every set gets no milestones.
 *
 * Milestones belong to FOLLOW-UP cases (nv_followup_cases_compute(): spells
 * less than 16 days apart belong together), not to the statistics' cases.
 * Offsets are NAV's counting: «within N weeks» ends on D + 7·N − 1.
 *
 * A milestone is listed for a case that contains at least one legemeldt spell
 * and lasts until the due date (a closed case that ends on or after it, or an
 * open case). Status: done when the leader recorded it; not-tracked when due
 * before the unit's «follow-up tracked from» day (when set); otherwise overdue
 * when the as-of date is after the due date, else due. A rule with the condition
 * "required-when-fully-sick-listed" (dialogue meeting 1) is optional instead
 * when every spell of the case that starts on or before its due date is
 * graded below 100 % (egenmeldt counts as 100 %).
 *
 * Records of done milestones are keyed by employee, case start and milestone
 * id, and go with the employee (ON DELETE CASCADE): erasing a person erases
 * them too.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "nv-calendar.h"
#include "nv-stats.h"
#include "nv-store.h"

G_BEGIN_DECLS

#define NV_FOLLOWUP_ERROR (nv_followup_error_quark ())

typedef enum
{
  NV_FOLLOWUP_ERROR_RULES, /* the rules file is malformed */
} NvFollowupError;

GQuark nv_followup_error_quark (void);

/* Resource path of the shipped rules. */
#define NV_FOLLOWUP_RULES_RESOURCE "/io/github/naervaer/Naervaer/core/followup-rules.json"

typedef enum
{
  NV_RULE_REQUIRED,                        /* "required" */
  NV_RULE_REQUIRED_WHEN_FULLY_SICK_LISTED, /* "required-when-fully-sick-listed" */
} NvRuleCondition;

typedef struct
{
  const char *id; /* e.g. "dialogue-meeting-1"; the texts are interned */
  int offset_days;
  NvRuleCondition condition;
  const char *source_title;
  const char *source_url;
  NvDay valid_from;
} NvFollowupRule;

typedef struct
{
  NvDay valid_from;
  char *title;
  GPtrArray *rules; /* NvFollowupRule, by offset */
} NvFollowupRuleSet;

typedef struct _NvFollowupRules NvFollowupRules;

/* Parses and checks a rules file. Every problem is an NV_FOLLOWUP_ERROR_RULES
 * naming @name and the place ("rule_sets[1].rules[2].source.url: missing"). */
NvFollowupRules *nv_followup_rules_new_from_data (const char *data, gsize length,
                                                  const char *name, GError **error);
NvFollowupRules *nv_followup_rules_new_from_file (const char *path, GError **error);
void nv_followup_rules_free (NvFollowupRules *rules);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (NvFollowupRules, nv_followup_rules_free)

/* The shipped rules (from the resource bundle), loaded once; never NULL —
 * a broken bundled file is a programming error and aborts. */
NvFollowupRules *nv_followup_rules_default (void);

/* The file's "counting" statement (how the offsets are counted: NAV's way),
 * or NULL when the file has none; and its sources' URLs (NULL-terminated). */
const char *nv_followup_rules_get_counting (NvFollowupRules *rules);
const char *const *nv_followup_rules_get_counting_sources (NvFollowupRules *rules);

guint nv_followup_rules_get_n_sets (NvFollowupRules *rules);
/* Sets are sorted by valid_from. */
const NvFollowupRuleSet *nv_followup_rules_get_set (NvFollowupRules *rules, guint index);
/* The set valid on @day, or NULL when @day is before every set. */
const NvFollowupRuleSet *nv_followup_rules_for_day (NvFollowupRules *rules, NvDay day);
/* The rule with @id in the set valid on @day, or NULL. */
const NvFollowupRule *nv_followup_rules_lookup (NvFollowupRules *rules, NvDay day,
                                                const char *id);

/* Plain-language texts (translated), keyed by milestone id. NULL for an
 * unknown id. */
const char *nv_milestone_title (const char *id);
const char *nv_milestone_explanation (const char *id);
/* Every milestone id the app has texts for, in order, NULL-terminated. */
const char *const *nv_milestone_ids (void);

typedef enum
{
  NV_MILESTONE_DUE,
  NV_MILESTONE_OVERDUE,
  NV_MILESTONE_DONE,
  NV_MILESTONE_OPTIONAL,
  NV_MILESTONE_NOT_TRACKED, /* due before the unit's «follow-up tracked from» */
} NvMilestoneStatus;

/* "due", "overdue", "done", "optional", "not-tracked" (CLI/JSON). */
const char *nv_milestone_status_to_string (NvMilestoneStatus status);
/* "Due", "Overdue", "Done", "Optional" (translated). */
const char *nv_milestone_status_label (NvMilestoneStatus status);

/* A milestone recorded as done. */
typedef struct
{
  gint64 employee_id;
  NvDay case_start;
  char *milestone;
  NvDay done_on;
  char *note; /* "" when none */
} NvFollowupRecord;

void nv_followup_record_free (NvFollowupRecord *record);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (NvFollowupRecord, nv_followup_record_free)

typedef struct
{
  gint64 employee_id;
  char *employee_ref;
  NvDay case_start;
  NvDay case_end;     /* as in NvCase: the as-of date when open */
  gboolean case_open;
  const char *milestone;    /* rule id (interned, as the texts below) */
  int offset_days;
  const char *source_title;
  const char *source_url;
  NvDay due;
  NvMilestoneStatus status;
  NvDay done_on;      /* NV_DAY_NONE unless done */
  char *note;         /* NULL unless done */
  guint ref_rank;     /* place of employee_ref among the unit's refs (sorting); 0 unknown */
} NvMilestone;

void nv_milestone_free (NvMilestone *milestone);
NvMilestone *nv_milestone_copy (const NvMilestone *milestone);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (NvMilestone, nv_milestone_free)

/* Pure: the milestones of one case (NvMilestone, by due date). @records may be
 * NULL or hold NvFollowupRecord of any employee/case (only matching ones
 * count). @as_of NV_DAY_NONE = today. */
GPtrArray *nv_followup_for_case (NvFollowupRules *rules, const NvCase *c,
                                 const GPtrArray *records, NvDay as_of);
/* The same, with the unit's «follow-up tracked from» day (NV_DAY_NONE: none):
 * milestones due before it that are not done are NV_MILESTONE_NOT_TRACKED. */
GPtrArray *nv_followup_for_case_tracked (NvFollowupRules *rules, const NvCase *c,
                                         const GPtrArray *records, NvDay as_of,
                                         NvDay tracked_from);

/* Is the milestone's case still running on @as_of (open, or ending on or
 * after it)? Only such cases are worth a reminder: once the employee is back
 * at work, a missed step can no longer be taken. */
gboolean nv_milestone_case_is_current (const NvMilestone *milestone, NvDay as_of);

/* Pure: what needs attention — overdue milestones of any case (a step missed
 * in a case that has ended stays missed, and is listed as the CLI lists it),
 * and due/optional ones with a due date in [@as_of, @as_of + @days] — sorted
 * by due date, then employee ref, then case start. Never not-tracked ones.
 * Returns new copies. */
GPtrArray *nv_followup_select_upcoming (const GPtrArray *milestones, NvDay as_of, int days);
/* Would nv_followup_select_upcoming() pick @m? */
gboolean nv_milestone_is_upcoming (const NvMilestone *m, NvDay as_of, int days);

/* ---- Store-backed ------------------------------------------------------ */

/* Every follow-up case of the unit with its milestones (NvMilestone), sorted
 * by case start, employee ref, due date. Uses the shipped rules and the
 * unit's «follow-up tracked from» day. */
GPtrArray *nv_followup_list (NvStore *store, gint64 unit_id, NvDay as_of, GError **error);
/* The same, and the follow-up cases they come from (NvCase with refs) in
 * *@cases, e.g. for nv_repeated_absence_compute() without reading again. */
GPtrArray *nv_followup_list_with_cases (NvStore *store, gint64 unit_id, NvDay as_of,
                                        GPtrArray **cases, GError **error);
/* Overdue and due within @days, across the employees of the unit — or of every
 * unit when @unit_id is 0 — as nv_followup_select_upcoming(). */
GPtrArray *nv_followup_upcoming (NvStore *store, gint64 unit_id, NvDay as_of, int days,
                                 GError **error);
/* Counts for badges and reminders: overdue milestones, and milestones with
 * status due within @days of @as_of (@unit_id 0 = all); exactly the
 * milestones nv_followup_upcoming() lists, without copying them. */
gboolean nv_followup_count (NvStore *store, gint64 unit_id, NvDay as_of, int days,
                            guint *n_overdue, guint *n_due_soon, GError **error);

/* «Follow-up tracked from» (schema 9): milestones due before this day are
 * not-tracked — never overdue, never in a reminder. *@day is NV_DAY_NONE
 * when the unit has none (everything is tracked). */
gboolean nv_followup_get_tracked_from (NvStore *store, gint64 unit_id, NvDay *day,
                                       GError **error);
/* Sets the day (NV_DAY_NONE clears it). Refuses a day after today. Emits
 * NvStore::changed "followup". */
gboolean nv_followup_set_tracked_from (NvStore *store, gint64 unit_id, NvDay day,
                                       GError **error);
/* Sets @day only when the unit has no day yet (a spells import holding a
 * spell that ended before the import day does this, inside its
 * transaction); TRUE also when nothing was changed. */
gboolean nv_followup_tracked_from_set_default (NvStore *store, gint64 unit_id, NvDay day,
                                               GError **error);

/* ---- Repeated absence (DESIGN §3, NAV's rule) -------------------------- */

typedef enum
{
  NV_REPEATED_5_100 = 1 << 0, /* ≥ 5 cases together ≥ 100 days */
  NV_REPEATED_2_300 = 1 << 1, /* ≥ 2 cases together ≥ 300 days */
} NvRepeatedRules;

typedef struct
{
  gint64 employee_id;
  char *employee_ref;
  guint cases; /* follow-up cases that count */
  guint days;  /* their calendar days together */
  NvRepeatedRules rules;
} NvRepeatedAbsence;

void nv_repeated_absence_free (NvRepeatedAbsence *r);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (NvRepeatedAbsence, nv_repeated_absence_free)

/* The day 36 months before @as_of (the end of a shorter month when the day
 * does not exist): cases starting on or after it count. */
NvDay nv_repeated_window_start (NvDay as_of);
/* Pure: from FOLLOW-UP cases (nv_followup_cases_compute()), the employees
 * flagged by NAV's repeated-absence rule as of @as_of. A case counts when it
 * has a legemeldt spell, starts in [window start, @as_of] and lasts at least
 * 16 calendar days (up to @as_of: an open case, or one running past it, ends
 * there). Sorted by days (most first), then employee ref. */
GPtrArray *nv_repeated_absence_compute (const GPtrArray *followup_cases, NvDay as_of);
/* The same for a unit's employees. @as_of NV_DAY_NONE = today. */
GPtrArray *nv_repeated_absence_for_unit (NvStore *store, gint64 unit_id, NvDay as_of,
                                         GError **error);

/* Records @milestone of the case starting @case_start as done on @done_on
 * with @note (may be NULL; at most 500 characters). @done_on may not lie
 * before the case start nor after today. Replaces an earlier record.
 * Emits NvStore::changed "followup". */
gboolean nv_followup_mark_done (NvStore *store, gint64 employee_id, NvDay case_start,
                                const char *milestone, NvDay done_on, const char *note,
                                GError **error);
/* Removes the record (undo). NV_STORE_ERROR_NOT_FOUND if there is none. */
gboolean nv_followup_undo (NvStore *store, gint64 employee_id, NvDay case_start,
                           const char *milestone, GError **error);
/* Records of the unit's employees (NvFollowupRecord); @unit_id 0 = all. */
GPtrArray *nv_followup_records (NvStore *store, gint64 unit_id, GError **error);

/* Demo content (inside nv_demo_fill's transaction): records the milestones of
 * the unit's cases as done a few days before they fell due, as a diligent
 * leader would, leaving a recent step open in about half of the current cases
 * so the Follow-up page shows something overdue. Deterministic. */
gboolean nv_followup_demo_fill (NvStore *store, gint64 unit_id, guint variant, NvDay today,
                                GError **error);

G_END_DECLS
