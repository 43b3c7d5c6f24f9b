/* nv-workshop-view-prepare.c — the Prepare tab of the guided view: its
 * checklist, who takes part, the themes (with their statement and prompts)
 * and the handout.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-workshop-view"

#include "config.h"

#include <glib/gi18n.h>

#include "nv-workshop-view-private.h"

static const NvWorkshopRoles role_bits[4] = { NV_ROLE_LEADER, NV_ROLE_UNION_REP,
                                              NV_ROLE_SAFETY_REP, NV_ROLE_NAV_ADVISER };

static void
save_workshop (NvWorkshopView *self)
{
  g_autoptr (GError) error = NULL;

  if (!nv_workshop_view_save (self, &error)
      && !g_error_matches (error, NV_STORE_ERROR, NV_STORE_ERROR_CONFLICT))
    nv_workshop_view_toast (self, error->message);
}

static void
role_changed_cb (GtkSwitch *sw, GParamSpec *pspec, NvWorkshopView *self)
{
  guint bit = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (sw), "nv-role"));

  if (self->updating)
    return;
  if (gtk_switch_get_active (sw))
    self->workshop->roles |= bit;
  else
    self->workshop->roles &= ~bit;
  save_workshop (self);
}

static void
staff_changed_cb (GtkSpinButton *spin, NvWorkshopView *self)
{
  if (self->updating)
    return;
  self->workshop->staff = gtk_spin_button_get_value_as_int (spin);
  save_workshop (self);
}

static GtkWidget *
build_people (NvWorkshopView *self)
{
  const char *titles[4] = { _("Leader"), _("Union representative (tillitsvalgt)"),
                            _("Safety representative (verneombud)"),
                            _("Adviser from NAV’s working-life centre") };
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *row;

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Who Takes Part"));
  for (int i = 0; i < 4; i++)
    {
      GtkWidget *sw = gtk_switch_new ();

      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), titles[i]);
      gtk_widget_set_valign (sw, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (sw), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      titles[i], -1);
      g_object_set_data (G_OBJECT (sw), "nv-role", GUINT_TO_POINTER (role_bits[i]));
      g_signal_connect (sw, "notify::active", G_CALLBACK (role_changed_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), sw);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), sw);
      self->role_switches[i] = GTK_SWITCH (sw);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Staff taking part"));
  self->staff_spin = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (0, 999, 1));
  gtk_widget_set_valign (GTK_WIDGET (self->staff_spin), GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->staff_spin), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Staff taking part"), -1);
  g_signal_connect (self->staff_spin, "value-changed", G_CALLBACK (staff_changed_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (self->staff_spin));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  return group;
}

static void build_themes (NvWorkshopView *self);

static void
theme_toggled_cb (AdwExpanderRow *row, GParamSpec *pspec, NvWorkshopView *self)
{
  g_autoptr (GError) error = NULL;
  const char *theme = g_object_get_data (G_OBJECT (row), "nv-theme");

  if (self->updating)
    return;
  if (!nv_workshop_set_theme (self->store, self->id, theme,
                              adw_expander_row_get_enable_expansion (row), &error))
    nv_workshop_view_toast (self, error->message);
}

static void
prompt_apply_cb (AdwEntryRow *entry, NvWorkshopView *self)
{
  g_autoptr (GError) error = NULL;
  const char *theme = g_object_get_data (G_OBJECT (entry), "nv-theme");

  if (nv_workshop_add_prompt (self->store, self->id, theme,
                              gtk_editable_get_text (GTK_EDITABLE (entry)), &error) == 0)
    {
      nv_workshop_view_toast (self, error->message);
      return;
    }
  build_themes (self);
}

static void
prompt_remove_cb (GtkButton *button, NvWorkshopView *self)
{
  g_autoptr (GError) error = NULL;
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "nv-id"));

  if (!nv_workshop_remove_prompt (self->store, id, &error))
    nv_workshop_view_toast (self, error->message);
  build_themes (self);
}

static GtkWidget *
plain_row (const char *text, const char *css)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  if (css != NULL)
    gtk_widget_add_css_class (row, css);
  return row;
}

/* AdwExpanderRow's own switch has no accessible name in libadwaita 1.2:
 * give it the theme's, so a screen reader says what it turns on. */
static void
name_switch (GtkWidget *widget, const char *name)
{
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      if (GTK_IS_SWITCH (c))
        gtk_accessible_update_property (GTK_ACCESSIBLE (c), GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                        -1);
      else
        name_switch (c, name);
    }
}

