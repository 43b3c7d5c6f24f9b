/* nv-benchmark-manager.h — the window that lists the benchmark series (kind,
 * measure, basis, sources, «last updated», a warning when a series is more
 * than two quarters behind the unit's data) and imports benchmark CSV.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "nv-context.h"

G_BEGIN_DECLS

#define NV_TYPE_BENCHMARK_MANAGER (nv_benchmark_manager_get_type ())
G_DECLARE_FINAL_TYPE (NvBenchmarkManager, nv_benchmark_manager, NV, BENCHMARK_MANAGER, AdwWindow)

/* @unit_id (0 for none) is the unit being compared: it decides the
 * own-municipality series and the «behind» warnings. */
GtkWindow *nv_benchmark_manager_new (GtkWindow *parent, NvContext *context, gint64 unit_id);

/* Imports @file as the Import button does: on failure an error dialog names
 * file, line and field and nothing is stored; replaced figures are listed.
 * Returns whether the import succeeded. */
gboolean nv_benchmark_manager_import_file (NvBenchmarkManager *self, GFile *file);

/* For tests: the series rows shown, in order (element AdwExpanderRow). */
GPtrArray *nv_benchmark_manager_get_rows (NvBenchmarkManager *self);

G_END_DECLS
