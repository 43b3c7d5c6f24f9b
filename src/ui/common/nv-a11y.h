/* nv-a11y.h — accessible names and roles GTK 4.8 and libadwaita 1.2 leave
 * wrong, corrected for every widget of the application.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Names drop-down toggles, labelled menu buttons, mnemonic buttons and the
 * section tabs (with their badge) as they are shown, when each is realized.
 * Once per process, before the first window. */
void nv_a11y_install (void);

/* adw_message_dialog_new() with the dialog role (libadwaita 1.2 gives none). */
GtkWidget *nv_message_dialog_new (GtkWindow *parent, const char *heading, const char *body);

/* The responses of a confirmation: «cancel» labelled @cancel_label (also what
 * Escape and closing the dialog give) and @action labelled @action_label,
 * shown with @appearance. @default_response (a response id, or NULL for
 * none) is what Enter gives. */
void nv_message_dialog_add_cancel_and (AdwMessageDialog *dialog, const char *cancel_label,
                                       const char *action, const char *action_label,
                                       AdwResponseAppearance appearance,
                                       const char *default_response);

/* Names the section tabs under @root now (the realize hook misses the tabs
 * of a switcher not shown yet, such as the narrow window's bottom bar). */
void nv_a11y_name_tabs (GtkWidget *root);

/* Names every widget under @root now: for a part added, not shown, to a
 * window already realized (the realize hook names hidden stack pages only
 * when their stack is realized). */
void nv_a11y_name_subtree (GtkWidget *root);

/* Names @button (a GtkButton) @name for screen readers, in place of its
 * label — also after its label changes. */
void nv_a11y_set_button_name (GtkWidget *button, const char *name);

/* Names @control in a row like the row, @title without the mnemonic's «_»:
 * GTK 4.8 does not take a name from a labelled-by row. */
void nv_a11y_name_like_row (GtkWidget *control, const char *title);

/* @label without its mnemonic underscores («_Save» → «Save», «a__b» → «a_b»). */
char *nv_a11y_strip_mnemonic (const char *label);

G_END_DECLS
