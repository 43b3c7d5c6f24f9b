/* nv-cli.h — naervaer-cli: shared context and helpers for the commands.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "nv-calendar.h"
#include "nv-context.h"
#include "nv-unit.h"

G_BEGIN_DECLS

/* Exit codes of DESIGN §5. */
enum
{
  NV_EXIT_OK = 0,
  NV_EXIT_ERROR = 1,
  NV_EXIT_USAGE = 2,
};

typedef struct
{
  char *database;      /* --database, NAERVAER_DB or the default */
  NvContext *context;  /* store, settings and clock; opened on first use */
  NvStore *store;      /* the context's store, once opened */
} NvCli;

/* A command group: `naervaer-cli NAME …`. @argv[0] is the command name. */
typedef struct
{
  const char *name;
  const char *summary; /* translatable (N_) */
  int (*run) (NvCli *cli, int argc, char **argv);
} NvCliCommand;

/* Opens the database (and makes the commands' context) on first use; prints
 * the error and returns NULL on failure. */
NvContext *nv_cli_context (NvCli *cli);
NvStore *nv_cli_store (NvCli *cli);
/* Today by the context's clock (the system clock before the database is open). */
NvDay nv_cli_today (NvCli *cli);

/* Prints "naervaer-cli: message" to stderr and returns NV_EXIT_ERROR. */
int nv_cli_error (const char *format, ...) G_GNUC_PRINTF (1, 2);
int nv_cli_gerror (const GError *error);
/* Prints a usage error (with a hint to --help) and returns NV_EXIT_USAGE. */
int nv_cli_usage (const char *command, const char *format, ...) G_GNUC_PRINTF (2, 3);

/* Parses options for a subcommand; returns FALSE (and prints) on a usage error.
 * @help_out receives the exit code to use when FALSE. */
gboolean nv_cli_parse (GOptionContext *context, int *argc, char ***argv, int *exit_code);
/* nv_cli_parse, then: no argument is left besides the options, and each
 * option of the NULL-terminated pairs (char **value, const char *message)
 * was given. Else prints a usage error of @command («unexpected argument»,
 * or the first missing option's @message) and returns FALSE. */
gboolean nv_cli_parse_options (GOptionContext *context, const char *command, int *argc,
                               char ***argv, int *exit_code, ...) G_GNUC_NULL_TERMINATED;

/* Resolves --unit NAME; prints the error and returns NULL if unknown. */
NvUnit *nv_cli_unit (NvCli *cli, const char *name);

/* Writes what @builder built to stdout, pretty-printed, with a trailing
 * newline. */
void nv_cli_print_json (JsonBuilder *builder);

/* An export's two ends: @len bytes of @text to standard output (an error
 * when it cannot be written), or «Wrote N rows to PATH.» after a file was
 * written. Both return the exit code. */
int nv_cli_write_stdout (const char *text, gsize len);
int nv_cli_wrote_rows (guint n_rows, const char *path);

/* The --format option of the commands that print a table or JSON (into
 * @format_var, a char **), and the formats it takes for
 * nv_cli_check_format(). */
#define NV_CLI_FORMAT_OPTION(format_var)                                                        \
  { "format", 0, 0, G_OPTION_ARG_STRING, (format_var), N_ ("table or json"), "F", }
extern const char *const nv_cli_table_json[];

/* Is @format one of "table", "csv", "json"? Prints a usage error if not. */
gboolean nv_cli_check_format (const char *command, const char *format, const char *const *allowed,
                              int *exit_code);

/* Parses a positive record id (1 … G_MAXINT64); FALSE if @text is not one.
 * The caller prints the usage error, which names the kind of record. */
gboolean nv_cli_parse_id (const char *text, gint64 *id);

/* Parses the value of a date option with @parse (nv_day_parse or
 * nv_day_parse_iso). A missing option (@text NULL) leaves NV_DAY_NONE; a
 * malformed one prints a usage error naming @option and returns FALSE. */
gboolean nv_cli_parse_day (const char *command, const char *option, const char *text,
                           NvDay (*parse) (const char *text), NvDay *day, int *exit_code);

/* The --from/--to quarter range («YYYY-Qn», each into its first day; a
 * missing one: NV_DAY_NONE). A malformed quarter, or --from after --to,
 * prints a usage error for @command and returns FALSE. */
gboolean nv_cli_parse_quarters (const char *command, const char *from_text, const char *to_text,
                                NvDay *from, NvDay *to, int *exit_code);

/* A JSON member and its value. */
void nv_cli_json_add_string (JsonBuilder *builder, const char *member, const char *value);
void nv_cli_json_add_int (JsonBuilder *builder, const char *member, gint64 value);
void nv_cli_json_add_boolean (JsonBuilder *builder, const char *member, gboolean value);
/* JSON members whose value may be absent: null then. */
void nv_cli_json_add_string_or_null (JsonBuilder *builder, const char *member, const char *value);
void nv_cli_json_add_day_or_null (JsonBuilder *builder, const char *member, NvDay day);
/* A number, null when NAN (masked or not computable). */
void nv_cli_json_add_number_or_null (JsonBuilder *builder, const char *member, double value);

int nv_cli_main (int argc, char **argv);

/* Command groups, one per file nv-cli-<group>.c */
int nv_cli_unit_run (NvCli *cli, int argc, char **argv);
int nv_cli_check_run (NvCli *cli, int argc, char **argv);
int nv_cli_backup_run (NvCli *cli, int argc, char **argv);
int nv_cli_restore_run (NvCli *cli, int argc, char **argv);
int nv_cli_followup_run (NvCli *cli, int argc, char **argv);
int nv_cli_import_run (NvCli *cli, int argc, char **argv);
int nv_cli_export_run (NvCli *cli, int argc, char **argv);
int nv_cli_benchmark_run (NvCli *cli, int argc, char **argv);
int nv_cli_stats_run (NvCli *cli, int argc, char **argv);
int nv_cli_compare_run (NvCli *cli, int argc, char **argv);
int nv_cli_demo_run (NvCli *cli, int argc, char **argv);
int nv_cli_chart_run (NvCli *cli, int argc, char **argv);
int nv_cli_measure_run (NvCli *cli, int argc, char **argv);
int nv_cli_workshop_run (NvCli *cli, int argc, char **argv);
int nv_cli_report_run (NvCli *cli, int argc, char **argv);
int nv_cli_faktor_run (NvCli *cli, int argc, char **argv);
int nv_cli_research_run (NvCli *cli, int argc, char **argv);
int nv_cli_server_run (NvCli *cli, int argc, char **argv);
int nv_cli_export_measures (NvCli *cli, int argc, char **argv);
/* `import benchmarks FILE`, called by the import dispatcher (argv[0] = "benchmarks"). */
int nv_cli_import_benchmarks (NvCli *cli, int argc, char **argv);

G_END_DECLS
