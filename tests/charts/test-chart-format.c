/* test-chart-format.c — Norwegian number format and axis scaling.
 *
 * Expectations are worked out by hand from DESIGN §2 (one decimal, round
 * half up, decimal comma, « %») and the axis rule (step 1, 2 or 5 × 10ⁿ,
 * at most six intervals, range on ticks).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "nv-chart-axis.h"
#include "nv-format.h"

static void
check_number (double value, int decimals, const char *expected)
{
  g_autofree char *text = nv_format_value (value, decimals);
  g_assert_cmpstr (text, ==, expected);
}

static void
test_format_number (void)
{
  check_number (7.4, 1, "7,4");
  check_number (7.45, 1, "7,5");   /* half up, although 7.45 is 7.4499… in binary */
  check_number (7.449, 1, "7,4");
  check_number (0.05, 1, "0,1");
  check_number (2.675, 2, "2,68");
  check_number (8.25, 1, "8,3");
  check_number (0, 1, "0,0");
  check_number (-0.04, 1, "0,0");  /* never «−0,0» */
  check_number (-1.25, 1, "\xe2\x88\x92" "1,3");
  check_number (4700, 0, "4\u00a0700");
  check_number (999.96, 1, "1\u00a0000,0");
  check_number (1234567.891, 2, "1\u00a0234\u00a0567,89");
  check_number (12, 0, "12");
  check_number (NAN, 1, "\xe2\x80\x93");
}

static void
test_format_percent (void)
{
  g_autofree char *a = nv_format_value_percent (7.36, 1);
  g_autofree char *b = nv_format_value_percent (10, 0);
  g_autofree char *c = nv_format_value_percent (NAN, 1);
  g_autofree char *d = nv_format_points (0.44, 1);
  g_autofree char *e = nv_format_points (-1.2, 1);
  g_autofree char *f = nv_format_points (0.04, 1);

  g_assert_cmpstr (a, ==, "7,4\u00a0%");
  g_assert_cmpstr (b, ==, "10\u00a0%");
  g_assert_cmpstr (c, ==, "\xe2\x80\x93");
  g_assert_cmpstr (d, ==, "+0,4");
  g_assert_cmpstr (e, ==, "\xe2\x88\x92" "1,2");
  g_assert_cmpstr (f, ==, "0,0");
}

static void
test_round (void)
{
  g_assert_cmpfloat (nv_round_half_up (7.45, 1), ==, 7.5);
  g_assert_cmpfloat (nv_round_half_up (-7.45, 1), ==, -7.5);
  g_assert_cmpfloat (nv_round_half_up (1.005, 2), ==, 1.01);
  g_assert_true (isnan (nv_round_half_up (NAN, 1)));
}

static void
check_axis (double lo, double hi, gboolean zero, double min, double max, double step,
            guint n_ticks, int decimals)
{
  NvChartAxis axis;

  nv_chart_axis_compute (&axis, lo, hi, zero, 6);
  g_assert_cmpfloat_with_epsilon (axis.min, min, 1e-9);
  g_assert_cmpfloat_with_epsilon (axis.max, max, 1e-9);
  g_assert_cmpfloat_with_epsilon (axis.step, step, 1e-9);
  g_assert_cmpuint (axis.n_ticks, ==, n_ticks);
  g_assert_cmpint (axis.decimals, ==, decimals);
}

static void
test_axis_ranges (void)
{
  /* 0–7.3: step 1 needs 8 intervals, step 2 needs 4. */
  check_axis (0, 7.3, TRUE, 0, 8, 2, 5, 0);
  /* 4.1–12.9 without zero: 4, 6, …, 14. */
  check_axis (4.1, 12.9, FALSE, 4, 14, 2, 6, 0);
  /* With zero: step 2 needs 7 intervals, step 5 gives 0, 5, 10, 15. */
  check_axis (4.1, 12.9, TRUE, 0, 15, 5, 4, 0);
  /* All equal (7) without zero: 6–8 in halves. */
  check_axis (7, 7, FALSE, 6, 8, 0.5, 5, 1);
  /* All equal with zero: 0–7 → 0–8. */
  check_axis (7, 7, TRUE, 0, 8, 2, 5, 0);
  /* All zero: 0–1 in fifths. */
  check_axis (0, 0, TRUE, 0, 1, 0.2, 6, 1);
  /* No data at all. */
  check_axis (NAN, NAN, TRUE, 0, 10, 2, 6, 0);
  /* Exactly on a tick: 6 stays the top. */
  check_axis (0, 6, TRUE, 0, 6, 1, 7, 0);
  /* Small values. */
  check_axis (0, 0.37, TRUE, 0, 0.4, 0.1, 5, 1);
}

static void
test_axis_ticks_normalize (void)
{
  NvChartAxis axis;

  nv_chart_axis_compute (&axis, 0, 0.9, TRUE, 6);
  g_assert_cmpfloat (axis.step, ==, 0.2);
  g_assert_cmpfloat (nv_chart_axis_tick (&axis, 3), ==, 0.6);
  g_assert_cmpfloat (nv_chart_axis_tick (&axis, 5), ==, 1.0);

  nv_chart_axis_compute (&axis, 0, 7.3, TRUE, 6);
  g_assert_cmpfloat (nv_chart_axis_normalize (&axis, 0), ==, 0.0);
  g_assert_cmpfloat (nv_chart_axis_normalize (&axis, 8), ==, 1.0);
  g_assert_cmpfloat (nv_chart_axis_normalize (&axis, 2), ==, 0.25);
  g_assert_true (isnan (nv_chart_axis_normalize (&axis, NAN)));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/charts/format/number", test_format_number);
  g_test_add_func ("/charts/format/percent", test_format_percent);
  g_test_add_func ("/charts/format/round", test_round);
  g_test_add_func ("/charts/axis/ranges", test_axis_ranges);
  g_test_add_func ("/charts/axis/ticks", test_axis_ticks_normalize);
  return g_test_run ();
}
