/* nv-stats-store.c — statistics for units in the store.
 *
 * Rows are read into flat arrays, sorted as the engine wants them, and kept
 * in a cache on the store: pages recompute on every reload, and reading
 * hundreds of thousands of spells costs far more than computing with them.
 * The cache is valid while PRAGMA data_version (writes by other connections)
 * and sqlite3_total_changes() (our own writes) stay the same, and it is never
 * used inside a transaction (an import may still roll back).
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
  GArray *roster;  /* NvRosterRow, employee_ref NULL, sorted by employee and from */
  GArray *spells;  /* NvSpell, employee_ref NULL, sorted by employee and start */
  GArray *monthly; /* NvMonthly */
} UnitRows;

typedef struct
{
  gint64 data_version;
  gint64 total_changes;
  GArray *units;      /* UnitRows */
  GHashTable *index;  /* &unit_id → position + 1 */
  gboolean complete;  /* every unit is loaded */
} Cache;

#define CACHE_KEY "nv-stats-cache"

static void
unit_rows_clear (gpointer data)
{
  UnitRows *u = data;
  g_clear_pointer (&u->roster, g_array_unref);
  g_clear_pointer (&u->spells, g_array_unref);
  g_clear_pointer (&u->monthly, g_array_unref);
}

static Cache *
cache_new (void)
{
  Cache *c = g_new0 (Cache, 1);

  c->units = g_array_new (FALSE, FALSE, sizeof (UnitRows));
  g_array_set_clear_func (c->units, unit_rows_clear);
  c->index = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  return c;
}

static void
cache_free (Cache *c)
{
  g_array_unref (c->units);
  g_hash_table_unref (c->index);
  g_free (c);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Cache, cache_free)

static NvDay
column_day (sqlite3_stmt *stmt, int column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);
  return text != NULL ? nv_day_parse_iso (text) : NV_DAY_NONE;
}

/* Position of @unit_id's rows, created empty when new. */
static guint
unit_pos (Cache *c, gint64 unit_id)
{
  gpointer pos = g_hash_table_lookup (c->index, &unit_id);

  if (pos != NULL)
    return GPOINTER_TO_UINT (pos) - 1;
  {
    UnitRows u = { unit_id, g_array_new (FALSE, FALSE, sizeof (NvRosterRow)),
                   g_array_new (FALSE, FALSE, sizeof (NvSpell)),
                   g_array_new (FALSE, FALSE, sizeof (NvMonthly)) };
    g_array_append_val (c->units, u);
    g_hash_table_insert (c->index, g_memdup2 (&unit_id, sizeof unit_id),
                         GUINT_TO_POINTER (c->units->len));
    return c->units->len - 1;
  }
}

#define UNIT(c, pos) (&g_array_index ((c)->units, UnitRows, (pos)))

static NvRosterRow
roster_row (sqlite3_stmt *stmt)
{
  NvRosterRow r = { 0, sqlite3_column_int64 (stmt, 0), NULL, sqlite3_column_double (stmt, 1),
                    column_day (stmt, 2), column_day (stmt, 3) };
  return r;
}

static NvSpell
spell_row (sqlite3_stmt *stmt)
{
  NvSpell s = { sqlite3_column_int64 (stmt, 5), sqlite3_column_int64 (stmt, 0), NULL,
                column_day (stmt, 1), column_day (stmt, 2), sqlite3_column_double (stmt, 3),
                sqlite3_column_int (stmt, 4) ? NV_SPELL_SELF : NV_SPELL_DOCTOR };
  return s;
}

static gboolean
monthly_row (sqlite3_stmt *stmt, gint64 unit_id, NvMonthly *m)
{
  *m = (NvMonthly) { unit_id, 0, 0, sqlite3_column_double (stmt, 2),
                     sqlite3_column_double (stmt, 3), sqlite3_column_double (stmt, 4),
                     sqlite3_column_int (stmt, 5) };
  return nv_month_parse ((const char *) sqlite3_column_text (stmt, 1), &m->year, &m->month);
}

static gboolean
finish_stmt (NvStore *store, sqlite3_stmt *stmt, int rc, GError **error)
{
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return nv_store_set_sql_error (store, error);
  return TRUE;
}

