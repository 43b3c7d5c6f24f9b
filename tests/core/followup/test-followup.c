/* Tests for the follow-up milestones (DESIGN §3): every milestone rule and
 * status with hand-computed dates, cases merged across short returns to work
 * and NAV's repeated-absence rule, on spells built by hand (no store). The
 * store-backed recording of done milestones is tested in
 * test-followup-store.c, the rules file in test-followup-rules.c. */
#include "config.h"

#include "nv-absence.h"
#include "nv-followup.h"
#include "nv-stats.h"

#define D(y, m, d) nv_day_from_ymd (y, m, d)

/* ---- Helpers ----------------------------------------------------------- */

typedef struct
{
  NvDay start;
  NvDay end; /* NV_DAY_NONE = open */
  double grade;
  NvSpellType type;
} S;

/* Appends @s as a spell of @employee with the id @id to @spells (NvSpell). */
static void
append_spell (GArray *spells, gint64 id, gint64 employee, const S *s)
{
  NvSpell spell = { 0 };

  spell.id = id;
  spell.employee_id = employee;
  spell.start = s->start;
  spell.end = s->end;
  spell.grade = s->grade;
  spell.type = s->type;
  g_array_append_val (spells, spell);
}

/* A case built by hand (not by the statistics engine), so these tests judge
 * the milestone rules alone. */
static NvCase *
make_case (const S *spells, guint n, NvDay as_of)
{
  NvCase *c = g_new0 (NvCase, 1);

  c->employee_id = 7;
  c->employee_ref = g_strdup ("AB");
  c->spells = g_array_new (FALSE, TRUE, sizeof (NvSpell));
  c->start = spells[0].start;
  for (guint i = 0; i < n; i++)
    {
      append_spell (c->spells, 0, 7, &spells[i]);
      if (spells[i].type == NV_SPELL_DOCTOR)
        c->has_doctor = TRUE;
      if (i > 0)
        g_assert_cmpuint (spells[i].start, ==, spells[i - 1].end + 1);
    }
  c->open = spells[n - 1].end == NV_DAY_NONE;
  c->end = c->open ? as_of : spells[n - 1].end;
  c->duration = c->end - c->start + 1;
  return c;
}

static void
free_case (NvCase *c)
{
  g_free (c->employee_ref);
  g_array_unref (c->spells);
  g_free (c);
}

static const NvMilestone *
lookup (GPtrArray *list, const char *id)
{
  for (guint i = 0; i < list->len; i++)
    {
      const NvMilestone *m = g_ptr_array_index (list, i);
      if (g_strcmp0 (m->milestone, id) == 0)
        return m;
    }
  return NULL;
}

/* The milestone @id, which must be listed. */
static const NvMilestone *
find (GPtrArray *list, const char *id)
{
  const NvMilestone *m = lookup (list, id);

  if (m == NULL)
    g_error ("milestone %s missing", id);
  return m;
}

static void
assert_milestone (GPtrArray *list, const char *id, NvDay due, NvMilestoneStatus status)
{
  const NvMilestone *m = find (list, id);
  char want[11], got[11];

  if (m->due != due)
    g_error ("%s: due %s, expected %s", id, nv_day_format_iso_buf (m->due, got),
             nv_day_format_iso_buf (due, want));
  g_assert_cmpstr (nv_milestone_status_to_string (m->status), ==,
                   nv_milestone_status_to_string (status));
}

static GPtrArray *
compute (const S *spells, guint n, NvDay as_of, const GPtrArray *records)
{
  NvCase *c = make_case (spells, n, as_of);
  GPtrArray *list = nv_followup_for_case (nv_followup_rules_default (), c, records, as_of);

  free_case (c);
  return list;
}

/* ---- Milestones, hand-computed ----------------------------------------- */

/* An open, fully sick-listed case from Monday 5 January 2026, counted as
 * NAV counts (day 1 is D): D + 15 = 20 Jan, D + 27 = 1 Feb, D + 48 = 22 Feb,
 * D + 55 = 1 Mar (February 2026 has 28 days), D + 181 = 5 Jul, D + 363 =
 * 3 Jan 2027. As of 1 Mar the activity requirement is due that very day. */
