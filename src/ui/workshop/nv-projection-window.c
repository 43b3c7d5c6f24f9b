/* nv-projection-window.c — one step at a time, readable from the back row.
 *
 * Type scales with the window: body text is 48 px at 1080 px height (so at
 * least 40 px on a 1920×1080 projector), headings 1.6×. Colours are black on
 * white, or white on black when the system is dark — the highest contrast a
 * projector washes out least. Figures on the chart slide are always masked
 * below five persons: this screen is seen by the whole room.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-projection"

#include "config.h"

#include <glib/gi18n.h>

#include "nv-error-label.h"
#include "nv-calendar.h"
#include "nv-chart.h"
#include "nv-chart-view.h"
#include "nv-compare.h"
#include "nv-faktor-chart.h"
#include "nv-measure.h"
#include "nv-presenter-window.h"
#include "nv-projection-window.h"
#include "nv-a11y.h"

#define BODY_PX_AT_1080 48.0

struct _NvProjectionWindow
{
  GtkWindow parent_instance;

  NvWorkshopDeck *deck;
  NvCompare *compare; /* NULL when the unit has no figures */
  char *compare_error;
  GtkCssProvider *provider;
  int sized_for;
  guint tick_cb_id;

  GtkLabel *counter;
  GtkLabel *timer;
  GtkBox *content;
};

G_DEFINE_FINAL_TYPE (NvProjectionWindow, nv_projection_window, GTK_TYPE_WINDOW)

static GtkWindow *running_projection;
static GtkWindow *running_presenter;
static gboolean single_screen;

/* ---- Keys ------------------------------------------------------------------- */

gboolean
nv_projection_handle_key (NvWorkshopDeck *deck, guint keyval)
{
  switch (keyval)
    {
    case GDK_KEY_Right:
    case GDK_KEY_Page_Down:
    case GDK_KEY_space:
    case GDK_KEY_KP_Page_Down:
      nv_workshop_deck_next (deck);
      return TRUE;
    case GDK_KEY_Left:
    case GDK_KEY_Page_Up:
    case GDK_KEY_BackSpace:
    case GDK_KEY_KP_Page_Up:
      nv_workshop_deck_previous (deck);
      return TRUE;
    case GDK_KEY_Home:
      nv_workshop_deck_set_index (deck, 0);
      return TRUE;
    case GDK_KEY_End:
      nv_workshop_deck_set_index (deck, nv_workshop_deck_get_n_slides (deck) - 1);
      return TRUE;
    case GDK_KEY_Escape:
      nv_workshop_deck_close (deck);
      return TRUE;
    case GDK_KEY_n:
    case GDK_KEY_N:
      return nv_projection_toggle_notes ();
    default:
      return FALSE;
    }
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller, guint keyval, guint keycode,
                GdkModifierType state, NvProjectionWindow *self)
{
  return nv_projection_handle_key (self->deck, keyval);
}

/* ---- Type size -------------------------------------------------------------- */

double
nv_projection_body_px_for (int width, int height)
{
  /* Narrow windows: the width decides, so lines stay long enough to read. */
  height = MIN (height, width * 9 / 16);
  return MAX (16.0, height * BODY_PX_AT_1080 / 1080.0);
}

double
nv_projection_window_get_body_px (NvProjectionWindow *self)
{
  return nv_projection_body_px_for (gtk_widget_get_width (GTK_WIDGET (self)),
                                    gtk_widget_get_height (GTK_WIDGET (self)));
}

static gboolean
size_tick_cb (GtkWidget *widget, GdkFrameClock *clock, gpointer user_data)
{
  NvProjectionWindow *self = NV_PROJECTION_WINDOW (widget);
  int px = (int) nv_projection_window_get_body_px (self);
  g_autofree char *css = NULL;

  if (px != self->sized_for && gtk_widget_get_height (widget) > 0)
    {
      self->sized_for = px;
      css = g_strdup_printf ("window.nv-projection { font-size: %dpx; }", px);
      G_GNUC_BEGIN_IGNORE_DEPRECATIONS
      gtk_css_provider_load_from_data (self->provider, css, -1);
      G_GNUC_END_IGNORE_DEPRECATIONS
    }
  return G_SOURCE_CONTINUE;
}

static void
dark_changed_cb (AdwStyleManager *manager, GParamSpec *pspec, NvProjectionWindow *self)
{
  if (adw_style_manager_get_dark (manager))
    gtk_widget_add_css_class (GTK_WIDGET (self), "nv-dark");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "nv-dark");
}

