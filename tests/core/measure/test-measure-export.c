/* Measures: the before/after effect from the statistics and the CSV export.
 * Expectations are worked out by hand from HR monthly figures. */
#include "config.h"

#include <string.h>

#include "measure-fixture.h"
#include "nv-absence.h"
#include "nv-measure.h"
#include "nv-stats.h"
#include "nv-store-private.h"
#include "nv-unit.h"

/* HR monthly figures: 100 contracted days a month; @lost lost days (1/4 of
 * them self-certified), @persons persons. */
static void
monthly (Fixture *f, int year, int month, double lost, int persons)
{
  g_autoptr (GError) error = NULL;
  NvMonthly m = { f->unit, year, month, 100, lost / 4, lost * 3 / 4, persons };
  const char *field = NULL;

  g_assert_true (nv_monthly_upsert (f->store, &m, &field, &error));
  g_assert_no_error (error);
}

/* 2024: 8 lost a month (8 %), 2025-Q1 7, Q2 5, Q3 3+4+5, Q4 2.
 * @persons_2024 decides whether the before quarters are masked. */
static void
fill_figures (Fixture *f, int persons_2024)
{
  for (int month = 1; month <= 12; month++)
    monthly (f, 2024, month, 8, persons_2024);
  for (int month = 1; month <= 3; month++)
    monthly (f, 2025, month, 7, 6);
  for (int month = 4; month <= 6; month++)
    monthly (f, 2025, month, 5, 6);
  monthly (f, 2025, 7, 3, 6);
  monthly (f, 2025, 8, 4, 6);
  monthly (f, 2025, 9, 5, 6);
  for (int month = 10; month <= 12; month++)
    monthly (f, 2025, month, 2, 6);
}

