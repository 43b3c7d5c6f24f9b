/* fuzz-import.c — libFuzzer target for the importer.
 *
 * The first byte picks roster, spells or monthly; the rest is the file. A
 * temporary database holds two units with a roster and spells. Oracles:
 * the preview and the import agree (the preview finds no problem exactly
 * when the import succeeds), and a failed import leaves the database as it
 * was. After a successful import the rows are removed again, so every input
 * starts from the same database.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "nv-import.h"
#include "nv-store-private.h"
#include "nv-store-sqlite.h"
#include "nv-unit.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

/* abort() rather than g_error(): libFuzzer saves the input on SIGABRT. */
#define FAIL(...) (g_printerr (__VA_ARGS__), g_printerr ("\n"), abort ())

static NvStore *store;
static gint64 unit_id;

static const char baseline_sql[] =
  "SELECT (SELECT count(*) FROM employee) || '/' || (SELECT count(*) FROM roster) || '/' ||"
  " (SELECT count(*) FROM spell) || '/' || (SELECT count(*) FROM monthly) || '/' ||"
  " (SELECT total(fte) FROM roster) || '/' || (SELECT total(grade) FROM spell) || '/' ||"
  " (SELECT total(contracted_days) FROM monthly)";

static char *baseline;
static char *db_dir;
static gint64 max_employee, max_roster, max_spell;

static char *
state (void)
{
  NvStmt *stmt = nv_store_prepare (store, baseline_sql, NULL);
  char *text;

  g_assert (stmt != NULL);
  g_assert (nv_stmt_step (stmt) == NV_ROW);
  text = g_strdup (nv_stmt_column_text (stmt, 0));
  nv_stmt_reset (stmt);
  return text;
}

static gint64
max_id (const char *sql)
{
  NvStmt *stmt = nv_store_prepare (store, sql, NULL);
  gint64 v;

  g_assert (stmt != NULL && nv_stmt_step (stmt) == NV_ROW);
  v = nv_stmt_column_int64 (stmt, 0);
  nv_stmt_reset (stmt);
  return v;
}

static void
reset (void)
{
  NvStmt *stmt;

  stmt = nv_store_prepare (store, "DELETE FROM spell WHERE id > ?1", NULL);
  nv_stmt_bind_int64 (stmt, 1, max_spell);
  g_assert (nv_stmt_step (stmt) == NV_DONE);
  nv_stmt_reset (stmt);
  stmt = nv_store_prepare (store, "DELETE FROM roster WHERE id > ?1", NULL);
  nv_stmt_bind_int64 (stmt, 1, max_roster);
  g_assert (nv_stmt_step (stmt) == NV_DONE);
  nv_stmt_reset (stmt);
  stmt = nv_store_prepare (store, "DELETE FROM employee WHERE id > ?1", NULL);
  nv_stmt_bind_int64 (stmt, 1, max_employee);
  g_assert (nv_stmt_step (stmt) == NV_DONE);
  nv_stmt_reset (stmt);
  stmt = nv_store_prepare (store, "DELETE FROM monthly", NULL);
  g_assert (nv_stmt_step (stmt) == NV_DONE);
  nv_stmt_reset (stmt);
}

static void
cleanup (void)
{
  const char *suffixes[] = { "", "-wal", "-shm" };

  g_clear_object (&store);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *name = g_strconcat ("fuzz.db", suffixes[i], NULL);
      g_autofree char *file = g_build_filename (db_dir, name, NULL);
      g_unlink (file);
    }
  g_rmdir (db_dir);
}

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  static const char roster[] = "ansatt;stillingsprosent;fra;til\n"
                               "AB;100;2024-01-01;\n"
                               "CD;50;2024-01-01;2024-06-30\n"
                               "CD;80;2024-07-01;\n";
  static const char spells[] = "ansatt;fra;til;grad;type\n"
                               "AB;2024-02-05;2024-02-07;;egenmeldt\n"
                               "CD;2024-05-02;2024-05-20;50;legemeldt\n";
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;

  db_dir = g_dir_make_tmp ("nv-fuzz-XXXXXX", &error);
  g_assert_no_error (error);
  atexit (cleanup);
  path = g_build_filename (db_dir, "fuzz.db", NULL);
  store = nv_store_open (path, &error);
  g_assert_no_error (error);
  /* Speed: nothing here needs to survive a power cut. */
  sqlite3_exec (nv_store_get_db (store), "PRAGMA synchronous = OFF", NULL, NULL, NULL);
  unit_id = nv_unit_add (store, "Enhet A", "helse-omsorg", "", &error);
  g_assert_no_error (error);
  nv_unit_add (store, "Enhet B", "barnehage", "", &error);
  g_assert_no_error (error);
  g_assert (nv_import_data (store, NV_IMPORT_ROSTER, unit_id, "r.csv", roster, strlen (roster),
                            NULL, &error));
  g_assert (nv_import_data (store, NV_IMPORT_SPELLS, unit_id, "s.csv", spells, strlen (spells),
                            NULL, &error));
  max_employee = max_id ("SELECT max(id) FROM employee");
  max_roster = max_id ("SELECT max(id) FROM roster");
  max_spell = max_id ("SELECT max(id) FROM spell");
  baseline = state ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr (NvImportPreview) preview = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *after = NULL;
  NvImportKind kind;
  gboolean imported;

  if (size < 1)
    return 0;
  kind = (NvImportKind) (data[0] % 3);
  data++;
  size--;

  preview = nv_import_preview_data (store, kind, unit_id, "fuzz.csv", data, size, &error);
  if (preview == NULL)
    FAIL ("preview failed: %s", error->message);
  after = state ();
  if (strcmp (after, baseline) != 0)
    FAIL ("the preview changed the database");
  g_clear_pointer (&after, g_free);

  imported = nv_import_data (store, kind, unit_id, "fuzz.csv", data, size, NULL, &error);
  if (imported != nv_import_preview_ok (preview))
    FAIL ("preview (%u problems) and import (%s) disagree", preview->n_problems,
             imported ? "ok" : error->message);
  if (!imported)
    {
      after = state ();
      if (strcmp (after, baseline) != 0)
        FAIL ("a failed import changed the database: %s", error->message);
      if (error->domain != NV_CSV_ERROR &&
          !g_error_matches (error, NV_STORE_ERROR, NV_STORE_ERROR_INVALID) &&
          !g_error_matches (error, NV_STORE_ERROR, NV_STORE_ERROR_NOT_FOUND))
        FAIL ("unexpected error: %s", error->message);
    }
  else
    reset ();
  return 0;
}
