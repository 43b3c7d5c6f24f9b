/* nv-cli-faktor.c — `naervaer-cli faktor import FILE [--create-units]`,
 * `faktor show --unit NAME [--format table|json]` and
 * `research --factor ID --sector S [--measure totalt|legemeldt]
 * [--format table|json]` (issue 15).
 *
 * Rounds with fewer than 3 respondents are never shown (nv-faktor.h). The
 * research JSON has exactly the keys factor, sector, n, r, ci_low, ci_high,
 * slope, intercept, excluded and points (unit, date, factor_mean, percent);
 * numbers unrounded, r and the rest null when n < 3. Units with fewer than
 * 5 persons are never among the points, so nothing there needs masking.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "nv-cli.h"
#include "nv-faktor.h"
#include "nv-format.h"

static void
print_cells (char **cells, const guint *widths, guint n_cols, guint first_right)
{
  for (guint c = 0; c < n_cols; c++)
    {
      guint n = (guint) g_utf8_strlen (cells[c], -1);
      gboolean right = c >= first_right;

      if (right)
        for (; n < widths[c]; n++)
          fputc (' ', stdout);
      fputs (cells[c], stdout);
      if (c + 1 < n_cols)
        {
          if (!right)
            for (; n < widths[c]; n++)
              fputc (' ', stdout);
          fputs ("  ", stdout);
        }
    }
  fputc ('\n', stdout);
}

/* ---- faktor import ----------------------------------------------------------- */

