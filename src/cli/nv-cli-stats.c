/* nv-cli-stats.c — `naervaer-cli stats --unit NAME [--from] [--to] [--by]
 * [--as-of] [--unmasked] [--nok-per-day N] [--format table|csv|json]`
 * (DESIGN §5; issue 16: lost_days_by_class, cost_nok, nok_per_day).
 *
 * JSON and CSV carry the unrounded figures under the keys DESIGN §5 names;
 * the table shows one decimal with a decimal comma. Periods with fewer than
 * five persons have their percent fields (and the graded share) null/empty
 * unless --unmasked; fields the HR monthly figures cannot give (short/long,
 * graded) are null/empty too.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "nv-cli.h"
#include "nv-csv.h"
#include "nv-format.h"
#include "nv-stats.h"

typedef enum
{
  F_PERCENT,
  F_PERCENT_SELF,
  F_PERCENT_DOCTOR,
  F_PERCENT_SHORT,
  F_PERCENT_LONG,
  F_GRADED_SHARE,
  N_SHARE_FIELDS
} ShareField;

static const char *const share_keys[N_SHARE_FIELDS] = {
  "percent", "percent_self", "percent_doctor", "percent_short", "percent_long", "graded_share",
};

/* The value to publish, or NAN for null: masked (unless @unmasked) or not
 * available from HR figures. */
static double
share (const NvStatsPeriod *p, ShareField f, gboolean unmasked)
{
  double v;

  if (p->masked && !unmasked)
    return NAN;
  switch (f)
    {
    case F_PERCENT: v = p->percent; break;
    case F_PERCENT_SELF: v = p->percent_self; break;
    case F_PERCENT_DOCTOR: v = p->percent_doctor; break;
    case F_PERCENT_SHORT: v = p->percent_short; break;
    case F_PERCENT_LONG: v = p->percent_long; break;
    case F_GRADED_SHARE: v = p->graded_share; break;
    case N_SHARE_FIELDS:
    default: v = NAN; break;
    }
  return v;
}

/* A day count to publish, or NAN for null: masked periods hide their day
 * counts too, since lost × 100 / contracted gives back the hidden percent. */
static double
days (const NvStatsPeriod *p, double value, gboolean unmasked)
{
  return p->masked && !unmasked ? NAN : value;
}

/* Lost days per NAV duration class, {"A": …, …, "F": …}; null when masked
 * (day counts would give the percentage back) or from HR figures (they
 * cannot tell the classes). */
static void
add_classes (JsonBuilder *b, const NvStatsPeriod *p, gboolean unmasked)
{
  json_builder_set_member_name (b, "lost_days_by_class");
  if ((p->masked && !unmasked) || !p->has_case_split)
    {
      json_builder_add_null_value (b);
      return;
    }
  json_builder_begin_object (b);
  for (guint k = 0; k < NV_CASE_N_CODES; k++)
    {
      char key[2] = { nv_case_code_at (k), '\0' };
      json_builder_set_member_name (b, key);
      json_builder_add_double_value (b, p->lost_days_by_code[k]);
    }
  json_builder_end_object (b);
}

static void
print_json (GArray *periods, gboolean unmasked, double nok_per_day)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();

  json_builder_begin_array (b);
  for (guint i = 0; i < periods->len; i++)
    {
      const NvStatsPeriod *p = &g_array_index (periods, NvStatsPeriod, i);

      json_builder_begin_object (b);
      nv_cli_json_add_string (b, "period", p->label);
      nv_cli_json_add_int (b, "persons", p->persons);
      nv_cli_json_add_number_or_null (b, "contracted_days", days (p, p->contracted_days, unmasked));
      nv_cli_json_add_number_or_null (b, "lost_days", days (p, p->lost_days, unmasked));
      nv_cli_json_add_number_or_null (b, "lost_days_self", days (p, p->lost_days_self, unmasked));
      nv_cli_json_add_number_or_null (b, "lost_days_doctor",
                                      days (p, p->lost_days_doctor, unmasked));
      for (guint f = 0; f < N_SHARE_FIELDS; f++)
        nv_cli_json_add_number_or_null (b, share_keys[f], share (p, f, unmasked));
      nv_cli_json_add_boolean (b, "masked", p->masked);
      nv_cli_json_add_string (b, "source", nv_stats_source_to_string (p->source));
      add_classes (b, p, unmasked);
      nv_cli_json_add_number_or_null (b, "cost_nok",
                          p->masked && !unmasked ? NAN : nv_stats_cost (p->lost_days, nok_per_day));
      nv_cli_json_add_number_or_null (b, "nok_per_day", nok_per_day);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  nv_cli_print_json (b);
}

