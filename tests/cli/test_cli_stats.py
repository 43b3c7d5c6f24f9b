"""naervaer-cli stats and demo, against hand-computed figures (DESIGN §2, §5).

Workdays 2025 (from a wall calendar): January 22, February 20, March 21,
Q2 = April 19 + May 20 + June 20 = 59.

Roster (FTE %): AB 100, CD 80 (from 2024), EF 100, GH 50, IJ 100 (until 28.2).
Contracted: January 22 + 17.6 + 22 + 11 + 22 = 94.6
            February 20 + 16 + 20 + 10 + 20 = 86
            March    21 + 16.8 + 21 + 10.5 + 0 = 69.3      → Q1 249.9
            Q2 (IJ gone) 59 + 47.2 + 59 + 29.5 = 194.7
Spells:
  AB legemeldt Sat 11.1–Mon 20.1: 6 workdays × 1 = 6, a 10-day case (short)
  CD legemeldt 50 % 6.1–31.1: 20 workdays × 0.8 × 0.5 = 8, 26 days (long, graded)
  EF egenmeldt 3–5.2 (3) then legemeldt 6–23.2 (12): one 21-day case (long)
  GH legemeldt 24.3–12.4 at 50 % FTE: Q1 6 × 0.5 = 3, Q2 9 × 0.5 = 4.5; 20 days (long)
Q1: lost 6 + 8 + 15 + 3 = 32 (self 3, doctor 29; short 6, long 26; graded 8)
    percent 3200 / 249.9 = 12.805…, 5 persons.
Q2: lost 4.5 of 194.7, 4 persons → masked.
"""
import csv
import io
import json
import math
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(__file__))
from clitest import CliTestCase  # noqa: E402

ROSTER = """ansatt;stillingsprosent;fra;til
AB;100;2025-01-01;
CD;80;01.01.2024;
EF;100;2025-01-01;
GH;50;2025-01-01;
IJ;100;2025-01-01;2025-02-28
"""

SPELLS = """ansatt;fra;til;grad;type
AB;2025-01-11;2025-01-20;;legemeldt
CD;2025-01-06;2025-01-31;50;legemeldt
EF;2025-02-03;2025-02-05;;egenmeldt
EF;2025-02-06;2025-02-23;100;legemeldt
GH;2025-03-24;2025-04-12;100;legemeldt
"""

KEYS = ["period", "persons", "contracted_days", "lost_days", "lost_days_self",
        "lost_days_doctor", "percent", "percent_self", "percent_doctor", "percent_short",
        "percent_long", "graded_share", "masked", "source", "lost_days_by_class", "cost_nok",
        "nok_per_day"]


