/* nv-absence.h — employees, roster, absence spells and HR monthly figures.
 *
 * Employees are pseudonymous references (initials, staff numbers) that are
 * unique per unit, case-insensitively. Never a national identity number:
 * an 11-digit reference is refused. Erasing an employee removes every trace
 * (roster, spells and whatever other tables refer to the employee) by
 * ON DELETE CASCADE.
 *
 * Every rule of DESIGN §4 is enforced here, so the UI and the importers
 * cannot store bad data:
 *   - roster: FTE 1–100 %, to ≥ from, rows of one employee do not overlap,
 *     and a change never leaves a spell outside the employment;
 *   - spells: end ≥ start, grade 20–100 %, egenmeldt only at 100 %, the
 *     employee is on the roster, the whole spell (an open one: from its start
 *     on, with no end of employment) lies inside the employment (the union of
 *     the employee's roster rows, without gaps), and spells of one employee
 *     do not overlap;
 *   - monthly figures: a valid YYYY-MM, contracted days more than 0, lost
 *     days 0 or more and not more than contracted days, persons a whole
 *     number, at least 1.
 *
 * Validation errors are NV_STORE_ERROR_INVALID (NOT_FOUND for a missing
 * employee or unit) with a plain-language message, and @field receives the
 * name of the wrong field as the English CSV column names it: "employee",
 * "fte", "from", "to", "start", "end", "grade", "type", "unit", "period",
 * "contracted_days", "lost_days_self", "lost_days_doctor", "persons". The
 * importer prints `spells.csv:14: grade: 150 is outside 20–100`; the UI
 * puts the message beside the field. @field may be NULL; it is set to NULL
 * for errors that are not about a field (SQL failures).
 *
 * Batches (imports): open a transaction with nv_store_txn_begin(), call the add
 * functions row by row — each one validates against the database INCLUDING
 * the rows already added in this transaction, so a batch is checked against
 * itself as well — and nv_store_txn_rollback() on the first error, or
 * nv_store_txn_commit() at the end. The functions that write several rows
 * (nv_roster_change_fte) run a transaction of their own, a savepoint inside
 * an open one. Writes name their topics (employees, spells, monthly); the
 * outermost commit announces them once (NvStore::changed), so no page
 * reloads rows that may still be rolled back.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "nv-calendar.h"
#include "nv-store.h"

G_BEGIN_DECLS

typedef enum
{
  NV_SPELL_SELF,   /* egenmeldt (self-certified), always grade 100 */
  NV_SPELL_DOCTOR, /* legemeldt (doctor-certified) */
} NvSpellType;

/* "egenmeldt" / "legemeldt" (the stored and exported form). */
const char *nv_spell_type_to_string (NvSpellType type);
/* Accepts egenmeldt|self|legemeldt|doctor, case-insensitive, trimmed. */
gboolean nv_spell_type_parse (const char *text, NvSpellType *type);
/* "Self-certified" / "Doctor-certified", translated. */
const char *nv_spell_type_label (NvSpellType type);

typedef struct
{
  gint64 id;
  gint64 unit_id;
  char *ref;
} NvEmployee;

typedef struct
{
  gint64 id;
  gint64 employee_id;
  char *employee_ref; /* filled by the list functions; may be NULL otherwise */
  double fte;         /* stillingsprosent, percent 1–100 */
  NvDay from;
  NvDay to; /* NV_DAY_NONE = ongoing */
} NvRosterRow;

typedef struct
{
  gint64 id;
  gint64 employee_id;
  char *employee_ref; /* filled by the list functions; may be NULL otherwise */
  NvDay start;
  NvDay end;    /* NV_DAY_NONE = open */
  double grade; /* sykmeldingsgrad, percent 20–100 */
  NvSpellType type;
} NvSpell;

typedef struct
{
  gint64 unit_id;
  int year;
  int month; /* 1–12 */
  double contracted_days;
  double lost_days_self;
  double lost_days_doctor;
  int persons;
} NvMonthly;

