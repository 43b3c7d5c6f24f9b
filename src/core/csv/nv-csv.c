/* nv-csv.c — the CSV reader and writer of DESIGN §4.
 *
 * Why libcsv: it is a small, long-lived C library packaged in Debian
 * (libcsv-dev) that does exactly RFC 4180 tokenising — quoted fields with
 * delimiters, doubled quotes and line breaks — with a strict mode that
 * refuses stray quotes and an unclosed quote at the end, a pluggable
 * realloc (which is how the field size is capped) and a push interface that
 * streams. What it does not do we add around it: line numbers
 * (CSV_REPALL_NL reports every unquoted line end to us, and we count the
 * line breaks inside quoted fields), encoding detection and conversion,
 * the byte order mark, delimiter detection and header mapping.
 *
 * Streaming: the file is read twice in 64 KiB chunks — once to learn whether
 * it is valid UTF-8, once to parse — and fed to libcsv in 4 KiB pieces, so
 * at most one piece's worth of records is queued. Memory stays flat for any
 * file size.
 *
 * This file is the parser: libcsv's callbacks, the record queue and the
 * reader's life cycle. Reading the source and its encoding is in
 * nv-csv-encoding.c, the column sets and header mapping in nv-csv-header.c;
 * nv-csv-private.h holds the reader they share.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-csv"

#include "config.h"

#include <csv.h>
#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "nv-csv-private.h"
#include "nv-file-guard.h"

G_DEFINE_QUARK (nv-csv-error-quark, nv_csv_error)

char *
nv_csv_format_problem (const char *file, guint line, const char *field, const char *message)
{
  GString *s = g_string_new (file);

  if (line > 0)
    g_string_append_printf (s, ":%u", line);
  g_string_append (s, ": ");
  if (field != NULL && *field != '\0')
    g_string_append_printf (s, "%s: ", field);
  g_string_append (s, message);
  return g_string_free (s, FALSE);
}

/* ---- Reader --------------------------------------------------------------- */

static void
record_free (Record *record)
{
  g_free (record);
}

void
nv_csv_reader_fail (NvCsvReader *r, NvCsvError code, guint line, int field, const char *format, ...)
{
  va_list args;

  if (r->failed)
    return;
  r->failed = TRUE;
  r->error_code = code;
  r->error_line = line;
  r->error_index = field;
  va_start (args, format);
  r->error_message = g_strdup_vprintf (format, args);
  va_end (args);
}

static void
resolve_error_field (NvCsvReader *r)
{
  if (r->error_field == NULL && r->error_index >= 0 && r->header != NULL &&
      (guint) r->error_index < r->header->len)
    r->error_field = g_strdup (g_ptr_array_index (r->header, r->error_index));
}

gboolean
nv_csv_reader_set_error (NvCsvReader *r, GError **error)
{
  g_autofree char *text = NULL;

  resolve_error_field (r);
  text =
    nv_csv_format_problem (r->name, r->error_line, r->error_field, r->error_message);
  g_set_error_literal (error, NV_CSV_ERROR, r->error_code, text);
  return FALSE;
}

/* The realloc libcsv grows its field buffer with. It has no user data, so
 * the cap is a constant; a refusal surfaces as CSV_ENOMEM. */
static void *
capped_realloc (void *ptr, size_t size)
{
  if (size > NV_CSV_MAX_FIELD + 256)
    return NULL;
  return realloc (ptr, size);
}

