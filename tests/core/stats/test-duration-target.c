/* NAV's duration classes A–F as shares of lost days, and the saving at a
 * unit's target (issue 16 items 5 and 7), against hand-computed figures.
 *
 * Workdays (wall calendar, see test-calendar.c): 2025 Jan 22 (1 Jan is a
 * holiday), Feb 20, Mar 21 → Q1 2025 = 63. */
#include "config.h"

#include <string.h>
#include <math.h>

#include "nv-stats.h"
#include "nv-test-store.h"
#include "nv-unit.h"

#define D(y, m, d) nv_day_from_ymd (y, m, d)
#define EPS 1e-9

static NvRosterRow
R (gint64 emp)
{
  NvRosterRow r = { 0, emp, NULL, 100, D (2024, 1, 1), NV_DAY_NONE };
  return r;
}

static NvSpell
S (gint64 emp, NvDay start, NvDay end, double grade)
{
  static gint64 next_id = 1;
  NvSpell s = { next_id++, emp, NULL, start, end, grade, NV_SPELL_DOCTOR };
  return s;
}

/* Six employees at 100 % all of Q1 2025: contracted 6 × 63 = 378.
 *  1: 6.1–10.1.2025, 5 days              → A; 5 workdays × 1   = 5
 *  2: Sat 11.1–Mon 20.1, 10 days          → B; 6 workdays × 1   = 6
 *  3: 3.2–Sun 2.3, 28 days, graded 50 %   → C; 20 workdays × .5 = 10
 *  4: 2.12.2024–31.3.2025, 30+31+28+31 = 120 days → D; 63 × 1 = 63
 *  5: 2.9.2024–28.2.2025, 29+31+30+31+31+28 = 180 days → E; 22+20 = 42
 *  6: open from 3.6.2024, as of 31.3.2025: 28+31+31+30+31+30+31+31+28+31
 *     = 302 days → F; graded 40 %: 63 × .4 = 25.2
 * Lost 5 + 6 + 10 + 63 + 42 + 25.2 = 151.2; short (A+B) 11, long 140.2. */
static GArray *
q1_2025 (void)
{
  static NvRosterRow roster[6];
  static NvSpell spells[6];
  NvStatsQuery q = { NV_PERIOD_QUARTER, D (2025, 1, 1), D (2025, 3, 31), D (2025, 3, 31) };

  for (int i = 0; i < 6; i++)
    roster[i] = R (i + 1);
  spells[0] = S (1, D (2025, 1, 6), D (2025, 1, 10), 100);
  spells[1] = S (2, D (2025, 1, 11), D (2025, 1, 20), 100);
  spells[2] = S (3, D (2025, 2, 3), D (2025, 3, 2), 50);
  spells[3] = S (4, D (2024, 12, 2), D (2025, 3, 31), 100);
  spells[4] = S (5, D (2024, 9, 2), D (2025, 2, 28), 100);
  spells[5] = S (6, D (2024, 6, 3), NV_DAY_NONE, 40);
  return nv_stats_compute (&q, roster, 6, spells, 6, NULL, 0);
}

