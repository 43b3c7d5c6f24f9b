/* nv-followup-page.c — the Follow-up section: employees to consider a
 * conversation with (repeated absence), what is overdue and what comes in
 * the next 14 days across the unit's employees, steps before the unit's
 * «follow-up tracked from» day apart, every current case on a timeline with
 * its milestones, what each step means (with its source), and the privacy
 * duties (export, erase, delete old cases).
 *
 * Cases here are follow-up cases (spells less than 16 days apart belong
 * together), not the statistics' cases of the Overview.
 *
 * The section's badge is counted without building anything
 * (nv_followup_count()); the lists and cards are built only while the page
 * is on screen, and the long lists are list views over a model.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-followup-page"

#include "config.h"

#include <glib/gi18n.h>

#include "nv-absence.h"
#include "nv-followup-dialogs.h"
#include "nv-followup-page-private.h"
#include "nv-followup-page.h"
#include "nv-followup-timeline.h"
#include "nv-followup.h"
#include "nv-format.h"
#include "nv-milestone-model.h"
#include "nv-page-worker.h"
#include "nv-tracked-from-dialog.h"
#include "nv-a11y.h"

#define SOON_DAYS 14

#define LIST_MAX_HEIGHT 420

struct _NvFollowupPage
{
  NvPage parent_instance;

  gboolean meanings_built;
  guint n_overdue;
  gboolean stale; /* data changed while off screen: build on map */
  guint cards_source;
  GCancellable *badge_cancel; /* the content being prepared in a worker thread */
  gint64 pending_unit;        /* for this unit and day */
  NvDay pending_today;
  NvFollowupData *prepared;   /* and what it gave, for build() */
  gboolean build_on_arrival;  /* shown while it was being prepared: build when it comes */

  NvMilestoneModel *overdue_model;
  NvMilestoneModel *soon_model;
  NvMilestoneModel *not_tracked_model;
  GtkWidget *not_tracked_list; /* built on first expand */

  GtkStack *stack;
  GtkSpinner *loading_spinner;
  AdwStatusPage *empty;
  GtkLabel *summary_label;
  AdwPreferencesGroup *repeated_group;
  GtkBox *repeated_box;
  GListStore *repeated_store;
  AdwPreferencesGroup *overdue_group;
  GtkButton *tracked_button;
  GtkBox *overdue_box;
  AdwPreferencesGroup *soon_group;
  GtkBox *soon_box;
  AdwPreferencesGroup *not_tracked_group;
  AdwExpanderRow *not_tracked_row;
  AdwPreferencesGroup *cases_group;
  GtkBox *cases_box;
  AdwPreferencesGroup *meaning_group;
  GtkWidget *overdue_placeholder;
  GtkWidget *soon_placeholder;
};

G_DEFINE_FINAL_TYPE (NvFollowupPage, nv_followup_page, NV_TYPE_PAGE)

static void cancel_badge (NvFollowupPage *self);

enum
{
  PROP_0,
  PROP_N_OVERDUE,
  PROP_NEEDS_ATTENTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];


static GtkWidget *
placeholder_row (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, "card");
  gtk_widget_set_size_request (label, -1, 48);
  return label;
}


/* ---- What each step means ---------------------------------------------- */

