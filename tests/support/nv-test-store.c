/* nv-test-store.c — a store to test against, and a context with a fixed clock.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-test"

#include "config.h"

#include "nv-test-store.h"
#include "nv-unit.h"

NvStore *
nv_test_open_store (const char *dir, const char *file)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_build_filename (dir, file, NULL);
  NvStore *store = nv_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
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
  team->path = g_build_filename (team->dir, "naervaer.db", NULL);
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
