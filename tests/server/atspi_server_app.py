"""The app on the municipality's server (issue 14): two processes on one
throwaway cluster. The app opens `--database "host=… dbname=…"`; what the
CLI writes shows in the open window without a restart (LISTEN/NOTIFY and
the socket watch); stopping the server shows the banner with «Try Again»,
and when the server is back the app connects again by itself and keeps
following the CLI's changes. It never falls back to a local file."""
import os
import subprocess
import sys
import time

HERE = os.path.dirname(__file__)
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(HERE, "..", "ui"))
import pgcluster  # noqa: E402,F401 (also for atspi_server_connect.py)

CLI = os.environ.get("NAERVAER_CLI", "naervaer-cli")


def cli(conninfo, *args):
    r = subprocess.run([CLI, "--database", conninfo, *args], capture_output=True, text=True,
                       timeout=120)
    if r.returncode != 0:
        raise AssertionError(f"naervaer-cli {args} failed:\n{r.stdout}\n{r.stderr}")
    return r.stdout


def label_texts(app, pyatspi, root, showing=True):
    """The texts of the labels under `root` (those that have one)."""
    texts = []
    for n in app.find_all(pyatspi.ROLE_LABEL, None, root=root, showing=showing):
        try:
            texts.append(app.text_of(n))
        except Exception:
            pass
    return texts


def switcher_names(app, pyatspi):
    # Hidden while there is no unit.
    switchers = app.find_all(pyatspi.ROLE_COMBO_BOX, "Unit", showing=False)
    if not switchers:
        return []
    switcher = switchers[0]
    try:
        names = [n.name for n in app.find_all(None, None, root=switcher, showing=False)]
    except Exception:
        # The window went while it was read (the app moved to another
        # database): nothing to name yet; the caller asks again.
        return []
    return names + label_texts(app, pyatspi, switcher, showing=False)


def wait_until(what, check, timeout):
    """Polls `check` until it holds, for `timeout` seconds (callers scale it
    by atspi_util.TIME_SCALE)."""
    end = time.time() + timeout
    while time.time() < end:
        if check():
            return
        time.sleep(0.3)
    raise AssertionError(f"not within {timeout} s: {what}")


def password_login(cluster, password):
    """A server with one unit and an HR login that must give @password
    (scram, not trust): returns the login's connection string."""
    conninfo = cluster.conninfo()
    cli(conninfo, "server", "init")
    cli(conninfo, "unit", "add", "Fjellro sykehjem", "--sector", "helse-omsorg")
    cluster.psql_super("naervaer", f"CREATE ROLE {cluster.PASSWORD_USER} LOGIN "
                                   f"PASSWORD '{password}'")
    cli(conninfo, "server", "grant", "--user", cluster.PASSWORD_USER, "--role", "admin")
    return cluster.conninfo(user=cluster.PASSWORD_USER)


def main():
    cluster = pgcluster.Cluster()
    app = None
    try:
        import pyatspi  # noqa: E402
        from atspi_util import App, TIME_SCALE  # noqa: E402

        conninfo = cluster.conninfo()
        cli(conninfo, "server", "init")

        def prepare(a):
            os.chdir(a.dir)
            a.db = conninfo

        app = App(prepare=prepare)
        app.wait_for(pyatspi.ROLE_PUSH_BUTTON, "Create Your First Unit")
        assert "Avdeling 2B" not in switcher_names(app, pyatspi)

        # Another process adds a unit: the window shows it, no restart.
        cli(conninfo, "unit", "add", "Avdeling 2B", "--sector", "helse-omsorg")
        wait_until("the unit the CLI added is in the unit switcher",
                   lambda: "Avdeling 2B" in switcher_names(app, pyatspi), 60 * TIME_SCALE)
        assert not app.find_all(pyatspi.ROLE_PUSH_BUTTON, "Try Again")

        # The server stops: the banner says so and offers to try again.
        cluster.stop_server()
        app.wait_for(pyatspi.ROLE_PUSH_BUTTON, "Try Again", timeout=40)
        assert app.proc.poll() is None, "the app ended when the server stopped"

        # Back again: the app connects by itself (2, 4, 8 … s) and the banner goes.
        cluster.start_server()
        app.wait_gone(pyatspi.ROLE_PUSH_BUTTON, "Try Again", timeout=90)

        # And it follows the CLI again: the unit removed elsewhere goes here.
        cli(conninfo, "unit", "add", "Solsikken", "--sector", "barnehage")
        cli(conninfo, "unit", "delete", "Avdeling 2B")
        wait_until("the unit the CLI deleted leaves the unit switcher",
                   lambda: "Solsikken" in switcher_names(app, pyatspi)
                   and "Avdeling 2B" not in switcher_names(app, pyatspi), 60 * TIME_SCALE)

        # Never a file instead of the server.
        files = sorted(os.listdir(app.dir))
        assert files == ["app.log"], files
        print("ok: live updates from the CLI, banner on a lost server, recovery")
    finally:
        os.chdir("/")
        if app is not None:
            app.close()
        cluster.stop()


if __name__ == "__main__":
    main()
