/* nv-monthly-dialog.c — enter or correct one month of HR figures.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-monthly-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "nv-absence.h"
#include "nv-monthly-dialog.h"

struct _NvMonthlyDialog
{
  NvFormDialog parent_instance;

  NvStore *store;
  gint64 unit_id;
  gboolean editing;
  GArray *existing; /* (year × 12 + month) of the unit's stored months */

  GtkWidget *month;
  GtkWidget *year;
  GtkWidget *contracted;
  GtkWidget *lost_self;
  GtkWidget *lost_doctor;
  GtkWidget *persons;
  GtkWidget *replace; /* "use these instead of the computed figures" */
};

G_DEFINE_FINAL_TYPE (NvMonthlyDialog, nv_monthly_dialog, NV_TYPE_FORM_DIALOG)

static const char *const month_names[] = {
  N_("January"), N_("February"), N_("March"),     N_("April"),   N_("May"),      N_("June"),
  N_("July"),    N_("August"),   N_("September"), N_("October"), N_("November"), N_("December"),
};

const char *
nv_month_name (int month)
{
  g_return_val_if_fail (month >= 1 && month <= 12, "");
  return _(month_names[month - 1]);
}

static void
read_monthly (NvMonthlyDialog *self, NvMonthly *m)
{
  *m = (NvMonthly) { 0 };
  m->unit_id = self->unit_id;
  m->year = gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (self->year));
  m->month = (int) gtk_drop_down_get_selected (GTK_DROP_DOWN (self->month)) + 1;
  m->contracted_days = gtk_spin_button_get_value (GTK_SPIN_BUTTON (self->contracted));
  m->lost_days_self = gtk_spin_button_get_value (GTK_SPIN_BUTTON (self->lost_self));
  m->lost_days_doctor = gtk_spin_button_get_value (GTK_SPIN_BUTTON (self->lost_doctor));
  m->persons = gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (self->persons));
}

static gboolean
nv_monthly_dialog_validate (NvFormDialog *dialog)
{
  NvMonthlyDialog *self = NV_MONTHLY_DIALOG (dialog);
  g_autoptr (GError) error = NULL;
  const char *field = NULL;
  NvMonthly m;

  read_monthly (self, &m);
  if (!self->editing)
    for (guint i = 0; i < self->existing->len; i++)
      if (g_array_index (self->existing, int, i) == m.year * 12 + m.month)
        {
          nv_form_dialog_set_error (dialog, "period",
                                    _("This month already has figures. Close this window and "
                                      "edit that month instead."));
          return FALSE;
        }
  if (!nv_monthly_validate (self->store, &m, &field, &error))
    {
      nv_form_dialog_set_error (dialog, field != NULL ? field : "period", error->message);
      return FALSE;
    }
  /* HR figures take the month over from the figures computed from the
   * spells: say so, and save only when the leader agrees. */
  {
    gboolean replaces = FALSE;
    nv_monthly_replaces_computed (self->store, self->unit_id, m.year, m.month, &replaces, NULL);
    gtk_widget_set_visible (self->replace, replaces);
    if (replaces && !gtk_check_button_get_active (GTK_CHECK_BUTTON (self->replace)))
      return FALSE;
  }
  return TRUE;
}

static gboolean
nv_monthly_dialog_save (NvFormDialog *dialog, const char **field, GError **error)
{
  NvMonthlyDialog *self = NV_MONTHLY_DIALOG (dialog);
  NvMonthly m;

  read_monthly (self, &m);
  return nv_monthly_upsert (self->store, &m, field, error);
}

static void
field_changed_cb (NvMonthlyDialog *self)
{
  nv_form_dialog_changed (NV_FORM_DIALOG (self));
}

static GtkWidget *
add_number (NvMonthlyDialog *self, const char *field, const char *label, double max, int digits)
{
  GtkWidget *spin = gtk_spin_button_new_with_range (0, max, 1);

  gtk_spin_button_set_digits (GTK_SPIN_BUTTON (spin), digits);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 0);
  gtk_widget_set_halign (spin, GTK_ALIGN_START);
  gtk_editable_set_width_chars (GTK_EDITABLE (spin), 10);
  nv_form_dialog_add_field (NV_FORM_DIALOG (self), field, label, spin, NULL);
  g_signal_connect_swapped (spin, "value-changed", G_CALLBACK (field_changed_cb), self);
  gtk_text_set_activates_default (GTK_TEXT (gtk_editable_get_delegate (GTK_EDITABLE (spin))), TRUE);
  return spin;
}

static void
nv_monthly_dialog_dispose (GObject *object)
{
  NvMonthlyDialog *self = NV_MONTHLY_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->existing, g_array_unref);

  G_OBJECT_CLASS (nv_monthly_dialog_parent_class)->dispose (object);
}

