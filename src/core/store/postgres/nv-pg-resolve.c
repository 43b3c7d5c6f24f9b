/* nv-pg-resolve.c — looking up the server's host names without blocking.
 *
 * libpq looks a host name up inside PQconnectPoll()/PQresetPoll() with a
 * plain getaddrinfo(): however carefully the app drives the connection from
 * its main loop, a slow name server stalls the window for as long as the
 * lookup takes. So the app looks the names up first with GResolver, in the
 * background, and hands libpq the addresses as `hostaddr=` beside the
 * names as `host=`. libpq then connects to the address and still uses the
 * name wherever a name is needed: checking the server's certificate
 * (sslmode=verify-full), Kerberos/GSSAPI, ~/.pgpass.
 *
 * Every host of a list (`host=a,b`) is looked up, all at once; a name with
 * several addresses becomes one entry per address (in the resolver's order,
 * which libpq would also have tried one by one). Unix-socket directories,
 * numeric addresses and hosts that already have a hostaddr are left as
 * they are. A name that cannot be looked up is dropped from the list; only
 * when no host is left does the lookup fail, naming the (first) host.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-pg"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "nv-pg-private.h"

void
nv_pg_target_free (NvPgTarget *target)
{
  if (target == NULL)
    return;
  g_free (target->host);
  g_free (target->hostaddr);
  g_free (target->port);
  g_free (target);
}

typedef struct
{
  char *name;       /* as the connection names it */
  char *hostaddr;   /* given with it ("" when none) */
  char *port;       /* its own port, when the list has one per host */
  gboolean look_up; /* a name to look up */
  GList *addresses; /* GInetAddress, when looked up */
  GError *error;    /* why the lookup failed */
} Host;

typedef struct
{
  Host *hosts;
  guint n_hosts;
  gboolean per_host_port; /* the port list has one entry per host */
  char *port;             /* else: the one port (or NULL) */
  guint pending;
} Lookup;

static void
lookup_free (Lookup *l)
{
  for (guint i = 0; i < l->n_hosts; i++)
    {
      g_free (l->hosts[i].name);
      g_free (l->hosts[i].hostaddr);
      g_free (l->hosts[i].port);
      g_resolver_free_addresses (l->hosts[i].addresses);
      g_clear_error (&l->hosts[i].error);
    }
  g_free (l->hosts);
  g_free (l->port);
  g_free (l);
}

static gboolean
needs_lookup (const char *host, const char *hostaddr)
{
  if (*host == '\0' || host[0] == '/' || host[0] == '@')
    return FALSE; /* a Unix-domain socket */
  if (*hostaddr != '\0')
    return FALSE; /* the connection gives the address itself */
  return !g_hostname_is_ip_address (host);
}

static void
append_entry (GString *list, guint *n, const char *value)
{
  if ((*n)++ > 0)
    g_string_append_c (list, ',');
  g_string_append (list, value != NULL ? value : "");
}

/* The lists libpq connects with, from what was looked up. */
static NvPgTarget *
make_target (Lookup *l, GError **error)
{
  g_autoptr (GString) hosts = g_string_new (NULL);
  g_autoptr (GString) addrs = g_string_new (NULL);
  g_autoptr (GString) ports = g_string_new (NULL);
  const Host *first_failed = NULL;
  guint n = 0, n_addr = 0, n_port = 0;
  NvPgTarget *target;

  for (guint i = 0; i < l->n_hosts; i++)
    {
      const Host *h = &l->hosts[i];

      if (h->look_up && h->addresses == NULL)
        {
          if (first_failed == NULL)
            first_failed = h;
          continue;
        }
      if (!h->look_up)
        {
          append_entry (hosts, &n, h->name);
          append_entry (addrs, &n_addr, h->hostaddr);
          append_entry (ports, &n_port, h->port);
          continue;
        }
      for (GList *a = h->addresses; a != NULL; a = a->next)
        {
          g_autofree char *text = g_inet_address_to_string (a->data);

          append_entry (hosts, &n, h->name);
          append_entry (addrs, &n_addr, text);
          append_entry (ports, &n_port, h->port);
        }
    }
  if (n == 0 && first_failed != NULL)
    {
      g_set_error (error, NV_PG_ERROR, NV_PG_ERROR_CONNECT,
                   _ ("The database server “%s” could not be found: %s. Check the server’s name "
                      "in Preferences, or ask the municipality’s IT whether it has changed."),
                   first_failed->name,
                   first_failed->error != NULL ? first_failed->error->message : "");
      return NULL;
    }
  target = g_new0 (NvPgTarget, 1);
  target->host = g_string_free (g_steal_pointer (&hosts), FALSE);
  target->hostaddr = g_string_free (g_steal_pointer (&addrs), FALSE);
  target->port
      = l->per_host_port ? g_string_free (g_steal_pointer (&ports), FALSE) : g_strdup (l->port);
  return target;
}

