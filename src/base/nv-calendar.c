/* nv-calendar.c — days, the Norwegian workday calendar and statistics periods.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-calendar"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "nv-calendar.h"

/* GDate's julian day of 1970-01-01. */
#define EPOCH_JULIAN 719163

static int
days_in_month (int year, int month)
{
  static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
  gboolean leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : days[month - 1];
}

/* Civil-date arithmetic (H. Hinnant's days_from_civil / civil_from_days):
 * much faster than GDate for the millions of conversions statistics make,
 * and the same numbering as g_date_get_julian (the tests compare them). */
NvDay
nv_day_from_ymd (int year, int month, int day)
{
  int y, era, yoe, doy, doe;

  if (year < NV_CALENDAR_FIRST_YEAR || year > NV_CALENDAR_LAST_YEAR || month < 1 || month > 12 ||
      day < 1 || day > days_in_month (year, month))
    return NV_DAY_NONE;
  y = month <= 2 ? year - 1 : year;
  era = y / 400;
  yoe = y - era * 400;
  doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return (NvDay) (era * 146097 + doe - 719468 + EPOCH_JULIAN);
}

void
nv_day_to_ymd (NvDay day, int *year, int *month, int *mday)
{
  int z, era, doe, yoe, y, doy, mp, d, m;

  if (day == NV_DAY_NONE)
    {
      if (year)
        *year = 0;
      if (month)
        *month = 0;
      if (mday)
        *mday = 0;
      return;
    }
  z = (int) day - EPOCH_JULIAN + 719468;
  era = z / 146097;
  doe = z - era * 146097;
  yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  y = yoe + era * 400;
  doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  mp = (5 * doy + 2) / 153;
  d = doy - (153 * mp + 2) / 5 + 1;
  m = mp < 10 ? mp + 3 : mp - 9;
  if (year)
    *year = m <= 2 ? y + 1 : y;
  if (month)
    *month = m;
  if (mday)
    *mday = d;
}

int
nv_day_year (NvDay day)
{
  int y;
  nv_day_to_ymd (day, &y, NULL, NULL);
  return y;
}

int
nv_day_month (NvDay day)
{
  int m;
  nv_day_to_ymd (day, NULL, &m, NULL);
  return m;
}

int
nv_day_weekday (NvDay day)
{
  /* Julian day 1 (0001-01-01, proleptic Gregorian) was a Monday. */
  return (int) ((day - 1) % 7) + 1;
}

NvDay
nv_day_today (void)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  return nv_day_from_ymd (g_date_time_get_year (now), g_date_time_get_month (now),
                          g_date_time_get_day_of_month (now));
}

/* Reads exactly @n digits; FALSE if any is not a digit. */
static gboolean
read_digits (const char *s, int n, int *out)
{
  int v = 0;

  for (int i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (s[i]))
        return FALSE;
      v = v * 10 + (s[i] - '0');
    }
  *out = v;
  return TRUE;
}

NvDay
nv_day_parse_iso (const char *text)
{
  int y, m, d;

  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return NV_DAY_NONE;
  if (!read_digits (text, 4, &y) || !read_digits (text + 5, 2, &m) ||
      !read_digits (text + 8, 2, &d))
    return NV_DAY_NONE;
  return nv_day_from_ymd (y, m, d);
}

NvDay
nv_day_parse (const char *text)
{
  g_autofree char *copy = NULL;
  const char *s;
  const char *dot1, *dot2;
  int y, m, d;
  size_t ld, lm;

  if (text == NULL)
    return NV_DAY_NONE;
  copy = g_strstrip (g_strdup (text));
  s = copy;
  if (strchr (s, '-') != NULL)
    return nv_day_parse_iso (s);

  /* D.M.YYYY / DD.MM.YYYY */
  dot1 = strchr (s, '.');
  if (dot1 == NULL)
    return NV_DAY_NONE;
  dot2 = strchr (dot1 + 1, '.');
  if (dot2 == NULL || strlen (dot2 + 1) != 4)
    return NV_DAY_NONE;
  ld = (size_t) (dot1 - s);
  lm = (size_t) (dot2 - dot1 - 1);
  if (ld < 1 || ld > 2 || lm < 1 || lm > 2)
    return NV_DAY_NONE;
  if (!read_digits (s, (int) ld, &d) || !read_digits (dot1 + 1, (int) lm, &m) ||
      !read_digits (dot2 + 1, 4, &y))
    return NV_DAY_NONE;
  return nv_day_from_ymd (y, m, d);
}

