/* nv-municipality-page.c — the municipality at a glance (for HR and for
 * leaders with several units): every unit's latest figures in a sortable
 * table with a sector filter, a heat map of units × quarters, the own
 * municipality's figures, CSV export; and the research view (10-FAKTOR
 * against sick leave). Clicking a unit opens it.
 *
 * The page ignores :unit-id: it always shows every unit.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-municipality-page"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "nv-format.h"
#include "nv-faktor-chart.h"
#include "nv-figure-view.h"
#include "nv-format.h"
#include "nv-heatmap.h"
#include "nv-municipal.h"
#include "nv-print.h"
#include "nv-sheet.h"
#include "nv-municipality-page.h"
#include "nv-research-view.h"
#include "nv-table.h"
#include "nv-unit.h"
#include "nv-view-print.h"
#include "nv-window.h"

enum
{
  COL_NAME,
  COL_SECTOR,
  COL_QUARTER,
  COL_LATEST,
  COL_FOUR,
  COL_TREND,
  COL_LIGHT,
  COL_PERSONS,
  COL_OPEN,
  COL_OVERDUE,
  COL_WORKSHOP,
  N_COLS
};

struct _NvMunicipalityPage
{
  NvPage parent_instance;

  NvMunicipal *municipal;
  NvHeatmap *heatmap;
  GArray *heat_rows; /* NvMunicipalUnit * per heat-map row (those shown) */

  GtkStack *stack;
  GtkLabel *own;
  GtkDropDown *sector;
  GtkToggleButton *table_toggle;
  GtkStack *heat_views;
  NvFigureView *heat;
  GtkColumnView *heat_table;
  GListStore *heat_rows_store;
  GtkColumnView *table;
  GListStore *rows;
  GtkCustomFilter *filter;
  NvResearchView *research;
  GtkFileChooserNative *chooser;
};

G_DEFINE_FINAL_TYPE (NvMunicipalityPage, nv_municipality_page, NV_TYPE_PAGE)

static const char *const sector_ids[] = { NULL, "helse-omsorg", "barnehage", "annet" };

static const char *
selected_sector (NvMunicipalityPage *self)
{
  guint i = gtk_drop_down_get_selected (self->sector);

  return i < G_N_ELEMENTS (sector_ids) ? sector_ids[i] : NULL;
}

static gboolean
unit_shown (NvMunicipalityPage *self, const NvMunicipalUnit *u)
{
  const char *sector = selected_sector (self);

  return sector == NULL || g_strcmp0 (u->sector, sector) == 0;
}

static void
open_unit (NvMunicipalityPage *self, gint64 unit_id)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (!NV_IS_WINDOW (root))
    return;
  nv_window_select_unit (NV_WINDOW (root), unit_id);
  nv_window_show_section (NV_WINDOW (root), "overview");
}

/* ---- Texts ------------------------------------------------------------------ */

/* On the leader's own screen masked figures stay, with the «few persons» mark. */
static char *
percent_text (double v, gboolean masked)
{
  g_autofree char *p = NULL;

  if (isnan (v))
    return g_strdup ("–");
  p = nv_format_percent_sign (v);
  return masked ? g_strdup_printf (_("%s (few persons)"), p) : g_steal_pointer (&p);
}

static char *
trend_text (const NvMunicipalUnit *u)
{
  g_autofree char *p = NULL;

  if (isnan (u->trend_points))
    return g_strdup ("–");
  /* As the Compare section shows the same change (see nv-view-print.c). */
  {
    g_autofree char *signed_p = nv_format_points (u->trend_points, 1);
    /* TRANSLATORS: percentage points, e.g. «+0,4 pp» («+0,4 %-poeng»); keep the
     * number and unit together (no-break space; U+2011 for a hyphen) */
    p = g_strdup_printf (_("%s pp"), signed_p);
  }
  return u->trend_masked ? g_strdup_printf (_("%s (few persons)"), p) : g_steal_pointer (&p);
}

static const char *
light_word (NvLight light)
{
  return nv_light_label (light);
}

