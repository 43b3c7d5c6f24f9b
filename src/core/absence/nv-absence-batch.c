/* nv-absence-batch.c — checking and writing import rows fast: the unit's
 * employees, roster and spells are held in memory as sorted intervals, so
 * each row costs a binary search and one INSERT.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-absence"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "nv-absence-private.h"
#include "nv-stats-private.h"
#include "nv-store-private.h"

typedef struct
{
  gint64 id;
  char *ref;
  GArray *roster; /* NvIv, sorted */
  GArray *spells; /* NvIv, sorted */
} BatchEmployee;

/* Rows per multi-row INSERT: 5 parameters each stays far below SQLite's
 * limit, and a statement's fixed cost is shared by all of them. */
#define SPELLS_PER_INSERT 256

/* Checked spells wait for their INSERT in a buffer this long (2 MiB), and go
 * in sorted by employee and start. Files sorted by date (as HR exports
 * usually are) would otherwise add each row's entry to the spell_employee
 * index at a random place: with more index pages than SQLite's cache holds,
 * nearly every row read and wrote back a page (5 × the time of a file
 * grouped by employee, most of it in system calls). Sorted, each flush walks
 * the index once, in order. */
#define PENDING_MAX 65536

typedef struct
{
  gint64 employee_id;
  BatchEmployee *e;
  double grade;
  NvDay start;
  NvDay end;
  guint line; /* in the caller's file (late checks) */
  NvSpellType type;
} PendingSpell;

struct _NvAbsenceBatch
{
  NvStore *store;
  gint64 unit_id;
  GHashTable *by_ref; /* ASCII-lowercased ref → BatchEmployee (as COLLATE NOCASE) */
  /* by_ref's keys, side by side: a lookup compares the key it finds, and
   * ten thousand keys each in its own allocation missed the caches on
   * nearly every row of a file sorted by date. */
  GStringChunk *keys;
  /* The employees, side by side for the same reason: blocks of
   * EMPLOYEES_PER_BLOCK, the last one filled up to n_in_block. */
  GPtrArray *blocks;
  guint n_in_block;
  GHashTable *by_id;  /* &id → BatchEmployee (borrowed) */
  BatchEmployee *last; /* found by the last lookup (rows come grouped) */
  char *last_ref;      /* the exact ref it was found by */
  NvStmt *insert_spell; /* the store's cached statement, prepared once */
  guint n_written;

  /* Deferred writing (imports): checked spells wait here and go in by
   * SPELLS_PER_INSERT rows per statement, sorted (PENDING_MAX); see
   * nv_absence_batch_flush(). */
  gboolean deferred;
  /* Late checks (imports, deferred only): the employment and overlap checks
   * run when the buffer is written, in employee order; see check_pending(). */
  gboolean late;
  guint problem_line; /* the row the last late error was about, 0 = none */
  NvStmt *insert_many; /* our own statement, finalized on free */
  PendingSpell *pending; /* PENDING_MAX, allocated when first needed */
  guint n_pending;
  /* The statistics pack's per-row trigger, dropped for a deferred batch
   * (nv_stats_pack_bulk_begin) until the final flush puts it back. */
  gboolean bulk_begun;
  char *pack_trigger;
};

#define EMPLOYEES_PER_BLOCK 256

/* Frees what the employee holds; the blocks are freed with the batch. */
static void
batch_employee_clear (BatchEmployee *e)
{
  g_free (e->ref);
  g_array_unref (e->roster);
  g_array_unref (e->spells);
}

