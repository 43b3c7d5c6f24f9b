/* nv-store.c — the store: its connection, statement cache, transactions
 * and the ::changed signal.
 *
 * The database file is found, checked, created and migrated in
 * nv-store-file.c; the engine sits behind nv-db.h.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "nv-store-file-private.h"
#include "nv-store-private.h"

struct _NvStore
{
  GObject parent_instance;

  char *path;
  NvDb *db;
  GHashTable *statements; /* const char *sql → NvStmt * */
  int schema_version;
  gboolean read_only;
  NvDay fixed_today; /* NV_DAY_NONE: the system clock */

  /* Open transactions, outermost first: the topics each has changed so far
   * (an inner one's go to its parent when it commits). */
  GArray *txn_topics;
  gint64 changes_at_begin; /* of the outermost: a commit that changed no row announces nothing */
  /* PRAGMA data_version (or the backend's like) when last looked at. */
  gint64 seen_version;

  NvStatsState *stats;
  GDestroyNotify stats_free;
};

struct _NvStoreTxn
{
  NvStore *store;
  guint level; /* 0 for the outermost */
};

G_DEFINE_TYPE (NvStore, nv_store, G_TYPE_OBJECT)
G_DEFINE_QUARK (nv - store - error - quark, nv_store_error)

enum
{
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

NvStore *
nv_store_new_for_db (NvDb *db, const char *path, int schema_version, gboolean read_only)
{
  NvStore *self = g_object_new (NV_TYPE_STORE, NULL);

  self->db = db;
  self->path = g_strdup (path);
  self->schema_version = schema_version;
  self->read_only = read_only;
  if (!db->backend->data_version (db, &self->seen_version, NULL))
    self->seen_version = -1;
  return self;
}

NvDay
nv_store_today (NvStore *self)
{
  g_return_val_if_fail (NV_IS_STORE (self), NV_DAY_NONE);
  return self->fixed_today != NV_DAY_NONE ? self->fixed_today : nv_day_today ();
}

void
nv_store_set_fixed_today (NvStore *self, NvDay day)
{
  g_return_if_fail (NV_IS_STORE (self));
  self->fixed_today = day;
}

NvDb *
nv_store_get_connection (NvStore *self)
{
  g_return_val_if_fail (NV_IS_STORE (self), NULL);
  return self->db;
}

const char *
nv_store_get_path (NvStore *self)
{
  g_return_val_if_fail (NV_IS_STORE (self), NULL);
  return self->path;
}

gboolean
nv_store_is_read_only (NvStore *self)
{
  g_return_val_if_fail (NV_IS_STORE (self), FALSE);
  return self->read_only;
}

int
nv_store_get_schema_version (NvStore *self)
{
  g_return_val_if_fail (NV_IS_STORE (self), 0);
  return self->schema_version;
}

/* ---- Statements --------------------------------------------------------- */

NvStmt *
nv_store_prepare (NvStore *self, const char *sql, GError **error)
{
  NvStmt *stmt;

  g_return_val_if_fail (NV_IS_STORE (self), NULL);

  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt != NULL)
    {
      nv_stmt_reset (stmt);
      stmt->backend->clear_bindings (stmt);
      return stmt;
    }
  stmt = self->db->backend->prepare (self->db, sql, error);
  if (stmt != NULL)
    g_hash_table_insert (self->statements, (gpointer)sql, stmt);
  return stmt;
}

NvStmt *
nv_store_prepare_owned (NvStore *self, const char *sql, GError **error)
{
  g_return_val_if_fail (NV_IS_STORE (self), NULL);
  return self->db->backend->prepare (self->db, sql, error);
}

gboolean
nv_store_exec (NvStore *self, const char *sql, GError **error)
{
  g_return_val_if_fail (NV_IS_STORE (self), FALSE);
  return self->db->backend->exec (self->db, sql, error);
}

gboolean
nv_store_set_sql_error (NvStore *self, GError **error)
{
  return self->db->backend->set_error (self->db, error);
}

gboolean
nv_store_step_done (NvStore *self, NvStmt *stmt, GError **error)
{
  NvStep rc = nv_stmt_step (stmt);

  if (rc == NV_STEP_ERROR)
    {
      nv_store_set_sql_error (self, error);
      nv_stmt_reset (stmt);
      return FALSE;
    }
  nv_stmt_reset (stmt);
  return TRUE;
}

/* Prepares SQL, binds ID to its one parameter and takes the first step,
 * leaving the row (if any) in *STMT for the caller to read and reset.  When
 * preparing fails, *STMT is NULL and ERROR is set. */
