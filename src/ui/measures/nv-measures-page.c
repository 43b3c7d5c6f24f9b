/* nv-measures-page.c — the Measures section: the unit's register of what it
 * does about absence, with filters, search, one-click status changes,
 * overdue badges, evaluation and CSV export.
 *
 * Filtering, searching and sorting are done by the core (nv_measure_list),
 * so the page and naervaer-cli always agree.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-measures-page"

#include "config.h"

#include <glib/gi18n.h>

#include "nv-error-label.h"
#include "nv-measure-detail.h"
#include "nv-measure-dialog.h"
#include "nv-measure-row.h"
#include "nv-measures-page.h"
#include "nv-unit.h"
#include "nv-a11y.h"

struct _NvMeasuresPage
{
  NvPage parent_instance;

  GtkStack *stack;
  AdwStatusPage *empty;
  GtkSearchEntry *search_entry;
  GtkDropDown *status_dropdown;
  GtkDropDown *theme_dropdown;
  GtkToggleButton *overdue_toggle;
  GtkDropDown *sort_dropdown;
  GtkLabel *count_label;
  GtkStack *list_stack;
  GtkListBox *list_box;
  AdwStatusPage *no_match;

  gint64 focus_id; /* the measure last acted on, focused again after a reload */
};

G_DEFINE_FINAL_TYPE (NvMeasuresPage, nv_measures_page, NV_TYPE_PAGE)

/* Status filter entries, in the order of the drop-down. */
static const guint status_masks[] = {
  0,
  (1u << NV_MEASURE_PLANNED) | (1u << NV_MEASURE_IN_PROGRESS),
  1u << NV_MEASURE_PLANNED,
  1u << NV_MEASURE_IN_PROGRESS,
  1u << NV_MEASURE_DONE,
  1u << NV_MEASURE_DISCONTINUED,
};

static const NvMeasureSort sorts[] = {
  NV_MEASURE_SORT_ATTENTION, NV_MEASURE_SORT_DEADLINE, NV_MEASURE_SORT_START, NV_MEASURE_SORT_TITLE,
  NV_MEASURE_SORT_STATUS,   NV_MEASURE_SORT_THEME, NV_MEASURE_SORT_OWNER,
};

