/* nv-absence-tables.c — the Absence section's three tables (staff, sick
 * leave, monthly figures): their columns, and loading them from the store.
 *
 * The sick-leave table of a big unit has 100 000 rows: they are not made
 * as objects up front. A list model over the spells (NvSpellRows) makes a
 * row object only when a view asks for one, and the cells are formatted
 * only for rows on screen. The sick leave is loaded when its part is first
 * shown, not with every unit switch while the staff list is on screen.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-absence-page"

#include "config.h"

#include <glib/gi18n.h>

#include "nv-absence-page-private.h"
#include "nv-format.h"
#include "nv-monthly-dialog.h"
enum
{
  ROSTER_EMPLOYEE,
  ROSTER_FTE,
  ROSTER_FROM,
  ROSTER_TO,
  ROSTER_STATE,
};

enum
{
  SPELL_EMPLOYEE,
  SPELL_START,
  SPELL_END,
  SPELL_DAYS,
  SPELL_GRADE,
  SPELL_TYPE,
  SPELL_N_COLUMNS,
};

enum
{
  MONTH_PERIOD,
  MONTH_CONTRACTED,
  MONTH_SELF,
  MONTH_DOCTOR,
  MONTH_PERSONS,
  MONTH_PERCENT,
};

/* ---- Cells ------------------------------------------------------------- */

char *
nv_absence_format_day (NvDay day)
{
  return day != NV_DAY_NONE ? nv_day_format_local (day) : g_strdup ("");
}

static char *
format_percent (double value)
{
  g_autofree char *number = nv_format_number (value, 1);
  return g_strconcat (number, "\u00a0%", NULL); /* no-break space, as nv-format */
}

/* A row of the spells table: the spell, and the day an ongoing one has
 * lasted until (today by the page's clock when the table was loaded). It
 * keeps the array that holds the spell. */
typedef struct
{
  const NvSpell *spell;
  NvDay today;
  GPtrArray *spells;
} SpellRow;

static void
spell_row_free (SpellRow *row)
{
  g_ptr_array_unref (row->spells);
  g_free (row);
}

/* A cell of the spells table (nv_table_item_new_lazy). */
static char *
format_spell (gconstpointer data, guint column)
{
  const SpellRow *row = data;
  const NvSpell *spell = row->spell;

  switch (column)
    {
    case SPELL_EMPLOYEE:
      return g_strdup (spell->employee_ref);
    case SPELL_START:
      return nv_absence_format_day (spell->start);
    case SPELL_END:
      return spell->end != NV_DAY_NONE ? nv_absence_format_day (spell->end)
                                       : g_strdup (_ ("ongoing"));
    case SPELL_DAYS:
      {
        NvDay last = spell->end != NV_DAY_NONE ? spell->end : MAX (row->today, spell->start);
        return g_strdup_printf ("%u", (guint)(last - spell->start + 1));
      }
    case SPELL_GRADE:
      return format_percent (spell->grade);
    case SPELL_TYPE:
    default:
      return g_strdup (nv_spell_type_label (spell->type));
    }
}

gint64
nv_absence_selected_id (GtkColumnView *view)
{
  NvTableItem *item = nv_table_get_selected (view);
  return item != NULL ? nv_table_item_get_id (item) : 0;
}

gpointer
nv_absence_selected_data (GtkColumnView *view)
{
  NvTableItem *item = nv_table_get_selected (view);
  return item != NULL ? nv_table_item_get_data (item) : NULL;
}

NvSpell *
nv_absence_selected_spell (NvAbsencePage *self)
{
  SpellRow *row = nv_absence_selected_data (self->spells_view);
  /* Not yet loaded for this unit: what is selected is the last unit's. */
  return row != NULL && !self->spells_stale ? (NvSpell *)row->spell : NULL;
}

/* ---- The sick-leave rows ------------------------------------------------ */

/* A GListModel of NvTableItem over an array of NvSpell, newest first: an
 * item is made when asked for (a view asks for the rows it shows). */
#define NV_TYPE_SPELL_ROWS (nv_spell_rows_get_type ())
G_DECLARE_FINAL_TYPE (NvSpellRows, nv_spell_rows, NV, SPELL_ROWS, GObject)

struct _NvSpellRows
{
  GObject parent_instance;
  GPtrArray *spells; /* NvSpell, oldest first (as listed) */
  NvDay today;
};

static void spell_rows_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (NvSpellRows, nv_spell_rows, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, spell_rows_model_init))

