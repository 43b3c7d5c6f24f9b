/* nv-view-print.c — the municipal overview and the research view as
 * printable documents, and the research table as a sheet.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-view-print"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "nv-compare.h"
#include "nv-faktor-chart.h"
#include "nv-format.h"
#include "nv-unit.h"
#include "nv-format.h"
#include "nv-view-print.h"

/* ---- Municipal overview ---------------------------------------------------- */

/* Masked or missing figures are «–» on paper. */
static char *
percent_cell (double v, gboolean masked)
{
  if (masked || isnan (v))
    return g_strdup ("–");
  return nv_format_percent_sign (v);
}

static char *
trend_cell (const NvMunicipalUnit *u)
{
  g_autofree char *signed_p = NULL;

  if (u->trend_masked || isnan (u->trend_points))
    return g_strdup ("–");
  /* As the Compare section shows the same change: the difference of the two
   * quarters' figures as shown (nv-rating.h), a real minus, «+» only above 0. */
  signed_p = nv_format_points (u->trend_points, 1);
  /* TRANSLATORS: percentage points, e.g. «+0,4 pp» («+0,4 %-poeng»); keep the
   * number and unit together (no-break space; U+2011 for a hyphen) */
  return g_strdup_printf (_("%s pp"), signed_p);
}

static char *
persons_cell (const NvMunicipalUnit *u)
{
  if (u->latest < 0)
    return g_strdup ("–");
  if (u->latest_masked || u->persons < 5)
    /* TRANSLATORS: in the persons column of a masked unit */
    return g_strdup (_("under 5"));
  return g_strdup_printf ("%u", u->persons);
}

static char *
measures_cell (const NvMunicipalUnit *u)
{
  /* Under the header «Measures (overdue)»: «3 (1)». */
  return g_strdup_printf ("%u (%u)", u->open_measures, u->overdue_measures);
}

static void
heatmap_draw (gpointer data, cairo_t *cr, double width, double height, const NvChartStyle *style)
{
  nv_heatmap_draw (data, cr, width, height, style);
}

static void
add_own (NvDocument *doc, const NvMunicipal *m)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *all = NULL;
  g_autofree char *text = NULL;

  if (m->heat_first < 0 || isnan (m->own_percent))
    {
      nv_document_add_text (doc, _("No unit has a complete quarter with figures yet."));
      return;
    }
  from = nv_municipal_heat_label (m, NV_MUNICIPAL_HEAT_QUARTERS - 4);
  to = nv_municipal_heat_label (m, NV_MUNICIPAL_HEAT_QUARTERS - 1);
  all = percent_cell (m->own_percent, m->own_masked);
  /* TRANSLATORS: «The whole municipality, Q4 2025–Q3 2026: 7,1 %» */
  text = g_strdup_printf (_("The whole municipality, %s–%s: %s"), from, to, all);
  nv_document_add_text (doc, text);
}

