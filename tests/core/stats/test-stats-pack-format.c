/* The statistics pack's blob format (nv-stats-pack.c): every roster row and
 * spell decodes to exactly what it was packed from, the packer gives the
 * same blob whatever order the rows come in, and damage is refused (the
 * rows are then read from the tables again). The pack in the store is
 * test-stats-pack.c's.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "nv-absence.h"
#include "nv-stats-private.h"

#define D(y, m, d) nv_day_from_ymd (y, m, d)

/* ---- The blob format ----------------------------------------------------- */

static void
test_roundtrip (void)
{
  NvRosterRow roster[] = {
    { 0, 7, NULL, 100, D (2020, 1, 1), D (2023, 6, 30) },
    { 0, 7, NULL, 62.5, D (2023, 7, 1), NV_DAY_NONE },
    { 0, G_MAXINT64, NULL, 1, 1, 3652059 }, /* the extreme days the schema allows */
  };
  NvSpell spells[] = {
    { 0, 7, NULL, D (2024, 1, 1), D (2024, 1, 3), 100, NV_SPELL_SELF },
    { 0, 7, NULL, D (2024, 1, 4), NV_DAY_NONE, 33.3, NV_SPELL_DOCTOR },
    { 0, 9, NULL, D (2024, 2, 1), D (2024, 2, 1), 20, NV_SPELL_DOCTOR },
    { 0, 7, NULL, 3652059, 3652059, 100, NV_SPELL_DOCTOR },
  };
  g_autoptr (GBytes) rb = nv_stats_pack_roster (roster, G_N_ELEMENTS (roster));
  g_autoptr (GBytes) sb = nv_stats_pack_spells (spells, G_N_ELEMENTS (spells));
  g_autoptr (GArray) r = g_array_new (FALSE, FALSE, sizeof (NvRosterRow));
  g_autoptr (GArray) s = g_array_new (FALSE, FALSE, sizeof (NvSpell));
  gsize len;
  const void *data;

  data = g_bytes_get_data (rb, &len);
  g_assert_true (nv_stats_unpack_roster (data, len, r));
  g_assert_cmpuint (r->len, ==, G_N_ELEMENTS (roster));
  for (guint i = 0; i < r->len; i++)
    {
      NvRosterRow *x = &g_array_index (r, NvRosterRow, i);
      g_assert_cmpint (x->employee_id, ==, roster[i].employee_id);
      g_assert_cmpfloat (x->fte, ==, roster[i].fte);
      g_assert_cmpuint (x->from, ==, roster[i].from);
      g_assert_cmpuint (x->to, ==, roster[i].to);
    }

  data = g_bytes_get_data (sb, &len);
  /* three runs of employees (7, 9, 7): 4 + 3 × 12 + 4 × 8 + one f64 grade */
  g_assert_cmpuint (len, ==, 4 + 3 * 12 + 4 * 8 + 8);
  g_assert_true (nv_stats_unpack_spells (data, len, s));
  g_assert_cmpuint (s->len, ==, G_N_ELEMENTS (spells));
  for (guint i = 0; i < s->len; i++)
    {
      NvSpell *x = &g_array_index (s, NvSpell, i);
      g_assert_cmpint (x->employee_id, ==, spells[i].employee_id);
      g_assert_cmpuint (x->start, ==, spells[i].start);
      g_assert_cmpuint (x->end, ==, spells[i].end);
      g_assert_cmpfloat (x->grade, ==, spells[i].grade);
      g_assert_cmpint (x->type, ==, spells[i].type);
    }

  /* The engine reads packs in place and needs them in order: employee
   * runs rising, starts not falling. 7, 9, 7 decodes, but is refused. */
  {
    guint n = 0;
    NvDay first = 0;
    NvSpell sorted[] = { spells[0], spells[1], spells[3], spells[2] };
    NvSpell falling[] = { spells[1], spells[0] };
    g_autoptr (GBytes) sorted_b = nv_stats_pack_spells (sorted, G_N_ELEMENTS (sorted));
    g_autoptr (GBytes) again = nv_stats_pack_spells_sorted (spells, G_N_ELEMENTS (spells));
    g_autoptr (GBytes) falling_b = nv_stats_pack_spells (falling, G_N_ELEMENTS (falling));

    g_assert_false (nv_stats_pack_spells_scan (data, len, &n, &first));
    g_assert_false (nv_stats_pack_spells_scan (g_bytes_get_data (falling_b, NULL),
                                               g_bytes_get_size (falling_b), &n, &first));
    g_assert_true (nv_stats_pack_spells_scan (g_bytes_get_data (sorted_b, NULL),
                                              g_bytes_get_size (sorted_b), &n, &first));
    g_assert_cmpuint (n, ==, 4);
    g_assert_cmpuint (first, ==, D (2024, 1, 1));
    g_assert_true (g_bytes_equal (sorted_b, again));
  }

  /* Nothing packs to a count of zero and decodes to nothing. */
  {
    g_autoptr (GBytes) empty = nv_stats_pack_spells (NULL, 0);
    g_assert_cmpuint (g_bytes_get_size (empty), ==, 4);
    g_assert_true (nv_stats_unpack_spells (g_bytes_get_data (empty, NULL), 4, s));
    g_assert_cmpuint (s->len, ==, G_N_ELEMENTS (spells));
  }
}

