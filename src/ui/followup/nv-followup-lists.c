/* nv-followup-lists.c — the Follow-up section's lists: overdue, due soon and
 * not-tracked steps as list views over a model (a big unit has tens of
 * thousands of steps; only the rows on screen are built), and the employees
 * NAV's repeated-absence rule flags.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-followup-page"

#include "config.h"

#include <glib/gi18n.h>

#include "nv-followup-dialogs.h"
#include "nv-followup-page-private.h"
#include "nv-milestone-model.h"
#include "nv-a11y.h"

/* ---- Texts ------------------------------------------------------------- */

char *
nv_followup_status_text (const NvMilestone *m, NvDay today)
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
        g_autofree char *text =
          /* Translators: "Was due 02.02.2026 · 12 days overdue" */
          g_strdup_printf (g_dngettext (NULL, "Was due %s · %u day overdue",
                                        "Was due %s · %u days overdue", late),
                           due, late);
        if (!nv_milestone_case_is_current (m, today))
          {
            g_autofree char *ended = nv_day_format_local (m->case_end);
            /* Translators: "Was due 02.02.2026 · 12 days overdue · back at work since 10.02.2026" */
            return g_strdup_printf (_("%s · back at work since %s"), text, ended);
          }
        return g_steal_pointer (&text);
      }
    case NV_MILESTONE_NOT_TRACKED:
      /* Translators: "Fell due 02.02.2026, before follow-up was tracked" */
      return g_strdup_printf (_("Fell due %s, before follow-up was tracked"), due);
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

GtkWidget *
nv_followup_status_badge (NvMilestoneStatus status)
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
    case NV_MILESTONE_NOT_TRACKED:
    case NV_MILESTONE_DUE:
    default:
      gtk_widget_add_css_class (label, "dim-label");
      break;
    }
  return label;
}

/* ---- Milestone list views ---------------------------------------------- */

typedef struct
{
  NvPage *page; /* not a reference: the page owns the list */
  gboolean with_employee;
} ListData;

typedef struct
{
  GtkWidget *title;
  GtkWidget *subtitle;
  GtkWidget *badge;
  GtkWidget *button;
  GtkWidget *compact; /* the same, an icon only: where the title needs the room */
} RowParts;

/* The most of a row title (in pixels) kept whole before the button shrinks
 * to an icon: a person's initials and the longest step name, and at 360 px
 * still room for the icon button. */
#define TITLE_WIDTH_KEPT 240

/* Below this width (px) of the window a row's detail wraps. */
#define NARROW_WIDTH 600

static gboolean
is_narrow (GtkWidget *widget)
{
  GtkWidget *root = GTK_WIDGET (gtk_widget_get_root (widget));
  int width = root != NULL ? gtk_widget_get_width (root) : 0;

  return width > 0 && width < NARROW_WIDTH;
}

static void
row_button_clicked_cb (GtkButton *button, ListData *data)
{
  GtkListItem *list_item = g_object_get_data (G_OBJECT (button), "list-item");
  NvMilestoneItem *item = gtk_list_item_get_item (list_item);
  const NvMilestone *m;

  if (item == NULL)
    return;
  m = nv_milestone_item_get (item);
  if (m->status == NV_MILESTONE_DONE)
    nv_followup_undo_done (data->page, m);
  else
    nv_followup_mark_done_dialog (data->page, m);
}

/* A list row: a title over a dim caption, then a badge (empty), as the
 * lists of steps and of repeated absences show them. */
