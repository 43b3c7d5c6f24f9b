/* nv-cli-server.c — `naervaer-cli server init|grant|revoke|users|audit`:
 * the municipality's shared PostgreSQL database, for its IT and HR.
 *
 * --database names the server the way libpq does (`service=naervaer`,
 * `postgresql://host/db?sslmode=verify-full`); libpq's own mechanisms
 * carry the credentials.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "nv-cli.h"
#include "nv-pg.h"

static NvPg *
connect_server (NvCli *cli, const char *command)
{
  g_autoptr (GError) error = NULL;
  NvPg *pg;

  if (!nv_pg_is_conninfo (cli->database))
    {
      nv_cli_error (_("“server %s” works on the municipality’s PostgreSQL database: give it with "
                      "--database (for example --database service=naervaer or "
                      "--database postgresql://server/naervaer?sslmode=verify-full), not a file."),
                    command);
      return NULL;
    }
  pg = nv_pg_connect (cli->database, &error);
  if (pg == NULL)
    nv_cli_gerror (error);
  return pg;
}

static int
server_init (NvCli *cli, int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GOptionContext) context =
    g_option_context_new (_("— create or update the Nærvær schema, roles and calendar"));
  g_autoptr (NvPg) pg = NULL;
  int from = 0, to = 0;
  int status;

  if (!nv_cli_parse_options (context, "server init", &argc, &argv, &status, NULL))
    return status;
  pg = connect_server (cli, "init");
  if (pg == NULL)
    return NV_EXIT_ERROR;
  if (!nv_pg_init (pg, &from, &to, &error))
    return nv_cli_gerror (error);
  if (from == to)
    printf (_("The Nærvær schema is up to date (version %d).\n"), to);
  else if (from == 0)
    printf (_("Created the Nærvær schema (version %d) and the roles naervaer_admin, "
              "naervaer_leader and naervaer_viewer.\n"),
            to);
  else
    printf (_("Updated the Nærvær schema from version %d to %d.\n"), from, to);
  return NV_EXIT_OK;
}

/* The options of grant and revoke: whose access, which role, which unit. */
typedef struct
{
  char *user;
  char *role;
  char *unit;
} Access;

