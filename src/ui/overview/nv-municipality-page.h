/* nv-municipality-page.h — the municipality section: all units side by
 * side (table, heat map, own-municipality figures) and the 10-FAKTOR
 * research view. Shown when the database has more than one unit.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "nv-municipal.h"
#include "nv-page.h"
#include "nv-research-view.h"

G_BEGIN_DECLS

#define NV_TYPE_MUNICIPALITY_PAGE (nv_municipality_page_get_type ())
G_DECLARE_FINAL_TYPE (NvMunicipalityPage, nv_municipality_page, NV, MUNICIPALITY_PAGE, NvPage)

NvMunicipal *nv_municipality_page_get_municipal (NvMunicipalityPage *self);
NvResearchView *nv_municipality_page_get_research (NvMunicipalityPage *self);
GtkColumnView *nv_municipality_page_get_table (NvMunicipalityPage *self);
/* Writes the units the table shows (the sector filter applied, in the
 * table's order) to @path: an Excel workbook when it ends in .xlsx, else
 * CSV. */
gboolean nv_municipality_page_export (NvMunicipalityPage *self, const char *path, GError **error);
/* "units" or "research" */
void nv_municipality_page_show (NvMunicipalityPage *self, const char *view);

G_END_DECLS
