/* nv-followup-rules.c — the milestone rules file and the pure milestone
 * computation of DESIGN §3.
 *
 * The JSON file is the single source of offsets, conditions, sources and
 * validity dates. The only thing kept in C is the plain-language text for
 * each milestone id, so that xgettext can extract it for translation.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-followup"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "nv-core-resources.h"
#include "nv-file-guard.h"
#include "nv-followup.h"

struct _NvFollowupRules
{
  GPtrArray *sets; /* NvFollowupRuleSet, by valid_from */
  char *counting;  /* the "counting" statement, or NULL */
  GStrv counting_sources;
};

G_DEFINE_QUARK (nv-followup-error-quark, nv_followup_error)

typedef struct
{
  const char *id;
  const char *title;
  const char *explanation;
} MilestoneText;

/* Own wording; what each step means for the leader. */
static const MilestoneText milestone_texts[] = {
  { "employer-period-end", N_("End of the employer period"),
    N_("The employer pays sick pay for the first 16 calendar days. From day 17 NAV pays "
       "sickness benefit when a doctor has sick-listed the employee, so make sure the sick note "
       "and your claim have reached NAV.") },
  { "followup-plan", N_("Follow-up plan"),
    N_("By the end of week 4, make a follow-up plan together with the employee: which tasks "
       "they can manage, what you can adjust at work, and how you will keep in touch. Send it "
       "to the doctor who wrote the sick note. Skip it only when it is clearly unnecessary.") },
  { "dialogue-meeting-1", N_("Dialogue meeting 1"),
    N_("By week 7, invite the employee to a meeting about the follow-up plan. It is required "
       "when the employee is fully sick-listed. When they are partly at work, hold it if you, "
       "the employee or the doctor think it helps. The union or safety representative may "
       "join if the employee wishes.") },
  { "activity-requirement", N_("Activity requirement"),
    N_("By week 8 the employee should be back in some work-related activity, unless medical "
       "reasons clearly stand in the way or the workplace cannot offer suitable work. If you "
       "cannot adjust the work, explain why in the follow-up plan.") },
  { "dialogue-meeting-2", N_("Dialogue meeting 2 with NAV"),
    N_("By week 26 NAV calls you and the employee to a meeting; both must attend. Send NAV an "
       "updated follow-up plan at least a week before. Anyone may ask for the meeting to be "
       "held earlier.") },
  { "max-sickness-benefit", N_("End of sickness benefit (52 weeks)"),
    N_("After 52 weeks the right to sickness benefit runs out. Talk with the employee and NAV "
       "in good time about what comes next: a return to work, other tasks, or other "
       "benefits.") },
};

static const char *const milestone_id_list[] = {
  "employer-period-end", "followup-plan",      "dialogue-meeting-1",
  "activity-requirement", "dialogue-meeting-2", "max-sickness-benefit", NULL,
};

/* ---- Texts ------------------------------------------------------------- */

static const MilestoneText *
find_text (const char *id)
{
  for (guint i = 0; i < G_N_ELEMENTS (milestone_texts); i++)
    if (g_strcmp0 (milestone_texts[i].id, id) == 0)
      return &milestone_texts[i];
  return NULL;
}

const char *
nv_milestone_title (const char *id)
{
  const MilestoneText *text = find_text (id);
  return text != NULL ? _(text->title) : NULL;
}

const char *
nv_milestone_explanation (const char *id)
{
  const MilestoneText *text = find_text (id);
  return text != NULL ? _(text->explanation) : NULL;
}

const char *const *
nv_milestone_ids (void)
{
  return milestone_id_list;
}

const char *
nv_milestone_status_to_string (NvMilestoneStatus status)
{
  switch (status)
    {
    case NV_MILESTONE_DUE:
      return "due";
    case NV_MILESTONE_OVERDUE:
      return "overdue";
    case NV_MILESTONE_DONE:
      return "done";
    case NV_MILESTONE_OPTIONAL:
      return "optional";
    case NV_MILESTONE_NOT_TRACKED:
      return "not-tracked";
    default:
      g_return_val_if_reached ("due");
    }
}