NvDocument *
nv_municipal_document_new (const NvMunicipal *m, const char *sector, NvDay generated)
{
  static const double widths[] = { 0.21, 0.11, 0.11, 0.11, 0.09, 0.11, 0.12, 0.14 };
  g_autofree char *newest = m->heat_first >= 0
                              ? nv_municipal_heat_label (m, NV_MUNICIPAL_HEAT_QUARTERS - 1)
                              : NULL;
  /* TRANSLATORS: table header: sick leave in the newest quarter, «Sick leave Q3 2026» */
  g_autofree char *latest_header = newest != NULL ? g_strdup_printf (_("Sick leave %s"), newest)
                                                  : g_strdup (_("Sick leave"));
  const char *header[] = { _("Unit"),    _("Four quarters"), _("Change"),
                           _("Light"),   _("Persons"),       _("Measures"),
                           /* TRANSLATORS: a narrow column header on paper; keep it short */
                           C_("print header", "Last workshop") };
  const char *header_row[] = { header[0], latest_header, header[1], header[2],
                               header[3], header[4],     header[5], header[6] };
  g_autofree char *as_of = nv_day_format_local (m->as_of);
  g_autofree char *facts = NULL;
  g_autofree char *units_heading = NULL;
  NvDocument *doc;
  NvDocTable *t;
  guint shown = 0;

  doc = nv_document_new (_("The municipality at a glance"), _("The municipality at a glance"),
                         generated);
  nv_document_add_title (doc, _("The municipality at a glance"));
  /* TRANSLATORS: %s is a date */
  facts = g_strdup_printf (_("Figures as of %s"), as_of);
  nv_document_add_text (doc, facts);
  add_own (doc, m);

  /* The same units as on screen: the sector filter the leader chose. */
  /* TRANSLATORS: heading of the printed units table, «Units — Kindergarten» */
  units_heading = sector != NULL ? g_strdup_printf (_("Units — %s"), nv_sector_label (sector))
                                 : g_strdup_printf (_("Units — %s"), _("All sectors"));
  nv_document_add_heading (doc, units_heading);
  t = nv_document_add_table (doc, G_N_ELEMENTS (widths), widths);
  nv_doc_table_set_align (t, 4, PANGO_ALIGN_LEFT);
  nv_doc_table_add_header (t, header_row);
  for (guint i = 0; i < m->units->len; i++)
    {
      const NvMunicipalUnit *u = g_ptr_array_index (m->units, i);
      g_autofree char *latest = percent_cell (u->latest_percent, u->latest_masked);
      g_autofree char *four = percent_cell (u->four_percent, u->four_masked);
      g_autofree char *trend = trend_cell (u);
      g_autofree char *persons = persons_cell (u);
      g_autofree char *measures = measures_cell (u);
      g_autofree char *workshop =
        u->last_workshop != NV_DAY_NONE ? nv_day_format_local (u->last_workshop) : g_strdup ("–");
      const char *row[] = { u->name, latest, four, trend,
                            nv_light_label (u->latest_masked ? NV_LIGHT_GREY : u->light),
                            persons, measures, workshop };

      if (sector != NULL && g_strcmp0 (u->sector, sector) != 0)
        continue;
      shown++;

      /* A unit whose latest quarter is an older one says which. */
      if (u->latest >= 0 && u->latest != m->heat_first + NV_MUNICIPAL_HEAT_QUARTERS - 1)
        {
          char *with_quarter = g_strdup_printf ("%s (%s)", latest, u->latest_label);
          g_free (latest);
          latest = with_quarter;
          row[1] = latest;
        }
      nv_doc_table_add_row (t, row);
    }
  nv_document_add_note (
    doc, _("Total sick leave (self- and doctor-certified) in each unit’s latest complete "
           "quarter, the four quarters ending with it, and the change in percentage points "
           "against the same quarter a year before. The light compares the four quarters with "
           "the benchmark of the unit’s sector. Measures: planned or in progress (overdue in brackets). «–»: no figures, or fewer than 5 persons — "
           "those figures are not printed."));

  if (shown == 0)
    nv_document_add_text (doc, _("No units in this sector."));
  if (m->heat_first >= 0 && shown > 0)
    {
      NvHeatmap *heat = nv_municipal_heatmap (m, sector, TRUE);
      NvChartStyle style;
      double height;

      nv_chart_style_init (&style, NV_CHART_STYLE_LIGHT);
      height = MIN (nv_heatmap_natural_height (heat, &style), 600);
      nv_document_add_heading (doc, _("Quarter by quarter"));
      nv_document_add_drawing (doc, heatmap_draw, heat, (GDestroyNotify) nv_heatmap_free, height);
      nv_document_add_note (doc, _("Hatched cells: fewer than 5 persons; the figure is not "
                                   "printed."));
    }
  return doc;
}

/* ---- Research view ---------------------------------------------------------- */

static void
scatter_draw (gpointer data, cairo_t *cr, double width, double height, const NvChartStyle *style)
{
  nv_scatter_draw (data, cr, width, height, style);
}

static const char *
measure_label (NvResearchMeasure measure)
{
  return measure == NV_RESEARCH_DOCTOR ? _("Doctor-certified only") : _("Total sick leave");
}

char *
nv_research_figures_text (const NvResearch *r)
{
  g_autofree char *rr = NULL;
  g_autofree char *lo = NULL;
  g_autofree char *hi = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  if (r->n < 3 || isnan (r->r))
    return g_strdup_printf (_("n = %u units; left out: %u"), r->n, r->excluded);
  rr = nv_format_fixed (r->r, 2, NV_FORMAT_SCREEN);
  lo = nv_format_fixed (r->ci_low, 2, NV_FORMAT_SCREEN);
  hi = nv_format_fixed (r->ci_high, 2, NV_FORMAT_SCREEN);
  a = nv_format_fixed (r->intercept, 2, NV_FORMAT_SCREEN);
  b = nv_format_fixed (r->slope, 2, NV_FORMAT_SCREEN);
  /* TRANSLATORS: r = Pearson's correlation; CI = confidence interval */
  return g_strdup_printf (_("r = %s (95 %% CI %s to %s) · n = %u units · left out: %u · "
                            "line: sick leave %% = %s + %s × factor"),
                          rr, lo, hi, r->n, r->excluded, a, b);
}

