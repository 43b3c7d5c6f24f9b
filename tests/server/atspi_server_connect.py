"""Connecting to the municipality's server from Preferences (issue 14): the
app starts on its file; Preferences › Database › Connect… asks for the
connection; a connection that does not work is named in the dialog, which
stays open; one that works puts the window on the server (its unit in the
unit switcher) without a restart, and Preferences then show the server."""
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
# The start-up the two server tests share: paths, the cluster, the CLI.
from atspi_server_app import cli, label_texts, pgcluster, switcher_names, wait_until  # noqa: E402


def main():
    cluster = pgcluster.Cluster()
    app = None
    try:
        import pyatspi  # noqa: E402
        from atspi_util import TIME_SCALE, App, same_name  # noqa: E402
        from atspi_backup import open_menu_item, top_window  # noqa: E402

        conninfo = cluster.conninfo()
        cli(conninfo, "server", "init")
        cli(conninfo, "unit", "add", "Fjellro sykehjem", "--sector", "helse-omsorg")

        def prepare(a):
            cli(a.db, "unit", "add", "Avdeling 2B", "--sector", "helse-omsorg")

        app = App(prepare=prepare)
        wait_until("the file's unit", lambda: "Avdeling 2B" in switcher_names(app, pyatspi),
                   60 * TIME_SCALE)

        open_menu_item(app, "_Preferences")
        prefs = top_window(app, "Preferences")
        app.wait_for(None, "Database File", root=prefs)
        app.click(pyatspi.ROLE_PUSH_BUTTON, lambda n: same_name(n, "C_onnect…"), root=prefs)
        dialog = top_window(app, "Connect to the Municipality’s Server")
        entry = app.wait_for(pyatspi.ROLE_TEXT, "Connection", root=dialog)

        # A service nobody set up: said in the dialog, which stays.
        app.type_into(entry, "service=naervaer_no_such_service")
        app.click(pyatspi.ROLE_PUSH_BUTTON, lambda n: same_name(n, "C_onnect"), root=dialog)

        def said(words):
            dialog = top_window(app, "Connect to the Municipality’s Server")
            return any(words in t for t in label_texts(app, pyatspi, dialog))

        wait_until("the dialog naming the service that failed",
                   lambda: said("naervaer_no_such_service"), 30 * TIME_SCALE)
        dialog = top_window(app, "Connect to the Municipality’s Server")
        assert "Avdeling 2B" in switcher_names(app, pyatspi)

        entry = app.wait_for(pyatspi.ROLE_TEXT, "Connection", root=dialog)
        app.type_into(entry, conninfo)
        app.click(pyatspi.ROLE_PUSH_BUTTON, lambda n: same_name(n, "C_onnect"), root=dialog)
        wait_until("the server's unit in the unit switcher",
                   lambda: "Fjellro sykehjem" in switcher_names(app, pyatspi)
                   and "Avdeling 2B" not in switcher_names(app, pyatspi), 60 * TIME_SCALE)

        open_menu_item(app, "_Preferences")
        prefs = top_window(app, "Preferences")
        app.wait_for(None, "PostgreSQL on this computer", root=prefs)
        app.wait_for(None, "Use the File", root=prefs)
        print("ok: connected from Preferences, the window follows the server")
    finally:
        os.chdir("/")
        if app is not None:
            app.close()
        cluster.stop()


if __name__ == "__main__":
    main()
