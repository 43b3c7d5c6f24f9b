/* nv-page.h — base class of the window's sections.
 *
 * A page shows one unit's data. The window sets :context (store, settings,
 * clock) and :unit-id; the page reloads when either changes or when the
 * store says that data the page shows (the class's topics) changed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "nv-context.h"

G_BEGIN_DECLS

#define NV_TYPE_PAGE (nv_page_get_type ())
G_DECLARE_DERIVABLE_TYPE (NvPage, nv_page, NV, PAGE, AdwBin)

struct _NvPageClass
{
  AdwBinClass parent_class;

  /* Called when the unit or the context changes, and on ::changed of the store
   * for one of @topics; for a page hidden in a window, not before it is shown
   * again, unless @reload_when_hidden (a page that keeps something outside
   * itself current, such as the Follow-up badge). */
  void (*reload) (NvPage *self);
  gboolean reload_when_hidden;
  /* What the page shows (NvStoreTopics); NV_TOPIC_ALL unless set in class_init. */
  NvStoreTopics topics;
};

NvContext *nv_page_get_context (NvPage *self);
void nv_page_set_context (NvPage *self, NvContext *context);
/* The context's store, settings and today (NULL / NV_DAY_NONE without one). */
NvStore *nv_page_get_store (NvPage *self);
GSettings *nv_page_get_settings (NvPage *self);
NvDay nv_page_today (NvPage *self);
gint64 nv_page_get_unit_id (NvPage *self);
void nv_page_set_unit_id (NvPage *self, gint64 unit_id);
void nv_page_reload (NvPage *self);
/* Reloads now if a reload was put off while the page was hidden. */
void nv_page_ensure_current (NvPage *self);
/* Shows a toast in the window the page sits in. */
void nv_page_toast (NvPage *self, const char *message);
/* After writing a file to @path: «Saved “name”», or @error's sentence when
 * the writing failed (@error not NULL). */
void nv_page_toast_saved (NvPage *self, const char *path, const GError *error);

/* Wrapping toolbars (GtkFlowBox with selection none): Tab goes to the
 * buttons inside, not to the flow box children around them. */
void nv_unfocus_flow_box_children (GtkWidget *widget);

G_END_DECLS
