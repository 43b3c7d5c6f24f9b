/* nv-faktor.h — KS' 10-FAKTOR employee survey: rounds per unit, their
 * import, and the research view (a factor against sick leave across units).
 *
 * A ROUND is one survey of one unit: the survey's closing day, the number
 * of respondents and up to ten factor means on a 1–5 scale (a factor may be
 * missing: NAN). Rounds with fewer than NV_FAKTOR_MIN_RESPONDENTS are stored
 * (they are in the file HR sends) but never shown nor used: every reading
 * function below leaves them out unless it says otherwise.
 *
 * CSV (DESIGN §4 rules): `enhet|unit; dato|date; respondenter|respondents;`
 * then one column per factor (nv_faktor_factors(), Norwegian or English
 * header). Means 1.0–5.0 with decimal comma or point; an empty factor is
 * missing. All-or-nothing; errors name file, line and field. The same unit
 * and date twice in one file is an error; a round the database already has
 * (same unit and date) is replaced (a corrected file sent again).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "nv-calendar.h"
#include "nv-csv.h"
#include "nv-store.h"

G_BEGIN_DECLS

#define NV_FAKTOR_N 10
#define NV_FAKTOR_MIN_RESPONDENTS 3
#define NV_FAKTOR_MIN 1.0
#define NV_FAKTOR_MAX 5.0

typedef struct
{
  const char *id;    /* English id and CSV header: "mastery_climate" */
  const char *nb;    /* Norwegian CSV header: "mestringsklima" */
  const char *label; /* "Mastery climate", untranslated: use nv_faktor_factor_label */
} NvFaktorFactor;

/* The ten factors in KS' order. */
const NvFaktorFactor *nv_faktor_factors (void);
/* Index 0–9 of a factor by its English or Norwegian id (case-insensitive,
 * '-' and ' ' read as '_'); -1 when unknown. */
int nv_faktor_factor_index (const char *id);
/* The translated label of factor @index. */
const char *nv_faktor_factor_label (int index);

extern const NvCsvColumn nv_csv_faktor_columns[];

typedef struct
{
  gint64 id;
  gint64 unit_id;
  NvDay date; /* the survey's closing day */
  int respondents;
  double means[NV_FAKTOR_N]; /* NAN where the factor is missing */
} NvFaktorRound;

/* Is the round shown and used (respondents >= 3)? */
gboolean nv_faktor_round_usable (const NvFaktorRound *round);

/* Imports a 10-FAKTOR CSV file. @create_units: unknown units are created
 * (sector «annet») instead of being an error. @n_rounds receives the rows
 * stored, @n_replaced those that replaced a stored round. */
gboolean nv_faktor_import_file (NvStore *store, const char *path, gboolean create_units,
                                guint *n_rounds, guint *n_replaced, GError **error);
gboolean nv_faktor_import_data (NvStore *store, const char *name, const void *data, gsize len,
                                gboolean create_units, guint *n_rounds, guint *n_replaced,
                                GError **error);

/* Usable rounds of the unit, oldest first (element NvFaktorRound).
 * @include_unusable also returns rounds with fewer than 3 respondents. */
GArray *nv_faktor_rounds (NvStore *store, gint64 unit_id, gboolean include_unusable,
                          GError **error);

/* The municipality's mean of each factor: for each unit, its latest usable
 * round on or before @date (NV_DAY_NONE: any date) that has the factor; the
 * mean of those units' means (each unit counts once, as KS reports a
 * municipality's units side by side). NAN where no unit has the factor.
 * @n_units receives, per factor, the number of units behind the mean. */
gboolean nv_faktor_municipal_means (NvStore *store, NvDay date, double means[NV_FAKTOR_N],
                                    guint n_units[NV_FAKTOR_N], GError **error);

/* The indexes of the two lowest factors of @round (ties: KS' order);
 * -1 where the round has fewer factors. */
void nv_faktor_lowest_two (const NvFaktorRound *round, int lowest[2]);

/* Workshop themes (ids of nv_measure_theme_ids) for factor @index, from the
 * mapping shipped as data (faktor-themes.json). */
GStrv nv_faktor_themes_for_factor (int index);
/* The themes of the round's two lowest factors, lowest first, each once. */
GStrv nv_faktor_suggested_themes (const NvFaktorRound *round);

/* ---- Research ------------------------------------------------------------ */

typedef enum
{
  NV_RESEARCH_TOTAL,  /* egenmeldt + legemeldt */
  NV_RESEARCH_DOCTOR, /* legemeldt only */
} NvResearchMeasure;

typedef struct
{
  gint64 unit_id;
  char *unit_name;
  NvDay date;         /* the round's closing day */
  double factor_mean;
  NvDay from, to;     /* the four complete quarters ending on or before date */
  double percent;     /* Σ lost × 100 / Σ contracted over them (unrounded) */
  guint persons;      /* distinct persons over the four quarters */
} NvResearchPoint;

typedef struct
{
  int factor;         /* index */
  char *sector;
  NvResearchMeasure measure;
  GArray *points;     /* NvResearchPoint, by unit name */
  guint n;            /* = points->len */
  guint excluded;     /* units left out (see nv_research_compute) */
  guint excluded_persons;     /* of which: fewer than 5 persons */
  guint excluded_respondents; /* of which: fewer than 3 respondents */
  guint excluded_no_data;     /* of which: factor missing or no contracted days */
  /* NAN when n < 3 (and r when either variable does not vary). */
  double r, ci_low, ci_high, slope, intercept;
} NvResearch;

void nv_research_free (NvResearch *research);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (NvResearch, nv_research_free)

/* "totalt" / "legemeldt" */
gboolean nv_research_measure_parse (const char *text, NvResearchMeasure *measure);
const char *nv_research_measure_to_string (NvResearchMeasure measure);

/* Every unit of @sector that has a 10-FAKTOR round takes part with its
 * LATEST round (stored rounds included). It is left out, and counted in
 * ->excluded, when that round has fewer than 3 respondents, when the round
 * lacks the factor or no contracted days lie in the four quarters, or when
 * fewer than 5 persons were on its roster in those quarters. The figures:
 * least squares y = intercept + slope·x (x = factor mean, y = per cent),
 * Pearson r, and r's 95 % confidence interval by Fisher's z:
 * tanh (atanh r ± 1.959964 / √(n − 3)). */
NvResearch *nv_research_compute (NvStore *store, int factor, const char *sector,
                                 NvResearchMeasure measure, GError **error);

/* Pure: the figures of @research from its points (exposed for tests). */
void nv_research_fit (const double *x, const double *y, guint n, double *r, double *ci_low,
                      double *ci_high, double *slope, double *intercept);

/* Plain words for a leader: what the figures say and do not say (a link,
 * not a cause; too few units to tell). Translated; never empty. */
char *nv_research_describe (const NvResearch *research);

G_END_DECLS
