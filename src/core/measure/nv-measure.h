/* nv-measure.h — measures («tiltak»): what a unit does about absence.
 *
 * A measure belongs to a unit and has a title, a description, a theme (the
 * workshop themes of DESIGN §7 or "other"), an owner (a role or a
 * pseudonym — never a national id number), a start day, an optional
 * deadline, a status, dated notes (evaluations and status-change notes) and
 * an optional link to the workshop that produced it.
 *
 * Status transitions (enforced here, so UI, CLI and demo share them):
 *
 *   planned      → in-progress | discontinued
 *   in-progress  → done | discontinued
 *   done         → in-progress          (reopen: needs a note)
 *   discontinued → in-progress          (reopen: needs a note)
 *
 * Everything else (planned → done, back to planned, done ↔ discontinued,
 * a status to itself) is refused with NV_STORE_ERROR_INVALID and a message
 * that names both statuses.
 *
 * Overdue: status planned or in-progress, a deadline, and as-of > deadline
 * (the deadline day itself is not overdue).
 *
 * Days are NvDay (nv-calendar.h); NV_DAY_NONE means "not set".
 * Every write emits NvStore::changed with detail "measures".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "nv-calendar.h"
#include "nv-store.h"

G_BEGIN_DECLS

/* ---- Status ------------------------------------------------------------ */

typedef enum
{
  NV_MEASURE_PLANNED,
  NV_MEASURE_IN_PROGRESS,
  NV_MEASURE_DONE,
  NV_MEASURE_DISCONTINUED,
} NvMeasureStatus;

#define NV_MEASURE_N_STATUSES 4

/* "planned", "in-progress", "done", "discontinued" (CLI/JSON/CSV ids). */
const char *nv_measure_status_id (NvMeasureStatus status);
/* Accepts the ids above; FALSE for anything else. */
gboolean nv_measure_status_parse (const char *text, NvMeasureStatus *status);
/* Translated label: "Planned", "In progress", "Done", "Discontinued". */
const char *nv_measure_status_label (NvMeasureStatus status);

/* TRUE when @from → @to is allowed. *@needs_note (nullable) is set to TRUE
 * for the reopening transitions, which need a note. */
gboolean nv_measure_transition_allowed (NvMeasureStatus from, NvMeasureStatus to,
                                        gboolean *needs_note);
/* Sets @error with a message naming @from and @to when @from → @to is not
 * allowed, or when it needs a note and @note is NULL/blank. */
gboolean nv_measure_check_transition (NvMeasureStatus from, NvMeasureStatus to, const char *note,
                                      GError **error);

/* ---- Themes ------------------------------------------------------------ */

/* The stable theme ids, in the order of DESIGN §7, then "other":
 * "leadership", "mastery-climate", "open-talk", "presence-expectations",
 * "absent-follow-up", "work-organisation", "competence-quality",
 * "initiative", "other". NULL-terminated. */
const char *const *nv_measure_theme_ids (void);
gboolean nv_measure_theme_is_valid (const char *theme);
/* Translated label ("Leadership that sees and involves", …); "Other" for
 * unknown ids. */
const char *nv_measure_theme_label (const char *theme);

/* ---- Measures ---------------------------------------------------------- */

typedef struct
{
  gint64 id;
  gint64 unit_id;
  char *title;          /* never empty */
  char *description;    /* "" when none */
  char *theme;          /* a theme id, "other" when none was chosen */
  char *owner;          /* "" when none: a role («Verneombud») or a pseudonym */
  NvDay start;          /* always set (defaults to the day it was added) */
  NvDay deadline;       /* NV_DAY_NONE when none */
  NvMeasureStatus status;
  NvDay status_day;     /* day of the last status change (= start when never changed) */
  gint64 workshop_id;   /* 0 when not linked to a workshop */
  guint n_notes;        /* evaluation notes (not status-change notes) */
  gint64 row_version;   /* raised by every change of the row; 0: not known */
} NvMeasure;

NvMeasure *nv_measure_new (void);
NvMeasure *nv_measure_copy (const NvMeasure *measure);
void nv_measure_free (NvMeasure *measure);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (NvMeasure, nv_measure_free)

/* Status planned/in-progress, a deadline, and @as_of after it. */
gboolean nv_measure_is_overdue (const NvMeasure *measure, NvDay as_of);
/* Days past the deadline on @as_of (0 when not overdue). */
guint nv_measure_days_overdue (const NvMeasure *measure, NvDay as_of);

