/* nv-db-pg-private.h — what nv-db-pg.c (connection, transactions,
 * notifications) and nv-db-pg-stmt.c (statements, parameters, columns)
 * share inside the PostgreSQL backend.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "nv-db.h"
#include "nv-pg-private.h"

G_BEGIN_DECLS

typedef struct
{
  NvDb parent;
  NvPg *pg;
  guint n_statements;
  gint64 last_insert_id, changes, total_changes;
  gint64 version; /* notifications received from other connections */
  guint remote_topics;
  PGresult *error_result; /* the last failure; NULL: see the connection */
} PgDb;

typedef struct
{
  NvStmt parent;
  PgDb *db;
  char *name;
  char *text; /* as the server runs it */
  int n_params;
  char **values;
  int *lengths;
  int *formats;
  gboolean returning_id;
  PGresult *result;
  int row;
  gboolean executed;
  guchar *blob; /* the last bytea column read, unescaped */
  gsize blob_len;
  /* Results in binary form when every column is a number, a boolean or
   * bytea (their types, from the server, in @types); else text. */
  gboolean binary;
  Oid *types;
  int n_types;
  char number[40]; /* a binary column's text form, for ->column_text */
} PgStmt;

/* The types that come back in binary form (pg_type.h's OIDs). */
#define PG_BOOL 16
#define PG_BYTEA 17
#define PG_INT8 20
#define PG_INT2 21
#define PG_INT4 23
#define PG_FLOAT8 701

#define DB(d) ((PgDb *)(d))
#define STMT(s) ((PgStmt *)(s))

/* Keeps @result as the last failure (->set_error reads it). */
void nv_db_pg_keep_error (PgDb *self, PGresult *result);

/* The statement half of the backend's table (nv-db-pg-stmt.c). */
void nv_db_pg_clear_bindings (NvStmt *stmt);
void nv_db_pg_finalize (NvStmt *stmt);
NvStep nv_db_pg_step (NvStmt *stmt);
void nv_db_pg_reset (NvStmt *stmt);
void nv_db_pg_bind_int64 (NvStmt *stmt, int index, gint64 value);
void nv_db_pg_bind_double (NvStmt *stmt, int index, double value);
void nv_db_pg_bind_text (NvStmt *stmt, int index, const char *text, gboolean copy);
void nv_db_pg_bind_blob (NvStmt *stmt, int index, const void *data, gsize size);
void nv_db_pg_bind_null (NvStmt *stmt, int index);
gboolean nv_db_pg_column_is_null (NvStmt *stmt, int column);
gint64 nv_db_pg_column_int64 (NvStmt *stmt, int column);
double nv_db_pg_column_double (NvStmt *stmt, int column);
const char *nv_db_pg_column_text (NvStmt *stmt, int column);
const void *nv_db_pg_column_blob (NvStmt *stmt, int column);
gsize nv_db_pg_column_bytes (NvStmt *stmt, int column);

G_END_DECLS
