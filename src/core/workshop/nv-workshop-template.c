/* nv-workshop-template.c — load the workshop template with GMarkup.
 *
 * The file is GtkBuilder-shaped only so that xgettext extracts its strings;
 * GTK never sees it. Each translatable text is looked up with g_dgettext
 * (or g_dpgettext2 when it carries a context) as it is read, before its
 * whitespace is tidied, so the msgid matches what xgettext wrote.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-workshop-template"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "nv-core-resources.h"
#include "nv-file-guard.h"
#include "nv-workshop-template.h"

#define TEMPLATE_RESOURCE "/io/github/naervaer/Naervaer/core/workshop-template.ui"

G_DEFINE_QUARK (nv-template-error-quark, nv_template_error)

static const char *const phase_ids[NV_N_PHASES] = { "prepare", "run", "follow-up" };
static const char *const kind_ids[] = { "task", "purpose", "research", "figures",
                                        "themes", "prioritise", "measures", NULL };

typedef enum
{
  IN_NONE,
  IN_INTERFACE,
  IN_PHASE,
  IN_STEP,
  IN_THEME,
  IN_PROPERTY,
} Where;

typedef struct
{
  NvWorkshopTemplate *tpl;
  const char *name;
  Where where;
  Where property_parent;
  int phase;       /* current phase, -1 before the first */
  int phases_seen; /* how many phase elements so far */
  NvTemplateStep *step;
  NvTemplateTheme *theme;
  char *property;
  char *context;
  gboolean translatable;
  GString *text;
  GHashTable *ids;
} Parser;

const char *
nv_phase_id (NvPhase phase)
{
  g_return_val_if_fail (phase < NV_N_PHASES, NULL);
  return phase_ids[phase];
}

static void
step_free (NvTemplateStep *step)
{
  g_free (step->id);
  g_free (step->title);
  g_free (step->body);
  g_free (step->prompt);
  g_free (step->presenter);
  g_ptr_array_unref (step->points);
  g_free (step);
}

static void
theme_free (NvTemplateTheme *theme)
{
  g_free (theme->id);
  g_free (theme->title);
  g_free (theme->statement);
  g_ptr_array_unref (theme->prompts);
  g_free (theme);
}

void
nv_workshop_template_free (NvWorkshopTemplate *tpl)
{
  if (tpl == NULL)
    return;
  for (int i = 0; i < NV_N_PHASES; i++)
    {
      g_free (tpl->phase_titles[i]);
      g_free (tpl->phase_bodies[i]);
    }
  g_ptr_array_unref (tpl->steps);
  g_ptr_array_unref (tpl->themes);
  g_free (tpl);
}

/* GMarkup has already read the newline after a tag when it calls us back;
 * the tag itself is on the line before. */
static int
current_line (GMarkupParseContext *context)
{
  int line = 0, column = 0;

  g_markup_parse_context_get_position (context, &line, &column);
  return column <= 1 && line > 1 ? line - 1 : line;
}

static gboolean
fail (GMarkupParseContext *context, Parser *p, GError **error, const char *format, ...)
  G_GNUC_PRINTF (4, 5);

static gboolean
fail (GMarkupParseContext *context, Parser *p, GError **error, const char *format, ...)
{
  g_autofree char *what = NULL;
  va_list args;
  int line = 0;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);
  line = current_line (context);
  g_set_error (error, NV_TEMPLATE_ERROR, NV_TEMPLATE_ERROR_MALFORMED,
               _("The workshop template “%s” is damaged at line %d: %s"), p->name, line, what);
  return FALSE;
}

/* Collapses runs of whitespace to one space and trims. */
static char *
tidy (const char *text)
{
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *s = text; *s != '\0'; s++)
    {
      if (g_ascii_isspace (*s))
        space = out->len > 0;
      else
        {
          if (space)
            g_string_append_c (out, ' ');
          space = FALSE;
          g_string_append_c (out, *s);
        }
    }
  return g_string_free (out, FALSE);
}

static gboolean
valid_id (const char *id)
{
  if (id == NULL || *id == '\0')
    return FALSE;
  for (const char *s = id; *s != '\0'; s++)
    if (!g_ascii_isalnum (*s) && *s != '-')
      return FALSE;
  return TRUE;
}

