/* nv-absence-private.h — the DESIGN §4 rules as pure functions over
 * in-memory intervals, shared by the single-row store API and batches.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "nv-absence.h"
#include "nv-store-private.h"

G_BEGIN_DECLS

/* An open end inside the rules (sorts after every real day). */
#define NV_DAY_OPEN G_MAXUINT32

typedef struct
{
  NvDay from;
  NvDay to; /* NV_DAY_OPEN for ongoing / open */
} NvIv;

static inline NvDay
nv_iv_end (NvDay end)
{
  return end == NV_DAY_NONE ? NV_DAY_OPEN : end;
}

/* Roster days are stored as ISO text; NULL is an open end. */
static inline void
nv_roster_bind_day (NvStmt *stmt, int index, NvDay day)
{
  char buf[11];

  if (day == NV_DAY_NONE || day == NV_DAY_OPEN)
    nv_stmt_bind_null (stmt, index);
  else
    nv_stmt_bind_text (stmt, index, nv_day_format_iso_buf (day, buf));
}

/* Spell days are stored as integers in the NvDay numbering (schema 7);
 * NULL is an open end. */
static inline void
nv_spell_bind_day (NvStmt *stmt, int index, NvDay day)
{
  if (day == NV_DAY_NONE || day == NV_DAY_OPEN)
    nv_stmt_bind_null (stmt, index);
  else
    nv_stmt_bind_int64 (stmt, index, day);
}

static inline NvDay
nv_spell_column_day (NvStmt *stmt, int column)
{
  return nv_stmt_column_is_null (stmt, column)
           ? NV_DAY_NONE
           : (NvDay) nv_stmt_column_int64 (stmt, column);
}

/* Index where an interval starting at @from goes in @ivs (sorted by from). */
guint nv_iv_insert_pos (const GArray *ivs, NvDay from);
/* Inserts keeping @ivs sorted by from. */
void nv_iv_insert (GArray *ivs, NvDay from, NvDay to);
/* The interval of @ivs (sorted, non-overlapping) that overlaps [@from, @to], or NULL. */
const NvIv *nv_iv_find_overlap (const GArray *ivs, NvDay from, NvDay to);
/* First day of [@from, @to] not covered by @rows (sorted, non-overlapping);
 * NV_DAY_NONE when all is covered. For an open @to returns NV_DAY_OPEN when
 * the coverage ends somewhere. */
NvDay nv_iv_first_uncovered (const GArray *rows, NvDay from, NvDay to);

/* "01.02.2025–28.02.2025" or "from 01.02.2025" (translated). */
char *nv_iv_describe (NvDay from, NvDay to);

gboolean nv_rules_roster_values (double fte, NvDay from, NvDay to, const char **field,
                                 GError **error);
/* @others: the employee's other roster rows. */
gboolean nv_rules_roster_overlap (const char *ref, const GArray *others, NvDay from, NvDay to,
                                  const char **field, GError **error);
/* After a roster change: every spell of the employee still inside @rows.
 * @field_name is the field to blame ("from" or "to"). */
gboolean nv_rules_spells_covered (const char *ref, const GArray *rows, const GArray *spells,
                                  const char *field_name, const char **field, GError **error);

gboolean nv_rules_spell_values (NvDay start, NvDay end, double grade, NvSpellType type,
                                const char **field, GError **error);
gboolean nv_rules_spell_employment (const char *ref, const GArray *rows, NvDay start, NvDay end,
                                    const char **field, GError **error);
/* @others: the employee's other spells. */
gboolean nv_rules_spell_overlap (const char *ref, const GArray *others, NvDay start, NvDay end,
                                 const char **field, GError **error);

/* ---- The row layer ------------------------------------------------------
 * Each table of this feature is read in one file, with its column list, its
 * mapper from a row to the struct and the collect helpers below (and the
 * public get/list calls of nv-absence.h): employees and the roster in
 * nv-roster-rows.c, spells in nv-spell-rows.c, HR monthly figures in
 * nv-monthly-rows.c. Nothing else selects from these tables. All return
 * FALSE (NULL) only on a database error. */

/* The employee's roster rows or spells (except row @except_id) as
 * intervals, sorted by their start. */
GArray *nv_absence_load_roster_ivs (NvStore *store, gint64 employee_id, gint64 except_id,
                                    GError **error);
GArray *nv_absence_load_spell_ivs (NvStore *store, gint64 employee_id, gint64 except_id,
                                   GError **error);

