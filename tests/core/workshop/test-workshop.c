/* Tests for the workshop template and the workshop model. */
#include "config.h"

#include "nv-faktor.h"

#include "nv-test-store.h"
#include "nv-calendar.h"
#include "nv-measure.h"
#include "nv-unit.h"
#include "nv-workshop-slides.h"
#include "nv-workshop.h"

typedef struct
{
  NvTestDb db;
  gint64 unit;
} Fixture;

static void
setup (Fixture *f, gconstpointer data)
{
  nv_test_db_open (&f->db, "naervaer.db");
  f->unit = nv_test_add_unit (f->db.store, "Avdeling 3A", "helse-omsorg", NULL);
}

static void
teardown (Fixture *f, gconstpointer data)
{
  nv_test_db_close (&f->db);
}

static char *
testdata (const char *name)
{
  return g_build_filename (g_getenv ("NAERVAER_TESTDATA"), "workshop", name, NULL);
}

/* ---- Template ----------------------------------------------------------- */

static guint
count_phase (const NvWorkshopTemplate *tpl, NvPhase phase)
{
  guint n = 0;
  for (guint i = 0; i < tpl->steps->len; i++)
    n += ((NvTemplateStep *) g_ptr_array_index (tpl->steps, i))->phase == phase;
  return n;
}

static void
test_template_default (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (NvWorkshopTemplate) tpl = nv_workshop_template_load_default (&error);
  const NvTemplateStep *research, *rounds, *anchor;
  const NvTemplateTheme *theme;

  g_assert_no_error (error);
  g_assert_nonnull (tpl);
  g_assert_cmpstr (tpl->phase_titles[NV_PHASE_PREPARE], ==, "Prepare");
  g_assert_cmpstr (tpl->phase_titles[NV_PHASE_FOLLOW_UP], ==, "Follow up");
  g_assert_cmpuint (count_phase (tpl, NV_PHASE_PREPARE), ==, 6);
  g_assert_cmpuint (count_phase (tpl, NV_PHASE_RUN), ==, 6);
  g_assert_cmpuint (count_phase (tpl, NV_PHASE_FOLLOW_UP), ==, 4);
  g_assert_cmpuint (tpl->themes->len, ==, 8);

  /* Steps come in phase order. */
  for (guint i = 1; i < tpl->steps->len; i++)
    g_assert_cmpint (((NvTemplateStep *) g_ptr_array_index (tpl->steps, i))->phase, >=,
                     ((NvTemplateStep *) g_ptr_array_index (tpl->steps, i - 1))->phase);

  research = nv_workshop_template_find_step (tpl, "research");
  g_assert_nonnull (research);
  g_assert_cmpint (research->kind, ==, NV_STEP_RESEARCH);
  g_assert_cmpint (research->phase, ==, NV_PHASE_RUN);
  g_assert_cmpuint (research->points->len, ==, 9);
  g_assert_cmpint (research->minutes, ==, 10);
  rounds = nv_workshop_template_find_step (tpl, "rounds");
  g_assert_cmpint (rounds->kind, ==, NV_STEP_THEMES);
  anchor = nv_workshop_template_find_step (tpl, "anchor");
  g_assert_cmpint (anchor->kind, ==, NV_STEP_TASK);
  g_assert_cmpint (anchor->minutes, ==, 0);
  g_assert_null (anchor->prompt);
  /* whitespace in a text is tidied to single spaces */
  g_assert_null (strstr (anchor->body, "  "));
  g_assert_null (nv_workshop_template_find_step (tpl, "no-such-step"));

  theme = nv_workshop_template_find_theme (tpl, "open-talk");
  g_assert_nonnull (theme);
  g_assert_cmpuint (theme->prompts->len, ==, 2);

  /* Theme ids are the measures register's, so agreed measures keep theirs. */
  for (guint i = 0; i < tpl->themes->len; i++)
    {
      NvTemplateTheme *t = g_ptr_array_index (tpl->themes, i);
      g_assert_true (nv_measure_theme_is_valid (t->id));
      /* and the same name there, so a theme reads the same everywhere */
      g_assert_cmpstr (t->title, ==, nv_measure_theme_label (t->id));
    }
}

