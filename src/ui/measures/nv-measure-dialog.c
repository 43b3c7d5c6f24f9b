/* nv-measure-dialog.c — add or edit a measure.
 *
 * Every change runs the core's validation (nv_measure_validate), so the form
 * and naervaer-cli refuse the same things with the same words. The row the
 * problem is in is marked, the message stands under the form, and Save stays
 * insensitive until the form is valid. A title that was never typed in is not
 * called an error yet.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-measure-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "nv-date-entry.h"
#include "nv-error-label.h"
#include "nv-measure-dialog.h"
#include "nv-drop-down.h"
#include "nv-workshop.h"

struct _NvMeasureDialog
{
  AdwWindow parent_instance;

  GtkButton *save_button;
  AdwEntryRow *title_row;
  AdwEntryRow *owner_row;
  AdwActionRow *start_row;
  AdwActionRow *deadline_row;
  AdwComboRow *theme_row;
  AdwComboRow *workshop_row;
  GtkLabel *error_label;
  GtkTextView *description_view;
  NvDateEntry *start_entry;
  NvDateEntry *deadline_entry;

  NvStore *store;
  gint64 unit_id;
  gint64 measure_id; /* 0 when adding */
  gint64 row_version; /* of the measure as the form read it */
  GArray *workshop_ids; /* gint64 per workshop_row position; 0 = none */
  gboolean title_touched;
  gboolean valid;
};

G_DEFINE_FINAL_TYPE (NvMeasureDialog, nv_measure_dialog, ADW_TYPE_WINDOW)

static GtkWidget *
field_widget (NvMeasureDialog *self, NvMeasureField field)
{
  switch (field)
    {
    case NV_MEASURE_FIELD_TITLE:
      return GTK_WIDGET (self->title_row);
    case NV_MEASURE_FIELD_OWNER:
      return GTK_WIDGET (self->owner_row);
    case NV_MEASURE_FIELD_START:
      return GTK_WIDGET (self->start_row);
    case NV_MEASURE_FIELD_DEADLINE:
      return GTK_WIDGET (self->deadline_row);
    case NV_MEASURE_FIELD_THEME:
      return GTK_WIDGET (self->theme_row);
    case NV_MEASURE_FIELD_WORKSHOP:
      return GTK_WIDGET (self->workshop_row);
    case NV_MEASURE_FIELD_DESCRIPTION:
      return GTK_WIDGET (self->description_view);
    case NV_MEASURE_FIELD_NONE:
    default:
      return NULL;
    }
}

static void
show_problem (NvMeasureDialog *self, NvMeasureField field, const char *message)
{
  static const NvMeasureField all[] = {
    NV_MEASURE_FIELD_TITLE, NV_MEASURE_FIELD_OWNER,    NV_MEASURE_FIELD_START,
    NV_MEASURE_FIELD_DEADLINE, NV_MEASURE_FIELD_THEME, NV_MEASURE_FIELD_WORKSHOP,
    NV_MEASURE_FIELD_DESCRIPTION,
  };

  for (guint i = 0; i < G_N_ELEMENTS (all); i++)
    {
      GtkWidget *w = field_widget (self, all[i]);
      if (all[i] == field && message != NULL)
        gtk_widget_add_css_class (w, "error");
      else
        gtk_widget_remove_css_class (w, "error");
    }
  nv_error_label_set (self->error_label, message);
  /* the field in trouble carries the message for screen readers too */
  for (guint i = 0; i < G_N_ELEMENTS (all); i++)
    {
      GtkWidget *w = field_widget (self, all[i]);
      if (all[i] == field && message != NULL)
        gtk_accessible_update_property (GTK_ACCESSIBLE (w), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                        message, -1);
      else
        gtk_accessible_reset_property (GTK_ACCESSIBLE (w), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
}

static char *
description_text (NvMeasureDialog *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->description_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* Fills @fields from the form; FALSE (with the problem shown) when a date
 * cannot be read. */
static gboolean
read_form (NvMeasureDialog *self, NvMeasure *fields)
{
  const char *const *themes = nv_measure_theme_ids ();
  guint theme_pos = adw_combo_row_get_selected (self->theme_row);
  guint workshop_pos = adw_combo_row_get_selected (self->workshop_row);

  g_free (fields->title);
  fields->title = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_row)));
  g_free (fields->owner);
  fields->owner = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->owner_row)));
  g_free (fields->description);
  fields->description = description_text (self);
  g_free (fields->theme);
  fields->theme = g_strdup (theme_pos < g_strv_length ((char **) themes) ? themes[theme_pos]
                                                                         : "other");
  fields->workshop_id = workshop_pos < self->workshop_ids->len
                          ? g_array_index (self->workshop_ids, gint64, workshop_pos)
                          : 0;

  fields->start = nv_date_entry_get_day (self->start_entry);
  if (fields->start == NV_DAY_NONE)
    {
      show_problem (self, NV_MEASURE_FIELD_START,
                    nv_date_entry_is_empty (self->start_entry)
                      ? _("Start: give the day the measure starts (DD.MM.YYYY)")
                      : _("Start: not a date (use DD.MM.YYYY, for example 01.03.2025)"));
      return FALSE;
    }
  fields->deadline = nv_date_entry_get_day (self->deadline_entry);
  if (fields->deadline == NV_DAY_NONE && !nv_date_entry_is_empty (self->deadline_entry))
    {
      show_problem (self, NV_MEASURE_FIELD_DEADLINE,
                    _("Deadline: not a date (use DD.MM.YYYY, for example 30.06.2025)"));
      return FALSE;
    }
  return TRUE;
}

