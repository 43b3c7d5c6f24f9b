/* nv-error-label.h — how errors are shown: the inline error line under a
 * form field, and the alert for an action that failed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* A wrapping, left-aligned label in the error colour, empty until there is
 * a message; it keeps its line while empty, so a message appearing never
 * moves the fields below. When @described is given, screen readers read the
 * label as its description. */
GtkLabel *nv_error_label_new (GtkWidget *described);
/* Shows @message, or clears the line (NULL or ""); the line stays. */
void nv_error_label_set (GtkLabel *label, const char *message);
/* The message shown, or NULL when there is none. */
const char *nv_error_label_get (GtkLabel *label);

/* Presents a message dialog over @parent (may be NULL) with @heading (what
 * failed, e.g. "The unit was not saved"), @body (why) and one Close button,
 * the default response. */
void nv_error_alert_show (GtkWindow *parent, const char *heading, const char *body);

G_END_DECLS
