/* nv-workshop.c — dialogue workshops: the workshop itself, its checklist,
 * notes, themes and own prompts. Ideas, votes and agreed measures are in
 * nv-workshop-ideas.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-workshop"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "nv-store-private.h"
#include "nv-unit-private.h"
#include "nv-workshop-private.h"
#include "nv-workshop.h"

/* A new workshop starts with these themes on: two or three rounds fill a
 * session of one and a half to two hours. */
static const char *const default_themes[] = { "leadership", "mastery-climate", "open-talk", NULL };

void
nv_workshop_free (NvWorkshop *workshop)
{
  if (workshop == NULL)
    return;
  g_free (workshop->date);
  g_free (workshop->title);
  g_free (workshop->followup_date);
  g_free (workshop->evaluation);
  g_free (workshop);
}

void
nv_workshop_step_free (NvWorkshopStep *step)
{
  if (step == NULL)
    return;
  g_free (step->ticked);
  g_free (step->note);
  g_free (step);
}

void
nv_workshop_prompt_free (NvWorkshopPrompt *prompt)
{
  if (prompt == NULL)
    return;
  g_free (prompt->theme);
  g_free (prompt->text);
  g_free (prompt);
}

const NvWorkshopTemplate *
nv_workshop_template (GError **error)
{
  static NvWorkshopTemplate *tpl = NULL;
  static GMutex lock;
  NvWorkshopTemplate *result;

  g_mutex_lock (&lock);
  if (tpl == NULL)
    tpl = nv_workshop_template_load_default (error);
  result = tpl;
  g_mutex_unlock (&lock);
  return result;
}

const char *
nv_workshop_state_id (NvWorkshopState state)
{
  switch (state)
    {
    case NV_WORKSHOP_PREPARED:
      return "prepared";
    case NV_WORKSHOP_HELD:
      return "held";
    case NV_WORKSHOP_FOLLOWED_UP:
      return "followed-up";
    case NV_WORKSHOP_PLANNED:
    default:
      return "planned";
    }
}

const char *
nv_workshop_state_label (NvWorkshopState state)
{
  switch (state)
    {
    case NV_WORKSHOP_PREPARED:
      return C_("workshop state", "Prepared");
    case NV_WORKSHOP_HELD:
      return C_("workshop state", "Held");
    case NV_WORKSHOP_FOLLOWED_UP:
      return C_("workshop state", "Followed up");
    case NV_WORKSHOP_PLANNED:
    default:
      return C_("workshop state", "Planned");
    }
}

const char *
nv_workshop_display_title (const NvWorkshop *workshop)
{
  if (workshop->title != NULL && *workshop->title != '\0')
    return workshop->title;
  return _("Dialogue workshop");
}

gboolean
nv_workshop_check_date (const char *date, const char *field, GError **error)
{
  guint64 y = 0, m = 0, d = 0;
  g_auto (GStrv) parts = NULL;

  if (date != NULL && strlen (date) == 10 && date[4] == '-' && date[7] == '-')
    {
      parts = g_strsplit (date, "-", 3);
      if (g_ascii_string_to_unsigned (parts[0], 10, 1900, 9999, &y, NULL) &&
          g_ascii_string_to_unsigned (parts[1], 10, 1, 12, &m, NULL) &&
          g_ascii_string_to_unsigned (parts[2], 10, 1, 31, &d, NULL) &&
          g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y))
        return TRUE;
    }
  g_set_error (error, NV_STORE_ERROR, NV_STORE_ERROR_INVALID,
               _("%s: “%s” is not a date (use YYYY-MM-DD)"), field, date != NULL ? date : "");
  return FALSE;
}

