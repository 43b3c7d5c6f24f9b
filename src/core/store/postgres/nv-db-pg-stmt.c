/* nv-db-pg-stmt.c — statements of the PostgreSQL backend (nv-db-pg.c):
 * parameters bound as text (bytea binary), results read row by row, and
 * columns decoded from text or, for numbers, booleans and bytea, binary form.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "nv-db-pg-private.h"
#include "nv-store.h"

/* ---- Statements --------------------------------------------------------- */

static void
clear_result (PgStmt *s)
{
  g_clear_pointer (&s->result, PQclear);
  g_clear_pointer (&s->blob, PQfreemem);
  s->row = -1;
  s->executed = FALSE;
}

void
nv_db_pg_clear_bindings (NvStmt *stmt)
{
  PgStmt *s = STMT (stmt);

  for (int i = 0; i < s->n_params; i++)
    {
      g_clear_pointer (&s->values[i], g_free);
      s->lengths[i] = 0;
      s->formats[i] = 0;
    }
}

void
nv_db_pg_finalize (NvStmt *stmt)
{
  PgStmt *s = STMT (stmt);
  g_autofree char *sql = NULL;

  clear_result (s);
  nv_db_pg_clear_bindings (stmt);
  /* The statement goes with the connection; deallocate it if that lives. */
  if (PQstatus (s->db->pg->conn) == CONNECTION_OK
      && PQtransactionStatus (s->db->pg->conn) != PQTRANS_INERROR)
    {
      sql = g_strdup_printf ("DEALLOCATE %s", s->name);
      PQclear (PQexec (s->db->pg->conn, sql));
    }
  g_free (s->name);
  g_free (s->text);
  g_free (s->values);
  g_free (s->lengths);
  g_free (s->formats);
  g_free (s->types);
  g_free (s);
}

NvStep
nv_db_pg_step (NvStmt *stmt)
{
  PgStmt *s = STMT (stmt);
  PgDb *self = s->db;

  if (!s->executed)
    {
      PGresult *result;
      ExecStatusType status;

      s->executed = TRUE;
      result = PQexecPrepared (self->pg->conn, s->name, s->n_params, (const char *const *)s->values,
                               s->lengths, s->formats, s->binary);
      status = PQresultStatus (result);
      if (status == PGRES_FATAL_ERROR
          && g_strcmp0 (PQresultErrorField (result, PG_DIAG_SQLSTATE), "26000") == 0)
        {
          /* A new session after a lost connection: prepare it again. */
          PQclear (result);
          result = PQprepare (self->pg->conn, s->name, s->text, s->n_params, NULL);
          if (PQresultStatus (result) != PGRES_COMMAND_OK)
            {
              nv_db_pg_keep_error (self, result);
              return NV_STEP_ERROR;
            }
          PQclear (result);
          result
              = PQexecPrepared (self->pg->conn, s->name, s->n_params,
                                (const char *const *)s->values, s->lengths, s->formats, s->binary);
          status = PQresultStatus (result);
        }
      if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
        {
          nv_db_pg_keep_error (self, result);
          return NV_STEP_ERROR;
        }
      if (status == PGRES_COMMAND_OK || s->returning_id)
        {
          const char *tuples = PQcmdTuples (result);
          self->changes = *tuples != '\0' ? g_ascii_strtoll (tuples, NULL, 10) : 0;
          self->total_changes += self->changes;
          if (s->returning_id && PQntuples (result) > 0)
            self->last_insert_id
                = g_ascii_strtoll (PQgetvalue (result, PQntuples (result) - 1, 0), NULL, 10);
          PQclear (result);
          return NV_DONE;
        }
      s->result = result;
    }
  if (s->result == NULL)
    return NV_DONE;
  s->row++;
  return s->row < PQntuples (s->result) ? NV_ROW : NV_DONE;
}

void
nv_db_pg_reset (NvStmt *stmt)
{
  clear_result (STMT (stmt));
}

static void
set_param (NvStmt *stmt, int index, char *value, int length, int format)
{
  PgStmt *s = STMT (stmt);

  if (index < 1 || index > s->n_params)
    {
      g_free (value);
      return;
    }
  g_free (s->values[index - 1]);
  s->values[index - 1] = value;
  s->lengths[index - 1] = length;
  s->formats[index - 1] = format;
}

void
nv_db_pg_bind_int64 (NvStmt *stmt, int index, gint64 value)
{
  set_param (stmt, index, g_strdup_printf ("%" G_GINT64_FORMAT, value), 0, 0);
}

void
nv_db_pg_bind_double (NvStmt *stmt, int index, double value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  set_param (stmt, index, g_strdup (g_ascii_formatd (buf, sizeof buf, "%.17g", value)), 0, 0);
}

void
nv_db_pg_bind_text (NvStmt *stmt, int index, const char *text, gboolean copy)
{
  set_param (stmt, index, g_strdup (text), 0, 0);
}

void
nv_db_pg_bind_blob (NvStmt *stmt, int index, const void *data, gsize size)
{
  char *copy = g_malloc (MAX (size, 1));

  memcpy (copy, data, size);
  set_param (stmt, index, copy, (int)size, 1);
}

void
nv_db_pg_bind_null (NvStmt *stmt, int index)
{
  set_param (stmt, index, NULL, 0, 0);
}

static const char *
value (NvStmt *stmt, int column)
{
  PgStmt *s = STMT (stmt);

  if (s->result == NULL || s->row < 0 || s->row >= PQntuples (s->result)
      || column >= PQnfields (s->result) || PQgetisnull (s->result, s->row, column))
    return NULL;
  return PQgetvalue (s->result, s->row, column);
}

