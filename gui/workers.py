"""Background work for the views: one Worker kind, one Task object that owns a view's runs.

A Task replaces its previous run when started again and drops whatever a replaced or cancelled
run still reports, so no view checks for stale answers itself (qutebrowser-style typed signals).
"""

from __future__ import annotations

import inspect
import logging
import threading
import traceback
from collections.abc import Callable
from functools import lru_cache
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from aws.errors import ChangeWatchError, translate

log = logging.getLogger(__name__)


def _takes_control(fn: Callable[..., Any]) -> bool:
    """Whether `fn` accepts on_progress= and cancelled= (the engine's long operations do)."""
    return _signature_takes_control(getattr(fn, "__func__", fn))


@lru_cache(maxsize=256)
def _signature_takes_control(fn: Callable[..., Any]) -> bool:
    try:
        parameters = inspect.signature(fn).parameters
    except (TypeError, ValueError):
        return False
    return "cancelled" in parameters and "on_progress" in parameters


class WorkerSignals(QObject):
    progress = Signal(object)   # whatever the engine's on_progress passes
    succeeded = Signal(object)  # the function's return value
    failed = Signal(object)     # a ChangeWatchError
    finished = Signal()         # always, last


class Worker(QRunnable):
    """Calls fn(*args, **kwargs) off the GUI thread; a function that takes `on_progress` and
    `cancelled` gets them. Connect to slots of objects on the GUI thread; never touch widgets
    in fn."""

    def __init__(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> None:
        super().__init__()
        self.setAutoDelete(False)  # the pool keeps us until `finished`
        self.signals = WorkerSignals()
        self._fn, self._args, self._kwargs = fn, args, kwargs
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def run(self) -> None:
        try:
            kwargs = dict(self._kwargs)
            if _takes_control(self._fn):
                kwargs.update(on_progress=self.signals.progress.emit,
                              cancelled=self._cancel.is_set)
            result = self._fn(*self._args, **kwargs)
        except ChangeWatchError as exc:
            self.signals.failed.emit(exc)
        except Exception as exc:  # noqa: BLE001 - becomes a readable error, traceback logged
            log.error("worker failed\n%s", traceback.format_exc())
            self.signals.failed.emit(translate(exc))
        else:
            self.signals.succeeded.emit(result)
        finally:
            self.signals.finished.emit()


class WorkerPool(QObject):
    """Starts workers and keeps them alive until they finish; waits for its own on close.

    Each pool has its own threads, so closing one window never waits for another's work."""

    THREADS = 4  # AWS calls wait on the network, not the CPU

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(self.THREADS)
        self._running: set[Worker] = set()

    def start(self, worker: Worker) -> Worker:
        self._running.add(worker)
        worker.signals.finished.connect(lambda w=worker: self._running.discard(w))
        self._pool.start(worker)
        return worker

    def cancel_all(self) -> None:
        for worker in list(self._running):
            worker.cancel()

    def wait(self, msecs: int = 10_000) -> bool:
        self.cancel_all()
        return self._pool.waitForDone(msecs)

    @property
    def busy(self) -> bool:
        return bool(self._running)


class Task(QObject):
    """One job of a view, run on a pool: `start` cancels the run before it; only the current
    run's progress and outcome are emitted. `busy` is true from `start` to its outcome."""

    progressed = Signal(object)
    succeeded = Signal(object)
    failed = Signal(object)         # a ChangeWatchError (cancellation included)
    busy_changed = Signal(bool)

    def __init__(self, pool: WorkerPool, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = pool
        self._worker: Worker | None = None

    @property
    def busy(self) -> bool:
        return self._worker is not None

    def start(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> None:
        if self._worker is not None:
            self._worker.cancel()
        worker = Worker(fn, *args, **kwargs)
        self._worker = worker
        worker.signals.progress.connect(self._on_worker_progress)
        worker.signals.succeeded.connect(self._on_worker_succeeded)
        worker.signals.failed.connect(self._on_worker_failed)
        self._pool.start(worker)
        self.busy_changed.emit(True)

    def cancel(self) -> None:
        """Ask the current run to stop between two AWS calls; its outcome still arrives."""
        if self._worker is not None:
            self._worker.cancel()

    def forget(self) -> None:
        """Cancel the current run and drop whatever it still reports."""
        if self._worker is not None:
            self._worker.cancel()
            self._worker = None
            self.busy_changed.emit(False)

    def _current(self) -> bool:
        return self._worker is not None and self.sender() is self._worker.signals

    @Slot(object)
    def _on_worker_progress(self, value: object) -> None:
        if self._current():
            self.progressed.emit(value)

    @Slot(object)
    def _on_worker_succeeded(self, value: object) -> None:
        if self._current():
            self._worker = None
            self.busy_changed.emit(False)
            self.succeeded.emit(value)

    @Slot(object)
    def _on_worker_failed(self, error: object) -> None:
        if self._current():
            self._worker = None
            self.busy_changed.emit(False)
            self.failed.emit(error)
