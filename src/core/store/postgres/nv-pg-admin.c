/* nv-pg-admin.c — `server grant|revoke|users|audit`: who may see what, and
 * what was done to person-level data.
 *
 * Grants go through the SECURITY DEFINER functions of server schema 3, so
 * HR staff need no right to create roles themselves, and a login name is
 * quoted by the server (format %I), never pasted into SQL here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-pg"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "nv-pg-private.h"

static gboolean
check_role (const char *role, gboolean may_be_null, GError **error)
{
  if ((role == NULL && may_be_null) || g_strcmp0 (role, "admin") == 0
      || g_strcmp0 (role, "leader") == 0 || g_strcmp0 (role, "viewer") == 0)
    return TRUE;
  g_set_error (error, NV_PG_ERROR, NV_PG_ERROR_INVALID,
               _("Unknown role “%s”: use admin, leader or viewer."), role != NULL ? role : "");
  return FALSE;
}

/* The server's errors of the grant functions, in the user's words. */
static gboolean
set_grant_error (NvPg *pg, const PGresult *result, const char *login, const char *unit,
                 GError **error)
{
  const char *state = PQresultErrorField (result, PG_DIAG_SQLSTATE);

  if (g_strcmp0 (state, "P0002") == 0)
    g_set_error (error, NV_PG_ERROR, NV_PG_ERROR_NOT_FOUND, _("There is no unit “%s”."), unit);
  else if (g_strcmp0 (state, "42939") == 0)
    g_set_error (error, NV_PG_ERROR, NV_PG_ERROR_INVALID,
                 _("“%s” is reserved by PostgreSQL or Nærvær and cannot be a user."), login);
  else
    return nv_pg_set_error (pg, result, error);
  return FALSE;
}

static PGresult *
call_grant_function (NvPg *pg, const char *sql, const char *login, const char *role,
                     const char *unit, GError **error)
{
  const char *params[3] = { login, role, unit };
  PGresult *result = PQexecParams (pg->conn, sql, 3, NULL, params, NULL, NULL, 0);

  if (PQresultStatus (result) != PGRES_TUPLES_OK)
    {
      set_grant_error (pg, result, login, unit, error);
      PQclear (result);
      return NULL;
    }
  return result;
}

gboolean
nv_pg_grant (NvPg *pg, const char *login, const char *role, const char *unit, GError **error)
{
  g_autoptr (PGresult) result = NULL;

  if (login == NULL || *login == '\0')
    {
      g_set_error (error, NV_PG_ERROR, NV_PG_ERROR_INVALID, "%s", _("Name the user."));
      return FALSE;
    }
  if (!check_role (role, FALSE, error))
    return FALSE;
  if (strcmp (role, "leader") == 0 && unit == NULL)
    {
      g_set_error (error, NV_PG_ERROR, NV_PG_ERROR_INVALID, "%s",
                   _("A leader is granted units: name one with --unit."));
      return FALSE;
    }
  if (strcmp (role, "leader") != 0 && unit != NULL)
    {
      g_set_error (error, NV_PG_ERROR, NV_PG_ERROR_INVALID,
                   _("Only leaders are granted single units; the role “%s” covers every unit."),
                   role);
      return FALSE;
    }
  result = call_grant_function (pg, "SELECT naervaer.grant_access ($1, $2, $3)", login, role, unit,
                                error);
  return result != NULL;
}

gboolean
nv_pg_revoke (NvPg *pg, const char *login, const char *role, const char *unit, guint *n_removed,
              GError **error)
{
  g_autoptr (PGresult) result = NULL;

  if (login == NULL || *login == '\0')
    {
      g_set_error (error, NV_PG_ERROR, NV_PG_ERROR_INVALID, "%s", _("Name the user."));
      return FALSE;
    }
  if (!check_role (role, TRUE, error))
    return FALSE;
  if (unit != NULL && role != NULL && strcmp (role, "leader") != 0)
    {
      g_set_error (error, NV_PG_ERROR, NV_PG_ERROR_INVALID,
                   _("Only leaders are granted single units; the role “%s” covers every unit."),
                   role);
      return FALSE;
    }
  result = call_grant_function (pg, "SELECT naervaer.revoke_access ($1, $2, $3)", login, role,
                                unit, error);
  if (result == NULL)
    return FALSE;
  if (n_removed != NULL)
    *n_removed = (guint) g_ascii_strtoull (PQgetvalue (result, 0, 0), NULL, 10);
  return TRUE;
}

