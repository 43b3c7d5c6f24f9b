/* nv-secret-module.c — the entry point of nv-secret.so (nv-secret-table.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "nv-secret-table.h"

const NvModuleTable *nv_module_table (void);

const NvModuleTable *
nv_module_table (void)
{
  static const NvSecretTable table = {
    { sizeof (NvSecretTable) },
    nv_connect_lookup_password,
    nv_connect_store_password,
    nv_connect_forget_password,
  };

  return &table.base;
}