static void
print_csv (GArray *periods, gboolean unmasked)
{
  g_autoptr (NvCsvWriter) w = nv_csv_writer_new_for_string ();
  g_autofree char *text = NULL;
  gsize len = 0;
  static const char *const head[] = { "period", "persons", "contracted_days", "lost_days",
                                      "lost_days_self", "lost_days_doctor" };

  for (guint i = 0; i < G_N_ELEMENTS (head); i++)
    nv_csv_writer_add_text (w, head[i]);
  for (guint f = 0; f < N_SHARE_FIELDS; f++)
    nv_csv_writer_add_text (w, share_keys[f]);
  nv_csv_writer_add_text (w, "masked");
  nv_csv_writer_add_text (w, "source");
  nv_csv_writer_end_row (w);

  for (guint i = 0; i < periods->len; i++)
    {
      const NvStatsPeriod *p = &g_array_index (periods, NvStatsPeriod, i);

      nv_csv_writer_add_text (w, p->label);
      nv_csv_writer_add_int (w, p->persons);
      nv_csv_writer_add_number (w, days (p, p->contracted_days, unmasked));
      nv_csv_writer_add_number (w, days (p, p->lost_days, unmasked));
      nv_csv_writer_add_number (w, days (p, p->lost_days_self, unmasked));
      nv_csv_writer_add_number (w, days (p, p->lost_days_doctor, unmasked));
      for (guint f = 0; f < N_SHARE_FIELDS; f++)
        nv_csv_writer_add_number (w, share (p, f, unmasked));
      nv_csv_writer_add_text (w, p->masked ? "true" : "false");
      nv_csv_writer_add_text (w, nv_stats_source_to_string (p->source));
      nv_csv_writer_end_row (w);
    }
  text = nv_csv_writer_steal_string (w, &len);
  fwrite (text, 1, len, stdout);
}

static void
print_table (GArray *periods, gboolean unmasked)
{
  enum { N_COLS = 11 };
  const char *headers[N_COLS] = {
    _("Period"),    _("Persons"), _("Contracted days"), _("Lost days"), _("Total %"),
    _("Self-cert. %"), _("Doctor %"), _("Short %"),     _("Long %"),    _("Graded %"),
    _("Source"),
  };
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  guint widths[N_COLS];

  for (guint c = 0; c < N_COLS; c++)
    widths[c] = (guint) g_utf8_strlen (headers[c], -1);
  for (guint i = 0; i < periods->len; i++)
    {
      const NvStatsPeriod *p = &g_array_index (periods, NvStatsPeriod, i);
      char **row = g_new0 (char *, N_COLS + 1);

      row[0] = g_strdup (p->label);
      row[1] = g_strdup_printf ("%u", p->persons);
      row[2] = p->masked && !unmasked ? g_strdup ("–") : nv_format_decimal (p->contracted_days, 1);
      row[3] = p->masked && !unmasked ? g_strdup ("–") : nv_format_decimal (p->lost_days, 1);
      for (guint f = 0; f < N_SHARE_FIELDS; f++)
        {
          double v = share (p, f, unmasked);
          if (p->masked && !unmasked)
            row[4 + f] = g_strdup (f == 0 ? _("few persons") : "");
          else
            row[4 + f] = nv_format_percent (f == F_GRADED_SHARE && !isnan (v) ? v * 100 : v);
        }
      row[10] = g_strdup (p->source == NV_STATS_SOURCE_MONTHLY ? _("HR figures") : _("spells"));
      for (guint c = 0; c < N_COLS; c++)
        widths[c] = MAX (widths[c], (guint) g_utf8_strlen (row[c], -1));
      g_ptr_array_add (rows, row);
    }

  for (guint r = 0; r <= rows->len; r++)
    {
      const char *const *cells = r == 0 ? headers : g_ptr_array_index (rows, r - 1);
      for (guint c = 0; c < N_COLS; c++)
        {
          guint n = (guint) g_utf8_strlen (cells[c], -1);
          gboolean right = c > 0 && c < N_COLS - 1;

          if (right)
            for (; n < widths[c]; n++)
              fputc (' ', stdout);
          fputs (cells[c], stdout);
          if (c == N_COLS - 1)
            break;
          if (!right)
            for (; n < widths[c]; n++)
              fputc (' ', stdout);
          fputs ("  ", stdout);
        }
      fputc ('\n', stdout);
    }
}

