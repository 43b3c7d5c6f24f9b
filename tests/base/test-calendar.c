/* The workday calendar, date parsing, periods and number formatting.
 * Every expected value is counted by hand from a wall calendar; the
 * counting is written next to it. */
#include "config.h"

#include <math.h>

#include "nv-calendar.h"
#include "nv-format.h"

#define D(y, m, d) nv_day_from_ymd (y, m, d)

static void
test_days_match_gdate (void)
{
  /* Our arithmetic must give GDate's julian numbers for every day we support. */
  NvDay first = D (1900, 1, 1), last = D (2199, 12, 31);
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, 1, 1900);
  g_assert_cmpuint (first, ==, g_date_get_julian (&date));
  for (NvDay day = first; day <= last; day += 1)
    {
      int y, m, d;
      nv_day_to_ymd (day, &y, &m, &d);
      g_date_set_julian (&date, day);
      g_assert_cmpint (y, ==, g_date_get_year (&date));
      g_assert_cmpint (m, ==, g_date_get_month (&date));
      g_assert_cmpint (d, ==, g_date_get_day (&date));
      g_assert_cmpint (nv_day_weekday (day), ==, g_date_get_weekday (&date));
      g_assert_cmpuint (nv_day_from_ymd (y, m, d), ==, day);
    }
  g_assert_cmpint (nv_day_weekday (D (2025, 1, 1)), ==, 3); /* a Wednesday */
}

static void
test_parse (void)
{
  g_assert_cmpuint (nv_day_parse_iso ("2025-03-14"), ==, D (2025, 3, 14));
  g_assert_cmpuint (nv_day_parse ("2025-03-14"), ==, D (2025, 3, 14));
  g_assert_cmpuint (nv_day_parse ("14.03.2025"), ==, D (2025, 3, 14));
  g_assert_cmpuint (nv_day_parse ("4.3.2025"), ==, D (2025, 3, 4));
  g_assert_cmpuint (nv_day_parse (" 2025-03-14\r"), ==, D (2025, 3, 14));
  g_assert_cmpuint (nv_day_parse ("29.02.2024"), ==, D (2024, 2, 29)); /* leap year */

  /* Dates that do not exist. */
  g_assert_cmpuint (nv_day_parse ("2025-02-30"), ==, NV_DAY_NONE);
  g_assert_cmpuint (nv_day_parse ("30.02.2025"), ==, NV_DAY_NONE);
  g_assert_cmpuint (nv_day_parse ("29.02.2025"), ==, NV_DAY_NONE);
  g_assert_cmpuint (nv_day_parse ("2025-13-01"), ==, NV_DAY_NONE);
  g_assert_cmpuint (nv_day_parse ("2025-04-31"), ==, NV_DAY_NONE);
  g_assert_cmpuint (nv_day_parse ("00.01.2025"), ==, NV_DAY_NONE);
  g_assert_cmpuint (nv_day_parse ("1900-02-29"), ==, NV_DAY_NONE); /* not a leap year */
  /* US and other forms are refused rather than guessed. */
  g_assert_cmpuint (nv_day_parse ("02/28/2025"), ==, NV_DAY_NONE);
  g_assert_cmpuint (nv_day_parse ("2025/02/28"), ==, NV_DAY_NONE);
  g_assert_cmpuint (nv_day_parse ("28.02.25"), ==, NV_DAY_NONE);
  g_assert_cmpuint (nv_day_parse ("2025-2-28"), ==, NV_DAY_NONE);
  g_assert_cmpuint (nv_day_parse ("2025-02-28T00:00"), ==, NV_DAY_NONE);
  g_assert_cmpuint (nv_day_parse ("+025-02-28"), ==, NV_DAY_NONE);
  g_assert_cmpuint (nv_day_parse (""), ==, NV_DAY_NONE);
  g_assert_cmpuint (nv_day_parse ("28..2025"), ==, NV_DAY_NONE);
  g_assert_cmpuint (nv_day_parse ("1.1.1899"), ==, NV_DAY_NONE); /* outside 1900–2199 */
  g_assert_cmpuint (nv_day_parse_iso (" 2025-03-14"), ==, NV_DAY_NONE);

  {
    g_autofree char *iso = nv_day_format_iso (D (2025, 3, 4));
    g_autofree char *local = nv_day_format_local (D (2025, 3, 4));
    g_assert_cmpstr (iso, ==, "2025-03-04");
    g_assert_cmpstr (local, ==, "04.03.2025");
  }
}

