/* nv-error-label.c — how errors are shown (see the header).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "nv-error-label.h"
#include "nv-a11y.h"

GtkLabel *
nv_error_label_new (GtkWidget *described)
{
  GtkLabel *label = GTK_LABEL (gtk_label_new (NULL));

  gtk_label_set_wrap (label, TRUE);
  gtk_label_set_xalign (label, 0.0);
  gtk_widget_add_css_class (GTK_WIDGET (label), "error");
  /* Shown while empty: its line is kept, so the fields below do not jump
   * when a message appears while the user types. */
  gtk_widget_set_visible (GTK_WIDGET (label), TRUE);
  if (described != NULL)
    gtk_accessible_update_relation (GTK_ACCESSIBLE (described),
                                    GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, label, NULL, -1);
  return label;
}

void
nv_error_label_set (GtkLabel *label, const char *message)
{
  g_return_if_fail (GTK_IS_LABEL (label));
  gtk_label_set_text (label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (label), TRUE);
}

const char *
nv_error_label_get (GtkLabel *label)
{
  const char *text;

  g_return_val_if_fail (GTK_IS_LABEL (label), NULL);
  text = gtk_label_get_text (label);
  return text != NULL && *text != '\0' ? text : NULL;
}

void
nv_error_alert_show (GtkWindow *parent, const char *heading, const char *body)
{
  AdwMessageDialog *alert = ADW_MESSAGE_DIALOG (nv_message_dialog_new (parent, heading, body));

  adw_message_dialog_add_response (alert, "close", _("Close"));
  adw_message_dialog_set_default_response (alert, "close");
  gtk_window_present (GTK_WINDOW (alert));
}
