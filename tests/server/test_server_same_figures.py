"""The same figures from both backends (issue 14): the demo municipality
made by `naervaer-cli demo` in a database file and in a database on a
throwaway PostgreSQL server gives the same `stats --json`, to the last
decimal, and the same units."""
import json
import os
import subprocess
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(__file__))
import pgcluster  # noqa: E402

CLI = os.environ.get("NAERVAER_CLI", "naervaer-cli")
cluster = None


def setUpModule():
    global cluster
    cluster = pgcluster.Cluster()


def tearDownModule():
    if cluster is not None:
        cluster.stop()


def cli(database, *args):
    r = subprocess.run([CLI, "--database", database, *args], capture_output=True, text=True,
                       timeout=600)
    if r.returncode != 0:
        raise AssertionError(f"{args} failed on {database}:\n{r.stdout}\n{r.stderr}")
    return r.stdout


class SameFiguresTest(unittest.TestCase):
    def test_demo_municipality_gives_the_same_figures(self):
        server = cluster.conninfo()
        cli(server, "server", "init")
        with tempfile.TemporaryDirectory() as tmp:
            local = os.path.join(tmp, "demo.db")
            for db in (local, server):
                cli(db, "demo")
            units_local = json.loads(cli(local, "unit", "list", "--format", "json"))
            units_server = json.loads(cli(server, "unit", "list", "--format", "json"))
            self.assertGreater(len(units_local), 1)
            self.assertEqual(sorted(u["name"] for u in units_local),
                             sorted(u["name"] for u in units_server))
            runs = [["stats", "--format", "json", "--unit", u["name"], "--by", by]
                    for u in units_local for by in ("month", "quarter")]
            for args in runs:
                a = json.loads(cli(local, *args))
                b = json.loads(cli(server, *args))
                self.assertTrue(a, args)
                self.assertEqual(a, b, args)


if __name__ == "__main__":
    unittest.main()
