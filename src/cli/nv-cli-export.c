/* nv-cli-export.c — `naervaer-cli export spells|roster|monthly --unit NAME
 * FILE` and the dispatcher other export kinds hook into.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "nv-cli.h"
#include "nv-export.h"

static int export_roster (NvCli *cli, int argc, char **argv);
static int export_spells (NvCli *cli, int argc, char **argv);
static int export_monthly (NvCli *cli, int argc, char **argv);

/* Export kinds: `naervaer-cli export KIND …` calls run (cli, argc, argv)
 * with argv[0] = KIND. To add one, declare its handler in nv-cli.h and add
 * a line here. */
static const NvCliCommand export_kinds[] = {
  { "roster", N_("The unit's roster"), export_roster },
  { "spells", N_("The unit's absence spells"), export_spells },
  { "monthly",
    N_("The unit's HR monthly figures (percentages of months with fewer than 5 persons left "
       "empty unless --unmasked)"),
    export_monthly },
  { "measures",
    N_("The unit's measures with owner, deadline, status, evaluations and absence before/after "
       "(figures of fewer than 5 persons left empty)"),
    nv_cli_export_measures },
};

static int
run_export (NvCli *cli, NvImportKind kind, int argc, char **argv)
{
  g_autofree char *unit_name = NULL;
  g_autofree char *command = g_strdup_printf ("export %s", nv_import_kind_to_string (kind));
  g_autoptr (GError) error = NULL;
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (NvUnit) unit = NULL;
  gboolean unmasked = FALSE;
  GOptionEntry entries[] = {
    { "unit", 0, 0, G_OPTION_ARG_STRING, &unit_name, N_("The unit to export"), "NAME" },
    { "unmasked", 0, 0, G_OPTION_ARG_NONE, &unmasked,
      N_("Also write percentages of months with fewer than 5 persons"), NULL },
    { NULL }
  };
  const char *path;
  guint n_rows = 0;
  int status;

  context = g_option_context_new (_("--unit NAME FILE — write a CSV file (“-” for standard "
                                    "output)"));
  if (kind != NV_IMPORT_MONTHLY)
    entries[1].long_name = NULL; /* --unmasked only means something for monthly */
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!nv_cli_parse (context, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return nv_cli_usage (command, "%s", _("give exactly one file"));
  if (unit_name == NULL)
    return nv_cli_usage (command, "%s", _("--unit is required"));
  path = argv[1];

  unit = nv_cli_unit (cli, unit_name);
  if (unit == NULL)
    return NV_EXIT_ERROR;

  if (strcmp (path, "-") == 0)
    {
      gsize len = 0;
      g_autofree char *text =
        nv_export_to_string (cli->store, kind, unit->id, unmasked, &len, &error);

      if (text == NULL)
        return nv_cli_gerror (error);
      return nv_cli_write_stdout (text, len);
    }

  if (!nv_export_file (cli->store, kind, unit->id, unmasked, path, &n_rows, &error))
    return nv_cli_gerror (error);
  return nv_cli_wrote_rows (n_rows, path);
}

static int
export_roster (NvCli *cli, int argc, char **argv)
{
  return run_export (cli, NV_IMPORT_ROSTER, argc, argv);
}

static int
export_spells (NvCli *cli, int argc, char **argv)
{
  return run_export (cli, NV_IMPORT_SPELLS, argc, argv);
}

static int
export_monthly (NvCli *cli, int argc, char **argv)
{
  return run_export (cli, NV_IMPORT_MONTHLY, argc, argv);
}

static void
print_help (FILE *out)
{
  fprintf (out, "%s\n\n", _("Usage: naervaer-cli export KIND --unit NAME FILE"));
  fprintf (out, "%s\n\n",
           _("Writes a CSV file Norwegian Excel opens directly (“;”, decimal comma, UTF-8 "
             "with BOM) with the column names the import reads."));
  for (guint i = 0; i < G_N_ELEMENTS (export_kinds); i++)
    fprintf (out, "  %-11s %s\n", export_kinds[i].name, _(export_kinds[i].summary));
}

int
nv_cli_export_run (NvCli *cli, int argc, char **argv)
{
  if (argc < 2 || strcmp (argv[1], "--help") == 0 || strcmp (argv[1], "-h") == 0)
    {
      print_help (argc < 2 ? stderr : stdout);
      return argc < 2 ? NV_EXIT_USAGE : NV_EXIT_OK;
    }
  for (guint i = 0; i < G_N_ELEMENTS (export_kinds); i++)
    if (strcmp (argv[1], export_kinds[i].name) == 0)
      return export_kinds[i].run (cli, argc - 1, argv + 1);
  return nv_cli_usage ("export", _("unknown kind “%s”"), argv[1]);
}
