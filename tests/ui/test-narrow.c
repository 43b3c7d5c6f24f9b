/* Every section works in a narrow window (issue 18, item 2).
 *
 * The window's smallest width is 360 px (a phone, or a laptop screen split
 * in two). For each section, with a demo unit's figures and in Norwegian
 * (the longest words), the window must not ask for more than that, at any
 * height: then it never snaps back wider than the user made it. */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <stdlib.h>

#include "../nv-test-store.h"
#include "nv-calendar.h"
#include "nv-demo.h"
#include "nv-ui-resources.h"
#include "nv-window.h"

#define NARROWEST 360

static const char *const sections[] = { "overview", "absence", "followup", "workshops",
                                        "measures", "compare" };

static void
spin (void)
{
  for (int i = 0; i < 4; i++)
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_usleep (5000);
    }
}

/* The deepest widgets that ask for more than @limit: what to fix. */
static void
report_wide (GtkWidget *widget, int limit, int depth)
{
  gboolean child_wide = FALSE;
  int min;

  if (!gtk_widget_get_visible (widget))
    return;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      if (!gtk_widget_get_visible (c))
        continue;
      gtk_widget_measure (c, GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
      if (min > limit)
        {
          child_wide = TRUE;
          report_wide (c, limit, depth + 1);
        }
    }
  if (!child_wide)
    {
      g_autoptr (GString) path = g_string_new (NULL);

      for (GtkWidget *w = widget; w != NULL && GTK_IS_WINDOW (w) == FALSE; w = gtk_widget_get_parent (w))
        if (g_str_has_prefix (G_OBJECT_TYPE_NAME (w), "Nv"))
          g_string_prepend (path, G_OBJECT_TYPE_NAME (w)), g_string_prepend (path, "/");
      gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
      g_test_message ("too wide: %s in %s (%d px) %s", G_OBJECT_TYPE_NAME (widget), path->str, min,
                      GTK_IS_LABEL (widget) ? gtk_label_get_text (GTK_LABEL (widget)) : "");
    }
}

static void
test_sections (void)
{
  g_autofree char *dir = nv_test_tmpdir ();
  g_autoptr (NvStore) store = nv_test_open_store (dir, "naervaer.db");
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  NvWindow *window;

  g_assert_true (nv_demo_fill_full (store, 1, 5, nv_day_today (), 7, ids, &error));
  g_assert_no_error (error);
  window = nv_window_new (NULL, store);
  gtk_window_set_default_size (GTK_WINDOW (window), NARROWEST, 700);
  gtk_window_present (GTK_WINDOW (window));
  spin ();
  g_assert_cmpstr (nv_window_get_state (window), ==, "sections");

  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      int min = 0;
      static int width;

      nv_window_show_section (window, sections[i]);
      spin ();
      gtk_widget_measure (adw_application_window_get_content (ADW_APPLICATION_WINDOW (window)),
                          GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
      g_test_message ("%s: content needs %d px, window is %d px", sections[i], min,
                      gtk_widget_get_width (GTK_WIDGET (window)));
      if (min > NARROWEST)
        {
          g_test_message ("section %s needs %d px", sections[i], min);
          report_wide (GTK_WIDGET (window), g_getenv ("NV_NARROW_REPORT") ? atoi (g_getenv ("NV_NARROW_REPORT")) : NARROWEST, 0);
        }
      if (i == 0)
        width = gtk_widget_get_width (GTK_WIDGET (window));
      if (min > width)
        report_wide (GTK_WIDGET (window), width, 0);
      g_assert_cmpint (min, <=, NARROWEST);
      /* What the window was given is what it keeps: no section widens it. */
      g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), ==, width);
    }
  gtk_window_destroy (GTK_WINDOW (window));
  spin ();
  nv_test_rmtree (dir);
}

int
main (int argc, char **argv)
{
  /* Norwegian: the longest labels. */
  g_setenv ("LANGUAGE", "nb", TRUE);
  setlocale (LC_ALL, "");
  if (g_getenv ("NAERVAER_LOCALEDIR") != NULL)
    bindtextdomain (GETTEXT_PACKAGE, g_getenv ("NAERVAER_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  nv_ui_register_resource ();

  g_test_add_func ("/ui/narrow/sections", test_sections);
  return g_test_run ();
}
