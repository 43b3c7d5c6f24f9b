/* nv-workshop-view-run.c — the Run tab: ideas from the room, votes, and the
 * measures agreed (what, who, by when), which go into the measures register.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-workshop-view"

#include "config.h"

#include <glib/gi18n.h>

#include "nv-calendar.h"
#include "nv-measure.h"
#include "nv-projection-window.h"
#include "nv-measure-row.h"
#include "nv-workshop-view-private.h"

static GtkWidget *
boxed_list (void)
{
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  return list;
}

static GtkWidget *
icon_button (const char *icon, const char *a11y, GCallback cb, gpointer self, gint64 id)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, a11y);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);
  gtk_widget_add_css_class (button, "flat");
  g_object_set_data (G_OBJECT (button), "nv-id", GSIZE_TO_POINTER ((gsize) id));
  g_signal_connect (button, "clicked", cb, self);
  return button;
}

static gint64
button_id (GtkButton *button)
{
  return GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "nv-id"));
}

/* ---- Ideas ---------------------------------------------------------------- */

static void
add_idea (NvWorkshopView *self)
{
  g_autoptr (GError) error = NULL;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->idea_row));
  g_autofree char *trimmed = g_strstrip (g_strdup (text));

  if (*trimmed == '\0')
    return;
  if (nv_workshop_add_idea (self->store, self->id, text, NULL, &error) == 0)
    {
      nv_workshop_view_toast (self, error->message);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->idea_row), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->idea_row));
}

static void
idea_activated_cb (AdwEntryRow *row, NvWorkshopView *self)
{
  add_idea (self);
}

static void
idea_add_clicked_cb (GtkButton *button, NvWorkshopView *self)
{
  add_idea (self);
}

static void
vote (NvWorkshopView *self, GtkButton *button, int delta)
{
  g_autoptr (GError) error = NULL;

  if (!nv_workshop_vote (self->store, button_id (button), delta, &error))
    {
      nv_workshop_view_toast (self, error->message);
      return;
    }
  if (gtk_widget_has_focus (GTK_WIDGET (button)))
    {
      self->refocus_idea = button_id (button);
      self->refocus_delta = delta;
    }
}

static void
vote_up_cb (GtkButton *button, NvWorkshopView *self)
{
  vote (self, button, +1);
}

static void
vote_down_cb (GtkButton *button, NvWorkshopView *self)
{
  vote (self, button, -1);
}

static void
idea_delete_cb (GtkButton *button, NvWorkshopView *self)
{
  g_autoptr (GError) error = NULL;

  if (!nv_workshop_remove_idea (self->store, button_id (button), &error))
    nv_workshop_view_toast (self, error->message);
}

static void
idea_to_measure_cb (GtkButton *button, NvWorkshopView *self)
{
  const char *text = g_object_get_data (G_OBJECT (button), "nv-text");

  gtk_editable_set_text (GTK_EDITABLE (self->what_row), text);
  gtk_widget_grab_focus (GTK_WIDGET (self->who_row));
}

static void
fill_ideas (NvWorkshopView *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) ideas = nv_workshop_ideas (self->store, self->id, TRUE, &error);
  GtkWidget *child;

  if (ideas == NULL)
    return;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->ideas_list))) != NULL)
    gtk_list_box_remove (self->ideas_list, child);
  if (ideas->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     _("Ideas you type here appear on the projector at once."));
      gtk_widget_add_css_class (row, "dim-label");
      gtk_list_box_append (self->ideas_list, row);
      return;
    }
  for (guint i = 0; i < ideas->len; i++)
    {
      NvWorkshopIdea *idea = g_ptr_array_index (ideas, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *count = g_strdup_printf ("%d", idea->votes);
      g_autofree char *up = g_strdup_printf (_("Vote for “%s”"), idea->text);
      g_autofree char *down = g_strdup_printf (_("Take a vote back from “%s”"), idea->text);
      g_autofree char *del = g_strdup_printf (_("Delete the idea “%s”"), idea->text);
      g_autofree char *to_measure = g_strdup_printf (_("Make “%s” a measure"), idea->text);
      g_autofree char *votes = g_strdup_printf (
        g_dngettext (GETTEXT_PACKAGE, "%d vote", "%d votes", idea->votes), idea->votes);
      GtkWidget *badge = gtk_label_new (count);
      GtkWidget *measure_button, *up_button, *down_button;

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), idea->text);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
      if (*idea->theme != '\0')
        {
          /* Captured during a round: say which. */
          const NvTemplateTheme *theme =
            nv_workshop_template_find_theme (nv_workshop_template (NULL), idea->theme);
          if (theme != NULL)
            adw_action_row_set_subtitle (ADW_ACTION_ROW (row), theme->title);
        }
      gtk_widget_add_css_class (badge, "nv-votes");
      gtk_widget_add_css_class (badge, "title-3");
      gtk_widget_set_size_request (badge, 36, -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (badge), GTK_ACCESSIBLE_PROPERTY_LABEL, votes,
                                      -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), badge);
      down_button = icon_button ("list-remove-symbolic", down, G_CALLBACK (vote_down_cb), self,
                                 idea->id);
      up_button = icon_button ("list-add-symbolic", up, G_CALLBACK (vote_up_cb), self, idea->id);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), down_button);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), up_button);
      measure_button = icon_button ("go-bottom-symbolic", to_measure,
                                    G_CALLBACK (idea_to_measure_cb), self, idea->id);
      g_object_set_data_full (G_OBJECT (measure_button), "nv-text", g_strdup (idea->text), g_free);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), measure_button);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 icon_button ("user-trash-symbolic", del,
                                              G_CALLBACK (idea_delete_cb), self, idea->id));
      gtk_list_box_append (self->ideas_list, row);
      if (idea->id == self->refocus_idea)
        gtk_widget_grab_focus (self->refocus_delta > 0 ? up_button : down_button);
    }
  self->refocus_idea = 0;
}

