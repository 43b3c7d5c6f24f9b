/* The statistics engine against hand-computed cases (DESIGN §2). Every
 * expectation has its arithmetic beside it; workday counts are from a wall
 * calendar (see test-calendar.c for the month totals used here):
 *   2025: Jan 22, Feb 20, Mar 21, Apr 19, May 20, Jun 20, Sep 22 workdays.
 *   Q1 2025 = 22 + 20 + 21 = 63; Q2 2025 = 19 + 20 + 20 = 59. */
#include "config.h"

#include <math.h>

#include "nv-format.h"
#include "nv-stats.h"

#define D(y, m, d) nv_day_from_ymd (y, m, d)
#define EPS 1e-9

static NvRosterRow
R (gint64 emp, double fte, NvDay from, NvDay to)
{
  NvRosterRow r = { 0, emp, NULL, fte, from, to };
  return r;
}

static NvSpell
S (gint64 emp, NvDay start, NvDay end, double grade, NvSpellType type)
{
  static gint64 next_id = 1;
  NvSpell s = { next_id++, emp, NULL, start, end, grade, type };
  return s;
}

static GArray *
run (NvPeriodKind by, NvDay from, NvDay to, NvDay as_of, const NvRosterRow *roster, guint nr,
     const NvSpell *spells, guint ns, const NvMonthly *monthly, guint nm)
{
  NvStatsQuery q = { by, from, to, as_of };
  return nv_stats_compute (&q, roster, nr, spells, ns, monthly, nm);
}

#define P(arr, i) (&g_array_index (arr, NvStatsPeriod, i))

static void
test_saturday_start (void)
{
  /* One employee at 100 % from 1.1.2025. Legemeldt 100 % from Saturday
   * 11.1 to Monday 20.1: 10 calendar days → korttid, NAV code B (8–16).
   * Sick workdays: 13–17.1 (5) + 20.1 (1) = 6 → lost 6 × 1 × 1 = 6.
   * Contracted January: 22 × 1 = 22. Percent 6 × 100 / 22 = 27.2727… */
  NvRosterRow roster[] = { R (1, 100, D (2025, 1, 1), 0) };
  NvSpell spells[] = { S (1, D (2025, 1, 11), D (2025, 1, 20), 100, NV_SPELL_DOCTOR) };
  g_autoptr (GArray) out = run (NV_PERIOD_MONTH, D (2025, 1, 1), D (2025, 1, 31), D (2025, 12, 31),
                                roster, 1, spells, 1, NULL, 0);
  g_autoptr (GPtrArray) cases = nv_cases_compute (spells, 1, D (2025, 12, 31));
  NvCase *c;

  g_assert_cmpuint (out->len, ==, 1);
  g_assert_cmpstr (P (out, 0)->label, ==, "2025-01");
  g_assert_cmpfloat_with_epsilon (P (out, 0)->contracted_days, 22, EPS);
  g_assert_cmpfloat_with_epsilon (P (out, 0)->lost_days, 6, EPS);
  g_assert_cmpfloat_with_epsilon (P (out, 0)->lost_days_doctor, 6, EPS);
  g_assert_cmpfloat_with_epsilon (P (out, 0)->percent, 600. / 22., EPS);
  g_assert_cmpfloat_with_epsilon (P (out, 0)->percent_short, 600. / 22., EPS);
  g_assert_cmpfloat_with_epsilon (P (out, 0)->percent_long, 0, EPS);
  g_assert_cmpfloat_with_epsilon (P (out, 0)->graded_share, 0, EPS);
  g_assert_cmpuint (P (out, 0)->persons, ==, 1);
  g_assert_true (P (out, 0)->masked);
  g_assert_cmpint (P (out, 0)->source, ==, NV_STATS_SOURCE_SPELLS);

  g_assert_cmpuint (cases->len, ==, 1);
  c = g_ptr_array_index (cases, 0);
  g_assert_cmpuint (c->duration, ==, 10);
  g_assert_cmpint (c->klass, ==, NV_CASE_SHORT);
  g_assert_cmpint (c->code, ==, 'B');
  g_assert_false (c->open);
}

