/* nv-measure-detail.h — one measure with its evaluation: the unit's absence
 * in the quarters before and after the measure started, next to the
 * leader's dated notes, with «Add Evaluation Note».
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "nv-context.h"
#include "nv-measure.h"

G_BEGIN_DECLS

#define NV_TYPE_MEASURE_DETAIL (nv_measure_detail_get_type ())
G_DECLARE_FINAL_TYPE (NvMeasureDetail, nv_measure_detail, NV, MEASURE_DETAIL, AdwWindow)

/* The statistics are computed as of today by @context's clock. */
GtkWidget *nv_measure_detail_new (NvContext *context, gint64 measure_id);
/* "7,4 %"-style texts of the before/after/change figures as shown; for tests. */
const char *nv_measure_detail_get_before_text (NvMeasureDetail *self);
const char *nv_measure_detail_get_after_text (NvMeasureDetail *self);

G_END_DECLS
