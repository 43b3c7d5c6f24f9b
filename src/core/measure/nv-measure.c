/* nv-measure.c — measures («tiltak»): storage, status rules, listing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-measure"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "nv-measure.h"
#include "nv-measure-private.h"
#include "nv-store-private.h"
#include "nv-workshop-private.h"

#define TITLE_MAX 120
#define DESCRIPTION_MAX 4000
#define OWNER_MAX 80
#define NOTE_MAX 2000

static const char *const status_ids[] = { "planned", "in-progress", "done", "discontinued" };

static const char *const theme_ids[] = {
  "leadership",        "mastery-climate",    "open-talk",  "presence-expectations",
  "absent-follow-up",  "work-organisation",  "competence-quality", "initiative",
  "other",             NULL,
};

/* ---- Status ------------------------------------------------------------ */

const char *
nv_measure_status_id (NvMeasureStatus status)
{
  g_return_val_if_fail ((guint) status < NV_MEASURE_N_STATUSES, "planned");
  return status_ids[status];
}

gboolean
nv_measure_status_parse (const char *text, NvMeasureStatus *status)
{
  for (guint i = 0; text != NULL && i < NV_MEASURE_N_STATUSES; i++)
    if (strcmp (text, status_ids[i]) == 0)
      {
        if (status != NULL)
          *status = i;
        return TRUE;
      }
  return FALSE;
}

const char *
nv_measure_status_label (NvMeasureStatus status)
{
  switch (status)
    {
    case NV_MEASURE_PLANNED:
      return C_("measure status", "Planned");
    case NV_MEASURE_IN_PROGRESS:
      return C_("measure status", "In progress");
    case NV_MEASURE_DONE:
      return C_("measure status", "Done");
    case NV_MEASURE_DISCONTINUED:
      return C_("measure status", "Discontinued");
    default:
      g_return_val_if_reached ("");
    }
}

gboolean
nv_measure_transition_allowed (NvMeasureStatus from, NvMeasureStatus to, gboolean *needs_note)
{
  gboolean allowed = FALSE;
  gboolean note = FALSE;

  switch (from)
    {
    case NV_MEASURE_PLANNED:
      allowed = to == NV_MEASURE_IN_PROGRESS || to == NV_MEASURE_DISCONTINUED;
      break;
    case NV_MEASURE_IN_PROGRESS:
      allowed = to == NV_MEASURE_DONE || to == NV_MEASURE_DISCONTINUED;
      break;
    case NV_MEASURE_DONE:
    case NV_MEASURE_DISCONTINUED:
      allowed = note = to == NV_MEASURE_IN_PROGRESS;
      break;
    default:
      break;
    }
  if (needs_note != NULL)
    *needs_note = note;
  return allowed;
}

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

gboolean
nv_measure_check_transition (NvMeasureStatus from, NvMeasureStatus to, const char *note,
                             GError **error)
{
  gboolean needs_note = FALSE;
  const char *why;

  g_return_val_if_fail ((guint) from < NV_MEASURE_N_STATUSES, FALSE);
  if ((guint) to >= NV_MEASURE_N_STATUSES)
    {
      g_set_error_literal (error, NV_STORE_ERROR, NV_STORE_ERROR_INVALID,
                           _("Unknown status (use planned, in-progress, done or discontinued)"));
      return FALSE;
    }
  if (nv_measure_transition_allowed (from, to, &needs_note))
    {
      if (needs_note && is_blank (note))
        {
          g_set_error (error, NV_STORE_ERROR, NV_STORE_ERROR_INVALID,
                       _("Cannot change the status from “%s” to “%s” without a note: "
                         "say why the measure is reopened"),
                       nv_measure_status_label (from), nv_measure_status_label (to));
          return FALSE;
        }
      return TRUE;
    }

  if (from == to)
    why = _("the measure already has that status");
  else if (to == NV_MEASURE_PLANNED)
    why = _("a measure that has been started cannot be planned again");
  else if (from == NV_MEASURE_PLANNED && to == NV_MEASURE_DONE)
    why = _("start the measure first");
  else
    why = _("reopen the measure first");
  g_set_error (error, NV_STORE_ERROR, NV_STORE_ERROR_INVALID,
               _("Cannot change the status from “%s” to “%s”: %s"),
               nv_measure_status_label (from), nv_measure_status_label (to), why);
  return FALSE;
}

/* ---- Themes ------------------------------------------------------------ */

const char *const *
nv_measure_theme_ids (void)
{
  return theme_ids;
}

