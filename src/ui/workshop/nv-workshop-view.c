/* nv-workshop-view.c — the guided view of one workshop.
 *
 * Three tabs follow the phases of DESIGN §7. Each has the phase's checklist
 * (tick with the time, notes per step) and what the phase needs: who takes
 * part and the themes when preparing (nv-workshop-view-prepare.c); ideas,
 * votes and measures when running (nv-workshop-view-run.c); the follow-up
 * date, the evaluation and the poster afterwards.
 *
 * The view is built once per workshop. When the store changes it is only
 * refreshed (ticks, times, lists), so nothing the user is typing is lost.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-workshop-view"

#include "config.h"

#include <glib/gi18n.h>

#include "nv-calendar.h"
#include "nv-handout.h"
#include "nv-print.h"
#include "nv-poster.h"
#include "nv-projection-window.h"
#include "nv-unit.h"
#include "nv-workshop-view-private.h"
#include "nv-a11y.h"
#include "nv-toast.h"

G_DEFINE_FINAL_TYPE (NvWorkshopView, nv_workshop_view, GTK_TYPE_BOX)

enum
{
  SIGNAL_BACK,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

void
nv_workshop_view_toast (NvWorkshopView *self, const char *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    nv_toast_add (ADW_TOAST_OVERLAY (overlay), adw_toast_new (message));
  else
    g_warning ("%s", message);
}

void
nv_workshop_view_clear_box (GtkBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_box_remove (box, child);
}

static char *
format_ticked (const char *stamp)
{
  g_autoptr (GDateTime) utc = g_date_time_new_from_iso8601 (stamp, NULL);
  g_autoptr (GDateTime) local = NULL;

  if (utc == NULL)
    return g_strdup ("");
  local = g_date_time_to_local (utc);
  /* Translators: when a checklist step was ticked, e.g. "Done 25.03.2025 14:05" */
  return g_date_time_format (local, _("Done %d.%m.%Y %H:%M"));
}

/* ---- Notes -------------------------------------------------------------- */

static gboolean
save_notes_cb (gpointer user_data)
{
  NvWorkshopView *self = NV_WORKSHOP_VIEW (user_data);
  self->save_id = 0;
  nv_workshop_view_flush (self);
  return G_SOURCE_REMOVE;
}

void
nv_workshop_view_flush (NvWorkshopView *self)
{
  GHashTableIter iter;
  gpointer key, value;

  g_clear_handle_id (&self->save_id, g_source_remove);
  if (self->store == NULL || self->id == 0)
    {
      g_hash_table_remove_all (self->pending);
      return;
    }
  g_hash_table_iter_init (&iter, self->pending);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_autoptr (GError) error = NULL;
      GtkTextIter start, end;
      g_autofree char *text = NULL;

      gtk_text_buffer_get_bounds (value, &start, &end);
      text = gtk_text_buffer_get_text (value, &start, &end, FALSE);
      if (!nv_workshop_set_note (self->store, self->id, key, text, &error))
        nv_workshop_view_toast (self, error->message);
      g_hash_table_iter_remove (&iter);
    }
}

static void
note_changed_cb (GtkTextBuffer *buffer, NvWorkshopView *self)
{
  const char *step_id = g_object_get_data (G_OBJECT (buffer), "nv-step");

  if (self->updating)
    return;
  g_hash_table_replace (self->pending, g_strdup (step_id), g_object_ref (buffer));
  g_clear_handle_id (&self->save_id, g_source_remove);
  self->save_id = g_timeout_add (600, save_notes_cb, self);
}

/* ---- Checklist ---------------------------------------------------------- */

static void
tick_toggled_cb (GtkCheckButton *check, NvWorkshopView *self)
{
  g_autoptr (GError) error = NULL;
  const char *step_id = g_object_get_data (G_OBJECT (check), "nv-step");

  if (self->updating)
    return;
  if (!nv_workshop_tick (self->store, self->id, step_id, gtk_check_button_get_active (check), NULL,
                         &error))
    nv_workshop_view_toast (self, error->message);
}

