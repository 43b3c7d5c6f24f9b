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

#define NV_REPORT_N_CLASSES 6 /* NAV duration codes A–F */

/* Lost days per quarter and class (lost[q][0] is A). NAN for quarters
 * whose figures come from HR months (no case split). */
gboolean nv_report_duration_classes (NvStore *store, gint64 unit_id,
                                     const NvStatsPeriod *quarters, guint n_quarters,
                                     NvDay as_of, double (*lost)[NV_REPORT_N_CLASSES],
                                     GError **error);

/* The follow-up, measures and workshops sections (nv-report-work.c). */
gboolean nv_report_add_followup (NvDocument *doc, NvStore *store, gint64 unit_id, NvDay from,
                                 NvDay to, NvDay as_of, gboolean hide, GError **error);
gboolean nv_report_add_measures (NvDocument *doc, NvStore *store, gint64 unit_id, NvDay from,
                                 NvDay to, NvDay as_of, gboolean unmasked, GError **error);
gboolean nv_report_add_workshops (NvDocument *doc, NvStore *store, gint64 unit_id, NvDay from,
                                  NvDay to, NvDay as_of, GError **error);

G_END_DECLS
