"""GUI fixtures: a private CHANGEWATCH_HOME, an in-memory keyring, the wizard and a driver."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import keyring
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard

from aws import keys
from aws.localstate import LocalState
from gui.context import AppContext
from gui.wizard import SetupWizard
from tests.memory_keyring import MemoryKeyring

WAIT = 15_000  # ms; moto answers in milliseconds, this only bounds a hang


@pytest.fixture(autouse=True)
def memory_keyring():
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)
    keys._MEMORY.clear()  # keys kept "for this run only" must not reach the next test


@pytest.fixture(autouse=True)
def excepthook():
    """gui.app.start installs the crash dialog as sys.excepthook: give pytest-qt its own back,
    so an error inside a slot fails the test instead of opening a dialog."""
    saved = sys.excepthook
    yield
    sys.excepthook = saved


@pytest.fixture(autouse=True)
def home(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv("CHANGEWATCH_HOME", str(tmp_path / "home"))
    return tmp_path / "home"


@pytest.fixture
def context(home) -> AppContext:
    ctx = AppContext(local=LocalState.default(), lang="en")
    yield ctx
    ctx.pool.wait(10_000)


class Driver:
    """Walks the wizard the way a user does: clicks, typing, the keyboard."""

    def __init__(self, qtbot, wizard: SetupWizard) -> None:
        self.qtbot, self.wizard = qtbot, wizard

    def click(self, widget) -> None:
        assert widget.isVisible() and widget.isEnabled(), widget
        self.qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)

    def button(self, which: QWizard.WizardButton):
        return self.wizard.button(which)

    def next_enabled(self) -> bool:
        return self.button(QWizard.WizardButton.NextButton).isEnabled()

    def next(self) -> None:
        self.click(self.button(QWizard.WizardButton.NextButton))

    def wait(self, condition, timeout: int = WAIT) -> None:
        self.qtbot.waitUntil(condition, timeout=timeout)

    def check_account(self) -> None:
        page = self.wizard.account_page
        self.wait(page.profile.isEnabled)
        self.click(page.check_button)
        self.wait(lambda: page.account.text().isdigit() or page.status.styleSheet()
                  .startswith("color: #c62828"))

    def region_item(self, name: str):
        regions = self.wizard.account_page.regions
        for row in range(regions.list.count()):
            item = regions.list.item(row)
            if item.text().startswith(name + " "):
                return item
        raise AssertionError(name)

    def toggle_region(self, name: str) -> None:
        """Type in the filter, move to the region with the keyboard, press Space."""
        regions = self.wizard.account_page.regions
        regions.search.clear()
        self.qtbot.keyClicks(regions.search, name)
        item = self.region_item(name)
        assert not item.isHidden()
        regions.list.setFocus()
        regions.list.setCurrentItem(item)
        self.qtbot.keyClick(regions.list, Qt.Key.Key_Space)
        regions.search.clear()

    def type_email(self, text: str) -> None:
        edit = self.wizard.email_page.email
        edit.clear()
        self.qtbot.keyClicks(edit, text)

    def wait_review(self) -> None:
        page = self.wizard.review_page
        self.wait(lambda: page.isComplete() or page.retry.isVisible())

    def create(self) -> None:
        self.click(self.button(QWizard.WizardButton.CommitButton))

    def wait_created(self, timeout: int = 30_000) -> None:
        page = self.wizard.create_page
        self.wait(lambda: not page.running, timeout)


@pytest.fixture
def make_wizard(qtbot, context):
    def make(settings=None) -> Driver:
        wizard = SetupWizard(context, settings)
        qtbot.addWidget(wizard)
        wizard.show()
        qtbot.waitExposed(wizard)
        return Driver(qtbot, wizard)
    return make


@pytest.fixture
def screenshots() -> Path | None:
    """Where tools/screenshots.py wants page screenshots; None in a normal run."""
    path = os.environ.get("CHANGEWATCH_SCREENSHOTS")
    return Path(path) if path else None


def _running_demo(qapp, set_up_before: bool):
    """The app as `--demo` starts it (English), with its sandbox; everything stopped after."""
    import argparse

    import sandbox.demo
    from cli.main import start_sandbox
    from gui.app import start

    saved = dict(os.environ)
    args = argparse.Namespace(demo=True, lang="en", lang_given=True)
    box = start_sandbox(args)
    if set_up_before:
        LocalState.default().save_settings(box.default_settings("en"))
    context, windows = start(args, qapp, box)
    yield context, windows
    for window in windows:
        window.close()
    context.pool.wait(10_000)
    context.sandbox.stop()
    sandbox.demo._running = None
    os.environ.clear()
    os.environ.update(saved)


@pytest.fixture
def demo_app(qapp, qtbot):
    """`--demo` on a fresh sandbox: the wizard comes first."""
    yield from _running_demo(qapp, set_up_before=False)


@pytest.fixture
def demo_dashboard(qapp, qtbot):
    """`--demo` with settings saved as if set up before: the dashboard comes first."""
    yield from _running_demo(qapp, set_up_before=True)
