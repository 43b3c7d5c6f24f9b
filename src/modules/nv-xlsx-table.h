/* nv-xlsx-table.h — what nv-xlsx.so exports: nv_sheet_write_xlsx, so that
 * libxlsxwriter is loaded only when a table is saved as Excel.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "nv-module.h"
#include "nv-sheet.h"

G_BEGIN_DECLS

typedef struct
{
  NvModuleTable base;
  gboolean (*write_xlsx) (const NvSheet *table, const char *path, GError **error);
} NvXlsxTable;

G_END_DECLS
