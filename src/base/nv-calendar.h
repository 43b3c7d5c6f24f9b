/* nv-calendar.h — days, the Norwegian workday calendar and statistics periods.
 *
 * A day is a GDate julian day number (1 = 0001-01-01, consecutive days differ
 * by one), so day arithmetic is plain integer arithmetic. 0 means "no day"
 * (an open end, a parse failure). The calendar supports the years 1900–2199;
 * parsing refuses dates outside them.
 *
 * Workdays follow DESIGN §2: Monday–Friday that is not a Norwegian public
 * holiday (1 Jan, Maundy Thursday, Good Friday, Easter Monday, 1 May, 17 May,
 * Ascension Day = Easter + 39, Whit Monday = Easter + 50, 25 Dec, 26 Dec).
 * Easter Sunday by the Gregorian computus. Sundays and Easter/Whit Sunday
 * are not workdays anyway, so they are not listed as holidays here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef guint32 NvDay;

#define NV_DAY_NONE ((NvDay) 0)
#define NV_CALENDAR_FIRST_YEAR 1900
#define NV_CALENDAR_LAST_YEAR 2199

/* The day for a calendar date, or NV_DAY_NONE when the date does not exist
 * (30 February, month 13) or lies outside 1900–2199. */
NvDay nv_day_from_ymd (int year, int month, int day);
void nv_day_to_ymd (NvDay day, int *year, int *month, int *mday);
int nv_day_year (NvDay day);
int nv_day_month (NvDay day);
/* 1 = Monday … 7 = Sunday (ISO 8601). */
int nv_day_weekday (NvDay day);
/* Today in local time. */
NvDay nv_day_today (void);

/* Strict `YYYY-MM-DD` (exactly 10 characters). NV_DAY_NONE otherwise. */
NvDay nv_day_parse_iso (const char *text);
/* `YYYY-MM-DD` or `DD.MM.YYYY` (day and month may have one digit: 1.2.2025).
 * US dates (02/30/2025, 2025/02/03), two-digit years and impossible dates
 * are refused with NV_DAY_NONE. Surrounding white space is ignored. */
NvDay nv_day_parse (const char *text);

/* `YYYY-MM-DD`; "" for NV_DAY_NONE. @buf must hold 11 bytes; returns @buf. */
char *nv_day_format_iso_buf (NvDay day, char *buf);
char *nv_day_format_iso (NvDay day);
/* `DD.MM.YYYY`, the Norwegian form shown in the UI. */
char *nv_day_format_local (NvDay day);

/* Easter Sunday of @year (Gregorian computus). */
NvDay nv_easter_sunday (int year);
/* TRUE for the ten public holidays of DESIGN §2 (whatever weekday they fall on). */
gboolean nv_day_is_holiday (NvDay day);
/* Name of the holiday (translated), or NULL. */
const char *nv_day_holiday_name (NvDay day);
gboolean nv_day_is_workday (NvDay day);
/* Workdays in [@from, @to], both inclusive; 0 when @to < @from.
 * O(1) through a table built on first use. */
guint nv_workdays_between (NvDay from, NvDay to);

/* ---- Periods ---------------------------------------------------------- */

typedef enum
{
  NV_PERIOD_MONTH,
  NV_PERIOD_QUARTER,
  NV_PERIOD_YEAR,
  NV_PERIOD_RANGE, /* one period: exactly the requested from–to range */
} NvPeriodKind;

/* "month", "quarter", "year"; FALSE for anything else. */
gboolean nv_period_kind_parse (const char *text, NvPeriodKind *kind);

/* First and last day of the month/quarter/year that contains @day. For
 * NV_PERIOD_RANGE these return @day itself. */
NvDay nv_period_start (NvPeriodKind kind, NvDay day);
NvDay nv_period_end (NvPeriodKind kind, NvDay day);
/* 1–4 */
int nv_day_quarter (NvDay day);

/* Label of the period containing @day: "2025-03", "2025-Q1", "2025". For
 * NV_PERIOD_RANGE @day is the range start and @end its end:
 * "2025-01-15–2025-03-31". */
char *nv_period_label (NvPeriodKind kind, NvDay day, NvDay end);

/* Parses "2025-03" (month), "2025-Q1" (quarter, Q or q) or "2025" (year) into
 * its kind and first/last day. FALSE when malformed or impossible. */
gboolean nv_period_parse (const char *text, NvPeriodKind *kind, NvDay *start, NvDay *end);
/* Strict `YYYY-MM` (the HR monthly figures' period). */
gboolean nv_month_parse (const char *text, int *year, int *month);

G_END_DECLS
