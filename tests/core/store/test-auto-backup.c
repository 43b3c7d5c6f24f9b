/* Tests for the automatic rolling backups: names, 0600 files in a 0700
 * folder, the newest N kept, other files untouched, once a day, and that a
 * backup holds what the store held. */
#include "config.h"

#include <string.h>

#include "nv-test-store.h"
#include "nv-auto-backup.h"
#include "nv-store-file-private.h"
#include "nv-unit.h"

typedef struct
{
  NvTestDb db;
  char *backups;
} Fixture;

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  nv_test_db_open (&f->db, "naervaer.db");
  f->backups = nv_auto_backup_dir (f->db.store);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  nv_test_db_close (&f->db);
  g_free (f->backups);
}

static GDateTime *
local_time (int y, int mo, int d, int h, int mi, int s)
{
  g_autoptr (GTimeZone) tz = g_time_zone_new_local ();
  return g_date_time_new (tz, y, mo, d, h, mi, s);
}

static char *
make (Fixture *f, const char *reason, GDateTime *when, guint keep)
{
  g_autoptr (GError) error = NULL;
  char *path = NULL;

  g_assert_true (nv_auto_backup_make (f->db.store, f->backups, reason, when, keep, &path, &error));
  g_assert_no_error (error);
  g_assert_nonnull (path);
  return path;
}

static void
test_dir_and_name (Fixture *f, gconstpointer data)
{
  g_autofree char *expected_dir = g_build_filename (f->db.dir, "backups", NULL);
  g_autoptr (GDateTime) when = local_time (2026, 12, 7, 9, 5, 3);
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;
  g_autoptr (GDateTime) parsed = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (NvStore) copy = NULL;
  g_autoptr (GPtrArray) units = NULL;

  g_assert_cmpstr (f->backups, ==, expected_dir);
  g_assert_cmpint (nv_unit_add (f->db.store, "Bakkely sykehjem", "helse-omsorg", NULL, &error), >, 0);
  g_assert_no_error (error);

  path = make (f, "import", when, 10);
  name = g_path_get_basename (path);
  g_assert_cmpstr (name, ==, "naervaer-20261207-090503-import.db");
  g_assert_cmpuint (nv_test_mode (f->backups), ==, 0700);
  g_assert_cmpuint (nv_test_mode (path), ==, 0600);
  g_assert_true (nv_store_validate_file (path, &error));
  g_assert_no_error (error);

  parsed = nv_auto_backup_time (path);
  g_assert_nonnull (parsed);
  g_assert_true (g_date_time_equal (parsed, when));

  /* The backup holds the unit. */
  copy = nv_store_open (path, &error);
  g_assert_no_error (error);
  units = nv_unit_list (copy, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (units->len, ==, 1);
}

static void
test_same_second (Fixture *f, gconstpointer data)
{
  g_autoptr (GDateTime) when = local_time (2026, 12, 7, 9, 5, 3);
  g_autofree char *a = make (f, "import", when, 10);
  g_autofree char *b = make (f, "import", when, 10);
  g_autoptr (GPtrArray) list = nv_auto_backup_list (f->backups);

  g_assert_cmpstr (a, !=, b);
  g_assert_true (g_str_has_suffix (b, "naervaer-20261207-090503-import-2.db"));
  g_assert_cmpuint (list->len, ==, 2);
}

static void
test_keep_newest (Fixture *f, gconstpointer data)
{
  g_autofree char *foreign = g_build_filename (f->backups, "my-own-copy.db", NULL);
  g_autofree char *lookalike = g_build_filename (f->backups, "naervaer-2026.db", NULL);
  g_autoptr (GPtrArray) list = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_true (nv_store_ensure_private_dir (f->backups, &error));
  g_assert_true (g_file_set_contents (foreign, "mine", -1, NULL));
  g_assert_true (g_file_set_contents (lookalike, "mine", -1, NULL));
  /* Made out of order: the oldest by time go, not the first made. */
  for (int day = 10; day >= 1; day--)
    {
      g_autoptr (GDateTime) when = local_time (2026, 11, day, 12, 0, 0);
      g_autofree char *path = make (f, "daily", when, 4);
    }
  list = nv_auto_backup_list (f->backups);
  g_assert_cmpuint (list->len, ==, 4);
  g_assert_true (g_str_has_suffix (g_ptr_array_index (list, 0), "naervaer-20261110-120000-daily.db"));
  g_assert_true (g_str_has_suffix (g_ptr_array_index (list, 3), "naervaer-20261107-120000-daily.db"));
  g_assert_true (g_file_test (foreign, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (lookalike, G_FILE_TEST_EXISTS));

  /* A lower setting prunes at the next backup; 0 still keeps the newest. */
  {
    g_autoptr (GDateTime) when = local_time (2026, 11, 11, 8, 0, 0);
    g_autofree char *path = make (f, "import", when, 0);
    g_autoptr (GPtrArray) after = nv_auto_backup_list (f->backups);

    g_assert_cmpuint (after->len, ==, 1);
    g_assert_cmpstr (g_ptr_array_index (after, 0), ==, path);
  }
}

static void
test_daily_due (Fixture *f, gconstpointer data)
{
  g_autoptr (GDateTime) morning = local_time (2026, 12, 7, 0, 0, 1);
  g_autoptr (GDateTime) evening = local_time (2026, 12, 7, 23, 59, 59);
  g_autoptr (GDateTime) next_day = local_time (2026, 12, 8, 0, 0, 0);
  g_autoptr (GDateTime) next_year = local_time (2027, 12, 7, 12, 0, 0);
  g_autofree char *path = NULL;

  g_assert_true (nv_auto_backup_daily_due (f->backups, evening)); /* no folder yet */
  path = make (f, "import", morning, 10);
  /* Any automatic backup that day counts, also one before an import. */
  g_assert_false (nv_auto_backup_daily_due (f->backups, evening));
  g_assert_true (nv_auto_backup_daily_due (f->backups, next_day));
  g_assert_true (nv_auto_backup_daily_due (f->backups, next_year));
}

static void
test_unwritable (Fixture *f, gconstpointer data)
{
  g_autoptr (GDateTime) when = local_time (2026, 12, 7, 9, 5, 3);
  g_autofree char *blocker = g_build_filename (f->db.dir, "file", NULL);
  g_autofree char *dir = g_build_filename (blocker, "backups", NULL);
  g_autoptr (GError) error = NULL;
  char *path = NULL;

  g_assert_true (g_file_set_contents (blocker, "x", -1, NULL));
  g_assert_false (nv_auto_backup_make (f->db.store, dir, "daily", when, 3, &path, &error));
  g_assert_nonnull (error);
  g_assert_null (path);
  g_assert_nonnull (strstr (error->message, dir));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/auto-backup/dir-and-name", Fixture, NULL, fixture_setup, test_dir_and_name,
              fixture_teardown);
  g_test_add ("/auto-backup/same-second", Fixture, NULL, fixture_setup, test_same_second,
              fixture_teardown);
  g_test_add ("/auto-backup/keep-newest", Fixture, NULL, fixture_setup, test_keep_newest,
              fixture_teardown);
  g_test_add ("/auto-backup/daily-due", Fixture, NULL, fixture_setup, test_daily_due,
              fixture_teardown);
  g_test_add ("/auto-backup/unwritable", Fixture, NULL, fixture_setup, test_unwritable,
              fixture_teardown);
  return g_test_run ();
}
