/* nv-test-store.h — a fresh store for the test programs that need one. */
#pragma once

#include "nv-store.h"
#include "nv-test-util.h"

/* Opens (creates) the store @file in the test directory @dir; fails the
 * test if it cannot. */
static inline NvStore *
nv_test_open_store (const char *dir, const char *file)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_build_filename (dir, file, NULL);
  NvStore *store = nv_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}
