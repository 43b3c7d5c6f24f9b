/* nv-compare-page-views.c — what the Compare section shows of one
 * comparison: the traffic light, the trend, the charts and the table.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-compare-page"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "nv-compare-page-private.h"
#include "nv-format.h"
#include "nv-table.h"

static char *
percent_text (double value)
{
  return nv_format_percent_sign (value);
}

static void
set_light_class (NvComparePage *self, NvLight light)
{
  static const char *const classes[] = { "grey", "green", "yellow", "red" };

  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    gtk_widget_remove_css_class (self->light_lamp, classes[i]);
  gtk_widget_add_css_class (self->light_lamp, classes[light]);
}

static void
update_light (NvComparePage *self)
{
  NvCompare *c = self->compare;
  g_autofree char *caption = NULL;

  if (c->series->len == 0)
    {
      set_light_class (self, NV_LIGHT_GREY);
      gtk_label_set_label (self->light_caption, _("Traffic light"));
      gtk_label_set_label (self->light_title, nv_light_label (NV_LIGHT_GREY));
      gtk_label_set_label (self->light_detail, c->light_reason);
      gtk_widget_set_visible (self->light_badge, FALSE);
      gtk_label_set_label (self->light_thresholds, "");
      return;
    }

  {
    NvCompareSeries *series = g_ptr_array_index (c->series, 0);
    caption = g_strdup_printf (_("Traffic light against %s"), series->label);
  }
  gtk_label_set_label (self->light_caption, caption);
  set_light_class (self, c->light);
  gtk_label_set_label (self->light_thresholds,
                       _("Green below 0,9 × the benchmark, yellow 0,9–1,1 ×, red above 1,1 ×. "
                         "Grey with fewer than 4 quarters of data or fewer than 5 persons."));
  gtk_widget_set_visible (self->light_badge, c->light_quarter >= 0 &&
                                               nv_compare_masked (c, c->light_quarter));

  if (c->light == NV_LIGHT_GREY)
    {
      g_autofree char *title = g_strdup_printf (_("%s: not rated"), nv_light_label (NV_LIGHT_GREY));
      gtk_label_set_label (self->light_title, title);
      gtk_label_set_label (self->light_detail, c->light_reason);
    }
  else
    {
      NvCompareSeries *series = g_ptr_array_index (c->series, 0);
      g_autofree char *quarter = nv_compare_quarter_label (c, c->light_quarter);
      g_autofree char *unit = percent_text (c->unit_values[c->light_quarter]);
      g_autofree char *bench = percent_text (series->values[c->light_quarter]);
      g_autofree char *ratio = nv_format_decimal (nv_round_half_up (c->light_ratio, 2), 2);
      g_autofree char *title = NULL;
      g_autofree char *detail = NULL;
      const char *verdict = c->light == NV_LIGHT_GREEN    ? _("clearly lower")
                            : c->light == NV_LIGHT_YELLOW ? _("about the same")
                                                          : _("clearly higher");

      /* TRANSLATORS: "Green: clearly lower", "Red: clearly higher" */
      title = g_strdup_printf (_("%s: %s"), nv_light_label (c->light), verdict);
      /* TRANSLATORS: quarter, unit's %, benchmark's %, ratio ("1,07") */
      detail = g_strdup_printf (_("%s: %s against %s (%s ×)"), quarter, unit, bench, ratio);
      if (c->light_quarter < c->latest)
        {
          /* TRANSLATORS: the benchmark series' newest quarter */
          g_autofree char *lag = g_strdup_printf (_("The newest figure of %s is for %s."),
                                                  series->label, quarter);
          char *joined = g_strconcat (detail, "\n", lag, NULL);
          g_free (detail);
          detail = joined;
        }
      gtk_label_set_label (self->light_title, title);
      gtk_label_set_label (self->light_detail, detail);
    }
}

static void
update_trend (NvComparePage *self)
{
  NvCompare *c = self->compare;
  g_autofree char *definition = NULL;
  g_autofree char *unchanged = nv_format_decimal (NV_COMPARE_UNCHANGED_POINTS, 1);

  definition = g_strdup_printf (_("Unchanged means at most %s percentage point up or down."),
                                unchanged);
  gtk_label_set_label (self->trend_definition, definition);
  gtk_widget_set_visible (self->trend_badge, c->trend != NV_TREND_NONE && c->trend_masked);
  if (c->trend == NV_TREND_NONE)
    {
      gtk_label_set_label (self->trend_title, _("No comparison yet"));
      gtk_label_set_label (self->trend_detail,
                           _("The same quarter a year earlier has no figures."));
      return;
    }
  {
    int last = c->latest;
    g_autofree char *now_q = nv_compare_quarter_label (c, last);
    g_autofree char *then_q = nv_compare_quarter_label (c, last - 4);
    g_autofree char *now_v = percent_text (c->unit_values[last]);
    g_autofree char *then_v = percent_text (c->unit_values[last - 4]);
    g_autofree char *change = nv_format_points (c->trend_change, 1);
    g_autofree char *title = g_strdup (nv_trend_label (c->trend));
    g_autofree char *detail = NULL;

    /* Capitalise the word for the heading. */
    if (title[0] != '\0')
      {
        g_autofree char *first = g_utf8_strup (title, g_utf8_next_char (title) - title);
        g_autofree char *rest = g_strdup (g_utf8_next_char (title));
        g_free (title);
        title = g_strconcat (first, rest, NULL);
      }
    /* TRANSLATORS: "Q3 2025: 8,1 % against Q3 2024: 7,4 % (+0,7 percentage points)".
     * The change is the difference of the two figures as shown (nv-rating.h). */
    detail = g_strdup_printf (_("%s: %s against %s: %s (%s percentage points)"), now_q, now_v,
                              then_q, then_v, change);
    gtk_label_set_label (self->trend_title, title);
    gtk_label_set_label (self->trend_detail, detail);
  }
}