static void
field_cb (void *s, size_t len, void *data)
{
  NvCsvReader *r = data;
  const guchar *p = s;
  guint index = r->rec_offsets->len;
  guint32 offset;
  gsize start, end;

  if (r->failed)
    return;
  if (r->rec_line == 0)
    r->rec_line = r->line;
  if (index >= NV_CSV_MAX_FIELDS)
    {
      nv_csv_reader_fail (r, NV_CSV_ERROR_TOO_LONG, r->rec_line, -1,
                   _("more than %d fields in one row"), NV_CSV_MAX_FIELDS);
      return;
    }
  if (len > NV_CSV_MAX_FIELD)
    {
      nv_csv_reader_fail (r, NV_CSV_ERROR_TOO_LONG, r->rec_line, (int) index,
                   _("a field longer than %d bytes — is a quote (\") not closed?"),
                   NV_CSV_MAX_FIELD);
      return;
    }

  /* Line breaks inside a quoted field; CR LF counts once. */
  r->after_cr = FALSE;
  for (gsize i = 0; i < len; i++)
    {
      if (nv_csv_is_control (p[i]))
        {
          nv_csv_reader_fail (r, NV_CSV_ERROR_BINARY, r->line, (int) index,
                       _("contains the control character 0x%02X; this does not look like a CSV "
                         "text file"),
                       p[i]);
          return;
        }
      if (p[i] == '\r' || (p[i] == '\n' && (i == 0 || p[i - 1] != '\r')))
        r->line++;
    }

  /* Trim spaces and tabs (libcsv trims unquoted fields only). */
  start = 0;
  end = len;
  while (start < end && (p[start] == ' ' || p[start] == '\t'))
    start++;
  while (end > start && (p[end - 1] == ' ' || p[end - 1] == '\t'))
    end--;

  if (r->rec_text->len + (end - start) + 1 > MAX_RECORD)
    {
      nv_csv_reader_fail (r, NV_CSV_ERROR_TOO_LONG, r->rec_line, -1,
                   _("a row longer than %d bytes"), MAX_RECORD);
      return;
    }
  /* Plain copies: this runs for every field of every row. */
  offset = (guint32) r->rec_text->len;
  g_array_set_size (r->rec_offsets, index + 1);
  ((guint32 *) (void *) r->rec_offsets->data)[index] = offset;
  g_string_set_size (r->rec_text, offset + (end - start) + 1);
  memcpy (r->rec_text->str + offset, p + start, end - start);
  r->rec_text->str[offset + (end - start)] = '\0';
}

static void
record_cb (int c, void *data)
{
  NvCsvReader *r = data;
  gboolean empty = TRUE;

  if (r->failed)
    return;

  for (guint i = 0; i < r->rec_offsets->len && empty; i++)
    if (r->rec_text->str[g_array_index (r->rec_offsets, guint32, i)] != '\0')
      empty = FALSE;

  if (!empty)
    {
      guint n = r->rec_offsets->len;
      Record *record = g_malloc (sizeof (Record) + n * sizeof (guint32) + r->rec_text->len);

      record->line = r->rec_line;
      record->n_fields = n;
      record->offsets = (guint32 *) (record + 1);
      record->text = (char *) (record->offsets + n);
      memcpy (record->offsets, r->rec_offsets->data, n * sizeof (guint32));
      memcpy (record->text, r->rec_text->str, r->rec_text->len);
      g_ptr_array_add (r->records, record);
    }
  g_string_truncate (r->rec_text, 0);
  g_array_set_size (r->rec_offsets, 0);
  r->rec_line = 0;

  if (c == '\r')
    {
      r->line++;
      r->after_cr = TRUE;
    }
  else if (c == '\n')
    {
      if (!r->after_cr)
        r->line++;
      r->after_cr = FALSE;
    }
}

static char
detect_delimiter (const char *p, gsize len)
{
  guint semicolons = 0, commas = 0;
  gboolean quoted = FALSE;
  gsize i = 0;

  while (i < len && (p[i] == '\r' || p[i] == '\n'))
    i++;
  for (; i < len; i++)
    {
      if (p[i] == '"')
        quoted = !quoted;
      else if (!quoted && (p[i] == '\r' || p[i] == '\n'))
        break;
      else if (!quoted && p[i] == ';')
        semicolons++;
      else if (!quoted && p[i] == ',')
        commas++;
    }
  return commas > semicolons ? ',' : ';';
}

/* One step: feeds a piece or loads a chunk or finishes. */
static void
pump (NvCsvReader *r)
{
  if (r->feed_pos >= r->feed_len)
    {
      if (r->at_eof)
        {
          if (csv_fini (&r->parser, field_cb, record_cb, r) != 0 && !r->failed)
            nv_csv_reader_fail (r, NV_CSV_ERROR_SYNTAX, r->rec_line ? r->rec_line : r->line,
                         (int) r->rec_offsets->len,
                         _("a quoted field is not closed (a quote \" is missing)"));
          r->finished = TRUE;
          return;
        }
      nv_csv_load_chunk (r);
      return;
    }

  {
    gsize piece = MIN (FEED_PIECE, r->feed_len - r->feed_pos);
    const char *p = r->feed + r->feed_pos;
    gsize done = csv_parse (&r->parser, p, piece, field_cb, record_cb, r);

    if (done < piece && !r->failed)
      {
        int code = csv_error (&r->parser);
        guint line = r->rec_line ? r->rec_line : r->line;

        if (code == CSV_EPARSE && p[done] == '"')
          nv_csv_reader_fail (r, NV_CSV_ERROR_SYNTAX, line, (int) r->rec_offsets->len,
                       _("a quote (\") inside a field that does not start with one; quote the "
                         "whole field and double the quotes inside it"));
        else if (code == CSV_EPARSE)
          nv_csv_reader_fail (r, NV_CSV_ERROR_SYNTAX, line, (int) r->rec_offsets->len,
                       _("text after the closing quote of a field"));
        else
          nv_csv_reader_fail (r, NV_CSV_ERROR_TOO_LONG, line, (int) r->rec_offsets->len,
                       _("a field longer than %d bytes — is a quote (\") not closed?"),
                       NV_CSV_MAX_FIELD);
      }
    r->feed_pos += piece;
  }
}

