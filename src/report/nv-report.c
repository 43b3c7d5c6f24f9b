/* nv-report.c — the unit report: facts, trend and the last four quarters.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-report"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdio.h>

#include "nv-format.h"
#include "nv-report-private.h"
#include "nv-unit.h"

#define TREND_QUARTERS 8 /* two years unless --from says otherwise */
#define FOUR 4

void
nv_report_options_init (NvReportOptions *options)
{
  *options = (NvReportOptions){ 0 };
  options->from = NV_DAY_NONE;
  options->to = NV_DAY_NONE;
  options->as_of = NV_DAY_NONE;
  options->generated = NV_DAY_NONE;
  options->nok_per_day = NV_STATS_DEFAULT_NOK_PER_DAY;
  options->target_percent = NAN;
}

/* "2024-Q2" → «Q2 2024» (translated); anything else as it is. */
static char *
period_label (const char *period)
{
  int year, quarter;

  if (period != NULL && sscanf (period, "%d-Q%d", &year, &quarter) == 2)
    return g_strdup_printf (_("Q%d %d"), quarter, year);
  return g_strdup (period != NULL ? period : "–");
}

static char *
source_text (const NvCompare *c)
{
  guint months = 0, hr = 0;

  for (guint i = 0; i < c->n_quarters; i++)
    {
      months += c->quarters[i].n_months;
      hr += c->quarters[i].n_monthly_months;
    }
  if (hr == 0)
    return g_strdup (_("Computed from the staff list and the absence entered in Nærvær"));
  if (hr == months)
    return g_strdup (_("Monthly figures from the HR system"));
  return g_strdup_printf (
    g_dngettext (GETTEXT_PACKAGE,
                 "Monthly figures from the HR system for %u month, the other months computed "
                 "from the staff list and the absence entered in Nærvær",
                 "Monthly figures from the HR system for %u months, the other months computed "
                 "from the staff list and the absence entered in Nærvær",
                 hr),
    hr);
}

static void
add_fact (NvDocTable *t, const char *label, const char *value)
{
  const char *cells[] = { label, value };
  nv_doc_table_add_row (t, cells);
}

static void
add_facts (NvDocument *doc, const NvUnit *unit, const NvCompare *c, const NvReportOptions *o,
           NvDay as_of)
{
  static const double widths[] = { 0.3, 0.7 };
  NvDocTable *t = nv_document_add_table (doc, 2, widths);
  g_autofree char *first = nv_compare_quarter_label (c, 0);
  g_autofree char *last = nv_compare_quarter_label (c, c->n_quarters - 1);
  g_autofree char *period = g_strdup_printf ("%s – %s", first, last);
  g_autofree char *date = nv_day_format_local (as_of);
  g_autofree char *source = source_text (c);
  g_autofree char *unit_text = NULL;
  g_autofree char *bench = NULL;

  nv_doc_table_set_align (t, 1, PANGO_ALIGN_LEFT);
  unit_text = *unit->municipality != '\0'
                ? g_strdup_printf ("%s (%s, %s)", unit->name, nv_sector_label (unit->sector),
                                   unit->municipality)
                : g_strdup_printf ("%s (%s)", unit->name, nv_sector_label (unit->sector));
  add_fact (t, _("Unit"), unit_text);
  add_fact (t, _("Period"), period);
  add_fact (t, _("Figures as of"), date);
  add_fact (t, _("Source of the figures"), source);
  if (c->series->len > 0)
    {
      NvCompareSeries *s = g_ptr_array_index (c->series, 0);
      g_autofree char *latest = period_label (s->latest_period);
      /* Translators: the benchmark in the report's facts: series, measure, newest quarter */
      bench = g_strdup_printf (_("%s, %s sick leave; its newest figure is for %s"), s->label,
                               nv_compare_measure_word (c->measure), latest);
    }
  else
    bench = g_strdup (_("None chosen"));
  add_fact (t, _("Benchmark"), bench);
  add_fact (t, _("Privacy"),
            o->unmasked ? _("NOT MASKED: figures of quarters with fewer than five persons are "
                            "shown. For the leader’s own eyes only.")
                        : _("Figures of quarters with fewer than five persons are hidden."));
}

/* ---- The last four quarters ---------------------------------------------- */

typedef struct
{
  const NvStatsPeriod *p;
  gboolean hide; /* masked and leaving the screen */
  double bench;
} Column;

