/* nv-pg-schema.c — `server init`: the server schema, its versions and the
 * workday calendar the server computes with.
 *
 * Migrations are resources named NNN-what.sql (NNN = the schema version the
 * file brings the database to), applied in order inside one transaction
 * that holds an advisory lock, so two administrators running `server init`
 * at once do not both migrate. naervaer.schema_version records each version.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-pg"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "nv-pg-private.h"
#include "nv-pg-resources.h"

#define MIGRATIONS_PATH "/io/github/naervaer/Naervaer/postgres/migrations"
#define CALENDAR_FIRST_YEAR 2000
#define CALENDAR_LAST_YEAR 2099

static void
ensure_resources (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      nv_pg_register_resource ();
      g_once_init_leave (&done, 1);
    }
}

static int
migration_version (const char *name)
{
  const char *base = strrchr (name, '/');

  return (int) g_ascii_strtoull (base != NULL ? base + 1 : name, NULL, 10);
}

static int
compare_names (gconstpointer a, gconstpointer b)
{
  return migration_version (*(char *const *) a) - migration_version (*(char *const *) b);
}

GPtrArray *
nv_pg_list_migrations (void)
{
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) names = NULL;
  GPtrArray *list = g_ptr_array_new_with_free_func (g_free);

  ensure_resources ();
  names = g_resources_enumerate_children (MIGRATIONS_PATH, 0, &error);
  if (names == NULL)
    g_error ("server migrations missing from the resource bundle: %s", error->message);
  for (guint i = 0; names[i] != NULL; i++)
    g_ptr_array_add (list, g_build_path ("/", MIGRATIONS_PATH, names[i], NULL));
  g_ptr_array_sort (list, compare_names);
  for (guint i = 1; i < list->len; i++)
    if (migration_version (g_ptr_array_index (list, i))
        <= migration_version (g_ptr_array_index (list, i - 1)))
      g_error ("two server migrations for schema %d",
               migration_version (g_ptr_array_index (list, i)));
  return list;
}

int
nv_pg_latest_schema_version (void)
{
  g_autoptr (GPtrArray) list = nv_pg_list_migrations ();

  return migration_version (g_ptr_array_index (list, list->len - 1));
}

gboolean
nv_pg_schema_version (NvPg *pg, int *version, GError **error)
{
  g_autoptr (PGresult) exists = NULL;
  g_autoptr (PGresult) max = NULL;

  exists = nv_pg_exec (pg, "SELECT to_regclass ('naervaer.schema_version') IS NOT NULL", 0, NULL,
                       error);
  if (exists == NULL)
    return FALSE;
  *version = 0;
  if (g_strcmp0 (PQgetvalue (exists, 0, 0), "t") != 0)
    return TRUE;
  max = nv_pg_exec (pg, "SELECT coalesce (max (version), 0) FROM naervaer.schema_version", 0, NULL,
                    error);
  if (max == NULL)
    return FALSE;
  *version = (int) g_ascii_strtoll (PQgetvalue (max, 0, 0), NULL, 10);
  return TRUE;
}

/* COPY the calendar: every day of 2000–2099 with the workdays before it. */
static gboolean
fill_calendar (NvPg *pg, GError **error)
{
  g_autoptr (PGresult) count = NULL;
  g_autoptr (PGresult) copy = NULL;
  g_autoptr (PGresult) done = NULL;
  g_autoptr (GString) data = g_string_sized_new (1 << 20);
  NvDay first = nv_day_from_ymd (CALENDAR_FIRST_YEAR, 1, 1);
  NvDay last = nv_day_from_ymd (CALENDAR_LAST_YEAR, 12, 31);
  guint before = 0;

  count = nv_pg_exec (pg, "SELECT count(*) FROM naervaer.calendar_day", 0, NULL, error);
  if (count == NULL)
    return FALSE;
  if (g_ascii_strtoll (PQgetvalue (count, 0, 0), NULL, 10) == (gint64) (last - first + 1))
    return TRUE;
  if (!nv_pg_exec_done (pg, "DELETE FROM naervaer.calendar_day", error))
    return FALSE;

  for (NvDay d = first; d <= last; d++)
    {
      char iso[16];
      gboolean workday = nv_day_is_workday (d);

      g_string_append_printf (data, "%u\t%s\t%c\t%u\n", d, nv_day_format_iso_buf (d, iso),
                              workday ? 't' : 'f', before);
      before += workday ? 1 : 0;
    }

  copy = PQexec (pg->conn, "COPY naervaer.calendar_day (day, date, workday, workdays_before) "
                           "FROM STDIN");
  if (PQresultStatus (copy) != PGRES_COPY_IN)
    return nv_pg_set_error (pg, copy, error);
  if (PQputCopyData (pg->conn, data->str, (int) data->len) != 1
      || PQputCopyEnd (pg->conn, NULL) != 1)
    return nv_pg_set_error (pg, NULL, error);
  done = PQgetResult (pg->conn);
  if (PQresultStatus (done) != PGRES_COMMAND_OK)
    {
      nv_pg_set_error (pg, done, error);
      while (PQgetResult (pg->conn) != NULL)
        ;
      return FALSE;
    }
  return TRUE;
}

