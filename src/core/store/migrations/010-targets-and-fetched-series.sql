-- Schema 10: a target per unit, and where fetched benchmark series come from.
--
-- target_percent: the sick-leave percentage the unit aims for (NAV's cost
-- calculator: what the unit would save a year at its target). NULL = none
-- set. Strictly between 0 and 100.
ALTER TABLE unit ADD COLUMN target_percent REAL
  CHECK (target_percent IS NULL OR (target_percent > 0 AND target_percent < 100));

-- A benchmark series whose figures were fetched from Statistics Norway's
-- open API (on the user's request) rather than imported from a CSV file:
-- the exact address asked, SSB's table id, when it was fetched (UTC), the
-- next publication SSB announced for the table (YYYY-MM-DD, NULL when none
-- was given) and whether the figures are seasonally adjusted (they never
-- are when Nærvær fetches them; the flag keeps such series apart if one is
-- ever stored). The figures themselves are ordinary benchmark_point rows.
CREATE TABLE benchmark_fetch (
  series_id    INTEGER PRIMARY KEY REFERENCES benchmark_series (id) ON DELETE CASCADE,
  source_url   TEXT NOT NULL CHECK (length(source_url) > 0),
  table_id     TEXT NOT NULL CHECK (length(table_id) > 0),
  fetched      TEXT NOT NULL,
  next_release TEXT,
  seasonally_adjusted INTEGER NOT NULL DEFAULT 0 CHECK (seasonally_adjusted IN (0, 1))
);