static void
changed_cb (NvMeasureDialog *self)
{
  g_autoptr (NvMeasure) fields = nv_measure_new ();
  g_autoptr (GError) error = NULL;
  NvMeasureField field = NV_MEASURE_FIELD_NONE;
  const char *title = gtk_editable_get_text (GTK_EDITABLE (self->title_row));

  if (*title != '\0')
    self->title_touched = TRUE;
  self->valid = FALSE;
  if (read_form (self, fields))
    {
      self->valid = nv_measure_validate (self->store, self->unit_id, fields, &field, &error);
      if (self->valid)
        show_problem (self, NV_MEASURE_FIELD_NONE, NULL);
      else if (field == NV_MEASURE_FIELD_TITLE && !self->title_touched)
        show_problem (self, NV_MEASURE_FIELD_NONE, NULL); /* not yet typed: no scolding */
      else
        show_problem (self, field, error->message);
    }
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), self->valid);
}

gboolean
nv_measure_dialog_save (NvMeasureDialog *self)
{
  g_autoptr (NvMeasure) fields = nv_measure_new ();
  g_autoptr (GError) error = NULL;
  gboolean ok;

  changed_cb (self);
  if (!self->valid || !read_form (self, fields))
    return FALSE;
  if (self->measure_id == 0)
    ok = nv_measure_add (self->store, self->unit_id, fields, &error) != 0;
  else
    {
      fields->row_version = self->row_version;
      ok = nv_measure_update (self->store, self->measure_id, fields, &error);
    }
  if (!ok && g_error_matches (error, NV_STORE_ERROR, NV_STORE_ERROR_CONFLICT))
    {
      /* Not a field's fault: said above the buttons, the form kept. */
      show_problem (self, NV_MEASURE_FIELD_NONE, error->message);
      return FALSE;
    }
  if (!ok)
    {
      NvMeasureField field = NV_MEASURE_FIELD_NONE;
      g_autoptr (GError) check = NULL;

      if (!nv_measure_validate (self->store, self->unit_id, fields, &field, &check))
        show_problem (self, field, check->message);
      else
        show_problem (self, field == NV_MEASURE_FIELD_NONE ? NV_MEASURE_FIELD_START : field,
                      error->message);
      return FALSE;
    }
  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}

static void
save_clicked_cb (NvMeasureDialog *self)
{
  nv_measure_dialog_save (self);
}

const char *
nv_measure_dialog_get_error (NvMeasureDialog *self)
{
  return nv_error_label_get (self->error_label);
}

gboolean
nv_measure_dialog_can_save (NvMeasureDialog *self)
{
  return self->valid;
}

static void
fill_workshops (NvMeasureDialog *self, gint64 selected)
{
  g_autoptr (GtkStringList) list = gtk_string_list_new (NULL);
  g_autoptr (GPtrArray) workshops = nv_workshop_list (self->store, self->unit_id, NULL);
  guint position = 0;
  gint64 none = 0;

  gtk_string_list_append (list, _("None"));
  g_array_append_val (self->workshop_ids, none);
  for (guint i = 0; workshops != NULL && i < workshops->len; i++)
    {
      NvWorkshop *w = g_ptr_array_index (workshops, i);
      g_autofree char *date = nv_day_format_local (nv_day_parse_iso (w->date));
      g_autofree char *label = g_strdup_printf ("%s (%s)", nv_workshop_display_title (w), date);

      gtk_string_list_append (list, label);
      g_array_append_val (self->workshop_ids, w->id);
      if (w->id == selected)
        position = self->workshop_ids->len - 1;
    }
  adw_combo_row_set_model (self->workshop_row, G_LIST_MODEL (list));
  adw_combo_row_set_selected (self->workshop_row, position);
  /* Nothing to choose from: keep the form short. */
  gtk_widget_set_visible (GTK_WIDGET (self->workshop_row), self->workshop_ids->len > 1);
}

