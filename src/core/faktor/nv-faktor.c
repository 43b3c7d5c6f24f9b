/* nv-faktor.c — 10-FAKTOR rounds: the factors, storage and CSV import.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-faktor"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "nv-faktor.h"
#include "nv-store-private.h"
#include "nv-unit.h"

static const NvFaktorFactor factors[NV_FAKTOR_N] = {
  { "task_motivation", "indre_motivasjon", N_("Intrinsic motivation") },
  { "mastery_belief", "mestringstro", N_("Mastery belief") },
  { "autonomy", "autonomi", N_("Autonomy") },
  { "use_of_competence", "bruk_av_kompetanse", N_("Use of competence") },
  { "mastery_oriented_leadership", "mestringsorientert_ledelse",
    N_("Mastery-oriented leadership") },
  { "role_clarity", "rolleklarhet", N_("Role clarity") },
  { "competence_development", "relevant_kompetanseutvikling",
    N_("Relevant competence development") },
  { "flexibility", "fleksibilitetsvilje", N_("Willingness to be flexible") },
  { "mastery_climate", "mestringsklima", N_("Mastery climate") },
  { "prosocial_motivation", "prososial_motivasjon", N_("Prosocial motivation") },
};

const NvCsvColumn nv_csv_faktor_columns[] = {
  { "unit", "enhet", NV_CSV_COLUMN_REQUIRED },
  { "date", "dato", NV_CSV_COLUMN_REQUIRED },
  { "respondents", "respondenter", NV_CSV_COLUMN_REQUIRED },
  { "task_motivation", "indre_motivasjon", 0 },
  { "mastery_belief", "mestringstro", 0 },
  { "autonomy", "autonomi", 0 },
  { "use_of_competence", "bruk_av_kompetanse", 0 },
  { "mastery_oriented_leadership", "mestringsorientert_ledelse", 0 },
  { "role_clarity", "rolleklarhet", 0 },
  { "competence_development", "relevant_kompetanseutvikling", 0 },
  { "flexibility", "fleksibilitetsvilje", 0 },
  { "mastery_climate", "mestringsklima", 0 },
  { "prosocial_motivation", "prososial_motivasjon", 0 },
  { NULL },
};

#define N_COLUMNS (3 + NV_FAKTOR_N)

const NvFaktorFactor *
nv_faktor_factors (void)
{
  return factors;
}

static char *
normalise_id (const char *id)
{
  char *s = g_ascii_strdown (id, -1);

  g_strstrip (s);
  for (char *p = s; *p != '\0'; p++)
    if (*p == '-' || *p == ' ')
      *p = '_';
  return s;
}

int
nv_faktor_factor_index (const char *id)
{
  g_autofree char *norm = NULL;

  if (id == NULL)
    return -1;
  norm = normalise_id (id);
  for (int i = 0; i < NV_FAKTOR_N; i++)
    if (strcmp (norm, factors[i].id) == 0 || strcmp (norm, factors[i].nb) == 0)
      return i;
  return -1;
}

const char *
nv_faktor_factor_label (int index)
{
  g_return_val_if_fail (index >= 0 && index < NV_FAKTOR_N, "");
  return _(factors[index].label);
}

gboolean
nv_faktor_round_usable (const NvFaktorRound *round)
{
  return round->respondents >= NV_FAKTOR_MIN_RESPONDENTS;
}

void
nv_faktor_lowest_two (const NvFaktorRound *round, int lowest[2])
{
  lowest[0] = lowest[1] = -1;
  for (int i = 0; i < NV_FAKTOR_N; i++)
    {
      double v = round->means[i];

      if (isnan (v))
        continue;
      if (lowest[0] < 0 || v < round->means[lowest[0]])
        {
          lowest[1] = lowest[0];
          lowest[0] = i;
        }
      else if (lowest[1] < 0 || v < round->means[lowest[1]])
        lowest[1] = i;
    }
}

/* ---- Reading ---------------------------------------------------------------- */