/* Employee id → ref (g_free'd strings) of @unit_id's employees (every
 * unit's when 0). */
GHashTable *nv_employee_rows_refs (NvStore *store, gint64 unit_id, GError **error);
/* Every employee's id and unit, in table order. */
typedef void (*NvEmployeeRowFunc) (gint64 employee_id, gint64 unit_id, gpointer data);
gboolean nv_employee_rows_scan (NvStore *store, NvEmployeeRowFunc func, gpointer data,
                                GError **error);
/* *@unit_id: the employee's unit, 0 when there is no such employee. */
gboolean nv_employee_rows_unit_of (NvStore *store, gint64 employee_id, gint64 *unit_id,
                                   GError **error);

/* A roster row with the employee's ref (NOT_FOUND when gone). */
NvRosterRow *nv_roster_rows_get (NvStore *store, gint64 row_id, GError **error);
/* The employee's roster row in force on @day, or NULL (no error) when none. */
NvRosterRow *nv_roster_rows_in_force (NvStore *store, gint64 employee_id, NvDay day,
                                      GError **error);
/* Compact roster rows (id 0, no ref) to @func: @unit_id's ordered by
 * employee and start, or every unit's (0) in table order. */
typedef void (*NvRosterRowFunc) (const NvRosterRow *row, gpointer data);
gboolean nv_roster_rows_scan (NvStore *store, gint64 unit_id, NvRosterRowFunc func, gpointer data,
                              GError **error);
/* *@found: somebody in @unit_id is on the roster on a day of [@first, @last]. */
gboolean nv_roster_rows_any_in (NvStore *store, gint64 unit_id, NvDay first, NvDay last,
                                gboolean *found, GError **error);
gboolean nv_roster_rows_count_employee (NvStore *store, gint64 employee_id, guint *count,
                                        GError **error);

/* @unit_id's spells appended to @spells (NvSpell values, employee_ref
 * NULL) in no particular order; with @refs, each employee's ref is added to
 * it (gint64 id → string, both g_free'd). */
gboolean nv_spell_rows_collect_unit (NvStore *store, gint64 unit_id, GArray *spells,
                                     GHashTable *refs, GError **error);
/* Compact spells (id 0, no ref) to @func: @unit_id's ordered by employee
 * and start, or every unit's (0) in table order. */
typedef void (*NvSpellRowFunc) (const NvSpell *spell, gpointer data);
gboolean nv_spell_rows_scan (NvStore *store, gint64 unit_id, NvSpellRowFunc func, gpointer data,
                             GError **error);
gboolean nv_spell_rows_count_employee (NvStore *store, gint64 employee_id, guint *count,
                                       GError **error);

/* Monthly figures (rows whose period is not a month skipped) to @func:
 * @unit_id's by period, or every unit's (0) in table order. */
typedef void (*NvMonthlyRowFunc) (const NvMonthly *monthly, gpointer data);
gboolean nv_monthly_rows_scan (NvStore *store, gint64 unit_id, NvMonthlyRowFunc func,
                               gpointer data, GError **error);
gboolean nv_monthly_rows_exists (NvStore *store, gint64 unit_id, int year, int month,
                                 gboolean *found, GError **error);

/* Reads a day from a result column (the tables store days differently). */
typedef NvDay (*NvAbsenceDayColumn) (NvStmt *stmt, int column);

/* Runs @stmt (a "SELECT first_day, last_day … WHERE employee_id = ?1 AND
 * id <> ?2 ORDER BY first_day", from nv_store_prepare(); NULL passes its
 * error on) and collects the rows as intervals (element NvIv, an open end
 * as nv_iv_end() makes it), reading the days with @column_day. */
GArray *nv_absence_collect_ivs (NvStore *store, NvStmt *stmt, gint64 employee_id,
                                gint64 except_id, NvAbsenceDayColumn column_day, GError **error);

/* After a loop of nv_stmt_step() that ended with @rc: resets @stmt; TRUE
 * if all rows were read, else sets @error from the connection. */
gboolean nv_absence_rows_done (NvStore *store, NvStmt *stmt, int rc, GError **error);

/* Sets *@field (if @field) and the error; returns FALSE. */
gboolean nv_field_error (const char **field, const char *name, GError **error, int code,
                         const char *format, ...) G_GNUC_PRINTF (5, 6);

G_END_DECLS
