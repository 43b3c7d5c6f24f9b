/* nv-pg-private.h — libpq inside src/core/store/postgres.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <libpq-fe.h>

#include "nv-pg.h"

G_BEGIN_DECLS

struct _NvPg
{
  PGconn *conn;
  char *login;
};

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PGresult, PQclear)

/* Where libpq is to connect (nv-pg-resolve.c): the comma-separated host,
 * hostaddr and port lists that override the connection's own. All NULL:
 * as the connection says (nothing was looked up). */
typedef struct
{
  char *host;
  char *hostaddr;
  char *port; /* NULL: the connection's */
} NvPgTarget;

void nv_pg_target_free (NvPgTarget *target);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (NvPgTarget, nv_pg_target_free)

/* The host, hostaddr and port lists @conninfo leads to — its own, its
 * service file entry's or libpq's environment's — each NULL when unset. */
gboolean nv_pg_read_target (const char *conninfo, char **host, char **hostaddr, char **port,
                            GError **error);

/* Looks up every host name @conninfo leads to with the default GResolver
 * (never blocking); the result says where to connect. Fails (naming the
 * host) only when no host of the list could be looked up. */
void nv_pg_resolve_async (const char *conninfo, GCancellable *cancellable,
                          GAsyncReadyCallback callback, gpointer data);
NvPgTarget *nv_pg_resolve_finish (GAsyncResult *result, GError **error);

/* nv_pg_connect() with the password the user typed (NULL: none) and where
 * the lookup said to connect (NULL: as the connection says). */
NvPg *nv_pg_connect_to (const char *conninfo, const char *password, const NvPgTarget *target,
                        GError **error);
/* The same without waiting: PQconnectStartParams(), to be driven with
 * PQconnectPoll(). The transport must have been checked already. */
PGconn *nv_pg_connect_start (const char *conninfo, const char *password, const NvPgTarget *target);

/* Sets @error from a failed result (NULL: from the connection) in words a
 * leader understands, by SQLSTATE; returns FALSE. */
gboolean nv_pg_set_error (NvPg *pg, const PGresult *result, GError **error);

/* PQexecParams with text parameters; NULL (and @error set) unless the
 * result is PGRES_COMMAND_OK or PGRES_TUPLES_OK. */
PGresult *nv_pg_exec (NvPg *pg, const char *sql, int n_params, const char *const *params,
                      GError **error);

/* Runs a statement that returns no rows. */
gboolean nv_pg_exec_done (NvPg *pg, const char *sql, GError **error);

/* SQLite's statement text as the server runs it (nv-pg-sql.c): `?N` →
 * `$N`, COLLATE NOCASE → naervaer.nocase; string literals, quoted names
 * and comments kept. @n_params receives the highest parameter number. */
char *nv_pg_rewrite_sql (const char *sql, int *n_params);
/* Does @sql insert into a table with an `id` and return nothing itself? */
gboolean nv_pg_inserts_with_id (const char *sql);

/* The resource paths of the server migrations, ascending by version. */
GPtrArray *nv_pg_list_migrations (void);

G_END_DECLS
