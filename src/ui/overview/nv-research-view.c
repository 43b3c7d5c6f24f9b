/* nv-research-view.c — a 10-FAKTOR factor against sick leave across the
 * units of a sector: the scatter plot with its least-squares line, the
 * figures in plain words, and the same numbers as a table.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-research-view"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "nv-faktor-chart.h"
#include "nv-faktor.h"
#include "nv-figure-view.h"
#include "nv-format.h"
#include "nv-research-view.h"
#include "nv-scatter.h"
#include "nv-table.h"
#include "nv-print.h"
#include "nv-unit.h"
#include "nv-view-print.h"
#include "nv-window.h"

struct _NvResearchView
{
  GtkBox parent_instance;

  NvStore *store;
  NvResearch *research;
  NvScatter *scatter;

  GtkDropDown *factor;
  GtkDropDown *sector;
  GtkDropDown *measure;
  GtkLabel *words;
  GtkLabel *figures;
  GtkStack *views;
  GtkToggleButton *table_toggle;
  NvFigureView *figure;
  GtkColumnView *table;
  GListStore *rows;
  GtkFileChooserNative *chooser;
  char *export_format;
};

G_DEFINE_FINAL_TYPE (NvResearchView, nv_research_view, GTK_TYPE_BOX)

static const char *const sector_ids[] = { "helse-omsorg", "barnehage", "annet" };

static void
draw_cb (gpointer data, cairo_t *cr, double width, double height, const NvChartStyle *style)
{
  NvResearchView *self = data;

  if (self->scatter != NULL)
    nv_scatter_draw (self->scatter, cr, width, height, style);
}

static char *
tooltip_cb (gpointer data, double width, double height, const NvChartStyle *style, double x,
            double y)
{
  NvResearchView *self = data;
  const NvResearchPoint *p;
  g_autofree char *mean = NULL;
  g_autofree char *percent = NULL;
  int i;

  if (self->scatter == NULL || self->research == NULL)
    return NULL;
  i = nv_scatter_hit_test (self->scatter, width, height, style, x, y);
  if (i < 0)
    return NULL;
  p = &g_array_index (self->research->points, NvResearchPoint, i);
  mean = nv_format_decimal (p->factor_mean, 2);
  percent = nv_format_percent (p->percent);
  /* TRANSLATORS: tooltip of a point: unit, factor, its mean, sick leave */
  return g_strdup_printf (_("%s\n%s: %s\nSick leave: %s"), p->unit_name,
                          nv_faktor_factor_label (self->research->factor), mean, percent);
}

static void
rebuild (NvResearchView *self)
{
  g_autoptr (GError) error = NULL;
  guint factor = gtk_drop_down_get_selected (self->factor);
  guint sector = gtk_drop_down_get_selected (self->sector);
  NvResearchMeasure measure =
    gtk_drop_down_get_selected (self->measure) == 1 ? NV_RESEARCH_DOCTOR : NV_RESEARCH_TOTAL;
  g_autofree char *words = NULL;
  g_autofree char *figures = NULL;
  g_autofree char *title = NULL;

  g_clear_pointer (&self->research, nv_research_free);
  g_clear_pointer (&self->scatter, nv_scatter_free);
  g_list_store_remove_all (self->rows);
  if (self->store == NULL || factor >= NV_FAKTOR_N || sector >= G_N_ELEMENTS (sector_ids))
    return;
  self->research = nv_research_compute (self->store, factor, sector_ids[sector], measure, &error);
  if (self->research == NULL)
    {
      gtk_label_set_text (self->words, error->message);
      return;
    }
  self->scatter = nv_research_chart (self->research);
  title = g_strdup (nv_scatter_get_title (self->scatter));
  for (guint i = 0; i < self->research->n; i++)
    {
      const NvResearchPoint *p = &g_array_index (self->research->points, NvResearchPoint, i);
      char **texts = g_new0 (char *, 5);

      texts[0] = g_strdup (p->unit_name);
      texts[1] = nv_day_format_local (p->date);
      texts[2] = nv_format_decimal (p->factor_mean, 2);
      texts[3] = nv_format_percent (p->percent);
      g_autoptr (NvTableItem) item = nv_table_item_new (p->unit_id, texts, NULL, NULL, NULL);

      g_list_store_append (self->rows, item); /* refs it */
    }
  words = nv_research_describe (self->research);
  figures = nv_research_figures_text (self->research);
  gtk_label_set_text (self->words, words);
  gtk_label_set_text (self->figures, figures);
  {
    g_autofree char *summary = g_strdup_printf ("%s. %s", title, words);
    nv_figure_view_set_summary (self->figure, summary);
  }
  gtk_widget_queue_draw (GTK_WIDGET (self->figure));
}

