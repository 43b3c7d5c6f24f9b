/* nv-stats-server.c — a shared store's spells, packed by the server.
 *
 * Sent as rows, the 450 000 spells of a municipality cost the server, libpq
 * and us several times what computing with them costs. Server schema 7
 * (007-stats-spells.sql) keeps each unit's roster and spells packed, one
 * row per unit in naervaer.stats_pack, in the layout the engine reads
 * (big-endian there): a query reads 500 rows instead of 450 000 and turns
 * each into the engine's little-endian form in one pass, checked as a
 * local pack is. The server keeps the packs true (triggers delete a unit's
 * pack with any change of its rows, in the same transaction, and a lock
 * per unit keeps a pack from being built from a snapshot a writer is about
 * to outdate). Units without one get it built — by
 * naervaer.stats_pack_build(), from the rows, never inside a transaction
 * of ours — and units still without one (a writer at work, or we are
 * inside a transaction) are read as rows: the roster by nv-stats-load.c,
 * the spells through naervaer.stats_spells(), a row per employee, the
 * spells in no particular order, sorted here. Row-level security applies
 * to every read: a login gets the packs and rows of the units it may see.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-stats"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "nv-stats-server.h"
#include "nv-store-private.h"

static gboolean packing_off;

void
nv_stats_server_set_packing (gboolean pack)
{
  packing_off = !pack;
}

gboolean
nv_stats_server_packing (NvStore *store)
{
  return nv_store_is_shared (store) && !packing_off;
}

/* 0001-01-01 to 9999-12-31, as the spell table's CHECK allows. */
#define DAY_LAST 3652059

static guint64
read_be64 (const guint8 *p)
{
  guint64 be;

  memcpy (&be, p, sizeof be);
  return GUINT64_FROM_BE (be);
}

/* The @n spells in @words (@len bytes) of @employee, appended to @out;
 * FALSE unless they decode exactly into spells the table allows. */
static gboolean
decode_words (gint64 employee, const guint8 *words, gsize len, gint64 n, GArray *out)
{
  const guint8 *p = words, *end = words + len;

  if (n <= 0 || len / 8 < (guint64)n)
    return FALSE;
  for (gint64 i = 0; i < n; i++)
    {
      NvSpell s = { 0, employee, NULL, 0, 0, 0, NV_SPELL_DOCTOR };
      guint64 word;

      if (end - p < 8)
        return FALSE;
      word = read_be64 (p);
      p += 8;
      s.start = (NvDay)(word & NV_STATS_PACK_DAY_MASK);
      s.end = (NvDay)((word >> NV_STATS_PACK_DAY_BITS) & NV_STATS_PACK_DAY_MASK);
      s.type = word & NV_STATS_PACK_SELF_BIT ? NV_SPELL_SELF : NV_SPELL_DOCTOR;
      if (word & NV_STATS_PACK_GRADE_F64_BIT)
        {
          guint64 bits;

          if (end - p < 8)
            return FALSE;
          bits = read_be64 (p);
          p += 8;
          memcpy (&s.grade, &bits, sizeof bits);
        }
      else
        s.grade = (double)((word >> NV_STATS_PACK_GRADE_SHIFT) & NV_STATS_PACK_GRADE_MASK);
      if (s.start < 1 || s.start > DAY_LAST
          || (s.end != NV_DAY_NONE && (s.end < s.start || s.end > DAY_LAST))
          || !(s.grade >= 20 && s.grade <= 100) || (word >> 53) != 0)
        return FALSE;
      g_array_append_val (out, s);
    }
  return p == end;
}

/* By start, then the rest, so equal starts come in one order always. */
static gboolean
spell_before (const NvSpell *a, const NvSpell *b)
{
  if (a->start != b->start)
    return a->start < b->start;
  if (a->end != b->end)
    return a->end < b->end;
  if (a->grade != b->grade)
    return a->grade < b->grade;
  return a->type < b->type;
}

