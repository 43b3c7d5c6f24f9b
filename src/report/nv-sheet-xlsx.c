/* nv-sheet-xlsx.c — NvSheet to .xlsx with libxlsxwriter. In a file of its
 * own because the app loads it (as nv-xlsx.so, src/modules) only when a
 * table is saved as Excel; naervaer-cli links it directly.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-sheet"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <math.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "nv-file-guard.h"
#include "nv-sheet-private.h"

/* ---- Excel --------------------------------------------------------------- */

static const char *
number_format (NvSheetKind kind)
{
  /* Excel's codes: «,» groups and «.» is the decimal point; Norwegian
   * Excel shows them as a space and a comma. */
  switch (kind)
    {
    case NV_SHEET_COUNT:
      return "0";
    case NV_SHEET_DAYS:
      return "#,##0.0";
    case NV_SHEET_PERCENT:
      return "0.0\" %\"";
    case NV_SHEET_DECIMAL2:
      return "0.00";
    case NV_SHEET_NOK:
      return "#,##0\" kr\"";
    case NV_SHEET_TEXT:
    default:
      return NULL;
    }
}

static gboolean
xlsx_failed (lxw_error status, const char *path, GError **error)
{
  if (status == LXW_NO_ERROR)
    return FALSE;
  g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED, _ ("Cannot write “%s”: %s"), path,
               lxw_strerror (status));
  return TRUE;
}

gboolean
nv_sheet_write_xlsx (const NvSheet *table, const char *path, GError **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *tmpl = g_strdup_printf (".%s-XXXXXX", base);
  g_autofree char *tmp = g_build_filename (dir, tmpl, NULL);
  lxw_doc_properties properties = { 0 };
  lxw_workbook *book;
  lxw_worksheet *sheet;
  lxw_format *bold, *formats[NV_SHEET_NOK + 1] = { NULL };
  const char *masked_note = _ ("Hidden: fewer than 5 persons");
  gboolean any_masked = FALSE;
  lxw_error status = LXW_NO_ERROR;
  lxw_row_t r;
  int fd;

  /* Never renamed over the open database (nv-file-guard.h). */
  if (!nv_file_guard_check_save (path, error))
    return FALSE;
  /* A private (0600) file that libxlsxwriter then writes into. */
  fd = g_mkstemp_full (tmp, O_RDWR, 0600);
  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   _ ("Cannot write “%s”: %s"), path, g_strerror (saved));
      return FALSE;
    }
  close (fd);

  book = workbook_new (tmp);
  if (book == NULL)
    {
      g_unlink (tmp);
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED, _ ("Cannot write “%s”"), path);
      return FALSE;
    }
  properties.title = table->title;
  properties.author = "Nærvær " PACKAGE_VERSION;
  workbook_set_properties (book, &properties);
  sheet = workbook_add_worksheet (book, NULL);
  bold = workbook_add_format (book);
  format_set_bold (bold);
  for (int k = NV_SHEET_COUNT; k <= NV_SHEET_NOK; k++)
    {
      formats[k] = workbook_add_format (book);
      format_set_num_format (formats[k], number_format ((NvSheetKind)k));
    }

  for (guint c = 0; c < table->columns->len; c++)
    {
      const Column *col = &g_array_index (table->columns, Column, c);
      worksheet_write_string (sheet, 0, (lxw_col_t)c, col->header, bold);
      worksheet_set_column (sheet, (lxw_col_t)c, (lxw_col_t)c, c == 0 ? 22 : 16, NULL);
    }
  worksheet_freeze_panes (sheet, 1, 1);
  for (r = 0; r < table->rows->len && status == LXW_NO_ERROR; r++)
    {
      GArray *row = g_ptr_array_index (table->rows, r);
      for (guint c = 0; c < row->len && status == LXW_NO_ERROR; c++)
        {
          const Cell *cell = &g_array_index (row, Cell, c);
          NvSheetKind kind = c < table->columns->len
                                 ? g_array_index (table->columns, Column, c).kind
                                 : NV_SHEET_TEXT;

          if (cell->state == CELL_TEXT)
            status = worksheet_write_string (sheet, r + 1, (lxw_col_t)c, cell->text, NULL);
          else if (cell->state == CELL_VALUE && !isnan (cell->value))
            status = worksheet_write_number (sheet, r + 1, (lxw_col_t)c, cell->value,
                                             kind != NV_SHEET_TEXT ? formats[kind] : NULL);
          else if (cell->state == CELL_MASKED)
            {
              any_masked = TRUE;
              status = worksheet_write_comment (sheet, r + 1, (lxw_col_t)c, masked_note);
            }
        }
    }
  r = table->rows->len + 2;
  if (any_masked && status == LXW_NO_ERROR)
    status = worksheet_write_string (sheet, r++, 0,
                                     _ ("Empty cells with a comment are hidden: fewer than 5 "
                                        "persons in the quarter."),
                                     NULL);
  for (guint i = 0; i < table->notes->len && status == LXW_NO_ERROR; i++)
    status = worksheet_write_string (sheet, r++, 0, g_ptr_array_index (table->notes, i), NULL);

  if (status != LXW_NO_ERROR)
    {
      workbook_close (book);
      g_unlink (tmp);
      return !xlsx_failed (status, path, error);
    }
  status = workbook_close (book);
  if (xlsx_failed (status, path, error))
    {
      g_unlink (tmp);
      return FALSE;
    }
  if (g_rename (tmp, path) != 0)
    {
      int saved = errno;
      g_unlink (tmp);
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   _ ("Cannot write “%s”: %s"), path, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}
