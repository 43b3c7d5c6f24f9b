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
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-csv"

#include "config.h"

#include <csv.h>
#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>
#include <unistd.h>

#include "nv-csv.h"

G_DEFINE_QUARK (nv-csv-error-quark, nv_csv_error)

#define RAW_CHUNK 65536
#define FEED_PIECE 4096
#define MAX_RECORD (64 * 1024)

/* ---- Column sets ---------------------------------------------------------- */

const NvCsvColumn nv_csv_roster_columns[] = {
  { "employee", "ansatt", NV_CSV_COLUMN_REQUIRED },
  { "fte", "stillingsprosent", NV_CSV_COLUMN_REQUIRED },
  { "from", "fra", NV_CSV_COLUMN_REQUIRED },
  { "to", "til", 0 },
  { NULL },
};

const NvCsvColumn nv_csv_spell_columns[] = {
  { "employee", "ansatt", NV_CSV_COLUMN_REQUIRED },
  { "start", "fra", NV_CSV_COLUMN_REQUIRED },
  { "end", "til", 0 },
  { "grade", "grad", 0 },
  { "type", "type", NV_CSV_COLUMN_REQUIRED },
  { NULL },
};

const NvCsvColumn nv_csv_monthly_columns[] = {
  { "unit", "enhet", NV_CSV_COLUMN_REQUIRED },
  { "period", "periode", NV_CSV_COLUMN_REQUIRED },
  { "contracted_days", "avtalte_dagsverk", NV_CSV_COLUMN_REQUIRED },
  { "lost_days_self", "tapte_dagsverk_egenmeldt", NV_CSV_COLUMN_REQUIRED },
  { "lost_days_doctor", "tapte_dagsverk_legemeldt", NV_CSV_COLUMN_REQUIRED },
  { "persons", "personer", NV_CSV_COLUMN_REQUIRED },
  { "percent", "prosent", NV_CSV_COLUMN_DERIVED },
  { "percent_self", "prosent_egenmeldt", NV_CSV_COLUMN_DERIVED },
  { "percent_doctor", "prosent_legemeldt", NV_CSV_COLUMN_DERIVED },
  { NULL },
};

const NvCsvColumn nv_csv_benchmark_columns[] = {
  { "series", "serie", NV_CSV_COLUMN_REQUIRED },
  { "period", "periode", NV_CSV_COLUMN_REQUIRED },
  { "percent", "prosent", NV_CSV_COLUMN_REQUIRED },
  { "measure", "type", NV_CSV_COLUMN_REQUIRED },
  { "basis", "grunnlag", 0 },
  { "source", "kilde", 0 },
  { NULL },
};

guint
nv_csv_columns_count (const NvCsvColumn *columns)
{
  guint n = 0;

  while (columns[n].id != NULL)
    n++;
  return n;
}

char *
nv_csv_columns_describe (const NvCsvColumn *columns, gboolean english)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; columns[i].id != NULL; i++)
    {
      if (columns[i].flags & NV_CSV_COLUMN_DERIVED)
        continue;
      if (s->len > 0)
        g_string_append_c (s, ';');
      g_string_append (s, english ? columns[i].id : columns[i].nb);
    }
  return g_string_free (s, FALSE);
}

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

const char *
nv_csv_encoding_to_string (NvCsvEncoding encoding)
{
  return encoding == NV_CSV_ENCODING_WINDOWS_1252 ? "Windows-1252" : "UTF-8";
}

/* ---- Reader --------------------------------------------------------------- */

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

static void
record_free (Record *record)
{
  g_free (record);
}

static void reader_fail (NvCsvReader *r, NvCsvError code, guint line, int field,
                         const char *format, ...) G_GNUC_PRINTF (5, 6);

static void
reader_fail (NvCsvReader *r, NvCsvError code, guint line, int field, const char *format, ...)
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

static gboolean
reader_set_error (NvCsvReader *r, GError **error)
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