/* One unit's rows. */
static gboolean
load_unit (NvStore *store, Cache *c, gint64 unit_id, GError **error)
{
  guint pos = unit_pos (c, unit_id);
  sqlite3_stmt *stmt;
  int rc;

  stmt = nv_store_prepare (store,
                           "SELECT r.employee_id, r.fte, r.from_date, r.to_date "
                           "FROM roster r JOIN employee e ON e.id = r.employee_id "
                           "WHERE e.unit_id = ?1 ORDER BY r.employee_id, r.from_date",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, unit_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      NvRosterRow r = roster_row (stmt);
      g_array_append_val (UNIT (c, pos)->roster, r);
    }
  if (!finish_stmt (store, stmt, rc, error))
    return FALSE;

  stmt = nv_store_prepare (store,
                           "SELECT s.employee_id, s.start_date, s.end_date, s.grade, "
                           "s.type = 'egenmeldt', s.id "
                           "FROM spell s JOIN employee e ON e.id = s.employee_id "
                           "WHERE e.unit_id = ?1 ORDER BY s.employee_id, s.start_date",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, unit_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      NvSpell sp = spell_row (stmt);
      g_array_append_val (UNIT (c, pos)->spells, sp);
    }
  if (!finish_stmt (store, stmt, rc, error))
    return FALSE;

  stmt = nv_store_prepare (store,
                           "SELECT unit_id, period, contracted_days, lost_days_self, "
                           "lost_days_doctor, persons FROM monthly WHERE unit_id = ?1",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, unit_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      NvMonthly m;
      if (monthly_row (stmt, unit_id, &m))
        g_array_append_val (UNIT (c, pos)->monthly, m);
    }
  return finish_stmt (store, stmt, rc, error);
}

/* Every unit's rows: no joins, each table in index order, employees matched
 * to their units by walking both lists sorted by employee id. */
static gboolean
load_all (NvStore *store, Cache *c, GError **error)
{
  g_autoptr (GArray) emp_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GArray) emp_pos = g_array_new (FALSE, FALSE, sizeof (guint));
  sqlite3_stmt *stmt;
  guint cursor;
  int rc;

  stmt = nv_store_prepare (store, "SELECT id FROM unit", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    unit_pos (c, sqlite3_column_int64 (stmt, 0));
  if (!finish_stmt (store, stmt, rc, error))
    return FALSE;

  stmt = nv_store_prepare (store, "SELECT id, unit_id FROM employee ORDER BY id", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      guint pos = unit_pos (c, sqlite3_column_int64 (stmt, 1));
      g_array_append_val (emp_ids, id);
      g_array_append_val (emp_pos, pos);
    }
  if (!finish_stmt (store, stmt, rc, error))
    return FALSE;

#define SEEK(emp)                                                                              \
  while (cursor < emp_ids->len && g_array_index (emp_ids, gint64, cursor) < (emp))            \
    cursor++

  stmt = nv_store_prepare (store,
                           "SELECT employee_id, fte, from_date, to_date FROM roster "
                           "ORDER BY employee_id, from_date",
                           error);
  if (stmt == NULL)
    return FALSE;
  cursor = 0;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      NvRosterRow r = roster_row (stmt);
      SEEK (r.employee_id);
      if (cursor < emp_ids->len && g_array_index (emp_ids, gint64, cursor) == r.employee_id)
        g_array_append_val (UNIT (c, g_array_index (emp_pos, guint, cursor))->roster, r);
    }
  if (!finish_stmt (store, stmt, rc, error))
    return FALSE;

  stmt = nv_store_prepare (store,
                           "SELECT employee_id, start_date, end_date, grade, "
                           "type = 'egenmeldt', id FROM spell ORDER BY employee_id, start_date",
                           error);
  if (stmt == NULL)
    return FALSE;
  cursor = 0;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      NvSpell sp = spell_row (stmt);
      SEEK (sp.employee_id);
      if (cursor < emp_ids->len && g_array_index (emp_ids, gint64, cursor) == sp.employee_id)
        g_array_append_val (UNIT (c, g_array_index (emp_pos, guint, cursor))->spells, sp);
    }
  if (!finish_stmt (store, stmt, rc, error))
    return FALSE;
