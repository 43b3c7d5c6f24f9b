/* nv-absence.c — employees, roster, absence spells and HR monthly figures in
 * the store. The rules live in nv-absence-rules.c; here we load the rows a
 * rule needs, check, and write.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-absence"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "nv-absence-private.h"
#include "nv-format.h"
#include "nv-store-private.h"

/* ---- Structs ------------------------------------------------------------ */

void
nv_employee_free (NvEmployee *employee)
{
  if (employee == NULL)
    return;
  g_free (employee->ref);
  g_free (employee);
}

void
nv_roster_row_free (NvRosterRow *row)
{
  if (row == NULL)
    return;
  g_free (row->employee_ref);
  g_free (row);
}

void
nv_spell_free (NvSpell *spell)
{
  if (spell == NULL)
    return;
  g_free (spell->employee_ref);
  g_free (spell);
}

void
nv_monthly_free (NvMonthly *monthly)
{
  g_free (monthly);
}

NvRosterRow *
nv_roster_row_copy (const NvRosterRow *row)
{
  NvRosterRow *copy = g_memdup2 (row, sizeof *row);
  copy->employee_ref = g_strdup (row->employee_ref);
  return copy;
}

NvSpell *
nv_spell_copy (const NvSpell *spell)
{
  NvSpell *copy = g_memdup2 (spell, sizeof *spell);
  copy->employee_ref = g_strdup (spell->employee_ref);
  return copy;
}

/* ---- Helpers ------------------------------------------------------------ */

static NvDay
column_day (NvStmt *stmt, int column)
{
  const char *text = nv_stmt_column_text (stmt, column);
  return text != NULL ? nv_day_parse_iso (text) : NV_DAY_NONE;
}

static gboolean
no_field (const char **field)
{
  if (field != NULL)
    *field = NULL;
  return FALSE;
}

gboolean
nv_absence_rows_done (NvStore *store, NvStmt *stmt, int rc, GError **error)
{
  nv_stmt_reset (stmt);
  if (rc != NV_DONE)
    return nv_store_set_sql_error (store, error);
  return TRUE;
}

gboolean
nv_absence_row_found (NvStore *store, NvStmt *stmt, int rc, const char *gone,
                      GError **error)
{
  nv_stmt_reset (stmt);
  if (rc == NV_ROW)
    return TRUE;
  if (rc != NV_DONE)
    nv_store_set_sql_error (store, error);
  else
    g_set_error_literal (error, NV_STORE_ERROR, NV_STORE_ERROR_NOT_FOUND, gone);
  return FALSE;
}

/* ---- Employees ---------------------------------------------------------- */

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
  NvStmt *stmt = nv_store_prepare (store,
                                         "SELECT id, unit_id, ref FROM employee WHERE id = ?1",
                                         error);
  NvEmployee *e = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  nv_stmt_bind_int64 (stmt, 1, id);
  rc = nv_stmt_step (stmt);
  if (rc == NV_ROW)
    e = employee_from_row (stmt);
  if (!nv_absence_row_found (store, stmt, rc, _("The employee no longer exists"), error))
    return NULL;
  return e;
}

NvEmployee *
nv_employee_find (NvStore *store, gint64 unit_id, const char *ref, const char **field,
                  GError **error)
{
  g_autofree char *t = nv_employee_ref_normalize (ref);
  NvStmt *stmt = nv_store_prepare (store,
                                         "SELECT id, unit_id, ref FROM employee "
                                         "WHERE unit_id = ?1 AND ref = ?2 COLLATE NOCASE",
                                         error);
  NvEmployee *e = NULL;
  int rc;

  if (stmt == NULL)
    return no_field (field), NULL;
  nv_stmt_bind_int64 (stmt, 1, unit_id);
  nv_stmt_bind_text (stmt, 2, t);
  rc = nv_stmt_step (stmt);
  if (rc == NV_ROW)
    e = employee_from_row (stmt);
  nv_stmt_reset (stmt);
  if (rc == NV_ROW)
    return e;
  if (rc != NV_DONE)
    {
      no_field (field);
      nv_store_set_sql_error (store, error);
    }
  else
    nv_field_error (field, "employee", error, NV_STORE_ERROR_NOT_FOUND,
                    _("“%s” is not on the roster"), t);
  return NULL;
}

