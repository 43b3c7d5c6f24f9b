/* nv-chart-view.c — an NvChart on screen, in theme colours.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-chart-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "nv-chart-view.h"

struct _NvChartView
{
  GtkWidget parent_instance;

  NvChart *chart;
  char *summary;
  NvChartStyle style;
  NvChartStyleWatch watch;
};

G_DEFINE_FINAL_TYPE (NvChartView, nv_chart_view, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_CHART,
  PROP_SUMMARY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static NvChartColor
to_chart_color (const GdkRGBA *rgba, double alpha)
{
  NvChartColor c = { rgba->red, rgba->green, rgba->blue, rgba->alpha * alpha };
  return c;
}

/* Colours from the theme's named colours, the series palette by scheme,
 * the font from GtkSettings. */
void
nv_chart_view_style_from_widget (GtkWidget *widget, NvChartStyle *style)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  gboolean dark = adw_style_manager_get_dark (manager);
  gboolean contrast = adw_style_manager_get_high_contrast (manager);
  GtkStyleContext *context;
  GdkRGBA bg, fg;
  g_autofree char *font_name = NULL;

  nv_chart_style_init (style, contrast ? NV_CHART_STYLE_HIGH_CONTRAST
                              : dark   ? NV_CHART_STYLE_DARK
                                       : NV_CHART_STYLE_LIGHT);
  if (contrast && dark)
    {
      /* High contrast dark: the dark palette, full-strength text. */
      NvChartStyle dark_style;
      nv_chart_style_init (&dark_style, NV_CHART_STYLE_DARK);
      memcpy (style->series, dark_style.series, sizeof style->series);
    }

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  context = gtk_widget_get_style_context (widget);
  if (gtk_style_context_lookup_color (context, "view_bg_color", &bg)
      && gtk_style_context_lookup_color (context, "view_fg_color", &fg))
    {
      style->background = to_chart_color (&bg, 1);
      style->foreground = to_chart_color (&fg, 1);
      style->muted = to_chart_color (&fg, contrast ? 1 : 0.7);
      style->grid = to_chart_color (&fg, contrast ? 0.35 : 0.12);
      style->axis = to_chart_color (&fg, contrast ? 1 : 0.5);
      style->hatch = to_chart_color (&fg, contrast ? 0.45 : 0.2);
    }
  G_GNUC_END_IGNORE_DEPRECATIONS

  g_object_get (gtk_widget_get_settings (widget), "gtk-font-name", &font_name, NULL);
  if (font_name != NULL)
    {
      PangoFontDescription *desc = pango_font_description_from_string (font_name);
      const char *family = pango_font_description_get_family (desc);
      int size = pango_font_description_get_size (desc);

      if (family != NULL)
        g_strlcpy (style->font_family, family, sizeof style->font_family);
      if (size > 0)
        {
          double px = (double)size / PANGO_SCALE;
          if (!pango_font_description_get_size_is_absolute (desc))
            px = px * 96.0 / 72.0;
          style->font_size = CLAMP (px, 10, 24);
        }
      pango_font_description_free (desc);
    }
}

gboolean
nv_chart_style_watch_refresh (NvChartStyleWatch *watch)
{
  NvChartStyle style;

  if (watch->widget == NULL)
    return FALSE; /* css_changed before init */
  /* Most style changes that reach a chart (a state or class change of an
   * ancestor) leave its colours and font as they were: redrawing it then
   * would repaint a large area for nothing, as happened just after the
   * first frame. */
  nv_chart_view_style_from_widget (watch->widget, &style);
  if (watch->drawn && nv_chart_style_equal (&style, watch->style))
    return FALSE;
  *watch->style = style;
  watch->drawn = TRUE;
  gtk_widget_queue_draw (watch->widget);
  return TRUE;
}

static void
style_changed_cb (AdwStyleManager *manager, GParamSpec *pspec, NvChartStyleWatch *watch)
{
  nv_chart_style_watch_refresh (watch);
}

