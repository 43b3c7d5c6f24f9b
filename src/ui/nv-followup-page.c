/* nv-followup-page.c — the Follow-up section: what is overdue and what comes
 * in the next 14 days across the unit's employees, every current case on a
 * timeline with its milestones, what each step means (with its source), and
 * the privacy duties (export, erase, delete old cases).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-followup-page"

#include "config.h"

#include <glib/gi18n.h>

#include "nv-absence.h"
#include "nv-followup-dialogs.h"
#include "nv-followup-page.h"
#include "nv-followup-timeline.h"
#include "nv-followup.h"
#include "nv-format.h"

#define SOON_DAYS 14

struct _NvFollowupPage
{
  NvPage parent_instance;

  GSettings *settings;
  guint n_overdue;

  GtkStack *stack;
  AdwStatusPage *empty;
  GtkLabel *summary_label;
  AdwPreferencesGroup *overdue_group;
  GtkListBox *overdue_list;
  AdwPreferencesGroup *soon_group;
  GtkListBox *soon_list;
  AdwPreferencesGroup *cases_group;
  GtkBox *cases_box;
  AdwPreferencesGroup *meaning_group;
};

G_DEFINE_FINAL_TYPE (NvFollowupPage, nv_followup_page, NV_TYPE_PAGE)

enum
{
  PROP_0,
  PROP_N_OVERDUE,
  PROP_NEEDS_ATTENTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ---- Texts ------------------------------------------------------------- */

static char *
status_text (const NvMilestone *m, NvDay today)
{
  g_autofree char *due = nv_day_format_local (m->due);

  switch (m->status)
    {
    case NV_MILESTONE_DONE:
      {
        g_autofree char *done = nv_day_format_local (m->done_on);
        if (m->note != NULL && m->note[0] != '\0')
          /* Translators: "Done 30.01.2026 · plan sent to the GP" */
          return g_strdup_printf (_("Done %s · %s"), done, m->note);
        return g_strdup_printf (_("Done %s"), done);
      }
    case NV_MILESTONE_OVERDUE:
      {
        guint late = today - m->due;
        /* Translators: "Was due 02.02.2026 · 12 days overdue" */
        return g_strdup_printf (g_dngettext (NULL, "Was due %s · %u day overdue",
                                             "Was due %s · %u days overdue", late),
                                due, late);
      }
    case NV_MILESTONE_OPTIONAL:
      return g_strdup_printf (_("Optional while the employee is partly at work · by %s"), due);
    case NV_MILESTONE_DUE:
    default:
      if (m->due == today)
        return g_strdup_printf (_("Due %s · today"), due);
      if (m->due == today + 1)
        return g_strdup_printf (_("Due %s · tomorrow"), due);
      if (m->due - today <= 60)
        return g_strdup_printf (g_dngettext (NULL, "Due %s · in %u day", "Due %s · in %u days",
                                             m->due - today),
                                due, (guint) (m->due - today));
      return g_strdup_printf (_("Due %s"), due);
    }
}

static void
add_status_badge (AdwActionRow *row, NvMilestoneStatus status)
{
  GtkWidget *label = gtk_label_new (nv_milestone_status_label (status));

  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (label, "caption-heading");
  switch (status)
    {
    case NV_MILESTONE_OVERDUE:
      gtk_widget_add_css_class (label, "error");
      break;
    case NV_MILESTONE_DONE:
      gtk_widget_add_css_class (label, "success");
      break;
    case NV_MILESTONE_OPTIONAL:
    case NV_MILESTONE_DUE:
    default:
      gtk_widget_add_css_class (label, "dim-label");
      break;
    }
  adw_action_row_add_suffix (row, label);
}

/* ---- Rows -------------------------------------------------------------- */

static void
mark_done_clicked_cb (GtkButton *button, NvFollowupPage *self)
{
  const NvMilestone *m = g_object_get_data (G_OBJECT (button), "milestone");
  nv_followup_mark_done_dialog (NV_PAGE (self), m);
}

