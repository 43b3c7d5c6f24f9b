/* nv-followup.c — follow-up milestones from the store: cases of a unit with
 * their milestones, what needs attention, and recording a milestone done.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-followup"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "nv-absence.h"
#include "nv-followup-private.h"
#include "nv-store-private.h"
#include "nv-unit-private.h"

#define NOTE_MAX_CHARS 500

gboolean
nv_followup_rows_count_employee (NvStore *store, gint64 employee_id, guint *count, GError **error)
{
  return nv_store_count (store, "SELECT count(*) FROM followup_done WHERE employee_id = ?1",
                         employee_id, count, error);
}

GPtrArray *
nv_followup_records (NvStore *store, gint64 unit_id, GError **error)
{
  g_autoptr (GPtrArray) records =
    g_ptr_array_new_with_free_func ((GDestroyNotify) nv_followup_record_free);
  NvStmt *stmt;
  int rc;

  stmt = nv_store_prepare (store,
                           "SELECT f.employee_id, f.case_start, f.milestone, f.done_on, f.note "
                           "FROM followup_done f JOIN employee e ON e.id = f.employee_id "
                           "WHERE ?1 = 0 OR e.unit_id = ?1",
                           error);
  if (stmt == NULL)
    return NULL;
  nv_stmt_bind_int64 (stmt, 1, unit_id);
  while ((rc = nv_stmt_step (stmt)) == NV_ROW)
    {
      NvFollowupRecord *r = g_new0 (NvFollowupRecord, 1);

      r->employee_id = nv_stmt_column_int64 (stmt, 0);
      r->case_start = nv_day_parse_iso (nv_stmt_column_text (stmt, 1));
      r->milestone = nv_stmt_dup_text (stmt, 2);
      r->done_on = nv_day_parse_iso (nv_stmt_column_text (stmt, 3));
      r->note = nv_stmt_dup_text (stmt, 4);
      g_ptr_array_add (records, r);
    }
  nv_stmt_reset (stmt);
  if (rc != NV_DONE)
    {
      nv_store_set_sql_error (store, error);
      return NULL;
    }
  return g_steal_pointer (&records);
}

/* Orders the unit's employees by ref once (collation is slow), so cases and
 * milestones sort by a number. Returns employee id → rank (1, 2, …). */
static GHashTable *
rank_refs (const GPtrArray *cases)
{
  g_autoptr (GHashTable) keys = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, g_free);
  g_autoptr (GPtrArray) order = g_ptr_array_new ();
  GHashTable *ranks = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, NULL);

  for (guint i = 0; i < cases->len; i++)
    {
      NvCase *c = g_ptr_array_index (cases, i);
      if (g_hash_table_contains (keys, &c->employee_id))
        continue;
      g_hash_table_insert (keys, &c->employee_id,
                           g_utf8_collate_key (c->employee_ref != NULL ? c->employee_ref : "", -1));
      g_ptr_array_add (order, c);
    }
  for (guint i = 1; i < order->len; i++)
    {
      /* Insertion sort by collation key, then id: few employees. */
      NvCase *c = g_ptr_array_index (order, i);
      const char *key = g_hash_table_lookup (keys, &c->employee_id);
      guint j = i;

      while (j > 0)
        {
          NvCase *p = g_ptr_array_index (order, j - 1);
          int by = strcmp (g_hash_table_lookup (keys, &p->employee_id), key);
          if (by < 0 || (by == 0 && p->employee_id < c->employee_id))
            break;
          order->pdata[j] = p;
          j--;
        }
      order->pdata[j] = c;
    }
  for (guint i = 0; i < order->len; i++)
    {
      NvCase *c = g_ptr_array_index (order, i);
      g_hash_table_insert (ranks, &c->employee_id, GUINT_TO_POINTER (i + 1));
    }
  return ranks;
}

typedef struct
{
  NvCase *c;
  guint rank;
} RankedCase;

static int
compare_ranked (gconstpointer a, gconstpointer b)
{
  const RankedCase *x = a, *y = b;

  if (x->c->start != y->c->start)
    return x->c->start < y->c->start ? -1 : 1;
  return x->rank < y->rank ? -1 : x->rank > y->rank;
}

/* The milestones of @unit_id as of @as_of, as the CLI lists them: by case
 * start, employee ref, due date (a case's rules come by offset). */
GPtrArray *
nv_followup_list (NvStore *store, gint64 unit_id, NvDay as_of, GError **error)
{
  return nv_followup_list_with_cases (store, unit_id, as_of, NULL, error);
}

