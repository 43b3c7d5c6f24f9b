"""Everything a screen-reader user meets has a name that says what it is.

With the demo municipality loaded: show each section and walk it once (after
it is shown, so that rows and cards built late are there), then open the main
dialogs and a workshop and walk each. Every push button, toggle button, menu
button and combo box must have a name, not none and not GTK's widget type
(«GtkMenuButton»), nor a mnemonic read twice («_Save Save»). Dialogs have the
dialog role; the two date buttons of a form say which date they pick; a
workshop row opens over AT-SPI; the Follow-up tab says its badge.
Fails listing each offender with the named things around it.
"""
import os
import re
import sys
import time

sys.path.insert(0, os.path.dirname(__file__))
import pyatspi  # noqa: E402
from atspi_util import (App, act, deadline, has_state, refresh_states,  # noqa: E402
                        role_name, snapshot, windows)

ROLES = {pyatspi.ROLE_PUSH_BUTTON, pyatspi.ROLE_TOGGLE_BUTTON, pyatspi.ROLE_COMBO_BOX,
         pyatspi.ROLE_CHECK_BOX, pyatspi.ROLE_RADIO_BUTTON, pyatspi.ROLE_PAGE_TAB}
if hasattr(pyatspi, "ROLE_MENU_BUTTON"):
    ROLES.add(pyatspi.ROLE_MENU_BUTTON)
# Section: a name that shows the section's page is built and filled.
SECTIONS = {
    "Overview": "Export Table",
    "Absence": "Add Employee…",
    "Follow-up": "Personal Data",
    "Workshops": "New Workshop",
    "Measures": "Add Measure",
    "Compare": "Series",
    "Municipality": "Sector",
}
SETTLE = 1.0  # seconds for a shown section to lay out its lists
MAX_ROWS = 12  # children walked per node: the rows of a long list are alike


def bad_names(nodes, where):
    bad = []
    for n in nodes:
        if n.role not in ROLES:
            continue
        name = n.name.strip()
        # A mnemonic underscore read out («S_taff», «_Save Save») counts too.
        if not name or name.startswith(("Gtk", "Adw")) or re.search(r"_\w", name):
            bad.append(f"{where}: {role_name(n.role)} {n.name!r} in {n.where()}")
    return bad


def top_window(app, role, name, timeout=10):
    """A window of the app (a dialog is a child of the application), asked
    over D-Bus."""
    end = deadline(timeout)
    while True:
        shown = windows(app)
        for w in shown:
            if w.name == name and (role is None or w.role == role):
                return w
        if time.time() > end:
            break
        time.sleep(0.2)
    shown = [f"{role_name(w.role)} {w.name!r}" for w in shown]
    raise AssertionError(f"no {role_name(role) if role else 'window'} {name!r}; windows: {shown}")


def find(nodes, role, name):
    """The first node of @role whose name is @name (or passes @name)."""
    for n in nodes:
        if n.role == role and (name(n.name) if callable(name) else n.name == name):
            return n
    return None


def find_all(nodes, role, name):
    return [n for n in nodes if n.role == role and n.name == name]


def walk(root, where, bad, landmark=None, timeout=30):
    """One walk of @root; with @landmark (a name or a tuple of names),
    walked again until it is there (a slow machine lays the page out late)."""
    end = deadline(timeout)
    nodes = snapshot(root, max_children=MAX_ROWS)
    names = (landmark,) if isinstance(landmark, str) else landmark
    while names and not any(n.name in names for n in nodes):
        assert time.time() < end, f"{where}: «{landmark}» never appeared"
        time.sleep(SETTLE)
        nodes = snapshot(root, max_children=MAX_ROWS)
    bad += bad_names(nodes, where)
    return nodes


def show(tabs):
    """Selects a section by its tab and waits until it is shown. The window
    has three switchers (wide and narrow header, bottom bar): only the one
    shown answers, the wide header's (horizontal) at this size."""
    tabs = sorted(tabs, key=lambda t: not has_state(t, pyatspi.STATE_HORIZONTAL))
    end = deadline(30)
    while time.time() < end:
        for tab in tabs:
            act(tab)
            wait = deadline(3)
            while time.time() < wait:
                if has_state(refresh_states(tab), pyatspi.STATE_SELECTED):
                    time.sleep(SETTLE)
                    return
                time.sleep(0.1)
    raise AssertionError(f"{tabs[0].name} did not show")


def check_dialog(app, title, openers, bad, close="Cancel", extra=None):
    """Opens a dialog with the first of @openers (Nodes named alike: one of
    them shown) that opens it, checks its role and names, closes it."""
    if not isinstance(openers, list):
        openers = [openers]
    assert openers and openers[0] is not None, f"nothing opens «{title}»"
    # A hidden twin of the button, or one not laid out yet, does nothing:
    # each is pressed in turn until the dialog shows (a loaded machine is
    # slow to lay out a page; a second copy of the dialog is closed below).
    end = deadline(60)
    dialog = None
    while dialog is None:
        for opener in openers:
            act(opener)
            try:
                dialog = top_window(app, None, title, timeout=5)
                break
            except AssertionError:
                if time.time() > end:
                    raise
    assert dialog.role == pyatspi.ROLE_DIALOG, \
        f"the «{title}» window has the role {role_name(dialog.role)!r}, not dialog"
    nodes = walk(dialog, f"dialog «{title}»", bad, landmark=(close, f"_{close}"))
    if extra:
        extra(nodes)
    # Closed; should a slow opener have opened it twice, each copy.
    end = deadline(40)
    while True:
        shown = [w for w in windows(app) if w.name == title]
        if not shown:
            break
        assert time.time() < end, f"«{title}» did not close"
        button = find(snapshot(shown[0]), pyatspi.ROLE_PUSH_BUTTON,
                      lambda n: n in (close, f"_{close}"))
        assert button, f"no «{close}» in «{title}»"
        act(button)
        wait = deadline(10)
        while time.time() < wait and any(w.path == shown[0].path for w in windows(app)):
            time.sleep(0.2)


