/* 10-FAKTOR: import rules, the < 3 respondents rule, and the research
 * figures against values computed by hand (Python, shown in the comments —
 * never by calling the code under test). */
#include "config.h"

#include <math.h>

#include "nv-test-store.h"
#include "nv-faktor.h"
#include "nv-import.h"
#include "nv-unit.h"

#define EPS 1e-9

typedef NvTestDb Fixture;

static gboolean
import_text (Fixture *fx, const char *text, gboolean create, guint *n, GError **error)
{
  return nv_faktor_import_data (fx->store, "faktor.csv", text, strlen (text), create, n, NULL,
                                error);
}

static guint
count_rounds (Fixture *fx, gint64 unit_id, gboolean all)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) rounds = nv_faktor_rounds (fx->store, unit_id, all, &error);

  g_assert_no_error (error);
  return rounds->len;
}

/* ---- pure fit --------------------------------------------------------------- */

static void
test_fit (void)
{
  /* x = [3.0, 3.5, 4.0, 4.5, 2.5, 3.8], y = [8.0, 7.0, 5.5, 5.0, 9.5, 6.9]
   * mx = 21.3/6 = 3.55, my = 41.9/6 = 6.98333…
   * Sxx = Σ(x−mx)² = 2.055, Sxy = −4.60883…·… → in Python:
   *   slope b = Sxy/Sxx = −2.242718446601941
   *   intercept a = my − b·mx = 14.944983818770226
   *   r = Sxy/√(Sxx·Syy) = −0.9791798943880585
   *   z = atanh r; h = 1.959964/√(6−3)
   *   ci = tanh(z ∓ h) = −0.9978139011267463, −0.8163157595204427 */
  const double x[] = { 3.0, 3.5, 4.0, 4.5, 2.5, 3.8 };
  const double y[] = { 8.0, 7.0, 5.5, 5.0, 9.5, 6.9 };
  double r, lo, hi, b, a;

  nv_research_fit (x, y, 6, &r, &lo, &hi, &b, &a);
  g_assert_cmpfloat_with_epsilon (r, -0.9791798943880585, EPS);
  g_assert_cmpfloat_with_epsilon (lo, -0.9978139011267463, EPS);
  g_assert_cmpfloat_with_epsilon (hi, -0.8163157595204427, EPS);
  g_assert_cmpfloat_with_epsilon (b, -2.242718446601941, EPS);
  g_assert_cmpfloat_with_epsilon (a, 14.944983818770226, EPS);

  /* n < 3: nothing. */
  nv_research_fit (x, y, 2, &r, &lo, &hi, &b, &a);
  g_assert_true (isnan (r) && isnan (lo) && isnan (hi) && isnan (b) && isnan (a));

  /* n = 3: √(n − 3) = 0, the interval is all of (−1, 1). */
  nv_research_fit (x, y, 3, &r, &lo, &hi, &b, &a);
  /* x = 3, 3.5, 4; y = 8, 7, 5.5: b = −2.5, a = 15.583333333333332,
   * r = −0.9933992677987827 */
  g_assert_cmpfloat_with_epsilon (r, -0.9933992677987827, EPS);
  g_assert_cmpfloat_with_epsilon (b, -2.5, EPS);
  g_assert_cmpfloat_with_epsilon (a, 15.583333333333332, EPS);
  g_assert_cmpfloat (lo, ==, -1.0);
  g_assert_cmpfloat (hi, ==, 1.0);

  /* No spread in x: no line, no r. */
  {
    const double flat[] = { 3.0, 3.0, 3.0, 3.0 };
    nv_research_fit (flat, y, 4, &r, &lo, &hi, &b, &a);
    g_assert_true (isnan (r) && isnan (b));
  }
}

/* ---- import ----------------------------------------------------------------- */

#define HEADER "enhet;dato;respondenter;indre_motivasjon;mestringstro;autonomi;" \
               "bruk_av_kompetanse;mestringsorientert_ledelse;rolleklarhet;" \
               "relevant_kompetanseutvikling;fleksibilitetsvilje;mestringsklima;" \
               "prososial_motivasjon\n"