static void
test_easter (void)
{
  /* Easter Sundays from the church calendar. */
  g_assert_cmpuint (nv_easter_sunday (2024), ==, D (2024, 3, 31));
  g_assert_cmpuint (nv_easter_sunday (2025), ==, D (2025, 4, 20));
  g_assert_cmpuint (nv_easter_sunday (2026), ==, D (2026, 4, 5));
  g_assert_cmpuint (nv_easter_sunday (2019), ==, D (2019, 4, 21));
  g_assert_cmpuint (nv_easter_sunday (2038), ==, D (2038, 4, 25)); /* latest possible */
  g_assert_cmpuint (nv_easter_sunday (2285 - 300), ==, D (1985, 4, 7));
  g_assert_cmpuint (nv_easter_sunday (2008), ==, D (2008, 3, 23));
}

static void
test_holidays (void)
{
  /* 2025: Easter 20 April. Maundy Thursday 17.4, Good Friday 18.4, Easter
   * Monday 21.4, Ascension 20.4 + 39 = 29.5 (Thursday), Whit Monday
   * 20.4 + 50 = 9.6. */
  g_assert_true (nv_day_is_holiday (D (2025, 4, 17)));
  g_assert_true (nv_day_is_holiday (D (2025, 4, 18)));
  g_assert_true (nv_day_is_holiday (D (2025, 4, 21)));
  g_assert_true (nv_day_is_holiday (D (2025, 5, 29)));
  g_assert_cmpint (nv_day_weekday (D (2025, 5, 29)), ==, 4);
  g_assert_true (nv_day_is_holiday (D (2025, 6, 9)));
  g_assert_cmpint (nv_day_weekday (D (2025, 6, 9)), ==, 1);
  g_assert_false (nv_day_is_holiday (D (2025, 4, 16)));
  g_assert_false (nv_day_is_holiday (D (2025, 4, 22)));
  g_assert_false (nv_day_is_workday (D (2025, 4, 18)));
  g_assert_true (nv_day_is_workday (D (2025, 4, 22)));

  /* 2024: Easter 31 March → Ascension 9 May, Whit Monday 20 May. */
  g_assert_true (nv_day_is_holiday (D (2024, 3, 28)));
  g_assert_true (nv_day_is_holiday (D (2024, 3, 29)));
  g_assert_true (nv_day_is_holiday (D (2024, 4, 1)));
  g_assert_true (nv_day_is_holiday (D (2024, 5, 9)));
  g_assert_true (nv_day_is_holiday (D (2024, 5, 20)));

  /* 2026: Easter 5 April → Ascension 14 May, Whit Monday 25 May. */
  g_assert_true (nv_day_is_holiday (D (2026, 4, 2)));
  g_assert_true (nv_day_is_holiday (D (2026, 4, 3)));
  g_assert_true (nv_day_is_holiday (D (2026, 4, 6)));
  g_assert_true (nv_day_is_holiday (D (2026, 5, 14)));
  g_assert_true (nv_day_is_holiday (D (2026, 5, 25)));
  g_assert_false (nv_day_is_holiday (D (2026, 5, 15)));

  /* Fixed days; Christmas Eve and New Year's Eve are not public holidays. */
  g_assert_true (nv_day_is_holiday (D (2024, 12, 25)));
  g_assert_true (nv_day_is_holiday (D (2024, 12, 26)));
  g_assert_false (nv_day_is_holiday (D (2024, 12, 24)));
  g_assert_false (nv_day_is_holiday (D (2024, 12, 31)));
  g_assert_true (nv_day_is_workday (D (2024, 12, 24))); /* Tuesday */
  g_assert_true (nv_day_is_holiday (D (2025, 1, 1)));
  g_assert_true (nv_day_is_holiday (D (2025, 5, 1)));

  /* 17 May on a weekday costs a workday, on a weekend it costs nothing:
   * May 2024 (17th a Friday): 23 weekdays (1 May is a Wednesday; weekends
   * 4/5, 11/12, 18/19, 25/26) minus 1.5, 9.5, 17.5, 20.5 = 19.
   * May 2025 (17th a Saturday): 22 weekdays (1 May a Thursday; weekends
   * 3/4, 10/11, 17/18, 24/25, 31) minus 1.5, 29.5 = 20. */
  g_assert_cmpint (nv_day_weekday (D (2024, 5, 17)), ==, 5);
  g_assert_cmpint (nv_day_weekday (D (2025, 5, 17)), ==, 6);
  g_assert_cmpuint (nv_workdays_between (D (2024, 5, 1), D (2024, 5, 31)), ==, 19);
  g_assert_cmpuint (nv_workdays_between (D (2025, 5, 1), D (2025, 5, 31)), ==, 20);
  g_assert_cmpstr (nv_day_holiday_name (D (2025, 5, 17)), ==, "Constitution Day");
  g_assert_null (nv_day_holiday_name (D (2025, 5, 18)));
}

