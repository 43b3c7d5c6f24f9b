/* nv-unit-target.c — the sick-leave target of a unit (schema 10).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-unit"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "nv-store-private.h"
#include "nv-unit.h"

gboolean
nv_unit_get_target (NvStore *store, gint64 unit_id, double *percent, GError **error)
{
  sqlite3_stmt *stmt;
  int rc;

  *percent = NAN;
  stmt = nv_store_prepare (store, "SELECT target_percent FROM unit WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, unit_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      if (sqlite3_column_type (stmt, 0) != SQLITE_NULL)
        *percent = sqlite3_column_double (stmt, 0);
      sqlite3_reset (stmt);
      return TRUE;
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return nv_store_set_sql_error (store, error);
  g_set_error_literal (error, NV_STORE_ERROR, NV_STORE_ERROR_NOT_FOUND,
                       _("The unit no longer exists."));
  return FALSE;
}

gboolean
nv_unit_set_target (NvStore *store, gint64 unit_id, double percent, GError **error)
{
  sqlite3_stmt *stmt;

  if (!isnan (percent) && !(percent > 0 && percent < 100))
    {
      g_set_error_literal (error, NV_STORE_ERROR, NV_STORE_ERROR_INVALID,
                           _("Target: give a percentage above 0 and below 100."));
      return FALSE;
    }
  stmt = nv_store_prepare (store, "UPDATE unit SET target_percent = ?2 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, unit_id);
  if (isnan (percent))
    sqlite3_bind_null (stmt, 2);
  else
    sqlite3_bind_double (stmt, 2, percent);
  if (!nv_store_step_done (store, stmt, error))
    return FALSE;
  if (sqlite3_changes (nv_store_get_db (store)) == 0)
    {
      g_set_error_literal (error, NV_STORE_ERROR, NV_STORE_ERROR_NOT_FOUND,
                           _("The unit no longer exists."));
      return FALSE;
    }
  nv_store_emit_changed (store, "units");
  return TRUE;
}