static gboolean
apply_migration (NvPg *pg, const char *path, GError **error)
{
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (PGresult) result = NULL;
  g_autofree char *version = NULL;
  const char *params[1];

  bytes = g_resources_lookup_data (path, 0, NULL);
  g_assert (bytes != NULL);
  /* A migration is fixed text from the resource bundle, several statements:
   * the simple query protocol runs them in order. */
  result = PQexec (pg->conn, g_bytes_get_data (bytes, NULL));
  if (PQresultStatus (result) != PGRES_COMMAND_OK && PQresultStatus (result) != PGRES_TUPLES_OK)
    {
      g_autoptr (GError) inner = NULL;
      nv_pg_set_error (pg, result, &inner);
      g_set_error (error, NV_PG_ERROR, inner->code, _("Server schema %d could not be made: %s"),
                   migration_version (path), inner->message);
      return FALSE;
    }
  version = g_strdup_printf ("%d", migration_version (path));
  params[0] = version;
  g_clear_pointer (&result, PQclear);
  result = nv_pg_exec (pg, "INSERT INTO naervaer.schema_version (version) VALUES ($1)", 1, params,
                       error);
  return result != NULL;
}

static gboolean
migrate (NvPg *pg, int *from, int *to, GError **error)
{
  g_autoptr (GPtrArray) list = nv_pg_list_migrations ();
  int latest = migration_version (g_ptr_array_index (list, list->len - 1));
  int version;

  if (!nv_pg_exec_done (pg, "SET LOCAL client_min_messages = warning", error)
      || !nv_pg_exec_done (pg, "SELECT pg_advisory_xact_lock (1314280022)", error)
      || !nv_pg_exec_done (pg, "CREATE SCHEMA IF NOT EXISTS naervaer", error)
      || !nv_pg_exec_done (pg,
                           "CREATE TABLE IF NOT EXISTS naervaer.schema_version ("
                           " version integer PRIMARY KEY,"
                           " applied timestamptz NOT NULL DEFAULT now(),"
                           " applied_by name NOT NULL DEFAULT session_user)",
                           error)
      || !nv_pg_schema_version (pg, &version, error))
    return FALSE;
  *from = version;
  if (version > latest)
    {
      g_set_error (error, NV_PG_ERROR, NV_PG_ERROR_TOO_NEW,
                   _("The server’s Nærvær schema (version %d) is newer than this version of "
                     "Nærvær knows (%d). Update Nærvær."),
                   version, latest);
      return FALSE;
    }
  if (!nv_pg_exec_done (pg, "SET LOCAL search_path = naervaer", error))
    return FALSE;
  for (guint i = 0; i < list->len; i++)
    {
      const char *path = g_ptr_array_index (list, i);
      if (migration_version (path) > version && !apply_migration (pg, path, error))
        return FALSE;
    }
  *to = latest;
  return fill_calendar (pg, error);
}

gboolean
nv_pg_init (NvPg *pg, int *from, int *to, GError **error)
{
  int ignored_from, ignored_to;

  if (from == NULL)
    from = &ignored_from;
  if (to == NULL)
    to = &ignored_to;
  if (!nv_pg_exec_done (pg, "BEGIN", error))
    return FALSE;
  if (!migrate (pg, from, to, error))
    {
      PGresult *rollback = PQexec (pg->conn, "ROLLBACK");
      PQclear (rollback);
      return FALSE;
    }
  return nv_pg_exec_done (pg, "COMMIT", error);
}