static GtkWidget *
row_new (RowParts *parts, PangoEllipsizeMode title_ellipsize)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);

  gtk_widget_set_margin_top (row, 9);
  gtk_widget_set_margin_bottom (row, 9);
  gtk_widget_set_margin_start (row, 12);
  gtk_widget_set_margin_end (row, 12);
  gtk_widget_set_hexpand (text, TRUE);
  gtk_widget_set_valign (text, GTK_ALIGN_CENTER);
  parts->title = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (parts->title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (parts->title), title_ellipsize);
  /* The detail («Was due 23.11.2026 · 14 days overdue») goes onto more
   * lines in a narrow window rather than losing its end (bind_cb()); a long
   * note of a step done is cut after three. */
  parts->subtitle = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (parts->subtitle), 0);
  gtk_label_set_wrap (GTK_LABEL (parts->subtitle), FALSE);
  gtk_label_set_wrap_mode (GTK_LABEL (parts->subtitle), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (parts->subtitle), 3);
  gtk_label_set_ellipsize (GTK_LABEL (parts->subtitle), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (parts->subtitle, "dim-label");
  gtk_widget_add_css_class (parts->subtitle, "caption");
  gtk_box_append (GTK_BOX (text), parts->title);
  gtk_box_append (GTK_BOX (text), parts->subtitle);
  gtk_box_append (GTK_BOX (row), text);
  parts->badge = gtk_label_new (NULL);
  gtk_widget_set_valign (parts->badge, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (parts->badge, "caption-heading");
  gtk_box_append (GTK_BOX (row), parts->badge);
  /* Not a reference: the list item owns the parts, and the row with it. */
  g_object_set_data (G_OBJECT (row), "nv-parts", parts);
  return row;
}

static void
setup_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, ListData *data)
{
  RowParts *parts = g_new0 (RowParts, 1);
  GtkWidget *row = row_new (parts, PANGO_ELLIPSIZE_END);
  GtkWidget *squeezer;

  /* Named before its first bind: a list keeps spare rows a screen reader meets.
   * In a narrow window (360 px) the worded button would cut the title (who
   * and which step); the squeezer then shows the icon-only one. */
  squeezer = adw_squeezer_new ();
  gtk_widget_set_valign (squeezer, GTK_ALIGN_CENTER);
  adw_squeezer_set_xalign (ADW_SQUEEZER (squeezer), 1);
  adw_squeezer_set_transition_type (ADW_SQUEEZER (squeezer), ADW_SQUEEZER_TRANSITION_TYPE_NONE);
  parts->button = gtk_button_new_with_mnemonic (_("_Mark as Done…"));
  parts->compact = gtk_button_new_from_icon_name ("object-select-symbolic");
  for (guint i = 0; i < 2; i++)
    {
      GtkWidget *button = i == 0 ? parts->button : parts->compact;
      gtk_widget_set_halign (button, GTK_ALIGN_END);
      g_object_set_data (G_OBJECT (button), "list-item", list_item);
      g_signal_connect (button, "clicked", G_CALLBACK (row_button_clicked_cb), data);
      adw_squeezer_add (ADW_SQUEEZER (squeezer), button);
    }
  gtk_box_append (GTK_BOX (row), squeezer);

  g_object_set_data_full (G_OBJECT (list_item), "parts", parts, g_free);
  gtk_list_item_set_child (list_item, row);
  gtk_list_item_set_activatable (list_item, FALSE);
  gtk_list_item_set_selectable (list_item, FALSE);
}

