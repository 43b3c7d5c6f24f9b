/* test-csv.c — the CSV reader, value parsers and writer (DESIGN §4).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <sys/stat.h>
#include <string.h>

#include "nv-csv.h"

/* Reads all records of @text into a string "line:f1|f2|…\n…". */
static char *
dump (const char *text, gsize len, GError **error)
{
  g_autoptr (NvCsvReader) r = nv_csv_reader_new_for_data ("t.csv", text, len);
  GString *out = g_string_new (NULL);
  guint n = 0;
  const char *const *header;

  if (!nv_csv_reader_read_header (r, error))
    {
      g_string_free (out, TRUE);
      return NULL;
    }
  header = nv_csv_reader_get_header (r, &n);
  g_string_append (out, "H:");
  for (guint i = 0; i < n; i++)
    g_string_append_printf (out, "%s%s", i ? "|" : "", header[i]);
  g_string_append_c (out, '\n');
  while (nv_csv_reader_next (r, error))
    {
      g_string_append_printf (out, "%u:", nv_csv_reader_get_line (r));
      for (guint i = 0; i < nv_csv_reader_get_n_fields (r); i++)
        g_string_append_printf (out, "%s%s", i ? "|" : "", nv_csv_reader_get_field (r, (int) i));
      g_string_append_c (out, '\n');
    }
  if (error != NULL && *error != NULL)
    {
      g_string_free (out, TRUE);
      return NULL;
    }
  return g_string_free (out, FALSE);
}

static void
assert_dump (const char *text, const char *expected)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *got = dump (text, strlen (text), &error);

  g_assert_no_error (error);
  g_assert_cmpstr (got, ==, expected);
}

static void
assert_fails (const char *text, gsize len, NvCsvError code, const char *expected_message)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *got = dump (text, len, &error);

  g_assert_null (got);
  g_assert_error (error, NV_CSV_ERROR, (int) code);
  g_assert_cmpstr (error->message, ==, expected_message);
}

static void
test_delimiters (void)
{
  assert_dump ("ansatt;fra\nAB;2025-01-01\n", "H:ansatt|fra\n2:AB|2025-01-01\n");
  assert_dump ("employee,start\nAB,2025-01-01\n", "H:employee|start\n2:AB|2025-01-01\n");
  /* A comma inside a `;` file is data (decimal comma), not a delimiter. */
  assert_dump ("ansatt;stillingsprosent\nAB;50,5\n", "H:ansatt|stillingsprosent\n2:AB|50,5\n");
  /* A quoted `;` in a `,` header does not count. */
  assert_dump ("\"a;b\",c,d\n1,2,3\n", "H:a;b|c|d\n2:1|2|3\n");
}

static void
test_bom_and_line_ends (void)
{
  g_autoptr (NvCsvReader) r = NULL;
  g_autoptr (GError) error = NULL;
  const char *bom = "\xEF\xBB\xBF" "ansatt;fra\r\nAB;1\r\n\r\nCD;2\r\n";

  assert_dump (bom, "H:ansatt|fra\n2:AB|1\n4:CD|2\n");
  r = nv_csv_reader_new_for_data ("t.csv", bom, strlen (bom));
  g_assert_true (nv_csv_reader_read_header (r, &error));
  g_assert_no_error (error);
  g_assert_true (nv_csv_reader_has_bom (r));
  g_assert_cmpint (nv_csv_reader_get_delimiter (r), ==, ';');
  g_assert_cmpint (nv_csv_reader_get_encoding (r), ==, NV_CSV_ENCODING_UTF8);

  /* LF, old Mac CR, no final line end, trailing blank lines and `;;;` rows. */
  assert_dump ("a;b\n1;2\n\n\n3;4", "H:a|b\n2:1|2\n5:3|4\n");
  assert_dump ("a;b\r1;2\r3;4\r", "H:a|b\n2:1|2\n3:3|4\n");
  assert_dump ("a;b\n1;2\n;\n ; \n", "H:a|b\n2:1|2\n");
}

