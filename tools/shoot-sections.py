#!/usr/bin/python3
"""Screenshots of every section with the given database.

usage: tools/shoot-sections.py DB OUTDIR PREFIX   (run inside xvfb-run + dbus-run-session;
       set NAERVAER_APP, LANGUAGE, ADW_DEBUG_COLOR_SCHEME as wanted)
"""
import os
import subprocess
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "tests", "ui"))
import pyatspi  # noqa: E402
from atspi_util import App  # noqa: E402

db, outdir, prefix = sys.argv[1:4]
sections = sys.argv[4:] or ["Overview", "Absence", "Follow-up", "Workshops", "Measures", "Compare"]


def prepare(app):
    import shutil
    shutil.copy(db, app.db)


app = App(prepare=prepare)
try:
    frame = app.wait_for(pyatspi.ROLE_FRAME, None)
    time.sleep(1.5)
    for name in sections:
        buttons = app.find_all(pyatspi.ROLE_PAGE_TAB, name) or \
            app.find_all(pyatspi.ROLE_RADIO_BUTTON, name)
        if not buttons:
            print("no section button", name)
            continue
        b = buttons[0]
        b.queryAction().doAction(0)
        time.sleep(1.5)
        out = os.path.join(outdir, f"{prefix}-{name.lower()}.png")
        subprocess.run(["import", "-window", "root", out], check=True)
        print(out)
finally:
    app.close()
