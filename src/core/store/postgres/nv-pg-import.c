/* nv-pg-import.c — `server import-local`: moving a leader's units from a
 * local database file into the shared server, all or nothing.
 *
 * The file is first opened as the app opens it (nv_store_open: a file of an
 * older Nærvær is brought to the current schema), then read through its own
 * read-only connection. Every row of the named units goes over in one
 * server transaction; new ids are handed out by the server and the links
 * (employee, workshop, measure) are mapped from the file's ids. A unit whose
 * name is taken on the server stops the move: nothing is written.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-pg"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <sqlite3.h>
#include <string.h>

#include "nv-pg-private.h"
#include "nv-store.h"

enum
{
  MAP_EMPLOYEE,
  MAP_WORKSHOP,
  MAP_MEASURE,
  N_MAPS
};

typedef struct
{
  NvPg *pg;
  sqlite3 *db;
  const char *path;
  char *unit_id;            /* the unit's id on the server */
  GHashTable *maps[N_MAPS]; /* file id (gint64) → server id (char *) */
} Move;

/* One table: @select reads the unit's rows from the file (?1 = the unit's
 * id in the file); @insert writes one row on the server. @spec says, per
 * parameter, where it comes from: 'u' the unit's new id (reads no column);
 * the others read the next selected column: 'v' its value, 'e'/'w'/'m' a
 * file id mapped to the server's employee/workshop/measure id, 'k' the
 * row's own file id, not sent: the id @insert returns is remembered in map
 * @keeps. */
typedef struct
{
  const char *table;
  const char *select;
  const char *insert;
  const char *spec;
  int keeps;
} Table;

/* Parents before children. */
static const Table tables[] = {
  { "employee", "SELECT id, ref FROM employee WHERE unit_id = ?1 ORDER BY id",
    "INSERT INTO naervaer.employee (unit_id, ref) VALUES ($1, $2) RETURNING id", "kuv",
    MAP_EMPLOYEE },
  { "roster",
    "SELECT r.employee_id, r.fte, r.from_date, r.to_date FROM roster r JOIN employee e"
    " ON e.id = r.employee_id WHERE e.unit_id = ?1 ORDER BY r.id",
    "INSERT INTO naervaer.roster (employee_id, fte, from_date, to_date) VALUES ($1, $2, $3, $4)",
    "evvv", -1 },
  { "spell",
    "SELECT s.employee_id, s.start_day, s.end_day, s.grade, s.type FROM spell s JOIN employee e"
    " ON e.id = s.employee_id WHERE e.unit_id = ?1 ORDER BY s.id",
    "INSERT INTO naervaer.spell (employee_id, start_day, end_day, grade, type)"
    " VALUES ($1, $2, $3, $4, $5)",
    "evvvv", -1 },
  { "monthly",
    "SELECT period, contracted_days, lost_days_self, lost_days_doctor, persons FROM monthly"
    " WHERE unit_id = ?1 ORDER BY period",
    "INSERT INTO naervaer.monthly (unit_id, period, contracted_days, lost_days_self,"
    " lost_days_doctor, persons) VALUES ($1, $2, $3, $4, $5, $6)",
    "uvvvvv", -1 },
  { "followup_done",
    "SELECT f.employee_id, f.case_start, f.milestone, f.done_on, f.note, f.recorded"
    " FROM followup_done f JOIN employee e ON e.id = f.employee_id WHERE e.unit_id = ?1",
    "INSERT INTO naervaer.followup_done (employee_id, case_start, milestone, done_on, note,"
    " recorded) VALUES ($1, $2, $3, $4, $5, $6)",
    "evvvvv", -1 },
  { "unit_followup", "SELECT tracked_from, set_by FROM unit_followup WHERE unit_id = ?1",
    "INSERT INTO naervaer.unit_followup (unit_id, tracked_from, set_by) VALUES ($1, $2, $3)",
    "uvv", -1 },
  { "workshop",
    "SELECT id, date, title, leader, union_rep, safety_rep, nav_adviser, staff, followup_date,"
    " evaluation, created FROM workshop WHERE unit_id = ?1 ORDER BY id",
    "INSERT INTO naervaer.workshop (unit_id, date, title, leader, union_rep, safety_rep,"
    " nav_adviser, staff, followup_date, evaluation, created)"
    " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id",
    "kuvvvvvvvvvv", MAP_WORKSHOP },
  { "workshop_step",
    "SELECT s.workshop_id, s.step, s.ticked, s.note FROM workshop_step s JOIN workshop w"
    " ON w.id = s.workshop_id WHERE w.unit_id = ?1",
    "INSERT INTO naervaer.workshop_step (workshop_id, step, ticked, note) VALUES ($1, $2, $3, $4)",
    "wvvv", -1 },
  { "workshop_theme",
    "SELECT t.workshop_id, t.theme FROM workshop_theme t JOIN workshop w ON w.id = t.workshop_id"
    " WHERE w.unit_id = ?1",
    "INSERT INTO naervaer.workshop_theme (workshop_id, theme) VALUES ($1, $2)", "wv", -1 },
  { "workshop_prompt",
    "SELECT p.workshop_id, p.theme, p.text FROM workshop_prompt p JOIN workshop w"
    " ON w.id = p.workshop_id WHERE w.unit_id = ?1 ORDER BY p.id",
    "INSERT INTO naervaer.workshop_prompt (workshop_id, theme, text) VALUES ($1, $2, $3)", "wvv",
    -1 },
  { "workshop_idea",
    "SELECT i.workshop_id, i.text, i.theme, i.position, i.votes FROM workshop_idea i"
    " JOIN workshop w ON w.id = i.workshop_id WHERE w.unit_id = ?1 ORDER BY i.id",
    "INSERT INTO naervaer.workshop_idea (workshop_id, text, theme, position, votes)"
    " VALUES ($1, $2, $3, $4, $5)",
    "wvvvv", -1 },
  { "measure",
    "SELECT id, title, description, theme, owner, start_date, deadline, status, status_date,"
    " workshop_id, created FROM measure WHERE unit_id = ?1 ORDER BY id",
    "INSERT INTO naervaer.measure (unit_id, title, description, theme, owner, start_date,"
    " deadline, status, status_date, workshop_id, created)"
    " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id",
    "kuvvvvvvvvwv", MAP_MEASURE },
  { "measure_note",
    "SELECT n.measure_id, n.day, n.text, n.from_status, n.to_status FROM measure_note n"
    " JOIN measure m ON m.id = n.measure_id WHERE m.unit_id = ?1 ORDER BY n.id",
    "INSERT INTO naervaer.measure_note (measure_id, day, text, from_status, to_status)"
    " VALUES ($1, $2, $3, $4, $5)",
    "mvvvv", -1 },
  { "faktor_round",
    "SELECT date, respondents, task_motivation, mastery_belief, autonomy, use_of_competence,"
    " mastery_oriented_leadership, role_clarity, competence_development, flexibility,"
    " mastery_climate, prosocial_motivation, imported FROM faktor_round WHERE unit_id = ?1",
    "INSERT INTO naervaer.faktor_round (unit_id, date, respondents, task_motivation,"
    " mastery_belief, autonomy, use_of_competence, mastery_oriented_leadership, role_clarity,"
    " competence_development, flexibility, mastery_climate, prosocial_motivation, imported)"
    " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)",
    "uvvvvvvvvvvvvv", -1 },
};

