/* nv-handout.h — the unit's figures on one printable page, for the
 * dialogue workshop. Masked below five persons: it leaves the leader's
 * screen.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "nv-calendar.h"
#include "nv-store.h"

G_BEGIN_DECLS

/* Writes an A4 PDF with the unit's sick leave by quarter against
 * @benchmark (NULL or unknown: no benchmark) as of @as_of (NV_DAY_NONE:
 * today): a chart and a table of the last four quarters. */
gboolean nv_handout_write_full (NvStore *store, gint64 unit_id, const char *benchmark,
                                NvDay as_of, const char *path, GError **error);
/* The same with the app's default benchmark ("Kommuner"), as of today. */
gboolean nv_handout_write (NvStore *store, gint64 unit_id, const char *path, GError **error);

G_END_DECLS
