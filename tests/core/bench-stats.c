/* Benchmark of the statistics engine (meson benchmark, not a test):
 *   1. one unit, 60 employees, 5 years, by quarter — what a page reload costs;
 *   2. 500 units x 20 employees x 10 years by quarter, in memory;
 *   3. the same from the store: after a bulk write (every row read, packs
 *      written), after opening the database (packs read — the ≤ 50 ms
 *      target), after another program's write, after our own writes, and
 *      with nothing written since.
 * Prints the best of several runs in CPU milliseconds (this process's CPU
 * time, so a busy machine does not inflate it) and wall milliseconds; fails
 * if the results are implausible or the first query after opening the
 * database takes more than 50 ms CPU (the target of issue 3). */
#include "config.h"

#include <math.h>
#include <time.h>

#include "../nv-test-util.h"
#include "nv-absence.h"
#include "nv-stats.h"
#include "nv-store.h"
#include "nv-unit.h"

#include "nv-stats-private.h"

typedef struct
{
  GArray *roster; /* NvRosterRow */
  GArray *spells; /* NvSpell */
} Rows;

/* Employees with one or two roster rows and about six spells a year. */
static void
generate (GRand *rand, gint64 first_emp, guint n_employees, NvDay first, NvDay last, Rows *out)
{
  out->roster = g_array_new (FALSE, FALSE, sizeof (NvRosterRow));
  out->spells = g_array_new (FALSE, FALSE, sizeof (NvSpell));

  for (guint e = 0; e < n_employees; e++)
    {
      gint64 emp = first_emp + e;
      NvDay change = first + (NvDay) g_rand_int_range (rand, 100, (gint32) (last - first));
      NvRosterRow a = { 0, emp, NULL, 100, first - 400, change - 1 };
      NvRosterRow b = { 0, emp, NULL, 60, change, NV_DAY_NONE };
      NvDay d = first;

      g_array_append_val (out->roster, a);
      g_array_append_val (out->roster, b);
      for (;;)
        {
          NvSpell s = { 0, emp, NULL, 0, 0, 100, NV_SPELL_DOCTOR };
          d += (NvDay) g_rand_int_range (rand, 20, 100);
          if (d > last)
            break;
          s.start = d;
          s.end = d + (NvDay) g_rand_int_range (rand, 0, g_rand_int_range (rand, 1, 10) == 1 ? 90 : 6);
          s.type = s.end - s.start < 3 && g_rand_boolean (rand) ? NV_SPELL_SELF : NV_SPELL_DOCTOR;
          s.grade = s.type == NV_SPELL_DOCTOR && g_rand_int_range (rand, 0, 5) == 0 ? 50 : 100;
          if (s.end > last)
            s.end = NV_DAY_NONE;
          g_array_append_val (out->spells, s);
          if (s.end == NV_DAY_NONE)
            break;
          d = s.end + 1;
        }
    }
}

static double
cpu_now (void)
{
  struct timespec ts;
  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000. + ts.tv_nsec / 1e6;
}

static double cpu_start;

static void
start (GTimer *timer)
{
  g_timer_start (timer);
  cpu_start = cpu_now ();
}

static double best_wall;

/* CPU ms since start(); keeps the best wall time in best_wall. */
static double
time_ms (GTimer *timer)
{
  best_wall = MIN (best_wall, g_timer_elapsed (timer, NULL) * 1000);
  return cpu_now () - cpu_start;
}

static void
check (GArray *periods, guint expected)
{
  double lost = 0;

  if (periods->len != expected)
    g_error ("expected %u periods, got %u", expected, periods->len);
  for (guint i = 0; i < periods->len; i++)
    lost += g_array_index (periods, NvStatsPeriod, i).lost_days;
  if (!(lost > 0) || !isfinite (lost))
    g_error ("implausible result");
}

