/* nv-workshop-deck.c — the running presentation of a workshop.
 *
 * Signals: ::changed when the slide changes, ::tick every second for the
 * timers, ::data-changed when ideas, votes or measures change in the store
 * (so they appear on the screen as they are typed), ::closed at the end.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-workshop-deck"

#include "config.h"

#include <glib/gi18n.h>

#include "nv-unit.h"
#include "nv-workshop-deck.h"

struct _NvWorkshopDeck
{
  GObject parent_instance;

  NvContext *context;
  NvStore *store; /* the context's */
  gulong changed_id;
  NvWorkshop *workshop;
  char *unit_name;
  GPtrArray *slides;
  guint *elapsed; /* seconds per slide */
  guint index;
  guint tick_id;
  gboolean closed;
};

G_DEFINE_FINAL_TYPE (NvWorkshopDeck, nv_workshop_deck, G_TYPE_OBJECT)

enum
{
  SIGNAL_CHANGED,
  SIGNAL_TICK,
  SIGNAL_DATA_CHANGED,
  SIGNAL_CLOSED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

char *
nv_format_clock (guint seconds)
{
  return g_strdup_printf ("%02u:%02u", seconds / 60, seconds % 60);
}

static gboolean
tick_cb (gpointer user_data)
{
  NvWorkshopDeck *self = NV_WORKSHOP_DECK (user_data);

  self->elapsed[self->index]++;
  g_signal_emit (self, signals[SIGNAL_TICK], 0);
  return G_SOURCE_CONTINUE;
}

static void
store_changed_cb (NvStore *store, guint topics, NvWorkshopDeck *self)
{
  NvWorkshop *fresh;

  if (self->closed || (topics & (NV_TOPIC_WORKSHOPS | NV_TOPIC_IDEAS)) == 0)
    return;
  fresh = nv_workshop_get (store, self->workshop->id, NULL);
  if (fresh == NULL)
    {
      /* deleted while presenting */
      nv_workshop_deck_close (self);
      return;
    }
  nv_workshop_free (self->workshop);
  self->workshop = fresh;
  g_signal_emit (self, signals[SIGNAL_DATA_CHANGED], 0);
}

NvWorkshopDeck *
nv_workshop_deck_new (NvContext *context, gint64 workshop_id, GError **error)
{
  g_autoptr (NvWorkshopDeck) self = g_object_new (NV_TYPE_WORKSHOP_DECK, NULL);
  NvStore *store = nv_context_get_store (context);
  g_autoptr (NvUnit) unit = NULL;

  self->workshop = nv_workshop_get (store, workshop_id, error);
  if (self->workshop == NULL)
    return NULL;
  unit = nv_unit_get (store, self->workshop->unit_id, error);
  if (unit == NULL)
    return NULL;
  self->slides = nv_workshop_slides (store, workshop_id, error);
  if (self->slides == NULL)
    return NULL;
  self->unit_name = g_strdup (unit->name);
  self->context = g_object_ref (context);
  self->store = g_object_ref (store);
  self->elapsed = g_new0 (guint, self->slides->len);
  self->changed_id = g_signal_connect (store, "changed", G_CALLBACK (store_changed_cb), self);
  self->tick_id = g_timeout_add_seconds (1, tick_cb, self);
  return g_steal_pointer (&self);
}

NvStore *
nv_workshop_deck_get_store (NvWorkshopDeck *self)
{
  return self->store;
}

NvContext *
nv_workshop_deck_get_context (NvWorkshopDeck *self)
{
  return self->context;
}

const NvWorkshop *
nv_workshop_deck_get_workshop (NvWorkshopDeck *self)
{
  return self->workshop;
}

const char *
nv_workshop_deck_get_unit_name (NvWorkshopDeck *self)
{
  return self->unit_name;
}

guint
nv_workshop_deck_get_n_slides (NvWorkshopDeck *self)
{
  return self->slides->len;
}

guint
nv_workshop_deck_get_index (NvWorkshopDeck *self)
{
  return self->index;
}

const NvSlide *
nv_workshop_deck_get_slide (NvWorkshopDeck *self, guint index)
{
  g_return_val_if_fail (index < self->slides->len, NULL);
  return g_ptr_array_index (self->slides, index);
}

const char *
nv_workshop_deck_slide_title (NvWorkshopDeck *self, guint index)
{
  const NvSlide *slide = nv_workshop_deck_get_slide (self, index);

  switch (slide->kind)
    {
    case NV_SLIDE_WELCOME:
      return nv_workshop_display_title (self->workshop);
    case NV_SLIDE_THEME:
      return slide->theme->title;
    case NV_SLIDE_CLOSING:
      return _("What we agreed");
    case NV_SLIDE_FAKTOR:
      return _("10-FAKTOR profile");
    case NV_SLIDE_STEP:
    default:
      return slide->step->title;
    }
}

guint
nv_workshop_deck_round (NvWorkshopDeck *self, guint index, guint *n_rounds)
{
  guint round = 0, n = 0;

  for (guint i = 0; i < self->slides->len; i++)
    if (((NvSlide *) g_ptr_array_index (self->slides, i))->kind == NV_SLIDE_THEME)
      {
        n++;
        if (i == index)
          round = n;
      }
  if (n_rounds != NULL)
    *n_rounds = n;
  return round;
}

void
nv_workshop_deck_set_index (NvWorkshopDeck *self, guint index)
{
  if (self->closed || index >= self->slides->len || index == self->index)
    return;
  self->index = index;
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

void
nv_workshop_deck_next (NvWorkshopDeck *self)
{
  nv_workshop_deck_set_index (self, self->index + 1);
}

void
nv_workshop_deck_previous (NvWorkshopDeck *self)
{
  if (self->index > 0)
    nv_workshop_deck_set_index (self, self->index - 1);
}

guint
nv_workshop_deck_get_elapsed (NvWorkshopDeck *self)
{
  return self->elapsed[self->index];
}

void
nv_workshop_deck_close (NvWorkshopDeck *self)
{
  if (self->closed)
    return;
  self->closed = TRUE;
  g_clear_handle_id (&self->tick_id, g_source_remove);
  g_signal_emit (self, signals[SIGNAL_CLOSED], 0);
}

static void
nv_workshop_deck_dispose (GObject *object)
{
  NvWorkshopDeck *self = NV_WORKSHOP_DECK (object);

  g_clear_handle_id (&self->tick_id, g_source_remove);
  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_id, self->store);
  g_clear_object (&self->store);
  g_clear_object (&self->context);
  G_OBJECT_CLASS (nv_workshop_deck_parent_class)->dispose (object);
}

static void
nv_workshop_deck_finalize (GObject *object)
{
  NvWorkshopDeck *self = NV_WORKSHOP_DECK (object);

  g_clear_pointer (&self->workshop, nv_workshop_free);
  g_clear_pointer (&self->slides, g_ptr_array_unref);
  g_free (self->unit_name);
  g_free (self->elapsed);
  G_OBJECT_CLASS (nv_workshop_deck_parent_class)->finalize (object);
}

static void
nv_workshop_deck_class_init (NvWorkshopDeckClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = nv_workshop_deck_dispose;
  object_class->finalize = nv_workshop_deck_finalize;

  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[SIGNAL_TICK] = g_signal_new ("tick", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                       NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[SIGNAL_DATA_CHANGED] = g_signal_new ("data-changed", G_TYPE_FROM_CLASS (klass),
                                               G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                               G_TYPE_NONE, 0);
  signals[SIGNAL_CLOSED] = g_signal_new ("closed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                         NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
nv_workshop_deck_init (NvWorkshopDeck *self)
{
}
