/* test-pg-resolve.c — the server's host name is looked up without
 * blocking the main loop (issue 14): opening the store on the server and
 * connecting again after the connection was lost.
 *
 * Run by `pgcluster.py run --tls`: the throwaway cluster listens on
 * 127.0.0.1 with a certificate for «nv-db.test» only. No name server knows
 * that name: a resolver of this test's own (g_resolver_set_default) does,
 * and it answers only after the test's timeout source has fired a few times
 * since it was asked — so the lookup must not hold the main loop, or the
 * test hangs. It also names any other «*.test» as 127.0.0.1 and fails
 * «gone.test».
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-pg-resolve"

#include "config.h"

#include <gio/gio.h>
#include <libpq-fe.h>
#include <poll.h>
#include <string.h>

#include "nv-pg.h"
#include "nv-store-private.h"
#include "nv-store.h"

#define TICKS_BEFORE_ANSWER 3

static guint ticks;
/* What the resolver says nv-db.test (and any *.test) is: the cluster
 * listens on both, as if the server had moved. */
static const char *answer_address = "127.0.0.1";

/* ---- A resolver that answers late --------------------------------------- */

typedef struct
{
  GResolver parent_instance;
  guint async_lookups;
  guint sync_lookups;
  GPtrArray *pending; /* GTask, each with its name and the tick it came at */
} SlowResolver;

typedef struct
{
  GResolverClass parent_class;
} SlowResolverClass;

GType slow_resolver_get_type (void);
G_DEFINE_TYPE (SlowResolver, slow_resolver, G_TYPE_RESOLVER)

static SlowResolver *resolver;

static GList *
slow_lookup (GResolver *r, const char *name, GCancellable *cancellable, GError **error)
{
  ((SlowResolver *)r)->sync_lookups++;
  g_set_error (error, G_RESOLVER_ERROR, G_RESOLVER_ERROR_TEMPORARY_FAILURE,
               "looked up %s while the main loop waited", name);
  return NULL;
}

static void
slow_lookup_async (GResolver *r, const char *name, GCancellable *cancellable,
                   GAsyncReadyCallback callback, gpointer data)
{
  SlowResolver *self = (SlowResolver *)r;
  GTask *task = g_task_new (r, cancellable, callback, data);

  self->async_lookups++;
  g_object_set_data_full (G_OBJECT (task), "name", g_strdup (name), g_free);
  g_object_set_data (G_OBJECT (task), "asked-at", GUINT_TO_POINTER (ticks));
  g_ptr_array_add (self->pending, task);
}

static GList *
slow_lookup_finish (GResolver *r, GAsyncResult *result, GError **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
answer (GTask *task)
{
  const char *name = g_object_get_data (G_OBJECT (task), "name");

  if (g_strcmp0 (name, "gone.test") == 0)
    g_task_return_new_error (task, G_RESOLVER_ERROR, G_RESOLVER_ERROR_NOT_FOUND, "no such name: %s",
                             name);
  else if (g_str_has_suffix (name, ".test"))
    g_task_return_pointer (task,
                           g_list_append (NULL, g_inet_address_new_from_string (answer_address)),
                           (GDestroyNotify)g_resolver_free_addresses);
  else
    g_task_return_new_error (task, G_RESOLVER_ERROR, G_RESOLVER_ERROR_NOT_FOUND,
                             "this test knows no %s", name);
}

static void
slow_resolver_finalize (GObject *object)
{
  g_ptr_array_unref (((SlowResolver *)object)->pending);
  G_OBJECT_CLASS (slow_resolver_parent_class)->finalize (object);
}

static void
slow_resolver_class_init (SlowResolverClass *klass)
{
  GResolverClass *r = G_RESOLVER_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = slow_resolver_finalize;
  r->lookup_by_name = slow_lookup;
  r->lookup_by_name_async = slow_lookup_async;
  r->lookup_by_name_finish = slow_lookup_finish;
}

static void
slow_resolver_init (SlowResolver *self)
{
  self->pending = g_ptr_array_new ();
}

/* The main loop's heartbeat: answers the lookups that have waited long
 * enough — which only happens while the loop runs. */
static gboolean
tick_cb (gpointer data)
{
  ticks++;
  for (guint i = resolver->pending->len; i > 0; i--)
    {
      GTask *task = g_ptr_array_index (resolver->pending, i - 1);
      guint asked = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (task), "asked-at"));

      if (ticks - asked >= TICKS_BEFORE_ANSWER)
        {
          g_ptr_array_remove_index (resolver->pending, i - 1);
          answer (task);
          g_object_unref (task);
        }
    }
  return G_SOURCE_CONTINUE;
}

