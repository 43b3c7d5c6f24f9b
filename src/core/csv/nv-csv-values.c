/* nv-csv-values.c — reading and writing the values inside CSV fields.
 *
 * Numbers: a Norwegian spreadsheet writes «12,5», an English one «12.5»; both
 * are read. Thousands separators are only accepted where they cannot be
 * mistaken for a decimal mark (spaces between groups of three digits:
 * «1 234,5»). «1.234,5», «1,234.5» and «1.234.567» are refused with a message
 * that says how to write the number instead of being guessed at.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-csv"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "nv-csv.h"
#include "nv-format.h"

#define MAX_NUMBER 64

static gboolean
value_error (GError **error, const char *format, ...) G_GNUC_PRINTF (2, 3);

static gboolean
value_error (GError **error, const char *format, ...)
{
  va_list args;
  char *message;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error_literal (error, NV_CSV_ERROR, NV_CSV_ERROR_VALUE, message);
  g_free (message);
  return FALSE;
}

/* Length of a space that may separate digit groups at @p: ' ', U+00A0 (what
 * Excel puts between thousands in Norwegian) or U+202F; 0 if none. */
static int
group_space (const char *p)
{
  if (p[0] == ' ')
    return 1;
  if ((guchar) p[0] == 0xC2 && (guchar) p[1] == 0xA0)
    return 2;
  if ((guchar) p[0] == 0xE2 && (guchar) p[1] == 0x80 && (guchar) p[2] == 0xAF)
    return 3;
  return 0;
}

/* Copies @text without surrounding spaces (also no-break spaces) into @buf;
 * FALSE when it does not fit. No allocation: imports call this per field. */
static gboolean
strip_into (const char *text, char *buf, gsize size)
{
  const char *start = text != NULL ? text : "";
  const char *end;
  int n;

  while (*start == '\t' || (n = group_space (start)) > 0)
    start += *start == '\t' ? 1 : n;
  end = start + strlen (start);
  for (;;)
    {
      if (end > start && (end[-1] == ' ' || end[-1] == '\t'))
        end--;
      else if (end - start >= 2 && (guchar) end[-2] == 0xC2 && (guchar) end[-1] == 0xA0)
        end -= 2;
      else if (end - start >= 3 && (guchar) end[-3] == 0xE2 && (guchar) end[-2] == 0x80 &&
               (guchar) end[-1] == 0xAF)
        end -= 3;
      else
        break;
    }
  if ((gsize) (end - start) >= size)
    {
      /* Keep a prefix for the message. */
      gsize keep = MIN (size - 1, 20);
      while (keep > 0 && ((guchar) start[keep] & 0xC0) == 0x80)
        keep--;
      memcpy (buf, start, keep);
      buf[keep] = '\0';
      return FALSE;
    }
  memcpy (buf, start, (gsize) (end - start));
  buf[end - start] = '\0';
  return TRUE;
}

gboolean
nv_csv_parse_number (const char *text, double *value, GError **error)
{
  char s[MAX_NUMBER + 1];
  char ascii[MAX_NUMBER + 2];
  gsize n = 0;
  const char *p = s;
  guint n_points = 0, n_commas = 0;
  guint group_digits = 0; /* digits since the last group space */
  gboolean grouped = FALSE, seen_mark = FALSE, any_digit = FALSE;
  char *end = NULL;

  if (!strip_into (text, s, sizeof s))
    return value_error (error, _("“%.20s…” is not a number"), s);
  if (*s == '\0')
    return value_error (error, "%s", _("a number is missing"));

  for (const char *q = s; *q != '\0'; q++)
    {
      n_points += *q == '.';
      n_commas += *q == ',';
    }
  if (n_points > 0 && n_commas > 0)
    return value_error (error,
                        _("“%s” has both a point and a comma; write it without a thousands "
                          "separator, e.g. 1234,5"),
                        s);
  if (n_points > 1 || n_commas > 1)
    return value_error (error,
                        _("“%s” has more than one “%c”; write it without a thousands separator, "
                          "e.g. 1234567"),
                        s, n_points > 1 ? '.' : ',');

  if (*p == '-' || *p == '+')
    ascii[n++] = *p++;
  for (; *p != '\0'; p++)
    {
      int space = group_space (p);

      if (g_ascii_isdigit (*p))
        {
          ascii[n++] = *p;
          any_digit = TRUE;
          group_digits++;
        }
      else if (space > 0 && !seen_mark && any_digit &&
               (grouped ? group_digits == 3 : group_digits <= 3))
        {
          grouped = TRUE;
          group_digits = 0;
          p += space - 1;
        }
      else if ((*p == '.' || *p == ',') && !seen_mark)
        {
          if (grouped && group_digits != 3)
            break;
          seen_mark = TRUE;
          grouped = FALSE;
          ascii[n++] = '.';
        }
      else
        break;
    }
  if (*p != '\0' || !any_digit || (grouped && group_digits != 3) ||
      (n > 0 && ascii[n - 1] == '.'))
    return value_error (error, _("“%s” is not a number"), s);
  ascii[n] = '\0';
  *value = g_ascii_strtod (ascii, &end);
  if (end == NULL || *end != '\0' || !isfinite (*value))
    return value_error (error, _("“%s” is not a number"), s);
  if (*value == 0)
    *value = 0; /* no negative zero */
  return TRUE;
}