/* Rows packed as they are read give the same blob as packing them sorted:
 * in order (straight into the pack), and when a row comes out of order (the
 * rest kept as rows and sorted at the end). */
static void
test_packer (void)
{
  NvSpell in_order[] = {
    { 0, 3, NULL, D (2024, 1, 1), D (2024, 1, 3), 100, NV_SPELL_SELF },
    { 0, 3, NULL, D (2024, 1, 4), NV_DAY_NONE, 33.3, NV_SPELL_DOCTOR },
    { 0, 5, NULL, D (2023, 2, 1), D (2023, 2, 1), 20, NV_SPELL_DOCTOR },
    { 0, 5, NULL, D (2023, 2, 1), D (2023, 2, 9), 50, NV_SPELL_DOCTOR },
    { 0, 8, NULL, D (2025, 5, 5), D (2025, 5, 6), 100, NV_SPELL_DOCTOR },
  };
  /* 5, 3, 8 and a start falling within employee 3 */
  NvSpell out_of_order[] = { in_order[2], in_order[3], in_order[1], in_order[4], in_order[0] };
  g_autoptr (GBytes) expected = nv_stats_pack_spells (in_order, G_N_ELEMENTS (in_order));

  for (guint pass = 0; pass < 3; pass++)
    {
      const NvSpell *rows = pass == 1 ? out_of_order : in_order;
      guint n_rows = pass == 2 ? 0 : G_N_ELEMENTS (in_order);
      NvStatsPacker *packer = nv_stats_packer_new ();
      g_autoptr (GBytes) packed = NULL;
      g_autoptr (GBytes) empty = nv_stats_pack_spells (NULL, 0);
      guint n = 99;
      NvDay first = 1;

      for (guint i = 0; i < n_rows; i++)
        nv_stats_packer_add (packer, &rows[i]);
      packed = nv_stats_packer_finish (packer, &n, &first);
      g_assert_true (g_bytes_equal (packed, pass == 2 ? empty : expected));
      g_assert_cmpuint (n, ==, n_rows);
      g_assert_cmpuint (first, ==, pass == 2 ? NV_DAY_NONE : D (2023, 2, 1));
    }
}

