/* nv-test-ui.h — main-loop spins and screenshots for the widget tests
 * (tests/support, GTK).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Runs the default main context until nothing is pending. */
void nv_test_spin (void);
/* Does that @rounds times, sleeping @usec between rounds: for work that
 * queues more work (idle reloads, layout after a resize). */
void nv_test_spin_rounds (guint rounds, gulong usec);

/* Renders @widget (mapped, in a realized window) to a PNG at @path with the
 * window's renderer; fails the test if it cannot. */
void nv_test_save_png (GtkWidget *widget, const char *path);

G_END_DECLS