static int
faktor_import (NvCli *cli, int argc, char **argv)
{
  gboolean create_units = FALSE;
  g_autoptr (GError) error = NULL;
  g_autoptr (GOptionContext) context = NULL;
  GOptionEntry entries[] = {
    { "create-units", 0, 0, G_OPTION_ARG_NONE, &create_units,
      N_("Create units the file names that do not exist yet (sector «annet»)"), NULL },
    { NULL }
  };
  guint n_rounds = 0, n_replaced = 0;
  NvStore *store;
  int status;

  context = g_option_context_new (_("FILE — import 10-FAKTOR survey results"));
  g_option_context_set_summary (
    context, _("Columns: enhet;dato;respondenter and one per factor (indre_motivasjon, "
               "mestringstro, autonomi, bruk_av_kompetanse, mestringsorientert_ledelse, "
               "rolleklarhet, relevant_kompetanseutvikling, fleksibilitetsvilje, "
               "mestringsklima, prososial_motivasjon). Means 1–5; a factor may be empty.\n"
               "Rounds with fewer than 3 respondents are stored but never shown or used."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!nv_cli_parse (context, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return nv_cli_usage ("faktor import", "%s", _("give exactly one file"));
  store = nv_cli_store (cli);
  if (store == NULL)
    return NV_EXIT_ERROR;
  if (!nv_faktor_import_file (store, argv[1], create_units, &n_rounds, &n_replaced, &error))
    return nv_cli_gerror (error);
  printf (g_dngettext (GETTEXT_PACKAGE,
                       "Imported %u 10-FAKTOR round (%u replaced stored rounds).\n",
                       "Imported %u 10-FAKTOR rounds (%u replaced stored rounds).\n", n_rounds),
          n_rounds, n_replaced);
  return NV_EXIT_OK;
}

/* ---- faktor show ------------------------------------------------------------- */

static void
show_json (const NvUnit *unit, GArray *rounds, const double *means)
{
  const NvFaktorFactor *factors = nv_faktor_factors ();
  g_autoptr (JsonBuilder) b = json_builder_new ();

  json_builder_begin_object (b);
  nv_cli_json_add_string (b, "unit", unit->name);
  json_builder_set_member_name (b, "rounds");
  json_builder_begin_array (b);
  for (guint i = 0; i < rounds->len; i++)
    {
      const NvFaktorRound *round = &g_array_index (rounds, NvFaktorRound, i);

      json_builder_begin_object (b);
      nv_cli_json_add_day_or_null (b, "date", round->date);
      nv_cli_json_add_int (b, "respondents", round->respondents);
      json_builder_set_member_name (b, "factors");
      json_builder_begin_object (b);
      for (int f = 0; f < NV_FAKTOR_N; f++)
        nv_cli_json_add_number_or_null (b, factors[f].id, round->means[f]);
      json_builder_end_object (b);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_set_member_name (b, "municipality");
  json_builder_begin_object (b);
  for (int f = 0; f < NV_FAKTOR_N; f++)
    nv_cli_json_add_number_or_null (b, factors[f].id, means[f]);
  json_builder_end_object (b);
  json_builder_end_object (b);
  nv_cli_print_json (b);
}

static void
show_table (GArray *rounds, const double *means)
{
  guint n_cols = rounds->len + 2;
  g_autofree guint *widths = g_new0 (guint, n_cols);
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  for (int r = -1; r <= NV_FAKTOR_N; r++)
    {
      char **cells = g_new0 (char *, n_cols + 1);

      cells[0] = g_strdup (r < 0 ? _("Factor")
                           : r == NV_FAKTOR_N ? _("Respondents")
                                              : nv_faktor_factor_label (r));
      for (guint i = 0; i < rounds->len; i++)
        {
          const NvFaktorRound *round = &g_array_index (rounds, NvFaktorRound, i);

          if (r < 0)
            cells[1 + i] = nv_day_format_iso (round->date);
          else if (r == NV_FAKTOR_N)
            cells[1 + i] = g_strdup_printf ("%d", round->respondents);
          else
            cells[1 + i] = isnan (round->means[r]) ? g_strdup ("–")
                                                   : nv_format_decimal (round->means[r], 2);
        }
      cells[n_cols - 1] = r < 0 ? g_strdup (_("Municipality"))
                          : r == NV_FAKTOR_N || isnan (means[r])
                            ? g_strdup (r == NV_FAKTOR_N ? "" : "–")
                            : nv_format_decimal (means[r], 2);
      for (guint c = 0; c < n_cols; c++)
        widths[c] = MAX (widths[c], (guint) g_utf8_strlen (cells[c], -1));
      g_ptr_array_add (rows, cells);
    }
  for (guint r = 0; r < rows->len; r++)
    print_cells (g_ptr_array_index (rows, r), widths, n_cols, 1);
}

static int
faktor_show (NvCli *cli, int argc, char **argv)
{
  g_autofree char *unit_name = NULL;
  g_autofree char *format = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (NvUnit) unit = NULL;
  g_autoptr (GArray) rounds = NULL;
  GOptionEntry entries[] = {
    { "unit", 0, 0, G_OPTION_ARG_STRING, &unit_name, N_("The unit"), "NAME" },
    NV_CLI_FORMAT_OPTION (&format),
    { NULL }
  };
  double means[NV_FAKTOR_N];
  guint n_units[NV_FAKTOR_N];
  int status;

  context = g_option_context_new (_("— the unit’s 10-FAKTOR rounds and the municipality’s mean"));
  g_option_context_set_summary (
    context, _("Rounds with fewer than 3 respondents are not shown. The municipality’s mean is "
               "the mean of each unit’s latest round."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!nv_cli_parse_options (context, "faktor show", &argc, &argv, &status,
                             &unit_name, _("--unit is required"), NULL))
    return status;
  if (!nv_cli_check_format ("faktor show", format, nv_cli_table_json, &status))
    return status;
  unit = nv_cli_unit (cli, unit_name);
  if (unit == NULL)
    return NV_EXIT_ERROR;
  rounds = nv_faktor_rounds (cli->store, unit->id, FALSE, &error);
  if (rounds == NULL ||
      !nv_faktor_municipal_means (cli->store, NV_DAY_NONE, means, n_units, &error))
    return nv_cli_gerror (error);
  if (g_strcmp0 (format, "json") == 0)
    show_json (unit, rounds, means);
  else if (rounds->len == 0)
    printf (_("“%s” has no 10-FAKTOR round with at least 3 respondents.\n"), unit->name);
  else
    show_table (rounds, means);
  return NV_EXIT_OK;
}

static const NvCliCommand faktor_commands[] = {
  { "import", N_("Import 10-FAKTOR survey results (enhet;dato;respondenter;…)"), faktor_import },
  { "show", N_("Show a unit’s 10-FAKTOR rounds"), faktor_show },
};

int
nv_cli_faktor_run (NvCli *cli, int argc, char **argv)
{
  if (argc < 2 || strcmp (argv[1], "--help") == 0 || strcmp (argv[1], "-h") == 0)
    {
      FILE *out = argc < 2 ? stderr : stdout;

      fprintf (out, "%s\n\n", _("Usage: naervaer-cli faktor COMMAND …"));
      for (guint i = 0; i < G_N_ELEMENTS (faktor_commands); i++)
        fprintf (out, "  %-8s %s\n", faktor_commands[i].name, _(faktor_commands[i].summary));
      return argc < 2 ? NV_EXIT_USAGE : NV_EXIT_OK;
    }
  for (guint i = 0; i < G_N_ELEMENTS (faktor_commands); i++)
    if (strcmp (argv[1], faktor_commands[i].name) == 0)
      return faktor_commands[i].run (cli, argc - 1, argv + 1);
  return nv_cli_usage ("faktor", _("unknown command “%s”"), argv[1]);
}

/* ---- research ---------------------------------------------------------------- */

static void
research_json (const NvResearch *res)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();

  json_builder_begin_object (b);
  nv_cli_json_add_string (b, "factor", nv_faktor_factors ()[res->factor].id);
  nv_cli_json_add_string (b, "sector", res->sector);
  nv_cli_json_add_int (b, "n", res->n);
  nv_cli_json_add_number_or_null (b, "r", res->r);
  nv_cli_json_add_number_or_null (b, "ci_low", res->ci_low);
  nv_cli_json_add_number_or_null (b, "ci_high", res->ci_high);
  nv_cli_json_add_number_or_null (b, "slope", res->slope);
  nv_cli_json_add_number_or_null (b, "intercept", res->intercept);
  nv_cli_json_add_int (b, "excluded", res->excluded);
  json_builder_set_member_name (b, "points");
  json_builder_begin_array (b);
  for (guint i = 0; i < res->n; i++)
    {
      const NvResearchPoint *p = &g_array_index (res->points, NvResearchPoint, i);

      json_builder_begin_object (b);
      nv_cli_json_add_string (b, "unit", p->unit_name);
      nv_cli_json_add_day_or_null (b, "date", p->date);
      nv_cli_json_add_number_or_null (b, "factor_mean", p->factor_mean);
      nv_cli_json_add_number_or_null (b, "percent", p->percent);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  nv_cli_print_json (b);
}

static void
research_table (const NvResearch *res)
{
  const char *headers[5] = { _("Unit"), _("Survey"), nv_faktor_factor_label (res->factor),
                             _("Sick leave %"), NULL };
  guint widths[4];
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autofree char *words = nv_research_describe (res);

  for (guint c = 0; c < 4; c++)
    widths[c] = (guint) g_utf8_strlen (headers[c], -1);
  g_ptr_array_add (rows, g_strdupv ((char **) headers));
  for (guint i = 0; i < res->n; i++)
    {
      const NvResearchPoint *p = &g_array_index (res->points, NvResearchPoint, i);
      char **cells = g_new0 (char *, 5);

      cells[0] = g_strdup (p->unit_name);
      cells[1] = nv_day_format_iso (p->date);
      cells[2] = nv_format_decimal (p->factor_mean, 2);
      cells[3] = nv_format_percent (p->percent);
      for (guint c = 0; c < 4; c++)
        widths[c] = MAX (widths[c], (guint) g_utf8_strlen (cells[c], -1));
      g_ptr_array_add (rows, cells);
    }
  for (guint r = 0; r < rows->len; r++)
    print_cells (g_ptr_array_index (rows, r), widths, 4, 2);
  if (res->n >= 3 && !isnan (res->slope))
    {
      g_autofree char *slope = nv_format_decimal (res->slope, 2);
      g_autofree char *icpt = nv_format_decimal (res->intercept, 2);

      fputc ('\n', stdout);
      printf (_("Least-squares line: sick leave %% = %s + %s × factor\n"), icpt, slope);
    }
  printf ("\n%s\n", words);
}

int
nv_cli_research_run (NvCli *cli, int argc, char **argv)
{
  g_autofree char *factor_id = NULL;
  g_autofree char *sector = NULL;
  g_autofree char *measure_text = NULL;
  g_autofree char *format = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (NvResearch) res = NULL;
  GOptionEntry entries[] = {
    { "factor", 0, 0, G_OPTION_ARG_STRING, &factor_id,
      N_("The factor, e.g. mestringsklima or mastery_climate"), "ID" },
    { "sector", 0, 0, G_OPTION_ARG_STRING, &sector, N_("helse-omsorg, barnehage or annet"), "S" },
    { "measure", 0, 0, G_OPTION_ARG_STRING, &measure_text,
      N_("totalt (default) or legemeldt"), "M" },
    NV_CLI_FORMAT_OPTION (&format),
    { NULL }
  };
  NvResearchMeasure measure = NV_RESEARCH_TOTAL;
  NvStore *store;
  int factor, status;

  context = g_option_context_new (_("— a 10-FAKTOR factor against sick leave across units"));
  g_option_context_set_summary (
    context, _("Each unit with its latest survey round and its sick leave in the four complete "
               "quarters before it (Σ lost ÷ Σ contracted days). Units with fewer than 5 "
               "persons or fewer than 3 respondents are left out and counted."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!nv_cli_parse_options (context, "research", &argc, &argv, &status,
                             &factor_id, _("--factor is required"),
                             &sector, _("--sector is required"), NULL))
    return status;
  factor = nv_faktor_factor_index (factor_id);
  if (factor < 0)
    return nv_cli_usage ("research", _("--factor: unknown factor “%s”"), factor_id);
  if (!nv_sector_is_valid (sector))
    return nv_cli_usage ("research",
                         _("--sector: unknown sector “%s” (use helse-omsorg, barnehage or annet)"),
                         sector);
  if (measure_text != NULL && !nv_research_measure_parse (measure_text, &measure))
    return nv_cli_usage ("research", _("--measure: use totalt or legemeldt, not “%s”"),
                         measure_text);
  if (!nv_cli_check_format ("research", format, nv_cli_table_json, &status))
    return status;
  store = nv_cli_store (cli);
  if (store == NULL)
    return NV_EXIT_ERROR;
  res = nv_research_compute (store, factor, sector, measure, &error);
  if (res == NULL)
    return nv_cli_gerror (error);
  if (g_strcmp0 (format, "json") == 0)
    research_json (res);
  else
    research_table (res);
  return NV_EXIT_OK;
}
