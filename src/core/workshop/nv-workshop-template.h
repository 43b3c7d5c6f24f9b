/* nv-workshop-template.h — the dialogue workshop's phases, steps and themes.
 *
 * The template is data (data/workshop-template.ui, shipped in the core
 * resource bundle and installed). Strings are translated when it is loaded.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define NV_TEMPLATE_ERROR (nv_template_error_quark ())

typedef enum
{
  NV_TEMPLATE_ERROR_MISSING,   /* the file is not there or cannot be read */
  NV_TEMPLATE_ERROR_MALFORMED, /* not well-formed XML or breaks the template's rules */
} NvTemplateError;

GQuark nv_template_error_quark (void);

typedef enum
{
  NV_PHASE_PREPARE,
  NV_PHASE_RUN,
  NV_PHASE_FOLLOW_UP,
  NV_N_PHASES
} NvPhase;

typedef enum
{
  NV_STEP_TASK,       /* a checklist item only */
  NV_STEP_PURPOSE,    /* the slides below are shown in the room */
  NV_STEP_RESEARCH,
  NV_STEP_FIGURES,
  NV_STEP_THEMES,
  NV_STEP_PRIORITISE,
  NV_STEP_MEASURES,
} NvStepKind;

typedef struct
{
  char *id;
  NvPhase phase;
  NvStepKind kind;
  int minutes;      /* planned time in the room; 0 for tasks */
  char *title;
  char *body;
  char *prompt;     /* may be NULL */
  char *presenter;  /* may be NULL */
  GPtrArray *points; /* char *, may be empty */
} NvTemplateStep;

typedef struct
{
  char *id;
  char *title;
  char *statement;
  GPtrArray *prompts; /* char * */
} NvTemplateTheme;

typedef struct
{
  char *phase_titles[NV_N_PHASES];
  char *phase_bodies[NV_N_PHASES];
  GPtrArray *steps;  /* NvTemplateStep *, in order: prepare, run, follow up */
  GPtrArray *themes; /* NvTemplateTheme * */
} NvWorkshopTemplate;

void nv_workshop_template_free (NvWorkshopTemplate *tpl);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (NvWorkshopTemplate, nv_workshop_template_free)

/* The template that ships with the app (from the resource bundle). */
NvWorkshopTemplate *nv_workshop_template_load_default (GError **error);
NvWorkshopTemplate *nv_workshop_template_load_file (const char *path, GError **error);
/* @name is used in error messages. */
NvWorkshopTemplate *nv_workshop_template_load_data (const char *data, gssize len,
                                                    const char *name, GError **error);

const NvTemplateStep *nv_workshop_template_find_step (const NvWorkshopTemplate *tpl,
                                                       const char *id);
const NvTemplateTheme *nv_workshop_template_find_theme (const NvWorkshopTemplate *tpl,
                                                         const char *id);
const char *nv_phase_id (NvPhase phase);

G_END_DECLS
