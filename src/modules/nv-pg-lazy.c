/* nv-pg-lazy.c — the app's nv_pg_is_conninfo, nv_db_pg_open, nv_db_is_pg
 * nv_db_pg_describe and the connection-string helpers of «Connect to a
 * Server» (nv_pg_check_transport, nv_pg_conninfo_fields/_set_fields): they load nv-pg.so (and with
 * it libpq) the first time a server is named (nv-module.h). naervaer-cli and the tests link the
 * real ones.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-store"

#include "config.h"

#include <string.h>

#include "nv-pg-table.h"

#define MODULE "nv-pg"

/* The module's errors carry this domain; a quark is its string, so this
 * is the same quark as the module's (written as nv-pg-connect.c does). */
/* clang-format off */
G_DEFINE_QUARK (nv-pg-error-quark, nv_pg_error)
/* clang-format on */

static const NvPgTable *
table (GError **error)
{
  return (const NvPgTable *)nv_module_load (MODULE, sizeof (NvPgTable), error);
}

gboolean
nv_pg_is_conninfo (const char *database)
{
  g_autoptr (GError) error = NULL;
  const NvPgTable *pg;

  /* A file name has no «=»: decided without libpq. */
  if (database == NULL)
    return FALSE;
  if (g_str_has_prefix (database, "postgresql://") || g_str_has_prefix (database, "postgres://"))
    return TRUE;
  if (strchr (database, '=') == NULL)
    return FALSE;
  pg = table (&error);
  if (pg == NULL)
    {
      /* Taken for a server, so that opening it says what is missing
       * instead of making a file named like a connection string. */
      g_warning ("%s", error->message);
      return TRUE;
    }
  return pg->is_conninfo (database);
}

NvDb *
nv_db_pg_open (const char *conninfo, const char *password, int *schema_version, GError **error)
{
  const NvPgTable *pg = table (error);

  return pg != NULL ? pg->db_open (conninfo, password, schema_version, error) : NULL;
}

void
nv_db_pg_open_async (const char *conninfo, const char *password, GCancellable *cancellable,
                     GAsyncReadyCallback callback, gpointer data)
{
  GError *error = NULL;
  const NvPgTable *pg = table (&error);

  if (pg != NULL)
    {
      pg->db_open_async (conninfo, password, cancellable, callback, data);
      return;
    }
  g_task_report_error (NULL, callback, data, nv_db_pg_open_async, error);
}

NvDb *
nv_db_pg_open_finish (GAsyncResult *result, int *schema_version, GError **error)
{
  const NvPgTable *pg;

  if (g_async_result_is_tagged (result, nv_db_pg_open_async))
    return g_task_propagate_pointer (G_TASK (result), error);
  pg = (const NvPgTable *)nv_module_peek (MODULE);
  return pg->db_open_finish (result, schema_version, error);
}

gboolean
nv_db_is_pg (NvDb *db)
{
  /* No connection to a server exists before the module is loaded. */
  const NvPgTable *pg = (const NvPgTable *)nv_module_peek (MODULE);

  return pg != NULL && pg->db_is_pg (db);
}

void
nv_db_pg_describe (NvDb *db, char **host, char **dbname, char **login)
{
  const NvPgTable *pg = (const NvPgTable *)nv_module_peek (MODULE);

  g_return_if_fail (pg != NULL);
  pg->db_describe (db, host, dbname, login);
}

gboolean
nv_pg_check_transport (const char *conninfo, GError **error)
{
  const NvPgTable *pg = table (error);

  return pg != NULL && pg->check_transport (conninfo, error);
}

gboolean
nv_pg_conninfo_fields (const char *conninfo, char **host, char **dbname, char **user,
                       char **sslmode)
{
  g_autoptr (GError) error = NULL;
  const NvPgTable *pg = table (&error);

  if (pg == NULL)
    {
      g_warning ("%s", error->message);
      return FALSE;
    }
  return pg->conninfo_fields (conninfo, host, dbname, user, sslmode);
}

char *
nv_pg_conninfo_set_fields (const char *conninfo, const char *host, const char *dbname,
                           const char *user, const char *sslmode)
{
  g_autoptr (GError) error = NULL;
  const NvPgTable *pg = table (&error);

  if (pg == NULL)
    {
      g_warning ("%s", error->message);
      return NULL;
    }
  return pg->conninfo_set_fields (conninfo, host, dbname, user, sslmode);
}
