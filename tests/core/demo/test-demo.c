/* The demo municipality: deterministic, plausible levels and seasons, the
 * small unit masked, open cases now, HR months, one transaction. */
#include "config.h"

#include <math.h>
#include <sqlite3.h>

#include "nv-test-store.h"
#include "nv-absence.h"
#include "nv-demo.h"
#include "nv-followup.h"
#include "nv-stats.h"
#include "nv-store-private.h"
#include "nv-store-sqlite.h"
#include "nv-unit.h"

#define TODAY nv_day_from_ymd (2026, 11, 20)

static char *
dump (NvStore *store)
{
  GString *out = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;

  sqlite3_prepare_v2 (nv_store_get_db (store),
                      "SELECT e.ref, s.start_date, ifnull(s.end_date, '-'), s.grade, s.type "
                      "FROM spell s JOIN employee e ON e.id = s.employee_id ORDER BY s.id",
                      -1, &stmt, NULL);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (out, "%s %s %s %g %s\n", sqlite3_column_text (stmt, 0),
                            sqlite3_column_text (stmt, 1), sqlite3_column_text (stmt, 2),
                            sqlite3_column_double (stmt, 3), sqlite3_column_text (stmt, 4));
  sqlite3_finalize (stmt);
  return g_string_free (out, FALSE);
}

