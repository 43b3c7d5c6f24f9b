/* nv-chart-format.c — numbers the Norwegian way.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-charts"

#include "config.h"

#include <math.h>
#include <string.h>

#include "nv-chart-format.h"

#define MINUS_SIGN "\xe2\x88\x92" /* U+2212 */
#define EN_DASH "\xe2\x80\x93"    /* U+2013 */
#define NBSP "\xc2\xa0"             /* U+00A0, as core's nv-format.h */

double
nv_chart_round (double value, int decimals)
{
  double scale;
  double scaled;

  if (!isfinite (value))
    return value;
  scale = pow (10.0, CLAMP (decimals, 0, 6));
  scaled = fabs (value) * scale;
  /* A relative nudge lifts 74.49999999999999 (from 7.45) to the half it means. */
  scaled = floor (scaled + 0.5 + scaled * 1e-12 + 1e-9);
  return copysign (scaled / scale, value);
}

char *
nv_chart_format_number (double value, int decimals)
{
  g_autofree char *digits = NULL;
  GString *out;
  const char *point;
  size_t int_len;
  double rounded;

  if (isnan (value))
    return g_strdup (EN_DASH);
  decimals = CLAMP (decimals, 0, 6);
  rounded = nv_chart_round (value, decimals);
  /* %f of an already rounded magnitude is exact enough at these sizes. */
  digits = g_strdup_printf ("%.*f", decimals, fabs (rounded));
  out = g_string_new (NULL);
  if (rounded < 0 && strspn (digits, "0.") != strlen (digits))
    g_string_append (out, MINUS_SIGN);

  point = strchr (digits, '.');
  int_len = point != NULL ? (size_t) (point - digits) : strlen (digits);
  for (size_t i = 0; i < int_len; i++)
    {
      if (i > 0 && (int_len - i) % 3 == 0)
        g_string_append (out, NBSP);
      g_string_append_c (out, digits[i]);
    }
  if (point != NULL)
    {
      g_string_append_c (out, ',');
      g_string_append (out, point + 1);
    }
  return g_string_free (out, FALSE);
}

char *
nv_chart_format_percent (double value, int decimals)
{
  g_autofree char *number = nv_chart_format_number (value, decimals);

  if (isnan (value))
    return g_steal_pointer (&number);
  return g_strconcat (number, NBSP "%", NULL);
}

char *
nv_chart_format_points (double value, int decimals)
{
  g_autofree char *number = NULL;

  if (isnan (value))
    return g_strdup (EN_DASH);
  number = nv_chart_format_number (value, decimals);
  if (nv_chart_round (value, decimals) > 0)
    return g_strconcat ("+", number, NULL);
  return g_steal_pointer (&number);
}
