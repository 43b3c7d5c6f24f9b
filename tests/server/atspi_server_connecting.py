"""Connecting without freezing the window (issue 14). A server that takes
the connection and never answers (a socket here that accepts and keeps
silent):
- at start the app shows «Connecting to …» with Cancel, and answers the
  accessibility bus all along (its main loop runs); Cancel leads to the
  choice it offers when a server does not answer (Try Again, Quit); Try
  Again, the server gone, names the server and the refusal;
- from Preferences the connect dialog says it is connecting; Cancel gives
  the form back and the window stays on its file."""
import os
import socket
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(__file__))
from atspi_server_app import label_texts, switcher_names, wait_until  # noqa: E402

CONNECTING = "Connecting to “127.0.0.1” …"


class SilentServer:
    """Accepts TCP connections on 127.0.0.1 and never answers them."""

    def __init__(self):
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(8)
        self.port = self.sock.getsockname()[1]
        self.held = []
        self.thread = threading.Thread(target=self._accept, daemon=True)
        self.thread.start()

    def _accept(self):
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            self.held.append(conn)

    def conninfo(self):
        # connect_timeout: the app gives up on a silent server after 20 s
        # (nv-pg-connect.c); under AddressSanitizer and AT-SPI the steps
        # before Cancel can take that long, and the test is about Cancel.
        return (f"host=127.0.0.1 port={self.port} dbname=naervaer user=leder sslmode=disable"
                " connect_timeout=600")

    def stop(self):
        try:
            self.sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        self.sock.close()
        for conn in self.held:
            conn.close()
        self.thread.join(5)


def main():
    import pyatspi  # noqa: E402
    from atspi_util import TIME_SCALE, App, same_name  # noqa: E402
    from atspi_backup import open_menu_item, top_window  # noqa: E402

    def said(app, title, words):
        try:
            return any(words in t for t in label_texts(app, pyatspi, top_window(app, title, 1)))
        except AssertionError:
            return False

    # ---- At start -------------------------------------------------------
    server = SilentServer()
    app = None
    try:
        def prepare(a):
            a.db = server.conninfo()

        app = App(prepare=prepare)
        title = "Connecting to the Municipality’s Server"
        top_window(app, title, timeout=30 * TIME_SCALE)
        wait_until("«Connecting to …» at start", lambda: said(app, title, CONNECTING),
                   10 * TIME_SCALE)
        wait_until("the connection reaching the silent server", lambda: server.held,
                   10 * TIME_SCALE)
        # The app keeps answering while the server keeps silent.
        for _ in range(5):
            assert said(app, title, CONNECTING), "the progress went away"
            time.sleep(0.3)
        dialog = top_window(app, title)
        app.click(pyatspi.ROLE_PUSH_BUTTON, lambda n: same_name(n, "_Cancel"), root=dialog)

        choice = top_window(app, "Not Connected", timeout=10 * TIME_SCALE)
        wait_until("the stopped connection named",
                   lambda: said(app, "Not Connected", "“127.0.0.1” was stopped"), 10 * TIME_SCALE)
        app.wait_for(pyatspi.ROLE_PUSH_BUTTON, lambda n: same_name(n, "Quit"), root=choice)
        assert not switcher_names(app, pyatspi), "a window opened after Cancel"

        # The server gone, Try Again: refused, the server named.
        server.stop()
        app.click(pyatspi.ROLE_PUSH_BUTTON, lambda n: same_name(n, "_Try Again"), root=choice)
        fatal = "Nærvær cannot open its database"
        wait_until("the refusal named", lambda: said(app, fatal, "127.0.0.1")
                   and said(app, fatal, "refused"), 30 * TIME_SCALE)
        app.click(pyatspi.ROLE_PUSH_BUTTON, lambda n: same_name(n, "Quit"),
                  root=top_window(app, fatal))
        end = time.time() + 20 * TIME_SCALE
        while app.proc.poll() is None and time.time() < end:
            time.sleep(0.2)
        assert app.proc.poll() == 0, "Quit did not end the app"
        print("ok: at start, «Connecting», Cancel, Try Again, Quit")
    finally:
        if app is not None:
            app.close()
        server.stop()

    # ---- From Preferences -----------------------------------------------
    server = SilentServer()
    app = None
    try:
        def prepare_file(a):
            a.cli("unit", "add", "Avdeling 2B", "--sector", "helse-omsorg")

        app = App(prepare=prepare_file)
        wait_until("the file's unit", lambda: "Avdeling 2B" in switcher_names(app, pyatspi),
                   60 * TIME_SCALE)
        open_menu_item(app, "_Preferences")
        prefs = top_window(app, "Preferences")
        app.click(pyatspi.ROLE_PUSH_BUTTON, lambda n: same_name(n, "C_onnect…"), root=prefs)
        title = "Connect to the Municipality’s Server"
        dialog = top_window(app, title)
        entry = app.wait_for(pyatspi.ROLE_TEXT, "Connection", root=dialog)
        app.type_into(entry, server.conninfo())
        app.click(pyatspi.ROLE_PUSH_BUTTON, lambda n: same_name(n, "C_onnect"), root=dialog)
        wait_until("«Connecting to …» in the dialog", lambda: said(app, title, CONNECTING),
                   10 * TIME_SCALE)
        wait_until("the connection reaching the silent server", lambda: server.held,
                   10 * TIME_SCALE)
        assert "Avdeling 2B" in switcher_names(app, pyatspi)

        app.click(pyatspi.ROLE_PUSH_BUTTON, lambda n: same_name(n, "_Cancel"),
                  root=top_window(app, title))
        wait_until("the form back after Cancel",
                   lambda: not said(app, title, CONNECTING)
                   and app.find_all(pyatspi.ROLE_PUSH_BUTTON,
                                    lambda n: same_name(n, "C_onnect"),
                                    root=top_window(app, title)), 10 * TIME_SCALE)
        assert "Avdeling 2B" in switcher_names(app, pyatspi)
        app.click(pyatspi.ROLE_PUSH_BUTTON, lambda n: same_name(n, "_Cancel"),
                  root=top_window(app, title))
        prefs = top_window(app, "Preferences")
        app.wait_for(None, "Database File", root=prefs)
        assert "Avdeling 2B" in switcher_names(app, pyatspi)
        print("ok: from Preferences, «Connecting», Cancel keeps the file")
    finally:
        if app is not None:
            app.close()
        server.stop()


if __name__ == "__main__":
    main()
