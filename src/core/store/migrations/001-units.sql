-- Schema 1: units (the department a leader runs).
CREATE TABLE unit (
  id           INTEGER PRIMARY KEY,
  name         TEXT NOT NULL CHECK (length(trim(name)) > 0),
  sector       TEXT NOT NULL CHECK (sector IN ('helse-omsorg', 'barnehage', 'annet')),
  municipality TEXT NOT NULL DEFAULT '',
  created      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE UNIQUE INDEX unit_name ON unit (name COLLATE NOCASE);
