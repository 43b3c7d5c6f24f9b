"""naervaer-cli followup: milestones per legemeldt case (DESIGN §3, §5).

Due dates are hand-computed from each case's first day D:
D+15, D+28, D+49, D+56, D+182, D+364.
"""
import os
import sqlite3
import sys
import unittest

sys.path.insert(0, os.path.dirname(__file__))
from clitest import CliTestCase  # noqa: E402

KEYS = {"employee", "case_start", "milestone", "due", "status"}


class FollowupTestCase(CliTestCase):
    def setUp(self):
        super().setUp()
        self.cli("unit", "add", "Avdeling 2B", "--sector", "helse-omsorg")
        self.cli("unit", "add", "Solsikken", "--sector", "barnehage")

    def sql(self, statement, *args):
        con = sqlite3.connect(self.db)
        con.execute("PRAGMA foreign_keys = ON")
        cur = con.execute(statement, args)
        con.commit()
        rowid = cur.lastrowid
        con.close()
        return rowid

    def employee(self, ref, unit="Avdeling 2B"):
        con = sqlite3.connect(self.db)
        unit_id = con.execute("SELECT id FROM unit WHERE name = ?", (unit,)).fetchone()[0]
        con.close()
        emp = self.sql("INSERT INTO employee (unit_id, ref) VALUES (?, ?)", unit_id, ref)
        self.sql("INSERT INTO roster (employee_id, fte, from_date) VALUES (?, 100, '2020-01-01')",
                 emp)
        return emp

    def spell(self, emp, start, end, grade, kind):
        # Spell days are integers in the NvDay numbering (schema 7).
        self.sql("INSERT INTO spell (employee_id, start_day, end_day, grade, type) "
                 "VALUES (?, julianday(?) - 1721424.5, julianday(?) - 1721424.5, ?, ?)",
                 emp, start, end, grade, kind)

    def followup(self, *extra, unit="Avdeling 2B"):
        return self.json("followup", "--unit", unit, "--format", "json", *extra)

    @staticmethod
    def table(rows):
        return [(r["employee"], r["case_start"], r["milestone"], r["due"], r["status"])
                for r in rows]


