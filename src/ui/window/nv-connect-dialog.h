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

G_BEGIN_DECLS

/* Called when the user presses Connect; returns FALSE (and @error, shown in
 * the dialog, which stays open) when the connection could not be made. */
typedef gboolean (*NvConnectFunc) (const char *connection, const char *password, gpointer data,
                                   GError **error);

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

G_END_DECLS
