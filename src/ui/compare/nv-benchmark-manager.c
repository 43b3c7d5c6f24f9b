/* nv-benchmark-manager.c — the benchmark manager window.
 *
 * One group per kind (national, municipal sector, sector, own municipality);
 * each series is an expander row that says what it measures, what it is
 * compared with, how many figures come with Nærvær and how many were
 * imported, its sources as links, and whether it has fallen behind the
 * unit's data. The list is rebuilt whenever the store changes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-benchmark-manager"

#include "config.h"

#include <glib/gi18n.h>

#include "nv-error-label.h"
#include "nv-backup.h"
#include "nv-benchmark-manager.h"
#include "nv-benchmark.h"
#include "nv-ssb-fetch.h"
#include "nv-a11y.h"
#include "nv-toast.h"

#define MAX_REPLACED_LINES 12

struct _NvBenchmarkManager
{
  AdwWindow parent_instance;

  NvContext *context;
  NvStore *store;
  NvDay today; /* by the context's clock */
  gint64 unit_id;
  gulong changed_id;
  GtkFileChooserNative *chooser;
  GPtrArray *rows; /* AdwExpanderRow, borrowed */

  AdwToastOverlay *toast_overlay;
  GtkLabel *unit_label;
  GtkBox *behind_box;
  GtkLabel *behind_label;
  GtkBox *groups_box;
  GtkLabel *format_label;
  GtkWidget *ssb_button;
  GCancellable *ssb_cancellable; /* set while an update runs */
};

G_DEFINE_FINAL_TYPE (NvBenchmarkManager, nv_benchmark_manager, ADW_TYPE_WINDOW)

static const NvBenchmarkKind kind_order[] = {
  NV_BENCHMARK_NATIONAL,
  NV_BENCHMARK_MUNICIPAL_SECTOR,
  NV_BENCHMARK_SECTOR,
  NV_BENCHMARK_OWN_MUNICIPALITY,
};

static void show_message (NvBenchmarkManager *self, const char *heading, const char *body);

/* ---- Building the list ---------------------------------------------------- */

static GtkWidget *
plain_row (const char *title, const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  return row;
}

