"""One generic worker: runs an engine call on the thread pool and reports through signals."""

from __future__ import annotations

import logging
import threading
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from aws.errors import ChangeWatchError, translate

log = logging.getLogger(__name__)


class WorkerSignals(QObject):
    progress = Signal(object)   # whatever the engine's on_progress passes
    succeeded = Signal(object)  # the function's return value
    failed = Signal(object)     # a ChangeWatchError
    finished = Signal()         # always, last


class Worker(QRunnable):
    """Calls fn(*args, on_progress=..., cancelled=..., **kwargs) off the GUI thread.

    `fn` may ignore on_progress/cancelled by not accepting them (pass_control=False).
    Connect to slots of objects living on the GUI thread; never touch widgets in fn.
    """

    def __init__(self, fn: Callable[..., Any], *args: Any, pass_control: bool = True,
                 **kwargs: Any) -> None:
        super().__init__()
        self.setAutoDelete(False)  # the owner keeps us until `finished`
        self.signals = WorkerSignals()
        self._fn, self._args, self._kwargs = fn, args, kwargs
        self._pass_control = pass_control
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def run(self) -> None:
        try:
            kwargs = dict(self._kwargs)
            if self._pass_control:
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
