/* nv-pg-table.h — what the PostgreSQL module (nv-pg.so) exports: the
 * functions of nv-pg.h / nv-db-pg.h the app calls, so that libpq is loaded
 * only when a server is used (nv-module.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "nv-db-pg.h"
#include "nv-module.h"
#include "nv-pg.h"

G_BEGIN_DECLS

typedef struct
{
  NvModuleTable base;
  gboolean (*is_conninfo) (const char *database);
  NvDb *(*db_open) (const char *conninfo, const char *password, int *schema_version,
                    GError **error);
  gboolean (*db_is_pg) (NvDb *db);
  void (*db_open_async) (const char *conninfo, const char *password, GCancellable *cancellable,
                         GAsyncReadyCallback callback, gpointer data);
  NvDb *(*db_open_finish) (GAsyncResult *result, int *schema_version, GError **error);
  void (*db_describe) (NvDb *db, char **host, char **dbname, char **login);
  gboolean (*check_transport) (const char *conninfo, GError **error);
  gboolean (*conninfo_fields) (const char *conninfo, char **host, char **dbname, char **user,
                               char **sslmode);
  char *(*conninfo_set_fields) (const char *conninfo, const char *host, const char *dbname,
                                const char *user, const char *sslmode);
} NvPgTable;

G_END_DECLS