static void
bind_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, ListData *data)
{
  RowParts *parts = g_object_get_data (G_OBJECT (list_item), "parts");
  const NvMilestone *m = nv_milestone_item_get (gtk_list_item_get_item (list_item));
  const char *title = nv_milestone_title (m->milestone);
  g_autofree char *row_title = NULL;
  g_autofree char *subtitle = nv_followup_status_text (m, nv_page_today (data->page));
  g_autofree char *button_label = NULL;
  int title_width = 0;
  gboolean badge = !data->with_employee || m->status == NV_MILESTONE_OPTIONAL ||
                   m->status == NV_MILESTONE_NOT_TRACKED;
  static const char *const classes[] = { "error", "success", "dim-label" };

  /* Translators: "AB — Follow-up plan" */
  row_title = data->with_employee ? g_strdup_printf (_("%s — %s"), m->employee_ref, title)
                                  : g_strdup (title);
  gtk_label_set_text (GTK_LABEL (parts->title), row_title);
  /* Only where it is needed: wrapping labels cost every row a measure for
   * each width tried, which doubled the time to open the section. */
  gtk_label_set_wrap (GTK_LABEL (parts->subtitle), is_narrow (GTK_WIDGET (data->page)));
  /* Whole unless the row is narrower than the title and an icon button. */
  gtk_widget_set_size_request (parts->title, -1, -1);
  gtk_widget_measure (parts->title, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &title_width, NULL,
                      NULL);
  gtk_widget_set_size_request (parts->title, MIN (title_width, TITLE_WIDTH_KEPT), -1);
  /* Wrapped, a line does not begin with the separator: «Fristen var
   * 23.11.2026 ·» over «14 dager over fristen». */
  {
    g_auto (GStrv) pieces = g_strsplit (subtitle, " · ", -1);
    g_autofree char *joined = g_strjoinv ("\u00a0· ", pieces);
    gtk_label_set_text (GTK_LABEL (parts->subtitle), joined);
  }
  gtk_widget_set_tooltip_text (gtk_list_item_get_child (list_item),
                               nv_milestone_explanation (m->milestone));
  gtk_widget_set_visible (parts->badge, badge);
  gtk_label_set_text (GTK_LABEL (parts->badge), nv_milestone_status_label (m->status));
  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    gtk_widget_remove_css_class (parts->badge, classes[i]);
  gtk_widget_add_css_class (parts->badge, m->status == NV_MILESTONE_OVERDUE ? "error"
                                          : m->status == NV_MILESTONE_DONE  ? "success"
                                                                            : "dim-label");
  if (m->status == NV_MILESTONE_DONE)
    {
      gtk_button_set_label (GTK_BUTTON (parts->button), _("_Undo"));
      gtk_widget_add_css_class (parts->button, "flat");
      gtk_button_set_icon_name (GTK_BUTTON (parts->compact), "edit-undo-symbolic");
      gtk_widget_add_css_class (parts->compact, "flat");
      /* Translators: accessible name of a button: "Undo Follow-up plan for AB" */
      button_label = g_strdup_printf (_("Undo %s for %s"), title, m->employee_ref);
    }
  else
    {
      gtk_button_set_label (GTK_BUTTON (parts->button), _("_Mark as Done…"));
      gtk_widget_remove_css_class (parts->button, "flat");
      gtk_button_set_icon_name (GTK_BUTTON (parts->compact), "object-select-symbolic");
      gtk_widget_remove_css_class (parts->compact, "flat");
      /* Translators: accessible name of a button: "Mark Follow-up plan for AB as done" */
      button_label = g_strdup_printf (_("Mark %s for %s as done"), title, m->employee_ref);
    }
  gtk_button_set_use_underline (GTK_BUTTON (parts->button), TRUE);
  nv_a11y_set_button_name (parts->button, button_label);
  nv_a11y_set_button_name (parts->compact, button_label);
  gtk_widget_set_tooltip_text (parts->compact, button_label);
}

/* Rows are about this high; the list grows with them up to its maximum. */
#define ROW_HEIGHT 62

/* The height of @view's rows at @width: what they take, measured as the view
 * lays them out (the view's own natural height is not: GtkGridView measures
 * its rows at their narrowest, three lines of detail each). */
static int
rows_height (GtkWidget *view, int width)
{
  int height = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (view); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int natural = 0;

      if (!gtk_widget_get_visible (child))
        continue;
      gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, width, NULL, &natural, NULL, NULL);
      height += natural;
    }
  return height;
}

/* A card of a few rows is as high as they are, once they are laid out:
 * when the view's content or width has changed. */
static void
fit_rows (GtkScrolledWindow *scroller)
{
  int max = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (scroller), "max-height"));
  int width = gtk_widget_get_width (GTK_WIDGET (scroller));
  int height;

  if (!GPOINTER_TO_INT (g_object_get_data (G_OBJECT (scroller), "nv-few-rows")) || width <= 0)
    return;
  height = MIN (rows_height (gtk_scrolled_window_get_child (scroller), width), max);
  if (height <= 0 || height == gtk_scrolled_window_get_min_content_height (scroller))
    return;
  gtk_scrolled_window_set_max_content_height (scroller, -1);
  gtk_scrolled_window_set_min_content_height (scroller, height);
  gtk_scrolled_window_set_max_content_height (scroller, height);
}

