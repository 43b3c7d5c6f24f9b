/* nv-toast.c — toasts that read whole (see nv-toast.h).
 *
 * libadwaita 1.2's toast is one line of title (ellipsized at its end) beside
 * an optional button and a close button. Its margins, padding and close
 * button take TOAST_CHROME px of the overlay's width; test-toast checks the
 * room worked out here against real toasts at 360 and 1280 px.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-toast"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "nv-a11y.h"
#include "nv-toast.h"

/* margin 12 + 12, padding 12 + 6, the title's margin 6 + 6, spacing 6 and
 * the close button 34: measured on libadwaita 1.2.2 (1280 − 1186 px). */
#define TOAST_CHROME 94
/* Between the title and a button (border-spacing). */
#define TOAST_SPACING 6

int
nv_toast_title_room (GtkWidget *overlay, int overlay_width, const char *button_label)
{
  int room = overlay_width - TOAST_CHROME;

  if (button_label != NULL && button_label[0] != '\0')
    {
      GtkWidget *button = g_object_ref_sink (gtk_button_new_with_mnemonic (button_label));
      int natural = 0;

      gtk_widget_measure (button, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
      g_object_unref (button);
      room -= natural + TOAST_SPACING;
    }
  return room;
}

gboolean
nv_toast_fits (GtkWidget *overlay, const char *text, const char *button_label, int overlay_width)
{
  /* The toast's title is a label of the «heading» style (bold). */
  GtkWidget *probe;
  int natural = 0;

  if (overlay_width < 0)
    overlay_width = gtk_widget_get_width (overlay);
  /* Not laid out yet: nothing to go by; a toast, as before. */
  if (overlay_width <= 0)
    return TRUE;
  probe = g_object_ref_sink (gtk_label_new (text));
  gtk_widget_add_css_class (probe, "heading");
  gtk_label_set_single_line_mode (GTK_LABEL (probe), TRUE);
  gtk_widget_measure (probe, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
  g_object_unref (probe);
  return natural <= nv_toast_title_room (overlay, overlay_width, button_label);
}

void
nv_toast_split (const char *message, char **heading, char **body)
{
  /* «No backup was made: the disk is full» → «No backup was made» over «The
   * disk is full»: at the first «: » or «. » outside quotes (a file name may
   * hold either). A first clause too long for a heading stays whole: a
   * short sentence is the heading, a long one the body. */
  const char *cut = NULL;
  int quoted = 0;

  for (const char *p = message; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == 0x00AB || c == 0x201C) /* « “ */
        quoted++;
      else if ((c == 0x00BB || c == 0x201D) && quoted > 0) /* » ” */
        quoted--;
      else if (quoted == 0 && (c == ':' || c == '.') && p[1] == ' ' && p[2] != '\0')
        {
          cut = p;
          break;
        }
    }
  if (cut == NULL || cut == message || g_utf8_strlen (message, cut - message) > 60)
    {
      gboolean short_one = g_utf8_strlen (message, -1) <= 80;

      *heading = short_one ? g_strdup (message) : NULL;
      *body = short_one ? NULL : g_strdup (message);
      return;
    }
  *heading = g_strndup (message, cut - message);
  {
    const char *rest = cut + 2;
    gunichar first = g_utf8_get_char (rest);
    char upper[8] = { 0 };

    g_unichar_to_utf8 (g_unichar_toupper (first), upper);
    *body = g_strconcat (upper, g_utf8_next_char (rest), NULL);
  }
}

void
nv_toast_dialog (GtkWindow *parent, const char *message)
{
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  nv_toast_split (message, &heading, &body);
  dialog = nv_message_dialog_new (parent, heading, body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _ ("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

void
nv_toast_add (AdwToastOverlay *overlay, AdwToast *toast)
{
  const char *title = adw_toast_get_title (toast);
  GtkRoot *root;

  g_return_if_fail (ADW_IS_TOAST_OVERLAY (overlay));
  if (title == NULL
      || nv_toast_fits (GTK_WIDGET (overlay), title, adw_toast_get_button_label (toast), -1))
    {
      adw_toast_overlay_add_toast (overlay, toast);
      return;
    }
  /* Too long for one line here: a dialog keeps all of it until read. */
  root = gtk_widget_get_root (GTK_WIDGET (overlay));
  nv_toast_dialog (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, title);
  g_object_unref (toast);
}

void
nv_toast_show (GtkWidget *widget, const char *message)
{
  GtkWidget *overlay = ADW_IS_TOAST_OVERLAY (widget)
                           ? widget
                           : gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);

  if (overlay == NULL)
    {
      g_warning ("%s", message);
      return;
    }
  nv_toast_add (ADW_TOAST_OVERLAY (overlay), adw_toast_new (message));
}