static char **
unit_texts (const NvMunicipalUnit *u)
{
  char **t = g_new0 (char *, N_COLS + 1);

  t[COL_NAME] = g_strdup (u->name);
  t[COL_SECTOR] = g_strdup (nv_sector_label (u->sector));
  t[COL_QUARTER] = g_strdup (u->latest_label != NULL ? u->latest_label : "–");
  t[COL_LATEST] = percent_text (u->latest_percent, u->latest_masked);
  t[COL_FOUR] = percent_text (u->four_percent, u->four_masked);
  t[COL_TREND] = trend_text (u);
  t[COL_LIGHT] = g_strdup (light_word (u->light));
  t[COL_PERSONS] = u->latest >= 0 ? g_strdup_printf ("%u", u->persons) : g_strdup ("–");
  t[COL_OPEN] = g_strdup_printf ("%u", u->open_measures);
  t[COL_OVERDUE] = g_strdup_printf ("%u", u->overdue_measures);
  t[COL_WORKSHOP] = u->last_workshop != NV_DAY_NONE ? nv_day_format_local (u->last_workshop)
                                                    : g_strdup ("–");
  return t;
}

/* ---- Sorting ----------------------------------------------------------------- */

static int
cmp_double (double a, double b)
{
  /* Missing figures last, whichever the direction. */
  if (isnan (a) || isnan (b))
    return isnan (a) - isnan (b);
  return (a > b) - (a < b);
}

static int
compare_rows (gconstpointer a, gconstpointer b, gpointer column_p)
{
  const NvMunicipalUnit *ua = nv_table_item_get_data ((NvTableItem *) a);
  const NvMunicipalUnit *ub = nv_table_item_get_data ((NvTableItem *) b);

  switch (GPOINTER_TO_INT (column_p))
    {
    case COL_SECTOR:
      return g_strcmp0 (ua->sector, ub->sector);
    case COL_QUARTER:
      return (ua->latest > ub->latest) - (ua->latest < ub->latest);
    case COL_LATEST:
      return cmp_double (ua->latest_percent, ub->latest_percent);
    case COL_FOUR:
      return cmp_double (ua->four_percent, ub->four_percent);
    case COL_TREND:
      return cmp_double (ua->trend_points, ub->trend_points);
    case COL_LIGHT:
      return (int) ua->light - (int) ub->light;
    case COL_PERSONS:
      return (int) ua->persons - (int) ub->persons;
    case COL_OPEN:
      return (int) ua->open_measures - (int) ub->open_measures;
    case COL_OVERDUE:
      return (int) ua->overdue_measures - (int) ub->overdue_measures;
    case COL_WORKSHOP:
      return (ua->last_workshop > ub->last_workshop) - (ua->last_workshop < ub->last_workshop);
    case COL_NAME:
    default:
      return g_utf8_collate (ua->name, ub->name);
    }
}

static void
add_sorted_column (NvMunicipalityPage *self, const char *title, int column, NvTableAlign align,
                   int width)
{
  GtkColumnViewColumn *c = nv_table_add_column (self->table, title, column, align, FALSE);
  g_autoptr (GtkSorter) sorter = GTK_SORTER (
    gtk_custom_sorter_new ((GCompareDataFunc) compare_rows, GINT_TO_POINTER (column), NULL));

  gtk_column_view_column_set_sorter (c, sorter);
  if (width > 0)
    gtk_column_view_column_set_fixed_width (c, width);
  else
    /* figures and short words: never «3. kv. …» or «+26,4 …» */
    nv_table_column_set_whole (c);
}

/* ---- Heat map ---------------------------------------------------------------- */

static void
heat_draw_cb (gpointer data, cairo_t *cr, double width, double height, const NvChartStyle *style)
{
  NvMunicipalityPage *self = data;

  if (self->heatmap != NULL)
    nv_heatmap_draw (self->heatmap, cr, width, height, style);
}

static char *
heat_tooltip_cb (gpointer data, double width, double height, const NvChartStyle *style, double x,
                 double y)
{
  NvMunicipalityPage *self = data;
  const NvMunicipalUnit *u;
  int row, col;

  if (self->heatmap == NULL ||
      !nv_heatmap_hit_test (self->heatmap, width, height, style, x, y, &row, &col))
    return NULL;
  u = g_array_index (self->heat_rows, NvMunicipalUnit *, row);
  if (col < 0)
    return g_strdup_printf (_("%s — click to open the unit"), u->name);
  {
    g_autofree char *quarter = nv_municipal_heat_label (self->municipal, col);
    g_autofree char *value = percent_text (u->heat[col], u->heat_masked[col]);

    return g_strdup_printf ("%s, %s: %s", u->name, quarter, value);
  }
}

