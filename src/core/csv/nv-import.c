/* nv-import.c — CSV import of roster, spells and HR monthly figures: the
 * rows (the entry points and transactions are in nv-import-run.c).
 *
 * One engine serves the import and the preview: read a row, turn its
 * fields into values (nv-csv value parsers), hand them to nv-absence, which
 * checks every rule against the database and the rows added before. The
 * import stops at the first problem and rolls back; the preview collects
 * them all and always rolls back. Roster and spells go through
 * NvAbsenceBatch, which holds the unit's intervals in memory, so a million
 * rows cost one INSERT each.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "nv-followup.h"
#include "nv-import-private.h"
#include "nv-stats-private.h"
#include "nv-store-private.h"
#include "nv-unit.h"

#define MAX_COLUMNS 16

typedef struct
{
  NvStore *store;
  NvImportKind kind;
  gint64 unit_id;
  NvCsvReader *reader;
  const NvCsvColumn *columns;
  int idx[MAX_COLUMNS];

  NvImportFlags flags;
  gboolean late;         /* spells import: batches check rows late (not a preview) */
  NvAbsenceBatch *batch; /* roster, spells: the current row's unit's batch */
  int unit_column;       /* roster, spells: index in columns of `enhet|unit`, -1 if none */
  GHashTable *batches;   /* roster, spells with a unit column: gint64 * id → batch */

  GHashTable *units;         /* casefolded name → gint64 * id (0 = unknown) */
  GHashTable *months;        /* monthly: "unit/YYYY-MM" → line in this file */
  GHashTable *stored_months; /* monthly: "unit/YYYY-MM" in the database */
  GHashTable *loaded_units;  /* monthly: unit ids whose stored months are loaded */

  NvImportPreview *preview; /* NULL when importing */
  NvImportCounts counts;
  NvDay today;
  gint64 row_unit;      /* the current row's unit */
  GHashTable *history;  /* spells: gint64 * unit ids with a spell ended before today */
} Import;

static void
add_problem (Import *im, guint line, const char *field, const char *message)
{
  NvImportProblem *problem;

  im->preview->n_problems++;
  if (im->preview->problems->len >= NV_IMPORT_PREVIEW_MAX_PROBLEMS)
    return;
  problem = g_new0 (NvImportProblem, 1);
  problem->line = line;
  problem->field = g_strdup (field);
  problem->message = g_strdup (message);
  g_ptr_array_add (im->preview->problems, problem);
}

/* A problem of the reader (broken file or header): fatal for an import, the
 * last problem of a preview. */
static gboolean
reader_problem (Import *im, GError *reader_error, GError **error)
{
  if (im->preview == NULL)
    {
      g_propagate_error (error, reader_error);
      return FALSE;
    }
  add_problem (im, nv_csv_reader_get_error_line (im->reader),
               nv_csv_reader_get_error_field (im->reader),
               nv_csv_reader_get_error_message (im->reader));
  im->preview->complete = FALSE;
  g_error_free (reader_error);
  return TRUE;
}

static const char *
F (Import *im, int column)
{
  return nv_csv_reader_get_field (im->reader, im->idx[column]);
}

/* ---- Rows ------------------------------------------------------------------ */

static gboolean
field_failed (const char **field, const char *name)
{
  *field = name;
  return FALSE;
}

/* The unit named @name (casefolded cache): *@unit_id 0 when unknown and
 * units are not to be created. FALSE only on a database error or when
 * creating the unit fails (then the field is the unit). */
static gboolean
lookup_unit (Import *im, const char *name, gint64 *unit_id, const char **field, GError **error)
{
  gboolean created = FALSE;

  *unit_id = nv_unit_lookup_cached (im->store, im->units, name,
                                    (im->flags & NV_IMPORT_CREATE_UNITS) != 0, &created, error);
  if (*unit_id < 0)
    {
      *field = created ? "unit" : NULL;
      return FALSE;
    }
  if (created)
    im->counts.n_units_created++;
  return TRUE;
}

static gboolean
unknown_unit (const char *name, const char **field, GError **error)
{
  *field = "unit";
  g_set_error (error, NV_STORE_ERROR, NV_STORE_ERROR_NOT_FOUND,
               _("there is no unit called “%s” (add it first, or import with --create-units)"),
               name);
  return FALSE;
}

