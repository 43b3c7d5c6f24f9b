/* «Connect to the Municipality's Server» without blocking the window
 * (issue 14), under `pgcluster.py run`: a server that takes the connection
 * and never answers (a GSocketService on this computer), one that refuses
 * it, one that times out, and the real throwaway cluster. While connecting
 * the dialog says so, the main loop runs, and Cancel or Escape give the
 * form back without the callback ever being called. */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "nv-connect-dialog.h"
#include "nv-store.h"
#include "nv-test-store.h"
#include "nv-test-ui.h"

typedef NvTestDb Fixture;

static void
setup (Fixture *f, gconstpointer data)
{
  nv_test_db_open (f, "naervaer.db");
}

static void
teardown (Fixture *f, gconstpointer data)
{
  nv_test_db_close (f);
}

/* ---- A server that accepts and never answers ---------------------------- */

typedef struct
{
  GSocketService *service;
  GPtrArray *held; /* the connections it took, never answered */
  guint16 port;
} Hang;

static gboolean
incoming_cb (GSocketService *service, GSocketConnection *connection, GObject *source, Hang *h)
{
  g_ptr_array_add (h->held, g_object_ref (connection));
  return TRUE;
}

static void
hang_start (Hang *h)
{
  g_autoptr (GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr (GSocketAddress) any_port = g_inet_socket_address_new (loopback, 0);
  g_autoptr (GSocketAddress) bound = NULL;
  g_autoptr (GError) error = NULL;

  h->held = g_ptr_array_new_with_free_func (g_object_unref);
  h->service = g_socket_service_new ();
  g_socket_listener_add_address (G_SOCKET_LISTENER (h->service), any_port, G_SOCKET_TYPE_STREAM,
                                 G_SOCKET_PROTOCOL_TCP, NULL, &bound, &error);
  g_assert_no_error (error);
  h->port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
  g_signal_connect (h->service, "incoming", G_CALLBACK (incoming_cb), h);
  g_socket_service_start (h->service);
}

/* The server goes: what still waited on it (a cancelled connect's worker)
 * is cut off. */
static void
hang_stop (Hang *h)
{
  g_socket_service_stop (h->service);
  g_socket_listener_close (G_SOCKET_LISTENER (h->service));
  for (guint i = 0; i < h->held->len; i++)
    g_io_stream_close (h->held->pdata[i], NULL, NULL);
  g_clear_pointer (&h->held, g_ptr_array_unref);
  g_clear_object (&h->service);
}

static char *
hang_conninfo (Hang *h)
{
  return g_strdup_printf ("host=127.0.0.1 port=%u dbname=naervaer user=leder sslmode=disable",
                          h->port);
}

static gboolean
hang_reached (gpointer data)
{
  return ((Hang *)data)->held->len > 0;
}

/* ---- The dialog ---------------------------------------------------------- */

typedef struct
{
  GtkWindow *dialog;
  NvStore *store; /* what the callback was given */
  char *connection;
  guint ticks;                   /* a timeout's calls while connecting */
  gint64 last_tick, longest_gap; /* µs, reported, not judged */
} Run;

static void
connected_cb (NvStore *store, const char *connection, gpointer data)
{
  Run *run = data;

  g_assert_null (run->store);
  run->store = g_object_ref (store);
  run->connection = g_strdup (connection);
}

static GtkWidget *
find_button (GtkWidget *widget, const char *label)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, label);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* As the user's click: libadwaita closes the dialog, then responds. */
static void
click (Run *run, const char *label)
{
  GtkWidget *button = find_button (GTK_WIDGET (run->dialog), label);

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
}

static gboolean
tick_cb (gpointer data)
{
  Run *run = data;
  gint64 now = g_get_monotonic_time ();

  if (run->last_tick != 0)
    run->longest_gap = MAX (run->longest_gap, now - run->last_tick);
  run->last_tick = now;
  run->ticks++;
  return G_SOURCE_CONTINUE;
}

static gboolean
ticked (gpointer data)
{
  return ((Run *)data)->ticks >= 5;
}

static gboolean
not_connecting (gpointer data)
{
  return !nv_connect_dialog_is_connecting (((Run *)data)->dialog);
}

static gboolean
got_store (gpointer data)
{
  return ((Run *)data)->store != NULL;
}

