/* nv-wrap-bin.h — a bin for wrapping text, measured height-for-width only.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define NV_TYPE_WRAP_BIN (nv_wrap_bin_get_type ())
G_DECLARE_FINAL_TYPE (NvWrapBin, nv_wrap_bin, NV, WRAP_BIN, GtkWidget)

GtkWidget *nv_wrap_bin_new (void);
/* A bin holding @child; it takes @child's horizontal expansion. */
GtkWidget *nv_wrap_bin_new_for (GtkWidget *child);
GtkWidget *nv_wrap_bin_get_child (NvWrapBin *self);
void nv_wrap_bin_set_child (NvWrapBin *self, GtkWidget *child);

G_END_DECLS