static void
test_quoting (void)
{
  /* Embedded delimiter, doubled quotes, CRLF and LF inside quotes: the next
   * record's line number counts the physical lines. */
  assert_dump ("a;b;c\r\n"
               "\"x;y\";\"say \"\"hi\"\"\";\"two\r\nlines\"\r\n"
               "\"three\nline\nfield\";2;3\r\n"
               "last;;\"\"\r\n",
               "H:a|b|c\n2:x;y|say \"hi\"|two\r\nlines\n4:three\nline\nfield|2|3\n7:last||\n");
  /* Spaces around fields are trimmed, inside quotes too. */
  assert_dump ("a;b\n  AB  ; \" CD \"\n", "H:a|b\n2:AB|CD\n");
}

static void
test_short_and_long_rows (void)
{
  /* Missing trailing fields read as empty; extra empty ones are ignored. */
  const char *text = "a;b;c\n1\n1;2;3;;\n";
  g_autoptr (NvCsvReader) r = nv_csv_reader_new_for_data ("t.csv", text, strlen (text));
  g_autoptr (GError) error = NULL;

  g_assert_true (nv_csv_reader_read_header (r, &error));
  g_assert_true (nv_csv_reader_next (r, &error));
  g_assert_cmpstr (nv_csv_reader_get_field (r, 2), ==, "");
  g_assert_cmpstr (nv_csv_reader_get_field (r, -1), ==, "");
  g_assert_true (nv_csv_reader_next (r, &error));
  g_assert_cmpstr (nv_csv_reader_get_field (r, 2), ==, "3");
  g_assert_false (nv_csv_reader_next (r, &error));
  g_assert_no_error (error);

  assert_fails ("a;b\n1;2\n1;2;3\n", 14, NV_CSV_ERROR_SYNTAX,
                "t.csv:3: the row has more fields than the header has columns (2); is a value "
                "with a “;” not quoted?");
}

static void
test_encodings (void)
{
  /* «Ærlig Øystein Å» and «€» as Windows-1252 bytes. */
  const char cp1252[] = "ansatt;merknad\n\xC6rlig \xD8ystein \xC5;\x80 5\n";
  const char utf8[] = "ansatt;merknad\nÆrlig Øystein Å;€ 5\n";
  g_autoptr (NvCsvReader) r = nv_csv_reader_new_for_data ("t.csv", cp1252, sizeof cp1252 - 1);
  g_autoptr (GError) error = NULL;

  g_assert_true (nv_csv_reader_read_header (r, &error));
  g_assert_cmpint (nv_csv_reader_get_encoding (r), ==, NV_CSV_ENCODING_WINDOWS_1252);
  g_assert_true (nv_csv_reader_next (r, &error));
  g_assert_cmpstr (nv_csv_reader_get_field (r, 0), ==, "Ærlig Øystein Å");
  g_assert_cmpstr (nv_csv_reader_get_field (r, 1), ==, "€ 5");

  assert_dump (utf8, "H:ansatt|merknad\n2:Ærlig Øystein Å|€ 5\n");

  /* 0x81 is not a character in Windows-1252 either. */
  assert_fails ("a;b\n1;2\nx\x81;y\n", 13, NV_CSV_ERROR_ENCODING,
                "t.csv:3: the byte 0x81 is neither UTF-8 nor Windows-1252 text");
  /* Excel's "Unicode text". */
  assert_fails ("\xFF\xFE" "a\0;\0b\0", 8, NV_CSV_ERROR_ENCODING,
                "t.csv:1: the file is UTF-16 text; save it as “CSV UTF-8” or “CSV (semicolon "
                "separated)” instead");
  /* A UTF-8 mark promises UTF-8. */
  assert_fails ("\xEF\xBB\xBF" "a;b\n\xC6;2\n", 11, NV_CSV_ERROR_ENCODING,
                "t.csv:2: the file starts with a UTF-8 mark but is not valid UTF-8");
}

