/* nv-spell-rows.c — the spell table's row layer: every read of `spell` in
 * Nærvær is here (the public nv_spell_get/list calls and the private
 * helpers the rules, the import batch, the cases and the statistics use).
 *
 * Two forms of a row: the full one (SPELL_SELECT, spell_from_row: id,
 * employee, ref, days, grade, type) and the compact one for reading many
 * rows fast (SPELL_COMPACT, compact_from_row: employee, days and type packed
 * into one integer, grade), which costs three column reads instead of
 * seven. SQL text is what SQLite and PostgreSQL both accept; parameters are
 * `?N` (nv-db.h: a PostgreSQL backend rewrites them).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-absence"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "nv-absence-private.h"
#include "nv-store-private.h"

/* ---- The full row -------------------------------------------------------- */

#define SPELL_SELECT                                                                               \
  "SELECT s.id, s.employee_id, e.ref, s.start_day, s.end_day, s.grade, s.type "                    \
  "FROM spell s JOIN employee e ON e.id = s.employee_id "

/* Fills @s from a SPELL_SELECT row; the ref (column 2) is left to the caller. */
static void
spell_from_row (NvStmt *stmt, NvSpell *s)
{
  const char *type = nv_stmt_column_text (stmt, 6);

  s->id = nv_stmt_column_int64 (stmt, 0);
  s->employee_id = nv_stmt_column_int64 (stmt, 1);
  s->employee_ref = NULL;
  s->start = nv_spell_column_day (stmt, 3);
  s->end = nv_spell_column_day (stmt, 4);
  s->grade = nv_stmt_column_double (stmt, 5);
  s->type = g_strcmp0 (type, "egenmeldt") == 0 ? NV_SPELL_SELF : NV_SPELL_DOCTOR;
}

static NvSpell *
spell_new_from_row (NvStmt *stmt)
{
  NvSpell *s = g_new (NvSpell, 1);

  spell_from_row (stmt, s);
  s->employee_ref = nv_stmt_dup_text (stmt, 2);
  return s;
}

NvSpell *
nv_spell_get (NvStore *store, gint64 spell_id, GError **error)
{
  return nv_store_get_row (store, SPELL_SELECT "WHERE s.id = ?1", spell_id,
                           (NvStoreRowMap)spell_new_from_row,
                           _ ("The absence spell no longer exists"), error);
}

/* The rows of @stmt (SPELL_SELECT with ?1 = @id) as a list of NvSpell. */
static GPtrArray *
spell_collect (NvStore *store, NvStmt *stmt, gint64 id, GError **error)
{
  g_autoptr (GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify)nv_spell_free);
  int rc;

  if (stmt == NULL)
    return NULL;
  nv_stmt_bind_int64 (stmt, 1, id);
  while ((rc = nv_stmt_step (stmt)) == NV_ROW)
    g_ptr_array_add (list, spell_new_from_row (stmt));
  if (!nv_absence_rows_done (store, stmt, rc, error))
    return NULL;
  return g_steal_pointer (&list);
}

GPtrArray *
nv_spell_list (NvStore *store, gint64 unit_id, GError **error)
{
  return spell_collect (store,
                        nv_store_prepare (store,
                                          SPELL_SELECT "WHERE e.unit_id = ?1 "
                                                       "ORDER BY s.start_day, e.ref COLLATE NOCASE",
                                          error),
                        unit_id, error);
}

GPtrArray *
nv_spell_list_employee (NvStore *store, gint64 employee_id, GError **error)
{
  return spell_collect (
      store,
      nv_store_prepare (store, SPELL_SELECT "WHERE s.employee_id = ?1 ORDER BY s.start_day", error),
      employee_id, error);
}

GPtrArray *
nv_spell_list_open (NvStore *store, gint64 unit_id, GError **error)
{
  return spell_collect (store,
                        nv_store_prepare (store,
                                          SPELL_SELECT "WHERE e.unit_id = ?1 AND s.end_day IS NULL "
                                                       "ORDER BY s.start_day, e.ref COLLATE NOCASE",
                                          error),
                        unit_id, error);
}

