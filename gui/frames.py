"""Redraw at most once per frame: progress arrives in bursts, and a QProgressBar repaints on
every setValue, so updating per event would hold the GUI thread."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

FRAME_MS = 30


class FrameCoalescer(QObject):
    """`request()` as often as you like; `callback` runs once, within a frame."""

    def __init__(self, callback: Callable[[], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(FRAME_MS)
        self._timer.timeout.connect(callback)
        self._callback = callback

    def request(self) -> None:
        if not self._timer.isActive():
            self._timer.start()

    def flush(self) -> None:
        """Run now if a run is pending (before a final state is shown)."""
        if self._timer.isActive():
            self._timer.stop()
            self._callback()