static char *
pct (const Column *col, double value)
{
  if (col->hide)
    return g_strdup ("–");
  if (col->p->contracted_days <= 0 || isnan (value))
    return g_strdup ("–");
  return nv_format_percent_sign (value);
}

/* «1 257,5»: groups of thousands, at most one decimal. */
static char *
days (const Column *col, double value)
{
  double rounded, whole;
  g_autofree char *groups = NULL;
  int tenth;

  if (col->hide || isnan (value))
    return g_strdup ("–");
  rounded = nv_round_half_up (value, 1);
  whole = floor (rounded);
  tenth = (int) lround ((rounded - whole) * 10);
  groups = nv_format_grouped (whole);
  return tenth != 0 ? g_strdup_printf ("%s,%d", groups, tenth) : g_steal_pointer (&groups);
}

static void
add_table_row (NvDocTable *t, const char *label, Column *cols, guint n,
               char *(*cell) (const Column *col, gpointer data), gpointer data, gboolean total)
{
  g_autoptr (GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);

  g_ptr_array_add (cells, g_strdup (label));
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (cells, cell (&cols[i], data));
  if (total)
    nv_doc_table_add_total (t, (const char *const *) cells->pdata);
  else
    nv_doc_table_add_row (t, (const char *const *) cells->pdata);
}

typedef enum
{
  F_PERSONS,
  F_CONTRACTED,
  F_LOST,
  F_PERCENT,
  F_SELF,
  F_DOCTOR,
  F_SHORT,
  F_LONG,
  F_GRADED,
  F_ARSVERK,
  F_BENCH,
} Field;

typedef struct
{
  Field field;
  int klass; /* for the class rows */
  const NvReportOptions *options;
} CellData;

static char *
field_cell (const Column *col, gpointer data)
{
  const CellData *d = data;
  const NvStatsPeriod *p = col->p;

  switch (d->field)
    {
    case F_PERSONS:
      if (col->hide && p->masked)
        return g_strdup (_("under 5"));
      return g_strdup_printf ("%u", p->persons);
    case F_CONTRACTED:
      return days (col, p->contracted_days);
    case F_LOST:
      return days (col, p->lost_days);
    case F_PERCENT:
      return pct (col, p->percent);
    case F_SELF:
      return pct (col, p->percent_self);
    case F_DOCTOR:
      return pct (col, p->percent_doctor);
    case F_SHORT:
      return pct (col, p->has_case_split ? p->percent_short : NAN);
    case F_LONG:
      return pct (col, p->has_case_split ? p->percent_long : NAN);
    case F_GRADED:
      return pct (col, p->has_case_split ? p->graded_share * 100 : NAN);
    case F_ARSVERK:
      return col->hide ? g_strdup ("–")
                       : nv_format_decimal (nv_round_half_up (nv_stats_arsverk (p->lost_days), 2),
                                            2);
    case F_BENCH:
      return isnan (col->bench) ? g_strdup ("–") : nv_format_percent_sign (col->bench);
    default:
      return g_strdup ("");
    }
}

static char *
class_cell (const Column *col, gpointer data)
{
  const CellData *d = data;
  double shares[NV_CASE_N_CODES];

  if (col->hide || !nv_stats_duration_shares (col->p, shares))
    return g_strdup ("–");
  return nv_format_percent_sign (shares[d->klass] * 100);
}

static char *
cost_cell (const Column *col, gpointer data)
{
  const CellData *d = data;
  if (col->hide)
    return g_strdup ("–");
  return nv_format_nok (nv_round_half_up (nv_stats_cost (col->p->lost_days,
                                                         d->options->nok_per_day), 0));
}

static char *
saving_cell (const Column *col, gpointer data)
{
  const CellData *d = data;
  double saving;

  if (col->hide || col->p->contracted_days <= 0)
    return g_strdup ("–");
  saving = nv_stats_saving_at_target (col->p, d->options->target_percent,
                                      d->options->nok_per_day);
  return isnan (saving) ? g_strdup ("–") : nv_format_nok (nv_round_half_up (saving, 0));
}

