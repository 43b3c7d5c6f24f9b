/* nv-a11y.c — names GTK 4.8 leaves to screen readers as widget types.
 *
 * GTK 4.8 names a drop-down's inner toggle «GtkToggleButton», a menu button
 * with a visible label «GtkMenuButton», and a button with a mnemonic label
 * «_Save Save» (its label property with the underscore, then its label
 * child). One hook on GtkWidget::realize corrects every such widget in the
 * application, so that a drop-down or button added later is named too.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-a11y"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "nv-a11y.h"

char *
nv_a11y_strip_mnemonic (const char *label)
{
  GString *out;

  if (label == NULL)
    return NULL;
  out = g_string_sized_new (strlen (label));
  for (const char *p = label; *p != '\0'; p++)
    {
      /* «__» is a literal underscore; a single one marks the mnemonic. */
      if (*p == '_')
        {
          if (p[1] == '_')
            {
              g_string_append_c (out, '_');
              p++;
            }
          continue;
        }
      g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

/* The toggle inside a drop-down is read by the drop-down's name (its label
 * property, or the labels that point at it). */
static void
name_drop_down_button (GtkDropDown *dropdown)
{
  GList *refs = gtk_widget_list_mnemonic_labels (GTK_WIDGET (dropdown));

  /* GTK 4.8 takes only the label property of what it is labelled by: the
   * drop-down's own, or the labels that name it. */
  if (refs == NULL)
    refs = g_list_prepend (refs, dropdown);
  for (GtkWidget *c = gtk_widget_get_first_child (GTK_WIDGET (dropdown)); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    if (GTK_IS_TOGGLE_BUTTON (c))
      {
        GValue value = G_VALUE_INIT;

        gtk_accessible_relation_init_value (GTK_ACCESSIBLE_RELATION_LABELLED_BY, &value);
        g_value_set_pointer (&value, g_list_copy (refs));
        gtk_accessible_update_relation_value (
            GTK_ACCESSIBLE (c), 1, (GtkAccessibleRelation[]){ GTK_ACCESSIBLE_RELATION_LABELLED_BY },
            &value);
        g_value_unset (&value);
      }
  g_list_free (refs);
}

/* A button whose label has a mnemonic (a tab of a stack switcher too) is
 * read by its label as shown. */
static void
name_button (GtkButton *button)
{
  GtkWidget *child = gtk_button_get_child (button);
  const char *own = g_object_get_data (G_OBJECT (button), "nv-a11y-name");

  /* A name given with nv_a11y_set_button_name() stays. */
  if (own != NULL)
    {
      gtk_accessible_reset_relation (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, own,
                                      -1);
      return;
    }
  if (!GTK_IS_LABEL (child) || !gtk_label_get_use_underline (GTK_LABEL (child))
      || *gtk_label_get_text (GTK_LABEL (child)) == '\0')
    return;
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  gtk_label_get_text (GTK_LABEL (child)), -1);
}

/* A menu button with a label is read by it (an icon-only one carries its own
 * name, given where it is made). */
static void
name_menu_button (GtkMenuButton *button)
{
  g_autofree char *plain = nv_a11y_strip_mnemonic (gtk_menu_button_get_label (button));
  if (plain != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, plain,
                                    -1);
}

/* A section tab says its badge: «Follow-up, 2 overdue». */
static void
name_switcher_button (GObject *button)
{
  g_autofree char *label = NULL;
  g_autofree char *name = NULL;
  guint badge = 0;

  g_object_get (button, "label", &label, NULL);
  if (g_object_class_find_property (G_OBJECT_GET_CLASS (button), "badge-number") != NULL)
    g_object_get (button, "badge-number", &badge, NULL);
  if (label == NULL)
    return;
  if (badge > 0)
    /* Translators: a section tab as a screen reader says it: «Follow-up, 2 overdue» */
    name = g_strdup_printf (ngettext ("%s, %u overdue", "%s, %u overdue", badge), label, badge);
  else
    name = g_strdup (label);
  /* Its label child names it too: said once, by the name with the badge. */
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

static gboolean
is_switcher_button (gpointer widget)
{
  static GType type = G_TYPE_INVALID;

  if (type == G_TYPE_INVALID)
    type = g_type_from_name ("AdwViewSwitcherButton");
  return type != G_TYPE_INVALID && G_TYPE_CHECK_INSTANCE_TYPE (widget, type);
}

static void
watch_switcher_button (GObject *button)
{
  name_switcher_button (button);
  if (g_object_get_data (button, "nv-a11y") == NULL)
    {
      g_object_set_data (button, "nv-a11y", GINT_TO_POINTER (1));
      g_signal_connect (button, "notify::label", G_CALLBACK (name_switcher_button), NULL);
      g_signal_connect (button, "notify::badge-number", G_CALLBACK (name_switcher_button), NULL);
    }
}

void
nv_a11y_name_tabs (GtkWidget *root)
{
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      if (is_switcher_button (c))
        watch_switcher_button (G_OBJECT (c));
      else
        nv_a11y_name_tabs (c);
    }
}

