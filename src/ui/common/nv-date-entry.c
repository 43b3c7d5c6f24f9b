/* nv-date-entry.c — a date field with a calendar popover.
 *
 * The entry is the truth: typing and picking both end up as text, and
 * ::changed fires for either. The calendar opens on the day typed, or on
 * the day set with nv_date_entry_set_today() (the NvContext's clock).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-date-entry"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "nv-date-entry.h"

struct _NvDateEntry
{
  GtkWidget parent_instance;

  GtkWidget *entry;
  GtkWidget *button;
  GtkWidget *popover;
  GtkWidget *calendar;
  gboolean syncing;
  guint close_idle;
  NvDay today; /* NV_DAY_NONE: the calendar keeps the day it shows */
};

G_DEFINE_FINAL_TYPE (NvDateEntry, nv_date_entry, GTK_TYPE_WIDGET)

enum
{
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
entry_changed_cb (GtkEditable *editable, NvDateEntry *self)
{
  NvDay day = nv_date_entry_get_day (self);

  if (day != NV_DAY_NONE || nv_date_entry_is_empty (self))
    gtk_widget_remove_css_class (self->entry, "error");
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
popover_show_cb (GtkPopover *popover, NvDateEntry *self)
{
  NvDay day = nv_date_entry_get_day (self);
  g_autoptr (GDateTime) date = NULL;
  int y, m, d;

  if (day == NV_DAY_NONE)
    day = self->today;
  if (day == NV_DAY_NONE)
    return;
  nv_day_to_ymd (day, &y, &m, &d);
  date = g_date_time_new_local (y, m, d, 12, 0, 0);
  self->syncing = TRUE;
  gtk_calendar_select_day (GTK_CALENDAR (self->calendar), date);
  self->syncing = FALSE;
}

/* Arrow keys and the month buttons move the selection too, so picking only
 * updates the text; a click on a day number or Enter closes the popover. */
static void
day_selected_cb (GtkCalendar *calendar, NvDateEntry *self)
{
  g_autoptr (GDateTime) date = NULL;

  if (self->syncing)
    return;
  date = gtk_calendar_get_date (calendar);
  nv_date_entry_set_day (self, nv_day_from_ymd (g_date_time_get_year (date),
                                                g_date_time_get_month (date),
                                                g_date_time_get_day_of_month (date)));
}

static void
close_popover (NvDateEntry *self)
{
  gtk_popover_popdown (GTK_POPOVER (self->popover));
  gtk_widget_grab_focus (self->entry);
}

static gboolean
close_idle_cb (gpointer user_data)
{
  NvDateEntry *self = NV_DATE_ENTRY (user_data);

  self->close_idle = 0;
  close_popover (self);
  return G_SOURCE_REMOVE;
}

/* The calendar selects the day in its own press handler; close right after. */
static void
calendar_pressed_cb (GtkGestureClick *gesture, int n_press, double x, double y,
                     NvDateEntry *self)
{
  GtkWidget *picked = gtk_widget_pick (self->calendar, x, y, GTK_PICK_DEFAULT);

  if (picked != NULL && gtk_widget_has_css_class (picked, "day-number") && self->close_idle == 0)
    self->close_idle = g_idle_add (close_idle_cb, self);
}

static gboolean
select_idle_cb (gpointer user_data)
{
  NvDateEntry *self = NV_DATE_ENTRY (user_data);

  self->close_idle = 0;
  day_selected_cb (GTK_CALENDAR (self->calendar), self);
  close_popover (self);
  return G_SOURCE_REMOVE;
}

/* Space (and Enter) pick the day with the keyboard focus: the calendar
 * selects it first, then the popover closes with that day in the entry. */
static gboolean
calendar_key_cb (GtkEventControllerKey *controller, guint keyval, guint keycode,
                 GdkModifierType state, NvDateEntry *self)
{
  if ((keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter || keyval == GDK_KEY_space
       || keyval == GDK_KEY_KP_Space)
      && self->close_idle == 0)
    self->close_idle = g_idle_add (select_idle_cb, self);
  return FALSE;
}

/* The calendar button says which date it picks: «Choose “First day” from a
 * calendar», from the label that names the field (two date fields in one
 * form were both «Choose from a calendar»). */
static void
name_button (NvDateEntry *self)
{
  GList *labels = gtk_widget_list_mnemonic_labels (self->entry);
  g_autofree char *name = NULL;

  if (labels == NULL)
    labels = gtk_widget_list_mnemonic_labels (GTK_WIDGET (self));
  for (GList *l = labels; l != NULL && name == NULL; l = l->next)
    if (GTK_IS_LABEL (l->data) && *gtk_label_get_text (l->data) != '\0')
      name = g_strdup_printf (_("Choose “%s” from a calendar"), gtk_label_get_text (l->data));
  g_list_free (labels);
  /* In a list of rows («Start», «Deadline») the row's title names it. */
  for (GtkWidget *w = GTK_WIDGET (self); w != NULL && name == NULL; w = gtk_widget_get_parent (w))
    if (ADW_IS_PREFERENCES_ROW (w) && adw_preferences_row_get_title (ADW_PREFERENCES_ROW (w)) != NULL)
      name = g_strdup_printf (_("Choose “%s” from a calendar"),
                              adw_preferences_row_get_title (ADW_PREFERENCES_ROW (w)));
  if (name == NULL)
    return;
  gtk_widget_set_tooltip_text (self->button, name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  name, -1);
}

static gboolean
nv_date_entry_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (NV_DATE_ENTRY (widget)->entry);
}

static gboolean
nv_date_entry_mnemonic_activate (GtkWidget *widget, gboolean group_cycling)
{
  return gtk_widget_grab_focus (NV_DATE_ENTRY (widget)->entry);
}

static void
nv_date_entry_dispose (GObject *object)
{
  NvDateEntry *self = NV_DATE_ENTRY (object);
  GtkWidget *child;

  g_clear_handle_id (&self->close_idle, g_source_remove);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (nv_date_entry_parent_class)->dispose (object);
}

static void
nv_date_entry_class_init (NvDateEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nv_date_entry_dispose;
  widget_class->grab_focus = nv_date_entry_grab_focus;
  widget_class->mnemonic_activate = nv_date_entry_mnemonic_activate;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "box");
}

