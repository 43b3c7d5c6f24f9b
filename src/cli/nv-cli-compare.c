/* nv-cli-compare.c — `naervaer-cli compare --unit NAME [--benchmark SERIES]
 * [--as-of DATE] [--format table|json]` (issue 16, item 8): the unit against
 * one benchmark series, for HR scripts.
 *
 * JSON, one object:
 *   unit, measure ("legemeldt"|"totalt", the series' measure: like with like),
 *   benchmark (the series name),
 *   quarter — the latest complete quarter where both the unit and the series
 *     have a figure ("2026-Q2"), null when none;
 *   unit_percent, benchmark_percent, ratio (unit ÷ benchmark) of that quarter,
 *     unrounded; the unit's figure and the ratio null when it is masked;
 *   light — green below 0.9, yellow 0.9–1.1 (both ends included), red above
 *     1.1; grey when masked, with fewer than four quarters of data, or without
 *     a common quarter (nv-compare.h);
 *   four_quarters {from, to, percent, masked} — the last four complete
 *     quarters as of the date, Σ lost ÷ Σ contracted of the measure; percent
 *     null when masked or without contracted days;
 *   trend_pp — the unit's latest complete quarter minus the same quarter a
 *     year before, in percentage points, from the two figures rounded to one
 *     decimal (nv_trend_change: what a reader computes from the table); null when either is
 *     missing or masked;
 *   trend — "rising", "falling" or "unchanged" (at most 0.1 point apart),
 *     null with trend_pp.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "nv-benchmark.h"
#include "nv-cli.h"
#include "nv-compare.h"
#include "nv-format.h"
#include "nv-stats.h"

#define DEFAULT_BENCHMARK "Kommuner" /* as the app's default-benchmark setting */
#define N_NEAREST 3

typedef struct
{
  char *quarter; /* NULL: none */
  double unit_percent;
  double benchmark_percent;
  double ratio;
  NvLight light;
  char four_from[8], four_to[8];
  double four_percent;
  gboolean four_masked;
  double trend_pp;
  NvTrend trend;
} Result;

/* ---- Nearest names for an unknown series -------------------------------- */

static guint
edit_distance (const char *a, const char *b)
{
  g_autofree gunichar *x = g_utf8_to_ucs4_fast (a, -1, NULL);
  g_autofree gunichar *y = g_utf8_to_ucs4_fast (b, -1, NULL);
  glong n = 0, m = 0;
  g_autofree guint *row = NULL;

  while (x[n] != 0)
    n++;
  while (y[m] != 0)
    m++;
  row = g_new (guint, m + 1);
  for (glong j = 0; j <= m; j++)
    row[j] = (guint) j;
  for (glong i = 1; i <= n; i++)
    {
      guint diag = row[0];
      row[0] = (guint) i;
      for (glong j = 1; j <= m; j++)
        {
          guint up = row[j];
          guint cost = x[i - 1] == y[j - 1] ? 0 : 1;
          row[j] = MIN (MIN (row[j] + 1, row[j - 1] + 1), diag + cost);
          diag = up;
        }
    }
  return row[m];
}

typedef struct
{
  const char *name;
  guint distance;
} Candidate;

static int
cmp_candidate (gconstpointer a, gconstpointer b)
{
  const Candidate *x = a, *y = b;
  if (x->distance != y->distance)
    return x->distance < y->distance ? -1 : 1;
  return g_utf8_collate (x->name, y->name);
}

