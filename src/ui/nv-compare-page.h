/* nv-compare-page.h — the Compare section.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "nv-page.h"

G_BEGIN_DECLS

#define NV_TYPE_COMPARE_PAGE (nv_compare_page_get_type ())
G_DECLARE_FINAL_TYPE (NvComparePage, nv_compare_page, NV, COMPARE_PAGE, NvPage)

G_END_DECLS
