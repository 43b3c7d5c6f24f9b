/* nv-cli-store.c — `naervaer-cli check|backup|restore`.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "nv-cli.h"
#include "nv-pg.h"

int
nv_cli_check_run (NvCli *cli, int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GOptionContext) context =
    g_option_context_new (_("— check the database for damage"));
  g_autofree char *verdict = NULL;
  NvStore *store;
  int status;

  if (!nv_cli_parse_options (context, "check", &argc, &argv, &status, NULL))
    return status;
  store = nv_cli_store (cli);
  if (store == NULL)
    return NV_EXIT_ERROR;
  if (!nv_store_check (store, &verdict, &error))
    return nv_cli_gerror (error);
  printf ("%s\n", verdict);
  return NV_EXIT_OK;
}

int
nv_cli_backup_run (NvCli *cli, int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GOptionContext) context =
    g_option_context_new (_("FILE — write a consistent copy of the database"));
  NvStore *store;
  int status;

  if (!nv_cli_parse (context, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return nv_cli_usage ("backup", "%s", _("give the file to write"));
  store = nv_cli_store (cli);
  if (store == NULL)
    return NV_EXIT_ERROR;
  if (!nv_store_backup (store, argv[1], &error))
    return nv_cli_gerror (error);
  return NV_EXIT_OK;
}

int
nv_cli_restore_run (NvCli *cli, int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GOptionContext) context =
    g_option_context_new (_("FILE — replace the database with a backup (a copy of the current "
                            "one is kept)"));
  g_autofree char *kept = NULL;
  int status;

  if (!nv_cli_parse (context, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return nv_cli_usage ("restore", "%s", _("give the backup file to restore"));
  if (nv_pg_is_conninfo (cli->database))
    return nv_cli_error (_("“%s” is a PostgreSQL connection. On the shared server this version of "
                           "naervaer-cli runs only the “server” commands; the other commands work "
                           "on a database file."),
                         cli->database);
  if (!nv_store_restore (cli->database, argv[1], &kept, &error))
    return nv_cli_gerror (error);
  if (kept != NULL)
    g_printerr (_("The previous database was kept as “%s”.\n"), kept);
  return NV_EXIT_OK;
}
