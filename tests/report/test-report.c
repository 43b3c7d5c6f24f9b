/* The unit report: hand-computed figures in the PDF's text (pdftotext),
 * nothing of a masked quarter, 2–4 pages with page numbers and footer. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "nv-test-util.h"
#include "nv-absence.h"
#include "nv-faktor.h"
#include "nv-measure.h"
#include "nv-report.h"
#include "nv-unit.h"
#include "nv-workshop.h"

static guint
pdf_pages (const char *path)
{
  g_autofree char *info = nv_test_run_tool ("pdfinfo", path);
  const char *line = strstr (info, "Pages:");

  g_assert_nonnull (line);
  return (guint) g_ascii_strtoull (line + 6 + strspn (line + 6, " "), NULL, 10);
}

static gint64
staff (NvStore *store, gint64 unit, const char *ref, NvDay from)
{
  g_autoptr (GError) error = NULL;
  gint64 id = nv_employee_add (store, unit, ref, NULL, &error);

  g_assert_no_error (error);
  nv_roster_add (store, id, 100, from, NV_DAY_NONE, NULL, &error);
  g_assert_no_error (error);
  return id;
}

static void
spell (NvStore *store, gint64 employee, NvDay start, NvDay end, double grade, NvSpellType type)
{
  g_autoptr (GError) error = NULL;

  nv_spell_add (store, employee, start, end, grade, type, NULL, &error);
  g_assert_no_error (error);
}

#define D(y, m, d) nv_day_from_ymd (y, m, d)

/* Four persons from 1 Oct 2024 (E1–E4), E5 from 1 Jan 2025; 100 % each.
 * Workdays: Q4 2024 64, Q1 2025 63, Q2 2025 59, Q3 2025 66.
 *   Q4 2024 (4 persons: MASKED): E1 doctor 4–12 Nov, 7 workdays → 7 / 256
 *           = 2,734 % — neither «2,7 %» nor 7 nor 256 may be printed.
 *   Q1 2025: E4 doctor 6–31 Jan (20 workdays; a 26-day case: class C) →
 *           20 / 315 = 6,349 % → 6,3 %.
 *   Q2 2025: E2 doctor 50 % 7–11 Apr (2,5; A), E3 self 5–7 May (3; A), E1
 *           doctor 2–13 Jun (9; a 12-day case: B) → 14,5 / 295 = 4,915 %
 *           → 4,9 %; self 3/295 → 1,0 %; doctor 11,5/295 → 3,9 %; graded
 *           2,5/14,5 → 17,2 %; A 5,5/14,5 → 37,9 %; B 9/14,5 → 62,1 %.
 *   Q3 2025: E5 doctor 1 Jul–29 Aug (44 workdays; 60 days: long, D) →
 *           44 / 330 = 13,333 % → 13,3 %; 44/230 = 0,19 årsverk;
 *           44 × 4 700 = 206 800 kr; at a 5 % target 330 × 5 % = 16,5
 *           days, saving (44 − 16,5) × 4 700 = 129 250 kr.
 *   Together: hidden (it holds the masked quarter); unmasked it is
 *           85,5 / 1 196 = 7,149 % → 7,1 %.
 * Follow-up: E5's case (from 1 Jul) has four steps due in Q3, none done:
 * employer period end, follow-up plan, dialogue meeting 1, activity
 * requirement → 4 overdue; E4's January case passes the employer period
 * (21 Jan) only → 5 overdue in all. */