/* ---- Helpers ------------------------------------------------------------ */

static char *
tls_conninfo (const char *hosts)
{
  return g_strdup_printf ("host=%s %s", hosts, g_getenv ("NAERVAER_TEST_PG_TLS"));
}

typedef struct
{
  gboolean done;
  NvStore *store;
  GError *error;
} Wait;

static void
opened_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  Wait *w = data;

  w->store = nv_store_open_finish (result, &w->error);
  w->done = TRUE;
}

static void
run_until_done (Wait *w)
{
  gint64 end = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while (!w->done)
    {
      g_main_context_iteration (NULL, TRUE);
      g_assert_cmpint (g_get_monotonic_time (), <, end);
    }
}

static NvStore *
open_store (const char *conninfo, GError **error)
{
  Wait w = { 0 };

  nv_store_open_async (conninfo, NULL, NULL, opened_cb, &w);
  run_until_done (&w);
  if (w.error != NULL)
    g_propagate_error (error, w.error);
  return w.store;
}

static void
reset_counts (void)
{
  resolver->async_lookups = resolver->sync_lookups = 0;
}

/* ---- Tests -------------------------------------------------------------- */

static void
test_open (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *conninfo = tls_conninfo ("nv-db.test");
  g_autoptr (NvStore) store = NULL;
  guint before = ticks;

  reset_counts ();
  store = open_store (conninfo, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_assert_true (nv_store_is_shared (store));
  g_assert_cmpuint (resolver->async_lookups, ==, 1);
  g_assert_cmpuint (resolver->sync_lookups, ==, 0);
  /* The main loop ran on while the name was being looked up. */
  g_assert_cmpuint (ticks - before, >=, TICKS_BEFORE_ANSWER);
}

static void
terminate_others (void)
{
  g_autofree char *conninfo = g_strdup_printf ("%s dbname=postgres", g_getenv ("NAERVAER_TEST_PG"));
  PGconn *conn = PQconnectdb (conninfo);
  PGresult *r;

  g_assert_cmpint (PQstatus (conn), ==, CONNECTION_OK);
  r = PQexec (conn, "SELECT pg_terminate_backend (pid) FROM pg_stat_activity "
                    "WHERE datname = 'nvt_template' AND pid <> pg_backend_pid ()");
  g_assert_cmpint (PQresultStatus (r), ==, PGRES_TUPLES_OK);
  PQclear (r);
  PQfinish (conn);
}

/* The address the server saw the connection come to. */
static char *
server_address (NvStore *store)
{
  g_autoptr (GError) error = NULL;
  NvStmt *stmt = nv_store_prepare_owned (store, "SELECT host (inet_server_addr ())", &error);
  char *text;

  g_assert_no_error (error);
  g_assert_cmpint (nv_stmt_step (stmt), ==, NV_ROW);
  text = nv_stmt_dup_text (stmt, 0);
  nv_stmt_finalize (stmt);
  return text;
}

static void
resolved_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  Wait *w = data;

  nv_store_reconnect_resolve_finish (NV_STORE (source), result, &w->error);
  w->done = TRUE;
}