GtkWidget *
nv_measure_dialog_new (NvContext *context, gint64 unit_id, const NvMeasure *measure)
{
  NvMeasureDialog *self = g_object_new (NV_TYPE_MEASURE_DIALOG, NULL);
  g_autoptr (GtkStringList) themes = gtk_string_list_new (NULL);
  const char *const *ids = nv_measure_theme_ids ();
  guint theme_pos = 0;

  self->store = g_object_ref (nv_context_get_store (context));
  self->unit_id = unit_id;
  nv_date_entry_set_today (self->start_entry, nv_context_today (context));
  nv_date_entry_set_today (self->deadline_entry, nv_context_today (context));
  for (guint i = 0; ids[i] != NULL; i++)
    {
      gtk_string_list_append (themes, nv_measure_theme_label (ids[i]));
      if (measure != NULL && g_strcmp0 (measure->theme, ids[i]) == 0)
        theme_pos = i;
      else if (measure == NULL && g_strcmp0 (ids[i], "other") == 0)
        theme_pos = i;
    }
  adw_combo_row_set_model (self->theme_row, G_LIST_MODEL (themes));
  /* Theme names are long: the chosen one shows whole as the row's subtitle,
   * and the list wraps them instead of cutting them off. */
  {
    g_autoptr (GtkExpression) string = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL,
                                                                    "string");
    g_autoptr (GtkListItemFactory) list = nv_text_factory_new (string, FALSE);

    adw_combo_row_set_expression (self->theme_row, string);
    adw_combo_row_set_use_subtitle (self->theme_row, TRUE);
    adw_combo_row_set_list_factory (self->theme_row, list);
  }
  adw_combo_row_set_selected (self->theme_row, theme_pos);
  fill_workshops (self, measure != NULL ? measure->workshop_id : 0);

  if (measure != NULL)
    {
      self->measure_id = measure->id;
      self->row_version = measure->row_version;
      self->title_touched = TRUE;
      gtk_window_set_title (GTK_WINDOW (self), _("Edit Measure"));
      gtk_button_set_label (self->save_button, _("Save"));
      gtk_editable_set_text (GTK_EDITABLE (self->title_row), measure->title);
      gtk_editable_set_text (GTK_EDITABLE (self->owner_row), measure->owner);
      nv_date_entry_set_day (self->start_entry, measure->start);
      nv_date_entry_set_day (self->deadline_entry, measure->deadline);
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->description_view),
                                measure->description, -1);
    }
  else
    {
      gtk_window_set_title (GTK_WINDOW (self), _("New Measure"));
      nv_date_entry_set_day (self->start_entry, nv_context_today (context));
    }
  g_signal_connect_swapped (self->theme_row, "notify::selected", G_CALLBACK (changed_cb), self);
  g_signal_connect_swapped (self->workshop_row, "notify::selected", G_CALLBACK (changed_cb), self);
  changed_cb (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
  return GTK_WIDGET (self);
}

static void
nv_measure_dialog_dispose (GObject *object)
{
  NvMeasureDialog *self = NV_MEASURE_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->workshop_ids, g_array_unref);
  G_OBJECT_CLASS (nv_measure_dialog_parent_class)->dispose (object);
}

static void
nv_measure_dialog_class_init (NvMeasureDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nv_measure_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/naervaer/Naervaer/ui/nv-measure-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, NvMeasureDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, NvMeasureDialog, title_row);
  gtk_widget_class_bind_template_child (widget_class, NvMeasureDialog, owner_row);
  gtk_widget_class_bind_template_child (widget_class, NvMeasureDialog, start_row);
  gtk_widget_class_bind_template_child (widget_class, NvMeasureDialog, deadline_row);
  gtk_widget_class_bind_template_child (widget_class, NvMeasureDialog, theme_row);
  gtk_widget_class_bind_template_child (widget_class, NvMeasureDialog, workshop_row);
  gtk_widget_class_bind_template_child (widget_class, NvMeasureDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, NvMeasureDialog, description_view);
  gtk_widget_class_bind_template_callback (widget_class, changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
nv_measure_dialog_init (NvMeasureDialog *self)
{
  /* A screen reader says «dialog»; set on the instance: GTK 4.8 ignores
   * the role of a window subclass set on its class. */
  g_object_set (self, "accessible-role", GTK_ACCESSIBLE_ROLE_DIALOG, NULL);
  gtk_widget_init_template (GTK_WIDGET (self));
  self->workshop_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  self->start_entry = NV_DATE_ENTRY (nv_date_entry_new ());
  self->deadline_entry = NV_DATE_ENTRY (nv_date_entry_new ());
  gtk_widget_set_valign (GTK_WIDGET (self->start_entry), GTK_ALIGN_CENTER);
  gtk_widget_set_valign (GTK_WIDGET (self->deadline_entry), GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (self->start_row, GTK_WIDGET (self->start_entry));
  adw_action_row_add_suffix (self->deadline_row, GTK_WIDGET (self->deadline_entry));
  gtk_accessible_update_property (GTK_ACCESSIBLE (nv_date_entry_get_editable (self->start_entry)),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Start"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (nv_date_entry_get_editable (self->deadline_entry)),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Deadline"), -1);
  g_signal_connect_swapped (self->start_entry, "changed", G_CALLBACK (changed_cb), self);
  g_signal_connect_swapped (self->deadline_entry, "changed", G_CALLBACK (changed_cb), self);
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->description_view), "changed",
                            G_CALLBACK (changed_cb), self);
}
