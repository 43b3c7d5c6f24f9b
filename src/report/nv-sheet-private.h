/* nv-sheet-private.h — what NvSheet holds, for nv-sheet.c and the .xlsx
 * writer nv-sheet-xlsx.c (which the app loads on demand, nv-module.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "nv-sheet.h"

G_BEGIN_DECLS

typedef enum
{
  CELL_VALUE,
  CELL_TEXT,
  CELL_MASKED,
} CellState;

typedef struct
{
  CellState state;
  double value;
  char *text;
} Cell;

typedef struct
{
  char *header;
  NvSheetKind kind;
} Column;

struct _NvSheet
{
  char *title;
  GArray *columns; /* Column */
  GPtrArray *rows; /* GArray of Cell */
  GPtrArray *notes;
};

G_END_DECLS
