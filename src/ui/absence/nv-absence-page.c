/* nv-absence-page.c — the Absence section.
 *
 * Three parts behind a switcher: Staff (the roster), Sick Leave (spells) and
 * Monthly Figures from HR. Each is a plain table with a toolbar; the buttons
 * that act on a row follow the selection. Enter (or a double click) edits the
 * row, Delete asks before deleting it. An empty part says what belongs there
 * and offers to add or import it. Import and export live in nv-absence-io.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-absence-page"

#include "config.h"

#include <glib/gi18n.h>

#include "nv-absence-page-private.h"
#include "nv-absence.h"
#include "nv-format.h"
#include "nv-monthly-dialog.h"
#include "nv-roster-dialog.h"
#include "nv-spell-dialog.h"
#include "nv-table.h"
#include "nv-a11y.h"

struct _NvAbsencePage
{
  NvPage parent_instance;

  GListStore *roster;
  GListStore *spells;
  GListStore *monthly;
  GtkStringFilter *spells_filter;
  gboolean has_staff;
  gint64 loaded_unit;

  GtkStack *sections;
  GtkStack *roster_stack;
  GtkStack *spells_stack;
  GtkStack *monthly_stack;
  GtkColumnView *roster_view;
  GtkColumnView *spells_view;
  GtkColumnView *monthly_view;
  GtkLabel *roster_summary;
  GtkLabel *spells_summary;
  GtkLabel *monthly_summary;
  GtkSearchEntry *spells_search;
  AdwStatusPage *spells_empty;
};

G_DEFINE_FINAL_TYPE (NvAbsencePage, nv_absence_page, NV_TYPE_PAGE)

enum
{
  ROSTER_EMPLOYEE,
  ROSTER_FTE,
  ROSTER_FROM,
  ROSTER_TO,
  ROSTER_STATE,
};

enum
{
  SPELL_EMPLOYEE,
  SPELL_START,
  SPELL_END,
  SPELL_DAYS,
  SPELL_GRADE,
  SPELL_TYPE,
  SPELL_N_COLUMNS,
};

enum
{
  MONTH_PERIOD,
  MONTH_CONTRACTED,
  MONTH_SELF,
  MONTH_DOCTOR,
  MONTH_PERSONS,
  MONTH_PERCENT,
};

/* ---- Helpers ------------------------------------------------------------ */

