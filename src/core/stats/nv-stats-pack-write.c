/* nv-stats-pack-write.c — a unit's statistics pack written in pieces, by an
 * import that holds every spell of the unit in memory already
 * (nv-absence-batch-write.c): the row is made with both blobs as zeros of
 * their final length, and the spells are written in place as they come,
 * 64 KiB at a time — a pack of three million spells is 24 MB, and building
 * it whole would have been the import's largest allocation. The layout is
 * nv-stats-pack.c's.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-stats"

#include "config.h"

#include <string.h>

#include "nv-stats-private.h"
#include "nv-store-private.h"
#include "nv-store-sqlite.h"

#define WRITER_CHUNK 65536

struct _NvStatsPackWriter
{
  sqlite3 *db;
  sqlite3_blob *blob;
  gsize size;    /* the spells blob's length */
  gsize written; /* bytes handed to the blob */
  guint fill;    /* bytes waiting in buf */
  guint32 left;  /* spells the open run still needs */
  guint8 buf[WRITER_CHUNK];
};

static gboolean
writer_failed (NvStatsPackWriter *w, GError **error)
{
  g_set_error (error, NV_STORE_ERROR, NV_STORE_ERROR_SQL, "%s", sqlite3_errmsg (w->db));
  return FALSE;
}

static gboolean
writer_flush (NvStatsPackWriter *w, GError **error)
{
  if (w->fill == 0)
    return TRUE;
  if (w->written + w->fill > w->size)
    {
      g_set_error_literal (error, NV_STORE_ERROR, NV_STORE_ERROR_SQL,
                           "statistics pack: more spells than announced");
      return FALSE;
    }
  if (sqlite3_blob_write (w->blob, w->buf, (int)w->fill, (int)w->written) != SQLITE_OK)
    return writer_failed (w, error);
  w->written += w->fill;
  w->fill = 0;
  return TRUE;
}

static gboolean
writer_put (NvStatsPackWriter *w, const void *data, guint len, GError **error)
{
  if (w->fill + len > WRITER_CHUNK && !writer_flush (w, error))
    return FALSE;
  memcpy (w->buf + w->fill, data, len);
  w->fill += len;
  return TRUE;
}

NvStatsPackWriter *
nv_stats_pack_writer_new (NvStore *store, gint64 unit_id, GBytes *roster, guint n_spells,
                          guint n_runs, GError **error)
{
  NvStatsPackWriter *w;
  gsize size = 4 + (gsize)n_runs * 12 + (gsize)n_spells * 8;
  gsize roster_len;
  const void *roster_data = g_bytes_get_data (roster, &roster_len);
  guint32 n = GUINT32_TO_LE (n_spells);
  NvStmt *stmt;

  g_return_val_if_fail (nv_store_get_db (store) != NULL, NULL);
  if (size > G_MAXINT || roster_len > G_MAXINT)
    {
      g_set_error_literal (error, NV_STORE_ERROR, NV_STORE_ERROR_SQL,
                           "statistics pack: too many rows for one blob");
      return NULL;
    }
  /* Both blobs as zeros (SQLite keeps zeros at a record's end as a count,
   * not in memory), then written in place. */
  stmt = nv_store_prepare (store,
                           "INSERT OR REPLACE INTO stats_pack (unit_id, format, roster, spells) "
                           "VALUES (?1, ?2, zeroblob (?3), zeroblob (?4))",
                           error);
  if (stmt == NULL)
    return NULL;
  nv_stmt_bind_int64 (stmt, 1, unit_id);
  nv_stmt_bind_int (stmt, 2, NV_STATS_PACK_FORMAT);
  nv_stmt_bind_int64 (stmt, 3, (gint64)roster_len);
  nv_stmt_bind_int64 (stmt, 4, (gint64)size);
  if (!nv_store_step_done (store, stmt, error))
    return NULL;
  w = g_new0 (NvStatsPackWriter, 1);
  w->db = nv_store_get_db (store);
  w->size = size;
  if (sqlite3_blob_open (w->db, "main", "stats_pack", "roster", unit_id, 1, &w->blob) != SQLITE_OK
      || sqlite3_blob_write (w->blob, roster_data, (int)roster_len, 0) != SQLITE_OK
      || sqlite3_blob_close (g_steal_pointer (&w->blob)) != SQLITE_OK
      || sqlite3_blob_open (w->db, "main", "stats_pack", "spells", unit_id, 1, &w->blob)
             != SQLITE_OK)
    {
      writer_failed (w, error);
      nv_stats_pack_writer_free (w);
      return NULL;
    }
  writer_put (w, &n, sizeof n, NULL);
  return w;
}

gboolean
nv_stats_pack_writer_run (NvStatsPackWriter *w, gint64 employee_id, guint n, GError **error)
{
  guint64 emp = GUINT64_TO_LE ((guint64)employee_id);
  guint32 k = GUINT32_TO_LE (n);

  g_return_val_if_fail (w->left == 0 && n > 0, FALSE);
  w->left = n;
  return writer_put (w, &emp, sizeof emp, error) && writer_put (w, &k, sizeof k, error);
}

gboolean
nv_stats_pack_writer_spell (NvStatsPackWriter *w, NvDay start, NvDay end, gboolean self,
                            guint grade, GError **error)
{
  guint64 word = GUINT64_TO_LE (nv_stats_pack_word (start, end, self, grade));

  g_return_val_if_fail (w->left > 0 && grade <= NV_STATS_PACK_GRADE_MASK, FALSE);
  w->left--;
  return writer_put (w, &word, sizeof word, error);
}

gboolean
nv_stats_pack_writer_finish (NvStatsPackWriter *w, GError **error)
{
  gboolean ok = writer_flush (w, error);

  if (ok && (w->written != w->size || w->left != 0))
    {
      g_set_error_literal (error, NV_STORE_ERROR, NV_STORE_ERROR_SQL,
                           "statistics pack: fewer spells than announced");
      ok = FALSE;
    }
  if (ok && sqlite3_blob_close (w->blob) != SQLITE_OK)
    ok = writer_failed (w, error);
  else if (!ok)
    sqlite3_blob_close (w->blob);
  w->blob = NULL;
  nv_stats_pack_writer_free (w);
  return ok;
}

void
nv_stats_pack_writer_free (NvStatsPackWriter *w)
{
  if (w == NULL)
    return;
  if (w->blob != NULL)
    sqlite3_blob_close (w->blob);
  g_free (w);
}
