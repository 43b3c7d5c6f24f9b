"""The shared PostgreSQL database: `server init|grant|revoke|users|audit`,
and what a login can do with libpq directly (psql), whatever the app does:
row-level security, masked views, audit, row versions, the TLS rule.

Figures are hand-computed: January 2026 has 21 workdays (1 January, a
Thursday, is a holiday), so five full-time employees have 105 contracted
days; one of them sick Monday 5 to Friday 9 January loses 5 days: 4.7619 %.
"""
import json
import os
import subprocess
import sys
import unittest
from datetime import date

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pgcluster  # noqa: E402

CLI = os.environ.get("NAERVAER_CLI", "naervaer-cli")
cluster = None


def day(iso):
    """NvDay numbering: 1 = 0001-01-01, as Python's ordinal."""
    return date.fromisoformat(iso).toordinal()


def setUpModule():
    global cluster
    cluster = pgcluster.Cluster()
    cli("server", "init")
    cluster.psql_super("naervaer", """
        INSERT INTO naervaer.unit (name, sector) VALUES ('Solsiden', 'helse-omsorg'),
          ('Bakken', 'barnehage');
        INSERT INTO naervaer.employee (unit_id, ref)
          SELECT 1, 'S' || g FROM generate_series (1, 5) g;
        INSERT INTO naervaer.employee (unit_id, ref)
          SELECT 2, 'B' || g FROM generate_series (1, 4) g;
        INSERT INTO naervaer.roster (employee_id, fte, from_date)
          SELECT id, 100, '2026-01-01' FROM naervaer.employee;
        INSERT INTO naervaer.measure (unit_id, title, start_date, status_date)
          VALUES (1, 'Morning meeting', '2026-01-01', '2026-01-01'),
                 (2, 'Buddy system', '2026-01-01', '2026-01-01');
        INSERT INTO naervaer.monthly VALUES (1, '2026-01', 105, 5, 0, 5), (2, '2026-01', 84, 4, 0, 4);
    """ + f"""
        INSERT INTO naervaer.spell (employee_id, start_day, end_day, grade, type)
          SELECT id, {day('2026-01-05')}, {day('2026-01-09')}, 100, 'egenmeldt'
          FROM naervaer.employee WHERE ref IN ('S1', 'B1');
    """)
    cli("server", "grant", "--user", "hr", "--role", "admin")
    cli("server", "grant", "--user", "anne", "--role", "leader", "--unit", "solsiden")
    cli("server", "grant", "--user", "bo", "--role", "leader", "--unit", "Bakken")
    cli("server", "grant", "--user", "amu", "--role", "viewer")


def tearDownModule():
    if cluster is not None:
        cluster.stop()


def cli(*args, user=pgcluster.Cluster.SUPERUSER, expect=0, database=None, env=None):
    db = database if database is not None else cluster.conninfo(user)
    e = dict(os.environ)
    e.update(env or {})
    r = subprocess.run([CLI, "--database", db] + list(args), capture_output=True, text=True,
                       timeout=120, env=e)
    if expect is not None and r.returncode != expect:
        raise AssertionError(f"naervaer-cli {' '.join(args)} as {user} exited {r.returncode}, "
                             f"expected {expect}\nstdout: {r.stdout}\nstderr: {r.stderr}")
    return r


def rows(user, sql):
    out = cluster.psql(user, sql).stdout.strip()
    return [line.split("|") for line in out.splitlines()] if out else []


def refused(user, sql):
    r = cluster.psql(user, sql, expect_ok=False)
    return r.returncode != 0, r.stderr


