/* nv-absence-batch-write.c — the import batch's waiting spells: sorted by
 * employee and start, checked against each employee's intervals (late
 * checks), and written 256 rows per INSERT; for a large import the
 * spell_employee index is dropped and made again at the end.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-absence"

#include "config.h"

#include <string.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "nv-absence-batch-private.h"
#include "nv-stats-private.h"
#include "nv-store-private.h"

static void
bind_spell (NvStmt *stmt, int first, gint64 employee_id, NvDay start, NvDay end, double grade,
            NvSpellType type)
{
  nv_stmt_bind_int64 (stmt, first, employee_id);
  nv_spell_bind_day (stmt, first + 1, start);
  nv_spell_bind_day (stmt, first + 2, end);
  nv_stmt_bind_double (stmt, first + 3, grade);
  nv_stmt_bind_static_text (stmt, first + 4, type == NV_SPELL_SELF ? "egenmeldt" : "legemeldt");
}

#define SPELL_COLUMNS "spell (employee_id, start_day, end_day, grade, type) VALUES "
#define INSERT_SPELL "INSERT INTO " SPELL_COLUMNS
#define INSERT_OR_FAIL_SPELL "INSERT OR FAIL INTO " SPELL_COLUMNS

gboolean
nv_absence_batch_insert_one (NvAbsenceBatch *batch, gint64 employee_id, NvDay start, NvDay end,
                             double grade, NvSpellType type, GError **error)
{
  /* Prepared once per batch: no statement-cache lookup per row. Every
   * parameter is bound on each row, so a reset is enough. */
  if (batch->insert_spell == NULL)
    batch->insert_spell
        = nv_store_prepare (batch->store, INSERT_SPELL "(?1, ?2, ?3, ?4, ?5)", error);
  if (batch->insert_spell == NULL)
    return FALSE;
  nv_stmt_reset (batch->insert_spell);
  bind_spell (batch->insert_spell, 1, employee_id, start, end, grade, type);
  return nv_store_write (batch->store, batch->insert_spell, NV_TOPIC_SPELLS, error);
}

static int
pending_cmp (const void *a, const void *b)
{
  const PendingSpell *x = a, *y = b;

  if (x->e->id != y->e->id)
    return x->e->id < y->e->id ? -1 : 1;
  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  return (x->line > y->line) - (x->line < y->line);
}

static int
pending_line_cmp (const void *a, const void *b)
{
  const PendingSpell *x = a, *y = b;

  return (x->line > y->line) - (x->line < y->line);
}

static void
sort_pending (PendingSpell *rows, guint n, int (*cmp) (const void *, const void *))
{
  for (guint k = 1; k < n; k++)
    if (cmp (&rows[k - 1], &rows[k]) > 0)
      {
        qsort (rows, n, sizeof (PendingSpell), cmp);
        return;
      }
}

static int
employee_id_cmp (gconstpointer a, gconstpointer b, gpointer data)
{
  const BatchEmployee *x = *(BatchEmployee *const *)a, *y = *(BatchEmployee *const *)b;

  return (x->id > y->id) - (x->id < y->id);
}

/* The batch's employees by id, in a new array of *@n. */
static BatchEmployee **
employees_by_id (NvAbsenceBatch *batch, guint *n)
{
  BatchEmployee **order;
  guint k = 0;

  *n = g_hash_table_size (batch->by_id);
  order = g_new (BatchEmployee *, *n);
  for (guint b = 0; b < batch->blocks->len; b++)
    {
      BatchEmployee *block = g_ptr_array_index (batch->blocks, b);
      guint in_block = b + 1 == batch->blocks->len ? batch->n_in_block : EMPLOYEES_PER_BLOCK;

      for (guint i = 0; i < in_block; i++)
        order[k++] = &block[i];
    }
  g_assert (k == *n);
  for (guint i = 1; i < *n; i++)
    if (order[i - 1]->id > order[i]->id)
      {
        g_qsort_with_data (order, *n, sizeof *order, employee_id_cmp, NULL);
        break;
      }
  return order;
}

/* Ranks the batch's employees by id (a spells batch adds none, so once). */
static void
rank_employees (NvAbsenceBatch *batch)
{
  g_autofree BatchEmployee **order = NULL;
  guint n;

  if (batch->n_ranked == g_hash_table_size (batch->by_id))
    return;
  order = employees_by_id (batch, &n);
  for (guint i = 0; i < n; i++)
    order[i]->rank = i;
  g_free (batch->per_rank);
  batch->per_rank = g_new (guint, n + 1);
  batch->n_ranked = n;
}

