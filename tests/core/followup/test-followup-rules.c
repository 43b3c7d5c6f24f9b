/* Tests for the follow-up rules file (DESIGN §3): the bundled file and the
 * ways a rules file is refused, each with a message naming what is wrong. */
#include "config.h"

#include <string.h>

#include "nv-followup.h"

#define D(y, m, d) nv_day_from_ymd (y, m, d)

static char *
source_rules_path (void)
{
  const char *srcdir = g_getenv ("NAERVAER_SRCDIR");
  g_assert_nonnull (srcdir);
  return g_build_filename (srcdir, "data", "followup-rules.json", NULL);
}

static void
test_rules_file (void)
{
  g_autofree char *path = source_rules_path ();
  g_autoptr (GError) error = NULL;
  g_autoptr (NvFollowupRules) rules = nv_followup_rules_new_from_file (path, &error);
  NvFollowupRules *bundled = nv_followup_rules_default ();
  static const struct
  {
    const char *id;
    int offset;
  } design[] = {
    { "employer-period-end", 15 }, { "followup-plan", 27 },       { "dialogue-meeting-1", 48 },
    { "activity-requirement", 55 }, { "dialogue-meeting-2", 181 }, { "max-sickness-benefit", 363 },
  };
  const NvFollowupRuleSet *current;

  g_assert_no_error (error);
  g_assert_cmpuint (nv_followup_rules_get_n_sets (rules), ==,
                    nv_followup_rules_get_n_sets (bundled));

  /* Every rule of every set has a source and a validity date. */
  for (guint i = 0; i < nv_followup_rules_get_n_sets (rules); i++)
    {
      const NvFollowupRuleSet *set = nv_followup_rules_get_set (rules, i);

      g_assert_cmpuint (set->valid_from, !=, NV_DAY_NONE);
      g_assert_cmpuint (set->rules->len, ==, G_N_ELEMENTS (design));
      for (guint j = 0; j < set->rules->len; j++)
        {
          const NvFollowupRule *rule = g_ptr_array_index (set->rules, j);

          g_assert_true (g_str_has_prefix (rule->source_url, "https://"));
          g_assert_cmpuint (strlen (rule->source_title), >, 5);
          g_assert_cmpuint (rule->valid_from, !=, NV_DAY_NONE);
          g_assert_cmpuint (rule->valid_from, <=, set->valid_from);
          g_assert_nonnull (nv_milestone_title (rule->id));
          g_assert_nonnull (nv_milestone_explanation (rule->id));
        }
    }

  /* The set of DESIGN §3, valid from 2025-12-18. */
  current = nv_followup_rules_for_day (rules, D (2025, 12, 18));
  g_assert_nonnull (current);
  g_assert_cmpuint (current->valid_from, ==, D (2025, 12, 18));
  for (guint j = 0; j < G_N_ELEMENTS (design); j++)
    {
      const NvFollowupRule *rule = g_ptr_array_index (current->rules, j);
      g_assert_cmpstr (rule->id, ==, design[j].id);
      g_assert_cmpint (rule->offset_days, ==, design[j].offset);
      g_assert_cmpint (rule->condition, ==,
                       g_str_equal (rule->id, "dialogue-meeting-1")
                         ? NV_RULE_REQUIRED_WHEN_FULLY_SICK_LISTED
                         : NV_RULE_REQUIRED);
    }

  /* The day before, the earlier set applies; before every set, none. */
  g_assert_true (nv_followup_rules_for_day (rules, D (2025, 12, 17)) != current);
  g_assert_nonnull (nv_followup_rules_for_day (rules, D (2025, 12, 17)));
  g_assert_null (nv_followup_rules_for_day (rules, D (2014, 6, 30)));
  g_assert_nonnull (nv_followup_rules_lookup (rules, D (2026, 1, 1), "followup-plan"));
  g_assert_null (nv_followup_rules_lookup (rules, D (2026, 1, 1), "coffee"));

  /* Every set counts as NAV counts — «within N weeks» ends on D + 7·N − 1 —
   * and the file says so, with its sources. */
  for (guint i = 0; i < nv_followup_rules_get_n_sets (rules); i++)
    {
      const NvFollowupRuleSet *set = nv_followup_rules_get_set (rules, i);
      for (guint j = 0; j < set->rules->len; j++)
        g_assert_cmpint (((NvFollowupRule *) g_ptr_array_index (set->rules, j))->offset_days, ==,
                         design[j].offset);
    }
  g_assert_nonnull (nv_followup_rules_get_counting (rules));
  g_assert_nonnull (strstr (nv_followup_rules_get_counting (rules), "NAV"));
  g_assert_nonnull (strstr (nv_followup_rules_get_counting (rules), "D + 7·N − 1"));
  g_assert_true (g_strv_contains (nv_followup_rules_get_counting_sources (rules),
                                  "https://github.com/navikt/isaktivitetskrav"));
  g_assert_cmpstr (nv_followup_rules_get_counting (bundled), ==,
                   nv_followup_rules_get_counting (rules));
}

