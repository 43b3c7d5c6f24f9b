/* nv-overview-page.c — the Overview section.
 *
 * Five headline cards (this quarter, the last four quarters together, lost
 * årsverk, estimated cost and the saving at the unit's target), the duration
 * classes A–F of the last four quarters (nv-duration-view) and a table of
 * the five quarters (nv-overview-table). All figures
 * come from nv_stats_for_unit() and are formatted by nv-format (one decimal,
 * decimal comma). Several quarters together are Σ lost / Σ contracted
 * (nv_stats_combine), never an average of percentages.
 *
 * Årsverk, cost and the saving at the target are for the last twelve months
 * up to the as-of day (a rolling year: money per year, as NAV's calculator
 * gives it). They once summed the four complete quarters before this one, so
 * absence recorded this quarter moved nothing and a unit that had just
 * started recording saw «0 kr» next to this quarter's per cent.
 *
 * A period with fewer than five persons is masked everywhere the figures
 * leave the leader's own screen; here the figure is shown with a visible
 * «Few persons» badge that says so.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-overview-page"

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "nv-absence.h"
#include "nv-duration-view.h"
#include "nv-faktor-profile.h"
#include "nv-format.h"
#include "nv-overview-page.h"
#include "nv-page-worker.h"
#include "nv-overview-table.h"
#include "nv-wrap-bin.h"
#include "nv-stats.h"
#include "nv-target-dialog.h"
#include "nv-unit.h"

#define N_QUARTERS NV_OVERVIEW_QUARTERS

struct _NvOverviewPage
{
  NvPage parent_instance;

  GSettings *settings; /* the context's, watched for the cost per day */
  gulong settings_changed_id;
  GHashTable *named; /* name → GtkWidget (borrowed; children of the page) */

  GtkStack *stack;
  AdwStatusPage *empty;
  GtkLabel *heading;
  GtkLabel *as_of_label;
  GtkFlowBox *cards;
  GtkGrid *grid;
  GtkLabel *source_label;
  NvDurationView *duration;
  GtkWidget *target_button;
  NvFaktorProfile *profile; /* 10-FAKTOR, below the figures */
  NvOverviewTable *table; /* the quarter table, built after the first frame */
  gboolean load_in_background; /* the next load: nv_overview_page_load_in_background() */
  GCancellable *loading;       /* figures being computed in a worker thread */
};

G_DEFINE_FINAL_TYPE (NvOverviewPage, nv_overview_page, NV_TYPE_PAGE)

static void target_clicked_cb (NvOverviewPage *self);

/* ---- Helpers ------------------------------------------------------------ */

static void
name_widget (NvOverviewPage *self, GtkWidget *widget, const char *name)
{
  gtk_widget_set_name (widget, name);
  g_hash_table_replace (self->named, g_strdup (name), widget);
}

static void
add_card (NvOverviewPage *self, const char *id, const char *title)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (title);
  GtkWidget *value = gtk_label_new (NULL);
  GtkWidget *detail = gtk_label_new (NULL);
  GtkWidget *badge = nv_overview_badge_new ();
  g_autofree char *badge_name = g_strconcat (id, "-badge", NULL);
  g_autofree char *detail_name = g_strconcat (id, "-detail", NULL);
  GtkFlowBoxChild *child;

  gtk_widget_add_css_class (box, "card");
  gtk_widget_add_css_class (box, "nv-card");
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 16);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_add_css_class (label, "heading");
  /* Wrapping text in a row: measured by its width, not width after width
   * (nv-wrap-bin.h). */
  gtk_box_append (GTK_BOX (top), nv_wrap_bin_new_for (label));
  gtk_box_append (GTK_BOX (box), top);

  gtk_label_set_xalign (GTK_LABEL (value), 0);
  gtk_widget_add_css_class (value, "nv-figure");
  gtk_widget_add_css_class (value, "numeric");
  gtk_box_append (GTK_BOX (box), value);
  gtk_box_append (GTK_BOX (box), badge);

  gtk_label_set_xalign (GTK_LABEL (detail), 0);
  gtk_label_set_wrap (GTK_LABEL (detail), TRUE);
  /* Narrow natural width: four cards side by side on a laptop screen. */
  gtk_label_set_max_width_chars (GTK_LABEL (detail), 24);
  gtk_label_set_width_chars (GTK_LABEL (detail), 22);
  gtk_widget_add_css_class (detail, "dim-label");
  gtk_box_append (GTK_BOX (box), detail);

  gtk_accessible_update_relation (GTK_ACCESSIBLE (value), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                  label, NULL, GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, detail,
                                  NULL, -1);

  name_widget (self, value, id);
  name_widget (self, badge, badge_name);
  name_widget (self, detail, detail_name);
  gtk_flow_box_append (self->cards, box);
  child = GTK_FLOW_BOX_CHILD (gtk_widget_get_parent (box));
  gtk_widget_set_focusable (GTK_WIDGET (child), FALSE);
}

