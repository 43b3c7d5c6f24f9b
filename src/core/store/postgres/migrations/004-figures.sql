-- PostgreSQL schema 4: masked figures for management and the
-- working-environment committee, computed by the server.
--
-- calendar_day holds every day from 2000-01-01 to 2099-12-31 as an NvDay
-- number with the count of Norwegian workdays before it (DESIGN §2: Monday
-- to Friday that is not a public holiday). `server init` fills it from the
-- app's own calendar (nv-calendar.c), so the server counts workdays exactly
-- as the app does: workdays in [a, b] = before(b + 1) − before(a).
CREATE TABLE calendar_day (
  day             integer PRIMARY KEY,
  date            date NOT NULL UNIQUE,
  workday         boolean NOT NULL,
  workdays_before integer NOT NULL
);
GRANT SELECT ON calendar_day TO naervaer_admin, naervaer_leader, naervaer_viewer;

CREATE FUNCTION naervaer.workdays (a integer, b integer) RETURNS integer
  LANGUAGE sql STABLE
  AS $$
    SELECT CASE WHEN b < a THEN 0 ELSE
      (SELECT workdays_before FROM naervaer.calendar_day WHERE day = b + 1)
      - (SELECT workdays_before FROM naervaer.calendar_day WHERE day = a) END
  $$;
GRANT EXECUTE ON FUNCTION naervaer.workdays (integer, integer)
  TO naervaer_admin, naervaer_leader, naervaer_viewer;

-- Per unit and calendar month, from the roster and the spells (DESIGN §2):
-- persons whose employment overlaps the month, contracted days (workdays of
-- the employment in the month × FTE), lost days (sick workdays × FTE × grade,
-- split self-certified / doctor-certified). An open employment runs on; an
-- open spell ends today. Months from the unit's first employment to this
-- month, which ends today (as `naervaer-cli stats` clips it).
CREATE VIEW naervaer.month_figures_raw AS
WITH r AS (
  SELECT e.unit_id, r.employee_id, r.fte / 100.0 AS fte,
         (r.from_date - date '0001-01-01') + 1 AS a,
         coalesce ((r.to_date - date '0001-01-01') + 1, 3652059) AS b
  FROM naervaer.roster r JOIN naervaer.employee e ON e.id = r.employee_id
),
months AS (
  SELECT u.unit_id, to_char (d, 'YYYY-MM') AS period,
         (d::date - date '0001-01-01') + 1 AS a,
         least (((d + interval '1 month')::date - date '0001-01-01'),
                (current_date - date '0001-01-01') + 1) AS b
  FROM (SELECT unit_id, min (a) AS first FROM r GROUP BY unit_id) u,
       generate_series (date_trunc ('month', date '0001-01-01' + u.first - 1),
                        date_trunc ('month', current_date), interval '1 month') AS d
),
today AS (SELECT (current_date - date '0001-01-01') + 1 AS day),
contracted AS (
  SELECT m.unit_id, m.period, count (DISTINCT r.employee_id) AS persons,
         sum (naervaer.workdays (greatest (r.a, m.a), least (r.b, m.b)) * r.fte) AS days
  FROM months m JOIN r ON r.unit_id = m.unit_id AND r.a <= m.b AND r.b >= m.a
  GROUP BY m.unit_id, m.period
),
lost AS (
  SELECT m.unit_id, m.period,
         sum (CASE WHEN s.type = 'egenmeldt' THEN w END) AS self,
         sum (CASE WHEN s.type = 'legemeldt' THEN w END) AS doctor
  FROM months m
  JOIN r ON r.unit_id = m.unit_id AND r.a <= m.b AND r.b >= m.a
  JOIN naervaer.spell s ON s.employee_id = r.employee_id
  CROSS JOIN today
  CROSS JOIN LATERAL (
    SELECT naervaer.workdays (greatest (s.start_day, r.a, m.a),
                              least (coalesce (s.end_day, today.day), r.b, m.b))
           * r.fte * s.grade / 100.0 AS w) x
  WHERE s.start_day <= m.b AND coalesce (s.end_day, today.day) >= m.a
  GROUP BY m.unit_id, m.period
)
SELECT c.unit_id, c.period, c.persons::integer AS persons, c.days AS contracted_days,
       coalesce (l.self, 0) AS lost_days_self, coalesce (l.doctor, 0) AS lost_days_doctor
FROM contracted c LEFT JOIN lost l USING (unit_id, period);
REVOKE ALL ON naervaer.month_figures_raw FROM PUBLIC;

-- What leaves a leader's own screen, masked (DESIGN §2): a month with fewer
-- than 5 persons shows the number of persons and nothing else — neither the
-- percentages nor the day counts they could be recomputed from.
-- security_barrier: no function a user writes in a WHERE clause sees the
-- rows before they are masked.
CREATE VIEW naervaer.unit_month_figures WITH (security_barrier) AS
SELECT f.unit_id, u.name AS unit, u.sector, f.period, f.persons,
       f.persons < 5 AS masked,
       CASE WHEN f.persons >= 5 THEN f.contracted_days END AS contracted_days,
       CASE WHEN f.persons >= 5 THEN f.lost_days_self + f.lost_days_doctor END AS lost_days,
       CASE WHEN f.persons >= 5 THEN f.lost_days_self END AS lost_days_self,
       CASE WHEN f.persons >= 5 THEN f.lost_days_doctor END AS lost_days_doctor,
       CASE WHEN f.persons >= 5 AND f.contracted_days > 0
            THEN (f.lost_days_self + f.lost_days_doctor) * 100 / f.contracted_days END AS percent,
       'spells'::text AS source
FROM naervaer.month_figures_raw f JOIN naervaer.unit u ON u.id = f.unit_id;

-- HR's monthly figures, masked the same way.
CREATE VIEW naervaer.unit_monthly_hr WITH (security_barrier) AS
SELECT m.unit_id, u.name AS unit, u.sector, m.period, m.persons,
       m.persons < 5 AS masked,
       CASE WHEN m.persons >= 5 THEN m.contracted_days END AS contracted_days,
       CASE WHEN m.persons >= 5 THEN m.lost_days_self + m.lost_days_doctor END AS lost_days,
       CASE WHEN m.persons >= 5 THEN m.lost_days_self END AS lost_days_self,
       CASE WHEN m.persons >= 5 THEN m.lost_days_doctor END AS lost_days_doctor,
       CASE WHEN m.persons >= 5 AND m.contracted_days > 0
            THEN (m.lost_days_self + m.lost_days_doctor) * 100 / m.contracted_days END AS percent,
       'monthly'::text AS source
FROM naervaer.monthly m JOIN naervaer.unit u ON u.id = m.unit_id;

GRANT SELECT ON naervaer.unit_month_figures, naervaer.unit_monthly_hr
  TO naervaer_admin, naervaer_leader, naervaer_viewer;