static void
test_demo (void)
{
  g_autofree char *dir = nv_test_tmpdir ();
  g_autoptr (GError) error = NULL;
  g_autoptr (NvStore) a = nv_test_open_store (dir, "a.db");
  g_autoptr (NvStore) b = nv_test_open_store (dir, "b.db");
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *dump_a = NULL;
  g_autofree char *dump_b = NULL;
  NvStatsQuery by_quarter = { NV_PERIOD_QUARTER, nv_day_from_ymd (2022, 1, 1),
                              nv_day_from_ymd (2025, 12, 31), TODAY };
  double q1 = 0, q1c = 0, q3 = 0, q3c = 0;

  g_assert_true (nv_demo_fill_full (a, NV_DEMO_DEFAULT_UNITS, 5, TODAY, 7, ids, &error));
  g_assert_no_error (error);
  g_assert_true (nv_demo_fill_full (b, NV_DEMO_DEFAULT_UNITS, 5, TODAY, 7, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (nv_demo_present (a));

  /* Deterministic. */
  dump_a = dump (a);
  dump_b = dump (b);
  g_assert_cmpstr (dump_a, ==, dump_b);
  g_assert_cmpuint (ids->len, ==, 4);

  /* A second run is refused and changes nothing. */
  g_assert_false (nv_demo_fill (a, 2, 2, &error));
  g_assert_error (error, NV_STORE_ERROR, NV_STORE_ERROR_DUPLICATE);
  g_clear_error (&error);
  {
    g_autoptr (GPtrArray) units = nv_unit_list (a, &error);
    g_assert_cmpuint (units->len, ==, 4);
  }

  for (guint u = 0; u < ids->len; u++)
    {
      gint64 id = g_array_index (ids, gint64, u);
      g_autoptr (NvUnit) unit = nv_unit_get (a, id, &error);
      g_autoptr (GArray) years = NULL;
      g_autoptr (GArray) quarters = nv_stats_for_unit (a, id, &by_quarter, &error);
      NvStatsQuery q = { NV_PERIOD_YEAR, nv_day_from_ymd (2022, 1, 1),
                         nv_day_from_ymd (2025, 12, 31), TODAY };
      NvStatsPeriod all;

      g_assert_no_error (error);
      years = nv_stats_for_unit (a, id, &q, &error);
      all = nv_stats_combine ((NvStatsPeriod *) (void *) years->data, years->len);
      g_test_message ("%s: %.2f %% over 2022–2025, persons %u", unit->name, all.percent,
                      all.persons);
      for (guint i = 0; i < years->len; i++)
        g_test_message ("  %s %.2f %% (short %.2f, long %.2f, graded %.2f)",
                        g_array_index (years, NvStatsPeriod, i).label,
                        g_array_index (years, NvStatsPeriod, i).percent,
                        g_array_index (years, NvStatsPeriod, i).percent_short,
                        g_array_index (years, NvStatsPeriod, i).percent_long,
                        g_array_index (years, NvStatsPeriod, i).graded_share);
      if (u == 2)
        {
          /* The small kindergarten is masked throughout. */
          for (guint i = 0; i < quarters->len; i++)
            g_assert_true (g_array_index (quarters, NvStatsPeriod, i).masked);
          continue;
        }
      /* Levels near the sectors' (health and care ≈ 9–11 %, kindergartens
       * ≈ 10–12 %), with room for a small simulated unit's spread. */
      g_assert_cmpfloat (all.percent, >, 6.5);
      g_assert_cmpfloat (all.percent, <, 15);
      for (guint i = 0; i < quarters->len; i++)
        {
          const NvStatsPeriod *p = &g_array_index (quarters, NvStatsPeriod, i);
          g_assert_false (p->masked);
          if (nv_day_quarter (p->start) == 1)
            q1 += p->lost_days, q1c += p->contracted_days;
          if (nv_day_quarter (p->start) == 3)
            q3 += p->lost_days, q3c += p->contracted_days;
        }
    }
  /* Seasons: winter quarters clearly above summer ones. */
  g_test_message ("Q1 %.2f %%, Q3 %.2f %%", q1 * 100 / q1c, q3 * 100 / q3c);
  g_assert_cmpfloat (q1 / q1c, >, 1.2 * q3 / q3c);

  /* Open cases now, among them a long graded one; HR months in unit 4. */
  {
    gint64 first = g_array_index (ids, gint64, 0);
    g_autoptr (GPtrArray) open = nv_spell_list_open (a, first, &error);
    g_autoptr (GPtrArray) cases = nv_cases_for_unit (a, first, TODAY, &error);
    g_autoptr (GPtrArray) monthly = nv_monthly_list (a, g_array_index (ids, gint64, 3), &error);
    guint long_open = 0;

    g_assert_cmpuint (open->len, >=, 2);
    for (guint i = 0; i < cases->len; i++)
      {
        NvCase *c = g_ptr_array_index (cases, i);
        if (c->open && c->klass == NV_CASE_LONG)
          long_open++;
      }
    g_assert_cmpuint (long_open, >=, 2);
    g_assert_cmpuint (monthly->len, ==, 12);
  }
  nv_test_rmtree (dir);
}

/* The unit the window opens on (the first by name) has follow-up steps
 * overdue and due, whatever the day the demo is made: a new user sees the
 * Follow-up badge, and the tests that read it do not depend on the date
 * (a random case happened to make one overdue most days, not all). */
static void
test_first_unit_followup (void)
{
  g_autofree char *dir = nv_test_tmpdir ();

  for (int day = 0; day < 40; day += 3)
    {
      g_autofree char *name = g_strdup_printf ("d%d.db", day);
      g_autoptr (NvStore) store = nv_test_open_store (dir, name);
      g_autoptr (GError) error = NULL;
      g_autoptr (GPtrArray) units = NULL;
      g_autoptr (GPtrArray) steps = NULL;
      NvDay today = TODAY + day;
      guint overdue = 0, due = 0;

      g_assert_true (nv_demo_fill_full (store, NV_DEMO_DEFAULT_UNITS, 2, today,
                                        NV_DEMO_DEFAULT_SEED, NULL, &error));
      g_assert_no_error (error);
      units = nv_unit_list (store, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (units->len, >, 0);
      steps = nv_followup_list (store, ((NvUnit *) g_ptr_array_index (units, 0))->id, today,
                                &error);
      g_assert_no_error (error);
      for (guint i = 0; i < steps->len; i++)
        {
          const NvMilestone *m = g_ptr_array_index (steps, i);
          overdue += m->status == NV_MILESTONE_OVERDUE;
          due += m->status == NV_MILESTONE_DUE;
        }
      if (overdue == 0 || due == 0)
        {
          g_autofree char *iso = nv_day_format_iso (today);
          g_error ("demo made on %s: %u overdue, %u due in the first unit", iso, overdue, due);
        }
    }
  nv_test_rmtree (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/demo/fill", test_demo);
  g_test_add_func ("/demo/first-unit-followup", test_first_unit_followup);
  return g_test_run ();
}
