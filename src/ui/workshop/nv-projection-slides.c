/* nv-projection-slides.c — what the projection window shows for each kind
 * of slide: the welcome and agenda, the steps with their points and prompts,
 * the figures chart (always masked below five persons: the whole room sees
 * it), the 10-FAKTOR profile, the themed rounds with their ideas as notes,
 * and the closing with what was agreed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-projection"

#include "config.h"

#include <glib/gi18n.h>

#include "nv-calendar.h"
#include "nv-chart-view.h"
#include "nv-chart.h"
#include "nv-faktor-chart.h"
#include "nv-measure.h"
#include "nv-projection-window-private.h"

static GtkWidget *
text (GtkBox *box, const char *str, const char *css)
{
  GtkWidget *label = gtk_label_new (str);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, css);
  gtk_box_append (box, label);
  return label;
}

static void
bullet (GtkBox *box, const char *str, const char *css)
{
  g_autofree char *line = g_strdup_printf ("•  %s", str);
  text (box, line, css);
}

NvChart *
nv_projection_window_build_chart (NvProjectionWindow *self)
{
  if (self->compare == NULL || self->compare->n_with_data == 0)
    return NULL;
  /* TRUE: the export form — the whole room sees it, so quarters with fewer
   * than five persons carry no value at all. */
  return nv_compare_trend_chart (self->compare, NULL, TRUE);
}

static void
chart_draw_cb (GtkDrawingArea *area, cairo_t *cr, int width, int height, gpointer user_data)
{
  NvProjectionWindow *self = NV_PROJECTION_WINDOW (user_data);
  g_autoptr (NvChart) chart = nv_projection_window_build_chart (self);
  NvChartStyle style;

  if (chart == NULL)
    return;
  nv_chart_style_init (&style, gtk_widget_has_css_class (GTK_WIDGET (self), "nv-dark")
                                   ? NV_CHART_STYLE_DARK
                                   : NV_CHART_STYLE_HIGH_CONTRAST);
  nv_chart_style_scale_for_size (&style, width, height);
  /* Chart labels as large as the small text of the slides. */
  style.font_size = MAX (style.font_size, nv_projection_window_get_body_px (self) * 0.6);
  style.line_width = MAX (style.line_width, 4);
  style.background.a = 0; /* the slide's own black or white */
  nv_chart_draw (chart, cr, width, height, &style);
}

static void
add_chart (NvProjectionWindow *self)
{
  GtkWidget *area;
  g_autofree char *summary = NULL;

  if (self->compare == NULL || self->compare->n_with_data == 0)
    {
      text (self->content,
            self->compare_error != NULL ? self->compare_error
                                        : _ ("There are no figures for the unit yet."),
            "nv-slide-meta");
      return;
    }
  area = gtk_drawing_area_new ();
  gtk_widget_set_vexpand (area, TRUE);
  gtk_widget_set_hexpand (area, TRUE);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), chart_draw_cb, self, NULL);
  summary = nv_compare_summary (self->compare, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (area), GTK_ACCESSIBLE_PROPERTY_LABEL, summary,
                                  -1);
  gtk_box_append (self->content, area);
}

static void
faktor_draw_cb (GtkDrawingArea *area, cairo_t *cr, int width, int height, gpointer data)
{
  NvHBars *bars = data;
  GtkWidget *window = gtk_widget_get_ancestor (GTK_WIDGET (area), NV_TYPE_PROJECTION_WINDOW);
  NvChartStyle style;

  nv_chart_view_style_from_widget (GTK_WIDGET (area), &style);
  /* Readable from the back of the room: labels as large as the slide's small
   * text, as on the figures slide. The bars move their values into columns
   * when the rows get too short to carry them (nv-hbars.c). */
  if (window != NULL)
    style.font_size = MAX (style.font_size,
                           nv_projection_window_get_body_px (NV_PROJECTION_WINDOW (window)) * 0.6);
  style.background.a = 0; /* the slide's own black or white */
  nv_hbars_draw (bars, cr, width, height, &style);
}

/* The unit's 10-FAKTOR profile and the themes its two lowest factors point to. */
static void
add_faktor (NvProjectionWindow *self)
{
  const NvWorkshop *w = nv_workshop_deck_get_workshop (self->deck);
  g_autofree char *subtitle = NULL;
  g_autofree char *suggestion = NULL;
  NvHBars *bars = nv_faktor_profile_chart (nv_workshop_deck_get_store (self->deck), w->unit_id,
                                           &subtitle, &suggestion);
  GtkWidget *area;

  text (self->content, _ ("The staff survey"), "nv-slide-overline");
  text (self->content, _ ("10-FAKTOR profile"), "nv-slide-title");
  if (bars == NULL)
    {
      text (self->content, _ ("The unit has no survey round with at least 3 respondents."),
            "nv-slide-meta");
      return;
    }
  nv_hbars_set_title (bars, NULL);
  text (self->content, subtitle, "nv-slide-meta");
  area = gtk_drawing_area_new ();
  gtk_widget_set_vexpand (area, TRUE);
  gtk_widget_set_hexpand (area, TRUE);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), faktor_draw_cb, bars,
                                  (GDestroyNotify)nv_hbars_free);
  gtk_accessible_update_property (GTK_ACCESSIBLE (area), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  suggestion != NULL ? suggestion : subtitle, -1);
  gtk_box_append (self->content, area);
  if (suggestion != NULL)
    text (self->content, suggestion, "nv-slide-prompt");
}

