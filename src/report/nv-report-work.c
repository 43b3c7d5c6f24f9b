/* nv-report-work.c — the unit report's work sections: follow-up
 * compliance (counted, never named), measures and workshops.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-report"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "nv-faktor.h"
#include "nv-followup.h"
#include "nv-format.h"
#include "nv-measure.h"
#include "nv-report-private.h"
#include "nv-workshop.h"

enum
{
  ON_TIME,
  LATE,
  OVERDUE,
  NOT_DUE,
  N_COUNTS
};

static char *
count_text (guint n)
{
  return g_strdup_printf ("%u", n);
}

gboolean
nv_report_add_followup (NvDocument *doc, NvStore *store, gint64 unit_id, NvDay from, NvDay to,
                        NvDay as_of, gboolean hide, GError **error)
{
  static const double widths[] = { 0.40, 0.15, 0.15, 0.15, 0.15 };
  g_autoptr (GPtrArray) milestones = NULL;
  const char *const *ids = nv_milestone_ids ();
  guint counts[16][N_COUNTS] = { { 0 } };
  guint total[N_COUNTS] = { 0 };
  guint n_ids = g_strv_length ((char **) ids);
  guint n_listed = 0;
  NvDocTable *t;
  const char *header[] = { _("Step"), _("Done on time"), _("Done late"), _("Overdue"),
                           _("Not due yet") };

  nv_document_add_heading (doc, _("Follow-up of sick-listed employees"));
  if (hide)
    {
      nv_document_add_text (doc, _("Not shown: the unit had fewer than five persons in the last "
                                   "quarter, and so few cases could point to a person."));
      return TRUE;
    }
  milestones = nv_followup_list (store, unit_id, as_of, error);
  if (milestones == NULL)
    return FALSE;
  n_ids = MIN (n_ids, G_N_ELEMENTS (counts));
  for (guint i = 0; i < milestones->len; i++)
    {
      NvMilestone *m = g_ptr_array_index (milestones, i);
      int kind;

      if (m->due < from || m->due > to || m->status == NV_MILESTONE_OPTIONAL)
        continue;
      if (m->status == NV_MILESTONE_DONE)
        kind = m->done_on <= m->due ? ON_TIME : LATE;
      else if (m->status == NV_MILESTONE_OVERDUE)
        kind = OVERDUE;
      else
        kind = NOT_DUE;
      for (guint k = 0; k < n_ids; k++)
        if (g_strcmp0 (ids[k], m->milestone) == 0)
          {
            counts[k][kind]++;
            total[kind]++;
            n_listed++;
          }
    }
  if (n_listed == 0)
    {
      nv_document_add_text (doc, _("No follow-up step fell due in the period."));
      return TRUE;
    }
  nv_document_add_text (doc, _("The steps the law and NAV require for employees on doctor-certified "
                               "sick leave whose due date falls in the period, counted by what "
                               "happened to them. No names are given."));
  t = nv_document_add_table (doc, 5, widths);
  nv_doc_table_add_header (t, header);
  for (guint k = 0; k < n_ids; k++)
    {
      g_autofree char *c0 = count_text (counts[k][ON_TIME]);
      g_autofree char *c1 = count_text (counts[k][LATE]);
      g_autofree char *c2 = count_text (counts[k][OVERDUE]);
      g_autofree char *c3 = count_text (counts[k][NOT_DUE]);
      const char *cells[] = { nv_milestone_title (ids[k]), c0, c1, c2, c3 };

      if (counts[k][ON_TIME] + counts[k][LATE] + counts[k][OVERDUE] + counts[k][NOT_DUE] > 0)
        nv_doc_table_add_row (t, cells);
    }
  {
    g_autofree char *c0 = count_text (total[ON_TIME]);
    g_autofree char *c1 = count_text (total[LATE]);
    g_autofree char *c2 = count_text (total[OVERDUE]);
    g_autofree char *c3 = count_text (total[NOT_DUE]);
    const char *cells[] = { _("All steps"), c0, c1, c2, c3 };
    nv_doc_table_add_total (t, cells);
  }
  return TRUE;
}

static char *
effect_text (NvStore *store, const NvMeasure *m, NvDay as_of, gboolean unmasked, GError **error,
             gboolean *ok)
{
  NvMeasureEffect effect = { 0 };
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  char *text;

  *ok = nv_measure_effect_compute (store, m, as_of, &effect, error);
  if (!*ok)
    return NULL;
  if (effect.n_before == 0 || !effect.before_has_data)
    before = g_strdup ("–");
  else if (effect.before_masked && !unmasked)
    before = g_strdup (_("hidden"));
  else
    before = nv_format_percent_sign (effect.before_percent);
  if (effect.n_after == 0 || !effect.after_has_data)
    after = g_strdup (_("not yet"));
  else if (effect.after_masked && !unmasked)
    after = g_strdup (_("hidden"));
  else
    after = nv_format_percent_sign (effect.after_percent);
  nv_measure_effect_clear (&effect);
  text = g_strdup_printf ("%s → %s", before, after);
  return text;
}

gboolean
nv_report_add_measures (NvDocument *doc, NvStore *store, gint64 unit_id, NvDay from, NvDay to,
                        NvDay as_of, gboolean unmasked, GError **error)
{
  static const double widths[] = { 0.33, 0.14, 0.19, 0.13, 0.21 };
  g_autoptr (GPtrArray) measures = nv_measure_list_by_start (store, unit_id, error);
  const char *header[] = { _("Measure"), _("Status"), _("Owner"), _("Started"),
                           _("Sick leave before → after") };
  NvDocTable *t = NULL;

  if (measures == NULL)
    return FALSE;
  nv_document_add_heading (doc, _("Measures"));
  for (guint i = 0; i < measures->len; i++)
    {
      NvMeasure *m = g_ptr_array_index (measures, i);
      g_autofree char *start = NULL;
      g_autofree char *status = NULL;
      g_autofree char *effect = NULL;
      gboolean ok = TRUE;

      /* Those at work in the period: started by its end, and not closed before it. */
      if (m->start > to || ((m->status == NV_MEASURE_DONE ||
                             m->status == NV_MEASURE_DISCONTINUED) && m->status_day < from))
        continue;
      if (t == NULL)
        {
          nv_document_add_text (doc, _("Measures the unit worked on in the period. «Before» is "
                                       "sick leave in up to four quarters before the quarter the "
                                       "measure started, «after» in up to four complete quarters "
                                       "after it. A change is not proof of an effect."));
          t = nv_document_add_table (doc, 5, widths);
          nv_doc_table_set_align (t, 1, PANGO_ALIGN_LEFT);
          nv_doc_table_set_align (t, 2, PANGO_ALIGN_LEFT);
          nv_doc_table_add_header (t, header);
        }
      start = nv_day_format_local (m->start);
      status = nv_measure_is_overdue (m, as_of)
                 /* Translators: a measure's status in the report, «In progress, overdue» */
                 ? g_strdup_printf (_("%s, overdue"), nv_measure_status_label (m->status))
                 : g_strdup (nv_measure_status_label (m->status));
      effect = effect_text (store, m, as_of, unmasked, error, &ok);
      if (!ok)
        return FALSE;
      {
        const char *cells[] = { m->title, status, *m->owner != '\0' ? m->owner : "–", start,
                                effect };
        nv_doc_table_add_row (t, cells);
      }
    }
  if (t == NULL)
    nv_document_add_text (doc, _("No measures were under way in the period."));
  return TRUE;
}