static void
heat_click_cb (gpointer data, double width, double height, const NvChartStyle *style, double x,
               double y)
{
  NvMunicipalityPage *self = data;
  int row, col;

  if (self->heatmap != NULL &&
      nv_heatmap_hit_test (self->heatmap, width, height, style, x, y, &row, &col))
    open_unit (self, g_array_index (self->heat_rows, NvMunicipalUnit *, row)->unit_id);
}

static void
rebuild_heat_table (NvMunicipalityPage *self)
{
  GListModel *columns = gtk_column_view_get_columns (self->heat_table);

  while (g_list_model_get_n_items (columns) > 0)
    {
      g_autoptr (GtkColumnViewColumn) c = g_list_model_get_item (columns, 0);
      gtk_column_view_remove_column (self->heat_table, c);
    }
  g_list_store_remove_all (self->heat_rows_store);
  if (self->municipal == NULL || self->municipal->heat_first < 0)
    return;
  nv_table_add_column (self->heat_table, _("Unit"), 0, NV_TABLE_TEXT, TRUE);
  for (guint c = 0; c < NV_MUNICIPAL_HEAT_QUARTERS; c++)
    {
      g_autofree char *label = nv_municipal_heat_label (self->municipal, c);
      nv_table_add_column (self->heat_table, label, c + 1, NV_TABLE_NUMBER, FALSE);
    }
  for (guint r = 0; r < self->heat_rows->len; r++)
    {
      const NvMunicipalUnit *u = g_array_index (self->heat_rows, NvMunicipalUnit *, r);
      char **texts = g_new0 (char *, NV_MUNICIPAL_HEAT_QUARTERS + 2);

      texts[0] = g_strdup (u->name);
      for (guint c = 0; c < NV_MUNICIPAL_HEAT_QUARTERS; c++)
        texts[c + 1] = percent_text (u->heat[c], u->heat_masked[c]);
      g_autoptr (NvTableItem) item = nv_table_item_new (u->unit_id, texts, NULL, NULL, NULL);

      g_list_store_append (self->heat_rows_store, item); /* refs it */
    }
}

static void
rebuild_heat (NvMunicipalityPage *self)
{
  NvChartStyle style;
  g_autofree char *summary = NULL;
  guint n = 0;

  g_clear_pointer (&self->heatmap, nv_heatmap_free);
  g_array_set_size (self->heat_rows, 0);
  if (self->municipal == NULL || self->municipal->heat_first < 0)
    {
      nv_figure_view_set_summary (self->heat, _("No quarters with data yet"));
      rebuild_heat_table (self);
      return;
    }
  for (guint i = 0; i < self->municipal->units->len; i++)
    {
      NvMunicipalUnit *u = g_ptr_array_index (self->municipal->units, i);

      if (unit_shown (self, u))
        g_array_append_val (self->heat_rows, u);
    }
  n = self->heat_rows->len;
  self->heatmap = nv_municipal_heatmap (self->municipal, selected_sector (self), FALSE);
  nv_figure_view_get_style (self->heat, &style);
  nv_figure_view_set_natural_height (self->heat,
                                     (int) nv_heatmap_natural_height (self->heatmap, &style));
  {
    g_autofree char *first = nv_municipal_heat_label (self->municipal, 0);
    g_autofree char *last = nv_municipal_heat_label (self->municipal, NV_MUNICIPAL_HEAT_QUARTERS - 1);

    summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "Heat map of sick leave for %u unit, %s to %s; the "
                                            "table view has the figures",
                                            "Heat map of sick leave for %u units, %s to %s; the "
                                            "table view has the figures",
                                            n),
                               n, first, last);
  }
  nv_figure_view_set_summary (self->heat, summary);
  rebuild_heat_table (self);
}

/* ---- Rebuild ----------------------------------------------------------------- */

