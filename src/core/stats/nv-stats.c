/* nv-stats.c — sick-leave statistics by SSB/NAV's definitions. The rules,
 * including how HR monthly figures mix with spells, are in nv-stats.h.
 *
 * How: everything is first accumulated per calendar month (clipped to the
 * range), because HR figures replace whole months; periods are then sums of
 * months. Workdays come from the calendar's prefix table in O(1), so a roster
 * row costs one step per month it spans and a spell one step per month and
 * roster row it touches.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-stats"

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "nv-stats-private.h"

/* ---- The frame: months and periods of a query --------------------------- */

typedef struct
{
  NvPeriodKind by;
  NvDay from, to, as_of;
  int y0, m0;
  guint n_months;
  NvDay *ms, *me;      /* month bounds clipped to [from, to] */
  gboolean *full;      /* the whole calendar month lies inside [from, to] */
  guint n_periods;
  guint *period_of;    /* month → period */
  guint *first_month;  /* period → first month; [n_periods] = n_months */
  guint16 *month_of;   /* day − from → month */
} Frame;

typedef struct
{
  double contracted, self, doctor, shrt, lng, graded;
  double code[NV_CASE_N_CODES]; /* by the NAV duration class of the case */
} MonthAcc;

static void
frame_clear (Frame *f)
{
  g_free (f->ms);
  g_free (f->me);
  g_free (f->full);
  g_free (f->period_of);
  g_free (f->first_month);
  g_free (f->month_of);
}

static void
frame_init (Frame *f, NvPeriodKind by, NvDay from, NvDay to, NvDay as_of)
{
  int y1, m1;
  guint p = 0;
  int last_key = G_MININT;

  memset (f, 0, sizeof *f);
  f->by = by;
  f->from = from;
  f->to = to;
  f->as_of = as_of;
  nv_day_to_ymd (from, &f->y0, &f->m0, NULL);
  nv_day_to_ymd (to, &y1, &m1, NULL);
  f->n_months = (guint) ((y1 - f->y0) * 12 + (m1 - f->m0) + 1);
  f->ms = g_new (NvDay, f->n_months);
  f->me = g_new (NvDay, f->n_months);
  f->full = g_new (gboolean, f->n_months);
  f->period_of = g_new (guint, f->n_months);
  f->first_month = g_new (guint, f->n_months + 1);

  for (guint i = 0; i < f->n_months; i++)
    {
      int y = f->y0 + (int) ((f->m0 - 1 + i) / 12);
      int m = (int) ((f->m0 - 1 + i) % 12) + 1;
      NvDay start = nv_day_from_ymd (y, m, 1);
      NvDay end = nv_period_end (NV_PERIOD_MONTH, start);
      int key;

      f->ms[i] = MAX (start, from);
      f->me[i] = MIN (end, to);
      f->full[i] = f->ms[i] == start && f->me[i] == end;
      switch (by)
        {
        case NV_PERIOD_MONTH: key = y * 12 + m; break;
        case NV_PERIOD_QUARTER: key = y * 4 + (m - 1) / 3; break;
        case NV_PERIOD_YEAR: key = y; break;
        case NV_PERIOD_RANGE:
        default: key = 0; break;
        }
      if (key != last_key)
        {
          f->first_month[p++] = i;
          last_key = key;
        }
      f->period_of[i] = p - 1;
    }
  f->n_periods = p;
  f->first_month[p] = f->n_months;

  /* Day → month by lookup: the hot loops ask for it millions of times. */
  f->month_of = g_new (guint16, to - from + 1);
  for (guint i = 0; i < f->n_months; i++)
    for (NvDay d = f->ms[i]; d <= f->me[i]; d++)
      f->month_of[d - from] = (guint16) i;
}

/* @day must lie in [from, to]. */
static inline guint
frame_month (const Frame *f, NvDay day)
{
  return f->month_of[day - f->from];
}

/* ---- One unit ----------------------------------------------------------- */

static int
cmp_roster (const void *a, const void *b)
{
  const NvRosterRow *x = *(NvRosterRow *const *) a;
  const NvRosterRow *y = *(NvRosterRow *const *) b;

  if (x->employee_id != y->employee_id)
    return x->employee_id < y->employee_id ? -1 : 1;
  return x->from < y->from ? -1 : x->from > y->from;
}

/* One employee's spells, decoded from the pack. */
typedef struct
{
  NvDay start, end;
  double grade;
  gboolean self;
} Spell;