static void
undo_clicked_cb (GtkButton *button, NvFollowupPage *self)
{
  const NvMilestone *m = g_object_get_data (G_OBJECT (button), "milestone");
  nv_followup_undo_done (NV_PAGE (self), m);
}

/* A milestone as a row; @with_employee for the lists across employees. */
static GtkWidget *
milestone_row (NvFollowupPage *self, const NvMilestone *m, NvDay today, gboolean with_employee)
{
  const char *title = nv_milestone_title (m->milestone);
  g_autofree char *row_title = NULL;
  g_autofree char *subtitle = status_text (m, today);
  g_autofree char *button_label = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button;

  /* Translators: "AB — Follow-up plan" */
  row_title = with_employee ? g_strdup_printf (_("%s — %s"), m->employee_ref, title)
                            : g_strdup (title);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), row_title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_tooltip_text (row, nv_milestone_explanation (m->milestone));
  /* In the lists across employees the heading already says overdue or due. */
  if (!with_employee || m->status == NV_MILESTONE_OPTIONAL)
    add_status_badge (ADW_ACTION_ROW (row), m->status);

  if (m->status == NV_MILESTONE_DONE)
    {
      button = gtk_button_new_with_mnemonic (_("_Undo"));
      gtk_widget_add_css_class (button, "flat");
      /* Translators: accessible name of a button: "Undo Follow-up plan for AB" */
      button_label = g_strdup_printf (_("Undo %s for %s"), title, m->employee_ref);
      g_signal_connect (button, "clicked", G_CALLBACK (undo_clicked_cb), self);
    }
  else
    {
      button = gtk_button_new_with_mnemonic (_("_Mark as Done…"));
      /* Translators: accessible name of a button: "Mark Follow-up plan for AB as done" */
      button_label = g_strdup_printf (_("Mark %s for %s as done"), title, m->employee_ref);
      g_signal_connect (button, "clicked", G_CALLBACK (mark_done_clicked_cb), self);
    }
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  button_label, -1);
  g_object_set_data_full (G_OBJECT (button), "milestone", nv_milestone_copy (m),
                          (GDestroyNotify) nv_milestone_free);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  return row;
}

static GtkWidget *
placeholder_row (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_margin_top (label, 12);
  gtk_widget_set_margin_bottom (label, 12);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  return label;
}

/* How the employee is sick-listed today: "fully sick-listed", "50 %
 * sick-listed" or "self-certified"; NULL when no spell covers today. */
static char *
current_grade (NvFollowupPage *self, gint64 employee_id, NvDay today)
{
  NvStore *store = nv_page_get_store (NV_PAGE (self));
  g_autoptr (GPtrArray) spells = NULL;

  if (store == NULL)
    return NULL;
  spells = nv_spell_list_employee (store, employee_id, NULL);
  for (guint i = 0; spells != NULL && i < spells->len; i++)
    {
      const NvSpell *spell = g_ptr_array_index (spells, i);
      g_autofree char *grade = NULL;

      if (spell->start > today || (spell->end != NV_DAY_NONE && spell->end < today))
        continue;
      if (spell->type == NV_SPELL_SELF)
        return g_strdup (_("self-certified"));
      if (spell->grade >= 100.)
        return g_strdup (_("fully sick-listed"));
      grade = nv_format_number (spell->grade, 1);
      /* Translators: "50 % sick-listed" (graded sick leave) */
      return g_strdup_printf (_("%s %% sick-listed"), grade);
    }
  return NULL;
}

/* A card for one current case: who, since when, the timeline and each
 * milestone. @ms holds the case's milestones, by due date. */