/* The saving at the unit's target: a wide card under the headline cards,
 * figure and words side by side, with the button that sets the target. */
static GtkWidget *
add_target (NvOverviewPage *self)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *left = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  /* Words and button on the right, one above the other: fits 360 px. */
  GtkWidget *right = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *title = gtk_label_new (_("Saving at target"));
  GtkWidget *value = gtk_label_new (NULL);
  GtkWidget *detail = gtk_label_new (NULL);
  GtkWidget *badge = nv_overview_badge_new ();

  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "nv-card");
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "heading");
  gtk_box_append (GTK_BOX (left), title);
  gtk_label_set_xalign (GTK_LABEL (value), 0);
  gtk_widget_add_css_class (value, "title-2");
  gtk_widget_add_css_class (value, "numeric");
  gtk_box_append (GTK_BOX (left), value);
  gtk_box_append (GTK_BOX (left), badge);
  gtk_box_append (GTK_BOX (card), left);

  gtk_label_set_xalign (GTK_LABEL (detail), 0);
  gtk_label_set_wrap (GTK_LABEL (detail), TRUE);
  gtk_widget_set_hexpand (detail, TRUE);
  gtk_widget_set_valign (detail, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (detail, "dim-label");
  gtk_box_append (GTK_BOX (right), detail);
  gtk_widget_set_hexpand (right, TRUE);
  gtk_widget_set_valign (right, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (card), nv_wrap_bin_new_for (right));
  gtk_accessible_update_relation (GTK_ACCESSIBLE (value), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                  title, NULL, GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, detail,
                                  NULL, -1);

  self->target_button = gtk_button_new_with_mnemonic (_("Set _Target…"));
  gtk_widget_set_halign (self->target_button, GTK_ALIGN_START);
  g_signal_connect_swapped (self->target_button, "clicked", G_CALLBACK (target_clicked_cb), self);
  gtk_box_append (GTK_BOX (right), self->target_button);

  name_widget (self, value, "target");
  name_widget (self, detail, "target-detail");
  name_widget (self, badge, "target-badge");
  return card;
}

static void
set_text (NvOverviewPage *self, const char *name, const char *text)
{
  GtkWidget *widget = g_hash_table_lookup (self->named, name);

  g_return_if_fail (GTK_IS_LABEL (widget));
  gtk_label_set_text (GTK_LABEL (widget), text);
}

static void
set_visible (NvOverviewPage *self, const char *name, gboolean visible)
{
  GtkWidget *widget = g_hash_table_lookup (self->named, name);

  g_return_if_fail (widget != NULL);
  gtk_widget_set_visible (widget, visible);
}

/* ---- Loading ------------------------------------------------------------ */

