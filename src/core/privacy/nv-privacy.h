/* nv-privacy.h — the duties that come with personal health data:
 * retention (delete closed cases older than N years), erasing one person, and
 * exporting one person's data (the right of access).
 *
 * Each write is one transaction: it happens completely or not at all.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "nv-calendar.h"
#include "nv-store.h"

G_BEGIN_DECLS

typedef struct
{
  gint64 unit_id;
  char *unit_name;
  gint64 employee_id;
  char *employee_ref;
  NvDay start;
  NvDay end;
  guint n_spells;
} NvExpiredCase;

void nv_expired_case_free (NvExpiredCase *c);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (NvExpiredCase, nv_expired_case_free)

/* The day before which a closed case has expired: @today minus @years
 * (29 February goes to 28 February). */
NvDay nv_privacy_cutoff (NvDay today, int years);

/* Closed cases of every unit that ended more than @years years before @today
 * (end < cutoff), sorted by unit name, end, employee ref. Element
 * NvExpiredCase. Open cases are never listed. */
GPtrArray *nv_privacy_expired_cases (NvStore *store, int years, NvDay today, GError **error);

/* Deletes those cases — their spells and follow-up records — in one
 * transaction, and follow-up records whose case no longer exists (spells
 * edited afterwards) with a case start before the cutoff. The roster stays
 * (contracted days of old periods need it).
 * @n_cases and @n_spells receive what was deleted. */
gboolean nv_privacy_delete_expired (NvStore *store, int years, NvDay today, guint *n_cases,
                                    guint *n_spells, GError **error);

typedef struct
{
  guint n_roster;
  guint n_spells;
  guint n_records;
} NvErasedCounts;

/* Removes every trace of one employee — roster rows, spells, follow-up
 * records and the reference itself — in one transaction. */
gboolean nv_privacy_erase_employee (NvStore *store, gint64 employee_id, NvErasedCounts *counts,
                                    GError **error);

/* One employee's data as plain UTF-8 text in the user's language: unit,
 * reference, employment, absence spells, follow-up milestones as of @as_of
 * (NV_DAY_NONE = today) with the leader's notes. */
char *nv_privacy_employee_text (NvStore *store, gint64 employee_id, NvDay as_of, GError **error);
/* Writes that text, as of @as_of (today by the context's clock), to @path
 * (mode 0600, replaced atomically). */
gboolean nv_privacy_export_employee (NvStore *store, gint64 employee_id, NvDay as_of,
                                     const char *path, GError **error);

G_END_DECLS
