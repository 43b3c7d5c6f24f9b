/* nv-form-dialog.h — base of the small editing dialogs (employee, spell,
 * monthly figures): a header bar with Cancel and Save, a form of labelled
 * fields, and an error line under each field.
 *
 * Subclasses add fields, call nv_form_dialog_changed() whenever a field
 * changes, and implement ::validate (show the problems with
 * nv_form_dialog_set_error(), return whether Save may be pressed) and ::save
 * (write; on failure return the field the core names and the error). Save is
 * insensitive until the form is valid; Enter presses it, Escape cancels.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define NV_TYPE_FORM_DIALOG (nv_form_dialog_get_type ())
G_DECLARE_DERIVABLE_TYPE (NvFormDialog, nv_form_dialog, NV, FORM_DIALOG, AdwWindow)

struct _NvFormDialogClass
{
  AdwWindowClass parent_class;

  gboolean (*validate) (NvFormDialog *self);
  gboolean (*save) (NvFormDialog *self, const char **field, GError **error);
};

void nv_form_dialog_set_heading (NvFormDialog *self, const char *title, const char *description);
void nv_form_dialog_set_save_label (NvFormDialog *self, const char *label);
/* A row "@label [widget]" with an error line below. @label has a mnemonic
 * that focuses @mnemonic_widget (or @widget when NULL). @field is the core's
 * field name that errors are shown beside ("employee", "start", …). */
void nv_form_dialog_add_field (NvFormDialog *self, const char *field, const char *label,
                               GtkWidget *widget, GtkWidget *mnemonic_widget);
/* A full-width row without label (a hint, a check button). */
void nv_form_dialog_add_wide (NvFormDialog *self, GtkWidget *widget);
/* A small dimmed line under the last field. */
void nv_form_dialog_add_hint (NvFormDialog *self, const char *text);
/* Shows @message beside @field (a field without a row: under the form);
 * NULL clears it. */
void nv_form_dialog_set_error (NvFormDialog *self, const char *field, const char *message);
/* The message shown beside @field, or NULL. For tests. */
const char *nv_form_dialog_get_error (NvFormDialog *self, const char *field);
/* Runs ::validate again and updates the Save button. */
void nv_form_dialog_changed (NvFormDialog *self);
gboolean nv_form_dialog_can_save (NvFormDialog *self);
/* The Save button in the header bar (for tests). */
GtkWidget *nv_form_dialog_get_save_button (NvFormDialog *self);
/* Presses Save: returns TRUE when the data was written (the dialog closes). */
gboolean nv_form_dialog_save (NvFormDialog *self);

G_END_DECLS
