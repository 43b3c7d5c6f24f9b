"""Drive Nærvær over AT-SPI as a screen-reader user would.

Start the app on a temporary database, find widgets by role and accessible
name, press buttons, type text. Used by the atspi_*.py tests.
"""
import os
import shutil
import subprocess
import tempfile
import time

import pyatspi  # noqa: E402
from gi.repository import GLib  # noqa: E402

APP = os.environ.get("NAERVAER_APP", "naervaer")
CLI = os.environ.get("NAERVAER_CLI", "naervaer-cli")
# A sanitized build answers several times slower; the asan test setup sets
# NV_TEST_TIME_SCALE so that every wait stretches with it.
TIME_SCALE = float(os.environ.get("NV_TEST_TIME_SCALE", "1"))


def do_action(action, index):
    """Runs action @index. GTK answers an AT-SPI action only after its handler
    returns; a handler that builds a window can outlast the D-Bus reply timeout
    under ASan. The action was delivered then, so that one error is not a
    failure: the caller waits for what the action shows."""
    try:
        action.doAction(index)
    except GLib.Error as e:
        if "Did not receive a reply" not in str(e):
            raise


def deadline(seconds):
    """time.time() at which a wait of `seconds` (scaled) gives up."""
    return time.time() + seconds * TIME_SCALE


def same_name(actual, wanted):
    """GTK 4.8 names a button with a mnemonic label "_Save Save"; accept both."""
    if callable(wanted):
        return wanted(actual)
    if actual == wanted:
        return True
    plain = wanted.replace("_", "")
    return actual in (plain, f"{wanted} {plain}", f"_{plain} {plain}")


class App:
    def __init__(self, prepare=None, env=None):
        self.dir = tempfile.mkdtemp(prefix="naervaer-atspi-")
        self.db = os.path.join(self.dir, "naervaer.db")
        if prepare:
            prepare(self)
        e = dict(os.environ)
        e["GTK_A11Y"] = "atspi"
        e.pop("NO_AT_BRIDGE", None)
        if env:
            e.update(env)
        self.log = open(os.path.join(self.dir, "app.log"), "w+")
        self.proc = subprocess.Popen([APP, "--database", self.db], env=e,
                                     stdout=self.log, stderr=subprocess.STDOUT)
        self.app = self._find_app()

    def cli(self, *args):
        subprocess.run([CLI, "--database", self.db] + list(args), check=True,
                       capture_output=True, text=True)

    def _find_app(self, timeout=20):
        end = deadline(timeout)
        while time.time() < end:
            if self.proc.poll() is not None:
                self.log.seek(0)
                raise RuntimeError(f"app exited with {self.proc.returncode}:\n{self.log.read()}")
            desktop = pyatspi.Registry.getDesktop(0)
            for i in range(desktop.childCount):
                a = desktop.getChildAtIndex(i)
                try:
                    if a is not None and a.name in ("naervaer", "Nærvær") and \
                            a.get_process_id() == self.proc.pid:
                        if a.childCount > 0:
                            return a
                except Exception:
                    pass
            time.sleep(0.2)
        raise RuntimeError("Nærvær did not appear on the accessibility bus")

    def close(self):
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
        shutil.rmtree(self.dir, ignore_errors=True)

    # --- finding -----------------------------------------------------------
    def find_all(self, role=None, name=None, root=None, showing=True):
        """GTK 4.8 reports no SHOWING state; `showing` checks VISIBLE instead."""
        found = []

        def walk(node, depth=0):
            if node is None or depth > 60:
                return
            try:
                ok = (role is None or node.getRole() == role) and \
                     (name is None or same_name(node.name, name))
                if ok and showing:
                    ok = node.getState().contains(pyatspi.STATE_VISIBLE)
                if ok:
                    found.append(node)
                for i in range(node.childCount):
                    walk(node.getChildAtIndex(i), depth + 1)
            except Exception:
                pass

        walk(root or self.app)
        return found

    def wait_for(self, role=None, name=None, root=None, timeout=10, showing=True):
        end = deadline(timeout)
        while time.time() < end:
            found = self.find_all(role, name, root, showing)
            if found:
                return found[0]
            time.sleep(0.3)
        raise AssertionError(f"nothing with role {role} and name {name!r} appeared")

    def wait_gone(self, role=None, name=None, root=None, timeout=10):
        end = deadline(timeout)
        while time.time() < end:
            if not self.find_all(role, name, root):
                return
            time.sleep(0.3)
        raise AssertionError(f"{name!r} is still shown")

    # --- acting ------------------------------------------------------------
    def click(self, role, name, root=None):
        node = self.wait_for(role, name, root)
        action = node.queryAction()
        for i in range(action.nActions):
            if action.getName(i) in ("click", "press", "activate", "toggle"):
                do_action(action, i)
                break
        else:
            do_action(action, 0)
        time.sleep(0.5)
        return node

    def type_into(self, node, text):
        node.queryEditableText().setTextContents(text)
        time.sleep(0.4)

    def text_of(self, node):
        t = node.queryText()
        return t.getText(0, t.characterCount)
