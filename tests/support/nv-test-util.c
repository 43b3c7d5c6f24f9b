/* nv-test-util.c — temporary folders and file checks for the test programs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-test"

#include "config.h"

#include <glib/gstdio.h>
#include <sys/stat.h>

#include "nv-test-util.h"

char *
nv_test_tmpdir (void)
{
  g_autoptr (GError) error = NULL;
  char *dir = g_dir_make_tmp ("naervaer-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

void
nv_test_rmtree (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          if (g_file_test (child, G_FILE_TEST_IS_DIR))
            nv_test_rmtree (child);
          else
            g_unlink (child);
        }
      g_dir_close (dir);
    }
  g_rmdir (path);
}

guint
nv_test_mode (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_mode & 0777;
}

char *
nv_test_checksum (const char *path)
{
  g_autofree char *data = NULL;
  gsize len = 0;

  g_assert_true (g_file_get_contents (path, &data, &len, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *)data, len);
}

void
nv_test_spin (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

void
nv_test_spin_rounds (guint rounds, gulong usec)
{
  for (guint i = 0; i < rounds; i++)
    {
      nv_test_spin ();
      if (usec > 0)
        g_usleep (usec);
    }
}
