/* nv-target-dialog.h — set or remove a unit's sick-leave target.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "nv-store.h"

G_BEGIN_DECLS

/* Opens the dialog over @parent for unit @unit_id; saves on «Save» (the
 * store emits changed, so pages refresh). Returns the dialog (not owned). */
GtkWidget *nv_target_dialog_present (GtkWindow *parent, NvStore *store, gint64 unit_id);
/* For tests: type @text into the dialog's field, then answer @response
 * ("save", "remove" or "cancel"). */
void nv_target_dialog_respond (GtkWidget *dialog, const char *text, const char *response);

G_END_DECLS
