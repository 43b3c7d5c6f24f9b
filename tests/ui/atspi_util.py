"""Drive Nærvær over AT-SPI as a screen-reader user would.

Start the app on a temporary database, find widgets by role and accessible
name, press buttons, type text. Used by the atspi_*.py tests.
"""
import os
import sys
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


def wait_until(check, what, timeout=30, step=0.2):
    """Polls @check() until it returns something true (returned), for
    @timeout seconds (scaled); then fails saying @what (a string, or a
    function returning one, for what was seen)."""
    end = deadline(timeout)
    while True:
        try:
            found = check()
        except Exception:
            found = None
        if found:
            return found
        if time.time() > end:
            raise AssertionError(what() if callable(what) else what)
        time.sleep(step)


def wait_state(node, state, present=True, what=None, timeout=30):
    """Waits until @node (a pyatspi node) is (or with @present false, is
    not) in @state: the app updates it as the text typed is checked, and
    libatspi learns of it from a signal that may come a moment later."""
    wait_until(lambda: node.getState().contains(state) == present,
               what or f"{node.name!r}: state {state} is not {'set' if present else 'unset'}",
               timeout)


class App:
    """The app on a temporary database. With @atspi false the test asks the
    app over D-Bus only (snapshot(), windows(), act()): libatspi in the test
    process is never used, so its cache cannot lose the application (after a
    dialog opens it sometimes did, while the app lived on)."""
    def __init__(self, prepare=None, env=None, atspi=True):
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
        if atspi:
            self.app = self._find_app()
            self.bus_name = self.app.app.bus_name
        else:
            self.app = None
            self.bus_name = find_app_bus(self.proc, self.log)

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

    def root(self):
        """The application object, as a Node for snapshot() and windows()."""
        return Node(self.bus_name, ROOT_PATH, None)

    def close(self):
        if self.proc.poll() is not None:
            # The app ended on its own (a crash): say how, with what it printed.
            self.log.seek(0)
            print(f"app exited with {self.proc.returncode}:\n{self.log.read()}", file=sys.stderr)
        elif self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
        if not os.environ.get("NV_KEEP"):
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


# --- one quick walk ----------------------------------------------------------
# pyatspi asks the app one question at a time (~2 ms each, 4–5 per node): a
# walk of a section took seconds. snapshot() asks over D-Bus directly, for a
# whole level of the tree at once, so a walk costs about one round trip per
# level.
_A11Y_BUS = None
IFACE = "org.a11y.atspi.Accessible"
ROOT_PATH = "/org/a11y/atspi/accessible/root"


def reply_ms(ms=25000):
    """A D-Bus reply timeout of @ms, stretched like every wait. The app
    answers from its main thread: while it lays out a big page on a loaded
    machine (or under ASan) an answer can take many seconds."""
    return int(ms * TIME_SCALE)


def _a11y_bus():
    global _A11Y_BUS
    if _A11Y_BUS is None:
        from gi.repository import Gio
        # As libatspi and GTK do: an address given in the environment first
        # (asking this session would start a second bus for the display).
        address = os.environ.get("AT_SPI_BUS_ADDRESS")
        if not address:
            session = Gio.bus_get_sync(Gio.BusType.SESSION, None)
            reply = session.call_sync("org.a11y.Bus", "/org/a11y/bus", "org.a11y.Bus",
                                      "GetAddress", None, GLib.VariantType("(s)"),
                                      Gio.DBusCallFlags.NONE, reply_ms(), None)
            address = reply.unpack()[0]
        _A11Y_BUS = Gio.DBusConnection.new_for_address_sync(
            address,
            Gio.DBusConnectionFlags.AUTHENTICATION_CLIENT |
            Gio.DBusConnectionFlags.MESSAGE_BUS_CONNECTION, None, None)
    return _A11Y_BUS