/* A check button with a mnemonic is read without the underscore (its group's
 * label, if any, stays after it). */
static void
name_check_button (GtkCheckButton *check)
{
  g_autofree char *plain = NULL;

  if (!gtk_check_button_get_use_underline (check) || gtk_check_button_get_label (check) == NULL)
    return;
  plain = nv_a11y_strip_mnemonic (gtk_check_button_get_label (check));
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, plain, -1);
}

/* Names @widget now and whenever its label changes. (GLib emits no notify
 * to an object nobody listens to, so the label set while it was built is
 * only seen here, when it is realized.) */
static void
watch (GObject *widget, const char *property, GCallback name)
{
  g_autofree char *signal = g_strconcat ("notify::", property, NULL);

  ((void (*) (GObject *))name) (widget);
  if (g_object_get_data (widget, "nv-a11y") != NULL)
    return;
  g_object_set_data (widget, "nv-a11y", GINT_TO_POINTER (1));
  g_signal_connect_after (widget, signal, name, NULL);
  g_signal_connect_after (widget, "notify::use-underline", name, NULL);
}

static void
name_widget (GObject *widget)
{
  if (GTK_IS_DROP_DOWN (widget))
    name_drop_down_button (GTK_DROP_DOWN (widget));
  else if (is_switcher_button (widget))
    watch_switcher_button (widget);
  else if (GTK_IS_BUTTON (widget))
    watch (widget, "label", G_CALLBACK (name_button));
  else if (GTK_IS_CHECK_BUTTON (widget))
    watch (widget, "label", G_CALLBACK (name_check_button));
  else if (GTK_IS_MENU_BUTTON (widget))
    watch (widget, "label", G_CALLBACK (name_menu_button));
}

static void
name_subtree (GtkWidget *widget)
{
  name_widget (G_OBJECT (widget));
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    name_subtree (c);
}

void
nv_a11y_name_subtree (GtkWidget *root)
{
  name_subtree (root);
}

static gboolean
realize_hook (GSignalInvocationHint *hint, guint n_values, const GValue *values, gpointer data)
{
  GtkWidget *widget = g_value_get_object (&values[0]);

  name_widget (G_OBJECT (widget));
  /* The hidden pages of a stack are not realized, yet a screen reader
   * reaches them: name them with their stack. */
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    if (!gtk_widget_get_child_visible (c))
      name_subtree (c);
  return TRUE;
}

void
nv_a11y_set_button_name (GtkWidget *button, const char *name)
{
  g_object_set_data_full (G_OBJECT (button), "nv-a11y-name", g_strdup (name), g_free);
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

GtkWidget *
nv_message_dialog_new (GtkWindow *parent, const char *heading, const char *body)
{
  /* The role can only be given before the window exists for screen readers:
   * libadwaita 1.2 leaves message dialogs the generic role («filler»), and
   * GTK 4.8 ignores a role set on the class of a window. */
  GtkWidget *dialog = g_object_new (ADW_TYPE_MESSAGE_DIALOG, "accessible-role",
                                    GTK_ACCESSIBLE_ROLE_DIALOG, "transient-for", parent, NULL);

  /* As adw_message_dialog_new(): either may be NULL. */
  if (heading != NULL)
    adw_message_dialog_set_heading (ADW_MESSAGE_DIALOG (dialog), heading);
  if (body != NULL)
    adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog), body);
  return dialog;
}

void
nv_message_dialog_add_cancel_and (AdwMessageDialog *dialog, const char *cancel_label,
                                  const char *action, const char *action_label,
                                  AdwResponseAppearance appearance, const char *default_response)
{
  adw_message_dialog_add_responses (dialog, "cancel", cancel_label, action, action_label, NULL);
  adw_message_dialog_set_response_appearance (dialog, action, appearance);
  if (default_response != NULL)
    adw_message_dialog_set_default_response (dialog, default_response);
  adw_message_dialog_set_close_response (dialog, "cancel");
}

void
nv_a11y_install (void)
{
  static gsize done = 0;

  if (!g_once_init_enter (&done))
    return;
  g_type_class_unref (g_type_class_ref (GTK_TYPE_WIDGET));
  g_signal_add_emission_hook (g_signal_lookup ("realize", GTK_TYPE_WIDGET), 0, realize_hook, NULL,
                              NULL);
  g_once_init_leave (&done, 1);
}

void
nv_a11y_name_like_row (GtkWidget *control, const char *title)
{
  g_autoptr (GString) name = g_string_new (title);

  g_string_replace (name, "_", "", 0);
  gtk_accessible_update_property (GTK_ACCESSIBLE (control), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  name->str, -1);
}
