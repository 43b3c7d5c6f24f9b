/* nv-research-view.h — the research view of the municipality section: a
 * 10-FAKTOR factor against sick leave across the units of one sector
 * (scatter plot with the least-squares line, r, n and its 95 % interval in
 * plain words, a table view of the same numbers, PNG/SVG/PDF export).
 * Units left out (fewer than 5 persons or 3 respondents) are only counted.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "nv-faktor.h"
#include "nv-scatter.h"

G_BEGIN_DECLS

#define NV_TYPE_RESEARCH_VIEW (nv_research_view_get_type ())
G_DECLARE_FINAL_TYPE (NvResearchView, nv_research_view, NV, RESEARCH_VIEW, GtkBox)

GtkWidget *nv_research_view_new (void);
void nv_research_view_set_store (NvResearchView *self, NvStore *store);
void nv_research_view_reload (NvResearchView *self);
/* What is shown (tests, printing); NULL before a store is set. */
NvScatter *nv_research_view_get_scatter (NvResearchView *self);
const NvResearch *nv_research_view_get_research (NvResearchView *self);

G_END_DECLS
