/* nv-format.h — the one Norwegian number formatter: core, charts, reports,
 * UI and CLI all format through nv_format_fixed().
 *
 * Norwegian conventions: decimal comma («7,4»), groups of three digits
 * separated by a no-break space («4 700»). Rounding is half up (away from
 * zero), on the decimal value the number stands for (7.45 → «7,5» even though
 * the double is 7.4499999…); never «−0,0». NaN is an en dash «–».
 *
 * The minus sign is an explicit choice: the typographic minus U+2212 «−» on
 * screen and in documents (NV_FORMAT_SCREEN), the ASCII hyphen-minus «-» in
 * output that programs read back — CSV files and naervaer-cli's machine
 * formats (NV_FORMAT_ASCII_MINUS; nv_format_decimal and nv_format_exact).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Rounds half up (away from zero for negatives) to @decimals places. */
double nv_round_half_up (double value, int decimals);

typedef enum
{
  NV_FORMAT_SCREEN = 0,           /* typographic minus «−1,2»: screen and documents */
  NV_FORMAT_ASCII_MINUS = 1 << 0, /* «-1,2»: CSV and CLI output read by programs */
  NV_FORMAT_GROUP = 1 << 1,       /* «4 700»: groups of three, no-break space */
  NV_FORMAT_TRIM = 1 << 2,        /* «12,5» not «12,50»: trailing zeros dropped */
  NV_FORMAT_PLUS = 1 << 3,        /* «+0,4»: a sign on positive values too */
} NvFormatFlags;

/* @value rounded to @decimals (0–6) places with a decimal comma, as @flags
 * say. «–» for NaN. */
char *nv_format_fixed (double value, int decimals, NvFormatFlags flags);

/* «7,4»: one decimal, decimal comma. "–" for NAN. */
char *nv_format_percent (double percent);
/* «7,4 %» with a no-break space before the sign. "–" for NAN. */
char *nv_format_percent_sign (double percent);
/* @decimals places, decimal comma, no grouping, ASCII minus («-1234,56»);
 * "" for NaN. For CSV and CLI output. */
char *nv_format_decimal (double value, int decimals);
/* Shortest form with at most @max_decimals (trailing zeros dropped):
 * 150 → «150», 12.5 → «12,5». For messages. */
char *nv_format_number (double value, int max_decimals);
/* Charts and tables on screen: grouped, typographic minus: «−1 234,5». */
char *nv_format_value (double value, int decimals);
/* «7,4 %» with @decimals places (nv_format_value and a no-break space). */
char *nv_format_value_percent (double value, int decimals);
/* Signed percentage points: «+0,4», «−1,2», «0,0». */
char *nv_format_points (double value, int decimals);
/* The shortest decimal that reads back as the same double: no rounding, no
 * exponent, decimal comma, ASCII minus. A value someone typed as «19,999»
 * is said back as «19,999», not «20». For CSV and for messages that quote a
 * value as written. "" for NAN and infinities. */
char *nv_format_exact (double value);
/* Whole number with groups of three: 1234567 → «1 234 567» (no-break
 * space); "" for NaN. */
char *nv_format_grouped (double value);
/* «1 234 567 kr» */
char *nv_format_nok (double value);

G_END_DECLS
