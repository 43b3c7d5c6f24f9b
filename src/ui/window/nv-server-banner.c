/* nv-server-banner.c — live updates from the server and the banner while
 * the connection is lost (nv-server-banner.h).
 *
 * libadwaita 1.2 has no AdwBanner: a GtkRevealer holds a box with the
 * libadwaita look of one (style.css, .nv-banner).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-server-banner"

#include "config.h"

#include <glib-unix.h>
#include <glib/gi18n.h>

#include "nv-server-banner.h"

#define FIRST_PAUSE 2 /* seconds before the first try; doubled after each */
#define LONGEST_PAUSE 60
/* A notification that arrived while a query of ours was running is read
 * with its result and never makes the socket readable: look this often. */
#define LOOK_SECONDS 2
/* A try that has not connected after this long has failed (libpq leaves
 * connect_timeout to the caller when it connects without blocking). */
#define TRY_SECONDS 30

struct _NvServerBanner
{
  GtkWidget parent_instance;

  NvStore *store;
  GtkRevealer *revealer;
  GtkLabel *label;
  GtkButton *button;
  guint socket_id;         /* g_unix_fd_add on the connection's socket */
  guint look_id;           /* the LOOK_SECONDS poll */
  guint tick_id;           /* once a second while the banner is shown */
  guint connect_id;        /* g_unix_fd_add while a try is connecting */
  guint give_up_id;        /* TRY_SECONDS after a try began */
  guint pause;             /* seconds of the current pause */
  guint left;              /* seconds until the next try */
  char *last_error;        /* why the last try failed */
  GCancellable *resolving; /* the server's names being looked up */
};

G_DEFINE_FINAL_TYPE (NvServerBanner, nv_server_banner, GTK_TYPE_WIDGET)

static void connection_lost (NvServerBanner *self);

static void
update_label (NvServerBanner *self)
{
  g_autofree char *text = NULL;

  if (self->left > 0)
    text = g_strdup_printf (
        g_dngettext (NULL,
                     "The connection to the municipality’s shared database was lost. Nothing can "
                     "be saved until it is back. Trying again in %u second.",
                     "The connection to the municipality’s shared database was lost. Nothing can "
                     "be saved until it is back. Trying again in %u seconds.",
                     self->left),
        self->left);
  else
    text = g_strdup (_ ("Connecting to the municipality’s shared database …"));
  gtk_label_set_text (self->label, text);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->label), self->last_error);
}

/* Reads what came on the socket; the store announces others' changes. */
static void
look (NvServerBanner *self)
{
  nv_store_refresh (self->store);
  if (!nv_store_is_connected (self->store))
    connection_lost (self);
}

static gboolean
socket_cb (int fd, GIOCondition condition, gpointer data)
{
  NvServerBanner *self = data;

  look (self);
  if (self->socket_id == 0)
    return G_SOURCE_REMOVE; /* lost: connection_lost() dropped the watch */
  return G_SOURCE_CONTINUE;
}

static gboolean
look_cb (gpointer data)
{
  NvServerBanner *self = data;

  if (self->tick_id == 0)
    look (self);
  return G_SOURCE_CONTINUE;
}

static void
watch_socket (NvServerBanner *self)
{
  int fd = nv_store_get_notify_fd (self->store);

  g_clear_handle_id (&self->socket_id, g_source_remove);
  if (fd >= 0)
    self->socket_id = g_unix_fd_add (fd, G_IO_IN | G_IO_HUP | G_IO_ERR, socket_cb, self);
}

static gboolean
tick_cb (gpointer data)
{
  NvServerBanner *self = data;

  if (nv_server_banner_is_connecting (self))
    return G_SOURCE_CONTINUE;
  if (self->left > 0)
    self->left--;
  if (self->left == 0)
    {
      nv_server_banner_retry (self);
      return self->tick_id != 0 ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
    }
  update_label (self);
  return G_SOURCE_CONTINUE;
}

