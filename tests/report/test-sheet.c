/* Tables out of the GUI: the Overview's quarter table as CSV (`;`, decimal
 * comma, BOM, masked cells empty) and as .xlsx (numbers as numbers, the
 * same values, masked cells empty with a comment). */
#include "config.h"

#include <math.h>
#include <string.h>

#include "nv-test-util.h"
#include "nv-absence.h"
#include "nv-csv.h"
#include "nv-sheet.h"
#include "nv-unit.h"

#define D(y, m, d) nv_day_from_ymd (y, m, d)

static char *
unzip (const char *zip, const char *member)
{
  const char *argv[] = { "unzip", "-p", zip, member, NULL };

  return nv_test_run_output (argv);
}

/* The <v> of cell @ref in a sheet's XML, NULL when the cell is absent. */
static char *
cell_value (const char *xml, const char *ref)
{
  g_autofree char *needle = g_strdup_printf ("<c r=\"%s\"", ref);
  const char *c = strstr (xml, needle), *v, *end;

  if (c == NULL)
    return NULL;
  end = strstr (c, "</c>");
  v = strstr (c, "<v>");
  if (v == NULL || end == NULL || v > end)
    return g_strdup ("");
  return g_strndup (v + 3, strstr (v, "</v>") - v - 3);
}

static void
assert_number (const char *xml, const char *ref, double expected)
{
  g_autofree char *v = cell_value (xml, ref);

  if (v == NULL)
    g_error ("cell %s is missing", ref);
  g_assert_cmpfloat_with_epsilon (g_ascii_strtod (v, NULL), expected, 1e-9);
}

/* Four persons in Q4 2024 (masked), five from 2025. Q1 2025: 63 workdays
 * × 5 = 315 contracted, 20 lost (E4 6–31 Jan) → 6,349… %. */
static gint64
build_unit (NvStore *store)
{
  g_autoptr (GError) error = NULL;
  gint64 unit = nv_unit_add (store, "Avdeling 2B", "helse-omsorg", NULL, &error);
  gint64 ids[5];

  for (int i = 0; i < 5; i++)
    {
      g_autofree char *ref = g_strdup_printf ("E%d", i + 1);
      ids[i] = nv_employee_add (store, unit, ref, NULL, &error);
      nv_roster_add (store, ids[i], 100, i == 4 ? D (2025, 1, 1) : D (2024, 10, 1), NV_DAY_NONE,
                     NULL, &error);
      g_assert_no_error (error);
    }
  nv_spell_add (store, ids[0], D (2024, 11, 4), D (2024, 11, 12), 100, NV_SPELL_DOCTOR, NULL,
                &error);
  nv_spell_add (store, ids[3], D (2025, 1, 6), D (2025, 1, 31), 100, NV_SPELL_DOCTOR, NULL,
                &error);
  g_assert_no_error (error);
  return unit;
}

static void
test_overview_table (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = nv_test_tmpdir ();
  g_autofree char *db = g_build_filename (dir, "naervaer.db", NULL);
  g_autofree char *csv = g_build_filename (dir, "kvartaler.csv", NULL);
  g_autofree char *xlsx = g_build_filename (dir, "kvartaler.xlsx", NULL);
  g_autoptr (NvStore) store = nv_store_open (db, &error);
  gint64 unit = build_unit (store);
  g_autoptr (NvSheet) table = nv_sheet_for_overview (store, unit, D (2025, 3, 31), 4700, &error);
  g_autofree char *text = NULL, *sheet = NULL, *comments = NULL, *percent = NULL;
  g_autofree char *expected = NULL;
  g_auto (GStrv) lines = NULL;
  double q1 = 20 * 100. / 315;

  g_assert_no_error (error);
  /* The Overview's five quarters: Q1 2024 – Q1 2025 (Q1 2024 and Q2, Q3
   * 2024 have nobody, Q4 2024 four persons). */
  g_assert_cmpuint (nv_sheet_get_n_rows (table), ==, 5);

  g_assert_true (nv_sheet_write (table, csv, &error));
  g_assert_no_error (error);
  g_assert_cmpint (nv_test_mode (csv), ==, 0600);
  g_assert_true (g_file_get_contents (csv, &text, NULL, NULL));
  g_assert_true (g_str_has_prefix (text, "\xef\xbb\xbf" "Quarter;Persons;Contracted days;"));
  lines = g_strsplit (text, "\r\n", -1);
  /* Q4 2024: persons only, every figure empty. */
  g_assert_cmpstr (lines[4], ==, "Q4 2024;4;;;;;;;;;;");
  percent = nv_csv_format_number (q1);
  g_assert_nonnull (strchr (percent, ','));
  expected = g_strdup_printf ("Q1 2025;5;315;20;%s;", percent);
  g_assert_true (g_str_has_prefix (lines[5], expected));

  g_assert_true (nv_sheet_write (table, xlsx, &error));
  g_assert_no_error (error);
  g_assert_cmpint (nv_test_mode (xlsx), ==, 0600);
  sheet = unzip (xlsx, "xl/worksheets/sheet1.xml");
  comments = unzip (xlsx, "xl/comments1.xml");
  /* Row 6 is Q1 2025: numbers, not text. */
  assert_number (sheet, "B6", 5);
  assert_number (sheet, "C6", 315);
  assert_number (sheet, "D6", 20);
  assert_number (sheet, "E6", q1);
  assert_number (sheet, "G6", q1);
  assert_number (sheet, "L6", 20 * 4700.);
  /* Row 5 is Q4 2024: persons, then no value at all. */
  assert_number (sheet, "B5", 4);
  {
    g_autofree char *v = cell_value (sheet, "C5");
    g_assert_true (v == NULL || *v == '\0');
  }
  {
    g_autofree char *v = cell_value (sheet, "E5");
    g_assert_true (v == NULL || *v == '\0');
  }
  g_assert_null (strstr (sheet, "<v>256</v>"));
  g_assert_nonnull (strstr (comments, "Hidden: fewer than 5 persons"));

  {
    g_autofree char *ods = g_build_filename (dir, "x.ods", NULL);
    g_assert_false (nv_sheet_write (table, ods, &error));
  }
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL);
  g_clear_error (&error);

  /* The municipal overview as a workbook: the unit's latest complete
   * quarter (Q1 2025), its persons and per cent as numbers. */
  {
    g_autoptr (NvMunicipal) municipal = nv_municipal_new (store, D (2025, 3, 31), &error);
    g_autoptr (NvSheet) units = NULL;
    g_autofree char *path = g_build_filename (dir, "kommunen.xlsx", NULL);
    g_autofree char *xml = NULL;

    g_assert_no_error (error);
    units = nv_sheet_for_municipal (municipal);
    g_assert_cmpuint (nv_sheet_get_n_rows (units), ==, 1);
    g_assert_true (nv_sheet_write (units, path, &error));
    g_assert_no_error (error);
    xml = unzip (path, "xl/worksheets/sheet1.xml");
    assert_number (xml, "D2", 5);
    assert_number (xml, "E2", q1);
  }

  g_clear_object (&store);
  nv_test_rmtree (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/sheet/overview", test_overview_table);
  return g_test_run ();
}
