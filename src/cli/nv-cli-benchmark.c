/* nv-cli-benchmark.c — `naervaer-cli benchmark list|show` and the
 * `import benchmarks FILE` handler the import dispatcher calls.
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
#include "nv-format.h"

/* Resolves an optional --unit; *@unit_id stays 0 without one. */
static gboolean
resolve_unit (NvCli *cli, const char *name, gint64 *unit_id)
{
  g_autoptr (NvUnit) unit = NULL;

  *unit_id = 0;
  if (name == NULL)
    return nv_cli_store (cli) != NULL;
  unit = nv_cli_unit (cli, name);
  if (unit == NULL)
    return FALSE;
  *unit_id = unit->id;
  return TRUE;
}

static int
benchmark_list (NvCli *cli, int argc, char **argv)
{
  g_autofree char *format = NULL;
  g_autofree char *unit_name = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (GPtrArray) list = NULL;
  GOptionEntry entries[] = {
    { "unit", 0, 0, G_OPTION_ARG_STRING, &unit_name,
      N_("Unit to compare (own municipality and the «behind» check)"), "NAME" },
    NV_CLI_FORMAT_OPTION (&format),
    { NULL }
  };
  gint64 unit_id = 0;
  int status;

  context = g_option_context_new (_("— list benchmark series"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!nv_cli_parse (context, &argc, &argv, &status))
    return status;
  if (!nv_cli_check_format ("benchmark list", format, nv_cli_table_json, &status))
    return status;
  if (argc != 1)
    return nv_cli_usage ("benchmark list", "%s", _("unexpected argument"));
  if (!resolve_unit (cli, unit_name, &unit_id))
    return NV_EXIT_ERROR;
  list = nv_benchmark_list (cli->store, unit_id, &error);
  if (list == NULL)
    return nv_cli_gerror (error);

  if (g_strcmp0 (format, "json") == 0)
    {
      g_autoptr (JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < list->len; i++)
        {
          NvBenchmarkSeries *s = g_ptr_array_index (list, i);

          json_builder_begin_object (builder);
          nv_cli_json_add_string_or_null (builder, "name", s->name);
          nv_cli_json_add_string_or_null (builder, "kind", nv_benchmark_kind_to_string (s->kind));
          nv_cli_json_add_string_or_null (builder, "measure",
                                          nv_benchmark_measure_to_string (s->measure));
          nv_cli_json_add_string_or_null (builder, "basis", s->basis);
          nv_cli_json_add_string_or_null (builder, "latest_period", s->latest_period);
          nv_cli_json_add_int (builder, "points", s->n_points);
          nv_cli_json_add_int (builder, "bundled", s->n_bundled);
          nv_cli_json_add_int (builder, "imported", s->n_imported);
          nv_cli_json_add_int (builder, "replaced", s->n_replaced);
          nv_cli_json_add_boolean (builder, "computed", s->computed);
          json_builder_set_member_name (builder, "behind");
          if (unit_id != 0)
            json_builder_add_boolean_value (builder, s->behind);
          else
            json_builder_add_null_value (builder);
          json_builder_set_member_name (builder, "sources");
          json_builder_begin_array (builder);
          for (guint j = 0; s->sources != NULL && s->sources[j] != NULL; j++)
            json_builder_add_string_value (builder, s->sources[j]);
          json_builder_end_array (builder);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      nv_cli_print_json (builder);
    }
  else
    {
      for (guint i = 0; i < list->len; i++)
        {
          NvBenchmarkSeries *s = g_ptr_array_index (list, i);

          printf ("%s\t%s\t%s\t%s\t%u\t%s%s\n", s->name, nv_benchmark_kind_to_string (s->kind),
                  nv_benchmark_measure_to_string (s->measure),
                  s->latest_period != NULL ? s->latest_period : "–", s->n_points, s->basis,
                  s->behind ? "\tbehind" : "");
        }
    }
  return NV_EXIT_OK;
}

static int
benchmark_show (NvCli *cli, int argc, char **argv)
{
  g_autofree char *format = NULL;
  g_autofree char *unit_name = NULL;
  g_autofree char *from_text = NULL;
  g_autofree char *to_text = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (GArray) points = NULL;
  gboolean unmasked = FALSE;
  GOptionEntry entries[] = {
    { "unit", 0, 0, G_OPTION_ARG_STRING, &unit_name,
      N_("Unit whose municipality the own-municipality series is for"), "NAME" },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from_text, N_("First period (YYYY-Qn or YYYY)"), "P" },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to_text, N_("Last period (YYYY-Qn or YYYY)"), "P" },
    { "unmasked", 0, 0, G_OPTION_ARG_NONE, &unmasked,
      N_("Show own-municipality figures of fewer than five persons"), NULL },
    NV_CLI_FORMAT_OPTION (&format),
    { NULL }
  };
  NvDay from = NV_DAY_NONE, to = NV_DAY_NONE;
  gint64 unit_id = 0;
  int status;

  context = g_option_context_new (_("SERIES — the figures of one benchmark series"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!nv_cli_parse (context, &argc, &argv, &status))
    return status;
  if (!nv_cli_check_format ("benchmark show", format, nv_cli_table_json, &status))
    return status;
  if (argc != 2)
    return nv_cli_usage ("benchmark show", "%s", _("give exactly one series name"));
  if (from_text != NULL && !nv_benchmark_period_parse (from_text, NULL, &from, NULL))
    return nv_cli_usage ("benchmark show", _("“%s” is not a period (YYYY-Qn or YYYY)"), from_text);
  if (to_text != NULL && !nv_benchmark_period_parse (to_text, NULL, NULL, &to))
    return nv_cli_usage ("benchmark show", _("“%s” is not a period (YYYY-Qn or YYYY)"), to_text);
  if (!resolve_unit (cli, unit_name, &unit_id))
    return NV_EXIT_ERROR;
  points = nv_benchmark_get_points (cli->store, argv[1], unit_id, from, to, NV_DAY_NONE, &error);
  if (points == NULL)
    return nv_cli_gerror (error);

  if (g_strcmp0 (format, "json") == 0)
    {
      g_autoptr (JsonBuilder) builder = json_builder_new ();
      gboolean own = nv_benchmark_name_is_own (argv[1]);

      json_builder_begin_array (builder);
      for (guint i = 0; i < points->len; i++)
        {
          NvBenchmarkPoint *p = &g_array_index (points, NvBenchmarkPoint, i);
          gboolean hide = p->masked && !unmasked;

          json_builder_begin_object (builder);
          nv_cli_json_add_string_or_null (builder, "period", p->period);
          json_builder_set_member_name (builder, "percent");
          if (hide)
            json_builder_add_null_value (builder);
          else
            json_builder_add_double_value (builder, p->percent);
          nv_cli_json_add_string_or_null (builder, "basis", p->basis);
          nv_cli_json_add_string_or_null (builder, "source", p->source);
          nv_cli_json_add_boolean (builder, "bundled", p->bundled);
          if (own)
            {
              nv_cli_json_add_int (builder, "persons", p->persons);
              nv_cli_json_add_boolean (builder, "masked", p->masked);
            }
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      nv_cli_print_json (builder);
    }
  else
    {
      for (guint i = 0; i < points->len; i++)
        {
          NvBenchmarkPoint *p = &g_array_index (points, NvBenchmarkPoint, i);
          g_autofree char *percent = p->masked && !unmasked
                                       ? g_strdup (_("masked (fewer than 5 persons)"))
                                       : nv_format_percent_sign (p->percent);

          printf ("%s\t%s\t%s\t%s\n", p->period, percent, p->basis, p->source);
        }
    }
  return NV_EXIT_OK;
}

static int
benchmark_remove_imported (NvCli *cli, int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GOptionContext) context = g_option_context_new (
    _("SERIES — remove the imported figures of a series (shipped figures stay)"));
  NvStore *store;
  guint n = 0;
  int status;

  if (!nv_cli_parse (context, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return nv_cli_usage ("benchmark remove-imported", "%s", _("give exactly one series name"));
  store = nv_cli_store (cli);
  if (store == NULL)
    return NV_EXIT_ERROR;
  if (!nv_benchmark_remove_imported (store, argv[1], &n, &error))
    return nv_cli_gerror (error);
  printf (g_dngettext (GETTEXT_PACKAGE, "Removed %u imported figure.\n",
                       "Removed %u imported figures.\n", n),
          n);
  return NV_EXIT_OK;
}

int
nv_cli_import_benchmarks (NvCli *cli, int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GOptionContext) context =
    g_option_context_new (_("FILE — import benchmark figures (serie;periode;prosent;type;"
                            "grunnlag;kilde)"));
  g_auto (NvBenchmarkImportReport) report = { 0 };
  NvStore *store;
  int status;

  if (!nv_cli_parse (context, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return nv_cli_usage ("import benchmarks", "%s", _("give exactly one file"));
  store = nv_cli_store (cli);
  if (store == NULL)
    return NV_EXIT_ERROR;
  if (!nv_benchmark_import_file (store, argv[1], &report, &error))
    return nv_cli_gerror (error);

  /* What changed goes to stdout: scripts may log it; errors go to stderr. */
  printf (g_dngettext (GETTEXT_PACKAGE, "Read %u figure: ", "Read %u figures: ", report.n_rows),
          report.n_rows);
  printf (_("%u new, %u replaced, %u unchanged; %u new series.\n"), report.n_added,
          report.n_replaced, report.n_unchanged, report.n_new_series);
  for (guint i = 0; i < report.replaced->len; i++)
    printf (_("Replaced: %s\n"), (const char *) g_ptr_array_index (report.replaced, i));
  return NV_EXIT_OK;
}

int
nv_cli_benchmark_run (NvCli *cli, int argc, char **argv)
{
  if (argc < 2 || strcmp (argv[1], "--help") == 0 || strcmp (argv[1], "-h") == 0)
    {
      FILE *out = argc < 2 ? stderr : stdout;
      fprintf (out, "%s\n",
               _("Usage: naervaer-cli benchmark list [--unit NAME] [--format table|json]\n"
                 "       naervaer-cli benchmark show SERIES [--unit NAME] [--from P] [--to P] "
                 "[--unmasked] [--format table|json]\n"
                 "       naervaer-cli benchmark remove-imported SERIES\n"
                 "Import figures with: naervaer-cli import benchmarks FILE"));
      return argc < 2 ? NV_EXIT_USAGE : NV_EXIT_OK;
    }
  if (strcmp (argv[1], "list") == 0)
    return benchmark_list (cli, argc - 1, argv + 1);
  if (strcmp (argv[1], "show") == 0)
    return benchmark_show (cli, argc - 1, argv + 1);
  if (strcmp (argv[1], "remove-imported") == 0)
    return benchmark_remove_imported (cli, argc - 1, argv + 1);
  return nv_cli_usage ("benchmark", _("unknown subcommand “%s”"), argv[1]);
}