/* The spells of a pack are read once, in order, run by run. */
typedef struct
{
  const guint8 *p; /* the next run */
  guint remaining; /* spells in the runs not read yet */
  Spell *buf;      /* the current employee's spells */
  guint buf_size;
} SpellReader;

static void
spell_reader_start (SpellReader *r, const guint8 *pack, gsize len)
{
  r->remaining = pack != NULL && len >= 4 ? nv_stats_pack_read_u32 (pack) : 0;
  r->p = r->remaining > 0 ? pack + 4 : NULL;
}

/* The spells of @emp (runs of smaller employees are passed over) into
 * r->buf; returns how many. */
static guint
spell_reader_employee (SpellReader *r, gint64 emp)
{
  while (r->remaining > 0)
    {
      gint64 run_emp;
      guint32 k;
      const guint8 *q = nv_stats_pack_run (r->p, &run_emp, &k);

      if (run_emp > emp)
        return 0;
      if (k > r->buf_size)
        {
          r->buf_size = MAX (k, r->buf_size * 2);
          r->buf = g_renew (Spell, r->buf, r->buf_size);
        }
      for (guint j = 0; j < k; j++)
        {
          Spell *s = &r->buf[j];
          q = nv_stats_pack_spell (q, &s->start, &s->end, &s->grade, &s->self);
        }
      r->p = q;
      r->remaining -= k;
      if (run_emp == emp)
        return k;
    }
  return 0;
}

static inline NvDay
open_end (NvDay end)
{
  return end == NV_DAY_NONE ? G_MAXUINT32 : end;
}

/* Adds workdays of [a, b] × @weight to the months' field at @offset and to
 * the extra fields (offsets ≥ 0; −1 for none). */
static inline void
add_workdays (const Frame *f, MonthAcc *months, NvDay a, NvDay b, double weight, gsize offset,
              int extra_offset_a, int extra_offset_b, int extra_offset_c)
{
  guint ia = frame_month (f, a), ib = frame_month (f, b);

  for (guint i = ia; i <= ib; i++)
    {
      NvDay sa = MAX (a, f->ms[i]), sb = MIN (b, f->me[i]);
      double w = nv_workdays_between (sa, sb) * weight;
      char *base = (char *) &months[i];

      *(double *) (base + offset) += w;
      if (extra_offset_a >= 0)
        *(double *) (base + extra_offset_a) += w;
      if (extra_offset_b >= 0)
        *(double *) (base + extra_offset_b) += w;
      if (extra_offset_c >= 0)
        *(double *) (base + extra_offset_c) += w;
    }
}

/* Accumulates one unit into @months (n_months, zeroed), @persons (n_periods,
 * zeroed) and @hr (n_months, NULL-filled). */
