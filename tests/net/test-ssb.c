/* «Update from SSB» against a local HTTP server (never the real SSB): the
 * answers are JSON-stat 2.0 datasets written here from the format's
 * documentation, built from what the client asked for, so a wrong request
 * shows up as a wrong answer. Errors: 429, 5xx, malformed JSON, a table
 * whose dimensions changed, a code that is gone, no server at all. */
#include "config.h"

#include <libsoup/soup.h>
#include <math.h>
#include <string.h>

#include "nv-test-store.h"
#include "nv-store-private.h"
#include "nv-store-sqlite.h"
#include "nv-ssb-fetch.h"
#include "nv-ssb.h"

typedef enum
{
  MODE_OK,
  MODE_RATE_LIMITED, /* 429 on the third request */
  MODE_SERVER_ERROR, /* 503 on the first */
  MODE_BAD_JSON,     /* malformed body on the fifth */
  MODE_CHANGED,      /* an extra dimension on the second */
  MODE_CODE_GONE,    /* the asked-for sector code missing on the first */
} Mode;

typedef struct
{
  SoupServer *server;
  char *api;
  Mode mode;
  guint n_requests;
  GPtrArray *requests; /* "METHOD path?query" as received */
  char *dir;
  NvStore *store;
} Fixture;

static const char *const quarters[] = { "2025K4", "2026K1", "2026K2", "2026K3" };

/* A figure per series and quarter that the test can recompute: the first
 * digit from the table, the rest from the codes asked for. */
static double
figure (const char *table, guint n_codes_chars, guint q)
{
  return (strcmp (table, "12440") == 0 ? 7.0 : 5.0) + (n_codes_chars % 10) / 10.0 + q / 100.0;
}

static char *
dataset (GHashTable *query, const char *table, Mode mode, guint request)
{
  g_autoptr (GString) ids = g_string_new (NULL);
  g_autoptr (GString) sizes = g_string_new (NULL);
  g_autoptr (GString) dims = g_string_new (NULL);
  GHashTableIter it;
  gpointer key, value;
  guint n_chars = 0;

  g_hash_table_iter_init (&it, query);
  while (g_hash_table_iter_next (&it, &key, &value))
    {
      const char *k = key;
      g_autofree char *dim = NULL;
      const char *code = value;

      if (!g_str_has_prefix (k, "valueCodes[") || strcmp (k, "valueCodes[Tid]") == 0)
        continue;
      dim = g_strndup (k + 11, strlen (k) - 12);
      n_chars += (guint) strlen (code);
      if (mode == MODE_CODE_GONE && request == 1 && strcmp (dim, "Sektor") == 0)
        code = "9999";
      g_string_append_printf (ids, "\"%s\",", dim);
      g_string_append (sizes, "1,");
      g_string_append_printf (dims,
                              "\"%s\": {\"label\": \"%s\", \"category\": {\"index\": {\"%s\": 0}, "
                              "\"label\": {\"%s\": \"tekst\"}}},",
                              dim, dim, code, code);
    }
  if (mode == MODE_CHANGED && request == 2)
    {
      g_string_append (ids, "\"Alder\",");
      g_string_append (sizes, "1,");
      g_string_append (dims, "\"Alder\": {\"category\": {\"index\": {\"16-69\": 0}}},");
    }
  /* The time dimension, in the array form of the index, with one quarter
   * not published (null). */
  return g_strdup_printf (
    "{\"version\": \"2.0\", \"class\": \"dataset\", \"label\": \"Sykefravær\", "
    "\"source\": \"Statistisk sentralbyrå\", \"updated\": \"2026-12-01T07:00:00Z\", "
    "\"id\": [%s\"Tid\"], \"size\": [%s5], \"dimension\": {%s"
    "\"Tid\": {\"label\": \"kvartal\", \"category\": {\"index\": "
    "[\"%s\", \"%s\", \"%s\", \"%s\", \"2026K4\"]}}}, "
    "\"role\": {\"time\": [\"Tid\"]}, "
    "\"value\": [%.2f, %.2f, %.2f, %.2f, null]}",
    ids->str, sizes->str, dims->str, quarters[0], quarters[1], quarters[2], quarters[3],
    figure (table, n_chars, 0), figure (table, n_chars, 1), figure (table, n_chars, 2),
    figure (table, n_chars, 3));
}

