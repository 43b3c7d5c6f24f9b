/* The absence store: every DESIGN §4 rule refused in the core with the field
 * that is wrong, batches checked against themselves, rollback leaving the
 * database unchanged, erasure by cascade, and store-backed statistics. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "nv-test-store.h"
#include "nv-absence.h"
#include "nv-stats.h"
#include "nv-store-private.h"
#include "nv-unit.h"

#define D(y, m, d) nv_day_from_ymd (y, m, d)
#define EPS 1e-9

typedef struct
{
  char *dir;
  NvStore *store;
  gint64 unit;
  gint64 emp; /* "AB", 100 % from 1.1.2025, ongoing */
  guint changed;
} Fixture;

static void
changed_cb (NvStore *store, guint topics, Fixture *f)
{
  if (topics & NV_TOPIC_ABSENCE)
    f->changed++;
}

static void
store_topics_cb (guint *out, guint topics)
{
  *out = topics;
}

static void
setup (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;
  const char *field = NULL;

  f->dir = nv_test_tmpdir ();
  path = g_build_filename (f->dir, "t.db", NULL);
  f->store = nv_store_open (path, &error);
  g_assert_no_error (error);
  f->unit = nv_test_add_unit (f->store, "Solsiden", "helse-omsorg", NULL);
  f->emp = nv_employee_add (f->store, f->unit, "AB", &field, &error);
  g_assert_no_error (error);
  g_assert_cmpint (nv_roster_add (f->store, f->emp, 100, D (2025, 1, 1), 0, &field, &error), >, 0);
  g_assert_no_error (error);
  g_signal_connect (f->store, "changed", G_CALLBACK (changed_cb), f);
}

static void
teardown (Fixture *f, gconstpointer data)
{
  /* A change announced after a transaction may still be pending and keep
   * the store alive; it must not reach this fixture once it is gone. */
  g_signal_handlers_disconnect_by_data (f->store, f);
  g_clear_object (&f->store);
  nv_test_rmtree (f->dir);
  g_free (f->dir);
}

/* Asserts an error in NV_STORE_ERROR naming @expected_field whose message
 * contains @fragment (when not NULL), then clears it. */
static void
check_field_error (GError **error, const char *field, const char *expected_field,
                   const char *fragment)
{
  g_assert_nonnull (*error);
  g_assert_true ((*error)->domain == NV_STORE_ERROR);
  g_assert_cmpstr (field, ==, expected_field);
  if (fragment != NULL && strstr ((*error)->message, fragment) == NULL)
    g_error ("message “%s” lacks “%s”", (*error)->message, fragment);
  g_clear_error (error);
}
#define assert_field_error(error, field, expected_field, fragment)                             \
  check_field_error (&(error), (field), (expected_field), (fragment))