class InitTest(unittest.TestCase):
    def test_init_is_idempotent_and_versioned(self):
        r = cli("server", "init")
        self.assertIn("up to date (version 7)", r.stdout)
        self.assertEqual(rows("nv_super", "SELECT version FROM naervaer.schema_version ORDER BY 1"),
                         [["1"], ["2"], ["3"], ["4"], ["5"], ["6"], ["7"]])
        self.assertEqual(rows("nv_super", "SELECT rolname FROM pg_roles "
                                          "WHERE rolname LIKE 'naervaer\\_%' ORDER BY 1"),
                         [["naervaer_admin"], ["naervaer_leader"], ["naervaer_viewer"]])

    def test_first_init_creates_everything(self):
        cluster.psql_super("postgres", "CREATE DATABASE second")
        r = cli("server", "init", database=cluster.conninfo(dbname="second"))
        self.assertIn("Created the Nærvær schema (version 7)", r.stdout)
        # The calendar the server counts workdays with is the app's: 2026 has
        # 253 Norwegian workdays (261 weekdays less 8 holidays; 17 May and
        # 26 December fall on a weekend).
        n = cluster.psql_super("second", "SELECT count(*) FROM naervaer.calendar_day "
                                         "WHERE workday AND date BETWEEN '2026-01-01' AND '2026-12-31'")
        self.assertEqual(n.stdout.strip(), "253")

    def test_every_person_level_table_has_row_level_security(self):
        tables = rows("nv_super", "SELECT c.relname FROM pg_class c JOIN pg_namespace n "
                                  "ON n.oid = c.relnamespace WHERE n.nspname = 'naervaer' "
                                  "AND c.relkind = 'r' AND c.relrowsecurity ORDER BY 1")
        for t in ["employee", "roster", "spell", "followup_done", "monthly", "unit", "measure",
                  "workshop", "measure_note", "workshop_idea", "unit_grant"]:
            self.assertIn([t], tables)

    def test_server_commands_need_a_connection(self):
        r = cli("server", "users", database="/tmp/some.db", expect=1)
        self.assertIn("PostgreSQL", r.stderr)

    def test_file_commands_refuse_a_connection_string(self):
        for args in (["restore", "/tmp/none.db"], ["backup", "/tmp/x.db"], ["check"]):
            r = cli(*args, expect=1)
            self.assertIn("PostgreSQL connection", r.stderr, args)
            self.assertFalse(os.path.exists(cluster.conninfo()), args)

    def test_other_commands_work_on_the_server(self):
        # The store behind every other command is the server (issue 14).
        r = cli("unit", "list", "--format", "json")
        names = sorted(u["name"] for u in json.loads(r.stdout))
        self.assertEqual(names, ["Bakken", "Solsiden"])


class GrantTest(unittest.TestCase):
    def users(self):
        return {(u["user"], u["role"]): u["units"]
                for u in json.loads(cli("server", "users", "--format", "json").stdout)}

    def test_users_lists_roles_and_units(self):
        users = self.users()
        self.assertEqual(users[("anne", "leader")], ["Solsiden"])
        self.assertEqual(users[("bo", "leader")], ["Bakken"])
        self.assertEqual(users[("hr", "admin")], [])
        self.assertEqual(users[("amu", "viewer")], [])
        table = cli("server", "users").stdout
        self.assertIn("anne", table)
        self.assertIn("Solsiden", table)

    def test_grant_and_revoke_units(self):
        cli("server", "grant", "--user", "kari", "--role", "leader", "--unit", "Solsiden",
            user="hr")
        cli("server", "grant", "--user", "kari", "--role", "leader", "--unit", "Bakken", user="hr")
        self.assertEqual(self.users()[("kari", "leader")], ["Bakken", "Solsiden"])
        self.assertEqual(rows("kari", "SELECT count(*) FROM naervaer.employee"), [["9"]])
        cli("server", "revoke", "--user", "kari", "--unit", "Bakken", user="hr")
        self.assertEqual(self.users()[("kari", "leader")], ["Solsiden"])
        self.assertEqual(rows("kari", "SELECT count(*) FROM naervaer.employee"), [["5"]])
        cli("server", "revoke", "--user", "kari", "--unit", "Solsiden", user="hr")
        self.assertNotIn(("kari", "leader"), self.users())
        failed, err = refused("kari", "SELECT count(*) FROM naervaer.employee")
        self.assertTrue(failed)
        r = cli("server", "revoke", "--user", "kari", user="hr", expect=1)
        self.assertIn("no such access", r.stderr)

    def test_grant_errors_name_the_problem(self):
        r = cli("server", "grant", "--user", "x", "--role", "leader", "--unit", "Nowhere", expect=1)
        self.assertIn("no unit “Nowhere”", r.stderr)
        r = cli("server", "grant", "--user", "x", "--role", "boss", expect=1)
        self.assertIn("Unknown role “boss”", r.stderr)
        r = cli("server", "grant", "--user", "x", "--role", "leader", expect=1)
        self.assertIn("--unit", r.stderr)
        r = cli("server", "grant", "--user", "pg_monitor", "--role", "viewer", expect=1)
        self.assertIn("reserved", r.stderr)
        r = cli("server", "grant", "--user", "x", "--role", "viewer", "--unit", "Bakken", expect=1)
        self.assertIn("covers every unit", r.stderr)

    def test_leaders_and_viewers_cannot_grant(self):
        for user in ("anne", "amu"):
            r = cli("server", "grant", "--user", user, "--role", "admin", user=user, expect=1)
            self.assertIn("may not do this", r.stderr)
        failed, _ = refused("anne", "SELECT naervaer.grant_access ('anne', 'admin', NULL)")
        self.assertTrue(failed)
        failed, _ = refused("anne", "INSERT INTO naervaer.unit_grant (role_name, unit_id) "
                                    "VALUES ('anne', 2)")
        self.assertTrue(failed)