/* ---- Measures --------------------------------------------------------------- */

static void
set_measure_error (NvWorkshopView *self, const char *message, AdwEntryRow *field)
{
  AdwEntryRow *rows[] = { self->what_row, self->who_row, self->when_row };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    if (rows[i] == field)
      gtk_widget_add_css_class (GTK_WIDGET (rows[i]), "error");
    else
      gtk_widget_remove_css_class (GTK_WIDGET (rows[i]), "error");
  gtk_label_set_text (self->measure_error, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->measure_error), message != NULL);
}

static void
agree_clicked_cb (GtkButton *button, NvWorkshopView *self)
{
  g_autoptr (GError) error = NULL;
  const char *what = gtk_editable_get_text (GTK_EDITABLE (self->what_row));
  const char *who = gtk_editable_get_text (GTK_EDITABLE (self->who_row));
  const char *when = gtk_editable_get_text (GTK_EDITABLE (self->when_row));
  g_autofree char *iso = NULL;
  NvDay day = nv_day_parse (when);

  if (*when != '\0' && day == NV_DAY_NONE)
    {
      set_measure_error (self, _("By when: write the date as DD.MM.YYYY."), self->when_row);
      return;
    }
  if (day != NV_DAY_NONE)
    iso = nv_day_format_iso (day);
  if (nv_workshop_agree_measure (self->store, self->id, what, who, iso, NULL, &error) == 0)
    {
      AdwEntryRow *field = g_str_has_prefix (error->message, _("What")) ? self->what_row
                           : g_str_has_prefix (error->message, _("Who")) ? self->who_row
                           : g_str_has_prefix (error->message, _("By when")) ? self->when_row
                                                                             : NULL;
      set_measure_error (self, error->message, field);
      return;
    }
  set_measure_error (self, NULL, NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->what_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->who_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->when_row), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->what_row));
}

static void
measure_delete_cb (GtkButton *button, NvWorkshopView *self)
{
  g_autoptr (GError) error = NULL;

  if (!nv_measure_delete (self->store, button_id (button), &error))
    nv_workshop_view_toast (self, error->message);
}

void
nv_workshop_view_fill_measures (NvWorkshopView *self, GtkListBox *list, gboolean editable)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) measures = nv_workshop_measures (self->store, self->id, &error);
  GtkWidget *child;

  if (measures == NULL)
    return;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
  if (measures->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No measures agreed yet."));
      gtk_widget_add_css_class (row, "dim-label");
      gtk_list_box_append (list, row);
      return;
    }
  for (guint i = 0; i < measures->len; i++)
    {
      NvMeasure *m = g_ptr_array_index (measures, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *deadline = m->deadline != NV_DAY_NONE ? nv_day_format_local (m->deadline)
                                                             : g_strdup (_("no date"));
      g_autofree char *subtitle = NULL;

      if (editable)
        /* Translators: who · by when, under an agreed measure */
        subtitle = g_strdup_printf (_("%s · by %s"), *m->owner != '\0' ? m->owner : _("nobody named"),
                                    deadline);
      else
        /* Translators: who · by when · status */
        subtitle = g_strdup_printf (_("%s · by %s · %s"),
                                    *m->owner != '\0' ? m->owner : _("nobody named"), deadline,
                                    nv_measure_status_label (m->status));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), m->title);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      /* Past its deadline: the same badge as on the Measures page. */
      {
        guint late = nv_measure_days_overdue (m, nv_context_today (self->context));

        if (late > 0)
          {
            g_autofree char *late_text = nv_measure_overdue_text (late);
            g_autofree char *described = g_strdup_printf ("%s · %s", subtitle, late_text);

            adw_action_row_add_suffix (ADW_ACTION_ROW (row), nv_measure_overdue_badge_new (late));
            gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                            GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, described, -1);
          }
      }
      if (editable)
        {
          g_autofree char *del = g_strdup_printf (_("Delete the measure “%s”"), m->title);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                     icon_button ("user-trash-symbolic", del,
                                                  G_CALLBACK (measure_delete_cb), self, m->id));
        }
      gtk_list_box_append (list, row);
    }
}

