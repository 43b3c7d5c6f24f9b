/* nv-measure-detail.h — one measure with its evaluation: the unit's absence
 * in the quarters before and after the measure started, next to the
 * leader's dated notes, with «Add Evaluation Note».
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "nv-measure.h"

G_BEGIN_DECLS

#define NV_TYPE_MEASURE_DETAIL (nv_measure_detail_get_type ())
G_DECLARE_FINAL_TYPE (NvMeasureDetail, nv_measure_detail, NV, MEASURE_DETAIL, AdwWindow)

GtkWidget *nv_measure_detail_new (NvStore *store, gint64 measure_id);
/* The day the statistics are computed as of (default today). For tests. */
void nv_measure_detail_set_as_of (NvMeasureDetail *self, NvDay as_of);
/* "7,4 %"-style texts of the before/after/change figures as shown; for tests. */
const char *nv_measure_detail_get_before_text (NvMeasureDetail *self);
const char *nv_measure_detail_get_after_text (NvMeasureDetail *self);

G_END_DECLS