static void
add_four_quarters (NvDocument *doc, const NvCompare *c, const NvReportOptions *o)
{
  static const double widths[] = { 0.28, 0.144, 0.144, 0.144, 0.144, 0.144 };
  guint last = (guint) c->latest;
  guint first = last >= FOUR - 1 ? last - (FOUR - 1) : 0;
  guint n = last - first + 1;
  NvStatsPeriod together;
  Column cols[FOUR + 1];
  gboolean any_masked = FALSE;
  NvDocTable *t;
  const NvCompareSeries *series = c->series->len > 0 ? g_ptr_array_index (c->series, 0) : NULL;
  g_autoptr (GPtrArray) header = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *cost_label = NULL;
  g_autofree char *per_day = nv_format_nok (o->nok_per_day);

  together = nv_stats_combine (&c->quarters[first], n);
  g_ptr_array_add (header, g_strdup (""));
  for (guint i = 0; i < n; i++)
    {
      const NvStatsPeriod *p = &c->quarters[first + i];
      gboolean masked = nv_compare_masked (c, first + i);

      any_masked |= masked;
      cols[i] = (Column){ p, masked && !o->unmasked,
                          series != NULL ? series->values[first + i] : NAN };
      g_ptr_array_add (header, nv_compare_quarter_label (c, first + i));
    }
  /* A hidden quarter must not come back as the difference of two sums. */
  cols[n] = (Column){ &together, (together.masked || any_masked) && !o->unmasked, NAN };
  g_ptr_array_add (header, g_strdup (_("Together")));

  nv_document_add_heading (doc, _("The last four quarters"));
  t = nv_document_add_table (doc, n + 2, widths);
  nv_doc_table_add_header (t, (const char *const *) header->pdata);
#define ROW(label, f) \
  do { CellData d = { f, 0, o }; add_table_row (t, label, cols, n + 1, field_cell, &d, FALSE); } \
  while (0)
  ROW (_("Persons on the staff list"), F_PERSONS);
  ROW (_("Contracted days"), F_CONTRACTED);
  ROW (_("Lost days"), F_LOST);
  {
    CellData d = { F_PERCENT, 0, o };
    add_table_row (t, _("Sick leave"), cols, n + 1, field_cell, &d, TRUE);
  }
  ROW (_("Self-certified"), F_SELF);
  ROW (_("Doctor-certified"), F_DOCTOR);
  ROW (_("Short-term (1–16 days)"), F_SHORT);
  ROW (_("Long-term (17 days or more)"), F_LONG);
  ROW (_("Graded share of lost days"), F_GRADED);
  /* The benchmark's row, unless it has no figure for these quarters (the
   * facts say how old its newest is). */
  for (guint i = 0; series != NULL && i < n; i++)
    if (!isnan (cols[i].bench))
      {
        g_autofree char *label = g_strdup_printf (_("Benchmark: %s"), series->label);
        ROW (label, F_BENCH);
        break;
      }
#undef ROW

  {
    const char *cells[FOUR + 2] = { _("Lost days by duration of the case (NAV’s classes)") };
    nv_doc_table_add_header (t, cells);
  }
  for (guint k = 0; k < NV_CASE_N_CODES; k++)
    {
      CellData d = { 0, (int) k, o };
      /* Translators: a NAV duration class in the report: code, then span («A: 1–7 days») */
      g_autofree char *label = g_strdup_printf (_("%c: %s"), nv_case_code_at (k),
                                                nv_case_code_label (k));
      add_table_row (t, label, cols, n + 1, class_cell, &d, FALSE);
    }
  {
    const char *cells[FOUR + 2] = { _("What the absence costs") };
    CellData d = { F_ARSVERK, 0, o };
    nv_doc_table_add_header (t, cells);
    add_table_row (t, _("Lost årsverk (230 days each)"), cols, n + 1, field_cell, &d, FALSE);
    cost_label = g_strdup_printf (_("Cost at %s per lost day"), per_day);
    add_table_row (t, cost_label, cols, n + 1, cost_cell, &d, FALSE);
    if (!isnan (o->target_percent))
      {
        g_autofree char *target = nv_format_percent_sign (o->target_percent);
        g_autofree char *label = g_strdup_printf (_("Saving if sick leave were at the target "
                                                    "of %s"),
                                                  target);
        add_table_row (t, label, cols, n + 1, saving_cell, &d, FALSE);
      }
  }
  nv_document_add_note (
    doc, _("Sick leave is lost days as a share of contracted days (SSB’s and NAV’s definitions). "
           "Short- and long-term, graded sick leave and the duration classes are not known for "
           "months with figures from the HR system (–). A case’s class follows its whole "
           "length, also the days in other quarters. «Together» is lost days over contracted "
           "days for the four quarters, not an average of the percentages."));
}

