/* nv-table.c — plain text tables in a GtkColumnView.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-table"

#include "config.h"

#include "nv-table.h"

struct _NvTableItem
{
  GObject parent_instance;

  gint64 id;
  char **texts; /* for a lazy item, filled as asked for */
  guint n_texts;
  NvTableFormatFunc format;
  char *search;
  gpointer data;
  GDestroyNotify data_free;
  gboolean dim;
  gboolean heading;
};

G_DEFINE_FINAL_TYPE (NvTableItem, nv_table_item, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_SEARCH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
nv_table_item_finalize (GObject *object)
{
  NvTableItem *self = NV_TABLE_ITEM (object);

  /* (a lazy item's texts may have holes) */
  for (guint i = 0; self->texts != NULL && i < self->n_texts; i++)
    g_free (self->texts[i]);
  g_free (self->texts);
  g_free (self->search);
  if (self->data_free != NULL && self->data != NULL)
    self->data_free (self->data);

  G_OBJECT_CLASS (nv_table_item_parent_class)->finalize (object);
}

static void
nv_table_item_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  NvTableItem *self = NV_TABLE_ITEM (object);

  switch (prop_id)
    {
    case PROP_SEARCH:
      g_value_set_string (value, self->search);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nv_table_item_class_init (NvTableItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = nv_table_item_finalize;
  object_class->get_property = nv_table_item_get_property;

  properties[PROP_SEARCH] =
    g_param_spec_string ("search", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
nv_table_item_init (NvTableItem *self)
{
}

NvTableItem *
nv_table_item_new (gint64 id, char **texts, const char *search, gpointer data,
                   GDestroyNotify data_free)
{
  NvTableItem *self = g_object_new (NV_TYPE_TABLE_ITEM, NULL);

  self->id = id;
  self->texts = texts;
  self->n_texts = texts != NULL ? g_strv_length (texts) : 0;
  self->search = g_strdup (search != NULL ? search : "");
  self->data = data;
  self->data_free = data_free;
  return self;
}

NvTableItem *
nv_table_item_new_lazy (gint64 id, guint n_columns, NvTableFormatFunc format, const char *search,
                        gpointer data, GDestroyNotify data_free)
{
  NvTableItem *self = nv_table_item_new (id, NULL, search, data, data_free);

  self->n_texts = n_columns;
  self->format = format;
  return self;
}

gint64
nv_table_item_get_id (NvTableItem *self)
{
  g_return_val_if_fail (NV_IS_TABLE_ITEM (self), 0);
  return self->id;
}

const char *
nv_table_item_get_text (NvTableItem *self, guint column)
{
  g_return_val_if_fail (NV_IS_TABLE_ITEM (self), "");
  if (column >= self->n_texts)
    return "";
  if (self->format != NULL)
    {
      if (self->texts == NULL)
        self->texts = g_new0 (char *, self->n_texts + 1);
      if (self->texts[column] == NULL)
        self->texts[column] = self->format (self->data, column);
    }
  return self->texts[column];
}

const char *
nv_table_item_get_search (NvTableItem *self)
{
  g_return_val_if_fail (NV_IS_TABLE_ITEM (self), "");
  return self->search;
}

gpointer
nv_table_item_get_data (NvTableItem *self)
{
  g_return_val_if_fail (NV_IS_TABLE_ITEM (self), NULL);
  return self->data;
}

void
nv_table_item_set_dim (NvTableItem *self, gboolean dim)
{
  g_return_if_fail (NV_IS_TABLE_ITEM (self));
  self->dim = dim;
}

void
nv_table_item_set_heading (NvTableItem *self, gboolean heading)
{
  g_return_if_fail (NV_IS_TABLE_ITEM (self));
  self->heading = heading;
}

gboolean
nv_table_item_is_heading (NvTableItem *self)
{
  g_return_val_if_fail (NV_IS_TABLE_ITEM (self), FALSE);
  return self->heading;
}

/* ---- Columns ------------------------------------------------------------ */

static void
setup_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer user_data)
{
  NvTableAlign align = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "nv-align"));
  GtkWidget *label = gtk_label_new (NULL);

  if (g_object_get_data (G_OBJECT (factory), "nv-whole") == NULL)
    gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (label), align == NV_TABLE_NUMBER ? 1.0 : 0.0);
  gtk_widget_set_margin_start (label, 6);
  gtk_widget_set_margin_end (label, 6);
  if (align == NV_TABLE_NUMBER)
    gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (list_item, label);
}

static void
bind_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer user_data)
{
  guint column = GPOINTER_TO_UINT (user_data);
  NvTableItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *label = gtk_list_item_get_child (list_item);

  if (item->format != NULL && column < item->n_texts)
    {
      /* Made for the row on screen, not kept: rows come and go as it scrolls. */
      g_autofree char *text = item->format (item->data, column);
      gtk_label_set_text (GTK_LABEL (label), text);
    }
  else
    gtk_label_set_text (GTK_LABEL (label), nv_table_item_get_text (item, column));
  if (item->dim)
    gtk_widget_add_css_class (label, "dim-label");
  else
    gtk_widget_remove_css_class (label, "dim-label");
  /* A heading row between groups: its text in the first column, bold, with
   * room above it. */
  if (item->heading)
    gtk_widget_add_css_class (label, "heading");
  else
    gtk_widget_remove_css_class (label, "heading");
  gtk_widget_set_margin_top (label, item->heading ? 12 : 0);
}

GtkColumnViewColumn *
nv_table_add_column (GtkColumnView *view, const char *title, guint column, NvTableAlign align,
                     gboolean expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *col;

  g_object_set_data (G_OBJECT (factory), "nv-align", GUINT_TO_POINTER (align));
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), GUINT_TO_POINTER (column));
  col = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_expand (col, expand);
  gtk_column_view_column_set_resizable (col, TRUE);
  gtk_column_view_append_column (view, col);
  g_object_unref (col);
  return col;
}

void
nv_table_column_set_whole (GtkColumnViewColumn *column)
{
  g_object_set_data (G_OBJECT (gtk_column_view_column_get_factory (column)), "nv-whole",
                     GINT_TO_POINTER (1));
}

NvTableItem *
nv_table_get_selected (GtkColumnView *view)
{
  GtkSelectionModel *model = gtk_column_view_get_model (view);

  if (!GTK_IS_SINGLE_SELECTION (model))
    return NULL;
  return gtk_single_selection_get_selected_item (GTK_SINGLE_SELECTION (model));
}

gboolean
nv_table_select_id (GtkColumnView *view, gint64 id)
{
  GtkSelectionModel *model = gtk_column_view_get_model (view);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (model));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (NvTableItem) item = g_list_model_get_item (G_LIST_MODEL (model), i);
      if (item->id == id)
        {
          gtk_selection_model_select_item (model, i, TRUE);
          return TRUE;
        }
    }
  return FALSE;
}