static void
start_element (GMarkupParseContext *context, const char *element, const char **names,
               const char **values, gpointer user_data, GError **error)
{
  Parser *p = user_data;

  if (p->where == IN_NONE)
    {
      if (strcmp (element, "interface") != 0)
        {
          fail (context, p, error, _("the root element must be <interface>, not <%s>"), element);
          return;
        }
      p->where = IN_INTERFACE;
      return;
    }

  if (strcmp (element, "property") == 0)
    {
      const char *name = NULL, *translatable = NULL, *ctx = NULL, *comments = NULL;

      if (p->where != IN_PHASE && p->where != IN_STEP && p->where != IN_THEME)
        {
          fail (context, p, error, "%s", _("<property> must be inside <phase>, <step> or <theme>"));
          return;
        }
      if (!g_markup_collect_attributes (element, names, values, error,
                                        G_MARKUP_COLLECT_STRING, "name", &name,
                                        G_MARKUP_COLLECT_STRING | G_MARKUP_COLLECT_OPTIONAL,
                                        "translatable", &translatable,
                                        G_MARKUP_COLLECT_STRING | G_MARKUP_COLLECT_OPTIONAL,
                                        "context", &ctx,
                                        G_MARKUP_COLLECT_STRING | G_MARKUP_COLLECT_OPTIONAL,
                                        "comments", &comments,
                                        G_MARKUP_COLLECT_INVALID))
        {
          int line = current_line (context);
          g_prefix_error (error, _("The workshop template “%s” is damaged at line %d: "),
                          p->name, line);
          (*error)->domain = NV_TEMPLATE_ERROR;
          (*error)->code = NV_TEMPLATE_ERROR_MALFORMED;
          return;
        }
      p->property_parent = p->where;
      p->where = IN_PROPERTY;
      p->property = g_strdup (name);
      p->context = g_strdup (ctx);
      p->translatable = g_strcmp0 (translatable, "yes") == 0 ||
                        g_strcmp0 (translatable, "true") == 0 ||
                        g_strcmp0 (translatable, "1") == 0;
      g_string_truncate (p->text, 0);
      return;
    }

  if (strcmp (element, "phase") == 0 && p->where == IN_INTERFACE)
    {
      const char *id = NULL;

      if (!g_markup_collect_attributes (element, names, values, NULL, G_MARKUP_COLLECT_STRING,
                                        "id", &id, G_MARKUP_COLLECT_INVALID))
        {
          fail (context, p, error, "%s", _("a <phase> needs an id and nothing else"));
          return;
        }
      if (p->phases_seen >= NV_N_PHASES || strcmp (id, phase_ids[p->phases_seen]) != 0)
        {
          fail (context, p, error, _("phase “%s” is out of order (expected prepare, run, follow-up)"),
                id);
          return;
        }
      if (p->tpl->themes->len > 0)
        {
          fail (context, p, error, "%s", _("phases must come before themes"));
          return;
        }
      p->phase = p->phases_seen++;
      p->where = IN_PHASE;
      return;
    }

  if (strcmp (element, "step") == 0 && p->where == IN_PHASE)
    {
      const char *id = NULL, *kind = NULL, *minutes = NULL;
      guint64 m = 0;

      if (!g_markup_collect_attributes (element, names, values, NULL, G_MARKUP_COLLECT_STRING,
                                        "id", &id, G_MARKUP_COLLECT_STRING, "kind", &kind,
                                        G_MARKUP_COLLECT_STRING | G_MARKUP_COLLECT_OPTIONAL,
                                        "minutes", &minutes, G_MARKUP_COLLECT_INVALID))
        {
          fail (context, p, error, "%s", _("a <step> needs an id and a kind"));
          return;
        }
      if (!valid_id (id) || g_hash_table_contains (p->ids, id))
        {
          fail (context, p, error, _("step id “%s” is empty, not plain or used twice"), id);
          return;
        }
      if (!g_strv_contains (kind_ids, kind))
        {
          fail (context, p, error, _("unknown step kind “%s”"), kind);
          return;
        }
      if (minutes != NULL && (!g_ascii_string_to_unsigned (minutes, 10, 1, 240, &m, NULL)))
        {
          fail (context, p, error, _("minutes “%s” is not a number from 1 to 240"), minutes);
          return;
        }
      p->step = g_new0 (NvTemplateStep, 1);
      p->step->id = g_strdup (id);
      p->step->phase = p->phase;
      for (int i = 0; kind_ids[i] != NULL; i++)
        if (strcmp (kind, kind_ids[i]) == 0)
          p->step->kind = i;
      p->step->minutes = (int) m;
      p->step->points = g_ptr_array_new_with_free_func (g_free);
      g_hash_table_add (p->ids, g_strdup (id));
      g_ptr_array_add (p->tpl->steps, p->step);
      p->where = IN_STEP;
      return;
    }

  if (strcmp (element, "theme") == 0 && p->where == IN_INTERFACE)
    {
      const char *id = NULL;

      if (!g_markup_collect_attributes (element, names, values, NULL, G_MARKUP_COLLECT_STRING,
                                        "id", &id, G_MARKUP_COLLECT_INVALID) ||
          !valid_id (id) || g_hash_table_contains (p->ids, id))
        {
          fail (context, p, error, "%s", _("a <theme> needs a plain id of its own"));
          return;
        }
      p->theme = g_new0 (NvTemplateTheme, 1);
      p->theme->id = g_strdup (id);
      p->theme->prompts = g_ptr_array_new_with_free_func (g_free);
      g_hash_table_add (p->ids, g_strdup (id));
      g_ptr_array_add (p->tpl->themes, p->theme);
      p->where = IN_THEME;
      return;
    }

  fail (context, p, error, _("unexpected element <%s>"), element);
}

