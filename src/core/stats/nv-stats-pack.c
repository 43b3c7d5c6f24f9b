/* nv-stats-pack.c — each unit's roster and spells as two blobs (schema 8).
 *
 * The statistics for every unit read all their spells; one row per spell
 * costs about 0.2 µs in SQLite's cursor and column calls, so 540 000 spells
 * take 100 ms before anything is computed. The same rows packed into one
 * blob per unit read in a few milliseconds. The pack is a derived copy:
 * triggers (migrations/008-stats-pack.sql) delete it whenever a row it was
 * made from changes, and it is made again from the tables when missing.
 *
 * Layout, little-endian, versioned by the format column:
 *   roster: u32 n, then n × { i64 employee, i32 from, i32 to (0 ongoing), f64 fte }
 *   spells: u32 n, then runs { i64 employee, u32 k, k × spell } with
 *     spell = u64 word: bits 0–21 start, 22–43 end (0 open), 44 egenmeldt,
 *             45–51 grade when a whole percent, 52 set when an f64 grade follows.
 * Anything that does not decode exactly (a damaged or foreign blob) counts
 * as missing, so the rows are read from the tables again.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-stats"

#include "config.h"

#include <math.h>
#include <string.h>

#include "nv-stats-private.h"
#include "nv-store-private.h"
#include "nv-store-sqlite.h"

#define DAY_BITS NV_STATS_PACK_DAY_BITS
#define DAY_MASK NV_STATS_PACK_DAY_MASK
#define SELF_BIT NV_STATS_PACK_SELF_BIT
#define GRADE_SHIFT NV_STATS_PACK_GRADE_SHIFT
#define GRADE_MASK NV_STATS_PACK_GRADE_MASK
#define GRADE_F64_BIT NV_STATS_PACK_GRADE_F64_BIT
#define ROSTER_SIZE 24

/* ---- Writing ------------------------------------------------------------ */

static void
put_u32 (GByteArray *out, guint32 v)
{
  guint32 le = GUINT32_TO_LE (v);
  g_byte_array_append (out, (const guint8 *) &le, sizeof le);
}

static void
put_u64 (GByteArray *out, guint64 v)
{
  guint64 le = GUINT64_TO_LE (v);
  g_byte_array_append (out, (const guint8 *) &le, sizeof le);
}

static void
put_f64 (GByteArray *out, double v)
{
  guint64 bits;
  memcpy (&bits, &v, sizeof bits);
  put_u64 (out, bits);
}

/* One spell's word (and its f64 grade when not a whole percent). */
static void
put_spell (GByteArray *out, const NvSpell *s)
{
  gboolean whole = s->grade == floor (s->grade) && s->grade >= 0 && s->grade <= 127;
  guint64 word = nv_stats_pack_word (s->start, s->end, s->type == NV_SPELL_SELF,
                                     whole ? (guint) s->grade : 0);

  if (!whole)
    word |= GRADE_F64_BIT;
  put_u64 (out, word);
  if (!whole)
    put_f64 (out, s->grade);
}

void
nv_stats_pack_roster_add (GByteArray *out, const NvRosterRow *row)
{
  guint32 n;

  if (out->len == 0)
    put_u32 (out, 0);
  put_u64 (out, (guint64) row->employee_id);
  put_u32 (out, row->from);
  put_u32 (out, row->to);
  put_f64 (out, row->fte);
  n = GUINT32_TO_LE ((out->len - 4) / ROSTER_SIZE);
  memcpy (out->data, &n, sizeof n);
}

GBytes *
nv_stats_pack_roster (const NvRosterRow *rows, guint n)
{
  GByteArray *out = g_byte_array_sized_new (4 + n * ROSTER_SIZE);

  put_u32 (out, n);
  for (guint i = 0; i < n; i++)
    nv_stats_pack_roster_add (out, &rows[i]);
  return g_byte_array_free_to_bytes (out);
}

