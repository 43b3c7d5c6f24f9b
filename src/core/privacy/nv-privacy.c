/* nv-privacy.c — retention, erasure and the right of access.
 *
 * Why plain text for the export: the person who asks for their data should
 * be able to read it without tools — open it in any editor, print it, or
 * attach it to an e-mail. It is UTF-8 with a heading per kind of data, dates
 * as YYYY-MM-DD, in the leader's language, and lists everything Nærvær stores
 * about the person: the reference, employment, every absence spell, and each
 * follow-up step with its date and the leader's note.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-privacy"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "nv-absence-private.h"
#include "nv-file-guard.h"
#include "nv-followup-private.h"
#include "nv-format.h"
#include "nv-privacy.h"
#include "nv-stats.h"
#include "nv-store-private.h"
#include "nv-unit.h"

void
nv_expired_case_free (NvExpiredCase *c)
{
  if (c == NULL)
    return;
  g_free (c->unit_name);
  g_free (c->employee_ref);
  g_free (c);
}

NvDay
nv_privacy_cutoff (NvDay today, int years)
{
  int y, m, d;

  nv_day_to_ymd (today, &y, &m, &d);
  y -= years;
  if (m == 2 && d == 29 && !g_date_is_leap_year ((GDateYear) y))
    d = 28;
  return nv_day_from_ymd (y, m, d);
}

static int
compare_expired (gconstpointer a, gconstpointer b)
{
  const NvExpiredCase *ca = *(NvExpiredCase *const *) a;
  const NvExpiredCase *cb = *(NvExpiredCase *const *) b;
  int by_unit = g_utf8_collate (ca->unit_name, cb->unit_name);

  if (by_unit != 0)
    return by_unit;
  if (ca->end != cb->end)
    return ca->end < cb->end ? -1 : 1;
  return g_utf8_collate (ca->employee_ref, cb->employee_ref);
}

GPtrArray *
nv_privacy_expired_cases (NvStore *store, int years, NvDay today, GError **error)
{
  g_autoptr (GPtrArray) units = NULL;
  g_autoptr (GPtrArray) out =
    g_ptr_array_new_with_free_func ((GDestroyNotify) nv_expired_case_free);
  NvDay cutoff;

  g_return_val_if_fail (years >= 1, NULL);
  if (today == NV_DAY_NONE)
    today = nv_store_today (store);
  cutoff = nv_privacy_cutoff (today, years);

  units = nv_unit_list (store, error);
  if (units == NULL)
    return NULL;
  for (guint i = 0; i < units->len; i++)
    {
      NvUnit *unit = g_ptr_array_index (units, i);
      g_autoptr (GPtrArray) cases = nv_cases_for_unit (store, unit->id, today, error);

      if (cases == NULL)
        return NULL;
      for (guint j = 0; j < cases->len; j++)
        {
          NvCase *c = g_ptr_array_index (cases, j);
          NvExpiredCase *e;

          if (c->open || c->end >= cutoff)
            continue;
          e = g_new0 (NvExpiredCase, 1);
          e->unit_id = unit->id;
          e->unit_name = g_strdup (unit->name);
          e->employee_id = c->employee_id;
          e->employee_ref = g_strdup (c->employee_ref != NULL ? c->employee_ref : "");
          e->start = c->start;
          e->end = c->end;
          e->n_spells = c->spells->len;
          g_ptr_array_add (out, e);
        }
    }
  g_ptr_array_sort (out, compare_expired);
  return g_steal_pointer (&out);
}

gboolean
nv_privacy_delete_expired (NvStore *store, int years, NvDay today, guint *n_cases,
                           guint *n_spells, GError **error)
{
  g_autoptr (GPtrArray) expired = NULL;
  NvStoreTxn *txn;
  guint spells = 0;

  txn = nv_store_txn_begin (store, NV_TOPIC_SPELLS | NV_TOPIC_FOLLOWUP, error);
  if (txn == NULL)
    return FALSE;
  /* Listed inside the transaction, so what is deleted is what was counted. */
  expired = nv_privacy_expired_cases (store, years, today, error);
  if (expired == NULL)
    goto fail;

  for (guint i = 0; i < expired->len; i++)
    {
      const NvExpiredCase *c = g_ptr_array_index (expired, i);
      char start[11];
      NvStmt *stmt;

      nv_day_format_iso_buf (c->start, start);

      /* Spells of one employee never overlap, and a case is a maximal chain
       * of adjacent spells, so the spells inside its span are its own. */
      stmt = nv_store_prepare (store,
                               "DELETE FROM spell WHERE employee_id = ?1 AND start_day >= ?2 "
                               "AND end_day IS NOT NULL AND end_day <= ?3",
                               error);
      if (stmt == NULL)
        goto fail;
      nv_stmt_bind_int64 (stmt, 1, c->employee_id);
      nv_spell_bind_day (stmt, 2, c->start);
      nv_spell_bind_day (stmt, 3, c->end);
      if (!nv_store_step_done (store, stmt, error))
        goto fail;
      spells += (guint) nv_store_changes (store);

      stmt = nv_store_prepare (store,
                               "DELETE FROM followup_done WHERE employee_id = ?1 AND case_start = ?2",
                               error);
      if (stmt == NULL)
        goto fail;
      nv_stmt_bind_int64 (stmt, 1, c->employee_id);
      nv_stmt_bind_text (stmt, 2, start);
      if (!nv_store_step_done (store, stmt, error))
        goto fail;
    }
  /* Records left behind when spells were edited after a step was recorded
   * (their case start no longer starts any spell) go too once that start is
   * older than the cutoff: nobody can see them, and they are health data. */
  {
    char cutoff[11];
    NvStmt *stmt = nv_store_prepare (store,
                                           "DELETE FROM followup_done WHERE case_start < ?1 "
                                           "AND NOT EXISTS (SELECT 1 FROM spell s "
                                           "WHERE s.employee_id = followup_done.employee_id "
                                           "AND s.start_date = followup_done.case_start)",
                                           error);
    if (stmt == NULL)
      goto fail;
    nv_stmt_bind_text (stmt, 1,
                       nv_day_format_iso_buf (nv_privacy_cutoff (today != NV_DAY_NONE
                                                                   ? today
                                                                   : nv_store_today (store),
                                                                 years),
                                              cutoff));
    if (!nv_store_step_done (store, stmt, error))
      goto fail;
  }
  if (!nv_store_txn_commit (txn, error))
    return FALSE;

  if (n_cases != NULL)
    *n_cases = expired->len;
  if (n_spells != NULL)
    *n_spells = spells;
  return TRUE;