static GtkWidget *
notes_editor (NvWorkshopView *self, const NvWorkshopStep *s)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *body = gtk_label_new (s->step->body);
  GtkWidget *caption = gtk_label_new (_("Notes"));
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *view = gtk_text_view_new ();
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  g_autofree char *a11y = g_strdup_printf (_("Notes for “%s”"), s->step->title);

  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_label_set_wrap (GTK_LABEL (body), TRUE);
  gtk_label_set_xalign (GTK_LABEL (body), 0);
  gtk_label_set_xalign (GTK_LABEL (caption), 0);
  gtk_widget_add_css_class (caption, "heading");
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 6);
  gtk_widget_set_size_request (view, -1, 64);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);
  gtk_text_buffer_set_text (buffer, s->note, -1);
  g_object_set_data_full (G_OBJECT (buffer), "nv-step", g_strdup (s->step->id), g_free);
  g_signal_connect (buffer, "changed", G_CALLBACK (note_changed_cb), self);
  gtk_frame_set_child (GTK_FRAME (frame), view);

  gtk_box_append (GTK_BOX (box), body);
  gtk_box_append (GTK_BOX (box), caption);
  gtk_box_append (GTK_BOX (box), frame);
  return box;
}

/* One group per phase: a row per step with a tick, the time it was ticked,
 * and, folded out, what to do and the notes. */
GtkWidget *
nv_workshop_view_checklist (NvWorkshopView *self, NvPhase phase)
{
  const NvWorkshopTemplate *tpl = nv_workshop_template (NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) steps = nv_workshop_steps (self->store, self->id, &error);
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Checklist"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), tpl->phase_bodies[phase]);
  if (steps == NULL)
    {
      nv_workshop_view_toast (self, error->message);
      return group;
    }
  for (guint i = 0; i < steps->len; i++)
    {
      NvWorkshopStep *s = g_ptr_array_index (steps, i);
      GtkWidget *row, *check, *time, *inner;
      g_autofree char *when = NULL;

      if (s->step->phase != phase)
        continue;
      row = adw_expander_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), s->step->title);

      check = gtk_check_button_new ();
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), s->ticked != NULL);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      s->step->title, -1);
      g_object_set_data_full (G_OBJECT (check), "nv-step", g_strdup (s->step->id), g_free);
      g_signal_connect (check, "toggled", G_CALLBACK (tick_toggled_cb), self);
      adw_expander_row_add_prefix (ADW_EXPANDER_ROW (row), check);

      when = s->ticked != NULL ? format_ticked (s->ticked) : g_strdup ("");
      time = gtk_label_new (when);
      gtk_widget_add_css_class (time, "dim-label");
      gtk_widget_add_css_class (time, "caption");
      adw_expander_row_add_action (ADW_EXPANDER_ROW (row), time);

      inner = gtk_list_box_row_new ();
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (inner), FALSE);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (inner), notes_editor (self, s));
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), inner);

      g_hash_table_replace (self->checks, g_strdup (s->step->id), check);
      g_hash_table_replace (self->tick_labels, g_strdup (s->step->id), time);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
  return group;
}

static void
refresh_checklist (NvWorkshopView *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) steps = nv_workshop_steps (self->store, self->id, &error);

  if (steps == NULL)
    return;
  for (guint i = 0; i < steps->len; i++)
    {
      NvWorkshopStep *s = g_ptr_array_index (steps, i);
      GtkCheckButton *check = g_hash_table_lookup (self->checks, s->step->id);
      GtkLabel *time = g_hash_table_lookup (self->tick_labels, s->step->id);
      g_autofree char *when = s->ticked != NULL ? format_ticked (s->ticked) : g_strdup ("");

      if (check != NULL)
        gtk_check_button_set_active (check, s->ticked != NULL);
      if (time != NULL)
        gtk_label_set_text (time, when);
    }
}

/* ---- Follow up ------------------------------------------------------------ */

