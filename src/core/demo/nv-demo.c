/* nv-demo.c — the fictional demo municipality «Fjordvik kommune (demo)».
 *
 * The data is simulated, not drawn from any real unit: each unit has a
 * number of positions; each position is held by a row of employees (people
 * leave now and then and someone new starts), each with an FTE (sometimes
 * changed along the way) and a personal tendency to be absent. Day by day, a
 * workday may start an egenmeldt absence, a short legemeldt one or a long
 * case (sometimes opened by egenmeldt days, often continued as graded), with
 * seasons (winter high, summer low) and a level per unit. The rates are
 * tuned so the units land near the sector levels DESIGN §1 quotes.
 * Everything goes through the import batch, so the generator is held to the
 * same rules as any import.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-demo"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "nv-absence.h"
#include "nv-demo.h"
#include "nv-faktor-private.h"
#include "nv-followup.h"
#include "nv-measure.h"
#include "nv-workshop.h"
#include "nv-stats.h"
#include "nv-unit.h"

typedef struct
{
  const char *name;
  const char *sector;
  guint positions;
  double level; /* the unit's absence level relative to the base rates */
} DemoUnit;

/* Fictional names. The third is the small unit (masked figures). */
static const DemoUnit demo_units[NV_DEMO_MAX_UNITS] = {
  { "Solbakken sykehjem", "helse-omsorg", 24, 1.05 },
  { "Kløverenga barnehage", "barnehage", 14, 1.18 },
  { "Tusenfryd barnehage", "barnehage", 3, 1.0 },
  { "Hjemmetjenesten Nordre", "helse-omsorg", 18, 0.92 },
  { "Fjellsida bofellesskap", "helse-omsorg", 10, 1.0 },
  { "Havnehagen barnehage", "barnehage", 12, 1.18 },
  { "Lyngheim omsorgssenter", "helse-omsorg", 20, 0.86 },
  { "Hjemmetjenesten Søndre", "helse-omsorg", 16, 1.14 },
  { "Bakkely avlastning", "helse-omsorg", 9, 0.97 },
  { "Strandvegen rehabilitering", "helse-omsorg", 13, 1.09 },
};

/* Month factors: Q1 high, Q3 low; they average 1. */
static const double season[12] = { 1.40, 1.40, 1.20, 1.00, 0.90, 0.85,
                                   0.55, 0.75, 0.95, 1.05, 1.00, 0.95 };

/* Per-workday chances of starting an absence, at level 1 and tendency 1. */
#define RATE_SELF 0.0075
#define RATE_SHORT 0.0040
#define RATE_LONG 0.0021

typedef struct
{
  GRand *rand;
  NvDay first;  /* first day of simulated absence */
  NvDay today;
  GArray *roster; /* NvRosterRow; employee_id indexes refs */
  GArray *spells; /* NvSpell */
  GPtrArray *refs;
  GHashTable *used_refs;
} Sim;

static double
uniform (Sim *sim)
{
  return g_rand_double (sim->rand);
}

static int
between (Sim *sim, int lo, int hi)
{
  return g_rand_int_range (sim->rand, lo, hi + 1);
}

static double
normal (Sim *sim)
{
  double u1 = MAX (uniform (sim), 1e-12), u2 = uniform (sim);
  return sqrt (-2 * log (u1)) * cos (2 * G_PI * u2);
}

static const char initials[] = "ABDEFGHIJKLMNOPRSTUV";

static gint64
new_employee (Sim *sim)
{
  for (guint tries = 0;; tries++)
    {
      g_autofree char *ref = NULL;
      /* Two initials, with a number when they are taken. */
      char a = initials[between (sim, 0, 19)], b = initials[between (sim, 0, 19)];

      ref = tries < 8 ? g_strdup_printf ("%c%c", a, b)
                      : g_strdup_printf ("%c%c%d", a, b, between (sim, 2, 9));
      if (!g_hash_table_contains (sim->used_refs, ref))
        {
          g_hash_table_add (sim->used_refs, g_strdup (ref));
          g_ptr_array_add (sim->refs, g_steal_pointer (&ref));
          return sim->refs->len - 1;
        }
    }
}