static void
show_empty (NvOverviewPage *self, const char *title, const char *description)
{
  adw_status_page_set_title (self->empty, title);
  adw_status_page_set_description (self->empty, description);
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

/* The same day a year before, plus one: the first day of a rolling year. */
static NvDay
year_start (NvDay as_of)
{
  int y, m, d;

  nv_day_to_ymd (as_of, &y, &m, &d);
  if (m == 2 && d == 29)
    d = 28;
  return nv_day_from_ymd (y - 1, m, d) + 1;
}

static void
fill_target_card (NvOverviewPage *self, const NvStatsPeriod *rolling, double target,
                  double nok_per_day)
{
  g_autofree char *value = NULL;
  g_autofree char *detail = NULL;

  gtk_button_set_label (GTK_BUTTON (self->target_button),
                        isnan (target) ? _("Set _Target…") : _("Change _Target…"));
  if (isnan (target))
    {
      /* Words, not a bare dash: the leader learns why and what to do. */
      value = g_strdup (_("No target set"));
      detail = g_strdup (_("Press «Set Target…» and enter the sick leave the unit aims for, in "
                           "percent: this card then shows what reaching it would save in a "
                           "year."));
    }
  else if (rolling->contracted_days <= 0)
    {
      g_autofree char *target_text = nv_format_percent_sign (target);
      value = g_strdup (_("–"));
      /* TRANSLATORS: %s is the unit's target, «5,0 %» */
      detail = g_strdup_printf (_("Target %s. Nobody was on the staff list in the last 12 "
                                  "months."),
                                target_text);
    }
  else
    {
      double days = nv_stats_days_above_target (rolling, target);
      double saving = nv_stats_saving_at_target (rolling, target, nok_per_day);
      g_autofree char *target_text = nv_format_percent_sign (target);
      g_autofree char *now_text = nv_format_percent_sign (rolling->percent);
      g_autofree char *days_text = nv_format_decimal (days, 1);

      value = nv_format_nok (nv_round_half_up (saving, 0));
      if (days > 0)
        /* TRANSLATORS: «At the target of 5,0 % instead of 7,2 % over the last 12 months:
         * 87,6 fewer lost days a year» */
        detail = g_strdup_printf (_("At the target of %s instead of %s over the last 12 "
                                    "months: %s fewer lost days a year"),
                                  target_text, now_text, days_text);
      else
        detail = g_strdup_printf (_("The last 12 months (%s) are at or below the target of %s"),
                                  now_text, target_text);
    }
  set_text (self, "target", value);
  set_text (self, "target-detail", detail);
}

static void
fill_cards (NvOverviewPage *self, const NvStatsPeriod *current, const NvStatsPeriod *year,
            const NvStatsPeriod *first, const NvStatsPeriod *rolling, double target,
            double nok_per_day)
{
  g_autofree char *current_value = nv_overview_cell_text (current, NV_OVERVIEW_ROW_PERCENT, nok_per_day);
  g_autofree char *current_self = nv_format_percent_sign (current->percent_self);
  g_autofree char *current_doctor = nv_format_percent_sign (current->percent_doctor);
  g_autofree char *current_quarter = nv_overview_quarter_label (current->start);
  g_autofree char *current_detail = NULL;
  g_autofree char *year_value = nv_overview_cell_text (year, NV_OVERVIEW_ROW_PERCENT, nok_per_day);
  g_autofree char *first_label = nv_overview_quarter_label (first->start);
  g_autofree char *last_label = nv_overview_quarter_label (year->end);
  g_autofree char *year_detail = NULL;
  g_autofree char *arsverk = nv_overview_cell_text (rolling, NV_OVERVIEW_ROW_ARSVERK, nok_per_day);
  g_autofree char *lost = nv_format_decimal (rolling->lost_days, 1);
  g_autofree char *arsverk_detail = NULL;
  g_autofree char *cost = nv_overview_cell_text (rolling, NV_OVERVIEW_ROW_COST, nok_per_day);
  g_autofree char *per_day = nv_format_nok (nok_per_day);
  g_autofree char *rolling_from = nv_day_format_local (rolling->start);
  g_autofree char *rolling_to = nv_day_format_local (rolling->end);
  g_autofree char *cost_detail = NULL;

  if (current->contracted_days > 0)
    /* TRANSLATORS: «Q4 2026 so far. Self-certified 1,2 %, doctor-certified 4,5 %» */
    current_detail = g_strdup_printf (_("%s so far. Self-certified %s, doctor-certified %s"),
                                      current_quarter, current_self, current_doctor);
  else
    current_detail = g_strdup_printf (_("%s so far: nobody on the staff list"), current_quarter);
  /* TRANSLATORS: a range of quarters, «Q4 2025 – Q3 2026» */
  year_detail = g_strdup_printf (_("%s – %s together"), first_label, last_label);
  /* TRANSLATORS: «87,6 lost days in the last 12 months (8.12.2025–7.12.2026)» */
  arsverk_detail = g_strdup_printf (_("%s lost days in the last 12 months (%s–%s)"), lost,
                                    rolling_from, rolling_to);
  /* TRANSLATORS: «The last 12 months, at 4 700 kr per lost day» */
  cost_detail = g_strdup_printf (_("The last 12 months, at %s per lost day"), per_day);

  set_text (self, "current-percent", current_value);
  set_text (self, "current-percent-detail", current_detail);
  set_visible (self, "current-percent-badge", current->masked && current->contracted_days > 0);
  set_text (self, "year-percent", year_value);
  set_text (self, "year-percent-detail", year_detail);
  set_visible (self, "year-percent-badge", year->masked && year->contracted_days > 0);
  set_text (self, "arsverk", arsverk);
  set_text (self, "arsverk-detail", arsverk_detail);
  set_visible (self, "arsverk-badge", rolling->masked && rolling->contracted_days > 0);
  set_text (self, "cost", cost);
  set_text (self, "cost-detail", cost_detail);
  set_visible (self, "cost-badge", rolling->masked && rolling->contracted_days > 0);
  fill_target_card (self, rolling, target, nok_per_day);
  set_visible (self, "target-badge",
               !isnan (target) && rolling->masked && rolling->contracted_days > 0);
}

/* ---- The figures, apart from the widgets --------------------------------- */

typedef enum
{
  FIGURES_SHOWN,
  FIGURES_FAILED,    /* message says why */
  FIGURES_NOT_RECENT, /* staff or monthly figures, none in the five quarters */
  FIGURES_NONE,      /* nothing recorded yet */
} FiguresState;

/* What the page shows, computed without widgets: safe in a worker thread
 * on a connection of its own (figures_compute). */
typedef struct
{
  FiguresState state;
  char *message;
  char *unit_name;
  GArray *periods; /* NvStatsPeriod: the five quarters, oldest first */
  GArray *rolling; /* NvStatsPeriod: the last 12 months */
  double target;   /* NAN: none set */
  NvDay as_of;
} Figures;

static void
figures_free (Figures *f)
{
  g_free (f->message);
  g_free (f->unit_name);
  g_clear_pointer (&f->periods, g_array_unref);
  g_clear_pointer (&f->rolling, g_array_unref);
  g_free (f);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Figures, figures_free)

/* The first day of the quarter four quarters before @as_of's. */
static NvDay
quarters_from (NvDay as_of)
{
  int y, m, d;

  nv_day_to_ymd (nv_period_start (NV_PERIOD_QUARTER, as_of), &y, &m, &d);
  m -= 12;
  while (m < 1)
    {
      m += 12;
      y--;
    }
  return nv_day_from_ymd (y, m, 1);
}

static Figures *
figures_compute (NvStore *store, gint64 unit_id, NvDay as_of)
{
  Figures *f = g_new0 (Figures, 1);
  g_autoptr (GError) error = NULL;
  g_autoptr (NvUnit) unit = NULL;
  NvStatsQuery query = { 0 };
  NvStatsQuery rolling_query = { NV_PERIOD_RANGE, NV_DAY_NONE, NV_DAY_NONE, NV_DAY_NONE };
  double contracted = 0;

  f->as_of = as_of;
  f->target = NAN;
  /* From the first day of the quarter four quarters back to the as-of day. */
  query.by = NV_PERIOD_QUARTER;
  query.from = quarters_from (as_of);
  query.to = as_of;
  query.as_of = as_of;
  f->periods = nv_stats_for_unit (store, unit_id, &query, &error);
  if (f->periods == NULL)
    {
      f->state = FIGURES_FAILED;
      f->message = g_strdup (error->message);
      return f;
    }
  for (guint i = 0; i < f->periods->len; i++)
    contracted += g_array_index (f->periods, NvStatsPeriod, i).contracted_days;
  if (f->periods->len != N_QUARTERS || contracted <= 0)
    {
      g_autoptr (GPtrArray) roster = nv_roster_list (store, unit_id, NULL);
      g_autoptr (GPtrArray) monthly = nv_monthly_list (store, unit_id, NULL);

      f->state = (roster != NULL && roster->len > 0) || (monthly != NULL && monthly->len > 0)
                     ? FIGURES_NOT_RECENT
                     : FIGURES_NONE;
      return f;
    }

  unit = nv_unit_get (store, unit_id, NULL);
  f->unit_name = g_strdup (unit != NULL ? unit->name : "");
  rolling_query.from = year_start (as_of);
  rolling_query.to = as_of;
  rolling_query.as_of = as_of;
  f->rolling = nv_stats_for_unit (store, unit_id, &rolling_query, &error);
  if (f->rolling == NULL || f->rolling->len != 1)
    {
      f->state = FIGURES_FAILED;
      f->message = g_strdup (error != NULL ? error->message : "");
      return f;
    }
  nv_unit_get_target (store, unit_id, &f->target, NULL);
  f->state = FIGURES_SHOWN;
  return f;
}

static void
set_heading (NvOverviewPage *self, const char *unit_name, NvDay as_of)
{
  /* TRANSLATORS: the heading of the overview, «Sick leave in Avdeling 2B» */
  g_autofree char *heading = g_strdup_printf (_("Sick leave in %s"), unit_name);
  g_autofree char *as_of_text = nv_day_format_local (as_of);
  g_autofree char *as_of_line = g_strdup_printf (_("Figures as of %s"), as_of_text);

  gtk_label_set_text (self->heading, heading);
  gtk_label_set_text (self->as_of_label, as_of_line);
}

static void
figures_show (NvOverviewPage *self, const Figures *f)
{
  const NvStatsPeriod *periods;
  NvStatsPeriod year;
  double nok_per_day
      = g_settings_get_int (nv_page_get_settings (NV_PAGE (self)), "cost-per-lost-day");

  switch (f->state)
    {
    case FIGURES_FAILED:
      show_empty (self, _("The figures could not be computed"), f->message);
      return;
    case FIGURES_NOT_RECENT:
      show_empty (self, _("No figures for the last five quarters"),
                  _("Nobody on the unit’s staff list was employed in this quarter or the "
                    "four before it, and there are no monthly figures from HR for them. "
                    "Check the first and last days on the staff list."));
      return;
    case FIGURES_NONE:
      show_empty (self, _("No figures yet"),
                  _("This page shows the unit’s sick leave this quarter and the last four "
                    "quarters, what it costs, and how much is short-term or long-term. Record "
                    "the staff and their sick leave, or the monthly figures from your HR "
                    "system, first."));
      return;
    case FIGURES_SHOWN:
    default:
      break;
    }

  periods = (const NvStatsPeriod *) f->periods->data;
  set_heading (self, f->unit_name, f->as_of);
  year = nv_stats_combine (&periods[0], N_QUARTERS - 1);
  fill_cards (self, &periods[N_QUARTERS - 1], &year, &periods[0],
              &g_array_index (f->rolling, NvStatsPeriod, 0), f->target, nok_per_day);
  nv_duration_view_set_periods (self->duration, &periods[0], N_QUARTERS - 1);
  nv_overview_table_set_figures (self->table, periods, nok_per_day);
  {
    g_autofree char *source = nv_overview_source_sentence (periods, f->periods->len);
    gtk_label_set_text (self->source_label, source);
  }
  gtk_stack_set_visible_child_name (self->stack, "figures");
}

/* While the worker computes: every card's words as they will read, with «…»
 * where a figure goes, so the cards, the saving card and what lies below
 * them are already as tall as with the figures, and nothing moves when they
 * arrive (which also keeps that update to a redraw of the figures, not of
 * the whole window laid out anew). */
static void
figures_show_pending (NvOverviewPage *self, NvDay as_of, double target)
{
  const char *pending = "…";
  double nok_per_day
      = g_settings_get_int (nv_page_get_settings (NV_PAGE (self)), "cost-per-lost-day");
  NvDay current_start = nv_period_start (NV_PERIOD_QUARTER, as_of);
  g_autofree char *current_quarter = nv_overview_quarter_label (current_start);
  g_autofree char *first_label = nv_overview_quarter_label (quarters_from (as_of));
  g_autofree char *last_label = nv_overview_quarter_label (current_start - 1);
  g_autofree char *rolling_from = nv_day_format_local (year_start (as_of));
  g_autofree char *rolling_to = nv_day_format_local (as_of);
  g_autofree char *per_day = nv_format_nok (nok_per_day);
  /* The same sentences as fill_cards() and fill_target_card(). */
  g_autofree char *current_detail = g_strdup_printf (
      _("%s so far. Self-certified %s, doctor-certified %s"), current_quarter, pending, pending);
  g_autofree char *year_detail = g_strdup_printf (_("%s – %s together"), first_label, last_label);
  g_autofree char *arsverk_detail = g_strdup_printf (
      _("%s lost days in the last 12 months (%s–%s)"), pending, rolling_from, rolling_to);
  g_autofree char *cost_detail
      = g_strdup_printf (_("The last 12 months, at %s per lost day"), per_day);
  static const char *const values[] = { "current-percent", "year-percent", "arsverk", "cost" };

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    set_text (self, values[i], pending);
  set_text (self, "current-percent-detail", current_detail);
  set_text (self, "year-percent-detail", year_detail);
  set_text (self, "arsverk-detail", arsverk_detail);
  set_text (self, "cost-detail", cost_detail);
  if (isnan (target))
    fill_target_card (self, NULL, target, nok_per_day);
  else
    {
      g_autofree char *target_text = nv_format_percent_sign (target);
      g_autofree char *detail = g_strdup_printf (
          _("At the target of %s instead of %s over the last 12 months: %s fewer lost days a "
            "year"),
          target_text, pending, pending);

      gtk_button_set_label (GTK_BUTTON (self->target_button), _("Change _Target…"));
      set_text (self, "target", pending);
      set_text (self, "target-detail", detail);
    }
  /* One line held for the sentence on where the figures come from. */
  gtk_label_set_text (self->source_label, " ");
  gtk_stack_set_visible_child_name (self->stack, "figures");
}

/* ---- Loading ------------------------------------------------------------ */

static gpointer
load_thread (NvStore *store, gint64 unit_id, NvDay as_of, GError **error)
{
  return figures_compute (store, unit_id, as_of);
}

static void
loaded_cb (NvPage *page, gpointer result, const GError *error)
{
  NvOverviewPage *self = NV_OVERVIEW_PAGE (page);
  g_autoptr (Figures) figures = result;

  g_clear_object (&self->loading);
  if (figures == NULL)
    {
      /* The worker's own connection failed (busy, say): compute here. */
      g_debug ("overview figures in a worker thread: %s", error->message);
      nv_page_reload (NV_PAGE (self));
      return;
    }
  figures_show (self, figures);
}

/* The first frame shows the cards with «…» for the figures, laid out as
 * they will be (heading, as-of line, cards, table), while a worker computes
 * them: a big unit's statistics do not hold up the window. */
static void
load_in_thread (NvOverviewPage *self, NvStore *store, gint64 unit_id, NvDay as_of)
{
  g_autoptr (NvUnit) unit = nv_unit_get (store, unit_id, NULL);
  double target = NAN;

  set_heading (self, unit != NULL ? unit->name : "", as_of);
  nv_unit_get_target (store, unit_id, &target, NULL);
  figures_show_pending (self, as_of, target);

  self->loading = g_cancellable_new ();
  nv_page_compute_in_thread (NV_PAGE (self), nv_store_get_path (store), self->loading, load_thread,
                             (GDestroyNotify) figures_free, loaded_cb);
}

static void
nv_overview_page_reload (NvPage *page)
{
  NvOverviewPage *self = NV_OVERVIEW_PAGE (page);
  NvStore *store = nv_page_get_store (page);
  gint64 unit_id = nv_page_get_unit_id (page);
  NvDay as_of = nv_page_today (page);
  gboolean in_background = self->load_in_background;
  g_autoptr (Figures) figures = NULL;

  nv_faktor_profile_set_unit (self->profile, store, unit_id);
  if (self->loading != NULL)
    g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  if (store == NULL || unit_id == 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  self->load_in_background = FALSE;
  if (in_background && nv_store_get_path (store) != NULL)
    {
      load_in_thread (self, store, unit_id, as_of);
      return;
    }
  figures = figures_compute (store, unit_id, as_of);
  figures_show (self, figures);
}

void
nv_overview_page_load_in_background (NvOverviewPage *self)
{
  g_return_if_fail (NV_IS_OVERVIEW_PAGE (self));
  self->load_in_background = TRUE;
}

static void
settings_changed_cb (NvOverviewPage *self)
{
  nv_page_reload (NV_PAGE (self));
}

/* Follows the cost per lost day in the settings of the page's context. */
static void
context_changed_cb (NvOverviewPage *self)
{
  GSettings *settings = nv_page_get_settings (NV_PAGE (self));

  if (settings == self->settings)
    return;
  if (self->settings != NULL)
    g_clear_signal_handler (&self->settings_changed_id, self->settings);
  g_set_object (&self->settings, settings);
  if (settings != NULL)
    self->settings_changed_id = g_signal_connect_swapped (
      settings, "changed::cost-per-lost-day", G_CALLBACK (settings_changed_cb), self);
}

static void
target_clicked_cb (NvOverviewPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  NvStore *store = nv_page_get_store (NV_PAGE (self));
  gint64 unit_id = nv_page_get_unit_id (NV_PAGE (self));

  if (store == NULL || unit_id == 0)
    return;
  nv_target_dialog_present (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, store, unit_id);
}

/* ---- Public ------------------------------------------------------------- */

const char *
nv_overview_page_get_text (NvOverviewPage *self, const char *name)
{
  GtkWidget *widget;

  g_return_val_if_fail (NV_IS_OVERVIEW_PAGE (self), NULL);
  nv_overview_table_ensure (self->table);
  if (g_strcmp0 (name, "source") == 0)
    widget = GTK_WIDGET (self->source_label);
  else
    widget = g_hash_table_lookup (self->named, name);
  if (!GTK_IS_LABEL (widget) || !gtk_widget_get_visible (widget))
    return NULL;
  return gtk_label_get_text (GTK_LABEL (widget));
}

const char *
nv_overview_page_get_tooltip (NvOverviewPage *self, const char *name)
{
  GtkWidget *widget;

  g_return_val_if_fail (NV_IS_OVERVIEW_PAGE (self), NULL);
  nv_overview_table_ensure (self->table);
  widget = g_hash_table_lookup (self->named, name);
  return widget != NULL ? gtk_widget_get_tooltip_text (widget) : NULL;
}

NvDurationView *
nv_overview_page_get_duration_view (NvOverviewPage *self)
{
  g_return_val_if_fail (NV_IS_OVERVIEW_PAGE (self), NULL);
  return self->duration;
}

GtkWidget *
nv_overview_page_get_target_button (NvOverviewPage *self)
{
  g_return_val_if_fail (NV_IS_OVERVIEW_PAGE (self), NULL);
  return self->target_button;
}

gboolean
nv_overview_page_is_empty (NvOverviewPage *self)
{
  g_return_val_if_fail (NV_IS_OVERVIEW_PAGE (self), TRUE);
  return g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "empty") == 0;
}

/* ---- GObject ------------------------------------------------------------ */

static void
nv_overview_page_dispose (GObject *object)
{
  NvOverviewPage *self = NV_OVERVIEW_PAGE (object);

  if (self->settings != NULL)
    g_clear_signal_handler (&self->settings_changed_id, self->settings);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->table, nv_overview_table_free);
  g_clear_pointer (&self->named, g_hash_table_unref);
  if (self->loading != NULL)
    g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);

  G_OBJECT_CLASS (nv_overview_page_parent_class)->dispose (object);
}

