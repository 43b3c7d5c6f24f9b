/* The inline error line under a form field keeps room for a message of two
 * lines: a message appearing while the user types, one line or two, never
 * moves the field below it. */
#include "config.h"

#include <adwaita.h>

#include "nv-error-label.h"
#include "nv-test-ui.h"

/* The top of @below in @window's coordinates. */
static double
top_of (GtkWidget *below, GtkWidget *window)
{
  graphene_point_t p = GRAPHENE_POINT_INIT (0, 0);

  g_assert_true (gtk_widget_compute_point (below, window, &GRAPHENE_POINT_INIT (0, 0), &p));
  return p.y;
}

/* Until the window has been laid out anew (a frame or two). */
static void
settle (void)
{
  nv_test_spin_rounds (10, 20000);
}

static void
test_two_lines_kept (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *field = gtk_entry_new ();
  GtkWidget *below = gtk_entry_new ();
  GtkLabel *error = nv_error_label_new (field);
  double empty, one, two;

  gtk_box_append (GTK_BOX (box), field);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (error));
  gtk_box_append (GTK_BOX (box), below);
  gtk_widget_set_valign (box, GTK_ALIGN_START);
  gtk_widget_set_size_request (box, 320, -1);
  gtk_window_set_child (GTK_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), 320, 400);
  gtk_window_present (GTK_WINDOW (window));
  settle ();
  empty = top_of (below, window);

  nv_error_label_set (error, "Write a date as DD.MM.YYYY.");
  settle ();
  one = top_of (below, window);
  /* Two lines at 320 px (as in a dialog). */
  nv_error_label_set (error, "Use initials or a staff number that you recognise. Never a national "
                             "identity number.");
  settle ();
  two = top_of (below, window);
  g_assert_cmpfloat (one, ==, empty);
  g_assert_cmpfloat (two, ==, empty);
  g_assert_cmpstr (nv_error_label_get (error), !=, NULL);

  nv_error_label_set (error, NULL);
  settle ();
  g_assert_null (nv_error_label_get (error));
  g_assert_cmpfloat (top_of (below, window), ==, empty);
  gtk_window_destroy (GTK_WINDOW (window));
  nv_test_spin ();
}

int
main (int argc, char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_test_add_func ("/ui/error-label/two-lines-kept", test_two_lines_kept);
  return g_test_run ();
}