static void
test_open_case (void)
{
  const S spells[] = { { D (2026, 1, 5), NV_DAY_NONE, 100, NV_SPELL_DOCTOR } };
  g_autoptr (GPtrArray) list = compute (spells, 1, D (2026, 3, 1), NULL);

  g_assert_cmpuint (list->len, ==, 6);
  assert_milestone (list, "employer-period-end", D (2026, 1, 20), NV_MILESTONE_OVERDUE);
  assert_milestone (list, "followup-plan", D (2026, 2, 1), NV_MILESTONE_OVERDUE);
  assert_milestone (list, "dialogue-meeting-1", D (2026, 2, 22), NV_MILESTONE_OVERDUE);
  assert_milestone (list, "activity-requirement", D (2026, 3, 1), NV_MILESTONE_DUE);
  assert_milestone (list, "dialogue-meeting-2", D (2026, 7, 5), NV_MILESTONE_DUE);
  assert_milestone (list, "max-sickness-benefit", D (2027, 1, 3), NV_MILESTONE_DUE);
  /* Sorted by due date. */
  for (guint i = 1; i < list->len; i++)
    g_assert_cmpuint (((NvMilestone *)g_ptr_array_index (list, i - 1))->due, <,
                      ((NvMilestone *)g_ptr_array_index (list, i))->due);
  g_assert_true (((NvMilestone *)g_ptr_array_index (list, 0))->case_open);
}

/* Overdue only when the as-of date is AFTER the due date. */
static void
test_due_day_itself (void)
{
  const S spells[] = { { D (2026, 1, 5), NV_DAY_NONE, 100, NV_SPELL_DOCTOR } };
  g_autoptr (GPtrArray) on = compute (spells, 1, D (2026, 2, 1), NULL);
  g_autoptr (GPtrArray) after = compute (spells, 1, D (2026, 2, 2), NULL);

  assert_milestone (on, "followup-plan", D (2026, 2, 1), NV_MILESTONE_DUE);
  assert_milestone (after, "followup-plan", D (2026, 2, 1), NV_MILESTONE_OVERDUE);
  assert_milestone (after, "dialogue-meeting-1", D (2026, 2, 22), NV_MILESTONE_DUE);
}

/* A closed case is listed only up to the milestones it lasts until. */
static void
test_case_ends_before_due (void)
{
  const S until_21[] = { { D (2026, 1, 5), D (2026, 2, 21), 100, NV_SPELL_DOCTOR } };
  const S until_22[] = { { D (2026, 1, 5), D (2026, 2, 22), 100, NV_SPELL_DOCTOR } };
  const S short_case[] = { { D (2026, 1, 5), D (2026, 1, 19), 100, NV_SPELL_DOCTOR } };
  g_autoptr (GPtrArray) a = compute (until_21, 1, D (2026, 6, 1), NULL);
  g_autoptr (GPtrArray) b = compute (until_22, 1, D (2026, 6, 1), NULL);
  g_autoptr (GPtrArray) c = compute (short_case, 1, D (2026, 6, 1), NULL);

  g_assert_cmpuint (a->len, ==, 2);
  assert_milestone (a, "employer-period-end", D (2026, 1, 20), NV_MILESTONE_OVERDUE);
  assert_milestone (a, "followup-plan", D (2026, 2, 1), NV_MILESTONE_OVERDUE);
  g_assert_null (lookup (a, "dialogue-meeting-1"));

  /* Ending on the due date itself counts. */
  g_assert_cmpuint (b->len, ==, 3);
  assert_milestone (b, "dialogue-meeting-1", D (2026, 2, 22), NV_MILESTONE_OVERDUE);

  /* 15 days (5–19 Jan) end before D + 15: nothing to follow up. */
  g_assert_cmpuint (c->len, ==, 0);
}