static NvCsvReader *
reader_new (const char *name)
{
  NvCsvReader *r = g_new0 (NvCsvReader, 1);

  r->name = g_strdup (name);
  r->fd = -1;
  r->iconv = (GIConv) -1;
  r->raw = g_malloc (RAW_CHUNK);
  r->decoded = g_string_new (NULL);
  r->rec_text = g_string_new (NULL);
  r->rec_offsets = g_array_new (FALSE, FALSE, sizeof (guint32));
  r->line = 1;
  r->chunk_line = 1;
  r->first_chunk = TRUE;
  r->records = g_ptr_array_new_with_free_func ((GDestroyNotify) record_free);
  return r;
}

gboolean
nv_csv_reader_read_header (NvCsvReader *r, GError **error)
{
  guint n;

  g_return_val_if_fail (r->header == NULL && !r->parser_ready, FALSE);

  if (!nv_csv_detect_encoding (r))
    return nv_csv_reader_set_error (r, error);
  if (r->encoding == NV_CSV_ENCODING_WINDOWS_1252)
    {
      r->iconv = g_iconv_open ("UTF-8", "WINDOWS-1252");
      if (r->iconv == (GIConv) -1)
        {
          nv_csv_reader_fail (r, NV_CSV_ERROR_ENCODING, 0, -1, "%s",
                       _("Windows-1252 text cannot be converted on this system"));
          return nv_csv_reader_set_error (r, error);
        }
    }

  if (!nv_csv_load_chunk (r))
    return nv_csv_reader_set_error (r, error);
  r->delimiter = detect_delimiter (r->feed, r->feed_len);

  if (csv_init (&r->parser, CSV_STRICT | CSV_REPALL_NL | CSV_STRICT_FINI) != 0)
    g_error ("libcsv: out of memory");
  r->parser_ready = TRUE;
  csv_set_delim (&r->parser, (unsigned char) r->delimiter);
  csv_set_realloc_func (&r->parser, capped_realloc);

  if (!nv_csv_reader_next (r, error))
    {
      if (r->failed)
        return FALSE;
      nv_csv_reader_fail (r, NV_CSV_ERROR_EMPTY, 1, -1, "%s",
                   _("the file is empty; the first row must name the columns"));
      return nv_csv_reader_set_error (r, error);
    }

  /* Spreadsheets often add empty columns at the right; they are not columns
   * (a value in them still is an error: the row is longer than the header). */
  n = r->current->n_fields;
  while (n > 0 && *nv_csv_reader_get_field (r, (int) n - 1) == '\0')
    n--;
  r->header = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (r->header, g_strdup (nv_csv_reader_get_field (r, (int) i)));
  return TRUE;
}

NvCsvReader *
nv_csv_reader_new_for_path (const char *path, GError **error)
{
  g_autofree char *name = g_path_get_basename (path);
  g_autoptr (NvCsvReader) r = reader_new (name);

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, NV_CSV_ERROR, NV_CSV_ERROR_IO, _("%s: is a folder, not a file"), name);
      return NULL;
    }
  /* Never the database itself or a file of its own (the chooser lists them
   * too): opening and closing it here would drop SQLite's locks. */
  if (!nv_file_guard_check_read (path, error))
    return NULL;
  r->fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (r->fd < 0)
    {
      int saved = errno;
      g_set_error (error, NV_CSV_ERROR, NV_CSV_ERROR_IO, _("%s: cannot open the file: %s"), name,
                   g_strerror (saved));
      return NULL;
    }
  return g_steal_pointer (&r);
}