static void
test_employee_refs (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  const char *field = NULL;
  g_autoptr (NvEmployee) found = NULL;

  g_assert_cmpint (nv_employee_add (f->store, f->unit, "ab", &field, &error), ==, 0);
  assert_field_error (error, field, "employee", "already");
  g_assert_cmpint (nv_employee_add (f->store, f->unit, "  ", &field, &error), ==, 0);
  assert_field_error (error, field, "employee", "empty");
  /* An 11-digit number looks like a fødselsnummer and is never stored. */
  g_assert_cmpint (nv_employee_add (f->store, f->unit, "01017012345", &field, &error), ==, 0);
  assert_field_error (error, field, "employee", "national identity");
  g_assert_cmpint (nv_employee_add (f->store, f->unit, "010170 12345", &field, &error), ==, 0);
  assert_field_error (error, field, "employee", NULL);
  g_assert_cmpint (nv_employee_add (f->store, f->unit, "A\nB", &field, &error), ==, 0);
  assert_field_error (error, field, "employee", "control character");
  /* The same rule as everywhere (any run of 11 digits, after NFKC): Excel's
   * text apostrophe, a prefix, full-width digits, a 12-digit run. */
  {
    static const char *const ids[] = {
      "'01017010170", "A01017010170", "fnr 01017010170", "010170101701",
      "\xef\xbc\x90\xef\xbc\x91\xef\xbc\x90\xef\xbc\x91\xef\xbc\x97\xef\xbc\x90"
      "\xef\xbc\x91\xef\xbc\x90\xef\xbc\x91\xef\xbc\x97\xef\xbc\x90",
      "0101701\xe2\x80\x8b" "0170",
    };
    for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
      {
        g_assert_cmpint (nv_employee_add (f->store, f->unit, ids[i], &field, &error), ==, 0);
        assert_field_error (error, field, "employee", NULL);
      }
  }
  /* Look-alikes: zero-width space, right-to-left override. */
  g_assert_cmpint (nv_employee_add (f->store, f->unit, "a\xe2\x80\x8b" "b", &field, &error), ==, 0);
  assert_field_error (error, field, "employee", "invisible");
  g_assert_cmpint (nv_employee_add (f->store, f->unit, "\xe2\x80\xae" "ba", &field, &error), ==, 0);
  assert_field_error (error, field, "employee", "invisible");
  /* Stored NFC: «é» as e + combining acute is found as the precomposed é. */
  {
    gint64 id = nv_employee_add (f->store, f->unit, "Re\xcc\x81", &field, &error);
    g_autoptr (NvEmployee) nfc = NULL;
    g_assert_no_error (error);
    nfc = nv_employee_find (f->store, f->unit, "R\xc3\xa9", &field, &error);
    g_assert_no_error (error);
    g_assert_cmpint (nfc->id, ==, id);
    g_assert_cmpstr (nfc->ref, ==, "R\xc3\xa9");
  }
  /* Formula injection: references are codes. */
  {
    static const char *const formulas[] = { "=1+1", "+47", "-3", "@SUM(A1)" };
    for (guint i = 0; i < G_N_ELEMENTS (formulas); i++)
      {
        g_assert_cmpint (nv_employee_add (f->store, f->unit, formulas[i], &field, &error), ==, 0);
        assert_field_error (error, field, "employee", "starts with");
      }
  }
  g_assert_cmpint (nv_employee_add (f->store, f->unit, "1234", &field, &error), >, 0);
  g_assert_no_error (error);

  found = nv_employee_find (f->store, f->unit, " ab ", &field, &error);
  g_assert_no_error (error);
  g_assert_cmpint (found->id, ==, f->emp);
  g_assert_null (nv_employee_find (f->store, f->unit, "ZZ", &field, &error));
  g_assert_error (error, NV_STORE_ERROR, NV_STORE_ERROR_NOT_FOUND);
  assert_field_error (error, field, "employee", "not on the roster");
  g_assert_cmpint (nv_employee_ensure (f->store, f->unit, "Ab", &field, &error), ==, f->emp);
  g_assert_true (nv_employee_rename (f->store, f->emp, "A.B.", &field, &error));
  g_assert_no_error (error);
}

