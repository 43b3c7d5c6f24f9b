/* nv-export.h — CSV export of a unit's roster, spells and HR monthly figures.
 *
 * The files use the Norwegian column names of DESIGN §4 (the import reads
 * them back: export → import round-trips), `;`, decimal comma, a UTF-8 byte
 * order mark and CRLF (nv-csv.h). Dates are YYYY-MM-DD, numbers unrounded.
 *
 * Masking (DESIGN §2: what leaves the leader's screen is masked below 5
 * persons). Roster and spells exports are the leader's own record-keeping —
 * one row per employee or spell, which no masking could hide without
 * emptying the file — so they are written as stored; the pseudonymous
 * references are all they name. The monthly export carries, after the HR
 * figures themselves (needed to re-import them), the derived percentages
 * `prosent`, `prosent_egenmeldt` and `prosent_legemeldt`. Those are the
 * figures people compare and pass on, so for a month with fewer than
 * NV_STATS_MASK_BELOW persons they are left empty unless @unmasked is asked
 * for (`naervaer-cli export monthly --unmasked`). The import ignores them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "nv-csv.h"
#include "nv-import.h"
#include "nv-store.h"

G_BEGIN_DECLS

/* Writes the export to @writer; @n_rows (may be NULL) gets the data rows. */
gboolean nv_export_write (NvStore *store, NvImportKind kind, gint64 unit_id, gboolean unmasked,
                          NvCsvWriter *writer, guint *n_rows, GError **error);
/* Writes @path (replaced only when complete; created 0600). */
gboolean nv_export_file (NvStore *store, NvImportKind kind, gint64 unit_id, gboolean unmasked,
                         const char *path, guint *n_rows, GError **error);
/* The file's text (BOM included), or NULL on error. */
char *nv_export_to_string (NvStore *store, NvImportKind kind, gint64 unit_id, gboolean unmasked,
                           gsize *len, GError **error);

G_END_DECLS