GBytes *
nv_stats_pack_spells (const NvSpell *spells, guint n)
{
  GByteArray *out = g_byte_array_sized_new (4 + n * 8 + 64);
  guint i = 0;

  put_u32 (out, n);
  while (i < n)
    {
      guint k = 1;

      while (i + k < n && spells[i + k].employee_id == spells[i].employee_id)
        k++;
      put_u64 (out, (guint64) spells[i].employee_id);
      put_u32 (out, k);
      for (guint j = i; j < i + k; j++)
        put_spell (out, &spells[j]);
      i += k;
    }
  return g_byte_array_free_to_bytes (out);
}

static int
cmp_spell_ptr (const void *a, const void *b)
{
  const NvSpell *x = *(NvSpell *const *) a;
  const NvSpell *y = *(NvSpell *const *) b;

  if (x->employee_id != y->employee_id)
    return x->employee_id < y->employee_id ? -1 : 1;
  return x->start < y->start ? -1 : x->start > y->start;
}

GBytes *
nv_stats_pack_spells_sorted (const NvSpell *spells, guint n)
{
  g_autofree const NvSpell **order = NULL;
  g_autofree NvSpell *copy = NULL;

  for (guint i = 1; i < n; i++)
    if (spells[i - 1].employee_id > spells[i].employee_id ||
        (spells[i - 1].employee_id == spells[i].employee_id &&
         spells[i - 1].start > spells[i].start))
      {
        order = g_new (const NvSpell *, n);
        copy = g_new (NvSpell, n);
        for (guint j = 0; j < n; j++)
          order[j] = &spells[j];
        qsort (order, n, sizeof *order, cmp_spell_ptr);
        for (guint j = 0; j < n; j++)
          copy[j] = *order[j];
        return nv_stats_pack_spells (copy, n);
      }
  return nv_stats_pack_spells (spells, n);
}

/* ---- Packing rows as they are read ---------------------------------------- */

struct _NvStatsPacker
{
  GByteArray *out;  /* the pack so far: the count (set at the end), runs */
  guint n;          /* spells in it */
  gint64 employee;  /* of the open run */
  gsize run_count;  /* where the open run's k is */
  guint32 k;        /* spells in the open run */
  NvDay last_start; /* of the run's last spell */
  NvDay first;      /* the earliest start */
  GArray *unsorted; /* NvSpell, once a row came out of order; out is NULL then */
};

NvStatsPacker *
nv_stats_packer_new (void)
{
  NvStatsPacker *p = g_new0 (NvStatsPacker, 1);

  p->out = g_byte_array_sized_new (4096);
  put_u32 (p->out, 0);
  p->first = NV_DAY_NONE;
  return p;
}

void
nv_stats_packer_free (NvStatsPacker *p)
{
  if (p == NULL)
    return;
  if (p->out != NULL)
    g_byte_array_unref (p->out);
  if (p->unsorted != NULL)
    g_array_unref (p->unsorted);
  g_free (p);
}

/* The open run's k and the count, as far as the pack goes. */
static void
packer_close (NvStatsPacker *p)
{
  guint32 k = GUINT32_TO_LE (p->k);
  guint32 n = GUINT32_TO_LE (p->n);

  if (p->k > 0)
    memcpy (p->out->data + p->run_count, &k, sizeof k);
  memcpy (p->out->data, &n, sizeof n);
}

