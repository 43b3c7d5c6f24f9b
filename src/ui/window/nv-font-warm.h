/* nv-font-warm.h — the window's fonts loaded in a thread while GTK starts.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* After gtk_init(), before the theme is loaded: starts a thread that loads
 * the fonts the first window draws with (family and options as GTK's own
 * Pango contexts have them) into a font map of its own. Once only. */
void nv_font_warm_start (void);
/* Before the first window: waits for that thread and makes its font map the
 * default of the calling (main) thread, so GTK's widgets find the fonts,
 * their metrics and the common glyphs ready. Nothing when not started. */
void nv_font_warm_finish (void);
/* For tests: the base font the thread loaded (a new reference), NULL when
 * none. */
PangoFont *nv_font_warm_get_base_font (void);

G_END_DECLS