static GType
spell_rows_get_item_type (GListModel *model)
{
  return NV_TYPE_TABLE_ITEM;
}

static guint
spell_rows_get_n_items (GListModel *model)
{
  NvSpellRows *self = NV_SPELL_ROWS (model);
  return self->spells != NULL ? self->spells->len : 0;
}

static gpointer
spell_rows_get_item (GListModel *model, guint position)
{
  NvSpellRows *self = NV_SPELL_ROWS (model);
  SpellRow *row;

  if (position >= spell_rows_get_n_items (model))
    return NULL;
  row = g_new (SpellRow, 1);
  row->spell = g_ptr_array_index (self->spells, self->spells->len - 1 - position);
  row->today = self->today;
  row->spells = g_ptr_array_ref (self->spells);
  return nv_table_item_new_lazy (row->spell->id, SPELL_N_COLUMNS, format_spell,
                                 row->spell->employee_ref, row, (GDestroyNotify)spell_row_free);
}

static void
spell_rows_model_init (GListModelInterface *iface)
{
  iface->get_item_type = spell_rows_get_item_type;
  iface->get_n_items = spell_rows_get_n_items;
  iface->get_item = spell_rows_get_item;
}

static void
nv_spell_rows_finalize (GObject *object)
{
  g_clear_pointer (&NV_SPELL_ROWS (object)->spells, g_ptr_array_unref);
  G_OBJECT_CLASS (nv_spell_rows_parent_class)->finalize (object);
}

static void
nv_spell_rows_class_init (NvSpellRowsClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = nv_spell_rows_finalize;
}

static void
nv_spell_rows_init (NvSpellRows *self)
{
}

GListModel *
nv_absence_spell_rows_new (void)
{
  return g_object_new (NV_TYPE_SPELL_ROWS, NULL);
}

/* Shows @spells (taken over; NULL for none). */
static void
spell_rows_set (NvSpellRows *self, GPtrArray *spells, NvDay today)
{
  guint removed = spell_rows_get_n_items (G_LIST_MODEL (self));
  g_autoptr (GPtrArray) old = g_steal_pointer (&self->spells);

  self->spells = spells;
  self->today = today;
  if (removed > 0 || spell_rows_get_n_items (G_LIST_MODEL (self)) > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, removed,
                                spell_rows_get_n_items (G_LIST_MODEL (self)));
}

/* The position of the spell @id, or G_MAXUINT. */
static guint
spell_rows_find (NvSpellRows *self, gint64 id)
{
  for (guint i = 0; self->spells != NULL && i < self->spells->len; i++)
    if (((const NvSpell *)g_ptr_array_index (self->spells, i))->id == id)
      return self->spells->len - 1 - i;
  return G_MAXUINT;
}

/* ---- Loading ------------------------------------------------------------ */