/* The waiting rows in pending_cmp()'s order: counted out by employee into
 * the second buffer (a qsort of 65 536 rows of a file sorted by date cost
 * as much as checking them), then each employee's few rows by start and
 * line. Copied, not indexed: reading the rows through an index array
 * missed the caches on every row of the INSERTs. */
static void
sort_by_employee (NvAbsenceBatch *batch)
{
  PendingSpell *rows = batch->pending, *out;
  guint n = batch->n_pending;
  gboolean in_order = TRUE;
  guint *at;

  for (guint k = 1; k < n && in_order; k++)
    in_order = pending_cmp (&rows[k - 1], &rows[k]) <= 0;
  if (in_order)
    return;
  rank_employees (batch);
  at = batch->per_rank;
  memset (at, 0, (batch->n_ranked + 1) * sizeof *at);
  for (guint i = 0; i < n; i++)
    at[rows[i].e->rank + 1]++;
  for (guint r = 1; r <= batch->n_ranked; r++)
    at[r] += at[r - 1];
  if (batch->sorted == NULL)
    batch->sorted = g_new (PendingSpell, PENDING_MAX);
  out = batch->sorted;
  for (guint i = 0; i < n; i++)
    out[at[rows[i].e->rank]++] = rows[i];
  /* at[r] is now where employee r's rows end; within, they are in file order */
  for (guint i = 0; i < n;)
    {
      guint end = at[out[i].e->rank];

      if (end - i > 24)
        qsort (out + i, end - i, sizeof (PendingSpell), pending_cmp);
      else
        for (guint j = i + 1; j < end; j++)
          {
            PendingSpell p = out[j];
            guint k = j;

            for (; k > i && pending_cmp (&out[k - 1], &p) > 0; k--)
              out[k] = out[k - 1];
            out[k] = p;
          }
      i = end;
    }
  /* the sorted rows wait now; the other buffer is the room for next time */
  batch->pending = out;
  batch->sorted = rows;
}

static gboolean
insert_many (NvAbsenceBatch *batch, const PendingSpell *rows, GError **error)
{
  if (batch->insert_many == NULL)
    {
      /* OR FAIL (SQLite): a failing row leaves the rows before it, which
       * spares SQLite a statement journal (a temporary file written for
       * every statement, 20 MB for a million spells) — the import rolls
       * back its whole transaction on any error anyway. */
      g_autoptr (GString) sql
          = g_string_new (nv_store_is_shared (batch->store) ? INSERT_SPELL : INSERT_OR_FAIL_SPELL);

      /* Numbered: the PostgreSQL backend rewrites ?N (a bare ? it does not). */
      for (guint i = 0; i < SPELLS_PER_INSERT; i++)
        g_string_append_printf (sql, "%s(?%u, ?%u, ?%u, ?%u, ?%u)", i == 0 ? "" : ", ", 5 * i + 1,
                                5 * i + 2, 5 * i + 3, 5 * i + 4, 5 * i + 5);
      batch->insert_many = nv_store_prepare_owned (batch->store, sql->str, error);
      if (batch->insert_many == NULL)
        return FALSE;
    }
  for (guint i = 0; i < SPELLS_PER_INSERT; i++)
    {
      const PendingSpell *p = &rows[i];
      bind_spell (batch->insert_many, 1 + 5 * (int)i, p->e->id, p->start, p->end, p->grade,
                  p->type);
    }
  return nv_store_write (batch->store, batch->insert_many, NV_TOPIC_SPELLS, error);
}

/* The @k rows (one employee's, sorted by start, checked) into the
 * employee's sorted spells, in one pass from the back: inserting them
 * one by one moved the spells after each (files in no order). None
 * overlaps another, so no start is equal. */
