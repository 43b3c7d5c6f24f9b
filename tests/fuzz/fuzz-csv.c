/* fuzz-csv.c — libFuzzer target for the CSV reader, value parsers and writer.
 *
 * Any input must be read without a crash, a sanitizer report or unbounded
 * memory. Oracle: every record the reader accepts, written back with the
 * writer and read again, gives the same fields.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "nv-csv.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

/* abort() rather than g_error(): libFuzzer saves the input on SIGABRT. */
#define FAIL(...) (g_printerr (__VA_ARGS__), g_printerr ("\n"), abort ())

static const NvCsvColumn *const column_sets[] = {
  nv_csv_roster_columns,
  nv_csv_spell_columns,
  nv_csv_monthly_columns,
  nv_csv_benchmark_columns,
};

static void
check_round_trip (GPtrArray *fields)
{
  g_autoptr (NvCsvWriter) w = nv_csv_writer_new_for_string ();
  g_autoptr (NvCsvReader) r = NULL;
  g_autofree char *text = NULL;
  gsize len = 0;
  gboolean any = FALSE;

  /* A header with as many columns, then the record. */
  for (guint i = 0; i < fields->len; i++)
    {
      char name[16];
      g_snprintf (name, sizeof name, "c%u", i);
      nv_csv_writer_add_text (w, name);
    }
  nv_csv_writer_end_row (w);
  for (guint i = 0; i < fields->len; i++)
    {
      nv_csv_writer_add_text (w, g_ptr_array_index (fields, i));
      any = any || *(const char *) g_ptr_array_index (fields, i) != '\0';
    }
  nv_csv_writer_end_row (w);
  text = nv_csv_writer_steal_string (w, &len);

  r = nv_csv_reader_new_for_data ("round-trip.csv", text, len);
  if (!nv_csv_reader_read_header (r, NULL))
    FAIL ("round trip: header not read back");
  if (!any)
    return; /* an all-empty row is skipped by design */
  if (!nv_csv_reader_next (r, NULL))
    FAIL ("round trip: record not read back");
  for (guint i = 0; i < fields->len; i++)
    if (strcmp (nv_csv_reader_get_field (r, (int) i), g_ptr_array_index (fields, i)) != 0)
      FAIL ("round trip: field %u changed", i);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr (NvCsvReader) r = nv_csv_reader_new_for_data ("fuzz.csv", data, size);
  int idx[16];
  guint n_records = 0;

  if (!nv_csv_reader_read_header (r, NULL))
    return 0;
  nv_csv_reader_map_columns (r, column_sets[size % G_N_ELEMENTS (column_sets)], idx, NULL);

  while (nv_csv_reader_next (r, NULL) && n_records++ < 1000)
    {
      g_autoptr (GPtrArray) fields = g_ptr_array_new ();

      for (guint i = 0; i < nv_csv_reader_get_n_fields (r); i++)
        {
          const char *field = nv_csv_reader_get_field (r, (int) i);
          double d;
          gint64 n;
          NvDay day;

          if (!g_utf8_validate (field, -1, NULL))
            FAIL ("the reader returned invalid UTF-8");
          if (nv_csv_parse_number (field, &d, NULL))
            {
              g_autofree char *back = nv_csv_format_number (d);
              double again;
              if (!nv_csv_parse_number (back, &again, NULL) || again != d)
                FAIL ("number %s does not round-trip", back);
            }
          nv_csv_parse_percent (field, &d, NULL);
          nv_csv_parse_int (field, &n, NULL);
          nv_csv_parse_date (field, &day, NULL);
          g_ptr_array_add (fields, (gpointer) field);
        }
      check_round_trip (fields);
    }
  return 0;
}
