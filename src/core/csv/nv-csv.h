/* nv-csv.h — reading and writing the CSV files of DESIGN §4.
 *
 * Reader: one header row; delimiter `;` or `,` detected from the header;
 * optional UTF-8 byte order mark; CRLF, LF or CR line ends; RFC 4180 quoting
 * (delimiters, quotes and line breaks inside quoted fields); UTF-8, or
 * Windows-1252 when the file is not valid UTF-8 (what Excel writes with
 * "CSV (semikolonseparert)"). Every record carries the physical line on
 * which it starts, for messages like `spells.csv:14: grade: …`.
 *
 * Any byte sequence is safe: fields are limited to NV_CSV_MAX_FIELD bytes
 * and records to NV_CSV_MAX_FIELDS fields, NUL bytes and other control
 * characters are refused as "not a text file", and the file is streamed
 * (memory does not grow with its size). Blank lines and rows whose fields
 * are all empty are skipped. A row with fewer fields than the header reads
 * the missing ones as empty; more fields than the header is an error unless
 * the extra ones are empty (spreadsheets pad rows with `;`).
 *
 * Writer: `;`, UTF-8 with a byte order mark, CRLF, decimal comma — what a
 * Norwegian Excel opens directly with a double click. Numbers are written
 * in the shortest form that reads back to the same double (12,5 — not
 * 12,500000), never in exponent notation.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "nv-calendar.h"

G_BEGIN_DECLS

#define NV_CSV_ERROR (nv_csv_error_quark ())

typedef enum
{
  NV_CSV_ERROR_IO,       /* cannot open, read or write the file */
  NV_CSV_ERROR_EMPTY,    /* no header row */
  NV_CSV_ERROR_BINARY,   /* NUL or control characters: not a text file */
  NV_CSV_ERROR_ENCODING, /* neither UTF-8 nor Windows-1252 */
  NV_CSV_ERROR_SYNTAX,   /* quoting broken, too many fields */
  NV_CSV_ERROR_TOO_LONG, /* a field or record beyond the limits */
  NV_CSV_ERROR_HEADER,   /* unknown, missing or repeated column */
  NV_CSV_ERROR_VALUE,    /* a value that cannot be read (number, date) */
} NvCsvError;

GQuark nv_csv_error_quark (void);

#define NV_CSV_MAX_FIELD 8192 /* bytes per field */
#define NV_CSV_MAX_FIELDS 64  /* fields per record */

typedef enum
{
  NV_CSV_ENCODING_UTF8,
  NV_CSV_ENCODING_WINDOWS_1252,
} NvCsvEncoding;

/* "UTF-8" / "Windows-1252" */
const char *nv_csv_encoding_to_string (NvCsvEncoding encoding);

/* ---- Column sets of DESIGN §4 ------------------------------------------ */

typedef enum
{
  NV_CSV_COLUMN_REQUIRED = 1 << 0,
  /* Written by our exports for the reader's convenience (derived figures);
   * accepted and ignored on import. */
  NV_CSV_COLUMN_DERIVED = 1 << 1,
} NvCsvColumnFlags;

typedef struct
{
  const char *id; /* English header, also the field name nv-absence.h uses */
  const char *nb; /* Norwegian header, what our exports write */
  NvCsvColumnFlags flags;
} NvCsvColumn;

/* Each array ends with an entry whose id is NULL. Order = export order. */
extern const NvCsvColumn nv_csv_roster_columns[];
extern const NvCsvColumn nv_csv_spell_columns[];
extern const NvCsvColumn nv_csv_monthly_columns[];
extern const NvCsvColumn nv_csv_benchmark_columns[];

guint nv_csv_columns_count (const NvCsvColumn *columns);
/* "ansatt;fra;til;grad;type" (or the English names) — for messages. */
char *nv_csv_columns_describe (const NvCsvColumn *columns, gboolean english);

/* "spells.csv:14: grade: message" (field may be NULL, line 0 = no line). */
char *nv_csv_format_problem (const char *file, guint line, const char *field, const char *message);

/* ---- Reader ------------------------------------------------------------ */

typedef struct _NvCsvReader NvCsvReader;

/* Opens @path (only I/O can fail here). Messages name the file by its
 * basename. */
NvCsvReader *nv_csv_reader_new_for_path (const char *path, GError **error);
/* Reads @len bytes at @data, which the caller keeps alive until the reader
 * is freed. @name is used in messages. */
NvCsvReader *nv_csv_reader_new_for_data (const char *name, const void *data, gsize len);
void nv_csv_reader_free (NvCsvReader *reader);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (NvCsvReader, nv_csv_reader_free)

/* Detects encoding, byte order mark and delimiter and reads the header row.
 * Call once, first. Fails on an empty, binary or undecodable file. */
gboolean nv_csv_reader_read_header (NvCsvReader *reader, GError **error);

const char *nv_csv_reader_get_name (NvCsvReader *reader);
NvCsvEncoding nv_csv_reader_get_encoding (NvCsvReader *reader);
char nv_csv_reader_get_delimiter (NvCsvReader *reader);
gboolean nv_csv_reader_has_bom (NvCsvReader *reader);

/* The header fields as written (trimmed), @n_columns of them. */
const char *const *nv_csv_reader_get_header (NvCsvReader *reader, guint *n_columns);