gboolean
nv_workshop_check_text (const char *text, gsize max, const char *field, gboolean required,
                        char **out, GError **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text != NULL ? text : ""));

  if (!g_utf8_validate (trimmed, -1, NULL))
    {
      g_set_error (error, NV_STORE_ERROR, NV_STORE_ERROR_INVALID, _("%s: the text is not UTF-8"),
                   field);
      return FALSE;
    }
  if (required && *trimmed == '\0')
    {
      g_set_error (error, NV_STORE_ERROR, NV_STORE_ERROR_INVALID, _("%s: please fill this in"),
                   field);
      return FALSE;
    }
  if (g_utf8_strlen (trimmed, -1) > (glong) max)
    {
      g_set_error (error, NV_STORE_ERROR, NV_STORE_ERROR_INVALID,
                   _("%s: too long (at most %u characters)"), field, (guint) max);
      return FALSE;
    }
  *out = g_steal_pointer (&trimmed);
  return TRUE;
}

static void
no_such_workshop (gint64 id, GError **error)
{
  /* The id as text: a G_GINT64_FORMAT inside _() cannot be translated. */
  g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  g_set_error (error, NV_STORE_ERROR, NV_STORE_ERROR_NOT_FOUND, _("There is no workshop %s"),
               number);
}

static gboolean
unit_exists (NvStore *store, gint64 unit_id, GError **error)
{
  gboolean found;

  if (!nv_unit_rows_exists (store, unit_id, &found, error))
    return FALSE;
  if (!found)
    g_set_error_literal (error, NV_STORE_ERROR, NV_STORE_ERROR_NOT_FOUND,
                         _("The unit no longer exists"));
  return found;
}

gboolean
nv_workshop_exists (NvStore *store, gint64 id, GError **error)
{
  gboolean found;

  if (!nv_store_row_exists (store, "SELECT 1 FROM workshop WHERE id = ?1", id, &found, error))
    return FALSE;
  if (!found)
    no_such_workshop (id, error);
  return found;
}

gint64
nv_workshop_rows_unit_of (NvStore *store, gint64 workshop_id)
{
  NvStmt *stmt = nv_store_prepare (store, "SELECT unit_id FROM workshop WHERE id = ?1", NULL);
  gint64 unit_id = 0;

  if (stmt == NULL)
    return 0;
  nv_stmt_bind_int64 (stmt, 1, workshop_id);
  if (nv_stmt_step (stmt) == NV_ROW)
    unit_id = nv_stmt_column_int64 (stmt, 0);
  nv_stmt_reset (stmt);
  return unit_id;
}

gint64
nv_workshop_rows_latest_before (NvStore *store, gint64 unit_id, NvDay day)
{
  NvStmt *stmt = nv_store_prepare (store,
                                   "SELECT id FROM workshop WHERE unit_id = ?1 AND date <= ?2 "
                                   "ORDER BY date DESC, id DESC LIMIT 1",
                                   NULL);
  char buf[11];
  gint64 id = 0;

  if (stmt == NULL)
    return 0;
  nv_stmt_bind_int64 (stmt, 1, unit_id);
  nv_stmt_bind_text (stmt, 2, nv_day_format_iso_buf (day, buf));
  if (nv_stmt_step (stmt) == NV_ROW)
    id = nv_stmt_column_int64 (stmt, 0);
  nv_stmt_reset (stmt);
  return id;
}

gint64
nv_workshop_add (NvStore *store, gint64 unit_id, const char *date, const char *title,
                 GError **error)
{
  g_autofree char *clean_title = NULL;
  NvStmt *stmt;
  g_autoptr (NvStoreTxn) txn = NULL;
  gboolean ok;
  gint64 id;

  if (!nv_workshop_check_date (date, _("Date"), error) ||
      !nv_workshop_check_text (title, 120, _("Title"), FALSE, &clean_title, error) ||
      !unit_exists (store, unit_id, error))
    return 0;
  txn = nv_store_txn_begin (store, NV_TOPIC_WORKSHOPS, error);
  if (txn == NULL)
    return 0;

  stmt = nv_store_prepare (store, "INSERT INTO workshop (unit_id, date, title) VALUES (?1, ?2, ?3)",
                           error);
  ok = stmt != NULL;
  if (ok)
    {
      nv_stmt_bind_int64 (stmt, 1, unit_id);
      nv_stmt_bind_text (stmt, 2, date);
      nv_stmt_bind_text (stmt, 3, clean_title);
      ok = nv_store_step_done (store, stmt, error);
    }
  id = ok ? nv_store_last_insert_id (store) : 0;
  for (guint i = 0; ok && default_themes[i] != NULL; i++)
    {
      stmt = nv_store_prepare (store,
                               "INSERT INTO workshop_theme (workshop_id, theme) VALUES (?1, ?2)",
                               error);
      ok = stmt != NULL;
      if (ok)
        {
          nv_stmt_bind_int64 (stmt, 1, id);
          nv_stmt_bind_text (stmt, 2, default_themes[i]);
          ok = nv_store_step_done (store, stmt, error);
        }
    }
  if (!ok || !nv_store_txn_commit (g_steal_pointer (&txn), error))
    return 0;
  return id;
}

