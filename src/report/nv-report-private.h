/* nv-report-private.h — parts of the unit report.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "nv-absence.h"
#include "nv-compare.h"
#include "nv-report.h"
#include "nv-stats.h"

G_BEGIN_DECLS

/* The follow-up, measures and workshops sections (nv-report-work.c). */
gboolean nv_report_add_followup (NvDocument *doc, NvStore *store, gint64 unit_id, NvDay from,
                                 NvDay to, NvDay as_of, gboolean hide, GError **error);
gboolean nv_report_add_measures (NvDocument *doc, NvStore *store, gint64 unit_id, NvDay from,
                                 NvDay to, NvDay as_of, gboolean unmasked, GError **error);
gboolean nv_report_add_workshops (NvDocument *doc, NvStore *store, gint64 unit_id, NvDay from,
                                  NvDay to, NvDay as_of, GError **error);

/* The unit's latest 10-FAKTOR round on or before @as_of against its
 * previous round and the municipality (nothing when the unit has none). */
gboolean nv_report_add_faktor (NvDocument *doc, NvStore *store, gint64 unit_id, NvDay as_of,
                               GError **error);

G_END_DECLS
