/* nv-stats-store.c — statistics for units in the store.
 *
 * Rows are read into flat arrays (the engine sorts them when needed) and kept
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

/* Debian's SQLite is built with the pre-update hook; its declarations need
 * this before <sqlite3.h>. */
#define SQLITE_ENABLE_PREUPDATE_HOOK 1

#include <string.h>

#include "nv-absence-private.h"
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

/* Spells are read as three columns: the employee, the grade, and one
 * integer packing the days (integers since schema 7; NvDay < 2^22, the end 0
 * when open) and the type — every sqlite3_column_*() call costs a mutex
 * round trip, and half a million rows are read after each write. */
#define SPELL_PACKED                                                                           \
  "s.start_day | (ifnull (s.end_day, 0) << 22) | ((s.type = 'egenmeldt') << 44)"
#define DAY_MASK ((1 << 22) - 1)

static NvSpell
spell_row (sqlite3_stmt *stmt)
{
  gint64 packed = sqlite3_column_int64 (stmt, 1);
  NvSpell s = { 0, sqlite3_column_int64 (stmt, 0), NULL, (NvDay) (packed & DAY_MASK),
                (NvDay) ((packed >> 22) & DAY_MASK), sqlite3_column_double (stmt, 2),
                (packed >> 44) & 1 ? NV_SPELL_SELF : NV_SPELL_DOCTOR };
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
                           "SELECT s.employee_id, " SPELL_PACKED ", s.grade "
                           "FROM spell s JOIN employee e ON e.id = s.employee_id "
                           "WHERE e.unit_id = ?1 ORDER BY s.employee_id, s.start_day",
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

/* Every unit's HR monthly figures (into empty arrays). */
static gboolean
load_all_monthly (NvStore *store, Cache *c, GError **error)
{
  sqlite3_stmt *stmt = nv_store_prepare (store,
                                         "SELECT unit_id, period, contracted_days, "
                                         "lost_days_self, lost_days_doctor, persons FROM monthly",
                                         error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 unit_id = sqlite3_column_int64 (stmt, 0);
      NvMonthly m;
      if (monthly_row (stmt, unit_id, &m))
        g_array_append_val (UNIT (c, unit_pos (c, unit_id))->monthly, m);
    }
  return finish_stmt (store, stmt, rc, error);
}

typedef struct
{
  gint64 id;
  guint pos;
} EmpUnit;

/* Every unit's rows: no joins and no ORDER BY — a plain scan of each table is
 * much faster than walking an index and fetching each row, and rows come
 * out in insertion order, which is almost always the order the engine
 * wants (it sorts only when they are not). */
static gboolean
load_all (NvStore *store, Cache *c, GError **error)
{
  g_autoptr (GHashTable) emp_unit = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr (GArray) emps = g_array_new (FALSE, FALSE, sizeof (EmpUnit));
  sqlite3_stmt *stmt;
  gint64 last_emp = -1;
  guint last_pos = 0;
  int rc;

  stmt = nv_store_prepare (store, "SELECT id FROM unit", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    unit_pos (c, sqlite3_column_int64 (stmt, 0));
  if (!finish_stmt (store, stmt, rc, error))
    return FALSE;

  stmt = nv_store_prepare (store, "SELECT id, unit_id FROM employee", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      EmpUnit e = { sqlite3_column_int64 (stmt, 0), unit_pos (c, sqlite3_column_int64 (stmt, 1)) };
      g_array_append_val (emps, e);
    }
  if (!finish_stmt (store, stmt, rc, error))
    return FALSE;
  /* The array is complete and stays put: index it by employee id. */
  for (guint i = 0; i < emps->len; i++)
    g_hash_table_insert (emp_unit, &g_array_index (emps, EmpUnit, i).id,
                         &g_array_index (emps, EmpUnit, i));

#define UNIT_OF(emp, found)                                                                    \
  G_STMT_START                                                                                 \
  {                                                                                            \
    if ((emp) != last_emp)                                                                     \
      {                                                                                        \
        EmpUnit *e = g_hash_table_lookup (emp_unit, &(emp));                                   \
        last_emp = (emp);                                                                      \
        last_pos = e != NULL ? e->pos : G_MAXUINT;                                             \
      }                                                                                        \
    found = last_pos != G_MAXUINT;                                                             \
  }                                                                                            \
  G_STMT_END

  stmt = nv_store_prepare (store, "SELECT employee_id, fte, from_date, to_date FROM roster",
                           error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      NvRosterRow r = roster_row (stmt);
      gboolean found;
      UNIT_OF (r.employee_id, found);
      if (found)
        g_array_append_val (UNIT (c, last_pos)->roster, r);
    }
  if (!finish_stmt (store, stmt, rc, error))
    return FALSE;

  stmt = nv_store_prepare (store,
                           "SELECT s.employee_id, " SPELL_PACKED ", s.grade FROM spell s",
                           error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      NvSpell sp = spell_row (stmt);
      gboolean found;
      UNIT_OF (sp.employee_id, found);
      if (found)
        g_array_append_val (UNIT (c, last_pos)->spells, sp);
    }
  if (!finish_stmt (store, stmt, rc, error))
    return FALSE;
#undef UNIT_OF

  if (!load_all_monthly (store, c, error))
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

/* Which units our own writes touch. PRAGMA data_version and
 * sqlite3_total_changes() only say that something changed; half a million
 * spells need not be read again for that. SQLite's pre-update hook sees
 * every row our connection changes, cascades included, with its old and new
 * values: a spell or roster row names its employee, an employee row its
 * unit. After such writes the HR figures (which every write may touch, they
 * are cheap) and the rows of the units touched are read again; a change of
 * the unit table, too many touched rows, or a hook replaced by someone else
 * means reading everything. Nothing deletes from these tables without WHERE
 * (the truncate optimisation would bypass the hook). */
typedef struct
{
  gboolean lost;         /* a change not attributed to a unit */
  GHashTable *units;     /* gint64 unit ids touched */
  GHashTable *employees; /* gint64 employee ids touched */
  gint64 last_employee;  /* the last one added (imports touch one many times) */
} Watch;

#define WATCH_KEY "nv-stats-watch"
#define WATCH_MAX 1000

static void
watch_free (Watch *w)
{
  g_hash_table_unref (w->units);
  g_hash_table_unref (w->employees);
  g_free (w);
}

static void
watch_clear (Watch *w)
{
  w->lost = FALSE;
  w->last_employee = 0;
  g_hash_table_remove_all (w->units);
  g_hash_table_remove_all (w->employees);
}

typedef int (*ValueFunc) (sqlite3 *db, int column, sqlite3_value **value);

/* Notes the id in column 1 of the old or new row. */
static void
watch_note (Watch *w, sqlite3 *db, ValueFunc get, GHashTable *set)
{
  sqlite3_value *value = NULL;
  gint64 id;

  if (get (db, 1, &value) != SQLITE_OK || value == NULL ||
      sqlite3_value_type (value) != SQLITE_INTEGER)
    {
      w->lost = TRUE;
      return;
    }
  id = sqlite3_value_int64 (value);
  if (set == w->employees && id == w->last_employee)
    return;
  if (set == w->employees)
    w->last_employee = id;
  if (g_hash_table_size (set) >= WATCH_MAX)
    w->lost = TRUE;
  else if (!g_hash_table_contains (set, &id))
    g_hash_table_add (set, g_memdup2 (&id, sizeof id));
}

static void
watch_cb (void *data, sqlite3 *db, int op, const char *db_name, const char *table,
          sqlite3_int64 key1, sqlite3_int64 key2)
{
  Watch *w = data;
  GHashTable *set;

  if (w->lost)
    return;
  if (strcmp (table, "spell") == 0 || strcmp (table, "roster") == 0)
    set = w->employees;
  else if (strcmp (table, "employee") == 0)
    set = w->units;
  else
    {
      if (strcmp (table, "unit") == 0)
        w->lost = TRUE;
      return;
    }
  if (op != SQLITE_INSERT)
    watch_note (w, db, sqlite3_preupdate_old, set);
  if (op != SQLITE_DELETE)
    watch_note (w, db, sqlite3_preupdate_new, set);
}

/* The store's watch, (re)installed; FALSE if another hook had replaced it,
 * so changes may have gone unseen. */
static gboolean
watch_install (NvStore *store, Watch **watch)
{
  Watch *w = g_object_get_data (G_OBJECT (store), WATCH_KEY);
  gboolean fresh = w == NULL;
  void *previous;

  if (fresh)
    {
      w = g_new0 (Watch, 1);
      w->units = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
      w->employees = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
      g_object_set_data_full (G_OBJECT (store), WATCH_KEY, w, (GDestroyNotify) watch_free);
    }
  previous = sqlite3_preupdate_hook (nv_store_get_db (store), watch_cb, w);
  *watch = w;
  return fresh || previous == w;
}

/* Reads again the HR figures and the rows of the units @w saw touched. */
static gboolean
refresh (NvStore *store, Cache *c, Watch *w, GError **error)
{
  g_autoptr (GHashTable) units = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  sqlite3_stmt *stmt;
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, w->units);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_hash_table_add (units, g_memdup2 (key, sizeof (gint64)));
  /* The employees' units (an employee gone since was seen being deleted,
   * with its unit). */
  g_hash_table_iter_init (&iter, w->employees);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      int rc;

      stmt = nv_store_prepare (store, "SELECT unit_id FROM employee WHERE id = ?1", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, *(gint64 *) key);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          gint64 unit_id = sqlite3_column_int64 (stmt, 0);
          if (!g_hash_table_contains (units, &unit_id))
            g_hash_table_add (units, g_memdup2 (&unit_id, sizeof unit_id));
        }
      sqlite3_reset (stmt);
      if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return nv_store_set_sql_error (store, error);
    }

  for (guint i = 0; i < c->units->len; i++)
    g_array_set_size (UNIT (c, i)->monthly, 0);
  if (!load_all_monthly (store, c, error))
    return FALSE;

  g_hash_table_iter_init (&iter, units);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      gpointer pos = g_hash_table_lookup (c->index, key);

      /* A unit not in the cache is new or gone: the unit table's hook
       * would have asked for a full read. */
      if (pos != NULL)
        {
          UnitRows *u = UNIT (c, GPOINTER_TO_UINT (pos) - 1);
          g_array_set_size (u->roster, 0);
          g_array_set_size (u->spells, 0);
          g_array_set_size (u->monthly, 0);
          if (!load_unit (store, c, u->unit_id, error))
            return FALSE;
        }
    }
  return TRUE;
}

