/* test-store-guard.c — a file the user picks is never the database
 * (nv-file-guard.h), and no database is made over a leftover log.
 *
 * The test program is its own second process: run with `--child hold DB` it
 * opens the store, begins a write transaction, prints "held" and keeps the
 * lock until its standard input closes; then it commits and exits.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <sys/inotify.h>
#include <unistd.h>

#include "nv-export.h"
#include "nv-followup.h"
#include "nv-import.h"
#include "nv-privacy.h"
#include "nv-store-private.h"
#include "nv-store-sqlite.h"
#include "nv-test-store.h"
#include "nv-test-util.h"
#include "nv-unit.h"
#include "nv-workshop-template.h"

static char *self_exe;

static int
child_hold (const char *db)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (NvStore) store = nv_store_open (db, &error);
  g_autoptr (NvStoreTxn) txn = NULL;
  char line[64];

  if (store == NULL || (txn = nv_store_txn_begin (store, NV_TOPIC_UNITS, &error)) == NULL
      || nv_unit_add (store, "Fra den andre", "helse-omsorg", "", &error) == 0)
    {
      g_printerr ("child: %s\n", error->message);
      return 1;
    }
  printf ("held\n");
  fflush (stdout);
  while (fgets (line, sizeof line, stdin) != NULL)
    ;
  if (!nv_store_txn_commit (g_steal_pointer (&txn), &error))
    {
      g_printerr ("child: %s\n", error->message);
      return 1;
    }
  return 0;
}

/* ---- the parent side --------------------------------------------------- */

typedef struct
{
  char *dir;
  char *db;
  NvStore *store;
  gint64 unit;
  gint64 employee;
  int watch; /* inotify on the folder: anything opened, made or renamed */
} Fixture;

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  f->dir = nv_test_tmpdir ();
  f->db = g_build_filename (f->dir, "g.db", NULL);
  f->store = nv_store_open (f->db, &error);
  g_assert_no_error (error);
  f->unit = nv_test_add_unit (f->store, "Avdeling", "helse-omsorg", "");
  f->employee = nv_test_add_staff (f->store, f->unit, "AB", 100, nv_day_from_ymd (2024, 1, 1));
  f->watch = -1;
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  if (f->watch >= 0)
    close (f->watch);
  g_clear_object (&f->store);
  nv_test_rmtree (f->dir);
  g_free (f->db);
  g_free (f->dir);
}

static void
watch_folder (Fixture *f)
{
  f->watch = inotify_init1 (IN_NONBLOCK | IN_CLOEXEC);
  g_assert_cmpint (f->watch, >=, 0);
  g_assert_cmpint (inotify_add_watch (f->watch, f->dir,
                                      IN_OPEN | IN_CREATE | IN_MOVED_TO | IN_MODIFY | IN_ATTRIB),
                   >=, 0);
}

static void
assert_nothing_happened (Fixture *f)
{
  char events[4096] __attribute__ ((aligned (__alignof__(struct inotify_event))));
  ssize_t n = read (f->watch, events, sizeof events);

  for (ssize_t at = 0; at < n;)
    {
      const struct inotify_event *e = (const struct inotify_event *)(events + at);
      g_printerr ("unexpected: %s (mask %#x)\n", e->len > 0 ? e->name : "(the folder)",
                  (unsigned)e->mask);
      at += (ssize_t)sizeof *e + e->len;
    }
  g_assert_cmpint (n, ==, -1);
}

static void
assert_refused (GError **error, const char *path, const char *what)
{
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *quoted = g_strdup_printf ("“%s”", base);

  g_assert_nonnull (*error);
  if (strstr ((*error)->message, quoted) == NULL || strstr ((*error)->message, what) == NULL)
    g_error ("%s: unexpected message: %s", path, (*error)->message);
  g_clear_error (error);
}

/* The other names of the database, indexed by these: its working files,
 * and a hard and a symbolic link to it, made in the test folder as
 * @hard_name and @sym_name. Free with g_strfreev(). */
enum
{
  WAL,
  SHM,
  HARD,
  SYM
};

static GStrv
aliases_make (Fixture *f, const char *hard_name, const char *sym_name)
{
  GStrv a = g_new0 (char *, SYM + 2);

  a[WAL] = g_strconcat (f->db, "-wal", NULL);
  a[SHM] = g_strconcat (f->db, "-shm", NULL);
  a[HARD] = g_build_filename (f->dir, hard_name, NULL);
  a[SYM] = g_build_filename (f->dir, sym_name, NULL);
  g_assert_cmpint (link (f->db, a[HARD]), ==, 0);
  g_assert_cmpint (symlink (f->db, a[SYM]), ==, 0);
  return a;
}

static ino_t
inode_of (const char *path)
{
  GStatBuf st;
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_ino;
}

/* The database, its working files, a hard link and a symbolic link to it,
 * and the name of its rollback journal (which does not exist) are refused
 * as the target of every save; nothing is opened, created or renamed. */
