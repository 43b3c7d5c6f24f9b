/* nv-measure-detail.c — one measure and its evaluation.
 *
 * The figures are the unit's sick-leave percentage per whole quarter
 * (nv_measure_effect_compute): the four quarters before the quarter the
 * measure started in, that quarter, and the ended quarters after it. Before
 * and after are Σ lost / Σ contracted over their quarters. This is the
 * leader's own screen, so figures of periods with fewer than five persons are
 * shown, with the «Few persons» badge.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-measure-detail"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "nv-date-entry.h"
#include "nv-format.h"
#include "nv-measure-detail.h"
#include "nv-measure-dialog.h"
#include "nv-measure-row.h"
#include "nv-rating.h"
#include "nv-stats.h"
#include "nv-workshop.h"
#include "nv-a11y.h"
#include "nv-toast.h"

struct _NvMeasureDetail
{
  AdwWindow parent_instance;

  AdwToastOverlay *toasts;
  AdwWindowTitle *window_title;
  GtkBox *summary_box;
  GtkBox *effect_box;
  GtkBox *notes_box;

  NvContext *context;
  NvStore *store; /* the context's */
  gulong changed_id;
  guint reload_idle;
  gint64 measure_id;
  NvDay as_of;
  char *before_text;
  char *after_text;
};

G_DEFINE_FINAL_TYPE (NvMeasureDetail, nv_measure_detail, ADW_TYPE_WINDOW)

static void reload (NvMeasureDetail *self);

static void
clear_box (GtkBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_box_remove (box, child);
}

