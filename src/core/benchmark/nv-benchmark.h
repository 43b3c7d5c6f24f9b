/* nv-benchmark.h — benchmark series: national, municipal-sector, sector and
 * own-municipality sick-leave figures the unit is compared with.
 *
 * Two sources, merged when read:
 *   - the BUILT-IN set shipped with the app (data/benchmarks.csv in the core
 *     resource bundle, also installed to pkgdatadir). It is read-only and is
 *     never copied into the database, so every shipped figure keeps its
 *     source, and a newer app version brings newer figures by itself;
 *   - IMPORTED figures (benchmark CSV, DESIGN §4) in the database tables
 *     benchmark_series / benchmark_point (schema 4). An imported figure for a
 *     series and period the built-in set also has takes precedence; the
 *     import says so, and the shipped figure stays in the bundle (n_bundled
 *     and n_replaced below tell the two apart).
 * Series names are matched case-insensitively ("kommuner" is "Kommuner").
 *
 * Periods are `YYYY-Qn` (a quarter) or `YYYY` (a whole year). A series may
 * hold both; a year figure is never compared with a quarter.
 *
 * Measures: legemeldt (doctor-certified absence only, what SSB's register
 * covers) or totalt (self-certified + doctor-certified). A series has one
 * measure for good; the bundled «Alle sektorer» figures exist in both
 * measures and are therefore shipped as two series, «Alle sektorer
 * (legemeldt)» and «Alle sektorer (totalt)».
 *
 * Kind is derived from the series name (nv_benchmark_kind_for_name), by this
 * table, first match wins, case-insensitive substrings:
 *   "alle sektorer", "alle næringer", "hele landet", "norge"    → national
 *   "barnehage", "helse", "omsorg", "pleie", "sykehjem",
 *   "hjemmetjeneste", "skole", "oppvekst", "bransje", "næring"  → sector
 *   "kommuner", "kommunesektor", "kommuneforvaltning",
 *   "fylkeskommune"                                             → municipal-sector
 *   "kommune" (one municipality, e.g. «Fjordvik kommune»)       → own-municipality
 *   anything else                                               → sector
 * So «Alle sektorer (…)» is national (all sectors), «Kommuner»,
 * «Fylkeskommuner» and «Kommuneforvaltning (…)» the municipal sector,
 * «Barnehager (…)» a sector.
 *
 * THE OWN MUNICIPALITY is a computed benchmark with two reserved series
 * names, NV_BENCHMARK_OWN_TOTAL and NV_BENCHMARK_OWN_DOCTOR (imports may not
 * use them). For the unit being compared (with municipality M):
 *   (a) if the database holds a MUNICIPALITY-LEVEL ENTRY for M — a unit,
 *       other than the one compared, named M or «M kommune» (case-insensitive)
 *       that has imported HR monthly figures (`import monthly` with that name
 *       in the unit column) — the benchmark is that entry's figures per
 *       quarter (nv_stats_for_unit: Σ lost / Σ contracted over its months);
 *   (b) otherwise it is computed from ALL units in the database, summed per
 *       quarter: Σ lost / Σ contracted (nv_stats_for_units), never an average
 *       of the units' percentages. Municipality-level entries (of any
 *       municipality) are left out, so municipality-wide figures are never
 *       added on top of the units they already contain.
 * Its points carry persons and masked (persons < 5), like any statistic.
 * The totalt series uses percent, the legemeldt series percent_doctor.
 *
 * BEHIND: a series is stale when its latest period lies more than two
 * quarters before the unit's latest quarter with data (a year counts as its
 * fourth quarter). The unit's latest quarter with data is the last quarter
 * with contracted days that has ended by the as-of date.
 *
 * LIKE WITH LIKE (DESIGN §2): a legemeldt series is compared with the unit's
 * percent_doctor, a totalt series with the unit's percent, and a quarter
 * only with the same quarter (a year with the same year).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "nv-calendar.h"
#include "nv-stats.h"
#include "nv-store.h"

G_BEGIN_DECLS

/* Reserved names of the computed own-municipality series. */
#define NV_BENCHMARK_OWN_TOTAL "Egen kommune (totalt)"
#define NV_BENCHMARK_OWN_DOCTOR "Egen kommune (legemeldt)"

/* Resource path and installed file name of the built-in set. */
#define NV_BENCHMARK_BUILTIN_RESOURCE "/io/github/naervaer/Naervaer/core/benchmarks.csv"

typedef enum
{
  NV_BENCHMARK_NATIONAL,         /* "national": all sectors in Norway */
  NV_BENCHMARK_MUNICIPAL_SECTOR, /* "municipal-sector": all municipalities */
  NV_BENCHMARK_SECTOR,           /* "sector": kindergartens, health & care … */
  NV_BENCHMARK_OWN_MUNICIPALITY, /* "own-municipality" */
} NvBenchmarkKind;

