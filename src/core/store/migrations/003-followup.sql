-- Schema 3: follow-up milestones recorded as done.
-- A record is keyed by the employee, the first day of the case (ISO text, as
-- the spells store dates) and the milestone id of data/followup-rules.json.
-- It goes with the employee: erasing a person erases their records.
CREATE TABLE followup_done (
  employee_id INTEGER NOT NULL REFERENCES employee (id) ON DELETE CASCADE,
  case_start  TEXT NOT NULL CHECK (length(case_start) = 10),
  milestone   TEXT NOT NULL CHECK (length(milestone) > 0),
  done_on     TEXT NOT NULL CHECK (length(done_on) = 10 AND done_on >= case_start),
  note        TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 500),
  recorded    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  PRIMARY KEY (employee_id, case_start, milestone)
) WITHOUT ROWID;