gboolean
nv_csv_parse_percent (const char *text, double *value, GError **error)
{
  char s[MAX_NUMBER + 1];
  gsize len;

  /* The common case, a whole number of one to three digits, at once. */
  if (text != NULL && g_ascii_isdigit (text[0]) &&
      (text[1] == '\0' || (g_ascii_isdigit (text[1]) &&
                           (text[2] == '\0' || (g_ascii_isdigit (text[2]) && text[3] == '\0')))))
    {
      *value = (double) atoi (text);
      return TRUE;
    }
  if (!strip_into (text, s, sizeof s))
    return value_error (error, _("“%.20s…” is not a number"), s);
  len = strlen (s);
  if (len > 0 && s[len - 1] == '%')
    s[len - 1] = '\0';
  return nv_csv_parse_number (s, value, error);
}

gboolean
nv_csv_parse_int (const char *text, gint64 *value, GError **error)
{
  double d;

  if (!nv_csv_parse_number (text, &d, error))
    return FALSE;
  if (d != floor (d) || fabs (d) > 1e15)
    {
      char s[MAX_NUMBER + 1];
      strip_into (text, s, sizeof s);
      return value_error (error, _("“%s” is not a whole number"), s);
    }
  *value = (gint64) d;
  return TRUE;
}

static gboolean
all_digits (const char *p, gsize len)
{
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isdigit (p[i]))
      return FALSE;
  return len > 0;
}

/* Is @s written exactly as YYYY-MM-DD or D.M.YYYY / DD.MM.YYYY (so a failure
 * means the date does not exist rather than a wrong form)? «2025-3-3» is not:
 * the ISO form takes two digits for month and day, and reading it anyway
 * would accept what the file's other dates may not mean. */
static gboolean
has_date_form (const char *s)
{
  g_auto (GStrv) iso = g_strsplit (s, "-", -1);
  g_auto (GStrv) nor = g_strsplit (s, ".", -1);

  if (g_strv_length (iso) == 3 && strlen (iso[0]) == 4 && all_digits (iso[0], 4) &&
      strlen (iso[1]) == 2 && all_digits (iso[1], 2) && strlen (iso[2]) == 2 &&
      all_digits (iso[2], 2))
    return TRUE;
  if (g_strv_length (nor) == 3 && strlen (nor[2]) == 4 && all_digits (nor[2], 4) &&
      all_digits (nor[0], strlen (nor[0])) && all_digits (nor[1], strlen (nor[1])) &&
      strlen (nor[0]) <= 2 && strlen (nor[1]) <= 2)
    return TRUE;
  return FALSE;
}

gboolean
nv_csv_parse_date (const char *text, NvDay *day, GError **error)
{
  char s[33];

  /* The common case, YYYY-MM-DD with nothing around it, without a copy. */
  if (text != NULL && strnlen (text, 11) == 10 && g_ascii_isdigit (text[0]) &&
      g_ascii_isdigit (text[9]))
    {
      *day = nv_day_parse_iso (text);
      if (*day != NV_DAY_NONE)
        return TRUE;
    }

  if (!strip_into (text, s, sizeof s))
    return value_error (error, _("“%.20s…” is not a date (use YYYY-MM-DD or DD.MM.YYYY)"), s);
  if (*s == '\0')
    return value_error (error, "%s", _("a date is missing"));
  /* The common case without the copy nv_day_parse() makes. */
  *day = strlen (s) == 10 && s[4] == '-' ? nv_day_parse_iso (s) : nv_day_parse (s);
  if (*day != NV_DAY_NONE)
    return TRUE;
  if (strchr (s, '/') != NULL)
    return value_error (error,
                        _("“%s” is not a date this program reads: dates with “/” are ambiguous "
                          "(day or month first?); use YYYY-MM-DD or DD.MM.YYYY"),
                        s);
  if (has_date_form (s))
    {
      int year = (int) g_ascii_strtoll (strchr (s, '-') ? s : strrchr (s, '.') + 1, NULL, 10);
      if (year < NV_CALENDAR_FIRST_YEAR || year > NV_CALENDAR_LAST_YEAR)
        return value_error (error, _("%s is outside the years %d–%d"), s,
                            NV_CALENDAR_FIRST_YEAR, NV_CALENDAR_LAST_YEAR);
      return value_error (error, _("%s is not a date that exists"), s);
    }
  if (strchr (s, '-') != NULL && g_ascii_isdigit (s[0]))
    return value_error (error,
                        _("“%s” is not written as YYYY-MM-DD (four digits for the year, two "
                          "for month and day: 2025-03-03) or DD.MM.YYYY"),
                        s);
  return value_error (error, _("“%s” is not a date (use YYYY-MM-DD or DD.MM.YYYY)"), s);
}

/* The CSV writer's numbers are the ones messages quote: see nv_format_exact. */
char *
nv_csv_format_number (double value)
{
  return nv_format_exact (value);
}
