/* nv-faktor-chart.h — the 10-FAKTOR charts, built from core figures for any
 * cairo_t: the screen (src/ui), files, the workshop slide and printed
 * reports all draw these, so they show the same thing.
 *
 *   nv_faktor_profile_chart   a unit's latest usable round (≥ 3 respondents),
 *                             its previous round and the municipality's mean,
 *                             ten horizontal bars on the 1–5 scale (nv-hbars.h)
 *   nv_research_chart         the research scatter with its least-squares
 *                             line (nv-scatter.h); masked units are not in
 *                             NvResearch's points, so nothing needs masking
 *   nv_municipal_heatmap      units × quarters (nv-heatmap.h); @for_export
 *                             leaves masked values out (DESIGN §2)
 *
 * Draw with nv_hbars_draw / nv_scatter_draw / nv_heatmap_draw (cr, width,
 * height, style), or export with the matching _export (PNG, SVG, PDF).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "nv-faktor.h"
#include "nv-hbars.h"
#include "nv-heatmap.h"
#include "nv-municipal.h"
#include "nv-scatter.h"

G_BEGIN_DECLS

/* NULL when the unit has no round with at least 3 respondents. @subtitle
 * («Survey closed …, n respondents …») and @suggestion (workshop themes from
 * the two lowest factors; NULL when none) may be NULL. */
NvHBars *nv_faktor_profile_chart (NvStore *store, gint64 unit_id, char **subtitle,
                                  char **suggestion);
NvScatter *nv_research_chart (const NvResearch *research);
/* Rows: the units of @sector (NULL: all), in the overview's order. */
NvHeatmap *nv_municipal_heatmap (const NvMunicipal *municipal, const char *sector,
                                 gboolean for_export);

G_END_DECLS
