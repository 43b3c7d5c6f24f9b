/* nv-form-dialog.c — base of the small editing dialogs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-form-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "nv-error-label.h"
#include "nv-form-dialog.h"

typedef struct
{
  AdwWindowTitle *title;
  GtkLabel *description;
  GtkButton *save_button;
  GtkGrid *grid;
  GtkLabel *general_error;
  int n_rows;
  GHashTable *error_labels; /* field → GtkLabel (borrowed) */
  GHashTable *field_widgets; /* field → GtkWidget (borrowed) */
  gboolean valid;
  gboolean saving;
} NvFormDialogPrivate;

G_DEFINE_TYPE_WITH_PRIVATE (NvFormDialog, nv_form_dialog, ADW_TYPE_WINDOW)

enum
{
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GtkLabel *
error_label_for (NvFormDialog *self, const char *field)
{
  NvFormDialogPrivate *priv = nv_form_dialog_get_instance_private (self);
  GtkLabel *label = field != NULL ? g_hash_table_lookup (priv->error_labels, field) : NULL;

  return label != NULL ? label : priv->general_error;
}

static void
show_error (GtkLabel *label, GtkWidget *widget, const char *message)
{
  gboolean has = message != NULL && *message != '\0';

  nv_error_label_set (label, has ? message : NULL);
  if (widget == NULL)
    return;
  if (has)
    gtk_widget_add_css_class (widget, "error");
  else
    gtk_widget_remove_css_class (widget, "error");
}

void
nv_form_dialog_set_error (NvFormDialog *self, const char *field, const char *message)
{
  NvFormDialogPrivate *priv = nv_form_dialog_get_instance_private (self);
  GtkLabel *label = error_label_for (self, field);
  GtkWidget *widget = field != NULL ? g_hash_table_lookup (priv->field_widgets, field) : NULL;

  g_return_if_fail (NV_IS_FORM_DIALOG (self));
  show_error (label, widget, message);
}

const char *
nv_form_dialog_get_error (NvFormDialog *self, const char *field)
{
  GtkLabel *label;

  g_return_val_if_fail (NV_IS_FORM_DIALOG (self), NULL);
  label = error_label_for (self, field);
  return nv_error_label_get (label);
}

static void
clear_errors (NvFormDialog *self)
{
  NvFormDialogPrivate *priv = nv_form_dialog_get_instance_private (self);
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, priv->error_labels);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    nv_form_dialog_set_error (self, key, NULL);
  show_error (priv->general_error, NULL, NULL);
}

void
nv_form_dialog_changed (NvFormDialog *self)
{
  NvFormDialogPrivate *priv = nv_form_dialog_get_instance_private (self);
  NvFormDialogClass *klass = NV_FORM_DIALOG_GET_CLASS (self);

  g_return_if_fail (NV_IS_FORM_DIALOG (self));
  if (priv->saving)
    return;
  clear_errors (self);
  priv->valid = klass->validate != NULL ? klass->validate (self) : TRUE;
  gtk_widget_set_sensitive (GTK_WIDGET (priv->save_button), priv->valid);
}

gboolean
nv_form_dialog_can_save (NvFormDialog *self)
{
  NvFormDialogPrivate *priv = nv_form_dialog_get_instance_private (self);

  g_return_val_if_fail (NV_IS_FORM_DIALOG (self), FALSE);
  return priv->valid;
}

GtkWidget *
nv_form_dialog_get_save_button (NvFormDialog *self)
{
  NvFormDialogPrivate *priv = nv_form_dialog_get_instance_private (self);

  g_return_val_if_fail (NV_IS_FORM_DIALOG (self), NULL);
  return GTK_WIDGET (priv->save_button);
}

gboolean
nv_form_dialog_save (NvFormDialog *self)
{
  NvFormDialogPrivate *priv = nv_form_dialog_get_instance_private (self);
  NvFormDialogClass *klass = NV_FORM_DIALOG_GET_CLASS (self);
  g_autoptr (GError) error = NULL;
  const char *field = NULL;
  gboolean ok;

  g_return_val_if_fail (NV_IS_FORM_DIALOG (self), FALSE);
  nv_form_dialog_changed (self);
  if (!priv->valid || klass->save == NULL)
    return FALSE;

  /* The write emits NvStore::changed; do not validate against the new rows. */
  priv->saving = TRUE;
  ok = klass->save (self, &field, &error);
  priv->saving = FALSE;
  if (!ok)
    {
      nv_form_dialog_set_error (self, field, error != NULL ? error->message : _("Not saved."));
      gtk_widget_set_sensitive (GTK_WIDGET (priv->save_button), FALSE);
      priv->valid = FALSE;
      return FALSE;
    }
  g_signal_emit (self, signals[SAVED], 0);
  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}

void
nv_form_dialog_set_heading (NvFormDialog *self, const char *title, const char *description)
{
  NvFormDialogPrivate *priv = nv_form_dialog_get_instance_private (self);

  g_return_if_fail (NV_IS_FORM_DIALOG (self));
  adw_window_title_set_title (priv->title, title);
  gtk_window_set_title (GTK_WINDOW (self), title);
  gtk_label_set_text (priv->description, description != NULL ? description : "");
  gtk_widget_set_visible (GTK_WIDGET (priv->description), description != NULL);
}

void
nv_form_dialog_set_save_label (NvFormDialog *self, const char *label)
{
  NvFormDialogPrivate *priv = nv_form_dialog_get_instance_private (self);

  g_return_if_fail (NV_IS_FORM_DIALOG (self));
  gtk_button_set_label (priv->save_button, label);
}