const char *
nv_milestone_status_label (NvMilestoneStatus status)
{
  switch (status)
    {
    case NV_MILESTONE_DUE:
      return C_("milestone status", "Due");
    case NV_MILESTONE_OVERDUE:
      return C_("milestone status", "Overdue");
    case NV_MILESTONE_DONE:
      return C_("milestone status", "Done");
    case NV_MILESTONE_OPTIONAL:
      return C_("milestone status", "Optional");
    case NV_MILESTONE_NOT_TRACKED:
      return C_("milestone status", "Not tracked");
    default:
      g_return_val_if_reached ("");
    }
}

/* ---- Rules file -------------------------------------------------------- */

/* A rule's texts are interned: every milestone built from it points at them
 * (tens of thousands for a big unit) instead of copying. */
static void
rule_free (NvFollowupRule *rule)
{
  g_free (rule);
}

static void
rule_set_free (NvFollowupRuleSet *set)
{
  g_free (set->title);
  g_clear_pointer (&set->rules, g_ptr_array_unref);
  g_free (set);
}

void
nv_followup_rules_free (NvFollowupRules *rules)
{
  if (rules == NULL)
    return;
  g_clear_pointer (&rules->sets, g_ptr_array_unref);
  g_free (rules->counting);
  g_strfreev (rules->counting_sources);
  g_free (rules);
}

static gboolean
fail (GError **error, const char *name, const char *where, const char *problem)
{
  g_set_error (error, NV_FOLLOWUP_ERROR, NV_FOLLOWUP_ERROR_RULES, "%s: %s: %s", name, where,
               problem);
  return FALSE;
}

/* A required, non-empty string member. */
static const char *
get_string (JsonObject *object, const char *member, const char *name, const char *where,
            GError **error)
{
  g_autofree char *place = g_strdup_printf ("%s.%s", where, member);
  JsonNode *node = json_object_get_member (object, member);
  const char *value;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      fail (error, name, place, _("missing"));
      return NULL;
    }
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      fail (error, name, place, _("must be a text"));
      return NULL;
    }
  value = json_node_get_string (node);
  while (value != NULL && g_ascii_isspace (*value))
    value++;
  if (value == NULL || *value == '\0')
    {
      fail (error, name, place, _("is empty"));
      return NULL;
    }
  return value;
}

static gboolean
get_day (JsonObject *object, const char *member, const char *name, const char *where,
         NvDay *day, GError **error)
{
  const char *text = get_string (object, member, name, where, error);
  g_autofree char *place = NULL;

  if (text == NULL)
    return FALSE;
  *day = nv_day_parse_iso (text);
  if (*day == NV_DAY_NONE)
    {
      g_autofree char *problem = g_strdup_printf (_("“%s” is not a date (YYYY-MM-DD)"), text);
      place = g_strdup_printf ("%s.%s", where, member);
      return fail (error, name, place, problem);
    }
  return TRUE;
}

static JsonObject *
get_object (JsonNode *node, const char *name, const char *where, GError **error)
{
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      fail (error, name, where, _("missing"));
      return NULL;
    }
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      fail (error, name, where, _("must be an object"));
      return NULL;
    }
  return json_node_get_object (node);
}

static JsonArray *
get_array (JsonObject *object, const char *member, const char *name, const char *where,
           GError **error)
{
  g_autofree char *place = g_strdup_printf ("%s%s%s", where, *where != '\0' ? "." : "", member);
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      fail (error, name, place, _("missing"));
      return NULL;
    }
  if (!JSON_NODE_HOLDS_ARRAY (node) || json_array_get_length (json_node_get_array (node)) == 0)
    {
      fail (error, name, place, _("must be a non-empty list"));
      return NULL;
    }
  return json_node_get_array (node);
}

static gboolean
url_is_plausible (const char *url)
{
  return g_str_has_prefix (url, "https://") && strlen (url) > strlen ("https://x.no") &&
         strchr (url, ' ') == NULL;
}