class LeaderTest(unittest.TestCase):
    """A leader with psql and the app's login: the granted unit and nothing else."""

    def test_reads_only_own_units_rows(self):
        self.assertEqual(rows("anne", "SELECT DISTINCT unit_id FROM naervaer.employee"), [["1"]])
        self.assertEqual(rows("anne", "SELECT count(*) FROM naervaer.roster"), [["5"]])
        self.assertEqual(rows("anne", "SELECT count(*) FROM naervaer.spell"), [["1"]])
        self.assertEqual(rows("anne", "SELECT unit_id FROM naervaer.monthly"), [["1"]])
        self.assertEqual(rows("anne", "SELECT title FROM naervaer.measure"), [["Morning meeting"]])
        self.assertEqual(rows("anne", "SELECT name FROM naervaer.unit"), [["Solsiden"]])
        self.assertEqual(rows("bo", "SELECT count(*) FROM naervaer.employee WHERE unit_id = 1"),
                         [["0"]])

    def test_cannot_change_another_units_rows(self):
        # Updates and deletes of rows the leader cannot see change nothing.
        self.assertEqual(rows("anne", "WITH x AS (UPDATE naervaer.measure SET title = 'taken' "
                                      "WHERE unit_id = 2 RETURNING 1) SELECT count(*) FROM x"),
                         [["0"]])
        theirs = rows("nv_super", "SELECT s.id FROM naervaer.spell s JOIN naervaer.employee e "
                                  "ON e.id = s.employee_id WHERE e.unit_id = 2")[0][0]
        self.assertEqual(rows("anne", "WITH x AS (DELETE FROM naervaer.spell "
                                      f"WHERE id = {theirs} RETURNING 1) SELECT count(*) FROM x"),
                         [["0"]])
        self.assertEqual(rows("anne", "WITH x AS (UPDATE naervaer.unit SET name = 'Mine' "
                                      "WHERE id = 2 RETURNING 1) SELECT count(*) FROM x"), [["0"]])
        self.assertEqual(rows("bo", "SELECT count(*) FROM naervaer.spell"), [["1"]])
        self.assertEqual(rows("hr", "SELECT title FROM naervaer.measure WHERE unit_id = 2"),
                         [["Buddy system"]])
        # Writing into another unit, or moving a row there, is refused.
        b2 = rows("nv_super", "SELECT id FROM naervaer.employee WHERE ref = 'B2'")[0][0]
        for sql in ("INSERT INTO naervaer.employee (unit_id, ref) VALUES (2, 'X1')",
                    "INSERT INTO naervaer.measure (unit_id, title, start_date, status_date) "
                    "VALUES (2, 'x', '2026-01-01', '2026-01-01')",
                    "UPDATE naervaer.employee SET unit_id = 2 WHERE ref = 'S5'",
                    "INSERT INTO naervaer.spell (employee_id, start_day, type) "
                    f"VALUES ({b2}, {day('2026-02-02')}, 'egenmeldt')",
                    "UPDATE naervaer.unit SET id = 99 WHERE id = 1",
                    "INSERT INTO naervaer.unit (name, sector) VALUES ('New', 'annet')"):
            failed, err = refused("anne", sql)
            self.assertTrue(failed, sql)
        self.assertEqual(rows("hr", "SELECT count(*) FROM naervaer.employee WHERE unit_id = 2"),
                         [["4"]])
        self.assertEqual(rows("hr", "SELECT name FROM naervaer.unit ORDER BY id"),
                         [["Solsiden"], ["Bakken"]])

    def test_may_work_in_own_unit(self):
        rows("anne", "INSERT INTO naervaer.employee (unit_id, ref) VALUES (1, 'S9')")
        rows("anne", "DELETE FROM naervaer.employee WHERE ref = 'S9'")
        self.assertEqual(rows("anne", "WITH x AS (UPDATE naervaer.unit SET target_percent = 6 "
                                      "WHERE id = 1 RETURNING 1) SELECT count(*) FROM x"), [["1"]])

    def test_cannot_read_the_audit_or_raw_figures(self):
        for sql in ("SELECT * FROM naervaer.audit", "SELECT * FROM naervaer.month_figures_raw"):
            failed, err = refused("anne", sql)
            self.assertTrue(failed, sql)
            self.assertIn("permission denied", err)
        r = cli("server", "audit", "--since", "2020-01-01", user="anne", expect=1)
        self.assertIn("may not do this", r.stderr)


