/* nv-figure-view.c — a chart-library drawing on screen (see nv-figure-view.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-figure-view"

#include "config.h"

#include <adwaita.h>

#include "nv-chart-view.h"
#include "nv-figure-view.h"

struct _NvFigureView
{
  GtkWidget parent_instance;

  NvChartStyle style;
  NvFigureDrawFunc draw;
  NvFigureTooltipFunc tooltip;
  NvFigureClickFunc click;
  gpointer data;
  int natural_height;
  NvChartStyleWatch watch;
};

G_DEFINE_FINAL_TYPE (NvFigureView, nv_figure_view, GTK_TYPE_WIDGET)

static gboolean
query_tooltip_cb (GtkWidget *widget, int x, int y, gboolean keyboard, GtkTooltip *tooltip,
                  gpointer user_data)
{
  NvFigureView *self = NV_FIGURE_VIEW (widget);
  g_autofree char *text = NULL;

  if (self->tooltip == NULL)
    return FALSE;
  text = self->tooltip (self->data, gtk_widget_get_width (widget), gtk_widget_get_height (widget),
                        &self->style, x, y);
  if (text == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
released_cb (GtkGestureClick *gesture, int n_press, double x, double y, NvFigureView *self)
{
  if (self->click != NULL)
    self->click (self->data, gtk_widget_get_width (GTK_WIDGET (self)),
                 gtk_widget_get_height (GTK_WIDGET (self)), &self->style, x, y);
}

static void
nv_figure_view_snapshot (GtkWidget *widget, GtkSnapshot *snapshot)
{
  NvFigureView *self = NV_FIGURE_VIEW (widget);
  int width, height;
  cairo_t *cr;

  if (self->draw == NULL ||
      (cr = nv_chart_view_append_cairo (widget, snapshot, &width, &height)) == NULL)
    return;
  self->draw (self->data, cr, width, height, &self->style);
  cairo_destroy (cr);
}

static void
nv_figure_view_css_changed (GtkWidget *widget, GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (nv_figure_view_parent_class)->css_changed (widget, change);
  nv_chart_style_watch_refresh (&NV_FIGURE_VIEW (widget)->watch);
}

static void
nv_figure_view_measure (GtkWidget *widget, GtkOrientation orientation, int for_size,
                        int *minimum, int *natural, int *minimum_baseline, int *natural_baseline)
{
  NvFigureView *self = NV_FIGURE_VIEW (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 280;
      *natural = 600;
    }
  else
    {
      /* A chart squeezed below the height its rows need overlaps itself;
       * the page scrolls instead. */
      *minimum = self->natural_height;
      *natural = self->natural_height;
    }
}

static void
nv_figure_view_dispose (GObject *object)
{
  NvFigureView *self = NV_FIGURE_VIEW (object);

  nv_chart_style_watch_clear (&self->watch);
  G_OBJECT_CLASS (nv_figure_view_parent_class)->dispose (object);
}

static void
nv_figure_view_class_init (NvFigureViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nv_figure_view_dispose;
  widget_class->snapshot = nv_figure_view_snapshot;
  widget_class->css_changed = nv_figure_view_css_changed;
  widget_class->measure = nv_figure_view_measure;
  gtk_widget_class_set_css_name (widget_class, "nvchart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
nv_figure_view_init (NvFigureView *self)
{
  GtkGesture *click = gtk_gesture_click_new ();

  self->natural_height = 400;
  g_signal_connect (click, "released", G_CALLBACK (released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);
  nv_chart_style_watch_init (&self->watch, GTK_WIDGET (self), &self->style);
}

GtkWidget *
nv_figure_view_new (void)
{
  return g_object_new (NV_TYPE_FIGURE_VIEW, NULL);
}

void
nv_figure_view_set_funcs (NvFigureView *self, NvFigureDrawFunc draw, NvFigureTooltipFunc tooltip,
                          NvFigureClickFunc click, gpointer data)
{
  self->draw = draw;
  self->tooltip = tooltip;
  self->click = click;
  self->data = data;
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), click != NULL ? "pointer" : NULL);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
nv_figure_view_set_natural_height (NvFigureView *self, int height)
{
  if (self->natural_height == height)
    return;
  self->natural_height = height;
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

void
nv_figure_view_set_summary (NvFigureView *self, const char *summary)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  summary != NULL ? summary : "", -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
nv_figure_view_get_style (NvFigureView *self, NvChartStyle *style)
{
  *style = self->style;
}
