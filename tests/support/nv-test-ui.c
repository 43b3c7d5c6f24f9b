/* nv-test-ui.c — screenshots and the focus race for the widget tests.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-test"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include <adwaita.h>

#include "nv-page.h"
#include "nv-ui-resources.h"
#include "nv-test-ui.h"

void
nv_test_save_png (GtkWidget *widget, const char *path)
{
  g_autoptr (GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr (GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr (GskRenderNode) node = NULL;
  g_autoptr (GdkTexture) texture = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  int w = gtk_widget_get_width (widget);
  int h = gtk_widget_get_height (widget);

  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), w, h);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, w, h));
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

static gboolean
is_focus_race (const char *message)
{
  return message != NULL && strstr (message, "did not receive a focus-out event") != NULL;
}

static GLogWriterOutput
focus_race_writer (GLogLevelFlags level, const GLogField *fields, gsize n_fields, gpointer data)
{
  for (gsize i = 0; i < n_fields; i++)
    if (g_strcmp0 (fields[i].key, "MESSAGE") == 0 && fields[i].length < 0
        && is_focus_race (fields[i].value))
      {
        g_printerr ("(tolerated) %s\n", (const char *)fields[i].value);
        return G_LOG_WRITER_HANDLED;
      }
  return g_log_writer_default (level, fields, n_fields, data);
}

static gboolean
fatal_unless_focus_race (const char *domain, GLogLevelFlags level, const char *message,
                         gpointer data)
{
  return !is_focus_race (message);
}

void
nv_test_tolerate_focus_race (void)
{
  g_log_set_writer_func (focus_race_writer, NULL, NULL);
  g_test_log_set_fatal_handler (fatal_unless_focus_race, NULL);
}

GtkWidget *
nv_test_page_window (gpointer page, NvContext *context, gint64 unit_id, int width, int height)
{
  GtkWidget *window = gtk_window_new ();

  if (width > 0 && height > 0)
    gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (page));
  nv_page_set_context (NV_PAGE (page), context);
  if (unit_id != 0)
    nv_page_set_unit_id (NV_PAGE (page), unit_id);
  return window;
}

GtkWidget *
nv_test_find_widget (GtkWidget *widget, GType type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = nv_test_find_widget (child, type);
      if (found != NULL)
        return found;
    }
  return NULL;
}

GtkWidget *
nv_test_find_named (GtkWidget *widget, const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (widget), name) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = nv_test_find_named (child, name);
      if (found != NULL)
        return found;
    }
  return NULL;
}

void
nv_test_ui_init (int *argc, char ***argv)
{
  gtk_test_init (argc, argv, NULL);
  adw_init ();
  nv_ui_register_resource ();
}

void
nv_test_ui_init_nb (int *argc, char ***argv)
{
  g_setenv ("LANGUAGE", "nb", TRUE);
  setlocale (LC_ALL, "");
  if (g_getenv ("NAERVAER_LOCALEDIR") != NULL)
    bindtextdomain (GETTEXT_PACKAGE, g_getenv ("NAERVAER_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  nv_test_ui_init (argc, argv);
}

gboolean
nv_test_label_is_cut (GtkWidget *label)
{
  g_autoptr (PangoLayout) layout
      = gtk_widget_create_pango_layout (label, gtk_label_get_text (GTK_LABEL (label)));

  pango_layout_set_width (layout, gtk_widget_get_width (label) * PANGO_SCALE);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  if (gtk_label_get_wrap (GTK_LABEL (label)))
    {
      pango_layout_set_wrap (layout, gtk_label_get_wrap_mode (GTK_LABEL (label)));
      pango_layout_set_height (layout, gtk_label_get_lines (GTK_LABEL (label)) > 0
                                           ? -gtk_label_get_lines (GTK_LABEL (label))
                                           : G_MAXINT);
    }
  return pango_layout_is_ellipsized (layout);
}