gboolean
nv_measure_theme_is_valid (const char *theme)
{
  return theme != NULL && g_strv_contains (theme_ids, theme);
}

const char *
nv_measure_theme_label (const char *theme)
{
  if (g_strcmp0 (theme, "leadership") == 0)
    return _("Leadership that sees and involves");
  if (g_strcmp0 (theme, "mastery-climate") == 0)
    return _("Mastery climate and collegial support");
  if (g_strcmp0 (theme, "open-talk") == 0)
    return _("Open talk about absence");
  if (g_strcmp0 (theme, "presence-expectations") == 0)
    return _("Expectations of presence");
  if (g_strcmp0 (theme, "absent-follow-up") == 0)
    return _("Follow-up of those absent");
  if (g_strcmp0 (theme, "work-organisation") == 0)
    return _("Work organisation and workload");
  if (g_strcmp0 (theme, "competence-quality") == 0)
    return _("Competence and quality");
  if (g_strcmp0 (theme, "initiative") == 0)
    return _("Room for initiative");
  return C_("measure theme", "Other");
}

guint
nv_measure_theme_index (const char *theme)
{
  for (guint i = 0; theme_ids[i] != NULL; i++)
    if (g_strcmp0 (theme, theme_ids[i]) == 0)
      return i;
  return G_N_ELEMENTS (theme_ids);
}

/* ---- Measure values ---------------------------------------------------- */

NvMeasure *
nv_measure_new (void)
{
  NvMeasure *measure = g_new0 (NvMeasure, 1);

  measure->title = g_strdup ("");
  measure->description = g_strdup ("");
  measure->theme = g_strdup ("other");
  measure->owner = g_strdup ("");
  return measure;
}

NvMeasure *
nv_measure_copy (const NvMeasure *measure)
{
  NvMeasure *copy = g_memdup2 (measure, sizeof *measure);

  copy->title = g_strdup (measure->title);
  copy->description = g_strdup (measure->description);
  copy->theme = g_strdup (measure->theme);
  copy->owner = g_strdup (measure->owner);
  return copy;
}

void
nv_measure_free (NvMeasure *measure)
{
  if (measure == NULL)
    return;
  g_free (measure->title);
  g_free (measure->description);
  g_free (measure->theme);
  g_free (measure->owner);
  g_free (measure);
}

void
nv_measure_note_free (NvMeasureNote *note)
{
  if (note == NULL)
    return;
  g_free (note->text);
  g_free (note);
}

gboolean
nv_measure_is_overdue (const NvMeasure *measure, NvDay as_of)
{
  g_return_val_if_fail (measure != NULL, FALSE);
  if (as_of == NV_DAY_NONE)
    as_of = nv_day_today ();
  return (measure->status == NV_MEASURE_PLANNED || measure->status == NV_MEASURE_IN_PROGRESS) &&
         measure->deadline != NV_DAY_NONE && as_of > measure->deadline;
}

guint
nv_measure_days_overdue (const NvMeasure *measure, NvDay as_of)
{
  if (as_of == NV_DAY_NONE)
    as_of = nv_day_today ();
  return nv_measure_is_overdue (measure, as_of) ? as_of - measure->deadline : 0;
}

/* ---- Validation -------------------------------------------------------- */

gboolean
nv_text_looks_like_national_id (const char *text)
{
  g_autofree char *folded = NULL;
  g_autoptr (GString) plain = NULL;
  guint run = 0;
  gboolean used_separator = FALSE;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return FALSE;
  /* NFKC first: full-width and other compatibility digits become 0–9; and
   * invisible format characters (zero-width space, direction marks) do
   * not break a run. */
  folded = g_utf8_normalize (text, -1, G_NORMALIZE_ALL_COMPOSE);
  plain = g_string_new (NULL);
  for (const char *p = folded; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (g_unichar_type (c) != G_UNICODE_FORMAT)
        g_string_append_unichar (plain, c);
    }
  for (const char *p = plain->str; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        {
          if (++run >= 11)
            return TRUE;
        }
      else if (run == 6 && !used_separator && (*p == ' ' || *p == '.' || *p == '-') &&
               g_ascii_isdigit (p[1]))
        used_separator = TRUE;
      else
        {
          run = 0;
          used_separator = FALSE;
        }
    }
  return FALSE;
}

static gboolean
fail (NvMeasureField *field, NvMeasureField which, GError **error, const char *message)
{
  if (field != NULL)
    *field = which;
  g_set_error_literal (error, NV_STORE_ERROR, NV_STORE_ERROR_INVALID, message);
  return FALSE;
}

