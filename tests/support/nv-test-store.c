/* nv-test-store.c — a store to test against, and a context with a fixed clock.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-test"

#include "config.h"

#include <libpq-fe.h>
#include <string.h>

#include "nv-test-store.h"
#include "nv-store-private.h"
#include "nv-benchmark.h"
#include "nv-unit.h"

gboolean
nv_test_is_pg (void)
{
  const char *server = g_getenv ("NAERVAER_TEST_PG");
  return server != NULL && *server != '\0';
}

gboolean
nv_test_skip_on_pg (const char *why)
{
  g_autofree char *message = NULL;

  if (!nv_test_is_pg ())
    return FALSE;
  message = g_strdup_printf ("SQLite only: %s", why);
  g_test_skip (message);
  return TRUE;
}

/* A database made from the template `pgcluster.py run` prepared (the
 * schema of `server init`), dropped first if an earlier run left it. */
static void
make_database (const char *server, const char *name)
{
  g_autofree char *admin = g_strdup_printf ("%s dbname=postgres", server);
  g_autofree char *drop = g_strdup_printf ("DROP DATABASE IF EXISTS %s", name);
  g_autofree char *create = g_strdup_printf ("CREATE DATABASE %s TEMPLATE nvt_template", name);
  PGconn *conn = PQconnectdb (admin);
  PGresult *result;

  g_assert_cmpint (PQstatus (conn), ==, CONNECTION_OK);
  PQclear (PQexec (conn, drop));
  result = PQexec (conn, create);
  if (PQresultStatus (result) != PGRES_COMMAND_OK)
    g_error ("%s: %s", create, PQerrorMessage (conn));
  PQclear (result);
  PQfinish (conn);
}

char *
nv_test_store_location (const char *dir, const char *file)
{
  static GHashTable *made = NULL;
  g_autofree char *path = g_build_filename (dir, file, NULL);
  g_autofree char *sum = NULL;
  char *name;

  if (!nv_test_is_pg ())
    return g_steal_pointer (&path);
  if (made == NULL)
    made = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sum = g_compute_checksum_for_string (G_CHECKSUM_SHA1, path, -1);
  name = g_strdup_printf ("nvt_%.20s", sum);
  if (!g_hash_table_contains (made, name))
    make_database (g_getenv ("NAERVAER_TEST_PG"), name);
  g_hash_table_add (made, name);
  return g_strdup_printf ("%s dbname=%s", g_getenv ("NAERVAER_TEST_PG"), name);
}

NvStore *
nv_test_open_store (const char *dir, const char *file)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = nv_test_store_location (dir, file);
  NvStore *store = nv_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

gint64
nv_test_query_int (NvStore *store, const char *sql, gint64 param)
{
  g_autoptr (GError) error = NULL;
  NvStmt *stmt = nv_store_prepare (store, sql, &error);
  gint64 n;

  g_assert_no_error (error);
  if (strstr (sql, "?1") != NULL)
    nv_stmt_bind_int64 (stmt, 1, param);
  g_assert_cmpint (nv_stmt_step (stmt), ==, NV_ROW);
  n = nv_stmt_column_int64 (stmt, 0);
  nv_stmt_reset (stmt);
  return n;
}

