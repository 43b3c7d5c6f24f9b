/* nv-followup-dialogs.c — mark a milestone done, and the privacy duties.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-followup-dialogs"

#include "config.h"

#include <glib/gi18n.h>

#include "nv-absence.h"
#include "nv-date-entry.h"
#include "nv-followup-dialogs.h"
#include "nv-drop-down.h"
#include "nv-privacy.h"
#include "nv-a11y.h"
#include "nv-toast.h"

static GtkWindow *
page_window (NvPage *page)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (page));
  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static AdwMessageDialog *
message_dialog (NvPage *page, const char *heading, const char *body)
{
  GtkWidget *dialog = nv_message_dialog_new (page_window (page), heading, body);
  return ADW_MESSAGE_DIALOG (dialog);
}

static void
toast_error (NvPage *page, const GError *error)
{
  nv_page_toast (page, error->message);
}

/* ---- Mark done / undo -------------------------------------------------- */

typedef struct
{
  NvStore *store;
  gint64 employee_id;
  NvDay case_start;
  char *milestone;
  char *employee_ref;
} UndoData;

static void
undo_data_free (gpointer data)
{
  UndoData *undo = data;

  g_clear_object (&undo->store);
  g_free (undo->milestone);
  g_free (undo->employee_ref);
  g_free (undo);
}

static UndoData *
undo_data_new (NvStore *store, const NvMilestone *m)
{
  UndoData *undo = g_new0 (UndoData, 1);

  undo->store = g_object_ref (store);
  undo->employee_id = m->employee_id;
  undo->case_start = m->case_start;
  undo->milestone = g_strdup (m->milestone);
  undo->employee_ref = g_strdup (m->employee_ref);
  return undo;
}

static void
toast_undo_clicked_cb (AdwToast *toast, UndoData *undo)
{
  g_autoptr (GError) error = NULL;

  if (!nv_followup_undo (undo->store, undo->employee_id, undo->case_start, undo->milestone,
                         &error))
    g_warning ("undo failed: %s", error->message);
}

/* @message, or @short_message when the toast would cut @message (a narrow
 * window): the Undo stays either way. */
static void
toast_with_undo (NvPage *page, const char *message, const char *short_message, UndoData *undo)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (page), ADW_TYPE_TOAST_OVERLAY);
  AdwToast *toast;

  if (overlay == NULL)
    {
      undo_data_free (undo);
      return;
    }
  if (!nv_toast_fits (overlay, message, _("_Undo"), -1))
    message = short_message;
  toast = adw_toast_new (message);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_timeout (toast, 8);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (toast_undo_clicked_cb), undo,
                         (GClosureNotify) (void (*) (void)) undo_data_free, 0);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

typedef struct
{
  NvPage *page;
  NvMilestone *milestone;
  NvDateEntry *date;
  GtkEditable *note;
  GtkLabel *problem;
} MarkDone;

static void
mark_done_free (gpointer data)
{
  MarkDone *md = data;

  g_clear_object (&md->page);
  nv_milestone_free (md->milestone);
  g_free (md);
}

static gboolean
mark_done_check (MarkDone *md, AdwMessageDialog *dialog)
{
  NvDay day = nv_date_entry_get_day (md->date);
  const char *problem = NULL;
  g_autofree char *start = nv_day_format_local (md->milestone->case_start);
  g_autofree char *text = NULL;

  if (nv_date_entry_is_empty (md->date))
    problem = _("Give the date the step was done.");
  else if (day == NV_DAY_NONE)
    problem = _("Not a date. Write it as DD.MM.YYYY.");
  else if (day > nv_page_today (md->page))
    problem = _("The date lies in the future.");
  else if (day < md->milestone->case_start)
    problem = text = g_strdup_printf (_("The date lies before the case started (%s)."), start);

  gtk_label_set_text (md->problem, problem != NULL ? problem : "");
  gtk_widget_set_visible (GTK_WIDGET (md->problem), problem != NULL);
  adw_message_dialog_set_response_enabled (dialog, "done", problem == NULL);
  return problem == NULL;
}

static void
mark_done_changed_cb (GtkEditable *editable, AdwMessageDialog *dialog)
{
  MarkDone *md = g_object_get_data (G_OBJECT (dialog), "mark-done");
  mark_done_check (md, dialog);
}