class ViewerTest(unittest.TestCase):
    def test_sees_no_person_level_row(self):
        for table in ("employee", "roster", "spell", "followup_done", "monthly", "audit",
                      "month_figures_raw"):
            failed, err = refused("amu", f"SELECT count(*) FROM naervaer.{table}")
            self.assertTrue(failed, table)
            self.assertIn("permission denied", err)
        failed, _ = refused("amu", "UPDATE naervaer.measure SET title = 'x'")
        self.assertTrue(failed)

    def test_sees_units_and_measures_of_all_units(self):
        self.assertEqual(rows("amu", "SELECT title FROM naervaer.measure WHERE id < 100 ORDER BY id"),
                         [["Morning meeting"], ["Buddy system"]])
        self.assertEqual(rows("amu", "SELECT count(*) FROM naervaer.unit"), [["2"]])

    def test_masked_figures_stay_masked(self):
        got = rows("amu", "SELECT unit, persons, masked, contracted_days, lost_days, lost_days_self,"
                          " lost_days_doctor, round (percent::numeric, 4) FROM "
                          "naervaer.unit_month_figures WHERE period = '2026-01' ORDER BY unit")
        # Bakken: 4 persons — only the head count; Solsiden: 5 persons, 105 / 5 / 4.7619 %.
        self.assertEqual(got, [["Bakken", "4", "t", "", "", "", "", ""],
                               ["Solsiden", "5", "f", "105", "5", "5", "0", "4.7619"]])
        got = rows("amu", "SELECT unit, masked, contracted_days, lost_days, percent FROM "
                          "naervaer.unit_monthly_hr WHERE period = '2026-01' ORDER BY unit")
        self.assertEqual(got[0], ["Bakken", "t", "", "", ""])
        self.assertEqual(got[1][:4], ["Solsiden", "f", "105", "5"])
        # A function of the viewer's own in a WHERE clause sees the masked
        # value only, never the day count behind it (Bakken lost 5 days).
        rows("nv_super", "CREATE OR REPLACE FUNCTION public.peek (x text) RETURNS boolean "
                         "LANGUAGE plpgsql COST 0.0000001 AS $$ BEGIN RAISE NOTICE 'seen %', x; "
                         "RETURN true; END $$; GRANT EXECUTE ON FUNCTION public.peek (text) "
                         "TO PUBLIC")
        r = cluster.psql("amu", "SELECT unit FROM naervaer.unit_month_figures "
                                "WHERE public.peek (unit || ':' || coalesce (lost_days::text, "
                                "'hidden') || ':' || coalesce (contracted_days::text, 'hidden'))")
        self.assertIn("seen Bakken:hidden:hidden", r.stderr)
        self.assertNotIn("seen Bakken:5", r.stderr)
        self.assertIn("seen Solsiden:5:105", r.stderr)


