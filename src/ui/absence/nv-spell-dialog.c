/* nv-spell-dialog.c — add, edit or end a sick-leave spell.
 *
 * The employee comes from the unit's roster (a spell for someone not on it
 * is refused anyway). Self-certified absence is always 100 %, so the grade is
 * fixed there. The core validates the whole spell against the roster and the
 * other spells as the user types.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-spell-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "nv-absence.h"
#include "nv-date-entry.h"
#include "nv-spell-dialog.h"
#include "nv-drop-down.h"

struct _NvSpellDialog
{
  NvFormDialog parent_instance;

  NvStore *store;
  NvDay today; /* by the context's clock */
  gint64 unit_id;
  NvSpellDialogMode mode;
  NvSpell *spell;        /* EDIT, END */
  GPtrArray *employees;  /* NvEmployee, in the order of the drop-down */
  GHashTable *former;    /* employee ids (gint64 *) of those who have left */

  GtkWidget *employee; /* GtkDropDown */
  GtkWidget *start;
  GtkWidget *end;
  GtkWidget *open;
  GtkWidget *self_type;
  GtkWidget *doctor_type;
  GtkWidget *grade;
  double doctor_grade; /* restored when switching back from self-certified */
};

G_DEFINE_FINAL_TYPE (NvSpellDialog, nv_spell_dialog, NV_TYPE_FORM_DIALOG)

static gint64
selected_employee (NvSpellDialog *self)
{
  guint i = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->employee));

  /* Item 0 is the «Choose…» placeholder. */
  if (self->employees == NULL || i == GTK_INVALID_LIST_POSITION || i == 0
      || i > self->employees->len)
    return 0;
  return ((NvEmployee *) g_ptr_array_index (self->employees, i - 1))->id;
}

static gboolean
check_date (NvFormDialog *dialog, const char *field, GtkWidget *entry, gboolean required)
{
  NvDateEntry *date = NV_DATE_ENTRY (entry);

  if (nv_date_entry_is_empty (date))
    {
      /* An empty field says nothing until the user has typed elsewhere. */
      return !required;
    }
  if (nv_date_entry_get_day (date) == NV_DAY_NONE)
    {
      nv_form_dialog_set_error (dialog, field,
                                _("Not a date. Write it as DD.MM.YYYY, for example 03.02.2025."));
      return FALSE;
    }
  return TRUE;
}

static void
read_spell (NvSpellDialog *self, NvSpell *spell)
{
  gboolean open = gtk_check_button_get_active (GTK_CHECK_BUTTON (self->open));

  *spell = (NvSpell) { 0 };
  if (self->spell != NULL)
    spell->id = self->spell->id;
  spell->employee_id = selected_employee (self);
  spell->start = nv_date_entry_get_day (NV_DATE_ENTRY (self->start));
  spell->end = open ? NV_DAY_NONE : nv_date_entry_get_day (NV_DATE_ENTRY (self->end));
  spell->type = gtk_check_button_get_active (GTK_CHECK_BUTTON (self->self_type)) ? NV_SPELL_SELF
                                                                                 : NV_SPELL_DOCTOR;
  spell->grade = gtk_spin_button_get_value (GTK_SPIN_BUTTON (self->grade));
}

static gboolean
nv_spell_dialog_validate (NvFormDialog *dialog)
{
  NvSpellDialog *self = NV_SPELL_DIALOG (dialog);
  g_autoptr (GError) error = NULL;
  const char *field = NULL;
  gboolean open = gtk_check_button_get_active (GTK_CHECK_BUTTON (self->open));
  gboolean ok = TRUE;
  NvSpell spell;

  if (self->employees == NULL || self->employees->len == 0)
    {
      nv_form_dialog_set_error (dialog, "employee",
                                _("Add the employee to the staff list first."));
      return FALSE;
    }
  if (selected_employee (self) == 0)
    {
      /* Say it once the user has started on the dates, not before. */
      if (!nv_date_entry_is_empty (NV_DATE_ENTRY (self->start)))
        nv_form_dialog_set_error (dialog, "employee", _("Choose who is off sick."));
      ok = FALSE;
    }
  if (!check_date (dialog, "start", self->start, TRUE))
    ok = FALSE;
  if (!open && !check_date (dialog, "end", self->end, TRUE))
    ok = FALSE;
  if (!ok)
    return FALSE;

  read_spell (self, &spell);
  if (!nv_grade_check (spell.grade, spell.type, &field, &error)
      || !nv_spell_validate (self->store, &spell, &field, &error))
    {
      nv_form_dialog_set_error (dialog, field != NULL ? field : "start", error->message);
      return FALSE;
    }
  return TRUE;
}

