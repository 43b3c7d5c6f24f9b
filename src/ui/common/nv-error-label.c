/* nv-error-label.c — how errors are shown (see the header).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "nv-error-label.h"
#include "nv-a11y.h"

/* A message of one or two lines fits in the space kept for it: most of the
 * messages take two lines in a dialog, and a line appearing under the first
 * one would push the fields below down while the user types. */
static void
reserve_two_lines (GtkWidget *label)
{
  g_autoptr (PangoLayout) layout = gtk_widget_create_pango_layout (label, "Ag\nAg");
  int height = 0;

  pango_layout_get_pixel_size (layout, NULL, &height);
  gtk_widget_set_size_request (label, -1, height);
}

GtkLabel *
nv_error_label_new (GtkWidget *described)
{
  GtkLabel *label = GTK_LABEL (gtk_label_new (NULL));

  gtk_label_set_wrap (label, TRUE);
  gtk_label_set_xalign (label, 0.0);
  gtk_label_set_yalign (label, 0.0);
  gtk_widget_add_css_class (GTK_WIDGET (label), "error");
  /* The font is the label's own once it is styled in its window. */
  reserve_two_lines (GTK_WIDGET (label));
  g_signal_connect (label, "realize", G_CALLBACK (reserve_two_lines), NULL);
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
