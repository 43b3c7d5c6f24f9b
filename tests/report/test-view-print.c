/* The municipal overview and the research view on paper: the PDF's text
 * (pdftotext) holds the title, the as-of date, the figures and the tables,
 * and nothing of a masked unit's figures; the research table as CSV holds
 * the points (figures computed by hand in test-faktor.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "nv-test-store.h"
#include "nv-test-util.h"
#include "nv-compare.h"
#include "nv-demo.h"
#include "nv-faktor.h"
#include "nv-format.h"
#include "nv-format.h"
#include "nv-import.h"
#include "nv-unit.h"
#include "nv-view-print.h"

/* NV_TEST_KEEP=dir keeps a copy of each PDF to look at (pdftoppm). */
static void
keep (const char *path)
{
  const char *dir = g_getenv ("NV_TEST_KEEP");
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *copy = NULL;
  g_autofree char *contents = NULL;
  gsize len = 0;

  if (dir == NULL)
    return;
  copy = g_build_filename (dir, base, NULL);
  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  g_assert_true (g_file_set_contents (copy, contents, len, NULL));
}

/* Every line of @text that mentions @name, squeezed. */
static GPtrArray *
lines_with (const char *text, const char *name)
{
  g_auto (GStrv) lines = g_strsplit (text, "\n", -1);
  GPtrArray *found = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; lines[i] != NULL; i++)
    if (strstr (lines[i], name) != NULL)
      g_ptr_array_add (found, nv_test_squeeze_spaces (lines[i]));
  return found;
}

/* ---- municipal overview ------------------------------------------------------ */

static void
test_municipal_pdf (void)
{
  g_autofree char *dir = nv_test_tmpdir ();
  g_autoptr (NvStore) store = nv_test_open_store (dir, "m.db");
  g_autoptr (GError) error = NULL;
  g_autoptr (NvMunicipal) m = NULL;
  g_autoptr (NvDocument) doc = NULL;
  g_autofree char *path = g_build_filename (dir, "kommune.pdf", NULL);
  g_autofree char *text = NULL;
  g_autofree char *flat = NULL;
  g_autoptr (GPtrArray) masked_lines = NULL;
  const NvMunicipalUnit *masked = NULL;
  NvDay as_of = nv_day_from_ymd (2026, 11, 20);

  g_assert_true (nv_demo_fill_full (store, 6, 3, as_of, NV_DEMO_DEFAULT_SEED, NULL, &error));
  g_assert_no_error (error);
  m = nv_municipal_new (store, as_of, &error);
  g_assert_no_error (error);
  doc = nv_municipal_document_new (m, NULL, as_of);
  g_assert_true (nv_printable_write_pdf (NV_PRINTABLE (doc), path, &error));
  g_assert_no_error (error);
  g_assert_cmpint (nv_test_mode (path), ==, 0600);
  keep (path);
  text = nv_test_pdf_text (path);

  nv_test_assert_contains (text, "The municipality at a glance");
  nv_test_assert_contains (text, "Figures as of 20.11.2026");
  nv_test_assert_contains (text, "Measures");
  nv_test_assert_contains (text, "Four");
  nv_test_assert_contains (text, "Sick leave (total) per quarter"); /* the heat map */
  nv_test_assert_contains (text, "Q3 2026");
  flat = nv_test_squeeze_spaces (text);
  for (guint i = 0; i < m->units->len; i++)
    {
      const NvMunicipalUnit *u = g_ptr_array_index (m->units, i);
      g_autofree char *latest = NULL;
      g_autofree char *four = NULL;
      g_autofree char *trend = NULL;
      g_autofree char *row = NULL;

      if (u->latest_masked)
        {
          g_assert_null (masked);
          masked = u;
          continue;
        }
      /* The row after the unit's (possibly wrapped) name. */
      latest = nv_format_percent_sign (u->latest_percent);
      four = nv_format_percent_sign (u->four_percent);
      /* Signed as the Compare section shows it: «−2,4» with a real minus. */
      trend = nv_format_points (u->trend_points, 1);
      g_assert_cmpstr (u->latest_label, ==, "Q3 2026");
      row = g_strdup_printf ("%s %s %s pp %s %u %u (%u)", latest, four, trend,
                             nv_light_label (u->light),
                             u->persons, u->open_measures, u->overdue_measures);
      {
        g_autofree char *expected = nv_test_squeeze_spaces (row);
        nv_test_assert_contains (flat, expected);
      }
    }

  /* The masked unit (3 persons): its quarter and «under 5», no figure —
   * neither in its table row nor in its heat-map row. */
  g_assert_nonnull (masked);
  {
    g_autofree char *row = g_strdup_printf ("– – – Grey under 5 %u (%u)",
                                            masked->open_measures, masked->overdue_measures);
    nv_test_assert_contains (flat, row);
  }
  masked_lines = lines_with (text, "under 5");
  g_assert_cmpuint (masked_lines->len, ==, 1);
  {
    g_autoptr (GPtrArray) heat_lines = lines_with (text, masked->name);
    g_assert_cmpuint (heat_lines->len, ==, 1); /* the heat map's row label */
    g_ptr_array_add (masked_lines, g_strdup (g_ptr_array_index (heat_lines, 0)));
  }
  for (guint k = 0; k < masked_lines->len; k++)
    {
      const char *line = g_ptr_array_index (masked_lines, k);

      nv_test_assert_lacks (line, "%");
      nv_test_assert_lacks (line, " pp");
      nv_test_assert_lacks (line, ",");
      for (guint c = 0; c < NV_MUNICIPAL_HEAT_QUARTERS; c++)
        if (masked->heat_masked[c] && !isnan (masked->heat[c]))
          {
            g_autofree char *v = nv_format_decimal (masked->heat[c], 1);
            nv_test_assert_lacks (line, v);
          }
    }
  nv_test_rmtree (dir);
}

