/* nv-measure-export.c — the measures register as CSV for Excel.
 *
 * Columns (Norwegian headers, like the other exports):
 *   id; tittel; beskrivelse; tema; ansvarlig; start; frist; status;
 *   dager_forfalt (days past the deadline on the as-of date, empty when not
 *   overdue); verksted (workshop id); evalueringer (the dated evaluation
 *   notes, one per line: "DD.MM.YYYY: text");
 *   fravær_før_prosent / fravær_etter_prosent (the unit's absence in the
 *   four quarters before / the ended quarters after the start quarter,
 *   Σ lost / Σ contracted, unrounded; empty when masked or without figures).
 * Theme and status are written as labels in the user's language.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-measure"

#include "config.h"

#include "nv-csv.h"
#include "nv-measure.h"

static const char *const headers[] = {
  "id", "tittel", "beskrivelse", "tema", "ansvarlig", "start", "frist", "status",
  "dager_forfalt", "verksted", "evalueringer", "fravær_før_prosent", "fravær_etter_prosent",
};

static char *
evaluations_text (NvStore *store, gint64 measure_id, GError **error)
{
  g_autoptr (GPtrArray) notes = nv_measure_list_notes (store, measure_id, error);
  g_autoptr (GString) text = g_string_new (NULL);

  if (notes == NULL)
    return NULL;
  for (guint i = 0; i < notes->len; i++)
    {
      NvMeasureNote *note = g_ptr_array_index (notes, i);
      g_autofree char *day = NULL;

      if (note->to_status >= 0)
        continue;
      day = nv_day_format_local (note->day);
      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append_printf (text, "%s: %s", day, note->text);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
add_effect (NvCsvWriter *writer, guint n, gboolean has_data, gboolean masked, double percent)
{
  if (n > 0 && has_data && !masked)
    nv_csv_writer_add_number (writer, percent);
  else
    nv_csv_writer_add_empty (writer);
}

static gboolean
write_rows (NvStore *store, gint64 unit_id, NvDay as_of, NvCsvWriter *writer, guint *n_rows,
            GError **error)
{
  g_autoptr (GPtrArray) measures = nv_measure_list (store, unit_id, NULL, error);

  if (measures == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (headers); i++)
    nv_csv_writer_add_text (writer, headers[i]);
  nv_csv_writer_end_row (writer);

  for (guint i = 0; i < measures->len; i++)
    {
      NvMeasure *m = g_ptr_array_index (measures, i);
      g_autofree char *evaluations = evaluations_text (store, m->id, error);
      NvMeasureEffect effect;

      if (evaluations == NULL)
        return FALSE;
      if (!nv_measure_effect_compute (store, m, as_of, &effect, error))
        return FALSE;
      nv_csv_writer_add_int (writer, m->id);
      nv_csv_writer_add_user_text (writer, m->title);
      nv_csv_writer_add_user_text (writer, m->description);
      nv_csv_writer_add_text (writer, nv_measure_theme_label (m->theme));
      nv_csv_writer_add_user_text (writer, m->owner);
      nv_csv_writer_add_day (writer, m->start);
      nv_csv_writer_add_day (writer, m->deadline);
      nv_csv_writer_add_text (writer, nv_measure_status_label (m->status));
      if (nv_measure_is_overdue (m, as_of))
        nv_csv_writer_add_int (writer, nv_measure_days_overdue (m, as_of));
      else
        nv_csv_writer_add_empty (writer);
      if (m->workshop_id > 0)
        nv_csv_writer_add_int (writer, m->workshop_id);
      else
        nv_csv_writer_add_empty (writer);
      nv_csv_writer_add_user_text (writer, evaluations);
      add_effect (writer, effect.n_before, effect.before_has_data, effect.before_masked,
                  effect.before_percent);
      add_effect (writer, effect.n_after, effect.after_has_data, effect.after_masked,
                  effect.after_percent);
      nv_csv_writer_end_row (writer);
      nv_measure_effect_clear (&effect);
    }
  if (n_rows != NULL)
    *n_rows = measures->len;
  return TRUE;
}

gboolean
nv_measure_export_csv (NvStore *store, gint64 unit_id, const char *path, NvDay as_of,
                       guint *n_rows, GError **error)
{
  g_autoptr (NvCsvWriter) writer = NULL;

  if (as_of == NV_DAY_NONE)
    as_of = nv_store_today (store);
  writer = nv_csv_writer_new_for_path (path, error);
  if (writer == NULL)
    return FALSE;
  if (!write_rows (store, unit_id, as_of, writer, n_rows, error))
    return FALSE; /* freeing the writer leaves @path untouched */
  return nv_csv_writer_finish (writer, error);
}

char *
nv_measure_export_csv_string (NvStore *store, gint64 unit_id, NvDay as_of, gsize *len,
                              GError **error)
{
  g_autoptr (NvCsvWriter) writer = nv_csv_writer_new_for_string ();

  if (as_of == NV_DAY_NONE)
    as_of = nv_store_today (store);
  if (!write_rows (store, unit_id, as_of, writer, NULL, error))
    return NULL;
  return nv_csv_writer_steal_string (writer, len);
}