static void
unit_accumulate (const Frame *f, const NvStatsUnitData *u, SpellReader *reader,
                 MonthAcc *months, guint *persons, const NvMonthly **hr)
{
  g_autofree const NvRosterRow **roster = g_new (const NvRosterRow *, u->n_roster + 1);
  guint ri = 0;

  for (guint i = 0; i < u->n_roster; i++)
    roster[i] = &u->roster[i];
  /* Rows from the store come sorted; sort only when they are not. */
  for (guint i = 1; i < u->n_roster; i++)
    if (cmp_roster (&roster[i - 1], &roster[i]) > 0)
      {
        qsort (roster, u->n_roster, sizeof *roster, cmp_roster);
        break;
      }
  spell_reader_start (reader, u->spells, u->spells_len);

  while (ri < u->n_roster)
    {
      gint64 emp = roster[ri]->employee_id;
      guint r0 = ri, r1;
      gint64 last_p = -1;
      const Spell *spells;
      guint n_spells, si;

      while (ri < u->n_roster && roster[ri]->employee_id == emp)
        ri++;
      r1 = ri;

      /* Contracted days and persons. */
      for (guint k = r0; k < r1; k++)
        {
          const NvRosterRow *r = roster[k];
          NvDay a = MAX (r->from, f->from), b = MIN (open_end (r->to), f->to);
          guint pa, pb;

          if (a > b)
            continue;
          add_workdays (f, months, a, b, r->fte / 100., G_STRUCT_OFFSET (MonthAcc, contracted),
                        -1, -1, -1);
          pa = f->period_of[frame_month (f, a)];
          pb = f->period_of[frame_month (f, b)];
          for (gint64 p = MAX ((gint64) pa, last_p + 1); p <= (gint64) pb; p++)
            persons[p]++;
          last_p = MAX (last_p, (gint64) pb);
        }

      /* This employee's spells (those of employees without roster rows
       * before this one are passed over). */
      n_spells = spell_reader_employee (reader, emp);
      spells = reader->buf;
      si = 0;

      /* Cases, and lost days by the class of their whole case. */
      while (si < n_spells)
        {
          guint c0 = si, c1;
          NvDay case_start, case_end;
          gboolean is_long;
          int code_offset;

          if (spells[si].end == NV_DAY_NONE && spells[si].start > f->as_of)
            {
              si++;
              continue;
            }
          case_start = spells[si].start;
          case_end = spells[si].end != NV_DAY_NONE ? spells[si].end : f->as_of;
          si++;
          while (si < n_spells && spells[si].start == case_end + 1 &&
                 !(spells[si].end == NV_DAY_NONE && spells[si].start > f->as_of))
            {
              case_end = spells[si].end != NV_DAY_NONE ? spells[si].end : f->as_of;
              si++;
            }
          c1 = si;
          is_long = case_end - case_start + 1 >= 17;
          code_offset = (int) G_STRUCT_OFFSET (MonthAcc, code) +
                        (int) sizeof (double) * (nv_case_code_for (case_end - case_start + 1) - 'A');

          for (guint k = c0; k < c1; k++)
            {
              const Spell *s = &spells[k];
              NvDay end = s->end != NV_DAY_NONE ? s->end : f->as_of;
              NvDay a = MAX (s->start, f->from), b = MIN (end, f->to);
              double grade = s->self ? 1. : s->grade / 100.;
              gsize field = s->self ? G_STRUCT_OFFSET (MonthAcc, self)
                                    : G_STRUCT_OFFSET (MonthAcc, doctor);
              int cls = is_long ? (int) G_STRUCT_OFFSET (MonthAcc, lng)
                                : (int) G_STRUCT_OFFSET (MonthAcc, shrt);
              int graded = grade < 1. ? (int) G_STRUCT_OFFSET (MonthAcc, graded) : -1;

              if (a > b)
                continue;
              for (guint j = r0; j < r1; j++)
                {
                  const NvRosterRow *r = roster[j];
                  NvDay sa = MAX (a, r->from), sb = MIN (b, open_end (r->to));
                  if (sa > sb)
                    continue;
                  add_workdays (f, months, sa, sb, r->fte / 100. * grade, field, cls, graded,
                                code_offset);
                }
            }
        }
    }

  for (guint i = 0; i < u->n_monthly; i++)
    {
      const NvMonthly *m = &u->monthly[i];
      gint64 idx = (gint64) (m->year - f->y0) * 12 + (m->month - f->m0);
      if (idx >= 0 && idx < (gint64) f->n_months && f->full[idx])
        hr[idx] = m;
    }
}

/* ---- Results ------------------------------------------------------------ */

const char *
nv_stats_source_to_string (NvStatsSource source)
{
  return source == NV_STATS_SOURCE_MONTHLY ? "monthly" : "spells";
}

static void
finish (NvStatsPeriod *p)
{
  double c = p->contracted_days;

  p->lost_days = p->lost_days_self + p->lost_days_doctor;
  p->masked = p->persons < NV_STATS_MASK_BELOW;
  p->has_case_split = p->n_monthly_months == 0;
  p->source = p->n_monthly_months > 0 ? NV_STATS_SOURCE_MONTHLY : NV_STATS_SOURCE_SPELLS;
  p->percent = c > 0 ? p->lost_days * 100. / c : 0;
  p->percent_self = c > 0 ? p->lost_days_self * 100. / c : 0;
  p->percent_doctor = c > 0 ? p->lost_days_doctor * 100. / c : 0;
  if (p->has_case_split)
    {
      p->percent_short = c > 0 ? p->lost_days_short * 100. / c : 0;
      p->percent_long = c > 0 ? p->lost_days_long * 100. / c : 0;
      p->graded_share = p->lost_days > 0 ? p->lost_days_graded / p->lost_days : 0;
    }
  else
    {
      p->percent_short = NAN;
      p->percent_long = NAN;
      p->graded_share = NAN;
    }
}

/* Where absence data begins: the first spell or HR month (a roster reaching
 * back to old hiring dates says nothing about absence then); the first roster
 * row only when there is neither. */