GPtrArray *
nv_followup_list_with_cases (NvStore *store, gint64 unit_id, NvDay as_of, GPtrArray **cases_out,
                             GError **error)
{
  g_autoptr (GPtrArray) cases = NULL;
  g_autoptr (GPtrArray) records = NULL;
  g_autoptr (GHashTable) index = NULL;
  g_autoptr (GHashTable) ranks = NULL;
  g_autoptr (GArray) ranked = g_array_new (FALSE, FALSE, sizeof (RankedCase));
  NvFollowupRules *rules = nv_followup_rules_default ();
  NvDay tracked_from = NV_DAY_NONE;
  GPtrArray *out;

  if (as_of == NV_DAY_NONE)
    as_of = nv_store_today (store);
  if (!nv_followup_get_tracked_from (store, unit_id, &tracked_from, error))
    return NULL;
  cases = nv_followup_cases_for_unit (store, unit_id, as_of, error);
  if (cases == NULL)
    return NULL;
  records = nv_followup_records (store, unit_id, error);
  if (records == NULL)
    return NULL;
  index = nv_followup_record_index_new (records);
  ranks = rank_refs (cases);

  for (guint i = 0; i < cases->len; i++)
    {
      RankedCase rc = { g_ptr_array_index (cases, i), 0 };
      if (!rc.c->has_doctor)
        continue;
      rc.rank = GPOINTER_TO_UINT (g_hash_table_lookup (ranks, &rc.c->employee_id));
      g_array_append_val (ranked, rc);
    }
  g_array_sort (ranked, compare_ranked);

  out = g_ptr_array_new_full (ranked->len * 3, (GDestroyNotify) nv_milestone_free);
  for (guint i = 0; i < ranked->len; i++)
    {
      const RankedCase *rc = &g_array_index (ranked, RankedCase, i);
      nv_followup_append_for_case (rules, rc->c, index, as_of, tracked_from, rc->rank, out);
    }
  if (cases_out != NULL)
    *cases_out = g_steal_pointer (&cases);
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
    as_of = nv_store_today (store);
  all = list_units (store, unit_id, as_of, error);
  if (all == NULL)
    return NULL;
  return nv_followup_select_upcoming (all, as_of, days);
}

gboolean
nv_followup_count (NvStore *store, gint64 unit_id, NvDay as_of, int days, guint *n_overdue,
                   guint *n_due_soon, GError **error)
{
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GPtrArray) per_unit = NULL;
  g_autoptr (GPtrArray) records = NULL;
  g_autoptr (GHashTable) index = NULL;
  NvFollowupRules *rules = nv_followup_rules_default ();
  guint overdue = 0, soon = 0;

  if (as_of == NV_DAY_NONE)
    as_of = nv_store_today (store);
  if (unit_id != 0)
    g_array_append_val (ids, unit_id);
  else if (!nv_unit_rows_ids (store, ids, error))
    return FALSE;
  /* Every unit's spells in one pass, and no milestone built: this runs for
   * the badge on each unit switch and for the reminder at start-up. */
  per_unit = nv_followup_cases_for_units (store, (gint64 *) (void *) ids->data, ids->len, as_of,
                                          FALSE, error);
  if (per_unit == NULL)
    return FALSE;
  records = nv_followup_records (store, unit_id, error);
  if (records == NULL)
    return FALSE;
  index = nv_followup_record_index_new (records);
  for (guint u = 0; u < ids->len; u++)
    {
      GPtrArray *cases = g_ptr_array_index (per_unit, u);
      NvDay tracked_from = NV_DAY_NONE;

      if (!nv_followup_get_tracked_from (store, g_array_index (ids, gint64, u), &tracked_from,
                                         error))
        return FALSE;
      for (guint i = 0; i < cases->len; i++)
        nv_followup_count_case (rules, g_ptr_array_index (cases, i), index, as_of, tracked_from,
                                days, &overdue, &soon);
    }
  if (n_overdue != NULL)
    *n_overdue = overdue;
  if (n_due_soon != NULL)
    *n_due_soon = soon;
  return TRUE;
}

/* ---- Tracked from ------------------------------------------------------ */

gboolean
nv_followup_get_tracked_from (NvStore *store, gint64 unit_id, NvDay *day, GError **error)
{
  NvStmt *stmt;
  int rc;

  *day = NV_DAY_NONE;
  stmt = nv_store_prepare (store, "SELECT tracked_from FROM unit_followup WHERE unit_id = ?1",
                           error);
  if (stmt == NULL)
    return FALSE;
  nv_stmt_bind_int64 (stmt, 1, unit_id);
  rc = nv_stmt_step (stmt);
  if (rc == NV_ROW)
    *day = nv_day_parse_iso (nv_stmt_column_text (stmt, 0));
  nv_stmt_reset (stmt);
  if (rc != NV_ROW && rc != NV_DONE)
    {
      nv_store_set_sql_error (store, error);
      return FALSE;
    }
  return TRUE;
}

