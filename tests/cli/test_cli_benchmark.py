"""naervaer-cli benchmark list|show and import benchmarks."""
import os
import sqlite3
import sys
import unittest

sys.path.insert(0, os.path.dirname(__file__))
from clitest import CliTestCase  # noqa: E402

HEAD = "serie;periode;prosent;type;grunnlag;kilde\n"
GOOD = "Helse og omsorg (KS PAI);2023-Q4;10,4;totalt;KS PAI;https://example.org/pai\n"


class BenchmarkTestCase(CliTestCase):
    def series(self, *extra):
        return {s["name"]: s for s in self.json("benchmark", "list", "--format", "json", *extra)}

    def db_rows(self):
        """Every stored benchmark row, to prove a refused import wrote nothing."""
        if not os.path.exists(self.db):
            return None
        con = sqlite3.connect(self.db)
        try:
            return (con.execute("SELECT * FROM benchmark_series ORDER BY id").fetchall(),
                    con.execute("SELECT * FROM benchmark_point ORDER BY series_id, period")
                    .fetchall())
        finally:
            con.close()


class TestList(BenchmarkTestCase):
    def test_bundled_series(self):
        series = self.series()
        self.assertEqual(len(series), 8)
        k = series["Kommuner"]
        self.assertEqual(k["kind"], "municipal-sector")
        self.assertEqual(k["measure"], "legemeldt")
        self.assertEqual(k["basis"], "SSB")
        self.assertEqual(k["latest_period"], "2024-Q2")
        self.assertEqual(k["points"], 24)
        self.assertEqual(k["bundled"], 24)
        self.assertIsNone(k["behind"])  # no --unit: nothing to be behind
        self.assertTrue(all(s.startswith("https://") for s in k["sources"]))
        self.assertEqual(series["Alle sektorer (totalt)"]["kind"], "national")
        self.assertEqual(series["Alle sektorer (totalt)"]["measure"], "totalt")
        own = series["Egen kommune (totalt)"]
        self.assertTrue(own["computed"])
        self.assertEqual(own["points"], 0)
        self.assertIsNone(own["latest_period"])
        # Every bundled figure has its source.
        total = 0
        for name, s in series.items():
            if s["computed"]:
                continue
            points = self.json("benchmark", "show", name, "--format", "json")
            self.assertEqual(len(points), s["points"])
            for p in points:
                self.assertTrue(p["source"], f"{name} {p['period']} has no source")
                self.assertTrue(p["bundled"])
            total += len(points)
        self.assertEqual(total, 92)

    def test_table_and_usage(self):
        out = self.cli("benchmark", "list").stdout
        self.assertIn("Kommuner\tmunicipal-sector\tlegemeldt\t2024-Q2\t24\tSSB\n", out)
        self.cli("benchmark", expect=2)
        self.cli("benchmark", "list", "--format", "xml", expect=2)
        self.cli("benchmark", "frob", expect=2)
        self.cli("benchmark", "show", expect=2)
        r = self.cli("benchmark", "show", "Finnes ikke", expect=1)
        self.assertIn("Finnes ikke", r.stderr)
        self.cli("benchmark", "list", "--unit", "Ingen", expect=1)

    def test_show_range(self):
        points = self.json("benchmark", "show", "kommuner", "--from", "2023-Q2", "--to", "2023-Q4",
                           "--format", "json")
        self.assertEqual([p["period"] for p in points], ["2023-Q2", "2023-Q3", "2023-Q4"])
        self.assertEqual([p["percent"] for p in points], [7.7, 6.3, 8.3])
        self.cli("benchmark", "show", "Kommuner", "--from", "2023-05", expect=2)

    def test_behind_with_unit(self):
        self.cli("unit", "add", "Solsikken", "--sector", "barnehage")
        monthly = self.write("m.csv", "enhet;periode;avtalte_dagsverk;tapte_dagsverk_egenmeldt;"
                                      "tapte_dagsverk_legemeldt;personer\n"
                                      "Solsikken;2024-10;400;8;12;20\n"
                                      "Solsikken;2024-11;400;8;12;20\n"
                                      "Solsikken;2024-12;400;8;12;20\n")
        self.cli("import", "monthly", monthly)
        series = self.series("--unit", "Solsikken")
        # The unit's latest quarter is 2024-Q4: 2024-Q2 is two quarters behind
        # (fine), the kindergarten figure of 2020-Q2 far more.
        self.assertFalse(series["Kommuner"]["behind"])
        self.assertTrue(series["Barnehager (NAV bransje, fire kvartaler 2019-Q3..2020-Q2)"]
                        ["behind"])
        self.assertIn("\tbehind\n", self.cli("benchmark", "list", "--unit", "Solsikken").stdout)


