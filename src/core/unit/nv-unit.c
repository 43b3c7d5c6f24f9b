/* nv-unit.c — units (name, sector, municipality).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-unit"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "nv-store-private.h"
#include "nv-unit-private.h"

static const char *const sector_ids[] = { "helse-omsorg", "barnehage", "annet", NULL };

NvUnit *
nv_unit_copy (const NvUnit *unit)
{
  NvUnit *copy = g_new0 (NvUnit, 1);

  copy->id = unit->id;
  copy->name = g_strdup (unit->name);
  copy->sector = g_strdup (unit->sector);
  copy->municipality = g_strdup (unit->municipality);
  return copy;
}

void
nv_unit_free (NvUnit *unit)
{
  if (unit == NULL)
    return;
  g_free (unit->name);
  g_free (unit->sector);
  g_free (unit->municipality);
  g_free (unit);
}

const char *const *
nv_sector_ids (void)
{
  return sector_ids;
}

gboolean
nv_sector_is_valid (const char *sector)
{
  return sector != NULL && g_strv_contains (sector_ids, sector);
}

const char *
nv_sector_label (const char *sector)
{
  if (g_strcmp0 (sector, "helse-omsorg") == 0)
    return _("Health and care");
  if (g_strcmp0 (sector, "barnehage") == 0)
    return _("Kindergarten");
  return _("Other");
}

static NvUnit *
unit_from_row (NvStmt *stmt)
{
  NvUnit *unit = g_new0 (NvUnit, 1);

  unit->id = nv_stmt_column_int64 (stmt, 0);
  unit->name = nv_stmt_dup_text (stmt, 1);
  unit->sector = nv_stmt_dup_text (stmt, 2);
  unit->municipality = nv_stmt_dup_text (stmt, 3);
  if (unit->municipality == NULL)
    unit->municipality = g_strdup ("");
  return unit;
}

gboolean
nv_unit_validate_name (NvStore *store, const char *name, gint64 except_id, GError **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (name != NULL ? name : ""));
  g_autoptr (NvUnit) other = NULL;
  g_autoptr (GError) local_error = NULL;

  if (*trimmed == '\0')
    {
      g_set_error_literal (error, NV_STORE_ERROR, NV_STORE_ERROR_INVALID,
                           _("The unit needs a name"));
      return FALSE;
    }
  if (g_utf8_strlen (trimmed, -1) > 80)
    {
      g_set_error_literal (error, NV_STORE_ERROR, NV_STORE_ERROR_INVALID,
                           _("The name is too long (at most 80 characters)"));
      return FALSE;
    }
  other = nv_unit_find (store, trimmed, &local_error);
  if (other != NULL && other->id != except_id)
    {
      g_set_error (error, NV_STORE_ERROR, NV_STORE_ERROR_DUPLICATE,
                   _("There is already a unit called “%s”"), other->name);
      return FALSE;
    }
  if (local_error != NULL && !g_error_matches (local_error, NV_STORE_ERROR, NV_STORE_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

static gboolean
validate (NvStore *store, const char *name, const char *sector, gint64 except_id, GError **error)
{
  if (!nv_unit_validate_name (store, name, except_id, error))
    return FALSE;
  if (!nv_sector_is_valid (sector))
    {
      g_set_error (error, NV_STORE_ERROR, NV_STORE_ERROR_INVALID,
                   _("Unknown sector “%s” (use helse-omsorg, barnehage or annet)"),
                   sector != NULL ? sector : "");
      return FALSE;
    }
  return TRUE;
}

gint64
nv_unit_add (NvStore *store, const char *name, const char *sector, const char *municipality,
             GError **error)
{
  g_autofree char *trimmed = NULL;
  g_autofree char *muni = NULL;
  NvStmt *stmt;

  if (!validate (store, name, sector, 0, error))
    return 0;
  trimmed = g_strstrip (g_strdup (name));
  muni = g_strstrip (g_strdup (municipality != NULL ? municipality : ""));

  stmt = nv_store_prepare (store,
                           "INSERT INTO unit (name, sector, municipality) VALUES (?1, ?2, ?3)",
                           error);
  if (stmt == NULL)
    return 0;
  nv_stmt_bind_text (stmt, 1, trimmed);
  nv_stmt_bind_text (stmt, 2, sector);
  nv_stmt_bind_text (stmt, 3, muni);
  if (!nv_store_write (store, stmt, NV_TOPIC_UNITS, error))
    return 0;
  return nv_store_last_insert_id (store);
}

gboolean
nv_unit_update (NvStore *store, gint64 id, const char *name, const char *sector,
                const char *municipality, GError **error)
{
  g_autofree char *trimmed = NULL;
  g_autofree char *muni = NULL;
  g_autoptr (NvUnit) existing = nv_unit_get (store, id, error);
  NvStmt *stmt;

  if (existing == NULL)
    return FALSE;
  if (!validate (store, name, sector, id, error))
    return FALSE;
  trimmed = g_strstrip (g_strdup (name));
  muni = g_strstrip (g_strdup (municipality != NULL ? municipality : existing->municipality));

  stmt = nv_store_prepare (store,
                           "UPDATE unit SET name = ?2, sector = ?3, municipality = ?4 WHERE id = ?1",
                           error);
  if (stmt == NULL)
    return FALSE;
  nv_stmt_bind_int64 (stmt, 1, id);
  nv_stmt_bind_text (stmt, 2, trimmed);
  nv_stmt_bind_text (stmt, 3, sector);
  nv_stmt_bind_text (stmt, 4, muni);
  if (!nv_store_write (store, stmt, NV_TOPIC_UNITS, error))
    return FALSE;
  return TRUE;
}

gboolean
nv_unit_rename (NvStore *store, gint64 id, const char *name, GError **error)
{
  g_autoptr (NvUnit) existing = nv_unit_get (store, id, error);

  if (existing == NULL)
    return FALSE;
  return nv_unit_update (store, id, name, existing->sector, existing->municipality, error);
}

gboolean
nv_unit_delete (NvStore *store, gint64 id, GError **error)
{
  return nv_store_delete_row (store, "DELETE FROM unit WHERE id = ?1", id, NV_TOPIC_ALL,
                              _("The unit no longer exists"), error);
}

GPtrArray *
nv_unit_list (NvStore *store, GError **error)
{
  g_autoptr (GPtrArray) units = g_ptr_array_new_with_free_func ((GDestroyNotify) nv_unit_free);
  NvStmt *stmt;
  int rc;

  stmt = nv_store_prepare (store,
                           "SELECT id, name, sector, municipality FROM unit "
                           "ORDER BY name COLLATE NOCASE",
                           error);
  if (stmt == NULL)
    return NULL;
  while ((rc = nv_stmt_step (stmt)) == NV_ROW)
    g_ptr_array_add (units, unit_from_row (stmt));
  nv_stmt_reset (stmt);
  if (rc != NV_DONE)
    {
      nv_store_set_sql_error (store, error);
      return NULL;
    }
  return g_steal_pointer (&units);
}

static NvUnit *
get_one (NvStore *store, const char *sql, gint64 id, const char *name, GError **error)
{
  NvStmt *stmt = nv_store_prepare (store, sql, error);
  NvUnit *unit = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  if (name != NULL)
    nv_stmt_bind_text (stmt, 1, name);
  else
    nv_stmt_bind_int64 (stmt, 1, id);
  rc = nv_stmt_step (stmt);
  if (rc == NV_ROW)
    unit = unit_from_row (stmt);
  nv_stmt_reset (stmt);
  if (rc == NV_ROW)
    return unit;
  if (rc != NV_DONE)
    nv_store_set_sql_error (store, error);
  else if (name != NULL)
    g_set_error (error, NV_STORE_ERROR, NV_STORE_ERROR_NOT_FOUND, _("No unit called “%s”"), name);
  else
    g_set_error_literal (error, NV_STORE_ERROR, NV_STORE_ERROR_NOT_FOUND,
                         _("The unit no longer exists"));
  return NULL;
}

NvUnit *
nv_unit_get (NvStore *store, gint64 id, GError **error)
{
  return get_one (store, "SELECT id, name, sector, municipality FROM unit WHERE id = ?1", id, NULL,
                  error);
}

NvUnit *
nv_unit_find (NvStore *store, const char *name, GError **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (name != NULL ? name : ""));
  return get_one (store,
                  "SELECT id, name, sector, municipality FROM unit WHERE name = ?1 COLLATE NOCASE",
                  0, trimmed, error);
}

GHashTable *
nv_unit_cache_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

gint64
nv_unit_lookup_cached (NvStore *store, GHashTable *cache, const char *name, gboolean create,
                       gboolean *created, GError **error)
{
  g_autofree char *key = g_utf8_casefold (name, -1);
  gint64 *known = g_hash_table_lookup (cache, key);
  g_autoptr (GError) local_error = NULL;
  g_autoptr (NvUnit) unit = NULL;
  gint64 id;

  *created = FALSE;
  if (known != NULL)
    return *known;
  unit = nv_unit_find (store, name, &local_error);
  if (unit == NULL && !g_error_matches (local_error, NV_STORE_ERROR, NV_STORE_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return -1;
    }
  id = unit != NULL ? unit->id : 0;
  if (unit == NULL && create)
    {
      g_clear_error (&local_error);
      *created = TRUE;
      id = nv_unit_add (store, name, "annet", NULL, &local_error);
      if (id <= 0)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return -1;
        }
    }
  g_hash_table_insert (cache, g_steal_pointer (&key), g_memdup2 (&id, sizeof id));
  return id;
}

gboolean
nv_unit_rows_exists (NvStore *store, gint64 unit_id, gboolean *found, GError **error)
{
  return nv_store_row_exists (store, "SELECT 1 FROM unit WHERE id = ?1", unit_id, found, error);
}

gboolean
nv_unit_rows_ids (NvStore *store, GArray *ids, GError **error)
{
  NvStmt *stmt = nv_store_prepare (store, "SELECT id FROM unit ORDER BY id", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = nv_stmt_step (stmt)) == NV_ROW)
    {
      gint64 id = nv_stmt_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  nv_stmt_reset (stmt);
  if (rc != NV_DONE)
    return nv_store_set_sql_error (store, error);
  return TRUE;
}
