/* nv-compare-page.c — the Compare section: the unit against benchmarks.
 *
 * All figures come from NvCompare (src/present/nv-compare.h), which also
 * feeds `naervaer-cli chart`, so screen, export and CLI agree. On this
 * screen (the leader's own) masked quarters keep their value with a hatch
 * and a «Few persons» badge; exports are built with masking on.
 *
 * The light, trend, charts and table are filled in nv-compare-page-views.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-compare-page"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>
#include <math.h>

#include "nv-benchmark-manager.h"
#include "nv-chart-view.h"
#include "nv-compare-page-private.h"
#include "nv-compare.h"
#include "nv-format.h"
#include "nv-print.h"
#include "nv-sheet.h"
#include "nv-table.h"

G_DEFINE_FINAL_TYPE (NvComparePage, nv_compare_page, NV_TYPE_PAGE)

/* TRUE when the series' label already names its measure, in the data's
 * Norwegian («(legemeldt)», «(totalt)») or in the user's language. */
static gboolean
series_names_measure (const NvBenchmarkSeries *series)
{
  const char *data_word = series->measure == NV_MEASURE_LEGEMELDT ? "legemeldt" : "totalt";
  g_autofree char *label = g_utf8_casefold (series->label, -1);
  g_autofree char *word = g_utf8_casefold (nv_compare_measure_word (series->measure), -1);
  g_autofree char *data_in_parens = g_strdup_printf ("(%s)", data_word);
  g_autofree char *word_in_parens = g_strdup_printf ("(%s)", word);

  return strstr (label, data_in_parens) != NULL || strstr (label, word_in_parens) != NULL;
}

static void rebuild (NvComparePage *self);

/* ---- helpers ------------------------------------------------------------ */

static NvBenchmarkSeries *
find_series (NvComparePage *self, const char *name)
{
  for (guint i = 0; self->series_list != NULL && i < self->series_list->len; i++)
    {
      NvBenchmarkSeries *series = g_ptr_array_index (self->series_list, i);
      if (name != NULL && g_ascii_strcasecmp (series->name, name) == 0)
        return series;
    }
  return NULL;
}

static void
extra_toggled_cb (GtkCheckButton *button, NvComparePage *self)
{
  const char *name = g_object_get_data (G_OBJECT (button), "series-name");

  if (self->updating)
    return;
  if (gtk_check_button_get_active (button))
    g_hash_table_add (self->extra, g_strdup (name));
  else
    g_hash_table_remove (self->extra, name);
  rebuild (self);
}

static void
update_more_box (NvComparePage *self, NvBenchmarkSeries *primary)
{
  GtkWidget *child;
  guint n = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->more_box))) != NULL)
    gtk_box_remove (self->more_box, child);
  for (guint i = 0; primary != NULL && i < self->series_list->len; i++)
    {
      NvBenchmarkSeries *series = g_ptr_array_index (self->series_list, i);
      GtkWidget *check;

      if (series == primary || series->measure != primary->measure || series->n_points == 0)
        continue;
      check = gtk_check_button_new_with_label (series->label);
      g_object_set_data_full (G_OBJECT (check), "series-name", g_strdup (series->name), g_free);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                                   g_hash_table_contains (self->extra, series->name));
      g_signal_connect (check, "toggled", G_CALLBACK (extra_toggled_cb), self);
      gtk_box_append (self->more_box, check);
      n++;
    }
  gtk_widget_set_visible (self->more_heading, n > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->more_box), n > 0);
}

/* The keyboard's way to what a click on a legend entry does. */
static void
shown_toggled_cb (GtkCheckButton *button, NvComparePage *self)
{
  guint series = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "series-index"));
  gboolean visible = gtk_check_button_get_active (button);
  NvChartView *views[] = { self->trend_view, self->recent_view };

  for (guint v = 0; v < G_N_ELEMENTS (views); v++)
    {
      NvChart *chart = nv_chart_view_get_chart (views[v]);

      if (chart != NULL && series < nv_chart_get_n_series (chart))
        {
          nv_chart_set_series_visible (chart, series, visible);
          gtk_widget_queue_draw (GTK_WIDGET (views[v]));
        }
    }
}

