/* The traffic light and the trend (nv-rating.h) against hand-computed cases
 * from DESIGN §2: light on unit ÷ benchmark (green below 0,9, yellow 0,9 to
 * 1,1 both included, red above), trend on the change against the same
 * quarter a year before (unchanged within 0,1 percentage point). */
#include "config.h"

#include <math.h>

#include "nv-rating.h"

static void
test_light (void)
{
  /* 6,3 % against 7,4 %: 0,851… → green. */
  g_assert_cmpint (nv_light_for_ratio (6.3 / 7.4), ==, NV_LIGHT_GREEN);
  g_assert_cmpint (nv_light_for_ratio (0.8999), ==, NV_LIGHT_GREEN);
  /* 4,5 against 5,0 is exactly 0,9 → yellow (the bound belongs to yellow). */
  g_assert_cmpint (nv_light_for_ratio (4.5 / 5.0), ==, NV_LIGHT_YELLOW);
  g_assert_cmpint (nv_light_for_ratio (1.0), ==, NV_LIGHT_YELLOW);
  /* 9,9 against 9,0 is 1,1 by hand (1.1000000000000001 as a double) → yellow. */
  g_assert_cmpint (nv_light_for_ratio (9.9 / 9.0), ==, NV_LIGHT_YELLOW);
  /* 8,3 against 7,4: 1,1216… → red. */
  g_assert_cmpint (nv_light_for_ratio (8.3 / 7.4), ==, NV_LIGHT_RED);
  g_assert_cmpint (nv_light_for_ratio (1.1001), ==, NV_LIGHT_RED);
  g_assert_cmpint (nv_light_for_ratio (NAN), ==, NV_LIGHT_GREY);
  g_assert_cmpstr (nv_light_label (NV_LIGHT_GREEN), ==, "Green");
  g_assert_cmpstr (nv_light_label (NV_LIGHT_GREY), ==, "Grey");
}

static void
test_trend (void)
{
  /* 7,5 % now, 7,4 % a year before: 0,1 point (0.0999… as doubles) → unchanged. */
  g_assert_cmpint (nv_trend_for_change (7.5 - 7.4), ==, NV_TREND_UNCHANGED);
  /* 6,2 − 6,3 = −0,1 → unchanged; the bound is included on both sides. */
  g_assert_cmpint (nv_trend_for_change (6.2 - 6.3), ==, NV_TREND_UNCHANGED);
  g_assert_cmpint (nv_trend_for_change (0), ==, NV_TREND_UNCHANGED);
  /* 8,3 − 7,4 = 0,9 → rising; 5,1 − 6,0 = −0,9 → falling. */
  g_assert_cmpint (nv_trend_for_change (8.3 - 7.4), ==, NV_TREND_RISING);
  g_assert_cmpint (nv_trend_for_change (5.1 - 6.0), ==, NV_TREND_FALLING);
  /* Unrounded: 0,14 shows as «0,1» but is more than 0,1 → rising. */
  g_assert_cmpint (nv_trend_for_change (0.14), ==, NV_TREND_RISING);
  g_assert_cmpint (nv_trend_for_change (NAN), ==, NV_TREND_NONE);
  g_assert_cmpstr (nv_trend_label (NV_TREND_RISING), ==, "rising");
  g_assert_null (nv_trend_label (NV_TREND_NONE));
}

/* Issue 18: «−0,4 prosentpoeng» beside 2,2 % and 2,5 % read as a mistake.
 * The change is the difference of the figures as shown. */
static void
test_trend_change (void)
{
  /* 2,15 shows as 2,2 and 2,549 as 2,5: −0,3, not the unrounded −0,399 → −0,4. */
  g_assert_cmpfloat (nv_trend_change (2.15, 2.549), ==, -0.3);
  /* 2,24 − 2,09 = 0,15 unrounded (rising), but 2,2 − 2,1 = 0,1 → unchanged,
   * as «unchanged means at most 0,1 point» beside «+0,1» must read. */
  g_assert_cmpfloat (nv_trend_change (2.24, 2.09), ==, 0.1);
  g_assert_cmpint (nv_trend_for_change (nv_trend_change (2.24, 2.09)), ==, NV_TREND_UNCHANGED);
  /* 7,45 (149 / 20, stored as 7.4499…) shows as 7,5; 7,349 as 7,3: +0,2. */
  g_assert_cmpfloat (nv_trend_change (149. / 20., 7.349), ==, 0.2);
  g_assert_cmpint (nv_trend_for_change (nv_trend_change (149. / 20., 7.349)), ==, NV_TREND_RISING);
  /* Exact tenths: 8,3 − 7,4 is 0,9 and not 0.9000000000000004. */
  g_assert_cmpfloat (nv_trend_change (8.3, 7.4), ==, 0.9);
  g_assert_cmpfloat (nv_trend_change (0.04, 0.0), ==, 0.0);
  g_assert_true (isnan (nv_trend_change (NAN, 2.0)));
  g_assert_true (isnan (nv_trend_change (2.0, NAN)));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/rating/light", test_light);
  g_test_add_func ("/rating/trend", test_trend);
  g_test_add_func ("/rating/trend-change", test_trend_change);
  return g_test_run ();
}