static BatchEmployee *
add_employee (NvAbsenceBatch *batch, gint64 id, const char *ref)
{
  g_autofree char *key = g_ascii_strdown (ref, -1);
  BatchEmployee *e;

  if (batch->blocks->len == 0 || batch->n_in_block == EMPLOYEES_PER_BLOCK)
    {
      g_ptr_array_add (batch->blocks, g_new0 (BatchEmployee, EMPLOYEES_PER_BLOCK));
      batch->n_in_block = 0;
    }
  e = (BatchEmployee *) g_ptr_array_index (batch->blocks, batch->blocks->len - 1) +
      batch->n_in_block++;

  e->id = id;
  e->ref = g_strdup (ref);
  e->roster = g_array_new (FALSE, FALSE, sizeof (NvIv));
  e->spells = g_array_new (FALSE, FALSE, sizeof (NvIv));

  g_hash_table_insert (batch->by_ref, g_string_chunk_insert (batch->keys, key), e);
  g_hash_table_insert (batch->by_id, &e->id, e);
  return e;
}

/* The unit's roster rows and spells come ordered by employee and start. */
static void
add_roster_iv (const NvRosterRow *row, gpointer data)
{
  BatchEmployee *e = g_hash_table_lookup (((NvAbsenceBatch *) data)->by_id, &row->employee_id);
  NvIv iv = { row->from, nv_iv_end (row->to) };

  if (e != NULL)
    g_array_append_val (e->roster, iv);
}

static void
add_spell_iv (const NvSpell *spell, gpointer data)
{
  BatchEmployee *e = g_hash_table_lookup (((NvAbsenceBatch *) data)->by_id, &spell->employee_id);
  NvIv iv = { spell->start, nv_iv_end (spell->end) };

  if (e != NULL)
    g_array_append_val (e->spells, iv);
}

NvAbsenceBatch *
nv_absence_batch_new (NvStore *store, gint64 unit_id, GError **error)
{
  g_autoptr (NvAbsenceBatch) batch = g_new0 (NvAbsenceBatch, 1);
  g_autoptr (GPtrArray) employees = NULL;

  batch->store = g_object_ref (store);
  batch->unit_id = unit_id;
  batch->by_ref =
    g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) batch_employee_clear);
  batch->keys = g_string_chunk_new (4096);
  batch->blocks = g_ptr_array_new_with_free_func (g_free);
  batch->by_id = g_hash_table_new (g_int64_hash, g_int64_equal);

  employees = nv_employee_list (store, unit_id, error);
  if (employees == NULL)
    return NULL;
  for (guint i = 0; i < employees->len; i++)
    {
      NvEmployee *e = g_ptr_array_index (employees, i);
      add_employee (batch, e->id, e->ref);
    }
  if (!nv_roster_rows_scan (store, unit_id, add_roster_iv, batch, error) ||
      !nv_spell_rows_scan (store, unit_id, add_spell_iv, batch, error))
    return NULL;
  return g_steal_pointer (&batch);
}

void
nv_absence_batch_free (NvAbsenceBatch *batch)
{
  if (batch == NULL)
    return;
  g_clear_pointer (&batch->insert_many, nv_stmt_finalize);
  g_free (batch->pending);
  /* Not flushed: the caller rolls back, which restores the trigger. */
  g_free (batch->pack_trigger);
  g_free (batch->last_ref);
  g_clear_pointer (&batch->by_id, g_hash_table_unref);
  g_clear_pointer (&batch->by_ref, g_hash_table_unref);
  g_clear_pointer (&batch->keys, g_string_chunk_free);
  g_clear_pointer (&batch->blocks, g_ptr_array_unref);
  g_clear_object (&batch->store);
  g_free (batch);
}

guint
nv_absence_batch_get_n_written (NvAbsenceBatch *batch)
{
  return batch->n_written;
}

static BatchEmployee *lookup_key (NvAbsenceBatch *batch, const char *trimmed);

static BatchEmployee *
lookup (NvAbsenceBatch *batch, const char *trimmed)
{
  BatchEmployee *e;

  if (batch->last != NULL && strcmp (trimmed, batch->last_ref) == 0)
    return batch->last;
  e = lookup_key (batch, trimmed);
  if (e != NULL)
    {
      batch->last = e;
      g_free (batch->last_ref);
      batch->last_ref = g_strdup (trimmed);
    }
  return e;
}