static void
test_save_refused (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) a = NULL;
  g_autofree char *journal = g_strconcat (f->db, "-journal", NULL);
  g_autofree char *ok = g_build_filename (f->dir, "ok.csv", NULL);
  g_autofree char *db_sum = NULL;
  g_autofree char *wal_sum = NULL;
  ino_t db_ino, wal_ino;

  a = aliases_make (f, "hard.csv", "sym.csv");
  db_ino = inode_of (f->db);
  wal_ino = inode_of (a[WAL]);
  db_sum = nv_test_checksum (f->db);
  wal_sum = nv_test_checksum (a[WAL]);
  watch_folder (f);

  {
    const char *targets[] = { f->db, a[WAL], a[SHM], journal, a[HARD], a[SYM] };
    for (guint i = 0; i < G_N_ELEMENTS (targets); i++)
      {
        g_assert_false (
            nv_export_file (f->store, NV_IMPORT_ROSTER, f->unit, FALSE, targets[i], NULL, &error));
        assert_refused (&error, targets[i], "nothing was written");
        g_assert_false (nv_store_backup (f->store, targets[i], &error));
        assert_refused (&error, targets[i], "nothing was written");
        g_assert_false (nv_privacy_export_employee (
            f->store, f->employee, nv_day_from_ymd (2024, 6, 1), targets[i], &error));
        assert_refused (&error, targets[i], "nothing was written");
      }
  }

  assert_nothing_happened (f);
  g_assert_cmpuint (inode_of (f->db), ==, db_ino);
  g_assert_cmpuint (inode_of (a[WAL]), ==, wal_ino);
  g_assert_cmpuint (inode_of (a[SYM]), ==, db_ino);
  g_assert_false (g_file_test (journal, G_FILE_TEST_EXISTS));
  {
    g_autofree char *db_after = nv_test_checksum (f->db);
    g_autofree char *wal_after = nv_test_checksum (a[WAL]);
    g_assert_cmpstr (db_after, ==, db_sum);
    g_assert_cmpstr (wal_after, ==, wal_sum);
  }

  /* Any other file is written as before. */
  g_assert_true (nv_export_file (f->store, NV_IMPORT_ROSTER, f->unit, FALSE, ok, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (nv_store_check (f->store, NULL, &error));
  g_assert_no_error (error);
}

/* The database and its working files, under their own names or through a
 * link, are refused as a file to read — also as the backup to restore —
 * without being opened. */
static void
test_read_refused (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) a = NULL;

  a = aliases_make (f, "copy.csv", "link.db");
  watch_folder (f);
  {
    const char *sources[] = { f->db, a[WAL], a[SHM], a[HARD], a[SYM] };

    for (guint i = 0; i < G_N_ELEMENTS (sources); i++)
      {
        g_autoptr (NvFollowupRules) rules = NULL;
        g_autoptr (NvWorkshopTemplate) template = NULL;
        g_autofree char *kept = NULL;

        g_assert_false (
            nv_import_file (f->store, NV_IMPORT_ROSTER, f->unit, sources[i], NULL, &error));
        assert_refused (&error, sources[i], "Nothing was read");
        rules = nv_followup_rules_new_from_file (sources[i], &error);
        g_assert_null (rules);
        assert_refused (&error, sources[i], "Nothing was read");
        template = nv_workshop_template_load_file (sources[i], &error);
        g_assert_null (template);
        assert_refused (&error, sources[i], "Nothing was read");
        g_assert_false (nv_store_restore_into (f->store, sources[i], &kept, &error));
        assert_refused (&error, sources[i], "Nothing was read");
        g_assert_null (kept);
      }
  }
  assert_nothing_happened (f);
}

static GSubprocess *
spawn_holder (const char *db, GDataInputStream **out)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *line = NULL;
  GSubprocess *p = g_subprocess_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE,
                                     &error, self_exe, "--child", "hold", db, NULL);

  g_assert_no_error (error);
  *out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (p));
  line = g_data_input_stream_read_line (*out, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (line, ==, "held");
  return p;
}

/* What a connection of our own gets when it begins writing @db now, without
 * waiting: SQLITE_OK, or SQLITE_BUSY while another process writes. */
