/* nv-workshop-view-private.h — shared by the guided view's files.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "nv-workshop-view.h"
#include "nv-workshop.h"

G_BEGIN_DECLS

struct _NvWorkshopView
{
  GtkBox parent_instance;

  NvContext *context; /* NULL while nothing is shown */
  NvStore *store;     /* the context's */
  gint64 id;
  NvWorkshop *workshop; /* as last read */
  gboolean updating;    /* set while widgets are updated from the store */

  GtkLabel *title_label;
  GtkLabel *subtitle_label;
  GtkButton *back_button;
  AdwViewStack *phases;
  GtkBox *prepare_box;
  GtkBox *run_box;
  GtkBox *follow_box;

  GHashTable *checks;      /* step id → GtkCheckButton */
  GHashTable *tick_labels; /* step id → GtkLabel with the time ticked */
  GHashTable *pending;     /* step id → GtkTextBuffer with unsaved notes */
  guint save_id;

  GtkSwitch *role_switches[4];
  GtkSpinButton *staff_spin;
  AdwPreferencesGroup *themes_group;
  GtkWidget *themes_slot;

  AdwEntryRow *idea_row;
  GtkListBox *ideas_list;
  gint64 refocus_idea; /* after a vote the list is rebuilt: keep the focus */
  int refocus_delta;
  AdwEntryRow *what_row;
  AdwEntryRow *who_row;
  AdwEntryRow *when_row;
  GtkLabel *measure_error;
  GtkListBox *measures_list;
  GtkListBox *follow_measures_list;

  AdwEntryRow *followup_row;
  GtkTextBuffer *evaluation;
};

/* nv-workshop-view-run.c */
void nv_workshop_view_build_run (NvWorkshopView *self);
GtkWidget *nv_workshop_view_start_button (NvWorkshopView *self);
void nv_workshop_view_refresh_run (NvWorkshopView *self);
void nv_workshop_view_fill_measures (NvWorkshopView *self, GtkListBox *list, gboolean editable);

/* nv-workshop-view-prepare.c */
void nv_workshop_view_build_prepare (NvWorkshopView *self);
void nv_workshop_view_refresh_prepare (NvWorkshopView *self);

/* nv-workshop-view.c */
void nv_workshop_view_toast (NvWorkshopView *self, const char *message);
/* Saves self->workshop over the version it read. When someone else saved
 * it since (NV_STORE_ERROR_CONFLICT), the view shows their version and
 * says so in a toast; other errors are the caller's to show. */
gboolean nv_workshop_view_save (NvWorkshopView *self, GError **error);
/* A row with «Print…» and «Export as PDF…» buttons for @print_action and
 * @export_action. */
GtkWidget *nv_workshop_view_print_row (const char *title, const char *subtitle,
                                       const char *print_action, const char *export_action,
                                       const char *export_target);
GtkWidget *nv_workshop_view_checklist (NvWorkshopView *self, NvPhase phase);
void nv_workshop_view_clear_box (GtkBox *box);

G_END_DECLS
