/* nv-workshop-demo.c — a held dialogue workshop for the demo municipality.
 *
 * Demo unit 0 gets a workshop held about four months before @today: the
 * checklist ticked, notes, the people who took part, ideas with votes and
 * three agreed measures in the register; the follow-up is under way. Demo
 * unit 1 gets one planned three weeks ahead. Texts are Norwegian on purpose:
 * they are what a leader would have typed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-workshop"

#include "config.h"

#include "nv-calendar.h"
#include "nv-workshop.h"

typedef struct
{
  const char *text;
  const char *theme;
  int votes;
} DemoIdea;

static const DemoIdea demo_ideas[] = {
  { "Fast, kort samtale med leder etter tredje fraværsperiode", "open-talk", 9 },
  { "Fadder for alle nye de første seks ukene", "mastery-climate", 7 },
  { "Lettere oppgaver i stedet for å melde seg syk når det går", "presence-expectations", 6 },
  { "Ringe den som er syk innen tre dager – fra en kollega, ikke bare leder",
    "absent-follow-up", 4 },
  { "Ti minutter faglig påfyll på hvert personalmøte", "competence-quality", 3 },
  { "Færre vakter alene på kveld i helgene", "", 2 },
};

/* Next Tuesday on or after @day: a usual day for a staff meeting. */
static NvDay
tuesday (NvDay day)
{
  while (nv_day_weekday (day) != 2)
    day++;
  return day;
}

/* @minute may run past 59: minutes after @hour o'clock. */
static GDateTime *
at (NvDay day, int hour, int minute)
{
  g_autoptr (GDateTime) start = NULL;
  int y, m, d;

  nv_day_to_ymd (day, &y, &m, &d);
  start = g_date_time_new_local (y, m, d, hour, 0, 0);
  return g_date_time_add_minutes (start, minute);
}

static gboolean
tick (NvStore *store, gint64 id, const char *step, NvDay day, int hour, int minute,
      GError **error)
{
  g_autoptr (GDateTime) when = at (day, hour, minute);
  return nv_workshop_tick (store, id, step, TRUE, when, error);
}

static gboolean
fill_held (NvStore *store, gint64 unit_id, NvDay today, GError **error)
{
  static const char *const prepare[] = { "anchor", "invite", "room", "handout", "themes", "agenda" };
  static const char *const run[] = { "purpose", "research", "figures", "rounds", "prioritise",
                                     "agree" };
  NvDay date = tuesday (today - 125);
  char iso[11], deadline[11], followup[11];
  g_autoptr (NvWorkshop) w = NULL;
  gint64 id;

  id = nv_workshop_add (store, unit_id, nv_day_format_iso_buf (date, iso), "Dialogsamling: nærvær hos oss",
                        error);
  if (id == 0)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (prepare); i++)
    if (!tick (store, id, prepare[i], date - 21 + (NvDay) i * 2, 9, 30 + (int) i, error))
      return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (run); i++)
    if (!tick (store, id, run[i], date, 13, 10 + (int) i * 15, error))
      return FALSE;
  if (!tick (store, id, "register", date + 2, 10, 5, error) ||
      !tick (store, id, "poster", date + 3, 8, 45, error) ||
      !tick (store, id, "followup-date", date + 3, 8, 50, error))
    return FALSE;

  if (!nv_workshop_set_note (store, id, "anchor",
                             "Enhetsleder har satt av tid i fire personalmøter til oppfølging.",
                             error) ||
      !nv_workshop_set_note (store, id, "room", "Møterommet i 2. etasje, lånt prosjektor fra "
                                                "administrasjonen.", error) ||
      !nv_workshop_set_note (store, id, "rounds",
                             "Mye engasjement om åpenhet. Flere ønsket faste rutiner når noen "
                             "har vært borte flere ganger.", error) ||
      !nv_workshop_set_theme (store, id, "presence-expectations", TRUE, error) ||
      nv_workshop_add_prompt (store, id, "open-talk",
                              "Hva ville gjort det lettere å si fra tidlig?", error) == 0)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (demo_ideas); i++)
    {
      gint64 idea = nv_workshop_add_idea (store, id, demo_ideas[i].text, demo_ideas[i].theme, error);
      if (idea == 0)
        return FALSE;
      for (int v = 0; v < demo_ideas[i].votes; v++)
        if (!nv_workshop_vote (store, idea, +1, error))
          return FALSE;
    }

  if (nv_workshop_agree_measure (store, id, demo_ideas[0].text, "Enhetsleder",
                                 nv_day_format_iso_buf (date + 30, deadline), "open-talk",
                                 error) == 0 ||
      nv_workshop_agree_measure (store, id, demo_ideas[1].text, "Verneombud",
                                 nv_day_format_iso_buf (date + 45, deadline), "mastery-climate",
                                 error) == 0 ||
      nv_workshop_agree_measure (store, id, demo_ideas[2].text, "Tillitsvalgt og leder",
                                 nv_day_format_iso_buf (date + 90, deadline),
                                 "presence-expectations", error) == 0)
    return FALSE;

  w = nv_workshop_get (store, id, error);
  if (w == NULL)
    return FALSE;
  w->roles = NV_ROLE_LEADER | NV_ROLE_UNION_REP | NV_ROLE_SAFETY_REP | NV_ROLE_NAV_ADVISER;
  w->staff = 17;
  g_free (w->followup_date);
  w->followup_date = g_strdup (nv_day_format_iso_buf (tuesday (date + 120), followup));
  return nv_workshop_update (store, w, error);
}

gboolean
nv_workshop_demo_fill (NvStore *store, gint64 unit_id, guint variant, NvDay today, GError **error)
{
  char iso[11];

  if (variant == 0)
    return fill_held (store, unit_id, today, error);
  if (variant == 1)
    return nv_workshop_add (store, unit_id, nv_day_format_iso_buf (tuesday (today + 21), iso),
                            "Oppfølgingssamling", error) != 0;
  return TRUE;
}
