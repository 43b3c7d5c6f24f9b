"""naervaer-cli workshop add|list|show|poster."""
import os
import shutil
import subprocess
import unittest

from clitest import CliTestCase


class WorkshopCli(CliTestCase):
    def setUp(self):
        super().setUp()
        self.cli("unit", "add", "Avdeling 3A", "--sector", "helse-omsorg")

    def add(self, date="2025-03-25", *extra):
        r = self.cli("workshop", "add", "--unit", "Avdeling 3A", "--date", date, *extra)
        return int(r.stdout.strip())

    def test_add_and_list(self):
        a = self.add("2025-03-25", "--title", "Vårsamling")
        b = self.add("2025-09-10")
        self.assertNotEqual(a, b)
        rows = self.json("workshop", "list", "--unit", "avdeling 3a", "--format", "json")
        self.assertEqual([r["id"] for r in rows], [b, a])  # newest first
        first = rows[1]
        self.assertEqual(first["date"], "2025-03-25")
        self.assertEqual(first["title"], "Vårsamling")
        self.assertEqual(first["unit"], "Avdeling 3A")
        self.assertEqual(first["state"], "planned")
        self.assertEqual(first["steps_ticked"], 0)
        self.assertEqual(first["steps_total"], 16)
        self.assertEqual(first["present"], ["leader"])
        self.assertIsNone(first["followup_date"])
        self.assertEqual(rows[0]["title"], "")

        table = self.cli("workshop", "list", "--unit", "Avdeling 3A").stdout.splitlines()
        self.assertEqual(table[0].split("\t")[:3], [str(b), "2025-09-10", "planned"])
        self.assertEqual(table[1].split("\t")[3], "Vårsamling")

    def test_add_errors(self):
        r = self.cli("workshop", "add", "--unit", "Avdeling 3A", "--date", "2025-02-29", expect=2)
        self.assertIn("2025-02-29", r.stderr)
        self.cli("workshop", "add", "--unit", "Avdeling 3A", expect=2)
        self.cli("workshop", "add", "--date", "2025-03-25", expect=2)
        r = self.cli("workshop", "add", "--unit", "Nope", "--date", "2025-03-25", expect=1)
        self.assertIn("Nope", r.stderr)
        long_title = "x" * 121
        r = self.cli("workshop", "add", "--unit", "Avdeling 3A", "--date", "2025-03-25",
                     "--title", long_title, expect=1)
        self.assertIn("Title", r.stderr)
        rows = self.json("workshop", "list", "--unit", "Avdeling 3A", "--format", "json")
        self.assertEqual(rows, [])
        self.cli("workshop", "list", "--unit", "Avdeling 3A", "--format", "xml", expect=2)
        self.cli("workshop", "frobnicate", expect=2)
        self.cli("workshop", expect=2)

    def test_show(self):
        wid = self.add("2025-03-25")
        self.cli("measure", "add", "--unit", "Avdeling 3A", "--title", "Fadder for nyansatte",
                 "--owner", "Verneombud", "--deadline", "2025-06-01", "--start", "2025-03-25",
                 "--workshop", str(wid))
        data = self.json("workshop", "show", str(wid), "--format", "json")
        self.assertEqual(data["id"], wid)
        self.assertEqual(data["state"], "planned")
        self.assertEqual(len(data["steps"]), 16)
        self.assertEqual(data["steps"][0]["id"], "anchor")
        self.assertEqual(data["steps"][0]["phase"], "prepare")
        self.assertIsNone(data["steps"][0]["ticked"])
        self.assertEqual(data["themes"], ["leadership", "mastery-climate", "open-talk"])
        self.assertEqual(data["ideas"], [])
        self.assertEqual(data["evaluation"], "")
        self.assertEqual(len(data["measures"]), 1)
        m = data["measures"][0]
        self.assertEqual((m["what"], m["who"], m["deadline"], m["status"]),
                         ("Fadder for nyansatte", "Verneombud", "2025-06-01", "planned"))

        text = self.cli("workshop", "show", str(wid)).stdout
        self.assertIn("Prepare", text)
        self.assertIn("[ ] Agree the plan with your own manager", text)
        self.assertIn("Fadder for nyansatte", text)

        r = self.cli("workshop", "show", "999", expect=1)
        self.assertIn("999", r.stderr)
        self.cli("workshop", "show", "abc", expect=2)
        self.cli("workshop", "show", expect=2)

    @unittest.skipUnless(shutil.which("pdftotext"), "pdftotext is not installed")
    def test_poster(self):
        wid = self.add("2025-03-25")
        self.cli("measure", "add", "--unit", "Avdeling 3A", "--title", "Ukentlig kaffe med verneombudet",
                 "--owner", "Verneombud", "--deadline", "2025-04-30", "--start", "2025-03-25",
                 "--workshop", str(wid))
        for size, expect in (("a4", "(A4)"), ("a3", "(A3)")):
            out = self.path(f"plakat-{size}.pdf")
            self.cli("workshop", "poster", str(wid), "--output", out, "--size", size)
            text = self.pdf_words(out)
            self.assertIn("NED med sykefraværet hos Avdeling 3A", text)
            self.assertIn("Ukentlig kaffe med verneombudet", text)
            self.assertIn("Who: Verneombud · By: 30.04.2025", text)
            self.assertIn("25.03.2025", text)
            info = subprocess.run(["pdfinfo", out], capture_output=True, text=True,
                                  check=True).stdout
            self.assertIn(expect, info)
        # default size is A4
        out = self.path("plakat.pdf")
        self.cli("workshop", "poster", str(wid), "--output", out)
        self.assertTrue(os.path.getsize(out) > 1000)

    def test_poster_errors(self):
        wid = self.add("2025-03-25")
        self.cli("workshop", "poster", str(wid), expect=2)
        self.cli("workshop", "poster", str(wid), "--output", self.path("p.pdf"), "--size", "a5",
                 expect=2)
        r = self.cli("workshop", "poster", "4242", "--output", self.path("p.pdf"), expect=1)
        self.assertIn("4242", r.stderr)
        self.assertFalse(os.path.exists(self.path("p.pdf")))
        r = self.cli("workshop", "poster", str(wid), "--output",
                     self.path("missing-dir/p.pdf"), expect=1)
        self.assertIn("missing-dir", r.stderr)


if __name__ == "__main__":
    unittest.main()
