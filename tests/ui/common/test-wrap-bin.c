/* NvWrapBin: width asked for any height is the child's width; heights are
 * the child's heights for the width. */
#include "config.h"

#include <gtk/gtk.h>

#include "nv-test-util.h"
#include "nv-wrap-bin.h"

#define TEXT                                                                                   \
  "Nærvær helps you bring sick leave down in your unit: keep the figures, follow up those who " \
  "are sick-listed, run the dialogue workshop with your staff and keep track of the measures."

static GtkWidget *
wrapping_label (void)
{
  GtkWidget *label = gtk_label_new (TEXT);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  return label;
}

static void
test_measure (void)
{
  GtkWidget *bin = g_object_ref_sink (nv_wrap_bin_new ());
  GtkWidget *label = wrapping_label ();
  GtkWidget *reference = g_object_ref_sink (wrapping_label ());
  int min, nat, ref_min, ref_nat, short_min;

  nv_wrap_bin_set_child (NV_WRAP_BIN (bin), label);
  g_assert_true (nv_wrap_bin_get_child (NV_WRAP_BIN (bin)) == label);
  g_assert_true (gtk_widget_get_parent (label) == bin);
  g_assert_cmpint (gtk_widget_get_request_mode (bin), ==, GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH);

  /* Asked how wide it must be at a height, the bin gives the label's width
   * for any height; the label itself would search for a wider one. */
  gtk_widget_measure (reference, GTK_ORIENTATION_HORIZONTAL, -1, &ref_min, &ref_nat, NULL, NULL);
  gtk_widget_measure (reference, GTK_ORIENTATION_HORIZONTAL, 40, &short_min, NULL, NULL, NULL);
  g_assert_cmpint (short_min, >, ref_min);
  gtk_widget_measure (bin, GTK_ORIENTATION_HORIZONTAL, 40, &min, &nat, NULL, NULL);
  g_assert_cmpint (min, ==, ref_min);
  g_assert_cmpint (nat, ==, ref_nat);

  /* Heights are the label's for the width. */
  gtk_widget_measure (reference, GTK_ORIENTATION_VERTICAL, 200, &ref_min, &ref_nat, NULL, NULL);
  gtk_widget_measure (bin, GTK_ORIENTATION_VERTICAL, 200, &min, &nat, NULL, NULL);
  g_assert_cmpint (min, ==, ref_min);
  g_assert_cmpint (nat, ==, ref_nat);

  gtk_widget_set_visible (label, FALSE);
  gtk_widget_measure (bin, GTK_ORIENTATION_VERTICAL, 200, &min, &nat, NULL, NULL);
  g_assert_cmpint (min, ==, 0);
  g_assert_cmpint (nat, ==, 0);

  g_object_unref (reference);
  g_object_unref (bin);
}

static void
test_child (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *bin = nv_wrap_bin_new ();
  GtkWidget *first = wrapping_label ();
  GtkWidget *second = gtk_label_new ("Two");

  gtk_window_set_child (GTK_WINDOW (window), bin);
  nv_wrap_bin_set_child (NV_WRAP_BIN (bin), first);
  g_object_ref (first);
  g_object_set (bin, "child", second, NULL);
  g_assert_null (gtk_widget_get_parent (first));
  g_assert_true (gtk_widget_get_parent (second) == bin);
  g_object_unref (first);

  gtk_window_set_default_size (GTK_WINDOW (window), 300, 200);
  gtk_window_present (GTK_WINDOW (window));
  nv_test_spin ();
  /* The child gets all of the bin. */
  g_assert_cmpint (gtk_widget_get_width (second), ==, gtk_widget_get_width (bin));
  g_assert_cmpint (gtk_widget_get_height (second), ==, gtk_widget_get_height (bin));

  nv_wrap_bin_set_child (NV_WRAP_BIN (bin), NULL);
  g_assert_null (gtk_widget_get_first_child (bin));
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int argc, char **argv)
{
  gtk_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ui/wrap-bin/measure", test_measure);
  g_test_add_func ("/ui/wrap-bin/child", test_child);
  return g_test_run ();
}