static gboolean
nv_spell_dialog_save (NvFormDialog *dialog, const char **field, GError **error)
{
  NvSpellDialog *self = NV_SPELL_DIALOG (dialog);
  NvSpell spell;

  read_spell (self, &spell);
  switch (self->mode)
    {
    case NV_SPELL_DIALOG_ADD:
      return nv_spell_add (self->store, spell.employee_id, spell.start, spell.end, spell.grade,
                           spell.type, field, error)
             != 0;
    case NV_SPELL_DIALOG_EDIT:
      return nv_spell_update (self->store, &spell, field, error);
    case NV_SPELL_DIALOG_END:
      return nv_spell_end (self->store, spell.id, spell.end, field, error);
    default:
      g_assert_not_reached ();
    }
}

static void
field_changed_cb (NvSpellDialog *self)
{
  nv_form_dialog_changed (NV_FORM_DIALOG (self));
}

static void
open_toggled_cb (NvSpellDialog *self)
{
  gboolean open = gtk_check_button_get_active (GTK_CHECK_BUTTON (self->open));

  gtk_widget_set_sensitive (self->end, !open && self->mode != NV_SPELL_DIALOG_END);
  if (self->mode == NV_SPELL_DIALOG_END)
    gtk_widget_set_sensitive (self->end, TRUE);
  nv_form_dialog_changed (NV_FORM_DIALOG (self));
}

static void
type_toggled_cb (NvSpellDialog *self)
{
  gboolean is_self = gtk_check_button_get_active (GTK_CHECK_BUTTON (self->self_type));
  GtkSpinButton *grade = GTK_SPIN_BUTTON (self->grade);

  if (is_self)
    {
      if (gtk_widget_get_sensitive (self->grade))
        self->doctor_grade = gtk_spin_button_get_value (grade);
      gtk_spin_button_set_value (grade, 100);
    }
  else if (!gtk_widget_get_sensitive (self->grade))
    gtk_spin_button_set_value (grade, self->doctor_grade);
  gtk_widget_set_sensitive (self->grade, !is_self && self->mode != NV_SPELL_DIALOG_END);
  nv_form_dialog_changed (NV_FORM_DIALOG (self));
}

static void
nv_spell_dialog_dispose (GObject *object)
{
  NvSpellDialog *self = NV_SPELL_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->spell, nv_spell_free);
  g_clear_pointer (&self->employees, g_ptr_array_unref);
  g_clear_pointer (&self->former, g_hash_table_unref);

  G_OBJECT_CLASS (nv_spell_dialog_parent_class)->dispose (object);
}

static void
nv_spell_dialog_class_init (NvSpellDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  NvFormDialogClass *form_class = NV_FORM_DIALOG_CLASS (klass);

  object_class->dispose = nv_spell_dialog_dispose;
  form_class->validate = nv_spell_dialog_validate;
  form_class->save = nv_spell_dialog_save;
}

static void
nv_spell_dialog_init (NvSpellDialog *self)
{
  self->doctor_grade = 100;
  self->former = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
}

/* Current (and upcoming) staff first, then those whose every period on the
 * staff list ended before today, marked «(former)»: two people with the
 * same initials, one who left, are told apart. */
static int
former_last (gconstpointer a, gconstpointer b, gpointer former)
{
  const NvEmployee *ea = *(NvEmployee *const *) a;
  const NvEmployee *eb = *(NvEmployee *const *) b;
  int fa = g_hash_table_contains (former, &ea->id);
  int fb = g_hash_table_contains (former, &eb->id);

  return fa != fb ? fa - fb : g_utf8_collate (ea->ref, eb->ref);
}