static void
content_changed_cb (GtkAdjustment *adjustment, GParamSpec *pspec, GtkScrolledWindow *scroller)
{
  fit_rows (scroller);
}

static gboolean
fit_rows_idle (gpointer data)
{
  g_object_set_data (G_OBJECT (data), "nv-fit-idle", NULL);
  fit_rows (data);
  return G_SOURCE_REMOVE;
}

/* fit_rows() after this frame: its rows bound and laid out. */
static void
fit_rows_later (GtkScrolledWindow *scroller)
{
  if (!GPOINTER_TO_INT (g_object_get_data (G_OBJECT (scroller), "nv-few-rows"))
      || g_object_get_data (G_OBJECT (scroller), "nv-fit-idle") != NULL)
    return;
  g_object_set_data (G_OBJECT (scroller), "nv-fit-idle", GINT_TO_POINTER (1));
  g_idle_add_full (GDK_PRIORITY_REDRAW + 10, fit_rows_idle, g_object_ref (scroller),
                   g_object_unref);
}

static void
items_changed_cb (GListModel *model, guint position, guint removed, guint added,
                  GtkScrolledWindow *scroller)
{
  int max = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (scroller), "max-height"));
  int row_height = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (scroller), "row-height"));
  guint n = g_list_model_get_n_items (model);
  int height = (int) MIN (n * (guint) row_height, (guint) max);

  /* Its height follows the number of rows: measuring the view's natural
   * height would walk every row. Fewer than fill it: an estimate until the
   * view has laid them out, then what they take (fit_rows(); once the rows
   * are bound, after the next frame, if the view's size did not change). */
  g_object_set_data (G_OBJECT (scroller), "nv-few-rows",
                     GINT_TO_POINTER (n * (guint) row_height < (guint) max));
  /* Minimum may never exceed maximum, not even in between. */
  gtk_scrolled_window_set_max_content_height (scroller, -1);
  gtk_scrolled_window_set_min_content_height (scroller, height);
  gtk_scrolled_window_set_max_content_height (scroller, height);
  fit_rows_later (scroller);
}

/* The rows on screen (and the spare ones the view keeps) wrap their details
 * when the window has become narrow, and go back to one line when it has
 * become wide again: only when that changes, and without binding them again.
 * Rows bound later follow is_narrow() in their bind. */
static gboolean
follow_width_idle (gpointer data)
{
  GtkWidget *view = data;
  gboolean narrow = is_narrow (view);

  g_object_set_data (G_OBJECT (view), "nv-follow-width-idle", NULL);
  if (narrow == GPOINTER_TO_INT (g_object_get_data (G_OBJECT (view), "nv-narrow")))
    return G_SOURCE_REMOVE;
  g_object_set_data (G_OBJECT (view), "nv-narrow", GINT_TO_POINTER (narrow));
  for (GtkWidget *child = gtk_widget_get_first_child (view); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *row = gtk_widget_get_first_child (child);
      RowParts *parts = row != NULL ? g_object_get_data (G_OBJECT (row), "nv-parts") : NULL;

      if (parts != NULL)
        gtk_label_set_wrap (GTK_LABEL (parts->subtitle), narrow);
    }
  return G_SOURCE_REMOVE;
}

/* The view's width changed (its horizontal page size follows it). Not in the
 * middle of its allocation: the labels are changed from an idle, at once
 * after the frame. */
static void
view_width_changed_cb (GtkAdjustment *adjustment, GParamSpec *pspec, GtkWidget *view)
{
  gboolean narrow = is_narrow (view);

  /* Its rows may take more lines or fewer now. */
  fit_rows_later (GTK_SCROLLED_WINDOW (gtk_widget_get_parent (view)));
  if (narrow == GPOINTER_TO_INT (g_object_get_data (G_OBJECT (view), "nv-narrow"))
      || g_object_get_data (G_OBJECT (view), "nv-follow-width-idle") != NULL)
    return;
  g_object_set_data (G_OBJECT (view), "nv-follow-width-idle", GINT_TO_POINTER (1));
  g_idle_add_full (G_PRIORITY_HIGH_IDLE, follow_width_idle, g_object_ref (view), g_object_unref);
}

