/* test-store-processes.c — several processes share one database.
 *
 * The test program is its own second process: run with `--child WHAT DB …`
 * it opens the store, does WHAT and exits (0 = done, 1 = failed, and it prints
 * the names of the writes it had acknowledged).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>
#include <string.h>
#include <sys/inotify.h>
#include <unistd.h>

#include "nv-benchmark.h"
#include "nv-faktor.h"
#include "nv-followup.h"
#include "nv-workshop-template.h"

#include "nv-export.h"
#include "nv-import.h"
#include "nv-privacy.h"
#include "nv-store-private.h"
#include "nv-unit.h"
#include "nv-test-util.h"

static char *self_exe;

/* ---- the child side ---------------------------------------------------- */

static gboolean
unit_exists (NvStore *store, const char *name)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (NvUnit) unit = nv_unit_find (store, name, &error);
  return unit != NULL;
}

static gint64
employee_id (NvStore *store, gint64 unit, const char *ref)
{
  NvStmt *stmt = nv_store_prepare (
    store, "SELECT id FROM employee WHERE unit_id = ?1 AND ref = ?2", NULL);
  gint64 id = 0;

  nv_stmt_bind_int64 (stmt, 1, unit);
  nv_stmt_bind_text (stmt, 2, ref);
  if (nv_stmt_step (stmt) == NV_ROW)
    id = nv_stmt_column_int64 (stmt, 0);
  nv_stmt_reset (stmt);
  return id;
}

/* Does one kind of work for @seconds; prints every write it acknowledged as
 * "+name" (stored) or "-name" (employees). */
static int
child_work (const char *what, const char *db, const char *tag, double seconds)
{
  g_autoptr (GError) error = NULL;
  gint64 end = g_get_monotonic_time () + (gint64) (seconds * G_USEC_PER_SEC);
  guint n = 0;

  do
    {
      g_autoptr (NvStore) store = nv_store_open (db, &error);
      g_autofree char *name = g_strdup_printf ("%s-%u", tag, n++);

      if (store == NULL)
        {
          g_prefix_error (&error, "open: ");
          break;
        }
      if (g_str_equal (what, "add"))
        {
          if (nv_unit_add (store, name, "helse-omsorg", "", &error) == 0)
            break;
          g_print ("+%s\n", name);
        }
      else if (g_str_equal (what, "import") || g_str_equal (what, "erase"))
        {
          g_autoptr (NvUnit) unit = nv_unit_find (store, "Felles", &error);
          g_autofree char *csv = g_strdup_printf ("ansatt;stillingsprosent;fra;til\n"
                                                  "%s;100;2024-01-01;\n", name);
          if (unit == NULL ||
              !nv_import_data (store, NV_IMPORT_ROSTER, unit->id, "r.csv", csv,
                               strlen (csv), NULL, &error))
            break;
          if (g_str_equal (what, "erase"))
            {
              gint64 id = employee_id (store, unit->id, name);
              if (id == 0 || !nv_privacy_erase_employee (store, id, NULL, &error))
                break;
              g_print ("-%s\n", name);
            }
          else
            g_print ("+%s\n", name);
        }
      else if (g_str_equal (what, "backup"))
        {
          g_autofree char *dir = g_path_get_dirname (db);
          g_autofree char *file = g_strdup_printf ("%s.backup", tag);
          g_autofree char *dest = g_build_filename (dir, file, NULL);
          if (!nv_store_backup (store, dest, &error) || !nv_store_validate_file (dest, &error))
            break;
        }
      else if (g_str_equal (what, "restore"))
        {
          g_autofree char *kept = NULL;
          if (!nv_store_restore (db, tag, &kept, &error))
            break;
        }
      else if (g_str_equal (what, "expect"))
        return unit_exists (store, tag) ? 0 : 1;
      else
        return 2;
      g_clear_object (&store);
      g_usleep (g_random_int_range (20000, 80000));
    }
  while (g_get_monotonic_time () < end);
  if (error != NULL)
    {
      g_printerr ("child %s: %s\n", tag, error->message);
      return 1;
    }
  return 0;
}

/* ---- the parent side --------------------------------------------------- */

static GSubprocess *
spawn_child (const char *what, const char *db, const char *tag, const char *seconds)
{
  g_autoptr (GError) error = NULL;
  GSubprocess *p = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error, self_exe,
                                     "--child", what, db, tag, seconds, NULL);
  g_assert_no_error (error);
  return p;
}

