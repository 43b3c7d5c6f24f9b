/* test-import.c — CSV import, the import preview and export.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "nv-export.h"
#include "nv-import.h"
#include "nv-unit.h"
#include "nv-test-store.h"
#include "nv-test-util.h"

typedef struct
{
  char *dir;
  NvStore *store;
  gint64 unit;
} Fixture;

static const char roster[] = "ansatt;stillingsprosent;fra;til\n"
                             "AB;100;2024-01-01;\n"
                             "CD;50;2024-01-01;2024-06-30\n";

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = nv_test_tmpdir ();
  path = nv_test_store_location (f->dir, "t.db");
  f->store = nv_store_open (path, &error);
  g_assert_no_error (error);
  f->unit = nv_test_add_unit (f->store, "Avdeling 2B", "helse-omsorg", "");
  g_assert_true (nv_import_data (f->store, NV_IMPORT_ROSTER, f->unit, "r.csv", roster,
                                 strlen (roster), NULL, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->store);
  nv_test_rmtree (f->dir);
  g_free (f->dir);
}

static char *
export (Fixture *f, NvImportKind kind)
{
  g_autoptr (GError) error = NULL;
  char *text = nv_export_to_string (f->store, kind, f->unit, TRUE, NULL, &error);

  g_assert_no_error (error);
  return text;
}

static const char bad_spells[] = "ansatt;fra;til;grad;type\n"
                                 "AB;2024-02-01;2024-02-03;;egenmeldt\n"   /* 2 ok */
                                 "AB;2024-03-01;2024-03-02;150;legemeldt\n" /* 3 grade */
                                 "CD;2024-03-01;2024-03-10;50;legemeldt\n"  /* 4 ok */
                                 "CD;2024-03-09;2024-03-12;;legemeldt\n"    /* 5 overlaps 4 */
                                 "ZZ;2024-03-01;;;legemeldt\n"              /* 6 unknown */
                                 "AB;2024-04-01;;;legemeldt\n";             /* 7 ok */

static void
test_preview_lists_every_problem (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (NvImportPreview) p = NULL;
  g_autofree char *before = export (f, NV_IMPORT_SPELLS);
  g_autofree char *after = NULL;
  struct
  {
    guint line;
    const char *field;
    const char *message;
  } expected[] = {
    { 3, "grad", "150 is outside 20–100" },
    { 5, "fra", "Overlaps CD’s absence spell 01.03.2024–10.03.2024" },
    { 6, "ansatt", "“ZZ” is not on the roster" },
  };

  p = nv_import_preview_data (f->store, NV_IMPORT_SPELLS, f->unit, "spells.csv", bad_spells,
                              strlen (bad_spells), &error);
  g_assert_no_error (error);
  g_assert_nonnull (p);
  g_assert_false (nv_import_preview_ok (p));
  g_assert_true (p->complete);
  g_assert_cmpstr (p->file_name, ==, "spells.csv");
  g_assert_cmpint (p->delimiter, ==, ';');
  g_assert_cmpuint (p->counts.n_rows, ==, 6);
  g_assert_cmpuint (p->counts.n_stored, ==, 3);
  g_assert_cmpuint (p->n_invalid_rows, ==, 3);
  g_assert_cmpuint (p->n_problems, ==, 3);
  g_assert_cmpuint (p->problems->len, ==, 3);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      NvImportProblem *problem = g_ptr_array_index (p->problems, i);
      g_assert_cmpuint (problem->line, ==, expected[i].line);
      g_assert_cmpstr (problem->field, ==, expected[i].field);
      g_assert_cmpstr (problem->message, ==, expected[i].message);
    }
  g_assert_cmpuint (p->rows->len, ==, 6);
  {
    NvImportRow *row = g_ptr_array_index (p->rows, 2);
    g_assert_cmpuint (row->line, ==, 4);
    g_assert_true (row->valid);
    g_assert_cmpstr (row->employee, ==, "CD");
    g_assert_cmpuint (row->start, ==, nv_day_from_ymd (2024, 3, 1));
    g_assert_cmpfloat (row->grade, ==, 50);
    g_assert_cmpint (row->type, ==, NV_SPELL_DOCTOR);
    row = g_ptr_array_index (p->rows, 5);
    g_assert_cmpuint (row->end, ==, NV_DAY_NONE);
    g_assert_true (row->valid);
  }

  /* Nothing was written. */
  after = export (f, NV_IMPORT_SPELLS);
  g_assert_cmpstr (after, ==, before);
}