static void
test_fte_change_inside_spell (void)
{
  /* 100 % until Sunday 9.3.2025, 50 % from Monday 10.3. Legemeldt 100 %
   * 3.3–14.3 (12 days, korttid B).
   * Lost: 3–7.3 = 5 workdays × 1.0 = 5; 10–14.3 = 5 × 0.5 = 2.5 → 7.5.
   * Contracted March: 3–7.3 = 5 × 1.0 = 5 (1–2.3 is a weekend); 10–31.3 =
   * 16 workdays × 0.5 = 8 → 13. Percent 7.5 × 100 / 13 = 57.6923… */
  NvRosterRow roster[] = { R (1, 100, D (2025, 1, 1), D (2025, 3, 9)),
                           R (1, 50, D (2025, 3, 10), 0) };
  NvSpell spells[] = { S (1, D (2025, 3, 3), D (2025, 3, 14), 100, NV_SPELL_DOCTOR) };
  g_autoptr (GArray) out = run (NV_PERIOD_MONTH, D (2025, 3, 1), D (2025, 3, 31), D (2025, 12, 31),
                                roster, 2, spells, 1, NULL, 0);

  g_assert_cmpuint (out->len, ==, 1);
  g_assert_cmpfloat_with_epsilon (P (out, 0)->contracted_days, 13, EPS);
  g_assert_cmpfloat_with_epsilon (P (out, 0)->lost_days, 7.5, EPS);
  g_assert_cmpfloat_with_epsilon (P (out, 0)->percent, 750. / 13., EPS);
  g_assert_cmpuint (P (out, 0)->persons, ==, 1); /* two rows, one person */
}

static void
test_self_then_doctor_one_case (void)
{
  /* Egenmeldt Mon 3.2–Wed 5.2.2025, then legemeldt 100 % Thu 6.2–Sun 23.2:
   * adjacent, so one case 3.2–23.2 = 21 days → langtid, code C. The whole
   * case counts as long, also its egenmeldt days.
   * Self: 3, 4, 5.2 = 3. Doctor: 6, 7 + 10–14 + 17–21.2 = 12. Lost 15.
   * Contracted February 20. Percent 75, self 15, doctor 60, long 75, short 0. */
  NvRosterRow roster[] = { R (1, 100, D (2025, 1, 1), 0) };
  NvSpell spells[] = { S (1, D (2025, 2, 3), D (2025, 2, 5), 100, NV_SPELL_SELF),
                       S (1, D (2025, 2, 6), D (2025, 2, 23), 100, NV_SPELL_DOCTOR) };
  g_autoptr (GArray) out = run (NV_PERIOD_MONTH, D (2025, 2, 1), D (2025, 2, 28), D (2025, 12, 31),
                                roster, 1, spells, 2, NULL, 0);
  g_autoptr (GPtrArray) cases = nv_cases_compute (spells, 2, D (2025, 12, 31));
  NvCase *c;

  g_assert_cmpfloat_with_epsilon (P (out, 0)->contracted_days, 20, EPS);
  g_assert_cmpfloat_with_epsilon (P (out, 0)->lost_days_self, 3, EPS);
  g_assert_cmpfloat_with_epsilon (P (out, 0)->lost_days_doctor, 12, EPS);
  g_assert_cmpfloat_with_epsilon (P (out, 0)->percent, 75, EPS);
  g_assert_cmpfloat_with_epsilon (P (out, 0)->percent_self, 15, EPS);
  g_assert_cmpfloat_with_epsilon (P (out, 0)->percent_doctor, 60, EPS);
  g_assert_cmpfloat_with_epsilon (P (out, 0)->percent_short, 0, EPS);
  g_assert_cmpfloat_with_epsilon (P (out, 0)->percent_long, 75, EPS);

  g_assert_cmpuint (cases->len, ==, 1);
  c = g_ptr_array_index (cases, 0);
  g_assert_cmpuint (c->start, ==, D (2025, 2, 3));
  g_assert_cmpuint (c->end, ==, D (2025, 2, 23));
  g_assert_cmpuint (c->duration, ==, 21);
  g_assert_cmpint (c->klass, ==, NV_CASE_LONG);
  g_assert_cmpint (c->code, ==, 'C');
  g_assert_true (c->has_doctor);
  g_assert_cmpuint (c->spells->len, ==, 2);
  g_assert_cmpint (g_array_index (c->spells, NvSpell, 0).type, ==, NV_SPELL_SELF);
}

