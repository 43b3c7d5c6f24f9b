/* nv-measure-row.c — one measure in the Measures list.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-measure-row"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "nv-measure-row.h"

struct _NvMeasureRow
{
  GtkListBoxRow parent_instance;

  NvMeasure *measure;
  NvDay as_of;
};

G_DEFINE_FINAL_TYPE (NvMeasureRow, nv_measure_row, GTK_TYPE_LIST_BOX_ROW)

enum
{
  ACTION,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *const status_classes[] = { "planned", "in-progress", "done", "discontinued" };

GtkWidget *
nv_measure_status_pill_new (NvMeasureStatus status)
{
  GtkWidget *pill = gtk_label_new (nv_measure_status_label (status));

  gtk_widget_add_css_class (pill, "measure-pill");
  gtk_widget_add_css_class (pill, status_classes[status]);
  gtk_widget_set_valign (pill, GTK_ALIGN_CENTER);
  return pill;
}

char *
nv_measure_overdue_text (guint days)
{
  /* Translators: a badge on a measure past its deadline, e.g. «Overdue · 19 days». */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Overdue · %u day", "Overdue · %u days",
                                       days),
                          days);
}

GtkWidget *
nv_measure_overdue_badge_new (guint days)
{
  g_autofree char *text = nv_measure_overdue_text (days);
  GtkWidget *badge = gtk_label_new (text);

  gtk_widget_add_css_class (badge, "measure-pill");
  gtk_widget_add_css_class (badge, "overdue");
  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  return badge;
}

static void
emit_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  /* "row.start" → "start" */
  g_signal_emit (widget, signals[ACTION], 0, action_name + strlen ("row."));
}

static char *
meta_text (const NvMeasure *m)
{
  g_autoptr (GString) text = g_string_new (NULL);

  if (*m->owner != '\0')
    g_string_append (text, m->owner);
  else
    g_string_append (text, _("No owner"));
  g_string_append (text, " · ");
  g_string_append (text, nv_measure_theme_label (m->theme));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
dates_text (const NvMeasure *m)
{
  g_autofree char *start = nv_day_format_local (m->start);
  g_autofree char *deadline = NULL;
  g_autofree char *changed = NULL;

  if (m->deadline == NV_DAY_NONE)
    deadline = g_strdup (_("no deadline"));
  else
    deadline = nv_day_format_local (m->deadline);
  if (m->status == NV_MEASURE_DONE || m->status == NV_MEASURE_DISCONTINUED)
    {
      changed = nv_day_format_local (m->status_day);
      if (m->status == NV_MEASURE_DONE)
        /* Translators: start, deadline and the day the measure was done */
        return g_strdup_printf (_("Start %s · deadline %s · done %s"), start, deadline, changed);
      return g_strdup_printf (_("Start %s · deadline %s · discontinued %s"), start, deadline,
                              changed);
    }
  if (m->deadline == NV_DAY_NONE)
    return g_strdup_printf (_("Start %s · no deadline"), start);
  return g_strdup_printf (_("Start %s · deadline %s"), start, deadline);
}

static GMenuModel *
build_menu (const NvMeasure *m)
{
  GMenu *menu = g_menu_new ();
  g_autoptr (GMenu) status = g_menu_new ();
  g_autoptr (GMenu) other = g_menu_new ();

  if (m->status == NV_MEASURE_PLANNED || m->status == NV_MEASURE_IN_PROGRESS)
    g_menu_append (status, _("Discontinue…"), "row.discontinue");
  if (m->status == NV_MEASURE_DONE)
    g_menu_append (status, _("Reopen…"), "row.reopen");
  if (m->status != NV_MEASURE_DONE)
    g_menu_append (other, _("Evaluation"), "row.open");
  g_menu_append (other, _("Edit…"), "row.edit");
  g_menu_append (other, _("Delete…"), "row.delete");
  if (g_menu_model_get_n_items (G_MENU_MODEL (status)) > 0)
    g_menu_append_section (menu, NULL, G_MENU_MODEL (status));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (other));
  return G_MENU_MODEL (menu);
}