/* Filled when the popover opens, so it shows what legend clicks changed. */
static void
series_popover_show_cb (NvComparePage *self)
{
  NvChart *chart = nv_chart_view_get_chart (self->trend_view);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->shown_box))) != NULL)
    gtk_box_remove (self->shown_box, child);
  for (guint s = 0; chart != NULL && s < nv_chart_get_n_series (chart); s++)
    {
      GtkWidget *check = gtk_check_button_new_with_label (nv_chart_get_series_name (chart, s));

      gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                                   nv_chart_get_series_visible (chart, s));
      g_object_set_data (G_OBJECT (check), "series-index", GUINT_TO_POINTER (s));
      g_signal_connect (check, "toggled", G_CALLBACK (shown_toggled_cb), self);
      gtk_box_append (self->shown_box, check);
    }
}

/* Builds the comparison for the current unit and chosen series. */
static void
rebuild (NvComparePage *self)
{
  NvStore *store = nv_page_get_store (NV_PAGE (self));
  gint64 unit_id = nv_page_get_unit_id (NV_PAGE (self));
  g_autoptr (GPtrArray) names = g_ptr_array_new ();
  g_autoptr (GError) error = NULL;
  NvBenchmarkSeries *primary = find_series (self, self->primary);

  g_clear_pointer (&self->compare, nv_compare_free);
  if (store == NULL || unit_id == 0)
    {
      gtk_stack_set_visible_child_name (self->state_stack, "empty");
      return;
    }
  if (primary != NULL)
    {
      GHashTableIter iter;
      gpointer key;

      g_ptr_array_add (names, primary->name);
      g_hash_table_iter_init (&iter, self->extra);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        {
          NvBenchmarkSeries *extra = find_series (self, key);
          if (extra != NULL && extra != primary && extra->measure == primary->measure)
            g_ptr_array_add (names, extra->name);
        }
    }
  g_ptr_array_add (names, NULL);

  self->updating = TRUE;
  update_more_box (self, primary);
  self->updating = FALSE;

  self->compare = nv_compare_new (store, unit_id, (const char *const *) names->pdata, NV_DAY_NONE,
                                  NV_DAY_NONE, nv_page_today (NV_PAGE (self)), &error);
  if (self->compare == NULL)
    {
      if (nv_store_error_is_offline (error))
        g_debug ("Could not compare: %s", error->message);
      else
        g_warning ("Could not compare: %s", error->message);
      /* (the banner already says the server is out of reach) */
      if (!nv_store_error_is_offline (error))
        nv_page_toast (NV_PAGE (self), error->message);
      gtk_stack_set_visible_child_name (self->state_stack, "empty");
      return;
    }
  if (self->compare->n_with_data == 0)
    {
      gtk_stack_set_visible_child_name (self->state_stack, "empty");
      return;
    }
  gtk_stack_set_visible_child_name (self->state_stack, "content");
  nv_compare_page_update_views (self);
}

/* ---- callbacks ---------------------------------------------------------- */

static void
dropdown_selected_cb (GtkDropDown *dropdown, GParamSpec *pspec, NvComparePage *self)
{
  guint position = gtk_drop_down_get_selected (dropdown);
  NvBenchmarkSeries *series;

  if (self->updating || self->series_list == NULL || position >= self->series_list->len)
    return;
  series = g_ptr_array_index (self->series_list, position);
  g_free (self->primary);
  self->primary = g_strdup (series->name);
  rebuild (self);
}

static void
view_toggled_cb (NvComparePage *self)
{
  gtk_stack_set_visible_child_name (self->view_stack,
                                    gtk_toggle_button_get_active (self->chart_toggle) ? "chart"
                                                                                      : "table");
}

static void
export_response_cb (GtkNativeDialog *dialog, int response, NvComparePage *self)
{
  g_autoptr (GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr (GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT && self->compare != NULL)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      path = g_file_get_path (file);
    }
  g_clear_object (&self->chooser);
  if (path == NULL)
    return;

  if (!g_str_has_suffix (path, ".png") && !g_str_has_suffix (path, ".svg") &&
      !g_str_has_suffix (path, ".pdf") && !g_str_has_suffix (path, ".csv") &&
      !g_str_has_suffix (path, ".xlsx"))
    {
      char *with_ext = g_strconcat (path, ".", self->export_format, NULL);
      g_free (path);
      path = with_ext;
    }
  nv_compare_page_export (self, path, &error);
  nv_page_toast_saved (NV_PAGE (self), path, error);
}

