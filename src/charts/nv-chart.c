/* nv-chart.c — the chart model (series, categories, markers) and export.
 *
 * Drawing, layout and hit testing are in nv-chart-draw.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-charts"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <math.h>

#include "nv-chart-export.h"
#include "nv-chart-private.h"

G_DEFINE_FINAL_TYPE (NvChart, nv_chart, G_TYPE_OBJECT)

static void
series_free (gpointer data)
{
  NvChartSeries *series = data;

  g_free (series->name);
  g_free (series->values);
  g_free (series->masked);
  g_free (series);
}

static void
marker_clear (gpointer data)
{
  NvChartMarker *marker = data;
  g_free (marker->label);
}

void
nv_chart_invalidate (NvChart *self)
{
  g_clear_pointer (&self->layout, nv_chart_layout_free);
}

gboolean
nv_chart_any_masked (NvChart *self)
{
  for (guint s = 0; s < self->series->len; s++)
    {
      NvChartSeries *series = g_ptr_array_index (self->series, s);
      for (guint i = 0; i < self->n_categories; i++)
        if (series->masked[i])
          return TRUE;
    }
  return FALSE;
}

static void
nv_chart_finalize (GObject *object)
{
  NvChart *self = NV_CHART (object);

  nv_chart_invalidate (self);
  g_free (self->title);
  g_free (self->value_label);
  g_free (self->masked_label);
  g_strfreev (self->labels);
  if (self->tick_labels != NULL)
    for (guint i = 0; i < self->n_categories; i++)
      g_free (self->tick_labels[i]);
  g_free (self->tick_labels);
  g_ptr_array_unref (self->series);
  g_array_unref (self->markers);

  G_OBJECT_CLASS (nv_chart_parent_class)->finalize (object);
}

static void
nv_chart_class_init (NvChartClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = nv_chart_finalize;
}

static void
nv_chart_init (NvChart *self)
{
  self->percent = TRUE;
  self->value_labels = TRUE;
  self->labels = g_new0 (char *, 1);
  self->series = g_ptr_array_new_with_free_func (series_free);
  self->markers = g_array_new (FALSE, TRUE, sizeof (NvChartMarker));
  g_array_set_clear_func (self->markers, marker_clear);
}

NvChart *
nv_chart_new (NvChartKind kind)
{
  NvChart *self = g_object_new (NV_TYPE_CHART, NULL);
  self->kind = kind;
  return self;
}

NvChartKind
nv_chart_get_kind (NvChart *self)
{
  g_return_val_if_fail (NV_IS_CHART (self), NV_CHART_LINE);
  return self->kind;
}

static void
replace_string (NvChart *self, char **field, const char *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return;
  g_free (*field);
  *field = g_strdup (value);
  nv_chart_invalidate (self);
}

void
nv_chart_set_title (NvChart *self, const char *title)
{
  g_return_if_fail (NV_IS_CHART (self));
  replace_string (self, &self->title, title);
}

const char *
nv_chart_get_title (NvChart *self)
{
  g_return_val_if_fail (NV_IS_CHART (self), NULL);
  return self->title;
}

void
nv_chart_set_value_label (NvChart *self, const char *label)
{
  g_return_if_fail (NV_IS_CHART (self));
  replace_string (self, &self->value_label, label);
}

void
nv_chart_set_percent (NvChart *self, gboolean percent)
{
  g_return_if_fail (NV_IS_CHART (self));
  self->percent = !!percent;
  nv_chart_invalidate (self);
}

void
nv_chart_set_value_labels (NvChart *self, gboolean show)
{
  g_return_if_fail (NV_IS_CHART (self));
  self->value_labels = !!show;
}

void
nv_chart_set_masked_label (NvChart *self, const char *label)
{
  g_return_if_fail (NV_IS_CHART (self));
  replace_string (self, &self->masked_label, label);
}

void
nv_chart_set_categories (NvChart *self, guint n, const char *const *labels,
                         const char *const *tick_labels)
{
  g_return_if_fail (NV_IS_CHART (self));

  g_ptr_array_set_size (self->series, 0);
  g_array_set_size (self->markers, 0);
  if (self->tick_labels != NULL)
    for (guint i = 0; i < self->n_categories; i++)
      g_free (self->tick_labels[i]);
  g_clear_pointer (&self->tick_labels, g_free);
  g_strfreev (self->labels);

  self->n_categories = n;
  self->labels = g_new0 (char *, n + 1);
  self->tick_labels = g_new0 (char *, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    {
      self->labels[i] = g_strdup (labels != NULL && labels[i] != NULL ? labels[i] : "");
      self->tick_labels[i] = g_strdup (tick_labels != NULL ? tick_labels[i] : self->labels[i]);
    }
  nv_chart_invalidate (self);
}

void
nv_chart_set_quarters (NvChart *self, int first_year, int first_quarter, guint n)
{
  g_autoptr (GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) ticks = g_ptr_array_new_with_free_func (g_free);
  int year = first_year;
  int quarter = CLAMP (first_quarter, 1, 4);

  g_return_if_fail (NV_IS_CHART (self));
  for (guint i = 0; i < n; i++)
    {
      /* TRANSLATORS: a quarter of a year: quarter number, then year ("Q3 2024") */
      char *label = g_strdup_printf (_("Q%d %d"), quarter, year);

      g_ptr_array_add (labels, label);
      if (n <= 8)
        g_ptr_array_add (ticks, g_strdup (label));
      else
        g_ptr_array_add (ticks, quarter == 1 ? g_strdup_printf ("%d", year) : NULL);
      if (++quarter > 4)
        {
          quarter = 1;
          year++;
        }
    }
  nv_chart_set_categories (self, n, (const char *const *) labels->pdata,
                           (const char *const *) ticks->pdata);
}