static void
open_dialog (Run *run, const char *connection)
{
  run->dialog = nv_connect_dialog_new (NULL, connection, connected_cb, run);
  g_object_add_weak_pointer (G_OBJECT (run->dialog), (gpointer *)&run->dialog);
  gtk_window_present (run->dialog);
  nv_test_spin ();
}

static void
assert_form (Run *run, gboolean connecting)
{
  GtkWidget *dialog = GTK_WIDGET (run->dialog);

  g_assert_nonnull (run->dialog);
  g_assert_true (gtk_widget_get_visible (dialog));
  g_assert_cmpint (nv_connect_dialog_is_connecting (run->dialog), ==, connecting);
  g_assert_cmpint (gtk_widget_get_visible (nv_test_find_named (dialog, "progress")), ==,
                   connecting);
  g_assert_cmpint (gtk_widget_is_sensitive (nv_test_find_named (dialog, "connection")), ==,
                   !connecting);
  g_assert_cmpint (gtk_widget_is_sensitive (nv_test_find_named (dialog, "password")), ==,
                   !connecting);
  g_assert_cmpint (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "connect"),
                   ==, !connecting);
  g_assert_null (run->store);
}

static const char *
error_text (Run *run)
{
  GtkWidget *error = nv_test_find_named (GTK_WIDGET (run->dialog), "error");

  return gtk_widget_get_visible (error) ? gtk_label_get_text (GTK_LABEL (error)) : NULL;
}

static void
test_hanging (Fixture *f, gconstpointer data)
{
  Hang hang = { 0 };
  Run run = { 0 };
  g_autofree char *conninfo = NULL;
  guint tick_id;

  hang_start (&hang);
  conninfo = hang_conninfo (&hang);
  open_dialog (&run, conninfo);
  assert_form (&run, FALSE);

  /* Connect: the dialog stays, says where it is connecting, and locks the
   * form; the main loop runs on while the server keeps silent. */
  click (&run, "C_onnect");
  nv_test_spin ();
  assert_form (&run, TRUE);
  g_assert_cmpstr (gtk_label_get_text (
                       GTK_LABEL (nv_test_find_named (GTK_WIDGET (run.dialog), "progress-label"))),
                   ==, "Connecting to “127.0.0.1” …");
  g_assert_nonnull (find_button (GTK_WIDGET (run.dialog), "Connecting…"));
  g_assert_null (error_text (&run));
  nv_test_wait_until (hang_reached, &hang, 20, "the connection reaching the silent server");
  tick_id = g_timeout_add (20, tick_cb, &run);
  nv_test_wait_until (ticked, &run, 20, "the main loop running while connecting");
  g_source_remove (tick_id);
  g_test_message ("longest gap between 20 ms ticks while connecting: %.1f ms",
                  run.longest_gap / 1000.0);
  assert_form (&run, TRUE);

  /* Escape (the window's close): the form is back as it was, the dialog
   * open, nothing connected. */
  gtk_window_close (run.dialog);
  nv_test_wait_until (not_connecting, &run, 10, "Escape stopping the connection");
  nv_test_spin ();
  assert_form (&run, FALSE);
  g_assert_nonnull (find_button (GTK_WIDGET (run.dialog), "C_onnect"));
  g_assert_null (error_text (&run));

  /* Again, and Cancel: the same. */
  click (&run, "C_onnect");
  nv_test_spin ();
  assert_form (&run, TRUE);
  click (&run, "_Cancel");
  nv_test_spin ();
  assert_form (&run, FALSE);

  /* Cancel with nothing being connected closes the dialog. */
  click (&run, "_Cancel");
  nv_test_spin ();
  g_assert_null (run.dialog);

  /* The cancelled workers end when the server goes; nothing arrives. */
  hang_stop (&hang);
  nv_test_spin_rounds (20, 10000);
  g_assert_null (run.store);
}

/* A server that never answers: libpq gives up after its connect_timeout
 * (here the environment's 2 s), and the message, naming the server, comes
 * into the open dialog without the window having waited for it. */
