"""naervaer-cli compare (issue 16, item 8) against hand-computed figures.

Every unit has HR monthly figures of 100 contracted days a month, 1
self-certified day and D doctor-certified days a month, from 2024-10 to
2025-12; the series «Testserie» is legemeldt, so the unit's doctor-certified
per cent is compared: a quarter's figure is 3·D × 100 / 300 = D.

As of 2026-01-15 the latest complete quarter is 2025-Q4.
  Ni:  D = 4 (2024-Q4), 8, 7, 6 (2025-Q1–Q3), 9 (2025-Q4)
       benchmark 2025-Q4 10.0 → ratio 9 / 10 = 0.9 exactly → yellow
       four quarters 2025-Q1–Q4: 3·(8 + 7 + 6 + 9) = 90 of 1200 → 7.5 %
       trend 2025-Q4 − 2024-Q4 = 9 − 4 = 5 points, rising
  Elleve: 2025-Q4 D = 11 → 11 / 10 = 1.1 exactly → yellow
  Atte:   2025-Q4 D = 8  → 0.8 → green;  Tolv: D = 12 → 1.2 → red
"""
import math
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(__file__))
from clitest import CliTestCase  # noqa: E402

KEYS = ["unit", "measure", "benchmark", "quarter", "unit_percent", "benchmark_percent",
        "ratio", "light", "four_quarters", "trend_pp", "trend"]

BENCHMARK = """serie;periode;prosent;type;grunnlag;kilde
Testserie;2024-Q4;5,0;legemeldt;Test;hand-made
Testserie;2025-Q1;8,0;legemeldt;Test;hand-made
Testserie;2025-Q2;8,0;legemeldt;Test;hand-made
Testserie;2025-Q3;8,0;legemeldt;Test;hand-made
Testserie;2025-Q4;10,0;legemeldt;Test;hand-made
"""