static void
test_workdays (void)
{
  /* January 2025: 31 days, 8 weekend days (4/5, 11/12, 18/19, 25/26) → 23
   * weekdays, minus 1 January → 22. */
  g_assert_cmpuint (nv_workdays_between (D (2025, 1, 1), D (2025, 1, 31)), ==, 22);
  /* February 2025 starts on a Saturday: exactly four weeks → 20. */
  g_assert_cmpuint (nv_workdays_between (D (2025, 2, 1), D (2025, 2, 28)), ==, 20);
  /* March 2025: four weeks from Sat 1 plus Sat 29, Sun 30, Mon 31 → 21. */
  g_assert_cmpuint (nv_workdays_between (D (2025, 3, 1), D (2025, 3, 31)), ==, 21);
  /* April 2025: 22 weekdays minus 17, 18, 21 April → 19. */
  g_assert_cmpuint (nv_workdays_between (D (2025, 4, 1), D (2025, 4, 30)), ==, 19);
  /* 2025: 52 weeks + Wednesday 31.12 = 261 weekdays, minus the nine holidays
   * on weekdays (17 May is a Saturday) → 252. */
  g_assert_cmpuint (nv_workdays_between (D (2025, 1, 1), D (2025, 12, 31)), ==, 252);
  /* 2024 (leap, starts Monday): 52 weeks + Mon 30 and Tue 31 Dec = 262,
   * minus all ten holidays (all on weekdays) → 252. */
  g_assert_cmpuint (nv_workdays_between (D (2024, 1, 1), D (2024, 12, 31)), ==, 252);
  /* A spell from Saturday 11 to Monday 20 January 2025: 13–17 and 20 → 6. */
  g_assert_cmpuint (nv_workdays_between (D (2025, 1, 11), D (2025, 1, 20)), ==, 6);
  /* Christmas week 2024: Mon 23 – Sun 29 Dec: 23, 24, 27 → 3. */
  g_assert_cmpuint (nv_workdays_between (D (2024, 12, 23), D (2024, 12, 29)), ==, 3);
  g_assert_cmpuint (nv_workdays_between (D (2025, 1, 5), D (2025, 1, 4)), ==, 0);
  g_assert_cmpuint (nv_workdays_between (D (2025, 1, 4), D (2025, 1, 4)), ==, 0);
  g_assert_cmpuint (nv_workdays_between (D (2025, 1, 6), D (2025, 1, 6)), ==, 1);

  /* The table agrees with the day-by-day test everywhere. */
  for (NvDay d = D (2020, 1, 1); d <= D (2030, 12, 31); d++)
    g_assert_cmpint (nv_day_is_workday (d), ==,
                     nv_day_weekday (d) <= 5 && !nv_day_is_holiday (d));
}