static char *
trimmed (const char *text)
{
  return g_strstrip (g_strdup (text != NULL ? text : ""));
}

static gboolean
check_workshop (NvStore *store, gint64 unit_id, gint64 workshop_id, GError **error)
{
  /* Until the workshops schema exists there is nothing to link to. */
  gint64 owner_unit = nv_workshop_rows_unit_of (store, workshop_id);

  if (owner_unit == 0 || owner_unit != unit_id)
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, workshop_id);
      if (owner_unit == 0)
        g_set_error (error, NV_STORE_ERROR, NV_STORE_ERROR_INVALID,
                     _("Workshop: there is no workshop with id %s"), number);
      else
        g_set_error (error, NV_STORE_ERROR, NV_STORE_ERROR_INVALID,
                     _("Workshop: workshop %s belongs to another unit"), number);
      return FALSE;
    }
  return TRUE;
}

gboolean
nv_measure_validate (NvStore *store, gint64 unit_id, const NvMeasure *fields,
                     NvMeasureField *field, GError **error)
{
  g_autofree char *title = trimmed (fields->title);
  g_autofree char *description = trimmed (fields->description);
  g_autofree char *owner = trimmed (fields->owner);
  NvDay start = fields->start != NV_DAY_NONE ? fields->start : nv_store_today (store);

  if (field != NULL)
    *field = NV_MEASURE_FIELD_NONE;
  if (*title == '\0')
    return fail (field, NV_MEASURE_FIELD_TITLE, error, _("The measure needs a title: what will be done"));
  if (g_utf8_strlen (title, -1) > TITLE_MAX)
    return fail (field, NV_MEASURE_FIELD_TITLE, error,
                 _("The title is too long (at most 120 characters); put details in the description"));
  if (nv_text_looks_like_national_id (title))
    return fail (field, NV_MEASURE_FIELD_TITLE, error,
                 _("The title contains what looks like a national id number (11 digits); "
                   "leave personal data out"));
  if (g_utf8_strlen (description, -1) > DESCRIPTION_MAX)
    return fail (field, NV_MEASURE_FIELD_DESCRIPTION, error,
                 _("The description is too long (at most 4000 characters)"));
  if (nv_text_looks_like_national_id (description))
    return fail (field, NV_MEASURE_FIELD_DESCRIPTION, error,
                 _("The description contains what looks like a national id number (11 digits); "
                   "leave personal data out"));
  if (fields->theme != NULL && *fields->theme != '\0' && !nv_measure_theme_is_valid (fields->theme))
    {
      g_autofree char *message = g_strdup_printf (
        _("Unknown theme “%s” (use leadership, mastery-climate, open-talk, presence-expectations, "
          "absent-follow-up, work-organisation, competence-quality, initiative or other)"),
        fields->theme);
      return fail (field, NV_MEASURE_FIELD_THEME, error, message);
    }
  if (g_utf8_strlen (owner, -1) > OWNER_MAX)
    return fail (field, NV_MEASURE_FIELD_OWNER, error,
                 _("The owner is too long (at most 80 characters)"));
  if (nv_text_looks_like_national_id (owner))
    return fail (field, NV_MEASURE_FIELD_OWNER, error,
                 _("The owner looks like a national id number (11 digits); "
                   "give a role or a pseudonym instead"));
  if (fields->deadline != NV_DAY_NONE && fields->deadline < start)
    {
      g_autofree char *s = nv_day_format_local (start);
      g_autofree char *d = nv_day_format_local (fields->deadline);
      g_autofree char *message =
        g_strdup_printf (_("The deadline (%s) is before the start (%s)"), d, s);
      return fail (field, NV_MEASURE_FIELD_DEADLINE, error, message);
    }
  if (fields->workshop_id < 0 ||
      (fields->workshop_id > 0 && !check_workshop (store, unit_id, fields->workshop_id, error)))
    {
      if (field != NULL)
        *field = NV_MEASURE_FIELD_WORKSHOP;
      if (fields->workshop_id < 0)
        g_set_error_literal (error, NV_STORE_ERROR, NV_STORE_ERROR_INVALID,
                             _("Workshop: not a workshop id"));
      return FALSE;
    }
  return TRUE;
}

/* ---- Rows ---------------------------------------------------------------- */

