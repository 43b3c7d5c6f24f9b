/* nv-measure-list.c — listing measures: filters, search and sorting, done
 * here so the Measures page and naervaer-cli always agree.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-measure"

#include "config.h"

#include <string.h>

#include "nv-measure-private.h"
#include "nv-store-private.h"

/* ---- Listing ------------------------------------------------------------- */

void
nv_measure_query_init (NvMeasureQuery *query)
{
  memset (query, 0, sizeof *query);
  query->sort = NV_MEASURE_SORT_DEADLINE;
}

static char *
fold (const char *text)
{
  g_autofree char *norm = g_utf8_normalize (text != NULL ? text : "", -1, G_NORMALIZE_ALL_COMPOSE);
  return g_utf8_casefold (norm != NULL ? norm : "", -1);
}

static gboolean
matches_search (const NvMeasure *m, const char *notes_text, char **words)
{
  g_autofree char *joined = NULL;
  g_autofree char *hay = NULL;

  if (words == NULL || words[0] == NULL)
    return TRUE;
  joined = g_strjoin ("\n", m->title, m->description, m->owner,
                      notes_text != NULL ? notes_text : "", NULL);
  hay = fold (joined);
  for (guint i = 0; words[i] != NULL; i++)
    if (*words[i] != '\0' && strstr (hay, words[i]) == NULL)
      return FALSE;
  return TRUE;
}

static int
cmp_day_none_last (NvDay a, NvDay b)
{
  if (a == b)
    return 0;
  if (a == NV_DAY_NONE)
    return 1;
  if (b == NV_DAY_NONE)
    return -1;
  return a < b ? -1 : 1;
}

static int
cmp_text (const char *a, const char *b)
{
  g_autofree char *fa = fold (a);
  g_autofree char *fb = fold (b);
  int c = g_utf8_collate (fa, fb);
  return c != 0 ? c : strcmp (fa, fb);
}

/* 0 overdue, 1 in progress, 2 planned, 3 closed */
static int
attention_group (const NvMeasure *m, NvDay as_of)
{
  if (nv_measure_is_overdue (m, as_of))
    return 0;
  switch (m->status)
    {
    case NV_MEASURE_IN_PROGRESS:
      return 1;
    case NV_MEASURE_PLANNED:
      return 2;
    case NV_MEASURE_DONE:
    case NV_MEASURE_DISCONTINUED:
    default:
      return 3;
    }
}

static int
cmp_measures (gconstpointer pa, gconstpointer pb, gpointer user_data)
{
  const NvMeasure *a = *(NvMeasure *const *) pa;
  const NvMeasure *b = *(NvMeasure *const *) pb;
  const NvMeasureQuery *q = user_data;
  int c = 0;

  switch (q->sort)
    {
    case NV_MEASURE_SORT_START:
      c = cmp_day_none_last (a->start, b->start);
      break;
    case NV_MEASURE_SORT_TITLE:
      break;
    case NV_MEASURE_SORT_STATUS:
      c = (int) a->status - (int) b->status;
      if (c == 0)
        c = cmp_day_none_last (a->deadline, b->deadline);
      break;
    case NV_MEASURE_SORT_THEME:
      c = (int) nv_measure_theme_index (a->theme) - (int) nv_measure_theme_index (b->theme);
      if (c == 0)
        c = cmp_day_none_last (a->deadline, b->deadline);
      break;
    case NV_MEASURE_SORT_OWNER:
      if ((*a->owner == '\0') != (*b->owner == '\0'))
        c = *a->owner == '\0' ? 1 : -1;
      else
        c = cmp_text (a->owner, b->owner);
      if (c == 0)
        c = cmp_day_none_last (a->deadline, b->deadline);
      break;
    case NV_MEASURE_SORT_ATTENTION:
      c = attention_group (a, q->as_of) - attention_group (b, q->as_of);
      if (c == 0 && attention_group (a, q->as_of) == 3)
        c = a->status_day > b->status_day ? -1 : a->status_day < b->status_day;
      else if (c == 0)
        c = cmp_day_none_last (a->deadline, b->deadline);
      break;
    case NV_MEASURE_SORT_DEADLINE:
    default:
      c = cmp_day_none_last (a->deadline, b->deadline);
      break;
    }
  if (c == 0)
    c = cmp_text (a->title, b->title);
  if (c == 0)
    c = a->id < b->id ? -1 : a->id > b->id;
  return q->descending ? -c : c;
}