static void
export_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  NvComparePage *self = NV_COMPARE_PAGE (widget);
  const char *format = g_variant_get_string (parameter, NULL);
  g_autofree char *name = NULL;
  GtkRoot *root = gtk_widget_get_root (widget);

  if (self->compare == NULL)
    return;
  g_free (self->export_format);
  self->export_format = g_strdup (format);
  /* TRANSLATORS: file name of an exported chart: unit name, extension */
  name = g_strdup_printf (_("%s – sick leave.%s"), self->compare->unit_name, format);
  self->chooser = gtk_file_chooser_native_new (g_str_equal (format, "csv") ||
                                                   g_str_equal (format, "xlsx")
                                                 ? _("Export Table")
                                                 : _("Export Chart"),
                                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"),
                                               _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  {
    g_autoptr (GFile) folder = nv_print_documents_folder ();
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (self->chooser), folder, NULL);
  }
  g_signal_connect (self->chooser, "response", G_CALLBACK (export_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
manage_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  NvComparePage *self = NV_COMPARE_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWindow *manager;

  if (nv_page_get_store (NV_PAGE (self)) == NULL)
    return;
  manager = nv_benchmark_manager_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                      nv_page_get_context (NV_PAGE (self)),
                                      nv_page_get_unit_id (NV_PAGE (self)));
  gtk_window_present (manager);
}

/* ---- NvPage ------------------------------------------------------------- */

static void
nv_compare_page_reload (NvPage *page)
{
  NvComparePage *self = NV_COMPARE_PAGE (page);
  NvStore *store = nv_page_get_store (page);
  gint64 unit_id = nv_page_get_unit_id (page);
  g_autoptr (GtkStringList) labels = gtk_string_list_new (NULL);
  g_autoptr (GError) error = NULL;
  guint selected = GTK_INVALID_LIST_POSITION;

  g_clear_pointer (&self->series_list, g_ptr_array_unref);
  if (store == NULL || unit_id == 0)
    {
      rebuild (self);
      return;
    }
  self->series_list = nv_benchmark_list (store, unit_id, &error);
  if (self->series_list == NULL)
    {
      if (nv_store_error_is_offline (error))
        g_debug ("Could not list benchmarks: %s", error->message);
      else
        g_warning ("Could not list benchmarks: %s", error->message);
      self->series_list =
        g_ptr_array_new_with_free_func ((GDestroyNotify) nv_benchmark_series_free);
    }
  if (find_series (self, self->primary) == NULL)
    {
      g_autofree char *fallback = g_settings_get_string (nv_page_get_settings (NV_PAGE (self)), "default-benchmark");
      NvBenchmarkSeries *first =
        self->series_list->len > 0 ? g_ptr_array_index (self->series_list, 0) : NULL;

      g_free (self->primary);
      self->primary = g_strdup (find_series (self, fallback) != NULL ? fallback
                                : first != NULL                     ? first->name
                                                                    : NULL);
    }
  for (guint i = 0; i < self->series_list->len; i++)
    {
      NvBenchmarkSeries *series = g_ptr_array_index (self->series_list, i);
      g_autofree char *label = NULL;

      /* «Alle sektorer (totalt)» says its measure already: no «— totalt» after it. */
      label = series_names_measure (series)
                ? g_strdup (series->label)
                /* TRANSLATORS: series and its measure, «Kommuner – legemeldt»
                 * (the Norwegian dash is the en dash) */
                : g_strdup_printf (_("%s — %s"), series->label,
                                   nv_compare_measure_word (series->measure));
      gtk_string_list_append (labels, label);
      if (g_ascii_strcasecmp (series->name, self->primary) == 0)
        selected = i;
    }
  self->updating = TRUE;
  gtk_drop_down_set_model (self->benchmark_dropdown, G_LIST_MODEL (labels));
  gtk_drop_down_set_selected (self->benchmark_dropdown, selected);
  self->updating = FALSE;
  rebuild (self);
}

/* ---- GObject ------------------------------------------------------------ */

