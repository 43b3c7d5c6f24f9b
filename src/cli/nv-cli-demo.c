/* nv-cli-demo.c — `naervaer-cli demo [--units N] [--years Y]`: fills the
 * fictional demo municipality «Fjordvik kommune (demo)».
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "nv-cli.h"
#include "nv-demo.h"

int
nv_cli_demo_run (NvCli *cli, int argc, char **argv)
{
  int units = NV_DEMO_DEFAULT_UNITS;
  int years = NV_DEMO_DEFAULT_YEARS;
  g_autoptr (GError) error = NULL;
  g_autoptr (GOptionContext) context = NULL;
  g_autofree char *units_help =
    g_strdup_printf (_("Number of units, 1–%d (default %d)"), NV_DEMO_MAX_UNITS,
                     NV_DEMO_DEFAULT_UNITS);
  g_autofree char *years_help =
    g_strdup_printf (_("Years of data up to today, 1–10 (default %d)"), NV_DEMO_DEFAULT_YEARS);
  GOptionEntry entries[] = {
    { "units", 0, 0, G_OPTION_ARG_INT, &units, units_help, "N" },
    { "years", 0, 0, G_OPTION_ARG_INT, &years, years_help, "Y" },
    { NULL }
  };
  NvStore *store;
  int status;

  context = g_option_context_new (_("— fill a fictional demo municipality"));
  g_autofree char *summary = NULL;

  summary = g_strdup_printf (_("Adds “%s” with simulated roster, absence and HR figures, so "
                               "you can try Nærvær without real data."),
                             NV_DEMO_MUNICIPALITY);
  g_option_context_set_summary (context, summary);
  g_option_context_add_main_entries (context, entries, NULL);
  if (!nv_cli_parse_options (context, "demo", &argc, &argv, &status, NULL))
    return status;
  if (units < 1 || units > NV_DEMO_MAX_UNITS)
    return nv_cli_usage ("demo", _("--units must be between 1 and %d"), NV_DEMO_MAX_UNITS);
  if (years < 1 || years > 10)
    return nv_cli_usage ("demo", "%s", _("--years must be between 1 and 10"));
  store = nv_cli_store (cli);
  if (store == NULL)
    return NV_EXIT_ERROR;
  if (!nv_demo_fill (store, (guint) units, (guint) years, &error))
    return nv_cli_gerror (error);
  printf (g_dngettext (GETTEXT_PACKAGE, "Added “%s” with %d unit and %d years of data.\n",
                       "Added “%s” with %d units and %d years of data.\n", units),
          NV_DEMO_MUNICIPALITY, units, years);
  return NV_EXIT_OK;
}
