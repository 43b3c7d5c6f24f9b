/* nv-cli-report.c — `naervaer-cli report`: the unit report as a PDF.
 *
 * The report leaves the leader's screen, so quarters with fewer than five
 * persons are masked unless --unmasked is given.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "nv-cli.h"
#include "nv-benchmark.h"
#include "nv-report.h"

int
nv_cli_report_run (NvCli *cli, int argc, char **argv)
{
  g_autofree char *unit_name = NULL;
  g_autofree char *from_text = NULL;
  g_autofree char *to_text = NULL;
  g_autofree char *as_of_text = NULL;
  g_autofree char *benchmark = NULL;
  g_autofree char *output = NULL;
  g_autofree char *lower = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (NvUnit) unit = NULL;
  gboolean unmasked = FALSE;
  NvReportOptions options;
  int status;
  GOptionEntry entries[] = {
    { "unit", 0, 0, G_OPTION_ARG_STRING, &unit_name, N_("The unit"), "NAME" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("PDF file to write"), "FILE.pdf" },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from_text,
      N_("First quarter (default: two years before the last)"), "YYYY-Qn" },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to_text,
      N_("Last quarter (default: the last complete quarter with figures)"), "YYYY-Qn" },
    { "benchmark", 0, 0, G_OPTION_ARG_STRING, &benchmark, N_("Benchmark series to compare with"),
      "SERIES" },
    { "as-of", 0, 0, G_OPTION_ARG_STRING, &as_of_text,
      N_("Compute as of this day (default: today)"), "YYYY-MM-DD" },
    { "unmasked", 0, 0, G_OPTION_ARG_NONE, &unmasked,
      N_("Show quarters with fewer than 5 persons (only for your own eyes)"), NULL },
    { NULL }
  };

  context = g_option_context_new (_("— write the unit’s sick-leave report as a PDF"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_description (
    context, _("A few A4 pages for the management and the working environment committee: the\n"
               "trend against the benchmark, the last four quarters, follow-up, measures and\n"
               "workshops. Quarters with fewer than 5 persons are hidden unless --unmasked."));
  if (!nv_cli_parse_options (context, "report", &argc, &argv, &status,
                             &unit_name, _("--unit is required"),
                             &output, _("--output is required"), NULL))
    return status;
  lower = g_ascii_strdown (output, -1);
  if (!g_str_has_suffix (lower, ".pdf"))
    return nv_cli_usage ("report", _("“%s” is not a .pdf file"), output);

  nv_report_options_init (&options);
  if (!nv_cli_parse_quarters ("report", from_text, to_text, &options.from, &options.to,
                              &status) ||
      !nv_cli_parse_day ("report", "--as-of", as_of_text, nv_day_parse_iso, &options.as_of,
                         &status))
    return status;
  options.benchmark = benchmark;
  options.unmasked = unmasked;

  unit = nv_cli_unit (cli, unit_name);
  if (unit == NULL)
    return NV_EXIT_ERROR;
  if (!nv_report_write (cli->store, unit->id, &options, output, &error))
    return nv_cli_gerror (error);
  return NV_EXIT_OK;
}