/* ---- The report ---------------------------------------------------------- */

NvDocument *
nv_report_new (NvStore *store, gint64 unit_id, const NvReportOptions *options, GError **error)
{
  NvReportOptions o;
  g_autoptr (NvUnit) unit = NULL;
  g_autoptr (NvCompare) compare = NULL;
  g_autoptr (NvChart) chart = NULL;
  g_autoptr (NvDocument) doc = NULL;
  g_autofree char *title = NULL;
  g_autofree char *head = NULL;
  g_autofree char *summary = NULL;
  const char *names[] = { NULL, NULL };
  NvDay as_of, from, to;

  if (options != NULL)
    o = *options;
  else
    nv_report_options_init (&o);
  if (o.nok_per_day <= 0)
    o.nok_per_day = NV_STATS_DEFAULT_NOK_PER_DAY;
  as_of = o.as_of != NV_DAY_NONE ? o.as_of : nv_store_today (store);
  names[0] = o.benchmark;

  unit = nv_unit_get (store, unit_id, error);
  if (unit == NULL)
    return NULL;
  if (isnan (o.target_percent) && !nv_unit_get_target (store, unit_id, &o.target_percent, error))
    return NULL;
  compare = nv_compare_new (store, unit_id, names, o.from, o.to, as_of, error);
  if (compare == NULL)
    return NULL;
  if (o.from == NV_DAY_NONE && compare->n_quarters > TREND_QUARTERS)
    {
      g_autoptr (NvCompare) all = g_steal_pointer (&compare);
      from = all->quarters[all->n_quarters - TREND_QUARTERS].start;
      to = all->quarters[all->n_quarters - 1].start;
      compare = nv_compare_new (store, unit_id, names, from, to, as_of, error);
      if (compare == NULL)
        return NULL;
    }
  if (compare->n_with_data == 0)
    {
      g_set_error (error, NV_STORE_ERROR, NV_STORE_ERROR_INVALID,
                   _("%s has no complete quarter with figures in the period yet"), unit->name);
      return NULL;
    }
  from = compare->quarters[0].start;
  to = compare->quarters[compare->n_quarters - 1].end;

  /* Translators: the report's title; %s is the unit */
  title = g_strdup_printf (_("Sick leave at %s"), unit->name);
  /* Translators: the running head on the report's later pages */
  head = g_strdup_printf (_("Sick-leave report · %s"), unit->name);
  doc = nv_document_new (title, head, o.generated);
  nv_document_add_title (doc, title);
  nv_document_add_text (doc, _("A report on the unit’s sick leave for the management and the "
                               "working environment committee (AMU)."));
  add_facts (doc, unit, compare, &o, as_of);

  nv_document_add_heading (doc, _("Quarter by quarter"));
  chart = nv_compare_trend_chart (compare, store, !o.unmasked);
  nv_chart_set_title (chart, NULL);
  nv_document_add_chart (doc, chart, 250);
  /* The one-line summary, when it can name a benchmark figure (or none
   * was chosen). */
  if (compare->series->len == 0 || compare->light_quarter >= 0)
    {
      summary = nv_compare_summary (compare, !o.unmasked);
      nv_document_add_note (doc, summary);
    }
  nv_document_add_note (doc, _("Vertical marks are dialogue workshops and measures, placed on the "
                               "day they were held or started. A gap in a line is a quarter with "
                               "fewer than five persons."));

  add_four_quarters (doc, compare, &o);
  {
    gboolean hide = nv_compare_masked (compare, (guint) compare->latest) && !o.unmasked;
    if (!nv_report_add_followup (doc, store, unit_id, from, to, as_of, hide, error) ||
        !nv_report_add_measures (doc, store, unit_id, from, to, as_of, o.unmasked, error) ||
        !nv_report_add_workshops (doc, store, unit_id, from, to, as_of, error) ||
        !nv_report_add_faktor (doc, store, unit_id, as_of, error))
      return NULL;
  }
  return g_steal_pointer (&doc);
}

gboolean
nv_report_write (NvStore *store, gint64 unit_id, const NvReportOptions *options,
                 const char *path, GError **error)
{
  g_autoptr (NvDocument) doc = nv_report_new (store, unit_id, options, error);

  return doc != NULL && nv_printable_write_pdf (NV_PRINTABLE (doc), path, error);
}
