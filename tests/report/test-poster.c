/* The workshop poster: a PDF is written, its text is really there
 * (pdftotext), A3 and A4 have their sizes, failures leave nothing behind. */
#include "config.h"

#include <string.h>

#include "nv-test-util.h"
#include "nv-absence.h"
#include "nv-handout.h"
#include "nv-poster.h"
#include "nv-unit.h"
#include "nv-workshop.h"

static void
test_poster_text (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = nv_test_tmpdir ();
  g_autofree char *a4 = g_build_filename (dir, "plakat.pdf", NULL);
  g_autofree char *a3 = g_build_filename (dir, "plakat-a3.pdf", NULL);
  g_autoptr (NvPosterContent) c = nv_poster_content_new ();
  g_autofree char *text = NULL;
  g_autofree char *info4 = NULL;
  g_autofree char *info3 = NULL;
  g_autofree char *head = NULL;

  c->unit_name = g_strdup ("Avdeling 3A");
  c->date = g_strdup ("25.03.2025");
  c->followup_date = g_strdup ("24.06.2025");
  nv_poster_content_add (c, "Fast samtale med leder etter tredje fravær", "Leder", "01.05.2025");
  nv_poster_content_add (c, "Fadder for alle nyansatte", "Verneombud", NULL);
  nv_poster_content_add (c, "Lettere oppgaver når noen er i ferd med å bli syk", NULL, "01.09.2025");

  g_assert_true (nv_poster_write (c, NV_PAPER_A4, a4, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (a4, &head, NULL, NULL));
  g_assert_true (g_str_has_prefix (head, "%PDF-"));

  text = nv_test_run_tool_flat ("pdftotext", a4);
  nv_test_assert_contains (text, "NED med sykefraværet hos Avdeling 3A");
  nv_test_assert_contains (text, "25.03.2025");
  nv_test_assert_contains (text, "Fast samtale med leder etter tredje fravær");
  nv_test_assert_contains (text, "Who: Leder · By: 01.05.2025");
  nv_test_assert_contains (text, "Fadder for alle nyansatte");
  nv_test_assert_contains (text, "Who: Verneombud");
  nv_test_assert_contains (text, "By: 01.09.2025");
  nv_test_assert_contains (text, "We follow up on 24.06.2025");
  nv_test_assert_contains (text, "Union representative");
  nv_test_assert_contains (text, "Safety representative");
  /* measures keep their order, numbered from 1 */
  g_assert_true (strstr (text, "Fadder") < strstr (text, "Lettere oppgaver"));

  info4 = nv_test_run_tool_flat ("pdfinfo", a4);
  nv_test_assert_contains (info4, "Pages: 1");
  nv_test_assert_contains (info4, "Page size: 595.28 x 841.89 pts (A4)");
  nv_test_assert_contains (info4, "NED med sykefraværet hos Avdeling 3A");

  g_assert_true (nv_poster_write (c, NV_PAPER_A3, a3, &error));
  info3 = nv_test_run_tool_flat ("pdfinfo", a3);
  nv_test_assert_contains (info3, "(A3)");
  nv_test_rmtree (dir);
}

static void
test_poster_many (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = nv_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "plakat.pdf", NULL);
  g_autoptr (NvPosterContent) c = nv_poster_content_new ();
  g_autofree char *text = NULL;
  g_autofree char *info = NULL;

  c->unit_name = g_strdup ("Solsikken barnehage");
  c->date = g_strdup ("10.09.2025");
  for (int i = 1; i <= 40; i++)
    {
      g_autofree char *what = g_strdup_printf ("Tiltak nummer %d med en litt lengre beskrivelse", i);
      nv_poster_content_add (c, what, "Leder", "01.12.2025");
    }
  g_assert_true (nv_poster_write (c, NV_PAPER_A4, path, &error));
  text = nv_test_run_tool_flat ("pdftotext", path);
  info = nv_test_run_tool_flat ("pdfinfo", path);
  /* still one page; the ones that did not fit are counted, not dropped silently */
  nv_test_assert_contains (info, "Pages: 1");
  nv_test_assert_contains (text, "Tiltak nummer 1 med");
  nv_test_assert_contains (text, "more measures in the measures register");
  g_assert_null (strstr (text, "Tiltak nummer 40 med"));
  nv_test_rmtree (dir);
}

static void
test_poster_empty_and_failure (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = nv_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "plakat.pdf", NULL);
  g_autofree char *bad = g_build_filename (dir, "no-such-folder", "plakat.pdf", NULL);
  g_autoptr (NvPosterContent) c = nv_poster_content_new ();
  g_autofree char *raw = NULL;
  GDir *d;
  guint n = 0;

  c->unit_name = g_strdup ("Avdeling 3A");
  c->date = g_strdup ("25.03.2025");
  g_assert_true (nv_poster_write (c, NV_PAPER_A4, path, &error));
  raw = nv_test_run_tool ("pdftotext", path);
  g_assert_nonnull (strstr (raw, "No measures have been agreed yet."));

  g_assert_false (nv_poster_write (c, NV_PAPER_A4, bad, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "no-such-folder"));
  /* no temporary file is left behind */
  d = g_dir_open (dir, 0, NULL);
  while (g_dir_read_name (d) != NULL)
    n++;
  g_dir_close (d);
  g_assert_cmpuint (n, ==, 1);
  nv_test_rmtree (dir);
}