fail:
  nv_store_txn_rollback (txn);
  return FALSE;
}

gboolean
nv_privacy_erase_employee (NvStore *store, gint64 employee_id, NvErasedCounts *counts,
                           GError **error)
{
  NvErasedCounts found = { 0 };
  NvStoreTxn *txn;
  NvStmt *stmt;

  txn = nv_store_txn_begin (store, NV_TOPIC_EMPLOYEES | NV_TOPIC_SPELLS | NV_TOPIC_FOLLOWUP,
                            error);
  if (txn == NULL)
    return FALSE;
  if (!nv_roster_rows_count_employee (store, employee_id, &found.n_roster, error) ||
      !nv_spell_rows_count_employee (store, employee_id, &found.n_spells, error) ||
      !nv_followup_rows_count_employee (store, employee_id, &found.n_records, error))
    goto fail;

  /* Roster, spells and follow-up records go by ON DELETE CASCADE. */
  stmt = nv_store_prepare (store, "DELETE FROM employee WHERE id = ?1", error);
  if (stmt == NULL)
    goto fail;
  nv_stmt_bind_int64 (stmt, 1, employee_id);
  if (!nv_store_step_done (store, stmt, error))
    goto fail;
  if (nv_store_changes (store) == 0)
    {
      g_set_error_literal (error, NV_STORE_ERROR, NV_STORE_ERROR_NOT_FOUND,
                           _("The employee no longer exists"));
      goto fail;
    }
  if (!nv_store_txn_commit (txn, error))
    return FALSE;

  if (counts != NULL)
    *counts = found;
  return TRUE;

fail:
  nv_store_txn_rollback (txn);
  return FALSE;
}

/* ---- Export ------------------------------------------------------------ */

static void
append_heading (GString *out, const char *heading)
{
  glong n = g_utf8_strlen (heading, -1);

  g_string_append_printf (out, "\n%s\n", heading);
  for (glong i = 0; i < n; i++)
    g_string_append (out, "=");
  g_string_append_c (out, '\n');
}

static const char *
iso_or (NvDay day, char *buf, const char *fallback)
{
  return day == NV_DAY_NONE ? fallback : nv_day_format_iso_buf (day, buf);
}