void nv_employee_free (NvEmployee *employee);
void nv_roster_row_free (NvRosterRow *row);
void nv_spell_free (NvSpell *spell);
void nv_monthly_free (NvMonthly *monthly);
NvRosterRow *nv_roster_row_copy (const NvRosterRow *row);
NvSpell *nv_spell_copy (const NvSpell *spell);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (NvEmployee, nv_employee_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (NvRosterRow, nv_roster_row_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (NvSpell, nv_spell_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (NvMonthly, nv_monthly_free)

/* ---- Field checks without the database (forms validate as you type) ---- */

/* Trims; refuses empty, longer than 40 characters, and 11-digit numbers
 * (national identity numbers must never be stored). field "employee". */
gboolean nv_employee_ref_check (const char *ref, const char **field, GError **error);
/* @ref trimmed and NFC-normalised: the form references are stored and
 * looked up in, so «é» typed two ways is one employee. */
char *nv_employee_ref_normalize (const char *ref);
/* Parses a date cell or form text (YYYY-MM-DD or DD.MM.YYYY). Empty text
 * gives NV_DAY_NONE when @allow_empty (an open end), else an error. The error
 * names @field_name: "“30.02.2025” is not a date (use YYYY-MM-DD or
 * DD.MM.YYYY)". */
gboolean nv_day_parse_field (const char *text, const char *field_name, gboolean allow_empty,
                             NvDay *day, const char **field, GError **error);
/* A percent cell ("50", "50,5", "50.5", "50 %"); empty gives @empty_value.
 * Errors name @field_name. Range checks are separate (below). */
gboolean nv_percent_parse_field (const char *text, const char *field_name, double empty_value,
                                 double *value, const char **field, GError **error);
/* field "fte": 1–100. */
gboolean nv_fte_check (double fte, const char **field, GError **error);
/* field "grade": 20–100, and egenmeldt only with grade 100. */
gboolean nv_grade_check (double grade, NvSpellType type, const char **field, GError **error);

/* ---- Employees --------------------------------------------------------- */

gint64 nv_employee_add (NvStore *store, gint64 unit_id, const char *ref, const char **field,
                        GError **error);
/* The employee with @ref in @unit_id (case-insensitive), or NULL with
 * NV_STORE_ERROR_NOT_FOUND ("… is not on the roster", field "employee"). */
NvEmployee *nv_employee_find (NvStore *store, gint64 unit_id, const char *ref,
                              const char **field, GError **error);
/* Finds @ref or adds it; returns the id, 0 on error. */
gint64 nv_employee_ensure (NvStore *store, gint64 unit_id, const char *ref, const char **field,
                           GError **error);
NvEmployee *nv_employee_get (NvStore *store, gint64 id, GError **error);
/* Sorted by ref; element type NvEmployee. */
GPtrArray *nv_employee_list (NvStore *store, gint64 unit_id, GError **error);
gboolean nv_employee_rename (NvStore *store, gint64 id, const char *ref, const char **field,
                             GError **error);
/* Deletes the employee and, by cascade, everything recorded about them. */
gboolean nv_employee_erase (NvStore *store, gint64 id, GError **error);

/* ---- Roster ------------------------------------------------------------ */

/* Checks @row (employee_id, fte, from, to) against the stored rows of the
 * employee, ignoring the row with id @row->id (0 for a new row). */
gboolean nv_roster_validate (NvStore *store, const NvRosterRow *row, const char **field,
                             GError **error);
gint64 nv_roster_add (NvStore *store, gint64 employee_id, double fte, NvDay from, NvDay to,
                      const char **field, GError **error);
gboolean nv_roster_update (NvStore *store, const NvRosterRow *row, const char **field,
                           GError **error);
/* Refused when it would leave a spell outside the employment. */
gboolean nv_roster_delete (NvStore *store, gint64 row_id, GError **error);
/* New FTE from @from on: the row in force on @from ends the day before and a
 * new row (same end) starts on @from. When the row starts on @from its FTE is
 * simply changed. Field "from" when no row is in force on @from. */
gboolean nv_roster_change_fte (NvStore *store, gint64 employee_id, NvDay from, double fte,
                               const char **field, GError **error);
/* The employment ends on @last_day: the row in force then gets that end and
 * later rows are refused (field "to") — delete them first. */
gboolean nv_roster_end_employment (NvStore *store, gint64 employee_id, NvDay last_day,
                                   const char **field, GError **error);
/* Rows of the unit sorted by employee ref, then from; element NvRosterRow. */
GPtrArray *nv_roster_list (NvStore *store, gint64 unit_id, GError **error);
GPtrArray *nv_roster_list_employee (NvStore *store, gint64 employee_id, GError **error);
/* FTE in force on @day, 0 when not employed then. */
double nv_roster_fte_on (NvStore *store, gint64 employee_id, NvDay day, GError **error);

/* ---- Spells ------------------------------------------------------------ */

/* Checks @spell against the employee's roster and other spells, ignoring the
 * spell with id @spell->id (0 for a new spell). */
gboolean nv_spell_validate (NvStore *store, const NvSpell *spell, const char **field,
                            GError **error);
gint64 nv_spell_add (NvStore *store, gint64 employee_id, NvDay start, NvDay end, double grade,
                     NvSpellType type, const char **field, GError **error);
gboolean nv_spell_update (NvStore *store, const NvSpell *spell, const char **field,
                          GError **error);
/* Closes an open spell on @end (field "end"). */
gboolean nv_spell_end (NvStore *store, gint64 spell_id, NvDay end, const char **field,
                       GError **error);
gboolean nv_spell_delete (NvStore *store, gint64 spell_id, GError **error);
NvSpell *nv_spell_get (NvStore *store, gint64 spell_id, GError **error);
/* Spells of the unit sorted by start, then employee ref; element NvSpell. */
GPtrArray *nv_spell_list (NvStore *store, gint64 unit_id, GError **error);
GPtrArray *nv_spell_list_employee (NvStore *store, gint64 employee_id, GError **error);
/* Spells without an end, sorted by start. */
GPtrArray *nv_spell_list_open (NvStore *store, gint64 unit_id, GError **error);

/* ---- HR monthly figures ------------------------------------------------- */

/* Checks the values and that the unit exists (fields as above). */
gboolean nv_monthly_validate (NvStore *store, const NvMonthly *monthly, const char **field,
                              GError **error);
/* Sets @replaces to whether figures for this month would replace figures
 * computed from the unit's roster and spells (the unit has people on its
 * roster that month and no HR figures for it yet). */
gboolean nv_monthly_replaces_computed (NvStore *store, gint64 unit_id, int year, int month,
                                       gboolean *replaces, GError **error);
/* Inserts or replaces the figures for (unit, month). */
gboolean nv_monthly_upsert (NvStore *store, const NvMonthly *monthly, const char **field,
                            GError **error);
gboolean nv_monthly_delete (NvStore *store, gint64 unit_id, int year, int month, GError **error);
/* Sorted by period; element NvMonthly. */
GPtrArray *nv_monthly_list (NvStore *store, gint64 unit_id, GError **error);

/* ---- Batches (imports) ---------------------------------------------------
 *
 * Fast row-by-row checking and writing for an import into one unit: the
 * unit's employees, roster and spells are loaded once, each added row is
 * checked in memory against the database AND the rows added before it, then
 * inserted at once. Call inside a transaction (nv_store_txn_begin()); on
 * the first error stop, roll it back and free the batch. The same
 * rules as the single-row functions apply; refs are matched
 * case-insensitively. Roster rows create their employee when it is new. */

typedef struct _NvAbsenceBatch NvAbsenceBatch;

NvAbsenceBatch *nv_absence_batch_new (NvStore *store, gint64 unit_id, GError **error);
gboolean nv_absence_batch_add_roster (NvAbsenceBatch *batch, const char *ref, double fte,
                                      NvDay from, NvDay to, const char **field, GError **error);
gboolean nv_absence_batch_add_spell (NvAbsenceBatch *batch, const char *ref, NvDay start,
                                     NvDay end, double grade, NvSpellType type,
                                     const char **field, GError **error);
/* Deferred: checked spells are written in groups (much faster for large
 * imports); the caller must call nv_absence_batch_flush() before it commits.
 * Rows that fail a check are refused at once either way. */
void nv_absence_batch_set_deferred (NvAbsenceBatch *batch, gboolean deferred);
/* Late checks (imports; deferred batches only): a spell's employment and
 * overlap checks wait with it and run when its group is written, in
 * employee order — a file sorted by date touches each employee's rows once
 * per group instead of once per row. Rows are then reported as row-by-row
 * checking would have reported them (the first failing row in file order,
 * same field and message), but by a later call: _add_spell_at(),
 * _check() or _flush() fail with the error of an earlier row, and
 * nv_absence_batch_get_problem_line() says which (the @line it was added
 * with; 0 when the error is about the row just added, or the database). */
void nv_absence_batch_set_late_checks (NvAbsenceBatch *batch, gboolean late);
gboolean nv_absence_batch_add_spell_at (NvAbsenceBatch *batch, guint line, const char *ref,
                                        NvDay start, NvDay end, double grade, NvSpellType type,
                                        const char **field, GError **error);
guint nv_absence_batch_get_problem_line (NvAbsenceBatch *batch);
/* Checks and writes the spells still waiting; on failure roll back. */
gboolean nv_absence_batch_check (NvAbsenceBatch *batch, const char **field, GError **error);
/* Checks and writes the spells still waiting and ends the bulk load; on
 * failure roll back. */
gboolean nv_absence_batch_flush (NvAbsenceBatch *batch, const char **field, GError **error);
/* Rows checked and written (or waiting to be) so far. */
guint nv_absence_batch_get_n_written (NvAbsenceBatch *batch);
/* Emits NvStore::changed ("absence") when rows were written. */
void nv_absence_batch_free (NvAbsenceBatch *batch);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (NvAbsenceBatch, nv_absence_batch_free)

G_END_DECLS