static GtkWidget *
case_card (NvFollowupPage *self, GPtrArray *ms, NvDay today)
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
    subtitle = g_strdup_printf (_("Since %s · day %u"), since, day);
  else
    {
      g_autofree char *until = nv_day_format_local (first->case_end);
      /* Translators: "Since 05.01.2026 · day 47 · sick-listed until 31.03.2026" */
      subtitle = g_strdup_printf (_("Since %s · day %u · sick-listed until %s"), since, day, until);
    }
  {
    g_autofree char *grade = current_grade (self, first->employee_id, today);
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
      g_string_printf (next_text, _(", next: %s by %s"), nv_milestone_title (next->milestone),
                       due);
    }

  /* The steps themselves, folded: the lists above hold what needs doing. */
  {
    GtkWidget *expander = adw_expander_row_new ();
    g_autofree char *steps_subtitle = NULL;

    if (overdue > 0)
      steps_subtitle = g_strdup_printf (g_dngettext (NULL, "%u of %u done · %u overdue",
                                                     "%u of %u done · %u overdue", overdue),
                                        done, ms->len, overdue);
    else
      steps_subtitle = g_strdup_printf (_("%u of %u done"), done, ms->len);
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), _("All Steps"));
    adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), steps_subtitle);
    for (guint i = 0; i < ms->len; i++)
      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander),
                                milestone_row (self, g_ptr_array_index (ms, i), today, FALSE));
    gtk_list_box_append (GTK_LIST_BOX (list), expander);
  }
  /* Translators: accessible summary of a case: "AB, sick-listed since
   * 05.01.2026, day 47: 2 overdue, 1 done, next: …" */
  a11y = g_strdup_printf (_("%s, sick-listed since %s, day %u: %u overdue, %u done%s"),
                          first->employee_ref, since, day, overdue, done, next_text->str);
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);
  /* Translators: accessible description of the timeline picture */
  timeline_a11y = g_strdup_printf (_("Timeline of the case’s first year: day %u of 364; "
                                     "overdue: %u, done: %u"),
                                   day, overdue, done);
  gtk_accessible_update_property (GTK_ACCESSIBLE (timeline), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  timeline_a11y, -1);
  return list;
}

/* ---- What each step means ---------------------------------------------- */

static void
build_meanings (NvFollowupPage *self)
{
  NvFollowupRules *rules = nv_followup_rules_default ();
  NvDay today = nv_day_today ();
  const NvFollowupRuleSet *set = nv_followup_rules_for_day (rules, today);
  g_autofree char *valid = NULL;
  g_autofree char *description = NULL;

  if (set == NULL)
    return;
  valid = nv_day_format_local (set->valid_from);
  /* Translators: %s is the date the rules are valid from */
  description = g_strdup_printf (_("The dates follow the rules in force from %s, counted in "
                                   "calendar days from the first day of absence — also when it "
                                   "began as self-certified. Check the sources when in doubt."),
                                 valid);
  adw_preferences_group_set_description (self->meaning_group, description);

  for (guint i = 0; i < set->rules->len; i++)
    {
      const NvFollowupRule *rule = g_ptr_array_index (set->rules, i);
      g_autofree char *subtitle = NULL;
      GtkWidget *expander = adw_expander_row_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
      GtkWidget *label = gtk_label_new (nv_milestone_explanation (rule->id));
      GtkWidget *link = gtk_link_button_new_with_label (rule->source_url, rule->source_title);
      GtkWidget *row = gtk_list_box_row_new ();

      if (rule->offset_days % 7 == 0)
        /* Translators: "Week 4 — 28 days after the first day of absence" */
        subtitle = g_strdup_printf (_("Week %d — %d days after the first day of absence"),
                                    rule->offset_days / 7, rule->offset_days);
      else
        /* Translators: "15 days after the first day of absence (calendar day 16)" */
        subtitle = g_strdup_printf (_("%d days after the first day of absence (calendar day %d)"),
                                    rule->offset_days, rule->offset_days + 1);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), nv_milestone_title (rule->id));
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), subtitle);

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_selectable (GTK_LABEL (label), FALSE);
      gtk_widget_set_halign (link, GTK_ALIGN_START);
      /* Long law titles wrap in a narrow window. */
      gtk_label_set_wrap (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (link))), TRUE);
      gtk_label_set_xalign (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (link))), 0);
      gtk_widget_set_tooltip_text (link, rule->source_url);
      /* Translators: accessible name of a link: "Source: Arbeidsmiljøloven § 4-6 …" */
      {
        g_autofree char *link_a11y = g_strdup_printf (_("Source: %s"), rule->source_title);
        gtk_accessible_update_property (GTK_ACCESSIBLE (link), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                        link_a11y, -1);
      }
      gtk_widget_set_margin_top (box, 12);
      gtk_widget_set_margin_bottom (box, 12);
      gtk_widget_set_margin_start (box, 12);
      gtk_widget_set_margin_end (box, 12);
      gtk_box_append (GTK_BOX (box), label);
      gtk_box_append (GTK_BOX (box), link);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);
      adw_preferences_group_add (self->meaning_group, expander);
    }
}