static gboolean
unit_exists (NvStore *store, gint64 unit_id, const char **field, GError **error)
{
  gboolean found;

  if (!nv_store_row_exists (store, "SELECT 1 FROM unit WHERE id = ?1", unit_id, &found, error))
    return no_field (field);
  if (found)
    return TRUE;
  return nv_field_error (field, "unit", error, NV_STORE_ERROR_NOT_FOUND, "%s",
                         _("The unit no longer exists"));
}

static gboolean
check_ref_free (NvStore *store, gint64 unit_id, const char *ref, gint64 except_id,
                const char **field, GError **error)
{
  g_autoptr (GError) local = NULL;
  g_autoptr (NvEmployee) other = nv_employee_find (store, unit_id, ref, NULL, &local);

  if (other != NULL && other->id != except_id)
    return nv_field_error (field, "employee", error, NV_STORE_ERROR_DUPLICATE,
                           _("There is already an employee “%s” in this unit"), other->ref);
  if (local != NULL && !g_error_matches (local, NV_STORE_ERROR, NV_STORE_ERROR_NOT_FOUND))
    {
      no_field (field);
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  return TRUE;
}

gint64
nv_employee_add (NvStore *store, gint64 unit_id, const char *ref, const char **field,
                 GError **error)
{
  g_autofree char *t = nv_employee_ref_normalize (ref);
  NvStmt *stmt;

  if (!nv_employee_ref_check (t, field, error) || !unit_exists (store, unit_id, field, error) ||
      !check_ref_free (store, unit_id, t, 0, field, error))
    return 0;
  stmt = nv_store_prepare (store, "INSERT INTO employee (unit_id, ref) VALUES (?1, ?2)", error);
  if (stmt == NULL)
    return no_field (field), 0;
  nv_stmt_bind_int64 (stmt, 1, unit_id);
  nv_stmt_bind_text (stmt, 2, t);
  if (!nv_store_write (store, stmt, NV_TOPIC_EMPLOYEES, error))
    return no_field (field), 0;
  return nv_store_last_insert_id (store);
}

gint64
nv_employee_ensure (NvStore *store, gint64 unit_id, const char *ref, const char **field,
                    GError **error)
{
  g_autoptr (GError) local = NULL;
  g_autoptr (NvEmployee) e = NULL;

  if (!nv_employee_ref_check (ref, field, error))
    return 0;
  e = nv_employee_find (store, unit_id, ref, NULL, &local);
  if (e != NULL)
    return e->id;
  if (!g_error_matches (local, NV_STORE_ERROR, NV_STORE_ERROR_NOT_FOUND))
    {
      no_field (field);
      g_propagate_error (error, g_steal_pointer (&local));
      return 0;
    }
  return nv_employee_add (store, unit_id, ref, field, error);
}

GPtrArray *
nv_employee_list (NvStore *store, gint64 unit_id, GError **error)
{
  g_autoptr (GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) nv_employee_free);
  NvStmt *stmt = nv_store_prepare (store,
                                         "SELECT id, unit_id, ref FROM employee WHERE unit_id = ?1 "
                                         "ORDER BY ref COLLATE NOCASE",
                                         error);
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

gboolean
nv_employee_rename (NvStore *store, gint64 id, const char *ref, const char **field,
                    GError **error)
{
  g_autofree char *t = nv_employee_ref_normalize (ref);
  g_autoptr (NvEmployee) e = nv_employee_get (store, id, error);
  NvStmt *stmt;

  if (e == NULL)
    return nv_field_error (field, "employee", NULL, 0, "%s", "");
  if (!nv_employee_ref_check (t, field, error) ||
      !check_ref_free (store, e->unit_id, t, id, field, error))
    return FALSE;
  stmt = nv_store_prepare (store, "UPDATE employee SET ref = ?2 WHERE id = ?1", error);
  if (stmt == NULL)
    return no_field (field);
  nv_stmt_bind_int64 (stmt, 1, id);
  nv_stmt_bind_text (stmt, 2, t);
  if (!nv_store_write (store, stmt, NV_TOPIC_EMPLOYEES, error))
    return no_field (field);
  return TRUE;
}

gboolean
nv_employee_erase (NvStore *store, gint64 id, GError **error)
{
  return nv_store_delete_row (store, "DELETE FROM employee WHERE id = ?1", id,
                              NV_TOPIC_EMPLOYEES | NV_TOPIC_SPELLS | NV_TOPIC_FOLLOWUP,
                              _("The employee no longer exists"), error);
}

/* ---- Loading what the rules need ----------------------------------------- */

/* The rows @sql selects (two day columns, read with @day_at; ?1 the
 * employee, ?2 a row id to leave out) as intervals, in its order. */
static GArray *
load_ivs (NvStore *store, const char *sql, NvDay (*day_at) (NvStmt *, int),
          gint64 employee_id, gint64 except_id, GError **error)
{
  g_autoptr (GArray) ivs = g_array_new (FALSE, FALSE, sizeof (NvIv));
  NvStmt *stmt = nv_store_prepare (store, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  nv_stmt_bind_int64 (stmt, 1, employee_id);
  nv_stmt_bind_int64 (stmt, 2, except_id);
  while ((rc = nv_stmt_step (stmt)) == NV_ROW)
    {
      NvIv iv = { day_at (stmt, 0), nv_iv_end (day_at (stmt, 1)) };
      g_array_append_val (ivs, iv);
    }
  if (!nv_absence_rows_done (store, stmt, rc, error))
    return NULL;
  return g_steal_pointer (&ivs);
}

GArray *
nv_absence_load_roster_ivs (NvStore *store, gint64 employee_id, gint64 except_id, GError **error)
{
  return load_ivs (store,
                   "SELECT from_date, to_date FROM roster "
                   "WHERE employee_id = ?1 AND id <> ?2 ORDER BY from_date",
                   column_day, employee_id, except_id, error);
}

GArray *
nv_absence_load_spell_ivs (NvStore *store, gint64 employee_id, gint64 except_id, GError **error)
{
  return load_ivs (store,
                   "SELECT start_day, end_day FROM spell "
                   "WHERE employee_id = ?1 AND id <> ?2 ORDER BY start_day",
                   nv_spell_column_day, employee_id, except_id, error);
}

/* ---- Roster ------------------------------------------------------------- */

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

static NvRosterRow *
roster_get (NvStore *store, gint64 row_id, GError **error)
{
  NvStmt *stmt = nv_store_prepare (store,
                                         "SELECT r.id, r.employee_id, e.ref, r.fte, r.from_date, "
                                         "r.to_date FROM roster r JOIN employee e "
                                         "ON e.id = r.employee_id WHERE r.id = ?1",
                                         error);
  NvRosterRow *row = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  nv_stmt_bind_int64 (stmt, 1, row_id);
  rc = nv_stmt_step (stmt);
  if (rc == NV_ROW)
    row = roster_from_row (stmt);
  if (!nv_absence_row_found (store, stmt, rc, _("The roster row no longer exists"), error))
    return NULL;
  return row;
}

/* Full check of @row (id 0 = new). With @check_spells, also that no spell
 * falls outside the employment once @row replaces the stored one. */
static gboolean
roster_check (NvStore *store, const NvRosterRow *row, gboolean check_spells, const char *blame,
              const char **field, GError **error)
{
  g_autoptr (NvEmployee) e = NULL;
  g_autoptr (GArray) others = NULL;
  g_autoptr (GArray) spells = NULL;

  if (!nv_rules_roster_values (row->fte, row->from, row->to, field, error))
    return FALSE;
  e = nv_employee_get (store, row->employee_id, error);
  if (e == NULL)
    return nv_field_error (field, "employee", NULL, 0, "%s", "");
  others = nv_absence_load_roster_ivs (store, row->employee_id, row->id, error);
  if (others == NULL)
    return no_field (field);
  if (!nv_rules_roster_overlap (e->ref, others, row->from, row->to, field, error))
    return FALSE;
  if (!check_spells)
    return TRUE;
  spells = nv_absence_load_spell_ivs (store, row->employee_id, 0, error);
  if (spells == NULL)
    return no_field (field);
  nv_iv_insert (others, row->from, nv_iv_end (row->to));
  return nv_rules_spells_covered (e->ref, others, spells, blame, field, error);
}

gboolean
nv_roster_validate (NvStore *store, const NvRosterRow *row, const char **field, GError **error)
{
  return roster_check (store, row, row->id != 0, "to", field, error);
}

static gint64
roster_insert (NvStore *store, gint64 employee_id, double fte, NvDay from, NvDay to,
               GError **error)
{
  NvStmt *stmt = nv_store_prepare (store,
                                         "INSERT INTO roster (employee_id, fte, from_date, to_date) "
                                         "VALUES (?1, ?2, ?3, ?4)",
                                         error);
  if (stmt == NULL)
    return 0;
  nv_stmt_bind_int64 (stmt, 1, employee_id);
  nv_stmt_bind_double (stmt, 2, fte);
  nv_roster_bind_day (stmt, 3, from);
  nv_roster_bind_day (stmt, 4, to);
  if (!nv_store_write (store, stmt, NV_TOPIC_EMPLOYEES, error))
    return 0;
  return nv_store_last_insert_id (store);
}

static gboolean
roster_write (NvStore *store, gint64 id, double fte, NvDay from, NvDay to, GError **error)
{
  NvStmt *stmt = nv_store_prepare (store,
                                         "UPDATE roster SET fte = ?2, from_date = ?3, to_date = ?4 "
                                         "WHERE id = ?1",
                                         error);
  if (stmt == NULL)
    return FALSE;
  nv_stmt_bind_int64 (stmt, 1, id);
  nv_stmt_bind_double (stmt, 2, fte);
  nv_roster_bind_day (stmt, 3, from);
  nv_roster_bind_day (stmt, 4, to);
  return nv_store_write (store, stmt, NV_TOPIC_EMPLOYEES, error);
}

gint64
nv_roster_add (NvStore *store, gint64 employee_id, double fte, NvDay from, NvDay to,
               const char **field, GError **error)
{
  NvRosterRow row = { 0, employee_id, NULL, fte, from, to };
  gint64 id;

  if (!roster_check (store, &row, FALSE, "to", field, error))
    return 0;
  id = roster_insert (store, employee_id, fte, from, to, error);
  if (id == 0)
    return no_field (field), 0;
  return id;
}

gboolean
nv_roster_update (NvStore *store, const NvRosterRow *row, const char **field, GError **error)
{
  g_autoptr (NvRosterRow) old = roster_get (store, row->id, error);
  NvRosterRow fixed;

  if (old == NULL)
    return no_field (field);
  fixed = *row;
  fixed.employee_id = old->employee_id;
  if (!roster_check (store, &fixed, TRUE, row->from > old->from ? "from" : "to", field, error))
    return FALSE;
  if (!roster_write (store, row->id, row->fte, row->from, row->to, error))
    return no_field (field);
  return TRUE;
}

gboolean
nv_roster_delete (NvStore *store, gint64 row_id, GError **error)
{
  g_autoptr (NvRosterRow) old = roster_get (store, row_id, error);
  g_autoptr (GArray) others = NULL;
  g_autoptr (GArray) spells = NULL;

  if (old == NULL)
    return FALSE;
  others = nv_absence_load_roster_ivs (store, old->employee_id, row_id, error);
  spells = others != NULL ? nv_absence_load_spell_ivs (store, old->employee_id, 0, error) : NULL;
  if (spells == NULL)
    return FALSE;
  if (!nv_rules_spells_covered (old->employee_ref, others, spells, "from", NULL, error))
    return FALSE;
  return nv_store_delete_row (store, "DELETE FROM roster WHERE id = ?1", row_id,
                              NV_TOPIC_EMPLOYEES, NULL, error);
}

/* The roster row in force on @day, or NULL (no error) when there is none. */
static NvRosterRow *
roster_in_force (NvStore *store, gint64 employee_id, NvDay day, GError **error)
{
  char buf[11];
  NvStmt *stmt = nv_store_prepare (store,
                                         "SELECT r.id, r.employee_id, e.ref, r.fte, r.from_date, "
                                         "r.to_date FROM roster r JOIN employee e "
                                         "ON e.id = r.employee_id WHERE r.employee_id = ?1 "
                                         "AND r.from_date <= ?2 "
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

double
nv_roster_fte_on (NvStore *store, gint64 employee_id, NvDay day, GError **error)
{
  g_autoptr (NvRosterRow) row = roster_in_force (store, employee_id, day, error);
  return row != NULL ? row->fte : 0;
}

gboolean
nv_roster_change_fte (NvStore *store, gint64 employee_id, NvDay from, double fte,
                      const char **field, GError **error)
{
  g_autoptr (GError) local = NULL;
  g_autoptr (NvEmployee) e = NULL;
  g_autoptr (NvRosterRow) row = NULL;
  g_autoptr (NvStoreTxn) txn = NULL;
  gboolean ok;

  if (!nv_fte_check (fte, field, error))
    return FALSE;
  if (from == NV_DAY_NONE)
    return nv_field_error (field, "from", error, NV_STORE_ERROR_INVALID, "%s",
                           _("A date is needed"));
  e = nv_employee_get (store, employee_id, error);
  if (e == NULL)
    return nv_field_error (field, "employee", NULL, 0, "%s", "");
  row = roster_in_force (store, employee_id, from, &local);
  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return no_field (field);
    }
  if (row == NULL)
    {
      g_autofree char *d = nv_day_format_local (from);
      return nv_field_error (field, "from", error, NV_STORE_ERROR_INVALID,
                             _("%s is not employed on %s"), e->ref, d);
    }
  txn = nv_store_txn_begin (store, NV_TOPIC_EMPLOYEES, error);
  if (txn == NULL)
    return no_field (field);
  if (row->from == from)
    ok = roster_write (store, row->id, fte, row->from, row->to, error);
  else
    ok = roster_write (store, row->id, row->fte, row->from, from - 1, error) &&
         roster_insert (store, employee_id, fte, from, row->to, error) != 0;
  if (!ok || !nv_store_txn_commit (g_steal_pointer (&txn), error))
    return no_field (field);
  return TRUE;
}

gboolean
nv_roster_end_employment (NvStore *store, gint64 employee_id, NvDay last_day,
                          const char **field, GError **error)
{
  g_autoptr (GError) local = NULL;
  g_autoptr (NvEmployee) e = NULL;
  g_autoptr (NvRosterRow) row = NULL;
  g_autoptr (GArray) others = NULL;

  if (last_day == NV_DAY_NONE)
    return nv_field_error (field, "to", error, NV_STORE_ERROR_INVALID, "%s",
                           _("A date is needed"));
  e = nv_employee_get (store, employee_id, error);
  if (e == NULL)
    return nv_field_error (field, "employee", NULL, 0, "%s", "");
  row = roster_in_force (store, employee_id, last_day, &local);
  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return no_field (field);
    }
  if (row == NULL)
    {
      g_autofree char *d = nv_day_format_local (last_day);
      return nv_field_error (field, "to", error, NV_STORE_ERROR_INVALID,
                             _("%s is not employed on %s"), e->ref, d);
    }
  others = nv_absence_load_roster_ivs (store, employee_id, row->id, error);
  if (others == NULL)
    return no_field (field);
  for (guint i = 0; i < others->len; i++)
    if (g_array_index (others, NvIv, i).from > last_day)
      {
        g_autofree char *d = nv_day_format_local (last_day);
        return nv_field_error (field, "to", error, NV_STORE_ERROR_INVALID,
                               _("%s has roster rows after %s; delete them first"), e->ref, d);
      }
  row->to = last_day;
  return nv_roster_update (store, row, field, error);
}

static GPtrArray *
roster_query (NvStore *store, NvStmt *stmt, gint64 id, GError **error)
{
  g_autoptr (GPtrArray) list =
    g_ptr_array_new_with_free_func ((GDestroyNotify) nv_roster_row_free);
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
  return roster_query (store,
                       nv_store_prepare (store,
                                         "SELECT r.id, r.employee_id, e.ref, r.fte, r.from_date, "
                                         "r.to_date FROM roster r JOIN employee e "
                                         "ON e.id = r.employee_id WHERE e.unit_id = ?1 "
                                         "ORDER BY e.ref COLLATE NOCASE, e.id, r.from_date",
                                         error),
                       unit_id, error);
}

GPtrArray *
nv_roster_list_employee (NvStore *store, gint64 employee_id, GError **error)
{
  return roster_query (store,
                       nv_store_prepare (store,
                                         "SELECT r.id, r.employee_id, e.ref, r.fte, r.from_date, "
                                         "r.to_date FROM roster r JOIN employee e "
                                         "ON e.id = r.employee_id WHERE r.employee_id = ?1 "
                                         "ORDER BY r.from_date",
                                         error),
                       employee_id, error);
}