void
nv_absence_load_roster (NvAbsencePage *self, gint64 unit_id, NvDay today)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) rows = nv_roster_list (nv_page_get_store (NV_PAGE (self)), unit_id, &error);
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GHashTable) everyone = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr (GHashTable) working = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr (GHashTable) staying = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autofree char *summary = NULL;
  gint64 keep = nv_absence_selected_id (self->roster_view);
  gboolean heading_added = FALSE;

  if (rows == NULL)
    {
      nv_page_toast (NV_PAGE (self), error->message);
      rows = g_ptr_array_new ();
    }
  /* Who works here now or later: any row not ended before today. */
  for (guint i = 0; i < rows->len; i++)
    {
      NvRosterRow *row = g_ptr_array_index (rows, i);
      g_hash_table_add (everyone, &row->employee_id);
      if (row->to == NV_DAY_NONE || row->to >= today)
        g_hash_table_add (staying, &row->employee_id);
    }
  /* Those who have left go below the others, under a heading of their own
   * (an earlier row of someone still here stays with them, dimmed). */
  for (guint i = 0, n = rows->len; i < n;)
    {
      NvRosterRow *r = g_ptr_array_index (rows, i);
      if (!g_hash_table_contains (staying, &r->employee_id) && n-- > 0)
        g_ptr_array_add (rows, g_ptr_array_steal_index (rows, i));
      else
        i++;
    }
  for (guint i = 0; i < rows->len; i++)
    {
      NvRosterRow *row = g_ptr_array_index (rows, i);
      gboolean past = row->to != NV_DAY_NONE && row->to < today;
      gboolean future = row->from > today;
      char **texts = g_new0 (char *, 6);
      NvTableItem *item;

      if (!heading_added && !g_hash_table_contains (staying, &row->employee_id))
        {
          guint n_former = g_hash_table_size (everyone) - g_hash_table_size (staying);
          char **heading = g_new0 (char *, 6);

          heading_added = TRUE;
          /* TRANSLATORS: heading in the staff table above those who have
           * left the unit, with how many: «Former Employees (3)» */
          heading[ROSTER_EMPLOYEE] = g_strdup_printf (_ ("Former Employees (%u)"), n_former);
          for (guint c = ROSTER_FTE; c <= ROSTER_STATE; c++)
            heading[c] = g_strdup ("");
          item = nv_table_item_new (0, heading, NULL, NULL, NULL);
          nv_table_item_set_heading (item, TRUE);
          g_ptr_array_add (items, item);
        }
      texts[ROSTER_EMPLOYEE] = g_strdup (row->employee_ref);
      texts[ROSTER_FTE] = format_percent (row->fte);
      texts[ROSTER_FROM] = nv_absence_format_day (row->from);
      texts[ROSTER_TO]
          = row->to != NV_DAY_NONE ? nv_absence_format_day (row->to) : g_strdup (_ ("—"));
      /* TRANSLATORS: «In Force» of a staff row: of someone who has left
       * («Left»), an earlier row of someone still here («Earlier»), a row
       * not begun («Upcoming»), the row in force («Now») */
      texts[ROSTER_STATE]
          = g_strdup (!g_hash_table_contains (staying, &row->employee_id) ? _ ("Left")
                      : past                                              ? _ ("Earlier")
                      : future                                            ? _ ("Upcoming")
                                                                          : _ ("Now"));
      item = nv_table_item_new (row->id, texts, row->employee_ref, nv_roster_row_copy (row),
                                (GDestroyNotify)nv_roster_row_free);
      nv_table_item_set_dim (item, past);
      g_ptr_array_add (items, item);
      if (!past && !future)
        g_hash_table_add (working, &row->employee_id);
    }
  g_list_store_splice (self->roster, 0, g_list_model_get_n_items (G_LIST_MODEL (self->roster)),
                       items->pdata, items->len);
  if (keep != 0)
    nv_table_select_id (self->roster_view, keep);

  self->has_staff = g_hash_table_size (everyone) > 0;
  summary = g_strdup_printf (
      /* TRANSLATORS: «12 employees, 10 at work now» */
      g_dngettext (GETTEXT_PACKAGE, "%u employee, %u employed today",
                   "%u employees, %u employed today", g_hash_table_size (everyone)),
      g_hash_table_size (everyone), g_hash_table_size (working));
  gtk_label_set_text (self->roster_summary, summary);
  gtk_stack_set_visible_child_name (self->roster_stack, rows->len > 0 ? "list" : "empty");
}

static void
load_spells (NvAbsencePage *self, gint64 unit_id, NvDay today)
{
  g_autoptr (GError) error = NULL;
  GPtrArray *spells = nv_spell_list (nv_page_get_store (NV_PAGE (self)), unit_id, &error);
  GtkSingleSelection *selection
      = GTK_SINGLE_SELECTION (gtk_column_view_get_model (self->spells_view));
  g_autofree char *summary = NULL;
  gint64 keep = self->spells_stale ? 0 : nv_absence_selected_id (self->spells_view);
  guint open = 0, n_spells, position = G_MAXUINT;

  if (spells == NULL)
    {
      nv_page_toast (NV_PAGE (self), error->message);
      spells = g_ptr_array_new_with_free_func ((GDestroyNotify)nv_spell_free);
    }
  self->spells_stale = FALSE;
  for (guint i = 0; i < spells->len; i++)
    if (((NvSpell *)g_ptr_array_index (spells, i))->end == NV_DAY_NONE)
      open++;
  n_spells = spells->len;
  /* Unselected first: the selection would look for its item among every
   * new row. Newest first: the leader works on what is going on now. */
  gtk_single_selection_set_selected (selection, GTK_INVALID_LIST_POSITION);
  spell_rows_set (NV_SPELL_ROWS (self->spells), spells, today);
  if (keep != 0)
    {
      const char *search = gtk_editable_get_text (GTK_EDITABLE (self->spells_search));

      if (search == NULL || search[0] == '\0')
        position = spell_rows_find (NV_SPELL_ROWS (self->spells), keep);
      if (position != G_MAXUINT)
        gtk_single_selection_set_selected (selection, position);
      else
        nv_table_select_id (self->spells_view, keep);
    }

  summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u period of sick leave, %u ongoing",
                                          "%u periods of sick leave, %u ongoing", n_spells),
                             n_spells, open);
  gtk_label_set_text (self->spells_summary, summary);
  gtk_stack_set_visible_child_name (self->spells_stack, n_spells > 0 ? "list" : "empty");
  adw_status_page_set_description (
      self->spells_empty,
      self->has_staff
          ? _ ("Record each period of sick leave with its dates, grade and whether it is "
               "self-certified or doctor-certified.")
          : _ ("Add the staff first: sick leave is recorded for someone on the staff list. You can "
               "also import both from your HR system."));
}

