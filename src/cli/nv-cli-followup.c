/* nv-cli-followup.c — `naervaer-cli followup --unit NAME [--repeated] [--as-of DATE]
 * [--format table|json]`.
 *
 * Every legemeldt follow-up case of the unit with its milestones (DESIGN §3
 * and §5), or with --repeated the employees NAV's repeated-absence rule
 * flags.
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

static void
print_json (GPtrArray *milestones)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  char day[11];

  json_builder_begin_array (builder);
  for (guint i = 0; i < milestones->len; i++)
    {
      const NvMilestone *m = g_ptr_array_index (milestones, i);

      json_builder_begin_object (builder);
      nv_cli_json_add_string (builder, "employee", m->employee_ref);
      nv_cli_json_add_string (builder, "case_start", nv_day_format_iso_buf (m->case_start, day));
      nv_cli_json_add_string (builder, "milestone", m->milestone);
      nv_cli_json_add_string (builder, "due", nv_day_format_iso_buf (m->due, day));
      nv_cli_json_add_string (builder, "status", nv_milestone_status_to_string (m->status));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  nv_cli_print_json (builder);
}

/* Pads @text with spaces to @width characters (not bytes). */
static void
print_cell (const char *text, guint width, gboolean last)
{
  guint n = (guint) g_utf8_strlen (text, -1);

  fputs (text, stdout);
  if (last)
    return;
  for (; n < width + 2; n++)
    fputc (' ', stdout);
}

/* Prints @headers and @rows (char **, @n_cols cells each) as columns as
 * wide as their widest cell, two spaces apart. */
static void
print_rows (const char *const *headers, guint n_cols, GPtrArray *rows)
{
  g_autofree guint *widths = g_new (guint, n_cols);

  for (guint c = 0; c < n_cols; c++)
    widths[c] = (guint) g_utf8_strlen (headers[c], -1);
  for (guint i = 0; i < rows->len; i++)
    for (guint c = 0; c < n_cols; c++)
      widths[c] = MAX (widths[c], (guint) g_utf8_strlen (((char **) rows->pdata[i])[c], -1));
  for (guint i = 0; i <= rows->len; i++)
    {
      const char *const *cells = i == 0 ? headers : g_ptr_array_index (rows, i - 1);

      for (guint c = 0; c < n_cols; c++)
        print_cell (cells[c], widths[c], c == n_cols - 1);
      fputc ('\n', stdout);
    }
}

static void
print_table (GPtrArray *milestones)
{
  enum { N_COLS = 6 };
  const char *headers[N_COLS] = {
    _("Employee"), _("Case start"), _("Milestone"), _("Due"), _("Status"), _("Done on"),
  };
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  for (guint i = 0; i < milestones->len; i++)
    {
      const NvMilestone *m = g_ptr_array_index (milestones, i);
      char **row = g_new0 (char *, N_COLS + 1);

      row[0] = g_strdup (m->employee_ref);
      row[1] = nv_day_format_iso (m->case_start);
      row[2] = g_strdup (m->milestone);
      row[3] = nv_day_format_iso (m->due);
      row[4] = g_strdup (nv_milestone_status_to_string (m->status));
      row[5] = m->status == NV_MILESTONE_DONE ? nv_day_format_iso (m->done_on) : g_strdup ("");
      g_ptr_array_add (rows, row);
    }

  if (rows->len == 0)
    {
      printf ("%s\n", _("No legemeldt case needs follow-up in this unit."));
      return;
    }
  print_rows (headers, N_COLS, rows);
}

static void
print_repeated_json (GPtrArray *flagged)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();

  json_builder_begin_array (builder);
  for (guint i = 0; i < flagged->len; i++)
    {
      const NvRepeatedAbsence *r = g_ptr_array_index (flagged, i);

      json_builder_begin_object (builder);
      nv_cli_json_add_string (builder, "employee", r->employee_ref);
      nv_cli_json_add_int (builder, "cases", r->cases);
      nv_cli_json_add_int (builder, "days", r->days);
      json_builder_set_member_name (builder, "rules");
      json_builder_begin_array (builder);
      if (r->rules & NV_REPEATED_5_100)
        json_builder_add_string_value (builder, "5-100");
      if (r->rules & NV_REPEATED_2_300)
        json_builder_add_string_value (builder, "2-300");
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  nv_cli_print_json (builder);
}

