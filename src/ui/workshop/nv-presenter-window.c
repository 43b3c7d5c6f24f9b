/* nv-presenter-window.c — the laptop's side of projection mode.
 *
 * Left: the step on the screen now, its timer, what the facilitator should
 * keep in mind and the notes from the checklist. Right: the next step and
 * the idea field; ideas typed here are stored at once and appear on the
 * projector (tagged with the theme of the round on screen).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-presenter"

#include "config.h"

#include <glib/gi18n.h>

#include "nv-error-label.h"
#include "nv-presenter-window.h"
#include "nv-projection-window.h"

struct _NvPresenterWindow
{
  AdwWindow parent_instance;

  NvWorkshopDeck *deck;
  GtkLabel *now_title;
  GtkLabel *timer;
  GtkLabel *presenter_note;
  GtkLabel *on_screen;
  GtkLabel *step_note;
  GtkLabel *next_title;
  GtkLabel *counter;
  GtkEntry *idea_entry;
  GtkListBox *ideas;
  GtkButton *prev_button;
  GtkButton *next_button;
  GtkWidget *back_button;
};

G_DEFINE_FINAL_TYPE (NvPresenterWindow, nv_presenter_window, ADW_TYPE_WINDOW)

static const char *
current_theme (NvPresenterWindow *self)
{
  const NvSlide *slide = nv_workshop_deck_get_slide (self->deck,
                                                     nv_workshop_deck_get_index (self->deck));
  return slide->kind == NV_SLIDE_THEME ? slide->theme->id : NULL;
}

static void
fill_ideas (NvPresenterWindow *self)
{
  const NvWorkshop *w = nv_workshop_deck_get_workshop (self->deck);
  g_autoptr (GPtrArray) ideas = nv_workshop_ideas (nv_workshop_deck_get_store (self->deck), w->id,
                                                   TRUE, NULL);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->ideas))) != NULL)
    gtk_list_box_remove (self->ideas, child);
  if (ideas == NULL)
    return;
  for (guint i = 0; i < ideas->len; i++)
    {
      NvWorkshopIdea *idea = g_ptr_array_index (ideas, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *votes = g_strdup_printf (
        g_dngettext (GETTEXT_PACKAGE, "%d vote", "%d votes", idea->votes), idea->votes);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), idea->text);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), votes);
      gtk_list_box_append (self->ideas, row);
    }
}

static char *
step_note (NvPresenterWindow *self, const NvSlide *slide)
{
  const NvWorkshop *w = nv_workshop_deck_get_workshop (self->deck);
  g_autoptr (GPtrArray) steps = NULL;

  if (slide->step == NULL)
    return NULL;
  steps = nv_workshop_steps (nv_workshop_deck_get_store (self->deck), w->id, NULL);
  for (guint i = 0; steps != NULL && i < steps->len; i++)
    {
      NvWorkshopStep *s = g_ptr_array_index (steps, i);
      if (s->step == slide->step && *s->note != '\0')
        return g_strdup (s->note);
    }
  return NULL;
}

static void
update_timer (NvPresenterWindow *self)
{
  const NvSlide *slide = nv_workshop_deck_get_slide (self->deck,
                                                     nv_workshop_deck_get_index (self->deck));
  g_autofree char *clock = nv_format_clock (nv_workshop_deck_get_elapsed (self->deck));
  g_autofree char *plan = slide->minutes > 0 ? nv_format_clock (slide->minutes * 60) : NULL;
  /* Translators: the presenter's timer: time spent / time planned */
  g_autofree char *label = plan != NULL ? g_strdup_printf (_("%s of %s"), clock, plan) : NULL;

  gtk_label_set_text (self->timer, label != NULL ? label : clock);
}

