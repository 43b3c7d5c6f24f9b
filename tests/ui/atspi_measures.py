"""A leader adds an overdue measure through the UI, starts it, marks it done, and
sees it leave the «Overdue» filter."""
import os
import sys
import time

sys.path.insert(0, os.path.dirname(__file__))
import pyatspi  # noqa: E402
from atspi_util import App, wait_state  # noqa: E402


def prepare(app):
    app.cli("unit", "add", "Avdeling 2B", "--sector", "helse-omsorg")


def starts(prefix):
    return lambda name: bool(name) and name.startswith(prefix)


def measures_list_page(app):
    """The list part of the Measures page, so later look-ups do not walk the
    whole window (every walk is a round of D-Bus calls)."""
    node = app.wait_for(None, "Search measures")
    for _ in range(15):
        node = node.parent
        if node is None:
            break
        if app.find_all(pyatspi.ROLE_LIST, "Measures", root=node, showing=False):
            return node
    raise AssertionError("the Measures list is not next to its search entry")


def main():
    app = App(prepare=prepare)
    try:
        app.click(pyatspi.ROLE_PAGE_TAB, "Measures")
        app.wait_for(None, "No Measures Yet")
        app.click(pyatspi.ROLE_PUSH_BUTTON, "Add Measure")

        dialog = app.wait_for(None, "New Measure")
        add = app.wait_for(pyatspi.ROLE_PUSH_BUTTON, "Add", root=dialog)
        assert not add.getState().contains(pyatspi.STATE_SENSITIVE), \
            "Add must be disabled while the title is empty"
        texts = app.find_all(pyatspi.ROLE_TEXT, None, root=dialog)
        assert len(texts) >= 4, f"expected title, owner, start and deadline, got {len(texts)}"
        title, owner, start, deadline = texts[:4]
        app.type_into(title, "Kaffeprat hver fredag")
        app.type_into(owner, "Avdelingsleder")
        app.type_into(start, "01.12.2024")
        app.type_into(deadline, "31.01.2025")
        wait_state(add, pyatspi.STATE_SENSITIVE, what="Add must be enabled once the form is valid")
        app.click(pyatspi.ROLE_PUSH_BUTTON, "Add", root=dialog)
        time.sleep(0.5)

        # the deadline has passed: the row says so in words, and the filter counts it
        page = measures_list_page(app)
        app.wait_for(pyatspi.ROLE_LABEL, starts("Overdue · "), root=page)
        # GTK 4.8 reports a toggle button as a push button
        app.click(pyatspi.ROLE_PUSH_BUTTON, "Overdue (1)", root=page)
        app.wait_for(pyatspi.ROLE_LABEL, "Kaffeprat hver fredag", root=page)

        app.click(pyatspi.ROLE_PUSH_BUTTON, "Start", root=page)
        app.wait_for(pyatspi.ROLE_PUSH_BUTTON, "Mark Done", root=page)
        # in progress and still past the deadline: still in the filtered list
        app.wait_for(pyatspi.ROLE_LABEL, "Kaffeprat hver fredag", root=page)
        app.click(pyatspi.ROLE_PUSH_BUTTON, "Mark Done", root=page)

        # done is never overdue: it leaves the filtered list
        app.wait_for(None, "No Matching Measures", root=page)
        app.wait_gone(pyatspi.ROLE_LABEL, "Kaffeprat hver fredag", root=page)
        app.wait_for(pyatspi.ROLE_PUSH_BUTTON, "Overdue", root=page)
        print("ok: added an overdue measure, moved it to done, and it left the overdue filter")
    finally:
        app.close()


if __name__ == "__main__":
    main()
