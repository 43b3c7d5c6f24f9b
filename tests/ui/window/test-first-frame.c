/* test-first-frame.c — what happens right after the app's first frame.
 *
 * GTK's icon theme announces a change («changed») when a resource path is
 * added after its reading thread has read the theme, and every widget of
 * every window is then styled anew. The application settles that before it
 * builds its window (nv-application.c), so none may arrive once the window
 * is on screen. The app is run whole, as a user starts it, on a database
 * with units (the window with its tabs and the Overview), and reports the
 * changes it saw after its first frame (nv-first-frame.c). The race behind
 * it went the wrong way in every run before the fix, so three runs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gtk/gtk.h>

#include "nv-demo.h"
#include "nv-test-store.h"
#include "nv-test-util.h"

static guint
changes_after_first_frame (const char *db)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) env = g_get_environ ();
  const char *app = g_getenv ("NAERVAER_APP");
  char *argv[] = { (char *)app, "--database", (char *)db, NULL };
  const char *line;
  int status = 0;

  g_assert_nonnull (app);
  env = g_environ_setenv (env, "NAERVAER_QUIT_AFTER_FIRST_FRAME", "1", TRUE);
  /* Long enough for a change queued before the first frame to arrive. */
  env = g_environ_setenv (env, "NAERVAER_WATCH_AFTER_FIRST_FRAME_MS", "1000", TRUE);
  g_assert_true (
      g_spawn_sync (NULL, argv, env, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("the app failed: %s", err);
  line = strstr (out, "icon-theme-changes ");
  if (line == NULL)
    g_error ("the app reported no icon theme changes: %s", out);
  return (guint)g_ascii_strtoull (line + strlen ("icon-theme-changes "), NULL, 10);
}

static void
test_no_icon_theme_change (void)
{
  g_autofree char *dir = nv_test_tmpdir ();
  g_autofree char *db = g_build_filename (dir, "naervaer.db", NULL);
  g_autoptr (GError) error = NULL;

  {
    g_autoptr (NvStore) store = nv_test_open_store (dir, "naervaer.db");

    g_assert_true (nv_demo_fill_full (store, 2, 1, nv_day_today (), 7, NULL, &error));
    g_assert_no_error (error);
  }
  for (guint run = 0; run < 3; run++)
    g_assert_cmpuint (changes_after_first_frame (db), ==, 0);
  nv_test_rmtree (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/ui/first-frame/no-icon-theme-change", test_no_icon_theme_change);
  return g_test_run ();
}