static void
add_ideas (NvProjectionWindow *self, const char *theme, gboolean by_votes, guint max)
{
  NvStore *store = nv_workshop_deck_get_store (self->deck);
  const NvWorkshop *w = nv_workshop_deck_get_workshop (self->deck);
  g_autoptr (GPtrArray) ideas = nv_workshop_ideas (store, w->id, by_votes, NULL);
  GtkWidget *flow;
  guint shown = 0;

  if (ideas == NULL)
    return;
  if (by_votes)
    {
      /* The ranked list: one line each, most votes first. */
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
      gtk_widget_add_css_class (box, "nv-ideas");
      for (guint i = 0; i < ideas->len && shown < max; i++)
        {
          NvWorkshopIdea *idea = g_ptr_array_index (ideas, i);
          g_autofree char *line = g_strdup_printf (
              g_dngettext (GETTEXT_PACKAGE, "%d vote  ·  %s", "%d votes  ·  %s", idea->votes),
              idea->votes, idea->text);
          text (GTK_BOX (box), line, "nv-slide-point");
          shown++;
        }
      if (shown > 0)
        gtk_box_append (self->content, box);
      return;
    }
  /* Ideas of a round as sticky notes, three to a row. */
  flow = gtk_flow_box_new ();
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (flow), GTK_SELECTION_NONE);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (flow), 3);
  gtk_flow_box_set_min_children_per_line (GTK_FLOW_BOX (flow), 2);
  gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (flow), TRUE);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (flow), 24);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (flow), 18);
  gtk_widget_add_css_class (flow, "nv-ideas");
  for (guint i = 0; i < ideas->len && shown < max; i++)
    {
      NvWorkshopIdea *idea = g_ptr_array_index (ideas, i);
      GtkWidget *label;

      if (theme != NULL && g_strcmp0 (idea->theme, theme) != 0)
        continue;
      label = gtk_label_new (idea->text);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_yalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "nv-idea");
      gtk_flow_box_append (GTK_FLOW_BOX (flow), label);
      shown++;
    }
  if (shown > 0)
    gtk_box_append (self->content, flow);
}

static void
add_measures (NvProjectionWindow *self)
{
  NvStore *store = nv_workshop_deck_get_store (self->deck);
  const NvWorkshop *w = nv_workshop_deck_get_workshop (self->deck);
  g_autoptr (GPtrArray) measures = nv_workshop_measures (store, w->id, NULL);

  if (measures == NULL || measures->len == 0)
    return;
  for (guint i = 0; i < measures->len && i < 6; i++)
    {
      NvMeasure *m = g_ptr_array_index (measures, i);
      g_autofree char *when = m->deadline != NV_DAY_NONE ? nv_day_format_local (m->deadline) : NULL;
      g_autofree char *detail = NULL;

      bullet (self->content, m->title, "nv-slide-point-strong");
      if (*m->owner != '\0' && when != NULL)
        detail = g_strdup_printf (_ ("%s, by %s"), m->owner, when);
      else if (*m->owner != '\0')
        detail = g_strdup (m->owner);
      else if (when != NULL)
        detail = g_strdup_printf (_ ("by %s"), when);
      if (detail != NULL)
        text (self->content, detail, "nv-slide-detail");
    }
}

/* The first slide, for the room: who and when, why we are here in one line,
 * and what the session holds — the deck's own steps, the themed rounds as
 * one item — in two columns, centred on the screen. */