static GtkWindow *
parent_window (NvAbsencePage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static char *
format_day (NvDay day)
{
  return day != NV_DAY_NONE ? nv_day_format_local (day) : g_strdup ("");
}

static char *
format_percent (double value)
{
  g_autofree char *number = nv_format_number (value, 1);
  return g_strconcat (number, "\u00a0%", NULL); /* no-break space, as nv-format */
}

/* A row of the spells table: the spell, and the day an ongoing one has
 * lasted until (today by the page's clock when the table was loaded). */
typedef struct
{
  NvSpell *spell;
  NvDay today;
} SpellRow;

static void
spell_row_free (SpellRow *row)
{
  nv_spell_free (row->spell);
  g_free (row);
}

/* A cell of the spells table (nv_table_item_new_lazy). */
static char *
format_spell (gconstpointer data, guint column)
{
  const SpellRow *row = data;
  const NvSpell *spell = row->spell;

  switch (column)
    {
    case SPELL_EMPLOYEE:
      return g_strdup (spell->employee_ref);
    case SPELL_START:
      return format_day (spell->start);
    case SPELL_END:
      return spell->end != NV_DAY_NONE ? format_day (spell->end) : g_strdup (_("ongoing"));
    case SPELL_DAYS:
      {
        NvDay last = spell->end != NV_DAY_NONE ? spell->end : MAX (row->today, spell->start);
        return g_strdup_printf ("%u", (guint) (last - spell->start + 1));
      }
    case SPELL_GRADE:
      return format_percent (spell->grade);
    case SPELL_TYPE:
    default:
      return g_strdup (nv_spell_type_label (spell->type));
    }
}

static gint64
selected_id (GtkColumnView *view)
{
  NvTableItem *item = nv_table_get_selected (view);
  return item != NULL ? nv_table_item_get_id (item) : 0;
}

static gpointer
selected_data (GtkColumnView *view)
{
  NvTableItem *item = nv_table_get_selected (view);
  return item != NULL ? nv_table_item_get_data (item) : NULL;
}

static NvSpell *
selected_spell (NvAbsencePage *self)
{
  SpellRow *row = selected_data (self->spells_view);
  return row != NULL ? row->spell : NULL;
}

static void
update_actions (NvAbsencePage *self)
{
  GtkWidget *w = GTK_WIDGET (self);
  gboolean unit = nv_page_get_unit_id (NV_PAGE (self)) != 0;
  NvRosterRow *row = selected_data (self->roster_view);
  NvSpell *spell = selected_spell (self);
  NvMonthly *month = selected_data (self->monthly_view);

  gtk_widget_action_set_enabled (w, "absence.add-employee", unit);
  gtk_widget_action_set_enabled (w, "absence.change-fte", row != NULL);
  gtk_widget_action_set_enabled (w, "absence.end-employment", row != NULL);
  gtk_widget_action_set_enabled (w, "absence.edit-roster", row != NULL);
  gtk_widget_action_set_enabled (w, "absence.delete-roster", row != NULL);
  gtk_widget_action_set_enabled (w, "absence.add-spell", unit && self->has_staff);
  gtk_widget_action_set_enabled (w, "absence.end-spell", spell != NULL && spell->end == 0);
  gtk_widget_action_set_enabled (w, "absence.edit-spell", spell != NULL);
  gtk_widget_action_set_enabled (w, "absence.delete-spell", spell != NULL);
  gtk_widget_action_set_enabled (w, "absence.add-month", unit);
  gtk_widget_action_set_enabled (w, "absence.edit-month", month != NULL);
  gtk_widget_action_set_enabled (w, "absence.delete-month", month != NULL);
  gtk_widget_action_set_enabled (w, "absence.import", unit);
  gtk_widget_action_set_enabled (w, "absence.export", unit);
}

static void
show_error (NvAbsencePage *self, const char *heading, const GError *error)
{
  GtkWidget *dialog = nv_message_dialog_new (parent_window (self), heading, error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- Loading ------------------------------------------------------------ */

static void
load_roster (NvAbsencePage *self, gint64 unit_id, NvDay today)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) rows = nv_roster_list (nv_page_get_store (NV_PAGE (self)), unit_id, &error);
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GHashTable) everyone = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr (GHashTable) working = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autofree char *summary = NULL;
  gint64 keep = selected_id (self->roster_view);

  if (rows == NULL)
    {
      nv_page_toast (NV_PAGE (self), error->message);
      rows = g_ptr_array_new ();
    }
  /* Staff who have left go below the others, as a group («Earlier», dimmed). */
  for (guint i = 0, n = rows->len; i < n;)
    {
      NvRosterRow *r = g_ptr_array_index (rows, i);
      if (r->to != NV_DAY_NONE && r->to < today && n-- > 0)
        g_ptr_array_add (rows, g_ptr_array_steal_index (rows, i));
      else
        i++;
    }
  for (guint i = 0; i < rows->len; i++)
    {
      NvRosterRow *row = g_ptr_array_index (rows, i);
      gboolean past = row->to != NV_DAY_NONE && row->to < today;
      gboolean future = row->from > today;
      char **texts = g_new0 (char *, 6);
      NvTableItem *item;

      texts[ROSTER_EMPLOYEE] = g_strdup (row->employee_ref);
      texts[ROSTER_FTE] = format_percent (row->fte);
      texts[ROSTER_FROM] = format_day (row->from);
      texts[ROSTER_TO] = row->to != NV_DAY_NONE ? format_day (row->to) : g_strdup (_("—"));
      texts[ROSTER_STATE] = g_strdup (past ? _("Earlier") : future ? _("Upcoming") : _("Now"));
      item = nv_table_item_new (row->id, texts, row->employee_ref, nv_roster_row_copy (row),
                                (GDestroyNotify) nv_roster_row_free);
      nv_table_item_set_dim (item, past);
      g_ptr_array_add (items, item);
      g_hash_table_add (everyone, &row->employee_id);
      if (!past && !future)
        g_hash_table_add (working, &row->employee_id);
    }
  g_list_store_splice (self->roster, 0, g_list_model_get_n_items (G_LIST_MODEL (self->roster)),
                       items->pdata, items->len);
  if (keep != 0)
    nv_table_select_id (self->roster_view, keep);

  self->has_staff = g_hash_table_size (everyone) > 0;
  summary = g_strdup_printf (
    /* TRANSLATORS: «12 employees, 10 at work now» */
    g_dngettext (GETTEXT_PACKAGE, "%u employee, %u employed today",
                 "%u employees, %u employed today", g_hash_table_size (everyone)),
    g_hash_table_size (everyone), g_hash_table_size (working));
  gtk_label_set_text (self->roster_summary, summary);
  gtk_stack_set_visible_child_name (self->roster_stack, rows->len > 0 ? "list" : "empty");
}

