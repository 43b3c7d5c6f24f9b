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

/* The keyring: the password remembered for @connection (NULL: none, or no
 * keyring), storing one, forgetting it. */
char *nv_connect_lookup_password (const char *connection);
gboolean nv_connect_store_password (const char *connection, const char *password, GError **error);
void nv_connect_forget_password (const char *connection);

G_END_DECLS
