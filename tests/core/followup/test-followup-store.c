/* Tests for the store-backed follow-up (DESIGN §3): recording and undoing
 * done milestones, refused records, the upcoming list and its count, the day
 * tracking starts from, and the demo data's follow-up. The milestone rules
 * themselves are tested on hand-built spells in test-followup.c. */
#include "config.h"

#include <string.h>

#include "nv-test-store.h"
#include "nv-absence.h"
#include "nv-demo.h"
#include "nv-followup.h"
#include "nv-import.h"
#include "nv-store.h"
#include "nv-unit.h"

#define D(y, m, d) nv_day_from_ymd (y, m, d)

/* ---- Store-backed ------------------------------------------------------ */

/* AB (80 %) and CD (100 %) in «Avdeling 2B» (tests/support). */
typedef NvTestTeam Fixture;

static const NvMilestone *
find_in (GPtrArray *list, gint64 employee, const char *id)
{
  for (guint i = 0; i < list->len; i++)
    {
      const NvMilestone *m = g_ptr_array_index (list, i);
      if (m->employee_id == employee && g_strcmp0 (m->milestone, id) == 0)
        return m;
    }
  g_error ("milestone %s of employee %" G_GINT64_FORMAT " missing", id, employee);
}

static void
count_cb (guint *count, guint topics)
{
  if (topics & NV_TOPIC_FOLLOWUP)
    (*count)++;
}

static void
test_store_done_undo (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) list = NULL;
  NvDay today = nv_day_today ();
  NvDay start = today - 40; /* followup-plan was due 12 days ago */
  guint changes = 0;
  gulong id;

  nv_test_add_spell (f->store, f->ab, start, start + 2, 100, NV_SPELL_SELF);
  nv_test_add_spell (f->store, f->ab, start + 3, NV_DAY_NONE, 100, NV_SPELL_DOCTOR);

  list = nv_followup_list (f->store, f->unit, today, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 6);
  g_assert_cmpint (find_in (list, f->ab, "followup-plan")->status, ==, NV_MILESTONE_OVERDUE);
  g_assert_cmpstr (find_in (list, f->ab, "followup-plan")->employee_ref, ==, "AB");
  g_clear_pointer (&list, g_ptr_array_unref);

  id = g_signal_connect_swapped (f->store, "changed", G_CALLBACK (count_cb), &changes);
  g_assert_true (nv_followup_mark_done (f->store, f->ab, start, "followup-plan", today - 1,
                                        "  Plan made together, sent to the GP  ", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changes, ==, 1);
  g_signal_handler_disconnect (f->store, id);

  /* The record survives closing and reopening the database. */
  g_clear_object (&f->store);
  f->store = nv_store_open (f->path, &error);
  g_assert_no_error (error);

  list = nv_followup_list (f->store, f->unit, today, &error);
  g_assert_no_error (error);
  g_assert_cmpint (find_in (list, f->ab, "followup-plan")->status, ==, NV_MILESTONE_DONE);
  g_assert_cmpuint (find_in (list, f->ab, "followup-plan")->done_on, ==, today - 1);
  g_assert_cmpstr (find_in (list, f->ab, "followup-plan")->note, ==,
                   "Plan made together, sent to the GP");
  g_clear_pointer (&list, g_ptr_array_unref);

  g_assert_true (nv_followup_undo (f->store, f->ab, start, "followup-plan", &error));
  g_assert_no_error (error);
  list = nv_followup_list (f->store, f->unit, today, &error);
  g_assert_cmpint (find_in (list, f->ab, "followup-plan")->status, ==, NV_MILESTONE_OVERDUE);
  g_assert_false (nv_followup_undo (f->store, f->ab, start, "followup-plan", &error));
  g_assert_error (error, NV_STORE_ERROR, NV_STORE_ERROR_NOT_FOUND);
}