/* Graded throughout: dialogue meeting 1 is optional; the rest stays. */
static void
test_graded_only (void)
{
  const S graded[] = { { D (2026, 1, 5), D (2026, 3, 31), 50, NV_SPELL_DOCTOR } };
  /* Graded until the due date; full sick leave only from the day after. */
  const S later_full[] = { { D (2026, 1, 5), D (2026, 2, 22), 60, NV_SPELL_DOCTOR },
                           { D (2026, 2, 23), D (2026, 3, 31), 100, NV_SPELL_DOCTOR } };
  /* A full spell starting ON the due date makes the meeting required. */
  const S full_on_due[] = { { D (2026, 1, 5), D (2026, 2, 21), 60, NV_SPELL_DOCTOR },
                            { D (2026, 2, 22), D (2026, 3, 31), 100, NV_SPELL_DOCTOR } };
  g_autoptr (GPtrArray) a = compute (graded, 1, D (2026, 3, 10), NULL);
  g_autoptr (GPtrArray) b = compute (later_full, 2, D (2026, 3, 10), NULL);
  g_autoptr (GPtrArray) c = compute (full_on_due, 2, D (2026, 3, 10), NULL);
  g_autoptr (GPtrArray) early = compute (graded, 1, D (2026, 1, 10), NULL);

  g_assert_cmpuint (a->len, ==, 4);
  assert_milestone (a, "followup-plan", D (2026, 2, 1), NV_MILESTONE_OVERDUE);
  assert_milestone (a, "dialogue-meeting-1", D (2026, 2, 22), NV_MILESTONE_OPTIONAL);
  assert_milestone (a, "activity-requirement", D (2026, 3, 1), NV_MILESTONE_OVERDUE);
  assert_milestone (b, "dialogue-meeting-1", D (2026, 2, 22), NV_MILESTONE_OPTIONAL);
  assert_milestone (c, "dialogue-meeting-1", D (2026, 2, 22), NV_MILESTONE_OVERDUE);
  /* Optional also before the due date. */
  assert_milestone (early, "dialogue-meeting-1", D (2026, 2, 22), NV_MILESTONE_OPTIONAL);
  assert_milestone (early, "employer-period-end", D (2026, 1, 20), NV_MILESTONE_DUE);
}

static void
test_egenmeldt_only (void)
{
  const S short_self[] = { { D (2026, 1, 5), D (2026, 1, 7), 100, NV_SPELL_SELF } };
  const S long_self[] = { { D (2026, 1, 5), D (2026, 1, 7), 100, NV_SPELL_SELF },
                          { D (2026, 1, 8), D (2026, 3, 31), 100, NV_SPELL_SELF } };
  const S open_self[] = { { D (2026, 1, 5), NV_DAY_NONE, 100, NV_SPELL_SELF } };
  g_autoptr (GPtrArray) a = compute (short_self, 1, D (2026, 2, 1), NULL);
  g_autoptr (GPtrArray) b = compute (long_self, 2, D (2026, 4, 1), NULL);
  g_autoptr (GPtrArray) c = compute (open_self, 1, D (2026, 4, 1), NULL);

  g_assert_cmpuint (a->len, ==, 0);
  g_assert_cmpuint (b->len, ==, 0);
  g_assert_cmpuint (c->len, ==, 0);
}

/* From Sunday 20 December 2026: D + 15 = 4 Jan 2027, D + 27 = 16 Jan,
 * D + 48 = 6 Feb, D + 55 = 13 Feb, D + 181 = 19 Jun, D + 363 = 18 Dec 2027. */
static void
test_crossing_year (void)
{
  const S spells[] = { { D (2026, 12, 20), NV_DAY_NONE, 100, NV_SPELL_DOCTOR } };
  g_autoptr (GPtrArray) list = compute (spells, 1, D (2027, 1, 10), NULL);

  g_assert_cmpuint (list->len, ==, 6);
  assert_milestone (list, "employer-period-end", D (2027, 1, 4), NV_MILESTONE_OVERDUE);
  assert_milestone (list, "followup-plan", D (2027, 1, 16), NV_MILESTONE_DUE);
  assert_milestone (list, "dialogue-meeting-1", D (2027, 2, 6), NV_MILESTONE_DUE);
  assert_milestone (list, "activity-requirement", D (2027, 2, 13), NV_MILESTONE_DUE);
  assert_milestone (list, "dialogue-meeting-2", D (2027, 6, 19), NV_MILESTONE_DUE);
  assert_milestone (list, "max-sickness-benefit", D (2027, 12, 18), NV_MILESTONE_DUE);
}

/* Three egenmeldt days, then a doctor's note: the milestones run from the
 * first egenmeldt day, and the egenmeldt days count as 100 %, so dialogue
 * meeting 1 is required even though the doctor graded the sick leave. */
