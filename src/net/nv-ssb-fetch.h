/* nv-ssb-fetch.h — «Update from SSB»: fetch the tables of the plan over
 * HTTPS with libsoup 3 and store them (nv-ssb.h). Started only by the user.
 *
 * What goes over the network: one GET per series of data/ssb-series.json
 * to data.ssb.no (ten today), each naming a public table, the codes of the
 * figures wanted and the first quarter, with the header
 * «User-Agent: Naervaer/VERSION». Nothing about units, staff, absence or the
 * user is sent; no cookies are kept.
 *
 * All or nothing: any failure (no connection, HTTP 429 «too many requests»,
 * 4xx, 5xx, an answer that is not JSON-stat, a table whose dimensions
 * changed) stops the update, and nothing is stored.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "nv-ssb.h"

G_BEGIN_DECLS

/* Takes ownership of @plan (NULL: the shipped plan). */
void nv_ssb_update_async (NvStore *store, NvSsbPlan *plan, GCancellable *cancellable,
                          GAsyncReadyCallback callback, gpointer user_data);
/* @report (may be NULL) says what was stored. */
gboolean nv_ssb_update_finish (GAsyncResult *result, NvSsbReport *report, GError **error);

G_END_DECLS