static void
build_meanings (NvFollowupPage *self)
{
  NvFollowupRules *rules = nv_followup_rules_default ();
  NvDay today = nv_page_today (NV_PAGE (self));
  const NvFollowupRuleSet *set = NULL;
  g_autofree char *valid = NULL;
  g_autofree char *description = NULL;

  /* The rules in force today, by the clock of the first context. */
  if (self->meanings_built || today == NV_DAY_NONE)
    return;
  self->meanings_built = TRUE;
  set = nv_followup_rules_for_day (rules, today);
  if (set == NULL)
    return;
  valid = nv_day_format_local (set->valid_from);
  /* Translators: %s is the date the rules are valid from */
  description = g_strdup_printf (_("The dates follow the rules in force from %s, counted in "
                                   "calendar days as NAV counts them: the first day of absence "
                                   "is day 1, also when it began as self-certified. Absences "
                                   "less than 16 days apart count as one case. Check the "
                                   "sources when in doubt."),
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

      /* NAV's counting: the first day of absence is day 1 (DESIGN §3). */
      if ((rule->offset_days + 1) % 7 == 0)
        /* Translators: "End of week 4 — day 28 of the absence" */
        subtitle = g_strdup_printf (_("End of week %d — day %d of the absence"),
                                    (rule->offset_days + 1) / 7, rule->offset_days + 1);
      else
        /* Translators: "Day 16 of the absence" */
        subtitle = g_strdup_printf (_("Day %d of the absence"), rule->offset_days + 1);
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
  /* Counts with groups of three: a big unit has «16 430 steps overdue». */
  g_autofree char *n_cases_text = nv_format_grouped (n_cases);
  g_autofree char *n_overdue_text = nv_format_grouped (n_overdue);
  g_autofree char *n_soon_text = nv_format_grouped (n_soon);
  g_autofree char *cases = g_strdup_printf (g_dngettext (NULL, "%s employee sick-listed now",
                                                         "%s employees sick-listed now", n_cases),
                                            n_cases_text);
  g_autofree char *text = NULL;

  if (n_overdue > 0)
    text = g_strdup_printf (g_dngettext (NULL, "%s · %s step overdue", "%s · %s steps overdue",
                                         n_overdue),
                            cases, n_overdue_text);
  else if (n_soon > 0)
    text = g_strdup_printf (g_dngettext (NULL, "%s · %s step in the next 14 days",
                                         "%s · %s steps in the next 14 days", n_soon),
                            cases, n_soon_text);
  else
    text = g_strdup_printf (_("%s · nothing overdue"), cases);
  gtk_label_set_text (self->summary_label, text);
}

static void
fill_tracked_from (NvFollowupPage *self, NvDay tracked_from, guint n_not_tracked)
{
  g_autofree char *day = tracked_from != NV_DAY_NONE ? nv_day_format_local (tracked_from) : NULL;
  g_autofree char *label = NULL;

  if (day != NULL)
    /* Translators: a button: "Tracked from 01.02.2026" */
    label = g_strdup_printf (_("Tracked from %s"), day);
  gtk_button_set_label (self->tracked_button,
                        label != NULL ? label : _("Set Tracked-From Date…"));
  /* In a narrow window the button's words go onto two lines rather than
   * squeezing the group's title to «Over fris…» (issue 18). */
  if (GTK_IS_LABEL (gtk_button_get_child (self->tracked_button)))
    {
      gtk_label_set_wrap (GTK_LABEL (gtk_button_get_child (self->tracked_button)), TRUE);
      gtk_label_set_justify (GTK_LABEL (gtk_button_get_child (self->tracked_button)),
                             GTK_JUSTIFY_CENTER);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->not_tracked_group), n_not_tracked > 0);
  if (n_not_tracked > 0)
    {
      g_autofree char *title =
        g_strdup_printf (g_dngettext (NULL, "%u step fell due before %s",
                                      "%u steps fell due before %s", n_not_tracked),
                         n_not_tracked, day);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->not_tracked_row), title);
      adw_expander_row_set_subtitle (self->not_tracked_row,
                                     _("History from before follow-up was tracked here: never "
                                       "counted as overdue and never reminded of"));
    }
}

/* The stack's @name: "loading", "empty" or "content". From and to
 * "loading" at once: the steps arrive in the frame after they are ready. */
static void
show_child (NvFollowupPage *self, const char *name)
{
  gboolean loading = g_str_equal (name, "loading");
  const char *now = gtk_stack_get_visible_child_name (self->stack);

  gtk_spinner_set_spinning (self->loading_spinner, loading);
  gtk_stack_set_visible_child_full (self->stack, name,
                                    loading || g_strcmp0 (now, "loading") == 0
                                      ? GTK_STACK_TRANSITION_TYPE_NONE
                                      : gtk_stack_get_transition_type (self->stack));
}

static void
show_empty (NvFollowupPage *self)
{
  nv_milestone_model_set (self->overdue_model, NULL, NULL);
  nv_milestone_model_set (self->soon_model, NULL, NULL);
  nv_milestone_model_set (self->not_tracked_model, NULL, NULL);
  clear_box (self->cases_box);
  show_child (self, "empty");
}

/* Cards are made a few at a time, so the page shows at once. */
#define CARDS_AT_ONCE 6