static void
test_egenmeldt_then_legemeldt (void)
{
  const S full[] = { { D (2026, 3, 2), D (2026, 3, 4), 100, NV_SPELL_SELF },
                     { D (2026, 3, 5), NV_DAY_NONE, 100, NV_SPELL_DOCTOR } };
  const S graded[] = { { D (2026, 3, 2), D (2026, 3, 4), 100, NV_SPELL_SELF },
                       { D (2026, 3, 5), D (2026, 6, 30), 50, NV_SPELL_DOCTOR } };
  g_autoptr (GPtrArray) a = compute (full, 2, D (2026, 4, 1), NULL);
  g_autoptr (GPtrArray) b = compute (graded, 2, D (2026, 4, 1), NULL);

  /* D = 2 Mar 2026: +15 = 17 Mar, +27 = 29 Mar, +48 = 19 Apr, +55 = 26 Apr,
   * +181 = 30 Aug, +363 = 28 Feb 2027. */
  g_assert_cmpuint (a->len, ==, 6);
  assert_milestone (a, "employer-period-end", D (2026, 3, 17), NV_MILESTONE_OVERDUE);
  assert_milestone (a, "followup-plan", D (2026, 3, 29), NV_MILESTONE_OVERDUE);
  assert_milestone (a, "dialogue-meeting-1", D (2026, 4, 19), NV_MILESTONE_DUE);
  assert_milestone (a, "activity-requirement", D (2026, 4, 26), NV_MILESTONE_DUE);
  assert_milestone (a, "dialogue-meeting-2", D (2026, 8, 30), NV_MILESTONE_DUE);
  assert_milestone (a, "max-sickness-benefit", D (2027, 2, 28), NV_MILESTONE_DUE);

  /* Ends 30 June: D + 181 = 30 Aug is past the end. */
  g_assert_cmpuint (b->len, ==, 4);
  assert_milestone (b, "dialogue-meeting-1", D (2026, 4, 19), NV_MILESTONE_DUE);
  g_assert_null (lookup (b, "dialogue-meeting-2"));
}

/* Adds to @records that @milestone of @employee's case from @case_start was
 * done on @done_on, with @note. */
static void
add_record (GPtrArray *records, gint64 employee, NvDay case_start, const char *milestone,
            NvDay done_on, const char *note)
{
  NvFollowupRecord *r = g_new0 (NvFollowupRecord, 1);

  r->employee_id = employee;
  r->case_start = case_start;
  r->milestone = g_strdup (milestone);
  r->done_on = done_on;
  r->note = g_strdup (note);
  g_ptr_array_add (records, r);
}

/* Done wins over every other status, also over optional; a record of
 * another case or employee does not count. */
static void
test_done_records (void)
{
  const S spells[] = { { D (2026, 1, 5), NV_DAY_NONE, 50, NV_SPELL_DOCTOR } };
  g_autoptr (GPtrArray) records
      = g_ptr_array_new_with_free_func ((GDestroyNotify)nv_followup_record_free);
  g_autoptr (GPtrArray) list = NULL;
  const NvMilestone *m;

  add_record (records, 7, D (2026, 1, 5), "followup-plan", D (2026, 1, 28), "Plan sent to the GP");
  add_record (records, 7, D (2026, 1, 5), "dialogue-meeting-1", D (2026, 2, 20), "");
  /* another case of the same person */
  add_record (records, 7, D (2025, 10, 1), "employer-period-end", D (2025, 10, 16), "");
  /* another person */
  add_record (records, 8, D (2026, 1, 5), "activity-requirement", D (2026, 2, 27), "");

  list = compute (spells, 1, D (2026, 3, 10), records);
  m = find (list, "followup-plan");
  g_assert_cmpint (m->status, ==, NV_MILESTONE_DONE);
  g_assert_cmpuint (m->done_on, ==, D (2026, 1, 28));
  g_assert_cmpstr (m->note, ==, "Plan sent to the GP");
  assert_milestone (list, "dialogue-meeting-1", D (2026, 2, 22), NV_MILESTONE_DONE);
  assert_milestone (list, "employer-period-end", D (2026, 1, 20), NV_MILESTONE_OVERDUE);
  assert_milestone (list, "activity-requirement", D (2026, 3, 1), NV_MILESTONE_OVERDUE);
  g_assert_cmpuint (find (list, "activity-requirement")->done_on, ==, NV_DAY_NONE);
  g_assert_null (find (list, "activity-requirement")->note);
}