static void
connection_lost (NvServerBanner *self)
{
  if (self->tick_id != 0)
    return;
  /* The old socket is closed: a watch on it would fire for ever. */
  if (self->socket_id != 0)
    {
      g_source_remove (self->socket_id);
      self->socket_id = 0;
    }
  g_message ("The connection to the database server was lost; trying again.");
  self->pause = FIRST_PAUSE;
  self->left = self->pause;
  self->tick_id = g_timeout_add_seconds (1, tick_cb, self);
  update_label (self);
  gtk_widget_set_visible (GTK_WIDGET (self), TRUE);
  gtk_revealer_set_reveal_child (self->revealer, TRUE);
}

static void
try_ended (NvServerBanner *self, GError *error)
{
  g_clear_handle_id (&self->connect_id, g_source_remove);
  g_clear_handle_id (&self->give_up_id, g_source_remove);
  if (self->resolving != NULL)
    {
      g_cancellable_cancel (self->resolving);
      g_clear_object (&self->resolving);
    }
  gtk_widget_set_sensitive (GTK_WIDGET (self->button), TRUE);
  if (error == NULL)
    {
      g_clear_handle_id (&self->tick_id, g_source_remove);
      g_clear_pointer (&self->last_error, g_free);
      gtk_revealer_set_reveal_child (self->revealer, FALSE);
      watch_socket (self);
      return;
    }
  g_free (self->last_error);
  self->last_error = g_strdup (error->message);
  self->pause = MIN (self->pause * 2, LONGEST_PAUSE);
  self->left = self->pause;
  update_label (self);
}

static gboolean connect_cb (int fd, GIOCondition condition, gpointer data);

/* One step of the try: libpq says what it waits for, the main loop waits. */
static void
poll_connection (NvServerBanner *self)
{
  g_autoptr (GError) error = NULL;
  gboolean done = FALSE;
  GIOCondition condition = 0;
  int fd = -1;

  g_clear_handle_id (&self->connect_id, g_source_remove);
  if (!nv_store_reconnect_poll (self->store, &done, &fd, &condition, &error))
    {
      try_ended (self, error);
      return;
    }
  if (done)
    {
      try_ended (self, NULL);
      return;
    }
  if (fd < 0)
    {
      g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_FAILED,
                           _ ("The database server could not be reached."));
      try_ended (self, error);
      return;
    }
  self->connect_id = g_unix_fd_add (fd, condition, connect_cb, self);
}

static gboolean
connect_cb (int fd, GIOCondition condition, gpointer data)
{
  NvServerBanner *self = data;

  self->connect_id = 0;
  poll_connection (self);
  return G_SOURCE_REMOVE;
}

static gboolean
give_up_cb (gpointer data)
{
  NvServerBanner *self = data;
  g_autoptr (GError) error = g_error_new_literal (
      G_IO_ERROR, G_IO_ERROR_TIMED_OUT, _ ("The database server did not answer in time."));

  self->give_up_id = 0;
  try_ended (self, error);
  return G_SOURCE_REMOVE;
}