static void
test_periods (void)
{
  NvPeriodKind kind;
  NvDay start, end;
  NvDay day = D (2025, 5, 14);

  g_assert_cmpuint (nv_period_start (NV_PERIOD_MONTH, day), ==, D (2025, 5, 1));
  g_assert_cmpuint (nv_period_end (NV_PERIOD_MONTH, day), ==, D (2025, 5, 31));
  g_assert_cmpuint (nv_period_start (NV_PERIOD_QUARTER, day), ==, D (2025, 4, 1));
  g_assert_cmpuint (nv_period_end (NV_PERIOD_QUARTER, day), ==, D (2025, 6, 30));
  g_assert_cmpuint (nv_period_end (NV_PERIOD_MONTH, D (2024, 2, 3)), ==, D (2024, 2, 29));
  g_assert_cmpuint (nv_period_start (NV_PERIOD_YEAR, day), ==, D (2025, 1, 1));
  g_assert_cmpuint (nv_period_end (NV_PERIOD_YEAR, day), ==, D (2025, 12, 31));
  g_assert_cmpint (nv_day_quarter (D (2025, 12, 31)), ==, 4);

  {
    g_autofree char *m = nv_period_label (NV_PERIOD_MONTH, D (2025, 3, 9), 0);
    g_autofree char *q = nv_period_label (NV_PERIOD_QUARTER, D (2025, 3, 9), 0);
    g_autofree char *y = nv_period_label (NV_PERIOD_YEAR, D (2025, 3, 9), 0);
    g_autofree char *r = nv_period_label (NV_PERIOD_RANGE, D (2025, 1, 15), D (2025, 3, 31));
    g_assert_cmpstr (m, ==, "2025-03");
    g_assert_cmpstr (q, ==, "2025-Q1");
    g_assert_cmpstr (y, ==, "2025");
    g_assert_cmpstr (r, ==, "2025-01-15–2025-03-31");
  }

  g_assert_true (nv_period_parse ("2025-Q3", &kind, &start, &end));
  g_assert_cmpint (kind, ==, NV_PERIOD_QUARTER);
  g_assert_cmpuint (start, ==, D (2025, 7, 1));
  g_assert_cmpuint (end, ==, D (2025, 9, 30));
  g_assert_true (nv_period_parse ("2024-02", &kind, &start, &end));
  g_assert_cmpint (kind, ==, NV_PERIOD_MONTH);
  g_assert_cmpuint (end, ==, D (2024, 2, 29));
  g_assert_true (nv_period_parse ("2025", &kind, &start, &end));
  g_assert_cmpint (kind, ==, NV_PERIOD_YEAR);
  g_assert_false (nv_period_parse ("2025-Q5", &kind, &start, &end));
  g_assert_false (nv_period_parse ("2025-13", &kind, &start, &end));
  g_assert_false (nv_period_parse ("25-01", &kind, &start, &end));
  g_assert_true (nv_period_kind_parse ("quarter", &kind));
  g_assert_false (nv_period_kind_parse ("week", &kind));
}

static void
check_format (char *got, const char *expected)
{
  g_assert_cmpstr (got, ==, expected);
  g_free (got);
}

static void
test_format (void)
{
  /* 149 / 20 = 7.45 exactly in decimal; a double holds 7.4499999…, and a
   * person rounding half up writes 7,5. */
  check_format (nv_format_percent (149. / 20.), "7,5");
  check_format (nv_format_percent (7.45), "7,5");
  check_format (nv_format_percent (7.4499), "7,4");
  check_format (nv_format_percent (7.35), "7,4");
  check_format (nv_format_percent (0.05), "0,1");
  check_format (nv_format_percent (0.04999), "0,0");
  check_format (nv_format_percent (100), "100,0");
  check_format (nv_format_percent (0), "0,0");
  check_format (nv_format_percent (-0.01), "0,0");
  check_format (nv_format_percent (NAN), "–");
  check_format (nv_format_percent (1100. / 143.), "7,7"); /* 7.692… */
  check_format (nv_format_percent_sign (7.44), "7,4\u00a0%");
  check_format (nv_format_decimal (12.345, 2), "12,35");
  check_format (nv_format_decimal (2.5, 0), "3");
  check_format (nv_format_number (150, 2), "150");
  check_format (nv_format_number (12.5, 2), "12,5");
  check_format (nv_format_number (33.333, 2), "33,33");
  check_format (nv_format_grouped (1234567.4), "1\u00a0234\u00a0567");
  check_format (nv_format_grouped (999), "999");
  check_format (nv_format_grouped (4700), "4\u00a0700");
  check_format (nv_format_nok (47000), "47\u00a0000\u00a0kr");
  g_assert_cmpfloat (nv_round_half_up (2.675, 2), ==, 2.68);
}