/* ---- Slide content ------------------------------------------------------------ */

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
                                        : _("There are no figures for the unit yet."),
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

  text (self->content, _("The staff survey"), "nv-slide-overline");
  text (self->content, _("10-FAKTOR profile"), "nv-slide-title");
  if (bars == NULL)
    {
      text (self->content, _("The unit has no survey round with at least 3 respondents."),
            "nv-slide-meta");
      return;
    }
  nv_hbars_set_title (bars, NULL);
  text (self->content, subtitle, "nv-slide-meta");
  area = gtk_drawing_area_new ();
  gtk_widget_set_vexpand (area, TRUE);
  gtk_widget_set_hexpand (area, TRUE);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), faktor_draw_cb, bars,
                                  (GDestroyNotify) nv_hbars_free);
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
        detail = g_strdup_printf (_("%s, by %s"), m->owner, when);
      else if (*m->owner != '\0')
        detail = g_strdup (m->owner);
      else if (when != NULL)
        detail = g_strdup_printf (_("by %s"), when);
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
  g_autofree char *line = g_strdup_printf ("%s  ·  %s", nv_workshop_deck_get_unit_name (self->deck),
                                           date);
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
  text (GTK_BOX (left), _("Welcome"), "nv-slide-overline");
  text (GTK_BOX (left), nv_workshop_display_title (w), "nv-slide-title");
  text (GTK_BOX (left), line, "nv-slide-body");
  text (GTK_BOX (left),
        _("Together we look at what keeps us at work, and agree on what we will do to bring "
          "sick leave down."),
        "nv-slide-prompt");

  for (guint i = 1; i < n; i++)
    {
      const NvSlide *s = nv_workshop_deck_get_slide (self->deck, i);

      if (s->kind == NV_SLIDE_CLOSING)
        continue;
      if (s->kind == NV_SLIDE_THEME)
        {
          g_ptr_array_add (themes, (gpointer) s->theme->title);
          if (themes_at < 0)
            {
              themes_at = (int) agenda->len;
              g_ptr_array_add (agenda, NULL);
            }
          continue;
        }
      g_ptr_array_add (agenda, g_strdup (nv_workshop_deck_slide_title (self->deck, i)));
    }
  if (themes_at >= 0)
    /* TRANSLATORS: an agenda item; the themes follow below it */
    g_ptr_array_index (agenda, themes_at) = g_strdup (_("Talk in rounds about"));

  /* TRANSLATORS: heading of the agenda on the first slide */
  text (GTK_BOX (right), _("Today"), "nv-slide-overline");
  for (guint i = 0; i < agenda->len && i < 8; i++)
    {
      g_autofree char *entry = g_strdup_printf ("%u.  %s", ++item,
                                                (char *) g_ptr_array_index (agenda, i));
      text (GTK_BOX (right), entry, "nv-slide-point");
      /* The themes under their item (at most six fit beside the rest). */
      for (guint t = 0; (int) i == themes_at && t < themes->len && t < 6; t++)
        {
          g_autofree char *theme = g_strdup_printf ("–  %s", (char *) g_ptr_array_index (themes, t));
          text (GTK_BOX (right), theme, "nv-slide-detail");
        }
    }
  gtk_box_append (GTK_BOX (columns), left);
  gtk_box_append (GTK_BOX (columns), right);
  gtk_box_append (self->content, columns);
}

static void
rebuild (NvProjectionWindow *self)
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
        g_autofree char *over = g_strdup_printf (_("Round %u of %u"), round, n_rounds);
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
      text (self->content, _("Thank you"), "nv-slide-overline");
      text (self->content, _("What we agreed"), "nv-slide-title");
      add_measures (self);
      text (self->content, _("Our ideas, most votes first"), "nv-slide-overline");
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

static void
update_timer (NvProjectionWindow *self)
{
  const NvSlide *slide = nv_workshop_deck_get_slide (self->deck,
                                                     nv_workshop_deck_get_index (self->deck));
  guint elapsed = nv_workshop_deck_get_elapsed (self->deck);
  g_autofree char *clock = nv_format_clock (elapsed);
  g_autofree char *plan = slide->minutes > 0 ? nv_format_clock (slide->minutes * 60) : NULL;
  g_autofree char *label = plan != NULL ? g_strdup_printf ("%s / %s", clock, plan) : NULL;

  gtk_label_set_text (self->timer, label != NULL ? label : clock);
  if (slide->minutes > 0 && elapsed > (guint) slide->minutes * 60)
    gtk_widget_add_css_class (GTK_WIDGET (self->timer), "nv-over-time");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->timer), "nv-over-time");
}

