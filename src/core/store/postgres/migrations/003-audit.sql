-- PostgreSQL schema 3: the audit trail, row versions and the grant functions.
--
-- Every insert, update and delete of person-level rows (employees, roster,
-- spells, follow-up records, HR monthly figures) is written to
-- naervaer.audit by a trigger: login, time, table, row, action. Exports are
-- logged by the app through naervaer.log_export(). Only HR reads the audit;
-- nobody writes it but these functions. Erasing an employee deletes what the
-- audit knew about that person and leaves one «erase» row: that an erasure
-- happened, when, by whom, in which unit.
CREATE TABLE audit (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at          timestamptz NOT NULL DEFAULT now(),
  login       name NOT NULL DEFAULT session_user,
  tbl         text NOT NULL,
  row_ref     text,
  action      text NOT NULL CHECK (action IN ('insert', 'update', 'delete', 'export', 'erase')),
  unit_id     bigint,   -- no reference: the trail outlives the unit
  employee_id bigint    -- whom the row is about; never kept past an erasure
);
CREATE INDEX audit_at ON audit (at);
CREATE INDEX audit_employee ON audit (employee_id);
REVOKE ALL ON naervaer.audit FROM PUBLIC, naervaer_leader, naervaer_viewer, naervaer_admin;
GRANT SELECT ON naervaer.audit TO naervaer_admin;

CREATE FUNCTION naervaer.audit_row () RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = naervaer, pg_temp
  AS $$
DECLARE
  j jsonb;
  emp bigint;
  u bigint;
  ref text;
BEGIN
  IF TG_OP = 'DELETE' THEN j := to_jsonb (OLD); ELSE j := to_jsonb (NEW); END IF;

  IF TG_TABLE_NAME = 'employee' THEN
    emp := (j ->> 'id')::bigint;
    u := (j ->> 'unit_id')::bigint;
    ref := j ->> 'id';
    IF TG_OP = 'DELETE' THEN
      -- An erasure: forget the person, keep that it happened.
      DELETE FROM audit WHERE employee_id = emp;
      INSERT INTO audit (tbl, row_ref, action, unit_id) VALUES ('employee', NULL, 'erase', u);
      RETURN NULL;
    END IF;
  ELSIF TG_TABLE_NAME = 'monthly' THEN
    u := (j ->> 'unit_id')::bigint;
    ref := (j ->> 'unit_id') || ':' || (j ->> 'period');
  ELSE
    emp := (j ->> 'employee_id')::bigint;
    SELECT e.unit_id INTO u FROM employee e WHERE e.id = emp;
    IF TG_OP = 'DELETE' AND u IS NULL THEN
      RETURN NULL; -- removed with its employee: part of an erasure
    END IF;
    IF j ? 'id' THEN
      ref := j ->> 'id';
    ELSE
      ref := (j ->> 'employee_id') || ':' || (j ->> 'case_start') || ':' || (j ->> 'milestone');
    END IF;
  END IF;

  INSERT INTO audit (tbl, row_ref, action, unit_id, employee_id)
    VALUES (TG_TABLE_NAME, ref, lower (TG_OP), u, emp);
  RETURN NULL;
END
$$;
REVOKE ALL ON FUNCTION naervaer.audit_row () FROM PUBLIC;

CREATE TRIGGER audit_row AFTER INSERT OR UPDATE OR DELETE ON employee
  FOR EACH ROW EXECUTE FUNCTION naervaer.audit_row ();
CREATE TRIGGER audit_row AFTER INSERT OR UPDATE OR DELETE ON roster
  FOR EACH ROW EXECUTE FUNCTION naervaer.audit_row ();
CREATE TRIGGER audit_row AFTER INSERT OR UPDATE OR DELETE ON spell
  FOR EACH ROW EXECUTE FUNCTION naervaer.audit_row ();
CREATE TRIGGER audit_row AFTER INSERT OR UPDATE OR DELETE ON followup_done
  FOR EACH ROW EXECUTE FUNCTION naervaer.audit_row ();
CREATE TRIGGER audit_row AFTER INSERT OR UPDATE OR DELETE ON monthly
  FOR EACH ROW EXECUTE FUNCTION naervaer.audit_row ();

-- The app logs an export of person-level data (@what: 'spells', 'roster',
-- 'monthly', 'employee') of one unit it may see.
CREATE FUNCTION naervaer.log_export (what text, unit bigint) RETURNS void
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = naervaer, pg_temp
  AS $$
BEGIN
  INSERT INTO audit (tbl, row_ref, action, unit_id) VALUES (what, NULL, 'export', unit);