typedef struct
{
  NvFollowupData *data;
  GHashTable *case_of; /* employee id → current NvCase */
  guint next;
} Cards;

static void
cards_free (Cards *cards)
{
  nv_followup_data_free_later (cards->data);
  g_hash_table_unref (cards->case_of);
  g_free (cards);
}

static void
add_cards (NvFollowupPage *self, Cards *cards, guint n)
{
  g_autoptr (GPtrArray) ms = g_ptr_array_new ();
  NvDay today = nv_page_today (NV_PAGE (self));
  GPtrArray *all = cards->data->all;
  GArray *starts = cards->data->starts;

  for (; n > 0 && cards->next < starts->len; n--, cards->next++)
    {
      guint i = g_array_index (starts, guint, cards->next);
      const NvMilestone *first = g_ptr_array_index (all, i);
      const NvCase *c = g_hash_table_lookup (cards->case_of, &first->employee_id);

      g_ptr_array_set_size (ms, 0);
      for (; i < all->len; i++)
        {
          const NvMilestone *m = g_ptr_array_index (all, i);
          if (m->employee_id != first->employee_id || m->case_start != first->case_start)
            break;
          g_ptr_array_add (ms, (gpointer) m);
        }
      gtk_box_append (self->cases_box,
                      nv_followup_case_card (NV_PAGE (self), ms,
                                             c != NULL && c->start == first->case_start ? c : NULL,
                                             today));
    }
}

static gboolean
more_cards_cb (gpointer user_data)
{
  NvFollowupPage *self = user_data;
  Cards *cards = g_object_get_data (G_OBJECT (self), "cards");

  if (cards == NULL)
    {
      self->cards_source = 0;
      return G_SOURCE_REMOVE;
    }
  add_cards (self, cards, CARDS_AT_ONCE);
  if (cards->next < cards->data->starts->len)
    return G_SOURCE_CONTINUE;
  self->cards_source = 0;
  return G_SOURCE_REMOVE;
}

/* Everything on the page from the unit's milestones: prepared while the
 * page was hidden (prepare_in_thread()) when it is there, or computed now. */
static void
build (NvFollowupPage *self)
{
  NvPage *page = NV_PAGE (self);
  NvStore *store = nv_page_get_store (page);
  gint64 unit_id = nv_page_get_unit_id (page);
  g_autoptr (GError) error = NULL;
  NvDay today = nv_page_today (NV_PAGE (self));
  NvFollowupData *data = NULL;
  Cards *cards;
  guint n_cards;

  /* Opened while a worker thread prepares this unit's steps (on a busy
   * machine it may not be done yet): rather than computing them all again
   * here, say so and build when they come (prepared_cb()). */
  if (self->prepared == NULL && self->badge_cancel != NULL && store != NULL && unit_id != 0 &&
      self->pending_unit == unit_id && self->pending_today == today)
    {
      self->build_on_arrival = TRUE;
      show_child (self, "loading");
      return;
    }
  self->build_on_arrival = FALSE;
  self->stale = FALSE;
  cancel_badge (self);
  g_clear_handle_id (&self->cards_source, g_source_remove);
  g_object_set_data (G_OBJECT (self), "cards", NULL);
  clear_box (self->cases_box);

  if (self->prepared != NULL && self->prepared->unit_id == unit_id &&
      self->prepared->today == today)
    data = g_steal_pointer (&self->prepared);
  nv_followup_data_free_later (g_steal_pointer (&self->prepared));
  if (store == NULL || unit_id == 0)
    {
      nv_followup_data_free_later (data);
      set_n_overdue (self, 0);
      show_empty (self);
      return;
    }
  if (data == NULL)
    data = nv_followup_data_compute (store, unit_id, today, SOON_DAYS, &error);
  if (data == NULL)
    {
      nv_page_toast (page, error->message);
      set_n_overdue (self, 0);
      show_empty (self);
      return;
    }

  nv_milestone_model_set (self->overdue_model, data->all, data->overdue);
  nv_milestone_model_set (self->soon_model, data->all, data->soon);
  nv_milestone_model_set (self->not_tracked_model, data->all, data->not_tracked);

  gtk_widget_set_visible (self->overdue_placeholder, data->overdue->len == 0);
  gtk_widget_set_visible (gtk_widget_get_next_sibling (self->overdue_placeholder),
                          data->overdue->len > 0);
  gtk_widget_set_visible (self->soon_placeholder, data->soon->len == 0);
  gtk_widget_set_visible (gtk_widget_get_next_sibling (self->soon_placeholder),
                          data->soon->len > 0);
  fill_tracked_from (self, data->tracked_from, data->not_tracked->len);

  nv_followup_fill_repeated (self->repeated_store, data->flagged);
  gtk_widget_set_visible (GTK_WIDGET (self->repeated_group), data->flagged->len > 0);

  /* Current cases, one card each: the first at once, the rest when idle. */
  cards = g_new0 (Cards, 1);
  cards->case_of = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint i = 0; i < data->cases->len; i++)
    {
      NvCase *c = g_ptr_array_index (data->cases, i);
      if (c->open || c->end >= today)
        g_hash_table_insert (cards->case_of, &c->employee_id, c);
    }
  cards->data = data;
  g_object_set_data_full (G_OBJECT (self), "cards", cards, (GDestroyNotify) cards_free);
  add_cards (self, cards, CARDS_AT_ONCE);

  n_cards = data->starts->len;
  if (cards->next < n_cards)
    self->cards_source = g_idle_add_full (G_PRIORITY_LOW, more_cards_cb, self, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->cases_group), n_cards > 0);

  fill_summary (self, n_cards, data->overdue->len, data->soon->len);
  set_n_overdue (self, data->overdue->len);
  show_child (self, n_cards > 0 || data->overdue->len > 0 || data->soon->len > 0 ||
                        data->not_tracked->len > 0 || data->flagged->len > 0
                      ? "content"
                      : "empty");
}