gboolean
nv_spell_rows_collect_unit (NvStore *store, gint64 unit_id, GArray *spells, GHashTable *refs,
                            GError **error)
{
  NvStmt *stmt = nv_store_prepare (store, SPELL_SELECT "WHERE e.unit_id = ?1", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  nv_stmt_bind_int64 (stmt, 1, unit_id);
  while ((rc = nv_stmt_step (stmt)) == NV_ROW)
    {
      NvSpell s;

      spell_from_row (stmt, &s);
      g_array_append_val (spells, s);
      if (refs != NULL && !g_hash_table_contains (refs, &s.employee_id))
        g_hash_table_insert (refs, g_memdup2 (&s.employee_id, sizeof s.employee_id),
                             nv_stmt_dup_text (stmt, 2));
    }
  return nv_absence_rows_done (store, stmt, rc, error);
}

/* ---- The compact row ----------------------------------------------------- */

/* The days and the type packed into one integer: NvDay < 2^22 (the end 0
 * (NV_DAY_NONE) when open), the type in bit 44 — every column read costs the engine a
 * mutex round trip, and the statistics read every spell. */
#define SPELL_PACKED                                                                               \
  "CAST (s.start_day AS BIGINT) + CAST (coalesce (s.end_day, 0) AS BIGINT) * 4194304 + "           \
  "CASE WHEN s.type = 'egenmeldt' THEN 17592186044416 ELSE 0 END"
#define DAY_MASK ((1 << 22) - 1)

static void
compact_from_row (NvStmt *stmt, NvSpell *s)
{
  gint64 packed = nv_stmt_column_int64 (stmt, 1);

  *s = (NvSpell){ 0,
                  nv_stmt_column_int64 (stmt, 0),
                  NULL,
                  (NvDay)(packed & DAY_MASK),
                  (NvDay)((packed >> 22) & DAY_MASK),
                  nv_stmt_column_double (stmt, 2),
                  (packed >> 44) & 1 ? NV_SPELL_SELF : NV_SPELL_DOCTOR };
}

gboolean
nv_spell_rows_scan (NvStore *store, gint64 unit_id, NvSpellRowFunc func, gpointer data,
                    GError **error)
{
  NvStmt *stmt;
  int rc;

  if (unit_id > 0)
    {
      stmt = nv_store_prepare (store,
                               "SELECT s.employee_id, " SPELL_PACKED ", s.grade "
                               "FROM spell s JOIN employee e ON e.id = s.employee_id "
                               "WHERE e.unit_id = ?1 ORDER BY s.employee_id, s.start_day",
                               error);
      if (stmt == NULL)
        return FALSE;
      nv_stmt_bind_int64 (stmt, 1, unit_id);
    }
  else
    {
      /* No join and no ORDER BY: one plain scan of the table. */
      stmt = nv_store_prepare (
          store, "SELECT s.employee_id, " SPELL_PACKED ", s.grade FROM spell s", error);
      if (stmt == NULL)
        return FALSE;
    }
  while ((rc = nv_stmt_step (stmt)) == NV_ROW)
    {
      NvSpell s;

      compact_from_row (stmt, &s);
      func (&s, data);
    }
  return nv_absence_rows_done (store, stmt, rc, error);
}

/* ---- Intervals and counts ------------------------------------------------ */

GArray *
nv_absence_load_spell_ivs (NvStore *store, gint64 employee_id, gint64 except_id, GError **error)
{
  NvStmt *stmt = nv_store_prepare (store,
                                   "SELECT start_day, end_day FROM spell "
                                   "WHERE employee_id = ?1 AND id <> ?2 ORDER BY start_day",
                                   error);

  return nv_absence_collect_ivs (store, stmt, employee_id, except_id, nv_spell_column_day, error);
}

gboolean
nv_spell_rows_count_employee (NvStore *store, gint64 employee_id, guint *count, GError **error)
{
  return nv_store_count (store, "SELECT count(*) FROM spell WHERE employee_id = ?1", employee_id,
                         count, error);
}
