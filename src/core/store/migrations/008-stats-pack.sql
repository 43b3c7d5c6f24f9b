-- Schema 8: a packed copy of each unit's roster and spells for the statistics
-- engine (nv-stats-pack.c). Reading half a million spell rows one by one
-- costs far more than computing with them; one blob per unit reads in a few
-- milliseconds. The pack is derived data only: it is rebuilt from the roster
-- and spell tables when missing, and these triggers delete it whenever a row
-- it was made from changes — by any program, also the sqlite3 shell — so it
-- can never show stale figures nor keep a copy of erased rows (the
-- cascades from employee and unit reach it too).
CREATE TABLE stats_pack (
  unit_id INTEGER PRIMARY KEY REFERENCES unit (id) ON DELETE CASCADE,
  format  INTEGER NOT NULL,
  roster  BLOB NOT NULL,
  spells  BLOB NOT NULL
);

CREATE TRIGGER stats_pack_spell_insert AFTER INSERT ON spell BEGIN
  DELETE FROM stats_pack
  WHERE unit_id = (SELECT unit_id FROM employee WHERE id = NEW.employee_id);
END;
CREATE TRIGGER stats_pack_spell_update AFTER UPDATE ON spell BEGIN
  DELETE FROM stats_pack
  WHERE unit_id IN (SELECT unit_id FROM employee WHERE id IN (OLD.employee_id, NEW.employee_id));
END;
CREATE TRIGGER stats_pack_spell_delete AFTER DELETE ON spell BEGIN
  DELETE FROM stats_pack
  WHERE unit_id = (SELECT unit_id FROM employee WHERE id = OLD.employee_id);
END;

CREATE TRIGGER stats_pack_roster_insert AFTER INSERT ON roster BEGIN
  DELETE FROM stats_pack
  WHERE unit_id = (SELECT unit_id FROM employee WHERE id = NEW.employee_id);
END;
CREATE TRIGGER stats_pack_roster_update AFTER UPDATE ON roster BEGIN
  DELETE FROM stats_pack
  WHERE unit_id IN (SELECT unit_id FROM employee WHERE id IN (OLD.employee_id, NEW.employee_id));
END;
CREATE TRIGGER stats_pack_roster_delete AFTER DELETE ON roster BEGIN
  DELETE FROM stats_pack
  WHERE unit_id = (SELECT unit_id FROM employee WHERE id = OLD.employee_id);
END;

-- An employee moved to another unit, or deleted (its rows go by cascade,
-- possibly after the employee row itself is gone).
CREATE TRIGGER stats_pack_employee_update AFTER UPDATE ON employee BEGIN
  DELETE FROM stats_pack WHERE unit_id IN (OLD.unit_id, NEW.unit_id);
END;
CREATE TRIGGER stats_pack_employee_delete BEFORE DELETE ON employee BEGIN
  DELETE FROM stats_pack WHERE unit_id = OLD.unit_id;
END;
