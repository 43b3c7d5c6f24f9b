/* nv-faktor-demo.c — 10-FAKTOR rounds for the demo municipality.
 *
 * Three yearly rounds (closing 31 October) per demo unit. The means are
 * simulated around typical values; in health and care, mastery-oriented
 * leadership and mastery climate run higher in units with a lower absence
 * level, as the programme's research found, and in kindergartens they do
 * not. Units too small to reach 3 respondents get their rounds stored and,
 * like any such round, never shown.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-faktor"

#include "config.h"

#include <math.h>

#include "nv-faktor-private.h"
#include "nv-store-private.h"

/* Typical unit means, in KS' order of the factors. */
static const double typical[NV_FAKTOR_N] = { 4.3, 4.1, 3.8, 4.0, 3.8, 4.1, 3.6, 4.0, 3.8, 4.5 };
#define LEADERSHIP 4
#define CLIMATE 8

static double
gauss (GRand *rand)
{
  double u = g_rand_double_range (rand, 1e-12, 1.0), v = g_rand_double (rand);

  return sqrt (-2 * log (u)) * cos (2 * G_PI * v);
}

gboolean
nv_faktor_demo_fill (NvStore *store, gint64 unit_id, guint index, const char *sector,
                     double level, guint positions, NvDay today, GError **error)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (1510 + index);
  int last;

  nv_day_to_ymd (today, &last, NULL, NULL);
  if (nv_day_from_ymd (last, 10, 31) > today)
    last--;
  for (int y = last - 2; y <= last; y++)
    {
      NvDay date = nv_day_from_ymd (y, 10, 31);
      char iso[11];
      NvStmt *stmt;
      int respondents = (int) floor (positions * 0.75 + 0.5) - (int) g_rand_int_range (rand, 0, 2);

      stmt = nv_store_prepare (store,
                               "INSERT INTO faktor_round (unit_id, date, respondents, "
                               "task_motivation, mastery_belief, autonomy, use_of_competence, "
                               "mastery_oriented_leadership, role_clarity, "
                               "competence_development, flexibility, mastery_climate, "
                               "prosocial_motivation) "
                               "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
                               error);
      if (stmt == NULL)
        return FALSE;
      nv_stmt_bind_int64 (stmt, 1, unit_id);
      nv_stmt_bind_text (stmt, 2, nv_day_format_iso_buf (date, iso));
      nv_stmt_bind_int (stmt, 3, MAX (respondents, 0));
      for (int f = 0; f < NV_FAKTOR_N; f++)
        {
          double v = typical[f] + 0.15 * gauss (rand);

          if (g_strcmp0 (sector, "helse-omsorg") == 0 && (f == LEADERSHIP || f == CLIMATE))
            v -= 2.6 * (level - 1.0);
          v = CLAMP (round (v * 100) / 100, NV_FAKTOR_MIN, NV_FAKTOR_MAX);
          nv_stmt_bind_double (stmt, 4 + f, v);
        }
      if (!nv_store_step_done (store, stmt, error))
        return FALSE;
    }
  return TRUE;
}
