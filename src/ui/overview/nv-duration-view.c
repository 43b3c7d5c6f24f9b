/* nv-duration-view.c — duration classes A–F on the Overview.
 *
 * Each quarter's bar is 100 % of its lost days from recorded absence, split
 * by the NAV duration class of the whole case the days belong to
 * (nv_stats_duration_shares). Quarters with HR monthly figures cannot be
 * split (HR figures carry no cases): their bar is a gap and their table
 * cells «–», with a tooltip that says why. The last table column is the
 * quarters together (Σ days per class ÷ Σ days).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-duration-view"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "nv-chart-view.h"
#include "nv-duration-view.h"
#include "nv-wrap-bin.h"
#include "nv-format.h"

#define MAX_COLUMNS 9

struct _NvDurationView
{
  GtkBox parent_instance;

  GtkWidget *stack;
  NvChartView *chart_view;
  GtkGrid *grid;
  GtkWidget *chart_toggle;
  GtkWidget *table_toggle;
  GtkWidget *note;
  guint n_columns; /* quarters + 1 */
  GtkWidget *cells[NV_CASE_N_CODES + 1][MAX_COLUMNS + 1]; /* row 0: headers */
  GtkWidget *row_titles[NV_CASE_N_CODES];
  char *summary;
};

G_DEFINE_FINAL_TYPE (NvDurationView, nv_duration_view, GTK_TYPE_BOX)

static const char *
unknown_why (void)
{
  return _("Not known for quarters with monthly figures from the HR system: they give lost "
           "days per month, not the absences behind them.");
}

static char *
quarter_label (NvDay start)
{
  /* TRANSLATORS: a quarter of a year, «Q3 2025» */
  return g_strdup_printf (_("Q%d %d"), nv_day_quarter (start), nv_day_year (start));
}

static GtkWidget *
cell (gboolean numeric)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), numeric ? 1.0 : 0.0);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_set_margin_top (label, 4);
  gtk_widget_set_margin_bottom (label, 4);
  if (numeric)
    {
      gtk_widget_add_css_class (label, "numeric");
      gtk_widget_set_hexpand (label, TRUE);
    }
  return label;
}

static void
clear_grid (NvDurationView *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->grid))) != NULL)
    gtk_grid_remove (self->grid, child);
  memset (self->cells, 0, sizeof self->cells);
  memset (self->row_titles, 0, sizeof self->row_titles);
}

static void
build_grid (NvDurationView *self, const NvStatsPeriod *periods, guint n,
            const NvStatsPeriod *together)
{
  clear_grid (self);
  self->n_columns = n + 1;
  for (guint c = 0; c <= n; c++)
    {
      g_autofree char *title = c < n ? quarter_label (periods[c].start) : NULL;
      GtkWidget *head = cell (TRUE);

      gtk_label_set_text (GTK_LABEL (head), c < n ? title : _("Together"));
      gtk_widget_add_css_class (head, "heading");
      gtk_grid_attach (self->grid, head, (int) c + 1, 0, 1, 1);
      self->cells[0][c] = head;
    }
  for (guint k = 0; k < NV_CASE_N_CODES; k++)
    {
      GtkWidget *title = cell (FALSE);
      /* TRANSLATORS: a NAV duration class and its range, «C (17 days–8 weeks)» */
      g_autofree char *text = g_strdup_printf (_("%c (%s)"), nv_case_code_at (k),
                                               nv_case_code_label (k));

      gtk_label_set_text (GTK_LABEL (title), text);
      gtk_widget_add_css_class (title, "dim-label");
      gtk_grid_attach (self->grid, title, 0, (int) k + 1, 1, 1);
      self->row_titles[k] = title;
      for (guint c = 0; c <= n; c++)
        {
          const NvStatsPeriod *p = c < n ? &periods[c] : together;
          double shares[NV_CASE_N_CODES];
          GtkWidget *value = cell (TRUE);
          g_autofree char *value_text = NULL;

          if (nv_stats_duration_shares (p, shares))
            value_text = nv_format_percent_sign (shares[k] * 100);
          else
            {
              value_text = g_strdup (_("–"));
              if (!p->has_case_split)
                gtk_widget_set_tooltip_text (value, unknown_why ());
            }
          gtk_label_set_text (GTK_LABEL (value), value_text);
          gtk_grid_attach (self->grid, value, (int) c + 1, (int) k + 1, 1, 1);
          self->cells[k + 1][c] = value;
        }
    }
}