static void
nv_overview_page_class_init (NvOverviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  NvPageClass *page_class = NV_PAGE_CLASS (klass);

  object_class->dispose = nv_overview_page_dispose;
  page_class->reload = nv_overview_page_reload;
  page_class->topics = NV_TOPIC_ABSENCE | NV_TOPIC_UNITS | NV_TOPIC_TARGETS | NV_TOPIC_FAKTOR;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/naervaer/Naervaer/ui/nv-overview-page.ui");
  gtk_widget_class_bind_template_child (widget_class, NvOverviewPage, stack);
  gtk_widget_class_bind_template_child (widget_class, NvOverviewPage, empty);
  gtk_widget_class_bind_template_child (widget_class, NvOverviewPage, heading);
  gtk_widget_class_bind_template_child (widget_class, NvOverviewPage, as_of_label);
  gtk_widget_class_bind_template_child (widget_class, NvOverviewPage, cards);
  gtk_widget_class_bind_template_child (widget_class, NvOverviewPage, grid);
  gtk_widget_class_bind_template_child (widget_class, NvOverviewPage, source_label);
  gtk_widget_class_install_action (widget_class, "overview.export-table", "s",
                                   nv_overview_page_export_action);
}

static void
nv_overview_page_init (NvOverviewPage *self)
{
  GtkWidget *target;

  self->named = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gtk_widget_init_template (GTK_WIDGET (self));

  add_card (self, "current-percent", _("This quarter"));
  add_card (self, "year-percent", _("Last four quarters"));
  add_card (self, "arsverk", _("Lost årsverk"));
  add_card (self, "cost", _("Estimated cost"));
  target = add_target (self);
  self->table = nv_overview_table_new (self->grid, self->named);
  self->duration = NV_DURATION_VIEW (nv_duration_view_new ());
  gtk_widget_insert_after (target, gtk_widget_get_parent (GTK_WIDGET (self->cards)),
                           GTK_WIDGET (self->cards));
  gtk_widget_insert_after (GTK_WIDGET (self->duration),
                           gtk_widget_get_parent (GTK_WIDGET (self->cards)), target);
  self->profile = NV_FAKTOR_PROFILE (nv_faktor_profile_new ());
  gtk_widget_insert_before (GTK_WIDGET (self->profile),
                            gtk_widget_get_parent (GTK_WIDGET (self->cards)), NULL);

  g_signal_connect (self, "notify::context", G_CALLBACK (context_changed_cb), NULL);
}