class TestOwnMunicipality(BenchmarkTestCase):
    def test_sum_over_sum_and_masking(self):
        self.cli("unit", "add", "A", "--sector", "helse-omsorg", "--municipality", "Fjordvik")
        self.cli("unit", "add", "B", "--sector", "helse-omsorg", "--municipality", "Fjordvik")
        # 2024-Q1 from January's HR figures: A 10 of 200, B 30 of 300
        #   → (10 + 30) / (200 + 300) = 8.0 %, not (5 % + 10 %) / 2 = 7.5 %.
        # 2024-Q2 (April): 2 + 2 persons → masked unless --unmasked.
        monthly = self.write("m.csv", "unit;period;contracted_days;lost_days_self;"
                                      "lost_days_doctor;persons\n"
                                      "A;2024-01;200;4;6;3\n"
                                      "B;2024-01;300;6;24;4\n"
                                      "A;2024-04;100;1;1;2\n"
                                      "B;2024-04;100;1;1;2\n")
        self.cli("import", "monthly", monthly)
        points = self.json("benchmark", "show", "Egen kommune (totalt)", "--unit", "A",
                           "--format", "json")
        by = {p["period"]: p for p in points}
        self.assertAlmostEqual(by["2024-Q1"]["percent"], 8.0, places=9)
        self.assertEqual(by["2024-Q1"]["persons"], 7)
        self.assertFalse(by["2024-Q1"]["masked"])
        self.assertTrue(by["2024-Q2"]["masked"])
        self.assertIsNone(by["2024-Q2"]["percent"])
        doctor = self.json("benchmark", "show", "Egen kommune (legemeldt)", "--unmasked",
                           "--format", "json")
        by = {p["period"]: p for p in doctor}
        self.assertAlmostEqual(by["2024-Q1"]["percent"], 6.0, places=9)  # (6 + 24) / 500
        self.assertAlmostEqual(by["2024-Q2"]["percent"], 1.0, places=9)  # (1 + 1) / 200
        table = self.cli("benchmark", "show", "Egen kommune (totalt)").stdout
        self.assertIn("2024-Q1\t8,0\u00a0%", table)
        self.assertIn("2024-Q2\tmasked", table)


class TestImport(BenchmarkTestCase):
    def test_import_adds_and_replaces(self):
        path = self.write("ssb.csv", "\ufeff" + HEAD + GOOD +
                          "Kommuner;2024-Q3;6,6;legemeldt;SSB;https://example.org/q3\r\n"
                          "Kommuner;2024-Q2;8,4;legemeldt;SSB;https://example.org/rev\r\n")
        r = self.cli("import", "benchmarks", path)
        self.assertIn("2 new, 1 replaced, 0 unchanged; 1 new series", r.stdout)
        self.assertIn("Replaced: Kommuner 2024-Q2: 8,3\u00a0% → 8,4\u00a0%", r.stdout)
        series = self.series()
        self.assertEqual(series["Kommuner"]["latest_period"], "2024-Q3")
        self.assertEqual(series["Kommuner"]["imported"], 2)
        self.assertEqual(series["Kommuner"]["replaced"], 1)
        self.assertEqual(series["Helse og omsorg (KS PAI)"]["kind"], "sector")
        self.assertEqual(series["Helse og omsorg (KS PAI)"]["basis"], "KS PAI")
        q2 = [p for p in self.json("benchmark", "show", "Kommuner", "--format", "json")
              if p["period"] == "2024-Q2"][0]
        self.assertEqual(q2["percent"], 8.4)
        self.assertEqual(q2["source"], "https://example.org/rev")
        self.assertFalse(q2["bundled"])
        # Importing the same file again changes nothing and says so.
        r = self.cli("import", "benchmarks", path)
        self.assertIn("0 new, 0 replaced, 3 unchanged", r.stdout)
        # Removing the imported figures brings the shipped 8,3 % back.
        r = self.cli("benchmark", "remove-imported", "Kommuner")
        self.assertIn("Removed 2 imported figures.", r.stdout)
        q2 = [p for p in self.json("benchmark", "show", "Kommuner", "--format", "json")
              if p["period"] == "2024-Q2"][0]
        self.assertEqual((q2["percent"], q2["bundled"]), (8.3, True))
        r = self.cli("benchmark", "remove-imported", "Kommuner", expect=1)
        self.assertIn("no imported figures", r.stderr)

    def check_refused(self, body, expected):
        self.cli("unit", "list")  # creates the database
        before = self.db_rows()
        path = self.write("bad.csv", HEAD + GOOD + body)
        r = self.cli("import", "benchmarks", path, expect=1)
        self.assertIn(expected, r.stderr)
        self.assertEqual(r.stdout, "")
        self.assertEqual(self.db_rows(), before)

    def test_bad_period(self):
        self.check_refused("Helse og omsorg (KS PAI);2024-Q5;9;totalt;KS;https://x.org\n",
                           "bad.csv:3: periode: “2024-Q5” is not a period")

    def test_percent_150(self):
        self.check_refused("Helse og omsorg (KS PAI);2024-Q1;150;totalt;KS;https://x.org\n",
                           "bad.csv:3: prosent: 150 is outside 0–100")

    def test_unknown_measure(self):
        self.check_refused("Helse og omsorg (KS PAI);2024-Q1;9;egenmeldt;KS;https://x.org\n",
                           "bad.csv:3: type: “egenmeldt” is not a measure")

    def test_changed_measure(self):
        # Within the file …
        self.check_refused("Helse og omsorg (KS PAI);2024-Q1;7;legemeldt;KS;https://x.org\n",
                           "bad.csv:3: type: “Helse og omsorg (KS PAI)” has the measure "
                           "totalt on line 2")
        # … and against a bundled series.
        self.check_refused("Kommuner;2024-Q3;9,9;totalt;SSB;https://x.org\n",
                           "bad.csv:3: type: “Kommuner” is a legemeldt series")

    def test_missing_source(self):
        self.check_refused("Helse og omsorg (KS PAI);2024-Q1;9;totalt;KS;\n",
                           "bad.csv:3: kilde: every figure needs its source")

    def test_duplicate_in_file(self):
        self.check_refused("Helse og omsorg (KS PAI);2023-Q4;10,5;totalt;KS;https://x.org\n",
                           "bad.csv:3: periode: Helse og omsorg (KS PAI) 2023-Q4 is already "
                           "on line 2")

    def test_missing_file_and_usage(self):
        r = self.cli("import", "benchmarks", self.path("nope.csv"), expect=1)
        self.assertIn("nope.csv", r.stderr)
        self.cli("import", "benchmarks", expect=2)


if __name__ == "__main__":
    unittest.main()