static GtkWindow *
page_window (NvMeasuresPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
show_error (NvMeasuresPage *self, const char *heading, const GError *error)
{
  nv_error_alert_show (page_window (self), heading, error->message);
}

static const char *
selected_theme (NvMeasuresPage *self)
{
  guint pos = gtk_drop_down_get_selected (self->theme_dropdown);
  const char *const *themes = nv_measure_theme_ids ();

  if (pos == 0 || pos == GTK_INVALID_LIST_POSITION || pos > g_strv_length ((char **) themes))
    return NULL;
  return themes[pos - 1];
}

static void
focus_row (NvMeasuresPage *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (NV_IS_MEASURE_ROW (child) &&
        nv_measure_row_get_measure (NV_MEASURE_ROW (child))->id == self->focus_id)
      {
        gtk_widget_grab_focus (child);
        return;
      }
}

static void row_action_cb (NvMeasureRow *row, const char *action, NvMeasuresPage *self);

static void
nv_measures_page_reload (NvPage *page)
{
  NvMeasuresPage *self = NV_MEASURES_PAGE (page);
  NvStore *store = nv_page_get_store (page);
  gint64 unit_id = nv_page_get_unit_id (page);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) all = NULL;
  g_autoptr (GPtrArray) shown = NULL;
  g_autofree char *overdue_label = NULL;
  g_autofree char *count = NULL;
  NvMeasureQuery query;
  NvDay today = nv_page_today (NV_PAGE (self));
  guint n_overdue = 0;
  guint status_pos;
  guint sort_pos;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box))) != NULL)
    gtk_list_box_remove (self->list_box, child);

  if (store == NULL || unit_id == 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  all = nv_measure_list (store, unit_id, NULL, &error);
  if (all == NULL)
    {
      if (nv_store_error_is_offline (error))
        g_debug ("Could not list measures: %s", error->message);
      else
        g_warning ("Could not list measures: %s", error->message);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  if (all->len == 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  for (guint i = 0; i < all->len; i++)
    if (nv_measure_is_overdue (g_ptr_array_index (all, i), today))
      n_overdue++;
  if (n_overdue > 0)
    /* Translators: the overdue filter button with the number of overdue measures */
    overdue_label = g_strdup_printf (_("Overdue (%u)"), n_overdue);
  else
    /* TRANSLATORS: measures past their deadline, as «Overdue (%u)» and the
     * measure's badge «Overdue · 19 days» say it (nb «Over fristen») */
    overdue_label = g_strdup (C_("measures", "Overdue"));
  gtk_button_set_label (GTK_BUTTON (self->overdue_toggle), overdue_label);

  nv_measure_query_init (&query);
  status_pos = gtk_drop_down_get_selected (self->status_dropdown);
  if (status_pos < G_N_ELEMENTS (status_masks))
    query.status_mask = status_masks[status_pos];
  query.theme = selected_theme (self);
  query.overdue_only = gtk_toggle_button_get_active (self->overdue_toggle);
  query.search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  sort_pos = gtk_drop_down_get_selected (self->sort_dropdown);
  query.sort = sort_pos < G_N_ELEMENTS (sorts) ? sorts[sort_pos] : NV_MEASURE_SORT_ATTENTION;
  query.as_of = today;
  shown = nv_measure_list (store, unit_id, &query, &error);
  if (shown == NULL)
    {
      if (nv_store_error_is_offline (error))
        g_debug ("Could not list measures: %s", error->message);
      else
        g_warning ("Could not list measures: %s", error->message);
      return;
    }

  gtk_stack_set_visible_child_name (self->stack, "list");
  for (guint i = 0; i < shown->len; i++)
    {
      GtkWidget *row = nv_measure_row_new (g_ptr_array_index (shown, i), today);
      g_signal_connect (row, "action", G_CALLBACK (row_action_cb), self);
      gtk_list_box_append (self->list_box, row);
    }
  if (shown->len == all->len)
    count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u measure", "%u measures", all->len),
                             all->len);
  else
    /* Translators: "3 of 7 measures" shown while filtering */
    count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u measure", "%u of %u measures",
                                          all->len),
                             shown->len, all->len);
  gtk_label_set_label (self->count_label, count);

  if (shown->len == 0)
    {
      adw_status_page_set_description (self->no_match,
                                       query.overdue_only && n_overdue == 0
                                         ? _("No measure is past its deadline.")
                                         : _("No measure matches the search and filters."));
      gtk_stack_set_visible_child_name (self->list_stack, "no-match");
    }
  else
    gtk_stack_set_visible_child_name (self->list_stack, "rows");
  /* once, right after the change made on this page */
  if (self->focus_id != 0 && gtk_widget_get_mapped (GTK_WIDGET (self)))
    focus_row (self);
  self->focus_id = 0;
}

/* ---- Status changes ---------------------------------------------------- */

static void
set_status (NvMeasuresPage *self, const NvMeasure *m, NvMeasureStatus status, const char *note)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *toast = NULL;

  self->focus_id = m->id;
  if (!nv_measure_set_status (nv_page_get_store (NV_PAGE (self)), m->id, status, note,
                              nv_page_today (NV_PAGE (self)),
                              &error))
    {
      show_error (self, _("Could Not Change the Status"), error);
      return;
    }
  {
    g_autofree char *label = g_utf8_strdown (nv_measure_status_label (status), -1);
    /* Translators: a toast, e.g. «“Faste pauser” is now done»; the status is in lower case */
    toast = g_strdup_printf (_("“%s” is now %s"), m->title, label);
  }
  nv_page_toast (NV_PAGE (self), toast);
}

typedef struct
{
  NvMeasuresPage *self;
  NvMeasure *measure;
  GtkWidget *entry;
  NvMeasureStatus status;
} NoteRequest;

static void
note_request_free (gpointer data, GClosure *closure)
{
  NoteRequest *request = data;

  g_object_unref (request->self);
  nv_measure_free (request->measure);
  g_free (request);
}

static void
note_response_cb (AdwMessageDialog *dialog, const char *response, NoteRequest *request)
{
  if (g_strcmp0 (response, "confirm") == 0)
    set_status (request->self, request->measure, request->status,
                gtk_editable_get_text (GTK_EDITABLE (request->entry)));
}

static void
note_changed_cb (GtkEditable *entry, AdwMessageDialog *dialog)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  adw_message_dialog_set_response_enabled (dialog, "confirm", *text != '\0');
}

