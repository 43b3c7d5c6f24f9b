/* nv-first-frame.h — quit after the first frame, for the start-up benchmark.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* When NAERVAER_QUIT_AFTER_FIRST_FRAME is set, quits the application as soon
 * as @window has painted its first frame. Does nothing otherwise. */
void nv_quit_after_first_frame_if_asked (GtkWindow *window);

G_END_DECLS