NvCsvReader *
nv_csv_reader_new_for_data (const char *name, const void *data, gsize len)
{
  NvCsvReader *r = reader_new (name);

  r->data = data;
  r->data_len = len;
  return r;
}

void
nv_csv_reader_free (NvCsvReader *r)
{
  if (r == NULL)
    return;
  if (r->fd >= 0)
    close (r->fd);
  if (r->iconv != (GIConv) -1)
    g_iconv_close (r->iconv);
  if (r->parser_ready)
    csv_free (&r->parser);
  g_clear_pointer (&r->records, g_ptr_array_unref);
  g_clear_pointer (&r->current, record_free);
  g_clear_pointer (&r->header, g_ptr_array_unref);
  g_string_free (r->decoded, TRUE);
  g_string_free (r->rec_text, TRUE);
  g_array_unref (r->rec_offsets);
  g_free (r->raw);
  g_free (r->error_field);
  g_free (r->error_message);
  g_free (r->name);
  g_free (r);
}

const char *
nv_csv_reader_get_name (NvCsvReader *r)
{
  return r->name;
}

NvCsvEncoding
nv_csv_reader_get_encoding (NvCsvReader *r)
{
  return r->encoding;
}

char
nv_csv_reader_get_delimiter (NvCsvReader *r)
{
  return r->delimiter;
}

gboolean
nv_csv_reader_has_bom (NvCsvReader *r)
{
  return r->bom;
}

gboolean
nv_csv_reader_next (NvCsvReader *r, GError **error)
{
  g_return_val_if_fail (r->parser_ready, FALSE);
  g_clear_pointer (&r->current, record_free);

  if (r->records_head == r->records->len)
    {
      /* All taken: start the queue over (its records were freed one by one). */
      g_ptr_array_set_size (r->records, 0);
      r->records_head = 0;
    }
  while (r->records_head == r->records->len)
    {
      if (r->failed)
        return nv_csv_reader_set_error (r, error);
      if (r->finished)
        return FALSE;
      pump (r);
    }
  r->current = g_steal_pointer (&g_ptr_array_index (r->records, r->records_head));
  r->records_head++;

  /* A row of one field with the other delimiter in it, under a header of
   * several columns: the rows were written with another delimiter than the
   * header (a header typed in by hand above an exported list). */
  if (r->header != NULL && r->header->len > 1 && r->current->n_fields == 1)
    {
      char other = r->delimiter == ';' ? ',' : ';';

      if (strchr (r->current->text, other) != NULL)
        {
          guint line = r->current->line;
          g_clear_pointer (&r->current, record_free);
          nv_csv_reader_fail (r, NV_CSV_ERROR_SYNTAX, line, -1,
                              _("the delimiter differs: the header separates its columns with "
                                "“%c”, this row with “%c”; use one delimiter in the whole "
                                "file"),
                              r->delimiter, other);
          return nv_csv_reader_set_error (r, error);
        }
    }
  if (r->header != NULL && r->current->n_fields > r->header->len)
    for (guint i = r->header->len; i < r->current->n_fields; i++)
      if (r->current->text[r->current->offsets[i]] != '\0')
        {
          guint line = r->current->line;
          g_clear_pointer (&r->current, record_free);
          nv_csv_reader_fail (r, NV_CSV_ERROR_SYNTAX, line, -1,
                       _("the row has more fields than the header has columns (%u); is a "
                         "value with a “%c” not quoted?"),
                       r->header->len, r->delimiter);
          return nv_csv_reader_set_error (r, error);
        }
  return TRUE;
}

guint
nv_csv_reader_get_line (NvCsvReader *r)
{
  return r->current != NULL ? r->current->line : 0;
}

guint
nv_csv_reader_get_n_fields (NvCsvReader *r)
{
  return r->current != NULL ? r->current->n_fields : 0;
}

const char *
nv_csv_reader_get_field (NvCsvReader *r, int index)
{
  if (r->current == NULL || index < 0 || (guint) index >= r->current->n_fields)
    return "";
  return r->current->text + r->current->offsets[index];
}

guint
nv_csv_reader_get_error_line (NvCsvReader *r)
{
  return r->error_line;
}

const char *
nv_csv_reader_get_error_field (NvCsvReader *r)
{
  resolve_error_field (r);
  return r->error_field;
}

const char *
nv_csv_reader_get_error_message (NvCsvReader *r)
{
  return r->error_message;
}