/* Roster and spells: points im->batch at the batch of the row's unit — the
 * file's `enhet|unit` column, or the unit chosen for the import. */
static gboolean
select_batch (Import *im, NvImportRow *row, const char **field, GError **error)
{
  gint64 unit_id = im->unit_id;
  NvAbsenceBatch *batch;

  im->row_unit = im->unit_id;
  if (im->unit_column < 0)
    return TRUE; /* one unit, one batch (made in run ()) */
  row->unit = (char *) F (im, im->unit_column); /* borrowed until the row is kept */
  if (*row->unit == '\0')
    {
      *field = "unit";
      g_set_error_literal (error, NV_CSV_ERROR, NV_CSV_ERROR_VALUE, _("the unit is missing"));
      return FALSE;
    }
  if (!lookup_unit (im, row->unit, &unit_id, field, error))
    return FALSE;
  if (unit_id == 0)
    return unknown_unit (row->unit, field, error);
  if (im->unit_id != 0 && unit_id != im->unit_id)
    {
      *field = "unit";
      g_set_error (error, NV_STORE_ERROR, NV_STORE_ERROR_INVALID,
                   _("“%s” is not the unit this file is being imported into"), row->unit);
      return FALSE;
    }
  batch = g_hash_table_lookup (im->batches, &unit_id);
  if (batch == NULL)
    {
      batch = nv_absence_batch_new (im->store, unit_id, error);
      if (batch == NULL)
        return field_failed (field, NULL);
      nv_absence_batch_set_deferred (batch, im->kind == NV_IMPORT_SPELLS);
      nv_absence_batch_set_late_checks (batch, im->late);
      g_hash_table_insert (im->batches, g_memdup2 (&unit_id, sizeof unit_id), batch);
    }
  im->batch = batch;
  im->row_unit = unit_id;
  return TRUE;
}

static gboolean
roster_row (Import *im, NvImportRow *row, const char **field, GError **error)
{
  if (!select_batch (im, row, field, error))
    return FALSE;
  row->employee = (char *) F (im, 0); /* borrowed until the row is kept */
  if (!nv_csv_parse_percent (F (im, 1), &row->fte, error))
    return field_failed (field, "fte");
  if (!nv_csv_parse_date (F (im, 2), &row->from, error))
    return field_failed (field, "from");
  if (*F (im, 3) != '\0' && !nv_csv_parse_date (F (im, 3), &row->to, error))
    return field_failed (field, "to");
  return nv_absence_batch_add_roster (im->batch, row->employee, row->fte, row->from, row->to,
                                      field, error);
}

static gboolean
spell_row (Import *im, NvImportRow *row, const char **field, GError **error)
{
  const char *type = F (im, 4);

  if (!select_batch (im, row, field, error))
    return FALSE;
  row->employee = (char *) F (im, 0); /* borrowed until the row is kept */
  if (!nv_csv_parse_date (F (im, 1), &row->start, error))
    return field_failed (field, "start");
  if (*F (im, 2) != '\0' && !nv_csv_parse_date (F (im, 2), &row->end, error))
    return field_failed (field, "end");
  row->grade = 100;
  if (*F (im, 3) != '\0' && !nv_csv_parse_percent (F (im, 3), &row->grade, error))
    return field_failed (field, "grade");
  if (*type == '\0' || !nv_spell_type_parse (type, &row->type))
    {
      *field = "type";
      if (*type == '\0')
        g_set_error_literal (error, NV_CSV_ERROR, NV_CSV_ERROR_VALUE,
                             _("the type is missing (egenmeldt or legemeldt)"));
      else
        g_set_error (error, NV_CSV_ERROR, NV_CSV_ERROR_VALUE,
                     _("“%s” is not a type (use egenmeldt or legemeldt)"), type);
      return FALSE;
    }
  if (!nv_absence_batch_add_spell_at (im->batch, row->line, row->employee, row->start, row->end,
                                      row->grade, row->type, field, error))
    {
      /* Late checks: the error may be about an earlier row. */
      if (nv_absence_batch_get_problem_line (im->batch) != 0)
        row->line = nv_absence_batch_get_problem_line (im->batch);
      return FALSE;
    }
  if (row->end != NV_DAY_NONE && row->end < im->today &&
      !g_hash_table_contains (im->history, &im->row_unit))
    g_hash_table_add (im->history, g_memdup2 (&im->row_unit, sizeof im->row_unit));
  return TRUE;
}