static void
round_from_row (NvStmt *stmt, NvFaktorRound *round)
{
  /* Columns: id, unit_id, date, respondents, then the ten factors. */
  round->id = nv_stmt_column_int64 (stmt, 0);
  round->unit_id = nv_stmt_column_int64 (stmt, 1);
  round->date = nv_day_parse_iso (nv_stmt_column_text (stmt, 2));
  round->respondents = nv_stmt_column_int (stmt, 3);
  for (int i = 0; i < NV_FAKTOR_N; i++)
    round->means[i] = nv_stmt_column_is_null (stmt, 4 + i)
                        ? NAN
                        : nv_stmt_column_double (stmt, 4 + i);
}

GArray *
nv_faktor_rounds (NvStore *store, gint64 unit_id, gboolean include_unusable, GError **error)
{
  g_autoptr (GArray) rounds = g_array_new (FALSE, TRUE, sizeof (NvFaktorRound));
  NvStmt *stmt;
  int rc;

  stmt = nv_store_prepare (store,
                           "SELECT id, unit_id, date, respondents, task_motivation, "
                           "mastery_belief, autonomy, use_of_competence, "
                           "mastery_oriented_leadership, role_clarity, competence_development, "
                           "flexibility, mastery_climate, prosocial_motivation "
                           "FROM faktor_round WHERE unit_id = ?1 ORDER BY date",
                           error);
  if (stmt == NULL)
    return NULL;
  nv_stmt_bind_int64 (stmt, 1, unit_id);
  while ((rc = nv_stmt_step (stmt)) == NV_ROW)
    {
      NvFaktorRound round;

      round_from_row (stmt, &round);
      if (include_unusable || nv_faktor_round_usable (&round))
        g_array_append_val (rounds, round);
    }
  if (rc != NV_DONE)
    {
      nv_store_set_sql_error (store, error);
      nv_stmt_reset (stmt);
      return NULL;
    }
  nv_stmt_reset (stmt);
  return g_steal_pointer (&rounds);
}

gboolean
nv_faktor_municipal_means (NvStore *store, NvDay date, double means[NV_FAKTOR_N],
                           guint n_units[NV_FAKTOR_N], GError **error)
{
  g_autoptr (GPtrArray) units = nv_unit_list (store, error);
  double sums[NV_FAKTOR_N] = { 0 };

  if (units == NULL)
    return FALSE;
  memset (n_units, 0, sizeof (guint) * NV_FAKTOR_N);
  for (guint u = 0; u < units->len; u++)
    {
      NvUnit *unit = g_ptr_array_index (units, u);
      g_autoptr (GArray) rounds = nv_faktor_rounds (store, unit->id, FALSE, error);

      if (rounds == NULL)
        return FALSE;
      for (int f = 0; f < NV_FAKTOR_N; f++)
        for (guint i = rounds->len; i-- > 0;)
          {
            const NvFaktorRound *round = &g_array_index (rounds, NvFaktorRound, i);

            if ((date != NV_DAY_NONE && round->date > date) || isnan (round->means[f]))
              continue;
            sums[f] += round->means[f];
            n_units[f]++;
            break;
          }
    }
  for (int f = 0; f < NV_FAKTOR_N; f++)
    means[f] = n_units[f] > 0 ? sums[f] / n_units[f] : NAN;
  return TRUE;
}

/* ---- Import ----------------------------------------------------------------- */

typedef struct
{
  NvStore *store;
  NvCsvReader *reader;
  int idx[N_COLUMNS];
  gboolean create_units;
  GHashTable *units; /* casefolded name → gint64 * id */
  GHashTable *seen;  /* "id/date" → line */
  guint n_rounds;
  guint n_replaced;
} FaktorImport;

static gboolean
row_error (FaktorImport *im, const char *field_id, GError **error, GError *cause)
{
  const char *name =
    nv_csv_reader_field_name (im->reader, nv_csv_faktor_columns, im->idx, field_id);
  g_autofree char *text = nv_csv_format_problem (nv_csv_reader_get_name (im->reader),
                                                 nv_csv_reader_get_line (im->reader), name,
                                                 cause->message);

  g_set_error_literal (error, NV_STORE_ERROR, NV_STORE_ERROR_INVALID, text);
  g_error_free (cause);
  return FALSE;
}

