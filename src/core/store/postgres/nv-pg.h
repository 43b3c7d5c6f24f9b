/* nv-pg.h — the municipality's shared PostgreSQL database: connecting,
 * schema and roles (`naervaer-cli server …`).
 *
 * A connection is named the way libpq names it — a URI
 * (`postgresql://host/db`) or key=value pairs (`service=naervaer`,
 * `host=… dbname=…`) — and credentials come from libpq's own mechanisms
 * (pg_service.conf, .pgpass, GSSAPI, client certificates). A server that is
 * not on this computer is only reached with `sslmode=verify-full`.
 *
 * The schema (src/core/store/postgres/migrations/NNN-what.sql, versioned
 * like the SQLite migrations) lives in the schema «naervaer»: the tables,
 * the roles naervaer_admin / naervaer_leader / naervaer_viewer with
 * row-level security, the audit trail and the masked figure views.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "nv-calendar.h"

G_BEGIN_DECLS

#define NV_PG_ERROR (nv_pg_error_quark ())

typedef enum
{
  NV_PG_ERROR_CONNECT,    /* could not connect or log in */
  NV_PG_ERROR_INSECURE,   /* a remote server without sslmode=verify-full */
  NV_PG_ERROR_INVALID,    /* a malformed connection string or argument */
  NV_PG_ERROR_DENIED,     /* the login lacks the rights */
  NV_PG_ERROR_NOT_FOUND,  /* no such unit or login */
  NV_PG_ERROR_TOO_NEW,    /* the server's schema is newer than this app */
  NV_PG_ERROR_NOT_READY,  /* `server init` has not been run */
  NV_PG_ERROR_SQL,        /* anything else the server said */
  NV_PG_ERROR_NEEDS_PASSWORD, /* the server asks for a password we do not have */
} NvPgError;

GQuark nv_pg_error_quark (void);

typedef struct _NvPg NvPg;

/* Does @database name a PostgreSQL connection rather than a file? */
gboolean nv_pg_is_conninfo (const char *database);

/* Refuses (NV_PG_ERROR_INSECURE) a connection to a server that is not on
 * this computer unless sslmode=verify-full, looking at @conninfo, the
 * service it names (pg_service.conf, as libpq finds it) and libpq's
 * environment variables, without connecting. */
gboolean nv_pg_check_transport (const char *conninfo, GError **error);

/* The host, database, user and sslmode @conninfo names itself (not its
 * service file's), each NULL when absent; FALSE when it does not parse.
 * nv_pg_conninfo_set_fields() gives @conninfo (URI or key=value) as
 * key=value text with those four replaced (NULL or "": left out) and every
 * other setting it names kept. */
gboolean nv_pg_conninfo_fields (const char *conninfo, char **host, char **dbname, char **user,
                                char **sslmode);
char *nv_pg_conninfo_set_fields (const char *conninfo, const char *host, const char *dbname,
                                 const char *user, const char *sslmode);

/* Checks the transport, then connects with libpq. */
NvPg *nv_pg_connect (const char *conninfo, GError **error);
void nv_pg_free (NvPg *pg);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (NvPg, nv_pg_free)

/* The login the server knows us by. */
const char *nv_pg_login (NvPg *pg);

int nv_pg_latest_schema_version (void);
/* The server's schema version; 0 before `server init`. */
gboolean nv_pg_schema_version (NvPg *pg, int *version, GError **error);

/* Creates or updates the schema, roles and calendar, in one transaction;
 * safe to run again (it then changes nothing). @from and @to receive the
 * version before and after. */
gboolean nv_pg_init (NvPg *pg, int *from, int *to, GError **error);

/* @role: "admin", "leader" (needs @unit) or "viewer". The login is created
 * (without a password: libpq's mechanisms authenticate it) if missing. */
gboolean nv_pg_grant (NvPg *pg, const char *login, const char *role, const char *unit,
                      GError **error);
/* Takes a unit (@unit), a role (@role) or everything (both NULL) from
 * @login; @n_removed receives how many grants went. */
gboolean nv_pg_revoke (NvPg *pg, const char *login, const char *role, const char *unit,
                       guint *n_removed, GError **error);

typedef struct
{
  char *login;
  char *role;   /* admin, leader, viewer */
  GStrv units;  /* the units of a leader, by name */
} NvPgUser;

void nv_pg_user_free (NvPgUser *user);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (NvPgUser, nv_pg_user_free)

/* Every login with a Nærvær role, one element per login and role, by login. */
GPtrArray *nv_pg_users (NvPg *pg, GError **error);

typedef struct
{
  GDateTime *at;
  char *login;
  char *table;
  char *row;    /* NULL for erasures and exports */
  char *action; /* insert, update, delete, export, erase */
  char *unit;   /* unit name, NULL when the unit is gone */
} NvPgAuditEntry;

void nv_pg_audit_entry_free (NvPgAuditEntry *entry);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (NvPgAuditEntry, nv_pg_audit_entry_free)

/* Audit entries from @since (00:00 local time of the server) on, oldest first. */
GPtrArray *nv_pg_audit (NvPg *pg, NvDay since, GError **error);

G_END_DECLS

G_BEGIN_DECLS

#define NV_PG_MOVED_TABLES 14

/* What `server import-local` moved of one unit: rows[i] rows of table
 * nv_pg_moved_table (i). */
typedef struct
{
  char *unit;
  guint rows[NV_PG_MOVED_TABLES];
} NvPgMoved;

void nv_pg_moved_free (NvPgMoved *moved);
const char *nv_pg_moved_table (guint index);

/* Moves the units named @units (NULL-terminated) with all their rows from
 * the local database file @path into the server, in one transaction: all
 * or nothing. Element type NvPgMoved, in the order of @units. */
GPtrArray *nv_pg_import_local (NvPg *pg, const char *path, const char *const *units,
                               GError **error);

G_END_DECLS
