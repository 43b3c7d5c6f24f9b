/* nv-absence-page-private.h — shared between the Absence page's files.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "nv-absence-page.h"

G_BEGIN_DECLS

/* nv-absence-io.c: choose a CSV file and open the import preview for @part
 * ("roster", "spells", "monthly"), or choose where to save the export. */
void nv_absence_page_import (NvAbsencePage *self, const char *part);
void nv_absence_page_export (NvAbsencePage *self, const char *part);

G_END_DECLS
