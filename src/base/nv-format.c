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
#define MINUS_SIGN "\u2212"
#define EN_DASH "\u2013"

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

char *
nv_format_fixed (double value, int decimals, NvFormatFlags flags)
{
  char format[8];
  char digits[G_ASCII_DTOSTR_BUF_SIZE + 320];
  GString *out;
  const char *point;
  size_t int_len;
  double r;

  if (isnan (value))
    return g_strdup (EN_DASH);
  decimals = CLAMP (decimals, 0, 6);
  r = nv_round_half_up (value, decimals);
  g_snprintf (format, sizeof format, "%%.%df", decimals);
  g_ascii_formatd (digits, sizeof digits, format, fabs (r));

  out = g_string_new (NULL);
  if (r < 0 && strspn (digits, "0.") != strlen (digits)) /* never «−0,0» */
    g_string_append (out, (flags & NV_FORMAT_ASCII_MINUS) ? "-" : MINUS_SIGN);
  else if ((flags & NV_FORMAT_PLUS) && r > 0)
    g_string_append_c (out, '+');

  point = strchr (digits, '.');
  int_len = point != NULL ? (size_t)(point - digits) : strlen (digits);
  for (size_t i = 0; i < int_len; i++)
    {
      if ((flags & NV_FORMAT_GROUP) && i > 0 && (int_len - i) % 3 == 0)
        g_string_append (out, NBSP);
      g_string_append_c (out, digits[i]);
    }
  if (point != NULL)
    {
      g_string_append_c (out, ',');
      g_string_append (out, point + 1);
      if (flags & NV_FORMAT_TRIM)
        {
          while (out->str[out->len - 1] == '0')
            g_string_truncate (out, out->len - 1);
          if (out->str[out->len - 1] == ',')
            g_string_truncate (out, out->len - 1);
        }
    }
  return g_string_free (out, FALSE);
}

char *
nv_format_percent (double percent)
{
  return nv_format_fixed (percent, 1, NV_FORMAT_SCREEN);
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
  return nv_format_fixed (value, decimals, NV_FORMAT_ASCII_MINUS);
}

char *
nv_format_number (double value, int max_decimals)
{
  return nv_format_fixed (value, max_decimals, NV_FORMAT_TRIM);
}

char *
nv_format_value (double value, int decimals)
{
  return nv_format_fixed (value, decimals, NV_FORMAT_GROUP);
}

char *
nv_format_value_percent (double value, int decimals)
{
  g_autofree char *number = nv_format_value (value, decimals);

  if (isnan (value))
    return g_steal_pointer (&number);
  return g_strconcat (number, NBSP "%", NULL);
}

char *
nv_format_points (double value, int decimals)
{
  return nv_format_fixed (value, decimals, NV_FORMAT_GROUP | NV_FORMAT_PLUS);
}

char *
nv_format_grouped (double value)
{
  if (isnan (value))
    return g_strdup ("");
  return nv_format_fixed (value, 0, NV_FORMAT_GROUP);
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
      int exponent = (int)floor (log10 (fabs (value)));
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