static NvStep
step_by_id (NvStore *self, const char *sql, gint64 id, NvStmt **stmt, GError **error)
{
  *stmt = nv_store_prepare (self, sql, error);
  if (*stmt == NULL)
    return NV_STEP_ERROR;
  nv_stmt_bind_int64 (*stmt, 1, id);
  return nv_stmt_step (*stmt);
}

gboolean
nv_store_row_exists (NvStore *self, const char *sql, gint64 id, gboolean *found, GError **error)
{
  NvStmt *stmt;
  NvStep rc = step_by_id (self, sql, id, &stmt, error);

  *found = FALSE;
  if (stmt == NULL)
    return FALSE;
  if (rc == NV_STEP_ERROR)
    nv_store_set_sql_error (self, error);
  nv_stmt_reset (stmt);
  *found = rc == NV_ROW;
  return rc != NV_STEP_ERROR;
}

gpointer
nv_store_get_row (NvStore *self, const char *sql, gint64 id, NvStoreRowMap map, const char *gone,
                  GError **error)
{
  NvStmt *stmt;
  NvStep rc = step_by_id (self, sql, id, &stmt, error);
  gpointer row = NULL;

  if (stmt == NULL)
    return NULL;
  if (rc == NV_ROW)
    row = map (stmt);
  else if (rc == NV_STEP_ERROR)
    nv_store_set_sql_error (self, error);
  else
    g_set_error_literal (error, NV_STORE_ERROR, NV_STORE_ERROR_NOT_FOUND, gone);
  nv_stmt_reset (stmt);
  return row;
}

gboolean
nv_store_count (NvStore *self, const char *sql, gint64 id, guint *count, GError **error)
{
  NvStmt *stmt;
  NvStep rc = step_by_id (self, sql, id, &stmt, error);

  if (stmt == NULL)
    return FALSE;
  if (rc == NV_ROW)
    *count = (guint) nv_stmt_column_int64 (stmt, 0);
  nv_stmt_reset (stmt);
  if (rc != NV_ROW)
    return nv_store_set_sql_error (self, error);
  return TRUE;
}

gboolean
nv_store_write (NvStore *self, NvStmt *stmt, NvStoreTopics topics, GError **error)
{
  g_autoptr (NvStoreTxn) txn = NULL;

  if (self->txn_topics->len > 0)
    {
      /* One statement is atomic: no savepoint needed. */
      if (!nv_store_step_done (self, stmt, error))
        return FALSE;
      g_array_index (self->txn_topics, NvStoreTopics, self->txn_topics->len - 1) |= topics;
      return TRUE;
    }
  txn = nv_store_txn_begin (self, topics, error);
  if (txn == NULL)
    {
      nv_stmt_reset (stmt);
      return FALSE;
    }
  return nv_store_step_done (self, stmt, error)
         && nv_store_txn_commit (g_steal_pointer (&txn), error);
}

gboolean
nv_store_delete_row (NvStore *self, const char *sql, gint64 id, NvStoreTopics topics,
                     const char *gone, GError **error)
{
  g_autoptr (NvStoreTxn) txn = NULL;
  NvStmt *stmt;

  txn = nv_store_txn_begin (self, topics, error);
  if (txn == NULL)
    return FALSE;
  stmt = nv_store_prepare (self, sql, error);
  if (stmt == NULL)
    return FALSE;
  nv_stmt_bind_int64 (stmt, 1, id);
  if (!nv_store_step_done (self, stmt, error))
    return FALSE;
  if (gone != NULL && nv_store_changes (self) == 0)
    {
      g_set_error_literal (error, NV_STORE_ERROR, NV_STORE_ERROR_NOT_FOUND, gone);
      return FALSE;
    }
  return nv_store_txn_commit (g_steal_pointer (&txn), error);
}

gboolean
nv_store_conflict (GError **error)
{
  g_set_error_literal (error, NV_STORE_ERROR, NV_STORE_ERROR_CONFLICT,
                       _ ("This was changed by someone else while you had it open — reload "
                          "to see their changes, then make yours again."));
  return FALSE;
}

gint64
nv_store_last_insert_id (NvStore *self)
{
  return self->db->backend->last_insert_id (self->db);
}

gint64
nv_store_changes (NvStore *self)
{
  return self->db->backend->changes (self->db);
}

gint64
nv_store_total_changes (NvStore *self)
{
  return self->db->backend->total_changes (self->db);
}

gboolean
nv_store_data_version (NvStore *self, gint64 *version, GError **error)
{
  return self->db->backend->data_version (self->db, version, error);
}

gpointer
nv_store_watch_rows (NvStore *self, NvDbRowFunc func, gpointer data)
{
  if (self->db->backend->watch_rows == NULL)
    return NULL;
  return self->db->backend->watch_rows (self->db, func, data);
}

