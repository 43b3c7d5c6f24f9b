/* nv-compare-page-private.h — internals shared by nv-compare-page.c and
 * nv-compare-page-views.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "nv-benchmark.h"
#include "nv-chart-view.h"
#include "nv-compare-page.h"
#include "nv-compare.h"

G_BEGIN_DECLS

struct _NvComparePage
{
  NvPage parent_instance;

  GtkStack *state_stack;
  AdwStatusPage *empty;
  GtkDropDown *benchmark_dropdown;
  GtkMenuButton *more_button;
  GtkBox *more_box;
  GtkWidget *more_heading;
  GtkBox *shown_box;
  GtkToggleButton *chart_toggle;
  GtkToggleButton *table_toggle;
  GtkWidget *light_lamp;
  GtkLabel *light_caption;
  GtkLabel *light_title;
  GtkLabel *light_detail;
  GtkWidget *light_badge;
  GtkLabel *light_thresholds;
  GtkLabel *trend_title;
  GtkLabel *trend_detail;
  GtkWidget *trend_badge;
  GtkLabel *trend_definition;
  GtkStack *view_stack;
  NvChartView *trend_view;
  NvChartView *recent_view;
  NvChartView *duration_view;
  NvChartView *certificate_view;
  GtkColumnView *table;
  GtkLabel *measure_note;

  GPtrArray *series_list; /* NvBenchmarkSeries, as in the dropdown */
  char *primary;          /* name of the chosen series */
  GHashTable *extra;      /* names of further series shown (same measure) */
  NvCompare *compare;
  GtkFileChooserNative *chooser;
  char *export_format;
  gboolean updating;
};

/* Fills the light, trend, charts and table from self->compare (not NULL). */
void nv_compare_page_update_views (NvComparePage *self);

G_END_DECLS