static void
test_store_mark_done_refused (Fixture *f, gconstpointer data)
{
  NvDay today = nv_day_today ();
  NvDay start = today - 60;
  g_autoptr (GPtrArray) records = NULL;
  struct
  {
    gint64 employee;
    NvDay case_start;
    const char *milestone;
    NvDay done_on;
    const char *note;
    int code;
  } bad[] = {
    { 0, 0, "coffee-break", 0, NULL, NV_STORE_ERROR_INVALID },            /* unknown milestone */
    { 0, 0, "followup-plan", NV_DAY_NONE, NULL, NV_STORE_ERROR_INVALID }, /* no date */
    { 0, 0, "followup-plan", 1, NULL, NV_STORE_ERROR_INVALID },           /* before the case */
    { 0, 0, "followup-plan", 2, NULL, NV_STORE_ERROR_INVALID },           /* in the future */
    { 0, 0, "followup-plan", 3, "long", NV_STORE_ERROR_INVALID },         /* note too long */
    { 0, 1, "followup-plan", 3, NULL, NV_STORE_ERROR_NOT_FOUND },         /* no such case */
    { 1, 0, "followup-plan", 3, NULL, NV_STORE_ERROR_NOT_FOUND },         /* other person's case */
    { 2, 0, "followup-plan", 3, NULL, NV_STORE_ERROR_NOT_FOUND },         /* no such person */
  };
  g_autofree char *long_note = g_strnfill (501, 'x');

  nv_test_add_spell (f->store, f->ab, start, NV_DAY_NONE, 100, NV_SPELL_DOCTOR);
  nv_test_add_spell (f->store, f->cd, start, start + 10, 100, NV_SPELL_SELF);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr (GError) error = NULL;
      gint64 employee = bad[i].employee == 0 ? f->ab : bad[i].employee == 1 ? f->cd : 9999;
      NvDay case_start = bad[i].case_start == 0 ? start : start + 1;
      NvDay done_on = bad[i].done_on == 1   ? start - 1
                      : bad[i].done_on == 2 ? today + 1
                      : bad[i].done_on == 3 ? today
                                            : bad[i].done_on;
      const char *note = bad[i].note != NULL ? long_note : NULL;

      if (bad[i].milestone[0] == 'c')
        done_on = today;
      g_assert_false (nv_followup_mark_done (f->store, employee, case_start, bad[i].milestone,
                                             done_on, note, &error));
      g_assert_error (error, NV_STORE_ERROR, bad[i].code);
      g_test_message ("refused %u: %s", i, error->message);
    }
  records = nv_followup_records (f->store, 0, NULL);
  g_assert_cmpuint (records->len, ==, 0);

  /* 500 characters are fine; the case start itself is a valid date. */
  long_note[500] = '\0';
  g_assert_true (
      nv_followup_mark_done (f->store, f->ab, start, "followup-plan", start, long_note, NULL));
}

static void
test_store_upcoming_and_count (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) upcoming = NULL;
  g_autoptr (GPtrArray) all_units = NULL;
  NvDay today = nv_day_today ();
  gint64 other_unit, ef;
  guint overdue = 0, soon = 0;

  /* AB from today − 30: employer period (−15) and plan (−3) overdue,
   * DM1 (+18) outside 14 days, nothing due within 7.
   * CD from today − 40, ended today − 20: its employer period (−25) was
   * missed and stays overdue; the plan (−13) fell after the end. */
  nv_test_add_spell (f->store, f->ab, today - 30, NV_DAY_NONE, 100, NV_SPELL_DOCTOR);
  nv_test_add_spell (f->store, f->cd, today - 40, today - 20, 100, NV_SPELL_DOCTOR);

  other_unit = nv_unit_add (f->store, "Solsikken", "barnehage", NULL, &error);
  ef = nv_employee_add (f->store, other_unit, "EF", NULL, &error);
  nv_roster_add (f->store, ef, 100, D (2015, 1, 1), NV_DAY_NONE, NULL, &error);
  g_assert_no_error (error);
  /* EF from today − 24: employer period (−9) overdue, plan (+3) due. */
  nv_test_add_spell (f->store, ef, today - 24, NV_DAY_NONE, 100, NV_SPELL_DOCTOR);

  upcoming = nv_followup_upcoming (f->store, f->unit, today, 14, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (upcoming->len, ==, 3);
  g_assert_cmpstr (((NvMilestone *)g_ptr_array_index (upcoming, 0))->employee_ref, ==, "CD");
  g_assert_cmpstr (((NvMilestone *)g_ptr_array_index (upcoming, 1))->milestone, ==,
                   "employer-period-end");
  g_assert_cmpstr (((NvMilestone *)g_ptr_array_index (upcoming, 2))->milestone, ==,
                   "followup-plan");

  all_units = nv_followup_upcoming (f->store, 0, today, 14, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all_units->len, ==, 5);
  /* Sorted by date across units: CD −25, AB −15, EF −9, AB −3, EF +3. */
  g_assert_cmpstr (((NvMilestone *)g_ptr_array_index (all_units, 0))->employee_ref, ==, "CD");
  g_assert_cmpstr (((NvMilestone *)g_ptr_array_index (all_units, 1))->employee_ref, ==, "AB");
  g_assert_cmpstr (((NvMilestone *)g_ptr_array_index (all_units, 2))->employee_ref, ==, "EF");
  g_assert_cmpstr (((NvMilestone *)g_ptr_array_index (all_units, 3))->employee_ref, ==, "AB");
  g_assert_cmpstr (((NvMilestone *)g_ptr_array_index (all_units, 4))->employee_ref, ==, "EF");
  g_assert_cmpuint (((NvMilestone *)g_ptr_array_index (all_units, 4))->due, ==, today + 3);

  g_assert_true (nv_followup_count (f->store, 0, today, 7, &overdue, &soon, &error));
  g_assert_cmpuint (overdue, ==, 4);
  g_assert_cmpuint (soon, ==, 1);
  g_assert_true (nv_followup_count (f->store, f->unit, today, 7, &overdue, &soon, &error));
  g_assert_cmpuint (overdue, ==, 3);
  g_assert_cmpuint (soon, ==, 0);
}

