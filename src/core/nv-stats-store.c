/* nv-stats-store.c — statistics and cases for units in the store.
 *
 * Rows are read with one statement per table (for all units at once when
 * every unit is asked for) into flat arrays, then handed to the engine.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-stats"

#include "config.h"

#include <string.h>

#include "nv-stats-private.h"
#include "nv-store-private.h"

typedef struct
{
  gint64 unit_id;
  GArray *roster;  /* NvRosterRow, employee_ref NULL */
  GArray *spells;  /* NvSpell, employee_ref NULL */
  GArray *monthly; /* NvMonthly */
} UnitRows;

static void
unit_rows_clear (gpointer data)
{
  UnitRows *u = data;
  g_clear_pointer (&u->roster, g_array_unref);
  g_clear_pointer (&u->spells, g_array_unref);
  g_clear_pointer (&u->monthly, g_array_unref);
}

static NvDay
column_day (sqlite3_stmt *stmt, int column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);
  return text != NULL ? nv_day_parse_iso (text) : NV_DAY_NONE;
}

static UnitRows *
rows_for (GArray *units, GHashTable *index, gint64 unit_id)
{
  gpointer pos;

  if (g_hash_table_lookup_extended (index, &unit_id, NULL, &pos))
    return &g_array_index (units, UnitRows, GPOINTER_TO_UINT (pos));
  {
    UnitRows u = { unit_id, g_array_new (FALSE, FALSE, sizeof (NvRosterRow)),
                   g_array_new (FALSE, FALSE, sizeof (NvSpell)),
                   g_array_new (FALSE, FALSE, sizeof (NvMonthly)) };
    gint64 *key = g_new (gint64, 1);
    *key = unit_id;
    g_array_append_val (units, u);
    g_hash_table_insert (index, key, GUINT_TO_POINTER (units->len - 1));
    return &g_array_index (units, UnitRows, units->len - 1);
  }
}

/* Loads the rows of @unit_id, or of every unit when @all. */
static gboolean
load (NvStore *store, gboolean all, gint64 unit_id, GArray *units, GHashTable *index,
      GError **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = all ? nv_store_prepare (store,
                                 "SELECT e.unit_id, r.employee_id, r.fte, r.from_date, r.to_date "
                                 "FROM roster r JOIN employee e ON e.id = r.employee_id",
                                 error)
             : nv_store_prepare (store,
                                 "SELECT e.unit_id, r.employee_id, r.fte, r.from_date, r.to_date "
                                 "FROM roster r JOIN employee e ON e.id = r.employee_id "
                                 "WHERE e.unit_id = ?1",
                                 error);
  if (stmt == NULL)
    return FALSE;
  if (!all)
    sqlite3_bind_int64 (stmt, 1, unit_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      UnitRows *u = rows_for (units, index, sqlite3_column_int64 (stmt, 0));
      NvRosterRow r = { 0, sqlite3_column_int64 (stmt, 1), NULL, sqlite3_column_double (stmt, 2),
                        column_day (stmt, 3), column_day (stmt, 4) };
      g_array_append_val (u->roster, r);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return nv_store_set_sql_error (store, error);

  stmt = all ? nv_store_prepare (store,
                                 "SELECT e.unit_id, s.employee_id, s.start_date, s.end_date, "
                                 "s.grade, s.type = 'egenmeldt', s.id "
                                 "FROM spell s JOIN employee e ON e.id = s.employee_id",
                                 error)
             : nv_store_prepare (store,
                                 "SELECT e.unit_id, s.employee_id, s.start_date, s.end_date, "
                                 "s.grade, s.type = 'egenmeldt', s.id "
                                 "FROM spell s JOIN employee e ON e.id = s.employee_id "
                                 "WHERE e.unit_id = ?1",
                                 error);
  if (stmt == NULL)
    return FALSE;
  if (!all)
    sqlite3_bind_int64 (stmt, 1, unit_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      UnitRows *u = rows_for (units, index, sqlite3_column_int64 (stmt, 0));
      NvSpell s = { sqlite3_column_int64 (stmt, 6), sqlite3_column_int64 (stmt, 1), NULL,
                    column_day (stmt, 2), column_day (stmt, 3), sqlite3_column_double (stmt, 4),
                    sqlite3_column_int (stmt, 5) ? NV_SPELL_SELF : NV_SPELL_DOCTOR };
      g_array_append_val (u->spells, s);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return nv_store_set_sql_error (store, error);

  stmt = all ? nv_store_prepare (store,
                                 "SELECT unit_id, period, contracted_days, lost_days_self, "
                                 "lost_days_doctor, persons FROM monthly",
                                 error)
             : nv_store_prepare (store,
                                 "SELECT unit_id, period, contracted_days, lost_days_self, "
                                 "lost_days_doctor, persons FROM monthly WHERE unit_id = ?1",
                                 error);
  if (stmt == NULL)
    return FALSE;
  if (!all)
    sqlite3_bind_int64 (stmt, 1, unit_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      UnitRows *u = rows_for (units, index, sqlite3_column_int64 (stmt, 0));
      NvMonthly m = { u->unit_id, 0, 0, sqlite3_column_double (stmt, 2),
                      sqlite3_column_double (stmt, 3), sqlite3_column_double (stmt, 4),
                      sqlite3_column_int (stmt, 5) };
      if (nv_month_parse ((const char *) sqlite3_column_text (stmt, 1), &m.year, &m.month))
        g_array_append_val (u->monthly, m);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return nv_store_set_sql_error (store, error);
  return TRUE;
}

GArray *
nv_stats_for_units (NvStore *store, const gint64 *unit_ids, guint n_units,
                    const NvStatsQuery *query, GError **error)
{
  g_autoptr (GArray) units = g_array_new (FALSE, FALSE, sizeof (UnitRows));
  g_autoptr (GHashTable) index = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autofree NvStatsUnitData *data = NULL;

  g_array_set_clear_func (units, unit_rows_clear);
  if (unit_ids == NULL)
    {
      if (!load (store, TRUE, 0, units, index, error))
        return NULL;
    }
  else
    for (guint i = 0; i < n_units; i++)
      if (!load (store, FALSE, unit_ids[i], units, index, error))
        return NULL;

  data = g_new0 (NvStatsUnitData, MAX (units->len, 1));
  for (guint i = 0; i < units->len; i++)
    {
      UnitRows *u = &g_array_index (units, UnitRows, i);
      data[i] = (NvStatsUnitData) { u->unit_id,
                                    (NvRosterRow *) (void *) u->roster->data, u->roster->len,
                                    (NvSpell *) (void *) u->spells->data, u->spells->len,
                                    (NvMonthly *) (void *) u->monthly->data, u->monthly->len };
    }
  return nv_stats_compute_units (query, data, units->len);
}

GArray *
nv_stats_for_unit (NvStore *store, gint64 unit_id, const NvStatsQuery *query, GError **error)
{
  return nv_stats_for_units (store, &unit_id, 1, query, error);
}
