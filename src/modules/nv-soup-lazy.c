/* nv-soup-lazy.c — the app's nv-http.h: loads nv-soup.so (and libsoup) when
 * the user first asks SSB for figures (nv-module.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-ssb-fetch"

#include "config.h"

#include "nv-soup-table.h"

#define MODULE "nv-soup"

GObject *
nv_http_session_new (guint timeout_seconds, const char *user_agent, GError **error)
{
  const NvSoupTable *soup
      = (const NvSoupTable *)nv_module_load (MODULE, sizeof (NvSoupTable), error);

  return soup != NULL ? soup->session_new (timeout_seconds, user_agent, error) : NULL;
}

/* Only called with a session, so the module is loaded. */
static const NvSoupTable *
loaded (void)
{
  return (const NvSoupTable *)nv_module_peek (MODULE);
}

gboolean
nv_http_get_async (GObject *session, const char *url, const char *accept, GCancellable *cancellable,
                   GAsyncReadyCallback callback, gpointer user_data)
{
  g_return_val_if_fail (loaded () != NULL, FALSE);
  return loaded ()->get_async (session, url, accept, cancellable, callback, user_data);
}

GBytes *
nv_http_get_finish (GObject *session, GAsyncResult *result, guint *status, char **reason,
                    GError **error)
{
  g_return_val_if_fail (loaded () != NULL, NULL);
  return loaded ()->get_finish (session, result, status, reason, error);
}
