/* nv-absence-page-private.h — shared between the Absence page's files:
 * nv-absence-page.c (the page, its actions and dialogs), nv-absence-tables.c
 * (the three tables and loading them) and nv-absence-io.c (import, export).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "nv-absence-page.h"
#include "nv-absence.h"
#include "nv-table.h"

G_BEGIN_DECLS

struct _NvAbsencePage
{
  NvPage parent_instance;

  GListStore *roster;
  GListModel *spells; /* NvSpellRows: rows made only for what is shown */
  GListStore *monthly;
  GtkStringFilter *spells_filter;
  gboolean has_staff;
  gboolean spells_stale; /* the unit's sick leave is loaded when first shown */
  gint64 loaded_unit;

  GtkStack *sections;
  GtkStack *roster_stack;
  GtkStack *spells_stack;
  GtkStack *monthly_stack;
  GtkColumnView *roster_view;
  GtkColumnView *spells_view;
  GtkColumnView *monthly_view;
  GtkLabel *roster_summary;
  GtkLabel *spells_summary;
  GtkLabel *monthly_summary;
  GtkSearchEntry *spells_search;
  AdwStatusPage *spells_empty;
};

/* nv-absence-tables.c */
char *nv_absence_format_day (NvDay day);
gint64 nv_absence_selected_id (GtkColumnView *view);
gpointer nv_absence_selected_data (GtkColumnView *view);
NvSpell *nv_absence_selected_spell (NvAbsencePage *self);
void nv_absence_load_roster (NvAbsencePage *self, gint64 unit_id, NvDay today);
/* Loads the sick leave now if it was left for later (see spells_stale). */
void nv_absence_ensure_spells (NvAbsencePage *self);
void nv_absence_clear_spells (NvAbsencePage *self);
void nv_absence_load_monthly (NvAbsencePage *self, gint64 unit_id);
GListModel *nv_absence_spell_rows_new (void);
void nv_absence_build_tables (NvAbsencePage *self);

/* nv-absence-page.c */
void nv_absence_page_update_actions (NvAbsencePage *self);

/* nv-absence-io.c: choose a CSV file and open the import preview for @part
 * ("roster", "spells", "monthly"), or choose where to save the export. */
void nv_absence_page_import (NvAbsencePage *self, const char *part);
void nv_absence_page_export (NvAbsencePage *self, const char *part);

G_END_DECLS
