"""naervaer-cli followup: milestones per legemeldt case (DESIGN §3, §5).

Due dates are hand-computed from each follow-up case's first day D, counted
as NAV counts (day 1 is D): D+15, D+27, D+48, D+55, D+181, D+363.
"""
import datetime
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
            ("AB", "2026-01-05", "followup-plan", "2026-02-01", "overdue"),
            ("AB", "2026-01-05", "dialogue-meeting-1", "2026-02-22", "overdue"),
            ("AB", "2026-01-05", "activity-requirement", "2026-03-01", "due"),
            ("AB", "2026-01-05", "dialogue-meeting-2", "2026-07-05", "due"),
            ("AB", "2026-01-05", "max-sickness-benefit", "2027-01-03", "due"),
        ])
        # On the due date itself it is still due; the day after, overdue.
        self.assertEqual(rows[3]["status"], "due")
        rows = self.followup("--as-of", "2026-03-02")
        self.assertEqual(rows[3]["status"], "overdue")

    def test_graded_closed_and_egenmeldt_only(self):
        cd = self.employee("CD")
        ef = self.employee("EF")
        gh = self.employee("GH")
        # Graded 50 % 2 Feb – 30 Apr 2026: DM1 (D+48 = 22 Mar) optional;
        # D+181 = 2 Aug lies after the end, so DM2 and later are not listed.
        self.spell(cd, "2026-02-02", "2026-04-30", 50, "legemeldt")
        # Egenmeldt only: no milestones.
        self.spell(ef, "2026-02-02", "2026-02-04", 100, "egenmeldt")
        # Closed the day before D+27 (1 Mar): only the employer period.
        self.spell(gh, "2026-02-02", "2026-02-28", 100, "legemeldt")
        rows = self.followup("--as-of", "2026-05-15")
        self.assertEqual(self.table(rows), [
            ("CD", "2026-02-02", "employer-period-end", "2026-02-17", "overdue"),
            ("CD", "2026-02-02", "followup-plan", "2026-03-01", "overdue"),
            ("CD", "2026-02-02", "dialogue-meeting-1", "2026-03-22", "optional"),
            ("CD", "2026-02-02", "activity-requirement", "2026-03-29", "overdue"),
            ("GH", "2026-02-02", "employer-period-end", "2026-02-17", "overdue"),
        ])

    def test_case_crossing_year(self):
        ab = self.employee("AB")
        self.spell(ab, "2026-12-20", None, 100, "legemeldt")
        rows = self.followup("--as-of", "2027-01-10")
        self.assertEqual([(r["milestone"], r["due"], r["status"]) for r in rows], [
            ("employer-period-end", "2027-01-04", "overdue"),
            ("followup-plan", "2027-01-16", "due"),
            ("dialogue-meeting-1", "2027-02-06", "due"),
            ("activity-requirement", "2027-02-13", "due"),
            ("dialogue-meeting-2", "2027-06-19", "due"),
            ("max-sickness-benefit", "2027-12-18", "due"),
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
                         ["AB", "2026-01-05", "followup-plan", "2026-02-01", "done", "2026-01-30"])
        self.assertEqual(lines[1].split(),
                         ["AB", "2026-01-05", "employer-period-end", "2026-01-20", "overdue"])

    def test_merged_and_separate_cases(self):
        # Back at work 15 days (11–25 Mar): one follow-up case from 1 Mar.
        ab = self.employee("AB")
        self.spell(ab, "2026-03-01", "2026-03-10", 100, "legemeldt")
        self.spell(ab, "2026-03-26", "2026-04-30", 100, "legemeldt")
        # Back at work 16 days (11–26 Mar): a new case from 27 Mar.
        cd = self.employee("CD")
        self.spell(cd, "2026-03-01", "2026-03-10", 100, "legemeldt")
        self.spell(cd, "2026-03-27", "2026-04-30", 100, "legemeldt")
        rows = self.followup("--as-of", "2026-05-01")
        self.assertEqual(self.table(rows), [
            ("AB", "2026-03-01", "employer-period-end", "2026-03-16", "overdue"),
            ("AB", "2026-03-01", "followup-plan", "2026-03-28", "overdue"),
            ("AB", "2026-03-01", "dialogue-meeting-1", "2026-04-18", "overdue"),
            ("AB", "2026-03-01", "activity-requirement", "2026-04-25", "overdue"),
            ("CD", "2026-03-27", "employer-period-end", "2026-04-11", "overdue"),
            ("CD", "2026-03-27", "followup-plan", "2026-04-23", "overdue"),
        ])

    def test_tracked_from(self):
        ab = self.employee("AB")
        self.spell(ab, "2026-01-05", None, 100, "legemeldt")
        self.assertIsNone(self.json("unit", "list", "--format", "json")[0]["followup_from"])
        self.cli("unit", "set", "Avdeling 2B", "--followup-from", "2026-02-01")
        units = {u["name"]: u for u in self.json("unit", "list", "--format", "json")}
        self.assertEqual(units["Avdeling 2B"]["followup_from"], "2026-02-01")
        self.assertIsNone(units["Solsikken"]["followup_from"])
        rows = self.followup("--as-of", "2026-03-01")
        # Due before 1 Feb: not tracked; the plan, due 1 Feb itself, is.
        self.assertEqual([(r["milestone"], r["status"]) for r in rows][:4], [
            ("employer-period-end", "not-tracked"),
            ("followup-plan", "overdue"),
            ("dialogue-meeting-1", "overdue"),
            ("activity-requirement", "due"),
        ])
        table = self.cli("followup", "--unit", "Avdeling 2B", "--as-of", "2026-03-01").stdout
        self.assertIn("not-tracked", table.splitlines()[1].split())
        # Refused: a bad date, a future date, no option, an unknown unit.
        r = self.cli("unit", "set", "Avdeling 2B", "--followup-from", "2026-02-30", expect=2)
        self.assertIn("--followup-from", r.stderr)
        tomorrow = (datetime.date.today() + datetime.timedelta(days=1)).isoformat()
        r = self.cli("unit", "set", "Avdeling 2B", "--followup-from", tomorrow, expect=1)
        self.assertIn("future", r.stderr)
        self.cli("unit", "set", "Avdeling 2B", expect=2)
        self.cli("unit", "set", "Nowhere", "--followup-from", "2026-01-01", expect=1)
        self.assertEqual(self.json("unit", "list", "--format", "json")[0]["followup_from"],
                         "2026-02-01")
        # "none" tracks everything again.
        self.cli("unit", "set", "Avdeling 2B", "--followup-from", "none")
        rows = self.followup("--as-of", "2026-03-01")
        self.assertEqual(rows[0]["status"], "overdue")

    def test_import_sets_tracked_from(self):
        path = self.write("history.csv", "employee,start,end,grade,type\n"
                          "AB,2024-01-08,2024-03-01,100,legemeldt\n")
        self.employee("AB")
        self.cli("import", "spells", "--unit", "Avdeling 2B", path)
        today = datetime.date.today()
        self.assertEqual(self.json("unit", "list", "--format", "json")[0]["followup_from"],
                         today.isoformat())
        rows = self.followup()
        self.assertTrue(rows)
        self.assertEqual({r["status"] for r in rows}, {"not-tracked"})

    def test_ended_case_keeps_missed_steps(self):
        # Ended 10 Feb 2026: the steps it lasted until stay overdue.
        ef = self.employee("EF")
        self.spell(ef, "2025-12-20", "2026-02-10", 100, "legemeldt")
        rows = self.followup("--as-of", "2026-02-20")
        self.assertEqual([(r["milestone"], r["due"], r["status"]) for r in rows], [
            ("employer-period-end", "2026-01-04", "overdue"),
            ("followup-plan", "2026-01-16", "overdue"),
            ("dialogue-meeting-1", "2026-02-06", "overdue"),
        ])

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


class TestRepeated(FollowupTestCase):
    def repeated(self, *extra):
        return self.json("followup", "--unit", "Avdeling 2B", "--repeated", "--format", "json",
                         *extra)

    def cases(self, emp, first, n, days, step=60):
        d = datetime.date.fromisoformat(first)
        for k in range(n):
            start = d + datetime.timedelta(days=k * step)
            end = start + datetime.timedelta(days=days - 1)
            self.spell(emp, start.isoformat(), end.isoformat(), 100, "legemeldt")

    def test_rules(self):
        # As of 6 Dec 2026 the window starts on 6 Dec 2023.
        self.cases(self.employee("P1"), "2024-01-01", 5, 20)        # 5 × 20 = 100: 5-100
        p2 = self.employee("P2")                                    # 2 × 150 = 300: 2-300
        self.spell(p2, "2024-01-01", "2024-05-29", 100, "legemeldt")
        self.spell(p2, "2025-01-01", "2025-05-30", 100, "legemeldt")
        p3 = self.employee("P3")                                    # 4 × 30 + 189: both
        self.cases(p3, "2024-01-01", 4, 30)
        self.spell(p3, "2026-06-01", None, 100, "legemeldt")
        p4 = self.employee("P4")                                    # a 15-day case: no
        self.cases(p4, "2024-01-01", 4, 25)
        self.spell(p4, "2025-06-01", "2025-06-15", 100, "legemeldt")
        p5 = self.employee("P5")                                    # 36 months + 1 day: no
        self.spell(p5, "2023-12-05", "2023-12-24", 100, "legemeldt")
        self.cases(p5, "2024-02-01", 4, 20)
        rows = self.repeated("--as-of", "2026-12-06")
        for r in rows:
            self.assertEqual(set(r), {"employee", "cases", "days", "rules"})
        self.assertEqual([(r["employee"], r["cases"], r["days"], r["rules"]) for r in rows], [
            ("P3", 5, 309, ["5-100", "2-300"]),
            ("P2", 2, 300, ["2-300"]),
            ("P1", 5, 100, ["5-100"]),
        ])
        table = self.cli("followup", "--unit", "Avdeling 2B", "--repeated",
                         "--as-of", "2026-12-06").stdout.splitlines()
        self.assertEqual(table[0].split(), ["Employee", "Cases", "Days", "Rules"])
        self.assertEqual(table[1].split(), ["P3", "5", "309", "5-100,2-300"])
        # Other units are not mixed in; an empty answer is [] and a sentence.
        self.assertEqual(self.json("followup", "--unit", "Solsikken", "--repeated",
                                   "--format", "json"), [])
        out = self.cli("followup", "--unit", "Solsikken", "--repeated").stdout
        self.assertIn("Nobody", out)


if __name__ == "__main__":
    unittest.main()