static void
followup_apply_cb (AdwEntryRow *row, NvWorkshopView *self)
{
  g_autoptr (GError) error = NULL;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
  NvDay day = nv_day_parse (text);
  g_autofree char *old = g_strdup (self->workshop->followup_date);

  if (*text != '\0' && day == NV_DAY_NONE)
    {
      gtk_widget_add_css_class (GTK_WIDGET (row), "error");
      nv_workshop_view_toast (self, _("Write the follow-up date as DD.MM.YYYY."));
      return;
    }
  g_free (self->workshop->followup_date);
  self->workshop->followup_date = *text != '\0' ? nv_day_format_iso (day) : NULL;
  if (!nv_workshop_view_save (self, &error))
    {
      if (g_error_matches (error, NV_STORE_ERROR, NV_STORE_ERROR_CONFLICT))
        return;
      g_free (self->workshop->followup_date);
      self->workshop->followup_date = g_steal_pointer (&old);
      gtk_widget_add_css_class (GTK_WIDGET (row), "error");
      nv_workshop_view_toast (self, error->message);
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
  nv_workshop_view_toast (self, _("Follow-up date saved"));
}

gboolean
nv_workshop_view_save (NvWorkshopView *self, GError **error)
{
  g_return_val_if_fail (error != NULL, FALSE);
  if (nv_workshop_update (self->store, self->workshop, error))
    return TRUE;
  /* Someone else saved it since it was read: show theirs, say so. */
  if (g_error_matches (*error, NV_STORE_ERROR, NV_STORE_ERROR_CONFLICT))
    {
      nv_workshop_view_show (self, self->context, self->id);
      nv_workshop_view_toast (self, _("Someone else saved this workshop while you had it open. "
                                      "Their version is shown now: make your change again."));
    }
  return FALSE;
}

static void
save_evaluation_cb (GtkButton *button, NvWorkshopView *self)
{
  g_autoptr (GError) error = NULL;
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (self->evaluation, &start, &end);
  g_free (self->workshop->evaluation);
  self->workshop->evaluation = gtk_text_buffer_get_text (self->evaluation, &start, &end, FALSE);
  if (!nv_workshop_view_save (self, &error))
    {
      if (!g_error_matches (error, NV_STORE_ERROR, NV_STORE_ERROR_CONFLICT))
        nv_workshop_view_toast (self, error->message);
    }
  else
    nv_workshop_view_toast (self, _("Evaluation saved"));
}

static void
build_follow_up (NvWorkshopView *self)
{
  GtkWidget *group, *list, *frame, *view, *button, *box;

  gtk_box_append (self->follow_box, nv_workshop_view_checklist (self, NV_PHASE_FOLLOW_UP));

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Measures and Their Status"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("Kept in the measures register, where you mark them "
                                           "done and note their effect."));
  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  self->follow_measures_list = GTK_LIST_BOX (list);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), list);
  gtk_box_append (self->follow_box, group);

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Follow-up"));
  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  self->followup_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->followup_row),
                                 _("Follow-up date (DD.MM.YYYY)"));
  adw_entry_row_set_show_apply_button (self->followup_row, TRUE);
  if (self->workshop->followup_date != NULL)
    {
      g_autofree char *local = nv_day_format_local (nv_day_parse_iso (self->workshop->followup_date));
      gtk_editable_set_text (GTK_EDITABLE (self->followup_row), local);
    }
  g_signal_connect (self->followup_row, "apply", G_CALLBACK (followup_apply_cb), self);
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (self->followup_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), list);
  gtk_box_append (self->follow_box, group);

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Evaluation"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("After three to six months: what changed, what worked, "
                                           "what did not."));
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  frame = gtk_frame_new (NULL);
  view = gtk_text_view_new ();
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 8);
  gtk_widget_set_size_request (view, -1, 110);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Evaluation"), -1);
  self->evaluation = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  gtk_text_buffer_set_text (self->evaluation, self->workshop->evaluation, -1);
  gtk_frame_set_child (GTK_FRAME (frame), view);
  button = gtk_button_new_with_label (_("Save Evaluation"));
  gtk_widget_set_halign (button, GTK_ALIGN_END);
  g_signal_connect (button, "clicked", G_CALLBACK (save_evaluation_cb), self);
  gtk_box_append (GTK_BOX (box), frame);
  gtk_box_append (GTK_BOX (box), button);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), box);
  gtk_box_append (self->follow_box, group);

  gtk_box_append (self->follow_box,
                  nv_workshop_view_print_row (_("Poster for the staff room"),
                                     _("«NED med sykefraværet hos …» with the agreed measures and "
                                       "room for signatures."),
                                     "view.print-poster", "view.export-poster", "a4"));
}