def two_dates(nodes):
    # (A menu button and the toggle inside it carry the same name.)
    dates = sorted({n.name for n in nodes if n.role in ROLES and "calendar" in n.name})
    assert len(dates) >= 2 and all("“" in d for d in dates), \
        f"the date buttons are read as {dates}"


def prepare(app):
    app.cli("demo")
    # A workshop in each unit, whichever the window opens with.
    for unit in ("Hjemmetjenesten Nordre", "Kløverenga barnehage", "Solbakken sykehjem",
                 "Tusenfryd barnehage"):
        app.cli("workshop", "add", "--unit", unit, "--date", "2026-03-25",
                "--title", "Dialogsamling våren")


def main():
    started = time.time()
    app = App(prepare=prepare, env={"LANGUAGE": "", "LC_ALL": "C.UTF-8"},
              atspi=False)
    bad = []
    try:
        frame = top_window(app, pyatspi.ROLE_FRAME, "Nærvær", timeout=30)
        end = deadline(60)
        while True:
            # The window as it opens: header, tabs and the first section; the
            # other sections are built when first shown.
            window = snapshot(frame, state_roles={pyatspi.ROLE_PAGE_TAB}, max_children=MAX_ROWS)
            tabs = {}
            for n in window:
                if n.role == pyatspi.ROLE_PAGE_TAB:
                    tabs.setdefault(n.name.split(",")[0], []).append(n)
            # Follow-up's badge comes once its worker has looked at the cases.
            ready = set(SECTIONS) <= set(tabs) and all(
                "," in t.name for t in tabs["Follow-up"])
            if ready or time.time() > end:
                break
            time.sleep(SETTLE)
        assert set(SECTIONS) <= set(tabs), f"tabs: {sorted(tabs)}"
        bad += bad_names(window, "window")
        badges = sorted({t.name for t in tabs["Follow-up"]})
        assert all(re.fullmatch(r"Follow-up, [1-9]\d* overdue", b) for b in badges), \
            f"the Follow-up tabs with their badge are read as {badges}"
        tab = tabs
        slots = {n.name: n for n in window if n.name in SECTIONS and
                 n.role not in (pyatspi.ROLE_PAGE_TAB, pyatspi.ROLE_LABEL)}
        assert set(SECTIONS) <= set(slots), f"section areas found: {sorted(slots)}"
        pages = {}
        for section, landmark in SECTIONS.items():
            if section != "Overview":
                show(tab[section])
            else:
                time.sleep(SETTLE)
            pages[section] = walk(slots[section], section, bad, landmark)

        # Dialogs: the role, the names inside, and the date buttons.
        show(tab["Absence"])
        adds = [n for n in pages["Absence"] if n.role == pyatspi.ROLE_PUSH_BUTTON and
                n.name == "Add Employee…"]
        assert adds, "no «Add Employee…» button"
        check_dialog(app, "Add Employee", adds[0], bad)
        act(find(pages["Absence"], pyatspi.ROLE_PAGE_TAB, "Sick Leave"))
        time.sleep(SETTLE)
        spells = [n for n in pages["Absence"] if n.role == pyatspi.ROLE_PUSH_BUTTON and
                  n.name == "Add Sick Leave…" and "No Sick Leave" not in n.where()]
        assert spells, "no «Add Sick Leave…» button"
        check_dialog(app, "Add Sick Leave", spells[0], bad, extra=two_dates)
        show(tab["Measures"])
        check_dialog(app, "New Measure", find_all(pages["Measures"], pyatspi.ROLE_PUSH_BUTTON,
                                                  "Add Measure"), bad, extra=two_dates)
        show(tab["Workshops"])
        check_dialog(app, "New Workshop", find_all(pages["Workshops"], pyatspi.ROLE_PUSH_BUTTON,
                                                   "New Workshop"), bad)
        # A workshop row opens by its button, as a screen reader presses it.
        row = find(pages["Workshops"], pyatspi.ROLE_PUSH_BUTTON, lambda n: n.startswith("Open “"))
        assert row, "no workshop row to open"
        act(row)
        time.sleep(SETTLE)
        walk(slots["Workshops"], "a workshop", bad, landmark="Run")
        show(tab["Compare"])
        check_dialog(app, "Benchmarks",
                     find(pages["Compare"], pyatspi.ROLE_PUSH_BUTTON, "Benchmarks…"), bad,
                     close="Close")

        bad = sorted(set(bad))
        assert not bad, "controls a screen reader cannot name:\n" + "\n".join(bad)
        print(f"ok: {len(SECTIONS)} sections, 5 dialogs and a workshop named "
              f"({time.time() - started:.1f} s)")
    finally:
        app.close()


if __name__ == "__main__":
    main()
