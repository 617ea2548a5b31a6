"""Windows open at a size that fits the screen and come back at the size and place they had."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize
from PySide6.QtWidgets import QWidget

from aws.localstate import LocalState
from gui.window_size import fitted_size, place, remember


def test_a_big_preferred_size_is_capped_to_the_screen():
    laptop = QRect(0, 0, 1366, 728)  # 1366×768 less a task bar
    size = fitted_size(QSize(1640, 860), laptop)
    assert size.width() <= 1366 and size.height() <= 728
    assert size.width() >= 1200 and size.height() >= 650  # still most of the screen


def test_a_small_preferred_size_is_kept_and_the_minimum_wins():
    assert fitted_size(QSize(980, 720), QRect(0, 0, 2560, 1400)) == QSize(980, 720)
    assert fitted_size(QSize(980, 720), QRect(0, 0, 800, 560), QSize(760, 560)) == \
        QSize(760, 560)


def test_the_first_size_fits_the_screen_it_opens_on(qtbot, home):
    window = QWidget()
    qtbot.addWidget(window)
    area = window.screen().availableGeometry()
    place(window, "test", QSize(5000, 4000), LocalState.default())
    assert window.width() <= area.width() and window.height() <= area.height()
    assert area.contains(window.geometry().center())


def test_size_and_place_come_back(qtbot, home):
    local = LocalState.default()
    first = QWidget()
    qtbot.addWidget(first)
    first.show()
    first.setGeometry(40, 50, 500, 360)
    remember(first, "test", local)
    again = QWidget()
    qtbot.addWidget(again)
    place(again, "test", QSize(900, 700), local)
    assert again.size() == QSize(500, 360)
    assert LocalState.default().get("window.test.geometry")  # kept on disk


def test_a_broken_saved_geometry_is_ignored(qtbot, home):
    local = LocalState.default()
    local.set("window.test.geometry", "not base64 geometry")
    window = QWidget()
    qtbot.addWidget(window)
    place(window, "test", QSize(300, 200), local)
    assert window.size() == QSize(300, 200)
