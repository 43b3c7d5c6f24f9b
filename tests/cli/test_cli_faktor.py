"""naervaer-cli faktor import/show, research, and municipality-wide imports
(roster, spells, monthly with an enhet column; --create-units).

Expected research figures were computed by hand in Python (formulas in the
comments), not with naervaer-cli."""
import json
import math
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(__file__))
from clitest import CliTestCase  # noqa: E402

MONTHLY_HEAD = ("enhet;periode;avtalte_dagsverk;tapte_dagsverk_egenmeldt;"
                "tapte_dagsverk_legemeldt;personer\n")


def months(unit, self_days, doctor, persons):
    """Twelve months 2024-04 … 2025-03: contracted 100 + 20·i, egenmeldt
    @self_days, legemeldt @doctor + 0,5·(i mod 2)."""
    rows = []
    for i in range(12):
        year = 2024 if i < 9 else 2025
        month = (i + 3) % 12 + 1
        d = str(doctor + 0.5 * (i % 2)).replace(".", ",")
        s = str(self_days).replace(".", ",")
        rows.append(f"{unit};{year}-{month:02d};{100 + 20 * i};{s};{d};{persons}\n")
    return "".join(rows)


class FaktorTest(CliTestCase):
    def setUp(self):
        super().setUp()
        for name in ("A", "B", "C", "D", "H", "E", "F"):
            self.cli("unit", "add", name, "--sector", "helse-omsorg")
        self.cli("unit", "add", "G", "--sector", "barnehage")

    def import_research_data(self):
        text = MONTHLY_HEAD + months("A", 0.5, 2.0, 9) + months("B", 0.4, 1.5, 9) \
            + months("C", 0.6, 1.2, 9) + months("D", 0.3, 0.8, 9) + months("H", 0.7, 1.6, 9) \
            + months("E", 0.5, 1.0, 9) + months("F", 0.5, 1.0, 4) + months("G", 0.5, 1.0, 9) \
            + "A;2024-03;100;50;50;9\n"
        self.cli("import", "monthly", self.write("m.csv", text))
        self.cli("faktor", "import", self.write("f.csv",
                 "unit;date;respondents;mastery_climate;autonomy\n"
                 "A;2025-03-31;10;3,2;4\n"
                 "B;2025-03-31;10;3.8;4\n"
                 "C;31.03.2025;10;4,1;4\n"
                 "D;2025-04-15;10;4,6;4\n"
                 "H;2025-03-31;10;3,5;4\n"
                 "E;2025-03-31;2;3,0;4\n"
                 "F;2025-03-31;10;3,0;4\n"
                 "G;2025-03-31;10;3,0;4\n"))

    def test_research_json(self):
        self.import_research_data()
        out = self.json("research", "--factor", "mestringsklima", "--sector", "helse-omsorg",
                        "--format", "json")
        self.assertEqual(set(out), {"factor", "sector", "n", "r", "ci_low", "ci_high", "slope",
                                    "intercept", "excluded", "points"})
        self.assertEqual(out["factor"], "mastery_climate")
        self.assertEqual(out["sector"], "helse-omsorg")
        self.assertEqual(out["n"], 5)
        self.assertEqual(out["excluded"], 2)  # E: 2 respondents; F: 4 persons
        # x = [3.2, 3.8, 4.1, 4.6, 3.5]; y = Σ lost·100/Σ contracted, Σ contracted = 2520:
        # A 33, B 25.8, C 24.6, D 16.2, H 30.6 lost days.
        # slope = Sxy/Sxx, intercept = ȳ − slope·x̄, r = Sxy/√(Sxx·Syy),
        # CI = tanh(atanh r ∓ 1.959964/√(5−3)).
        self.assertAlmostEqual(out["r"], -0.9863262273751888, places=12)
        self.assertAlmostEqual(out["ci_low"], -0.999139204403388, places=12)
        self.assertAlmostEqual(out["ci_high"], -0.8017089185160462, places=12)
        self.assertAlmostEqual(out["slope"], -0.4688769705834554, places=12)
        self.assertAlmostEqual(out["intercept"], 2.833820900373802, places=12)
        self.assertEqual([p["unit"] for p in out["points"]], ["A", "B", "C", "D", "H"])
        a = out["points"][0]
        self.assertEqual(set(a), {"unit", "date", "factor_mean", "percent"})
        self.assertEqual(a["date"], "2025-03-31")
        self.assertEqual(a["factor_mean"], 3.2)
        self.assertAlmostEqual(a["percent"], 33 * 100 / 2520, places=12)

    def test_research_doctor_and_too_few(self):
        self.import_research_data()
        out = self.json("research", "--factor", "mastery_climate", "--sector", "helse-omsorg",
                        "--measure", "legemeldt", "--format", "json")
        # y = [27, 21, 17.4, 12.6, 22.2]·100/2520
        self.assertAlmostEqual(out["r"], -0.9906210396853206, places=12)
        self.assertAlmostEqual(out["slope"], -0.39167885584267853, places=12)
        few = self.json("research", "--factor", "autonomi", "--sector", "barnehage",
                        "--format", "json")
        self.assertEqual(few["n"], 1)
        for key in ("r", "ci_low", "ci_high", "slope", "intercept"):
            self.assertIsNone(few[key], key)
        table = self.cli("research", "--factor", "autonomi", "--sector", "barnehage").stdout
        self.assertIn("too few", table)

    def test_research_usage(self):
        self.cli("research", "--factor", "nope", "--sector", "helse-omsorg", expect=2)
        self.cli("research", "--factor", "autonomi", "--sector", "skole", expect=2)
        self.cli("research", "--factor", "autonomi", "--sector", "annet", "--measure", "x",
                 expect=2)

    def test_show_hides_small_rounds(self):
        self.cli("faktor", "import", self.write("f.csv",
                 "enhet;dato;respondenter;autonomi;rolleklarhet\n"
                 "A;2024-03-31;2;1;1\n"
                 "A;2025-03-31;7;4,25;\n"
                 "B;2025-03-31;5;3,75;3\n"))
        out = self.json("faktor", "show", "--unit", "A", "--format", "json")
        self.assertEqual(len(out["rounds"]), 1)
        self.assertEqual(out["rounds"][0]["date"], "2025-03-31")
        self.assertEqual(out["rounds"][0]["factors"]["autonomy"], 4.25)
        self.assertIsNone(out["rounds"][0]["factors"]["role_clarity"])
        # (4,25 + 3,75) / 2
        self.assertEqual(out["municipality"]["autonomy"], 4.0)
        self.assertEqual(out["municipality"]["role_clarity"], 3.0)

    def test_import_refused(self):
        before = self.cli("faktor", "show", "--unit", "A", "--format", "json").stdout
        r = self.cli("faktor", "import", self.write("f.csv",
                     "enhet;dato;respondenter;autonomi\n"
                     "A;2025-03-31;7;4\n"
                     "A;2024-03-31;7;6\n"), expect=1)
        self.assertEqual(r.stderr, "naervaer-cli: f.csv:3: autonomi: 6 is outside the scale 1–5\n")
        r = self.cli("faktor", "import", self.write("f.csv",
                     "enhet;dato;respondenter;autonomi\n"
                     "A;2025-03-31;7;4\n"
                     "Q;2024-03-31;7;3\n"), expect=1)
        self.assertTrue(r.stderr.startswith("naervaer-cli: f.csv:3: enhet: there is no unit"),
                        r.stderr)
        self.assertEqual(self.cli("faktor", "show", "--unit", "A", "--format", "json").stdout,
                         before)
        self.cli("faktor", "import", "--create-units", self.write("f.csv",
                 "enhet;dato;respondenter;autonomi\nQ;2024-03-31;7;3\n"))
        units = {u["name"]: u for u in self.json("unit", "list", "--format", "json")}
        self.assertEqual(units["Q"]["sector"], "annet")


