/* nv-cli.c — naervaer-cli: global options and dispatch to command groups.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "nv-cli.h"
#include "nv-cli-commands.h"
#include "nv-benchmark.h"
#include "nv-pg.h"

NvContext *
nv_cli_context (NvCli *cli)
{
  g_autoptr (GError) error = NULL;

  if (cli->context == NULL)
    {
      g_autoptr (NvStore) store = nv_store_open (cli->database, &error);

      if (store == NULL)
        {
          nv_cli_gerror (error);
          return NULL;
        }
      cli->context = nv_context_new (store);
      cli->store = nv_context_get_store (cli->context);
    }
  return cli->context;
}

NvStore *
nv_cli_store (NvCli *cli)
{
  return nv_cli_context (cli) != NULL ? cli->store : NULL;
}

NvDay
nv_cli_today (NvCli *cli)
{
  return cli->context != NULL ? nv_context_today (cli->context) : nv_day_today ();
}

int
nv_cli_error (const char *format, ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_printerr ("naervaer-cli: %s\n", message);
  return NV_EXIT_ERROR;
}

int
nv_cli_gerror (const GError *error)
{
  return nv_cli_error ("%s", error->message);
}

int
nv_cli_usage (const char *command, const char *format, ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_printerr ("naervaer-cli %s: %s\n", command, message);
  g_printerr (_("Try “naervaer-cli %s --help”.\n"), command);
  return NV_EXIT_USAGE;
}

gboolean
nv_cli_parse (GOptionContext *context, int *argc, char ***argv, int *exit_code)
{
  g_autoptr (GError) error = NULL;

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      *exit_code = nv_cli_usage ((*argv)[0], "%s", error->message);
      return FALSE;
    }
  return TRUE;
}

gboolean
nv_cli_parse_options (GOptionContext *context, const char *command, int *argc, char ***argv,
                      int *exit_code, ...)
{
  const char *message = NULL;
  va_list ap;

  if (!nv_cli_parse (context, argc, argv, exit_code))
    return FALSE;
  if (*argc != 1)
    message = _("unexpected argument");
  va_start (ap, exit_code);
  for (char **value = va_arg (ap, char **); value != NULL && message == NULL;
       value = va_arg (ap, char **))
    {
      const char *missing = va_arg (ap, const char *);
      if (*value == NULL)
        message = missing;
    }
  va_end (ap);
  if (message == NULL)
    return TRUE;
  *exit_code = nv_cli_usage (command, "%s", message);
  return FALSE;
}

static gboolean
parse_quarter (const char *text, NvDay *day)
{
  NvPeriodKind kind;

  *day = NV_DAY_NONE;
  if (text == NULL)
    return TRUE;
  return nv_benchmark_period_parse (text, &kind, day, NULL) && kind == NV_PERIOD_QUARTER;
}

gboolean
nv_cli_parse_quarters (const char *command, const char *from_text, const char *to_text,
                       NvDay *from, NvDay *to, int *exit_code)
{
  if (!parse_quarter (from_text, from))
    *exit_code =
      nv_cli_usage (command, _("--from: “%s” is not a quarter like 2024-Q1"), from_text);
  else if (!parse_quarter (to_text, to))
    *exit_code = nv_cli_usage (command, _("--to: “%s” is not a quarter like 2025-Q4"), to_text);
  else if (*from != NV_DAY_NONE && *to != NV_DAY_NONE && *from > *to)
    *exit_code = nv_cli_usage (command, "%s", _("--from comes after --to"));
  else
    return TRUE;
  return FALSE;
}

NvUnit *
nv_cli_unit (NvCli *cli, const char *name)
{
  g_autoptr (GError) error = NULL;
  NvStore *store = nv_cli_store (cli);
  NvUnit *unit;

  if (store == NULL)
    return NULL;
  unit = nv_unit_find (store, name, &error);
  if (unit == NULL)
    nv_cli_gerror (error);
  return unit;
}

void
nv_cli_print_json (JsonBuilder *builder)
{
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  g_autoptr (JsonNode) root = json_builder_get_root (builder);
  g_autofree char *text = NULL;

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, NULL);
  fputs (text, stdout);
  fputc ('\n', stdout);
}

int
nv_cli_write_stdout (const char *text, gsize len)
{
  if (fwrite (text, 1, len, stdout) != len || fflush (stdout) != 0)
    return nv_cli_error ("%s", _("Cannot write to standard output"));
  return NV_EXIT_OK;
}

int
nv_cli_wrote_rows (guint n_rows, const char *path)
{
  printf (g_dngettext (GETTEXT_PACKAGE, "Wrote %u row to %s.\n", "Wrote %u rows to %s.\n",
                       n_rows),
          n_rows, path);
  return NV_EXIT_OK;
}

const char *const nv_cli_table_json[] = { "table", "json", NULL };

gboolean
nv_cli_check_format (const char *command, const char *format, const char *const *allowed,
                     int *exit_code)
{
  if (format == NULL || g_strv_contains (allowed, format))
    return TRUE;
  {
    g_autofree char *list = g_strjoinv (", ", (char **) allowed);
    *exit_code = nv_cli_usage (command, _("unknown format “%s” (use %s)"), format, list);
  }
  return FALSE;
}

gboolean
nv_cli_parse_id (const char *text, gint64 *id)
{
  guint64 value = 0;

  if (!g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT64, &value, NULL))
    return FALSE;
  *id = (gint64) value;
  return TRUE;
}

gboolean
nv_cli_parse_day (const char *command, const char *option, const char *text,
                  NvDay (*parse) (const char *text), NvDay *day, int *exit_code)
{
  *day = NV_DAY_NONE;
  if (text == NULL)
    return TRUE;
  *day = parse (text);
  if (*day == NV_DAY_NONE)
    {
      *exit_code =
        nv_cli_usage (command, _("%s: “%s” is not a date (use YYYY-MM-DD)"), option, text);
      return FALSE;
    }
  return TRUE;
}

void
nv_cli_json_add_string (JsonBuilder *builder, const char *member, const char *value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_string_value (builder, value);
}

void
nv_cli_json_add_int (JsonBuilder *builder, const char *member, gint64 value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_int_value (builder, value);
}

void
nv_cli_json_add_boolean (JsonBuilder *builder, const char *member, gboolean value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_boolean_value (builder, value);
}

void
nv_cli_json_add_string_or_null (JsonBuilder *builder, const char *member, const char *value)
{
  json_builder_set_member_name (builder, member);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

void
nv_cli_json_add_day_or_null (JsonBuilder *builder, const char *member, NvDay day)
{
  char iso[16];

  json_builder_set_member_name (builder, member);
  if (day != NV_DAY_NONE)
    json_builder_add_string_value (builder, nv_day_format_iso_buf (day, iso));
  else
    json_builder_add_null_value (builder);
}

void
nv_cli_json_add_number_or_null (JsonBuilder *builder, const char *member, double value)
{
  json_builder_set_member_name (builder, member);
  if (isnan (value))
    json_builder_add_null_value (builder);
  else
    json_builder_add_double_value (builder, value);
}

static void
print_help (FILE *out)
{
  fprintf (out, "%s\n\n", _("Usage: naervaer-cli [--database PATH] COMMAND [OPTIONS…]"));
  fprintf (out, "%s\n\n", _("Batch interface to Nærvær, the sick-leave tool for unit leaders."));
  fprintf (out, "%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (nv_cli_commands); i++)
    fprintf (out, "  %-12s %s\n", nv_cli_commands[i].name, _(nv_cli_commands[i].summary));
  fprintf (out, "\n%s\n", _("Global options:"));
  fprintf (out, "  --database PATH  %s\n",
           _("Database file (default $XDG_DATA_HOME/naervaer/naervaer.db or $NAERVAER_DB), "
             "or the municipality’s PostgreSQL server (postgresql://…, service=…)"));
  fprintf (out, "  --help           %s\n", _("Show this help"));
  fprintf (out, "  --version        %s\n", _("Show the version"));
  fprintf (out, "\n%s\n",
           _("Exit status: 0 success, 1 error (message on stderr), 2 wrong usage.\n"
             "“naervaer-cli COMMAND --help” describes each command."));
}

int
nv_cli_main (int argc, char **argv)
{
  NvCli cli = { 0 };
  const NvCliCommand *command = NULL;
  int first = 1;
  int status;

  /* Global options come before the command name. */
  while (first < argc && argv[first][0] == '-')
    {
      const char *arg = argv[first];

      if (strcmp (arg, "--help") == 0 || strcmp (arg, "-h") == 0)
        {
          print_help (stdout);
          status = NV_EXIT_OK;
          goto out;
        }
      else if (strcmp (arg, "--version") == 0)
        {
          printf ("naervaer-cli %s\n", PACKAGE_VERSION);
          status = NV_EXIT_OK;
          goto out;
        }
      else if (strcmp (arg, "--database") == 0)
        {
          if (first + 1 >= argc)
            {
              status = nv_cli_usage ("", "%s", _("--database needs a file name"));
              goto out;
            }
          g_free (cli.database);
          cli.database = g_strdup (argv[first + 1]);
          first += 2;
        }
      else if (g_str_has_prefix (arg, "--database="))
        {
          g_free (cli.database);
          cli.database = g_strdup (arg + strlen ("--database="));
          first += 1;
        }
      else
        {
          g_printerr (_("naervaer-cli: unknown option “%s”\n"), arg);
          print_help (stderr);
          status = NV_EXIT_USAGE;
          goto out;
        }
    }

  if (first >= argc)
    {
      print_help (stderr);
      status = NV_EXIT_USAGE;
      goto out;
    }

  for (guint i = 0; i < G_N_ELEMENTS (nv_cli_commands); i++)
    if (strcmp (argv[first], nv_cli_commands[i].name) == 0)
      command = &nv_cli_commands[i];

  if (command == NULL)
    {
      g_printerr (_("naervaer-cli: unknown command “%s”\n"), argv[first]);
      print_help (stderr);
      status = NV_EXIT_USAGE;
      goto out;
    }

  if (cli.database == NULL)
    cli.database = nv_store_default_path ();
  else if (*cli.database == '\0')
    {
      status = nv_cli_usage ("", "%s", _("--database needs a file name"));
      goto out;
    }

  status = command->run (&cli, argc - first, argv + first);

out:
  /* Every way out, usage errors too, frees what the options set. */
  cli.store = NULL;
  g_clear_object (&cli.context);
  g_free (cli.database);
  return status;
}
