/* nv-compare: like with like, traffic light, trend and masking, against
 * hand-computed figures.
 *
 * Unit «Avdeling 2B», HR monthly figures: 200 contracted days, 2 egenmeldt
 * and x legemeldt lost days a month; x per quarter 2024-Q1 … 2025-Q2:
 * 12, 10, 8, 14, 13, 10.2 → legemeldt per cent x / 2: 6,0 5,0 4,0 7,0 6,5 5,1;
 * total (2 + x) / 2: 7,0 6,0 5,0 8,0 7,5 6,1.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "nv-test-store.h"
#include "nv-absence.h"
#include "nv-compare.h"
#include "nv-unit.h"

typedef struct
{
  NvTestDb db;
  gint64 unit;
} Fixture;

static void
setup (Fixture *f, gconstpointer data)
{
  nv_test_db_open (&f->db, "naervaer.db");
  f->unit = nv_test_add_unit (f->db.store, "Avdeling 2B", "helse-omsorg", "");
  /* @data: the persons of the last quarter (default 12). */
  nv_test_add_compare_quarters (f->db.store, f->unit, 5,
                                GPOINTER_TO_INT (data) != 0 ? GPOINTER_TO_INT (data) : 12);
  nv_test_import_benchmark (f->db.store, "serie;periode;prosent;type;kilde\n"
                       "Lege;2024-Q2;4,8;legemeldt;test\n"
                       "Lege;2024-Q3;4,0;legemeldt;test\n"
                       "Lege;2024-Q4;7,0;legemeldt;test\n"
                       "Lege;2025-Q1;7,0;legemeldt;test\n"
                       "Lege;2025;6,0;legemeldt;test\n"
                       "Lege2;2025-Q2;5,0;legemeldt;test\n"
                       "Total;2025-Q2;6,1;totalt;test\n");
}

static void
teardown (Fixture *f, gconstpointer data)
{
  nv_test_db_close (&f->db);
}

static NvCompare *
compare_with (Fixture *f, const char *const *series, GError **error)
{
  return nv_compare_new (f->db.store, f->unit, series, NV_DAY_NONE, NV_DAY_NONE,
                         nv_day_from_ymd (2025, 8, 15), error);
}

static void
test_thresholds (void)
{
  g_assert_cmpint (nv_light_for_ratio (0.8999), ==, NV_LIGHT_GREEN);
  g_assert_cmpint (nv_light_for_ratio (0.9), ==, NV_LIGHT_YELLOW);
  g_assert_cmpint (nv_light_for_ratio (4.5 / 5.0), ==, NV_LIGHT_YELLOW);
  g_assert_cmpint (nv_light_for_ratio (1.1), ==, NV_LIGHT_YELLOW);
  g_assert_cmpint (nv_light_for_ratio (9.9 / 9.0), ==, NV_LIGHT_YELLOW);
  g_assert_cmpint (nv_light_for_ratio (1.1001), ==, NV_LIGHT_RED);
  g_assert_cmpint (nv_light_for_ratio (NAN), ==, NV_LIGHT_GREY);
}

