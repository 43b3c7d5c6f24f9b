/* nv-http.h — one HTTP GET (libsoup 3), for «Update from SSB»
 * (nv-ssb-fetch.c). Kept this small so that the app can load libsoup only
 * when the user asks for an update (nv-soup.so, src/modules, nv-module.h);
 * naervaer-cli and the tests link it directly.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* A session (a SoupSession; free with g_object_unref) whose requests give
 * up after @timeout_seconds and say they come from @user_agent. NULL with
 * @error when libsoup cannot be loaded. */
GObject *nv_http_session_new (guint timeout_seconds, const char *user_agent, GError **error);

/* GETs @url asking for @accept. FALSE when @url is not a web address
 * (@callback is then not called). */
gboolean nv_http_get_async (GObject *session, const char *url, const char *accept,
                            GCancellable *cancellable, GAsyncReadyCallback callback,
                            gpointer user_data);

/* The body, and the HTTP @status and @reason (free with g_free); NULL with
 * @error when no answer came. */
GBytes *nv_http_get_finish (GObject *session, GAsyncResult *result, guint *status, char **reason,
                            GError **error);

G_END_DECLS
