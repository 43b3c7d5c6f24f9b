/* Measures: status rules, overdue, validation, search, filters, sorting.
 * Expectations are worked out by hand from the rules in nv-measure.h. */
#include "config.h"

#include <string.h>

#include "measure-fixture.h"
#include "nv-measure.h"
#include "nv-workshop.h"
#include "nv-store-private.h"
#include "nv-unit.h"

static NvMeasureStatus
status_of (Fixture *f, gint64 id)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (NvMeasure) m = nv_measure_get (f->store, id, &error);
  g_assert_no_error (error);
  return m->status;
}

static guint
count_measures (Fixture *f)
{
  g_autoptr (GPtrArray) all = nv_measure_list (f->store, f->unit, NULL, NULL);
  g_assert_nonnull (all);
  return all != NULL ? all->len : 0;
}

/* Brings a fresh measure to @status through allowed steps dated in 2025. */
static gint64
measure_in (Fixture *f, NvMeasureStatus status)
{
  g_autoptr (GError) error = NULL;
  gint64 id = add (f, "Fast morgenmøte", "Avdelingsleder", "leadership", "2025-01-06",
                   "2025-06-30");

  if (status == NV_MEASURE_IN_PROGRESS || status == NV_MEASURE_DONE)
    g_assert_true (nv_measure_set_status (f->store, id, NV_MEASURE_IN_PROGRESS, NULL,
                                          day ("2025-01-06"), &error));
  if (status == NV_MEASURE_DONE)
    g_assert_true (nv_measure_set_status (f->store, id, NV_MEASURE_DONE, NULL,
                                          day ("2025-03-01"), &error));
  if (status == NV_MEASURE_DISCONTINUED)
    g_assert_true (nv_measure_set_status (f->store, id, NV_MEASURE_DISCONTINUED, "Not needed",
                                          day ("2025-02-01"), &error));
  g_assert_no_error (error);
  g_assert_cmpint (status_of (f, id), ==, status);
  return id;
}

static void
test_transitions (Fixture *f, gconstpointer data)
{
  /* The full table, by hand: rows from, columns to
   * (planned, in-progress, done, discontinued). 1 = allowed, 2 = allowed with a note. */
  static const int table[4][4] = {
    { 0, 1, 0, 1 }, /* planned */
    { 0, 0, 1, 1 }, /* in-progress */
    { 0, 2, 0, 0 }, /* done */
    { 0, 2, 0, 0 }, /* discontinued */
  };

  for (int from = 0; from < 4; from++)
    for (int to = 0; to < 4; to++)
      {
        gboolean needs_note = FALSE;
        g_autoptr (GError) error = NULL;
        gint64 id = measure_in (f, from);
        const char *from_label = nv_measure_status_label (from);
        const char *to_label = nv_measure_status_label (to);
        g_autofree char *quoted_from = g_strdup_printf ("“%s”", from_label);
        g_autofree char *quoted_to = g_strdup_printf ("“%s”", to_label);

        g_test_message ("%s → %s", nv_measure_status_id (from), nv_measure_status_id (to));
        g_assert_cmpint (nv_measure_transition_allowed (from, to, &needs_note), ==,
                         table[from][to] != 0);
        g_assert_cmpint (needs_note, ==, table[from][to] == 2);

        if (table[from][to] == 0)
          {
            g_assert_false (nv_measure_set_status (f->store, id, to, "a note", day ("2025-04-01"),
                                                   &error));
            g_assert_error (error, NV_STORE_ERROR, NV_STORE_ERROR_INVALID);
            g_assert_nonnull (strstr (error->message, quoted_from));
            g_assert_nonnull (strstr (error->message, quoted_to));
            g_assert_cmpint (status_of (f, id), ==, from);
            continue;
          }
        if (table[from][to] == 2)
          {
            /* without a note (NULL or blank) it is refused, naming both */
            g_assert_false (nv_measure_set_status (f->store, id, to, NULL, day ("2025-04-01"),
                                                   &error));
            g_assert_error (error, NV_STORE_ERROR, NV_STORE_ERROR_INVALID);
            g_assert_nonnull (strstr (error->message, quoted_from));
            g_assert_nonnull (strstr (error->message, quoted_to));
            g_assert_nonnull (strstr (error->message, "note"));
            g_clear_error (&error);
            g_assert_false (nv_measure_set_status (f->store, id, to, "  \n", day ("2025-04-01"),
                                                   &error));
            g_assert_error (error, NV_STORE_ERROR, NV_STORE_ERROR_INVALID);
            g_clear_error (&error);
            g_assert_cmpint (status_of (f, id), ==, from);
          }
        g_assert_true (nv_measure_set_status (f->store, id, to,
                                              table[from][to] == 2 ? "Fell back into old habits" : NULL,
                                              day ("2025-04-01"), &error));
        g_assert_no_error (error);
        g_assert_cmpint (status_of (f, id), ==, to);
      }
}