static void
update (NvPresenterWindow *self)
{
  guint index = nv_workshop_deck_get_index (self->deck);
  guint n = nv_workshop_deck_get_n_slides (self->deck);
  const NvSlide *slide = nv_workshop_deck_get_slide (self->deck, index);
  g_autofree char *note = step_note (self, slide);
  g_autofree char *counter = g_strdup_printf (_("Step %u of %u"), index + 1, n);
  const char *hint = slide->step != NULL ? slide->step->presenter : NULL;

  gtk_label_set_text (self->now_title, nv_workshop_deck_slide_title (self->deck, index));
  gtk_label_set_text (self->counter, counter);
  gtk_label_set_text (self->presenter_note,
                      hint != NULL ? hint
                      : slide->kind == NV_SLIDE_WELCOME
                        ? _("Welcome everyone and say how long the session takes.")
                      : slide->kind == NV_SLIDE_CLOSING
                        ? _("Read the measures aloud and thank everyone for taking part.")
                      : slide->kind == NV_SLIDE_FAKTOR
                        ? _("What the staff survey says about the unit: start with what is "
                            "strong, then the two lowest factors and the themes they point to.")
                        : "");
  gtk_label_set_text (self->step_note, note != NULL ? note : _("No notes for this step."));
  {
    /* What the room reads now: the statement of a round and the questions. */
    g_autoptr (GString) screen = g_string_new (NULL);
    if (slide->kind == NV_SLIDE_THEME)
      g_string_append_printf (screen, "«%s»", slide->theme->statement);
    for (guint i = 0; i < slide->prompts->len; i++)
      g_string_append_printf (screen, "%s• %s", screen->len > 0 ? "\n" : "",
                              (const char *) g_ptr_array_index (slide->prompts, i));
    gtk_label_set_text (self->on_screen, screen->len > 0 ? screen->str : "–");
  }
  gtk_label_set_text (self->next_title, index + 1 < n
                                          ? nv_workshop_deck_slide_title (self->deck, index + 1)
                                          : _("The end of the presentation"));
  gtk_widget_set_sensitive (GTK_WIDGET (self->prev_button), index > 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->next_button), index + 1 < n);
  update_timer (self);
  fill_ideas (self);
}

static void
add_idea (NvPresenterWindow *self)
{
  g_autoptr (GError) error = NULL;
  const NvWorkshop *w = nv_workshop_deck_get_workshop (self->deck);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->idea_entry));
  g_autofree char *trimmed = g_strstrip (g_strdup (text));

  if (*trimmed == '\0')
    return;
  if (nv_workshop_add_idea (nv_workshop_deck_get_store (self->deck), w->id, trimmed,
                            current_theme (self), &error) == 0)
    {
      nv_error_alert_show (GTK_WINDOW (self), _("The idea was not saved"), error->message);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->idea_entry), "");
}

static void
idea_activate_cb (GtkEntry *entry, NvPresenterWindow *self)
{
  add_idea (self);
}

static void
idea_clicked_cb (GtkButton *button, NvPresenterWindow *self)
{
  add_idea (self);
}

static void
prev_clicked_cb (GtkButton *button, NvPresenterWindow *self)
{
  nv_workshop_deck_previous (self->deck);
}

static void
next_clicked_cb (GtkButton *button, NvPresenterWindow *self)
{
  nv_workshop_deck_next (self->deck);
}

static void
end_clicked_cb (GtkButton *button, NvPresenterWindow *self)
{
  nv_workshop_deck_close (self->deck);
}

/* Keys reach the deck unless the idea field uses them (it takes Space and
 * the arrows while it has focus). */
static gboolean
key_pressed_cb (GtkEventControllerKey *controller, guint keyval, guint keycode,
                GdkModifierType state, NvPresenterWindow *self)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  if (focus != NULL &&
      (focus == GTK_WIDGET (self->idea_entry) ||
       gtk_widget_is_ancestor (focus, GTK_WIDGET (self->idea_entry))) &&
      keyval != GDK_KEY_Escape && keyval != GDK_KEY_Page_Up && keyval != GDK_KEY_Page_Down)
    return FALSE;
  return nv_projection_handle_key (self->deck, keyval);
}

