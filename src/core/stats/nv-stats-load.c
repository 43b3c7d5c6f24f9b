/* nv-stats-load.c — reading the rows the statistics need, per unit.
 *
 * A unit's roster and spells come from its pack (nv-stats-pack.c) when it
 * has one; otherwise from the tables, and then a pack is written for next
 * time — in one transaction with the read, so a pack always matches the rows
 * it was made from (the triggers delete it when they change afterwards).
 * That write is skipped, never waited for, when another program is writing,
 * the database is read-only or the caller has a transaction open; and no
 * pack is read or written unless every trigger that keeps them true is
 * there (an import drops one inside its transaction).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-stats"

#include "config.h"

#include "nv-absence-private.h"
#include "nv-stats-cache.h"
#include "nv-store-private.h"

static void
unit_rows_clear (gpointer data)
{
  NvStatsUnitRows *u = data;
  g_clear_pointer (&u->roster, g_array_unref);
  g_clear_pointer (&u->spells, g_array_unref);
  g_clear_pointer (&u->monthly, g_array_unref);
}

NvStatsCache *
nv_stats_cache_new (void)
{
  NvStatsCache *c = g_new0 (NvStatsCache, 1);

  c->units = g_array_new (FALSE, FALSE, sizeof (NvStatsUnitRows));
  g_array_set_clear_func (c->units, unit_rows_clear);
  c->index = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  return c;
}

void
nv_stats_cache_free (NvStatsCache *c)
{
  g_array_unref (c->units);
  g_hash_table_unref (c->index);
  g_free (c);
}

guint
nv_stats_cache_unit_pos (NvStatsCache *c, gint64 unit_id)
{
  gpointer pos = g_hash_table_lookup (c->index, &unit_id);

  if (pos != NULL)
    return GPOINTER_TO_UINT (pos) - 1;
  {
    NvStatsUnitRows u = { unit_id, g_array_new (FALSE, FALSE, sizeof (NvRosterRow)),
                          g_array_new (FALSE, FALSE, sizeof (NvSpell)),
                          g_array_new (FALSE, FALSE, sizeof (NvMonthly)), FALSE };
    g_array_append_val (c->units, u);
    g_hash_table_insert (c->index, g_memdup2 (&unit_id, sizeof unit_id),
                         GUINT_TO_POINTER (c->units->len));
    return c->units->len - 1;
  }
}

/* The unit's rows when it is in the cache and not loaded yet. */
static NvStatsUnitRows *
unit_to_load (NvStatsCache *c, gint64 unit_id)
{
  gpointer pos = g_hash_table_lookup (c->index, &unit_id);
  NvStatsUnitRows *u;

  if (pos == NULL)
    return NULL;
  u = NV_STATS_UNIT (c, GPOINTER_TO_UINT (pos) - 1);
  return u->loaded ? NULL : u;
}

/* ---- Rows from the tables ----------------------------------------------- */

/* The table rows come from the absence feature's row layer
 * (nv-absence-private.h). */

static void
append_roster (const NvRosterRow *row, gpointer data)
{
  g_array_append_val (((NvStatsUnitRows *) data)->roster, *row);
}

static void
append_spell (const NvSpell *spell, gpointer data)
{
  g_array_append_val (((NvStatsUnitRows *) data)->spells, *spell);
}

/* One unit's roster and spells, through the employee index. */
static gboolean
read_unit (NvStore *store, NvStatsUnitRows *u, GError **error)
{
  return nv_roster_rows_scan (store, u->unit_id, append_roster, u, error) &&
         nv_spell_rows_scan (store, u->unit_id, append_spell, u, error);
}

typedef struct
{
  gint64 id;
  NvStatsUnitRows *unit; /* NULL: not to be loaded */
} EmpUnit;

typedef struct
{
  NvStatsCache *cache;
  GArray *emps;          /* EmpUnit */
  GHashTable *emp_unit;  /* &id → EmpUnit */
  gint64 last_emp;
  NvStatsUnitRows *last; /* the unit of last_emp, if to be loaded */
} Scan;

