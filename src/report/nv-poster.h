/* nv-poster.h — the «NED med sykefraværet hos [enhet]» poster (PDF).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "nv-printable.h"
#include "nv-store.h"

G_BEGIN_DECLS

typedef enum
{
  NV_PAPER_A4,
  NV_PAPER_A3,
} NvPaperSize;

/* "a4" / "a3"; FALSE for anything else. */
gboolean nv_paper_size_parse (const char *text, NvPaperSize *size);

typedef struct
{
  char *what;
  char *who;      /* may be "" */
  char *deadline; /* as printed, e.g. "01.06.2025"; may be "" */
} NvPosterMeasure;

typedef struct
{
  char *unit_name;
  char *date;          /* the workshop's date as printed */
  char *followup_date; /* as printed, or NULL */
  GPtrArray *measures; /* NvPosterMeasure */
} NvPosterContent;

NvPosterContent *nv_poster_content_new (void);
void nv_poster_content_free (NvPosterContent *content);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (NvPosterContent, nv_poster_content_free)
void nv_poster_content_add (NvPosterContent *content, const char *what, const char *who,
                            const char *deadline);

/* What goes on the poster of workshop @workshop_id: its unit, date and the
 * measures agreed there (from the measures register). */
NvPosterContent *nv_poster_content_for_workshop (NvStore *store, gint64 workshop_id,
                                                 GError **error);

/* The poster as a printable (one page of @size); copies @content. */
#define NV_TYPE_POSTER (nv_poster_get_type ())
G_DECLARE_FINAL_TYPE (NvPoster, nv_poster, NV, POSTER, GObject)
NvPoster *nv_poster_new (const NvPosterContent *content, NvPaperSize size);

/* Writes a one-page PDF to @path (replaced only when complete). */
gboolean nv_poster_write (const NvPosterContent *content, NvPaperSize size, const char *path,
                          GError **error);

/* "25.03.2025" from "2025-03-25"; a copy of @iso if it is not such a date. */
char *nv_poster_format_date (const char *iso);

G_END_DECLS