void
nv_stats_packer_add (NvStatsPacker *p, const NvSpell *s)
{
  if (p->first == NV_DAY_NONE || s->start < p->first)
    p->first = s->start;
  if (p->unsorted == NULL && p->n > 0 &&
      (s->employee_id < p->employee || (s->employee_id == p->employee && s->start < p->last_start)))
    {
      /* Out of order (a plain scan of the table): the rest is kept as
       * rows and sorted at the end. */
      packer_close (p);
      p->unsorted = g_array_sized_new (FALSE, FALSE, sizeof (NvSpell), p->n + 1);
      if (!nv_stats_unpack_spells (p->out->data, p->out->len, p->unsorted))
        g_warn_if_reached ();
      g_clear_pointer (&p->out, g_byte_array_unref);
    }
  if (p->unsorted != NULL)
    {
      g_array_append_val (p->unsorted, *s);
      return;
    }
  if (p->n == 0 || s->employee_id != p->employee)
    {
      packer_close (p);
      p->employee = s->employee_id;
      put_u64 (p->out, (guint64) s->employee_id);
      p->run_count = p->out->len;
      put_u32 (p->out, 0);
      p->k = 0;
    }
  put_spell (p->out, s);
  p->k++;
  p->n++;
  p->last_start = s->start;
}

GBytes *
nv_stats_packer_finish (NvStatsPacker *p, guint *n, NvDay *first)
{
  GBytes *bytes;

  *first = p->first;
  if (p->unsorted != NULL)
    {
      *n = p->unsorted->len;
      bytes = nv_stats_pack_spells_sorted ((const NvSpell *) (void *) p->unsorted->data,
                                           p->unsorted->len);
    }
  else
    {
      packer_close (p);
      *n = p->n;
      bytes = g_byte_array_free_to_bytes (g_steal_pointer (&p->out));
    }
  nv_stats_packer_free (p);
  return bytes;
}

/* ---- Reading ------------------------------------------------------------ */

typedef struct
{
  const guint8 *p;
  const guint8 *end;
} Reader;

/* Copies the next @size bytes; FALSE where the data runs short. */
static gboolean
take (Reader *r, void *dest, gsize size)
{
  if ((gsize) (r->end - r->p) < size)
    return FALSE;
  memcpy (dest, r->p, size);
  r->p += size;
  return TRUE;
}

static gboolean
get_u32 (Reader *r, guint32 *v)
{
  guint32 le;

  if (!take (r, &le, sizeof le))
    return FALSE;
  *v = GUINT32_FROM_LE (le);
  return TRUE;
}

static gboolean
get_u64 (Reader *r, guint64 *v)
{
  guint64 le;

  if (!take (r, &le, sizeof le))
    return FALSE;
  *v = GUINT64_FROM_LE (le);
  return TRUE;
}

static gboolean
get_f64 (Reader *r, double *v)
{
  guint64 bits;

  if (!get_u64 (r, &bits))
    return FALSE;
  memcpy (v, &bits, sizeof bits);
  return TRUE;
}

/* 0001-01-01 to 9999-12-31, as the spell table's CHECK allows. */
#define DAY_LAST 3652059

static gboolean
day_ok (guint64 day)
{
  return day >= 1 && day <= DAY_LAST;
}

/* One spell's word (and its f64 grade), checked as the spell table's
 * CHECKs would; FALSE where it runs short or is damaged. */
G_ALWAYS_INLINE static inline gboolean
get_spell (Reader *r, guint64 *start, guint64 *end, double *grade, gboolean *self)
{
  guint64 word;

  if (!get_u64 (r, &word))
    return FALSE;
  *start = word & DAY_MASK;
  *end = (word >> DAY_BITS) & DAY_MASK;
  *self = (word & SELF_BIT) != 0;
  if (word & GRADE_F64_BIT)
    {
      if (!get_f64 (r, grade))
        return FALSE;
    }
  else
    *grade = (double) ((word >> GRADE_SHIFT) & GRADE_MASK);
  return day_ok (*start) && (*end == NV_DAY_NONE || (day_ok (*end) && *end >= *start)) &&
         *grade >= 20 && *grade <= 100 && (word >> 53) == 0;
}

