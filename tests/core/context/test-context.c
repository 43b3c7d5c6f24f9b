/* NvContext: the store, the settings and the clock handed to the window,
 * the pages and the CLI commands. */
#include "config.h"

#include <string.h>

#include "nv-benchmark.h"
#include "nv-demo.h"
#include "nv-followup.h"
#include "nv-import.h"
#include "nv-test-store.h"
#include "nv-unit.h"

/* A day long past, so that a check still reading the system clock would
 * let «tomorrow» of this day through. */
#define FIXED_YEAR 2020

static void
test_fixed_clock (void)
{
  g_autofree char *dir = nv_test_tmpdir ();
  g_autoptr (NvStore) store = nv_test_open_store (dir, "naervaer.db");
  NvDay day = nv_day_from_ymd (2025, 6, 30);
  g_autoptr (NvContext) fixed = nv_test_context_new (store, day);
  g_autoptr (NvContext) system = nv_context_new (store);
  NvDay before = nv_day_today ();
  NvDay now = nv_context_today (system);

  g_assert_true (nv_context_get_store (fixed) == store);
  g_assert_cmpuint (nv_context_today (fixed), ==, day);
  g_assert_cmpuint (nv_context_today (fixed), ==, day); /* it stands still */
  /* The system clock: today (or tomorrow, when the test runs over midnight). */
  g_assert_cmpuint (now, >=, before);
  g_assert_cmpuint (now, <=, nv_day_today ());
  nv_test_rmtree (dir);
}

/* Each test context keeps its settings to itself: a page under test never
 * sees another test's (or the user's) choices. */
static void
test_memory_settings (void)
{
  g_autofree char *dir = nv_test_tmpdir ();
  g_autoptr (NvStore) store = nv_test_open_store (dir, "naervaer.db");
  g_autoptr (NvContext) a = nv_test_context_new (store, NV_DAY_NONE);
  g_autoptr (NvContext) b = nv_test_context_new (store, NV_DAY_NONE);
  GSettings *settings = nv_context_get_settings (a);

  g_assert_true (nv_context_get_settings (a) == settings); /* one per context */
  g_assert_cmpint (g_settings_get_int (settings, "cost-per-lost-day"), ==, 4700);
  g_settings_set_int (settings, "cost-per-lost-day", 5000);
  g_assert_cmpint (g_settings_get_int (nv_context_get_settings (a), "cost-per-lost-day"), ==, 5000);
  g_assert_cmpint (g_settings_get_int (nv_context_get_settings (b), "cost-per-lost-day"), ==, 4700);
  nv_test_rmtree (dir);
}

/* The context holds the store: it outlives the caller's reference. */
static void
test_owns_store (void)
{
  g_autofree char *dir = nv_test_tmpdir ();
  NvStore *store = nv_test_open_store (dir, "naervaer.db");
  g_autoptr (NvContext) context = nv_test_context_new (store, NV_DAY_NONE);

  g_object_unref (store);
  g_assert_true (NV_IS_STORE (nv_context_get_store (context)));
  g_assert_nonnull (nv_store_get_path (nv_context_get_store (context)));
  g_clear_object (&context);
  nv_test_rmtree (dir);
}

/* The context's clock is the store's: core code handed only the store
 * reads the same day. */
static void
test_clock_reaches_store (void)
{
  g_autofree char *dir = nv_test_tmpdir ();
  g_autoptr (NvStore) store = nv_test_open_store (dir, "naervaer.db");
  NvDay day = nv_day_from_ymd (FIXED_YEAR, 6, 30);
  NvDay before = nv_day_today ();
  g_autoptr (NvContext) context = NULL;

  g_assert_cmpuint (nv_store_today (store), >=, before); /* the system clock */
  context = nv_test_context_new (store, day);
  g_assert_cmpuint (nv_store_today (store), ==, day);
  g_assert_cmpuint (nv_context_today (context), ==, day);
  /* A context on the system clock made later sets the store back to it. */
  g_clear_object (&context);
  context = nv_test_context_new (store, NV_DAY_NONE);
  g_assert_cmpuint (nv_store_today (store), >=, before);
  nv_test_rmtree (dir);
}

/* «Tracked from» and «done on» may not lie after today by the context's
 * clock: the day after the fixed day is refused, the fixed day is fine. */