void
nv_pg_user_free (NvPgUser *user)
{
  if (user == NULL)
    return;
  g_free (user->login);
  g_free (user->role);
  g_strfreev (user->units);
  g_free (user);
}

GPtrArray *
nv_pg_users (NvPg *pg, GError **error)
{
  g_autoptr (PGresult) result = NULL;
  GPtrArray *users;

  /* Unit names separated by a newline: a unit name is one line of text. */
  result = nv_pg_exec (pg,
                       "SELECT r.rolname, substr (g.rolname, 10),"
                       " (SELECT string_agg (u.name, E'\\n' ORDER BY lower (u.name))"
                       "  FROM naervaer.unit_grant ug JOIN naervaer.unit u ON u.id = ug.unit_id"
                       "  WHERE ug.role_name = r.rolname AND g.rolname = 'naervaer_leader')"
                       " FROM pg_catalog.pg_auth_members m"
                       " JOIN pg_catalog.pg_roles r ON r.oid = m.member"
                       " JOIN pg_catalog.pg_roles g ON g.oid = m.roleid"
                       " WHERE g.rolname IN ('naervaer_admin', 'naervaer_leader', 'naervaer_viewer')"
                       " ORDER BY r.rolname, g.rolname",
                       0, NULL, error);
  if (result == NULL)
    return NULL;
  users = g_ptr_array_new_with_free_func ((GDestroyNotify) nv_pg_user_free);
  for (int i = 0; i < PQntuples (result); i++)
    {
      NvPgUser *user = g_new0 (NvPgUser, 1);

      user->login = g_strdup (PQgetvalue (result, i, 0));
      user->role = g_strdup (PQgetvalue (result, i, 1));
      user->units = PQgetisnull (result, i, 2) ? g_new0 (char *, 1)
                                                : g_strsplit (PQgetvalue (result, i, 2), "\n", -1);
      g_ptr_array_add (users, user);
    }
  return users;
}

void
nv_pg_audit_entry_free (NvPgAuditEntry *entry)
{
  if (entry == NULL)
    return;
  g_clear_pointer (&entry->at, g_date_time_unref);
  g_free (entry->login);
  g_free (entry->table);
  g_free (entry->row);
  g_free (entry->action);
  g_free (entry->unit);
  g_free (entry);
}

static char *
dup_or_null (const PGresult *result, int row, int column)
{
  return PQgetisnull (result, row, column) ? NULL : g_strdup (PQgetvalue (result, row, column));
}

GPtrArray *
nv_pg_audit (NvPg *pg, NvDay since, GError **error)
{
  g_autoptr (PGresult) result = NULL;
  char iso[16];
  const char *params[1] = { nv_day_format_iso_buf (since, iso) };
  GPtrArray *entries;

  /* Times travel as UTC ISO 8601 and become GDateTime here. */
  result = nv_pg_exec (pg,
                       "SELECT to_char (a.at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"'),"
                       " a.login, a.tbl, a.row_ref, a.action, u.name"
                       " FROM naervaer.audit a LEFT JOIN naervaer.unit u ON u.id = a.unit_id"
                       " WHERE a.at >= $1::date ORDER BY a.at, a.id",
                       1, params, error);
  if (result == NULL)
    return NULL;
  entries = g_ptr_array_new_with_free_func ((GDestroyNotify) nv_pg_audit_entry_free);
  for (int i = 0; i < PQntuples (result); i++)
    {
      NvPgAuditEntry *entry = g_new0 (NvPgAuditEntry, 1);

      entry->at = g_date_time_new_from_iso8601 (PQgetvalue (result, i, 0), NULL);
      entry->login = dup_or_null (result, i, 1);
      entry->table = dup_or_null (result, i, 2);
      entry->row = dup_or_null (result, i, 3);
      entry->action = dup_or_null (result, i, 4);
      entry->unit = dup_or_null (result, i, 5);
      g_ptr_array_add (entries, entry);
    }
  return entries;
}
