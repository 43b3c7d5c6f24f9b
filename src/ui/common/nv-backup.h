/* nv-backup.h — backups from the GUI: to a file the user chooses, restore
 * with confirmation, and the automatic rolling backups (before every import,
 * once a day while the app is open).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "nv-context.h"
#include "nv-store.h"

G_BEGIN_DECLS

/* Called when a flow ends: @message is what to tell the user, or NULL when
 * the user cancelled; @ok says whether it worked. A refusal (@ok FALSE) has
 * a @heading, what failed («Nothing Was Restored»), and @message is its body:
 * why, and what to do. @heading is NULL otherwise. */
typedef void (*NvBackupDoneFunc) (const char *heading, const char *message, gboolean ok,
                                  gpointer data);

/* Asks where to save and writes a backup of @store there (0600). */
void nv_backup_save_to_file (GtkWindow *parent, NvStore *store, NvBackupDoneFunc done,
                             gpointer data);
/* Asks for a backup file, then confirms and restores it (see nv_backup_restore_confirm). */
void nv_backup_restore_from_file (GtkWindow *parent, NvStore *store, NvBackupDoneFunc done,
                                  gpointer data);
/* Asks «Restore the backup from …?» and restores @path into @store on yes,
 * keeping the database as it was in a copy beside it. */
void nv_backup_restore_confirm (GtkWindow *parent, NvStore *store, const char *path,
                                NvBackupDoneFunc done, gpointer data);

/* The suggested file name of a backup made now, «Nærvær-sikkerhetskopi 2026-12-07.db». */
char *nv_backup_suggested_name (void);
/* «07.12.2026 at 09:05» for a backup's time. */
char *nv_backup_format_time (GDateTime *when);

/* The automatic backup before an import. FALSE with @error when it was
 * wanted and failed (then do not import); TRUE when made or switched off. */
gboolean nv_backup_before_import (NvContext *context, GError **error);
/* The daily automatic backup if none was made today and they are on; a
 * failure is logged, never shown (the next import or day tries again). */
void nv_backup_daily (NvContext *context);

/* Runs nv_backup_daily() now and every hour while @app runs. */
void nv_backup_daily_start (GApplication *app, NvContext *context);

G_END_DECLS
