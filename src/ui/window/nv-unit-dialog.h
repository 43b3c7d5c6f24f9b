/* nv-unit-dialog.h — create or edit a unit, with inline validation.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "nv-store.h"

G_BEGIN_DECLS

/* Called with the id of the created or edited unit. */
typedef void (*NvUnitDialogDone) (gint64 unit_id, gpointer user_data);

/* @unit_id 0 creates a new unit, otherwise edits that one. */
GtkWindow *nv_unit_dialog_new (GtkWindow *parent, NvStore *store, gint64 unit_id,
                               NvUnitDialogDone done, gpointer user_data);

/* For tests: the name field of a dialog made by nv_unit_dialog_new(). */
GtkEditable *nv_unit_dialog_get_name (GtkWindow *dialog);

G_END_DECLS
