/* nv-export.c — CSV export of roster, spells and HR monthly figures.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-export"

#include "config.h"

#include <math.h>

#include "nv-absence.h"
#include "nv-export.h"
#include "nv-stats.h"
#include "nv-unit.h"

static void
write_header (NvCsvWriter *writer, const NvCsvColumn *columns)
{
  for (guint i = 0; columns[i].id != NULL; i++)
    nv_csv_writer_add_text (writer, columns[i].nb);
  nv_csv_writer_end_row (writer);
}

static gboolean
write_roster (NvStore *store, gint64 unit_id, NvCsvWriter *writer, guint *n_rows, GError **error)
{
  g_autoptr (GPtrArray) rows = nv_roster_list (store, unit_id, error);

  if (rows == NULL)
    return FALSE;
  write_header (writer, nv_csv_roster_columns);
  for (guint i = 0; i < rows->len; i++)
    {
      NvRosterRow *row = g_ptr_array_index (rows, i);

      nv_csv_writer_add_text (writer, row->employee_ref);
      nv_csv_writer_add_number (writer, row->fte);
      nv_csv_writer_add_day (writer, row->from);
      nv_csv_writer_add_day (writer, row->to);
      nv_csv_writer_end_row (writer);
    }
  *n_rows = rows->len;
  return TRUE;
}

static gboolean
write_spells (NvStore *store, gint64 unit_id, NvCsvWriter *writer, guint *n_rows, GError **error)
{
  g_autoptr (GPtrArray) spells = nv_spell_list (store, unit_id, error);

  if (spells == NULL)
    return FALSE;
  write_header (writer, nv_csv_spell_columns);
  for (guint i = 0; i < spells->len; i++)
    {
      NvSpell *spell = g_ptr_array_index (spells, i);

      nv_csv_writer_add_text (writer, spell->employee_ref);
      nv_csv_writer_add_day (writer, spell->start);
      nv_csv_writer_add_day (writer, spell->end);
      nv_csv_writer_add_number (writer, spell->grade);
      nv_csv_writer_add_text (writer, nv_spell_type_to_string (spell->type));
      nv_csv_writer_end_row (writer);
    }
  *n_rows = spells->len;
  return TRUE;
}

static void
add_percent (NvCsvWriter *writer, double lost, double contracted, gboolean masked)
{
  if (masked || contracted <= 0)
    nv_csv_writer_add_empty (writer);
  else
    nv_csv_writer_add_number (writer, lost * 100 / contracted);
}

static gboolean
write_monthly (NvStore *store, gint64 unit_id, gboolean unmasked, NvCsvWriter *writer,
               guint *n_rows, GError **error)
{
  g_autoptr (NvUnit) unit = nv_unit_get (store, unit_id, error);
  g_autoptr (GPtrArray) months = NULL;

  if (unit == NULL)
    return FALSE;
  months = nv_monthly_list (store, unit_id, error);
  if (months == NULL)
    return FALSE;
  write_header (writer, nv_csv_monthly_columns);
  for (guint i = 0; i < months->len; i++)
    {
      NvMonthly *m = g_ptr_array_index (months, i);
      gboolean masked = !unmasked && m->persons < NV_STATS_MASK_BELOW;
      g_autofree char *period = g_strdup_printf ("%04d-%02d", m->year, m->month);

      nv_csv_writer_add_text (writer, unit->name);
      nv_csv_writer_add_text (writer, period);
      /* Masked months leave out their day counts too: lost × 100 /
       * contracted would give back the hidden percent. */
      nv_csv_writer_add_number (writer, masked ? NAN : m->contracted_days);
      nv_csv_writer_add_number (writer, masked ? NAN : m->lost_days_self);
      nv_csv_writer_add_number (writer, masked ? NAN : m->lost_days_doctor);
      nv_csv_writer_add_int (writer, m->persons);
      add_percent (writer, m->lost_days_self + m->lost_days_doctor, m->contracted_days, masked);
      add_percent (writer, m->lost_days_self, m->contracted_days, masked);
      add_percent (writer, m->lost_days_doctor, m->contracted_days, masked);
      nv_csv_writer_end_row (writer);
    }
  *n_rows = months->len;
  return TRUE;
}

gboolean
nv_export_write (NvStore *store, NvImportKind kind, gint64 unit_id, gboolean unmasked,
                 NvCsvWriter *writer, guint *n_rows, GError **error)
{
  guint n = 0;
  gboolean ok;

  switch (kind)
    {
    case NV_IMPORT_ROSTER:
      ok = write_roster (store, unit_id, writer, &n, error);
      break;
    case NV_IMPORT_SPELLS:
      ok = write_spells (store, unit_id, writer, &n, error);
      break;
    case NV_IMPORT_MONTHLY:
    default:
      ok = write_monthly (store, unit_id, unmasked, writer, &n, error);
      break;
    }
  if (ok && n_rows != NULL)
    *n_rows = n;
  return ok;
}

gboolean
nv_export_file (NvStore *store, NvImportKind kind, gint64 unit_id, gboolean unmasked,
                const char *path, guint *n_rows, GError **error)
{
  g_autoptr (NvCsvWriter) writer = nv_csv_writer_new_for_path (path, error);

  if (writer == NULL)
    return FALSE;
  return nv_export_write (store, kind, unit_id, unmasked, writer, n_rows, error) &&
         nv_csv_writer_finish (writer, error);
}

char *
nv_export_to_string (NvStore *store, NvImportKind kind, gint64 unit_id, gboolean unmasked,
                     gsize *len, GError **error)
{
  g_autoptr (NvCsvWriter) writer = nv_csv_writer_new_for_string ();

  if (!nv_export_write (store, kind, unit_id, unmasked, writer, NULL, error))
    return NULL;
  return nv_csv_writer_steal_string (writer, len);
}
