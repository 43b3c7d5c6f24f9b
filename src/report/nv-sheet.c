/* nv-sheet.c — tables to CSV and .xlsx (the .xlsx writer, with
 * libxlsxwriter, is nv-sheet-xlsx.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-sheet"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <math.h>
#include <unistd.h>

#include "nv-csv.h"
#include "nv-municipal.h"
#include "nv-unit.h"
#include "nv-sheet-private.h"
#include "nv-sheet.h"


static void
column_clear (Column *c)
{
  g_free (c->header);
}

static void
cell_clear (Cell *c)
{
  g_free (c->text);
}

static GArray *
new_row (void)
{
  GArray *row = g_array_new (FALSE, TRUE, sizeof (Cell));
  g_array_set_clear_func (row, (GDestroyNotify) cell_clear);
  return row;
}

NvSheet *
nv_sheet_new (const char *title)
{
  NvSheet *t = g_new0 (NvSheet, 1);

  t->title = g_strdup (title);
  t->columns = g_array_new (FALSE, TRUE, sizeof (Column));
  g_array_set_clear_func (t->columns, (GDestroyNotify) column_clear);
  t->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  t->notes = g_ptr_array_new_with_free_func (g_free);
  return t;
}

void
nv_sheet_free (NvSheet *table)
{
  if (table == NULL)
    return;
  g_free (table->title);
  g_array_unref (table->columns);
  g_ptr_array_unref (table->rows);
  g_ptr_array_unref (table->notes);
  g_free (table);
}

void
nv_sheet_add_column (NvSheet *table, const char *header, NvSheetKind kind)
{
  Column c = { g_strdup (header), kind };
  g_array_append_val (table->columns, c);
}

void
nv_sheet_begin_row (NvSheet *table)
{
  g_ptr_array_add (table->rows, new_row ());
}

static void
add_cell (NvSheet *table, Cell cell)
{
  g_return_if_fail (table->rows->len > 0);
  g_array_append_val ((GArray *) g_ptr_array_index (table->rows, table->rows->len - 1), cell);
}

void
nv_sheet_add_text (NvSheet *table, const char *text)
{
  add_cell (table, (Cell){ CELL_TEXT, NAN, g_strdup (text != NULL ? text : "") });
}

void
nv_sheet_add_value (NvSheet *table, double value)
{
  add_cell (table, (Cell){ CELL_VALUE, value, NULL });
}

void
nv_sheet_add_masked (NvSheet *table)
{
  add_cell (table, (Cell){ CELL_MASKED, NAN, NULL });
}

void
nv_sheet_add_note (NvSheet *table, const char *note)
{
  g_ptr_array_add (table->notes, g_strdup (note));
}

guint
nv_sheet_get_n_rows (const NvSheet *table)
{
  return table->rows->len;
}

/* ---- CSV ----------------------------------------------------------------- */

gboolean
nv_sheet_write_csv (const NvSheet *table, const char *path, GError **error)
{
  g_autoptr (NvCsvWriter) w = nv_csv_writer_new_for_path (path, error);

  if (w == NULL)
    return FALSE;
  for (guint c = 0; c < table->columns->len; c++)
    nv_csv_writer_add_text (w, g_array_index (table->columns, Column, c).header);
  nv_csv_writer_end_row (w);
  for (guint r = 0; r < table->rows->len; r++)
    {
      GArray *row = g_ptr_array_index (table->rows, r);
      for (guint c = 0; c < row->len; c++)
        {
          const Cell *cell = &g_array_index (row, Cell, c);
          if (cell->state == CELL_TEXT)
            nv_csv_writer_add_user_text (w, cell->text);
          else if (cell->state == CELL_VALUE)
            nv_csv_writer_add_number (w, cell->value);
          else
            nv_csv_writer_add_empty (w);
        }
      nv_csv_writer_end_row (w);
    }
  return nv_csv_writer_finish (w, error);
}

