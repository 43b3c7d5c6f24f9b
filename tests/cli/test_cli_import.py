"""naervaer-cli import/export: every CSV variant of DESIGN §4, every malformed
input refused with file:line and field, exit 1 and the database unchanged."""
import hashlib
import os
import re
import sqlite3
import subprocess
import sys
import unittest

sys.path.insert(0, os.path.dirname(__file__))
from clitest import CLI, CliTestCase  # noqa: E402

UNIT = "Avdeling 2B"
BOM = "\ufeff"

ROSTER = (
    "ansatt;stillingsprosent;fra;til\r\n"
    "AB;100;2024-01-01;\r\n"
    "CD;50;2024-01-01;2024-06-30\r\n"
    "CD;80;2024-07-01;\r\n"
    "EF;60;2024-03-01;2024-12-31\r\n"
)
SPELLS = (
    "ansatt;fra;til;grad;type\r\n"
    "AB;2024-02-05;2024-02-07;;egenmeldt\r\n"
    "CD;2024-05-02;2024-05-20;50;legemeldt\r\n"
)
MONTHLY = (
    "enhet;periode;avtalte_dagsverk;tapte_dagsverk_egenmeldt;tapte_dagsverk_legemeldt;personer\r\n"
    f"{UNIT};2023-01;410,5;3;12,25;21\r\n"
    f"{UNIT};2023-02;380;0;4;3\r\n"
)


class ImportTestCase(CliTestCase):
    """A unit with roster, spells and monthly figures already stored."""

    def setUp(self):
        super().setUp()
        self.cli("unit", "add", UNIT, "--sector", "helse-omsorg")
        self.cli("unit", "add", "Solsikken", "--sector", "barnehage")
        self.cli("import", "roster", "--unit", UNIT, self.write("roster0.csv", ROSTER))
        self.cli("import", "spells", "--unit", UNIT, self.write("spells0.csv", SPELLS))
        self.cli("import", "monthly", self.write("monthly0.csv", MONTHLY))

    def export(self, kind, unit=UNIT, *extra, db=None):
        """The export as text, byte-exact (CRLF kept, unlike text-mode pipes)."""
        cmd = [CLI, "--database", db or self.db, "export", kind, "--unit", unit, *extra, "-"]
        r = subprocess.run(cmd, capture_output=True, timeout=120)
        self.assertEqual(r.returncode, 0, r.stderr)
        return r.stdout.decode("utf-8")

    def snapshot(self):
        """A digest of everything an import could change."""
        h = hashlib.sha256()
        for kind in ("roster", "spells", "monthly"):
            for unit in (UNIT, "Solsikken"):
                h.update(self.export(kind, unit).encode())
        h.update(self.cli("unit", "list", "--format", "json").stdout.encode())
        con = sqlite3.connect(self.db)
        for table in ("employee", "roster", "spell", "monthly"):
            rows = con.execute(f"SELECT * FROM {table} ORDER BY 1, 2").fetchall()
            h.update(repr(rows).encode())
        con.close()
        return h.hexdigest()

    def refused(self, kind, name, content, line, field, message=None, unit=UNIT,
                encoding="utf-8"):
        """Imports @content and asserts it is refused as `name:line: field:`
        with exit 1, nothing on stdout and the database unchanged."""
        before = self.snapshot()
        path = self.write(name, content, encoding=encoding)
        args = ["import", kind] + (["--unit", unit] if kind != "monthly" else []) + [path]
        r = self.cli(*args, expect=1)
        prefix = f"naervaer-cli: {name}:{line}: " + (f"{field}: " if field else "")
        self.assertTrue(r.stderr.startswith(prefix), f"expected {prefix!r}, got {r.stderr!r}")
        if message:
            self.assertIn(message, r.stderr)
        self.assertEqual(r.stderr.count("\n"), 1, r.stderr)
        self.assertEqual(r.stdout, "")
        self.assertEqual(self.snapshot(), before, "the database changed")
        return r


