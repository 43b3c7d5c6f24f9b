/* nv-key-names.h — key names in the user's language.
 *
 * GTK 4.8's Norwegian catalogue leaves «Page Down», «Home», «End» and
 * «Escape» in English; the shortcuts window shows them as GTK names them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Our name for @keyval, or NULL when GTK's own is used. */
const char *nv_key_name (guint keyval);
/* Replaces GTK's key names under @root (a GtkShortcutsWindow) with ours. */
void nv_key_names_translate (GtkWidget *root);

G_END_DECLS