/* A one-column grid view, not a list view: GTK 4.8's GtkListView keeps 200
 * rows alive (bound, styled and measured) whatever its height, a grid view
 * 30 rows per column plus three. With tens of thousands of steps the list
 * view made, measured and threw away 200 rows on every reload (some 200 ms
 * of the big unit's 2.5 s). Assistive technologies still meet a list. */
GtkWidget *
nv_followup_one_column_view_new (GListModel *model, GtkListItemFactory *factory,
                                 const char *css_class, const char *accessible_label)
{
  GtkNoSelection *selection = gtk_no_selection_new (g_object_ref (model));
  GtkWidget *view = g_object_new (GTK_TYPE_GRID_VIEW, "accessible-role",
                                  GTK_ACCESSIBLE_ROLE_LIST, "model", selection, "factory",
                                  factory, "min-columns", 1, "max-columns", 1, NULL);

  g_object_unref (selection);
  g_object_unref (factory);
  gtk_widget_add_css_class (view, "nv-one-column");
  gtk_widget_add_css_class (view, css_class);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible_label, -1);
  return view;
}

/* @view inside a card that grows with @model's rows of about @row_height
 * pixels up to @max_height and then scrolls. */
GtkWidget *
nv_followup_scrolled_card_new (GtkWidget *view, GListModel *model, int row_height, int max_height)
{
  GtkWidget *scroller = gtk_scrolled_window_new ();

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  /* Its height follows the number of rows (items_changed_cb): measuring the
   * view's natural height would walk every row. */
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), view);
  g_signal_connect_object (gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (scroller)),
                           "notify::page-size", G_CALLBACK (view_width_changed_cb), view, 0);
  g_signal_connect_object (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller)),
                           "notify::upper", G_CALLBACK (content_changed_cb), scroller, 0);
  gtk_widget_add_css_class (scroller, "card");
  gtk_widget_set_overflow (scroller, GTK_OVERFLOW_HIDDEN);
  g_object_set_data (G_OBJECT (scroller), "max-height", GINT_TO_POINTER (max_height));
  g_object_set_data (G_OBJECT (scroller), "row-height", GINT_TO_POINTER (row_height));
  g_signal_connect_object (model, "items-changed", G_CALLBACK (items_changed_cb), scroller, 0);
  items_changed_cb (model, 0, 0, 0, GTK_SCROLLED_WINDOW (scroller));
  return scroller;
}

GtkWidget *
nv_followup_milestone_list_new (NvPage *page, GListModel *model, gboolean with_employee,
                                int max_height, const char *accessible_label)
{
  ListData *data = g_new0 (ListData, 1);
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  data->page = page;
  data->with_employee = with_employee;
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), data);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), data);
  g_object_set_data_full (G_OBJECT (factory), "list-data", data, g_free);
  return nv_followup_scrolled_card_new (
    nv_followup_one_column_view_new (model, factory, "nv-milestone-list", accessible_label), model,
    ROW_HEIGHT, max_height);
}

/* ---- Repeated absence -------------------------------------------------- */

/* One flagged employee; keeps the array that holds it. */
#define NV_TYPE_REPEATED_ITEM (nv_repeated_item_get_type ())
G_DECLARE_FINAL_TYPE (NvRepeatedItem, nv_repeated_item, NV, REPEATED_ITEM, GObject)

struct _NvRepeatedItem
{
  GObject parent_instance;
  GPtrArray *flagged;
  const NvRepeatedAbsence *absence;
};

G_DEFINE_FINAL_TYPE (NvRepeatedItem, nv_repeated_item, G_TYPE_OBJECT)

static void
nv_repeated_item_finalize (GObject *object)
{
  g_clear_pointer (&NV_REPEATED_ITEM (object)->flagged, g_ptr_array_unref);
  G_OBJECT_CLASS (nv_repeated_item_parent_class)->finalize (object);
}

