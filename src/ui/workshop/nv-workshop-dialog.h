/* nv-workshop-dialog.h — plan a new dialogue workshop (date and title).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "nv-context.h"

G_BEGIN_DECLS

/* Called with the id of the new workshop. */
typedef void (*NvWorkshopDialogDone) (gint64 workshop_id, gpointer user_data);

GtkWindow *nv_workshop_dialog_new (GtkWindow *parent, NvContext *context, gint64 unit_id,
                                   NvWorkshopDialogDone done, gpointer user_data);

/* For tests: the date and title fields. */
GtkEditable *nv_workshop_dialog_get_date (GtkWindow *dialog);
GtkEditable *nv_workshop_dialog_get_title (GtkWindow *dialog);

G_END_DECLS