static void
update_own (NvMunicipalityPage *self)
{
  const NvMunicipal *m = self->municipal;
  g_autoptr (GString) text = g_string_new (NULL);

  if (m == NULL || m->heat_first < 0 || isnan (m->own_percent))
    {
      gtk_label_set_text (self->own, _("No unit has a complete quarter with figures yet."));
      return;
    }
  {
    g_autofree char *from = nv_municipal_heat_label (m, NV_MUNICIPAL_HEAT_QUARTERS - 4);
    g_autofree char *to = nv_municipal_heat_label (m, NV_MUNICIPAL_HEAT_QUARTERS - 1);
    g_autofree char *all = percent_text (m->own_percent, m->own_masked);

    /* TRANSLATORS: «The whole municipality, Q4 2025–Q3 2026: 9,8 %» */
    g_string_append_printf (text, _("The whole municipality, %s–%s: %s"), from, to, all);
  }
  for (guint s = 0; s < 3; s++)
    if (!isnan (m->own_sector_percent[s]))
      {
        g_autofree char *p = percent_text (m->own_sector_percent[s], m->own_sector_masked[s]);
        g_string_append_printf (text, " · %s: %s", nv_sector_label (sector_ids[s + 1]), p);
      }
  g_string_append (text, "  ");
  g_string_append (text, _("(Σ lost ÷ Σ contracted days over all units)"));
  gtk_label_set_text (self->own, text->str);
}

static void
refilter (NvMunicipalityPage *self)
{
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  rebuild_heat (self);
  gtk_widget_queue_draw (GTK_WIDGET (self->heat));
}

static gboolean
filter_cb (gpointer item, gpointer data)
{
  return unit_shown (data, nv_table_item_get_data (item));
}

static void
nv_municipality_page_reload (NvPage *page)
{
  NvMunicipalityPage *self = NV_MUNICIPALITY_PAGE (page);
  NvStore *store = nv_page_get_store (page);
  g_autoptr (GError) error = NULL;

  g_list_store_remove_all (self->rows);
  g_clear_pointer (&self->municipal, nv_municipal_free);
  nv_research_view_set_store (self->research, store);
  if (store == NULL)
    return;
  self->municipal = nv_municipal_new (store, nv_page_today (NV_PAGE (self)), &error);
  if (self->municipal == NULL)
    {
      gtk_label_set_text (self->own, error->message);
      return;
    }
  for (guint i = 0; i < self->municipal->units->len; i++)
    {
      NvMunicipalUnit *u = g_ptr_array_index (self->municipal->units, i);
      g_autoptr (NvTableItem) item = nv_table_item_new (u->unit_id, unit_texts (u), u->name, u,
                                                        NULL);

      g_list_store_append (self->rows, item);
    }
  update_own (self);
  refilter (self);
}

/* ---- Actions ----------------------------------------------------------------- */

static void
export_response_cb (GtkNativeDialog *dialog, int response, NvMunicipalityPage *self)
{
  g_autoptr (GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr (GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      path = g_file_get_path (file);
      /* The Excel filter chosen: write a workbook, whatever the suggested
       * name's extension. */
      if (path != NULL && gtk_file_chooser_get_filter (GTK_FILE_CHOOSER (dialog)) ==
                            g_object_get_data (G_OBJECT (dialog), "xlsx-filter") &&
          !g_str_has_suffix (path, ".xlsx"))
        {
          char *stem = g_str_has_suffix (path, ".csv") ? g_strndup (path, strlen (path) - 4)
                                                       : g_strdup (path);
          g_free (path);
          path = g_strconcat (stem, ".xlsx", NULL);
          g_free (stem);
        }
    }
  g_clear_object (&self->chooser);
  if (path == NULL || self->municipal == NULL)
    return;
  if (!nv_municipality_page_export (self, path, &error))
    nv_page_toast (NV_PAGE (self), error->message);
  else if (g_str_has_suffix (path, ".xlsx") || g_str_has_suffix (path, ".XLSX"))
    nv_page_toast (NV_PAGE (self), _("Workbook saved"));
  else
    nv_page_toast_saved (NV_PAGE (self), path, NULL);
}

gboolean
nv_municipality_page_export (NvMunicipalityPage *self, const char *path, GError **error)
{
  GListModel *model;
  NvMunicipal shown;
  g_autoptr (GPtrArray) units = g_ptr_array_new ();

  g_return_val_if_fail (NV_IS_MUNICIPALITY_PAGE (self), FALSE);
  g_return_val_if_fail (self->municipal != NULL, FALSE);
  /* The rows of the table as shown: the sector filter applied, in the
   * order the table is sorted. The own municipality's figures stay those of
   * all units (they are not in the export). */
  model = G_LIST_MODEL (gtk_column_view_get_model (self->table));
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr (NvTableItem) item = g_list_model_get_item (model, i);
      g_ptr_array_add (units, nv_table_item_get_data (item));
    }
  shown = *self->municipal;
  shown.units = units;
  if (g_str_has_suffix (path, ".xlsx") || g_str_has_suffix (path, ".XLSX"))
    {
      /* An Excel workbook: numbers as numbers, masked cells empty. */
      g_autoptr (NvSheet) sheet = nv_sheet_for_municipal (&shown);
      return nv_sheet_write_xlsx (sheet, path, error);
    }
  return nv_municipal_export_csv (&shown, path, error);
}