/* ---- Header and refresh --------------------------------------------------- */

static void
refresh_header (NvWorkshopView *self)
{
  g_autoptr (NvUnit) unit = nv_unit_get (self->store, self->workshop->unit_id, NULL);
  g_autofree char *date = nv_day_format_local (nv_day_parse_iso (self->workshop->date));
  g_autofree char *subtitle = NULL;

  /* Translators: under the workshop's title: unit · date · state */
  subtitle = g_strdup_printf (_("%s · %s · %s"), unit != NULL ? unit->name : "", date,
                              nv_workshop_state_label (self->workshop->state));
  gtk_label_set_text (self->title_label, nv_workshop_display_title (self->workshop));
  gtk_label_set_text (self->subtitle_label, subtitle);
}

static void
refresh (NvWorkshopView *self)
{
  self->updating = TRUE;
  refresh_header (self);
  refresh_checklist (self);
  nv_workshop_view_refresh_prepare (self);
  nv_workshop_view_refresh_run (self);
  if (self->follow_measures_list != NULL)
    nv_workshop_view_fill_measures (self, self->follow_measures_list, FALSE);
  self->updating = FALSE;
}

static void
clear (NvWorkshopView *self)
{
  nv_workshop_view_flush (self);
  g_hash_table_remove_all (self->checks);
  g_hash_table_remove_all (self->tick_labels);
  memset (self->role_switches, 0, sizeof self->role_switches);
  self->staff_spin = NULL;
  self->themes_group = NULL;
  self->ideas_list = NULL;
  self->measures_list = NULL;
  self->follow_measures_list = NULL;
  self->evaluation = NULL;
  nv_workshop_view_clear_box (self->prepare_box);
  nv_workshop_view_clear_box (self->run_box);
  nv_workshop_view_clear_box (self->follow_box);
  g_clear_pointer (&self->workshop, nv_workshop_free);
}

void
nv_workshop_view_show (NvWorkshopView *self, NvContext *context, gint64 id)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (NvWorkshop) workshop = NULL;
  gboolean same = context == self->context && id == self->id && self->workshop != NULL;
  NvStore *store = context != NULL ? nv_context_get_store (context) : NULL;

  g_return_if_fail (NV_IS_WORKSHOP_VIEW (self));
  if (store != NULL && id != 0)
    {
      workshop = nv_workshop_get (store, id, &error);
      if (workshop == NULL)
        {
          nv_workshop_view_toast (self, error->message);
          context = NULL;
          store = NULL;
          id = 0;
          same = FALSE;
        }
    }
  if (!same)
    {
      clear (self);
      g_set_object (&self->context, context);
      g_set_object (&self->store, store);
      self->id = id;
    }
  if (workshop == NULL)
    return;
  g_clear_pointer (&self->workshop, nv_workshop_free);
  self->workshop = g_steal_pointer (&workshop);

  if (!same)
    {
      nv_workshop_view_build_prepare (self);
      nv_workshop_view_build_run (self);
      build_follow_up (self);
      /* Open on the phase the workshop is in. */
      adw_view_stack_set_visible_child_name (
        self->phases, self->workshop->state == NV_WORKSHOP_PLANNED  ? "prepare"
                      : self->workshop->state == NV_WORKSHOP_PREPARED ? "run"
                                                                      : "follow-up");
      nv_workshop_view_scroll_to_top (self);
    }
  refresh (self);
}

/* A workshop opens at the top of each phase (the checklist), not wherever
 * building the page moved focus and the scroll position (the themes at the
 * bottom of Prepare). Runs once the phases are laid out. */
static gboolean
scroll_to_top_cb (gpointer data)
{
  NvWorkshopView *self = data;
  g_autoptr (GListModel) pages = G_LIST_MODEL (adw_view_stack_get_pages (self->phases));

  for (guint i = 0; i < g_list_model_get_n_items (pages); i++)
    {
      g_autoptr (AdwViewStackPage) page = g_list_model_get_item (pages, i);
      GtkWidget *child = adw_view_stack_page_get_child (page);

      if (GTK_IS_SCROLLED_WINDOW (child))
        {
          GtkAdjustment *v = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (child));
          gtk_adjustment_set_value (v, gtk_adjustment_get_lower (v));
        }
    }
  g_object_unref (self);
  return G_SOURCE_REMOVE;
}