static void
add_spell (Sim *sim, gint64 emp, NvDay start, NvDay end, double grade, NvSpellType type)
{
  NvSpell s = { 0, emp, NULL, start, end, grade, type };
  g_array_append_val (sim->spells, s);
}

/* A person holding a position for a while. */
typedef struct
{
  gint64 emp;
  NvDay from;
  NvDay to;      /* NV_DAY_NONE: ongoing */
  NvDay last;    /* last day absence is simulated (today, the end, or before a script) */
  double tendency;
  NvDay free_from; /* after the last long case (+ a day) */
  GArray *long_cases; /* NvDay pairs [start, end] of long cases, in order */
} Person;

static void
person_clear (gpointer data)
{
  Person *p = data;
  g_clear_pointer (&p->long_cases, g_array_unref);
}

static gboolean
open_at_end (Sim *sim, const Person *p)
{
  return p->to == NV_DAY_NONE && p->last == sim->today;
}

/* Egenmeldt and short legemeldt absence for @p, day by day, around the long
 * cases already placed. */
static void
simulate_short (Sim *sim, Person *p, double level)
{
  NvDay d = MAX (p->from, sim->first);
  guint next_long = 0;

  while (d <= p->last)
    {
      NvDay limit = p->last; /* the last day a short spell may reach */
      double h, u;
      int m;

      if (next_long < p->long_cases->len / 2)
        {
          NvDay ls = g_array_index (p->long_cases, NvDay, 2 * next_long);
          NvDay le = g_array_index (p->long_cases, NvDay, 2 * next_long + 1);
          if (d >= ls)
            {
              if (le == NV_DAY_NONE)
                return;
              d = le + 2;
              next_long++;
              continue;
            }
          limit = ls - 2;
        }
      if (!nv_day_is_workday (d))
        {
          d++;
          continue;
        }
      m = nv_day_month (d);
      h = season[m - 1] * p->tendency * level;
      u = uniform (sim);
      if (u < RATE_SELF * h)
        {
          NvDay e = d + (NvDay) (between (sim, 1, 10) <= 5 ? 0 : between (sim, 1, 2));
          if (d <= limit)
            add_spell (sim, p->emp, d, MIN (e, limit), 100, NV_SPELL_SELF);
          d = e + 2;
        }
      else if (u < (RATE_SELF + RATE_SHORT) * h)
        {
          NvDay e = d + (NvDay) between (sim, 3, 15);
          double grade = uniform (sim) < 0.12 ? 50 : 100;
          if (e > limit && limit == p->last && open_at_end (sim, p))
            {
              add_spell (sim, p->emp, d, NV_DAY_NONE, grade, NV_SPELL_DOCTOR);
              return;
            }
          if (d <= limit)
            add_spell (sim, p->emp, d, MIN (e, limit), grade, NV_SPELL_DOCTOR);
          d = e + 2;
        }
      else
        d++;
    }
}

/* A long case for @p from @d: sometimes opened by egenmeldt days, often
 * continued by a graded spell; open when it reaches past today. */