static char *
run_child (const char *what, const char *db, const char *tag)
{
  g_autoptr (GSubprocess) p = spawn_child (what, db, tag, "0");
  g_autoptr (GError) error = NULL;
  char *out = NULL;

  g_assert_true (g_subprocess_communicate_utf8 (p, NULL, NULL, &out, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (p));
  g_assert_cmpint (g_subprocess_get_exit_status (p), ==, 0);
  return out;
}

/* What GTK's file chooser does to every file in the folder it shows: it
 * sniffs the content type, opening, reading and closing the file. */
static void
touch_like_a_file_chooser (const char *path)
{
  static const char *const suffixes[] = { "", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *name = g_strconcat (path, suffixes[i], NULL);
      g_autoptr (GFile) file = g_file_new_for_path (name);
      g_autoptr (GFileInfo) info =
        g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_CONTENT_TYPE, 0, NULL, NULL);
      g_autofree char *data = NULL;
      g_file_get_contents (name, &data, NULL, NULL);
    }
}

/* None of the process's descriptors points at a deleted file in @dir. */
static void
assert_no_deleted_files (const char *dir)
{
  g_autoptr (GDir) fds = g_dir_open ("/proc/self/fd", 0, NULL);
  const char *name;

  g_assert_nonnull (fds);
  while ((name = g_dir_read_name (fds)) != NULL)
    {
      g_autofree char *link = g_build_filename ("/proc/self/fd", name, NULL);
      g_autofree char *target = g_file_read_link (link, NULL);
      if (target != NULL && g_str_has_prefix (target, dir))
        g_assert_false (g_str_has_suffix (target, "(deleted)"));
    }
}

/* Another process opens @db, writes and closes: the WAL stays, no file of
 * @dir is left open deleted, and each side sees the other's writes. */
static void
assert_writes_meet (NvStore *store, const char *db, const char *dir)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *wal = g_strconcat (db, "-wal", NULL);

  g_free (run_child ("add", db, "cli"));
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
  assert_no_deleted_files (dir);
  g_assert_true (unit_exists (store, "cli-0"));
  nv_unit_add (store, "Appen 2", "helse-omsorg", "", &error);
  g_assert_no_error (error);
  g_free (run_child ("expect", db, "Appen 2"));
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
  assert_no_deleted_files (dir);
}

static void
test_foreign_close (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = nv_test_tmpdir ();
  g_autofree char *db = g_build_filename (dir, "r.db", NULL);
  g_autofree char *backup = g_build_filename (dir, "copy.db", NULL);
  g_autofree char *csv = g_build_filename (dir, "roster.csv", NULL);
  g_autoptr (NvStore) store = nv_store_open (db, &error);
  gint64 unit;

  g_assert_no_error (error);
  unit = nv_unit_add (store, "Appen", "helse-omsorg", "", &error);
  g_assert_no_error (error);

  /* Everything the app does with files while its connection is open. */
  touch_like_a_file_chooser (db);
  g_assert_true (nv_store_backup (store, backup, &error));
  g_assert_true (nv_store_validate_file (backup, &error));
  g_assert_true (nv_store_validate_file (db, &error));
  g_assert_true (nv_export_file (store, NV_IMPORT_ROSTER, unit, FALSE, csv, NULL, &error));
  g_assert_true (nv_store_check (store, NULL, &error));
  g_assert_no_error (error);
  touch_like_a_file_chooser (db);

  assert_writes_meet (store, db, dir);

  g_clear_object (&store);
  nv_test_rmtree (dir);
}

/* The user picks the database itself (or its -wal or -shm) as the file to
 * import or read: every reader refuses it by name before opening it, so the
 * file is never opened and closed beside SQLite; another process's writes
 * and the app's still meet in the WAL afterwards. */
