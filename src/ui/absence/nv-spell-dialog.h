/* nv-spell-dialog.h — add, edit or end a sick-leave spell.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "nv-form-dialog.h"
#include "nv-context.h"

G_BEGIN_DECLS

#define NV_TYPE_SPELL_DIALOG (nv_spell_dialog_get_type ())
G_DECLARE_FINAL_TYPE (NvSpellDialog, nv_spell_dialog, NV, SPELL_DIALOG, NvFormDialog)

typedef enum
{
  NV_SPELL_DIALOG_ADD,
  NV_SPELL_DIALOG_EDIT, /* @spell_id */
  NV_SPELL_DIALOG_END,  /* @spell_id, an open spell */
} NvSpellDialogMode;

/* The calendars open on today by @context's clock. */
NvSpellDialog *nv_spell_dialog_new (GtkWindow *parent, NvContext *context, gint64 unit_id,
                                    NvSpellDialogMode mode, gint64 spell_id);

/* For tests: "employee" (GtkDropDown), "start", "end" (NvDateEntry), "open"
 * (GtkCheckButton), "grade" (GtkSpinButton), "self", "doctor" (GtkCheckButton). */
GtkWidget *nv_spell_dialog_get_field (NvSpellDialog *self, const char *field);

G_END_DECLS
