"""naervaer-cli chart: files, sizes, masking, like with like, exit codes."""
import os
import struct
import sys
import unittest
import xml.etree.ElementTree as ET
import zlib

sys.path.insert(0, os.path.dirname(__file__))
from clitest import CliTestCase  # noqa: E402

BENCH = ("serie;periode;prosent;type;grunnlag;kilde\n"
         "Testserie;2024-Q1;6,0;legemeldt;SSB;test\n"
         "Testserie;2024-Q2;5,5;legemeldt;SSB;test\n"
         "Testserie;2024-Q3;5,0;legemeldt;SSB;test\n"
         "Testserie;2024-Q4;6,5;legemeldt;SSB;test\n"
         "Testtotal;2024-Q1;8,0;totalt;SSB;test\n")


def monthly(unit, persons):
    rows = ["enhet;periode;avtalte_dagsverk;tapte_dagsverk_egenmeldt;"
            "tapte_dagsverk_legemeldt;personer"]
    for month in range(1, 13):
        rows.append(f"{unit};2024-{month:02d};200;4;10;{persons}")
    return "\n".join(rows) + "\n"


def png_pixels(path):
    """Width, height and rows of (r, g, b) from an 8-bit RGB(A) PNG."""
    with open(path, "rb") as f:
        data = f.read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat = 8, b""
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, color = struct.unpack(">IIBB", body[:10])
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    bpp = 4 if color == 6 else 3
    raw = zlib.decompress(idat)
    stride = width * bpp
    rows, prev = [], bytearray(stride)
    for y in range(height):
        f = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b = prev[i]
            c = prev[i - bpp] if i >= bpp else 0
            if f == 1:
                line[i] = (line[i] + a) & 0xff
            elif f == 2:
                line[i] = (line[i] + b) & 0xff
            elif f == 3:
                line[i] = (line[i] + (a + b) // 2) & 0xff
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                pred = a if pa <= pb and pa <= pc else (b if pb <= pc else c)
                line[i] = (line[i] + pred) & 0xff
        rows.append(line)
        prev = line
    return width, height, rows, bpp


def count_color(path, rgb):
    width, height, rows, bpp = png_pixels(path)
    n = 0
    for line in rows:
        for x in range(width):
            if tuple(line[x * bpp:x * bpp + 3]) == rgb:
                n += 1
    return n


class ChartTest(CliTestCase):
    def setUp(self):
        super().setUp()
        self.cli("unit", "add", "Avdeling 2B", "--sector", "helse-omsorg")
        self.cli("unit", "add", "Lite team", "--sector", "barnehage")
        self.cli("import", "monthly", self.write("m1.csv", monthly("Avdeling 2B", 12)))
        self.cli("import", "monthly", self.write("m2.csv", monthly("Lite team", 3)))
        self.cli("import", "benchmarks", self.write("b.csv", BENCH))

    def chart(self, *args, expect=0):
        return self.cli("chart", *args, expect=expect)

    def test_png_default_and_given_size(self):
        out = self.path("trend.png")
        self.chart("--unit", "Avdeling 2B", "--benchmark", "Testserie", "--output", out)
        width, height, _, _ = png_pixels(out)
        self.assertEqual((width, height), (1600, 900))
        self.chart("--unit", "Avdeling 2B", "--benchmark", "Testserie", "--output", out,
                   "--width", "800", "--height", "450")
        width, height, _, _ = png_pixels(out)
        self.assertEqual((width, height), (800, 450))

    def test_dark_background(self):
        out = self.path("dark.png")
        self.chart("--unit", "Avdeling 2B", "--output", out, "--width", "600", "--height", "400",
                   "--dark")
        _, _, rows, bpp = png_pixels(out)
        self.assertEqual(tuple(rows[1][bpp:bpp + 3]), (0x24, 0x24, 0x24))

    def test_svg_is_xml(self):
        out = self.path("trend.svg")
        self.chart("--unit", "Avdeling 2B", "--benchmark", "testserie", "--output", out)
        root = ET.parse(out).getroot()
        self.assertTrue(root.tag.endswith("svg"))

    def test_pdf_text(self):
        out = self.path("trend.pdf")
        self.chart("--unit", "Avdeling 2B", "--benchmark", "Testserie", "--output", out)
        with open(out, "rb") as f:
            data = f.read()
        self.assertTrue(data.startswith(b"%PDF-"))
        self.assertIn(b"%%EOF", data[-16:])
        text = self.pdf_words(out)
        self.assertIn("Avdeling 2B", text)
        self.assertIn("Testserie", text)
        # The legend says which measure is compared (the series is legemeldt).
        self.assertIn("doctor-certified", text)
        self.assertIn("Q1 2024", text)
        self.assertIn("Q4 2024", text)

    def test_masked_unless_unmasked(self):
        # Three persons in every quarter: the unit's line (#0072B2, the light
        # style's first colour) appears only in the legend when masked.
        masked, unmasked = self.path("masked.png"), self.path("unmasked.png")
        args = ["--unit", "Lite team", "--benchmark", "Testserie", "--width", "800",
                "--height", "450"]
        self.chart(*args, "--output", masked)
        self.chart(*args, "--output", unmasked, "--unmasked")
        n_masked = count_color(masked, (0x00, 0x72, 0xB2))
        n_unmasked = count_color(unmasked, (0x00, 0x72, 0xB2))
        self.assertLess(n_masked, 400)
        self.assertGreater(n_unmasked, n_masked + 500)

    def test_unknown_benchmark(self):
        r = self.chart("--unit", "Avdeling 2B", "--benchmark", "Testserie", "--benchmark",
                       "Finnes ikke", "--output", self.path("x.png"), expect=1)
        self.assertIn("Finnes ikke", r.stderr)
        self.assertFalse(os.path.exists(self.path("x.png")))

    def test_mixed_measures_refused(self):
        r = self.chart("--unit", "Avdeling 2B", "--benchmark", "Testserie", "--benchmark",
                       "Testtotal", "--output", self.path("x.png"), expect=1)
        self.assertIn("Testserie", r.stderr)
        self.assertIn("Testtotal", r.stderr)
        self.assertFalse(os.path.exists(self.path("x.png")))

    def test_unknown_unit(self):
        r = self.chart("--unit", "Ingen", "--output", self.path("x.png"), expect=1)
        self.assertIn("Ingen", r.stderr)

    def test_usage_errors(self):
        self.chart("--unit", "Avdeling 2B", expect=2)
        self.chart("--output", self.path("x.png"), expect=2)
        self.chart("--unit", "Avdeling 2B", "--output", self.path("x.bmp"), expect=2)
        self.chart("--unit", "Avdeling 2B", "--output", self.path("x.png"), "--from", "2024-13",
                   expect=2)
        self.chart("--unit", "Avdeling 2B", "--output", self.path("x.png"), "--from", "2024-Q3",
                   "--to", "2024-Q1", expect=2)
        self.chart("--unit", "Avdeling 2B", "--output", self.path("x.png"), "--width", "10",
                   expect=2)
        self.assertFalse(os.path.exists(self.path("x.png")))

    def test_range(self):
        out = self.path("range.pdf")
        self.chart("--unit", "Avdeling 2B", "--output", out, "--from", "2024-Q2", "--to",
                   "2024-Q3")
        text = self.pdf_words(out)
        self.assertIn("Q2 2024", text)
        self.assertIn("Q3 2024", text)
        self.assertNotIn("Q1 2024", text)
        self.assertNotIn("Q4 2024", text)


if __name__ == "__main__":
    unittest.main()
