/* nv-soup-module.c — the entry point of nv-soup.so (nv-soup-table.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "nv-soup-table.h"

const NvModuleTable *nv_module_table (void);

const NvModuleTable *
nv_module_table (void)
{
  static const NvSoupTable table = {
    { sizeof (NvSoupTable) },
    nv_http_session_new,
    nv_http_get_async,
    nv_http_get_finish,
  };

  return &table.base;
}
