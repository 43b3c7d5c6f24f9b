/* nv-sheet.h — tables out of the GUI, for spreadsheets: CSV (`;`,
 * decimal comma, UTF-8 BOM; DESIGN §4) or an Excel workbook (.xlsx, with
 * libxlsxwriter) where numbers stay numbers with Norwegian number formats.
 *
 * Masked: a cell of a quarter with fewer than five persons is left empty
 * — in the workbook it carries a comment saying why — since these files
 * leave the leader's screen. Percentages are percent points, unrounded
 * (7.4 means 7,4 %); the workbook shows them with one decimal.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "nv-compare.h"
#include "nv-municipal.h"
#include "nv-store.h"

G_BEGIN_DECLS

typedef enum
{
  NV_SHEET_TEXT,
  NV_SHEET_COUNT,    /* whole number */
  NV_SHEET_DAYS,     /* dagsverk, one decimal shown */
  NV_SHEET_PERCENT,  /* percent points, one decimal shown, « %» */
  NV_SHEET_DECIMAL2, /* two decimals (årsverk) */
  NV_SHEET_NOK,      /* kroner, whole, « kr» */
} NvSheetKind;

typedef struct _NvSheet NvSheet;

NvSheet *nv_sheet_new (const char *title);
void nv_sheet_free (NvSheet *table);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (NvSheet, nv_sheet_free)

void nv_sheet_add_column (NvSheet *table, const char *header, NvSheetKind kind);
void nv_sheet_begin_row (NvSheet *table);
void nv_sheet_add_text (NvSheet *table, const char *text);
void nv_sheet_add_value (NvSheet *table, double value); /* NAN: not available, empty */
void nv_sheet_add_masked (NvSheet *table);              /* hidden: fewer than 5 persons */
/* A line printed under the table in the workbook (the CSV has none). */
void nv_sheet_add_note (NvSheet *table, const char *note);

guint nv_sheet_get_n_rows (const NvSheet *table);

/* Written the way exports are (private temp file 0600, renamed when done). */
gboolean nv_sheet_write_csv (const NvSheet *table, const char *path, GError **error);
gboolean nv_sheet_write_xlsx (const NvSheet *table, const char *path, GError **error);
/* By @path's extension: .csv or .xlsx (anything else is an error). */
gboolean nv_sheet_write (const NvSheet *table, const char *path, GError **error);

/* The Overview's quarter table: the running quarter and the four before
 * it, one row per quarter. */
NvSheet *nv_sheet_for_overview (NvStore *store, gint64 unit_id, NvDay as_of, double nok_per_day,
                                GError **error);
/* The Compare page's table: one row per quarter, the unit and each series. */
NvSheet *nv_sheet_for_compare (const NvCompare *compare);

/* The municipal overview: one row per unit (nv-municipal.h). */
NvSheet *nv_sheet_for_municipal (const NvMunicipal *municipal);

G_END_DECLS