static void
nv_compare_page_dispose (GObject *object)
{
  NvComparePage *self = NV_COMPARE_PAGE (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_pointer (&self->compare, nv_compare_free);
  g_clear_pointer (&self->series_list, g_ptr_array_unref);
  g_clear_pointer (&self->extra, g_hash_table_unref);
  g_clear_pointer (&self->primary, g_free);
  g_clear_pointer (&self->export_format, g_free);
  G_OBJECT_CLASS (nv_compare_page_parent_class)->dispose (object);
}

static void
nv_compare_page_class_init (NvComparePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  NvPageClass *page_class = NV_PAGE_CLASS (klass);

  object_class->dispose = nv_compare_page_dispose;
  page_class->reload = nv_compare_page_reload;
  page_class->topics = NV_TOPIC_ABSENCE | NV_TOPIC_BENCHMARKS | NV_TOPIC_UNITS | NV_TOPIC_TARGETS;

  g_type_ensure (NV_TYPE_CHART_VIEW);
  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/naervaer/Naervaer/ui/nv-compare-page.ui");
  gtk_widget_class_bind_template_child (widget_class, NvComparePage, state_stack);
  gtk_widget_class_bind_template_child (widget_class, NvComparePage, empty);
  gtk_widget_class_bind_template_child (widget_class, NvComparePage, benchmark_dropdown);
  gtk_widget_class_bind_template_child (widget_class, NvComparePage, more_button);
  gtk_widget_class_bind_template_child (widget_class, NvComparePage, more_box);
  gtk_widget_class_bind_template_child (widget_class, NvComparePage, more_heading);
  gtk_widget_class_bind_template_child (widget_class, NvComparePage, shown_box);
  gtk_widget_class_bind_template_child (widget_class, NvComparePage, chart_toggle);
  gtk_widget_class_bind_template_child (widget_class, NvComparePage, table_toggle);
  gtk_widget_class_bind_template_child (widget_class, NvComparePage, light_lamp);
  gtk_widget_class_bind_template_child (widget_class, NvComparePage, light_caption);
  gtk_widget_class_bind_template_child (widget_class, NvComparePage, light_title);
  gtk_widget_class_bind_template_child (widget_class, NvComparePage, light_detail);
  gtk_widget_class_bind_template_child (widget_class, NvComparePage, light_badge);
  gtk_widget_class_bind_template_child (widget_class, NvComparePage, light_thresholds);
  gtk_widget_class_bind_template_child (widget_class, NvComparePage, trend_title);
  gtk_widget_class_bind_template_child (widget_class, NvComparePage, trend_detail);
  gtk_widget_class_bind_template_child (widget_class, NvComparePage, trend_badge);
  gtk_widget_class_bind_template_child (widget_class, NvComparePage, trend_definition);
  gtk_widget_class_bind_template_child (widget_class, NvComparePage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, NvComparePage, trend_view);
  gtk_widget_class_bind_template_child (widget_class, NvComparePage, recent_view);
  gtk_widget_class_bind_template_child (widget_class, NvComparePage, duration_view);
  gtk_widget_class_bind_template_child (widget_class, NvComparePage, certificate_view);
  gtk_widget_class_bind_template_child (widget_class, NvComparePage, table);
  gtk_widget_class_bind_template_child (widget_class, NvComparePage, measure_note);
  gtk_widget_class_bind_template_callback (widget_class, view_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, series_popover_show_cb);

  gtk_widget_class_install_action (widget_class, "compare.export", "s", export_action);
  gtk_widget_class_install_action (widget_class, "compare.manage", NULL, manage_action);
}

static void
dropdown_setup_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer ellipsize)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (GPOINTER_TO_INT (ellipsize))
    {
      /* Long series names must not make the page wider than a phone. */
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 28);
      /* …but always show the start of the name, not just «…». */
      gtk_label_set_width_chars (GTK_LABEL (label), 12);
    }
  gtk_list_item_set_child (item, label);
}

static void
dropdown_bind_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer user_data)
{
  GtkStringObject *string = gtk_list_item_get_item (item);

  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)),
                       gtk_string_object_get_string (string));
}

static GtkListItemFactory *
dropdown_factory (gboolean ellipsize)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (dropdown_setup_cb), GINT_TO_POINTER (ellipsize));
  g_signal_connect (factory, "bind", G_CALLBACK (dropdown_bind_cb), NULL);
  return factory;
}

static void
nv_compare_page_init (NvComparePage *self)
{
  g_autoptr (GtkListItemFactory) button_factory = dropdown_factory (TRUE);
  g_autoptr (GtkListItemFactory) list_factory = dropdown_factory (FALSE);

  gtk_widget_init_template (GTK_WIDGET (self));
  nv_unfocus_flow_box_children (GTK_WIDGET (self));
  gtk_drop_down_set_factory (self->benchmark_dropdown, button_factory);
  gtk_drop_down_set_list_factory (self->benchmark_dropdown, list_factory);
  self->extra = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_signal_connect (self->benchmark_dropdown, "notify::selected",
                    G_CALLBACK (dropdown_selected_cb), self);
}

