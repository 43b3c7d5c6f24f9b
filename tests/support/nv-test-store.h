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

/* Opens (creates) the store @file in the test directory @dir. */
NvStore *nv_test_open_store (const char *dir, const char *file);

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

/* A context for @store whose clock stands on @today (NV_DAY_NONE: the system
 * clock) and whose settings live in memory only, fresh for each context. */
NvContext *nv_test_context_new (NvStore *store, NvDay today);

G_END_DECLS