static void
test_clock_followup_future (NvTestTeam *team, gconstpointer data)
{
  NvDay today = nv_day_from_ymd (FIXED_YEAR, 6, 30);
  NvDay start = today - 60;
  g_autoptr (NvContext) context = nv_test_context_new (team->store, today);
  g_autoptr (GError) error = NULL;

  g_assert_false (nv_followup_set_tracked_from (team->store, team->unit, today + 1, &error));
  g_assert_error (error, NV_STORE_ERROR, NV_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (nv_followup_set_tracked_from (team->store, team->unit, today, &error));
  g_assert_no_error (error);

  nv_test_add_spell (team->store, team->ab, start, NV_DAY_NONE, 100, NV_SPELL_DOCTOR);
  g_assert_false (nv_followup_mark_done (team->store, team->ab, start, "followup-plan", today + 1,
                                         NULL, &error));
  g_assert_error (error, NV_STORE_ERROR, NV_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (
      nv_followup_mark_done (team->store, team->ab, start, "followup-plan", today, NULL, &error));
  g_assert_no_error (error);
}

/* A benchmark period that begins after the context's today is refused. */
static void
test_clock_benchmark_import (NvTestTeam *team, gconstpointer data)
{
  g_autoptr (NvContext) context
      = nv_test_context_new (team->store, nv_day_from_ymd (FIXED_YEAR, 3, 31));
  const char *csv = "serie;periode;prosent;type;kilde\n"
                    "Kommuner;2020-Q1;6,6;legemeldt;https://example.org/ssb\n"
                    "Kommuner;2020-Q2;6,1;legemeldt;https://example.org/ssb\n";
  g_autoptr (GError) error = NULL;

  g_assert_false (nv_benchmark_import_data (team->store, "b.csv", csv, strlen (csv), NULL, &error));
  g_assert_error (error, NV_STORE_ERROR, NV_STORE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "b.csv:3: periode: 2020-Q2 has not begun yet");
}

/* An import of spells sets a unit's «tracked from» to today by the
 * context's clock where none is set. */
static void
test_clock_import_today (NvTestTeam *team, gconstpointer data)
{
  NvDay today = nv_day_from_ymd (FIXED_YEAR, 6, 30);
  g_autoptr (NvContext) context = nv_test_context_new (team->store, today);
  static const char csv[] = "employee,start,end,grade,type\n"
                            "AB,2020-02-03,2020-02-05,,self\n";
  g_autoptr (GError) error = NULL;
  NvDay tracked = NV_DAY_NONE;

  g_assert_true (nv_import_data (team->store, NV_IMPORT_SPELLS, team->unit, "s.csv", csv,
                                 strlen (csv), NULL, &error));
  g_assert_no_error (error);
  g_assert_true (nv_followup_get_tracked_from (team->store, team->unit, &tracked, &error));
  g_assert_cmpuint (tracked, ==, today);
}

/* The demonstration data end on today by the context's clock. */
static void
test_clock_demo_fill (void)
{
  g_autofree char *dir = nv_test_tmpdir ();
  g_autoptr (NvStore) store = nv_test_open_store (dir, "naervaer.db");
  NvDay today = nv_day_from_ymd (FIXED_YEAR, 6, 30);
  g_autoptr (NvContext) context = nv_test_context_new (store, today);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) units = NULL;
  NvDay latest = NV_DAY_NONE;

  g_assert_true (nv_demo_fill (store, 1, 1, &error));
  g_assert_no_error (error);
  units = nv_unit_list (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (units->len, ==, 1);
  {
    NvUnit *unit = g_ptr_array_index (units, 0);
    g_autoptr (GPtrArray) spells = nv_spell_list (store, unit->id, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (spells->len, >, 0);
    for (guint i = 0; i < spells->len; i++)
      {
        const NvSpell *spell = g_ptr_array_index (spells, i);
        latest = latest == NV_DAY_NONE ? spell->start : MAX (latest, spell->start);
      }
  }
  g_assert_cmpuint (latest, <=, today);
  g_assert_cmpuint (latest, >, today - 60);
  g_clear_object (&context);
  g_clear_object (&store);
  nv_test_rmtree (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/context/fixed-clock", test_fixed_clock);
  g_test_add_func ("/context/memory-settings", test_memory_settings);
  g_test_add_func ("/context/owns-store", test_owns_store);
  g_test_add_func ("/context/clock/store", test_clock_reaches_store);
  g_test_add ("/context/clock/followup-future", NvTestTeam, NULL, nv_test_team_setup,
              test_clock_followup_future, nv_test_team_teardown);
  g_test_add ("/context/clock/benchmark-import", NvTestTeam, NULL, nv_test_team_setup,
              test_clock_benchmark_import, nv_test_team_teardown);
  g_test_add ("/context/clock/import-today", NvTestTeam, NULL, nv_test_team_setup,
              test_clock_import_today, nv_test_team_teardown);
  g_test_add_func ("/context/clock/demo-fill", test_clock_demo_fill);
  return g_test_run ();
}