class Node:
    """What snapshot() learnt of one accessible."""
    __slots__ = ("bus", "path", "role", "name", "description", "parent", "states")

    def __init__(self, bus, path, parent):
        self.bus, self.path, self.parent = bus, path, parent
        self.role, self.name, self.description, self.states = None, "", "", ()

    def where(self, depth=5):
        """The named ancestors, nearest first: enough to find the widget."""
        parts, p = [], self.parent
        while p is not None and len(parts) < depth:
            if p.name and not p.name.startswith(("Gtk", "Adw")):
                parts.append(f"{role_name(p.role)} {p.name!r}")
            p = p.parent
        return " < ".join(parts)


def _ask(bus, questions, timeout):
    """Sends every (node, iface, method, args, reply type, store) at once and
    waits for all answers; store(node, unpacked reply) keeps each."""
    from gi.repository import Gio
    pending = [len(questions)]
    ctx = GLib.MainContext.default()

    def done(conn, res, q):
        pending[0] -= 1
        try:
            q[5](q[0], conn.call_finish(res))
        except GLib.Error:
            pass  # gone while we looked: leave it out

    for q in questions:
        bus.call(q[0].bus, q[0].path, q[1], q[2], q[3], q[4], Gio.DBusCallFlags.NONE,
                 reply_ms(), None, done, q)
    end = deadline(timeout)
    while pending[0] and time.time() < end:
        ctx.iteration(True)
    if pending[0]:
        raise AssertionError(f"the app did not answer {pending[0]} questions")


def _children(reply):
    """(bus name, path) of each child in a GetChildren reply, without unpack()
    (slow in Python for thousands of nodes)."""
    refs = reply.get_child_value(0)
    out = []
    for i in range(refs.n_children()):
        ref = refs.get_child_value(i)
        path = ref.get_child_value(1).get_string()
        if path != "/org/a11y/atspi/null":
            out.append((ref.get_child_value(0).get_string(), path))
    return out


def snapshot(root, state_roles=(), timeout=30, max_children=None):
    """Every accessible under @root (a pyatspi node or a Node): role, name,
    description and parent of each; the states too of those whose role is in
    @state_roles. One breadth-first walk; the questions about a level are all
    sent before the first answer is read. With @max_children, only the first
    so many rows of a list, table or grid are walked (they are alike).
    """
    lists = {pyatspi.ROLE_LIST, pyatspi.ROLE_LIST_BOX, pyatspi.ROLE_TABLE,
             pyatspi.ROLE_TREE_TABLE, pyatspi.ROLE_TREE}
    bus = _a11y_bus()
    top = Node(root.bus, root.path, None) if isinstance(root, Node) else \
        Node(root.app.bus_name, root.path, None)
    name = GLib.Variant("(ss)", (IFACE, "Name"))
    description = GLib.Variant("(ss)", (IFACE, "Description"))
    t_role, t_prop, t_children, t_state = (GLib.VariantType(t) for t in
                                           ("(u)", "(v)", "(a(so))", "(au)"))
    props = "org.freedesktop.DBus.Properties"
    nodes, level = [], [top]
    while level:
        children = {}
        questions = []
        for n in level:
            questions.append((n, IFACE, "GetRole", None, t_role,
                              lambda n, r: setattr(n, "role", r.get_child_value(0).get_uint32())))
            questions.append((n, props, "Get", name, t_prop, lambda n, r: setattr(
                n, "name", r.get_child_value(0).get_variant().get_string())))
            questions.append((n, IFACE, "GetChildren", None, t_children,
                              lambda n, r: children.__setitem__(n, _children(r))))
        _ask(bus, questions, timeout)
        nodes.extend(level)
        level = [Node(b, p, n) for n in level
                 for (b, p) in children.get(n, ())[:max_children if n.role in lists else None]]
    wanted = [n for n in nodes if n.role in state_roles]
    _ask(bus, [(n, IFACE, "GetState", None, t_state,
                lambda n, r: setattr(n, "states", r.unpack()[0])) for n in wanted] +
         [(n, props, "Get", description, t_prop, lambda n, r: setattr(
             n, "description", r.get_child_value(0).get_variant().get_string())) for n in wanted],
         timeout)
    return nodes


