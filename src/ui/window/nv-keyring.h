/* nv-keyring.h — the server password in the desktop keyring (libsecret),
 * for «Connect to a Server» (nv-connect-dialog.h). GLib only.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The keyring: the password remembered for @connection (NULL: none, or no
 * keyring), storing one, forgetting it. */
char *nv_connect_lookup_password (const char *connection);
gboolean nv_connect_store_password (const char *connection, const char *password, GError **error);
void nv_connect_forget_password (const char *connection);

G_END_DECLS