static void
test_template_minimal (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = testdata ("minimal.ui");
  g_autoptr (NvWorkshopTemplate) tpl = nv_workshop_template_load_file (path, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (tpl->steps->len, ==, 3);
  g_assert_cmpint (((NvTemplateStep *) g_ptr_array_index (tpl->steps, 1))->minutes, ==, 5);
  g_assert_cmpuint (tpl->themes->len, ==, 1);
}

static void
test_template_missing (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = testdata ("there-is-no-such-template.ui");
  g_autoptr (NvWorkshopTemplate) tpl = nv_workshop_template_load_file (path, &error);

  g_assert_null (tpl);
  g_assert_error (error, NV_TEMPLATE_ERROR, NV_TEMPLATE_ERROR_MISSING);
  g_assert_nonnull (strstr (error->message, "there-is-no-such-template.ui"));
}

static void
assert_malformed (const char *name, const char *expect_in_message)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = testdata (name);
  g_autoptr (NvWorkshopTemplate) tpl = nv_workshop_template_load_file (path, &error);

  g_assert_null (tpl);
  g_assert_error (error, NV_TEMPLATE_ERROR, NV_TEMPLATE_ERROR_MALFORMED);
  /* the message names the file and says what is wrong */
  g_assert_nonnull (strstr (error->message, name));
  g_test_message ("%s", error->message);
  if (strstr (error->message, expect_in_message) == NULL)
    g_error ("%s: “%s” not in “%s”", name, expect_in_message, error->message);
}

static void
test_template_malformed (void)
{
  assert_malformed ("not-xml.ui", "damaged");
  assert_malformed ("wrong-root.ui", "line 2: the root element must be <interface>");
  assert_malformed ("wrong-order.ui", "line 7: phase “follow-up” is out of order");
  assert_malformed ("step-without-body.ui", "line 7: step “a” needs a title and a body");
  assert_malformed ("no-themes.ui", "it has no themes");
  assert_malformed ("bad-kind.ui", "unknown step kind “dance”");
  assert_malformed ("duplicate-id.ui", "step id “a” is empty, not plain or used twice");
}

static void
test_template_data_errors (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (NvWorkshopTemplate) tpl = NULL;

  tpl = nv_workshop_template_load_data ("", 0, "empty.ui", &error);
  g_assert_null (tpl);
  g_assert_error (error, NV_TEMPLATE_ERROR, NV_TEMPLATE_ERROR_MALFORMED);
  g_clear_error (&error);

  tpl = nv_workshop_template_load_data ("<interface><phase id=\"prepare\"><property name=\"title\">"
                                        "</property></phase></interface>",
                                        -1, "x.ui", &error);
  g_assert_null (tpl);
  g_assert_error (error, NV_TEMPLATE_ERROR, NV_TEMPLATE_ERROR_MALFORMED);
  g_assert_nonnull (strstr (error->message, "property “title” is empty"));
}

/* ---- Workshops ---------------------------------------------------------- */