/* "counting": {"statement": …, "adopted": date, "sources": [{title, url}…]}
 * — how the offsets are counted, and why. */
static gboolean
parse_counting (NvFollowupRules *rules, JsonObject *root, const char *name, GError **error)
{
  g_autoptr (GStrvBuilder) urls = g_strv_builder_new ();
  JsonObject *object = get_object (json_object_get_member (root, "counting"), name, "counting",
                                   error);
  const char *statement;
  JsonArray *sources;
  NvDay adopted;

  if (object == NULL ||
      (statement = get_string (object, "statement", name, "counting", error)) == NULL ||
      !get_day (object, "adopted", name, "counting", &adopted, error) ||
      (sources = get_array (object, "sources", name, "counting", error)) == NULL)
    return FALSE;
  for (guint i = 0; i < json_array_get_length (sources); i++)
    {
      g_autofree char *where = g_strdup_printf ("counting.sources[%u]", i);
      JsonObject *source = get_object (json_array_get_element (sources, i), name, where, error);
      const char *url;

      if (source == NULL || get_string (source, "title", name, where, error) == NULL ||
          (url = get_string (source, "url", name, where, error)) == NULL)
        return FALSE;
      if (!url_is_plausible (url))
        {
          g_autofree char *place = g_strdup_printf ("%s.url", where);
          g_autofree char *problem = g_strdup_printf (_("“%s” is not an https:// address"), url);
          return fail (error, name, place, problem);
        }
      g_strv_builder_add (urls, url);
    }
  rules->counting = g_strdup (statement);
  rules->counting_sources = g_strv_builder_end (urls);
  return TRUE;
}

const char *
nv_followup_rules_get_counting (NvFollowupRules *rules)
{
  return rules->counting;
}

const char *const *
nv_followup_rules_get_counting_sources (NvFollowupRules *rules)
{
  return (const char *const *) rules->counting_sources;
}

static NvFollowupRule *
parse_rule (JsonNode *node, const NvFollowupRuleSet *set, const char *name, const char *where,
            GError **error)
{
  g_autofree char *source_where = g_strdup_printf ("%s.source", where);
  JsonObject *object = get_object (node, name, where, error);
  JsonObject *source;
  JsonNode *offset;
  const char *id, *condition, *title, *url;
  NvFollowupRule *rule;
  NvDay valid_from;

  if (object == NULL)
    return NULL;
  if ((id = get_string (object, "id", name, where, error)) == NULL)
    return NULL;
  if (find_text (id) == NULL)
    {
      g_autofree char *place = g_strdup_printf ("%s.id", where);
      g_autofree char *problem = g_strdup_printf (_("unknown milestone “%s”"), id);
      fail (error, name, place, problem);
      return NULL;
    }

  offset = json_object_get_member (object, "offset_days");
  if (offset == NULL || !JSON_NODE_HOLDS_VALUE (offset) ||
      json_node_get_value_type (offset) != G_TYPE_INT64 || json_node_get_int (offset) < 0 ||
      json_node_get_int (offset) > 3650)
    {
      g_autofree char *place = g_strdup_printf ("%s.offset_days", where);
      fail (error, name, place,
            offset == NULL ? _("missing") : _("must be a whole number of days from 0 to 3650"));
      return NULL;
    }

  if ((condition = get_string (object, "condition", name, where, error)) == NULL)
    return NULL;
  if (g_strcmp0 (condition, "required") != 0 &&
      g_strcmp0 (condition, "required-when-fully-sick-listed") != 0)
    {
      g_autofree char *place = g_strdup_printf ("%s.condition", where);
      g_autofree char *problem = g_strdup_printf (
        _("unknown condition “%s” (use required or required-when-fully-sick-listed)"), condition);
      fail (error, name, place, problem);
      return NULL;
    }

  if ((source = get_object (json_object_get_member (object, "source"), name, source_where,
                            error)) == NULL)
    return NULL;
  if ((title = get_string (source, "title", name, source_where, error)) == NULL ||
      (url = get_string (source, "url", name, source_where, error)) == NULL)
    return NULL;
  if (!url_is_plausible (url))
    {
      g_autofree char *place = g_strdup_printf ("%s.url", source_where);
      g_autofree char *problem = g_strdup_printf (_("“%s” is not an https:// address"), url);
      fail (error, name, place, problem);
      return NULL;
    }

  if (!get_day (object, "valid_from", name, where, &valid_from, error))
    return NULL;
  if (valid_from > set->valid_from)
    {
      g_autofree char *place = g_strdup_printf ("%s.valid_from", where);
      fail (error, name, place, _("lies after the date the rule set is valid from"));
      return NULL;
    }

  rule = g_new0 (NvFollowupRule, 1);
  rule->id = g_intern_string (id);
  rule->offset_days = (int) json_node_get_int (offset);
  rule->condition = g_strcmp0 (condition, "required") == 0
                      ? NV_RULE_REQUIRED
                      : NV_RULE_REQUIRED_WHEN_FULLY_SICK_LISTED;
  rule->source_title = g_intern_string (title);
  rule->source_url = g_intern_string (url);
  rule->valid_from = valid_from;
  return rule;
}

