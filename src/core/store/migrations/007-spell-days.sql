-- Schema 7: absence spells keep their days as integers, the NvDay numbering
-- (GDate's julian day: 1 = 0001-01-01, so julianday(ISO) - 1721424.5). An
-- import of a million spells binds and compares integers instead of text,
-- and the statistics read them without parsing. start_date and end_date stay
-- readable as ISO text (virtual generated columns, computed only when read).
CREATE TABLE spell_days (
  id          INTEGER PRIMARY KEY,
  employee_id INTEGER NOT NULL REFERENCES employee (id) ON DELETE CASCADE,
  start_day   INTEGER NOT NULL CHECK (start_day BETWEEN 1 AND 3652059),
  end_day     INTEGER CHECK (end_day IS NULL OR (end_day >= start_day AND end_day <= 3652059)),
  grade       REAL NOT NULL DEFAULT 100 CHECK (grade >= 20 AND grade <= 100),
  type        TEXT NOT NULL CHECK (type IN ('egenmeldt', 'legemeldt')),
  start_date  TEXT GENERATED ALWAYS AS (date(start_day + 1721424.5)) VIRTUAL,
  end_date    TEXT GENERATED ALWAYS AS (date(end_day + 1721424.5)) VIRTUAL,
  CHECK (type <> 'egenmeldt' OR grade = 100)
);
INSERT INTO spell_days (id, employee_id, start_day, end_day, grade, type)
  SELECT id, employee_id, CAST(julianday(start_date) - 1721424.5 AS INTEGER),
         CAST(julianday(end_date) - 1721424.5 AS INTEGER), grade, type
  FROM spell;
DROP TABLE spell;
ALTER TABLE spell_days RENAME TO spell;
CREATE INDEX spell_employee ON spell (employee_id, start_day);