/* Matches the header against @columns: case-insensitive, English or
 * Norwegian name, space and '-' read as '_'. @indexes (one per entry of
 * @columns) receives the field index of each column or -1 when absent.
 * Unknown, repeated and missing required columns are errors naming the
 * column (`spells.csv:1: grd: unknown column (expected …)`). */
gboolean nv_csv_reader_map_columns (NvCsvReader *reader, const NvCsvColumn *columns,
                                    int *indexes, GError **error);
/* Would the header map onto @columns without a problem? No side effects;
 * for hints like "this looks like a roster file". */
gboolean nv_csv_reader_header_matches (NvCsvReader *reader, const NvCsvColumn *columns);
/* The header text of field @index, or NULL for -1. */
const char *nv_csv_reader_column_name (NvCsvReader *reader, int index);
/* After mapping: the name to show for the column with English @id (a field
 * name from nv-absence.h): the header text when the file has the column,
 * else the name in the header's language. Unknown ids are returned as is. */
const char *nv_csv_reader_field_name (NvCsvReader *reader, const NvCsvColumn *columns,
                                      const int *indexes, const char *id);

/* Advances to the next record. FALSE at the end (error unset) or on a broken
 * file (error set, naming file, line and — where known — the column). */
gboolean nv_csv_reader_next (NvCsvReader *reader, GError **error);
/* The physical line (1 = the header) on which the current record starts. */
guint nv_csv_reader_get_line (NvCsvReader *reader);
guint nv_csv_reader_get_n_fields (NvCsvReader *reader);
/* Field @index of the current record, trimmed of spaces and tabs; "" when
 * @index is -1 or past the end of the record. Valid until the next call. */
const char *nv_csv_reader_get_field (NvCsvReader *reader, int index);

/* After nv_csv_reader_read_header(), _map_columns() or _next() failed: the
 * line (0 when none) and column (NULL when none) of the problem and the
 * message without them — for lists of problems in a preview. */
guint nv_csv_reader_get_error_line (NvCsvReader *reader);
const char *nv_csv_reader_get_error_field (NvCsvReader *reader);
const char *nv_csv_reader_get_error_message (NvCsvReader *reader);

/* ---- Values ------------------------------------------------------------ */
/* Messages name the value, not the line or field; callers add those. */

/* Decimal comma or point ("12,5", "12.5", "-3"); groups of three digits
 * separated by spaces are accepted ("1 234,5"). Refused as ambiguous: both a
 * comma and a point ("1.234,5"), or the same one twice ("1.234.567"). */
gboolean nv_csv_parse_number (const char *text, double *value, GError **error);
/* A number with an optional trailing "%" ("80", "80 %", "12,5%"). */
gboolean nv_csv_parse_percent (const char *text, double *value, GError **error);
/* A whole number ("12"; "12,0" is accepted, "12,5" is not). */
gboolean nv_csv_parse_int (const char *text, gint64 *value, GError **error);
/* `YYYY-MM-DD` or `DD.MM.YYYY`; explains why 30.02.2025 or 03/14/2025 fail. */
gboolean nv_csv_parse_date (const char *text, NvDay *day, GError **error);

/* ---- Writer ------------------------------------------------------------ */

typedef struct _NvCsvWriter NvCsvWriter;

/* Writes to a new private (0600) temporary file next to @path that replaces
 * @path only in nv_csv_writer_finish(); freeing an unfinished writer leaves
 * @path untouched. The BOM is written first. */
NvCsvWriter *nv_csv_writer_new_for_path (const char *path, GError **error);
/* Collects into memory; take the text with nv_csv_writer_steal_string(). */
NvCsvWriter *nv_csv_writer_new_for_string (void);
void nv_csv_writer_free (NvCsvWriter *writer);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (NvCsvWriter, nv_csv_writer_free)

/* Quoted when it holds `;`, `"`, a line break or leading/trailing space. */
void nv_csv_writer_add_text (NvCsvWriter *writer, const char *text);
/* Text a user typed freely (a measure's title, notes), for files meant to be
 * opened in a spreadsheet and not imported again: a value that starts with
 * `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading `'`, so the
 * spreadsheet shows it as text instead of running it as a formula. */
void nv_csv_writer_add_user_text (NvCsvWriter *writer, const char *text);
/* Shortest round-trip form, decimal comma; NAN and infinities are written
 * as an empty field. */
void nv_csv_writer_add_number (NvCsvWriter *writer, double value);
void nv_csv_writer_add_int (NvCsvWriter *writer, gint64 value);
/* `YYYY-MM-DD`; NV_DAY_NONE as an empty field. */
void nv_csv_writer_add_day (NvCsvWriter *writer, NvDay day);
void nv_csv_writer_add_empty (NvCsvWriter *writer);
void nv_csv_writer_end_row (NvCsvWriter *writer);

/* Flushes and moves the file into place. */
gboolean nv_csv_writer_finish (NvCsvWriter *writer, GError **error);
/* For string writers: the text so far (BOM included). */
char *nv_csv_writer_steal_string (NvCsvWriter *writer, gsize *len);

/* The number as the writer writes it ("12,5"); for tests and previews. */
char *nv_csv_format_number (double value);

G_END_DECLS