static gboolean
resolve_unit (FaktorImport *im, const char *name, gint64 *unit_id, GError **error)
{
  GError *cause = NULL;
  gboolean created = FALSE;

  *unit_id = nv_unit_lookup_cached (im->store, im->units, name, im->create_units, &created, &cause);
  if (*unit_id > 0)
    return TRUE;
  if (*unit_id < 0 && !created)
    {
      g_propagate_error (error, cause); /* a database error */
      return FALSE;
    }
  if (*unit_id == 0)
    cause = g_error_new (NV_STORE_ERROR, NV_STORE_ERROR_NOT_FOUND,
                         _("there is no unit called “%s” (add it first, or import "
                           "with --create-units)"),
                         name);
  return row_error (im, "unit", error, cause);
}

static gboolean
import_row (FaktorImport *im, GError **error)
{
  const char *unit_name = nv_csv_reader_get_field (im->reader, im->idx[0]);
  GError *cause = NULL;
  gint64 unit_id, respondents;
  NvDay date;
  double means[NV_FAKTOR_N];
  char iso[11];
  g_autofree char *key = NULL;
  NvStmt *stmt;

  if (*unit_name == '\0')
    return row_error (im, "unit", error,
                      g_error_new_literal (NV_CSV_ERROR, NV_CSV_ERROR_VALUE,
                                           _("the unit is missing")));
  if (!nv_csv_parse_date (nv_csv_reader_get_field (im->reader, im->idx[1]), &date, &cause))
    return row_error (im, "date", error, cause);
  if (!nv_csv_parse_int (nv_csv_reader_get_field (im->reader, im->idx[2]), &respondents, &cause))
    return row_error (im, "respondents", error, cause);
  if (respondents < 0 || respondents > 1000000)
    {
      g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, respondents);

      return row_error (im, "respondents", error,
                        g_error_new (NV_CSV_ERROR, NV_CSV_ERROR_VALUE,
                                     _("%s is not a number of respondents"), text));
    }
  for (int f = 0; f < NV_FAKTOR_N; f++)
    {
      const char *text = nv_csv_reader_get_field (im->reader, im->idx[3 + f]);

      means[f] = NAN;
      if (*text == '\0')
        continue;
      if (!nv_csv_parse_number (text, &means[f], &cause))
        return row_error (im, factors[f].id, error, cause);
      if (!(means[f] >= NV_FAKTOR_MIN && means[f] <= NV_FAKTOR_MAX))
        return row_error (im, factors[f].id, error,
                          g_error_new (NV_CSV_ERROR, NV_CSV_ERROR_VALUE,
                                       _("%s is outside the scale 1–5"), text));
    }
  if (!resolve_unit (im, unit_name, &unit_id, error))
    return FALSE;

  nv_day_format_iso_buf (date, iso);
  key = g_strdup_printf ("%" G_GINT64_FORMAT "/%s", unit_id, iso);
  if (g_hash_table_contains (im->seen, key))
    return row_error (im, "date", error,
                      g_error_new (NV_CSV_ERROR, NV_CSV_ERROR_VALUE,
                                   _("%s has a round on %s already on line %u"), unit_name, iso,
                                   GPOINTER_TO_UINT (g_hash_table_lookup (im->seen, key))));
  g_hash_table_insert (im->seen, g_steal_pointer (&key),
                       GUINT_TO_POINTER (nv_csv_reader_get_line (im->reader)));

  stmt = nv_store_prepare (im->store,
                           "SELECT 1 FROM faktor_round WHERE unit_id = ?1 AND date = ?2", error);
  if (stmt == NULL)
    return FALSE;
  nv_stmt_bind_int64 (stmt, 1, unit_id);
  nv_stmt_bind_text (stmt, 2, iso);
  if (nv_stmt_step (stmt) == NV_ROW)
    im->n_replaced++;
  nv_stmt_reset (stmt);

  stmt = nv_store_prepare (im->store,
                           "INSERT INTO faktor_round (unit_id, date, respondents, "
                           "task_motivation, mastery_belief, autonomy, use_of_competence, "
                           "mastery_oriented_leadership, role_clarity, competence_development, "
                           "flexibility, mastery_climate, prosocial_motivation) "
                           "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13) "
                           "ON CONFLICT (unit_id, date) DO UPDATE SET "
                           "respondents = excluded.respondents, "
                           "task_motivation = excluded.task_motivation, "
                           "mastery_belief = excluded.mastery_belief, autonomy = excluded.autonomy, "
                           "use_of_competence = excluded.use_of_competence, "
                           "mastery_oriented_leadership = excluded.mastery_oriented_leadership, "
                           "role_clarity = excluded.role_clarity, "
                           "competence_development = excluded.competence_development, "
                           "flexibility = excluded.flexibility, "
                           "mastery_climate = excluded.mastery_climate, "
                           "prosocial_motivation = excluded.prosocial_motivation",
                           error);
  if (stmt == NULL)
    return FALSE;
  nv_stmt_bind_int64 (stmt, 1, unit_id);
  nv_stmt_bind_text (stmt, 2, iso);
  nv_stmt_bind_int64 (stmt, 3, respondents);
  for (int f = 0; f < NV_FAKTOR_N; f++)
    if (isnan (means[f]))
      nv_stmt_bind_null (stmt, 4 + f);
    else
      nv_stmt_bind_double (stmt, 4 + f, means[f]);
  if (!nv_store_step_done (im->store, stmt, error))
    return FALSE;
  im->n_rounds++;
  return TRUE;
}

