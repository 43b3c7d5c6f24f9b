/* nv-csv-encoding.c — reading the CSV source and its text encoding
 * (DESIGN §4): pass 1 decides between UTF-8 and Windows-1252 and notes the
 * byte order mark; pass 2 reads the file again chunk by chunk, converting
 * Windows-1252 to UTF-8 for the parser in nv-csv.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-csv"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <string.h>
#include <unistd.h>

#include "nv-csv-private.h"

const char *
nv_csv_encoding_to_string (NvCsvEncoding encoding)
{
  return encoding == NV_CSV_ENCODING_WINDOWS_1252 ? "Windows-1252" : "UTF-8";
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
gboolean
nv_csv_detect_encoding (NvCsvReader *r)
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
          nv_csv_reader_fail (r, NV_CSV_ERROR_IO, 0, -1, _("cannot read the file: %s"),
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
          nv_csv_reader_fail (r, NV_CSV_ERROR_ENCODING, 1, -1, "%s",
                       _("the file is UTF-16 text; save it as “CSV UTF-8” or “CSV (semicolon "
                         "separated)” instead"));
          return FALSE;
        }
      /* A file saved by one tool and then by another that adds its own mark
       * starts with two or more; all are marks, none is text. */
      while (first && (gsize) (end - p) >= 3 && memcmp (p, "\xEF\xBB\xBF", 3) == 0)
        {
          r->bom = TRUE;
          r->bom_bytes += 3;
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
      nv_csv_reader_fail (r, NV_CSV_ERROR_ENCODING, line, -1, "%s",
                   _("the file starts with a UTF-8 mark but is not valid UTF-8"));
      return FALSE;
    }
  r->encoding = valid ? NV_CSV_ENCODING_UTF8 : NV_CSV_ENCODING_WINDOWS_1252;
  if (!source_rewind (r))
    {
      int saved = errno;
      nv_csv_reader_fail (r, NV_CSV_ERROR_IO, 0, -1, _("cannot read the file: %s"), g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

gboolean
nv_csv_load_chunk (NvCsvReader *r)
{
  gssize n = source_read (r);
  const char *p = (const char *) r->raw;
  gsize len;

  if (n < 0)
    {
      int saved = errno;
      nv_csv_reader_fail (r, NV_CSV_ERROR_IO, 0, -1, _("cannot read the file: %s"), g_strerror (saved));
      return FALSE;
    }
  len = (gsize) n;
  if (n == 0)
    r->at_eof = TRUE;
  if (r->first_chunk && r->bom && len >= r->bom_bytes)
    {
      p += r->bom_bytes;
      len -= r->bom_bytes;
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
            if (nv_csv_is_control ((guchar) p[i]))
              {
                nv_csv_reader_fail (r, NV_CSV_ERROR_BINARY, r->chunk_line + count_lines (p, i), -1,
                             _("contains the control character 0x%02X; this does not look "
                               "like a CSV text file"),
                             (guchar) p[i]);
                return FALSE;
              }
          nv_csv_reader_fail (r, NV_CSV_ERROR_ENCODING,
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