static void
nv_monthly_dialog_class_init (NvMonthlyDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  NvFormDialogClass *form_class = NV_FORM_DIALOG_CLASS (klass);

  object_class->dispose = nv_monthly_dialog_dispose;
  form_class->validate = nv_monthly_dialog_validate;
  form_class->save = nv_monthly_dialog_save;
}

static void
nv_monthly_dialog_init (NvMonthlyDialog *self)
{
  self->existing = g_array_new (FALSE, FALSE, sizeof (int));
}

NvMonthlyDialog *
nv_monthly_dialog_new (GtkWindow *parent, NvContext *context, gint64 unit_id, int year,
                       int month)
{
  NvStore *store = nv_context_get_store (context);
  NvMonthlyDialog *self = g_object_new (NV_TYPE_MONTHLY_DIALOG, "transient-for", parent, NULL);
  NvFormDialog *form = NV_FORM_DIALOG (self);
  g_autoptr (GPtrArray) stored = nv_monthly_list (store, unit_id, NULL);
  g_autoptr (GtkStringList) months = gtk_string_list_new (NULL);
  const NvMonthly *current = NULL;
  GtkWidget *box;
  int today_year, today_month, today_day;

  self->store = g_object_ref (store);
  self->unit_id = unit_id;
  self->editing = year != 0;

  for (guint i = 0; stored != NULL && i < stored->len; i++)
    {
      const NvMonthly *m = g_ptr_array_index (stored, i);
      int key = m->year * 12 + m->month;
      g_array_append_val (self->existing, key);
      if (m->year == year && m->month == month)
        current = m;
    }

  nv_form_dialog_set_heading (form, self->editing ? _("Edit Monthly Figures")
                                                  : _("Add Monthly Figures"),
                              _("Copy the figures for the unit from your HR system’s monthly "
                                "sick-leave report."));
  if (!self->editing)
    nv_form_dialog_set_save_label (form, _("_Add"));

  for (int i = 1; i <= 12; i++)
    gtk_string_list_append (months, nv_month_name (i));
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  self->month = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (months)), NULL);
  self->year = gtk_spin_button_new_with_range (NV_CALENDAR_FIRST_YEAR, NV_CALENDAR_LAST_YEAR, 1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->year), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Year"), -1);
  gtk_box_append (GTK_BOX (box), self->month);
  gtk_box_append (GTK_BOX (box), self->year);
  nv_form_dialog_add_field (form, "period", _("_Month"), box, self->month);

  /* A new month defaults to last month: the report HR has just sent. */
  nv_day_to_ymd (nv_context_today (context), &today_year, &today_month, &today_day);
  if (!self->editing)
    {
      year = today_month == 1 ? today_year - 1 : today_year;
      month = today_month == 1 ? 12 : today_month - 1;
    }
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->month), (guint) month - 1);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->year), year);

  self->contracted = add_number (self, "contracted_days", _("_Contracted days"), 1e7, 2);
  self->lost_self = add_number (self, "lost_days_self", _("Lost days, _self-certified"), 1e7, 2);
  self->lost_doctor =
    add_number (self, "lost_days_doctor", _("Lost days, _doctor-certified"), 1e7, 2);
  self->persons = add_number (self, "persons", _("_Persons"), 1e6, 0);

  self->replace = gtk_check_button_new_with_mnemonic (
    _("_Use these figures instead of the ones computed from the absence spells for this "
      "month"));
  gtk_widget_set_visible (self->replace, FALSE);
  gtk_label_set_wrap (GTK_LABEL (gtk_widget_get_last_child (self->replace)), TRUE);
  nv_form_dialog_add_wide (form, self->replace);
  g_signal_connect_swapped (self->replace, "toggled", G_CALLBACK (field_changed_cb), self);

  if (current != NULL)
    {
      gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->contracted), current->contracted_days);
      gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->lost_self), current->lost_days_self);
      gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->lost_doctor), current->lost_days_doctor);
      gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->persons), current->persons);
    }
  if (self->editing)
    {
      gtk_widget_set_sensitive (self->month, FALSE);
      gtk_widget_set_sensitive (self->year, FALSE);
    }

  g_signal_connect_swapped (self->month, "notify::selected", G_CALLBACK (field_changed_cb), self);
  g_signal_connect_swapped (self->year, "value-changed", G_CALLBACK (field_changed_cb), self);
  nv_form_dialog_changed (form);
  return self;
}

GtkWidget *
nv_monthly_dialog_get_field (NvMonthlyDialog *self, const char *field)
{
  struct
  {
    const char *name;
    GtkWidget *widget;
  } fields[] = {
    { "period", self->month },
    { "year", self->year },
    { "contracted_days", self->contracted },
    { "lost_days_self", self->lost_self },
    { "lost_days_doctor", self->lost_doctor },
    { "persons", self->persons },
    { "replace", self->replace },
  };

  g_return_val_if_fail (NV_IS_MONTHLY_DIALOG (self), NULL);
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (g_strcmp0 (fields[i].name, field) == 0)
      return fields[i].widget;
  return NULL;
}
