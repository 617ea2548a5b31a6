"""gui.app: language choice, crash handler, which window opens first."""

from __future__ import annotations

import argparse
import logging
import sys

import pytest
from PySide6.QtWidgets import QApplication

from aws.localstate import LocalState
from gui import app as gui_app
from gui.wizard import SetupWizard


@pytest.fixture
def restore_logging():
    root = logging.getLogger()
    before = list(root.handlers)
    yield
    for handler in root.handlers[:]:
        if handler not in before:
            root.removeHandler(handler)
            handler.close()


def test_language_from_the_command_line_is_remembered(home):
    local = LocalState.default()
    def ns(lang, given):
        return argparse.Namespace(lang=lang, lang_given=given)

    assert gui_app.choose_language(ns("en", False), local) == "en"
    assert gui_app.choose_language(ns("ja", True), local) == "ja"
    # Without --lang the remembered choice wins over the locale's default.
    assert gui_app.choose_language(ns("en", False), local) == "ja"
    assert local.get("language") == "ja"


def test_crash_handler_logs_the_traceback_and_shows_a_dialog(home, qapp, monkeypatch,
                                                             restore_logging):
    path = gui_app.setup_logging(LocalState.default())
    handler = gui_app.CrashHandler(path)
    try:
        raise ValueError("boom")
    except ValueError:
        handler(*sys.exc_info())
    logging.getLogger().handlers[-1].flush()
    assert "ValueError: boom" in path.read_text(encoding="utf-8")
    box = handler.box
    assert box.isVisible()  # shown with open(): the excepthook returns at once
    assert "boom" in box.text() and str(path) in box.text()
    try:  # a second error while the dialog is up only goes to the log
        raise KeyError("again")
    except KeyError:
        handler(*sys.exc_info())
    assert handler.box is box
    box.close()


def test_first_start_opens_the_wizard(home, qapp, monkeypatch, restore_logging):
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(QApplication, "exec", lambda self: 0)
    monkeypatch.setattr(sys, "argv", ["main.py"])
    assert gui_app.run_gui(argparse.Namespace(lang="en", demo=False)) == 0
    wizards = [w for w in QApplication.topLevelWidgets() if isinstance(w, SetupWizard)]
    # topLevelWidgets() has no order, and earlier tests may leave closed wizards behind.
    assert any(wizard.isVisible() for wizard in wizards)
    for wizard in wizards:
        wizard.close()
        wizard.deleteLater()


def test_missing_dashboard_falls_back(monkeypatch, context):
    monkeypatch.setitem(sys.modules, "gui.dashboard.window", None)  # import fails
    assert gui_app.open_dashboard(context) is None


def test_keys_missing_from_the_keyring_open_the_wizard_not_the_default_chain(home, qapp):
    from aws.settings import Settings

    local = LocalState.default()
    local.save_settings(Settings(regions=("us-west-2",), email="ops@example.com",
                                 watch=("security-groups",), profile=None))
    local.set("credentials", "keys")  # the keyring (in memory here) holds none
    context, windows = gui_app.start(argparse.Namespace(demo=False, lang="en",
                                                        lang_given=True), qapp)
    try:
        assert type(windows[0]).__name__ == "SetupWizard"
        assert context.credentials.keys is None
    finally:
        for window in windows:
            window.close()
        context.pool.wait(5_000)
