/* nv-bench.h — what the benchmarks (meson benchmark(), `meson test --benchmark`)
 * share: timing whole processes, medians, the report line, and realistic
 * data (units of many employees, spells in the orders HR systems export).
 *
 * Every benchmark measures a reference and ours the same way (both whole
 * processes, or both in the same process), alternating, and reports the
 * median of at least NV_BENCH_RUNS; the machine may be shared, so noise then
 * hits both sides. A benchmark exits 1 when a target is missed. Data is made
 * once per run, in a private temporary directory, and is never timed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "nv-absence.h"
#include "nv-calendar.h"
#include "nv-stats.h"
#include "nv-store.h"
#include "nv-unit.h"

#define NV_BENCH_RUNS 5

/* ---- Numbers --------------------------------------------------------------- */

static int
nv_bench_cmp_double (const void *a, const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

/* The median of @n values (sorted in place). */
static inline double
nv_bench_median (double *values, guint n)
{
  qsort (values, n, sizeof *values, nv_bench_cmp_double);
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

static inline double
nv_bench_cpu_ms (void)
{
  struct timespec ts;
  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

/* Number of runs: NV_BENCH_RUNS, or more from the environment. */
static inline guint
nv_bench_runs (void)
{
  const char *env = g_getenv ("NV_BENCH_RUNS");
  guint n = env != NULL ? (guint) g_ascii_strtoull (env, NULL, 10) : 0;
  return MAX (n, NV_BENCH_RUNS);
}

static gboolean nv_bench_all_ok = TRUE;

/* One line of the table: what, reference, ours, ratio, and whether the
 * target (@max_ratio against the reference, @max_ours absolute; 0 = none)
 * is met. Returns that. */
static inline gboolean
nv_bench_report (const char *what, const char *unit, double reference, double ours,
                 double max_ratio, double max_ours)
{
  double ratio = reference > 0 ? ours / reference : 0;
  gboolean ok = (max_ratio <= 0 || ratio <= max_ratio) && (max_ours <= 0 || ours <= max_ours);
  g_autoptr (GString) target = g_string_new (NULL);

  if (max_ratio > 0)
    g_string_append_printf (target, "ratio ≤ %.2f", max_ratio);
  if (max_ours > 0)
    g_string_append_printf (target, "%sours ≤ %g %s", target->len > 0 ? ", " : "", max_ours,
                            unit);
  printf ("| %-70s | %10.1f %-3s | %10.1f %-3s | %6.2f | %-28s | %s |\n", what, reference, unit,
          ours, unit, ratio, target->len > 0 ? target->str : "(reported)",
          ok ? "met" : "MISSED");
  fflush (stdout);
  if (!ok)
    nv_bench_all_ok = FALSE;
  return ok;
}

static inline void
nv_bench_header (const char *title)
{
  printf ("\n%s\n| %-70s | %14s | %14s | %6s | %-28s | %s |\n", title, "benchmark", "reference",
          "ours", "ratio", "target", "result");
  fflush (stdout);
}

static inline int
nv_bench_exit (const char *name)
{
  printf ("%s: %s\n", name, nv_bench_all_ok ? "all targets met" : "TARGET MISSED");
  return nv_bench_all_ok ? 0 : 1;
}

/* ---- Whole processes ------------------------------------------------------- */

typedef struct
{
  double wall_ms; /* spawn to exit */
  double cpu_ms;  /* user + system of the child */
  double rss_mib; /* its peak resident memory */
  char *out;      /* its standard output, when asked for */
} NvBenchProc;

/* Runs @argv (environment @envp, NULL = ours) to its end and measures it;
 * aborts unless it exits 0. Standard output goes to *@out when non-NULL,
 * else (like standard error) to /dev/null unless NV_BENCH_VERBOSE is set. */
static inline NvBenchProc
nv_bench_spawn (char **argv, char **envp, gboolean capture)
{
  g_autoptr (GError) error = NULL;
  NvBenchProc r = { 0 };
  struct rusage usage;
  GSpawnFlags flags = G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_SEARCH_PATH;
  int out_fd = -1, status = 0;
  GPid pid;
  gint64 t0;

  if (g_getenv ("NV_BENCH_VERBOSE") == NULL)
    flags |= G_SPAWN_STDERR_TO_DEV_NULL | (capture ? 0 : G_SPAWN_STDOUT_TO_DEV_NULL);
  t0 = g_get_monotonic_time ();
  if (!g_spawn_async_with_pipes (NULL, argv, envp, flags, NULL, NULL, &pid, NULL,
                                 capture ? &out_fd : NULL, NULL, &error))
    g_error ("%s: %s", argv[0], error->message);
  if (capture)
    {
      GString *s = g_string_new (NULL);
      char buf[4096];
      ssize_t n;

      while ((n = read (out_fd, buf, sizeof buf)) > 0)
        g_string_append_len (s, buf, n);
      close (out_fd);
      r.out = g_string_free (s, FALSE);
    }
  if (wait4 (pid, &status, 0, &usage) != pid)
    g_error ("wait4 failed");
  r.wall_ms = (g_get_monotonic_time () - t0) / 1000.0;
  r.cpu_ms = (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000.0 +
             (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000.0;
  r.rss_mib = usage.ru_maxrss / 1024.0;
  if (!WIFEXITED (status) || WEXITSTATUS (status) != 0)
    g_error ("%s %s failed (status %d)", argv[0], argv[1] != NULL ? argv[1] : "", status);
  return r;
}

/* A value "key <number>" from a child's output (-1 when missing). */
static inline double
nv_bench_output_value (const char *out, const char *key)
{
  g_autofree char *needle = g_strconcat (key, " ", NULL);
  const char *p = out != NULL ? strstr (out, needle) : NULL;

  return p != NULL ? g_ascii_strtod (p + strlen (needle), NULL) : -1;
}

static inline void
nv_bench_copy_file (const char *from, const char *to)
{
  g_autofree char *data = NULL;
  gsize len = 0;
  g_autoptr (GError) error = NULL;

  if (!g_file_get_contents (from, &data, &len, &error) ||
      !g_file_set_contents_full (to, data, (gssize) len, G_FILE_SET_CONTENTS_NONE, 0600, &error))
    g_error ("copying %s: %s", from, error->message);
}

/* Removes a database and its -wal/-shm files (none of them open). */
static inline void
nv_bench_remove_db (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  g_unlink (path);
  g_unlink (wal);
  g_unlink (shm);
}

/* ---- Data -------------------------------------------------------------------
 * A unit's employees all work there over the whole span (one roster row
 * each, from a year before; every tenth changed FTE once), and have about
 * @per_employee spells spread over it: mostly one to three egenmeldt days,
 * some short legemeldt ones, a few long ones (often graded). */

typedef enum
{
  NV_BENCH_GROUPED, /* by employee, then date */
  NV_BENCH_BY_DATE, /* by start date, employees mixed (as HR exports usually are) */
  NV_BENCH_SHUFFLED,
} NvBenchOrder;

typedef struct
{
  guint32 employee; /* index */
  NvDay start;
  NvDay end; /* NV_DAY_NONE = open */
  guint8 grade;
  guint8 self;
} NvBenchSpell;

typedef struct
{
  guint n_employees;
  NvDay first, last;
  GArray *spells; /* NvBenchSpell, grouped by employee */
} NvBenchUnit;

static inline NvBenchUnit *
nv_bench_unit_new (GRand *rand, guint n_employees, guint n_spells, NvDay first, NvDay last)
{
  NvBenchUnit *u = g_new0 (NvBenchUnit, 1);
  double span = last - first;

  u->n_employees = n_employees;
  u->first = first;
  u->last = last;
  u->spells = g_array_sized_new (FALSE, FALSE, sizeof (NvBenchSpell), n_spells + n_employees);
  for (guint e = 0; e < n_employees && u->spells->len < n_spells; e++)
    {
      /* Spells left for the employees left, so the total comes out right. */
      guint want = (guint) ((n_spells - u->spells->len) / (double) (n_employees - e) + 0.5);
      double gap = span / MAX (want, 1) ;
      NvDay d = first + g_rand_int_range (rand, 0, (gint32) MAX (1, gap));

      for (guint k = 0; k < want && d <= last; k++)
        {
          NvBenchSpell s = { e, d, d, 100, 0 };
          guint kind = g_rand_int_range (rand, 0, 100);
          NvDay len;

          if (kind < 70)
            {
              len = g_rand_int_range (rand, 0, 3);
              s.self = 1;
            }
          else if (kind < 95)
            len = g_rand_int_range (rand, 3, 16);
          else
            {
              len = g_rand_int_range (rand, 16, (gint32) MAX (17, MIN (gap * 0.8, 200)));
              s.grade = g_rand_boolean (rand) ? 50 : 100;
            }
          /* Leave room for the spells still to come. */
          len = MIN (len, (NvDay) MAX (0, gap * 0.45));
          s.end = d + len;
          if (s.end >= last)
            s.end = NV_DAY_NONE;
          g_array_append_val (u->spells, s);
          if (s.end == NV_DAY_NONE)
            break;
          /* The next one about @gap later, never adjacent (a new case). */
          d = MAX (d + (NvDay) g_rand_int_range (rand, (gint32) (gap * 0.5),
                                                 (gint32) (gap * 1.5) + 1),
                   s.end + 2);
        }
    }
  return u;
}

static inline void
nv_bench_unit_free (NvBenchUnit *u)
{
  g_array_unref (u->spells);
  g_free (u);
}

static int
nv_bench_cmp_by_date (const void *a, const void *b)
{
  const NvBenchSpell *x = a, *y = b;
  if (x->start != y->start)
    return (x->start > y->start) - (x->start < y->start);
  return (x->employee > y->employee) - (x->employee < y->employee);
}

static inline void
nv_bench_unit_order (NvBenchUnit *u, GRand *rand, NvBenchOrder order)
{
  NvBenchSpell *s = (NvBenchSpell *) (void *) u->spells->data;
  guint n = u->spells->len;

  if (order == NV_BENCH_BY_DATE)
    qsort (s, n, sizeof *s, nv_bench_cmp_by_date);
  else if (order == NV_BENCH_SHUFFLED)
    for (guint i = n - 1; i > 0; i--)
      {
        guint j = g_rand_int_range (rand, 0, (gint32) i + 1);
        NvBenchSpell t = s[i];
        s[i] = s[j];
        s[j] = t;
      }
}

/* Staff numbers as HR systems give them. */
static inline char *
nv_bench_ref (guint employee, char buf[16])
{
  g_snprintf (buf, 16, "A%06u", 100000 + employee * 7);
  return buf;
}

/* dd.mm.yyyy, as Norwegian exports write dates. */
static inline void
nv_bench_put_day (FILE *f, NvDay day)
{
  int y, m, d;

  nv_day_to_ymd (day, &y, &m, &d);
  fprintf (f, "%02d.%02d.%04d", d, m, y);
}

static inline void
nv_bench_write_roster_csv (const NvBenchUnit *u, const char *path)
{
  FILE *f = fopen (path, "w");

  g_assert_nonnull (f);
  fputs ("ansatt;stillingsprosent;fra;til\r\n", f);
  for (guint e = 0; e < u->n_employees; e++)
    {
      char ref[16];
      NvDay from = u->first - 365;

      if (e % 10 == 3)
        {
          NvDay change = u->first + (u->last - u->first) / 2;
          fprintf (f, "%s;100;", nv_bench_ref (e, ref));
          nv_bench_put_day (f, from);
          fputc (';', f);
          nv_bench_put_day (f, change - 1);
          fputs ("\r\n", f);
          from = change;
        }
      fprintf (f, "%s;%s;", nv_bench_ref (e, ref), e % 3 == 0 ? "75" : "100");
      nv_bench_put_day (f, from);
      fputs (";\r\n", f);
    }
  g_assert_cmpint (fclose (f), ==, 0);
}

static inline void
nv_bench_write_spells_csv (const NvBenchUnit *u, const char *path)
{
  FILE *f = fopen (path, "w");

  g_assert_nonnull (f);
  fputs ("ansatt;fra;til;grad;type\r\n", f);
  for (guint i = 0; i < u->spells->len; i++)
    {
      const NvBenchSpell *s = &g_array_index (u->spells, NvBenchSpell, i);
      char ref[16];

      fprintf (f, "%s;", nv_bench_ref (s->employee, ref));
      nv_bench_put_day (f, s->start);
      fputc (';', f);
      if (s->end != NV_DAY_NONE)
        nv_bench_put_day (f, s->end);
      if (s->grade != 100)
        fprintf (f, ";%u;legemeldt\r\n", s->grade);
      else
        fputs (s->self ? ";;egenmeldt\r\n" : ";;legemeldt\r\n", f);
    }
  g_assert_cmpint (fclose (f), ==, 0);
}

/* Writes @u into a new unit @name of @store (through the import batch, one
 * transaction); returns its id. */
static inline gint64
nv_bench_unit_store (const NvBenchUnit *u, NvStore *store, const char *name, const char *sector)
{
  g_autoptr (NvStoreTxn) txn = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (NvAbsenceBatch) batch = NULL;
  const char *field = NULL;
  gint64 id;

  if ((txn = nv_store_txn_begin (store, NV_TOPIC_ALL, &error)) == NULL)
    g_error ("%s", error->message);
  id = nv_unit_add (store, name, sector, "Benchmark kommune", &error);
  g_assert_no_error (error);
  batch = nv_absence_batch_new (store, id, &error);
  g_assert_no_error (error);
  for (guint e = 0; e < u->n_employees; e++)
    {
      char ref[16];
      NvDay from = u->first - 365;

      nv_bench_ref (e, ref);
      if (e % 10 == 3)
        {
          NvDay change = u->first + (u->last - u->first) / 2;
          if (!nv_absence_batch_add_roster (batch, ref, 100, from, change - 1, &field, &error))
            g_error ("%s: %s", field, error->message);
          from = change;
        }
      if (!nv_absence_batch_add_roster (batch, ref, e % 3 == 0 ? 75 : 100, from, NV_DAY_NONE,
                                        &field, &error))
        g_error ("%s: %s", field, error->message);
    }
  for (guint i = 0; i < u->spells->len; i++)
    {
      const NvBenchSpell *s = &g_array_index (u->spells, NvBenchSpell, i);
      char ref[16];

      if (!nv_absence_batch_add_spell (batch, nv_bench_ref (s->employee, ref), s->start, s->end,
                                       s->grade, s->self ? NV_SPELL_SELF : NV_SPELL_DOCTOR,
                                       &field, &error))
        g_error ("%s: %s", field, error->message);
    }
  if (!nv_store_txn_commit (g_steal_pointer (&txn), &error))
    g_error ("%s", error->message);
  return id;
}

/* The whole municipality that bench-stats and bench-stats-pg measure: this
 * many units over this many years up to NV_BENCH_MUNICIPALITY_TODAY, filled
 * by nv_bench_fill_municipality(). */
#define NV_BENCH_MUNICIPALITY_UNITS 500
#define NV_BENCH_MUNICIPALITY_YEARS 10
#define NV_BENCH_MUNICIPALITY_TODAY nv_day_from_ymd (2026, 11, 30)

/* The query both measure: all of it by quarter, from October 2016 to @today. */
static inline NvStatsQuery
nv_bench_municipality_query (NvDay today)
{
  NvStatsQuery q = { NV_PERIOD_QUARTER, nv_day_from_ymd (2016, 10, 1), today, today };
  return q;
}

/* A municipality: @n_units units of 15–45 employees over @years years up to
 * @today, three spells per employee and year (egenmeldt ones included, about
 * what municipal staff have). */
static inline void
nv_bench_fill_municipality (NvStore *store, GRand *rand, guint n_units, guint years, NvDay today)
{
  int y, m, d;

  nv_day_to_ymd (today, &y, &m, &d);
  for (guint i = 0; i < n_units; i++)
    {
      guint employees = g_rand_int_range (rand, 15, 46);
      NvDay first = nv_day_from_ymd (y - (int) years, m, 1);
      NvBenchUnit *u = nv_bench_unit_new (rand, employees, employees * 3 * years, first, today);
      g_autofree char *name = g_strdup_printf ("Enhet %03u", i + 1);

      nv_bench_unit_store (u, store, name, i % 3 == 1 ? "barnehage" : "helse-omsorg");
      nv_bench_unit_free (u);
    }
}

/* The big unit of the issue: 1 700 employees, 100 000 spells, 5 years. */
#define NV_BENCH_BIG_EMPLOYEES 1700
#define NV_BENCH_BIG_SPELLS 100000

static inline gint64
nv_bench_add_big_unit (NvStore *store, GRand *rand, NvDay today, const char *name)
{
  int y, m, d;
  NvBenchUnit *u;
  gint64 id;

  nv_day_to_ymd (today, &y, &m, &d);
  u = nv_bench_unit_new (rand, NV_BENCH_BIG_EMPLOYEES, NV_BENCH_BIG_SPELLS,
                         nv_day_from_ymd (y - 5, m, 1), today);
  id = nv_bench_unit_store (u, store, name, "helse-omsorg");
  nv_bench_unit_free (u);
  return id;
}