/* The fields a form validates, so a dialog can put the error next to one. */
typedef enum
{
  NV_MEASURE_FIELD_NONE,
  NV_MEASURE_FIELD_TITLE,
  NV_MEASURE_FIELD_DESCRIPTION,
  NV_MEASURE_FIELD_THEME,
  NV_MEASURE_FIELD_OWNER,
  NV_MEASURE_FIELD_START,
  NV_MEASURE_FIELD_DEADLINE,
  NV_MEASURE_FIELD_WORKSHOP,
} NvMeasureField;

/* TRUE when @text contains 11 digits in a row (optionally written 6+5 with
 * one space, dot or dash between): what a Norwegian national id number
 * (fødselsnummer) looks like. Such text is refused as an owner. */
gboolean nv_text_looks_like_national_id (const char *text);

/* Checks the fields of @fields that a user enters (title, description,
 * theme, owner, start, deadline, workshop_id; id/unit_id/status ignored).
 * Title: 1–120 characters after trimming. Owner: ≤ 80, not an id number.
 * Deadline not before start. Workshop must exist in the same unit (when
 * non-zero). On failure *@field (nullable) names the field. */
gboolean nv_measure_validate (NvStore *store, gint64 unit_id, const NvMeasure *fields,
                              NvMeasureField *field, GError **error);

/* Adds a measure to @unit_id with status planned. From @fields: title,
 * description (NULL = ""), theme (NULL/"" = "other"), owner (NULL = ""),
 * start (NV_DAY_NONE = today), deadline, workshop_id (0 = none).
 * Returns the new id, 0 on error (nothing stored). */
gint64 nv_measure_add (NvStore *store, gint64 unit_id, const NvMeasure *fields, GError **error);
/* Rewrites the user-entered fields (as for add) of measure @id; the status
 * and notes are kept. With @fields->row_version set (the version the form
 * read), a measure someone else changed since is left as it is:
 * NV_STORE_ERROR_CONFLICT. */
gboolean nv_measure_update (NvStore *store, gint64 id, const NvMeasure *fields, GError **error);
gboolean nv_measure_delete (NvStore *store, gint64 id, GError **error);
NvMeasure *nv_measure_get (NvStore *store, gint64 id, GError **error);

/* Moves measure @id to @status on @day (NV_DAY_NONE = today), refusing
 * forbidden transitions (see top). A non-blank @note is kept as a
 * status-change note; reopening requires one. */
gboolean nv_measure_set_status (NvStore *store, gint64 id, NvMeasureStatus status,
                                const char *note, NvDay day, GError **error);

/* ---- Notes (evaluation and status history) ------------------------------ */

typedef struct
{
  gint64 id;
  gint64 measure_id;
  NvDay day;
  char *text;
  /* For a status-change note: the transition; both -1 for an evaluation note. */
  int from_status;
  int to_status;
} NvMeasureNote;

void nv_measure_note_free (NvMeasureNote *note);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (NvMeasureNote, nv_measure_note_free)

/* Adds an evaluation note (effect seen, what was learnt) dated @day
 * (NV_DAY_NONE = today). @text must not be blank (≤ 2000 characters).
 * Returns the note id, 0 on error. */
gint64 nv_measure_add_note (NvStore *store, gint64 measure_id, NvDay day, const char *text,
                            GError **error);
gboolean nv_measure_delete_note (NvStore *store, gint64 note_id, GError **error);
/* All notes of a measure, oldest first (status-change notes included);
 * element type NvMeasureNote. */
GPtrArray *nv_measure_list_notes (NvStore *store, gint64 measure_id, GError **error);

/* ---- Listing ----------------------------------------------------------- */

typedef enum
{
  NV_MEASURE_SORT_DEADLINE, /* soonest first; no deadline last; then title */
  NV_MEASURE_SORT_START,    /* earliest first; then title */
  NV_MEASURE_SORT_TITLE,    /* alphabetical, case-insensitive */
  NV_MEASURE_SORT_STATUS,   /* planned, in progress, done, discontinued; then deadline */
  NV_MEASURE_SORT_THEME,    /* theme order of nv_measure_theme_ids (); then deadline */
  NV_MEASURE_SORT_OWNER,    /* alphabetical; no owner last; then deadline */
  NV_MEASURE_SORT_ATTENTION, /* what needs the leader first: overdue (longest first), in
                              * progress and planned by deadline, then done and
                              * discontinued, most recently closed first */
} NvMeasureSort;