class TestMalformed(ImportTestCase):
    def test_grade_150(self):
        self.refused("spells", "spells.csv",
                     "ansatt;fra;til;grad;type\n"
                     "AB;2024-03-01;2024-03-10;50;legemeldt\n"
                     "AB;2024-04-01;2024-04-10;150;legemeldt\n",
                     3, "grad", "150 is outside 20–100")

    def test_grade_150_english_header_names_grade(self):
        self.refused("spells", "spells.csv",
                     "employee,start,end,grade,type\n"
                     "AB,2024-04-01,2024-04-10,150,doctor\n",
                     2, "grade", "150 is outside 20–100")

    def test_end_before_start(self):
        self.refused("spells", "spells.csv",
                     "ansatt;fra;til;grad;type\n"
                     "AB;2024-03-10;2024-03-01;;legemeldt\n",
                     2, "til", "The end 01.03.2024 is before the start 10.03.2024")

    def test_30_february(self):
        self.refused("spells", "spells.csv",
                     "ansatt;fra;til;grad;type\n"
                     "AB;2024-03-01;2024-03-02;;egenmeldt\n"
                     "AB;25.02.2025;30.02.2025;;egenmeldt\n",
                     3, "til", "30.02.2025 is not a date that exists")

    def test_unknown_employee(self):
        self.refused("spells", "spells.csv",
                     "ansatt;fra;til;grad;type\n"
                     "AB;2024-03-01;2024-03-02;;egenmeldt\n"
                     "ZZ;2024-03-01;2024-03-02;;egenmeldt\n",
                     3, "ansatt", "“ZZ” is not on the roster")

    def test_overlapping_spells_in_file(self):
        self.refused("spells", "spells.csv",
                     "ansatt;fra;til;grad;type\n"
                     "AB;2024-03-01;2024-03-10;;legemeldt\n"
                     "EF;2024-03-05;2024-03-06;;egenmeldt\n"
                     "AB;2024-03-08;2024-03-12;;legemeldt\n",
                     4, "fra", "Overlaps AB’s absence spell")

    def test_overlapping_spell_in_database(self):
        self.refused("spells", "spells.csv",
                     "ansatt;fra;til;grad;type\n"
                     "CD;2024-05-20;2024-05-25;;legemeldt\n",
                     2, "fra", "Overlaps CD’s absence spell")

    def test_egenmeldt_with_grade(self):
        self.refused("spells", "spells.csv",
                     "ansatt;fra;til;grad;type\n"
                     "AB;2024-03-01;2024-03-02;50;egenmeldt\n",
                     2, "grad", "Self-certified absence always has grade 100, not 50")

    def test_unterminated_quote(self):
        self.refused("spells", "spells.csv",
                     "ansatt;fra;til;grad;type\n"
                     "AB;2024-03-01;2024-03-02;;egenmeldt\n"
                     "\"AB;2024-04-01;2024-04-02;;egenmeldt\n"
                     "AB;2024-05-01;2024-05-02;;egenmeldt\n",
                     3, "ansatt", "a quoted field is not closed")

    def test_us_date(self):
        self.refused("spells", "spells.csv",
                     "ansatt;fra;til;grad;type\n"
                     "AB;03/14/2024;2024-03-20;;legemeldt\n",
                     2, "fra", "dates with “/” are ambiguous")

    def test_binary_garbage_in_a_row(self):
        self.refused("spells", "spells.csv",
                     b"ansatt;fra;til;grad;type\n"
                     b"AB;2024-03-01;2024-03-02;;egenmeldt\n"
                     b"AB;2024-04-01;\x00\x01\xff\xfe\x03;;egenmeldt\n",
                     3, "til", "does not look like a CSV text file")

    def test_binary_file(self):
        garbage = bytes((i * 167 + 13) % 256 for i in range(4096))
        self.refused("spells", "photo.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + garbage,
                     1, None, "does not look like a CSV text file")

    def test_spell_outside_employment(self):
        # EF is employed 2024-03-01 – 2024-12-31.
        self.refused("spells", "spells.csv",
                     "ansatt;fra;til;grad;type\n"
                     "EF;2024-12-20;2025-01-05;;legemeldt\n",
                     2, "til", "EF is not employed on 01.01.2025")

    def test_spell_before_employment(self):
        self.refused("spells", "spells.csv",
                     "ansatt;fra;til;grad;type\n"
                     "EF;2024-02-20;2024-03-05;;legemeldt\n",
                     2, "fra", "EF is not employed on 20.02.2024")

    def test_overlapping_roster_rows_in_file(self):
        self.refused("roster", "roster.csv",
                     "ansatt;stillingsprosent;fra;til\n"
                     "GH;100;2024-01-01;2024-06-30\n"
                     "GH;50;2024-06-01;\n",
                     3, "fra", "Overlaps GH’s roster row")

    def test_overlapping_roster_row_in_database(self):
        self.refused("roster", "roster.csv",
                     "ansatt;stillingsprosent;fra;til\n"
                     "GH;100;2024-01-01;\n"
                     "ab;100;2023-01-01;2024-01-31\n",
                     3, "til", "Overlaps AB’s roster row")

    def test_fte_0(self):
        self.refused("roster", "roster.csv",
                     "ansatt;stillingsprosent;fra;til\n"
                     "GH;0;2024-01-01;\n",
                     2, "stillingsprosent", "0 is outside 1–100")

    def test_fte_150(self):
        self.refused("roster", "roster.csv",
                     "employee;fte;from;to\n"
                     "GH;100;2024-01-01;\n"
                     "IJ;150 %;2024-01-01;\n",
                     3, "fte", "150 is outside 1–100")

    def test_national_id_number(self):
        self.refused("roster", "roster.csv",
                     "ansatt;stillingsprosent;fra;til\n"
                     "01017012345;100;2024-01-01;\n",
                     2, "ansatt", "national identity number")

    def test_unknown_unit_in_monthly(self):
        self.refused("monthly", "monthly.csv",
                     "enhet;periode;avtalte_dagsverk;tapte_dagsverk_egenmeldt;"
                     "tapte_dagsverk_legemeldt;personer\n"
                     f"{UNIT};2024-01;400;3;10;20\n"
                     "Avdeling 9Z;2024-01;400;3;10;20\n",
                     3, "enhet", "there is no unit called “Avdeling 9Z”")

    def test_month_twice_in_monthly(self):
        self.refused("monthly", "monthly.csv",
                     "enhet;periode;avtalte_dagsverk;tapte_dagsverk_egenmeldt;"
                     "tapte_dagsverk_legemeldt;personer\n"
                     f"{UNIT};2024-01;400;3;10;20\n"
                     f"{UNIT.upper()};2024-01;401;3;10;20\n",
                     3, "periode", "already on line 2")

    def test_thousands_separator_in_monthly(self):
        self.refused("monthly", "monthly.csv",
                     "enhet;periode;avtalte_dagsverk;tapte_dagsverk_egenmeldt;"
                     "tapte_dagsverk_legemeldt;personer\n"
                     f"{UNIT};2024-01;1.234,5;3;10;20\n",
                     2, "avtalte_dagsverk", "has both a point and a comma")

    def test_bad_month_in_monthly(self):
        self.refused("monthly", "monthly.csv",
                     "enhet;periode;avtalte_dagsverk;tapte_dagsverk_egenmeldt;"
                     "tapte_dagsverk_legemeldt;personer\n"
                     f"{UNIT};2024-13;400;3;10;20\n",
                     2, "periode", "is not a month")

    def test_missing_column(self):
        self.refused("spells", "spells.csv",
                     "ansatt;til;grad;type\n"
                     "AB;2024-03-02;;egenmeldt\n",
                     1, "fra", "required column missing")

    def test_unknown_column(self):
        self.refused("spells", "spells.csv",
                     "ansatt;fra;til;grad;type;kommentar\n"
                     "AB;2024-03-01;2024-03-02;;egenmeldt;x\n",
                     1, "kommentar", "unknown column")

    def test_file_of_another_kind(self):
        self.refused("spells", "roster.csv", ROSTER, 1, "stillingsprosent",
                     "unknown column (expected ansatt;fra;til;grad;type;enhet) "
                     "(this looks like a roster file)")

    def test_empty_file(self):
        self.refused("spells", "spells.csv", "", 1, None, "the file is empty")

    def test_unknown_type(self):
        self.refused("spells", "spells.csv",
                     "ansatt;fra;til;grad;type\n"
                     "AB;2024-03-01;2024-03-02;;sykt\n",
                     2, "type", "“sykt” is not a type")

    def test_line_numbers_count_quoted_line_breaks(self):
        # Row 2 spans lines 2–4; the bad row starts on line 5.
        self.refused("monthly", "monthly.csv",
                     "enhet;periode;avtalte_dagsverk;tapte_dagsverk_egenmeldt;"
                     "tapte_dagsverk_legemeldt;personer;prosent\r\n"
                     f"\"{UNIT}\";2024-01;400;3;10;20;\"note\r\nover\r\nlines\"\r\n"
                     f"{UNIT};2024-02;400;-3;10;20;\r\n",
                     5, "tapte_dagsverk_egenmeldt")

    def test_unknown_unit_option(self):
        r = self.cli("import", "spells", "--unit", "Nowhere", self.write("s.csv", SPELLS),
                     expect=1)
        self.assertIn("Nowhere", r.stderr)

    def test_usage(self):
        self.cli("import", expect=2)
        # No --unit and no enhet column: the file cannot say where its rows go.
        r = self.cli("import", "spells", self.write("s.csv", SPELLS), expect=1)
        self.assertIn("s.csv:1: the file has no unit column", r.stderr)
        self.cli("import", "spells", "--unit", UNIT, expect=2)             # no file
        self.cli("import", "salary", "x.csv", expect=2)
        self.cli("export", "spells", "-", expect=2)
        self.cli("export", "spells", "--unit", UNIT, "--unmasked", "-", expect=2)
        r = self.cli("import", "spells", "--unit", UNIT, self.path("missing.csv"), expect=1)
        self.assertIn("missing.csv", r.stderr)