static BatchEmployee *
lookup_key (NvAbsenceBatch *batch, const char *trimmed)
{
  char small[64];
  size_t len = strlen (trimmed);

  if (len < sizeof small)
    {
      for (size_t i = 0; i <= len; i++)
        small[i] = g_ascii_tolower (trimmed[i]);
      return g_hash_table_lookup (batch->by_ref, small);
    }
  {
    g_autofree char *key = g_ascii_strdown (trimmed, -1);
    return g_hash_table_lookup (batch->by_ref, key);
  }
}

static gboolean
sql_failed (NvAbsenceBatch *batch, const char **field, GError **error)
{
  if (field != NULL)
    *field = NULL;
  return FALSE;
}

gboolean
nv_absence_batch_add_roster (NvAbsenceBatch *batch, const char *ref, double fte, NvDay from,
                             NvDay to, const char **field, GError **error)
{
  g_autofree char *t = nv_employee_ref_normalize (ref);
  BatchEmployee *e;
  NvStmt *stmt;

  if (!nv_employee_ref_check (t, field, error) ||
      !nv_rules_roster_values (fte, from, to, field, error))
    return FALSE;
  e = lookup (batch, t);
  if (e != NULL && !nv_rules_roster_overlap (e->ref, e->roster, from, to, field, error))
    return FALSE;
  if (e == NULL)
    {
      stmt = nv_store_prepare (batch->store,
                               "INSERT INTO employee (unit_id, ref) VALUES (?1, ?2)", error);
      if (stmt == NULL)
        return sql_failed (batch, field, error);
      nv_stmt_bind_int64 (stmt, 1, batch->unit_id);
      nv_stmt_bind_text (stmt, 2, t);
      if (!nv_store_write (batch->store, stmt, NV_TOPIC_EMPLOYEES, error))
        return sql_failed (batch, field, error);
      e = add_employee (batch, nv_store_last_insert_id (batch->store), t);
    }
  stmt = nv_store_prepare (batch->store,
                           "INSERT INTO roster (employee_id, fte, from_date, to_date) "
                           "VALUES (?1, ?2, ?3, ?4)",
                           error);
  if (stmt == NULL)
    return sql_failed (batch, field, error);
  nv_stmt_bind_int64 (stmt, 1, e->id);
  nv_stmt_bind_double (stmt, 2, fte);
  nv_roster_bind_day (stmt, 3, from);
  nv_roster_bind_day (stmt, 4, to);
  if (!nv_store_write (batch->store, stmt, NV_TOPIC_EMPLOYEES, error))
    return sql_failed (batch, field, error);
  nv_iv_insert (e->roster, from, nv_iv_end (to));
  batch->n_written++;
  return TRUE;
}

/* @ref without surrounding white space (as g_strstrip), copied into *@copy
 * only when there is any. */
static const char *
trim_ref (const char *ref, char **copy)
{
  size_t len;

  *copy = NULL;
  if (ref == NULL)
    return "";
  len = strlen (ref);
  if (len == 0 || (!g_ascii_isspace (ref[0]) && !g_ascii_isspace (ref[len - 1]) &&
                   g_str_is_ascii (ref)))
    return ref;
  *copy = nv_employee_ref_normalize (ref);
  return *copy;
}

static void
bind_spell (NvStmt *stmt, int first, gint64 employee_id, NvDay start, NvDay end,
            double grade, NvSpellType type)
{
  nv_stmt_bind_int64 (stmt, first, employee_id);
  nv_spell_bind_day (stmt, first + 1, start);
  nv_spell_bind_day (stmt, first + 2, end);
  nv_stmt_bind_double (stmt, first + 3, grade);
  nv_stmt_bind_static_text (stmt, first + 4, type == NV_SPELL_SELF ? "egenmeldt" : "legemeldt");
}

#define INSERT_SPELL "INSERT INTO spell (employee_id, start_day, end_day, grade, type) VALUES "