typedef struct
{
  guint status_mask;     /* bits (1 << NvMeasureStatus); 0 = every status */
  const char *theme;     /* a theme id; NULL or "" = every theme */
  gboolean overdue_only; /* only measures overdue on @as_of */
  const char *search;    /* case-insensitive words, all must occur in title,
                          * description, owner or a note; NULL/"" = no search */
  gint64 workshop_id;    /* 0 = any */
  NvMeasureSort sort;
  gboolean descending;
  NvDay as_of;           /* for overdue; NV_DAY_NONE = today */
} NvMeasureQuery;

/* Every status, every theme, no search, sorted by deadline, as of today. */
void nv_measure_query_init (NvMeasureQuery *query);

/* The unit's measures that match @query (NULL = all, by deadline);
 * element type NvMeasure. */
GPtrArray *nv_measure_list (NvStore *store, gint64 unit_id, const NvMeasureQuery *query,
                            GError **error);
/* The unit's measures sorted by start day (for chart markers: start, title,
 * status); element type NvMeasure. */
GPtrArray *nv_measure_list_by_start (NvStore *store, gint64 unit_id, GError **error);
/* Measures agreed at workshop @workshop_id, in the order they were added
 * (for the poster: title = what, owner = who, deadline = by when);
 * element type NvMeasure. */
GPtrArray *nv_measure_list_for_workshop (NvStore *store, gint64 workshop_id, GError **error);

/* ---- Effect: the unit's absence before and after the start ------------- */

#define NV_MEASURE_EFFECT_QUARTERS 4

typedef struct
{
  /* Whole quarters around the quarter the measure started in: up to four
   * before it, the start quarter itself, and up to four after it that have
   * ended on the as-of date. Element type NvStatsPeriod (nv-stats.h). */
  GArray *quarters;
  int start_index;  /* index of the start quarter in @quarters; -1 when it has not ended */
  guint n_before;   /* quarters before the start quarter (0–4) */
  guint n_after;    /* ended quarters after the start quarter (0–4) */
  /* Σ lost / Σ contracted over those quarters (nv_stats_combine); only
   * meaningful when n_before / n_after > 0. */
  double before_percent;
  double after_percent;
  gboolean before_masked; /* fewer than 5 persons: masked outside the leader's screen */
  gboolean after_masked;
  gboolean before_has_data; /* contracted days > 0 */
  gboolean after_has_data;
} NvMeasureEffect;

void nv_measure_effect_clear (NvMeasureEffect *effect);
/* Computes the effect window of @measure from the unit's statistics as of
 * @as_of (NV_DAY_NONE = today). */
gboolean nv_measure_effect_compute (NvStore *store, const NvMeasure *measure, NvDay as_of,
                                    NvMeasureEffect *effect, GError **error);

/* ---- Export ------------------------------------------------------------ */

/* Writes the unit's measures (all, sorted by deadline) to @path as CSV the
 * way DESIGN §4 says exports are written (`;`, decimal comma, UTF-8 BOM,
 * RFC 4180 quoting); one row per measure with its fields, overdue state as
 * of @as_of (NV_DAY_NONE = today) and the unit's absence before/after the
 * start (masked figures left empty). The columns are listed in
 * nv-measure-export.c. Nothing is left behind on failure. */
gboolean nv_measure_export_csv (NvStore *store, gint64 unit_id, const char *path, NvDay as_of,
                                guint *n_rows, GError **error);
/* The same CSV as text (BOM included), for standard output; NULL on error. */
char *nv_measure_export_csv_string (NvStore *store, gint64 unit_id, NvDay as_of, gsize *len,
                                    GError **error);

/* ---- Demo -------------------------------------------------------------- */

/* Adds a realistic set of measures to demo unit @unit_id (some done with
 * evaluations, some in progress, one overdue, one discontinued with a note),
 * dated relative to @today. @variant (e.g. the unit's index) varies the set.
 * Runs inside the caller's transaction when one is open. */
gboolean nv_measure_demo_fill (NvStore *store, gint64 unit_id, guint variant, NvDay today,
                               GError **error);

G_END_DECLS