gboolean
nv_db_pg_column_is_null (NvStmt *stmt, int column)
{
  return value (stmt, column) == NULL;
}

/* A binary column: its type when @column is one, else 0. */
static Oid
binary_type (PgStmt *s, int column)
{
  return s->binary && column >= 0 && column < s->n_types ? s->types[column] : 0;
}

/* A binary column's number (network byte order); booleans are 1 and 0. */
static gboolean
binary_number (PgStmt *s, int column, const char *v, gint64 *integer, double *real)
{
  Oid type = binary_type (s, column);
  guint64 u64;
  guint32 u32;
  guint16 u16;

  switch (type)
    {
    case PG_BOOL:
      *integer = v[0] != 0;
      *real = (double)*integer;
      return FALSE;
    case PG_INT2:
      memcpy (&u16, v, 2);
      *integer = (gint16)GUINT16_FROM_BE (u16);
      break;
    case PG_INT4:
      memcpy (&u32, v, 4);
      *integer = (gint32)GUINT32_FROM_BE (u32);
      break;
    case PG_INT8:
      memcpy (&u64, v, 8);
      *integer = (gint64)GUINT64_FROM_BE (u64);
      break;
    case PG_FLOAT8:
      memcpy (&u64, v, 8);
      u64 = GUINT64_FROM_BE (u64);
      memcpy (real, &u64, 8);
      *integer = (gint64)*real;
      return TRUE;
    case PG_BYTEA:
      *integer = 0; /* (SQLite reads a blob as the number 0 too) */
      break;
    default:
      g_assert_not_reached ();
    }
  *real = (double)*integer;
  return FALSE;
}

gint64
nv_db_pg_column_int64 (NvStmt *stmt, int column)
{
  const char *v = value (stmt, column);

  if (v == NULL)
    return 0;
  if (binary_type (STMT (stmt), column) != 0)
    {
      gint64 integer;
      double real;
      binary_number (STMT (stmt), column, v, &integer, &real);
      return integer;
    }
  if (v[0] == 't' && v[1] == '\0')
    return 1; /* a boolean: SQLite says 1 and 0 */
  if (v[0] == 'f' && v[1] == '\0')
    return 0;
  if (strpbrk (v, ".eE") != NULL)
    return (gint64)g_ascii_strtod (v, NULL);
  return g_ascii_strtoll (v, NULL, 10);
}

double
nv_db_pg_column_double (NvStmt *stmt, int column)
{
  const char *v = value (stmt, column);

  if (v == NULL)
    return 0;
  if (binary_type (STMT (stmt), column) != 0)
    {
      gint64 integer;
      double real;
      binary_number (STMT (stmt), column, v, &integer, &real);
      return real;
    }
  if (v[0] == 't' && v[1] == '\0')
    return 1;
  return g_ascii_strtod (v, NULL);
}

/* A binary column as the server would have printed it: the shortest
 * digits that read back as the same double, «t»/«f» for a boolean. */
static const char *
binary_text (PgStmt *s, int column, const char *v)
{
  gint64 integer;
  double real;

  if (binary_type (s, column) == PG_BOOL)
    return v[0] != 0 ? "t" : "f";
  if (binary_type (s, column) == PG_BYTEA)
    return v; /* the bytes, as SQLite gives a blob's text */
  if (!binary_number (s, column, v, &integer, &real))
    {
      g_snprintf (s->number, sizeof s->number, "%" G_GINT64_FORMAT, integer);
      return s->number;
    }
  if (isnan (real))
    return "NaN";
  if (isinf (real))
    return real > 0 ? "Infinity" : "-Infinity";
  for (int digits = 15; digits <= 17; digits++)
    {
      g_ascii_formatd (s->number, sizeof s->number,
                       digits == 15   ? "%.15g"
                       : digits == 16 ? "%.16g"
                                      : "%.17g",
                       real);
      if (g_ascii_strtod (s->number, NULL) == real)
        break;
    }
  return s->number;
}

const char *
nv_db_pg_column_text (NvStmt *stmt, int column)
{
  const char *v = value (stmt, column);

  if (v != NULL && binary_type (STMT (stmt), column) != 0)
    return binary_text (STMT (stmt), column, v);
  return v;
}

const void *
nv_db_pg_column_blob (NvStmt *stmt, int column)
{
  PgStmt *s = STMT (stmt);
  const char *v = value (stmt, column);
  size_t len = 0;

  g_clear_pointer (&s->blob, PQfreemem);
  s->blob_len = 0;
  if (v == NULL)
    return NULL;
  if (binary_type (s, column) == PG_BYTEA)
    return v; /* the bytes themselves */
  if (binary_type (s, column) != 0)
    return nv_db_pg_column_text (stmt, column);
  s->blob = PQunescapeBytea ((const unsigned char *)v, &len);
  s->blob_len = len;
  return s->blob;
}

gsize
nv_db_pg_column_bytes (NvStmt *stmt, int column)
{
  PgStmt *s = STMT (stmt);
  const char *v = value (stmt, column);

  if (v == NULL)
    return 0;
  if (binary_type (s, column) == PG_BYTEA)
    return (gsize)PQgetlength (s->result, s->row, column);
  if (binary_type (s, column) != 0)
    return strlen (nv_db_pg_column_text (stmt, column));
  if (s->blob != NULL)
    return s->blob_len;
  return strlen (v);
}
