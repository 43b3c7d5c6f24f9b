/* nv-db-pg.c — the PostgreSQL backend of the database seam (nv-db.h).
 *
 * The store's statements are written for SQLite (`?1` parameters, COLLATE
 * NOCASE); each is rewritten once when prepared (nv-pg-sql.c). Statements
 * are prepared on the server once per connection and run with text
 * parameters (bytea ones binary); every result comes back whole — in
 * binary form when all its columns are integers, doubles, booleans or bytea
 * (the statistics' rows and the spells the server packs), else in text form.
 *
 * An INSERT into a table with an `id` gets `RETURNING id` appended so that
 * ->last_insert_id works as SQLite's does. The connection LISTENs on
 * «naervaer_changed» (server schema 5): ->data_version moves when another
 * connection's commit sent a notification, and ->remote_topics says which
 * kinds of data they changed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "nv-db-pg.h"
#include "nv-db-pg-private.h"
#include "nv-store.h"

static const NvDbBackend pg_backend;

static const struct
{
  const char *payload;
  NvStoreTopics topics;
} topic_names[] = {
  { "units", NV_TOPIC_UNITS | NV_TOPIC_TARGETS },
  { "employees", NV_TOPIC_EMPLOYEES },
  { "spells", NV_TOPIC_SPELLS },
  { "monthly", NV_TOPIC_MONTHLY },
  { "followup", NV_TOPIC_FOLLOWUP },
  { "benchmarks", NV_TOPIC_BENCHMARKS },
  { "workshops", NV_TOPIC_WORKSHOPS },
  { "ideas", NV_TOPIC_IDEAS },
  { "measures", NV_TOPIC_MEASURES },
  { "faktor", NV_TOPIC_FAKTOR },
};

gboolean
nv_db_is_pg (NvDb *db)
{
  return db != NULL && db->backend == &pg_backend;
}

void
nv_db_pg_describe (NvDb *db, char **host, char **dbname, char **login)
{
  PGconn *conn = DB (db)->pg->conn;

  *host = g_strdup (PQhost (conn));
  *dbname = g_strdup (PQdb (conn));
  *login = g_strdup (nv_pg_login (DB (db)->pg));
}

/* ---- Errors ------------------------------------------------------------- */

void
nv_db_pg_keep_error (PgDb *self, PGresult *result)
{
  g_clear_pointer (&self->error_result, PQclear);
  self->error_result = result;
}

static gboolean
pg_set_error (NvDb *db, GError **error)
{
  PgDb *self = DB (db);
  PGconn *conn = self->pg->conn;
  const PGresult *r = self->error_result;
  const char *state = r != NULL ? PQresultErrorField (r, PG_DIAG_SQLSTATE) : NULL;
  const char *primary = r != NULL ? PQresultErrorField (r, PG_DIAG_MESSAGE_PRIMARY) : NULL;
  g_autofree char *message = g_strdup (primary != NULL ? primary : PQerrorMessage (conn));

  g_strstrip (message);
  /* (not OK: lost, or a try to connect again is still running) */
  if (PQstatus (conn) != CONNECTION_OK)
    g_set_error (error, NV_STORE_ERROR, NV_STORE_ERROR_OFFLINE,
                 _ ("The connection to the database server was lost: %s"), message);
  else if (g_strcmp0 (state, "42501") == 0)
    g_set_error (error, NV_STORE_ERROR, NV_STORE_ERROR_INVALID,
                 _ ("Your login “%s” may not change this (%s). Ask HR for access to the unit."),
                 nv_pg_login (self->pg), message);
  else if (g_strcmp0 (state, "23505") == 0)
    g_set_error (error, NV_STORE_ERROR, NV_STORE_ERROR_DUPLICATE,
                 _ ("The database server refused a duplicate: %s"), message);
  else if (state != NULL && g_str_has_prefix (state, "23"))
    g_set_error (error, NV_STORE_ERROR, NV_STORE_ERROR_INVALID,
                 _ ("The database server refused the value: %s"), message);
  else
    g_set_error (error, NV_STORE_ERROR, NV_STORE_ERROR_SQL,
                 _ ("The database server reported an error: %s"), message);
  return FALSE;
}

