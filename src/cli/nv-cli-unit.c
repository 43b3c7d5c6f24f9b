/* nv-cli-unit.c — `naervaer-cli unit add|list|set|rename|delete`.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "nv-cli.h"
#include "nv-followup.h"

static int
unit_add (NvCli *cli, int argc, char **argv)
{
  g_autofree char *sector = NULL;
  g_autofree char *municipality = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GOptionContext) context = NULL;
  GOptionEntry entries[] = {
    { "sector", 0, 0, G_OPTION_ARG_STRING, &sector, N_("helse-omsorg, barnehage or annet"), "S" },
    { "municipality", 0, 0, G_OPTION_ARG_STRING, &municipality, N_("Municipality"), "M" },
    { NULL }
  };
  NvStore *store;
  int status;

  context = g_option_context_new (_("NAME — add a unit"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!nv_cli_parse (context, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return nv_cli_usage ("unit add", "%s", _("give exactly one unit name"));
  if (sector == NULL)
    return nv_cli_usage ("unit add", "%s", _("--sector is required"));
  if (!nv_sector_is_valid (sector))
    return nv_cli_usage ("unit add", _("unknown sector “%s” (use helse-omsorg, barnehage or annet)"),
                         sector);
  store = nv_cli_store (cli);
  if (store == NULL)
    return NV_EXIT_ERROR;
  if (nv_unit_add (store, argv[1], sector, municipality, &error) == 0)
    return nv_cli_gerror (error);
  return NV_EXIT_OK;
}

static int
unit_list (NvCli *cli, int argc, char **argv)
{
  g_autofree char *format = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (GPtrArray) units = NULL;
  GOptionEntry entries[] = {
    NV_CLI_FORMAT_OPTION (&format),
    { NULL }
  };
  NvStore *store;
  int status;

  context = g_option_context_new (_("— list units"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!nv_cli_parse (context, &argc, &argv, &status))
    return status;
  if (!nv_cli_check_format ("unit list", format, nv_cli_table_json, &status))
    return status;
  if (argc != 1)
    return nv_cli_usage ("unit list", "%s", _("unexpected argument"));
  store = nv_cli_store (cli);
  if (store == NULL)
    return NV_EXIT_ERROR;
  units = nv_unit_list (store, &error);
  if (units == NULL)
    return nv_cli_gerror (error);

  if (g_strcmp0 (format, "json") == 0)
    {
      g_autoptr (JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < units->len; i++)
        {
          NvUnit *unit = g_ptr_array_index (units, i);
          json_builder_begin_object (builder);
          nv_cli_json_add_int (builder, "id", unit->id);
          nv_cli_json_add_string (builder, "name", unit->name);
          nv_cli_json_add_string (builder, "sector", unit->sector);
          nv_cli_json_add_string (builder, "municipality", unit->municipality);
          {
            NvDay from = NV_DAY_NONE;
            if (!nv_followup_get_tracked_from (store, unit->id, &from, &error))
              return nv_cli_gerror (error);
            nv_cli_json_add_day_or_null (builder, "followup_from", from);
          }
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      nv_cli_print_json (builder);
    }
  else
    {
      for (guint i = 0; i < units->len; i++)
        {
          NvUnit *unit = g_ptr_array_index (units, i);
          printf ("%s\t%s\t%s\n", unit->name, unit->sector, unit->municipality);
        }
    }
  return NV_EXIT_OK;
}

static int
unit_rename (NvCli *cli, int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GOptionContext) context = g_option_context_new (_("OLD NEW — rename a unit"));
  g_autoptr (NvUnit) unit = NULL;
  int status;

  if (!nv_cli_parse (context, &argc, &argv, &status))
    return status;
  if (argc != 3)
    return nv_cli_usage ("unit rename", "%s", _("give the old and the new name"));
  unit = nv_cli_unit (cli, argv[1]);
  if (unit == NULL)
    return NV_EXIT_ERROR;
  if (!nv_unit_rename (cli->store, unit->id, argv[2], &error))
    return nv_cli_gerror (error);
  return NV_EXIT_OK;
}

static int
unit_set (NvCli *cli, int argc, char **argv)
{
  g_autofree char *followup_from = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (NvUnit) unit = NULL;
  GOptionEntry entries[] = {
    { "followup-from", 0, 0, G_OPTION_ARG_STRING, &followup_from,
      N_("Track follow-up steps due from this day on; earlier ones are “not tracked” "
         "(“none”: track all)"),
      "YYYY-MM-DD" },
    { NULL }
  };
  NvDay day = NV_DAY_NONE;
  int status;

  context = g_option_context_new (_("NAME — change a unit’s settings"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!nv_cli_parse (context, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return nv_cli_usage ("unit set", "%s", _("give exactly one unit name"));
  if (followup_from == NULL)
    return nv_cli_usage ("unit set", "%s", _("nothing to set (use --followup-from)"));
  if (g_ascii_strcasecmp (followup_from, "none") != 0 &&
      !nv_cli_parse_day ("unit set", "--followup-from", followup_from, nv_day_parse, &day,
                         &status))
    return status;
  unit = nv_cli_unit (cli, argv[1]);
  if (unit == NULL)
    return NV_EXIT_ERROR;
  if (!nv_followup_set_tracked_from (cli->store, unit->id, day, &error))
    return nv_cli_gerror (error);
  return NV_EXIT_OK;
}

static int
unit_delete (NvCli *cli, int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GOptionContext) context =
    g_option_context_new (_("NAME — delete a unit and everything recorded for it"));
  g_autoptr (NvUnit) unit = NULL;
  int status;

  if (!nv_cli_parse (context, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return nv_cli_usage ("unit delete", "%s", _("give exactly one unit name"));
  unit = nv_cli_unit (cli, argv[1]);
  if (unit == NULL)
    return NV_EXIT_ERROR;
  if (!nv_unit_delete (cli->store, unit->id, &error))
    return nv_cli_gerror (error);
  return NV_EXIT_OK;
}

int
nv_cli_unit_run (NvCli *cli, int argc, char **argv)
{
  if (argc < 2 || strcmp (argv[1], "--help") == 0 || strcmp (argv[1], "-h") == 0)
    {
      FILE *out = argc < 2 ? stderr : stdout;
      fprintf (out, "%s\n", _("Usage: naervaer-cli unit add NAME --sector S [--municipality M]\n"
                              "       naervaer-cli unit list [--format table|json]\n"
                              "       naervaer-cli unit set NAME --followup-from YYYY-MM-DD|none\n"
                              "       naervaer-cli unit rename OLD NEW\n"
                              "       naervaer-cli unit delete NAME"));
      return argc < 2 ? NV_EXIT_USAGE : NV_EXIT_OK;
    }
  if (strcmp (argv[1], "add") == 0)
    return unit_add (cli, argc - 1, argv + 1);
  if (strcmp (argv[1], "list") == 0)
    return unit_list (cli, argc - 1, argv + 1);
  if (strcmp (argv[1], "set") == 0)
    return unit_set (cli, argc - 1, argv + 1);
  if (strcmp (argv[1], "rename") == 0)
    return unit_rename (cli, argc - 1, argv + 1);
  if (strcmp (argv[1], "delete") == 0)
    return unit_delete (cli, argc - 1, argv + 1);
  return nv_cli_usage ("unit", _("unknown subcommand “%s”"), argv[1]);
}