G_STATIC_ASSERT (G_N_ELEMENTS (tables) == NV_PG_MOVED_TABLES);

static gboolean
file_error (Move *m, GError **error)
{
  g_set_error (error, NV_PG_ERROR, NV_PG_ERROR_INVALID, _("Could not read “%s”: %s"), m->path,
               sqlite3_errmsg (m->db));
  return FALSE;
}

static const char *
map_id (Move *m, int map, sqlite3_stmt *stmt, int column)
{
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return NULL;
  return g_hash_table_lookup (m->maps[map],
                              GINT_TO_POINTER ((gint64) sqlite3_column_int64 (stmt, column)));
}

static gboolean
copy_table (Move *m, const Table *t, gint64 file_unit, guint *n_rows, GError **error)
{
  g_autoptr (GPtrArray) params = g_ptr_array_new ();
  sqlite3_stmt *stmt = NULL;
  gboolean ok = TRUE;
  int rc;

  if (sqlite3_prepare_v2 (m->db, t->select, -1, &stmt, NULL) != SQLITE_OK)
    return file_error (m, error);
  sqlite3_bind_int64 (stmt, 1, file_unit);
  *n_rows = 0;
  while (ok && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr (PGresult) result = NULL;
      gint64 own_id = 0;

      int c = 0;

      g_ptr_array_set_size (params, 0);
      for (const char *p = t->spec; *p != '\0'; p++)
        {
          if (*p == 'u')
            {
              g_ptr_array_add (params, m->unit_id);
              continue;
            }
          if (*p == 'k')
            own_id = sqlite3_column_int64 (stmt, c);
          else if (*p == 'e')
            g_ptr_array_add (params, (gpointer) map_id (m, MAP_EMPLOYEE, stmt, c));
          else if (*p == 'w')
            g_ptr_array_add (params, (gpointer) map_id (m, MAP_WORKSHOP, stmt, c));
          else if (*p == 'm')
            g_ptr_array_add (params, (gpointer) map_id (m, MAP_MEASURE, stmt, c));
          else
            g_ptr_array_add (params, (gpointer) sqlite3_column_text (stmt, c));
          c++;
        }
      result = nv_pg_exec (m->pg, t->insert, (int) params->len,
                           (const char *const *) params->pdata, error);
      if (result == NULL)
        {
          g_prefix_error (error, _("Moving a row of “%s” failed: "), t->table);
          ok = FALSE;
          break;
        }
      if (t->keeps >= 0)
        g_hash_table_insert (m->maps[t->keeps], GINT_TO_POINTER (own_id),
                             g_strdup (PQgetvalue (result, 0, 0)));
      (*n_rows)++;
    }
  if (ok && rc != SQLITE_DONE)
    ok = file_error (m, error);
  sqlite3_finalize (stmt);
  return ok;
}