static void
deck_closed_cb (NvWorkshopDeck *deck, NvPresenterWindow *self)
{
  gtk_window_destroy (GTK_WINDOW (self));
}

static gboolean
close_request_cb (GtkWindow *window, NvPresenterWindow *self)
{
  /* On a single screen the notes are only hidden; the slides go on. */
  if (gtk_window_get_hide_on_close (window))
    return FALSE;
  nv_workshop_deck_close (self->deck);
  return FALSE;
}

static void
back_clicked_cb (GtkButton *button, NvPresenterWindow *self)
{
  nv_projection_toggle_notes ();
}

void
nv_presenter_window_set_single_screen (NvPresenterWindow *self, gboolean single)
{
  gtk_window_set_hide_on_close (GTK_WINDOW (self), single);
  gtk_widget_set_visible (self->back_button, single);
}

static GtkWidget *
caption (const char *str)
{
  GtkWidget *label = gtk_label_new (str);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_margin_top (label, 12);
  gtk_widget_add_css_class (label, "caption-heading");
  gtk_widget_add_css_class (label, "dim-label");
  return label;
}

static GtkLabel *
wrapped (GtkBox *box, const char *css)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), FALSE);
  if (css != NULL)
    gtk_widget_add_css_class (label, css);
  gtk_box_append (box, label);
  return GTK_LABEL (label);
}

