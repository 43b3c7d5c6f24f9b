/* nv-followup.c — follow-up milestones from the store: cases of a unit with
 * their milestones, what needs attention, and recording a milestone done.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-followup"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "nv-absence.h"
#include "nv-followup.h"
#include "nv-store-private.h"
#include "nv-unit.h"

#define NOTE_MAX_CHARS 500

GPtrArray *
nv_followup_records (NvStore *store, gint64 unit_id, GError **error)
{
  g_autoptr (GPtrArray) records =
    g_ptr_array_new_with_free_func ((GDestroyNotify) nv_followup_record_free);
  sqlite3_stmt *stmt;
  int rc;

  stmt = nv_store_prepare (store,
                           "SELECT f.employee_id, f.case_start, f.milestone, f.done_on, f.note "
                           "FROM followup_done f JOIN employee e ON e.id = f.employee_id "
                           "WHERE ?1 = 0 OR e.unit_id = ?1",
                           error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, unit_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      NvFollowupRecord *r = g_new0 (NvFollowupRecord, 1);

      r->employee_id = sqlite3_column_int64 (stmt, 0);
      r->case_start = nv_day_parse_iso ((const char *) sqlite3_column_text (stmt, 1));
      r->milestone = nv_stmt_dup_text (stmt, 2);
      r->done_on = nv_day_parse_iso ((const char *) sqlite3_column_text (stmt, 3));
      r->note = nv_stmt_dup_text (stmt, 4);
      g_ptr_array_add (records, r);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      nv_store_set_sql_error (store, error);
      return NULL;
    }
  return g_steal_pointer (&records);
}

static int
compare_listed (gconstpointer a, gconstpointer b)
{
  const NvMilestone *ma = *(NvMilestone *const *) a;
  const NvMilestone *mb = *(NvMilestone *const *) b;
  int by_ref;

  if (ma->case_start != mb->case_start)
    return ma->case_start < mb->case_start ? -1 : 1;
  by_ref = g_utf8_collate (ma->employee_ref != NULL ? ma->employee_ref : "",
                           mb->employee_ref != NULL ? mb->employee_ref : "");
  if (by_ref != 0)
    return by_ref;
  if (ma->employee_id != mb->employee_id)
    return ma->employee_id < mb->employee_id ? -1 : 1;
  if (ma->due != mb->due)
    return ma->due < mb->due ? -1 : 1;
  return g_strcmp0 (ma->milestone, mb->milestone);
}

GPtrArray *
nv_followup_list (NvStore *store, gint64 unit_id, NvDay as_of, GError **error)
{
  g_autoptr (GPtrArray) cases = NULL;
  g_autoptr (GPtrArray) records = NULL;
  GPtrArray *out;
  NvFollowupRules *rules = nv_followup_rules_default ();

  if (as_of == NV_DAY_NONE)
    as_of = nv_day_today ();
  cases = nv_cases_for_unit (store, unit_id, as_of, error);
  if (cases == NULL)
    return NULL;
  records = nv_followup_records (store, unit_id, error);
  if (records == NULL)
    return NULL;

  out = g_ptr_array_new_with_free_func ((GDestroyNotify) nv_milestone_free);
  for (guint i = 0; i < cases->len; i++)
    {
      g_autoptr (GPtrArray) milestones =
        nv_followup_for_case (rules, g_ptr_array_index (cases, i), records, as_of);

      for (guint j = 0; j < milestones->len; j++)
        g_ptr_array_add (out, g_ptr_array_steal_index_fast (milestones, j--));
    }
  g_ptr_array_sort (out, compare_listed);
  return out;
}

/* The milestones of one unit, or of every unit for @unit_id 0. */
static GPtrArray *
list_units (NvStore *store, gint64 unit_id, NvDay as_of, GError **error)
{
  g_autoptr (GPtrArray) units = NULL;
  GPtrArray *all;

  if (unit_id != 0)
    return nv_followup_list (store, unit_id, as_of, error);

  units = nv_unit_list (store, error);
  if (units == NULL)
    return NULL;
  all = g_ptr_array_new_with_free_func ((GDestroyNotify) nv_milestone_free);
  for (guint i = 0; i < units->len; i++)
    {
      NvUnit *unit = g_ptr_array_index (units, i);
      g_autoptr (GPtrArray) some = nv_followup_list (store, unit->id, as_of, error);

      if (some == NULL)
        {
          g_ptr_array_unref (all);
          return NULL;
        }
      for (guint j = 0; j < some->len; j++)
        g_ptr_array_add (all, g_ptr_array_steal_index_fast (some, j--));
    }
  return all;
}

