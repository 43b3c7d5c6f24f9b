/* nv-db-sqlite.h — the SQLite backend of the database seam (nv-db.h).
 *
 * Only src/core/store includes this (and sqlite3.h); tests that look at
 * the file underneath may too.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "nv-db.h"

G_BEGIN_DECLS

#define NV_STORE_BUSY_TIMEOUT_MS 5000

/* Opens the database file @path (read-only or read-write; it must exist). */
NvDb *nv_db_sqlite_open (const char *path, gboolean read_only, GError **error);

/* The SQLite connection underneath a connection of this backend. */
sqlite3 *nv_db_sqlite_handle (NvDb *db);

/* Sets @error for SQLite result @rc on the file @path (@db may be NULL) and
 * returns FALSE. */
gboolean nv_store_set_error_from_db (sqlite3 *db, int rc, const char *path, GError **error);

G_END_DECLS
