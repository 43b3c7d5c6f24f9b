/* nv-drop-down.h — small helpers for GtkDropDown.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The button shows the chosen item ellipsized (so a long name never makes
 * the window wider); the list shows each item whole. @expression gives the
 * item's text (taken). */
void nv_drop_down_set_text_expression (GtkDropDown *dropdown, GtkExpression *expression);

/* A factory of labels showing @expression of each item: ellipsized, or
 * wrapped at 40 characters so long names show whole. */
GtkListItemFactory *nv_text_factory_new (GtkExpression *expression, gboolean ellipsize);

/* Search in a drop-down, with the placeholder in the user's language (GTK
 * 4.8 shows an untranslated «Search…»). */
void nv_drop_down_set_search (GtkDropDown *dropdown, gboolean enable);

G_END_DECLS
