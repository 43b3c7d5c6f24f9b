/* NvContext: the store, the settings and the clock handed to the window,
 * the pages and the CLI commands. */
#include "config.h"

#include "nv-test-store.h"

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

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/context/fixed-clock", test_fixed_clock);
  g_test_add_func ("/context/memory-settings", test_memory_settings);
  g_test_add_func ("/context/owns-store", test_owns_store);
  return g_test_run ();
}