class StatsTest(CliTestCase):
    def setUp(self):
        super().setUp()
        self.cli("unit", "add", "Solsiden", "--sector", "helse-omsorg")
        self.cli("import", "roster", "--unit", "Solsiden", self.write("r.csv", ROSTER))
        self.cli("import", "spells", "--unit", "Solsiden", self.write("s.csv", SPELLS))

    def stats(self, *args):
        return self.json("stats", "--unit", "Solsiden", "--format", "json", *args)

    def assertClose(self, a, b):
        self.assertIsNotNone(a)
        self.assertTrue(math.isclose(a, b, rel_tol=1e-12, abs_tol=1e-12), f"{a} != {b}")

    def test_quarters_json(self):
        rows = self.stats("--from", "2025-01-01", "--to", "2025-06-30", "--by", "quarter")
        self.assertEqual([r["period"] for r in rows], ["2025-Q1", "2025-Q2"])
        for r in rows:
            self.assertEqual(list(r.keys()), KEYS)
        q1, q2 = rows
        self.assertEqual(q1["persons"], 5)
        self.assertFalse(q1["masked"])
        self.assertEqual(q1["source"], "spells")
        self.assertClose(q1["contracted_days"], 249.9)
        self.assertClose(q1["lost_days"], 32)
        self.assertClose(q1["lost_days_self"], 3)
        self.assertClose(q1["lost_days_doctor"], 29)
        self.assertClose(q1["percent"], 3200 / 249.9)
        self.assertClose(q1["percent_self"], 300 / 249.9)
        self.assertClose(q1["percent_doctor"], 2900 / 249.9)
        self.assertClose(q1["percent_short"], 600 / 249.9)
        self.assertClose(q1["percent_long"], 2600 / 249.9)
        self.assertClose(q1["graded_share"], 8 / 32)
        # Q2 has 4 persons: masked, percent fields null, and the day counts
        # too (lost × 100 / contracted would give the percent back).
        self.assertEqual(q2["persons"], 4)
        self.assertTrue(q2["masked"])
        for key in ["percent", "percent_self", "percent_doctor", "percent_short",
                    "percent_long", "graded_share", "contracted_days", "lost_days",
                    "lost_days_self", "lost_days_doctor"]:
            self.assertIsNone(q2[key], key)

    def test_classes_and_cost(self):
        # Q1 by NAV duration class (whole case): AB's 10-day case is B (6);
        # CD 26 days, EF 21 days and GH 20 days are C: 8 + 15 + 3 = 26.
        q1, q2 = self.stats("--from", "2025-01-01", "--to", "2025-06-30")
        self.assertEqual(list(q1["lost_days_by_class"].keys()), list("ABCDEF"))
        for code, days in zip("ABCDEF", [0, 6, 26, 0, 0, 0]):
            self.assertClose(q1["lost_days_by_class"][code], days)
        # Cost: 32 lost days × 4 700 kr (NAV's figure, the default).
        self.assertClose(q1["cost_nok"], 32 * 4700)
        self.assertClose(q1["nok_per_day"], 4700)
        # Masked Q2: the classes and the cost would give the days back.
        self.assertIsNone(q2["lost_days_by_class"])
        self.assertIsNone(q2["cost_nok"])
        q2 = self.stats("--from", "2025-04-01", "--to", "2025-06-30", "--unmasked")[0]
        self.assertClose(q2["lost_days_by_class"]["C"], 4.5)
        self.assertClose(q2["cost_nok"], 4.5 * 4700)
        # Another cost per day.
        q1 = self.stats("--from", "2025-01-01", "--to", "2025-03-31", "--nok-per-day", "5000")[0]
        self.assertClose(q1["cost_nok"], 160000)
        self.assertClose(q1["nok_per_day"], 5000)
        self.cli("stats", "--unit", "Solsiden", "--nok-per-day", "-1", expect=2)

    def test_help_explains_monthly_nulls(self):
        out = self.cli("stats", "--help").stdout
        self.assertIn('"source": "monthly"', out)
        for key in ["percent_short", "percent_long", "graded_share", "lost_days_by_class"]:
            self.assertIn(key, out)

    def test_unmasked(self):
        q2 = self.stats("--from", "2025-04-01", "--to", "2025-06-30", "--unmasked")[0]
        self.assertTrue(q2["masked"])
        self.assertClose(q2["contracted_days"], 194.7)
        self.assertClose(q2["lost_days"], 4.5)
        self.assertClose(q2["percent"], 450 / 194.7)
        self.assertClose(q2["percent_long"], 450 / 194.7)
        self.assertClose(q2["graded_share"], 0)

    def test_months_and_combined(self):
        months = self.stats("--from", "2025-01-01", "--to", "2025-03-31", "--by", "month")
        self.assertEqual([m["period"] for m in months], ["2025-01", "2025-02", "2025-03"])
        self.assertClose(months[0]["percent"], 1400 / 94.6)
        self.assertClose(months[1]["percent"], 1500 / 86)
        # IJ left on 28.2, so March has 4 persons and is masked.
        self.assertEqual(months[2]["persons"], 4)
        self.assertIsNone(months[2]["percent"])
        march = self.stats("--from", "2025-03-01", "--to", "2025-03-31", "--unmasked")[0]
        self.assertClose(march["percent"], 300 / 69.3)
        # The year cut to the first half: Σ lost / Σ contracted, not an average.
        year = self.stats("--from", "2025-01-01", "--to", "2025-06-30", "--by", "year",
                          "--unmasked")
        self.assertEqual(year[0]["period"], "2025")
        self.assertClose(year[0]["percent"], 3650 / (249.9 + 194.7))

    def test_clipped_month(self):
        # 15.1–31.1: AB 13 workdays, 15–20.1 sick = 15, 16, 17, 20 → 4; CD 13
        # workdays × 0.8 = 10.4 contracted, 13 × 0.4 = 5.2 lost; EF 13, GH 6.5,
        # IJ 13. Contracted 13 + 10.4 + 13 + 6.5 + 13 = 55.9; lost 9.2.
        jan = self.stats("--from", "2025-01-15", "--to", "2025-01-31", "--by", "month")[0]
        self.assertEqual(jan["period"], "2025-01")
        self.assertClose(jan["contracted_days"], 55.9)
        self.assertClose(jan["lost_days"], 9.2)

    def test_hr_month(self):
        self.cli("import", "monthly", self.write(
            "m.csv", "enhet;periode;avtalte_dagsverk;tapte_dagsverk_egenmeldt;"
                     "tapte_dagsverk_legemeldt;personer\nSolsiden;2025-02;100;2;3;6\n"))
        q1 = self.stats("--from", "2025-01-01", "--to", "2025-03-31")[0]
        # January and March from spells, February from HR: (14 + 5 + 3) × 100 /
        # (94.6 + 100 + 69.3); HR cannot tell short/long or graded → null.
        self.assertEqual(q1["source"], "monthly")
        self.assertClose(q1["contracted_days"], 263.9)
        self.assertClose(q1["lost_days_self"], 2)
        self.assertClose(q1["lost_days_doctor"], 20)
        self.assertClose(q1["percent"], 2200 / 263.9)
        self.assertIsNone(q1["percent_short"])
        self.assertIsNone(q1["percent_long"])
        self.assertIsNone(q1["graded_share"])
        self.assertIsNone(q1["lost_days_by_class"])
        self.assertClose(q1["cost_nok"], 22 * 4700)
        self.assertEqual(q1["persons"], 6)
        feb = self.stats("--from", "2025-02-01", "--to", "2025-02-28", "--by", "month")[0]
        self.assertClose(feb["percent"], 5)
        self.assertEqual(feb["source"], "monthly")

    def test_table(self):
        out = self.cli("stats", "--unit", "solsiden", "--from", "2025-01-01",
                       "--to", "2025-06-30").stdout
        lines = out.splitlines()
        self.assertEqual(len(lines), 3)
        self.assertIn("2025-Q1", lines[1])
        # 12.805… shown with one decimal and a decimal comma.
        self.assertIn("12,8", lines[1])
        self.assertIn("249,9", lines[1])
        self.assertIn("few persons", lines[2])
        self.assertNotIn("2,3", lines[2])  # Q2's 2.31 % stays hidden
        self.assertNotIn("194,7", lines[2])  # and so do its day counts
        self.assertNotIn("4,5", lines[2])

    def test_csv(self):
        raw = self.cli("stats", "--unit", "Solsiden", "--from", "2025-01-01",
                       "--to", "2025-06-30", "--format", "csv").stdout
        self.assertTrue(raw.startswith("\ufeff"))
        rows = list(csv.reader(io.StringIO(raw[1:]), delimiter=";"))
        self.assertEqual(rows[0], KEYS[:14])  # the JSON-only keys come after
        q1 = dict(zip(rows[0], rows[1]))
        q2 = dict(zip(rows[0], rows[2]))
        self.assertIn(",", q1["percent"])
        self.assertClose(float(q1["percent"].replace(",", ".")), 3200 / 249.9)
        self.assertEqual(q2["percent"], "")
        self.assertEqual(q2["masked"], "true")
        for key in ["contracted_days", "lost_days", "lost_days_self", "lost_days_doctor"]:
            self.assertEqual(q2[key], "", key)

    def test_open_spell_as_of(self):
        self.cli("unit", "add", "Open", "--sector", "barnehage")
        self.cli("import", "roster", "--unit", "Open",
                 self.write("r2.csv", "employee;fte;from;to\nAB;100;2025-01-01;\n"))
        self.cli("import", "spells", "--unit", "Open",
                 self.write("s2.csv", "employee;start;end;grade;type\nAB;2025-09-01;;;doctor\n"))
        args = ["stats", "--unit", "Open", "--format", "json", "--unmasked",
                "--from", "2025-09-01", "--to", "2025-09-30", "--by", "month"]
        # As of 10.9: 1–5 and 8–10.9 = 8 of September's 22 workdays, a short case.
        early = self.json(*args, "--as-of", "2025-09-10")[0]
        self.assertClose(early["percent"], 800 / 22)
        self.assertClose(early["percent_short"], 800 / 22)
        # As of 30.9: the whole month, a 30-day (long) case.
        late = self.json(*args, "--as-of", "2025-09-30")[0]
        self.assertClose(late["percent"], 100)
        self.assertClose(late["percent_long"], 100)

    def test_usage_errors(self):
        self.cli("stats", expect=2)
        self.cli("stats", "--unit", "Solsiden", "--by", "week", expect=2)
        self.cli("stats", "--unit", "Solsiden", "--from", "2025-02-30", expect=2)
        self.cli("stats", "--unit", "Solsiden", "--from", "02/01/2025", expect=2)
        self.cli("stats", "--unit", "Solsiden", "--format", "xml", expect=2)
        self.cli("stats", "--unit", "Solsiden", "--from", "2025-03-01", "--to", "2025-01-01",
                 expect=2)
        r = self.cli("stats", "--unit", "Nowhere", expect=1)
        self.assertIn("Nowhere", r.stderr)


