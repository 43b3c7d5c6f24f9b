"""A unit leader marks an overdue follow-up step as done and sees it leave the
overdue list.

The database is prepared with naervaer-cli: a unit, a roster and a legemeldt
spell that began 40 days ago and is still open, so the end of the employer
period (day 15) and the follow-up plan (day 28) are overdue.
"""
import datetime
import os
import sys
import time

sys.path.insert(0, os.path.dirname(__file__))
import pyatspi  # noqa: E402
from atspi_util import App, deadline  # noqa: E402

PLAN = "Mark Follow-up plan for AB as done"
PERIOD = "Mark End of the employer period for AB as done"


def prepare(app):
    start = datetime.date.today() - datetime.timedelta(days=40)
    roster = os.path.join(app.dir, "roster.csv")
    spells = os.path.join(app.dir, "spells.csv")
    with open(roster, "w", encoding="utf-8") as f:
        f.write("ansatt;stillingsprosent;fra;til\nAB;100;2020-01-01;\nCD;80;2020-01-01;\n")
    with open(spells, "w", encoding="utf-8") as f:
        f.write("ansatt;fra;til;grad;type\n")
        f.write(f"AB;{start.isoformat()};;100;legemeldt\n")
    app.cli("unit", "add", "Avdeling 2B", "--sector", "helse-omsorg")
    app.cli("import", "roster", "--unit", "Avdeling 2B", roster)
    app.cli("import", "spells", "--unit", "Avdeling 2B", spells)


def buttons_in(app, root):
    return [n.name for n in app.find_all(pyatspi.ROLE_PUSH_BUTTON, None, root=root)]


def named(wanted):
    """GTK 4.8 appends the button's own label to its accessible label."""
    return lambda actual: actual == wanted or actual.startswith(wanted + " ")


def offers(names, wanted):
    return any(named(wanted)(n) for n in names)


def main():
    app = App(prepare=prepare)
    try:
        # Open the Follow-up section as a keyboard or screen-reader user would.
        # The tab says its badge too («Follow-up, 2 overdue»).
        section = app.wait_for(pyatspi.ROLE_PAGE_TAB, lambda n: n.startswith("Follow-up"))
        section.queryAction().doAction(0)
        time.sleep(1)

        overdue = app.wait_for(pyatspi.ROLE_LIST, "Overdue")
        names = buttons_in(app, overdue)
        assert offers(names, PLAN) and offers(names, PERIOD), f"overdue list offers {names}"

        app.click(pyatspi.ROLE_PUSH_BUTTON, named(PLAN), root=overdue)
        dialog = app.wait_for(None, "Mark “Follow-up plan” as Done?")
        note = app.wait_for(pyatspi.ROLE_TEXT, "Note (optional)", root=dialog)
        app.type_into(note, "Plan laget sammen og sendt fastlegen")
        app.click(pyatspi.ROLE_PUSH_BUTTON, "_Mark as Done", root=dialog)
        time.sleep(1)

        # The follow-up plan has left the overdue list; the employer period stays.
        end = deadline(10)
        while time.time() < end:
            overdue = app.wait_for(pyatspi.ROLE_LIST, "Overdue")
            names = buttons_in(app, overdue)
            if not offers(names, PLAN):
                break
            time.sleep(0.3)
        assert not offers(names, PLAN), f"still overdue: {names}"
        assert offers(names, PERIOD), f"the other overdue step vanished too: {names}"

        # AB's case card counts the step as done (its «All Steps» rows, with
        # the Undo button, are made when unfolded: test-followup-page checks them).
        app.wait_for(pyatspi.ROLE_LIST,
                     lambda n: n.startswith("AB, sick-listed since") and ", 1 done" in n)
        print("ok: marked the overdue follow-up plan as done; it left the overdue list")
    finally:
        app.close()


if __name__ == "__main__":
    main()