static NvDay
first_day_of_data (const NvStatsUnitData *units, guint n_units)
{
  NvDay first = NV_DAY_NONE, first_roster = NV_DAY_NONE;

  for (guint u = 0; u < n_units; u++)
    {
      if (units[u].first_spell != NV_DAY_NONE &&
          (first == NV_DAY_NONE || units[u].first_spell < first))
        first = units[u].first_spell;
      for (guint i = 0; i < units[u].n_monthly; i++)
        {
          NvDay d = nv_day_from_ymd (units[u].monthly[i].year, units[u].monthly[i].month, 1);
          if (d != NV_DAY_NONE && (first == NV_DAY_NONE || d < first))
            first = d;
        }
      for (guint i = 0; i < units[u].n_roster; i++)
        if (first_roster == NV_DAY_NONE || units[u].roster[i].from < first_roster)
          first_roster = units[u].roster[i].from;
    }
  return first != NV_DAY_NONE ? first : first_roster;
}

GArray *
nv_stats_compute_units (const NvStatsQuery *query, const NvStatsUnitData *units, guint n_units)
{
  GArray *out = g_array_new (FALSE, TRUE, sizeof (NvStatsPeriod));
  NvDay as_of = query->as_of != NV_DAY_NONE ? query->as_of : nv_day_today ();
  NvDay to = query->to != NV_DAY_NONE ? query->to : as_of;
  NvDay from = query->from != NV_DAY_NONE ? query->from : first_day_of_data (units, n_units);
  g_autofree MonthAcc *months = NULL;
  g_autofree guint *persons = NULL;
  g_autofree const NvMonthly **hr = NULL;
  g_autofree gboolean *any_hr = NULL;
  SpellReader reader = { 0 };
  Frame f;

  if (from == NV_DAY_NONE || to == NV_DAY_NONE || from > to)
    return out;
  /* Absence is recorded from some month on; counting contracted days for
   * the earlier months of that quarter or year would dilute the percent. So
   * the range starts with the month of the first data, and the first
   * quarter or year is clipped there like any period cut by --from. */
  if (query->from == NV_DAY_NONE)
    from = nv_period_start (NV_PERIOD_MONTH, from);

  frame_init (&f, query->by, from, to, as_of);
  g_array_set_size (out, f.n_periods);
  months = g_new (MonthAcc, f.n_months);
  persons = g_new (guint, f.n_periods);
  hr = g_new (const NvMonthly *, f.n_months);
  any_hr = g_new0 (gboolean, f.n_months);

  for (guint p = 0; p < f.n_periods; p++)
    {
      NvStatsPeriod *P = &g_array_index (out, NvStatsPeriod, p);
      g_autofree char *label = NULL;

      P->start = f.ms[f.first_month[p]];
      P->end = f.me[f.first_month[p + 1] - 1];
      label = nv_period_label (f.by, f.by == NV_PERIOD_RANGE ? P->start : P->start, P->end);
      g_strlcpy (P->label, label, sizeof P->label);
      P->n_months = f.first_month[p + 1] - f.first_month[p];
    }

  for (guint u = 0; u < n_units; u++)
    {
      memset (months, 0, sizeof *months * f.n_months);
      memset (persons, 0, sizeof *persons * f.n_periods);
      memset (hr, 0, sizeof *hr * f.n_months);
      unit_accumulate (&f, &units[u], &reader, months, persons, hr);

      for (guint p = 0; p < f.n_periods; p++)
        {
          NvStatsPeriod *P = &g_array_index (out, NvStatsPeriod, p);
          guint unit_persons = persons[p];

          for (guint i = f.first_month[p]; i < f.first_month[p + 1]; i++)
            {
              if (hr[i] != NULL)
                {
                  P->contracted_days += hr[i]->contracted_days;
                  P->lost_days_self += hr[i]->lost_days_self;
                  P->lost_days_doctor += hr[i]->lost_days_doctor;
                  unit_persons = MAX (unit_persons, (guint) MAX (hr[i]->persons, 0));
                  any_hr[i] = TRUE;
                }
              else
                {
                  P->contracted_days += months[i].contracted;
                  P->lost_days_self += months[i].self;
                  P->lost_days_doctor += months[i].doctor;
                  P->lost_days_short += months[i].shrt;
                  P->lost_days_long += months[i].lng;
                  P->lost_days_graded += months[i].graded;
                  for (guint k = 0; k < NV_CASE_N_CODES; k++)
                    P->lost_days_by_code[k] += months[i].code[k];
                }
            }
          P->persons += unit_persons;
        }
    }

  for (guint p = 0; p < f.n_periods; p++)
    {
      NvStatsPeriod *P = &g_array_index (out, NvStatsPeriod, p);
      for (guint i = f.first_month[p]; i < f.first_month[p + 1]; i++)
        P->n_monthly_months += any_hr[i] ? 1 : 0;
      finish (P);
    }
  frame_clear (&f);
  g_free (reader.buf);
  return out;
}

