-- Schema 12: row versions for workshops and measures, as on the shared
-- server (PostgreSQL schema 1 and 3). Every change of a row raises its
-- version; a save names the version it read, and a save against an older
-- version changes nothing (the app says «changed by someone else —
-- reload»), also when two programs share this file.
ALTER TABLE workshop ADD COLUMN row_version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE measure ADD COLUMN row_version INTEGER NOT NULL DEFAULT 1;

CREATE TRIGGER workshop_row_version AFTER UPDATE ON workshop
  WHEN new.row_version = old.row_version
BEGIN
  UPDATE workshop SET row_version = old.row_version + 1 WHERE id = new.id;
END;

CREATE TRIGGER measure_row_version AFTER UPDATE ON measure
  WHEN new.row_version = old.row_version
BEGIN
  UPDATE measure SET row_version = old.row_version + 1 WHERE id = new.id;
END;
