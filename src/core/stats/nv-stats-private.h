/* nv-stats-private.h — the statistics engine over several units' rows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <string.h>

#include "nv-stats.h"

G_BEGIN_DECLS

typedef struct
{
  gint64 unit_id;
  const NvRosterRow *roster;
  guint n_roster;
  /* The spells as packed (nv_stats_pack_spells), checked by
   * nv_stats_pack_spells_scan(): sorted by employee and start, one run per
   * employee. The engine reads the words directly. */
  const guint8 *spells;
  gsize spells_len;
  NvDay first_spell; /* the earliest start, NV_DAY_NONE without spells */
  const NvMonthly *monthly;
  guint n_monthly;
} NvStatsUnitData;

/* Each unit's HR months replace that unit's spells; results are summed. */
GArray *nv_stats_compute_units (const NvStatsQuery *query, const NvStatsUnitData *units,
                                guint n_units);

/* Before writes too many to track row by row (an import): the next store
 * query reads every row again, and the cache's hook stops looking at rows. */
void nv_stats_store_forget (NvStore *store);

/* ---- Packs: each unit's roster and spells as two blobs (nv-stats-pack.c) */

#define NV_STATS_PACK_FORMAT 1

GBytes *nv_stats_pack_roster (const NvRosterRow *rows, guint n);
/* One row more onto a roster blob (@out empty at first), rows by employee
 * and from, as nv_stats_pack_roster() has them. */
void nv_stats_pack_roster_add (GByteArray *out, const NvRosterRow *row);
GBytes *nv_stats_pack_spells (const NvSpell *spells, guint n);
/* Append the decoded rows to @out (element NvRosterRow / NvSpell, ids 0,
 * refs NULL); FALSE, with @out as it was, unless the blob decodes exactly. */
gboolean nv_stats_unpack_roster (const void *data, gsize len, GArray *out);
gboolean nv_stats_unpack_spells (const void *data, gsize len, GArray *out);
/* Whether the spells blob decodes exactly (as nv_stats_unpack_spells()
 * checks) and is in the engine's order: runs of strictly increasing
 * employees, starts not decreasing within a run. Sets *@n and *@first (the
 * earliest start, NV_DAY_NONE when empty). */
gboolean nv_stats_pack_spells_scan (const void *data, gsize len, guint *n, NvDay *first);
/* @spells sorted by employee and start (a sorted copy when they are not),
 * packed; for the engine. */
GBytes *nv_stats_pack_spells_sorted (const NvSpell *spells, guint n);

/* Packing spells as they are read: rows that come sorted by employee and
 * start (a unit read through the spell_employee index) go straight into
 * the pack, 8 bytes each; should one come out of order, the rest are kept
 * as rows and the whole is sorted at the end. _finish() frees the packer
 * and sets *@n and *@first (NV_DAY_NONE without spells). */
typedef struct _NvStatsPacker NvStatsPacker;
NvStatsPacker *nv_stats_packer_new (void);
void nv_stats_packer_add (NvStatsPacker *packer, const NvSpell *spell);
GBytes *nv_stats_packer_finish (NvStatsPacker *packer, guint *n, NvDay *first);
void nv_stats_packer_free (NvStatsPacker *packer);

/* Decoding a blob nv_stats_pack_spells_scan() accepted (no checks). */
#define NV_STATS_PACK_DAY_BITS 22
#define NV_STATS_PACK_DAY_MASK ((G_GUINT64_CONSTANT (1) << NV_STATS_PACK_DAY_BITS) - 1)
#define NV_STATS_PACK_SELF_BIT (G_GUINT64_CONSTANT (1) << 44)
#define NV_STATS_PACK_GRADE_SHIFT 45
#define NV_STATS_PACK_GRADE_MASK G_GUINT64_CONSTANT (0x7f)
#define NV_STATS_PACK_GRADE_F64_BIT (G_GUINT64_CONSTANT (1) << 52)

static inline guint64
nv_stats_pack_read_u64 (const guint8 *p)
{
  guint64 le;
  memcpy (&le, p, sizeof le);
  return GUINT64_FROM_LE (le);
}

static inline guint32
nv_stats_pack_read_u32 (const guint8 *p)
{
  guint32 le;
  memcpy (&le, p, sizeof le);
  return GUINT32_FROM_LE (le);
}

/* The run header at @p: its employee and number of spells; returns what follows. */
static inline const guint8 *
nv_stats_pack_run (const guint8 *p, gint64 *employee, guint32 *k)
{
  *employee = (gint64) nv_stats_pack_read_u64 (p);
  *k = nv_stats_pack_read_u32 (p + 8);
  return p + 12;
}