/* Runs parameterless @sql; keeps a failure for ->set_error. */
static gboolean
run (PgDb *self, const char *sql)
{
  PGresult *result = PQexec (self->pg->conn, sql);
  ExecStatusType status = PQresultStatus (result);

  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
    {
      nv_db_pg_keep_error (self, result);
      return FALSE;
    }
  PQclear (result);
  return TRUE;
}

/* ---- Notifications ------------------------------------------------------ */

static void
take_notifications (PgDb *self)
{
  PGnotify *n;
  int own = PQbackendPID (self->pg->conn);

  if (PQconsumeInput (self->pg->conn) == 0)
    return;
  while ((n = PQnotifies (self->pg->conn)) != NULL)
    {
      if (n->be_pid != own)
        {
          self->version++;
          for (guint i = 0; i < G_N_ELEMENTS (topic_names); i++)
            if (g_strcmp0 (n->extra, topic_names[i].payload) == 0)
              self->remote_topics |= topic_names[i].topics;
        }
      PQfreemem (n);
    }
}

/* ---- Opening ------------------------------------------------------------ */

/* The server's notices (e.g. «terminating connection due to administrator
 * command» as it goes down) are debug output: libpq would print them on
 * stderr, and the window's banner already says what matters. */
static void
notice_cb (void *data, const char *message)
{
  g_autofree char *text = g_strchomp (g_strdup (message));

  g_debug ("server: %s", text);
}

/* The session on @pg_in as the store wants it, once the schema checks. */
static NvDb *
db_new (NvPg *pg_in, const char *conninfo, const char *password, int *schema_version,
        GError **error)
{
  g_autoptr (NvPg) pg = pg_in;
  PgDb *self;
  int version = 0, latest = nv_pg_latest_schema_version ();

  if (pg == NULL)
    return NULL;
  if (!nv_pg_schema_version (pg, &version, error))
    return NULL;
  if (version == 0 || version < latest)
    {
      g_set_error (error, NV_STORE_ERROR, NV_STORE_ERROR_NOT_NAERVAER,
                   _ ("The database server has no Nærvær database of this version (schema %d, "
                      "this version of Nærvær needs %d). The municipality’s IT runs "
                      "“naervaer-cli server init” to make or update it."),
                   version, latest);
      return NULL;
    }
  if (version > latest)
    {
      g_set_error (error, NV_STORE_ERROR, NV_STORE_ERROR_TOO_NEW,
                   _ ("The database server’s Nærvær schema (version %d) is newer than this "
                      "version of Nærvær knows (%d). Update Nærvær."),
                   version, latest);
      return NULL;
    }
  if (!nv_pg_exec_done (pg,
                        "SELECT pg_catalog.set_config ('datestyle', 'ISO, YMD', false), "
                        "pg_catalog.set_config ('timezone', 'UTC', false), "
                        "pg_catalog.set_config ('extra_float_digits', '3', false)",
                        error)
      || !nv_pg_exec_done (pg, "LISTEN naervaer_changed", error))
    return NULL;

  PQsetNoticeProcessor (pg->conn, notice_cb, NULL);
  self = g_new0 (PgDb, 1);
  self->parent.backend = &pg_backend;
  self->pg = g_steal_pointer (&pg);
  self->conninfo = g_strdup (conninfo);
  self->password = g_strdup (password != NULL && *password != '\0' ? password : NULL);
  *schema_version = version;
  return &self->parent;
}