static void
test_gap_makes_two_cases (void)
{
  /* 3–5.2 and 7–10.2: 6.2 lies between, so two cases of 3 and 4 days (A). */
  NvSpell spells[] = { S (1, D (2025, 2, 3), D (2025, 2, 5), 100, NV_SPELL_SELF),
                       S (1, D (2025, 2, 7), D (2025, 2, 10), 100, NV_SPELL_DOCTOR),
                       S (2, D (2025, 2, 6), D (2025, 2, 6), 100, NV_SPELL_SELF) };
  g_autoptr (GPtrArray) cases = nv_cases_compute (spells, 3, D (2025, 12, 31));

  g_assert_cmpuint (cases->len, ==, 3);
  /* Sorted by start: emp 1 on 3.2, emp 2 on 6.2 (not joined to emp 1's
   * spells: cases never span employees), emp 1 on 7.2. */
  g_assert_cmpint (((NvCase *) g_ptr_array_index (cases, 0))->duration, ==, 3);
  g_assert_cmpint (((NvCase *) g_ptr_array_index (cases, 1))->employee_id, ==, 2);
  g_assert_cmpint (((NvCase *) g_ptr_array_index (cases, 2))->duration, ==, 4);
  g_assert_cmpint (((NvCase *) g_ptr_array_index (cases, 2))->code, ==, 'A');
}

static void
test_graded (void)
{
  /* Employee 1 at 80 %: legemeldt 50 % Mon 6.1–Fri 31.1.2025 (26 days, C,
   * long). Workdays 6–31.1 = 22 − (1, 2, 3.1) = 20 → lost 20 × 0.8 × 0.5 = 8.
   * Employee 2 at 100 %: egenmeldt Thu 2–Fri 3.1 (2 days, A, short) → 2.
   * Contracted: 22 × 0.8 + 22 × 1 = 17.6 + 22 = 39.6. Lost 10.
   * Percent 10 × 100 / 39.6 = 25.2525…; short 2 × 100 / 39.6 = 5.0505…;
   * long 8 × 100 / 39.6 = 20.2020…; graded share 8 / 10 = 0.8. */
  NvRosterRow roster[] = { R (1, 80, D (2024, 1, 1), 0), R (2, 100, D (2024, 6, 1), 0) };
  NvSpell spells[] = { S (1, D (2025, 1, 6), D (2025, 1, 31), 50, NV_SPELL_DOCTOR),
                       S (2, D (2025, 1, 2), D (2025, 1, 3), 100, NV_SPELL_SELF) };
  g_autoptr (GArray) out = run (NV_PERIOD_MONTH, D (2025, 1, 1), D (2025, 1, 31), D (2025, 12, 31),
                                roster, 2, spells, 2, NULL, 0);

  g_assert_cmpfloat_with_epsilon (P (out, 0)->contracted_days, 39.6, EPS);
  g_assert_cmpfloat_with_epsilon (P (out, 0)->lost_days, 10, EPS);
  g_assert_cmpfloat_with_epsilon (P (out, 0)->percent, 1000. / 39.6, EPS);
  g_assert_cmpfloat_with_epsilon (P (out, 0)->percent_short, 200. / 39.6, EPS);
  g_assert_cmpfloat_with_epsilon (P (out, 0)->percent_long, 800. / 39.6, EPS);
  g_assert_cmpfloat_with_epsilon (P (out, 0)->graded_share, 0.8, EPS);
  g_assert_cmpuint (P (out, 0)->persons, ==, 2);
  {
    g_autofree char *shown = nv_format_percent (P (out, 0)->percent);
    g_assert_cmpstr (shown, ==, "25,3");
  }
}

