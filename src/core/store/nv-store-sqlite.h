/* nv-store-sqlite.h — the SQLite connection under a store, for tests that
 * look at the file beneath the store (src/core/store, the statistics packs'
 * blob writer and tests only).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "nv-store.h"

G_BEGIN_DECLS

/* NULL when the store is not an SQLite one. */
sqlite3 *nv_store_get_db (NvStore *self);

G_END_DECLS