int
main (int argc, char **argv)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (42);
  g_autoptr (GTimer) timer = g_timer_new ();
  NvDay today = nv_day_from_ymd (2026, 11, 20);
  NvStatsQuery q5 = { NV_PERIOD_QUARTER, nv_day_from_ymd (2021, 10, 1), today, today };
  NvStatsQuery q10 = { NV_PERIOD_QUARTER, nv_day_from_ymd (2016, 10, 1), today, today };
  Rows one;
  double best = G_MAXDOUBLE, worst = 0;
  gboolean target_met = FALSE;

  best_wall = G_MAXDOUBLE;

  /* 1 — one unit, 60 employees, 5 years. */
  generate (rand, 1, 60, q5.from, today, &one);
  for (guint run = 0; run < 200; run++)
    {
      g_autoptr (GArray) out = NULL;
      start (timer);
      out = nv_stats_compute (&q5, (NvRosterRow *) (void *) one.roster->data, one.roster->len,
                              (NvSpell *) (void *) one.spells->data, one.spells->len, NULL, 0);
      best = MIN (best, time_ms (timer));
      check (out, 21);
    }
  g_print ("one unit, 60 employees, 5 years (%u spells), by quarter: %.3f ms CPU (%.3f ms wall)\n",
           one.spells->len, best, best_wall);

  /* 2 — 500 units x 20 employees x 10 years, in memory. */
  {
    g_autofree NvStatsUnitData *units = g_new0 (NvStatsUnitData, 500);
    g_autofree Rows *rows = g_new0 (Rows, 500);
    guint n_spells = 0;

    for (guint u = 0; u < 500; u++)
      {
        generate (rand, 1 + u * 20, 20, q10.from, today, &rows[u]);
        units[u] = (NvStatsUnitData) { u + 1,
                                       (NvRosterRow *) (void *) rows[u].roster->data,
                                       rows[u].roster->len,
                                       (NvSpell *) (void *) rows[u].spells->data,
                                       rows[u].spells->len, NULL, 0 };
        n_spells += rows[u].spells->len;
      }
    best = G_MAXDOUBLE;
    best_wall = G_MAXDOUBLE;
    for (guint run = 0; run < 10; run++)
      {
        g_autoptr (GArray) out = NULL;
        start (timer);
        out = nv_stats_compute_units (&q10, units, 500);
        best = MIN (best, time_ms (timer));
        check (out, 41);
      }
    g_print ("500 units x 20 employees x 10 years (%u spells), by quarter, in memory: "
             "%.1f ms CPU (%.1f ms wall)\n",
             n_spells, best, best_wall);

    /* 3 — the same through the store. */
    {
      g_autofree char *dir = nv_test_tmpdir ();
      g_autofree char *path = g_build_filename (dir, "bench.db", NULL);
      g_autoptr (GError) error = NULL;
      g_autoptr (NvStore) store = nv_store_open (path, &error);
      const char *field = NULL;

      g_assert_no_error (error);
      g_assert_true (nv_store_begin (store, &error));
      for (guint u = 0; u < 500; u++)
        {
          g_autofree char *name = g_strdup_printf ("Unit %03u", u);
          gint64 id = nv_unit_add (store, name, "annet", NULL, &error);
          g_autoptr (NvAbsenceBatch) batch = nv_absence_batch_new (store, id, &error);

          g_assert_no_error (error);
          for (guint i = 0; i < rows[u].roster->len; i++)
            {
              NvRosterRow *r = &g_array_index (rows[u].roster, NvRosterRow, i);
              g_autofree char *ref = g_strdup_printf ("E%" G_GINT64_FORMAT, r->employee_id);
              if (!nv_absence_batch_add_roster (batch, ref, r->fte, r->from, r->to, &field,
                                                &error))
                g_error ("%s: %s", field, error->message);
            }
          for (guint i = 0; i < rows[u].spells->len; i++)
            {
              NvSpell *s = &g_array_index (rows[u].spells, NvSpell, i);
              g_autofree char *ref = g_strdup_printf ("E%" G_GINT64_FORMAT, s->employee_id);
              if (!nv_absence_batch_add_spell (batch, ref, s->start, s->end, s->grade, s->type,
                                               &field, &error))
                g_error ("%s: %s", field, error->message);
            }
        }
      g_assert_true (nv_store_commit (store, &error));

      /* After a bulk write (an import into every unit): every row is read
       * from the tables and each unit's pack is written. */
      {
        g_autoptr (GArray) out = NULL;

        best_wall = G_MAXDOUBLE;
        start (timer);
        out = nv_stats_for_units (store, NULL, 0, &q10, &error);
        best = time_ms (timer);
        g_assert_no_error (error);
        check (out, 41);
        g_print ("500 units x 20 employees x 10 years from the store, first query after "
                 "writing every unit (reads every row, writes the packs): %.1f ms CPU "
                 "(%.1f ms wall)\n",
                 best, best_wall);
      }

      /* Cold: the first query after opening the database (the app starts,
       * the CLI runs) — the target of ≤ 50 ms. */
      best = G_MAXDOUBLE;
      best_wall = G_MAXDOUBLE;
      worst = 0;
      for (guint run = 0; run < 5; run++)
        {
          g_autoptr (GArray) out = NULL;
          double ms;

          g_clear_object (&store);
          store = nv_store_open (path, &error);
          g_assert_no_error (error);
          start (timer);
          out = nv_stats_for_units (store, NULL, 0, &q10, &error);
          ms = time_ms (timer);
          best = MIN (best, ms);
          worst = MAX (worst, ms);
          g_assert_no_error (error);
          check (out, 41);
        }
      g_print ("500 units x 20 employees x 10 years from the store, first query after "
               "opening it (reads the packs): %.1f ms CPU (%.1f ms wall), worst of 5 "
               "%.1f ms CPU (target ≤ 50)\n",
               best, best_wall, worst);
      target_met = best <= 50;

      /* Another program (the CLI) writes a spell: everything is read again,
       * the packs of the units it did not touch and that unit's rows. */
      best = G_MAXDOUBLE;
      best_wall = G_MAXDOUBLE;
      for (guint run = 0; run < 3; run++)
        {
          g_autoptr (GArray) out = NULL;
          g_autoptr (NvStore) other = nv_store_open (path, &error);
          g_autoptr (GPtrArray) emps = NULL;
          NvDay day = nv_day_from_ymd (2026, 11, 10) + run;

          g_assert_no_error (error);
          emps = nv_employee_list (other, 2, &error);
          g_assert_no_error (error);
          nv_spell_add (other, ((NvEmployee *) g_ptr_array_index (emps, 0))->id, day, day, 100,
                        NV_SPELL_SELF, &field, NULL);
          start (timer);
          out = nv_stats_for_units (store, NULL, 0, &q10, &error);
          best = MIN (best, time_ms (timer));
          g_assert_no_error (error);
          check (out, 41);
        }
      g_print ("500 units x 20 employees x 10 years from the store, after another program "
               "wrote a spell (packs + one unit's rows): %.1f ms CPU (%.1f ms wall)\n",
               best, best_wall);

      for (guint run = 0; run < 3; run++)
        {
          g_autoptr (GArray) out = NULL;
          NvMonthly touch = { 1, 2016, 1, 100, 0, 0, 20 + run };

          g_assert_true (nv_monthly_upsert (store, &touch, &field, &error));
          best_wall = G_MAXDOUBLE;
          start (timer);
          out = nv_stats_for_units (store, NULL, 0, &q10, &error);
          best = time_ms (timer);
          g_assert_no_error (error);
          check (out, 41);
          g_print ("500 units x 20 employees x 10 years from the store, after a write of HR "
                   "figures (read + compute): %.1f ms CPU (%.1f ms wall)\n",
                   best, best_wall);
        }
      /* After a spell write that unit's rows are read again. */
      for (guint run = 0; run < 3; run++)
        {
          g_autoptr (GArray) out = NULL;
          gint64 emp = 0;
          NvDay day = nv_day_from_ymd (2026, 11, 2) + run;

          {
            g_autoptr (GPtrArray) emps = nv_employee_list (store, 1, &error);
            g_assert_no_error (error);
            emp = ((NvEmployee *) g_ptr_array_index (emps, 0))->id;
          }
          /* A one-day spell after the generated ones, or none if it overlaps. */
          nv_spell_add (store, emp, day, day, 100, NV_SPELL_SELF, &field, NULL);
          best_wall = G_MAXDOUBLE;
          start (timer);
          out = nv_stats_for_units (store, NULL, 0, &q10, &error);
          best = time_ms (timer);
          g_assert_no_error (error);
          check (out, 41);
          g_print ("500 units x 20 employees x 10 years from the store, after a spell write "
                   "(read + compute): %.1f ms CPU (%.1f ms wall)\n",
                   best, best_wall);
        }
      /* Warm: reloads without writes in between use the cached rows. */
      best = G_MAXDOUBLE;
      best_wall = G_MAXDOUBLE;
      for (guint run = 0; run < 5; run++)
        {
          g_autoptr (GArray) out = NULL;
          start (timer);
          out = nv_stats_for_units (store, NULL, 0, &q10, &error);
          best = MIN (best, time_ms (timer));
          g_assert_no_error (error);
          check (out, 41);
        }
      g_print ("500 units x 20 employees x 10 years from the store, no write since "
               "(cached rows): %.1f ms CPU (%.1f ms wall)\n",
               best, best_wall);
      g_clear_object (&store);
      nv_test_rmtree (dir);
    }
    for (guint u = 0; u < 500; u++)
      {
        g_array_unref (rows[u].roster);
        g_array_unref (rows[u].spells);
      }
  }
  g_array_unref (one.roster);
  g_array_unref (one.spells);
  if (!target_met)
    g_print ("bench-stats: TARGET MISSED\n");
  return target_met ? 0 : 1;
}