static void
test_case_across_quarters (void)
{
  /* Legemeldt Mon 24.3–Sat 12.4.2025: 8 days in March + 12 in April = 20
   * days → langtid (C) as a whole, although each quarter holds fewer than 17.
   * Q1: 24–28.3 (5) + 31.3 (1) = 6 lost, long. Q2: 1–4.4 (4) + 7–11.4 (5) =
   * 9 lost, long. Q1 long 6 × 100 / 63 = 9.5238…; Q2 9 × 100 / 59 = 15.2542….
   * Both quarters together: Σ lost / Σ contracted = 15 × 100 / 122 =
   * 12.2950… (the average of the two percents, 12.389…, would be wrong). */
  NvRosterRow roster[] = { R (1, 100, D (2025, 1, 1), 0) };
  NvSpell spells[] = { S (1, D (2025, 3, 24), D (2025, 4, 12), 100, NV_SPELL_DOCTOR) };
  g_autoptr (GArray) out = run (NV_PERIOD_QUARTER, D (2025, 1, 1), D (2025, 6, 30),
                                D (2025, 12, 31), roster, 1, spells, 1, NULL, 0);
  g_autoptr (GArray) year = run (NV_PERIOD_YEAR, D (2025, 1, 1), D (2025, 6, 30), D (2025, 12, 31),
                                 roster, 1, spells, 1, NULL, 0);
  NvStatsPeriod both;

  g_assert_cmpuint (out->len, ==, 2);
  g_assert_cmpstr (P (out, 0)->label, ==, "2025-Q1");
  g_assert_cmpstr (P (out, 1)->label, ==, "2025-Q2");
  g_assert_cmpfloat_with_epsilon (P (out, 0)->contracted_days, 63, EPS);
  g_assert_cmpfloat_with_epsilon (P (out, 1)->contracted_days, 59, EPS);
  g_assert_cmpfloat_with_epsilon (P (out, 0)->lost_days_long, 6, EPS);
  g_assert_cmpfloat_with_epsilon (P (out, 1)->lost_days_long, 9, EPS);
  g_assert_cmpfloat_with_epsilon (P (out, 0)->percent_long, 600. / 63., EPS);
  g_assert_cmpfloat_with_epsilon (P (out, 1)->percent_long, 900. / 59., EPS);
  g_assert_cmpfloat_with_epsilon (P (out, 0)->percent_short, 0, EPS);
  g_assert_cmpfloat_with_epsilon (P (out, 1)->percent_short, 0, EPS);

  both = nv_stats_combine (&g_array_index (out, NvStatsPeriod, 0), 2);
  g_assert_cmpfloat_with_epsilon (both.contracted_days, 122, EPS);
  g_assert_cmpfloat_with_epsilon (both.percent, 1500. / 122., EPS);
  g_assert_cmpstr (both.label, ==, "2025-Q1–2025-Q2");

  /* The year clipped to 30.6 gives the same Σ/Σ. */
  g_assert_cmpuint (year->len, ==, 1);
  g_assert_cmpstr (P (year, 0)->label, ==, "2025");
  g_assert_cmpuint (P (year, 0)->end, ==, D (2025, 6, 30));
  g_assert_cmpfloat_with_epsilon (P (year, 0)->percent, 1500. / 122., EPS);
}