static void
test_add_validate (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) list = NULL;
  g_auto (GStrv) themes = NULL;
  g_autoptr (NvWorkshop) w = NULL;
  gint64 a, b;

  g_assert_cmpint (nv_workshop_add (f->db.store, f->unit, "2025-02-30", NULL, &error), ==, 0);
  g_assert_error (error, NV_STORE_ERROR, NV_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Date"));
  g_clear_error (&error);
  g_assert_cmpint (nv_workshop_add (f->db.store, f->unit, "25.03.2025", NULL, &error), ==, 0);
  g_assert_error (error, NV_STORE_ERROR, NV_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (nv_workshop_add (f->db.store, 9999, "2025-03-25", NULL, &error), ==, 0);
  g_assert_error (error, NV_STORE_ERROR, NV_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  list = nv_workshop_list (f->db.store, f->unit, &error);
  g_assert_cmpuint (list->len, ==, 0);
  g_clear_pointer (&list, g_ptr_array_unref);

  a = nv_workshop_add (f->db.store, f->unit, "2025-03-25", "  Våren  ", &error);
  g_assert_no_error (error);
  b = nv_workshop_add (f->db.store, f->unit, "2025-09-10", NULL, &error);
  g_assert_no_error (error);

  list = nv_workshop_list (f->db.store, f->unit, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  /* newest first */
  g_assert_cmpint (((NvWorkshop *) g_ptr_array_index (list, 0))->id, ==, b);
  w = nv_workshop_get (f->db.store, a, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (w->title, ==, "Våren");
  g_assert_cmpstr (w->date, ==, "2025-03-25");
  g_assert_cmpint (w->state, ==, NV_WORKSHOP_PLANNED);
  g_assert_cmpuint (w->roles, ==, NV_ROLE_LEADER);
  g_assert_null (w->followup_date);
  g_assert_cmpstr (w->evaluation, ==, "");
  g_assert_cmpint (w->n_steps, ==, 16);
  g_assert_cmpint (w->n_ticked, ==, 0);
  g_assert_cmpstr (nv_workshop_display_title (g_ptr_array_index (list, 0)), ==,
                   "Dialogue workshop");

  themes = nv_workshop_themes (f->db.store, a, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (themes), ==, 3);
  g_assert_cmpstr (themes[0], ==, "leadership");
}

static void
test_update (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (NvWorkshop) w = NULL;
  g_autoptr (NvWorkshop) again = NULL;
  gint64 id = nv_workshop_add (f->db.store, f->unit, "2025-03-25", NULL, &error);

  w = nv_workshop_get (f->db.store, id, &error);
  w->roles = NV_ROLE_LEADER | NV_ROLE_SAFETY_REP | NV_ROLE_NAV_ADVISER;
  w->staff = 14;
  g_free (w->followup_date);
  w->followup_date = g_strdup ("2025-03-24");
  g_assert_false (nv_workshop_update (f->db.store, w, &error));
  g_assert_error (error, NV_STORE_ERROR, NV_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Follow-up date"));
  g_clear_error (&error);

  g_free (w->followup_date);
  w->followup_date = g_strdup ("2025-06-25");
  w->staff = 1000;
  g_assert_false (nv_workshop_update (f->db.store, w, &error));
  g_assert_error (error, NV_STORE_ERROR, NV_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* nothing of the refused updates was stored */
  again = nv_workshop_get (f->db.store, id, &error);
  g_assert_null (again->followup_date);
  g_assert_cmpint (again->staff, ==, 0);
  g_clear_pointer (&again, nv_workshop_free);

  w->staff = 14;
  g_free (w->evaluation);
  w->evaluation = g_strdup ("Færre korte fravær etter at vi startet med faste samtaler.");
  g_assert_true (nv_workshop_update (f->db.store, w, &error));
  g_assert_no_error (error);
  again = nv_workshop_get (f->db.store, id, &error);
  g_assert_cmpuint (again->roles, ==, NV_ROLE_LEADER | NV_ROLE_SAFETY_REP | NV_ROLE_NAV_ADVISER);
  g_assert_cmpint (again->staff, ==, 14);
  g_assert_cmpstr (again->followup_date, ==, "2025-06-25");
  g_assert_cmpstr (again->evaluation, ==, w->evaluation);
}

static void
tick_phase (Fixture *f, gint64 id, NvPhase phase, gboolean ticked)
{
  const NvWorkshopTemplate *tpl = nv_workshop_template (NULL);
  g_autoptr (GError) error = NULL;

  for (guint i = 0; i < tpl->steps->len; i++)
    {
      NvTemplateStep *step = g_ptr_array_index (tpl->steps, i);
      if (step->phase == phase)
        g_assert_true (nv_workshop_tick (f->db.store, id, step->id, ticked, NULL, &error));
      g_assert_no_error (error);
    }
}

static NvWorkshopState
state_of (Fixture *f, gint64 id)
{
  g_autoptr (NvWorkshop) w = nv_workshop_get (f->db.store, id, NULL);
  return w->state;
}

/* Two leaders (two connections to one database) edit one workshop: the
 * second save, made over the version it read, is refused with
 * NV_STORE_ERROR_CONFLICT and changes nothing; read again, it saves, and a
 * save moves the saver's copy to the new version (saving twice works). */
static void
test_conflict (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *where = nv_test_store_location (f->db.dir, "naervaer.db");
  g_autoptr (NvStore) other = nv_store_open (where, &error);
  gint64 id = nv_workshop_add (f->db.store, f->unit, "2025-03-25", NULL, &error);
  g_autoptr (NvWorkshop) mine = NULL;
  g_autoptr (NvWorkshop) theirs = NULL;
  g_autoptr (NvWorkshop) now = NULL;

  g_assert_no_error (error);
  mine = nv_workshop_get (f->db.store, id, &error);
  theirs = nv_workshop_get (other, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (mine->row_version, >, 0);
  g_assert_cmpint (mine->row_version, ==, theirs->row_version);

  theirs->staff = 12;
  g_assert_true (nv_workshop_update (other, theirs, &error));
  g_assert_no_error (error);
  g_assert_cmpint (theirs->row_version, >, mine->row_version);
  /* Their copy is current: a second save of theirs goes through. */
  theirs->staff = 13;
  g_assert_true (nv_workshop_update (other, theirs, &error));
  g_assert_no_error (error);

  g_free (mine->evaluation);
  mine->evaluation = g_strdup ("Vi prøver faste samtaler.");
  g_assert_false (nv_workshop_update (f->db.store, mine, &error));
  g_assert_error (error, NV_STORE_ERROR, NV_STORE_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "someone else"));
  g_clear_error (&error);

  now = nv_workshop_get (f->db.store, id, &error);
  g_assert_cmpint (now->staff, ==, 13);
  g_assert_cmpstr (now->evaluation, ==, "");
  g_assert_cmpint (now->row_version, ==, theirs->row_version);

  /* Reloaded: the change goes through, and the other's copy is stale now. */
  g_free (now->evaluation);
  now->evaluation = g_strdup ("Vi prøver faste samtaler.");
  g_assert_true (nv_workshop_update (f->db.store, now, &error));
  g_assert_no_error (error);
  theirs->staff = 14;
  g_assert_false (nv_workshop_update (other, theirs, &error));
  g_assert_error (error, NV_STORE_ERROR, NV_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  g_clear_pointer (&now, nv_workshop_free);
  now = nv_workshop_get (other, id, &error);
  g_assert_cmpint (now->staff, ==, 13);
  g_assert_cmpstr (now->evaluation, ==, "Vi prøver faste samtaler.");
}

static void
test_checklist_state (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) steps = NULL;
  g_autoptr (GDateTime) when = g_date_time_new_utc (2025, 3, 25, 13, 5, 9);
  g_autoptr (NvWorkshop) w = NULL;
  gint64 id = nv_workshop_add (f->db.store, f->unit, "2025-03-25", NULL, &error);
  NvWorkshopStep *s;

  g_assert_false (nv_workshop_tick (f->db.store, id, "no-such-step", TRUE, NULL, &error));
  g_assert_error (error, NV_STORE_ERROR, NV_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* all but one step of prepare: still planned */
  tick_phase (f, id, NV_PHASE_PREPARE, TRUE);
  g_assert_true (nv_workshop_tick (f->db.store, id, "agenda", FALSE, NULL, &error));
  g_assert_cmpint (state_of (f, id), ==, NV_WORKSHOP_PLANNED);
  g_assert_true (nv_workshop_tick (f->db.store, id, "agenda", TRUE, when, &error));
  g_assert_cmpint (state_of (f, id), ==, NV_WORKSHOP_PREPARED);
  tick_phase (f, id, NV_PHASE_RUN, TRUE);
  g_assert_cmpint (state_of (f, id), ==, NV_WORKSHOP_HELD);
  tick_phase (f, id, NV_PHASE_FOLLOW_UP, TRUE);
  g_assert_cmpint (state_of (f, id), ==, NV_WORKSHOP_FOLLOWED_UP);
  w = nv_workshop_get (f->db.store, id, &error);
  g_assert_cmpint (w->n_ticked, ==, 16);
  tick_phase (f, id, NV_PHASE_FOLLOW_UP, FALSE);
  g_assert_cmpint (state_of (f, id), ==, NV_WORKSHOP_HELD);

  g_assert_true (nv_workshop_set_note (f->db.store, id, "room", " Møterom 2, prosjektor lånt ", &error));
  g_assert_no_error (error);

  steps = nv_workshop_steps (f->db.store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (steps->len, ==, 16);
  s = g_ptr_array_index (steps, 5);
  g_assert_cmpstr (s->step->id, ==, "agenda");
  g_assert_cmpstr (s->ticked, ==, "2025-03-25T13:05:09Z");
  s = g_ptr_array_index (steps, 2);
  g_assert_cmpstr (s->step->id, ==, "room");
  g_assert_cmpstr (s->note, ==, "Møterom 2, prosjektor lånt");
  g_assert_nonnull (s->ticked);
  s = g_ptr_array_index (steps, 15);
  g_assert_null (s->ticked);
  g_assert_cmpstr (s->note, ==, "");
}

static void
test_themes_prompts (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) themes = NULL;
  g_autoptr (GPtrArray) prompts = NULL;
  gint64 id = nv_workshop_add (f->db.store, f->unit, "2025-03-25", NULL, &error);
  gint64 p1;

  g_assert_true (nv_workshop_set_theme (f->db.store, id, "leadership", FALSE, &error));
  g_assert_true (nv_workshop_set_theme (f->db.store, id, "initiative", TRUE, &error));
  g_assert_true (nv_workshop_set_theme (f->db.store, id, "initiative", TRUE, &error));
  g_assert_false (nv_workshop_set_theme (f->db.store, id, "sports", TRUE, &error));
  g_assert_error (error, NV_STORE_ERROR, NV_STORE_ERROR_INVALID);
  g_clear_error (&error);
  themes = nv_workshop_themes (f->db.store, id, &error);
  g_assert_cmpuint (g_strv_length (themes), ==, 3);
  /* template order, not the order switched on */
  g_assert_cmpstr (themes[0], ==, "mastery-climate");
  g_assert_cmpstr (themes[1], ==, "open-talk");
  g_assert_cmpstr (themes[2], ==, "initiative");

  g_assert_cmpint (nv_workshop_add_prompt (f->db.store, id, "open-talk", "   ", &error), ==, 0);
  g_assert_error (error, NV_STORE_ERROR, NV_STORE_ERROR_INVALID);
  g_clear_error (&error);
  p1 = nv_workshop_add_prompt (f->db.store, id, "open-talk", "Hva sier vi når noen ringer inn syk?",
                               &error);
  g_assert_no_error (error);
  nv_workshop_add_prompt (f->db.store, id, "initiative", "Hvilke regler kan vi droppe?", &error);
  prompts = nv_workshop_prompts (f->db.store, id, &error);
  g_assert_cmpuint (prompts->len, ==, 2);
  g_assert_cmpstr (((NvWorkshopPrompt *) g_ptr_array_index (prompts, 0))->theme, ==, "open-talk");
  g_assert_true (nv_workshop_remove_prompt (f->db.store, p1, &error));
  g_clear_pointer (&prompts, g_ptr_array_unref);
  prompts = nv_workshop_prompts (f->db.store, id, &error);
  g_assert_cmpuint (prompts->len, ==, 1);
}

static void
test_ideas_votes (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) ideas = NULL;
  gint64 id = nv_workshop_add (f->db.store, f->unit, "2025-03-25", NULL, &error);
  gint64 a, b, c;

  g_assert_cmpint (nv_workshop_add_idea (f->db.store, id, "", NULL, &error), ==, 0);
  g_assert_error (error, NV_STORE_ERROR, NV_STORE_ERROR_INVALID);
  g_clear_error (&error);
  a = nv_workshop_add_idea (f->db.store, id, "Fast samtale etter tredje fravær", "open-talk", &error);
  b = nv_workshop_add_idea (f->db.store, id, "Fadder for nyansatte", NULL, &error);
  c = nv_workshop_add_idea (f->db.store, id, "Lettere oppgaver ved behov", "presence-expectations",
                            &error);
  g_assert_no_error (error);

  g_assert_true (nv_workshop_vote (f->db.store, c, +1, &error));
  g_assert_true (nv_workshop_vote (f->db.store, c, +1, &error));
  g_assert_true (nv_workshop_vote (f->db.store, b, +1, &error));
  g_assert_true (nv_workshop_vote (f->db.store, a, +1, &error));
  g_assert_true (nv_workshop_vote (f->db.store, a, -1, &error));
  /* never below zero */
  g_assert_true (nv_workshop_vote (f->db.store, a, -1, &error));
  g_assert_false (nv_workshop_vote (f->db.store, 4242, +1, &error));
  g_assert_error (error, NV_STORE_ERROR, NV_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  ideas = nv_workshop_ideas (f->db.store, id, TRUE, &error);
  g_assert_cmpuint (ideas->len, ==, 3);
  g_assert_cmpint (((NvWorkshopIdea *) g_ptr_array_index (ideas, 0))->id, ==, c);
  g_assert_cmpint (((NvWorkshopIdea *) g_ptr_array_index (ideas, 0))->votes, ==, 2);
  g_assert_cmpint (((NvWorkshopIdea *) g_ptr_array_index (ideas, 1))->id, ==, b);
  g_assert_cmpint (((NvWorkshopIdea *) g_ptr_array_index (ideas, 2))->id, ==, a);
  g_assert_cmpint (((NvWorkshopIdea *) g_ptr_array_index (ideas, 2))->votes, ==, 0);
  g_clear_pointer (&ideas, g_ptr_array_unref);

  ideas = nv_workshop_ideas (f->db.store, id, FALSE, &error);
  g_assert_cmpint (((NvWorkshopIdea *) g_ptr_array_index (ideas, 0))->id, ==, a);
  g_assert_cmpstr (((NvWorkshopIdea *) g_ptr_array_index (ideas, 0))->theme, ==, "open-talk");
  g_assert_cmpint (((NvWorkshopIdea *) g_ptr_array_index (ideas, 2))->position, ==, 3);
  g_assert_true (nv_workshop_remove_idea (f->db.store, b, &error));
  g_clear_pointer (&ideas, g_ptr_array_unref);
  ideas = nv_workshop_ideas (f->db.store, id, FALSE, &error);
  g_assert_cmpuint (ideas->len, ==, 2);
}

static void
test_measures (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) list = NULL;
  gint64 id = nv_workshop_add (f->db.store, f->unit, "2025-03-25", NULL, &error);
  gint64 m;
  NvMeasure *measure;
  char iso[11];

  g_assert_cmpint (nv_workshop_agree_measure (f->db.store, id, "Faste samtaler", "Leder",
                                              "2025-03-24", NULL, &error), ==, 0);
  g_assert_error (error, NV_STORE_ERROR, NV_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "By when"));
  g_clear_error (&error);
  g_assert_cmpint (nv_workshop_agree_measure (f->db.store, id, " ", "Leder", NULL, NULL, &error), ==, 0);
  g_assert_error (error, NV_STORE_ERROR, NV_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "What"));
  g_clear_error (&error);
  list = nv_workshop_measures (f->db.store, id, &error);
  g_assert_cmpuint (list->len, ==, 0);
  g_clear_pointer (&list, g_ptr_array_unref);

  m = nv_workshop_agree_measure (f->db.store, id, "Faste samtaler etter tredje fravær", "Leder",
                                 "2025-06-01", "open-talk", &error);
  g_assert_no_error (error);
  g_assert_cmpint (m, >, 0);
  nv_workshop_agree_measure (f->db.store, id, "Fadderordning", "Verneombud", NULL, NULL, &error);
  g_assert_no_error (error);

  list = nv_workshop_measures (f->db.store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  measure = g_ptr_array_index (list, 0);
  g_assert_cmpint (measure->id, ==, m);
  g_assert_cmpstr (measure->title, ==, "Faste samtaler etter tredje fravær");
  g_assert_cmpstr (measure->owner, ==, "Leder");
  g_assert_cmpstr (measure->theme, ==, "open-talk");
  g_assert_cmpint (measure->workshop_id, ==, id);
  g_assert_cmpint (measure->unit_id, ==, f->unit);
  g_assert_cmpstr (nv_day_format_iso_buf (measure->start, iso), ==, "2025-03-25");
  g_assert_cmpstr (nv_day_format_iso_buf (measure->deadline, iso), ==, "2025-06-01");
  g_assert_cmpint (((NvMeasure *) g_ptr_array_index (list, 1))->deadline, ==, NV_DAY_NONE);
}

static void
test_cascade (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) list = NULL;
  gint64 id = nv_workshop_add (f->db.store, f->unit, "2025-03-25", NULL, &error);

  nv_workshop_add_idea (f->db.store, id, "Idé", NULL, &error);
  nv_workshop_tick (f->db.store, id, "anchor", TRUE, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (nv_unit_delete (f->db.store, f->unit, &error));
  g_assert_no_error (error);
  list = nv_workshop_list (f->db.store, f->unit, &error);
  g_assert_cmpuint (list->len, ==, 0);
  g_assert_null (nv_workshop_get (f->db.store, id, &error));
  g_assert_error (error, NV_STORE_ERROR, NV_STORE_ERROR_NOT_FOUND);
}

static void
test_slides (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) slides = NULL;
  gint64 id = nv_workshop_add (f->db.store, f->unit, "2025-03-25", NULL, &error);
  NvSlide *s;

  /* welcome, purpose, research, figures, 3 default themes, prioritise, agree, closing */
  nv_workshop_add_prompt (f->db.store, id, "open-talk", "Hva gjør vi i dag når noen ringer?", &error);
  nv_workshop_add_prompt (f->db.store, id, "initiative", "Not shown: theme is off", &error);
  slides = nv_workshop_slides (f->db.store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (slides->len, ==, 10);
  s = g_ptr_array_index (slides, 0);
  g_assert_cmpint (s->kind, ==, NV_SLIDE_WELCOME);
  s = g_ptr_array_index (slides, 2);
  g_assert_cmpint (s->kind, ==, NV_SLIDE_STEP);
  g_assert_cmpstr (s->step->id, ==, "research");
  g_assert_cmpuint (s->prompts->len, ==, 1);
  s = g_ptr_array_index (slides, 6);
  g_assert_cmpint (s->kind, ==, NV_SLIDE_THEME);
  g_assert_cmpstr (s->theme->id, ==, "open-talk");
  g_assert_cmpuint (s->prompts->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (s->prompts, 2), ==, "Hva gjør vi i dag når noen ringer?");
  g_assert_cmpint (s->minutes, ==, 15);
  s = g_ptr_array_index (slides, 9);
  g_assert_cmpint (s->kind, ==, NV_SLIDE_CLOSING);
  g_clear_pointer (&slides, g_ptr_array_unref);

  /* with every theme off the rounds step is one slide of its own */
  nv_workshop_set_theme (f->db.store, id, "leadership", FALSE, &error);
  nv_workshop_set_theme (f->db.store, id, "mastery-climate", FALSE, &error);
  nv_workshop_set_theme (f->db.store, id, "open-talk", FALSE, &error);
  slides = nv_workshop_slides (f->db.store, id, &error);
  g_assert_cmpuint (slides->len, ==, 8);
  s = g_ptr_array_index (slides, 4);
  g_assert_cmpint (s->kind, ==, NV_SLIDE_STEP);
  g_assert_cmpstr (s->step->id, ==, "rounds");
  g_clear_pointer (&slides, g_ptr_array_unref);

  /* A 10-FAKTOR round with 2 respondents is never shown: no slide. With 3,
   * its profile follows the figures slide. */
  {
    g_autoptr (NvUnit) unit = nv_unit_get (f->db.store, f->unit, &error);
    g_autofree char *csv2 = g_strdup_printf ("enhet;dato;respondenter;autonomi\n%s;2025-01-31;2;3\n",
                                             unit->name);
    g_autofree char *csv3 = g_strdup_printf ("enhet;dato;respondenter;autonomi\n%s;2025-02-28;3;3\n",
                                             unit->name);

    g_assert_true (nv_faktor_import_data (f->db.store, "f.csv", csv2, strlen (csv2), FALSE, NULL,
                                          NULL, &error));
    slides = nv_workshop_slides (f->db.store, id, &error);
    g_assert_cmpuint (slides->len, ==, 8);
    g_clear_pointer (&slides, g_ptr_array_unref);
    g_assert_true (nv_faktor_import_data (f->db.store, "f.csv", csv3, strlen (csv3), FALSE, NULL,
                                          NULL, &error));
    slides = nv_workshop_slides (f->db.store, id, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (slides->len, ==, 9);
    s = g_ptr_array_index (slides, 3);
    g_assert_cmpstr (s->step->id, ==, "figures");
    s = g_ptr_array_index (slides, 4);
    g_assert_cmpint (s->kind, ==, NV_SLIDE_FAKTOR);
  }
}

static void
test_demo (Fixture *f, gconstpointer data)
{
  g_autoptr (NvStoreTxn) txn = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) list = NULL;
  g_autoptr (GPtrArray) ideas = NULL;
  g_autoptr (GPtrArray) measures = NULL;
  NvDay today = nv_day_from_ymd (2025, 11, 20);
  NvWorkshop *w;

  g_assert_true ((txn = nv_store_txn_begin (f->db.store, NV_TOPIC_ALL, &error)) != NULL);
  g_assert_true (nv_workshop_demo_fill (f->db.store, f->unit, 0, today, &error));
  g_assert_no_error (error);
  g_assert_true (nv_workshop_demo_fill (f->db.store, f->unit, 1, today, &error));
  g_assert_true (nv_store_txn_commit (g_steal_pointer (&txn), &error));

  list = nv_workshop_list (f->db.store, f->unit, &error);
  g_assert_cmpuint (list->len, ==, 2);
  /* the planned one three weeks ahead, on a Tuesday: 2025-12-11 is a Thursday,
   * so the 16th */
  w = g_ptr_array_index (list, 0);
  g_assert_cmpstr (w->date, ==, "2025-12-16");
  g_assert_cmpint (w->state, ==, NV_WORKSHOP_PLANNED);
  /* the held one: 125 days before is 2025-07-18 (Friday), so Tuesday 22 July */
  w = g_ptr_array_index (list, 1);
  g_assert_cmpstr (w->date, ==, "2025-07-22");
  g_assert_cmpint (w->state, ==, NV_WORKSHOP_HELD);
  g_assert_cmpint (w->n_ticked, ==, 15);
  g_assert_cmpint (w->staff, ==, 17);
  g_assert_cmpstr (w->followup_date, ==, "2025-11-25");
  {
    g_autoptr (GPtrArray) steps = nv_workshop_steps (f->db.store, w->id, &error);
    /* the last run step was ticked in the session, on the workshop's day
     * (13:00 + 85 minutes local, so the same day in UTC too) */
    NvWorkshopStep *agree = g_ptr_array_index (steps, 11);
    g_assert_cmpstr (agree->step->id, ==, "agree");
    g_assert_true (g_str_has_prefix (agree->ticked, "2025-07-22T"));
  }

  ideas = nv_workshop_ideas (f->db.store, w->id, TRUE, &error);
  g_assert_cmpuint (ideas->len, ==, 6);
  g_assert_cmpint (((NvWorkshopIdea *) g_ptr_array_index (ideas, 0))->votes, ==, 9);
  measures = nv_workshop_measures (f->db.store, w->id, &error);
  g_assert_cmpuint (measures->len, ==, 3);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/workshop/template/default", test_template_default);
  g_test_add_func ("/workshop/template/minimal", test_template_minimal);
  g_test_add_func ("/workshop/template/missing", test_template_missing);
  g_test_add_func ("/workshop/template/malformed", test_template_malformed);
  g_test_add_func ("/workshop/template/data-errors", test_template_data_errors);
#define ADD(path, fn) g_test_add ("/workshop/" path, Fixture, NULL, setup, fn, teardown)
  ADD ("add-validate", test_add_validate);
  ADD ("update", test_update);
  ADD ("conflict", test_conflict);
  ADD ("checklist-state", test_checklist_state);
  ADD ("themes-prompts", test_themes_prompts);
  ADD ("ideas-votes", test_ideas_votes);
  ADD ("measures", test_measures);
  ADD ("cascade", test_cascade);
  ADD ("slides", test_slides);
  ADD ("demo", test_demo);
#undef ADD
  return g_test_run ();
}
