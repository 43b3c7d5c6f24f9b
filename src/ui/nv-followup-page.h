/* nv-followup-page.h — the Follow-up section.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "nv-page.h"

G_BEGIN_DECLS

#define NV_TYPE_FOLLOWUP_PAGE (nv_followup_page_get_type ())
G_DECLARE_FINAL_TYPE (NvFollowupPage, nv_followup_page, NV, FOLLOWUP_PAGE, NvPage)

G_END_DECLS