void
nv_chart_style_watch_init (NvChartStyleWatch *watch, GtkWidget *widget, NvChartStyle *style)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();

  watch->widget = widget;
  watch->style = style;
  watch->drawn = FALSE;
  watch->dark_id = g_signal_connect (manager, "notify::dark", G_CALLBACK (style_changed_cb), watch);
  watch->contrast_id
      = g_signal_connect (manager, "notify::high-contrast", G_CALLBACK (style_changed_cb), watch);
  nv_chart_style_watch_refresh (watch);
}

void
nv_chart_style_watch_clear (NvChartStyleWatch *watch)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();

  g_clear_signal_handler (&watch->dark_id, manager);
  g_clear_signal_handler (&watch->contrast_id, manager);
}

cairo_t *
nv_chart_view_append_cairo (GtkWidget *widget, GtkSnapshot *snapshot, int *width, int *height)
{
  *width = gtk_widget_get_width (widget);
  *height = gtk_widget_get_height (widget);
  if (*width <= 0 || *height <= 0)
    return NULL;
  return gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, *width, *height));
}

char *
nv_chart_view_describe_at (NvChartView *self, double x, double y)
{
  NvChartHit hit;
  g_autofree char *value = NULL;

  g_return_val_if_fail (NV_IS_CHART_VIEW (self), NULL);
  if (self->chart == NULL
      || !nv_chart_hit_test (self->chart, gtk_widget_get_width (GTK_WIDGET (self)),
                             gtk_widget_get_height (GTK_WIDGET (self)), &self->style, x, y, &hit))
    return NULL;

  switch (hit.kind)
    {
    case NV_CHART_HIT_POINT:
    case NV_CHART_HIT_BAR:
      value = nv_format_value_percent (hit.value, 1);
      if (hit.masked)
        /* TRANSLATORS: tooltip: period, series, value; the figure builds on fewer than 5 persons */
        return g_strdup_printf (_ ("%s\n%s: %s\nFewer than 5 persons: hidden outside this screen"),
                                nv_chart_get_category_label (self->chart, hit.category),
                                nv_chart_get_series_name (self->chart, hit.series), value);
      /* TRANSLATORS: tooltip: period, then series and value */
      return g_strdup_printf (_ ("%s\n%s: %s"),
                              nv_chart_get_category_label (self->chart, hit.category),
                              nv_chart_get_series_name (self->chart, hit.series), value);
    case NV_CHART_HIT_MARKER:
      return nv_chart_describe_marker (self->chart, hit.marker);
    case NV_CHART_HIT_LEGEND:
      if (hit.series < 0)
        return g_strdup (_ ("Periods with fewer than 5 persons are hatched. Their figures are "
                            "hidden in exports, printouts and projection."));
      return g_strdup (nv_chart_get_series_visible (self->chart, hit.series)
                           ? _ ("Click to hide this series")
                           : _ ("Click to show this series"));
    case NV_CHART_HIT_NONE:
    default:
      return NULL;
    }
}

static gboolean
query_tooltip_cb (GtkWidget *widget, int x, int y, gboolean keyboard, GtkTooltip *tooltip,
                  gpointer user_data)
{
  g_autofree char *text = nv_chart_view_describe_at (NV_CHART_VIEW (widget), x, y);

  if (text == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
pressed_cb (GtkGestureClick *gesture, int n_press, double x, double y, NvChartView *self)
{
  NvChartHit hit;

  if (self->chart == NULL
      || !nv_chart_hit_test (self->chart, gtk_widget_get_width (GTK_WIDGET (self)),
                             gtk_widget_get_height (GTK_WIDGET (self)), &self->style, x, y, &hit)
      || hit.kind != NV_CHART_HIT_LEGEND || hit.series < 0)
    return;
  nv_chart_set_series_visible (self->chart, hit.series,
                               !nv_chart_get_series_visible (self->chart, hit.series));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
motion_cb (GtkEventControllerMotion *motion, double x, double y, NvChartView *self)
{
  NvChartHit hit;
  gboolean legend
      = self->chart != NULL
        && nv_chart_hit_test (self->chart, gtk_widget_get_width (GTK_WIDGET (self)),
                              gtk_widget_get_height (GTK_WIDGET (self)), &self->style, x, y, &hit)
        && hit.kind == NV_CHART_HIT_LEGEND && hit.series >= 0;

  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), legend ? "pointer" : NULL);
}

static void
nv_chart_view_snapshot (GtkWidget *widget, GtkSnapshot *snapshot)
{
  NvChartView *self = NV_CHART_VIEW (widget);
  int width, height;
  cairo_t *cr;

  if (self->chart == NULL
      || (cr = nv_chart_view_append_cairo (widget, snapshot, &width, &height)) == NULL)
    return;
  nv_chart_draw (self->chart, cr, width, height, &self->style);
  cairo_destroy (cr);
}

static void
nv_chart_view_css_changed (GtkWidget *widget, GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (nv_chart_view_parent_class)->css_changed (widget, change);
  nv_chart_style_watch_refresh (&NV_CHART_VIEW (widget)->watch);
}

static void
nv_chart_view_measure (GtkWidget *widget, GtkOrientation orientation, int for_size, int *minimum,
                       int *natural, int *minimum_baseline, int *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 300;
      *natural = 600;
    }
  else
    {
      *minimum = 240;
      *natural = for_size > 0 ? CLAMP (for_size * 9 / 16, 280, 520) : 360;
    }
}

