/* nv-page-worker.c — a page's figures computed off the main thread.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-page-worker"

#include "config.h"

#include "nv-page-worker.h"

typedef struct
{
  char *path;
  gint64 unit_id;
  NvDay today;
  NvPageComputeFunc compute;
  GDestroyNotify free_result;
  NvPageResultFunc done;
} Job;

static void
job_free (Job *job)
{
  g_free (job->path);
  g_free (job);
}

static void
compute_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (NvStore) store = nv_store_open (job->path, &error);
  gpointer result = NULL;

  if (store != NULL)
    result = job->compute (store, job->unit_id, job->today, &error);
  if (result == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  /* Dropped unshown when the page no longer wants it. */
  if (!g_task_return_error_if_cancelled (task))
    g_task_return_pointer (task, result, job->free_result);
  else
    job->free_result (result);
}

static void
computed_cb (GObject *source, GAsyncResult *async, gpointer user_data)
{
  NvPage *page = NV_PAGE (source);
  Job *job = g_task_get_task_data (G_TASK (async));
  g_autoptr (GError) error = NULL;
  gpointer result = g_task_propagate_pointer (G_TASK (async), &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (job->unit_id != nv_page_get_unit_id (page) || job->today != nv_page_today (page))
    {
      /* Another unit or day since: its own reload computes that. */
      if (result != NULL)
        job->free_result (result);
      return;
    }
  job->done (page, result, error);
}

void
nv_page_compute_in_thread (NvPage *page, const char *path, GCancellable *cancellable,
                           NvPageComputeFunc compute, GDestroyNotify free_result,
                           NvPageResultFunc done)
{
  g_autoptr (GTask) task = NULL;
  Job *job = g_new0 (Job, 1);

  g_return_if_fail (NV_IS_PAGE (page));
  g_return_if_fail (path != NULL);

  job->path = g_strdup (path);
  job->unit_id = nv_page_get_unit_id (page);
  job->today = nv_page_today (page);
  job->compute = compute;
  job->free_result = free_result;
  job->done = done;
  task = g_task_new (page, cancellable, computed_cb, NULL);
  g_task_set_source_tag (task, nv_page_compute_in_thread);
  g_task_set_task_data (task, job, (GDestroyNotify)job_free);
  g_task_run_in_thread (task, compute_thread);
}