void
nv_store_bulk_load (NvStore *self, gboolean on)
{
  if (self->db->backend->bulk_load != NULL)
    self->db->backend->bulk_load (self->db, on);
}

NvStatsState *
nv_store_get_stats_state (NvStore *self)
{
  return self->stats;
}

void
nv_store_set_stats_state (NvStore *self, NvStatsState *state, GDestroyNotify free_func)
{
  if (self->stats != NULL && self->stats_free != NULL)
    self->stats_free (self->stats);
  self->stats = state;
  self->stats_free = free_func;
}

/* ---- Transactions and ::changed ----------------------------------------- */

gboolean
nv_store_in_transaction (NvStore *self)
{
  return self->txn_topics->len > 0 || self->db->backend->in_transaction (self->db);
}

static void
announce (NvStore *self, NvStoreTopics topics)
{
  if (topics != 0)
    g_signal_emit (self, signals[SIGNAL_CHANGED], 0, (guint)topics);
}

/* Integers only go into a savepoint's name. */
static gboolean
savepoint (NvStore *self, const char *verb, guint level, GError **error)
{
  g_autofree char *sql = NULL;

  if (g_str_equal (verb, "ROLLBACK TO"))
    sql = g_strdup_printf ("ROLLBACK TO nv_txn_%u; RELEASE nv_txn_%u", level, level);
  else
    sql = g_strdup_printf ("%s nv_txn_%u", verb, level);
  return self->db->backend->exec (self->db, sql, error);
}

static NvStoreTxn *
txn_open (NvStore *self, NvStoreTopics topics)
{
  NvStoreTxn *txn = g_new0 (NvStoreTxn, 1);

  txn->store = g_object_ref (self);
  txn->level = self->txn_topics->len;
  g_array_append_val (self->txn_topics, topics);
  return txn;
}

static void
txn_close (NvStoreTxn *txn)
{
  g_array_set_size (txn->store->txn_topics, txn->level);
  g_object_unref (txn->store);
  g_free (txn);
}

NvStoreTxn *
nv_store_txn_begin (NvStore *self, NvStoreTopics topics, GError **error)
{
  g_return_val_if_fail (NV_IS_STORE (self), NULL);

  if (self->txn_topics->len == 0)
    {
      if (!self->db->backend->begin (self->db, TRUE, error))
        return NULL;
      self->changes_at_begin = nv_store_total_changes (self);
    }
  else if (!savepoint (self, "SAVEPOINT", self->txn_topics->len, error))
    return NULL;
  return txn_open (self, topics);
}

NvStoreTxn *
nv_store_txn_try_begin (NvStore *self, NvStoreTopics topics)
{
  g_return_val_if_fail (NV_IS_STORE (self), NULL);

  if (nv_store_in_transaction (self) || !self->db->backend->begin (self->db, FALSE, NULL))
    return NULL;
  self->changes_at_begin = nv_store_total_changes (self);
  return txn_open (self, topics);
}

void
nv_store_txn_touch (NvStoreTxn *txn, NvStoreTopics topics)
{
  g_return_if_fail (txn != NULL && txn->level < txn->store->txn_topics->len);
  g_array_index (txn->store->txn_topics, NvStoreTopics, txn->level) |= topics;
}

gboolean
nv_store_txn_commit (NvStoreTxn *txn, GError **error)
{
  NvStore *self = txn->store;
  NvStoreTopics topics;
  gboolean ok;

  g_return_val_if_fail (txn->level + 1 == self->txn_topics->len, FALSE);
  topics = g_array_index (self->txn_topics, NvStoreTopics, txn->level);

  if (txn->level > 0)
    {
      ok = savepoint (self, "RELEASE", txn->level, error);
      if (ok)
        g_array_index (self->txn_topics, NvStoreTopics, txn->level - 1) |= topics;
      else
        savepoint (self, "ROLLBACK TO", txn->level, NULL);
      txn_close (txn);
      return ok;
    }
  if (nv_store_total_changes (self) == self->changes_at_begin)
    topics = 0;
  g_object_ref (self);
  ok = self->db->backend->commit (self->db, error);
  txn_close (txn);
  if (ok)
    announce (self, topics);
  g_object_unref (self);
  return ok;
}

void
nv_store_txn_rollback (NvStoreTxn *txn)
{
  NvStore *self = txn->store;

  g_return_if_fail (txn->level + 1 == self->txn_topics->len);
  if (txn->level > 0)
    savepoint (self, "ROLLBACK TO", txn->level, NULL);
  else
    self->db->backend->rollback (self->db);
  txn_close (txn);
}

