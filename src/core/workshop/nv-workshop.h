/* nv-workshop.h — dialogue workshops: checklist, notes, themes, ideas, votes,
 * agreed measures, follow-up and evaluation (DESIGN §7).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "nv-store.h"
#include "nv-workshop-template.h"

G_BEGIN_DECLS

/* Derived from the checklist: the last phase whose steps are all ticked. */
typedef enum
{
  NV_WORKSHOP_PLANNED,
  NV_WORKSHOP_PREPARED,
  NV_WORKSHOP_HELD,
  NV_WORKSHOP_FOLLOWED_UP,
} NvWorkshopState;

typedef enum
{
  NV_ROLE_LEADER = 1 << 0,
  NV_ROLE_UNION_REP = 1 << 1,   /* tillitsvalgt */
  NV_ROLE_SAFETY_REP = 1 << 2,  /* verneombud */
  NV_ROLE_NAV_ADVISER = 1 << 3, /* NAV arbeidslivssenter */
} NvWorkshopRoles;

typedef struct
{
  gint64 id;
  gint64 unit_id;
  char *date;          /* YYYY-MM-DD */
  char *title;         /* may be "": see nv_workshop_display_title() */
  guint roles;         /* NvWorkshopRoles present */
  int staff;           /* number of staff taking part */
  char *followup_date; /* YYYY-MM-DD or NULL */
  char *evaluation;    /* "" when none yet */
  NvWorkshopState state;
  int n_steps;         /* checklist size and how many are ticked */
  int n_ticked;
  gint64 row_version;  /* as read; raised by every saved change */
} NvWorkshop;

typedef struct
{
  const NvTemplateStep *step; /* owned by the template */
  char *ticked;               /* UTC "YYYY-MM-DDTHH:MM:SSZ" or NULL */
  char *note;                 /* "" when none */
} NvWorkshopStep;

typedef struct
{
  gint64 id;
  char *theme;
  char *text;
} NvWorkshopPrompt;

typedef struct
{
  gint64 id;
  char *text;
  char *theme; /* "" when not tied to a theme */
  int position;
  int votes;
} NvWorkshopIdea;


void nv_workshop_free (NvWorkshop *workshop);
void nv_workshop_step_free (NvWorkshopStep *step);
void nv_workshop_prompt_free (NvWorkshopPrompt *prompt);
void nv_workshop_idea_free (NvWorkshopIdea *idea);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (NvWorkshop, nv_workshop_free)

/* The template the app ships, loaded once (translated then). */
const NvWorkshopTemplate *nv_workshop_template (GError **error);

const char *nv_workshop_state_id (NvWorkshopState state);    /* "planned", … */
const char *nv_workshop_state_label (NvWorkshopState state); /* translated */
/* The title, or "Dialogue workshop" when none was given. */
const char *nv_workshop_display_title (const NvWorkshop *workshop);
/* Checks a YYYY-MM-DD date that exists; @field names the form field. */
gboolean nv_workshop_check_date (const char *date, const char *field, GError **error);

gint64 nv_workshop_add (NvStore *store, gint64 unit_id, const char *date, const char *title,
                        GError **error);
/* Saves date, title, roles, staff, follow-up date and evaluation. With a
 * row version (as read by nv_workshop_get()) the save is refused
 * (NV_STORE_ERROR_CONFLICT: «changed by someone else — reload») when the
 * workshop was saved since; on success @workshop's version becomes the new
 * one. Row version 0 saves over any version. */
gboolean nv_workshop_update (NvStore *store, NvWorkshop *workshop, GError **error);
gboolean nv_workshop_delete (NvStore *store, gint64 id, GError **error);
NvWorkshop *nv_workshop_get (NvStore *store, gint64 id, GError **error);
/* The unit's workshops, newest first; element type NvWorkshop. */
GPtrArray *nv_workshop_list (NvStore *store, gint64 unit_id, GError **error);

/* Checklist: every template step, in order; element type NvWorkshopStep. */
GPtrArray *nv_workshop_steps (NvStore *store, gint64 id, GError **error);
/* Ticks (at @when, or now when NULL) or unticks a step. */
gboolean nv_workshop_tick (NvStore *store, gint64 id, const char *step_id, gboolean ticked,
                           GDateTime *when, GError **error);
gboolean nv_workshop_set_note (NvStore *store, gint64 id, const char *step_id, const char *note,
                               GError **error);

/* Themes switched on, in template order (a new workshop gets the first three). */
GStrv nv_workshop_themes (NvStore *store, gint64 id, GError **error);
gboolean nv_workshop_set_theme (NvStore *store, gint64 id, const char *theme_id,
                                gboolean enabled, GError **error);
gint64 nv_workshop_add_prompt (NvStore *store, gint64 id, const char *theme_id, const char *text,
                               GError **error);
gboolean nv_workshop_remove_prompt (NvStore *store, gint64 prompt_id, GError **error);
/* Element type NvWorkshopPrompt, in the order they were added. */
GPtrArray *nv_workshop_prompts (NvStore *store, gint64 id, GError **error);

/* Ideas: @theme_id may be NULL. */
gint64 nv_workshop_add_idea (NvStore *store, gint64 id, const char *text, const char *theme_id,
                             GError **error);
gboolean nv_workshop_remove_idea (NvStore *store, gint64 idea_id, GError **error);
/* Adds @delta (+1 or −1) votes; never goes below zero. */
gboolean nv_workshop_vote (NvStore *store, gint64 idea_id, int delta, GError **error);
/* Element type NvWorkshopIdea; @by_votes: most votes first (ties in the order
 * captured), otherwise in the order captured. */
GPtrArray *nv_workshop_ideas (NvStore *store, gint64 id, gboolean by_votes, GError **error);

/* Agreed measures (what, who, by when) go into the measures register
 * (nv-measure.h), linked to the workshop, starting on the workshop's date.
 * @who, @deadline (YYYY-MM-DD, not before the workshop) and @theme_id may be
 * NULL. Returns the measure's id. Remove one with nv_measure_delete(). */
gint64 nv_workshop_agree_measure (NvStore *store, gint64 id, const char *what, const char *who,
                                  const char *deadline, const char *theme_id, GError **error);
/* The measures agreed at the workshop; element type NvMeasure. */
GPtrArray *nv_workshop_measures (NvStore *store, gint64 id, GError **error);

/* Demo content (nv-workshop-demo.c): variant 0 gets a held workshop with
 * ideas, votes and agreed measures about four months before @today (an
 * NvDay), variant 1 a planned one three weeks ahead, others nothing. Runs
 * inside the caller's transaction. */
gboolean nv_workshop_demo_fill (NvStore *store, gint64 unit_id, guint variant, guint32 today,
                                GError **error);

G_END_DECLS
