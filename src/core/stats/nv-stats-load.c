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

#include <string.h>
#include <sys/mman.h>

#include "nv-absence-private.h"
#include "nv-stats-cache.h"
#include "nv-stats-server.h"
#include "nv-store-private.h"
#include "nv-store-sqlite.h"
#include "nv-unit-private.h"

static void
unit_rows_clear (gpointer data)
{
  NvStatsUnitRows *u = data;
  g_clear_pointer (&u->roster, g_array_unref);
  g_clear_pointer (&u->spells, g_bytes_unref);
  g_clear_pointer (&u->reading, nv_stats_packer_free);
  g_clear_pointer (&u->monthly, g_array_unref);
}

void
nv_stats_unit_unload (NvStatsUnitRows *u)
{
  g_array_set_size (u->roster, 0);
  g_clear_pointer (&u->spells, g_bytes_unref);
  g_clear_pointer (&u->reading, nv_stats_packer_free);
  u->n_spells = 0;
  u->first_spell = NV_DAY_NONE;
  u->loaded = FALSE;
}

GArray *
nv_stats_unit_spells (const NvStatsUnitRows *u)
{
  GArray *out = g_array_new (FALSE, FALSE, sizeof (NvSpell));
  gsize len = 0;
  const void *data = u->spells != NULL ? g_bytes_get_data (u->spells, &len) : NULL;

  /* (checked when it was loaded: it decodes) */
  if (data != NULL && !nv_stats_unpack_spells (data, len, out))
    g_warn_if_reached ();
  return out;
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
    NvStatsUnitRows u = { unit_id,
                          g_array_new (FALSE, FALSE, sizeof (NvRosterRow)),
                          NULL,
                          0,
                          NV_DAY_NONE,
                          NULL,
                          g_array_new (FALSE, FALSE, sizeof (NvMonthly)),
                          FALSE };
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
  NvStatsUnitRows *u = data;

  if (u->reading == NULL)
    u->reading = nv_stats_packer_new ();
  nv_stats_packer_add (u->reading, spell);
}

/* One unit's roster and (with @spells) spells, through the employee index. */
static gboolean
read_unit (NvStore *store, NvStatsUnitRows *u, gboolean spells, GError **error)
{
  return nv_roster_rows_scan (store, u->unit_id, append_roster, u, error) &&
         (!spells || nv_spell_rows_scan (store, u->unit_id, append_spell, u, error));
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
    append_spell (spell, u);
}

/* The roster and (with @spells) spells of every unit not loaded, in one
 * plain scan of each table: no joins and no ORDER BY — much faster than
 * walking an index when most units are wanted. Rows come out in insertion
 * order, which is almost always the order the engine wants. */
static gboolean
scan_units (NvStore *store, NvStatsCache *c, gboolean spells, GError **error)
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
         (!spells || nv_spell_rows_scan (store, 0, scan_spell, &scan, error));
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

typedef struct
{
  NvStatsCache *cache;
  GBytes *arena; /* room for every pack's spells, or NULL */
  guint8 *room;  /* its data, filled from the start */
  gsize used;
} Unpacking;

static void
unpack_cb (gint64 unit_id, const void *roster, gsize roster_len, const void *spells,
           gsize spells_len, gpointer data)
{
  Unpacking *up = data;
  NvStatsUnitRows *u = unit_to_load (up->cache, unit_id);
  guint n;
  NvDay first;

  if (u == NULL)
    return;
  /* The spells stay packed: the engine reads the words. */
  if (!nv_stats_pack_spells_scan (spells, spells_len, &n, &first))
    return;
  if (!nv_stats_unpack_roster (roster, roster_len, u->roster))
    return;
  if (up->arena != NULL && g_bytes_get_size (up->arena) - up->used >= spells_len)
    {
      /* One block for all units: one allocation instead of hundreds, and
       * its pages are faulted in together. */
      if (spells != up->room + up->used) /* (read there already: unpack_unit()) */
        memcpy (up->room + up->used, spells, spells_len);
      u->spells = g_bytes_new_from_bytes (up->arena, up->used, spells_len);
      up->used += spells_len;
    }
  else
    u->spells = g_bytes_new (spells, spells_len);
  u->n_spells = n;
  u->first_spell = first;
  u->loaded = TRUE;
}

