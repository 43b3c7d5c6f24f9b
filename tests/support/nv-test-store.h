/* nv-test-store.h — a store to test against, filled a row at a time, and a
 * context with a fixed clock (tests/support, core only).
 *
 * Every helper fails the test when the store refuses the row, so a test
 * reads as the data it sets up.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "nv-absence.h"
#include "nv-context.h"
#include "nv-store.h"
#include "nv-test-util.h"

G_BEGIN_DECLS

/* Opens (creates) the store @file in the test directory @dir. Under
 * `pgcluster.py run` (NAERVAER_TEST_PG set) the store is instead a fresh
 * database on the throwaway PostgreSQL server, one per @dir and @file. */
NvStore *nv_test_open_store (const char *dir, const char *file);

/* What nv_store_open() takes for the store @file in @dir: its path, or on
 * the test server the connection to its database (made on first use). */
char *nv_test_store_location (const char *dir, const char *file);

/* TRUE when the tests run against PostgreSQL (NAERVAER_TEST_PG). */
gboolean nv_test_is_pg (void);

/* Skips the running test case on PostgreSQL, saying why (@why: what the
 * case checks that only a local SQLite file has); TRUE when it skipped. */
gboolean nv_test_skip_on_pg (const char *why);

/* The one integer that @sql (a string literal: one row, one column, on
 * either engine) gives, with ?1 bound to @param where @sql has it; fails
 * the test on an error. For counting rows: "SELECT count(*) FROM …". */
gint64 nv_test_query_int (NvStore *store, const char *sql, gint64 param);

/* A unit (@municipality may be NULL). */
gint64 nv_test_add_unit (NvStore *store, const char *name, const char *sector,
                         const char *municipality);
/* An employee of @unit_id with one roster row: @fte per cent from @from,
 * open-ended. */
gint64 nv_test_add_staff (NvStore *store, gint64 unit_id, const char *ref, double fte, NvDay from);
/* A spell of sick leave (@end NV_DAY_NONE: ongoing). */
gint64 nv_test_add_spell (NvStore *store, gint64 employee_id, NvDay start, NvDay end, double grade,
                          NvSpellType type);

/* The store many tests start from, in a fresh test directory: the unit
 * «Avdeling 2B» (helse-omsorg, Fjordvik) with AB at 80 % and CD at 100 %,
 * both from 1 January 2015. Usable as a GTest fixture:
 * g_test_add (path, NvTestTeam, NULL, nv_test_team_setup, test, nv_test_team_teardown). */
typedef struct
{
  char *dir;
  char *path; /* the database file */
  NvStore *store;
  gint64 unit;
  gint64 ab;
  gint64 cd;
} NvTestTeam;

void nv_test_team_setup (NvTestTeam *team, gconstpointer data);
void nv_test_team_teardown (NvTestTeam *team, gconstpointer data);

/* The part most fixtures share: a fresh test directory with one store in it
 * and, when asked, a context over it (nv_test_context_new). Either the whole
 * fixture — g_test_add (path, NvTestDb, NULL, nv_test_db_setup, test,
 * nv_test_db_teardown) — or a member of a larger one, opened by
 * nv_test_db_open() in its set-up and closed by nv_test_db_close(). */
typedef struct
{
  char *dir;
  NvStore *store;
  NvContext *context; /* NULL when opened without one */
} NvTestDb;

/* Opens the store @file in a fresh test directory, without a context. */
void nv_test_db_open (NvTestDb *db, const char *file);
/* The same for «naervaer.db» with a context whose clock stands on @today
 * (NV_DAY_NONE: the system clock). */
void nv_test_db_open_with_context (NvTestDb *db, NvDay today);
/* Drops the context and the store, removes the directory. */
void nv_test_db_close (NvTestDb *db);
/* As GTest set-up and tear-down: «naervaer.db» with a context on the
 * system clock. */
void nv_test_db_setup (NvTestDb *db, gconstpointer data);
void nv_test_db_teardown (NvTestDb *db, gconstpointer data);

/* The Compare tests' unit (test-compare.c, test-compare-page.c): monthly
 * figures (HR system) for @unit for the six quarters 2024-Q1 … 2025-Q2,
 * three months each of 200 contracted days, 2 self-certified and x
 * doctor-certified lost days, x per quarter 12, 10, 8, 14, 13, 10.2; 12
 * persons before quarter @late_from (0 = 2024-Q1) and @late_persons from it
 * on. */
void nv_test_add_compare_quarters (NvStore *store, gint64 unit, guint late_from, int late_persons);
/* Imports the benchmark file @csv (named «bench.csv»); fails the test when
 * it is refused. */
void nv_test_import_benchmark (NvStore *store, const char *csv);

/* The research case hand-computed in test-faktor.c (and printed by
 * test-view-print.c). Units @prefix A … H (prefix "" or "Post "), all
 * helse-omsorg but G (barnehage). */
void nv_test_add_research_units (NvStore *store, const char *prefix);
/* One unit's monthly-import CSV lines for 2024-04 … 2025-03: in month i,
 * contracted 100 + 20·i (Σ 2520), @self egenmeldt and @doctor + 0.5·(i mod 2)
 * legemeldt lost days, @persons persons. */
void nv_test_append_research_months (GString *csv, const char *unit, double self, double doctor,
                                     int persons);
/* The case's monthly-import CSV: the header, then A, B, C, D, H and E with
 * 9 persons, F with 4 (masked); G has none. */
GString *nv_test_research_monthly (const char *prefix);

/* Adds the unit «Avdeling 2B» (helse-omsorg) whose figures the overview
 * tests compute by hand (see nv-test-store.c): as of 30 June 2025, Q2 2025
 * 4,9 %, the last four quarters 1,6 %, 0,15 årsverk, 162 150 kr. Returns
 * its id. */
gint64 nv_test_add_overview_unit (NvStore *store);

/* A context for @store whose clock stands on @today (NV_DAY_NONE: the system
 * clock) and whose settings live in memory only, fresh for each context. */
NvContext *nv_test_context_new (NvStore *store, NvDay today);

G_END_DECLS
