/* nv-pg-module.c — the entry point of nv-pg.so (nv-pg-table.h): the
 * PostgreSQL backend and connection code, linked with libpq.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-store"

#include "config.h"

#include "nv-pg-table.h"
#include "nv-store.h"

/* The store's error domain, for the backend's errors. A quark is its
 * string, so this copy (the module does not link the store) is the same
 * quark as the app's; written exactly as nv-store.c writes it. */
/* clang-format off */
G_DEFINE_QUARK (nv - store - error - quark, nv_store_error)
/* clang-format on */

const NvModuleTable *nv_module_table (void);

const NvModuleTable *
nv_module_table (void)
{
  static const NvPgTable table = {
    .base = { sizeof (NvPgTable) },
    .is_conninfo = nv_pg_is_conninfo,
    .db_open = nv_db_pg_open,
    .db_is_pg = nv_db_is_pg,
    .db_open_async = nv_db_pg_open_async,
    .db_open_finish = nv_db_pg_open_finish,
    .db_describe = nv_db_pg_describe,
    .check_transport = nv_pg_check_transport,
    .conninfo_fields = nv_pg_conninfo_fields,
    .conninfo_set_fields = nv_pg_conninfo_set_fields,
  };

  return &table.base;
}
