/* nv-absence-batch-private.h — the import batch's insides, shared by
 * nv-absence-batch.c (employees, rows as they come) and
 * nv-absence-batch-write.c (checking and writing the waiting spells).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "nv-absence-private.h"

G_BEGIN_DECLS

typedef struct
{
  gint64 id;
  char *ref;
  GArray *roster; /* NvIv, sorted */
  /* The spells, sorted: one word each (spell_word()) with the days and,
   * beside them, the type and grade, so a large import can write the
   * unit's statistics pack from memory (nv_absence_batch_flush) — in the
   * 8 bytes an interval took. */
  GArray *spells;
  guint rank; /* place by id among the batch's employees (sort_by_employee()) */
} BatchEmployee;

/* A spell's word: start in the high half (words sort as their starts do;
 * no two of an employee's spells start on the same day), the end below it
 * (0 when open), and an attribute byte: egenmeldt, and the grade when a
 * whole percent (the rules allow 20–100; another grade makes the batch's
 * pack inexact, SPELL_ATTR_INEXACT). */
#define SPELL_ATTR_SELF 0x80
#define SPELL_ATTR_GRADE 0x7f

static inline guint64
spell_word (NvDay start, NvDay iv_end, guint attr)
{
  return ((guint64)start << 32) | ((guint64)(iv_end == NV_DAY_OPEN ? 0 : iv_end) << 8) | attr;
}

static inline NvDay
spell_word_start (guint64 word)
{
  return (NvDay)(word >> 32);
}

/* The end as nv_iv_end() makes it. */
static inline NvDay
spell_word_iv_end (guint64 word)
{
  NvDay end = (NvDay)((word >> 8) & 0xffffff);
  return end == NV_DAY_NONE ? NV_DAY_OPEN : end;
}

/* The attribute byte of a spell; clears *@exact when its grade is not a
 * whole percent. */
static inline guint
spell_attr (double grade, NvSpellType type, gboolean *exact)
{
  gboolean whole = grade >= 0 && grade <= SPELL_ATTR_GRADE && grade == (double)(guint)grade;

  if (!whole)
    *exact = FALSE;
  return (type == NV_SPELL_SELF ? SPELL_ATTR_SELF : 0) | (whole ? (guint)grade : 0);
}

/* One spell into @e's sorted spells (@iv_end as nv_iv_end() makes it). */
void batch_spells_insert (NvAbsenceBatch *batch, BatchEmployee *e, NvDay start, NvDay iv_end,
                          double grade, NvSpellType type);
/* nv_rules_spell_overlap() against @e's spells: the same message, field
 * and result. */
gboolean batch_spells_overlap_check (const BatchEmployee *e, NvDay start, NvDay end,
                                     const char **field, GError **error);
/* Where in @e's spells the one is that overlaps [@start, @iv_end], or -1. */
int batch_spells_find_overlap (const BatchEmployee *e, NvDay start, NvDay iv_end);

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
  BatchEmployee *e;
  double grade;
  NvDay start;
  NvDay end;
  guint line; /* in the caller's file (late checks) */
  NvSpellType type;
} PendingSpell;

/* Refs shorter than this (lowercased) are found in the batch's own table
 * with the key in the slot — one cache line per lookup, where GHashTable's
 * hashes, keys, key strings and values are four places in memory (a file
 * sorted by date names another employee on every row). Longer refs are
 * looked up in by_ref. */
#define SLOT_KEY 16

typedef struct
{
  char key[SLOT_KEY];
  BatchEmployee *e; /* NULL: empty */
} RefSlot;

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
  GHashTable *by_id; /* &id → BatchEmployee (borrowed) */
  RefSlot *slots;    /* by_ref's short keys again (SLOT_KEY), open addressing */
  guint slot_mask;   /* slots' size - 1 */
  guint n_slotted;
  BatchEmployee *last;  /* found by the last lookup (rows come grouped) */
  char last_ref[64];    /* the exact ref it was found by, when that is shorter */
  NvStmt *insert_spell; /* the store's cached statement, prepared once */
  guint n_written;

  /* Deferred writing (imports): checked spells wait here and go in by
   * SPELLS_PER_INSERT rows per statement, sorted (PENDING_MAX); see
   * nv_absence_batch_flush(). */
  gboolean deferred;
  /* Late checks (imports, deferred only): the employment and overlap checks
   * run when the buffer is written, in employee order; see check_pending(). */
  gboolean late;
  guint problem_line;    /* the row the last late error was about, 0 = none */
  NvStmt *insert_many;   /* our own statement, finalized on free */
  PendingSpell *pending; /* PENDING_MAX, allocated when first needed */
  guint n_pending;
  /* sort_by_employee()'s room: PENDING_MAX rows, and a count per employee
   * (ranked for n_ranked employees). */
  PendingSpell *sorted;
  guint *per_rank;
  guint n_ranked;
  /* The statistics pack's per-row trigger, dropped for a deferred batch
   * (nv_stats_pack_bulk_begin) until the final flush puts it back. */
  gboolean bulk_begun;
  char *pack_trigger;
  /* The spell_employee index, dropped when the first buffer fills (a large
   * import) and made again by the final flush; see drop_spell_index(). */
  gboolean index_allowed;
  /* Every spell's grade held exactly in its word: the import can write the
   * unit's statistics pack itself. */
  gboolean attrs_exact;
  gboolean index_tried;
  char *spell_index;
};

#define EMPLOYEES_PER_BLOCK 256

/* One spell at once (not deferred). */
gboolean nv_absence_batch_insert_one (NvAbsenceBatch *batch, gint64 employee_id, NvDay start,
                                      NvDay end, double grade, NvSpellType type, GError **error);
/* The waiting spells checked (late checks) and written. */
gboolean nv_absence_batch_flush_pending (NvAbsenceBatch *batch, const char **field, GError **error);

G_END_DECLS