static void
changed_cb (NvResearchView *self)
{
  rebuild (self);
}

static void
toggle_cb (NvResearchView *self)
{
  gtk_stack_set_visible_child_name (self->views, gtk_toggle_button_get_active (self->table_toggle)
                                                   ? "table"
                                                   : "chart");
}

static void
toast (GtkRoot *root, const char *message)
{
  if (NV_IS_WINDOW (root))
    nv_window_toast (NV_WINDOW (root), message);
}

/* After writing @path: «Saved “name”», or why it failed. */
static void
toast_saved (GtkRoot *root, const char *path, const GError *error)
{
  g_autofree char *base = NULL;
  g_autofree char *message = NULL;

  if (error != NULL)
    {
      toast (root, error->message);
      return;
    }
  base = g_path_get_basename (path);
  message = g_strdup_printf (_("Saved “%s”"), base);
  toast (root, message);
}

static void
export_response_cb (GtkNativeDialog *dialog, int response, NvResearchView *self)
{
  g_autoptr (GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr (GError) error = NULL;
  NvChartStyle style;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      path = g_file_get_path (file);
    }
  g_clear_object (&self->chooser);
  if (path == NULL || self->scatter == NULL)
    return;
  if (!g_str_has_suffix (path, ".png") && !g_str_has_suffix (path, ".svg") &&
      !g_str_has_suffix (path, ".pdf"))
    {
      char *with_ext = g_strconcat (path, ".", self->export_format, NULL);
      g_free (path);
      path = with_ext;
    }
  /* Files are read on paper and projectors: the light style, sized for print. */
  nv_chart_style_init (&style, NV_CHART_STYLE_LIGHT);
  nv_chart_style_scale_for_size (&style, 1600, 1000);
  nv_scatter_export (self->scatter, path, 1600, 1000, &style, &error);
  toast_saved (root, path, error);
}

