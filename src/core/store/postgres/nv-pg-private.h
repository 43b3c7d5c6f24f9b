/* nv-pg-private.h — libpq inside src/core/store/postgres.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <libpq-fe.h>

#include "nv-pg.h"

G_BEGIN_DECLS

struct _NvPg
{
  PGconn *conn;
  char *login;
};

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PGresult, PQclear)

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
