/* nv-municipal.h — the municipality at a glance: every unit's latest
 * figures side by side, a heat map of units × quarters, and the own
 * municipality's figures computed from all units.
 *
 * Per unit (the same functions the unit's own pages use, so the figures
 * are the unit's own): nv_compare_new() against the benchmark that matches
 * the unit's sector (nv_municipal_benchmark_for_sector) gives the latest
 * complete quarter with data, the traffic light and its ratio (like with
 * like: the benchmark's measure). The figures shown are TOTAL sick leave
 * (egenmeldt + legemeldt): the latest quarter, the four quarters ending
 * with it (nv_stats_combine: Σ lost / Σ contracted), and the trend in
 * percentage points against the same quarter a year before. Persons are
 * those of the latest quarter; masked (< 5 persons) figures carry the flag
 * and are left out of exports.
 *
 * The own municipality: Σ lost / Σ contracted over ALL units for the same
 * four quarters (those ending with the newest latest quarter of any unit),
 * and the same per sector («own municipality, same sector»).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "nv-compare.h"

G_BEGIN_DECLS

#define NV_MUNICIPAL_HEAT_QUARTERS 8

typedef struct
{
  gint64 unit_id;
  char *name;
  char *sector;
  char *benchmark;        /* the series the light compares with */

  int latest;             /* quarter index year·4 + (q − 1); -1 without data */
  char *latest_label;     /* "Q2 2026" (translated); NULL without data */
  double latest_percent;  /* NAN without data */
  gboolean latest_masked;
  guint persons;          /* in the latest quarter */
  double four_percent;    /* the four quarters ending with the latest; NAN when fewer */
  gboolean four_masked;
  double trend_points;    /* latest − same quarter a year before; NAN when none */
  gboolean trend_masked;

  NvLight light;
  double light_ratio;
  char *light_text;       /* «7,9 % vs 6,9 % (Q2 2026), ratio 1,14» or why grey */

  guint open_measures;    /* planned or in progress */
  guint overdue_measures;
  NvDay last_workshop;    /* the latest on or before the as-of day; NV_DAY_NONE */

  double heat[NV_MUNICIPAL_HEAT_QUARTERS];          /* total %, NAN without data */
  gboolean heat_masked[NV_MUNICIPAL_HEAT_QUARTERS];
} NvMunicipalUnit;

typedef struct
{
  GPtrArray *units;       /* NvMunicipalUnit, by name */
  int heat_first;         /* quarter index of the heat map's first column; -1 without data */
  NvDay as_of;

  /* Own municipality over the four quarters ending at heat_first + 7. */
  double own_percent;     /* NAN without data */
  gboolean own_masked;
  double own_sector_percent[3]; /* helse-omsorg, barnehage, annet */
  gboolean own_sector_masked[3];
} NvMunicipal;

void nv_municipal_free (NvMunicipal *municipal);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (NvMunicipal, nv_municipal_free)

/* The benchmark series for units of @sector: a «sector» series whose name
 * says health and care (helse, omsorg, pleie, sykehjem, hjemmetjeneste) or
 * kindergartens (barnehage), with quarter figures that are not behind unit
 * @unit_id's data (nv-benchmark.h); otherwise «Kommuner». Newly allocated. */
char *nv_municipal_benchmark_for_sector (NvStore *store, const char *sector, gint64 unit_id,
                                         GError **error);

/* Every unit; @as_of NV_DAY_NONE = today. */
NvMunicipal *nv_municipal_new (NvStore *store, NvDay as_of, GError **error);

/* "Q3 2025" of heat column @column. */
char *nv_municipal_heat_label (const NvMunicipal *municipal, guint column);

/* CSV (;, decimal comma, BOM): one row per unit; masked figures empty. */
gboolean nv_municipal_export_csv (const NvMunicipal *municipal, const char *path,
                                  GError **error);

G_END_DECLS
