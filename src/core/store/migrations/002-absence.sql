-- Schema 2: employees (pseudonymous), roster, absence spells, HR monthly figures.
-- Dates are ISO text (YYYY-MM-DD). Deleting an employee removes every trace by
-- cascade; deleting a unit removes its employees and figures.
CREATE TABLE employee (
  id      INTEGER PRIMARY KEY,
  unit_id INTEGER NOT NULL REFERENCES unit (id) ON DELETE CASCADE,
  ref     TEXT NOT NULL CHECK (length(trim(ref)) > 0)
);
CREATE UNIQUE INDEX employee_unit_ref ON employee (unit_id, ref COLLATE NOCASE);

CREATE TABLE roster (
  id          INTEGER PRIMARY KEY,
  employee_id INTEGER NOT NULL REFERENCES employee (id) ON DELETE CASCADE,
  fte         REAL NOT NULL CHECK (fte >= 1 AND fte <= 100),
  from_date   TEXT NOT NULL CHECK (length(from_date) = 10),
  to_date     TEXT CHECK (to_date IS NULL OR (length(to_date) = 10 AND to_date >= from_date))
);
CREATE INDEX roster_employee ON roster (employee_id, from_date);

CREATE TABLE spell (
  id          INTEGER PRIMARY KEY,
  employee_id INTEGER NOT NULL REFERENCES employee (id) ON DELETE CASCADE,
  start_date  TEXT NOT NULL CHECK (length(start_date) = 10),
  end_date    TEXT CHECK (end_date IS NULL OR (length(end_date) = 10 AND end_date >= start_date)),
  grade       REAL NOT NULL DEFAULT 100 CHECK (grade >= 20 AND grade <= 100),
  type        TEXT NOT NULL CHECK (type IN ('egenmeldt', 'legemeldt')),
  CHECK (type <> 'egenmeldt' OR grade = 100)
);
CREATE INDEX spell_employee ON spell (employee_id, start_date);

CREATE TABLE monthly (
  unit_id          INTEGER NOT NULL REFERENCES unit (id) ON DELETE CASCADE,
  period           TEXT NOT NULL CHECK (length(period) = 7),
  contracted_days  REAL NOT NULL CHECK (contracted_days >= 0),
  lost_days_self   REAL NOT NULL CHECK (lost_days_self >= 0),
  lost_days_doctor REAL NOT NULL CHECK (lost_days_doctor >= 0),
  persons          INTEGER NOT NULL CHECK (persons >= 0),
  PRIMARY KEY (unit_id, period)
) WITHOUT ROWID;
