"""Load on the shared server (bounded, loopback only): WRITERS leader logins
write spells, measures (with row versions) and workshop ideas to their own
units while READERS viewer logins compute the masked figures of all units,
for SECONDS. Afterwards every acknowledged write is on the server, exactly,
per unit; no deadlock reached a client; nobody's measure was overwritten.

NV_LOAD_WRITERS (20), NV_LOAD_READERS (4), NV_LOAD_SECONDS override the
numbers (SECONDS: 30 as the meson benchmark `load-server`, 5 in the test
suite). Prints the numbers.
"""
import json
import os
import subprocess
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pgcluster  # noqa: E402

CLI = os.environ.get("NAERVAER_CLI", "naervaer-cli")
# usage: test_server_load.py LOAD-SERVER-PROGRAM [SECONDS]
LOAD = sys.argv[1] if len(sys.argv) > 1 else "load-server"
WRITERS = int(os.environ.get("NV_LOAD_WRITERS", "20"))
READERS = int(os.environ.get("NV_LOAD_READERS", "4"))
SECONDS = int(os.environ.get("NV_LOAD_SECONDS", sys.argv[2] if len(sys.argv) > 2 else "30"))


class LoadTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.cluster = pgcluster.Cluster()
        c = cls.cluster
        subprocess.run([CLI, "--database", c.conninfo(), "server", "init"], check=True,
                       capture_output=True)
        c.psql_super("naervaer", f"""
            INSERT INTO naervaer.unit (name, sector)
              SELECT format ('Enhet %s', lpad (g::text, 2, '0')), 'helse-omsorg'
              FROM generate_series (0, {WRITERS - 1}) g;
            INSERT INTO naervaer.employee (unit_id, ref) SELECT id, 'A1' FROM naervaer.unit;
            INSERT INTO naervaer.roster (employee_id, fte, from_date)
              SELECT id, 100, '2020-01-01' FROM naervaer.employee;
            INSERT INTO naervaer.measure (unit_id, title, start_date, status_date)
              SELECT id, 'Load', '2024-01-01', '2024-01-01' FROM naervaer.unit;
            INSERT INTO naervaer.workshop (unit_id, date) SELECT id, '2024-01-01'
              FROM naervaer.unit;
        """)
        for i in range(WRITERS):
            subprocess.run([CLI, "--database", c.conninfo(), "server", "grant", "--user",
                            f"leader{i:02d}", "--role", "leader", "--unit", f"Enhet {i:02d}"],
                           check=True, capture_output=True)
        for i in range(READERS):
            subprocess.run([CLI, "--database", c.conninfo(), "server", "grant", "--user",
                            f"viewer{i:02d}", "--role", "viewer"], check=True, capture_output=True)

    @classmethod
    def tearDownClass(cls):
        cls.cluster.stop()

    def test_every_acknowledged_write_is_there(self):
        c = self.cluster
        r = subprocess.run([LOAD, c.dir, "naervaer", str(WRITERS), str(READERS), str(SECONDS)],
                           capture_output=True, text=True, timeout=SECONDS + 120)
        self.assertEqual(r.returncode, 0, r.stderr)
        result = json.loads(r.stdout)
        print(f"\n{WRITERS} writers, {READERS} readers, {SECONDS} s: "
              f"{result['spells']} spells, {result['measure_saves']} measure saves, "
              f"{result['ideas']} ideas acknowledged "
              f"({(result['spells'] + result['measure_saves'] + result['ideas']) / SECONDS:.0f} "
              f"writes/s), {result['reads']} figure reads, {result['retries']} retries",
              file=sys.stderr)
        self.assertEqual(result["retries"], 0, "a deadlock or serialization failure happened")
        self.assertGreater(result["spells"], 0)
        self.assertGreater(result["reads"], 0)

        server = {}
        out = c.psql_super("naervaer", """
            SELECT u.name,
              (SELECT count(*) FROM naervaer.spell s JOIN naervaer.employee e
               ON e.id = s.employee_id WHERE e.unit_id = u.id),
              (SELECT row_version - 1 FROM naervaer.measure m WHERE m.unit_id = u.id),
              (SELECT count(*) FROM naervaer.workshop_idea i JOIN naervaer.workshop w
               ON w.id = i.workshop_id WHERE w.unit_id = u.id)
            FROM naervaer.unit u ORDER BY u.name""").stdout
        for line in out.strip().splitlines():
            name, spells, saves, ideas = line.split("|")
            server["leader" + name.split()[-1]] = {"spells": int(spells),
                                                   "measure_saves": int(saves),
                                                   "ideas": int(ideas)}
        self.assertEqual(server, result["units"])
        # The audit kept up: one row per spell written.
        audited = c.psql_super("naervaer", "SELECT count(*) FROM naervaer.audit "
                                           "WHERE tbl = 'spell' AND action = 'insert'")
        self.assertEqual(int(audited.stdout.strip()), result["spells"])


if __name__ == "__main__":
    pgcluster.require_or_skip()
    unittest.main(verbosity=2, argv=sys.argv[:1])
