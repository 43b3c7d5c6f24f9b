/* nv-research.c — a 10-FAKTOR factor against sick leave across the units of
 * one sector: least squares, Pearson r and its Fisher-z interval.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-research"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "nv-faktor.h"
#include "nv-format.h"
#include "nv-stats.h"
#include "nv-unit.h"

#define Z_975 1.959964 /* the 97.5 % point of the standard normal */

static void
point_clear (NvResearchPoint *point)
{
  g_free (point->unit_name);
}

void
nv_research_free (NvResearch *research)
{
  if (research == NULL)
    return;
  g_free (research->sector);
  g_clear_pointer (&research->points, g_array_unref);
  g_free (research);
}

gboolean
nv_research_measure_parse (const char *text, NvResearchMeasure *measure)
{
  if (g_strcmp0 (text, "totalt") == 0)
    *measure = NV_RESEARCH_TOTAL;
  else if (g_strcmp0 (text, "legemeldt") == 0)
    *measure = NV_RESEARCH_DOCTOR;
  else
    return FALSE;
  return TRUE;
}

const char *
nv_research_measure_to_string (NvResearchMeasure measure)
{
  return measure == NV_RESEARCH_DOCTOR ? "legemeldt" : "totalt";
}

void
nv_research_fit (const double *x, const double *y, guint n, double *r, double *ci_low,
                 double *ci_high, double *slope, double *intercept)
{
  double mx = 0, my = 0, sxx = 0, syy = 0, sxy = 0;

  *r = *ci_low = *ci_high = *slope = *intercept = NAN;
  if (n < 3)
    return;
  for (guint i = 0; i < n; i++)
    {
      mx += x[i];
      my += y[i];
    }
  mx /= n;
  my /= n;
  /* Centred sums: stable when the means are large against the spread. */
  for (guint i = 0; i < n; i++)
    {
      sxx += (x[i] - mx) * (x[i] - mx);
      syy += (y[i] - my) * (y[i] - my);
      sxy += (x[i] - mx) * (y[i] - my);
    }
  if (sxx > 0)
    {
      *slope = sxy / sxx;
      *intercept = my - *slope * mx;
    }
  if (sxx > 0 && syy > 0)
    {
      double z, half;

      *r = CLAMP (sxy / sqrt (sxx * syy), -1.0, 1.0);
      z = atanh (*r);
      /* n = 3: the interval is the whole range (−1, 1), which is honest. */
      half = n > 3 ? Z_975 / sqrt ((double) n - 3) : INFINITY;
      *ci_low = tanh (z - half);
      *ci_high = tanh (z + half);
    }
}

/* The four complete quarters that end on or before @date. */
static void
four_quarters (NvDay date, NvDay *from, NvDay *to)
{
  NvDay last_end = nv_period_end (NV_PERIOD_QUARTER, date);
  int y, m, d;

  if (last_end != date)
    last_end = nv_period_start (NV_PERIOD_QUARTER, date) - 1;
  nv_day_to_ymd (last_end, &y, &m, &d);
  /* The quarter ending in month m of year y − 1 ends a year earlier; the
   * four quarters start the day after it. */
  *from = nv_period_end (NV_PERIOD_QUARTER, nv_day_from_ymd (y - 1, m, 1)) + 1;
  *to = last_end;
}

static int
compare_points (gconstpointer a, gconstpointer b)
{
  const NvResearchPoint *pa = a, *pb = b;

  return g_utf8_collate (pa->unit_name, pb->unit_name);
}

NvResearch *
nv_research_compute (NvStore *store, int factor, const char *sector, NvResearchMeasure measure,
                     GError **error)
{
  g_autoptr (NvResearch) research = g_new0 (NvResearch, 1);
  g_autoptr (GPtrArray) units = NULL;
  g_autofree double *x = NULL;
  g_autofree double *y = NULL;

  g_return_val_if_fail (factor >= 0 && factor < NV_FAKTOR_N, NULL);
  research->factor = factor;
  research->sector = g_strdup (sector);
  research->measure = measure;
  research->points = g_array_new (FALSE, TRUE, sizeof (NvResearchPoint));
  g_array_set_clear_func (research->points, (GDestroyNotify) point_clear);

  units = nv_unit_list (store, error);
  if (units == NULL)
    return NULL;
  for (guint u = 0; u < units->len; u++)
    {
      NvUnit *unit = g_ptr_array_index (units, u);
      g_autoptr (GArray) rounds = NULL;
      g_autoptr (GArray) periods = NULL;
      const NvFaktorRound *round;
      const NvStatsPeriod *p;
      NvStatsQuery query = { NV_PERIOD_RANGE, 0, 0, 0 };
      NvResearchPoint point = { 0 };

      if (g_strcmp0 (unit->sector, sector) != 0)
        continue;
      rounds = nv_faktor_rounds (store, unit->id, TRUE, error);
      if (rounds == NULL)
        return NULL;
      if (rounds->len == 0)
        continue; /* not surveyed: not part of the comparison at all */
      round = &g_array_index (rounds, NvFaktorRound, rounds->len - 1);
      if (!nv_faktor_round_usable (round))
        {
          research->excluded++;
          research->excluded_respondents++;
          continue;
        }
      four_quarters (round->date, &query.from, &query.to);
      query.as_of = query.to;
      periods = nv_stats_for_unit (store, unit->id, &query, error);
      if (periods == NULL)
        return NULL;
      p = periods->len == 1 ? &g_array_index (periods, NvStatsPeriod, 0) : NULL;
      if (p != NULL && p->contracted_days > 0 && p->masked)
        {
          research->excluded++;
          research->excluded_persons++;
          continue;
        }
      if (p == NULL || p->contracted_days <= 0 || isnan (round->means[factor]))
        {
          research->excluded++;
          research->excluded_no_data++;
          continue;
        }
      point.unit_id = unit->id;
      point.unit_name = g_strdup (unit->name);
      point.date = round->date;
      point.factor_mean = round->means[factor];
      point.from = query.from;
      point.to = query.to;
      point.percent = measure == NV_RESEARCH_DOCTOR ? p->percent_doctor : p->percent;
      point.persons = p->persons;
      g_array_append_val (research->points, point);
    }
  g_array_sort (research->points, compare_points);
  research->n = research->points->len;

  x = g_new (double, research->n + 1);
  y = g_new (double, research->n + 1);
  for (guint i = 0; i < research->n; i++)
    {
      x[i] = g_array_index (research->points, NvResearchPoint, i).factor_mean;
      y[i] = g_array_index (research->points, NvResearchPoint, i).percent;
    }
  nv_research_fit (x, y, research->n, &research->r, &research->ci_low, &research->ci_high,
                   &research->slope, &research->intercept);
  return g_steal_pointer (&research);
}

