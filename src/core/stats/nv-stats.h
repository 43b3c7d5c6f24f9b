/* nv-stats.h — sick-leave statistics by SSB/NAV's definitions (DESIGN §2).
 *
 * Contracted days (avtalte dagsverk) = Σ employees Σ workdays in the period
 * inside the employment × FTE in force that day (0–1). Lost days
 * (sykefraværsdagsverk) = Σ sick workdays × FTE that day × grade (0.2–1;
 * egenmeldt always 1). Percent = lost × 100 / contracted; several periods
 * together are Σ lost / Σ contracted, never an average of percentages.
 *
 * Cases: spells of one employee that follow each other without a gap (the
 * next starts the day after the previous ends) form one case; its duration
 * is counted in calendar days from the first start to the last end. An open
 * spell ends on the as-of date (an open spell starting after the as-of date
 * is ignored). Korttid = 1–16 days, langtid = 17 days or more; the whole case
 * counts in its class, also the days that fall into another period. NAV
 * duration codes: A 1–7 d, B 8–16 d, C 17–56 d (8 w), D 57–140 d (20 w),
 * E 141–273 d (39 w), F 274 d or more.
 *
 * Periods: months, quarters or years between @from and @to, the first and
 * last clipped to them, or the single range @from–@to. persons = distinct
 * employees whose employment overlaps the period; masked = persons < 5.
 *
 * HR monthly figures — the honest rule. For a month that lies COMPLETELY
 * inside [@from, @to] and has HR figures for the unit, the HR figures replace
 * what the spells give for that month: contracted days, lost days egenmeldt
 * and legemeldt. A month cut by @from/@to always uses the spells (HR figures
 * cover whole months and cannot be cut). A period containing at least one
 * HR month has source NV_STATS_SOURCE_MONTHLY and n_monthly_months > 0; its
 * other months still come from the spells and are summed in (Σ lost /
 * Σ contracted). HR figures cannot tell short from long cases nor graded
 * from full absence, so for such a period percent_short, percent_long and
 * graded_share are NOT available: has_case_split is FALSE, the fields are
 * NAN, and JSON/CSV show null/empty (a partial split would not add up to the
 * total). persons in such a period = max (distinct employees on the roster
 * over the period, the largest HR "persons" of its HR months), a lower bound
 * of the distinct persons.
 *
 * Several units: figures are computed per unit (each unit's HR months
 * replace that unit's spells only) and summed: Σ lost / Σ contracted over
 * the units, persons summed (an employee belongs to one unit).
 *
 * Speed: workdays are counted in O(1) from a prefix table; the work is
 * O(roster rows × months + spells × months they touch). Measured with
 * tests/core/stats/bench-stats.c (meson benchmark): five years × 60 employees
 * ≈ 0.04 ms; 500 units × 20 employees × 10 years (≈ 540 000 spells) by
 * quarter ≈ 15 ms CPU in memory. The store-backed functions read each
 * unit's roster and spells from its pack (nv-stats-pack.c, one blob per
 * unit, ≈ 34 ms read + compute for those 540 000 spells right after the
 * database is opened) and cache the rows on the store until the next write
 * (any connection), so page reloads pay only the computation. Where a pack
 * is missing — after writes to that unit — its rows are read from the
 * tables and the pack written again (≈ 180 ms when every unit was written).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "nv-absence.h"
#include "nv-calendar.h"

G_BEGIN_DECLS

#define NV_STATS_MASK_BELOW 5       /* mask periods with fewer persons */
#define NV_STATS_DAYS_PER_YEAR 230. /* one årsverk = 230 dagsverk */
#define NV_STATS_DEFAULT_NOK_PER_DAY 4700.

typedef enum
{
  NV_STATS_SOURCE_SPELLS,  /* computed from roster and spells */
  NV_STATS_SOURCE_MONTHLY, /* at least one month from HR figures */
} NvStatsSource;

/* "spells" / "monthly" (the JSON value). */
const char *nv_stats_source_to_string (NvStatsSource source);

typedef struct
{
  NvPeriodKind by;
  NvDay from; /* first day; NV_DAY_NONE: the first day of the month of the
               * first spell or HR month (of the first roster row when there
               * is neither); the first period is clipped there */
  NvDay to;   /* last day; NV_DAY_NONE: the as-of date */
  NvDay as_of; /* open spells end here; NV_DAY_NONE: today */
} NvStatsQuery;

typedef struct
{
  NvDay start; /* after clipping */
  NvDay end;
  char label[32]; /* "2025-03", "2025-Q1", "2025" or "2025-01-15–2025-03-31" */

  guint persons;
  gboolean masked; /* persons < NV_STATS_MASK_BELOW */

  double contracted_days;
  double lost_days; /* = lost_days_self + lost_days_doctor */
  double lost_days_self;
  double lost_days_doctor;
  double lost_days_short;  /* in korttid cases (spell months only) */
  double lost_days_long;   /* in langtid cases (spell months only) */
  double lost_days_graded; /* in spells with grade < 100 (spell months only) */
  /* In cases of NAV duration class A–F (index 0–5), by the class of the
   * whole case, like short/long (spell months only; A+B = short, C–F = long). */
  double lost_days_by_code[6];

  /* 0 when contracted_days is 0. Unrounded; NAN where not available. */
  double percent;
  double percent_self;
  double percent_doctor;
  double percent_short;
  double percent_long;
  double graded_share; /* fraction 0–1; 0 when nothing was lost */

  gboolean has_case_split; /* FALSE when HR months make short/long/graded unknown */
  NvStatsSource source;
  guint n_months;         /* months (or parts) in the period */
  guint n_monthly_months; /* of which from HR figures */
} NvStatsPeriod;

