/* nv-csv-header.c — the column sets of DESIGN §4 and how a CSV file's
 * header row is mapped onto them (English or Norwegian names, in any order).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-csv"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "nv-csv-private.h"

const NvCsvColumn nv_csv_roster_columns[] = {
  { "employee", "ansatt", NV_CSV_COLUMN_REQUIRED },
  { "fte", "stillingsprosent", NV_CSV_COLUMN_REQUIRED },
  { "from", "fra", NV_CSV_COLUMN_REQUIRED },
  { "to", "til", 0 },
  { NULL },
};

const NvCsvColumn nv_csv_spell_columns[] = {
  { "employee", "ansatt", NV_CSV_COLUMN_REQUIRED },
  { "start", "fra", NV_CSV_COLUMN_REQUIRED },
  { "end", "til", 0 },
  { "grade", "grad", 0 },
  { "type", "type", NV_CSV_COLUMN_REQUIRED },
  { NULL },
};

const NvCsvColumn nv_csv_monthly_columns[] = {
  { "unit", "enhet", NV_CSV_COLUMN_REQUIRED },
  { "period", "periode", NV_CSV_COLUMN_REQUIRED },
  { "contracted_days", "avtalte_dagsverk", NV_CSV_COLUMN_REQUIRED },
  { "lost_days_self", "tapte_dagsverk_egenmeldt", NV_CSV_COLUMN_REQUIRED },
  { "lost_days_doctor", "tapte_dagsverk_legemeldt", NV_CSV_COLUMN_REQUIRED },
  { "persons", "personer", NV_CSV_COLUMN_REQUIRED },
  { "percent", "prosent", NV_CSV_COLUMN_DERIVED },
  { "percent_self", "prosent_egenmeldt", NV_CSV_COLUMN_DERIVED },
  { "percent_doctor", "prosent_legemeldt", NV_CSV_COLUMN_DERIVED },
  { NULL },
};

const NvCsvColumn nv_csv_benchmark_columns[] = {
  { "series", "serie", NV_CSV_COLUMN_REQUIRED },
  { "period", "periode", NV_CSV_COLUMN_REQUIRED },
  { "percent", "prosent", NV_CSV_COLUMN_REQUIRED },
  { "measure", "type", NV_CSV_COLUMN_REQUIRED },
  { "basis", "grunnlag", 0 },
  { "source", "kilde", 0 },
  { NULL },
};

guint
nv_csv_columns_count (const NvCsvColumn *columns)
{
  guint n = 0;

  while (columns[n].id != NULL)
    n++;
  return n;
}

char *
nv_csv_columns_describe (const NvCsvColumn *columns, gboolean english)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; columns[i].id != NULL; i++)
    {
      if (columns[i].flags & NV_CSV_COLUMN_DERIVED)
        continue;
      if (s->len > 0)
        g_string_append_c (s, ';');
      g_string_append (s, english ? columns[i].id : columns[i].nb);
    }
  return g_string_free (s, FALSE);
}

const char *const *
nv_csv_reader_get_header (NvCsvReader *r, guint *n_columns)
{
  static const char *const none[] = { NULL };

  if (n_columns != NULL)
    *n_columns = r->header != NULL ? r->header->len : 0;
  return r->header != NULL ? (const char *const *) r->header->pdata : none;
}

const char *
nv_csv_reader_column_name (NvCsvReader *r, int index)
{
  if (r->header == NULL || index < 0 || (guint) index >= r->header->len)
    return NULL;
  return g_ptr_array_index (r->header, index);
}

/* Lower case, ' ' and '-' as '_', so "Avtalte dagsverk" matches. */
static char *
normalise_header (const char *text)
{
  char *s = g_utf8_strdown (text, -1);

  for (char *p = s; *p != '\0'; p++)
    if (*p == ' ' || *p == '-')
      *p = '_';
  return s;
}

static gboolean
header_error (NvCsvReader *r, const char *field, char *message, GError **error)
{
  /* Replaces a problem further down the file that the parser may already
   * have met: the header comes first. */
  r->failed = TRUE;
  r->error_code = NV_CSV_ERROR_HEADER;
  r->error_line = 1;
  r->error_index = -1;
  g_free (r->error_field);
  r->error_field = g_strdup (field);
  g_free (r->error_message);
  r->error_message = message;
  return nv_csv_reader_set_error (r, error);
}

