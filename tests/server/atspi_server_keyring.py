"""«Remember the password» in the desktop keyring (issue 14), against a real
Secret Service: gnome-keyring-daemon, started by this test in a D-Bus
session and on an X display of its own with a throwaway keyring (its HOME, XDG_DATA_HOME and
XDG_RUNTIME_DIR in a temporary folder, unlocked with a throwaway password).

1. The server asks for a password at start; the user types it and ticks
   «Remember the password»: the keyring holds it under the app's schema
   and the connection.
2. The next start connects without asking.
3. A stale password in the keyring (changed on the server): the app asks
   again, saying so, with «Remember» ticked; the new one replaces the old.
4. Asked again with «Remember» unticked: the keyring forgets it.

Without gnome-keyring-daemon or secret-tool installed (./dev PACKAGES has
them), or when the daemon cannot run here, the test is skipped loudly
(exit 77) — in CI a missing package fails instead."""
import os
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(__file__)
sys.path.insert(0, HERE)
SKIP = 77
OWN_BUS = "NV_KEYRING_TEST_BUS"
SUITE_DISPLAY = "NV_KEYRING_SUITE_DISPLAY"

PASSWORD = "Kvist-og-kvast-17"
WRONG = "gammelt-passord"
TITLE = "Password for the Municipality’s Server"
SCHEMA = "io.github.naervaer.Naervaer.DatabasePassword"


def skip(reason):
    if os.environ.get("CI") == "true" and "not installed" in reason:
        print(f"FAIL: {reason} CI installs it (./dev PACKAGES) and must not skip.",
              file=sys.stderr)
        sys.exit(1)
    print(f"SKIPPED LOUDLY: {reason}", file=sys.stderr)
    sys.exit(SKIP)


def own_bus():
    """Runs this test again inside a D-Bus session of its own: the suite's
    session may already have a Secret Service that D-Bus started on
    demand, with the real user's (or no) keyring."""
    for tool in ("gnome-keyring-daemon", "secret-tool", "dbus-run-session", "xvfb-run"):
        if shutil.which(tool) is None:
            skip(f"{tool} is not installed: the keyring cannot be tested. Install the Debian "
                 "packages gnome-keyring and libsecret-tools (./dev does).")
    env = dict(os.environ)
    env[OWN_BUS] = "1"
    env[SUITE_DISPLAY] = os.environ.get("DISPLAY", "")
    env.pop("AT_SPI_BUS_ADDRESS", None)
    # A display of its own too: an accessibility bus belongs to a display
    # (its socket and the root window's AT_SPI_BUS are per display), and an
    # app of another D-Bus session on the suite's display, or a second bus
    # for it, left the suite's AT-SPI tests without their bus or their app.
    r = subprocess.run(["xvfb-run", "-a", "-s", "-screen 0 1280x1024x24 -noreset",
                        "dbus-run-session", "--", sys.executable, __file__], env=env)
    sys.exit(r.returncode)


def has_owner(name):
    r = subprocess.run(["dbus-send", "--session", "--print-reply", "--dest=org.freedesktop.DBus",
                        "/org/freedesktop/DBus", "org.freedesktop.DBus.NameHasOwner",
                        f"string:{name}"], capture_output=True, text=True, timeout=30)
    return "boolean true" in r.stdout


def use_own_a11y_bus():
    """The accessibility bus of this D-Bus session and display, for the app
    and for pyatspi alike (libatspi would otherwise take the address an
    earlier session left on the display's root window)."""
    assert os.environ.get("DISPLAY") != os.environ.get(SUITE_DISPLAY), \
        "the keyring test must not share the suite's display"
    r = subprocess.run(["dbus-send", "--session", "--print-reply", "--dest=org.a11y.Bus",
                        "/org/a11y/bus", "org.a11y.Bus.GetAddress"],
                       capture_output=True, text=True, timeout=60)
    address = r.stdout.split('string "', 1)[-1].rsplit('"', 1)[0] if r.returncode == 0 else ""
    if not address:
        skip(f"no accessibility bus in the test's own D-Bus session: {r.stderr.strip()}")
    os.environ["AT_SPI_BUS_ADDRESS"] = address


def start_keyring(folder):
    """gnome-keyring-daemon with a new login keyring in @folder, unlocked;
    returns the process once it holds the Secret Service's name."""
    env = dict(os.environ)
    for var, sub in (("HOME", ""), ("XDG_DATA_HOME", "data"), ("XDG_CONFIG_HOME", "config"),
                     ("XDG_RUNTIME_DIR", "")):
        env[var] = os.path.join(folder, sub) if sub else folder
    log = open(os.path.join(folder, "keyring.log"), "w+")
    proc = subprocess.Popen(["gnome-keyring-daemon", "--unlock", "--components=secrets",
                             "--foreground"], env=env, stdin=subprocess.PIPE, stdout=log,
                            stderr=subprocess.STDOUT)
    proc.stdin.write(b"throwaway-keyring-password")
    proc.stdin.close()
    end = time.time() + 30
    while time.time() < end:
        if proc.poll() is not None:
            log.seek(0)
            skip(f"gnome-keyring-daemon could not run here (exit {proc.returncode}): "
                 f"{log.read().strip()}")
        if has_owner("org.freedesktop.secrets"):
            return proc
        time.sleep(0.2)
    proc.terminate()
    skip("gnome-keyring-daemon did not take the Secret Service's name within 30 s")