/* ---- Prepared off the main thread --------------------------------------- */

static gpointer
prepare_thread (NvStore *store, gint64 unit_id, NvDay today, GError **error)
{
  return nv_followup_data_compute (store, unit_id, today, SOON_DAYS, error);
}

static void
prepared_cb (NvPage *page, gpointer result, const GError *worker_error)
{
  NvFollowupPage *self = NV_FOLLOWUP_PAGE (page);
  NvFollowupData *data = result;
  g_autoptr (GError) error = NULL;

  g_clear_object (&self->badge_cancel);
  if (data == NULL)
    {
      /* The worker's own connection failed (busy, say): count here. */
      NvStore *store = nv_page_get_store (NV_PAGE (self));
      guint n_overdue = 0;

      g_debug ("follow-up prepared in a worker thread: %s", worker_error->message);
      if (store != NULL && nv_page_get_unit_id (NV_PAGE (self)) != 0 &&
          !nv_followup_count (store, nv_page_get_unit_id (NV_PAGE (self)),
                              nv_page_today (NV_PAGE (self)), SOON_DAYS, &n_overdue, NULL, &error))
        {
          if (nv_store_error_is_offline (error))
            g_debug ("follow-up badge: %s", error->message);
          else
            g_warning ("follow-up badge: %s", error->message);
          n_overdue = 0;
        }
      set_n_overdue (self, n_overdue);
      /* Shown meanwhile: computed here after all. */
      if (self->build_on_arrival && gtk_widget_get_mapped (GTK_WIDGET (self)))
        build (self);
      return;
    }
  nv_followup_data_free_later (self->prepared);
  self->prepared = data;
  /* The badge counts what the Overdue list will show. */
  set_n_overdue (self, data->overdue->len);
  if (self->build_on_arrival && gtk_widget_get_mapped (GTK_WIDGET (self)))
    build (self);
}

static void
cancel_badge (NvFollowupPage *self)
{
  if (self->badge_cancel != NULL)
    g_cancellable_cancel (self->badge_cancel);
  g_clear_object (&self->badge_cancel);
}

static void
prepare_in_thread (NvFollowupPage *self, const char *path)
{
  cancel_badge (self);
  self->badge_cancel = g_cancellable_new ();
  self->pending_unit = nv_page_get_unit_id (NV_PAGE (self));
  self->pending_today = nv_page_today (NV_PAGE (self));
  nv_page_compute_in_thread (NV_PAGE (self), path, self->badge_cancel, prepare_thread,
                             (GDestroyNotify) nv_followup_data_free_later, prepared_cb);
}