gboolean
nv_csv_reader_header_matches (NvCsvReader *r, const NvCsvColumn *columns)
{
  guint n = nv_csv_columns_count (columns);
  guint64 seen = 0;

  if (r->header == NULL || r->header->len == 0)
    return FALSE;
  for (guint i = 0; i < r->header->len; i++)
    {
      g_autofree char *key = normalise_header (g_ptr_array_index (r->header, i));
      gboolean found = FALSE;

      for (guint c = 0; c < n && c < 64 && !found; c++)
        if (strcmp (key, columns[c].id) == 0 || strcmp (key, columns[c].nb) == 0)
          {
            found = TRUE;
            seen |= G_GUINT64_CONSTANT (1) << c;
          }
      if (!found)
        return FALSE;
    }
  for (guint c = 0; c < n && c < 64; c++)
    if ((columns[c].flags & NV_CSV_COLUMN_REQUIRED) && !(seen & (G_GUINT64_CONSTANT (1) << c)))
      return FALSE;
  return TRUE;
}

gboolean
nv_csv_reader_map_columns (NvCsvReader *r, const NvCsvColumn *columns, int *indexes,
                           GError **error)
{
  guint n = nv_csv_columns_count (columns);
  g_autofree char *expected = NULL;
  guint n_english = 0, n_norwegian = 0;

  g_return_val_if_fail (r->header != NULL, FALSE);

  /* Messages use the language the header is written in. */
  for (guint i = 0; i < r->header->len; i++)
    {
      g_autofree char *key = normalise_header (g_ptr_array_index (r->header, i));
      for (guint c = 0; c < n; c++)
        {
          if (strcmp (columns[c].id, columns[c].nb) == 0)
            continue;
          n_english += strcmp (key, columns[c].id) == 0;
          n_norwegian += strcmp (key, columns[c].nb) == 0;
        }
    }
  r->english = n_english > n_norwegian;
  expected = nv_csv_columns_describe (columns, r->english);

  for (guint c = 0; c < n; c++)
    indexes[c] = -1;

  for (guint i = 0; i < r->header->len; i++)
    {
      const char *text = g_ptr_array_index (r->header, i);
      g_autofree char *key = normalise_header (text);
      int found = -1;

      for (guint c = 0; c < n && found < 0; c++)
        if (strcmp (key, columns[c].id) == 0 || strcmp (key, columns[c].nb) == 0)
          found = (int) c;

      if (*key == '\0')
        return header_error (r, NULL,
                             g_strdup_printf (_("column %u has no name (expected %s)"), i + 1,
                                              expected),
                             error);
      if (found < 0 && strstr (text, "\xEF\xBB\xBF") != NULL)
        {
          /* A mark inside the header (files joined together) is invisible in
           * the message's column name; name it instead. */
          g_autoptr (GString) visible = g_string_new (text);
          g_string_replace (visible, "\xEF\xBB\xBF", "", 0);
          return header_error (r, visible->str,
                               g_strdup (_("the column name contains an invisible byte order "
                                           "mark (U+FEFF), as when two files are joined; save "
                                           "the file again as “CSV UTF-8”")),
                               error);
        }
      if (found < 0)
        return header_error (r, text,
                             g_strdup_printf (_("unknown column (expected %s)"), expected), error);
      if (indexes[found] >= 0)
        return header_error (r, text,
                             g_strdup_printf (_("the column appears twice (also as “%s”)"),
                                              (const char *) g_ptr_array_index (r->header,
                                                                                indexes[found])),
                             error);
      indexes[found] = (int) i;
    }

  for (guint c = 0; c < n; c++)
    if (indexes[c] < 0 && (columns[c].flags & NV_CSV_COLUMN_REQUIRED))
      return header_error (r, r->english ? columns[c].id : columns[c].nb,
                           g_strdup_printf (_("required column missing (expected %s)"), expected),
                           error);
  return TRUE;
}

const char *
nv_csv_reader_field_name (NvCsvReader *r, const NvCsvColumn *columns, const int *indexes,
                          const char *id)
{
  if (id == NULL)
    return NULL;
  for (guint c = 0; columns[c].id != NULL; c++)
    if (strcmp (columns[c].id, id) == 0)
      {
        if (indexes[c] >= 0)
          return g_ptr_array_index (r->header, indexes[c]);
        return r->english ? columns[c].id : columns[c].nb;
      }
  return id;
}
