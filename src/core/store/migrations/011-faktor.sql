-- Schema 11: KS' 10-FAKTOR employee survey, one row per unit and survey round.
--
-- date is the survey's closing day (ISO text). Each factor is the unit's mean
-- on the 1–5 scale, NULL where the survey report has no figure. Rounds with
-- fewer than 3 respondents are stored as delivered but never shown or used
-- (nv-faktor.h); the CHECK on respondents only refuses nonsense.
CREATE TABLE faktor_round (
  id                           INTEGER PRIMARY KEY,
  unit_id                      INTEGER NOT NULL REFERENCES unit (id) ON DELETE CASCADE,
  date                         TEXT NOT NULL CHECK (length(date) = 10),
  respondents                  INTEGER NOT NULL CHECK (respondents >= 0),
  task_motivation              REAL CHECK (task_motivation BETWEEN 1 AND 5),
  mastery_belief               REAL CHECK (mastery_belief BETWEEN 1 AND 5),
  autonomy                     REAL CHECK (autonomy BETWEEN 1 AND 5),
  use_of_competence            REAL CHECK (use_of_competence BETWEEN 1 AND 5),
  mastery_oriented_leadership  REAL CHECK (mastery_oriented_leadership BETWEEN 1 AND 5),
  role_clarity                 REAL CHECK (role_clarity BETWEEN 1 AND 5),
  competence_development       REAL CHECK (competence_development BETWEEN 1 AND 5),
  flexibility                  REAL CHECK (flexibility BETWEEN 1 AND 5),
  mastery_climate              REAL CHECK (mastery_climate BETWEEN 1 AND 5),
  prosocial_motivation         REAL CHECK (prosocial_motivation BETWEEN 1 AND 5),
  imported                     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE UNIQUE INDEX faktor_round_unit_date ON faktor_round (unit_id, date);