static gboolean
insert_one (NvAbsenceBatch *batch, gint64 employee_id, NvDay start, NvDay end, double grade,
            NvSpellType type, GError **error)
{
  /* Prepared once per batch: no statement-cache lookup per row. Every
   * parameter is bound on each row, so a reset is enough. */
  if (batch->insert_spell == NULL)
    batch->insert_spell =
      nv_store_prepare (batch->store, INSERT_SPELL "(?1, ?2, ?3, ?4, ?5)", error);
  if (batch->insert_spell == NULL)
    return FALSE;
  nv_stmt_reset (batch->insert_spell);
  bind_spell (batch->insert_spell, 1, employee_id, start, end, grade, type);
  return nv_store_write (batch->store, batch->insert_spell, NV_TOPIC_SPELLS, error);
}

void
nv_absence_batch_set_deferred (NvAbsenceBatch *batch, gboolean deferred)
{
  batch->deferred = deferred;
}

void
nv_absence_batch_set_late_checks (NvAbsenceBatch *batch, gboolean late)
{
  batch->late = late;
}

guint
nv_absence_batch_get_problem_line (NvAbsenceBatch *batch)
{
  return batch->problem_line;
}

static int
pending_cmp (const void *a, const void *b)
{
  const PendingSpell *x = a, *y = b;

  if (x->employee_id != y->employee_id)
    return x->employee_id < y->employee_id ? -1 : 1;
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

static gboolean
insert_many (NvAbsenceBatch *batch, const PendingSpell *rows, GError **error)
{
  if (batch->insert_many == NULL)
    {
      g_autoptr (GString) sql = g_string_new (INSERT_SPELL);

      /* Numbered: the PostgreSQL backend rewrites ?N (a bare ? it does not). */
      for (guint i = 0; i < SPELLS_PER_INSERT; i++)
        g_string_append_printf (sql, "%s(?%u, ?%u, ?%u, ?%u, ?%u)", i == 0 ? "" : ", ", 5 * i + 1,
                                5 * i + 2, 5 * i + 3, 5 * i + 4, 5 * i + 5);
      batch->insert_many = nv_store_prepare_owned (batch->store, sql->str, error);
      if (batch->insert_many == NULL)
        return FALSE;
    }
  for (guint i = 0; i < SPELLS_PER_INSERT; i++)
    bind_spell (batch->insert_many, 1 + 5 * (int) i, rows[i].employee_id, rows[i].start,
                rows[i].end, rows[i].grade, rows[i].type);
  return nv_store_write (batch->store, batch->insert_many, NV_TOPIC_SPELLS, error);
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
  PendingSpell *rows = batch->pending;
  guint n = batch->n_pending;
  NvDay reach = 0; /* the furthest end of this buffer's spells of rows[i - 1].e */

  sort_pending (rows, n, pending_cmp);
  for (guint i = 0; i < n; i++)
    {
      const PendingSpell *p = &rows[i];
      NvDay end = nv_iv_end (p->end);

      if (i == 0 || p->e != rows[i - 1].e)
        reach = 0;
      if (reach >= p->start || p->e->roster->len == 0 ||
          nv_iv_first_uncovered (p->e->roster, p->start, end) != NV_DAY_NONE ||
          nv_iv_find_overlap (p->e->spells, p->start, end) != NULL)
        goto one_by_one;
      reach = MAX (reach, end);
    }
  for (guint i = 0; i < n; i++)
    nv_iv_insert (rows[i].e->spells, rows[i].start, nv_iv_end (rows[i].end));
  return TRUE;

one_by_one:
  sort_pending (rows, n, pending_line_cmp);
  for (guint i = 0; i < n; i++)
    {
      const PendingSpell *p = &rows[i];

      if (!nv_rules_spell_employment (p->e->ref, p->e->roster, p->start, p->end, field,
                                      error) ||
          !nv_rules_spell_overlap (p->e->ref, p->e->spells, p->start, p->end, field, error))
        {
          batch->problem_line = p->line;
          batch->n_pending = 0;
          return FALSE;
        }
      nv_iv_insert (p->e->spells, p->start, nv_iv_end (p->end));
    }
  /* Not reached: the same rules found a problem above. Should they ever
   * disagree, the rows are checked and in place, and go in. */
  g_warn_if_reached ();
  return TRUE;
}

static gboolean
flush_pending (NvAbsenceBatch *batch, const char **field, GError **error)
{
  guint n = batch->n_pending, i = 0;

  if (n == 0)
    return TRUE;
  if (batch->late && !check_pending (batch, field, error))
    return FALSE;
  batch->n_pending = 0;
  if (field != NULL)
    *field = NULL; /* from here on, only the database can fail */
  sort_pending (batch->pending, n, pending_cmp);
  for (; i + SPELLS_PER_INSERT <= n; i += SPELLS_PER_INSERT)
    if (!insert_many (batch, batch->pending + i, error))
      return FALSE;
  for (; i < n; i++)
    {
      const PendingSpell *p = &batch->pending[i];
      if (!insert_one (batch, p->employee_id, p->start, p->end, p->grade, p->type, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
nv_absence_batch_check (NvAbsenceBatch *batch, const char **field, GError **error)
{
  batch->problem_line = 0;
  return flush_pending (batch, field, error);
}

gboolean
nv_absence_batch_flush (NvAbsenceBatch *batch, const char **field, GError **error)
{
  if (!nv_absence_batch_check (batch, field, error))
    return FALSE;
  batch->bulk_begun = FALSE;
  return nv_stats_pack_bulk_end (batch->store, g_steal_pointer (&batch->pack_trigger), error);
}

gboolean
nv_absence_batch_add_spell (NvAbsenceBatch *batch, const char *ref, NvDay start, NvDay end,
                            double grade, NvSpellType type, const char **field, GError **error)
{
  return nv_absence_batch_add_spell_at (batch, 0, ref, start, end, grade, type, field, error);
}

gboolean
nv_absence_batch_add_spell_at (NvAbsenceBatch *batch, guint line, const char *ref, NvDay start,
                               NvDay end, double grade, NvSpellType type, const char **field,
                               GError **error)
{
  g_autofree char *copy = NULL;
  const char *t = trim_ref (ref, &copy);
  gboolean late = batch->deferred && batch->late;
  BatchEmployee *e;

  batch->problem_line = 0;
  if (*t == '\0')
    return nv_employee_ref_check (t, field, error);
  if (!nv_rules_spell_values (start, end, grade, type, field, error))
    return FALSE;
  e = lookup (batch, t);
  if (e == NULL)
    return nv_field_error (field, "employee", error, NV_STORE_ERROR_NOT_FOUND,
                           _("“%s” is not on the roster"), t);
  if (!late && (!nv_rules_spell_employment (e->ref, e->roster, start, end, field, error) ||
                !nv_rules_spell_overlap (e->ref, e->spells, start, end, field, error)))
    return FALSE;
  if (batch->deferred)
    {
      if (!batch->bulk_begun)
        {
          if (!nv_stats_pack_bulk_begin (batch->store, batch->unit_id, &batch->pack_trigger,
                                         error))
            return sql_failed (batch, field, error);
          batch->bulk_begun = TRUE;
        }
      if (batch->pending == NULL)
        batch->pending = g_new (PendingSpell, PENDING_MAX);
      batch->pending[batch->n_pending++] =
        (PendingSpell) { e->id, e, grade, start, end, line, type };
      if (!late)
        nv_iv_insert (e->spells, start, nv_iv_end (end));
      batch->n_written++;
      if (batch->n_pending == PENDING_MAX && !flush_pending (batch, field, error))
        return batch->problem_line != 0 ? FALSE : sql_failed (batch, field, error);
      return TRUE;
    }
  if (!insert_one (batch, e->id, start, end, grade, type, error))
    return sql_failed (batch, field, error);
  nv_iv_insert (e->spells, start, nv_iv_end (end));
  batch->n_written++;
  return TRUE;
}
