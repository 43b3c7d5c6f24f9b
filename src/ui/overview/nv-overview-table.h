/* nv-overview-table.h — the Overview's table of five quarters (the current
 * one and the four before it) and the helpers the page's cards share with it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "nv-stats.h"

G_BEGIN_DECLS

#define NV_OVERVIEW_QUARTERS 5

/* The rows of the table, top down. */
typedef enum
{
  NV_OVERVIEW_ROW_PERCENT,
  NV_OVERVIEW_ROW_SELF,
  NV_OVERVIEW_ROW_DOCTOR,
  NV_OVERVIEW_ROW_SHORT,
  NV_OVERVIEW_ROW_LONG,
  NV_OVERVIEW_ROW_GRADED,
  NV_OVERVIEW_ROW_LOST,
  NV_OVERVIEW_ROW_ARSVERK,
  NV_OVERVIEW_ROW_COST,
  NV_OVERVIEW_ROW_PERSONS,
  NV_OVERVIEW_ROW_SOURCE,
  NV_OVERVIEW_N_ROWS
} NvOverviewRow;

/* The text of row @row for period @p: «–» without contracted days. */
char *nv_overview_cell_text (const NvStatsPeriod *p, NvOverviewRow row, double nok_per_day);

/* «Q3 2025» (translated) for the quarter starting @start. */
char *nv_overview_quarter_label (NvDay start);
/* The «Few persons» badge, hidden; its tooltip and description say why. */
GtkWidget *nv_overview_badge_new (void);
/* Fills @grid with the headings and empty cells, each named in @named. */
void nv_overview_table_build (GtkGrid *grid, GHashTable *named);
/* The same a part at a time: the headings (part 0), then a row per part.
 * Builds up to @parts parts from *@next on and moves *@next past them;
 * TRUE once the table is whole. */
gboolean nv_overview_table_build_part (GtkGrid *grid, GHashTable *named, guint *next, guint parts);
/* The table below the Overview's figures, below the fold of the first frame:
 * it is built a few rows a frame once @grid has been painted (so the first
 * frame does not wait for it, and no frame after it takes long), and at once
 * when its text is asked for. Cells are named in @named (borrowed; it must
 * outlive the table). */
typedef struct _NvOverviewTable NvOverviewTable;

NvOverviewTable *nv_overview_table_new (GtkGrid *grid, GHashTable *named);
/* The figures to show: written now if the table is whole, else when it is. */
void nv_overview_table_set_figures (NvOverviewTable *self, const NvStatsPeriod *periods,
                                    double nok_per_day);
/* Builds what is left and writes the figures. */
void nv_overview_table_ensure (NvOverviewTable *self);
void nv_overview_table_free (NvOverviewTable *self);

/* Writes the NV_OVERVIEW_QUARTERS @periods (oldest first) into the cells. */
void nv_overview_table_fill (GHashTable *named, const NvStatsPeriod *periods, double nok_per_day);
/* Where the figures of @periods come from, in one or two sentences. */
char *nv_overview_source_sentence (const NvStatsPeriod *periods, guint n);

G_END_DECLS
