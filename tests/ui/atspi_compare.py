"""A screen-reader user opens Compare: the trend chart is an image whose name
says what it shows, and the table view carries the same numbers."""
import os
import re
import sys
import time

sys.path.insert(0, os.path.dirname(__file__))
import pyatspi  # noqa: E402
from atspi_util import App, deadline  # noqa: E402

MONTHLY = ["enhet;periode;avtalte_dagsverk;tapte_dagsverk_egenmeldt;"
           "tapte_dagsverk_legemeldt;personer"]
# 2023-01 … 2024-06, 200 contracted days, 2 + 10 lost days a month:
# legemeldt 10 × 3 / 600 = 5,0 % every quarter.
for year, last in ((2023, 12), (2024, 6)):
    for month in range(1, last + 1):
        MONTHLY.append(f"Avdeling 2B;{year}-{month:02d};200;2;10;12")
BENCH = ("serie;periode;prosent;type;kilde\n"
         "Testserie;2024-Q2;4,0;legemeldt;test\n")


def prepare(app):
    app.cli("unit", "add", "Avdeling 2B", "--sector", "helse-omsorg")
    for name, text in (("m.csv", "\n".join(MONTHLY) + "\n"), ("b.csv", BENCH)):
        path = os.path.join(app.dir, name)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        app.cli("import", "monthly" if name == "m.csv" else "benchmarks", path)


def main():
    app = App(prepare=prepare, env={"LANGUAGE": "", "LC_ALL": "C.UTF-8"})
    try:
        tab = app.wait_for(pyatspi.ROLE_PAGE_TAB, "Compare", timeout=30)
        tab.queryAction().doAction(0)

        # The chart is drawn after the page's figures are computed, and its
        # name is set when they are: under load that takes a while, so wait
        # for the finished name rather than a fixed time. The name says the
        # unit, the years and the measure of the default series (Kommuner,
        # legemeldt).
        def finished(name):
            return (name.startswith("Sick leave in Avdeling 2B") and "2023–2024" in name
                    and re.search(r"doctor-certified", name) is not None)

        try:
            image = app.wait_for(pyatspi.ROLE_IMAGE, finished, timeout=30)
        except AssertionError:
            names = [n.name for n in app.find_all(pyatspi.ROLE_IMAGE, None)]
            raise AssertionError("the trend chart is not an image named after what it "
                                 f"shows: images {names}")
        assert finished(image.name), image.name

        # GTK 4.8 exposes a GtkToggleButton as a push button.
        app.click(pyatspi.ROLE_PUSH_BUTTON, "_Table")
        end = deadline(30)
        cells = []
        while time.time() < end:
            cells = [app.text_of(n) if n.getRole() == pyatspi.ROLE_LABEL else n.name
                     for n in app.find_all(pyatspi.ROLE_LABEL, None)]
            if "Q2 2024" in cells and "5,0\u00a0%" in cells:
                break
            time.sleep(0.3)
        assert "Q2 2024" in cells, f"table rows missing: {cells[:40]}"
        assert "5,0\u00a0%" in cells, f"unit figure missing: {cells[:40]}"
        print("ok: chart image named, table view has the numbers")
    finally:
        app.close()


if __name__ == "__main__":
    main()
