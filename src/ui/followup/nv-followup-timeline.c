/* nv-followup-timeline.c — one case's first year as a strip.
 *
 * Linear scale over 52 weeks, so strips of different cases line up. Colours
 * come from the theme (accent, success, error, foreground), so it works in
 * dark mode and high contrast; the status is also in the shape (filled,
 * hollow, dashed) for those who cannot tell the colours apart.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-followup-timeline"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "nv-followup-timeline.h"

#define SCALE_DAYS 364.
#define PAD 10.
#define TRACK_Y 13.
#define TRACK_H 6.
#define MARK_R 6.

struct _NvFollowupTimeline
{
  GtkWidget parent_instance;

  GPtrArray *milestones;
  guint days_elapsed;
};

G_DEFINE_FINAL_TYPE (NvFollowupTimeline, nv_followup_timeline, GTK_TYPE_WIDGET)

static GdkRGBA
theme_color (GtkWidget *widget, const char *name, const char *fallback)
{
  GdkRGBA color;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  GtkStyleContext *context = gtk_widget_get_style_context (widget);
  if (!gtk_style_context_lookup_color (context, name, &color))
    gdk_rgba_parse (&color, fallback);
  G_GNUC_END_IGNORE_DEPRECATIONS
  return color;
}

static GdkRGBA
foreground (GtkWidget *widget)
{
  GdkRGBA color;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
  G_GNUC_END_IGNORE_DEPRECATIONS
  return color;
}

static void
rounded_rect (cairo_t *cr, double x, double y, double w, double h, double r)
{
  if (w < 2 * r)
    r = w / 2;
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + w - r, y + r, r, -G_PI / 2, 0);
  cairo_arc (cr, x + w - r, y + h - r, r, 0, G_PI / 2);
  cairo_arc (cr, x + r, y + h - r, r, G_PI / 2, G_PI);
  cairo_arc (cr, x + r, y + r, r, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

static double
x_for_day (double width, double day)
{
  return PAD + (width - 2 * PAD) * CLAMP (day, 0., SCALE_DAYS) / SCALE_DAYS;
}

static void
draw_label (GtkWidget *widget, cairo_t *cr, const char *text, double x, double y, double width,
            const GdkRGBA *color)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (widget, text);
  PangoFontDescription *font = pango_font_description_new ();
  int w, h;

  pango_font_description_set_size (font, 8 * PANGO_SCALE);
  pango_layout_set_font_description (layout, font);
  pango_layout_get_pixel_size (layout, &w, &h);
  x = CLAMP (x - w / 2., 0., width - w);
  gdk_cairo_set_source_rgba (cr, color);
  cairo_move_to (cr, floor (x), y);
  pango_cairo_show_layout (cr, layout);
  pango_font_description_free (font);
  g_object_unref (layout);
}

static void
nv_followup_timeline_snapshot (GtkWidget *widget, GtkSnapshot *snapshot)
{
  NvFollowupTimeline *self = NV_FOLLOWUP_TIMELINE (widget);
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  GdkRGBA fg = foreground (widget);
  GdkRGBA accent = theme_color (widget, "accent_color", "#3584e4");
  GdkRGBA success = theme_color (widget, "success_color", "#26a269");
  GdkRGBA error = theme_color (widget, "error_color", "#c01c28");
  GdkRGBA bg = theme_color (widget, "window_bg_color", "#fafafa");
  GdkRGBA dim = fg;
  cairo_t *cr;
  double today_x;

  if (width <= 2 * PAD)
    return;
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));

  /* The year, and how much of it has passed. */
  dim.alpha = 0.18;
  gdk_cairo_set_source_rgba (cr, &dim);
  rounded_rect (cr, PAD, TRACK_Y, width - 2 * PAD, TRACK_H, TRACK_H / 2);
  cairo_fill (cr);
  today_x = x_for_day (width, self->days_elapsed > 0 ? self->days_elapsed - 1 : 0);
  gdk_cairo_set_source_rgba (cr, &accent);
  rounded_rect (cr, PAD, TRACK_Y, MAX (today_x - PAD, TRACK_H), TRACK_H, TRACK_H / 2);
  cairo_fill (cr);

  /* Milestones: filled = done (green) or overdue (red), hollow = due,
   * dashed = optional. */
  for (guint i = 0; self->milestones != NULL && i < self->milestones->len; i++)
    {
      const NvMilestone *m = g_ptr_array_index (self->milestones, i);
      double x = floor (x_for_day (width, m->offset_days)) + 0.5;
      double y = TRACK_Y + TRACK_H / 2;

      cairo_new_path (cr);
      cairo_arc (cr, x, y, MARK_R, 0, 2 * G_PI);
      switch (m->status)
        {
        case NV_MILESTONE_DONE:
          gdk_cairo_set_source_rgba (cr, &success);
          cairo_fill_preserve (cr);
          gdk_cairo_set_source_rgba (cr, &bg);
          cairo_set_line_width (cr, 1.5);
          cairo_stroke (cr);
          /* a tick */
          cairo_move_to (cr, x - 3, y);
          cairo_line_to (cr, x - 1, y + 2.5);
          cairo_line_to (cr, x + 3.2, y - 2.5);
          cairo_set_line_width (cr, 1.6);
          cairo_stroke (cr);
          break;
        case NV_MILESTONE_OVERDUE:
          gdk_cairo_set_source_rgba (cr, &error);
          cairo_fill_preserve (cr);
          gdk_cairo_set_source_rgba (cr, &bg);
          cairo_set_line_width (cr, 1.5);
          cairo_stroke (cr);
          /* an exclamation mark */
          cairo_move_to (cr, x, y - 3.5);
          cairo_line_to (cr, x, y + 0.8);
          cairo_move_to (cr, x, y + 2.4);
          cairo_line_to (cr, x, y + 3.4);
          cairo_set_line_width (cr, 1.6);
          cairo_stroke (cr);
          break;
        case NV_MILESTONE_OPTIONAL:
          {
            static const double dash[] = { 2., 2. };
            gdk_cairo_set_source_rgba (cr, &bg);
            cairo_fill_preserve (cr);
            gdk_cairo_set_source_rgba (cr, &fg);
            cairo_set_dash (cr, dash, 2, 0);
            cairo_set_line_width (cr, 1.5);
            cairo_stroke (cr);
            cairo_set_dash (cr, NULL, 0, 0);
          }
          break;
        case NV_MILESTONE_DUE:
        default:
          gdk_cairo_set_source_rgba (cr, &bg);
          cairo_fill_preserve (cr);
          gdk_cairo_set_source_rgba (cr, &fg);
          cairo_set_line_width (cr, 2.);
          cairo_stroke (cr);
          break;
        }
    }

  /* Today. */
  gdk_cairo_set_source_rgba (cr, &fg);
  cairo_set_line_width (cr, 2.);
  cairo_move_to (cr, floor (today_x) + 0.5, TRACK_Y - 6);
  cairo_line_to (cr, floor (today_x) + 0.5, TRACK_Y + TRACK_H + 6);
  cairo_stroke (cr);

  /* A few ticks so the scale can be read. */
  dim.alpha = 0.7;
  {
    g_autofree char *half = g_strdup_printf (_("week %d"), 26);
    g_autofree char *full = g_strdup_printf (_("week %d"), 52);
    draw_label (widget, cr, _("start"), x_for_day (width, 0), TRACK_Y + TRACK_H + 8, width, &dim);
    draw_label (widget, cr, half, x_for_day (width, 182), TRACK_Y + TRACK_H + 8, width, &dim);
    draw_label (widget, cr, full, x_for_day (width, SCALE_DAYS), TRACK_Y + TRACK_H + 8, width,
                &dim);
  }
  cairo_destroy (cr);
}