static void
nv_repeated_item_class_init (NvRepeatedItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = nv_repeated_item_finalize;
}

static void
nv_repeated_item_init (NvRepeatedItem *self)
{
}

/* Rows of the repeated-absence list are about this high. */
#define REPEATED_ROW_HEIGHT 58

static void
repeated_setup_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer data)
{
  RowParts *parts = g_new0 (RowParts, 1);
  GtkWidget *row = row_new (parts, PANGO_ELLIPSIZE_NONE);

  gtk_widget_add_css_class (parts->badge, "dim-label");
  gtk_widget_set_tooltip_text (
    parts->badge, _("5-100: at least 5 absences together at least 100 days. 2-300: at least 2 "
                    "absences together at least 300 days. NAV counts absences of 16 days or more "
                    "with a doctor’s note that started in the last 36 months."));

  g_object_set_data_full (G_OBJECT (list_item), "parts", parts, g_free);
  gtk_list_item_set_child (list_item, row);
  gtk_list_item_set_activatable (list_item, FALSE);
  gtk_list_item_set_selectable (list_item, FALSE);
}

static void
repeated_bind_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer data)
{
  RowParts *parts = g_object_get_data (G_OBJECT (list_item), "parts");
  const NvRepeatedAbsence *r = NV_REPEATED_ITEM (gtk_list_item_get_item (list_item))->absence;
  g_autofree char *subtitle = NULL;
  g_autoptr (GString) rules = g_string_new (NULL);

  /* Translators: "5 absences of 16 days or more · 112 days in the last 36 months" */
  subtitle = g_strdup_printf (g_dngettext (NULL,
                                           "%u absence of 16 days or more · %u days in the "
                                           "last 36 months",
                                           "%u absences of 16 days or more · %u days in the "
                                           "last 36 months",
                                           r->cases),
                              r->cases, r->days);
  if (r->rules & NV_REPEATED_5_100)
    g_string_append (rules, "5-100");
  if (r->rules & NV_REPEATED_2_300)
    g_string_append_printf (rules, "%s2-300", rules->len > 0 ? " · " : "");
  gtk_label_set_text (GTK_LABEL (parts->title), r->employee_ref);
  gtk_label_set_wrap (GTK_LABEL (parts->subtitle), is_narrow (GTK_WIDGET (parts->subtitle)));
  /* Wrapped, a line does not begin with the separator: «Fristen var
   * 23.11.2026 ·» over «14 dager over fristen». */
  {
    g_auto (GStrv) pieces = g_strsplit (subtitle, " · ", -1);
    g_autofree char *joined = g_strjoinv ("\u00a0· ", pieces);
    gtk_label_set_text (GTK_LABEL (parts->subtitle), joined);
  }
  gtk_label_set_text (GTK_LABEL (parts->badge), rules->str);
}

GtkWidget *
nv_followup_repeated_list_new (GListStore *store, int max_height, const char *accessible_label)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (repeated_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (repeated_bind_cb), NULL);
  return nv_followup_scrolled_card_new (
    nv_followup_one_column_view_new (G_LIST_MODEL (store), factory, "nv-repeated-list",
                                     accessible_label),
    G_LIST_MODEL (store), REPEATED_ROW_HEIGHT, max_height);
}

GListStore *
nv_followup_repeated_store_new (void)
{
  return g_list_store_new (NV_TYPE_REPEATED_ITEM);
}

void
nv_followup_fill_repeated (GListStore *store, GPtrArray *flagged)
{
  g_autoptr (GPtrArray) items = g_ptr_array_new_full (flagged->len, g_object_unref);

  for (guint i = 0; i < flagged->len; i++)
    {
      NvRepeatedItem *item = g_object_new (NV_TYPE_REPEATED_ITEM, NULL);

      item->flagged = g_ptr_array_ref (flagged);
      item->absence = g_ptr_array_index (flagged, i);
      g_ptr_array_add (items, item);
    }
  g_list_store_splice (store, 0, g_list_model_get_n_items (G_LIST_MODEL (store)), items->pdata,
                       items->len);
}
