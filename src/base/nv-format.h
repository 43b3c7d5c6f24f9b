/* nv-format.h — number formatting shared by UI, charts, reports and CLI.
 *
 * Norwegian conventions: decimal comma («7,4»), thin groups of thousands
 * separated by a no-break space («4 700»). Rounding is half up, on the
 * decimal value the number stands for (7.45 → «7,5» even though the double
 * is 7.4499999…).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Rounds half up (away from zero for negatives) to @decimals places. */
double nv_round_half_up (double value, int decimals);

/* «7,4»: one decimal, decimal comma. "–" for NAN. */
char *nv_format_percent (double percent);
/* «7,4 %» with a no-break space before the sign. "–" for NAN. */
char *nv_format_percent_sign (double percent);
/* @decimals places, decimal comma, no grouping («1234,56»). For CSV. */
char *nv_format_decimal (double value, int decimals);
/* Shortest form with at most @max_decimals (trailing zeros dropped):
 * 150 → «150», 12.5 → «12,5». For messages. */
char *nv_format_number (double value, int max_decimals);
/* The shortest decimal that reads back as the same double: no rounding, no
 * exponent, decimal comma, ASCII minus. A value someone typed as «19,999»
 * is said back as «19,999», not «20». For CSV and for messages that quote a
 * value as written. "" for NAN and infinities. */
char *nv_format_exact (double value);
/* Whole number with groups of three: 1234567 → «1 234 567» (no-break space). */
char *nv_format_grouped (double value);
/* «1 234 567 kr» */
char *nv_format_nok (double value);

G_END_DECLS
