-- Schema 9: per unit, the day from which follow-up is tracked (issue 12).
-- Milestones due before it are «not tracked»: imported history is not a
-- list of missed deadlines. No row: everything is tracked. The row goes with
-- the unit.
CREATE TABLE unit_followup (
  unit_id      INTEGER PRIMARY KEY REFERENCES unit (id) ON DELETE CASCADE,
  tracked_from TEXT NOT NULL CHECK (length(tracked_from) = 10),
  set_by       TEXT NOT NULL DEFAULT 'user' CHECK (set_by IN ('user', 'import'))
);
