"""Python's cyclic garbage collector runs on whichever thread happens to allocate when a
threshold is crossed. On a worker thread it can destroy Qt objects that belong to the GUI
thread, and Qt aborts. So the app turns automatic collection off and collects on the GUI
thread, on a timer, by the same thresholds."""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer, Slot


class GuiThreadCollector(QObject):
    """Install once, from the GUI thread; `stop()` gives collection back to Python."""

    def __init__(self, parent: QObject | None = None, interval_ms: int = 500) -> None:
        super().__init__(parent)
        self.thresholds = gc.get_threshold()
        gc.disable()
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.check)
        self._timer.start(interval_ms)

    @Slot()
    def check(self) -> None:
        """Collect the generations whose counts passed their thresholds, as Python would."""
        first, second, third = gc.get_count()
        if first > self.thresholds[0]:
            gc.collect(0)
            if second > self.thresholds[1]:
                gc.collect(1)
                if third > self.thresholds[2]:
                    gc.collect(2)

    def stop(self) -> None:
        self._timer.stop()
        gc.enable()