static void
test_classes (void)
{
  g_autoptr (GArray) out = q1_2025 ();
  const NvStatsPeriod *p = &g_array_index (out, NvStatsPeriod, 0);
  static const double expected_days[NV_CASE_N_CODES] = { 5, 6, 10, 63, 42, 25.2 };
  double shares[NV_CASE_N_CODES];

  g_assert_cmpuint (out->len, ==, 1);
  g_assert_cmpfloat_with_epsilon (p->contracted_days, 378, EPS);
  g_assert_cmpfloat_with_epsilon (p->lost_days, 151.2, EPS);
  for (guint k = 0; k < NV_CASE_N_CODES; k++)
    g_assert_cmpfloat_with_epsilon (p->lost_days_by_code[k], expected_days[k], EPS);
  /* The classes split short and long exactly. */
  g_assert_cmpfloat_with_epsilon (p->lost_days_short, 11, EPS);
  g_assert_cmpfloat_with_epsilon (p->lost_days_long, 140.2, EPS);

  g_assert_true (nv_stats_duration_shares (p, shares));
  g_assert_cmpfloat_with_epsilon (shares[0], 5 / 151.2, EPS);
  g_assert_cmpfloat_with_epsilon (shares[1], 6 / 151.2, EPS);
  g_assert_cmpfloat_with_epsilon (shares[2], 10 / 151.2, EPS);
  g_assert_cmpfloat_with_epsilon (shares[3], 63 / 151.2, EPS);
  g_assert_cmpfloat_with_epsilon (shares[4], 42 / 151.2, EPS);
  g_assert_cmpfloat_with_epsilon (shares[5], 25.2 / 151.2, EPS);

  g_assert_cmpint (nv_case_code_at (0), ==, 'A');
  g_assert_cmpint (nv_case_code_at (5), ==, 'F');
  g_assert_cmpstr (nv_case_code_label (2), ==, "17 days–8 weeks");
}

static void
test_class_boundaries (void)
{
  /* One case each, from Monday 6.1.2025 (2–3.1 are the month's other
   * workdays before it; 1.1 is a holiday):
   *   7 days to Sun 12.1: 5 workdays → A (the last length of A)
   *   16 days to Tue 21.1: 5 + 5 + 2 = 12 → B (the last of B)
   *   17 days to Wed 22.1: 13 → C (the first of C)
   *   56 days to Sun 2.3: January 6–31 = 22 − 2 = 20, February 20 → 40 → C
   *   57 days to Mon 3.3: 41 → D (the first of D) */
  NvRosterRow roster[5];
  NvSpell spells[5];
  static const int ends[5][2] = { { 1, 12 }, { 1, 21 }, { 1, 22 }, { 3, 2 }, { 3, 3 } };
  NvStatsQuery q = { NV_PERIOD_QUARTER, D (2025, 1, 1), D (2025, 3, 31), D (2025, 3, 31) };
  g_autoptr (GArray) out = NULL;
  const NvStatsPeriod *p;

  for (int i = 0; i < 5; i++)
    {
      roster[i] = R (i + 1);
      spells[i] = S (i + 1, D (2025, 1, 6), D (2025, ends[i][0], ends[i][1]), 100);
    }
  out = nv_stats_compute (&q, roster, 5, spells, 5, NULL, 0);
  p = &g_array_index (out, NvStatsPeriod, 0);
  g_assert_cmpfloat_with_epsilon (p->lost_days_by_code[0], 5, EPS);
  g_assert_cmpfloat_with_epsilon (p->lost_days_by_code[1], 12, EPS);
  g_assert_cmpfloat_with_epsilon (p->lost_days_by_code[2], 13 + 40, EPS);
  g_assert_cmpfloat_with_epsilon (p->lost_days_by_code[3], 41, EPS);
  g_assert_cmpfloat_with_epsilon (p->lost_days_by_code[4], 0, EPS);
  g_assert_cmpfloat_with_epsilon (p->lost_days_by_code[5], 0, EPS);
}

static void
test_classes_combine_and_monthly (void)
{
  g_autoptr (GArray) out = q1_2025 ();
  NvStatsPeriod two[2];
  NvStatsPeriod both;
  NvStatsPeriod empty;
  double shares[NV_CASE_N_CODES];

  /* Σ over periods: the same quarter twice doubles each class, shares stay. */
  two[0] = two[1] = g_array_index (out, NvStatsPeriod, 0);
  both = nv_stats_combine (two, 2);
  g_assert_cmpfloat_with_epsilon (both.lost_days_by_code[3], 126, EPS);
  g_assert_true (nv_stats_duration_shares (&both, shares));
  g_assert_cmpfloat_with_epsilon (shares[3], 63 / 151.2, EPS);

  /* HR months cannot tell the classes: not available. */
  two[0].n_monthly_months = 1;
  both = nv_stats_combine (two, 2);
  g_assert_false (both.has_case_split);
  g_assert_false (nv_stats_duration_shares (&both, shares));
  g_assert_true (isnan (shares[0]));

  /* Nothing lost: no shares. */
  memset (&empty, 0, sizeof empty);
  empty.has_case_split = TRUE;
  g_assert_false (nv_stats_duration_shares (&empty, shares));
}