/* One lookup's answer: the task, and which of its hosts was asked for. */
typedef struct
{
  GTask *task;
  Host *host;
} Asked;

static void
looked_up_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  Asked *asked = data;
  g_autoptr (GTask) task = asked->task;
  Lookup *l = g_task_get_task_data (task);
  Host *h = asked->host;
  NvPgTarget *target;
  GError *error = NULL;

  g_free (asked);
  h->addresses = g_resolver_lookup_by_name_finish (G_RESOLVER (source), result, &h->error);
  if (h->error != NULL)
    g_debug ("could not look up %s: %s", h->name, h->error->message);
  if (--l->pending > 0)
    return;
  if (g_task_return_error_if_cancelled (task))
    return;
  target = make_target (l, &error);
  if (target == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, target, (GDestroyNotify)nv_pg_target_free);
}

void
nv_pg_resolve_async (const char *conninfo, GCancellable *cancellable, GAsyncReadyCallback callback,
                     gpointer data)
{
  g_autoptr (GTask) task = g_task_new (NULL, cancellable, callback, data);
  g_autoptr (GError) error = NULL;
  g_autofree char *host = NULL, *hostaddr = NULL, *port = NULL;
  g_auto (GStrv) names = NULL;
  g_auto (GStrv) addrs = NULL;
  g_auto (GStrv) ports = NULL;
  g_autoptr (GResolver) resolver = NULL;
  Lookup *l;

  g_task_set_source_tag (task, nv_pg_resolve_async);
  if (!nv_pg_read_target (conninfo, &host, &hostaddr, &port, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  l = g_new0 (Lookup, 1);
  g_task_set_task_data (task, l, (GDestroyNotify)lookup_free);
  names = g_strsplit (host != NULL ? host : "", ",", -1);
  addrs = g_strsplit (hostaddr != NULL ? hostaddr : "", ",", -1);
  ports = g_strsplit (port != NULL ? port : "", ",", -1);
  l->n_hosts = g_strv_length (names);
  l->hosts = g_new0 (Host, MAX (l->n_hosts, 1));
  l->per_host_port = l->n_hosts > 1 && g_strv_length (ports) == l->n_hosts;
  l->port = g_steal_pointer (&port);
  for (guint i = 0; i < l->n_hosts; i++)
    {
      Host *h = &l->hosts[i];

      h->name = g_strstrip (g_strdup (names[i]));
      h->hostaddr = g_strstrip (g_strdup (i < g_strv_length (addrs) ? addrs[i] : ""));
      h->port = l->per_host_port ? g_strstrip (g_strdup (ports[i])) : NULL;
      h->look_up = needs_lookup (h->name, h->hostaddr);
      if (h->look_up)
        l->pending++;
    }
  if (l->pending == 0)
    {
      /* Nothing to look up: libpq connects as the connection says. */
      g_task_return_pointer (task, g_new0 (NvPgTarget, 1), (GDestroyNotify)nv_pg_target_free);
      return;
    }
  resolver = g_resolver_get_default ();
  for (guint i = 0; i < l->n_hosts; i++)
    if (l->hosts[i].look_up)
      {
        Asked *asked = g_new0 (Asked, 1);

        asked->task = g_object_ref (task);
        asked->host = &l->hosts[i];
        g_resolver_lookup_by_name_async (resolver, l->hosts[i].name, cancellable, looked_up_cb,
                                         asked);
      }
}

NvPgTarget *
nv_pg_resolve_finish (GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