static gint64
build_unit (NvStore *store)
{
  g_autoptr (GError) error = NULL;
  gint64 unit = nv_unit_add (store, "Avdeling 2B", "helse-omsorg", NULL, &error);
  gint64 e1 = staff (store, unit, "E1", D (2024, 10, 1));
  gint64 e2 = staff (store, unit, "E2", D (2024, 10, 1));
  gint64 e3 = staff (store, unit, "E3", D (2024, 10, 1));
  gint64 e4 = staff (store, unit, "E4", D (2024, 10, 1));
  gint64 e5 = staff (store, unit, "E5", D (2025, 1, 1));
  g_autoptr (NvMeasure) m = nv_measure_new ();
  gint64 measure;

  g_assert_no_error (error);
  spell (store, e1, D (2024, 11, 4), D (2024, 11, 12), 100, NV_SPELL_DOCTOR);
  spell (store, e4, D (2025, 1, 6), D (2025, 1, 31), 100, NV_SPELL_DOCTOR);
  spell (store, e2, D (2025, 4, 7), D (2025, 4, 11), 50, NV_SPELL_DOCTOR);
  spell (store, e3, D (2025, 5, 5), D (2025, 5, 7), 100, NV_SPELL_SELF);
  spell (store, e1, D (2025, 6, 2), D (2025, 6, 13), 100, NV_SPELL_DOCTOR);
  spell (store, e5, D (2025, 7, 1), D (2025, 8, 29), 100, NV_SPELL_DOCTOR);

  g_free (m->title);
  m->title = g_strdup ("Fast samtale etter tredje fravær");
  g_free (m->owner);
  m->owner = g_strdup ("Verneombud");
  m->start = D (2025, 4, 1);
  measure = nv_measure_add (store, unit, m, &error);
  g_assert_no_error (error);
  nv_measure_set_status (store, measure, NV_MEASURE_IN_PROGRESS, NULL, D (2025, 4, 2), &error);
  g_assert_no_error (error);
  nv_workshop_add (store, unit, "2025-03-10", "Dialogverksted våren 2025", &error);
  g_assert_no_error (error);
  {
    const char *csv = "enhet;dato;respondenter;mestringsklima;autonomi\n"
                      "Avdeling 2B;2025-03-31;12;3,4;4,0\n"
                      "Avdeling 2B;2025-09-30;14;3,8;4,1\n";
    nv_faktor_import_data (store, "faktor.csv", csv, strlen (csv), FALSE, NULL, NULL, &error);
    g_assert_no_error (error);
  }
  return unit;
}