static int
unknown_series (NvCli *cli, const char *name)
{
  g_autoptr (GPtrArray) all = nv_benchmark_list (cli->store, 0, NULL);
  g_autoptr (GArray) cands = g_array_new (FALSE, FALSE, sizeof (Candidate));
  g_autofree char *wanted = g_utf8_casefold (name, -1);
  g_autoptr (GString) list = g_string_new (NULL);

  for (guint i = 0; all != NULL && i < all->len; i++)
    {
      const NvBenchmarkSeries *s = g_ptr_array_index (all, i);
      g_autofree char *folded = g_utf8_casefold (s->name, -1);
      Candidate c = { s->name, edit_distance (wanted, folded) };
      /* A name containing what was typed is as near as it gets. */
      if (*wanted != '\0' && strstr (folded, wanted) != NULL)
        c.distance = 0;
      g_array_append_val (cands, c);
    }
  g_array_sort (cands, cmp_candidate);
  for (guint i = 0; i < MIN (cands->len, N_NEAREST); i++)
    g_string_append_printf (list, "%s“%s”", i > 0 ? ", " : "",
                            g_array_index (cands, Candidate, i).name);
  if (list->len == 0)
    return nv_cli_error (_("no benchmark series named “%s”"), name);
  /* TRANSLATORS: the second %s lists up to three series names */
  return nv_cli_error (_("no benchmark series named “%s”; the nearest are %s (see "
                         "`naervaer-cli benchmark list`)"),
                       name, list->str);
}

/* ---- The figures -------------------------------------------------------- */

static NvDay
last_complete_quarter_end (NvDay as_of)
{
  NvDay end = nv_period_end (NV_PERIOD_QUARTER, as_of);
  return end <= as_of ? end : nv_period_start (NV_PERIOD_QUARTER, as_of) - 1;
}

/* The first day of the quarter @n quarters before the one starting @start. */
static NvDay
quarters_back (NvDay start, int n)
{
  int q = nv_day_year (start) * 4 + nv_day_quarter (start) - 1 - n;
  return nv_day_from_ymd (q / 4, (q % 4) * 3 + 1, 1);
}

static gboolean
compute (NvCli *cli, gint64 unit_id, const char *benchmark, NvDay as_of, Result *r,
         NvBenchmarkMeasure *measure, GError **error)
{
  const char *benchmarks[] = { benchmark, NULL };
  g_autoptr (NvCompare) compare = NULL;
  g_autoptr (GArray) five = NULL;
  NvStatsQuery query = { NV_PERIOD_QUARTER, NV_DAY_NONE, NV_DAY_NONE, as_of };
  NvDay last_end = last_complete_quarter_end (as_of);
  NvDay last_start = nv_period_start (NV_PERIOD_QUARTER, last_end);
  NvStatsPeriod four;
  const NvStatsPeriod *now, *before;

  compare = nv_compare_new (cli->store, unit_id, benchmarks, NV_DAY_NONE, NV_DAY_NONE, as_of,
                            error);
  if (compare == NULL)
    return FALSE;
  *measure = compare->measure;

  /* The light, from the comparison the app shows. */
  r->light = compare->light;
  r->unit_percent = r->benchmark_percent = r->ratio = NAN;
  if (compare->light_quarter >= 0)
    {
      int i = compare->light_quarter;
      const NvCompareSeries *series = g_ptr_array_index (compare->series, 0);

      r->quarter = g_strdup (compare->quarters[i].label);
      r->benchmark_percent = series->values[i];
      if (!nv_compare_masked (compare, (guint) i))
        {
          r->unit_percent = compare->unit_values[i];
          r->ratio = compare->light_ratio;
          if (isnan (r->ratio) && r->benchmark_percent > 0)
            r->ratio = r->unit_percent / r->benchmark_percent;
        }
    }

  /* Five complete quarters: four together, and the trend's year. */
  query.from = quarters_back (last_start, 4);
  query.to = last_end;
  five = nv_stats_for_unit (cli->store, unit_id, &query, error);
  if (five == NULL)
    return FALSE;
  g_assert (five->len == 5);
  four = nv_stats_combine (&g_array_index (five, NvStatsPeriod, 1), 4);
  g_strlcpy (r->four_from, g_array_index (five, NvStatsPeriod, 1).label, sizeof r->four_from);
  g_strlcpy (r->four_to, g_array_index (five, NvStatsPeriod, 4).label, sizeof r->four_to);
  r->four_masked = four.masked;
  r->four_percent = four.masked || four.contracted_days <= 0
                      ? NAN
                      : nv_benchmark_unit_value (*measure, &four);

  before = &g_array_index (five, NvStatsPeriod, 0);
  now = &g_array_index (five, NvStatsPeriod, 4);
  r->trend_pp = NAN;
  r->trend = NV_TREND_NONE;
  if (now->contracted_days > 0 && before->contracted_days > 0 && !now->masked &&
      !before->masked)
    {
      r->trend_pp = nv_trend_change (nv_benchmark_unit_value (*measure, now),
                                     nv_benchmark_unit_value (*measure, before));
      r->trend = nv_trend_for_change (r->trend_pp);
    }
  return TRUE;
}