gboolean
nv_stats_unpack_roster (const void *data, gsize len, GArray *out)
{
  Reader r = { data, (const guint8 *) data + len };
  guint base = out->len;
  guint32 n;

  if (data == NULL || !get_u32 (&r, &n) || (gsize) (r.end - r.p) != (gsize) n * ROSTER_SIZE)
    return FALSE;
  g_array_set_size (out, base + n);
  for (guint i = 0; i < n; i++)
    {
      NvRosterRow *row = &g_array_index (out, NvRosterRow, base + i);
      guint64 emp = 0;
      guint32 from = 0, to = 0;
      double fte = 0;

      /* (the length was checked above: these cannot run short) */
      get_u64 (&r, &emp);
      get_u32 (&r, &from);
      get_u32 (&r, &to);
      get_f64 (&r, &fte);
      *row = (NvRosterRow) { 0, (gint64) emp, NULL, fte, from, to };
      if (!day_ok (from) || (to != NV_DAY_NONE && (!day_ok (to) || to < from)) ||
          !(fte >= 1 && fte <= 100))
        goto bad;
    }
  return TRUE;

bad:
  g_array_set_size (out, base);
  return FALSE;
}

gboolean
nv_stats_unpack_spells (const void *data, gsize len, GArray *out)
{
  Reader r = { data, (const guint8 *) data + len };
  guint base = out->len;
  guint32 n;
  guint i = 0;

  /* Each spell takes at least 8 bytes: a count beyond that is damage. */
  if (data == NULL || !get_u32 (&r, &n) || (gsize) n > (gsize) (r.end - r.p) / 8)
    return FALSE;
  g_array_set_size (out, base + n);
  while (i < n)
    {
      guint64 emp;
      guint32 k;

      if (!get_u64 (&r, &emp) || !get_u32 (&r, &k) || k == 0 || k > n - i)
        goto bad;
      for (guint j = 0; j < k; j++, i++)
        {
          NvSpell *s = &g_array_index (out, NvSpell, base + i);
          guint64 start, end;
          double grade;
          gboolean self;

          if (!get_spell (&r, &start, &end, &grade, &self))
            goto bad;
          *s = (NvSpell) { 0, (gint64) emp, NULL, (NvDay) start, (NvDay) end, grade,
                           self ? NV_SPELL_SELF : NV_SPELL_DOCTOR };
        }
    }
  if (r.p != r.end)
    goto bad;
  return TRUE;

bad:
  g_array_set_size (out, base);
  return FALSE;
}

gboolean
nv_stats_pack_spells_scan (const void *data, gsize len, guint *n_out, NvDay *first)
{
  Reader r = { data, (const guint8 *) data + len };
  guint32 n;
  guint i = 0;
  gboolean have_emp = FALSE;
  guint64 last_emp = 0;

  *n_out = 0;
  *first = NV_DAY_NONE;
  if (data == NULL || !get_u32 (&r, &n) || (gsize) n > (gsize) (r.end - r.p) / 8)
    return FALSE;
  while (i < n)
    {
      guint64 emp;
      guint32 k;
      guint64 last_start = 0;

      if (!get_u64 (&r, &emp) || !get_u32 (&r, &k) || k == 0 || k > n - i)
        return FALSE;
      if (have_emp && (gint64) emp <= (gint64) last_emp)
        return FALSE;
      have_emp = TRUE;
      last_emp = emp;
      for (guint j = 0; j < k; j++, i++)
        {
          guint64 start, end;
          double grade;
          gboolean self;

          if (!get_spell (&r, &start, &end, &grade, &self) || start < last_start)
            return FALSE;
          last_start = start;
          if (*first == NV_DAY_NONE || start < *first)
            *first = (NvDay) start;
        }
    }
  if (r.p != r.end)
    return FALSE;
  *n_out = n;
  return TRUE;
}

/* ---- The stats_pack table ----------------------------------------------- */

