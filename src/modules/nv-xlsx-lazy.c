/* nv-xlsx-lazy.c — the app's nv_sheet_write_xlsx: loads nv-xlsx.so (and
 * libxlsxwriter) when a table is first saved as Excel (nv-module.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-sheet"

#include "config.h"

#include "nv-xlsx-table.h"

gboolean
nv_sheet_write_xlsx (const NvSheet *table, const char *path, GError **error)
{
  const NvXlsxTable *xlsx
      = (const NvXlsxTable *)nv_module_load ("nv-xlsx", sizeof (NvXlsxTable), error);

  return xlsx != NULL && xlsx->write_xlsx (table, path, error);
}