typedef enum
{
  NV_MEASURE_LEGEMELDT, /* "legemeldt": doctor-certified only */
  NV_MEASURE_TOTALT,    /* "totalt": self-certified + doctor-certified */
} NvBenchmarkMeasure;

const char *nv_benchmark_kind_to_string (NvBenchmarkKind kind);
gboolean nv_benchmark_kind_parse (const char *text, NvBenchmarkKind *kind);
/* "National", "Municipal sector", "Sector", "Own municipality" (translated). */
const char *nv_benchmark_kind_label (NvBenchmarkKind kind);
/* The mapping table above. */
NvBenchmarkKind nv_benchmark_kind_for_name (const char *name);

const char *nv_benchmark_measure_to_string (NvBenchmarkMeasure measure);
/* "legemeldt" or "totalt", case-insensitive, trimmed. */
gboolean nv_benchmark_measure_parse (const char *text, NvBenchmarkMeasure *measure);
/* "Doctor-certified" / "Total (self- and doctor-certified)" (translated). */
const char *nv_benchmark_measure_label (NvBenchmarkMeasure measure);

/* ---- Periods ----------------------------------------------------------- */

/* Strict `YYYY-Qn` (n 1–4; a lower-case q is read as Q) or `YYYY`, years 1900–2199. @kind receives
 * NV_PERIOD_QUARTER or NV_PERIOD_YEAR; @start/@end its first and last day.
 * Any output may be NULL. */
gboolean nv_benchmark_period_parse (const char *text, NvPeriodKind *kind, NvDay *start,
                                    NvDay *end);
/* Quarter index year × 4 + (quarter − 1) of the period's LAST quarter
 * ("2024" → that of 2024-Q4); -1 when malformed. */
int nv_benchmark_period_quarter_index (const char *period);
/* Orders periods by their end, a quarter before the year that ends with it:
 * 2023-Q3, 2023-Q4, 2023, 2024-Q1. */
int nv_benchmark_period_compare (const char *a, const char *b);

/* ---- Series and points ------------------------------------------------- */

typedef struct
{
  char *name;  /* the key: stored in settings, given to `chart --benchmark` */
  char *label; /* shown to the user: the name, or translated for the own municipality */
  NvBenchmarkKind kind;
  NvBenchmarkMeasure measure;
  char *basis;         /* what the figures build on, e.g. "SSB"; distinct bases joined by ", " */
  char *latest_period; /* «last updated», e.g. "2024-Q2"; NULL without points */
  guint n_points;      /* after merging */
  guint n_bundled;     /* shipped with the app (including replaced ones) */
  guint n_imported;    /* imported by the user */
  guint n_replaced;    /* shipped figures an import replaced */
  gboolean computed;   /* the own municipality, computed from the database */
  gboolean behind;     /* more than two quarters behind the unit's data (list/get with a unit) */
  GStrv sources;       /* distinct sources, newest figure's first; may be empty */
} NvBenchmarkSeries;

typedef struct
{
  char period[8]; /* "2024-Q2" or "2024" */
  NvPeriodKind kind; /* NV_PERIOD_QUARTER or NV_PERIOD_YEAR */
  NvDay start;
  NvDay end;
  double percent; /* unrounded; also when masked (masking is the caller's job) */
  char *basis;
  char *source;
  gboolean bundled; /* shipped with the app */
  /* Computed (own municipality) points only; persons 0 / masked FALSE otherwise. */
  guint persons;
  gboolean masked;
} NvBenchmarkPoint;

NvBenchmarkSeries *nv_benchmark_series_copy (const NvBenchmarkSeries *series);
void nv_benchmark_series_free (NvBenchmarkSeries *series);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (NvBenchmarkSeries, nv_benchmark_series_free)
/* Clears the strings of a point (for GArray clear funcs). */
void nv_benchmark_point_clear (NvBenchmarkPoint *point);

/* Is @name one of the two computed own-municipality series? */
gboolean nv_benchmark_name_is_own (const char *name);

/* Every series, data series sorted by kind (national, municipal sector,
 * sector, own municipality) then name, followed by the two computed
 * own-municipality series (totalt first). @unit_id (0 for none) is the unit
 * being compared: it decides the municipality-level entry of rule (a) and
 * the «behind» check's reference. Element type NvBenchmarkSeries. */
GPtrArray *nv_benchmark_list (NvStore *store, gint64 unit_id, GError **error);
/* One series by name (case-insensitive), or NULL with NV_STORE_ERROR_NOT_FOUND. */
NvBenchmarkSeries *nv_benchmark_get (NvStore *store, const char *name, gint64 unit_id,
                                     GError **error);