static void
access_clear (Access *access)
{
  g_clear_pointer (&access->user, g_free);
  g_clear_pointer (&access->role, g_free);
  g_clear_pointer (&access->unit, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Access, access_clear)

static gboolean
parse_access (const char *command, const char *summary, const char *role_help,
              const char *unit_help, int *argc, char ***argv, Access *access, int *status)
{
  g_autoptr (GOptionContext) context = g_option_context_new (summary);
  GOptionEntry entries[] = {
    { "user", 0, 0, G_OPTION_ARG_STRING, &access->user, N_("The user’s database login"), "U" },
    { "role", 0, 0, G_OPTION_ARG_STRING, &access->role, role_help, "R" },
    { "unit", 0, 0, G_OPTION_ARG_STRING, &access->unit, unit_help, "NAME" },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  return nv_cli_parse_options (context, command, argc, argv, status, NULL);
}

static int
server_grant (NvCli *cli, int argc, char **argv)
{
  g_auto (Access) access = { NULL };
  g_autoptr (GError) error = NULL;
  g_autoptr (NvPg) pg = NULL;
  int status;

  if (!parse_access ("server grant", _("— give a user a role (a leader: one unit at a time)"),
                     N_("admin, leader or viewer"), N_("The unit a leader may work with"), &argc,
                     &argv, &access, &status))
    return status;
  if (access.user == NULL || access.role == NULL)
    return nv_cli_usage ("server grant", "%s", _("--user and --role are required"));
  pg = connect_server (cli, "grant");
  if (pg == NULL)
    return NV_EXIT_ERROR;
  if (!nv_pg_grant (pg, access.user, access.role, access.unit, &error))
    return nv_cli_gerror (error);
  return NV_EXIT_OK;
}

static int
server_revoke (NvCli *cli, int argc, char **argv)
{
  g_auto (Access) access = { NULL };
  g_autoptr (GError) error = NULL;
  g_autoptr (NvPg) pg = NULL;
  guint removed = 0;
  int status;

  if (!parse_access ("server revoke", _("— take a unit, a role or all access from a user"),
                     N_("Only this role: admin, leader or viewer"), N_("Only this unit of a leader"),
                     &argc, &argv, &access, &status))
    return status;
  if (access.user == NULL)
    return nv_cli_usage ("server revoke", "%s", _("--user is required"));
  pg = connect_server (cli, "revoke");
  if (pg == NULL)
    return NV_EXIT_ERROR;
  if (!nv_pg_revoke (pg, access.user, access.role, access.unit, &removed, &error))
    return nv_cli_gerror (error);
  if (removed == 0)
    return nv_cli_error (_("“%s” had no such access; nothing was changed."), access.user);
  return NV_EXIT_OK;
}

static const char *
role_label (const char *role)
{
  if (g_strcmp0 (role, "admin") == 0)
    return _("admin (HR: every unit)");
  if (g_strcmp0 (role, "viewer") == 0)
    return _("viewer (masked figures of every unit)");
  return _("leader");
}

static int
server_users (NvCli *cli, int argc, char **argv)
{
  g_autofree char *format = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (GPtrArray) users = NULL;
  g_autoptr (NvPg) pg = NULL;
  GOptionEntry entries[] = {
    NV_CLI_FORMAT_OPTION (&format),
    { NULL }
  };
  int status;

  context = g_option_context_new (_("— list the users, their roles and units"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!nv_cli_parse_options (context, "server users", &argc, &argv, &status, NULL))
    return status;
  if (!nv_cli_check_format ("server users", format, nv_cli_table_json, &status))
    return status;
  pg = connect_server (cli, "users");
  if (pg == NULL)
    return NV_EXIT_ERROR;
  users = nv_pg_users (pg, &error);
  if (users == NULL)
    return nv_cli_gerror (error);

  if (g_strcmp0 (format, "json") == 0)
    {
      g_autoptr (JsonBuilder) b = json_builder_new ();

      json_builder_begin_array (b);
      for (guint i = 0; i < users->len; i++)
        {
          NvPgUser *u = g_ptr_array_index (users, i);

          json_builder_begin_object (b);
          json_builder_set_member_name (b, "user");
          json_builder_add_string_value (b, u->login);
          json_builder_set_member_name (b, "role");
          json_builder_add_string_value (b, u->role);
          json_builder_set_member_name (b, "units");
          json_builder_begin_array (b);
          for (guint k = 0; u->units[k] != NULL; k++)
            json_builder_add_string_value (b, u->units[k]);
          json_builder_end_array (b);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      nv_cli_print_json (b);
      return NV_EXIT_OK;
    }

  if (users->len == 0)
    {
      printf ("%s\n", _("No user has a Nærvær role yet (naervaer-cli server grant)."));
      return NV_EXIT_OK;
    }
  printf ("%-20s %-40s %s\n", _("User"), _("Role"), _("Units"));
  for (guint i = 0; i < users->len; i++)
    {
      NvPgUser *u = g_ptr_array_index (users, i);
      g_autofree char *units = g_strjoinv (", ", u->units);

      printf ("%-20s %-40s %s\n", u->login, role_label (u->role), units);
    }
  return NV_EXIT_OK;
}

static int
server_audit (NvCli *cli, int argc, char **argv)
{
  g_autofree char *format = NULL;
  g_autofree char *since_text = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (GPtrArray) entries_found = NULL;
  g_autoptr (NvPg) pg = NULL;
  GOptionEntry entries[] = {
    { "since", 0, 0, G_OPTION_ARG_STRING, &since_text, N_("First day to list (YYYY-MM-DD)"),
      "DATE" },
    NV_CLI_FORMAT_OPTION (&format),
    { NULL }
  };
  NvDay since;
  int status;

  context = g_option_context_new (_("— list changes and exports of person-level data"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!nv_cli_parse_options (context, "server audit", &argc, &argv, &status,
                             &since_text, _("--since is required"), NULL))
    return status;
  if (!nv_cli_parse_day ("server audit", "--since", since_text, nv_day_parse_iso, &since,
                         &status))
    return status;
  if (!nv_cli_check_format ("server audit", format, nv_cli_table_json, &status))
    return status;
  pg = connect_server (cli, "audit");
  if (pg == NULL)
    return NV_EXIT_ERROR;
  entries_found = nv_pg_audit (pg, since, &error);
  if (entries_found == NULL)
    return nv_cli_gerror (error);

  if (g_strcmp0 (format, "json") == 0)
    {
      g_autoptr (JsonBuilder) b = json_builder_new ();

      json_builder_begin_array (b);
      for (guint i = 0; i < entries_found->len; i++)
        {
          NvPgAuditEntry *e = g_ptr_array_index (entries_found, i);
          g_autofree char *at = g_date_time_format_iso8601 (e->at);

          json_builder_begin_object (b);
          json_builder_set_member_name (b, "time");
          json_builder_add_string_value (b, at);
          nv_cli_json_add_string_or_null (b, "user", e->login);
          nv_cli_json_add_string_or_null (b, "table", e->table);
          nv_cli_json_add_string_or_null (b, "row", e->row);
          nv_cli_json_add_string_or_null (b, "action", e->action);
          nv_cli_json_add_string_or_null (b, "unit", e->unit);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      nv_cli_print_json (b);
      return NV_EXIT_OK;
    }

  printf ("%-20s %-16s %-9s %-14s %-12s %s\n", _("Time"), _("User"), _("Action"), _("Table"),
          _("Row"), _("Unit"));
  for (guint i = 0; i < entries_found->len; i++)
    {
      NvPgAuditEntry *e = g_ptr_array_index (entries_found, i);
      g_autoptr (GDateTime) local = g_date_time_to_local (e->at);
      g_autofree char *at = g_date_time_format (local, "%Y-%m-%d %H:%M:%S");

      printf ("%-20s %-16s %-9s %-14s %-12s %s\n", at, e->login, e->action, e->table,
              e->row != NULL ? e->row : "—", e->unit != NULL ? e->unit : "—");
    }
  return NV_EXIT_OK;
}

/* In the order of nv_pg_moved_table(). */
static const char *const moved_labels[NV_PG_MOVED_TABLES] = {
  N_("employees"),         N_("roster rows"),       N_("absence spells"),
  N_("monthly HR figures"), N_("follow-up records"), N_("follow-up tracking start"),
  N_("workshops"),         N_("workshop checklist items"), N_("workshop themes"),
  N_("workshop prompts"),  N_("workshop ideas"),    N_("measures"),
  N_("measure notes"),     N_("10-FAKTOR rounds"),
};

static int
server_import_local (NvCli *cli, int argc, char **argv)
{
  g_auto (GStrv) units = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (GPtrArray) moved = NULL;
  g_autoptr (NvPg) pg = NULL;
  GOptionEntry entries[] = {
    { "unit", 0, 0, G_OPTION_ARG_STRING_ARRAY, &units, N_("A unit to move (repeat for more)"),
      "NAME" },
    { NULL }
  };
  int status;

  context = g_option_context_new (_("FILE.db — move units from a local database into the server, "
                                    "all or nothing"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!nv_cli_parse (context, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return nv_cli_usage ("server import-local", "%s", _("give the local database file"));
  if (units == NULL)
    return nv_cli_usage ("server import-local", "%s", _("name the units to move with --unit"));
  pg = connect_server (cli, "import-local");
  if (pg == NULL)
    return NV_EXIT_ERROR;
  moved = nv_pg_import_local (pg, argv[1], (const char *const *) units, &error);
  if (moved == NULL)
    {
      nv_cli_gerror (error);
      return nv_cli_error ("%s", _("Nothing was moved."));
    }
  for (guint i = 0; i < moved->len; i++)
    {
      NvPgMoved *m = g_ptr_array_index (moved, i);

      printf (_("Moved “%s” to the server:\n"), m->unit);
      for (guint k = 0; k < NV_PG_MOVED_TABLES; k++)
        if (m->rows[k] > 0)
          printf ("  %7u %s\n", m->rows[k], _(moved_labels[k]));
    }
  return NV_EXIT_OK;
}

static void
print_server_help (FILE *out)
{
  fprintf (out, "%s\n\n", _("Usage: naervaer-cli --database CONNECTION server COMMAND [OPTIONS…]"));
  fprintf (out, "%s\n", _("Commands:"));
  fprintf (out, "  init     %s\n", _("Create or update the schema, roles and calendar (safe to repeat)"));
  fprintf (out, "  grant    %s\n", _("--user U --role admin|leader|viewer [--unit NAME]"));
  fprintf (out, "  revoke   %s\n", _("--user U [--role R] [--unit NAME]"));
  fprintf (out, "  users    %s\n", _("List the users, their roles and units"));
  fprintf (out, "  audit    %s\n", _("--since YYYY-MM-DD: changes and exports of person-level data"));
  fprintf (out, "  import-local %s\n", _("FILE.db --unit NAME…: move units from a local database"));
  fprintf (out, "\n%s\n",
           _("CONNECTION is a libpq connection string or URI, e.g. “service=naervaer”. A server "
             "that is not on this computer needs sslmode=verify-full."));
}

int
nv_cli_server_run (NvCli *cli, int argc, char **argv)
{
  static const struct
  {
    const char *name;
    int (*run) (NvCli *cli, int argc, char **argv);
  } commands[] = {
    { "init", server_init },   { "grant", server_grant }, { "revoke", server_revoke },
    { "users", server_users }, { "audit", server_audit },
    { "import-local", server_import_local },
  };

  if (argc < 2 || strcmp (argv[1], "--help") == 0 || strcmp (argv[1], "-h") == 0)
    {
      print_server_help (argc < 2 ? stderr : stdout);
      return argc < 2 ? NV_EXIT_USAGE : NV_EXIT_OK;
    }
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (strcmp (argv[1], commands[i].name) == 0)
      return commands[i].run (cli, argc - 1, argv + 1);
  return nv_cli_usage ("server", _("unknown command “%s”"), argv[1]);
}