/* ---- Reload ------------------------------------------------------------ */

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static void
clear_box (GtkBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_box_remove (box, child);
}

static void
set_n_overdue (NvFollowupPage *self, guint n)
{
  gboolean had = self->n_overdue > 0;

  if (self->n_overdue == n)
    return;
  self->n_overdue = n;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_OVERDUE]);
  if (had != (n > 0))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NEEDS_ATTENTION]);
}

static void
fill_summary (NvFollowupPage *self, guint n_cases, guint n_overdue, guint n_soon)
{
  g_autofree char *cases = g_strdup_printf (g_dngettext (NULL, "%u employee sick-listed now",
                                                         "%u employees sick-listed now", n_cases),
                                            n_cases);
  g_autofree char *text = NULL;

  if (n_overdue > 0)
    text = g_strdup_printf (g_dngettext (NULL, "%s · %u step overdue", "%s · %u steps overdue",
                                         n_overdue),
                            cases, n_overdue);
  else if (n_soon > 0)
    text = g_strdup_printf (g_dngettext (NULL, "%s · %u step in the next 14 days",
                                         "%s · %u steps in the next 14 days", n_soon),
                            cases, n_soon);
  else
    text = g_strdup_printf (_("%s · nothing overdue"), cases);
  gtk_label_set_text (self->summary_label, text);
}

static void
nv_followup_page_reload (NvPage *page)
{
  NvFollowupPage *self = NV_FOLLOWUP_PAGE (page);
  NvStore *store = nv_page_get_store (page);
  gint64 unit_id = nv_page_get_unit_id (page);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) all = NULL;
  g_autoptr (GPtrArray) upcoming = NULL;
  g_autoptr (GPtrArray) current = NULL;
  NvDay today = nv_day_today ();
  guint n_overdue = 0, n_soon = 0, n_cases = 0;

  clear_list (self->overdue_list);
  clear_list (self->soon_list);
  clear_box (self->cases_box);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "followup.export-employee", unit_id != 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "followup.erase-employee", unit_id != 0);

  if (store == NULL || unit_id == 0)
    {
      set_n_overdue (self, 0);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  all = nv_followup_list (store, unit_id, today, &error);
  if (all == NULL)
    {
      nv_page_toast (page, error->message);
      set_n_overdue (self, 0);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  upcoming = nv_followup_select_upcoming (all, today, SOON_DAYS);
  for (guint i = 0; i < upcoming->len; i++)
    {
      const NvMilestone *m = g_ptr_array_index (upcoming, i);
      gboolean overdue = m->status == NV_MILESTONE_OVERDUE;

      gtk_list_box_append (overdue ? self->overdue_list : self->soon_list,
                           milestone_row (self, m, today, TRUE));
      if (overdue)
        n_overdue++;
      else
        n_soon++;
    }
  if (n_overdue == 0)
    gtk_list_box_append (self->overdue_list, placeholder_row (_("Nothing is overdue.")));
  if (n_soon == 0)
    gtk_list_box_append (self->soon_list,
                         placeholder_row (_("Nothing is due in the next 14 days.")));

  /* Current cases, one card each; @all is sorted by case start, employee. */
  current = g_ptr_array_new_with_free_func ((GDestroyNotify) nv_milestone_free);
  for (guint i = 0; i <= all->len; i++)
    {
      const NvMilestone *m = i < all->len ? g_ptr_array_index (all, i) : NULL;

      if (current->len > 0)
        {
          const NvMilestone *c = g_ptr_array_index (current, 0);
          if (m == NULL || m->employee_id != c->employee_id || m->case_start != c->case_start)
            {
              gtk_box_append (self->cases_box, case_card (self, current, today));
              n_cases++;
              g_ptr_array_set_size (current, 0);
            }
        }
      if (m != NULL && nv_milestone_case_is_current (m, today) && m->case_start <= today)
        g_ptr_array_add (current, nv_milestone_copy (m));
    }

  fill_summary (self, n_cases, n_overdue, n_soon);
  set_n_overdue (self, n_overdue);
  gtk_stack_set_visible_child_name (self->stack, n_cases > 0 || upcoming->len > 0 ? "content"
                                                                                 : "empty");
}

/* ---- Actions ----------------------------------------------------------- */

static void
export_employee_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  nv_followup_export_employee_dialog (NV_PAGE (widget));
}