static void
load_spells (NvAbsencePage *self, gint64 unit_id, NvDay today)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) spells = nv_spell_list (nv_page_get_store (NV_PAGE (self)), unit_id,
                                                &error);
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *summary = NULL;
  gint64 keep = selected_id (self->spells_view);
  guint open = 0, n_spells;

  if (spells == NULL)
    {
      nv_page_toast (NV_PAGE (self), error->message);
      spells = g_ptr_array_new ();
    }
  /* Newest first: the leader works on what is going on now. The rows take
   * the spells over, and their cells are formatted only when shown. */
  for (guint i = 0; i < spells->len; i++)
    if (((NvSpell *) g_ptr_array_index (spells, i))->end == NV_DAY_NONE)
      open++;
  n_spells = spells->len;
  g_ptr_array_set_free_func (spells, NULL);
  for (guint i = n_spells; i-- > 0;)
    {
      SpellRow *row = g_new (SpellRow, 1);

      row->spell = g_ptr_array_index (spells, i);
      row->today = today;
      g_ptr_array_add (items, nv_table_item_new_lazy (row->spell->id, SPELL_N_COLUMNS, format_spell,
                                                      row->spell->employee_ref, row,
                                                      (GDestroyNotify) spell_row_free));
    }
  g_list_store_splice (self->spells, 0, g_list_model_get_n_items (G_LIST_MODEL (self->spells)),
                       items->pdata, items->len);
  if (keep != 0)
    nv_table_select_id (self->spells_view, keep);

  summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u period of sick leave, %u ongoing",
                                          "%u periods of sick leave, %u ongoing", n_spells),
                             n_spells, open);
  gtk_label_set_text (self->spells_summary, summary);
  gtk_stack_set_visible_child_name (self->spells_stack, n_spells > 0 ? "list" : "empty");
  adw_status_page_set_description (
    self->spells_empty,
    self->has_staff
      ? _("Record each period of sick leave with its dates, grade and whether it is "
          "self-certified or doctor-certified.")
      : _("Add the staff first: sick leave is recorded for someone on the staff list. You can "
          "also import both from your HR system."));
}

static void
load_monthly (NvAbsencePage *self, gint64 unit_id)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) months = nv_monthly_list (nv_page_get_store (NV_PAGE (self)), unit_id,
                                                  &error);
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *summary = NULL;
  gint64 keep = selected_id (self->monthly_view);

  if (months == NULL)
    {
      nv_page_toast (NV_PAGE (self), error->message);
      months = g_ptr_array_new ();
    }
  for (guint i = months->len; i-- > 0;)
    {
      NvMonthly *m = g_ptr_array_index (months, i);
      double lost = m->lost_days_self + m->lost_days_doctor;
      char **texts = g_new0 (char *, 7);
      NvMonthly *copy = g_new (NvMonthly, 1);

      *copy = *m;
      /* TRANSLATORS: month and year, «March 2025» */
      texts[MONTH_PERIOD] = g_strdup_printf (_("%s %d"), nv_month_name (m->month), m->year);
      /* One fixed decimal so the columns line up; the dialog shows all. */
      texts[MONTH_CONTRACTED] = nv_format_decimal (m->contracted_days, 1);
      texts[MONTH_SELF] = nv_format_decimal (m->lost_days_self, 1);
      texts[MONTH_DOCTOR] = nv_format_decimal (m->lost_days_doctor, 1);
      texts[MONTH_PERSONS] = g_strdup_printf ("%d", m->persons);
      texts[MONTH_PERCENT] = m->contracted_days > 0
                               ? nv_format_percent_sign (lost * 100 / m->contracted_days)
                               : g_strdup (_("—"));
      g_ptr_array_add (items, nv_table_item_new (m->year * 100 + m->month, texts, NULL, copy,
                                                 g_free));
    }
  g_list_store_splice (self->monthly, 0, g_list_model_get_n_items (G_LIST_MODEL (self->monthly)),
                       items->pdata, items->len);
  if (keep != 0)
    nv_table_select_id (self->monthly_view, keep);

  summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u month", "%u months", months->len),
                             months->len);
  gtk_label_set_text (self->monthly_summary, summary);
  gtk_stack_set_visible_child_name (self->monthly_stack, months->len > 0 ? "list" : "empty");
}

