/* nv-roster-dialog.c — add an employee, change FTE, end employment, edit.
 *
 * Every check is the core's (nv-absence.h), run as the user types; the
 * message goes beside the field the core names.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-roster-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "nv-absence.h"
#include "nv-date-entry.h"
#include "nv-roster-dialog.h"

struct _NvRosterDialog
{
  NvFormDialog parent_instance;

  NvStore *store;
  NvDay today; /* by the context's clock */
  gint64 unit_id;
  NvRosterDialogMode mode;
  NvEmployee *employee; /* CHANGE_FTE, END, EDIT */
  NvRosterRow *row;     /* EDIT */

  GtkWidget *ref;  /* GtkEntry */
  GtkWidget *fte;  /* GtkSpinButton */
  GtkWidget *from; /* NvDateEntry */
  GtkWidget *to;   /* NvDateEntry */
};

G_DEFINE_FINAL_TYPE (NvRosterDialog, nv_roster_dialog, NV_TYPE_FORM_DIALOG)

/* Shared by the dialogs: a date field's own problem (empty or not a date). */
static gboolean
check_date (NvFormDialog *dialog, const char *field, GtkWidget *entry, gboolean required)
{
  NvDateEntry *date = NV_DATE_ENTRY (entry);

  if (nv_date_entry_is_empty (date))
    return !required; /* say nothing before the user has typed */
  if (nv_date_entry_get_day (date) == NV_DAY_NONE)
    {
      nv_form_dialog_set_error (dialog, field,
                                _("Not a date. Write it as DD.MM.YYYY, for example 03.02.2025."));
      return FALSE;
    }
  return TRUE;
}

static gboolean
show_core_error (NvFormDialog *dialog, const char *field, const char *fallback, GError *error)
{
  nv_form_dialog_set_error (dialog, field != NULL ? field : fallback, error->message);
  return FALSE;
}

static gboolean
nv_roster_dialog_validate (NvFormDialog *dialog)
{
  NvRosterDialog *self = NV_ROSTER_DIALOG (dialog);
  g_autoptr (GError) error = NULL;
  const char *field = NULL;
  double fte = self->fte != NULL ? gtk_spin_button_get_value (GTK_SPIN_BUTTON (self->fte)) : 0;
  gboolean ok = TRUE;

  if (self->mode == NV_ROSTER_DIALOG_ADD)
    {
      const char *ref = gtk_editable_get_text (GTK_EDITABLE (self->ref));
      if (*ref == '\0')
        ok = FALSE;
      else if (!nv_employee_ref_check (ref, &field, &error))
        ok = show_core_error (dialog, field, "employee", error);
    }
  g_clear_error (&error);
  if (self->fte != NULL && !nv_fte_check (fte, &field, &error))
    ok = show_core_error (dialog, field, "fte", error);
  g_clear_error (&error);
  if (self->from != NULL && !check_date (dialog, "from", self->from, TRUE))
    ok = FALSE;
  if (self->to != NULL
      && !check_date (dialog, "to", self->to, self->mode == NV_ROSTER_DIALOG_END))
    ok = FALSE;
  if (!ok)
    return FALSE;

  switch (self->mode)
    {
    case NV_ROSTER_DIALOG_ADD:
      {
        g_autoptr (NvEmployee) existing = NULL;
        NvRosterRow row = { 0 };

        row.fte = fte;
        row.from = nv_date_entry_get_day (NV_DATE_ENTRY (self->from));
        row.to = nv_date_entry_get_day (NV_DATE_ENTRY (self->to));
        if (row.to != NV_DAY_NONE && row.to < row.from)
          {
            nv_form_dialog_set_error (dialog, "to", _("The last day comes before the first day."));
            return FALSE;
          }
        /* A returning employee gets a new row; check it against the old ones. */
        existing = nv_employee_find (self->store, self->unit_id,
                                     gtk_editable_get_text (GTK_EDITABLE (self->ref)), NULL, NULL);
        if (existing == NULL)
          return TRUE;
        row.employee_id = existing->id;
        if (!nv_roster_validate (self->store, &row, &field, &error))
          return show_core_error (dialog, field, "from", error);
        return TRUE;
      }
    case NV_ROSTER_DIALOG_EDIT:
      {
        NvRosterRow row = *self->row;

        row.employee_ref = NULL;
        row.fte = fte;
        row.from = nv_date_entry_get_day (NV_DATE_ENTRY (self->from));
        row.to = nv_date_entry_get_day (NV_DATE_ENTRY (self->to));
        if (!nv_roster_validate (self->store, &row, &field, &error))
          return show_core_error (dialog, field, "from", error);
        return TRUE;
      }
    case NV_ROSTER_DIALOG_CHANGE_FTE:
    case NV_ROSTER_DIALOG_END:
      {
        NvDay day = nv_date_entry_get_day (NV_DATE_ENTRY (self->mode == NV_ROSTER_DIALOG_END
                                                            ? self->to
                                                            : self->from));
        if (nv_roster_fte_on (self->store, self->employee->id, day, NULL) <= 0)
          {
            nv_form_dialog_set_error (dialog, self->mode == NV_ROSTER_DIALOG_END ? "to" : "from",
                                      _("The employee is not employed on that day."));
            return FALSE;
          }
        return TRUE;
      }
    default:
      g_assert_not_reached ();
    }
}