static NvChart *
build_chart (const NvStatsPeriod *periods, guint n)
{
  NvChart *chart = nv_chart_new (NV_CHART_STACKED);

  nv_chart_set_quarters (chart, nv_day_year (periods[0].start), nv_day_quarter (periods[0].start),
                         n);
  nv_chart_set_value_label (chart, _("Share of lost days (%)"));
  nv_chart_set_value_labels (chart, FALSE);
  for (guint k = 0; k < NV_CASE_N_CODES; k++)
    {
      g_autofree char *name = g_strdup_printf (_("%c (%s)"), nv_case_code_at (k),
                                               nv_case_code_label (k));
      guint s = nv_chart_add_series (chart, name, NULL);

      for (guint c = 0; c < n; c++)
        {
          double shares[NV_CASE_N_CODES];
          if (nv_stats_duration_shares (&periods[c], shares))
            nv_chart_set_value (chart, s, c, shares[k] * 100);
        }
    }
  return chart;
}

static char *
build_summary (const NvStatsPeriod *together, guint n)
{
  double shares[NV_CASE_N_CODES];
  g_autoptr (GString) parts = g_string_new (NULL);

  if (!nv_stats_duration_shares (together, shares))
    return g_strdup (_("Duration of sick leave: no lost days from recorded absence in these "
                       "quarters."));
  for (guint k = 0; k < NV_CASE_N_CODES; k++)
    {
      g_autofree char *value = nv_format_percent_sign (shares[k] * 100);
      g_string_append_printf (parts, "%s%c %s", k > 0 ? ", " : "", nv_case_code_at (k), value);
    }
  /* TRANSLATORS: %u is the number of quarters; %s lists «A 12,0 %, B 8,1 %, …» */
  return g_strdup_printf (_("Duration of sick leave, share of lost days by NAV duration class, "
                            "last %u quarters together: %s. The numbers per quarter are in the "
                            "table view."),
                          n, parts->str);
}

static void
toggled_cb (NvDurationView *self)
{
  gboolean table = gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (self->table_toggle));
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), table ? "table" : "chart");
}

/* ---- Public ------------------------------------------------------------- */

GtkWidget *
nv_duration_view_new (void)
{
  return g_object_new (NV_TYPE_DURATION_VIEW, NULL);
}

void
nv_duration_view_set_periods (NvDurationView *self, const NvStatsPeriod *periods, guint n)
{
  g_autoptr (NvChart) chart = NULL;
  NvStatsPeriod together;
  gboolean any_unknown = FALSE;

  g_return_if_fail (NV_IS_DURATION_VIEW (self));
  g_return_if_fail (n > 0 && n <= MAX_COLUMNS);

  together = nv_stats_combine (periods, n);
  for (guint i = 0; i < n; i++)
    any_unknown |= !periods[i].has_case_split && periods[i].contracted_days > 0;
  chart = build_chart (periods, n);
  g_free (self->summary);
  self->summary = build_summary (&together, n);
  nv_chart_view_set_chart (self->chart_view, chart);
  nv_chart_view_set_summary (self->chart_view, self->summary);
  build_grid (self, periods, n, &together);
  gtk_widget_set_visible (self->note, any_unknown);
}

const char *
nv_duration_view_get_text (NvDurationView *self, int code_index, int column)
{
  g_return_val_if_fail (NV_IS_DURATION_VIEW (self), NULL);
  if (column < 0)
    return self->summary;
  if (code_index < 0 || code_index >= NV_CASE_N_CODES || (guint) column >= self->n_columns ||
      self->cells[code_index + 1][column] == NULL)
    return NULL;
  return gtk_label_get_text (GTK_LABEL (self->cells[code_index + 1][column]));
}

void
nv_duration_view_show_table (NvDurationView *self, gboolean table)
{
  g_return_if_fail (NV_IS_DURATION_VIEW (self));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (table ? self->table_toggle
                                                         : self->chart_toggle),
                                TRUE);
}

/* ---- GObject ------------------------------------------------------------ */