class TestHappyPaths(ImportTestCase):
    def spells_export(self, unit=UNIT):
        return self.export("spells", unit)

    def test_norwegian_semicolon_bom_crlf(self):
        p = self.write("s.csv", BOM + "Ansatt;Fra;Til;Grad;Type\r\n"
                       "AB;01.03.2024;10.03.2024;60,5 %;legemeldt\r\n"
                       "\r\n"
                       "AB;2024-03-14;;;Egenmeldt\r\n")
        r = self.cli("import", "spells", "--unit", UNIT, p)
        self.assertEqual(r.stdout, f"Imported 2 absence spells into “{UNIT}”.\n")
        out = self.spells_export()
        self.assertIn("AB;2024-03-01;2024-03-10;60,5;legemeldt\r\n", out)
        self.assertIn("AB;2024-03-14;;100;egenmeldt\r\n", out)

    def test_english_comma_lf_windows_1252(self):
        roster = ("employee,fte,from,to\n"
                  "\"Ærlig Øystein Å\",\"50,5\",2024-01-01,\n"
                  "\"Ola, jr.\",75.5,1.1.2024,31.12.2024\n")
        self.cli("import", "roster", "--unit", "Solsikken",
                 self.write("r.csv", roster, encoding="cp1252"))
        out = self.export("roster", "Solsikken")
        self.assertEqual(out, BOM + "ansatt;stillingsprosent;fra;til\r\n"
                         "\"Ola, jr.\";75,5;2024-01-01;2024-12-31\r\n"
                         "Ærlig Øystein Å;50,5;2024-01-01;\r\n")
        spells = "Employee,Start,End,Grade,Type\r\n\"Ærlig Øystein Å\",2024-02-01,2024-02-03,,self\r\n"
        self.cli("import", "spells", "--unit", "Solsikken",
                 self.write("s.csv", spells, encoding="cp1252"))
        self.assertIn("Ærlig Øystein Å;2024-02-01;2024-02-03;100;egenmeldt",
                      self.spells_export("Solsikken"))

    def test_quoted_delimiters_and_newlines(self):
        self.cli("import", "roster", "--unit", "Solsikken",
                 self.write("r.csv", "ansatt;stillingsprosent;fra;til\n\"K;L\";100;2024-01-01;\n"))
        p = self.write("s.csv", "ansatt;fra;til;grad;type\n"
                       "\"K;L\";\"2024-01-10\";\"2024-01-12\";\"\";\"legemeldt\"\n")
        self.cli("import", "spells", "--unit", "Solsikken", p)
        self.assertIn("\"K;L\";2024-01-10;2024-01-12;100;legemeldt",
                      self.spells_export("Solsikken"))

    def test_monthly_replaces_stored_months(self):
        p = self.write("m.csv",
                       "unit,period,contracted_days,lost_days_self,lost_days_doctor,persons\n"
                       f"{UNIT},2023-02,\"381,5\",1,4,3\n"
                       f"solsikken,2023-02,200,1,2,8\n")
        r = self.cli("import", "monthly", p)
        self.assertEqual(r.stdout, "Imported figures for 2 months (1 replaced stored figures).\n")
        out = self.export("monthly")
        self.assertIn(f"{UNIT};2023-02;;;;3;;;\r\n", out)  # 3 persons: masked

    def test_header_only_imports_nothing(self):
        before = self.snapshot()
        r = self.cli("import", "spells", "--unit", UNIT,
                     self.write("s.csv", "ansatt;fra;til;grad;type\r\n"))
        self.assertEqual(r.stdout, f"Imported 0 absence spells into “{UNIT}”.\n")
        self.assertEqual(self.snapshot(), before)