gboolean
nv_workshop_update (NvStore *store, NvWorkshop *workshop, GError **error)
{
  g_autofree char *title = NULL;
  g_autofree char *evaluation = NULL;
  const char *followup = workshop->followup_date;
  g_autoptr (NvStoreTxn) txn = NULL;
  gint64 version;
  NvStmt *stmt;

  if (followup != NULL && *followup == '\0')
    followup = NULL;
  if (!nv_workshop_check_date (workshop->date, _("Date"), error) ||
      !nv_workshop_check_text (workshop->title, 120, _("Title"), FALSE, &title, error) ||
      !nv_workshop_check_text (workshop->evaluation, 20000, _("Evaluation"), FALSE, &evaluation,
                               error))
    return FALSE;
  if (followup != NULL && !nv_workshop_check_date (followup, _("Follow-up date"), error))
    return FALSE;
  if (followup != NULL && g_strcmp0 (followup, workshop->date) < 0)
    {
      g_set_error (error, NV_STORE_ERROR, NV_STORE_ERROR_INVALID,
                   _("Follow-up date: %s is before the workshop (%s)"), followup, workshop->date);
      return FALSE;
    }
  if (workshop->staff < 0 || workshop->staff > 999)
    {
      g_set_error (error, NV_STORE_ERROR, NV_STORE_ERROR_INVALID,
                   _("Staff: %d is not a number from 0 to 999"), workshop->staff);
      return FALSE;
    }
  if (!nv_workshop_exists (store, workshop->id, error))
    return FALSE;

  /* The save and the version it made, read in one transaction. */
  txn = nv_store_txn_begin (store, NV_TOPIC_WORKSHOPS, error);
  if (txn == NULL)
    return FALSE;
  stmt = nv_store_prepare (store,
                           "UPDATE workshop SET date = ?2, title = ?3, leader = ?4, union_rep = ?5, "
                           "safety_rep = ?6, nav_adviser = ?7, staff = ?8, followup_date = ?9, "
                           "evaluation = ?10 WHERE id = ?1 AND (?11 = 0 OR row_version = ?11)",
                           error);
  if (stmt == NULL)
    return FALSE;
  nv_stmt_bind_int64 (stmt, 1, workshop->id);
  nv_stmt_bind_text (stmt, 2, workshop->date);
  nv_stmt_bind_text (stmt, 3, title);
  nv_stmt_bind_int (stmt, 4, (workshop->roles & NV_ROLE_LEADER) != 0);
  nv_stmt_bind_int (stmt, 5, (workshop->roles & NV_ROLE_UNION_REP) != 0);
  nv_stmt_bind_int (stmt, 6, (workshop->roles & NV_ROLE_SAFETY_REP) != 0);
  nv_stmt_bind_int (stmt, 7, (workshop->roles & NV_ROLE_NAV_ADVISER) != 0);
  nv_stmt_bind_int (stmt, 8, workshop->staff);
  if (followup != NULL)
    nv_stmt_bind_text (stmt, 9, followup);
  else
    nv_stmt_bind_null (stmt, 9);
  nv_stmt_bind_text (stmt, 10, evaluation);
  /* A form that read version N saves only over version N (0: any), as
   * measures do: never a silent overwrite of someone else's save. */
  nv_stmt_bind_int64 (stmt, 11, workshop->row_version);
  if (!nv_store_write (store, stmt, NV_TOPIC_WORKSHOPS, error))
    return FALSE;
  /* Saved by someone else since the form read it. */
  if (nv_store_changes (store) == 0)
    return nv_store_conflict (error);
  stmt = nv_store_prepare (store, "SELECT row_version FROM workshop WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  nv_stmt_bind_int64 (stmt, 1, workshop->id);
  if (nv_stmt_step (stmt) != NV_ROW)
    {
      nv_stmt_reset (stmt);
      return nv_store_set_sql_error (store, error);
    }
  version = nv_stmt_column_int64 (stmt, 0);
  nv_stmt_reset (stmt);
  if (!nv_store_txn_commit (g_steal_pointer (&txn), error))
    return FALSE;
  workshop->row_version = version;
  return TRUE;
}

gboolean
nv_workshop_delete (NvStore *store, gint64 id, GError **error)
{
  return nv_workshop_exists (store, id, error) &&
         nv_store_delete_row (store, "DELETE FROM workshop WHERE id = ?1", id, NV_TOPIC_WORKSHOPS,
                              NULL, error);
}

/* Which steps are ticked, as a set of step ids. */
static GHashTable *
ticked_steps (NvStore *store, gint64 id, GError **error)
{
  g_autoptr (GHashTable) set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  NvStmt *stmt = nv_store_prepare (
    store, "SELECT step FROM workshop_step WHERE workshop_id = ?1 AND ticked IS NOT NULL", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  nv_stmt_bind_int64 (stmt, 1, id);
  while ((rc = nv_stmt_step (stmt)) == NV_ROW)
    g_hash_table_add (set, nv_stmt_dup_text (stmt, 0));
  nv_stmt_reset (stmt);
  if (rc != NV_DONE)
    {
      nv_store_set_sql_error (store, error);
      return NULL;
    }
  return g_steal_pointer (&set);
}

static gboolean
derive_state (NvStore *store, NvWorkshop *workshop, GError **error)
{
  const NvWorkshopTemplate *tpl = nv_workshop_template (error);
  g_autoptr (GHashTable) ticked = NULL;
  gboolean complete[NV_N_PHASES] = { TRUE, TRUE, TRUE };

  if (tpl == NULL)
    return FALSE;
  ticked = ticked_steps (store, workshop->id, error);
  if (ticked == NULL)
    return FALSE;
  workshop->n_steps = tpl->steps->len;
  workshop->n_ticked = 0;
  for (guint i = 0; i < tpl->steps->len; i++)
    {
      const NvTemplateStep *step = g_ptr_array_index (tpl->steps, i);
      if (g_hash_table_contains (ticked, step->id))
        workshop->n_ticked++;
      else
        complete[step->phase] = FALSE;
    }
  workshop->state = complete[NV_PHASE_FOLLOW_UP] ? NV_WORKSHOP_FOLLOWED_UP
                    : complete[NV_PHASE_RUN]     ? NV_WORKSHOP_HELD
                    : complete[NV_PHASE_PREPARE] ? NV_WORKSHOP_PREPARED
                                                 : NV_WORKSHOP_PLANNED;
  return TRUE;
}

static NvWorkshop *
workshop_from_row (NvStmt *stmt)
{
  NvWorkshop *w = g_new0 (NvWorkshop, 1);

  w->id = nv_stmt_column_int64 (stmt, 0);
  w->unit_id = nv_stmt_column_int64 (stmt, 1);
  w->date = nv_stmt_dup_text (stmt, 2);
  w->title = nv_stmt_dup_text (stmt, 3);
  w->roles = (nv_stmt_column_int (stmt, 4) ? NV_ROLE_LEADER : 0) |
             (nv_stmt_column_int (stmt, 5) ? NV_ROLE_UNION_REP : 0) |
             (nv_stmt_column_int (stmt, 6) ? NV_ROLE_SAFETY_REP : 0) |
             (nv_stmt_column_int (stmt, 7) ? NV_ROLE_NAV_ADVISER : 0);
  w->staff = nv_stmt_column_int (stmt, 8);
  w->followup_date = nv_stmt_dup_text (stmt, 9);
  w->evaluation = nv_stmt_dup_text (stmt, 10);
  w->row_version = nv_stmt_column_int64 (stmt, 11);
  return w;
}

#define WORKSHOP_COLUMNS                                                                           \
  "SELECT id, unit_id, date, title, leader, union_rep, safety_rep, nav_adviser, staff, "          \
  "followup_date, evaluation, row_version FROM workshop "

NvWorkshop *
nv_workshop_get (NvStore *store, gint64 id, GError **error)
{
  g_autoptr (NvWorkshop) w = NULL;
  NvStmt *stmt = nv_store_prepare (store, WORKSHOP_COLUMNS "WHERE id = ?1", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  nv_stmt_bind_int64 (stmt, 1, id);
  rc = nv_stmt_step (stmt);
  if (rc == NV_ROW)
    w = workshop_from_row (stmt);
  nv_stmt_reset (stmt);
  if (rc == NV_DONE)
    {
      no_such_workshop (id, error);
      return NULL;
    }
  if (rc != NV_ROW)
    {
      nv_store_set_sql_error (store, error);
      return NULL;
    }
  if (!derive_state (store, w, error))
    return NULL;
  return g_steal_pointer (&w);
}

GPtrArray *
nv_workshop_list (NvStore *store, gint64 unit_id, GError **error)
{
  g_autoptr (GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) nv_workshop_free);
  NvStmt *stmt = nv_store_prepare (store,
                                         WORKSHOP_COLUMNS "WHERE unit_id = ?1 ORDER BY date DESC, id DESC",
                                         error);
  int rc;

  if (stmt == NULL)
    return NULL;
  nv_stmt_bind_int64 (stmt, 1, unit_id);
  while ((rc = nv_stmt_step (stmt)) == NV_ROW)
    g_ptr_array_add (list, workshop_from_row (stmt));
  nv_stmt_reset (stmt);
  if (rc != NV_DONE)
    {
      nv_store_set_sql_error (store, error);
      return NULL;
    }
  for (guint i = 0; i < list->len; i++)
    if (!derive_state (store, g_ptr_array_index (list, i), error))
      return NULL;
  return g_steal_pointer (&list);
}

GPtrArray *
nv_workshop_steps (NvStore *store, gint64 id, GError **error)
{
  const NvWorkshopTemplate *tpl = nv_workshop_template (error);
  g_autoptr (GPtrArray) steps = NULL;
  g_autoptr (GHashTable) rows = NULL;
  NvStmt *stmt;
  int rc;

  if (tpl == NULL || !nv_workshop_exists (store, id, error))
    return NULL;
  rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                (GDestroyNotify) nv_workshop_step_free);
  stmt = nv_store_prepare (store,
                           "SELECT step, ticked, note FROM workshop_step WHERE workshop_id = ?1",
                           error);
  if (stmt == NULL)
    return NULL;
  nv_stmt_bind_int64 (stmt, 1, id);
  while ((rc = nv_stmt_step (stmt)) == NV_ROW)
    {
      NvWorkshopStep *s = g_new0 (NvWorkshopStep, 1);
      s->ticked = nv_stmt_dup_text (stmt, 1);
      s->note = nv_stmt_dup_text (stmt, 2);
      g_hash_table_insert (rows, nv_stmt_dup_text (stmt, 0), s);
    }
  nv_stmt_reset (stmt);
  if (rc != NV_DONE)
    {
      nv_store_set_sql_error (store, error);
      return NULL;
    }

  steps = g_ptr_array_new_with_free_func ((GDestroyNotify) nv_workshop_step_free);
  for (guint i = 0; i < tpl->steps->len; i++)
    {
      const NvTemplateStep *t = g_ptr_array_index (tpl->steps, i);
      NvWorkshopStep *s = NULL;
      gpointer key = NULL;

      if (g_hash_table_steal_extended (rows, t->id, &key, (gpointer *) &s))
        g_free (key);
      else
        s = g_new0 (NvWorkshopStep, 1);
      s->step = t;
      if (s->note == NULL)
        s->note = g_strdup ("");
      g_ptr_array_add (steps, s);
    }
  return g_steal_pointer (&steps);
}

static gboolean
check_step (const char *step_id, GError **error)
{
  const NvWorkshopTemplate *tpl = nv_workshop_template (error);

  if (tpl == NULL)
    return FALSE;
  if (nv_workshop_template_find_step (tpl, step_id) == NULL)
    {
      g_set_error (error, NV_STORE_ERROR, NV_STORE_ERROR_INVALID,
                   _("Step: “%s” is not a step of the workshop"), step_id != NULL ? step_id : "");
      return FALSE;
    }
  return TRUE;
}

/* Writes one column of a workshop's row for a step, made on first use: @sql
 * is the upsert for that column (a string literal), @value its value (NULL
 * clears it). */
static gboolean
upsert_step (NvStore *store, const char *sql, gint64 id, const char *step_id, const char *value,
             GError **error)
{
  NvStmt *stmt = nv_store_prepare (store, sql, error);

  if (stmt == NULL)
    return FALSE;
  nv_stmt_bind_int64 (stmt, 1, id);
  nv_stmt_bind_text (stmt, 2, step_id);
  nv_stmt_bind_text (stmt, 3, value);
  return nv_store_write (store, stmt, NV_TOPIC_WORKSHOPS, error);
}

gboolean
nv_workshop_tick (NvStore *store, gint64 id, const char *step_id, gboolean ticked,
                  GDateTime *when, GError **error)
{
  g_autoptr (GDateTime) now = NULL;
  g_autoptr (GDateTime) utc = NULL;
  g_autofree char *stamp = NULL;

  if (!check_step (step_id, error) || !nv_workshop_exists (store, id, error))
    return FALSE;
  if (ticked)
    {
      if (when == NULL)
        when = now = g_date_time_new_now_utc ();
      utc = g_date_time_to_utc (when);
      stamp = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
    }
  return upsert_step (store,
                      "INSERT INTO workshop_step (workshop_id, step, ticked) VALUES (?1, ?2, ?3) "
                      "ON CONFLICT (workshop_id, step) DO UPDATE SET ticked = excluded.ticked",
                      id, step_id, stamp, error);
}

gboolean
nv_workshop_set_note (NvStore *store, gint64 id, const char *step_id, const char *note,
                      GError **error)
{
  g_autofree char *clean = NULL;

  if (!check_step (step_id, error) ||
      !nv_workshop_check_text (note, 20000, _("Note"), FALSE, &clean, error) ||
      !nv_workshop_exists (store, id, error))
    return FALSE;
  return upsert_step (store,
                      "INSERT INTO workshop_step (workshop_id, step, note) VALUES (?1, ?2, ?3) "
                      "ON CONFLICT (workshop_id, step) DO UPDATE SET note = excluded.note",
                      id, step_id, clean, error);
}

static gboolean
check_theme (const char *theme_id, GError **error)
{
  const NvWorkshopTemplate *tpl = nv_workshop_template (error);

  if (tpl == NULL)
    return FALSE;
  if (nv_workshop_template_find_theme (tpl, theme_id) == NULL)
    {
      g_set_error (error, NV_STORE_ERROR, NV_STORE_ERROR_INVALID,
                   _("Theme: “%s” is not a theme of the workshop"), theme_id != NULL ? theme_id : "");
      return FALSE;
    }
  return TRUE;
}

GStrv
nv_workshop_themes (NvStore *store, gint64 id, GError **error)
{
  const NvWorkshopTemplate *tpl = nv_workshop_template (error);
  g_autoptr (GHashTable) on = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  NvStmt *stmt;
  int rc;

  if (tpl == NULL || !nv_workshop_exists (store, id, error))
    return NULL;
  stmt = nv_store_prepare (store, "SELECT theme FROM workshop_theme WHERE workshop_id = ?1", error);
  if (stmt == NULL)
    return NULL;
  nv_stmt_bind_int64 (stmt, 1, id);
  while ((rc = nv_stmt_step (stmt)) == NV_ROW)
    g_hash_table_add (on, nv_stmt_dup_text (stmt, 0));
  nv_stmt_reset (stmt);
  if (rc != NV_DONE)
    {
      nv_store_set_sql_error (store, error);
      return NULL;
    }
  for (guint i = 0; i < tpl->themes->len; i++)
    {
      const NvTemplateTheme *theme = g_ptr_array_index (tpl->themes, i);
      if (g_hash_table_contains (on, theme->id))
        g_strv_builder_add (builder, theme->id);
    }
  return g_strv_builder_end (builder);
}

gboolean
nv_workshop_set_theme (NvStore *store, gint64 id, const char *theme_id, gboolean enabled,
                       GError **error)
{
  NvStmt *stmt;

  if (!check_theme (theme_id, error) || !nv_workshop_exists (store, id, error))
    return FALSE;
  if (enabled)
    stmt = nv_store_prepare (store,
                             "INSERT INTO workshop_theme (workshop_id, theme) VALUES (?1, ?2) "
                             "ON CONFLICT DO NOTHING",
                             error);
  else
    stmt = nv_store_prepare (store,
                             "DELETE FROM workshop_theme WHERE workshop_id = ?1 AND theme = ?2",
                             error);
  if (stmt == NULL)
    return FALSE;
  nv_stmt_bind_int64 (stmt, 1, id);
  nv_stmt_bind_text (stmt, 2, theme_id);
  if (!nv_store_write (store, stmt, NV_TOPIC_WORKSHOPS, error))
    return FALSE;
  return TRUE;
}

gint64
nv_workshop_add_prompt (NvStore *store, gint64 id, const char *theme_id, const char *text,
                        GError **error)
{
  g_autofree char *clean = NULL;
  NvStmt *stmt;

  if (!check_theme (theme_id, error) ||
      !nv_workshop_check_text (text, 300, _("Question"), TRUE, &clean, error) ||
      !nv_workshop_exists (store, id, error))
    return 0;
  stmt = nv_store_prepare (store,
                           "INSERT INTO workshop_prompt (workshop_id, theme, text) VALUES (?1, ?2, ?3)",
                           error);
  if (stmt == NULL)
    return 0;
  nv_stmt_bind_int64 (stmt, 1, id);
  nv_stmt_bind_text (stmt, 2, theme_id);
  nv_stmt_bind_text (stmt, 3, clean);
  if (!nv_store_write (store, stmt, NV_TOPIC_WORKSHOPS, error))
    return 0;
  return nv_store_last_insert_id (store);
}

gboolean
nv_workshop_remove_prompt (NvStore *store, gint64 prompt_id, GError **error)
{
  return nv_store_delete_row (store, "DELETE FROM workshop_prompt WHERE id = ?1", prompt_id,
                              NV_TOPIC_WORKSHOPS, NULL, error);
}

GPtrArray *
nv_workshop_prompts (NvStore *store, gint64 id, GError **error)
{
  g_autoptr (GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) nv_workshop_prompt_free);
  NvStmt *stmt = nv_store_prepare (
    store, "SELECT id, theme, text FROM workshop_prompt WHERE workshop_id = ?1 ORDER BY id", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  nv_stmt_bind_int64 (stmt, 1, id);
  while ((rc = nv_stmt_step (stmt)) == NV_ROW)
    {
      NvWorkshopPrompt *p = g_new0 (NvWorkshopPrompt, 1);
      p->id = nv_stmt_column_int64 (stmt, 0);
      p->theme = nv_stmt_dup_text (stmt, 1);
      p->text = nv_stmt_dup_text (stmt, 2);
      g_ptr_array_add (list, p);
    }
  nv_stmt_reset (stmt);
  if (rc != NV_DONE)
    {
      nv_store_set_sql_error (store, error);
      return NULL;
    }
  return g_steal_pointer (&list);
}
