/* nv-file-guard.h — a file the user picks is never the database.
 *
 * Every place where the app or naervaer-cli opens a file the user chose
 * (CSV, template, rules, a backup to restore) or replaces one (exports,
 * reports, charts, backups: a temporary file renamed over the target) asks
 * here first. The files of every SQLite database open in this process — the
 * database, its -wal, -shm and -journal — are refused by device and inode,
 * found with stat(2) alone: the file is never opened, so SQLite's locks stay
 * in place, and nothing is written over it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <sys/types.h>

G_BEGIN_DECLS

#define NV_FILE_GUARD_ERROR (nv_file_guard_error_quark ())
GQuark nv_file_guard_error_quark (void);

typedef enum
{
  NV_FILE_GUARD_ERROR_DATABASE, /* the file is (a working file of) an open database */
} NvFileGuardError;

/* The store: @path is a database file open in this process (counted; every
 * protect is matched by one release). Its -wal, -shm and -journal are
 * protected with it. */
void nv_file_guard_protect (const char *path);
void nv_file_guard_release (const char *path);

/* The store's lock layer: whether SQLite holds the file @dev/@ino open in
 * this process (a backup or a new database being written, say). */
typedef gboolean (*NvFileGuardHeldFunc) (dev_t dev, ino_t ino);
void nv_file_guard_set_held_func (NvFileGuardHeldFunc held);

/* Before opening @path, chosen by the user, for reading. */
gboolean nv_file_guard_check_read (const char *path, GError **error);

/* Before writing @path, chosen by the user (replaced through a temporary
 * file). A target that does not exist yet passes, unless its name is the
 * -wal, -shm or -journal of an open database. */
gboolean nv_file_guard_check_save (const char *path, GError **error);

G_END_DECLS