static void
scan_employee (gint64 employee_id, gint64 unit_id, gpointer data)
{
  Scan *scan = data;
  EmpUnit e = { employee_id, unit_to_load (scan->cache, unit_id) };

  if (e.unit != NULL)
    g_array_append_val (scan->emps, e);
}

/* Rows come grouped by employee, mostly: look the unit up once a group. */
static NvStatsUnitRows *
scan_unit_of (Scan *scan, gint64 employee_id)
{
  if (employee_id != scan->last_emp)
    {
      EmpUnit *e = g_hash_table_lookup (scan->emp_unit, &employee_id);
      scan->last_emp = employee_id;
      scan->last = e != NULL ? e->unit : NULL;
    }
  return scan->last;
}

static void
scan_roster (const NvRosterRow *row, gpointer data)
{
  NvStatsUnitRows *u = scan_unit_of (data, row->employee_id);

  if (u != NULL)
    g_array_append_val (u->roster, *row);
}

static void
scan_spell (const NvSpell *spell, gpointer data)
{
  NvStatsUnitRows *u = scan_unit_of (data, spell->employee_id);

  if (u != NULL)
    g_array_append_val (u->spells, *spell);
}

/* The roster and spells of every unit not loaded, in one plain scan of each
 * table: no joins and no ORDER BY — much faster than walking an index when
 * most units are wanted. Rows come out in insertion order, which is almost
 * always the order the engine wants. */
static gboolean
scan_units (NvStore *store, NvStatsCache *c, GError **error)
{
  g_autoptr (GHashTable) emp_unit = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr (GArray) emps = g_array_new (FALSE, FALSE, sizeof (EmpUnit));
  Scan scan = { c, emps, emp_unit, -1, NULL };

  if (!nv_employee_rows_scan (store, scan_employee, &scan, error))
    return FALSE;
  /* The array is complete and stays put: index it by employee id. */
  for (guint i = 0; i < emps->len; i++)
    g_hash_table_insert (emp_unit, &g_array_index (emps, EmpUnit, i).id,
                         &g_array_index (emps, EmpUnit, i));
  return nv_roster_rows_scan (store, 0, scan_roster, &scan, error) &&
         nv_spell_rows_scan (store, 0, scan_spell, &scan, error);
}

static void
append_monthly (const NvMonthly *m, gpointer data)
{
  NvStatsCache *c = data;
  guint pos = nv_stats_cache_unit_pos (c, m->unit_id);

  g_array_append_val (NV_STATS_UNIT (c, pos)->monthly, *m);
}

gboolean
nv_stats_load_monthly (NvStore *store, NvStatsCache *c, gint64 unit_id, GError **error)
{
  return nv_monthly_rows_scan (store, unit_id, append_monthly, c, error);
}

/* ---- Packs -------------------------------------------------------------- */

static void
unpack_cb (gint64 unit_id, const void *roster, gsize roster_len, const void *spells,
           gsize spells_len, gpointer data)
{
  NvStatsUnitRows *u = unit_to_load (data, unit_id);

  if (u == NULL)
    return;
  if (!nv_stats_unpack_roster (roster, roster_len, u->roster))
    return;
  if (!nv_stats_unpack_spells (spells, spells_len, u->spells))
    {
      g_array_set_size (u->roster, 0);
      return;
    }
  u->loaded = TRUE;
}

static int
cmp_roster (gconstpointer a, gconstpointer b)
{
  const NvRosterRow *x = a, *y = b;

  if (x->employee_id != y->employee_id)
    return x->employee_id < y->employee_id ? -1 : 1;
  return x->from < y->from ? -1 : x->from > y->from;
}

static int
cmp_spell (gconstpointer a, gconstpointer b)
{
  const NvSpell *x = a, *y = b;

  if (x->employee_id != y->employee_id)
    return x->employee_id < y->employee_id ? -1 : 1;
  return x->start < y->start ? -1 : x->start > y->start;
}

static void
sort_rows (GArray *rows, GCompareFunc cmp)
{
  for (guint i = 1; i < rows->len; i++)
    if (cmp (rows->data + (i - 1) * g_array_get_element_size (rows),
             rows->data + i * g_array_get_element_size (rows)) > 0)
      {
        g_array_sort (rows, cmp);
        return;
      }
}

