/* load-server.c — many clients on one server at once (driven by
 * test_server_load.py, which starts the cluster and checks the result).
 *
 * Writers: one thread per unit, each with its own leader login (row-level
 * security on), for a fixed time: a new absence spell, a measure saved with
 * its row version, an idea added to the unit's workshop — one transaction
 * each. Readers: viewer logins computing the masked monthly figures of all
 * units. Loopback only (a Unix-domain socket), bounded in time.
 *
 * Prints one JSON object: per unit what the server acknowledged, and the
 * totals; the driver compares it with what the server holds. A deadlock or
 * serialization failure is retried as the app would and counted; any other
 * error ends the run with exit 1.
 *
 * usage: load-server HOST DBNAME WRITERS READERS SECONDS
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib.h>
#include <libpq-fe.h>
#include <stdio.h>
#include <string.h>

typedef struct
{
  char *conninfo;
  int index;
  gint64 until;
  /* results */
  guint spells;
  guint measure_saves;
  guint ideas;
  guint retries;
  guint reads;
  char *error;
} Client;

static gboolean
retryable (const PGresult *r)
{
  const char *state = PQresultErrorField (r, PG_DIAG_SQLSTATE);
  return g_strcmp0 (state, "40P01") == 0 || g_strcmp0 (state, "40001") == 0;
}

/* Runs one statement; TRUE when done. *@retry is set when it may be tried
 * again. The result goes to @out when wanted. */
static gboolean
run (Client *c, PGconn *conn, const char *sql, int n, const char *const *params, PGresult **out,
     gboolean *retry)
{
  PGresult *r = PQexecParams (conn, sql, n, NULL, params, NULL, NULL, 0);
  ExecStatusType s = PQresultStatus (r);

  *retry = FALSE;
  if (s == PGRES_COMMAND_OK || s == PGRES_TUPLES_OK)
    {
      if (out != NULL)
        *out = r;
      else
        PQclear (r);
      return TRUE;
    }
  if (retryable (r))
    *retry = TRUE;
  else if (c->error == NULL)
    c->error = g_strdup_printf ("client %d: %s: %s", c->index, sql, PQresultErrorMessage (r));
  PQclear (r);
  return FALSE;
}

static gpointer
writer (gpointer data)
{
  Client *c = data;
  PGconn *conn = PQconnectdb (c->conninfo);
  g_autofree char *employee = NULL;
  g_autofree char *measure = NULL;
  g_autofree char *workshop = NULL;
  int version = 0;
  int day = 739000; /* 2024-05-… in NvDay numbering; one new day per spell */
  PGresult *r = NULL;
  gboolean retry;

  if (PQstatus (conn) != CONNECTION_OK)
    {
      c->error = g_strdup_printf ("client %d: %s", c->index, PQerrorMessage (conn));
      PQfinish (conn);
      return NULL;
    }
  if (!run (c, conn,
            "SELECT e.id, m.id, m.row_version, w.id FROM naervaer.employee e"
            " JOIN naervaer.measure m ON m.unit_id = e.unit_id"
            " JOIN naervaer.workshop w ON w.unit_id = e.unit_id",
            0, NULL, &r, &retry)
      || PQntuples (r) != 1)
    {
      if (c->error == NULL)
        c->error = g_strdup_printf ("client %d sees %d units instead of its own", c->index,
                                    r != NULL ? PQntuples (r) : -1);
      g_clear_pointer (&r, PQclear);
      PQfinish (conn);
      return NULL;
    }
  employee = g_strdup (PQgetvalue (r, 0, 0));
  measure = g_strdup (PQgetvalue (r, 0, 1));
  version = atoi (PQgetvalue (r, 0, 2));
  workshop = g_strdup (PQgetvalue (r, 0, 3));
  PQclear (r);

  while (c->error == NULL && g_get_monotonic_time () < c->until)
    {
      g_autofree char *d = g_strdup_printf ("%d", day);
      g_autofree char *v = g_strdup_printf ("%d", version);
      g_autofree char *pos = g_strdup_printf ("%u", c->ideas);
      const char *spell[] = { employee, d };
      const char *save[] = { measure, v };
      const char *idea[] = { workshop, pos };

      if (run (c, conn,
               "INSERT INTO naervaer.spell (employee_id, start_day, end_day, grade, type)"
               " VALUES ($1, $2, $2, 100, 'egenmeldt')",
               2, spell, NULL, &retry))
        {
          c->spells++;
          day++;
        }
      else if (retry)
        c->retries++;

      r = NULL;
      if (run (c, conn,
               "UPDATE naervaer.measure SET owner = 'load ' || row_version"
               " WHERE id = $1 AND row_version = $2 RETURNING row_version",
               2, save, &r, &retry))
        {
          if (PQntuples (r) == 1)
            {
              version = atoi (PQgetvalue (r, 0, 0));
              c->measure_saves++;
            }
          else if (c->error == NULL)
            c->error = g_strdup_printf ("client %d: its own measure was changed by someone else",
                                        c->index);
          PQclear (r);
        }
      else if (retry)
        c->retries++;

      if (run (c, conn,
               "INSERT INTO naervaer.workshop_idea (workshop_id, text, position)"
               " VALUES ($1, 'idea ' || $2, $2::integer)",
               2, idea, NULL, &retry))
        c->ideas++;
      else if (retry)
        c->retries++;
    }
  PQfinish (conn);
  return NULL;
}

