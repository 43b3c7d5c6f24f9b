/* nv-cli-chart.c — `naervaer-cli chart`: the unit's quarterly trend against
 * benchmark series, written as PNG, SVG or PDF.
 *
 * Output leaves the leader's screen, so quarters with fewer than five
 * persons are masked (a hatched gap) unless --unmasked is given.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "nv-cli.h"
#include "nv-compare.h"

#define DEFAULT_WIDTH 1600
#define DEFAULT_HEIGHT 900
/* A PDF page is measured in points: A4 landscape width. */
#define DEFAULT_PDF_WIDTH 842
#define DEFAULT_PDF_HEIGHT 474

int
nv_cli_chart_run (NvCli *cli, int argc, char **argv)
{
  g_autofree char *unit_name = NULL;
  g_autofree char *from_text = NULL;
  g_autofree char *to_text = NULL;
  g_autofree char *output = NULL;
  g_auto (GStrv) benchmarks = NULL;
  g_autofree char *lower = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (NvUnit) unit = NULL;
  g_autoptr (NvCompare) compare = NULL;
  g_autoptr (NvChart) chart = NULL;
  gboolean dark = FALSE, unmasked = FALSE, pdf;
  int width = 0, height = 0;
  NvDay from, to;
  NvChartStyle style;
  int status;
  GOptionEntry entries[] = {
    { "unit", 0, 0, G_OPTION_ARG_STRING, &unit_name, N_("The unit"), "NAME" },
    { "benchmark", 0, 0, G_OPTION_ARG_STRING_ARRAY, &benchmarks,
      N_("Benchmark series to compare with (repeat for several)"), "SERIES" },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from_text, N_("First quarter"), "YYYY-Qn" },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to_text, N_("Last quarter"), "YYYY-Qn" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("File to write (.png, .svg or .pdf)"),
      "FILE" },
    { "width", 0, 0, G_OPTION_ARG_INT, &width, N_("Width in pixels (points for PDF)"), "W" },
    { "height", 0, 0, G_OPTION_ARG_INT, &height, N_("Height in pixels (points for PDF)"), "H" },
    { "dark", 0, 0, G_OPTION_ARG_NONE, &dark, N_("Light text on a dark background"), NULL },
    { "unmasked", 0, 0, G_OPTION_ARG_NONE, &unmasked,
      N_("Show quarters with fewer than 5 persons (only for your own eyes)"), NULL },
    { NULL }
  };

  context = g_option_context_new (_("— draw the unit’s sick leave against benchmarks"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_description (
    context, _("Compares like with like: all series must be of one measure (legemeldt or totalt),\n"
               "and the unit’s figure of that measure is drawn. Quarters with fewer than 5\n"
               "persons are left out (hatched) unless --unmasked is given."));
  if (!nv_cli_parse_options (context, "chart", &argc, &argv, &status,
                             &unit_name, _("--unit is required"),
                             &output, _("--output is required"), NULL))
    return status;
  lower = g_ascii_strdown (output, -1);
  pdf = g_str_has_suffix (lower, ".pdf");
  if (!pdf && !g_str_has_suffix (lower, ".png") && !g_str_has_suffix (lower, ".svg"))
    return nv_cli_usage ("chart", _("cannot tell the file type of “%s”: use .png, .svg or .pdf"),
                         output);
  if (width == 0)
    width = pdf ? DEFAULT_PDF_WIDTH : DEFAULT_WIDTH;
  if (height == 0)
    height = pdf ? DEFAULT_PDF_HEIGHT : DEFAULT_HEIGHT;
  if (width < 300 || width > 10000 || height < 200 || height > 10000)
    return nv_cli_usage ("chart", "%s",
                         _("--width must be 300–10 000 and --height 200–10 000"));
  if (!nv_cli_parse_quarters ("chart", from_text, to_text, &from, &to, &status))
    return status;

  unit = nv_cli_unit (cli, unit_name);
  if (unit == NULL)
    return NV_EXIT_ERROR;
  compare = nv_compare_new (cli->store, unit->id, (const char *const *) benchmarks, from, to,
                            NV_DAY_NONE, &error);
  if (compare == NULL)
    return nv_cli_gerror (error);
  if (compare->n_quarters == 0)
    return nv_cli_error (_("%s has no complete quarter with figures to draw"), unit->name);

  chart = nv_compare_trend_chart (compare, cli->store, !unmasked);
  nv_chart_style_init (&style, dark ? NV_CHART_STYLE_DARK : NV_CHART_STYLE_LIGHT);
  nv_chart_style_scale_for_size (&style, width, height);
  if (!nv_chart_export (chart, output, width, height, &style, &error))
    return nv_cli_gerror (error);
  return NV_EXIT_OK;
}