static void
test_like_with_like (Fixture *f, gconstpointer data)
{
  const char *doctor[] = { "lege", NULL };
  const char *total[] = { "Total", NULL };
  const char *mixed[] = { "Lege", "Total", NULL };
  const char *unknown[] = { "Lege", "Finnes ikke", NULL };
  g_autoptr (NvCompare) c = NULL;
  g_autoptr (NvCompare) t = NULL;
  g_autoptr (GError) error = NULL;

  c = compare_with (f, doctor, &error);
  g_assert_no_error (error);
  g_assert_cmpint (c->measure, ==, NV_MEASURE_LEGEMELDT);
  g_assert_cmpuint (c->n_quarters, ==, 6);
  g_assert_cmpint (c->first_year, ==, 2024);
  g_assert_cmpint (c->first_quarter, ==, 1);
  g_assert_cmpfloat_with_epsilon (c->unit_values[0], 6.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (c->unit_values[5], 5.1, 1e-9);
  /* The year figure «2025» is never put in a quarter. */
  g_assert_true (isnan (((NvCompareSeries *) g_ptr_array_index (c->series, 0))->values[5]));
  g_assert_cmpfloat_with_epsilon (((NvCompareSeries *) g_ptr_array_index (c->series, 0))->values[1],
                                  4.8, 1e-9);

  t = compare_with (f, total, &error);
  g_assert_no_error (error);
  g_assert_cmpint (t->measure, ==, NV_MEASURE_TOTALT);
  g_assert_cmpfloat_with_epsilon (t->unit_values[5], 6.1, 1e-9);

  g_assert_null (compare_with (f, mixed, &error));
  g_assert_error (error, NV_STORE_ERROR, NV_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Lege"));
  g_assert_nonnull (strstr (error->message, "Total"));
  g_clear_error (&error);
  g_assert_null (compare_with (f, unknown, &error));
  g_assert_error (error, NV_STORE_ERROR, NV_STORE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "Finnes ikke"));
}

static void
test_light_and_trend (Fixture *f, gconstpointer data)
{
  const char *doctor[] = { "Lege", NULL };
  const char *doctor2[] = { "Lege2", NULL };
  g_autoptr (NvCompare) c = NULL;
  g_autoptr (NvCompare) d = NULL;
  g_autoptr (GError) error = NULL;

  /* «Lege» has no 2025-Q2: the light uses 2025-Q1, 6,5 / 7,0 = 0,93 → yellow. */
  c = compare_with (f, doctor, &error);
  g_assert_no_error (error);
  g_assert_cmpint (c->light_quarter, ==, 4);
  g_assert_cmpint (c->latest, ==, 5);
  g_assert_cmpfloat_with_epsilon (c->light_ratio, 6.5 / 7.0, 1e-9);
  g_assert_cmpint (c->light, ==, NV_LIGHT_YELLOW);
  /* 2025-Q2 5,1 against 2024-Q2 5,0: +0,1 → unchanged (at most 0,1). */
  g_assert_cmpint (c->trend, ==, NV_TREND_UNCHANGED);
  g_assert_cmpfloat_with_epsilon (c->trend_change, 0.1, 1e-9);

  /* «Lege2» only 2025-Q2: 5,1 / 5,0 = 1,02 → yellow, in the latest quarter. */
  d = compare_with (f, doctor2, &error);
  g_assert_no_error (error);
  g_assert_cmpint (d->light_quarter, ==, 5);
  g_assert_cmpint (d->light, ==, NV_LIGHT_YELLOW);
}

static void
test_masked (Fixture *f, gconstpointer data)
{
  const char *doctor2[] = { "Lege2", NULL };
  g_autoptr (NvCompare) c = NULL;
  g_autoptr (NvChart) screen = NULL;
  g_autoptr (NvChart) exported = NULL;
  g_autoptr (NvChart) stacked = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *summary = NULL;

  /* Three persons in 2025-Q2. */
  c = compare_with (f, doctor2, &error);
  g_assert_no_error (error);
  g_assert_true (nv_compare_masked (c, 5));
  g_assert_false (nv_compare_masked (c, 4));
  g_assert_cmpint (c->light, ==, NV_LIGHT_GREY);
  g_assert_nonnull (c->light_reason);
  g_assert_true (c->trend_masked);

  screen = nv_compare_trend_chart (c, NULL, FALSE);
  exported = nv_compare_trend_chart (c, NULL, TRUE);
  g_assert_cmpfloat_with_epsilon (nv_chart_get_value (screen, 0, 5), 5.1, 1e-9);
  g_assert_true (nv_chart_get_masked (screen, 0, 5));
  g_assert_true (isnan (nv_chart_get_value (exported, 0, 5)));
  g_assert_true (nv_chart_get_masked (exported, 0, 5));
  g_assert_cmpfloat_with_epsilon (nv_chart_get_value (exported, 0, 4), 6.5, 1e-9);
  /* The benchmark is not masked. */
  g_assert_cmpfloat_with_epsilon (nv_chart_get_value (exported, 1, 5), 5.0, 1e-9);

  stacked = nv_compare_certificate_chart (c, TRUE);
  g_assert_true (isnan (nv_chart_get_value (stacked, 0, nv_chart_get_n_categories (stacked) - 1)));

  summary = nv_compare_summary (c, TRUE);
  g_assert_nonnull (strstr (summary, "hidden"));
  g_assert_null (strstr (summary, "5,1"));
}

static void
test_charts (Fixture *f, gconstpointer data)
{
  const char *doctor[] = { "Lege", NULL };
  g_autoptr (NvCompare) c = NULL;
  g_autoptr (NvChart) recent = NULL;
  g_autoptr (NvChart) duration = NULL;
  g_autoptr (NvChart) certificate = NULL;
  g_autoptr (GError) error = NULL;

  c = compare_with (f, doctor, &error);
  g_assert_no_error (error);
  /* Bars end where the series has its newest quarter (2025-Q1). */
  recent = nv_compare_recent_chart (c, TRUE);
  g_assert_cmpuint (nv_chart_get_n_categories (recent), ==, 4);
  g_assert_cmpstr (nv_chart_get_category_label (recent, 0), ==, "Q2 2024");
  g_assert_cmpstr (nv_chart_get_category_label (recent, 3), ==, "Q1 2025");
  g_assert_cmpstr (nv_chart_get_series_name (recent, 0), ==, "Avdeling 2B (doctor-certified)");
  g_assert_cmpstr (nv_chart_get_series_name (recent, 1), ==, "Lege (doctor-certified)");
  /* HR figures cannot tell short from long: no stacked values. */
  duration = nv_compare_duration_chart (c, TRUE);
  g_assert_true (isnan (nv_chart_get_value (duration, 0, 0)));
  /* Self-certified 1,0 % + doctor-certified 6,0 % in 2024-Q1. */
  certificate = nv_compare_certificate_chart (c, TRUE);
  g_assert_cmpuint (nv_chart_get_n_categories (certificate), ==, 6);
  g_assert_cmpfloat_with_epsilon (nv_chart_get_value (certificate, 0, 0), 1.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (nv_chart_get_value (certificate, 1, 0), 6.0, 1e-9);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/compare/thresholds", test_thresholds);
  g_test_add ("/compare/like-with-like", Fixture, NULL, setup, test_like_with_like, teardown);
  g_test_add ("/compare/light-and-trend", Fixture, NULL, setup, test_light_and_trend, teardown);
  g_test_add ("/compare/masked", Fixture, GINT_TO_POINTER (3), setup, test_masked, teardown);
  g_test_add ("/compare/charts", Fixture, NULL, setup, test_charts, teardown);
  return g_test_run ();
}
