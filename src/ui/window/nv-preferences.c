/* nv-preferences.c — the Preferences window.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-preferences"

#include "config.h"

#include <glib/gi18n.h>

#include "nv-backup-prefs.h"
#include "nv-benchmark.h"
#include "nv-database-prefs.h"
#include "nv-followup-prefs.h"
#include "nv-preferences.h"

struct _NvPreferences
{
  AdwPreferencesWindow parent_instance;

  GSettings *settings;
  NvStore *store;
  GStrv benchmark_ids;

  GtkSpinButton *cost_spin;
  AdwComboRow *benchmark_row;
  AdwComboRow *style_row;
  AdwPreferencesPage *general_page;
  NvFollowupPrefs *followup_group;
  NvBackupPrefs *backup_page;
};

G_DEFINE_FINAL_TYPE (NvPreferences, nv_preferences, ADW_TYPE_PREFERENCES_WINDOW)

static const char *const styles[] = { "system", "light", "dark" };


static void
style_selected_cb (NvPreferences *self)
{
  guint selected = adw_combo_row_get_selected (self->style_row);

  if (selected < G_N_ELEMENTS (styles))
    g_settings_set_string (self->settings, "color-scheme", styles[selected]);
}

static void
benchmark_selected_cb (NvPreferences *self)
{
  guint selected = adw_combo_row_get_selected (self->benchmark_row);

  if (self->benchmark_ids != NULL && selected < g_strv_length (self->benchmark_ids))
    g_settings_set_string (self->settings, "default-benchmark", self->benchmark_ids[selected]);
}

static void
nv_preferences_dispose (GObject *object)
{
  NvPreferences *self = NV_PREFERENCES (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), NV_TYPE_PREFERENCES);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);
  g_clear_pointer (&self->benchmark_ids, g_strfreev);
  G_OBJECT_CLASS (nv_preferences_parent_class)->dispose (object);
}

static void
nv_preferences_class_init (NvPreferencesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nv_preferences_dispose;

  g_type_ensure (NV_TYPE_FOLLOWUP_PREFS);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/naervaer/Naervaer/ui/nv-preferences.ui");
  gtk_widget_class_bind_template_child (widget_class, NvPreferences, cost_spin);
  gtk_widget_class_bind_template_child (widget_class, NvPreferences, benchmark_row);
  gtk_widget_class_bind_template_child (widget_class, NvPreferences, style_row);
  gtk_widget_class_bind_template_child (widget_class, NvPreferences, general_page);
  gtk_widget_class_bind_template_child (widget_class, NvPreferences, followup_group);
}

static void
nv_preferences_init (NvPreferences *self)
{
  /* A screen reader says «dialog»; set on the instance: GTK 4.8 ignores
   * the role of a window subclass set on its class. */
  g_object_set (self, "accessible-role", GTK_ACCESSIBLE_ROLE_DIALOG, NULL);
  gtk_widget_init_template (GTK_WIDGET (self));
}

static void
fill_benchmarks (NvPreferences *self)
{
  g_autoptr (GtkStringList) model = gtk_string_list_new (NULL);
  g_autofree char *current = g_settings_get_string (self->settings, "default-benchmark");
  g_autoptr (GStrvBuilder) ids = g_strv_builder_new ();
  g_autoptr (GPtrArray) series = NULL;
  g_autoptr (GError) error = NULL;
  guint selected = G_MAXUINT;
  guint fallback = 0;

  /* Every series the store knows (shipped, imported, own municipality); the
   * setting keeps the series name, the list shows its label. */
  if (self->store != NULL)
    series = nv_benchmark_list (self->store, 0, &error);
  if (series == NULL)
    {
      if (error != NULL)
        g_warning ("Cannot list the benchmark series: %s", error->message);
      gtk_string_list_append (model, current);
      g_strv_builder_add (ids, current);
    }
  for (guint i = 0; series != NULL && i < series->len; i++)
    {
      NvBenchmarkSeries *s = g_ptr_array_index (series, i);
      g_autofree char *current_key = g_utf8_casefold (current, -1);
      g_autofree char *key = g_utf8_casefold (s->name, -1);

      gtk_string_list_append (model, s->label);
      g_strv_builder_add (ids, s->name);
      if (g_strcmp0 (current_key, key) == 0)
        selected = i;
      if (g_strcmp0 (s->name, "Kommuner") == 0)
        fallback = i;
    }
  if (selected == G_MAXUINT)
    selected = fallback;
  self->benchmark_ids = g_strv_builder_end (ids);
  adw_combo_row_set_model (self->benchmark_row, G_LIST_MODEL (model));
  adw_combo_row_set_selected (self->benchmark_row, selected);
}

GtkWindow *
nv_preferences_new (GtkWindow *parent, GSettings *settings, NvStore *store)
{
  NvPreferences *self = g_object_new (NV_TYPE_PREFERENCES, "transient-for", parent, NULL);
  g_autofree char *style = NULL;

  self->settings = g_object_ref (settings);
  self->store = store != NULL ? g_object_ref (store) : NULL;

  g_settings_bind (settings, "cost-per-lost-day", self->cost_spin, "value",
                   G_SETTINGS_BIND_DEFAULT);
  nv_followup_prefs_set_settings (self->followup_group, settings);

  style = g_settings_get_string (settings, "color-scheme");
  for (guint i = 0; i < G_N_ELEMENTS (styles); i++)
    if (g_strcmp0 (style, styles[i]) == 0)
      adw_combo_row_set_selected (self->style_row, i);
  g_signal_connect_swapped (self->style_row, "notify::selected", G_CALLBACK (style_selected_cb),
                            self);

  fill_benchmarks (self);
  g_signal_connect_swapped (self->benchmark_row, "notify::selected",
                            G_CALLBACK (benchmark_selected_cb), self);

  /* Backups need a database file; without a store there is nothing to back
   * up, and the municipality's IT backs up a shared server (the Database
   * group says so). */
  if (store != NULL)
    adw_preferences_page_add (self->general_page,
                              ADW_PREFERENCES_GROUP (nv_database_prefs_new (store)));
  if (store != NULL && !nv_store_is_shared (store))
    {
      self->backup_page = g_object_new (NV_TYPE_BACKUP_PREFS, NULL);
      nv_backup_prefs_set_context (self->backup_page, settings, store);
      adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self),
                                  ADW_PREFERENCES_PAGE (self->backup_page));
    }

  return GTK_WINDOW (self);
}

void
nv_preferences_show_backups (NvPreferences *self)
{
  g_return_if_fail (NV_IS_PREFERENCES (self));
  if (self->backup_page != NULL)
    adw_preferences_window_set_visible_page (ADW_PREFERENCES_WINDOW (self),
                                             ADW_PREFERENCES_PAGE (self->backup_page));
}
