/* nv-roster-rows.c — the row layer of the employee and roster tables: every
 * read of `employee` and `roster` in Nærvær is here (the public get, find
 * and list calls and the private helpers of the rules, the import batch,
 * the cases, privacy and the statistics).
 *
 * Roster days are ISO text (NULL: an open end). A full roster row is
 * ROSTER_SELECT / roster_from_row; the compact one (employee, fte, days)
 * is what bulk readers get from nv_roster_rows_scan(). SQL text is what
 * SQLite and PostgreSQL both accept, except COLLATE NOCASE (employee refs
 * compare without ASCII case; the unique index is built so); parameters
 * are `?N` (nv-db.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-absence"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "nv-absence-private.h"
#include "nv-store-private.h"

static NvDay
column_day (NvStmt *stmt, int column)
{
  const char *text = nv_stmt_column_text (stmt, column);
  return text != NULL ? nv_day_parse_iso (text) : NV_DAY_NONE;
}

/* ---- Employees ----------------------------------------------------------- */

#define EMPLOYEE_SELECT "SELECT id, unit_id, ref FROM employee "

static NvEmployee *
employee_from_row (NvStmt *stmt)
{
  NvEmployee *e = g_new0 (NvEmployee, 1);

  e->id = nv_stmt_column_int64 (stmt, 0);
  e->unit_id = nv_stmt_column_int64 (stmt, 1);
  e->ref = nv_stmt_dup_text (stmt, 2);
  return e;
}

NvEmployee *
nv_employee_get (NvStore *store, gint64 id, GError **error)
{
  return nv_store_get_row (store, EMPLOYEE_SELECT "WHERE id = ?1", id,
                           (NvStoreRowMap)employee_from_row, _ ("The employee no longer exists"),
                           error);
}

NvEmployee *
nv_employee_find (NvStore *store, gint64 unit_id, const char *ref, const char **field,
                  GError **error)
{
  g_autofree char *t = nv_employee_ref_normalize (ref);
  NvStmt *stmt = nv_store_prepare (
      store, EMPLOYEE_SELECT "WHERE unit_id = ?1 AND ref = ?2 COLLATE NOCASE", error);
  NvEmployee *e = NULL;
  int rc;

  if (field != NULL)
    *field = NULL;
  if (stmt == NULL)
    return NULL;
  nv_stmt_bind_int64 (stmt, 1, unit_id);
  nv_stmt_bind_text (stmt, 2, t);
  rc = nv_stmt_step (stmt);
  if (rc == NV_ROW)
    e = employee_from_row (stmt);
  nv_stmt_reset (stmt);
  if (rc == NV_ROW)
    return e;
  if (rc != NV_DONE)
    nv_store_set_sql_error (store, error);
  else
    nv_field_error (field, "employee", error, NV_STORE_ERROR_NOT_FOUND,
                    _ ("“%s” is not on the roster"), t);
  return NULL;
}

GPtrArray *
nv_employee_list (NvStore *store, gint64 unit_id, GError **error)
{
  g_autoptr (GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify)nv_employee_free);
  NvStmt *stmt = nv_store_prepare (
      store, EMPLOYEE_SELECT "WHERE unit_id = ?1 ORDER BY ref COLLATE NOCASE", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  nv_stmt_bind_int64 (stmt, 1, unit_id);
  while ((rc = nv_stmt_step (stmt)) == NV_ROW)
    g_ptr_array_add (list, employee_from_row (stmt));
  if (!nv_absence_rows_done (store, stmt, rc, error))
    return NULL;
  return g_steal_pointer (&list);
}