static int
compare_rules (gconstpointer a, gconstpointer b)
{
  const NvFollowupRule *ra = *(NvFollowupRule *const *) a;
  const NvFollowupRule *rb = *(NvFollowupRule *const *) b;
  return ra->offset_days - rb->offset_days;
}

static NvFollowupRuleSet *
parse_set (JsonNode *node, const char *name, const char *where, GError **error)
{
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  JsonObject *object = get_object (node, name, where, error);
  NvFollowupRuleSet *set;
  JsonArray *rules;
  const char *title;

  if (object == NULL)
    return NULL;
  set = g_new0 (NvFollowupRuleSet, 1);
  set->rules = g_ptr_array_new_with_free_func ((GDestroyNotify) rule_free);
  if (!get_day (object, "valid_from", name, where, &set->valid_from, error) ||
      (title = get_string (object, "title", name, where, error)) == NULL ||
      (rules = get_array (object, "rules", name, where, error)) == NULL)
    {
      rule_set_free (set);
      return NULL;
    }
  set->title = g_strdup (title);

  for (guint i = 0; i < json_array_get_length (rules); i++)
    {
      g_autofree char *rule_where = g_strdup_printf ("%s.rules[%u]", where, i);
      NvFollowupRule *rule =
        parse_rule (json_array_get_element (rules, i), set, name, rule_where, error);

      if (rule == NULL)
        {
          rule_set_free (set);
          return NULL;
        }
      if (g_hash_table_contains (seen, rule->id))
        {
          g_autofree char *place = g_strdup_printf ("%s.id", rule_where);
          g_autofree char *problem = g_strdup_printf (_("“%s” appears twice in the set"), rule->id);
          fail (error, name, place, problem);
          rule_free (rule);
          rule_set_free (set);
          return NULL;
        }
      g_hash_table_add (seen, (gpointer) rule->id);
      g_ptr_array_add (set->rules, rule);
    }
  g_ptr_array_sort (set->rules, compare_rules);
  return set;
}