static GtkWidget *
label_new (const char *text, const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static GtkWidget *
few_persons_badge (void)
{
  GtkWidget *badge = gtk_label_new (_("Few persons"));

  gtk_widget_add_css_class (badge, "nv-badge");
  gtk_widget_add_css_class (badge, "few-persons");
  gtk_widget_set_halign (badge, GTK_ALIGN_START);
  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (badge,
                               _("Fewer than 5 persons worked here in this period. You see the "
                                 "figure on your own screen, but it is hidden in projection, "
                                 "reports, posters and exports so that nobody can be "
                                 "recognised."));
  return badge;
}

/* A compact «label value» line in the facts grid. */
static void
add_fact (GtkGrid *grid, int row, const char *title, const char *value)
{
  GtkWidget *caption = gtk_label_new (title);
  GtkWidget *label = gtk_label_new (value);

  gtk_label_set_xalign (GTK_LABEL (caption), 0);
  gtk_label_set_yalign (GTK_LABEL (caption), 0);
  gtk_widget_add_css_class (caption, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_grid_attach (grid, caption, 0, row, 1, 1);
  gtk_grid_attach (grid, label, 1, row, 1, 1);
}

/* ---- Summary ------------------------------------------------------------ */

static void
build_summary (NvMeasureDetail *self, const NvMeasure *m)
{
  GtkWidget *badges = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *grid = gtk_grid_new ();
  int row = 0;
  g_autofree char *start = nv_day_format_local (m->start);
  g_autofree char *deadline = m->deadline != NV_DAY_NONE ? nv_day_format_local (m->deadline)
                                                         : g_strdup (_("None"));
  guint overdue = nv_measure_days_overdue (m, self->as_of);
  GtkWidget *title = label_new (m->title, "title-2");

  clear_box (self->summary_box);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 24);
  gtk_widget_add_css_class (grid, "card");
  gtk_widget_add_css_class (grid, "measure-figure");
  gtk_accessible_update_property (GTK_ACCESSIBLE (title), GTK_ACCESSIBLE_PROPERTY_LABEL, m->title,
                                  -1);
  gtk_box_append (self->summary_box, title);
  gtk_box_append (GTK_BOX (badges), nv_measure_status_pill_new (m->status));
  if (overdue > 0)
    gtk_box_append (GTK_BOX (badges), nv_measure_overdue_badge_new (overdue));
  gtk_widget_set_margin_bottom (badges, 6);
  gtk_box_append (self->summary_box, badges);
  if (*m->description != '\0')
    {
      GtkWidget *description = label_new (m->description, NULL);
      gtk_widget_set_margin_bottom (description, 6);
      gtk_box_append (self->summary_box, description);
    }

  add_fact (GTK_GRID (grid), row++, _("Owner"), *m->owner != '\0' ? m->owner : _("No owner"));
  add_fact (GTK_GRID (grid), row++, _("Theme"), nv_measure_theme_label (m->theme));
  add_fact (GTK_GRID (grid), row++, _("Start"), start);
  add_fact (GTK_GRID (grid), row++, _("Deadline"), deadline);
  if (m->status == NV_MEASURE_DONE || m->status == NV_MEASURE_DISCONTINUED)
    {
      g_autofree char *changed = nv_day_format_local (m->status_day);
      add_fact (GTK_GRID (grid), row++, m->status == NV_MEASURE_DONE ? _("Done") : _("Discontinued"),
                changed);
    }
  if (m->workshop_id > 0)
    {
      g_autoptr (NvWorkshop) w = nv_workshop_get (self->store, m->workshop_id, NULL);
      if (w != NULL)
        {
          g_autofree char *date = nv_day_format_local (nv_day_parse_iso (w->date));
          g_autofree char *text = g_strdup_printf ("%s (%s)", nv_workshop_display_title (w), date);
          add_fact (GTK_GRID (grid), row++, _("Agreed in workshop"), text);
        }
    }
  gtk_box_append (self->summary_box, grid);
}

/* ---- Before and after ----------------------------------------------------- */

static GtkWidget *
figure_card (const char *caption, const char *value, const char *detail, gboolean masked,
             const char *accessible)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *value_label = gtk_label_new (value);
  GtkWidget *caption_label = gtk_label_new (caption);
  GtkWidget *detail_label = gtk_label_new (detail);

  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "measure-figure");
  gtk_widget_set_hexpand (card, TRUE);
  gtk_widget_add_css_class (caption_label, "heading");
  gtk_label_set_xalign (GTK_LABEL (caption_label), 0);
  gtk_widget_add_css_class (value_label, "title-1");
  gtk_widget_add_css_class (value_label, "numeric");
  gtk_label_set_xalign (GTK_LABEL (value_label), 0);
  gtk_widget_add_css_class (detail_label, "dim-label");
  gtk_widget_add_css_class (detail_label, "caption");
  gtk_label_set_wrap (GTK_LABEL (detail_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (detail_label), 0);
  gtk_box_append (GTK_BOX (card), caption_label);
  gtk_box_append (GTK_BOX (card), value_label);
  gtk_box_append (GTK_BOX (card), detail_label);
  if (masked)
    gtk_box_append (GTK_BOX (card), few_persons_badge ());
  gtk_accessible_update_property (GTK_ACCESSIBLE (card), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
  return card;
}

static char *
span_text (const NvMeasureEffect *e, guint first, guint n)
{
  const NvStatsPeriod *a = &g_array_index (e->quarters, NvStatsPeriod, first);
  const NvStatsPeriod *b = &g_array_index (e->quarters, NvStatsPeriod, first + n - 1);

  if (n == 1)
    return g_strdup (a->label);
  /* Translators: a span of quarters, e.g. «2024-Q1 – 2024-Q4 (4 quarters)» */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s – %s (%u quarter)",
                                       "%s – %s (%u quarters)", n),
                          a->label, b->label, n);
}

static char *
change_text (double before, double after)
{
  /* From the two figures as the cards show them (nv-rating.h). */
  double diff = nv_trend_change (after, before);
  g_autofree char *number = nv_format_percent (fabs (diff));

  if (diff == 0)
    /* Translators: no change, in percentage points */
    return g_strdup_printf (_("±%s pp"), number);
  /* Translators: a change in percentage points, e.g. «−1,3 pp» */
  return g_strdup_printf (diff < 0 ? _("−%s pp") : _("+%s pp"), number);
}