/* ---- Output ------------------------------------------------------------- */

static const char *
light_id (NvLight light)
{
  switch (light)
    {
    case NV_LIGHT_GREEN: return "green";
    case NV_LIGHT_YELLOW: return "yellow";
    case NV_LIGHT_RED: return "red";
    case NV_LIGHT_GREY:
    default: return "grey";
    }
}

static const char *
trend_id (NvTrend trend)
{
  switch (trend)
    {
    case NV_TREND_RISING: return "rising";
    case NV_TREND_FALLING: return "falling";
    case NV_TREND_UNCHANGED: return "unchanged";
    case NV_TREND_NONE:
    default: return NULL;
    }
}

static void
print_json (const char *unit, NvBenchmarkMeasure measure, const char *benchmark,
            const Result *r)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();

  json_builder_begin_object (b);
  nv_cli_json_add_string_or_null (b, "unit", unit);
  nv_cli_json_add_string_or_null (b, "measure", nv_benchmark_measure_to_string (measure));
  nv_cli_json_add_string_or_null (b, "benchmark", benchmark);
  nv_cli_json_add_string_or_null (b, "quarter", r->quarter);
  nv_cli_json_add_number_or_null (b, "unit_percent", r->unit_percent);
  nv_cli_json_add_number_or_null (b, "benchmark_percent", r->benchmark_percent);
  nv_cli_json_add_number_or_null (b, "ratio", r->ratio);
  nv_cli_json_add_string_or_null (b, "light", light_id (r->light));
  json_builder_set_member_name (b, "four_quarters");
  json_builder_begin_object (b);
  nv_cli_json_add_string_or_null (b, "from", r->four_from);
  nv_cli_json_add_string_or_null (b, "to", r->four_to);
  nv_cli_json_add_number_or_null (b, "percent", r->four_percent);
  nv_cli_json_add_boolean (b, "masked", r->four_masked);
  json_builder_end_object (b);
  nv_cli_json_add_number_or_null (b, "trend_pp", r->trend_pp);
  nv_cli_json_add_string_or_null (b, "trend", trend_id (r->trend));
  json_builder_end_object (b);
  nv_cli_print_json (b);
}

static char *
percent_text (double v)
{
  return isnan (v) ? g_strdup (_("–")) : nv_format_percent_sign (v);
}

static void
print_table (const char *unit, NvBenchmarkMeasure measure, const char *benchmark,
             const Result *r)
{
  g_autofree char *u = percent_text (r->unit_percent);
  g_autofree char *bm = percent_text (r->benchmark_percent);
  g_autofree char *four = percent_text (r->four_percent);
  g_autofree char *ratio = isnan (r->ratio) ? g_strdup (_("–")) : nv_format_decimal (r->ratio, 2);
  g_autofree char *trend = isnan (r->trend_pp) ? g_strdup (_("–"))
                                               : nv_format_decimal (r->trend_pp, 1);

  printf ("%s: %s\n", _("Unit"), unit);
  printf ("%s: %s (%s)\n", _("Benchmark"), benchmark, nv_compare_measure_word (measure));
  printf ("%s: %s\n", _("Quarter compared"), r->quarter != NULL ? r->quarter : _("none"));
  printf ("%s: %s / %s = %s\n", _("Unit / benchmark"), u, bm, ratio);
  printf ("%s: %s (%s)\n", _("Traffic light"), nv_light_label (r->light),
          _("green below 0.9×, yellow 0.9–1.1×, red above 1.1×"));
  printf ("%s: %s (%s–%s)%s\n", _("Last four quarters"), four, r->four_from, r->four_to,
          r->four_masked ? _(", fewer than 5 persons") : "");
  printf ("%s: %s %s%s%s\n", _("Trend, same quarter last year"), trend,
          _("percentage points"), r->trend != NV_TREND_NONE ? ", " : "",
          r->trend != NV_TREND_NONE ? nv_trend_label (r->trend) : "");
}

