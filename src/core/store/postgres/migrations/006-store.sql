-- PostgreSQL schema 6: what the app's own statements need to run on the
-- server as they run on SQLite.
--
-- «nocase»: the app compares and sorts names with SQLite's COLLATE NOCASE;
-- on the server the same statements name this collation (case-insensitive
-- equality and ordering, ICU), which the PostgreSQL backend puts in its
-- place.
CREATE COLLATION IF NOT EXISTS naervaer.nocase
  (provider = icu, locale = 'und-u-ks-level2', deterministic = false);

-- SQLite's group_concat, as the app's statements use it (text, NULLs
-- left out).
CREATE FUNCTION naervaer.group_concat_step (acc text, value text, sep text) RETURNS text
  LANGUAGE sql IMMUTABLE
  AS $$ SELECT CASE WHEN value IS NULL THEN acc WHEN acc IS NULL THEN value
                    ELSE acc || sep || value END $$;
CREATE FUNCTION naervaer.group_concat_step (acc text, value text) RETURNS text
  LANGUAGE sql IMMUTABLE
  AS $$ SELECT naervaer.group_concat_step (acc, value, ',') $$;
CREATE AGGREGATE naervaer.group_concat (text, text) (
  SFUNC = naervaer.group_concat_step, STYPE = text
);
CREATE AGGREGATE naervaer.group_concat (text) (
  SFUNC = naervaer.group_concat_step, STYPE = text
);