class TestFollowup(FollowupTestCase):
    def test_open_case_after_egenmeldt(self):
        ab = self.employee("AB")
        # Egenmeldt Mon 5 Jan 2026 – 7 Jan, then legemeldt from 8 Jan, open.
        self.spell(ab, "2026-01-05", "2026-01-07", 100, "egenmeldt")
        self.spell(ab, "2026-01-08", None, 100, "legemeldt")
        rows = self.followup("--as-of", "2026-03-01")
        for r in rows:
            self.assertEqual(set(r), KEYS)
        self.assertEqual(self.table(rows), [
            ("AB", "2026-01-05", "employer-period-end", "2026-01-20", "overdue"),
            ("AB", "2026-01-05", "followup-plan", "2026-02-02", "overdue"),
            ("AB", "2026-01-05", "dialogue-meeting-1", "2026-02-23", "overdue"),
            ("AB", "2026-01-05", "activity-requirement", "2026-03-02", "due"),
            ("AB", "2026-01-05", "dialogue-meeting-2", "2026-07-06", "due"),
            ("AB", "2026-01-05", "max-sickness-benefit", "2027-01-04", "due"),
        ])
        # On the due date itself it is still due; the day after, overdue.
        rows = self.followup("--as-of", "2026-03-02")
        self.assertEqual(rows[3]["status"], "due")
        rows = self.followup("--as-of", "2026-03-03")
        self.assertEqual(rows[3]["status"], "overdue")

    def test_graded_closed_and_egenmeldt_only(self):
        cd = self.employee("CD")
        ef = self.employee("EF")
        gh = self.employee("GH")
        # Graded 50 % 2 Feb – 30 Apr 2026: DM1 (D+49 = 23 Mar) optional;
        # D+182 = 3 Aug lies after the end, so DM2 and later are not listed.
        self.spell(cd, "2026-02-02", "2026-04-30", 50, "legemeldt")
        # Egenmeldt only: no milestones.
        self.spell(ef, "2026-02-02", "2026-02-04", 100, "egenmeldt")
        # Closed the day before D+28: only the employer period.
        self.spell(gh, "2026-02-02", "2026-03-01", 100, "legemeldt")
        rows = self.followup("--as-of", "2026-05-15")
        self.assertEqual(self.table(rows), [
            ("CD", "2026-02-02", "employer-period-end", "2026-02-17", "overdue"),
            ("CD", "2026-02-02", "followup-plan", "2026-03-02", "overdue"),
            ("CD", "2026-02-02", "dialogue-meeting-1", "2026-03-23", "optional"),
            ("CD", "2026-02-02", "activity-requirement", "2026-03-30", "overdue"),
            ("GH", "2026-02-02", "employer-period-end", "2026-02-17", "overdue"),
        ])

    def test_case_crossing_year(self):
        ab = self.employee("AB")
        self.spell(ab, "2026-12-20", None, 100, "legemeldt")
        rows = self.followup("--as-of", "2027-01-10")
        self.assertEqual([(r["milestone"], r["due"], r["status"]) for r in rows], [
            ("employer-period-end", "2027-01-04", "overdue"),
            ("followup-plan", "2027-01-17", "due"),
            ("dialogue-meeting-1", "2027-02-07", "due"),
            ("activity-requirement", "2027-02-14", "due"),
            ("dialogue-meeting-2", "2027-06-20", "due"),
            ("max-sickness-benefit", "2027-12-19", "due"),
        ])

    def test_done_and_other_units(self):
        ab = self.employee("AB")
        xy = self.employee("XY", unit="Solsikken")
        self.spell(ab, "2026-01-05", None, 100, "legemeldt")
        self.spell(xy, "2026-01-05", None, 100, "legemeldt")
        self.sql("INSERT INTO followup_done (employee_id, case_start, milestone, done_on, note) "
                 "VALUES (?, '2026-01-05', 'followup-plan', '2026-01-30', 'sent')", ab)
        rows = self.followup("--as-of", "2026-03-01")
        self.assertEqual({r["employee"] for r in rows}, {"AB"})
        self.assertEqual([r["status"] for r in rows][:3], ["overdue", "done", "overdue"])
        other = self.followup("--as-of", "2026-03-01", unit="Solsikken")
        self.assertEqual([r["status"] for r in other][:3], ["overdue", "overdue", "overdue"])

    def test_table(self):
        ab = self.employee("AB")
        self.spell(ab, "2026-01-05", None, 100, "legemeldt")
        self.sql("INSERT INTO followup_done (employee_id, case_start, milestone, done_on) "
                 "VALUES (?, '2026-01-05', 'followup-plan', '2026-01-30')", ab)
        out = self.cli("followup", "--unit", "Avdeling 2B", "--as-of", "2026-03-01").stdout
        lines = out.splitlines()
        self.assertEqual(len(lines), 7)
        self.assertEqual(lines[0].split(), ["Employee", "Case", "start", "Milestone", "Due",
                                            "Status", "Done", "on"])
        self.assertEqual(lines[2].split(),
                         ["AB", "2026-01-05", "followup-plan", "2026-02-02", "done", "2026-01-30"])
        self.assertEqual(lines[1].split(),
                         ["AB", "2026-01-05", "employer-period-end", "2026-01-20", "overdue"])

    def test_empty_unit(self):
        self.assertEqual(self.followup(), [])
        out = self.cli("followup", "--unit", "Avdeling 2B").stdout
        self.assertIn("No legemeldt case", out)

    def test_errors(self):
        r = self.cli("followup", expect=2)
        self.assertIn("--unit", r.stderr)
        r = self.cli("followup", "--unit", "Avdeling 2B", "--as-of", "2026-02-30", expect=2)
        self.assertIn("2026-02-30", r.stderr)
        self.cli("followup", "--unit", "Avdeling 2B", "--format", "xml", expect=2)
        self.cli("followup", "--unit", "Avdeling 2B", "extra", expect=2)
        r = self.cli("followup", "--unit", "Nowhere", expect=1)
        self.assertIn("Nowhere", r.stderr)
        self.assertEqual(r.stdout, "")


if __name__ == "__main__":
    unittest.main()