static void
nv_followup_page_reload (NvPage *page)
{
  NvFollowupPage *self = NV_FOLLOWUP_PAGE (page);
  NvStore *store = nv_page_get_store (page);
  gint64 unit_id = nv_page_get_unit_id (page);
  g_autoptr (GError) error = NULL;
  guint n_overdue = 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "followup.export-employee", unit_id != 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "followup.erase-employee", unit_id != 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "followup.tracked-from", unit_id != 0);

  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      /* What a worker may be preparing was read before this change. */
      cancel_badge (self);
      build (self);
      return;
    }
  /* Off screen only the badge is needed at once: the content is prepared
   * in a worker thread, nothing built. What was prepared is out of date. */
  self->stale = TRUE;
  nv_followup_data_free_later (g_steal_pointer (&self->prepared));
  if (store == NULL || unit_id == 0)
    {
      cancel_badge (self);
      set_n_overdue (self, 0);
      return;
    }
  /* Computing it walks every spell of the unit (some 150 ms with 100 000
   * spells, on every unit switch and before the first frame): a worker
   * thread does it on a connection of its own, as the reminder does, and
   * opening the section then only builds widgets. */
  if (nv_store_get_path (store) != NULL)
    {
      prepare_in_thread (self, nv_store_get_path (store));
      return;
    }
  if (!nv_followup_count (store, unit_id, nv_page_today (NV_PAGE (self)), SOON_DAYS, &n_overdue,
                          NULL, &error))
    {
      if (nv_store_error_is_offline (error))
        g_debug ("follow-up badge: %s", error->message);
      else
        g_warning ("follow-up badge: %s", error->message);
      n_overdue = 0;
    }
  set_n_overdue (self, n_overdue);
}

static void
nv_followup_page_map (GtkWidget *widget)
{
  NvFollowupPage *self = NV_FOLLOWUP_PAGE (widget);

  GTK_WIDGET_CLASS (nv_followup_page_parent_class)->map (widget);
  /* Made when first shown: the page is made hidden at start-up for its badge. */
  build_meanings (self);
  if (self->stale)
    build (self);
}

static void
not_tracked_expanded_cb (NvFollowupPage *self)
{
  GtkWidget *row;

  if (!adw_expander_row_get_expanded (self->not_tracked_row) || self->not_tracked_list != NULL)
    return;
  self->not_tracked_list =
    nv_followup_milestone_list_new (NV_PAGE (self), G_LIST_MODEL (self->not_tracked_model), TRUE,
                                    LIST_MAX_HEIGHT, _("Not tracked"));
  gtk_widget_remove_css_class (self->not_tracked_list, "card");
  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), self->not_tracked_list);
  adw_expander_row_add_row (self->not_tracked_row, row);
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
                                       g_settings_get_int (nv_page_get_settings (NV_PAGE (self)), "retention-years"));
}

static void
tracked_from_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  NvPage *page = NV_PAGE (widget);
  NvTrackedFromDialog *dialog;

  if (nv_page_get_store (page) == NULL || nv_page_get_unit_id (page) == 0)
    return;
  dialog = nv_tracked_from_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                       nv_page_get_context (page), nv_page_get_unit_id (page));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- GObject ----------------------------------------------------------- */

guint
nv_followup_page_get_n_overdue (NvFollowupPage *self)
{
  g_return_val_if_fail (NV_IS_FOLLOWUP_PAGE (self), 0);
  return self->n_overdue;
}

GListModel *
nv_followup_page_get_list (NvFollowupPage *self, const char *which)
{
  g_return_val_if_fail (NV_IS_FOLLOWUP_PAGE (self), NULL);
  if (g_strcmp0 (which, "overdue") == 0)
    return G_LIST_MODEL (self->overdue_model);
  if (g_strcmp0 (which, "soon") == 0)
    return G_LIST_MODEL (self->soon_model);
  if (g_strcmp0 (which, "not-tracked") == 0)
    return G_LIST_MODEL (self->not_tracked_model);
  return NULL;
}