static gboolean
load_stored_months (Import *im, gint64 unit_id, GError **error)
{
  g_autoptr (GPtrArray) list = NULL;

  if (g_hash_table_contains (im->loaded_units, &unit_id))
    return TRUE;
  list = nv_monthly_list (im->store, unit_id, error);
  if (list == NULL)
    return FALSE;
  for (guint i = 0; i < list->len; i++)
    {
      NvMonthly *m = g_ptr_array_index (list, i);
      g_hash_table_add (im->stored_months,
                        g_strdup_printf ("%" G_GINT64_FORMAT "/%04d-%02d", unit_id, m->year,
                                         m->month));
    }
  g_hash_table_add (im->loaded_units, g_memdup2 (&unit_id, sizeof unit_id));
  return TRUE;
}

static gboolean
monthly_row (Import *im, NvImportRow *row, const char **field, GError **error)
{
  g_autofree char *month_key = NULL;
  gint64 unit_value = 0;
  gint64 *unit_id;
  gint64 persons;
  gpointer seen_line;
  NvMonthly m = { 0 };

  row->unit = (char *) F (im, 0); /* borrowed until the row is kept */
  if (*row->unit == '\0')
    {
      *field = "unit";
      g_set_error_literal (error, NV_CSV_ERROR, NV_CSV_ERROR_VALUE, _("the unit is missing"));
      return FALSE;
    }
  if (!lookup_unit (im, row->unit, &unit_value, field, error))
    return FALSE;
  if (unit_value == 0)
    return unknown_unit (row->unit, field, error);
  unit_id = &unit_value;
  if (!nv_month_parse (F (im, 1), &row->year, &row->month))
    {
      *field = "period";
      g_set_error (error, NV_CSV_ERROR, NV_CSV_ERROR_VALUE,
                   _("“%s” is not a month (use YYYY-MM, e.g. 2025-03)"), F (im, 1));
      return FALSE;
    }
  if (!nv_csv_parse_number (F (im, 2), &row->contracted_days, error))
    return field_failed (field, "contracted_days");
  if (!nv_csv_parse_number (F (im, 3), &row->lost_days_self, error))
    return field_failed (field, "lost_days_self");
  if (!nv_csv_parse_number (F (im, 4), &row->lost_days_doctor, error))
    return field_failed (field, "lost_days_doctor");
  if (!nv_csv_parse_int (F (im, 5), &persons, error))
    return field_failed (field, "persons");
  if (persons < 0 || persons > G_MAXINT)
    {
      *field = "persons";
      g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, persons);
      g_set_error (error, NV_CSV_ERROR, NV_CSV_ERROR_VALUE, _("%s is not a number of persons"),
                   text);
      return FALSE;
    }
  row->persons = (int) persons;

  month_key = g_strdup_printf ("%" G_GINT64_FORMAT "/%04d-%02d", *unit_id, row->year, row->month);
  seen_line = g_hash_table_lookup (im->months, month_key);
  if (seen_line != NULL)
    {
      *field = "period";
      g_set_error (error, NV_CSV_ERROR, NV_CSV_ERROR_VALUE,
                   _("%s has figures for %04d-%02d already on line %u"), row->unit, row->year,
                   row->month, GPOINTER_TO_UINT (seen_line));
      return FALSE;
    }

  m.unit_id = *unit_id;
  m.year = row->year;
  m.month = row->month;
  m.contracted_days = row->contracted_days;
  m.lost_days_self = row->lost_days_self;
  m.lost_days_doctor = row->lost_days_doctor;
  m.persons = row->persons;
  if (!load_stored_months (im, *unit_id, error))
    return field_failed (field, NULL);
  {
    gboolean over_computed = FALSE;
    if (!nv_monthly_replaces_computed (im->store, m.unit_id, m.year, m.month, &over_computed,
                                       error))
      return field_failed (field, NULL);
    if (over_computed)
      im->counts.n_over_computed++;
  }
  if (!nv_monthly_upsert (im->store, &m, field, error))
    return FALSE;
  g_hash_table_insert (im->months, g_steal_pointer (&month_key),
                       GUINT_TO_POINTER (row->line));
  {
    g_autofree char *stored_key =
      g_strdup_printf ("%" G_GINT64_FORMAT "/%04d-%02d", *unit_id, row->year, row->month);
    if (g_hash_table_contains (im->stored_months, stored_key))
      im->counts.n_replaced++;
  }
  return TRUE;
}