static void
build_effect (NvMeasureDetail *self, const NvMeasure *m)
{
  NvMeasureEffect e;
  g_autoptr (GError) error = NULL;
  GtkWidget *heading = label_new (_("Absence Before and After the Start"), "title-4");
  GtkWidget *intro = label_new (_("The unit’s sick leave (self-certified and doctor-certified) in "
                                  "whole quarters: the four before the quarter the measure "
                                  "started in, and those that have ended since. Absence has "
                                  "many causes, so read the figures together with your notes."),
                                "dim-label");
  GtkWidget *cards = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *grid;
  double max_percent = 0;
  gboolean any_data = FALSE;

  clear_box (self->effect_box);
  g_clear_pointer (&self->before_text, g_free);
  g_clear_pointer (&self->after_text, g_free);
  gtk_box_append (self->effect_box, heading);
  gtk_box_append (self->effect_box, intro);

  if (!nv_measure_effect_compute (self->store, m, self->as_of, &e, &error))
    {
      gtk_box_append (self->effect_box, label_new (error->message, "error"));
      return;
    }
  for (guint i = 0; i < e.quarters->len; i++)
    if (g_array_index (e.quarters, NvStatsPeriod, i).contracted_days > 0)
      any_data = TRUE;
  if (!any_data)
    {
      gtk_box_append (self->effect_box,
                      label_new (_("There are no absence figures for the unit around the start "
                                   "of this measure yet. Register the roster and absence, or "
                                   "import the HR system’s monthly figures, and the comparison "
                                   "appears here."),
                                 NULL));
      nv_measure_effect_clear (&e);
      return;
    }

  /* Before */
  if (e.n_before > 0 && e.before_has_data)
    {
      g_autofree char *span = span_text (&e, 0, e.n_before);
      g_autofree char *acc = NULL;
      self->before_text = nv_format_percent_sign (e.before_percent);
      acc = g_strdup_printf (_("Before: %s, %s"), self->before_text, span);
      gtk_box_append (GTK_BOX (cards), figure_card (_("Before"), self->before_text, span,
                                                    e.before_masked, acc));
    }
  else
    {
      self->before_text = g_strdup ("–");
      gtk_box_append (GTK_BOX (cards),
                      figure_card (_("Before"), "–", _("No figures for the quarters before"),
                                   FALSE, _("Before: no figures")));
    }
  /* After */
  if (e.n_after > 0 && e.after_has_data)
    {
      guint first = e.quarters->len - e.n_after;
      g_autofree char *span = span_text (&e, first, e.n_after);
      g_autofree char *acc = NULL;
      self->after_text = nv_format_percent_sign (e.after_percent);
      acc = g_strdup_printf (_("After: %s, %s"), self->after_text, span);
      gtk_box_append (GTK_BOX (cards), figure_card (_("After"), self->after_text, span,
                                                    e.after_masked, acc));
    }
  else
    {
      self->after_text = g_strdup ("–");
      gtk_box_append (GTK_BOX (cards),
                      figure_card (_("After"), "–",
                                   _("No whole quarter has ended since the start quarter yet"),
                                   FALSE, _("After: no whole quarter yet")));
    }
  /* Change */
  if (e.n_before > 0 && e.before_has_data && e.n_after > 0 && e.after_has_data)
    {
      g_autofree char *change = change_text (e.before_percent, e.after_percent);
      g_autofree char *acc = g_strdup_printf (_("Change: %s percentage points"), change);
      gtk_box_append (GTK_BOX (cards),
                      figure_card (_("Change"), change, _("percentage points, after minus before"),
                                   e.before_masked || e.after_masked, acc));
    }
  gtk_box_append (self->effect_box, cards);

  /* Quarter by quarter: a compact table with a bar per quarter, so the
   * shape is seen at a glance and the figure is read exactly. */
  for (guint i = 0; i < e.quarters->len; i++)
    max_percent = MAX (max_percent, g_array_index (e.quarters, NvStatsPeriod, i).percent);
  grid = gtk_grid_new ();
  gtk_grid_set_row_spacing (GTK_GRID (grid), 4);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_widget_add_css_class (grid, "card");
  gtk_widget_add_css_class (grid, "measure-figure");
  gtk_accessible_update_property (GTK_ACCESSIBLE (grid), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Sick leave per quarter"), -1);
  for (guint i = 0; i < e.quarters->len; i++)
    {
      const NvStatsPeriod *p = &g_array_index (e.quarters, NvStatsPeriod, i);
      gboolean has = p->contracted_days > 0;
      g_autofree char *value = has ? nv_format_percent_sign (p->percent)
                                   : g_strdup (_("No figures"));
      const char *role = (int) i == e.start_index ? _("Started")
                         : (int) i < e.start_index || (e.start_index < 0 && i < e.n_before)
                           ? _("Before")
                           : _("After");
      GtkWidget *quarter = gtk_label_new (p->label);
      GtkWidget *role_label = gtk_label_new (role);
      GtkWidget *bar = gtk_level_bar_new_for_interval (0, max_percent > 0 ? max_percent : 1);
      GtkWidget *value_label = gtk_label_new (value);
      g_autofree char *acc = g_strdup_printf ("%s, %s: %s%s", p->label, role, value,
                                              p->masked && has ? _(", few persons") : "");

      gtk_label_set_xalign (GTK_LABEL (quarter), 0);
      gtk_widget_add_css_class (quarter, "numeric");
      gtk_label_set_xalign (GTK_LABEL (role_label), 0);
      gtk_widget_add_css_class (role_label, (int) i == e.start_index ? "accent" : "dim-label");
      gtk_level_bar_set_value (GTK_LEVEL_BAR (bar), has ? p->percent : 0);
      /* the default offsets would colour high values as «full»; only length matters here */
      gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_LOW);
      gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_HIGH);
      gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_FULL);
      gtk_widget_set_hexpand (bar, TRUE);
      gtk_widget_set_valign (bar, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (bar, "measure-bar");
      if ((int) i > e.start_index && e.start_index >= 0)
        gtk_widget_add_css_class (bar, "after");
      gtk_label_set_xalign (GTK_LABEL (value_label), 1);
      gtk_widget_add_css_class (value_label, "numeric");
      gtk_widget_add_css_class (value_label, "heading");
      gtk_widget_set_size_request (value_label, 64, -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (value_label),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, acc, -1);
      gtk_grid_attach (GTK_GRID (grid), quarter, 0, i, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), role_label, 1, i, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), bar, 2, i, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), value_label, 3, i, 1, 1);
      if (p->masked && has)
        gtk_grid_attach (GTK_GRID (grid), few_persons_badge (), 4, i, 1, 1);
    }
  gtk_box_append (self->effect_box, grid);
  nv_measure_effect_clear (&e);
}

