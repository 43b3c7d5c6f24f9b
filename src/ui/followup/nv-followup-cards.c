/* nv-followup-cards.c — the Follow-up section's case cards: one card per
 * current case, with who, since when, how sick-listed today, the timeline
 * of the case's first year and all its steps (made when first unfolded).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-followup-page"

#include "config.h"

#include <glib/gi18n.h>

#include "nv-a11y.h"
#include "nv-followup-dialogs.h"
#include "nv-followup-page-private.h"
#include "nv-followup-timeline.h"
#include "nv-format.h"

static void
mark_done_clicked_cb (GtkButton *button, NvPage *page)
{
  const NvMilestone *m = g_object_get_data (G_OBJECT (button), "milestone");
  nv_followup_mark_done_dialog (page, m);
}

static void
undo_clicked_cb (GtkButton *button, NvPage *page)
{
  const NvMilestone *m = g_object_get_data (G_OBJECT (button), "milestone");
  nv_followup_undo_done (page, m);
}

/* A milestone of a case card as a row. */
static GtkWidget *
milestone_row (NvPage *page, const NvMilestone *m, NvDay today)
{
  const char *title = nv_milestone_title (m->milestone);
  g_autofree char *subtitle = nv_followup_status_text (m, today);
  g_autofree char *button_label = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_tooltip_text (row, nv_milestone_explanation (m->milestone));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), nv_followup_status_badge (m->status));

  if (m->status == NV_MILESTONE_DONE)
    {
      button = gtk_button_new_with_mnemonic (_ ("_Undo"));
      gtk_widget_add_css_class (button, "flat");
      /* Translators: accessible name of a button: "Undo Follow-up plan for AB" */
      button_label = g_strdup_printf (_ ("Undo %s for %s"), title, m->employee_ref);
      g_signal_connect (button, "clicked", G_CALLBACK (undo_clicked_cb), page);
    }
  else
    {
      button = gtk_button_new_with_mnemonic (_ ("_Mark as Done…"));
      /* Translators: accessible name of a button: "Mark Follow-up plan for AB as done" */
      button_label = g_strdup_printf (_ ("Mark %s for %s as done"), title, m->employee_ref);
      g_signal_connect (button, "clicked", G_CALLBACK (mark_done_clicked_cb), page);
    }
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  nv_a11y_set_button_name (button, button_label);
  g_object_set_data_full (G_OBJECT (button), "milestone", nv_milestone_copy (m),
                          (GDestroyNotify)nv_milestone_free);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  return row;
}

/* A case card's «All Steps», unfolded for the first time: its rows. */
static void
steps_expanded_cb (AdwExpanderRow *expander, GParamSpec *pspec, NvPage *page)
{
  g_autoptr (GPtrArray) ms = g_object_steal_data (G_OBJECT (expander), "milestones");
  NvDay today = nv_page_today (page);

  if (ms == NULL || !adw_expander_row_get_expanded (expander))
    {
      if (ms != NULL)
        g_object_set_data_full (G_OBJECT (expander), "milestones", g_steal_pointer (&ms),
                                (GDestroyNotify)g_ptr_array_unref);
      return;
    }
  for (guint i = 0; i < ms->len; i++)
    adw_expander_row_add_row (expander, milestone_row (page, g_ptr_array_index (ms, i), today));
}

/* How the employee is sick-listed today in case @c: "fully sick-listed",
 * "50 % sick-listed" or "self-certified"; NULL when no spell covers today. */
static char *
current_grade (const NvCase *c, NvDay today)
{
  for (guint i = 0; c != NULL && i < c->spells->len; i++)
    {
      const NvSpell *spell = &g_array_index (c->spells, NvSpell, i);
      g_autofree char *grade = NULL;

      if (spell->start > today || (spell->end != NV_DAY_NONE && spell->end < today))
        continue;
      if (spell->type == NV_SPELL_SELF)
        return g_strdup (_ ("self-certified"));
      if (spell->grade >= 100.)
        return g_strdup (_ ("fully sick-listed"));
      grade = nv_format_number (spell->grade, 1);
      /* Translators: "50 % sick-listed" (graded sick leave) */
      return g_strdup_printf (_ ("%s %% sick-listed"), grade);
    }
  return NULL;
}

static gpointer
copy_milestone (gconstpointer m, gpointer data)
{
  return nv_milestone_copy (m);
}

/* A card for one current case: who, since when, the timeline and each
 * milestone. @ms holds the case's milestones, by due date. */
