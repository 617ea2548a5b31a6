"""What every window shares: local state, the language, the worker pool, how to reach AWS."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QObject, Signal

from aws.localstate import LocalState
from aws.session import AccessKeys, AwsAccess
from gui.workers import WorkerPool


class ContextSignals(QObject):
    language_changed = Signal(str)
    deployment_changed = Signal()  # applied or removed: dashboards refresh


@dataclass
class AppContext:
    local: LocalState
    lang: str = "ja"
    demo: bool = False
    pool: WorkerPool = field(default_factory=WorkerPool)
    signals: ContextSignals = field(default_factory=ContextSignals)
    profile: str | None = None
    keys: AccessKeys | None = None  # typed in the wizard; lives in memory / the OS keyring only
    sandbox: Any = None  # sandbox.demo.Sandbox in demo mode (gui/ never imports it)
    translations: Any = None
    _access: AwsAccess | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def access(self) -> AwsAccess:
        """One AwsAccess per profile choice; its clients are shared by the workers.
        Call it on a worker: creating a session reads files. Workers call it at once, so a
        lock makes sure they share one."""
        with self._lock:
            if self._access is None:
                self._access = AwsAccess(profile=self.profile, keys=self.keys)
            return self._access

    def use_profile(self, profile: str | None, keys: AccessKeys | None = None) -> None:
        with self._lock:
            self.profile, self.keys, self._access = profile, keys, None