static void
test_reconnect (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *conninfo = tls_conninfo ("nv-db.test");
  g_autoptr (NvStore) store = open_store (conninfo, &error);
  gint64 end = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  Wait w = { 0 };
  g_autofree char *first = NULL;
  g_autofree char *again = NULL;
  gboolean done = FALSE;
  guint before;

  g_assert_no_error (error);
  first = server_address (store);
  g_assert_cmpstr (first, ==, "127.0.0.1");
  /* The name now leads elsewhere: the next try must look it up again. */
  answer_address = "127.0.0.2";
  terminate_others ();
  /* The store notices the loss when it next reads from the server. */
  while (nv_store_is_connected (store))
    {
      nv_store_refresh (store);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (10000);
      g_assert_cmpint (g_get_monotonic_time (), <, end);
    }

  /* Reads fail meanwhile, saying only that the server is out of reach
   * (pages log that as debug output: the banner says it once). */
  {
    g_autoptr (GError) offline = NULL;
    NvStmt *stmt = nv_store_prepare_owned (store, "SELECT 1", &offline);

    g_assert_null (stmt);
    g_assert_error (offline, NV_STORE_ERROR, NV_STORE_ERROR_OFFLINE);
    g_assert_true (nv_store_error_is_offline (offline));
  }

  reset_counts ();
  before = ticks;
  nv_store_reconnect_resolve_async (store, NULL, resolved_cb, &w);
  run_until_done (&w);
  g_assert_no_error (w.error);
  g_assert_cmpuint (resolver->async_lookups, ==, 1);
  g_assert_cmpuint (ticks - before, >=, TICKS_BEFORE_ANSWER);

  g_assert_true (nv_store_reconnect_start (store, &error));
  g_assert_no_error (error);
  while (!done)
    {
      GIOCondition condition = 0;
      int fd = -1;
      struct pollfd p;

      g_assert_true (nv_store_reconnect_poll (store, &done, &fd, &condition, &error));
      g_assert_no_error (error);
      if (done)
        break;
      p.fd = fd;
      p.events = (condition & G_IO_IN) ? POLLIN : POLLOUT;
      p.revents = 0;
      poll (&p, 1, 1000);
      g_assert_cmpint (g_get_monotonic_time (), <, end);
    }
  g_assert_true (nv_store_is_connected (store));
  /* libpq never looked the name up itself: the fake knows it, nobody else. */
  g_assert_cmpuint (resolver->sync_lookups, ==, 0);
  nv_store_refresh (store);
  g_assert_true (nv_store_is_connected (store));
  again = server_address (store);
  g_assert_cmpstr (again, ==, "127.0.0.2");
  answer_address = "127.0.0.1";
}

static void
test_certificate_checks_name (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *conninfo = tls_conninfo ("other.test");
  g_autoptr (NvStore) store = NULL;

  /* The same address under another name: the certificate is for
   * nv-db.test only, and libpq still checks it against the name. */
  reset_counts ();
  store = open_store (conninfo, &error);
  g_assert_null (store);
  g_assert_error (error, NV_PG_ERROR, NV_PG_ERROR_CONNECT);
  g_assert_nonnull (strstr (error->message, "other.test"));
  g_assert_cmpuint (resolver->async_lookups, ==, 1);
}

static void
test_not_found (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *conninfo = tls_conninfo ("gone.test");
  g_autoptr (NvStore) store = NULL;

  reset_counts ();
  store = open_store (conninfo, &error);
  g_assert_null (store);
  g_assert_error (error, NV_PG_ERROR, NV_PG_ERROR_CONNECT);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "“gone.test” could not be found"));
}

static void
test_several_hosts (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *conninfo = tls_conninfo ("gone.test,nv-db.test");
  g_autoptr (NvStore) store = NULL;

  reset_counts ();
  store = open_store (conninfo, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_assert_cmpuint (resolver->async_lookups, ==, 2);
}

static void
test_socket_and_address (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *socket
      = g_strdup_printf ("%s dbname=nvt_template", g_getenv ("NAERVAER_TEST_PG"));
  g_autofree char *address
      = g_strdup_printf ("host=127.0.0.1 %s sslmode=verify-ca", g_getenv ("NAERVAER_TEST_PG_TLS"));
  g_autoptr (NvStore) by_socket = NULL;
  g_autoptr (NvStore) by_address = NULL;

  /* Nothing to look up: a Unix-socket folder, a numeric address (the
   * certificate is not for 127.0.0.1: verify-ca checks it is ours). */
  reset_counts ();
  by_socket = open_store (socket, &error);
  g_assert_no_error (error);
  by_address = open_store (address, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (resolver->async_lookups, ==, 0);
  g_assert_cmpuint (resolver->sync_lookups, ==, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  if (g_getenv ("NAERVAER_TEST_PG_TLS") == NULL)
    {
      g_test_skip ("run by «pgcluster.py run --tls»");
      return 77;
    }
  resolver = g_object_new (slow_resolver_get_type (), NULL);
  g_resolver_set_default (G_RESOLVER (resolver));
  g_timeout_add (10, tick_cb, NULL);
  g_test_add_func ("/pg-resolve/open", test_open);
  g_test_add_func ("/pg-resolve/reconnect", test_reconnect);
  g_test_add_func ("/pg-resolve/certificate-checks-name", test_certificate_checks_name);
  g_test_add_func ("/pg-resolve/not-found", test_not_found);
  g_test_add_func ("/pg-resolve/several-hosts", test_several_hosts);
  g_test_add_func ("/pg-resolve/socket-and-address", test_socket_and_address);
  return g_test_run ();
}
