"""The app given a PostgreSQL connection it cannot use (issue 14) says why
and quits; it never takes the connection string for a file name and
creates one. A server on another computer without sslmode=verify-full is
refused before any connection is tried; an unknown service is named."""
import os
import sys
import time

sys.path.insert(0, os.path.dirname(__file__))
from atspi_util import App, deadline, same_name  # noqa: E402

CASES = [
    # (connection, words the message must hold)
    ("host=db.example.invalid dbname=naervaer sslmode=require", ["verify-full", "not on this computer"]),
    ("service=naervaer_no_such_service", ["naervaer_no_such_service"]),
]


def dialog(app, timeout=15):
    end = deadline(timeout)
    while time.time() < end:
        for i in range(app.app.childCount):
            child = app.app.getChildAtIndex(i)
            if child is not None and same_name(child.name, "Nærvær cannot open its database"):
                return child
        time.sleep(0.3)
    raise AssertionError("no «cannot open its database» dialog")


def check(connection, words):
    def prepare(app):
        # Run where a wrongly created file would show up.
        os.chdir(app.dir)
        app.db = connection

    app = App(prepare=prepare)
    try:
        d = dialog(app)
        texts = []
        for n in app.find_all(root=d):
            try:
                texts.append(app.text_of(n))
            except Exception:
                texts.append(n.name or "")
        joined = " ".join(texts)
        for word in words:
            assert word in joined, (word, joined)
        assert os.listdir(app.dir) == ["app.log"], os.listdir(app.dir)
        app.click(None, "Quit", root=d)
        app.proc.wait(10)
        assert os.listdir(app.dir) == ["app.log"], os.listdir(app.dir)
    finally:
        os.chdir("/")
        app.close()


def main():
    env_backup = os.environ.pop("PGSERVICEFILE", None)
    try:
        for connection, words in CASES:
            check(connection, words)
    finally:
        if env_backup is not None:
            os.environ["PGSERVICEFILE"] = env_backup
    print("ok")


if __name__ == "__main__":
    main()