/* Writes the packs of @units (already read, inside our transaction) and
 * commits; on any failure nothing is kept — the packs are only a copy. */
static void
write_packs (NvStore *store, NvStoreTxn *txn, NvStatsCache *c, GArray *units)
{
  g_autoptr (GError) error = NULL;

  for (guint i = 0; i < units->len; i++)
    {
      NvStatsUnitRows *u = NV_STATS_UNIT (c, g_array_index (units, guint, i));

      if (!nv_stats_pack_store (store, u->unit_id, (NvRosterRow *) (void *) u->roster->data,
                                u->roster->len, (NvSpell *) (void *) u->spells->data,
                                u->spells->len, &error))
        {
          g_debug ("statistics packs not written: %s", error->message);
          nv_store_txn_rollback (txn);
          return;
        }
    }
  if (!nv_store_txn_commit (txn, &error))
    g_debug ("statistics packs not written: %s", error->message);
}

/* Few units are looked up one by one, many in one pass over the packs. */
#define FEW_UNITS 16

gboolean
nv_stats_load_units (NvStore *store, NvStatsCache *c, GArray *unit_ids, gboolean try_packs,
                     GError **error)
{
  g_autoptr (GArray) missing = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr (GError) local_error = NULL;
  NvStoreTxn *writing = NULL;
  gboolean trusted;

  if (unit_ids->len == 0)
    return TRUE;
  trusted = nv_stats_pack_trusted (store, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  try_packs = try_packs && trusted;
  for (guint i = 0; i < unit_ids->len; i++)
    nv_stats_cache_unit_pos (c, g_array_index (unit_ids, gint64, i));
  if (try_packs && unit_ids->len > FEW_UNITS &&
      !nv_stats_pack_foreach (store, 0, unpack_cb, c, error))
    return FALSE;
  for (guint i = 0; i < unit_ids->len; i++)
    {
      gint64 id = g_array_index (unit_ids, gint64, i);
      guint pos = nv_stats_cache_unit_pos (c, id);

      if (try_packs && unit_ids->len <= FEW_UNITS && !NV_STATS_UNIT (c, pos)->loaded &&
          !nv_stats_pack_foreach (store, id, unpack_cb, c, error))
        return FALSE;
      if (!NV_STATS_UNIT (c, pos)->loaded)
        g_array_append_val (missing, pos);
    }
  if (missing->len == 0)
    return TRUE;

  /* The packs are derived data: their transaction announces nothing. */
  if (trusted)
    writing = nv_store_txn_try_begin (store, 0);
  /* Through the index for a few units, a plain scan for many (each row
   * through the index costs about three times a row of the scan). */
  if (missing->len > 8 && missing->len * 5 > c->units->len * 2)
    {
      if (!scan_units (store, c, error))
        goto fail;
    }
  else
    for (guint i = 0; i < missing->len; i++)
      if (!read_unit (store, NV_STATS_UNIT (c, g_array_index (missing, guint, i)), error))
        goto fail;

  for (guint i = 0; i < missing->len; i++)
    {
      NvStatsUnitRows *u = NV_STATS_UNIT (c, g_array_index (missing, guint, i));
      sort_rows (u->roster, cmp_roster);
      sort_rows (u->spells, cmp_spell);
      u->loaded = TRUE;
    }
  if (writing != NULL)
    write_packs (store, writing, c, missing);
  return TRUE;

fail:
  if (writing != NULL)
    nv_store_txn_rollback (writing);
  return FALSE;
}

gboolean
nv_stats_load_all (NvStore *store, NvStatsCache *c, GError **error)
{
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  NvStmt *stmt = nv_store_prepare (store, "SELECT id FROM unit", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = nv_stmt_step (stmt)) == NV_ROW)
    {
      gint64 id = nv_stmt_column_int64 (stmt, 0);
      nv_stats_cache_unit_pos (c, id);
      g_array_append_val (ids, id);
    }
  if (!nv_absence_rows_done (store, stmt, rc, error))
    return FALSE;
  if (!nv_stats_load_units (store, c, ids, TRUE, error) ||
      !nv_stats_load_monthly (store, c, 0, error))
    return FALSE;
  c->complete = TRUE;
  return TRUE;
}