NvMeasure *
nv_measure_from_row (NvStmt *stmt, char **notes_text)
{
  NvMeasure *m = g_new0 (NvMeasure, 1);
  NvMeasureStatus status = NV_MEASURE_PLANNED;

  m->id = nv_stmt_column_int64 (stmt, 0);
  m->unit_id = nv_stmt_column_int64 (stmt, 1);
  m->title = nv_stmt_dup_text (stmt, 2);
  m->description = nv_stmt_dup_text (stmt, 3);
  m->theme = nv_stmt_dup_text (stmt, 4);
  m->owner = nv_stmt_dup_text (stmt, 5);
  m->start = nv_day_parse_iso (nv_stmt_column_text (stmt, 6));
  m->deadline = nv_stmt_column_is_null (stmt, 7)
                  ? NV_DAY_NONE
                  : nv_day_parse_iso (nv_stmt_column_text (stmt, 7));
  nv_measure_status_parse (nv_stmt_column_text (stmt, 8), &status);
  m->status = status;
  m->status_day = nv_day_parse_iso (nv_stmt_column_text (stmt, 9));
  m->workshop_id = nv_stmt_column_int64 (stmt, 10);
  m->n_notes = nv_stmt_column_int (stmt, 11);
  if (notes_text != NULL)
    *notes_text = nv_stmt_dup_text (stmt, 12);
  m->row_version = nv_stmt_column_int64 (stmt, 13);
  if (m->description == NULL)
    m->description = g_strdup ("");
  if (m->owner == NULL)
    m->owner = g_strdup ("");
  if (m->theme == NULL)
    m->theme = g_strdup ("other");
  if (m->title == NULL)
    m->title = g_strdup ("");
  return m;
}

static void
bind_day (NvStmt *stmt, int index, NvDay day)
{
  char buf[11];

  if (day == NV_DAY_NONE)
    nv_stmt_bind_null (stmt, index);
  else
    nv_stmt_bind_text (stmt, index, nv_day_format_iso_buf (day, buf));
}

static void
bind_fields (NvStmt *stmt, const NvMeasure *fields, NvDay start)
{
  g_autofree char *title = trimmed (fields->title);
  g_autofree char *description = trimmed (fields->description);
  g_autofree char *owner = trimmed (fields->owner);
  const char *theme = fields->theme != NULL && *fields->theme != '\0' ? fields->theme : "other";

  nv_stmt_bind_text (stmt, 2, title);
  nv_stmt_bind_text (stmt, 3, description);
  nv_stmt_bind_text (stmt, 4, theme);
  nv_stmt_bind_text (stmt, 5, owner);
  bind_day (stmt, 6, start);
  bind_day (stmt, 7, fields->deadline);
  if (fields->workshop_id > 0)
    nv_stmt_bind_int64 (stmt, 8, fields->workshop_id);
  else
    nv_stmt_bind_null (stmt, 8);
}

gint64
nv_measure_add (NvStore *store, gint64 unit_id, const NvMeasure *fields, GError **error)
{
  NvDay start = fields->start != NV_DAY_NONE ? fields->start : nv_store_today (store);
  NvStmt *stmt;

  g_return_val_if_fail (NV_IS_STORE (store), 0);
  if (!nv_measure_validate (store, unit_id, fields, NULL, error))
    return 0;
  stmt = nv_store_prepare (store,
                           "INSERT INTO measure (unit_id, title, description, theme, owner, "
                           "start_date, deadline, workshop_id, status, status_date) "
                           "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 'planned', ?6)",
                           error);
  if (stmt == NULL)
    return 0;
  nv_stmt_bind_int64 (stmt, 1, unit_id);
  bind_fields (stmt, fields, start);
  if (!nv_store_write (store, stmt, NV_TOPIC_MEASURES, error))
    return 0;
  return nv_store_last_insert_id (store);
}