gboolean
nv_report_add_workshops (NvDocument *doc, NvStore *store, gint64 unit_id, NvDay from, NvDay to,
                         NvDay as_of, GError **error)
{
  static const double widths[] = { 0.18, 0.52, 0.15, 0.15 };
  g_autoptr (GPtrArray) workshops = nv_workshop_list (store, unit_id, error);
  const char *header[] = { _("Date"), _("Workshop"), _("Staff taking part"),
                           _("Measures agreed") };
  NvDocTable *t = NULL;

  if (workshops == NULL)
    return FALSE;
  nv_document_add_heading (doc, _("Dialogue workshops held"));
  for (guint i = 0; i < workshops->len; i++)
    {
      NvWorkshop *w = g_ptr_array_index (workshops, i);
      NvDay day = nv_day_parse_iso (w->date);
      g_autoptr (GPtrArray) agreed = NULL;
      g_autofree char *date = NULL;
      g_autofree char *staff = NULL;
      g_autofree char *n_agreed = NULL;

      if (day == NV_DAY_NONE || day < from || day > MIN (to, as_of))
        continue;
      agreed = nv_workshop_measures (store, w->id, error);
      if (agreed == NULL)
        return FALSE;
      if (t == NULL)
        {
          t = nv_document_add_table (doc, 4, widths);
          nv_doc_table_set_align (t, 1, PANGO_ALIGN_LEFT);
          nv_doc_table_add_header (t, header);
        }
      date = nv_day_format_local (day);
      staff = w->staff > 0 ? g_strdup_printf ("%d", w->staff) : g_strdup ("–");
      n_agreed = g_strdup_printf ("%u", agreed->len);
      {
        const char *cells[] = { date, nv_workshop_display_title (w), staff, n_agreed };
        nv_doc_table_add_row (t, cells);
      }
    }
  if (t == NULL)
    nv_document_add_text (doc, _("No dialogue workshop was held in the period."));
  return TRUE;
}