static void
test_clipping (void)
{
  /* A range 15.1–14.2.2025 by month: January clipped to 15–31.1 (13
   * workdays: 15–17, 20–24, 27–31), February to 1–14.2 (10). The spell
   * 27.1–7.2 (12 days, B): 27–31.1 = 5, 3–7.2 = 5. */
  NvRosterRow roster[] = { R (1, 100, D (2020, 1, 1), 0) };
  NvSpell spells[] = { S (1, D (2025, 1, 27), D (2025, 2, 7), 100, NV_SPELL_DOCTOR) };
  g_autoptr (GArray) out = run (NV_PERIOD_MONTH, D (2025, 1, 15), D (2025, 2, 14),
                                D (2025, 12, 31), roster, 1, spells, 1, NULL, 0);
  g_autoptr (GArray) range = run (NV_PERIOD_RANGE, D (2025, 1, 15), D (2025, 2, 14),
                                  D (2025, 12, 31), roster, 1, spells, 1, NULL, 0);

  g_assert_cmpuint (out->len, ==, 2);
  g_assert_cmpuint (P (out, 0)->start, ==, D (2025, 1, 15));
  g_assert_cmpfloat_with_epsilon (P (out, 0)->contracted_days, 13, EPS);
  g_assert_cmpfloat_with_epsilon (P (out, 0)->lost_days, 5, EPS);
  g_assert_cmpuint (P (out, 1)->end, ==, D (2025, 2, 14));
  g_assert_cmpfloat_with_epsilon (P (out, 1)->contracted_days, 10, EPS);
  g_assert_cmpfloat_with_epsilon (P (out, 1)->lost_days, 5, EPS);
  g_assert_cmpuint (range->len, ==, 1);
  g_assert_cmpstr (P (range, 0)->label, ==, "2025-01-15–2025-02-14");
  g_assert_cmpfloat_with_epsilon (P (range, 0)->percent, 1000. / 23., EPS);
}

static void
test_open_spell (void)
{
  /* Open legemeldt from Mon 1.9.2025. As of Wed 10.9: the case is 10 days
   * (B, short); lost 1–5 + 8–10.9 = 8 of 22 September workdays →
   * 8 × 100 / 22 = 36.3636…. As of 30.9: 30 days (C, long), lost 22 → 100 %.
   * As of 31.8 the spell has not started yet: nothing lost. */
  NvRosterRow roster[] = { R (1, 100, D (2025, 1, 1), 0) };
  NvSpell spells[] = { S (1, D (2025, 9, 1), 0, 100, NV_SPELL_DOCTOR) };
  g_autoptr (GArray) early = run (NV_PERIOD_MONTH, D (2025, 9, 1), D (2025, 9, 30),
                                  D (2025, 9, 10), roster, 1, spells, 1, NULL, 0);
  g_autoptr (GArray) late = run (NV_PERIOD_MONTH, D (2025, 9, 1), D (2025, 9, 30),
                                 D (2025, 9, 30), roster, 1, spells, 1, NULL, 0);
  g_autoptr (GArray) before = run (NV_PERIOD_MONTH, D (2025, 9, 1), D (2025, 9, 30),
                                   D (2025, 8, 31), roster, 1, spells, 1, NULL, 0);
  g_autoptr (GArray) to_as_of = run (NV_PERIOD_MONTH, D (2025, 9, 1), NV_DAY_NONE,
                                     D (2025, 9, 10), roster, 1, spells, 1, NULL, 0);
  g_autoptr (GPtrArray) cases = nv_cases_compute (spells, 1, D (2025, 9, 10));
  NvCase *c;

  g_assert_cmpfloat_with_epsilon (P (early, 0)->lost_days, 8, EPS);
  g_assert_cmpfloat_with_epsilon (P (early, 0)->percent, 800. / 22., EPS);
  g_assert_cmpfloat_with_epsilon (P (early, 0)->percent_short, 800. / 22., EPS);
  g_assert_cmpfloat_with_epsilon (P (late, 0)->percent, 100, EPS);
  g_assert_cmpfloat_with_epsilon (P (late, 0)->percent_long, 100, EPS);
  g_assert_cmpfloat_with_epsilon (P (before, 0)->lost_days, 0, EPS);
  /* Without --to the range ends on the as-of date: 1–10.9 = 8 workdays. */
  g_assert_cmpuint (P (to_as_of, 0)->end, ==, D (2025, 9, 10));
  g_assert_cmpfloat_with_epsilon (P (to_as_of, 0)->contracted_days, 8, EPS);

  g_assert_cmpuint (cases->len, ==, 1);
  c = g_ptr_array_index (cases, 0);
  g_assert_true (c->open);
  g_assert_cmpuint (c->end, ==, D (2025, 9, 10));
  g_assert_cmpuint (c->duration, ==, 10);
  g_assert_cmpint (c->code, ==, 'B');
}