/* The names are looked up: now libpq connects to the addresses found. */
static void
resolved_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  g_autoptr (NvServerBanner) self = data;
  g_autoptr (GError) error = NULL;
  gboolean found = nv_store_reconnect_resolve_finish (NV_STORE (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return; /* given up, or the window closed */
  g_clear_object (&self->resolving);
  if (!found || !nv_store_reconnect_start (self->store, &error))
    {
      try_ended (self, error);
      return;
    }
  poll_connection (self);
}

void
nv_server_banner_retry (NvServerBanner *self)
{
  g_return_if_fail (NV_IS_SERVER_BANNER (self));
  if (self->tick_id == 0 || nv_server_banner_is_connecting (self))
    return;
  self->left = 0;
  update_label (self);
  /* The window stays usable while the server is slow to answer: the try
   * runs from the main loop, step by step, never waiting inside it — its
   * host names looked up in the background first (libpq would look them
   * up itself, waiting). */
  gtk_widget_set_sensitive (GTK_WIDGET (self->button), FALSE);
  self->give_up_id = g_timeout_add_seconds (TRY_SECONDS, give_up_cb, self);
  self->resolving = g_cancellable_new ();
  nv_store_reconnect_resolve_async (self->store, self->resolving, resolved_cb, g_object_ref (self));
}

gboolean
nv_server_banner_is_connecting (NvServerBanner *self)
{
  g_return_val_if_fail (NV_IS_SERVER_BANNER (self), FALSE);
  return self->give_up_id != 0;
}

/* Hidden when folded away, so that a screen reader does not find its
 * button either. */
static void
child_revealed_cb (NvServerBanner *self)
{
  if (!gtk_revealer_get_child_revealed (self->revealer)
      && !gtk_revealer_get_reveal_child (self->revealer))
    gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

static void
retry_clicked_cb (NvServerBanner *self)
{
  nv_server_banner_retry (self);
}

gboolean
nv_server_banner_is_revealed (NvServerBanner *self)
{
  g_return_val_if_fail (NV_IS_SERVER_BANNER (self), FALSE);
  return gtk_revealer_get_reveal_child (self->revealer);
}

guint
nv_server_banner_get_seconds_left (NvServerBanner *self)
{
  g_return_val_if_fail (NV_IS_SERVER_BANNER (self), 0);
  return self->tick_id != 0 ? self->left : 0;
}

static void
nv_server_banner_dispose (GObject *object)
{
  NvServerBanner *self = NV_SERVER_BANNER (object);

  g_clear_handle_id (&self->socket_id, g_source_remove);
  g_clear_handle_id (&self->look_id, g_source_remove);
  g_clear_handle_id (&self->tick_id, g_source_remove);
  g_clear_handle_id (&self->connect_id, g_source_remove);
  g_clear_handle_id (&self->give_up_id, g_source_remove);
  if (self->resolving != NULL)
    {
      g_cancellable_cancel (self->resolving);
      g_clear_object (&self->resolving);
    }
  if (self->revealer != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (self->revealer));
      self->revealer = NULL;
    }
  g_clear_object (&self->store);
  g_clear_pointer (&self->last_error, g_free);
  G_OBJECT_CLASS (nv_server_banner_parent_class)->dispose (object);
}

static void
nv_server_banner_class_init (NvServerBannerClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = nv_server_banner_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "nv-server-banner");
}

static void
nv_server_banner_init (NvServerBanner *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *button = gtk_button_new_with_mnemonic (_ ("_Try Again"));

  self->revealer = GTK_REVEALER (gtk_revealer_new ());
  gtk_revealer_set_transition_type (self->revealer, GTK_REVEALER_TRANSITION_TYPE_SLIDE_DOWN);
  gtk_widget_set_parent (GTK_WIDGET (self->revealer), GTK_WIDGET (self));

  gtk_widget_add_css_class (box, "nv-banner");
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), button);
  gtk_revealer_set_child (self->revealer, box);
  self->label = GTK_LABEL (label);
  self->button = GTK_BUTTON (button);
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (retry_clicked_cb), self);
  g_signal_connect_swapped (self->revealer, "notify::child-revealed",
                            G_CALLBACK (child_revealed_cb), self);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
  /* A screen reader hears the banner when it comes. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Connection lost"), -1);
}

GtkWidget *
nv_server_banner_new (NvStore *store)
{
  NvServerBanner *self = g_object_new (NV_TYPE_SERVER_BANNER, NULL);

  g_return_val_if_fail (NV_IS_STORE (store), NULL);
  self->store = g_object_ref (store);
  if (nv_store_is_shared (store))
    {
      watch_socket (self);
      self->look_id = g_timeout_add_seconds (LOOK_SECONDS, look_cb, self);
    }
  return GTK_WIDGET (self);
}
