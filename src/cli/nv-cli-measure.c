/* nv-cli-measure.c — `naervaer-cli measure add|list|set-status|evaluate`.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "nv-cli.h"
#include "nv-measure.h"

static int
measure_add (NvCli *cli, int argc, char **argv)
{
  g_autofree char *unit_name = NULL;
  g_autofree char *title = NULL;
  g_autofree char *description = NULL;
  g_autofree char *owner = NULL;
  g_autofree char *theme = NULL;
  g_autofree char *deadline = NULL;
  g_autofree char *start = NULL;
  gint64 workshop = 0;
  g_autoptr (GError) error = NULL;
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (NvUnit) unit = NULL;
  g_autoptr (NvMeasure) fields = nv_measure_new ();
  GOptionEntry entries[] = {
    { "unit", 0, 0, G_OPTION_ARG_STRING, &unit_name, N_("Unit"), "NAME" },
    { "title", 0, 0, G_OPTION_ARG_STRING, &title, N_("What will be done"), "T" },
    { "description", 0, 0, G_OPTION_ARG_STRING, &description, N_("Details"), "TEXT" },
    { "owner", 0, 0, G_OPTION_ARG_STRING, &owner, N_("Who is responsible (a role or pseudonym)"), "O" },
    { "theme", 0, 0, G_OPTION_ARG_STRING, &theme, N_("Workshop theme id, or other"), "TH" },
    { "start", 0, 0, G_OPTION_ARG_STRING, &start, N_("Start (default today)"), "YYYY-MM-DD" },
    { "deadline", 0, 0, G_OPTION_ARG_STRING, &deadline, N_("By when"), "YYYY-MM-DD" },
    { "workshop", 0, 0, G_OPTION_ARG_INT64, &workshop, N_("The workshop that agreed it"), "ID" },
    { NULL }
  };
  NvStore *store;
  gint64 id;
  int status;

  context = g_option_context_new (_("— add a measure"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!nv_cli_parse_options (context, "measure add", &argc, &argv, &status,
                             &unit_name, _("--unit is required"), &title, _("--title is required"),
                             NULL))
    return status;
  if (theme != NULL && !nv_measure_theme_is_valid (theme))
    return nv_cli_usage ("measure add",
                         _("unknown theme “%s” (use leadership, mastery-climate, open-talk, "
                           "presence-expectations, absent-follow-up, work-organisation, "
                           "competence-quality, initiative or other)"),
                         theme);
  if (!nv_cli_parse_day ("measure add", "--start", start, nv_day_parse, &fields->start,
                         &status) ||
      !nv_cli_parse_day ("measure add", "--deadline", deadline, nv_day_parse, &fields->deadline,
                         &status))
    return status;
  if (workshop < 0)
    return nv_cli_usage ("measure add", "%s", _("--workshop needs a workshop id"));

  unit = nv_cli_unit (cli, unit_name);
  if (unit == NULL)
    return NV_EXIT_ERROR;
  store = cli->store;
  g_free (fields->title);
  fields->title = g_strdup (title);
  g_free (fields->description);
  fields->description = g_strdup (description != NULL ? description : "");
  g_free (fields->owner);
  fields->owner = g_strdup (owner != NULL ? owner : "");
  g_free (fields->theme);
  fields->theme = g_strdup (theme != NULL ? theme : "other");
  fields->workshop_id = workshop;
  id = nv_measure_add (store, unit->id, fields, &error);
  if (id == 0)
    return nv_cli_gerror (error);
  printf ("%" G_GINT64_FORMAT "\n", id);
  return NV_EXIT_OK;
}

static int
measure_list (NvCli *cli, int argc, char **argv)
{
  g_autofree char *unit_name = NULL;
  g_autofree char *as_of_text = NULL;
  g_autofree char *format = NULL;
  g_autofree char *status_text = NULL;
  g_autofree char *theme = NULL;
  g_autofree char *search = NULL;
  gboolean overdue = FALSE;
  g_autoptr (GError) error = NULL;
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (NvUnit) unit = NULL;
  g_autoptr (GPtrArray) measures = NULL;
  GOptionEntry entries[] = {
    { "unit", 0, 0, G_OPTION_ARG_STRING, &unit_name, N_("Unit"), "NAME" },
    { "as-of", 0, 0, G_OPTION_ARG_STRING, &as_of_text, N_("Day that decides what is overdue (default today)"), "YYYY-MM-DD" },
    { "status", 0, 0, G_OPTION_ARG_STRING, &status_text, N_("Only this status"), "STATUS" },
    { "theme", 0, 0, G_OPTION_ARG_STRING, &theme, N_("Only this theme"), "TH" },
    { "overdue", 0, 0, G_OPTION_ARG_NONE, &overdue, N_("Only overdue measures"), NULL },
    { "search", 0, 0, G_OPTION_ARG_STRING, &search, N_("Only measures containing these words"), "TEXT" },
    NV_CLI_FORMAT_OPTION (&format),
    { NULL }
  };
  NvMeasureQuery query;
  NvMeasureStatus wanted;
  NvDay as_of;
  int status;

  context = g_option_context_new (_("— list a unit’s measures"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!nv_cli_parse (context, &argc, &argv, &status))
    return status;
  if (!nv_cli_check_format ("measure list", format, nv_cli_table_json, &status))
    return status;
  if (argc != 1)
    return nv_cli_usage ("measure list", "%s", _("unexpected argument"));
  if (unit_name == NULL)
    return nv_cli_usage ("measure list", "%s", _("--unit is required"));
  if (!nv_cli_parse_day ("measure list", "--as-of", as_of_text, nv_day_parse, &as_of, &status))
    return status;
  nv_measure_query_init (&query);
  if (status_text != NULL)
    {
      if (!nv_measure_status_parse (status_text, &wanted))
        return nv_cli_usage ("measure list",
                             _("unknown status “%s” (use planned, in-progress, done or discontinued)"),
                             status_text);
      query.status_mask = 1u << wanted;
    }
  if (theme != NULL && !nv_measure_theme_is_valid (theme))
    return nv_cli_usage ("measure list", _("unknown theme “%s”"), theme);
  if (as_of == NV_DAY_NONE)
    as_of = nv_cli_today (cli);
  query.as_of = as_of;
  query.theme = theme;
  query.overdue_only = overdue;
  query.search = search;

  unit = nv_cli_unit (cli, unit_name);
  if (unit == NULL)
    return NV_EXIT_ERROR;
  measures = nv_measure_list (cli->store, unit->id, &query, &error);
  if (measures == NULL)
    return nv_cli_gerror (error);

  if (g_strcmp0 (format, "json") == 0)
    {
      g_autoptr (JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < measures->len; i++)
        {
          NvMeasure *m = g_ptr_array_index (measures, i);

          json_builder_begin_object (builder);
          nv_cli_json_add_int (builder, "id", m->id);
          nv_cli_json_add_string (builder, "title", m->title);
          nv_cli_json_add_string (builder, "owner", m->owner);
          nv_cli_json_add_string (builder, "theme", m->theme);
          nv_cli_json_add_day_or_null (builder, "start", m->start);
          nv_cli_json_add_day_or_null (builder, "deadline", m->deadline);
          nv_cli_json_add_string (builder, "status", nv_measure_status_id (m->status));
          nv_cli_json_add_boolean (builder, "overdue", nv_measure_is_overdue (m, as_of));
          json_builder_set_member_name (builder, "workshop");
          if (m->workshop_id > 0)
            json_builder_add_int_value (builder, m->workshop_id);
          else
            json_builder_add_null_value (builder);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      nv_cli_print_json (builder);
    }
  else
    {
      for (guint i = 0; i < measures->len; i++)
        {
          NvMeasure *m = g_ptr_array_index (measures, i);
          char start[11], deadline[11];

          printf ("%" G_GINT64_FORMAT "\t%s\t%s\t%s\t%s\t%s\t%s\n", m->id,
                  nv_measure_status_id (m->status), nv_day_format_iso_buf (m->start, start),
                  m->deadline != NV_DAY_NONE ? nv_day_format_iso_buf (m->deadline, deadline) : "-",
                  nv_measure_is_overdue (m, as_of) ? "overdue" : "-", m->title,
                  *m->owner != '\0' ? m->owner : "-");
        }
    }
  return NV_EXIT_OK;
}

static int
measure_set_status (NvCli *cli, int argc, char **argv)
{
  g_autofree char *note = NULL;
  g_autofree char *date = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GOptionContext) context = NULL;
  GOptionEntry entries[] = {
    { "note", 0, 0, G_OPTION_ARG_STRING, &note, N_("Why (required when reopening)"), "TEXT" },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, N_("Day of the change (default today)"), "YYYY-MM-DD" },
    { NULL }
  };
  NvMeasureStatus to;
  NvStore *store;
  NvDay day;
  gint64 id;
  int status;

  context = g_option_context_new (_("ID STATUS — move a measure to planned, in-progress, done or discontinued"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!nv_cli_parse (context, &argc, &argv, &status))
    return status;
  if (argc != 3)
    return nv_cli_usage ("measure set-status", "%s", _("give a measure id and a status"));
  if (!nv_cli_parse_id (argv[1], &id))
    return nv_cli_usage ("measure set-status", _("“%s” is not a measure id"), argv[1]);
  if (!nv_measure_status_parse (argv[2], &to))
    return nv_cli_usage ("measure set-status",
                         _("unknown status “%s” (use planned, in-progress, done or discontinued)"),
                         argv[2]);
  if (!nv_cli_parse_day ("measure set-status", "--date", date, nv_day_parse, &day, &status))
    return status;
  store = nv_cli_store (cli);
  if (store == NULL)
    return NV_EXIT_ERROR;
  if (!nv_measure_set_status (store, id, to, note, day, &error))
    return nv_cli_gerror (error);
  return NV_EXIT_OK;
}

static int
measure_evaluate (NvCli *cli, int argc, char **argv)
{
  g_autofree char *note = NULL;
  g_autofree char *date = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GOptionContext) context = NULL;
  GOptionEntry entries[] = {
    { "note", 0, 0, G_OPTION_ARG_STRING, &note, N_("What effect was seen"), "TEXT" },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, N_("Day of the evaluation (default today)"), "YYYY-MM-DD" },
    { NULL }
  };
  NvStore *store;
  NvDay day;
  gint64 id;
  int status;

  context = g_option_context_new (_("ID — add an evaluation note to a measure"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!nv_cli_parse (context, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return nv_cli_usage ("measure evaluate", "%s", _("give exactly one measure id"));
  if (!nv_cli_parse_id (argv[1], &id))
    return nv_cli_usage ("measure evaluate", _("“%s” is not a measure id"), argv[1]);
  if (note == NULL)
    return nv_cli_usage ("measure evaluate", "%s", _("--note is required"));
  if (!nv_cli_parse_day ("measure evaluate", "--date", date, nv_day_parse, &day, &status))
    return status;
  store = nv_cli_store (cli);
  if (store == NULL)
    return NV_EXIT_ERROR;
  if (nv_measure_add_note (store, id, day, note, &error) == 0)
    return nv_cli_gerror (error);
  return NV_EXIT_OK;
}

/* `naervaer-cli export measures --unit NAME [--as-of DATE] FILE` (hooked into
 * the export dispatcher in nv-cli-export.c). */