static void
print_repeated_table (GPtrArray *flagged)
{
  enum { N_COLS = 4 };
  const char *headers[N_COLS] = { _("Employee"), _("Cases"), _("Days"), _("Rules") };
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  if (flagged->len == 0)
    {
      printf ("%s\n", _("Nobody in this unit meets the repeated-absence rules."));
      return;
    }
  for (guint i = 0; i < flagged->len; i++)
    {
      const NvRepeatedAbsence *r = g_ptr_array_index (flagged, i);
      char **row = g_new0 (char *, N_COLS + 1);

      row[0] = g_strdup (r->employee_ref);
      row[1] = g_strdup_printf ("%u", r->cases);
      row[2] = g_strdup_printf ("%u", r->days);
      row[3] = g_strdup_printf ("%s%s%s", (r->rules & NV_REPEATED_5_100) ? "5-100" : "",
                                (r->rules & NV_REPEATED_5_100) && (r->rules & NV_REPEATED_2_300)
                                  ? ","
                                  : "",
                                (r->rules & NV_REPEATED_2_300) ? "2-300" : "");
      g_ptr_array_add (rows, row);
    }
  print_rows (headers, N_COLS, rows);
}

int
nv_cli_followup_run (NvCli *cli, int argc, char **argv)
{
  g_autofree char *unit_name = NULL;
  g_autofree char *as_of_text = NULL;
  g_autofree char *format = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (NvUnit) unit = NULL;
  g_autoptr (GPtrArray) milestones = NULL;
  gboolean repeated = FALSE;
  GOptionEntry entries[] = {
    { "unit", 0, 0, G_OPTION_ARG_STRING, &unit_name, N_("The unit"), "NAME" },
    { "repeated", 0, 0, G_OPTION_ARG_NONE, &repeated,
      N_("List employees with repeated absence (NAV’s rules 5-100 and 2-300) instead"), NULL },
    { "as-of", 0, 0, G_OPTION_ARG_STRING, &as_of_text,
      N_("Day that decides what is overdue (default today)"), "YYYY-MM-DD" },
    NV_CLI_FORMAT_OPTION (&format),
    { NULL }
  };
  NvDay as_of = NV_DAY_NONE;
  int status;

  context = g_option_context_new (_("— follow-up milestones of every sick-leave case"));
  g_option_context_set_summary (
    context, _("Lists each legemeldt follow-up case of the unit with its milestones: employee, "
               "case start, milestone, due date and status (done, due, overdue, optional or "
               "not-tracked). A follow-up case joins spells less than 16 days apart.\n\n"
               "With --repeated: employees with at least 5 cases of 16 days or more, together at "
               "least 100 days (5-100), or at least 2 together at least 300 days (2-300), among "
               "the cases that started in the last 36 months. JSON keys: employee, cases, days, "
               "rules."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!nv_cli_parse_options (context, "followup", &argc, &argv, &status,
                             &unit_name, _("--unit is required"), NULL))
    return status;
  if (!nv_cli_check_format ("followup", format, nv_cli_table_json, &status))
    return status;
  if (as_of_text != NULL)
    {
      as_of = nv_day_parse (as_of_text);
      if (as_of == NV_DAY_NONE)
        return nv_cli_usage ("followup", _("--as-of: “%s” is not a date (use YYYY-MM-DD)"),
                             as_of_text);
    }

  unit = nv_cli_unit (cli, unit_name);
  if (unit == NULL)
    return NV_EXIT_ERROR;
  if (repeated)
    {
      g_autoptr (GPtrArray) flagged =
        nv_repeated_absence_for_unit (cli->store, unit->id, as_of, &error);

      if (flagged == NULL)
        return nv_cli_gerror (error);
      if (g_strcmp0 (format, "json") == 0)
        print_repeated_json (flagged);
      else
        print_repeated_table (flagged);
      return NV_EXIT_OK;
    }
  milestones = nv_followup_list (cli->store, unit->id, as_of, &error);
  if (milestones == NULL)
    return nv_cli_gerror (error);

  if (g_strcmp0 (format, "json") == 0)
    print_json (milestones);
  else
    print_table (milestones);
  return NV_EXIT_OK;
}
