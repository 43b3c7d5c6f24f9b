/* nv-overview-table.c — the Overview's table of five quarters: one column
 * per quarter (the current one «so far»), a row per figure (sick leave,
 * self- and doctor-certified, short- and long-term, graded share, lost days,
 * årsverk, cost, persons, where the figures come from), and the sentence
 * under it about the source of the figures. Cells are named
 * «q<column>-<row>» in the page's table of named widgets, which the tests
 * read.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-overview-table"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "nv-format.h"
#include "nv-overview-table.h"

static const struct
{
  const char *id;
  const char *title;
  const char *tooltip;
} rows[NV_OVERVIEW_N_ROWS] = {
  { "percent", N_ ("Sick leave"), N_ ("Lost days as a share of contracted days") },
  { "self", N_ ("Self-certified"), N_ ("Absence on the employee’s own declaration") },
  { "doctor", N_ ("Doctor-certified"), N_ ("Absence with a sick note from a doctor") },
  { "short", N_ ("Short-term (1–16 days)"),
    N_ ("Lost days in cases of up to 16 calendar days, as a share of contracted days") },
  { "long", N_ ("Long-term (17 days or more)"),
    N_ ("Lost days in cases of 17 calendar days or more, as a share of contracted days") },
  { "graded", N_ ("Graded share"),
    N_ ("The share of lost days that comes from graded sick leave (below 100 %)") },
  { "lost", N_ ("Lost days"), N_ ("Working days lost, weighted by FTE and grade") },
  { "arsverk", N_ ("Lost årsverk"), N_ ("Lost days divided by 230") },
  { "cost", N_ ("Estimated cost"), N_ ("Lost days times the cost per lost day in Preferences") },
  { "persons", N_ ("Persons"), N_ ("Employees on the staff list in the quarter") },
  { "source", N_ ("Figures from"),
    N_ ("Own records: computed from the staff list and the sick leave recorded here") },
};

static void
name_widget (GHashTable *named, GtkWidget *widget, const char *name)
{
  gtk_widget_set_name (widget, name);
  g_hash_table_replace (named, g_strdup (name), widget);
}

static void
set_text (GHashTable *named, const char *name, const char *text)
{
  GtkWidget *widget = g_hash_table_lookup (named, name);

  g_return_if_fail (GTK_IS_LABEL (widget));
  gtk_label_set_text (GTK_LABEL (widget), text);
}

static void
set_visible (GHashTable *named, const char *name, gboolean visible)
{
  GtkWidget *widget = g_hash_table_lookup (named, name);

  g_return_if_fail (widget != NULL);
  gtk_widget_set_visible (widget, visible);
}

char *
nv_overview_quarter_label (NvDay start)
{
  /* TRANSLATORS: a quarter of a year, «Q3 2025» */
  return g_strdup_printf (_ ("Q%d %d"), nv_day_quarter (start), nv_day_year (start));
}

static char *
percent_or_dash (double value)
{
  return isnan (value) ? g_strdup (_ ("–")) : nv_format_percent_sign (value);
}

char *
nv_overview_cell_text (const NvStatsPeriod *p, NvOverviewRow row, double nok_per_day)
{
  gboolean nothing = p->contracted_days <= 0;

  if (nothing && row != NV_OVERVIEW_ROW_PERSONS && row != NV_OVERVIEW_ROW_SOURCE)
    return g_strdup (_ ("–"));
  switch (row)
    {
    case NV_OVERVIEW_ROW_PERCENT:
      return nv_format_percent_sign (p->percent);
    case NV_OVERVIEW_ROW_SELF:
      return nv_format_percent_sign (p->percent_self);
    case NV_OVERVIEW_ROW_DOCTOR:
      return nv_format_percent_sign (p->percent_doctor);
    case NV_OVERVIEW_ROW_SHORT:
      return p->has_case_split ? percent_or_dash (p->percent_short) : g_strdup (_ ("–"));
    case NV_OVERVIEW_ROW_LONG:
      return p->has_case_split ? percent_or_dash (p->percent_long) : g_strdup (_ ("–"));
    case NV_OVERVIEW_ROW_GRADED:
      return p->has_case_split ? percent_or_dash (p->graded_share * 100) : g_strdup (_ ("–"));
    case NV_OVERVIEW_ROW_LOST:
      /* Fixed decimals so the column lines up. */
      return nv_format_decimal (p->lost_days, 1);
    case NV_OVERVIEW_ROW_ARSVERK:
      return nv_format_decimal (nv_stats_arsverk (p->lost_days), 2);
    case NV_OVERVIEW_ROW_COST:
      return nv_format_nok (nv_round_half_up (nv_stats_cost (p->lost_days, nok_per_day), 0));
    case NV_OVERVIEW_ROW_PERSONS:
      return g_strdup_printf ("%u", p->persons);
    case NV_OVERVIEW_ROW_SOURCE:
      if (p->source == NV_STATS_SOURCE_SPELLS)
        return g_strdup (_ ("Own records"));
      if (p->n_monthly_months >= p->n_months)
        return g_strdup (_ ("HR system"));
      /* TRANSLATORS: «HR, 2 of 3 months»: the quarter mixes HR figures and spells */
      return g_strdup_printf (_ ("HR, %u of %u months"), p->n_monthly_months, p->n_months);
    case NV_OVERVIEW_N_ROWS:
    default:
      g_assert_not_reached ();
    }
}

