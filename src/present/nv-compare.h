/* nv-compare.h — a unit against benchmark series, quarter by quarter, and the
 * charts of it. The bridge between core (statistics, benchmarks, measures,
 * workshops) and the chart library; used by the Compare page, by
 * `naervaer-cli chart` and by reports, so all three show the same figures.
 *
 * LIKE WITH LIKE (DESIGN §2). A comparison has ONE measure, taken from its
 * benchmark series: legemeldt series are compared with the unit's
 * legemeldt per cent (percent_doctor), totalt series with the unit's total
 * per cent. Series of the other measure are refused (nv_compare_new fails),
 * so a mismatch cannot be drawn. Without any series the measure is totalt.
 * Quarters only: a quarter is compared with the same quarter; year figures
 * of a series are left out. Only COMPLETE quarters (ended on the as-of day)
 * are shown: a half-finished quarter is not comparable with a whole one.
 *
 * TRAFFIC LIGHT against the first series, in the latest quarter where both
 * the unit and the series have a figure (the quarter is named, since
 * published figures lag): ratio = unit ÷ series; green below 0.9, yellow
 * 0.9–1.1 (both ends included), red above 1.1. Grey when that quarter is
 * masked (fewer than 5 persons), when the unit has fewer than four quarters
 * with data, or when no quarter has both figures.
 *
 * TREND: the unit's latest quarter with data against the same quarter a
 * year before: «unchanged» when they differ by at most 0.1 percentage point
 * (unrounded), otherwise «rising» or «falling».
 *
 * MASKING: quarters of the unit with fewer than 5 persons (and computed
 * own-municipality points with fewer than 5) are flagged. Charts built with
 * @for_export TRUE carry no value for them (hatched gap); on the leader's
 * own screen (@for_export FALSE) the value stays, drawn hollow on a hatched
 * band with a «Fewer than 5 persons» legend entry.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "nv-benchmark.h"
#include "nv-chart.h"
#include "nv-rating.h"
#include "nv-stats.h"
#include "nv-store.h"

G_BEGIN_DECLS

#define NV_COMPARE_MAX_QUARTERS 40 /* ten years by default */
#define NV_COMPARE_UNCHANGED_POINTS NV_TREND_UNCHANGED_POINTS

typedef struct
{
  char *name;         /* key, as in settings and `--benchmark` */
  char *label;        /* shown */
  double *values;     /* n_quarters, NAN where the series has no figure */
  gboolean *masked;   /* n_quarters (own municipality only) */
  char *latest_period; /* the series' newest period overall */
} NvCompareSeries;

typedef struct
{
  gint64 unit_id;
  char *unit_name;
  NvBenchmarkMeasure measure;
  int first_year;      /* the first quarter shown */
  int first_quarter;
  guint n_quarters;
  NvStatsPeriod *quarters; /* n_quarters */
  double *unit_values;     /* the unit's figure of @measure per quarter; NAN without data */
  GPtrArray *series;       /* NvCompareSeries, in the order asked for */
  guint n_with_data;       /* quarters where the unit has contracted days */
  int latest;              /* the unit's latest quarter with data, -1 if none */

  /* Traffic light against series 0. */
  NvLight light;
  int light_quarter;       /* the quarter compared, -1 if none */
  double light_ratio;      /* NAN when none */
  char *light_reason;      /* why grey (translated), NULL otherwise */

  NvDay as_of;
  gboolean last_running;   /* the last quarter has not ended (nv_compare_new_full) */

  /* Same quarter last year, for the unit. */
  NvTrend trend;
  double trend_change;     /* percentage points, NAN when none */
  gboolean trend_masked;   /* either quarter masked */
} NvCompare;

void nv_compare_free (NvCompare *compare);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (NvCompare, nv_compare_free)

/* Compares unit @unit_id with the series @benchmarks (NULL-terminated, may
 * be NULL or empty) over complete quarters from the quarter containing
 * @from (NV_DAY_NONE: the first quarter with recorded absence or HR figures,
 * at most the last 40 quarters)
 * to the quarter containing @to (NV_DAY_NONE: the unit's last complete
 * quarter with data on @as_of). Fails with NV_STORE_ERROR_NOT_FOUND naming an unknown series and
 * NV_STORE_ERROR_INVALID when series of both measures are asked for. */
NvCompare *nv_compare_new (NvStore *store, gint64 unit_id, const char *const *benchmarks,
                           NvDay from, NvDay to, NvDay as_of, GError **error);

/* The same, but with @running TRUE the quarter containing @as_of is
 * included too, clipped to @as_of («so far»), as the Overview shows it
 * (last_running is then TRUE). For what the leader hands out (the handout);
 * comparisons with benchmarks use complete quarters only. */
NvCompare *nv_compare_new_full (NvStore *store, gint64 unit_id, const char *const *benchmarks,
                                NvDay from, NvDay to, NvDay as_of, gboolean running,
                                GError **error);

/* The light and trend themselves: nv-rating.h (core). */
/* "doctor-certified" / "total" (translated): the legend's measure word. */
const char *nv_compare_measure_word (NvBenchmarkMeasure measure);
/* "Q3 2025" (translated) of quarter @index. */
char *nv_compare_quarter_label (const NvCompare *compare, guint index);
/* Is the unit's figure of quarter @index masked? */
gboolean nv_compare_masked (const NvCompare *compare, guint index);

/* Charts. @for_export: see MASKING above. */
NvChart *nv_compare_trend_chart (const NvCompare *compare, NvStore *store, gboolean for_export);
/* Four quarters as grouped bars: up to the latest quarter where the unit and
 * the first series both have figures (published figures lag), or up to the
 * unit's latest quarter without series. */
NvChart *nv_compare_recent_chart (const NvCompare *compare, gboolean for_export);
/* Korttid + langtid (stacked), last eight quarters; NAN where HR monthly
 * figures make the split unknown. */
NvChart *nv_compare_duration_chart (const NvCompare *compare, gboolean for_export);
/* Egenmeldt + legemeldt (stacked), last eight quarters. */
NvChart *nv_compare_certificate_chart (const NvCompare *compare, gboolean for_export);

/* One sentence for screen readers: «Sick leave in Avdeling 2B, 2021–2025,
 * against Kommuner (doctor-certified): latest 8,1 % vs 7,6 % (Q2 2025)». */
char *nv_compare_summary (const NvCompare *compare, gboolean for_export);

G_END_DECLS