static GtkWidget *
source_row (const char *source)
{
  GtkWidget *row = plain_row (_("Source"), source);
  const char *scheme = g_uri_peek_scheme (source);

  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);
  if (g_strcmp0 (scheme, "https") == 0 || g_strcmp0 (scheme, "http") == 0)
    {
      GtkWidget *link = gtk_link_button_new_with_label (source, _("Open"));

      gtk_widget_set_valign (link, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (link, source);
      gtk_accessible_update_property (GTK_ACCESSIBLE (link), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Open the source in the web browser"), -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), link);
    }
  return row;
}

static char *
format_time (GDateTime *utc)
{
  g_autoptr (GDateTime) local = g_date_time_to_local (utc);
  NvDay day = nv_day_from_ymd (g_date_time_get_year (local), g_date_time_get_month (local),
                               g_date_time_get_day_of_month (local));
  g_autofree char *date = nv_day_format_local (day);

  /* TRANSLATORS: a date and a time, «07.12.2026 kl. 14:05» */
  return g_strdup_printf (_("%s at %02d:%02d"), date, g_date_time_get_hour (local),
                          g_date_time_get_minute (local));
}

/* When the figures came: fetched from SSB (and the next publication
 * expected), imported from a file, or shipped with the app. */
static void
add_provenance_rows (NvBenchmarkManager *self, AdwExpanderRow *row, const NvBenchmarkSeries *s)
{
  g_auto (NvSsbFetchInfo) info = { 0 };
  g_autoptr (GDateTime) imported = NULL;
  g_autofree char *text = NULL;

  if (nv_ssb_fetch_info (self->store, s->name, &info, NULL) && info.fetched != NULL)
    {
      g_autofree char *when = format_time (info.fetched);

      /* TRANSLATORS: «07.12.2026 at 14:05, SSB table 12441» */
      text = g_strdup_printf (_("%s, SSB table %s"), when, info.table_id);
      adw_expander_row_add_row (row, plain_row (_("Fetched"), text));
      if (info.next_release != NV_DAY_NONE)
        {
          g_autofree char *date = nv_day_format_local (info.next_release);
          g_autofree char *next_text = NULL;

          if (info.next_release > self->today)
            next_text = g_strdup_printf (_("Around %s (an estimate: SSB publishes a quarter "
                                           "about eleven weeks after it ends)"),
                                         date);
          else
            next_text = g_strdup_printf (_("Expected around %s: newer figures may be out. "
                                           "Update from SSB to get them."),
                                         date);
          adw_expander_row_add_row (row, plain_row (_("Next publication"), next_text));
        }
      return;
    }
  if (s->n_imported > 0 &&
      (imported = nv_benchmark_last_imported (self->store, s->name, NULL)) != NULL)
    {
      g_autofree char *when = format_time (imported);
      adw_expander_row_add_row (row, plain_row (_("Imported"), when));
      return;
    }
  /* TRANSLATORS: %s is the app's version, «0.1.0» */
  text = g_strdup_printf (_("Shipped with Nærvær %s"), PACKAGE_VERSION);
  adw_expander_row_add_row (row, plain_row (_("Figures from"), text));
}

static char *
figures_text (NvBenchmarkManager *self, const NvBenchmarkSeries *s)
{
  g_auto (NvSsbFetchInfo) info = { 0 };
  g_autofree char *total = NULL;

  if (s->computed)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u quarter with figures",
                                         "%u quarters with figures", s->n_points),
                            s->n_points);
  total = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u figure", "%u figures", s->n_points),
                           s->n_points);
  if (s->n_imported == 0)
    return g_strdup_printf (_("%s, shipped with Nærvær"), total);
  /* Figures «Update from SSB» stored: say fetched, not imported. */
  if (nv_ssb_fetch_info (self->store, s->name, &info, NULL))
    {
      if (s->n_bundled == 0)
        return g_strdup_printf (_("%s, fetched from SSB"), total);
      return g_strdup_printf (_("%s: %u shipped with Nærvær, %u fetched from SSB"), total,
                              s->n_bundled, s->n_imported);
    }
  if (s->n_bundled == 0)
    return g_strdup_printf (_("%s, imported"), total);
  if (s->n_replaced == 0)
    return g_strdup_printf (_("%s: %u shipped with Nærvær, %u imported"), total, s->n_bundled,
                            s->n_imported);
  return g_strdup_printf (_("%s: %u shipped with Nærvær, %u imported (%u of them replace "
                            "shipped figures, whose sources stay in Nærvær)"),
                          total, s->n_bundled, s->n_imported, s->n_replaced);
}

static void
remove_response_cb (AdwMessageDialog *dialog, const char *response, NvBenchmarkManager *self)
{
  const char *name = g_object_get_data (G_OBJECT (dialog), "series");
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  guint n = 0;

  if (g_strcmp0 (response, "remove") != 0)
    return;
  if (!nv_benchmark_remove_imported (self->store, name, &n, &error))
    {
      show_message (self, _("Nothing Was Removed"), error->message);
      return;
    }
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Removed %u imported figure",
                                       "Removed %u imported figures", n),
                          n);
  nv_toast_add (self->toast_overlay, adw_toast_new (text));
}