static gboolean
store_property (GMarkupParseContext *context, Parser *p, char *value, GError **error)
{
  const char *name = p->property;
  char **slot = NULL;
  GPtrArray *list = NULL;

  switch (p->property_parent)
    {
    case IN_PHASE:
      if (strcmp (name, "title") == 0)
        slot = &p->tpl->phase_titles[p->phase];
      else if (strcmp (name, "body") == 0)
        slot = &p->tpl->phase_bodies[p->phase];
      break;
    case IN_STEP:
      if (strcmp (name, "title") == 0)
        slot = &p->step->title;
      else if (strcmp (name, "body") == 0)
        slot = &p->step->body;
      else if (strcmp (name, "prompt") == 0)
        slot = &p->step->prompt;
      else if (strcmp (name, "presenter") == 0)
        slot = &p->step->presenter;
      else if (strcmp (name, "point") == 0)
        list = p->step->points;
      break;
    case IN_THEME:
      if (strcmp (name, "title") == 0)
        slot = &p->theme->title;
      else if (strcmp (name, "statement") == 0)
        slot = &p->theme->statement;
      else if (strcmp (name, "prompt") == 0)
        list = p->theme->prompts;
      break;
    default:
      break;
    }

  if (list != NULL)
    {
      g_ptr_array_add (list, value);
      return TRUE;
    }
  if (slot == NULL)
    {
      g_free (value);
      return fail (context, p, error, _("unknown property “%s”"), name);
    }
  if (*slot != NULL)
    {
      g_free (value);
      return fail (context, p, error, _("property “%s” is given twice"), name);
    }
  *slot = value;
  return TRUE;
}

static void
end_element (GMarkupParseContext *context, const char *element, gpointer user_data,
             GError **error)
{
  Parser *p = user_data;

  switch (p->where)
    {
    case IN_PROPERTY:
      {
        const char *raw = p->text->str;
        g_autofree char *value = NULL;

        if (p->translatable && *raw != '\0')
          raw = p->context != NULL ? g_dpgettext2 (GETTEXT_PACKAGE, p->context, raw)
                                   : g_dgettext (GETTEXT_PACKAGE, raw);
        value = tidy (raw);
        p->where = p->property_parent;
        g_clear_pointer (&p->context, g_free);
        if (*value == '\0')
          {
            fail (context, p, error, _("property “%s” is empty"), p->property);
            g_clear_pointer (&p->property, g_free);
            return;
          }
        store_property (context, p, g_steal_pointer (&value), error);
        g_clear_pointer (&p->property, g_free);
        return;
      }
    case IN_STEP:
      if (p->step->title == NULL || p->step->body == NULL)
        fail (context, p, error, _("step “%s” needs a title and a body"), p->step->id);
      p->step = NULL;
      p->where = IN_PHASE;
      return;
    case IN_THEME:
      if (p->theme->title == NULL || p->theme->statement == NULL || p->theme->prompts->len == 0)
        fail (context, p, error, _("theme “%s” needs a title, a statement and a prompt"),
              p->theme->id);
      p->theme = NULL;
      p->where = IN_INTERFACE;
      return;
    case IN_PHASE:
      if (p->tpl->phase_titles[p->phase] == NULL)
        fail (context, p, error, _("phase “%s” needs a title"), phase_ids[p->phase]);
      p->where = IN_INTERFACE;
      return;
    case IN_INTERFACE:
      p->where = IN_NONE;
      return;
    case IN_NONE:
    default:
      return;
    }
}

static void
text (GMarkupParseContext *context, const char *txt, gsize len, gpointer user_data,
      GError **error)
{
  Parser *p = user_data;

  if (p->where == IN_PROPERTY)
    g_string_append_len (p->text, txt, len);
}

static const GMarkupParser parser_funcs = { start_element, end_element, text, NULL, NULL };