class DemoTest(CliTestCase):
    def test_demo(self):
        out = self.cli("demo", "--units", "3", "--years", "2").stdout
        self.assertIn("Fjordvik kommune (demo)", out)
        units = self.json("unit", "list", "--format", "json")
        self.assertEqual(len(units), 3)
        self.assertTrue(all(u["municipality"] == "Fjordvik kommune (demo)" for u in units))
        names = {u["name"] for u in units}
        # The small kindergarten is masked in every quarter.
        small = self.json("stats", "--unit", "Tusenfryd barnehage", "--format", "json")
        self.assertTrue(small)
        self.assertTrue(all(q["masked"] and q["percent"] is None for q in small))
        for name in names - {"Tusenfryd barnehage"}:
            rows = self.json("stats", "--unit", name, "--format", "json", "--by", "year")
            self.assertTrue(any(r["percent"] and r["percent"] > 3 for r in rows), name)
        # A second demo is refused and changes nothing.
        r = self.cli("demo", expect=1)
        self.assertIn("already", r.stderr)
        self.assertEqual(len(self.json("unit", "list", "--format", "json")), 3)

    def test_demo_usage(self):
        self.cli("demo", "--units", "11", expect=2)
        self.cli("demo", "--years", "0", expect=2)
        self.cli("demo", "extra", expect=2)


if __name__ == "__main__":
    unittest.main()
