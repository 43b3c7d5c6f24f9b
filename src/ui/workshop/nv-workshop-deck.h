/* nv-workshop-deck.h — the running presentation of a workshop: its slides,
 * the current one, a timer per slide, and what changes while it runs. The
 * projection window and the presenter view both follow one deck.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "nv-context.h"
#include "nv-workshop-slides.h"

G_BEGIN_DECLS

#define NV_TYPE_WORKSHOP_DECK (nv_workshop_deck_get_type ())
G_DECLARE_FINAL_TYPE (NvWorkshopDeck, nv_workshop_deck, NV, WORKSHOP_DECK, GObject)

NvWorkshopDeck *nv_workshop_deck_new (NvContext *context, gint64 workshop_id, GError **error);

NvContext *nv_workshop_deck_get_context (NvWorkshopDeck *self);
/* The context's store. */
NvStore *nv_workshop_deck_get_store (NvWorkshopDeck *self);
const NvWorkshop *nv_workshop_deck_get_workshop (NvWorkshopDeck *self);
const char *nv_workshop_deck_get_unit_name (NvWorkshopDeck *self);

guint nv_workshop_deck_get_n_slides (NvWorkshopDeck *self);
guint nv_workshop_deck_get_index (NvWorkshopDeck *self);
const NvSlide *nv_workshop_deck_get_slide (NvWorkshopDeck *self, guint index);
/* The heading of slide @index, e.g. the step's or the theme's title. */
const char *nv_workshop_deck_slide_title (NvWorkshopDeck *self, guint index);
/* For theme slides: which round of how many (1-based); 0 otherwise. */
guint nv_workshop_deck_round (NvWorkshopDeck *self, guint index, guint *n_rounds);

void nv_workshop_deck_set_index (NvWorkshopDeck *self, guint index);
void nv_workshop_deck_next (NvWorkshopDeck *self);
void nv_workshop_deck_previous (NvWorkshopDeck *self);
/* Seconds spent on the current slide (all visits together). */
guint nv_workshop_deck_get_elapsed (NvWorkshopDeck *self);

/* Ends the presentation: emits ::closed once. */
void nv_workshop_deck_close (NvWorkshopDeck *self);

/* "mm:ss" */
char *nv_format_clock (guint seconds);

G_END_DECLS