static void
handler (SoupServer *server, SoupServerMessage *msg, const char *path, GHashTable *query,
         gpointer data)
{
  Fixture *f = data;
  GUri *uri = soup_server_message_get_uri (msg);
  g_auto (GStrv) parts = g_strsplit (path, "/", -1);
  g_autofree char *body = NULL;
  guint request = ++f->n_requests;

  g_ptr_array_add (f->requests, g_strdup_printf ("%s %s?%s", soup_server_message_get_method (msg),
                                                 path, g_uri_get_query (uri)));
  if ((f->mode == MODE_RATE_LIMITED && request == 3) ||
      (f->mode == MODE_SERVER_ERROR && request == 1))
    {
      soup_server_message_set_status (msg, f->mode == MODE_RATE_LIMITED ? 429 : 503, NULL);
      soup_server_message_set_response (msg, "text/plain", SOUP_MEMORY_STATIC, "no", 2);
      return;
    }
  if (f->mode == MODE_BAD_JSON && request == 5)
    {
      static const char broken[] = "{\"version\": \"2.0\", \"class\": \"dataset\", \"id\": [";
      soup_server_message_set_status (msg, 200, NULL);
      soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_STATIC, broken,
                                        sizeof broken - 1);
      return;
    }
  /* /api/pxwebapi/v2/tables/{id}/data */
  g_assert_cmpuint (g_strv_length (parts), ==, 7);
  g_assert_cmpstr (parts[4], ==, "tables");
  g_assert_cmpstr (parts[6], ==, "data");
  g_assert_nonnull (query);
  body = dataset (query, parts[5], f->mode, request);
  soup_server_message_set_status (msg, 200, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_COPY, body,
                                    strlen (body));
}

static void
setup (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  GSList *uris;

  f->mode = GPOINTER_TO_INT (data);
  f->requests = g_ptr_array_new_with_free_func (g_free);
  f->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (f->server, NULL, handler, f, NULL);
  g_assert_true (soup_server_listen_local (f->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error));
  g_assert_no_error (error);
  uris = soup_server_get_uris (f->server);
  f->api = g_strdup_printf ("http://127.0.0.1:%d/api/pxwebapi/v2", g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  f->dir = nv_test_tmpdir ();
  f->store = nv_test_open_store (f->dir, "t.db");
}

static void
teardown (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->store);
  nv_test_rmtree (f->dir);
  g_free (f->dir);
  /* The server keeps the client's keep-alive connections (and so itself)
   * until it is disconnected and the main loop has run their closes. */
  soup_server_disconnect (f->server);
  nv_test_spin ();
  g_clear_object (&f->server);
  g_free (f->api);
  g_ptr_array_unref (f->requests);
}

typedef struct
{
  gboolean done;
  gboolean ok;
  GError *error;
  NvSsbReport report;
} Result;

static void
done_cb (GObject *source, GAsyncResult *res, gpointer data)
{
  Result *r = data;
  r->ok = nv_ssb_update_finish (res, &r->report, &r->error);
  r->done = TRUE;
}

static void
run_update (Fixture *f, const char *api, Result *r)
{
  g_autoptr (GError) error = NULL;
  NvSsbPlan *plan = nv_ssb_plan_load (api, &error);

  g_assert_no_error (error);
  nv_ssb_update_async (f->store, plan, NULL, done_cb, r);
  while (!r->done)
    g_main_context_iteration (NULL, TRUE);
}