guint
nv_chart_get_n_categories (NvChart *self)
{
  g_return_val_if_fail (NV_IS_CHART (self), 0);
  return self->n_categories;
}

const char *
nv_chart_get_category_label (NvChart *self, guint category)
{
  g_return_val_if_fail (NV_IS_CHART (self), NULL);
  g_return_val_if_fail (category < self->n_categories, NULL);
  return self->labels[category];
}

guint
nv_chart_add_series (NvChart *self, const char *name, const double *values)
{
  NvChartSeries *series;

  g_return_val_if_fail (NV_IS_CHART (self), 0);
  series = g_new0 (NvChartSeries, 1);
  series->name = g_strdup (name != NULL ? name : "");
  series->values = g_new (double, MAX (self->n_categories, 1));
  series->masked = g_new0 (gboolean, MAX (self->n_categories, 1));
  series->visible = TRUE;
  for (guint i = 0; i < self->n_categories; i++)
    series->values[i] = values != NULL ? values[i] : NAN;
  g_ptr_array_add (self->series, series);
  nv_chart_invalidate (self);
  return self->series->len - 1;
}

guint
nv_chart_get_n_series (NvChart *self)
{
  g_return_val_if_fail (NV_IS_CHART (self), 0);
  return self->series->len;
}

static NvChartSeries *
get_series (NvChart *self, guint series)
{
  g_return_val_if_fail (series < self->series->len, NULL);
  return g_ptr_array_index (self->series, series);
}

const char *
nv_chart_get_series_name (NvChart *self, guint series)
{
  NvChartSeries *s;

  g_return_val_if_fail (NV_IS_CHART (self), NULL);
  s = get_series (self, series);
  return s != NULL ? s->name : NULL;
}

void
nv_chart_set_value (NvChart *self, guint series, guint category, double value)
{
  NvChartSeries *s;

  g_return_if_fail (NV_IS_CHART (self));
  g_return_if_fail (category < self->n_categories);
  s = get_series (self, series);
  if (s == NULL)
    return;
  s->values[category] = value;
  nv_chart_invalidate (self);
}

double
nv_chart_get_value (NvChart *self, guint series, guint category)
{
  NvChartSeries *s;

  g_return_val_if_fail (NV_IS_CHART (self), NAN);
  g_return_val_if_fail (category < self->n_categories, NAN);
  s = get_series (self, series);
  return s != NULL ? s->values[category] : NAN;
}

void
nv_chart_set_masked (NvChart *self, guint series, guint category, gboolean masked)
{
  NvChartSeries *s;

  g_return_if_fail (NV_IS_CHART (self));
  g_return_if_fail (category < self->n_categories);
  s = get_series (self, series);
  if (s == NULL)
    return;
  s->masked[category] = !!masked;
  nv_chart_invalidate (self);
}

gboolean
nv_chart_get_masked (NvChart *self, guint series, guint category)
{
  NvChartSeries *s;

  g_return_val_if_fail (NV_IS_CHART (self), FALSE);
  g_return_val_if_fail (category < self->n_categories, FALSE);
  s = get_series (self, series);
  return s != NULL && s->masked[category];
}

void
nv_chart_set_series_visible (NvChart *self, guint series, gboolean visible)
{
  NvChartSeries *s;

  g_return_if_fail (NV_IS_CHART (self));
  s = get_series (self, series);
  if (s == NULL || s->visible == !!visible)
    return;
  s->visible = !!visible;
  /* The axis range follows the visible series. */
  nv_chart_invalidate (self);
}

gboolean
nv_chart_get_series_visible (NvChart *self, guint series)
{
  NvChartSeries *s;

  g_return_val_if_fail (NV_IS_CHART (self), FALSE);
  s = get_series (self, series);
  return s != NULL && s->visible;
}

guint
nv_chart_add_marker (NvChart *self, double position, const char *label)
{
  NvChartMarker marker = { position, g_strdup (label != NULL ? label : "") };

  g_return_val_if_fail (NV_IS_CHART (self), 0);
  g_array_append_val (self->markers, marker);
  nv_chart_invalidate (self);
  return self->markers->len - 1;
}

guint
nv_chart_get_n_markers (NvChart *self)
{
  g_return_val_if_fail (NV_IS_CHART (self), 0);
  return self->markers->len;
}

const char *
nv_chart_get_marker_label (NvChart *self, guint marker)
{
  g_return_val_if_fail (NV_IS_CHART (self), NULL);
  g_return_val_if_fail (marker < self->markers->len, NULL);
  return g_array_index (self->markers, NvChartMarker, marker).label;
}

gboolean
nv_chart_export (NvChart *self, const char *path, double width, double height,
                 const NvChartStyle *style, GError **error)
{
  g_return_val_if_fail (NV_IS_CHART (self), FALSE);
  return nv_chart_export_drawing (path, width, height, self->title,
                                  (NvChartDrawFunc) nv_chart_draw, self, style, error);
}
