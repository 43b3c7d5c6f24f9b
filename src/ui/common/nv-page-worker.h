/* nv-page-worker.h — a page's figures computed off the main thread.
 *
 * A page whose figures take long to compute (a big unit's every spell) has
 * them computed in a worker thread on a connection of its own to the same
 * database file, and shows them when they come — if the page still shows
 * the unit and day they were computed for.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "nv-page.h"

G_BEGIN_DECLS

/* In the worker thread, on its own connection: the figures of @unit_id on
 * @today, or NULL with @error set. */
typedef gpointer (*NvPageComputeFunc) (NvStore *store, gint64 unit_id, NvDay today, GError **error);
/* On the main thread: @result (owned by the callee) or, when the worker
 * could not open its connection or compute, NULL and @error. Not called
 * when @cancellable was cancelled, nor when the page has since moved to
 * another unit or day (the result is then freed). */
typedef void (*NvPageResultFunc) (NvPage *page, gpointer result, const GError *error);

/* Computes the figures of the page's unit and day on the database at @path
 * (nv_store_get_path()) with @compute in a worker thread, then hands them to
 * @done. @free_result frees a result nobody takes. */
void nv_page_compute_in_thread (NvPage *page, const char *path, GCancellable *cancellable,
                                NvPageComputeFunc compute, GDestroyNotify free_result,
                                NvPageResultFunc done);

G_END_DECLS