static gboolean
move_unit (Move *m, const char *name, NvPgMoved *moved, GError **error)
{
  g_autoptr (PGresult) taken = NULL;
  g_autoptr (PGresult) created = NULL;
  const char *params[4];
  sqlite3_stmt *stmt = NULL;
  gint64 file_unit;
  int rc;

  if (sqlite3_prepare_v2 (m->db,
                          "SELECT id, name, sector, municipality, target_percent FROM unit"
                          " WHERE name = ?1 COLLATE NOCASE",
                          -1, &stmt, NULL)
      != SQLITE_OK)
    return file_error (m, error);
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      sqlite3_finalize (stmt);
      if (rc != SQLITE_DONE)
        return file_error (m, error);
      g_set_error (error, NV_PG_ERROR, NV_PG_ERROR_NOT_FOUND, _("“%s” has no unit “%s”."),
                   m->path, name);
      return FALSE;
    }
  file_unit = sqlite3_column_int64 (stmt, 0);
  moved->unit = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  params[0] = moved->unit;
  params[1] = (const char *) sqlite3_column_text (stmt, 2);
  params[2] = (const char *) sqlite3_column_text (stmt, 3);
  params[3] = (const char *) sqlite3_column_text (stmt, 4);

  taken = nv_pg_exec (m->pg, "SELECT 1 FROM naervaer.unit WHERE lower (name) = lower ($1)", 1,
                      params, error);
  if (taken != NULL && PQntuples (taken) > 0)
    g_set_error (error, NV_PG_ERROR, NV_PG_ERROR_INVALID,
                 _("The server already has a unit “%s”: nothing was moved. Rename one of them "
                   "first."),
                 moved->unit);
  else if (taken != NULL)
    created = nv_pg_exec (m->pg,
                          "INSERT INTO naervaer.unit (name, sector, municipality, target_percent)"
                          " VALUES ($1, $2, $3, $4) RETURNING id",
                          4, params, error);
  sqlite3_finalize (stmt);
  if (created == NULL)
    return FALSE;
  g_free (m->unit_id);
  m->unit_id = g_strdup (PQgetvalue (created, 0, 0));
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    if (!copy_table (m, &tables[i], file_unit, &moved->rows[i], error))
      return FALSE;
  return TRUE;
}

const char *
nv_pg_moved_table (guint index)
{
  return index < G_N_ELEMENTS (tables) ? tables[index].table : NULL;
}

void
nv_pg_moved_free (NvPgMoved *moved)
{
  if (moved == NULL)
    return;
  g_free (moved->unit);
  g_free (moved);
}

static gboolean
open_file (Move *m, GError **error)
{
  g_autoptr (NvStore) store = NULL;
  g_autofree char *uri = NULL;

  /* The app's own open: checks that this is a Nærvær database and brings
   * an older one to the current schema. */
  store = nv_store_open (m->path, error);
  if (store == NULL)
    return FALSE;
  g_clear_object (&store);
  if (sqlite3_open_v2 (m->path, &m->db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    return file_error (m, error);
  sqlite3_busy_timeout (m->db, 5000);
  return TRUE;
}

GPtrArray *
nv_pg_import_local (NvPg *pg, const char *path, const char *const *units, GError **error)
{
  g_autoptr (GPtrArray) moved = g_ptr_array_new_with_free_func ((GDestroyNotify) nv_pg_moved_free);
  Move m = { .pg = pg, .path = path };
  gboolean ok;

  for (int i = 0; i < N_MAPS; i++)
    m.maps[i] = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  ok = open_file (&m, error);
  /* One read transaction on the file, one write transaction on the server. */
  if (ok && sqlite3_exec (m.db, "BEGIN", NULL, NULL, NULL) != SQLITE_OK)
    ok = file_error (&m, error);
  ok = ok && nv_pg_exec_done (pg, "BEGIN", error);
  for (guint i = 0; ok && units[i] != NULL; i++)
    {
      NvPgMoved *one = g_new0 (NvPgMoved, 1);

      g_ptr_array_add (moved, one);
      ok = move_unit (&m, units[i], one, error);
    }
  if (ok)
    ok = nv_pg_exec_done (pg, "COMMIT", error);
  else if (PQtransactionStatus (pg->conn) != PQTRANS_IDLE)
    PQclear (PQexec (pg->conn, "ROLLBACK"));
  if (m.db != NULL)
    sqlite3_close (m.db);
  for (int i = 0; i < N_MAPS; i++)
    g_hash_table_unref (m.maps[i]);
  g_free (m.unit_id);
  return ok ? g_steal_pointer (&moved) : NULL;
}
