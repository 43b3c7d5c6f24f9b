/* nv-municipal: the overview's figures equal each unit's own figures, and
 * the own-municipality figures are Σ lost / Σ contracted over all units
 * (summed here from each unit's own quarters, not by the code under test).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "nv-test-store.h"
#include "nv-demo.h"
#include "nv-format.h"
#include "nv-municipal.h"
#include "nv-stats.h"
#include "nv-unit.h"

#define EPS 1e-9

static GArray *
quarters_of (NvStore *store, gint64 unit_id, int first, int last, NvDay as_of)
{
  g_autoptr (GError) error = NULL;
  NvStatsQuery q = { NV_PERIOD_QUARTER, nv_day_from_ymd (first / 4, (first % 4) * 3 + 1, 1),
                     NV_DAY_NONE, as_of };
  GArray *periods;

  q.to = nv_period_end (NV_PERIOD_QUARTER, nv_day_from_ymd (last / 4, (last % 4) * 3 + 1, 1));
  periods = nv_stats_for_unit (store, unit_id, &q, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (periods->len, ==, last - first + 1);
  return periods;
}

static void
test_equals_units (void)
{
  g_autofree char *dir = nv_test_tmpdir ();
  g_autoptr (NvStore) store = nv_test_open_store (dir, "m.db");
  g_autoptr (GError) error = NULL;
  g_autoptr (NvMunicipal) m = NULL;
  g_autofree char *csv_path = g_build_filename (dir, "oversikt.csv", NULL);
  g_autofree char *csv = NULL;
  NvDay as_of = nv_day_from_ymd (2026, 11, 20);
  double all_lost = 0, all_contracted = 0;
  guint n_masked = 0;

  g_assert_true (nv_demo_fill_full (store, 6, 3, as_of, NV_DEMO_DEFAULT_SEED, NULL, &error));
  g_assert_no_error (error);
  m = nv_municipal_new (store, as_of, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (m->units->len, ==, 6);
  /* The newest complete quarter on 2026-11-20 is 2026-Q3. */
  g_assert_cmpint (m->heat_first + NV_MUNICIPAL_HEAT_QUARTERS - 1, ==, 2026 * 4 + 2);

  for (guint i = 0; i < m->units->len; i++)
    {
      const NvMunicipalUnit *u = g_ptr_array_index (m->units, i);
      int last = u->latest;
      g_autoptr (GArray) q = quarters_of (store, u->unit_id, last - 7, last, as_of);
      const NvStatsPeriod *p = (const NvStatsPeriod *) q->data;
      double lost = 0, contracted = 0;

      g_assert_cmpint (last, ==, 2026 * 4 + 2);
      g_assert_cmpfloat_with_epsilon (u->latest_percent, p[7].percent, EPS);
      g_assert_cmpint (u->latest_masked, ==, p[7].masked);
      g_assert_cmpuint (u->persons, ==, p[7].persons);
      for (int k = 4; k < 8; k++)
        {
          lost += p[k].lost_days;
          contracted += p[k].contracted_days;
        }
      g_assert_cmpfloat_with_epsilon (u->four_percent, lost * 100 / contracted, EPS);
      /* The change as a reader computes it from the two figures shown. */
      g_assert_cmpfloat_with_epsilon (u->trend_points,
                                      nv_round_half_up (p[7].percent, 1) -
                                        nv_round_half_up (p[3].percent, 1),
                                      EPS);
      for (int k = 0; k < NV_MUNICIPAL_HEAT_QUARTERS; k++)
        {
          g_assert_cmpfloat_with_epsilon (u->heat[k], p[k].percent, EPS);
          g_assert_cmpint (u->heat_masked[k], ==, p[k].masked);
        }
      all_lost += lost;
      all_contracted += contracted;
      n_masked += u->latest_masked;
      if (g_strcmp0 (u->sector, "barnehage") == 0)
        /* The shipped kindergarten figure is years behind the data. */
        g_assert_cmpstr (u->benchmark, ==, "Kommuner");
    }
  g_assert_cmpuint (n_masked, ==, 1); /* Tusenfryd barnehage: 3 persons */
  g_assert_cmpfloat_with_epsilon (m->own_percent, all_lost * 100 / all_contracted, EPS);

  /* The export leaves the masked unit's figures out. */
  g_assert_true (nv_municipal_export_csv (m, csv_path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (csv_path, &csv, NULL, NULL));
  {
    const char *line = strstr (csv, "Tusenfryd barnehage;barnehage;2026-Q3;;;;grå;");
    g_assert_nonnull (line);
  }
  nv_test_rmtree (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/municipal/equals-units", test_equals_units);
  return g_test_run ();
}
