/* nv-focus-return.c — see nv-focus-return.h.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-focus-return"

#include "config.h"

#include "nv-focus-return.h"

typedef struct
{
  GWeakRef last; /* last focus outside the toasts */
  GWeakRef overlay;
  guint idle_id;
} Keeper;

static void
keeper_free (Keeper *keeper)
{
  g_clear_handle_id (&keeper->idle_id, g_source_remove);
  g_weak_ref_clear (&keeper->last);
  g_weak_ref_clear (&keeper->overlay);
  g_free (keeper);
}

/* A toast is a child of the overlay other than its main child. */
static gboolean
in_toast (GtkWidget *widget, AdwToastOverlay *overlay)
{
  GtkWidget *child = adw_toast_overlay_get_child (overlay);

  for (GtkWidget *w = widget; w != NULL; w = gtk_widget_get_parent (w))
    {
      if (w == child)
        return FALSE;
      if (gtk_widget_get_parent (w) == GTK_WIDGET (overlay))
        return TRUE;
    }
  return FALSE;
}

static gboolean
restore_cb (gpointer data)
{
  GtkWindow *window = data;
  Keeper *keeper = g_object_get_data (G_OBJECT (window), "nv-focus-keeper");
  g_autoptr (GtkWidget) last = g_weak_ref_get (&keeper->last);
  g_autoptr (AdwToastOverlay) overlay = g_weak_ref_get (&keeper->overlay);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  keeper->idle_id = 0;
  if (overlay == NULL || focus == NULL || !in_toast (focus, overlay))
    return G_SOURCE_REMOVE;
  if (last != NULL && gtk_widget_get_root (last) == GTK_ROOT (window)
      && gtk_widget_is_sensitive (last) && gtk_widget_get_mapped (last)
      && gtk_widget_grab_focus (last))
    return G_SOURCE_REMOVE;
  /* What opened the dialog is gone: the page itself. */
  gtk_widget_child_focus (adw_toast_overlay_get_child (overlay), GTK_DIR_TAB_FORWARD);
  return G_SOURCE_REMOVE;
}

static void
focus_changed_cb (GtkWindow *window, GParamSpec *pspec, Keeper *keeper)
{
  g_autoptr (AdwToastOverlay) overlay = g_weak_ref_get (&keeper->overlay);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  if (overlay == NULL || focus == NULL)
    return;
  if (!in_toast (focus, overlay))
    g_weak_ref_set (&keeper->last, focus);
  /* Tabbing onto a toast (its Undo) is fine; arriving there when a dialog
   * closes or a list is rebuilt is not. Only keyboard moves keep it there:
   * the window is active, shows focus rings (keyboard use) and the
   * previous focus still exists. The check runs once GTK has settled. */
  else if (keeper->idle_id == 0)
    {
      g_autoptr (GtkWidget) last = g_weak_ref_get (&keeper->last);

      if (last == NULL || !gtk_widget_get_mapped (last) || !gtk_widget_is_sensitive (last)
          || !gtk_window_is_active (window) || !gtk_window_get_focus_visible (window))
        keeper->idle_id = g_idle_add (restore_cb, window);
    }
}

static void
active_changed_cb (GtkWindow *window, GParamSpec *pspec, Keeper *keeper)
{
  /* Back from a dialog: if focus sits on a toast, move it. */
  if (gtk_window_is_active (window) && keeper->idle_id == 0)
    keeper->idle_id = g_idle_add (restore_cb, window);
}

void
nv_focus_keep_off_toasts (GtkWindow *window, AdwToastOverlay *overlay)
{
  Keeper *keeper = g_new0 (Keeper, 1);

  g_weak_ref_init (&keeper->last, NULL);
  g_weak_ref_init (&keeper->overlay, overlay);
  g_object_set_data_full (G_OBJECT (window), "nv-focus-keeper", keeper,
                          (GDestroyNotify) keeper_free);
  g_signal_connect (window, "notify::focus-widget", G_CALLBACK (focus_changed_cb), keeper);
  g_signal_connect (window, "notify::is-active", G_CALLBACK (active_changed_cb), keeper);
}