NvDb *
nv_db_pg_open (const char *conninfo, const char *password, int *schema_version, GError **error)
{
  g_autofree char *full = NULL;
  NvPg *pg;

  if (password != NULL && *password != '\0')
    {
      /* libpq reads a password from the connection string only; the
       * user's text is quoted as a value, never parsed as options. */
      GString *quoted = g_string_new ("'");
      for (const char *p = password; *p != '\0'; p++)
        {
          if (*p == '\'' || *p == '\\')
            g_string_append_c (quoted, '\\');
          g_string_append_c (quoted, *p);
        }
      g_string_append_c (quoted, '\'');
      if (g_str_has_prefix (conninfo, "postgresql://")
          || g_str_has_prefix (conninfo, "postgres://"))
        {
          g_autofree char *escaped = g_uri_escape_string (password, NULL, FALSE);
          full = g_strdup_printf ("%s%cpassword=%s", conninfo,
                                  strchr (conninfo, '?') != NULL ? '&' : '?', escaped);
        }
      else
        full = g_strdup_printf ("%s password=%s", conninfo, quoted->str);
      g_string_free (quoted, TRUE);
    }
  pg = nv_pg_connect (full != NULL ? full : conninfo, error);
  if (full != NULL)
    memset (full, 0, strlen (full));
  return db_new (pg, conninfo, password, schema_version, error);
}

/* ---- Opening without blocking ------------------------------------------- */

typedef struct
{
  char *conninfo;
  char *password;
  NvPgTarget *target;
  NvDb *db;
  int version;
} Opening;

static void pg_close (NvDb *db);

static void
opening_free (Opening *o)
{
  /* A connection made after the opening was cancelled: nobody took it. */
  if (o->db != NULL)
    pg_close (o->db);
  g_free (o->conninfo);
  if (o->password != NULL)
    memset (o->password, 0, strlen (o->password));
  g_free (o->password);
  nv_pg_target_free (o->target);
  g_free (o);
}

/* In a worker thread: the names are looked up, the rest (TCP, TLS, the
 * login, the schema check) may take its time there. */
