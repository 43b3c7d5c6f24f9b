/* nv-connect-dialog.h — connecting to the municipality's server from
 * Preferences: the connection (a service or a libpq connection string),
 * a password when the server asks for one, and «Remember the password» in
 * the desktop keyring (libsecret). A password not remembered is kept for
 * this session only, by the open connection.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "nv-keyring.h" /* the keyring functions the dialog uses */
#include "nv-store.h"

G_BEGIN_DECLS

/* Called when the connection the user asked for is open: @store is it
 * (take a reference to keep it). The dialog closes after. While it is
 * being made the dialog shows so, with the form locked; Cancel or Escape
 * then stops it and gives the form back as it was. A connection that
 * fails leaves the dialog open, saying why, for another try. */
typedef void (*NvConnectFunc) (NvStore *store, const char *connection, gpointer data);

/* @connection: what the fields start with (NULL: empty). */
GtkWindow *nv_connect_dialog_new (GtkWindow *parent, const char *connection, NvConnectFunc func,
                                  gpointer data);

/* The same when the server asked for a password at start-up: said so,
 * with the password field focused. */
GtkWindow *nv_connect_dialog_new_for_password (GtkWindow *parent, const char *connection,
                                               NvConnectFunc func, gpointer data);

/* In that dialog: the password remembered in the keyring was refused — said
 * so, and «Remember the password» ticked, so that the new one replaces it. */
void nv_connect_dialog_say_stale (GtkWindow *dialog);

/* TRUE while the dialog is making its connection. */
gboolean nv_connect_dialog_is_connecting (GtkWindow *dialog);

/* What the user is told while @connection is being made: «Connecting to
 * “db.kommune.no” …» (the server's name, not its connection string). */
char *nv_connect_progress_text (const char *connection);

G_END_DECLS
