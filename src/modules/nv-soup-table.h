/* nv-soup-table.h — what nv-soup.so exports: nv-http.h's functions, so
 * that libsoup is loaded only when the user asks SSB for figures.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "nv-http.h"
#include "nv-module.h"

G_BEGIN_DECLS

typedef struct
{
  NvModuleTable base;
  GObject *(*session_new) (guint timeout_seconds, const char *user_agent, GError **error);
  gboolean (*get_async) (GObject *session, const char *url, const char *accept,
                         GCancellable *cancellable, GAsyncReadyCallback callback,
                         gpointer user_data);
  GBytes *(*get_finish) (GObject *session, GAsyncResult *result, guint *status, char **reason,
                         GError **error);
} NvSoupTable;

G_END_DECLS
