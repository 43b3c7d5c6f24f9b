/* nv-about.c — see nv-about.h.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-about"

#include "config.h"

#include <glib/gi18n.h>

#include "nv-about.h"

#define WEBSITE "https://github.com/naervaer/naervaer"
#define ISSUES "https://github.com/naervaer/naervaer/issues"
#define LICENSE_URL "https://www.gnu.org/licenses/gpl-3.0.html"

static const char *
comments (void)
{
  return _("Sick-leave figures, follow-up, dialogue workshops and measures for unit leaders in "
           "Norwegian municipalities. All data stays on this computer.");
}

gboolean
nv_about_runtime_translated (void)
{
  /* Our texts untranslated: the user reads English, and so does libadwaita. */
  if (g_strcmp0 (g_dgettext (GETTEXT_PACKAGE, "translator-credits"), "translator-credits") == 0)
    return TRUE;
  /* Words of AdwAboutWindow's own pages. */
  return g_strcmp0 (g_dgettext ("libadwaita", "Details"), "Details") != 0
         && g_strcmp0 (g_dgettext ("libadwaita", "Legal"), "Legal") != 0;
}

static GtkWidget *
label_new (const char *text, const char *css)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 48);
  if (css != NULL)
    gtk_widget_add_css_class (label, css);
  return label;
}

static GtkWidget *
link_row (GtkWidget *list, const char *title, const char *uri)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name ("adw-external-link-symbolic");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), icon);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "about.open");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", uri);
  gtk_widget_set_tooltip_text (row, uri);
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  return row;
}

static void
open_activated_cb (GSimpleAction *action, GVariant *param, GtkWindow *window)
{
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_show_uri (window, g_variant_get_string (param, NULL), GDK_CURRENT_TIME);
  G_GNUC_END_IGNORE_DEPRECATIONS
}

static GtkWindow *
own_window_new (GtkWindow *parent)
{
  GtkWidget *window = g_object_new (ADW_TYPE_WINDOW, "accessible-role", GTK_ACCESSIBLE_ROLE_DIALOG, NULL);
  GtkWidget *outer = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *icon = gtk_image_new_from_icon_name (APPLICATION_ID);
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *legal;
  g_autoptr (GSimpleActionGroup) group = g_simple_action_group_new ();
  g_autoptr (GSimpleAction) open = g_simple_action_new ("open", G_VARIANT_TYPE_STRING);
  g_autofree char *version = g_strdup_printf (_("Version %s"), PACKAGE_VERSION);
  const char *translators = _("translator-credits");

  gtk_window_set_title (GTK_WINDOW (window), _("About Nærvær"));
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_set_transient_for (GTK_WINDOW (window), parent);
  gtk_window_set_default_size (GTK_WINDOW (window), 420, 560);
  gtk_widget_add_css_class (window, "about");

  g_signal_connect (open, "activate", G_CALLBACK (open_activated_cb), window);
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (open));
  gtk_widget_insert_action_group (window, "about", G_ACTION_GROUP (group));

  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  gtk_widget_add_css_class (header, "flat");
  gtk_box_append (GTK_BOX (outer), header);

  gtk_image_set_pixel_size (GTK_IMAGE (icon), 128);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Nærvær"), -1);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label_new (_("Nærvær"), "title-1"));
  gtk_box_append (GTK_BOX (box), label_new (_("The Nærvær developers"), NULL));
  gtk_box_append (GTK_BOX (box), label_new (version, "dim-label"));
  gtk_widget_set_margin_bottom (gtk_widget_get_last_child (box), 12);
  gtk_box_append (GTK_BOX (box), label_new (comments (), NULL));

  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_set_margin_top (list, 18);
  link_row (list, _("_Website"), WEBSITE);
  link_row (list, _("_Report a Problem"), ISSUES);
  link_row (list, _("_Licence: GNU GPL, version 3 or later"), LICENSE_URL);
  gtk_box_append (GTK_BOX (box), list);

  legal = label_new (_("This program comes with absolutely no warranty. You may share and "
                       "change it under the terms of the GNU General Public License, version 3 "
                       "or any later version."),
                     "caption");
  gtk_widget_add_css_class (legal, "dim-label");
  gtk_widget_set_margin_top (legal, 12);
  gtk_box_append (GTK_BOX (box), legal);
  if (g_strcmp0 (translators, "translator-credits") != 0)
    {
      g_autofree char *credits = g_strdup_printf (_("Translated by %s"), translators);
      GtkWidget *label = label_new (credits, "caption");

      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (GTK_BOX (box), label);
    }

  gtk_widget_set_margin_start (box, 18);
  gtk_widget_set_margin_end (box, 18);
  gtk_widget_set_margin_bottom (box, 24);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_box_append (GTK_BOX (outer), scroller);
  adw_window_set_content (ADW_WINDOW (window), outer);
  return GTK_WINDOW (window);
}

GtkWindow *
nv_about_window_new (GtkWindow *parent)
{
  static const char *developers[] = { "Nærvær developers", NULL };

  if (!nv_about_runtime_translated ())
    return own_window_new (parent);
  return g_object_new (ADW_TYPE_ABOUT_WINDOW, "transient-for", parent, "application-name",
                       _("Nærvær"), "application-icon", APPLICATION_ID, "version",
                       PACKAGE_VERSION, "developer-name", _("The Nærvær developers"),
                       "developers", developers, "comments", comments (), "license-type",
                       GTK_LICENSE_GPL_3_0, "website", WEBSITE, "issue-url", ISSUES,
                       "translator-credits", _("translator-credits"), NULL);
}