gboolean
nv_stats_pack_foreach (NvStore *store, gint64 unit_id, NvStatsPackFunc func, gpointer data,
                       GError **error)
{
  NvStmt *stmt;
  int rc;

  if (unit_id > 0)
    {
      stmt = nv_store_prepare (store,
                               "SELECT unit_id, roster, spells FROM stats_pack "
                               "WHERE unit_id = ?1 AND format = ?2",
                               error);
      if (stmt == NULL)
        return FALSE;
      nv_stmt_bind_int64 (stmt, 1, unit_id);
    }
  else
    {
      stmt = nv_store_prepare (store,
                               "SELECT unit_id, roster, spells FROM stats_pack WHERE format = ?2",
                               error);
      if (stmt == NULL)
        return FALSE;
    }
  nv_stmt_bind_int (stmt, 2, NV_STATS_PACK_FORMAT);
  while ((rc = nv_stmt_step (stmt)) == NV_ROW)
    {
      const void *roster = nv_stmt_column_blob (stmt, 1);
      int roster_len = nv_stmt_column_bytes (stmt, 1);
      const void *spells = nv_stmt_column_blob (stmt, 2);
      int spells_len = nv_stmt_column_bytes (stmt, 2);

      func (nv_stmt_column_int64 (stmt, 0), roster, (gsize) roster_len, spells,
            (gsize) spells_len, data);
    }
  nv_stmt_reset (stmt);
  if (rc != NV_DONE)
    return nv_store_set_sql_error (store, error);
  return TRUE;
}

gboolean
nv_stats_pack_store (NvStore *store, gint64 unit_id, const NvRosterRow *roster, guint n_roster,
                     const NvSpell *spells, guint n_spells, GError **error)
{
  g_autoptr (GBytes) s = nv_stats_pack_spells (spells, n_spells);

  return nv_stats_pack_store_packed (store, unit_id, roster, n_roster, s, error);
}

/* The spells blob goes in as zeros of its length and is then written in
 * place: bound as a value, SQLite would copy it twice (the binding and the
 * record) — 3 × 24 MB for three million spells. */
static gboolean
write_spells_in_place (NvStore *store, gint64 unit_id, GBytes *s, GError **error)
{
  sqlite3 *db = nv_store_get_db (store);
  sqlite3_blob *blob = NULL;
  gsize len;
  const void *data = g_bytes_get_data (s, &len);
  int rc;

  rc = sqlite3_blob_open (db, "main", "stats_pack", "spells", unit_id, 1, &blob);
  if (rc == SQLITE_OK)
    rc = sqlite3_blob_write (blob, data, (int) len, 0);
  if (rc != SQLITE_OK)
    g_set_error (error, NV_STORE_ERROR, NV_STORE_ERROR_SQL, "%s", sqlite3_errmsg (db));
  sqlite3_blob_close (blob);
  return rc == SQLITE_OK;
}

/* @unit_id's pack row with @roster and, when @s is NULL, zeros of
 * @spells_len for its spells (written in place afterwards). */
static gboolean
insert_pack_row (NvStore *store, gint64 unit_id, const NvRosterRow *roster, guint n_roster,
                 GBytes *s, gsize spells_len, GError **error)
{
  g_autoptr (GBytes) r = nv_stats_pack_roster (roster, n_roster);
  NvStmt *stmt = nv_store_prepare (store,
                                   s == NULL ? "INSERT OR REPLACE INTO stats_pack "
                                               "(unit_id, format, roster, spells) "
                                               "VALUES (?1, ?2, ?3, zeroblob (?4))"
                                             : "INSERT OR REPLACE INTO stats_pack "
                                               "(unit_id, format, roster, spells) "
                                               "VALUES (?1, ?2, ?3, ?4)",
                                   error);
  gsize rl;
  const void *rd = g_bytes_get_data (r, &rl);

  if (stmt == NULL)
    return FALSE;
  nv_stmt_bind_int64 (stmt, 1, unit_id);
  nv_stmt_bind_int (stmt, 2, NV_STATS_PACK_FORMAT);
  nv_stmt_bind_blob (stmt, 3, rd, rl);
  if (s == NULL)
    nv_stmt_bind_int64 (stmt, 4, (gint64) spells_len);
  else
    {
      gsize sl;
      const void *sd = g_bytes_get_data (s, &sl);
      nv_stmt_bind_blob (stmt, 4, sd, sl);
    }
  return nv_store_step_done (store, stmt, error);
}