static void
deck_changed_cb (NvWorkshopDeck *deck, NvProjectionWindow *self)
{
  rebuild (self);
  update_timer (self);
}

static void
deck_tick_cb (NvWorkshopDeck *deck, NvProjectionWindow *self)
{
  update_timer (self);
}

static void
deck_closed_cb (NvWorkshopDeck *deck, NvProjectionWindow *self)
{
  gtk_window_destroy (GTK_WINDOW (self));
}

/* ---- Window ------------------------------------------------------------------- */

static void
load_compare (NvProjectionWindow *self)
{
  g_autoptr (GError) error = NULL;
  NvContext *context = nv_workshop_deck_get_context (self->deck);
  g_autofree char *benchmark =
    g_settings_get_string (nv_context_get_settings (context), "default-benchmark");
  NvDay today = nv_context_today (context);
  const NvWorkshop *w = nv_workshop_deck_get_workshop (self->deck);
  NvStore *store = nv_workshop_deck_get_store (self->deck);

  if (*benchmark != '\0')
    {
      const char *names[] = { benchmark, NULL };
      self->compare =
        nv_compare_new (store, w->unit_id, names, NV_DAY_NONE, NV_DAY_NONE, today, NULL);
    }
  if (self->compare == NULL)
    self->compare =
      nv_compare_new (store, w->unit_id, NULL, NV_DAY_NONE, NV_DAY_NONE, today, &error);
  if (self->compare == NULL)
    self->compare_error = g_strdup (error->message);
}

NvProjectionWindow *
nv_projection_window_new (NvWorkshopDeck *deck)
{
  NvProjectionWindow *self = g_object_new (NV_TYPE_PROJECTION_WINDOW, NULL);
  g_autofree char *title = NULL;

  self->deck = g_object_ref (deck);
  title = g_strdup_printf (_("%s — Projection"),
                           nv_workshop_display_title (nv_workshop_deck_get_workshop (deck)));
  gtk_window_set_title (GTK_WINDOW (self), title);
  load_compare (self);
  g_signal_connect_object (deck, "changed", G_CALLBACK (deck_changed_cb), self, 0);
  g_signal_connect_object (deck, "data-changed", G_CALLBACK (deck_changed_cb), self, 0);
  g_signal_connect_object (deck, "tick", G_CALLBACK (deck_tick_cb), self, 0);
  g_signal_connect_object (deck, "closed", G_CALLBACK (deck_closed_cb), self, 0);
  rebuild (self);
  update_timer (self);
  return self;
}

static void
nv_projection_window_dispose (GObject *object)
{
  NvProjectionWindow *self = NV_PROJECTION_WINDOW (object);

  if (self->tick_cb_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->tick_cb_id);
      self->tick_cb_id = 0;
    }
  if (self->provider != NULL)
    {
      gtk_style_context_remove_provider_for_display (gtk_widget_get_display (GTK_WIDGET (self)),
                                                     GTK_STYLE_PROVIDER (self->provider));
      g_clear_object (&self->provider);
    }
  if (running_projection == GTK_WINDOW (self))
    running_projection = NULL;
  if (self->deck != NULL)
    nv_workshop_deck_close (self->deck);
  g_clear_object (&self->deck);
  g_clear_pointer (&self->compare, nv_compare_free);
  g_clear_pointer (&self->compare_error, g_free);
  G_OBJECT_CLASS (nv_projection_window_parent_class)->dispose (object);
}

static void
nv_projection_window_class_init (NvProjectionWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = nv_projection_window_dispose;
}