GPtrArray *
nv_followup_upcoming (NvStore *store, gint64 unit_id, NvDay as_of, int days, GError **error)
{
  g_autoptr (GPtrArray) all = NULL;

  if (as_of == NV_DAY_NONE)
    as_of = nv_day_today ();
  all = list_units (store, unit_id, as_of, error);
  if (all == NULL)
    return NULL;
  return nv_followup_select_upcoming (all, as_of, days);
}

gboolean
nv_followup_count (NvStore *store, gint64 unit_id, NvDay as_of, int days, guint *n_overdue,
                   guint *n_due_soon, GError **error)
{
  g_autoptr (GPtrArray) upcoming = NULL;
  guint overdue = 0, soon = 0;

  upcoming = nv_followup_upcoming (store, unit_id, as_of, days, error);
  if (upcoming == NULL)
    return FALSE;
  for (guint i = 0; i < upcoming->len; i++)
    {
      const NvMilestone *m = g_ptr_array_index (upcoming, i);
      if (m->status == NV_MILESTONE_OVERDUE)
        overdue++;
      else if (m->status == NV_MILESTONE_DUE)
        soon++;
    }
  if (n_overdue != NULL)
    *n_overdue = overdue;
  if (n_due_soon != NULL)
    *n_due_soon = soon;
  return TRUE;
}

/* Checks that the employee has a case starting on @case_start for which
 * @milestone is listed. */
static gboolean
check_case (NvStore *store, gint64 employee_id, NvDay case_start, const char *milestone,
            GError **error)
{
  g_autoptr (NvEmployee) employee = NULL;
  g_autoptr (GPtrArray) list = NULL;
  char day[11];

  employee = nv_employee_get (store, employee_id, error);
  if (employee == NULL)
    return FALSE;
  list = nv_followup_list (store, employee->unit_id, NV_DAY_NONE, error);
  if (list == NULL)
    return FALSE;
  for (guint i = 0; i < list->len; i++)
    {
      const NvMilestone *m = g_ptr_array_index (list, i);
      if (m->employee_id == employee_id && m->case_start == case_start &&
          g_strcmp0 (m->milestone, milestone) == 0)
        return TRUE;
    }
  g_set_error (error, NV_STORE_ERROR, NV_STORE_ERROR_NOT_FOUND,
               _("%s has no sick-leave case starting on %s that needs “%s”"), employee->ref,
               nv_day_format_iso_buf (case_start, day), nv_milestone_title (milestone));
  return FALSE;
}

gboolean
nv_followup_mark_done (NvStore *store, gint64 employee_id, NvDay case_start,
                       const char *milestone, NvDay done_on, const char *note, GError **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (note != NULL ? note : ""));
  char start_text[11], done_text[11];
  sqlite3_stmt *stmt;

  g_return_val_if_fail (NV_IS_STORE (store), FALSE);

  if (nv_milestone_title (milestone) == NULL)
    {
      g_set_error (error, NV_STORE_ERROR, NV_STORE_ERROR_INVALID, _("Unknown milestone “%s”"),
                   milestone != NULL ? milestone : "");
      return FALSE;
    }
  if (done_on == NV_DAY_NONE)
    {
      g_set_error_literal (error, NV_STORE_ERROR, NV_STORE_ERROR_INVALID,
                           _("Give the date the step was done"));
      return FALSE;
    }
  if (done_on < case_start)
    {
      g_set_error (error, NV_STORE_ERROR, NV_STORE_ERROR_INVALID,
                   _("The date lies before the case started (%s)"),
                   nv_day_format_iso_buf (case_start, start_text));
      return FALSE;
    }
  if (done_on > nv_day_today ())
    {
      g_set_error_literal (error, NV_STORE_ERROR, NV_STORE_ERROR_INVALID,
                           _("The date lies in the future; record a step when it has been done"));
      return FALSE;
    }
  if (!g_utf8_validate (trimmed, -1, NULL) || g_utf8_strlen (trimmed, -1) > NOTE_MAX_CHARS)
    {
      g_set_error (error, NV_STORE_ERROR, NV_STORE_ERROR_INVALID,
                   _("The note is too long (at most %d characters)"), NOTE_MAX_CHARS);
      return FALSE;
    }
  if (!check_case (store, employee_id, case_start, milestone, error))
    return FALSE;

  stmt = nv_store_prepare (store,
                           "INSERT OR REPLACE INTO followup_done "
                           "(employee_id, case_start, milestone, done_on, note) "
                           "VALUES (?1, ?2, ?3, ?4, ?5)",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, employee_id);
  nv_stmt_bind_text (stmt, 2, nv_day_format_iso_buf (case_start, start_text));
  nv_stmt_bind_text (stmt, 3, milestone);
  nv_stmt_bind_text (stmt, 4, nv_day_format_iso_buf (done_on, done_text));
  nv_stmt_bind_text (stmt, 5, trimmed);
  if (!nv_store_step_done (store, stmt, error))
    return FALSE;
  nv_store_emit_changed (store, "followup");
  return TRUE;
}