static void
test_timeout (Fixture *f, gconstpointer data)
{
  Hang hang = { 0 };
  Run run = { 0 };
  g_autofree char *conninfo = NULL;
  guint tick_id;

  g_setenv ("PGCONNECT_TIMEOUT", "2", TRUE);
  hang_start (&hang);
  conninfo = hang_conninfo (&hang);
  open_dialog (&run, conninfo);
  tick_id = g_timeout_add (20, tick_cb, &run);
  click (&run, "C_onnect");
  nv_test_spin ();
  assert_form (&run, TRUE);
  nv_test_wait_until (not_connecting, &run, 60, "the connection timing out");
  g_source_remove (tick_id);
  g_assert_cmpuint (run.ticks, >=, 5);
  g_test_message ("%u ticks, longest gap between 20 ms ticks while connecting: %.1f ms", run.ticks,
                  run.longest_gap / 1000.0);
  assert_form (&run, FALSE);
  g_assert_nonnull (error_text (&run));
  g_assert_nonnull (strstr (error_text (&run), "Could not connect to the database server"));
  g_assert_nonnull (strstr (error_text (&run), "127.0.0.1"));
  g_assert_nonnull (strstr (error_text (&run), "timeout"));

  gtk_window_destroy (run.dialog);
  nv_test_spin ();
  hang_stop (&hang);
  g_unsetenv ("PGCONNECT_TIMEOUT");
}

/* A port nobody listens on: refused, said in the dialog, which stays. */
static void
test_refused (Fixture *f, gconstpointer data)
{
  Hang hang = { 0 };
  Run run = { 0 };
  g_autofree char *conninfo = NULL;

  hang_start (&hang);
  conninfo = hang_conninfo (&hang);
  hang_stop (&hang);
  open_dialog (&run, conninfo);
  click (&run, "C_onnect");
  nv_test_wait_until (not_connecting, &run, 30, "the refusal");
  nv_test_spin ();
  assert_form (&run, FALSE);
  g_assert_nonnull (error_text (&run));
  g_assert_nonnull (strstr (error_text (&run), "127.0.0.1"));
  g_assert_nonnull (strstr (error_text (&run), "refused"));

  gtk_window_destroy (run.dialog);
  nv_test_spin ();
}

/* The throwaway cluster: the store arrives open, the dialog closes. */
static void
test_success (Fixture *f, gconstpointer data)
{
  Run run = { 0 };
  const char *conninfo = nv_store_get_path (f->store);

  open_dialog (&run, conninfo);
  click (&run, "C_onnect");
  nv_test_wait_until (got_store, &run, 30, "the connection to the cluster");
  g_assert_true (NV_IS_STORE (run.store));
  g_assert_true (nv_store_is_shared (run.store));
  g_assert_cmpstr (run.connection, ==, conninfo);
  nv_test_spin ();
  g_assert_null (run.dialog);
  g_clear_object (&run.store);
  g_free (run.connection);
}

static void
test_progress_text (void)
{
  static const struct
  {
    const char *connection, *said;
  } cases[] = {
    { "host=db.kommune.no dbname=naervaer sslmode=verify-full", "Connecting to “db.kommune.no” …" },
    { "postgresql://pg.kommune.no/naervaer?sslmode=verify-full",
      "Connecting to “pg.kommune.no” …" },
    { "host=/var/run/postgresql dbname=naervaer", "Connecting to the server on this computer …" },
    { "service=naervaer", "Connecting to the municipality’s server …" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *said = nv_connect_progress_text (cases[i].connection);
      g_assert_cmpstr (said, ==, cases[i].said);
    }
}

int
main (int argc, char **argv)
{
  nv_test_ui_init (&argc, &argv);
  /* pgcluster.py skips loudly (or fails in CI) without PostgreSQL. */
  if (!nv_test_is_pg ())
    {
      g_print ("1..0 # SKIP needs the throwaway server of `pgcluster.py run`\n");
      return 77;
    }
  g_test_add_func ("/server-connect/progress-text", test_progress_text);
  g_test_add ("/server-connect/hanging", Fixture, NULL, setup, test_hanging, teardown);
  g_test_add ("/server-connect/timeout", Fixture, NULL, setup, test_timeout, teardown);
  g_test_add ("/server-connect/refused", Fixture, NULL, setup, test_refused, teardown);
  g_test_add ("/server-connect/success", Fixture, NULL, setup, test_success, teardown);
  return g_test_run ();
}
