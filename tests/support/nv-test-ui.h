/* nv-test-ui.h — screenshots and the focus race for the widget tests
 * (tests/support, GTK; main-loop spins are in nv-test-util.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "nv-context.h"
#include "nv-test-util.h"

G_BEGIN_DECLS

/* A widget test's start: gtk_test_init(), libadwaita, and the app's
 * resources (its UI files, icons and style). */
void nv_test_ui_init (int *argc, char ***argv);
/* The same with the interface in Norwegian Bokmål: the app's translations
 * (from NAERVAER_LOCALEDIR when set), as a Norwegian user sees it. */
void nv_test_ui_init_nb (int *argc, char ***argv);
/* Whether @label's text is cut at the width it was given, laid out again as
 * the label lays it out (wrapped on at most its lines, if it wraps): its own
 * layout may not say so. */
gboolean nv_test_label_is_cut (GtkWidget *label);

/* Renders @widget (mapped, in a realized window) to a PNG at @path with the
 * window's renderer; fails the test if it cannot. */
void nv_test_save_png (GtkWidget *widget, const char *path);

/* A new window holding @page (an NvPage), @width × @height when > 0, that
 * then gets @context and, when not 0, the unit @unit_id — the order the
 * window gives them in. Destroy it with gtk_window_destroy(). */
GtkWidget *nv_test_page_window (gpointer page, NvContext *context, gint64 unit_id, int width,
                                int height);

/* The first widget of @type at or under @widget (depth first), or NULL. */
GtkWidget *nv_test_find_widget (GtkWidget *widget, GType type);
/* The first widget named @name (gtk_widget_set_name()) in @widget's tree, @widget
 * included; NULL when none. */
GtkWidget *nv_test_find_named (GtkWidget *widget, const char *name);

/* When display tests run side by side on one Xvfb, another test's window can
 * take the X focus while a dialog's entry has it, and GTK 4.8 warns that the
 * entry «did not receive a focus-out event». That race is between test
 * processes, not in the code under test. Call after g_test_init(): this one
 * warning is written to stderr but no longer aborts; every other warning stays
 * fatal. GTK logs through the structured API, which g_test_log_set_fatal_handler
 * does not see, so this installs a log writer (once per process). */
void nv_test_tolerate_focus_race (void);

G_END_DECLS
