/* nv-csv-private.h — the CSV reader's internals, shared by nv-csv.c (the
 * parser), nv-csv-encoding.c (reading the source, encoding detection and
 * conversion) and nv-csv-header.c (column sets and header mapping).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <csv.h>

#include "nv-csv.h"

G_BEGIN_DECLS

#define RAW_CHUNK 65536
#define FEED_PIECE 4096
#define MAX_RECORD (64 * 1024)

typedef struct
{
  guint line;
  guint n_fields;
  guint32 *offsets; /* into text; each field NUL-terminated */
  char *text;
} Record;

struct _NvCsvReader
{
  char *name;

  /* source: a file descriptor or caller-owned memory */
  int fd;
  const guint8 *data;
  gsize data_len;
  gsize data_pos;

  NvCsvEncoding encoding;
  gboolean bom;
  gsize bom_bytes; /* the marks at the start: one, or repeated by a tool that added its own */
  gboolean first_chunk;
  GIConv iconv;
  guint8 *raw;
  GString *decoded; /* Windows-1252 converted to UTF-8 */
  const char *feed;
  gsize feed_len;
  gsize feed_pos;
  guint chunk_line; /* physical line at the start of the current chunk */
  gboolean at_eof;
  gboolean finished;

  char delimiter;
  struct csv_parser parser;
  gboolean parser_ready;

  guint line; /* the physical line the parser is on */
  gboolean after_cr;

  GString *rec_text;
  GArray *rec_offsets;
  guint rec_line; /* 0: no field of the record seen yet */

  GPtrArray *records; /* Record *, a queue read from records_head */
  guint records_head;
  Record *current;

  GPtrArray *header; /* char *, NULL until read */
  gboolean english;  /* the header uses the English column names */

  gboolean failed;
  NvCsvError error_code;
  guint error_line;
  int error_index; /* field index of the problem; its name is looked up late
                    * because the header is parsed in the same piece */
  char *error_field;
  char *error_message;
};

/* Control characters other than tab and line breaks: signs of a binary
 * file. Inline: the parser checks every byte of every field with it. */
static inline gboolean
nv_csv_is_control (guchar c)
{
  return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f;
}

/* Records the first problem met; later ones are ignored. */
void nv_csv_reader_fail (NvCsvReader *r, NvCsvError code, guint line, int field,
                         const char *format, ...) G_GNUC_PRINTF (5, 6);

/* Sets @error from the recorded problem and returns FALSE. */
gboolean nv_csv_reader_set_error (NvCsvReader *r, GError **error);

/* Pass 1 over the source (nv-csv-encoding.c): UTF-8 or Windows-1252, and
 * the byte order mark. Rewinds the source; FALSE on failure. */
gboolean nv_csv_detect_encoding (NvCsvReader *r);

/* Reads and decodes the next chunk into feed/feed_len. FALSE on failure. */
gboolean nv_csv_load_chunk (NvCsvReader *r);

G_END_DECLS