/* Is this a problem with the row (go on in a preview) rather than with the
 * database (stop)? */
static gboolean
is_row_problem (const GError *error, const char *field)
{
  if (field != NULL || error->domain == NV_CSV_ERROR)
    return TRUE;
  return g_error_matches (error, NV_STORE_ERROR, NV_STORE_ERROR_INVALID) ||
         g_error_matches (error, NV_STORE_ERROR, NV_STORE_ERROR_NOT_FOUND) ||
         g_error_matches (error, NV_STORE_ERROR, NV_STORE_ERROR_DUPLICATE);
}

/* A file of another kind is a common slip; say which. */
static const char *
other_kind_hint (Import *im)
{
  for (int k = NV_IMPORT_ROSTER; k <= NV_IMPORT_MONTHLY; k++)
    if (k != (int) im->kind &&
        nv_csv_reader_header_matches (im->reader, nv_import_kind_columns (k)))
      switch (k)
        {
        case NV_IMPORT_ROSTER:
          return _("this looks like a roster file");
        case NV_IMPORT_SPELLS:
          return _("this looks like a file of absence spells");
        case NV_IMPORT_MONTHLY:
        default:
          return _("this looks like a file of HR monthly figures");
        }
  return NULL;
}

/* Late checks: the rows waiting in @batch are checked; an error there
 * replaces *@row_error when its row comes before *@line in the file (or
 * when it is the database's). */
static void
settle_batch (NvAbsenceBatch *batch, guint *line, const char **field, GError **row_error)
{
  g_autoptr (GError) batch_error = NULL;
  const char *batch_field = NULL;
  guint batch_line;

  if (nv_absence_batch_check (batch, &batch_field, &batch_error))
    return;
  batch_line = nv_absence_batch_get_problem_line (batch);
  if (batch_line != 0 && batch_line >= *line)
    return;
  if (batch_line != 0)
    *line = batch_line;
  *field = batch_line != 0 ? batch_field : NULL;
  g_clear_error (row_error);
  *row_error = g_steal_pointer (&batch_error);
}

/* A spells import checks rows late (nv_absence_batch_set_late_checks):
 * before a row's error is reported, or the import ends, the rows waiting in
 * every unit's batch are checked, so the error reported is the first in the
 * file, as when each row was checked at once. */
static void
settle (Import *im, guint *line, const char **field, GError **row_error)
{
  GHashTableIter iter;
  gpointer batch;

  if (!im->late)
    return;
  if (im->unit_column < 0)
    {
      if (im->batch != NULL)
        settle_batch (im->batch, line, field, row_error);
      return;
    }
  g_hash_table_iter_init (&iter, im->batches);
  while (g_hash_table_iter_next (&iter, NULL, &batch))
    settle_batch (batch, line, field, row_error);
}

/* An import stops at the row's problem: file, line and field in the
 * message; a database error as it is. */
static gboolean
row_failed (Import *im, guint line, const char *field, GError *row_error, GError **error)
{
  const char *name = nv_csv_reader_field_name (im->reader, im->columns, im->idx, field);
  g_autofree char *text = NULL;

  if (!is_row_problem (row_error, field))
    {
      g_propagate_error (error, row_error);
      return FALSE;
    }
  text = nv_csv_format_problem (nv_csv_reader_get_name (im->reader), line, name,
                                row_error->message);
  g_set_error_literal (error, row_error->domain, row_error->code, text);
  g_error_free (row_error);
  return FALSE;
}