static void
mark_done_response_cb (AdwMessageDialog *dialog, const char *response, gpointer user_data)
{
  MarkDone *md = g_object_get_data (G_OBJECT (dialog), "mark-done");
  g_autoptr (GError) error = NULL;
  g_autofree char *message = NULL;
  NvStore *store = nv_page_get_store (md->page);

  if (g_strcmp0 (response, "done") != 0 || store == NULL || !mark_done_check (md, dialog))
    return;
  if (!nv_followup_mark_done (store, md->milestone->employee_id, md->milestone->case_start,
                              md->milestone->milestone, nv_date_entry_get_day (md->date),
                              gtk_editable_get_text (md->note), &error))
    {
      toast_error (md->page, error);
      return;
    }
  /* Translators: "Follow-up plan for AB marked as done" */
  message = g_strdup_printf (_("%s for %s marked as done"),
                             nv_milestone_title (md->milestone->milestone),
                             md->milestone->employee_ref);
  toast_with_undo (md->page, message, _("Marked as done"), undo_data_new (store, md->milestone));
}

static void
note_activate_cb (GtkWidget *entry, AdwMessageDialog *dialog)
{
  MarkDone *md = g_object_get_data (G_OBJECT (dialog), "mark-done");

  if (mark_done_check (md, dialog))
    adw_message_dialog_response (dialog, "done");
}

void
nv_followup_mark_done_dialog (NvPage *page, const NvMilestone *milestone)
{
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  g_autofree char *start = nv_day_format_local (milestone->case_start);
  g_autofree char *due = nv_day_format_local (milestone->due);
  MarkDone *md = g_new0 (MarkDone, 1);
  AdwMessageDialog *dialog;
  GtkWidget *box, *label, *note;

  md->page = g_object_ref (page);
  md->milestone = nv_milestone_copy (milestone);

  /* Translators: "Mark “Follow-up plan” as Done?" */
  heading = g_strdup_printf (_("Mark “%s” as Done?"), nv_milestone_title (milestone->milestone));
  /* Translators: employee, first day of the case, due date */
  body = g_strdup_printf (_("For %s, sick-listed since %s. Due date: %s."),
                          milestone->employee_ref, start, due);
  dialog = message_dialog (page, heading, body);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  label = gtk_label_new_with_mnemonic (_("Done _on"));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_box_append (GTK_BOX (box), label);
  md->date = NV_DATE_ENTRY (nv_date_entry_new ());
  nv_date_entry_set_today (md->date, nv_page_today (page));
  nv_date_entry_set_day (md->date, nv_page_today (page));
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), GTK_WIDGET (nv_date_entry_get_editable (md->date)));
  gtk_accessible_update_relation (GTK_ACCESSIBLE (nv_date_entry_get_editable (md->date)),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (md->date));

  md->problem = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (md->problem, 0);
  gtk_label_set_wrap (md->problem, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (md->problem), "error");
  gtk_widget_set_visible (GTK_WIDGET (md->problem), FALSE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (md->problem));

  label = gtk_label_new_with_mnemonic (_("_Note (optional)"));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_margin_top (label, 6);
  gtk_box_append (GTK_BOX (box), label);
  note = gtk_entry_new ();
  gtk_entry_set_max_length (GTK_ENTRY (note), 500);
  gtk_entry_set_placeholder_text (GTK_ENTRY (note), _("For example: plan sent to the GP"));
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), note);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (note), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                  label, NULL, -1);
  md->note = GTK_EDITABLE (note);
  gtk_box_append (GTK_BOX (box), note);

  label = gtk_label_new (_("Write no health details in the note: what was done is enough."));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, "caption");
  gtk_box_append (GTK_BOX (box), label);

  adw_message_dialog_set_extra_child (dialog, box);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "done", _("_Mark as Done"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "done", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "done");
  adw_message_dialog_set_close_response (dialog, "cancel");

  g_object_set_data_full (G_OBJECT (dialog), "mark-done", md, mark_done_free);
  g_signal_connect (nv_date_entry_get_editable (md->date), "changed",
                    G_CALLBACK (mark_done_changed_cb), dialog);
  g_signal_connect (note, "activate", G_CALLBACK (note_activate_cb), dialog);
  g_signal_connect (dialog, "response", G_CALLBACK (mark_done_response_cb), NULL);
  mark_done_check (md, dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
nv_followup_undo_done (NvPage *page, const NvMilestone *milestone)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *message = NULL;
  NvStore *store = nv_page_get_store (page);

  if (store == NULL)
    return;
  if (!nv_followup_undo (store, milestone->employee_id, milestone->case_start,
                         milestone->milestone, &error))
    {
      toast_error (page, error);
      return;
    }
  /* Translators: "Follow-up plan for AB is no longer marked as done" */
  message = g_strdup_printf (_("%s for %s is no longer marked as done"),
                             nv_milestone_title (milestone->milestone), milestone->employee_ref);
  nv_page_toast (page, message);
}

