-- Schema 5: dialogue workshops (DESIGN §7).
-- Steps and themes are identified by their id in data/workshop-template.ui.
-- Measures agreed in a workshop live in the measures register (schema 6,
-- measure.workshop_id).
CREATE TABLE workshop (
  id            INTEGER PRIMARY KEY,
  unit_id       INTEGER NOT NULL REFERENCES unit (id) ON DELETE CASCADE,
  date          TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  title         TEXT NOT NULL DEFAULT '',
  -- who took part: leader, union rep (tillitsvalgt), safety rep (verneombud), NAV adviser
  leader        INTEGER NOT NULL DEFAULT 1 CHECK (leader IN (0, 1)),
  union_rep     INTEGER NOT NULL DEFAULT 0 CHECK (union_rep IN (0, 1)),
  safety_rep    INTEGER NOT NULL DEFAULT 0 CHECK (safety_rep IN (0, 1)),
  nav_adviser   INTEGER NOT NULL DEFAULT 0 CHECK (nav_adviser IN (0, 1)),
  staff         INTEGER NOT NULL DEFAULT 0 CHECK (staff BETWEEN 0 AND 999),
  followup_date TEXT CHECK (followup_date IS NULL OR
                            followup_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  evaluation    TEXT NOT NULL DEFAULT '',
  created       TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX workshop_unit ON workshop (unit_id, date);

-- Checklist: one row per step that was ticked or has a note.
CREATE TABLE workshop_step (
  workshop_id INTEGER NOT NULL REFERENCES workshop (id) ON DELETE CASCADE,
  step        TEXT NOT NULL,
  ticked      TEXT,              -- UTC time it was ticked, NULL when not ticked
  note        TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (workshop_id, step)
) WITHOUT ROWID;

-- Themes switched on for the rounds.
CREATE TABLE workshop_theme (
  workshop_id INTEGER NOT NULL REFERENCES workshop (id) ON DELETE CASCADE,
  theme       TEXT NOT NULL,
  PRIMARY KEY (workshop_id, theme)
) WITHOUT ROWID;

-- The leader's own discussion prompts, per theme.
CREATE TABLE workshop_prompt (
  id          INTEGER PRIMARY KEY,
  workshop_id INTEGER NOT NULL REFERENCES workshop (id) ON DELETE CASCADE,
  theme       TEXT NOT NULL,
  text        TEXT NOT NULL CHECK (length(trim(text)) > 0)
);
CREATE INDEX workshop_prompt_workshop ON workshop_prompt (workshop_id);

-- Ideas captured in the room, with the votes they got.
CREATE TABLE workshop_idea (
  id          INTEGER PRIMARY KEY,
  workshop_id INTEGER NOT NULL REFERENCES workshop (id) ON DELETE CASCADE,
  text        TEXT NOT NULL CHECK (length(trim(text)) > 0),
  theme       TEXT NOT NULL DEFAULT '',
  position    INTEGER NOT NULL,
  votes       INTEGER NOT NULL DEFAULT 0 CHECK (votes >= 0)
);
CREATE INDEX workshop_idea_workshop ON workshop_idea (workshop_id, position);