static void
merge_spells (NvAbsenceBatch *batch, BatchEmployee *e, const PendingSpell *rows, guint k)
{
  guint old = e->spells->len;
  guint w = old + k;
  guint i = old, j = k;
  guint64 *word;

  g_array_set_size (e->spells, old + k);
  word = (guint64 *)(void *)e->spells->data;
  while (j > 0)
    {
      const PendingSpell *p = &rows[j - 1];

      if (i > 0 && spell_word_start (word[i - 1]) > p->start)
        word[--w] = word[--i];
      else
        {
          j--;
          word[--w] = spell_word (p->start, nv_iv_end (p->end),
                                  spell_attr (p->grade, p->type, &batch->attrs_exact));
        }
    }
}

/* The rows waiting, sorted by employee and start, against everything before
 * them: each employee's roster and spells are touched once per buffer, not
 * once per row (files sorted by date name a different employee on every
 * row, and nearly every check missed the processor's caches). Whether a set
 * of spells breaks a rule does not depend on the order they are checked in;
 * which row is named does. So when a row fails, the buffer is checked again
 * row by row in file order, as the rows came, and the error is the one that
 * checking each row at once would have given. */
static gboolean
check_pending (NvAbsenceBatch *batch, const char **field, GError **error)
{
  PendingSpell *rows;
  guint n = batch->n_pending;
  NvDay reach = 0; /* the furthest end of this buffer's spells of rows[i - 1].e */

  sort_by_employee (batch);
  rows = batch->pending;
  for (guint i = 0; i < n; i++)
    {
      const PendingSpell *p = &rows[i];
      NvDay end = nv_iv_end (p->end);

      if (i == 0 || p->e != rows[i - 1].e)
        reach = 0;
      if (reach >= p->start || p->e->roster->len == 0
          || nv_iv_first_uncovered (p->e->roster, p->start, end) != NV_DAY_NONE
          || batch_spells_find_overlap (p->e, p->start, end) >= 0)
        goto one_by_one;
      reach = MAX (reach, end);
    }
  for (guint i = 0, k; i < n; i += k)
    {
      for (k = 1; i + k < n && rows[i + k].e == rows[i].e; k++)
        ;
      merge_spells (batch, rows[i].e, rows + i, k);
    }
  return TRUE;

one_by_one:
  sort_pending (rows, n, pending_line_cmp);
  for (guint i = 0; i < n; i++)
    {
      const PendingSpell *p = &rows[i];

      if (!nv_rules_spell_employment (p->e->ref, p->e->roster, p->start, p->end, field, error)
          || !batch_spells_overlap_check (p->e, p->start, p->end, field, error))
        {
          batch->problem_line = p->line;
          batch->n_pending = 0;
          return FALSE;
        }
      batch_spells_insert (batch, p->e, p->start, nv_iv_end (p->end), p->grade, p->type);
    }
  /* Not reached: the same rules found a problem above. Should they ever
   * disagree, the rows are checked and in place, and go in. */
  g_warn_if_reached ();
  return TRUE;
}

/* A large import (the first buffer is full) into a table that holds fewer
 * spells than a few buffers: the spell_employee index goes and is made
 * again at the end, by one sort (CREATE INDEX), instead of taking each row
 * at its place — in a file sorted by date that place moves on every row,
 * and once the index outgrew SQLite's cache nearly every buffer read and
 * wrote it all again (3 M rows: 5 × the time of `sqlite3 .import`). The
 * table itself only grows at its end, so the import needs little cache.
 * Inside the import's transaction: a rollback brings the index back, and
 * other connections never see the table without it. SQLite only. */
#define INDEX_DROP_MAX_ROWS (8 * PENDING_MAX)
/* The page cache (KiB) while rows are appended, and while the index is made. */
#define APPEND_CACHE_KIB 2048
#define INDEX_CACHE_KIB 8192

