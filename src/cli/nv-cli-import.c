/* nv-cli-import.c — `naervaer-cli import roster|spells --unit NAME FILE`,
 * `import monthly FILE` and the dispatcher other import kinds hook into.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "nv-cli.h"
#include "nv-import.h"

static int import_roster (NvCli *cli, int argc, char **argv);
static int import_spells (NvCli *cli, int argc, char **argv);
static int import_monthly (NvCli *cli, int argc, char **argv);

/* Import kinds: `naervaer-cli import KIND …` calls run (cli, argc, argv)
 * with argv[0] = KIND. To add one, declare its handler in nv-cli.h and add
 * a line here; the handler parses its own options and FILE and returns an
 * NV_EXIT_* code. */
static const NvCliCommand import_kinds[] = {
  { "roster", N_("Roster rows into a unit (ansatt;stillingsprosent;fra;til)"), import_roster },
  { "spells", N_("Absence spells into a unit (ansatt;fra;til;grad;type)"), import_spells },
  { "monthly",
    N_("HR monthly figures (enhet;periode;avtalte_dagsverk;tapte_dagsverk_egenmeldt;"
       "tapte_dagsverk_legemeldt;personer)"),
    import_monthly },
  { "benchmarks", N_("Benchmark figures (serie;periode;prosent;type;grunnlag;kilde)"),
    nv_cli_import_benchmarks },
};

static int
run_import (NvCli *cli, NvImportKind kind, int argc, char **argv)
{
  g_autofree char *unit_name = NULL;
  g_autofree char *command = g_strdup_printf ("import %s", nv_import_kind_to_string (kind));
  g_autoptr (GError) error = NULL;
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (NvUnit) unit = NULL;
  gboolean create_units = FALSE;
  GOptionEntry entries[] = {
    { "unit", 0, 0, G_OPTION_ARG_STRING, &unit_name,
      N_("The unit to import into (not needed when the file has an enhet column)"), "NAME" },
    { NULL }
  };
  GOptionEntry create_entries[] = {
    { "create-units", 0, 0, G_OPTION_ARG_NONE, &create_units,
      N_("Create units the file names that do not exist yet (sector «annet»)"), NULL },
    { NULL }
  };
  NvImportCounts counts = { 0 };
  NvStore *store;
  int status;

  context = g_option_context_new (kind == NV_IMPORT_MONTHLY
                                    ? _("FILE — import HR monthly figures")
                                    : _("[--unit NAME] FILE — import into a unit, or into the "
                                        "units the file’s enhet column names"));
  if (nv_import_kind_needs_unit (kind))
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, create_entries, GETTEXT_PACKAGE);
  if (!nv_cli_parse (context, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return nv_cli_usage (command, "%s", _("give exactly one file"));

  store = nv_cli_store (cli);
  if (store == NULL)
    return NV_EXIT_ERROR;
  if (unit_name != NULL)
    {
      unit = nv_cli_unit (cli, unit_name);
      if (unit == NULL)
        return NV_EXIT_ERROR;
    }

  if (!nv_import_file_with_flags (store, kind, unit != NULL ? unit->id : 0,
                                  create_units ? NV_IMPORT_CREATE_UNITS : NV_IMPORT_FLAGS_NONE,
                                  argv[1], &counts, &error))
    return nv_cli_gerror (error);
  if (counts.n_units_created > 0)
    printf (g_dngettext (GETTEXT_PACKAGE, "Created %u unit (sector «annet»).\n",
                         "Created %u units (sector «annet»).\n", counts.n_units_created),
            counts.n_units_created);

  /* What was stored goes to stdout (scripts may log it); errors to stderr. */
  switch (kind)
    {
    case NV_IMPORT_ROSTER:
      if (unit == NULL)
        {
          printf (g_dngettext (GETTEXT_PACKAGE, "Imported into %u unit (roster rows: %u).\n",
                               "Imported into %u units (roster rows: %u).\n", counts.n_units),
                  counts.n_units, counts.n_stored);
          break;
        }
      printf (g_dngettext (GETTEXT_PACKAGE, "Imported %u roster row into “%s”.\n",
                           "Imported %u roster rows into “%s”.\n", counts.n_stored),
              counts.n_stored, unit->name);
      break;
    case NV_IMPORT_SPELLS:
      if (unit == NULL)
        {
          printf (g_dngettext (GETTEXT_PACKAGE, "Imported into %u unit (absence spells: %u).\n",
                               "Imported into %u units (absence spells: %u).\n", counts.n_units),
                  counts.n_units, counts.n_stored);
          break;
        }
      printf (g_dngettext (GETTEXT_PACKAGE, "Imported %u absence spell into “%s”.\n",
                           "Imported %u absence spells into “%s”.\n", counts.n_stored),
              counts.n_stored, unit->name);
      break;
    case NV_IMPORT_MONTHLY:
    default:
      printf (g_dngettext (GETTEXT_PACKAGE,
                           "Imported figures for %u month (%u replaced stored figures).\n",
                           "Imported figures for %u months (%u replaced stored figures).\n",
                           counts.n_stored),
              counts.n_stored, counts.n_replaced);
      if (counts.n_over_computed > 0)
        g_printerr (g_dngettext (GETTEXT_PACKAGE,
                                 "For %u month these HR figures are now used instead of the "
                                 "figures computed from the absence spells.\n",
                                 "For %u months these HR figures are now used instead of the "
                                 "figures computed from the absence spells.\n",
                                 counts.n_over_computed),
                    counts.n_over_computed);
      break;
    }
  return NV_EXIT_OK;
}

static int
import_roster (NvCli *cli, int argc, char **argv)
{
  return run_import (cli, NV_IMPORT_ROSTER, argc, argv);
}

static int
import_spells (NvCli *cli, int argc, char **argv)
{
  return run_import (cli, NV_IMPORT_SPELLS, argc, argv);
}

static int
import_monthly (NvCli *cli, int argc, char **argv)
{
  return run_import (cli, NV_IMPORT_MONTHLY, argc, argv);
}

static void
print_help (FILE *out)
{
  fprintf (out, "%s\n\n", _("Usage: naervaer-cli import KIND [--unit NAME] [--create-units] FILE"));
  fprintf (out, "%s\n\n",
           _("Reads a CSV file (“;” or “,”, UTF-8 or Windows-1252, Norwegian or English column "
             "names). All or nothing: on the first bad row nothing is stored and the error "
             "names file, line and column. Roster and spells files with an enhet column go to "
             "the units it names, all in one transaction; unknown units are an error unless "
             "--create-units."));
  for (guint i = 0; i < G_N_ELEMENTS (import_kinds); i++)
    fprintf (out, "  %-11s %s\n", import_kinds[i].name, _(import_kinds[i].summary));
}

int
nv_cli_import_run (NvCli *cli, int argc, char **argv)
{
  if (argc < 2 || strcmp (argv[1], "--help") == 0 || strcmp (argv[1], "-h") == 0)
    {
      print_help (argc < 2 ? stderr : stdout);
      return argc < 2 ? NV_EXIT_USAGE : NV_EXIT_OK;
    }
  for (guint i = 0; i < G_N_ELEMENTS (import_kinds); i++)
    if (strcmp (argv[1], import_kinds[i].name) == 0)
      return import_kinds[i].run (cli, argc - 1, argv + 1);
  return nv_cli_usage ("import", _("unknown kind “%s”"), argv[1]);
}