/* The rule set is the one valid on the case's first day. */
static void
test_rule_set_by_start (void)
{
  const S before[] = { { D (2025, 12, 17), NV_DAY_NONE, 100, NV_SPELL_DOCTOR } };
  const S from[] = { { D (2025, 12, 18), NV_DAY_NONE, 100, NV_SPELL_DOCTOR } };
  const S ancient[] = { { D (2014, 6, 30), D (2015, 1, 31), 100, NV_SPELL_DOCTOR } };
  NvFollowupRules *rules = nv_followup_rules_default ();
  g_autoptr (GPtrArray) a = compute (before, 1, D (2026, 1, 1), NULL);
  g_autoptr (GPtrArray) b = compute (from, 1, D (2026, 1, 1), NULL);
  g_autoptr (GPtrArray) c = compute (ancient, 1, D (2026, 1, 1), NULL);

  g_assert_cmpstr (find (a, "followup-plan")->source_url, ==,
                   nv_followup_rules_lookup (rules, D (2025, 12, 17), "followup-plan")->source_url);
  g_assert_cmpstr (find (b, "followup-plan")->source_url, ==,
                   nv_followup_rules_lookup (rules, D (2025, 12, 18), "followup-plan")->source_url);
  g_assert_cmpstr (find (a, "followup-plan")->source_url, !=,
                   find (b, "followup-plan")->source_url);
  /* 17 Dec 2025 + 27 = 13 Jan 2026; 18 Dec + 27 = 14 Jan. */
  assert_milestone (a, "followup-plan", D (2026, 1, 13), NV_MILESTONE_DUE);
  assert_milestone (b, "followup-plan", D (2026, 1, 14), NV_MILESTONE_DUE);
  g_assert_cmpuint (c->len, ==, 0);
}

/* What needs attention: overdue and due within the window, of cases still
 * running, sorted by date across employees. */
static void
test_upcoming (void)
{
  g_autoptr (GPtrArray) all = g_ptr_array_new_with_free_func ((GDestroyNotify)nv_milestone_free);
  g_autoptr (GPtrArray) upcoming = NULL;
  const S open_case[] = { { D (2026, 1, 5), NV_DAY_NONE, 100, NV_SPELL_DOCTOR } };
  const S other[] = { { D (2026, 1, 20), NV_DAY_NONE, 50, NV_SPELL_DOCTOR } };
  const S ended[] = { { D (2025, 12, 20), D (2026, 2, 10), 100, NV_SPELL_DOCTOR } };
  NvDay as_of = D (2026, 2, 20);
  const S *sets[] = { open_case, other, ended };
  const char *refs[] = { "AB", "CD", "EF" };

  for (guint k = 0; k < G_N_ELEMENTS (sets); k++)
    {
      NvCase *c = make_case (sets[k], 1, as_of);
      g_autoptr (GPtrArray) list = NULL;

      g_free (c->employee_ref);
      c->employee_ref = g_strdup (refs[k]);
      c->employee_id = k + 1;
      list = nv_followup_for_case (nv_followup_rules_default (), c, NULL, as_of);
      for (guint i = 0; i < list->len; i++)
        g_ptr_array_add (all, nv_milestone_copy (g_ptr_array_index (list, i)));
      free_case (c);
    }

  /* AB (from 5 Jan): employer period 20 Jan overdue, plan 1 Feb overdue,
   * DM1 22 Feb due, activity 1 Mar due (within 14 days: until 6 Mar).
   * CD (from 20 Jan, graded): employer period 4 Feb overdue, plan 16 Feb
   * overdue, DM1 9 Mar optional (outside the window).
   * EF ended 10 Feb: its missed steps stay listed (employer period 4 Jan,
   * plan 16 Jan, DM1 6 Feb); activity 13 Feb is past the end. */
  upcoming = nv_followup_select_upcoming (all, as_of, 14);
  g_assert_cmpuint (upcoming->len, ==, 9);
  {
    static const struct
    {
      const char *ref;
      const char *id;
      const char *status;
    } want[] = {
      { "EF", "employer-period-end", "overdue" }, { "EF", "followup-plan", "overdue" },
      { "AB", "employer-period-end", "overdue" }, { "AB", "followup-plan", "overdue" },
      { "CD", "employer-period-end", "overdue" }, { "EF", "dialogue-meeting-1", "overdue" },
      { "CD", "followup-plan", "overdue" },       { "AB", "dialogue-meeting-1", "due" },
      { "AB", "activity-requirement", "due" },
    };
    for (guint i = 0; i < G_N_ELEMENTS (want); i++)
      {
        const NvMilestone *m = g_ptr_array_index (upcoming, i);
        g_assert_cmpstr (m->employee_ref, ==, want[i].ref);
        g_assert_cmpstr (m->milestone, ==, want[i].id);
        g_assert_cmpstr (nv_milestone_status_to_string (m->status), ==, want[i].status);
      }
  }
  g_clear_pointer (&upcoming, g_ptr_array_unref);
  /* A 7-day window drops the activity requirement of 1 Mar (> 27 Feb). */
  upcoming = nv_followup_select_upcoming (all, as_of, 7);
  g_assert_cmpuint (upcoming->len, ==, 8);
}