GtkWidget *
nv_overview_badge_new (void)
{
  GtkWidget *badge = gtk_label_new (_ ("Few persons"));
  const char *why = _ ("Fewer than 5 persons worked here in this period. You see the figure on "
                       "your own screen, but it is hidden in projection, reports, posters and "
                       "exports so that nobody can be recognised.");

  gtk_widget_add_css_class (badge, "nv-badge");
  gtk_widget_add_css_class (badge, "few-persons");
  gtk_widget_set_halign (badge, GTK_ALIGN_START);
  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (badge, why);
  /* Screen readers and keyboard users get the explanation, not only the mouse. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (badge), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, why,
                                  -1);
  gtk_widget_set_visible (badge, FALSE);
  return badge;
}

static GtkWidget *
grid_label (const char *text, gboolean numeric)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), numeric ? 1.0 : 0.0);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_set_margin_top (label, 5);
  gtk_widget_set_margin_bottom (label, 5);
  if (numeric)
    {
      gtk_widget_add_css_class (label, "numeric");
      gtk_widget_set_hexpand (label, TRUE);
    }
  return label;
}

static void
build_heads (GtkGrid *grid, GHashTable *named)
{
  for (int c = 0; c < NV_OVERVIEW_QUARTERS; c++)
    {
      GtkWidget *head = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
      GtkWidget *title = grid_label (NULL, TRUE);
      GtkWidget *note = gtk_label_new (NULL);
      GtkWidget *badge = nv_overview_badge_new ();
      g_autofree char *title_name = g_strdup_printf ("q%d-title", c);
      g_autofree char *note_name = g_strdup_printf ("q%d-note", c);
      g_autofree char *badge_name = g_strdup_printf ("q%d-badge", c);

      gtk_widget_add_css_class (title, "heading");
      gtk_widget_set_margin_top (head, 6);
      gtk_widget_set_margin_bottom (title, 0);
      gtk_widget_set_margin_top (title, 6);
      gtk_label_set_xalign (GTK_LABEL (note), 1.0);
      gtk_widget_set_margin_end (note, 12);
      gtk_widget_add_css_class (note, "caption");
      gtk_widget_add_css_class (note, "dim-label");
      gtk_widget_set_halign (badge, GTK_ALIGN_END);
      gtk_widget_set_margin_end (badge, 12);
      gtk_box_append (GTK_BOX (head), title);
      gtk_box_append (GTK_BOX (head), note);
      gtk_box_append (GTK_BOX (head), badge);
      gtk_widget_set_valign (head, GTK_ALIGN_END);
      name_widget (named, title, title_name);
      name_widget (named, note, note_name);
      name_widget (named, badge, badge_name);
      gtk_grid_attach (grid, head, c + 1, 0, 1, 1);
    }
}

static void
build_row (GtkGrid *grid, GHashTable *named, int r)
{
  GtkWidget *title = grid_label (_ (rows[r].title), FALSE);

  if (rows[r].tooltip != NULL)
    gtk_widget_set_tooltip_text (title, _ (rows[r].tooltip));
  if (r == NV_OVERVIEW_ROW_PERCENT)
    gtk_widget_add_css_class (title, "heading");
  else
    gtk_widget_add_css_class (title, "dim-label");
  gtk_grid_attach (grid, title, 0, r + 1, 1, 1);
  for (int c = 0; c < NV_OVERVIEW_QUARTERS; c++)
    {
      GtkWidget *cell = grid_label (NULL, TRUE);
      g_autofree char *name = g_strdup_printf ("q%d-%s", c, rows[r].id);

      if (r == NV_OVERVIEW_ROW_PERCENT)
        gtk_widget_add_css_class (cell, "heading");
      if (r == NV_OVERVIEW_ROW_SOURCE)
        gtk_widget_add_css_class (cell, "caption");
      name_widget (named, cell, name);
      gtk_grid_attach (grid, cell, c + 1, r + 1, 1, 1);
    }
}

gboolean
nv_overview_table_build_part (GtkGrid *grid, GHashTable *named, guint *next, guint parts)
{
  g_return_val_if_fail (next != NULL, TRUE);
  for (; parts > 0 && *next <= NV_OVERVIEW_N_ROWS; parts--, ++*next)
    {
      if (*next == 0)
        build_heads (grid, named);
      else
        build_row (grid, named, (int)*next - 1);
    }
  return *next > NV_OVERVIEW_N_ROWS;
}

void
nv_overview_table_build (GtkGrid *grid, GHashTable *named)
{
  guint next = 0;

  nv_overview_table_build_part (grid, named, &next, G_MAXUINT);
}

/* ---- Built after the first frame ---------------------------------------- */

/* Two rows a frame: each of those frames stays far below 16.7 ms. */
#define PARTS_PER_FRAME 2

struct _NvOverviewTable
{
  GtkGrid *grid; /* weak */
  GHashTable *named;
  guint next; /* the next part to build */
  gboolean whole;
  guint tick_id;
  gulong map_id;
  gboolean has_figures; /* periods are the figures to show */
  guint filled;         /* the parts written with them */
  NvStatsPeriod periods[NV_OVERVIEW_QUARTERS];
  double nok_per_day;
};

static void fill_parts (GHashTable *named, const NvStatsPeriod *periods, double nok_per_day,
                        guint from, guint to);

/* The figures into the parts built since they were last written: each
 * frame writes the rows it built. */
static void
fill_built (NvOverviewTable *self)
{
  if (!self->has_figures || self->filled >= self->next)
    return;
  fill_parts (self->named, self->periods, self->nok_per_day, self->filled, self->next);
  self->filled = self->next;
}

static gboolean
tick_cb (GtkWidget *grid, GdkFrameClock *clock, gpointer data)
{
  NvOverviewTable *self = data;

  self->whole
      = nv_overview_table_build_part (self->grid, self->named, &self->next, PARTS_PER_FRAME);
  fill_built (self);
  if (!self->whole)
    return G_SOURCE_CONTINUE;
  self->tick_id = 0;
  return G_SOURCE_REMOVE;
}

static void
after_paint_cb (GdkFrameClock *clock, NvOverviewTable *self)
{
  g_signal_handlers_disconnect_by_func (clock, after_paint_cb, self);
  if (!self->whole && self->tick_id == 0 && self->grid != NULL)
    self->tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self->grid), tick_cb, self, NULL);
}