static void
nv_absence_page_reload (NvPage *page)
{
  NvAbsencePage *self = NV_ABSENCE_PAGE (page);
  gint64 unit_id = nv_page_get_unit_id (page);
  NvDay today = nv_page_today (page);

  if (nv_page_get_store (page) == NULL || unit_id == 0)
    {
      g_list_store_remove_all (self->roster);
      g_list_store_remove_all (self->spells);
      g_list_store_remove_all (self->monthly);
      self->has_staff = FALSE;
      update_actions (self);
      return;
    }
  /* Another unit: the filter typed for the last one means nothing here. */
  if (unit_id != self->loaded_unit)
    gtk_editable_set_text (GTK_EDITABLE (self->spells_search), "");
  self->loaded_unit = unit_id;
  load_roster (self, unit_id, today);
  load_spells (self, unit_id, today);
  load_monthly (self, unit_id);
  update_actions (self);
}

/* ---- Dialogs ------------------------------------------------------------ */

static void
dialog_saved_cb (NvFormDialog *dialog, NvAbsencePage *self)
{
  const char *message = g_object_get_data (G_OBJECT (dialog), "nv-toast");

  nv_page_reload (NV_PAGE (self));
  if (message != NULL)
    nv_page_toast (NV_PAGE (self), message);
}

static void
present_dialog (NvAbsencePage *self, gpointer dialog, const char *toast)
{
  g_object_set_data (G_OBJECT (dialog), "nv-toast", (gpointer) toast);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (dialog_saved_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
roster_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  NvAbsencePage *self = NV_ABSENCE_PAGE (widget);
  NvStore *store = nv_page_get_store (NV_PAGE (self));
  gint64 unit_id = nv_page_get_unit_id (NV_PAGE (self));
  NvRosterRow *row = selected_data (self->roster_view);

  if (store == NULL || unit_id == 0)
    return;
  if (g_str_equal (action_name, "absence.add-employee"))
    present_dialog (self,
                    nv_roster_dialog_new (parent_window (self), nv_page_get_context (NV_PAGE (self)), unit_id,
                                          NV_ROSTER_DIALOG_ADD, 0),
                    _("Employee added"));
  else if (row == NULL)
    return;
  else if (g_str_equal (action_name, "absence.change-fte"))
    present_dialog (self,
                    nv_roster_dialog_new (parent_window (self), nv_page_get_context (NV_PAGE (self)), unit_id,
                                          NV_ROSTER_DIALOG_CHANGE_FTE, row->employee_id),
                    _("FTE changed"));
  else if (g_str_equal (action_name, "absence.end-employment"))
    present_dialog (self,
                    nv_roster_dialog_new (parent_window (self), nv_page_get_context (NV_PAGE (self)), unit_id,
                                          NV_ROSTER_DIALOG_END, row->employee_id),
                    _("Employment ended"));
  else if (g_str_equal (action_name, "absence.edit-roster"))
    present_dialog (self,
                    nv_roster_dialog_new (parent_window (self), nv_page_get_context (NV_PAGE (self)), unit_id,
                                          NV_ROSTER_DIALOG_EDIT, row->id),
                    _("Roster row saved"));
}

static void
spell_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  NvAbsencePage *self = NV_ABSENCE_PAGE (widget);
  NvStore *store = nv_page_get_store (NV_PAGE (self));
  gint64 unit_id = nv_page_get_unit_id (NV_PAGE (self));
  NvSpell *spell = selected_spell (self);

  if (store == NULL || unit_id == 0)
    return;
  if (g_str_equal (action_name, "absence.add-spell"))
    present_dialog (self,
                    nv_spell_dialog_new (parent_window (self), nv_page_get_context (NV_PAGE (self)), unit_id,
                                         NV_SPELL_DIALOG_ADD, 0),
                    _("Sick leave added"));
  else if (spell == NULL)
    return;
  else if (g_str_equal (action_name, "absence.edit-spell"))
    present_dialog (self,
                    nv_spell_dialog_new (parent_window (self), nv_page_get_context (NV_PAGE (self)), unit_id,
                                         NV_SPELL_DIALOG_EDIT, spell->id),
                    _("Sick leave saved"));
  else if (g_str_equal (action_name, "absence.end-spell") && spell->end == NV_DAY_NONE)
    present_dialog (self,
                    nv_spell_dialog_new (parent_window (self), nv_page_get_context (NV_PAGE (self)), unit_id,
                                         NV_SPELL_DIALOG_END, spell->id),
                    _("Sick leave ended"));
}

