"""A window's first size fits the screen it opens on, and its last size and place come back."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QRect, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from aws.localstate import LocalState

SCREEN_SHARE = 0.94  # of the available area: the window frame and a margin stay visible


def fitted_size(preferred: QSize, available: QRect, minimum: QSize | None = None) -> QSize:
    """`preferred`, capped to the screen area left by task bars and docks (never below the
    window's own minimum, which the window system would enforce anyway)."""
    cap = QSize(int(available.width() * SCREEN_SHARE), int(available.height() * SCREEN_SHARE))
    size = preferred.boundedTo(cap)
    return size.expandedTo(minimum) if minimum is not None else size


def available_area(window: QWidget) -> QRect:
    screen = window.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def _key(name: str) -> str:
    return f"window.{name}.geometry"


def _on_some_screen(window: QWidget) -> bool:
    """A saved place on a monitor that is gone would open the window out of sight."""
    frame = window.frameGeometry()
    return any(s.availableGeometry().intersects(frame) for s in QGuiApplication.screens())


def place(window: QWidget, name: str, preferred: QSize, local: LocalState | None) -> None:
    """The geometry saved under `name` if any (and still on a screen), else `preferred`
    capped to the screen and centred on it."""
    saved = local.get(_key(name)) if local is not None else None
    restored = isinstance(saved, str) and window.restoreGeometry(
        QByteArray.fromBase64(saved.encode()))
    if restored and _on_some_screen(window):
        return
    area = available_area(window)
    size = fitted_size(preferred, area, window.minimumSize())
    window.resize(size)
    window.move(area.center().x() - size.width() // 2, area.center().y() - size.height() // 2)


def remember(window: QWidget, name: str, local: LocalState | None) -> None:
    """Called when the window closes: its size and place for next time."""
    if local is not None:
        local.set(_key(name), window.saveGeometry().toBase64().data().decode())