class AuditTest(unittest.TestCase):
    def audit(self):
        return json.loads(cli("server", "audit", "--since", "2000-01-01", "--format", "json",
                              user="hr").stdout)

    def test_changes_are_logged_and_erasure_leaves_only_the_fact(self):
        rows("anne", "INSERT INTO naervaer.employee (unit_id, ref) VALUES (1, 'E1')")
        emp = rows("anne", "SELECT id FROM naervaer.employee WHERE ref = 'E1'")[0][0]
        rows("anne", f"INSERT INTO naervaer.roster (employee_id, fte, from_date) "
                     f"VALUES ({emp}, 50, '2026-02-01')")
        rows("anne", f"INSERT INTO naervaer.spell (employee_id, start_day, end_day, type) "
                     f"VALUES ({emp}, {day('2026-02-03')}, {day('2026-02-04')}, 'legemeldt')")
        spell = rows("anne", f"SELECT id FROM naervaer.spell WHERE employee_id = {emp}")[0][0]
        rows("anne", "SELECT naervaer.log_export ('spells', 1)")
        log = self.audit()
        mine = [(e["user"], e["table"], e["row"], e["action"], e["unit"]) for e in log
                if e["user"] == "anne"]
        self.assertIn(("anne", "employee", emp, "insert", "Solsiden"), mine)
        self.assertIn(("anne", "spell", spell, "insert", "Solsiden"), mine)
        self.assertIn(("anne", "spells", None, "export", "Solsiden"), mine)
        self.assertTrue(all(e["time"] for e in log))
        table = cli("server", "audit", "--since", "2000-01-01", user="hr").stdout
        self.assertIn("anne", table)

        rows("anne", f"DELETE FROM naervaer.employee WHERE id = {emp}")
        log = self.audit()
        about = [e for e in log if (e["table"], e["row"]) in (("employee", emp), ("spell", spell))
                 or (e["table"] == "roster" and e["unit"] == "Solsiden" and e["user"] == "anne")]
        self.assertEqual(about, [])
        erased = [e for e in log if e["action"] == "erase"]
        self.assertEqual(len(erased), 1)
        self.assertEqual((erased[0]["user"], erased[0]["unit"], erased[0]["row"]),
                         ("anne", "Solsiden", None))
        # Nothing about the person is left in the raw table either.
        self.assertEqual(rows("nv_super", f"SELECT count(*) FROM naervaer.audit "
                                          f"WHERE employee_id = {emp}"), [["0"]])

    def test_since_filters_and_is_checked(self):
        self.assertEqual(json.loads(cli("server", "audit", "--since", "2099-01-01", "--format",
                                        "json", user="hr").stdout), [])
        r = cli("server", "audit", "--since", "2026-02-30", user="hr", expect=2)
        self.assertIn("not a date", r.stderr)


class RowVersionTest(unittest.TestCase):
    def test_second_save_of_the_same_version_changes_nothing(self):
        rows("hr", "INSERT INTO naervaer.measure (id, unit_id, title, start_date, status_date) "
                   "VALUES (100, 1, 'Walk and talk', '2026-01-01', '2026-01-01')")
        self.assertEqual(rows("anne", "SELECT row_version FROM naervaer.measure WHERE id = 100"),
                         [["1"]])
        first = "WITH x AS (UPDATE naervaer.measure SET owner = '{}' WHERE id = 100 " \
                "AND row_version = 1 RETURNING row_version) SELECT * FROM x"
        self.assertEqual(rows("anne", first.format("Anne")), [["2"]])
        self.assertEqual(rows("hr", first.format("HR")), [])
        self.assertEqual(rows("hr", "SELECT owner, row_version FROM naervaer.measure WHERE id = 100"),
                         [["Anne", "2"]])


