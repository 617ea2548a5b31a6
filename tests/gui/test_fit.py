"""No text cut off: each wizard page and the dashboard of `--demo`, at 1280×800 and 1366×768
screens, in English and Japanese, with every label, button, combo, header and cell measured."""

from __future__ import annotations

import argparse
import gc
import os
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication, QWidget, QWizard

from gui.app import DEMO_SIZE, open_dashboard, start
from gui.dashboard.window import DashboardWindow
from gui.window_size import fitted_size
from gui.wizard.wizard import DEFAULT_SIZE as WIZARD_SIZE
from tests.gui.conftest import Driver
from tests.gui.fit import clipped_texts
from tests.gui.shots import save_shot

# What those screens leave to windows once a 40 px task bar is taken.
SCREENS = {"1280x800": QRect(0, 0, 1280, 760), "1366x768": QRect(0, 0, 1366, 728)}


@pytest.fixture(scope="module", autouse=True)
def extra_fonts(qapp):
    """Fonts from CHANGEWATCH_TEST_FONTS (a folder), so a machine without a Japanese font
    measures real glyphs rather than boxes: e.g. the IPA Gothic of fonts-ipafont-gothic."""
    folder = os.environ.get("CHANGEWATCH_TEST_FONTS")
    for path in sorted(Path(folder).rglob("*.tt[fc]")) if folder else ():
        QFontDatabase.addApplicationFont(str(path))


@pytest.fixture
def demo(qapp, sandbox):
    """The app as `--demo` starts it, in one language; closed and English again afterwards."""
    made: list = []

    def open_app(lang: str):
        args = argparse.Namespace(demo=True, lang=lang, lang_given=True)
        context, windows = start(args, qapp, sandbox)
        made.append((context, windows))
        return context, windows

    yield open_app
    for context, windows in made:
        for window in windows:
            window.close()
        context.pool.wait(10_000)
        context.translations.use("en")
    made.clear()


@pytest.fixture(autouse=True)
def collect_on_gui_thread():
    """Two whole apps per test leave cycles of widgets behind; a collection that happens to
    start on a worker thread would destroy them there and crash. Collect here instead."""
    gc.collect()
    gc.disable()
    yield
    gc.enable()
    gc.collect()


def _settle(widget: QWidget, preferred: QSize, screen: QRect) -> None:
    """The size the window opens at on that screen (gui/window_size.py)."""
    widget.resize(fitted_size(preferred, screen, widget.minimumSize()))
    for _ in range(5):  # layouts, then what they start on zero-time timers (column fits)
        QApplication.processEvents()


def _report(widget: QWidget, where: str) -> list[str]:
    return [f"{where}: {c}" for c in clipped_texts(widget)]


def _measure(context, window: QWidget, top: QWidget, preferred: QSize, where: str,
             shot: str | None) -> list[str]:
    """`top` in both languages (switched as the user does, so texts already on screen are
    said again) on both screens; a screenshot of each language at 1366×768."""
    found: list[str] = []
    for lang in ("en", "ja"):
        context.signals.language_changed.emit(lang)
        for screen, size in SCREENS.items():
            _settle(window, preferred, size)
            found += _report(top, f"{lang} {screen} {where}")
            if shot and screen == "1366x768":
                save_shot(window, f"{shot}-1366-{lang}.png")
    return found


def test_wizard_pages_fit(demo, qtbot):
    context, windows = demo("en")
    wizard = windows[0]
    qtbot.addWidget(wizard)
    driver = Driver(qtbot, wizard)
    driver.check_account()
    found: list[str] = []
    for page in range(4):
        shot = {0: "wizard-account", 2: "wizard-apis"}.get(page)
        found += _measure(context, wizard, wizard.currentPage(), WIZARD_SIZE, f"page {page}",
                          shot)
        if page == 3:
            break
        driver.next()
        if page == 2:
            driver.wait_review()
    assert not found, "\n".join(found)


def test_dashboard_fits(demo, qtbot):
    context, windows = demo("en")
    wizard = windows[0]
    qtbot.addWidget(wizard)
    driver = Driver(qtbot, wizard)
    driver.check_account()
    driver.next()
    driver.next()
    driver.click(wizard.apis_page.everything)  # every group: the longest rule counts
    driver.next()
    driver.wait_review()
    driver.create()
    driver.wait_created()
    dashboard = open_dashboard(context)
    windows.append(dashboard)
    qtbot.addWidget(dashboard)
    dashboard.show()
    assert isinstance(dashboard, DashboardWindow) and isinstance(wizard, QWizard)
    status = dashboard.status_tab
    qtbot.waitUntil(lambda: status.model.rowCount() > 0, timeout=15_000)
    found = _measure(context, dashboard, dashboard, DEMO_SIZE, "dashboard", "dashboard")
    assert not found, "\n".join(found)


def test_the_check_finds_cut_text(qtbot):
    """A narrow button, label, combo, header and list row are each reported; roomy ones not."""
    from PySide6.QtGui import QStandardItemModel
    from PySide6.QtWidgets import (
        QComboBox,
        QLabel,
        QListWidget,
        QPushButton,
        QTableView,
        QVBoxLayout,
    )

    top = QWidget()
    qtbot.addWidget(top)
    layout = QVBoxLayout(top)
    long_text = "AWS Config の変更とルートサインインを監視"
    narrow = [QPushButton(long_text), QLabel(long_text), QComboBox()]
    narrow[2].addItem(long_text)
    model = QStandardItemModel(1, 1)
    model.setHorizontalHeaderLabels(["Email subscription"])
    table = QTableView()
    table.setModel(model)
    table.horizontalHeader().resizeSection(0, 30)
    listed = QListWidget()
    listed.addItem(long_text)
    for widget in (*narrow, table, listed):
        widget.setFixedWidth(60 if widget is not table else 200)
        layout.addWidget(widget)
    roomy = QPushButton("OK")
    layout.addWidget(roomy)
    top.show()
    qtbot.waitExposed(top)
    found = clipped_texts(top)
    kinds = {c.where.split()[0] for c in found}
    assert {"QPushButton", "QLabel", "QComboBox", "header", "cell"} <= kinds, found
    assert not [c for c in found if c.text == "OK"]
