/* nv-test-util.c — temporary folders and file checks for the test programs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-test"

#include "config.h"

#include <glib/gstdio.h>
#include <sys/stat.h>

#include <string.h>

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
nv_test_wait_until (gboolean (*check) (gpointer data), gpointer data, double seconds,
                    const char *what)
{
  const char *scale_env = g_getenv ("NV_TEST_TIME_SCALE");
  double scale = scale_env != NULL ? MAX (g_ascii_strtod (scale_env, NULL), 1.0) : 1.0;
  gint64 end = g_get_monotonic_time () + (gint64)(seconds * scale * G_USEC_PER_SEC);

  while (!check (data))
    {
      if (g_get_monotonic_time () > end)
        g_error ("not within %.0f s: %s", seconds * scale, what);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }
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

char *
nv_test_run_output (const char *const *argv)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *out = NULL;
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out,
                               NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return g_steal_pointer (&out);
}

char *
nv_test_run_tool (const char *tool, const char *path)
{
  const char *argv[] = { tool, path, NULL, NULL, NULL };

  if (g_strcmp0 (tool, "pdftotext") == 0)
    {
      argv[1] = "-layout";
      argv[2] = path;
      argv[3] = "-";
    }
  return nv_test_run_output (argv);
}

static void
no_break_spaces_as_spaces (GString *s)
{
  g_string_replace (s, "\xc2\xa0", " ", 0);     /* U+00A0 */
  g_string_replace (s, "\xe2\x80\xaf", " ", 0); /* U+202F */
}

char *
nv_test_pdf_text (const char *path)
{
  g_autofree char *out = nv_test_run_tool ("pdftotext", path);
  GString *s = g_string_new (out);

  no_break_spaces_as_spaces (s);
  return g_string_free (s, FALSE);
}

static char *
fold_spaces (const char *text, const char *separators)
{
  g_autoptr (GString) s = g_string_new (text);
  g_autoptr (GStrvBuilder) b = g_strv_builder_new ();
  g_auto (GStrv) words = NULL;
  g_auto (GStrv) kept = NULL;

  no_break_spaces_as_spaces (s);
  words = g_strsplit_set (s->str, separators, -1);
  for (guint i = 0; words[i] != NULL; i++)
    if (*words[i] != '\0')
      g_strv_builder_add (b, words[i]);
  kept = g_strv_builder_end (b);
  return g_strjoinv (" ", kept);
}

char *
nv_test_flatten_text (const char *text)
{
  return fold_spaces (text, " \n\t\f");
}

char *
nv_test_run_tool_flat (const char *tool, const char *path)
{
  g_autofree char *out = nv_test_run_tool (tool, path);

  return nv_test_flatten_text (out);
}

char *
nv_test_squeeze_spaces (const char *text)
{
  return fold_spaces (text, " \t");
}

void
nv_test_assert_contains (const char *haystack, const char *needle)
{
  if (strstr (haystack, needle) == NULL)
    g_error ("“%s” not found in:\n%s", needle, haystack);
}

void
nv_test_assert_lacks (const char *haystack, const char *needle)
{
  if (strstr (haystack, needle) != NULL)
    g_error ("“%s” must not be in:\n%s", needle, haystack);
}
