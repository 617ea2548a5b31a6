"""Loads a window of events, then polls on a timer: one round at a time, never two in flight.
A load that stopped early (its page budget, or Stop) can be continued with `load_more`."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from aws.events import EventPage, EventReader, EventRow
from gui.workers import Worker, WorkerPool


class EventPoller(QObject):
    """Owns the reader; rows come back page by page through `rows_arrived`."""

    rows_arrived = Signal(object)         # list[EventRow]: one page's new rows
    page_read = Signal(object)            # EventPage: how far back a query has read
    round_started = Signal(str)           # "load" | "more" | "poll"
    round_finished = Signal(str, object)  # kind, ChangeWatchError | None
    new_events = Signal(object)           # list[EventRow] a poll found (not the first load)

    def __init__(self, pool: WorkerPool, make_reader: Callable[[], EventReader],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool, self._make_reader = pool, make_reader
        self._reader: EventReader | None = None
        self._worker: Worker | None = None
        self._kind = ""
        self._pending: timedelta | None = None
        self._found: list[EventRow] = []
        self.last_updated: datetime | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)  # restarted when a round ends: rounds never overlap
        self._timer.timeout.connect(self.poll)
        self._interval_ms = 0

    @property
    def busy(self) -> bool:
        return self._worker is not None

    @property
    def interval_ms(self) -> int:
        return self._interval_ms

    def set_interval(self, msecs: int) -> None:
        """0 turns auto-refresh off."""
        self._interval_ms = msecs
        self._timer.stop()
        if msecs and not self.busy and self._reader is not None:
            self._timer.start(msecs)

    def load(self, window: timedelta) -> None:
        """Read `window` afresh (a running round is cancelled first)."""
        self._timer.stop()
        if self._worker is not None:
            self._pending = window
            self._worker.cancel()
            return
        self._reader = self._reader or self._make_reader()
        self._start("load", Worker(self._reader.load, window))

    def load_more(self) -> None:
        """Continue the last load where it stopped (nothing to do if it read everything)."""
        if self._worker is not None or self._reader is None or not self.scanned_back_to():
            return
        self._timer.stop()
        self._start("more", Worker(self._reader.load_more))

    def scanned_back_to(self) -> dict[str, datetime]:
        """Regions whose last load stopped early, and the time back to which they were read."""
        return self._reader.scanned_back_to() if self._reader is not None else {}

    def reset(self) -> None:
        """Forget the reader (the settings changed); the next load makes a new one."""
        self.stop()
        self._reader = None

    @Slot()
    def poll(self) -> None:
        if self._worker is not None or self._reader is None:
            return
        self._start("poll", Worker(self._reader.poll))

    def stop(self) -> None:
        self._timer.stop()
        self._pending = None
        if self._worker is not None:
            self._worker.cancel()

    def _start(self, kind: str, worker: Worker) -> None:
        self._worker, self._kind, self._found = worker, kind, []
        worker.signals.progress.connect(self._on_worker_progress)
        worker.signals.failed.connect(self._on_worker_failed)
        worker.signals.succeeded.connect(self._on_worker_succeeded)
        self.round_started.emit(kind)
        self._pool.start(worker)

    def _current(self) -> bool:
        return self._worker is not None and self.sender() is self._worker.signals

    @Slot(object)
    def _on_worker_progress(self, page: EventPage) -> None:
        if not self._current() or self._pending is not None:
            return  # a cancelled round's late pages
        rows = list(page.rows)
        if rows:
            if self._kind == "poll":
                self._found.extend(rows)
            self.rows_arrived.emit(rows)
        self.page_read.emit(page)

    @Slot(object)
    def _on_worker_succeeded(self, _rows: object) -> None:
        if self._current():
            self._end(None)

    @Slot(object)
    def _on_worker_failed(self, error: object) -> None:
        if self._current():
            self._end(error)

    def _end(self, error: object) -> None:
        kind, found, pending = self._kind, self._found, self._pending
        self._worker, self._pending, self._found = None, None, []
        if pending is not None:
            self.load(pending)
            return
        if getattr(error, "kind", "") != "cancelled":
            self.last_updated = datetime.now().astimezone()
        self.round_finished.emit(kind, error)
        if found:
            self.new_events.emit(found)
        if self._interval_ms and self._reader is not None:
            self._timer.start(self._interval_ms)
