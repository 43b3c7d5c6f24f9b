/* nv-http.c — one HTTP GET with libsoup 3 (nv-http.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-ssb-fetch"

#include "config.h"

#include <libsoup/soup.h>

#include "nv-http.h"

GObject *
nv_http_session_new (guint timeout_seconds, const char *user_agent, GError **error)
{
  return G_OBJECT (
      soup_session_new_with_options ("timeout", timeout_seconds, "user-agent", user_agent, NULL));
}

gboolean
nv_http_get_async (GObject *session, const char *url, const char *accept, GCancellable *cancellable,
                   GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr (SoupMessage) msg = soup_message_new (SOUP_METHOD_GET, url);

  if (msg == NULL)
    return FALSE;
  soup_message_headers_replace (soup_message_get_request_headers (msg), "Accept", accept);
  soup_session_send_and_read_async (SOUP_SESSION (session), msg, G_PRIORITY_DEFAULT, cancellable,
                                    callback, user_data);
  return TRUE;
}

GBytes *
nv_http_get_finish (GObject *session, GAsyncResult *result, guint *status, char **reason,
                    GError **error)
{
  SoupMessage *msg = soup_session_get_async_result_message (SOUP_SESSION (session), result);
  GBytes *body = soup_session_send_and_read_finish (SOUP_SESSION (session), result, error);

  if (body == NULL)
    return NULL;
  *status = soup_message_get_status (msg);
  *reason = g_strdup (soup_message_get_reason_phrase (msg));
  return body;
}
