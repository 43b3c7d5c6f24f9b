/* nv-ssb-fetch.c — the HTTP side of «Update from SSB» (see the header for
 * what is sent). One request at a time, in the plan's order: ten requests
 * stay well inside SSB's 30 a minute.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-ssb-fetch"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "nv-http.h"
#include "nv-ssb-fetch.h"

#define TIMEOUT_SECONDS 30
#define MAX_BODY (8 * 1024 * 1024)

typedef struct
{
  NvStore *store;
  NvSsbPlan *plan;
  GObject *session; /* nv-http.h */
  GPtrArray *points; /* GArray of NvSsbPoint per series done */
  guint next;
  NvSsbReport report;
} Update;

static void
update_free (Update *u)
{
  g_clear_object (&u->store);
  g_clear_pointer (&u->plan, nv_ssb_plan_free);
  g_clear_object (&u->session);
  g_clear_pointer (&u->points, g_ptr_array_unref);
  nv_ssb_report_clear (&u->report);
  g_free (u);
}

static void fetch_next (GTask *task);

static void
fail (GTask *task, GError *error)
{
  /* Every message ends by saying that nothing changed. */
  {
    g_autofree char *message = g_strdup_printf ("%s %s", error->message, _("Nothing was stored."));
    g_free (error->message);
    error->message = g_steal_pointer (&message);
  }
  g_task_return_error (task, error);
  g_object_unref (task);
}

static GError *
http_error (guint status, const char *reason, const NvSsbSeries *series)
{
  if (status == 429) /* Too Many Requests */
    return g_error_new (NV_STORE_ERROR, NV_STORE_ERROR_IO,
                        _("SSB asks Nærvær to wait: too many requests from this network in the "
                          "last minute (SSB allows 30 a minute, shared with everyone on the same "
                          "network). Try again in a minute."));
  if (status >= 500)
    return g_error_new (NV_STORE_ERROR, NV_STORE_ERROR_IO,
                        _("SSB’s service answered with an error (HTTP %u %s). Try again later."),
                        status, reason != NULL ? reason : "");
  if (status == 404) /* Not Found */
    return g_error_new (NV_STORE_ERROR, NV_STORE_ERROR_IO,
                        _("SSB has no table %s (HTTP 404). Nærvær’s list of SSB tables needs an "
                          "update."),
                        series->table);
  return g_error_new (NV_STORE_ERROR, NV_STORE_ERROR_IO,
                      _("SSB refused the request for table %s (HTTP %u %s). Nærvær’s list of "
                        "SSB tables may need an update."),
                      series->table, status, reason != NULL ? reason : "");
}

static void
read_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  GTask *task = data;
  Update *u = g_task_get_task_data (task);
  const NvSsbSeries *series = g_ptr_array_index (u->plan->series, u->next);
  g_autoptr (GBytes) body = NULL;
  g_autofree char *reason = NULL;
  GError *error = NULL;
  GArray *points;
  guint status = 0;

  body = nv_http_get_finish (source, result, &status, &reason, &error);
  if (body == NULL)
    {
      GError *wrapped;
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_task_return_error (task, error);
          g_object_unref (task);
          return;
        }
      wrapped = g_error_new (NV_STORE_ERROR, NV_STORE_ERROR_IO,
                             _("Could not reach SSB (%s): %s. Check the internet connection."),
                             u->plan->api, error->message);
      g_error_free (error);
      fail (task, wrapped);
      return;
    }
  if (status != 200) /* OK */
    {
      fail (task, http_error (status, reason, series));
      return;
    }
  if (g_bytes_get_size (body) > MAX_BODY)
    {
      fail (task, g_error_new (NV_STORE_ERROR, NV_STORE_ERROR_IO,
                               _("SSB’s answer for table %s is far larger than expected."),
                               series->table));
      return;
    }
  points = nv_ssb_parse (u->plan, series, g_bytes_get_data (body, NULL), g_bytes_get_size (body),
                         &error);
  if (points == NULL)
    {
      fail (task, error);
      return;
    }
  g_ptr_array_add (u->points, points);
  u->next++;
  fetch_next (task);
}

static void
fetch_next (GTask *task)
{
  Update *u = g_task_get_task_data (task);
  g_autofree char *url = NULL;
  GError *error = NULL;

  if (g_task_return_error_if_cancelled (task))
    {
      g_object_unref (task);
      return;
    }
  if (u->next == u->plan->series->len)
    {
      g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
      if (!nv_ssb_store (u->store, u->plan, u->points, now, &u->report, &error))
        {
          fail (task, error);
          return;
        }
      g_task_return_boolean (task, TRUE);
      g_object_unref (task);
      return;
    }
  url = nv_ssb_series_url (u->plan, g_ptr_array_index (u->plan->series, u->next));
  if (!nv_http_get_async (u->session, url, "application/json", g_task_get_cancellable (task),
                          read_cb, task))
    {
      fail (task, g_error_new (NV_STORE_ERROR, NV_STORE_ERROR_INVALID,
                               _("“%s” is not a web address."), url));
      return;
    }
}

void
nv_ssb_update_async (NvStore *store, NvSsbPlan *plan, GCancellable *cancellable,
                     GAsyncReadyCallback callback, gpointer user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);
  Update *u = g_new0 (Update, 1);
  GError *error = NULL;

  g_task_set_source_tag (task, nv_ssb_update_async);
  g_task_set_task_data (task, u, (GDestroyNotify) update_free);
  u->store = g_object_ref (store);
  u->plan = plan != NULL ? plan : nv_ssb_plan_load (NULL, &error);
  if (u->plan == NULL)
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }
  u->points = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  u->session = nv_http_session_new (TIMEOUT_SECONDS, "Naervaer/" PACKAGE_VERSION, &error);
  if (u->session == NULL)
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }
  fetch_next (task);
}

gboolean
nv_ssb_update_finish (GAsyncResult *result, NvSsbReport *report, GError **error)
{
  GTask *task = G_TASK (result);
  Update *u = g_task_get_task_data (task);

  if (!g_task_propagate_boolean (task, error))
    return FALSE;
  if (report != NULL)
    {
      *report = u->report;
      memset (&u->report, 0, sizeof u->report);
    }
  return TRUE;
}