gboolean
nv_sheet_write (const NvSheet *table, const char *path, GError **error)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  if (g_str_has_suffix (lower, ".csv"))
    return nv_sheet_write_csv (table, path, error);
  if (g_str_has_suffix (lower, ".xlsx"))
    return nv_sheet_write_xlsx (table, path, error);
  g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL,
               _("Cannot tell the file type of “%s”: use .csv or .xlsx"), path);
  return FALSE;
}

/* ---- The tables ---------------------------------------------------------- */

static char *
quarter_label (NvDay start)
{
  /* TRANSLATORS: a quarter of a year, «Q3 2025» */
  return g_strdup_printf (_("Q%d %d"), nv_day_quarter (start), nv_day_year (start));
}

static void
add_figure (NvSheet *t, gboolean masked, double value)
{
  if (masked)
    nv_sheet_add_masked (t);
  else
    nv_sheet_add_value (t, value);
}

NvSheet *
nv_sheet_for_overview (NvStore *store, gint64 unit_id, NvDay as_of, double nok_per_day,
                       GError **error)
{
  g_autoptr (GArray) periods = NULL;
  g_autoptr (NvSheet) t = nv_sheet_new (_("Sick leave by quarter"));
  NvStatsQuery query = { NV_PERIOD_QUARTER, NV_DAY_NONE, NV_DAY_NONE, NV_DAY_NONE };
  int y, m, d;

  if (as_of == NV_DAY_NONE)
    as_of = nv_store_today (store);
  /* As the Overview: from the quarter four quarters back to the as-of day. */
  nv_day_to_ymd (nv_period_start (NV_PERIOD_QUARTER, as_of), &y, &m, &d);
  query.from = nv_day_from_ymd (y - 1, m, 1);
  query.to = as_of;
  query.as_of = as_of;
  periods = nv_stats_for_unit (store, unit_id, &query, error);
  if (periods == NULL)
    return NULL;

  nv_sheet_add_column (t, _("Quarter"), NV_SHEET_TEXT);
  nv_sheet_add_column (t, _("Persons"), NV_SHEET_COUNT);
  nv_sheet_add_column (t, _("Contracted days"), NV_SHEET_DAYS);
  nv_sheet_add_column (t, _("Lost days"), NV_SHEET_DAYS);
  nv_sheet_add_column (t, _("Sick leave (%)"), NV_SHEET_PERCENT);
  nv_sheet_add_column (t, _("Self-certified (%)"), NV_SHEET_PERCENT);
  nv_sheet_add_column (t, _("Doctor-certified (%)"), NV_SHEET_PERCENT);
  nv_sheet_add_column (t, _("Short-term (%)"), NV_SHEET_PERCENT);
  nv_sheet_add_column (t, _("Long-term (%)"), NV_SHEET_PERCENT);
  nv_sheet_add_column (t, _("Graded share (%)"), NV_SHEET_PERCENT);
  nv_sheet_add_column (t, _("Lost årsverk"), NV_SHEET_DECIMAL2);
  nv_sheet_add_column (t, _("Cost (NOK)"), NV_SHEET_NOK);
  for (guint i = 0; i < periods->len; i++)
    {
      const NvStatsPeriod *p = &g_array_index (periods, NvStatsPeriod, i);
      g_autofree char *label = quarter_label (p->start);
      gboolean split = p->has_case_split;
      gboolean masked = p->masked;

      nv_sheet_begin_row (t);
      nv_sheet_add_text (t, label);
      nv_sheet_add_value (t, p->persons);
      add_figure (t, masked, p->contracted_days);
      add_figure (t, masked, p->lost_days);
      add_figure (t, masked, p->percent);
      add_figure (t, masked, p->percent_self);
      add_figure (t, masked, p->percent_doctor);
      add_figure (t, masked, split ? p->percent_short : NAN);
      add_figure (t, masked, split ? p->percent_long : NAN);
      add_figure (t, masked, split ? p->graded_share * 100 : NAN);
      add_figure (t, masked, nv_stats_arsverk (p->lost_days));
      add_figure (t, masked, nv_stats_cost (p->lost_days, nok_per_day));
    }
  nv_sheet_add_note (t, _("Sick leave is lost days as a share of contracted days (SSB’s and "
                          "NAV’s definitions). The last quarter runs to the as-of day."));
  return g_steal_pointer (&t);
}

