"""`server import-local`: a leader's local database moves into the server
all or nothing, and the server computes the same monthly figures from the
moved rows as the app computes from the file (the demo municipality)."""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pgcluster  # noqa: E402

CLI = os.environ.get("NAERVAER_CLI", "naervaer-cli")
cluster = None
workdir = None
UNITS = ["Solbakken sykehjem", "Kløverenga barnehage", "Tusenfryd barnehage"]


def run(database, *args, expect=0):
    r = subprocess.run([CLI, "--database", database] + list(args), capture_output=True, text=True,
                       timeout=300)
    if expect is not None and r.returncode != expect:
        raise AssertionError(f"naervaer-cli {' '.join(args)} exited {r.returncode}\n"
                             f"stdout: {r.stdout}\nstderr: {r.stderr}")
    return r


def setUpModule():
    global cluster, workdir
    cluster = pgcluster.Cluster()
    workdir = tempfile.mkdtemp(prefix="nv-import-")
    run(cluster.conninfo(), "server", "init")


def tearDownModule():
    if cluster is not None:
        cluster.stop()
    if workdir is not None:
        shutil.rmtree(workdir, ignore_errors=True)


def rows(sql, dbname="naervaer"):
    out = cluster.psql(pgcluster.Cluster.SUPERUSER, sql, dbname=dbname).stdout.strip()
    return [line.split("|") for line in out.splitlines()] if out else []


class ImportLocalTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.db = os.path.join(workdir, "demo.db")
        run(cls.db, "demo", "--units", "3", "--years", "2")
        cls.moved = run(cluster.conninfo(), "server", "import-local", cls.db,
                        *sum((["--unit", u] for u in UNITS), [])).stdout

    def test_reports_what_moved(self):
        for unit in UNITS:
            self.assertIn(f"Moved “{unit}” to the server:", self.moved)
        self.assertIn("absence spells", self.moved)
        self.assertIn("measures", self.moved)

    def test_every_row_arrived(self):
        for unit in UNITS:
            local = json.loads(run(self.db, "measure", "list", "--unit", unit, "--format",
                                   "json").stdout)
            server = rows("SELECT m.title, m.status FROM naervaer.measure m JOIN naervaer.unit u "
                          f"ON u.id = m.unit_id WHERE u.name = '{unit}' ORDER BY m.id")
            self.assertEqual(sorted([m["title"], m["status"]] for m in local), sorted(server))
            spells = run(self.db, "export", "spells", "--unit", unit,
                         os.path.join(workdir, "s.csv"))
            self.assertEqual(spells.returncode, 0)
            with open(os.path.join(workdir, "s.csv"), encoding="utf-8-sig") as f:
                n_local = len(f.read().splitlines()) - 1
            n_server = rows("SELECT count(*) FROM naervaer.spell s JOIN naervaer.employee e "
                            "ON e.id = s.employee_id JOIN naervaer.unit u ON u.id = e.unit_id "
                            f"WHERE u.name = '{unit}'")[0][0]
            self.assertEqual(n_local, int(n_server), unit)

    def test_same_figures_from_both_backends(self):
        compared = 0
        for unit in UNITS:
            local = json.loads(run(self.db, "stats", "--unit", unit, "--by", "month",
                                   "--unmasked", "--format", "json").stdout)
            server = {r[0]: r[1:] for r in rows(
                "SELECT f.period, f.persons, f.contracted_days, f.lost_days_self, "
                "f.lost_days_doctor FROM naervaer.month_figures_raw f JOIN naervaer.unit u "
                f"ON u.id = f.unit_id WHERE u.name = '{unit}'")}
            for p in local:
                if p["source"] != "spells" or p["persons"] == 0:
                    continue
                got = server.get(p["period"])
                self.assertIsNotNone(got, f"{unit} {p['period']}")
                self.assertEqual(int(got[0]), p["persons"], f"{unit} {p['period']}")
                for value, key in zip(got[1:], ("contracted_days", "lost_days_self",
                                                "lost_days_doctor")):
                    self.assertAlmostEqual(float(value), p[key], places=9,
                                           msg=f"{unit} {p['period']} {key}")
                compared += 1
        self.assertGreater(compared, 40)

    def test_all_or_nothing(self):
        before = rows("SELECT count(*) FROM naervaer.unit")
        r = run(cluster.conninfo(), "server", "import-local", self.db, "--unit", UNITS[0],
                expect=1)
        self.assertIn("already has a unit", r.stderr)
        self.assertIn("Nothing was moved", r.stderr)
        # A second database: the first unit moves, the second is missing —
        # the first must not stay behind.
        cluster.psql_super("postgres", "CREATE DATABASE other")
        other = cluster.conninfo(dbname="other")
        run(other, "server", "init")
        r = run(other, "server", "import-local", self.db, "--unit", UNITS[1], "--unit", "Nowhere",
                expect=1)
        self.assertIn("no unit “Nowhere”", r.stderr)
        self.assertEqual(rows("SELECT count(*) FROM naervaer.unit", dbname="other"), [["0"]])
        self.assertEqual(rows("SELECT count(*) FROM naervaer.employee", dbname="other"), [["0"]])
        self.assertEqual(rows("SELECT count(*) FROM naervaer.unit"), before)

    def test_not_a_database(self):
        bad = os.path.join(workdir, "notes.txt")
        with open(bad, "w", encoding="utf-8") as f:
            f.write("not a database\n")
        r = run(cluster.conninfo(), "server", "import-local", bad, "--unit", "X", expect=1)
        self.assertIn("not a Nærvær database", r.stderr)


if __name__ == "__main__":
    pgcluster.require_or_skip()
    unittest.main(verbosity=2)
