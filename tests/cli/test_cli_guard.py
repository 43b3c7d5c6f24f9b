"""naervaer-cli never reads the database (or its -wal/-shm) as a file to import
or restore, never saves an export, report, chart or backup over it, and never
creates a database over a log left without its database."""
import hashlib
import os
import sqlite3
import sys
import unittest

sys.path.insert(0, os.path.dirname(__file__))
from clitest import CliTestCase  # noqa: E402

UNIT = "Avdeling 2B"
ROSTER = "ansatt;stillingsprosent;fra;til\r\nAB;100;2024-01-01;\r\n"
SPELLS = "ansatt;fra;til;grad;type\r\nAB;2024-02-05;2024-02-07;;egenmeldt\r\n"


def digest(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


class GuardTest(CliTestCase):
    def setUp(self):
        super().setUp()
        self.cli("unit", "add", UNIT, "--sector", "helse-omsorg")
        self.cli("import", "roster", "--unit", UNIT, self.write("r.csv", ROSTER))
        self.cli("import", "spells", "--unit", UNIT, self.write("s.csv", SPELLS))
        self.before = (os.stat(self.db).st_ino, digest(self.db))

    def assert_database_untouched(self):
        self.assertEqual((os.stat(self.db).st_ino, digest(self.db)), self.before)
        self.cli("check")
        con = sqlite3.connect(f"file:{self.db}?mode=ro", uri=True)
        try:
            self.assertEqual(con.execute("SELECT count(*) FROM spell").fetchone()[0], 1)
        finally:
            con.close()

    def assert_refused(self, result, name, what):
        self.assertIn(f"“{name}”", result.stderr)
        self.assertIn(what, result.stderr)

    def test_never_read(self):
        for suffix in ("", "-wal", "-shm"):
            target = self.db + suffix
            name = os.path.basename(target)
            if not os.path.exists(target):
                continue
            r = self.cli("import", "roster", "--unit", UNIT, target, expect=1)
            self.assert_refused(r, name, "Nothing was read")
            r = self.cli("restore", target, expect=1)
            self.assert_refused(r, name, "Nothing was read")
        self.assert_database_untouched()

    def test_never_saved_over(self):
        hard = self.path("report.pdf")
        os.link(self.db, hard)
        sym = self.path("chart.png")
        os.symlink(self.db, sym)
        cases = [
            (["export", "spells", "--unit", UNIT, self.db], "naervaer.db"),
            (["backup", self.db], "naervaer.db"),
            (["backup", self.db + "-journal"], "naervaer.db-journal"),
            (["report", "--unit", UNIT, "--output", hard], "report.pdf"),
            (["chart", "--unit", UNIT, "--output", sym], "chart.png"),
        ]
        for args, name in cases:
            r = self.cli(*args, expect=1)
            self.assert_refused(r, name, "nothing was written")
        self.assertTrue(os.path.islink(sym))
        self.assertFalse(os.path.exists(self.db + "-journal"))
        self.assert_database_untouched()
        # Other names are written as before.
        self.cli("backup", self.path("kopi.db"))
        self.cli("export", "spells", "--unit", UNIT, self.path("fravaer.csv"))

    def test_no_database_over_a_leftover_log(self):
        new = self.path("ny.db")
        with open(new + "-wal", "wb") as f:
            f.write(b"old log")
        r = self.cli("--database", new, "unit", "list", db=False, expect=1)
        self.assertIn("ny.db-wal", r.stderr)
        self.assertIn("No new database was created", r.stderr)
        self.assertFalse(os.path.exists(new))
        with open(new + "-wal", "rb") as f:
            self.assertEqual(f.read(), b"old log")


if __name__ == "__main__":
    unittest.main()
