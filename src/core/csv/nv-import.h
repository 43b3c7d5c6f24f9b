/* nv-import.h — importing roster, spells and HR monthly figures from CSV.
 *
 * Formats: DESIGN §4 (see nv-csv.h for what the reader accepts). An import
 * is all-or-nothing in one transaction: the first bad row rolls everything
 * back and the error reads `FILE:LINE: FIELD: message`, e.g.
 * `spells.csv:14: grade: 150 is outside 20–100` — FILE is the basename,
 * LINE the physical line the row starts on, FIELD the column as the file's
 * header names it. Rows are checked against the database and against the
 * rows before them in the same file (two overlapping spells in one file are
 * refused). The rules themselves live in nv-absence.h.
 *
 * Roster and spells go into one unit (chosen by the caller), or — in a
 * municipality-wide file with an `enhet|unit` column — each row into the
 * unit it names (when the caller chose a unit as well, every row must name
 * that unit). Monthly rows always name their unit in that column. A unit
 * that does not exist is an error naming line and field, unless the import
 * runs with NV_IMPORT_CREATE_UNITS (new units get sector «annet»). All rows
 * of all units are one transaction. Figures for a month the database already has replace the
 * stored ones (HR systems send corrected months again); the same unit and
 * month twice in one file is an error.
 *
 * The preview does the same work inside a transaction that is always rolled
 * back, goes on after bad rows, and returns the rows and every problem, for
 * the import dialog to show before anything is written.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "nv-absence.h"
#include "nv-csv.h"
#include "nv-store.h"

G_BEGIN_DECLS

/* The three tables of DESIGN §4 a unit leader imports and exports. */
typedef enum
{
  NV_IMPORT_ROSTER,
  NV_IMPORT_SPELLS,
  NV_IMPORT_MONTHLY,
} NvImportKind;

/* "roster", "spells", "monthly" */
const char *nv_import_kind_to_string (NvImportKind kind);
gboolean nv_import_kind_parse (const char *text, NvImportKind *kind);
/* Roster and spells are imported into a unit the caller chooses. */
gboolean nv_import_kind_needs_unit (NvImportKind kind);
const NvCsvColumn *nv_import_kind_columns (NvImportKind kind);

typedef struct
{
  guint n_rows;   /* data rows in the file (blank rows not counted) */
  guint n_stored; /* rows written (or, in a preview, that would be) */
  guint n_replaced; /* monthly: months that replace stored figures */
  guint n_over_computed; /* monthly: months that replace figures computed from spells */
  guint n_units;    /* roster, spells: units written to */
  guint n_units_created; /* units created (NV_IMPORT_CREATE_UNITS) */
} NvImportCounts;

typedef enum
{
  NV_IMPORT_FLAGS_NONE = 0,
  NV_IMPORT_CREATE_UNITS = 1 << 0, /* unknown units are created, not an error */
} NvImportFlags;

/* Imports @path into @unit_id (ignored for monthly). On failure nothing is
 * stored. @counts may be NULL. */
gboolean nv_import_file (NvStore *store, NvImportKind kind, gint64 unit_id, const char *path,
                         NvImportCounts *counts, GError **error);
/* The same from memory; @name stands for the file in messages. */
gboolean nv_import_data (NvStore *store, NvImportKind kind, gint64 unit_id, const char *name,
                         const void *data, gsize len, NvImportCounts *counts, GError **error);
/* With @flags; @unit_id 0: the file must have a unit column. */
gboolean nv_import_file_with_flags (NvStore *store, NvImportKind kind, gint64 unit_id,
                                    NvImportFlags flags, const char *path,
                                    NvImportCounts *counts, GError **error);
gboolean nv_import_data_with_flags (NvStore *store, NvImportKind kind, gint64 unit_id,
                                    NvImportFlags flags, const char *name, const void *data,
                                    gsize len, NvImportCounts *counts, GError **error);

/* ---- Preview ------------------------------------------------------------ */

#define NV_IMPORT_PREVIEW_MAX_ROWS 10000
#define NV_IMPORT_PREVIEW_MAX_PROBLEMS 1000

typedef struct
{
  guint line;    /* 0: about the whole file */
  char *field;   /* the column as the file names it; NULL when not one column */
  char *message; /* without file, line and field */
} NvImportProblem;

/* One data row as read. Which members are used depends on the kind;
 * values that could not be read are 0 / NULL / NV_DAY_NONE. */
typedef struct
{
  guint line;
  gboolean valid; /* no problem on this row */

  char *employee; /* roster, spells */
  double fte;     /* roster */
  NvDay from;     /* roster */
  NvDay to;       /* roster; NV_DAY_NONE = ongoing */
  NvDay start;    /* spells */
  NvDay end;      /* spells; NV_DAY_NONE = open */
  double grade;   /* spells */
  NvSpellType type;

  char *unit; /* monthly; roster and spells with a unit column */
  int year;
  int month;
  double contracted_days;
  double lost_days_self;
  double lost_days_doctor;
  int persons;
} NvImportRow;

typedef struct
{
  NvImportKind kind;
  char *file_name; /* basename */
  NvCsvEncoding encoding;
  char delimiter;
  gboolean complete; /* FALSE: the file could not be read to its end */
  GPtrArray *rows;     /* NvImportRow, the first NV_IMPORT_PREVIEW_MAX_ROWS */
  GPtrArray *problems; /* NvImportProblem, the first NV_IMPORT_PREVIEW_MAX_PROBLEMS */
  guint n_problems;    /* all problems, also those beyond the cap */
  guint n_invalid_rows;
  NvImportCounts counts;
} NvImportPreview;

/* Reads and checks @path as nv_import_file() would, writing nothing.
 * Returns NULL only when the file cannot be opened or the database fails;
 * problems in the file are in ->problems. */
NvImportPreview *nv_import_preview_file (NvStore *store, NvImportKind kind, gint64 unit_id,
                                         const char *path, GError **error);
NvImportPreview *nv_import_preview_data (NvStore *store, NvImportKind kind, gint64 unit_id,
                                         const char *name, const void *data, gsize len,
                                         GError **error);
/* No problems: importing would succeed. */
gboolean nv_import_preview_ok (const NvImportPreview *preview);
void nv_import_preview_free (NvImportPreview *preview);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (NvImportPreview, nv_import_preview_free)

G_END_DECLS