/* One spell at @p; returns what follows. */
static inline const guint8 *
nv_stats_pack_spell (const guint8 *p, NvDay *start, NvDay *end, double *grade, gboolean *self)
{
  guint64 word = nv_stats_pack_read_u64 (p);

  *start = (NvDay) (word & NV_STATS_PACK_DAY_MASK);
  *end = (NvDay) ((word >> NV_STATS_PACK_DAY_BITS) & NV_STATS_PACK_DAY_MASK);
  *self = (word & NV_STATS_PACK_SELF_BIT) != 0;
  if (word & NV_STATS_PACK_GRADE_F64_BIT)
    {
      guint64 bits = nv_stats_pack_read_u64 (p + 8);
      memcpy (grade, &bits, sizeof bits);
      return p + 16;
    }
  *grade = (double) ((word >> NV_STATS_PACK_GRADE_SHIFT) & NV_STATS_PACK_GRADE_MASK);
  return p + 8;
}

typedef void (*NvStatsPackFunc) (gint64 unit_id, const void *roster, gsize roster_len,
                                 const void *spells, gsize spells_len, gpointer data);
/* Calls @func for the pack of @unit_id, or of every unit when @unit_id is 0
 * (packs of another format are skipped). The blobs are valid during the call. */
gboolean nv_stats_pack_foreach (NvStore *store, gint64 unit_id, NvStatsPackFunc func,
                                gpointer data, GError **error);
/* Writes (replaces) @unit_id's pack; @roster sorted by employee and from,
 * @spells by employee and start. */
gboolean nv_stats_pack_store (NvStore *store, gint64 unit_id, const NvRosterRow *roster,
                              guint n_roster, const NvSpell *spells, guint n_spells,
                              GError **error);
/* The same with the spells already packed (@spells from nv_stats_pack_spells). */
gboolean nv_stats_pack_store_packed (NvStore *store, gint64 unit_id, const NvRosterRow *roster,
                                     guint n_roster, GBytes *spells, GError **error);

/* A pack written in pieces, its spells given in the engine's order (an
 * import that holds them in memory, nv-absence-batch-write.c): runs of
 * increasing employees, each with its spells by start, every grade a whole
 * percent. The blob is made at its full length first (@n_runs runs of
 * @n_spells spells in all) and filled in place; _finish() fails unless
 * exactly that was given. SQLite only. */
typedef struct _NvStatsPackWriter NvStatsPackWriter;
NvStatsPackWriter *nv_stats_pack_writer_new (NvStore *store, gint64 unit_id, GBytes *roster,
                                             guint n_spells, guint n_runs, GError **error);
gboolean nv_stats_pack_writer_run (NvStatsPackWriter *w, gint64 employee_id, guint n,
                                   GError **error);
gboolean nv_stats_pack_writer_spell (NvStatsPackWriter *w, NvDay start, NvDay end, gboolean self,
                                     guint grade, GError **error);
gboolean nv_stats_pack_writer_finish (NvStatsPackWriter *w, GError **error);
void nv_stats_pack_writer_free (NvStatsPackWriter *w);

/* One spell's word when its grade is a whole percent (0–127). */
static inline guint64
nv_stats_pack_word (NvDay start, NvDay end, gboolean self, guint grade)
{
  return ((guint64) start & NV_STATS_PACK_DAY_MASK)
         | (((guint64) end & NV_STATS_PACK_DAY_MASK) << NV_STATS_PACK_DAY_BITS)
         | (self ? NV_STATS_PACK_SELF_BIT : 0)
         | (((guint64) grade & NV_STATS_PACK_GRADE_MASK) << NV_STATS_PACK_GRADE_SHIFT);
}

/* Bulk inserts of @unit_id's spells inside the caller's transaction (an
 * import): deletes the unit's pack once and drops the trigger that would
 * otherwise run for every row; *@saved gets what puts it back, NULL when
 * nothing was dropped (no transaction open, or no such trigger — another
 * unit's bulk insert in the same transaction dropped it: the pack is
 * deleted all the same). Call
 * nv_stats_pack_bulk_end() (it takes @saved) before committing; a rollback
 * restores the trigger by itself. */
gboolean nv_stats_pack_bulk_begin (NvStore *store, gint64 unit_id, char **saved,
                                   GError **error);
gboolean nv_stats_pack_bulk_end (NvStore *store, char *saved, GError **error);

/* The triggers migrations/008 made (all of them keep the packs true). */
#define NV_STATS_PACK_TRIGGERS 8
/* Whether every one of them is there, so packs can be believed (and
 * written): FALSE, without @error, inside a bulk insert or when someone
 * dropped one; FALSE with @error on a database error. */
gboolean nv_stats_pack_trusted (NvStore *store, GError **error);

G_END_DECLS