GArray *
nv_stats_compute (const NvStatsQuery *query, const NvRosterRow *roster, guint n_roster,
                  const NvSpell *spells, guint n_spells, const NvMonthly *monthly,
                  guint n_monthly)
{
  g_autoptr (GBytes) pack = nv_stats_pack_spells_sorted (spells, n_spells);
  NvStatsUnitData unit = { 0, roster, n_roster, NULL, 0, NV_DAY_NONE, monthly,
                           monthly ? n_monthly : 0 };

  unit.spells = g_bytes_get_data (pack, &unit.spells_len);
  for (guint i = 0; i < n_spells; i++)
    if (unit.first_spell == NV_DAY_NONE || spells[i].start < unit.first_spell)
      unit.first_spell = spells[i].start;
  return nv_stats_compute_units (query, &unit, 1);
}

NvStatsPeriod
nv_stats_combine (const NvStatsPeriod *periods, guint n_periods)
{
  NvStatsPeriod c;

  memset (&c, 0, sizeof c);
  if (n_periods == 0)
    {
      finish (&c);
      return c;
    }
  c.start = periods[0].start;
  c.end = periods[n_periods - 1].end;
  if (n_periods == 1)
    g_strlcpy (c.label, periods[0].label, sizeof c.label);
  else
    g_snprintf (c.label, sizeof c.label, "%s–%s", periods[0].label,
                periods[n_periods - 1].label);
  for (guint i = 0; i < n_periods; i++)
    {
      const NvStatsPeriod *p = &periods[i];
      c.persons = MAX (c.persons, p->persons);
      c.contracted_days += p->contracted_days;
      c.lost_days_self += p->lost_days_self;
      c.lost_days_doctor += p->lost_days_doctor;
      c.lost_days_short += p->lost_days_short;
      c.lost_days_long += p->lost_days_long;
      c.lost_days_graded += p->lost_days_graded;
      for (guint k = 0; k < NV_CASE_N_CODES; k++)
        c.lost_days_by_code[k] += p->lost_days_by_code[k];
      c.n_months += p->n_months;
      c.n_monthly_months += p->n_monthly_months;
    }
  finish (&c);
  return c;
}

double
nv_stats_arsverk (double lost_days)
{
  return lost_days / NV_STATS_DAYS_PER_YEAR;
}

double
nv_stats_cost (double lost_days, double nok_per_day)
{
  return lost_days * nok_per_day;
}

/* ---- Duration classes and cost at a target ------------------------------ */

char
nv_case_code_at (guint index)
{
  g_return_val_if_fail (index < NV_CASE_N_CODES, '?');
  return (char) ('A' + index);
}

const char *
nv_case_code_label (guint index)
{
  static const char *const labels[NV_CASE_N_CODES] = {
    N_("1–7 days"),   N_("8–16 days"),   N_("17 days–8 weeks"),
    N_("8–20 weeks"), N_("20–39 weeks"), N_("over 39 weeks"),
  };

  g_return_val_if_fail (index < NV_CASE_N_CODES, "");
  return g_dgettext (GETTEXT_PACKAGE, labels[index]);
}

gboolean
nv_stats_duration_shares (const NvStatsPeriod *period, double shares[NV_CASE_N_CODES])
{
  double sum = 0;

  for (guint k = 0; k < NV_CASE_N_CODES; k++)
    {
      shares[k] = NAN;
      sum += period->lost_days_by_code[k];
    }
  if (!period->has_case_split || sum <= 0)
    return FALSE;
  for (guint k = 0; k < NV_CASE_N_CODES; k++)
    shares[k] = period->lost_days_by_code[k] / sum;
  return TRUE;
}

double
nv_stats_days_above_target (const NvStatsPeriod *period, double target_percent)
{
  if (isnan (target_percent) || target_percent <= 0 || target_percent >= 100)
    return NAN;
  return MAX (0., period->lost_days - period->contracted_days * target_percent / 100.);
}

double
nv_stats_saving_at_target (const NvStatsPeriod *period, double target_percent,
                           double nok_per_day)
{
  return nv_stats_days_above_target (period, target_percent) * nok_per_day;
}
