/* nv-absence-spells.c — absence spells and HR monthly figures in the store.
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

static gboolean
no_field (const char **field)
{
  if (field != NULL)
    *field = NULL;
  return FALSE;
}

/* ---- Spells ------------------------------------------------------------- */

gboolean
nv_spell_validate (NvStore *store, const NvSpell *spell, const char **field, GError **error)
{
  g_autoptr (NvEmployee) e = NULL;
  g_autoptr (GArray) rows = NULL;
  g_autoptr (GArray) others = NULL;

  if (!nv_rules_spell_values (spell->start, spell->end, spell->grade, spell->type, field, error))
    return FALSE;
  e = nv_employee_get (store, spell->employee_id, error);
  if (e == NULL)
    return nv_field_error (field, "employee", NULL, 0, "%s", "");
  rows = nv_absence_load_roster_ivs (store, spell->employee_id, 0, error);
  if (rows == NULL)
    return no_field (field);
  if (!nv_rules_spell_employment (e->ref, rows, spell->start, spell->end, field, error))
    return FALSE;
  others = nv_absence_load_spell_ivs (store, spell->employee_id, spell->id, error);
  if (others == NULL)
    return no_field (field);
  return nv_rules_spell_overlap (e->ref, others, spell->start, spell->end, field, error);
}

gint64
nv_spell_add (NvStore *store, gint64 employee_id, NvDay start, NvDay end, double grade,
              NvSpellType type, const char **field, GError **error)
{
  NvSpell spell = { 0, employee_id, NULL, start, end, grade, type };
  NvStmt *stmt;

  if (!nv_spell_validate (store, &spell, field, error))
    return 0;
  stmt = nv_store_prepare (store,
                           "INSERT INTO spell (employee_id, start_day, end_day, grade, type) "
                           "VALUES (?1, ?2, ?3, ?4, ?5)",
                           error);
  if (stmt == NULL)
    return no_field (field), 0;
  nv_stmt_bind_int64 (stmt, 1, employee_id);
  nv_spell_bind_day (stmt, 2, start);
  nv_spell_bind_day (stmt, 3, end);
  nv_stmt_bind_double (stmt, 4, grade);
  nv_stmt_bind_static_text (stmt, 5, nv_spell_type_to_string (type));
  if (!nv_store_write (store, stmt, NV_TOPIC_SPELLS, error))
    return no_field (field), 0;
  return nv_store_last_insert_id (store);
}

gboolean
nv_spell_update (NvStore *store, const NvSpell *spell, const char **field, GError **error)
{
  g_autoptr (NvSpell) old = nv_spell_get (store, spell->id, error);
  NvSpell fixed;
  NvStmt *stmt;

  if (old == NULL)
    return no_field (field);
  fixed = *spell;
  fixed.employee_id = old->employee_id;
  if (!nv_spell_validate (store, &fixed, field, error))
    return FALSE;
  stmt = nv_store_prepare (store,
                           "UPDATE spell SET start_day = ?2, end_day = ?3, grade = ?4, type = ?5 "
                           "WHERE id = ?1",
                           error);
  if (stmt == NULL)
    return no_field (field);
  nv_stmt_bind_int64 (stmt, 1, spell->id);
  nv_spell_bind_day (stmt, 2, fixed.start);
  nv_spell_bind_day (stmt, 3, fixed.end);
  nv_stmt_bind_double (stmt, 4, fixed.grade);
  nv_stmt_bind_static_text (stmt, 5, nv_spell_type_to_string (fixed.type));
  if (!nv_store_write (store, stmt, NV_TOPIC_SPELLS, error))
    return no_field (field);
  return TRUE;
}

gboolean
nv_spell_end (NvStore *store, gint64 spell_id, NvDay end, const char **field, GError **error)
{
  g_autoptr (NvSpell) spell = nv_spell_get (store, spell_id, error);

  if (spell == NULL)
    return no_field (field);
  if (end == NV_DAY_NONE)
    return nv_field_error (field, "end", error, NV_STORE_ERROR_INVALID, "%s",
                           _("A date is needed"));
  spell->end = end;
  return nv_spell_update (store, spell, field, error);
}

gboolean
nv_spell_delete (NvStore *store, gint64 spell_id, GError **error)
{
  return nv_store_delete_row (store, "DELETE FROM spell WHERE id = ?1", spell_id,
                              NV_TOPIC_SPELLS | NV_TOPIC_FOLLOWUP,
                              _("The absence spell no longer exists"), error);
}

/* ---- HR monthly figures ------------------------------------------------- */

static gboolean
check_days (double value, const char *name, const char **field, GError **error)
{
  if (!isfinite (value) || value < 0)
    {
      g_autofree char *n = nv_format_exact (value);
      return nv_field_error (field, name, error, NV_STORE_ERROR_INVALID,
                             _("%s is not a number of days (0 or more)"), n);
    }
  return TRUE;
}