/* ---- Notes ---------------------------------------------------------------- */

typedef struct
{
  NvMeasureDetail *self;
  NvDateEntry *date;
  GtkTextBuffer *buffer;
} NoteForm;

static char *
buffer_text (GtkTextBuffer *buffer)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
note_form_changed_cb (NoteForm *form)
{
  g_autofree char *text = buffer_text (form->buffer);
  GtkWidget *dialog = gtk_widget_get_ancestor (GTK_WIDGET (form->date), ADW_TYPE_MESSAGE_DIALOG);

  g_strstrip (text);
  if (dialog != NULL)
    adw_message_dialog_set_response_enabled (
      ADW_MESSAGE_DIALOG (dialog), "add",
      *text != '\0' && nv_date_entry_get_day (form->date) != NV_DAY_NONE &&
        nv_date_entry_get_day (form->date) <= form->self->as_of);
}

static void
note_response_cb (AdwMessageDialog *dialog, const char *response, NoteForm *form)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;

  if (g_strcmp0 (response, "add") != 0)
    return;
  text = buffer_text (form->buffer);
  if (nv_measure_add_note (form->self->store, form->self->measure_id,
                           nv_date_entry_get_day (form->date), text, &error) == 0)
    nv_toast_add (form->self->toasts, adw_toast_new (error->message));
  else
    nv_toast_add (form->self->toasts, adw_toast_new (_("Evaluation note added")));
}

static void
note_form_free (gpointer data, GClosure *closure)
{
  NoteForm *form = data;

  g_object_unref (form->self);
  g_free (form);
}