static void
export_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  NvMunicipalityPage *self = NV_MUNICIPALITY_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);

  if (self->municipal == NULL)
    return;
  self->chooser = gtk_file_chooser_native_new (_("Export Overview"),
                                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"),
                                               _("_Cancel"));
  /* TRANSLATORS: file name of the exported municipal overview */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), _("units-overview.csv"));
  {
    /* CSV, or an Excel workbook when the name ends in .xlsx. */
    g_autoptr (GFile) folder = nv_print_documents_folder ();
    g_autoptr (GtkFileFilter) csv = gtk_file_filter_new ();
    g_autoptr (GtkFileFilter) xlsx = gtk_file_filter_new ();

    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (self->chooser), folder, NULL);
    gtk_file_filter_set_name (csv, _("CSV for spreadsheets (.csv)"));
    gtk_file_filter_add_suffix (csv, "csv");
    gtk_file_filter_set_name (xlsx, _("Excel workbook (.xlsx)"));
    gtk_file_filter_add_suffix (xlsx, "xlsx");
    gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), csv);
    gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), xlsx);
    g_object_set_data_full (G_OBJECT (self->chooser), "xlsx-filter", g_object_ref (xlsx),
                            g_object_unref);
  }
  g_signal_connect (self->chooser, "response", G_CALLBACK (export_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
activate_cb (GtkColumnView *view, guint position, NvMunicipalityPage *self)
{
  GListModel *model = G_LIST_MODEL (gtk_column_view_get_model (view));
  g_autoptr (NvTableItem) item = g_list_model_get_item (model, position);

  if (item != NULL)
    open_unit (self, nv_table_item_get_id (item));
}

static void
heat_toggle_cb (NvMunicipalityPage *self)
{
  gtk_stack_set_visible_child_name (self->heat_views,
                                    gtk_toggle_button_get_active (self->table_toggle) ? "table"
                                                                                      : "chart");
}

static void
print_done_cb (const char *message, gboolean cancelled, gpointer data)
{
  NvMunicipalityPage *self = data;

  if (message != NULL)
    nv_page_toast (NV_PAGE (self), message);
  g_object_unref (self);
}

static void
pdf_done_cb (const char *message, gboolean cancelled, gpointer data)
{
  NvMunicipalityPage *self = data;

  if (!cancelled)
    nv_page_toast (NV_PAGE (self), message != NULL ? message : _("Overview saved"));
  g_object_unref (self);
}

/* The printout is masked like the CSV: figures of fewer than 5 persons left out. */
static void
print_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  NvMunicipalityPage *self = NV_MUNICIPALITY_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr (NvDocument) doc = NULL;

  if (self->municipal == NULL)
    return;
  doc = nv_municipal_document_new (self->municipal, selected_sector (self),
                                   nv_page_today (NV_PAGE (self)));
  if (g_str_equal (action_name, "municipality.print"))
    nv_print_run (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, NV_PRINTABLE (doc),
                  print_done_cb, g_object_ref (self));
  else
    /* TRANSLATORS: suggested file name of the municipal overview as PDF */
    nv_print_export_pdf (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, NV_PRINTABLE (doc),
                         _("Export Overview as PDF"), _("Municipality at a glance.pdf"),
                         pdf_done_cb, g_object_ref (self));
}

/* ---- GObject ----------------------------------------------------------------- */

static void
nv_municipality_page_dispose (GObject *object)
{
  NvMunicipalityPage *self = NV_MUNICIPALITY_PAGE (object);

  g_clear_pointer (&self->heatmap, nv_heatmap_free);
  g_clear_pointer (&self->municipal, nv_municipal_free);
  g_clear_pointer (&self->heat_rows, g_array_unref);
  g_clear_object (&self->rows);
  g_clear_object (&self->heat_rows_store);
  g_clear_object (&self->chooser);
  G_OBJECT_CLASS (nv_municipality_page_parent_class)->dispose (object);
}

static void
nv_municipality_page_class_init (NvMunicipalityPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  NvPageClass *page_class = NV_PAGE_CLASS (klass);

  object_class->dispose = nv_municipality_page_dispose;
  page_class->reload = nv_municipality_page_reload;
  gtk_widget_class_install_action (widget_class, "municipality.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "municipality.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "municipality.export-pdf", NULL, print_action);
}

static GtkWidget *
scrolled (GtkWidget *child)
{
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();

  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 1600);
  adw_clamp_set_tightening_threshold (ADW_CLAMP (clamp), 1200);
  gtk_widget_set_margin_start (child, 12);
  gtk_widget_set_margin_end (child, 12);
  gtk_widget_set_margin_top (child, 12);
  gtk_widget_set_margin_bottom (child, 24);
  adw_clamp_set_child (ADW_CLAMP (clamp), child);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);
  gtk_widget_set_vexpand (scroller, TRUE);
  return scroller;
}