void
nv_absence_clear_spells (NvAbsencePage *self)
{
  gtk_single_selection_set_selected (
      GTK_SINGLE_SELECTION (gtk_column_view_get_model (self->spells_view)),
      GTK_INVALID_LIST_POSITION);
  spell_rows_set (NV_SPELL_ROWS (self->spells), NULL, NV_DAY_NONE);
  self->spells_stale = FALSE;
}

void
nv_absence_ensure_spells (NvAbsencePage *self)
{
  gint64 unit_id = nv_page_get_unit_id (NV_PAGE (self));

  if (!self->spells_stale || nv_page_get_store (NV_PAGE (self)) == NULL || unit_id == 0)
    return;
  load_spells (self, unit_id, nv_page_today (NV_PAGE (self)));
  nv_absence_page_update_actions (self);
}

void
nv_absence_load_monthly (NvAbsencePage *self, gint64 unit_id)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) months
      = nv_monthly_list (nv_page_get_store (NV_PAGE (self)), unit_id, &error);
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *summary = NULL;
  gint64 keep = nv_absence_selected_id (self->monthly_view);

  if (months == NULL)
    {
      nv_page_toast (NV_PAGE (self), error->message);
      months = g_ptr_array_new ();
    }
  for (guint i = months->len; i-- > 0;)
    {
      NvMonthly *m = g_ptr_array_index (months, i);
      double lost = m->lost_days_self + m->lost_days_doctor;
      char **texts = g_new0 (char *, 7);
      NvMonthly *copy = g_new (NvMonthly, 1);

      *copy = *m;
      /* TRANSLATORS: month and year, «March 2025» */
      texts[MONTH_PERIOD] = g_strdup_printf (_ ("%s %d"), nv_month_name (m->month), m->year);
      /* One fixed decimal so the columns line up; the dialog shows all. */
      texts[MONTH_CONTRACTED] = nv_format_decimal (m->contracted_days, 1);
      texts[MONTH_SELF] = nv_format_decimal (m->lost_days_self, 1);
      texts[MONTH_DOCTOR] = nv_format_decimal (m->lost_days_doctor, 1);
      texts[MONTH_PERSONS] = g_strdup_printf ("%d", m->persons);
      texts[MONTH_PERCENT] = m->contracted_days > 0
                                 ? nv_format_percent_sign (lost * 100 / m->contracted_days)
                                 : g_strdup (_ ("—"));
      g_ptr_array_add (items,
                       nv_table_item_new (m->year * 100 + m->month, texts, NULL, copy, g_free));
    }
  g_list_store_splice (self->monthly, 0, g_list_model_get_n_items (G_LIST_MODEL (self->monthly)),
                       items->pdata, items->len);
  if (keep != 0)
    nv_table_select_id (self->monthly_view, keep);

  summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u month", "%u months", months->len),
                             months->len);
  gtk_label_set_text (self->monthly_summary, summary);
  gtk_stack_set_visible_child_name (self->monthly_stack, months->len > 0 ? "list" : "empty");
}

/* ---- Tables ------------------------------------------------------------- */

static void
row_activated_cb (GtkColumnView *view, guint position, NvAbsencePage *self)
{
  const char *action = view == self->roster_view   ? "absence.edit-roster"
                       : view == self->spells_view ? "absence.edit-spell"
                                                   : "absence.edit-month";

  gtk_selection_model_select_item (gtk_column_view_get_model (view), position, TRUE);
  gtk_widget_activate_action (GTK_WIDGET (self), action, NULL);
}

static void
selection_changed_cb (NvAbsencePage *self)
{
  nv_absence_page_update_actions (self);
}