/* ---- Choosing an employee ---------------------------------------------- */

typedef void (*EmployeeChosen) (NvPage *page, const NvEmployee *employee);

typedef struct
{
  NvPage *page;
  GPtrArray *employees;
  GtkDropDown *dropdown;
  EmployeeChosen chosen;
  const char *response;
  gboolean erase; /* or export */
} Chooser;

static void
chooser_free (gpointer data)
{
  Chooser *chooser = data;

  g_clear_object (&chooser->page);
  g_clear_pointer (&chooser->employees, g_ptr_array_unref);
  g_free (chooser);
}

static const NvEmployee *
chooser_selected (Chooser *chooser)
{
  guint selected = gtk_drop_down_get_selected (chooser->dropdown);

  if (selected >= chooser->employees->len)
    return NULL;
  return g_ptr_array_index (chooser->employees, selected);
}

static void
chooser_selected_cb (GtkDropDown *dropdown, GParamSpec *pspec, AdwMessageDialog *dialog)
{
  Chooser *chooser = g_object_get_data (G_OBJECT (dialog), "chooser");
  const NvEmployee *employee = chooser_selected (chooser);
  g_autofree char *heading = NULL;

  if (employee == NULL)
    return;
  if (chooser->erase)
    heading = g_strdup_printf (_("Erase %s?"), employee->ref);
  else
    heading = g_strdup_printf (_("Export %s’s Data?"), employee->ref);
  adw_message_dialog_set_heading (dialog, heading);
}

static void
chooser_response_cb (AdwMessageDialog *dialog, const char *response, gpointer user_data)
{
  Chooser *chooser = g_object_get_data (G_OBJECT (dialog), "chooser");
  const NvEmployee *employee = chooser_selected (chooser);

  if (g_strcmp0 (response, chooser->response) == 0 && employee != NULL)
    chooser->chosen (chooser->page, employee);
}

