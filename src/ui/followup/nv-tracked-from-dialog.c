/* nv-tracked-from-dialog.c — set or clear the unit's «follow-up tracked
 * from» day (nv_followup_set_tracked_from()).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-followup-page"

#include "config.h"

#include <glib/gi18n.h>

#include "nv-date-entry.h"
#include "nv-followup.h"
#include "nv-tracked-from-dialog.h"

struct _NvTrackedFromDialog
{
  NvFormDialog parent_instance;

  NvStore *store;
  NvDay today; /* by the context's clock */
  gint64 unit_id;
  GtkWidget *date; /* NvDateEntry */
  GtkWidget *all;  /* GtkCheckButton: track every step */
};

G_DEFINE_FINAL_TYPE (NvTrackedFromDialog, nv_tracked_from_dialog, NV_TYPE_FORM_DIALOG)

static gboolean
nv_tracked_from_dialog_validate (NvFormDialog *dialog)
{
  NvTrackedFromDialog *self = NV_TRACKED_FROM_DIALOG (dialog);
  NvDateEntry *date = NV_DATE_ENTRY (self->date);
  gboolean all = gtk_check_button_get_active (GTK_CHECK_BUTTON (self->all));

  gtk_widget_set_sensitive (self->date, !all);
  nv_form_dialog_set_error (dialog, "from", NULL);
  if (all)
    return TRUE;
  if (nv_date_entry_is_empty (date))
    return FALSE;
  if (nv_date_entry_get_day (date) == NV_DAY_NONE)
    {
      nv_form_dialog_set_error (dialog, "from",
                                _("Not a date. Write it as DD.MM.YYYY, for example 03.02.2025."));
      return FALSE;
    }
  if (nv_date_entry_get_day (date) > self->today)
    {
      nv_form_dialog_set_error (dialog, "from", _("The date lies in the future."));
      return FALSE;
    }
  return TRUE;
}

static gboolean
nv_tracked_from_dialog_save (NvFormDialog *dialog, const char **field, GError **error)
{
  NvTrackedFromDialog *self = NV_TRACKED_FROM_DIALOG (dialog);
  NvDay day = gtk_check_button_get_active (GTK_CHECK_BUTTON (self->all))
                ? NV_DAY_NONE
                : nv_date_entry_get_day (NV_DATE_ENTRY (self->date));

  *field = "from";
  return nv_followup_set_tracked_from (self->store, self->unit_id, day, error);
}

static void
changed_cb (NvTrackedFromDialog *self)
{
  nv_form_dialog_changed (NV_FORM_DIALOG (self));
}

static void
nv_tracked_from_dialog_dispose (GObject *object)
{
  NvTrackedFromDialog *self = NV_TRACKED_FROM_DIALOG (object);

  g_clear_object (&self->store);
  G_OBJECT_CLASS (nv_tracked_from_dialog_parent_class)->dispose (object);
}

static void
nv_tracked_from_dialog_class_init (NvTrackedFromDialogClass *klass)
{
  NvFormDialogClass *form_class = NV_FORM_DIALOG_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = nv_tracked_from_dialog_dispose;
  form_class->validate = nv_tracked_from_dialog_validate;
  form_class->save = nv_tracked_from_dialog_save;
}

static void
nv_tracked_from_dialog_init (NvTrackedFromDialog *self)
{
}

NvTrackedFromDialog *
nv_tracked_from_dialog_new (GtkWindow *parent, NvContext *context, gint64 unit_id)
{
  NvTrackedFromDialog *self =
    g_object_new (NV_TYPE_TRACKED_FROM_DIALOG, "transient-for", parent, NULL);
  NvFormDialog *form = NV_FORM_DIALOG (self);
  NvStore *store = nv_context_get_store (context);
  NvDay current = NV_DAY_NONE;

  self->store = g_object_ref (store);
  self->today = nv_context_today (context);
  self->unit_id = unit_id;
  nv_followup_get_tracked_from (store, unit_id, &current, NULL);

  nv_form_dialog_set_heading (
    form, _("Follow-Up Tracked From"),
    _("Steps that fell due before this day are shown apart as not tracked: they are never "
      "counted as overdue and never reminded of. Importing earlier absence sets the import "
      "day, so old history is not taken for missed deadlines."));
  self->date = nv_date_entry_new ();
  nv_date_entry_set_today (NV_DATE_ENTRY (self->date), self->today);
  nv_date_entry_set_day (NV_DATE_ENTRY (self->date),
                         current != NV_DAY_NONE ? current : self->today);
  nv_form_dialog_add_field (form, "from", _("_Tracked from"), self->date,
                            GTK_WIDGET (nv_date_entry_get_editable (NV_DATE_ENTRY (self->date))));
  self->all = gtk_check_button_new_with_mnemonic (_("Track _every step, also of old cases"));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (self->all), current == NV_DAY_NONE);
  nv_form_dialog_add_wide (form, self->all);
  g_signal_connect_swapped (nv_date_entry_get_editable (NV_DATE_ENTRY (self->date)), "changed",
                            G_CALLBACK (changed_cb), self);
  g_signal_connect_swapped (self->all, "toggled", G_CALLBACK (changed_cb), self);
  nv_form_dialog_changed (form);
  return self;
}

GtkWidget *
nv_tracked_from_dialog_get_date (NvTrackedFromDialog *self)
{
  return self->date;
}

GtkWidget *
nv_tracked_from_dialog_get_all (NvTrackedFromDialog *self)
{
  return self->all;
}