END
$$;
REVOKE ALL ON FUNCTION naervaer.log_export (text, bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION naervaer.log_export (text, bigint)
  TO naervaer_admin, naervaer_leader, naervaer_viewer;

-- Row versions: every update of a workshop or measure raises its version, so
-- a save that names the version it read finds nothing when someone else
-- saved in between.
CREATE FUNCTION naervaer.bump_row_version () RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  NEW.row_version := OLD.row_version + 1;
  RETURN NEW;
END
$$;
CREATE TRIGGER row_version BEFORE UPDATE ON workshop
  FOR EACH ROW EXECUTE FUNCTION naervaer.bump_row_version ();
CREATE TRIGGER row_version BEFORE UPDATE ON measure
  FOR EACH ROW EXECUTE FUNCTION naervaer.bump_row_version ();

-- Grants. Run with the rights of the role that ran `server init` (it may
-- create roles), callable by HR. Login names are SQL identifiers quoted
-- with %I; the group roles and PostgreSQL's own are refused.
CREATE FUNCTION naervaer.grant_access (login text, kind text, unit_name text) RETURNS void
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = naervaer, pg_temp
  AS $$
DECLARE
  u bigint;
BEGIN
  IF kind NOT IN ('admin', 'leader', 'viewer') THEN
    RAISE EXCEPTION 'unknown role %', kind USING ERRCODE = '22023';
  END IF;
  IF login IS NULL OR login = '' OR login ~ '^(pg_|naervaer_)' THEN
    RAISE EXCEPTION 'login % cannot be granted', login USING ERRCODE = '42939';
  END IF;
  IF kind = 'leader' THEN
    SELECT id INTO u FROM unit WHERE lower (name) = lower (unit_name);
    IF u IS NULL THEN
      RAISE EXCEPTION 'no unit %', unit_name USING ERRCODE = 'P0002';
    END IF;
  ELSIF unit_name IS NOT NULL THEN
    RAISE EXCEPTION 'only leaders are granted units' USING ERRCODE = '22023';
  END IF;

  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = login) THEN
    EXECUTE format ('CREATE ROLE %I LOGIN', login);
  END IF;
  EXECUTE format ('GRANT %I TO %I', 'naervaer_' || kind, login);
  IF u IS NOT NULL THEN
    INSERT INTO unit_grant (role_name, unit_id, granted_by) VALUES (login, u, session_user)
      ON CONFLICT DO NOTHING;
  END IF;
END
$$;

-- Takes access away: one unit of a leader (the leader role goes with the
-- last unit), one role, or (kind NULL) everything. Returns how many grants
-- it removed; the login itself is kept.
CREATE FUNCTION naervaer.revoke_access (login text, kind text, unit_name text) RETURNS integer
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = naervaer, pg_temp
  AS $$
DECLARE
  n integer := 0;
  k integer;
  g text;
BEGIN
  IF kind IS NOT NULL AND kind NOT IN ('admin', 'leader', 'viewer') THEN
    RAISE EXCEPTION 'unknown role %', kind USING ERRCODE = '22023';
  END IF;
  IF unit_name IS NOT NULL THEN
    IF NOT EXISTS (SELECT 1 FROM unit WHERE lower (name) = lower (unit_name)) THEN
      RAISE EXCEPTION 'no unit %', unit_name USING ERRCODE = 'P0002';
    END IF;
    DELETE FROM unit_grant
      WHERE role_name = login AND unit_id IN (SELECT id FROM unit WHERE lower (name) = lower (unit_name));
    GET DIAGNOSTICS n = ROW_COUNT;
    IF EXISTS (SELECT 1 FROM unit_grant WHERE role_name = login) THEN
      RETURN n;
    END IF;
    kind := 'leader';
  ELSIF kind IS NULL OR kind = 'leader' THEN
    DELETE FROM unit_grant WHERE role_name = login;
    GET DIAGNOSTICS k = ROW_COUNT;
    n := n + k;
  END IF;

  FOREACH g IN ARRAY ARRAY['admin', 'leader', 'viewer'] LOOP
    IF (kind IS NULL OR kind = g) AND EXISTS (
        SELECT 1 FROM pg_auth_members m
        JOIN pg_roles r ON r.oid = m.member JOIN pg_roles grp ON grp.oid = m.roleid
        WHERE r.rolname = login AND grp.rolname = 'naervaer_' || g) THEN
      EXECUTE format ('REVOKE %I FROM %I', 'naervaer_' || g, login);
      n := n + 1;
    END IF;
  END LOOP;
  RETURN n;
END
$$;
REVOKE ALL ON FUNCTION naervaer.grant_access (text, text, text),
  naervaer.revoke_access (text, text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION naervaer.grant_access (text, text, text),
  naervaer.revoke_access (text, text, text) TO naervaer_admin;
