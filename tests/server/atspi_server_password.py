"""The password prompt at start-up (issue 14): the app is started on the
municipality's server with a login that must give a password (scram, see
pgcluster.py) and none saved. Instead of an error it asks for the password;
a wrong one is named in the dialog, which stays; the right one opens the
window on the server. The keyring («Remember the password») is tested by
atspi_server_keyring.py against a real Secret Service."""
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
# The start-up the server tests share: paths, the cluster, the CLI.
from atspi_server_app import (label_texts, password_login, pgcluster,  # noqa: E402
                              switcher_names, wait_until)

PASSWORD = "Kvist-og-kvast-17"
TITLE = "Password for the Municipality’s Server"


def main():
    cluster = pgcluster.Cluster()
    app = None
    try:
        import pyatspi  # noqa: E402
        from atspi_util import TIME_SCALE, App, same_name  # noqa: E402
        from atspi_backup import top_window  # noqa: E402

        target = password_login(cluster, PASSWORD)
        # Without the password the server refuses (it is not trust).
        r = cluster.psql(cluster.PASSWORD_USER, "SELECT 1", expect_ok=False)
        assert r.returncode != 0, "the password login was let in without a password"

        def prepare(a):
            a.db = target

        # No ~/.pgpass to find the password in: the app must ask.
        app = App(prepare=prepare, env={"PGPASSFILE": os.devnull})
        dialog = top_window(app, TITLE, timeout=30)

        def said(words):
            return any(words in t for t in label_texts(app, pyatspi, top_window(app, TITLE)))

        # Only what the leader needs: whose password, not the connection's
        # parts (here a socket folder that means nothing to them).
        wait_until("the dialog names the user", lambda: said("“nv_password”"), 10 * TIME_SCALE)
        for field in ("Connection", "Server", "Database", "User Name"):
            assert not app.find_all(pyatspi.ROLE_TEXT, field, root=dialog), f"{field} is shown"
        assert not said(cluster.dir), "the socket folder is shown"
        entry = app.wait_for(pyatspi.ROLE_TEXT, "Password (if the server asks for one)", root=dialog)
        app.type_into(entry, "feil-passord")
        app.click(pyatspi.ROLE_PUSH_BUTTON, lambda n: same_name(n, "C_onnect"), root=dialog)
        wait_until("the wrong password named in the dialog",
                   lambda: said("password authentication failed"), 30 * TIME_SCALE)
        assert not switcher_names(app, pyatspi)

        dialog = top_window(app, TITLE)
        entry = app.wait_for(pyatspi.ROLE_TEXT, "Password (if the server asks for one)", root=dialog)
        app.type_into(entry, PASSWORD)
        app.click(pyatspi.ROLE_PUSH_BUTTON, lambda n: same_name(n, "C_onnect"), root=dialog)
        wait_until("the server's unit in the window",
                   lambda: "Fjellro sykehjem" in switcher_names(app, pyatspi), 30 * TIME_SCALE)
        print("ok: asked for the password at start, refused a wrong one, opened with the right one")
    finally:
        os.chdir("/")
        if app is not None:
            app.close()
        cluster.stop()


if __name__ == "__main__":
    main()