static void
nv_duration_view_dispose (GObject *object)
{
  NvDurationView *self = NV_DURATION_VIEW (object);

  g_clear_pointer (&self->summary, g_free);
  G_OBJECT_CLASS (nv_duration_view_parent_class)->dispose (object);
}

static void
nv_duration_view_class_init (NvDurationViewClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = nv_duration_view_dispose;
  g_type_ensure (NV_TYPE_CHART_VIEW);
}

static void
nv_duration_view_init (NvDurationView *self)
{
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *titles = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (_("Duration of Sick Leave"));
  GtkWidget *subtitle = gtk_label_new (
    _("Share of lost days in each of NAV’s duration classes, by the length of the whole "
      "absence the days belong to"));
  GtkWidget *switcher = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *frame = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *chart_view = nv_chart_view_new ();
  GtkWidget *grid = gtk_grid_new ();

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (GTK_BOX (self), 12);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_widget_add_css_class (title, "heading");
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_wrap (GTK_LABEL (subtitle), TRUE);
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_box_append (GTK_BOX (titles), title);
  gtk_box_append (GTK_BOX (titles), subtitle);
  gtk_widget_set_hexpand (titles, TRUE);
  /* Beside the buttons the box asks the titles how wide they are at each
   * height, and a box of wrapping labels answers by laying them out at
   * width after width (14 layouts of the subtitle before the first
   * frame); the bin answers with their width (nv-wrap-bin.h). */
  gtk_box_append (GTK_BOX (top), nv_wrap_bin_new_for (titles));

  self->chart_toggle = gtk_toggle_button_new_with_mnemonic (_("_Chart"));
  self->table_toggle = gtk_toggle_button_new_with_mnemonic (_("_Table"));
  gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (self->table_toggle),
                               GTK_TOGGLE_BUTTON (self->chart_toggle));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->chart_toggle), TRUE);
  gtk_widget_add_css_class (switcher, "linked");
  gtk_widget_set_valign (switcher, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (switcher), self->chart_toggle);
  gtk_box_append (GTK_BOX (switcher), self->table_toggle);
  gtk_box_append (GTK_BOX (top), switcher);
  g_signal_connect_swapped (self->table_toggle, "toggled", G_CALLBACK (toggled_cb), self);
  gtk_box_append (GTK_BOX (self), top);

  self->chart_view = NV_CHART_VIEW (chart_view);
  gtk_widget_set_size_request (chart_view, -1, 240);
  self->grid = GTK_GRID (grid);
  gtk_accessible_update_property (GTK_ACCESSIBLE (grid), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Share of lost days by duration class, quarter by quarter"),
                                  -1);
  gtk_widget_set_margin_top (grid, 6);
  gtk_widget_set_margin_bottom (grid, 6);
  self->stack = gtk_stack_new ();
  gtk_stack_add_named (GTK_STACK (self->stack), chart_view, "chart");
  /* A narrow window scrolls the table sideways instead of growing. */
  {
    GtkWidget *scroller = gtk_scrolled_window_new ();

    gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_AUTOMATIC,
                                    GTK_POLICY_NEVER);
    gtk_scrolled_window_set_propagate_natural_width (GTK_SCROLLED_WINDOW (scroller), TRUE);
    gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
    gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), grid);
    gtk_stack_add_named (GTK_STACK (self->stack), scroller, "table");
  }
  /* Only the shown child is measured: the hidden table's forty labels cost
   * every layout of the page for nothing. */
  gtk_stack_set_hhomogeneous (GTK_STACK (self->stack), FALSE);
  gtk_stack_set_vhomogeneous (GTK_STACK (self->stack), FALSE);
  /* The chart paints the view background itself; only the table is a card. */
  gtk_widget_add_css_class (grid, "card");
  gtk_widget_add_css_class (grid, "nv-figure-table");
  gtk_box_append (GTK_BOX (frame), self->stack);
  gtk_box_append (GTK_BOX (self), frame);

  self->note = gtk_label_new (unknown_why ());
  gtk_label_set_xalign (GTK_LABEL (self->note), 0);
  gtk_label_set_wrap (GTK_LABEL (self->note), TRUE);
  gtk_widget_add_css_class (self->note, "caption");
  gtk_widget_add_css_class (self->note, "dim-label");
  gtk_widget_set_visible (self->note, FALSE);
  gtk_box_append (GTK_BOX (self), self->note);
}
