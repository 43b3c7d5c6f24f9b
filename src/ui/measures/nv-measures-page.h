/* nv-measures-page.h — the Measures section.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "nv-calendar.h"
#include "nv-page.h"

G_BEGIN_DECLS

#define NV_TYPE_MEASURES_PAGE (nv_measures_page_get_type ())
G_DECLARE_FINAL_TYPE (NvMeasuresPage, nv_measures_page, NV, MEASURES_PAGE, NvPage)


G_END_DECLS
