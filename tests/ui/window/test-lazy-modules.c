/* test-lazy-modules.c — libpq, libsoup, libxlsxwriter and libsecret are
 * not in the app's start-up link map, and the modules that bring them
 * (src/modules, nv-module.h) load and work on first use.
 *
 * Linked like the app: the forwarding functions of src/modules before the
 * libraries with the real ones. Each case runs in a subprocess so that
 * what one loads is not already there for the next.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>

#include "nv-db-pg.h"
#include "nv-http.h"
#include "nv-keyring.h"
#include "nv-module.h"
#include "nv-pg.h"
#include "nv-secret-table.h"
#include "nv-sheet.h"
#include "nv-test-util.h"

/* Is a library whose file name starts with @prefix mapped in this process? */
static gboolean
mapped (const char *prefix)
{
  g_autofree char *maps = NULL;
  g_autofree char *needle = g_strconcat ("/", prefix, NULL);

  g_assert_true (g_file_get_contents ("/proc/self/maps", &maps, NULL, NULL));
  return strstr (maps, needle) != NULL;
}

/* The app binary itself: ldd lists what is loaded before main(). */
static void
test_app_link_map (void)
{
  const char *app = g_getenv ("NAERVAER_APP");
  const char *argv[] = { "ldd", app, NULL };
  g_autofree char *out = NULL;
  g_autoptr (GError) error = NULL;
  int status;
  static const char *const on_demand[]
      = { "libpq.so", "libsoup-3.0.so", "libxlsxwriter.so", "libsecret-1.so" };

  g_assert_nonnull (app);
  g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out,
                               NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_nonnull (strstr (out, "libgtk-4.so"));
  for (guint i = 0; i < G_N_ELEMENTS (on_demand); i++)
    if (strstr (out, on_demand[i]) != NULL)
      g_error ("%s is loaded at start-up:\n%s", on_demand[i], out);
}

static void
test_pg (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr (GError) error = NULL;
      int version = 0;

      g_assert_false (nv_pg_is_conninfo ("/tmp/a file.db"));
      g_assert_true (nv_pg_is_conninfo ("postgresql://localhost/naervaer"));
      g_assert_false (mapped ("libpq.so"));
      /* key=value: libpq's own keywords decide, so the module is loaded. */
      g_assert_true (nv_pg_is_conninfo ("host=/nonexistent dbname=naervaer"));
      g_assert_false (nv_pg_is_conninfo ("colour=blue"));
      g_assert_true (mapped ("libpq.so"));
      g_assert_null (nv_db_pg_open ("host=/nonexistent dbname=naervaer connect_timeout=2", NULL,
                                    &version, &error));
      g_assert_nonnull (error);
      return;
    }
  g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

static void
test_xlsx (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *dir = nv_test_tmpdir ();
      g_autofree char *path = g_build_filename (dir, "table.xlsx", NULL);
      g_autofree char *data = NULL;
      gsize len = 0;
      g_autoptr (GError) error = NULL;
      g_autoptr (NvSheet) sheet = nv_sheet_new ("Test");

      nv_sheet_add_column (sheet, "Unit", NV_SHEET_TEXT);
      nv_sheet_add_column (sheet, "Per cent", NV_SHEET_PERCENT);
      nv_sheet_begin_row (sheet);
      nv_sheet_add_text (sheet, "Avdeling 2B");
      nv_sheet_add_value (sheet, 4.9);
      g_assert_false (mapped ("libxlsxwriter.so"));
      g_assert_true (nv_sheet_write_xlsx (sheet, path, &error));
      g_assert_no_error (error);
      g_assert_true (mapped ("libxlsxwriter.so"));
      g_assert_true (g_file_get_contents (path, &data, &len, NULL));
      g_assert_cmpuint (len, >, 4);
      g_assert_cmpmem (data, 2, "PK", 2); /* a zip file */
      nv_test_rmtree (dir);
      return;
    }
  g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

static void
test_soup (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (GObject) session = NULL;

      g_assert_false (mapped ("libsoup-3.0.so"));
      session = nv_http_session_new (5, "Naervaer-test", &error);
      g_assert_no_error (error);
      g_assert_nonnull (session);
      g_assert_true (mapped ("libsoup-3.0.so"));
      g_assert_cmpstr (G_OBJECT_TYPE_NAME (session), ==, "SoupSession");
      /* Not a web address: refused without a request. */
      g_assert_false (
          nv_http_get_async (session, "not a url", "application/json", NULL, NULL, NULL));
      return;
    }
  g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

static void
test_secret (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr (GError) error = NULL;

      /* Loaded, not called: the test bus has no keyring. */
      g_assert_false (mapped ("libsecret-1.so"));
      g_assert_nonnull (nv_module_load ("nv-secret", sizeof (NvSecretTable), &error));
      g_assert_no_error (error);
      g_assert_true (mapped ("libsecret-1.so"));
      return;
    }
  g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

static void
test_missing (void)
{
  g_autoptr (GError) error = NULL;

  g_assert_null (nv_module_load ("nv-no-such-module", sizeof (NvModuleTable), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "nv-no-such-module"));
  /* A table of another size (a module of another version) is refused. */
  g_clear_error (&error);
  g_assert_null (nv_module_load ("nv-secret", sizeof (NvSecretTable) + 8, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
}

/* Started from the build tree without $NAERVAER_MODULE_DIR (as
 * build/src/naervaer run by hand): the modules built beside it are found. */
static void
test_build_tree (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr (GError) error = NULL;

      g_unsetenv ("NAERVAER_MODULE_DIR");
      g_assert_nonnull (nv_module_load ("nv-secret", sizeof (NvSecretTable), &error));
      g_assert_no_error (error);
      return;
    }
  g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/modules/app-link-map", test_app_link_map);
  g_test_add_func ("/modules/pg", test_pg);
  g_test_add_func ("/modules/xlsx", test_xlsx);
  g_test_add_func ("/modules/soup", test_soup);
  g_test_add_func ("/modules/secret", test_secret);
  g_test_add_func ("/modules/missing", test_missing);
  g_test_add_func ("/modules/build-tree", test_build_tree);
  return g_test_run ();
}