static gboolean
is_control (guchar c)
{
  return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f;
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
      reader_fail (r, NV_CSV_ERROR_TOO_LONG, r->rec_line, -1,
                   _("more than %d fields in one row"), NV_CSV_MAX_FIELDS);
      return;
    }
  if (len > NV_CSV_MAX_FIELD)
    {
      reader_fail (r, NV_CSV_ERROR_TOO_LONG, r->rec_line, (int) index,
                   _("a field longer than %d bytes — is a quote (\") not closed?"),
                   NV_CSV_MAX_FIELD);
      return;
    }

  /* Line breaks inside a quoted field; CR LF counts once. */
  r->after_cr = FALSE;
  for (gsize i = 0; i < len; i++)
    {
      if (is_control (p[i]))
        {
          reader_fail (r, NV_CSV_ERROR_BINARY, r->line, (int) index,
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
      reader_fail (r, NV_CSV_ERROR_TOO_LONG, r->rec_line, -1,
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

/* Reads up to RAW_CHUNK bytes of the source into r->raw; 0 at the end. */
static gssize
source_read (NvCsvReader *r)
{
  if (r->fd < 0)
    {
      gsize n = MIN (RAW_CHUNK, r->data_len - r->data_pos);
      memcpy (r->raw, r->data + r->data_pos, n);
      r->data_pos += n;
      return (gssize) n;
    }
  for (;;)
    {
      gssize n = read (r->fd, r->raw, RAW_CHUNK);
      if (n >= 0 || errno != EINTR)
        return n;
    }
}

static gboolean
source_rewind (NvCsvReader *r)
{
  r->data_pos = 0;
  return r->fd < 0 || lseek (r->fd, 0, SEEK_SET) == 0;
}

/* Line breaks in @p; a CR at the very end is left for the next chunk to
 * decide (CR LF split between chunks counts once). */
static guint
count_lines (const char *p, gsize len)
{
  guint n = 0;

  for (gsize i = 0; i < len; i++)
    if (p[i] == '\n' || (p[i] == '\r' && i + 1 < len && p[i + 1] != '\n'))
      n++;
  return n;
}

/* Pass 1: is the whole file valid UTF-8? NUL bytes count as valid here; the
 * parser refuses them with the line and column. Sets the BOM flag too. */
static gboolean
detect_encoding (NvCsvReader *r)
{
  guint8 carry[4];
  gsize n_carry = 0;
  gboolean first = TRUE;
  gboolean valid = TRUE;
  guint line = 1;
  g_autofree guint8 *buf = g_malloc (RAW_CHUNK + sizeof carry);

  for (;;)
    {
      gssize n = source_read (r);
      const char *p, *end, *stop;
      gsize len;

      if (n < 0)
        {
          int saved = errno;
          reader_fail (r, NV_CSV_ERROR_IO, 0, -1, _("cannot read the file: %s"),
                       g_strerror (saved));
          return FALSE;
        }
      memcpy (buf, carry, n_carry);
      memcpy (buf + n_carry, r->raw, (gsize) n);
      len = n_carry + (gsize) n;
      n_carry = 0;
      p = (const char *) buf;
      end = p + len;
      if (first && len >= 2 && (memcmp (p, "\xFF\xFE", 2) == 0 || memcmp (p, "\xFE\xFF", 2) == 0))
        {
          /* Excel's "Unicode text" is UTF-16; say what to do instead. */
          reader_fail (r, NV_CSV_ERROR_ENCODING, 1, -1, "%s",
                       _("the file is UTF-16 text; save it as “CSV UTF-8” or “CSV (semicolon "
                         "separated)” instead"));
          return FALSE;
        }
      if (first && len >= 3 && memcmp (p, "\xEF\xBB\xBF", 3) == 0)
        {
          r->bom = TRUE;
          p += 3;
        }
      first = FALSE;

      while (p < end)
        {
          /* Lines are counted only for the one error that names a line
           * (a UTF-8 mark on a file that is not UTF-8). */
          if (g_utf8_validate_len (p, (gsize) (end - p), &stop))
            {
              if (r->bom)
                line += count_lines (p, (gsize) (end - p));
              break;
            }
          if (r->bom)
            line += count_lines (p, (gsize) (stop - p));
          if (*stop == '\0')
            {
              p = stop + 1;
              continue;
            }
          if (n > 0 && end - stop < 4)
            {
              n_carry = (gsize) (end - stop);
              memcpy (carry, stop, n_carry);
              break;
            }
          valid = FALSE;
          break;
        }
      if (!valid || n == 0)
        break;
    }

  if (!valid && r->bom)
    {
      reader_fail (r, NV_CSV_ERROR_ENCODING, line, -1, "%s",
                   _("the file starts with a UTF-8 mark but is not valid UTF-8"));
      return FALSE;
    }
  r->encoding = valid ? NV_CSV_ENCODING_UTF8 : NV_CSV_ENCODING_WINDOWS_1252;
  if (!source_rewind (r))
    {
      int saved = errno;
      reader_fail (r, NV_CSV_ERROR_IO, 0, -1, _("cannot read the file: %s"), g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

/* Reads and decodes the next chunk into feed/feed_len. FALSE on failure. */
static gboolean
load_chunk (NvCsvReader *r)
{
  gssize n = source_read (r);
  const char *p = (const char *) r->raw;
  gsize len;

  if (n < 0)
    {
      int saved = errno;
      reader_fail (r, NV_CSV_ERROR_IO, 0, -1, _("cannot read the file: %s"), g_strerror (saved));
      return FALSE;
    }
  len = (gsize) n;
  if (n == 0)
    r->at_eof = TRUE;
  if (r->first_chunk && r->bom && len >= 3)
    {
      p += 3;
      len -= 3;
    }
  r->first_chunk = FALSE;

  if (r->encoding == NV_CSV_ENCODING_WINDOWS_1252 && len > 0)
    {
      g_autoptr (GError) local_error = NULL;
      gsize bytes_read = 0, written = 0;
      g_autofree char *out =
        g_convert_with_iconv (p, (gssize) len, r->iconv, &bytes_read, &written, &local_error);

      if (out == NULL)
        {
          /* Binary data usually fails here first; say so rather than
           * blaming the encoding. */
          for (gsize i = 0; i < len; i++)
            if (is_control ((guchar) p[i]))
              {
                reader_fail (r, NV_CSV_ERROR_BINARY, r->chunk_line + count_lines (p, i), -1,
                             _("contains the control character 0x%02X; this does not look "
                               "like a CSV text file"),
                             (guchar) p[i]);
                return FALSE;
              }
          reader_fail (r, NV_CSV_ERROR_ENCODING,
                       r->chunk_line + count_lines (p, MIN (bytes_read, len)), -1,
                       _("the byte 0x%02X is neither UTF-8 nor Windows-1252 text"),
                       bytes_read < len ? (guchar) p[bytes_read] : 0);
          return FALSE;
        }
      g_string_truncate (r->decoded, 0);
      g_string_append_len (r->decoded, out, (gssize) written);
      p = r->decoded->str;
      len = r->decoded->len;
    }
  if (r->encoding == NV_CSV_ENCODING_WINDOWS_1252)
    r->chunk_line += count_lines (p, len); /* only conversion errors need it */
  r->feed = p;
  r->feed_len = len;
  r->feed_pos = 0;
  return TRUE;
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
            reader_fail (r, NV_CSV_ERROR_SYNTAX, r->rec_line ? r->rec_line : r->line,
                         (int) r->rec_offsets->len,
                         _("a quoted field is not closed (a quote \" is missing)"));
          r->finished = TRUE;
          return;
        }
      load_chunk (r);
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
          reader_fail (r, NV_CSV_ERROR_SYNTAX, line, (int) r->rec_offsets->len,
                       _("a quote (\") inside a field that does not start with one; quote the "
                         "whole field and double the quotes inside it"));
        else if (code == CSV_EPARSE)
          reader_fail (r, NV_CSV_ERROR_SYNTAX, line, (int) r->rec_offsets->len,
                       _("text after the closing quote of a field"));
        else
          reader_fail (r, NV_CSV_ERROR_TOO_LONG, line, (int) r->rec_offsets->len,
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

  if (!detect_encoding (r))
    return reader_set_error (r, error);
  if (r->encoding == NV_CSV_ENCODING_WINDOWS_1252)
    {
      r->iconv = g_iconv_open ("UTF-8", "WINDOWS-1252");
      if (r->iconv == (GIConv) -1)
        {
          reader_fail (r, NV_CSV_ERROR_ENCODING, 0, -1, "%s",
                       _("Windows-1252 text cannot be converted on this system"));
          return reader_set_error (r, error);
        }
    }

  if (!load_chunk (r))
    return reader_set_error (r, error);
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
      reader_fail (r, NV_CSV_ERROR_EMPTY, 1, -1, "%s",
                   _("the file is empty; the first row must name the columns"));
      return reader_set_error (r, error);
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

const char *const *
nv_csv_reader_get_header (NvCsvReader *r, guint *n_columns)
{
  static const char *const none[] = { NULL };

  if (n_columns != NULL)
    *n_columns = r->header != NULL ? r->header->len : 0;
  return r->header != NULL ? (const char *const *) r->header->pdata : none;
}

const char *
nv_csv_reader_column_name (NvCsvReader *r, int index)
{
  if (r->header == NULL || index < 0 || (guint) index >= r->header->len)
    return NULL;
  return g_ptr_array_index (r->header, index);
}

/* Lower case, ' ' and '-' as '_', so "Avtalte dagsverk" matches. */
static char *
normalise_header (const char *text)
{
  char *s = g_utf8_strdown (text, -1);

  for (char *p = s; *p != '\0'; p++)
    if (*p == ' ' || *p == '-')
      *p = '_';
  return s;
}

static gboolean
header_error (NvCsvReader *r, const char *field, char *message, GError **error)
{
  /* Replaces a problem further down the file that the parser may already
   * have met: the header comes first. */
  r->failed = TRUE;
  r->error_code = NV_CSV_ERROR_HEADER;
  r->error_line = 1;
  r->error_index = -1;
  g_free (r->error_field);
  r->error_field = g_strdup (field);
  g_free (r->error_message);
  r->error_message = message;
  return reader_set_error (r, error);
}

gboolean
nv_csv_reader_header_matches (NvCsvReader *r, const NvCsvColumn *columns)
{
  guint n = nv_csv_columns_count (columns);
  guint64 seen = 0;

  if (r->header == NULL || r->header->len == 0)
    return FALSE;
  for (guint i = 0; i < r->header->len; i++)
    {
      g_autofree char *key = normalise_header (g_ptr_array_index (r->header, i));
      gboolean found = FALSE;

      for (guint c = 0; c < n && c < 64 && !found; c++)
        if (strcmp (key, columns[c].id) == 0 || strcmp (key, columns[c].nb) == 0)
          {
            found = TRUE;
            seen |= G_GUINT64_CONSTANT (1) << c;
          }
      if (!found)
        return FALSE;
    }
  for (guint c = 0; c < n && c < 64; c++)
    if ((columns[c].flags & NV_CSV_COLUMN_REQUIRED) && !(seen & (G_GUINT64_CONSTANT (1) << c)))
      return FALSE;
  return TRUE;
}

gboolean
nv_csv_reader_map_columns (NvCsvReader *r, const NvCsvColumn *columns, int *indexes,
                           GError **error)
{
  guint n = nv_csv_columns_count (columns);
  g_autofree char *expected = NULL;
  guint n_english = 0, n_norwegian = 0;

  g_return_val_if_fail (r->header != NULL, FALSE);

  /* Messages use the language the header is written in. */
  for (guint i = 0; i < r->header->len; i++)
    {
      g_autofree char *key = normalise_header (g_ptr_array_index (r->header, i));
      for (guint c = 0; c < n; c++)
        {
          if (strcmp (columns[c].id, columns[c].nb) == 0)
            continue;
          n_english += strcmp (key, columns[c].id) == 0;
          n_norwegian += strcmp (key, columns[c].nb) == 0;
        }
    }
  r->english = n_english > n_norwegian;
  expected = nv_csv_columns_describe (columns, r->english);

  for (guint c = 0; c < n; c++)
    indexes[c] = -1;

  for (guint i = 0; i < r->header->len; i++)
    {
      const char *text = g_ptr_array_index (r->header, i);
      g_autofree char *key = normalise_header (text);
      int found = -1;

      for (guint c = 0; c < n && found < 0; c++)
        if (strcmp (key, columns[c].id) == 0 || strcmp (key, columns[c].nb) == 0)
          found = (int) c;

      if (*key == '\0')
        return header_error (r, NULL,
                             g_strdup_printf (_("column %u has no name (expected %s)"), i + 1,
                                              expected),
                             error);
      if (found < 0)
        return header_error (r, text,
                             g_strdup_printf (_("unknown column (expected %s)"), expected), error);
      if (indexes[found] >= 0)
        return header_error (r, text,
                             g_strdup_printf (_("the column appears twice (also as “%s”)"),
                                              (const char *) g_ptr_array_index (r->header,
                                                                                indexes[found])),
                             error);
      indexes[found] = (int) i;
    }

  for (guint c = 0; c < n; c++)
    if (indexes[c] < 0 && (columns[c].flags & NV_CSV_COLUMN_REQUIRED))
      return header_error (r, r->english ? columns[c].id : columns[c].nb,
                           g_strdup_printf (_("required column missing (expected %s)"), expected),
                           error);
  return TRUE;
}

const char *
nv_csv_reader_field_name (NvCsvReader *r, const NvCsvColumn *columns, const int *indexes,
                          const char *id)
{
  if (id == NULL)
    return NULL;
  for (guint c = 0; columns[c].id != NULL; c++)
    if (strcmp (columns[c].id, id) == 0)
      {
        if (indexes[c] >= 0)
          return g_ptr_array_index (r->header, indexes[c]);
        return r->english ? columns[c].id : columns[c].nb;
      }
  return id;
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
        return reader_set_error (r, error);
      if (r->finished)
        return FALSE;
      pump (r);
    }
  r->current = g_steal_pointer (&g_ptr_array_index (r->records, r->records_head));
  r->records_head++;

  if (r->header != NULL && r->current->n_fields > r->header->len)
    for (guint i = r->header->len; i < r->current->n_fields; i++)
      if (r->current->text[r->current->offsets[i]] != '\0')
        {
          guint line = r->current->line;
          g_clear_pointer (&r->current, record_free);
          reader_fail (r, NV_CSV_ERROR_SYNTAX, line, -1,
                       _("the row has more fields than the header has columns (%u); is a "
                         "value with a “%c” not quoted?"),
                       r->header->len, r->delimiter);
          return reader_set_error (r, error);
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
