"""Backups from the GUI (issue 18 item 13): the daily automatic backup at
start (0600 in a 0700 folder), restoring one from Preferences › Backups with
confirmation (the database as it was kept as a copy), a backup to a file the
user names, and the «Back Up First…» button in the delete-unit dialog."""
import glob
import os
import sqlite3
import stat
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(__file__))
import pyatspi  # noqa: E402
from atspi_util import App, deadline, do_action, same_name  # noqa: E402


def prepare(app):
    app.cli("unit", "add", "Solsikken", "--sector", "barnehage")


def top_window(app, name, timeout=10):
    end = deadline(timeout)
    while time.time() < end:
        for i in range(app.app.childCount):
            child = app.app.getChildAtIndex(i)
            if child is not None and same_name(child.name, name):
                return child
        time.sleep(0.3)
    raise AssertionError(f"no window {name!r}")


def mode(path):
    return stat.S_IMODE(os.stat(path).st_mode)


def units(path):
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return sorted(r[0] for r in con.execute("SELECT name FROM unit"))
    finally:
        con.close()


def wait_file(pattern, timeout=15):
    end = deadline(timeout)
    while time.time() < end:
        found = glob.glob(pattern)
        if found:
            time.sleep(0.3)
            return found
        time.sleep(0.2)
    raise AssertionError(f"no file {pattern}")


def open_menu_item(app, label, menu="Main Menu"):
    # The menu button's inner toggle carries the action. Wait for it: after a
    # window closes, a loaded machine may take a while to update the tree.
    end = deadline(10)
    while True:
        found = [n for n in app.find_all(pyatspi.ROLE_PUSH_BUTTON, menu)
                 if n.queryAction().nActions > 0]
        if found or time.time() >= end:
            break
        time.sleep(0.3)
    assert found, f"no menu button {menu!r}"
    button = found[0]
    do_action(button.queryAction(), 0)
    time.sleep(0.8)
    item = app.wait_for(pyatspi.ROLE_MENU_ITEM, lambda n: same_name(n, label))
    action = item.queryAction()
    do_action(action, 0)
    time.sleep(0.8)


def save_as(app, path):
    chooser = top_window(app, "Save a Backup")
    name = app.wait_for(pyatspi.ROLE_TEXT, "Name:", root=chooser)
    app.type_into(name, path)
    app.click(pyatspi.ROLE_PUSH_BUTTON, lambda n: same_name(n, "_Save"), root=chooser)


def unnamed_controls(app, root):
    bad = []
    for role in (pyatspi.ROLE_PUSH_BUTTON, pyatspi.ROLE_TOGGLE_BUTTON, pyatspi.ROLE_SPIN_BUTTON,
                 pyatspi.ROLE_SWITCH if hasattr(pyatspi, "ROLE_SWITCH") else pyatspi.ROLE_TOGGLE_BUTTON):
        for n in app.find_all(role, None, root=root):
            if not n.name or n.name.startswith("Gtk"):
                bad.append((n.getRoleName(), n.name))
    return bad