static void
test_effect (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (NvMeasure) m = NULL;
  gint64 id = add (f, "Ti minutter med leder", NULL, "leadership", "2025-02-10", NULL);
  NvMeasureEffect e;

  fill_figures (f, 6);
  m = nv_measure_get (f->store, id, &error);

  /* On 15.10.2025: 2024-Q1..Q4 before, 2025-Q1 the start quarter, Q2 and Q3
   * after (Q4 is still running). Before = 96/1200 = 8 %; after = (15+12)/600 = 4.5 %. */
  g_assert_true (nv_measure_effect_compute (f->store, m, day ("2025-10-15"), &e, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (e.quarters->len, ==, 7);
  g_assert_cmpuint (e.n_before, ==, 4);
  g_assert_cmpint (e.start_index, ==, 4);
  g_assert_cmpuint (e.n_after, ==, 2);
  g_assert_cmpstr (g_array_index (e.quarters, NvStatsPeriod, 0).label, ==, "2024-Q1");
  g_assert_cmpstr (g_array_index (e.quarters, NvStatsPeriod, 4).label, ==, "2025-Q1");
  g_assert_cmpfloat_with_epsilon (g_array_index (e.quarters, NvStatsPeriod, 4).percent, 7, 1e-9);
  g_assert_cmpfloat_with_epsilon (e.before_percent, 8, 1e-9);
  g_assert_cmpfloat_with_epsilon (e.after_percent, 4.5, 1e-9);
  g_assert_true (e.before_has_data);
  g_assert_false (e.before_masked);
  g_assert_false (e.after_masked);
  nv_measure_effect_clear (&e);

  /* Q3 ends on 30.09: it counts on that day, not the day before */
  g_assert_true (nv_measure_effect_compute (f->store, m, day ("2025-09-30"), &e, &error));
  g_assert_cmpuint (e.n_after, ==, 2);
  nv_measure_effect_clear (&e);
  g_assert_true (nv_measure_effect_compute (f->store, m, day ("2025-09-29"), &e, &error));
  g_assert_cmpuint (e.n_after, ==, 1);
  g_assert_cmpfloat_with_epsilon (e.after_percent, 5, 1e-9);
  nv_measure_effect_clear (&e);

  /* a year later only four quarters after count: Q2 2025..Q1 2026 (Q1 2026 has no figures):
   * (15 + 12 + 6) / 900 = 3.666… % over the quarters with figures */
  g_assert_true (nv_measure_effect_compute (f->store, m, day ("2026-12-31"), &e, &error));
  g_assert_cmpuint (e.n_after, ==, 4);
  g_assert_cmpfloat_with_epsilon (e.after_percent, 33.0 * 100 / 900, 1e-9);
  nv_measure_effect_clear (&e);

  /* still in the start quarter: no after, and the start quarter is not shown */
  g_assert_true (nv_measure_effect_compute (f->store, m, day ("2025-03-01"), &e, &error));
  g_assert_cmpuint (e.n_before, ==, 4);
  g_assert_cmpint (e.start_index, ==, -1);
  g_assert_cmpuint (e.n_after, ==, 0);
  nv_measure_effect_clear (&e);
}

static char *
read_file (const char *path)
{
  g_autofree char *text = NULL;
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  return g_steal_pointer (&text);
}

static void
test_export (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (NvMeasure) m = nv_measure_new ();
  g_autofree char *path = g_build_filename (f->dir, "tiltak.csv", NULL);
  g_autofree char *text = NULL;
  g_autofree char *string = NULL;
  gsize len = 0;
  guint n_rows = 0;
  gint64 a, b;

  fill_figures (f, 3); /* 2024 with 3 persons: masked in exports */
  g_free (m->title);
  m->title = g_strdup ("Kaffe; boller og \"prat\"");
  g_free (m->description);
  m->description = g_strdup (" Hver fredag ");
  g_free (m->owner);
  m->owner = g_strdup ("Leder, avd. 2");
  g_free (m->theme);
  m->theme = g_strdup ("mastery-climate");
  m->start = day ("2025-02-10");
  m->deadline = day ("2025-09-30");
  a = nv_measure_add (f->store, f->unit, m, &error);
  g_assert_no_error (error);
  g_assert_true (nv_measure_set_status (f->store, a, NV_MEASURE_IN_PROGRESS, NULL,
                                        day ("2025-02-10"), &error));
  b = add (f, "Turnus", "Turnusansvarlig", "work-organisation", "2024-05-02", "2024-12-31");
  g_assert_true (nv_measure_set_status (f->store, b, NV_MEASURE_IN_PROGRESS, NULL,
                                        day ("2024-05-02"), &error));
  g_assert_true (nv_measure_set_status (f->store, b, NV_MEASURE_DONE, NULL, day ("2024-12-20"),
                                        &error));
  g_assert_cmpint (nv_measure_add_note (f->store, b, day ("2025-03-01"), "Færre bytter", &error),
                   >, 0);
  g_assert_cmpint (nv_measure_add_note (f->store, b, day ("2025-06-01"), "Fortsatt bra", &error),
                   >, 0);
  g_assert_no_error (error);

  g_assert_true (nv_measure_export_csv (f->store, f->unit, path, day ("2025-10-15"), &n_rows,
                                        &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_rows, ==, 2);
  text = read_file (path);
  /* By deadline: b (31.12.2024), a (30.09.2025, 15 days overdue on 15.10.2025).
   * b started in 2024-Q2: before 2023-Q2..2024-Q1 has only 2024-Q1 with figures, masked
   * (3 persons) → empty; after 2024-Q3..2025-Q2 = (24+24+21+15)/1200 = 7 %.
   * a started 2025-Q1: before 2024 masked → empty; after Q2+Q3 = 4,5 %. */
  g_assert_cmpstr (text, ==,
                   "\xEF\xBB\xBF"
                   "id;tittel;beskrivelse;tema;ansvarlig;start;frist;status;dager_forfalt;"
                   "verksted;evalueringer;fravær_før_prosent;fravær_etter_prosent\r\n"
                   "2;Turnus;;Work organisation and workload;Turnusansvarlig;2024-05-02;"
                   "2024-12-31;Done;;;\"01.03.2025: Færre bytter\n01.06.2025: Fortsatt bra\";;7\r\n"
                   "1;\"Kaffe; boller og \"\"prat\"\"\";Hver fredag;"
                   "Mastery climate and collegial support;\"Leder, avd. 2\";2025-02-10;2025-09-30;"
                   "In progress;15;;;;4,5\r\n");
  string = nv_measure_export_csv_string (f->store, f->unit, day ("2025-10-15"), &len, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (string, ==, text);
  g_assert_cmpuint (len, ==, strlen (text));
  (void) a;
}

static void
test_export_unwritable (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "missing-dir", "tiltak.csv", NULL);

  add (f, "Noe", NULL, NULL, "2025-01-01", NULL);
  g_assert_false (nv_measure_export_csv (f->store, f->unit, path, NV_DAY_NONE, NULL, &error));
  g_assert_nonnull (error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_setup, fn, fixture_teardown)
  ADD ("/measure/effect", test_effect);
  ADD ("/measure/export", test_export);
  ADD ("/measure/export-unwritable", test_export_unwritable);
#undef ADD
  return g_test_run ();
}