static void
test_read_the_database (void)
{
  static const char *const suffixes[] = { "", "-wal", "-shm" };
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = nv_test_tmpdir ();
  g_autofree char *db = g_build_filename (dir, "r.db", NULL);
  g_autoptr (NvStore) store = nv_store_open (db, &error);
  gint64 unit;
  int watch = inotify_init1 (IN_NONBLOCK | IN_CLOEXEC);
  char events[4096];

  g_assert_no_error (error);
  unit = nv_unit_add (store, "Appen", "helse-omsorg", "", &error);
  g_assert_no_error (error);
  g_assert_cmpint (watch, >=, 0);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *name = g_strconcat (db, suffixes[i], NULL);
      g_assert_cmpint (inotify_add_watch (watch, name, IN_OPEN), >=, 0);
    }

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *name = g_strconcat (db, suffixes[i], NULL);
      g_autofree char *base = g_path_get_basename (name);
      g_autofree char *expected = g_strdup_printf (
        "“%s” is %s", base,
        i == 0 ? "the database Nærvær is using" : "a working file of the database Nærvær is using (“r.db”)");
      g_autoptr (NvImportPreview) preview = NULL;
      g_auto (NvBenchmarkImportReport) report = { 0 };
      gpointer loaded;
      guint n_rounds = 0, n_replaced = 0;

      g_assert_false (nv_import_file (store, NV_IMPORT_ROSTER, unit, name, NULL, &error));
      g_assert_nonnull (error);
      g_assert_nonnull (strstr (error->message, expected));
      g_clear_error (&error);
      preview = nv_import_preview_file (store, NV_IMPORT_SPELLS, unit, name, &error);
      g_assert_null (preview);
      g_assert_nonnull (error);
      g_assert_nonnull (strstr (error->message, expected));
      g_clear_error (&error);
      g_assert_false (nv_benchmark_import_file (store, name, &report, &error));
      g_assert_nonnull (strstr (error->message, expected));
      g_clear_error (&error);
      g_assert_false (nv_faktor_import_file (store, name, FALSE, &n_rounds, &n_replaced, &error));
      g_assert_nonnull (strstr (error->message, expected));
      g_clear_error (&error);
      loaded = nv_workshop_template_load_file (name, &error);
      g_assert_null (loaded);
      g_assert_nonnull (strstr (error->message, expected));
      g_clear_error (&error);
      loaded = nv_followup_rules_new_from_file (name, &error);
      g_assert_null (loaded);
      g_assert_nonnull (strstr (error->message, expected));
      g_clear_error (&error);
    }
  /* Not one of them was opened. */
  g_assert_cmpint (read (watch, events, sizeof events), ==, -1);
  close (watch);

  assert_writes_meet (store, db, dir);

  g_clear_object (&store);
  nv_test_rmtree (dir);
}

/* Another process restores a backup while the app has the database open:
 * the app sees the restored data, and the files it uses stay in place. */
static void
test_restore_while_open (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = nv_test_tmpdir ();
  g_autofree char *db = g_build_filename (dir, "r.db", NULL);
  g_autofree char *wal = g_strconcat (db, "-wal", NULL);
  g_autofree char *backup = g_build_filename (dir, "backup.db", NULL);
  g_autoptr (NvStore) store = nv_store_open (db, &error);

  g_assert_no_error (error);
  nv_unit_add (store, "Før", "helse-omsorg", "", &error);
  g_assert_true (nv_store_backup (store, backup, &error));
  nv_unit_add (store, "Etter", "helse-omsorg", "", &error);
  g_assert_no_error (error);

  g_free (run_child ("restore", db, backup));
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
  assert_no_deleted_files (dir);
  g_assert_true (unit_exists (store, "Før"));
  g_assert_false (unit_exists (store, "Etter"));

  /* The app's next write is seen by others. */
  nv_unit_add (store, "Etterpå", "helse-omsorg", "", &error);
  g_assert_no_error (error);
  g_free (run_child ("expect", db, "Etterpå"));
  g_assert_true (nv_store_check (store, NULL, &error));
  g_assert_no_error (error);

  g_clear_object (&store);
  nv_test_rmtree (dir);
}

static void
count_all_cb (guint *count, guint topics)
{
  g_assert_cmpuint (topics, ==, NV_TOPIC_ALL);
  (*count)++;
}

/* Another process's write is noticed when asked (the window asks when it
 * gains the focus): once, with every topic; our own writes and a second look
 * with nothing new announce nothing more. A restore by another process is a
 * write like any other. */
static void
test_refresh_sees_other_processes (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = nv_test_tmpdir ();
  g_autofree char *db = g_build_filename (dir, "o.db", NULL);
  g_autofree char *backup = g_build_filename (dir, "backup.db", NULL);
  g_autoptr (NvStore) store = nv_store_open (db, &error);
  guint count = 0;

  g_assert_no_error (error);
  g_assert_false (nv_store_refresh (store));
  nv_unit_add (store, "Egen", "helse-omsorg", "", &error);
  g_assert_no_error (error);
  g_assert_true (nv_store_backup (store, backup, &error));
  g_signal_connect_swapped (store, "changed", G_CALLBACK (count_all_cb), &count);
  g_assert_false (nv_store_refresh (store));
  g_assert_cmpuint (count, ==, 0);

  g_free (run_child ("add", db, "Annen"));
  g_assert_cmpuint (count, ==, 0);
  g_assert_true (nv_store_refresh (store));
  g_assert_cmpuint (count, ==, 1);
  g_assert_false (nv_store_refresh (store));
  g_assert_cmpuint (count, ==, 1);
  g_assert_true (unit_exists (store, "Annen-0"));

  g_free (run_child ("restore", db, backup));
  g_assert_true (nv_store_refresh (store));
  g_assert_cmpuint (count, ==, 2);
  g_assert_false (unit_exists (store, "Annen-0"));

  g_signal_handlers_disconnect_by_data (store, &count);
  g_clear_object (&store);
  nv_test_rmtree (dir);
}