static void
test_target (void)
{
  g_autoptr (GArray) out = q1_2025 ();
  const NvStatsPeriod *p = &g_array_index (out, NvStatsPeriod, 0);

  /* At 10 %: 378 × 10 / 100 = 37.8 days allowed; 151.2 − 37.8 = 113.4
   * above; × 4 700 = 532 980 kr. */
  g_assert_cmpfloat_with_epsilon (nv_stats_days_above_target (p, 10), 113.4, EPS);
  g_assert_cmpfloat_with_epsilon (nv_stats_saving_at_target (p, 10, 4700), 532980, 1e-6);
  /* Exactly at the target (151.2 / 378 = 40 %): nothing to save; below it
   * neither (never a negative saving). */
  g_assert_cmpfloat_with_epsilon (nv_stats_days_above_target (p, 40), 0, 1e-9);
  g_assert_cmpfloat_with_epsilon (nv_stats_saving_at_target (p, 45, 4700), 0, EPS);
  /* 39.5 %: 378 × .395 = 149.31; 151.2 − 149.31 = 1.89 days; × 5 000 = 9 450. */
  g_assert_cmpfloat_with_epsilon (nv_stats_saving_at_target (p, 39.5, 5000), 9450, 1e-6);
  /* No target, or one outside (0, 100). */
  g_assert_true (isnan (nv_stats_saving_at_target (p, NAN, 4700)));
  g_assert_true (isnan (nv_stats_days_above_target (p, 0)));
  g_assert_true (isnan (nv_stats_days_above_target (p, 100)));
}

static void
test_unit_target_store (void)
{
  g_autofree char *dir = nv_test_tmpdir ();
  g_autoptr (NvStore) store = nv_test_open_store (dir, "t.db");
  g_autoptr (GError) error = NULL;
  gint64 id = nv_unit_add (store, "Avdeling 2B", "helse-omsorg", "", &error);
  double t = 0;

  g_assert_no_error (error);
  g_assert_true (nv_unit_get_target (store, id, &t, &error));
  g_assert_true (isnan (t));
  g_assert_true (nv_unit_set_target (store, id, 6.5, &error));
  g_assert_true (nv_unit_get_target (store, id, &t, &error));
  g_assert_cmpfloat (t, ==, 6.5);

  g_assert_false (nv_unit_set_target (store, id, 0, &error));
  g_assert_error (error, NV_STORE_ERROR, NV_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (nv_unit_set_target (store, id, 100, &error));
  g_clear_error (&error);
  g_assert_true (nv_unit_get_target (store, id, &t, &error));
  g_assert_cmpfloat (t, ==, 6.5); /* unchanged by the refused values */

  g_assert_true (nv_unit_set_target (store, id, NAN, &error));
  g_assert_true (nv_unit_get_target (store, id, &t, &error));
  g_assert_true (isnan (t));

  g_assert_false (nv_unit_set_target (store, id + 99, 5, &error));
  g_assert_error (error, NV_STORE_ERROR, NV_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (nv_unit_get_target (store, id + 99, &t, &error));
  g_assert_error (error, NV_STORE_ERROR, NV_STORE_ERROR_NOT_FOUND);

  g_clear_object (&store);
  nv_test_rmtree (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/duration-target/classes", test_classes);
  g_test_add_func ("/duration-target/class-boundaries", test_class_boundaries);
  g_test_add_func ("/duration-target/classes-combine-and-monthly",
                   test_classes_combine_and_monthly);
  g_test_add_func ("/duration-target/target", test_target);
  g_test_add_func ("/duration-target/unit-target-store", test_unit_target_store);
  return g_test_run ();
}