guint
nv_followup_page_get_n_repeated (NvFollowupPage *self)
{
  g_return_val_if_fail (NV_IS_FOLLOWUP_PAGE (self), 0);
  if (!gtk_widget_get_visible (GTK_WIDGET (self->repeated_group)))
    return 0;
  return g_list_model_get_n_items (G_LIST_MODEL (self->repeated_store));
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
  g_clear_handle_id (&self->cards_source, g_source_remove);
  g_object_set_data (G_OBJECT (self), "cards", NULL);
  cancel_badge (self);
  nv_followup_data_free_later (g_steal_pointer (&self->prepared));
  g_clear_object (&self->overdue_model);
  g_clear_object (&self->soon_model);
  g_clear_object (&self->not_tracked_model);
  g_clear_object (&self->repeated_store);
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
  page_class->topics = NV_TOPIC_EMPLOYEES | NV_TOPIC_SPELLS | NV_TOPIC_FOLLOWUP | NV_TOPIC_UNITS;
  page_class->reload_when_hidden = TRUE; /* the overdue badge */
  widget_class->map = nv_followup_page_map;

  /**
   * NvFollowupPage:n-overdue:
   * Overdue milestones of the unit's cases, as the Overdue list shows them
   * (the section's badge).
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
  gtk_widget_class_bind_template_child (widget_class, NvFollowupPage, loading_spinner);
  gtk_widget_class_bind_template_child (widget_class, NvFollowupPage, empty);
  gtk_widget_class_bind_template_child (widget_class, NvFollowupPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, NvFollowupPage, repeated_group);
  gtk_widget_class_bind_template_child (widget_class, NvFollowupPage, repeated_box);
  gtk_widget_class_bind_template_child (widget_class, NvFollowupPage, overdue_group);
  gtk_widget_class_bind_template_child (widget_class, NvFollowupPage, tracked_button);
  gtk_widget_class_bind_template_child (widget_class, NvFollowupPage, overdue_box);
  gtk_widget_class_bind_template_child (widget_class, NvFollowupPage, soon_group);
  gtk_widget_class_bind_template_child (widget_class, NvFollowupPage, soon_box);
  gtk_widget_class_bind_template_child (widget_class, NvFollowupPage, not_tracked_group);
  gtk_widget_class_bind_template_child (widget_class, NvFollowupPage, not_tracked_row);
  gtk_widget_class_bind_template_child (widget_class, NvFollowupPage, cases_group);
  gtk_widget_class_bind_template_child (widget_class, NvFollowupPage, cases_box);
  gtk_widget_class_bind_template_child (widget_class, NvFollowupPage, meaning_group);

  gtk_widget_class_install_action (widget_class, "followup.export-employee", NULL,
                                   export_employee_action);
  gtk_widget_class_install_action (widget_class, "followup.erase-employee", NULL,
                                   erase_employee_action);
  gtk_widget_class_install_action (widget_class, "followup.delete-old-cases", NULL,
                                   delete_old_cases_action);
  gtk_widget_class_install_action (widget_class, "followup.tracked-from", NULL,
                                   tracked_from_action);
}

static void
nv_followup_page_init (NvFollowupPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->overdue_model = nv_milestone_model_new ();
  self->soon_model = nv_milestone_model_new ();
  self->not_tracked_model = nv_milestone_model_new ();
  self->repeated_store = nv_followup_repeated_store_new ();
  gtk_box_append (self->repeated_box,
                  nv_followup_repeated_list_new (self->repeated_store, LIST_MAX_HEIGHT,
                                                 _("Consider a conversation")));
  self->overdue_placeholder = placeholder_row (_("Nothing is overdue."));
  gtk_box_append (self->overdue_box, self->overdue_placeholder);
  gtk_box_append (self->overdue_box,
                  nv_followup_milestone_list_new (NV_PAGE (self),
                                                  G_LIST_MODEL (self->overdue_model), TRUE,
                                                  LIST_MAX_HEIGHT, _("Overdue")));
  self->soon_placeholder = placeholder_row (_("Nothing is due in the next 14 days."));
  gtk_box_append (self->soon_box, self->soon_placeholder);
  gtk_box_append (self->soon_box,
                  nv_followup_milestone_list_new (NV_PAGE (self), G_LIST_MODEL (self->soon_model),
                                                  TRUE, LIST_MAX_HEIGHT,
                                                  _("Due in the next 14 days")));
  g_signal_connect_swapped (self->not_tracked_row, "notify::expanded",
                            G_CALLBACK (not_tracked_expanded_cb), self);
}