gboolean
nv_monthly_validate (NvStore *store, const NvMonthly *m, const char **field, GError **error)
{
  gboolean found;

  if (m->year < NV_CALENDAR_FIRST_YEAR || m->year > NV_CALENDAR_LAST_YEAR || m->month < 1 ||
      m->month > 12)
    return nv_field_error (field, "period", error, NV_STORE_ERROR_INVALID,
                           _("%04d-%02d is not a month (use YYYY-MM)"), m->year, m->month);
  if (!check_days (m->contracted_days, "contracted_days", field, error) ||
      !check_days (m->lost_days_self, "lost_days_self", field, error) ||
      !check_days (m->lost_days_doctor, "lost_days_doctor", field, error))
    return FALSE;
  /* A month without contracted days or persons is not a figure: stored, it
   * would replace the month computed from the spells with nothing. */
  if (m->contracted_days <= 0)
    return nv_field_error (field, "contracted_days", error, NV_STORE_ERROR_INVALID, "%s",
                           _("A month needs its contracted days (more than 0)"));
  if (m->persons == 0)
    return nv_field_error (field, "persons", error, NV_STORE_ERROR_INVALID, "%s",
                           _("A month with contracted days has at least 1 person"));
  if (m->lost_days_self + m->lost_days_doctor > m->contracted_days)
    {
      g_autofree char *lost = nv_format_exact (m->lost_days_self + m->lost_days_doctor);
      g_autofree char *contracted = nv_format_exact (m->contracted_days);
      return nv_field_error (field,
                             m->lost_days_self > m->contracted_days ? "lost_days_self"
                                                                    : "lost_days_doctor",
                             error, NV_STORE_ERROR_INVALID,
                             _("%s lost days are more than the %s contracted days"), lost,
                             contracted);
    }
  if (m->persons < 0)
    return nv_field_error (field, "persons", error, NV_STORE_ERROR_INVALID,
                           _("%d is not a number of persons"), m->persons);

  if (!nv_unit_rows_exists (store, m->unit_id, &found, error))
    return no_field (field);
  if (!found)
    return nv_field_error (field, "unit", error, NV_STORE_ERROR_NOT_FOUND, "%s",
                           _("The unit no longer exists"));
  return TRUE;
}

gboolean
nv_monthly_replaces_computed (NvStore *store, gint64 unit_id, int year, int month,
                              gboolean *replaces, GError **error)
{
  NvDay first = nv_day_from_ymd (year, month, 1);
  gboolean employed, stored;

  *replaces = FALSE;
  if (first == NV_DAY_NONE)
    return TRUE;
  if (!nv_roster_rows_any_in (store, unit_id, first, nv_period_end (NV_PERIOD_MONTH, first),
                              &employed, error) ||
      !nv_monthly_rows_exists (store, unit_id, year, month, &stored, error))
    return FALSE;
  *replaces = employed && !stored;
  return TRUE;
}

gboolean
nv_monthly_upsert (NvStore *store, const NvMonthly *m, const char **field, GError **error)
{
  char period[8];
  NvStmt *stmt;

  if (!nv_monthly_validate (store, m, field, error))
    return FALSE;
  stmt = nv_store_prepare (store,
                           "INSERT INTO monthly (unit_id, period, contracted_days, lost_days_self, "
                           "lost_days_doctor, persons) VALUES (?1, ?2, ?3, ?4, ?5, ?6) "
                           "ON CONFLICT (unit_id, period) DO UPDATE SET "
                           "contracted_days = excluded.contracted_days, "
                           "lost_days_self = excluded.lost_days_self, "
                           "lost_days_doctor = excluded.lost_days_doctor, "
                           "persons = excluded.persons",
                           error);
  if (stmt == NULL)
    return no_field (field);
  g_snprintf (period, sizeof period, "%04d-%02d", m->year, m->month);
  nv_stmt_bind_int64 (stmt, 1, m->unit_id);
  nv_stmt_bind_text (stmt, 2, period);
  nv_stmt_bind_double (stmt, 3, m->contracted_days);
  nv_stmt_bind_double (stmt, 4, m->lost_days_self);
  nv_stmt_bind_double (stmt, 5, m->lost_days_doctor);
  nv_stmt_bind_int (stmt, 6, m->persons);
  if (!nv_store_write (store, stmt, NV_TOPIC_MONTHLY, error))
    return no_field (field);
  return TRUE;
}

gboolean
nv_monthly_delete (NvStore *store, gint64 unit_id, int year, int month, GError **error)
{
  char period[8];
  NvStmt *stmt = nv_store_prepare (store,
                                         "DELETE FROM monthly WHERE unit_id = ?1 AND period = ?2",
                                         error);

  if (stmt == NULL)
    return FALSE;
  g_snprintf (period, sizeof period, "%04d-%02d", year, month);
  nv_stmt_bind_int64 (stmt, 1, unit_id);
  nv_stmt_bind_text (stmt, 2, period);
  if (!nv_store_write (store, stmt, NV_TOPIC_MONTHLY, error))
    return FALSE;
  if (nv_store_changes (store) == 0)
    {
      g_set_error_literal (error, NV_STORE_ERROR, NV_STORE_ERROR_NOT_FOUND,
                           _("There are no HR figures for that month"));
      return FALSE;
    }
  return TRUE;
}