static guint
count_rows (NvStore *store, const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", table);
  sqlite3_stmt *stmt;
  guint n;

  /* A test-only count over a fixed table name. */
  g_assert_cmpint (sqlite3_prepare_v2 (nv_store_get_db (store), sql, -1, &stmt, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = (guint) sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

static void
assert_nothing_stored (Fixture *f)
{
  g_assert_cmpuint (count_rows (f->store, "benchmark_point"), ==, 0);
  g_assert_cmpuint (count_rows (f->store, "benchmark_series"), ==, 0);
  g_assert_cmpuint (count_rows (f->store, "benchmark_fetch"), ==, 0);
}

/* ---- The whole update ---------------------------------------------------- */

static void
test_update (Fixture *f, gconstpointer data)
{
  Result r = { 0 };
  g_autoptr (GArray) points = NULL;
  g_auto (NvSsbFetchInfo) info = { 0 };
  g_autoptr (GDateTime) last = NULL;
  g_autoptr (GError) error = NULL;

  run_update (f, f->api, &r);
  g_assert_no_error (r.error);
  g_assert_true (r.ok);
  g_assert_cmpuint (r.report.n_series, ==, 10);
  g_assert_cmpuint (r.report.n_points, ==, 40); /* 2026K4 is null: not stored */
  g_assert_cmpstr (r.report.latest_period, ==, "2026-Q3");
  /* 2026-Q4 ends 31.12.2026; + 77 days = 18.3.2027. */
  g_assert_cmpuint (r.report.next_publication, ==, nv_day_from_ymd (2027, 3, 18));

  /* Ten GETs, nothing but the plan's codes in them. */
  g_assert_cmpuint (f->requests->len, ==, 10);
  for (guint i = 0; i < f->requests->len; i++)
    {
      const char *req = g_ptr_array_index (f->requests, i);
      g_assert_true (g_str_has_prefix (req, "GET /api/pxwebapi/v2/tables/"));
      g_assert_nonnull (strstr (req, "outputFormat=json-stat2"));
      g_assert_nonnull (strstr (req, "valueCodes%5BTid%5D=from%282019K1%29"));
      g_assert_null (strstr (req, "Avdeling"));
    }
  g_assert_nonnull (strstr (g_ptr_array_index (f->requests, 2),
                            "/tables/12441/data?lang=no&outputFormat=json-stat2"));
  g_assert_nonnull (strstr (g_ptr_array_index (f->requests, 2), "valueCodes%5BSektor%5D=6500"));

  /* Kommuneforvaltningen (legemeldt): table 12441; its codes Sektor 6500,
   * Kjonn 0, Sykefraver2 L, ContentsCode SykefravProsent = 4 + 1 + 1 + 15 =
   * 21 characters → 5 + 0.1 + q/100. */
  points = nv_benchmark_get_points (f->store, "Kommuneforvaltningen (legemeldt)", 0, NV_DAY_NONE,
                                    NV_DAY_NONE, NV_DAY_NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (points->len, ==, 4);
  g_assert_cmpstr (g_array_index (points, NvBenchmarkPoint, 0).period, ==, "2025-Q4");
  g_assert_cmpfloat_with_epsilon (g_array_index (points, NvBenchmarkPoint, 0).percent, 5.1, 1e-9);
  g_assert_cmpfloat_with_epsilon (g_array_index (points, NvBenchmarkPoint, 3).percent, 5.13, 1e-9);
  g_assert_nonnull (strstr (g_array_index (points, NvBenchmarkPoint, 3).source, "/tables/12441/"));

  g_assert_true (nv_ssb_fetch_info (f->store, "Kommuneforvaltningen (legemeldt)", &info, &error));
  g_assert_cmpstr (info.table_id, ==, "12441");
  g_assert_true (g_str_has_prefix (info.source_url, f->api));
  g_assert_nonnull (info.fetched);
  g_assert_cmpuint (info.next_release, ==, nv_day_from_ymd (2027, 3, 18));
  g_assert_false (info.seasonally_adjusted);
  last = nv_benchmark_last_imported (f->store, "Barnehager SN2025 85.100 (totalt)", NULL);
  g_assert_nonnull (last);

  /* A second update replaces nothing that did not change. */
  nv_ssb_report_clear (&r.report);
  memset (&r, 0, sizeof r);
  run_update (f, f->api, &r);
  g_assert_true (r.ok);
  g_assert_cmpuint (r.report.n_added, ==, 0);
  g_assert_cmpuint (count_rows (f->store, "benchmark_fetch"), ==, 10);
  nv_ssb_report_clear (&r.report);
}

static void
test_error (Fixture *f, gconstpointer data)
{
  Result r = { 0 };
  static const char *const expect[] = {
    [MODE_RATE_LIMITED] = "too many requests",
    [MODE_SERVER_ERROR] = "HTTP 503",
    [MODE_BAD_JSON] = "not valid JSON",
    [MODE_CHANGED] = "has changed table 12441",
    [MODE_CODE_GONE] = "the code ALLE of Sektor is gone",
  };

  run_update (f, f->api, &r);
  g_assert_false (r.ok);
  {
    int code = (f->mode == MODE_RATE_LIMITED || f->mode == MODE_SERVER_ERROR)
                 ? NV_STORE_ERROR_IO
                 : NV_STORE_ERROR_INVALID;
    g_assert_error (r.error, NV_STORE_ERROR, code);
  }
  if (strstr (r.error->message, expect[f->mode]) == NULL)
    g_error ("«%s» does not say «%s»", r.error->message, expect[f->mode]);
  g_assert_true (g_str_has_suffix (r.error->message, "Nothing was stored."));
  /* It stopped at the bad answer and stored nothing, not even the good ones. */
  assert_nothing_stored (f);
  g_clear_error (&r.error);
}

static void
test_unreachable (Fixture *f, gconstpointer data)
{
  Result r = { 0 };
  /* A port nobody listens on: the server's, closed. */
  soup_server_disconnect (f->server);
  run_update (f, f->api, &r);
  g_assert_false (r.ok);
  g_assert_nonnull (strstr (r.error->message, "Could not reach SSB"));
  assert_nothing_stored (f);
  g_clear_error (&r.error);
}

/* ---- The reader on its own ------------------------------------------------- */

static void
test_parse_forms (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (NvSsbPlan) plan = nv_ssb_plan_load ("http://example.invalid", &error);
  const NvSsbSeries *s = g_ptr_array_index (plan->series, 0); /* Alle sektorer (legemeldt) */
  g_autoptr (GArray) points = NULL;
  /* Object form of the time index (out of order), a sparse value object,
   * codes of «select» in another order than asked. */
  static const char body[] =
    "{\"version\":\"2.0\",\"class\":\"dataset\","
    "\"id\":[\"Tid\",\"ContentsCode\",\"Kjonn\",\"Sykefraver2\",\"Sektor\"],"
    "\"size\":[3,1,2,1,1],"
    "\"dimension\":{"
    "\"Tid\":{\"category\":{\"index\":{\"2026K2\":1,\"2026K1\":0,\"2026K3\":2}}},"
    "\"ContentsCode\":{\"category\":{\"index\":{\"SykefravProsent\":0}}},"
    "\"Kjonn\":{\"category\":{\"index\":{\"1\":0,\"0\":1}}},"
    "\"Sykefraver2\":{\"category\":{\"index\":[\"L\"]}},"
    "\"Sektor\":{\"category\":{\"index\":{\"ALLE\":0}}}},"
    "\"value\":{\"1\":6.2,\"3\":5.9,\"0\":99,\"5\":4.8}}";

  /* Kjonn 0 is position 1: flat = t × 2 + 1 → 2026K1 = 1, K2 = 3, K3 = 5. */
  g_assert_no_error (error);
  g_assert_cmpstr (s->name, ==, "Alle sektorer (legemeldt)");
  points = nv_ssb_parse (plan, s, body, sizeof body - 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (points->len, ==, 3);
  g_assert_cmpstr (g_array_index (points, NvSsbPoint, 0).period, ==, "2026-Q1");
  g_assert_cmpfloat (g_array_index (points, NvSsbPoint, 0).percent, ==, 6.2);
  g_assert_cmpfloat (g_array_index (points, NvSsbPoint, 1).percent, ==, 5.9);
  g_assert_cmpfloat (g_array_index (points, NvSsbPoint, 2).percent, ==, 4.8);
}

/* A dataset of one cell (all sectors, both sexes, legemeldt, per cent) up to
 * its time dimension, which each case below gives with the value. */
#define ONE_CELL_UP_TO_TID \
  "{\"class\":\"dataset\",\"id\":[\"Sektor\",\"Kjonn\",\"Sykefraver2\",\"ContentsCode\"," \
  "\"Tid\"],\"size\":[1,1,1,1,1],\"dimension\":{" \
  "\"Sektor\":{\"category\":{\"index\":{\"ALLE\":0}}}," \
  "\"Kjonn\":{\"category\":{\"index\":{\"0\":0}}}," \
  "\"Sykefraver2\":{\"category\":{\"index\":{\"L\":0}}}," \
  "\"ContentsCode\":{\"category\":{\"index\":{\"SykefravProsent\":0}}},"

static void
test_parse_refusals (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (NvSsbPlan) plan = nv_ssb_plan_load ("http://example.invalid/", &error);
  const NvSsbSeries *s = g_ptr_array_index (plan->series, 0);
  static const struct
  {
    const char *body;
    const char *says;
  } cases[] = {
    { "[1, 2]", "not a JSON-stat dataset" },
    { "{\"class\":\"collection\"}", "not a JSON-stat 2.0 dataset" },
    { "{\"class\":\"dataset\",\"id\":[\"Tid\"],\"size\":[1],\"dimension\":{},\"value\":[1]}",
      "has the dimensions Tid, not Tid, Sektor" },
    /* A figure above 100 %. */
    { ONE_CELL_UP_TO_TID
      "\"Tid\":{\"category\":{\"index\":{\"2026K1\":0}}}},\"value\":[140]}",
      "not a percentage" },
    /* Months instead of quarters. */
    { ONE_CELL_UP_TO_TID
      "\"Tid\":{\"category\":{\"index\":{\"2026M01\":0}}}},\"value\":[5]}",
      "is not a quarter" },
    /* Fewer values than cells. */
    { "{\"class\":\"dataset\",\"id\":[\"Sektor\",\"Kjonn\",\"Sykefraver2\",\"ContentsCode\","
      "\"Tid\"],\"size\":[1,1,1,1,2],\"dimension\":{},\"value\":[5]}",
      "wrong number of values" },
  };

  g_assert_no_error (error);
  g_assert_cmpstr (plan->api, ==, "http://example.invalid");
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GArray) points = nv_ssb_parse (plan, s, cases[i].body, strlen (cases[i].body),
                                                &error);
      g_assert_null (points);
      if (error == NULL || strstr (error->message, cases[i].says) == NULL)
        g_error ("case %u: «%s» does not say «%s»", i, error ? error->message : "(none)",
                 cases[i].says);
      g_clear_error (&error);
    }
}

static void
test_display (void)
{
  g_autofree char *q = nv_period_display ("2026-Q3");
  g_autofree char *y = nv_period_display ("2024");
  g_autofree char *name =
    nv_benchmark_display_name ("Barnehager (NAV bransje, fire kvartaler 2019-Q3..2020-Q2)");
  g_autofree char *plain = nv_benchmark_display_name ("Kommuner");

  g_assert_cmpstr (q, ==, "Q3 2026"); /* untranslated here; nb says «3. kv. 2026» */
  g_assert_cmpstr (y, ==, "2024");
  g_assert_cmpstr (name, ==, "Barnehager (NAV-bransje, fire kvartaler Q3 2019–Q2 2020)");
  g_assert_cmpstr (plain, ==, "Kommuner");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/ssb/parse-forms", test_parse_forms);
  g_test_add_func ("/ssb/parse-refusals", test_parse_refusals);
  g_test_add_func ("/ssb/display", test_display);
  g_test_add ("/ssb/update", Fixture, GINT_TO_POINTER (MODE_OK), setup, test_update, teardown);
  g_test_add ("/ssb/rate-limited", Fixture, GINT_TO_POINTER (MODE_RATE_LIMITED), setup,
              test_error, teardown);
  g_test_add ("/ssb/server-error", Fixture, GINT_TO_POINTER (MODE_SERVER_ERROR), setup,
              test_error, teardown);
  g_test_add ("/ssb/bad-json", Fixture, GINT_TO_POINTER (MODE_BAD_JSON), setup, test_error,
              teardown);
  g_test_add ("/ssb/changed-dimensions", Fixture, GINT_TO_POINTER (MODE_CHANGED), setup,
              test_error, teardown);
  g_test_add ("/ssb/code-gone", Fixture, GINT_TO_POINTER (MODE_CODE_GONE), setup, test_error,
              teardown);
  g_test_add ("/ssb/unreachable", Fixture, GINT_TO_POINTER (MODE_OK), setup, test_unreachable,
              teardown);
  return g_test_run ();
}
