-- PostgreSQL schema 7: what the statistics read, packed by the server.
--
-- The statistics engine reads every spell and roster row of the units it
-- computes; sent as one row each (450 000 spells for a municipality),
-- sending and receiving the rows costs several times the computation.
-- Instead the server keeps each unit's rows packed in naervaer.stats_pack,
-- one row per unit, in the layout the app's engine reads (nv-stats-pack.c),
-- big-endian here:
--   roster: { int8 employee, int4 first day, int4 last day (0: ongoing),
--             float8 FTE } by employee and first day;
--   spells: runs { int8 employee, int4 number of spells, that many spells }
--           by employee, a run's spells by first day, each an int8 word:
--           bits 0–21 first day, 22–43 last day (0: open), 44 self-certified,
--           45–51 the grade when a whole percent, 52 set when the grade
--           follows as 8 more bytes (float8).
-- Days are numbered 1 = 0001-01-01, as the spell table's.
--
-- A pack is a copy and must never be stale. Triggers delete a unit's pack
-- in the same transaction as any change of its spells, roster or staff;
-- a pack is only ever made by the server, from the rows themselves (a
-- trigger fills every row inserted, whatever the INSERT said).
-- The race between the two (a pack built from a snapshot taken just before
-- a writer commits) is closed by an advisory lock per unit: a writer holds
-- it shared from its change to its commit, a builder takes it exclusive
-- with a try that never waits, before the snapshot the pack is built from.
-- So a builder either sees every committed change, or a writer is still at
-- work and the unit is skipped, or the writer waits for the builder's
-- commit and then deletes the new pack. Writers never wait for each other,
-- and a builder never waits for a writer, so the lock adds no deadlock
-- between them. (A bulk load with triggers disabled must empty stats_pack
-- itself.)
--
-- Row-level security: a login reads the packs of the units whose rows it
-- may read (HR all, a leader the granted units — a pack holds exactly its
-- unit's rows, all of which that leader may read); a viewer reads none and
-- keeps the masked views of schema 4. A login may have the packs of the
-- units it may see made (naervaer.stats_pack_build()); nobody changes or
-- deletes a pack but the triggers.
-- Units without a pack (a writer at work, or the reader inside a
-- transaction) are read as rows, their spells through
-- naervaer.stats_spells(), which runs with the caller's rights.

-- One spell's word (and its grade, when not a whole percent); inlined into
-- the queries below.
CREATE OR REPLACE FUNCTION naervaer.stats_spell_word (start_day integer, end_day integer,
                                                      grade double precision, type text)
  RETURNS bytea
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$
    SELECT CASE WHEN grade = floor (grade)
                THEN int8send (CAST (start_day AS bigint)
                               + CAST (coalesce (end_day, 0) AS bigint) * 4194304
                               + CASE WHEN type = 'egenmeldt' THEN 17592186044416 ELSE 0 END
                               + CAST (grade AS bigint) * 35184372088832)
                ELSE int8send (CAST (start_day AS bigint)
                               + CAST (coalesce (end_day, 0) AS bigint) * 4194304
                               + CASE WHEN type = 'egenmeldt' THEN 17592186044416 ELSE 0 END
                               + 4503599627370496)
                     || float8send (grade) END
  $$;

-- The spells of the units in @units, of the employees the caller may see
-- (SECURITY INVOKER: row-level security decides as for the rows), a row
-- per employee: unit, employee, how many spells, their words in no
-- particular order (a sort per employee would cost more than it saves). For
-- units without a pack, and the source of the packs.
CREATE OR REPLACE FUNCTION naervaer.stats_spells (units bigint[])
  RETURNS TABLE (unit_id bigint, employee_id bigint, spells integer, words bytea)
  LANGUAGE sql STABLE SECURITY INVOKER
  AS $$
    SELECT e.unit_id, e.id, count (*)::integer,
           string_agg (naervaer.stats_spell_word (s.start_day, s.end_day, s.grade, s.type),
                       ''::bytea)
    FROM naervaer.employee e
    JOIN naervaer.spell s ON s.employee_id = e.id
    WHERE e.unit_id = ANY (units)
    GROUP BY e.unit_id, e.id
    ORDER BY e.unit_id, e.id
  $$;

CREATE TABLE IF NOT EXISTS naervaer.stats_pack (
  unit_id  bigint PRIMARY KEY REFERENCES naervaer.unit (id) ON DELETE CASCADE,
  n_roster integer NOT NULL CHECK (n_roster >= 0),
  roster   bytea NOT NULL,
  n_spells integer NOT NULL CHECK (n_spells >= 0),
  spells   bytea NOT NULL,
  built    timestamptz NOT NULL DEFAULT now()
);
-- Read whole on every query: stored as they are, not compressed.
ALTER TABLE naervaer.stats_pack ALTER COLUMN roster SET STORAGE EXTERNAL,
  ALTER COLUMN spells SET STORAGE EXTERNAL;
ALTER TABLE naervaer.stats_pack ENABLE ROW LEVEL SECURITY;
REVOKE ALL ON naervaer.stats_pack FROM PUBLIC;
GRANT SELECT, INSERT ON naervaer.stats_pack TO naervaer_admin, naervaer_leader;
DROP POLICY IF EXISTS admin_all ON naervaer.stats_pack;
CREATE POLICY admin_all ON naervaer.stats_pack TO naervaer_admin USING (true);
DROP POLICY IF EXISTS leader_read ON naervaer.stats_pack;
CREATE POLICY leader_read ON naervaer.stats_pack FOR SELECT TO naervaer_leader
  USING (naervaer.my_unit (unit_id));
DROP POLICY IF EXISTS leader_build ON naervaer.stats_pack;
CREATE POLICY leader_build ON naervaer.stats_pack FOR INSERT TO naervaer_leader
  WITH CHECK (naervaer.my_unit (unit_id));

-- Whatever an INSERT says, a pack is made here, from all of its unit's rows
-- (as the owner: a pack must hold them all, and row-level security above
-- already decided whether this login may write this unit's pack at all).
-- The row is dropped when a writer is at work on the unit, or when the
-- transaction reads from one snapshot (REPEATABLE READ or SERIALIZABLE):
-- the pack must come from a snapshot taken after the lock.
CREATE OR REPLACE FUNCTION naervaer.stats_pack_fill () RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = naervaer, pg_temp
  AS $$
BEGIN
  IF current_setting ('transaction_isolation') <> 'read committed'
     OR NOT pg_try_advisory_xact_lock (1314280023, NEW.unit_id::integer) THEN
    RETURN NULL;
  END IF;
  -- Each statement below reads a new snapshot: taken after the lock. The
  -- roster: int8 employee, int4 first day, int4 last day (0: ongoing),
  -- float8 FTE, by employee and first day (days numbered as spells').
  SELECT count (*)::integer,
         coalesce (string_agg (int8send (r.employee_id)
                               || int4send ((r.from_date - date '0001-01-01') + 1)
                               || int4send (coalesce ((r.to_date - date '0001-01-01') + 1, 0))
                               || float8send (r.fte), ''::bytea
                               ORDER BY r.employee_id, r.from_date, r.to_date, r.fte), ''::bytea)
    INTO NEW.n_roster, NEW.roster
    FROM employee e JOIN roster r ON r.employee_id = e.id
    WHERE e.unit_id = NEW.unit_id;
  SELECT coalesce (sum (w.n), 0)::integer,
         coalesce (string_agg (int8send (w.employee_id) || int4send (w.n) || w.words, ''::bytea
                               ORDER BY w.employee_id), ''::bytea)
    INTO NEW.n_spells, NEW.spells
    FROM (SELECT s.employee_id, count (*)::integer AS n,
                 string_agg (stats_spell_word (s.start_day, s.end_day, s.grade, s.type), ''::bytea
                             ORDER BY s.start_day, s.end_day, s.grade, s.type) AS words
          FROM employee e JOIN spell s ON s.employee_id = e.id
          WHERE e.unit_id = NEW.unit_id
          GROUP BY s.employee_id) w;
  NEW.built := now ();
  RETURN NEW;
END
$$;
REVOKE ALL ON FUNCTION naervaer.stats_pack_fill () FROM PUBLIC;
DROP TRIGGER IF EXISTS stats_pack_fill ON naervaer.stats_pack;
CREATE TRIGGER stats_pack_fill BEFORE INSERT ON naervaer.stats_pack
  FOR EACH ROW EXECUTE FUNCTION naervaer.stats_pack_fill ();

-- Packs those of @units (NULL: every unit) this login may see that have
-- none; returns how many were made (a unit a writer is at work on is
-- left for later). With the caller's rights. Outside a transaction block
-- the locks last only as long as the call.
CREATE OR REPLACE FUNCTION naervaer.stats_pack_build (units bigint[]) RETURNS integer
  LANGUAGE sql VOLATILE SECURITY INVOKER
  AS $$
    WITH made AS (
      INSERT INTO naervaer.stats_pack (unit_id, n_roster, roster, n_spells, spells)
      SELECT u.id, 0, ''::bytea, 0, ''::bytea FROM naervaer.unit u
      WHERE (units IS NULL OR u.id = ANY (units))
        AND NOT EXISTS (SELECT 1 FROM naervaer.stats_pack p WHERE p.unit_id = u.id)
      ORDER BY u.id
      ON CONFLICT (unit_id) DO NOTHING
      RETURNING 1)
    SELECT count (*)::integer FROM made
  $$;

-- Deletes the packs of the units whose spells, roster or staff a statement
-- changed, holding each unit's lock shared until the commit (see above).
CREATE OR REPLACE FUNCTION naervaer.stats_pack_forget () RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = naervaer, pg_temp
  AS $$
DECLARE
  units bigint[];
  u bigint;
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    -- TRUNCATE waited for every reader of the table, builders too.
    DELETE FROM stats_pack;
    RETURN NULL;
  END IF;
  IF TG_TABLE_NAME = 'employee' THEN
    IF TG_OP = 'UPDATE' THEN
      -- (only employees that moved: a new reference changes no spell)
      units := ARRAY (SELECT unit_id FROM (SELECT id, unit_id FROM old_rows
                                           EXCEPT SELECT id, unit_id FROM new_rows) a
                      UNION
                      SELECT unit_id FROM (SELECT id, unit_id FROM new_rows
                                           EXCEPT SELECT id, unit_id FROM old_rows) b);
    ELSE
      units := ARRAY (SELECT DISTINCT unit_id FROM old_rows);
    END IF;
  ELSIF TG_OP = 'INSERT' THEN
    units := ARRAY (SELECT DISTINCT e.unit_id FROM new_rows n JOIN employee e ON e.id = n.employee_id);
  ELSIF TG_OP = 'UPDATE' THEN
    units := ARRAY (SELECT e.unit_id FROM old_rows o JOIN employee e ON e.id = o.employee_id
                    UNION
                    SELECT e.unit_id FROM new_rows n JOIN employee e ON e.id = n.employee_id);
  ELSE
    -- (rows deleted with their employee: the employee's trigger)
    units := ARRAY (SELECT DISTINCT e.unit_id FROM old_rows o JOIN employee e ON e.id = o.employee_id);
  END IF;
  FOREACH u IN ARRAY units LOOP
    PERFORM pg_advisory_xact_lock_shared (1314280023, u::integer);
  END LOOP;
  DELETE FROM stats_pack WHERE unit_id = ANY (units);
  RETURN NULL;
END
$$;
REVOKE ALL ON FUNCTION naervaer.stats_pack_forget () FROM PUBLIC;

DROP TRIGGER IF EXISTS stats_pack_insert ON naervaer.spell;
CREATE TRIGGER stats_pack_insert AFTER INSERT ON naervaer.spell
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION naervaer.stats_pack_forget ();
DROP TRIGGER IF EXISTS stats_pack_update ON naervaer.spell;
CREATE TRIGGER stats_pack_update AFTER UPDATE ON naervaer.spell
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION naervaer.stats_pack_forget ();
DROP TRIGGER IF EXISTS stats_pack_delete ON naervaer.spell;
CREATE TRIGGER stats_pack_delete AFTER DELETE ON naervaer.spell
  REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION naervaer.stats_pack_forget ();
DROP TRIGGER IF EXISTS stats_pack_truncate ON naervaer.spell;
CREATE TRIGGER stats_pack_truncate AFTER TRUNCATE ON naervaer.spell
  FOR EACH STATEMENT EXECUTE FUNCTION naervaer.stats_pack_forget ();
DROP TRIGGER IF EXISTS stats_pack_insert ON naervaer.roster;
CREATE TRIGGER stats_pack_insert AFTER INSERT ON naervaer.roster
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION naervaer.stats_pack_forget ();
DROP TRIGGER IF EXISTS stats_pack_update ON naervaer.roster;
CREATE TRIGGER stats_pack_update AFTER UPDATE ON naervaer.roster
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION naervaer.stats_pack_forget ();
DROP TRIGGER IF EXISTS stats_pack_delete ON naervaer.roster;
CREATE TRIGGER stats_pack_delete AFTER DELETE ON naervaer.roster
  REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION naervaer.stats_pack_forget ();
DROP TRIGGER IF EXISTS stats_pack_truncate ON naervaer.roster;
CREATE TRIGGER stats_pack_truncate AFTER TRUNCATE ON naervaer.roster
  FOR EACH STATEMENT EXECUTE FUNCTION naervaer.stats_pack_forget ();
DROP TRIGGER IF EXISTS stats_pack_update ON naervaer.employee;
CREATE TRIGGER stats_pack_update AFTER UPDATE ON naervaer.employee
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION naervaer.stats_pack_forget ();
DROP TRIGGER IF EXISTS stats_pack_delete ON naervaer.employee;
CREATE TRIGGER stats_pack_delete AFTER DELETE ON naervaer.employee
  REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION naervaer.stats_pack_forget ();
DROP TRIGGER IF EXISTS stats_pack_truncate ON naervaer.employee;
CREATE TRIGGER stats_pack_truncate AFTER TRUNCATE ON naervaer.employee
  FOR EACH STATEMENT EXECUTE FUNCTION naervaer.stats_pack_forget ();

REVOKE ALL ON FUNCTION naervaer.stats_spell_word (integer, integer, double precision, text),
  naervaer.stats_spells (bigint[]), naervaer.stats_pack_build (bigint[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION naervaer.stats_spell_word (integer, integer, double precision, text),
  naervaer.stats_spells (bigint[]), naervaer.stats_pack_build (bigint[])
  TO naervaer_admin, naervaer_leader;