void
nv_form_dialog_add_field (NvFormDialog *self, const char *field, const char *label,
                          GtkWidget *widget, GtkWidget *mnemonic_widget)
{
  NvFormDialogPrivate *priv = nv_form_dialog_get_instance_private (self);
  GtkWidget *title = gtk_label_new_with_mnemonic (label);
  GtkWidget *error = NULL;

  g_return_if_fail (NV_IS_FORM_DIALOG (self));
  gtk_label_set_xalign (GTK_LABEL (title), 1.0);
  gtk_widget_set_valign (title, GTK_ALIGN_BASELINE);
  gtk_label_set_mnemonic_widget (GTK_LABEL (title),
                                 mnemonic_widget != NULL ? mnemonic_widget : widget);
  gtk_widget_set_hexpand (widget, TRUE);
  gtk_widget_set_valign (widget, GTK_ALIGN_BASELINE);

  error = GTK_WIDGET (nv_error_label_new (mnemonic_widget != NULL ? mnemonic_widget : widget));
  gtk_label_set_max_width_chars (GTK_LABEL (error), 40);
  gtk_widget_add_css_class (error, "caption");

  gtk_grid_attach (priv->grid, title, 0, priv->n_rows, 1, 1);
  gtk_grid_attach (priv->grid, widget, 1, priv->n_rows, 1, 1);
  /* Start in the first field, not on Cancel. */
  if (priv->n_rows == 0)
    gtk_widget_grab_focus (mnemonic_widget != NULL ? mnemonic_widget : widget);
  gtk_grid_attach (priv->grid, error, 1, priv->n_rows + 1, 1, 1);
  priv->n_rows += 2;

  g_hash_table_insert (priv->error_labels, g_strdup (field), error);
  g_hash_table_insert (priv->field_widgets, g_strdup (field), widget);
}

void
nv_form_dialog_add_wide (NvFormDialog *self, GtkWidget *widget)
{
  NvFormDialogPrivate *priv = nv_form_dialog_get_instance_private (self);

  g_return_if_fail (NV_IS_FORM_DIALOG (self));
  gtk_grid_attach (priv->grid, widget, 1, priv->n_rows, 1, 1);
  priv->n_rows++;
}

void
nv_form_dialog_add_hint (NvFormDialog *self, const char *text)
{
  GtkWidget *hint = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (hint), 0);
  gtk_label_set_wrap (GTK_LABEL (hint), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (hint), 40);
  gtk_widget_add_css_class (hint, "dim-label");
  gtk_widget_add_css_class (hint, "caption");
  nv_form_dialog_add_wide (self, hint);
}

static void
save_clicked_cb (NvFormDialog *self)
{
  nv_form_dialog_save (self);
}

static void
nv_form_dialog_finalize (GObject *object)
{
  NvFormDialog *self = NV_FORM_DIALOG (object);
  NvFormDialogPrivate *priv = nv_form_dialog_get_instance_private (self);

  g_clear_pointer (&priv->error_labels, g_hash_table_unref);
  g_clear_pointer (&priv->field_widgets, g_hash_table_unref);

  G_OBJECT_CLASS (nv_form_dialog_parent_class)->finalize (object);
}

static void
nv_form_dialog_class_init (NvFormDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = nv_form_dialog_finalize;

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                 NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
nv_form_dialog_init (NvFormDialog *self)
{
  NvFormDialogPrivate *priv = nv_form_dialog_get_instance_private (self);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);

  /* A screen reader says «dialog», not «filler». Set on the instance: GTK
   * 4.8 does not pass a class's role on to its subclasses. */
  g_object_set (self, "accessible-role", GTK_ACCESSIBLE_ROLE_DIALOG, NULL);
  priv->error_labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  priv->field_widgets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_resizable (GTK_WINDOW (self), FALSE);
  gtk_window_set_default_size (GTK_WINDOW (self), 480, -1);

  priv->title = ADW_WINDOW_TITLE (adw_window_title_new ("", NULL));
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), GTK_WIDGET (priv->title));
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "window.close");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  priv->save_button = GTK_BUTTON (gtk_button_new_with_mnemonic (_("_Save")));
  gtk_button_set_use_underline (priv->save_button, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (priv->save_button), "suggested-action");
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), GTK_WIDGET (priv->save_button));
  g_signal_connect_swapped (priv->save_button, "clicked", G_CALLBACK (save_clicked_cb), self);
  gtk_box_append (GTK_BOX (box), header);

  gtk_widget_set_margin_top (content, 18);
  gtk_widget_set_margin_bottom (content, 24);
  gtk_widget_set_margin_start (content, 24);
  gtk_widget_set_margin_end (content, 24);

  priv->description = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (priv->description, TRUE);
  gtk_label_set_xalign (priv->description, 0.0);
  gtk_label_set_max_width_chars (priv->description, 50);
  gtk_widget_set_visible (GTK_WIDGET (priv->description), FALSE);
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (priv->description));

  priv->grid = GTK_GRID (gtk_grid_new ());
  gtk_grid_set_column_spacing (priv->grid, 12);
  gtk_grid_set_row_spacing (priv->grid, 6);
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (priv->grid));

  priv->general_error = nv_error_label_new (NULL);
  gtk_label_set_max_width_chars (priv->general_error, 50);
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (priv->general_error));

  gtk_box_append (GTK_BOX (box), content);
  adw_window_set_content (ADW_WINDOW (self), box);
  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (priv->save_button));
}