static void
add_welcome (NvProjectionWindow *self, const NvWorkshop *w)
{
  g_autofree char *date = nv_day_format_local (nv_day_parse_iso (w->date));
  g_autofree char *line
      = g_strdup_printf ("%s  ·  %s", nv_workshop_deck_get_unit_name (self->deck), date);
  g_autoptr (GPtrArray) themes = g_ptr_array_new ();
  guint n = nv_workshop_deck_get_n_slides (self->deck);
  guint item = 0;
  int themes_at = -1;
  GtkWidget *columns = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *left = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *right = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  g_autoptr (GPtrArray) agenda = g_ptr_array_new_with_free_func (g_free);

  gtk_box_set_homogeneous (GTK_BOX (columns), TRUE);
  gtk_widget_add_css_class (columns, "nv-welcome");
  gtk_widget_add_css_class (right, "nv-welcome-agenda");
  text (GTK_BOX (left), _ ("Welcome"), "nv-slide-overline");
  text (GTK_BOX (left), nv_workshop_display_title (w), "nv-slide-title");
  text (GTK_BOX (left), line, "nv-slide-body");
  text (GTK_BOX (left),
        _ ("Together we look at what keeps us at work, and agree on what we will do to bring "
           "sick leave down."),
        "nv-slide-prompt");

  for (guint i = 1; i < n; i++)
    {
      const NvSlide *s = nv_workshop_deck_get_slide (self->deck, i);

      if (s->kind == NV_SLIDE_CLOSING)
        continue;
      if (s->kind == NV_SLIDE_THEME)
        {
          g_ptr_array_add (themes, (gpointer)s->theme->title);
          if (themes_at < 0)
            {
              themes_at = (int)agenda->len;
              g_ptr_array_add (agenda, NULL);
            }
          continue;
        }
      g_ptr_array_add (agenda, g_strdup (nv_workshop_deck_slide_title (self->deck, i)));
    }
  if (themes_at >= 0)
    /* TRANSLATORS: an agenda item; the themes follow below it */
    g_ptr_array_index (agenda, themes_at) = g_strdup (_ ("Talk in rounds about"));

  /* TRANSLATORS: heading of the agenda on the first slide */
  text (GTK_BOX (right), _ ("Today"), "nv-slide-overline");
  for (guint i = 0; i < agenda->len && i < 8; i++)
    {
      g_autofree char *entry
          = g_strdup_printf ("%u.  %s", ++item, (char *)g_ptr_array_index (agenda, i));
      text (GTK_BOX (right), entry, "nv-slide-point");
      /* The themes under their item (at most six fit beside the rest). */
      for (guint t = 0; (int)i == themes_at && t < themes->len && t < 6; t++)
        {
          g_autofree char *theme = g_strdup_printf ("–  %s", (char *)g_ptr_array_index (themes, t));
          text (GTK_BOX (right), theme, "nv-slide-detail");
        }
    }
  gtk_box_append (GTK_BOX (columns), left);
  gtk_box_append (GTK_BOX (columns), right);
  gtk_box_append (self->content, columns);
}

void
nv_projection_window_show_slide (NvProjectionWindow *self)
{
  guint index = nv_workshop_deck_get_index (self->deck);
  guint n = nv_workshop_deck_get_n_slides (self->deck);
  const NvSlide *slide = nv_workshop_deck_get_slide (self->deck, index);
  const NvWorkshop *w = nv_workshop_deck_get_workshop (self->deck);
  g_autofree char *counter = g_strdup_printf ("%u / %u", index + 1, n);
  GtkWidget *child;

  gtk_label_set_text (self->counter, counter);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->content))) != NULL)
    gtk_box_remove (self->content, child);
  /* The welcome stands in the middle of the screen; the others start at the top. */
  gtk_widget_set_valign (GTK_WIDGET (self->content),
                         slide->kind == NV_SLIDE_WELCOME ? GTK_ALIGN_CENTER : GTK_ALIGN_FILL);

  switch (slide->kind)
    {
    case NV_SLIDE_WELCOME:
      add_welcome (self, w);
      break;
    case NV_SLIDE_THEME:
      {
        guint n_rounds = 0;
        guint round = nv_workshop_deck_round (self->deck, index, &n_rounds);
        g_autofree char *over = g_strdup_printf (_ ("Round %u of %u"), round, n_rounds);
        g_autofree char *statement = g_strdup_printf ("«%s»", slide->theme->statement);

        text (self->content, over, "nv-slide-overline");
        text (self->content, slide->theme->title, "nv-slide-title");
        text (self->content, statement, "nv-slide-prompt");
        for (guint i = 0; i < slide->prompts->len; i++)
          bullet (self->content, g_ptr_array_index (slide->prompts, i), "nv-slide-point");
        add_ideas (self, slide->theme->id, FALSE, 9);
        break;
      }
    case NV_SLIDE_FAKTOR:
      add_faktor (self);
      break;
    case NV_SLIDE_CLOSING:
      text (self->content, _ ("Thank you"), "nv-slide-overline");
      text (self->content, _ ("What we agreed"), "nv-slide-title");
      add_measures (self);
      text (self->content, _ ("Our ideas, most votes first"), "nv-slide-overline");
      add_ideas (self, NULL, TRUE, 5);
      break;
    case NV_SLIDE_STEP:
    default:
      text (self->content, slide->step->title, "nv-slide-title");
      if (slide->step->kind != NV_STEP_FIGURES)
        text (self->content, slide->step->body, "nv-slide-body");
      for (guint i = 0; i < slide->step->points->len; i++)
        bullet (self->content, g_ptr_array_index (slide->step->points, i), "nv-slide-point");
      if (slide->step->kind == NV_STEP_FIGURES)
        add_chart (self);
      for (guint i = 0; i < slide->prompts->len; i++)
        text (self->content, g_ptr_array_index (slide->prompts, i), "nv-slide-prompt");
      if (slide->step->kind == NV_STEP_PRIORITISE)
        add_ideas (self, NULL, TRUE, 8);
      if (slide->step->kind == NV_STEP_MEASURES)
        add_measures (self);
      break;
    }
}
