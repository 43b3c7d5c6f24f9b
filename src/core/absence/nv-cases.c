/* nv-cases.c — sick-leave cases (sykefraværstilfeller) from spells: spells
 * of one employee where each starts the day after the previous ends (the
 * statistics' case, DESIGN §2); and follow-up cases (oppfølgingstilfeller,
 * DESIGN §3), where spells less than 16 days apart belong together.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-stats"

#include "config.h"

#include <stdlib.h>

#include "nv-absence-private.h"
#include "nv-stats-cache.h"
#include "nv-stats.h"
#include "nv-store-private.h"

void
nv_case_free (NvCase *c)
{
  if (c == NULL)
    return;
  g_free (c->employee_ref);
  g_clear_pointer (&c->spells, g_array_unref);
  g_free (c);
}

NvCaseClass
nv_case_class_for (guint duration)
{
  return duration >= 17 ? NV_CASE_LONG : NV_CASE_SHORT;
}

char
nv_case_code_for (guint duration)
{
  if (duration <= 7)
    return 'A';
  if (duration <= 16)
    return 'B';
  if (duration <= 8 * 7)
    return 'C';
  if (duration <= 20 * 7)
    return 'D';
  if (duration <= 39 * 7)
    return 'E';
  return 'F';
}

const char *
nv_case_class_to_string (NvCaseClass klass)
{
  return klass == NV_CASE_LONG ? "long" : "short";
}

static int
cmp_spell (const void *a, const void *b)
{
  const NvSpell *x = *(NvSpell *const *) a;
  const NvSpell *y = *(NvSpell *const *) b;

  if (x->employee_id != y->employee_id)
    return x->employee_id < y->employee_id ? -1 : 1;
  return x->start < y->start ? -1 : x->start > y->start;
}

static int
cmp_case (gconstpointer a, gconstpointer b)
{
  const NvCase *x = *(NvCase *const *) a;
  const NvCase *y = *(NvCase *const *) b;

  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  return x->employee_id < y->employee_id ? -1 : x->employee_id > y->employee_id;
}

static gboolean
ignored (const NvSpell *s, NvDay as_of)
{
  return s->end == NV_DAY_NONE && s->start > as_of;
}

/* Spells join the case when they start at most @max_gap days after the day
 * following its end: 0 for the statistics' case (adjacent spells only). */
static GPtrArray *
compute_cases (const NvSpell *spells, guint n_spells, NvDay as_of, guint max_gap)
{
  GPtrArray *cases = g_ptr_array_new_with_free_func ((GDestroyNotify) nv_case_free);
  g_autofree const NvSpell **sorted = g_new (const NvSpell *, n_spells + 1);
  guint i = 0;

  if (as_of == NV_DAY_NONE)
    as_of = nv_day_today ();
  for (guint k = 0; k < n_spells; k++)
    sorted[k] = &spells[k];
  qsort (sorted, n_spells, sizeof *sorted, cmp_spell);

  while (i < n_spells)
    {
      NvCase *c;
      NvDay end = 0;

      if (ignored (sorted[i], as_of))
        {
          i++;
          continue;
        }
      c = g_new0 (NvCase, 1);
      c->employee_id = sorted[i]->employee_id;
      c->start = sorted[i]->start;
      c->spells = g_array_new (FALSE, FALSE, sizeof (NvSpell));
      do
        {
          NvSpell copy = *sorted[i];
          copy.employee_ref = NULL;
          g_array_append_val (c->spells, copy);
          c->open = sorted[i]->end == NV_DAY_NONE;
          /* An overlapping spell (only possible across a merge) may end
           * before the case does. */
          if (c->open)
            end = as_of;
          else if (c->spells->len == 1 || sorted[i]->end > end)
            end = sorted[i]->end;
          c->has_doctor |= sorted[i]->type == NV_SPELL_DOCTOR;
          i++;
        }
      while (i < n_spells && sorted[i]->employee_id == c->employee_id &&
             (max_gap == 0 ? sorted[i]->start == end + 1
                           : sorted[i]->start <= end + 1 + (NvDay) max_gap) &&
             !ignored (sorted[i], as_of));
      c->end = end;
      c->duration = end >= c->start ? end - c->start + 1 : 0;
      c->klass = nv_case_class_for (c->duration);
      c->code = nv_case_code_for (c->duration);
      g_ptr_array_add (cases, c);
    }
  g_ptr_array_sort (cases, cmp_case);
  return cases;
}