static int
cmp_spells (const void *a, const void *b)
{
  return spell_before (a, b) ? -1 : spell_before (b, a) ? 1 : 0;
}

/* An employee's spells: insertion sort for the usual few. */
static void
sort_spells (NvSpell *s, guint n)
{
  if (n > 64)
    {
      qsort (s, n, sizeof *s, cmp_spells);
      return;
    }
  for (guint i = 1; i < n; i++)
    {
      NvSpell x = s[i];
      guint j = i;

      while (j > 0 && spell_before (&x, &s[j - 1]))
        {
          s[j] = s[j - 1];
          j--;
        }
      s[j] = x;
    }
}

/* The units being read, as the server's array literal: {1,2,3}. */
static char *
units_being_read (NvStatsCache *c)
{
  GString *out = g_string_new ("{");

  for (guint i = 0; i < c->units->len; i++)
    {
      NvStatsUnitRows *u = NV_STATS_UNIT (c, i);

      if (!u->loaded && u->reading != NULL)
        g_string_append_printf (out, "%s%" G_GINT64_FORMAT, out->len > 1 ? "," : "", u->unit_id);
    }
  g_string_append_c (out, '}');
  return g_string_free (out, FALSE);
}

/* The unit @unit_id when it is being read. */
static NvStatsUnitRows *
unit_being_read (NvStatsCache *c, gint64 unit_id)
{
  gpointer pos = g_hash_table_lookup (c->index, &unit_id);
  NvStatsUnitRows *u = pos != NULL ? NV_STATS_UNIT (c, GPOINTER_TO_UINT (pos) - 1) : NULL;

  return u != NULL && !u->loaded && u->reading != NULL ? u : NULL;
}

static gboolean
cannot_read (GError **error)
{
  g_set_error (error, NV_STORE_ERROR, NV_STORE_ERROR_CORRUPT,
               _ ("The database server sent absence spells Nærvær cannot read. "
                  "The municipality’s IT may need to run “naervaer-cli server init”."));
  return FALSE;
}

static void
put_le64 (guint8 *q, guint64 v)
{
  v = GUINT64_TO_LE (v);
  memcpy (q, &v, sizeof v);
}

/* A server pack of @n spells (@len bytes, big-endian) as the engine's
 * pack, or NULL unless it converts exactly. */
static GBytes *
pack_from_server (const guint8 *p, gsize len, gint64 n)
{
  const guint8 *end = p + len;
  guint8 *out, *q;
  gint64 seen = 0;
  guint32 le;

  if (n < 0 || n > G_MAXUINT32 || len > G_MAXSIZE - 4)
    return NULL;
  out = q = g_malloc (len + 4);
  le = GUINT32_TO_LE ((guint32)n);
  memcpy (q, &le, 4);
  q += 4;
  while (p < end)
    {
      guint32 k;

      if (end - p < 12)
        goto bad;
      put_le64 (q, read_be64 (p));
      memcpy (&k, p + 8, 4);
      k = GUINT32_FROM_BE (k);
      le = GUINT32_TO_LE (k);
      memcpy (q + 8, &le, 4);
      p += 12;
      q += 12;
      for (guint32 j = 0; j < k; j++)
        {
          guint64 word;

          if (end - p < 8)
            goto bad;
          word = read_be64 (p);
          put_le64 (q, word);
          p += 8;
          q += 8;
          if (word & NV_STATS_PACK_GRADE_F64_BIT)
            {
              if (end - p < 8)
                goto bad;
              put_le64 (q, read_be64 (p));
              p += 8;
              q += 8;
            }
        }
      seen += k;
    }
  if (seen != n)
    goto bad;
  return g_bytes_new_take (out, len + 4);

bad:
  g_free (out);
  return NULL;
}

/* A server roster pack of @n rows (@len bytes, big-endian) appended to
 * @out; FALSE unless it converts and decodes exactly. */