static void
test_poster_from_store (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = nv_test_tmpdir ();
  g_autofree char *db = g_build_filename (dir, "naervaer.db", NULL);
  g_autoptr (NvStore) store = nv_store_open (db, &error);
  g_autoptr (NvPosterContent) c = NULL;
  NvPosterMeasure *m;
  gint64 unit, id;

  unit = nv_unit_add (store, "Hjemmetjenesten nord", "helse-omsorg", NULL, &error);
  id = nv_workshop_add (store, unit, "2025-03-25", NULL, &error);
  g_assert_no_error (error);
  nv_workshop_agree_measure (store, id, "Ukentlig kaffe med verneombudet", "Verneombud",
                             "2025-04-30", "mastery-climate", &error);
  nv_workshop_agree_measure (store, id, "Ringe den som er syk innen tre dager", "Leder", NULL,
                             NULL, &error);
  g_assert_no_error (error);

  c = nv_poster_content_for_workshop (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (c->unit_name, ==, "Hjemmetjenesten nord");
  g_assert_cmpstr (c->date, ==, "25.03.2025");
  g_assert_null (c->followup_date);
  g_assert_cmpuint (c->measures->len, ==, 2);
  m = g_ptr_array_index (c->measures, 0);
  g_assert_cmpstr (m->what, ==, "Ukentlig kaffe med verneombudet");
  g_assert_cmpstr (m->who, ==, "Verneombud");
  g_assert_cmpstr (m->deadline, ==, "30.04.2025");
  m = g_ptr_array_index (c->measures, 1);
  g_assert_cmpstr (m->deadline, ==, "");

  g_assert_null (nv_poster_content_for_workshop (store, id + 100, &error));
  g_assert_error (error, NV_STORE_ERROR, NV_STORE_ERROR_NOT_FOUND);
  g_clear_object (&store);
  nv_test_rmtree (dir);
}

static void
test_paper_size (void)
{
  NvPaperSize size = NV_PAPER_A4;

  g_assert_true (nv_paper_size_parse ("A3", &size));
  g_assert_cmpint (size, ==, NV_PAPER_A3);
  g_assert_true (nv_paper_size_parse ("a4", &size));
  g_assert_cmpint (size, ==, NV_PAPER_A4);
  g_assert_false (nv_paper_size_parse ("letter", &size));
  g_assert_false (nv_paper_size_parse (NULL, &size));
}

/* A unit of @n employees (full time from 2024-01-01), one of them off sick
 * (legemeldt) Monday 4 to Friday 8 March 2024. */
static gint64
small_unit (NvStore *store, const char *name, int n)
{
  g_autoptr (GError) error = NULL;
  gint64 unit = nv_unit_add (store, name, "helse-omsorg", NULL, &error);

  g_assert_no_error (error);
  for (int i = 0; i < n; i++)
    {
      g_autofree char *ref = g_strdup_printf ("A%d", i + 1);
      gint64 emp = nv_employee_add (store, unit, ref, NULL, &error);
      g_assert_no_error (error);
      nv_roster_add (store, emp, 1.0, nv_day_from_ymd (2024, 1, 1), NV_DAY_NONE, NULL, &error);
      g_assert_no_error (error);
      if (i == 0)
        nv_spell_add (store, emp, nv_day_from_ymd (2024, 3, 4), nv_day_from_ymd (2024, 3, 8), 100,
                      NV_SPELL_DOCTOR, NULL, &error);
      g_assert_no_error (error);
    }
  return unit;
}

static guint
count (const char *haystack, const char *needle)
{
  guint n = 0;
  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

static void
test_handout (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = nv_test_tmpdir ();
  g_autofree char *db = g_build_filename (dir, "naervaer.db", NULL);
  g_autofree char *six_pdf = g_build_filename (dir, "six.pdf", NULL);
  g_autofree char *three_pdf = g_build_filename (dir, "three.pdf", NULL);
  g_autoptr (NvStore) store = nv_store_open (db, &error);
  NvDay as_of = nv_day_from_ymd (2025, 1, 15);
  gint64 six = small_unit (store, "Seks ansatte", 6);
  gint64 three = small_unit (store, "Tre ansatte", 3);
  g_autofree char *text6 = NULL, *text3 = NULL;

  g_assert_true (nv_handout_write_full (store, six, "Kommuner", as_of, six_pdf, &error));
  g_assert_no_error (error);
  text6 = nv_test_run_tool_flat ("pdftotext", six_pdf);
  nv_test_assert_contains (text6, "Sick leave at Seks ansatte");
  nv_test_assert_contains (text6, "as of 15.01.2025");
  nv_test_assert_contains (text6, "The last quarters");
  /* Q1 2024: 63 workdays (Maundy Thursday and Good Friday are holidays) × 6
   * = 378 contracted days; 5 lost: 1.32 % → «1,3» */
  nv_test_assert_contains (text6, "Q1 2024 6 1,3");
  g_assert_cmpuint (count (text6, "under 5"), ==, 0);

  /* Three persons: nothing of the unit's figures leaves the screen. */
  g_assert_true (nv_handout_write_full (store, three, "Kommuner", as_of, three_pdf, &error));
  text3 = nv_test_run_tool_flat ("pdftotext", three_pdf);
  nv_test_assert_contains (text3, "Sick leave at Tre ansatte");
  /* The five quarters the Overview shows: Q1 2024 – Q1 2025 so far. */
  g_assert_cmpuint (count (text3, "under 5 hidden hidden"), ==, 5);
  /* Q1 2024 with three: 5 / 189 = 2.6 % — must not be printed */
  g_assert_null (strstr (text3, "2,6"));
  g_clear_object (&store);
  nv_test_rmtree (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/poster/text", test_poster_text);
  g_test_add_func ("/poster/many", test_poster_many);
  g_test_add_func ("/poster/empty-and-failure", test_poster_empty_and_failure);
  g_test_add_func ("/poster/from-store", test_poster_from_store);
  g_test_add_func ("/poster/paper-size", test_paper_size);
  g_test_add_func ("/handout/figures-and-masking", test_handout);
  return g_test_run ();
}
