/* Every schema version migrates to the latest and ends up with exactly the
 * schema a fresh database has. Data written at an old version survives. */
#include "config.h"

#include <sqlite3.h>

#include "nv-test-util.h"
#include "nv-calendar.h"
#include "nv-store-private.h"
#include "nv-store-sqlite.h"
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

static gint64
query_int (NvStore *store, const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (nv_store_get_db (store), sql, -1, &stmt, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

/* Schema 7 keeps spell days as integers (NvDay); ISO text written at schema
 * 6 becomes the same days, an open end stays open, and the ISO columns read
 * as before. */
static void
test_spell_days (void)
{
  g_autofree char *dir = nv_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "v6.db", NULL);
  g_autoptr (GError) error = NULL;

  {
    g_autoptr (NvStore) old = nv_store_open_at_version (path, 6, &error);
    g_assert_no_error (error);
    g_assert_cmpint (sqlite3_exec (nv_store_get_db (old),
                                   "INSERT INTO unit (id, name, sector) VALUES (1, 'U', 'annet');"
                                   "INSERT INTO employee (id, unit_id, ref) VALUES (1, 1, 'AB');"
                                   "INSERT INTO spell (id, employee_id, start_date, end_date, "
                                   "grade, type) VALUES (1, 1, '2024-02-28', '2024-03-01', 50, "
                                   "'legemeldt'), (2, 1, '2025-01-06', NULL, 100, 'egenmeldt');",
                                   NULL, NULL, NULL),
                     ==, SQLITE_OK);
  }
  {
    g_autoptr (NvStore) store = nv_store_open (path, &error);
    g_assert_no_error (error);
    g_assert_cmpint (query_int (store, "SELECT start_day FROM spell WHERE id = 1"), ==,
                     nv_day_from_ymd (2024, 2, 28));
    g_assert_cmpint (query_int (store, "SELECT end_day FROM spell WHERE id = 1"), ==,
                     nv_day_from_ymd (2024, 3, 1));
    g_assert_cmpint (query_int (store, "SELECT start_day FROM spell WHERE id = 2"), ==,
                     nv_day_from_ymd (2025, 1, 6));
    g_assert_cmpint (query_int (store, "SELECT end_day IS NULL AND end_date IS NULL FROM spell "
                                       "WHERE id = 2"),
                     ==, 1);
    g_assert_cmpint (query_int (store, "SELECT start_date = '2024-02-28' AND "
                                       "end_date = '2024-03-01' AND grade = 50 FROM spell "
                                       "WHERE id = 1"),
                     ==, 1);
  }
  nv_test_rmtree (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/migrations/each-version", test_each_version);
  g_test_add_func ("/migrations/spell-days", test_spell_days);
  return g_test_run ();
}