static gboolean
roster_from_server (const guint8 *p, gsize len, gint64 n, GArray *out)
{
  g_autofree guint8 *le = NULL;
  guint32 count;

  if (n < 0 || (guint64)n > G_MAXUINT32 || len != (guint64)n * 24)
    return FALSE;
  le = g_malloc (len + 4);
  count = GUINT32_TO_LE ((guint32)n);
  memcpy (le, &count, 4);
  for (gsize i = 0; i < len; i += 24)
    {
      guint32 from, to;

      put_le64 (le + 4 + i, read_be64 (p + i));
      memcpy (&from, p + i + 8, 4);
      memcpy (&to, p + i + 12, 4);
      from = GUINT32_TO_LE (GUINT32_FROM_BE (from));
      to = GUINT32_TO_LE (GUINT32_FROM_BE (to));
      memcpy (le + 4 + i + 8, &from, 4);
      memcpy (le + 4 + i + 12, &to, 4);
      put_le64 (le + 4 + i + 16, read_be64 (p + i + 16));
    }
  return nv_stats_unpack_roster (le, len + 4, out);
}

/* The ids of @unit_ids not loaded yet, as the server's array literal, or
 * NULL when there are none. */
static char *
units_not_loaded (NvStatsCache *c, GArray *unit_ids)
{
  GString *out = g_string_new ("{");

  for (guint i = 0; i < unit_ids->len; i++)
    {
      gint64 id = g_array_index (unit_ids, gint64, i);
      gpointer pos = g_hash_table_lookup (c->index, &id);

      if (pos != NULL && !NV_STATS_UNIT (c, GPOINTER_TO_UINT (pos) - 1)->loaded)
        g_string_append_printf (out, "%s%" G_GINT64_FORMAT, out->len > 1 ? "," : "", id);
    }
  if (out->len == 1)
    {
      g_string_free (out, TRUE);
      return NULL;
    }
  g_string_append_c (out, '}');
  return g_string_free (out, FALSE);
}

