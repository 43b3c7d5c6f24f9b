/* nv-first-frame.c — quit after the first frame, for the start-up benchmark.
 *
 * The benchmark (tests/ui/bench-startup.c) times a process from spawn to exit;
 * with this hook that is start-up to first painted frame. The same file is
 * compiled into the bare reference program, so both stop at the same point.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "nv-first-frame.h"

static void
after_paint_cb (GdkFrameClock *clock, GtkWindow *window)
{
  GtkApplication *app = gtk_window_get_application (window);

  g_signal_handlers_disconnect_by_func (clock, after_paint_cb, window);
  if (app != NULL)
    g_application_quit (G_APPLICATION (app));
  else
    gtk_window_destroy (window);
}

static void
realize_cb (GtkWidget *widget)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);

  g_signal_connect_after (clock, "after-paint", G_CALLBACK (after_paint_cb), widget);
}

void
nv_quit_after_first_frame_if_asked (GtkWindow *window)
{
  if (g_getenv ("NAERVAER_QUIT_AFTER_FIRST_FRAME") == NULL)
    return;
  if (gtk_widget_get_realized (GTK_WIDGET (window)))
    realize_cb (GTK_WIDGET (window));
  else
    g_signal_connect (window, "realize", G_CALLBACK (realize_cb), NULL);
}