static void
test_import (Fixture *fx, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) rounds = NULL;
  gint64 a = nv_test_add_unit (fx->store, "Avdeling A", "helse-omsorg", NULL);
  guint n = 0;
  const NvFaktorRound *r;

  g_assert_true (import_text (fx,
                              HEADER "Avdeling A;31.03.2025;12;4,1;3.9;4;3,5;3,2;4,4;;4,0;3,3;4,8\n"
                                     "avdeling a;2024-03-31;2;1;1;1;1;1;1;1;1;1;1\n",
                              FALSE, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 2);
  /* The round with 2 respondents is stored but not shown. */
  g_assert_cmpuint (count_rounds (fx, a, TRUE), ==, 2);
  rounds = nv_faktor_rounds (fx->store, a, FALSE, &error);
  g_assert_cmpuint (rounds->len, ==, 1);
  r = &g_array_index (rounds, NvFaktorRound, 0);
  g_assert_cmpint (r->respondents, ==, 12);
  g_assert_cmpfloat (r->means[0], ==, 4.1);
  g_assert_cmpfloat (r->means[1], ==, 3.9);
  g_assert_true (isnan (r->means[6])); /* empty factor */
  g_assert_cmpfloat (r->means[9], ==, 4.8);
  {
    int lowest[2];
    nv_faktor_lowest_two (r, lowest);
    g_assert_cmpint (lowest[0], ==, 4); /* mestringsorientert ledelse 3,2 */
    g_assert_cmpint (lowest[1], ==, 8); /* mestringsklima 3,3 */
  }
  {
    /* The shipped mapping: leadership → «leadership»; climate → «mastery-climate». */
    g_auto (GStrv) themes = nv_faktor_suggested_themes (r);
    g_assert_cmpuint (g_strv_length (themes), ==, 2);
    g_assert_cmpstr (themes[0], ==, "leadership");
    g_assert_cmpstr (themes[1], ==, "mastery-climate");
  }
  /* Every factor maps to at least one valid theme. */
  for (int f = 0; f < NV_FAKTOR_N; f++)
    {
      g_auto (GStrv) themes = nv_faktor_themes_for_factor (f);
      g_assert_cmpuint (g_strv_length (themes), >=, 1);
    }
}

static void
expect_refused (Fixture *fx, gint64 unit, const char *text, const char *message)
{
  g_autoptr (GError) error = NULL;
  guint before = count_rounds (fx, unit, TRUE);

  g_assert_false (import_text (fx, text, FALSE, NULL, &error));
  g_assert_nonnull (error);
  if (message != NULL)
    g_assert_cmpstr (error->message, ==, message);
  g_assert_cmpuint (count_rounds (fx, unit, TRUE), ==, before);
}

static void
test_import_errors (Fixture *fx, gconstpointer data)
{
  gint64 a = nv_test_add_unit (fx->store, "Avdeling A", "helse-omsorg", NULL);

  expect_refused (fx, a,
                  "enhet;dato;respondenter;mestringsklima\n"
                  "Avdeling A;2025-03-31;12;4\n"
                  "Avdeling A;2024-03-31;12;5,5\n",
                  "faktor.csv:3: mestringsklima: 5,5 is outside the scale 1–5");
  expect_refused (fx, a,
                  "unit;date;respondents;mastery_climate\n"
                  "Avdeling A;2025-03-31;12;0,9\n",
                  "faktor.csv:2: mastery_climate: 0,9 is outside the scale 1–5");
  expect_refused (fx, a,
                  "enhet;dato;respondenter;mestringsklima\n"
                  "Avdeling A;2025-03-31;12;4\n"
                  "Avdeling Z;2025-03-31;12;4\n",
                  "faktor.csv:3: enhet: there is no unit called “Avdeling Z” (add it first, or "
                  "import with --create-units)");
  expect_refused (fx, a,
                  "enhet;dato;respondenter;mestringsklima\n"
                  "Avdeling A;2025-03-31;12;4\n"
                  "Avdeling A;31.03.2025;9;4\n",
                  "faktor.csv:3: dato: Avdeling A has a round on 2025-03-31 already on line 2");
  expect_refused (fx, a,
                  "enhet;dato;respondenter;mestringsklima\n"
                  "Avdeling A;2025-02-30;12;4\n",
                  "faktor.csv:2: dato: 2025-02-30 is not a date that exists");
  expect_refused (fx, a,
                  "enhet;dato;respondenter;mestringsklima\n"
                  "Avdeling A;2025-03-31;tolv;4\n",
                  "faktor.csv:2: respondenter: “tolv” is not a number");
  expect_refused (fx, a,
                  "enhet;dato;respondenter;mestringsklimaa\n"
                  "Avdeling A;2025-03-31;12;4\n",
                  NULL);
}