static void
nv_projection_window_init (NvProjectionWindow *self)
{
  GtkWidget *outer = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 24);
  GtkWidget *spacer = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *scroller;
  GtkEventController *keys = gtk_event_controller_key_new ();
  AdwStyleManager *manager = adw_style_manager_get_default ();
  static GtkCssProvider *fixed = NULL;

  gtk_widget_add_css_class (GTK_WIDGET (self), "nv-projection");
  gtk_window_set_default_size (GTK_WINDOW (self), 1280, 720);

  /* The colours and relative sizes; the base size follows the window. */
  if (fixed == NULL)
    {
      fixed = gtk_css_provider_new ();
      gtk_css_provider_load_from_resource (fixed, "/io/github/naervaer/Naervaer/nv-projection.css");
      gtk_style_context_add_provider_for_display (gtk_widget_get_display (GTK_WIDGET (self)),
                                                  GTK_STYLE_PROVIDER (fixed),
                                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
    }
  self->provider = gtk_css_provider_new ();
  gtk_style_context_add_provider_for_display (gtk_widget_get_display (GTK_WIDGET (self)),
                                              GTK_STYLE_PROVIDER (self->provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION + 1);
  self->tick_cb_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), size_tick_cb, NULL, NULL);

  gtk_widget_add_css_class (bar, "nv-slide-bar");
  self->counter = GTK_LABEL (gtk_label_new (NULL));
  self->timer = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->counter), "nv-slide-meta");
  gtk_widget_add_css_class (GTK_WIDGET (self->timer), "nv-slide-meta");
  gtk_widget_add_css_class (GTK_WIDGET (self->timer), "nv-timer");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->timer), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Time on this step"), -1);
  gtk_widget_set_hexpand (spacer, TRUE);
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->counter));
  gtk_box_append (GTK_BOX (bar), spacer);
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->timer));

  self->content = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 0));
  gtk_widget_add_css_class (GTK_WIDGET (self->content), "nv-slide");
  gtk_widget_set_vexpand (GTK_WIDGET (self->content), TRUE);
  /* A slide never makes the window grow past the screen: whatever does not
   * fit is cut off at the bottom (the lists are capped to fit at 16:9). */
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_EXTERNAL);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->content));
  gtk_widget_set_vexpand (scroller, TRUE);

  gtk_box_append (GTK_BOX (outer), bar);
  gtk_box_append (GTK_BOX (outer), scroller);
  gtk_window_set_child (GTK_WINDOW (self), outer);

  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);

  g_signal_connect_object (manager, "notify::dark", G_CALLBACK (dark_changed_cb), self, 0);
  dark_changed_cb (manager, NULL, self);
}

/* ---- Starting ----------------------------------------------------------------- */

GtkWindow *
nv_projection_get_projection (void)
{
  return running_projection;
}

GtkWindow *
nv_projection_get_presenter (void)
{
  return running_presenter;
}

static void
presenter_destroyed_cb (GtkWidget *widget, gpointer user_data)
{
  if (running_presenter == GTK_WINDOW (widget))
    running_presenter = NULL;
}

gboolean
nv_projection_toggle_notes (void)
{
  if (running_presenter == NULL)
    return FALSE;
  if (!single_screen)
    {
      gtk_window_present (running_presenter);
      return TRUE;
    }
  /* One screen: the notes and the slides take turns, never both. */
  if (gtk_widget_get_visible (GTK_WIDGET (running_presenter)))
    {
      gtk_widget_set_visible (GTK_WIDGET (running_presenter), FALSE);
      if (running_projection != NULL)
        gtk_window_present (running_projection);
    }
  else
    gtk_window_present (running_presenter);
  return TRUE;
}

gboolean
nv_projection_is_single_screen (void)
{
  return single_screen;
}

char *
nv_projection_screens_hint (GdkDisplay *display)
{
  guint n = g_list_model_get_n_items (gdk_display_get_monitors (display));

  if (n <= 1)
    return g_strdup (_("Slides on this screen · notes hidden, N shows them"));
  return g_strdup (_("Slides on the projector · notes and timer on this screen"));
}

/* @notes_on is the screen for the presenter view; NULL when there is only
 * one screen: then the slides show alone and the notes wait for the N key,
 * so the room never sees them over the slides. */
static void
open_on (NvWorkshopDeck *deck, GtkWindow *parent, GdkMonitor *slides_on, GdkMonitor *notes_on)
{
  NvProjectionWindow *projection = nv_projection_window_new (deck);
  NvPresenterWindow *presenter = nv_presenter_window_new (deck, parent);

  single_screen = notes_on == NULL;
  running_projection = GTK_WINDOW (projection);
  running_presenter = GTK_WINDOW (presenter);
  g_signal_connect (presenter, "destroy", G_CALLBACK (presenter_destroyed_cb), NULL);
  /* The deck closes both; the presenter must not outlive the slides. */
  g_signal_connect_object (projection, "destroy", G_CALLBACK (gtk_window_destroy), presenter,
                           G_CONNECT_SWAPPED);
  nv_presenter_window_set_single_screen (presenter, single_screen);
  if (slides_on != NULL)
    gtk_window_fullscreen_on_monitor (GTK_WINDOW (projection), slides_on);
  else
    gtk_window_fullscreen (GTK_WINDOW (projection));
  gtk_window_present (GTK_WINDOW (projection));
  if (notes_on != NULL)
    {
      /* Full screen on the other screen: the window manager cannot stack it
       * over the slides by mistake. */
      gtk_window_fullscreen_on_monitor (GTK_WINDOW (presenter), notes_on);
      gtk_window_present (GTK_WINDOW (presenter));
    }
}

