/* nv-workshop-slides.h — the slides shown in the room during a workshop.
 *
 * The run phase of the template becomes a deck: a welcome slide, one slide per
 * run step, the themed-rounds step split into one slide per theme switched on
 * (with the template's prompts and the leader's own), and a closing slide.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "nv-workshop.h"

G_BEGIN_DECLS

typedef enum
{
  NV_SLIDE_WELCOME, /* the workshop's title, unit and date */
  NV_SLIDE_STEP,    /* a run step (purpose, research, figures, prioritise, measures) */
  NV_SLIDE_THEME,   /* one round of the themes step */
  NV_SLIDE_CLOSING, /* the prioritised list and the agreed measures */
  NV_SLIDE_FAKTOR,  /* the unit's 10-FAKTOR profile, after the figures step, when the
                     * unit has a round with at least 3 respondents */
} NvSlideKind;

typedef struct
{
  NvSlideKind kind;
  const NvTemplateStep *step;   /* the run step (for THEME: the rounds step); NULL otherwise */
  const NvTemplateTheme *theme; /* for THEME */
  GPtrArray *prompts;           /* char *: the questions to show (template, then own) */
  int minutes;                  /* planned time; for a theme its share of the step */
} NvSlide;

void nv_slide_free (NvSlide *slide);

/* The deck for workshop @id; element type NvSlide. */
GPtrArray *nv_workshop_slides (NvStore *store, gint64 id, GError **error);

G_END_DECLS