static void
test_broken_files (void)
{
  assert_fails ("", 0, NV_CSV_ERROR_EMPTY,
                "t.csv:1: the file is empty; the first row must name the columns");
  assert_fails ("\r\n\n", 3, NV_CSV_ERROR_EMPTY,
                "t.csv:1: the file is empty; the first row must name the columns");
  assert_fails ("a;b\n1;\"2\n3;4\n", 13, NV_CSV_ERROR_SYNTAX,
                "t.csv:2: b: a quoted field is not closed (a quote \" is missing)");
  assert_fails ("a;b\n1;2\n1;x\"y\n", 14, NV_CSV_ERROR_SYNTAX,
                "t.csv:3: b: a quote (\") inside a field that does not start with one; quote "
                "the whole field and double the quotes inside it");
  assert_fails ("a;b\n\"1\"x;2\n", 11, NV_CSV_ERROR_SYNTAX,
                "t.csv:2: a: text after the closing quote of a field");
  assert_fails ("a;b\n1;2\x00" "3\n", 9, NV_CSV_ERROR_BINARY,
                "t.csv:2: b: contains the control character 0x00; this does not look like a "
                "CSV text file");
  assert_fails ("\x7F" "ELF\x02\x01", 6, NV_CSV_ERROR_BINARY,
                "t.csv:1: contains the control character 0x7F; this does not look like a CSV "
                "text file");
}

static void
test_limits (void)
{
  g_autoptr (GString) s = g_string_new ("a;b\n1;\"");
  g_autoptr (GString) wide = g_string_new ("a\n");
  g_autoptr (GError) error = NULL;
  g_autofree char *got = NULL;

  /* An unclosed quote swallowing the file stops at the field limit. */
  for (int i = 0; i < 5000; i++)
    g_string_append (s, "xx\n");
  got = dump (s->str, s->len, &error);
  g_assert_null (got);
  g_assert_error (error, NV_CSV_ERROR, NV_CSV_ERROR_TOO_LONG);
  g_assert_cmpstr (error->message, ==,
                   "t.csv:2: b: a field longer than 8192 bytes — is a quote (\") not closed?");
  g_clear_error (&error);

  for (int i = 0; i < 100; i++)
    g_string_append (wide, "x;");
  got = (g_free (got), dump (wide->str, wide->len, &error));
  g_assert_null (got);
  g_assert_error (error, NV_CSV_ERROR, NV_CSV_ERROR_TOO_LONG);
  g_assert_cmpstr (error->message, ==, "t.csv:2: more than 64 fields in one row");
}

/* Records and line numbers across libcsv pieces (4 KiB) and read chunks
 * (64 KiB), in UTF-8 and in Windows-1252. */
static void
test_large_file (void)
{
  for (int cp1252 = 0; cp1252 <= 1; cp1252++)
    {
      g_autoptr (GString) s = g_string_new ("ansatt;merknad\r\n");
      g_autoptr (GArray) lines = g_array_new (FALSE, FALSE, sizeof (guint));
      g_autoptr (NvCsvReader) r = NULL;
      g_autoptr (GError) error = NULL;
      guint line = 2;
      guint n = 0;

      for (guint i = 0; i < 20000; i++)
        {
          g_array_append_val (lines, line);
          if (i % 97 == 0)
            {
              g_string_append_printf (s, "E%u;\"to\r\nlinjer; \"\"%s\"\"\"\r\n", i,
                                      cp1252 ? "\xD8" : "Ø");
              line += 2;
            }
          else
            {
              g_string_append_printf (s, "E%u;%s\r\n", i, cp1252 ? "\xC6\xD8\xC5" : "ÆØÅ");
              line += 1;
            }
        }
      if (cp1252)
        g_string_append (s, "E;\x81\r\n");

      r = nv_csv_reader_new_for_data ("big.csv", s->str, s->len);
      g_assert_true (nv_csv_reader_read_header (r, &error));
      g_assert_cmpint (nv_csv_reader_get_encoding (r), ==,
                       cp1252 ? NV_CSV_ENCODING_WINDOWS_1252 : NV_CSV_ENCODING_UTF8);
      while (nv_csv_reader_next (r, &error))
        {
          g_assert_cmpuint (n, <, lines->len);
          g_assert_cmpuint (nv_csv_reader_get_line (r), ==, g_array_index (lines, guint, n));
          if (n % 97 == 0)
            g_assert_cmpstr (nv_csv_reader_get_field (r, 1), ==, "to\r\nlinjer; \"Ø\"");
          else
            g_assert_cmpstr (nv_csv_reader_get_field (r, 1), ==, "ÆØÅ");
          n++;
        }
      if (cp1252)
        {
          g_autofree char *expected = g_strdup_printf (
            "big.csv:%u: the byte 0x81 is neither UTF-8 nor Windows-1252 text", line);
          g_assert_error (error, NV_CSV_ERROR, NV_CSV_ERROR_ENCODING);
          g_assert_cmpstr (error->message, ==, expected);
          /* The chunk with the bad byte is refused whole. */
          g_assert_cmpuint (n, <, 20000);
        }
      else
        {
          g_assert_no_error (error);
          g_assert_cmpuint (n, ==, 20000);
        }
    }
}