typedef struct
{
  NvWorkshopDeck *deck;
  GtkWindow *parent;
  GListModel *monitors;
} Choice;

static void
choice_response_cb (AdwMessageDialog *dialog, const char *response, Choice *choice)
{
  guint64 n = 0;

  if (g_ascii_string_to_unsigned (response, 10, 0, G_MAXUINT, &n, NULL))
    {
      g_autoptr (GdkMonitor) monitor = g_list_model_get_item (choice->monitors, (guint) n);
      g_autoptr (GdkMonitor) notes = NULL;

      /* The notes go to the first other screen. */
      for (guint i = 0; notes == NULL && i < g_list_model_get_n_items (choice->monitors); i++)
        if (i != n)
          notes = g_list_model_get_item (choice->monitors, i);
      open_on (choice->deck, choice->parent, monitor, notes);
    }
  g_object_unref (choice->deck);
  g_clear_object (&choice->parent);
  g_object_unref (choice->monitors);
  g_free (choice);
}

void
nv_projection_start (GtkWindow *parent, NvContext *context, gint64 workshop_id)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (NvWorkshopDeck) deck = NULL;
  GdkDisplay *display = parent != NULL ? gtk_widget_get_display (GTK_WIDGET (parent))
                                       : gdk_display_get_default ();
  GListModel *monitors = gdk_display_get_monitors (display);
  guint n = g_list_model_get_n_items (monitors);
  GdkMonitor *laptop = NULL;
  GtkWidget *dialog;
  Choice *choice;

  if (running_projection != NULL)
    {
      gtk_window_present (running_projection);
      return;
    }
  deck = nv_workshop_deck_new (context, workshop_id, &error);
  if (deck == NULL)
    {
      nv_error_alert_show (parent, _("The presentation could not start"), error->message);
      return;
    }
  if (n <= 1)
    {
      g_autoptr (GdkMonitor) only = n == 1 ? g_list_model_get_item (monitors, 0) : NULL;
      open_on (deck, parent, only, NULL);
      return;
    }

  if (parent != NULL && gtk_native_get_surface (GTK_NATIVE (parent)) != NULL)
    laptop = gdk_display_get_monitor_at_surface (display,
                                                 gtk_native_get_surface (GTK_NATIVE (parent)));
  dialog = nv_message_dialog_new (parent, _("Which Screen Is the Projector?"),
                                   _("The slides go full screen there. Your notes and the timer "
                                     "go full screen on the other screen, never over the "
                                     "slides."));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (GdkMonitor) monitor = g_list_model_get_item (monitors, i);
      g_autofree char *id = g_strdup_printf ("%u", i);
      g_autofree char *label = NULL;
      GdkRectangle geometry;
      const char *model = gdk_monitor_get_model (monitor);

      gdk_monitor_get_geometry (monitor, &geometry);
      /* Translators: a screen to choose, e.g. "Screen 2: EPSON 1920 × 1080" */
      label = g_strdup_printf (_("Screen %u: %s %d × %d"), i + 1, model != NULL ? model : "",
                               geometry.width, geometry.height);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), id, label);
      if (monitor != laptop)
        {
          adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), id);
          adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), id,
                                                      ADW_RESPONSE_SUGGESTED);
        }
    }
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "cancel", _("Cancel"));
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "cancel",
                                              ADW_RESPONSE_DEFAULT);
  choice = g_new0 (Choice, 1);
  choice->deck = g_steal_pointer (&deck);
  choice->parent = parent != NULL ? g_object_ref (parent) : NULL;
  choice->monitors = g_object_ref (monitors);
  g_signal_connect (dialog, "response", G_CALLBACK (choice_response_cb), choice);
  gtk_window_present (GTK_WINDOW (dialog));
}
