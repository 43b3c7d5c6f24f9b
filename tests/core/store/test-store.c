/* Tests for the store: file modes, refusing foreign or damaged files, units,
 * backup and restore. */
#include "config.h"

#include <sys/inotify.h>

#include <sqlite3.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <utime.h>

#include "nv-test-util.h"
#include "nv-store-file-private.h"
#include "nv-store.h"
#include "nv-unit.h"

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  f->dir = nv_test_tmpdir ();
  f->path = g_build_filename (f->dir, "sub", "naervaer.db", NULL);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  nv_test_rmtree (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static void
test_create_private (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (NvStore) store = nv_store_open (f->path, &error);
  g_autofree char *sub = g_path_get_dirname (f->path);
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (f->path, "-shm", NULL);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_assert_cmpint (nv_store_get_schema_version (store), ==, nv_store_latest_schema_version ());
  g_assert_cmpuint (nv_test_mode (f->path), ==, 0600);
  g_assert_cmpuint (nv_test_mode (sub), ==, 0700);
  g_assert_cmpint (nv_unit_add (store, "Avd. 1", "annet", NULL, &error), >, 0);
  g_assert_no_error (error);
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (nv_test_mode (wal), ==, 0600);
  g_assert_cmpuint (nv_test_mode (shm), ==, 0600);
}

static void
assert_refused (const char *path, int code)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *before = nv_test_checksum (path);
  g_autofree char *after = NULL;
  g_autoptr (NvStore) store = nv_store_open (path, &error);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);

  g_assert_null (store);
  g_assert_error (error, NV_STORE_ERROR, code);
  g_test_message ("refused: %s", error->message);
  g_assert_true (strstr (error->message, path) != NULL);
  after = nv_test_checksum (path);
  g_assert_cmpstr (before, ==, after);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
}

static void
test_refuse_text_file (Fixture *f, gconstpointer data)
{
  g_autofree char *path = g_build_filename (f->dir, "notes.txt", NULL);

  g_assert_true (g_file_set_contents (path, "ansatt;fra;til\nAB;2024-01-01;\n", -1, NULL));
  assert_refused (path, NV_STORE_ERROR_NOT_NAERVAER);
}

static void
test_refuse_empty_file (Fixture *f, gconstpointer data)
{
  g_autofree char *path = g_build_filename (f->dir, "empty.db", NULL);

  g_assert_true (g_file_set_contents (path, "", 0, NULL));
  assert_refused (path, NV_STORE_ERROR_NOT_NAERVAER);
  g_assert_cmpuint (nv_test_mode (path), !=, 0); /* still there */
}

static void
test_refuse_truncated (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize len = 0;

  {
    g_autoptr (NvStore) store = nv_store_open (f->path, &error);
    g_assert_no_error (error);
    for (int i = 0; i < 200; i++)
      {
        g_autofree char *name = g_strdup_printf ("Avdeling %03d med et langt navn", i);
        g_assert_cmpint (nv_unit_add (store, name, "helse-omsorg", "Fjordvik", &error), >, 0);
      }
  }
  /* closed cleanly: the WAL is checkpointed and gone; now lose the tail */
  g_assert_true (g_file_get_contents (f->path, &contents, &len, NULL));
  g_assert_cmpuint (len, >=, 3 * 4096);
  g_assert_cmpint (truncate (f->path, (off_t) (len / 2 + 1000)), ==, 0);
  assert_refused (f->path, NV_STORE_ERROR_CORRUPT);
}