static void
remove_clicked_cb (GtkButton *button, NvBenchmarkManager *self)
{
  const char *name = g_object_get_data (G_OBJECT (button), "series");
  guint n = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "n-imported"));
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "The %u imported figure of “%s” will be removed. Figures "
                                       "shipped with Nærvær stay, with their sources.",
                                       "The %u imported figures of “%s” will be removed. Figures "
                                       "shipped with Nærvær stay, with their sources.",
                                       n),
                          n, name);
  dialog = nv_message_dialog_new (GTK_WINDOW (self), _("Remove Imported Figures?"), body);
  nv_message_dialog_add_cancel_and (ADW_MESSAGE_DIALOG (dialog), _("Cancel"), "remove",
                                    _("Remove"), ADW_RESPONSE_DESTRUCTIVE, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "series", g_strdup (name), g_free);
  g_signal_connect (dialog, "response", G_CALLBACK (remove_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static GtkWidget *
remove_row (NvBenchmarkManager *self, const NvBenchmarkSeries *s)
{
  GtkWidget *row = plain_row (_("Imported figures"),
                              s->n_bundled > 0 ? _("Remove them to go back to the figures "
                                                   "shipped with Nærvær")
                                               : _("Remove the series and all its figures"));
  GtkWidget *button = gtk_button_new_with_label (_("Remove…"));

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "destructive-action");
  g_object_set_data_full (G_OBJECT (button), "series", g_strdup (s->name), g_free);
  g_object_set_data (G_OBJECT (button), "n-imported", GUINT_TO_POINTER (s->n_imported));
  g_signal_connect (button, "clicked", G_CALLBACK (remove_clicked_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  return row;
}

static GtkWidget *
series_row (NvBenchmarkManager *self, const NvBenchmarkSeries *s, const char *unit_latest)
{
  GtkWidget *row = adw_expander_row_new ();
  g_autofree char *updated = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *figures = figures_text (self, s);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), s->label);
  if (s->latest_period != NULL)
    {
      g_autofree char *period = nv_period_display (s->latest_period);
      /* TRANSLATORS: the last period the series has a figure for, «Latest period Q3 2026» */
      updated = g_strdup_printf (_("Latest period %s"), period);
    }
  else
    updated = g_strdup (_("No figures yet"));
  if (s->basis != NULL && *s->basis != '\0')
    subtitle = g_strdup_printf ("%s · %s · %s", nv_benchmark_measure_label (s->measure),
                                s->basis, updated);
  else
    subtitle = g_strdup_printf ("%s · %s", nv_benchmark_measure_label (s->measure), updated);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
  gtk_widget_set_tooltip_text (row, s->name);

  if (s->behind)
    {
      GtkWidget *badge = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
      GtkWidget *label = gtk_label_new (_("Behind"));

      gtk_widget_add_css_class (badge, "warning");
      gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
      gtk_box_append (GTK_BOX (badge), icon);
      gtk_box_append (GTK_BOX (badge), label);
      adw_expander_row_add_action (ADW_EXPANDER_ROW (row), badge);
    }

  adw_expander_row_add_row (
    ADW_EXPANDER_ROW (row),
    plain_row (_("Compared with"),
               s->measure == NV_MEASURE_LEGEMELDT
                 ? _("The unit’s doctor-certified absence in the same quarter")
                 : _("The unit’s total absence (self- and doctor-certified) in the same "
                     "quarter")));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), plain_row (_("Figures"), figures));
  if (!s->computed)
    add_provenance_rows (self, ADW_EXPANDER_ROW (row), s);
  if (s->behind)
    {
      g_autofree char *latest = nv_period_display (s->latest_period);
      g_autofree char *unit = nv_period_display (unit_latest);
      g_autofree char *text =
        g_strdup_printf (_("The latest figure is for %s, more than two quarters before the "
                           "unit’s latest quarter (%s). Import newer figures."),
                         latest, unit);
      GtkWidget *warning = plain_row (_("Behind the unit’s figures"), text);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (warning), 4);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), warning);
    }
  for (guint i = 0; s->sources != NULL && s->sources[i] != NULL; i++)
    adw_expander_row_add_row (ADW_EXPANDER_ROW (row), source_row (s->sources[i]));
  if (s->n_imported > 0 && !s->computed)
    adw_expander_row_add_row (ADW_EXPANDER_ROW (row), remove_row (self, s));

  g_ptr_array_add (self->rows, row);
  return row;
}

static void
clear_groups (NvBenchmarkManager *self)
{
  GtkWidget *child;

  g_ptr_array_set_size (self->rows, 0);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->groups_box))) != NULL)
    gtk_box_remove (self->groups_box, child);
}

static void
show_load_error (NvBenchmarkManager *self, const GError *error)
{
  GtkWidget *label = gtk_label_new (error->message);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "error");
  gtk_box_append (self->groups_box, label);
}