class MunicipalityImportTest(CliTestCase):
    ROSTER = ("enhet;ansatt;stillingsprosent;fra;til\n"
              "Avdeling 1;AB;100;2024-01-01;\n"
              "Avdeling 2;AB;50;2024-01-01;\n"
              "avdeling 1;CD;80;2024-02-01;\n")
    SPELLS = ("ansatt;fra;til;grad;type;unit\n"
              "AB;2024-03-04;2024-03-06;;egenmeldt;Avdeling 1\n"
              "AB;2024-03-04;2024-03-20;50;legemeldt;Avdeling 2\n")

    def setUp(self):
        super().setUp()
        self.cli("unit", "add", "Avdeling 1", "--sector", "helse-omsorg")
        self.cli("unit", "add", "Avdeling 2", "--sector", "barnehage")

    def rows(self, kind, unit):
        return self.cli("export", kind, "--unit", unit, "-").stdout.strip().splitlines()[1:]

    def test_roster_and_spells_by_unit_column(self):
        r = self.cli("import", "roster", self.write("roster.csv", self.ROSTER))
        self.assertIn("2", r.stdout)
        self.assertEqual(len(self.rows("roster", "Avdeling 1")), 2)
        self.assertEqual(len(self.rows("roster", "Avdeling 2")), 1)
        self.cli("import", "spells", self.write("spells.csv", self.SPELLS))
        self.assertEqual(len(self.rows("spells", "Avdeling 1")), 1)
        self.assertEqual(len(self.rows("spells", "Avdeling 2")), 1)

    def test_unknown_unit_is_refused_whole_file(self):
        r = self.cli("import", "roster", self.write("roster.csv",
                     self.ROSTER + "Avdeling 3;EF;100;2024-01-01;\n"), expect=1)
        self.assertTrue(r.stderr.startswith("naervaer-cli: roster.csv:5: enhet: there is no unit "
                                            "called “Avdeling 3”"), r.stderr)
        self.assertEqual(self.rows("roster", "Avdeling 1"), [])
        self.assertEqual(self.rows("roster", "Avdeling 2"), [])
        # A bad row in the second unit rolls back the first unit's rows too.
        r = self.cli("import", "roster", self.write("roster.csv",
                     self.ROSTER + "Avdeling 2;EF;150;2024-01-01;\n"), expect=1)
        self.assertIn("roster.csv:5: stillingsprosent:", r.stderr)
        self.assertEqual(self.rows("roster", "Avdeling 1"), [])

    def test_create_units(self):
        r = self.cli("import", "roster", "--create-units", self.write("roster.csv",
                     self.ROSTER + "Avdeling 3;EF;100;2024-01-01;\n"))
        self.assertIn("Created 1 unit", r.stdout)
        units = {u["name"]: u for u in self.json("unit", "list", "--format", "json")}
        self.assertEqual(units["Avdeling 3"]["sector"], "annet")
        self.assertEqual(len(self.rows("roster", "Avdeling 3")), 1)
        r = self.cli("import", "monthly", "--create-units", self.write("m.csv",
                     MONTHLY_HEAD + "Avdeling 4;2024-01;400;3;10;20\n"))
        self.assertIn("Avdeling 4", [u["name"] for u in
                                     self.json("unit", "list", "--format", "json")])

    def test_no_unit_anywhere(self):
        r = self.cli("import", "roster", self.write("roster.csv",
                     "ansatt;stillingsprosent;fra;til\nAB;100;2024-01-01;\n"), expect=1)
        self.assertIn("roster.csv:1:", r.stderr)
        self.assertIn("no unit column", r.stderr)

    def test_unit_option_and_column_must_agree(self):
        r = self.cli("import", "roster", "--unit", "Avdeling 1",
                     self.write("roster.csv", self.ROSTER), expect=1)
        self.assertIn("roster.csv:3: enhet:", r.stderr)
        self.assertEqual(self.rows("roster", "Avdeling 1"), [])


if __name__ == "__main__":
    unittest.main()
