"""The app given a PostgreSQL connection (issue 14) says so and quits; it
never takes the connection string for a file name and creates one."""
import os
import sys
import time

sys.path.insert(0, os.path.dirname(__file__))
from atspi_util import App, deadline, same_name  # noqa: E402

CONNECTION = "service=naervaer"


def prepare(app):
    # Run where a wrongly created file would show up.
    os.chdir(app.dir)
    app.db = CONNECTION


def dialog(app, timeout=15):
    end = deadline(timeout)
    while time.time() < end:
        for i in range(app.app.childCount):
            child = app.app.getChildAtIndex(i)
            if child is not None and same_name(child.name, "Nærvær cannot open its database"):
                return child
        time.sleep(0.3)
    raise AssertionError("no «cannot open its database» dialog")


def main():
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
        assert "PostgreSQL" in joined, joined
        assert not os.path.exists(os.path.join(app.dir, CONNECTION)), "a file was created"
        assert os.listdir(app.dir) == ["app.log"], os.listdir(app.dir)
        app.click(None, "Quit", root=d)
        app.proc.wait(10)
        assert not os.path.exists(os.path.join(app.dir, CONNECTION))
    finally:
        os.chdir("/")
        app.close()
    print("ok")


if __name__ == "__main__":
    main()