static GtkWidget *
build_units (NvMunicipalityPage *self)
{
  g_autoptr (GtkStringList) sectors = gtk_string_list_new (NULL);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *export, *table_scroller, *heat_scroller, *spacer;
  GtkSortListModel *sorted;
  GtkFilterListModel *filtered;
  GtkSingleSelection *selection;

  gtk_string_list_append (sectors, _("All sectors"));
  for (guint s = 1; s < G_N_ELEMENTS (sector_ids); s++)
    gtk_string_list_append (sectors, nv_sector_label (sector_ids[s]));
  self->sector = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (sectors)), NULL));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->sector), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Sector"), -1);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->sector), _("Show units of one sector"));
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->sector));
  spacer = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_set_hexpand (spacer, TRUE);
  gtk_box_append (GTK_BOX (bar), spacer);
  self->table_toggle = GTK_TOGGLE_BUTTON (gtk_toggle_button_new ());
  gtk_button_set_icon_name (GTK_BUTTON (self->table_toggle), "view-list-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->table_toggle), _("Show the heat map as a table"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->table_toggle),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Show the heat map as a table"), -1);
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->table_toggle));
  {
    g_autoptr (GMenu) menu = g_menu_new ();

    g_menu_append (menu, _("Export as CSV or Excel…"), "municipality.export");
    g_menu_append (menu, _("Export as PDF…"), "municipality.export-pdf");
    g_menu_append (menu, _("Print…"), "municipality.print");
    export = gtk_menu_button_new ();
    gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (export), "document-save-symbolic");
    gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (export), G_MENU_MODEL (menu));
  }
  gtk_widget_set_tooltip_text (export, _("Export or print the overview (figures of units with "
                                         "fewer than 5 persons left out)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (export), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Export or print the overview"), -1);
  gtk_box_append (GTK_BOX (bar), export);
  gtk_box_append (GTK_BOX (box), bar);

  self->own = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->own, TRUE);
  gtk_label_set_xalign (self->own, 0);
  gtk_label_set_selectable (self->own, TRUE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->own));

  self->heat_views = GTK_STACK (gtk_stack_new ());
  gtk_stack_set_vhomogeneous (self->heat_views, FALSE);
  self->heat = NV_FIGURE_VIEW (nv_figure_view_new ());
  nv_figure_view_set_funcs (self->heat, heat_draw_cb, heat_tooltip_cb, heat_click_cb, self);
  gtk_stack_add_named (self->heat_views, GTK_WIDGET (self->heat), "chart");
  self->heat_rows_store = g_list_store_new (NV_TYPE_TABLE_ITEM);
  self->heat_table = GTK_COLUMN_VIEW (gtk_column_view_new (GTK_SELECTION_MODEL (
    gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->heat_rows_store))))));
  heat_scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (heat_scroller), GTK_POLICY_AUTOMATIC,
                                  GTK_POLICY_NEVER);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (heat_scroller),
                                 GTK_WIDGET (self->heat_table));
  gtk_stack_add_named (self->heat_views, heat_scroller, "table");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->heat_views));

  self->rows = g_list_store_new (NV_TYPE_TABLE_ITEM);
  self->table = GTK_COLUMN_VIEW (gtk_column_view_new (NULL));
  gtk_column_view_set_single_click_activate (self->table, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->table), "data-table");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->table), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Units"), -1);
  add_sorted_column (self, _("Unit"), COL_NAME, NV_TABLE_TEXT, 210);
  add_sorted_column (self, _("Sector"), COL_SECTOR, NV_TABLE_TEXT, 160);
  add_sorted_column (self, _("Quarter"), COL_QUARTER, NV_TABLE_TEXT, 0);
  add_sorted_column (self, _("Sick leave"), COL_LATEST, NV_TABLE_NUMBER, 0);
  add_sorted_column (self, _("Four quarters"), COL_FOUR, NV_TABLE_NUMBER, 0);
  /* TRANSLATORS: column: change against the same quarter a year before */
  add_sorted_column (self, _("Change"), COL_TREND, NV_TABLE_NUMBER, 0);
  add_sorted_column (self, _("Light"), COL_LIGHT, NV_TABLE_TEXT, 0);
  add_sorted_column (self, _("Persons"), COL_PERSONS, NV_TABLE_NUMBER, 0);
  add_sorted_column (self, _("Measures"), COL_OPEN, NV_TABLE_NUMBER, 0);
  add_sorted_column (self, C_("measures", "Overdue"), COL_OVERDUE, NV_TABLE_NUMBER, 0);
  add_sorted_column (self, _("Last workshop"), COL_WORKSHOP, NV_TABLE_TEXT, 0);
  self->filter = gtk_custom_filter_new (filter_cb, self, NULL);
  filtered = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->rows)),
                                        GTK_FILTER (g_object_ref (self->filter)));
  sorted = gtk_sort_list_model_new (G_LIST_MODEL (filtered),
                                    g_object_ref (gtk_column_view_get_sorter (self->table)));
  selection = gtk_single_selection_new (G_LIST_MODEL (sorted));
  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_column_view_set_model (self->table, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);
  g_object_unref (self->filter); /* the filter model holds it */
  table_scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (table_scroller), GTK_POLICY_AUTOMATIC,
                                  GTK_POLICY_NEVER);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (table_scroller),
                                 GTK_WIDGET (self->table));
  gtk_box_append (GTK_BOX (box), table_scroller);

  g_signal_connect (self->table, "activate", G_CALLBACK (activate_cb), self);
  g_signal_connect_swapped (self->sector, "notify::selected", G_CALLBACK (refilter), self);
  g_signal_connect_swapped (self->table_toggle, "toggled", G_CALLBACK (heat_toggle_cb), self);
  return box;
}