int
nv_cli_stats_run (NvCli *cli, int argc, char **argv)
{
  static const char *const formats[] = { "table", "csv", "json", NULL };
  g_autofree char *unit_name = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *by = NULL;
  g_autofree char *as_of = NULL;
  g_autofree char *format = NULL;
  gboolean unmasked = FALSE;
  double nok_per_day = NV_STATS_DEFAULT_NOK_PER_DAY;
  g_autoptr (GError) error = NULL;
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (NvUnit) unit = NULL;
  g_autoptr (GArray) periods = NULL;
  GOptionEntry entries[] = {
    { "unit", 0, 0, G_OPTION_ARG_STRING, &unit_name, N_("The unit"), "NAME" },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from, N_("First day (default: first data)"),
      "YYYY-MM-DD" },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to, N_("Last day (default: the as-of date)"),
      "YYYY-MM-DD" },
    { "by", 0, 0, G_OPTION_ARG_STRING, &by, N_("month, quarter (default) or year"), "PERIOD" },
    { "as-of", 0, 0, G_OPTION_ARG_STRING, &as_of,
      N_("Open absence ends on this day (default: today)"), "YYYY-MM-DD" },
    { "unmasked", 0, 0, G_OPTION_ARG_NONE, &unmasked,
      N_("Show figures for periods with fewer than 5 persons"), NULL },
    { "nok-per-day", 0, 0, G_OPTION_ARG_DOUBLE, &nok_per_day,
      N_("Cost per lost day in kroner for cost_nok (default: 4700, NAV’s figure)"), "NOK" },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_("table, csv or json"), "F" },
    { NULL }
  };
  NvStatsQuery query = { NV_PERIOD_QUARTER, NV_DAY_NONE, NV_DAY_NONE, NV_DAY_NONE };
  int status;

  context = g_option_context_new (_("— sick-leave statistics by SSB/NAV's definitions"));
  g_option_context_set_summary (
    context,
    _("Percent fields of periods with fewer than 5 persons are left out (null) unless "
      "--unmasked.\nNumbers in csv and json are unrounded.\n\n"
      "Periods with monthly figures from the HR system (\"source\": \"monthly\") have "
      "percent_short, percent_long, graded_share and lost_days_by_class null: HR figures give "
      "lost days per month only, not the cases or grades behind them, so the split into short "
      "and long absence, duration classes (NAV's A–F) and graded absence is unknown there.\n\n"
      "cost_nok = lost_days × nok_per_day (the cost per lost day used, --nok-per-day)."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!nv_cli_parse_options (context, "stats", &argc, &argv, &status,
                             &unit_name, _("--unit is required"), NULL))
    return status;
  if (!nv_cli_check_format ("stats", format, formats, &status))
    return status;
  if (by != NULL && !nv_period_kind_parse (by, &query.by))
    return nv_cli_usage ("stats", _("--by: unknown period “%s” (use month, quarter or year)"), by);
  if (!nv_cli_parse_day ("stats", "--from", from, nv_day_parse_iso, &query.from, &status) ||
      !nv_cli_parse_day ("stats", "--to", to, nv_day_parse_iso, &query.to, &status) ||
      !nv_cli_parse_day ("stats", "--as-of", as_of, nv_day_parse_iso, &query.as_of, &status))
    return status;
  if (query.from != NV_DAY_NONE && query.to != NV_DAY_NONE && query.to < query.from)
    return nv_cli_usage ("stats", "%s", _("--to is before --from"));
  if (!(nok_per_day >= 0 && nok_per_day < 1e7))
    return nv_cli_usage ("stats", "%s", _("--nok-per-day: give kroner per lost day, 0 or more"));

  unit = nv_cli_unit (cli, unit_name);
  if (unit == NULL)
    return NV_EXIT_ERROR;
  periods = nv_stats_for_unit (cli->store, unit->id, &query, &error);
  if (periods == NULL)
    return nv_cli_gerror (error);

  if (g_strcmp0 (format, "json") == 0)
    print_json (periods, unmasked, nok_per_day);
  else if (g_strcmp0 (format, "csv") == 0)
    print_csv (periods, unmasked);
  else
    print_table (periods, unmasked);
  return NV_EXIT_OK;
}
