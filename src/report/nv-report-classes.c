/* nv-report-classes.c — lost days by NAV duration class (A–F) per quarter.
 *
 * A case's class follows its whole duration (DESIGN §2), so each spell
 * belongs to the class of its case; the lost days of class X in a quarter
 * are what the statistics give for the spells of class-X cases alone. HR
 * monthly figures cannot be split: such quarters have no classes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-report"

#include "config.h"

#include <math.h>

#include "nv-report-private.h"

static char *
spell_key (gint64 employee_id, NvDay start)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT ":%d", employee_id, (int) start);
}

gboolean
nv_report_duration_classes (NvStore *store, gint64 unit_id, const NvStatsPeriod *quarters,
                            guint n_quarters, NvDay as_of, double (*lost)[NV_REPORT_N_CLASSES],
                            GError **error)
{
  g_autoptr (GPtrArray) roster_list = nv_roster_list (store, unit_id, error);
  g_autoptr (GPtrArray) spell_list = NULL;
  g_autoptr (GArray) roster = NULL;
  g_autoptr (GArray) spells = NULL;
  g_autoptr (GPtrArray) cases = NULL;
  g_autoptr (GHashTable) code_of = NULL;

  for (guint q = 0; q < n_quarters; q++)
    for (guint k = 0; k < NV_REPORT_N_CLASSES; k++)
      lost[q][k] = quarters[q].has_case_split ? 0 : NAN;
  if (roster_list == NULL)
    return FALSE;
  spell_list = nv_spell_list (store, unit_id, error);
  if (spell_list == NULL)
    return FALSE;
  if (n_quarters == 0 || spell_list->len == 0)
    return TRUE;

  roster = g_array_sized_new (FALSE, TRUE, sizeof (NvRosterRow), roster_list->len);
  for (guint i = 0; i < roster_list->len; i++)
    g_array_append_vals (roster, g_ptr_array_index (roster_list, i), 1);
  spells = g_array_sized_new (FALSE, TRUE, sizeof (NvSpell), spell_list->len);
  for (guint i = 0; i < spell_list->len; i++)
    g_array_append_vals (spells, g_ptr_array_index (spell_list, i), 1);

  cases = nv_cases_compute ((const NvSpell *) spells->data, spells->len, as_of);
  code_of = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < cases->len; i++)
    {
      NvCase *c = g_ptr_array_index (cases, i);
      for (guint j = 0; j < c->spells->len; j++)
        {
          NvSpell *s = &g_array_index (c->spells, NvSpell, j);
          g_hash_table_insert (code_of, spell_key (s->employee_id, s->start),
                               GINT_TO_POINTER ((int) c->code));
        }
    }

  for (guint k = 0; k < NV_REPORT_N_CLASSES; k++)
    {
      g_autoptr (GArray) mine = g_array_new (FALSE, TRUE, sizeof (NvSpell));
      g_autoptr (GArray) stats = NULL;
      NvStatsQuery query = { NV_PERIOD_QUARTER, quarters[0].start, quarters[n_quarters - 1].end,
                             as_of };

      for (guint i = 0; i < spells->len; i++)
        {
          NvSpell *s = &g_array_index (spells, NvSpell, i);
          g_autofree char *key = spell_key (s->employee_id, s->start);
          if (GPOINTER_TO_INT (g_hash_table_lookup (code_of, key)) == 'A' + (int) k)
            g_array_append_vals (mine, s, 1);
        }
      if (mine->len == 0)
        continue;
      stats = nv_stats_compute (&query, (const NvRosterRow *) roster->data, roster->len,
                                (const NvSpell *) mine->data, mine->len, NULL, 0);
      for (guint q = 0; q < n_quarters; q++)
        for (guint i = 0; i < stats->len; i++)
          if (quarters[q].has_case_split &&
              g_array_index (stats, NvStatsPeriod, i).start == quarters[q].start)
            lost[q][k] = g_array_index (stats, NvStatsPeriod, i).lost_days;
    }
  return TRUE;
}