NvDocument *
nv_research_document_new (const NvResearch *r, NvDay generated)
{
  static const double widths[] = { 0.40, 0.20, 0.20, 0.20 };
  const char *header[] = { _("Unit"), _("Survey closed"), _("Factor mean"), _("Sick leave") };
  NvScatter *scatter = nv_research_chart (r);
  g_autofree char *title = g_strdup (nv_scatter_get_title (scatter));
  g_autofree char *facts = NULL;
  g_autofree char *words = nv_research_describe (r);
  g_autofree char *figures = nv_research_figures_text (r);
  NvDocument *doc;
  NvDocTable *t;

  /* The chart carries the factor and sector in its own title. */
  doc = nv_document_new (title, title, generated);
  nv_document_add_title (doc, _("10-FAKTOR and sick leave"));
  /* TRANSLATORS: the research printout's facts: sector, factor, measure */
  facts = g_strdup_printf (_("Sector: %s · Factor: %s · Measure: %s"),
                           nv_sector_label (r->sector), nv_faktor_factor_label (r->factor),
                           measure_label (r->measure));
  nv_document_add_text (doc, facts);
  nv_document_add_drawing (doc, scatter_draw, scatter, (GDestroyNotify) nv_scatter_free, 340);
  nv_document_add_heading (doc, _("What the figures say"));
  nv_document_add_text (doc, words);
  nv_document_add_note (doc, figures);
  nv_document_add_note (doc, _("Each unit takes part with its latest 10-FAKTOR round and the "
                               "four complete quarters before it closed. Units with fewer than "
                               "3 respondents or fewer than 5 persons are left out."));

  nv_document_add_heading (doc, _("Units"));
  t = nv_document_add_table (doc, G_N_ELEMENTS (widths), widths);
  nv_doc_table_add_header (t, header);
  for (guint i = 0; i < r->points->len; i++)
    {
      const NvResearchPoint *p = &g_array_index (r->points, NvResearchPoint, i);
      g_autofree char *date = nv_day_format_local (p->date);
      g_autofree char *mean = nv_format_decimal (p->factor_mean, 2);
      g_autofree char *percent = nv_format_percent_sign (p->percent);
      const char *row[] = { p->unit_name, date, mean, percent };

      nv_doc_table_add_row (t, row);
    }
  return doc;
}

NvSheet *
nv_sheet_for_research (const NvResearch *r)
{
  g_autoptr (NvSheet) t = nv_sheet_new (nv_faktor_factor_label (r->factor));
  g_autofree char *mean_header =
    /* TRANSLATORS: CSV column; %s is the 10-FAKTOR factor */
    g_strdup_printf (_("%s (mean 1–5)"), nv_faktor_factor_label (r->factor));
  g_autofree char *figures = nv_research_figures_text (r);

  nv_sheet_add_column (t, _("Unit"), NV_SHEET_TEXT);
  nv_sheet_add_column (t, _("Survey closed"), NV_SHEET_TEXT);
  nv_sheet_add_column (t, mean_header, NV_SHEET_DECIMAL2);
  nv_sheet_add_column (t, _("Sick leave (%)"), NV_SHEET_PERCENT);
  nv_sheet_add_column (t, _("From"), NV_SHEET_TEXT);
  nv_sheet_add_column (t, _("To"), NV_SHEET_TEXT);
  nv_sheet_add_column (t, _("Persons"), NV_SHEET_COUNT);
  for (guint i = 0; i < r->points->len; i++)
    {
      const NvResearchPoint *p = &g_array_index (r->points, NvResearchPoint, i);
      g_autofree char *date = nv_day_format_iso (p->date);
      g_autofree char *from = nv_day_format_iso (p->from);
      g_autofree char *to = nv_day_format_iso (p->to);

      nv_sheet_begin_row (t);
      nv_sheet_add_text (t, p->unit_name);
      nv_sheet_add_text (t, date);
      nv_sheet_add_value (t, p->factor_mean);
      nv_sheet_add_value (t, p->percent);
      nv_sheet_add_text (t, from);
      nv_sheet_add_text (t, to);
      nv_sheet_add_value (t, p->persons);
    }
  nv_sheet_add_note (t, measure_label (r->measure));
  nv_sheet_add_note (t, figures);
  return g_steal_pointer (&t);
}
