/* nv-measure-demo.c — measures for the fictional demo municipality.
 *
 * Each demo unit gets the kind of register a unit leader keeps after a
 * dialogue workshop and a year of follow-up: two or three measures done (with
 * evaluations), some in progress (one past its deadline), one planned and one
 * discontinued with the reason. Texts are Norwegian: they are the demo
 * leader's own data, not user interface. Days are relative to @today, so the
 * demo always looks current.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nv-measure"

#include "config.h"

#include <limits.h>

#include "nv-measure.h"
#include "nv-store-private.h"
#include "nv-unit.h"
#include "nv-workshop-private.h"

#define NONE INT_MIN

typedef struct
{
  const char *title;
  const char *description;
  const char *theme;
  const char *owner;
  int start;    /* days from today */
  int deadline; /* days from today, NONE */
  NvMeasureStatus status;
  int status_day; /* when done/discontinued */
  const char *status_note;
  int eval_day[2]; /* NONE when unused */
  const char *eval[2];
} DemoMeasure;

static const DemoMeasure care[] = {
  { "Ti minutter med leder hver morgen",
    "Leder er på vaktrommet ved vaktskiftet hver morgen og tar en runde med alle på vakt. "
    "Fanger opp hvem som sliter før det blir fravær.",
    "leadership", "Avdelingsleder", -430, -250, NV_MEASURE_DONE, -260, NULL,
    { -170, -80 },
    { "Personalet sier de opplever leder som mer tilgjengelig, og flere tar kontakt tidlig "
      "når noe er vanskelig.",
      "Holdes ved like som fast rutine. Vi ser på fraværstallene igjen når neste kvartal er "
      "over, sammen med tillitsvalgt." } },
  { "Ring leder før du går til legen",
    "Avtale i personalgruppa: den som vurderer sykmelding ringer leder først, så vi kan se "
    "på tilrettelegging eller gradert sykmelding sammen.",
    "open-talk", "Avdelingsleder", -330, -150, NV_MEASURE_DONE, -160, NULL,
    { -60, NONE },
    { "Flere tar en prat om tilrettelegging før de går til legen; noen er blitt gradert "
      "sykmeldt i stedet for helt.",
      NULL } },
  { "Kollegaveiledning for nyansatte",
    "Hver nyansatt får en fast veileder de første åtte ukene, med en samtale i uka.",
    "mastery-climate", "Fagsykepleier", -100, 75, NV_MEASURE_IN_PROGRESS, NONE, NULL,
    { NONE, NONE }, { NULL, NULL } },
  { "Ny turnus med færre delte vakter",
    "Turnusgruppa lager forslag til turnus med færre delte helger og færre kveld-dag-skift.",
    "work-organisation", "Turnusansvarlig", -160, -19, NV_MEASURE_IN_PROGRESS, NONE, NULL,
    { NONE, NONE }, { NULL, NULL } },
  { "Dialogmøte tidlig ved gjentatt korttidsfravær",
    "Samtale med leder etter tredje egenmeldingsperiode på tolv måneder, med tillitsvalgt "
    "til stede om den ansatte ønsker det.",
    "absent-follow-up", "Avdelingsleder", 14, 120, NV_MEASURE_PLANNED, NONE, NULL,
    { NONE, NONE }, { NULL, NULL } },
  { "Felles trening på kveldstid",
    "Gratis treningstime for ansatte onsdag kveld.",
    "other", "HMS-kontakt", -380, -200, NV_MEASURE_DISCONTINUED, -290,
    "Lav oppslutning på kveldstid: de som jobber turnus rekker det ikke. Erstattes av "
    "kollegaveiledning.",
    { NONE, NONE }, { NULL, NULL } },
};