static void
month_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  NvAbsencePage *self = NV_ABSENCE_PAGE (widget);
  NvStore *store = nv_page_get_store (NV_PAGE (self));
  gint64 unit_id = nv_page_get_unit_id (NV_PAGE (self));
  NvMonthly *month = selected_data (self->monthly_view);

  if (store == NULL || unit_id == 0)
    return;
  if (g_str_equal (action_name, "absence.add-month"))
    present_dialog (self, nv_monthly_dialog_new (parent_window (self), nv_page_get_context (NV_PAGE (self)), unit_id, 0, 0),
                    _("Monthly figures added"));
  else if (month != NULL && g_str_equal (action_name, "absence.edit-month"))
    present_dialog (self,
                    nv_monthly_dialog_new (parent_window (self), nv_page_get_context (NV_PAGE (self)), unit_id, month->year,
                                           month->month),
                    _("Monthly figures saved"));
}

/* ---- Deleting ----------------------------------------------------------- */

static void
delete_response_cb (AdwMessageDialog *dialog, const char *response, NvAbsencePage *self)
{
  NvStore *store = nv_page_get_store (NV_PAGE (self));
  const char *kind = g_object_get_data (G_OBJECT (dialog), "nv-kind");
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (dialog), "nv-id");
  g_autoptr (GError) error = NULL;
  gboolean ok = TRUE;

  if (g_strcmp0 (response, "delete") != 0 || store == NULL)
    return;

  if (g_str_equal (kind, "roster"))
    {
      gint64 employee_id = *(gint64 *) g_object_get_data (G_OBJECT (dialog), "nv-employee");
      ok = nv_roster_delete (store, id, &error);
      if (ok)
        {
          /* The last row gone (which needs the spells gone too): the person
           * leaves no trace, not even the reference. */
          g_autoptr (GPtrArray) left = nv_roster_list_employee (store, employee_id, NULL);
          if (left != NULL && left->len == 0)
            ok = nv_employee_erase (store, employee_id, &error);
        }
    }
  else if (g_str_equal (kind, "spells"))
    ok = nv_spell_delete (store, id, &error);
  else if (g_str_equal (kind, "monthly"))
    ok = nv_monthly_delete (store, nv_page_get_unit_id (NV_PAGE (self)), (int) (id / 100),
                            (int) (id % 100), &error);

  if (!ok)
    show_error (self, _("Not deleted"), error);
  else
    nv_page_toast (NV_PAGE (self), _("Deleted"));
  nv_page_reload (NV_PAGE (self));
}