char *
nv_day_format_iso_buf (NvDay day, char *buf)
{
  int y, m, d;

  if (day == NV_DAY_NONE)
    {
      buf[0] = '\0';
      return buf;
    }
  nv_day_to_ymd (day, &y, &m, &d);
  /* By hand: imports and exports format millions of these. */
  buf[0] = (char) ('0' + y / 1000);
  buf[1] = (char) ('0' + y / 100 % 10);
  buf[2] = (char) ('0' + y / 10 % 10);
  buf[3] = (char) ('0' + y % 10);
  buf[4] = '-';
  buf[5] = (char) ('0' + m / 10);
  buf[6] = (char) ('0' + m % 10);
  buf[7] = '-';
  buf[8] = (char) ('0' + d / 10);
  buf[9] = (char) ('0' + d % 10);
  buf[10] = '\0';
  return buf;
}

char *
nv_day_format_iso (NvDay day)
{
  char buf[11];
  return g_strdup (nv_day_format_iso_buf (day, buf));
}

char *
nv_day_format_local (NvDay day)
{
  int y, m, d;

  if (day == NV_DAY_NONE)
    return g_strdup ("");
  nv_day_to_ymd (day, &y, &m, &d);
  return g_strdup_printf ("%02d.%02d.%04d", d, m, y);
}