/* Shown: the rows come from the frame after the one that shows it. */
static void
map_cb (GtkWidget *grid, NvOverviewTable *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (grid);

  if (self->whole || self->tick_id != 0 || clock == NULL)
    return;
  g_signal_handlers_disconnect_by_func (clock, after_paint_cb, self);
  g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), self);
}

NvOverviewTable *
nv_overview_table_new (GtkGrid *grid, GHashTable *named)
{
  NvOverviewTable *self = g_new0 (NvOverviewTable, 1);

  g_return_val_if_fail (GTK_IS_GRID (grid) && named != NULL, NULL);
  self->grid = grid;
  self->named = named;
  g_object_add_weak_pointer (G_OBJECT (grid), (gpointer *)&self->grid);
  self->map_id = g_signal_connect (grid, "map", G_CALLBACK (map_cb), self);
  return self;
}

void
nv_overview_table_set_figures (NvOverviewTable *self, const NvStatsPeriod *periods,
                               double nok_per_day)
{
  g_return_if_fail (self != NULL && periods != NULL);
  memcpy (self->periods, periods, sizeof self->periods);
  self->nok_per_day = nok_per_day;
  self->has_figures = TRUE;
  self->filled = 0;
  fill_built (self);
}

void
nv_overview_table_ensure (NvOverviewTable *self)
{
  g_return_if_fail (self != NULL);
  if (!self->whole && self->grid != NULL)
    self->whole = nv_overview_table_build_part (self->grid, self->named, &self->next, G_MAXUINT);
  if (self->tick_id != 0 && self->grid != NULL)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->grid), self->tick_id);
  self->tick_id = 0;
  fill_built (self);
}