/* The sector filter chosen on screen holds on paper: only that sector's units,
 * in the table and the heat map, and the heading says which sector. */
static void
test_municipal_pdf_sector (void)
{
  g_autofree char *dir = nv_test_tmpdir ();
  g_autoptr (NvStore) store = nv_test_open_store (dir, "s.db");
  g_autoptr (GError) error = NULL;
  g_autoptr (NvMunicipal) m = NULL;
  g_autoptr (NvDocument) doc = NULL;
  g_autofree char *path = g_build_filename (dir, "sektor.pdf", NULL);
  g_autofree char *text = NULL;
  NvDay as_of = nv_day_from_ymd (2026, 11, 20);
  guint in = 0, out = 0;

  g_assert_true (nv_demo_fill_full (store, 6, 3, as_of, NV_DEMO_DEFAULT_SEED, NULL, &error));
  g_assert_no_error (error);
  nv_test_add_unit (store, "Solsikken barnehage", "barnehage", NULL);
  nv_test_add_unit (store, "Bråtane bu- og behandlingsheim", "helse-omsorg", NULL);
  m = nv_municipal_new (store, as_of, &error);
  g_assert_no_error (error);
  doc = nv_municipal_document_new (m, "barnehage", as_of);
  g_assert_true (nv_printable_write_pdf (NV_PRINTABLE (doc), path, &error));
  g_assert_no_error (error);
  keep (path);
  text = nv_test_pdf_text (path);

  nv_test_assert_contains (text, "Units — Kindergarten");
  nv_test_assert_lacks (text, "Units — All sectors");
  for (guint i = 0; i < m->units->len; i++)
    {
      const NvMunicipalUnit *u = g_ptr_array_index (m->units, i);
      /* Long names wrap in the table cell: look for the first word, which
       * is unique among these units. */
      g_auto (GStrv) words = g_strsplit (u->name, " ", 2);

      if (g_strcmp0 (u->sector, "barnehage") == 0)
        {
          nv_test_assert_contains (text, words[0]);
          in++;
        }
      else
        {
          nv_test_assert_lacks (text, words[0]);
          out++;
        }
    }
  g_assert_cmpuint (in, >=, 1);
  g_assert_cmpuint (out, >=, 1);
  nv_test_rmtree (dir);
}

/* ---- research view ------------------------------------------------------------ */