GPtrArray *
nv_cases_compute (const NvSpell *spells, guint n_spells, NvDay as_of)
{
  return compute_cases (spells, n_spells, as_of, 0);
}

GPtrArray *
nv_followup_cases_compute (const NvSpell *spells, guint n_spells, NvDay as_of)
{
  return compute_cases (spells, n_spells, as_of, NV_FOLLOWUP_CASE_MAX_GAP);
}

static GPtrArray *
cases_for_unit (NvStore *store, gint64 unit_id, NvDay as_of, guint max_gap, GError **error)
{
  g_autoptr (GArray) spells = g_array_new (FALSE, FALSE, sizeof (NvSpell));
  g_autoptr (GHashTable) refs = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  GPtrArray *cases;

  if (!nv_spell_rows_collect_unit (store, unit_id, spells, refs, error))
    return NULL;
  if (as_of == NV_DAY_NONE)
    as_of = nv_store_today (store);
  cases = compute_cases ((NvSpell *) (void *) spells->data, spells->len, as_of, max_gap);
  for (guint i = 0; i < cases->len; i++)
    {
      NvCase *c = g_ptr_array_index (cases, i);
      c->employee_ref = g_strdup (g_hash_table_lookup (refs, &c->employee_id));
    }
  return cases;
}

GPtrArray *
nv_cases_for_unit (NvStore *store, gint64 unit_id, NvDay as_of, GError **error)
{
  return cases_for_unit (store, unit_id, as_of, 0, error);
}

GPtrArray *
nv_followup_cases_for_units (NvStore *store, const gint64 *unit_ids, guint n_units, NvDay as_of,
                             gboolean with_refs, GError **error)
{
  g_autoptr (NvStatsCache) cache = nv_stats_cache_new ();
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GHashTable) refs = NULL;
  g_autoptr (GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);

  if (as_of == NV_DAY_NONE)
    as_of = nv_store_today (store);
  g_array_append_vals (ids, unit_ids, n_units);
  /* The statistics' packs hold each unit's spells in one blob: much faster
   * than the spell table for a big unit. */
  if (!nv_stats_load_units (store, cache, ids, TRUE, error))
    return NULL;
  if (with_refs)
    {
      refs = nv_employee_rows_refs (store, n_units == 1 ? unit_ids[0] : 0, error);
      if (refs == NULL)
        return NULL;
    }
  for (guint i = 0; i < n_units; i++)
    {
      NvStatsUnitRows *u = NV_STATS_UNIT (cache, nv_stats_cache_unit_pos (cache, unit_ids[i]));
      g_autoptr (GArray) spells = nv_stats_unit_spells (u);
      GPtrArray *cases = compute_cases ((NvSpell *) (void *) spells->data, spells->len, as_of,
                                        NV_FOLLOWUP_CASE_MAX_GAP);

      for (guint j = 0; refs != NULL && j < cases->len; j++)
        {
          NvCase *c = g_ptr_array_index (cases, j);
          c->employee_ref = g_strdup (g_hash_table_lookup (refs, &c->employee_id));
        }
      g_ptr_array_add (out, cases);
    }
  return g_steal_pointer (&out);
}

GPtrArray *
nv_followup_cases_for_unit (NvStore *store, gint64 unit_id, NvDay as_of, GError **error)
{
  g_autoptr (GPtrArray) per_unit =
    nv_followup_cases_for_units (store, &unit_id, 1, as_of, TRUE, error);

  if (per_unit == NULL)
    return NULL;
  return g_ptr_array_ref (g_ptr_array_index (per_unit, 0));
}