static void
test_transition_messages (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  g_assert_false (nv_measure_check_transition (NV_MEASURE_PLANNED, NV_MEASURE_DONE, NULL, &error));
  g_assert_cmpstr (error->message, ==,
                   "Cannot change the status from “Planned” to “Done”: start the measure first");
  g_clear_error (&error);
  g_assert_false (nv_measure_check_transition (NV_MEASURE_DONE, NV_MEASURE_DONE, NULL, &error));
  g_assert_cmpstr (error->message, ==,
                   "Cannot change the status from “Done” to “Done”: the measure already has that status");
  g_clear_error (&error);
  g_assert_false (nv_measure_check_transition (NV_MEASURE_DISCONTINUED, NV_MEASURE_DONE, NULL, &error));
  g_assert_cmpstr (error->message, ==,
                   "Cannot change the status from “Discontinued” to “Done”: reopen the measure first");
  g_clear_error (&error);
  g_assert_false (nv_measure_check_transition (NV_MEASURE_IN_PROGRESS, NV_MEASURE_PLANNED, NULL, &error));
  g_assert_cmpstr (error->message, ==,
                   "Cannot change the status from “In progress” to “Planned”: a measure that has "
                   "been started cannot be planned again");
}

static void
test_status_notes_and_days (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) notes = NULL;
  g_autoptr (NvMeasure) m = NULL;
  gint64 id = add (f, "Kollegaveiledning", NULL, "mastery-climate", "2025-03-10", "2025-09-30");
  NvMeasureNote *n;

  /* started before the planned start: the start moves to that day */
  g_assert_true (nv_measure_set_status (f->store, id, NV_MEASURE_IN_PROGRESS, NULL,
                                        day ("2025-03-03"), &error));
  g_assert_no_error (error);
  m = nv_measure_get (f->store, id, &error);
  g_assert_cmpuint (m->start, ==, day ("2025-03-03"));
  g_assert_cmpuint (m->status_day, ==, day ("2025-03-03"));
  g_clear_pointer (&m, nv_measure_free);

  /* done cannot be dated before it was started */
  g_assert_false (nv_measure_set_status (f->store, id, NV_MEASURE_DONE, NULL, day ("2025-03-01"),
                                         &error));
  g_assert_error (error, NV_STORE_ERROR, NV_STORE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "The status change date (01.03.2025) is before the last status change "
                   "(03.03.2025)");
  g_clear_error (&error);
  /* nor an evaluation */
  g_assert_cmpint (nv_measure_add_note (f->store, id, day ("2025-03-02"), "For tidlig", &error),
                   ==, 0);
  g_assert_error (error, NV_STORE_ERROR, NV_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (nv_measure_set_status (f->store, id, NV_MEASURE_DONE, "Alle har hatt veiledning",
                                        day ("2025-06-20"), &error));
  /* reopening cannot be dated before it was done */
  g_assert_false (nv_measure_set_status (f->store, id, NV_MEASURE_IN_PROGRESS, "Tidlig",
                                         day ("2025-06-19"), &error));
  g_assert_error (error, NV_STORE_ERROR, NV_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (nv_measure_set_status (f->store, id, NV_MEASURE_IN_PROGRESS,
                                        "Nye vikarer trenger det også", day ("2025-08-01"), &error));
  g_assert_cmpint (nv_measure_add_note (f->store, id, day ("2025-07-01"),
                                        "Korttidsfraværet gikk ned i Q2", &error), >, 0);
  g_assert_no_error (error);

  notes = nv_measure_list_notes (f->store, id, &error);
  g_assert_cmpuint (notes->len, ==, 3);
  n = g_ptr_array_index (notes, 0);
  g_assert_cmpuint (n->day, ==, day ("2025-06-20"));
  g_assert_cmpint (n->from_status, ==, NV_MEASURE_IN_PROGRESS);
  g_assert_cmpint (n->to_status, ==, NV_MEASURE_DONE);
  n = g_ptr_array_index (notes, 1);
  g_assert_cmpstr (n->text, ==, "Korttidsfraværet gikk ned i Q2");
  g_assert_cmpint (n->from_status, ==, -1);
  g_assert_cmpint (n->to_status, ==, -1);
  n = g_ptr_array_index (notes, 2);
  g_assert_cmpint (n->from_status, ==, NV_MEASURE_DONE);
  g_assert_cmpint (n->to_status, ==, NV_MEASURE_IN_PROGRESS);

  m = nv_measure_get (f->store, id, &error);
  g_assert_cmpuint (m->n_notes, ==, 1); /* evaluations only */
  g_assert_cmpuint (m->status_day, ==, day ("2025-08-01"));

  /* a blank evaluation is refused, nothing stored */
  g_assert_cmpint (nv_measure_add_note (f->store, id, NV_DAY_NONE, " ", &error), ==, 0);
  g_assert_error (error, NV_STORE_ERROR, NV_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (nv_measure_add_note (f->store, id, NV_DAY_NONE, "Gjelder 01019012345", &error),
                   ==, 0);
  g_assert_error (error, NV_STORE_ERROR, NV_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_clear_pointer (&notes, g_ptr_array_unref);
  notes = nv_measure_list_notes (f->store, id, &error);
  g_assert_cmpuint (notes->len, ==, 3);
}

static void
test_overdue (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (NvMeasure) m = NULL;
  gint64 id = add (f, "Oppfølgingsplan-rutine", "Leder", "absent-follow-up", "2025-01-02",
                   "2025-03-31");

  m = nv_measure_get (f->store, id, &error);
  /* the deadline day itself is not overdue; the day after is, by one day */
  g_assert_false (nv_measure_is_overdue (m, day ("2025-03-30")));
  g_assert_false (nv_measure_is_overdue (m, day ("2025-03-31")));
  g_assert_cmpuint (nv_measure_days_overdue (m, day ("2025-03-31")), ==, 0);
  g_assert_true (nv_measure_is_overdue (m, day ("2025-04-01")));
  g_assert_cmpuint (nv_measure_days_overdue (m, day ("2025-04-01")), ==, 1);
  /* 31 March → 30 April is 30 days */
  g_assert_cmpuint (nv_measure_days_overdue (m, day ("2025-04-30")), ==, 30);

  m->status = NV_MEASURE_IN_PROGRESS;
  g_assert_true (nv_measure_is_overdue (m, day ("2025-04-01")));
  m->status = NV_MEASURE_DONE;
  g_assert_false (nv_measure_is_overdue (m, day ("2025-04-01")));
  m->status = NV_MEASURE_DISCONTINUED;
  g_assert_false (nv_measure_is_overdue (m, day ("2025-04-01")));
  m->status = NV_MEASURE_PLANNED;
  m->deadline = NV_DAY_NONE;
  g_assert_false (nv_measure_is_overdue (m, day ("2099-01-01")));
}

static void
test_national_id (Fixture *f, gconstpointer data)
{
  g_assert_true (nv_text_looks_like_national_id ("01019012345"));
  g_assert_true (nv_text_looks_like_national_id ("Kari 010190 12345"));
  g_assert_true (nv_text_looks_like_national_id ("010190-12345"));
  g_assert_true (nv_text_looks_like_national_id ("nr 123456789012"));
  g_assert_false (nv_text_looks_like_national_id ("0101901234"));
  g_assert_false (nv_text_looks_like_national_id ("0101 9012345"));
  g_assert_false (nv_text_looks_like_national_id ("Verneombud"));
  g_assert_false (nv_text_looks_like_national_id ("tlf 12345678, rom 123"));
  g_assert_false (nv_text_looks_like_national_id (""));
  g_assert_false (nv_text_looks_like_national_id (NULL));
}

static void
test_validation (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (NvMeasure) m = nv_measure_new ();
  NvMeasureField field;

  g_free (m->title);
  m->title = g_strdup ("   ");
  g_assert_false (nv_measure_validate (f->store, f->unit, m, &field, &error));
  g_assert_cmpint (field, ==, NV_MEASURE_FIELD_TITLE);
  g_clear_error (&error);

  g_free (m->title);
  m->title = g_strdup ("Lunsj sammen");
  g_free (m->owner);
  m->owner = g_strdup ("01019012345");
  g_assert_false (nv_measure_validate (f->store, f->unit, m, &field, &error));
  g_assert_cmpint (field, ==, NV_MEASURE_FIELD_OWNER);
  g_assert_nonnull (strstr (error->message, "national id"));
  g_clear_error (&error);
  g_assert_cmpint (nv_measure_add (f->store, f->unit, m, &error), ==, 0);
  g_assert_error (error, NV_STORE_ERROR, NV_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_free (m->owner);
  m->owner = g_strdup ("Tillitsvalgt");
  g_free (m->theme);
  m->theme = g_strdup ("cake");
  g_assert_false (nv_measure_validate (f->store, f->unit, m, &field, &error));
  g_assert_cmpint (field, ==, NV_MEASURE_FIELD_THEME);
  g_clear_error (&error);

  g_free (m->theme);
  m->theme = g_strdup ("open-talk");
  m->start = day ("2025-05-01");
  m->deadline = day ("2025-04-30");
  g_assert_false (nv_measure_validate (f->store, f->unit, m, &field, &error));
  g_assert_cmpint (field, ==, NV_MEASURE_FIELD_DEADLINE);
  g_assert_cmpstr (error->message, ==, "The deadline (30.04.2025) is before the start (01.05.2025)");
  g_clear_error (&error);

  m->deadline = day ("2025-05-01"); /* same day is fine */
  m->workshop_id = 999;
  g_assert_false (nv_measure_validate (f->store, f->unit, m, &field, &error));
  g_assert_cmpint (field, ==, NV_MEASURE_FIELD_WORKSHOP);
  g_clear_error (&error);

  m->workshop_id = 0;
  g_assert_true (nv_measure_validate (f->store, f->unit, m, &field, &error));
  g_assert_no_error (error);
  g_assert_cmpint (field, ==, NV_MEASURE_FIELD_NONE);

  /* nothing was stored by the refused adds */
  g_assert_cmpuint (count_measures (f), ==, 0);
}

static void
test_update_delete_cascade (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (NvMeasure) m = NULL;
  gint64 id = add (f, "Ryddig vaktplan", "Turnusansvarlig", "work-organisation", "2025-02-01",
                   NULL);

  m = nv_measure_get (f->store, id, &error);
  g_free (m->title);
  m->title = g_strdup ("  Forutsigbar vaktplan  ");
  m->deadline = day ("2025-05-31");
  g_assert_true (nv_measure_update (f->store, id, m, &error));
  g_assert_no_error (error);
  g_clear_pointer (&m, nv_measure_free);
  m = nv_measure_get (f->store, id, &error);
  g_assert_cmpstr (m->title, ==, "Forutsigbar vaktplan");
  g_assert_cmpuint (m->deadline, ==, day ("2025-05-31"));
  g_assert_cmpint (m->status, ==, NV_MEASURE_PLANNED);

  g_assert_cmpint (nv_measure_add_note (f->store, id, NV_DAY_NONE, "Notat", &error), >, 0);
  g_assert_true (nv_unit_delete (f->store, f->unit, &error));
  g_assert_no_error (error);
  g_clear_pointer (&m, nv_measure_free);
  m = nv_measure_get (f->store, id, &error);
  g_assert_null (m);
  g_assert_error (error, NV_STORE_ERROR, NV_STORE_ERROR_NOT_FOUND);
}

static char *
titles (GPtrArray *list)
{
  g_autoptr (GString) s = g_string_new (NULL);

  for (guint i = 0; i < list->len; i++)
    {
      NvMeasure *m = g_ptr_array_index (list, i);
      if (i > 0)
        g_string_append (s, "|");
      g_string_append (s, m->title);
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static char *
list_titles (Fixture *f, const NvMeasureQuery *q)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) list = nv_measure_list (f->store, f->unit, q, &error);
  g_assert_no_error (error);
  return titles (list);
}

/* Asserts the titles @q lists, joined by «|» (a macro: a failure names the
 * caller's line). */
#define ASSERT_TITLES(q, expected)                                                                  \
  G_STMT_START                                                                                     \
  {                                                                                                \
    g_autofree char *titles_ = list_titles (f, q);                                                 \
    g_assert_cmpstr (titles_, ==, expected);                                                       \
  }                                                                                                \
  G_STMT_END

static void
test_filters_search_sort (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  NvMeasureQuery q;
  gint64 a, b, c, d;

  a = add (f, "Ærlig prat om fravær", "Avdelingsleder", "open-talk", "2025-01-10", "2025-02-28");
  b = add (f, "Bedre introduksjon for vikarer", "Fagutviklingssykepleier", "competence-quality",
           "2025-01-15", "2025-06-30");
  c = add (f, "Cafémøte hver fredag", "", "mastery-climate", "2025-02-01", NULL);
  d = add (f, "Dialog før legebesøk", "Leder", "absent-follow-up", "2025-03-01", "2025-03-31");
  g_assert_true (nv_measure_set_status (f->store, a, NV_MEASURE_IN_PROGRESS, NULL,
                                        day ("2025-01-10"), &error));
  g_assert_true (nv_measure_set_status (f->store, b, NV_MEASURE_IN_PROGRESS, NULL,
                                        day ("2025-01-15"), &error));
  g_assert_true (nv_measure_set_status (f->store, b, NV_MEASURE_DONE, NULL, day ("2025-06-01"),
                                        &error));
  g_assert_cmpint (nv_measure_add_note (f->store, c, day ("2025-04-01"),
                                        "Kaffe og boller gir god stemning", &error), >, 0);
  g_assert_no_error (error);
  (void) d;

  nv_measure_query_init (&q);
  q.as_of = day ("2025-04-15");
  /* by deadline: 28.02 (Æ), 31.03 (D), 30.06 (B), none (C) */
  ASSERT_TITLES (&q, "Ærlig prat om fravær|Dialog før legebesøk|Bedre introduksjon for "
                     "vikarer|Cafémøte hver fredag");

  q.descending = TRUE;
  ASSERT_TITLES (&q, "Cafémøte hver fredag|Bedre introduksjon for vikarer|Dialog før "
                     "legebesøk|Ærlig prat om fravær");
  q.descending = FALSE;

  q.sort = NV_MEASURE_SORT_START;
  ASSERT_TITLES (&q, "Ærlig prat om fravær|Bedre introduksjon for vikarer|Cafémøte hver "
                     "fredag|Dialog før legebesøk");

  q.sort = NV_MEASURE_SORT_STATUS; /* planned C (no deadline), D; in-progress Æ; done B */
  ASSERT_TITLES (&q, "Dialog før legebesøk|Cafémøte hver fredag|Ærlig prat om fravær|Bedre "
                     "introduksjon for vikarer");

  q.sort = NV_MEASURE_SORT_OWNER; /* Avdelingsleder, Fagutv…, Leder, (none) */
  ASSERT_TITLES (&q, "Ærlig prat om fravær|Bedre introduksjon for vikarer|Dialog før "
                     "legebesøk|Cafémøte hver fredag");

  q.sort = NV_MEASURE_SORT_THEME; /* mastery-climate, open-talk, absent-follow-up, competence */
  ASSERT_TITLES (&q, "Cafémøte hver fredag|Ærlig prat om fravær|Dialog før "
                     "legebesøk|Bedre introduksjon for vikarer");

  /* attention on 15.04.2025: overdue Æ (28.02) and D (31.03), then planned C;
   * done B last */
  q.sort = NV_MEASURE_SORT_ATTENTION;
  ASSERT_TITLES (&q, "Ærlig prat om fravær|Dialog før legebesøk|Cafémøte hver "
                     "fredag|Bedre introduksjon for vikarer");
  q.sort = NV_MEASURE_SORT_DEADLINE;

  /* overdue on 15.04.2025: Æ (in progress, 28.02) and D (planned, 31.03) */
  q.overdue_only = TRUE;
  ASSERT_TITLES (&q, "Ærlig prat om fravær|Dialog før legebesøk");
  /* on 31.03.2025 D's deadline day is not overdue yet */
  q.as_of = day ("2025-03-31");
  ASSERT_TITLES (&q, "Ærlig prat om fravær");
  q.overdue_only = FALSE;
  q.as_of = day ("2025-04-15");

  q.status_mask = 1u << NV_MEASURE_DONE;
  ASSERT_TITLES (&q, "Bedre introduksjon for vikarer");
  q.status_mask = (1u << NV_MEASURE_PLANNED) | (1u << NV_MEASURE_IN_PROGRESS);
  ASSERT_TITLES (&q, "Ærlig prat om fravær|Dialog før legebesøk|Cafémøte hver fredag");
  q.status_mask = 0;

  q.theme = "absent-follow-up";
  ASSERT_TITLES (&q, "Dialog før legebesøk");
  q.theme = NULL;

  /* search: case-insensitive, in title, owner, description and notes; all words */
  q.search = "ÆRLIG";
  ASSERT_TITLES (&q, "Ærlig prat om fravær");
  q.search = "boller";
  ASSERT_TITLES (&q, "Cafémøte hver fredag");
  q.search = "  leder  ";
  ASSERT_TITLES (&q, "Ærlig prat om fravær|Dialog før legebesøk"); /* Avdelingsleder and Leder */
  q.search = "leder legebesøk";
  ASSERT_TITLES (&q, "Dialog før legebesøk");
  q.search = "cafe"; /* é is not e (nor å a): composed forms are compared */
  ASSERT_TITLES (&q, "");
  /* filters combine */
  q.search = "fravær";
  q.overdue_only = TRUE;
  q.status_mask = 1u << NV_MEASURE_IN_PROGRESS;
  ASSERT_TITLES (&q, "Ærlig prat om fravær");
  q.status_mask = 1u << NV_MEASURE_PLANNED;
  ASSERT_TITLES (&q, "");
}

static void
test_by_start (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) list = NULL;
  g_autofree char *t = NULL;

  add (f, "B", NULL, NULL, "2025-05-01", NULL);
  add (f, "A", NULL, NULL, "2025-02-01", NULL);
  add (f, "C", NULL, NULL, "2025-02-01", NULL);
  list = nv_measure_list_by_start (f->store, f->unit, &error);
  g_assert_no_error (error);
  t = titles (list);
  g_assert_cmpstr (t, ==, "A|C|B");
}

static void
test_labels (Fixture *f, gconstpointer data)
{
  const char *const *themes = nv_measure_theme_ids ();
  NvMeasureStatus s;

  g_assert_cmpuint (g_strv_length ((char **) themes), ==, 9);
  g_assert_cmpstr (themes[8], ==, "other");
  for (guint i = 0; themes[i] != NULL; i++)
    g_assert_true (nv_measure_theme_is_valid (themes[i]));
  g_assert_false (nv_measure_theme_is_valid ("Leadership"));
  g_assert_cmpstr (nv_measure_theme_label ("open-talk"), ==, "Open talk about absence");
  g_assert_true (nv_measure_status_parse ("in-progress", &s));
  g_assert_cmpint (s, ==, NV_MEASURE_IN_PROGRESS);
  g_assert_false (nv_measure_status_parse ("in progress", &s));
  g_assert_cmpstr (nv_measure_status_id (NV_MEASURE_DISCONTINUED), ==, "discontinued");
}

static void
test_workshop_link (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) list = NULL;
  g_autoptr (NvMeasure) m = nv_measure_new ();
  g_autoptr (NvMeasure) got = NULL;
  gint64 other_unit = nv_unit_add (f->store, "Barnehagen", "barnehage", NULL, &error);
  gint64 ws = nv_workshop_add (f->store, f->unit, "2025-03-04", "Dialogmøte", &error);
  gint64 foreign = nv_workshop_add (f->store, other_unit, "2025-03-05", NULL, &error);
  NvMeasureField field;
  gint64 id;

  g_assert_no_error (error);
  g_free (m->title);
  m->title = g_strdup ("Avtalt tiltak");
  m->start = day ("2025-03-04");
  m->workshop_id = foreign;
  g_assert_false (nv_measure_validate (f->store, f->unit, m, &field, &error));
  g_assert_cmpint (field, ==, NV_MEASURE_FIELD_WORKSHOP);
  g_clear_error (&error);
  m->workshop_id = ws;
  id = nv_measure_add (f->store, f->unit, m, &error);
  g_assert_no_error (error);
  list = nv_measure_list_for_workshop (f->store, ws, &error);
  g_assert_cmpuint (list->len, ==, 1);

  /* deleting the workshop keeps the measure, without the link */
  g_assert_true (nv_workshop_delete (f->store, ws, &error));
  g_assert_no_error (error);
  got = nv_measure_get (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (got->workshop_id, ==, 0);
}

static void
test_demo (Fixture *f, gconstpointer data)
{
  g_autoptr (NvStoreTxn) txn = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) list = NULL;
  NvDay today = day ("2026-03-15");
  guint n[NV_MEASURE_N_STATUSES] = { 0 };
  guint overdue = 0;

  g_assert_true ((txn = nv_store_txn_begin (f->store, NV_TOPIC_ALL, &error)) != NULL);
  g_assert_true (nv_measure_demo_fill (f->store, f->unit, 0, today, &error));
  g_assert_no_error (error);
  g_assert_true (nv_store_txn_commit (g_steal_pointer (&txn), &error));
  list = nv_measure_list (f->store, f->unit, NULL, &error);
  g_assert_cmpuint (list->len, ==, 6);
  for (guint i = 0; i < list->len; i++)
    {
      NvMeasure *m = g_ptr_array_index (list, i);
      n[m->status]++;
      if (nv_measure_is_overdue (m, today))
        overdue++;
      if (m->status == NV_MEASURE_DONE)
        g_assert_cmpuint (m->n_notes, >, 0);
      if (m->status == NV_MEASURE_DISCONTINUED)
        {
          g_autoptr (GPtrArray) notes = nv_measure_list_notes (f->store, m->id, &error);
          NvMeasureNote *note = g_ptr_array_index (notes, 0);
          g_assert_cmpuint (notes->len, ==, 1);
          g_assert_cmpint (note->to_status, ==, NV_MEASURE_DISCONTINUED);
        }
    }
  g_assert_cmpuint (n[NV_MEASURE_DONE], ==, 2);
  g_assert_cmpuint (n[NV_MEASURE_IN_PROGRESS], ==, 2);
  g_assert_cmpuint (n[NV_MEASURE_PLANNED], ==, 1);
  g_assert_cmpuint (n[NV_MEASURE_DISCONTINUED], ==, 1);
  g_assert_cmpuint (overdue, ==, 1);
}

/* Two leaders (two connections to the same database) edit one measure: the
 * second save, made over the version it read, is refused with
 * NV_STORE_ERROR_CONFLICT and changes nothing; read again, it saves. */
static void
test_conflict (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *where = nv_test_store_location (f->dir, "t.db");
  g_autoptr (NvStore) other = nv_store_open (where, &error);
  gint64 id = add (f, "Morgenmøte", NULL, NULL, "2026-01-05", NULL);
  g_autoptr (NvMeasure) mine = NULL;
  g_autoptr (NvMeasure) theirs = NULL;
  g_autoptr (NvMeasure) now = NULL;

  g_assert_no_error (error);
  mine = nv_measure_get (f->store, id, &error);
  theirs = nv_measure_get (other, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (mine->row_version, >, 0);
  g_assert_cmpint (mine->row_version, ==, theirs->row_version);

  g_free (theirs->title);
  theirs->title = g_strdup ("Morgenmøte kl. 8");
  g_assert_true (nv_measure_update (other, id, theirs, &error));
  g_assert_no_error (error);

  g_free (mine->owner);
  mine->owner = g_strdup ("Verneombud");
  g_assert_false (nv_measure_update (f->store, id, mine, &error));
  g_assert_error (error, NV_STORE_ERROR, NV_STORE_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "someone else"));
  g_clear_error (&error);

  now = nv_measure_get (f->store, id, &error);
  g_assert_cmpstr (now->title, ==, "Morgenmøte kl. 8");
  g_assert_cmpstr (now->owner, ==, "");
  g_assert_cmpint (now->row_version, >, mine->row_version);

  /* Reloaded: the change goes through, and the other's copy is stale now. */
  g_free (now->owner);
  now->owner = g_strdup ("Verneombud");
  g_assert_true (nv_measure_update (f->store, id, now, &error));
  g_assert_no_error (error);
  g_assert_false (nv_measure_update (other, id, theirs, &error));
  g_assert_error (error, NV_STORE_ERROR, NV_STORE_ERROR_CONFLICT);
  g_clear_error (&error);

  /* A status change raises the version too. */
  g_clear_pointer (&mine, nv_measure_free);
  mine = nv_measure_get (f->store, id, &error);
  g_assert_true (nv_measure_set_status (other, id, NV_MEASURE_IN_PROGRESS, NULL,
                                        day ("2026-01-06"), &error));
  g_assert_no_error (error);
  g_assert_false (nv_measure_update (f->store, id, mine, &error));
  g_assert_error (error, NV_STORE_ERROR, NV_STORE_ERROR_CONFLICT);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_setup, fn, fixture_teardown)
  ADD ("/measure/conflict", test_conflict);
  ADD ("/measure/transitions", test_transitions);
  ADD ("/measure/transition-messages", test_transition_messages);
  ADD ("/measure/status-notes-and-days", test_status_notes_and_days);
  ADD ("/measure/overdue", test_overdue);
  ADD ("/measure/national-id", test_national_id);
  ADD ("/measure/validation", test_validation);
  ADD ("/measure/update-delete-cascade", test_update_delete_cascade);
  ADD ("/measure/filters-search-sort", test_filters_search_sort);
  ADD ("/measure/by-start", test_by_start);
  ADD ("/measure/labels", test_labels);
  ADD ("/measure/workshop-link", test_workshop_link);
  ADD ("/measure/demo", test_demo);
#undef ADD
  return g_test_run ();
}