/* ---- Building ----------------------------------------------------------------- */

/* «Start Presenting» with a second line that says which screen gets what;
 * it follows screens plugged in or out. */
static void
screens_changed_cb (GListModel *monitors, guint position, guint removed, guint added,
                    GtkWidget *button)
{
  GtkWidget *box = gtk_button_get_child (GTK_BUTTON (button));
  GtkLabel *hint = GTK_LABEL (gtk_widget_get_last_child (box));
  g_autofree char *text = nv_projection_screens_hint (gtk_widget_get_display (button));
  g_autofree char *name = g_strdup_printf ("%s — %s", _("Start Presenting"), text);

  gtk_label_set_text (hint, text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);
}

GtkWidget *
nv_workshop_view_start_button (NvWorkshopView *self)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *title = gtk_label_new (_("Start Presenting"));
  GtkWidget *hint = gtk_label_new (NULL);
  GListModel *monitors = gdk_display_get_monitors (gtk_widget_get_display (button));

  gtk_widget_add_css_class (title, "heading");
  gtk_widget_add_css_class (hint, "caption");
  gtk_label_set_wrap (GTK_LABEL (hint), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (hint), 28);
  gtk_label_set_justify (GTK_LABEL (hint), GTK_JUSTIFY_CENTER);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), hint);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_add_css_class (button, "nv-start-button");
  g_signal_connect_object (monitors, "items-changed", G_CALLBACK (screens_changed_cb), button, 0);
  screens_changed_cb (monitors, 0, 0, 0, button);
  return button;
}

static AdwEntryRow *
entry_row (GtkWidget *list, const char *title)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  return ADW_ENTRY_ROW (row);
}

void
nv_workshop_view_build_run (NvWorkshopView *self)
{
  GtkWidget *group, *list, *button, *banner, *box, *label;

  /* The projector first: it is what the leader needs in the room. */
  banner = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_add_css_class (banner, "card");
  gtk_widget_add_css_class (banner, "nv-present-banner");
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  gtk_widget_set_hexpand (box, TRUE);
  label = gtk_label_new (_("Ready for the room?"));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (box), label);
  label = gtk_label_new (_("Show the steps in large type. With a projector, your laptop keeps "
                           "the notes, the next step and a timer; on one screen only the "
                           "slides show, and N brings up your notes."));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (banner), box);
  button = nv_workshop_view_start_button (self);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "view.present");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "suggested-action");
  gtk_box_append (GTK_BOX (banner), button);
  gtk_widget_set_margin_start (box, 18);
  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 18);
  gtk_widget_set_margin_end (button, 18);
  gtk_box_append (self->run_box, banner);

  gtk_box_append (self->run_box, nv_workshop_view_checklist (self, NV_PHASE_RUN));

  /* Ideas */
  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Ideas from the Room"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("Write down what people suggest, then let everyone "
                                           "vote. The most votes come first."));
  list = boxed_list ();
  self->idea_row = entry_row (list, _("New idea"));
  button = gtk_button_new_with_label (_("Add Idea"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_signal_connect (button, "clicked", G_CALLBACK (idea_add_clicked_cb), self);
  g_signal_connect (self->idea_row, "entry-activated", G_CALLBACK (idea_activated_cb), self);
  adw_entry_row_add_suffix (self->idea_row, button);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), list);
  list = boxed_list ();
  gtk_widget_set_margin_top (list, 12);
  self->ideas_list = GTK_LIST_BOX (list);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), list);
  gtk_box_append (self->run_box, group);

  /* Measures */
  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Agreed Measures"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("What we will do, who takes care of it and by when. "
                                           "They go straight into the measures register."));
  list = boxed_list ();
  self->what_row = entry_row (list, _("What"));
  self->who_row = entry_row (list, _("Who"));
  self->when_row = entry_row (list, _("By when (DD.MM.YYYY)"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), list);
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_set_margin_top (box, 12);
  self->measure_error = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->measure_error, TRUE);
  gtk_label_set_xalign (self->measure_error, 0);
  gtk_widget_set_hexpand (GTK_WIDGET (self->measure_error), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->measure_error), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->measure_error), FALSE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->measure_error));
  button = gtk_button_new_with_label (_("Agree on Measure"));
  gtk_widget_add_css_class (button, "suggested-action");
  gtk_widget_set_halign (button, GTK_ALIGN_END);
  g_signal_connect (button, "clicked", G_CALLBACK (agree_clicked_cb), self);
  gtk_box_append (GTK_BOX (box), button);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), box);
  list = boxed_list ();
  gtk_widget_set_margin_top (list, 12);
  self->measures_list = GTK_LIST_BOX (list);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), list);
  gtk_box_append (self->run_box, group);
}

void
nv_workshop_view_refresh_run (NvWorkshopView *self)
{
  if (self->ideas_list != NULL)
    fill_ideas (self);
  if (self->measures_list != NULL)
    nv_workshop_view_fill_measures (self, self->measures_list, TRUE);
}