static void
place_long_case (Sim *sim, Person *p, NvDay d)
{
  static const double grades[] = { 40, 50, 50, 60 };
  NvDay s = d, e, case_end;
  gboolean open = FALSE;

  if (uniform (sim) < 0.4)
    {
      NvDay se = s + (NvDay) between (sim, 1, 2);
      if (se + 1 > p->last)
        return;
      add_spell (sim, p->emp, s, se, 100, NV_SPELL_SELF);
      s = se + 1;
    }
  /* Most long cases last 17–56 days; a few last months. */
  e = d + (uniform (sim) < 0.95 ? (NvDay) between (sim, 16, 42) : (NvDay) between (sim, 43, 200));
  if (e >= p->last)
    {
      open = open_at_end (sim, p);
      e = p->last;
    }
  add_spell (sim, p->emp, s, open ? NV_DAY_NONE : e, 100, NV_SPELL_DOCTOR);
  case_end = open ? NV_DAY_NONE : e;
  if (!open && e < p->last && uniform (sim) < 0.45)
    {
      /* Back part-time first: a graded spell right after. */
      NvDay gs = e + 1, ge = gs + (NvDay) between (sim, 14, 42);
      double grade = grades[between (sim, 0, 3)];
      if (ge >= p->last)
        {
          open = open_at_end (sim, p);
          ge = p->last;
        }
      add_spell (sim, p->emp, gs, open ? NV_DAY_NONE : ge, grade, NV_SPELL_DOCTOR);
      case_end = open ? NV_DAY_NONE : ge;
    }
  g_array_append_val (p->long_cases, d);
  g_array_append_val (p->long_cases, case_end);
  p->free_from = case_end == NV_DAY_NONE ? G_MAXUINT32 : case_end + 2;
}

/* Long cases carry most of the absence but are few in a unit, so instead of
 * leaving their number to chance each month gets about its expected number
 * (stratified rounding), given to people more prone to absence more often.
 * This keeps the seasons visible in a unit of twenty. */
static void
schedule_long_cases (Sim *sim, GArray *people, double level)
{
  g_autofree double *weights = g_new (double, people->len + 1);

  for (NvDay month = sim->first; month <= sim->today;
       month = nv_period_end (NV_PERIOD_MONTH, month) + 1)
    {
      NvDay end = MIN (nv_period_end (NV_PERIOD_MONTH, month), sim->today);
      double workdays = nv_workdays_between (month, end);
      double employed = 0, expected;
      guint k;

      for (guint i = 0; i < people->len; i++)
        {
          Person *p = &g_array_index (people, Person, i);
          if (p->from <= month && (p->to == NV_DAY_NONE || p->to >= month))
            employed += p->tendency;
        }
      /* Seasons weigh a little more on long cases (winter infections
       * turning into longer absence), so they show through. */
      expected = employed * workdays * RATE_LONG * pow (season[nv_day_month (month) - 1], 1.5) *
                 level;
      k = (guint) floor (expected + uniform (sim));

      for (guint j = 0; j < k; j++)
        {
          NvDay d = month + (NvDay) between (sim, 0, (int) (end - month));
          double total = 0, pick;

          while (!nv_day_is_workday (d) && d < end)
            d++;
          for (guint i = 0; i < people->len; i++)
            {
              Person *p = &g_array_index (people, Person, i);
              gboolean ok = p->from <= d && p->last >= d + 10 && p->free_from <= d;
              weights[i] = ok ? p->tendency : 0;
              total += weights[i];
            }
          if (total <= 0)
            continue;
          pick = uniform (sim) * total;
          for (guint i = 0; i < people->len; i++)
            {
              if (weights[i] <= 0)
                continue;
              pick -= weights[i];
              if (pick <= 0 || i == people->len - 1)
                {
                  place_long_case (sim, &g_array_index (people, Person, i), d);
                  break;
                }
            }
        }
    }
}

static double
pick_fte (Sim *sim, const char *sector)
{
  static const double care[] = { 50, 60, 75, 80, 80, 100, 100, 100 };
  static const double kindergarten[] = { 80, 100, 100, 100, 100, 100 };

  if (g_strcmp0 (sector, "barnehage") == 0)
    return kindergarten[between (sim, 0, G_N_ELEMENTS (kindergarten) - 1)];
  return care[between (sim, 0, G_N_ELEMENTS (care) - 1)];
}

static void
add_roster (Sim *sim, gint64 emp, double fte, NvDay from, NvDay to)
{
  NvRosterRow r = { 0, emp, NULL, fte, from, to };
  g_array_append_val (sim->roster, r);
}

