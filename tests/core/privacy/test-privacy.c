/* Tests for the privacy duties: retention, erasing one person, and the
 * export of one person's data. */
#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "nv-test-store.h"
#include "nv-absence.h"
#include "nv-followup.h"
#include "nv-privacy.h"
#include "nv-store.h"
#include "nv-unit.h"

#define D(y, m, d) nv_day_from_ymd (y, m, d)

/* AB (80 %) and CD (100 %) in «Avdeling 2B» (tests/support). */
typedef NvTestTeam Fixture;

static gint64
count (Fixture *f, const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 n;

  g_assert_cmpint (sqlite3_open_v2 (f->path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}

static void
test_cutoff (void)
{
  g_assert_cmpuint (nv_privacy_cutoff (D (2026, 11, 22), 5), ==, D (2021, 11, 22));
  g_assert_cmpuint (nv_privacy_cutoff (D (2028, 2, 29), 1), ==, D (2027, 2, 28));
  g_assert_cmpuint (nv_privacy_cutoff (D (2028, 2, 29), 4), ==, D (2024, 2, 29));
}

/* Today 22 Nov 2026, five years: a closed case that ended before 22 Nov 2021
 * goes; one that ended on that day stays, as does an open one. */
static void
test_retention (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) expired = NULL;
  g_autoptr (GPtrArray) after = NULL;
  NvDay today = D (2026, 11, 22);
  guint n_cases = 0, n_spells = 0;
  const NvExpiredCase *c;

  /* AB: an old case of two adjacent spells (expired), a later one (kept). */
  nv_test_add_spell (f->store, f->ab, D (2021, 10, 1), D (2021, 10, 3), 100, NV_SPELL_SELF);
  nv_test_add_spell (f->store, f->ab, D (2021, 10, 4), D (2021, 11, 21), 100, NV_SPELL_DOCTOR);
  nv_test_add_spell (f->store, f->ab, D (2023, 1, 9), D (2023, 1, 10), 100, NV_SPELL_SELF);
  /* CD: ended exactly on the cutoff day (kept), and an open case (kept). */
  nv_test_add_spell (f->store, f->cd, D (2021, 9, 1), D (2021, 11, 22), 50, NV_SPELL_DOCTOR);
  nv_test_add_spell (f->store, f->cd, D (2026, 10, 1), NV_DAY_NONE, 100, NV_SPELL_DOCTOR);
  /* A record of the expired case, and one of CD's kept case. */
  g_assert_true (nv_followup_mark_done (f->store, f->ab, D (2021, 10, 1), "followup-plan",
                                        D (2021, 10, 20), "old", &error));
  g_assert_true (nv_followup_mark_done (f->store, f->cd, D (2021, 9, 1), "followup-plan",
                                        D (2021, 9, 20), "kept", &error));
  g_assert_no_error (error);

  /* A record whose case no longer exists (its spells were edited), from
   * before the cutoff, and a recent one like it that stays. */
  {
    sqlite3 *db = NULL;
    g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (db,
                                   "INSERT INTO followup_done (employee_id, case_start, milestone, "
                                   "done_on, note) SELECT id, '2020-03-02', 'followup-plan', "
                                   "'2020-03-20', 'orphan' FROM employee WHERE ref = 'CD';"
                                   "INSERT INTO followup_done (employee_id, case_start, milestone, "
                                   "done_on, note) SELECT id, '2024-03-04', 'followup-plan', "
                                   "'2024-03-20', 'recent orphan' FROM employee WHERE ref = 'CD';",
                                   NULL, NULL, NULL),
                     ==, SQLITE_OK);
    sqlite3_close (db);
  }

  expired = nv_privacy_expired_cases (f->store, 5, today, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (expired->len, ==, 1);
  c = g_ptr_array_index (expired, 0);
  g_assert_cmpstr (c->unit_name, ==, "Avdeling 2B");
  g_assert_cmpstr (c->employee_ref, ==, "AB");
  g_assert_cmpuint (c->start, ==, D (2021, 10, 1));
  g_assert_cmpuint (c->end, ==, D (2021, 11, 21));
  g_assert_cmpuint (c->n_spells, ==, 2);

  /* Listing changes nothing. */
  g_assert_cmpint (count (f, "SELECT count(*) FROM spell"), ==, 5);

  g_assert_true (nv_privacy_delete_expired (f->store, 5, today, &n_cases, &n_spells, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_cases, ==, 1);
  g_assert_cmpuint (n_spells, ==, 2);
  g_assert_cmpint (count (f, "SELECT count(*) FROM spell"), ==, 3);
  g_assert_cmpint (count (f, "SELECT count(*) FROM spell WHERE start_date < '2021-11-01' AND "
                             "employee_id = (SELECT id FROM employee WHERE ref = 'AB')"),
                   ==, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM followup_done"), ==, 2);
  g_assert_cmpint (count (f, "SELECT count(*) FROM followup_done WHERE note = 'kept'"), ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM followup_done WHERE note = 'recent orphan'"),
                   ==, 1);
  /* The roster stays: old periods still need their contracted days. */
  g_assert_cmpint (count (f, "SELECT count(*) FROM roster"), ==, 2);

  after = nv_privacy_expired_cases (f->store, 5, today, &error);
  g_assert_cmpuint (after->len, ==, 0);
  /* One year: CD's case that ended 22 Nov 2021 now qualifies, the open one never. */
  g_clear_pointer (&after, g_ptr_array_unref);
  after = nv_privacy_expired_cases (f->store, 1, today, &error);
  g_assert_cmpuint (after->len, ==, 2);
}

static void
test_erase_employee (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  NvErasedCounts counts = { 0 };
  NvDay today = nv_day_today ();

  nv_test_add_spell (f->store, f->ab, today - 60, today - 58, 100, NV_SPELL_SELF);
  nv_test_add_spell (f->store, f->ab, today - 57, NV_DAY_NONE, 100, NV_SPELL_DOCTOR);
  nv_test_add_spell (f->store, f->cd, today - 60, NV_DAY_NONE, 100, NV_SPELL_DOCTOR);
  g_assert_true (nv_followup_mark_done (f->store, f->ab, today - 60, "followup-plan", today - 35,
                                        "", &error));
  g_assert_true (nv_followup_mark_done (f->store, f->ab, today - 60, "employer-period-end",
                                        today - 45, "", &error));
  g_assert_true (nv_followup_mark_done (f->store, f->cd, today - 60, "followup-plan", today - 35,
                                        "", &error));
  g_assert_no_error (error);

  g_assert_true (nv_privacy_erase_employee (f->store, f->ab, &counts, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts.n_roster, ==, 1);
  g_assert_cmpuint (counts.n_spells, ==, 2);
  g_assert_cmpuint (counts.n_records, ==, 2);

  g_assert_cmpint (count (f, "SELECT count(*) FROM employee WHERE ref = 'AB'"), ==, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM roster"), ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM spell"), ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM followup_done"), ==, 1);

  g_assert_false (nv_privacy_erase_employee (f->store, f->ab, NULL, &error));
  g_assert_error (error, NV_STORE_ERROR, NV_STORE_ERROR_NOT_FOUND);
}

static void
test_export_employee (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "AB.txt", NULL);
  g_autofree char *text = NULL;
  g_autofree char *expect_case = NULL;
  NvDay today = D (2025, 6, 30); /* the context's clock, not the system's */
  char start[11], done[11];

  nv_roster_change_fte (f->store, f->ab, D (2020, 1, 1), 60, NULL, &error);
  g_assert_no_error (error);
  nv_test_add_spell (f->store, f->ab, today - 60, today - 58, 100, NV_SPELL_SELF);
  nv_test_add_spell (f->store, f->ab, today - 57, NV_DAY_NONE, 40, NV_SPELL_DOCTOR);
  nv_test_add_spell (f->store, f->cd, today - 60, NV_DAY_NONE, 100, NV_SPELL_DOCTOR);
  g_assert_true (nv_followup_mark_done (f->store, f->ab, today - 60, "followup-plan", today - 35,
                                        "Tilrettelagt: kortere vakter", &error));
  g_assert_true (nv_followup_mark_done (f->store, f->cd, today - 60, "followup-plan", today - 35,
                                        "about CD", &error));
  g_assert_no_error (error);

  /* A record whose case no longer exists is still exported. */
  {
    sqlite3 *db = NULL;
    g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (db,
                                   "INSERT INTO followup_done (employee_id, case_start, milestone, "
                                   "done_on, note) SELECT id, '2024-03-04', 'dialogue-meeting-1', "
                                   "'2024-04-10', 'old meeting' FROM employee WHERE ref = 'AB';",
                                   NULL, NULL, NULL),
                     ==, SQLITE_OK);
    sqlite3_close (db);
  }

  g_assert_true (nv_privacy_export_employee (f->store, f->ab, today, path, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (nv_test_mode (path), ==, 0600);
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  g_assert_true (g_utf8_validate (text, -1, NULL));
  g_test_message ("%s", text);

  g_assert_nonnull (strstr (text, "AB"));
  /* Written on the day given (the context's clock), not the system's. */
  g_assert_nonnull (strstr (text, "Written on 2025-06-30 "));
  g_assert_nonnull (strstr (text, "Avdeling 2B"));
  g_assert_nonnull (strstr (text, "Fjordvik"));
  /* Both roster rows (FTE changed from 2020). */
  g_assert_nonnull (strstr (text, "2015-01-01 to 2019-12-31, position 80 %"));
  g_assert_nonnull (strstr (text, "2020-01-01 to ongoing, position 60 %"));
  /* Both spells. */
  nv_day_format_iso_buf (today - 60, start);
  g_assert_nonnull (strstr (text, start));
  g_assert_nonnull (strstr (text, "40 %"));
  g_assert_nonnull (strstr (text, "to open"));
  /* The milestones, with the done record and its note. */
  nv_day_format_iso_buf (today - 35, done);
  expect_case = g_strdup_printf ("Case starting %s:", start);
  g_assert_nonnull (strstr (text, expect_case));
  g_assert_nonnull (strstr (text, done));
  g_assert_nonnull (strstr (text, "Tilrettelagt: kortere vakter"));
  g_assert_nonnull (strstr (text, "Dialogue meeting 1"));
  g_assert_nonnull (strstr (text, "Dialogue meeting 1 for a case starting 2024-03-04, done "
                                 "2024-04-10, note: old meeting"));
  /* Nothing about anyone else. */
  g_assert_null (strstr (text, "CD"));
  g_assert_null (strstr (text, "about CD"));

  /* A missing person is an error, and no file is written. */
  g_clear_pointer (&path, g_free);
  path = g_build_filename (f->dir, "nobody.txt", NULL);
  g_assert_false (nv_privacy_export_employee (f->store, 9999, NV_DAY_NONE, path, &error));
  g_assert_nonnull (error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/privacy/cutoff", test_cutoff);
  g_test_add ("/privacy/retention", Fixture, NULL, nv_test_team_setup, test_retention,
              nv_test_team_teardown);
  g_test_add ("/privacy/erase-employee", Fixture, NULL, nv_test_team_setup, test_erase_employee,
              nv_test_team_teardown);
  g_test_add ("/privacy/export-employee", Fixture, NULL, nv_test_team_setup, test_export_employee,
              nv_test_team_teardown);

  return g_test_run ();
}
