/* Benchmarks: the bundled set, import rules, the own municipality (Σ/Σ),
 * the «behind» check and like-with-like comparison. Expected figures are
 * worked out by hand in the comments. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "nv-test-store.h"
#include "nv-absence.h"
#include "nv-benchmark.h"
#include "nv-store-private.h"
#include "nv-store-sqlite.h"
#include "nv-unit.h"

typedef NvTestDb Fixture;

/* Aborts the test when @name is not listed. */
static NvBenchmarkSeries *find_series (GPtrArray *list, const char *name)
  __attribute__ ((returns_nonnull));

static NvBenchmarkSeries *
find_series (GPtrArray *list, const char *name)
{
  for (guint i = 0; i < list->len; i++)
    {
      NvBenchmarkSeries *s = g_ptr_array_index (list, i);
      if (s != NULL && strcmp (s->name, name) == 0)
        return s;
    }
  g_error ("series “%s” is not listed", name);
}

static gboolean
is_listed (GPtrArray *list, const char *name)
{
  for (guint i = 0; i < list->len; i++)
    if (strcmp (((NvBenchmarkSeries *) g_ptr_array_index (list, i))->name, name) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
behind_of (GPtrArray *list, const char *name)
{
  NvBenchmarkSeries *s = find_series (list, name);

  g_assert_nonnull (s);
  return s != NULL && s->behind;
}

/* How many rows the table has (@table: a string literal). */
#define ROWS(table) nv_test_query_int (f->store, "SELECT count(*) FROM " table, 0)

static void
add_monthly (NvStore *store, gint64 unit_id, int year, int month, double contracted, double self,
             double doctor, int persons)
{
  g_autoptr (GError) error = NULL;
  NvMonthly m = { unit_id, year, month, contracted, self, doctor, persons };
  const char *field = NULL;

  g_assert_true (nv_monthly_upsert (store, &m, &field, &error));
  g_assert_no_error (error);
}

/* ---- The bundled set ---------------------------------------------------- */

static void
test_bundled (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) list = nv_benchmark_list (f->store, 0, &error);
  NvBenchmarkSeries *s;
  guint total = 0;

  g_assert_no_error (error);
  g_assert_nonnull (list);

  /* data/benchmarks.csv: 92 figures in 6 series, plus the 2 computed ones. */
  g_assert_cmpuint (list->len, ==, 8);
  for (guint i = 0; i < list->len; i++)
    {
      NvBenchmarkSeries *series = g_ptr_array_index (list, i);
      g_autoptr (GArray) points = NULL;

      if (series->computed)
        continue;
      points = nv_benchmark_get_points (f->store, series->name, 0, NV_DAY_NONE, NV_DAY_NONE,
                                        NV_DAY_NONE, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (points->len, ==, series->n_points);
      g_assert_cmpuint (series->n_bundled, ==, series->n_points);
      g_assert_cmpuint (series->n_imported, ==, 0);
      g_assert_nonnull (series->sources[0]);
      for (guint j = 0; j < points->len; j++)
        {
          NvBenchmarkPoint *p = &g_array_index (points, NvBenchmarkPoint, j);
          g_assert_true (p->bundled);
          g_assert_nonnull (p->source);
          g_assert_cmpuint (strlen (p->source), >, 10);
          g_assert_cmpstr (p->basis, !=, "");
          g_assert_true (p->percent > 0 && p->percent < 20);
        }
      total += points->len;
    }
  g_assert_cmpuint (total, ==, 92);

  s = find_series (list, "Kommuner");
  g_assert_nonnull (s);
  g_assert_cmpint (s->kind, ==, NV_BENCHMARK_MUNICIPAL_SECTOR);
  g_assert_cmpint (s->measure, ==, NV_MEASURE_LEGEMELDT);
  g_assert_cmpstr (s->basis, ==, "SSB");
  /* 20 quarters 2019-Q1…2024-Q2 without 2021-Q3/Q4, and the years 2020–2023. */
  g_assert_cmpuint (s->n_points, ==, 24);
  g_assert_cmpstr (s->latest_period, ==, "2024-Q2");
  g_assert_cmpstr (s->sources[0], ==,
                   "https://ks.no/fagomrader/statistikk-og-analyse/fravar/"
                   "hoyt-sykefravar-i-andre-kvartal-2024");

  s = find_series (list, "Alle sektorer (totalt)");
  g_assert_nonnull (s);
  g_assert_cmpint (s->kind, ==, NV_BENCHMARK_NATIONAL);
  g_assert_cmpint (s->measure, ==, NV_MEASURE_TOTALT);
  g_assert_cmpstr (s->latest_period, ==, "2024"); /* the year 2024 ends after 2024-Q2 */
  s = find_series (list, "Alle sektorer (legemeldt)");
  g_assert_cmpint (s->kind, ==, NV_BENCHMARK_NATIONAL);
  g_assert_cmpint (s->measure, ==, NV_MEASURE_LEGEMELDT);
  s = find_series (list, "Fylkeskommuner");
  g_assert_cmpint (s->kind, ==, NV_BENCHMARK_MUNICIPAL_SECTOR);
  s = find_series (list, "Kommuneforvaltning (kommuner og fylkeskommuner)");
  g_assert_cmpint (s->kind, ==, NV_BENCHMARK_MUNICIPAL_SECTOR);
  g_assert_cmpint (s->measure, ==, NV_MEASURE_TOTALT);
  s = find_series (list, "Barnehager (NAV bransje, fire kvartaler 2019-Q3..2020-Q2)");
  g_assert_cmpint (s->kind, ==, NV_BENCHMARK_SECTOR);
  g_assert_cmpstr (s->basis, ==, "NAV");

  /* Sorted: national first, the computed own municipality last. */
  s = g_ptr_array_index (list, 0);
  g_assert_cmpint (s->kind, ==, NV_BENCHMARK_NATIONAL);
  s = g_ptr_array_index (list, 6);
  g_assert_cmpstr (s->name, ==, NV_BENCHMARK_OWN_TOTAL);
  g_assert_true (s->computed);
  s = g_ptr_array_index (list, 7);
  g_assert_cmpstr (s->name, ==, NV_BENCHMARK_OWN_DOCTOR);

  /* Nothing was copied into the database. */
  g_assert_cmpint (ROWS ("benchmark_point"), ==, 0);
}

static void
test_points_range (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) points = NULL;
  NvBenchmarkPoint *p;

  /* 2023-04-01 … 2023-12-31: Q2, Q3, Q4 and not the year 2023 (starts in January). */
  points = nv_benchmark_get_points (f->store, "kommuner", 0, nv_day_from_ymd (2023, 4, 1),
                                    nv_day_from_ymd (2023, 12, 31), NV_DAY_NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (points->len, ==, 3);
  p = &g_array_index (points, NvBenchmarkPoint, 0);
  g_assert_cmpstr (p->period, ==, "2023-Q2");
  g_assert_cmpfloat (p->percent, ==, 7.7);
  p = &g_array_index (points, NvBenchmarkPoint, 2);
  g_assert_cmpstr (p->period, ==, "2023-Q4");
  g_assert_cmpfloat (p->percent, ==, 8.3);
  g_clear_pointer (&points, g_array_unref);

  /* The whole of 2023: four quarters, then the year after its fourth quarter. */
  points = nv_benchmark_get_points (f->store, "Kommuner", 0, nv_day_from_ymd (2023, 1, 1),
                                    nv_day_from_ymd (2023, 12, 31), NV_DAY_NONE, &error);
  g_assert_cmpuint (points->len, ==, 5);
  g_assert_cmpstr (g_array_index (points, NvBenchmarkPoint, 3).period, ==, "2023-Q4");
  g_assert_cmpstr (g_array_index (points, NvBenchmarkPoint, 4).period, ==, "2023");
  g_assert_cmpfloat (g_array_index (points, NvBenchmarkPoint, 4).percent, ==, 7.7);
  g_clear_pointer (&points, g_array_unref);

  points = nv_benchmark_get_points (f->store, "Ingen slik", 0, NV_DAY_NONE, NV_DAY_NONE,
                                    NV_DAY_NONE, &error);
  g_assert_null (points);
  g_assert_error (error, NV_STORE_ERROR, NV_STORE_ERROR_NOT_FOUND);
}

/* ---- Import ------------------------------------------------------------- */

static void
test_import_ok (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_auto (NvBenchmarkImportReport) report = { 0 };
  g_autoptr (GPtrArray) list = NULL;
  g_autoptr (GArray) points = NULL;
  const NvBenchmarkPoint *p;
  NvBenchmarkSeries *s;
  /* Norwegian headers, decimal comma, a BOM and CRLF; basis column absent. */
  const char *csv = "\xEF\xBB\xBFserie;periode;prosent;type;kilde\r\n"
                    "Helse og omsorg (KS PAI);2023-Q4;10,4;totalt;https://example.org/pai\r\n"
                    "Helse og omsorg (KS PAI);2024-q1;10,9;totalt;https://example.org/pai\r\n"
                    "kommuner;2024-Q3;6,6;legemeldt;https://example.org/ssb-q3\r\n"
                    "Kommuner;2024-Q2;8,4;legemeldt;https://example.org/ssb-rev\r\n";

  g_assert_true (nv_benchmark_import_data (f->store, "b.csv", csv, strlen (csv), &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report.n_rows, ==, 4);
  g_assert_cmpuint (report.n_added, ==, 3);
  g_assert_cmpuint (report.n_replaced, ==, 1);
  g_assert_cmpuint (report.n_unchanged, ==, 0);
  g_assert_cmpuint (report.n_new_series, ==, 1);
  g_assert_cmpuint (report.replaced->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (report.replaced, 0), ==,
                   "Kommuner 2024-Q2: 8,3\u00a0% → 8,4\u00a0%");

  list = nv_benchmark_list (f->store, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 9);
  s = find_series (list, "Helse og omsorg (KS PAI)");
  g_assert_nonnull (s);
  g_assert_cmpint (s->kind, ==, NV_BENCHMARK_SECTOR);
  g_assert_cmpint (s->measure, ==, NV_MEASURE_TOTALT);
  g_assert_cmpstr (s->latest_period, ==, "2024-Q1");
  s = find_series (list, "Kommuner");
  g_assert_cmpstr (s->latest_period, ==, "2024-Q3");
  g_assert_cmpuint (s->n_points, ==, 25);
  g_assert_cmpuint (s->n_bundled, ==, 24);
  g_assert_cmpuint (s->n_imported, ==, 2);
  g_assert_cmpuint (s->n_replaced, ==, 1);
  g_assert_false (is_listed (list, "kommuner"));

  points = nv_benchmark_get_points (f->store, "Kommuner", 0, NV_DAY_NONE, NV_DAY_NONE,
                                    NV_DAY_NONE, &error);
  p = nv_benchmark_point_for_period (points, "2024-Q2");
  g_assert_cmpfloat (p->percent, ==, 8.4);
  g_assert_false (p->bundled);
  g_assert_cmpstr (p->source, ==, "https://example.org/ssb-rev");
  p = nv_benchmark_point_for_period (points, "2024-Q1");
  g_assert_true (p->bundled);
  g_assert_cmpfloat (p->percent, ==, 8.7);

  /* The same file again changes nothing. */
  g_assert_true (nv_benchmark_import_data (f->store, "b.csv", csv, strlen (csv), &report, &error));
  g_assert_cmpuint (report.n_unchanged, ==, 4);
  g_assert_cmpuint (report.n_added + report.n_replaced + report.n_new_series, ==, 0);

  /* A bundled figure imported as shipped is not a change either. */
  {
    const char *same = "series;period;percent;measure;basis;source\n"
                       "Fylkeskommuner;2024-Q2;5.7;legemeldt;SSB;https://ks.no/fagomrader/"
                       "statistikk-og-analyse/fravar/hoyt-sykefravar-i-andre-kvartal-2024\n";
    g_assert_true (nv_benchmark_import_data (f->store, "same.csv", same, strlen (same), &report,
                                             &error));
    g_assert_cmpuint (report.n_unchanged, ==, 1);
    g_assert_cmpint (ROWS ("benchmark_point"), ==, 4);
  }

  /* Removing the imported figures brings the shipped ones back. */
  {
    guint n = 0;
    g_autoptr (GPtrArray) after = NULL;
    g_autoptr (GArray) restored = NULL;

    g_assert_true (nv_benchmark_remove_imported (f->store, "KOMMUNER", &n, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (n, ==, 2);
    g_assert_true (nv_benchmark_remove_imported (f->store, "Helse og omsorg (KS PAI)", &n, &error));
    g_assert_cmpuint (n, ==, 2);
    g_assert_false (nv_benchmark_remove_imported (f->store, "Kommuner", &n, &error));
    g_assert_error (error, NV_STORE_ERROR, NV_STORE_ERROR_NOT_FOUND);
    g_clear_error (&error);
    g_assert_false (nv_benchmark_remove_imported (f->store, "Fylkeskommuner", &n, &error));
    g_assert_error (error, NV_STORE_ERROR, NV_STORE_ERROR_NOT_FOUND);
    g_clear_error (&error);

    after = nv_benchmark_list (f->store, 0, &error);
    g_assert_cmpuint (after->len, ==, 8);
    g_assert_false (is_listed (after, "Helse og omsorg (KS PAI)"));
    g_assert_cmpstr (find_series (after, "Kommuner")->latest_period, ==, "2024-Q2");
    g_assert_cmpuint (find_series (after, "Kommuner")->n_imported, ==, 0);
    restored = nv_benchmark_get_points (f->store, "Kommuner", 0, NV_DAY_NONE, NV_DAY_NONE,
                                        NV_DAY_NONE, &error);
    p = nv_benchmark_point_for_period (restored, "2024-Q2");
    g_assert_cmpfloat (p->percent, ==, 8.3);
    g_assert_true (p->bundled);
    g_assert_cmpint (ROWS ("benchmark_point"), ==, 0);
    g_assert_cmpint (ROWS ("benchmark_series"), ==, 0);
  }
}

static void
expect_refused (Fixture *f, const char *csv, const char *message)
{
  g_autoptr (GError) error = NULL;
  gint64 series_before = ROWS ("benchmark_series");
  gint64 points_before = ROWS ("benchmark_point");

  g_assert_false (nv_benchmark_import_data (f->store, "bad.csv", csv, strlen (csv), NULL, &error));
  g_assert_nonnull (error);
  if (g_test_verbose ())
    g_printerr ("%s\n", error->message);
  g_assert_true (g_str_has_prefix (error->message, message));
  g_assert_cmpint (ROWS ("benchmark_series"), ==, series_before);
  g_assert_cmpint (ROWS ("benchmark_point"), ==, points_before);
}

#define HEAD "series;period;percent;measure;basis;source\n"
#define GOOD "Helse;2023-Q1;9,5;totalt;KS;https://example.org/a\n"

static void
test_import_errors (Fixture *f, gconstpointer data)
{
  expect_refused (f, HEAD GOOD "Helse;2024-Q5;9;totalt;KS;https://example.org/a\n",
                  "bad.csv:3: period: “2024-Q5” is not a period");
  expect_refused (f, HEAD GOOD "Helse;2024-03;9;totalt;KS;https://example.org/a\n",
                  "bad.csv:3: period: “2024-03” is not a period");
  expect_refused (f, HEAD GOOD "Helse;2199-Q1;9;totalt;KS;https://example.org/a\n",
                  "bad.csv:3: period: 2199-Q1 has not begun yet");
  expect_refused (f, HEAD GOOD "Helse;2024-Q1;150;totalt;KS;https://example.org/a\n",
                  "bad.csv:3: percent: 150 is outside 0–100");
  expect_refused (f, HEAD GOOD "Helse;2024-Q1;-0,5;totalt;KS;https://example.org/a\n",
                  "bad.csv:3: percent: -0,5 is outside 0–100");
  expect_refused (f, HEAD GOOD "Helse;2024-Q1;mye;totalt;KS;https://example.org/a\n",
                  "bad.csv:3: percent: ");
  expect_refused (f, HEAD GOOD "Helse;2024-Q1;9;sykt;KS;https://example.org/a\n",
                  "bad.csv:3: measure: “sykt” is not a measure");
  /* A series keeps its measure: against the built-in set … */
  expect_refused (f, HEAD GOOD "Kommuner;2024-Q3;9;totalt;SSB;https://example.org/a\n",
                  "bad.csv:3: measure: “Kommuner” is a legemeldt series");
  /* … and within the file. */
  expect_refused (f, HEAD GOOD "helse;2024-Q1;6;legemeldt;KS;https://example.org/a\n",
                  "bad.csv:3: measure: “helse” has the measure totalt on line 2");
  expect_refused (f, HEAD GOOD "Helse;2024-Q1;9;totalt;KS;\n", "bad.csv:3: source: ");
  expect_refused (f, "series;period;percent;measure\nHelse;2024-Q1;9;totalt\n",
                  "bad.csv:1: source: this column is missing");
  expect_refused (f, HEAD GOOD "Helse;2023-Q1;9,6;totalt;KS;https://example.org/b\n",
                  "bad.csv:3: period: Helse 2023-Q1 is already on line 2");
  expect_refused (f, HEAD GOOD ";2024-Q1;9;totalt;KS;https://example.org/a\n",
                  "bad.csv:3: series: ");
  expect_refused (f, HEAD GOOD "Egen kommune (totalt);2024-Q1;9;totalt;KS;https://example.org/a\n",
                  "bad.csv:3: series: “Egen kommune (totalt)” is computed by Nærvær");

  /* Fields are named as the file's header names them. */
  expect_refused (f, "serie;periode;prosent;type;kilde\nHelse;2024-Q1;150;totalt;x\n",
                  "bad.csv:2: prosent: 150 is outside 0–100");
  expect_refused (f, "serie;periode;prosent;type;kilde\nHelse;2024-Q1;15;begge;x\n",
                  "bad.csv:2: type: “begge” is not a measure");

  /* A stored imported series keeps its measure too. */
  {
    g_autoptr (GError) error = NULL;
    g_assert_true (nv_benchmark_import_data (f->store, "ok.csv", HEAD GOOD,
                                             strlen (HEAD GOOD), NULL, &error));
    g_assert_no_error (error);
    expect_refused (f, HEAD "HELSE;2024-Q1;6;legemeldt;KS;https://example.org/a\n",
                    "bad.csv:2: measure: “Helse” is a totalt series");
  }
}

/* ---- Own municipality ---------------------------------------------------- */

static double
own_percent (NvStore *store, const char *name, gint64 unit_id, const char *period,
             guint *persons, gboolean *masked)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) points = nv_benchmark_get_points (store, name, unit_id, NV_DAY_NONE,
                                                       NV_DAY_NONE, NV_DAY_NONE, &error);
  const NvBenchmarkPoint *p;

  g_assert_no_error (error);
  p = nv_benchmark_point_for_period (points, period);
  if (p == NULL)
    return NAN;
  if (persons != NULL)
    *persons = p->persons;
  if (masked != NULL)
    *masked = p->masked;
  return p->percent;
}

static void
test_own_sum_over_sum (Fixture *f, gconstpointer data)
{
  gint64 a = nv_test_add_unit (f->store, "Avdeling A", "helse-omsorg", "Fjordvik");
  gint64 b = nv_test_add_unit (f->store, "Avdeling B", "helse-omsorg", "Fjordvik");
  g_autoptr (GError) error = NULL;
  g_autofree char *how = NULL;
  guint persons = 0;
  gboolean masked = TRUE;
  gint64 entry = -1;

  /* 2024-Q1, HR figures for January only (February and March have no roster):
   *   A: 10 lost (4 self + 6 doctor) of 200 contracted = 5.0 %
   *   B: 30 lost (6 self + 24 doctor) of 300 contracted = 10.0 %
   * Own municipality, total: (10 + 30) / (200 + 300) = 40 / 500 = 8.0 %
   *   — not the average of 5.0 and 10.0 (7.5 %).
   * Doctor-certified: (6 + 24) / 500 = 6.0 %. Persons 3 + 4 = 7: not masked. */
  add_monthly (f->store, a, 2024, 1, 200, 4, 6, 3);
  add_monthly (f->store, b, 2024, 1, 300, 6, 24, 4);

  g_assert_cmpfloat_with_epsilon (own_percent (f->store, NV_BENCHMARK_OWN_TOTAL, a, "2024-Q1",
                                               &persons, &masked),
                                  8.0, 1e-9);
  g_assert_cmpuint (persons, ==, 7);
  g_assert_false (masked);
  g_assert_cmpfloat_with_epsilon (own_percent (f->store, NV_BENCHMARK_OWN_DOCTOR, a, "2024-Q1",
                                               NULL, NULL),
                                  6.0, 1e-9);
  /* The same without a unit (rule b does not depend on it). */
  g_assert_cmpfloat_with_epsilon (own_percent (f->store, "egen kommune (totalt)", 0, "2024-Q1",
                                               NULL, NULL),
                                  8.0, 1e-9);
  how = nv_benchmark_own_describe (f->store, a, &entry, &error);
  g_assert_no_error (error);
  g_assert_cmpint (entry, ==, 0);
  g_assert_nonnull (strstr (how, "all 2 units"));
  g_clear_pointer (&how, g_free);

  /* Fewer than five persons: 2 + 2 = 4 → masked (the figure is still there). */
  add_monthly (f->store, a, 2024, 4, 100, 1, 1, 2);
  add_monthly (f->store, b, 2024, 4, 100, 1, 1, 2);
  g_assert_cmpfloat_with_epsilon (own_percent (f->store, NV_BENCHMARK_OWN_TOTAL, a, "2024-Q2",
                                               &persons, &masked),
                                  2.0, 1e-9);
  g_assert_cmpuint (persons, ==, 4);
  g_assert_true (masked);

  /* Rule (a): a municipality-level entry with HR figures wins for its units:
   * «Fjordvik kommune» 50 lost (10 self + 40 doctor) of 1000 = 5.0 %. */
  {
    gint64 entry_id = nv_test_add_unit (f->store, "Fjordvik kommune", "helse-omsorg", "");
    gint64 other = nv_test_add_unit (f->store, "Avdeling C", "helse-omsorg", "Havbyen");

    add_monthly (f->store, entry_id, 2024, 1, 1000, 10, 40, 120);
    g_assert_cmpfloat_with_epsilon (own_percent (f->store, NV_BENCHMARK_OWN_TOTAL, a, "2024-Q1",
                                                 &persons, NULL),
                                    5.0, 1e-9);
    g_assert_cmpuint (persons, ==, 120);
    g_assert_cmpfloat_with_epsilon (own_percent (f->store, NV_BENCHMARK_OWN_DOCTOR, b, "2024-Q1",
                                                 NULL, NULL),
                                    4.0, 1e-9);
    how = nv_benchmark_own_describe (f->store, a, &entry, &error);
    g_assert_cmpint (entry, ==, entry_id);
    g_assert_nonnull (strstr (how, "Fjordvik kommune"));
    g_clear_pointer (&how, g_free);

    /* A unit of another municipality falls back to rule (b), which never adds
     * the entry's municipality-wide figures on top: still 40 / 500 = 8.0 %
     * (Avdeling C has no figures). */
    g_assert_cmpfloat_with_epsilon (own_percent (f->store, NV_BENCHMARK_OWN_TOTAL, other,
                                                 "2024-Q1", NULL, NULL),
                                    8.0, 1e-9);
    how = nv_benchmark_own_describe (f->store, other, &entry, &error);
    g_assert_cmpint (entry, ==, 0);
    g_assert_nonnull (strstr (how, "all 3 units"));
  }
}

/* ---- Behind ------------------------------------------------------------- */

static void
test_behind (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *latest = NULL;
  g_autoptr (GPtrArray) list = NULL;
  gint64 unit;

  /* Two quarters behind is fine, three is not. */
  g_assert_false (nv_benchmark_is_behind ("2024-Q2", "2024-Q4"));
  g_assert_true (nv_benchmark_is_behind ("2024-Q1", "2024-Q4"));
  g_assert_false (nv_benchmark_is_behind ("2024-Q4", "2024-Q4"));
  g_assert_false (nv_benchmark_is_behind ("2025-Q1", "2024-Q4"));
  /* Across a year: 2024-Q3 → 2025-Q1 is two quarters. */
  g_assert_false (nv_benchmark_is_behind ("2024-Q3", "2025-Q1"));
  g_assert_true (nv_benchmark_is_behind ("2024-Q2", "2025-Q1"));
  /* A year counts as its fourth quarter. */
  g_assert_false (nv_benchmark_is_behind ("2024", "2025-Q2"));
  g_assert_true (nv_benchmark_is_behind ("2024", "2025-Q3"));
  g_assert_false (nv_benchmark_is_behind (NULL, "2025-Q3"));
  g_assert_false (nv_benchmark_is_behind ("2024-Q1", NULL));

  /* The unit's latest quarter with data is the last one that has ended. */
  unit = nv_test_add_unit (f->store, "Avdeling A", "helse-omsorg", "");
  for (int m = 1; m <= 5; m++)
    add_monthly (f->store, unit, 2024, m, 200, 2, 3, 8);
  latest = nv_benchmark_unit_latest_quarter (f->store, unit, nv_day_from_ymd (2024, 7, 15),
                                             &error);
  g_assert_no_error (error);
  g_assert_cmpstr (latest, ==, "2024-Q2");
  g_clear_pointer (&latest, g_free);
  latest = nv_benchmark_unit_latest_quarter (f->store, unit, nv_day_from_ymd (2024, 6, 29),
                                             &error);
  g_assert_cmpstr (latest, ==, "2024-Q1");
  g_clear_pointer (&latest, g_free);
  latest = nv_benchmark_unit_latest_quarter (f->store, unit, nv_day_from_ymd (2024, 6, 30),
                                             &error);
  g_assert_cmpstr (latest, ==, "2024-Q2");

  /* Listed for this unit (latest 2024-Q2): Kommuner (2024-Q2) is current,
   * the kindergarten figure (2020-Q2) is behind. */
  list = nv_benchmark_list (f->store, unit, &error);
  g_assert_no_error (error);
  g_assert_false (behind_of (list, "Kommuner"));
  g_assert_false (behind_of (list, "Alle sektorer (totalt)"));
  g_assert_true (behind_of (list, "Barnehager (NAV bransje, fire kvartaler 2019-Q3..2020-Q2)"));
  /* One series at a time gives the same answer. */
  {
    g_autoptr (NvBenchmarkSeries) one = nv_benchmark_get (f->store, "kommuner", unit, &error);
    g_autoptr (NvBenchmarkSeries) kids = NULL;
    g_autoptr (NvBenchmarkSeries) own = NULL;

    g_assert_no_error (error);
    g_assert_cmpstr (one->name, ==, "Kommuner");
    g_assert_cmpstr (one->latest_period, ==, "2024-Q2");
    g_assert_false (one->behind);
    kids = nv_benchmark_get (f->store, "Barnehager (NAV bransje, fire kvartaler 2019-Q3..2020-Q2)",
                             unit, &error);
    g_assert_true (kids->behind);
    own = nv_benchmark_get (f->store, "Egen kommune (legemeldt)", unit, &error);
    g_assert_true (own->computed);
    g_assert_cmpint (own->measure, ==, NV_MEASURE_LEGEMELDT);
    g_assert_cmpstr (own->latest_period, ==, "2024-Q2"); /* the last ended quarter with figures */
    g_assert_null (nv_benchmark_get (f->store, "Ingen slik", unit, &error));
    g_assert_error (error, NV_STORE_ERROR, NV_STORE_ERROR_NOT_FOUND);
    g_clear_error (&error);
  }

  /* A unit that was deleted meanwhile has no data: nothing is behind. */
  g_clear_pointer (&list, g_ptr_array_unref);
  list = nv_benchmark_list (f->store, unit + 1000, &error);
  g_assert_no_error (error);
  g_assert_false (behind_of (list, "Barnehager (NAV bransje, fire kvartaler 2019-Q3..2020-Q2)"));

  /* Without a unit nothing is judged. */
  g_clear_pointer (&list, g_ptr_array_unref);
  list = nv_benchmark_list (f->store, 0, &error);
  g_assert_false (behind_of (list, "Barnehager (NAV bransje, fire kvartaler 2019-Q3..2020-Q2)"));
}

/* ---- Like with like ------------------------------------------------------- */

static void
test_like_with_like (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) points = NULL;
  g_autoptr (GArray) aligned = NULL;
  NvStatsPeriod periods[3] = { 0 };

  g_assert_cmpstr (nv_benchmark_unit_field (NV_MEASURE_LEGEMELDT), ==, "percent_doctor");
  g_assert_cmpstr (nv_benchmark_unit_field (NV_MEASURE_TOTALT), ==, "percent");
  periods[0].percent = 9.0;
  periods[0].percent_doctor = 7.0;
  g_assert_cmpfloat (nv_benchmark_unit_value (NV_MEASURE_LEGEMELDT, &periods[0]), ==, 7.0);
  g_assert_cmpfloat (nv_benchmark_unit_value (NV_MEASURE_TOTALT, &periods[0]), ==, 9.0);

  /* Same quarter only; a year figure never stands in for a quarter. */
  points = nv_benchmark_get_points (f->store, "Kommuner", 0, NV_DAY_NONE, NV_DAY_NONE,
                                    NV_DAY_NONE, &error);
  g_assert_no_error (error);
  g_strlcpy (periods[0].label, "2023-Q4", sizeof periods[0].label);
  g_strlcpy (periods[1].label, "2021-Q3", sizeof periods[1].label); /* a gap in the series */
  g_strlcpy (periods[2].label, "2024-Q2", sizeof periods[2].label);
  aligned = nv_benchmark_align (points, periods, 3);
  g_assert_cmpuint (aligned->len, ==, 3);
  g_assert_cmpfloat (g_array_index (aligned, double, 0), ==, 8.3);
  g_assert_true (isnan (g_array_index (aligned, double, 1)));
  g_assert_cmpfloat (g_array_index (aligned, double, 2), ==, 8.3);
  g_assert_cmpfloat (nv_benchmark_point_for_period (points, "2023")->percent, ==, 7.7);
  g_assert_null (nv_benchmark_point_for_period (points, "2021-Q4"));
}

static void
test_names_and_periods (void)
{
  NvPeriodKind kind;
  NvDay start, end;

  g_assert_cmpint (nv_benchmark_kind_for_name ("Alle sektorer"), ==, NV_BENCHMARK_NATIONAL);
  g_assert_cmpint (nv_benchmark_kind_for_name ("Kommuner"), ==, NV_BENCHMARK_MUNICIPAL_SECTOR);
  g_assert_cmpint (nv_benchmark_kind_for_name ("Kommunesektoren"), ==,
                   NV_BENCHMARK_MUNICIPAL_SECTOR);
  g_assert_cmpint (nv_benchmark_kind_for_name ("Barnehager i kommuner"), ==, NV_BENCHMARK_SECTOR);
  g_assert_cmpint (nv_benchmark_kind_for_name ("Helse og omsorg"), ==, NV_BENCHMARK_SECTOR);
  g_assert_cmpint (nv_benchmark_kind_for_name ("Fjordvik kommune"), ==,
                   NV_BENCHMARK_OWN_MUNICIPALITY);
  g_assert_cmpint (nv_benchmark_kind_for_name ("Noe annet"), ==, NV_BENCHMARK_SECTOR);
  g_assert_true (nv_benchmark_name_is_own ("  egen KOMMUNE (legemeldt) "));
  g_assert_false (nv_benchmark_name_is_own ("Egen kommune"));

  g_assert_true (nv_benchmark_period_parse ("2024-Q3", &kind, &start, &end));
  g_assert_cmpint (kind, ==, NV_PERIOD_QUARTER);
  g_assert_cmpuint (start, ==, nv_day_from_ymd (2024, 7, 1));
  g_assert_cmpuint (end, ==, nv_day_from_ymd (2024, 9, 30));
  g_assert_true (nv_benchmark_period_parse ("2024", &kind, &start, &end));
  g_assert_cmpint (kind, ==, NV_PERIOD_YEAR);
  g_assert_cmpuint (end, ==, nv_day_from_ymd (2024, 12, 31));
  g_assert_false (nv_benchmark_period_parse ("2024-Q0", NULL, NULL, NULL));
  g_assert_false (nv_benchmark_period_parse ("2024-03", NULL, NULL, NULL));
  g_assert_false (nv_benchmark_period_parse (" 2024", NULL, NULL, NULL));
  g_assert_false (nv_benchmark_period_parse ("24-Q1", NULL, NULL, NULL));
  g_assert_cmpint (nv_benchmark_period_compare ("2023-Q4", "2023"), <, 0);
  g_assert_cmpint (nv_benchmark_period_compare ("2023", "2024-Q1"), <, 0);
  g_assert_cmpint (nv_benchmark_period_quarter_index ("2024"), ==, 2024 * 4 + 3);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/benchmark/names-and-periods", test_names_and_periods);
#define ADD(path, fn) g_test_add (path, Fixture, NULL, nv_test_db_setup, fn, nv_test_db_teardown)
  ADD ("/benchmark/bundled", test_bundled);
  ADD ("/benchmark/points-range", test_points_range);
  ADD ("/benchmark/import/ok", test_import_ok);
  ADD ("/benchmark/import/errors", test_import_errors);
  ADD ("/benchmark/own/sum-over-sum", test_own_sum_over_sum);
  ADD ("/benchmark/behind", test_behind);
  ADD ("/benchmark/like-with-like", test_like_with_like);
#undef ADD
  return g_test_run ();
}