static void
open_in_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  Opening *o = data;
  GError *error = NULL;
  NvPg *pg = nv_pg_connect_to (o->conninfo, o->password, o->target, &error);

  o->db = db_new (pg, o->conninfo, o->password, &o->version, &error);
  if (o->db == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
open_resolved_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  g_autoptr (GTask) task = data;
  Opening *o = g_task_get_task_data (task);
  GError *error = NULL;

  o->target = nv_pg_resolve_finish (result, &error);
  if (o->target == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  /* libpq's connect blocks the worker until the server answers (or its
   * connect_timeout): a cancel returns at once, and the worker's
   * connection, if it comes, is closed with the task's data. */
  g_task_set_return_on_cancel (task, TRUE);
  g_task_run_in_thread (task, open_in_thread);
}

void
nv_db_pg_open_async (const char *conninfo, const char *password, GCancellable *cancellable,
                     GAsyncReadyCallback callback, gpointer data)
{
  g_autoptr (GTask) task = g_task_new (NULL, cancellable, callback, data);
  g_autoptr (GError) error = NULL;
  Opening *o = g_new0 (Opening, 1);

  g_task_set_source_tag (task, nv_db_pg_open_async);
  o->conninfo = g_strdup (conninfo);
  o->password = g_strdup (password);
  g_task_set_task_data (task, o, (GDestroyNotify)opening_free);
  /* A connection refused for its transport never looks anything up. */
  if (!nv_pg_check_transport (conninfo, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  nv_pg_resolve_async (conninfo, cancellable, open_resolved_cb, g_steal_pointer (&task));
}

NvDb *
nv_db_pg_open_finish (GAsyncResult *result, int *schema_version, GError **error)
{
  Opening *o;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  if (!g_task_propagate_boolean (G_TASK (result), error))
    return NULL;
  o = g_task_get_task_data (G_TASK (result));
  *schema_version = o->version;
  return g_steal_pointer (&o->db);
}

/* ---- Connection --------------------------------------------------------- */

static void
pg_close (NvDb *db)
{
  PgDb *self = DB (db);

  g_clear_pointer (&self->error_result, PQclear);
  nv_pg_free (self->pg);
  nv_pg_target_free (self->target);
  g_free (self->conninfo);
  if (self->password != NULL)
    memset (self->password, 0, strlen (self->password));
  g_free (self->password);
  g_free (db);
}

static NvStmt *
pg_prepare (NvDb *db, const char *sql, GError **error)
{
  PgDb *self = DB (db);
  g_autofree char *text = NULL;
  g_autofree char *name = NULL;
  PGresult *result;
  PgStmt *s;
  int n_params;

  text = nv_pg_rewrite_sql (sql, &n_params);
  if (nv_pg_inserts_with_id (sql))
    {
      g_strchomp (text);
      if (g_str_has_suffix (text, ";"))
        text[strlen (text) - 1] = '\0';
      char *with = g_strconcat (text, " RETURNING id", NULL);
      g_free (text);
      text = with;
    }
  name = g_strdup_printf ("nv_%u", ++self->n_statements);
  result = PQprepare (self->pg->conn, name, text, n_params, NULL);
  if (PQresultStatus (result) != PGRES_COMMAND_OK)
    {
      g_debug ("could not prepare: %s", text);
      nv_db_pg_keep_error (self, result);
      pg_set_error (db, error);
      return NULL;
    }
  PQclear (result);
  s = g_new0 (PgStmt, 1);
  /* Rows of numbers (the statistics read hundreds of thousands) travel in
   * binary: no number printed by the server and parsed again here. */
  if (g_ascii_strncasecmp (text, "SELECT", 6) == 0)
    {
      result = PQdescribePrepared (self->pg->conn, name);
      if (PQresultStatus (result) == PGRES_COMMAND_OK && PQnfields (result) > 0)
        {
          s->binary = TRUE;
          s->n_types = PQnfields (result);
          s->types = g_new (Oid, s->n_types);
          for (int i = 0; i < s->n_types; i++)
            {
              s->types[i] = PQftype (result, i);
              if (s->types[i] != PG_BOOL && s->types[i] != PG_INT8 && s->types[i] != PG_INT2
                  && s->types[i] != PG_INT4 && s->types[i] != PG_FLOAT8 && s->types[i] != PG_BYTEA)
                s->binary = FALSE;
            }
        }
      PQclear (result);
    }
  s->parent.backend = &pg_backend;
  s->db = self;
  s->name = g_steal_pointer (&name);
  s->text = g_strdup (text);
  s->n_params = n_params;
  s->values = g_new0 (char *, MAX (n_params, 1));
  s->lengths = g_new0 (int, MAX (n_params, 1));
  s->formats = g_new0 (int, MAX (n_params, 1));
  s->returning_id = g_str_has_suffix (text, " RETURNING id");
  s->row = -1;
  return &s->parent;
}

static gboolean
pg_exec (NvDb *db, const char *sql, GError **error)
{
  g_autofree char *text = NULL;
  int n_params;

  text = nv_pg_rewrite_sql (sql, &n_params);
  if (!run (DB (db), text))
    return pg_set_error (db, error);
  return TRUE;
}

static gint64
pg_last_insert_id (NvDb *db)
{
  return DB (db)->last_insert_id;
}

static gint64
pg_changes (NvDb *db)
{
  return DB (db)->changes;
}

static gint64
pg_total_changes (NvDb *db)
{
  return DB (db)->total_changes;
}

static gboolean
pg_data_version (NvDb *db, gint64 *version, GError **error)
{
  take_notifications (DB (db));
  *version = DB (db)->version;
  if (PQstatus (DB (db)->pg->conn) == CONNECTION_BAD)
    {
      nv_db_pg_keep_error (DB (db), NULL);
      return pg_set_error (db, error);
    }
  return TRUE;
}

/* ---- Transactions ------------------------------------------------------- */

static gboolean
pg_begin (NvDb *db, gboolean wait, GError **error)
{
  /* Rows are locked one by one on the server: nobody holds the whole
   * database, so there is nothing to wait for here. */
  if (!run (DB (db), "BEGIN"))
    return wait ? pg_set_error (db, error) : FALSE;
  return TRUE;
}

static gboolean
pg_in_transaction (NvDb *db)
{
  return PQtransactionStatus (DB (db)->pg->conn) != PQTRANS_IDLE
         && PQtransactionStatus (DB (db)->pg->conn) != PQTRANS_UNKNOWN;
}

static void
pg_rollback (NvDb *db)
{
  if (pg_in_transaction (db))
    {
      PGresult *result = PQexec (DB (db)->pg->conn, "ROLLBACK");
      PQclear (result);
    }
}

static gboolean
pg_commit (NvDb *db, GError **error)
{
  PgDb *self = DB (db);
  PGresult *result;

  if (PQtransactionStatus (self->pg->conn) == PQTRANS_INERROR)
    {
      pg_rollback (db);
      g_set_error_literal (error, NV_STORE_ERROR, NV_STORE_ERROR_SQL,
                           _ ("The database server refused an earlier step of this change: "
                              "nothing was saved."));
      return FALSE;
    }
  result = PQexec (self->pg->conn, "COMMIT");
  if (PQresultStatus (result) != PGRES_COMMAND_OK
      || g_strcmp0 (PQcmdStatus (result), "ROLLBACK") == 0)
    {
      nv_db_pg_keep_error (self, result);
      pg_rollback (db);
      return pg_set_error (db, error);
    }
  PQclear (result);
  return TRUE;
}

/* ---- Schema ------------------------------------------------------------- */

static gboolean
pg_get_schema_version (NvDb *db, int *version, GError **error)
{
  g_autoptr (GError) local = NULL;

  if (!nv_pg_schema_version (DB (db)->pg, version, &local))
    {
      g_set_error_literal (error, NV_STORE_ERROR, NV_STORE_ERROR_SQL, local->message);
      return FALSE;
    }
  return TRUE;
}

static gboolean
pg_set_schema_version (NvDb *db, int version, GError **error)
{
  g_set_error_literal (error, NV_STORE_ERROR, NV_STORE_ERROR_INVALID,
                       _ ("The server’s schema is made with “naervaer-cli server init”."));
  return FALSE;
}

static guint
pg_remote_topics (NvDb *db)
{
  guint topics;

  take_notifications (DB (db));
  topics = DB (db)->remote_topics;
  DB (db)->remote_topics = 0;
  return topics;
}

static int
pg_socket (NvDb *db)
{
  return PQsocket (DB (db)->pg->conn);
}

/* A new session: its settings again, and the statements are gone. */
static gboolean
session_again (NvDb *db, GError **error)
{
  DB (db)->version++;
  return run (DB (db), "SELECT pg_catalog.set_config ('search_path', 'naervaer', false), "
                       "pg_catalog.set_config ('datestyle', 'ISO, YMD', false), "
                       "pg_catalog.set_config ('timezone', 'UTC', false), "
                       "pg_catalog.set_config ('extra_float_digits', '3', false)")
                 && run (DB (db), "LISTEN naervaer_changed")
             ? TRUE
             : pg_set_error (db, error);
}

static gboolean
pg_reconnect (NvDb *db, GError **error)
{
  PGconn *conn = DB (db)->pg->conn;

  if (PQstatus (conn) == CONNECTION_OK)
    return TRUE;
  PQreset (conn);
  if (PQstatus (conn) != CONNECTION_OK)
    {
      nv_db_pg_keep_error (DB (db), NULL);
      return pg_set_error (db, error);
    }
  return session_again (db, error);
}

/* Looks the server's names up before a try without waiting
 * (nv-pg-resolve.c): libpq would look them up inside PQresetPoll(). */
static void
resolved_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  g_autoptr (GTask) task = data;
  PgDb *self = g_task_get_task_data (task);
  GError *error = NULL;
  NvPgTarget *target = nv_pg_resolve_finish (result, &error);

  if (target == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  nv_pg_target_free (self->target);
  self->target = target;
  g_task_return_boolean (task, TRUE);
}

static void
pg_resolve_async (NvDb *db, GCancellable *cancellable, GAsyncReadyCallback callback, gpointer data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, data);

  g_task_set_task_data (task, DB (db), NULL);
  nv_pg_resolve_async (DB (db)->conninfo, cancellable, resolved_cb, task);
}

static gboolean
pg_resolve_finish (NvDb *db, GAsyncResult *result, GError **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* The same without waiting (libpq's PQresetStart/PQresetPoll): the caller
 * watches the socket as asked and polls again when it is ready. After a
 * lookup (->resolve_async) the try is a new connection to the addresses
 * found, with the names kept for checking the certificate. */
static gboolean
pg_reconnect_start (NvDb *db, GError **error)
{
  PgDb *self = DB (db);
  PGconn *conn = self->pg->conn;

  if (PQstatus (conn) == CONNECTION_OK)
    return TRUE;
  self->fresh = self->target != NULL && self->target->host != NULL;
  if (self->fresh)
    {
      PGconn *fresh = nv_pg_connect_start (self->conninfo, self->password, self->target);

      g_clear_pointer (&self->target, nv_pg_target_free);
      if (fresh == NULL)
        {
          g_set_error_literal (error, NV_STORE_ERROR, NV_STORE_ERROR_IO, _ ("Out of memory."));
          return FALSE;
        }
      PQfinish (conn);
      PQsetNoticeProcessor (fresh, notice_cb, NULL);
      self->pg->conn = fresh;
      if (PQstatus (fresh) == CONNECTION_BAD)
        {
          nv_db_pg_keep_error (self, NULL);
          return pg_set_error (db, error);
        }
      return TRUE;
    }
  g_clear_pointer (&self->target, nv_pg_target_free);
  if (!PQresetStart (conn))
    {
      nv_db_pg_keep_error (self, NULL);
      return pg_set_error (db, error);
    }
  return TRUE;
}

static NvDbConnecting
pg_reconnect_poll (NvDb *db, int *fd, GError **error)
{
  PGconn *conn = DB (db)->pg->conn;

  *fd = PQsocket (conn);
  if (PQstatus (conn) == CONNECTION_OK)
    return NV_DB_CONNECTED;
  switch (DB (db)->fresh ? PQconnectPoll (conn) : PQresetPoll (conn))
    {
    case PGRES_POLLING_READING:
      *fd = PQsocket (conn);
      return NV_DB_CONNECTING_READ;
    case PGRES_POLLING_WRITING:
      *fd = PQsocket (conn);
      return NV_DB_CONNECTING_WRITE;
    case PGRES_POLLING_OK:
      *fd = PQsocket (conn);
      return session_again (db, error) ? NV_DB_CONNECTED : NV_DB_CONNECT_FAILED;
    case PGRES_POLLING_FAILED:
    default:
      nv_db_pg_keep_error (DB (db), NULL);
      pg_set_error (db, error);
      return NV_DB_CONNECT_FAILED;
    }
}

static gboolean
pg_is_connected (NvDb *db)
{
  return PQstatus (DB (db)->pg->conn) == CONNECTION_OK;
}

static const NvDbBackend pg_backend = {
  .name = "postgresql",
  .close = pg_close,
  .prepare = pg_prepare,
  .exec = pg_exec,
  .set_error = pg_set_error,
  .last_insert_id = pg_last_insert_id,
  .changes = pg_changes,
  .total_changes = pg_total_changes,
  .data_version = pg_data_version,
  .watch_rows = NULL,
  .bulk_load = NULL,
  .begin = pg_begin,
  .commit = pg_commit,
  .rollback = pg_rollback,
  .in_transaction = pg_in_transaction,
  .get_schema_version = pg_get_schema_version,
  .set_schema_version = pg_set_schema_version,
  .finalize = nv_db_pg_finalize,
  .step = nv_db_pg_step,
  .reset = nv_db_pg_reset,
  .clear_bindings = nv_db_pg_clear_bindings,
  .bind_int64 = nv_db_pg_bind_int64,
  .bind_double = nv_db_pg_bind_double,
  .bind_text = nv_db_pg_bind_text,
  .bind_blob = nv_db_pg_bind_blob,
  .bind_null = nv_db_pg_bind_null,
  .column_is_null = nv_db_pg_column_is_null,
  .column_int64 = nv_db_pg_column_int64,
  .column_double = nv_db_pg_column_double,
  .column_text = nv_db_pg_column_text,
  .column_blob = nv_db_pg_column_blob,
  .column_bytes = nv_db_pg_column_bytes,
  .remote_topics = pg_remote_topics,
  .socket = pg_socket,
  .reconnect = pg_reconnect,
  .resolve_async = pg_resolve_async,
  .resolve_finish = pg_resolve_finish,
  .reconnect_start = pg_reconnect_start,
  .reconnect_poll = pg_reconnect_poll,
  .is_connected = pg_is_connected,
};