/* One formatter, an explicit minus: U+2212 on screen and in documents, ASCII
 * in CSV and CLI output that programs read back (nv-format.h). */
static void
test_format_minus (void)
{
  check_format (nv_format_fixed (-1.25, 1, NV_FORMAT_SCREEN), "\u22121,3");
  check_format (nv_format_fixed (-1.25, 1, NV_FORMAT_ASCII_MINUS), "-1,3");
  check_format (nv_format_fixed (-0.04, 1, NV_FORMAT_SCREEN), "0,0"); /* never «−0,0» */
  check_format (nv_format_fixed (-0.04, 1, NV_FORMAT_ASCII_MINUS), "0,0");
  check_format (nv_format_fixed (-1234.5, 1, NV_FORMAT_GROUP), "\u22121\u00a0234,5");
  check_format (nv_format_fixed (12.50, 2, NV_FORMAT_TRIM), "12,5");
  check_format (nv_format_fixed (0.44, 1, NV_FORMAT_PLUS), "+0,4");
  check_format (nv_format_fixed (0.04, 1, NV_FORMAT_PLUS), "0,0");
  check_format (nv_format_fixed (NAN, 1, NV_FORMAT_SCREEN), "\u2013");
  /* The named members choose for their use. */
  check_format (nv_format_decimal (-2.45, 1), "-2,5");    /* CSV */
  check_format (nv_format_decimal (NAN, 1), "");          /* CSV: empty cell */
  check_format (nv_format_points (-2.45, 1), "\u22122,5"); /* screen */
  check_format (nv_format_percent (-0.35), "\u22120,4");
  check_format (nv_format_value (-4700, 0), "\u22124\u00a0700");
  check_format (nv_format_grouped (-4700), "\u22124\u00a0700");
  check_format (nv_format_exact (-0.5), "-0,5");
}

static void
test_parse_garbage (void)
{
  /* Random short strings over the characters dates are made of (and a few
   * others): never a crash, and whatever parses is a real day that formats
   * back to the same date. */
  static const char alphabet[] = "0123456789-.:/ T+\xc3\xa5";
  GRand *rand = g_rand_new_with_seed (1234);

  for (guint i = 0; i < 200000; i++)
    {
      char text[16];
      guint len = (guint) g_rand_int_range (rand, 0, 13);
      NvDay day;

      for (guint k = 0; k < len; k++)
        text[k] = alphabet[g_rand_int_range (rand, 0, sizeof alphabet - 1)];
      text[len] = '\0';
      day = nv_day_parse (text);
      if (day != NV_DAY_NONE)
        {
          int y, m, d;
          char iso[11];
          nv_day_to_ymd (day, &y, &m, &d);
          g_assert_cmpint (y, >=, NV_CALENDAR_FIRST_YEAR);
          g_assert_cmpint (y, <=, NV_CALENDAR_LAST_YEAR);
          g_assert_cmpuint (nv_day_parse_iso (nv_day_format_iso_buf (day, iso)), ==, day);
        }
    }
  g_rand_free (rand);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/calendar/days-match-gdate", test_days_match_gdate);
  g_test_add_func ("/calendar/parse", test_parse);
  g_test_add_func ("/calendar/parse-garbage", test_parse_garbage);
  g_test_add_func ("/calendar/easter", test_easter);
  g_test_add_func ("/calendar/holidays", test_holidays);
  g_test_add_func ("/calendar/workdays", test_workdays);
  g_test_add_func ("/calendar/periods", test_periods);
  g_test_add_func ("/format/numbers", test_format);
  g_test_add_func ("/format/minus", test_format_minus);
  return g_test_run ();
}
