/* nv-chart-style.c — style presets.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-charts"

#include "config.h"

#include <string.h>

#include "nv-chart-style.h"

static NvChartColor
rgb (guint32 hex)
{
  NvChartColor c
      = { ((hex >> 16) & 0xff) / 255.0, ((hex >> 8) & 0xff) / 255.0, (hex & 0xff) / 255.0, 1.0 };
  return c;
}

static NvChartColor
rgba (guint32 hex, double alpha)
{
  NvChartColor c = rgb (hex);
  c.a = alpha;
  return c;
}

static gboolean
color_equal (const NvChartColor *a, const NvChartColor *b)
{
  return a->r == b->r && a->g == b->g && a->b == b->b && a->a == b->a;
}

gboolean
nv_chart_style_equal (const NvChartStyle *a, const NvChartStyle *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);
  for (guint i = 0; i < NV_CHART_N_SERIES_COLORS; i++)
    if (!color_equal (&a->series[i], &b->series[i]))
      return FALSE;
  return color_equal (&a->background, &b->background)
         && color_equal (&a->foreground, &b->foreground) && color_equal (&a->muted, &b->muted)
         && color_equal (&a->grid, &b->grid) && color_equal (&a->axis, &b->axis)
         && color_equal (&a->marker, &b->marker) && color_equal (&a->hatch, &b->hatch)
         && strcmp (a->font_family, b->font_family) == 0 && a->font_size == b->font_size
         && a->line_width == b->line_width;
}

void
nv_chart_style_init (NvChartStyle *style, NvChartStylePreset preset)
{
  /* Okabe–Ito, ordered so neighbours differ most; the first is the unit. */
  static const guint32 light[] = { 0x0072B2, 0xD55E00, 0x009E73, 0xCC79A7, 0xE69F00, 0x56B4E9 };
  /* Lighter variants that keep ≥ 4.5:1 against the dark background. */
  static const guint32 dark[] = { 0x56B4E9, 0xF0A35E, 0x2ED3A0, 0xE8A3CB, 0xF0E442, 0x9CCFF0 };
  static const guint32 contrast[] = { 0x003E7E, 0xA03A00, 0x005A40, 0x7A2A65, 0x6B4A00, 0x000000 };

  g_return_if_fail (style != NULL);
  memset (style, 0, sizeof *style);
  g_strlcpy (style->font_family, "Cantarell, DejaVu Sans, Sans", sizeof style->font_family);
  style->font_size = 13.0;
  style->line_width = 2.0;

  switch (preset)
    {
    case NV_CHART_STYLE_DARK:
      style->background = rgb (0x242424);
      style->foreground = rgb (0xFFFFFF);
      style->muted = rgba (0xFFFFFF, 0.72);
      style->grid = rgba (0xFFFFFF, 0.14);
      style->axis = rgba (0xFFFFFF, 0.55);
      style->marker = rgba (0xF6D32D, 0.85);
      style->hatch = rgba (0xFFFFFF, 0.22);
      for (guint i = 0; i < NV_CHART_N_SERIES_COLORS; i++)
        style->series[i] = rgb (dark[i]);
      break;
    case NV_CHART_STYLE_HIGH_CONTRAST:
      style->background = rgb (0xFFFFFF);
      style->foreground = rgb (0x000000);
      style->muted = rgb (0x000000);
      style->grid = rgba (0x000000, 0.35);
      style->axis = rgb (0x000000);
      style->marker = rgb (0x000000);
      style->hatch = rgba (0x000000, 0.45);
      style->line_width = 3.0;
      for (guint i = 0; i < NV_CHART_N_SERIES_COLORS; i++)
        style->series[i] = rgb (contrast[i]);
      break;
    case NV_CHART_STYLE_LIGHT:
    default:
      style->background = rgb (0xFFFFFF);
      style->foreground = rgba (0x000000, 0.85);
      style->muted = rgba (0x000000, 0.62);
      style->grid = rgba (0x000000, 0.10);
      style->axis = rgba (0x000000, 0.45);
      style->marker = rgba (0x9C6E03, 0.9);
      style->hatch = rgba (0x000000, 0.16);
      for (guint i = 0; i < NV_CHART_N_SERIES_COLORS; i++)
        style->series[i] = rgb (light[i]);
      break;
    }
}

void
nv_chart_style_scale_for_size (NvChartStyle *style, double width, double height)
{
  double factor = MIN (width / 900.0, height / 500.0);

  if (factor > 1.0)
    {
      style->font_size *= factor;
      style->line_width *= MIN (factor, 2.5);
    }
}

gboolean
nv_chart_color_parse (NvChartColor *color, const char *text)
{
  guint32 value = 0;
  size_t len;

  if (text == NULL || text[0] != '#')
    return FALSE;
  len = strlen (text + 1);
  if (len != 6 && len != 8)
    return FALSE;
  for (size_t i = 1; i <= len; i++)
    {
      int digit = g_ascii_xdigit_value (text[i]);
      if (digit < 0)
        return FALSE;
      if (i <= 6)
        value = value * 16 + digit;
    }
  *color = rgb (value);
  if (len == 8)
    color->a = (g_ascii_xdigit_value (text[7]) * 16 + g_ascii_xdigit_value (text[8])) / 255.0;
  return TRUE;
}