NvFollowupRules *
nv_followup_rules_new_from_data (const char *data, gsize length, const char *name,
                                 GError **error)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) local = NULL;
  g_autoptr (NvFollowupRules) rules = NULL;
  JsonObject *root;
  JsonArray *sets;

  g_return_val_if_fail (data != NULL, NULL);
  if (name == NULL)
    name = "followup-rules.json";

  if (!json_parser_load_from_data (parser, data, (gssize) length, &local))
    {
      fail (error, name, _("not valid JSON"), local->message);
      return NULL;
    }
  if (json_parser_get_root (parser) == NULL)
    {
      fail (error, name, _("top level"), _("the file is empty"));
      return NULL;
    }
  root = get_object (json_parser_get_root (parser), name, _("top level"), error);
  if (root == NULL)
    return NULL;
  if (!json_object_has_member (root, "format") ||
      json_object_get_int_member_with_default (root, "format", 0) != 1)
    {
      fail (error, name, "format", _("must be 1 (this version of Nærvær reads format 1)"));
      return NULL;
    }
  sets = get_array (root, "rule_sets", name, "", error);
  if (sets == NULL)
    return NULL;

  rules = g_new0 (NvFollowupRules, 1);
  rules->sets = g_ptr_array_new_with_free_func ((GDestroyNotify) rule_set_free);
  for (guint i = 0; i < json_array_get_length (sets); i++)
    {
      g_autofree char *where = g_strdup_printf ("rule_sets[%u]", i);
      NvFollowupRuleSet *set = parse_set (json_array_get_element (sets, i), name, where, error);

      if (set == NULL)
        return NULL;
      if (rules->sets->len > 0)
        {
          NvFollowupRuleSet *prev = g_ptr_array_index (rules->sets, rules->sets->len - 1);
          if (set->valid_from <= prev->valid_from)
            {
              g_autofree char *place = g_strdup_printf ("%s.valid_from", where);
              fail (error, name, place,
                    _("rule sets must be listed from the oldest to the newest, with different "
                      "dates"));
              rule_set_free (set);
              return NULL;
            }
        }
      g_ptr_array_add (rules->sets, set);
    }
  if (json_object_has_member (root, "counting") && !parse_counting (rules, root, name, error))
    return NULL;
  return g_steal_pointer (&rules);
}

NvFollowupRules *
nv_followup_rules_new_from_file (const char *path, GError **error)
{
  g_autofree char *data = NULL;
  g_autofree char *base = NULL;
  gsize length = 0;

  if (!nv_file_guard_check_read (path, error) ||
      !g_file_get_contents (path, &data, &length, error))
    return NULL;
  base = g_path_get_basename (path);
  return nv_followup_rules_new_from_data (data, length, base, error);
}

NvFollowupRules *
nv_followup_rules_default (void)
{
  static NvFollowupRules *rules = NULL;

  if (g_once_init_enter (&rules))
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (GBytes) bytes = NULL;
      NvFollowupRules *loaded;

      /* The store registers the core bundle on first use; register it here
       * only when nothing has yet. */
      if (!g_resources_get_info (NV_FOLLOWUP_RULES_RESOURCE, 0, NULL, NULL, NULL))
        nv_core_register_resource ();
      bytes = g_resources_lookup_data (NV_FOLLOWUP_RULES_RESOURCE, 0, &error);
      if (bytes == NULL)
        g_error ("follow-up rules missing from the resource bundle: %s", error->message);
      loaded = nv_followup_rules_new_from_data (g_bytes_get_data (bytes, NULL),
                                                g_bytes_get_size (bytes), NULL, &error);
      if (loaded == NULL)
        g_error ("the bundled follow-up rules are broken: %s", error->message);
      g_once_init_leave (&rules, loaded);
    }
  return rules;
}

guint
nv_followup_rules_get_n_sets (NvFollowupRules *rules)
{
  return rules->sets->len;
}

const NvFollowupRuleSet *
nv_followup_rules_get_set (NvFollowupRules *rules, guint index)
{
  g_return_val_if_fail (index < rules->sets->len, NULL);
  return g_ptr_array_index (rules->sets, index);
}

const NvFollowupRuleSet *
nv_followup_rules_for_day (NvFollowupRules *rules, NvDay day)
{
  const NvFollowupRuleSet *found = NULL;

  for (guint i = 0; i < rules->sets->len; i++)
    {
      const NvFollowupRuleSet *set = g_ptr_array_index (rules->sets, i);
      if (set->valid_from <= day)
        found = set;
    }
  return found;
}

const NvFollowupRule *
nv_followup_rules_lookup (NvFollowupRules *rules, NvDay day, const char *id)
{
  const NvFollowupRuleSet *set = nv_followup_rules_for_day (rules, day);

  if (set == NULL)
    return NULL;
  for (guint i = 0; i < set->rules->len; i++)
    {
      const NvFollowupRule *rule = g_ptr_array_index (set->rules, i);
      if (g_strcmp0 (rule->id, id) == 0)
        return rule;
    }
  return NULL;
}