static gboolean
store_tracked_from (NvStore *store, gint64 unit_id, NvDay day, const char *set_by, GError **error)
{
  char text[11];
  NvStmt *stmt;

  if (day == NV_DAY_NONE)
    {
      stmt = nv_store_prepare (store, "DELETE FROM unit_followup WHERE unit_id = ?1", error);
      if (stmt == NULL)
        return FALSE;
      nv_stmt_bind_int64 (stmt, 1, unit_id);
      return nv_store_write (store, stmt, NV_TOPIC_FOLLOWUP, error);
    }
  stmt = nv_store_prepare (store,
                           "INSERT INTO unit_followup (unit_id, tracked_from, set_by) "
                           "VALUES (?1, ?2, ?3) ON CONFLICT (unit_id) DO UPDATE SET "
                           "tracked_from = excluded.tracked_from, set_by = excluded.set_by",
                           error);
  if (stmt == NULL)
    return FALSE;
  nv_stmt_bind_int64 (stmt, 1, unit_id);
  nv_stmt_bind_text (stmt, 2, nv_day_format_iso_buf (day, text));
  nv_stmt_bind_text (stmt, 3, set_by);
  return nv_store_write (store, stmt, NV_TOPIC_FOLLOWUP, error);
}

gboolean
nv_followup_set_tracked_from (NvStore *store, gint64 unit_id, NvDay day, GError **error)
{
  g_autoptr (NvUnit) unit = NULL;

  g_return_val_if_fail (NV_IS_STORE (store), FALSE);

  unit = nv_unit_get (store, unit_id, error);
  if (unit == NULL)
    return FALSE;
  if (day != NV_DAY_NONE && day > nv_store_today (store))
    {
      g_set_error_literal (error, NV_STORE_ERROR, NV_STORE_ERROR_INVALID,
                           _("Follow-up tracked from: the date lies in the future"));
      return FALSE;
    }
  return store_tracked_from (store, unit_id, day, "user", error);
}

gboolean
nv_followup_tracked_from_set_default (NvStore *store, gint64 unit_id, NvDay day, GError **error)
{
  NvDay current = NV_DAY_NONE;

  if (!nv_followup_get_tracked_from (store, unit_id, &current, error))
    return FALSE;
  if (current != NV_DAY_NONE)
    return TRUE;
  /* Inside the import's transaction, which announces it. */
  return store_tracked_from (store, unit_id, day, "import", error);
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
  NvStmt *stmt;

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
  if (done_on > nv_store_today (store))
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
                           "INSERT INTO followup_done "
                           "(employee_id, case_start, milestone, done_on, note) "
                           "VALUES (?1, ?2, ?3, ?4, ?5) "
                           "ON CONFLICT (employee_id, case_start, milestone) DO UPDATE SET "
                           "done_on = excluded.done_on, note = excluded.note",
                           error);
  if (stmt == NULL)
    return FALSE;
  nv_stmt_bind_int64 (stmt, 1, employee_id);
  nv_stmt_bind_text (stmt, 2, nv_day_format_iso_buf (case_start, start_text));
  nv_stmt_bind_text (stmt, 3, milestone);
  nv_stmt_bind_text (stmt, 4, nv_day_format_iso_buf (done_on, done_text));
  nv_stmt_bind_text (stmt, 5, trimmed);
  if (!nv_store_write (store, stmt, NV_TOPIC_FOLLOWUP, error))
    return FALSE;
  return TRUE;
}

gboolean
nv_followup_undo (NvStore *store, gint64 employee_id, NvDay case_start, const char *milestone,
                  GError **error)
{
  char start_text[11];
  NvStmt *stmt;

  stmt = nv_store_prepare (store,
                           "DELETE FROM followup_done "
                           "WHERE employee_id = ?1 AND case_start = ?2 AND milestone = ?3",
                           error);
  if (stmt == NULL)
    return FALSE;
  nv_stmt_bind_int64 (stmt, 1, employee_id);
  nv_stmt_bind_text (stmt, 2, nv_day_format_iso_buf (case_start, start_text));
  nv_stmt_bind_text (stmt, 3, milestone);
  if (!nv_store_write (store, stmt, NV_TOPIC_FOLLOWUP, error))
    return FALSE;
  if (nv_store_changes (store) == 0)
    {
      g_set_error_literal (error, NV_STORE_ERROR, NV_STORE_ERROR_NOT_FOUND,
                           _("This step was not recorded as done"));
      return FALSE;
    }
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
      NvStmt *stmt;

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
                               "INSERT INTO followup_done "
                               "(employee_id, case_start, milestone, done_on, note) "
                               "VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT DO NOTHING",
                               error);
      if (stmt == NULL)
        return FALSE;
      nv_stmt_bind_int64 (stmt, 1, m->employee_id);
      nv_stmt_bind_text (stmt, 2, nv_day_format_iso_buf (m->case_start, start_text));
      nv_stmt_bind_text (stmt, 3, m->milestone);
      nv_stmt_bind_text (stmt, 4, nv_day_format_iso_buf (done_on, done_text));
      nv_stmt_bind_text (stmt, 5, hash % 3 == 0 ? demo_note (m->milestone, hash / 3) : "");
      if (!nv_store_write (store, stmt, NV_TOPIC_FOLLOWUP, error))
        return FALSE;
    }
  return TRUE;
}