static void
add_note_clicked_cb (NvMeasureDetail *self)
{
  AdwMessageDialog *dialog;
  NoteForm *form = g_new0 (NoteForm, 1);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *date_row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *date_label = gtk_label_new (_("Date"));
  GtkWidget *date = nv_date_entry_new ();
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *view = gtk_text_view_new ();

  dialog = ADW_MESSAGE_DIALOG (nv_message_dialog_new (
    GTK_WINDOW (self), _("Add Evaluation Note"),
    _("What effect do you see? Is absence, the working environment or the way you talk about "
      "absence different? Should the measure continue?")));
  nv_date_entry_set_today (NV_DATE_ENTRY (date), nv_context_today (self->context));
  nv_date_entry_set_day (NV_DATE_ENTRY (date), self->as_of);
  gtk_box_append (GTK_BOX (date_row), date_label);
  gtk_box_append (GTK_BOX (date_row), date);
  gtk_accessible_update_property (GTK_ACCESSIBLE (nv_date_entry_get_editable (NV_DATE_ENTRY (date))),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Date"), -1);
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Evaluation note"), -1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), view);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), 120);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_frame_set_child (GTK_FRAME (frame), scroller);
  gtk_box_append (GTK_BOX (box), date_row);
  gtk_box_append (GTK_BOX (box), frame);
  adw_message_dialog_set_extra_child (dialog, box);
  nv_message_dialog_add_cancel_and (dialog, _("Cancel"), "add", _("Add Note"),
                                    ADW_RESPONSE_SUGGESTED, NULL);
  adw_message_dialog_set_response_enabled (dialog, "add", FALSE);

  form->self = g_object_ref (self);
  form->date = NV_DATE_ENTRY (date);
  form->buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  g_signal_connect_swapped (form->buffer, "changed", G_CALLBACK (note_form_changed_cb), form);
  g_signal_connect_swapped (date, "changed", G_CALLBACK (note_form_changed_cb), form);
  g_signal_connect_data (dialog, "response", G_CALLBACK (note_response_cb), form,
                         note_form_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (view);
}

static void
delete_note_clicked_cb (GtkButton *button, NvMeasureDetail *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "note-id"));
  g_autoptr (GError) error = NULL;

  if (!nv_measure_delete_note (self->store, id, &error))
    nv_toast_add (self->toasts, adw_toast_new (error->message));
  else
    nv_toast_add (self->toasts, adw_toast_new (_("Note deleted")));
}

static void
build_notes (NvMeasureDetail *self, const NvMeasure *m)
{
  g_autoptr (GPtrArray) notes = nv_measure_list_notes (self->store, m->id, NULL);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *heading = label_new (_("Evaluation and History"), "title-4");
  GtkWidget *add = gtk_button_new_with_label (_("Add Evaluation Note"));
  GtkWidget *list;

  clear_box (self->notes_box);
  gtk_widget_set_hexpand (heading, TRUE);
  gtk_widget_add_css_class (add, "suggested-action");
  gtk_widget_set_valign (add, GTK_ALIGN_CENTER);
  g_signal_connect_swapped (add, "clicked", G_CALLBACK (add_note_clicked_cb), self);
  gtk_box_append (GTK_BOX (header), heading);
  gtk_box_append (GTK_BOX (header), add);
  gtk_box_append (self->notes_box, header);

  if (notes == NULL || notes->len == 0)
    {
      gtk_box_append (self->notes_box,
                      label_new (_("No evaluation yet. After three to six months, write down "
                                   "what effect you see and whether the measure should "
                                   "continue."),
                                 "dim-label"));
      return;
    }
  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Evaluation notes"), -1);
  /* newest first */
  for (guint k = notes->len; k > 0; k--)
    {
      NvMeasureNote *n = g_ptr_array_index (notes, k - 1);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *day = nv_day_format_local (n->day);
      g_autofree char *subtitle = NULL;

      if (n->to_status >= 0)
        /* Translators: a note given with a status change: «12.03.2025 · Done → In progress» */
        subtitle = g_strdup_printf (_("%s · %s → %s"), day, nv_measure_status_label (n->from_status),
                                    nv_measure_status_label (n->to_status));
      else
        /* Translators: subtitle of an evaluation note: «12.03.2025 · Evaluation» */
        subtitle = g_strdup_printf (_("%s · Evaluation"), day);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), n->text);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      if (n->to_status < 0)
        {
          GtkWidget *del = gtk_button_new_from_icon_name ("user-trash-symbolic");
          gtk_widget_add_css_class (del, "flat");
          gtk_widget_set_valign (del, GTK_ALIGN_CENTER);
          gtk_widget_set_tooltip_text (del, _("Delete Note"));
          gtk_accessible_update_property (GTK_ACCESSIBLE (del), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          _("Delete Note"), -1);
          g_object_set_data (G_OBJECT (del), "note-id", GSIZE_TO_POINTER ((gsize) n->id));
          g_signal_connect (del, "clicked", G_CALLBACK (delete_note_clicked_cb), self);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), del);
        }
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }
  gtk_box_append (self->notes_box, list);
}

