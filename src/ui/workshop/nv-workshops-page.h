/* nv-workshops-page.h — the Workshops section: the unit's workshops and the
 * guided view of one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "nv-page.h"

G_BEGIN_DECLS

#define NV_TYPE_WORKSHOPS_PAGE (nv_workshops_page_get_type ())
G_DECLARE_FINAL_TYPE (NvWorkshopsPage, nv_workshops_page, NV, WORKSHOPS_PAGE, NvPage)

/* Opens the guided view of workshop @workshop_id (0: back to the list). */
void nv_workshops_page_open (NvWorkshopsPage *self, gint64 workshop_id);
/* "empty", "list" or "workshop" */
const char *nv_workshops_page_get_state (NvWorkshopsPage *self);

G_END_DECLS