void
nv_overview_table_free (NvOverviewTable *self)
{
  if (self == NULL)
    return;
  if (self->grid != NULL)
    {
      GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self->grid));

      if (clock != NULL)
        g_signal_handlers_disconnect_by_func (clock, after_paint_cb, self);
      if (self->tick_id != 0)
        gtk_widget_remove_tick_callback (GTK_WIDGET (self->grid), self->tick_id);
      g_clear_signal_handler (&self->map_id, self->grid);
      g_object_remove_weak_pointer (G_OBJECT (self->grid), (gpointer *)&self->grid);
    }
  g_free (self);
}

/* «–» for short-term, long-term and graded sick leave in quarters with HR
 * figures: say why on the cell itself (tooltip and accessible description). */
static void
explain_unknown (GHashTable *named, const char *name, gboolean unknown)
{
  GtkWidget *widget = g_hash_table_lookup (named, name);
  const char *why = _ ("Not known for months with figures from the HR system: they give lost "
                       "days per month, not the absences and grades behind them.");

  g_return_if_fail (widget != NULL);
  gtk_widget_set_tooltip_text (widget, unknown ? why : NULL);
  if (unknown)
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                    why, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

char *
nv_overview_source_sentence (const NvStatsPeriod *periods, guint n)
{
  g_autoptr (GString) hr = g_string_new (NULL);
  guint n_hr = 0, n_spells = 0;

  for (guint i = 0; i < n; i++)
    {
      if (periods[i].contracted_days <= 0)
        continue;
      if (periods[i].source == NV_STATS_SOURCE_MONTHLY)
        {
          g_autofree char *label = nv_overview_quarter_label (periods[i].start);
          if (hr->len > 0)
            g_string_append (hr, ", ");
          g_string_append (hr, label);
          n_hr++;
          if (periods[i].n_monthly_months < periods[i].n_months)
            n_spells++;
        }
      else
        n_spells++;
    }
  if (n_hr == 0)
    return g_strdup (_ ("All figures are computed from the staff list and the recorded sick "
                        "leave, by the definitions SSB and NAV use."));
  if (n_spells == 0)
    return g_strdup (_ ("All figures come from the monthly figures from your HR system. They do "
                        "not tell short-term from long-term or graded sick leave, so those rows "
                        "are empty."));
  return g_strdup_printf (_ ("For the months where your HR system’s figures are entered (%s), "
                             "those are used; the other months are computed from the staff list "
                             "and the recorded sick leave. Short-term, long-term and graded sick "
                             "leave are not known for quarters with HR figures."),
                          hr->str);
}

/* Parts as nv_overview_table_build_part() builds them: the headings (0),
 * then a row each; [@from, @to). */
static void
fill_parts (GHashTable *named, const NvStatsPeriod *periods, double nok_per_day, guint from,
            guint to)
{
  for (int c = 0; c < NV_OVERVIEW_QUARTERS; c++)
    {
      const NvStatsPeriod *p = &periods[c];

      if (from == 0)
        {
          g_autofree char *title = nv_overview_quarter_label (p->start);
          g_autofree char *title_name = g_strdup_printf ("q%d-title", c);
          g_autofree char *note_name = g_strdup_printf ("q%d-note", c);
          g_autofree char *badge_name = g_strdup_printf ("q%d-badge", c);

          set_text (named, title_name, title);
          set_text (named, note_name, c == NV_OVERVIEW_QUARTERS - 1 ? _ ("so far") : "");
          set_visible (named, note_name, c == NV_OVERVIEW_QUARTERS - 1);
          set_visible (named, badge_name, p->masked && p->contracted_days > 0);
        }
      for (int r = MAX ((int)from, 1) - 1; r < NV_OVERVIEW_N_ROWS && r + 1 < (int)to; r++)
        {
          g_autofree char *name = g_strdup_printf ("q%d-%s", c, rows[r].id);
          g_autofree char *text = nv_overview_cell_text (p, r, nok_per_day);
          set_text (named, name, text);
          if (r == NV_OVERVIEW_ROW_SHORT || r == NV_OVERVIEW_ROW_LONG
              || r == NV_OVERVIEW_ROW_GRADED)
            explain_unknown (named, name, p->contracted_days > 0 && !p->has_case_split);
        }
    }
}

void
nv_overview_table_fill (GHashTable *named, const NvStatsPeriod *periods, double nok_per_day)
{
  fill_parts (named, periods, nok_per_day, 0, NV_OVERVIEW_N_ROWS + 1);
}