NvPresenterWindow *
nv_presenter_window_new (NvWorkshopDeck *deck, GtkWindow *parent)
{
  NvPresenterWindow *self = g_object_new (NV_TYPE_PRESENTER_WINDOW, NULL);
  g_autofree char *title = g_strdup_printf (
    _("Presenter View — %s"), nv_workshop_display_title (nv_workshop_deck_get_workshop (deck)));

  self->deck = g_object_ref (deck);
  gtk_window_set_title (GTK_WINDOW (self), title);
  if (parent != NULL)
    gtk_window_set_transient_for (GTK_WINDOW (self), parent);
  g_signal_connect_object (deck, "changed", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (deck, "data-changed", G_CALLBACK (fill_ideas), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (deck, "tick", G_CALLBACK (update_timer), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (deck, "closed", G_CALLBACK (deck_closed_cb), self, 0);
  update (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->idea_entry));
  return self;
}

GtkEditable *
nv_presenter_window_get_idea_entry (NvPresenterWindow *self)
{
  return GTK_EDITABLE (self->idea_entry);
}

static void
nv_presenter_window_dispose (GObject *object)
{
  NvPresenterWindow *self = NV_PRESENTER_WINDOW (object);

  g_clear_object (&self->deck);
  G_OBJECT_CLASS (nv_presenter_window_parent_class)->dispose (object);
}

static void
nv_presenter_window_class_init (NvPresenterWindowClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = nv_presenter_window_dispose;
}

static void
nv_presenter_window_init (NvPresenterWindow *self)
{
  GtkWidget *outer = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *end = gtk_button_new_with_label (_("End Presentation"));
  GtkWidget *panes = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 24);
  GtkWidget *left = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *right = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *nav = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *idea_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *add = gtk_button_new_with_label (_("Show Idea"));
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();

  gtk_window_set_default_size (GTK_WINDOW (self), 980, 640);

  /* Single screen only: the way back to the slides (the N key does the same). */
  self->back_button = gtk_button_new_with_mnemonic (_("Back to the _Slides"));
  gtk_widget_set_tooltip_text (self->back_button, _("Hide your notes and show the slides (N)"));
  gtk_widget_set_visible (self->back_button, FALSE);
  g_signal_connect (self->back_button, "clicked", G_CALLBACK (back_clicked_cb), self);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), self->back_button);

  gtk_widget_add_css_class (end, "destructive-action");
  g_signal_connect (end, "clicked", G_CALLBACK (end_clicked_cb), self);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), end);
  gtk_box_append (GTK_BOX (outer), header);

  gtk_widget_set_margin_top (panes, 18);
  gtk_widget_set_margin_bottom (panes, 18);
  gtk_widget_set_margin_start (panes, 24);
  gtk_widget_set_margin_end (panes, 24);
  gtk_widget_set_vexpand (panes, TRUE);
  gtk_widget_set_hexpand (left, TRUE);
  gtk_widget_set_size_request (right, 360, -1);

  /* Now */
  self->counter = GTK_LABEL (caption (NULL));
  gtk_box_append (GTK_BOX (left), GTK_WIDGET (self->counter));
  self->now_title = wrapped (GTK_BOX (left), "title-1");
  self->timer = wrapped (GTK_BOX (left), "title-2");
  gtk_widget_add_css_class (GTK_WIDGET (self->timer), "numeric");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->timer), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Time on this step"), -1);
  gtk_box_append (GTK_BOX (left), caption (_("On the screen")));
  self->on_screen = wrapped (GTK_BOX (left), NULL);
  gtk_box_append (GTK_BOX (left), caption (_("Keep in mind")));
  self->presenter_note = wrapped (GTK_BOX (left), "title-4");
  gtk_box_append (GTK_BOX (left), caption (_("Your notes")));
  self->step_note = wrapped (GTK_BOX (left), NULL);

  self->prev_button = GTK_BUTTON (gtk_button_new_with_label (_("Previous")));
  self->next_button = GTK_BUTTON (gtk_button_new_with_label (_("Next")));
  gtk_widget_add_css_class (GTK_WIDGET (self->next_button), "suggested-action");
  gtk_widget_add_css_class (GTK_WIDGET (self->prev_button), "pill");
  gtk_widget_add_css_class (GTK_WIDGET (self->next_button), "pill");
  g_signal_connect (self->prev_button, "clicked", G_CALLBACK (prev_clicked_cb), self);
  g_signal_connect (self->next_button, "clicked", G_CALLBACK (next_clicked_cb), self);
  gtk_widget_set_margin_top (nav, 18);
  gtk_widget_set_valign (nav, GTK_ALIGN_END);
  gtk_widget_set_vexpand (nav, TRUE);
  gtk_box_append (GTK_BOX (nav), GTK_WIDGET (self->prev_button));
  gtk_box_append (GTK_BOX (nav), GTK_WIDGET (self->next_button));
  gtk_box_append (GTK_BOX (left), nav);

  /* Next and ideas */
  gtk_box_append (GTK_BOX (right), caption (_("Next")));
  self->next_title = wrapped (GTK_BOX (right), "title-3");
  gtk_box_append (GTK_BOX (right), caption (_("Ideas from the room")));
  self->idea_entry = GTK_ENTRY (gtk_entry_new ());
  gtk_entry_set_placeholder_text (self->idea_entry, _("Type an idea and press Enter"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->idea_entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("New idea"), -1);
  gtk_widget_set_hexpand (GTK_WIDGET (self->idea_entry), TRUE);
  g_signal_connect (self->idea_entry, "activate", G_CALLBACK (idea_activate_cb), self);
  g_signal_connect (add, "clicked", G_CALLBACK (idea_clicked_cb), self);
  gtk_box_append (GTK_BOX (idea_box), GTK_WIDGET (self->idea_entry));
  gtk_box_append (GTK_BOX (idea_box), add);
  gtk_box_append (GTK_BOX (right), idea_box);
  self->ideas = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->ideas, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->ideas), "boxed-list");
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->ideas));
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_box_append (GTK_BOX (right), scroller);

  gtk_box_append (GTK_BOX (panes), left);
  gtk_box_append (GTK_BOX (panes), right);
  gtk_box_append (GTK_BOX (outer), panes);
  adw_window_set_content (ADW_WINDOW (self), outer);

  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
  g_signal_connect (self, "close-request", G_CALLBACK (close_request_cb), self);
}