int
nv_cli_export_measures (NvCli *cli, int argc, char **argv)
{
  g_autofree char *unit_name = NULL;
  g_autofree char *as_of_text = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (NvUnit) unit = NULL;
  GOptionEntry entries[] = {
    { "unit", 0, 0, G_OPTION_ARG_STRING, &unit_name, N_("The unit to export"), "NAME" },
    { "as-of", 0, 0, G_OPTION_ARG_STRING, &as_of_text,
      N_("Day that decides what is overdue and which quarters have ended (default today)"),
      "YYYY-MM-DD" },
    { NULL }
  };
  const char *path;
  guint n_rows = 0;
  NvDay as_of;
  int status;

  context = g_option_context_new (_("--unit NAME FILE — write the measures as CSV (“-” for "
                                    "standard output)"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!nv_cli_parse (context, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return nv_cli_usage ("export measures", "%s", _("give exactly one file"));
  if (unit_name == NULL)
    return nv_cli_usage ("export measures", "%s", _("--unit is required"));
  if (!nv_cli_parse_day ("export measures", "--as-of", as_of_text, nv_day_parse, &as_of, &status))
    return status;
  path = argv[1];
  unit = nv_cli_unit (cli, unit_name);
  if (unit == NULL)
    return NV_EXIT_ERROR;

  if (strcmp (path, "-") == 0)
    {
      gsize len = 0;
      g_autofree char *text = nv_measure_export_csv_string (cli->store, unit->id, as_of, &len,
                                                            &error);
      if (text == NULL)
        return nv_cli_gerror (error);
      return nv_cli_write_stdout (text, len);
    }
  if (!nv_measure_export_csv (cli->store, unit->id, path, as_of, &n_rows, &error))
    return nv_cli_gerror (error);
  return nv_cli_wrote_rows (n_rows, path);
}

int
nv_cli_measure_run (NvCli *cli, int argc, char **argv)
{
  if (argc < 2 || strcmp (argv[1], "--help") == 0 || strcmp (argv[1], "-h") == 0)
    {
      FILE *out = argc < 2 ? stderr : stdout;
      fprintf (out, "%s\n",
               _("Usage: naervaer-cli measure add --unit NAME --title T [--owner O] [--theme TH]\n"
                 "                                [--start YYYY-MM-DD] [--deadline YYYY-MM-DD]\n"
                 "                                [--workshop ID] [--description TEXT]\n"
                 "       naervaer-cli measure list --unit NAME [--as-of DATE] [--status S]\n"
                 "                                 [--theme TH] [--overdue] [--search TEXT]\n"
                 "                                 [--format table|json]\n"
                 "       naervaer-cli measure set-status ID STATUS [--note TEXT] [--date DATE]\n"
                 "       naervaer-cli measure evaluate ID --note TEXT [--date DATE]\n"
                 "Statuses: planned, in-progress, done, discontinued. Themes: leadership,\n"
                 "mastery-climate, open-talk, presence-expectations, absent-follow-up,\n"
                 "work-organisation, competence-quality, initiative, other."));
      return argc < 2 ? NV_EXIT_USAGE : NV_EXIT_OK;
    }
  if (strcmp (argv[1], "add") == 0)
    return measure_add (cli, argc - 1, argv + 1);
  if (strcmp (argv[1], "list") == 0)
    return measure_list (cli, argc - 1, argv + 1);
  if (strcmp (argv[1], "set-status") == 0)
    return measure_set_status (cli, argc - 1, argv + 1);
  if (strcmp (argv[1], "evaluate") == 0)
    return measure_evaluate (cli, argc - 1, argv + 1);
  return nv_cli_usage ("measure", _("unknown subcommand “%s”"), argv[1]);
}
