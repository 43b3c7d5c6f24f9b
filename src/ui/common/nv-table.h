/* nv-table.h — plain text tables in a GtkColumnView.
 *
 * An NvTableItem is one row: an id, the cell texts, an optional search text
 * (for a GtkStringFilter on the "search" property) and an optional payload
 * (the core struct the row was made from). nv_table_add_column() adds a
 * column that shows one of the texts, right-aligned with tabular figures for
 * numbers.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define NV_TYPE_TABLE_ITEM (nv_table_item_get_type ())
G_DECLARE_FINAL_TYPE (NvTableItem, nv_table_item, NV, TABLE_ITEM, GObject)

/* Takes ownership of @texts (a NULL-terminated vector) and @data. */
NvTableItem *nv_table_item_new (gint64 id, char **texts, const char *search, gpointer data,
                                GDestroyNotify data_free);
/* Cell texts made only when a row is shown: @format (@data, column) returns
 * a new string for each of @n_columns. For long lists (100 000 spells),
 * where formatting every cell of every row on each reload would cost more
 * than everything else the page does. */
typedef char *(*NvTableFormatFunc) (gconstpointer data, guint column);
NvTableItem *nv_table_item_new_lazy (gint64 id, guint n_columns, NvTableFormatFunc format,
                                     const char *search, gpointer data,
                                     GDestroyNotify data_free);
gint64 nv_table_item_get_id (NvTableItem *self);
/* "" when @column is out of range (a lazy item formats it now, and keeps it). */
const char *nv_table_item_get_text (NvTableItem *self, guint column);
const char *nv_table_item_get_search (NvTableItem *self);
gpointer nv_table_item_get_data (NvTableItem *self);
/* Marks the row as past (ended employment, closed spell): shown dimmed. */
void nv_table_item_set_dim (NvTableItem *self, gboolean dim);
/* Marks the row as a heading of the rows below it («Former Employees»):
 * shown bold; it has no data, so nothing acts on it. */
void nv_table_item_set_heading (NvTableItem *self, gboolean heading);
gboolean nv_table_item_is_heading (NvTableItem *self);

typedef enum
{
  NV_TABLE_TEXT,    /* left-aligned */
  NV_TABLE_NUMBER,  /* right-aligned, tabular figures */
} NvTableAlign;

GtkColumnViewColumn *nv_table_add_column (GtkColumnView *view, const char *title, guint column,
                                          NvTableAlign align, gboolean expand);

/* The cells of @column show their whole text, never «…»: the column is as
 * wide as its widest cell (the table scrolls sideways when they do not fit).
 * For figures, which must not be cut. Call before the column shows rows. */
void nv_table_column_set_whole (GtkColumnViewColumn *column);

/* The selected item of a column view with a GtkSingleSelection, or NULL. */
NvTableItem *nv_table_get_selected (GtkColumnView *view);
/* Selects the row with @id if present; returns whether it was found. */
gboolean nv_table_select_id (GtkColumnView *view, gint64 id);

G_END_DECLS