/* Milestones of the follow-up cases built from @spells (employee 7, "AB"). */
static GPtrArray *
followup_of (const S *spells, guint n, NvDay as_of, GPtrArray **cases_out)
{
  g_autoptr (GArray) raw = g_array_new (FALSE, TRUE, sizeof (NvSpell));
  g_autoptr (GPtrArray) cases = NULL;
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify)nv_milestone_free);

  for (guint i = 0; i < n; i++)
    append_spell (raw, i + 1, 7, &spells[i]);
  cases = nv_followup_cases_compute ((NvSpell *)(void *)raw->data, raw->len, as_of);
  for (guint i = 0; i < cases->len; i++)
    {
      NvCase *c = g_ptr_array_index (cases, i);
      g_autoptr (GPtrArray) list = NULL;

      c->employee_ref = g_strdup ("AB");
      list = nv_followup_for_case (nv_followup_rules_default (), c, NULL, as_of);
      for (guint j = 0; j < list->len; j++)
        g_ptr_array_add (out, nv_milestone_copy (g_ptr_array_index (list, j)));
    }
  if (cases_out != NULL)
    *cases_out = g_steal_pointer (&cases);
  return out;
}

/* Folketrygdloven § 8-19: back at work for 15 days, the case goes on; for
 * 16 days, a new case (and a new employer period) begins. The statistics'
 * cases (adjacent spells only) are two in both. */
static void
test_merged_cases (void)
{
  /* 1–10 Mar, then 11–25 Mar at work (15 days), sick again 26 Mar–30 Apr. */
  const S gap15[] = { { D (2026, 3, 1), D (2026, 3, 10), 100, NV_SPELL_DOCTOR },
                      { D (2026, 3, 26), D (2026, 4, 30), 100, NV_SPELL_DOCTOR } };
  /* The same with 16 days at work (11–26 Mar). */
  const S gap16[] = { { D (2026, 3, 1), D (2026, 3, 10), 100, NV_SPELL_DOCTOR },
                      { D (2026, 3, 27), D (2026, 4, 30), 100, NV_SPELL_DOCTOR } };
  NvDay as_of = D (2026, 5, 1);
  g_autoptr (GPtrArray) merged_cases = NULL;
  g_autoptr (GPtrArray) separate_cases = NULL;
  g_autoptr (GPtrArray) merged = followup_of (gap15, 2, as_of, &merged_cases);
  g_autoptr (GPtrArray) separate = followup_of (gap16, 2, as_of, &separate_cases);
  NvSpell stats_spells[2]
      = { { 1, 7, NULL, D (2026, 3, 1), D (2026, 3, 10), 100, NV_SPELL_DOCTOR },
          { 2, 7, NULL, D (2026, 3, 26), D (2026, 4, 30), 100, NV_SPELL_DOCTOR } };
  g_autoptr (GPtrArray) stats_cases = nv_cases_compute (stats_spells, 2, as_of);
  const NvCase *c;

  /* One case: D = 1 Mar to 30 Apr, 61 days with the gap. D + 15 = 16 Mar,
   * D + 27 = 28 Mar, D + 48 = 18 Apr, D + 55 = 25 Apr; D + 181 = 29 Aug lies
   * after the end. */
  g_assert_cmpuint (merged_cases->len, ==, 1);
  c = g_ptr_array_index (merged_cases, 0);
  g_assert_cmpuint (c->start, ==, D (2026, 3, 1));
  g_assert_cmpuint (c->end, ==, D (2026, 4, 30));
  g_assert_cmpuint (c->duration, ==, 61);
  g_assert_cmpuint (c->spells->len, ==, 2);
  g_assert_cmpuint (merged->len, ==, 4);
  assert_milestone (merged, "employer-period-end", D (2026, 3, 16), NV_MILESTONE_OVERDUE);
  assert_milestone (merged, "followup-plan", D (2026, 3, 28), NV_MILESTONE_OVERDUE);
  assert_milestone (merged, "dialogue-meeting-1", D (2026, 4, 18), NV_MILESTONE_OVERDUE);
  assert_milestone (merged, "activity-requirement", D (2026, 4, 25), NV_MILESTONE_OVERDUE);
  for (guint i = 0; i < merged->len; i++)
    g_assert_cmpuint (((NvMilestone *)g_ptr_array_index (merged, i))->case_start, ==,
                      D (2026, 3, 1));

  /* Two cases: 1–10 Mar lasts 10 days, too short for any step; D = 27 Mar:
   * D + 15 = 11 Apr, D + 27 = 23 Apr; D + 48 = 14 May is after the end. */
  g_assert_cmpuint (separate_cases->len, ==, 2);
  g_assert_cmpuint (separate->len, ==, 2);
  assert_milestone (separate, "employer-period-end", D (2026, 4, 11), NV_MILESTONE_OVERDUE);
  assert_milestone (separate, "followup-plan", D (2026, 4, 23), NV_MILESTONE_OVERDUE);
  g_assert_cmpuint (find (separate, "followup-plan")->case_start, ==, D (2026, 3, 27));

  /* The statistics keep their own case: adjacent spells only. */
  g_assert_cmpuint (stats_cases->len, ==, 2);
}

