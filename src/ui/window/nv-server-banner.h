/* nv-server-banner.h — live updates from the municipality's server and the
 * banner shown while the connection to it is lost.
 *
 * For a shared store (nv_store_is_shared()) the banner watches the
 * connection's socket in the main loop: when another process's change
 * arrives it calls nv_store_refresh(), so the pages refresh by themselves.
 * When the connection drops it shows itself («The connection to the
 * shared database was lost …», «Try Again») and connects again with a
 * growing pause (2, 4, 8 … 60 s) until the server answers; the app never
 * falls back to a file on this computer. For a local file it stays hidden
 * and does nothing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "nv-store.h"

G_BEGIN_DECLS

#define NV_TYPE_SERVER_BANNER (nv_server_banner_get_type ())
G_DECLARE_FINAL_TYPE (NvServerBanner, nv_server_banner, NV, SERVER_BANNER, GtkWidget)

GtkWidget *nv_server_banner_new (NvStore *store);

/* Is the banner shown (the connection lost)? */
gboolean nv_server_banner_is_revealed (NvServerBanner *self);
/* Seconds until the next try while the banner is shown, else 0. */
guint nv_server_banner_get_seconds_left (NvServerBanner *self);
/* What «Try Again» does: connects now. */
void nv_server_banner_retry (NvServerBanner *self);
/* TRUE while a try to connect again runs (the main loop goes on meanwhile). */
gboolean nv_server_banner_is_connecting (NvServerBanner *self);

G_END_DECLS
