/* nv-error-label.h — the inline error line under a form field.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* A hidden, wrapping, left-aligned label in the error colour. When
 * @described is given, screen readers read the label as its description. */
GtkLabel *nv_error_label_new (GtkWidget *described);

G_END_DECLS