static void
search_changed_cb (GtkSearchEntry *entry, NvAbsencePage *self)
{
  gtk_string_filter_set_search (self->spells_filter, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static void
setup_view (NvAbsencePage *self, GtkColumnView *view, GListModel *model, const char *delete_action)
{
  GtkSingleSelection *selection = gtk_single_selection_new (model);
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();

  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_single_selection_set_can_unselect (selection, TRUE);
  gtk_single_selection_set_selected (selection, GTK_INVALID_LIST_POSITION);
  gtk_column_view_set_model (view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);
  g_signal_connect_swapped (selection, "notify::selected", G_CALLBACK (selection_changed_cb), self);
  g_signal_connect (view, "activate", G_CALLBACK (row_activated_cb), self);

  gtk_shortcut_controller_add_shortcut (
      GTK_SHORTCUT_CONTROLLER (shortcuts),
      gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Delete, 0),
                        gtk_named_action_new (delete_action)));
  gtk_shortcut_controller_add_shortcut (
      GTK_SHORTCUT_CONTROLLER (shortcuts),
      gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_KP_Delete, 0),
                        gtk_named_action_new (delete_action)));
  gtk_widget_add_controller (GTK_WIDGET (view), shortcuts);
}

void
nv_absence_build_tables (NvAbsencePage *self)
{
  GtkFilterListModel *filtered;

  nv_table_add_column (self->roster_view, _ ("Employee"), ROSTER_EMPLOYEE, NV_TABLE_TEXT, TRUE);
  nv_table_add_column (self->roster_view, _ ("FTE"), ROSTER_FTE, NV_TABLE_NUMBER, FALSE);
  nv_table_add_column (self->roster_view, _ ("First Day"), ROSTER_FROM, NV_TABLE_NUMBER, FALSE);
  nv_table_add_column (self->roster_view, _ ("Last Day"), ROSTER_TO, NV_TABLE_NUMBER, FALSE);
  nv_table_add_column (self->roster_view, _ ("In Force"), ROSTER_STATE, NV_TABLE_TEXT, FALSE);
  setup_view (self, self->roster_view, G_LIST_MODEL (g_object_ref (self->roster)),
              "absence.delete-roster");

  nv_table_add_column (self->spells_view, _ ("Employee"), SPELL_EMPLOYEE, NV_TABLE_TEXT, TRUE);
  nv_table_add_column (self->spells_view, _ ("First Day"), SPELL_START, NV_TABLE_NUMBER, FALSE);
  nv_table_add_column (self->spells_view, _ ("Last Day"), SPELL_END, NV_TABLE_NUMBER, FALSE);
  nv_table_add_column (self->spells_view, _ ("Calendar Days"), SPELL_DAYS, NV_TABLE_NUMBER, FALSE);
  nv_table_add_column (self->spells_view, _ ("Grade"), SPELL_GRADE, NV_TABLE_NUMBER, FALSE);
  nv_table_add_column (self->spells_view, _ ("Type"), SPELL_TYPE, NV_TABLE_TEXT, FALSE);
  self->spells_filter
      = gtk_string_filter_new (gtk_property_expression_new (NV_TYPE_TABLE_ITEM, NULL, "search"));
  gtk_string_filter_set_match_mode (self->spells_filter, GTK_STRING_FILTER_MATCH_MODE_PREFIX);
  filtered = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->spells)),
                                        GTK_FILTER (g_object_ref (self->spells_filter)));
  setup_view (self, self->spells_view, G_LIST_MODEL (filtered), "absence.delete-spell");
  g_signal_connect (self->spells_search, "search-changed", G_CALLBACK (search_changed_cb), self);

  nv_table_add_column (self->monthly_view, _ ("Month"), MONTH_PERIOD, NV_TABLE_TEXT, TRUE);
  nv_table_add_column (self->monthly_view, _ ("Contracted Days"), MONTH_CONTRACTED, NV_TABLE_NUMBER,
                       FALSE);
  nv_table_add_column (self->monthly_view, _ ("Lost, Self-Certified"), MONTH_SELF, NV_TABLE_NUMBER,
                       FALSE);
  nv_table_add_column (self->monthly_view, _ ("Lost, Doctor-Certified"), MONTH_DOCTOR,
                       NV_TABLE_NUMBER, FALSE);
  nv_table_add_column (self->monthly_view, _ ("Persons"), MONTH_PERSONS, NV_TABLE_NUMBER, FALSE);
  nv_table_add_column (self->monthly_view, _ ("Sick Leave"), MONTH_PERCENT, NV_TABLE_NUMBER, FALSE);
  setup_view (self, self->monthly_view, G_LIST_MODEL (g_object_ref (self->monthly)),
              "absence.delete-month");
}