/* ---- Words ------------------------------------------------------------------ */

static const char *
strength_word (double r)
{
  double a = fabs (r);

  if (a < 0.1)
    return NULL;
  if (a < 0.3)
    return _("a weak link");
  if (a < 0.5)
    return _("a moderate link");
  return _("a strong link");
}

char *
nv_research_describe (const NvResearch *research)
{
  g_autoptr (GString) out = g_string_new (NULL);
  const char *factor = nv_faktor_factor_label (research->factor);
  /* Mid-sentence: «i helse og omsorg». */
  g_autofree char *sector = g_utf8_strdown (nv_sector_label (research->sector), -1);

  if (research->n < 3)
    g_string_append_printf (out,
                            g_dngettext (GETTEXT_PACKAGE,
                                         "Only %u unit in %s can be used — too few to say "
                                         "anything about a link. At least 3 are needed, and "
                                         "far more before a link can be told from chance.",
                                         "Only %u units in %s can be used — too few to say "
                                         "anything about a link. At least 3 are needed, and "
                                         "far more before a link can be told from chance.",
                                         research->n),
                            research->n, sector);
  else if (isnan (research->r))
    g_string_append_printf (out,
                            _("The %u units in %s do not differ enough in «%s» or in sick "
                              "leave to compute a link."),
                            research->n, sector, factor);
  else
    {
      g_autofree char *r = nv_format_fixed (research->r, 2, NV_FORMAT_SCREEN);
      g_autofree char *lo = nv_format_fixed (research->ci_low, 2, NV_FORMAT_SCREEN);
      g_autofree char *hi = nv_format_fixed (research->ci_high, 2, NV_FORMAT_SCREEN);
      const char *strength = strength_word (research->r);

      if (strength == NULL)
        g_string_append_printf (out,
                                _("Across %u units in %s there is hardly any link between «%s» "
                                  "and sick leave (r = %s)."),
                                research->n, sector, factor, r);
      else if (research->r < 0)
        /* e.g. «Across 12 units in Health and care there is a moderate link: units with
         * higher «Mastery climate» tended to have lower sick leave (r = −0,42).»
         * The third %s is «a weak link», «a moderate link» or «a strong link». */
        g_string_append_printf (out,
                                _("Across %u units in %s the figures show %s: units with higher "
                                  "«%s» tended to have lower sick leave (r = %s)."),
                                research->n, sector, strength, factor, r);
      else
        g_string_append_printf (out,
                                _("Across %u units in %s the figures show %s: units with higher "
                                  "«%s» tended to have higher sick leave (r = %s)."),
                                research->n, sector, strength, factor, r);
      g_string_append_c (out, ' ');
      if (research->ci_low <= 0 && research->ci_high >= 0)
        g_string_append_printf (out,
                                _("The 95 %% confidence interval runs from %s to %s and "
                                  "includes 0: with so few units the figures are also "
                                  "consistent with no link at all."),
                                lo, hi);
      else
        g_string_append_printf (out,
                                _("The 95 %% confidence interval runs from %s to %s and does "
                                  "not include 0."),
                                lo, hi);
      g_string_append_c (out, ' ');
      g_string_append (out, _("A link between units is not proof that one causes the other: "
                              "other differences between the units may lie behind both."));
    }
  if (research->excluded > 0)
    {
      g_string_append_c (out, ' ');
      g_string_append_printf (out,
                              g_dngettext (GETTEXT_PACKAGE,
                                           "%u unit was left out (fewer than 5 persons, fewer "
                                           "than 3 respondents or no figures).",
                                           "%u units were left out (fewer than 5 persons, fewer "
                                           "than 3 respondents or no figures).",
                                           research->excluded),
                              research->excluded);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}
