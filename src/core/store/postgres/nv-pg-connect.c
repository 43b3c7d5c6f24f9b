/* nv-pg-connect.c — naming, checking and opening a PostgreSQL connection.
 *
 * libpq does the connecting and the authenticating. What we add is a check
 * before any packet leaves: a server that is not on this computer is only
 * reached when the connection verifies the server's certificate and host
 * name (sslmode=verify-full). The settings can come from the connection
 * string, from the service file entry it names, or from libpq's environment
 * variables; all three are read here the way libpq reads them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-pg"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "nv-pg-private.h"

/* Where Debian's libpq looks for the system-wide service file
 * (`pg_config --sysconfdir`) when PGSYSCONFDIR is not set. */
#define NV_PG_SYSCONFDIR "/etc/postgresql-common"
/* Seconds libpq waits for a server (per address) unless told otherwise. */
#define NV_PG_CONNECT_TIMEOUT "20"

G_DEFINE_QUARK (nv-pg-error-quark, nv_pg_error)

typedef struct
{
  char *host;
  char *hostaddr;
  char *port;
  char *sslmode;
  char *service;
} Transport;

static void
transport_clear (Transport *t)
{
  g_free (t->host);
  g_free (t->hostaddr);
  g_free (t->port);
  g_free (t->sslmode);
  g_free (t->service);
}

/* A URI, or key=value pairs whose first key is one libpq knows (a file may
 * well be called «naervaer=old.db»). */
gboolean
nv_pg_is_conninfo (const char *database)
{
  g_autofree char *key = NULL;
  PQconninfoOption *defaults;
  const char *eq;
  gboolean known = FALSE;

  if (database == NULL)
    return FALSE;
  if (g_str_has_prefix (database, "postgresql://") || g_str_has_prefix (database, "postgres://"))
    return TRUE;
  eq = strchr (database, '=');
  if (eq == NULL)
    return FALSE;
  key = g_strstrip (g_strndup (database, eq - database));
  defaults = PQconndefaults ();
  for (PQconninfoOption *o = defaults; o != NULL && o->keyword != NULL; o++)
    if (strcmp (o->keyword, key) == 0)
      known = TRUE;
  PQconninfoFree (defaults);
  return known;
}

static void
take_if_unset (char **slot, const char *value)
{
  if (*slot == NULL && value != NULL && *value != '\0')
    *slot = g_strdup (value);
}

/* Fills what @t lacks from the section [@t->service] of the service file at
 * @path. FALSE when the file has no such section. */
static gboolean
read_service_file (Transport *t, const char *path)
{
  g_autoptr (GKeyFile) file = g_key_file_new ();
  g_autofree char *host = NULL;
  g_autofree char *hostaddr = NULL;
  g_autofree char *port = NULL;
  g_autofree char *sslmode = NULL;

  if (!g_key_file_load_from_file (file, path, G_KEY_FILE_NONE, NULL))
    return FALSE;
  if (!g_key_file_has_group (file, t->service))
    return FALSE;
  host = g_key_file_get_value (file, t->service, "host", NULL);
  hostaddr = g_key_file_get_value (file, t->service, "hostaddr", NULL);
  port = g_key_file_get_value (file, t->service, "port", NULL);
  sslmode = g_key_file_get_value (file, t->service, "sslmode", NULL);
  take_if_unset (&t->host, host != NULL ? g_strstrip (host) : NULL);
  take_if_unset (&t->hostaddr, hostaddr != NULL ? g_strstrip (hostaddr) : NULL);
  take_if_unset (&t->port, port != NULL ? g_strstrip (port) : NULL);
  take_if_unset (&t->sslmode, sslmode != NULL ? g_strstrip (sslmode) : NULL);
  return TRUE;
}

/* libpq's order: the user's file (PGSERVICEFILE or ~/.pg_service.conf),
 * then the system's (PGSYSCONFDIR/pg_service.conf). */
static gboolean
read_service (Transport *t)
{
  const char *user_file = g_getenv ("PGSERVICEFILE");
  const char *sysconfdir = g_getenv ("PGSYSCONFDIR");
  g_autofree char *home_file = NULL;
  g_autofree char *system_file = NULL;

  if (user_file == NULL)
    user_file = home_file = g_build_filename (g_get_home_dir (), ".pg_service.conf", NULL);
  if (read_service_file (t, user_file))
    return TRUE;
  system_file = g_build_filename (sysconfdir != NULL ? sysconfdir : NV_PG_SYSCONFDIR,
                                  "pg_service.conf", NULL);
  return read_service_file (t, system_file);
}