static void
test_report_figures (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = nv_test_tmpdir ();
  g_autofree char *db = g_build_filename (dir, "naervaer.db", NULL);
  g_autofree char *masked_pdf = g_build_filename (dir, "rapport.pdf", NULL);
  g_autofree char *open_pdf = g_build_filename (dir, "rapport-umaskert.pdf", NULL);
  g_autoptr (NvStore) store = nv_store_open (db, &error);
  g_autofree char *text = NULL, *text_open = NULL;
  NvReportOptions options;
  gint64 unit = build_unit (store);
  guint pages;

  nv_report_options_init (&options);
  options.as_of = D (2025, 10, 15);
  options.generated = D (2025, 10, 16);
  options.benchmark = "Kommuner";
  options.target_percent = 5;
  g_assert_true (nv_report_write (store, unit, &options, masked_pdf, &error));
  g_assert_no_error (error);
  g_assert_cmpint (nv_test_mode (masked_pdf), ==, 0600);
  pages = pdf_pages (masked_pdf);
  g_assert_cmpuint (pages, >=, 2);
  g_assert_cmpuint (pages, <=, 4);

  text = nv_test_run_tool_flat ("pdftotext", masked_pdf);
  nv_test_assert_contains (text, "Sick leave at Avdeling 2B");
  nv_test_assert_contains (text, "Period Q4 2024 – Q3 2025");
  nv_test_assert_contains (text, "Figures as of 15.10.2025");
  nv_test_assert_contains (text, "Kommuner");
  /* The four quarters, column by column (masked Q4 2024 first). */
  nv_test_assert_contains (text, "Persons on the staff list under 5 5 5 5");
  nv_test_assert_contains (text, "Lost days – 20 14,5 44 –");
  nv_test_assert_contains (text, "Sick leave – 6,3 % 4,9 % 13,3 % –");
  nv_test_assert_contains (text, "Self-certified – 0,0 % 1,0 % 0,0 % –");
  nv_test_assert_contains (text, "Doctor-certified – 6,3 % 3,9 % 13,3 % –");
  nv_test_assert_contains (text, "Graded share of lost days – 0,0 % 17,2 % 0,0 % –");
  nv_test_assert_contains (text, "A: 1–7 days – 0,0 % 37,9 % 0,0 % –");
  nv_test_assert_contains (text, "B: 8–16 days – 0,0 % 62,1 % 0,0 % –");
  nv_test_assert_contains (text, "C: 17 days–8 weeks – 100,0 % 0,0 % 0,0 % –");
  nv_test_assert_contains (text, "D: 8–20 weeks – 0,0 % 0,0 % 100,0 % –");
  nv_test_assert_contains (text, "0,19");
  nv_test_assert_contains (text, "206 800 kr");
  nv_test_assert_contains (text, "129 250 kr");
  /* Follow-up: counted, not named. */
  nv_test_assert_contains (text, "All steps 0 0 5 0");
  nv_test_assert_lacks (text, "E5");
  /* Measures and workshops. */
  nv_test_assert_contains (text, "Fast samtale etter tredje fravær");
  nv_test_assert_contains (text, "Verneombud");
  nv_test_assert_contains (text, "13,3 %");
  nv_test_assert_contains (text, "Dialogverksted våren 2025");
  /* 10-FAKTOR: the latest round against the previous and the municipality
   * (one unit: its own latest round). */
  nv_test_assert_contains (text, "10-FAKTOR");
  nv_test_assert_contains (text, "closed on 30.09.2025 with 14 respondents");
  nv_test_assert_contains (text, "Mastery climate 3,8 3,4 3,8");
  nv_test_assert_contains (text, "Autonomy 4,1 4,0 4,1");
  /* Footer on every page. */
  nv_test_assert_contains (text, "Generated by Nærvær " PACKAGE_VERSION " on 16.10.2025");
  {
    g_autofree char *last = g_strdup_printf ("Page %u of %u", pages, pages);
    nv_test_assert_contains (text, "Page 1 of");
    nv_test_assert_contains (text, last);
  }
  /* Nothing of the masked quarter: not its percent, lost or contracted days. */
  nv_test_assert_lacks (text, "2,7");
  nv_test_assert_lacks (text, " 256");
  nv_test_assert_lacks (text, "7,1 %");
  nv_test_assert_lacks (text, "85,5");

  /* Unmasked: the hidden figures are there, and it says so. */
  options.unmasked = TRUE;
  g_assert_true (nv_report_write (store, unit, &options, open_pdf, &error));
  text_open = nv_test_run_tool_flat ("pdftotext", open_pdf);
  nv_test_assert_contains (text_open, "NOT MASKED");
  nv_test_assert_contains (text_open, "Persons on the staff list 4 5 5 5 5");
  nv_test_assert_contains (text_open, "Sick leave 2,7 % 6,3 % 4,9 % 13,3 % 7,1 %");
  nv_test_assert_contains (text_open, "Lost days 7 20 14,5 44 85,5");

  g_clear_object (&store);
  nv_test_rmtree (dir);
}

static void
test_report_errors (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = nv_test_tmpdir ();
  g_autofree char *db = g_build_filename (dir, "naervaer.db", NULL);
  g_autofree char *pdf = g_build_filename (dir, "r.pdf", NULL);
  g_autoptr (NvStore) store = nv_store_open (db, &error);
  gint64 unit = nv_unit_add (store, "Tom", "annet", NULL, &error);
  NvReportOptions options;

  nv_report_options_init (&options);
  options.as_of = D (2025, 10, 15);
  g_assert_false (nv_report_write (store, unit, &options, pdf, &error));
  g_assert_error (error, NV_STORE_ERROR, NV_STORE_ERROR_INVALID);
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  unit = build_unit (store);
  options.benchmark = "No such series";
  g_assert_false (nv_report_write (store, unit, &options, pdf, &error));
  g_assert_error (error, NV_STORE_ERROR, NV_STORE_ERROR_NOT_FOUND);
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
  g_clear_object (&store);
  nv_test_rmtree (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/report/figures", test_report_figures);
  g_test_add_func ("/report/errors", test_report_errors);
  return g_test_run ();
}