static NvResearch *
build_research (NvStore *store)
{
  g_autoptr (GError) error = NULL;
  /* test-faktor.c's months; F has fewer than 5 persons: masked. */
  g_autoptr (GString) monthly = nv_test_research_monthly ("Post ");
  const char *faktor = "enhet;dato;respondenter;mestringsklima\n"
                       "Post A;2025-03-31;10;3,2\n"
                       "Post B;2025-03-31;10;3,8\n"
                       "Post C;2025-03-31;10;4,1\n"
                       "Post D;2025-04-15;10;4,6\n"
                       "Post H;2025-03-31;10;3,5\n"
                       "Post E;2025-03-31;2;3,0\n"
                       "Post F;2025-03-31;10;3,0\n";
  NvResearch *r;

  nv_test_add_research_units (store, "Post ");
  g_assert_true (nv_import_data (store, NV_IMPORT_MONTHLY, 0, "m.csv", monthly->str, monthly->len,
                                 NULL, &error));
  g_assert_no_error (error);
  g_assert_true (nv_faktor_import_data (store, "faktor.csv", faktor, strlen (faktor), FALSE, NULL,
                                        NULL, &error));
  g_assert_no_error (error);
  r = nv_research_compute (store, nv_faktor_factor_index ("mestringsklima"), "helse-omsorg",
                           NV_RESEARCH_TOTAL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (r->n, ==, 5);
  return r;
}

/* Hand-computed (test-faktor.c): Σ contracted 2520 for each unit; lost
 * A 33, B 25,8, C 24,6, D 16,2, H 30,6 → 1,3095 %, 1,0238 %, 0,9762 %,
 * 0,6429 %, 1,2143 %; r = −0,9863, CI (−0,9991; −0,8017), slope −0,4689,
 * intercept 2,8338. */
static void
test_research_pdf (void)
{
  g_autofree char *dir = nv_test_tmpdir ();
  g_autoptr (NvStore) store = nv_test_open_store (dir, "r.db");
  g_autoptr (GError) error = NULL;
  g_autoptr (NvResearch) r = build_research (store);
  g_autoptr (NvDocument) doc = nv_research_document_new (r, nv_day_from_ymd (2025, 6, 1));
  g_autofree char *path = g_build_filename (dir, "forskning.pdf", NULL);
  g_autofree char *raw = NULL;
  g_autofree char *text = NULL;

  g_assert_true (nv_printable_write_pdf (NV_PRINTABLE (doc), path, &error));
  g_assert_no_error (error);
  g_assert_cmpint (nv_test_mode (path), ==, 0600);
  keep (path);
  raw = nv_test_pdf_text (path);
  text = nv_test_squeeze_spaces (raw);
  nv_test_assert_contains (text, "Sector: Health and care · Factor: Mastery climate · Measure: Total "
                         "sick leave");
  /* Documents use the typographic minus U+2212 (nv-format.h). */
  nv_test_assert_contains (text, "r = \u22120,99 (95 % CI \u22121,00 to \u22120,80) · n = 5 units · left out: 2");
  nv_test_assert_contains (text, "sick leave % = 2,83 + \u22120,47 × factor");
  nv_test_assert_contains (text, "Post A 31.03.2025 3,20 1,3 %");
  nv_test_assert_contains (text, "Post B 31.03.2025 3,80 1,0 %");
  nv_test_assert_contains (text, "Post C 31.03.2025 4,10 1,0 %");
  nv_test_assert_contains (text, "Post D 15.04.2025 4,60 0,6 %");
  nv_test_assert_contains (text, "Post H 31.03.2025 3,50 1,2 %");
  /* Left out: E (2 respondents), F (4 persons), G (another sector). */
  nv_test_assert_lacks (text, "Post E");
  nv_test_assert_lacks (text, "Post F");
  nv_test_assert_lacks (text, "Post G");
  nv_test_rmtree (dir);
}

static void
test_research_csv (void)
{
  g_autofree char *dir = nv_test_tmpdir ();
  g_autoptr (NvStore) store = nv_test_open_store (dir, "r.db");
  g_autoptr (GError) error = NULL;
  g_autoptr (NvResearch) r = build_research (store);
  g_autoptr (NvSheet) sheet = nv_sheet_for_research (r);
  g_autofree char *path = g_build_filename (dir, "forskning.csv", NULL);
  g_autofree char *csv = NULL;

  g_assert_true (nv_sheet_write_csv (sheet, path, &error));
  g_assert_no_error (error);
  g_assert_cmpint (nv_test_mode (path), ==, 0600);
  g_assert_true (g_file_get_contents (path, &csv, NULL, NULL));
  g_test_message ("%s", csv);
  nv_test_assert_contains (csv, "Unit;Survey closed;Mastery climate (mean 1–5);Sick leave (%);From;To;"
                        "Persons");
  /* 33·100/2520 = 1,309523…; 16,2·100/2520 = 0,642857… */
  nv_test_assert_contains (csv, "Post A;2025-03-31;3,2;1,3095");
  nv_test_assert_contains (csv, ";2024-04-01;2025-03-31;9");
  nv_test_assert_contains (csv, "Post D;2025-04-15;4,6;0,6428");
  nv_test_assert_contains (csv, "Post H;2025-03-31;3,5;1,2142");
  nv_test_assert_lacks (csv, "Post E");
  nv_test_assert_lacks (csv, "Post F");
  g_assert_cmpuint (nv_sheet_get_n_rows (sheet), ==, 5);
  nv_test_rmtree (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/view-print/municipal-pdf", test_municipal_pdf);
  g_test_add_func ("/view-print/municipal-pdf-sector", test_municipal_pdf_sector);
  g_test_add_func ("/view-print/research-pdf", test_research_pdf);
  g_test_add_func ("/view-print/research-csv", test_research_csv);
  return g_test_run ();
}