GHashTable *
nv_employee_rows_refs (NvStore *store, gint64 unit_id, GError **error)
{
  g_autoptr (GHashTable) refs = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  NvStmt *stmt = nv_store_prepare (store, EMPLOYEE_SELECT "WHERE ?1 = 0 OR unit_id = ?1", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  nv_stmt_bind_int64 (stmt, 1, unit_id);
  while ((rc = nv_stmt_step (stmt)) == NV_ROW)
    {
      gint64 id = nv_stmt_column_int64 (stmt, 0);
      g_hash_table_insert (refs, g_memdup2 (&id, sizeof id), nv_stmt_dup_text (stmt, 2));
    }
  if (!nv_absence_rows_done (store, stmt, rc, error))
    return NULL;
  return g_steal_pointer (&refs);
}

gboolean
nv_employee_rows_scan (NvStore *store, NvEmployeeRowFunc func, gpointer data, GError **error)
{
  NvStmt *stmt = nv_store_prepare (store, "SELECT id, unit_id FROM employee", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = nv_stmt_step (stmt)) == NV_ROW)
    func (nv_stmt_column_int64 (stmt, 0), nv_stmt_column_int64 (stmt, 1), data);
  return nv_absence_rows_done (store, stmt, rc, error);
}

gboolean
nv_employee_rows_unit_of (NvStore *store, gint64 employee_id, gint64 *unit_id, GError **error)
{
  NvStmt *stmt = nv_store_prepare (store, "SELECT unit_id FROM employee WHERE id = ?1", error);
  int rc;

  *unit_id = 0;
  if (stmt == NULL)
    return FALSE;
  nv_stmt_bind_int64 (stmt, 1, employee_id);
  rc = nv_stmt_step (stmt);
  if (rc == NV_ROW)
    *unit_id = nv_stmt_column_int64 (stmt, 0);
  nv_stmt_reset (stmt);
  if (rc != NV_ROW && rc != NV_DONE)
    return nv_store_set_sql_error (store, error);
  return TRUE;
}

/* ---- Roster: the full row ------------------------------------------------ */

#define ROSTER_SELECT                                                                              \
  "SELECT r.id, r.employee_id, e.ref, r.fte, r.from_date, r.to_date "                              \
  "FROM roster r JOIN employee e ON e.id = r.employee_id "

static NvRosterRow *
roster_from_row (NvStmt *stmt)
{
  NvRosterRow *r = g_new0 (NvRosterRow, 1);

  r->id = nv_stmt_column_int64 (stmt, 0);
  r->employee_id = nv_stmt_column_int64 (stmt, 1);
  r->employee_ref = nv_stmt_dup_text (stmt, 2);
  r->fte = nv_stmt_column_double (stmt, 3);
  r->from = column_day (stmt, 4);
  r->to = column_day (stmt, 5);
  return r;
}

NvRosterRow *
nv_roster_rows_get (NvStore *store, gint64 row_id, GError **error)
{
  return nv_store_get_row (store, ROSTER_SELECT "WHERE r.id = ?1", row_id,
                           (NvStoreRowMap)roster_from_row, _ ("The roster row no longer exists"),
                           error);
}

NvRosterRow *
nv_roster_rows_in_force (NvStore *store, gint64 employee_id, NvDay day, GError **error)
{
  char buf[11];
  NvStmt *stmt = nv_store_prepare (store,
                                   ROSTER_SELECT "WHERE r.employee_id = ?1 AND r.from_date <= ?2 "
                                                 "AND (r.to_date IS NULL OR r.to_date >= ?2)",
                                   error);
  NvRosterRow *row = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  nv_stmt_bind_int64 (stmt, 1, employee_id);
  nv_stmt_bind_text (stmt, 2, nv_day_format_iso_buf (day, buf));
  rc = nv_stmt_step (stmt);
  if (rc == NV_ROW)
    row = roster_from_row (stmt);
  nv_stmt_reset (stmt);
  if (rc != NV_ROW && rc != NV_DONE)
    nv_store_set_sql_error (store, error);
  return row;
}

static GPtrArray *
roster_collect (NvStore *store, NvStmt *stmt, gint64 id, GError **error)
{
  g_autoptr (GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify)nv_roster_row_free);
  int rc;

  if (stmt == NULL)
    return NULL;
  nv_stmt_bind_int64 (stmt, 1, id);
  while ((rc = nv_stmt_step (stmt)) == NV_ROW)
    g_ptr_array_add (list, roster_from_row (stmt));
  if (!nv_absence_rows_done (store, stmt, rc, error))
    return NULL;
  return g_steal_pointer (&list);
}