gboolean
nv_stats_pack_store_packed (NvStore *store, gint64 unit_id, const NvRosterRow *roster,
                            guint n_roster, GBytes *s, GError **error)
{
  gboolean in_place = nv_store_get_db (store) != NULL && g_bytes_get_size (s) <= G_MAXINT;

  if (!insert_pack_row (store, unit_id, roster, n_roster, in_place ? NULL : s,
                        g_bytes_get_size (s), error))
    return FALSE;
  return !in_place || write_spells_in_place (store, unit_id, s, error);
}

/* ---- Bulk inserts -------------------------------------------------------- */

#define TRIGGER_SPELL_INSERT "stats_pack_spell_insert"

gboolean
nv_stats_pack_bulk_begin (NvStore *store, gint64 unit_id, char **saved, GError **error)
{
  NvStmt *stmt;
  int rc;

  *saved = NULL;
  if (!nv_store_in_transaction (store))
    return TRUE; /* never without a transaction that puts it back on failure */
  if (nv_store_is_shared (store))
    return TRUE; /* packs are SQLite's */
  /* First, whatever follows: with the trigger gone (dropped by another
   * unit's bulk insert in this transaction), nothing else would. */
  stmt = nv_store_prepare (store, "DELETE FROM stats_pack WHERE unit_id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  nv_stmt_bind_int64 (stmt, 1, unit_id);
  if (!nv_store_step_done (store, stmt, error))
    return FALSE;
  stmt = nv_store_prepare (store,
                           "SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = ?1",
                           error);
  if (stmt == NULL)
    return FALSE;
  nv_stmt_bind_static_text (stmt, 1, TRIGGER_SPELL_INSERT);
  rc = nv_stmt_step (stmt);
  if (rc == NV_ROW)
    *saved = nv_stmt_dup_text (stmt, 0);
  nv_stmt_reset (stmt);
  if (rc != NV_ROW)
    return rc == NV_DONE ? TRUE : nv_store_set_sql_error (store, error);

  /* DDL is transactional in SQLite: other connections never see the table
   * without its trigger, and a rollback (or a crash) restores it. */
  if (!nv_store_exec (store, "DROP TRIGGER " TRIGGER_SPELL_INSERT, error))
    goto fail;
  return TRUE;

fail:
  g_clear_pointer (saved, g_free);
  return FALSE;
}

gboolean
nv_stats_pack_bulk_end (NvStore *store, char *saved, GError **error)
{
  g_autofree char *sql = saved;

  if (sql == NULL)
    return TRUE;
  return nv_store_exec (store, sql, error);
}

gboolean
nv_stats_pack_trusted (NvStore *store, GError **error)
{
  NvStmt *stmt;
  int rc, n = 0;

  /* Packs are SQLite's: a server reads the rows themselves. */
  if (nv_store_is_shared (store))
    return FALSE;
  stmt = nv_store_prepare (store,
                                         "SELECT count(*) FROM sqlite_schema "
                                         "WHERE type = 'trigger' AND name GLOB 'stats_pack_*'",
                                         error);

  if (stmt == NULL)
    return FALSE;
  rc = nv_stmt_step (stmt);
  if (rc == NV_ROW)
    n = nv_stmt_column_int (stmt, 0);
  nv_stmt_reset (stmt);
  if (rc != NV_ROW)
    {
      nv_store_set_sql_error (store, error);
      return FALSE;
    }
  return n == NV_STATS_PACK_TRIGGERS;
}
