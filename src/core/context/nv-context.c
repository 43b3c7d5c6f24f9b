/* nv-context.c — the store, the settings and the clock, handed down.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-context"

#include "config.h"

#define G_SETTINGS_ENABLE_BACKEND
#include <gio/gsettingsbackend.h>

#include "nv-context.h"

struct _NvContext
{
  GObject parent_instance;

  NvStore *store;
  GSettings *settings; /* NULL until first asked for */
  NvDay fixed_today;   /* NV_DAY_NONE: the system clock */
};

G_DEFINE_FINAL_TYPE (NvContext, nv_context, G_TYPE_OBJECT)

static void
nv_context_finalize (GObject *object)
{
  NvContext *self = NV_CONTEXT (object);

  g_clear_object (&self->settings);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (nv_context_parent_class)->finalize (object);
}

static void
nv_context_class_init (NvContextClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = nv_context_finalize;
}

static void
nv_context_init (NvContext *self)
{
  self->fixed_today = NV_DAY_NONE;
}

NvContext *
nv_context_new_full (NvStore *store, GSettings *settings, NvDay today)
{
  NvContext *self;

  g_return_val_if_fail (NV_IS_STORE (store), NULL);
  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);

  self = g_object_new (NV_TYPE_CONTEXT, NULL);
  self->store = g_object_ref (store);
  self->settings = settings != NULL ? g_object_ref (settings) : NULL;
  self->fixed_today = today;
  /* The store reads the same clock, so core code handed only the store
   * (a check that a date is not in the future) agrees with the context. */
  nv_store_set_fixed_today (store, today);
  return self;
}

NvContext *
nv_context_new (NvStore *store)
{
  return nv_context_new_full (store, NULL, NV_DAY_NONE);
}

NvStore *
nv_context_get_store (NvContext *self)
{
  g_return_val_if_fail (NV_IS_CONTEXT (self), NULL);
  return self->store;
}

GSettings *
nv_context_get_settings (NvContext *self)
{
  g_return_val_if_fail (NV_IS_CONTEXT (self), NULL);
  if (self->settings == NULL)
    self->settings = g_settings_new (APPLICATION_ID);
  return self->settings;
}

NvDay
nv_context_today (NvContext *self)
{
  g_return_val_if_fail (NV_IS_CONTEXT (self), NV_DAY_NONE);
  return self->fixed_today != NV_DAY_NONE ? self->fixed_today : nv_day_today ();
}

GSettings *
nv_context_memory_settings_new (void)
{
  g_autoptr (GSettingsBackend) backend = g_memory_settings_backend_new ();
  return g_settings_new_with_backend (APPLICATION_ID, backend);
}