def role_name(role):
    from gi.repository import Atspi
    return Atspi.role_get_name(Atspi.Role(role)) if role is not None else "?"


def has_state(node, state):
    """True if @node (a Node) is in @state (a pyatspi.STATE_*)."""
    i = int(state)
    return len(node.states) > i // 32 and bool(node.states[i // 32] & (1 << (i % 32)))


def refresh_states(node):
    """The states of @node (a Node) now."""
    reply = _a11y_bus().call_sync(node.bus, node.path, IFACE, "GetState", None,
                                  GLib.VariantType("(au)"), 0, reply_ms(), None)
    node.states = reply.unpack()[0]
    return node


def act(node, names=("click", "press", "activate", "toggle")):
    """Runs the first of @names among the actions of @node (a Node), as a
    screen reader's «press» does."""
    bus = _a11y_bus()
    reply = bus.call_sync(node.bus, node.path, "org.a11y.atspi.Action", "GetActions", None,
                          GLib.VariantType("(a(sss))"), 0, reply_ms(), None)
    actions = [a[0] for a in reply.unpack()[0]]
    index = next((actions.index(n) for n in names if n in actions), 0)
    try:
        bus.call_sync(node.bus, node.path, "org.a11y.atspi.Action", "DoAction",
                      GLib.Variant("(i)", (index,)), GLib.VariantType("(b)"), 0,
                      reply_ms(25000), None)
    except GLib.Error as e:
        if "Timeout" not in str(e) and "Did not receive a reply" not in str(e):
            raise


def _call(bus_name, path, iface, method, args, reply_type, timeout_ms=25000):
    return _a11y_bus().call_sync(bus_name, path, iface, method, args,
                                 GLib.VariantType(reply_type), 0, reply_ms(timeout_ms), None)


def find_app_bus(proc, log, timeout=20):
    """The a11y bus name of the app run by @proc, found over D-Bus (the
    registry's applications, each asked for its process) once the app shows a
    window."""
    end = deadline(timeout)
    while time.time() < end:
        if proc.poll() is not None:
            log.seek(0)
            raise RuntimeError(f"app exited with {proc.returncode}:\n{log.read()}")
        try:
            apps = _children(_call("org.a11y.atspi.Registry", ROOT_PATH, IFACE, "GetChildren",
                                   None, "(a(so))"))
        except GLib.Error:
            apps = []
        for bus_name, _ in apps:
            try:
                pid = _call("org.freedesktop.DBus", "/org/freedesktop/DBus",
                            "org.freedesktop.DBus", "GetConnectionUnixProcessID",
                            GLib.Variant("(s)", (bus_name,)), "(u)").unpack()[0]
                if pid == proc.pid and _call(bus_name, ROOT_PATH, IFACE, "GetChildren", None,
                                             "(a(so))").get_child_value(0).n_children() > 0:
                    return bus_name
            except GLib.Error:
                pass
        time.sleep(0.2)
    raise RuntimeError("Nærvær did not appear on the accessibility bus")


def windows(app):
    """The app's windows now (children of its application object: a dialog
    is one), as Nodes with role and name; asked over D-Bus."""
    root = app.root()
    found = []
    _ask(_a11y_bus(), [(root, IFACE, "GetChildren", None, GLib.VariantType("(a(so))"),
                        lambda n, r: found.extend(Node(b, p, n) for b, p in _children(r)))],
         30)
    name = GLib.Variant("(ss)", (IFACE, "Name"))
    _ask(_a11y_bus(),
         [(n, IFACE, "GetRole", None, GLib.VariantType("(u)"),
           lambda n, r: setattr(n, "role", r.get_child_value(0).get_uint32())) for n in found] +
         [(n, "org.freedesktop.DBus.Properties", "Get", name, GLib.VariantType("(v)"),
           lambda n, r: setattr(n, "name", r.get_child_value(0).get_variant().get_string()))
          for n in found], 30)
    return [n for n in found if n.role is not None]
