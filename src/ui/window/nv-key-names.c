/* nv-key-names.c — see nv-key-names.h.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-key-names"

#include "config.h"

#include <glib/gi18n.h>

#include "nv-key-names.h"

static const struct
{
  guint keyval;
  const char *name;
} names[] = {
  /* Translators: key names as the shortcuts window shows them; use the
   * words printed on keyboards or used in your language's manuals. */
  { GDK_KEY_Page_Down, NC_ ("keyboard key", "Page Down") },
  { GDK_KEY_Page_Up, NC_ ("keyboard key", "Page Up") },
  { GDK_KEY_Home, NC_ ("keyboard key", "Home") },
  { GDK_KEY_End, NC_ ("keyboard key", "End") },
  { GDK_KEY_Escape, NC_ ("keyboard key", "Esc") },
  { GDK_KEY_space, NC_ ("keyboard key", "Space") },
  { GDK_KEY_Left, NC_ ("keyboard key", "Left") },
  { GDK_KEY_Right, NC_ ("keyboard key", "Right") },
};

const char *
nv_key_name (guint keyval)
{
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (names[i].keyval == keyval)
      return g_dpgettext2 (GETTEXT_PACKAGE, "keyboard key", names[i].name);
  return NULL;
}

static void
translate (GtkWidget *widget, char **gtk_names)
{
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      if (GTK_IS_LABEL (c) && gtk_widget_has_css_class (c, "keycap"))
        for (guint i = 0; i < G_N_ELEMENTS (names); i++)
          if (g_strcmp0 (gtk_label_get_text (GTK_LABEL (c)), gtk_names[i]) == 0)
            {
              gtk_label_set_text (GTK_LABEL (c), nv_key_name (names[i].keyval));
              break;
            }
      translate (c, gtk_names);
    }
}

void
nv_key_names_translate (GtkWidget *root)
{
  g_auto (GStrv) gtk_names = g_new0 (char *, G_N_ELEMENTS (names) + 1);

  /* In an untranslated session our names and GTK's are the same English. */
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    gtk_names[i] = gtk_accelerator_get_label (names[i].keyval, 0);
  translate (root, gtk_names);
}
