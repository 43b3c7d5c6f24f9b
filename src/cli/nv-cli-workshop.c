/* nv-cli-workshop.c — `naervaer-cli workshop add|list|show|poster`.
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
#include "nv-poster.h"
#include "nv-workshop.h"

/* The summary fields `list` and `show` share. */
static void
add_summary (JsonBuilder *b, const NvWorkshop *w, const char *unit_name)
{
  static const struct
  {
    const char *key;
    guint role;
  } roles[] = {
    { "leader", NV_ROLE_LEADER },
    { "union_rep", NV_ROLE_UNION_REP },
    { "safety_rep", NV_ROLE_SAFETY_REP },
    { "nav_adviser", NV_ROLE_NAV_ADVISER },
  };

  nv_cli_json_add_int (b, "id", w->id);
  nv_cli_json_add_string (b, "unit", unit_name);
  nv_cli_json_add_string (b, "date", w->date);
  nv_cli_json_add_string (b, "title", w->title);
  nv_cli_json_add_string (b, "state", nv_workshop_state_id (w->state));
  nv_cli_json_add_int (b, "steps_ticked", w->n_ticked);
  nv_cli_json_add_int (b, "steps_total", w->n_steps);
  nv_cli_json_add_int (b, "staff", w->staff);
  json_builder_set_member_name (b, "present");
  json_builder_begin_array (b);
  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    if (w->roles & roles[i].role)
      json_builder_add_string_value (b, roles[i].key);
  json_builder_end_array (b);
  nv_cli_json_add_string_or_null (b, "followup_date", w->followup_date);
}

static int
workshop_add (NvCli *cli, int argc, char **argv)
{
  g_autofree char *unit_name = NULL;
  g_autofree char *date = NULL;
  g_autofree char *title = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (NvUnit) unit = NULL;
  GOptionEntry entries[] = {
    { "unit", 0, 0, G_OPTION_ARG_STRING, &unit_name, N_("Unit"), "NAME" },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, N_("The day of the workshop"), "YYYY-MM-DD" },
    { "title", 0, 0, G_OPTION_ARG_STRING, &title, N_("Title"), "T" },
    { NULL }
  };
  gint64 id;
  int status;

  context = g_option_context_new (_("— plan a dialogue workshop"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!nv_cli_parse_options (context, "workshop add", &argc, &argv, &status,
                             &unit_name, _("--unit is required"), &date, _("--date is required"),
                             NULL))
    return status;
  if (!nv_workshop_check_date (date, "--date", &error))
    return nv_cli_usage ("workshop add", "%s", error->message);
  unit = nv_cli_unit (cli, unit_name);
  if (unit == NULL)
    return NV_EXIT_ERROR;
  id = nv_workshop_add (cli->store, unit->id, date, title, &error);
  if (id == 0)
    return nv_cli_gerror (error);
  printf ("%" G_GINT64_FORMAT "\n", id);
  return NV_EXIT_OK;
}