static void
export_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  NvResearchView *self = NV_RESEARCH_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autofree char *name = NULL;

  if (self->research == NULL)
    return;
  g_free (self->export_format);
  self->export_format = g_strdup (g_variant_get_string (parameter, NULL));
  /* TRANSLATORS: file name of the exported research chart; factor, extension */
  name = g_strdup_printf (_("%s and sick leave.%s"),
                          nv_faktor_factor_label (self->research->factor), self->export_format);
  self->chooser = gtk_file_chooser_native_new (_("Export Chart"),
                                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"),
                                               _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  g_signal_connect (self->chooser, "response", G_CALLBACK (export_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
print_done_cb (const char *message, gboolean cancelled, gpointer data)
{
  NvResearchView *self = data;

  if (message != NULL)
    toast (gtk_widget_get_root (GTK_WIDGET (self)), message);
  g_object_unref (self);
}

static void
pdf_done_cb (const char *message, gboolean cancelled, gpointer data)
{
  NvResearchView *self = data;

  if (!cancelled)
    toast (gtk_widget_get_root (GTK_WIDGET (self)),
           message != NULL ? message : _("Research saved"));
  g_object_unref (self);
}

/* Title, choices, the chart, the finding and the table, on paper. */
static void
print_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  NvResearchView *self = NV_RESEARCH_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWindow *parent = GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
  g_autoptr (NvDocument) doc = NULL;
  g_autofree char *name = NULL;

  if (self->research == NULL)
    return;
  doc = nv_research_document_new (self->research, NV_DAY_NONE);
  if (g_str_equal (action_name, "research.print"))
    {
      nv_print_run (parent, NV_PRINTABLE (doc), print_done_cb, g_object_ref (self));
      return;
    }
  /* TRANSLATORS: suggested file name of the research printout; %s is the factor */
  name = g_strdup_printf (_("%s and sick leave.pdf"),
                          nv_faktor_factor_label (self->research->factor));
  nv_print_export_pdf (parent, NV_PRINTABLE (doc), _("Export Research as PDF"), name,
                       pdf_done_cb, g_object_ref (self));
}

static void
csv_response_cb (GtkNativeDialog *dialog, int response, NvResearchView *self)
{
  g_autoptr (GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (NvSheet) sheet = NULL;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      path = g_file_get_path (file);
    }
  g_clear_object (&self->chooser);
  if (path == NULL || self->research == NULL)
    return;
  if (!g_str_has_suffix (path, ".csv"))
    {
      char *with_ext = g_strconcat (path, ".csv", NULL);
      g_free (path);
      path = with_ext;
    }
  sheet = nv_sheet_for_research (self->research);
  nv_sheet_write_csv (sheet, path, &error);
  toast_saved (root, path, error);
}

static void
csv_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  NvResearchView *self = NV_RESEARCH_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr (GFile) folder = nv_print_documents_folder ();
  g_autofree char *name = NULL;

  if (self->research == NULL || self->chooser != NULL)
    return;
  /* TRANSLATORS: file name of the research table as CSV; %s is the factor */
  name = g_strdup_printf (_("%s and sick leave.csv"),
                          nv_faktor_factor_label (self->research->factor));
  self->chooser = gtk_file_chooser_native_new (_("Export Table as CSV"),
                                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"),
                                               _("_Cancel"));
  gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (self->chooser), folder, NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  g_signal_connect (self->chooser, "response", G_CALLBACK (csv_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static GtkDropDown *
drop_down (GtkStringList *list, const char *label)
{
  GtkDropDown *d = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (list)), NULL));

  gtk_accessible_update_property (GTK_ACCESSIBLE (d), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_widget_set_tooltip_text (GTK_WIDGET (d), label);
  return d;
}

static void
nv_research_view_dispose (GObject *object)
{
  NvResearchView *self = NV_RESEARCH_VIEW (object);

  g_clear_pointer (&self->research, nv_research_free);
  g_clear_pointer (&self->scatter, nv_scatter_free);
  g_clear_object (&self->store);
  g_clear_object (&self->rows);
  g_clear_object (&self->chooser);
  g_clear_pointer (&self->export_format, g_free);
  G_OBJECT_CLASS (nv_research_view_parent_class)->dispose (object);
}

static void
nv_research_view_class_init (NvResearchViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nv_research_view_dispose;
  gtk_widget_class_install_action (widget_class, "research.export", "s", export_action);
  gtk_widget_class_install_action (widget_class, "research.export-csv", NULL, csv_action);
  gtk_widget_class_install_action (widget_class, "research.export-pdf", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "research.print", NULL, print_action);
}

static void
nv_research_view_init (NvResearchView *self)
{
  g_autoptr (GtkStringList) factors = gtk_string_list_new (NULL);
  g_autoptr (GtkStringList) sectors = gtk_string_list_new (NULL);
  g_autoptr (GtkStringList) measures = gtk_string_list_new (NULL);
  g_autoptr (GMenu) menu = g_menu_new ();
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *wrap = gtk_flow_box_new ();
  GtkWidget *export, *toggle_box, *scroller;
  GtkSingleSelection *selection;

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (GTK_BOX (self), 12);
  for (int f = 0; f < NV_FAKTOR_N; f++)
    gtk_string_list_append (factors, nv_faktor_factor_label (f));
  for (guint s = 0; s < G_N_ELEMENTS (sector_ids); s++)
    gtk_string_list_append (sectors, nv_sector_label (sector_ids[s]));
  gtk_string_list_append (measures, _("Total sick leave"));
  gtk_string_list_append (measures, _("Doctor-certified only"));
  self->factor = drop_down (factors, _("Factor"));
  gtk_drop_down_set_selected (self->factor, (guint) nv_faktor_factor_index ("mastery_climate"));
  self->sector = drop_down (sectors, _("Sector"));
  /* TRANSLATORS: which sick-leave figure is compared (total or doctor-certified), not a «tiltak» */
  self->measure = drop_down (measures, C_("sick-leave figure", "Measure"));

  /* Controls wrap onto several lines in a narrow window. */
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (wrap), GTK_SELECTION_NONE);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (wrap), 5);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (wrap), 6);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (wrap), 6);
  gtk_widget_set_hexpand (wrap, TRUE);
  gtk_flow_box_append (GTK_FLOW_BOX (wrap), GTK_WIDGET (self->factor));
  gtk_flow_box_append (GTK_FLOW_BOX (wrap), GTK_WIDGET (self->sector));
  gtk_flow_box_append (GTK_FLOW_BOX (wrap), GTK_WIDGET (self->measure));
  gtk_box_append (GTK_BOX (bar), wrap);

  toggle_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  self->table_toggle = GTK_TOGGLE_BUTTON (gtk_toggle_button_new ());
  gtk_button_set_icon_name (GTK_BUTTON (self->table_toggle), "view-list-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->table_toggle), _("Show as a table"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->table_toggle),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Show as a table"), -1);
  gtk_widget_set_valign (GTK_WIDGET (self->table_toggle), GTK_ALIGN_START);
  {
    g_autoptr (GMenu) chart = g_menu_new ();
    g_autoptr (GMenu) whole = g_menu_new ();

    g_menu_append (chart, _("PNG Image"), "research.export::png");
    g_menu_append (chart, _("SVG Image"), "research.export::svg");
    g_menu_append (chart, _("PDF Document"), "research.export::pdf");
    g_menu_append_section (menu, _("The chart"), G_MENU_MODEL (chart));
    g_menu_append (whole, _("Table as CSV…"), "research.export-csv");
    g_menu_append (whole, _("Export as PDF…"), "research.export-pdf");
    g_menu_append (whole, _("Print…"), "research.print");
    g_menu_append_section (menu, _("Chart, findings and table"), G_MENU_MODEL (whole));
  }
  export = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (export), "document-save-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (export), G_MENU_MODEL (menu));
  gtk_widget_set_tooltip_text (export, _("Export or print"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (export), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Export or print"), -1);
  gtk_widget_set_valign (export, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (toggle_box), GTK_WIDGET (self->table_toggle));
  gtk_box_append (GTK_BOX (toggle_box), export);
  gtk_box_append (GTK_BOX (bar), toggle_box);
  gtk_box_append (GTK_BOX (self), bar);

  self->words = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->words, TRUE);
  gtk_label_set_xalign (self->words, 0);
  gtk_label_set_selectable (self->words, TRUE);
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->words));

  self->views = GTK_STACK (gtk_stack_new ());
  self->figure = NV_FIGURE_VIEW (nv_figure_view_new ());
  nv_figure_view_set_natural_height (self->figure, 520);
  nv_figure_view_set_funcs (self->figure, draw_cb, tooltip_cb, NULL, self);
  gtk_stack_add_named (self->views, GTK_WIDGET (self->figure), "chart");
  self->rows = g_list_store_new (NV_TYPE_TABLE_ITEM);
  selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->rows)));
  self->table = GTK_COLUMN_VIEW (gtk_column_view_new (GTK_SELECTION_MODEL (selection)));
  gtk_widget_add_css_class (GTK_WIDGET (self->table), "data-table");
  nv_table_add_column (self->table, _("Unit"), 0, NV_TABLE_TEXT, TRUE);
  nv_table_add_column (self->table, _("Survey closed"), 1, NV_TABLE_TEXT, FALSE);
  nv_table_add_column (self->table, _("Factor mean"), 2, NV_TABLE_NUMBER, FALSE);
  nv_table_add_column (self->table, _("Sick leave"), 3, NV_TABLE_NUMBER, FALSE);
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_AUTOMATIC,
                                  GTK_POLICY_NEVER);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->table));
  gtk_stack_add_named (self->views, scroller, "table");
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->views));

  self->figures = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->figures, TRUE);
  gtk_label_set_xalign (self->figures, 0);
  gtk_label_set_selectable (self->figures, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->figures), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (self->figures), "numeric");
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->figures));

  g_signal_connect_swapped (self->factor, "notify::selected", G_CALLBACK (changed_cb), self);
  g_signal_connect_swapped (self->sector, "notify::selected", G_CALLBACK (changed_cb), self);
  g_signal_connect_swapped (self->measure, "notify::selected", G_CALLBACK (changed_cb), self);
  g_signal_connect_swapped (self->table_toggle, "toggled", G_CALLBACK (toggle_cb), self);
}

GtkWidget *
nv_research_view_new (void)
{
  return g_object_new (NV_TYPE_RESEARCH_VIEW, NULL);
}

void
nv_research_view_set_store (NvResearchView *self, NvStore *store)
{
  g_set_object (&self->store, store);
  rebuild (self);
}

void
nv_research_view_reload (NvResearchView *self)
{
  rebuild (self);
}

NvScatter *
nv_research_view_get_scatter (NvResearchView *self)
{
  return self->scatter;
}

const NvResearch *
nv_research_view_get_research (NvResearchView *self)
{
  return self->research;
}
