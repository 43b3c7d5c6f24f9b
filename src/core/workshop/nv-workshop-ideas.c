/* nv-workshop-ideas.c — ideas captured in the room, votes, agreed measures.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-workshop"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "nv-measure.h"
#include "nv-store-private.h"
#include "nv-workshop-private.h"
#include "nv-workshop.h"

void
nv_workshop_idea_free (NvWorkshopIdea *idea)
{
  if (idea == NULL)
    return;
  g_free (idea->text);
  g_free (idea->theme);
  g_free (idea);
}


gint64
nv_workshop_add_idea (NvStore *store, gint64 id, const char *text, const char *theme_id,
                      GError **error)
{
  const NvWorkshopTemplate *tpl = nv_workshop_template (error);
  g_autofree char *clean = NULL;
  NvStmt *stmt;

  if (tpl == NULL || !nv_workshop_check_text (text, 300, _("Idea"), TRUE, &clean, error))
    return 0;
  if (theme_id != NULL && *theme_id != '\0' && nv_workshop_template_find_theme (tpl, theme_id) == NULL)
    {
      g_set_error (error, NV_STORE_ERROR, NV_STORE_ERROR_INVALID,
                   _("Theme: “%s” is not a theme of the workshop"), theme_id);
      return 0;
    }
  if (!nv_workshop_exists (store, id, error))
    return 0;
  stmt = nv_store_prepare (store,
                           "INSERT INTO workshop_idea (workshop_id, text, theme, position) "
                           "VALUES (?1, ?2, ?3, (SELECT coalesce(max(position), 0) + 1 "
                           "FROM workshop_idea WHERE workshop_id = ?1))",
                           error);
  if (stmt == NULL)
    return 0;
  nv_stmt_bind_int64 (stmt, 1, id);
  nv_stmt_bind_text (stmt, 2, clean);
  nv_stmt_bind_text (stmt, 3, theme_id != NULL ? theme_id : "");
  if (!nv_store_write (store, stmt, NV_TOPIC_IDEAS, error))
    return 0;
  return nv_store_last_insert_id (store);
}

static gboolean
changed_one (NvStore *store, const char *what, GError **error)
{
  if (nv_store_changes (store) == 0)
    {
      g_set_error (error, NV_STORE_ERROR, NV_STORE_ERROR_NOT_FOUND, "%s", what);
      return FALSE;
    }
  return TRUE;
}

gboolean
nv_workshop_remove_idea (NvStore *store, gint64 idea_id, GError **error)
{
  return nv_store_delete_row (store, "DELETE FROM workshop_idea WHERE id = ?1", idea_id, NV_TOPIC_IDEAS,
                              _("The idea no longer exists"), error);
}

gboolean
nv_workshop_vote (NvStore *store, gint64 idea_id, int delta, GError **error)
{
  NvStmt *stmt;

  g_return_val_if_fail (delta == 1 || delta == -1, FALSE);
  stmt = nv_store_prepare (store,
                           "UPDATE workshop_idea SET votes = CASE WHEN votes + ?2 < 0 THEN 0 "
                           "ELSE votes + ?2 END WHERE id = ?1",
                           error);
  if (stmt == NULL)
    return FALSE;
  nv_stmt_bind_int64 (stmt, 1, idea_id);
  nv_stmt_bind_int (stmt, 2, delta);
  return nv_store_write (store, stmt, NV_TOPIC_IDEAS, error) &&
         changed_one (store, _("The idea no longer exists"), error);
}

GPtrArray *
nv_workshop_ideas (NvStore *store, gint64 id, gboolean by_votes, GError **error)
{
  g_autoptr (GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) nv_workshop_idea_free);
  NvStmt *stmt;
  int rc;

  if (by_votes)
    stmt = nv_store_prepare (store,
                             "SELECT id, text, theme, position, votes FROM workshop_idea "
                             "WHERE workshop_id = ?1 ORDER BY votes DESC, position",
                             error);
  else
    stmt = nv_store_prepare (store,
                             "SELECT id, text, theme, position, votes FROM workshop_idea "
                             "WHERE workshop_id = ?1 ORDER BY position",
                             error);
  if (stmt == NULL)
    return NULL;
  nv_stmt_bind_int64 (stmt, 1, id);
  while ((rc = nv_stmt_step (stmt)) == NV_ROW)
    {
      NvWorkshopIdea *idea = g_new0 (NvWorkshopIdea, 1);
      idea->id = nv_stmt_column_int64 (stmt, 0);
      idea->text = nv_stmt_dup_text (stmt, 1);
      idea->theme = nv_stmt_dup_text (stmt, 2);
      idea->position = nv_stmt_column_int (stmt, 3);
      idea->votes = nv_stmt_column_int (stmt, 4);
      g_ptr_array_add (list, idea);
    }
  nv_stmt_reset (stmt);
  if (rc != NV_DONE)
    {
      nv_store_set_sql_error (store, error);
      return NULL;
    }
  return g_steal_pointer (&list);
}

gint64
nv_workshop_agree_measure (NvStore *store, gint64 id, const char *what, const char *who,
                           const char *deadline, const char *theme_id, GError **error)
{
  g_autoptr (NvWorkshop) workshop = NULL;
  g_autoptr (NvMeasure) fields = nv_measure_new ();
  g_autofree char *clean_what = NULL;
  g_autofree char *clean_who = NULL;
  NvDay day = NV_DAY_NONE;

  if (deadline != NULL && *deadline == '\0')
    deadline = NULL;
  if (theme_id != NULL && *theme_id == '\0')
    theme_id = NULL;
  if (!nv_workshop_check_text (what, 120, _("What"), TRUE, &clean_what, error) ||
      !nv_workshop_check_text (who, 80, _("Who"), FALSE, &clean_who, error))
    return 0;
  if (deadline != NULL && !nv_workshop_check_date (deadline, _("By when"), error))
    return 0;
  workshop = nv_workshop_get (store, id, error);
  if (workshop == NULL)
    return 0;
  if (deadline != NULL && g_strcmp0 (deadline, workshop->date) < 0)
    {
      g_set_error (error, NV_STORE_ERROR, NV_STORE_ERROR_INVALID,
                   _("By when: %s is before the workshop (%s)"), deadline, workshop->date);
      return 0;
    }
  if (theme_id != NULL && !nv_measure_theme_is_valid (theme_id))
    {
      g_set_error (error, NV_STORE_ERROR, NV_STORE_ERROR_INVALID,
                   _("Theme: “%s” is not a theme of the workshop"), theme_id);
      return 0;
    }
  if (deadline != NULL)
    day = nv_day_parse_iso (deadline);

  /* The register owns agreed measures; the workshop is its link. */
  g_free (fields->title);
  fields->title = g_steal_pointer (&clean_what);
  g_free (fields->owner);
  fields->owner = g_steal_pointer (&clean_who);
  g_free (fields->theme);
  fields->theme = g_strdup (theme_id != NULL ? theme_id : "other");
  fields->start = nv_day_parse_iso (workshop->date);
  fields->deadline = day;
  fields->workshop_id = id;
  return nv_measure_add (store, workshop->unit_id, fields, error);
}

GPtrArray *
nv_workshop_measures (NvStore *store, gint64 id, GError **error)
{
  if (!nv_workshop_exists (store, id, error))
    return NULL;
  return nv_measure_list_for_workshop (store, id, error);
}