static void
nv_chart_view_dispose (GObject *object)
{
  NvChartView *self = NV_CHART_VIEW (object);

  nv_chart_style_watch_clear (&self->watch);
  g_clear_object (&self->chart);
  g_clear_pointer (&self->summary, g_free);
  G_OBJECT_CLASS (nv_chart_view_parent_class)->dispose (object);
}

static void
nv_chart_view_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  NvChartView *self = NV_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_CHART:
      g_value_set_object (value, self->chart);
      break;
    case PROP_SUMMARY:
      g_value_set_string (value, self->summary);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nv_chart_view_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  NvChartView *self = NV_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_CHART:
      nv_chart_view_set_chart (self, g_value_get_object (value));
      break;
    case PROP_SUMMARY:
      nv_chart_view_set_summary (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nv_chart_view_class_init (NvChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nv_chart_view_dispose;
  object_class->get_property = nv_chart_view_get_property;
  object_class->set_property = nv_chart_view_set_property;
  widget_class->snapshot = nv_chart_view_snapshot;
  widget_class->css_changed = nv_chart_view_css_changed;
  widget_class->measure = nv_chart_view_measure;

  properties[PROP_CHART]
      = g_param_spec_object ("chart", NULL, NULL, NV_TYPE_CHART,
                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SUMMARY]
      = g_param_spec_string ("summary", NULL, NULL, NULL,
                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "nvchart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
nv_chart_view_init (NvChartView *self)
{
  GtkGesture *click = gtk_gesture_click_new ();
  GtkEventController *motion = gtk_event_controller_motion_new ();

  g_signal_connect (click, "pressed", G_CALLBACK (pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  g_signal_connect (motion, "motion", G_CALLBACK (motion_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);
  nv_chart_style_watch_init (&self->watch, GTK_WIDGET (self), &self->style);
}

GtkWidget *
nv_chart_view_new (void)
{
  return g_object_new (NV_TYPE_CHART_VIEW, NULL);
}

NvChart *
nv_chart_view_get_chart (NvChartView *self)
{
  g_return_val_if_fail (NV_IS_CHART_VIEW (self), NULL);
  return self->chart;
}

void
nv_chart_view_set_chart (NvChartView *self, NvChart *chart)
{
  g_return_if_fail (NV_IS_CHART_VIEW (self));
  if (!g_set_object (&self->chart, chart))
    return;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHART]);
}

const char *
nv_chart_view_get_summary (NvChartView *self)
{
  g_return_val_if_fail (NV_IS_CHART_VIEW (self), NULL);
  return self->summary;
}

void
nv_chart_view_set_summary (NvChartView *self, const char *summary)
{
  g_return_if_fail (NV_IS_CHART_VIEW (self));
  if (g_strcmp0 (self->summary, summary) == 0)
    return;
  g_free (self->summary);
  self->summary = g_strdup (summary);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  summary != NULL ? summary : "", -1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUMMARY]);
}

void
nv_chart_view_get_style (NvChartView *self, NvChartStyle *style)
{
  g_return_if_fail (NV_IS_CHART_VIEW (self));
  *style = self->style;
}
