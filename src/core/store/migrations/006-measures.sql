-- Schema 6: measures (tiltak) and their dated notes.
-- Dates are ISO text (YYYY-MM-DD). Deleting a unit removes its measures;
-- deleting a workshop keeps the measures it produced but drops the link.
CREATE TABLE measure (
  id          INTEGER PRIMARY KEY,
  unit_id     INTEGER NOT NULL REFERENCES unit (id) ON DELETE CASCADE,
  title       TEXT NOT NULL CHECK (length(trim(title)) > 0),
  description TEXT NOT NULL DEFAULT '',
  theme       TEXT NOT NULL DEFAULT 'other'
              CHECK (theme IN ('leadership', 'mastery-climate', 'open-talk',
                               'presence-expectations', 'absent-follow-up',
                               'work-organisation', 'competence-quality',
                               'initiative', 'other')),
  owner       TEXT NOT NULL DEFAULT '',
  start_date  TEXT NOT NULL CHECK (length(start_date) = 10),
  deadline    TEXT CHECK (deadline IS NULL OR (length(deadline) = 10 AND deadline >= start_date)),
  status      TEXT NOT NULL DEFAULT 'planned'
              CHECK (status IN ('planned', 'in-progress', 'done', 'discontinued')),
  status_date TEXT NOT NULL CHECK (length(status_date) = 10),
  workshop_id INTEGER REFERENCES workshop (id) ON DELETE SET NULL,
  created     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX measure_unit ON measure (unit_id, deadline);
CREATE INDEX measure_workshop ON measure (workshop_id);

-- Evaluation notes (from_status and to_status NULL) and the notes given with
-- a status change (reopening needs one).
CREATE TABLE measure_note (
  id          INTEGER PRIMARY KEY,
  measure_id  INTEGER NOT NULL REFERENCES measure (id) ON DELETE CASCADE,
  day         TEXT NOT NULL CHECK (length(day) = 10),
  text        TEXT NOT NULL CHECK (length(trim(text)) > 0),
  from_status TEXT CHECK (from_status IS NULL OR
                          from_status IN ('planned', 'in-progress', 'done', 'discontinued')),
  to_status   TEXT CHECK (to_status IS NULL OR
                          to_status IN ('planned', 'in-progress', 'done', 'discontinued')),
  CHECK ((from_status IS NULL) = (to_status IS NULL))
);
CREATE INDEX measure_note_measure ON measure_note (measure_id, day);