/* The packs of @units (not loaded) that have one: roster and spells. */
static gboolean
read_packs (NvStore *store, NvStatsCache *c, const char *units, GError **error)
{
  NvStmt *stmt = nv_store_prepare (store,
                                   "SELECT unit_id, n_roster, roster, n_spells, spells "
                                   "FROM naervaer.stats_pack WHERE unit_id = ANY (?1)",
                                   error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  nv_stmt_bind_text (stmt, 1, units);
  while ((rc = nv_stmt_step (stmt)) == NV_ROW)
    {
      gint64 unit_id = nv_stmt_column_int64 (stmt, 0);
      gpointer pos = g_hash_table_lookup (c->index, &unit_id);
      NvStatsUnitRows *u = pos != NULL ? NV_STATS_UNIT (c, GPOINTER_TO_UINT (pos) - 1) : NULL;
      const guint8 *roster = nv_stmt_column_blob (stmt, 2);
      gsize roster_len = nv_stmt_column_bytes (stmt, 2);
      const guint8 *spells;
      gsize spells_len;
      g_autoptr (GBytes) pack = NULL;
      guint n;
      NvDay first;

      if (u == NULL || u->loaded)
        continue;
      g_array_set_size (u->roster, 0);
      if (!roster_from_server (roster != NULL ? roster : (const guint8 *)"", roster_len,
                               nv_stmt_column_int64 (stmt, 1), u->roster))
        goto bad;
      spells = nv_stmt_column_blob (stmt, 4);
      spells_len = nv_stmt_column_bytes (stmt, 4);
      pack = pack_from_server (spells != NULL ? spells : (const guint8 *)"", spells_len,
                               nv_stmt_column_int64 (stmt, 3));
      if (pack == NULL
          || !nv_stats_pack_spells_scan (g_bytes_get_data (pack, NULL), g_bytes_get_size (pack), &n,
                                         &first))
        goto bad;
      g_clear_pointer (&u->reading, nv_stats_packer_free);
      g_clear_pointer (&u->spells, g_bytes_unref);
      u->spells = g_steal_pointer (&pack);
      u->n_spells = n;
      u->first_spell = first;
      u->loaded = TRUE;
    }
  nv_stmt_reset (stmt);
  if (rc != NV_DONE)
    return nv_store_set_sql_error (store, error);
  return TRUE;

bad:
  nv_stmt_reset (stmt);
  return cannot_read (error);
}

/* Asks the server to pack @units; how many it made (0 on failure: the
 * packs are only a copy, without them the rows are read). */
static gint64
build_packs (NvStore *store, const char *units)
{
  g_autoptr (GError) error = NULL;
  NvStmt *stmt = nv_store_prepare (store, "SELECT naervaer.stats_pack_build (?1)", &error);
  gint64 made = 0;

  if (stmt != NULL)
    {
      nv_stmt_bind_text (stmt, 1, units);
      if (nv_stmt_step (stmt) == NV_ROW)
        made = nv_stmt_column_int64 (stmt, 0);
      else
        nv_store_set_sql_error (store, &error);
      nv_stmt_reset (stmt);
    }
  if (error != NULL)
    g_debug ("statistics packs not built on the server: %s", error->message);
  return made;
}

gboolean
nv_stats_server_load_packs (NvStore *store, NvStatsCache *c, GArray *unit_ids, GError **error)
{
  g_autofree char *units = units_not_loaded (c, unit_ids);
  g_autofree char *missing = NULL;

  if (units == NULL)
    return TRUE;
  if (!read_packs (store, c, units, error))
    return FALSE;
  missing = units_not_loaded (c, unit_ids);
  /* Never inside our transaction: its rollback would take them along, and
   * the locks would last as long as it does. */
  if (missing == NULL || nv_store_in_transaction (store) || build_packs (store, missing) == 0)
    return TRUE;
  return read_packs (store, c, missing, error);
}

/* The spells of the units being read without a pack, a row per employee. */
static gboolean
read_spells (NvStore *store, NvStatsCache *c, GError **error)
{
  g_autoptr (GArray) spells = g_array_new (FALSE, FALSE, sizeof (NvSpell));
  g_autofree char *units = units_being_read (c);
  NvStmt *stmt;
  int rc;

  if (strcmp (units, "{}") == 0)
    return TRUE;
  stmt = nv_store_prepare (store,
                           "SELECT unit_id, employee_id, spells, words "
                           "FROM naervaer.stats_spells (?1)",
                           error);
  if (stmt == NULL)
    return FALSE;
  nv_stmt_bind_text (stmt, 1, units);
  while ((rc = nv_stmt_step (stmt)) == NV_ROW)
    {
      NvStatsUnitRows *u = unit_being_read (c, nv_stmt_column_int64 (stmt, 0));
      gint64 employee = nv_stmt_column_int64 (stmt, 1);
      gint64 n = nv_stmt_column_int64 (stmt, 2);
      const guint8 *words = nv_stmt_column_blob (stmt, 3);
      gsize len = nv_stmt_column_bytes (stmt, 3);

      if (u == NULL)
        continue;
      g_array_set_size (spells, 0);
      if (words == NULL || !decode_words (employee, words, len, n, spells))
        {
          nv_stmt_reset (stmt);
          return cannot_read (error);
        }
      sort_spells ((NvSpell *)(void *)spells->data, spells->len);
      for (guint i = 0; i < spells->len; i++)
        nv_stats_packer_add (u->reading, &g_array_index (spells, NvSpell, i));
    }
  nv_stmt_reset (stmt);
  if (rc != NV_DONE)
    return nv_store_set_sql_error (store, error);
  return TRUE;
}

gboolean
nv_stats_server_read_spells (NvStore *store, NvStatsCache *c, GError **error)
{
  return read_spells (store, c, error);
}
