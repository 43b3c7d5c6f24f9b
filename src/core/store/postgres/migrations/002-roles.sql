-- PostgreSQL schema 2: roles and row-level security. What a login may see
-- and change is decided here, in the database, so a user who connects with
-- psql and the same login sees no more than the app shows.
--
--   naervaer_admin   HR: every unit, imports, benchmark series, grants.
--   naervaer_leader  everything of the units granted to the login
--                    (naervaer.unit_grant), nothing of the others.
--   naervaer_viewer  management and the working-environment committee:
--                    units, measures and workshops of all units, and the
--                    figures only through the masked views of schema 4; no
--                    employee, roster, spell, follow-up or HR-figure row.
--
-- The roles are group roles (NOLOGIN); logins are made members of them by
-- `naervaer-cli server grant`. Roles are shared by the whole cluster, so an
-- existing role is kept as it is.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'naervaer_admin') THEN
    CREATE ROLE naervaer_admin NOLOGIN;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'naervaer_leader') THEN
    CREATE ROLE naervaer_leader NOLOGIN;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'naervaer_viewer') THEN
    CREATE ROLE naervaer_viewer NOLOGIN;
  END IF;
END
$$;

REVOKE ALL ON SCHEMA naervaer FROM PUBLIC;
GRANT USAGE ON SCHEMA naervaer TO naervaer_admin, naervaer_leader, naervaer_viewer;
REVOKE ALL ON ALL TABLES IN SCHEMA naervaer FROM PUBLIC;

-- Table privileges: what a role may do at all. Row-level security below
-- narrows it to rows.
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA naervaer TO naervaer_admin;
REVOKE INSERT, UPDATE, DELETE ON naervaer.unit_grant, naervaer.schema_version FROM naervaer_admin;
GRANT USAGE ON ALL SEQUENCES IN SCHEMA naervaer TO naervaer_admin, naervaer_leader;

GRANT SELECT, UPDATE ON naervaer.unit TO naervaer_leader;
GRANT SELECT, INSERT, UPDATE, DELETE ON
  naervaer.employee, naervaer.roster, naervaer.spell, naervaer.monthly,
  naervaer.followup_done, naervaer.unit_followup, naervaer.workshop, naervaer.workshop_step,
  naervaer.workshop_theme, naervaer.workshop_prompt, naervaer.workshop_idea, naervaer.measure,
  naervaer.measure_note, naervaer.faktor_round
  TO naervaer_leader;
GRANT SELECT ON naervaer.benchmark_series, naervaer.benchmark_point, naervaer.benchmark_fetch,
  naervaer.unit_grant, naervaer.schema_version
  TO naervaer_leader, naervaer_viewer;
GRANT SELECT ON naervaer.unit, naervaer.workshop, naervaer.workshop_step,
  naervaer.workshop_theme, naervaer.workshop_prompt, naervaer.workshop_idea, naervaer.measure,
  naervaer.measure_note, naervaer.faktor_round
  TO naervaer_viewer;

-- Is unit @u granted to the current login? Reads unit_grant under its own
-- policy (a login sees its own grants only).
CREATE FUNCTION naervaer.my_unit (u bigint) RETURNS boolean
  LANGUAGE sql STABLE
  AS $$ SELECT EXISTS (SELECT 1 FROM naervaer.unit_grant g
                       WHERE g.unit_id = u AND g.role_name = current_user) $$;

CREATE FUNCTION naervaer.my_employee (emp bigint) RETURNS boolean
  LANGUAGE sql STABLE
  AS $$ SELECT EXISTS (SELECT 1 FROM naervaer.employee e
                       JOIN naervaer.unit_grant g ON g.unit_id = e.unit_id
                       WHERE e.id = emp AND g.role_name = current_user) $$;

CREATE FUNCTION naervaer.my_workshop (w bigint) RETURNS boolean
  LANGUAGE sql STABLE
  AS $$ SELECT EXISTS (SELECT 1 FROM naervaer.workshop x
                       JOIN naervaer.unit_grant g ON g.unit_id = x.unit_id
                       WHERE x.id = w AND g.role_name = current_user) $$;

