/* nv-drop-down.c — ellipsized button, whole names in the list, and a
 * translated search field.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-drop-down"

#include "config.h"

#include <glib/gi18n.h>

#include "nv-drop-down.h"

static void
setup_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer ellipsize)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (GPOINTER_TO_INT (ellipsize))
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_width_chars (GTK_LABEL (label), 6);
    }
  else
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
    }
  gtk_list_item_set_child (item, label);
}

static void
bind_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer user_data)
{
  GtkExpression *expression = g_object_get_data (G_OBJECT (factory), "nv-expression");
  GValue value = G_VALUE_INIT;

  if (gtk_expression_evaluate (expression, gtk_list_item_get_item (item), &value))
    {
      gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), g_value_get_string (&value));
      g_value_unset (&value);
    }
}

GtkListItemFactory *
nv_text_factory_new (GtkExpression *expression, gboolean ellipsize)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_object_set_data_full (G_OBJECT (factory), "nv-expression", gtk_expression_ref (expression),
                          (GDestroyNotify) gtk_expression_unref);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), GINT_TO_POINTER (ellipsize));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), NULL);
  return factory;
}

void
nv_drop_down_set_text_expression (GtkDropDown *dropdown, GtkExpression *expression)
{
  g_autoptr (GtkListItemFactory) button = nv_text_factory_new (expression, TRUE);
  g_autoptr (GtkListItemFactory) list = nv_text_factory_new (expression, FALSE);

  gtk_drop_down_set_expression (dropdown, expression); /* refs it; for search */
  gtk_drop_down_set_factory (dropdown, button);
  gtk_drop_down_set_list_factory (dropdown, list);
  gtk_expression_unref (expression); /* ours to drop: the header says taken */
}

static gboolean
translate_search (GtkWidget *widget)
{
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      if (GTK_IS_SEARCH_ENTRY (c))
        {
          g_object_set (c, "placeholder-text", _("Search…"), NULL);
          gtk_accessible_update_property (GTK_ACCESSIBLE (c), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          _("Search"), -1);
          return TRUE;
        }
      if (translate_search (c))
        return TRUE;
    }
  return FALSE;
}

void
nv_drop_down_set_search (GtkDropDown *dropdown, gboolean enable)
{
  gtk_drop_down_set_enable_search (dropdown, enable);
  if (enable)
    translate_search (GTK_WIDGET (dropdown));
}