gboolean
nv_measure_update (NvStore *store, gint64 id, const NvMeasure *fields, GError **error)
{
  g_autoptr (NvMeasure) existing = nv_measure_get (store, id, error);
  NvDay start;
  NvStmt *stmt;

  if (existing == NULL)
    return FALSE;
  if (!nv_measure_validate (store, existing->unit_id, fields, NULL, error))
    return FALSE;
  start = fields->start != NV_DAY_NONE ? fields->start : existing->start;
  /* A measure that ran cannot start after it was started or finished. (One
   * discontinued before it ever started may keep its planned start.) */
  if ((existing->status == NV_MEASURE_IN_PROGRESS || existing->status == NV_MEASURE_DONE) &&
      start > existing->status_day)
    {
      g_autofree char *s = nv_day_format_local (start);
      g_autofree char *d = nv_day_format_local (existing->status_day);
      g_set_error (error, NV_STORE_ERROR, NV_STORE_ERROR_INVALID,
                   _("The start (%s) cannot be after the day the status last changed (%s)"), s, d);
      return FALSE;
    }
  /* A form that read version N saves only over version N (0: any). */
  if (fields->row_version != 0 && fields->row_version != existing->row_version)
    return nv_store_conflict (error);
  stmt = nv_store_prepare (store,
                           "UPDATE measure SET title = ?2, description = ?3, theme = ?4, "
                           "owner = ?5, start_date = ?6, deadline = ?7, workshop_id = ?8, "
                           "status_date = CASE WHEN status = 'planned' THEN ?6 "
                           "ELSE status_date END WHERE id = ?1 AND (?9 = 0 OR row_version = ?9)",
                           error);
  if (stmt == NULL)
    return FALSE;
  nv_stmt_bind_int64 (stmt, 1, id);
  bind_fields (stmt, fields, start);
  nv_stmt_bind_int64 (stmt, 9, fields->row_version);
  if (!nv_store_write (store, stmt, NV_TOPIC_MEASURES, error))
    return FALSE;
  /* Saved by someone else between the read above and this write. */
  if (nv_store_changes (store) == 0)
    return nv_store_conflict (error);
  return TRUE;
}

gboolean
nv_measure_delete (NvStore *store, gint64 id, GError **error)
{
  return nv_store_delete_row (store, "DELETE FROM measure WHERE id = ?1", id, NV_TOPIC_MEASURES,
                              _("The measure no longer exists"), error);
}

static gpointer
measure_from_row (NvStmt *stmt)
{
  return nv_measure_from_row (stmt, NULL);
}

NvMeasure *
nv_measure_get (NvStore *store, gint64 id, GError **error)
{
  return nv_store_get_row (store, NV_MEASURE_COLUMNS "WHERE m.id = ?1", id, measure_from_row,
                           _("The measure no longer exists"), error);
}

