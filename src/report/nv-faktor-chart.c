/* nv-faktor-chart.c — the 10-FAKTOR charts (see nv-faktor-chart.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-faktor-chart"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "nv-faktor-chart.h"
#include "nv-measure.h"
#include "nv-unit.h"

static char *
themes_sentence (const NvFaktorRound *round)
{
  g_auto (GStrv) themes = nv_faktor_suggested_themes (round);
  g_autoptr (GString) list = g_string_new (NULL);
  int lowest[2];

  nv_faktor_lowest_two (round, lowest);
  if (themes[0] == NULL || lowest[0] < 0)
    return NULL;
  for (guint i = 0; themes[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append (list, themes[i + 1] == NULL ? _(" and ") : ", ");
      g_string_append_printf (list, "«%s»", nv_measure_theme_label (themes[i]));
    }
  if (lowest[1] < 0)
    return g_strdup_printf (_("Themes for the next dialogue workshop: %s (from the lowest "
                              "factor, «%s»)."),
                            list->str, nv_faktor_factor_label (lowest[0]));
  /* TRANSLATORS: «Themes for the next dialogue workshop: «Leadership that sees and
   * involves» and «Mastery climate and collegial support» (from the two lowest factors,
   * «Mastery-oriented leadership» and «Mastery climate»).» */
  return g_strdup_printf (_("Themes for the next dialogue workshop: %s (from the two lowest "
                            "factors, «%s» and «%s»)."),
                          list->str, nv_faktor_factor_label (lowest[0]),
                          nv_faktor_factor_label (lowest[1]));
}

NvHBars *
nv_faktor_profile_chart (NvStore *store, gint64 unit_id, char **subtitle, char **suggestion)
{
  g_autoptr (GArray) rounds = nv_faktor_rounds (store, unit_id, FALSE, NULL);
  const NvFaktorRound *latest, *previous;
  double means[NV_FAKTOR_N];
  guint n_units[NV_FAKTOR_N];
  NvHBars *bars;
  guint s_prev = 0, s_muni;

  if (rounds == NULL || rounds->len == 0)
    return NULL;
  latest = &g_array_index (rounds, NvFaktorRound, rounds->len - 1);
  previous = rounds->len > 1 ? &g_array_index (rounds, NvFaktorRound, rounds->len - 2) : NULL;
  if (!nv_faktor_municipal_means (store, latest->date, means, n_units, NULL))
    return NULL;
  bars = nv_hbars_new (NV_FAKTOR_N, 1, 5);
  nv_hbars_set_title (bars, _("10-FAKTOR profile"));
  {
    g_autofree char *date = nv_day_format_local (latest->date);
    g_autofree char *label = g_strdup_printf (_("This round (%s)"), date);
    nv_hbars_add_series (bars, label);
  }
  if (previous != NULL)
    {
      g_autofree char *date = nv_day_format_local (previous->date);
      g_autofree char *label = g_strdup_printf (_("Previous round (%s)"), date);
      s_prev = nv_hbars_add_series (bars, label);
    }
  s_muni = nv_hbars_add_series (bars, _("Municipality mean"));
  for (int f = 0; f < NV_FAKTOR_N; f++)
    {
      nv_hbars_set_row_label (bars, f, nv_faktor_factor_label (f));
      nv_hbars_set_value (bars, 0, f, latest->means[f]);
      if (previous != NULL)
        nv_hbars_set_value (bars, s_prev, f, previous->means[f]);
      nv_hbars_set_value (bars, s_muni, f, means[f]);
    }
  if (subtitle != NULL)
    {
      g_autofree char *date = nv_day_format_local (latest->date);
      *subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                "Survey closed %s, %d respondent. Means on a 1–5 "
                                                "scale; higher is better.",
                                                "Survey closed %s, %d respondents. Means on a 1–5 "
                                                "scale; higher is better.",
                                                latest->respondents),
                                   date, latest->respondents);
    }
  if (suggestion != NULL)
    *suggestion = themes_sentence (latest);
  return bars;
}

NvScatter *
nv_research_chart (const NvResearch *research)
{
  NvScatter *scatter = nv_scatter_new ();
  const char *factor = nv_faktor_factor_label (research->factor);
  g_autofree char *title = NULL;
  g_autofree char *x_label = NULL;

  /* TRANSLATORS: chart title: factor and sector, e.g. «Mestringsklima og sykefravær,
   * helse og omsorg» */
  title = g_strdup_printf (_("%s and sick leave, %s"), factor, nv_sector_label (research->sector));
  nv_scatter_set_title (scatter, title);
  x_label = g_strdup_printf (_("%s (unit mean, 1–5)"), factor);
  nv_scatter_set_x_label (scatter, x_label);
  nv_scatter_set_y_label (scatter,
                          research->measure == NV_RESEARCH_DOCTOR
                            ? _("Doctor-certified sick leave, four quarters before the survey")
                            : _("Sick leave (total), four quarters before the survey"));
  nv_scatter_set_y_percent (scatter, TRUE);
  for (guint i = 0; i < research->n; i++)
    {
      const NvResearchPoint *p = &g_array_index (research->points, NvResearchPoint, i);

      nv_scatter_add_point (scatter, p->factor_mean, p->percent, p->unit_name);
    }
  if (research->n >= 3)
    nv_scatter_set_line (scatter, research->intercept, research->slope,
                         _("Least-squares line (a link across units, not a cause)"));
  return scatter;
}

NvHeatmap *
nv_municipal_heatmap (const NvMunicipal *municipal, const char *sector, gboolean for_export)
{
  g_autoptr (GPtrArray) rows = g_ptr_array_new ();
  NvHeatmap *heatmap;

  for (guint i = 0; i < municipal->units->len; i++)
    {
      NvMunicipalUnit *u = g_ptr_array_index (municipal->units, i);

      if (sector == NULL || g_strcmp0 (u->sector, sector) == 0)
        g_ptr_array_add (rows, u);
    }
  heatmap = nv_heatmap_new (rows->len, NV_MUNICIPAL_HEAT_QUARTERS);
  nv_heatmap_set_title (heatmap, _("Sick leave (total) per quarter"));
  nv_heatmap_set_masked_label (heatmap, _("Fewer than 5 persons"));
  nv_heatmap_set_for_export (heatmap, for_export);
  if (municipal->heat_first >= 0)
    for (guint c = 0; c < NV_MUNICIPAL_HEAT_QUARTERS; c++)
      {
        g_autofree char *label = nv_municipal_heat_label (municipal, c);
        nv_heatmap_set_column_label (heatmap, c, label);
      }
  for (guint r = 0; r < rows->len; r++)
    {
      const NvMunicipalUnit *u = g_ptr_array_index (rows, r);

      nv_heatmap_set_row_label (heatmap, r, u->name);
      for (guint c = 0; c < NV_MUNICIPAL_HEAT_QUARTERS; c++)
        nv_heatmap_set_value (heatmap, r, c, u->heat[c], u->heat_masked[c]);
    }
  return heatmap;
}