static void
nv_date_entry_init (NvDateEntry *self)
{
  GtkEventController *keys;
  GtkGesture *click;

  gtk_widget_add_css_class (GTK_WIDGET (self), "linked");

  self->entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (self->entry), _("DD.MM.YYYY"));
  gtk_entry_set_activates_default (GTK_ENTRY (self->entry), TRUE);
  gtk_editable_set_width_chars (GTK_EDITABLE (self->entry), 11);
  gtk_entry_set_input_purpose (GTK_ENTRY (self->entry), GTK_INPUT_PURPOSE_DIGITS);
  gtk_widget_set_hexpand (self->entry, TRUE);
  gtk_widget_set_parent (self->entry, GTK_WIDGET (self));

  self->calendar = gtk_calendar_new ();
  self->popover = gtk_popover_new ();
  gtk_popover_set_child (GTK_POPOVER (self->popover), self->calendar);
  self->button = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (self->button), "x-office-calendar-symbolic");
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (self->button), self->popover);
  gtk_widget_set_tooltip_text (self->button, _("Choose from a calendar"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Choose from a calendar"), -1);
  gtk_widget_set_parent (self->button, GTK_WIDGET (self));

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (calendar_key_cb), self);
  gtk_widget_add_controller (self->calendar, keys);
  click = gtk_gesture_click_new ();
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
  g_signal_connect (click, "pressed", G_CALLBACK (calendar_pressed_cb), self);
  gtk_widget_add_controller (self->calendar, GTK_EVENT_CONTROLLER (click));

  g_signal_connect (self, "map", G_CALLBACK (name_button), NULL);
  g_signal_connect (self->entry, "changed", G_CALLBACK (entry_changed_cb), self);
  g_signal_connect (self->popover, "show", G_CALLBACK (popover_show_cb), self);
  g_signal_connect (self->calendar, "day-selected", G_CALLBACK (day_selected_cb), self);
}

GtkWidget *
nv_date_entry_new (void)
{
  return g_object_new (NV_TYPE_DATE_ENTRY, NULL);
}

NvDay
nv_date_entry_get_day (NvDateEntry *self)
{
  g_return_val_if_fail (NV_IS_DATE_ENTRY (self), NV_DAY_NONE);
  return nv_day_parse (gtk_editable_get_text (GTK_EDITABLE (self->entry)));
}

void
nv_date_entry_set_day (NvDateEntry *self, NvDay day)
{
  g_autofree char *text = NULL;

  g_return_if_fail (NV_IS_DATE_ENTRY (self));
  text = day != NV_DAY_NONE ? nv_day_format_local (day) : g_strdup ("");
  gtk_editable_set_text (GTK_EDITABLE (self->entry), text);
  gtk_editable_set_position (GTK_EDITABLE (self->entry), -1);
}

gboolean
nv_date_entry_is_empty (NvDateEntry *self)
{
  const char *text;

  g_return_val_if_fail (NV_IS_DATE_ENTRY (self), TRUE);
  text = gtk_editable_get_text (GTK_EDITABLE (self->entry));
  while (g_ascii_isspace (*text))
    text++;
  return *text == '\0';
}

void
nv_date_entry_set_today (NvDateEntry *self, NvDay today)
{
  g_return_if_fail (NV_IS_DATE_ENTRY (self));

  self->today = today;
}

GtkEditable *
nv_date_entry_get_editable (NvDateEntry *self)
{
  g_return_val_if_fail (NV_IS_DATE_ENTRY (self), NULL);
  return GTK_EDITABLE (self->entry);
}