#undef SEEK

  stmt = nv_store_prepare (store,
                           "SELECT unit_id, period, contracted_days, lost_days_self, "
                           "lost_days_doctor, persons FROM monthly",
                           error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 unit_id = sqlite3_column_int64 (stmt, 0);
      NvMonthly m;
      if (monthly_row (stmt, unit_id, &m))
        g_array_append_val (UNIT (c, unit_pos (c, unit_id))->monthly, m);
    }
  if (!finish_stmt (store, stmt, rc, error))
    return FALSE;
  c->complete = TRUE;
  return TRUE;
}

static gboolean
data_version (NvStore *store, gint64 *version, gint64 *changes, GError **error)
{
  sqlite3_stmt *stmt = nv_store_prepare (store, "PRAGMA data_version", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  *version = rc == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : -1;
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    return nv_store_set_sql_error (store, error);
  *changes = sqlite3_total_changes (nv_store_get_db (store));
  return TRUE;
}

/* The store's cache when it is still valid (a fresh one otherwise); NULL with
 * *@temporary set inside a transaction, where the caller uses its own. */
static Cache *
cache_for (NvStore *store, gboolean *temporary, GError **error)
{
  Cache *c = g_object_get_data (G_OBJECT (store), CACHE_KEY);
  gint64 version = 0, changes = 0;

  *temporary = !sqlite3_get_autocommit (nv_store_get_db (store));
  if (*temporary)
    return cache_new ();
  if (!data_version (store, &version, &changes, error))
    return NULL;
  if (c == NULL || c->data_version != version || c->total_changes != changes)
    {
      c = cache_new ();
      c->data_version = version;
      c->total_changes = changes;
      g_object_set_data_full (G_OBJECT (store), CACHE_KEY, c, (GDestroyNotify) cache_free);
    }
  return c;
}

GArray *
nv_stats_for_units (NvStore *store, const gint64 *unit_ids, guint n_units,
                    const NvStatsQuery *query, GError **error)
{
  g_autoptr (Cache) temporary_cache = NULL;
  g_autofree NvStatsUnitData *data = NULL;
  g_autoptr (GArray) positions = g_array_new (FALSE, FALSE, sizeof (guint));
  gboolean temporary = FALSE;
  Cache *c = cache_for (store, &temporary, error);

  if (c == NULL)
    return NULL;
  if (temporary)
    temporary_cache = c;

  if (unit_ids == NULL)
    {
      if (!c->complete)
        {
          /* Start over: units loaded one by one would be read twice. */
          g_hash_table_remove_all (c->index);
          g_array_set_size (c->units, 0);
          if (!load_all (store, c, error))
            goto fail;
        }
      for (guint i = 0; i < c->units->len; i++)
        g_array_append_val (positions, i);
    }
  else
    for (guint i = 0; i < n_units; i++)
      {
        gboolean known = g_hash_table_contains (c->index, &unit_ids[i]);
        guint pos;

        if (!known && !c->complete && !load_unit (store, c, unit_ids[i], error))
          goto fail;
        pos = unit_pos (c, unit_ids[i]);
        g_array_append_val (positions, pos);
      }

  data = g_new0 (NvStatsUnitData, MAX (positions->len, 1));
  for (guint i = 0; i < positions->len; i++)
    {
      UnitRows *u = UNIT (c, g_array_index (positions, guint, i));
      data[i] = (NvStatsUnitData) { u->unit_id,
                                    (NvRosterRow *) (void *) u->roster->data, u->roster->len,
                                    (NvSpell *) (void *) u->spells->data, u->spells->len,
                                    (NvMonthly *) (void *) u->monthly->data, u->monthly->len };
    }
  return nv_stats_compute_units (query, data, positions->len);

fail:
  /* Never keep a half-loaded cache. */
  if (!temporary)
    g_object_set_data (G_OBJECT (store), CACHE_KEY, NULL);
  return NULL;
}

GArray *
nv_stats_for_unit (NvStore *store, gint64 unit_id, const NvStatsQuery *query, GError **error)
{
  return nv_stats_for_units (store, &unit_id, 1, query, error);
}
