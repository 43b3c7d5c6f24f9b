/* nv-workshops-page.h — the Workshops section.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "nv-page.h"

G_BEGIN_DECLS

#define NV_TYPE_WORKSHOPS_PAGE (nv_workshops_page_get_type ())
G_DECLARE_FINAL_TYPE (NvWorkshopsPage, nv_workshops_page, NV, WORKSHOPS_PAGE, NvPage)

G_END_DECLS