def secret_tool(*args, secret=None):
    return subprocess.run(["secret-tool", *args], input=secret, capture_output=True, text=True,
                          timeout=60)


def stored(connection):
    """The keyring's items for @connection: a list of (attributes, secret)."""
    r = secret_tool("search", "--all", "--unlock", "connection", connection)
    items, current = [], None
    for line in (r.stdout + "\n" + r.stderr).splitlines():
        if line.startswith("["):
            current = {}
            items.append(current)
        elif current is not None and " = " in line:
            key, value = line.split(" = ", 1)
            current[key.strip()] = value
    return items


def remember_wrong(connection):
    r = secret_tool("store", "--label", "Nærvær (test)", "xdg:schema", SCHEMA,
                    "connection", connection, secret=WRONG)
    assert r.returncode == 0, r.stderr


def main():
    folder = tempfile.mkdtemp(prefix="nv-keyring-")
    os.chmod(folder, 0o700)
    keyring = start_keyring(folder)
    use_own_a11y_bus()

    # The app's start-up as the other server tests have it.
    from atspi_server_app import password_login, pgcluster, switcher_names, wait_until  # noqa: E402
    cluster = pgcluster.Cluster()
    app = None
    try:
        import pyatspi  # noqa: E402
        from atspi_util import TIME_SCALE, App, same_name  # noqa: E402
        from atspi_backup import top_window  # noqa: E402

        target = password_login(cluster, PASSWORD)

        def start():
            def prepare(a):
                a.db = target
            # No ~/.pgpass: the password is the user's or the keyring's.
            return App(prepare=prepare, env={"PGPASSFILE": os.devnull})

        def opened(a):
            wait_until("the server's unit in the window",
                       lambda: "Fjellro sykehjem" in switcher_names(a, pyatspi), 30 * TIME_SCALE)

        def remember_box(a, dialog):
            return a.wait_for(pyatspi.ROLE_CHECK_BOX,
                              lambda n: same_name(n, "_Remember the password"), root=dialog)

        def answer(a, remember):
            dialog = top_window(a, TITLE, timeout=30 * TIME_SCALE)
            box = remember_box(a, dialog)
            if box.getState().contains(pyatspi.STATE_CHECKED) != remember:
                # GTK 4.8 gives check buttons no AT-SPI action: the pointer
                # clicks it, as atspi_workshop.py does.
                ext = box.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
                pyatspi.Registry.generateMouseEvent(ext.x + ext.width // 2,
                                                    ext.y + ext.height // 2, pyatspi.MOUSE_B1C)
                wait_until("«Remember the password» as wanted",
                           lambda: remember_box(a, dialog).getState().contains(
                               pyatspi.STATE_CHECKED) == remember, 10 * TIME_SCALE)
            entry = a.wait_for(pyatspi.ROLE_TEXT, "Password (if the server asks for one)",
                               root=dialog)
            a.type_into(entry, PASSWORD)
            a.click(pyatspi.ROLE_PUSH_BUTTON, lambda n: same_name(n, "C_onnect"), root=dialog)
            return dialog

        # 1. Asked, remembered.
        assert stored(target) == [], "the throwaway keyring is not empty"
        app = start()
        answer(app, remember=True)
        opened(app)
        items = stored(target)
        assert len(items) == 1, f"not one item in the keyring: {items}"
        assert items[0].get("secret") == PASSWORD, items
        assert items[0].get("schema") == SCHEMA, items
        assert items[0].get("attribute.connection") == target, items
        app.close()
        app = None

        # 2. The next start connects without asking.
        app = start()
        opened(app)
        assert not any(same_name(app.app.getChildAtIndex(i).name, TITLE)
                       for i in range(app.app.childCount)), "asked although remembered"
        app.close()
        app = None

        # 3. A stale password: asked again, saying why, «Remember» ticked.
        remember_wrong(target)
        assert stored(target)[0].get("secret") == WRONG
        app = start()
        dialog = top_window(app, TITLE, timeout=30 * TIME_SCALE)
        from atspi_server_app import label_texts  # noqa: E402
        wait_until("the dialog says the keyring's password was refused",
                   lambda: any("did not accept the password remembered" in t
                               for t in label_texts(app, pyatspi, dialog)), 10 * TIME_SCALE)
        assert remember_box(app, dialog).getState().contains(pyatspi.STATE_CHECKED), \
            "«Remember the password» is not ticked for a stale password"
        answer(app, remember=True)
        opened(app)
        items = stored(target)
        assert [i.get("secret") for i in items] == [PASSWORD], f"not replaced: {items}"
        app.close()
        app = None

        # 4. Asked again and not remembered: forgotten.
        remember_wrong(target)
        app = start()
        answer(app, remember=False)
        opened(app)
        assert stored(target) == [], f"still in the keyring: {stored(target)}"
        print("ok: remembered, used at the next start, a stale one replaced, forgotten")
    finally:
        os.chdir("/")
        if app is not None:
            app.close()
        cluster.stop()
        keyring.terminate()
        try:
            keyring.wait(10)
        except subprocess.TimeoutExpired:
            keyring.kill()
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    if os.environ.get(OWN_BUS) != "1":
        own_bus()
    main()