/* One employee holding a position from @from, with roster rows; @stay:
 * never leaves; absence simulated only up to @quiet_from (for the scripted
 * open cases). */
static Person
hire (Sim *sim, const DemoUnit *unit, NvDay from, gboolean stay, NvDay quiet_from)
{
  Person p = { new_employee (sim), from, NV_DAY_NONE, 0, 0, 0, NULL };
  double fte = pick_fte (sim, unit->sector);

  p.tendency = exp (0.35 * normal (sim) - 0.06);
  p.long_cases = g_array_new (FALSE, FALSE, sizeof (NvDay));
  if (!stay)
    {
      /* About one in eight leaves in a given year. */
      double years = -8. * log (MAX (uniform (sim), 1e-9));
      NvDay leave = from + (NvDay) (years * 365.25);
      if (leave < sim->today)
        p.to = MAX (leave, from + 60);
      if (p.to != NV_DAY_NONE && p.to >= sim->today)
        p.to = NV_DAY_NONE;
    }
  p.last = p.to != NV_DAY_NONE ? p.to : sim->today;
  if (quiet_from != NV_DAY_NONE)
    p.last = MIN (p.last, quiet_from);

  /* Sometimes the FTE changes along the way. */
  if (!stay && uniform (sim) < 0.2)
    {
      NvDay end = p.to != NV_DAY_NONE ? p.to : sim->today;
      NvDay lo = MAX (from + 60, sim->first);
      if (end > from + 120 && end >= lo + 31)
        {
          NvDay change = lo + (NvDay) between (sim, 0, (int) (end - 30 - lo));
          double next = pick_fte (sim, unit->sector);
          if (next == fte)
            next = fte >= 80 ? fte - 20 : fte + 20;
          add_roster (sim, p.emp, fte, from, change - 1);
          add_roster (sim, p.emp, next, change, p.to);
          return p;
        }
    }
  add_roster (sim, p.emp, fte, from, p.to);
  return p;
}

static void
simulate_unit (Sim *sim, const DemoUnit *unit, guint index)
{
  g_autoptr (GArray) people = g_array_new (FALSE, FALSE, sizeof (Person));
  gint64 scripted_emp[2] = { -1, -1 };

  g_array_set_clear_func (people, person_clear);
  for (guint pos = 0; pos < unit->positions; pos++)
    {
      /* Scripted open cases in the first unit (positions 0, 1) and the
       * fourth (position 0), so follow-up has milestones due and overdue in
       * both; the fourth sorts first by name, the unit the window opens on. */
      gboolean scripted = (index == 0 && pos < 2) || (index == 3 && pos == 0);
      NvDay from = sim->first - (NvDay) between (sim, 30, 3000);

      for (;;)
        {
          Person p = hire (sim, unit, from, scripted, scripted ? sim->today - 100 : NV_DAY_NONE);
          g_array_append_val (people, p);
          if (scripted)
            scripted_emp[index == 0 ? pos : 0] = p.emp;
          if (p.to == NV_DAY_NONE)
            break;
          from = p.to + 1 + (NvDay) between (sim, 0, 45);
          if (from > sim->today)
            break;
        }
    }

  schedule_long_cases (sim, people, unit->level);
  for (guint i = 0; i < people->len; i++)
    simulate_short (sim, &g_array_index (people, Person, i), unit->level);

  if (index == 0)
    {
      /* Egenmeldt three days, then legemeldt, still open: one case. */
      add_spell (sim, scripted_emp[0], sim->today - 23, sim->today - 21, 100, NV_SPELL_SELF);
      add_spell (sim, scripted_emp[0], sim->today - 20, NV_DAY_NONE, 100, NV_SPELL_DOCTOR);
      /* A long case, now graded and open. */
      add_spell (sim, scripted_emp[1], sim->today - 80, sim->today - 40, 100, NV_SPELL_DOCTOR);
      add_spell (sim, scripted_emp[1], sim->today - 39, NV_DAY_NONE, 50, NV_SPELL_DOCTOR);
    }
  else if (index == 3)
    /* Open for 29 days: the follow-up plan fell due two days ago, too
     * recently for the demo's follow-up history to have it done
     * (nv_followup_demo_fill), so it is overdue on any day the demo is
     * made; the first dialogue meeting is due in three weeks. */
    add_spell (sim, scripted_emp[0], sim->today - 29, NV_DAY_NONE, 100, NV_SPELL_DOCTOR);
}