static int
begin_write (const char *db)
{
  sqlite3 *raw = NULL;
  int rc;

  g_assert_cmpint (sqlite3_open_v2 (db, &raw, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  rc = sqlite3_exec (raw, "BEGIN IMMEDIATE", NULL, NULL, NULL);
  if (rc == SQLITE_OK)
    sqlite3_exec (raw, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close_v2 (raw);
  return rc;
}

/* Another process is writing the database: saving over it and reading it
 * are refused here, and the other process still holds its lock on the file
 * everyone opens under that name — its write lands where we read. */
static void
test_second_process_keeps_lock (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GDataInputStream) out = NULL;
  g_autoptr (GSubprocess) holder = NULL;
  g_autoptr (NvUnit) unit = NULL;
  GError *backup_error = NULL, *export_error = NULL, *import_error = NULL;
  gboolean backed_up, exported, imported;
  ino_t db_ino = inode_of (f->db);

  g_assert_cmpint (begin_write (f->db), ==, SQLITE_OK);
  holder = spawn_holder (f->db, &out);
  g_assert_cmpint (begin_write (f->db), ==, SQLITE_BUSY);

  imported = nv_import_file (f->store, NV_IMPORT_ROSTER, f->unit, f->db, NULL, &import_error);
  exported
      = nv_export_file (f->store, NV_IMPORT_SPELLS, f->unit, FALSE, f->db, NULL, &export_error);
  backed_up = nv_store_backup (f->store, f->db, &backup_error);

  /* Still locked by the other process, still the same file. */
  g_assert_cmpint (begin_write (f->db), ==, SQLITE_BUSY);
  g_assert_cmpuint (inode_of (f->db), ==, db_ino);
  g_assert_false (backed_up);
  assert_refused (&backup_error, f->db, "nothing was written");
  g_assert_false (exported);
  assert_refused (&export_error, f->db, "nothing was written");
  g_assert_false (imported);
  assert_refused (&import_error, f->db, "Nothing was read");

  g_assert_true (g_output_stream_close (g_subprocess_get_stdin_pipe (holder), NULL, &error));
  g_assert_true (g_subprocess_wait_check (holder, NULL, &error));
  g_assert_no_error (error);
  nv_store_refresh (f->store);
  unit = nv_unit_find (f->store, "Fra den andre", &error);
  g_assert_no_error (error);
  g_assert_nonnull (unit);
  g_assert_cmpint (begin_write (f->db), ==, SQLITE_OK);
}

/* A -wal, -journal or -shm left without its database: nothing is created,
 * the message names the leftover, the leftover stays as it was. */
static void
test_leftovers (void)
{
  static const char *const suffixes[] = { "-wal", "-journal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autofree char *dir = nv_test_tmpdir ();
      g_autofree char *db = g_build_filename (dir, "ny.db", NULL);
      g_autofree char *leftover = g_strconcat (db, suffixes[i], NULL);
      g_autofree char *name = g_path_get_basename (leftover);
      g_autoptr (NvStore) store = NULL;
      g_autoptr (GDir) listing = NULL;
      g_autofree char *content = NULL;
      guint n = 0;

      g_assert_true (g_file_set_contents (leftover, "gammel logg", -1, NULL));
      store = nv_store_open (db, &error);
      g_assert_null (store);
      g_assert_nonnull (error);
      nv_test_assert_contains (error->message, name);
      nv_test_assert_contains (error->message, "No new database was created");
      g_assert_false (g_file_test (db, G_FILE_TEST_EXISTS));
      listing = g_dir_open (dir, 0, NULL);
      while (g_dir_read_name (listing) != NULL)
        n++;
      g_assert_cmpuint (n, ==, 1);
      g_assert_true (g_file_get_contents (leftover, &content, NULL, NULL));
      g_assert_cmpstr (content, ==, "gammel logg");

      /* Moved away, the database is made. */
      g_assert_cmpint (g_unlink (leftover), ==, 0);
      g_clear_error (&error);
      store = nv_store_open (db, &error);
      g_assert_no_error (error);
      g_clear_object (&store);
      nv_test_rmtree (dir);
    }
}

/* The real case: a database deleted while its log stayed. */
static void
test_leftover_log_of_deleted_database (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = nv_test_tmpdir ();
  g_autofree char *db = g_build_filename (dir, "slettet.db", NULL);
  g_autofree char *wal = g_strconcat (db, "-wal", NULL);
  g_autofree char *kept = g_build_filename (dir, "kept-wal", NULL);
  g_autofree char *log = NULL;
  gsize len = 0;
  NvStore *store = nv_store_open (db, &error);

  g_assert_no_error (error);
  nv_test_add_unit (store, "Gammel", "helse-omsorg", "");
  g_assert_true (g_file_get_contents (wal, &log, &len, NULL));
  g_assert_cmpuint (len, >, 0);
  g_object_unref (store);
  /* What a crash or a careless `rm slettet.db` leaves behind. */
  g_assert_true (g_file_set_contents (wal, log, (gssize)len, NULL));
  g_assert_cmpint (g_unlink (db), ==, 0);

  store = nv_store_open (db, &error);
  g_assert_null (store);
  nv_test_assert_contains (error->message, "slettet.db-wal");
  g_assert_false (g_file_test (db, G_FILE_TEST_EXISTS));
  nv_test_rmtree (dir);
}

int
main (int argc, char **argv)
{
  if (argc == 4 && g_str_equal (argv[1], "--child") && g_str_equal (argv[2], "hold"))
    return child_hold (argv[3]);

  self_exe = g_canonicalize_filename (argv[0], NULL);
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/store-guard/save-refused", Fixture, NULL, fixture_setup, test_save_refused,
              fixture_teardown);
  g_test_add ("/store-guard/read-refused", Fixture, NULL, fixture_setup, test_read_refused,
              fixture_teardown);
  g_test_add ("/store-guard/second-process", Fixture, NULL, fixture_setup,
              test_second_process_keeps_lock, fixture_teardown);
  g_test_add_func ("/store-guard/leftovers", test_leftovers);
  g_test_add_func ("/store-guard/leftover-log", test_leftover_log_of_deleted_database);
  return g_test_run ();
}