/* ---- Repeated absence (NAV's rule) -------------------------------------- */

typedef struct
{
  gint64 employee;
  NvDay start;
  NvDay end;
  NvSpellType type;
} R;

static GPtrArray *
repeated_of (const R *rows, guint n, NvDay as_of)
{
  g_autoptr (GArray) raw = g_array_new (FALSE, TRUE, sizeof (NvSpell));
  g_autoptr (GPtrArray) cases = NULL;

  for (guint i = 0; i < n; i++)
    {
      const S spell = { rows[i].start, rows[i].end, 100, rows[i].type };
      append_spell (raw, i + 1, rows[i].employee, &spell);
    }
  cases = nv_followup_cases_compute ((NvSpell *)(void *)raw->data, raw->len, as_of);
  for (guint i = 0; i < cases->len; i++)
    {
      NvCase *c = g_ptr_array_index (cases, i);
      c->employee_ref = g_strdup_printf ("P%" G_GINT64_FORMAT, c->employee_id);
    }
  return nv_repeated_absence_compute (cases, as_of);
}

static const NvRepeatedAbsence *
flagged (GPtrArray *list, const char *ref)
{
  for (guint i = 0; i < list->len; i++)
    {
      const NvRepeatedAbsence *r = g_ptr_array_index (list, i);
      if (g_strcmp0 (r->employee_ref, ref) == 0)
        return r;
    }
  return NULL;
}

/* Adds @n cases of @days calendar days for @employee, the first from @first,
 * one every 60 days (never within 16 days of each other). */
static guint
add_cases (R *rows, guint at, gint64 employee, NvDay first, guint n, guint days)
{
  for (guint k = 0; k < n; k++)
    rows[at++] = (R){ employee, first + k * 60, first + k * 60 + days - 1, NV_SPELL_DOCTOR };
  return at;
}

/* @ref, which must be flagged. */
static const NvRepeatedAbsence *
must_flag (GPtrArray *list, const char *ref)
{
  const NvRepeatedAbsence *r = flagged (list, ref);

  if (r == NULL)
    g_error ("%s not flagged", ref);
  return r;
}

/* @ref must be flagged with @cases cases, @days days and by @rules. */
static void
assert_flagged (GPtrArray *list, const char *ref, guint cases, guint days, guint rules)
{
  const NvRepeatedAbsence *r = must_flag (list, ref);

  g_assert_cmpuint (r->cases, ==, cases);
  g_assert_cmpuint (r->days, ==, days);
  g_assert_cmpuint (r->rules, ==, rules);
}