/* ---- Loading ---------------------------------------------------------------- */

static void
reload (NvMeasureDetail *self)
{
  g_autoptr (NvMeasure) m = nv_measure_get (self->store, self->measure_id, NULL);

  if (m == NULL)
    {
      gtk_window_close (GTK_WINDOW (self));
      return;
    }
  gtk_window_set_title (GTK_WINDOW (self), m->title);
  adw_window_title_set_title (self->window_title, m->title);
  adw_window_title_set_subtitle (self->window_title, nv_measure_status_label (m->status));
  build_summary (self, m);
  build_effect (self, m);
  build_notes (self, m);
}

static gboolean
reload_idle_cb (gpointer user_data)
{
  NvMeasureDetail *self = user_data;

  self->reload_idle = 0;
  reload (self);
  return G_SOURCE_REMOVE;
}

static void
store_changed_cb (NvStore *store, guint topics, NvMeasureDetail *self)
{
  if ((topics & NV_TOPIC_MEASURES) != 0 && self->reload_idle == 0)
    self->reload_idle = g_idle_add (reload_idle_cb, self);
}

static void
edit_clicked_cb (NvMeasureDetail *self)
{
  g_autoptr (NvMeasure) m = nv_measure_get (self->store, self->measure_id, NULL);
  GtkWidget *dialog;

  if (m == NULL)
    return;
  dialog = nv_measure_dialog_new (self->context, m->unit_id, m);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

const char *
nv_measure_detail_get_before_text (NvMeasureDetail *self)
{
  return self->before_text;
}

const char *
nv_measure_detail_get_after_text (NvMeasureDetail *self)
{
  return self->after_text;
}

GtkWidget *
nv_measure_detail_new (NvContext *context, gint64 measure_id)
{
  NvMeasureDetail *self = g_object_new (NV_TYPE_MEASURE_DETAIL, NULL);

  self->context = g_object_ref (context);
  self->store = g_object_ref (nv_context_get_store (context));
  self->measure_id = measure_id;
  self->as_of = nv_context_today (context);
  self->changed_id = g_signal_connect (self->store, "changed", G_CALLBACK (store_changed_cb), self);
  reload (self);
  return GTK_WIDGET (self);
}

static void
nv_measure_detail_dispose (GObject *object)
{
  NvMeasureDetail *self = NV_MEASURE_DETAIL (object);

  g_clear_handle_id (&self->reload_idle, g_source_remove);
  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_id, self->store);
  g_clear_object (&self->store);
  g_clear_object (&self->context);
  g_clear_pointer (&self->before_text, g_free);
  g_clear_pointer (&self->after_text, g_free);
  G_OBJECT_CLASS (nv_measure_detail_parent_class)->dispose (object);
}

static void
nv_measure_detail_class_init (NvMeasureDetailClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nv_measure_detail_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/naervaer/Naervaer/ui/nv-measure-detail.ui");
  gtk_widget_class_bind_template_child (widget_class, NvMeasureDetail, toasts);
  gtk_widget_class_bind_template_child (widget_class, NvMeasureDetail, window_title);
  gtk_widget_class_bind_template_child (widget_class, NvMeasureDetail, summary_box);
  gtk_widget_class_bind_template_child (widget_class, NvMeasureDetail, effect_box);
  gtk_widget_class_bind_template_child (widget_class, NvMeasureDetail, notes_box);
  gtk_widget_class_bind_template_callback (widget_class, edit_clicked_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
nv_measure_detail_init (NvMeasureDetail *self)
{
  /* A screen reader says «dialog»; set on the instance: GTK 4.8 ignores
   * the role of a window subclass set on its class. */
  g_object_set (self, "accessible-role", GTK_ACCESSIBLE_ROLE_DIALOG, NULL);
  gtk_widget_init_template (GTK_WIDGET (self));
}
