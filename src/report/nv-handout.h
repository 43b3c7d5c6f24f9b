/* nv-handout.h — the unit's figures on one printable page, for the
 * dialogue workshop. Masked below five persons: it leaves the leader's
 * screen.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "nv-calendar.h"
#include "nv-printable.h"
#include "nv-store.h"

G_BEGIN_DECLS

/* The handout as a printable (one A4 page): the unit's quarters against
 * @benchmark (NULL or unknown: none) as of @as_of (NV_DAY_NONE: today),
 * the running quarter included so far, as on the Overview. */
#define NV_TYPE_HANDOUT (nv_handout_get_type ())
G_DECLARE_FINAL_TYPE (NvHandout, nv_handout, NV, HANDOUT, GObject)
NvHandout *nv_handout_new (NvStore *store, gint64 unit_id, const char *benchmark, NvDay as_of,
                           GError **error);

/* Writes an A4 PDF with the unit's sick leave by quarter against
 * @benchmark (NULL or unknown: no benchmark) as of @as_of (NV_DAY_NONE:
 * today): a chart and a table of the last four quarters. */
gboolean nv_handout_write_full (NvStore *store, gint64 unit_id, const char *benchmark,
                                NvDay as_of, const char *path, GError **error);
/* The same with the app's default benchmark ("Kommuner"), as of today. */
gboolean nv_handout_write (NvStore *store, gint64 unit_id, const char *path, GError **error);

G_END_DECLS
