/* nv-context.h — what the window, its pages and the CLI commands share: the
 * store, the settings and the clock.
 *
 * One context per open database. The application (or naervaer-cli) makes it
 * and hands it down; nothing below asks for "today" or makes its own
 * GSettings. Tests make a context with a fixed day and settings kept in
 * memory (nv_context_new_full()), so a page shows the same figures on any
 * day the suite runs.
 *
 * GLib/GIO only: the CLI uses it without a display.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "nv-calendar.h"
#include "nv-store.h"

G_BEGIN_DECLS

#define NV_TYPE_CONTEXT (nv_context_get_type ())
G_DECLARE_FINAL_TYPE (NvContext, nv_context, NV, CONTEXT, GObject)

/* The application's context: the system clock, and the app's GSettings
 * (made on first use, so naervaer-cli never needs the schema). */
NvContext *nv_context_new (NvStore *store);
/* @settings NULL: as nv_context_new(). @today NV_DAY_NONE: the system clock;
 * any other day: the clock stands still on that day. The context sets its
 * clock on the store too (nv_store_set_fixed_today(); the context made last
 * over a store sets it), so core code handed only the store reads the same
 * day. */
NvContext *nv_context_new_full (NvStore *store, GSettings *settings, NvDay today);

NvStore *nv_context_get_store (NvContext *self);
GSettings *nv_context_get_settings (NvContext *self);
/* Today by the context's clock. */
NvDay nv_context_today (NvContext *self);

/* Settings kept in memory only, for tests and tools that must not touch the
 * user's settings. */
GSettings *nv_context_memory_settings_new (void);

G_END_DECLS
