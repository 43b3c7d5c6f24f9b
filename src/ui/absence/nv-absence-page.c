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
#include "nv-format.h"
#include "nv-monthly-dialog.h"
#include "nv-roster-dialog.h"
#include "nv-spell-dialog.h"
#include "nv-a11y.h"

G_DEFINE_FINAL_TYPE (NvAbsencePage, nv_absence_page, NV_TYPE_PAGE)

/* ---- Helpers ------------------------------------------------------------ */

static GtkWindow *
parent_window (NvAbsencePage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

void
nv_absence_page_update_actions (NvAbsencePage *self)
{
  GtkWidget *w = GTK_WIDGET (self);
  gboolean unit = nv_page_get_unit_id (NV_PAGE (self)) != 0;
  NvRosterRow *row = nv_absence_selected_data (self->roster_view);
  NvSpell *spell = nv_absence_selected_spell (self);
  NvMonthly *month = nv_absence_selected_data (self->monthly_view);

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

static void
nv_absence_page_reload (NvPage *page)
{
  NvAbsencePage *self = NV_ABSENCE_PAGE (page);
  gint64 unit_id = nv_page_get_unit_id (page);
  NvDay today = nv_page_today (page);

  if (nv_page_get_store (page) == NULL || unit_id == 0)
    {
      g_list_store_remove_all (self->roster);
      nv_absence_clear_spells (self);
      g_list_store_remove_all (self->monthly);
      self->has_staff = FALSE;
      nv_absence_page_update_actions (self);
      return;
    }
  /* Another unit: the filter typed for the last one means nothing here. */
  if (unit_id != self->loaded_unit)
    gtk_editable_set_text (GTK_EDITABLE (self->spells_search), "");
  self->loaded_unit = unit_id;
  nv_absence_load_roster (self, unit_id, today);
  nv_absence_load_monthly (self, unit_id);
  /* The sick leave (100 000 spells in a big unit) when it is shown. */
  self->spells_stale = TRUE;
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->sections), "spells") == 0)
    nv_absence_ensure_spells (self);
  nv_absence_page_update_actions (self);
}

static void
visible_part_changed_cb (NvAbsencePage *self)
{
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->sections), "spells") == 0)
    nv_absence_ensure_spells (self);
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
  NvRosterRow *row = nv_absence_selected_data (self->roster_view);

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
  NvSpell *spell = nv_absence_selected_spell (self);

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
  NvMonthly *month = nv_absence_selected_data (self->monthly_view);

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
  nv_message_dialog_add_cancel_and (ADW_MESSAGE_DIALOG (dialog), _("_Cancel"), "delete",
                                    _("_Delete"), ADW_RESPONSE_DESTRUCTIVE, "cancel");
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
      NvRosterRow *row = nv_absence_selected_data (self->roster_view);
      g_autofree char *from = NULL;
      if (row == NULL)
        return;
      from = nv_absence_format_day (row->from);
      heading = g_strdup_printf (_("Delete the row of %s from %s?"), row->employee_ref, from);
      ask_delete (self, "roster", row->id, row->employee_id, heading,
                  _("To record that someone has left, use End Employment instead. When this is "
                    "the person’s only row, they are removed from the staff list."));
    }
  else if (g_str_equal (action_name, "absence.delete-spell"))
    {
      NvSpell *spell = nv_absence_selected_spell (self);
      g_autofree char *from = NULL;
      if (spell == NULL)
        return;
      from = nv_absence_format_day (spell->start);
      heading = g_strdup_printf (_("Delete the sick leave of %s from %s?"), spell->employee_ref,
                                 from);
      ask_delete (self, "spells", spell->id, spell->employee_id, heading,
                  _("It is removed from the figures and from follow-up."));
    }
  else if (g_str_equal (action_name, "absence.delete-month"))
    {
      NvMonthly *m = nv_absence_selected_data (self->monthly_view);
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
    {
      nv_absence_ensure_spells (self);
      return self->spells_view;
    }
  if (g_strcmp0 (part, "monthly") == 0)
    return self->monthly_view;
  return NULL;
}

gboolean
nv_absence_page_is_empty (NvAbsencePage *self, const char *part)
{
  GtkStack *stack;

  g_return_val_if_fail (NV_IS_ABSENCE_PAGE (self), TRUE);
  if (g_strcmp0 (part, "spells") == 0)
    nv_absence_ensure_spells (self);
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
  self->spells = nv_absence_spell_rows_new ();
  self->monthly = g_list_store_new (NV_TYPE_TABLE_ITEM);

  gtk_widget_init_template (GTK_WIDGET (self));
  nv_unfocus_flow_box_children (GTK_WIDGET (self));
  nv_absence_build_tables (self);
  nv_absence_page_update_actions (self);
  g_signal_connect_swapped (self->sections, "notify::visible-child-name",
                            G_CALLBACK (visible_part_changed_cb), self);
}
