/* nv-ssb.h — benchmark figures from Statistics Norway's open API (issue 16
 * item 9): what to ask for, reading the answers, storing them.
 *
 * Only on the user's request, and nothing about the user's data goes out:
 * a request names a public table, the codes of the figures wanted and the
 * first quarter — the same for every user. The network part is in
 * src/net/nv-ssb-fetch.c; this file does no I/O but the database.
 *
 * WHAT (data/ssb-series.json): one GET per series,
 *   {api}/tables/{table}/data?lang=no&outputFormat=json-stat2
 *     &valueCodes[DIM]=CODE (each dimension of «select»)
 *     &valueCodes[Tid]=from({first_period})
 * Never seasonally adjusted figures.
 *
 * READING (JSON-stat 2.0, class "dataset"): «id» and «size» give the
 * dimensions in row-major order, «dimension.D.category.index» each code's
 * position (object or array form), «value» the cells (array or sparse
 * object; null = no figure, e.g. not yet published or suppressed). The
 * dataset must have exactly the dimensions asked for (the «select» ones and
 * the time dimension) and carry every code asked for; otherwise SSB changed
 * the table and the answer is refused. Time codes are `YYYYKn` → `YYYY-Qn`.
 *
 * STORING: all series of one update in one transaction through the
 * benchmark import (same checks; a figure that exists is replaced), with
 * each series' source URL, table id, fetch time and the next expected
 * publication in benchmark_fetch (schema 10). Any bad answer: nothing is
 * stored.
 *
 * NEXT PUBLICATION: SSB publishes a quarter's sick leave roughly eleven
 * weeks after it ends; the expected date of the next quarter is its end +
 * «publication_lag_days». It is an estimate and shown as one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "nv-benchmark.h"
#include "nv-store.h"

G_BEGIN_DECLS

#define NV_SSB_API "https://data.ssb.no/api/pxwebapi/v2"

typedef struct
{
  char *name;
  NvBenchmarkMeasure measure;
  char *table;
  GStrv dims;  /* the «select» dimensions, in file order */
  GStrv codes; /* the code of each */
} NvSsbSeries;

typedef struct
{
  char *api;          /* without a trailing slash */
  char *first_period; /* "2019K1" */
  char *time_dim;     /* "Tid" */
  char *basis;        /* "SSB" */
  guint publication_lag_days;
  GPtrArray *series;  /* NvSsbSeries */
} NvSsbPlan;

void nv_ssb_plan_free (NvSsbPlan *plan);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (NvSsbPlan, nv_ssb_plan_free)

/* The plan shipped in the resource bundle; @api_override (NULL: the file's)
 * replaces the API address (tests point it at a local server). */
NvSsbPlan *nv_ssb_plan_load (const char *api_override, GError **error);
/* The GET address of @series. */
char *nv_ssb_series_url (const NvSsbPlan *plan, const NvSsbSeries *series);

typedef struct
{
  char period[8]; /* "2026-Q3" */
  double percent;
} NvSsbPoint;

/* Reads one answer for @series. Element NvSsbPoint, oldest first; NULL with
 * NV_STORE_ERROR_INVALID and a sentence naming the table when the body is
 * not JSON-stat 2.0 or the table's dimensions or codes changed. */
GArray *nv_ssb_parse (const NvSsbPlan *plan, const NvSsbSeries *series, const char *body,
                      gsize length, GError **error);

/* The expected publication date of the quarter after @latest_period
 * ("2026-Q2" → about 16.12.2026); NV_DAY_NONE when malformed. */
NvDay nv_ssb_next_publication (const NvSsbPlan *plan, const char *latest_period);

typedef struct
{
  guint n_series;
  guint n_points;
  guint n_added;
  guint n_replaced;
  char *latest_period; /* the newest quarter fetched */
  NvDay next_publication;
} NvSsbReport;

void nv_ssb_report_clear (NvSsbReport *report);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (NvSsbReport, nv_ssb_report_clear)

/* Stores the points of every series of @plan (@points: one GArray of
 * NvSsbPoint per series, same order) fetched at @fetched (UTC), in one
 * transaction. @report may be NULL. */
gboolean nv_ssb_store (NvStore *store, const NvSsbPlan *plan, GPtrArray *points,
                       GDateTime *fetched, NvSsbReport *report, GError **error);

/* Where a fetched series came from; FALSE (no error) when @name was not
 * fetched from SSB. Strings are newly allocated. */
typedef struct
{
  char *source_url;
  char *table_id;
  GDateTime *fetched;
  NvDay next_release; /* NV_DAY_NONE if unknown */
  gboolean seasonally_adjusted;
} NvSsbFetchInfo;

void nv_ssb_fetch_info_clear (NvSsbFetchInfo *info);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (NvSsbFetchInfo, nv_ssb_fetch_info_clear)
gboolean nv_ssb_fetch_info (NvStore *store, const char *name, NvSsbFetchInfo *info,
                            GError **error);
/* When the figures of @name were last imported or fetched (the newest
 * benchmark_point.imported), NULL for series with bundled figures only. */
GDateTime *nv_benchmark_last_imported (NvStore *store, const char *name, GError **error);

/* "3. kv. 2026" (the translated «Q%d %d») for "2026-Q3", "2026" for a year;
 * a copy of anything else. */
char *nv_period_display (const char *period);
/* A series name for people: its `YYYY-Qn` periods in the quarter format
 * above and «..» between periods as «–». */
char *nv_benchmark_display_name (const char *name);

G_END_DECLS