char *
nv_privacy_employee_text (NvStore *store, gint64 employee_id, NvDay as_of, GError **error)
{
  g_autoptr (NvEmployee) employee = NULL;
  g_autoptr (NvUnit) unit = NULL;
  g_autoptr (GPtrArray) roster = NULL;
  g_autoptr (GPtrArray) spells = NULL;
  g_autoptr (GPtrArray) milestones = NULL;
  g_autoptr (GString) out = g_string_new (NULL);
  char a[11], b[11];
  g_autoptr (GPtrArray) records = NULL;
  guint n_milestones = 0, n_other = 0;
  NvDay last_case = NV_DAY_NONE;

  if (as_of == NV_DAY_NONE)
    as_of = nv_store_today (store);
  employee = nv_employee_get (store, employee_id, error);
  if (employee == NULL)
    return NULL;
  unit = nv_unit_get (store, employee->unit_id, error);
  if (unit == NULL)
    return NULL;
  roster = nv_roster_list_employee (store, employee_id, error);
  if (roster == NULL)
    return NULL;
  spells = nv_spell_list_employee (store, employee_id, error);
  if (spells == NULL)
    return NULL;
  milestones = nv_followup_list (store, employee->unit_id, as_of, error);
  if (milestones == NULL)
    return NULL;

  g_string_append_printf (out, _("Nærvær — everything stored about %s"), employee->ref);
  g_string_append_c (out, '\n');
  g_string_append_printf (out, _("Written on %s under the right of access to one’s own personal data."),
                          nv_day_format_iso_buf (as_of, a));
  g_string_append_c (out, '\n');
  g_string_append_printf (out, "%s: %s\n", _("Unit"), unit->name);
  if (unit->municipality[0] != '\0')
    g_string_append_printf (out, "%s: %s\n", _("Municipality"), unit->municipality);
  g_string_append_printf (out, "%s: %s\n", _("Employee reference"), employee->ref);

  append_heading (out, _("Employment"));
  if (roster->len == 0)
    g_string_append_printf (out, "%s\n", _("None recorded."));
  for (guint i = 0; i < roster->len; i++)
    {
      const NvRosterRow *row = g_ptr_array_index (roster, i);
      g_autofree char *fte = nv_format_number (row->fte, 2);

      /* Translators: one employment row: from date, to date, position in percent */
      g_string_append_printf (out, _("%s to %s, position %s %%"), iso_or (row->from, a, ""),
                              iso_or (row->to, b, _("ongoing")), fte);
      g_string_append_c (out, '\n');
    }

  append_heading (out, _("Absence spells"));
  if (spells->len == 0)
    g_string_append_printf (out, "%s\n", _("None recorded."));
  for (guint i = 0; i < spells->len; i++)
    {
      const NvSpell *spell = g_ptr_array_index (spells, i);
      g_autofree char *grade = nv_format_number (spell->grade, 2);

      /* Translators: one absence spell: start, end, grade in percent, type */
      g_string_append_printf (out, _("%s to %s, %s %%, %s"), iso_or (spell->start, a, ""),
                              iso_or (spell->end, b, _("open")), grade,
                              nv_spell_type_label (spell->type));
      g_string_append_c (out, '\n');
    }

  append_heading (out, _("Follow-up of sick leave"));
  for (guint i = 0; i < milestones->len; i++)
    {
      const NvMilestone *m = g_ptr_array_index (milestones, i);

      if (m->employee_id != employee_id)
        continue;
      if (m->case_start != last_case)
        {
          g_string_append_printf (out, _("Case starting %s:"),
                                  nv_day_format_iso_buf (m->case_start, a));
          g_string_append_c (out, '\n');
          last_case = m->case_start;
        }
      n_milestones++;
      /* Translators: milestone title, due date, status */
      g_string_append_printf (out, _("  %s — due %s — %s"), nv_milestone_title (m->milestone),
                              nv_day_format_iso_buf (m->due, a),
                              nv_milestone_status_label (m->status));
      if (m->status == NV_MILESTONE_DONE)
        {
          g_string_append_printf (out, _(" on %s"), nv_day_format_iso_buf (m->done_on, b));
          if (m->note != NULL && m->note[0] != '\0')
            g_string_append_printf (out, _(", note: %s"), m->note);
        }
      g_string_append_c (out, '\n');
    }
  if (n_milestones == 0)
    g_string_append_printf (out, "%s\n", _("None recorded."));

  /* Records whose case no longer exists (spells edited afterwards) are still
   * stored about the person, so they are shown too. */
  records = nv_followup_records (store, employee->unit_id, error);
  if (records == NULL)
    return NULL;
  for (guint i = 0; i < records->len; i++)
    {
      const NvFollowupRecord *r = g_ptr_array_index (records, i);
      gboolean listed = FALSE;
      const char *title;

      if (r->employee_id != employee_id)
        continue;
      for (guint j = 0; j < milestones->len && !listed; j++)
        {
          const NvMilestone *m = g_ptr_array_index (milestones, j);
          listed = m->employee_id == employee_id && m->case_start == r->case_start &&
                   g_strcmp0 (m->milestone, r->milestone) == 0;
        }
      if (listed)
        continue;
      if (n_other++ == 0)
        append_heading (out, _("Other recorded follow-up steps"));
      title = nv_milestone_title (r->milestone);
      /* Translators: milestone, first day of a case that no longer exists, date done */
      g_string_append_printf (out, _("%s for a case starting %s, done %s"),
                              title != NULL ? title : r->milestone,
                              nv_day_format_iso_buf (r->case_start, a),
                              nv_day_format_iso_buf (r->done_on, b));
      if (r->note != NULL && r->note[0] != '\0')
        g_string_append_printf (out, _(", note: %s"), r->note);
      g_string_append_c (out, '\n');
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

gboolean
nv_privacy_export_employee (NvStore *store, gint64 employee_id, NvDay as_of, const char *path,
                            GError **error)
{
  g_autofree char *text = NULL;
  g_autoptr (GError) local = NULL;

  /* Never renamed over the open database (nv-file-guard.h). */
  if (!nv_file_guard_check_save (path, error) ||
      (text = nv_privacy_employee_text (store, employee_id, as_of, error)) == NULL)
    return FALSE;
  if (!g_file_set_contents_full (path, text, -1,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_ONLY_EXISTING,
                                 0600, &local))
    {
      g_set_error (error, NV_STORE_ERROR, NV_STORE_ERROR_IO, _("Cannot write “%s”: %s"), path,
                   local->message);
      return FALSE;
    }
  return TRUE;
}