GPtrArray *
nv_roster_list (NvStore *store, gint64 unit_id, GError **error)
{
  return roster_collect (store,
                         nv_store_prepare (store,
                                           ROSTER_SELECT
                                           "WHERE e.unit_id = ?1 "
                                           "ORDER BY e.ref COLLATE NOCASE, e.id, r.from_date",
                                           error),
                         unit_id, error);
}

GPtrArray *
nv_roster_list_employee (NvStore *store, gint64 employee_id, GError **error)
{
  return roster_collect (
      store,
      nv_store_prepare (store, ROSTER_SELECT "WHERE r.employee_id = ?1 ORDER BY r.from_date",
                        error),
      employee_id, error);
}

/* ---- Roster: compact rows, intervals, counts ----------------------------- */

gboolean
nv_roster_rows_scan (NvStore *store, gint64 unit_id, NvRosterRowFunc func, gpointer data,
                     GError **error)
{
  NvStmt *stmt;
  int rc;

  if (unit_id > 0)
    {
      stmt = nv_store_prepare (store,
                               "SELECT r.employee_id, r.fte, r.from_date, r.to_date "
                               "FROM roster r JOIN employee e ON e.id = r.employee_id "
                               "WHERE e.unit_id = ?1 ORDER BY r.employee_id, r.from_date",
                               error);
      if (stmt == NULL)
        return FALSE;
      nv_stmt_bind_int64 (stmt, 1, unit_id);
    }
  else
    {
      /* No join and no ORDER BY: one plain scan of the table. */
      stmt = nv_store_prepare (store, "SELECT employee_id, fte, from_date, to_date FROM roster",
                               error);
      if (stmt == NULL)
        return FALSE;
    }
  while ((rc = nv_stmt_step (stmt)) == NV_ROW)
    {
      NvRosterRow r = { 0,
                        nv_stmt_column_int64 (stmt, 0),
                        NULL,
                        nv_stmt_column_double (stmt, 1),
                        column_day (stmt, 2),
                        column_day (stmt, 3) };
      func (&r, data);
    }
  return nv_absence_rows_done (store, stmt, rc, error);
}

GArray *
nv_absence_load_roster_ivs (NvStore *store, gint64 employee_id, gint64 except_id, GError **error)
{
  NvStmt *stmt = nv_store_prepare (store,
                                   "SELECT from_date, to_date FROM roster "
                                   "WHERE employee_id = ?1 AND id <> ?2 ORDER BY from_date",
                                   error);

  return nv_absence_collect_ivs (store, stmt, employee_id, except_id, column_day, error);
}

gboolean
nv_roster_rows_any_in (NvStore *store, gint64 unit_id, NvDay first, NvDay last, gboolean *found,
                       GError **error)
{
  NvStmt *stmt = nv_store_prepare (store,
                                   "SELECT 1 FROM roster r JOIN employee e ON e.id = r.employee_id "
                                   "WHERE e.unit_id = ?1 AND r.from_date <= ?3 "
                                   "AND (r.to_date IS NULL OR r.to_date >= ?2) LIMIT 1",
                                   error);
  char a[11], b[11];
  int rc;

  *found = FALSE;
  if (stmt == NULL)
    return FALSE;
  nv_stmt_bind_int64 (stmt, 1, unit_id);
  nv_stmt_bind_text (stmt, 2, nv_day_format_iso_buf (first, a));
  nv_stmt_bind_text (stmt, 3, nv_day_format_iso_buf (last, b));
  rc = nv_stmt_step (stmt);
  nv_stmt_reset (stmt);
  if (rc != NV_ROW && rc != NV_DONE)
    return nv_store_set_sql_error (store, error);
  *found = rc == NV_ROW;
  return TRUE;
}

gboolean
nv_roster_rows_count_employee (NvStore *store, gint64 employee_id, guint *count, GError **error)
{
  return nv_store_count (store, "SELECT count(*) FROM roster WHERE employee_id = ?1", employee_id,
                         count, error);
}
