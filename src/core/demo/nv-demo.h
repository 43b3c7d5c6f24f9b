/* nv-demo.h — a clearly fictional demo municipality, «Fjordvik kommune (demo)».
 *
 * Units in both sectors (one kindergarten with fewer than 5 persons, so
 * masking shows), five years of roster and absence ending today with
 * realistic seasons (Q1 high, Q3 low) near the sector levels (health and
 * care ≈ 9–11 %, kindergartens ≈ 10–12 %), long cases and graded spells,
 * open spells now (so follow-up has due and overdue milestones), and HR
 * monthly figures for the first year of one unit. Deterministic: the same
 * seed and today give the same data. Everything is written in one
 * transaction; on error nothing is left behind.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "nv-calendar.h"
#include "nv-store.h"

G_BEGIN_DECLS

#define NV_DEMO_MUNICIPALITY "Fjordvik kommune (demo)"
#define NV_DEMO_MAX_UNITS 10
#define NV_DEMO_DEFAULT_UNITS 4
#define NV_DEMO_DEFAULT_YEARS 5
#define NV_DEMO_DEFAULT_SEED 2016

/* Fills @n_units (1–NV_DEMO_MAX_UNITS) units over @n_years (1–10) ending today
 * (by the store's clock, nv_store_today()).
 * Fails (NV_STORE_ERROR_DUPLICATE) when the demo units already exist. */
gboolean nv_demo_fill (NvStore *store, guint n_units, guint n_years, GError **error);
/* The same with an explicit end day and seed (tests). Returns the new unit ids
 * in @unit_ids (element gint64) when not NULL. */
gboolean nv_demo_fill_full (NvStore *store, guint n_units, guint n_years, NvDay today,
                            guint32 seed, GArray *unit_ids, GError **error);
/* TRUE when the store has any unit of the demo municipality. */
gboolean nv_demo_present (NvStore *store);

G_END_DECLS
