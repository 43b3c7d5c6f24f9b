/* nv-monthly-rows.c — the row layer of the monthly table (HR figures per
 * unit and month, DESIGN §2): every read of `monthly` is here, for the
 * Absence section's list, the import's checks and the statistics. SQL text
 * that SQLite and PostgreSQL both accept; parameters are `?N` (nv-db.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-absence"

#include "config.h"

#include "nv-absence-private.h"
#include "nv-store-private.h"

#define MONTHLY_SELECT                                                                             \
  "SELECT unit_id, period, contracted_days, lost_days_self, lost_days_doctor, persons "            \
  "FROM monthly "

/* FALSE when the stored period is not a month (the row is skipped). */
static gboolean
monthly_from_row (NvStmt *stmt, NvMonthly *m)
{
  *m = (NvMonthly){ nv_stmt_column_int64 (stmt, 0),
                    0,
                    0,
                    nv_stmt_column_double (stmt, 2),
                    nv_stmt_column_double (stmt, 3),
                    nv_stmt_column_double (stmt, 4),
                    nv_stmt_column_int (stmt, 5) };
  return nv_month_parse (nv_stmt_column_text (stmt, 1), &m->year, &m->month);
}

gboolean
nv_monthly_rows_scan (NvStore *store, gint64 unit_id, NvMonthlyRowFunc func, gpointer data,
                      GError **error)
{
  NvStmt *stmt;
  int rc;

  if (unit_id > 0)
    {
      stmt = nv_store_prepare (store, MONTHLY_SELECT "WHERE unit_id = ?1 ORDER BY period", error);
      if (stmt == NULL)
        return FALSE;
      nv_stmt_bind_int64 (stmt, 1, unit_id);
    }
  else
    {
      stmt = nv_store_prepare (store, MONTHLY_SELECT, error);
      if (stmt == NULL)
        return FALSE;
    }
  while ((rc = nv_stmt_step (stmt)) == NV_ROW)
    {
      NvMonthly m;

      if (monthly_from_row (stmt, &m))
        func (&m, data);
    }
  return nv_absence_rows_done (store, stmt, rc, error);
}

static void
add_copy (const NvMonthly *m, gpointer data)
{
  g_ptr_array_add (data, g_memdup2 (m, sizeof *m));
}

GPtrArray *
nv_monthly_list (NvStore *store, gint64 unit_id, GError **error)
{
  g_autoptr (GPtrArray) list = g_ptr_array_new_with_free_func (g_free);

  if (unit_id <= 0)
    return g_steal_pointer (&list);
  if (!nv_monthly_rows_scan (store, unit_id, add_copy, list, error))
    return NULL;
  return g_steal_pointer (&list);
}

gboolean
nv_monthly_rows_exists (NvStore *store, gint64 unit_id, int year, int month, gboolean *found,
                        GError **error)
{
  NvStmt *stmt
      = nv_store_prepare (store, "SELECT 1 FROM monthly WHERE unit_id = ?1 AND period = ?2", error);
  char period[8];
  int rc;

  *found = FALSE;
  if (stmt == NULL)
    return FALSE;
  g_snprintf (period, sizeof period, "%04d-%02d", year, month);
  nv_stmt_bind_int64 (stmt, 1, unit_id);
  nv_stmt_bind_text (stmt, 2, period);
  rc = nv_stmt_step (stmt);
  nv_stmt_reset (stmt);
  if (rc != NV_ROW && rc != NV_DONE)
    return nv_store_set_sql_error (store, error);
  *found = rc == NV_ROW;
  return TRUE;
}