static gboolean
nv_roster_dialog_save (NvFormDialog *dialog, const char **field, GError **error)
{
  NvRosterDialog *self = NV_ROSTER_DIALOG (dialog);
  double fte = self->fte != NULL ? gtk_spin_button_get_value (GTK_SPIN_BUTTON (self->fte)) : 0;
  NvDay from = self->from != NULL ? nv_date_entry_get_day (NV_DATE_ENTRY (self->from)) : 0;
  NvDay to = self->to != NULL ? nv_date_entry_get_day (NV_DATE_ENTRY (self->to)) : 0;

  switch (self->mode)
    {
    case NV_ROSTER_DIALOG_ADD:
      {
        g_autoptr (NvStoreTxn) txn = NULL;
        gint64 employee_id;

        /* A new employee and their first roster row, or neither. */
        txn = nv_store_txn_begin (self->store, NV_TOPIC_EMPLOYEES, error);
        if (txn == NULL)
          return FALSE;
        employee_id = nv_employee_ensure (self->store, self->unit_id,
                                          gtk_editable_get_text (GTK_EDITABLE (self->ref)), field,
                                          error);
        if (employee_id == 0
            || nv_roster_add (self->store, employee_id, fte, from, to, field, error) == 0)
          return FALSE;
        return nv_store_txn_commit (g_steal_pointer (&txn), error);
      }
    case NV_ROSTER_DIALOG_EDIT:
      {
        NvRosterRow row = *self->row;

        row.employee_ref = NULL;
        row.fte = fte;
        row.from = from;
        row.to = to;
        return nv_roster_update (self->store, &row, field, error);
      }
    case NV_ROSTER_DIALOG_CHANGE_FTE:
      return nv_roster_change_fte (self->store, self->employee->id, from, fte, field, error);
    case NV_ROSTER_DIALOG_END:
      return nv_roster_end_employment (self->store, self->employee->id, to, field, error);
    default:
      g_assert_not_reached ();
    }
}

static void
field_changed_cb (NvRosterDialog *self)
{
  nv_form_dialog_changed (NV_FORM_DIALOG (self));
}

static GtkWidget *
add_date (NvRosterDialog *self, const char *field, const char *label)
{
  GtkWidget *date = nv_date_entry_new ();

  nv_date_entry_set_today (NV_DATE_ENTRY (date), self->today);
  /* The label names the text entry itself (mnemonic, screen readers). */
  nv_form_dialog_add_field (NV_FORM_DIALOG (self), field, label, date,
                            GTK_WIDGET (nv_date_entry_get_editable (NV_DATE_ENTRY (date))));
  g_signal_connect_swapped (date, "changed", G_CALLBACK (field_changed_cb), self);
  return date;
}

static void
add_fte (NvRosterDialog *self, const char *label, double value)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  self->fte = gtk_spin_button_new_with_range (1, 100, 5);
  gtk_spin_button_set_digits (GTK_SPIN_BUTTON (self->fte), 1);
  gtk_editable_set_width_chars (GTK_EDITABLE (self->fte), 6);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->fte), value);
  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (self->fte), FALSE);
  gtk_box_append (GTK_BOX (box), self->fte);
  gtk_box_append (GTK_BOX (box), gtk_label_new ("%"));
  nv_form_dialog_add_field (NV_FORM_DIALOG (self), "fte", label, box, self->fte);
  g_signal_connect_swapped (self->fte, "value-changed", G_CALLBACK (field_changed_cb), self);
  gtk_text_set_activates_default (GTK_TEXT (gtk_editable_get_delegate (GTK_EDITABLE (self->fte))), TRUE);
}

static void
nv_roster_dialog_dispose (GObject *object)
{
  NvRosterDialog *self = NV_ROSTER_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->employee, nv_employee_free);
  g_clear_pointer (&self->row, nv_roster_row_free);

  G_OBJECT_CLASS (nv_roster_dialog_parent_class)->dispose (object);
}

static void
nv_roster_dialog_class_init (NvRosterDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  NvFormDialogClass *form_class = NV_FORM_DIALOG_CLASS (klass);

  object_class->dispose = nv_roster_dialog_dispose;
  form_class->validate = nv_roster_dialog_validate;
  form_class->save = nv_roster_dialog_save;
}

static void
nv_roster_dialog_init (NvRosterDialog *self)
{
}