static void
erase_employee_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  nv_followup_erase_employee_dialog (NV_PAGE (widget));
}

static void
delete_old_cases_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  NvFollowupPage *self = NV_FOLLOWUP_PAGE (widget);
  nv_followup_delete_old_cases_dialog (NV_PAGE (self),
                                       g_settings_get_int (self->settings, "retention-years"));
}

/* ---- GObject ----------------------------------------------------------- */

guint
nv_followup_page_get_n_overdue (NvFollowupPage *self)
{
  g_return_val_if_fail (NV_IS_FOLLOWUP_PAGE (self), 0);
  return self->n_overdue;
}

static void
nv_followup_page_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  NvFollowupPage *self = NV_FOLLOWUP_PAGE (object);

  switch (prop_id)
    {
    case PROP_N_OVERDUE:
      g_value_set_uint (value, self->n_overdue);
      break;
    case PROP_NEEDS_ATTENTION:
      g_value_set_boolean (value, self->n_overdue > 0);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nv_followup_page_dispose (GObject *object)
{
  NvFollowupPage *self = NV_FOLLOWUP_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), NV_TYPE_FOLLOWUP_PAGE);
  g_clear_object (&self->settings);
  G_OBJECT_CLASS (nv_followup_page_parent_class)->dispose (object);
}

static void
nv_followup_page_class_init (NvFollowupPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  NvPageClass *page_class = NV_PAGE_CLASS (klass);

  object_class->dispose = nv_followup_page_dispose;
  object_class->get_property = nv_followup_page_get_property;
  page_class->reload = nv_followup_page_reload;

  /**
   * NvFollowupPage:n-overdue:
   * Overdue milestones of the unit's current cases (the section's badge).
   */
  properties[PROP_N_OVERDUE] =
    g_param_spec_uint ("n-overdue", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NEEDS_ATTENTION] =
    g_param_spec_boolean ("needs-attention", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/naervaer/Naervaer/ui/nv-followup-page.ui");
  gtk_widget_class_bind_template_child (widget_class, NvFollowupPage, stack);
  gtk_widget_class_bind_template_child (widget_class, NvFollowupPage, empty);
  gtk_widget_class_bind_template_child (widget_class, NvFollowupPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, NvFollowupPage, overdue_group);
  gtk_widget_class_bind_template_child (widget_class, NvFollowupPage, overdue_list);
  gtk_widget_class_bind_template_child (widget_class, NvFollowupPage, soon_group);
  gtk_widget_class_bind_template_child (widget_class, NvFollowupPage, soon_list);
  gtk_widget_class_bind_template_child (widget_class, NvFollowupPage, cases_group);
  gtk_widget_class_bind_template_child (widget_class, NvFollowupPage, cases_box);
  gtk_widget_class_bind_template_child (widget_class, NvFollowupPage, meaning_group);

  gtk_widget_class_install_action (widget_class, "followup.export-employee", NULL,
                                   export_employee_action);
  gtk_widget_class_install_action (widget_class, "followup.erase-employee", NULL,
                                   erase_employee_action);
  gtk_widget_class_install_action (widget_class, "followup.delete-old-cases", NULL,
                                   delete_old_cases_action);
}

static void
nv_followup_page_init (NvFollowupPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->settings = g_settings_new (APPLICATION_ID);
  build_meanings (self);
}