def months(unit, per_quarter, persons=10, first=(2024, 10)):
    """HR rows for @unit: per_quarter maps (year, q) → doctor days a month."""
    rows = []
    y, m = first
    while (y, m) <= (2025, 12):
        d = per_quarter[(y, (m - 1) // 3 + 1)]
        rows.append(f"{unit};{y}-{m:02d};100;1;{d};{persons}")
        m += 1
        if m == 13:
            y, m = y + 1, 1
    return rows


def quarters(q4_2025, q4_2024=4):
    return {(2024, 4): q4_2024, (2025, 1): 8, (2025, 2): 7, (2025, 3): 6, (2025, 4): q4_2025}


class CompareTest(CliTestCase):
    def setUp(self):
        super().setUp()
        rows = []
        for name, q4 in [("Ni", 9), ("Elleve", 11), ("Atte", 8), ("Tolv", 12)]:
            self.cli("unit", "add", name, "--sector", "helse-omsorg")
            rows += months(name, quarters(q4))
        self.cli("unit", "add", "Liten", "--sector", "barnehage")
        rows += months("Liten", quarters(9), persons=3)
        self.cli("unit", "add", "Ny", "--sector", "barnehage")
        rows += months("Ny", {(2025, 4): 9}, first=(2025, 10))
        header = ("enhet;periode;avtalte_dagsverk;tapte_dagsverk_egenmeldt;"
                  "tapte_dagsverk_legemeldt;personer\n")
        self.cli("import", "monthly", self.write("m.csv", header + "\n".join(rows) + "\n"))
        self.cli("import", "benchmarks", self.write("b.csv", BENCHMARK))

    def compare(self, unit, *args):
        return self.json("compare", "--unit", unit, "--benchmark", "Testserie",
                         "--as-of", "2026-01-15", "--format", "json", *args)

    def assertClose(self, a, b):
        self.assertIsNotNone(a)
        self.assertTrue(math.isclose(a, b, rel_tol=1e-12, abs_tol=1e-12), f"{a} != {b}")

    def test_json(self):
        r = self.compare("Ni")
        self.assertEqual(list(r.keys()), KEYS)
        self.assertEqual(r["unit"], "Ni")
        self.assertEqual(r["measure"], "legemeldt")
        self.assertEqual(r["benchmark"], "Testserie")
        self.assertEqual(r["quarter"], "2025-Q4")
        self.assertClose(r["unit_percent"], 9)
        self.assertClose(r["benchmark_percent"], 10)
        self.assertEqual(r["ratio"], 0.9)
        self.assertEqual(r["light"], "yellow")
        self.assertEqual(r["four_quarters"],
                         {"from": "2025-Q1", "to": "2025-Q4", "percent": 7.5, "masked": False})
        self.assertClose(r["trend_pp"], 5)
        self.assertEqual(r["trend"], "rising")

    def test_light_boundaries(self):
        eleven = self.compare("Elleve")
        self.assertEqual(eleven["ratio"], 1.1)
        self.assertEqual(eleven["light"], "yellow")
        self.assertClose(eleven["trend_pp"], 7)
        eight = self.compare("Atte")
        self.assertClose(eight["ratio"], 0.8)
        self.assertEqual(eight["light"], "green")
        twelve = self.compare("Tolv")
        self.assertClose(twelve["ratio"], 1.2)
        self.assertEqual(twelve["light"], "red")

    def test_trend_unrounded_and_falling(self):
        # As of 2025-10-01 the latest complete quarter is 2025-Q3 (6 %) and a
        # year before 2024-Q3 has no figures: trend null. The light compares
        # 2025-Q3: 6 / 8 = 0.75 → green; four quarters 2024-Q4–2025-Q3:
        # 3·(4 + 8 + 7 + 6) = 75 of 1200 → 6.25 %.
        r = self.json("compare", "--unit", "Ni", "--benchmark", "Testserie",
                      "--as-of", "2025-10-01", "--format", "json")
        self.assertEqual(r["quarter"], "2025-Q3")
        self.assertEqual(r["light"], "green")
        self.assertIsNone(r["trend_pp"])
        self.assertIsNone(r["trend"])
        self.assertEqual(r["four_quarters"]["from"], "2024-Q4")
        self.assertClose(r["four_quarters"]["percent"], 6.25)

    def test_masked(self):
        r = self.compare("Liten")
        self.assertEqual(r["quarter"], "2025-Q4")
        self.assertIsNone(r["unit_percent"])
        self.assertIsNone(r["ratio"])
        self.assertClose(r["benchmark_percent"], 10)
        self.assertEqual(r["light"], "grey")
        self.assertTrue(r["four_quarters"]["masked"])
        self.assertIsNone(r["four_quarters"]["percent"])
        self.assertIsNone(r["trend_pp"])
        self.assertIsNone(r["trend"])

    def test_too_few_quarters(self):
        r = self.compare("Ny")
        self.assertEqual(r["light"], "grey")
        self.assertClose(r["unit_percent"], 9)
        self.assertClose(r["ratio"], 0.9)
        self.assertIsNone(r["trend_pp"])

    def test_table(self):
        out = self.cli("compare", "--unit", "Ni", "--benchmark", "Testserie",
                       "--as-of", "2026-01-15").stdout
        self.assertIn("2025-Q4", out)
        self.assertIn("9,0\xa0%", out)
        self.assertIn("0,90", out)
        self.assertIn("7,5\xa0%", out)

    def test_unknown_series(self):
        r = self.cli("compare", "--unit", "Ni", "--benchmark", "Testsere", expect=1)
        self.assertIn("Testsere", r.stderr)
        self.assertIn("“Testserie”", r.stderr)
        self.assertEqual(r.stdout, "")

    def test_usage(self):
        self.cli("compare", expect=2)
        self.cli("compare", "--unit", "Ni", "--format", "csv", expect=2)
        self.cli("compare", "--unit", "Ni", "--as-of", "2026-02-30", expect=2)
        self.cli("compare", "--unit", "Nowhere", expect=1)


if __name__ == "__main__":
    unittest.main()