class NotifyTest(unittest.TestCase):
    """Live updates: a committed change notifies every listener once per
    topic and transaction; the payload is the topic only."""

    def notifications(self, user, sql):
        r = cluster.psql(user, "LISTEN naervaer_changed; " + sql)
        return sorted(line.split('payload "')[1].split('"')[0]
                      for line in (r.stdout + r.stderr).splitlines()
                      if "Asynchronous notification" in line)

    def test_changes_notify_their_topic(self):
        got = self.notifications("anne", "BEGIN; INSERT INTO naervaer.employee (unit_id, ref) "
                                         "VALUES (1, 'N1'), (1, 'N2'); "
                                         "UPDATE naervaer.measure SET owner = 'x' WHERE id = 1; "
                                         "DELETE FROM naervaer.employee WHERE ref LIKE 'N_'; "
                                         "COMMIT")
        # Deleting employees cascades to their spells and follow-up records:
        # those topics are announced too (pages showing them must reload).
        self.assertEqual(got, ["employees", "followup", "measures", "spells"])
        got = self.notifications("hr", "INSERT INTO naervaer.monthly VALUES "
                                       "(2, '2025-12', 84, 1, 1, 4)")
        self.assertEqual(got, ["monthly"])

    def test_rolled_back_change_notifies_nothing(self):
        got = self.notifications("anne", "BEGIN; INSERT INTO naervaer.employee (unit_id, ref) "
                                         "VALUES (1, 'R1'); ROLLBACK")
        self.assertEqual(got, [])


class TransportTest(unittest.TestCase):
    """Refused before any packet leaves: these hosts are never contacted."""

    def test_remote_host_without_verify_full_is_refused(self):
        for db in ("host=db.kommune.example dbname=naervaer",
                   "host=db.kommune.example dbname=naervaer sslmode=require",
                   "postgresql://db.kommune.example/naervaer?sslmode=verify-ca",
                   "host=localhost,db.kommune.example dbname=naervaer",
                   "hostaddr=192.0.2.10 dbname=naervaer"):
            r = cli("server", "users", database=db, expect=1)
            self.assertIn("not on this computer", r.stderr, db)
            self.assertIn("sslmode=verify-full", r.stderr, db)

    def test_service_file_and_environment_are_checked(self):
        path = os.path.join(cluster.dir, "services.conf")
        with open(path, "w", encoding="utf-8") as f:
            f.write("[naervaer]\nhost=db.kommune.example\ndbname=naervaer\nsslmode=prefer\n"
                    "[local]\nhost=" + cluster.dir + "\ndbname=naervaer\nuser=hr\n")
        env = {"PGSERVICEFILE": path}
        r = cli("server", "users", database="service=naervaer", env=env, expect=1)
        self.assertIn("db.kommune.example", r.stderr)
        r = cli("server", "users", database="dbname=naervaer", env={"PGHOST": "db.kommune.example"},
                expect=1)
        self.assertIn("not on this computer", r.stderr)
        r = cli("server", "users", "--format", "json", database="service=local", env=env)
        self.assertIn("anne", r.stdout)

    def test_local_connections_need_no_tls(self):
        # The loopback interface is this computer: allowed without TLS (no
        # server listens on TCP here, so it fails to connect, not the check).
        r = cli("server", "users", database="host=127.0.0.1 port=1 dbname=naervaer", expect=1)
        self.assertNotIn("not on this computer", r.stderr)
        self.assertIn("Could not connect", r.stderr)


if __name__ == "__main__":
    pgcluster.require_or_skip()
    unittest.main(verbosity=2)
