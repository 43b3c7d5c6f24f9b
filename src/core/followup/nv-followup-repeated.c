/* nv-followup-repeated.c — repeated absence (DESIGN §3): NAV's rule for
 * employees who are often away, counted over follow-up cases.
 *
 * A case counts when it has a legemeldt spell, lasts at least 16 calendar
 * days and starts within the 36 months up to the as-of date. Flag 5-100:
 * at least 5 such cases, together at least 100 days; flag 2-300: at least 2,
 * together at least 300 days.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-followup"

#include "config.h"

#include "nv-followup-private.h"

#define WINDOW_MONTHS 36
#define MIN_CASE_DAYS 16

void
nv_repeated_absence_free (NvRepeatedAbsence *r)
{
  if (r == NULL)
    return;
  g_free (r->employee_ref);
  g_free (r);
}

NvDay
nv_repeated_window_start (NvDay as_of)
{
  int year, month, day;
  GDate date;

  nv_day_to_ymd (as_of, &year, &month, &day);
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  /* GLib keeps the day, or takes the month's last day when it has fewer. */
  g_date_subtract_months (&date, WINDOW_MONTHS);
  return nv_day_from_ymd (g_date_get_year (&date), g_date_get_month (&date),
                          g_date_get_day (&date));
}

static int
compare_flagged (gconstpointer a, gconstpointer b)
{
  const NvRepeatedAbsence *x = *(NvRepeatedAbsence *const *) a;
  const NvRepeatedAbsence *y = *(NvRepeatedAbsence *const *) b;

  if (x->days != y->days)
    return x->days > y->days ? -1 : 1;
  return g_utf8_collate (x->employee_ref != NULL ? x->employee_ref : "",
                         y->employee_ref != NULL ? y->employee_ref : "");
}

GPtrArray *
nv_repeated_absence_compute (const GPtrArray *followup_cases, NvDay as_of)
{
  g_autoptr (GHashTable) by_employee =
    g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL,
                           (GDestroyNotify) nv_repeated_absence_free);
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) nv_repeated_absence_free);
  NvDay from = nv_repeated_window_start (as_of);
  GHashTableIter iter;
  NvRepeatedAbsence *r;

  for (guint i = 0; i < followup_cases->len; i++)
    {
      const NvCase *c = g_ptr_array_index (followup_cases, i);
      NvDay end = c->open || c->end > as_of ? as_of : c->end;
      guint days;

      if (!c->has_doctor || c->start < from || c->start > as_of)
        continue;
      days = end - c->start + 1;
      if (days < MIN_CASE_DAYS)
        continue;
      r = g_hash_table_lookup (by_employee, &c->employee_id);
      if (r == NULL)
        {
          r = g_new0 (NvRepeatedAbsence, 1);
          r->employee_id = c->employee_id;
          r->employee_ref = g_strdup (c->employee_ref);
          g_hash_table_insert (by_employee, &r->employee_id, r);
        }
      r->cases++;
      r->days += days;
    }

  g_hash_table_iter_init (&iter, by_employee);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &r))
    {
      if (r->cases >= 5 && r->days >= 100)
        r->rules |= NV_REPEATED_5_100;
      if (r->cases >= 2 && r->days >= 300)
        r->rules |= NV_REPEATED_2_300;
      if (r->rules != 0)
        {
          g_hash_table_iter_steal (&iter);
          g_ptr_array_add (out, r);
        }
    }
  g_ptr_array_sort (out, compare_flagged);
  return out;
}

GPtrArray *
nv_repeated_absence_for_unit (NvStore *store, gint64 unit_id, NvDay as_of, GError **error)
{
  g_autoptr (GPtrArray) cases = NULL;

  if (as_of == NV_DAY_NONE)
    as_of = nv_store_today (store);
  cases = nv_followup_cases_for_unit (store, unit_id, as_of, error);
  if (cases == NULL)
    return NULL;
  return nv_repeated_absence_compute (cases, as_of);
}