static void
nv_followup_timeline_measure (GtkWidget *widget, GtkOrientation orientation, int for_size,
                              int *minimum, int *natural, int *minimum_baseline,
                              int *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 160;
      *natural = 480;
    }
  else
    *minimum = *natural = 44;
}

static void
nv_followup_timeline_css_changed (GtkWidget *widget, GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (nv_followup_timeline_parent_class)->css_changed (widget, change);
  gtk_widget_queue_draw (widget);
}

static void
nv_followup_timeline_finalize (GObject *object)
{
  NvFollowupTimeline *self = NV_FOLLOWUP_TIMELINE (object);

  g_clear_pointer (&self->milestones, g_ptr_array_unref);
  G_OBJECT_CLASS (nv_followup_timeline_parent_class)->finalize (object);
}

static void
nv_followup_timeline_class_init (NvFollowupTimelineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = nv_followup_timeline_finalize;
  widget_class->snapshot = nv_followup_timeline_snapshot;
  widget_class->measure = nv_followup_timeline_measure;
  widget_class->css_changed = nv_followup_timeline_css_changed;
  gtk_widget_class_set_css_name (widget_class, "nv-followup-timeline");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
nv_followup_timeline_init (NvFollowupTimeline *self)
{
}

GtkWidget *
nv_followup_timeline_new (void)
{
  return g_object_new (NV_TYPE_FOLLOWUP_TIMELINE, NULL);
}

void
nv_followup_timeline_set_case (NvFollowupTimeline *self, GPtrArray *milestones,
                               guint days_elapsed)
{
  g_return_if_fail (NV_IS_FOLLOWUP_TIMELINE (self));

  g_clear_pointer (&self->milestones, g_ptr_array_unref);
  self->milestones = g_ptr_array_new_with_free_func ((GDestroyNotify) nv_milestone_free);
  for (guint i = 0; milestones != NULL && i < milestones->len; i++)
    g_ptr_array_add (self->milestones, nv_milestone_copy (g_ptr_array_index (milestones, i)));
  self->days_elapsed = days_elapsed;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}