static gboolean
validate_note_text (const char *text, GError **error)
{
  if (is_blank (text))
    {
      g_set_error_literal (error, NV_STORE_ERROR, NV_STORE_ERROR_INVALID,
                           _("The note is empty"));
      return FALSE;
    }
  if (g_utf8_strlen (text, -1) > NOTE_MAX)
    {
      g_set_error_literal (error, NV_STORE_ERROR, NV_STORE_ERROR_INVALID,
                           _("The note is too long (at most 2000 characters)"));
      return FALSE;
    }
  if (nv_text_looks_like_national_id (text))
    {
      g_set_error_literal (error, NV_STORE_ERROR, NV_STORE_ERROR_INVALID,
                           _("The note contains what looks like a national id number "
                             "(11 digits); leave personal data out"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
insert_note (NvStore *store, gint64 measure_id, NvDay day, const char *text, int from, int to,
             GError **error)
{
  g_autofree char *clean = trimmed (text);
  NvStmt *stmt = nv_store_prepare (store,
                                         "INSERT INTO measure_note (measure_id, day, text, "
                                         "from_status, to_status) VALUES (?1, ?2, ?3, ?4, ?5)",
                                         error);
  if (stmt == NULL)
    return FALSE;
  nv_stmt_bind_int64 (stmt, 1, measure_id);
  bind_day (stmt, 2, day);
  nv_stmt_bind_text (stmt, 3, clean);
  if (from >= 0)
    {
      nv_stmt_bind_text (stmt, 4, status_ids[from]);
      nv_stmt_bind_text (stmt, 5, status_ids[to]);
    }
  else
    {
      nv_stmt_bind_null (stmt, 4);
      nv_stmt_bind_null (stmt, 5);
    }
  return nv_store_write (store, stmt, NV_TOPIC_MEASURES, error);
}

gboolean
nv_measure_set_status (NvStore *store, gint64 id, NvMeasureStatus status, const char *note,
                       NvDay day, GError **error)
{
  g_autoptr (NvMeasure) measure = nv_measure_get (store, id, error);
  NvDay start;
  g_autoptr (NvStoreTxn) txn = NULL;
  NvStmt *stmt;

  if (measure == NULL)
    return FALSE;
  if (!nv_measure_check_transition (measure->status, status, note, error))
    return FALSE;
  if (!is_blank (note) && !validate_note_text (note, error))
    return FALSE;
  if (day == NV_DAY_NONE)
    day = nv_store_today (store);
  /* A change cannot be dated before the previous one. Starting a planned
   * measure before its planned start: it started then. */
  start = measure->start;
  if (measure->status != NV_MEASURE_PLANNED && day < measure->status_day)
    {
      g_autofree char *d = nv_day_format_local (day);
      g_autofree char *last = nv_day_format_local (measure->status_day);
      g_set_error (error, NV_STORE_ERROR, NV_STORE_ERROR_INVALID,
                   _("The status change date (%s) is before the last status change (%s)"), d,
                   last);
      return FALSE;
    }
  if (measure->status == NV_MEASURE_PLANNED && status == NV_MEASURE_IN_PROGRESS && day < start)
    start = day;

  txn = nv_store_txn_begin (store, NV_TOPIC_MEASURES, error);
  if (txn == NULL)
    return FALSE;
  stmt = nv_store_prepare (store,
                           "UPDATE measure SET status = ?2, status_date = ?3, start_date = ?4 "
                           "WHERE id = ?1",
                           error);
  if (stmt == NULL)
    return FALSE;
  nv_stmt_bind_int64 (stmt, 1, id);
  nv_stmt_bind_text (stmt, 2, status_ids[status]);
  bind_day (stmt, 3, day);
  bind_day (stmt, 4, start);
  if (!nv_store_step_done (store, stmt, error))
    return FALSE;
  if (!is_blank (note) && !insert_note (store, id, day, note, measure->status, status, error))
    return FALSE;
  return nv_store_txn_commit (g_steal_pointer (&txn), error);
}

/* ---- Notes --------------------------------------------------------------- */

gint64
nv_measure_add_note (NvStore *store, gint64 measure_id, NvDay day, const char *text,
                     GError **error)
{
  g_autoptr (NvMeasure) measure = nv_measure_get (store, measure_id, error);

  if (measure == NULL)
    return 0;
  if (!validate_note_text (text, error))
    return 0;
  if (day == NV_DAY_NONE)
    day = nv_store_today (store);
  if (day < measure->start)
    {
      g_autofree char *d = nv_day_format_local (day);
      g_autofree char *start = nv_day_format_local (measure->start);
      g_set_error (error, NV_STORE_ERROR, NV_STORE_ERROR_INVALID,
                   _("The evaluation is dated %s, before the measure started (%s)"), d, start);
      return 0;
    }
  if (!insert_note (store, measure_id, day, text, -1, -1, error))
    return 0;
  return nv_store_last_insert_id (store);
}

gboolean
nv_measure_delete_note (NvStore *store, gint64 note_id, GError **error)
{
  return nv_store_delete_row (store, "DELETE FROM measure_note WHERE id = ?1", note_id, NV_TOPIC_MEASURES,
                              _("The note no longer exists"), error);
}

GPtrArray *
nv_measure_list_notes (NvStore *store, gint64 measure_id, GError **error)
{
  g_autoptr (GPtrArray) notes =
    g_ptr_array_new_with_free_func ((GDestroyNotify) nv_measure_note_free);
  NvStmt *stmt;
  int rc;

  stmt = nv_store_prepare (store,
                           "SELECT id, measure_id, day, text, from_status, to_status "
                           "FROM measure_note WHERE measure_id = ?1 ORDER BY day, id",
                           error);
  if (stmt == NULL)
    return NULL;
  nv_stmt_bind_int64 (stmt, 1, measure_id);
  while ((rc = nv_stmt_step (stmt)) == NV_ROW)
    {
      NvMeasureNote *note = g_new0 (NvMeasureNote, 1);
      NvMeasureStatus s;

      note->id = nv_stmt_column_int64 (stmt, 0);
      note->measure_id = nv_stmt_column_int64 (stmt, 1);
      note->day = nv_day_parse_iso (nv_stmt_column_text (stmt, 2));
      note->text = nv_stmt_dup_text (stmt, 3);
      note->from_status = nv_measure_status_parse (nv_stmt_column_text (stmt, 4), &s)
                            ? (int) s : -1;
      note->to_status = nv_measure_status_parse (nv_stmt_column_text (stmt, 5), &s)
                          ? (int) s : -1;
      g_ptr_array_add (notes, note);
    }
  nv_stmt_reset (stmt);
  if (rc != NV_DONE)
    {
      nv_store_set_sql_error (store, error);
      return NULL;
    }
  return g_steal_pointer (&notes);
}