NvDay
nv_easter_sunday (int year)
{
  /* Anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
  int a = year % 19;
  int b = year / 100;
  int c = year % 100;
  int d = b / 4;
  int e = b % 4;
  int f = (b + 8) / 25;
  int g = (b - f + 1) / 3;
  int h = (19 * a + b - d - g + 15) % 30;
  int i = c / 4;
  int k = c % 4;
  int l = (32 + 2 * e + 2 * i - h - k) % 7;
  int m = (a + 11 * h + 22 * l) / 451;
  int month = (h + l - 7 * m + 114) / 31;
  int day = ((h + l - 7 * m + 114) % 31) + 1;

  return nv_day_from_ymd (year, month, day);
}

typedef enum
{
  HOLIDAY_NONE,
  HOLIDAY_NEW_YEAR,
  HOLIDAY_MAUNDY_THURSDAY,
  HOLIDAY_GOOD_FRIDAY,
  HOLIDAY_EASTER_MONDAY,
  HOLIDAY_LABOUR_DAY,
  HOLIDAY_CONSTITUTION_DAY,
  HOLIDAY_ASCENSION,
  HOLIDAY_WHIT_MONDAY,
  HOLIDAY_CHRISTMAS,
  HOLIDAY_BOXING_DAY,
} Holiday;

static Holiday
holiday_of (NvDay day)
{
  int y, m, d;
  NvDay easter;

  if (day == NV_DAY_NONE)
    return HOLIDAY_NONE;
  nv_day_to_ymd (day, &y, &m, &d);
  if (m == 1 && d == 1)
    return HOLIDAY_NEW_YEAR;
  if (m == 5 && d == 1)
    return HOLIDAY_LABOUR_DAY;
  if (m == 5 && d == 17)
    return HOLIDAY_CONSTITUTION_DAY;
  if (m == 12 && d == 25)
    return HOLIDAY_CHRISTMAS;
  if (m == 12 && d == 26)
    return HOLIDAY_BOXING_DAY;
  if (m < 3 || m > 6)
    return HOLIDAY_NONE;
  easter = nv_easter_sunday (y);
  if (day == easter - 3)
    return HOLIDAY_MAUNDY_THURSDAY;
  if (day == easter - 2)
    return HOLIDAY_GOOD_FRIDAY;
  if (day == easter + 1)
    return HOLIDAY_EASTER_MONDAY;
  if (day == easter + 39)
    return HOLIDAY_ASCENSION;
  if (day == easter + 50)
    return HOLIDAY_WHIT_MONDAY;
  return HOLIDAY_NONE;
}

gboolean
nv_day_is_holiday (NvDay day)
{
  return holiday_of (day) != HOLIDAY_NONE;
}

const char *
nv_day_holiday_name (NvDay day)
{
  switch (holiday_of (day))
    {
    case HOLIDAY_NEW_YEAR: return _("New Year's Day");
    case HOLIDAY_MAUNDY_THURSDAY: return _("Maundy Thursday");
    case HOLIDAY_GOOD_FRIDAY: return _("Good Friday");
    case HOLIDAY_EASTER_MONDAY: return _("Easter Monday");
    case HOLIDAY_LABOUR_DAY: return _("Labour Day");
    case HOLIDAY_CONSTITUTION_DAY: return _("Constitution Day");
    case HOLIDAY_ASCENSION: return _("Ascension Day");
    case HOLIDAY_WHIT_MONDAY: return _("Whit Monday");
    case HOLIDAY_CHRISTMAS: return _("Christmas Day");
    case HOLIDAY_BOXING_DAY: return _("Boxing Day");
    case HOLIDAY_NONE:
    default: return NULL;
    }
}

/* Workday test without the table (builds the table). */
static gboolean
compute_is_workday (NvDay day)
{
  return nv_day_weekday (day) <= 5 && !nv_day_is_holiday (day);
}

/* cum[i] = workdays among the first i days from table_first. */
static guint32 *workday_cum;
static NvDay table_first, table_last;

static void
ensure_table (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      NvDay first = nv_day_from_ymd (NV_CALENDAR_FIRST_YEAR, 1, 1);
      NvDay last = nv_day_from_ymd (NV_CALENDAR_LAST_YEAR, 12, 31);
      guint n = last - first + 1;
      guint32 *cum = g_new (guint32, n + 1);
      int year = NV_CALENDAR_FIRST_YEAR;
      NvDay easter = nv_easter_sunday (year);
      NvDay next_year = nv_day_from_ymd (year + 1, 1, 1);

      /* A fast pass with the year's movable feasts precomputed. */
      cum[0] = 0;
      for (guint i = 0; i < n; i++)
        {
          NvDay day = first + i;
          gboolean work;

          if (day == next_year)
            {
              year++;
              easter = nv_easter_sunday (year);
              next_year = year < NV_CALENDAR_LAST_YEAR ? nv_day_from_ymd (year + 1, 1, 1) : 0;
            }
          work = nv_day_weekday (day) <= 5;
          if (work && (day == easter - 3 || day == easter - 2 || day == easter + 1 ||
                       day == easter + 39 || day == easter + 50))
            work = FALSE;
          if (work)
            {
              int y, m, d;
              nv_day_to_ymd (day, &y, &m, &d);
              if ((m == 1 && d == 1) || (m == 5 && (d == 1 || d == 17)) ||
                  (m == 12 && (d == 25 || d == 26)))
                work = FALSE;
            }
          cum[i + 1] = cum[i] + (work ? 1 : 0);
        }
      workday_cum = cum;
      table_first = first;
      table_last = last;
      g_once_init_leave (&done, 1);
    }
}

gboolean
nv_day_is_workday (NvDay day)
{
  if (day == NV_DAY_NONE)
    return FALSE;
  ensure_table ();
  if (day >= table_first && day <= table_last)
    return workday_cum[day - table_first + 1] != workday_cum[day - table_first];
  return compute_is_workday (day);
}

guint
nv_workdays_between (NvDay from, NvDay to)
{
  guint n = 0;

  if (from == NV_DAY_NONE || to == NV_DAY_NONE || to < from)
    return 0;
  ensure_table ();
  if (from >= table_first && to <= table_last)
    return workday_cum[to - table_first + 1] - workday_cum[from - table_first];
  for (NvDay d = from; d <= to; d++)
    n += compute_is_workday (d) ? 1 : 0;
  return n;
}

/* ---- Periods ------------------------------------------------------------ */