/* Points of series @name whose period lies completely inside [@from, @to]
 * (NV_DAY_NONE: no bound), ordered by nv_benchmark_period_compare. For the
 * own municipality, quarters only, computed as above for @unit_id with open
 * spells ending on @as_of (NV_DAY_NONE: today). Element NvBenchmarkPoint
 * (the array clears its points). NULL with NOT_FOUND for an unknown series. */
GArray *nv_benchmark_get_points (NvStore *store, const char *name, gint64 unit_id, NvDay from,
                                 NvDay to, NvDay as_of, GError **error);

/* How the own-municipality benchmark is computed for @unit_id: sets
 * *@entry_id to the municipality-level entry used (rule a) or 0 (rule b,
 * all units), and returns a sentence for the user, e.g. "Computed from all
 * 6 units: Σ lost ÷ Σ contracted days". */
char *nv_benchmark_own_describe (NvStore *store, gint64 unit_id, gint64 *entry_id,
                                 GError **error);

/* ---- Behind ------------------------------------------------------------ */

/* TRUE when @series_latest lies more than two quarters before
 * @unit_latest_quarter ("2024-Q4"); FALSE when either is NULL. */
gboolean nv_benchmark_is_behind (const char *series_latest, const char *unit_latest_quarter);
/* The unit's latest quarter with data ("2025-Q1"), ended by @as_of
 * (NV_DAY_NONE: today); NULL without data (not an error). */
char *nv_benchmark_unit_latest_quarter (NvStore *store, gint64 unit_id, NvDay as_of,
                                        GError **error);

/* ---- Like with like ---------------------------------------------------- */

/* The unit statistic a series of @measure is compared with:
 * legemeldt → "percent_doctor", totalt → "percent" (the stats JSON keys). */
const char *nv_benchmark_unit_field (NvBenchmarkMeasure measure);
/* That statistic's value in @period (NAN when masked is not considered here). */
double nv_benchmark_unit_value (NvBenchmarkMeasure measure, const NvStatsPeriod *period);
/* The point of @points (NvBenchmarkPoint) for exactly the period @label
 * ("2024-Q2" matches only "2024-Q2", "2024" only "2024"); NULL if none. */
const NvBenchmarkPoint *nv_benchmark_point_for_period (GArray *points, const char *label);
/* For each of @n_periods unit periods (quarters or years), the benchmark
 * percent of the same period, NAN where the series has none. Element double. */
GArray *nv_benchmark_align (GArray *points, const NvStatsPeriod *periods, guint n_periods);

/* ---- Import ------------------------------------------------------------ */

typedef struct
{
  guint n_rows;       /* data rows read */
  guint n_added;      /* new figures */
  guint n_replaced;   /* existing figures (imported or shipped) given a new value or source */
  guint n_unchanged;  /* identical to the figure already there: nothing written */
  guint n_new_series; /* series that did not exist before */
  /* One line per replaced figure: "Kommuner 2024-Q2: 8,3 % → 8,4 %" */
  GPtrArray *replaced;
} NvBenchmarkImportReport;

void nv_benchmark_import_report_clear (NvBenchmarkImportReport *report);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (NvBenchmarkImportReport, nv_benchmark_import_report_clear)

/* Imports a benchmark CSV (DESIGN §4: serie|series; periode|period;
 * prosent|percent; type|measure; grunnlag|basis (optional); kilde|source).
 * All or nothing: on the first bad row nothing is written and @error says
 * `FILE:LINE: FIELD: message` (FILE is the base name). Rules: every field
 * present, percent 0–100 (decimal comma or point), period YYYY-Qn or YYYY
 * that has begun, measure legemeldt|totalt, a series keeps the measure it has
 * (built-in, stored or earlier in the file), a series and period only once
 * per file, a source for every figure, no reserved own-municipality name.
 * A figure that exists is replaced (@report lists it). @report may be NULL. */
gboolean nv_benchmark_import_file (NvStore *store, const char *path,
                                   NvBenchmarkImportReport *report, GError **error);
/* The same for CSV text in memory; @display_name stands for the file. */
gboolean nv_benchmark_import_data (NvStore *store, const char *display_name, const char *data,
                                   gsize length, NvBenchmarkImportReport *report,
                                   GError **error);

/* Removes every imported figure of series @name (case-insensitive): a series
 * only the user imported disappears, a shipped series is back to its shipped
 * figures. *@n_removed (may be NULL) receives how many figures went.
 * NOT_FOUND when the series has no imported figures. */
gboolean nv_benchmark_remove_imported (NvStore *store, const char *name, guint *n_removed,
                                       GError **error);

G_END_DECLS