static void
nv_municipality_page_init (NvMunicipalityPage *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *switcher = gtk_stack_switcher_new ();

  self->heat_rows = g_array_new (FALSE, FALSE, sizeof (NvMunicipalUnit *));
  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_add_titled (self->stack, scrolled (build_units (self)), "units", _("Units"));
  self->research = NV_RESEARCH_VIEW (nv_research_view_new ());
  gtk_stack_add_titled (self->stack, scrolled (GTK_WIDGET (self->research)), "research",
                        _("10-FAKTOR and sick leave"));
  gtk_stack_switcher_set_stack (GTK_STACK_SWITCHER (switcher), self->stack);
  /* In a narrow window (360 px) the long title wraps rather than running
   * into the window's edge; the titles do not change, so the switcher keeps
   * these labels. */
  for (GtkWidget *b = gtk_widget_get_first_child (switcher); b != NULL;
       b = gtk_widget_get_next_sibling (b))
    if (GTK_IS_BUTTON (b) && GTK_IS_LABEL (gtk_button_get_child (GTK_BUTTON (b))))
      {
        GtkLabel *label = GTK_LABEL (gtk_button_get_child (GTK_BUTTON (b)));
        gtk_label_set_wrap (label, TRUE);
        gtk_label_set_justify (label, GTK_JUSTIFY_CENTER);
      }
  gtk_widget_set_halign (switcher, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_top (switcher, 12);
  gtk_widget_set_margin_start (switcher, 12);
  gtk_widget_set_margin_end (switcher, 12);
  gtk_box_append (GTK_BOX (box), switcher);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->stack));
  adw_bin_set_child (ADW_BIN (self), box);
}

NvMunicipal *
nv_municipality_page_get_municipal (NvMunicipalityPage *self)
{
  return self->municipal;
}

NvResearchView *
nv_municipality_page_get_research (NvMunicipalityPage *self)
{
  return self->research;
}

GtkColumnView *
nv_municipality_page_get_table (NvMunicipalityPage *self)
{
  return self->table;
}

void
nv_municipality_page_show (NvMunicipalityPage *self, const char *view)
{
  gtk_stack_set_visible_child_name (self->stack, view);
}