static void
test_create_units (Fixture *fx, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (NvUnit) unit = NULL;
  guint n = 0;

  g_assert_true (import_text (fx, "enhet;dato;respondenter;autonomi\nNy enhet;2025-03-31;4;3\n",
                              TRUE, &n, &error));
  g_assert_no_error (error);
  unit = nv_unit_find (fx->store, "Ny enhet", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (unit->sector, ==, "annet");
  g_assert_cmpuint (count_rounds (fx, unit->id, FALSE), ==, 1);
}

/* ---- research --------------------------------------------------------------- */

static void
test_research (Fixture *fx, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  /* Twelve months 2024-04 … 2025-03 for A, B, C, D, H, E (9 persons) and
   * F (4: fewer than 5 persons), then G (barnehage). */
  g_autoptr (GString) monthly = nv_test_research_monthly ("");
  g_autoptr (NvResearch) res = NULL;
  g_autoptr (NvResearch) doc = NULL;
  g_autoptr (NvResearch) few = NULL;
  g_autofree char *words = NULL;

  nv_test_add_research_units (fx->store, "");
  nv_test_append_research_months (monthly, "G", 0.5, 1.0, 9);
  /* Outside the four quarters: must not count. */
  g_string_append (monthly, "A;2024-03;100;50;50;9\nD;2025-04;100;50;50;9\n");
  g_assert_true (nv_import_data (fx->store, NV_IMPORT_MONTHLY, 0, "m.csv", monthly->str,
                                 monthly->len, NULL, &error));
  g_assert_no_error (error);

  /* D's survey closes mid-quarter (2025-04-15): its four complete quarters
   * are still 2024-Q2 … 2025-Q1. E's latest round has 2 respondents (an
   * older one had 10): E is left out. */
  g_assert_true (import_text (fx,
                              "enhet;dato;respondenter;mestringsklima;autonomi\n"
                              "A;2025-03-31;10;3,2;4\n"
                              "B;2025-03-31;10;3,8;4\n"
                              "C;2025-03-31;10;4,1;4\n"
                              "D;2025-04-15;10;4,6;4\n"
                              "H;2025-03-31;10;3,5;4\n"
                              "E;2024-03-31;10;3,0;4\n"
                              "E;2025-03-31;2;3,0;4\n"
                              "F;2025-03-31;10;3,0;4\n"
                              "G;2025-03-31;10;3,0;4\n",
                              FALSE, NULL, &error));
  g_assert_no_error (error);

  res = nv_research_compute (fx->store, nv_faktor_factor_index ("mestringsklima"),
                             "helse-omsorg", NV_RESEARCH_TOTAL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (res->n, ==, 5);
  g_assert_cmpuint (res->excluded, ==, 2);
  g_assert_cmpuint (res->excluded_respondents, ==, 1);
  g_assert_cmpuint (res->excluded_persons, ==, 1);
  /* Σ contracted = Σ(100 + 20·i, i = 0…11) = 2520 for every unit.
   * A: Σ lost = 12·0.5 + 12·2.0 + 6·0.5 = 33 → 33·100/2520 = 1.3095238095238095
   * (an average of the monthly percentages would differ: contracted varies). */
  {
    const NvResearchPoint *p = &g_array_index (res->points, NvResearchPoint, 0);
    g_assert_cmpstr (p->unit_name, ==, "A");
    g_assert_cmpfloat_with_epsilon (p->percent, 33.0 * 100 / 2520, EPS);
    g_assert_cmpfloat (p->factor_mean, ==, 3.2);
    p = &g_array_index (res->points, NvResearchPoint, 3);
    g_assert_cmpstr (p->unit_name, ==, "D");
    /* D: 12·0.3 + 12·0.8 + 3 = 16.2 → 0.6428571428571429 (2025-04 not in) */
    g_assert_cmpfloat_with_epsilon (p->percent, 16.2 * 100 / 2520, EPS);
  }
  /* x = [3.2, 3.8, 4.1, 4.6, 3.5] (A, B, C, D, H)
   * y = [33, 25.8, 24.6, 16.2, 30.6]·100/2520
   * Python: slope = −0.4688769705834554, intercept = 2.833820900373802,
   * r = −0.9863262273751888, Fisher z with h = 1.959964/√2:
   * ci = (−0.999139204403388, −0.8017089185160462) */
  g_assert_cmpfloat_with_epsilon (res->r, -0.9863262273751888, EPS);
  g_assert_cmpfloat_with_epsilon (res->ci_low, -0.999139204403388, EPS);
  g_assert_cmpfloat_with_epsilon (res->ci_high, -0.8017089185160462, EPS);
  g_assert_cmpfloat_with_epsilon (res->slope, -0.4688769705834554, EPS);
  g_assert_cmpfloat_with_epsilon (res->intercept, 2.833820900373802, EPS);

  /* Legemeldt only: y = [27, 21, 17.4, 12.6, 22.2]·100/2520
   * r = −0.9906210396853206, slope = −0.39167885584267853,
   * intercept = 2.299284901673981, ci = (−0.9994107665971814, −0.8599004969115367) */
  doc = nv_research_compute (fx->store, nv_faktor_factor_index ("mastery_climate"),
                             "helse-omsorg", NV_RESEARCH_DOCTOR, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (doc->r, -0.9906210396853206, EPS);
  g_assert_cmpfloat_with_epsilon (doc->slope, -0.39167885584267853, EPS);
  g_assert_cmpfloat_with_epsilon (doc->intercept, 2.299284901673981, EPS);
  g_assert_cmpfloat_with_epsilon (doc->ci_low, -0.9994107665971814, EPS);
  g_assert_cmpfloat_with_epsilon (doc->ci_high, -0.8599004969115367, EPS);

  words = nv_research_describe (res);
  g_assert_nonnull (strstr (words, "not proof"));
  g_assert_nonnull (strstr (words, "2 units were left out"));

  /* Kindergartens: one unit, too few. */
  few = nv_research_compute (fx->store, 8, "barnehage", NV_RESEARCH_TOTAL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (few->n, ==, 1);
  g_assert_true (isnan (few->r) && isnan (few->slope) && isnan (few->ci_low));
  g_clear_pointer (&words, g_free);
  words = nv_research_describe (few);
  g_assert_nonnull (strstr (words, "too few"));
}

static void
test_municipal_means (Fixture *fx, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  double means[NV_FAKTOR_N];
  guint n[NV_FAKTOR_N];

  nv_test_add_unit (fx->store, "A", "helse-omsorg", NULL);
  nv_test_add_unit (fx->store, "B", "barnehage", NULL);
  nv_test_add_unit (fx->store, "C", "annet", NULL);
  g_assert_true (import_text (fx,
                              "enhet;dato;respondenter;autonomi;rolleklarhet\n"
                              "A;2024-03-31;10;2,0;3\n"
                              "A;2025-03-31;10;4,0;\n"
                              "B;2025-03-31;10;3,0;4\n"
                              "C;2025-03-31;2;1,0;1\n",
                              FALSE, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (nv_faktor_municipal_means (fx->store, NV_DAY_NONE, means, n, &error));
  /* autonomi: latest usable rounds A 4,0 and B 3,0 (C has 2 respondents) → 3,5 */
  g_assert_cmpfloat_with_epsilon (means[2], 3.5, EPS);
  g_assert_cmpuint (n[2], ==, 2);
  /* rolleklarhet: A's latest lacks it, its 2024 round has 3; B 4 → 3,5 */
  g_assert_cmpfloat_with_epsilon (means[5], 3.5, EPS);
  g_assert_true (isnan (means[0]));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/faktor/fit", test_fit);
#define ADD(path, fn) g_test_add (path, Fixture, NULL, nv_test_db_setup, fn, nv_test_db_teardown)
  ADD ("/faktor/import", test_import);
  ADD ("/faktor/import-errors", test_import_errors);
  ADD ("/faktor/create-units", test_create_units);
  ADD ("/faktor/research", test_research);
  ADD ("/faktor/municipal-means", test_municipal_means);
  return g_test_run ();
}