static void
test_new_database_leaves_nothing_else (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *sub = g_path_get_dirname (f->path);
  GDir *dir;
  const char *name;

  {
    g_autoptr (NvStore) store = nv_store_open (f->path, &error);
    g_assert_no_error (error);
  }
  dir = g_dir_open (sub, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_assert_cmpstr (name, ==, "naervaer.db");
  g_dir_close (dir);
}

static void
test_refuse_foreign_sqlite (Fixture *f, gconstpointer data)
{
  g_autofree char *path = g_build_filename (f->dir, "other.db", NULL);
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE t (x); INSERT INTO t VALUES (1);", NULL, NULL,
                                 NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  assert_refused (path, NV_STORE_ERROR_NOT_NAERVAER);
}

static void
test_refuse_newer (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  sqlite3 *db = NULL;

  {
    g_autoptr (NvStore) store = nv_store_open (f->path, &error);
    g_assert_no_error (error);
  }
  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA journal_mode=DELETE; PRAGMA user_version = 999;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  assert_refused (f->path, NV_STORE_ERROR_TOO_NEW);
}

static gboolean exists_beside (const char *path, const char *suffix);

/* Watches @path's folder for files being created (inotify), so a -wal or
 * -shm that is made and removed again within one call is seen too. */
static int
watch_creations (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd = inotify_init1 (IN_NONBLOCK | IN_CLOEXEC);

  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (inotify_add_watch (fd, dir, IN_CREATE), >=, 0);
  return fd;
}

/* The names of the files created since watch_creations(), one string. */
static char *
creations (int fd)
{
  GString *names = g_string_new (NULL);
  char buf[4096] __attribute__ ((aligned (__alignof__ (struct inotify_event))));
  gssize n;

  while ((n = read (fd, buf, sizeof buf)) > 0)
    for (char *p = buf; p < buf + n;)
      {
        const struct inotify_event *event = (const struct inotify_event *) p;
        if (event->len > 0)
          g_string_append_printf (names, "%s ", event->name);
        p += sizeof (struct inotify_event) + event->len;
      }
  close (fd);
  return g_string_free (names, FALSE);
}

/* Damaged files are refused without anything being created beside them,
 * not even for a moment: a -wal or -shm made and removed during the check
 * is removed by a connection that may not be alone. Two kinds of damage to
 * a WAL-mode file with an intact header: everything after it, and only the
 * cells of the first page (SQLite opened the WAL before it found that). */
static void
test_refuse_corrupt (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize len = 0;
  const struct
  {
    gsize from, to;
  } damage[] = { { 100, G_MAXSIZE }, { 112, 4096 } };

  {
    g_autoptr (NvStore) store = nv_store_open (f->path, &error);
    g_assert_no_error (error);
    for (int i = 0; i < 50; i++)
      {
        g_autofree char *name = g_strdup_printf ("Unit %d", i);
        g_assert_cmpint (nv_unit_add (store, name, "barnehage", "Demo", &error), >, 0);
      }
  }
  g_assert_true (g_file_get_contents (f->path, &contents, &len, NULL));
  g_assert_cmpuint (len, >, 4096);
  g_assert_cmpint (contents[18], ==, 2); /* WAL mode */

  for (guint k = 0; k < G_N_ELEMENTS (damage); k++)
    {
      g_autofree char *copy = g_memdup2 (contents, len);
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;
      g_autofree char *created = NULL;
      g_autoptr (NvStore) store = NULL;
      int watch;

      /* Keep the header valid, scramble the rest. */
      for (gsize i = damage[k].from; i < MIN (len, damage[k].to); i++)
        copy[i] = (char) (i * 7);
      g_assert_true (g_file_set_contents_full (f->path, copy, len, G_FILE_SET_CONTENTS_NONE,
                                               0600, NULL));
      before = nv_test_checksum (f->path);
      watch = watch_creations (f->path);
      store = nv_store_open (f->path, &error);
      created = creations (watch);
      after = nv_test_checksum (f->path);
      g_test_message ("damage %u: %s", k, error != NULL ? error->message : "(none)");
      g_assert_null (store);
      g_assert_error (error, NV_STORE_ERROR, NV_STORE_ERROR_CORRUPT);
      g_clear_error (&error);
      g_assert_cmpstr (before, ==, after);
      g_assert_cmpstr (created, ==, "");
      g_assert_false (exists_beside (f->path, "-wal"));
      g_assert_false (exists_beside (f->path, "-shm"));
    }
}

static void
test_units (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (NvStore) store = nv_store_open (f->path, &error);
  g_autoptr (GPtrArray) units = NULL;
  g_autoptr (NvUnit) found = NULL;
  gint64 a, b;

  a = nv_unit_add (store, "  Solsikken barnehage ", "barnehage", "Fjordvik", &error);
  g_assert_no_error (error);
  b = nv_unit_add (store, "Avdeling 2B", "helse-omsorg", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (a, >, 0);
  g_assert_cmpint (b, >, a);

  /* duplicate (case-insensitive), empty, bad sector */
  g_assert_cmpint (nv_unit_add (store, "solsikken BARNEHAGE", "barnehage", NULL, &error), ==, 0);
  g_assert_error (error, NV_STORE_ERROR, NV_STORE_ERROR_DUPLICATE);
  g_clear_error (&error);
  g_assert_cmpint (nv_unit_add (store, "   ", "barnehage", NULL, &error), ==, 0);
  g_assert_error (error, NV_STORE_ERROR, NV_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (nv_unit_add (store, "X", "skole", NULL, &error), ==, 0);
  g_assert_error (error, NV_STORE_ERROR, NV_STORE_ERROR_INVALID);
  g_clear_error (&error);

  units = nv_unit_list (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (units->len, ==, 2);
  g_assert_cmpstr (((NvUnit *) units->pdata[0])->name, ==, "Avdeling 2B");
  g_assert_cmpstr (((NvUnit *) units->pdata[1])->name, ==, "Solsikken barnehage");
  g_assert_cmpstr (((NvUnit *) units->pdata[1])->municipality, ==, "Fjordvik");

  /* rename: to itself with other case is fine, onto another is not */
  g_assert_true (nv_unit_rename (store, a, "SOLSIKKEN barnehage", &error));
  g_assert_no_error (error);
  g_assert_false (nv_unit_rename (store, a, "avdeling 2b", &error));
  g_assert_error (error, NV_STORE_ERROR, NV_STORE_ERROR_DUPLICATE);
  g_clear_error (&error);
  g_assert_false (nv_unit_rename (store, a, "", &error));
  g_assert_error (error, NV_STORE_ERROR, NV_STORE_ERROR_INVALID);
  g_clear_error (&error);

  found = nv_unit_find (store, "solsikken Barnehage", &error);
  g_assert_no_error (error);
  g_assert_cmpint (found->id, ==, a);
  g_assert_cmpstr (found->name, ==, "SOLSIKKEN barnehage");

  g_assert_true (nv_unit_delete (store, a, &error));
  g_assert_no_error (error);
  g_assert_false (nv_unit_delete (store, a, &error));
  g_assert_error (error, NV_STORE_ERROR, NV_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (nv_unit_get (store, a, &error));
  g_assert_error (error, NV_STORE_ERROR, NV_STORE_ERROR_NOT_FOUND);
}

static void
test_backup_restore (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *backup = g_build_filename (f->dir, "backup.db", NULL);
  g_autofree char *junk = g_build_filename (f->dir, "junk.db", NULL);
  g_autofree char *kept = NULL;
  g_autofree char *verdict = NULL;

  {
    g_autoptr (NvStore) store = nv_store_open (f->path, &error);
    g_assert_cmpint (nv_unit_add (store, "Before", "annet", NULL, &error), >, 0);
    g_assert_true (nv_store_backup (store, backup, &error));
    g_assert_no_error (error);
    g_assert_cmpint (nv_unit_add (store, "After", "annet", NULL, &error), >, 0);
    g_assert_true (nv_store_check (store, &verdict, &error));
    g_assert_no_error (error);
  }
  g_assert_cmpuint (nv_test_mode (backup), ==, 0600);
  g_assert_true (nv_store_validate_file (backup, &error));
  g_assert_no_error (error);

  /* a file that is not ours is refused and nothing changes */
  g_assert_true (g_file_set_contents (junk, "not a database", -1, NULL));
  {
    g_autofree char *before = nv_test_checksum (f->path);
    g_autofree char *after = NULL;
    g_assert_false (nv_store_restore (f->path, junk, &kept, &error));
    g_assert_error (error, NV_STORE_ERROR, NV_STORE_ERROR_NOT_NAERVAER);
    g_clear_error (&error);
    after = nv_test_checksum (f->path);
    g_assert_cmpstr (before, ==, after);
    g_assert_null (kept);
  }

  g_assert_true (nv_store_restore (f->path, backup, &kept, &error));
  g_assert_no_error (error);
  g_assert_nonnull (kept);
  g_assert_cmpuint (nv_test_mode (kept), ==, 0600);
  g_assert_cmpuint (nv_test_mode (f->path), ==, 0600);
  {
    g_autoptr (NvStore) store = nv_store_open (f->path, &error);
    g_autoptr (GPtrArray) units = nv_unit_list (store, &error);
    g_autoptr (NvStore) old = nv_store_open (kept, &error);
    g_autoptr (GPtrArray) old_units = nv_unit_list (old, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (units->len, ==, 1);
    g_assert_cmpstr (((NvUnit *) units->pdata[0])->name, ==, "Before");
    g_assert_cmpuint (old_units->len, ==, 2);
  }
}

/* Backup and restore that cannot be done say so and change nothing: a backup
 * into a folder that does not exist leaves no file; restoring from a missing
 * file or a file that is not a Nærvær database leaves the open database and
 * its data as they were, and keeps no copy. */
static void
test_backup_restore_errors (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (NvStore) store = nv_store_open (f->path, &error);
  g_autofree char *nowhere = g_build_filename (f->dir, "no-such-folder", "backup.db", NULL);
  g_autofree char *missing = g_build_filename (f->dir, "missing.db", NULL);
  g_autofree char *junk = g_build_filename (f->dir, "junk.db", NULL);
  g_autoptr (GPtrArray) units = NULL;
  char *kept = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (nv_unit_add (store, "Kept", "annet", NULL, &error), >, 0);

  g_assert_false (nv_store_backup (store, nowhere, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_false (g_file_test (nowhere, G_FILE_TEST_EXISTS));

  g_assert_false (nv_store_restore_into (store, missing, &kept, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_null (kept);

  g_assert_true (g_file_set_contents (junk, "SQLite format 3 — but not really", -1, NULL));
  g_assert_false (nv_store_restore_into (store, junk, &kept, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_null (kept);

  units = nv_unit_list (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (units->len, ==, 1);
  g_assert_cmpstr (((NvUnit *) units->pdata[0])->name, ==, "Kept");
}

static gboolean
exists_beside (const char *path, const char *suffix)
{
  g_autofree char *side = g_strconcat (path, suffix, NULL);
  return g_file_test (side, G_FILE_TEST_EXISTS);
}

/* A read-only file is opened read-only: its mode stays, reading works and
 * every write fails with a message that says why. */
static void
test_read_only_file (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_path_get_dirname (f->path);

  {
    g_autoptr (NvStore) store = nv_store_open (f->path, &error);
    g_assert_cmpint (nv_unit_add (store, "Lesbar", "annet", NULL, &error), >, 0);
    g_assert_no_error (error);
  }
  for (guint round = 0; round < 2; round++)
    {
      const char *target = round == 0 ? f->path : dir;
      guint mode = round == 0 ? 0400 : 0500;
      g_autoptr (NvStore) store = NULL;
      g_autoptr (GPtrArray) units = NULL;

      g_assert_cmpint (g_chmod (target, mode), ==, 0);
      store = nv_store_open (f->path, &error);
      g_assert_no_error (error);
      g_assert_true (nv_store_is_read_only (store));
      g_assert_cmpuint (nv_test_mode (target), ==, mode);
      units = nv_unit_list (store, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (units->len, ==, 1);
      g_assert_cmpint (nv_unit_add (store, "Skrivbar", "annet", NULL, &error), ==, 0);
      g_assert_error (error, NV_STORE_ERROR, NV_STORE_ERROR_IO);
      g_assert_nonnull (strstr (error->message, "is read-only"));
      g_clear_error (&error);
      g_clear_object (&store);
      g_assert_cmpuint (nv_test_mode (target), ==, mode);
      g_chmod (target, round == 0 ? 0600 : 0700);
    }
}

/* A database others may read is refused with a message that says what to
 * do; its mode is not changed behind the back of whoever has it open, and
 * nothing is created beside it. */
static void
test_refuse_loose_mode (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (NvStore) store = NULL;
  g_autofree char *created = NULL;
  int watch;

  store = nv_store_open (f->path, &error);
  g_assert_no_error (error);
  g_clear_object (&store);
  for (guint mode = 0640; mode != 0; mode = mode == 0640 ? 0604 : 0)
    {
      g_assert_cmpint (g_chmod (f->path, mode), ==, 0);
      watch = watch_creations (f->path);
      store = nv_store_open (f->path, &error);
      g_free (created);
      created = creations (watch);
      g_assert_null (store);
      g_assert_error (error, NV_STORE_ERROR, NV_STORE_ERROR_IO);
      g_assert_nonnull (strstr (error->message, "can be read by other users"));
      g_assert_nonnull (strstr (error->message, mode == 0640 ? "(permissions 640)"
                                                             : "(permissions 604)"));
      g_clear_error (&error);
      g_assert_cmpuint (nv_test_mode (f->path), ==, mode);
      g_assert_cmpstr (created, ==, "");
    }
  g_assert_cmpint (g_chmod (f->path, 0600), ==, 0);
  store = nv_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
}

static void
make_foreign (const char *path, int app_id, int user_version)
{
  sqlite3 *db = NULL;
  g_autofree char *sql =
    g_strdup_printf ("PRAGMA journal_mode = WAL; PRAGMA application_id = %d; "
                     "PRAGMA user_version = %d; CREATE TABLE t (x);",
                     app_id, user_version);

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_assert_false (exists_beside (path, "-wal"));
}

/* Refused files get nothing created beside them. */
static void
test_refused_leaves_nothing (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *foreign = g_build_filename (f->dir, "foreign.db", NULL);
  g_autofree char *newer = g_build_filename (f->dir, "newer.db", NULL);

  make_foreign (foreign, 0x12345678, 1);
  g_assert_null (nv_store_open (foreign, &error));
  g_assert_error (error, NV_STORE_ERROR, NV_STORE_ERROR_NOT_NAERVAER);
  g_clear_error (&error);
  g_assert_false (exists_beside (foreign, "-wal"));
  g_assert_false (exists_beside (foreign, "-shm"));

  {
    g_autoptr (NvStore) store = nv_store_open (newer, &error);
    sqlite3 *db = NULL;
    g_autofree char *sql = NULL;
    g_assert_no_error (error);
    g_clear_object (&store);
    sql = g_strdup_printf ("PRAGMA user_version = %d;", nv_store_latest_schema_version () + 1);
    g_assert_cmpint (sqlite3_open (newer, &db), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
    sqlite3_close (db);
  }
  g_assert_false (exists_beside (newer, "-wal"));
  g_assert_null (nv_store_open (newer, &error));
  g_assert_error (error, NV_STORE_ERROR, NV_STORE_ERROR_TOO_NEW);
  g_assert_false (exists_beside (newer, "-wal"));
  g_assert_false (exists_beside (newer, "-shm"));
}

/* A killed backup's private copy is removed at the next open or backup; one
 * that is being written is not. */
static void
test_stale_temp_files (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *stale = NULL;
  g_autofree char *stale_journal = NULL;
  g_autofree char *elsewhere = g_build_filename (f->dir, ".naervaer-backup-QWERTY", NULL);
  g_autofree char *busy = NULL;
  g_autofree char *backup = g_build_filename (f->dir, "b.db", NULL);
  int busy_fd;

  {
    g_autoptr (NvStore) store = nv_store_open (f->path, &error);
    g_assert_no_error (error);
  }
  dir = g_path_get_dirname (f->path);
  stale = g_build_filename (dir, ".naervaer-backup-AbC123", NULL);
  stale_journal = g_build_filename (dir, ".naervaer-backup-AbC123-journal", NULL);
  g_assert_true (g_file_set_contents (stale, "health data", -1, NULL));
  g_assert_true (g_file_set_contents (stale_journal, "health data", -1, NULL));
  g_assert_true (g_file_set_contents (elsewhere, "health data", -1, NULL));
  busy_fd = nv_store_temp_file_new (dir, "restore", &busy, &error);
  g_assert_cmpint (busy_fd, >=, 0);
  {
    /* Left an hour ago, by a process that was killed. */
    struct utimbuf old = { time (NULL) - 3600, time (NULL) - 3600 };
    g_assert_cmpint (g_utime (stale, &old), ==, 0);
    g_assert_cmpint (g_utime (stale_journal, &old), ==, 0);
    g_assert_cmpint (g_utime (elsewhere, &old), ==, 0);
    g_assert_cmpint (g_utime (busy, &old), ==, 0);
  }

  {
    g_autoptr (NvStore) store = nv_store_open (f->path, &error);
    g_assert_no_error (error);
    g_assert_false (g_file_test (stale, G_FILE_TEST_EXISTS));
    g_assert_false (g_file_test (stale_journal, G_FILE_TEST_EXISTS));
    g_assert_true (g_file_test (busy, G_FILE_TEST_EXISTS));
    g_assert_true (g_file_test (elsewhere, G_FILE_TEST_EXISTS));
    g_assert_true (nv_store_backup (store, backup, &error));
    g_assert_false (g_file_test (elsewhere, G_FILE_TEST_EXISTS));
  }
  close (busy_fd);
  g_unlink (busy);
}

static void
count_units_cb (int *count, guint topics)
{
  if (topics & NV_TOPIC_UNITS)
    (*count)++;
}

static void
record_topics_cb (GArray *seen, guint topics)
{
  g_array_append_val (seen, topics);
}

static void
test_changed_signal (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (NvStore) store = nv_store_open (f->path, &error);
  int count = 0;

  g_signal_connect_swapped (store, "changed", G_CALLBACK (count_units_cb), &count);
  nv_unit_add (store, "A", "annet", NULL, &error);
  nv_unit_add (store, "A", "annet", NULL, NULL); /* refused: no signal */
  g_assert_cmpint (count, ==, 1);
}

/* Nested transactions: one announcement, at the outermost commit, with
 * the topics of the inner ones that committed (not of those rolled back);
 * a transaction that changed no row announces nothing. */
static void
test_transactions (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (NvStore) store = nv_store_open (f->path, &error);
  g_autoptr (GArray) seen = g_array_new (FALSE, FALSE, sizeof (guint));
  NvStoreTxn *outer, *inner;
  gint64 unit;

  g_signal_connect_swapped (store, "changed", G_CALLBACK (record_topics_cb), seen);
  unit = nv_unit_add (store, "A", "annet", NULL, &error);
  g_assert_cmpuint (seen->len, ==, 1);
  g_assert_cmpuint (g_array_index (seen, guint, 0), ==, NV_TOPIC_UNITS);

  outer = nv_store_txn_begin (store, NV_TOPIC_MEASURES, &error);
  g_assert_nonnull (outer);
  inner = nv_store_txn_begin (store, NV_TOPIC_WORKSHOPS, &error);
  g_assert_no_error (error);
  g_assert_cmpint (nv_unit_add (store, "B", "annet", NULL, &error), >, 0);
  nv_store_txn_rollback (inner);
  inner = nv_store_txn_begin (store, NV_TOPIC_FAKTOR, &error);
  g_assert_true (nv_unit_rename (store, unit, "C", &error));
  g_assert_true (nv_store_txn_commit (inner, &error));
  g_assert_cmpuint (seen->len, ==, 1);
  g_assert_true (nv_store_txn_commit (outer, &error));
  g_assert_cmpuint (seen->len, ==, 2);
  g_assert_cmpuint (g_array_index (seen, guint, 1), ==,
                    NV_TOPIC_MEASURES | NV_TOPIC_FAKTOR | NV_TOPIC_UNITS);
  /* B was rolled back with its savepoint, the rename kept. */
  {
    g_autoptr (GPtrArray) units = nv_unit_list (store, &error);
    g_assert_cmpuint (units->len, ==, 1);
  }

  outer = nv_store_txn_begin (store, NV_TOPIC_ALL, &error);
  g_assert_true (nv_store_txn_commit (outer, &error));
  g_assert_cmpuint (seen->len, ==, 2);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) g_test_add (name, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/store/create-private", test_create_private);
  ADD ("/store/transactions", test_transactions);
  ADD ("/store/refuse/text-file", test_refuse_text_file);
  ADD ("/store/refuse/foreign-sqlite", test_refuse_foreign_sqlite);
  ADD ("/store/refuse/newer", test_refuse_newer);
  ADD ("/store/refuse/empty-file", test_refuse_empty_file);
  ADD ("/store/refuse/truncated", test_refuse_truncated);
  ADD ("/store/new-database-leaves-nothing-else", test_new_database_leaves_nothing_else);
  ADD ("/store/refuse/corrupt", test_refuse_corrupt);
  ADD ("/store/refuse/loose-mode", test_refuse_loose_mode);
  ADD ("/store/units", test_units);
  ADD ("/store/backup-restore", test_backup_restore);
  ADD ("/store/backup-restore-errors", test_backup_restore_errors);
  ADD ("/store/changed-signal", test_changed_signal);
  ADD ("/store/read-only-file", test_read_only_file);
  ADD ("/store/refused-leaves-nothing", test_refused_leaves_nothing);
  ADD ("/store/stale-temp-files", test_stale_temp_files);
#undef ADD

  return g_test_run ();
}