gint64
nv_test_add_unit (NvStore *store, const char *name, const char *sector, const char *municipality)
{
  g_autoptr (GError) error = NULL;
  gint64 id = nv_unit_add (store, name, sector, municipality, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

gint64
nv_test_add_staff (NvStore *store, gint64 unit_id, const char *ref, double fte, NvDay from)
{
  g_autoptr (GError) error = NULL;
  gint64 id = nv_employee_add (store, unit_id, ref, NULL, &error);

  g_assert_no_error (error);
  nv_roster_add (store, id, fte, from, NV_DAY_NONE, NULL, &error);
  g_assert_no_error (error);
  return id;
}

gint64
nv_test_add_spell (NvStore *store, gint64 employee_id, NvDay start, NvDay end, double grade,
                   NvSpellType type)
{
  g_autoptr (GError) error = NULL;
  gint64 id = nv_spell_add (store, employee_id, start, end, grade, type, NULL, &error);

  g_assert_no_error (error);
  return id;
}

void
nv_test_team_setup (NvTestTeam *team, gconstpointer data)
{
  NvDay from = nv_day_from_ymd (2015, 1, 1);

  team->dir = nv_test_tmpdir ();
  team->path = nv_test_store_location (team->dir, "naervaer.db");
  team->store = nv_test_open_store (team->dir, "naervaer.db");
  team->unit = nv_test_add_unit (team->store, "Avdeling 2B", "helse-omsorg", "Fjordvik");
  team->ab = nv_test_add_staff (team->store, team->unit, "AB", 80, from);
  team->cd = nv_test_add_staff (team->store, team->unit, "CD", 100, from);
}

void
nv_test_team_teardown (NvTestTeam *team, gconstpointer data)
{
  g_clear_object (&team->store);
  nv_test_rmtree (team->dir);
  g_clear_pointer (&team->dir, g_free);
  g_clear_pointer (&team->path, g_free);
}

NvContext *
nv_test_context_new (NvStore *store, NvDay today)
{
  g_autoptr (GSettings) settings = nv_context_memory_settings_new ();

  return nv_context_new_full (store, settings, today);
}

void
nv_test_db_open (NvTestDb *db, const char *file)
{
  db->dir = nv_test_tmpdir ();
  db->store = nv_test_open_store (db->dir, file);
  db->context = NULL;
}

void
nv_test_db_open_with_context (NvTestDb *db, NvDay today)
{
  nv_test_db_open (db, "naervaer.db");
  db->context = nv_test_context_new (db->store, today);
}

void
nv_test_db_close (NvTestDb *db)
{
  g_clear_object (&db->context);
  g_clear_object (&db->store);
  nv_test_rmtree (db->dir);
  g_clear_pointer (&db->dir, g_free);
}

void
nv_test_db_setup (NvTestDb *db, gconstpointer data)
{
  nv_test_db_open_with_context (db, NV_DAY_NONE);
}

void
nv_test_db_teardown (NvTestDb *db, gconstpointer data)
{
  nv_test_db_close (db);
}

/* Five people at 100 % from 1 April 2024. Workdays: Q2 2024 60, Q3 66, Q4 64,
 * Q1 2025 63, Q2 2025 59 (Easter, 1 May, Ascension 29 May and Whit Monday
 * 9 June 2025 are holidays). Contracted = 5 × workdays.
 *   Q1 2025: E4 doctor 100 % 6–31 Jan (20 workdays, 26 days: long-term).
 *   Q2 2025: E2 doctor 50 % 7–11 Apr (5 workdays × 0.5 = 2.5), E3 self
 *            5–7 May (3), E1 doctor 2–13 Jun (9 workdays, Whit Monday off).
 * Q2 2025: lost 14.5 / 295 = 4.915 % → 4,9 %; self 3/295 = 1.02 % → 1,0 %;
 * doctor 11.5/295 = 3.90 % → 3,9 %; graded 2.5/14.5 = 17.24 % → 17,2 %;
 * all short-term. Last four quarters: 20 / (300+330+320+315) = 1.581 % →
 * 1,6 %. Årsverk and cost are for the last 12 months, 1.7.2024–30.6.2025
 * (Q3 2024–Q2 2025): 20 + 14.5 = 34.5 lost days; 34.5/230 = 0.15 årsverk;
 * 34.5 × 4 700 = 162 150 kr.
 * Duration classes, Q2 2024–Q1 2025: only E4's 26-day case (C) lost days. */
gint64
nv_test_add_overview_unit (NvStore *store)
{
  gint64 unit = nv_test_add_unit (store, "Avdeling 2B", "helse-omsorg", NULL);
  NvDay from = nv_day_from_ymd (2024, 4, 1);
  gint64 e1 = nv_test_add_staff (store, unit, "E1", 100, from);
  gint64 e2 = nv_test_add_staff (store, unit, "E2", 100, from);
  gint64 e3 = nv_test_add_staff (store, unit, "E3", 100, from);
  gint64 e4 = nv_test_add_staff (store, unit, "E4", 100, from);

  nv_test_add_staff (store, unit, "E5", 100, from);
  nv_test_add_spell (store, e4, nv_day_from_ymd (2025, 1, 6), nv_day_from_ymd (2025, 1, 31), 100,
                     NV_SPELL_DOCTOR);
  nv_test_add_spell (store, e2, nv_day_from_ymd (2025, 4, 7), nv_day_from_ymd (2025, 4, 11), 50,
                     NV_SPELL_DOCTOR);
  nv_test_add_spell (store, e3, nv_day_from_ymd (2025, 5, 5), nv_day_from_ymd (2025, 5, 7), 100,
                     NV_SPELL_SELF);
  nv_test_add_spell (store, e1, nv_day_from_ymd (2025, 6, 2), nv_day_from_ymd (2025, 6, 13), 100,
                     NV_SPELL_DOCTOR);
  return unit;
}

void
nv_test_add_compare_quarters (NvStore *store, gint64 unit, guint late_from, int late_persons)
{
  static const double doctor[] = { 12, 10, 8, 14, 13, 10.2 };

  for (guint q = 0; q < G_N_ELEMENTS (doctor); q++)
    for (int m = 0; m < 3; m++)
      {
        g_autoptr (GError) error = NULL;
        NvMonthly monthly = { unit,
                              2024 + q / 4,
                              (q % 4) * 3 + m + 1,
                              200,
                              2,
                              doctor[q],
                              q >= late_from ? late_persons : 12 };

        nv_monthly_upsert (store, &monthly, NULL, &error);
        g_assert_no_error (error);
      }
}

void
nv_test_import_benchmark (NvStore *store, const char *csv)
{
  g_autoptr (GError) error = NULL;

  nv_benchmark_import_data (store, "bench.csv", csv, strlen (csv), NULL, &error);
  g_assert_no_error (error);
}

void
nv_test_add_research_units (NvStore *store, const char *prefix)
{
  for (char c = 'A'; c <= 'H'; c++)
    {
      g_autofree char *name = g_strdup_printf ("%s%c", prefix, c);
      nv_test_add_unit (store, name, c == 'G' ? "barnehage" : "helse-omsorg", NULL);
    }
}

void
nv_test_append_research_months (GString *csv, const char *unit, double self, double doctor,
                                int persons)
{
  for (int i = 0; i < 12; i++)
    {
      int year = i < 9 ? 2024 : 2025, month = (i + 3) % 12 + 1;
      g_autofree char *s = g_strdup_printf ("%g", self);
      g_autofree char *d = g_strdup_printf ("%g", doctor + 0.5 * (i % 2));

      g_string_append_printf (csv, "%s;%04d-%02d;%d;%s;%s;%d\n", unit, year, month, 100 + 20 * i, s,
                              d, persons);
    }
}

GString *
nv_test_research_monthly (const char *prefix)
{
  static const struct
  {
    char unit;
    double self, doctor;
    int persons;
  } months[] = {
    { 'A', 0.5, 2.0, 9 }, { 'B', 0.4, 1.5, 9 }, { 'C', 0.6, 1.2, 9 }, { 'D', 0.3, 0.8, 9 },
    { 'H', 0.7, 1.6, 9 }, { 'E', 0.5, 1.0, 9 }, { 'F', 0.5, 1.0, 4 },
  };
  GString *csv = g_string_new ("enhet;periode;avtalte_dagsverk;tapte_dagsverk_egenmeldt;"
                               "tapte_dagsverk_legemeldt;personer\n");

  for (guint i = 0; i < G_N_ELEMENTS (months); i++)
    {
      g_autofree char *name = g_strdup_printf ("%s%c", prefix, months[i].unit);
      nv_test_append_research_months (csv, name, months[i].self, months[i].doctor,
                                      months[i].persons);
    }
  return csv;
}