static void
ask_delete (NvAbsencePage *self, const char *kind, gint64 id, gint64 employee_id,
            const char *heading, const char *body)
{
  GtkWidget *dialog = nv_message_dialog_new (parent_window (self), heading, body);
  gint64 *idp = g_new (gint64, 1);
  gint64 *employeep = g_new (gint64, 1);

  *idp = id;
  *employeep = employee_id;
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "delete",
                                    _("_Delete"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "nv-kind", (gpointer) kind);
  g_object_set_data_full (G_OBJECT (dialog), "nv-id", idp, g_free);
  g_object_set_data_full (G_OBJECT (dialog), "nv-employee", employeep, g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
delete_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  NvAbsencePage *self = NV_ABSENCE_PAGE (widget);
  g_autofree char *heading = NULL;

  if (g_str_equal (action_name, "absence.delete-roster"))
    {
      NvRosterRow *row = selected_data (self->roster_view);
      g_autofree char *from = NULL;
      if (row == NULL)
        return;
      from = format_day (row->from);
      heading = g_strdup_printf (_("Delete the row of %s from %s?"), row->employee_ref, from);
      ask_delete (self, "roster", row->id, row->employee_id, heading,
                  _("To record that someone has left, use End Employment instead. When this is "
                    "the person’s only row, they are removed from the staff list."));
    }
  else if (g_str_equal (action_name, "absence.delete-spell"))
    {
      NvSpell *spell = selected_spell (self);
      g_autofree char *from = NULL;
      if (spell == NULL)
        return;
      from = format_day (spell->start);
      heading = g_strdup_printf (_("Delete the sick leave of %s from %s?"), spell->employee_ref,
                                 from);
      ask_delete (self, "spells", spell->id, spell->employee_id, heading,
                  _("It is removed from the figures and from follow-up."));
    }
  else if (g_str_equal (action_name, "absence.delete-month"))
    {
      NvMonthly *m = selected_data (self->monthly_view);
      if (m == NULL)
        return;
      heading = g_strdup_printf (_("Delete the figures for %s %d?"), nv_month_name (m->month),
                                 m->year);
      ask_delete (self, "monthly", m->year * 100 + m->month, 0, heading,
                  _("The month is then computed from the roster and the sick leave again."));
    }
}

/* ---- Import and export -------------------------------------------------- */

static void
import_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  nv_absence_page_import (NV_ABSENCE_PAGE (widget), g_variant_get_string (param, NULL));
}

static void
export_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  nv_absence_page_export (NV_ABSENCE_PAGE (widget), g_variant_get_string (param, NULL));
}

/* ---- Tables ------------------------------------------------------------- */

static void
row_activated_cb (GtkColumnView *view, guint position, NvAbsencePage *self)
{
  const char *action = view == self->roster_view  ? "absence.edit-roster"
                       : view == self->spells_view ? "absence.edit-spell"
                                                   : "absence.edit-month";

  gtk_selection_model_select_item (gtk_column_view_get_model (view), position, TRUE);
  gtk_widget_activate_action (GTK_WIDGET (self), action, NULL);
}

static void
selection_changed_cb (NvAbsencePage *self)
{
  update_actions (self);
}

static void
search_changed_cb (GtkSearchEntry *entry, NvAbsencePage *self)
{
  gtk_string_filter_set_search (self->spells_filter,
                                gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static void
setup_view (NvAbsencePage *self, GtkColumnView *view, GListModel *model, const char *delete_action)
{
  GtkSingleSelection *selection = gtk_single_selection_new (model);
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();

  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_single_selection_set_can_unselect (selection, TRUE);
  gtk_single_selection_set_selected (selection, GTK_INVALID_LIST_POSITION);
  gtk_column_view_set_model (view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);
  g_signal_connect_swapped (selection, "notify::selected", G_CALLBACK (selection_changed_cb), self);
  g_signal_connect (view, "activate", G_CALLBACK (row_activated_cb), self);

  gtk_shortcut_controller_add_shortcut (
    GTK_SHORTCUT_CONTROLLER (shortcuts),
    gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Delete, 0),
                      gtk_named_action_new (delete_action)));
  gtk_shortcut_controller_add_shortcut (
    GTK_SHORTCUT_CONTROLLER (shortcuts),
    gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_KP_Delete, 0),
                      gtk_named_action_new (delete_action)));
  gtk_widget_add_controller (GTK_WIDGET (view), shortcuts);
}