static void
build (NvMeasureRow *self)
{
  const NvMeasure *m = self->measure;
  g_autofree char *meta = meta_text (m);
  g_autofree char *dates = dates_text (m);
  g_autoptr (GMenuModel) menu = build_menu (m);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *badges = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *actions = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *title = gtk_label_new (m->title);
  GtkWidget *meta_label = gtk_label_new (meta);
  GtkWidget *dates_label = gtk_label_new (dates);
  GtkWidget *split = adw_split_button_new ();
  const char *primary_label;
  const char *primary_action;
  guint overdue_days = nv_measure_days_overdue (m, self->as_of);

  gtk_widget_set_margin_top (box, 10);
  gtk_widget_set_margin_bottom (box, 10);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (title, "heading");
  gtk_label_set_xalign (GTK_LABEL (meta_label), 0);
  gtk_label_set_wrap (GTK_LABEL (meta_label), TRUE);
  gtk_widget_add_css_class (meta_label, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (dates_label), 0);
  gtk_label_set_wrap (GTK_LABEL (dates_label), TRUE);
  gtk_widget_add_css_class (dates_label, "dim-label");
  gtk_widget_add_css_class (dates_label, "caption");
  gtk_widget_add_css_class (dates_label, "numeric");
  gtk_box_append (GTK_BOX (text), title);
  gtk_box_append (GTK_BOX (text), meta_label);
  gtk_box_append (GTK_BOX (text), dates_label);
  gtk_widget_set_hexpand (text, TRUE);
  /* Under the text: the overdue mark, then the status and the action on
   * one line, so the row fits a window 360 px wide. */
  gtk_widget_set_hexpand (badges, TRUE);
  gtk_widget_set_valign (badges, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (text, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), text);

  if (overdue_days > 0)
    {
      GtkWidget *overdue = nv_measure_overdue_badge_new (overdue_days);
      gtk_widget_set_halign (overdue, GTK_ALIGN_START);
      gtk_widget_set_margin_top (overdue, 3);
      gtk_box_append (GTK_BOX (text), overdue);
    }
  gtk_box_append (GTK_BOX (badges), nv_measure_status_pill_new (m->status));
  if (m->n_notes > 0)
    {
      g_autofree char *n = g_strdup_printf (
        g_dngettext (GETTEXT_PACKAGE, "%u evaluation", "%u evaluations", m->n_notes), m->n_notes);
      GtkWidget *notes = gtk_label_new (n);
      gtk_widget_add_css_class (notes, "dim-label");
      gtk_widget_add_css_class (notes, "caption");
      gtk_widget_set_valign (notes, GTK_ALIGN_CENTER);
      gtk_box_append (GTK_BOX (badges), notes);
    }


  switch (m->status)
    {
    case NV_MEASURE_PLANNED:
      primary_label = _("Start");
      primary_action = "row.start";
      break;
    case NV_MEASURE_IN_PROGRESS:
      primary_label = _("Mark Done");
      primary_action = "row.done";
      break;
    case NV_MEASURE_DONE:
      /* after done comes the evaluation; reopening is in the menu */
      primary_label = _("Evaluate…");
      primary_action = "row.open";
      break;
    case NV_MEASURE_DISCONTINUED:
    default:
      primary_label = _("Reopen…");
      primary_action = "row.reopen";
      break;
    }
  adw_split_button_set_label (ADW_SPLIT_BUTTON (split), primary_label);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (split), primary_action);
  adw_split_button_set_menu_model (ADW_SPLIT_BUTTON (split), menu);
  gtk_widget_set_valign (split, GTK_ALIGN_CENTER);
  gtk_widget_set_size_request (split, 130, -1);
  {
    g_autofree char *more = g_strdup_printf (_("More actions for “%s”"), m->title);
    adw_split_button_set_dropdown_tooltip (ADW_SPLIT_BUTTON (split), more);
    /* The arrow is read by the same words (libadwaita 1.2 leaves it «GtkMenuButton»). */
    for (GtkWidget *c = gtk_widget_get_first_child (split); c != NULL;
         c = gtk_widget_get_next_sibling (c))
      if (GTK_IS_MENU_BUTTON (c))
        gtk_accessible_update_property (GTK_ACCESSIBLE (c), GTK_ACCESSIBLE_PROPERTY_LABEL, more,
                                        -1);
  }
  gtk_box_append (GTK_BOX (actions), badges);
  gtk_box_append (GTK_BOX (actions), split);
  gtk_box_append (GTK_BOX (box), actions);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (self), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self), TRUE);
  if (overdue_days > 0)
    gtk_widget_add_css_class (GTK_WIDGET (self), "measure-overdue");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, m->title,
                                  -1);
}

const NvMeasure *
nv_measure_row_get_measure (NvMeasureRow *self)
{
  g_return_val_if_fail (NV_IS_MEASURE_ROW (self), NULL);
  return self->measure;
}

GtkWidget *
nv_measure_row_new (const NvMeasure *measure, NvDay as_of)
{
  NvMeasureRow *self = g_object_new (NV_TYPE_MEASURE_ROW, NULL);

  self->measure = nv_measure_copy (measure);
  self->as_of = as_of;
  build (self);
  return GTK_WIDGET (self);
}

static void
nv_measure_row_finalize (GObject *object)
{
  NvMeasureRow *self = NV_MEASURE_ROW (object);

  g_clear_pointer (&self->measure, nv_measure_free);
  G_OBJECT_CLASS (nv_measure_row_parent_class)->finalize (object);
}

static void
nv_measure_row_class_init (NvMeasureRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = nv_measure_row_finalize;

  signals[ACTION] = g_signal_new ("action", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                  NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_install_action (widget_class, "row.start", NULL, emit_action);
  gtk_widget_class_install_action (widget_class, "row.done", NULL, emit_action);
  gtk_widget_class_install_action (widget_class, "row.discontinue", NULL, emit_action);
  gtk_widget_class_install_action (widget_class, "row.reopen", NULL, emit_action);
  gtk_widget_class_install_action (widget_class, "row.open", NULL, emit_action);
  gtk_widget_class_install_action (widget_class, "row.edit", NULL, emit_action);
  gtk_widget_class_install_action (widget_class, "row.delete", NULL, emit_action);
}

static void
nv_measure_row_init (NvMeasureRow *self)
{
}
