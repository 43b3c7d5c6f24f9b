/* nv-pg-sql.c — the store's SQL, written for SQLite, made the server's:
 * `?N` parameters become `$N`, COLLATE NOCASE the schema's case-insensitive
 * collation naervaer.nocase (server schema 6), and an INSERT into a table
 * with an identity `id` is recognised so that the backend (nv-db-pg.c) can
 * add `RETURNING id`.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-store"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "nv-pg-private.h"

/* The tables whose rows have an identity `id` (server schema 1). */
static const char *const id_tables[] = {
  "unit",         "employee",        "roster",        "spell",   "benchmark_series",
  "workshop",     "workshop_prompt", "workshop_idea", "measure", "measure_note",
  "faktor_round",
};

static gboolean
is_word (char c)
{
  return g_ascii_isalnum (c) || c == '_';
}

/* SQLite's text to the server's: `?N` → `$N`, COLLATE NOCASE → the
 * schema's collation; literals, quoted names and comments kept as they are.
 * Sets @n_params to the highest parameter number. */
char *
nv_pg_rewrite_sql (const char *sql, int *n_params)
{
  GString *out = g_string_sized_new (strlen (sql) + 32);
  const char *p = sql;

  *n_params = 0;
  while (*p != '\0')
    {
      if (*p == '\'' || *p == '"')
        {
          char quote = *p;
          g_string_append_c (out, *p++);
          while (*p != '\0')
            {
              if (*p == quote && p[1] == quote)
                {
                  g_string_append_len (out, p, 2);
                  p += 2;
                  continue;
                }
              g_string_append_c (out, *p);
              if (*p++ == quote)
                break;
            }
        }
      else if (p[0] == '-' && p[1] == '-')
        {
          while (*p != '\0' && *p != '\n')
            g_string_append_c (out, *p++);
        }
      else if (*p == '?' && g_ascii_isdigit (p[1]))
        {
          char *end;
          long n = strtol (p + 1, &end, 10);
          g_string_append_printf (out, "$%ld", n);
          *n_params = MAX (*n_params, (int)n);
          p = end;
        }
      else if ((p == sql || !is_word (p[-1])) && g_ascii_strncasecmp (p, "COLLATE NOCASE", 14) == 0
               && !is_word (p[14]))
        {
          g_string_append (out, "COLLATE naervaer.nocase");
          p += 14;
        }
      else
        g_string_append_c (out, *p++);
    }
  return g_string_free (out, FALSE);
}

/* Does @sql insert into a table with an `id` and return nothing itself? */
gboolean
nv_pg_inserts_with_id (const char *sql)
{
  g_auto (GStrv) words = NULL;

  while (g_ascii_isspace (*sql))
    sql++;
  if (g_ascii_strncasecmp (sql, "INSERT", 6) != 0 || strstr (sql, "RETURNING") != NULL
      || strstr (sql, "returning") != NULL)
    return FALSE;
  words = g_regex_split_simple ("[\\s(]+", sql, 0, 0);
  for (guint i = 0; words[i] != NULL && words[i + 1] != NULL; i++)
    if (g_ascii_strcasecmp (words[i], "INTO") == 0)
      {
        for (guint t = 0; t < G_N_ELEMENTS (id_tables); t++)
          if (g_ascii_strcasecmp (words[i + 1], id_tables[t]) == 0)
            return TRUE;
        return FALSE;
      }
  return FALSE;
}
