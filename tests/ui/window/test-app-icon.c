/* The app icon's PNG renditions in the resource bundle (tools/render-app-icon)
 * match its SVG, and the icon theme finds them for the welcome page. */
#include "config.h"

#include <gtk/gtk.h>

#include "nv-ui-resources.h"

#define ICON_NAME "io.github.naervaer.Naervaer"
#define ICONS_PATH "/io/github/naervaer/Naervaer/icons/"

static void
assert_same_pixels (GdkPixbuf *a, GdkPixbuf *b)
{
  int width = gdk_pixbuf_get_width (a);
  int height = gdk_pixbuf_get_height (a);
  int row_bytes = width * gdk_pixbuf_get_n_channels (a);
  const guint8 *pa = gdk_pixbuf_read_pixels (a);
  const guint8 *pb = gdk_pixbuf_read_pixels (b);

  g_assert_cmpint (gdk_pixbuf_get_width (b), ==, width);
  g_assert_cmpint (gdk_pixbuf_get_height (b), ==, height);
  g_assert_cmpint (gdk_pixbuf_get_n_channels (b), ==, gdk_pixbuf_get_n_channels (a));
  for (int y = 0; y < height; y++)
    if (memcmp (pa + y * gdk_pixbuf_get_rowstride (a), pb + y * gdk_pixbuf_get_rowstride (b),
                row_bytes) != 0)
      g_error ("row %d of the %d px rendition differs from the SVG: run tools/render-app-icon",
               y, width);
}

static void
test_renditions_match_svg (void)
{
  g_autofree char *svg = g_build_filename (g_getenv ("NAERVAER_SRCDIR"), "data", "icons",
                                           ICON_NAME ".svg", NULL);
  static const struct
  {
    int size;
    const char *resource;
  } renditions[] = {
    { 128, ICONS_PATH "128x128/apps/" ICON_NAME ".png" },
    { 256, ICONS_PATH "128x128@2/apps/" ICON_NAME ".png" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (renditions); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (GdkPixbuf) from_svg = NULL;
      g_autoptr (GdkPixbuf) png = NULL;

      from_svg = gdk_pixbuf_new_from_file_at_size (svg, renditions[i].size, renditions[i].size,
                                                   &error);
      if (g_error_matches (error, GDK_PIXBUF_ERROR, GDK_PIXBUF_ERROR_UNKNOWN_TYPE))
        {
          g_test_skip ("gdk-pixbuf has no SVG loader (librsvg2-common) to compare with");
          return;
        }
      g_assert_no_error (error);
      png = gdk_pixbuf_new_from_resource (renditions[i].resource, &error);
      g_assert_no_error (error);
      g_assert_cmpint (gdk_pixbuf_get_width (png), ==, renditions[i].size);
      assert_same_pixels (from_svg, png);
    }
}

static void
assert_icon_file (GtkIconTheme *theme, int scale, const char *expected)
{
  g_autoptr (GtkIconPaintable) icon =
    gtk_icon_theme_lookup_icon (theme, ICON_NAME, NULL, 128, scale, GTK_TEXT_DIR_NONE, 0);
  g_autoptr (GFile) file = gtk_icon_paintable_get_file (icon);
  g_autofree char *uri = file != NULL ? g_file_get_uri (file) : NULL;

  g_assert_cmpstr (uri, ==, expected);
}

static void
test_theme_finds_png (void)
{
  /* The display's theme, with our path as GtkApplication adds it. */
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gdk_display_get_default ());

  gtk_icon_theme_add_resource_path (theme, ICONS_PATH);
  assert_icon_file (theme, 1, "resource://" ICONS_PATH "128x128/apps/" ICON_NAME ".png");
  assert_icon_file (theme, 2, "resource://" ICONS_PATH "128x128@2/apps/" ICON_NAME ".png");
}

int
main (int argc, char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  nv_ui_register_resource ();

  g_test_add_func ("/ui/app-icon/renditions-match-svg", test_renditions_match_svg);
  g_test_add_func ("/ui/app-icon/theme-finds-png", test_theme_finds_png);
  return g_test_run ();
}