static gboolean
host_is_local (const char *host)
{
  g_autoptr (GInetAddress) address = NULL;

  if (*host == '\0' || host[0] == '/' || host[0] == '@')
    return TRUE; /* a Unix-domain socket (libpq's default) */
  if (g_ascii_strcasecmp (host, "localhost") == 0 || g_ascii_strcasecmp (host, "localhost.") == 0)
    return TRUE;
  address = g_inet_address_new_from_string (host);
  return address != NULL && g_inet_address_get_is_loopback (address);
}

/* The first host in the comma-separated @list that is not on this computer. */
static char *
remote_host (const char *list)
{
  g_auto (GStrv) hosts = NULL;

  if (list == NULL)
    return NULL;
  hosts = g_strsplit (list, ",", -1);
  for (guint i = 0; hosts[i] != NULL; i++)
    {
      char *h = g_strstrip (hosts[i]);
      if (!host_is_local (h))
        return g_strdup (h);
    }
  return NULL;
}

/* What @conninfo, the service it names and libpq's environment say of the
 * way to the server, read the way libpq reads them. */
static gboolean
read_transport (const char *conninfo, Transport *t, GError **error)
{
  g_autofree char *parse_error = NULL;
  PQconninfoOption *options;

  options = PQconninfoParse (conninfo, &parse_error);
  if (options == NULL)
    {
      g_strchomp (parse_error);
      g_set_error (error, NV_PG_ERROR, NV_PG_ERROR_INVALID,
                   _("“%s” is not a valid database connection: %s"), conninfo,
                   parse_error != NULL ? parse_error : _("out of memory"));
      return FALSE;
    }
  for (PQconninfoOption *o = options; o->keyword != NULL; o++)
    {
      if (o->val == NULL || *o->val == '\0')
        continue;
      if (strcmp (o->keyword, "host") == 0)
        t->host = g_strdup (o->val);
      else if (strcmp (o->keyword, "hostaddr") == 0)
        t->hostaddr = g_strdup (o->val);
      else if (strcmp (o->keyword, "port") == 0)
        t->port = g_strdup (o->val);
      else if (strcmp (o->keyword, "sslmode") == 0)
        t->sslmode = g_strdup (o->val);
      else if (strcmp (o->keyword, "service") == 0)
        t->service = g_strdup (o->val);
    }
  PQconninfoFree (options);

  take_if_unset (&t->service, g_getenv ("PGSERVICE"));
  if (t->service != NULL)
    read_service (t);
  take_if_unset (&t->host, g_getenv ("PGHOST"));
  take_if_unset (&t->hostaddr, g_getenv ("PGHOSTADDR"));
  take_if_unset (&t->port, g_getenv ("PGPORT"));
  take_if_unset (&t->sslmode, g_getenv ("PGSSLMODE"));
  return TRUE;
}

gboolean
nv_pg_read_target (const char *conninfo, char **host, char **hostaddr, char **port,
                   GError **error)
{
  Transport t = { 0 };

  if (!read_transport (conninfo, &t, error))
    return FALSE;
  *host = g_steal_pointer (&t.host);
  *hostaddr = g_steal_pointer (&t.hostaddr);
  *port = g_steal_pointer (&t.port);
  transport_clear (&t);
  return TRUE;
}

gboolean
nv_pg_check_transport (const char *conninfo, GError **error)
{
  g_autofree char *remote = NULL;
  Transport t = { 0 };

  if (!read_transport (conninfo, &t, error))
    return FALSE;
  remote = remote_host (t.hostaddr);
  if (remote == NULL)
    remote = remote_host (t.host);
  if (remote != NULL && g_strcmp0 (t.sslmode, "verify-full") != 0)
    {
      g_set_error (error, NV_PG_ERROR, NV_PG_ERROR_INSECURE,
                   _("The database server “%s” is not on this computer, and this connection would "
                     "not verify it (sslmode is “%s”). Health data only travels over a connection "
                     "that checks the server’s certificate: add sslmode=verify-full to the "
                     "connection or to its service file entry."),
                   remote, t.sslmode != NULL ? t.sslmode : "prefer");
      transport_clear (&t);
      return FALSE;
    }
  transport_clear (&t);
  return TRUE;
}