static void
sort_former_last (NvSpellDialog *self, NvStore *store)
{
  g_autoptr (GPtrArray) rows = nv_roster_list (store, self->unit_id, NULL);
  g_autoptr (GHashTable) staying = g_hash_table_new (g_int64_hash, g_int64_equal);

  for (guint i = 0; rows != NULL && i < rows->len; i++)
    {
      NvRosterRow *r = g_ptr_array_index (rows, i);
      if (r->to == NV_DAY_NONE || r->to >= self->today)
        g_hash_table_add (staying, &r->employee_id);
    }
  for (guint i = 0; rows != NULL && i < rows->len; i++)
    {
      NvRosterRow *r = g_ptr_array_index (rows, i);
      if (!g_hash_table_contains (staying, &r->employee_id))
        g_hash_table_add (self->former, g_memdup2 (&r->employee_id, sizeof (gint64)));
    }
  g_ptr_array_sort_with_data (self->employees, former_last, self->former);
}

static void
build_fields (NvSpellDialog *self)
{
  NvFormDialog *form = NV_FORM_DIALOG (self);
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);
  GtkWidget *box;

  gtk_string_list_append (names, _("Choose…"));
  for (guint i = 0; self->employees != NULL && i < self->employees->len; i++)
    {
      NvEmployee *e = g_ptr_array_index (self->employees, i);
      g_autofree char *name = NULL;

      if (g_hash_table_contains (self->former, &e->id))
        /* TRANSLATORS: an employee in the picker who has left the unit, «BM (former)» */
        name = g_strdup_printf (_("%s (former)"), e->ref);
      gtk_string_list_append (names, name != NULL ? name : e->ref);
    }
  self->employee = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (names)),
                                      gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL,
                                                                   "string"));
  nv_drop_down_set_search (GTK_DROP_DOWN (self->employee), TRUE);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->employee), 0);
  nv_form_dialog_add_field (form, "employee", _("_Employee"), self->employee, NULL);

  self->start = nv_date_entry_new ();
  nv_date_entry_set_today (NV_DATE_ENTRY (self->start), self->today);
  nv_form_dialog_add_field (form, "start", _("_First day"), self->start,
                            GTK_WIDGET (nv_date_entry_get_editable (NV_DATE_ENTRY (self->start))));
  self->end = nv_date_entry_new ();
  nv_date_entry_set_today (NV_DATE_ENTRY (self->end), self->today);
  nv_form_dialog_add_field (form, "end", _("_Last day"), self->end,
                            GTK_WIDGET (nv_date_entry_get_editable (NV_DATE_ENTRY (self->end))));
  self->open = gtk_check_button_new_with_mnemonic (_("_Still off sick (no last day yet)"));
  nv_form_dialog_add_wide (form, self->open);

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  self->self_type = gtk_check_button_new_with_mnemonic (_("Self-_certified"));
  self->doctor_type = gtk_check_button_new_with_mnemonic (_("_Doctor-certified"));
  gtk_check_button_set_group (GTK_CHECK_BUTTON (self->doctor_type),
                              GTK_CHECK_BUTTON (self->self_type));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (self->doctor_type), TRUE);
  gtk_box_append (GTK_BOX (box), self->self_type);
  gtk_box_append (GTK_BOX (box), self->doctor_type);
  nv_form_dialog_add_field (form, "type", _("Type"), box, self->self_type);

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  self->grade = gtk_spin_button_new_with_range (20, 100, 10);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->grade), 100);
  gtk_box_append (GTK_BOX (box), self->grade);
  gtk_box_append (GTK_BOX (box), gtk_label_new ("%"));
  nv_form_dialog_add_field (form, "grade", _("_Grade"), box, self->grade);
  nv_form_dialog_add_hint (form, _("Graded sick leave: the share of the position the person is "
                                   "away, 20–100 %. Self-certified absence is always 100 %."));

  g_signal_connect_swapped (self->employee, "notify::selected", G_CALLBACK (field_changed_cb),
                            self);
  g_signal_connect_swapped (self->start, "changed", G_CALLBACK (field_changed_cb), self);
  g_signal_connect_swapped (self->end, "changed", G_CALLBACK (field_changed_cb), self);
  g_signal_connect_swapped (self->open, "toggled", G_CALLBACK (open_toggled_cb), self);
  g_signal_connect_swapped (self->self_type, "toggled", G_CALLBACK (type_toggled_cb), self);
  g_signal_connect_swapped (self->grade, "value-changed", G_CALLBACK (field_changed_cb), self);
  gtk_text_set_activates_default (GTK_TEXT (gtk_editable_get_delegate (GTK_EDITABLE (self->grade))), TRUE);
}

