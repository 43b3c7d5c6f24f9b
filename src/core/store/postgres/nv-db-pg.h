/* nv-db-pg.h — the PostgreSQL backend of the database seam (nv-db.h).
 *
 * Only src/core/store includes this.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "nv-db.h"

G_BEGIN_DECLS

/* Connects to the municipality's server named by @conninfo (a libpq URI,
 * key=value pairs or a service), checks the transport (nv-pg.h), sets up
 * the session and listens for other connections' changes. The server's
 * schema must be the one this version knows (`naervaer-cli server init`).
 * @password, when not NULL, is handed to libpq for this connection only. */
NvDb *nv_db_pg_open (const char *conninfo, const char *password, int *schema_version,
                     GError **error);

/* The same without blocking the caller's main loop: the host names are
 * looked up with GResolver (nv-pg-resolve.c) and the connection is then
 * made in a worker thread. The CLI uses nv_db_pg_open(). */
void nv_db_pg_open_async (const char *conninfo, const char *password, GCancellable *cancellable,
                          GAsyncReadyCallback callback, gpointer data);
NvDb *nv_db_pg_open_finish (GAsyncResult *result, int *schema_version, GError **error);

/* TRUE for a connection of this backend. */
gboolean nv_db_is_pg (NvDb *db);

/* Where the connection goes: the server's host (a directory for a Unix
 * socket on this computer), the database and the login. Free with g_free. */
void nv_db_pg_describe (NvDb *db, char **host, char **dbname, char **login);

G_END_DECLS