int
nv_cli_compare_run (NvCli *cli, int argc, char **argv)
{
  g_autofree char *unit_name = NULL;
  g_autofree char *benchmark = NULL;
  g_autofree char *as_of_text = NULL;
  g_autofree char *format = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (NvUnit) unit = NULL;
  g_autoptr (NvBenchmarkSeries) series = NULL;
  GOptionEntry entries[] = {
    { "unit", 0, 0, G_OPTION_ARG_STRING, &unit_name, N_("The unit"), "NAME" },
    { "benchmark", 0, 0, G_OPTION_ARG_STRING, &benchmark,
      N_("The benchmark series (default: Kommuner)"), "SERIES" },
    { "as-of", 0, 0, G_OPTION_ARG_STRING, &as_of_text,
      N_("Compare the quarters complete on this day (default: today)"), "YYYY-MM-DD" },
    NV_CLI_FORMAT_OPTION (&format),
    { NULL }
  };
  NvDay as_of = NV_DAY_NONE;
  NvBenchmarkMeasure measure = NV_MEASURE_TOTALT;
  Result r = { 0 };
  int status;

  context = g_option_context_new (_("— the unit against a benchmark: light, four quarters, trend"));
  g_option_context_set_summary (
    context,
    _("Like with like: a legemeldt series is compared with the unit's doctor-certified sick "
      "leave, a totalt series with its total. Light: green below 0.9 × the benchmark, yellow "
      "0.9–1.1 ×, red above 1.1 ×, grey when masked (fewer than 5 persons), with fewer than four "
      "quarters of data or without a quarter both have. trend_pp is in percentage points, the "
      "difference of the two quarters rounded to one decimal; figures of quarters with fewer than 5 persons are null."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!nv_cli_parse_options (context, "compare", &argc, &argv, &status,
                             &unit_name, _("--unit is required"), NULL))
    return status;
  if (!nv_cli_check_format ("compare", format, nv_cli_table_json, &status))
    return status;
  if (!nv_cli_parse_day ("compare", "--as-of", as_of_text, nv_day_parse_iso, &as_of, &status))
    return status;
  if (as_of == NV_DAY_NONE)
    as_of = nv_cli_today (cli);

  unit = nv_cli_unit (cli, unit_name);
  if (unit == NULL)
    return NV_EXIT_ERROR;
  series = nv_benchmark_get (cli->store, benchmark != NULL ? benchmark : DEFAULT_BENCHMARK,
                             unit->id, &error);
  if (series == NULL)
    {
      if (g_error_matches (error, NV_STORE_ERROR, NV_STORE_ERROR_NOT_FOUND))
        return unknown_series (cli, benchmark != NULL ? benchmark : DEFAULT_BENCHMARK);
      return nv_cli_gerror (error);
    }
  if (!compute (cli, unit->id, series->name, as_of, &r, &measure, &error))
    {
      g_free (r.quarter);
      return nv_cli_gerror (error);
    }
  if (g_strcmp0 (format, "json") == 0)
    print_json (unit->name, measure, series->name, &r);
  else
    print_table (unit->name, measure, series->name, &r);
  g_free (r.quarter);
  return NV_EXIT_OK;
}
