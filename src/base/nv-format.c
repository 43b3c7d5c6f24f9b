/* nv-format.c — number formatting shared by UI, charts, reports and CLI.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-format"

#include "config.h"

#include <glib.h>
#include <math.h>
#include <string.h>

#include "nv-format.h"

#define NBSP "\u00a0"

double
nv_round_half_up (double value, int decimals)
{
  double scale = pow (10., decimals);
  double scaled = fabs (value) * scale;
  /* The figures are quotients like 149 / 20 = 7.45 that a double stores as
   * 7.4499999…; nudge by a relative epsilon far below any real difference so
   * the decimal value rounds the way a person computing by hand rounds it. */
  double rounded = floor (scaled + 0.5 + scaled * 1e-12 + 1e-9);

  rounded /= scale;
  return value < 0 ? -rounded : rounded;
}

/* Writes @value rounded to @decimals with a decimal comma into a new string. */
static char *
format_fixed (double value, int decimals)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE + 8];
  double r = nv_round_half_up (value, decimals);
  char *comma;

  if (r == 0)
    r = 0; /* no "-0,0" */
  g_ascii_formatd (buf, sizeof buf, decimals == 0 ? "%.0f" : decimals == 1 ? "%.1f"
                                    : decimals == 2                     ? "%.2f"
                                                                        : "%.3f",
                   r);
  comma = strchr (buf, '.');
  if (comma != NULL)
    *comma = ',';
  return g_strdup (buf);
}

char *
nv_format_percent (double percent)
{
  if (isnan (percent))
    return g_strdup ("–");
  return format_fixed (percent, 1);
}

char *
nv_format_percent_sign (double percent)
{
  g_autofree char *number = nv_format_percent (percent);

  if (isnan (percent))
    return g_steal_pointer (&number);
  return g_strconcat (number, NBSP "%", NULL);
}

char *
nv_format_decimal (double value, int decimals)
{
  if (isnan (value))
    return g_strdup ("");
  return format_fixed (value, CLAMP (decimals, 0, 3));
}

char *
nv_format_number (double value, int max_decimals)
{
  char *text;
  size_t len;

  if (isnan (value))
    return g_strdup ("–");
  text = format_fixed (value, CLAMP (max_decimals, 0, 3));
  if (strchr (text, ',') == NULL)
    return text;
  len = strlen (text);
  while (len > 0 && text[len - 1] == '0')
    text[--len] = '\0';
  if (len > 0 && text[len - 1] == ',')
    text[--len] = '\0';
  return text;
}

char *
nv_format_grouped (double value)
{
  g_autofree char *digits = NULL;
  GString *out = g_string_new (NULL);
  double r = nv_round_half_up (value, 0);
  const char *p;
  size_t n;

  if (isnan (value))
    return g_string_free (out, FALSE);
  if (r < 0)
    {
      g_string_append (out, "−");
      r = -r;
    }
  digits = g_strdup_printf ("%.0f", r);
  n = strlen (digits);
  for (p = digits; *p != '\0'; p++)
    {
      g_string_append_c (out, *p);
      n--;
      if (n > 0 && n % 3 == 0)
        g_string_append (out, NBSP);
    }
  return g_string_free (out, FALSE);
}

char *
nv_format_nok (double value)
{
  g_autofree char *number = nv_format_grouped (value);
  return g_strconcat (number, NBSP "kr", NULL);
}

char *
nv_format_exact (double value)
{
  char format[16];
  char buf[400];
  int precision;

  if (!isfinite (value))
    return g_strdup ("");
  if (value == 0)
    return g_strdup ("0");

  for (precision = 1; precision <= 17; precision++)
    {
      g_snprintf (format, sizeof format, "%%.%dg", precision);
      g_ascii_formatd (buf, sizeof buf, format, value);
      if (g_ascii_strtod (buf, NULL) == value)
        break;
    }

  if (strchr (buf, 'e') != NULL)
    {
      int exponent = (int) floor (log10 (fabs (value)));
      int decimals = MAX (0, precision - 1 - exponent);

      for (;; decimals++)
        {
          g_snprintf (format, sizeof format, "%%.%df", MIN (decimals, 340));
          g_ascii_formatd (buf, sizeof buf, format, value);
          if (g_ascii_strtod (buf, NULL) == value || decimals >= 340)
            break;
        }
      if (strchr (buf, '.') != NULL)
        {
          gsize len = strlen (buf);
          while (len > 0 && buf[len - 1] == '0')
            buf[--len] = '\0';
          if (len > 0 && buf[len - 1] == '.')
            buf[--len] = '\0';
        }
    }

  for (char *p = buf; *p != '\0'; p++)
    if (*p == '.')
      *p = ',';
  return g_strdup (buf);
}