static void
build_tables (NvAbsencePage *self)
{
  GtkFilterListModel *filtered;

  nv_table_add_column (self->roster_view, _("Employee"), ROSTER_EMPLOYEE, NV_TABLE_TEXT, TRUE);
  nv_table_add_column (self->roster_view, _("FTE"), ROSTER_FTE, NV_TABLE_NUMBER, FALSE);
  nv_table_add_column (self->roster_view, _("First Day"), ROSTER_FROM, NV_TABLE_NUMBER, FALSE);
  nv_table_add_column (self->roster_view, _("Last Day"), ROSTER_TO, NV_TABLE_NUMBER, FALSE);
  nv_table_add_column (self->roster_view, _("In Force"), ROSTER_STATE, NV_TABLE_TEXT, FALSE);
  setup_view (self, self->roster_view, G_LIST_MODEL (g_object_ref (self->roster)),
              "absence.delete-roster");

  nv_table_add_column (self->spells_view, _("Employee"), SPELL_EMPLOYEE, NV_TABLE_TEXT, TRUE);
  nv_table_add_column (self->spells_view, _("First Day"), SPELL_START, NV_TABLE_NUMBER, FALSE);
  nv_table_add_column (self->spells_view, _("Last Day"), SPELL_END, NV_TABLE_NUMBER, FALSE);
  nv_table_add_column (self->spells_view, _("Calendar Days"), SPELL_DAYS, NV_TABLE_NUMBER, FALSE);
  nv_table_add_column (self->spells_view, _("Grade"), SPELL_GRADE, NV_TABLE_NUMBER, FALSE);
  nv_table_add_column (self->spells_view, _("Type"), SPELL_TYPE, NV_TABLE_TEXT, FALSE);
  self->spells_filter = gtk_string_filter_new (
    gtk_property_expression_new (NV_TYPE_TABLE_ITEM, NULL, "search"));
  gtk_string_filter_set_match_mode (self->spells_filter, GTK_STRING_FILTER_MATCH_MODE_PREFIX);
  filtered = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->spells)),
                                        GTK_FILTER (g_object_ref (self->spells_filter)));
  setup_view (self, self->spells_view, G_LIST_MODEL (filtered), "absence.delete-spell");
  g_signal_connect (self->spells_search, "search-changed", G_CALLBACK (search_changed_cb), self);

  nv_table_add_column (self->monthly_view, _("Month"), MONTH_PERIOD, NV_TABLE_TEXT, TRUE);
  nv_table_add_column (self->monthly_view, _("Contracted Days"), MONTH_CONTRACTED,
                       NV_TABLE_NUMBER, FALSE);
  nv_table_add_column (self->monthly_view, _("Lost, Self-Certified"), MONTH_SELF,
                       NV_TABLE_NUMBER, FALSE);
  nv_table_add_column (self->monthly_view, _("Lost, Doctor-Certified"), MONTH_DOCTOR,
                       NV_TABLE_NUMBER, FALSE);
  nv_table_add_column (self->monthly_view, _("Persons"), MONTH_PERSONS, NV_TABLE_NUMBER, FALSE);
  nv_table_add_column (self->monthly_view, _("Sick Leave"), MONTH_PERCENT, NV_TABLE_NUMBER,
                       FALSE);
  setup_view (self, self->monthly_view, G_LIST_MODEL (g_object_ref (self->monthly)),
              "absence.delete-month");
}

/* ---- Public ------------------------------------------------------------- */

void
nv_absence_page_show_part (NvAbsencePage *self, const char *part)
{
  g_return_if_fail (NV_IS_ABSENCE_PAGE (self));
  if (gtk_stack_get_child_by_name (self->sections, part) != NULL)
    gtk_stack_set_visible_child_name (self->sections, part);
}

const char *
nv_absence_page_get_part (NvAbsencePage *self)
{
  g_return_val_if_fail (NV_IS_ABSENCE_PAGE (self), NULL);
  return gtk_stack_get_visible_child_name (self->sections);
}

GtkColumnView *
nv_absence_page_get_view (NvAbsencePage *self, const char *part)
{
  g_return_val_if_fail (NV_IS_ABSENCE_PAGE (self), NULL);
  if (g_strcmp0 (part, "roster") == 0)
    return self->roster_view;
  if (g_strcmp0 (part, "spells") == 0)
    return self->spells_view;
  if (g_strcmp0 (part, "monthly") == 0)
    return self->monthly_view;
  return NULL;
}