GtkWidget *
nv_followup_case_card (NvPage *page, GPtrArray *ms, const NvCase *c, NvDay today)
{
  const NvMilestone *first = g_ptr_array_index (ms, 0);
  const NvMilestone *next = NULL;
  g_autofree char *since = nv_day_format_local (first->case_start);
  g_autofree char *subtitle = NULL;
  g_autofree char *a11y = NULL;
  g_autofree char *timeline_a11y = NULL;
  g_autoptr (GString) next_text = g_string_new (NULL);
  guint day = today >= first->case_start ? today - first->case_start + 1 : 0;
  guint overdue = 0, done = 0;
  GtkWidget *list, *header, *box, *name, *detail, *timeline;

  for (guint i = 0; i < ms->len; i++)
    {
      const NvMilestone *m = g_ptr_array_index (ms, i);
      if (m->status == NV_MILESTONE_OVERDUE)
        overdue++;
      else if (m->status == NV_MILESTONE_DONE)
        done++;
      else if (next == NULL && m->status == NV_MILESTONE_DUE)
        next = m;
    }

  if (first->case_open)
    /* Translators: "Since 05.01.2026 · day 47" */
    subtitle = g_strdup_printf (_ ("Since %s · day %u"), since, day);
  else
    {
      g_autofree char *until = nv_day_format_local (first->case_end);
      /* Translators: "Since 05.01.2026 · day 47 · sick-listed until 31.03.2026" */
      subtitle
          = g_strdup_printf (_ ("Since %s · day %u · sick-listed until %s"), since, day, until);
    }
  {
    g_autofree char *grade = current_grade (c, today);
    if (grade != NULL)
      {
        char *with_grade = g_strdup_printf ("%s · %s", subtitle, grade);
        g_free (subtitle);
        subtitle = with_grade;
      }
  }

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  name = gtk_label_new (first->employee_ref);
  gtk_widget_add_css_class (name, "heading");
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  detail = gtk_label_new (subtitle);
  gtk_widget_add_css_class (detail, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (detail), 0);
  gtk_label_set_wrap (GTK_LABEL (detail), TRUE);
  gtk_widget_set_hexpand (detail, TRUE);
  gtk_box_append (GTK_BOX (header), name);
  gtk_box_append (GTK_BOX (header), detail);
  gtk_box_append (GTK_BOX (box), header);

  timeline = nv_followup_timeline_new ();
  nv_followup_timeline_set_case (NV_FOLLOWUP_TIMELINE (timeline), ms, day);
  gtk_box_append (GTK_BOX (box), timeline);
  {
    GtkWidget *row = gtk_list_box_row_new ();
    gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
    gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
    gtk_list_box_append (GTK_LIST_BOX (list), row);
  }

  if (next != NULL)
    {
      g_autofree char *due = nv_day_format_local (next->due);
      /* Translators: ", next: Dialogue meeting 1 by 23.02.2026" */
      g_string_printf (next_text, _ (", next: %s by %s"), nv_milestone_title (next->milestone),
                       due);
    }

  /* The steps themselves, folded: the lists above hold what needs doing. */
  {
    GtkWidget *expander = adw_expander_row_new ();
    g_autofree char *steps_subtitle = NULL;

    if (overdue > 0)
      steps_subtitle = g_strdup_printf (
          g_dngettext (NULL, "%u of %u done · %u overdue", "%u of %u done · %u overdue", overdue),
          done, ms->len, overdue);
    else
      steps_subtitle = g_strdup_printf (_ ("%u of %u done"), done, ms->len);
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), _ ("All Steps"));
    adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), steps_subtitle);
    GPtrArray *copy = g_ptr_array_copy (ms, copy_milestone, NULL);

    /* Its rows are made when it is first unfolded. */
    g_ptr_array_set_free_func (copy, (GDestroyNotify)nv_milestone_free);
    g_object_set_data_full (G_OBJECT (expander), "milestones", copy,
                            (GDestroyNotify)g_ptr_array_unref);
    g_signal_connect (expander, "notify::expanded", G_CALLBACK (steps_expanded_cb), page);
    gtk_list_box_append (GTK_LIST_BOX (list), expander);
  }
  /* Translators: accessible summary of a case: "AB, sick-listed since
   * 05.01.2026, day 47: 2 overdue, 1 done, next: …" */
  a11y = g_strdup_printf (_ ("%s, sick-listed since %s, day %u: %u overdue, %u done%s"),
                          first->employee_ref, since, day, overdue, done, next_text->str);
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);
  /* Translators: accessible description of the timeline picture */
  timeline_a11y = g_strdup_printf (_ ("Timeline of the case’s first year: day %u of 364; "
                                      "overdue: %u, done: %u"),
                                   day, overdue, done);
  gtk_accessible_update_property (GTK_ACCESSIBLE (timeline), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  timeline_a11y, -1);
  return list;
}
