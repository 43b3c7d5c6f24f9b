/* nv-xlsx-module.c — the entry point of nv-xlsx.so (nv-xlsx-table.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "nv-xlsx-table.h"

const NvModuleTable *nv_module_table (void);

const NvModuleTable *
nv_module_table (void)
{
  static const NvXlsxTable table = {
    { sizeof (NvXlsxTable) },
    nv_sheet_write_xlsx,
  };

  return &table.base;
}
