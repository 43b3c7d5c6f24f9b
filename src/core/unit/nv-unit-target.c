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
  NvStmt *stmt;
  int rc;

  *percent = NAN;
  stmt = nv_store_prepare (store, "SELECT target_percent FROM unit WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  nv_stmt_bind_int64 (stmt, 1, unit_id);
  rc = nv_stmt_step (stmt);
  if (rc == NV_ROW)
    {
      if (!nv_stmt_column_is_null (stmt, 0))
        *percent = nv_stmt_column_double (stmt, 0);
      nv_stmt_reset (stmt);
      return TRUE;
    }
  nv_stmt_reset (stmt);
  if (rc != NV_DONE)
    return nv_store_set_sql_error (store, error);
  g_set_error_literal (error, NV_STORE_ERROR, NV_STORE_ERROR_NOT_FOUND,
                       _("The unit no longer exists."));
  return FALSE;
}

gboolean
nv_unit_set_target (NvStore *store, gint64 unit_id, double percent, GError **error)
{
  NvStmt *stmt;

  if (!isnan (percent) && !(percent > 0 && percent < 100))
    {
      g_set_error_literal (error, NV_STORE_ERROR, NV_STORE_ERROR_INVALID,
                           _("Target: give a percentage above 0 and below 100."));
      return FALSE;
    }
  stmt = nv_store_prepare (store, "UPDATE unit SET target_percent = ?2 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  nv_stmt_bind_int64 (stmt, 1, unit_id);
  if (isnan (percent))
    nv_stmt_bind_null (stmt, 2);
  else
    nv_stmt_bind_double (stmt, 2, percent);
  if (!nv_store_write (store, stmt, NV_TOPIC_UNITS | NV_TOPIC_TARGETS, error))
    return FALSE;
  if (nv_store_changes (store) == 0)
    {
      g_set_error_literal (error, NV_STORE_ERROR, NV_STORE_ERROR_NOT_FOUND,
                           _("The unit no longer exists."));
      return FALSE;
    }
  return TRUE;
}