/* The packs' spells of every unit, in bytes. */
static gboolean
packed_spells_size (NvStore *store, gsize *size, GError **error)
{
  NvStmt *stmt = nv_store_prepare (store,
                                   "SELECT coalesce (sum (length (spells)), 0) FROM stats_pack "
                                   "WHERE format = ?1",
                                   error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  nv_stmt_bind_int (stmt, 1, NV_STATS_PACK_FORMAT);
  rc = nv_stmt_step (stmt);
  *size = rc == NV_ROW ? (gsize) MAX (nv_stmt_column_int64 (stmt, 0), 0) : 0;
  nv_stmt_reset (stmt);
  if (rc != NV_ROW)
    return nv_store_set_sql_error (store, error);
  return TRUE;
}

#ifdef MAP_POPULATE
typedef struct
{
  void *map;
  gsize size;
} Mapping;

static void
mapping_free (gpointer data)
{
  Mapping *m = data;
  munmap (m->map, m->size);
  g_free (m);
}
#endif

/* @size writable bytes, *@room their start. Megabytes that are all written
 * at once: on Linux the pages are mapped in one call (MAP_POPULATE) instead
 * of one page fault per page, which costs a third of a fresh process's
 * first figures. */
static GBytes *
arena_new (gsize size, guint8 **room)
{
#ifdef MAP_POPULATE
  if (size >= 256 * 1024)
    {
      void *map = mmap (NULL, size, PROT_READ | PROT_WRITE,
                        MAP_PRIVATE | MAP_ANONYMOUS | MAP_POPULATE, -1, 0);
      if (map != MAP_FAILED)
        {
          Mapping *m = g_new (Mapping, 1);
          *m = (Mapping) { map, size };
          *room = map;
          return g_bytes_new_with_free_func (map, size, mapping_free, m);
        }
    }
#endif
  *room = g_malloc (size);
  return g_bytes_new_take (*room, size);
}

/* One unit's pack: the spells read straight into an arena of their size
 * through SQLite's incremental blob — a column read holds a whole second
 * copy (24 MB for three million spells) while the arena is filled. */
static gboolean
unpack_unit (NvStore *store, NvStatsCache *c, gint64 unit_id, GError **error)
{
  sqlite3 *db = nv_store_get_db (store);
  Unpacking up = { c, NULL, NULL, 0 };
  sqlite3_blob *blob = NULL;
  gboolean ok = TRUE;
  gint64 len = 0;
  NvStmt *stmt;
  int rc;

  if (db == NULL)
    return nv_stats_pack_foreach (store, unit_id, unpack_cb, &up, error);
  stmt = nv_store_prepare (store,
                           "SELECT roster, length (spells) FROM stats_pack "
                           "WHERE unit_id = ?1 AND format = ?2",
                           error);
  if (stmt == NULL)
    return FALSE;
  nv_stmt_bind_int64 (stmt, 1, unit_id);
  nv_stmt_bind_int (stmt, 2, NV_STATS_PACK_FORMAT);
  rc = nv_stmt_step (stmt);
  if (rc == NV_ROW)
    len = nv_stmt_column_int64 (stmt, 1);
  if (rc == NV_ROW && len > 0 && len <= G_MAXINT)
    {
      up.arena = arena_new ((gsize) len, &up.room);
      ok = sqlite3_blob_open (db, "main", "stats_pack", "spells", unit_id, 0, &blob) == SQLITE_OK
           && sqlite3_blob_read (blob, up.room, (int) len, 0) == SQLITE_OK;
      if (!ok)
        nv_store_set_sql_error (store, error);
      sqlite3_blob_close (blob);
      if (ok)
        unpack_cb (unit_id, nv_stmt_column_blob (stmt, 0), nv_stmt_column_bytes (stmt, 0),
                   up.room, (gsize) len, &up);
      g_clear_pointer (&up.arena, g_bytes_unref);
    }
  nv_stmt_reset (stmt);
  if (rc != NV_ROW && rc != NV_DONE)
    return nv_store_set_sql_error (store, error);
  return ok;
}

/* Every unit's pack. */
static gboolean
unpack_all (NvStore *store, NvStatsCache *c, GError **error)
{
  Unpacking up = { c, NULL, NULL, 0 };
  gsize size = 0;
  gboolean ok;

  if (!packed_spells_size (store, &size, error))
    return FALSE;
  if (size > 0)
    up.arena = arena_new (size, &up.room);
  ok = nv_stats_pack_foreach (store, 0, unpack_cb, &up, error);
  g_clear_pointer (&up.arena, g_bytes_unref);
  return ok;
}

static int
cmp_roster (gconstpointer a, gconstpointer b)
{
  const NvRosterRow *x = a, *y = b;

  if (x->employee_id != y->employee_id)
    return x->employee_id < y->employee_id ? -1 : 1;
  return x->from < y->from ? -1 : x->from > y->from;
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

      if (!nv_stats_pack_store_packed (store, u->unit_id,
                                       (NvRosterRow *) (void *) u->roster->data,
                                       u->roster->len, u->spells, &error))
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
  gboolean trusted, many, server_packs;
  /* A server packs the spells itself (nv-stats-server.c). */
  gboolean spell_rows = !nv_stats_server_packing (store);

  if (unit_ids->len == 0)
    return TRUE;
  trusted = nv_stats_pack_trusted (store, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  server_packs = try_packs && !spell_rows;
  try_packs = try_packs && trusted;
  for (guint i = 0; i < unit_ids->len; i++)
    nv_stats_cache_unit_pos (c, g_array_index (unit_ids, gint64, i));
  if (try_packs && unit_ids->len > FEW_UNITS &&
      !unpack_all (store, c, error))
    return FALSE;
  if (server_packs && !nv_stats_server_load_packs (store, c, unit_ids, error))
    return FALSE;
  for (guint i = 0; i < unit_ids->len; i++)
    {
      gint64 id = g_array_index (unit_ids, gint64, i);
      guint pos = nv_stats_cache_unit_pos (c, id);

      if (try_packs && unit_ids->len <= FEW_UNITS && !NV_STATS_UNIT (c, pos)->loaded &&
          !unpack_unit (store, c, id, error))
        return FALSE;
      if (!NV_STATS_UNIT (c, pos)->loaded)
        g_array_append_val (missing, pos);
    }
  if (missing->len == 0)
    return TRUE;

  for (guint i = 0; i < missing->len; i++)
    {
      NvStatsUnitRows *u = NV_STATS_UNIT (c, g_array_index (missing, guint, i));
      if (u->reading == NULL)
        u->reading = nv_stats_packer_new ();
    }
  /* The packs are derived data: their transaction announces nothing. */
  if (trusted)
    writing = nv_store_txn_try_begin (store, 0);
  /* Through the index for a few units, a plain scan for many (each row
   * through the index costs about three times a row of the scan). */
  many = missing->len > 8 && missing->len * 5 > c->units->len * 2;
  if (many)
    {
      if (!scan_units (store, c, spell_rows, error))
        goto fail;
    }
  else
    for (guint i = 0; i < missing->len; i++)
      if (!read_unit (store, NV_STATS_UNIT (c, g_array_index (missing, guint, i)), spell_rows,
                      error))
        goto fail;
  if (!spell_rows && !nv_stats_server_read_spells (store, c, error))
    goto fail;

  for (guint i = 0; i < missing->len; i++)
    {
      NvStatsUnitRows *u = NV_STATS_UNIT (c, g_array_index (missing, guint, i));

      sort_rows (u->roster, cmp_roster);
      /* Packed as they were read (sorted at the end when they came unsorted),
       * unless a server sent them packed. */
      if (u->reading != NULL)
        u->spells = nv_stats_packer_finish (g_steal_pointer (&u->reading), &u->n_spells,
                                            &u->first_spell);
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

  if (!nv_unit_rows_ids (store, ids, error))
    return FALSE;
  for (guint i = 0; i < ids->len; i++)
    nv_stats_cache_unit_pos (c, g_array_index (ids, gint64, i));
  if (!nv_stats_load_units (store, c, ids, TRUE, error) ||
      !nv_stats_load_monthly (store, c, 0, error))
    return FALSE;
  c->complete = TRUE;
  return TRUE;
}