/* One long-lived connection (the app) while other processes add, import,
 * erase and back up: nothing acknowledged is lost, the file stays sound. */
static void
test_many_processes (void)
{
  static const char *const kinds[] = { "add", "import", "erase", "backup" };
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = nv_test_tmpdir ();
  g_autofree char *db = g_build_filename (dir, "shared.db", NULL);
  g_autoptr (NvStore) store = nv_store_open (db, &error);
  g_autoptr (GPtrArray) stored = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) employees = g_ptr_array_new_with_free_func (g_free);
  GSubprocess *children[G_N_ELEMENTS (kinds)];
  gint64 felles;
  guint n_app = 0;
  gint64 end;

  g_assert_no_error (error);
  felles = nv_unit_add (store, "Felles", "helse-omsorg", "", &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autofree char *tag = g_strdup_printf ("p%u", i);
      children[i] = spawn_child (kinds[i], db, tag, "2");
    }

  /* The app meanwhile writes too and has its folder browsed. */
  end = g_get_monotonic_time () + 2 * G_USEC_PER_SEC;
  while (g_get_monotonic_time () < end)
    {
      g_autofree char *name = g_strdup_printf ("app-%u", n_app++);
      g_assert_cmpint (nv_unit_add (store, name, "helse-omsorg", "", &error), >, 0);
      g_assert_no_error (error);
      g_ptr_array_add (stored, g_steal_pointer (&name));
      for (guint i = 0; i < 10; i++)
        {
          touch_like_a_file_chooser (db);
          g_usleep (2000);
        }
    }

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autofree char *out = NULL;
      g_auto (GStrv) lines = NULL;

      g_assert_true (g_subprocess_communicate_utf8 (children[i], NULL, NULL, &out, NULL, &error));
      g_assert_no_error (error);
      g_assert_cmpint (g_subprocess_get_exit_status (children[i]), ==, 0);
      g_object_unref (children[i]);
      lines = g_strsplit (out, "\n", -1);
      for (guint j = 0; lines[j] != NULL; j++)
        if (lines[j][0] == '+')
          g_ptr_array_add (g_str_equal (kinds[i], "import") ? employees : stored,
                           g_strdup (lines[j] + 1));
        else if (lines[j][0] == '-')
          g_ptr_array_add (employees, g_strdup_printf ("!%s", lines[j] + 1));
    }

  /* The app's own connection sees every acknowledged write … */
  g_assert_cmpuint (stored->len, >, n_app);
  for (guint i = 0; i < stored->len; i++)
    g_assert_true (unit_exists (store, g_ptr_array_index (stored, i)));
  for (guint i = 0; i < employees->len; i++)
    {
      const char *ref = g_ptr_array_index (employees, i);
      gboolean gone = ref[0] == '!';
      g_assert_cmpint (employee_id (store, felles, gone ? ref + 1 : ref) == 0, ==, gone);
    }
  g_assert_true (nv_store_check (store, NULL, &error));
  g_assert_no_error (error);
  g_clear_object (&store);

  /* … and so does a fresh one, after the app closed. */
  store = nv_store_open (db, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < stored->len; i++)
    g_assert_true (unit_exists (store, g_ptr_array_index (stored, i)));
  g_assert_true (nv_store_check (store, NULL, &error));
  g_clear_object (&store);
  nv_test_rmtree (dir);
}

int
main (int argc, char **argv)
{
  if (argc == 6 && g_str_equal (argv[1], "--child"))
    return child_work (argv[2], argv[3], argv[4], g_ascii_strtod (argv[5], NULL));

  self_exe = g_canonicalize_filename (argv[0], NULL);
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/store-processes/foreign-close", test_foreign_close);
  g_test_add_func ("/store-processes/restore-while-open", test_restore_while_open);
  g_test_add_func ("/store-processes/read-the-database", test_read_the_database);
  g_test_add_func ("/store-processes/many-processes", test_many_processes);
  g_test_add_func ("/store-processes/refresh", test_refresh_sees_other_processes);
  return g_test_run ();
}