static void
test_masking (void)
{
  /* Persons = employees whose employment overlaps the period. Q1 2025:
   * employees 1–4 are employed; 5 ended on 31.12.2024 (not counted); 6 starts
   * on 31.3.2025, the last day (counted) → 5 persons, not masked. Without
   * employee 6 → 4, masked. In Q2 employees 1–4 and 6 → 5. */
  NvRosterRow roster[] = { R (1, 100, D (2024, 1, 1), 0),
                           R (2, 100, D (2024, 1, 1), 0),
                           R (3, 50, D (2024, 1, 1), 0),
                           R (4, 100, D (2024, 1, 1), D (2025, 4, 30)),
                           R (5, 100, D (2024, 1, 1), D (2024, 12, 31)),
                           R (6, 100, D (2025, 3, 31), 0) };
  g_autoptr (GArray) five = run (NV_PERIOD_QUARTER, D (2025, 1, 1), D (2025, 6, 30),
                                 D (2025, 12, 31), roster, 6, NULL, 0, NULL, 0);
  g_autoptr (GArray) four = run (NV_PERIOD_QUARTER, D (2025, 1, 1), D (2025, 6, 30),
                                 D (2025, 12, 31), roster, 5, NULL, 0, NULL, 0);

  g_assert_cmpuint (P (five, 0)->persons, ==, 5);
  g_assert_false (P (five, 0)->masked);
  g_assert_cmpuint (P (five, 1)->persons, ==, 5);
  g_assert_cmpuint (P (four, 0)->persons, ==, 4);
  g_assert_true (P (four, 0)->masked);
  /* Nothing lost: percent 0 and graded share 0 (not NaN). */
  g_assert_cmpfloat (P (four, 0)->percent, ==, 0);
  g_assert_cmpfloat (P (four, 0)->graded_share, ==, 0);
  /* Contracted Q1 with 5 persons: 63 × (1 + 1 + 0.5 + 1) + 1 (31.3 for
   * employee 6) = 220.5 + 1 = 221.5. */
  g_assert_cmpfloat_with_epsilon (P (five, 0)->contracted_days, 221.5, EPS);
}