static gboolean
drop_spell_index (NvAbsenceBatch *batch, GError **error)
{
  NvStmt *stmt;
  gint64 n = 0;
  int rc;

  batch->index_tried = TRUE;
  if (!nv_store_in_transaction (batch->store) || nv_store_is_shared (batch->store))
    return TRUE;
  stmt = nv_store_prepare (batch->store, "SELECT count(*) FROM spell", error);
  if (stmt == NULL)
    return FALSE;
  rc = nv_stmt_step (stmt);
  if (rc == NV_ROW)
    n = nv_stmt_column_int64 (stmt, 0);
  nv_stmt_reset (stmt);
  if (rc != NV_ROW)
    return nv_store_set_sql_error (batch->store, error);
  if (n > INDEX_DROP_MAX_ROWS)
    return TRUE;
  stmt = nv_store_prepare (batch->store,
                           "SELECT sql FROM sqlite_schema "
                           "WHERE type = 'index' AND name = 'spell_employee'",
                           error);
  if (stmt == NULL)
    return FALSE;
  rc = nv_stmt_step (stmt);
  if (rc == NV_ROW)
    batch->spell_index = nv_stmt_dup_text (stmt, 0);
  nv_stmt_reset (stmt);
  if (rc != NV_ROW)
    return rc == NV_DONE ? TRUE : nv_store_set_sql_error (batch->store, error);
  if (!nv_store_exec (batch->store, "DROP INDEX spell_employee", error))
    {
      g_clear_pointer (&batch->spell_index, g_free);
      return FALSE;
    }
  /* Without the index, rows only go at the table's end: the bulk-load
   * cache (for index pages) would only hold written pages until the
   * commit — 24 MiB of the import's memory. */
  return nv_store_exec (batch->store, "PRAGMA cache_size = -" G_STRINGIFY (APPEND_CACHE_KIB),
                        error);
}

gboolean
nv_absence_batch_flush_pending (NvAbsenceBatch *batch, const char **field, GError **error)
{
  guint n = batch->n_pending, i = 0;

  if (n == 0)
    return TRUE;
  if (batch->late && !check_pending (batch, field, error))
    return FALSE;
  batch->n_pending = 0;
  if (field != NULL)
    *field = NULL; /* from here on, only the database can fail */
  if (n == PENDING_MAX && batch->bulk_begun && batch->index_allowed && !batch->index_tried
      && !drop_spell_index (batch, error))
    return FALSE;
  batch->n_pending = n;
  sort_by_employee (batch); /* (sorted already when checked late) */
  batch->n_pending = 0;
  for (; i + SPELLS_PER_INSERT <= n; i += SPELLS_PER_INSERT)
    if (!insert_many (batch, batch->pending + i, error))
      return FALSE;
  for (; i < n; i++)
    {
      const PendingSpell *p = &batch->pending[i];
      if (!nv_absence_batch_insert_one (batch, p->e->id, p->start, p->end, p->grade, p->type,
                                        error))
        return FALSE;
    }
  return TRUE;
}

gboolean
nv_absence_batch_check (NvAbsenceBatch *batch, const char **field, GError **error)
{
  batch->problem_line = 0;
  return nv_absence_batch_flush_pending (batch, field, error);
}

typedef struct
{
  GByteArray *packed; /* the pack's roster blob so far */
  gint64 employee;    /* of the last row */
  NvDay from;
  gboolean sorted; /* as the pack wants them (they come so: ORDER BY) */
} RosterPacking;

static void
pack_roster_row (const NvRosterRow *row, gpointer data)
{
  RosterPacking *r = data;

  if (r->packed->len > 0
      && (row->employee_id < r->employee
          || (row->employee_id == r->employee && row->from < r->from)))
    r->sorted = FALSE;
  r->employee = row->employee_id;
  r->from = row->from;
  nv_stats_pack_roster_add (r->packed, row);
}

static int
roster_row_cmp (gconstpointer a, gconstpointer b)
{
  const NvRosterRow *x = a, *y = b;

  if (x->employee_id != y->employee_id)
    return x->employee_id < y->employee_id ? -1 : 1;
  return (x->from > y->from) - (x->from < y->from);
}

static void
append_roster_row (const NvRosterRow *row, gpointer data)
{
  g_array_append_val ((GArray *)data, *row);
}

/* The unit's roster as the pack holds it: by employee and from. */
static GBytes *
pack_roster (NvAbsenceBatch *batch, GError **error)
{
  RosterPacking r = { g_byte_array_new (), 0, 0, TRUE };
  g_autoptr (GArray) rows = NULL;

  if (!nv_roster_rows_scan (batch->store, batch->unit_id, pack_roster_row, &r, error))
    {
      g_byte_array_unref (r.packed);
      return NULL;
    }
  if (r.sorted)
    {
      guint32 none = 0;

      if (r.packed->len == 0)
        g_byte_array_append (r.packed, (const guint8 *)&none, sizeof none);
      return g_byte_array_free_to_bytes (r.packed);
    }
  /* Not reached while the scan orders its rows; sorted here otherwise. */
  g_byte_array_unref (r.packed);
  rows = g_array_new (FALSE, FALSE, sizeof (NvRosterRow));
  if (!nv_roster_rows_scan (batch->store, batch->unit_id, append_roster_row, rows, error))
    return NULL;
  g_array_sort (rows, roster_row_cmp);
  return nv_stats_pack_roster ((const NvRosterRow *)(void *)rows->data, rows->len);
}

