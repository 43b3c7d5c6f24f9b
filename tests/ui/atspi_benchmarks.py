"""A leader opens the benchmark manager from the Compare section and sees the
shipped series with their «last updated» period and the «behind» warning."""
import os
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(__file__))
import pyatspi  # noqa: E402
from atspi_util import App, deadline, same_name  # noqa: E402


def prepare(app):
    """One unit with HR figures for 2024: its latest quarter is 2024-Q4."""
    app.cli("unit", "add", "Solsikken", "--sector", "barnehage")
    path = os.path.join(app.dir, "monthly.csv")
    with open(path, "w", encoding="utf-8") as f:
        f.write("enhet;periode;avtalte_dagsverk;tapte_dagsverk_egenmeldt;"
                "tapte_dagsverk_legemeldt;personer\n")
        for m in range(1, 13):
            f.write(f"Solsikken;2024-{m:02d};400;8;22;21\n")
    app.cli("import", "monthly", path)


def top_window(app, name, timeout=10):
    """Top-level windows are children of the application: no deep walk."""
    end = deadline(timeout)
    while time.time() < end:
        for i in range(app.app.childCount):
            child = app.app.getChildAtIndex(i)
            if child is not None and child.name == name:
                return child
        time.sleep(0.3)
    raise AssertionError(f"no window {name!r}")


def main():
    app = App(prepare=prepare)
    try:
        app.click(pyatspi.ROLE_PAGE_TAB, "Compare")
        time.sleep(0.5)
        app.click(pyatspi.ROLE_PUSH_BUTTON, "_Benchmarks…")
        manager = top_window(app, "Benchmarks")
        labels = []
        for n in app.find_all(pyatspi.ROLE_LABEL, None, root=manager, showing=False):
            try:
                labels.append(app.text_of(n))
            except Exception:
                pass
        for wanted in ("Kommuner", "Alle sektorer (totalt)", "Own municipality (total)",
                       "Doctor-certified · SSB · Latest period Q2 2024", "Behind",
                       "1 series is more than two quarters behind the unit’s latest quarter "
                       "(Q4 2024). Comparing with it says little about the unit today; import "
                       "newer figures from SSB or KS."):
            assert wanted in labels, f"{wanted!r} not shown; labels: {labels[:60]}"
        # Only the 2020-Q2 kindergarten figure is behind 2024-Q4; 2024-Q2 is not.
        assert labels.count("Behind") == 1, labels
        if os.environ.get("NV_SCREENSHOT"):
            subprocess.run(["import", "-window", "root", os.environ["NV_SCREENSHOT"]], check=True)
        app.click(pyatspi.ROLE_PUSH_BUTTON, lambda n: same_name(n, "_Import…"), root=manager)
        top_window(app, "Import Benchmark Figures")
        print("ok: the benchmark manager lists the shipped series and warns when behind")
    finally:
        app.close()


if __name__ == "__main__":
    main()
