/* nv-projection-window.c — one step at a time, readable from the back row.
 *
 * Type scales with the window: body text is 48 px at 1080 px height (so at
 * least 40 px on a 1920×1080 projector), headings 1.6×. Colours are black on
 * white, or white on black when the system is dark — the highest contrast a
 * projector washes out least. What each slide shows is built in
 * nv-projection-slides.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-projection"

#include "config.h"

#include <glib/gi18n.h>

#include "nv-a11y.h"
#include "nv-error-label.h"
#include "nv-presenter-window.h"
#include "nv-projection-window-private.h"

#define BODY_PX_AT_1080 48.0

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
  int px = (int)nv_projection_window_get_body_px (self);
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

static void
update_timer (NvProjectionWindow *self)
{
  const NvSlide *slide
      = nv_workshop_deck_get_slide (self->deck, nv_workshop_deck_get_index (self->deck));
  guint elapsed = nv_workshop_deck_get_elapsed (self->deck);
  g_autofree char *clock = nv_format_clock (elapsed);
  g_autofree char *plan = slide->minutes > 0 ? nv_format_clock (slide->minutes * 60) : NULL;
  g_autofree char *label = plan != NULL ? g_strdup_printf ("%s / %s", clock, plan) : NULL;

  gtk_label_set_text (self->timer, label != NULL ? label : clock);
  if (slide->minutes > 0 && elapsed > (guint)slide->minutes * 60)
    gtk_widget_add_css_class (GTK_WIDGET (self->timer), "nv-over-time");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->timer), "nv-over-time");
}

static void
deck_changed_cb (NvWorkshopDeck *deck, NvProjectionWindow *self)
{
  nv_projection_window_show_slide (self);
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
  g_autofree char *benchmark
      = g_settings_get_string (nv_context_get_settings (context), "default-benchmark");
  NvDay today = nv_context_today (context);
  const NvWorkshop *w = nv_workshop_deck_get_workshop (self->deck);
  NvStore *store = nv_workshop_deck_get_store (self->deck);

  if (*benchmark != '\0')
    {
      const char *names[] = { benchmark, NULL };
      self->compare
          = nv_compare_new (store, w->unit_id, names, NV_DAY_NONE, NV_DAY_NONE, today, NULL);
    }
  if (self->compare == NULL)
    self->compare
        = nv_compare_new (store, w->unit_id, NULL, NV_DAY_NONE, NV_DAY_NONE, today, &error);
  if (self->compare == NULL)
    self->compare_error = g_strdup (error->message);
}

NvProjectionWindow *
nv_projection_window_new (NvWorkshopDeck *deck)
{
  NvProjectionWindow *self = g_object_new (NV_TYPE_PROJECTION_WINDOW, NULL);
  g_autofree char *title = NULL;

  self->deck = g_object_ref (deck);
  title = g_strdup_printf (_ ("%s — Projection"),
                           nv_workshop_display_title (nv_workshop_deck_get_workshop (deck)));
  gtk_window_set_title (GTK_WINDOW (self), title);
  load_compare (self);
  g_signal_connect_object (deck, "changed", G_CALLBACK (deck_changed_cb), self, 0);
  g_signal_connect_object (deck, "data-changed", G_CALLBACK (deck_changed_cb), self, 0);
  g_signal_connect_object (deck, "tick", G_CALLBACK (deck_tick_cb), self, 0);
  g_signal_connect_object (deck, "closed", G_CALLBACK (deck_closed_cb), self, 0);
  nv_projection_window_show_slide (self);
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
                                  _ ("Time on this step"), -1);
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
    return g_strdup (_ ("Slides on this screen · notes hidden, N shows them"));
  return g_strdup (_ ("Slides on the projector · notes and timer on this screen"));
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
      g_autoptr (GdkMonitor) monitor = g_list_model_get_item (choice->monitors, (guint)n);
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
  GdkDisplay *display
      = parent != NULL ? gtk_widget_get_display (GTK_WIDGET (parent)) : gdk_display_get_default ();
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
      nv_error_alert_show (parent, _ ("The presentation could not start"), error->message);
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
  dialog = nv_message_dialog_new (parent, _ ("Which Screen Is the Projector?"),
                                  _ ("The slides go full screen there. Your notes and the timer "
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
      label = g_strdup_printf (_ ("Screen %u: %s %d × %d"), i + 1, model != NULL ? model : "",
                               geometry.width, geometry.height);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), id, label);
      if (monitor != laptop)
        {
          adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), id);
          adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), id,
                                                      ADW_RESPONSE_SUGGESTED);
        }
    }
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "cancel", _ ("Cancel"));
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
