/* nv-csv-writer.c — CSV files a Norwegian Excel opens with a double click:
 * `;` between fields, decimal comma, UTF-8 with a byte order mark (without
 * it Excel reads UTF-8 as Windows-1252 and «Ø» turns into «Ã˜»), CRLF.
 *
 * Files are health data: they are created 0600, written to a temporary file
 * beside the target and renamed over it only when complete, so a failed
 * export never leaves half a file behind.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-csv"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "nv-csv.h"
#include "nv-file-guard.h"

#define FLUSH_AT 65536

struct _NvCsvWriter
{
  GString *out;
  gboolean row_started;

  /* file mode */
  int fd;
  char *path;
  char *tmp_path;
  int write_errno;
  gboolean finished;
};

static NvCsvWriter *
writer_new (void)
{
  NvCsvWriter *w = g_new0 (NvCsvWriter, 1);

  w->out = g_string_new ("\xEF\xBB\xBF");
  w->fd = -1;
  return w;
}

NvCsvWriter *
nv_csv_writer_new_for_string (void)
{
  return writer_new ();
}

NvCsvWriter *
nv_csv_writer_new_for_path (const char *path, GError **error)
{
  g_autoptr (NvCsvWriter) w = writer_new ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *tmpl = g_strdup_printf (".%s.XXXXXX", base);

  /* Never renamed over the open database (nv-file-guard.h). */
  if (!nv_file_guard_check_save (path, error))
    return NULL;
  w->path = g_strdup (path);
  w->tmp_path = g_build_filename (dir, tmpl, NULL);
  w->fd = g_mkstemp_full (w->tmp_path, O_WRONLY | O_CLOEXEC, 0600);
  if (w->fd < 0)
    {
      int saved = errno;
      g_set_error (error, NV_CSV_ERROR, NV_CSV_ERROR_IO, _("Cannot write “%s”: %s"), path,
                   g_strerror (saved));
      g_clear_pointer (&w->tmp_path, g_free);
      return NULL;
    }
  return g_steal_pointer (&w);
}

static void
flush (NvCsvWriter *w)
{
  gsize done = 0;

  if (w->fd < 0)
    return;
  while (done < w->out->len && w->write_errno == 0)
    {
      gssize n = write (w->fd, w->out->str + done, w->out->len - done);
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        w->write_errno = errno;
      else
        done += (gsize) n;
    }
  g_string_truncate (w->out, 0);
}

void
nv_csv_writer_free (NvCsvWriter *w)
{
  if (w == NULL)
    return;
  if (w->fd >= 0)
    close (w->fd);
  if (w->tmp_path != NULL && !w->finished)
    g_unlink (w->tmp_path);
  g_string_free (w->out, TRUE);
  g_free (w->path);
  g_free (w->tmp_path);
  g_free (w);
}

static void
separate (NvCsvWriter *w)
{
  if (w->row_started)
    g_string_append_c (w->out, ';');
  w->row_started = TRUE;
}

static gboolean
needs_quotes (const char *text)
{
  gsize len = strlen (text);

  if (len == 0)
    return FALSE;
  if (text[0] == ' ' || text[0] == '\t' || text[len - 1] == ' ' || text[len - 1] == '\t')
    return TRUE;
  return strpbrk (text, ";,\"\r\n") != NULL;
}

void
nv_csv_writer_add_text (NvCsvWriter *w, const char *text)
{
  separate (w);
  if (text == NULL)
    return;
  if (!needs_quotes (text))
    g_string_append (w->out, text);
  else
    {
      g_string_append_c (w->out, '"');
      for (const char *p = text; *p != '\0'; p++)
        {
          if (*p == '"')
            g_string_append_c (w->out, '"');
          g_string_append_c (w->out, *p);
        }
      g_string_append_c (w->out, '"');
    }
}

void
nv_csv_writer_add_user_text (NvCsvWriter *w, const char *text)
{
  if (text != NULL && text[0] != '\0' && strchr ("=+-@\t\r", text[0]) != NULL)
    {
      g_autofree char *guarded = g_strconcat ("'", text, NULL);
      nv_csv_writer_add_text (w, guarded);
    }
  else
    nv_csv_writer_add_text (w, text);
}

void
nv_csv_writer_add_number (NvCsvWriter *w, double value)
{
  g_autofree char *text = nv_csv_format_number (value);

  separate (w);
  g_string_append (w->out, text);
}

void
nv_csv_writer_add_int (NvCsvWriter *w, gint64 value)
{
  separate (w);
  g_string_append_printf (w->out, "%" G_GINT64_FORMAT, value);
}

void
nv_csv_writer_add_day (NvCsvWriter *w, NvDay day)
{
  char buf[16];

  separate (w);
  if (day != NV_DAY_NONE)
    g_string_append (w->out, nv_day_format_iso_buf (day, buf));
}

void
nv_csv_writer_add_empty (NvCsvWriter *w)
{
  separate (w);
}

void
nv_csv_writer_end_row (NvCsvWriter *w)
{
  g_string_append (w->out, "\r\n");
  w->row_started = FALSE;
  if (w->out->len >= FLUSH_AT)
    flush (w);
}

gboolean
nv_csv_writer_finish (NvCsvWriter *w, GError **error)
{
  if (w->fd < 0)
    return TRUE;
  flush (w);
  if (w->write_errno == 0 && fsync (w->fd) != 0)
    w->write_errno = errno;
  if (close (w->fd) != 0 && w->write_errno == 0)
    w->write_errno = errno;
  w->fd = -1;
  if (w->write_errno == 0 && g_rename (w->tmp_path, w->path) != 0)
    w->write_errno = errno;
  if (w->write_errno != 0)
    {
      g_set_error (error, NV_CSV_ERROR, NV_CSV_ERROR_IO, _("Cannot write “%s”: %s"), w->path,
                   g_strerror (w->write_errno));
      return FALSE;
    }
  w->finished = TRUE;
  return TRUE;
}

char *
nv_csv_writer_steal_string (NvCsvWriter *w, gsize *len)
{
  char *text;

  if (len != NULL)
    *len = w->out->len;
  text = g_strndup (w->out->str, w->out->len);
  g_string_truncate (w->out, 0);
  return text;
}
