/* nv-benchmark-private.h — shared between nv-benchmark.c (reading, merging)
 * and nv-benchmark-import.c (CSV rows, validation, writing).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "nv-benchmark.h"

G_BEGIN_DECLS

/* One validated CSV data row. */
typedef struct
{
  guint line; /* physical line number in the file (header = 1) */
  char *series;
  char period[8];
  double percent;
  NvBenchmarkMeasure measure;
  char *basis; /* "" when the column is absent or empty */
  char *source;
} NvBenchmarkRow;

void nv_benchmark_row_free (NvBenchmarkRow *row);

/* More writes inside the import's transaction, after its rows (the SSB
 * fetch records where the figures came from): FALSE rolls everything back. */
typedef gboolean (*NvBenchmarkExtraWrite) (NvStore *store, gpointer data, GError **error);
gboolean nv_benchmark_import_data_with (NvStore *store, const char *display_name,
                                        const char *data, gsize length,
                                        NvBenchmarkImportReport *report,
                                        NvBenchmarkExtraWrite extra, gpointer extra_data,
                                        GError **error);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (NvBenchmarkRow, nv_benchmark_row_free)

/* Parses and checks CSV text: every row on its own and the file against
 * itself (duplicates, one measure per series); a period that begins after
 * @today is refused. Errors `NAME:LINE: FIELD: …`. Element NvBenchmarkRow. */
GPtrArray *nv_benchmark_parse_csv (const char *display_name, const char *data, gsize length,
                                   NvDay today, GError **error);

/* A series as read: the built-in figures with the imported ones merged in. */
typedef struct
{
  char *name;
  NvBenchmarkKind kind;
  NvBenchmarkMeasure measure;
  char *basis;    /* of the series row, or the first built-in figure */
  gint64 db_id;   /* 0 when only built-in */
  gboolean builtin;
  GArray *points; /* NvBenchmarkPoint, ordered by period */
  guint n_bundled;
  guint n_imported;
  guint n_replaced;
} NvBenchmarkMerged;

void nv_benchmark_merged_free (NvBenchmarkMerged *merged);

/* Every data series (not the own municipality); element NvBenchmarkMerged. */
GPtrArray *nv_benchmark_merged_load (NvStore *store, GError **error);
/* Case-insensitive lookup in the array above; NULL if absent. */
NvBenchmarkMerged *nv_benchmark_merged_find (GPtrArray *merged, const char *name);
/* The point of @merged for @period, or NULL. */
NvBenchmarkPoint *nv_benchmark_merged_point (NvBenchmarkMerged *merged, const char *period);

/* An empty array of NvBenchmarkPoint that clears its points. */
GArray *nv_benchmark_point_array_new (void);

/* The own-municipality benchmark's points (quarters with contracted days),
 * see nv-benchmark.h; basis and source say how they were computed. */
GArray *nv_benchmark_own_points (NvStore *store, NvBenchmarkMeasure measure, gint64 unit_id,
                                 NvDay from, NvDay to, NvDay as_of, GError **error);

/* Casefolded, NFKC-normalised and trimmed: the key names are compared by. */
char *nv_benchmark_name_key (const char *name);

G_END_DECLS