/* «Follow-up tracked from»: steps due before it are not-tracked, never
 * overdue or counted; set by a spells import holding history, by hand, and
 * cleared. */
static void
test_store_tracked_from (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) list = NULL;
  NvDay today = nv_day_today ();
  NvDay day = 1;
  guint overdue = 0, soon = 0;
  g_autofree char *open_only = NULL;
  g_autofree char *history = NULL;
  char a[11], b[11];

  /* AB from today − 30: employer period −15, plan −3 (overdue), DM1 +18. */
  nv_test_add_spell (f->store, f->ab, today - 30, NV_DAY_NONE, 100, NV_SPELL_DOCTOR);
  g_assert_true (nv_followup_get_tracked_from (f->store, f->unit, &day, &error));
  g_assert_cmpuint (day, ==, NV_DAY_NONE);
  g_assert_true (nv_followup_count (f->store, f->unit, today, 7, &overdue, &soon, &error));
  g_assert_cmpuint (overdue, ==, 2);

  /* Tracked from today − 10: the employer period is not tracked. */
  g_assert_true (nv_followup_set_tracked_from (f->store, f->unit, today - 10, &error));
  g_assert_no_error (error);
  list = nv_followup_list (f->store, f->unit, today, &error);
  g_assert_cmpint (find_in (list, f->ab, "employer-period-end")->status, ==,
                   NV_MILESTONE_NOT_TRACKED);
  g_assert_cmpstr (nv_milestone_status_to_string (NV_MILESTONE_NOT_TRACKED), ==, "not-tracked");
  g_assert_cmpint (find_in (list, f->ab, "followup-plan")->status, ==, NV_MILESTONE_OVERDUE);
  g_assert_cmpint (find_in (list, f->ab, "dialogue-meeting-1")->status, ==, NV_MILESTONE_DUE);
  g_assert_true (nv_followup_count (f->store, f->unit, today, 7, &overdue, &soon, &error));
  g_assert_cmpuint (overdue, ==, 1);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = nv_followup_upcoming (f->store, f->unit, today, 14, &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_clear_pointer (&list, g_ptr_array_unref);

  /* Done wins: a step recorded done before the day stays done. */
  g_assert_true (nv_followup_mark_done (f->store, f->ab, today - 30, "employer-period-end",
                                        today - 16, NULL, &error));
  list = nv_followup_list (f->store, f->unit, today, &error);
  g_assert_cmpint (find_in (list, f->ab, "employer-period-end")->status, ==, NV_MILESTONE_DONE);
  g_clear_pointer (&list, g_ptr_array_unref);

  /* Tracked from today − 2: the plan (−3) is not tracked either. */
  g_assert_true (nv_followup_set_tracked_from (f->store, f->unit, today - 2, &error));
  g_assert_true (nv_followup_count (f->store, f->unit, today, 7, &overdue, &soon, &error));
  g_assert_cmpuint (overdue, ==, 0);
  /* A future day is refused and changes nothing. */
  g_assert_false (nv_followup_set_tracked_from (f->store, f->unit, today + 1, &error));
  g_assert_error (error, NV_STORE_ERROR, NV_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (nv_followup_get_tracked_from (f->store, f->unit, &day, &error));
  g_assert_cmpuint (day, ==, today - 2);
  /* Cleared: as before. */
  g_assert_true (nv_followup_set_tracked_from (f->store, f->unit, NV_DAY_NONE, &error));
  g_assert_true (nv_followup_count (f->store, f->unit, today, 7, &overdue, &soon, &error));
  g_assert_cmpuint (overdue, ==, 1);

  /* An import of who is sick now (open spells only) sets nothing. */
  open_only = g_strdup_printf ("employee,start,end,grade,type\nCD,%s,,100,legemeldt\n",
                               nv_day_format_iso_buf (today - 5, a));
  g_assert_true (nv_import_data (f->store, NV_IMPORT_SPELLS, f->unit, "now.csv", open_only,
                                 strlen (open_only), NULL, &error));
  g_assert_no_error (error);
  g_assert_true (nv_followup_get_tracked_from (f->store, f->unit, &day, &error));
  g_assert_cmpuint (day, ==, NV_DAY_NONE);
  /* History (a spell that ended before today) sets the import day … */
  history = g_strdup_printf ("employee,start,end,grade,type\nCD,%s,%s,100,legemeldt\n",
                             nv_day_format_iso_buf (today - 400, a),
                             nv_day_format_iso_buf (today - 380, b));
  g_assert_true (nv_import_data (f->store, NV_IMPORT_SPELLS, f->unit, "history.csv", history,
                                 strlen (history), NULL, &error));
  g_assert_no_error (error);
  g_assert_true (nv_followup_get_tracked_from (f->store, f->unit, &day, &error));
  g_assert_cmpuint (day, ==, today);
  /* … but never moves a day already set. */
  g_assert_true (nv_followup_set_tracked_from (f->store, f->unit, today - 100, &error));
  g_clear_pointer (&history, g_free);
  history = g_strdup_printf ("employee,start,end,grade,type\nCD,%s,%s,100,legemeldt\n",
                             nv_day_format_iso_buf (today - 300, a),
                             nv_day_format_iso_buf (today - 290, b));
  g_assert_true (nv_import_data (f->store, NV_IMPORT_SPELLS, f->unit, "more.csv", history,
                                 strlen (history), NULL, &error));
  g_assert_true (nv_followup_get_tracked_from (f->store, f->unit, &day, &error));
  g_assert_cmpuint (day, ==, today - 100);
}

/* The demo leader is diligent: every step of an ended case is done, and only
 * a few recent steps of current cases are still open. */
static void
test_demo (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  NvDay today = D (2026, 11, 22);
  guint overdue = 0, done = 0;

  g_assert_true (nv_demo_fill_full (f->store, 4, 5, today, NV_DEMO_DEFAULT_SEED, ids, &error));
  g_assert_no_error (error);
  for (guint u = 0; u < ids->len; u++)
    {
      g_autoptr (GPtrArray) list
          = nv_followup_list (f->store, g_array_index (ids, gint64, u), today, &error);

      g_assert_no_error (error);
      for (guint i = 0; i < list->len; i++)
        {
          const NvMilestone *m = g_ptr_array_index (list, i);

          if (!nv_milestone_case_is_current (m, today))
            g_assert_cmpint (m->status, ==, NV_MILESTONE_DONE);
          if (m->status == NV_MILESTONE_OVERDUE)
            {
              overdue++;
              g_assert_cmpuint (m->due + 42, >=, today);
            }
          if (m->status == NV_MILESTONE_DONE)
            {
              done++;
              g_assert_cmpuint (m->done_on, >=, m->case_start);
              g_assert_cmpuint (m->done_on, <=, m->due);
            }
        }
    }
  g_assert_cmpuint (done, >, 50);
  g_assert_cmpuint (overdue, >=, 1);
  g_assert_cmpuint (overdue, <=, 10);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/followup/store/tracked-from", Fixture, NULL, nv_test_team_setup,
              test_store_tracked_from, nv_test_team_teardown);
  g_test_add ("/followup/store/done-undo", Fixture, NULL, nv_test_team_setup, test_store_done_undo,
              nv_test_team_teardown);
  g_test_add ("/followup/store/mark-done-refused", Fixture, NULL, nv_test_team_setup,
              test_store_mark_done_refused, nv_test_team_teardown);
  g_test_add ("/followup/store/upcoming", Fixture, NULL, nv_test_team_setup,
              test_store_upcoming_and_count, nv_test_team_teardown);
  g_test_add ("/followup/store/demo", Fixture, NULL, nv_test_team_setup, test_demo,
              nv_test_team_teardown);

  return g_test_run ();
}
