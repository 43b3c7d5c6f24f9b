-- Schema 4: benchmark series and their figures, as the user imported them.
--
-- The figures Nærvær ships (data/benchmarks.csv) are NOT copied in here: they
-- stay a read-only built-in set in the resource bundle and are merged with
-- these tables when read (nv-benchmark.c). An imported figure for the same
-- series and period takes precedence; the shipped one and its source remain
-- in the bundle, so an import never loses a bundled source and a newer app
-- version brings newer bundled figures without touching the user's.
--
-- A series has one measure for good: legemeldt (doctor-certified only) or
-- totalt (self-certified + doctor-certified). Names are unique regardless of
-- case. A series that extends a built-in one has the built-in's kind and
-- measure.
CREATE TABLE benchmark_series (
  id      INTEGER PRIMARY KEY,
  name    TEXT NOT NULL CHECK (length(trim(name)) > 0),
  kind    TEXT NOT NULL
          CHECK (kind IN ('national', 'municipal-sector', 'sector', 'own-municipality')),
  measure TEXT NOT NULL CHECK (measure IN ('legemeldt', 'totalt')),
  basis   TEXT NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX benchmark_series_name ON benchmark_series (name COLLATE NOCASE);

-- period is 'YYYY-Qn' or 'YYYY'; percent is stored as given (unrounded);
-- every figure names its source (a URL or a citation).
CREATE TABLE benchmark_point (
  series_id INTEGER NOT NULL REFERENCES benchmark_series (id) ON DELETE CASCADE,
  period    TEXT NOT NULL
            CHECK (period GLOB '[12][0-9][0-9][0-9]'
                   OR period GLOB '[12][0-9][0-9][0-9]-Q[1-4]'),
  percent   REAL NOT NULL CHECK (percent >= 0 AND percent <= 100),
  basis     TEXT NOT NULL DEFAULT '',
  source    TEXT NOT NULL CHECK (length(trim(source)) > 0),
  imported  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  PRIMARY KEY (series_id, period)
) WITHOUT ROWID;
