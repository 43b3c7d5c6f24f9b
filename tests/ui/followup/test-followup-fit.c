/* The Follow-up lists as they look: each card as high as its rows (no empty
 * space under them), and the rows on screen following the window's width —
 * details wrapped below 600 px, one line again when widened — without being
 * bound again. In Norwegian (the longest words), with a demo unit. */
#include "config.h"

#include <adwaita.h>
#include <gdk/x11/gdkx.h>
#include <glib/gi18n.h>
#include <locale.h>

#include "nv-calendar.h"
#include "nv-demo.h"
#include "nv-test-store.h"
#include "nv-test-ui.h"
#include "nv-ui-resources.h"
#include "nv-window.h"

typedef struct
{
  char *dir;
  NvStore *store;
  NvContext *context;
  NvWindow *window;
} Fixture;

static void
setup (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  NvDay today = nv_day_today ();

  f->dir = nv_test_tmpdir ();
  f->store = nv_test_open_store (f->dir, "naervaer.db");
  f->context = nv_test_context_new (f->store, today);
  g_assert_true (nv_demo_fill_full (f->store, 1, 5, today, 7, ids, &error));
  g_assert_no_error (error);
  /* Back at work after 50 days with a step still overdue: the longest
   * detail («Fristen var … · 45 dager over fristen · tilbake i jobb siden …»). */
  nv_test_add_spell (
      f->store,
      nv_test_add_staff (f->store, g_array_index (ids, gint64, 0), "ZZ", 100, today - 400),
      today - 60, today - 10, 100, NV_SPELL_DOCTOR);
  f->window = nv_window_new (NULL, f->context);
  nv_window_select_unit (f->window, g_array_index (ids, gint64, 0));
  gtk_window_set_default_size (GTK_WINDOW (f->window), GPOINTER_TO_INT (data), 800);
  gtk_window_present (GTK_WINDOW (f->window));
  nv_test_spin_rounds (4, 5000);
  nv_window_show_section (f->window, "followup");
}

static void
teardown (Fixture *f, gconstpointer data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  nv_test_spin_rounds (4, 5000);
  g_object_unref (f->context);
  g_object_unref (f->store);
  nv_test_rmtree (f->dir);
  g_free (f->dir);
}

/* The cards of one-column lists (a grid view in a scrolled window) shown. */
static void
collect_cards (GtkWidget *widget, GPtrArray *out)
{
  if (!gtk_widget_get_mapped (widget))
    return;
  if (GTK_IS_SCROLLED_WINDOW (widget) && gtk_widget_has_css_class (widget, "card")
      && GTK_IS_GRID_VIEW (gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (widget))))
    {
      g_ptr_array_add (out, widget);
      return;
    }
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    collect_cards (c, out);
}

static GPtrArray *
cards (Fixture *f)
{
  GPtrArray *out = g_ptr_array_new ();

  collect_cards (GTK_WIDGET (f->window), out);
  return out;
}

static gboolean
has_cards (gpointer data)
{
  g_autoptr (GPtrArray) found = cards (data);

  return found->len >= 2;
}

/* Where @card's rows end, from its top (px): the bottom of the lowest row
 * shown; @n_rows: how many rows it shows. */
static int
rows_bottom (GtkWidget *card, guint *n_rows)
{
  GtkWidget *view = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (card));
  int bottom = 0;

  *n_rows = 0;
  for (GtkWidget *c = gtk_widget_get_first_child (view); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      graphene_rect_t bounds;

      if (!gtk_widget_get_mapped (c) || gtk_widget_get_first_child (c) == NULL
          || !gtk_widget_compute_bounds (c, card, &bounds))
        continue;
      bottom = MAX (bottom, (int)(bounds.origin.y + bounds.size.height + 0.5));
      (*n_rows)++;
    }
  return bottom;
}

/* The row details (dim captions) of the lists' rows on screen. */
static void
collect_details (GtkWidget *widget, GPtrArray *out)
{
  if (!gtk_widget_get_mapped (widget))
    return;
  if (GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "caption")
      && gtk_widget_has_css_class (widget, "dim-label")
      && gtk_widget_get_ancestor (widget, GTK_TYPE_GRID_VIEW) != NULL)
    g_ptr_array_add (out, widget);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    collect_details (c, out);
}

/* Every card on screen as high as its rows: no empty space under the last. */
static void
check_cards_fit (Fixture *f)
{
  g_autoptr (GPtrArray) found = cards (f);

  g_assert_cmpuint (found->len, >=, 2);
  for (guint i = 0; i < found->len; i++)
    {
      GtkWidget *card = g_ptr_array_index (found, i);
      GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (card));
      guint n = 0;
      int rows = rows_bottom (card, &n);
      int height = gtk_widget_get_height (card);

      g_test_message (
          "card %u: %d px, %u rows ending at %d px, scrolls %s", i, height, n, rows,
          gtk_adjustment_get_upper (adj) > gtk_adjustment_get_page_size (adj) + 0.5 ? "yes" : "no");
      g_assert_cmpuint (n, >, 0);
      /* A card that scrolls is full of rows; one that does not holds all of
       * them, with nothing under the last but a row's separator line. */
      if (gtk_adjustment_get_upper (adj) > gtk_adjustment_get_page_size (adj) + 0.5)
        continue;
      g_assert_cmpint (height, <=, rows + 2);
      g_assert_cmpint (height, >=, rows);
    }
}