gboolean
nv_pg_conninfo_fields (const char *conninfo, char **host, char **dbname, char **user,
                       char **sslmode)
{
  PQconninfoOption *options = PQconninfoParse (conninfo, NULL);

  *host = *dbname = *user = *sslmode = NULL;
  if (options == NULL)
    return FALSE;
  for (PQconninfoOption *o = options; o->keyword != NULL; o++)
    {
      char **slot = strcmp (o->keyword, "host") == 0      ? host
                    : strcmp (o->keyword, "dbname") == 0  ? dbname
                    : strcmp (o->keyword, "user") == 0    ? user
                    : strcmp (o->keyword, "sslmode") == 0 ? sslmode
                                                          : NULL;
      if (slot != NULL && o->val != NULL && *o->val != '\0')
        *slot = g_strdup (o->val);
    }
  PQconninfoFree (options);
  return TRUE;
}

/* A key=value pair's value as libpq reads it: quoted when it has spaces,
 * quotes or backslashes, or is empty. */
static void
append_value (GString *out, const char *key, const char *value)
{
  if (value == NULL || *value == '\0')
    return;
  if (out->len > 0)
    g_string_append_c (out, ' ');
  g_string_append_printf (out, "%s=", key);
  if (strpbrk (value, " \t\n'\\") == NULL)
    {
      g_string_append (out, value);
      return;
    }
  g_string_append_c (out, '\'');
  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '\'' || *p == '\\')
        g_string_append_c (out, '\\');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '\'');
}

char *
nv_pg_conninfo_set_fields (const char *conninfo, const char *host, const char *dbname,
                           const char *user, const char *sslmode)
{
  PQconninfoOption *options = PQconninfoParse (conninfo != NULL ? conninfo : "", NULL);
  GString *out = g_string_new (NULL);

  append_value (out, "host", host);
  append_value (out, "dbname", dbname);
  append_value (out, "user", user);
  append_value (out, "sslmode", sslmode);
  /* Everything else the connection named (service, port, …) stays. */
  for (PQconninfoOption *o = options; o != NULL && o->keyword != NULL; o++)
    if (strcmp (o->keyword, "host") != 0 && strcmp (o->keyword, "dbname") != 0
        && strcmp (o->keyword, "user") != 0 && strcmp (o->keyword, "sslmode") != 0)
      append_value (out, o->keyword, o->val);
  if (options != NULL)
    PQconninfoFree (options);
  return g_string_free (out, FALSE);
}

/* The parameters of a connection to @conninfo: the connection string
 * itself (expanded by libpq), then what overrides it — the password the
 * user typed, and the addresses looked up (nv-pg-resolve.c). */
static void
connect_params (const char *conninfo, const char *password, const NvPgTarget *target,
                const char **keywords, const char **values)
{
  guint n = 0;

  /* A server that takes the connection and never answers would keep
   * libpq waiting for ever: give up after a while, saying so, unless the
   * environment or the connection (it comes after, and wins) says
   * otherwise. */
  if (g_getenv ("PGCONNECT_TIMEOUT") == NULL)
    {
      keywords[n] = "connect_timeout";
      values[n++] = NV_PG_CONNECT_TIMEOUT;
    }
  keywords[n] = "dbname";
  values[n++] = conninfo;
  keywords[n] = "client_encoding";
  values[n++] = "UTF8";
  if (password != NULL && *password != '\0')
    {
      keywords[n] = "password";
      values[n++] = password;
    }
  if (target != NULL && target->host != NULL)
    {
      keywords[n] = "host";
      values[n++] = target->host;
      keywords[n] = "hostaddr";
      values[n++] = target->hostaddr;
      if (target->port != NULL)
        {
          keywords[n] = "port";
          values[n++] = target->port;
        }
    }
  keywords[n] = NULL;
  values[n] = NULL;
}

PGconn *
nv_pg_connect_start (const char *conninfo, const char *password, const NvPgTarget *target)
{
  const char *keywords[10], *values[10];

  connect_params (conninfo, password, target, keywords, values);
  return PQconnectStartParams (keywords, values, 1);
}