static void
clear_columns (GtkColumnView *view)
{
  GListModel *columns = gtk_column_view_get_columns (view);

  while (g_list_model_get_n_items (columns) > 0)
    {
      g_autoptr (GtkColumnViewColumn) column = g_list_model_get_item (columns, 0);
      gtk_column_view_remove_column (view, column);
    }
}

static void
update_table (NvComparePage *self)
{
  NvCompare *c = self->compare;
  GListStore *store = g_list_store_new (NV_TYPE_TABLE_ITEM);
  g_autoptr (GtkNoSelection) selection = NULL;
  g_autofree char *unit_title = NULL;
  guint n_columns = 0;

  clear_columns (self->table);
  nv_table_add_column (self->table, _("Quarter"), n_columns++, NV_TABLE_TEXT, FALSE);
  unit_title = g_strdup_printf ("%s (%s)", c->unit_name, nv_compare_measure_word (c->measure));
  nv_table_add_column (self->table, unit_title, n_columns++, NV_TABLE_NUMBER, FALSE);
  for (guint s = 0; s < c->series->len; s++)
    nv_table_add_column (self->table, ((NvCompareSeries *) g_ptr_array_index (c->series, s))->label,
                         n_columns++, NV_TABLE_NUMBER, FALSE);
  nv_table_add_column (self->table, _("Persons"), n_columns++, NV_TABLE_NUMBER, FALSE);
  nv_table_add_column (self->table, _("Note"), n_columns++, NV_TABLE_TEXT, TRUE);

  /* Newest quarter first: that is what a leader looks for. */
  for (int i = (int) c->n_quarters - 1; i >= 0; i--)
    {
      GPtrArray *texts = g_ptr_array_new ();
      const NvStatsPeriod *p = &c->quarters[i];
      GString *note = g_string_new (NULL);

      g_ptr_array_add (texts, nv_compare_quarter_label (c, i));
      g_ptr_array_add (texts, percent_text (c->unit_values[i]));
      for (guint s = 0; s < c->series->len; s++)
        {
          NvCompareSeries *series = g_ptr_array_index (c->series, s);
          g_ptr_array_add (texts, percent_text (series->values[i]));
        }
      g_ptr_array_add (texts, p->contracted_days > 0 ? g_strdup_printf ("%u", p->persons)
                                                     : g_strdup ("–"));
      if (nv_compare_masked (c, i))
        g_string_append (note, _("Few persons: hidden outside this screen"));
      else if (p->contracted_days <= 0)
        g_string_append (note, _("No figures"));
      if (p->source == NV_STATS_SOURCE_MONTHLY && p->contracted_days > 0)
        {
          if (note->len > 0)
            g_string_append (note, " · ");
          g_string_append (note, _("HR figures"));
        }
      g_ptr_array_add (texts, g_string_free (note, FALSE));
      g_ptr_array_add (texts, NULL);
      {
        g_autoptr (NvTableItem) item =
          nv_table_item_new (i, (char **) g_ptr_array_free (texts, FALSE), NULL, NULL, NULL);
        g_list_store_append (store, item);
      }
    }
  selection = gtk_no_selection_new (G_LIST_MODEL (store));
  gtk_column_view_set_model (self->table, GTK_SELECTION_MODEL (selection));
}

static void
update_charts (NvComparePage *self)
{
  NvStore *store = nv_page_get_store (NV_PAGE (self));
  NvCompare *c = self->compare;
  g_autoptr (NvChart) trend = nv_compare_trend_chart (c, store, FALSE);
  g_autoptr (NvChart) recent = nv_compare_recent_chart (c, FALSE);
  g_autoptr (NvChart) duration = nv_compare_duration_chart (c, FALSE);
  g_autoptr (NvChart) certificate = nv_compare_certificate_chart (c, FALSE);
  g_autofree char *summary = nv_compare_summary (c, FALSE);
  g_autofree char *recent_summary = NULL;
  g_autofree char *note = NULL;

  nv_chart_view_set_chart (self->trend_view, trend);
  nv_chart_view_set_summary (self->trend_view, summary);
  nv_chart_view_set_chart (self->recent_view, recent);
  recent_summary = g_strdup_printf (_("Bar chart of the last four quarters. %s"), summary);
  nv_chart_view_set_summary (self->recent_view, recent_summary);
  nv_chart_view_set_chart (self->duration_view, duration);
  nv_chart_view_set_summary (self->duration_view,
                             _("Stacked bars: short-term (1–16 days) and long-term (17 days or "
                               "more) sick leave per quarter, the last eight quarters. The "
                               "numbers are in the table view."));
  nv_chart_view_set_chart (self->certificate_view, certificate);
  nv_chart_view_set_summary (self->certificate_view,
                             _("Stacked bars: self-certified and doctor-certified sick leave per "
                               "quarter, the last eight quarters. The numbers are in the table "
                               "view."));

  note = g_strdup_printf (c->measure == NV_MEASURE_LEGEMELDT
                            ? _("Like with like: the series are doctor-certified sick leave, so "
                                "the unit’s doctor-certified sick leave is drawn against them, "
                                "each quarter against the same quarter. Click a legend entry, or "
                                "use Series, to hide or show a series.")
                            : _("Like with like: the series are total sick leave (self-certified "
                                "and doctor-certified), so the unit’s total is drawn against "
                                "them, each quarter against the same quarter. Click a legend "
                                "entry, or use Series, to hide or show a series."));
  gtk_label_set_label (self->measure_note, note);
}

void
nv_compare_page_update_views (NvComparePage *self)
{
  update_light (self);
  update_trend (self);
  update_charts (self);
  update_table (self);
}
