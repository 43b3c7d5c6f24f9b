/* measure-fixture.h — the fixture the measure tests share: a fresh store in
 * a private temporary directory with one unit, «Avdeling 2B», and helpers
 * to add a measure and to parse a day.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "nv-test-store.h"
#include "nv-measure.h"
#include "nv-unit.h"

typedef struct
{
  char *dir;
  NvStore *store;
  gint64 unit;
} Fixture;

static inline void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  f->dir = nv_test_tmpdir ();
  f->store = nv_test_open_store (f->dir, "t.db");
  f->unit = nv_unit_add (f->store, "Avdeling 2B", "helse-omsorg", NULL, &error);
  g_assert_no_error (error);
}

static inline void
fixture_teardown (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->store);
  nv_test_rmtree (f->dir);
  g_free (f->dir);
}

/* A day from `YYYY-MM-DD`; a typo in a test fails it. */
static inline NvDay
day (const char *iso)
{
  NvDay d = nv_day_parse_iso (iso);
  g_assert_cmpuint (d, !=, NV_DAY_NONE);
  return d;
}

/* Adds a measure to the fixture's unit; @owner, @theme, @start and
 * @deadline may be NULL (no owner, theme "other", no date). */
static inline gint64
add (Fixture *f, const char *title, const char *owner, const char *theme, const char *start,
     const char *deadline)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (NvMeasure) m = nv_measure_new ();
  gint64 id;

  g_free (m->title);
  m->title = g_strdup (title);
  g_free (m->owner);
  m->owner = g_strdup (owner != NULL ? owner : "");
  g_free (m->theme);
  m->theme = g_strdup (theme != NULL ? theme : "other");
  m->start = start != NULL ? day (start) : NV_DAY_NONE;
  m->deadline = deadline != NULL ? day (deadline) : NV_DAY_NONE;
  id = nv_measure_add (f->store, f->unit, m, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}
