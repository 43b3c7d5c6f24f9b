/* nv-faktor-profile.c — the unit's 10-FAKTOR profile (see nv-faktor-profile.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-faktor-profile"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "nv-faktor-chart.h"
#include "nv-faktor-profile.h"
#include "nv-faktor.h"
#include "nv-figure-view.h"
#include "nv-format.h"
#include "nv-measure.h"
#include "nv-table.h"

struct _NvFaktorProfile
{
  GtkBox parent_instance;

  NvHBars *bars;
  GtkLabel *subtitle;
  GtkLabel *suggestion;
  GtkToggleButton *table_toggle;
  GtkStack *views;
  NvFigureView *figure;
  GListStore *rows;
};

G_DEFINE_FINAL_TYPE (NvFaktorProfile, nv_faktor_profile, GTK_TYPE_BOX)

static void
draw_cb (gpointer data, cairo_t *cr, double width, double height, const NvChartStyle *style)
{
  NvFaktorProfile *self = data;

  if (self->bars != NULL)
    nv_hbars_draw (self->bars, cr, width, height, style);
}

static void
toggle_cb (NvFaktorProfile *self)
{
  gtk_stack_set_visible_child_name (self->views, gtk_toggle_button_get_active (self->table_toggle)
                                                   ? "table"
                                                   : "chart");
}

void
nv_faktor_profile_set_unit (NvFaktorProfile *self, NvStore *store, gint64 unit_id)
{
  g_autofree char *subtitle = NULL;
  g_autofree char *suggestion = NULL;
  g_autoptr (GArray) rounds = NULL;
  NvChartStyle style;

  g_clear_pointer (&self->bars, nv_hbars_free);
  g_list_store_remove_all (self->rows);
  if (store != NULL && unit_id != 0)
    self->bars = nv_faktor_profile_chart (store, unit_id, &subtitle, &suggestion);
  gtk_widget_set_visible (GTK_WIDGET (self), self->bars != NULL);
  if (self->bars == NULL)
    return;
  nv_hbars_set_title (self->bars, NULL); /* the section heading says it */
  gtk_label_set_text (self->subtitle, subtitle);
  gtk_label_set_text (self->suggestion, suggestion != NULL ? suggestion : "");
  gtk_widget_set_visible (GTK_WIDGET (self->suggestion), suggestion != NULL);
  nv_figure_view_get_style (self->figure, &style);
  nv_figure_view_set_natural_height (self->figure,
                                     (int) nv_hbars_natural_height (self->bars, &style));
  {
    g_autofree char *summary = g_strdup_printf ("%s. %s %s", _("10-FAKTOR profile"), subtitle,
                                                suggestion != NULL ? suggestion : "");
    nv_figure_view_set_summary (self->figure, summary);
  }
  rounds = nv_faktor_rounds (store, unit_id, FALSE, NULL);
  if (rounds != NULL && rounds->len > 0)
    {
      const NvFaktorRound *latest = &g_array_index (rounds, NvFaktorRound, rounds->len - 1);
      const NvFaktorRound *prev =
        rounds->len > 1 ? &g_array_index (rounds, NvFaktorRound, rounds->len - 2) : NULL;
      double means[NV_FAKTOR_N];
      guint n[NV_FAKTOR_N];

      if (!nv_faktor_municipal_means (store, latest->date, means, n, NULL))
        return;
      for (int f = 0; f < NV_FAKTOR_N; f++)
        {
          char **t = g_new0 (char *, 5);

          t[0] = g_strdup (nv_faktor_factor_label (f));
          t[1] = nv_format_decimal (latest->means[f], 2);
          t[2] = prev != NULL ? nv_format_decimal (prev->means[f], 2) : g_strdup ("–");
          t[3] = nv_format_decimal (means[f], 2);
          for (int c = 1; c < 4; c++)
            if (*t[c] == '\0') /* a factor the survey report left empty */
              {
                g_free (t[c]);
                t[c] = g_strdup ("–");
              }
          g_autoptr (NvTableItem) item = nv_table_item_new (f, t, NULL, NULL, NULL);

          g_list_store_append (self->rows, item); /* refs it */
        }
    }
  gtk_widget_queue_draw (GTK_WIDGET (self->figure));
}

static void
nv_faktor_profile_dispose (GObject *object)
{
  NvFaktorProfile *self = NV_FAKTOR_PROFILE (object);

  g_clear_pointer (&self->bars, nv_hbars_free);
  g_clear_object (&self->rows);
  G_OBJECT_CLASS (nv_faktor_profile_parent_class)->dispose (object);
}

static void
nv_faktor_profile_class_init (NvFaktorProfileClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = nv_faktor_profile_dispose;
}

static void
nv_faktor_profile_init (NvFaktorProfile *self)
{
  GtkWidget *head = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *titles = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (_("10-FAKTOR profile"));
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkColumnView *table;

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (GTK_BOX (self), 8);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "heading");
  self->subtitle = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->subtitle, 0);
  gtk_label_set_wrap (self->subtitle, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->subtitle), "dim-label");
  gtk_box_append (GTK_BOX (titles), title);
  gtk_box_append (GTK_BOX (titles), GTK_WIDGET (self->subtitle));
  gtk_widget_set_hexpand (titles, TRUE);
  gtk_box_append (GTK_BOX (head), titles);
  self->table_toggle = GTK_TOGGLE_BUTTON (gtk_toggle_button_new ());
  gtk_button_set_icon_name (GTK_BUTTON (self->table_toggle), "view-list-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->table_toggle), _("Show as a table"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->table_toggle),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Show as a table"), -1);
  gtk_widget_set_valign (GTK_WIDGET (self->table_toggle), GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (head), GTK_WIDGET (self->table_toggle));
  gtk_box_append (GTK_BOX (self), head);

  self->views = GTK_STACK (gtk_stack_new ());
  gtk_stack_set_vhomogeneous (self->views, FALSE);
  self->figure = NV_FIGURE_VIEW (nv_figure_view_new ());
  gtk_widget_add_css_class (GTK_WIDGET (self->figure), "card");
  nv_figure_view_set_funcs (self->figure, draw_cb, NULL, NULL, self);
  gtk_stack_add_named (self->views, GTK_WIDGET (self->figure), "chart");
  self->rows = g_list_store_new (NV_TYPE_TABLE_ITEM);
  table = GTK_COLUMN_VIEW (gtk_column_view_new (GTK_SELECTION_MODEL (
    gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->rows))))));
  gtk_widget_add_css_class (GTK_WIDGET (table), "data-table");
  nv_table_add_column (table, _("Factor"), 0, NV_TABLE_TEXT, TRUE);
  nv_table_add_column (table, _("This round"), 1, NV_TABLE_NUMBER, FALSE);
  nv_table_add_column (table, _("Previous round"), 2, NV_TABLE_NUMBER, FALSE);
  nv_table_add_column (table, _("Municipality mean"), 3, NV_TABLE_NUMBER, FALSE);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_AUTOMATIC,
                                  GTK_POLICY_NEVER);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (table));
  gtk_stack_add_named (self->views, scroller, "table");
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->views));

  self->suggestion = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->suggestion, 0);
  gtk_label_set_wrap (self->suggestion, TRUE);
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->suggestion));
  g_signal_connect_swapped (self->table_toggle, "toggled", G_CALLBACK (toggle_cb), self);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

GtkWidget *
nv_faktor_profile_new (void)
{
  return g_object_new (NV_TYPE_FAKTOR_PROFILE, NULL);
}