/* The unit's statistics pack, from the spells in memory (every one of the
 * unit's, checked and written) and the roster table: exactly what the
 * statistics would make of the tables (nv-stats-load.c), without reading
 * every spell back through the spell_employee index — a file not grouped
 * by employee leaves each employee's rows in another place of the table
 * for every buffer, and that read took half the import's time again. */
static gboolean
write_pack (NvAbsenceBatch *batch, GError **error)
{
  g_autoptr (GBytes) roster = pack_roster (batch, error);
  g_autofree BatchEmployee **order = NULL;
  NvStatsPackWriter *w;
  guint n, n_spells = 0, n_runs = 0;
  gboolean ok = TRUE;

  if (roster == NULL)
    return FALSE;
  order = employees_by_id (batch, &n);
  for (guint i = 0; i < n; i++)
    if (order[i]->spells->len > 0)
      {
        n_runs++;
        n_spells += order[i]->spells->len;
      }
  w = nv_stats_pack_writer_new (batch->store, batch->unit_id, roster, n_spells, n_runs, error);
  if (w == NULL)
    return FALSE;
  for (guint i = 0; i < n && ok; i++)
    {
      const GArray *spells = order[i]->spells;

      if (spells->len == 0)
        continue;
      ok = nv_stats_pack_writer_run (w, order[i]->id, spells->len, error);
      for (guint j = 0; j < spells->len && ok; j++)
        {
          guint64 word = g_array_index (spells, guint64, j);
          NvDay end = spell_word_iv_end (word);

          ok = nv_stats_pack_writer_spell (
              w, spell_word_start (word), end == NV_DAY_OPEN ? NV_DAY_NONE : end,
              (word & SPELL_ATTR_SELF) != 0, (guint)(word & SPELL_ATTR_GRADE), error);
        }
    }
  if (!ok)
    {
      nv_stats_pack_writer_free (w);
      return FALSE;
    }
  return nv_stats_pack_writer_finish (w, error);
}

gboolean
nv_absence_batch_flush (NvAbsenceBatch *batch, const char **field, GError **error)
{
  gboolean bulk = batch->bulk_begun;

  if (!nv_absence_batch_check (batch, field, error))
    return FALSE;
  batch->bulk_begun = FALSE;
  /* Every row is checked and written: the buffers' room goes back before
   * the pack and the index ask for theirs. */
  g_clear_pointer (&batch->pending, g_free);
  g_clear_pointer (&batch->sorted, g_free);
  /* An import (late checks) that inserted its spells in bulk writes the
   * pack the first statistics would otherwise make: inside the import's
   * transaction, after its last spell (so nothing deletes it again) and
   * before the trigger comes back. */
  if (bulk && batch->late && batch->attrs_exact && nv_store_in_transaction (batch->store)
      && !nv_store_is_shared (batch->store) && !write_pack (batch, error))
    return FALSE;
  if (batch->spell_index != NULL)
    {
      g_autofree char *sql = g_steal_pointer (&batch->spell_index);
      GHashTableIter iter;
      gpointer value;

      /* The spells in memory have done their work, and the index's sort
       * gets their room (and a smaller cache: it reads the table once, in
       * order; the store's bulk-load setting comes back when the import
       * ends). */
      g_hash_table_iter_init (&iter, batch->by_ref);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        {
          BatchEmployee *e = value;
          g_array_unref (e->spells);
          e->spells = g_array_new (FALSE, FALSE, sizeof (guint64));
        }
#ifdef __GLIBC__
      /* ten thousands of small arrays: give their pages back before the
       * index's sort asks for its own */
      malloc_trim (0);
#endif
      if (!nv_store_exec (batch->store, "PRAGMA cache_size = -" G_STRINGIFY (INDEX_CACHE_KIB),
                          error)
          || !nv_store_exec (batch->store, sql, error))
        return FALSE;
    }
  return nv_stats_pack_bulk_end (batch->store, g_steal_pointer (&batch->pack_trigger), error);
}
