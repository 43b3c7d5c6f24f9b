/* nv-projection-window-private.h — shared by the projection window's files:
 * the window itself (nv-projection-window.c: keys, type size, the bar, starting
 * the presentation) and the slides it shows (nv-projection-slides.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "nv-compare.h"
#include "nv-projection-window.h"

G_BEGIN_DECLS

struct _NvProjectionWindow
{
  GtkWindow parent_instance;

  NvWorkshopDeck *deck;
  NvCompare *compare; /* NULL when the unit has no figures */
  char *compare_error;
  GtkCssProvider *provider;
  int sized_for;
  guint tick_cb_id;

  GtkLabel *counter;
  GtkLabel *timer;
  GtkBox *content;
};

/* nv-projection-slides.c: replaces the content with the deck's current
 * slide and sets the counter «n / total». */
void nv_projection_window_show_slide (NvProjectionWindow *self);

G_END_DECLS