static gpointer
reader (gpointer data)
{
  Client *c = data;
  PGconn *conn = PQconnectdb (c->conninfo);
  gboolean retry;

  if (PQstatus (conn) != CONNECTION_OK)
    {
      c->error = g_strdup_printf ("reader %d: %s", c->index, PQerrorMessage (conn));
      PQfinish (conn);
      return NULL;
    }
  while (c->error == NULL && g_get_monotonic_time () < c->until)
    if (run (c, conn,
             "SELECT unit, sum (lost_days) * 100 / nullif (sum (contracted_days), 0)"
             " FROM naervaer.unit_month_figures GROUP BY unit",
             0, NULL, NULL, &retry))
      c->reads++;
    else if (retry)
      c->retries++;
  PQfinish (conn);
  return NULL;
}

int
main (int argc, char **argv)
{
  int n_writers, n_readers, seconds, status = 0;
  g_autoptr (GPtrArray) threads = g_ptr_array_new ();
  g_autofree Client *clients = NULL;
  gint64 until;
  guint spells = 0, saves = 0, ideas = 0, retries = 0, reads = 0;

  if (argc != 6)
    {
      fprintf (stderr, "usage: load-server HOST DBNAME WRITERS READERS SECONDS\n");
      return 2;
    }
  n_writers = atoi (argv[3]);
  n_readers = atoi (argv[4]);
  seconds = atoi (argv[5]);
  until = g_get_monotonic_time () + (gint64) seconds * G_USEC_PER_SEC;
  clients = g_new0 (Client, n_writers + n_readers);

  for (int i = 0; i < n_writers + n_readers; i++)
    {
      Client *c = &clients[i];

      c->index = i;
      c->until = until;
      c->conninfo = i < n_writers
                      ? g_strdup_printf ("host=%s dbname=%s user=leader%02d", argv[1], argv[2], i)
                      : g_strdup_printf ("host=%s dbname=%s user=viewer%02d", argv[1], argv[2],
                                         i - n_writers);
      g_ptr_array_add (threads, g_thread_new (NULL, i < n_writers ? writer : reader, c));
    }

  printf ("{\"units\": {");
  for (int i = 0; i < n_writers + n_readers; i++)
    {
      Client *c = &clients[i];

      g_thread_join (g_ptr_array_index (threads, i));
      if (c->error != NULL)
        {
          fprintf (stderr, "%s\n", c->error);
          status = 1;
        }
      if (i < n_writers)
        printf ("%s\"leader%02d\": {\"spells\": %u, \"measure_saves\": %u, \"ideas\": %u}",
                i > 0 ? ", " : "", i, c->spells, c->measure_saves, c->ideas);
      spells += c->spells;
      saves += c->measure_saves;
      ideas += c->ideas;
      retries += c->retries;
      reads += c->reads;
      g_free (c->conninfo);
      g_free (c->error);
    }
  printf ("}, \"spells\": %u, \"measure_saves\": %u, \"ideas\": %u, \"retries\": %u, "
          "\"reads\": %u, \"seconds\": %d}\n",
          spells, saves, ideas, retries, reads, seconds);
  return status;
}
