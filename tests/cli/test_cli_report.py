"""naervaer-cli report: the PDF is written, masked by default, exit codes."""
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(__file__))
from clitest import CliTestCase  # noqa: E402

# Four persons in 2024 (masked), a fifth from 2025; 100 % each.
ROSTER = ("ansatt;stillingsprosent;fra;til\n"
          "A1;100;2024-01-01;\nA2;100;2024-01-01;\nA3;100;2024-01-01;\n"
          "A4;100;2024-01-01;\nA5;100;2025-01-01;\n")
# Q4 2024 (4 persons): 7 workdays of 256 = 2,7 %, never printed masked.
# Q1 2025 (5 persons, 63 workdays): 20 lost of 315 = 6,3 %.
SPELLS = ("ansatt;fra;til;grad;type\n"
          "A1;2024-11-04;2024-11-12;100;legemeldt\n"
          "A4;2025-01-06;2025-01-31;100;legemeldt\n")


class ReportTest(CliTestCase):
    def setUp(self):
        super().setUp()
        self.cli("unit", "add", "Post 1", "--sector", "helse-omsorg")
        self.cli("import", "roster", "--unit", "Post 1", self.write("r.csv", ROSTER))
        self.cli("import", "spells", "--unit", "Post 1", self.write("s.csv", SPELLS))

    def test_masked_by_default(self):
        out = self.path("rapport.pdf")
        self.cli("report", "--unit", "Post 1", "--output", out, "--from", "2024-Q4",
                 "--to", "2025-Q1", "--as-of", "2025-06-30")
        self.assertEqual(os.stat(out).st_mode & 0o777, 0o600)
        text = self.pdf_words(out, layout=True)
        self.assertIn("Sick leave at Post 1", text)
        self.assertIn("Period Q4 2024 – Q1 2025", text)
        self.assertIn("Sick leave – 6,3 % –", text)
        self.assertNotIn("2,7", text)

    def test_unmasked(self):
        out = self.path("u.pdf")
        self.cli("report", "--unit", "Post 1", "--output", out, "--from", "2024-Q4",
                 "--to", "2025-Q1", "--as-of", "2025-06-30", "--unmasked")
        text = self.pdf_words(out, layout=True)
        self.assertIn("Sick leave 2,7 % 6,3 %", text)
        self.assertIn("NOT MASKED", text)

    def test_exit_codes(self):
        out = self.path("x.pdf")
        r = self.cli("report", "--unit", "Post 1", expect=2)
        self.assertIn("--output", r.stderr)
        self.cli("report", "--output", out, expect=2)
        self.cli("report", "--unit", "Post 1", "--output", self.path("x.png"), expect=2)
        r = self.cli("report", "--unit", "Post 1", "--output", out, "--from", "2025-13",
                     expect=2)
        self.assertIn("--from: “2025-13” is not a quarter like 2024-Q1", r.stderr)
        r = self.cli("report", "--unit", "Post 1", "--output", out, "--to", "2025-Q5",
                     expect=2)
        self.assertIn("--to: “2025-Q5” is not a quarter like 2025-Q4", r.stderr)
        r = self.cli("report", "--unit", "Post 1", "--output", out, "--from", "2025-Q2",
                     "--to", "2025-Q1", expect=2)
        self.assertIn("--from comes after --to", r.stderr)
        self.assertIn("report", r.stderr)
        self.cli("report", "--unit", "Post 1", "--output", out, "--as-of", "31.02.2025",
                 expect=2)
        r = self.cli("report", "--unit", "Nowhere", "--output", out, expect=1)
        self.assertIn("Nowhere", r.stderr)
        r = self.cli("report", "--unit", "Post 1", "--output", out, "--benchmark", "Nope",
                     expect=1)
        self.assertIn("Nope", r.stderr)
        r = self.cli("report", "--unit", "Post 1", "--output",
                     self.path("no/such/dir/r.pdf"), expect=1)
        self.assertFalse(os.path.exists(out))


if __name__ == "__main__":
    unittest.main()