void
nv_stats_store_forget (NvStore *store)
{
  Watch *w = g_object_get_data (G_OBJECT (store), WATCH_KEY);

  if (w != NULL)
    w->lost = TRUE;
}

/* The store's cache when it is still valid (a fresh one otherwise); NULL with
 * *@temporary set inside a transaction, where the caller uses its own. */
static Cache *
cache_for (NvStore *store, gboolean *temporary, GError **error)
{
  Cache *c = g_object_get_data (G_OBJECT (store), CACHE_KEY);
  gint64 version = 0, changes = 0;
  Watch *watch;
  gboolean watched = watch_install (store, &watch);

  *temporary = !sqlite3_get_autocommit (nv_store_get_db (store));
  if (*temporary)
    return cache_new ();
  if (!data_version (store, &version, &changes, error))
    return NULL;
  if (c != NULL && c->data_version == version &&
      (c->total_changes == changes || (watched && !watch->lost && c->complete)))
    {
      if (c->total_changes != changes && !refresh (store, c, watch, error))
        {
          /* Never keep a half-read cache. */
          g_object_set_data (G_OBJECT (store), CACHE_KEY, NULL);
          watch_clear (watch);
          return NULL;
        }
      c->total_changes = changes;
      watch_clear (watch);
      return c;
    }
  watch_clear (watch);
  c = cache_new ();
  c->data_version = version;
  c->total_changes = changes;
  g_object_set_data_full (G_OBJECT (store), CACHE_KEY, c, (GDestroyNotify) cache_free);
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
