/* nv-secret-lazy.c — the app's nv-keyring.h: loads nv-secret.so (and
 * libsecret) the first time the keyring is needed (nv-module.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-connect-dialog"

#include "config.h"

#include "nv-secret-table.h"

static const NvSecretTable *
secret (GError **error)
{
  return (const NvSecretTable *)nv_module_load ("nv-secret", sizeof (NvSecretTable), error);
}

char *
nv_connect_lookup_password (const char *connection)
{
  g_autoptr (GError) error = NULL;
  const NvSecretTable *table = secret (&error);

  if (table == NULL)
    {
      /* As without a keyring: the password is asked for. */
      g_warning ("%s", error->message);
      return NULL;
    }
  return table->lookup (connection);
}

gboolean
nv_connect_store_password (const char *connection, const char *password, GError **error)
{
  const NvSecretTable *table = secret (error);

  return table != NULL && table->store (connection, password, error);
}

void
nv_connect_forget_password (const char *connection)
{
  g_autoptr (GError) error = NULL;
  const NvSecretTable *table = secret (&error);

  if (table == NULL)
    g_warning ("%s", error->message);
  else
    table->forget (connection);
}
