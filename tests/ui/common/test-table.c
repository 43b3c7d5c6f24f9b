/* NvTableItem: lazy rows format only the cells that are shown (issue 12:
 * the absence list of a 100 000-spell unit). */
#include "config.h"

#include <adwaita.h>

#include "nv-table.h"

#define N_ROWS 20000
#define N_COLUMNS 3

static guint n_formatted;

static char *
format_cb (gconstpointer data, guint column)
{
  n_formatted++;
  return g_strdup_printf ("row %u col %u", GPOINTER_TO_UINT (data), column);
}

static void
after_paint_cb (GdkFrameClock *clock, gboolean *painted)
{
  *painted = TRUE;
}

static void
test_lazy_rows (void)
{
  GListStore *store = g_list_store_new (NV_TYPE_TABLE_ITEM);
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  GtkWidget *window = gtk_window_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkColumnView *view;
  gboolean painted = FALSE;
  g_autoptr (NvTableItem) item = NULL;
  const char *text;
  guint shown;

  for (guint i = 0; i < N_ROWS; i++)
    g_ptr_array_add (items, nv_table_item_new_lazy (i + 1, N_COLUMNS, format_cb, "search",
                                                    GUINT_TO_POINTER (i), NULL));
  g_list_store_splice (store, 0, 0, items->pdata, items->len);
  /* Making the rows formats nothing. */
  g_assert_cmpuint (n_formatted, ==, 0);

  view = GTK_COLUMN_VIEW (gtk_column_view_new (
    GTK_SELECTION_MODEL (gtk_single_selection_new (G_LIST_MODEL (g_object_ref (store))))));
  for (guint c = 0; c < N_COLUMNS; c++)
    nv_table_add_column (view, "Column", c, NV_TABLE_TEXT, TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (view));
  gtk_window_set_child (GTK_WINDOW (window), scrolled);
  gtk_window_set_default_size (GTK_WINDOW (window), 500, 400);
  gtk_window_present (GTK_WINDOW (window));
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (after_paint_cb), &painted);
  while (!painted)
    g_main_context_iteration (NULL, TRUE);

  /* Showing them formats the rows on screen (and the few GTK keeps ready
   * around them), not twenty thousand. */
  shown = n_formatted;
  g_assert_cmpuint (shown, >, 0);
  g_assert_cmpuint (shown, <, 500 * N_COLUMNS);

  /* Asked for directly, a cell is formatted once and kept. */
  item = g_list_model_get_item (G_LIST_MODEL (store), N_ROWS - 1);
  text = nv_table_item_get_text (item, 2);
  g_assert_cmpstr (text, ==, "row 19999 col 2");
  g_assert_cmpuint (n_formatted, ==, shown + 1);
  g_assert_true (nv_table_item_get_text (item, 2) == text);
  g_assert_cmpuint (n_formatted, ==, shown + 1);
  g_assert_cmpstr (nv_table_item_get_text (item, N_COLUMNS), ==, "");
  g_assert_cmpint (nv_table_item_get_id (item), ==, N_ROWS);

  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (store);
}

int
main (int argc, char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_test_add_func ("/ui/table/lazy-rows", test_lazy_rows);
  return g_test_run ();
}
