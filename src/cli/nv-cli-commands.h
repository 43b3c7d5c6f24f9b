/* nv-cli-commands.h — the table of command groups. One line per group. */
#pragma once

#include <glib/gi18n.h>

#include "nv-cli.h"

static const NvCliCommand nv_cli_commands[] = {
  { "unit", N_("Add and list units"), nv_cli_unit_run },
  { "check", N_("Check the database for damage"), nv_cli_check_run },
  { "backup", N_("Write a backup copy of the database"), nv_cli_backup_run },
  { "restore", N_("Replace the database with a backup"), nv_cli_restore_run },
  { "followup", N_("List follow-up milestones of sick-leave cases"), nv_cli_followup_run },
  { "import", N_("Import roster, absence spells or HR figures from CSV"), nv_cli_import_run },
  { "export", N_("Export roster, absence spells or HR figures as CSV"), nv_cli_export_run },
  { "benchmark", N_("List benchmark series and their figures"), nv_cli_benchmark_run },
  { "stats", N_("Sick-leave statistics for a unit"), nv_cli_stats_run },
  { "compare", N_("The unit against a benchmark: traffic light, four quarters, trend"), nv_cli_compare_run },
  { "demo", N_("Fill a fictional demo municipality"), nv_cli_demo_run },
  { "chart", N_("Draw the unit’s sick leave against benchmarks as PNG, SVG or PDF"), nv_cli_chart_run },
  { "measure", N_("Add, list and follow up measures"), nv_cli_measure_run },
  { "workshop", N_("Plan dialogue workshops, show them and print their posters"), nv_cli_workshop_run },
  { "report", N_("Write the unit’s sick-leave report as a PDF"), nv_cli_report_run },
  { "faktor", N_("Import and show 10-FAKTOR survey results"), nv_cli_faktor_run },
  { "research", N_("A 10-FAKTOR factor against sick leave across the units of a sector"), nv_cli_research_run },
  { "server", N_("Set up the municipality’s shared PostgreSQL database and its users"), nv_cli_server_run },
};