static void
test_monthly_figures (void)
{
  /* Spells give January: contracted 22, lost 6 (the Saturday spell) and
   * February: 20, lost 5 (10–14.2). HR figures exist for February:
   * contracted 100, egenmeldt 2, legemeldt 3, 6 persons — they replace
   * February's spells. March: 21 contracted, nothing lost.
   * Q1 = (6 + 2 + 3) × 100 / (22 + 100 + 21) = 1100 / 143 = 7.6923…,
   * source monthly, short/long/graded unknown (NaN), persons max(1, 6) = 6. */
  NvRosterRow roster[] = { R (1, 100, D (2025, 1, 1), 0) };
  NvSpell spells[] = { S (1, D (2025, 1, 11), D (2025, 1, 20), 100, NV_SPELL_DOCTOR),
                       S (1, D (2025, 2, 10), D (2025, 2, 14), 100, NV_SPELL_DOCTOR) };
  NvMonthly hr[] = { { 0, 2025, 2, 100, 2, 3, 6 } };
  g_autoptr (GArray) q = run (NV_PERIOD_QUARTER, D (2025, 1, 1), D (2025, 3, 31),
                              D (2025, 12, 31), roster, 1, spells, 2, hr, 1);
  g_autoptr (GArray) m = run (NV_PERIOD_MONTH, D (2025, 1, 1), D (2025, 3, 31), D (2025, 12, 31),
                              roster, 1, spells, 2, hr, 1);
  g_autoptr (GArray) cut = run (NV_PERIOD_MONTH, D (2025, 2, 2), D (2025, 2, 28),
                                D (2025, 12, 31), roster, 1, spells, 2, hr, 1);

  g_assert_cmpuint (q->len, ==, 1);
  g_assert_cmpfloat_with_epsilon (P (q, 0)->contracted_days, 143, EPS);
  g_assert_cmpfloat_with_epsilon (P (q, 0)->lost_days_self, 2, EPS);
  g_assert_cmpfloat_with_epsilon (P (q, 0)->lost_days_doctor, 9, EPS);
  g_assert_cmpfloat_with_epsilon (P (q, 0)->percent, 1100. / 143., EPS);
  g_assert_cmpint (P (q, 0)->source, ==, NV_STATS_SOURCE_MONTHLY);
  g_assert_cmpuint (P (q, 0)->n_monthly_months, ==, 1);
  g_assert_cmpuint (P (q, 0)->n_months, ==, 3);
  g_assert_false (P (q, 0)->has_case_split);
  g_assert_true (isnan (P (q, 0)->percent_short));
  g_assert_true (isnan (P (q, 0)->percent_long));
  g_assert_true (isnan (P (q, 0)->graded_share));
  g_assert_cmpuint (P (q, 0)->persons, ==, 6);
  g_assert_false (P (q, 0)->masked);

  /* By month: January from spells, February from HR (5 %, not the spells'
   * 25 %), March from spells. */
  g_assert_cmpint (P (m, 0)->source, ==, NV_STATS_SOURCE_SPELLS);
  g_assert_true (P (m, 0)->has_case_split);
  g_assert_cmpint (P (m, 1)->source, ==, NV_STATS_SOURCE_MONTHLY);
  g_assert_cmpfloat_with_epsilon (P (m, 1)->percent, 5, EPS);
  g_assert_cmpfloat_with_epsilon (P (m, 1)->percent_self, 2, EPS);
  g_assert_cmpint (P (m, 2)->source, ==, NV_STATS_SOURCE_SPELLS);
  g_assert_cmpuint (P (m, 2)->persons, ==, 1);

  /* February cut to 2–28.2: HR figures cover the whole month and cannot be
   * cut, so the spells are used: 5 lost of 20 workdays (3.2 is the first
   * workday, so the cut loses none) = 25 %. */
  g_assert_cmpint (P (cut, 0)->source, ==, NV_STATS_SOURCE_SPELLS);
  g_assert_cmpfloat_with_epsilon (P (cut, 0)->percent, 25, EPS);
}

static void
test_codes_and_costs (void)
{
  static const struct
  {
    guint days;
    char code;
    NvCaseClass klass;
  } rows[] = {
    { 1, 'A', NV_CASE_SHORT },  { 7, 'A', NV_CASE_SHORT },   { 8, 'B', NV_CASE_SHORT },
    { 16, 'B', NV_CASE_SHORT }, { 17, 'C', NV_CASE_LONG },   { 56, 'C', NV_CASE_LONG },
    { 57, 'D', NV_CASE_LONG },  { 140, 'D', NV_CASE_LONG },  { 141, 'E', NV_CASE_LONG },
    { 273, 'E', NV_CASE_LONG }, { 274, 'F', NV_CASE_LONG },  { 400, 'F', NV_CASE_LONG },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_assert_cmpint (nv_case_code_for (rows[i].days), ==, rows[i].code);
      g_assert_cmpint (nv_case_class_for (rows[i].days), ==, rows[i].klass);
    }
  g_assert_cmpfloat_with_epsilon (nv_stats_arsverk (230), 1, EPS);
  g_assert_cmpfloat_with_epsilon (nv_stats_arsverk (57.5), 0.25, EPS);
  g_assert_cmpfloat_with_epsilon (nv_stats_cost (10, NV_STATS_DEFAULT_NOK_PER_DAY), 47000, EPS);
}

static void
test_empty (void)
{
  /* No data and no explicit range: no periods. An explicit range without
   * data: zero everywhere, masked. */
  g_autoptr (GArray) none = run (NV_PERIOD_QUARTER, 0, 0, D (2025, 12, 31), NULL, 0, NULL, 0,
                                 NULL, 0);
  g_autoptr (GArray) zero = run (NV_PERIOD_QUARTER, D (2025, 1, 1), D (2025, 3, 31),
                                 D (2025, 12, 31), NULL, 0, NULL, 0, NULL, 0);
  g_autoptr (GArray) backwards = run (NV_PERIOD_QUARTER, D (2025, 3, 1), D (2025, 1, 31),
                                      D (2025, 12, 31), NULL, 0, NULL, 0, NULL, 0);

  g_assert_cmpuint (none->len, ==, 0);
  g_assert_cmpuint (backwards->len, ==, 0);
  g_assert_cmpuint (zero->len, ==, 1);
  g_assert_cmpfloat (P (zero, 0)->percent, ==, 0);
  g_assert_true (P (zero, 0)->masked);
}

