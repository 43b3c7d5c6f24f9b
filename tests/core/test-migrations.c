/* Every schema version migrates to the latest and ends up with exactly the
 * schema a fresh database has. Data written at an old version survives. */
#include "config.h"

#include <sqlite3.h>

#include "../nv-test-util.h"
#include "nv-store-private.h"
#include "nv-unit.h"

static char *
schema_of (NvStore *store)
{
  g_autoptr (GString) out = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (nv_store_get_db (store),
                                       "SELECT type, name, sql FROM sqlite_master "
                                       "ORDER BY type, name",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (out, "%s %s: %s\n", sqlite3_column_text (stmt, 0),
                            sqlite3_column_text (stmt, 1), sqlite3_column_text (stmt, 2));
  sqlite3_finalize (stmt);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
test_each_version (void)
{
  g_autofree char *dir = nv_test_tmpdir ();
  g_autofree char *fresh_path = g_build_filename (dir, "fresh.db", NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *fresh_schema = NULL;
  int latest = nv_store_latest_schema_version ();
  g_autoptr (GArray) versions = nv_store_schema_versions ();

  {
    g_autoptr (NvStore) fresh = nv_store_open (fresh_path, &error);
    g_assert_no_error (error);
    fresh_schema = schema_of (fresh);
  }

  for (guint i = 0; i <= versions->len; i++)
    {
      int v = i == 0 ? 0 : g_array_index (versions, int, i - 1);
      g_autofree char *name = g_strdup_printf ("v%d.db", v);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *schema = NULL;

      {
        g_autoptr (NvStore) old = nv_store_open_at_version (path, v, &error);
        g_assert_no_error (error);
        g_assert_cmpint (nv_store_get_schema_version (old), ==, v);
        if (v >= 1)
          g_assert_cmpint (nv_unit_add (old, "Kept", "annet", NULL, &error), >, 0);
        g_assert_no_error (error);
      }
      {
        g_autoptr (NvStore) store = nv_store_open (path, &error);
        g_assert_no_error (error);
        g_assert_cmpint (nv_store_get_schema_version (store), ==, latest);
        schema = schema_of (store);
        g_assert_cmpstr (schema, ==, fresh_schema);
        if (v >= 1)
          {
            g_autoptr (NvUnit) unit = nv_unit_find (store, "Kept", &error);
            g_assert_no_error (error);
            g_assert_nonnull (unit);
          }
      }
    }
  nv_test_rmtree (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/migrations/each-version", test_each_version);
  return g_test_run ();
}