/* After libpq connected: the session as the store wants it. */
static NvPg *
connected (NvPg *pg_in, GError **error)
{
  g_autoptr (NvPg) pg = pg_in;

  if (pg->conn == NULL)
    {
      g_set_error (error, NV_PG_ERROR, NV_PG_ERROR_CONNECT, "%s", _("Out of memory."));
      return NULL;
    }
  if (PQstatus (pg->conn) != CONNECTION_OK)
    {
      g_autofree char *why = g_strdup (PQerrorMessage (pg->conn));

      g_strstrip (why);
      if (PQconnectionNeedsPassword (pg->conn))
        g_set_error (error, NV_PG_ERROR, NV_PG_ERROR_NEEDS_PASSWORD,
                     _("The database server asks for a password. Put it in ~/.pgpass (or use the "
                       "municipality’s single sign-on) and try again."));
      else if (strstr (why, "GSSAPI") != NULL || strstr (why, "Kerberos") != NULL)
        g_set_error (error, NV_PG_ERROR, NV_PG_ERROR_CONNECT,
                     _("The database server wants your municipal login (Kerberos, as with Active "
                       "Directory), and this computer has no valid ticket for it. Log in to the "
                       "computer again, or run “kinit”, then try again. (%s)"),
                     why);
      else
        g_set_error (error, NV_PG_ERROR, NV_PG_ERROR_CONNECT,
                     _("Could not connect to the database server: %s"), why);
      return NULL;
    }
  if (PQsetClientEncoding (pg->conn, "UTF8") != 0)
    {
      nv_pg_set_error (pg, NULL, error);
      return NULL;
    }
  pg->login = g_strdup (PQuser (pg->conn));
  if (!nv_pg_exec_done (pg, "SELECT pg_catalog.set_config ('search_path', 'naervaer', false)",
                        error))
    return NULL;
  return g_steal_pointer (&pg);
}

NvPg *
nv_pg_connect (const char *conninfo, GError **error)
{
  NvPg *pg;

  if (!nv_pg_check_transport (conninfo, error))
    return NULL;
  pg = g_new0 (NvPg, 1);
  pg->conn = PQconnectdb (conninfo);
  return connected (pg, error);
}

NvPg *
nv_pg_connect_to (const char *conninfo, const char *password, const NvPgTarget *target,
                  GError **error)
{
  const char *keywords[10], *values[10];
  NvPg *pg;

  if (!nv_pg_check_transport (conninfo, error))
    return NULL;
  connect_params (conninfo, password, target, keywords, values);
  pg = g_new0 (NvPg, 1);
  pg->conn = PQconnectdbParams (keywords, values, 1);
  return connected (pg, error);
}

void
nv_pg_free (NvPg *pg)
{
  if (pg == NULL)
    return;
  if (pg->conn != NULL)
    PQfinish (pg->conn);
  g_free (pg->login);
  g_free (pg);
}

const char *
nv_pg_login (NvPg *pg)
{
  return pg->login;
}

gboolean
nv_pg_set_error (NvPg *pg, const PGresult *result, GError **error)
{
  const char *state = result != NULL ? PQresultErrorField (result, PG_DIAG_SQLSTATE) : NULL;
  const char *primary = result != NULL ? PQresultErrorField (result, PG_DIAG_MESSAGE_PRIMARY)
                                       : NULL;
  g_autofree char *message = g_strdup (primary != NULL ? primary : PQerrorMessage (pg->conn));

  g_strstrip (message);
  if (g_strcmp0 (state, "42501") == 0)
    g_set_error (error, NV_PG_ERROR, NV_PG_ERROR_DENIED,
                 _("The login “%s” may not do this (%s). Ask HR to grant the access with "
                   "“naervaer-cli server grant”."),
                 pg->login, message);
  else if (g_strcmp0 (state, "42P01") == 0 || g_strcmp0 (state, "3F000") == 0)
    g_set_error (error, NV_PG_ERROR, NV_PG_ERROR_NOT_READY,
                 _("This database has no Nærvær schema yet: run “naervaer-cli server init” first "
                   "(%s)."),
                 message);
  else if (PQstatus (pg->conn) == CONNECTION_BAD)
    g_set_error (error, NV_PG_ERROR, NV_PG_ERROR_CONNECT,
                 _("The connection to the database server was lost: %s"), message);
  else
    g_set_error (error, NV_PG_ERROR, NV_PG_ERROR_SQL, _("The database server refused: %s"),
                 message);
  return FALSE;
}

PGresult *
nv_pg_exec (NvPg *pg, const char *sql, int n_params, const char *const *params, GError **error)
{
  PGresult *result = PQexecParams (pg->conn, sql, n_params, NULL, params, NULL, NULL, 0);
  ExecStatusType status = PQresultStatus (result);

  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
    {
      nv_pg_set_error (pg, result, error);
      PQclear (result);
      return NULL;
    }
  return result;
}

gboolean
nv_pg_exec_done (NvPg *pg, const char *sql, GError **error)
{
  g_autoptr (PGresult) result = nv_pg_exec (pg, sql, 0, NULL, error);

  return result != NULL;
}
