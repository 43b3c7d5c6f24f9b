"""A facilitator runs a small dialogue workshop through the UI, as a screen
reader or a keyboard user would: plans it, ticks steps, captures two ideas,
votes, agrees one measure, opens projection mode and leaves it with Esc.
What was stored is then checked with naervaer-cli."""
import json
import os
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(__file__))
import pyatspi  # noqa: E402
from atspi_util import App, CLI  # noqa: E402


def starts(prefix):
    return lambda actual: actual is not None and actual.startswith(prefix)


def prepare(app):
    app.cli("unit", "add", "Avdeling 3A", "--sector", "helse-omsorg")


def show(app):
    r = subprocess.run([CLI, "--database", app.db, "workshop", "list", "--unit", "Avdeling 3A",
                        "--format", "json"], check=True, capture_output=True, text=True)
    rows = json.loads(r.stdout)
    assert len(rows) == 1, rows
    r = subprocess.run([CLI, "--database", app.db, "workshop", "show", str(rows[0]["id"]),
                        "--format", "json"], check=True, capture_output=True, text=True)
    return json.loads(r.stdout)


def mouse_click(app, role, name):
    """GTK 4.8 gives check buttons no AT-SPI action: click them with the
    pointer, at the middle of where the check box is drawn."""
    node = app.wait_for(role, name)
    ext = node.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
    pyatspi.Registry.generateMouseEvent(ext.x + ext.width // 2, ext.y + ext.height // 2,
                                        pyatspi.MOUSE_B1C)
    time.sleep(0.6)
    return node


def frames(app):
    names = []
    for i in range(app.app.childCount):
        child = app.app.getChildAtIndex(i)
        if child is not None:
            names.append(child.name)
    return names


def main():
    app = App(prepare=prepare)
    try:
        app.click(pyatspi.ROLE_PAGE_TAB, "Workshops")
        app.click(pyatspi.ROLE_PUSH_BUTTON, "New Workshop")
        dialog = app.wait_for(pyatspi.ROLE_FILLER, "New Workshop")  # AdwMessageDialog
        date = app.wait_for(pyatspi.ROLE_TEXT, "Date", root=dialog)
        app.type_into(date, "25.03.2025")
        app.type_into(app.wait_for(pyatspi.ROLE_TEXT, "Title (optional)", root=dialog),
                      "Dialogsamling våren 2025")
        app.click(pyatspi.ROLE_PUSH_BUTTON, "Create", root=dialog)

        # The guided view opens on Prepare: tick two steps.
        app.wait_for(pyatspi.ROLE_LABEL, "Dialogsamling våren 2025")
        for step in ("Agree the plan with your own manager", starts("Invite the union rep")):
            box = mouse_click(app, pyatspi.ROLE_CHECK_BOX, step)
            end = time.time() + 5
            while time.time() < end and not box.getState().contains(pyatspi.STATE_CHECKED):
                time.sleep(0.2)
            assert box.getState().contains(pyatspi.STATE_CHECKED), f"{box.name} not ticked"

        # Run: two ideas, votes, one measure.
        app.click(pyatspi.ROLE_PAGE_TAB, "Run")
        for idea in ("Fadder for nyansatte", "Fast samtale etter tredje fravær"):
            app.type_into(app.wait_for(pyatspi.ROLE_TEXT, "New idea"), idea)
            app.click(pyatspi.ROLE_PUSH_BUTTON, "Add Idea")
        app.wait_for(pyatspi.ROLE_PUSH_BUTTON, starts("Vote for “Fast samtale"))
        app.click(pyatspi.ROLE_PUSH_BUTTON, starts("Vote for “Fast samtale"))
        app.click(pyatspi.ROLE_PUSH_BUTTON, starts("Vote for “Fast samtale"))
        app.click(pyatspi.ROLE_PUSH_BUTTON, starts("Vote for “Fadder"))
        app.type_into(app.wait_for(pyatspi.ROLE_TEXT, "What"), "Fast samtale etter tredje fravær")
        app.type_into(app.wait_for(pyatspi.ROLE_TEXT, "Who"), "Enhetsleder")
        app.type_into(app.wait_for(pyatspi.ROLE_TEXT, "By when (DD.MM.YYYY)"), "01.06.2025")
        app.click(pyatspi.ROLE_PUSH_BUTTON, "Agree on Measure")
        app.wait_for(None, "Fast samtale etter tredje fravær")

        # Projection mode opens with its presenter view, and Esc leaves it.
        app.click(pyatspi.ROLE_PUSH_BUTTON, "Present")
        end = time.time() + 10
        while time.time() < end and not any(n.endswith("— Projection") for n in frames(app)):
            time.sleep(0.3)
        assert any(n.endswith("— Projection") for n in frames(app)), frames(app)
        assert any(n.startswith("Presenter View") for n in frames(app)), frames(app)
        time.sleep(1.0)
        pyatspi.Registry.generateKeyboardEvent(0xff1b, None, pyatspi.KEY_SYM)  # Escape
        end = time.time() + 10
        while time.time() < end and any(n.endswith("— Projection") for n in frames(app)):
            time.sleep(0.3)
        assert not any(n.endswith("— Projection") or n.startswith("Presenter View")
                       for n in frames(app)), frames(app)

        data = show(app)
        assert data["date"] == "2025-03-25", data["date"]
        ticked = [s["id"] for s in data["steps"] if s["ticked"]]
        assert ticked == ["anchor", "invite"], ticked
        ideas = [(i["text"], i["votes"]) for i in data["ideas"]]
        assert ideas == [("Fast samtale etter tredje fravær", 2), ("Fadder for nyansatte", 1)], ideas
        measures = [(m["what"], m["who"], m["deadline"]) for m in data["measures"]]
        assert measures == [("Fast samtale etter tredje fravær", "Enhetsleder", "2025-06-01")], \
            measures
        print("ok: planned a workshop, ticked steps, captured and voted on ideas, agreed a "
              "measure, opened and left projection mode")
    finally:
        app.close()


if __name__ == "__main__":
    main()