static void
test_repeated_absence (void)
{
  NvDay as_of = D (2026, 12, 6);
  R rows[64];
  guint n = 0;
  g_autoptr (GPtrArray) list = NULL;
  const NvRepeatedAbsence *r;

  /* 36 months back: 6 Dec 2023 (cases from that day count). */
  g_assert_cmpuint (nv_repeated_window_start (as_of), ==, D (2023, 12, 6));
  g_assert_cmpuint (nv_repeated_window_start (D (2026, 5, 31)), ==, D (2023, 5, 31));
  g_assert_cmpuint (nv_repeated_window_start (D (2028, 2, 29)), ==, D (2025, 2, 28));

  /* P1: 5 cases × 20 days = 100 → 5-100. */
  n = add_cases (rows, n, 1, D (2024, 1, 1), 5, 20);
  /* P2: 2 cases × 150 days = 300 → 2-300 (1 Jan–29 May 2024, 1 Jan–30 May 2025). */
  rows[n++] = (R){ 2, D (2024, 1, 1), D (2024, 5, 29), NV_SPELL_DOCTOR };
  rows[n++] = (R){ 2, D (2025, 1, 1), D (2025, 5, 30), NV_SPELL_DOCTOR };
  /* P3: 4 × 30 days and an open case from 1 Jun 2026 (189 days to 6 Dec):
   * 5 cases, 309 days → both. */
  n = add_cases (rows, n, 3, D (2024, 1, 1), 4, 30);
  rows[n++] = (R){ 3, D (2026, 6, 1), NV_DAY_NONE, NV_SPELL_DOCTOR };
  /* P4: 4 × 25 days and one of 15 days, which does not count: 4 cases. */
  n = add_cases (rows, n, 4, D (2024, 1, 1), 4, 25);
  rows[n++] = (R){ 4, D (2025, 6, 1), D (2025, 6, 15), NV_SPELL_DOCTOR };
  /* P5: a case starting 36 months and one day before (5 Dec 2023) does not
   * count, so 4 cases of 20 days remain. P6: the same from 6 Dec counts. */
  rows[n++] = (R){ 5, D (2023, 12, 5), D (2023, 12, 24), NV_SPELL_DOCTOR };
  n = add_cases (rows, n, 5, D (2024, 2, 1), 4, 20);
  rows[n++] = (R){ 6, D (2023, 12, 6), D (2023, 12, 25), NV_SPELL_DOCTOR };
  n = add_cases (rows, n, 6, D (2024, 2, 1), 4, 20);
  /* P7: 5 × 20 days, but one only egenmeldt: 4 cases count. */
  n = add_cases (rows, n, 7, D (2024, 1, 1), 5, 20);
  rows[n - 1].type = NV_SPELL_SELF;
  g_assert_cmpuint (n, <=, G_N_ELEMENTS (rows));

  list = repeated_of (rows, n, as_of);
  for (guint i = 0; i < list->len; i++)
    {
      r = g_ptr_array_index (list, i);
      g_test_message ("%s: %u cases, %u days, rules %u", r->employee_ref, r->cases, r->days,
                      r->rules);
    }
  g_assert_cmpuint (list->len, ==, 4);

  assert_flagged (list, "P1", 5, 100, NV_REPEATED_5_100);
  assert_flagged (list, "P2", 2, 300, NV_REPEATED_2_300);
  assert_flagged (list, "P3", 5, 309, NV_REPEATED_5_100 | NV_REPEATED_2_300);
  g_assert_null (flagged (list, "P4"));
  g_assert_null (flagged (list, "P5"));
  assert_flagged (list, "P6", 5, 100, NV_REPEATED_5_100);
  g_assert_null (flagged (list, "P7"));

  /* Most days first. */
  g_assert_cmpstr (((NvRepeatedAbsence *)g_ptr_array_index (list, 0))->employee_ref, ==, "P3");
  g_assert_cmpstr (((NvRepeatedAbsence *)g_ptr_array_index (list, 1))->employee_ref, ==, "P2");

  /* A day earlier, P2's two cases are still 300 days but P3's open case is
   * one day shorter: 308. */
  g_clear_pointer (&list, g_ptr_array_unref);
  list = repeated_of (rows, n, as_of - 1);
  g_assert_cmpuint (must_flag (list, "P3")->days, ==, 308);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/followup/open-case", test_open_case);
  g_test_add_func ("/followup/due-day-itself", test_due_day_itself);
  g_test_add_func ("/followup/case-ends-before-due", test_case_ends_before_due);
  g_test_add_func ("/followup/graded-only", test_graded_only);
  g_test_add_func ("/followup/egenmeldt-only", test_egenmeldt_only);
  g_test_add_func ("/followup/crossing-year", test_crossing_year);
  g_test_add_func ("/followup/egenmeldt-then-legemeldt", test_egenmeldt_then_legemeldt);
  g_test_add_func ("/followup/done-records", test_done_records);
  g_test_add_func ("/followup/rule-set-by-start", test_rule_set_by_start);
  g_test_add_func ("/followup/upcoming", test_upcoming);
  g_test_add_func ("/followup/merged-cases", test_merged_cases);
  g_test_add_func ("/followup/repeated-absence", test_repeated_absence);

  return g_test_run ();
}