/* An AdwMessageDialog with a drop-down of the unit's employees. */
static void
choose_employee (NvPage *page, gboolean erase, const char *body,
                 const char *response, const char *response_label,
                 AdwResponseAppearance appearance, EmployeeChosen chosen)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);
  NvStore *store = nv_page_get_store (page);
  AdwMessageDialog *dialog;
  Chooser *chooser;
  GtkWidget *box, *label;
  GPtrArray *employees;

  if (store == NULL || nv_page_get_unit_id (page) == 0)
    return;
  employees = nv_employee_list (store, nv_page_get_unit_id (page), &error);
  if (employees == NULL)
    {
      toast_error (page, error);
      return;
    }
  if (employees->len == 0)
    {
      g_ptr_array_unref (employees);
      nv_page_toast (page, _("No employees are registered in this unit"));
      return;
    }
  for (guint i = 0; i < employees->len; i++)
    gtk_string_list_append (names, ((NvEmployee *) g_ptr_array_index (employees, i))->ref);

  chooser = g_new0 (Chooser, 1);
  chooser->page = g_object_ref (page);
  chooser->employees = employees;
  chooser->chosen = chosen;
  chooser->response = response;
  chooser->erase = erase;

  dialog = message_dialog (page, NULL, body);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  label = gtk_label_new_with_mnemonic (_("_Employee"));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_box_append (GTK_BOX (box), label);
  chooser->dropdown = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (names)), NULL));
  nv_drop_down_set_search (chooser->dropdown, employees->len > 10);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), GTK_WIDGET (chooser->dropdown));
  gtk_accessible_update_property (GTK_ACCESSIBLE (chooser->dropdown),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Employee"), -1);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (chooser->dropdown));
  adw_message_dialog_set_extra_child (dialog, box);

  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), response, response_label,
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, response, appearance);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");

  g_object_set_data_full (G_OBJECT (dialog), "chooser", chooser, chooser_free);
  g_signal_connect (chooser->dropdown, "notify::selected", G_CALLBACK (chooser_selected_cb),
                    dialog);
  g_signal_connect (dialog, "response", G_CALLBACK (chooser_response_cb), NULL);
  chooser_selected_cb (chooser->dropdown, NULL, dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- Export ------------------------------------------------------------ */

typedef struct
{
  NvPage *page;
  gint64 employee_id;
  char *ref;
} Export;

static void
export_free (Export *export)
{
  g_clear_object (&export->page);
  g_free (export->ref);
  g_free (export);
}

static void
export_file_cb (GtkNativeDialog *native, int response, Export *export)
{
  g_autoptr (GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr (GError) error = NULL;
  NvStore *store = nv_page_get_store (export->page);

  if (response == GTK_RESPONSE_ACCEPT && store != NULL)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      path = file != NULL ? g_file_get_path (file) : NULL;
      if (path == NULL)
        nv_page_toast (export->page, _("Choose a file on this computer"));
      else if (!nv_privacy_export_employee (store, export->employee_id,
                                               nv_page_today (export->page), path, &error))
        toast_error (export->page, error);
      else
        {
          g_autofree char *base = g_path_get_basename (path);
          /* Translators: "AB’s data was saved in “naervaer-AB.txt”" */
          g_autofree char *message = g_strdup_printf (_("%s’s data was saved in “%s”"),
                                                      export->ref, base);
          nv_page_toast (export->page, message);
        }
    }
  export_free (export);
  g_object_unref (native);
}

static void
export_chosen (NvPage *page, const NvEmployee *employee)
{
  GtkFileChooserNative *native;
  g_autofree char *name = NULL;
  g_autofree char *safe = g_strdup (employee->ref);
  Export *export = g_new0 (Export, 1);

  g_strdelimit (safe, "/\\:*?\"<>| ", '-');
  export->page = g_object_ref (page);
  export->employee_id = employee->id;
  export->ref = g_strdup (employee->ref);

  native = gtk_file_chooser_native_new (_("Save Employee’s Data"), page_window (page),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  /* Translators: file name suggested for one employee's data; %s is the reference */
  name = g_strdup_printf (_("naervaer-data-%s.txt"), safe);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);
  g_signal_connect (native, "response", G_CALLBACK (export_file_cb), export);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

void
nv_followup_export_employee_dialog (NvPage *page)
{
  choose_employee (page, FALSE,
                   _("Everything Nærvær stores about the person — employment, absence spells and "
                     "follow-up steps with your notes — is written to a plain text file they can "
                     "read. Use it when an employee asks to see what is recorded about them. "
                     "Hand the file over safely: it holds health data."),
                   "export", _("_Choose File…"), ADW_RESPONSE_SUGGESTED, export_chosen);
}

/* ---- Erase ------------------------------------------------------------- */

static void
erase_chosen (NvPage *page, const NvEmployee *employee)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *message = NULL;
  NvErasedCounts counts = { 0 };
  NvStore *store = nv_page_get_store (page);

  if (store == NULL)
    return;
  if (!nv_privacy_erase_employee (store, employee->id, &counts, &error))
    {
      toast_error (page, error);
      return;
    }
  /* Translators: "AB was erased: 4 absence spells and 2 follow-up steps deleted" */
  message = g_strdup_printf (_("%s was erased: %u absence spells and %u follow-up steps deleted"),
                             employee->ref, counts.n_spells, counts.n_records);
  nv_page_toast (page, message);
}

void
nv_followup_erase_employee_dialog (NvPage *page)
{
  choose_employee (page, TRUE,
                   _("Every trace of the person is deleted for good: the reference, employment, "
                     "absence spells and follow-up steps. The unit’s figures for past periods "
                     "change, because this person no longer counts in them. This cannot be "
                     "undone — export the person’s data first if it may be needed."),
                   "erase", _("_Erase"), ADW_RESPONSE_DESTRUCTIVE, erase_chosen);
}

/* ---- Delete old cases -------------------------------------------------- */

typedef struct
{
  NvPage *page;
  int years;
} Retention;

static void
retention_free (gpointer data)
{
  Retention *retention = data;

  g_clear_object (&retention->page);
  g_free (retention);
}

static void
retention_response_cb (AdwMessageDialog *dialog, const char *response, Retention *retention)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *message = NULL;
  NvStore *store = nv_page_get_store (retention->page);
  guint n_cases = 0, n_spells = 0;

  if (g_strcmp0 (response, "delete") != 0 || store == NULL)
    return;
  if (!nv_privacy_delete_expired (store, retention->years, nv_page_today (retention->page), &n_cases, &n_spells,
                                  &error))
    {
      toast_error (retention->page, error);
      return;
    }
  message = g_strdup_printf (g_dngettext (NULL, "%u old case deleted", "%u old cases deleted",
                                          n_cases),
                             n_cases);
  nv_page_toast (retention->page, message);
}