static void
test_header_mapping (void)
{
  struct
  {
    const char *text;
    const char *error; /* NULL: maps */
  } cases[] = {
    { "ansatt;fra;til;grad;type\n", NULL },
    { "EMPLOYEE,Start,End,Grade,TYPE\n", NULL },
    { "Ansatt;Fra;Type\n", NULL }, /* til and grad are optional */
    { "ansatt;fra;til;grad;type;;;\n", NULL }, /* empty columns at the right */
    { "ansatt;fra;til;grd;type\n",
      "t.csv:1: grd: unknown column (expected ansatt;fra;til;grad;type)" },
    { "employee,end,type\n",
      "t.csv:1: start: required column missing (expected employee;start;end;grade;type)" },
    { "ansatt;fra;employee;type\n",
      "t.csv:1: employee: the column appears twice (also as “ansatt”)" },
    { "ansatt;;fra;type\n",
      "t.csv:1: column 2 has no name (expected ansatt;fra;til;grad;type)" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (NvCsvReader) r =
        nv_csv_reader_new_for_data ("t.csv", cases[i].text, strlen (cases[i].text));
      g_autoptr (GError) error = NULL;
      int idx[5];
      gboolean ok;

      g_assert_true (nv_csv_reader_read_header (r, &error));
      ok = nv_csv_reader_map_columns (r, nv_csv_spell_columns, idx, &error);
      if (cases[i].error == NULL)
        {
          g_assert_no_error (error);
          g_assert_true (ok);
        }
      else
        {
          g_assert_error (error, NV_CSV_ERROR, NV_CSV_ERROR_HEADER);
          g_assert_cmpstr (error->message, ==, cases[i].error);
          g_assert_cmpuint (nv_csv_reader_get_error_line (r), ==, 1);
        }
    }

  {
    const char *text = "Avtalte dagsverk;ENHET;periode;tapte-dagsverk-egenmeldt;"
                       "tapte_dagsverk_legemeldt;Personer;prosent\n";
    g_autoptr (NvCsvReader) r = nv_csv_reader_new_for_data ("m.csv", text, strlen (text));
    int idx[9];

    g_assert_true (nv_csv_reader_read_header (r, NULL));
    g_assert_true (nv_csv_reader_map_columns (r, nv_csv_monthly_columns, idx, NULL));
    g_assert_cmpint (idx[0], ==, 1); /* unit */
    g_assert_cmpint (idx[2], ==, 0); /* contracted_days */
    g_assert_cmpint (idx[6], ==, 6); /* derived, accepted */
    g_assert_cmpint (idx[7], ==, -1);
    g_assert_cmpstr (nv_csv_reader_field_name (r, nv_csv_monthly_columns, idx, "unit"), ==,
                     "ENHET");
    g_assert_cmpstr (nv_csv_reader_field_name (r, nv_csv_monthly_columns, idx, "percent_self"),
                     ==, "prosent_egenmeldt");
  }
}

static void
test_numbers (void)
{
  struct
  {
    const char *text;
    double value;
  } good[] = {
    { "12,5", 12.5 },     { "12.5", 12.5 },          { "-3", -3 },
    { " 7 ", 7 },         { "1 234,5", 1234.5 },     { "1\xC2\xA0" "234\xC2\xA0" "567", 1234567 },
    { "0,25", 0.25 },     { ",5", 0.5 },             { "100", 100 },
    { "-0", 0 },
  };
  struct
  {
    const char *text;
    const char *message;
  } bad[] = {
    { "1.234,5",
      "“1.234,5” has both a point and a comma; write it without a thousands separator, e.g. "
      "1234,5" },
    { "1,234.5",
      "“1,234.5” has both a point and a comma; write it without a thousands separator, e.g. "
      "1234,5" },
    { "1.234.567",
      "“1.234.567” has more than one “.”; write it without a thousands separator, e.g. 1234567" },
    { "12 34", "“12 34” is not a number" },
    { "abc", "“abc” is not a number" },
    { "1e5", "“1e5” is not a number" },
    { "12,", "“12,” is not a number" },
    { "", "a number is missing" },
    { "nan", "“nan” is not a number" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr (GError) error = NULL;
      double v = NAN;

      g_assert_true (nv_csv_parse_number (good[i].text, &v, &error));
      g_assert_no_error (error);
      g_assert_cmpfloat (v, ==, good[i].value);
      g_assert_false (signbit (v) && v == 0);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr (GError) error = NULL;
      double v;

      g_assert_false (nv_csv_parse_number (bad[i].text, &v, &error));
      g_assert_error (error, NV_CSV_ERROR, NV_CSV_ERROR_VALUE);
      g_assert_cmpstr (error->message, ==, bad[i].message);
    }

  {
    double v;
    gint64 n;
    g_autoptr (GError) error = NULL;

    g_assert_true (nv_csv_parse_percent ("80 %", &v, NULL));
    g_assert_cmpfloat (v, ==, 80);
    g_assert_true (nv_csv_parse_percent ("12,5%", &v, NULL));
    g_assert_cmpfloat (v, ==, 12.5);
    g_assert_true (nv_csv_parse_int ("12", &n, NULL));
    g_assert_cmpint (n, ==, 12);
    g_assert_true (nv_csv_parse_int ("12,0", &n, NULL));
    g_assert_false (nv_csv_parse_int ("12,5", &n, &error));
    g_assert_cmpstr (error->message, ==, "“12,5” is not a whole number");
  }
}

static void
test_dates (void)
{
  struct
  {
    const char *text;
    int y, m, d;
    const char *message;
  } cases[] = {
    { "2025-03-14", 2025, 3, 14, NULL },
    { "14.03.2025", 2025, 3, 14, NULL },
    { "1.2.2025", 2025, 2, 1, NULL },
    { "29.02.2024", 2024, 2, 29, NULL },
    { "30.02.2025", 0, 0, 0, "30.02.2025 is not a date that exists" },
    { "2025-02-30", 0, 0, 0, "2025-02-30 is not a date that exists" },
    { "29.02.2025", 0, 0, 0, "29.02.2025 is not a date that exists" },
    { "03/14/2025", 0, 0, 0,
      "“03/14/2025” is not a date this program reads: dates with “/” are ambiguous (day or "
      "month first?); use YYYY-MM-DD or DD.MM.YYYY" },
    { "14.03.25", 0, 0, 0, "“14.03.25” is not a date (use YYYY-MM-DD or DD.MM.YYYY)" },
    { "1850-01-01", 0, 0, 0, "1850-01-01 is outside the years 1900–2199" },
    { "i går", 0, 0, 0, "“i går” is not a date (use YYYY-MM-DD or DD.MM.YYYY)" },
    { "", 0, 0, 0, "a date is missing" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      NvDay day = NV_DAY_NONE;
      gboolean ok = nv_csv_parse_date (cases[i].text, &day, &error);

      if (cases[i].message == NULL)
        {
          g_assert_no_error (error);
          g_assert_true (ok);
          g_assert_cmpuint (day, ==, nv_day_from_ymd (cases[i].y, cases[i].m, cases[i].d));
        }
      else
        {
          g_assert_false (ok);
          g_assert_cmpstr (error->message, ==, cases[i].message);
        }
    }
}

static void
test_format_number (void)
{
  struct
  {
    double value;
    const char *text;
  } cases[] = {
    { 12.5, "12,5" },  { 12.0, "12" },         { 0.1, "0,1" },         { 1.0 / 3, "0,3333333333333333" },
    { -2.25, "-2,25" }, { 0.0, "0" },          { -0.0, "0" },          { 1e-7, "0,0000001" },
    { 1234567.0, "1234567" }, { 1e21, "1000000000000000000000" }, { NAN, "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = nv_csv_format_number (cases[i].value);
      double back;

      g_assert_cmpstr (text, ==, cases[i].text);
      if (isfinite (cases[i].value))
        {
          g_assert_true (nv_csv_parse_number (text, &back, NULL));
          g_assert_cmpfloat (back, ==, cases[i].value);
        }
    }

  /* Random doubles survive the trip exactly. */
  for (int i = 0; i < 2000; i++)
    {
      double v = g_test_rand_double_range (-1e6, 1e6);
      g_autofree char *text = nv_csv_format_number (v);
      double back;

      g_assert_true (nv_csv_parse_number (text, &back, NULL));
      g_assert_cmpfloat (back, ==, v);
    }
}

/* Free text that a spreadsheet would run as a formula gets a leading `'`. */
static void
test_writer_user_text (void)
{
  g_autoptr (NvCsvWriter) w = nv_csv_writer_new_for_string ();
  g_autofree char *out = NULL;
  gsize len = 0;

  nv_csv_writer_add_user_text (w, "=HYPERLINK(\"http://x\";\"Klikk\")");
  nv_csv_writer_add_user_text (w, "+47 22 00 00 00");
  nv_csv_writer_add_user_text (w, "-1+1");
  nv_csv_writer_add_user_text (w, "@SUM(A1)");
  nv_csv_writer_add_user_text (w, "\t=1");
  nv_csv_writer_end_row (w);
  nv_csv_writer_add_user_text (w, "Kaffe = trivsel");
  nv_csv_writer_add_user_text (w, "");
  nv_csv_writer_add_user_text (w, NULL);
  nv_csv_writer_add_user_text (w, "'sitat'");
  nv_csv_writer_end_row (w);
  out = nv_csv_writer_steal_string (w, &len);
  g_assert_cmpstr (out, ==,
                   "\xEF\xBB\xBF"
                   "\"'=HYPERLINK(\"\"http://x\"\";\"\"Klikk\"\")\";'+47 22 00 00 00;'-1+1;"
                   "'@SUM(A1);'\t=1\r\n"
                   "Kaffe = trivsel;;;'sitat'\r\n");
}

static void
test_writer_round_trip (void)
{
  g_autoptr (NvCsvWriter) w = nv_csv_writer_new_for_string ();
  g_autoptr (NvCsvReader) r = NULL;
  g_autofree char *text = NULL;
  gsize len = 0;
  double v;

  nv_csv_writer_add_text (w, "ansatt");
  nv_csv_writer_add_text (w, "verdi");
  nv_csv_writer_add_text (w, "fra");
  nv_csv_writer_add_text (w, "merknad");
  nv_csv_writer_end_row (w);
  nv_csv_writer_add_text (w, "Ærlig; Øystein");
  nv_csv_writer_add_number (w, 12.5);
  nv_csv_writer_add_day (w, nv_day_from_ymd (2025, 3, 14));
  nv_csv_writer_add_text (w, "sa \"hei\"\nog gikk");
  nv_csv_writer_end_row (w);
  nv_csv_writer_add_text (w, " AB ");
  nv_csv_writer_add_int (w, -7);
  nv_csv_writer_add_day (w, NV_DAY_NONE);
  nv_csv_writer_add_empty (w);
  nv_csv_writer_end_row (w);
  text = nv_csv_writer_steal_string (w, &len);

  g_assert_cmpstr (text, ==,
                   "\xEF\xBB\xBF" "ansatt;verdi;fra;merknad\r\n"
                   "\"Ærlig; Øystein\";12,5;2025-03-14;\"sa \"\"hei\"\"\nog gikk\"\r\n"
                   "\" AB \";-7;;\r\n");

  r = nv_csv_reader_new_for_data ("w.csv", text, len);
  g_assert_true (nv_csv_reader_read_header (r, NULL));
  g_assert_true (nv_csv_reader_has_bom (r));
  g_assert_true (nv_csv_reader_next (r, NULL));
  g_assert_cmpuint (nv_csv_reader_get_line (r), ==, 2);
  g_assert_cmpstr (nv_csv_reader_get_field (r, 0), ==, "Ærlig; Øystein");
  g_assert_true (nv_csv_parse_number (nv_csv_reader_get_field (r, 1), &v, NULL));
  g_assert_cmpfloat (v, ==, 12.5);
  g_assert_cmpstr (nv_csv_reader_get_field (r, 3), ==, "sa \"hei\"\nog gikk");
  g_assert_true (nv_csv_reader_next (r, NULL));
  g_assert_cmpuint (nv_csv_reader_get_line (r), ==, 4);
  g_assert_false (nv_csv_reader_next (r, NULL));
}

static void
test_writer_file (void)
{
  g_autofree char *dir = g_dir_make_tmp ("nv-csv-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "out.csv", NULL);
  g_autofree char *data = NULL;
  GStatBuf st;

  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  {
    /* Freed without finish: the old file stays, no temporary left. */
    g_autoptr (NvCsvWriter) w = nv_csv_writer_new_for_path (path, NULL);
    nv_csv_writer_add_text (w, "half");
  }
  g_assert_true (g_file_get_contents (path, &data, NULL, NULL));
  g_assert_cmpstr (data, ==, "old");
  {
    g_autoptr (NvCsvWriter) w = nv_csv_writer_new_for_path (path, NULL);
    g_autoptr (GError) error = NULL;
    nv_csv_writer_add_text (w, "ny");
    nv_csv_writer_end_row (w);
    g_assert_true (nv_csv_writer_finish (w, &error));
    g_assert_no_error (error);
  }
  g_clear_pointer (&data, g_free);
  g_assert_true (g_file_get_contents (path, &data, NULL, NULL));
  g_assert_cmpstr (data, ==, "\xEF\xBB\xBFny\r\n");
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  {
    GDir *d = g_dir_open (dir, 0, NULL);
    const char *name;
    guint n = 0;
    while ((name = g_dir_read_name (d)) != NULL)
      n++;
    g_dir_close (d);
    g_assert_cmpuint (n, ==, 1);
  }
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/csv/reader/delimiters", test_delimiters);
  g_test_add_func ("/csv/reader/bom-and-line-ends", test_bom_and_line_ends);
  g_test_add_func ("/csv/reader/quoting", test_quoting);
  g_test_add_func ("/csv/reader/short-and-long-rows", test_short_and_long_rows);
  g_test_add_func ("/csv/reader/encodings", test_encodings);
  g_test_add_func ("/csv/reader/broken-files", test_broken_files);
  g_test_add_func ("/csv/reader/limits", test_limits);
  g_test_add_func ("/csv/reader/large-file", test_large_file);
  g_test_add_func ("/csv/reader/header-mapping", test_header_mapping);
  g_test_add_func ("/csv/values/numbers", test_numbers);
  g_test_add_func ("/csv/values/dates", test_dates);
  g_test_add_func ("/csv/writer/format-number", test_format_number);
  g_test_add_func ("/csv/writer/round-trip", test_writer_round_trip);
  g_test_add_func ("/csv/writer/user-text", test_writer_user_text);
  g_test_add_func ("/csv/writer/file", test_writer_file);
  return g_test_run ();
}