static void
fill_from_spell (NvSpellDialog *self)
{
  for (guint i = 0; i < self->employees->len; i++)
    if (((NvEmployee *) g_ptr_array_index (self->employees, i))->id == self->spell->employee_id)
      gtk_drop_down_set_selected (GTK_DROP_DOWN (self->employee), i + 1);
  nv_date_entry_set_day (NV_DATE_ENTRY (self->start), self->spell->start);
  nv_date_entry_set_day (NV_DATE_ENTRY (self->end), self->spell->end);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (self->open), self->spell->end == NV_DAY_NONE);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (self->spell->type == NV_SPELL_SELF
                                                   ? self->self_type
                                                   : self->doctor_type),
                               TRUE);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->grade), self->spell->grade);
  self->doctor_grade = self->spell->grade;
}

NvSpellDialog *
nv_spell_dialog_new (GtkWindow *parent, NvContext *context, gint64 unit_id,
                     NvSpellDialogMode mode, gint64 spell_id)
{
  NvSpellDialog *self = g_object_new (NV_TYPE_SPELL_DIALOG, "transient-for", parent, NULL);
  NvFormDialog *form = NV_FORM_DIALOG (self);
  NvStore *store = nv_context_get_store (context);

  self->store = g_object_ref (store);
  self->today = nv_context_today (context);
  self->unit_id = unit_id;
  self->mode = mode;
  self->employees = nv_employee_list (store, unit_id, NULL);
  if (self->employees == NULL)
    self->employees = g_ptr_array_new_with_free_func ((GDestroyNotify) nv_employee_free);
  sort_former_last (self, store);
  if (mode != NV_SPELL_DIALOG_ADD)
    self->spell = nv_spell_get (store, spell_id, NULL);

  build_fields (self);

  if (mode != NV_SPELL_DIALOG_ADD && self->spell == NULL)
    {
      nv_form_dialog_set_heading (form, _("Not Found"),
                                  _("This sick leave has been deleted in the meantime."));
      nv_form_dialog_changed (form);
      return self;
    }

  switch (mode)
    {
    case NV_SPELL_DIALOG_ADD:
      nv_form_dialog_set_heading (form, _("Add Sick Leave"), NULL);
      nv_form_dialog_set_save_label (form, _("_Add"));
      if (self->employees->len == 1)
        gtk_drop_down_set_selected (GTK_DROP_DOWN (self->employee), 1);
      break;
    case NV_SPELL_DIALOG_EDIT:
      nv_form_dialog_set_heading (form, _("Edit Sick Leave"), NULL);
      fill_from_spell (self);
      break;
    case NV_SPELL_DIALOG_END:
      nv_form_dialog_set_heading (form, _("End Sick Leave"),
                                  _("Enter the last day of absence. The person is back at work "
                                    "the day after."));
      nv_form_dialog_set_save_label (form, _("_End Sick Leave"));
      fill_from_spell (self);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (self->open), FALSE);
      nv_date_entry_set_day (NV_DATE_ENTRY (self->end), NV_DAY_NONE);
      gtk_widget_set_sensitive (self->employee, FALSE);
      gtk_widget_set_sensitive (self->start, FALSE);
      gtk_widget_set_visible (self->open, FALSE);
      gtk_widget_set_sensitive (self->self_type, FALSE);
      gtk_widget_set_sensitive (self->doctor_type, FALSE);
      gtk_widget_set_sensitive (self->grade, FALSE);
      break;
    default:
      g_assert_not_reached ();
    }
  type_toggled_cb (self);
  open_toggled_cb (self);
  if (mode == NV_SPELL_DIALOG_END)
    gtk_widget_grab_focus (self->end);
  return self;
}

GtkWidget *
nv_spell_dialog_get_field (NvSpellDialog *self, const char *field)
{
  struct
  {
    const char *name;
    GtkWidget *widget;
  } fields[] = {
    { "employee", self->employee }, { "start", self->start }, { "end", self->end },
    { "open", self->open },         { "grade", self->grade }, { "self", self->self_type },
    { "doctor", self->doctor_type },
  };

  g_return_val_if_fail (NV_IS_SPELL_DIALOG (self), NULL);
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (g_strcmp0 (fields[i].name, field) == 0)
      return fields[i].widget;
  return NULL;
}