gboolean
nv_absence_page_is_empty (NvAbsencePage *self, const char *part)
{
  GtkStack *stack;

  g_return_val_if_fail (NV_IS_ABSENCE_PAGE (self), TRUE);
  stack = g_strcmp0 (part, "roster") == 0  ? self->roster_stack
          : g_strcmp0 (part, "spells") == 0 ? self->spells_stack
                                            : self->monthly_stack;
  return g_strcmp0 (gtk_stack_get_visible_child_name (stack), "empty") == 0;
}

/* ---- GObject ------------------------------------------------------------ */

static void
nv_absence_page_dispose (GObject *object)
{
  NvAbsencePage *self = NV_ABSENCE_PAGE (object);

  g_clear_object (&self->roster);
  g_clear_object (&self->spells);
  g_clear_object (&self->monthly);
  g_clear_object (&self->spells_filter);

  G_OBJECT_CLASS (nv_absence_page_parent_class)->dispose (object);
}

static void
nv_absence_page_class_init (NvAbsencePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  NvPageClass *page_class = NV_PAGE_CLASS (klass);
  static const char *const roster_actions[] = { "absence.add-employee", "absence.change-fte",
                                                "absence.end-employment", "absence.edit-roster" };
  static const char *const spell_actions[] = { "absence.add-spell", "absence.edit-spell",
                                               "absence.end-spell" };
  static const char *const delete_actions[] = { "absence.delete-roster", "absence.delete-spell",
                                                "absence.delete-month" };

  object_class->dispose = nv_absence_page_dispose;
  page_class->reload = nv_absence_page_reload;
  page_class->topics = NV_TOPIC_ABSENCE | NV_TOPIC_UNITS;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/naervaer/Naervaer/ui/nv-absence-page.ui");
  gtk_widget_class_bind_template_child (widget_class, NvAbsencePage, sections);
  gtk_widget_class_bind_template_child (widget_class, NvAbsencePage, roster_stack);
  gtk_widget_class_bind_template_child (widget_class, NvAbsencePage, spells_stack);
  gtk_widget_class_bind_template_child (widget_class, NvAbsencePage, monthly_stack);
  gtk_widget_class_bind_template_child (widget_class, NvAbsencePage, roster_view);
  gtk_widget_class_bind_template_child (widget_class, NvAbsencePage, spells_view);
  gtk_widget_class_bind_template_child (widget_class, NvAbsencePage, monthly_view);
  gtk_widget_class_bind_template_child (widget_class, NvAbsencePage, roster_summary);
  gtk_widget_class_bind_template_child (widget_class, NvAbsencePage, spells_summary);
  gtk_widget_class_bind_template_child (widget_class, NvAbsencePage, monthly_summary);
  gtk_widget_class_bind_template_child (widget_class, NvAbsencePage, spells_search);
  gtk_widget_class_bind_template_child (widget_class, NvAbsencePage, spells_empty);

  for (guint i = 0; i < G_N_ELEMENTS (roster_actions); i++)
    gtk_widget_class_install_action (widget_class, roster_actions[i], NULL, roster_action);
  for (guint i = 0; i < G_N_ELEMENTS (spell_actions); i++)
    gtk_widget_class_install_action (widget_class, spell_actions[i], NULL, spell_action);
  for (guint i = 0; i < G_N_ELEMENTS (delete_actions); i++)
    gtk_widget_class_install_action (widget_class, delete_actions[i], NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "absence.add-month", NULL, month_action);
  gtk_widget_class_install_action (widget_class, "absence.edit-month", NULL, month_action);
  gtk_widget_class_install_action (widget_class, "absence.import", "s", import_action);
  gtk_widget_class_install_action (widget_class, "absence.export", "s", export_action);
}

static void
nv_absence_page_init (NvAbsencePage *self)
{
  self->roster = g_list_store_new (NV_TYPE_TABLE_ITEM);
  self->spells = g_list_store_new (NV_TYPE_TABLE_ITEM);
  self->monthly = g_list_store_new (NV_TYPE_TABLE_ITEM);

  gtk_widget_init_template (GTK_WIDGET (self));
  nv_unfocus_flow_box_children (GTK_WIDGET (self));
  build_tables (self);
  update_actions (self);
}