gboolean
nv_followup_undo (NvStore *store, gint64 employee_id, NvDay case_start, const char *milestone,
                  GError **error)
{
  char start_text[11];
  sqlite3_stmt *stmt;

  stmt = nv_store_prepare (store,
                           "DELETE FROM followup_done "
                           "WHERE employee_id = ?1 AND case_start = ?2 AND milestone = ?3",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, employee_id);
  nv_stmt_bind_text (stmt, 2, nv_day_format_iso_buf (case_start, start_text));
  nv_stmt_bind_text (stmt, 3, milestone);
  if (!nv_store_step_done (store, stmt, error))
    return FALSE;
  if (sqlite3_changes (nv_store_get_db (store)) == 0)
    {
      g_set_error_literal (error, NV_STORE_ERROR, NV_STORE_ERROR_NOT_FOUND,
                           _("This step was not recorded as done"));
      return FALSE;
    }
  nv_store_emit_changed (store, "followup");
  return TRUE;
}

/* ---- Demo -------------------------------------------------------------- */

static const char *
demo_note (const char *milestone, guint pick)
{
  static const struct
  {
    const char *id;
    const char *note;
  } notes[] = {
    { "followup-plan", N_("Plan made together and sent to the GP") },
    { "followup-plan", N_("Lighter tasks agreed for four weeks") },
    { "dialogue-meeting-1", N_("Meeting held; the union representative took part") },
    { "dialogue-meeting-1", N_("Meeting held; plan updated") },
    { "activity-requirement", N_("Back on reduced hours") },
    { "dialogue-meeting-2", N_("NAV meeting held; work trial agreed") },
  };

  for (guint i = 0, seen = 0; i < G_N_ELEMENTS (notes); i++)
    if (g_strcmp0 (notes[i].id, milestone) == 0 && seen++ == pick % 2)
      return _(notes[i].note);
  return "";
}

gboolean
nv_followup_demo_fill (NvStore *store, gint64 unit_id, guint variant, NvDay today, GError **error)
{
  g_autoptr (GPtrArray) list = nv_followup_list (store, unit_id, today, error);

  if (list == NULL)
    return FALSE;
  for (guint i = 0; i < list->len; i++)
    {
      const NvMilestone *m = g_ptr_array_index (list, i);
      guint hash = (guint) (m->employee_id * 2654435761u + m->case_start * 40503u + variant * 97u +
                            (guint) m->offset_days);
      guint case_hash = (guint) (m->employee_id * 7u + m->case_start + variant);
      gboolean current = nv_milestone_case_is_current (m, today);
      char start_text[11], done_text[11];
      NvDay done_on;
      sqlite3_stmt *stmt;

      if (m->status == NV_MILESTONE_DONE || m->status == NV_MILESTONE_OPTIONAL)
        continue;
      /* Not yet due, or due just now: nothing to record. */
      if (m->due + 2 >= today)
        continue;
      /* A leader who is a little behind: in about half of the current cases
       * the latest step that fell due (within the last six weeks) is open. */
      if (current && m->due + 42 >= today && case_hash % 2 == 0)
        {
          const NvMilestone *next = i + 1 < list->len ? g_ptr_array_index (list, i + 1) : NULL;
          gboolean latest = next == NULL || next->employee_id != m->employee_id ||
                            next->case_start != m->case_start || next->due + 2 >= today;
          if (latest)
            continue;
        }

      done_on = m->due > hash % 5 ? m->due - hash % 5 : m->due;
      done_on = CLAMP (done_on, m->case_start, today);
      stmt = nv_store_prepare (store,
                               "INSERT OR IGNORE INTO followup_done "
                               "(employee_id, case_start, milestone, done_on, note) "
                               "VALUES (?1, ?2, ?3, ?4, ?5)",
                               error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, m->employee_id);
      nv_stmt_bind_text (stmt, 2, nv_day_format_iso_buf (m->case_start, start_text));
      nv_stmt_bind_text (stmt, 3, m->milestone);
      nv_stmt_bind_text (stmt, 4, nv_day_format_iso_buf (done_on, done_text));
      nv_stmt_bind_text (stmt, 5, hash % 3 == 0 ? demo_note (m->milestone, hash / 3) : "");
      if (!nv_store_step_done (store, stmt, error))
        return FALSE;
    }
  return TRUE;
}
