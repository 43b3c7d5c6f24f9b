/* A chart widget's style follows the theme, and only a real change of it
 * redraws the chart: GTK tells a widget of every style change that reaches
 * it (a state or class of an ancestor, the window gaining focus), and a
 * chart that redrew on each repainted a large area for nothing, just after
 * the window's first frame. */
#include "config.h"

#include <adwaita.h>

#include "nv-chart-view.h"
#include "nv-test-ui.h"

static void
test_style_equal (void)
{
  NvChartStyle a, b;

  nv_chart_style_init (&a, NV_CHART_STYLE_LIGHT);
  nv_chart_style_init (&b, NV_CHART_STYLE_LIGHT);
  g_assert_true (nv_chart_style_equal (&a, &b));
  b.series[5].g += 0.01;
  g_assert_false (nv_chart_style_equal (&a, &b));
  nv_chart_style_init (&b, NV_CHART_STYLE_LIGHT);
  b.font_size = 14;
  g_assert_false (nv_chart_style_equal (&a, &b));
  nv_chart_style_init (&b, NV_CHART_STYLE_LIGHT);
  g_strlcpy (b.font_family, "Sans", sizeof b.font_family);
  g_assert_false (nv_chart_style_equal (&a, &b));
  nv_chart_style_init (&b, NV_CHART_STYLE_DARK);
  g_assert_false (nv_chart_style_equal (&a, &b));
}

static void
test_redraw_only_on_change (void)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *chart = gtk_drawing_area_new ();
  NvChartStyle style = { 0 };
  NvChartStyleWatch watch = { 0 };
  NvChartColor light_bg;

  gtk_box_append (GTK_BOX (box), chart);
  gtk_window_set_child (GTK_WINDOW (window), box);
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_LIGHT);
  gtk_window_present (GTK_WINDOW (window));
  nv_test_spin ();

  nv_chart_style_watch_init (&watch, chart, &style);
  light_bg = style.background;
  /* What the chart was drawn with is what it would draw with now. */
  g_assert_false (nv_chart_style_watch_refresh (&watch));
  /* An ancestor's class and state change its style, not the chart's. */
  gtk_widget_add_css_class (box, "card");
  gtk_widget_set_state_flags (box, GTK_STATE_FLAG_PRELIGHT, FALSE);
  nv_test_spin ();
  g_assert_false (nv_chart_style_watch_refresh (&watch));

  /* Dark: the watch takes the dark palette at once; the theme's dark
   * colours reach the widget with its next style change (css_changed, as
   * the chart view refreshes), and that one is a change … */
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_DARK);
  nv_test_spin ();
  nv_chart_style_watch_refresh (&watch);
  g_assert_true (style.background.r < light_bg.r);
  g_assert_false (nv_chart_style_watch_refresh (&watch));
  /* … and a change it missed is a change. */
  style.font_size += 1;
  g_assert_true (nv_chart_style_watch_refresh (&watch));
  g_assert_false (nv_chart_style_watch_refresh (&watch));

  nv_chart_style_watch_clear (&watch);
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_DEFAULT);
  gtk_window_destroy (GTK_WINDOW (window));
  nv_test_spin ();
}

int
main (int argc, char **argv)
{
  nv_test_ui_init (&argc, &argv);
  g_test_add_func ("/ui/chart-view/style-equal", test_style_equal);
  g_test_add_func ("/ui/chart-view/redraw-only-on-change", test_redraw_only_on_change);
  return g_test_run ();
}