/* Reopen (note required) and discontinue (note optional) ask in a dialog. */
static void
ask_note (NvMeasuresPage *self, const NvMeasure *m, NvMeasureStatus status)
{
  gboolean reopen = status == NV_MEASURE_IN_PROGRESS;
  AdwMessageDialog *dialog;
  NoteRequest *request = g_new0 (NoteRequest, 1);
  GtkWidget *entry = gtk_entry_new ();
  g_autofree char *body = NULL;

  if (reopen)
    body = g_strdup_printf (_("“%s” goes back to In progress. Say briefly why, so you can follow "
                              "it later."), m->title);
  else
    body = g_strdup_printf (_("“%s” will no longer be followed up. You can write why: what did "
                              "not work is worth remembering."), m->title);
  dialog = ADW_MESSAGE_DIALOG (nv_message_dialog_new (page_window (self),
                                                       reopen ? _("Reopen Measure?")
                                                              : _("Discontinue Measure?"),
                                                       body));
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), reopen ? _("Why is it reopened? (required)")
                                                            : _("Reason (optional)"));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  reopen ? _("Note") : _("Reason"), -1);
  adw_message_dialog_set_extra_child (dialog, entry);
  nv_message_dialog_add_cancel_and (dialog, _("Cancel"), "confirm",
                                    reopen ? _("Reopen") : _("Discontinue"),
                                    reopen ? ADW_RESPONSE_SUGGESTED : ADW_RESPONSE_DESTRUCTIVE,
                                    "confirm");
  if (reopen)
    {
      adw_message_dialog_set_response_enabled (dialog, "confirm", FALSE);
      g_signal_connect (entry, "changed", G_CALLBACK (note_changed_cb), dialog);
    }
  request->self = g_object_ref (self);
  request->measure = nv_measure_copy (m);
  request->entry = entry;
  request->status = status;
  g_signal_connect_data (dialog, "response", G_CALLBACK (note_response_cb), request,
                         note_request_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

static void
delete_response_cb (AdwMessageDialog *dialog, const char *response, NoteRequest *request)
{
  g_autoptr (GError) error = NULL;

  if (g_strcmp0 (response, "delete") != 0)
    return;
  if (!nv_measure_delete (nv_page_get_store (NV_PAGE (request->self)), request->measure->id,
                          &error))
    show_error (request->self, _("Could Not Delete the Measure"), error);
  else
    nv_page_toast (NV_PAGE (request->self), _("Measure deleted"));
}

static void
ask_delete (NvMeasuresPage *self, const NvMeasure *m)
{
  g_autofree char *heading = g_strdup_printf (_("Delete “%s”?"), m->title);
  NoteRequest *request = g_new0 (NoteRequest, 1);
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (nv_message_dialog_new (
    page_window (self), heading,
    _("The measure and its evaluation notes are deleted for good. To keep what was learnt, "
      "discontinue it instead.")));

  nv_message_dialog_add_cancel_and (dialog, _("Cancel"), "delete", _("Delete"),
                                    ADW_RESPONSE_DESTRUCTIVE, "cancel");
  request->self = g_object_ref (self);
  request->measure = nv_measure_copy (m);
  g_signal_connect_data (dialog, "response", G_CALLBACK (delete_response_cb), request,
                         note_request_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
open_detail (NvMeasuresPage *self, const NvMeasure *m)
{
  GtkWidget *detail = nv_measure_detail_new (nv_page_get_context (NV_PAGE (self)), m->id);

  gtk_window_set_transient_for (GTK_WINDOW (detail), page_window (self));
  gtk_window_present (GTK_WINDOW (detail));
}

static void
open_editor (NvMeasuresPage *self, const NvMeasure *m)
{
  GtkWidget *dialog = nv_measure_dialog_new (nv_page_get_context (NV_PAGE (self)),
                                             nv_page_get_unit_id (NV_PAGE (self)), m);

  gtk_window_set_transient_for (GTK_WINDOW (dialog), page_window (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
row_action_cb (NvMeasureRow *row, const char *action, NvMeasuresPage *self)
{
  g_autoptr (NvMeasure) m = nv_measure_copy (nv_measure_row_get_measure (row));

  if (g_strcmp0 (action, "start") == 0)
    set_status (self, m, NV_MEASURE_IN_PROGRESS, NULL);
  else if (g_strcmp0 (action, "done") == 0)
    set_status (self, m, NV_MEASURE_DONE, NULL);
  else if (g_strcmp0 (action, "discontinue") == 0)
    ask_note (self, m, NV_MEASURE_DISCONTINUED);
  else if (g_strcmp0 (action, "reopen") == 0)
    ask_note (self, m, NV_MEASURE_IN_PROGRESS);
  else if (g_strcmp0 (action, "open") == 0)
    open_detail (self, m);
  else if (g_strcmp0 (action, "edit") == 0)
    open_editor (self, m);
  else if (g_strcmp0 (action, "delete") == 0)
    ask_delete (self, m);
}

static void
row_activated_cb (GtkListBox *box, GtkListBoxRow *row, NvMeasuresPage *self)
{
  if (NV_IS_MEASURE_ROW (row))
    open_detail (self, nv_measure_row_get_measure (NV_MEASURE_ROW (row)));
}

/* ---- Page actions ------------------------------------------------------ */

static void
add_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  NvMeasuresPage *self = NV_MEASURES_PAGE (widget);

  if (nv_page_get_store (NV_PAGE (self)) == NULL || nv_page_get_unit_id (NV_PAGE (self)) == 0)
    return;
  open_editor (self, NULL);
}

static void
clear_filters_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  NvMeasuresPage *self = NV_MEASURES_PAGE (widget);

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_drop_down_set_selected (self->status_dropdown, 0);
  gtk_drop_down_set_selected (self->theme_dropdown, 0);
  gtk_toggle_button_set_active (self->overdue_toggle, FALSE);
  nv_page_reload (NV_PAGE (self));
}

static void
export_response_cb (GtkNativeDialog *native, int response, NvMeasuresPage *self)
{
  g_autoptr (GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr (GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      path = file != NULL ? g_file_get_path (file) : NULL;
    }
  g_object_unref (native);
  if (path == NULL)
    return;
  if (!nv_measure_export_csv (nv_page_get_store (NV_PAGE (self)),
                              nv_page_get_unit_id (NV_PAGE (self)), path,
                              nv_page_today (NV_PAGE (self)), NULL,
                              &error))
    {
      show_error (self, _("Could Not Export the Measures"), error);
      return;
    }
  {
    g_autofree char *name = g_file_get_basename (file);
    /* Translators: toast after exporting, %s is the file name */
    g_autofree char *toast = g_strdup_printf (_("Measures saved to “%s”"), name);
    nv_page_toast (NV_PAGE (self), toast);
  }
}

static char *
suggested_file_name (NvMeasuresPage *self)
{
  g_autoptr (NvUnit) unit = nv_unit_get (nv_page_get_store (NV_PAGE (self)),
                                         nv_page_get_unit_id (NV_PAGE (self)), NULL);
  g_autoptr (GString) name = g_string_new (NULL);

  /* Translators: start of the suggested file name for the CSV export */
  g_string_append (name, C_("file name", "measures"));
  if (unit != NULL)
    {
      g_string_append_c (name, '-');
      for (const char *p = unit->name; *p != '\0'; p = g_utf8_next_char (p))
        {
          gunichar c = g_utf8_get_char (p);
          if (g_unichar_isalnum (c))
            g_string_append_unichar (name, g_unichar_tolower (c));
          else if (name->len > 0 && name->str[name->len - 1] != '-')
            g_string_append_c (name, '-');
        }
      while (name->len > 0 && name->str[name->len - 1] == '-')
        g_string_truncate (name, name->len - 1);
    }
  g_string_append (name, ".csv");
  return g_string_free (g_steal_pointer (&name), FALSE);
}

static void
export_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  NvMeasuresPage *self = NV_MEASURES_PAGE (widget);
  g_autofree char *name = NULL;
  GtkFileChooserNative *native;
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();

  if (nv_page_get_store (NV_PAGE (self)) == NULL || nv_page_get_unit_id (NV_PAGE (self)) == 0)
    return;
  native = gtk_file_chooser_native_new (_("Export Measures"), page_window (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  name = suggested_file_name (self);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);
  gtk_file_filter_set_name (filter, _("CSV files (Excel)"));
  gtk_file_filter_add_suffix (filter, "csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  g_signal_connect (native, "response", G_CALLBACK (export_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
search_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  NvMeasuresPage *self = NV_MEASURES_PAGE (widget);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "list") == 0)
    gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
filter_changed_cb (NvMeasuresPage *self)
{
  self->focus_id = 0;
  nv_page_reload (NV_PAGE (self));
}

/* ---- Class ------------------------------------------------------------- */

static void
fill_dropdowns (NvMeasuresPage *self)
{
  g_autoptr (GtkStringList) statuses = gtk_string_list_new (NULL);
  g_autoptr (GtkStringList) themes = gtk_string_list_new (NULL);
  g_autoptr (GtkStringList) sort = gtk_string_list_new (NULL);
  const char *const *ids = nv_measure_theme_ids ();

  gtk_string_list_append (statuses, _("All statuses"));
  gtk_string_list_append (statuses, _("Open (planned or in progress)"));
  for (guint i = 0; i < NV_MEASURE_N_STATUSES; i++)
    gtk_string_list_append (statuses, nv_measure_status_label (i));
  gtk_drop_down_set_model (self->status_dropdown, G_LIST_MODEL (statuses));

  gtk_string_list_append (themes, _("All themes"));
  for (guint i = 0; ids[i] != NULL; i++)
    gtk_string_list_append (themes, nv_measure_theme_label (ids[i]));
  gtk_drop_down_set_model (self->theme_dropdown, G_LIST_MODEL (themes));

  gtk_string_list_append (sort, _("Needs attention first"));
  gtk_string_list_append (sort, _("By deadline"));
  gtk_string_list_append (sort, _("By start"));
  gtk_string_list_append (sort, _("By title"));
  gtk_string_list_append (sort, _("By status"));
  gtk_string_list_append (sort, _("By theme"));
  gtk_string_list_append (sort, _("By owner"));
  gtk_drop_down_set_model (self->sort_dropdown, G_LIST_MODEL (sort));
}

static void
nv_measures_page_class_init (NvMeasuresPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  NvPageClass *page_class = NV_PAGE_CLASS (klass);

  page_class->reload = nv_measures_page_reload;
  page_class->topics = NV_TOPIC_MEASURES | NV_TOPIC_WORKSHOPS | NV_TOPIC_UNITS;

  g_type_ensure (NV_TYPE_MEASURE_ROW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/naervaer/Naervaer/ui/nv-measures-page.ui");
  gtk_widget_class_bind_template_child (widget_class, NvMeasuresPage, stack);
  gtk_widget_class_bind_template_child (widget_class, NvMeasuresPage, empty);
  gtk_widget_class_bind_template_child (widget_class, NvMeasuresPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, NvMeasuresPage, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, NvMeasuresPage, theme_dropdown);
  gtk_widget_class_bind_template_child (widget_class, NvMeasuresPage, overdue_toggle);
  gtk_widget_class_bind_template_child (widget_class, NvMeasuresPage, sort_dropdown);
  gtk_widget_class_bind_template_child (widget_class, NvMeasuresPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, NvMeasuresPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, NvMeasuresPage, list_box);
  gtk_widget_class_bind_template_child (widget_class, NvMeasuresPage, no_match);

  gtk_widget_class_install_action (widget_class, "measures.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "measures.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "measures.clear-filters", NULL,
                                   clear_filters_action);
  gtk_widget_class_install_action (widget_class, "measures.search", NULL, search_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "measures.search", NULL);
}

static void
nv_measures_page_init (NvMeasuresPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  nv_unfocus_flow_box_children (GTK_WIDGET (self));
  fill_dropdowns (self);

  g_signal_connect_swapped (self->search_entry, "search-changed", G_CALLBACK (filter_changed_cb),
                            self);
  g_signal_connect_swapped (self->status_dropdown, "notify::selected",
                            G_CALLBACK (filter_changed_cb), self);
  g_signal_connect_swapped (self->theme_dropdown, "notify::selected",
                            G_CALLBACK (filter_changed_cb), self);
  g_signal_connect_swapped (self->sort_dropdown, "notify::selected",
                            G_CALLBACK (filter_changed_cb), self);
  g_signal_connect_swapped (self->overdue_toggle, "toggled", G_CALLBACK (filter_changed_cb), self);
  g_signal_connect (self->list_box, "row-activated", G_CALLBACK (row_activated_cb), self);
}