static int
workshop_list (NvCli *cli, int argc, char **argv)
{
  g_autofree char *unit_name = NULL;
  g_autofree char *format = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (NvUnit) unit = NULL;
  g_autoptr (GPtrArray) list = NULL;
  GOptionEntry entries[] = {
    { "unit", 0, 0, G_OPTION_ARG_STRING, &unit_name, N_("Unit"), "NAME" },
    NV_CLI_FORMAT_OPTION (&format),
    { NULL }
  };
  int status;

  context = g_option_context_new (_("— list a unit’s workshops, newest first"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!nv_cli_parse (context, &argc, &argv, &status))
    return status;
  if (!nv_cli_check_format ("workshop list", format, nv_cli_table_json, &status))
    return status;
  if (argc != 1)
    return nv_cli_usage ("workshop list", "%s", _("unexpected argument"));
  if (unit_name == NULL)
    return nv_cli_usage ("workshop list", "%s", _("--unit is required"));
  unit = nv_cli_unit (cli, unit_name);
  if (unit == NULL)
    return NV_EXIT_ERROR;
  list = nv_workshop_list (cli->store, unit->id, &error);
  if (list == NULL)
    return nv_cli_gerror (error);

  if (g_strcmp0 (format, "json") == 0)
    {
      g_autoptr (JsonBuilder) b = json_builder_new ();

      json_builder_begin_array (b);
      for (guint i = 0; i < list->len; i++)
        {
          json_builder_begin_object (b);
          add_summary (b, g_ptr_array_index (list, i), unit->name);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      nv_cli_print_json (b);
      return NV_EXIT_OK;
    }
  for (guint i = 0; i < list->len; i++)
    {
      NvWorkshop *w = g_ptr_array_index (list, i);
      printf ("%" G_GINT64_FORMAT "\t%s\t%s\t%s\n", w->id, w->date, nv_workshop_state_id (w->state),
              nv_workshop_display_title (w));
    }
  return NV_EXIT_OK;
}

static void
print_text (const NvWorkshop *w, const NvUnit *unit, GPtrArray *steps, GStrv themes,
            GPtrArray *ideas, GPtrArray *measures)
{
  const NvWorkshopTemplate *tpl = nv_workshop_template (NULL);
  int phase = -1;

  printf ("%s — %s, %s\n", nv_workshop_display_title (w), unit->name, w->date);
  printf (_("State: %s (%d of %d steps done)\n"), nv_workshop_state_label (w->state), w->n_ticked,
          w->n_steps);
  for (guint i = 0; i < steps->len; i++)
    {
      NvWorkshopStep *s = g_ptr_array_index (steps, i);
      if ((int) s->step->phase != phase)
        {
          phase = s->step->phase;
          printf ("\n%s\n", tpl->phase_titles[phase]);
        }
      printf ("  [%s] %s\n", s->ticked != NULL ? "x" : " ", s->step->title);
      if (*s->note != '\0')
        printf ("      %s\n", s->note);
    }
  printf ("\n%s\n", _("Themes"));
  for (guint i = 0; themes[i] != NULL; i++)
    printf ("  %s\n", nv_workshop_template_find_theme (tpl, themes[i])->title);
  printf ("\n%s\n", _("Ideas"));
  for (guint i = 0; i < ideas->len; i++)
    {
      NvWorkshopIdea *idea = g_ptr_array_index (ideas, i);
      printf ("  %3d  %s\n", idea->votes, idea->text);
    }
  printf ("\n%s\n", _("Agreed measures"));
  for (guint i = 0; i < measures->len; i++)
    {
      NvMeasure *m = g_ptr_array_index (measures, i);
      char iso[16] = "";
      if (m->deadline != NV_DAY_NONE)
        nv_day_format_iso_buf (m->deadline, iso);
      printf ("  %s\t%s\t%s\n", m->title, m->owner, iso);
    }
  if (w->followup_date != NULL)
    printf ("\n%s %s\n", _("Follow-up:"), w->followup_date);
  if (*w->evaluation != '\0')
    printf ("\n%s\n%s\n", _("Evaluation"), w->evaluation);
}

static void
print_json (const NvWorkshop *w, const NvUnit *unit, GPtrArray *steps, GStrv themes,
            GPtrArray *prompts, GPtrArray *ideas, GPtrArray *measures)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();

  json_builder_begin_object (b);
  add_summary (b, w, unit->name);
  nv_cli_json_add_string (b, "evaluation", w->evaluation);

  json_builder_set_member_name (b, "steps");
  json_builder_begin_array (b);
  for (guint i = 0; i < steps->len; i++)
    {
      NvWorkshopStep *s = g_ptr_array_index (steps, i);
      json_builder_begin_object (b);
      nv_cli_json_add_string (b, "id", s->step->id);
      nv_cli_json_add_string (b, "phase", nv_phase_id (s->step->phase));
      nv_cli_json_add_string (b, "title", s->step->title);
      nv_cli_json_add_string_or_null (b, "ticked", s->ticked);
      nv_cli_json_add_string (b, "note", s->note);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  json_builder_set_member_name (b, "themes");
  json_builder_begin_array (b);
  for (guint i = 0; themes[i] != NULL; i++)
    json_builder_add_string_value (b, themes[i]);
  json_builder_end_array (b);

  json_builder_set_member_name (b, "prompts");
  json_builder_begin_array (b);
  for (guint i = 0; i < prompts->len; i++)
    {
      NvWorkshopPrompt *p = g_ptr_array_index (prompts, i);
      json_builder_begin_object (b);
      nv_cli_json_add_string (b, "theme", p->theme);
      nv_cli_json_add_string (b, "text", p->text);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  json_builder_set_member_name (b, "ideas");
  json_builder_begin_array (b);
  for (guint i = 0; i < ideas->len; i++)
    {
      NvWorkshopIdea *idea = g_ptr_array_index (ideas, i);
      json_builder_begin_object (b);
      nv_cli_json_add_int (b, "id", idea->id);
      nv_cli_json_add_string (b, "text", idea->text);
      nv_cli_json_add_string_or_null (b, "theme", *idea->theme != '\0' ? idea->theme : NULL);
      nv_cli_json_add_int (b, "votes", idea->votes);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  json_builder_set_member_name (b, "measures");
  json_builder_begin_array (b);
  for (guint i = 0; i < measures->len; i++)
    {
      NvMeasure *m = g_ptr_array_index (measures, i);
      json_builder_begin_object (b);
      nv_cli_json_add_int (b, "id", m->id);
      nv_cli_json_add_string (b, "what", m->title);
      nv_cli_json_add_string (b, "who", m->owner);
      nv_cli_json_add_day_or_null (b, "deadline", m->deadline);
      nv_cli_json_add_string (b, "status", nv_measure_status_id (m->status));
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);

  nv_cli_print_json (b);
}

static int
workshop_show (NvCli *cli, int argc, char **argv)
{
  static const char *const formats[] = { "text", "json", NULL };
  g_autofree char *format = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (NvWorkshop) w = NULL;
  g_autoptr (NvUnit) unit = NULL;
  g_autoptr (GPtrArray) steps = NULL;
  g_autoptr (GPtrArray) prompts = NULL;
  g_autoptr (GPtrArray) ideas = NULL;
  g_autoptr (GPtrArray) measures = NULL;
  g_auto (GStrv) themes = NULL;
  GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_("text or json"), "F" },
    { NULL }
  };
  NvStore *store;
  gint64 id;
  int status;

  context = g_option_context_new (_("ID — everything recorded for one workshop"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!nv_cli_parse (context, &argc, &argv, &status))
    return status;
  if (!nv_cli_check_format ("workshop show", format, formats, &status))
    return status;
  if (argc != 2)
    return nv_cli_usage ("workshop show", "%s", _("give exactly one workshop id"));
  if (!nv_cli_parse_id (argv[1], &id))
    return nv_cli_usage ("workshop show", _("“%s” is not a workshop id"), argv[1]);
  store = nv_cli_store (cli);
  if (store == NULL)
    return NV_EXIT_ERROR;
  if ((w = nv_workshop_get (store, id, &error)) == NULL ||
      (unit = nv_unit_get (store, w->unit_id, &error)) == NULL ||
      (steps = nv_workshop_steps (store, id, &error)) == NULL ||
      (themes = nv_workshop_themes (store, id, &error)) == NULL ||
      (prompts = nv_workshop_prompts (store, id, &error)) == NULL ||
      (ideas = nv_workshop_ideas (store, id, TRUE, &error)) == NULL ||
      (measures = nv_workshop_measures (store, id, &error)) == NULL)
    return nv_cli_gerror (error);

  if (g_strcmp0 (format, "json") == 0)
    print_json (w, unit, steps, themes, prompts, ideas, measures);
  else
    print_text (w, unit, steps, themes, ideas, measures);
  return NV_EXIT_OK;
}

static int
workshop_poster (NvCli *cli, int argc, char **argv)
{
  g_autofree char *output = NULL;
  g_autofree char *size_text = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (NvPosterContent) content = NULL;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The PDF file to write"), "FILE.pdf" },
    { "size", 0, 0, G_OPTION_ARG_STRING, &size_text, N_("a4 (default) or a3"), "SIZE" },
    { NULL }
  };
  NvPaperSize size = NV_PAPER_A4;
  NvStore *store;
  gint64 id;
  int status;

  context = g_option_context_new (_("ID — write the workshop’s poster as PDF"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!nv_cli_parse (context, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return nv_cli_usage ("workshop poster", "%s", _("give exactly one workshop id"));
  if (!nv_cli_parse_id (argv[1], &id))
    return nv_cli_usage ("workshop poster", _("“%s” is not a workshop id"), argv[1]);
  if (output == NULL)
    return nv_cli_usage ("workshop poster", "%s", _("--output is required"));
  if (size_text != NULL && !nv_paper_size_parse (size_text, &size))
    return nv_cli_usage ("workshop poster", _("unknown size “%s” (use a4 or a3)"), size_text);
  store = nv_cli_store (cli);
  if (store == NULL)
    return NV_EXIT_ERROR;
  content = nv_poster_content_for_workshop (store, id, &error);
  if (content == NULL || !nv_poster_write (content, size, output, &error))
    return nv_cli_gerror (error);
  return NV_EXIT_OK;
}

int
nv_cli_workshop_run (NvCli *cli, int argc, char **argv)
{
  if (argc < 2 || strcmp (argv[1], "--help") == 0 || strcmp (argv[1], "-h") == 0)
    {
      FILE *out = argc < 2 ? stderr : stdout;
      fprintf (out, "%s\n",
               _("Usage: naervaer-cli workshop add --unit NAME --date YYYY-MM-DD [--title T]\n"
                 "       naervaer-cli workshop list --unit NAME [--format table|json]\n"
                 "       naervaer-cli workshop show ID [--format text|json]\n"
                 "       naervaer-cli workshop poster ID --output FILE.pdf [--size a4|a3]"));
      return argc < 2 ? NV_EXIT_USAGE : NV_EXIT_OK;
    }
  if (strcmp (argv[1], "add") == 0)
    return workshop_add (cli, argc - 1, argv + 1);
  if (strcmp (argv[1], "list") == 0)
    return workshop_list (cli, argc - 1, argv + 1);
  if (strcmp (argv[1], "show") == 0)
    return workshop_show (cli, argc - 1, argv + 1);
  if (strcmp (argv[1], "poster") == 0)
    return workshop_poster (cli, argc - 1, argv + 1);
  return nv_cli_usage ("workshop", _("unknown subcommand “%s”"), argv[1]);
}