static GtkWidget *
expired_list (GPtrArray *expired)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Cases to be deleted"), -1);
  for (guint i = 0; i < expired->len; i++)
    {
      const NvExpiredCase *c = g_ptr_array_index (expired, i);
      g_autofree char *start = nv_day_format_local (c->start);
      g_autofree char *end = nv_day_format_local (c->end);
      g_autofree char *title = g_strdup_printf ("%s · %s", c->unit_name, c->employee_ref);
      /* Translators: a case's first and last day */
      g_autofree char *subtitle = g_strdup_printf (_("%s – %s"), start, end);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 260);
  return scrolled;
}

void
nv_followup_delete_old_cases_dialog (NvPage *page, int years)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) expired = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  g_autofree char *cutoff = NULL;
  NvStore *store = nv_page_get_store (page);
  NvDay today = nv_page_today (page);
  AdwMessageDialog *dialog;
  Retention *retention;

  if (store == NULL)
    return;
  expired = nv_privacy_expired_cases (store, years, today, &error);
  if (expired == NULL)
    {
      toast_error (page, error);
      return;
    }
  cutoff = nv_day_format_local (nv_privacy_cutoff (today, years));

  if (expired->len == 0)
    {
      body = g_strdup_printf (g_dngettext (NULL,
                                           "No closed case ended more than %d year ago (before "
                                           "%s). Nothing needs to be deleted.",
                                           "No closed case ended more than %d years ago (before "
                                           "%s). Nothing needs to be deleted.",
                                           years),
                              years, cutoff);
      dialog = message_dialog (page, _("No Old Cases"), body);
      adw_message_dialog_add_response (dialog, "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  heading = g_strdup_printf (g_dngettext (NULL, "Delete %u Old Case?", "Delete %u Old Cases?",
                                          expired->len),
                             expired->len);
  body = g_strdup_printf (g_dngettext (NULL,
                                       "These cases, in every unit, ended more than %d year ago "
                                       "(before %s), the time you keep closed cases (see "
                                       "Preferences). Their absence spells and follow-up notes "
                                       "are deleted for good, and the figures for those years "
                                       "will no longer include them. Employment records stay.",
                                       "These cases, in every unit, ended more than %d years ago "
                                       "(before %s), the time you keep closed cases (see "
                                       "Preferences). Their absence spells and follow-up notes "
                                       "are deleted for good, and the figures for those years "
                                       "will no longer include them. Employment records stay.",
                                       years),
                          years, cutoff);
  dialog = message_dialog (page, heading, body);
  adw_message_dialog_set_extra_child (dialog, expired_list (expired));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "delete", _("_Delete"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");

  retention = g_new0 (Retention, 1);
  retention->page = g_object_ref (page);
  retention->years = years;
  g_signal_connect_data (dialog, "response", G_CALLBACK (retention_response_cb), retention,
                         (GClosureNotify) (void (*) (void)) retention_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}
