/* nv-followup-dialogs.h — the Follow-up page's dialogs: mark a milestone
 * done (with undo), and the privacy duties (export one person's data, erase
 * one person, delete old cases).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "nv-followup.h"
#include "nv-page.h"

G_BEGIN_DECLS

/* Asks for the date (today by default) and an optional note, then records
 * @milestone as done; the toast offers Undo. */
void nv_followup_mark_done_dialog (NvPage *page, const NvMilestone *milestone);
/* Removes the done record, with a toast. */
void nv_followup_undo_done (NvPage *page, const NvMilestone *milestone);

/* Privacy: each asks first and says what happens. */
void nv_followup_export_employee_dialog (NvPage *page);
void nv_followup_erase_employee_dialog (NvPage *page);
void nv_followup_delete_old_cases_dialog (NvPage *page, int years);

G_END_DECLS