NvWorkshopTemplate *
nv_workshop_template_load_data (const char *data, gssize len, const char *name, GError **error)
{
  g_autoptr (GMarkupParseContext) context = NULL;
  g_autoptr (NvWorkshopTemplate) tpl = g_new0 (NvWorkshopTemplate, 1);
  g_autoptr (GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GString) buffer = g_string_new (NULL);
  g_autoptr (GError) local_error = NULL;
  Parser p = { 0 };
  gboolean ok;

  tpl->steps = g_ptr_array_new_with_free_func ((GDestroyNotify) step_free);
  tpl->themes = g_ptr_array_new_with_free_func ((GDestroyNotify) theme_free);
  p.tpl = tpl;
  p.name = name;
  p.phase = -1;
  p.text = buffer;
  p.ids = ids;

  context = g_markup_parse_context_new (&parser_funcs, G_MARKUP_TREAT_CDATA_AS_TEXT, &p, NULL);
  ok = g_markup_parse_context_parse (context, data, len, &local_error) &&
       g_markup_parse_context_end_parse (context, &local_error);
  g_free (p.property);
  g_free (p.context);

  if (!ok)
    {
      if (local_error->domain == NV_TEMPLATE_ERROR)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, NV_TEMPLATE_ERROR, NV_TEMPLATE_ERROR_MALFORMED,
                     _("The workshop template “%s” is damaged: %s"), name, local_error->message);
      return NULL;
    }
  if (p.phases_seen != NV_N_PHASES)
    {
      g_set_error (error, NV_TEMPLATE_ERROR, NV_TEMPLATE_ERROR_MALFORMED,
                   _("The workshop template “%s” is damaged: it needs the phases prepare, run "
                     "and follow-up"),
                   name);
      return NULL;
    }
  if (tpl->themes->len == 0)
    {
      g_set_error (error, NV_TEMPLATE_ERROR, NV_TEMPLATE_ERROR_MALFORMED,
                   _("The workshop template “%s” is damaged: it has no themes"), name);
      return NULL;
    }
  for (int i = 0; i < NV_N_PHASES; i++)
    {
      gboolean any = FALSE;
      for (guint j = 0; j < tpl->steps->len; j++)
        any |= ((NvTemplateStep *) g_ptr_array_index (tpl->steps, j))->phase == (NvPhase) i;
      if (!any)
        {
          g_set_error (error, NV_TEMPLATE_ERROR, NV_TEMPLATE_ERROR_MALFORMED,
                       _("The workshop template “%s” is damaged: phase “%s” has no steps"), name,
                       phase_ids[i]);
          return NULL;
        }
    }
  return g_steal_pointer (&tpl);
}

NvWorkshopTemplate *
nv_workshop_template_load_file (const char *path, GError **error)
{
  g_autofree char *contents = NULL;
  g_autoptr (GError) local_error = NULL;
  gsize len = 0;

  /* Never the open database or its working files (nv-file-guard.h). */
  if (!nv_file_guard_check_read (path, &local_error) ||
      !g_file_get_contents (path, &contents, &len, &local_error))
    {
      g_set_error (error, NV_TEMPLATE_ERROR, NV_TEMPLATE_ERROR_MISSING,
                   _("The workshop template could not be read: %s"), local_error->message);
      return NULL;
    }
  return nv_workshop_template_load_data (contents, len, path, error);
}

NvWorkshopTemplate *
nv_workshop_template_load_default (GError **error)
{
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GError) local_error = NULL;

  /* Looked up in our own bundle directly: no global registration needed. */
  bytes = g_resource_lookup_data (nv_core_get_resource (), TEMPLATE_RESOURCE, 0, &local_error);
  if (bytes == NULL)
    {
      g_set_error (error, NV_TEMPLATE_ERROR, NV_TEMPLATE_ERROR_MISSING,
                   _("The workshop template is missing from the application: %s"),
                   local_error->message);
      return NULL;
    }
  return nv_workshop_template_load_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                         "workshop-template.ui", error);
}

const NvTemplateStep *
nv_workshop_template_find_step (const NvWorkshopTemplate *tpl, const char *id)
{
  for (guint i = 0; i < tpl->steps->len; i++)
    {
      NvTemplateStep *step = g_ptr_array_index (tpl->steps, i);
      if (g_strcmp0 (step->id, id) == 0)
        return step;
    }
  return NULL;
}

const NvTemplateTheme *
nv_workshop_template_find_theme (const NvWorkshopTemplate *tpl, const char *id)
{
  for (guint i = 0; i < tpl->themes->len; i++)
    {
      NvTemplateTheme *theme = g_ptr_array_index (tpl->themes, i);
      if (g_strcmp0 (theme->id, id) == 0)
        return theme;
    }
  return NULL;
}
