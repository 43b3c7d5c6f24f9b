/* nv-view-print.h — the municipal overview and the 10-FAKTOR research view
 * on paper (NvDocument: print and PDF) and the research table as a sheet.
 *
 * Both leave the leader's screen, so they are masked (DESIGN §2): figures of
 * a unit's quarter with fewer than five persons are printed as «–» and the
 * heat map hatches those cells without a value; the research points never
 * hold a masked unit (nv_research_compute leaves them out and counts them).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "nv-document.h"
#include "nv-faktor.h"
#include "nv-municipal.h"
#include "nv-sheet.h"

G_BEGIN_DECLS

/* Title, as-of date, the whole municipality, the table of units and the
 * heat map (export masking). @sector: the sector filter chosen on screen
 * (NULL: all sectors) — only its units are printed, and the units heading
 * names it. @generated: the footer's date (NV_DAY_NONE: today). */
NvDocument *nv_municipal_document_new (const NvMunicipal *municipal, const char *sector,
                                       NvDay generated);

/* Title, sector / factor / measure, the scatter plot, the finding in words
 * with r, its confidence interval, n and how many units were left out, and
 * the table of points. */
NvDocument *nv_research_document_new (const NvResearch *research, NvDay generated);

/* «r = 0,41 (95 % CI … to …) · n = 9 units · left out: 2 · line: …», or
 * «n = 2 units; left out: 1» when there are too few units for r. */
char *nv_research_figures_text (const NvResearch *research);

/* The research view's table: one row per unit (point). */
NvSheet *nv_sheet_for_research (const NvResearch *research);

G_END_DECLS