/* Pure: over in-memory rows of ONE unit (spells and roster of any order; the
 * employee_id fields tie them together). @monthly may be NULL. Returns an
 * array of NvStatsPeriod, empty when @from > @to. from/to NV_DAY_NONE are
 * resolved as in the query comment. */
GArray *nv_stats_compute (const NvStatsQuery *query, const NvRosterRow *roster, guint n_roster,
                          const NvSpell *spells, guint n_spells, const NvMonthly *monthly,
                          guint n_monthly);

/* Store-backed, for one unit. */
GArray *nv_stats_for_unit (NvStore *store, gint64 unit_id, const NvStatsQuery *query,
                           GError **error);
/* Several units summed (Σ lost / Σ contracted): @unit_ids of length @n_units,
 * or every unit when @unit_ids is NULL (the own-municipality benchmark). */
GArray *nv_stats_for_units (NvStore *store, const gint64 *unit_ids, guint n_units,
                            const NvStatsQuery *query, GError **error);

/* Σ lost / Σ contracted over @periods (e.g. the last four quarters), with the
 * same rules for persons (max over the periods), masking, source and split. */
NvStatsPeriod nv_stats_combine (const NvStatsPeriod *periods, guint n_periods);

double nv_stats_arsverk (double lost_days);                   /* lost / 230 */
double nv_stats_cost (double lost_days, double nok_per_day); /* lost × NOK/day */

/* ---- Duration classes and cost at a target (Overview, report, CLI) ------
 *
 * NAV's duration classes A–F of the cases the lost days belong to. A share
 * is lost days of the class ÷ lost days of all classes in the period (the
 * spell months; HR months cannot tell), so the six shares add up to 1. */
#define NV_CASE_N_CODES 6
/* 'A'…'F' for index 0–5. */
char nv_case_code_at (guint index);
/* "1–7 days", "8–16 days", "17 days–8 weeks", "8–20 weeks", "20–39 weeks",
 * "over 39 weeks" (translated) for index 0–5. */
const char *nv_case_code_label (guint index);
/* Fills @shares (fractions 0–1) and returns TRUE; FALSE (shares NAN) when
 * the period has HR months (no case split) or no lost days from spells. */
gboolean nv_stats_duration_shares (const NvStatsPeriod *period, double shares[NV_CASE_N_CODES]);

/* NAV's calculator: had the unit been at @target_percent, lost days would
 * have been target × contracted / 100. Days above target = max (0, lost −
 * that); the saving = days above target × @nok_per_day. NAN for a target
 * outside (0, 100) or NAN. Over four quarters this is the yearly saving. */
double nv_stats_days_above_target (const NvStatsPeriod *period, double target_percent);
double nv_stats_saving_at_target (const NvStatsPeriod *period, double target_percent,
                                  double nok_per_day);

/* ---- Cases ------------------------------------------------------------- */

typedef enum
{
  NV_CASE_SHORT, /* korttid, 1–16 calendar days */
  NV_CASE_LONG,  /* langtid, 17 days or more */
} NvCaseClass;

typedef struct
{
  gint64 employee_id;
  char *employee_ref; /* set by nv_cases_for_unit */
  NvDay start;
  NvDay end;     /* the last spell's end; the as-of date when open */
  gboolean open; /* the last spell has no end */
  guint duration; /* calendar days, end − start + 1 */
  NvCaseClass klass;
  char code; /* NAV duration code 'A'–'F' */
  gboolean has_doctor; /* at least one legemeldt spell */
  GArray *spells;      /* NvSpell copies (employee_ref NULL), by start; end 0 if open */
} NvCase;

void nv_case_free (NvCase *c);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (NvCase, nv_case_free)

NvCaseClass nv_case_class_for (guint duration);
char nv_case_code_for (guint duration);
/* "short" / "long" */
const char *nv_case_class_to_string (NvCaseClass klass);

/* Pure: cases from spells (any order, several employees). Element NvCase,
 * sorted by start, then employee id. @as_of NV_DAY_NONE = today. */
GPtrArray *nv_cases_compute (const NvSpell *spells, guint n_spells, NvDay as_of);
/* The unit's cases with employee refs. */
GPtrArray *nv_cases_for_unit (NvStore *store, gint64 unit_id, NvDay as_of, GError **error);

/* Follow-up cases («oppfølgingstilfeller», DESIGN §3) are a different thing
 * from the statistics' case above: one employee's spells (any type) merged
 * when fewer than 16 calendar days lie between one spell's end and the next
 * one's start (folketrygdloven § 8-19: a new employer period only after 16
 * days back at work). @end and @duration span the gaps; @spells holds the
 * merged spells. Same element type and order as nv_cases_compute(). */
#define NV_FOLLOWUP_CASE_MAX_GAP 15
GPtrArray *nv_followup_cases_compute (const NvSpell *spells, guint n_spells, NvDay as_of);
GPtrArray *nv_followup_cases_for_unit (NvStore *store, gint64 unit_id, NvDay as_of,
                                       GError **error);
/* The same for several units at once: one GPtrArray of NvCase per unit, in
 * the order of @unit_ids; employee refs only @with_refs. */
GPtrArray *nv_followup_cases_for_units (NvStore *store, const gint64 *unit_ids, guint n_units,
                                        NvDay as_of, gboolean with_refs, GError **error);

G_END_DECLS