static gboolean
import_reader (NvStore *store, NvCsvReader *reader, gboolean create_units, guint *n_rounds,
               guint *n_replaced, GError **error)
{
  g_autoptr (GError) local_error = NULL;
  g_autoptr (NvStoreTxn) txn = NULL;
  FaktorImport im = { 0 };
  gboolean ok = TRUE;

  G_STATIC_ASSERT (G_N_ELEMENTS (nv_csv_faktor_columns) == N_COLUMNS + 1);
  if (!nv_csv_reader_read_header (reader, error) ||
      !nv_csv_reader_map_columns (reader, nv_csv_faktor_columns, im.idx, error))
    return FALSE;
  /* (Units it creates announce themselves.) */
  txn = nv_store_txn_begin (store, NV_TOPIC_FAKTOR, error);
  if (txn == NULL)
    return FALSE;
  im.store = store;
  im.reader = reader;
  im.create_units = create_units;
  im.units = nv_unit_cache_new ();
  im.seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  while (ok && nv_csv_reader_next (reader, &local_error))
    ok = import_row (&im, error);
  if (ok && local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      ok = FALSE;
    }
  if (ok)
    ok = nv_store_txn_commit (g_steal_pointer (&txn), error);
  g_hash_table_unref (im.units);
  g_hash_table_unref (im.seen);
  if (!ok)
    return FALSE;
  if (n_rounds != NULL)
    *n_rounds = im.n_rounds;
  if (n_replaced != NULL)
    *n_replaced = im.n_replaced;
  return TRUE;
}

gboolean
nv_faktor_import_file (NvStore *store, const char *path, gboolean create_units,
                       guint *n_rounds, guint *n_replaced, GError **error)
{
  g_autoptr (NvCsvReader) reader = nv_csv_reader_new_for_path (path, error);

  if (reader == NULL)
    return FALSE;
  return import_reader (store, reader, create_units, n_rounds, n_replaced, error);
}

gboolean
nv_faktor_import_data (NvStore *store, const char *name, const void *data, gsize len,
                       gboolean create_units, guint *n_rounds, guint *n_replaced,
                       GError **error)
{
  g_autoptr (NvCsvReader) reader = nv_csv_reader_new_for_data (name, data, len);

  return import_reader (store, reader, create_units, n_rounds, n_replaced, error);
}