/* Decoding @bytes fails and leaves @out as it was. */
static void
assert_spells_refused (const guint8 *bytes, gsize len)
{
  g_autoptr (GArray) out = g_array_new (FALSE, FALSE, sizeof (NvSpell));
  NvSpell keep = { 0, 1, NULL, 5, 6, 100, NV_SPELL_DOCTOR };

  guint n = 1;
  NvDay first = 1;

  g_array_append_val (out, keep);
  g_assert_false (nv_stats_unpack_spells (bytes, len, out));
  g_assert_cmpuint (out->len, ==, 1);
  /* what the statistics engine reads without unpacking: refused as well */
  g_assert_false (nv_stats_pack_spells_scan (bytes, len, &n, &first));
}

static void
test_damage (void)
{
  NvSpell spells[] = {
    { 0, 3, NULL, D (2024, 1, 1), D (2024, 1, 3), 100, NV_SPELL_SELF },
    { 0, 3, NULL, D (2024, 2, 1), D (2024, 2, 9), 50.5, NV_SPELL_DOCTOR },
  };
  NvRosterRow roster[] = { { 0, 3, NULL, 80, D (2020, 1, 1), NV_DAY_NONE } };
  g_autoptr (GBytes) sb = nv_stats_pack_spells (spells, G_N_ELEMENTS (spells));
  g_autoptr (GBytes) rb = nv_stats_pack_roster (roster, 1);
  gsize len, rlen;
  const guint8 *good = g_bytes_get_data (sb, &len);
  const guint8 *rgood = g_bytes_get_data (rb, &rlen);
  g_autofree guint8 *bad = g_memdup2 (good, len + 8);
  g_autoptr (GArray) r = g_array_new (FALSE, FALSE, sizeof (NvRosterRow));

  assert_spells_refused (NULL, 0);
  assert_spells_refused (good, 3);
  /* every shorter prefix, and trailing bytes */
  for (gsize cut = 0; cut < len; cut++)
    assert_spells_refused (good, cut);
  memset (bad + len, 0, 8);
  assert_spells_refused (bad, len + 8);
  /* a count larger than the data */
  memcpy (bad, good, len);
  bad[0] = 200;
  assert_spells_refused (bad, len);
  /* a run of zero spells */
  memcpy (bad, good, len);
  bad[12] = bad[13] = bad[14] = bad[15] = 0;
  assert_spells_refused (bad, len);
  /* an end before the start: the first word, bits 22–43 */
  memcpy (bad, good, len);
  {
    guint64 word;
    memcpy (&word, bad + 16, 8);
    word = GUINT64_FROM_LE (word);
    word = (word & ~(((G_GUINT64_CONSTANT (1) << 22) - 1) << 22)) | (G_GUINT64_CONSTANT (5) << 22);
    word = GUINT64_TO_LE (word);
    memcpy (bad + 16, &word, 8);
  }
  assert_spells_refused (bad, len);
  /* a grade of 0 */
  memcpy (bad, good, len);
  {
    guint64 word;
    memcpy (&word, bad + 16, 8);
    word = GUINT64_TO_LE (GUINT64_FROM_LE (word) & ~(G_GUINT64_CONSTANT (0x7f) << 45));
    memcpy (bad + 16, &word, 8);
  }
  assert_spells_refused (bad, len);
  /* bits no writer sets */
  memcpy (bad, good, len);
  bad[16 + 7] |= 0x80;
  assert_spells_refused (bad, len);

  g_assert_true (nv_stats_unpack_roster (rgood, rlen, r));
  g_assert_false (nv_stats_unpack_roster (rgood, rlen - 1, r));
  g_assert_false (nv_stats_unpack_roster (NULL, 0, r));
  {
    g_autofree guint8 *rbad = g_memdup2 (rgood, rlen);
    double fte = 0;
    memcpy (rbad + 4 + 16, &fte, sizeof fte);
    g_assert_false (nv_stats_unpack_roster (rbad, rlen, r));
  }
  g_assert_cmpuint (r->len, ==, 1);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/stats-pack/roundtrip", test_roundtrip);
  g_test_add_func ("/stats-pack/packer", test_packer);
  g_test_add_func ("/stats-pack/damage", test_damage);
  return g_test_run ();
}
