"""naervaer-cli: global options, exit codes, units, check, backup, restore."""
import os
import sqlite3
import stat
import sys
import unittest

sys.path.insert(0, os.path.dirname(__file__))
from clitest import CliTestCase  # noqa: E402


class TestGlobal(CliTestCase):
    def test_help_and_version(self):
        r = self.cli("--help", db=False)
        self.assertIn("unit", r.stdout)
        self.assertIn("backup", r.stdout)
        r = self.cli("--version", db=False)
        self.assertRegex(r.stdout, r"^naervaer-cli \d+\.\d+\.\d+")

    def test_usage_errors_exit_2(self):
        self.cli(expect=2)
        r = self.cli("frobnicate", expect=2)
        self.assertIn("frobnicate", r.stderr)
        self.cli("unit", "add", "X", expect=2)                       # no --sector
        self.cli("unit", "add", "X", "--sector", "skole", expect=2)  # bad sector
        self.cli("unit", "list", "--format", "xml", expect=2)
        self.cli("unit", "list", "--bogus", expect=2)
        self.cli("--database", expect=2, db=False)

    def test_server_usage_errors(self):
        """grant and revoke check their options before they connect: no server needed."""
        db = ["--database", "service=naervaer-no-such-service"]
        r = self.cli(*db, "server", "grant", "--user", "kari", db=False, expect=2)
        self.assertIn("server grant", r.stderr)
        self.assertIn("--user and --role are required", r.stderr)
        r = self.cli(*db, "server", "revoke", "--role", "leader", db=False, expect=2)
        self.assertIn("server revoke", r.stderr)
        self.assertIn("--user is required", r.stderr)
        r = self.cli(*db, "server", "revoke", "--user", "kari", "more", db=False, expect=2)
        self.assertIn("unexpected argument", r.stderr)
        r = self.cli(*db, "server", "grant", "--help", db=False)
        self.assertIn("give a user a role", r.stdout)
        self.assertIn("The unit a leader may work with", r.stdout)
        r = self.cli(*db, "server", "revoke", "--help", db=False)
        self.assertIn("take a unit, a role or all access", r.stdout)
        self.assertIn("Only this role: admin, leader or viewer", r.stdout)

    def test_env_database(self):
        r = self.cli("unit", "add", "Env", "--sector", "annet", db=False,
                     env={"NAERVAER_DB": self.db})
        self.assertTrue(os.path.exists(self.db))
        self.assertEqual(self.json("unit", "list", "--format", "json")[0]["name"], "Env")


class TestUnits(CliTestCase):
    def test_add_list_json(self):
        self.cli("unit", "add", "Solsikken", "--sector", "barnehage", "--municipality", "Fjordvik")
        self.cli("unit", "add", "Avdeling 2B", "--sector", "helse-omsorg")
        units = self.json("unit", "list", "--format", "json")
        self.assertEqual([u["name"] for u in units], ["Avdeling 2B", "Solsikken"])
        self.assertEqual(units[1]["sector"], "barnehage")
        self.assertEqual(units[1]["municipality"], "Fjordvik")
        self.assertEqual(units[0]["municipality"], "")
        table = self.cli("unit", "list").stdout
        self.assertIn("Solsikken\tbarnehage\tFjordvik", table)

    def test_duplicate_and_empty_are_errors(self):
        self.cli("unit", "add", "Solsikken", "--sector", "barnehage")
        r = self.cli("unit", "add", "SOLSIKKEN", "--sector", "barnehage", expect=1)
        self.assertIn("already", r.stderr)
        self.assertEqual(r.stdout, "")
        r = self.cli("unit", "add", "  ", "--sector", "barnehage", expect=1)
        self.assertIn("name", r.stderr)
        self.assertEqual(len(self.json("unit", "list", "--format", "json")), 1)

    def test_rename_delete(self):
        self.cli("unit", "add", "A", "--sector", "annet")
        self.cli("unit", "rename", "A", "B")
        self.cli("unit", "delete", "B")
        self.assertEqual(self.json("unit", "list", "--format", "json"), [])
        self.cli("unit", "delete", "B", expect=1)


class TestStoreCommands(CliTestCase):
    def test_file_modes(self):
        self.cli("unit", "add", "A", "--sector", "annet")
        self.assertEqual(stat.S_IMODE(os.stat(self.db).st_mode), 0o600)
        self.assertEqual(stat.S_IMODE(os.stat(os.path.dirname(self.db)).st_mode), 0o700)

    def test_check(self):
        self.cli("unit", "add", "A", "--sector", "annet")
        r = self.cli("check")
        self.assertIn("healthy", r.stdout)

    def test_backup_restore(self):
        self.cli("unit", "add", "Before", "--sector", "annet")
        backup = self.path("backup.db")
        self.cli("backup", backup)
        self.assertEqual(stat.S_IMODE(os.stat(backup).st_mode), 0o600)
        self.cli("unit", "add", "After", "--sector", "annet")
        r = self.cli("restore", backup)
        self.assertIn("before-restore", r.stderr)
        names = [u["name"] for u in self.json("unit", "list", "--format", "json")]
        self.assertEqual(names, ["Before"])
        kept = [f for f in os.listdir(os.path.dirname(self.db)) if "before-restore" in f]
        self.assertEqual(len(kept), 1)
        self.assertEqual(
            stat.S_IMODE(os.stat(os.path.join(os.path.dirname(self.db), kept[0])).st_mode), 0o600)

    def test_restore_refuses_foreign(self):
        self.cli("unit", "add", "Keep", "--sector", "annet")
        junk = self.write("junk.db", "hello")
        r = self.cli("restore", junk, expect=1)
        self.assertIn("junk.db", r.stderr)
        other = self.path("other.db")
        con = sqlite3.connect(other)
        con.execute("CREATE TABLE x (y)")
        con.commit()
        con.close()
        self.cli("restore", other, expect=1)
        self.cli("restore", self.path("missing.db"), expect=1)
        self.assertEqual([u["name"] for u in self.json("unit", "list", "--format", "json")],
                         ["Keep"])

    def test_refuses_empty_file_without_touching_it(self):
        empty = self.write("empty.db", "")
        r = self.cli("--database", empty, "unit", "list", db=False, expect=1)
        self.assertIn("empty", r.stderr)
        self.assertEqual(os.path.getsize(empty), 0)
        self.assertFalse(os.path.exists(empty + "-wal"))

    def test_refuses_non_database_without_touching_it(self):
        notes = self.write("notes.txt", "ansatt;fra\n")
        before = open(notes, "rb").read()
        r = self.cli("--database", notes, "unit", "list", db=False, expect=1)
        self.assertIn("not a Nærvær database", r.stderr)
        self.assertEqual(open(notes, "rb").read(), before)


if __name__ == "__main__":
    unittest.main(verbosity=2)