/* Theme rows: the switch turns a theme on; folded out are its statement, its
 * questions and the leader's own, and a field to add one. */
static void
build_themes (NvWorkshopView *self)
{
  const NvWorkshopTemplate *tpl = nv_workshop_template (NULL);
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) on = nv_workshop_themes (self->store, self->id, &error);
  g_autoptr (GPtrArray) own = nv_workshop_prompts (self->store, self->id, &error);
  GtkWidget *group = adw_preferences_group_new ();

  if (on == NULL || own == NULL)
    return;
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Themes for the Rounds"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("Two or three themes fill a session. Add your own "
                                           "questions where they suit the unit better."));
  self->updating = TRUE;
  for (guint i = 0; i < tpl->themes->len; i++)
    {
      const NvTemplateTheme *theme = g_ptr_array_index (tpl->themes, i);
      GtkWidget *row = adw_expander_row_new ();
      GtkWidget *entry = adw_entry_row_new ();
      g_autofree char *statement = g_strdup_printf ("«%s»", theme->statement);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), theme->title);
      adw_expander_row_set_show_enable_switch (ADW_EXPANDER_ROW (row), TRUE);
      adw_expander_row_set_enable_expansion (ADW_EXPANDER_ROW (row),
                                             g_strv_contains ((const char *const *) on, theme->id));
      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), FALSE);
      g_object_set_data_full (G_OBJECT (row), "nv-theme", g_strdup (theme->id), g_free);
      g_signal_connect (row, "notify::enable-expansion", G_CALLBACK (theme_toggled_cb), self);
      name_switch (row, theme->title);

      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), plain_row (statement, "heading"));
      for (guint p = 0; p < theme->prompts->len; p++)
        adw_expander_row_add_row (ADW_EXPANDER_ROW (row),
                                  plain_row (g_ptr_array_index (theme->prompts, p), NULL));
      for (guint p = 0; p < own->len; p++)
        {
          NvWorkshopPrompt *prompt = g_ptr_array_index (own, p);
          GtkWidget *prow, *remove;
          g_autofree char *label = NULL;

          if (g_strcmp0 (prompt->theme, theme->id) != 0)
            continue;
          prow = plain_row (prompt->text, NULL);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (prow), _("Your own question"));
          remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
          label = g_strdup_printf (_("Remove the question “%s”"), prompt->text);
          gtk_widget_set_tooltip_text (remove, label);
          gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
          gtk_widget_add_css_class (remove, "flat");
          g_object_set_data (G_OBJECT (remove), "nv-id", GSIZE_TO_POINTER ((gsize) prompt->id));
          g_signal_connect (remove, "clicked", G_CALLBACK (prompt_remove_cb), self);
          adw_action_row_add_suffix (ADW_ACTION_ROW (prow), remove);
          adw_expander_row_add_row (ADW_EXPANDER_ROW (row), prow);
        }
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (entry), _("Add your own question"));
      adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (entry), TRUE);
      g_object_set_data_full (G_OBJECT (entry), "nv-theme", g_strdup (theme->id), g_free);
      g_signal_connect (entry, "apply", G_CALLBACK (prompt_apply_cb), self);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), entry);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
  self->updating = FALSE;

  if (self->themes_group != NULL)
    gtk_box_insert_child_after (self->prepare_box, group, GTK_WIDGET (self->themes_group));
  else
    gtk_box_append (self->prepare_box, group);
  if (self->themes_group != NULL)
    gtk_box_remove (self->prepare_box, GTK_WIDGET (self->themes_group));
  self->themes_group = ADW_PREFERENCES_GROUP (group);
}

void
nv_workshop_view_build_prepare (NvWorkshopView *self)
{
  gtk_box_append (self->prepare_box, nv_workshop_view_checklist (self, NV_PHASE_PREPARE));
  gtk_box_append (self->prepare_box, build_people (self));
  self->themes_group = NULL;
  build_themes (self);
  gtk_box_append (self->prepare_box,
                  nv_workshop_view_print_row (_("The unit’s figures on one page"),
                                     _("Sick leave by quarter against the benchmarks. Figures for "
                                       "fewer than five persons are hidden."),
                                     "view.print-handout", "view.export-handout", NULL));
}

void
nv_workshop_view_refresh_prepare (NvWorkshopView *self)
{
  for (int i = 0; i < 4; i++)
    if (self->role_switches[i] != NULL)
      gtk_switch_set_active (self->role_switches[i], (self->workshop->roles & role_bits[i]) != 0);
  if (self->staff_spin != NULL)
    gtk_spin_button_set_value (self->staff_spin, self->workshop->staff);
}