static GPtrArray *
collect (NvStore *store, NvStmt *stmt, const NvMeasureQuery *query, GError **error)
{
  g_autoptr (GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) nv_measure_free);
  g_auto (GStrv) words = NULL;
  NvDay as_of = query->as_of != NV_DAY_NONE ? query->as_of : nv_store_today (store);
  int rc;

  if (query->search != NULL && *query->search != '\0')
    {
      g_autofree char *folded = fold (query->search);
      words = g_strsplit_set (g_strstrip (folded), " \t\n", -1);
    }
  while ((rc = nv_stmt_step (stmt)) == NV_ROW)
    {
      g_autofree char *notes_text = NULL;
      g_autoptr (NvMeasure) m = nv_measure_from_row (stmt, &notes_text);

      if (query->status_mask != 0 && (query->status_mask & (1u << m->status)) == 0)
        continue;
      if (query->theme != NULL && *query->theme != '\0' && g_strcmp0 (query->theme, m->theme) != 0)
        continue;
      if (query->overdue_only && !nv_measure_is_overdue (m, as_of))
        continue;
      if (query->workshop_id != 0 && m->workshop_id != query->workshop_id)
        continue;
      if (!matches_search (m, notes_text, words))
        continue;
      g_ptr_array_add (list, g_steal_pointer (&m));
    }
  nv_stmt_reset (stmt);
  if (rc != NV_DONE)
    {
      nv_store_set_sql_error (store, error);
      return NULL;
    }
  {
    NvMeasureQuery resolved = *query;
    resolved.as_of = as_of;
    g_ptr_array_sort_with_data (list, cmp_measures, &resolved);
  }
  return g_steal_pointer (&list);
}

GPtrArray *
nv_measure_list (NvStore *store, gint64 unit_id, const NvMeasureQuery *query, GError **error)
{
  NvMeasureQuery defaults;
  NvStmt *stmt;

  if (query == NULL)
    {
      nv_measure_query_init (&defaults);
      query = &defaults;
    }
  stmt = nv_store_prepare (store, NV_MEASURE_COLUMNS "WHERE m.unit_id = ?1", error);
  if (stmt == NULL)
    return NULL;
  nv_stmt_bind_int64 (stmt, 1, unit_id);
  return collect (store, stmt, query, error);
}

GPtrArray *
nv_measure_list_by_start (NvStore *store, gint64 unit_id, GError **error)
{
  NvMeasureQuery query;

  nv_measure_query_init (&query);
  query.sort = NV_MEASURE_SORT_START;
  return nv_measure_list (store, unit_id, &query, error);
}

GPtrArray *
nv_measure_list_for_workshop (NvStore *store, gint64 workshop_id, GError **error)
{
  g_autoptr (GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) nv_measure_free);
  NvStmt *stmt;
  int rc;

  stmt = nv_store_prepare (store, NV_MEASURE_COLUMNS "WHERE m.workshop_id = ?1 ORDER BY m.id", error);
  if (stmt == NULL)
    return NULL;
  nv_stmt_bind_int64 (stmt, 1, workshop_id);
  while ((rc = nv_stmt_step (stmt)) == NV_ROW)
    g_ptr_array_add (list, nv_measure_from_row (stmt, NULL));
  nv_stmt_reset (stmt);
  if (rc != NV_DONE)
    {
      nv_store_set_sql_error (store, error);
      return NULL;
    }
  return g_steal_pointer (&list);
}
