"""naervaer-cli measure add|list|set-status|evaluate and export measures (DESIGN §5)."""
import datetime
import os
import subprocess
import sys
import unittest

sys.path.insert(0, os.path.dirname(__file__))
from clitest import CLI, CliTestCase  # noqa: E402

KEYS = {"id", "title", "owner", "theme", "start", "deadline", "status", "overdue", "workshop"}


class MeasureCli(CliTestCase):
    def setUp(self):
        super().setUp()
        self.cli("unit", "add", "Avdeling 2B", "--sector", "helse-omsorg")

    def add(self, *args):
        r = self.cli("measure", "add", "--unit", "Avdeling 2B", *args)
        return int(r.stdout.strip())

    def stdout_bytes(self, *args):
        """Standard output as bytes: text mode would turn CRLF into LF."""
        r = subprocess.run([CLI, "--database", self.db] + list(args), capture_output=True,
                           timeout=120)
        self.assertEqual(r.returncode, 0, r.stderr)
        return r.stdout

    def listing(self, *args):
        return self.json("measure", "list", "--unit", "Avdeling 2B", "--format", "json", *args)

    def test_add_and_list_json(self):
        mid = self.add("--title", "Ti minutter med leder", "--owner", "Avdelingsleder",
                       "--theme", "leadership", "--start", "2025-01-06",
                       "--deadline", "2025-03-31")
        other = self.add("--title", "Kaffeprat")
        rows = self.listing("--as-of", "2025-02-01")
        self.assertEqual(len(rows), 2)
        for row in rows:
            self.assertEqual(set(row), KEYS)
        first = rows[0]
        self.assertEqual(first, {
            "id": mid, "title": "Ti minutter med leder", "owner": "Avdelingsleder",
            "theme": "leadership", "start": "2025-01-06", "deadline": "2025-03-31",
            "status": "planned", "overdue": False, "workshop": None})
        second = rows[1]
        self.assertEqual(second["id"], other)
        self.assertEqual(second["owner"], "")
        self.assertEqual(second["theme"], "other")
        self.assertIsNone(second["deadline"])
        self.assertEqual(second["start"], datetime.date.today().isoformat())

    def test_overdue_either_side_of_the_deadline(self):
        self.add("--title", "Turnus", "--start", "2025-01-02", "--deadline", "2025-03-31")
        self.assertFalse(self.listing("--as-of", "2025-03-30")[0]["overdue"])
        self.assertFalse(self.listing("--as-of", "2025-03-31")[0]["overdue"])
        self.assertTrue(self.listing("--as-of", "2025-04-01")[0]["overdue"])
        self.assertEqual(len(self.listing("--as-of", "2025-03-31", "--overdue")), 0)
        self.assertEqual(len(self.listing("--as-of", "2025-04-01", "--overdue")), 1)

    def test_transitions(self):
        mid = str(self.add("--title", "Turnus", "--start", "2025-01-02",
                           "--deadline", "2025-03-31"))
        r = self.cli("measure", "set-status", mid, "done", expect=1)
        self.assertIn("“Planned” to “Done”", r.stderr)
        self.cli("measure", "set-status", mid, "in-progress", "--date", "2025-01-02")
        r = self.cli("measure", "set-status", mid, "planned", expect=1)
        self.assertIn("“In progress” to “Planned”", r.stderr)
        self.cli("measure", "set-status", mid, "done", "--date", "2025-03-15")
        self.assertEqual(self.listing("--as-of", "2025-04-01")[0]["status"], "done")
        self.assertFalse(self.listing("--as-of", "2025-04-01")[0]["overdue"])
        r = self.cli("measure", "set-status", mid, "discontinued", expect=1)
        self.assertIn("“Done” to “Discontinued”", r.stderr)
        # reopening needs a note
        r = self.cli("measure", "set-status", mid, "in-progress", expect=1)
        self.assertIn("“Done” to “In progress”", r.stderr)
        self.assertIn("note", r.stderr)
        self.cli("measure", "set-status", mid, "in-progress", "--note", "Nye vikarer",
                 "--date", "2025-04-02")
        row = self.listing("--as-of", "2025-04-02")[0]
        self.assertEqual(row["status"], "in-progress")
        self.assertTrue(row["overdue"])  # open again and past 31.03
        self.cli("measure", "set-status", mid, "discontinued", "--note", "Erstattet")
        self.assertEqual(self.listing()[0]["status"], "discontinued")

    def test_usage_and_refusals(self):
        mid = str(self.add("--title", "Noe"))
        self.cli("measure", "set-status", mid, "finished", expect=2)
        self.cli("measure", "set-status", "abc", "done", expect=2)
        self.cli("measure", "set-status", "999", "in-progress", expect=1)
        self.cli("measure", "add", "--unit", "Avdeling 2B", "--title", "X",
                 "--deadline", "31.02.2025", expect=2)
        self.cli("measure", "add", "--unit", "Avdeling 2B", "--title", "X",
                 "--theme", "cake", expect=2)
        self.cli("measure", "add", "--unit", "Avdeling 2B", expect=2)
        self.cli("measure", "add", "--unit", "Nowhere", "--title", "X", expect=1)
        r = self.cli("measure", "add", "--unit", "Avdeling 2B", "--title", "X",
                     "--owner", "01019012345", expect=1)
        self.assertIn("national id", r.stderr)
        r = self.cli("measure", "add", "--unit", "Avdeling 2B", "--title", "X",
                     "--start", "2025-05-01", "--deadline", "2025-04-30", expect=1)
        self.assertIn("before the start", r.stderr)
        self.cli("measure", "add", "--unit", "Avdeling 2B", "--title", "X",
                 "--workshop", "77", expect=1)
        self.assertEqual(len(self.listing()), 1)  # nothing half-written
        self.cli("measure", "evaluate", mid, expect=2)
        self.cli("measure", "evaluate", "999", "--note", "x", expect=1)
        self.cli("measure", "evaluate", mid, "--note", "   ", expect=1)
        self.cli("measure", expect=2)
        self.cli("measure", "frobnicate", expect=2)

    def test_filters_and_search(self):
        a = str(self.add("--title", "Åpen prat om fravær", "--theme", "open-talk",
                         "--start", "2025-01-01", "--deadline", "2025-02-01"))
        self.add("--title", "Turnus", "--owner", "Turnusansvarlig",
                 "--theme", "work-organisation", "--start", "2025-01-01")
        self.cli("measure", "set-status", a, "in-progress", "--date", "2025-01-01")
        self.cli("measure", "evaluate", a, "--note", "Kaffe og boller hjalp",
                 "--date", "2025-03-01")
        titles = lambda *args: [r["title"] for r in self.listing(*args)]  # noqa: E731
        self.assertEqual(titles("--status", "in-progress"), ["Åpen prat om fravær"])
        self.assertEqual(titles("--theme", "work-organisation"), ["Turnus"])
        self.assertEqual(titles("--search", "BOLLER"), ["Åpen prat om fravær"])
        self.assertEqual(titles("--search", "turnusansvarlig"), ["Turnus"])
        self.assertEqual(titles("--search", "nothing-like-this"), [])
        self.cli("measure", "list", "--unit", "Avdeling 2B", "--status", "open", expect=2)

    def import_monthly(self, persons_2024):
        lines = ["enhet;periode;avtalte_dagsverk;tapte_dagsverk_egenmeldt;"
                 "tapte_dagsverk_legemeldt;personer"]
        for m in range(1, 13):
            lines.append(f"Avdeling 2B;2024-{m:02d};100;2;6;{persons_2024}")
        for m in range(1, 4):
            lines.append(f"Avdeling 2B;2025-{m:02d};100;1;6;6")
        for m in range(4, 7):
            lines.append(f"Avdeling 2B;2025-{m:02d};100;1;4;6")
        for m, lost in ((7, 3), (8, 4), (9, 5)):
            lines.append(f"Avdeling 2B;2025-{m:02d};100;0;{lost};6")
        self.cli("import", "monthly", self.write("monthly.csv", "\n".join(lines) + "\n"))

    def test_export_csv(self):
        self.import_monthly(6)
        mid = str(self.add("--title", "Kaffe; boller og \"prat\"", "--owner", "Leder, avd. 2",
                           "--theme", "mastery-climate", "--start", "2025-02-10",
                           "--deadline", "2025-09-30"))
        self.cli("measure", "set-status", mid, "in-progress", "--date", "2025-02-10")
        self.cli("measure", "evaluate", mid, "--note", "Bedre stemning", "--date", "2025-06-01")
        out = self.path("tiltak.csv")
        r = self.cli("export", "measures", "--unit", "Avdeling 2B", "--as-of", "2025-10-15", out)
        self.assertIn("1 row", r.stdout)
        with open(out, "rb") as f:
            data = f.read()
        self.assertTrue(data.startswith(b"\xef\xbb\xbf"), "UTF-8 byte order mark first")
        text = data[3:].decode("utf-8")
        lines = text.split("\r\n")
        self.assertEqual(lines[0].split(";"), [
            "id", "tittel", "beskrivelse", "tema", "ansvarlig", "start", "frist", "status",
            "dager_forfalt", "verksted", "evalueringer", "fravær_før_prosent",
            "fravær_etter_prosent"])
        # before: 2024, 96/1200 = 8 %; after: 2025-Q2 + Q3 = (15 + 12)/600 = 4,5 %
        self.assertEqual(
            lines[1],
            f'{mid};"Kaffe; boller og ""prat""";;Mastery climate and collegial support;'
            '"Leder, avd. 2";2025-02-10;2025-09-30;In progress;15;;'
            '01.06.2025: Bedre stemning;8;4,5')
        self.assertEqual(lines[2], "")
        # standard output gives the same bytes
        self.assertEqual(self.stdout_bytes("export", "measures", "--unit", "Avdeling 2B",
                                           "--as-of", "2025-10-15", "-"), data)

    def test_export_masks_few_persons(self):
        self.import_monthly(3)
        self.add("--title", "Tiltak", "--start", "2025-02-10")
        out = self.stdout_bytes("export", "measures", "--unit", "Avdeling 2B",
                                "--as-of", "2025-10-15", "-").decode("utf-8-sig")
        row = out.split("\r\n")[1].split(";")
        self.assertEqual(row[-2], "", "2024 had 3 persons: masked in the export")
        self.assertEqual(row[-1], "4,5")

    def test_export_usage(self):
        self.cli("export", "measures", "--unit", "Avdeling 2B", expect=2)
        self.cli("export", "measures", self.path("x.csv"), expect=2)
        self.cli("export", "measures", "--unit", "Nowhere", self.path("x.csv"), expect=1)
        r = self.cli("export", "measures", "--unit", "Avdeling 2B",
                     self.path("no/such/dir/x.csv"), expect=1)
        self.assertTrue(r.stderr.strip())
        self.assertFalse(os.path.exists(self.path("no/such/dir/x.csv")))


if __name__ == "__main__":
    unittest.main()
