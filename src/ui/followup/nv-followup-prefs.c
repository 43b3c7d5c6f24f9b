/* nv-followup-prefs.c — Preferences: reminders on start, and the retention of
 * closed cases (GSettings keys "reminders" and "retention-years").
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-followup-prefs"

#include "config.h"

#include <glib/gi18n.h>

#include "nv-a11y.h"
#include "nv-followup-prefs.h"

struct _NvFollowupPrefs
{
  AdwPreferencesGroup parent_instance;

  GSettings *settings; /* the Preferences window's */
  GtkWidget *reminders_switch;
  GtkWidget *retention_spin;
};

G_DEFINE_FINAL_TYPE (NvFollowupPrefs, nv_followup_prefs, ADW_TYPE_PREFERENCES_GROUP)

static void
nv_followup_prefs_dispose (GObject *object)
{
  NvFollowupPrefs *self = NV_FOLLOWUP_PREFS (object);

  g_clear_object (&self->settings);
  G_OBJECT_CLASS (nv_followup_prefs_parent_class)->dispose (object);
}

static void
nv_followup_prefs_class_init (NvFollowupPrefsClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = nv_followup_prefs_dispose;
}

static void
nv_followup_prefs_init (NvFollowupPrefs *self)
{
  GtkWidget *row, *toggle, *spin;

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _("Follow-up and Privacy"));

  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("_Reminders on Start"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                               _("A notification when follow-up steps are overdue or due "
                                 "within a week. It names units, never employees."));
  toggle = gtk_switch_new ();
  gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                  row, NULL, -1);
  nv_a11y_name_like_row (toggle, adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
  self->reminders_switch = toggle;
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);

  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("_Keep Closed Cases (Years)"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                               _("Health data is kept no longer than needed. Older closed cases "
                                 "are listed, and deleted when you confirm, under Follow-up › "
                                 "Personal Data › Delete Old Cases."));
  spin = gtk_spin_button_new_with_range (1, 20, 1);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), TRUE);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                  row, NULL, -1);
  nv_a11y_name_like_row (spin, adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
  self->retention_spin = spin;
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
}

void
nv_followup_prefs_set_settings (NvFollowupPrefs *self, GSettings *settings)
{
  g_return_if_fail (NV_IS_FOLLOWUP_PREFS (self));
  g_return_if_fail (self->settings == NULL);

  self->settings = g_object_ref (settings);
  g_settings_bind (settings, "reminders", self->reminders_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "retention-years", self->retention_spin, "value",
                   G_SETTINGS_BIND_DEFAULT);
}