CREATE FUNCTION naervaer.my_measure (m bigint) RETURNS boolean
  LANGUAGE sql STABLE
  AS $$ SELECT EXISTS (SELECT 1 FROM naervaer.measure x
                       JOIN naervaer.unit_grant g ON g.unit_id = x.unit_id
                       WHERE x.id = m AND g.role_name = current_user) $$;

REVOKE ALL ON FUNCTION naervaer.my_unit (bigint), naervaer.my_employee (bigint),
  naervaer.my_workshop (bigint), naervaer.my_measure (bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION naervaer.my_unit (bigint), naervaer.my_employee (bigint),
  naervaer.my_workshop (bigint), naervaer.my_measure (bigint)
  TO naervaer_admin, naervaer_leader, naervaer_viewer;

-- Every table that holds a unit's or a person's rows has row-level security.
ALTER TABLE naervaer.unit ENABLE ROW LEVEL SECURITY;
ALTER TABLE naervaer.employee ENABLE ROW LEVEL SECURITY;
ALTER TABLE naervaer.roster ENABLE ROW LEVEL SECURITY;
ALTER TABLE naervaer.spell ENABLE ROW LEVEL SECURITY;
ALTER TABLE naervaer.monthly ENABLE ROW LEVEL SECURITY;
ALTER TABLE naervaer.followup_done ENABLE ROW LEVEL SECURITY;
ALTER TABLE naervaer.unit_followup ENABLE ROW LEVEL SECURITY;
ALTER TABLE naervaer.workshop ENABLE ROW LEVEL SECURITY;
ALTER TABLE naervaer.workshop_step ENABLE ROW LEVEL SECURITY;
ALTER TABLE naervaer.workshop_theme ENABLE ROW LEVEL SECURITY;
ALTER TABLE naervaer.workshop_prompt ENABLE ROW LEVEL SECURITY;
ALTER TABLE naervaer.workshop_idea ENABLE ROW LEVEL SECURITY;
ALTER TABLE naervaer.measure ENABLE ROW LEVEL SECURITY;
ALTER TABLE naervaer.measure_note ENABLE ROW LEVEL SECURITY;
ALTER TABLE naervaer.faktor_round ENABLE ROW LEVEL SECURITY;
ALTER TABLE naervaer.unit_grant ENABLE ROW LEVEL SECURITY;

-- HR sees and changes everything.
CREATE POLICY admin_all ON naervaer.unit TO naervaer_admin USING (true);
CREATE POLICY admin_all ON naervaer.employee TO naervaer_admin USING (true);
CREATE POLICY admin_all ON naervaer.roster TO naervaer_admin USING (true);
CREATE POLICY admin_all ON naervaer.spell TO naervaer_admin USING (true);
CREATE POLICY admin_all ON naervaer.monthly TO naervaer_admin USING (true);
CREATE POLICY admin_all ON naervaer.followup_done TO naervaer_admin USING (true);
CREATE POLICY admin_all ON naervaer.unit_followup TO naervaer_admin USING (true);
CREATE POLICY admin_all ON naervaer.workshop TO naervaer_admin USING (true);
CREATE POLICY admin_all ON naervaer.workshop_step TO naervaer_admin USING (true);
CREATE POLICY admin_all ON naervaer.workshop_theme TO naervaer_admin USING (true);
CREATE POLICY admin_all ON naervaer.workshop_prompt TO naervaer_admin USING (true);
CREATE POLICY admin_all ON naervaer.workshop_idea TO naervaer_admin USING (true);
CREATE POLICY admin_all ON naervaer.measure TO naervaer_admin USING (true);
CREATE POLICY admin_all ON naervaer.measure_note TO naervaer_admin USING (true);
CREATE POLICY admin_all ON naervaer.faktor_round TO naervaer_admin USING (true);
CREATE POLICY admin_all ON naervaer.unit_grant TO naervaer_admin USING (true);

-- A leader: the granted units, read and write; a row may not be moved to
-- (or written for) a unit that is not granted.
CREATE POLICY leader_read ON naervaer.unit FOR SELECT TO naervaer_leader
  USING (naervaer.my_unit (id));
CREATE POLICY leader_update ON naervaer.unit FOR UPDATE TO naervaer_leader
  USING (naervaer.my_unit (id)) WITH CHECK (naervaer.my_unit (id));
CREATE POLICY leader_units ON naervaer.employee TO naervaer_leader
  USING (naervaer.my_unit (unit_id)) WITH CHECK (naervaer.my_unit (unit_id));
CREATE POLICY leader_units ON naervaer.monthly TO naervaer_leader
  USING (naervaer.my_unit (unit_id)) WITH CHECK (naervaer.my_unit (unit_id));
CREATE POLICY leader_units ON naervaer.unit_followup TO naervaer_leader
  USING (naervaer.my_unit (unit_id)) WITH CHECK (naervaer.my_unit (unit_id));
CREATE POLICY leader_units ON naervaer.workshop TO naervaer_leader
  USING (naervaer.my_unit (unit_id)) WITH CHECK (naervaer.my_unit (unit_id));
CREATE POLICY leader_units ON naervaer.measure TO naervaer_leader
  USING (naervaer.my_unit (unit_id)) WITH CHECK (naervaer.my_unit (unit_id));
CREATE POLICY leader_units ON naervaer.faktor_round TO naervaer_leader
  USING (naervaer.my_unit (unit_id)) WITH CHECK (naervaer.my_unit (unit_id));
CREATE POLICY leader_units ON naervaer.roster TO naervaer_leader
  USING (naervaer.my_employee (employee_id)) WITH CHECK (naervaer.my_employee (employee_id));
CREATE POLICY leader_units ON naervaer.spell TO naervaer_leader
  USING (naervaer.my_employee (employee_id)) WITH CHECK (naervaer.my_employee (employee_id));
CREATE POLICY leader_units ON naervaer.followup_done TO naervaer_leader
  USING (naervaer.my_employee (employee_id)) WITH CHECK (naervaer.my_employee (employee_id));
CREATE POLICY leader_units ON naervaer.workshop_step TO naervaer_leader
  USING (naervaer.my_workshop (workshop_id)) WITH CHECK (naervaer.my_workshop (workshop_id));
CREATE POLICY leader_units ON naervaer.workshop_theme TO naervaer_leader
  USING (naervaer.my_workshop (workshop_id)) WITH CHECK (naervaer.my_workshop (workshop_id));
CREATE POLICY leader_units ON naervaer.workshop_prompt TO naervaer_leader
  USING (naervaer.my_workshop (workshop_id)) WITH CHECK (naervaer.my_workshop (workshop_id));
CREATE POLICY leader_units ON naervaer.workshop_idea TO naervaer_leader
  USING (naervaer.my_workshop (workshop_id)) WITH CHECK (naervaer.my_workshop (workshop_id));
CREATE POLICY leader_units ON naervaer.measure_note TO naervaer_leader
  USING (naervaer.my_measure (measure_id)) WITH CHECK (naervaer.my_measure (measure_id));

-- Management and AMU: units, workshops and measures of every unit, read
-- only; survey rounds only with 3 respondents or more (as the app shows).
CREATE POLICY viewer_read ON naervaer.unit FOR SELECT TO naervaer_viewer USING (true);
CREATE POLICY viewer_read ON naervaer.workshop FOR SELECT TO naervaer_viewer USING (true);
CREATE POLICY viewer_read ON naervaer.workshop_step FOR SELECT TO naervaer_viewer USING (true);
CREATE POLICY viewer_read ON naervaer.workshop_theme FOR SELECT TO naervaer_viewer USING (true);
CREATE POLICY viewer_read ON naervaer.workshop_prompt FOR SELECT TO naervaer_viewer USING (true);
CREATE POLICY viewer_read ON naervaer.workshop_idea FOR SELECT TO naervaer_viewer USING (true);
CREATE POLICY viewer_read ON naervaer.measure FOR SELECT TO naervaer_viewer USING (true);
CREATE POLICY viewer_read ON naervaer.measure_note FOR SELECT TO naervaer_viewer USING (true);
CREATE POLICY viewer_read ON naervaer.faktor_round FOR SELECT TO naervaer_viewer
  USING (respondents >= 3);

-- Every login sees its own grants (the app lists the units it may open).
CREATE POLICY own_grants ON naervaer.unit_grant FOR SELECT
  TO naervaer_leader, naervaer_viewer USING (role_name = current_user);