def main():
    app = App(prepare=prepare)
    try:
        backups = os.path.join(app.dir, "backups")
        daily = wait_file(os.path.join(backups, "naervaer-*-daily.db"))
        assert len(daily) == 1, daily
        assert mode(backups) == 0o700, oct(mode(backups))
        assert mode(daily[0]) == 0o600, oct(mode(daily[0]))
        assert units(daily[0]) == ["Solsikken"], units(daily[0])

        # Added after the backup: the restore takes it away again.
        app.cli("unit", "add", "Blåbær", "--sector", "barnehage")
        assert units(app.db) == ["Blåbær", "Solsikken"]

        # Not a database, named as an automatic backup: its restore is refused.
        bogus = os.path.join(backups, "naervaer-20200101-120000-daily.db")
        with open(bogus, "w") as f:
            f.write("not a database\n")
        os.chmod(bogus, 0o600)

        open_menu_item(app, "_Backups…")
        prefs = top_window(app, "Preferences")
        bad = unnamed_controls(app, prefs)
        assert not bad, f"controls without a name: {bad}"
        for wanted in ("_Back Up…", "_Choose File…"):
            app.wait_for(pyatspi.ROLE_PUSH_BUTTON, wanted, root=prefs)
        app.click(pyatspi.ROLE_PUSH_BUTTON, lambda n: n.startswith("Restore the backup of "),
                  root=prefs)
        dialog = app.wait_for(None, "Restore the Backup?")
        app.click(pyatspi.ROLE_PUSH_BUTTON, lambda n: same_name(n, "_Restore"), root=dialog)
        kept = wait_file(app.db + ".before-restore-*")
        assert mode(kept[0]) == 0o600, oct(mode(kept[0]))
        assert units(kept[0]) == ["Blåbær", "Solsikken"], units(kept[0])
        end = deadline(10)
        while units(app.db) != ["Solsikken"] and time.time() < end:
            time.sleep(0.3)
        assert units(app.db) == ["Solsikken"], units(app.db)
        if os.environ.get("NV_SCREENSHOT"):
            subprocess.run(["import", "-window", "root", os.environ["NV_SCREENSHOT"]], check=True)

        # A backup to a file the user names.
        mine = os.path.join(app.dir, "mine.db")
        app.click(pyatspi.ROLE_PUSH_BUTTON, lambda n: same_name(n, "_Back Up…"), root=prefs)
        save_as(app, mine)
        wait_file(mine)
        assert mode(mine) == 0o600, oct(mode(mine))
        assert units(mine) == ["Solsikken"], units(mine)
        # Still open after the backup (looked up again: the accessible
        # proxy may be renewed while the file chooser is modal over it).
        prefs = top_window(app, "Preferences")

        # A refused restore: a dialog headed by what failed, its body saying
        # why and what to do (not one sentence without a heading).
        app.click(pyatspi.ROLE_PUSH_BUTTON,
                  lambda n: n.startswith("Restore the backup of ") and "2020" in n, root=prefs)
        dialog = app.wait_for(None, "Nothing Was Restored")
        texts = []
        for n in app.find_all(pyatspi.ROLE_LABEL, None, root=dialog):
            try:
                texts.append(app.text_of(n))
            except Exception:
                pass
        assert "Nothing Was Restored" in texts, texts
        body = [t for t in texts if "Choose another backup file" in t]
        assert body and not body[0].startswith("Nothing"), texts
        app.click(pyatspi.ROLE_PUSH_BUTTON, lambda n: same_name(n, "_Close"), root=dialog)
        app.wait_gone(None, "Nothing Was Restored")
        assert units(app.db) == ["Solsikken"], units(app.db)
        prefs = top_window(app, "Preferences")
        app.click(pyatspi.ROLE_PUSH_BUTTON, "Close", root=prefs)
        time.sleep(0.5)

        # The delete-unit dialog offers the backup it recommends.
        open_menu_item(app, "_Delete Unit…")
        dialog = app.wait_for(None, lambda n: n.startswith("Delete “"))
        app.click(pyatspi.ROLE_PUSH_BUTTON, "Back Up First…", root=dialog)
        first = os.path.join(app.dir, "before-delete.db")
        save_as(app, first)
        wait_file(first)
        assert units(first) == ["Solsikken"]
        dialog = app.wait_for(None, lambda n: n.startswith("Delete “"))
        texts = []
        for n in app.find_all(pyatspi.ROLE_LABEL, None, root=dialog):
            try:
                texts.append(app.text_of(n))
            except Exception:
                pass
        assert any("before-delete.db" in t for t in texts), texts
        app.click(pyatspi.ROLE_PUSH_BUTTON, "Cancel", root=dialog)
        assert units(app.db) == ["Solsikken"]
        print("ok: daily backup, restore with a kept copy, backup to a file, backup before delete")
    finally:
        app.close()


if __name__ == "__main__":
    main()
