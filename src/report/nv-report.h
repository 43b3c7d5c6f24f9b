/* nv-report.h — the unit report: a few A4 pages a leader takes to their
 * own manager and to the working-environment committee (AMU).
 *
 * Contents, in this order: the facts (unit, period, as-of day, where the
 * figures come from, the benchmark and how new its figures are); the
 * quarterly trend against the benchmark with workshops and measures as
 * markers; the last four quarters (total, self-/doctor-certified,
 * short-/long-term, graded share, NAV duration classes A–F, lost årsverk,
 * cost and the saving at the unit's target); follow-up compliance counted
 * per milestone (no names); measures with status, owner role and the
 * absence before/after; workshops held; the latest 10-FAKTOR round (when any).
 *
 * Masked (DESIGN §2) unless @unmasked: a quarter with fewer than five
 * persons shows no percentage and no day count, and the four quarters
 * together are hidden when any of them is (else the hidden quarter would be
 * the difference of two printed sums). Measures' before/after figures
 * follow their own masking.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "nv-calendar.h"
#include "nv-document.h"
#include "nv-store.h"

G_BEGIN_DECLS

typedef struct
{
  NvDay from;            /* first quarter (any day in it); NV_DAY_NONE: two years before @to */
  NvDay to;              /* last quarter; NV_DAY_NONE: the last complete quarter with data */
  NvDay as_of;           /* NV_DAY_NONE: today */
  const char *benchmark; /* series name; NULL: none */
  gboolean unmasked;     /* for the leader's own eyes only */
  double nok_per_day;    /* cost per lost day; 0: NV_STATS_DEFAULT_NOK_PER_DAY */
  double target_percent; /* NAN: the unit's own target (nv_unit_get_target); none: no saving row */
  NvDay generated;       /* the footer's date; NV_DAY_NONE: today */
} NvReportOptions;

void nv_report_options_init (NvReportOptions *options);

/* Gathers the unit's figures into a printable document. Fails with
 * NV_STORE_ERROR_NOT_FOUND for an unknown unit or benchmark series, and
 * with NV_STORE_ERROR_INVALID when the unit has no complete quarter with
 * figures in the period. */
NvDocument *nv_report_new (NvStore *store, gint64 unit_id, const NvReportOptions *options,
                         GError **error);

/* The same, written as a PDF to @path (see nv_printable_write_pdf). */
gboolean nv_report_write (NvStore *store, gint64 unit_id, const NvReportOptions *options,
                          const char *path, GError **error);

G_END_DECLS