static char *
mean_text (double mean)
{
  return isnan (mean) ? g_strdup ("–") : nv_format_decimal (nv_round_half_up (mean, 1), 1);
}

gboolean
nv_report_add_faktor (NvDocument *doc, NvStore *store, gint64 unit_id, NvDay as_of,
                      GError **error)
{
  static const double widths[] = { 0.40, 0.20, 0.20, 0.20 };
  g_autoptr (GArray) rounds = nv_faktor_rounds (store, unit_id, FALSE, error);
  const NvFaktorRound *latest = NULL, *previous = NULL;
  double municipal[NV_FAKTOR_N];
  guint n_units[NV_FAKTOR_N];
  g_autofree char *latest_date = NULL;
  g_autofree char *previous_date = NULL;
  g_autofree char *intro = NULL;
  NvDocTable *t;
  int lowest[2];

  if (rounds == NULL)
    return FALSE;
  for (guint i = 0; i < rounds->len; i++)
    {
      const NvFaktorRound *r = &g_array_index (rounds, NvFaktorRound, i);
      if (r->date > as_of)
        break;
      previous = latest;
      latest = r;
    }
  if (latest == NULL)
    return TRUE; /* no survey: no section */
  if (!nv_faktor_municipal_means (store, latest->date, municipal, n_units, error))
    return FALSE;

  latest_date = nv_day_format_local (latest->date);
  nv_document_add_heading (doc, _("10-FAKTOR: how the staff see their work"));
  nv_faktor_lowest_two (latest, lowest);
  intro = g_strdup_printf (
    g_dngettext (GETTEXT_PACKAGE,
                 "KS’ employee survey closed on %s with %d respondent. Means on a scale from 1 "
                 "to 5; higher is better.",
                 "KS’ employee survey closed on %s with %d respondents. Means on a scale from 1 "
                 "to 5; higher is better.",
                 latest->respondents),
    latest_date, latest->respondents);
  nv_document_add_text (doc, intro);
  t = nv_document_add_table (doc, 4, widths);
  {
    const char *header[] = { _("Factor"), latest_date, NULL, _("Municipality") };
    if (previous != NULL)
      header[2] = previous_date = nv_day_format_local (previous->date);
    else
      header[2] = _("Previous round");
    nv_doc_table_add_header (t, header);
  }
  for (int f = 0; f < NV_FAKTOR_N; f++)
    {
      g_autofree char *now = mean_text (latest->means[f]);
      g_autofree char *before = mean_text (previous != NULL ? previous->means[f] : NAN);
      g_autofree char *all = mean_text (municipal[f]);
      const char *cells[] = { nv_faktor_factor_label (f), now, before, all };
      nv_doc_table_add_row (t, cells);
    }
  if (lowest[0] >= 0 && lowest[1] >= 0)
    {
      g_autofree char *low = g_strdup_printf (_("The two lowest factors: %s and %s. They are a "
                                                "good place to start at the next dialogue "
                                                "workshop."),
                                              nv_faktor_factor_label (lowest[0]),
                                              nv_faktor_factor_label (lowest[1]));
      nv_document_add_note (doc, low);
    }
  return TRUE;
}