static const DemoMeasure kindergarten[] = {
  { "Faste pauser for alle, også på tur",
    "Pausene legges inn i dagsplanen, og en voksen tar over gruppa mens den andre har pause.",
    "work-organisation", "Styrer", -400, -240, NV_MEASURE_DONE, -250, NULL,
    { -150, NONE },
    { "Alle får nå pause de fleste dager. Personalet opplever dagene som mindre oppstykket.",
      NULL } },
  { "Samtale med leder etter tre egenmeldinger",
    "Leder tar en uformell samtale etter tredje egenmelding på et halvt år: hva kan vi gjøre "
    "annerledes?",
    "absent-follow-up", "Styrer", -310, -130, NV_MEASURE_DONE, -140, NULL,
    { -45, NONE },
    { "Samtalene oppleves som støttende, ikke kontrollerende. Flere sier fra tidlig om "
      "belastning.",
      NULL } },
  { "Kurs i løfteteknikk og ergonomi",
    "Fysioterapeut fra bedriftshelsetjenesten holder kurs for alle avdelinger; barnestoler "
    "i riktig høyde på småbarnsavdelingen.",
    "competence-quality", "Verneombud", -120, -12, NV_MEASURE_IN_PROGRESS, NONE, NULL,
    { NONE, NONE }, { NULL, NULL } },
  { "Egne ansvarsområder for hver pedagog",
    "Hver pedagog har ansvar for et område (språk, uteområdet, foreldresamarbeid) og får tid "
    "til det i planleggingen.",
    "initiative", "Pedagogisk leder", -60, 90, NV_MEASURE_IN_PROGRESS, NONE, NULL,
    { NONE, NONE }, { NULL, NULL } },
  { "Vikarpool sammen med nabobarnehagen",
    "Felles liste over faste vikarer som kjenner begge barnehagene.",
    "work-organisation", "Styrer", -350, -170, NV_MEASURE_DISCONTINUED, -260,
    "Nabobarnehagen trakk seg etter sammenslåingen i kommunen. Vi bygger heller opp egen "
    "vikarliste.",
    { NONE, NONE }, { NULL, NULL } },
  { "Åpen prat om fravær på personalmøtet",
    "Fast punkt hvert kvartal: fraværstallene for barnehagen (uten navn) og hva vi gjør med dem.",
    "open-talk", "Styrer", 21, 200, NV_MEASURE_PLANNED, NONE, NULL,
    { NONE, NONE }, { NULL, NULL } },
};

static gboolean
add_one (NvStore *store, gint64 unit_id, const DemoMeasure *d, int shift, NvDay today,
         GError **error)
{
  g_autoptr (NvMeasure) fields = nv_measure_new ();
  NvDay start = today + d->start + shift;
  gint64 id;

  g_free (fields->title);
  fields->title = g_strdup (d->title);
  g_free (fields->description);
  fields->description = g_strdup (d->description);
  g_free (fields->theme);
  fields->theme = g_strdup (d->theme);
  g_free (fields->owner);
  fields->owner = g_strdup (d->owner);
  fields->start = start;
  /* the overdue one keeps its fixed distance to today */
  fields->deadline = d->deadline == NONE ? NV_DAY_NONE
                     : d->deadline < 0 && d->status == NV_MEASURE_IN_PROGRESS
                       ? today + d->deadline
                       : today + d->deadline + shift;
  fields->workshop_id = nv_workshop_rows_latest_before (store, unit_id, start);
  id = nv_measure_add (store, unit_id, fields, error);
  if (id == 0)
    return FALSE;

  if (d->status != NV_MEASURE_PLANNED &&
      !nv_measure_set_status (store, id, NV_MEASURE_IN_PROGRESS, NULL, start, error))
    return FALSE;
  if ((d->status == NV_MEASURE_DONE || d->status == NV_MEASURE_DISCONTINUED) &&
      !nv_measure_set_status (store, id, d->status, d->status_note, today + d->status_day + shift,
                              error))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (d->eval); i++)
    if (d->eval[i] != NULL &&
        nv_measure_add_note (store, id, today + d->eval_day[i] + shift, d->eval[i], error) == 0)
      return FALSE;
  return TRUE;
}

gboolean
nv_measure_demo_fill (NvStore *store, gint64 unit_id, guint variant, NvDay today, GError **error)
{
  g_autoptr (NvUnit) unit = nv_unit_get (store, unit_id, error);
  const DemoMeasure *set;
  guint n;
  int shift;

  if (unit == NULL)
    return FALSE;
  if (today == NV_DAY_NONE)
    today = nv_store_today (store);
  if (g_strcmp0 (unit->sector, "barnehage") == 0)
    {
      set = kindergarten;
      n = G_N_ELEMENTS (kindergarten);
    }
  else
    {
      set = care;
      n = G_N_ELEMENTS (care);
    }
  /* Units differ a little: dates move by a week or two, and every other
   * unit has not got round to its planned measure yet. */
  shift = -7 * (int) (variant % 3);
  for (guint i = 0; i < n; i++)
    {
      if (variant % 2 == 1 && set[i].status == NV_MEASURE_PLANNED)
        continue;
      if (!add_one (store, unit_id, &set[i], shift, today, error))
        return FALSE;
    }
  return TRUE;
}