static void
test_roster_rules (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  const char *field = NULL;
  gint64 other = nv_employee_add (f->store, f->unit, "CD", &field, &error);

  g_assert_cmpint (nv_roster_add (f->store, other, 0, D (2025, 1, 1), 0, &field, &error), ==, 0);
  assert_field_error (error, field, "fte", "0 is outside 1–100");
  g_assert_cmpint (nv_roster_add (f->store, other, 150, D (2025, 1, 1), 0, &field, &error), ==, 0);
  assert_field_error (error, field, "fte", "150 is outside 1–100");
  g_assert_cmpint (nv_roster_add (f->store, other, NAN, D (2025, 1, 1), 0, &field, &error), ==, 0);
  assert_field_error (error, field, "fte", NULL);
  g_assert_cmpint (nv_roster_add (f->store, other, 50, D (2025, 3, 1), D (2025, 2, 1), &field,
                                  &error), ==, 0);
  assert_field_error (error, field, "to", "before the start");
  g_assert_cmpint (nv_roster_add (f->store, other, 50, 0, 0, &field, &error), ==, 0);
  assert_field_error (error, field, "from", NULL);

  g_assert_cmpint (nv_roster_add (f->store, other, 50, D (2025, 1, 1), D (2025, 6, 30), &field,
                                  &error), >, 0);
  /* Overlapping rows of one employee. */
  g_assert_cmpint (nv_roster_add (f->store, other, 60, D (2025, 6, 30), 0, &field, &error), ==, 0);
  assert_field_error (error, field, "from", "Overlaps");
  g_assert_cmpint (nv_roster_add (f->store, other, 60, D (2024, 6, 1), D (2025, 1, 1), &field,
                                  &error), ==, 0);
  assert_field_error (error, field, "to", "Overlaps");
  g_assert_cmpint (nv_roster_add (f->store, other, 60, D (2024, 6, 1), 0, &field, &error), ==, 0);
  assert_field_error (error, field, "to", "Overlaps");
  /* Adjacent is fine. */
  g_assert_cmpint (nv_roster_add (f->store, other, 60, D (2025, 7, 1), 0, &field, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (nv_test_query_int (f->store, "SELECT count(*) FROM roster", 0), ==, 3);
}

static void
test_change_fte_and_end (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  const char *field = NULL;
  NvRosterRow *r;
  gint64 spell;

  /* 100 % from 1.1.2025; 60 % from 1.3.2025 → rows 1.1–28.2 at 100 and
   * 1.3– at 60. */
  g_assert_true (nv_roster_change_fte (f->store, f->emp, D (2025, 3, 1), 60, &field, &error));
  g_assert_no_error (error);
  rows = nv_roster_list_employee (f->store, f->emp, &error);
  g_assert_cmpuint (rows->len, ==, 2);
  r = g_ptr_array_index (rows, 0);
  g_assert_cmpuint (r->to, ==, D (2025, 2, 28));
  g_assert_cmpfloat (r->fte, ==, 100);
  r = g_ptr_array_index (rows, 1);
  g_assert_cmpuint (r->from, ==, D (2025, 3, 1));
  g_assert_cmpuint (r->to, ==, NV_DAY_NONE);
  g_assert_cmpfloat (r->fte, ==, 60);
  g_assert_cmpstr (r->employee_ref, ==, "AB");
  g_assert_cmpfloat (nv_roster_fte_on (f->store, f->emp, D (2025, 2, 28), &error), ==, 100);
  g_assert_cmpfloat (nv_roster_fte_on (f->store, f->emp, D (2025, 3, 1), &error), ==, 60);
  g_assert_cmpfloat (nv_roster_fte_on (f->store, f->emp, D (2024, 3, 1), &error), ==, 0);
  /* The same day again only changes that row's FTE. */
  g_assert_true (nv_roster_change_fte (f->store, f->emp, D (2025, 3, 1), 70, &field, &error));
  g_assert_cmpfloat (nv_roster_fte_on (f->store, f->emp, D (2025, 3, 1), &error), ==, 70);
  g_assert_cmpint (nv_test_query_int (f->store, "SELECT count(*) FROM roster", 0), ==, 2);
  g_assert_false (nv_roster_change_fte (f->store, f->emp, D (2024, 3, 1), 70, &field, &error));
  assert_field_error (error, field, "from", "not employed");
  g_assert_false (nv_roster_change_fte (f->store, f->emp, D (2025, 4, 1), 170, &field, &error));
  assert_field_error (error, field, "fte", NULL);

  /* Ending needs a day on which the employee is employed, and no roster row
   * may start after it (row 2 starts 01.03.2025). Nothing changes. */
  g_assert_false (nv_roster_end_employment (f->store, f->emp, NV_DAY_NONE, &field, &error));
  assert_field_error (error, field, "to", "date is needed");
  g_assert_false (nv_roster_end_employment (f->store, f->emp, D (2024, 3, 1), &field, &error));
  assert_field_error (error, field, "to", "not employed");
  g_assert_false (nv_roster_end_employment (f->store, f->emp, D (2025, 2, 15), &field, &error));
  assert_field_error (error, field, "to", "delete them first");
  g_assert_false (nv_roster_end_employment (f->store, 987654, D (2025, 2, 15), &field, &error));
  assert_field_error (error, field, "employee", NULL);
  g_assert_cmpint (
    nv_test_query_int (f->store, "SELECT count(*) FROM roster WHERE to_date IS NOT NULL", 0), ==, 1);

  /* An open spell blocks ending the employment before it is ended. */
  spell = nv_spell_add (f->store, f->emp, D (2025, 5, 5), 0, 100, NV_SPELL_DOCTOR, &field, &error);
  g_assert_no_error (error);
  g_assert_false (nv_roster_end_employment (f->store, f->emp, D (2025, 6, 30), &field, &error));
  assert_field_error (error, field, "to", "open");
  g_assert_true (nv_spell_end (f->store, spell, D (2025, 5, 20), &field, &error));
  g_assert_no_error (error);
  /* A closed spell after the last day blocks it too. */
  g_assert_false (nv_roster_end_employment (f->store, f->emp, D (2025, 5, 10), &field, &error));
  assert_field_error (error, field, "to", "outside the employment");
  g_assert_true (nv_roster_end_employment (f->store, f->emp, D (2025, 6, 30), &field, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (nv_roster_fte_on (f->store, f->emp, D (2025, 7, 1), &error), ==, 0);

  /* Deleting the row the spell lies in is refused; the first row is free. */
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = nv_roster_list_employee (f->store, f->emp, &error);
  r = g_ptr_array_index (rows, 1);
  g_assert_false (nv_roster_delete (f->store, r->id, &error));
  g_assert_error (error, NV_STORE_ERROR, NV_STORE_ERROR_INVALID);
  g_clear_error (&error);
  r = g_ptr_array_index (rows, 0);
  g_assert_true (nv_roster_delete (f->store, r->id, &error));
  g_assert_no_error (error);
}

static void
test_spell_rules (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  const char *field = NULL;
  gint64 cd = nv_employee_add (f->store, f->unit, "CD", &field, &error);
  gint64 ef = nv_employee_add (f->store, f->unit, "EF", &field, &error);
  NvDay day;

  /* EF: two roster rows with a gap in August 2025. */
  g_assert_cmpint (nv_roster_add (f->store, ef, 100, D (2025, 1, 1), D (2025, 7, 31), &field,
                                  &error), >, 0);
  g_assert_cmpint (nv_roster_add (f->store, ef, 100, D (2025, 9, 1), D (2025, 12, 31), &field,
                                  &error), >, 0);

  g_assert_cmpint (nv_spell_add (f->store, f->emp, D (2025, 2, 3), D (2025, 2, 7), 150,
                                 NV_SPELL_DOCTOR, &field, &error), ==, 0);
  assert_field_error (error, field, "grade", "150 is outside 20–100");
  g_assert_cmpint (nv_spell_add (f->store, f->emp, D (2025, 2, 3), D (2025, 2, 7), 10,
                                 NV_SPELL_DOCTOR, &field, &error), ==, 0);
  assert_field_error (error, field, "grade", "10 is outside 20–100");
  g_assert_cmpint (nv_spell_add (f->store, f->emp, D (2025, 2, 3), D (2025, 2, 4), 50,
                                 NV_SPELL_SELF, &field, &error), ==, 0);
  assert_field_error (error, field, "grade", "always has grade 100");
  g_assert_cmpint (nv_spell_add (f->store, f->emp, D (2025, 2, 7), D (2025, 2, 3), 100,
                                 NV_SPELL_DOCTOR, &field, &error), ==, 0);
  assert_field_error (error, field, "end", "before the start");
  /* CD has no roster row. */
  g_assert_cmpint (nv_spell_add (f->store, cd, D (2025, 2, 3), D (2025, 2, 7), 100,
                                 NV_SPELL_DOCTOR, &field, &error), ==, 0);
  assert_field_error (error, field, "employee", "not on the roster");
  /* Before the employment. */
  g_assert_cmpint (nv_spell_add (f->store, f->emp, D (2024, 12, 30), D (2025, 1, 3), 100,
                                 NV_SPELL_DOCTOR, &field, &error), ==, 0);
  assert_field_error (error, field, "start", "not employed on 30.12.2024");
  /* Across EF's gap, and an open spell after EF's employment has ended. */
  g_assert_cmpint (nv_spell_add (f->store, ef, D (2025, 7, 28), D (2025, 9, 5), 100,
                                 NV_SPELL_DOCTOR, &field, &error), ==, 0);
  assert_field_error (error, field, "end", "not employed on 01.08.2025");
  g_assert_cmpint (nv_spell_add (f->store, ef, D (2025, 12, 1), 0, 100, NV_SPELL_DOCTOR, &field,
                                 &error), ==, 0);
  assert_field_error (error, field, "end", "ongoing employment");
  g_assert_cmpint (nv_spell_add (f->store, ef, D (2025, 12, 1), D (2026, 1, 2), 100,
                                 NV_SPELL_DOCTOR, &field, &error), ==, 0);
  assert_field_error (error, field, "end", "not employed on 01.01.2026");

  /* Overlapping spells of one employee; adjacent ones are fine. */
  g_assert_cmpint (nv_spell_add (f->store, f->emp, D (2025, 2, 3), D (2025, 2, 7), 100,
                                 NV_SPELL_DOCTOR, &field, &error), >, 0);
  g_assert_cmpint (nv_spell_add (f->store, f->emp, D (2025, 2, 7), D (2025, 2, 9), 100,
                                 NV_SPELL_DOCTOR, &field, &error), ==, 0);
  assert_field_error (error, field, "start", "Overlaps");
  g_assert_cmpint (nv_spell_add (f->store, f->emp, D (2025, 1, 30), D (2025, 2, 3), 100,
                                 NV_SPELL_DOCTOR, &field, &error), ==, 0);
  assert_field_error (error, field, "end", "Overlaps");
  g_assert_cmpint (nv_spell_add (f->store, f->emp, D (2025, 1, 20), 0, 100, NV_SPELL_DOCTOR,
                                 &field, &error), ==, 0);
  assert_field_error (error, field, "end", "Overlaps");
  g_assert_cmpint (nv_spell_add (f->store, f->emp, D (2025, 2, 8), D (2025, 2, 9), 50,
                                 NV_SPELL_DOCTOR, &field, &error), >, 0);
  g_assert_no_error (error);
  /* Another employee may be absent on the same days. */
  g_assert_cmpint (nv_spell_add (f->store, ef, D (2025, 2, 3), D (2025, 2, 7), 100,
                                 NV_SPELL_SELF, &field, &error), >, 0);
  g_assert_no_error (error);

  /* Field parsers give the importer its messages. */
  g_assert_false (nv_day_parse_field ("30.02.2025", "start", FALSE, &day, &field, &error));
  assert_field_error (error, field, "start", "“30.02.2025” is not a date");
  g_assert_false (nv_day_parse_field ("02/14/2025", "end", TRUE, &day, &field, &error));
  assert_field_error (error, field, "end", "is not a date");
  g_assert_true (nv_day_parse_field ("", "end", TRUE, &day, &field, &error));
  g_assert_cmpuint (day, ==, NV_DAY_NONE);
  {
    double v = 0;
    g_assert_true (nv_percent_parse_field ("62,5", "fte", 100, &v, &field, &error));
    g_assert_cmpfloat (v, ==, 62.5);
    g_assert_true (nv_percent_parse_field ("", "grade", 100, &v, &field, &error));
    g_assert_cmpfloat (v, ==, 100);
    g_assert_true (nv_percent_parse_field ("50 %", "grade", 100, &v, &field, &error));
    g_assert_cmpfloat (v, ==, 50);
    g_assert_false (nv_percent_parse_field ("1.000,5", "grade", 100, &v, &field, &error));
    assert_field_error (error, field, "grade", "not a number");
    g_assert_false (nv_percent_parse_field ("5e1", "grade", 100, &v, &field, &error));
    assert_field_error (error, field, "grade", NULL);
  }
  {
    NvSpellType t;
    g_assert_true (nv_spell_type_parse (" Self ", &t) && t == NV_SPELL_SELF);
    g_assert_true (nv_spell_type_parse ("LEGEMELDT", &t) && t == NV_SPELL_DOCTOR);
    g_assert_false (nv_spell_type_parse ("sick", &t));
  }
  g_assert_cmpint (nv_test_query_int (f->store, "SELECT count(*) FROM spell", 0), ==, 3);
}

static void
test_spell_update_and_lists (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) open = NULL;
  g_autoptr (GPtrArray) all = NULL;
  g_autoptr (NvSpell) got = NULL;
  const char *field = NULL;
  gint64 a = nv_spell_add (f->store, f->emp, D (2025, 2, 3), D (2025, 2, 7), 100, NV_SPELL_DOCTOR,
                           &field, &error);
  gint64 b = nv_spell_add (f->store, f->emp, D (2025, 3, 3), 0, 40, NV_SPELL_DOCTOR, &field,
                           &error);
  NvSpell change;

  g_assert_no_error (error);
  open = nv_spell_list_open (f->store, f->unit, &error);
  g_assert_cmpuint (open->len, ==, 1);
  g_assert_cmpint (((NvSpell *) g_ptr_array_index (open, 0))->id, ==, b);

  /* Moving spell a onto b is refused; the spell ignores itself. */
  got = nv_spell_get (f->store, a, &error);
  change = *got;
  change.end = D (2025, 3, 4);
  g_assert_false (nv_spell_update (f->store, &change, &field, &error));
  assert_field_error (error, field, "end", "Overlaps");
  change.end = D (2025, 2, 10);
  change.grade = 60;
  g_assert_true (nv_spell_update (f->store, &change, &field, &error));
  g_assert_no_error (error);
  g_assert_false (nv_spell_end (f->store, b, D (2025, 3, 1), &field, &error));
  assert_field_error (error, field, "end", "before the start");

  all = nv_spell_list (f->store, f->unit, &error);
  g_assert_cmpuint (all->len, ==, 2);
  g_assert_cmpuint (((NvSpell *) g_ptr_array_index (all, 0))->end, ==, D (2025, 2, 10));
  g_assert_cmpfloat (((NvSpell *) g_ptr_array_index (all, 0))->grade, ==, 60);
  g_assert_cmpstr (((NvSpell *) g_ptr_array_index (all, 1))->employee_ref, ==, "AB");
  g_assert_true (nv_spell_delete (f->store, a, &error));
  g_assert_false (nv_spell_delete (f->store, a, &error));
  g_assert_error (error, NV_STORE_ERROR, NV_STORE_ERROR_NOT_FOUND);
  g_assert_cmpuint (f->changed, >=, 4);
}

static void
test_import_transaction_rolls_back (Fixture *f, gconstpointer data)
{
  g_autoptr (NvStoreTxn) txn = NULL;
  /* The importer's pattern: begin, add row by row, roll back on the first
   * error. Row 2 overlaps row 1 of the same batch (not yet committed). */
  g_autoptr (GError) error = NULL;
  const char *field = NULL;
  g_autoptr (NvAbsenceBatch) batch = NULL;

  g_assert_true ((txn = nv_store_txn_begin (f->store, NV_TOPIC_ALL, &error)) != NULL);
  g_assert_cmpint (nv_spell_add (f->store, f->emp, D (2025, 2, 3), D (2025, 2, 7), 100,
                                 NV_SPELL_DOCTOR, &field, &error), >, 0);
  g_assert_cmpint (nv_spell_add (f->store, f->emp, D (2025, 2, 5), D (2025, 2, 9), 100,
                                 NV_SPELL_DOCTOR, &field, &error), ==, 0);
  assert_field_error (error, field, "start", "Overlaps");
  nv_store_txn_rollback (g_steal_pointer (&txn));
  g_assert_cmpint (nv_test_query_int (f->store, "SELECT count(*) FROM spell", 0), ==, 0);

  /* The same with a batch: roster rows create employees; spells check
   * against the batch's own rows. */
  g_assert_true ((txn = nv_store_txn_begin (f->store, NV_TOPIC_ALL, &error)) != NULL);
  batch = nv_absence_batch_new (f->store, f->unit, &error);
  g_assert_no_error (error);
  g_assert_true (nv_absence_batch_add_roster (batch, "GH", 80, D (2025, 1, 1), 0, &field, &error));
  g_assert_false (nv_absence_batch_add_roster (batch, "gh", 80, D (2025, 6, 1), 0, &field,
                                               &error));
  assert_field_error (error, field, "from", "Overlaps");
  g_assert_true (nv_absence_batch_add_spell (batch, "gh", D (2025, 2, 3), D (2025, 2, 7), 100,
                                             NV_SPELL_DOCTOR, &field, &error));
  g_assert_true (nv_absence_batch_add_spell (batch, "AB", D (2025, 2, 3), 0, 100,
                                             NV_SPELL_DOCTOR, &field, &error));
  g_assert_false (nv_absence_batch_add_spell (batch, "GH", D (2025, 2, 7), D (2025, 2, 8), 100,
                                              NV_SPELL_DOCTOR, &field, &error));
  assert_field_error (error, field, "start", "Overlaps");
  g_assert_false (nv_absence_batch_add_spell (batch, "XY", D (2025, 2, 7), D (2025, 2, 8), 100,
                                              NV_SPELL_DOCTOR, &field, &error));
  assert_field_error (error, field, "employee", "not on the roster");
  g_assert_false (nv_absence_batch_add_spell (batch, "GH", D (2024, 2, 7), D (2024, 2, 8), 100,
                                              NV_SPELL_DOCTOR, &field, &error));
  assert_field_error (error, field, "start", "not employed");
  g_assert_false (nv_absence_batch_add_spell (batch, "GH", D (2025, 3, 7), D (2025, 3, 8), 150,
                                              NV_SPELL_DOCTOR, &field, &error));
  assert_field_error (error, field, "grade", "150 is outside 20–100");
  g_assert_false (nv_absence_batch_add_roster (batch, "12345678901", 80, D (2025, 1, 1), 0,
                                               &field, &error));
  assert_field_error (error, field, "employee", NULL);
  g_assert_cmpuint (nv_absence_batch_get_n_written (batch), ==, 3);
  nv_store_txn_rollback (g_steal_pointer (&txn));
  g_clear_pointer (&batch, nv_absence_batch_free);
  g_assert_cmpint (nv_test_query_int (f->store, "SELECT count(*) FROM spell", 0), ==, 0);
  g_assert_cmpint (nv_test_query_int (f->store, "SELECT count(*) FROM employee", 0), ==, 1);
  g_assert_cmpint (nv_test_query_int (f->store, "SELECT count(*) FROM roster", 0), ==, 1);

  /* Committed, the batch's rows are there. */
  g_assert_true ((txn = nv_store_txn_begin (f->store, NV_TOPIC_ALL, &error)) != NULL);
  batch = nv_absence_batch_new (f->store, f->unit, &error);
  g_assert_true (nv_absence_batch_add_spell (batch, "ab", D (2025, 2, 3), D (2025, 2, 4), 100,
                                             NV_SPELL_SELF, &field, &error));
  g_assert_true (nv_store_txn_commit (g_steal_pointer (&txn), &error));
  g_assert_cmpint (nv_test_query_int (f->store, "SELECT count(*) FROM spell", 0), ==, 1);
}

static void
test_erase_cascades (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  const char *field = NULL;

  nv_spell_add (f->store, f->emp, D (2025, 2, 3), D (2025, 2, 7), 100, NV_SPELL_DOCTOR, &field,
                &error);
  g_assert_no_error (error);
  g_assert_true (nv_employee_erase (f->store, f->emp, &error));
  g_assert_cmpint (nv_test_query_int (f->store, "SELECT count(*) FROM employee", 0), ==, 0);
  g_assert_cmpint (nv_test_query_int (f->store, "SELECT count(*) FROM roster", 0), ==, 0);
  g_assert_cmpint (nv_test_query_int (f->store, "SELECT count(*) FROM spell", 0), ==, 0);
  g_assert_false (nv_employee_erase (f->store, f->emp, &error));
  g_assert_error (error, NV_STORE_ERROR, NV_STORE_ERROR_NOT_FOUND);
}

static void
test_monthly (Fixture *f, gconstpointer data)
{
  g_autoptr (NvStoreTxn) txn = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) list = NULL;
  const char *field = NULL;
  NvMonthly m = { f->unit, 2025, 2, 100, 2, 3, 6 };
  NvMonthly bad;

  g_assert_true (nv_monthly_upsert (f->store, &m, &field, &error));
  m.lost_days_doctor = 4;
  g_assert_true (nv_monthly_upsert (f->store, &m, &field, &error));
  list = nv_monthly_list (f->store, f->unit, &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpfloat (((NvMonthly *) g_ptr_array_index (list, 0))->lost_days_doctor, ==, 4);

  bad = m, bad.month = 13;
  g_assert_false (nv_monthly_upsert (f->store, &bad, &field, &error));
  assert_field_error (error, field, "period", NULL);
  bad = m, bad.contracted_days = -1;
  g_assert_false (nv_monthly_upsert (f->store, &bad, &field, &error));
  assert_field_error (error, field, "contracted_days", NULL);
  bad = m, bad.lost_days_self = NAN;
  g_assert_false (nv_monthly_upsert (f->store, &bad, &field, &error));
  assert_field_error (error, field, "lost_days_self", NULL);
  bad = m, bad.lost_days_doctor = 99;
  g_assert_false (nv_monthly_upsert (f->store, &bad, &field, &error));
  assert_field_error (error, field, "lost_days_doctor", "more than the 100 contracted");
  bad = m, bad.persons = -2;
  g_assert_false (nv_monthly_upsert (f->store, &bad, &field, &error));
  assert_field_error (error, field, "persons", NULL);
  bad = m, bad.unit_id = 999;
  g_assert_false (nv_monthly_upsert (f->store, &bad, &field, &error));
  assert_field_error (error, field, "unit", NULL);

  g_assert_true (nv_monthly_delete (f->store, f->unit, 2025, 2, &error));
  g_assert_false (nv_monthly_delete (f->store, f->unit, 2025, 2, &error));
  g_clear_error (&error);

  /* Inside a transaction (an import preview) nothing is announced, so no
   * page reloads rows that may be rolled back; a rollback announces
   * nothing, a commit once, what its writes changed. */
  {
    guint before = f->changed;
    guint topics = 0;
    gulong id = g_signal_connect_swapped (f->store, "changed", G_CALLBACK (store_topics_cb),
                                          &topics);

    txn = nv_store_txn_begin (f->store, 0, &error);
    g_assert_nonnull (txn);
    g_assert_true (nv_monthly_upsert (f->store, &m, &field, &error));
    g_assert_true (nv_monthly_upsert (f->store, &m, &field, &error));
    g_assert_cmpuint (f->changed, ==, before);
    nv_store_txn_rollback (g_steal_pointer (&txn));
    g_assert_cmpuint (f->changed, ==, before);
    g_assert_cmpint (nv_test_query_int (f->store, "SELECT count(*) FROM monthly", 0), ==, 0);

    txn = nv_store_txn_begin (f->store, 0, &error);
    g_assert_true (nv_monthly_upsert (f->store, &m, &field, &error));
    g_assert_true (nv_monthly_upsert (f->store, &m, &field, &error));
    g_assert_cmpuint (f->changed, ==, before);
    g_assert_true (nv_store_txn_commit (g_steal_pointer (&txn), &error));
    g_assert_cmpuint (f->changed, ==, before + 1);
    g_assert_cmpuint (topics, ==, NV_TOPIC_MONTHLY);
    g_signal_handler_disconnect (f->store, id);
    g_assert_true (nv_monthly_delete (f->store, f->unit, 2025, 2, &error));
  }

  /* Deleting the unit removes everything under it. */
  g_assert_true (nv_monthly_upsert (f->store, &m, &field, &error));
  g_assert_true (nv_unit_delete (f->store, f->unit, &error));
  g_assert_cmpint (nv_test_query_int (f->store, "SELECT count(*) FROM monthly", 0), ==, 0);
  g_assert_cmpint (nv_test_query_int (f->store, "SELECT count(*) FROM roster", 0), ==, 0);
}

static void
test_stats_from_store (Fixture *f, gconstpointer data)
{
  g_autoptr (NvStoreTxn) txn = NULL;
  /* Unit Solsiden: AB 100 %, Saturday spell 11–20.1.2025 → 6 lost of 22.
   * Unit Bakken: CD 80 %, legemeldt 50 % 6–31.1 → 8 lost of 17.6.
   * Both: (6 + 8) × 100 / (22 + 17.6) = 1400 / 39.6 = 35.3535…, not the
   * average of 27.27 and 45.45 (36.36). */
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) one = NULL;
  g_autoptr (GArray) both = NULL;
  g_autoptr (GArray) all = NULL;
  g_autoptr (GPtrArray) cases = NULL;
  const char *field = NULL;
  NvStatsQuery q = { NV_PERIOD_MONTH, D (2025, 1, 1), D (2025, 1, 31), D (2025, 12, 31) };
  gint64 bakken = nv_unit_add (f->store, "Bakken", "barnehage", NULL, &error);
  gint64 cd = nv_employee_add (f->store, bakken, "CD", &field, &error);
  gint64 ids[2];
  NvCase *c;

  nv_roster_add (f->store, cd, 80, D (2024, 1, 1), 0, &field, &error);
  nv_spell_add (f->store, f->emp, D (2025, 1, 11), D (2025, 1, 20), 100, NV_SPELL_DOCTOR, &field,
                &error);
  nv_spell_add (f->store, cd, D (2025, 1, 6), D (2025, 1, 31), 50, NV_SPELL_DOCTOR, &field,
                &error);
  g_assert_no_error (error);
  ids[0] = f->unit;
  ids[1] = bakken;

  one = nv_stats_for_unit (f->store, f->unit, &q, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (g_array_index (one, NvStatsPeriod, 0).percent, 600. / 22., EPS);
  both = nv_stats_for_units (f->store, ids, 2, &q, &error);
  g_assert_cmpfloat_with_epsilon (g_array_index (both, NvStatsPeriod, 0).percent, 1400. / 39.6,
                                  EPS);
  g_assert_cmpuint (g_array_index (both, NvStatsPeriod, 0).persons, ==, 2);
  all = nv_stats_for_units (f->store, NULL, 0, &q, &error);
  g_assert_cmpfloat_with_epsilon (g_array_index (all, NvStatsPeriod, 0).percent, 1400. / 39.6,
                                  EPS);
  g_assert_cmpfloat_with_epsilon (g_array_index (all, NvStatsPeriod, 0).graded_share, 8. / 14.,
                                  EPS);

  /* The rows are cached on the store; a write, a rollback and another
   * connection's write must all show. AB egenmeldt Mon 27–Tue 28.1: +2. */
  {
    g_autoptr (GArray) after = NULL;
    g_autoptr (GArray) inside = NULL;
    g_autoptr (GArray) rolled_back = NULL;
    g_autoptr (GArray) other = NULL;
    g_autoptr (NvStore) second = nv_store_open (nv_store_get_path (f->store), &error);

    nv_spell_add (f->store, f->emp, D (2025, 1, 27), D (2025, 1, 28), 100, NV_SPELL_SELF, &field,
                  &error);
    after = nv_stats_for_unit (f->store, f->unit, &q, &error);
    g_assert_cmpfloat_with_epsilon (g_array_index (after, NvStatsPeriod, 0).lost_days, 8, EPS);

    g_assert_true ((txn = nv_store_txn_begin (f->store, NV_TOPIC_ALL, &error)) != NULL);
    nv_spell_add (f->store, f->emp, D (2025, 1, 29), D (2025, 1, 29), 100, NV_SPELL_SELF, &field,
                  &error);
    inside = nv_stats_for_unit (f->store, f->unit, &q, &error);
    g_assert_cmpfloat_with_epsilon (g_array_index (inside, NvStatsPeriod, 0).lost_days, 9, EPS);
    nv_store_txn_rollback (g_steal_pointer (&txn));
    rolled_back = nv_stats_for_unit (f->store, f->unit, &q, &error);
    g_assert_cmpfloat_with_epsilon (g_array_index (rolled_back, NvStatsPeriod, 0).lost_days, 8,
                                    EPS);

    g_assert_no_error (error);
    nv_spell_add (second, f->emp, D (2025, 1, 30), D (2025, 1, 30), 100, NV_SPELL_SELF, &field,
                  &error);
    g_assert_no_error (error);
    other = nv_stats_for_unit (f->store, f->unit, &q, &error);
    g_assert_cmpfloat_with_epsilon (g_array_index (other, NvStatsPeriod, 0).lost_days, 9, EPS);
  }

  cases = nv_cases_for_unit (f->store, bakken, D (2025, 12, 31), &error);
  g_assert_cmpuint (cases->len, ==, 1);
  c = g_ptr_array_index (cases, 0);
  g_assert_cmpstr (c->employee_ref, ==, "CD");
  g_assert_cmpuint (c->duration, ==, 26);
  g_assert_cmpint (c->code, ==, 'C');
  g_assert_cmpfloat (g_array_index (c->spells, NvSpell, 0).grade, ==, 50);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, fn) g_test_add (path, Fixture, NULL, setup, fn, teardown)
  ADD ("/absence/employee-refs", test_employee_refs);
  ADD ("/absence/roster-rules", test_roster_rules);
  ADD ("/absence/change-fte-and-end", test_change_fte_and_end);
  ADD ("/absence/spell-rules", test_spell_rules);
  ADD ("/absence/spell-update-and-lists", test_spell_update_and_lists);
  ADD ("/absence/import-transaction-rolls-back", test_import_transaction_rolls_back);
  ADD ("/absence/erase-cascades", test_erase_cascades);
  ADD ("/absence/monthly", test_monthly);
  ADD ("/absence/stats-from-store", test_stats_from_store);
#undef ADD
  return g_test_run ();
}