gboolean
nv_period_kind_parse (const char *text, NvPeriodKind *kind)
{
  if (g_strcmp0 (text, "month") == 0)
    *kind = NV_PERIOD_MONTH;
  else if (g_strcmp0 (text, "quarter") == 0)
    *kind = NV_PERIOD_QUARTER;
  else if (g_strcmp0 (text, "year") == 0)
    *kind = NV_PERIOD_YEAR;
  else
    return FALSE;
  return TRUE;
}

int
nv_day_quarter (NvDay day)
{
  return (nv_day_month (day) - 1) / 3 + 1;
}


NvDay
nv_period_start (NvPeriodKind kind, NvDay day)
{
  int y, m, d;

  nv_day_to_ymd (day, &y, &m, &d);
  switch (kind)
    {
    case NV_PERIOD_MONTH: return nv_day_from_ymd (y, m, 1);
    case NV_PERIOD_QUARTER: return nv_day_from_ymd (y, ((m - 1) / 3) * 3 + 1, 1);
    case NV_PERIOD_YEAR: return nv_day_from_ymd (y, 1, 1);
    case NV_PERIOD_RANGE:
    default: return day;
    }
}

NvDay
nv_period_end (NvPeriodKind kind, NvDay day)
{
  int y, m, d;

  nv_day_to_ymd (day, &y, &m, &d);
  switch (kind)
    {
    case NV_PERIOD_MONTH: return nv_day_from_ymd (y, m, days_in_month (y, m));
    case NV_PERIOD_QUARTER:
      {
        int last = ((m - 1) / 3) * 3 + 3;
        return nv_day_from_ymd (y, last, days_in_month (y, last));
      }
    case NV_PERIOD_YEAR: return nv_day_from_ymd (y, 12, 31);
    case NV_PERIOD_RANGE:
    default: return day;
    }
}

char *
nv_period_label (NvPeriodKind kind, NvDay day, NvDay end)
{
  int y, m, d;

  nv_day_to_ymd (day, &y, &m, &d);
  switch (kind)
    {
    case NV_PERIOD_MONTH: return g_strdup_printf ("%04d-%02d", y, m);
    case NV_PERIOD_QUARTER: return g_strdup_printf ("%04d-Q%d", y, (m - 1) / 3 + 1);
    case NV_PERIOD_YEAR: return g_strdup_printf ("%04d", y);
    case NV_PERIOD_RANGE:
    default:
      {
        char a[11], b[11];
        return g_strdup_printf ("%s–%s", nv_day_format_iso_buf (day, a),
                                nv_day_format_iso_buf (end, b));
      }
    }
}

gboolean
nv_month_parse (const char *text, int *year, int *month)
{
  int y, m;

  if (text == NULL || strlen (text) != 7 || text[4] != '-' || !read_digits (text, 4, &y) ||
      !read_digits (text + 5, 2, &m) || m < 1 || m > 12 || y < NV_CALENDAR_FIRST_YEAR ||
      y > NV_CALENDAR_LAST_YEAR)
    return FALSE;
  *year = y;
  *month = m;
  return TRUE;
}

gboolean
nv_period_parse (const char *text, NvPeriodKind *kind, NvDay *start, NvDay *end)
{
  int y, m;
  NvPeriodKind k;
  NvDay first;

  if (text == NULL)
    return FALSE;
  if (nv_month_parse (text, &y, &m))
    {
      k = NV_PERIOD_MONTH;
      first = nv_day_from_ymd (y, m, 1);
    }
  else if (strlen (text) == 7 && text[4] == '-' && (text[5] == 'Q' || text[5] == 'q') &&
           read_digits (text, 4, &y) && text[6] >= '1' && text[6] <= '4')
    {
      k = NV_PERIOD_QUARTER;
      first = nv_day_from_ymd (y, (text[6] - '1') * 3 + 1, 1);
    }
  else if (strlen (text) == 4 && read_digits (text, 4, &y))
    {
      k = NV_PERIOD_YEAR;
      first = nv_day_from_ymd (y, 1, 1);
    }
  else
    return FALSE;
  if (first == NV_DAY_NONE)
    return FALSE;
  if (kind)
    *kind = k;
  if (start)
    *start = first;
  if (end)
    *end = nv_period_end (k, first);
  return TRUE;
}