static void
reload (NvBenchmarkManager *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) list = NULL;
  g_autofree char *unit_latest = NULL;
  guint n_behind = 0;

  clear_groups (self);
  list = nv_benchmark_list (self->store, self->unit_id, &error);
  if (list == NULL)
    {
      show_load_error (self, error);
      return;
    }
  if (self->unit_id != 0)
    unit_latest = nv_benchmark_unit_latest_quarter (self->store, self->unit_id, self->today, NULL);

  for (guint k = 0; k < G_N_ELEMENTS (kind_order); k++)
    {
      GtkWidget *group = NULL;

      for (guint i = 0; i < list->len; i++)
        {
          NvBenchmarkSeries *s = g_ptr_array_index (list, i);

          if (s->kind != kind_order[k])
            continue;
          if (group == NULL)
            {
              group = adw_preferences_group_new ();
              adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group),
                                               nv_benchmark_kind_label (kind_order[k]));
              gtk_box_append (self->groups_box, group);
            }
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                                     series_row (self, s, unit_latest));
          if (s->behind)
            n_behind++;
        }
    }

  if (unit_latest != NULL)
    {
      g_autofree char *shown = nv_period_display (unit_latest);
      g_autofree char *text =
        g_strdup_printf (_("The unit’s figures run to %s, its latest full quarter. A series is "
                           "marked as behind when its latest figure is more than two quarters "
                           "older."),
                         shown);
      gtk_label_set_text (self->unit_label, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->unit_label), unit_latest != NULL);

  if (n_behind > 0)
    {
      g_autofree char *unit_latest_shown = nv_period_display (unit_latest);
      g_autofree char *text = g_strdup_printf (
        g_dngettext (GETTEXT_PACKAGE,
                     "%u series is more than two quarters behind the unit’s latest quarter "
                     "(%s). Comparing with it says little about the unit today; import newer "
                     "figures from SSB or KS.",
                     "%u series are more than two quarters behind the unit’s latest quarter "
                     "(%s). Comparing with them says little about the unit today; import newer "
                     "figures from SSB or KS.",
                     n_behind),
        n_behind, unit_latest_shown);
      gtk_label_set_text (self->behind_label, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->behind_box), n_behind > 0);
}

static void
store_changed_cb (NvBenchmarkManager *self, guint topics)
{
  if (topics & NV_TOPIC_BENCHMARKS)
    reload (self);
}

/* ---- Import ------------------------------------------------------------- */

static void
show_message (NvBenchmarkManager *self, const char *heading, const char *body)
{
  nv_error_alert_show (GTK_WINDOW (self), heading, body);
}

gboolean
nv_benchmark_manager_import_file (NvBenchmarkManager *self, GFile *file)
{
  g_autoptr (GError) error = NULL;
  g_auto (NvBenchmarkImportReport) report = { 0 };
  g_autofree char *path = NULL;
  g_autofree char *counts = NULL;

  g_return_val_if_fail (NV_IS_BENCHMARK_MANAGER (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_set_error (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("Only files on this computer can be imported"));
    }
  if (path == NULL || !nv_backup_before_import (self->context, &error) ||
      !nv_benchmark_import_file (self->store, path, &report, &error))
    {
      show_message (self, _("Nothing Was Imported"), error->message);
      return FALSE;
    }

  counts = g_strdup_printf (_("%u new, %u replaced, %u unchanged"), report.n_added,
                            report.n_replaced, report.n_unchanged);
  if (report.n_replaced == 0)
    {
      g_autofree char *title = g_strdup_printf (_("Figures imported: %s"), counts);
      nv_toast_add (self->toast_overlay, adw_toast_new (title));
      return TRUE;
    }

  /* Replacing a figure is worth a sentence each: the user should see it. */
  {
    g_autoptr (GString) body = g_string_new (NULL);

    g_string_append_printf (body, "%s.\n\n%s\n", counts,
                            _("These figures now have the imported value and source:"));
    for (guint i = 0; i < report.replaced->len && i < MAX_REPLACED_LINES; i++)
      g_string_append_printf (body, "• %s\n", (const char *) g_ptr_array_index (report.replaced, i));
    if (report.replaced->len > MAX_REPLACED_LINES)
      g_string_append_printf (body, _("… and %u more\n"),
                              report.replaced->len - MAX_REPLACED_LINES);
    show_message (self, _("Figures Imported"), g_strchomp (body->str));
  }
  return TRUE;
}

static void
chooser_response_cb (NvBenchmarkManager *self, int response, GtkNativeDialog *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      if (file != NULL)
        nv_benchmark_manager_import_file (self, file);
    }
  gtk_native_dialog_destroy (chooser);
  g_clear_object (&self->chooser);
}