void
nv_workshop_view_scroll_to_top (NvWorkshopView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  /* Focus left deep inside a phase would scroll it down again. */
  if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->phases)))
    gtk_widget_grab_focus (GTK_WIDGET (self));
  g_idle_add_full (G_PRIORITY_LOW, scroll_to_top_cb, g_object_ref (self), NULL);
}

gint64
nv_workshop_view_get_id (NvWorkshopView *self)
{
  return self->id;
}

/* ---- Actions ---------------------------------------------------------------- */

GtkWidget *
nv_workshop_view_print_row (const char *title, const char *subtitle, const char *print_action,
                            const char *export_action, const char *export_target)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *print = gtk_button_new_with_mnemonic (_("_Print…"));
  GtkWidget *export = gtk_button_new_with_mnemonic (_("_Export as PDF…"));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (print, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (export, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (print), print_action);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (export), export_action);
  if (export_target != NULL)
    gtk_actionable_set_action_target (GTK_ACTIONABLE (export), "s", export_target);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), export);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), print);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  return group;
}

static void
printed_cb (const char *message, gboolean cancelled, gpointer data)
{
  NvWorkshopView *self = data;

  if (message != NULL)
    nv_workshop_view_toast (self, message);
  g_object_unref (self);
}

static void
exported_cb (const char *message, gboolean cancelled, gpointer data)
{
  NvWorkshopView *self = data;

  if (!cancelled)
    nv_workshop_view_toast (self, message != NULL ? message : _("PDF saved"));
  g_object_unref (self);
}

/* The handout or the poster of this workshop; NULL with a toast on error. */
static NvPrintable *
make_printable (NvWorkshopView *self, gboolean handout, NvPaperSize size)
{
  g_autoptr (GError) error = NULL;
  NvPrintable *printable = NULL;

  if (self->workshop == NULL || self->store == NULL)
    return NULL;
  nv_workshop_view_flush (self);
  if (handout)
    printable = NV_PRINTABLE (nv_handout_new (self->store, self->workshop->unit_id, "Kommuner",
                                              nv_context_today (self->context), &error));
  else
    {
      g_autoptr (NvPosterContent) content =
        nv_poster_content_for_workshop (self->store, self->id, &error);
      if (content != NULL)
        printable = NV_PRINTABLE (nv_poster_new (content, size));
    }
  if (printable == NULL)
    nv_workshop_view_toast (self, error->message);
  return printable;
}

static GtkWindow *
parent_window (NvWorkshopView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
print_action (GtkWidget *widget, const char *action, GVariant *param)
{
  NvWorkshopView *self = NV_WORKSHOP_VIEW (widget);
  g_autoptr (NvPrintable) printable =
    make_printable (self, g_str_equal (action, "view.print-handout"), NV_PAPER_A4);

  if (printable != NULL)
    nv_print_run (parent_window (self), printable, printed_cb, g_object_ref (self));
}

static void
export_action (GtkWidget *widget, const char *action, GVariant *param)
{
  NvWorkshopView *self = NV_WORKSHOP_VIEW (widget);
  gboolean handout = g_str_equal (action, "view.export-handout");
  NvPaperSize size = NV_PAPER_A4;
  g_autoptr (NvPrintable) printable = NULL;
  g_autoptr (NvUnit) unit = NULL;
  g_autofree char *name = NULL;

  if (param != NULL)
    nv_paper_size_parse (g_variant_get_string (param, NULL), &size);
  printable = make_printable (self, handout, size);
  if (printable == NULL)
    return;
  unit = nv_unit_get (self->store, self->workshop->unit_id, NULL);
  /* Translators: suggested file names; %s is the unit */
  name = g_strdup_printf (handout ? _("Figures %s.pdf") : _("Poster %s.pdf"),
                          unit != NULL ? unit->name : "");
  nv_print_export_pdf (parent_window (self), printable,
                       handout ? _("Export Handout as PDF") : _("Export Poster as PDF"), name,
                       exported_cb, g_object_ref (self));
}

static void
present_action (GtkWidget *widget, const char *action, GVariant *param)
{
  NvWorkshopView *self = NV_WORKSHOP_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);

  if (self->workshop == NULL)
    return;
  nv_workshop_view_flush (self);
  nv_projection_start (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->context, self->id);
}