NvSheet *
nv_sheet_for_compare (const NvCompare *compare)
{
  g_autoptr (NvSheet) t = nv_sheet_new (_("Sick leave against benchmarks"));
  g_autofree char *unit_header =
    g_strdup_printf ("%s, %s (%%)", compare->unit_name, nv_compare_measure_word (compare->measure));

  nv_sheet_add_column (t, _("Quarter"), NV_SHEET_TEXT);
  nv_sheet_add_column (t, _("Persons"), NV_SHEET_COUNT);
  nv_sheet_add_column (t, unit_header, NV_SHEET_PERCENT);
  for (guint s = 0; s < compare->series->len; s++)
    {
      const NvCompareSeries *series = g_ptr_array_index (compare->series, s);
      g_autofree char *header = g_strdup_printf ("%s (%%)", series->label);
      nv_sheet_add_column (t, header, NV_SHEET_PERCENT);
    }
  for (guint q = 0; q < compare->n_quarters; q++)
    {
      g_autofree char *label = nv_compare_quarter_label (compare, q);

      nv_sheet_begin_row (t);
      nv_sheet_add_text (t, label);
      nv_sheet_add_value (t, compare->quarters[q].persons);
      add_figure (t, nv_compare_masked (compare, q), compare->unit_values[q]);
      for (guint s = 0; s < compare->series->len; s++)
        {
          const NvCompareSeries *series = g_ptr_array_index (compare->series, s);
          add_figure (t, series->masked[q], series->values[q]);
        }
    }
  return g_steal_pointer (&t);
}

NvSheet *
nv_sheet_for_municipal (const NvMunicipal *municipal)
{
  g_autoptr (NvSheet) t = nv_sheet_new (_("The municipality at a glance"));

  nv_sheet_add_column (t, _("Unit"), NV_SHEET_TEXT);
  nv_sheet_add_column (t, _("Sector"), NV_SHEET_TEXT);
  nv_sheet_add_column (t, _("Quarter"), NV_SHEET_TEXT);
  nv_sheet_add_column (t, _("Persons"), NV_SHEET_COUNT);
  nv_sheet_add_column (t, _("Sick leave (%)"), NV_SHEET_PERCENT);
  nv_sheet_add_column (t, _("Four quarters (%)"), NV_SHEET_PERCENT);
  nv_sheet_add_column (t, _("Change (percentage points)"), NV_SHEET_PERCENT);
  nv_sheet_add_column (t, _("Traffic light"), NV_SHEET_TEXT);
  nv_sheet_add_column (t, _("Benchmark"), NV_SHEET_TEXT);
  nv_sheet_add_column (t, _("Active measures"), NV_SHEET_COUNT);
  nv_sheet_add_column (t, _("Overdue measures"), NV_SHEET_COUNT);
  for (guint i = 0; i < municipal->units->len; i++)
    {
      const NvMunicipalUnit *u = g_ptr_array_index (municipal->units, i);

      nv_sheet_begin_row (t);
      nv_sheet_add_text (t, u->name);
      nv_sheet_add_text (t, nv_sector_label (u->sector));
      nv_sheet_add_text (t, u->latest_label != NULL ? u->latest_label : "");
      nv_sheet_add_value (t, u->latest >= 0 ? u->persons : NAN);
      add_figure (t, u->latest_masked, u->latest_percent);
      add_figure (t, u->four_masked, u->four_percent);
      add_figure (t, u->trend_masked, u->trend_points);
      nv_sheet_add_text (t, nv_light_label (u->light));
      nv_sheet_add_text (t, u->benchmark != NULL ? u->benchmark : "");
      nv_sheet_add_value (t, u->open_measures);
      nv_sheet_add_value (t, u->overdue_measures);
    }
  nv_sheet_add_note (t, _("Total sick leave (self- and doctor-certified) in each unit’s latest "
                          "complete quarter, the four quarters ending with it, and the change "
                          "against the same quarter a year before."));
  return g_steal_pointer (&t);
}