/* HR figures for the unit's first twelve whole months: what the HR system
 * reported before the unit began registering spells here. They differ a
 * little from the spells (HR systems count slightly differently). */
static gboolean
write_monthly (NvStore *store, Sim *sim, gint64 unit_id, guint n_months, GError **error)
{
  NvStatsQuery q = { NV_PERIOD_MONTH, sim->first,
                     MIN (nv_period_end (NV_PERIOD_MONTH, sim->first + 31 * (n_months - 1)),
                          nv_period_start (NV_PERIOD_MONTH, sim->today) - 1),
                     sim->today };
  g_autoptr (GArray) months = nv_stats_compute (&q, (NvRosterRow *) (void *) sim->roster->data,
                                                sim->roster->len,
                                                (NvSpell *) (void *) sim->spells->data,
                                                sim->spells->len, NULL, 0);

  for (guint i = 0; i < months->len; i++)
    {
      const NvStatsPeriod *p = &g_array_index (months, NvStatsPeriod, i);
      double noise = 1 + 0.04 * normal (sim);
      NvMonthly m = { unit_id, nv_day_year (p->start), nv_day_month (p->start),
                      round (p->contracted_days * 10) / 10,
                      round (p->lost_days_self * noise * 10) / 10,
                      round (p->lost_days_doctor * noise * 10) / 10, (int) p->persons };
      const char *field = NULL;

      if (m.lost_days_self + m.lost_days_doctor > m.contracted_days)
        m.lost_days_doctor = MAX (0, m.contracted_days - m.lost_days_self);
      if (!nv_monthly_upsert (store, &m, &field, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
write_unit (NvStore *store, Sim *sim, gint64 unit_id, GError **error)
{
  g_autoptr (NvAbsenceBatch) batch = nv_absence_batch_new (store, unit_id, error);
  const char *field = NULL;

  if (batch == NULL)
    return FALSE;
  for (guint i = 0; i < sim->roster->len; i++)
    {
      const NvRosterRow *r = &g_array_index (sim->roster, NvRosterRow, i);
      if (!nv_absence_batch_add_roster (batch, g_ptr_array_index (sim->refs, r->employee_id),
                                        r->fte, r->from, r->to, &field, error))
        goto bad;
    }
  for (guint i = 0; i < sim->spells->len; i++)
    {
      const NvSpell *s = &g_array_index (sim->spells, NvSpell, i);
      if (!nv_absence_batch_add_spell (batch, g_ptr_array_index (sim->refs, s->employee_id),
                                       s->start, s->end, s->grade, s->type, &field, error))
        goto bad;
    }
  return TRUE;

bad:
  /* A generator bug, not a user error: say which rule broke. */
  g_prefix_error (error, "demo data: %s: ", field != NULL ? field : "?");
  return FALSE;
}

static void
sim_reset (Sim *sim)
{
  g_array_set_size (sim->roster, 0);
  g_array_set_size (sim->spells, 0);
  g_ptr_array_set_size (sim->refs, 0);
  g_hash_table_remove_all (sim->used_refs);
}

gboolean
nv_demo_present (NvStore *store)
{
  g_autoptr (GPtrArray) units = nv_unit_list (store, NULL);

  for (guint i = 0; units != NULL && i < units->len; i++)
    if (g_strcmp0 (((NvUnit *) g_ptr_array_index (units, i))->municipality,
                   NV_DEMO_MUNICIPALITY) == 0)
      return TRUE;
  return FALSE;
}

gboolean
nv_demo_fill_full (NvStore *store, guint n_units, guint n_years, NvDay today, guint32 seed,
                   GArray *unit_ids, GError **error)
{
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  Sim sim = { 0 };
  gboolean ok = FALSE;
  NvStoreTxn *txn = NULL;
  int ty, tm;

  g_return_val_if_fail (n_units >= 1 && n_units <= NV_DEMO_MAX_UNITS, FALSE);
  g_return_val_if_fail (n_years >= 1 && n_years <= 10, FALSE);

  if (nv_demo_present (store))
    {
      g_set_error_literal (error, NV_STORE_ERROR, NV_STORE_ERROR_DUPLICATE,
                           _("The demo municipality is already there"));
      return FALSE;
    }
  nv_day_to_ymd (today, &ty, &tm, NULL);
  sim.rand = g_rand_new_with_seed (seed);
  sim.today = today;
  sim.first = nv_period_start (NV_PERIOD_QUARTER, nv_day_from_ymd (ty - (int) n_years, tm, 1));
  sim.roster = g_array_new (FALSE, FALSE, sizeof (NvRosterRow));
  sim.spells = g_array_new (FALSE, FALSE, sizeof (NvSpell));
  sim.refs = g_ptr_array_new_with_free_func (g_free);
  sim.used_refs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  /* Units with everything a unit has. */
  txn = nv_store_txn_begin (store, NV_TOPIC_ALL, error);
  if (txn == NULL)
    goto out;
  for (guint i = 0; i < n_units; i++)
    {
      const DemoUnit *unit = &demo_units[i];
      gint64 id = nv_unit_add (store, unit->name, unit->sector, NV_DEMO_MUNICIPALITY, error);

      if (id == 0)
        goto fail;
      g_array_append_val (ids, id);
      sim_reset (&sim);
      simulate_unit (&sim, unit, i);
      if (!write_unit (store, &sim, id, error))
        goto fail;
      /* HR monthly figures for the first year of Hjemmetjenesten Nordre
       * (of the first unit when there are fewer than four). */
      if (i == (n_units >= 4 ? 3u : 0u) && !write_monthly (store, &sim, id, 12, error))
        goto fail;
    }

  /* ---- Other parts' demo content ---------------------------------------
   * Measures, workshops, …: add one call per part below. Each runs inside
   * this transaction, for demo unit ids[i] (i can serve as a variant), dated
   * relative to @today, and must fail with @error set (everything is then
   * rolled back). */
  for (guint i = 0; i < ids->len; i++)
    {
      gint64 unit_id = g_array_index (ids, gint64, i);
      (void) unit_id;
      if (!nv_measure_demo_fill (store, unit_id, i, today, error))
        goto fail;
      if (!nv_workshop_demo_fill (store, unit_id, i, today, error))
        goto fail;
      if (!nv_followup_demo_fill (store, unit_id, i, today, error))
        goto fail;
      if (!nv_faktor_demo_fill (store, unit_id, i, demo_units[i].sector, demo_units[i].level,
                                demo_units[i].positions, today, error))
        goto fail;
    }
  /* ---- end of other parts' demo content ---- */

  if (!nv_store_txn_commit (g_steal_pointer (&txn), error))
    goto out;
  ok = TRUE;
  if (unit_ids != NULL)
    g_array_append_vals (unit_ids, ids->data, ids->len);
  goto out;

fail:
  g_clear_pointer (&txn, nv_store_txn_rollback);
out:
  g_rand_free (sim.rand);
  g_array_unref (sim.roster);
  g_array_unref (sim.spells);
  g_ptr_array_unref (sim.refs);
  g_hash_table_unref (sim.used_refs);
  return ok;
}

gboolean
nv_demo_fill (NvStore *store, guint n_units, guint n_years, GError **error)
{
  return nv_demo_fill_full (store, n_units, n_years, nv_store_today (store), NV_DEMO_DEFAULT_SEED, NULL,
                            error);
}