/* ---- public ------------------------------------------------------------- */

gboolean
nv_compare_page_export (NvComparePage *self, const char *path, GError **error)
{
  g_autoptr (NvChart) chart = NULL;
  g_autofree char *lower = NULL;
  NvChart *shown;
  NvChartStyle style;
  double width = 1600, height = 900;

  g_return_val_if_fail (NV_IS_COMPARE_PAGE (self), FALSE);
  if (self->compare == NULL)
    {
      g_set_error (error, NV_STORE_ERROR, NV_STORE_ERROR_NOT_FOUND, "%s",
                   _("There is nothing to export yet"));
      return FALSE;
    }
  /* Exports leave the leader's screen: masked quarters carry no value.
   * Series hidden on screen stay hidden in the file. */
  chart = nv_compare_trend_chart (self->compare, nv_page_get_store (NV_PAGE (self)), TRUE);
  shown = nv_chart_view_get_chart (self->trend_view);
  for (guint s = 0; shown != NULL && s < nv_chart_get_n_series (chart); s++)
    nv_chart_set_series_visible (chart, s, nv_chart_get_series_visible (shown, s));
  lower = g_ascii_strdown (path, -1);
  if (g_str_has_suffix (lower, ".csv") || g_str_has_suffix (lower, ".xlsx"))
    {
      /* The table, masked as everything that leaves the screen. */
      g_autoptr (NvSheet) table = nv_sheet_for_compare (self->compare);
      return nv_sheet_write (table, path, error);
    }
  if (g_str_has_suffix (lower, ".pdf"))
    {
      width = 842;
      height = 474;
    }
  nv_chart_style_init (&style, NV_CHART_STYLE_LIGHT);
  nv_chart_style_scale_for_size (&style, width, height);
  return nv_chart_export (chart, path, width, height, &style, error);
}

const char *
nv_compare_page_get_text (NvComparePage *self, const char *name)
{
  GtkLabel *label = NULL;

  g_return_val_if_fail (NV_IS_COMPARE_PAGE (self), NULL);
  if (g_str_equal (name, "light-title"))
    label = self->light_title;
  else if (g_str_equal (name, "light-detail"))
    label = self->light_detail;
  else if (g_str_equal (name, "light-caption"))
    label = self->light_caption;
  else if (g_str_equal (name, "light-thresholds"))
    label = self->light_thresholds;
  else if (g_str_equal (name, "trend-title"))
    label = self->trend_title;
  else if (g_str_equal (name, "trend-detail"))
    label = self->trend_detail;
  else if (g_str_equal (name, "trend-definition"))
    label = self->trend_definition;
  else if (g_str_equal (name, "measure-note"))
    label = self->measure_note;
  return label != NULL ? gtk_label_get_label (label) : NULL;
}

gboolean
nv_compare_page_get_badge (NvComparePage *self, const char *name)
{
  g_return_val_if_fail (NV_IS_COMPARE_PAGE (self), FALSE);
  return gtk_widget_get_visible (g_str_equal (name, "light") ? self->light_badge
                                                              : self->trend_badge);
}

GtkWidget *
nv_compare_page_get_chart_view (NvComparePage *self, const char *name)
{
  g_return_val_if_fail (NV_IS_COMPARE_PAGE (self), NULL);
  if (g_str_equal (name, "trend"))
    return GTK_WIDGET (self->trend_view);
  if (g_str_equal (name, "recent"))
    return GTK_WIDGET (self->recent_view);
  if (g_str_equal (name, "duration"))
    return GTK_WIDGET (self->duration_view);
  if (g_str_equal (name, "certificate"))
    return GTK_WIDGET (self->certificate_view);
  return NULL;
}

GtkColumnView *
nv_compare_page_get_table (NvComparePage *self)
{
  g_return_val_if_fail (NV_IS_COMPARE_PAGE (self), NULL);
  return self->table;
}

gboolean
nv_compare_page_select_benchmark (NvComparePage *self, const char *name)
{
  g_return_val_if_fail (NV_IS_COMPARE_PAGE (self), FALSE);
  for (guint i = 0; self->series_list != NULL && i < self->series_list->len; i++)
    if (g_ascii_strcasecmp (((NvBenchmarkSeries *) g_ptr_array_index (self->series_list, i))->name,
                            name) == 0)
      {
        gtk_drop_down_set_selected (self->benchmark_dropdown, i);
        return TRUE;
      }
  return FALSE;
}