static void
settle (Fixture *f)
{
  nv_test_wait_until (has_cards, f, 20, "the Follow-up lists");
  nv_test_spin_rounds (6, 5000);
}

static int
window_width (Fixture *f)
{
  return gtk_widget_get_width (GTK_WIDGET (f->window));
}

/* With NV_FIT_SHOTS=DIR: the window as PNGs there, light and dark. */
static void
shoot (Fixture *f, const char *what)
{
  const char *dir = g_getenv ("NV_FIT_SHOTS");
  AdwStyleManager *style = adw_style_manager_get_default ();

  if (dir == NULL)
    return;
  for (guint dark = 0; dark < 2; dark++)
    {
      g_autofree char *name = g_strdup_printf ("followup-%s-%d-%s.png", what, window_width (f),
                                               dark ? "dark" : "light");
      g_autofree char *path = g_build_filename (dir, name, NULL);

      adw_style_manager_set_color_scheme (style, dark ? ADW_COLOR_SCHEME_FORCE_DARK
                                                      : ADW_COLOR_SCHEME_FORCE_LIGHT);
      /* (past the page's cross-fade from its loading state) */
      nv_test_spin_rounds (40, 20000);
      nv_test_save_png (GTK_WIDGET (f->window), path);
    }
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
  nv_test_spin_rounds (4, 5000);
}

static void
test_cards_fit (Fixture *f, gconstpointer data)
{
  settle (f);
  shoot (f, "cards");
  check_cards_fit (f);
}

static gboolean
width_is (gpointer data)
{
  Fixture *f = data;
  int wanted = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (f->window), "nv-test-width"));

  /* Within what the window's frame may take. */
  return ABS (window_width (f) - wanted) <= 40;
}

/* Resized as a user (through the window manager) does: GTK 4 has no call
 * that resizes a window on screen. */
static void
resize (Fixture *f, int width)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (f->window));

  g_assert_true (GDK_IS_X11_SURFACE (surface));
  g_object_set_data (G_OBJECT (f->window), "nv-test-width", GINT_TO_POINTER (width));
  XResizeWindow (GDK_SURFACE_XDISPLAY (surface), GDK_SURFACE_XID (surface), width, 800);
  XFlush (GDK_SURFACE_XDISPLAY (surface));
  nv_test_wait_until (width_is, f, 20, "the window's new width");
  nv_test_spin_rounds (6, 5000);
}

/* The details on screen: wrapped (and whole) in a narrow window, one line
 * in a wide one. */
static void
check_details (Fixture *f, gboolean narrow)
{
  g_autoptr (GPtrArray) details = g_ptr_array_new ();

  collect_details (GTK_WIDGET (f->window), details);
  g_assert_cmpuint (details->len, >, 0);
  for (guint i = 0; i < details->len; i++)
    {
      GtkWidget *label = g_ptr_array_index (details, i);

      g_test_message ("%d px window: «%s» %d px, wrap %d", window_width (f),
                      gtk_label_get_text (GTK_LABEL (label)), gtk_widget_get_width (label),
                      gtk_label_get_wrap (GTK_LABEL (label)));
      g_assert_true (gtk_label_get_wrap (GTK_LABEL (label)) == narrow);
      if (narrow)
        g_assert_false (nv_test_label_is_cut (label));
    }
}

static void
test_rows_follow_width (Fixture *f, gconstpointer data)
{
  settle (f);
  check_details (f, FALSE);
  /* (Narrower than 600 px; the window does not go below some 450 px once
   * shown wide: its header keeps the width it was given.) */
  resize (f, 480);
  check_details (f, TRUE);
  shoot (f, "narrowed");
  check_cards_fit (f);
  resize (f, 1280);
  check_details (f, FALSE);
  check_cards_fit (f);
  shoot (f, "widened");
}

int
main (int argc, char **argv)
{
  nv_test_ui_init_nb (&argc, &argv);
  /* The app's style, as AdwApplication loads it (row separators, no
   * padding around the lists' rows). */
  {
    g_autoptr (GtkCssProvider) css = gtk_css_provider_new ();

    gtk_css_provider_load_from_resource (css, "/io/github/naervaer/Naervaer/style.css");
    gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                                GTK_STYLE_PROVIDER (css),
                                                GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  }

  g_test_add ("/followup-fit/cards-fit/1280", Fixture, GINT_TO_POINTER (1280), setup,
              test_cards_fit, teardown);
  g_test_add ("/followup-fit/cards-fit/360", Fixture, GINT_TO_POINTER (360), setup, test_cards_fit,
              teardown);
  g_test_add ("/followup-fit/rows-follow-width", Fixture, GINT_TO_POINTER (1280), setup,
              test_rows_follow_width, teardown);
  return g_test_run ();
}
