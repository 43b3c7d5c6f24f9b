/* nv-overview-page.h — the Overview section.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "nv-page.h"

G_BEGIN_DECLS

#define NV_TYPE_OVERVIEW_PAGE (nv_overview_page_get_type ())
G_DECLARE_FINAL_TYPE (NvOverviewPage, nv_overview_page, NV, OVERVIEW_PAGE, NvPage)

G_END_DECLS