static void
delete_response_cb (AdwMessageDialog *dialog, const char *response, NvWorkshopView *self)
{
  g_autoptr (GError) error = NULL;

  if (g_strcmp0 (response, "delete") == 0 && self->store != NULL)
    {
      gint64 id = self->id;
      clear (self);
      self->id = 0;
      if (!nv_workshop_delete (self->store, id, &error))
        nv_workshop_view_toast (self, error->message);
      g_signal_emit (self, signals[SIGNAL_BACK], 0);
    }
  g_object_unref (self);
}

static void
delete_action (GtkWidget *widget, const char *action, GVariant *param)
{
  NvWorkshopView *self = NV_WORKSHOP_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *dialog;

  if (self->workshop == NULL)
    return;
  dialog = nv_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Delete this workshop?"),
                                   _("Its checklist, notes and ideas are deleted. Measures agreed "
                                     "at it stay in the measures register."));
  nv_message_dialog_add_cancel_and (ADW_MESSAGE_DIALOG (dialog), _("Cancel"), "delete",
                                    _("Delete"), ADW_RESPONSE_DESTRUCTIVE, NULL);
  g_signal_connect (dialog, "response", G_CALLBACK (delete_response_cb), g_object_ref (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
back_clicked_cb (GtkButton *button, NvWorkshopView *self)
{
  nv_workshop_view_flush (self);
  g_signal_emit (self, signals[SIGNAL_BACK], 0);
}

/* ---- GObject -------------------------------------------------------------- */

static void
nv_workshop_view_dispose (GObject *object)
{
  NvWorkshopView *self = NV_WORKSHOP_VIEW (object);

  nv_workshop_view_flush (self);
  g_clear_object (&self->store);
  g_clear_object (&self->context);
  g_clear_pointer (&self->workshop, nv_workshop_free);
  G_OBJECT_CLASS (nv_workshop_view_parent_class)->dispose (object);
}

static void
nv_workshop_view_finalize (GObject *object)
{
  NvWorkshopView *self = NV_WORKSHOP_VIEW (object);

  g_hash_table_unref (self->checks);
  g_hash_table_unref (self->tick_labels);
  g_hash_table_unref (self->pending);
  G_OBJECT_CLASS (nv_workshop_view_parent_class)->finalize (object);
}

static void
nv_workshop_view_class_init (NvWorkshopViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nv_workshop_view_dispose;
  object_class->finalize = nv_workshop_view_finalize;

  signals[SIGNAL_BACK] = g_signal_new ("back", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                       NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/naervaer/Naervaer/ui/nv-workshop-view.ui");
  gtk_widget_class_bind_template_child (widget_class, NvWorkshopView, title_label);
  gtk_widget_class_bind_template_child (widget_class, NvWorkshopView, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, NvWorkshopView, back_button);
  gtk_widget_class_bind_template_child (widget_class, NvWorkshopView, phases);
  gtk_widget_class_bind_template_child (widget_class, NvWorkshopView, prepare_box);
  gtk_widget_class_bind_template_child (widget_class, NvWorkshopView, run_box);
  gtk_widget_class_bind_template_child (widget_class, NvWorkshopView, follow_box);

  gtk_widget_class_install_action (widget_class, "view.present", NULL, present_action);
  gtk_widget_class_install_action (widget_class, "view.print-handout", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "view.export-handout", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "view.print-poster", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "view.export-poster", "s", export_action);
  gtk_widget_class_install_action (widget_class, "view.delete", NULL, delete_action);
}

static void
nv_workshop_view_init (NvWorkshopView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->checks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->tick_labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->pending = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  g_signal_connect (self->back_button, "clicked", G_CALLBACK (back_clicked_cb), self);
}
