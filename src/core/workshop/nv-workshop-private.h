/* nv-workshop-private.h — helpers shared by the workshop's core files.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "nv-calendar.h"
#include "nv-workshop.h"

G_BEGIN_DECLS

/* Trims @text and checks it: UTF-8, not longer than @max characters, not
 * empty when @required. @field names the form field in the message. */
gboolean nv_workshop_check_text (const char *text, gsize max, const char *field,
                                 gboolean required, char **out, GError **error);
gboolean nv_workshop_exists (NvStore *store, gint64 id, GError **error);

/* The workshop table is read only in nv-workshop.c; other features call:
 * the workshop's unit (0 when there is no such workshop, or no workshop
 * schema yet), and @unit_id's latest workshop on or before @day (0: none). */
gint64 nv_workshop_rows_unit_of (NvStore *store, gint64 workshop_id);
gint64 nv_workshop_rows_latest_before (NvStore *store, gint64 unit_id, NvDay day);
/* A transaction unless one is already open (the demo writes inside its own). */

G_END_DECLS
