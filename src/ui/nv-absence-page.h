/* nv-absence-page.h — the Absence section.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "nv-page.h"

G_BEGIN_DECLS

#define NV_TYPE_ABSENCE_PAGE (nv_absence_page_get_type ())
G_DECLARE_FINAL_TYPE (NvAbsencePage, nv_absence_page, NV, ABSENCE_PAGE, NvPage)

G_END_DECLS