/* A valid single-set file with @rule_text as its only rule. */
static char *
file_with_rule (const char *rule_text)
{
  return g_strdup_printf ("{\"format\": 1, \"rule_sets\": [{\"valid_from\": \"2025-12-18\", "
                          "\"title\": \"Test\", \"rules\": [%s]}]}",
                          rule_text);
}

#define GOOD_SOURCE "\"source\": {\"title\": \"Arbeidsmiljøloven § 4-6\", " \
                    "\"url\": \"https://lovdata.no/lov/2005-06-17-62/§4-6\"}"

static void
assert_rules_refused (const char *text, const char *expect_in_message)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (NvFollowupRules) rules =
    nv_followup_rules_new_from_data (text, strlen (text), "rules.json", &error);

  g_assert_null (rules);
  g_assert_error (error, NV_FOLLOWUP_ERROR, NV_FOLLOWUP_ERROR_RULES);
  g_test_message ("refused: %s", error->message);
  g_assert_true (g_str_has_prefix (error->message, "rules.json: "));
  if (strstr (error->message, expect_in_message) == NULL)
    g_error ("“%s” does not mention “%s”", error->message, expect_in_message);
}

static void
test_rules_refused (void)
{
  g_autofree char *good = file_with_rule (
    "{\"id\": \"followup-plan\", \"offset_days\": 28, \"condition\": \"required\", " GOOD_SOURCE
    ", \"valid_from\": \"2025-12-18\"}");
  g_autofree char *no_source = file_with_rule (
    "{\"id\": \"followup-plan\", \"offset_days\": 28, \"condition\": \"required\", "
    "\"valid_from\": \"2025-12-18\"}");
  g_autofree char *no_url = file_with_rule (
    "{\"id\": \"followup-plan\", \"offset_days\": 28, \"condition\": \"required\", "
    "\"source\": {\"title\": \"Aml § 4-6\"}, \"valid_from\": \"2025-12-18\"}");
  g_autofree char *empty_title = file_with_rule (
    "{\"id\": \"followup-plan\", \"offset_days\": 28, \"condition\": \"required\", "
    "\"source\": {\"title\": \"  \", \"url\": \"https://lovdata.no/x\"}, "
    "\"valid_from\": \"2025-12-18\"}");
  g_autofree char *http = file_with_rule (
    "{\"id\": \"followup-plan\", \"offset_days\": 28, \"condition\": \"required\", "
    "\"source\": {\"title\": \"Aml\", \"url\": \"lovdata.no\"}, \"valid_from\": \"2025-12-18\"}");
  g_autofree char *no_valid_from = file_with_rule (
    "{\"id\": \"followup-plan\", \"offset_days\": 28, \"condition\": \"required\", " GOOD_SOURCE
    "}");
  g_autofree char *bad_date = file_with_rule (
    "{\"id\": \"followup-plan\", \"offset_days\": 28, \"condition\": \"required\", " GOOD_SOURCE
    ", \"valid_from\": \"2025-02-30\"}");
  g_autofree char *later = file_with_rule (
    "{\"id\": \"followup-plan\", \"offset_days\": 28, \"condition\": \"required\", " GOOD_SOURCE
    ", \"valid_from\": \"2026-01-01\"}");
  g_autofree char *unknown_id = file_with_rule (
    "{\"id\": \"coffee-break\", \"offset_days\": 28, \"condition\": \"required\", " GOOD_SOURCE
    ", \"valid_from\": \"2025-12-18\"}");
  g_autofree char *bad_condition = file_with_rule (
    "{\"id\": \"followup-plan\", \"offset_days\": 28, \"condition\": \"sometimes\", " GOOD_SOURCE
    ", \"valid_from\": \"2025-12-18\"}");
  g_autofree char *bad_offset = file_with_rule (
    "{\"id\": \"followup-plan\", \"offset_days\": \"four weeks\", \"condition\": \"required\", "
    GOOD_SOURCE ", \"valid_from\": \"2025-12-18\"}");
  g_autofree char *negative = file_with_rule (
    "{\"id\": \"followup-plan\", \"offset_days\": -1, \"condition\": \"required\", " GOOD_SOURCE
    ", \"valid_from\": \"2025-12-18\"}");
  g_autofree char *twice = file_with_rule (
    "{\"id\": \"followup-plan\", \"offset_days\": 28, \"condition\": \"required\", " GOOD_SOURCE
    ", \"valid_from\": \"2025-12-18\"}, {\"id\": \"followup-plan\", \"offset_days\": 29, "
    "\"condition\": \"required\", " GOOD_SOURCE ", \"valid_from\": \"2025-12-18\"}");
  g_autoptr (NvFollowupRules) ok = NULL;
  g_autoptr (GError) error = NULL;

  ok = nv_followup_rules_new_from_data (good, strlen (good), "rules.json", &error);
  g_assert_no_error (error);
  g_assert_nonnull (ok);

  assert_rules_refused (no_source, "rule_sets[0].rules[0].source: missing");
  assert_rules_refused (no_url, "rule_sets[0].rules[0].source.url: missing");
  assert_rules_refused (empty_title, "source.title: is empty");
  assert_rules_refused (http, "source.url");
  assert_rules_refused (no_valid_from, "rule_sets[0].rules[0].valid_from: missing");
  assert_rules_refused (bad_date, "2025-02-30");
  assert_rules_refused (later, "rules[0].valid_from");
  assert_rules_refused (unknown_id, "coffee-break");
  assert_rules_refused (bad_condition, "sometimes");
  assert_rules_refused (bad_offset, "offset_days");
  assert_rules_refused (negative, "offset_days");
  assert_rules_refused (twice, "rules[1].id");
  assert_rules_refused ("{\"format\": 1, \"rule_sets\": [", "not valid JSON");
  assert_rules_refused ("", "empty");
  assert_rules_refused ("{\"format\": 1, \"rule_sets\": [{]}", "not valid JSON");
  assert_rules_refused ("[]", "top level");
  assert_rules_refused ("{\"rule_sets\": []}", "format");
  assert_rules_refused ("{\"format\": 1, \"rule_sets\": []}", "rule_sets");
  assert_rules_refused ("{\"format\": 1}", "rule_sets: missing");
  assert_rules_refused ("{\"format\": 1, \"rule_sets\": [{\"title\": \"x\", \"rules\": []}]}",
                        "rule_sets[0].valid_from: missing");
  assert_rules_refused (
    "{\"format\": 1, \"rule_sets\": [{\"valid_from\": \"2025-12-18\", \"title\": \"a\", "
    "\"rules\": [{\"id\": \"followup-plan\", \"offset_days\": 28, \"condition\": \"required\", "
    GOOD_SOURCE ", \"valid_from\": \"2025-12-18\"}]}, {\"valid_from\": \"2020-01-01\", "
    "\"title\": \"b\", \"rules\": [{\"id\": \"followup-plan\", \"offset_days\": 28, "
    "\"condition\": \"required\", " GOOD_SOURCE ", \"valid_from\": \"2020-01-01\"}]}]}",
    "rule_sets[1].valid_from");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/followup/rules/file", test_rules_file);
  g_test_add_func ("/followup/rules/refused", test_rules_refused);
  return g_test_run ();
}
