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
#include "nv-unit-private.h"

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

GArray *
nv_absence_collect_ivs (NvStore *store, NvStmt *stmt, gint64 employee_id, gint64 except_id,
                        NvAbsenceDayColumn column_day, GError **error)
{
  g_autoptr (GArray) ivs = g_array_new (FALSE, FALSE, sizeof (NvIv));
  int rc;

  if (stmt == NULL)
    return NULL;
  nv_stmt_bind_int64 (stmt, 1, employee_id);
  nv_stmt_bind_int64 (stmt, 2, except_id);
  while ((rc = nv_stmt_step (stmt)) == NV_ROW)
    {
      NvIv iv = { column_day (stmt, 0), nv_iv_end (column_day (stmt, 1)) };
      g_array_append_val (ivs, iv);
    }
  if (!nv_absence_rows_done (store, stmt, rc, error))
    return NULL;
  return g_steal_pointer (&ivs);
}

/* ---- Employees ---------------------------------------------------------- */

static gboolean
unit_exists (NvStore *store, gint64 unit_id, const char **field, GError **error)
{
  gboolean found;

  if (!nv_unit_rows_exists (store, unit_id, &found, error))
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

/* ---- Roster ------------------------------------------------------------- */

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
  g_autoptr (NvRosterRow) old = nv_roster_rows_get (store, row->id, error);
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
  g_autoptr (NvRosterRow) old = nv_roster_rows_get (store, row_id, error);
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

double
nv_roster_fte_on (NvStore *store, gint64 employee_id, NvDay day, GError **error)
{
  g_autoptr (NvRosterRow) row = nv_roster_rows_in_force (store, employee_id, day, error);
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
  row = nv_roster_rows_in_force (store, employee_id, from, &local);
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
  row = nv_roster_rows_in_force (store, employee_id, last_day, &local);
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
