/* nv-measure-private.h — shared between the measure core files.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "nv-measure.h"
#include "nv-store-private.h"

G_BEGIN_DECLS

/* The columns nv_measure_from_row() reads, for "… FROM measure m WHERE …". */
#define NV_MEASURE_COLUMNS                                                                \
  "SELECT m.id, m.unit_id, m.title, m.description, m.theme, m.owner, m.start_date, "  \
  "m.deadline, m.status, m.status_date, m.workshop_id, "                              \
  "(SELECT count(*) FROM measure_note n WHERE n.measure_id = m.id "                   \
  " AND n.from_status IS NULL), "                                                    \
  "(SELECT group_concat(n.text, ' ') FROM measure_note n WHERE n.measure_id = m.id), " \
  "m.row_version "                                                                    \
  "FROM measure m "

/* A measure from a row of NV_MEASURE_COLUMNS; *@notes_text (nullable)
 * receives the measure's note texts joined, for searching. */
NvMeasure *nv_measure_from_row (NvStmt *stmt, char **notes_text);
/* Position of @theme in nv_measure_theme_ids (); unknown ids sort last. */
guint nv_measure_theme_index (const char *theme);

G_END_DECLS
