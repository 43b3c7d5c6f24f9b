/* nv-date-entry.h — a date field: a text entry that takes DD.MM.YYYY (or
 * YYYY-MM-DD) and a button that opens a calendar beside it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "nv-calendar.h"

G_BEGIN_DECLS

#define NV_TYPE_DATE_ENTRY (nv_date_entry_get_type ())
G_DECLARE_FINAL_TYPE (NvDateEntry, nv_date_entry, NV, DATE_ENTRY, GtkWidget)

GtkWidget *nv_date_entry_new (void);
/* The day typed or picked; NV_DAY_NONE when empty or not a date. */
NvDay nv_date_entry_get_day (NvDateEntry *self);
/* Shows @day as DD.MM.YYYY; NV_DAY_NONE empties the field. */
void nv_date_entry_set_day (NvDateEntry *self, NvDay day);
/* The day the calendar opens on while the field is empty: today by the
 * NvContext's clock (nv_context_today). */
void nv_date_entry_set_today (NvDateEntry *self, NvDay today);
/* TRUE when nothing but white space is typed. */
gboolean nv_date_entry_is_empty (NvDateEntry *self);
/* The text entry (for mnemonics, tests and "activate"). */
GtkEditable *nv_date_entry_get_editable (NvDateEntry *self);

G_END_DECLS
