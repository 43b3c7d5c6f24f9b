"""A new user creates the first unit through the UI and finds it in the unit switcher."""
import os
import sys
import time

sys.path.insert(0, os.path.dirname(__file__))
import pyatspi  # noqa: E402
from atspi_util import App, wait_state  # noqa: E402


def main():
    app = App()
    try:
        assert not app.find_all(pyatspi.ROLE_COMBO_BOX, "Unit"), \
            "no unit switcher before the first unit exists"
        app.wait_for(pyatspi.ROLE_PUSH_BUTTON, "Create Your First Unit")
        app.click(pyatspi.ROLE_PUSH_BUTTON, "Create Your First Unit")
        dialog = app.wait_for(None, "New Unit")  # AdwMessageDialog (role filler in GTK 4.8)
        entry = app.wait_for(pyatspi.ROLE_TEXT, "Name", root=dialog)
        create = app.wait_for(pyatspi.ROLE_PUSH_BUTTON, "Create", root=dialog)
        assert not create.getState().contains(pyatspi.STATE_SENSITIVE), \
            "Create must be disabled while the name is empty"
        app.type_into(entry, "Avdeling 2B")
        wait_state(create, pyatspi.STATE_SENSITIVE,
                   what="Create must be enabled once the name is valid")
        app.click(pyatspi.ROLE_PUSH_BUTTON, "Create", root=dialog)
        time.sleep(0.5)
        # the switcher is hidden until a unit exists; now it is visible
        switcher = app.wait_for(pyatspi.ROLE_COMBO_BOX, "Unit")
        names = [n.name for n in app.find_all(None, None, root=switcher, showing=False)]
        texts = []
        for n in app.find_all(pyatspi.ROLE_LABEL, None, root=switcher, showing=False):
            try:
                texts.append(app.text_of(n))
            except Exception:
                pass
        assert "Avdeling 2B" in names + texts, f"unit switcher shows {names + texts}"
        print("ok: created a unit and found it in the unit switcher")
    finally:
        app.close()


if __name__ == "__main__":
    main()
