/* nv-faktor-private.h — 10-FAKTOR internals shared inside core.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "nv-faktor.h"

G_BEGIN_DECLS

/* Demo rounds for demo unit @index (nv-demo.c), inside its transaction. */
gboolean nv_faktor_demo_fill (NvStore *store, gint64 unit_id, guint index, const char *sector,
                              double level, guint positions, NvDay today, GError **error);

G_END_DECLS