static void
import_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  NvBenchmarkManager *self = NV_BENCHMARK_MANAGER (widget);
  g_autoptr (GtkFileFilter) csv = gtk_file_filter_new ();
  g_autoptr (GtkFileFilter) all = gtk_file_filter_new ();

  if (self->chooser != NULL)
    return;
  self->chooser = gtk_file_chooser_native_new (_("Import Benchmark Figures"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"),
                                               _("_Cancel"));
  gtk_file_filter_set_name (csv, _("CSV files"));
  gtk_file_filter_add_suffix (csv, "csv");
  gtk_file_filter_add_mime_type (csv, "text/csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), csv);
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), all);
  g_signal_connect_swapped (self->chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* ---- Update from SSB ------------------------------------------------------ */

static void
ssb_done_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  g_autoptr (NvBenchmarkManager) self = data;
  g_auto (NvSsbReport) report = { 0 };
  g_autoptr (GError) error = NULL;
  g_autofree char *period = NULL;
  g_autofree char *next = NULL;
  g_autofree char *body = NULL;

  g_clear_object (&self->ssb_cancellable);
  gtk_widget_set_sensitive (self->ssb_button, TRUE);
  if (!nv_ssb_update_finish (result, &report, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_message (self, _("No Figures Were Fetched"), error->message);
      return;
    }
  period = nv_period_display (report.latest_period);
  next = report.next_publication != NV_DAY_NONE ? nv_day_format_local (report.next_publication)
                                                : g_strdup (_("unknown"));
  body = g_strdup_printf (
    _("%u figures in %u series, %u of them new. The latest period is %s. SSB’s next quarter is "
      "expected around %s."),
    report.n_points, report.n_series, report.n_added, period, next);
  show_message (self, _("Figures Fetched from SSB"), body);
}

static void
ssb_response_cb (AdwMessageDialog *dialog, const char *response, NvBenchmarkManager *self)
{
  g_autoptr (GError) error = NULL;
  NvSsbPlan *plan;

  if (g_strcmp0 (response, "fetch") != 0 || self->ssb_cancellable != NULL)
    return;
  /* NAERVAER_SSB_API points the update at another server (tests only). */
  plan = nv_ssb_plan_load (g_getenv ("NAERVAER_SSB_API"), &error);
  if (plan == NULL)
    {
      show_message (self, _("No Figures Were Fetched"), error->message);
      return;
    }
  if (!nv_backup_before_import (self->context, &error))
    {
      show_message (self, _("No Figures Were Fetched"), error->message);
      return;
    }
  self->ssb_cancellable = g_cancellable_new ();
  gtk_widget_set_sensitive (self->ssb_button, FALSE);
  nv_toast_add (self->toast_overlay, adw_toast_new (_("Fetching figures from SSB…")));
  nv_ssb_update_async (self->store, plan, self->ssb_cancellable, ssb_done_cb,
                       g_object_ref (self));
}

static void
ssb_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  NvBenchmarkManager *self = NV_BENCHMARK_MANAGER (widget);
  GtkWidget *dialog;

  if (self->ssb_cancellable != NULL)
    return;
  dialog = nv_message_dialog_new (
    GTK_WINDOW (self), _("Update Benchmarks from SSB?"),
    _("Nærvær fetches the latest public sick-leave figures from Statistics Norway’s open "
      "statistics bank (data.ssb.no): all sectors, the municipal sector, health and social "
      "services and kindergartens, doctor-certified and total, not seasonally adjusted.\n\n"
      "Nothing about your units, staff or sick leave is sent. The requests only name SSB’s "
      "public tables and the figures wanted, the same for everyone. The figures are SSB’s, "
      "published under CC BY 4.0, and are stored with their source and the time they were "
      "fetched."));
  nv_message_dialog_add_cancel_and (ADW_MESSAGE_DIALOG (dialog), _("_Cancel"), "fetch",
                                    _("_Fetch Figures"), ADW_RESPONSE_SUGGESTED, "fetch");
  g_signal_connect (dialog, "response", G_CALLBACK (ssb_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- GObject ------------------------------------------------------------- */

static void
nv_benchmark_manager_dispose (GObject *object)
{
  NvBenchmarkManager *self = NV_BENCHMARK_MANAGER (object);

  if (self->chooser != NULL)
    {
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
      g_clear_object (&self->chooser);
    }
  if (self->ssb_cancellable != NULL)
    g_cancellable_cancel (self->ssb_cancellable);
  g_clear_object (&self->ssb_cancellable);
  g_clear_signal_handler (&self->changed_id, self->store);
  g_clear_object (&self->store);
  g_clear_object (&self->context);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), NV_TYPE_BENCHMARK_MANAGER);
  G_OBJECT_CLASS (nv_benchmark_manager_parent_class)->dispose (object);
}

static void
nv_benchmark_manager_class_init (NvBenchmarkManagerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nv_benchmark_manager_dispose;

  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/naervaer/Naervaer/ui/nv-benchmark-manager.ui");
  gtk_widget_class_bind_template_child (widget_class, NvBenchmarkManager, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, NvBenchmarkManager, unit_label);
  gtk_widget_class_bind_template_child (widget_class, NvBenchmarkManager, behind_box);
  gtk_widget_class_bind_template_child (widget_class, NvBenchmarkManager, behind_label);
  gtk_widget_class_bind_template_child (widget_class, NvBenchmarkManager, groups_box);
  gtk_widget_class_bind_template_child (widget_class, NvBenchmarkManager, format_label);
  gtk_widget_class_bind_template_child (widget_class, NvBenchmarkManager, ssb_button);
  gtk_widget_class_install_action (widget_class, "manager.update-ssb", NULL, ssb_action);
  gtk_widget_class_install_action (widget_class, "manager.import", NULL, import_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "manager.import",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
nv_benchmark_manager_init (NvBenchmarkManager *self)
{
  /* A screen reader says «dialog»; set on the instance: GTK 4.8 ignores
   * the role of a window subclass set on its class. */
  g_object_set (self, "accessible-role", GTK_ACCESSIBLE_ROLE_DIALOG, NULL);
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_ptr_array_new ();
  gtk_label_set_text (
    self->format_label,
    _("Import format: a CSV file with the columns serie;periode;prosent;type;grunnlag;kilde "
      "(or series;period;percent;measure;basis;source). Period is a quarter such as 2024-Q2 or "
      "a year such as 2024; type is legemeldt or totalt; every figure needs its source. A "
      "figure that already exists is replaced, and the import says so. Figures shipped with "
      "Nærvær are kept with their sources."));
}

GtkWindow *
nv_benchmark_manager_new (GtkWindow *parent, NvContext *context, gint64 unit_id)
{
  NvBenchmarkManager *self;

  g_return_val_if_fail (NV_IS_CONTEXT (context), NULL);

  self = g_object_new (NV_TYPE_BENCHMARK_MANAGER, "transient-for", parent, NULL);
  self->context = g_object_ref (context);
  self->store = g_object_ref (nv_context_get_store (context));
  self->today = nv_context_today (context);
  self->unit_id = unit_id;
  self->changed_id =
    g_signal_connect_swapped (self->store, "changed", G_CALLBACK (store_changed_cb), self);
  reload (self);
  return GTK_WINDOW (self);
}

GPtrArray *
nv_benchmark_manager_get_rows (NvBenchmarkManager *self)
{
  g_return_val_if_fail (NV_IS_BENCHMARK_MANAGER (self), NULL);
  return self->rows;
}