NvRosterDialog *
nv_roster_dialog_new (GtkWindow *parent, NvContext *context, gint64 unit_id, NvRosterDialogMode mode,
                      gint64 id)
{
  NvRosterDialog *self = g_object_new (NV_TYPE_ROSTER_DIALOG, "transient-for", parent, NULL);
  NvFormDialog *form = NV_FORM_DIALOG (self);
  g_autofree char *description = NULL;

  self->store = g_object_ref (nv_context_get_store (context));
  self->today = nv_context_today (context);
  self->unit_id = unit_id;
  self->mode = mode;

  if (mode == NV_ROSTER_DIALOG_EDIT)
    {
      g_autoptr (GPtrArray) rows = nv_roster_list (self->store, unit_id, NULL);
      for (guint i = 0; rows != NULL && i < rows->len; i++)
        {
          NvRosterRow *row = g_ptr_array_index (rows, i);
          if (row->id == id)
            self->row = nv_roster_row_copy (row);
        }
      if (self->row != NULL)
        id = self->row->employee_id;
    }
  if (mode != NV_ROSTER_DIALOG_ADD)
    self->employee = nv_employee_get (self->store, id, NULL);
  if (mode != NV_ROSTER_DIALOG_ADD
      && (self->employee == NULL || (mode == NV_ROSTER_DIALOG_EDIT && self->row == NULL)))
    {
      /* The row vanished under us (deleted elsewhere): nothing to edit. */
      nv_form_dialog_set_heading (form, _("Not Found"),
                                  _("This employee is no longer on the roster."));
      nv_form_dialog_changed (form);
      return self;
    }

  switch (mode)
    {
    case NV_ROSTER_DIALOG_ADD:
      nv_form_dialog_set_heading (form, _("Add Employee"),
                                  _("Use initials or a staff number that you recognise. Never "
                                    "a national identity number."));
      nv_form_dialog_set_save_label (form, _("_Add"));
      self->ref = gtk_entry_new ();
      gtk_entry_set_placeholder_text (GTK_ENTRY (self->ref), _("Initials or staff number"));
      gtk_entry_set_activates_default (GTK_ENTRY (self->ref), TRUE);
      gtk_entry_set_max_length (GTK_ENTRY (self->ref), 40);
      nv_form_dialog_add_field (form, "employee", _("_Employee"), self->ref, NULL);
      g_signal_connect_swapped (self->ref, "changed", G_CALLBACK (field_changed_cb), self);
      add_fte (self, _("F_TE"), 100);
      self->from = add_date (self, "from", _("_First day"));
      self->to = add_date (self, "to", _("_Last day"));
      nv_form_dialog_add_hint (form, _("Leave the last day empty while the person works here."));
      break;
    case NV_ROSTER_DIALOG_CHANGE_FTE:
      description = g_strdup_printf (_("%s gets a new FTE from the day you choose. The "
                                       "earlier FTE stays in the figures before that day."),
                                     self->employee->ref);
      nv_form_dialog_set_heading (form, _("Change FTE"), description);
      self->from = add_date (self, "from", _("_From"));
      add_fte (self, _("New _FTE"),
               nv_roster_fte_on (self->store, self->employee->id, self->today, NULL) > 0
                 ? nv_roster_fte_on (self->store, self->employee->id, self->today, NULL)
                 : 100);
      break;
    case NV_ROSTER_DIALOG_END:
      description = g_strdup_printf (_("The last working day of %s in the unit. Figures after "
                                       "this day no longer count them."),
                                     self->employee->ref);
      nv_form_dialog_set_heading (form, _("End Employment"), description);
      nv_form_dialog_set_save_label (form, _("_End Employment"));
      self->to = add_date (self, "to", _("_Last day"));
      break;
    case NV_ROSTER_DIALOG_EDIT:
      description = g_strdup_printf (_("Correct a row of the roster for %s."),
                                     self->employee->ref);
      nv_form_dialog_set_heading (form, _("Edit Roster Row"), description);
      add_fte (self, _("F_TE"), self->row->fte);
      self->from = add_date (self, "from", _("_First day"));
      self->to = add_date (self, "to", _("_Last day"));
      nv_date_entry_set_day (NV_DATE_ENTRY (self->from), self->row->from);
      nv_date_entry_set_day (NV_DATE_ENTRY (self->to), self->row->to);
      break;
    default:
      g_assert_not_reached ();
    }

  nv_form_dialog_changed (form);
  return self;
}

GtkWidget *
nv_roster_dialog_get_field (NvRosterDialog *self, const char *field)
{
  g_return_val_if_fail (NV_IS_ROSTER_DIALOG (self), NULL);
  if (g_strcmp0 (field, "employee") == 0)
    return self->ref;
  if (g_strcmp0 (field, "fte") == 0)
    return self->fte;
  if (g_strcmp0 (field, "from") == 0)
    return self->from;
  if (g_strcmp0 (field, "to") == 0)
    return self->to;
  return NULL;
}