class TestExport(ImportTestCase):
    def test_monthly_masking(self):
        out = self.export("monthly")
        # 2023-01: 21 persons, percent = (3 + 12.25) × 100 / 410.5, unrounded.
        self.assertEqual(out, BOM +
                         "enhet;periode;avtalte_dagsverk;tapte_dagsverk_egenmeldt;"
                         "tapte_dagsverk_legemeldt;personer;prosent;prosent_egenmeldt;"
                         "prosent_legemeldt\r\n"
                         f"{UNIT};2023-01;410,5;3;12,25;21;3,714981729598051;"
                         "0,730816077953715;2,9841656516443362\r\n"
                         # 2023-02: 3 persons, masked; its day counts would give
                         # the percent back (4 × 100 / 380), so they go too.
                         f"{UNIT};2023-02;;;;3;;;\r\n")
        out = self.export("monthly", UNIT, "--unmasked")
        self.assertIn(f"{UNIT};2023-02;380;0;4;3;1,0526315789473684;0;1,0526315789473684\r\n",
                      out)

    def test_export_file_private_and_atomic(self):
        path = self.path("out.csv")
        r = self.cli("export", "spells", "--unit", UNIT, path)
        self.assertEqual(r.stdout, f"Wrote 2 rows to {path}.\n")
        self.assertEqual(os.stat(path).st_mode & 0o777, 0o600)
        with open(path, "rb") as f:
            data = f.read()
        self.assertTrue(data.startswith(b"\xef\xbb\xbfansatt;fra;til;grad;type\r\n"))
        r = self.cli("export", "spells", "--unit", UNIT, self.path("nodir/out.csv"), expect=1)
        self.assertIn("nodir", r.stderr)

    @unittest.skipUnless(os.path.exists("/dev/full"), "no /dev/full")
    def test_export_to_full_stdout(self):
        # Standard output that cannot be written is an error, not a quiet loss.
        with open("/dev/full", "w") as full:
            r = subprocess.run([CLI, "--database", self.db, "export", "spells", "--unit", UNIT,
                                "-"], stdout=full, stderr=subprocess.PIPE, text=True,
                               timeout=120)
        self.assertEqual(r.returncode, 1)
        self.assertIn("Cannot write to standard output", r.stderr)

    def test_round_trip(self):
        # Masked months leave their day counts out, so only an --unmasked
        # export of the monthly figures can be imported again.
        files = {}
        unmasked = {"monthly": ["--unmasked"]}
        for kind in ("roster", "spells", "monthly"):
            files[kind] = self.path(f"{kind}-export.csv")
            self.cli("export", kind, "--unit", UNIT, *unmasked.get(kind, []), files[kind])
        other = self.path("other.db")
        self.cli("--database", other, "unit", "add", UNIT, "--sector", "annet", db=False)
        self.cli("--database", other, "import", "roster", "--unit", UNIT, files["roster"],
                 db=False)
        self.cli("--database", other, "import", "spells", "--unit", UNIT, files["spells"],
                 db=False)
        self.cli("--database", other, "import", "monthly", files["monthly"], db=False)
        for kind in ("roster", "spells", "monthly"):
            again = self.export(kind, UNIT, *unmasked.get(kind, []), db=other).encode()
            with open(files[kind], "rb") as f:
                self.assertEqual(again, f.read(), kind)


if __name__ == "__main__":
    unittest.main(verbosity=2)
