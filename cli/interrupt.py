"""Ctrl-C in a headless command: the first stops between AWS calls (so the run records what it
did), a second one stops at once. Either way the user reads one sentence, not a traceback."""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager


class Interrupt:
    def __init__(self) -> None:
        self._requested = threading.Event()

    def requested(self) -> bool:
        """The `cancelled` callable the engine checks before each call."""
        return self._requested.is_set()

    def _on_sigint(self, _signum: int, _frame: object) -> None:
        if self._requested.is_set():
            raise KeyboardInterrupt
        self._requested.set()

    @contextmanager
    def installed(self) -> Iterator[Interrupt]:
        if threading.current_thread() is not threading.main_thread():
            yield self  # signals reach only the main thread; nothing to install
            return
        previous = signal.signal(signal.SIGINT, self._on_sigint)
        try:
            yield self
        finally:
            signal.signal(signal.SIGINT, previous)