static gboolean
run (Import *im, GError **error)
{
  g_autoptr (GError) local_error = NULL;

  g_assert (nv_csv_columns_count (im->columns) <= MAX_COLUMNS);
  if (!nv_csv_reader_read_header (im->reader, &local_error))
    return reader_problem (im, g_steal_pointer (&local_error), error);
  if (im->preview != NULL)
    {
      im->preview->encoding = nv_csv_reader_get_encoding (im->reader);
      im->preview->delimiter = nv_csv_reader_get_delimiter (im->reader);
    }
  if (!nv_csv_reader_map_columns (im->reader, im->columns, im->idx, &local_error))
    {
      const char *hint = other_kind_hint (im);

      if (hint != NULL)
        {
          g_autofree char *text = g_strdup_printf ("%s (%s)", local_error->message, hint);
          g_free (local_error->message);
          local_error->message = g_steal_pointer (&text);
        }
      if (im->preview == NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      {
        g_autofree char *message =
          hint != NULL ? g_strdup_printf ("%s (%s)", nv_csv_reader_get_error_message (im->reader),
                                          hint)
                       : g_strdup (nv_csv_reader_get_error_message (im->reader));
        add_problem (im, 1, nv_csv_reader_get_error_field (im->reader), message);
        im->preview->complete = FALSE;
        return TRUE;
      }
    }

  im->unit_column = -1;
  if (im->kind != NV_IMPORT_MONTHLY)
    {
      int column = im->kind == NV_IMPORT_ROSTER ? ROSTER_UNIT_COLUMN : SPELL_UNIT_COLUMN;

      if (im->idx[column] >= 0)
        im->unit_column = column;
    }
  if (im->kind != NV_IMPORT_MONTHLY && im->unit_column < 0 && im->unit_id == 0)
    {
      const char *message = _("the file has no unit column (enhet); choose the unit to import "
                              "into");

      if (im->preview == NULL)
        {
          g_autofree char *text =
            nv_csv_format_problem (nv_csv_reader_get_name (im->reader), 1, NULL, message);
          g_set_error_literal (error, NV_STORE_ERROR, NV_STORE_ERROR_INVALID, text);
          return FALSE;
        }
      add_problem (im, 1, NULL, message);
      im->preview->complete = FALSE;
      return TRUE;
    }
  if (im->kind != NV_IMPORT_MONTHLY && im->unit_column < 0)
    {
      im->batch = nv_absence_batch_new (im->store, im->unit_id, error);
      if (im->batch == NULL)
        return FALSE;
      /* Spells go in by groups; flushed below, before the caller commits. */
      nv_absence_batch_set_deferred (im->batch, im->kind == NV_IMPORT_SPELLS);
      nv_absence_batch_set_late_checks (im->batch, im->late);
      if (im->late)
        nv_absence_batch_allow_index_rebuild (im->batch);
    }

  while (nv_csv_reader_next (im->reader, &local_error))
    {
      g_autoptr (GError) row_error = NULL;
      NvImportRow row = { 0 };
      const char *field = NULL;
      gboolean ok;

      row.line = nv_csv_reader_get_line (im->reader);
      im->counts.n_rows++;
      switch (im->kind)
        {
        case NV_IMPORT_ROSTER:
          ok = roster_row (im, &row, &field, &row_error);
          break;
        case NV_IMPORT_SPELLS:
          ok = spell_row (im, &row, &field, &row_error);
          break;
        case NV_IMPORT_MONTHLY:
        default:
          ok = monthly_row (im, &row, &field, &row_error);
          break;
        }
      if (!ok)
        settle (im, &row.line, &field, &row_error);
      row.valid = ok;
      if (ok)
        im->counts.n_stored++;

      if (!ok && im->preview == NULL)
        return row_failed (im, row.line, field, g_steal_pointer (&row_error), error);
      if (!ok && !is_row_problem (row_error, field))
        {
          g_propagate_error (error, g_steal_pointer (&row_error));
          return FALSE;
        }
      if (!ok)
        {
          const char *name =
            nv_csv_reader_field_name (im->reader, im->columns, im->idx, field);

          add_problem (im, row.line, name, row_error->message);
          im->preview->n_invalid_rows++;
        }

      /* Rows are kept only for a preview: copy the borrowed strings then. */
      if (im->preview != NULL && im->preview->rows->len < NV_IMPORT_PREVIEW_MAX_ROWS)
        {
          NvImportRow *kept = g_memdup2 (&row, sizeof row);
          kept->employee = g_strdup (row.employee);
          kept->unit = g_strdup (row.unit);
          g_ptr_array_add (im->preview->rows, kept);
        }
    }
  if (local_error != NULL)
    {
      /* A broken file after rows with problems: the first problem wins. */
      guint line = nv_csv_reader_get_error_line (im->reader);
      const char *field = NULL;
      g_autoptr (GError) row_error = NULL;

      settle (im, &line, &field, &row_error);
      if (row_error != NULL)
        return row_failed (im, line, field, g_steal_pointer (&row_error), error);
      return reader_problem (im, g_steal_pointer (&local_error), error);
    }
  {
    guint line = G_MAXUINT;
    const char *field = NULL;
    g_autoptr (GError) row_error = NULL;

    settle (im, &line, &field, &row_error);
    if (row_error != NULL)
      return row_failed (im, line, field, g_steal_pointer (&row_error), error);
  }
  if (im->unit_column < 0 && im->batch != NULL &&
      !nv_absence_batch_flush (im->batch, NULL, error))
    return FALSE;
  if (im->unit_column >= 0)
    {
      GHashTableIter iter;
      gpointer batch;

      g_hash_table_iter_init (&iter, im->batches);
      while (g_hash_table_iter_next (&iter, NULL, &batch))
        if (!nv_absence_batch_flush (batch, NULL, error))
          return FALSE;
      im->counts.n_units = g_hash_table_size (im->batches);
    }
  else if (im->kind != NV_IMPORT_MONTHLY)
    im->counts.n_units = 1;
  /* Imported history gives each unit's follow-up a start (DESIGN §3). */
  if (im->preview == NULL && im->kind == NV_IMPORT_SPELLS)
    {
      GHashTableIter iter;
      gpointer unit;

      g_hash_table_iter_init (&iter, im->history);
      while (g_hash_table_iter_next (&iter, &unit, NULL))
        if (!nv_followup_tracked_from_set_default (im->store, *(gint64 *) unit, im->today,
                                                   error))
          return FALSE;
    }
  return TRUE;
}

NvImportRun *
nv_import_run_new (NvStore *store, NvImportKind kind, gint64 unit_id, NvImportFlags flags,
                   NvCsvReader *reader, NvImportPreview *preview)
{
  Import *im = g_new0 (Import, 1);

  im->store = store;
  im->kind = kind;
  im->unit_id = unit_id;
  im->flags = flags;
  im->unit_column = -1;
  im->batches = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                       (GDestroyNotify) nv_absence_batch_free);
  im->reader = reader;
  im->today = nv_store_today (store);
  im->history = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  im->columns = nv_import_kind_columns (kind);
  im->units = nv_unit_cache_new ();
  im->months = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  im->stored_months = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  im->loaded_units = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  im->preview = preview;
  /* An import checks spells late (nv_absence_batch_set_late_checks); a
   * preview checks each row at once, to go on after the bad ones. */
  im->late = kind == NV_IMPORT_SPELLS && preview == NULL;
  return (NvImportRun *) im;
}

gboolean
nv_import_run_rows (NvImportRun *run_, GError **error)
{
  return run ((Import *) run_, error);
}

const NvImportCounts *
nv_import_run_get_counts (NvImportRun *run_)
{
  return &((Import *) run_)->counts;
}

void
nv_import_run_free (NvImportRun *run_)
{
  Import *im = (Import *) run_;

  /* After commit or rollback: the batch announces the change on free. */
  if (im->unit_column < 0)
    g_clear_pointer (&im->batch, nv_absence_batch_free);
  im->batch = NULL;
  g_clear_pointer (&im->batches, g_hash_table_unref);
  g_clear_pointer (&im->units, g_hash_table_unref);
  g_clear_pointer (&im->months, g_hash_table_unref);
  g_clear_pointer (&im->stored_months, g_hash_table_unref);
  g_clear_pointer (&im->loaded_units, g_hash_table_unref);
  g_clear_pointer (&im->history, g_hash_table_unref);
  g_free (im);
}
