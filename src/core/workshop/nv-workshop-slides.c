/* nv-workshop-slides.c — the run phase as a deck of slides.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-workshop"

#include "config.h"

#include "nv-faktor.h"
#include "nv-workshop-slides.h"

void
nv_slide_free (NvSlide *slide)
{
  if (slide == NULL)
    return;
  g_ptr_array_unref (slide->prompts);
  g_free (slide);
}

static NvSlide *
slide_new (NvSlideKind kind, const NvTemplateStep *step, int minutes)
{
  NvSlide *slide = g_new0 (NvSlide, 1);

  slide->kind = kind;
  slide->step = step;
  slide->minutes = minutes;
  slide->prompts = g_ptr_array_new_with_free_func (g_free);
  if (step != NULL && step->prompt != NULL)
    g_ptr_array_add (slide->prompts, g_strdup (step->prompt));
  return slide;
}

GPtrArray *
nv_workshop_slides (NvStore *store, gint64 id, GError **error)
{
  const NvWorkshopTemplate *tpl = nv_workshop_template (error);
  g_autoptr (GPtrArray) slides = NULL;
  g_autoptr (GPtrArray) own = NULL;
  g_auto (GStrv) themes = NULL;
  gboolean has_faktor;

  if (tpl == NULL)
    return NULL;
  themes = nv_workshop_themes (store, id, error);
  if (themes == NULL)
    return NULL;
  own = nv_workshop_prompts (store, id, error);
  if (own == NULL)
    return NULL;

  {
    g_autoptr (NvWorkshop) w = nv_workshop_get (store, id, error);
    g_autoptr (GArray) rounds = NULL;

    if (w == NULL)
      return NULL;
    rounds = nv_faktor_rounds (store, w->unit_id, FALSE, error);
    if (rounds == NULL)
      return NULL;
    has_faktor = rounds->len > 0;
  }
  slides = g_ptr_array_new_with_free_func ((GDestroyNotify) nv_slide_free);
  g_ptr_array_add (slides, slide_new (NV_SLIDE_WELCOME, NULL, 0));
  for (guint i = 0; i < tpl->steps->len; i++)
    {
      const NvTemplateStep *step = g_ptr_array_index (tpl->steps, i);
      guint n_themes = g_strv_length (themes);

      if (step->phase != NV_PHASE_RUN)
        continue;
      if (step->kind != NV_STEP_THEMES || n_themes == 0)
        {
          g_ptr_array_add (slides, slide_new (NV_SLIDE_STEP, step, step->minutes));
          /* The staff survey beside the figures: the same unit seen from within. */
          if (step->kind == NV_STEP_FIGURES && has_faktor)
            g_ptr_array_add (slides, slide_new (NV_SLIDE_FAKTOR, NULL, 0));
          continue;
        }
      /* Each theme gets the step's time: the rounds are the heart of it. */
      for (guint t = 0; t < n_themes; t++)
        {
          const NvTemplateTheme *theme = nv_workshop_template_find_theme (tpl, themes[t]);
          NvSlide *slide = slide_new (NV_SLIDE_THEME, step, step->minutes);

          slide->theme = theme;
          g_ptr_array_set_size (slide->prompts, 0);
          for (guint p = 0; p < theme->prompts->len; p++)
            g_ptr_array_add (slide->prompts, g_strdup (g_ptr_array_index (theme->prompts, p)));
          for (guint p = 0; p < own->len; p++)
            {
              NvWorkshopPrompt *prompt = g_ptr_array_index (own, p);
              if (g_strcmp0 (prompt->theme, theme->id) == 0)
                g_ptr_array_add (slide->prompts, g_strdup (prompt->text));
            }
          g_ptr_array_add (slides, slide);
        }
    }
  g_ptr_array_add (slides, slide_new (NV_SLIDE_CLOSING, NULL, 0));
  return g_steal_pointer (&slides);
}
