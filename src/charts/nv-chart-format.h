/* nv-chart-format.h — numbers the Norwegian way for charts and tables.
 *
 * «7,4 %»: decimal comma, a no-break space before the per cent sign, groups
 * of three digits separated by a no-break space («4 700»), as core's
 * nv-format.h writes them (charts may not link core), rounding half away from zero on
 * the decimal value (7,45 → 7,5; DESIGN §2 «round half up»), a real minus
 * sign (U+2212) and never «−0,0». NaN prints as an en dash «–».
 *
 * GLib only, so charts, exports and tests share it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Rounds @value to @decimals places, half away from zero, robust against
 * binary representation (7.45 is stored as 7.4499999…). */
double nv_chart_round (double value, int decimals);

/* "7,4", "4 700", "−0,3", "–" for NaN. @decimals 0–6. */
char *nv_chart_format_number (double value, int decimals);
/* "7,4 %" */
char *nv_chart_format_percent (double value, int decimals);
/* Signed percentage points: "+0,4", "−1,2", "0,0". */
char *nv_chart_format_points (double value, int decimals);

G_END_DECLS