static void
test_default_from (void)
{
  /* Without --from, the range starts with the month of the first roster
   * row when there is no absence data: employed from 15.11.2024 → 2024-Q4
   * clipped to start 1.11.2024, then 2025-Q1. With a spell (or HR month) the
   * absence data decides: a roster reaching back to an old hiring date says
   * nothing about absence then. A year view starting with data in February
   * has its first year from 1.2: January's contracted days (no absence
   * recorded yet) would dilute the percent. */
  NvRosterRow roster[] = { R (1, 100, D (2024, 11, 15), 0) };
  NvSpell spells[] = { S (1, D (2025, 2, 3), D (2025, 2, 4), 100, NV_SPELL_SELF) };
  NvMonthly hr[] = { { 0, 2025, 1, 100, 2, 3, 6 } };
  g_autoptr (GArray) out = run (NV_PERIOD_QUARTER, 0, D (2025, 3, 31), D (2025, 12, 31), roster, 1,
                                NULL, 0, NULL, 0);
  g_autoptr (GArray) with_spell = run (NV_PERIOD_MONTH, 0, D (2025, 3, 31), D (2025, 12, 31),
                                       roster, 1, spells, 1, NULL, 0);
  g_autoptr (GArray) with_hr = run (NV_PERIOD_MONTH, 0, D (2025, 3, 31), D (2025, 12, 31),
                                    roster, 1, spells, 1, hr, 1);

  g_autoptr (GArray) year = run (NV_PERIOD_YEAR, 0, D (2025, 3, 31), D (2025, 12, 31), roster, 1,
                                 spells, 1, NULL, 0);

  g_assert_cmpuint (out->len, ==, 2);
  g_assert_cmpstr (P (out, 0)->label, ==, "2024-Q4");
  g_assert_cmpuint (P (out, 0)->start, ==, D (2024, 11, 1));
  g_assert_cmpuint (year->len, ==, 1);
  g_assert_cmpstr (P (year, 0)->label, ==, "2025");
  g_assert_cmpuint (P (year, 0)->start, ==, D (2025, 2, 1));
  /* 3–4.2 egenmeldt = 2 of February + March's 20 + 21 workdays. */
  g_assert_cmpfloat_with_epsilon (P (year, 0)->percent, 200. / 41., EPS);
  g_assert_cmpuint (with_spell->len, ==, 2);
  g_assert_cmpstr (P (with_spell, 0)->label, ==, "2025-02");
  g_assert_cmpuint (with_hr->len, ==, 3);
  g_assert_cmpstr (P (with_hr, 0)->label, ==, "2025-01");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/stats/saturday-start", test_saturday_start);
  g_test_add_func ("/stats/fte-change-inside-spell", test_fte_change_inside_spell);
  g_test_add_func ("/stats/self-then-doctor-one-case", test_self_then_doctor_one_case);
  g_test_add_func ("/stats/gap-makes-two-cases", test_gap_makes_two_cases);
  g_test_add_func ("/stats/graded", test_graded);
  g_test_add_func ("/stats/case-across-quarters", test_case_across_quarters);
  g_test_add_func ("/stats/clipping", test_clipping);
  g_test_add_func ("/stats/open-spell", test_open_spell);
  g_test_add_func ("/stats/masking", test_masking);
  g_test_add_func ("/stats/monthly-figures", test_monthly_figures);
  g_test_add_func ("/stats/codes-and-costs", test_codes_and_costs);
  g_test_add_func ("/stats/empty", test_empty);
  g_test_add_func ("/stats/default-from", test_default_from);
  return g_test_run ();
}