static void
test_import_stops_at_first_problem (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *before = export (f, NV_IMPORT_SPELLS);
  g_autofree char *after = NULL;
  NvImportCounts counts = { 0 };

  g_assert_false (nv_import_data (f->store, NV_IMPORT_SPELLS, f->unit, "spells.csv", bad_spells,
                                  strlen (bad_spells), &counts, &error));
  g_assert_error (error, NV_STORE_ERROR, NV_STORE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "spells.csv:3: grad: 150 is outside 20–100");
  after = export (f, NV_IMPORT_SPELLS);
  g_assert_cmpstr (after, ==, before);
}

static void
test_preview_of_broken_file (Fixture *f, gconstpointer data)
{
  static const char text[] = "ansatt;fra;til;grad;type\n"
                             "AB;2024-02-01;2024-02-03;;egenmeldt\n"
                             "AB;\"2024-03-01;;;legemeldt\n";
  static const char header[] = "ansatt;fra;slutt\n";
  g_autoptr (GError) error = NULL;
  g_autoptr (NvImportPreview) p = NULL;
  NvImportProblem *problem;

  p = nv_import_preview_data (f->store, NV_IMPORT_SPELLS, f->unit, "s.csv", text, strlen (text),
                              &error);
  g_assert_no_error (error);
  g_assert_false (p->complete);
  g_assert_false (nv_import_preview_ok (p));
  g_assert_cmpuint (p->rows->len, ==, 1);
  g_assert_cmpuint (p->n_problems, ==, 1);
  problem = g_ptr_array_index (p->problems, 0);
  g_assert_cmpuint (problem->line, ==, 3);
  g_assert_cmpstr (problem->field, ==, "fra");
  g_assert_cmpstr (problem->message, ==, "a quoted field is not closed (a quote \" is missing)");
  g_clear_pointer (&p, nv_import_preview_free);

  p = nv_import_preview_data (f->store, NV_IMPORT_SPELLS, f->unit, "s.csv", header,
                              strlen (header), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (p->n_problems, ==, 1);
  problem = g_ptr_array_index (p->problems, 0);
  g_assert_cmpuint (problem->line, ==, 1);
  g_assert_cmpstr (problem->field, ==, "slutt");
}

static void
test_preview_ok_then_import (Fixture *f, gconstpointer data)
{
  static const char text[] = "employee,start,end,grade,type\r\n"
                             "ab,2024-02-01,2024-02-03,,self\r\n"
                             "CD,01.03.2024,10.03.2024,\"62,5\",doctor\r\n";
  g_autoptr (GError) error = NULL;
  g_autoptr (NvImportPreview) p = NULL;
  g_autofree char *spells = NULL;
  NvImportCounts counts = { 0 };

  p = nv_import_preview_data (f->store, NV_IMPORT_SPELLS, f->unit, "s.csv", text, strlen (text),
                              &error);
  g_assert_no_error (error);
  g_assert_true (nv_import_preview_ok (p));
  g_assert_cmpuint (p->counts.n_stored, ==, 2);
  g_assert_true (nv_import_data (f->store, NV_IMPORT_SPELLS, f->unit, "s.csv", text,
                                 strlen (text), &counts, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts.n_rows, ==, 2);
  g_assert_cmpuint (counts.n_stored, ==, 2);
  spells = export (f, NV_IMPORT_SPELLS);
  g_assert_cmpstr (spells, ==,
                   "\xEF\xBB\xBF" "ansatt;fra;til;grad;type\r\n"
                   "AB;2024-02-01;2024-02-03;100;egenmeldt\r\n"
                   "CD;2024-03-01;2024-03-10;62,5;legemeldt\r\n");
}

static void
test_monthly (Fixture *f, gconstpointer data)
{
  static const char text[] =
    "enhet;periode;avtalte_dagsverk;tapte_dagsverk_egenmeldt;tapte_dagsverk_legemeldt;personer\n"
    "avdeling 2b;2024-01;400;2;10,5;4\n"
    "Avdeling 2B;2024-02;380;0;0;6\n";
  static const char again[] =
    "unit;period;contracted_days;lost_days_self;lost_days_doctor;persons\n"
    "Avdeling 2B;2024-02;381;1;0;6\n";
  g_autoptr (GError) error = NULL;
  g_autofree char *masked = NULL;
  NvImportCounts counts = { 0 };

  g_assert_true (nv_import_data (f->store, NV_IMPORT_MONTHLY, 0, "m.csv", text, strlen (text),
                                 &counts, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts.n_replaced, ==, 0);
  /* AB is on the roster: both months had figures computed from the spells. */
  g_assert_cmpuint (counts.n_over_computed, ==, 2);
  g_assert_true (nv_import_data (f->store, NV_IMPORT_MONTHLY, 0, "m.csv", again, strlen (again),
                                 &counts, &error));
  g_assert_cmpuint (counts.n_stored, ==, 1);
  g_assert_cmpuint (counts.n_replaced, ==, 1);
  g_assert_cmpuint (counts.n_over_computed, ==, 0);

  /* January has 4 persons: its percentages are masked; February's are
   * 1 × 100 / 381 and 0. */
  masked = nv_export_to_string (f->store, NV_IMPORT_MONTHLY, f->unit, FALSE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (masked, ==,
                   "\xEF\xBB\xBF" "enhet;periode;avtalte_dagsverk;tapte_dagsverk_egenmeldt;"
                   "tapte_dagsverk_legemeldt;personer;prosent;prosent_egenmeldt;"
                   "prosent_legemeldt\r\n"
                   "Avdeling 2B;2024-01;;;;4;;;\r\n"
                   "Avdeling 2B;2024-02;381;1;0;6;0,26246719160104987;0,26246719160104987;0\r\n");
}

/* A month without contracted days or persons is refused, naming the field. */
static void
test_monthly_empty (Fixture *f, gconstpointer data)
{
  static const char empty[] =
    "enhet;periode;avtalte_dagsverk;tapte_dagsverk_egenmeldt;tapte_dagsverk_legemeldt;personer\n"
    "Avdeling 2B;2024-11;0;0;0;0\n";
  static const char nobody[] =
    "enhet;periode;avtalte_dagsverk;tapte_dagsverk_egenmeldt;tapte_dagsverk_legemeldt;personer\n"
    "Avdeling 2B;2024-11;100;0;0;0\n";
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) months = NULL;

  g_assert_false (nv_import_data (f->store, NV_IMPORT_MONTHLY, 0, "m.csv", empty,
                                  strlen (empty), NULL, &error));
  g_assert_nonnull (strstr (error->message, "m.csv:2: avtalte_dagsverk:"));
  g_clear_error (&error);
  g_assert_false (nv_import_data (f->store, NV_IMPORT_MONTHLY, 0, "m.csv", nobody,
                                  strlen (nobody), NULL, &error));
  g_assert_nonnull (strstr (error->message, "m.csv:2: personer:"));
  months = nv_monthly_list (f->store, f->unit, NULL);
  g_assert_cmpuint (months->len, ==, 0);
}

/* Issue 11 item 12: a message quotes the value as the file wrote it (no
 * rounding into the range it is said to be outside), a date in a wrong form
 * is a form error, repeated byte order marks are marks, and rows written with
 * another delimiter than the header say so. Nothing is stored. */
static void
test_messages_say_what_was_written (Fixture *f, gconstpointer data)
{
  struct
  {
    NvImportKind kind;
    const char *csv;
    const char *message;
  } cases[] = {
    { NV_IMPORT_SPELLS, "ansatt;fra;til;grad;type\nAB;2024-02-01;2024-02-03;19,999;legemeldt\n",
      "f.csv:2: grad: 19,999 is outside 20–100" },
    { NV_IMPORT_SPELLS, "ansatt;fra;til;grad;type\nAB;2024-02-01;2024-02-03;100,001;legemeldt\n",
      "f.csv:2: grad: 100,001 is outside 20–100" },
    { NV_IMPORT_SPELLS, "ansatt;fra;til;grad;type\nAB;2024-02-01;2024-02-03;99,999;egenmeldt\n",
      "f.csv:2: grad: Self-certified absence always has grade 100, not 99,999" },
    { NV_IMPORT_ROSTER, "ansatt;stillingsprosent;fra;til\nEF;0,999;2024-01-01;\n",
      "f.csv:2: stillingsprosent: 0,999 is outside 1–100" },
    { NV_IMPORT_ROSTER, "ansatt;stillingsprosent;fra;til\nEF;100.0001;2024-01-01;\n",
      "f.csv:2: stillingsprosent: 100,0001 is outside 1–100" },
    { NV_IMPORT_ROSTER, "ansatt;stillingsprosent;fra;til\nEF;100;2025-3-3;\n",
      "f.csv:2: fra: “2025-3-3” is not written as YYYY-MM-DD (four digits for the year, two "
      "for month and day: 2025-03-03) or DD.MM.YYYY" },
    { NV_IMPORT_ROSTER, "ansatt;stillingsprosent;fra;til\nEF;100;2025-03-3;\n",
      "f.csv:2: fra: “2025-03-3” is not written as YYYY-MM-DD (four digits for the year, two "
      "for month and day: 2025-03-03) or DD.MM.YYYY" },
    { NV_IMPORT_ROSTER, "ansatt;stillingsprosent;fra;til\nEF;100;2025-02-30;\n",
      "f.csv:2: fra: 2025-02-30 is not a date that exists" },
    { NV_IMPORT_ROSTER, "ansatt;stillingsprosent;fra;til\nEF,100,2025-03-03,\n",
      "f.csv:2: the delimiter differs: the header separates its columns with “;”, this row "
      "with “,”; use one delimiter in the whole file" },
    { NV_IMPORT_ROSTER, "ansatt,stillingsprosent,fra,til\nEF;100;2025-03-03;\n",
      "f.csv:2: the delimiter differs: the header separates its columns with “,”, this row "
      "with “;”; use one delimiter in the whole file" },
    { NV_IMPORT_ROSTER, "ansatt;\xEF\xBB\xBFstillingsprosent;fra;til\nEF;100;2025-03-03;\n",
      "f.csv:1: stillingsprosent: the column name contains an invisible byte order mark "
      "(U+FEFF), as when two files are joined; save the file again as “CSV UTF-8”" },
  };
  g_autofree char *before = export (f, NV_IMPORT_ROSTER);
  g_autofree char *spells_before = export (f, NV_IMPORT_SPELLS);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autofree char *after = NULL;

      g_test_message ("case %u: %s", i, cases[i].csv);
      g_assert_false (nv_import_data (f->store, cases[i].kind, f->unit, "f.csv", cases[i].csv,
                                      strlen (cases[i].csv), NULL, &error));
      g_assert_nonnull (error);
      g_assert_cmpstr (error->message, ==, cases[i].message);
      after = export (f, cases[i].kind);
      g_assert_cmpstr (after, ==, cases[i].kind == NV_IMPORT_ROSTER ? before : spells_before);
    }
}

/* Two or three byte order marks at the start (a file saved by one tool, then
 * by another that adds its own) are marks, not part of the first column. */
static void
test_repeated_bom (Fixture *f, gconstpointer data)
{
  static const char csv[] = "\xEF\xBB\xBF\xEF\xBB\xBF\xEF\xBB\xBF"
                            "ansatt;stillingsprosent;fra;til\nEF;80;2024-01-01;\n";
  g_autoptr (GError) error = NULL;
  g_autofree char *after = NULL;

  g_assert_true (nv_import_data (f->store, NV_IMPORT_ROSTER, f->unit, "f.csv", csv,
                                 strlen (csv), NULL, &error));
  g_assert_no_error (error);
  after = export (f, NV_IMPORT_ROSTER);
  g_assert_nonnull (strstr (after, "\nEF;80;2024-01-01;"));
}

/* Spells are checked late, by groups in employee order (nv-absence-batch.c);
 * the error must still be the first problem in the file, with the message
 * checking each row at once gives. */
static void
test_first_problem_in_file_order (Fixture *f, gconstpointer data)
{
  static const struct
  {
    const char *csv;
    const char *message;
  } cases[] = {
    /* An overlap before a bad value. */
    { "ansatt;fra;til;grad;type\n"
      "CD;2024-03-01;2024-03-10;50;legemeldt\n"
      "CD;2024-03-09;2024-03-12;;legemeldt\n"
      "AB;2024-03-01;2024-03-02;150;legemeldt\n",
      "spells.csv:3: fra: Overlaps CD’s absence spell 01.03.2024–10.03.2024" },
    /* The later row is named even when it starts first. */
    { "ansatt;fra;til;grad;type\n"
      "AB;2024-05-01;;;legemeldt\n"
      "CD;2024-03-09;2024-03-12;;legemeldt\n"
      "CD;2024-03-01;2024-03-10;50;legemeldt\n",
      "spells.csv:4: til: Overlaps CD’s absence spell 09.03.2024–12.03.2024" },
    /* Employment before an unknown employee. */
    { "ansatt;fra;til;grad;type\n"
      "AB;2024-02-01;2024-02-03;;egenmeldt\n"
      "CD;2024-07-01;2024-07-03;;egenmeldt\n"
      "ZZ;2024-03-01;;;legemeldt\n",
      "spells.csv:3: fra: CD is not employed on 01.07.2024" },
    /* An unknown employee before an overlap. */
    { "ansatt;fra;til;grad;type\n"
      "AB;2024-02-01;2024-02-03;;egenmeldt\n"
      "ZZ;2024-03-01;;;legemeldt\n"
      "AB;2024-02-03;2024-02-04;;egenmeldt\n",
      "spells.csv:3: ansatt: “ZZ” is not on the roster" },
    /* An overlap before a broken line. */
    { "ansatt;fra;til;grad;type\n"
      "AB;2024-02-01;2024-02-03;;egenmeldt\n"
      "AB;2024-02-03;2024-02-04;;egenmeldt\n"
      "AB;\"2024-02-05;2024-02-06;;egenmeldt\n",
      "spells.csv:3: fra: Overlaps AB’s absence spell 01.02.2024–03.02.2024" },
  };
  g_autofree char *before = export (f, NV_IMPORT_SPELLS);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autofree char *after = NULL;

      g_test_message ("case %u", i);
      g_assert_false (nv_import_data (f->store, NV_IMPORT_SPELLS, f->unit, "spells.csv",
                                      cases[i].csv, strlen (cases[i].csv), NULL, &error));
      g_assert_nonnull (error);
      g_assert_cmpstr (error->message, ==, cases[i].message);
      after = export (f, NV_IMPORT_SPELLS);
      g_assert_cmpstr (after, ==, before);
    }
}

/* @n one-day spells of E0…E3 in turns from 2024-01-01 (row k: employee
 * E<k % 4>, day k / 4), newest first when @descending; the row on line
 * @dup_line repeats the row four lines before it. */
static char *
many_spells (guint n, gboolean descending, guint dup_line)
{
  GString *csv = g_string_new ("ansatt;fra;til;grad;type\n");

  for (guint i = 0; i < n; i++)
    {
      guint line = i + 2;
      guint k = descending ? n - 1 - (line == dup_line ? i - 4 : i)
                           : (line == dup_line ? i - 4 : i);
      char buf[11];

      nv_day_format_iso_buf (nv_day_from_ymd (2024, 1, 1) + k / 4, buf);
      g_string_append_printf (csv, "E%u;%s;%s;;egenmeldt\n", k % 4, buf, buf);
    }
  return g_string_free (csv, FALSE);
}

static char *
overlap_message (guint line, guint k)
{
  g_autofree char *day = nv_day_format_local (nv_day_from_ymd (2024, 1, 1) + k / 4);

  return g_strdup_printf ("s.csv:%u: fra: Overlaps E%u’s absence spell %s–%s", line, k % 4, day,
                          day);
}

/* More rows than one group: problems found when a full group is checked,
 * in the middle of the file. */
static void
test_first_problem_past_a_group (Fixture *f, gconstpointer data)
{
  static const guint n = 70000;
  static const char staff[] = "ansatt;stillingsprosent;fra;til\n"
                              "E0;100;2024-01-01;\nE1;100;2024-01-01;\n"
                              "E2;100;2024-01-01;\nE3;100;2024-01-01;\n";
  g_autofree char *before = NULL;
  g_autofree char *imported = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *csv = NULL;
  NvImportCounts counts = { 0 };
  gboolean ok;

  g_assert_true (nv_import_data (f->store, NV_IMPORT_ROSTER, f->unit, "r.csv", staff,
                                 strlen (staff), NULL, &error));
  g_assert_no_error (error);
  before = export (f, NV_IMPORT_SPELLS);
  for (int descending = 0; descending <= 1; descending++)
    {
      g_autofree char *bad = many_spells (n, descending, 30001);
      g_autofree char *after = NULL;
      g_autofree char *expected = overlap_message (30001, descending ? n - 1 - 29995 : 29995);

      g_assert_false (nv_import_data (f->store, NV_IMPORT_SPELLS, f->unit, "s.csv", bad,
                                      strlen (bad), NULL, &error));
      g_assert_nonnull (error);
      g_assert_cmpstr (error->message, ==, expected);
      g_clear_error (&error);
      after = export (f, NV_IMPORT_SPELLS);
      g_assert_cmpstr (after, ==, before);
    }

  /* Without the repeated row, all of them go in. */
  csv = many_spells (n, FALSE, 0);
  ok = nv_import_data (f->store, NV_IMPORT_SPELLS, f->unit, "s.csv", csv, strlen (csv), &counts,
                       &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  g_assert_cmpuint (counts.n_stored, ==, n);
  imported = export (f, NV_IMPORT_SPELLS);
  g_assert_cmpuint (strlen (imported), >, strlen (before) + n * 20);

  /* The same rows newest first: every row overlaps; the first is named. */
  g_free (csv);
  csv = many_spells (n, TRUE, 0);
  g_assert_false (nv_import_data (f->store, NV_IMPORT_SPELLS, f->unit, "s.csv", csv,
                                  strlen (csv), NULL, &error));
  g_assert_nonnull (error);
  {
    g_autofree char *expected = overlap_message (2, n - 1);
    g_assert_cmpstr (error->message, ==, expected);
  }
  g_free (before);
  before = export (f, NV_IMPORT_SPELLS);
  g_assert_cmpstr (before, ==, imported);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/import/preview/every-problem", test_preview_lists_every_problem);
  ADD ("/import/stops-at-first-problem", test_import_stops_at_first_problem);
  ADD ("/import/preview/broken-file", test_preview_of_broken_file);
  ADD ("/import/preview-ok-then-import", test_preview_ok_then_import);
  ADD ("/import/monthly", test_monthly);
  ADD ("/import/monthly-empty", test_monthly_empty);
  ADD ("/import/messages-as-written", test_messages_say_what_was_written);
  ADD ("/import/repeated-bom", test_repeated_bom);
  ADD ("/import/first-problem-in-file-order", test_first_problem_in_file_order);
  ADD ("/import/first-problem-past-a-group", test_first_problem_past_a_group);
  return g_test_run ();
}
