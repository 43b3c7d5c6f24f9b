/* nv-absence-batch.c — checking and writing import rows fast: the unit's
 * employees, roster and spells are held in memory as sorted intervals, so
 * each row costs a binary search and one INSERT. Here: the employees and
 * the rows as they come; nv-absence-batch-write.c checks and writes the
 * waiting spells.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-absence"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "nv-absence-batch-private.h"
#include "nv-stats-private.h"
#include "nv-store-private.h"

static guint32
ref_hash (const char *key)
{
  guint32 h = 2166136261u;

  for (; *key != '\0'; key++)
    h = (h ^ (guint8) *key) * 16777619u;
  return h;
}

static RefSlot *
slot_find (RefSlot *slots, guint mask, const char *key)
{
  guint i = ref_hash (key) & mask;

  while (slots[i].e != NULL && strcmp (slots[i].key, key) != 0)
    i = (i + 1) & mask;
  return &slots[i];
}

static void
slots_add (NvAbsenceBatch *batch, const char *key, BatchEmployee *e)
{
  if (strlen (key) >= SLOT_KEY)
    return;
  if ((batch->n_slotted + 1) * 2 > batch->slot_mask + 1)
    {
      guint size = MAX (64u, (batch->slot_mask + 1) * 2);
      RefSlot *old = batch->slots;
      guint old_size = old != NULL ? batch->slot_mask + 1 : 0;

      batch->slots = g_new0 (RefSlot, size);
      batch->slot_mask = size - 1;
      for (guint i = 0; i < old_size; i++)
        if (old[i].e != NULL)
          *slot_find (batch->slots, batch->slot_mask, old[i].key) = old[i];
      g_free (old);
    }
  {
    RefSlot *slot = slot_find (batch->slots, batch->slot_mask, key);

    if (slot->e == NULL)
      batch->n_slotted++;
    strcpy (slot->key, key);
    slot->e = e;
  }
}

/* Frees what the employee holds; the blocks are freed with the batch. */
static void
batch_employee_clear (BatchEmployee *e)
{
  g_free (e->ref);
  g_array_unref (e->roster);
  g_array_unref (e->spells);
}

/* The first of @e's spells starting after @day. */
static guint
spells_after (const BatchEmployee *e, NvDay day)
{
  const guint64 *w = (const guint64 *) (void *) e->spells->data;
  guint lo = 0, hi = e->spells->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (spell_word_start (w[mid]) <= day)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

void
batch_spells_insert (NvAbsenceBatch *batch, BatchEmployee *e, NvDay start, NvDay iv_end,
                     double grade, NvSpellType type)
{
  guint64 word = spell_word (start, iv_end, spell_attr (grade, type, &batch->attrs_exact));
  guint pos = spells_after (e, start);

  if (pos == e->spells->len)
    g_array_append_val (e->spells, word);
  else
    g_array_insert_val (e->spells, pos, word);
}

/* As nv_iv_find_overlap(): sorted and not overlapping, so only the last
 * spell starting at or before @iv_end can reach back into it. */
int
batch_spells_find_overlap (const BatchEmployee *e, NvDay start, NvDay iv_end)
{
  guint pos = spells_after (e, iv_end);

  if (pos == 0 || spell_word_iv_end (g_array_index (e->spells, guint64, pos - 1)) < start)
    return -1;
  return (int) pos - 1;
}

gboolean
batch_spells_overlap_check (const BatchEmployee *e, NvDay start, NvDay end, const char **field,
                            GError **error)
{
  int hit = batch_spells_find_overlap (e, start, nv_iv_end (end));
  guint64 word;
  NvIv iv;
  GArray one;

  if (hit < 0)
    return TRUE;
  /* The rule itself words the message, given the spell it would find. */
  word = g_array_index (e->spells, guint64, hit);
  iv = (NvIv) { spell_word_start (word), spell_word_iv_end (word) };
  one = (GArray) { (gchar *) &iv, 1 };
  return nv_rules_spell_overlap (e->ref, &one, start, end, field, error);
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
  e->spells = g_array_new (FALSE, FALSE, sizeof (guint64));

  g_hash_table_insert (batch->by_ref, g_string_chunk_insert (batch->keys, key), e);
  g_hash_table_insert (batch->by_id, &e->id, e);
  slots_add (batch, key, e);
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
  NvAbsenceBatch *batch = data;
  BatchEmployee *e = g_hash_table_lookup (batch->by_id, &spell->employee_id);

  if (e != NULL)
    batch_spells_insert (batch, e, spell->start, nv_iv_end (spell->end), spell->grade,
                         spell->type);
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
  batch->attrs_exact = TRUE;

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
  g_free (batch->sorted);
  g_free (batch->per_rank);
  g_free (batch->slots);
  /* Not flushed: the caller rolls back, which restores the trigger. */
  g_free (batch->pack_trigger);
  g_free (batch->spell_index);
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
  /* Remembered without an allocation: in a file sorted by date nearly every
   * row names another employee. */
  if (e != NULL && g_strlcpy (batch->last_ref, trimmed, sizeof batch->last_ref) <
                     sizeof batch->last_ref)
    batch->last = e;
  else
    batch->last = NULL;
  return e;
}

static BatchEmployee *
lookup_key (NvAbsenceBatch *batch, const char *trimmed)
{
  char small[64];
  size_t len = strlen (trimmed);

  if (len < SLOT_KEY)
    {
      for (size_t i = 0; i <= len; i++)
        small[i] = g_ascii_tolower (trimmed[i]);
      return batch->slots != NULL ? slot_find (batch->slots, batch->slot_mask, small)->e : NULL;
    }
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

void
nv_absence_batch_allow_index_rebuild (NvAbsenceBatch *batch)
{
  batch->index_allowed = TRUE;
}

guint
nv_absence_batch_get_problem_line (NvAbsenceBatch *batch)
{
  return batch->problem_line;
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
                !batch_spells_overlap_check (e, start, end, field, error)))
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
        (PendingSpell) { e, grade, start, end, line, type };
      if (!late)
        batch_spells_insert (batch, e, start, nv_iv_end (end), grade, type);
      batch->n_written++;
      if (batch->n_pending == PENDING_MAX && !nv_absence_batch_flush_pending (batch, field, error))
        return batch->problem_line != 0 ? FALSE : sql_failed (batch, field, error);
      return TRUE;
    }
  if (!nv_absence_batch_insert_one (batch, e->id, start, end, grade, type, error))
    return sql_failed (batch, field, error);
  batch_spells_insert (batch, e, start, nv_iv_end (end), grade, type);
  batch->n_written++;
  return TRUE;
}