void
nv_store_announce_restore (NvStore *self)
{
  /* The backup API wrote every page: what another connection would see. */
  self->db->backend->data_version (self->db, &self->seen_version, NULL);
  announce (self, NV_TOPIC_ALL);
}

gboolean
nv_store_refresh (NvStore *self)
{
  gint64 version;
  NvStoreTopics topics = NV_TOPIC_ALL;

  g_return_val_if_fail (NV_IS_STORE (self), FALSE);
  if (nv_store_in_transaction (self) || !self->db->backend->data_version (self->db, &version, NULL)
      || version == self->seen_version)
    return FALSE;
  self->seen_version = version;
  /* A server says what kinds of data the others changed. */
  if (self->db->backend->remote_topics != NULL)
    topics = self->db->backend->remote_topics (self->db);
  announce (self, topics != 0 ? topics : NV_TOPIC_ALL);
  return TRUE;
}

gboolean
nv_store_is_shared (NvStore *self)
{
  g_return_val_if_fail (NV_IS_STORE (self), FALSE);
  return self->db->backend->socket != NULL;
}

int
nv_store_get_notify_fd (NvStore *self)
{
  g_return_val_if_fail (NV_IS_STORE (self), -1);
  return self->db->backend->socket != NULL ? self->db->backend->socket (self->db) : -1;
}

gboolean
nv_store_is_connected (NvStore *self)
{
  g_return_val_if_fail (NV_IS_STORE (self), FALSE);
  return self->db->backend->is_connected == NULL || self->db->backend->is_connected (self->db);
}

gboolean
nv_store_reconnect (NvStore *self, GError **error)
{
  g_return_val_if_fail (NV_IS_STORE (self), FALSE);
  if (self->db->backend->reconnect == NULL)
    return TRUE;
  if (!self->db->backend->reconnect (self->db, error))
    return FALSE;
  self->db->backend->data_version (self->db, &self->seen_version, NULL);
  announce (self, NV_TOPIC_ALL);
  return TRUE;
}

gboolean
nv_store_reconnect_start (NvStore *self, GError **error)
{
  g_return_val_if_fail (NV_IS_STORE (self), FALSE);
  if (self->db->backend->reconnect_start == NULL)
    return TRUE; /* nv_store_reconnect_poll() connects at once */
  return self->db->backend->reconnect_start (self->db, error);
}

gboolean
nv_store_reconnect_poll (NvStore *self, gboolean *done, int *fd, GIOCondition *condition,
                         GError **error)
{
  NvDbConnecting state;

  g_return_val_if_fail (NV_IS_STORE (self), FALSE);
  *done = FALSE;
  *fd = -1;
  *condition = 0;
  if (self->db->backend->reconnect_poll == NULL)
    {
      *done = nv_store_reconnect (self, error);
      return *done;
    }
  state = self->db->backend->reconnect_poll (self->db, fd, error);
  switch (state)
    {
    case NV_DB_CONNECTING_READ:
      *condition = G_IO_IN | G_IO_HUP | G_IO_ERR;
      return TRUE;
    case NV_DB_CONNECTING_WRITE:
      *condition = G_IO_OUT | G_IO_HUP | G_IO_ERR;
      return TRUE;
    case NV_DB_CONNECTED:
      *done = TRUE;
      self->db->backend->data_version (self->db, &self->seen_version, NULL);
      announce (self, NV_TOPIC_ALL);
      return TRUE;
    case NV_DB_CONNECT_FAILED:
    default:
      return FALSE;
    }
}

/* ---- Object ------------------------------------------------------------- */

static void
nv_store_finalize (GObject *object)
{
  NvStore *self = NV_STORE (object);

  nv_store_set_stats_state (self, NULL, NULL);
  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->db != NULL)
    self->db->backend->close (self->db);
  g_clear_pointer (&self->txn_topics, g_array_unref);
  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (nv_store_parent_class)->finalize (object);
}

static void
nv_store_class_init (NvStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = nv_store_finalize;

  /**
   * NvStore::changed:
   * @topics: what changed, a set of #NvStoreTopics
   *
   * Emitted once when a transaction that changed something commits, and
   * with NV_TOPIC_ALL after a restore or when nv_store_refresh() finds
   * writes by another connection.
   */
  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
}

static void
nv_store_init (NvStore *self)
{
  self->statements = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL,
                                            (GDestroyNotify)nv_stmt_finalize);
  self->txn_topics = g_array_new (FALSE, FALSE, sizeof (NvStoreTopics));
  self->fixed_today = NV_DAY_NONE;
}
