/* nv-first-frame.c — hooks for the start-up benchmark (tests/ui/bench-startup.c).
 *
 * With NAERVAER_QUIT_AFTER_FIRST_FRAME set, the process prints the monotonic
 * time of its first painted frame («first-frame µs» on standard output), so
 * the benchmark times spawn to first frame, and quits. With
 * NAERVAER_WATCH_AFTER_FIRST_FRAME_MS=N it instead runs on for N ms and
 * prints the longest stretch of main-thread work in that time («longest-work
 * ms», in the thread's CPU time, so a busy machine does not inflate it)
 * before it quits: what a user would feel as a frozen window. The same file
 * is compiled into the bare reference program, so both stop at the same
 * point.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "nv-first-frame.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

typedef struct
{
  GtkWindow *window;
  double last_cpu;
  double longest;
  gint64 longest_end; /* monotonic µs: when the longest stretch ended */
  gint64 until;
  gint64 first_frame;
  gboolean verbose;         /* NAERVAER_WATCH_VERBOSE: print each stretch over 2 ms */
  guint icon_theme_changes; /* each restyles every widget */
} Watch;

static double
thread_cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static void
quit (GtkWindow *window)
{
  GtkApplication *app = gtk_window_get_application (window);

  if (app != NULL)
    g_application_quit (G_APPLICATION (app));
  else
    gtk_window_destroy (window);
}

static void
icon_theme_changed_cb (Watch *w)
{
  w->icon_theme_changes++;
}

/* Runs between any two other main-loop dispatches: the CPU time since the
 * previous tick is the work done in between. */
static gboolean
watch_tick_cb (gpointer data)
{
  Watch *w = data;
  double now = thread_cpu_ms ();

  if (w->verbose && now - w->last_cpu > 2.0)
    printf ("work %.3f ms, ended %+.1f ms after the first frame\n", now - w->last_cpu,
            (g_get_monotonic_time () - w->first_frame) / 1000.0);
  if (now - w->last_cpu > w->longest)
    {
      w->longest = now - w->last_cpu;
      w->longest_end = g_get_monotonic_time ();
    }
  w->last_cpu = now;
  if (g_get_monotonic_time () < w->until)
    return G_SOURCE_CONTINUE;
  printf ("longest-work %.3f\n", w->longest);
  printf ("longest-work-end %" G_GINT64_FORMAT "\n", w->longest_end);
  printf ("icon-theme-changes %u\n", w->icon_theme_changes);
  fflush (stdout);
  g_signal_handlers_disconnect_by_data (
      gtk_icon_theme_get_for_display (gtk_widget_get_display (GTK_WIDGET (w->window))), w);
  quit (w->window);
  g_free (w);
  return G_SOURCE_REMOVE;
}

static void
after_paint_cb (GdkFrameClock *clock, GtkWindow *window)
{
  const char *watch = g_getenv ("NAERVAER_WATCH_AFTER_FIRST_FRAME_MS");

  g_signal_handlers_disconnect_by_func (clock, after_paint_cb, window);
  printf ("first-frame %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
  fflush (stdout);
  if (watch != NULL)
    {
      Watch *w = g_new0 (Watch, 1);

      w->window = window;
      w->last_cpu = thread_cpu_ms ();
      w->first_frame = g_get_monotonic_time ();
      w->verbose = g_getenv ("NAERVAER_WATCH_VERBOSE") != NULL;
      w->until = g_get_monotonic_time () + g_ascii_strtoll (watch, NULL, 10) * 1000;
      g_signal_connect_swapped (
          gtk_icon_theme_get_for_display (gtk_widget_get_display (GTK_WIDGET (window))), "changed",
          G_CALLBACK (icon_theme_changed_cb), w);
      g_timeout_add_full (G_PRIORITY_HIGH, 1, watch_tick_cb, w, NULL);
      return;
    }
  quit (window);
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
