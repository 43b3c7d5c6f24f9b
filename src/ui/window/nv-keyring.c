/* nv-keyring.c — the server password in the keyring (libsecret), for
 * «Connect to a Server» (nv-connect-dialog.h declares these). In a file of
 * its own, without GTK, because the app loads it (as nv-secret.so,
 * src/modules) only when a saved server is opened or a password remembered.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-connect-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <libsecret/secret.h>

#include "nv-keyring.h"

static const SecretSchema *
password_schema (void)
{
  static const SecretSchema schema = {
    APPLICATION_ID ".DatabasePassword",
    SECRET_SCHEMA_NONE,
    {
        { "connection", SECRET_SCHEMA_ATTRIBUTE_STRING },
        { NULL, 0 },
    },
  };
  return &schema;
}

char *
nv_connect_lookup_password (const char *connection)
{
  g_autoptr (GError) error = NULL;
  char *password;

  g_return_val_if_fail (connection != NULL, NULL);
  password = secret_password_lookup_sync (password_schema (), NULL, &error, "connection",
                                          connection, NULL);
  if (error != NULL)
    g_debug ("No keyring to ask for the password: %s", error->message);
  if (password == NULL)
    return NULL;
  /* Into GLib's allocator; the keyring's copy is wiped. */
  {
    char *copy = g_strdup (password);
    secret_password_free (password);
    return copy;
  }
}

gboolean
nv_connect_store_password (const char *connection, const char *password, GError **error)
{
  g_autofree char *label = g_strdup_printf (_ ("Nærvær: password for %s"), connection);

  return secret_password_store_sync (password_schema (), SECRET_COLLECTION_DEFAULT, label, password,
                                     NULL, error, "connection", connection, NULL);
}

void
nv_connect_forget_password (const char *connection)
{
  secret_password_clear_sync (password_schema (), NULL, NULL, "connection", connection, NULL);
}
