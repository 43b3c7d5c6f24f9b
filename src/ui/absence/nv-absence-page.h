/* nv-absence-page.h — the Absence section: staff, sick leave and the HR
 * monthly figures of the chosen unit, with import and export.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "nv-page.h"

G_BEGIN_DECLS

#define NV_TYPE_ABSENCE_PAGE (nv_absence_page_get_type ())
G_DECLARE_FINAL_TYPE (NvAbsencePage, nv_absence_page, NV, ABSENCE_PAGE, NvPage)

/* "roster", "spells" or "monthly". */
void nv_absence_page_show_part (NvAbsencePage *self, const char *part);
const char *nv_absence_page_get_part (NvAbsencePage *self);
/* For tests: the table of a part and whether it shows its empty state. */
GtkColumnView *nv_absence_page_get_view (NvAbsencePage *self, const char *part);
gboolean nv_absence_page_is_empty (NvAbsencePage *self, const char *part);

G_END_DECLS
